"""Defence spending: the 2014 Valdai report's 2010–12 table beside the latest WDI-derived values."""
from __future__ import annotations

import math

from . import _format as fmt
from . import style
from ._common import check_frame, indicator_source, name, source
from .._lookup import indicator_info
from ..errors import OutOfRangeError
from .figure import chart, finish, hatch_on, key_legend, new_figure_with_key

__all__ = ["defence_then_now"]

_FLAG_TEXT = {"no_data": "no data in the report", "inconsistent_as_printed": "inconsistent as printed",
              "mapping_uncertain": "label-value mapping uncertain"}


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
    import numpy as np
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

    from .. import datasets
    from .._lookup import indicator

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
    groups = seed.groupby("iso3")["group"].first()
    order = sorted(groups.index, key=lambda c: (groups[c] != "member", -float(seed[seed["iso3"] == c]["value"].max()
                                                                           if seed[seed["iso3"] == c]["value"].notna().any() else 0), c))
    years = sorted(seed["year"].unique())
    row = indicator_info("military_usd")
    wdi = indicator("military_usd", countries=order)
    latest = wdi.sort_values("year").groupby("iso3").tail(1).set_index("iso3")

    s = style.context_settings()
    fig, (left, right), key = new_figure_with_key(1, 2, sharey=True, height=max(s["figsize"][1], 2.3 + 0.36 * len(order)))
    shades = ["#C9C9C9", "#8C8C8C", "#4D4D4D"][-len(years):] if len(years) <= 3 else None
    h = 0.8 / max(len(years), 1)
    flagged = []
    values = [v for v in seed["value"].dropna()] + [v / 1e6 for v in latest["value"].dropna()]
    lo = 10 ** math.floor(math.log10(max(min(values), 1e-3)))
    hi = 10 ** math.ceil(math.log10(max(values) * 1.5))
    bar_pos = {k: [] for k in range(len(years))}
    bar_val = {k: [] for k in range(len(years))}
    now_pos, now_val, now_col, now_hatch = [], [], [], []
    for i, c in enumerate(order):
        sub = seed[seed["iso3"] == c].set_index("year")
        for k, y in enumerate(years):
            pos = i - 0.4 + h * (k + 0.5)
            if y in sub.index and sub.loc[y, "value"] == sub.loc[y, "value"]:
                bar_pos[k].append(pos)
                bar_val[k].append(float(sub.loc[y, "value"]))
            else:
                left.text(lo * 1.15, pos, f"{y}: n/a*", va="center", ha="left", fontsize=s["small"] * 0.85,
                          color="#333333")
            if y in sub.index and sub.loc[y, "flag"]:
                flagged.append((c, y, sub.loc[y, "flag"], str(sub.loc[y, "note"])))
        if c in latest.index:
            v = float(latest.loc[c, "value"]) / 1e6
            now_pos.append(i)
            now_val.append(v)
            now_col.append(style.color(c))
            now_hatch.append(style.hatch(c) or None)
            right.text(v * 1.12, i, f"{fmt.short(v * 1e6)} ({int(latest.loc[c, 'year'])})", va="center", ha="left",
                       fontsize=s["small"], color="#1A1A1A")
        else:
            right.text(lo * 1.15, i, "no WDI data", va="center", ha="left", fontsize=s["small"], color="#555555",
                       style="italic")
    for k in range(len(years)):
        if bar_pos[k]:
            left.barh(bar_pos[k], bar_val[k], height=h * 0.92, color=shades[k] if shades else "#777777",
                      edgecolor="white", linewidth=0.4)
    if now_pos:
        for rect, colour in zip(right.barh(now_pos, now_val, height=0.62, color=now_col, edgecolor="white",
                                           hatch=now_hatch), now_col):
            rect.set_hatchcolor(hatch_on(colour))
    labels = [name(c) + ("*" if any(f[0] == c for f in flagged) else "") for c in order]
    left.set_yticks(range(len(order)), labels=labels)
    left.set_ylim(len(order) - 0.5, -0.5)
    member_rows = [i for i, c in enumerate(order) if groups[c] == "member"]
    for ax in (left, right):
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_locator(LogLocator(base=10))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.short(v * 1e6).replace(" ", "\u2009")))
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        if member_rows and len(member_rows) < len(order):
            ax.axhline(max(member_rows) + 0.5, color="#999999", linewidth=0.8)
    left.set_xlabel("US$ per year (log scale)")
    right.set_xlabel("US$ per year (log scale)")
    left.set_title(f"2014 report, {years[0]}–{str(years[-1])[-2:]}", loc="left", fontsize=s["label"])
    right.set_title("WDI, latest year (derived)", loc="left", fontsize=s["label"])
    handles = [Patch(facecolor=shades[k] if shades else "#777777", label=str(y)) for k, y in enumerate(years)]
    key_legend(key, handles)

    # Description from the rows shown.
    last_year = years[-1]
    seed_last = seed[seed["year"] == last_year].dropna(subset=["value"]).sort_values(["value", "iso3"], ascending=[False, True])
    parts = []
    if len(seed_last):
        t = seed_last.iloc[0]
        parts.append(f"In the 2014 report {name(t['iso3'])} spent the most in {last_year} "
                     f"(US$ {fmt.num(float(t['value']) * 1e6)})")
        b = seed_last.iloc[-1]
        parts.append(f"{name(b['iso3'])} the least (US$ {fmt.num(float(b['value']) * 1e6)})")
    text = "; ".join(parts) + "."
    if len(latest):
        lt = latest.sort_values(["value"], ascending=False)
        top = lt.index[0]
        text += (f" In the latest WDI-derived data {name(top)} spends the most (US$ {fmt.num(float(lt.iloc[0]['value']))} "
                 f"in {int(lt.iloc[0]['year'])})")
        missing = [c for c in order if c not in latest.index]
        if missing:
            text += f"; there is no WDI value for {fmt.join(name(c) for c in missing)}"
        text += "."
    notes = []
    if flagged:
        by_flag = {}
        for c, y, flag, note in flagged:
            by_flag.setdefault((c, flag), []).append(y)
        notes.append("* " + "; ".join(f"{name(c)} {', '.join(map(str, ys))}: {_FLAG_TEXT.get(flag, flag)}"
                                      for (c, flag), ys in sorted(by_flag.items())) + ".")
    notes.append(f"Left: the report's table (IISS data), current US$ as printed. "
                 f"Right: {row.short_name} = {row.formula} (current US$), latest year with data per country. "
                 f"Rows above the line: members in the 2014 report; below: observers.")
    return finish(fig, title="Defence spending: the 2014 report's table and the latest data",
                  description=text, source=source("seed_2014_tables") + "; "
                  + indicator_source(["military_usd"]).removeprefix("Source: ").split("; derived")[0], notes=notes)
