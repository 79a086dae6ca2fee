"""Trade: partners' shares in a country's total trade, from either side of the records.

Data: ``datasets.load("trade")`` (IMF Direction of Trade Statistics, US$ million), read through
:func:`scocourse.facts.partner_shares` — the one home of the share's meaning. Share of partner P in
country C's trade = (trade between C and P, recorded on one side) / (C's own exports to + imports from
the World). ``side="reporter"`` reads C's own records, ``side="partner"`` P's records (mirror data; the
28 course countries only). IMF estimates are flagged ``estimated`` and drawn with hollow markers.

Each chart has three steps: a data step returning a tidy DataFrame (``trade_shares_data``,
``trade_sides_data``), a drawing step and a description step working on that frame
(``describe_trade_shares``, ``describe_trade_sides``).
"""
from __future__ import annotations

import math

from . import _format as fmt
from . import _layout as lay
from . import style
from ._common import countries_or, name, source, the_name
from .figure import chart, finish, key_legend, legend_above, new_figure
from ..errors import OutOfRangeError, WrongTypeError
from ..facts import TRADE_SIDES, central_asia, partner_shares

__all__ = ["trade_shares", "trade_shares_data", "describe_trade_shares", "trade_sides", "trade_sides_data",
           "describe_trade_sides"]

_SIDE_WORDS = {"reporter": "the country's own records", "partner": "the partners' records"}
_LINESTYLES = ("-", (0, (5, 2)), (0, (1.5, 1.5)))


# --------------------------------------------------------------------------- trade_shares
def trade_shares_data(countries=None, partners=("RUS", "CHN"), years=None, data=None, side: str = "reporter"):
    """Return the tidy frame ``trade_shares`` draws: :func:`scocourse.facts.partner_shares` for the countries
    (default: Central Asia) and partners (default Russia and China) — columns country, partner, year, side,
    value, total, share (%), estimated — with ``attrs`` countries and partners in the order asked."""
    codes = countries_or(countries, central_asia())
    parts = countries_or(partners, ["RUS", "CHN"])
    sh = partner_shares(codes, parts, years, side=side, data=data)
    for c in codes:
        if c not in set(sh["country"]):
            raise OutOfRangeError(f"The trade data have no {side}-side flows with a world total for {name(c)}.")
    sh.attrs.update(countries=codes, partners=parts, side=side)
    return sh


def _last_year_rows(sh):
    return sh[sh["year"] == sh.groupby("country")["year"].transform("max")]


def _ranked(sub, parts) -> list:
    """Partners with a value in ``sub`` (indexed by partner), largest share first."""
    return sorted([p for p in parts if p in sub.index], key=lambda p: (-float(sub.loc[p, "share"]), p))


def _compare_sentence(last, codes, a: str, b: str) -> str:
    piv = last.pivot_table(index="country", columns="partner", values="share", aggfunc="first")
    if a not in piv.columns or b not in piv.columns:
        return ""
    more_b = [c for c in codes if c in piv.index and piv.loc[c, b] > piv.loc[c, a]]
    years = fmt.join(sorted({str(int(v)) for v in last.groupby("country")["year"].max()}))
    which = f" ({fmt.join(name(c) for c in more_b)})" if more_b and len(more_b) < len(piv) else ""
    return (f"In {years}, {name(b)}'s share of trade exceeded {name(a)}'s in "
            f"{fmt.count_of(len(more_b), len(piv), 'country', 'countries')} shown{which}")


def describe_trade_shares(sh) -> str:
    """One or two sentences on a ``trade_shares_data`` frame: the latest year's shares (one country) or
    which partner leads where and each partner's largest share (several countries)."""
    codes, parts = sh.attrs["countries"], sh.attrs["partners"]
    last = _last_year_rows(sh)
    sentences = []
    if len(codes) == 1:
        sub = last[last["country"] == codes[0]].set_index("partner")
        if len(sub):
            shares = [f"{name(p)}'s {fmt.pct(float(sub.loc[p, 'share']), 0)}" for p in _ranked(sub, parts)]
            sentences.append(f"In {int(sub['year'].max())}, partners' shares of {name(codes[0])}'s trade: "
                             f"{fmt.join(shares)}")
    else:
        if len(parts) >= 2:
            sentences.append(_compare_sentence(last, codes, parts[0], parts[1]))
        for p in parts[:2]:
            sub = last[last["partner"] == p].sort_values(["share", "country"], ascending=[False, True])
            if len(sub):
                r = sub.iloc[0]
                sentences.append(f"{name(p)}'s largest share: {fmt.pct(r['share'], 0)} of {name(r['country'])}'s "
                                 f"trade in {int(r['year'])}")
    return "; ".join(s for s in sentences if s) + "."


def _draw_share_panel(ax, sh, iso3: str, parts, all_years, s) -> None:
    import numpy as np

    for k, p in enumerate(parts):
        sub = sh[(sh["country"] == iso3) & (sh["partner"] == p)].set_index("year").reindex(all_years)
        vals = sub["share"].to_numpy(dtype=float)
        colour, ls = style.color(p), _LINESTYLES[min(k, 2)]
        ax.plot(all_years, vals, color=colour, linestyle=ls, zorder=3)
        est = sub["estimated"].fillna(False).astype(bool).to_numpy()
        ok = ~np.isnan(vals)
        if ok.any():
            last = int(np.flatnonzero(ok)[-1])
            if not est[last]:
                ax.plot([all_years[last]], [vals[last]], linestyle="none", marker=style.marker(p),
                        markersize=s["marker"], color=colour, zorder=4)
        ax.plot(all_years[ok & est], vals[ok & est], linestyle="none", marker=style.marker(p),
                markersize=s["marker"] * 0.85, markerfacecolor="white", markeredgecolor=colour,
                markeredgewidth=1.1, zorder=5)
    ax.set_title(name(iso3), loc="left", fontsize=s["font"], color="#1A1A1A")
    ax.grid(axis="y")


def _draw_trade_shares(sh):
    import numpy as np
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    codes, parts = sh.attrs["countries"], sh.attrs["partners"]
    all_years = np.arange(int(sh["year"].min()), int(sh["year"].max()) + 1)
    s = style.context_settings()
    fig, axes, key, ncols = lay.panel_grid(len(codes), base_height=1.7, sharex=True, sharey=True)
    for ax, c in zip(axes, codes):
        _draw_share_panel(ax, sh, c, parts, all_years, s)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    top = float(sh["share"].max())
    step = 10 if top <= 60 else 20
    for ax in axes:
        ax.set_ylim(0, math.ceil(top / step) * step + 2)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.pct(v, 0)))
    lay.tidy_panels(axes, len(codes), ncols)
    fig.supylabel("Share of the country's total trade", fontsize=s["label"])
    handles = [Line2D([], [], color=style.color(p), linestyle=_LINESTYLES[min(k, 2)], marker=style.marker(p),
                      markersize=s["marker"], label=name(p)) for k, p in enumerate(parts)]
    if sh["estimated"].any():
        handles.append(Line2D([], [], color="#555555", linestyle="none", marker="o", markerfacecolor="white",
                              markeredgecolor="#555555", markersize=s["marker"] * 0.85, label="IMF estimate"))
    key_legend(key, handles)
    return fig


def _trade_shares_notes(sh) -> list:
    notes = ["Share = (exports + imports with the partner) ÷ (exports + imports with the World), US$ at current "
             "prices. Gaps: years without data."]
    if sh.attrs["side"] == "partner":
        notes[0] = ("Share = the partner's records of its trade with the country (its imports + exports) ÷ the "
                    "country's own exports + imports with the World, US$ at current prices. Gaps: years without data.")
    est_c = sorted(set(sh.loc[sh["estimated"], "country"]))
    if est_c:
        notes.append(f"Hollow markers: IMF estimates / mirror data (partners' records), in "
                     f"{fmt.join(name(c) for c in est_c)}.")
    return notes


@chart
def trade_shares(countries=None, partners=("RUS", "CHN"), years=None, data=None, side: str = "reporter"):
    """Return a CourseFigure: partners' shares (%) in each country's total trade, one panel per country.

    ``countries``: the countries (default: the five Central Asian states). ``partners``: names or codes
    (default Russia and China), one line each in its fixed colour, marker and line style. ``years``: year,
    range, (start, end) or list (default: all, 1992–2020). ``side``: ``"reporter"`` (default: the
    countries' own records) or ``"partner"`` (the partners' records; course countries only) — see
    :func:`scocourse.facts.partner_shares`. Share = (exports + imports with the partner) / (the country's
    exports + imports with the World), in %. Hollow markers: IMF estimates. ``data``: a DataFrame shaped like
    ``datasets.load("trade")``. Source: IMF DOTS.
    """
    sh = trade_shares_data(countries, partners, years, data, side)
    codes, parts = sh.attrs["countries"], sh.attrs["partners"]
    fig = _draw_trade_shares(sh)
    y0, y1 = int(sh["year"].min()), int(sh["year"].max())
    if parts == ["RUS", "CHN"] and sorted(codes) == central_asia():
        title = f"Russia's and China's shares in Central Asian trade, {y0}–{y1}"
    else:
        title = f"{fmt.join(name(p) for p in parts)}: shares in trade, {y0}–{y1}"
    if side == "partner":
        title += ", from the partners' records"
    return finish(fig, title=title, description=describe_trade_shares(sh), source=source("trade"),
                  notes=_trade_shares_notes(sh))


# --------------------------------------------------------------------------- trade_sides
def _check_top(top) -> int:
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise WrongTypeError(f"top= should be a whole number of partners such as 6, not {top!r}.")
    return top


def trade_sides_data(country="KGZ", year: int | None = None, top: int = 6, data=None):
    """Return the tidy frame ``trade_sides`` draws: one row per partner and side of the records.

    Columns: partner, side ('reporter' = the country's own records, 'partner' = the partner's records),
    value (US$ million), total (the country's own two-way trade with the World), share (%; NaN where that
    side has no record — the partner side covers only the 28 course countries), estimated, rank (0 = the
    partner with the largest share on either side). ``year`` None: the latest year both sides cover.
    ``attrs``: country, year. Computed by :func:`scocourse.facts.partner_shares` on both sides.
    """
    import pandas as pd

    if not isinstance(country, str):
        raise WrongTypeError(f"country should be one name or code such as 'Kyrgyzstan', not {type(country).__name__}.")
    iso3 = countries_or(country, [])[0]
    top = _check_top(top)
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise WrongTypeError(f"year= should be a year such as 2019, not {type(year).__name__} {year!r}.")
    sides = {s: partner_shares(iso3, years=year, side=s, data=data) for s in TRADE_SIDES}
    both = set(sides["reporter"]["year"]) & set(sides["partner"]["year"])
    if not both:
        raise OutOfRangeError(f"No year has trade records of {name(iso3)} on both sides"
                              + (f" in {year}." if year is not None else "."))
    year = max(both)
    frame = pd.concat([sides[s][sides[s]["year"] == year] for s in TRADE_SIDES], ignore_index=True)
    best = frame.groupby("partner")["share"].max().sort_values(ascending=False, kind="mergesort")
    order = sorted(best.index, key=lambda p: (-float(best[p]), p))[:top]
    frame = frame[frame["partner"].isin(order)]
    grid = pd.MultiIndex.from_product([order, list(TRADE_SIDES)], names=["partner", "side"])
    out = frame.set_index(["partner", "side"])[["value", "total", "share", "estimated"]].reindex(grid).reset_index()
    out["estimated"] = out["estimated"].fillna(False).astype(bool)
    out["rank"] = out["partner"].map({p: k for k, p in enumerate(order)})
    out.attrs.update(country=iso3, year=int(year))
    return out


def describe_trade_sides(frame) -> str:
    """Two sentences on a ``trade_sides_data`` frame: the largest partner on each side, and the biggest gap."""
    iso3, year = frame.attrs["country"], frame.attrs["year"]
    wide = frame.pivot(index="partner", columns="side", values="share")
    lead = {s: wide[s].dropna().sort_values(ascending=False, kind="mergesort") for s in TRADE_SIDES}
    if len(lead["reporter"]) and len(lead["partner"]) and lead["reporter"].index[0] == lead["partner"].index[0]:
        p = lead["reporter"].index[0]
        text = (f"In {year} {the_name(p)} was {name(iso3)}'s largest partner on both sides of the records: "
                f"{fmt.pct(float(lead['reporter'].iloc[0]), 0)} of its trade in {name(iso3)}'s own records, "
                f"and equal to {fmt.pct(float(lead['partner'].iloc[0]), 0)} of that world trade in {name(p)}'s")
        if _largest_gap(wide) == p:
            return text + ", the biggest gap of any partner shown."
        return text + "." + _gap_sentence(wide, iso3)
    parts = []
    for s, words in (("reporter", f"In {name(iso3)}'s own records for {year}"), ("partner", "in its partners' records")):
        if len(lead[s]):
            share = fmt.pct(float(lead[s].iloc[0]), 0)
            of = (f"{share} of {name(iso3)}'s trade" if s == "reporter"
                  else f"equal to {share} of the world trade {name(iso3)} reports")
            parts.append(f"{words} the largest partner was {the_name(lead[s].index[0])} ({of})")
    return "; ".join(parts) + "." + _gap_sentence(wide, iso3)


def _largest_gap(wide):
    """The partner whose two shares differ most (None when no partner has both)."""
    both = wide.dropna()
    if not len(both):
        return None
    return (both["partner"] - both["reporter"]).abs().sort_values(ascending=False, kind="mergesort").index[0]


def _gap_sentence(wide, iso3: str) -> str:
    p = _largest_gap(wide)
    if p is None:
        return ""
    a, b = float(wide.loc[p, "reporter"]), float(wide.loc[p, "partner"])
    if round(a) == round(b):
        return " The two sides agree to within a percentage point for every partner shown."
    return f" The biggest gap is {the_name(p)}: {fmt.pct(a, 0)} in {name(iso3)}'s records, {fmt.pct(b, 0)} in {name(p)}'s."


def _draw_trade_sides(frame):
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    s = style.context_settings()
    order = list(dict.fromkeys(frame.sort_values("rank")["partner"]))
    fig, ax = new_figure(height=max(s["figsize"][1], 2.0 + 0.55 * len(order)))
    colours = {"reporter": "#4F7A8C", "partner": "#D8C08E"}
    hatches = {"reporter": "", "partner": "//"}
    top = float(frame["share"].max())
    for k, side in enumerate(TRADE_SIDES):
        sub = frame[frame["side"] == side].set_index("partner").reindex(order)
        ys = [i - 0.2 + 0.4 * k for i in range(len(order))]
        for y, (_p, share) in zip(ys, sub["share"].items()):
            if share == share:
                ax.barh(y, share, height=0.38, color=colours[side], edgecolor="white", hatch=hatches[side] or None,
                        hatchcolor="#1A1A1A")
                ax.text(share + top * 0.01, y, fmt.pct(share, 0), va="center", ha="left", fontsize=s["small"])
            else:
                ax.text(top * 0.01, y, "no record (not a course country)", va="center", ha="left",
                        fontsize=s["small"] * 0.95, color="#555555", style="italic")
    ax.set_yticks(range(len(order)), labels=[name(p) for p in order])
    ax.set_ylim(len(order) - 0.5, -0.6)
    ax.set_xlim(0, top * 1.15)
    ax.set_xlabel(f"Share of {name(frame.attrs['country'])}'s own total trade with the World")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.pct(v, 0)))
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x")
    handles = [Patch(facecolor=colours[sd], hatch=hatches[sd] or None, edgecolor="white", hatchcolor="#1A1A1A",
                     label=label) for sd, label in (("reporter", f"{name(frame.attrs['country'])}'s own records"),
                                                    ("partner", "The partner's records (mirror data)"))]
    legend_above(ax, handles)
    return fig


@chart
def trade_sides(country="KGZ", year: int | None = None, top: int = 6, data=None):
    """Return a CourseFigure: one country's trade partners read from both sides of the records (paired bars, %).

    For each of the ``top`` partners (largest share on either side first) two bars: the partner's share of
    ``country``'s trade in the country's own records, and in the partner's records of the same trade
    (mirror data). Both are divided by the country's own total trade with the World, so a partner-side
    share can exceed 100 %. The partner side covers only the 28 course countries (no EU, USA, ...).
    ``year``: default the latest year both sides cover. ``data``: a DataFrame shaped like
    ``datasets.load("trade")``. Units: % of the country's total trade. Source: IMF DOTS.
    """
    frame = trade_sides_data(country, year, top, data)
    iso3, yr = frame.attrs["country"], frame.attrs["year"]
    fig = _draw_trade_sides(frame)
    notes = [f"Both sides are divided by {name(iso3)}'s own total trade with the World (exports + imports, US$); "
             "the partners' records cover only the 28 course countries. The sides differ: re-exports and shuttle "
             "trade, valuation (CIF/FOB), timing, estimates."]
    if frame["estimated"].any():
        notes.append("Includes IMF estimates.")
    return finish(fig, title=f"{name(iso3)}'s trade partners, {yr}: its own records and its partners'",
                  description=describe_trade_sides(frame), source=source("trade"), notes=notes)
