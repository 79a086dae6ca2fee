"""Membership map explorer: a year slider redrawing the SCO membership map (lesson 01)."""
from __future__ import annotations

import datetime as _dt

from .base import Explorer


def latest_membership_date() -> _dt.date:
    """Return the date of the latest membership change that has happened (:func:`scocourse.latest_membership_change`)."""
    from scocourse import latest_membership_change

    return latest_membership_change()


def map_date(year: int) -> str | _dt.date:
    """Return the date the map shows for ``year``: 31 December, or the latest data date in its final year."""
    last = latest_membership_date()
    return last if year >= last.year else f"{year}-12-31"


class MembershipMapExplorer(Explorer):
    """The explorer's widgets: ``slider``, ``output`` and the whole ``widget``; ``fig`` is the map shown."""

    def __init__(self, year: int | None = None):
        import ipywidgets as w

        from scocourse import membership_changes

        first = int(min(membership_changes()["date"]).year)
        last = latest_membership_date().year
        self.slider = w.IntSlider(value=first if year is None else year, min=first, max=last, step=1,
                                  description="End of year", continuous_update=False)
        self.assemble([self.slider], watch=[self.slider])

    def outputs(self) -> tuple:
        """The map for the slider's year."""
        from scocourse import charts

        self.fig = charts.membership_map(on=map_date(self.slider.value))
        return tuple(charts.figure_outputs(self.fig))

    def fallback(self) -> tuple[str, None]:
        return (f"Membership map explorer (run the notebook to move the year slider). "
                f"Showing the end of {self.slider.value}: {self.fig.description}", None)


def membership_map_explorer(year: int | None = None) -> None:
    """Show the membership map with a year slider (first year of the data by default). Returns None."""
    MembershipMapExplorer(year).display()
