"""Population: UN World Population Prospects estimates (solid) and medium-variant projections (dashed).

Three steps: :func:`population_projection_data` (tidy frame), a drawing step and
:func:`describe_population_projection` (the description, from the frame).
"""
from __future__ import annotations

from . import _format as fmt
from . import style
from ._common import check_frame, countries_or, name, source
from ..errors import OutOfRangeError
from ..facts import central_asia
from .figure import chart, finish, legend_above, new_figure
from .indicators import draw_series, end_labels, value_formatter

__all__ = ["population_projection", "population_projection_data", "describe_population_projection"]


def population_projection_data(countries=None, data=None):
    """Return the tidy frame ``population_projection`` draws: iso3, year, population, kind ('estimate' or
    'projection'). ``attrs``: countries (order asked), first_projection (first projected year or None)."""
    from .. import datasets

    codes = countries_or(countries, central_asia())
    df = datasets.load("population_projections") if data is None else check_frame(
        data, ["iso3", "year", "population", "kind"], "population_projections")
    df = df[df["iso3"].isin(codes)].dropna(subset=["population"]).copy()
    for c in codes:
        if not len(df[df["iso3"] == c]):
            raise OutOfRangeError(f"There is no population estimate or projection for {name(c)}.")
    df["year"] = df["year"].astype(int)
    df = df[["iso3", "year", "population", "kind"]]
    proj = df[df["kind"] == "projection"]
    df.attrs = {"countries": codes, "first_projection": int(proj["year"].min()) if len(proj) else None}
    return df


def _signed(x: float) -> str:
    return f"{'+' if x >= 0 else ''}{fmt.pct(100 * x, 0)}"


def describe_population_projection(df) -> str:
    """The description of a ``population_projection_data`` frame: the largest population in the final year,
    the fastest and slowest growth from the last estimate, and that projections are not data."""
    p0, y1 = df.attrs["first_projection"], int(df["year"].max())
    base_year = p0 - 1 if p0 else int(df["year"].min())
    final = df[df["year"] == y1].set_index("iso3")["population"]
    base = df[(df["year"] == base_year) & (df["kind"] == "estimate")].set_index("iso3")["population"]
    parts = []
    if len(final):
        top = max(final.index, key=lambda c: (final[c], c))
        text = f"{name(top)} is projected to have the largest population in {y1} ({fmt.num(final[top])}"
        if top in base.index:
            text += f", up from {fmt.num(base[top])} in {base_year}"
        parts.append(text + ")")
        growth = {c: final[c] / base[c] - 1 for c in final.index if c in base.index and base[c]}
        if len(growth) > 1:
            fast = max(growth, key=lambda c: (growth[c], c))
            slow = min(growth, key=lambda c: (growth[c], c))
            parts.append(f"{name(fast)} grows fastest ({_signed(growth[fast])} from {base_year} to {y1}) and "
                         f"{name(slow)} slowest ({_signed(growth[slow])})")
    return "; ".join(parts) + f". Values after {base_year} are projections, not data."


def _country_series(ax, df, c, years, p0):
    """Draw one country's estimate (solid) and projection (dashed, joined to the last estimate); return
    its end-label item."""
    import numpy as np

    sub = df[df["iso3"] == c].set_index("year")
    est = sub[sub["kind"] == "estimate"]["population"].reindex(years).to_numpy(dtype=float, copy=True)
    pro = sub[sub["kind"] == "projection"]["population"].reindex(years).to_numpy(dtype=float, copy=True)
    if p0 is not None and not np.isnan(est).all():
        last_est = int(np.flatnonzero(~np.isnan(est))[-1])
        if last_est + 1 < len(years) and not np.isnan(pro[last_est + 1]):
            pro[last_est] = est[last_est]  # join the dashed projection to the last estimate
    draw_series(ax, years, est, c)
    draw_series(ax, years, pro, c, linestyle=(0, (4, 2)))
    both = np.where(np.isnan(pro), est, pro)
    k = np.flatnonzero(~np.isnan(both))[-1]
    return (years[k], both[k], f"{name(c)} {fmt.short(both[k])}", style.color(c), style.marker(c))


def _draw_population(df):
    import numpy as np
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    y0, y1, p0 = int(df["year"].min()), int(df["year"].max()), df.attrs["first_projection"]
    years = np.arange(y0, y1 + 1)
    s = style.context_settings()
    fig, ax = new_figure()
    items = [_country_series(ax, df, c, years, p0) for c in df.attrs["countries"]]
    if p0 is not None:
        ax.axvspan(p0 - 0.5, y1 + 0.5, color="#F0F0F0", zorder=0, linewidth=0)
        ax.text(p0 + 0.3, 0.98, "Projection\n(medium variant)", transform=ax.get_xaxis_transform(), ha="left",
                va="top", fontsize=s["small"], color="#444444")
    ax.set_xlim(y0, y1)
    ax.set_ylim(0, None)
    ax.yaxis.set_major_formatter(value_formatter("persons"))
    ax.set_ylabel("Population (people)")
    ax.grid(axis="y")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=7))
    end_labels(ax, items, s["small"] + 0.5)
    handles = [Line2D([], [], color="#333333", label=f"Estimate ({y0}–{p0 - 1 if p0 else y1})"),
               Line2D([], [], color="#333333", linestyle=(0, (4, 2)), label=f"Projection ({p0}–{y1})" if p0 else "")]
    legend_above(ax, handles if p0 else handles[:1])
    return fig


@chart
def population_projection(countries=None, data=None):
    """Return a CourseFigure: population per country, WPP estimates (solid) then projections to 2050 (dashed).

    ``countries``: names or codes (default: the five Central Asian states). The projection years are
    shaded and labelled; each line ends with a direct label giving the projected value. Units: people.
    ``data``: a DataFrame shaped like ``datasets.load("population_projections")`` (iso3, year, population,
    kind = 'estimate' | 'projection'). Source: UN WPP 2024 (medium variant), via Our World in Data.
    """
    df = population_projection_data(countries, data)
    fig = _draw_population(df)
    y0, y1, p0 = int(df["year"].min()), int(df["year"].max()), df.attrs["first_projection"]
    notes = [f"Solid: estimates to {p0 - 1}; dashed and shaded: UN medium-variant projection ({p0}–{y1})."
             if p0 else "Estimates only."]
    return finish(fig, title=f"Population {y0}–{y1}: estimates and UN projections",
                  description=describe_population_projection(df), source=source("population_projections"),
                  notes=notes)
