"""Indicator explorer: pick an indicator and some countries, see the series as lines.

``indicator_explorer()`` shows a drop-down of the indicators in the course's
``indicator_catalog`` and a multiple selection of countries (today's SCO members first, then
the partners, Turkmenistan and the World Bank's world aggregate). Every change redraws
:func:`scocourse.charts.indicator_lines` for the choice and adds a sentence, computed from the
data, on the latest value and any gaps. Hold Ctrl (Cmd on a Mac) or Shift to select several
countries.

``indicator_note(indicator, countries, years)`` is that sentence on its own.
matplotlib and ipywidgets are imported only when the widget or a chart is built; the widget
updates its ``Output`` by assigning ``out.outputs`` (never ``with out:``), so what it shows
does not depend on which cell is running.
"""
from __future__ import annotations

from scocourse.errors import CourseError, UnknownCountryError

from ._display import text_output
from .base import Explorer

__all__ = ["explorer_countries", "explorer_indicators", "indicator_note", "IndicatorExplorer",
           "build_indicator_explorer", "indicator_explorer"]

DEFAULT_INDICATOR = "NY.GDP.PCAP.CD"


def _current_date():
    from scocourse import latest_membership_change

    return latest_membership_change()


def explorer_countries() -> list[str]:
    """Returns the ISO3 codes offered: today's members, then partners, then the rest, then 'WLD'."""
    import scocourse
    from scocourse import datasets

    today = _current_date()
    members = scocourse.members(on=today)
    partners = [c for c in scocourse.members(on=today, status="any") if c not in members]
    have = sorted(set(datasets.load("indicators")["iso3"].astype(str)) - {"WLD"})
    rest = [c for c in have if c not in members and c not in partners]
    return members + sorted(partners) + rest + ["WLD"]


def explorer_indicators() -> list[tuple[str, str]]:
    """Returns ``(label, code)`` pairs for the drop-down, sorted by label; derived series are marked."""
    from scocourse import datasets

    cat = datasets.load("indicator_catalog")
    pairs = []
    for row in cat.itertuples(index=False):
        label = str(row.name)
        if bool(row.derived) and "derived" not in label.lower():
            label += " (derived)"
        pairs.append((label, str(row.indicator)))
    return sorted(pairs, key=lambda p: p[0].casefold())


def _indicator_code(indicator: str) -> str:
    """Returns the WDI-style code of an indicator given by code or short name (raises if unknown)."""
    from scocourse._lookup import indicator_info

    return str(indicator_info(indicator).indicator)


def _label(iso3: str, members: set, partners: set) -> str:
    import scocourse

    if iso3 == "WLD":
        return "World (World Bank aggregate)"
    name = scocourse.country_name(iso3)
    if iso3 in members:
        return f"{name} (member)"
    if iso3 in partners:
        return f"{name} (partner)"
    return name


def indicator_note(indicator: str, countries, years=None) -> str:
    """Returns one or two sentences on the chosen series: latest year and value range, and gaps.

    ``indicator``: code or short name; ``countries``: names or codes; ``years`` as for
    :func:`scocourse.indicator` (default: all years).
    """
    import scocourse

    df = scocourse.indicator(indicator, countries=list(countries), years=years).dropna(subset=["value"])
    codes = [scocourse.country(c) for c in countries]
    if df.empty:
        return "There are no values for this choice."
    unit = str(df["unit"].iloc[0])
    last = df.sort_values("year").groupby("iso3").tail(1).set_index("iso3")
    latest = int(last["year"].max())
    at_latest = last[last["year"] == latest]
    parts = []
    if len(at_latest) > 1:
        hi, lo = at_latest["value"].idxmax(), at_latest["value"].idxmin()
        parts.append(f"In {latest} the highest value shown is {scocourse.country_name(hi)}'s "
                     f"({_fmt(at_latest.loc[hi, 'value'])} {unit}) and the lowest "
                     f"{scocourse.country_name(lo)}'s ({_fmt(at_latest.loc[lo, 'value'])} {unit}).")
    else:
        only = at_latest.index[0]
        parts.append(f"In {latest}, {scocourse.country_name(only)}: {_fmt(at_latest.loc[only, 'value'])} {unit}.")
    stale = [f"{scocourse.country_name(c)} (last {int(last.loc[c, 'year'])})" for c in codes
             if c in last.index and int(last.loc[c, "year"]) < latest]
    none = [scocourse.country_name(c) for c in codes if c not in last.index]
    if stale:
        parts.append("Series ending earlier: " + ", ".join(stale) + ".")
    if none:
        parts.append("No data at all for: " + ", ".join(none) + ".")
    return " ".join(parts)


def _fmt(value: float) -> str:
    value = float(value)
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.1f} billion"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.1f} million"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def _text_output(text: str) -> dict:
    return text_output(text, html=True)


class IndicatorExplorer(Explorer):
    """The widget and its parts: ``.indicator`` (Dropdown), ``.countries`` (SelectMultiple),
    ``.output`` (Output), ``.widget`` (the box to display) and ``.note`` (the last sentence shown)."""

    def __init__(self, indicator: str = DEFAULT_INDICATOR, countries=None, years=None):
        import ipywidgets as w
        import scocourse

        today = _current_date()
        members = set(scocourse.members(on=today))
        partners = set(scocourse.members(on=today, status="any")) - members
        codes = explorer_countries()
        chosen = [scocourse.country(c) for c in (countries if countries is not None else sorted(members))]
        unknown = [c for c in chosen if c not in codes]
        if unknown:
            raise UnknownCountryError("Not among the explorer's countries: " + ", ".join(unknown) + ".")
        options = explorer_indicators()
        code = _indicator_code(indicator)
        self.years = years
        self.indicator = w.Dropdown(options=options, value=code, description="Indicator",
                                    style={"description_width": "initial"}, layout=w.Layout(width="520px"))
        self.countries = w.SelectMultiple(options=[(_label(c, members, partners), c) for c in codes],
                                          value=tuple(chosen), rows=10, description="Countries",
                                          style={"description_width": "initial"}, layout=w.Layout(width="520px"))
        self.note = ""
        self.assemble([self.indicator, self.countries], watch=[self.indicator, self.countries],
                      note="<p>Choose an indicator and one or more countries (Ctrl/Cmd-click or Shift-click to "
                           "select several). The chart and the sentence under it are redrawn from the course data.</p>")

    def outputs(self) -> tuple:
        """The chart and the note for the current choice."""
        from scocourse import charts

        codes = list(self.countries.value)
        if not codes:
            self.note = "Select at least one country."
            return (_text_output(self.note),)
        try:
            fig = charts.indicator_lines(self.indicator.value, codes, self.years)
            self.note = indicator_note(self.indicator.value, codes, self.years)
        except CourseError as exc:  # e.g. no data for this choice
            self.note = str(exc)
            return (_text_output(self.note),)
        return tuple(charts.figure_outputs(fig)) + (_text_output(self.note),)

    def fallback(self) -> tuple[str, None]:
        return "Indicator explorer (run the notebook to choose an indicator and countries). " + self.note, None


def build_indicator_explorer(indicator: str = DEFAULT_INDICATOR, countries=None, years=None) -> IndicatorExplorer:
    """Builds (without displaying) the explorer; returns an :class:`IndicatorExplorer`."""
    return IndicatorExplorer(indicator, countries, years)


def indicator_explorer(indicator: str = DEFAULT_INDICATOR, countries=None, years=None) -> None:
    """Shows the indicator explorer (drop-down of indicators, list of countries, chart). Returns None.

    ``indicator``: code or short name shown first (default GDP per capita, current US$);
    ``countries``: the countries selected at first (default: today's full members);
    ``years``: as for :func:`scocourse.indicator` (default: every year in the data).
    """
    build_indicator_explorer(indicator, countries, years).display()
