"""Membership map explorer: a year slider redrawing the SCO membership map (lesson 01)."""
from __future__ import annotations


def latest_membership_date():
    """Return the date of the latest change in the membership data (a ``datetime.date``)."""
    from scocourse import datasets

    return datasets._read("membership")["start"].max().date()


def map_date(year: int):
    """Return the date the map shows for ``year``: 31 December, or the latest data date in its final year."""
    last = latest_membership_date()
    return last if year >= last.year else f"{year}-12-31"


class MembershipMapExplorer:
    """The explorer's widgets: ``slider``, ``output`` and the whole ``widget``."""

    def __init__(self, year: int | None = None):
        import ipywidgets as w

        from scocourse import datasets

        first = int(datasets._read("membership")["start"].min().year)
        last = latest_membership_date().year
        self.slider = w.IntSlider(value=first if year is None else year, min=first, max=last, step=1,
                                  description="End of year", continuous_update=False)
        self.output = w.Output()
        self.widget = w.VBox([self.slider, self.output])
        self.slider.observe(lambda _change: self.update(), names="value")
        self.update()

    def update(self) -> None:
        """Redraw the map for the slider's year."""
        from scocourse import charts

        self.fig = charts.membership_map(on=map_date(self.slider.value))
        self.output.outputs = charts.figure_outputs(self.fig)


def membership_map_explorer(year: int | None = None) -> None:
    """Show the membership map with a year slider (first year of the data by default). Returns None."""
    from ._display import display_widget

    ex = MembershipMapExplorer(year)
    display_widget(ex.widget, f"Membership map explorer (run the notebook to move the year slider). "
                              f"Showing the end of {ex.slider.value}: {ex.fig.description}")
