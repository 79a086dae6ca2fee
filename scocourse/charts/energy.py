"""Energy: electricity generation by source (stacked) and fossil fuel production over time.

Data: ``datasets.load("energy")`` — ``electricity_generation`` (TWh by source; Our World in Data /
Ember, Energy Institute) and ``fossil_production`` (TWh of primary energy by fuel; OWID energy data 2022,
BP / Shift Project). The two measures come from different vintages and are never mixed in one series.
"""
from __future__ import annotations

import math

from . import _format as fmt
from . import style
from ._common import OutOfRangeError, WrongTypeError, central_asia, check_frame, check_years, name, \
    resolve_countries, source_matching
from .figure import chart, finish, hatch_on, key_legend, legend_above, new_figure, new_figure_with_key, text_on

__all__ = ["electricity_mix", "electricity_mix_over_time", "fossil_production"]

_FOSSIL = ("oil", "gas", "coal")


def _energy(data, measure: str):
    from .. import datasets

    df = datasets.load("energy") if data is None else check_frame(
        data, ["iso3", "year", "measure", "fuel", "value"], "energy")
    df = df[df["measure"] == measure].dropna(subset=["value"]).copy()
    if "vintage" not in df.columns:
        df["vintage"] = ""
    df["year"] = df["year"].astype(int)
    df["value"] = df["value"].astype(float)
    return df


def _fuel_handles(fuels):
    from matplotlib.patches import Patch

    return [Patch(facecolor=style.FUEL_COLORS[f], hatch=style.FUEL_HATCHES[f] or None, edgecolor="white",
                  hatchcolor=hatch_on(style.FUEL_COLORS[f]), label=style.FUEL_LABELS[f]) for f in fuels]


def _years_with_data(df, iso3: str) -> list[int]:
    tot = df[df["iso3"] == iso3].groupby("year")["value"].sum()
    return sorted(int(y) for y, v in tot.items() if v > 0)


@chart
def electricity_mix(countries, year: int | None = None, data=None, *, percent: bool = True):
    """Return a CourseFigure: electricity generation by source, one stacked bar per country.

    ``countries``: one or more names or codes. ``year``: the year for every country (default: the latest
    year with data *for each country*; the year is printed after each name and in the description).
    ``percent=True`` (default) shows each source's share of the country's generation (%), with the total in
    TWh at the bar end; ``percent=False`` shows TWh. ``data``: a DataFrame shaped like
    ``datasets.load("energy")`` (rows with measure 'electricity_generation'). Source: OWID (Ember, Energy Institute).
    """
    import numpy as np

    codes = resolve_countries(countries, [])
    df = _energy(data, "electricity_generation")
    chosen = {}
    for iso3 in codes:
        years = _years_with_data(df, iso3)
        if not years:
            raise OutOfRangeError(f"There is no electricity generation data for {name(iso3)}.")
        if year is None:
            chosen[iso3] = years[-1]
        else:
            if not isinstance(year, int) or isinstance(year, bool):
                raise WrongTypeError(f"year= should be a year such as 2022, not {type(year).__name__} {year!r}.")
            if year not in years:
                raise OutOfRangeError(f"There is no electricity generation data for {name(iso3)} in {year}; "
                                      f"it has {years[0]}–{years[-1]}.")
            chosen[iso3] = year
    table = {}
    for iso3, y in chosen.items():
        sub = df[(df["iso3"] == iso3) & (df["year"] == y)].groupby("fuel")["value"].sum()
        table[iso3] = {f: float(sub.get(f, 0.0)) for f in style.FUEL_ORDER}
    fuels = [f for f in style.FUEL_ORDER if any(table[c][f] > 0 for c in codes)]
    s = style.context_settings()
    fig, ax = new_figure(height=max(s["figsize"][1], 2.2 + 0.55 * len(codes)))
    axes_pt = s["figsize"][0] * 72 - 200
    maxtot = max(sum(t.values()) for t in table.values())
    for i, iso3 in enumerate(codes):
        total = sum(table[iso3].values())
        left = 0.0
        for f in fuels:
            v = table[iso3][f]
            if v <= 0:
                continue
            width = 100 * v / total if percent else v
            fill = style.FUEL_COLORS[f]
            ax.barh(i, width, left=left, height=0.66, color=fill, edgecolor="white", linewidth=0.7,
                    hatch=style.FUEL_HATCHES[f] or None, hatchcolor=hatch_on(fill))
            share = 100 * v / total
            label = fmt.pct(share, 0)
            span = width / (100 if percent else maxtot) * axes_pt
            if span >= len(label) * 0.6 * s["small"] + 8:
                ax.text(left + width / 2, i, label, ha="center", va="center", fontsize=s["small"],
                        color=text_on(fill), fontweight="bold",
                        bbox={"boxstyle": "round,pad=0.12", "facecolor": fill, "edgecolor": "none"}
                        if style.FUEL_HATCHES[f] else None)
            left += width
        ax.text(left + (1 if percent else maxtot * 0.01), i, f"{fmt.num(total)} TWh", ha="left", va="center",
                fontsize=s["small"], color="#333333")
    ax.set_yticks(range(len(codes)), labels=[f"{name(c)} ({chosen[c]})" for c in codes])
    ax.set_ylim(len(codes) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    if percent:
        ax.set_xlim(0, 100)
        ax.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
        ax.set_xlabel("Share of electricity generation (total at bar end)")
    else:
        ax.set_xlim(0, maxtot * 1.15)
        ax.set_xlabel("Electricity generation, TWh")
    ax.grid(axis="x")
    legend_above(ax, _fuel_handles(fuels), ncols=math.ceil(len(fuels) / math.ceil(len(fuels) / 7)))
    parts = []
    for iso3 in codes:
        total = sum(table[iso3].values())
        top = max(fuels, key=lambda f: (table[iso3][f], -fuels.index(f)))
        parts.append(f"{style.FUEL_LABELS[top].lower()} for {name(iso3)} "
                     f"({fmt.pct(100 * table[iso3][top] / total, 0)} of {fmt.num(total)} TWh in {chosen[iso3]})")
    description = "Largest source of electricity: " + "; ".join(parts) + "."
    years_used = sorted(set(chosen.values()))
    if year is None:
        note = (f"Year: the latest with data for each country ({fmt.join(str(y) for y in years_used)})."
                if len(years_used) > 1 else f"Year: the latest with data ({years_used[0]}).")
        if len(years_used) > 1:
            description += f" Years differ: each country's latest year with data is shown."
    else:
        note = f"Year: {year}."
    title = "Electricity generation by source" + (f", {years_used[0]}" if len(years_used) == 1 else "")
    return finish(fig, title=title, description=description, source=source_matching("energy", sorted(set(df["vintage"]))),
                  notes=[note])


@chart
def electricity_mix_over_time(country, years=None, data=None):
    """Return a CourseFigure: a country's electricity generation by source over time (stacked areas, TWh).

    ``country``: a name or code. ``years``: year, range, (start, end) or list (default: all years with
    data). ``data``: a DataFrame shaped like ``datasets.load("energy")``. Fixed colour and hatch per source.
    Source: OWID (Ember, Energy Institute).
    """
    import numpy as np

    if not isinstance(country, str):
        raise WrongTypeError(f"country should be one name or code such as 'Kyrgyzstan', not {type(country).__name__}.")
    iso3 = resolve_countries(country, [])[0]
    df = _energy(data, "electricity_generation")
    have = _years_with_data(df, iso3)
    if not have:
        raise OutOfRangeError(f"There is no electricity generation data for {name(iso3)}.")
    wanted = check_years(years, have[0], have[-1], f"Electricity generation of {name(iso3)}")
    yrs = [y for y in have if wanted is None or y in wanted]
    if not yrs:
        raise OutOfRangeError(f"There is no electricity generation data for {name(iso3)} in those years; "
                              f"it has {have[0]}–{have[-1]}.")
    all_years = np.arange(yrs[0], yrs[-1] + 1)
    sub = df[(df["iso3"] == iso3) & df["year"].isin(yrs)]
    wide = sub.pivot_table(index="year", columns="fuel", values="value", aggfunc="sum").reindex(all_years)
    fuels = [f for f in style.FUEL_ORDER if f in wide.columns and wide[f].fillna(0).max() > 0]
    s = style.context_settings()
    fig, ax = new_figure()
    ys = [wide[f].to_numpy() for f in fuels]
    ax.stackplot(all_years, ys, colors=[style.FUEL_COLORS[f] for f in fuels],
                 hatch=[style.FUEL_HATCHES[f] or None for f in fuels], edgecolor="white", linewidth=0.6)
    for coll, f in zip(ax.collections, fuels):
        coll.set_hatchcolor(hatch_on(style.FUEL_COLORS[f]))
    ax.set_xlim(all_years[0], all_years[-1])
    ax.set_ylim(0, None)
    ax.set_ylabel("Electricity generation, TWh")
    ax.grid(axis="y")
    ax.set_axisbelow(False)
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=7))
    ax.legend(handles=_fuel_handles(list(reversed(fuels))), loc="upper left", bbox_to_anchor=(1.01, 1.0),
              borderaxespad=0, handlelength=1.6, title="Top to bottom")
    totals = wide[fuels].sum(axis=1, min_count=1)
    first_y, last_y = int(totals.first_valid_index()), int(totals.last_valid_index())
    tot0, tot1 = float(totals[first_y]), float(totals[last_y])
    top = max(fuels, key=lambda f: (float(wide.loc[last_y, f] or 0), -fuels.index(f)))
    sh1 = 100 * float(wide.loc[last_y, top]) / tot1
    sh0 = 100 * float(wide.loc[first_y, top]) / tot0 if tot0 else float("nan")
    trend = "rose" if tot1 > tot0 else "fell"
    description = (f"{name(iso3)}'s electricity generation {trend} from {fmt.num(tot0)} TWh in {first_y} to "
                   f"{fmt.num(tot1)} TWh in {last_y}; {style.FUEL_LABELS[top].lower()} is the largest source "
                   f"({fmt.pct(sh1, 0)} in {last_y}, {fmt.pct(sh0, 0)} in {first_y}).")
    notes = []
    missing = [int(y) for y in all_years if math.isnan(totals.get(y, float("nan")))]
    if missing:
        notes.append(f"No data for {', '.join(map(str, missing))}: left as a gap.")
    return finish(fig, title=f"{name(iso3)}: electricity generation by source, {first_y}–{last_y}",
                  description=description, source=source_matching("energy", sorted(set(sub["vintage"]))), notes=notes)


@chart
def fossil_production(countries=None, data=None):
    """Return a CourseFigure: oil, gas and coal production over time, one panel per country (TWh).

    ``countries``: names or codes (default: the five Central Asian states). Each panel has its own y
    scale. Units: TWh of primary energy. ``data``: a DataFrame shaped like ``datasets.load("energy")``
    (rows with measure 'fossil_production'). Source: OWID energy data 2022 (BP, Shift Project).
    """
    import numpy as np
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    from .indicators import value_formatter

    codes = resolve_countries(countries, central_asia())
    df = _energy(data, "fossil_production")
    for iso3 in codes:
        if not len(df[df["iso3"] == iso3]):
            raise OutOfRangeError(f"There is no fossil fuel production data for {name(iso3)}.")
    df = df[df["iso3"].isin(codes)]
    y0, y1 = int(df["year"].min()), int(df["year"].max())
    all_years = np.arange(y0, y1 + 1)
    s = style.context_settings()
    ncols = min(3, len(codes))
    nrows = math.ceil(len(codes) / ncols)
    fig, axes, key = new_figure_with_key(nrows, ncols, sharex=True,
                                         height=max(s["figsize"][1], 1.6 + s["panel"] * nrows))
    flat = list(np.atleast_1d(axes).ravel())
    totals = {}
    for ax, iso3 in zip(flat, codes):
        sub = df[df["iso3"] == iso3].pivot_table(index="year", columns="fuel", values="value", aggfunc="sum")
        sub = sub.reindex(all_years)
        for f in _FOSSIL:
            if f in sub.columns and sub[f].fillna(0).max() > 0:
                vals = sub[f].to_numpy()
                last_ok = int(np.flatnonzero(~np.isnan(vals))[-1])
                ax.plot(all_years, vals, color=style.FUEL_COLORS[f], linestyle=style.FUEL_LINESTYLES[f],
                        marker=style.FUEL_MARKERS[f], markevery=[last_ok], label=style.FUEL_LABELS[f])
        last = sub.dropna(how="all").index.max()
        totals[iso3] = (int(last), {f: float(sub.loc[last, f]) for f in _FOSSIL if f in sub.columns
                                    and not math.isnan(sub.loc[last, f])})
        ax.set_title(name(iso3), loc="left", fontsize=s["font"], color="#1A1A1A")
        ax.set_ylim(0, None)
        ax.yaxis.set_major_formatter(value_formatter("TWh"))
        ax.grid(axis="y")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    for k, ax in enumerate(flat[:len(codes)]):
        if k + ncols >= len(codes):
            ax.xaxis.set_tick_params(labelbottom=True)
    for ax in flat[len(codes):]:
        ax.remove()
    fig.supylabel("Production, TWh (primary energy)", fontsize=s["label"])
    handles = [Line2D([], [], color=style.FUEL_COLORS[f], linestyle=style.FUEL_LINESTYLES[f],
                      marker=style.FUEL_MARKERS[f], label=style.FUEL_LABELS[f]) for f in _FOSSIL]
    key_legend(key, handles)
    ranked = sorted(codes, key=lambda c: (-sum(totals[c][1].values()), c))
    big = ranked[0]
    yr, vals = totals[big]
    main = max(vals, key=lambda f: vals[f]) if vals else None
    description = (f"In {yr} {name(big)} was the largest producer shown ({fmt.num(sum(vals.values()))} TWh of oil, gas "
                   f"and coal, mostly {main})." if main else "")
    others = []
    for c in ranked[1:]:
        y, v = totals[c]
        if v and sum(v.values()) > 0:
            others.append(f"{name(c)} mostly {max(v, key=lambda f: v[f])}")
    if others:
        description += f" {'; '.join(others)}."
    vint = sorted(v for v in set(df["vintage"]) if v)
    notes = [f"Primary energy content of production; each panel has its own scale. Data: {', '.join(vint)}."
             if vint else "Primary energy content of production; each panel has its own scale."]
    return finish(fig, title=f"Fossil fuel production, {y0}–{y1} (TWh)", description=description,
                  source=source_matching("energy", vint), notes=notes)
