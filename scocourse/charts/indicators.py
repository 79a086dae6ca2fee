"""Indicator over time: one line per country (or one small panel per country), gaps left as gaps."""
from __future__ import annotations

import math

from . import _format as fmt
from . import style
from ._common import catalog_row, central_asia, check_frame, check_years, indicator_source, name, \
    resolve_countries, spread, OutOfRangeError
from .figure import chart, finish, new_figure

__all__ = ["indicator_lines", "draw_series", "end_labels", "value_formatter"]


def value_formatter(unit: str):
    """A tick formatter for a catalogue unit: compact numbers ('1.2 bn'), '%' for percentages."""
    from matplotlib.ticker import FuncFormatter

    if (unit or "").startswith("%"):
        return FuncFormatter(lambda v, _pos: fmt.pct(v, 1 if abs(v) < 10 and v != int(v) else 0))
    return FuncFormatter(lambda v, _pos: fmt.short(v, 3))


def draw_series(ax, years, values, iso3: str, *, linestyle=None, color=None, label=None, zorder=3):
    """Plot one series with NaN left as a gap; isolated points (no neighbour) get a marker so they show."""
    import numpy as np

    y = np.asarray(values, dtype=float)
    x = np.asarray(years, dtype=float)
    c = color or style.color(iso3)
    ls = linestyle if linestyle is not None else style.linestyle(iso3)
    line, = ax.plot(x, y, color=c, linestyle=ls, label=label, zorder=zorder, solid_capstyle="round")
    ok = ~np.isnan(y)
    prev = np.concatenate([[False], ok[:-1]])
    nxt = np.concatenate([ok[1:], [False]])
    lonely = ok & ~prev & ~nxt
    if lonely.any():
        ax.plot(x[lonely], y[lonely], linestyle="none", marker=style.marker(iso3), color=c, zorder=zorder)
    return line


def end_labels(ax, items, fontsize: float, *, gap_factor: float = 1.3):
    """Direct labels at the right edge: ``items`` = [(x, y, text, colour, marker)].

    Each line end gets its marker (so labels do not rely on colour alone) and its label sits just right
    of the plotting area; labels are spread so they never overlap, with a short leader line in the line's
    colour when a label had to move. A series ending before the last year says so
    ("… (to 1999)") instead of drawing a long leader across the plot.
    """
    from matplotlib.transforms import blended_transform_factory, offset_copy

    if not items:
        return
    s = style.context_settings()
    lo, hi = ax.get_ylim()
    height_pt = max(ax.figure.get_figheight() * 72 - 110, 60)
    gap = (hi - lo) * fontsize * gap_factor / height_pt
    xmax = ax.get_xlim()[1]
    ys = spread([it[1] for it in items], gap, lo, hi)
    edge = blended_transform_factory(ax.transAxes, ax.transData)
    for (x, y, text, colour, mk), y_text in zip(items, ys):
        ms = s["marker"] + 0.5
        ax.plot([x], [y], marker=mk, color=colour, markersize=ms, markeredgecolor="white", markeredgewidth=0.6,
                linestyle="none", zorder=5, clip_on=False)
        early = x < xmax - 1e-9
        if early:
            text = f"{text} (to {int(round(x))})"
        elif abs(y_text - y) > gap * 0.15:
            ax.plot([1.0, 1.0], [y, y], transform=edge, linestyle="none")  # keeps layout stable
            ax.annotate("", xy=(1.0, y), xycoords=edge, xytext=(1.0, y_text), textcoords=edge,
                        arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.8, "shrinkA": 0,
                                    "shrinkB": 0, "connectionstyle": "arc3"}, annotation_clip=False)
        ax.text(1.0, y_text, text, transform=offset_copy(edge, fig=ax.figure, x=ms + 3, units="points"), ha="left",
                va="center", fontsize=fontsize, color="#1A1A1A", clip_on=False)


def _frame(row, countries, years, data):
    import pandas as pd

    if data is None:
        df = __import__("scocourse").indicator(row.indicator, countries=countries, years=years)
    else:
        df = check_frame(data, ["iso3", "year", "value"], "indicators")
        if "indicator" in df.columns:
            codes = {catalog_row(str(c)).indicator for c in df["indicator"].dropna().unique()}
            df = df[df["indicator"].map(lambda c: catalog_row(str(c)).indicator) == row.indicator]
        df = df[df["iso3"].isin(countries)]
        if len(df) and years is not None:
            wanted = check_years(years, int(df["year"].min()), int(df["year"].max()), f"'{row.short_name}'")
            df = df[df["year"].isin(wanted)]
    df = df.dropna(subset=["value"])
    if not len(df):
        raise OutOfRangeError(f"There are no '{row.short_name}' values for {fmt.join(name(c) for c in countries)}"
                              + (" in those years." if years is not None else "."))
    return df[["iso3", "year", "value"]].assign(year=lambda d: d["year"].astype(int), value=lambda d: d["value"].astype(float))


def _describe(df, row, y0: int, y1: int) -> str:
    last = df.sort_values("year").groupby("iso3").tail(1).sort_values(["value", "iso3"], ascending=[False, True])
    first = df.sort_values("year").groupby("iso3").head(1).set_index("iso3")
    unit = row.unit
    top = last.iloc[0]
    text = f"{row.name}, {y0}–{y1}: " if y1 > y0 else f"{row.name}, {y0}: "
    if len(last) == 1:
        f = first.loc[top["iso3"]]
        text += (f"{name(top['iso3'])} went from {fmt.with_unit(f['value'], unit)} in {int(f['year'])} "
                 f"to {fmt.with_unit(top['value'], unit)} in {int(top['year'])}.")
        return text
    bottom = last.iloc[-1]
    text += (f"{'in the latest year with data, ' if y1 > y0 else ''}{name(top['iso3'])} is highest ({fmt.with_unit(top['value'], unit)} in "
             f"{int(top['year'])}) and {name(bottom['iso3'])} lowest ({fmt.with_unit(bottom['value'], unit)} in "
             f"{int(bottom['year'])})")
    if bottom["value"] > 0 and top["value"] > 0 and not unit.startswith("%"):
        text += f", {fmt.times(top['value'], bottom['value'])} as much"
    text += "."
    ups = [c for c in last["iso3"] if c in first.index and last.set_index("iso3").loc[c, "value"] > first.loc[c, "value"]]
    downs = [c for c in last["iso3"] if c in first.index and last.set_index("iso3").loc[c, "value"] < first.loc[c, "value"]]
    if len(ups) == len(last):
        text += f" All {len(last)} rose over the period."
    elif len(downs) == len(last):
        text += f" All {len(last)} fell over the period."
    elif ups and downs:
        text += f" {fmt.join(name(c) for c in ups)} rose; {fmt.join(name(c) for c in downs)} fell."
    return text


@chart
def indicator_lines(indicator: str, countries=None, years=None, data=None, small_multiples: bool = False):
    """Return a CourseFigure: one line per country of a WDI indicator over time, labelled at its end.

    ``indicator``: a catalogue short name ('gdp_per_capita') or WDI code. ``countries``: names or codes
    (default: the five Central Asian states). ``years``: a year, range, (start, end) or list (default: all).
    ``data``: a DataFrame with iso3, year, value (and optionally indicator) to plot instead.
    ``small_multiples=True``: one panel per country (own y scale). Missing years stay gaps (never
    interpolated); a year with no neighbour is drawn as a marker. The y-axis label is the catalogue unit.
    Source: World Bank WDI (or the course's derivation, stated in the source line).
    """
    import numpy as np

    row = catalog_row(indicator)
    codes = resolve_countries(countries, central_asia())
    df = _frame(row, codes, years, data)
    shown = [c for c in codes if c in set(df["iso3"])]
    y0, y1 = int(df["year"].min()), int(df["year"].max())
    all_years = np.arange(y0, y1 + 1)
    s = style.context_settings()
    wide = df.pivot_table(index="year", columns="iso3", values="value", aggfunc="first").reindex(all_years)
    if small_multiples:
        ncols = min(3, len(shown))
        nrows = math.ceil(len(shown) / ncols)
        fig, axes = new_figure(nrows, ncols, sharex=True, squeeze=False,
                               height=max(s["figsize"][1], 1.3 + s["panel"] * nrows))
        flat = list(axes.ravel())
        for ax, iso3 in zip(flat, shown):
            draw_series(ax, all_years, wide[iso3].to_numpy(), iso3)
            ax.set_title(name(iso3), loc="left", fontsize=s["font"], color="#1A1A1A")
            ax.yaxis.set_major_formatter(value_formatter(row.unit))
            ax.grid(axis="y")
            ax.set_ylim(bottom=min(0, np.nanmin(wide[iso3].to_numpy())))
        for ax in flat[len(shown):]:
            ax.remove()
        for k, ax in enumerate(flat[:len(shown)]):
            if k + ncols >= len(shown):  # nothing below it: show its years
                ax.xaxis.set_tick_params(labelbottom=True)
        fig.supylabel(fmt.axis_label(row.unit), fontsize=s["label"])
    else:
        fig, ax = new_figure()
        items = []
        for iso3 in shown:
            series = wide[iso3].to_numpy()
            draw_series(ax, all_years, series, iso3)
            ok = np.flatnonzero(~np.isnan(series))
            items.append((all_years[ok[-1]], series[ok[-1]], name(iso3), style.color(iso3), style.marker(iso3)))
        ax.set_xlim(y0, y1 + (0 if y1 > y0 else 1))
        lo = np.nanmin(wide[shown].to_numpy())
        hi = np.nanmax(wide[shown].to_numpy())
        pad = (hi - lo) * 0.05 or abs(hi) * 0.05 or 1
        ax.set_ylim(min(0, lo - pad) if lo >= 0 else lo - pad, hi + pad)
        ax.yaxis.set_major_formatter(value_formatter(row.unit))
        ax.set_ylabel(fmt.axis_label(row.unit))
        ax.grid(axis="y")
        end_labels(ax, items, s["small"] + 0.5)
    from matplotlib.ticker import MaxNLocator
    for ax in fig.axes:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4 if small_multiples else 7))
    description = _describe(df, row, y0, y1)
    gaps = [c for c in shown if wide[c].loc[wide[c].first_valid_index():wide[c].last_valid_index()].isna().any()]
    notes = []
    if gaps:
        notes.append(f"Gaps are years without data ({fmt.join(name(c) for c in gaps)}); they are not interpolated.")
    title = f"{row.name}, {y0}–{y1}" if y1 > y0 else f"{row.name}, {y0}"
    return finish(fig, title=title, description=description, source=indicator_source([row.indicator]), notes=notes)
