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

import base64
import io

from scocourse.models.reservoir import DAYS, YEAR_TYPES, ReservoirResult, default_params, simulate

__all__ = ["reservoir_figure", "reservoir_explorer", "build_reservoir_explorer", "ReservoirExplorer"]

# Okabe–Ito colours (colour-blind safe); seasons are also told apart by hatching and labels.
_COLORS = {"winter": "#0072B2", "summer": "#009E73", "spill": "#999999", "storage": "#000000",
           "dead": "#D55E00", "full": "#0072B2", "inflow": "#000000", "cap": "#D55E00"}
_HATCH = {"winter": "//", "summer": "", "spill": "xx"}


def _source_text() -> str:
    from scocourse import datasets

    return (f"Model: scocourse.models.reservoir (Toktogul-like reservoir). Parameters: infrastructure and "
            f"water_facts datasets plus labelled assumptions. {datasets.source_line('water_facts')}")


def _figure_description(result: ReservoirResult) -> str:
    t = result.table
    start = float(t["storage_start"].iloc[0])
    end = float(t["storage_end"].iloc[-1])
    return (f"Monthly run of a Toktogul-like reservoir in a {result.year_type} year with "
            f"{result.winter_share:.0%} of releases planned for October–March. Storage goes from "
            f"{start:.1f} to {end:.1f} km³ (lowest {result.min_storage_km3:.1f} km³; dead storage "
            f"{result.dead_storage_km3:.1f}, full {result.params.full_storage_km3:.1f} km³); "
            f"winter electricity {result.winter_energy_gwh:,.0f} GWh, summer water downstream "
            f"{result.summer_downstream_km3:.1f} km³.")


def reservoir_figure(result: ReservoirResult):
    """Draw a model result: storage path, monthly releases by season, and electricity.

    Returns a ``matplotlib.figure.Figure`` (built without pyplot) with ``.description``
    (a sentence generated from the result) and ``.source``.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    import numpy as np

    t = result.table
    p = result.params
    n = len(t)
    mid = np.arange(n) + 0.5
    edges = np.arange(n + 1)
    winter = t["season"].to_numpy() == "winter"

    fig = Figure(figsize=(9, 8), dpi=100, layout="constrained")
    ax_s, ax_r, ax_e = fig.subplots(3, 1, sharex=True, height_ratios=[1.2, 1, 1])

    # 1. storage path against the dead and full levels
    storage = np.concatenate([[t["storage_start"].iloc[0]], t["storage_end"].to_numpy()])
    ax_s.axhspan(0, p.dead_storage_km3, color=_COLORS["dead"], alpha=0.12, hatch="..", linewidth=0)
    ax_s.axhline(p.dead_storage_km3, color=_COLORS["dead"], linestyle=":", linewidth=1.5)
    ax_s.axhline(p.full_storage_km3, color=_COLORS["full"], linestyle="--", linewidth=1.2)
    ax_s.plot(edges, storage, color=_COLORS["storage"], marker="o", markersize=4, linewidth=2)
    ax_s.text(n - 0.05, p.dead_storage_km3, f"dead storage {p.dead_storage_km3:.1f} km³", ha="right", va="bottom",
              fontsize=9, color=_COLORS["dead"])
    ax_s.text(n - 0.05, p.full_storage_km3, f"full {p.full_storage_km3:.1f} km³", ha="right", va="bottom",
              fontsize=9, color=_COLORS["full"])
    ax_s.set_ylim(0, p.full_storage_km3 * 1.12)
    ax_s.set_ylabel("Storage (km³)")
    ax_s.set_title("Storage at the end of each month", loc="left", fontsize=11)

    # 2. releases by season, spill stacked on top, inflow for reference
    for season in ("winter", "summer"):
        sel = winter if season == "winter" else ~winter
        ax_r.bar(mid[sel], t["release"].to_numpy()[sel], width=0.8, color=_COLORS[season],
                 hatch=_HATCH[season], edgecolor="white")
    if float(t["spill"].sum()) > 0:
        ax_r.bar(mid, t["spill"], bottom=t["release"], width=0.8, color=_COLORS["spill"], hatch=_HATCH["spill"],
                 edgecolor="white")
    inflow_line, = ax_r.plot(mid, t["inflow"], color=_COLORS["inflow"], marker="s", markersize=4, linewidth=1.2,
                             linestyle="--")
    ax_r.set_ylabel("Water (km³/month)")
    ax_r.set_title("Water released (bars) and inflow (dashed line)", loc="left", fontsize=11)

    # 3. electricity, with the installed-capacity limit
    cap = p.installed_capacity_mw * np.array([d * 24 for d in DAYS]) / 1000.0
    for season in ("winter", "summer"):
        sel = winter if season == "winter" else ~winter
        ax_e.bar(mid[sel], t["energy_GWh"].to_numpy()[sel], width=0.8, color=_COLORS[season],
                 hatch=_HATCH[season], edgecolor="white")
    cap_line, = ax_e.step(edges, np.append(cap, cap[-1]), where="post", color=_COLORS["cap"], linestyle=":",
                          linewidth=1.2)
    ax_e.set_ylim(0, float(cap.max()) * 1.1)
    ax_e.set_ylabel("Electricity (GWh)")
    ax_e.set_title(f"Electricity generated: {result.winter_energy_gwh:,.0f} GWh in winter, "
                   f"{result.summer_energy_gwh:,.0f} GWh in summer", loc="left", fontsize=11)

    handles = [Patch(facecolor=_COLORS["winter"], hatch=_HATCH["winter"], edgecolor="white"),
               Patch(facecolor=_COLORS["summer"], edgecolor="white"),
               Patch(facecolor=_COLORS["spill"], hatch=_HATCH["spill"], edgecolor="white"),
               inflow_line, cap_line]
    labels = ["Oct–Mar: releases for power", "Apr–Sep: releases for irrigation", "spill (reservoir full)",
              "inflow", f"limit of installed capacity ({p.installed_capacity_mw:,.0f} MW)"]
    fig.legend(handles, labels, loc="outside lower center", ncols=3, frameon=False, fontsize=9)
    ax_e.set_xticks(mid, list(t["month"]))
    ax_e.set_xlim(0, n)
    for ax in (ax_s, ax_r, ax_e):
        ax.spines[["top", "right"]].set_visible(False)
        ax.axvline(n / 2, color="#555555", linewidth=0.8)
    fig.suptitle(f"{p.name}: {result.year_type} year, {result.winter_share:.0%} of releases in winter",
                 fontsize=12, x=0.01, ha="left")
    fig.description = _figure_description(result)
    fig.source = _source_text()
    return fig


def _png_outputs(fig) -> tuple[dict, ...]:
    """Output dicts for an ``ipywidgets.Output``: a PNG with the figure's description as text/plain."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    png = base64.b64encode(buf.getvalue()).decode("ascii")
    return ({"output_type": "display_data",
             "data": {"image/png": png, "text/plain": getattr(fig, "description", "")},
             "metadata": {}},)


def _text_output(text: str) -> dict:
    return {"output_type": "display_data", "data": {"text/plain": text}, "metadata": {}}


class ReservoirExplorer:
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
        self.output = w.Output()
        note = w.HTML(
            "<p>Share of the year's planned releases made in October–March for electricity; the rest "
            f"goes downstream for irrigation in April–September. Soviet-era practice: about "
            f"{self.params.soviet_winter_share:.0%} in winter.</p>")
        self.widget = w.VBox([note, self.slider, self.year, self.output])
        self.result = None
        self.slider.observe(self._changed, names="value")
        self.year.observe(self._changed, names="value")
        self.update()

    def _changed(self, _change=None):
        self.update()

    def update(self) -> None:
        """Re-run the model for the current widget values and redraw the output."""
        self.result = simulate(self.slider.value, self.year.value, params=self.params)
        fig = reservoir_figure(self.result)
        self.output.outputs = _png_outputs(fig) + (_text_output(self.result.describe()),)


def build_reservoir_explorer(winter_share: float | None = None, year_type: str = "average",
                             params=None) -> ReservoirExplorer:
    """Build (without displaying) the explorer; returns a :class:`ReservoirExplorer`."""
    return ReservoirExplorer(winter_share, year_type, params)


def reservoir_explorer(winter_share: float | None = None, year_type: str = "average", params=None) -> None:
    """Show the reservoir explorer: slider for the winter share, buttons for the year type, chart.

    ``winter_share`` starts at the Soviet-era share (from the data) unless given.
    """
    from IPython.display import display

    display(build_reservoir_explorer(winter_share, year_type, params).widget)
