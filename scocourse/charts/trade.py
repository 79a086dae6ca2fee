"""Trade: Russia's and China's shares in each Central Asian state's total trade over time.

Data: ``datasets.load("trade")`` (IMF Direction of Trade Statistics, US$ million). Share of partner P in
country C's trade = (C's exports to P + C's imports from P) / (C's exports to + imports from the World).
Where a country does not report, the IMF fills its series from partners' records (mirror data); IMF
estimates are flagged ``estimated`` and drawn with hollow markers.
"""
from __future__ import annotations

import math

from . import _format as fmt
from . import style
from ._common import OutOfRangeError, central_asia, check_frame, check_years, name, resolve_countries, source
from .figure import chart, finish, key_legend, new_figure_with_key

__all__ = ["trade_shares", "partner_shares"]


def partner_shares(countries, partners, years=None, data=None):
    """Return a DataFrame (reporter, partner, year, share %, estimated bool) of partners' shares in trade.

    ``estimated`` is true when any of the four flows used (exports/imports to the partner and the World)
    is an IMF estimate. Years with a missing flow are left out (shown as gaps).
    """
    import pandas as pd

    from .. import datasets

    df = datasets.load("trade") if data is None else check_frame(
        data, ["reporter", "partner", "flow", "year", "value"], "trade")
    if "estimated" not in df.columns:
        df = df.assign(estimated=False)
    df = df[df["reporter"].isin(countries) & df["partner"].isin(list(partners) + ["WLD"])].dropna(subset=["value"])
    for c in countries:
        if not len(df[df["reporter"] == c]):
            raise OutOfRangeError(f"The trade data have no flows reported for {name(c)}.")
    lo, hi = int(df["year"].min()), int(df["year"].max())
    wanted = check_years(years, lo, hi, "The IMF DOTS trade data")
    if wanted is not None:
        df = df[df["year"].isin(wanted)]
    g = df.groupby(["reporter", "partner", "year"]).agg(value=("value", "sum"), flows=("flow", "nunique"),
                                                         estimated=("estimated", "any")).reset_index()
    g = g[g["flows"] == 2]
    world = g[g["partner"] == "WLD"][["reporter", "year", "value", "estimated"]]
    world = world[world["value"] != 0]
    pairs = g[g["partner"] != "WLD"].merge(world, on=["reporter", "year"], suffixes=("", "_world"))
    out = pd.DataFrame({"reporter": pairs["reporter"].astype(str), "partner": pairs["partner"].astype(str),
                        "year": pairs["year"].astype(int),
                        "share": 100 * pairs["value"].astype(float) / pairs["value_world"].astype(float),
                        "estimated": pairs["estimated"].astype(bool) | pairs["estimated_world"].astype(bool)})
    return out.sort_values(["reporter", "partner", "year"], kind="mergesort").reset_index(drop=True)


def parts_order(parts, sub) -> list:
    """Partners with a value in ``sub`` (indexed by partner), largest share first."""
    have = [p for p in parts if p in sub.index]
    return sorted(have, key=lambda p: (-float(sub.loc[p, "share"]), p))


@chart
def trade_shares(countries=None, partners=("RUS", "CHN"), years=None, data=None):
    """Return a CourseFigure: partners' shares (%) in each country's total trade, one panel per country.

    ``countries``: the reporting states (default: the five Central Asian states). ``partners``: names or
    codes (default Russia and China), one line each in its fixed colour, marker and line style.
    ``years``: year, range, (start, end) or list (default: all, 1992–2020). Share = (exports + imports
    with the partner) / (exports + imports with the World), in %. Hollow markers: IMF estimates / mirror
    data. ``data``: a DataFrame shaped like ``datasets.load("trade")``. Source: IMF DOTS.
    """
    import numpy as np
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    codes = resolve_countries(countries, central_asia())
    parts = resolve_countries(partners, ["RUS", "CHN"])
    sh = partner_shares(codes, parts, years, data)
    if not len(sh):
        raise OutOfRangeError("No year has both the partner flows and the World totals for these countries.")
    y0, y1 = int(sh["year"].min()), int(sh["year"].max())
    all_years = np.arange(y0, y1 + 1)
    s = style.context_settings()
    ncols = min(3, len(codes))
    nrows = math.ceil(len(codes) / ncols)
    fig, axes, key = new_figure_with_key(nrows, ncols, sharex=True, sharey=True,
                                         height=max(s["figsize"][1], 1.7 + s["panel"] * nrows))
    flat = list(np.atleast_1d(axes).ravel())
    top = float(sh["share"].max())
    styles = {p: ("-" if k == 0 else (0, (5, 2)) if k == 1 else (0, (1.5, 1.5))) for k, p in enumerate(parts)}
    for ax, c in zip(flat, codes):
        for p in parts:
            sub = sh[(sh["reporter"] == c) & (sh["partner"] == p)].set_index("year").reindex(all_years)
            vals = sub["share"].to_numpy(dtype=float)
            colour = style.color(p)
            ax.plot(all_years, vals, color=colour, linestyle=styles[p], zorder=3)
            est = sub["estimated"].fillna(False).astype(bool).to_numpy()
            ok = ~np.isnan(vals)
            if ok.any():
                k = int(np.flatnonzero(ok)[-1])
                if not est[k]:
                    ax.plot([all_years[k]], [vals[k]], linestyle="none", marker=style.marker(p),
                            markersize=s["marker"], color=colour, zorder=4)
            ax.plot(all_years[ok & est], vals[ok & est], linestyle="none", marker=style.marker(p),
                    markersize=s["marker"] * 0.85, markerfacecolor="white", markeredgecolor=colour,
                    markeredgewidth=1.1, zorder=5)
        ax.set_title(name(c), loc="left", fontsize=s["font"], color="#1A1A1A")
        ax.grid(axis="y")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    step = 10 if top <= 60 else 20
    for ax in flat:
        ax.set_ylim(0, math.ceil(top / step) * step + 2)
        ax.yaxis.set_major_formatter(__import__("matplotlib.ticker", fromlist=["FuncFormatter"]).FuncFormatter(
            lambda v, _p: fmt.pct(v, 0)))
    for k, ax in enumerate(flat[:len(codes)]):
        if k + ncols >= len(codes):
            ax.xaxis.set_tick_params(labelbottom=True)
    for ax in flat[len(codes):]:
        ax.remove()
    fig.supylabel("Share of the country's total trade", fontsize=s["label"])
    handles = [Line2D([], [], color=style.color(p), linestyle=styles[p], marker=style.marker(p),
                      markersize=s["marker"], label=name(p)) for p in parts]
    if sh["estimated"].any():
        handles.append(Line2D([], [], color="#555555", linestyle="none", marker="o", markerfacecolor="white",
                              markeredgecolor="#555555", markersize=s["marker"] * 0.85, label="IMF estimate"))
    key_legend(key, handles)

    last = sh[sh["year"] == sh.groupby("reporter")["year"].transform("max")]
    sentences = []
    if len(codes) == 1:
        c = codes[0]
        sub = last[last["reporter"] == c].set_index("partner")
        if len(sub):
            yr = int(sub["year"].max())
            parts = [f"{name(p)}'s {fmt.pct(float(sub.loc[p, 'share']), 0)}" for p in parts_order(parts, sub)]
            sentences.append(f"In {yr}, partners' shares of {name(c)}'s trade: {fmt.join(parts)}")
    else:
        if len(parts) >= 2:
            a, b = parts[0], parts[1]
            piv = last.pivot_table(index="reporter", columns="partner", values="share", aggfunc="first")
            years_last = last.groupby("reporter")["year"].max()
            if a in piv.columns and b in piv.columns:
                more_b = [c for c in codes if c in piv.index and piv.loc[c, b] > piv.loc[c, a]]
                ly = fmt.join(sorted({str(int(v)) for v in years_last}))
                sentences.append(f"In {ly}, {name(b)}'s share of trade exceeded {name(a)}'s in {len(more_b)} of "
                                 f"{len(piv)} countries shown"
                                 + (f" ({fmt.join(name(c) for c in more_b)})" if more_b else ""))
        for p in parts[:2]:
            sub = last[last["partner"] == p].sort_values(["share", "reporter"], ascending=[False, True])
            if len(sub):
                r = sub.iloc[0]
                sentences.append(f"{name(p)}'s largest share: {fmt.pct(r['share'], 0)} of {name(r['reporter'])}'s "
                                 f"trade in {int(r['year'])}")
    description = "; ".join(sentences) + "."
    notes = ["Share = (exports + imports with the partner) ÷ (exports + imports with the World), US$ at current "
             "prices. Gaps: years without data."]
    est_c = sorted(set(sh.loc[sh["estimated"], "reporter"]))
    if est_c:
        notes.append(f"Hollow markers: IMF estimates / mirror data (partners' records), in "
                     f"{fmt.join(name(c) for c in est_c)}.")
    title = f"Russia's and China's shares in Central Asian trade, {y0}–{y1}" if parts == ["RUS", "CHN"] and \
        sorted(codes) == central_asia() else f"{fmt.join(name(p) for p in parts)}: shares in trade, {y0}–{y1}"
    return finish(fig, title=title, description=description, source=source("trade"), notes=notes)
