"""Indicator over time: one line per country (or one small panel per country), gaps left as gaps."""
from __future__ import annotations


from . import _format as fmt
from . import _layout as lay
from . import style
from ._common import check_frame, countries_or, indicator_source, name, spread
from .figure import chart, finish, new_figure
from .._lookup import check_years, indicator_info
from ..errors import OutOfRangeError
from ..facts import central_asia

__all__ = ["indicator_lines", "indicator_lines_data", "describe_indicator_lines", "draw_series", "end_labels",
           "value_formatter"]


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
    if data is None:
        from .._lookup import indicator

        df = indicator(row.indicator, countries=countries, years=years)
    else:
        df = check_frame(data, ["iso3", "year", "value"], "indicators")
        if "indicator" in df.columns:
            df = df[df["indicator"].map(lambda c: indicator_info(str(c)).indicator) == row.indicator]
        df = df[df["iso3"].isin(countries)]
        if len(df) and years is not None:
            wanted = check_years(years, int(df["year"].min()), int(df["year"].max()), f"'{row.short_name}'")
            df = df[df["year"].isin(wanted)]
    df = df.dropna(subset=["value"])
    if not len(df):
        raise OutOfRangeError(f"There are no '{row.short_name}' values for {fmt.join(name(c) for c in countries)}"
                              + (" in those years." if years is not None else "."))
    return df[["iso3", "year", "value"]].assign(year=lambda d: d["year"].astype(int), value=lambda d: d["value"].astype(float))


def indicator_lines_data(indicator: str, countries=None, years=None, data=None):
    """Return the tidy frame ``indicator_lines`` draws: iso3, year, value (rows without a value dropped).
    ``attrs``: indicator (WDI code), short_name, name, unit, formula-free catalogue facts, countries (the
    ones with data, in the order asked)."""
    row = indicator_info(indicator)
    codes = countries_or(countries, central_asia())
    df = _frame(row, codes, years, data)
    df.attrs = {"indicator": row.indicator, "short_name": row.short_name, "name": row.name, "unit": row.unit,
                "countries": [c for c in codes if c in set(df["iso3"])]}
    return df


def _one_series_sentence(first, last, unit: str) -> str:
    return (f"{name(last['iso3'])} " + fmt.change(fmt.with_unit(first["value"], unit), fmt.with_unit(last["value"], unit),
                                                  int(first["year"]), int(last["year"])) + ".")


def _direction_sentence(first, last) -> str:
    final = last.set_index("iso3")["value"]
    ups = [c for c in last["iso3"] if c in first.index and final[c] > first.loc[c, "value"]]
    downs = [c for c in last["iso3"] if c in first.index and final[c] < first.loc[c, "value"]]
    if len(ups) == len(last):
        return f" {fmt.all_of(len(last))} rose over the period."
    if len(downs) == len(last):
        return f" {fmt.all_of(len(last))} fell over the period."
    if ups and downs:
        return f" {fmt.join(name(c) for c in ups)} rose; {fmt.join(name(c) for c in downs)} fell."
    return ""


def describe_indicator_lines(df) -> str:
    """The description of an ``indicator_lines_data`` frame: highest and lowest in the latest year with data
    (and how many times as much), and which series rose or fell."""
    a = df.attrs
    y0, y1 = int(df["year"].min()), int(df["year"].max())
    ordered = df.sort_values("year", kind="mergesort")
    last = ordered.groupby("iso3").tail(1).sort_values(["value", "iso3"], ascending=[False, True])
    first = ordered.groupby("iso3").head(1).set_index("iso3")
    unit, top = a["unit"], last.iloc[0]
    text = f"{a['name']}, {y0}–{y1}: " if y1 > y0 else f"{a['name']}, {y0}: "
    if len(last) == 1:
        return text + _one_series_sentence(first.loc[top["iso3"]].to_dict() | {"iso3": top["iso3"]}, top, unit)
    bottom = last.iloc[-1]
    text += (f"{'in the latest year with data, ' if y1 > y0 else ''}{name(top['iso3'])} is highest "
             f"({fmt.with_unit(top['value'], unit)} in {int(top['year'])}) and {name(bottom['iso3'])} lowest "
             f"({fmt.with_unit(bottom['value'], unit)} in {int(bottom['year'])})")
    if bottom["value"] > 0 and top["value"] > 0 and not unit.startswith("%"):
        text += f", {fmt.as_much(top['value'], bottom['value'])}"
    return text + "." + _direction_sentence(first, last)


def _draw_panels(df, wide, all_years, s):
    import numpy as np

    shown, unit = df.attrs["countries"], df.attrs["unit"]
    fig, flat, _key, ncols = lay.panel_grid(len(shown), base_height=1.3, key=False, sharex=True)
    for ax, iso3 in zip(flat, shown):
        draw_series(ax, all_years, wide[iso3].to_numpy(), iso3)
        ax.set_title(name(iso3), loc="left", fontsize=s["font"], color="#1A1A1A")
        ax.yaxis.set_major_formatter(value_formatter(unit))
        ax.grid(axis="y")
        ax.set_ylim(bottom=min(0, np.nanmin(wide[iso3].to_numpy())))
    for ax in flat[len(shown):]:
        ax.remove()
    for k, ax in enumerate(flat[:len(shown)]):
        if k + ncols >= len(shown):  # nothing below it: show its years
            ax.xaxis.set_tick_params(labelbottom=True)
    fig.supylabel(fmt.axis_label(unit), fontsize=s["label"])
    return fig


def _draw_lines(df, wide, all_years, s):
    import numpy as np

    shown, unit = df.attrs["countries"], df.attrs["unit"]
    y0, y1 = int(all_years[0]), int(all_years[-1])
    fig, ax = new_figure()
    items = []
    for iso3 in shown:
        series = wide[iso3].to_numpy()
        draw_series(ax, all_years, series, iso3)
        ok = np.flatnonzero(~np.isnan(series))
        items.append((all_years[ok[-1]], series[ok[-1]], name(iso3), style.color(iso3), style.marker(iso3)))
    ax.set_xlim(y0, y1 + (0 if y1 > y0 else 1))
    lo, hi = np.nanmin(wide[shown].to_numpy()), np.nanmax(wide[shown].to_numpy())
    pad = (hi - lo) * 0.05 or abs(hi) * 0.05 or 1
    ax.set_ylim(min(0, lo - pad) if lo >= 0 else lo - pad, hi + pad)
    ax.yaxis.set_major_formatter(value_formatter(unit))
    ax.set_ylabel(fmt.axis_label(unit))
    ax.grid(axis="y")
    end_labels(ax, items, s["small"] + 0.5)
    return fig


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
    from matplotlib.ticker import MaxNLocator

    df = indicator_lines_data(indicator, countries, years, data)
    shown = df.attrs["countries"]
    y0, y1 = int(df["year"].min()), int(df["year"].max())
    all_years = np.arange(y0, y1 + 1)
    wide = df.pivot_table(index="year", columns="iso3", values="value", aggfunc="first").reindex(all_years)
    draw = _draw_panels if small_multiples else _draw_lines
    fig = draw(df, wide, all_years, style.context_settings())
    for ax in fig.axes:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4 if small_multiples else 7))
    gaps = [c for c in shown if wide[c].loc[wide[c].first_valid_index():wide[c].last_valid_index()].isna().any()]
    notes = [f"Gaps are years without data ({fmt.join(name(c) for c in gaps)}); they are not interpolated."] if gaps else []
    title = f"{df.attrs['name']}, {y0}–{y1}" if y1 > y0 else f"{df.attrs['name']}, {y0}"
    return finish(fig, title=title, description=describe_indicator_lines(df),
                  source=indicator_source([df.attrs["indicator"]]), notes=notes)
