"""Energy explorer: choose a country, see its electricity mix and fossil production over time.

``energy_explorer()`` shows a drop-down of countries (the five Central Asian states first,
then the other countries of the ``energy`` dataset) and, for the country chosen, two
charts from :mod:`scocourse.charts` — ``electricity_mix_over_time(country)`` and
``fossil_production([country])`` — with a short summary computed from the data under them.

The module also holds the small data helpers lesson 07 uses:

- :func:`central_asia` — the five Central Asian states (:func:`scocourse.central_asia`, re-exported);
- :func:`electricity_shares` — each source's share (%) of a country's electricity in a year;
- :func:`mystery_mixes` — the Central Asian mixes with the country names hidden, for the
  "identify the country from its energy mix" exercise (07-02), and the key to them;
- :func:`energy_summary` — the sentences shown under the explorer's charts.

matplotlib and ipywidgets are imported only when a chart or the widget is built. The widget
updates its ``Output`` by assigning ``out.outputs`` (never ``with out:``), so what it shows
does not depend on which cell is running.
"""
from __future__ import annotations

from scocourse.errors import OutOfRangeError, UnknownCountryError, WrongTypeError
from scocourse.facts import central_asia

from ._display import text_output as _text_output
from .base import Explorer, chart_outputs

__all__ = [
    "central_asia", "electricity_shares", "mystery_mixes", "energy_summary", "explorer_countries",
    "EnergyExplorer", "build_energy_explorer", "energy_explorer",
]

#: How the electricity sources of the ``energy`` dataset are grouped for tables and summaries.
SOURCE_GROUPS = {
    "coal": "coal", "gas": "gas", "oil": "oil", "hydro": "hydro", "nuclear": "nuclear",
    "solar": "solar and wind", "wind": "solar and wind",
    "bioenergy": "other", "other_renewables": "other",
}
GROUP_ORDER = ("coal", "gas", "oil", "hydro", "nuclear", "solar and wind", "other")
MYSTERY_LETTERS = "ABCDEFGHIJ"


def _energy():
    from scocourse import datasets

    return datasets.load("energy")


def explorer_countries() -> list[str]:
    """Returns the countries offered by the explorer: Central Asia first, then the others (ISO3)."""
    e = _energy()
    have = set(e.loc[e["measure"] == "electricity_generation", "iso3"].astype(str)) - {"WLD"}
    ca = [c for c in central_asia() if c in have]
    return ca + sorted(have - set(ca))


def _iso3(country) -> str:
    import scocourse

    return scocourse.country(country)


def _generation(countries):
    """Electricity generation rows of ``countries``, one vintage per country (the newest that covers it, the
    same rule as the electricity charts: vintages are never added together or spliced)."""
    from ..facts import pick_vintage

    e = _energy()
    g = e[(e["measure"] == "electricity_generation") & e["iso3"].isin(countries)].copy()
    if "vintage" in g.columns and g["vintage"].nunique() > 1:
        keep = {c: pick_vintage(g, c)[0] for c in sorted(set(g["iso3"]))}
        g = g[[keep[c] == v for c, v in zip(g["iso3"], g["vintage"])]]
    g["group"] = g["fuel"].map(SOURCE_GROUPS).fillna("other")
    return g


def electricity_shares(countries=None, year: int | None = None):
    """Returns a table of each source's share (%) of electricity generated, one row per country.

    ``countries``: names or ISO3 codes (default: the five Central Asian states). ``year``:
    default the latest year with data for every country asked for. Columns: the source
    groups (coal, gas, oil, hydro, nuclear, solar and wind, other), ``total_TWh`` and
    ``year``; the index holds the country names. Shares are not rounded.
    """
    import scocourse

    codes = [_iso3(c) for c in (central_asia() if countries is None else countries)]
    if not codes:
        raise WrongTypeError("Give at least one country, e.g. electricity_shares(['KAZ', 'UZB']).")
    g = _generation(codes)
    missing = sorted(set(codes) - set(g["iso3"].astype(str)))
    if missing:
        raise OutOfRangeError(f"The energy dataset has no electricity generation for {', '.join(missing)}.")
    totals = g.groupby(["iso3", "year"])["value"].sum()
    years_with_data = totals[totals > 0].reset_index().groupby("iso3")["year"].apply(set)
    common = set.intersection(*years_with_data.tolist())
    if year is None:
        if not common:
            raise OutOfRangeError("These countries have no year of electricity data in common.")
        year = max(common)
    elif year not in common:
        span = sorted(common)
        where = f"{span[0]}–{span[-1]}" if span else "no common year"
        raise OutOfRangeError(f"There is no electricity generation for every one of these countries in {year!r} "
                          f"(years with data for all of them: {where}).")
    g = g[g["year"] == year]
    table = g.pivot_table(index="iso3", columns="group", values="value", aggfunc="sum").reindex(codes)
    table = table.reindex(columns=[c for c in GROUP_ORDER if c in table.columns]).fillna(0.0)
    total = table.sum(axis=1)
    shares = table.div(total, axis=0) * 100
    shares["total_TWh"] = total
    shares["year"] = int(year)
    shares.index = [scocourse.country_name(c) for c in codes]
    shares.index.name = "country"
    shares.columns.name = None
    return shares


def mystery_mixes(year: int | None = None):
    """Returns ``(table, key)``: the Central Asian electricity mixes with the names hidden.

    The rows are labelled "Mix A", "Mix B", … in order of the hydropower share, lowest first
    (ties broken by total generation), so the labels follow the data rather than the
    alphabet. ``table`` holds the shares (%, one decimal) and total generation (TWh, one
    decimal); ``key`` maps each label to the country's name.
    """
    shares = electricity_shares(central_asia(), year)
    order = shares.sort_values(["hydro", "total_TWh"], kind="mergesort").index
    labels = [f"Mix {MYSTERY_LETTERS[i]}" for i in range(len(order))]
    key = dict(zip(labels, order))
    table = shares.loc[list(order)].drop(columns="year").round(1)
    table.index = labels
    table.index.name = f"electricity, {int(shares['year'].iloc[0])}"
    table = table.loc[:, (table != 0).any(axis=0)]
    return table, key


def _latest(df, measure: str):
    sub = df[(df["measure"] == measure) & df["value"].notna()]
    if sub.empty:
        return None, sub
    year = int(sub["year"].max())
    return year, sub[sub["year"] == year]


def energy_summary(country) -> str:
    """Returns two or three sentences on a country's electricity and fossil fuels, computed from the data."""
    import scocourse

    iso3 = _iso3(country)
    name = scocourse.country_name(iso3)
    e = _energy()
    mine = e[e["iso3"] == iso3]
    parts = []
    year, gen = _latest(mine, "electricity_generation")
    if year is not None and float(gen["value"].sum()) > 0:
        shares = electricity_shares([iso3], year).iloc[0]
        top = shares.drop(["total_TWh", "year"]).sort_values(ascending=False, kind="mergesort")
        top = top[top >= 0.5]
        listed = ", ".join(f"{k} {v:.0f}%" for k, v in top.head(3).items())
        parts.append(f"In {year} {name} generated {shares['total_TWh']:.1f} TWh of electricity: {listed}.")
    else:
        parts.append(f"The energy dataset has no electricity generation for {name}.")
    fyear, fossil = _latest(mine, "fossil_production")
    if fyear is not None:
        by_fuel = fossil.groupby("fuel")["value"].sum().sort_values(ascending=False, kind="mergesort")
        by_fuel = by_fuel[by_fuel > 0]
        if len(by_fuel):
            listed = ", ".join(f"{k} {v:,.1f} TWh" for k, v in by_fuel.items())
            parts.append(f"Its fossil fuel production in {fyear} (primary energy): {listed}.")
        else:
            parts.append(f"The dataset records no fossil fuel production for it (latest year {fyear}).")
    else:
        parts.append(f"The energy dataset has no fossil fuel production for {name}.")
    vintages = sorted(set(mine.loc[mine["measure"].isin(["electricity_generation", "fossil_production"]),
                                   "vintage"].astype(str)))
    if vintages:
        parts.append("Data: " + "; ".join(vintages) + ".")
    return " ".join(parts)


class EnergyExplorer(Explorer):
    """The explorer's widgets: ``dropdown``, ``output`` and the whole ``widget``.

    Changing ``dropdown.value`` (an ISO3 code) redraws ``output``: the electricity mix over
    time, fossil fuel production over time, and a summary (``summary``).
    """

    def __init__(self, country="KAZ", countries=None):
        import ipywidgets as w
        import scocourse

        codes = explorer_countries() if countries is None else [_iso3(c) for c in countries]
        first = _iso3(country)
        if first not in codes:
            raise UnknownCountryError(f"{scocourse.country_name(first)} is not among the explorer's countries: "
                              + ", ".join(codes) + ".")
        ca = set(central_asia())
        options = [(scocourse.country_name(c) + ("" if c in ca else " (outside Central Asia)"), c) for c in codes]
        self.dropdown = w.Dropdown(options=options, value=first, description="Country",
                                   style={"description_width": "initial"}, layout=w.Layout(width="360px"))
        self.summary = ""
        self.assemble([self.dropdown], watch=[self.dropdown],
                      note="<p>Choose a country to see how it makes its electricity and which fossil fuels it "
                           "produces, year by year. A text summary follows the charts.</p>")

    def outputs(self) -> tuple:
        """The charts and summary for the country now chosen."""
        from scocourse import charts

        iso3 = self.dropdown.value
        self.summary = energy_summary(iso3)
        outputs = chart_outputs(charts.electricity_mix_over_time, iso3)
        outputs += chart_outputs(charts.fossil_production, [iso3])
        return outputs + (_text_output(self.summary),)

    def fallback(self) -> tuple[str, str]:
        from html import escape

        name = self.dropdown.label.replace(" (outside Central Asia)", "")
        lead = f"Energy explorer (run the notebook to choose another country). Showing {name}:"
        return (f"{lead} {self.summary}",
                f"<p><b>Energy explorer</b> (run the notebook to choose another country). "
                f"Showing {escape(name)}: {escape(self.summary)}</p>")


def build_energy_explorer(country="KAZ", countries=None) -> EnergyExplorer:
    """Builds (without displaying) the explorer; returns an :class:`EnergyExplorer`."""
    return EnergyExplorer(country, countries)


def energy_explorer(country="KAZ", countries=None) -> None:
    """Shows the energy explorer: a country drop-down, two charts and a summary. Returns None.

    ``country``: the country shown first (name or ISO3 code); ``countries``: the choices
    (default: every country in the ``energy`` dataset, Central Asia first). Without a live
    kernel (GitHub, an HTML export) a text fallback shows the first country's summary.
    """
    build_energy_explorer(country, countries).display()
