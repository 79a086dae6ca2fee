"""Defence spending: the 2014 Valdai report's 2010–12 table beside the latest WDI-derived values.

Three steps: :func:`defence_then_now_data` (one tidy frame for both panels), the drawing and
:func:`describe_defence_then_now` (the description, from the frame).
"""
from __future__ import annotations

import math

from . import _format as fmt
from . import style
from ._common import check_frame, indicator_source, name, source
from .._lookup import indicator_info
from ..errors import OutOfRangeError
from .figure import chart, finish, hatch_on, key_legend, new_figure_with_key

__all__ = ["defence_then_now", "defence_then_now_data", "describe_defence_then_now"]

_FLAG_TEXT = {"no_data": "no data in the report", "inconsistent_as_printed": "inconsistent as printed",
              "mapping_uncertain": "label-value mapping uncertain"}


def _report_rows(data):
    from .. import datasets

    seed = datasets.load("seed_2014_tables") if data is None else check_frame(
        data, ["table", "iso3", "group", "measure", "year", "value"], "seed_2014_tables")
    for col in ("flag", "note", "country"):
        if col not in seed.columns:
            seed[col] = ""
    seed = seed[(seed["measure"] == "defence_spending") & seed["table"].astype(str).str.startswith("defence")]
    if not len(seed):
        raise OutOfRangeError("The data hold no defence_spending rows of the 2014 report.")
    seed = seed.copy()
    seed["year"] = seed["year"].astype(int)
    seed["flag"] = seed["flag"].fillna("").astype(str)
    seed["note"] = seed["note"].fillna("").astype(str)
    return seed


def defence_then_now_data(data=None):
    """Return the tidy frame ``defence_then_now`` draws: iso3, group (in the 2014 report), panel ('report':
    the report's table as printed; 'wdi': the latest WDI-derived military_usd per country), year, usd
    (US$, NaN where the report has no value), flag, note. ``attrs``: order (rows, members first, largest
    first), years (the report's years)."""
    import pandas as pd

    from .._lookup import indicator

    seed = _report_rows(data)
    groups = seed.groupby("iso3")["group"].first()

    def biggest(c):
        v = seed.loc[seed["iso3"] == c, "value"]
        return float(v.max()) if v.notna().any() else 0

    order = sorted(groups.index, key=lambda c: (groups[c] != "member", -biggest(c), c))
    latest = indicator("military_usd", countries=order).sort_values("year").groupby("iso3").tail(1)
    report = pd.DataFrame({"iso3": seed["iso3"], "group": seed["group"], "panel": "report", "year": seed["year"],
                           "usd": seed["value"].astype(float) * 1e6, "flag": seed["flag"], "note": seed["note"]})
    wdi = pd.DataFrame({"iso3": latest["iso3"], "group": latest["iso3"].map(groups), "panel": "wdi",
                        "year": latest["year"].astype(int), "usd": latest["value"].astype(float), "flag": "", "note": ""})
    out = pd.concat([report, wdi], ignore_index=True)
    out.attrs = {"order": order, "years": sorted(int(y) for y in seed["year"].unique())}
    return out


def _flagged(frame) -> list:
    rep = frame[(frame["panel"] == "report") & (frame["flag"] != "")]
    return [(c, int(y), f, n) for c, y, f, n in zip(rep["iso3"], rep["year"], rep["flag"], rep["note"])]


def describe_defence_then_now(frame) -> str:
    """The description of a ``defence_then_now_data`` frame: the most and least in the report's last year,
    the most in the latest WDI-derived data, and the countries without a WDI value."""
    last_year = frame.attrs["years"][-1]
    rep = frame[(frame["panel"] == "report") & (frame["year"] == last_year)].dropna(subset=["usd"])
    rep = rep.sort_values(["usd", "iso3"], ascending=[False, True])
    parts = []
    if len(rep):
        t, b = rep.iloc[0], rep.iloc[-1]
        parts.append(f"In the 2014 report {name(t['iso3'])} spent the most in {last_year} (US$ {fmt.num(t['usd'])})")
        parts.append(f"{name(b['iso3'])} the least (US$ {fmt.num(b['usd'])})")
    text = "; ".join(parts) + "."
    wdi = frame[frame["panel"] == "wdi"].sort_values("usd", ascending=False, kind="mergesort")
    if len(wdi):
        top = wdi.iloc[0]
        text += (f" In the latest WDI-derived data {name(top['iso3'])} spends the most (US$ {fmt.num(top['usd'])} "
                 f"in {int(top['year'])})")
        missing = [c for c in frame.attrs["order"] if c not in set(wdi["iso3"])]
        if missing:
            text += f"; there is no WDI value for {fmt.join(name(c) for c in missing)}"
        text += "."
    return text


def _draw_report_panel(ax, frame, lo: float, s) -> None:
    order, years = frame.attrs["order"], frame.attrs["years"]
    rep = frame[frame["panel"] == "report"]
    shades = ["#C9C9C9", "#8C8C8C", "#4D4D4D"][-len(years):] if len(years) <= 3 else None
    h = 0.8 / max(len(years), 1)
    for k, y in enumerate(years):
        pos, val = [], []
        for i, c in enumerate(order):
            v = rep[(rep["iso3"] == c) & (rep["year"] == y)]["usd"]
            if len(v) and v.iloc[0] == v.iloc[0]:
                pos.append(i - 0.4 + h * (k + 0.5))
                val.append(float(v.iloc[0]) / 1e6)
            else:
                ax.text(lo * 1.15, i - 0.4 + h * (k + 0.5), f"{y}: n/a*", va="center", ha="left",
                        fontsize=s["small"] * 0.85, color="#333333")
        if pos:
            ax.barh(pos, val, height=h * 0.92, color=shades[k] if shades else "#777777", edgecolor="white",
                    linewidth=0.4)
    flagged = {f[0] for f in _flagged(frame)}
    ax.set_yticks(range(len(order)), labels=[name(c) + ("*" if c in flagged else "") for c in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_title(f"2014 report, {years[0]}–{str(years[-1])[-2:]}", loc="left", fontsize=s["label"])


def _draw_wdi_panel(ax, frame, lo: float, s) -> None:
    wdi = frame[frame["panel"] == "wdi"].set_index("iso3")
    pos, val, col, hat = [], [], [], []
    for i, c in enumerate(frame.attrs["order"]):
        if c in wdi.index:
            v = float(wdi.loc[c, "usd"]) / 1e6
            pos.append(i), val.append(v), col.append(style.color(c)), hat.append(style.hatch(c) or None)
            ax.text(v * 1.12, i, f"{fmt.short(v * 1e6)} ({int(wdi.loc[c, 'year'])})", va="center", ha="left",
                    fontsize=s["small"], color="#1A1A1A")
        else:
            ax.text(lo * 1.15, i, "no WDI data", va="center", ha="left", fontsize=s["small"], color="#555555",
                    style="italic")
    if pos:
        for rect, colour in zip(ax.barh(pos, val, height=0.62, color=col, edgecolor="white", hatch=hat), col):
            rect.set_hatchcolor(hatch_on(colour))
    ax.set_title("WDI, latest year (derived)", loc="left", fontsize=s["label"])


def _log_axes(axes, frame, lo: float, hi: float) -> None:
    from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

    order = frame.attrs["order"]
    groups = frame.drop_duplicates("iso3").set_index("iso3")["group"]
    member_rows = [i for i, c in enumerate(order) if groups[c] == "member"]
    for ax in axes:
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_locator(LogLocator(base=10))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.short(v * 1e6).replace(" ", "\u2009")))
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        if member_rows and len(member_rows) < len(order):
            ax.axhline(max(member_rows) + 0.5, color="#999999", linewidth=0.8)
        ax.set_xlabel("US$ per year (log scale)")


def _draw_defence(frame):
    from matplotlib.patches import Patch

    s = style.context_settings()
    order, years = frame.attrs["order"], frame.attrs["years"]
    fig, (left, right), key = new_figure_with_key(1, 2, sharey=True, height=max(s["figsize"][1], 2.3 + 0.36 * len(order)))
    rep = frame[frame["panel"] == "report"]
    values = [v / 1e6 for v in rep["usd"].dropna()] + [v / 1e6 for v in frame.loc[frame["panel"] == "wdi", "usd"].dropna()]
    lo = 10 ** math.floor(math.log10(max(min(values), 1e-3)))
    hi = 10 ** math.ceil(math.log10(max(values) * 1.5))
    _draw_report_panel(left, frame, lo, s)
    _draw_wdi_panel(right, frame, lo, s)
    _log_axes((left, right), frame, lo, hi)
    shades = ["#C9C9C9", "#8C8C8C", "#4D4D4D"][-len(years):] if len(years) <= 3 else None
    key_legend(key, [Patch(facecolor=shades[k] if shades else "#777777", label=str(y)) for k, y in enumerate(years)])
    return fig


def _defence_notes(frame) -> list:
    row = indicator_info("military_usd")
    notes = []
    by_flag = {}
    for c, y, flag, _note in _flagged(frame):
        by_flag.setdefault((c, flag), []).append(y)
    if by_flag:
        notes.append("* " + "; ".join(f"{name(c)} {', '.join(map(str, ys))}: {_FLAG_TEXT.get(flag, flag)}"
                                      for (c, flag), ys in sorted(by_flag.items())) + ".")
    notes.append(f"Left: the report's table (IISS data), current US$ as printed. "
                 f"Right: {row.short_name} = {row.formula} (current US$), latest year with data per country. "
                 f"Rows above the line: members in the 2014 report; below: observers.")
    return notes


@chart
def defence_then_now(data=None):
    """Return a CourseFigure: defence spending (US$, log scale) per country, 2014 report vs latest WDI.

    Left: the 2014 Valdai report's table (IISS data) for 2010, 2011 and 2012, current US$ million as
    printed; rows whose cell carries a flag (e.g. 'no data') are marked with an asterisk and listed in a
    footnote. Right: military expenditure in current US$ derived by the course from WDI
    (``military_usd`` = military_pct_gdp / 100 × gdp), latest year per country (year printed at the bar).
    Countries: those in the report's tables. ``data``: a DataFrame shaped like
    ``datasets.load("seed_2014_tables")`` for the left panel. Units: US$ (log scale).
    """
    frame = defence_then_now_data(data)
    fig = _draw_defence(frame)
    return finish(fig, title="Defence spending: the 2014 report's table and the latest data",
                  description=describe_defence_then_now(frame), source=source("seed_2014_tables") + "; "
                  + indicator_source(["military_usd"]).removeprefix("Source: ").split("; derived")[0],
                  notes=_defence_notes(frame))
