"""Reservoir explorer: set the winter share of releases and the kind of year, see the trade-off.

``reservoir_explorer()`` shows a slider (share of the year's releases made in
October–March), buttons for a dry, average or wet year, and a chart of the
:mod:`scocourse.models.reservoir` run: the storage path against the dead and full
levels, the monthly releases split winter (power) / summer (irrigation), and the
electricity generated, with a short text summary under it.

``reservoir_figure(result)`` draws the same chart for any model result.
matplotlib and ipywidgets are imported only when these functions are called.
"""

from __future__ import annotations

from scocourse.models.reservoir import DAYS, YEAR_TYPES, ReservoirResult, default_params, simulate

from ._display import text_output as _text_output
from .base import Explorer

__all__ = ["reservoir_figure", "reservoir_explorer", "build_reservoir_explorer", "ReservoirExplorer"]

def _colors() -> dict:
    """Colours from the course house style; seasons are also told apart by hatching and labels."""
    from scocourse.charts import style

    ok = style.OKABE_ITO
    return {"winter": style.FUEL_COLORS["hydro"], "summer": style.SECTOR_COLORS["agriculture"],
            "spill": style.GREY, "storage": ok["black"], "dead": ok["vermillion"], "full": ok["blue"],
            "inflow": ok["black"], "cap": ok["vermillion"], "divider": style.TEXT_GREY}


_HATCH = {"winter": "//", "summer": "", "spill": "xx"}


def _source_text() -> str:
    from scocourse import datasets

    lines = []
    for name in ("infrastructure", "water_facts"):
        line = datasets.source_line(name)
        if line not in lines:
            lines.append(line)
    return ("Model: scocourse.models.reservoir; parameters from the infrastructure and water_facts datasets "
            "plus labelled assumptions (ReservoirParams.sources). " + " ".join(lines))


def _figure_description(result: ReservoirResult) -> str:
    t = result.table
    start = float(t["storage_start"].iloc[0])
    end = float(t["storage_end"].iloc[-1])
    if f"{start:.1f}" == f"{end:.1f}":
        storage = f"Storage ends the year where it began, at {start:.1f} km³"
    else:
        storage = f"Storage goes from {start:.1f} to {end:.1f} km³"
    article = "an" if result.year_type[:1] in "aeiou" else "a"
    return (f"Monthly run of a Toktogul-like reservoir in {article} {result.year_type} year with "
            f"{result.winter_share:.0%} of releases planned for October–March. {storage} "
            f"(lowest {result.min_storage_km3:.1f} km³; dead storage "
            f"{result.dead_storage_km3:.1f}, full {result.params.full_storage_km3:.1f} km³); "
            f"winter electricity {result.winter_energy_gwh:,.0f} GWh, summer water downstream "
            f"{result.summer_downstream_km3:.1f} km³.")


def reservoir_figure(result: ReservoirResult):
    """Draw a model result: storage path, monthly releases by season, and electricity.

    Returns a :class:`scocourse.charts.CourseFigure` (a matplotlib Figure built without pyplot,
    in the course house style) with ``.title``, ``.description`` (generated from the result) and
    ``.source``.
    """
    from matplotlib import rc_context

    from scocourse.charts.figure import rc_params

    with rc_context(rc_params()):
        return _draw(result)


def _draw(result: ReservoirResult):
    import numpy as np
    from matplotlib.patches import Patch

    from scocourse.charts import style
    from scocourse.charts.figure import finish, new_figure

    c = _colors()
    small = style.context_settings()["small"]
    t = result.table
    p = result.params
    n = len(t)
    mid = np.arange(n) + 0.5
    edges = np.arange(n + 1)
    winter = t["season"].to_numpy() == "winter"

    fig, (ax_s, ax_r, ax_e) = new_figure(3, 1, height=9.0, sharex=True, height_ratios=[1.2, 1, 1])

    # 1. storage path against the dead and full levels
    storage = np.concatenate([[t["storage_start"].iloc[0]], t["storage_end"].to_numpy()])
    ax_s.axhspan(0, p.dead_storage_km3, color=c["dead"], alpha=0.12, hatch="..", linewidth=0)
    ax_s.axhline(p.dead_storage_km3, color=c["dead"], linestyle=":", linewidth=1.5)
    ax_s.axhline(p.full_storage_km3, color=c["full"], linestyle="--", linewidth=1.2)
    ax_s.plot(edges, storage, color=c["storage"], marker="o")
    ax_s.text(n - 0.05, p.dead_storage_km3, f"dead storage {p.dead_storage_km3:.1f} km³", ha="right",
              va="bottom", fontsize=small, color=c["dead"])
    ax_s.text(n - 0.05, p.full_storage_km3, f"full {p.full_storage_km3:.1f} km³", ha="right", va="bottom",
              fontsize=small, color=c["full"])
    ax_s.set_ylim(0, p.full_storage_km3 * 1.12)
    ax_s.set_ylabel("Storage (km³)")
    ax_s.set_title("Storage at the end of each month")

    # 2. releases by season, spill stacked on top, inflow for reference
    for season in ("winter", "summer"):
        sel = winter if season == "winter" else ~winter
        ax_r.bar(mid[sel], t["release"].to_numpy()[sel], width=0.8, color=c[season], hatch=_HATCH[season],
                 edgecolor="white")
    if float(t["spill"].sum()) > 0:
        ax_r.bar(mid, t["spill"], bottom=t["release"], width=0.8, color=c["spill"], hatch=_HATCH["spill"],
                 edgecolor="white")
    inflow_line, = ax_r.plot(mid, t["inflow"], color=c["inflow"], marker="s", linewidth=1.2, linestyle="--")
    ax_r.set_ylabel("Water (km³/month)")
    ax_r.set_title("Water released (bars) and inflow (dashed line)")

    # 3. electricity, with the installed-capacity limit
    cap = p.installed_capacity_mw * np.array([d * 24 for d in DAYS]) / 1000.0
    for season in ("winter", "summer"):
        sel = winter if season == "winter" else ~winter
        ax_e.bar(mid[sel], t["energy_GWh"].to_numpy()[sel], width=0.8, color=c[season], hatch=_HATCH[season],
                 edgecolor="white")
    cap_line, = ax_e.step(edges, np.append(cap, cap[-1]), where="post", color=c["cap"], linestyle=":",
                          linewidth=1.2)
    ax_e.set_ylim(0, float(cap.max()) * 1.1)
    ax_e.set_ylabel("Electricity (GWh)")
    ax_e.set_title(f"Electricity: {result.winter_energy_gwh:,.0f} GWh in winter, "
                   f"{result.summer_energy_gwh:,.0f} GWh in summer")
    ax_e.set_xticks(mid, list(t["month"]))
    ax_e.set_xlim(0, n)
    for ax in (ax_s, ax_r, ax_e):
        ax.axvline(n / 2, color=c["divider"], linewidth=0.8)

    handles = [Patch(facecolor=c["winter"], hatch=_HATCH["winter"], edgecolor="white"),
               Patch(facecolor=c["summer"], edgecolor="white"),
               Patch(facecolor=c["spill"], hatch=_HATCH["spill"], edgecolor="white"),
               inflow_line, cap_line]
    labels = ["Oct–Mar: releases for power", "Apr–Sep: releases for irrigation", "spill (reservoir full)",
              "inflow", f"limit of installed capacity ({p.installed_capacity_mw:,.0f} MW)"]
    ax_e.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.14),
                ncols=3 if style.get_context() == "screen" else 2)

    title = f"{p.name}: {result.year_type} year, {result.winter_share:.0%} of releases in winter"
    return finish(fig, title=title, description=_figure_description(result), source=_source_text())


class ReservoirExplorer(Explorer):
    """The explorer's widgets: ``slider``, ``year``, ``output`` and the whole ``widget``.

    Changing ``slider.value`` or ``year.value`` re-runs the model and redraws ``output``;
    the latest run is in ``result``.
    """

    def __init__(self, winter_share: float | None = None, year_type: str = "average", params=None):
        import ipywidgets as w

        self.params = default_params() if params is None else params
        if winter_share is None:
            winter_share = self.params.soviet_winter_share
        first = simulate(winter_share, year_type, params=self.params)  # validates the inputs
        self.slider = w.FloatSlider(value=first.winter_share, min=0.0, max=1.0, step=0.05,
                                    description="Winter share", readout_format=".0%", continuous_update=False,
                                    style={"description_width": "initial"},
                                    layout=w.Layout(width="420px"))
        self.year = w.ToggleButtons(options=[(y.capitalize(), y) for y in YEAR_TYPES], value=first.year_type,
                                    description="Year", style={"description_width": "initial"},
                                    tooltips=[f"a {y} year" for y in YEAR_TYPES])
        self.result = None
        self.assemble([self.slider, self.year], watch=[self.slider, self.year], note=(
            "<p>Share of the year's planned releases made in October–March for electricity; the rest "
            f"goes downstream for irrigation in April–September. Soviet-era practice: about "
            f"{self.params.soviet_winter_share:.0%} in winter.</p>"))

    def outputs(self) -> tuple:
        """Re-run the model for the current widget values; the chart and the run's summary."""
        from scocourse.charts import figure_outputs

        self.result = simulate(self.slider.value, self.year.value, params=self.params)
        fig = reservoir_figure(self.result)
        return tuple(figure_outputs(fig)) + (_text_output(self.result.describe()),)

    #: Winter shares of the static key frames (slider positions, not data).
    KEY_FRAME_SHARES = (0.25, 0.5, 0.75)

    def key_frames(self) -> list[tuple[str, str]]:
        """Return (heading, description) for the model at three winter shares in an average year, so a reader
        without a kernel (a handout, a slide deck) still sees how the trade-off moves."""
        frames = []
        for share in self.KEY_FRAME_SHARES:
            run = simulate(share, "average", params=self.params)
            frames.append((f"Winter share {share:.0%}, average year", run.describe()))
        return frames

    def fallback(self) -> tuple[str, str]:
        from html import escape

        head = "Reservoir explorer (run the notebook to move the slider). " + self.result.describe()
        frames = self.key_frames()
        text = head + "\n\nKey frames:\n" + "\n".join(f"- {h}: {d}" for h, d in frames)
        html = (f"<p>{escape(head)}</p>" + "".join(
            f'<div class="scocourse-key-frame"><p><strong>{escape(h)}</strong></p><p>{escape(d)}</p></div>'
            for h, d in frames))
        return text, html


def build_reservoir_explorer(winter_share: float | None = None, year_type: str = "average",
                             params=None) -> ReservoirExplorer:
    """Build (without displaying) the explorer; returns a :class:`ReservoirExplorer`."""
    return ReservoirExplorer(winter_share, year_type, params)


def reservoir_explorer(winter_share: float | None = None, year_type: str = "average", params=None) -> None:
    """Show the reservoir explorer: slider for the winter share, buttons for the year type, chart.

    ``winter_share`` starts at the Soviet-era share (from the data) unless given. Without a
    live kernel (GitHub, an HTML export) a text fallback describes the first run.
    """
    build_reservoir_explorer(winter_share, year_type, params).display()
