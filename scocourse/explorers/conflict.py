"""Conflict explorer: deaths in organised violence (UCDP) by type and country over time, with the coding rule.

``conflict_explorer()`` shows a list of countries (the five Central Asian states first, then the other
course countries), a slider for the years, and — for the choice — the chart
:func:`scocourse.charts.conflict_deaths` (one panel per country, bars stacked by type of violence) with a
note computed from the data: each country's deaths by type, its deadliest year and the pairs of actors
UCDP coded in that year. Beside the chart sits UCDP's coding rule (:func:`scocourse.charts.conflict.ucdp_rule`),
so what the bars leave out is always in view.

``conflict_note(countries, years)`` is that note on its own. matplotlib and ipywidgets are imported only
when a chart or the widget is built; the widget updates its ``Output`` by assigning ``out.outputs``
(never ``with out:``).
"""
from __future__ import annotations

from html import escape

from scocourse.errors import CourseError, OutOfRangeError, UnknownCountryError, WrongTypeError

from ._display import text_output
from .base import Explorer

__all__ = ["explorer_countries", "conflict_note", "rule_html", "ConflictExplorer", "build_conflict_explorer",
           "conflict_explorer"]

DEFAULT_COUNTRIES = ("KGZ", "TJK", "UZB")


def explorer_countries() -> list[str]:
    """Returns the ISO3 codes offered: the Central Asian states, then the other countries in the data by name."""
    import scocourse
    from scocourse import datasets
    from scocourse.facts import central_asia

    have = set(datasets.load("conflict")["iso3"].astype(str))
    ca = [c for c in central_asia() if c in have]
    return ca + sorted(have - set(ca), key=scocourse.country_name)


def conflict_note(countries, years=None) -> str:
    """Returns a few sentences on the choice: deaths by type per country, the deadliest year and its dyads.

    ``countries``: names or codes; ``years``: as for :func:`scocourse.charts.conflict.conflict_deaths_data`.
    Best estimates, in deaths.
    """
    import scocourse
    from scocourse import datasets
    from scocourse.charts.conflict import TYPE_LABELS, TYPES, conflict_deaths_data, conflict_summary

    table = conflict_summary(countries, years)
    frame = conflict_deaths_data(countries, years)
    y0, y1 = int(frame["year"].min()), int(frame["year"].max())
    span = f"{y0}–{y1}" if y1 > y0 else str(y0)
    dyads = datasets.load("conflict").set_index(["iso3", "year", "type_of_violence"])["dyads"]
    parts = []
    for iso3 in dict.fromkeys(frame["iso3"]):
        country = scocourse.country_name(iso3)
        row = table.loc[country]
        if row["total"] == 0:
            parts.append(f"{country}, {span}: no deaths coded by UCDP.")
            continue
        kinds = ", ".join(f"{TYPE_LABELS[k].lower()} {int(row[k]):,}" for k in TYPES if row[k] > 0)
        peak = int(row["peak_year"])
        named = sorted({d.strip() for k in TYPES for d in str(dyads.get((iso3, peak, k), "") or "").split(";")
                        if d.strip()})
        who = f" (UCDP's dyads that year: {'; '.join(named)})" if named else ""
        parts.append(f"{country}, {span}: {int(row['total']):,} deaths ({kinds}); deadliest year {peak}{who}.")
    return " ".join(parts)


def rule_html() -> str:
    """Returns UCDP's coding rule as a small HTML panel (shown beside the explorer's chart)."""
    from scocourse.charts.conflict import TYPE_LABELS, TYPES, ucdp_rule

    items = "".join(f"<li><b>{escape(TYPE_LABELS[k])}</b>: {escape(ucdp_rule(k))}.</li>" for k in TYPES)
    return ("<div style='border-left:3px solid #0072B2;padding:2px 10px;max-width:300px'>"
            "<p><b>What UCDP counts</b></p><ul style='padding-left:1.1em'>" + items + "</ul>"
            "<p>Deaths are placed in the country where the violence happened. Deaths of a dyad that crossed the "
            "threshold count in every year, so some years show fewer than 25.</p>"
            "<p><b>Not counted:</b> violence without an identifiable organised actor meeting these rules — for "
            "example the Andijan killings of May 2005 and Kazakhstan's unrest of January 2022. "
            "No bar does not mean no violence.</p></div>")


class ConflictExplorer(Explorer):
    """The widget and its parts: ``.countries`` (SelectMultiple), ``.years`` (IntRangeSlider), ``.output``
    (Output), ``.rule`` (HTML with the coding rule), ``.widget`` (the box to display) and ``.note``."""

    def __init__(self, countries=DEFAULT_COUNTRIES, years=None):
        import ipywidgets as w

        import scocourse
        from scocourse import datasets

        codes = explorer_countries()
        chosen = list(dict.fromkeys(scocourse.country(c) for c in countries))
        if not chosen:
            raise WrongTypeError("Choose at least one country, e.g. conflict_explorer(['KGZ', 'TJK']).")
        unknown = [c for c in chosen if c not in codes]
        if unknown:
            raise UnknownCountryError("Not in the UCDP conflict data: " + ", ".join(unknown) + ".")
        data_years = datasets.load("conflict")["year"]
        lo, hi = int(data_years.min()), int(data_years.max())
        if years is None:
            years = (lo, hi)
        if (not isinstance(years, tuple) or len(years) != 2 or not all(isinstance(y, int) for y in years)
                or years[0] > years[1] or years[0] < lo or years[1] > hi):
            raise OutOfRangeError(f"years should be a (first, last) pair of years within {lo}–{hi}, not {years!r}.")
        ca = set(scocourse.central_asia())
        options = [(scocourse.country_name(c) + ("" if c in ca else " (outside Central Asia)"), c) for c in codes]
        self.countries = w.SelectMultiple(options=options, value=tuple(chosen), rows=8, description="Countries",
                                          style={"description_width": "initial"}, layout=w.Layout(width="360px"))
        self.years = w.IntRangeSlider(value=years, min=lo, max=hi, step=1, description="Years",
                                      continuous_update=False, style={"description_width": "initial"},
                                      layout=w.Layout(width="480px"))
        self.rule = w.HTML(rule_html())
        self.note = ""
        self.assemble([w.HBox([self.countries, self.years])], watch=[self.countries, self.years],
                      beside_output=[self.rule],
                      note="<p>Choose one or more countries (Ctrl/Cmd-click or Shift-click) and a span of years. "
                           "The chart and the note under it are redrawn from the UCDP data; the coding rule on "
                           "the right says what the bars can and cannot show.</p>")

    def outputs(self) -> tuple:
        """The chart and the note for the current choice."""
        from scocourse import charts

        codes = list(self.countries.value)
        if not codes:
            self.note = "Select at least one country."
            return (text_output(self.note, html=True),)
        years = (int(self.years.value[0]), int(self.years.value[1]))
        try:
            fig = charts.conflict_deaths(codes, years)
            self.note = conflict_note(codes, years)
        except CourseError as exc:
            self.note = str(exc)
            return (text_output(self.note, html=True),)
        return tuple(charts.figure_outputs(fig)) + (text_output(self.note, html=True),)

    def fallback(self) -> tuple[str, str]:
        from scocourse.charts.conflict import ucdp_rule

        lead = "Conflict explorer (run the notebook to choose countries and years)."
        return (f"{lead} {self.note} Coding rule: {ucdp_rule()}",
                f"<p><b>Conflict explorer</b> (run the notebook to choose countries and years). "
                f"{escape(self.note)}</p>" + rule_html())


def build_conflict_explorer(countries=DEFAULT_COUNTRIES, years=None) -> ConflictExplorer:
    """Builds (without displaying) the explorer; returns a :class:`ConflictExplorer`."""
    return ConflictExplorer(countries, years)


def conflict_explorer(countries=DEFAULT_COUNTRIES, years=None) -> None:
    """Shows the conflict explorer (countries, a year slider, the chart, a note and UCDP's rule). Returns None.

    ``countries``: the countries selected at first (default Kyrgyzstan, Tajikistan, Uzbekistan);
    ``years``: a ``(first, last)`` pair (default: every year in the data). Without a live kernel a text
    fallback shows the first choice's note and the coding rule.
    """
    build_conflict_explorer(countries, years).display()
