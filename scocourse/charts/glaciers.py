"""Glaciers and the water they feed: mass balance of single glaciers and of a region, and hydropower's share.

Data: ``datasets.load("glaciers")`` — WGMS glacier-wide mass balance of single glaciers (published in
**mm w.e.**) and the WGMS regional estimates after Zemp et al. (2019) (published in **m w.e.**, with an
uncertainty). Charts here show everything in m w.e.: glacier values are divided by 1000, and the tidy
frames say so in their column names (``balance_m_we``). ``datasets.load("energy")`` gives electricity by
source; :func:`hydropower_shares` uses one vintage per country (the newest that covers it), never a splice.

Each chart has a data step returning a tidy frame (:func:`glacier_table`, :func:`hydropower_shares`), a
drawing step and a description generated from that frame.
"""
from __future__ import annotations

import math
import re

from . import _format as fmt
from . import style
from ._common import check_frame, name, source
from .figure import chart, finish, legend_above, new_figure

__all__ = ["glacier_balance", "glacier_table", "glacier_names", "hydropower_share", "hydropower_shares",
           "DEFAULT_GLACIERS"]

#: The glaciers the lessons talk about (Tien Shan and Pamir-Alay), by their display names in the data.
DEFAULT_GLACIERS = ("Tsentralniy Tuyuksu", "Abramov", "Golubin", "Urumqi No. 1 (west branch)")
_REGION_DEFAULT = "ASC"
_GLACIER_COLORS = (style.OKABE_ITO["blue"], style.OKABE_ITO["vermillion"], style.OKABE_ITO["bluish_green"],
                   style.OKABE_ITO["reddish_purple"], style.OKABE_ITO["orange"], style.OKABE_ITO["sky_blue"])
_GLACIER_MARKERS = ("o", "s", "^", "D", "v", "P")
_REGION_COLOR = "#333333"
_BAND = "#BBBBBB"


def _errors():
    from ..errors import OutOfRangeError, UnknownNameError, WrongTypeError, did_you_mean
    return OutOfRangeError, UnknownNameError, WrongTypeError, did_you_mean


def _glaciers_frame(data):
    from .. import datasets

    if data is None:
        return datasets.load("glaciers")
    return check_frame(data, ["kind", "series_id", "name", "year", "variable", "value", "unit"], "glaciers")


def _norm(text) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).casefold()).strip()


def glacier_names(data=None, region: str | None = "13") -> list[str]:
    """Display names of the glaciers with an annual balance (default: those in RGI region 13, Central Asia)."""
    df = _glaciers_frame(data)
    df = df[(df["kind"] == "glacier") & (df["variable"] == "annual_balance")]
    if region is not None and "rgi_region" in df.columns:
        df = df[df["rgi_region"].astype(str).str.zfill(2) == str(region).zfill(2)]
    return sorted(set(df["name"].astype(str)))


def _resolve(df, wanted, kind: str) -> list[str]:
    """series_ids of ``wanted`` names, WGMS spellings or ids (case and punctuation ignored)."""
    OutOfRangeError, UnknownNameError, WrongTypeError, did_you_mean = _errors()
    sub = df[df["kind"] == kind].drop_duplicates("series_id")
    index = {}
    for sid, nm, wn in zip(sub["series_id"].astype(str), sub["name"].astype(str),
                           sub["wgms_name"].astype(str) if "wgms_name" in sub.columns else sub["name"].astype(str)):
        for key in (sid, nm, wn):
            index.setdefault(_norm(key), sid)
        if kind == "region":
            m = re.search(r"RGI (\d+)", nm)
            if m:
                index.setdefault(_norm(m.group(1)), sid)
                index.setdefault(_norm(str(int(m.group(1)))), sid)
                index.setdefault(_norm(nm.split(" (")[0]), sid)
    if isinstance(wanted, (str, int)) and not isinstance(wanted, bool):
        wanted = [wanted]
    try:
        items = list(wanted)
    except TypeError:
        raise WrongTypeError(f"Give glacier names as a string or a list of strings, not {type(wanted).__name__}.") from None
    out = []
    for w in items:
        if not isinstance(w, (str, int)) or isinstance(w, bool):
            raise WrongTypeError(f"A {kind} should be given by its name, e.g. 'Abramov', not {type(w).__name__} {w!r}.")
        sid = index.get(_norm(w))
        if sid is None:
            names = sorted(set(sub["name"].astype(str)))
            raise UnknownNameError(f"'{w}' is not a {kind} in the glaciers data.{did_you_mean(str(w), names)} "
                                   f"Use glacier_names() to list the glaciers.")
        if sid not in out:
            out.append(sid)
    return out


def _wanted_years(chosen, years, cumulative: bool, rid) -> list[int]:
    """The years asked for (default: the region's years for a running sum with a region, else all years)."""
    from .._lookup import check_years

    lo, hi = int(chosen["year"].min()), int(chosen["year"].max())
    if years is None:
        if cumulative and rid is not None:
            reg_years = chosen.loc[chosen["series_id"] == rid, "year"]
            return list(range(int(reg_years.min()), int(reg_years.max()) + 1))
        return list(range(lo, hi + 1))
    wanted = check_years(years, lo, hi, "The glacier mass-balance series")
    return sorted(y for y in wanted if lo <= y <= hi)


def _running_sums(b, u, span, region: bool) -> tuple[list, list]:
    """Running sum of the balances ``b`` over ``span`` and (regions) the root-sum-square of the uncertainties ``u``.

    A glacier's sum stops at its first missing year; a region's starts at its first year with data."""
    nan = float("nan")
    cum, cu, broken, run, run_u = [], [], False, 0.0, 0.0
    first = b.first_valid_index()
    for y in span:
        if region and (first is None or y < first):
            cum.append(nan)
            cu.append(nan)
            continue
        if broken or math.isnan(b[y]):
            broken = True
            cum.append(nan)
            cu.append(nan)
            continue
        run += float(b[y])
        run_u += float(u[y]) ** 2 if not math.isnan(u[y]) else 0.0
        cum.append(run)
        cu.append(math.sqrt(run_u) if region else nan)
    return cum, cu


def _series_rows(sub, sid: str, span: list[int], region: bool):
    """One series' rows of :func:`glacier_table` (balances converted to m w.e.)."""
    import numpy as np
    import pandas as pd

    kind = str(sub["kind"].iloc[0]) if len(sub) else ("region" if region else "glacier")
    nm = str(sub["name"].iloc[0]) if len(sub) else sid
    bal = sub[sub["variable"] == "annual_balance"].set_index("year")
    unc = sub[sub["variable"] == "annual_balance_uncertainty"].set_index("year")["value"]
    scale = np.where(bal["unit"].astype(str) == "mm w.e.", 1 / 1000, 1.0) if len(bal) else 1.0
    b = (bal["value"].astype(float) * scale).reindex(span)
    u = unc.astype(float).reindex(span) if len(unc) else pd.Series(np.nan, index=span)
    cum, cu = _running_sums(b, u, span, kind == "region")
    return pd.DataFrame({"series_id": sid, "name": nm, "kind": kind, "year": span,
                         "balance_m_we": b.to_numpy(), "uncertainty_m_we": u.to_numpy(),
                         "cumulative_m_we": cum, "cumulative_uncertainty_m_we": cu})


def glacier_table(glaciers=None, years=None, cumulative: bool = True, region: str | None = _REGION_DEFAULT,
                  data=None):
    """Return the tidy frame behind :func:`glacier_balance`: one row per series and year, in m w.e.

    Columns: ``series_id``, ``name``, ``kind`` (glacier/region), ``year``, ``balance_m_we`` (annual balance;
    glacier values published in mm w.e. divided by 1000), ``uncertainty_m_we`` (regions only),
    ``cumulative_m_we`` (running sum from the first year of the range; empty from a glacier's first
    missing year on, because a gap in monitoring cannot be summed over), ``cumulative_uncertainty_m_we``
    (regions: root-sum-square of the annual uncertainties, which assumes independent annual errors).

    ``glaciers``: names (default :data:`DEFAULT_GLACIERS`); ``years``: year, (start, end), range or list
    (default: the regional estimate's years when ``cumulative`` and a region are shown, else all years);
    ``region``: a region name, code or RGI number (default 'ASC', Central Asia, RGI 13), or None.
    """
    import pandas as pd

    OutOfRangeError, _, WrongTypeError, _ = _errors()
    if not isinstance(cumulative, bool):
        raise WrongTypeError(f"cumulative should be True or False, not {cumulative!r}.")
    df = _glaciers_frame(data)
    ids = _resolve(df, DEFAULT_GLACIERS if glaciers is None else glaciers, "glacier")
    rid = _resolve(df, region, "region")[0] if region is not None else None
    ann = df[df["variable"].isin(["annual_balance", "annual_balance_uncertainty"])].copy()
    ann["year"] = ann["year"].astype(int)
    chosen = ann[ann["series_id"].astype(str).isin(ids + ([rid] if rid else []))]
    wanted = _wanted_years(chosen, years, cumulative, rid)
    span = list(range(min(wanted), max(wanted) + 1))
    rows = [_series_rows(chosen[chosen["series_id"].astype(str) == sid], sid, span, sid == rid)
            for sid in ids + ([rid] if rid else [])]
    out = pd.concat(rows, ignore_index=True)
    out = out[out["year"].isin(wanted)].reset_index(drop=True)
    if out["balance_m_we"].notna().sum() == 0:
        raise OutOfRangeError(f"None of these series has a mass balance in {span[0]}–{span[-1]}.")
    out.attrs["units"] = "m w.e. (glacier values published in mm w.e. divided by 1000)"
    return out


def _gaps(years_with_data: list[int]) -> list[tuple[int, int]]:
    gaps = []
    for a, b in zip(years_with_data, years_with_data[1:]):
        if b - a > 1:
            gaps.append((a + 1, b - 1))
    return gaps


def _span(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}–{b}"


def _describe(t, cumulative: bool) -> tuple[str, list[str]]:
    y0, y1 = int(t["year"].min()), int(t["year"].max())
    parts, notes = [], []
    glaciers = t[t["kind"] == "glacier"]
    region = t[t["kind"] == "region"]
    for _sid, sub in glaciers.groupby("series_id", sort=False):
        nm = sub["name"].iloc[0]
        have = [int(y) for y, v in zip(sub["year"], sub["balance_m_we"]) if not math.isnan(v)]
        if not have:
            parts.append(f"{nm} has no measurement in {y0}–{y1}")
            continue
        gaps = _gaps(have)
        gap_text = (" (no measurements " + ", ".join(_span(a, b) for a, b in gaps) + ")") if gaps else ""
        if cumulative:
            cum = sub.dropna(subset=["cumulative_m_we"])
            if len(cum) and int(cum["year"].iloc[0]) == y0:
                last = cum.iloc[-1]
                stop = "" if int(last["year"]) == y1 else ", after which its record breaks"
                parts.append(f"{nm} {'lost' if last['cumulative_m_we'] < 0 else 'gained'} "
                             f"{fmt.num(abs(last['cumulative_m_we']), 2)} m w.e. from {y0} to {int(last['year'])}{stop}")
            else:
                parts.append(f"{nm} was not measured in {y0}, so no cumulative line is drawn{gap_text}")
        else:
            vals = sub["balance_m_we"].dropna()
            neg = int((vals < 0).sum())
            parts.append(f"{nm} averaged {fmt.num(vals.mean(), 2)} m w.e. a year over {len(vals)} measured years "
                         f"({neg} negative){gap_text}")
    if len(region):
        rn = region["name"].iloc[0]
        r = region.dropna(subset=["balance_m_we"])
        if cumulative:
            cr = r.dropna(subset=["cumulative_m_we"])
            last = cr.iloc[-1]
            if int(cr["year"].iloc[0]) > y0:
                notes.append(f"The regional estimate starts in {int(cr['year'].iloc[0])}; its running sum starts at "
                             "zero there, not in the first year shown.")
            parts.append(f"the regional estimate for {rn} sums to {fmt.num(last['cumulative_m_we'], 2)} ± "
                         f"{fmt.num(last['cumulative_uncertainty_m_we'], 2)} m w.e. by {int(last['year'])}")
            notes.append("Grey band: ± the regional uncertainty; for the running sum, the root-sum-square of the "
                         "annual uncertainties (this assumes independent errors from year to year; correlated "
                         "errors would give a wider band).")
        else:
            wider = int((r["uncertainty_m_we"] > r["balance_m_we"].abs()).sum())
            parts.append(f"the regional estimate for {rn} averaged {fmt.num(r['balance_m_we'].mean(), 2)} m w.e. a year, "
                         f"and in {wider} of its {len(r)} years the uncertainty was larger than the value itself")
            notes.append("Grey band: ± the uncertainty supplied with the regional estimate (confidence level not "
                         "stated in the file).")
    description = "; ".join(parts) + "."
    description = description[0].upper() + description[1:]
    notes.append("Glacier values are published in mm w.e. and shown here in m w.e. (divided by 1000). "
                 "1 m w.e. = a one-metre layer of water spread over the glacier.")
    return description, notes


@chart
def glacier_balance(glaciers=None, years=None, cumulative: bool = True, region: str | None = _REGION_DEFAULT,
                    data=None):
    """Return a CourseFigure: glacier mass balance of single glaciers and of a region, in m w.e.

    ``cumulative=True`` (default): the running sum from the first year shown (a glacier's line stops at its
    first gap in monitoring); ``False``: the balance of each year, with gaps left open. The regional estimate
    (default Central Asia, RGI 13) is drawn in dark grey with its uncertainty as a grey band. ``glaciers``:
    names (default Tsentralniy Tuyuksu, Abramov, Golubin, Urumqi No. 1 west branch; see
    :func:`glacier_names`); ``years``: a year, (start, end), range or list; ``region``: name, code, RGI number
    or None. ``data``: a DataFrame shaped like ``datasets.load("glaciers")``. The frame drawn is
    :func:`glacier_table` with the same arguments.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    t = glacier_table(glaciers, years, cumulative, region, data)
    col = "cumulative_m_we" if cumulative else "balance_m_we"
    ucol = "cumulative_uncertainty_m_we" if cumulative else "uncertainty_m_we"
    fig, ax = new_figure()
    handles = []
    region_rows = t[t["kind"] == "region"]
    if len(region_rows):
        r = region_rows
        ax.fill_between(r["year"], r[col] - r[ucol], r[col] + r[ucol], color=_BAND, alpha=0.45, linewidth=0,
                        zorder=1)
        ax.plot(r["year"], r[col], color=_REGION_COLOR, linewidth=2.2, zorder=3)
        handles.append(Line2D([], [], color=_REGION_COLOR, linewidth=2.2, label=f"{r['name'].iloc[0]}, regional estimate"))
        handles.append(Patch(facecolor=_BAND, alpha=0.45, label="± uncertainty"))
    for i, (_sid, sub) in enumerate(t[t["kind"] == "glacier"].groupby("series_id", sort=False)):
        c, m = _GLACIER_COLORS[i % len(_GLACIER_COLORS)], _GLACIER_MARKERS[i % len(_GLACIER_MARKERS)]
        if sub[col].notna().any():
            ax.plot(sub["year"], sub[col], color=c, marker=m, markersize=4.5, linewidth=1.6, zorder=4)
            handles.append(Line2D([], [], color=c, marker=m, label=sub["name"].iloc[0]))
    ax.axhline(0, color="#777777", linewidth=0.8, zorder=2)
    y0, y1 = int(t["year"].min()), int(t["year"].max())
    ax.set_xlim(y0 - 0.5, y1 + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=7))
    ax.set_ylabel(f"Cumulative mass balance since {y0} (m w.e.)" if cumulative else "Annual mass balance (m w.e.)")
    ax.grid(axis="y")
    legend_above(ax, handles, ncols=min(3, len(handles)))
    description, notes = _describe(t, cumulative)
    title = (f"Glacier mass balance, cumulative {y0}–{y1}" if cumulative else f"Glacier mass balance per year, {y0}–{y1}")
    return finish(fig, title=title, description=description, source=source("glaciers"), notes=notes)


# ----------------------------------------------------------------------------- hydropower's share
def hydropower_shares(countries=None, years=None, data=None):
    """Return hydropower's share (%) of electricity generation per country and year, one vintage per country.

    For each country the vintage is the one the electricity charts use (:func:`scocourse.charts.energy.pick_vintage`:
    the newest release reaching the latest year), so series are never spliced across releases. Columns: ``iso3``, ``country``, ``year``,
    ``hydro_TWh``, ``total_TWh``, ``hydro_share_pct``, ``vintage``. ``countries``: names or codes
    (default: the five Central Asian states); ``years``: year, (start, end), range or list.
    """
    import pandas as pd

    from .. import datasets
    from .._lookup import check_years, resolve_countries
    from ..facts import central_asia
    from ..facts import pick_vintage

    _, _, WrongTypeError, _ = _errors()
    if countries is None:
        codes = central_asia()
    else:
        codes = list(dict.fromkeys(resolve_countries(countries)))
        if not codes:
            raise WrongTypeError("countries is empty: give at least one country name or code.")
    df = datasets.load("energy") if data is None else check_frame(
        data, ["iso3", "year", "measure", "fuel", "value", "vintage"], "energy")
    df = df[(df["measure"] == "electricity_generation") & df["iso3"].isin(codes)].dropna(subset=["value"]).copy()
    df["year"] = df["year"].astype(int)
    frames = []
    for c in codes:
        best, _ = pick_vintage(df, c)  # the electricity charts' rule: newest release reaching the latest year
        s = df[(df["iso3"] == c) & (df["vintage"] == best)]
        tot = s.groupby("year")["value"].sum()
        hyd = s[s["fuel"] == "hydro"].groupby("year")["value"].sum().reindex(tot.index).fillna(0.0)
        frames.append(pd.DataFrame({"iso3": c, "country": name(c), "year": tot.index.astype(int), "hydro_TWh": hyd.to_numpy(),
                                    "total_TWh": tot.to_numpy(), "vintage": best}))
    out = pd.concat(frames, ignore_index=True)
    out = out[out["total_TWh"] > 0]
    out["hydro_share_pct"] = 100 * out["hydro_TWh"] / out["total_TWh"]
    if years is not None:
        wanted = check_years(years, int(out["year"].min()), int(out["year"].max()), "Electricity generation")
        out = out[out["year"].isin(wanted)]
    out = out[["iso3", "country", "year", "hydro_TWh", "total_TWh", "hydro_share_pct", "vintage"]]
    return out.sort_values(["iso3", "year"], kind="mergesort").reset_index(drop=True)


@chart
def hydropower_share(countries=None, years=None, data=None):
    """Return a CourseFigure: hydropower's share of electricity generation over time (%), one line per country.

    One OWID/Ember vintage per country (the newest reaching the latest year; see :func:`hydropower_shares`).
    ``countries``: names or codes (default the five Central Asian states); ``years``: year, (start, end),
    range or list; ``data``: a DataFrame shaped like ``datasets.load("energy")``.
    """
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    from ._common import source_matching

    t = hydropower_shares(countries, years, data)
    fig, ax = new_figure()
    handles = []
    for c, sub in t.groupby("iso3", sort=False):
        ax.plot(sub["year"], sub["hydro_share_pct"], color=style.color(c), marker=style.marker(c), markersize=4,
                linewidth=1.8)
        handles.append(Line2D([], [], color=style.color(c), marker=style.marker(c), label=name(c)))
    y0, y1 = int(t["year"].min()), int(t["year"].max())
    ax.set_xlim(y0 - 0.5, y1 + 0.5)
    ax.set_ylim(0, 100)
    ax.set_ylabel("Hydropower, % of electricity generated")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=7))
    ax.grid(axis="y")
    legend_above(ax, handles, ncols=min(5, len(handles)))
    last = t.sort_values("year").groupby("iso3").tail(1).sort_values(["hydro_share_pct", "iso3"], ascending=[False, True])
    parts = [f"{r.country} {fmt.pct(r.hydro_share_pct, 0)} ({r.year})" for r in last.itertuples()]
    description = "Hydropower's share of electricity generation in the latest year: " + "; ".join(parts) + "."
    vint = sorted(set(t["vintage"]))
    starts = t.groupby("iso3")["year"].min()
    notes = []
    if starts.nunique() > 1:
        notes.append("Series start in different years (" + ", ".join(
            f"{name(c)} {int(y)}" for c, y in starts.items()) + "): a line that begins later is missing data, "
            "not a new power system.")
    notes += ["One data release per country, never spliced: " + "; ".join(
        f"{v}: {', '.join(sorted(set(t.loc[t['vintage'] == v, 'country'])))}" for v in vint) + "."]
    return finish(fig, title=f"Hydropower's share of electricity, {y0}–{y1}", description=description,
                  source=source_matching("energy", vint), notes=notes)
