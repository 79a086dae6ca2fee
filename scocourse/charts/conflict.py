"""Deaths in organised violence (UCDP) by country and year, split by type of violence.

Three steps, as everywhere in the course charts:

* a **data step**, :func:`conflict_deaths_data` — a tidy frame from the ``conflict`` dataset (UCDP
  Country-Year Dataset on Organized Violence v25.1), testable without matplotlib;
* a **drawing step** inside :func:`conflict_deaths` — one panel per country, stacked bars by type of
  violence (each type has its own colour *and* hatch) or one line per country for all types together;
* a **description step**, :func:`conflict_description` — one or two sentences generated from the frame.

The lesson-05 helpers :func:`ucdp_rule` (the coding rule, as text) and :func:`conflict_summary` live here
too, so the notebook, the explorer and the question bank compute the same numbers the same way.
"""
from __future__ import annotations

from . import _format as fmt
from . import style
from .._lookup import check_years, resolve_countries
from ..errors import OutOfRangeError, UnknownNameError, WrongTypeError, did_you_mean
from ..facts import central_asia
from ._common import check_frame, name, source
from .figure import chart, finish, hatch_on, key_legend, legend_above, new_figure, new_figure_with_key

__all__ = ["TYPES", "TYPE_LABELS", "TYPE_COLORS", "TYPE_HATCHES", "ESTIMATES", "ucdp_rule",
           "conflict_deaths_data", "conflict_description", "conflict_summary", "conflict_deaths"]

TYPES = ("state_based", "non_state", "one_sided")
TYPE_LABELS = {"state_based": "State-based", "non_state": "Non-state", "one_sided": "One-sided"}
TYPE_COLORS = {"state_based": style.OKABE_ITO["blue"], "non_state": style.OKABE_ITO["orange"],
               "one_sided": style.OKABE_ITO["vermillion"]}
TYPE_HATCHES = {"state_based": "", "non_state": "//", "one_sided": ".."}
ESTIMATES = ("best", "low", "high")
BY = ("type", "country")

_RULE = {
    "state_based": "armed force between two parties, at least one of them a government, over government or "
                   "territory: counted once a dyad causes 25 or more battle-related deaths in a calendar year",
    "non_state": "armed force between two organised groups, neither of them a government: counted once a dyad "
                 "causes 25 or more battle-related deaths in a calendar year",
    "one_sided": "an organised actor (a government or a formally organised group) killing civilians: counted once "
                 "the actor kills 25 or more civilians in a calendar year",
}


def ucdp_rule(kind: str | None = None) -> str:
    """Return UCDP's coding rule as plain text: for one type of violence, or (``None``) for all three."""
    if kind is None:
        return " ".join(f"{TYPE_LABELS[k]} violence: {_RULE[k]}." for k in TYPES) + (
            " Deaths of a dyad that crossed the threshold are counted in every year, so some years show fewer "
            "than 25. Violence that does not meet these rules — unrest, riots, repression by unnamed forces, "
            "crime — is not in the data at all.")
    _check_kind(kind)
    return _RULE[kind]


def _check_kind(kind):
    if not isinstance(kind, str) or kind not in TYPES:
        raise UnknownNameError(f"'{kind}' is not a type of violence.{did_you_mean(str(kind), TYPES)} "
                               f"Use one of: {', '.join(TYPES)}.")


def _check_by(by):
    if not isinstance(by, str) or by not in BY:
        raise UnknownNameError(f"by={by!r} is not a way to split the chart.{did_you_mean(str(by), BY)} "
                               "Use by='type' (one panel per country, bars split by type of violence) or "
                               "by='country' (one line per country, all types together).")


def _check_estimate(estimate):
    if not isinstance(estimate, str) or estimate not in ESTIMATES:
        raise UnknownNameError(f"estimate={estimate!r} is not a UCDP estimate.{did_you_mean(str(estimate), ESTIMATES)} "
                               "Use 'best' (UCDP's best estimate), 'low' or 'high'.")


def conflict_deaths_data(countries=None, years=None, by: str = "type", data=None):
    """Return a tidy frame of deaths in organised violence (UCDP), one row per country, year (and type).

    ``countries``: names or ISO3 codes (default: the five Central Asian states). ``years``: a year, an
    inclusive ``(first, last)`` pair, a range or a list (default: every year, 1990–2024).
    ``by="type"``: columns iso3, country, year, type_of_violence, best, low, high, active;
    ``by="country"``: the three types summed — iso3, country, year, best, low, high, active (any type active).
    Every country-year asked for is present (a year UCDP records no deaths has 0). ``data``: a DataFrame
    shaped like ``datasets.load("conflict")`` to use instead. Units: deaths.
    """
    from .. import datasets

    _check_by(by)
    df = datasets.load("conflict") if data is None else check_frame(
        data, ["iso3", "year", "type_of_violence", "best", "low", "high"], "conflict")
    if "active" not in df.columns:
        df["active"] = df["best"] > 0
    codes = central_asia() if countries is None else list(dict.fromkeys(resolve_countries(countries)))
    if not codes:
        raise WrongTypeError("countries is empty: give at least one country name or code, e.g. ['KGZ', 'TJK'].")
    missing = [c for c in codes if c not in set(df["iso3"])]
    if missing:
        raise OutOfRangeError(f"The UCDP conflict data have no rows for {fmt.join(name(c) for c in missing)}; "
                              "they cover the 28 course countries.")
    lo, hi = int(df["year"].min()), int(df["year"].max())
    wanted = check_years(years, lo, hi, "The UCDP conflict data")
    df = df[df["iso3"].isin(codes)]
    if wanted is not None:
        df = df[df["year"].isin(wanted)]
    df = df.assign(year=df["year"].astype(int), active=df["active"].astype(bool))
    for k in ESTIMATES:
        df[k] = df[k].astype("int64")
    order = {c: i for i, c in enumerate(codes)}
    if by == "country":
        df = df.groupby(["iso3", "year"], as_index=False).agg(best=("best", "sum"), low=("low", "sum"),
                                                              high=("high", "sum"), active=("active", "any"))
        keys = ["iso3", "year"]
    else:
        df = df[["iso3", "year", "type_of_violence", "best", "low", "high", "active"]]
        keys = ["iso3", "year", "type_of_violence"]
    df = df.assign(country=df["iso3"].map(name), _o=df["iso3"].map(order))
    if by == "type":
        df["_t"] = df["type_of_violence"].map({t: i for i, t in enumerate(TYPES)})
    df = df.sort_values(["_o", "year"] + (["_t"] if by == "type" else []), kind="mergesort")
    cols = ["iso3", "country"] + keys[1:] + ["best", "low", "high", "active"]
    return df[cols].reset_index(drop=True)


def conflict_summary(countries=None, years=None, estimate: str = "best", data=None):
    """Return a table: deaths per country and type over the years asked for, with the deadliest year.

    One row per country (index: display names); columns state_based, non_state, one_sided, total (sums of the
    ``estimate`` column: 'best', 'low' or 'high'), active_years (years with any active type) and peak_year
    (year of most deaths, empty when there were none). Units: deaths.
    """
    import pandas as pd

    _check_estimate(estimate)
    df = conflict_deaths_data(countries, years, by="type", data=data)
    codes = list(dict.fromkeys(df["iso3"]))
    table = df.pivot_table(index="iso3", columns="type_of_violence", values=estimate, aggfunc="sum")
    table = table.reindex(index=codes, columns=list(TYPES)).fillna(0).astype("int64")
    table["total"] = table.sum(axis=1)
    per_year = df.groupby(["iso3", "year"], sort=False)[estimate].sum()
    active = df[df["active"]].groupby("iso3")["year"].nunique()
    peaks = {}
    for iso3 in table.index:
        s = per_year.loc[iso3]
        peaks[iso3] = int(s.idxmax()) if s.max() > 0 else pd.NA
    table["active_years"] = [int(active.get(c, 0)) for c in table.index]
    table["peak_year"] = pd.array([peaks[c] for c in table.index], dtype="Int64")
    table.index = [name(c) for c in table.index]
    table.index.name = "country"
    table.columns.name = None
    return table


def _n(x) -> str:
    """A count of deaths as an exact number with thousands separators."""
    return f"{int(x):,}"


def conflict_description(frame, by: str = "type") -> str:
    """Return one or two sentences on a frame from :func:`conflict_deaths_data` (best estimates)."""
    _check_by(by)
    if frame.empty:
        return "There are no UCDP country-years for this choice."
    y0, y1 = int(frame["year"].min()), int(frame["year"].max())
    span = f"{y0}–{y1}" if y1 > y0 else str(y0)
    per = frame.groupby(["iso3", "year"], sort=False)["best"].sum()
    totals = per.groupby(level=0, sort=False).sum()
    codes = list(dict.fromkeys(frame["iso3"]))
    none = [c for c in codes if totals.get(c, 0) == 0]
    some = [c for c in codes if totals.get(c, 0) > 0]
    if not some:
        who = fmt.join(name(c) for c in codes)
        return (f"UCDP records no deaths in organised violence in {who} in {span}: nothing there met its coding "
                "rules, which is not the same as no violence.")
    ranked = sorted(some, key=lambda c: (-int(totals[c]), codes.index(c)))
    parts = [f"{name(c)} {_n(totals[c])}" for c in ranked[:3]]
    if len(ranked) > 3:
        parts.append(f"{len(ranked) - 3} more {'country' if len(ranked) == 4 else 'countries'}")
    text = f"UCDP's best estimates of deaths in organised violence, {span}: {fmt.join(parts)}."
    (iso3, year), peak = per.idxmax(), int(per.max())
    text += f" The deadliest country-year shown is {name(iso3)} in {year} ({_n(peak)} deaths"
    if by == "type" and "type_of_violence" in frame.columns:
        row = frame[(frame["iso3"] == iso3) & (frame["year"] == year)]
        top = row.sort_values("best", ascending=False, kind="mergesort").iloc[0]
        share = 100 * int(top["best"]) / peak
        text += f", {fmt.pct(share, 0)} of them {TYPE_LABELS[top['type_of_violence']].lower()}"
    text += ")"
    if none:
        text += f"; {fmt.join(name(c) for c in none)}: none coded"
    return text + "."


@chart
def conflict_deaths(countries=None, years=None, by: str = "type", data=None):
    """Return a CourseFigure: deaths in organised violence by year (UCDP best estimates).

    ``by="type"`` (default): one small panel per country with bars stacked by type of violence —
    state-based, non-state, one-sided — each with its own colour and hatch; each panel has its own y
    scale (read the axis). ``by="country"``: one line per country, the three types together, on a
    logarithmic scale (years without deaths are gaps). ``countries``: names or codes (default: the five
    Central Asian states); ``years``: as for :func:`conflict_deaths_data` (default 1990–2024).
    Units: deaths per year. Source: UCDP Country-Year Dataset on Organized Violence v25.1.
    """
    import math

    import numpy as np
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    frame = conflict_deaths_data(countries, years, by=by, data=data)
    codes = list(dict.fromkeys(frame["iso3"]))
    y0, y1 = int(frame["year"].min()), int(frame["year"].max())
    s = style.context_settings()
    if by == "type":
        ncols = min(3, len(codes))
        nrows = math.ceil(len(codes) / ncols)
        fig, axes, key = new_figure_with_key(nrows, ncols, sharex=True,
                                             height=max(s["figsize"][1], 1.9 + s["panel"] * nrows))
        flat = list(np.atleast_1d(axes).ravel())
        for ax, iso3 in zip(flat, codes):
            sub = frame[frame["iso3"] == iso3]
            wide = sub.pivot_table(index="year", columns="type_of_violence", values="best", aggfunc="sum")
            wide = wide.reindex(index=range(y0, y1 + 1), columns=list(TYPES)).fillna(0)
            bottom = np.zeros(len(wide))
            for kind in TYPES:
                vals = wide[kind].to_numpy(dtype=float)
                on = vals > 0  # draw only the years with deaths: fewer patches, faster rendering
                if on.any():
                    ax.bar(wide.index.to_numpy()[on], vals[on], bottom=bottom[on], width=0.85,
                           color=TYPE_COLORS[kind], hatch=TYPE_HATCHES[kind] or None,
                           hatchcolor=hatch_on(TYPE_COLORS[kind]), edgecolor="white", linewidth=0.3)
                bottom += vals
            ax.set_title(name(iso3), loc="left", fontsize=s["font"], color="#1A1A1A")
            ax.grid(axis="y")
            ax.set_xlim(y0 - 0.7, y1 + 0.7)
            if not bottom.any():
                ax.set_ylim(0, 1)
                ax.set_yticks([0])
                ax.text(0.5, 0.5, "no deaths coded by UCDP", transform=ax.transAxes, ha="center", va="center",
                        fontsize=s["small"], color=style.TEXT_GREY, style="italic")
            else:
                ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
                ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.short(v, 3)))
        for ax in flat[len(codes):]:
            ax.remove()
        for k, ax in enumerate(flat[:len(codes)]):
            if k + ncols >= len(codes):
                ax.xaxis.set_tick_params(labelbottom=True)
        handles = [Patch(facecolor=TYPE_COLORS[k], hatch=TYPE_HATCHES[k] or None, edgecolor="white",
                         hatchcolor=hatch_on(TYPE_COLORS[k]), label=TYPE_LABELS[k]) for k in TYPES]
        key_legend(key, handles)
        fig.supylabel("Deaths per year (best estimate)", fontsize=s["label"])
    else:
        from matplotlib.lines import Line2D
        fig, ax = new_figure()
        handles = []
        top, low = 1, None
        for iso3 in codes:
            sub = frame[frame["iso3"] == iso3].set_index("year")["best"].reindex(range(y0, y1 + 1)).fillna(0)
            vals = np.where(sub.to_numpy(dtype=float) > 0, sub.to_numpy(dtype=float), np.nan)
            kw = dict(color=style.color(iso3), linestyle=style.linestyle(iso3), marker=style.marker(iso3),
                      markersize=s["marker"] * 0.8)
            if not np.isnan(vals).all():
                ax.plot(np.arange(y0, y1 + 1), vals, **kw)
                top = max(top, np.nanmax(vals))
                low = np.nanmin(vals) if low is None else min(low, np.nanmin(vals))
            label = name(iso3) + ("" if not np.isnan(vals).all() else " (no deaths coded)")
            handles.append(Line2D([], [], label=label, **kw))
        legend_above(ax, handles, ncols=min(4, len(handles)))
        ax.set_yscale("log")
        ax.set_ylim(max(0.8, (low or 1) / 2), top * 1.6)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.short(v, 3)))
        ax.set_xlim(y0, y1 + (0 if y1 > y0 else 1))
        ax.set_ylabel("Deaths per year (best estimate, log scale)")
        ax.grid(axis="y")
    for ax in fig.axes:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4 if by == "type" else 7))
    span = f"{y0}–{y1}" if y1 > y0 else str(y0)
    title = f"Deaths in organised violence{' by type' if by == 'type' else ''}, {span}"
    notes = ["UCDP counts a conflict or actor once it causes 25 or more deaths in a year (battle-related deaths "
             "for state-based and non-state violence, civilians killed for one-sided violence). Deaths are "
             "placed in the country where the violence happened. Unrest without an organised armed actor "
             "(e.g. Andijan 2005, Kazakhstan January 2022) is not counted."]
    if by == "country":
        notes.append("Log scale: each step up the axis is ten times the one below; years without deaths are gaps.")
    return finish(fig, title=title, description=conflict_description(frame, by), source=source("conflict"),
                  notes=notes)
