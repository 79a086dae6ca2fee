"""Energy: electricity generation by source (stacked) and fossil fuel production over time.

Data: ``datasets.load("energy")`` — ``electricity_generation`` (TWh by source; Our World in Data /
Ember, Energy Institute) and ``fossil_production`` (TWh of primary energy by fuel; OWID energy data 2022,
BP / Shift Project). The two measures come from different vintages and are never mixed in one series;
electricity generation may come in several vintages (OWID/Ember downloads of different years), and each
chart uses one vintage per country — the newest that covers the country and year shown
(:func:`pick_vintage`) — and names it in the source line.

Each chart has a data step returning a tidy frame (``electricity_mix_data``,
``electricity_mix_over_time_data``, ``fossil_production_data``) and a description step working on it.
"""
from __future__ import annotations

import math


from . import _format as fmt
from . import _layout as lay
from . import style
from ._common import check_frame, countries_or, name, source_matching
from .figure import chart, finish, hatch_on, key_legend, legend_above, new_figure, text_on
from .._lookup import check_years
from ..errors import OutOfRangeError, WrongTypeError
from ..facts import central_asia, pick_vintage, vintage_order

__all__ = ["electricity_mix", "electricity_mix_over_time", "fossil_production", "electricity_mix_data",
           "electricity_mix_over_time_data", "fossil_production_data", "describe_electricity_mix",
           "describe_electricity_mix_over_time", "describe_fossil_production", "pick_vintage", "vintage_order"]

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


def _vintage_source(vintages) -> str:
    """Source line naming the vintage(s) used: 'Source: OWID/Ember (...); vintage: OWID chart download 2024 (...)'."""
    used = [v for v in vintage_order(vintages) if v]
    line = source_matching("energy", used)
    return line + f"; {'vintage' if len(used) == 1 else 'vintages'}: " + "; ".join(used) if used else line


def electricity_mix_data(countries, year: int | None = None, data=None):
    """Return the tidy frame ``electricity_mix`` draws: iso3, year, vintage, fuel, twh, share (% of the
    country's generation) — one row per country and fuel (every fuel of ``style.FUEL_ORDER``, 0 when
    absent). Per country: the newest vintage that covers it (:func:`pick_vintage`), in ``year`` or else
    its latest year with data. ``attrs``: countries (order asked), year (as asked, or None)."""
    import pandas as pd

    codes = countries_or(countries, [])
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise WrongTypeError(f"year= should be a year such as 2022, not {type(year).__name__} {year!r}.")
    df = _energy(data, "electricity_generation")
    df = df[df["iso3"].isin(codes)]
    rows = []
    for iso3 in codes:
        if year is not None and year not in _years_with_data(df, iso3):
            have = _years_with_data(df, iso3)
            if not have:
                raise OutOfRangeError(f"There is no electricity generation data for {name(iso3)}.")
            raise OutOfRangeError(f"There is no electricity generation data for {name(iso3)} in {year}; "
                                  f"it has {have[0]}–{have[-1]}.")
        vintage, years = pick_vintage(df, iso3, None if year is None else [year])
        y = years[-1]
        sub = df[(df["iso3"] == iso3) & (df["year"] == y) & (df["vintage"] == vintage)].groupby("fuel")["value"].sum()
        total = sum(float(sub.get(f, 0.0)) for f in style.FUEL_ORDER)
        rows.extend((iso3, y, vintage, f, float(sub.get(f, 0.0)), 100 * float(sub.get(f, 0.0)) / total)
                    for f in style.FUEL_ORDER)
    out = pd.DataFrame(rows, columns=["iso3", "year", "vintage", "fuel", "twh", "share"])
    out.attrs = {"countries": codes, "year": year}
    return out


def _fuels_shown(frame) -> list:
    present = set(frame.loc[frame["twh"] > 0, "fuel"])
    return [f for f in style.FUEL_ORDER if f in present]


def _by_fuel(frame, iso3: str) -> dict:
    """{fuel: TWh} of one country, in FUEL_ORDER."""
    sub = frame[frame["iso3"] == iso3]
    return dict(zip(sub["fuel"], sub["twh"].astype(float)))


def describe_electricity_mix(frame) -> str:
    """The description of an ``electricity_mix_data`` frame: each country's largest source, its share and
    the total; says when the countries' years differ."""
    fuels = _fuels_shown(frame)
    parts = []
    for iso3 in frame.attrs["countries"]:
        twh = _by_fuel(frame, iso3)
        total = sum(twh.values())
        top = max(fuels, key=lambda f: (twh[f], -fuels.index(f)))
        year = frame.loc[frame["iso3"] == iso3, "year"].iloc[0]
        parts.append(f"{style.FUEL_LABELS[top].lower()} for {name(iso3)} "
                     f"({fmt.pct(100 * twh[top] / total, 0)} of {fmt.num(total)} TWh in {fmt.year(year)})")
    text = "Largest source of electricity: " + "; ".join(parts) + "."
    if frame.attrs["year"] is None and frame["year"].nunique() > 1:
        text += " Years differ: each country's latest year with data is shown."
    return text


def _draw_mix_bar(ax, i: int, twh: dict, fuels, percent: bool, maxtot: float, axes_pt: float, s) -> None:
    total = sum(twh.values())
    left = 0.0
    for f in fuels:
        v = twh[f]
        if v <= 0:
            continue
        width = 100 * v / total if percent else v
        fill = style.FUEL_COLORS[f]
        ax.barh(i, width, left=left, height=0.66, color=fill, edgecolor="white", linewidth=0.7,
                hatch=style.FUEL_HATCHES[f] or None, hatchcolor=hatch_on(fill))
        label = fmt.pct(100 * v / total, 0)
        if lay.fits(label, width / (100 if percent else maxtot * 1.15) * axes_pt, s["small"], weight="bold"):
            ax.text(left + width / 2, i, label, ha="center", va="center", fontsize=s["small"],
                    color=text_on(fill), fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.12", "facecolor": fill, "edgecolor": "none"}
                    if style.FUEL_HATCHES[f] else None)
        left += width
    ax.text(left + (1 if percent else maxtot * 0.01), i, f"{fmt.num(total)} TWh", ha="left", va="center",
            fontsize=s["small"], color="#333333")


def _draw_electricity_mix(frame, percent: bool):
    codes = frame.attrs["countries"]
    fuels = _fuels_shown(frame)
    s = style.context_settings()
    fig, ax = new_figure(height=max(s["figsize"][1], 2.2 + 0.55 * len(codes)))
    twh = {c: _by_fuel(frame, c) for c in codes}
    maxtot = max(sum(t.values()) for t in twh.values())
    years = frame.groupby("iso3")["year"].first()
    labels = [f"{name(c)} ({years[c]})" for c in codes]
    totals = [f"{fmt.num(sum(twh[c].values()))} TWh" for c in codes]
    axes_pt = lay.axes_width(labels, right_pt=max(lay.text_width(t, s["small"]) for t in totals) + 6 if percent else 0)
    for i, iso3 in enumerate(codes):
        _draw_mix_bar(ax, i, twh[iso3], fuels, percent, maxtot, axes_pt, s)
    ax.set_yticks(range(len(codes)), labels=labels)
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
    return fig


@chart
def electricity_mix(countries, year: int | None = None, data=None, *, percent: bool = True):
    """Return a CourseFigure: electricity generation by source, one stacked bar per country.

    ``countries``: one or more names or codes. ``year``: the year for every country (default: the latest
    year with data *for each country*; the year is printed after each name and in the description).
    ``percent=True`` (default) shows each source's share of the country's generation (%), with the total in
    TWh at the bar end; ``percent=False`` shows TWh. ``data``: a DataFrame shaped like
    ``datasets.load("energy")`` (rows with measure 'electricity_generation'). Each country's figures come
    from one vintage, the newest that covers it; the source line names it. Source: OWID (Ember, Energy Institute).
    """
    frame = electricity_mix_data(countries, year, data)
    fig = _draw_electricity_mix(frame, percent)
    years_used = sorted(set(int(y) for y in frame["year"]))
    if year is None:
        note = (f"Year: the latest with data for each country ({fmt.join(str(y) for y in years_used)})."
                if len(years_used) > 1 else f"Year: the latest with data ({years_used[0]}).")
    else:
        note = f"Year: {year}."
    title = "Electricity generation by source" + (f", {years_used[0]}" if len(years_used) == 1 else "")
    return finish(fig, title=title, description=describe_electricity_mix(frame),
                  source=_vintage_source(frame["vintage"]), notes=[note])


def electricity_mix_over_time_data(country, years=None, data=None):
    """Return the tidy frame ``electricity_mix_over_time`` draws: year, fuel, twh for one country, from one
    vintage (:func:`pick_vintage`: the newest that covers the latest year asked). ``attrs``: iso3,
    vintage, years (the chosen vintage's years with data), others (older vintages not used)."""
    if not isinstance(country, str):
        raise WrongTypeError(f"country should be one name or code such as 'Kyrgyzstan', not {type(country).__name__}.")
    iso3 = countries_or(country, [])[0]
    df = _energy(data, "electricity_generation")
    have = _years_with_data(df, iso3)
    if not have:
        raise OutOfRangeError(f"There is no electricity generation data for {name(iso3)}.")
    wanted = check_years(years, have[0], have[-1], f"Electricity generation of {name(iso3)}")
    if wanted is not None and not set(wanted) & set(have):
        raise OutOfRangeError(f"There is no electricity generation data for {name(iso3)} in those years; "
                              f"it has {have[0]}–{have[-1]}.")
    vintage, yrs = pick_vintage(df, iso3, wanted)
    sub = df[(df["iso3"] == iso3) & (df["vintage"] == vintage) & df["year"].isin(yrs)]
    out = sub.groupby(["year", "fuel"], as_index=False)["value"].sum().rename(columns={"value": "twh"})
    out.attrs = {"iso3": iso3, "vintage": vintage, "years": yrs,
                 "others": [v for v in vintage_order(df.loc[df["iso3"] == iso3, "vintage"]) if v != vintage]}
    return out


def _wide(frame):
    import numpy as np

    yrs = frame.attrs["years"]
    all_years = np.arange(yrs[0], yrs[-1] + 1)
    wide = frame.pivot_table(index="year", columns="fuel", values="twh", aggfunc="sum").reindex(all_years)
    fuels = [f for f in style.FUEL_ORDER if f in wide.columns and wide[f].fillna(0).max() > 0]
    return wide, fuels, all_years


def describe_electricity_mix_over_time(frame) -> str:
    """The description of an ``electricity_mix_over_time_data`` frame: how total generation changed and the
    largest source's share at both ends."""
    wide, fuels, _ = _wide(frame)
    iso3 = frame.attrs["iso3"]
    totals = wide[fuels].sum(axis=1, min_count=1)
    first_y, last_y = int(totals.first_valid_index()), int(totals.last_valid_index())
    tot0, tot1 = float(totals[first_y]), float(totals[last_y])
    top = max(fuels, key=lambda f: (float(wide.loc[last_y, f] or 0), -fuels.index(f)))
    sh1 = 100 * float(wide.loc[last_y, top]) / tot1
    source_name = style.FUEL_LABELS[top].lower()
    if first_y == last_y:
        return (f"{name(iso3)} generated {fmt.num(tot1)} TWh of electricity in {last_y}; {source_name} is the "
                f"largest source ({fmt.pct(sh1, 0)}).")
    sh0 = 100 * float(wide.loc[first_y, top]) / tot0 if tot0 else float("nan")
    a, b = f"{fmt.num(tot0)} TWh", f"{fmt.num(tot1)} TWh"
    verb = "rose" if tot1 > tot0 else "fell"
    return (f"{name(iso3)}'s electricity generation {fmt.change(a, b, first_y, last_y, verb=verb)}; {source_name} is "
            f"the largest source ({fmt.pct(sh1, 0)} in {last_y}, {fmt.pct(sh0, 0)} in {first_y}).")


def _draw_mix_over_time(frame):
    from matplotlib.ticker import MaxNLocator

    wide, fuels, all_years = _wide(frame)
    fig, ax = new_figure()
    ax.stackplot(all_years, [wide[f].to_numpy() for f in fuels], colors=[style.FUEL_COLORS[f] for f in fuels],
                 hatch=[style.FUEL_HATCHES[f] or None for f in fuels], edgecolor="white", linewidth=0.6)
    for coll, f in zip(ax.collections, fuels):
        coll.set_hatchcolor(hatch_on(style.FUEL_COLORS[f]))
    ax.set_xlim(all_years[0], all_years[-1])
    ax.set_ylim(0, None)
    ax.set_ylabel("Electricity generation, TWh")
    ax.grid(axis="y")
    ax.set_axisbelow(False)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=7))
    ax.legend(handles=_fuel_handles(list(reversed(fuels))), loc="upper left", bbox_to_anchor=(1.01, 1.0),
              borderaxespad=0, handlelength=1.6, title="Top to bottom")
    return fig


@chart
def electricity_mix_over_time(country, years=None, data=None):
    """Return a CourseFigure: a country's electricity generation by source over time (stacked areas, TWh).

    ``country``: a name or code. ``years``: year, range, (start, end) or list (default: all years with
    data). ``data``: a DataFrame shaped like ``datasets.load("energy")``. Fixed colour and hatch per source.
    The whole series comes from one vintage (the newest that covers the latest year asked), named in the
    source line; vintages are never spliced. Source: OWID (Ember, Energy Institute).
    """
    frame = electricity_mix_over_time_data(country, years, data)
    fig = _draw_mix_over_time(frame)
    wide, fuels, all_years = _wide(frame)
    totals = wide[fuels].sum(axis=1, min_count=1)
    first_y, last_y = int(totals.first_valid_index()), int(totals.last_valid_index())
    notes = []
    missing = [int(y) for y in all_years if math.isnan(totals.get(y, float("nan")))]
    if missing:
        notes.append(f"No data for {', '.join(map(str, missing))}: left as a gap.")
    if frame.attrs["others"]:
        notes.append(f"One vintage throughout; not spliced with {'; '.join(frame.attrs['others'])}.")
    return finish(fig, title=f"{name(frame.attrs['iso3'])}: electricity generation by source, {first_y}–{last_y}",
                  description=describe_electricity_mix_over_time(frame), source=_vintage_source([frame.attrs["vintage"]]),
                  notes=notes)


def fossil_production_data(countries=None, data=None):
    """Return the tidy frame ``fossil_production`` draws: iso3, year, fuel (oil, gas, coal), twh, vintage.
    ``attrs``: countries (order asked; default the five Central Asian states)."""
    codes = countries_or(countries, central_asia())
    df = _energy(data, "fossil_production")
    for iso3 in codes:
        if not len(df[df["iso3"] == iso3]):
            raise OutOfRangeError(f"There is no fossil fuel production data for {name(iso3)}.")
    out = df[df["iso3"].isin(codes)][["iso3", "year", "fuel", "value", "vintage"]].rename(columns={"value": "twh"})
    out.attrs = {"countries": codes}
    return out


def _latest_by_country(frame, all_years) -> dict:
    """{iso3: (latest year, {fuel: TWh})} of a ``fossil_production_data`` frame."""
    totals = {}
    for iso3 in frame.attrs["countries"]:
        sub = frame[frame["iso3"] == iso3].pivot_table(index="year", columns="fuel", values="twh", aggfunc="sum")
        sub = sub.reindex(all_years)
        last = sub.dropna(how="all").index.max()
        totals[iso3] = (int(last), {f: float(sub.loc[last, f]) for f in _FOSSIL if f in sub.columns
                                    and not math.isnan(sub.loc[last, f])})
    return totals


def describe_fossil_production(frame) -> str:
    """The description of a ``fossil_production_data`` frame: the largest producer and each one's main fuel."""
    import numpy as np

    totals = _latest_by_country(frame, np.arange(int(frame["year"].min()), int(frame["year"].max()) + 1))
    ranked = sorted(frame.attrs["countries"], key=lambda c: (-sum(totals[c][1].values()), c))
    yr, vals = totals[ranked[0]]
    main = max(vals, key=lambda f: vals[f]) if vals else None
    if len(ranked) == 1:
        return (f"In {yr} {name(ranked[0])} produced {fmt.num(sum(vals.values()))} TWh of oil, gas and coal, mostly "
                f"{main}." if main else f"{name(ranked[0])} has no oil, gas or coal production in the data.")
    text = (f"In {yr} {name(ranked[0])} was the largest producer shown ({fmt.num(sum(vals.values()))} TWh of oil, "
            f"gas and coal, mostly {main})." if main else "")
    others = [f"{name(c)} mostly {max(totals[c][1], key=lambda f: totals[c][1][f])}" for c in ranked[1:]
              if totals[c][1] and sum(totals[c][1].values()) > 0]
    return text + (f" {'; '.join(others)}." if others else "")


def _draw_fossil_panel(ax, sub, all_years, s) -> None:
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    from .indicators import value_formatter

    for f in _FOSSIL:
        if f in sub.columns and sub[f].fillna(0).max() > 0:
            vals = sub[f].to_numpy()
            last_ok = int(np.flatnonzero(~np.isnan(vals))[-1])
            ax.plot(all_years, vals, color=style.FUEL_COLORS[f], linestyle=style.FUEL_LINESTYLES[f],
                    marker=style.FUEL_MARKERS[f], markevery=[last_ok], label=style.FUEL_LABELS[f])
    ax.set_ylim(0, None)
    ax.yaxis.set_major_formatter(value_formatter("TWh"))
    ax.grid(axis="y")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))


def _draw_fossil_production(frame):
    import numpy as np
    from matplotlib.lines import Line2D

    codes = frame.attrs["countries"]
    all_years = np.arange(int(frame["year"].min()), int(frame["year"].max()) + 1)
    s = style.context_settings()
    fig, axes, key, ncols = lay.panel_grid(len(codes), base_height=1.6, sharex=True)
    for ax, iso3 in zip(axes, codes):
        sub = frame[frame["iso3"] == iso3].pivot_table(index="year", columns="fuel", values="twh", aggfunc="sum")
        _draw_fossil_panel(ax, sub.reindex(all_years), all_years, s)
        ax.set_title(name(iso3), loc="left", fontsize=s["font"], color="#1A1A1A")
    lay.tidy_panels(axes, len(codes), ncols)
    fig.supylabel("Production, TWh (primary energy)", fontsize=s["label"])
    key_legend(key, [Line2D([], [], color=style.FUEL_COLORS[f], linestyle=style.FUEL_LINESTYLES[f],
                            marker=style.FUEL_MARKERS[f], label=style.FUEL_LABELS[f]) for f in _FOSSIL])
    return fig


@chart
def fossil_production(countries=None, data=None):
    """Return a CourseFigure: oil, gas and coal production over time, one panel per country (TWh).

    ``countries``: names or codes (default: the five Central Asian states). Each panel has its own y
    scale. Units: TWh of primary energy. ``data``: a DataFrame shaped like ``datasets.load("energy")``
    (rows with measure 'fossil_production'). Source: OWID energy data 2022 (BP, Shift Project).
    """
    frame = fossil_production_data(countries, data)
    fig = _draw_fossil_production(frame)
    y0, y1 = int(frame["year"].min()), int(frame["year"].max())
    vint = sorted(v for v in set(frame["vintage"]) if v)
    notes = [f"Primary energy content of production; each panel has its own scale. Data: {', '.join(vint)}."
             if vint else "Primary energy content of production; each panel has its own scale."]
    return finish(fig, title=f"Fossil fuel production, {y0}–{y1} (TWh)", description=describe_fossil_production(frame),
                  source=source_matching("energy", vint), notes=notes)
