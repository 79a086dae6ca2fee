"""Economy explorer (lesson 06): a country's trade partners from either side of the records, or its
dependence on remittances over time.

``economy_explorer()`` shows a choice of view (trade partners / remittances), a country drop-down,
a toggle between the country's own customs records and its partners' (mirror) records, and a year
slider. Every change redraws :func:`scocourse.charts.trade_partners` or
:func:`scocourse.charts.remittance_dependence` and adds a sentence computed from the data.
``economy_note(...)`` is that sentence on its own. matplotlib and ipywidgets are imported only when
the widget is built; the output is updated by assigning ``out.outputs`` (never ``with out:``).
"""
from __future__ import annotations

from scocourse.errors import CourseError, OutOfRangeError, UnknownCountryError, UnknownNameError

from ._display import text_output
from .base import Explorer

__all__ = ["VIEWS", "SIDES", "economy_note", "EconomyExplorer", "build_economy_explorer", "economy_explorer"]

VIEWS = {"trade": "Trade partners", "remittances": "Remittances"}
SIDES = {"reporter": "Its own records", "partner": "Partners' records"}


def _trade_years(code: str) -> list[int]:
    import scocourse

    a = set(scocourse.partner_shares(code, side="reporter")["year"])
    b = set(scocourse.partner_shares(code, side="partner")["year"])
    return sorted(a & b)


def _remittance_years(code: str) -> list[int]:
    from scocourse.charts.migration import remittance_table

    return sorted(set(remittance_table([code], world=False)["year"]))


def economy_note(view: str, country: str, year: int, side: str = "reporter") -> str:
    """Return one or two sentences, computed from the data, on the choice shown.

    ``view="trade"``: the largest partner on each side of the records in ``year`` and how far they differ;
    ``view="remittances"``: remittances as % of GDP in ``year`` and the peak of the series.
    """
    import scocourse
    from scocourse.charts import fmt

    code = scocourse.country(country)
    cname = scocourse.country_name(code)
    if view == "trade":
        from scocourse.charts.migration import trade_partners_table

        t = trade_partners_table(code, year, side, top=1)
        r = t.iloc[0]
        where = "its own records" if side == "reporter" else "its partners' records"
        text = (f"In {year}, read from {where}, "
                f"{r['partner_name']} had {fmt.pct(float(r['share']), 1)} of {cname}'s reported world trade")
        if r["other_share"] == r["other_share"]:
            text += (f"; the other side of the records gives {fmt.pct(float(r['other_share']), 1)}, "
                     f"a gap of {abs(float(r['share']) - float(r['other_share'])):.1f} percentage points")
        if bool(r["estimated"]):
            text += " (the figures include IMF estimates, not the country's own reports)"
        return text + "."
    if view == "remittances":
        from scocourse.charts.migration import remittance_table

        tab = remittance_table([code], world=False)
        row = tab[tab["year"] == year]
        if not len(row):
            return f"No remittance figure for {cname} in {year}."
        peak = tab.loc[tab["value"].idxmax()]
        return (f"In {year}, remittances received were {fmt.pct(float(row['value'].iloc[0]), 1)} of {cname}'s GDP; "
                f"the series peaks at {fmt.pct(float(peak['value']), 1)} in {int(peak['year'])}.")
    raise CourseError(f"view={view!r} is not a view of the explorer; use one of {', '.join(VIEWS)}.")


class EconomyExplorer(Explorer):
    """The widget and its parts: ``.view`` (ToggleButtons), ``.country`` (Dropdown), ``.side``
    (ToggleButtons), ``.year`` (IntSlider), ``.output`` (Output), ``.widget`` (the box to display)
    and ``.note`` (the last sentence shown)."""

    def __init__(self, country: str = "KGZ", view: str = "trade", side: str = "reporter", year: int | None = None):
        import ipywidgets as w
        import scocourse

        if view not in VIEWS:
            raise UnknownNameError(f"view={view!r} is not a view of the explorer; use one of {', '.join(VIEWS)}.")
        if side not in SIDES:
            raise UnknownNameError(f"side={side!r} is not a side of the trade records; use 'reporter' or 'partner'.")
        code = scocourse.country(country)
        options = scocourse.central_asia()
        if code not in options:
            raise UnknownCountryError(f"The economy explorer covers the Central Asian states ({', '.join(options)}), "
                              f"not {scocourse.country_name(code)}.")
        self._updating = False
        self.view = w.ToggleButtons(options=[(v, k) for k, v in VIEWS.items()], value=view, description="View")
        self.country = w.Dropdown(options=[(scocourse.country_name(c), c) for c in options], value=code,
                                  description="Country")
        self.side = w.ToggleButtons(options=[(v, k) for k, v in SIDES.items()], value=side, description="Records")
        years = self._years(view, code)
        self.year = w.IntSlider(min=years[0], max=years[-1], value=year if year in years else years[-1],
                                description="Year", continuous_update=False)
        self.note = ""
        controls = [self.view, self.country, self.side, self.year]
        self.assemble(controls, watch=controls,
                      note="<p>Trade partners: compare what a country's own customs records say with what its "
                           "partners record (toggle <b>Records</b>, move the year). Remittances: money sent home as "
                           "a share of GDP, with the other Central Asian states and the world.</p>")

    @staticmethod
    def _years(view: str, code: str) -> list[int]:
        years = _trade_years(code) if view == "trade" else _remittance_years(code)
        if not years:
            raise OutOfRangeError(f"No {VIEWS[view].lower()} data for this country.")
        return years

    def _changed(self, change=None) -> None:
        if self._updating:
            return
        if change is not None and change.get("owner") in (self.view, self.country):
            years = self._years(self.view.value, self.country.value)
            self._updating = True
            try:
                keep = self.year.value
                self.year.max = max(years[-1], self.year.max)  # widen first so min never exceeds max
                self.year.min = years[0]
                self.year.max = years[-1]
                self.year.value = keep if years[0] <= keep <= years[-1] else years[-1]
            finally:
                self._updating = False
        self.update()

    def outputs(self) -> tuple:
        """The chart and the note for the current choice."""
        from scocourse import charts

        code, year = self.country.value, int(self.year.value)
        self.side.disabled = self.view.value != "trade"
        try:
            if self.view.value == "trade":
                fig = charts.trade_partners(code, year, self.side.value)
                self.note = economy_note("trade", code, year, self.side.value)
            else:
                fig = charts.remittance_dependence()
                self.note = economy_note("remittances", code, year)
        except CourseError as exc:  # e.g. no record for this year
            self.note = str(exc)
            return (text_output(self.note, html=True),)
        return tuple(charts.figure_outputs(fig)) + (text_output(self.note, html=True),)

    def fallback(self) -> tuple[str, None]:
        return ("Economy explorer (run the notebook to choose a country, a side of the trade "
                "records and a year). " + self.note, None)


def build_economy_explorer(country: str = "KGZ", view: str = "trade", side: str = "reporter",
                           year: int | None = None) -> EconomyExplorer:
    """Builds (without displaying) the explorer; returns an :class:`EconomyExplorer`."""
    return EconomyExplorer(country, view, side, year)


def economy_explorer(country: str = "KGZ", view: str = "trade", side: str = "reporter", year: int | None = None) -> None:
    """Shows the economy explorer (trade partners from either side of the records, or remittances). Returns None.

    ``country``: a Central Asian state (default Kyrgyzstan); ``view``: ``"trade"`` or ``"remittances"``;
    ``side``: ``"reporter"`` or ``"partner"``; ``year``: default the latest year with data.
    """
    build_economy_explorer(country, view, side, year).display()
