"""Lesson 06 charts: migrant stocks, remittance dependence and a country's trade partners from either side.

Each chart has a data step that returns a tidy DataFrame (testable without matplotlib), a drawing step
and a description generated from the data:

* :func:`migrant_stock_table` / :func:`migrant_stock` — UN DESA International Migrant Stock 2019
  (``datasets.load("migration")``): persons born in the origin countries and living in each destination.
  These are stocks of people by country of birth (or citizenship where so recorded), **not** labour
  migrants; every chart and description says so.
* :func:`remittance_table` / :func:`remittance_dependence` — personal remittances received as % of GDP
  (World Bank WDI, derived ``remittances_pct_gdp``), with the World Bank world aggregate for reference.
* :func:`trade_partners_table` / :func:`trade_partners` — partners' shares in a country's trade in one
  year, read from the country's own records or from its partners' records
  (:func:`scocourse.partner_shares`), with the other side's figure beside each bar.
"""
from __future__ import annotations

from . import _format as fmt
from . import style
from .._lookup import check_years
from .._lookup import country as _country
from .._lookup import resolve_countries as _resolve
from ..errors import OutOfRangeError, UnknownCountryError, WrongTypeError
from ..facts import central_asia
from ._common import check_frame, indicator_source, name
from ._common import source as dataset_source
from .figure import chart, finish, hatch_on, legend_above, new_figure

__all__ = ["NOT_LABOUR", "migrant_stock_table", "migrant_stock", "remittance_table", "remittance_dependence",
           "trade_partners_table", "trade_partners"]

#: The caveat every migration chart carries.
NOT_LABOUR = ("Migrant stock = persons born in the origin country (or its citizens, where birthplace is not "
              "recorded) living in the destination at mid-year; not a count of labour migrants.")

def resolve_countries(countries, default) -> list[str]:
    """Country codes from names or codes (the data layer's look-up); None -> ``default``; order kept."""
    if countries is None:
        return list(default)
    codes = _resolve(countries)
    if not codes:
        raise WrongTypeError("countries is empty: give at least one country name or code.")
    return list(dict.fromkeys(codes))


_HATCHES = ("", "//", "..", "xx", "\\\\", "--", "++", "oo")
_SIDES = {"reporter": "the country's own records", "partner": "the partners' records (mirror data)"}


# --------------------------------------------------------------------------- migrant stocks
def _migration(data):
    from .. import datasets

    if data is None:
        return datasets.load("migration")
    return check_frame(data, ["destination", "origin", "year", "migrants"], "migration")


def _codes(values, what: str) -> list[str]:
    """ISO3 codes: course countries by name or code, other countries by their three-letter code."""
    if isinstance(values, str):
        values = [values]
    out = []
    for v in values:
        if not isinstance(v, str):
            raise WrongTypeError(f"{what} should be country names or ISO3 codes, not {type(v).__name__} {v!r}.")
        try:
            out.append(_country(v))
        except UnknownCountryError:  # a partner outside the course countries, given by its code
            if len(v.strip()) == 3 and v.strip().isalpha():
                out.append(v.strip().upper())
            else:
                raise
    return list(dict.fromkeys(out))


def migrant_stock_table(origins=None, destinations=None, year: int = 2019, data=None):
    """Return the migrant stock by origin and destination in ``year`` as a tidy DataFrame.

    ``origins``: countries of birth (names or ISO3; default the five Central Asian states);
    ``destinations``: countries of residence (default: all); ``year``: 1990, 1995, 2000, 2005, 2010,
    2015 or 2019. Columns ``origin``, ``destination``, ``destination_name``, ``year``, ``migrants``
    (persons born in the origin living in the destination — not labour migrants), largest first.
    """
    m = _migration(data)
    years = sorted(int(y) for y in m["year"].unique())
    if not isinstance(year, int) or isinstance(year, bool) or year not in years:
        raise OutOfRangeError(f"The UN DESA migrant stock has the years {', '.join(map(str, years))}; "
                              f"{year!r} is not one of them.")
    orig = central_asia() if origins is None else _codes(origins, "origins")
    sub = m[m["origin"].isin(orig) & (m["year"] == year)]
    if destinations is not None:
        sub = sub[sub["destination"].isin(_codes(destinations, "destinations"))]
    if not len(sub):
        raise OutOfRangeError(f"No migrant stock for origins {', '.join(orig)} in {year} with these destinations.")
    if "destination_name" not in sub.columns:
        sub = sub.assign(destination_name=sub["destination"].map(name))
    out = sub[["origin", "destination", "destination_name", "year", "migrants"]].copy()
    out["migrants"] = out["migrants"].astype("int64")
    return out.sort_values(["migrants", "origin", "destination"], ascending=[False, True, True],
                           kind="mergesort").reset_index(drop=True)


def _short_dest(code: str, un_name: str) -> str:
    n = name(code)
    if n != code:
        return n
    return {"United States of America": "United States", "United Kingdom": "United Kingdom",
            "Russian Federation": "Russia"}.get(un_name, un_name)


@chart
def migrant_stock(origins=None, destinations=None, year: int = 2019, top: int = 6, data=None):
    """Return a CourseFigure: where people born in ``origins`` lived in ``year`` (stacked bars, persons).

    One bar per destination (the ``top`` largest, or the ``destinations`` given), split by country of
    birth; a last bar sums every other destination. Source: UN DESA International Migrant Stock 2019.
    The stocks count people by country of birth, not labour migrants (the chart says so).
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise WrongTypeError(f"top= should be a whole number of destinations such as 6, not {top!r}.")
    tab = migrant_stock_table(origins, None, year, data)
    orig = list(dict.fromkeys(central_asia() if origins is None else _codes(origins, "origins")))
    orig = [o for o in orig if o in set(tab["origin"])]
    totals = tab.groupby("destination")["migrants"].sum().sort_values(ascending=False, kind="mergesort")
    if destinations is None:
        dests = list(totals.index[:top])
    else:
        dests = [d for d in _codes(destinations, "destinations") if d in totals.index]
        if not dests:
            raise OutOfRangeError("None of these destinations hosts people born in the origins chosen.")
    rest = totals.drop(dests).sum()
    names = {d: _short_dest(d, n) for d, n in zip(tab["destination"], tab["destination_name"])}
    rows = [(names[d], {o: float(tab[(tab["destination"] == d) & (tab["origin"] == o)]["migrants"].sum())
                        for o in orig}) for d in dests]
    if rest > 0:
        rows.append(("All other destinations", {o: float(tab[~tab["destination"].isin(dests) & (tab["origin"] == o)]
                                                         ["migrants"].sum()) for o in orig}))
    s = style.context_settings()
    # colour plus a hatch per country of birth, so segments are told apart without colour
    hatches = {o: _HATCHES[k % len(_HATCHES)] for k, o in enumerate(orig)}
    fig, ax = new_figure(height=max(s["figsize"][1], 1.6 + 0.42 * len(rows)))
    for i, (_label, parts) in enumerate(rows):
        left = 0.0
        for o in orig:
            v = parts[o]
            if v <= 0:
                continue
            fill = style.color(o)
            ax.barh(i, v, left=left, height=0.64, color=fill, edgecolor="white", linewidth=0.7,
                    hatch=hatches[o] or None, hatchcolor=hatch_on(fill))
            left += v
        ax.text(left, i, "  " + fmt.short(left), va="center", ha="left", fontsize=s["small"], color="#222222")
    ax.set_yticks(range(len(rows)), labels=[r[0] for r in rows])
    ax.set_ylim(len(rows) - 0.5, -0.6)
    xmax = max(sum(p.values()) for _l, p in rows)
    ax.set_xlim(0, xmax * 1.16)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.short(v, 2)))
    ax.set_xlabel("Persons (stock at mid-year)")
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x")
    handles = [Patch(facecolor=style.color(o), hatch=hatches[o] or None, hatchcolor=hatch_on(style.color(o)),
                     edgecolor="white", label=name(o)) for o in orig]
    legend_above(ax, handles, ncols=min(len(handles), 5))
    total = float(tab["migrants"].sum())
    first = dests[0]
    share = 100 * float(totals[first]) / total
    who = "the five Central Asian states" if origins is None else fmt.join(name(o) for o in orig)
    description = (f"In {year}, {fmt.short(total)} people born in {who} lived abroad according to UN DESA; "
                   f"{names[first]} hosted the most ({fmt.short(float(totals[first]))}, {fmt.pct(share, 0)})")
    if len(dests) > 1:
        description += f", then {names[dests[1]]} ({fmt.short(float(totals[dests[1]]))})"
    description += ". These are people counted by country of birth, not labour migrants."
    title = f"Where people born in {'Central Asia' if origins is None else fmt.join(name(o) for o in orig)} lived, {year}"
    return finish(fig, title=title, description=description, source=dataset_source("migration"), notes=[NOT_LABOUR])


# --------------------------------------------------------------------------- remittances
def remittance_table(countries=None, years=None, world: bool = True, data=None):
    """Return personal remittances received as % of GDP as a tidy DataFrame.

    ``countries``: default the five Central Asian states; ``world``: add the World Bank world
    aggregate (``WLD``); ``years`` as for :func:`scocourse.indicator`. Columns ``iso3``, ``country``,
    ``year``, ``value`` (% of GDP). ``data``: an ``indicators``-shaped frame holding the derived
    series (for tests). Remittances are World Bank WDI ``BX.TRF.PWKR.CD.DT`` divided by GDP.
    """
    import pandas as pd

    import scocourse

    codes = resolve_countries(countries, central_asia())
    if world and "WLD" not in codes:
        codes = codes + ["WLD"]
    if data is None:
        df = scocourse.indicator("remittances_pct_gdp", countries=codes, years=years)
    else:
        df = check_frame(data, ["iso3", "year", "value"], "indicators")
        df = df[df["iso3"].isin(codes)]
        if years is not None:
            wanted = check_years(years, int(df["year"].min()), int(df["year"].max()), "The remittance data")
            df = df[df["year"].isin(wanted)]
    df = df.dropna(subset=["value"])
    if not len(df):
        raise OutOfRangeError("No remittance data for these countries and years.")
    out = pd.DataFrame({"iso3": df["iso3"].astype(str), "country": [name(c) for c in df["iso3"]],
                        "year": df["year"].astype(int), "value": df["value"].astype(float)})
    return out.sort_values(["iso3", "year"], kind="mergesort").reset_index(drop=True)


def _remittance_description(tab) -> str:
    countries = tab[tab["iso3"] != "WLD"]
    last_year = int(countries["year"].max())
    last = countries[countries["year"] == last_year].sort_values(["value", "iso3"], ascending=[False, True])
    parts = [f"{r.country} {fmt.pct(r.value, 1)}" for r in last.itertuples()]
    text = f"Remittances received as a share of GDP in {last_year}: {fmt.join(parts)}"
    w = tab[(tab["iso3"] == "WLD") & (tab["year"] == last_year)]
    if len(w):
        text += f" (world: {fmt.pct(float(w['value'].iloc[0]), 1)})"
    text += "."
    top = countries.loc[countries["value"].idxmax()]
    text += f" The highest value shown is {top['country']}'s {fmt.pct(float(top['value']), 1)} in {int(top['year'])}."
    return text


@chart
def remittance_dependence(countries=None, years=None, world: bool = True, data=None):
    """Return a CourseFigure: personal remittances received as % of GDP over time, one line per country.

    Default: the five Central Asian states and the world aggregate (dashed grey), from 2000 to the latest
    year. Source: World Bank
    WDI (remittances and GDP in current US$; the ratio is derived by the course).
    """
    import numpy as np

    from .indicators import draw_series, end_labels, value_formatter

    if years is None:  # the Central Asian series start in the 2000s; earlier years are near zero or absent
        years = (2000, int(remittance_table(countries, None, world, data)["year"].max()))
    tab = remittance_table(countries, years, world, data)
    asked = resolve_countries(countries, central_asia())
    s = style.context_settings()
    fig, ax = new_figure()
    y0, y1 = int(tab["year"].min()), int(tab["year"].max())
    all_years = np.arange(y0, y1 + 1)
    labels = []
    for code in dict.fromkeys(tab["iso3"]):
        sub = tab[tab["iso3"] == code].set_index("year")["value"].reindex(all_years)
        if code == "WLD":
            draw_series(ax, all_years, sub.to_numpy(dtype=float), code, color=style.GREY, linestyle=(0, (4, 2)))
        else:
            draw_series(ax, all_years, sub.to_numpy(dtype=float), code)
        ok = sub.dropna()
        if len(ok):
            labels.append((float(ok.index[-1]), float(ok.iloc[-1]), name(code) if code != "WLD" else "World",
                           style.GREY if code == "WLD" else style.color(code), style.marker(code)))
    ax.set_ylim(0, max(5.0, float(tab["value"].max()) * 1.08))
    ax.set_xlim(y0, y1)
    ax.yaxis.set_major_formatter(value_formatter("% of GDP"))
    ax.set_ylabel("Remittances received, % of GDP")
    ax.grid(axis="y")
    end_labels(ax, labels, s["small"])
    description = _remittance_description(tab)
    missing = [name(c) for c in asked if c not in set(tab["iso3"])]
    if missing:
        description += f" No data for {fmt.join(missing)} in these years."
    return finish(fig, title=f"Remittances as a share of GDP, {y0}–{y1}", description=description,
                  source=indicator_source(["remittances", "gdp", "remittances_pct_gdp"]),
                  notes=["Personal remittances received (workers' earnings and transfers sent home) ÷ GDP, both in "
                         "current US$. World = World Bank world aggregate."])


# --------------------------------------------------------------------------- trade partners from either side
def trade_partners_table(country="KGZ", year: int | None = None, side: str = "reporter", top: int = 6, data=None):
    """Return a country's largest trade partners in ``year`` from one side of the records, with the other side.

    ``side``: ``"reporter"`` (the country's own records) or ``"partner"`` (the partners' mirror records),
    as :func:`scocourse.partner_shares`. ``year`` default: the latest year with both sides. Columns
    ``partner``, ``partner_name``, ``year``, ``side``, ``share`` (% of the country's own reported world
    trade, on the side asked), ``value`` (US$ million), ``other_share`` (the same partner from the other
    side, NaN where that side has no record — only the 28 course countries report) and ``estimated``.
    Largest ``top`` partners on the side asked.
    """
    import scocourse

    if side not in _SIDES:
        scocourse.partner_shares(country, side=side, data=data)  # raises the helpful UnknownNameError
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise WrongTypeError(f"top= should be a whole number of partners such as 6, not {top!r}.")
    code = _country(country)
    other = "partner" if side == "reporter" else "reporter"
    a = scocourse.partner_shares(code, side=side, data=data)
    b = scocourse.partner_shares(code, side=other, data=data)
    if year is None:
        both = sorted(set(a["year"]) & set(b["year"]))
        if not both:
            raise OutOfRangeError(f"No year has trade records for {name(code)} from both sides.")
        year = both[-1]
    elif year not in set(a["year"]):
        have = sorted(set(a["year"]))
        raise OutOfRangeError(f"No {side}-side trade records for {name(code)} in {year!r}; years with data: "
                              f"{have[0]}–{have[-1]}.")
    sub = a[a["year"] == year].head(top)
    oth = b[b["year"] == year].set_index("partner")["share"]
    out = sub[["partner", "year", "side", "share", "value", "estimated"]].copy()
    out.insert(1, "partner_name", [name(p) for p in out["partner"]])
    out["other_share"] = [float(oth[p]) if p in oth.index else float("nan") for p in out["partner"]]
    return out.reset_index(drop=True)


@chart
def trade_partners(country="KGZ", year: int | None = None, side: str = "reporter", top: int = 6, data=None):
    """Return a CourseFigure: a country's largest partners in one year, read from one side of the records.

    Bars: partners' shares (%) of the country's own reported world trade, from ``side``
    (``"reporter"``: its own customs records; ``"partner"``: the partners' mirror records). Hollow
    diamonds: the same partner read from the other side. Shares above 100 % are possible on the partner
    side and are the point: the two sides of the records disagree. Source: IMF DOTS.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    tab = trade_partners_table(country, year, side, top, data)
    code = _country(country)
    yr = int(tab["year"].iloc[0])
    s = style.context_settings()
    fig, ax = new_figure(height=max(s["figsize"][1], 1.8 + 0.42 * len(tab)))
    fill = style.OKABE_ITO["blue"] if side == "reporter" else style.OKABE_ITO["vermillion"]
    other_label = "partners' records" if side == "reporter" else "own records"
    for i, r in enumerate(tab.itertuples()):
        ax.barh(i, r.share, height=0.62, color=fill, edgecolor="white", hatch=None if side == "reporter" else "//")
        ax.text(r.share, i - 0.18, "  " + fmt.pct(r.share, 1), va="center", ha="left", fontsize=s["small"])
        if r.other_share == r.other_share:
            ax.plot([r.other_share], [i + 0.1], linestyle="none", marker="D", markersize=s["marker"],
                    markerfacecolor="white", markeredgecolor="#222222", markeredgewidth=1.2, zorder=4)
    ax.set_yticks(range(len(tab)), labels=list(tab["partner_name"]))
    ax.set_ylim(len(tab) - 0.5, -0.6)
    top_v = float(max(tab["share"].max(), tab["other_share"].max(skipna=True) if tab["other_share"].notna().any() else 0))
    ax.set_xlim(0, top_v * 1.15 + 1)
    ax.set_xlabel(f"Share of {name(code)}'s own reported trade with the World, %")
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x")
    handles = [Patch(facecolor=fill, hatch=None if side == "reporter" else "//", edgecolor="white",
                     label=f"Read from {_SIDES[side]}"),
               Line2D([], [], linestyle="none", marker="D", markerfacecolor="white", markeredgecolor="#222222",
                      label=f"Same partner, {other_label}")]
    legend_above(ax, handles, ncols=2)
    first = tab.iloc[0]
    description = (f"Read from {_SIDES[side]}, {first['partner_name']} was {name(code)}'s largest partner in {yr} "
                   f"({fmt.pct(float(first['share']), 1)} of its own reported world trade)")
    if first["other_share"] == first["other_share"]:
        description += f"; {other_label} put the same trade at {fmt.pct(float(first['other_share']), 1)}"
    description += "."
    gaps = tab[tab["other_share"].notna() & ((tab["share"] - tab["other_share"]).abs() >= 5)]
    if len(gaps) > (1 if first["other_share"] == first["other_share"] and
                    abs(first["share"] - first["other_share"]) >= 5 else 0):
        description += f" The two sides differ by 5 points or more for {fmt.join(gaps['partner_name'])}."
    notes = ["Share = two-way trade with the partner (exports + imports, as recorded on that side) ÷ the country's own "
             "reported trade with the World. Partner side: only the 28 course countries report in the data."]
    return finish(fig, title=f"{name(code)}'s largest trade partners, {yr}, from {_SIDES[side]}",
                  description=description, source=dataset_source("trade"), notes=notes)
