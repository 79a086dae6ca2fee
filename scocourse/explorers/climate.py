"""Climate explorer (lesson 09): glacier mass balance, and a "less water" future for the reservoir model.

``climate_explorer()`` shows two linked tools:

1. **Glaciers** — pick glaciers of the Tien Shan and Pamir-Alay and switch between the balance of each year
   and the running (cumulative) sum; the chart is :func:`scocourse.charts.glacier_balance`, with the regional
   estimate for Central Asia and its uncertainty band.
2. **Less water** — a slider for the change in the reservoir's mean inflow (per cent), with the winter share
   of releases and the kind of year; it runs :func:`scocourse.models.simulate` with ``inflow_change`` and shows
   the reservoir chart plus a table against today's average inflow.

The slider is the user's assumption: the course data do not say how much of the Naryn's flow comes from
glaciers, nor how it will change (see the model's simplifications). :func:`less_water_table` gives the
comparison as a DataFrame. matplotlib and ipywidgets are imported only when the functions are called.
"""
from __future__ import annotations

__all__ = ["less_water_table", "less_water_text", "build_climate_explorer", "climate_explorer", "ClimateExplorer"]

_MEASURES = (("Mean inflow planned on (km³/yr)", "annual_release_km3"),
             ("Winter electricity, Oct–Mar (GWh)", "winter_energy_gwh"),
             ("Summer water downstream, Apr–Sep (km³)", "summer_downstream_km3"),
             ("Lowest storage (km³)", "min_storage_km3"),
             ("Storage at the end of September (km³)", "end_storage_km3"),
             ("Months at the dead level", "months_at_dead"))


def less_water_table(inflow_change: float = -20, winter_share: float | None = None, year_type: str = "average",
                     params=None, keep_plan: bool = False):
    """Return a table comparing today's mean inflow with a future of ``inflow_change`` per cent.

    Rows: the planned release (= the mean inflow the operator plans on), winter electricity, summer water
    sent downstream, lowest storage, storage at the end of the year and months at the dead level; columns ``today``, ``future``, ``change``
    and ``change_pct`` (unrounded). ``winter_share`` defaults to the Soviet-era share from the data.
    ``keep_plan=True``: the operator goes on planning today's mean release in the drier future (the
    reservoir is drawn down) instead of planning on the new, lower mean.
    Invalid input raises the model's ``ReservoirInputError`` (a CourseError) with the valid range.
    """
    import pandas as pd

    from scocourse.models.reservoir import default_params, simulate

    p = default_params() if params is None else params
    share = p.soviet_winter_share if winter_share is None else winter_share
    today = simulate(share, year_type, params=p)
    if not isinstance(keep_plan, bool):
        from scocourse.errors import WrongTypeError
        raise WrongTypeError(f"keep_plan should be True or False, not {keep_plan!r}.")
    future = simulate(share, year_type, params=p, inflow_change=inflow_change,
                      annual_release_km3=today.annual_release_km3 if keep_plan else None)
    rows = []
    for label, attr in _MEASURES:
        a, b = (float(r.table["storage_end"].iloc[-1]) if attr == "end_storage_km3" else float(getattr(r, attr))
                for r in (today, future))
        rows.append({"measure": label, "today": a, "future": b, "change": b - a,
                     "change_pct": (100 * (b - a) / a) if a else float("nan")})
    table = pd.DataFrame(rows).set_index("measure")
    table.attrs.update(inflow_change=future.inflow_change, winter_share=future.winter_share, year_type=future.year_type,
                       keep_plan=keep_plan)
    return table


def less_water_text(table) -> str:
    """One deterministic sentence from :func:`less_water_table`'s result."""
    change = table.attrs.get("inflow_change", 0.0)
    w = table.loc["Winter electricity, Oct–Mar (GWh)"]
    s = table.loc["Summer water downstream, Apr–Sep (km³)"]
    dead = int(table.loc["Months at the dead level", "future"])
    word = "less" if change < 0 else "more"
    plan = "today's plan kept" if table.attrs.get("keep_plan") else "plan follows the new mean"
    text = (f"With {abs(change):g}% {word} inflow than today's average ({table.attrs.get('year_type', 'average')} year, "
            f"{table.attrs.get('winter_share', 0):.0%} of releases in winter, {plan}): winter electricity "
            f"{w['future']:,.0f} GWh instead of {w['today']:,.0f} ({w['change_pct']:+.0f}%), summer water downstream "
            f"{s['future']:.1f} km³ instead of {s['today']:.1f} ({s['change_pct']:+.0f}%).")
    end = table.loc["Storage at the end of September (km³)"]
    if abs(end["change"]) >= 0.05:
        text += (f" The year ends with {end['future']:.1f} km³ in store instead of {end['today']:.1f}: the next year "
                 f"would start {'lower' if end['change'] < 0 else 'higher'}.")
    if dead:
        text += f" The reservoir sits at its dead level in {dead} month{'s' if dead != 1 else ''}."
    return text + " The percentage is an assumption, not a projection from the glacier data."


class ClimateExplorer:
    """Widgets: ``glaciers`` (multi-select), ``cumulative`` (checkbox), ``glacier_output``; ``inflow`` (slider,
    per cent), ``share`` (winter share), ``year`` (year type), ``keep_plan`` (checkbox), ``reservoir_output``;
    the whole ``widget``.

    Changing a glacier control redraws ``glacier_output``; changing a reservoir control re-runs the model and
    redraws ``reservoir_output``. The latest figures and run are in ``glacier_figure``, ``result``, ``table``.
    """

    def __init__(self, glaciers=None, inflow_change: float = -20, winter_share: float | None = None,
                 year_type: str = "average", cumulative: bool = False, params=None):
        import ipywidgets as w

        from scocourse.charts import glaciers as G
        from scocourse.models.reservoir import INFLOW_CHANGE_RANGE, YEAR_TYPES, default_params

        self.params = default_params() if params is None else params
        share = self.params.soviet_winter_share if winter_share is None else winter_share
        less_water_table(inflow_change, share, year_type, self.params)  # validates the inputs
        names = G.glacier_names()
        chosen = list(G.DEFAULT_GLACIERS if glaciers is None else
                      ([glaciers] if isinstance(glaciers, str) else glaciers))
        G.glacier_table(chosen, cumulative=False)  # validates the names
        options = [n for n in names if n not in chosen]
        self.glaciers = w.SelectMultiple(options=chosen + options, value=tuple(chosen), rows=6,
                                         description="Glaciers", style={"description_width": "initial"},
                                         layout=w.Layout(width="420px"))
        self.cumulative = w.Checkbox(value=bool(cumulative), description="Running sum (cumulative)", indent=False)
        self.glacier_output = w.Output()
        lo = INFLOW_CHANGE_RANGE[0]
        self.inflow = w.FloatSlider(value=float(inflow_change), min=max(lo, -60.0), max=20.0, step=5.0,
                                    description="Change in mean inflow (%)", readout_format="+.0f",
                                    continuous_update=False, style={"description_width": "initial"},
                                    layout=w.Layout(width="460px"))
        self.share = w.FloatSlider(value=float(share), min=0.0, max=1.0, step=0.05, description="Winter share",
                                   readout_format=".0%", continuous_update=False,
                                   style={"description_width": "initial"}, layout=w.Layout(width="460px"))
        self.year = w.ToggleButtons(options=[(y.capitalize(), y) for y in YEAR_TYPES], value=year_type,
                                    description="Year", style={"description_width": "initial"})
        self.keep_plan = w.Checkbox(value=False, indent=False,
                                    description="Operator keeps today's plan (does not adapt to less water)")
        self.reservoir_output = w.Output()
        intro_g = w.HTML("<p><b>1. Glaciers.</b> Choose glaciers (Ctrl/Cmd-click for several). The dark line is "
                         "the regional estimate for Central Asia; the grey band its uncertainty.</p>")
        intro_r = w.HTML("<p><b>2. Less water.</b> Change the reservoir's mean inflow: the percentage is your "
                         "assumption (the data do not say how much of the river is glacier melt).</p>")
        self.widget = w.VBox([intro_g, w.HBox([self.glaciers, self.cumulative]), self.glacier_output,
                              intro_r, self.inflow, self.share, self.year, self.keep_plan, self.reservoir_output])
        self.glacier_figure = self.result = self.table = None
        t = G.glacier_table(chosen, cumulative=False)
        self.years = (int(t["year"].min()), int(t["year"].max()))
        self.glaciers.observe(self._glaciers_changed, names="value")
        self.cumulative.observe(self._glaciers_changed, names="value")
        for control in (self.inflow, self.share, self.year, self.keep_plan):
            control.observe(self._reservoir_changed, names="value")
        self.update_glaciers()
        self.update_reservoir()

    def _glaciers_changed(self, _change=None):
        self.update_glaciers()

    def _reservoir_changed(self, _change=None):
        self.update_reservoir()

    def update_glaciers(self) -> None:
        """Redraw the glacier chart for the current selection (a message if none is selected)."""
        from scocourse import charts

        from ._display import text_output

        chosen = list(self.glaciers.value)
        if not chosen:
            self.glacier_figure = None
            self.glacier_output.outputs = (text_output("Select at least one glacier."),)
            return
        cumulative = bool(self.cumulative.value)
        self.glacier_figure = charts.glacier_balance(chosen, years=self.years, cumulative=cumulative)
        self.glacier_output.outputs = tuple(charts.figure_outputs(self.glacier_figure))

    def update_reservoir(self) -> None:
        """Re-run the model with the current inflow change, winter share and year type; redraw."""
        from scocourse.charts import figure_outputs
        from scocourse.models.reservoir import simulate

        from ._display import text_output
        from .reservoir import reservoir_figure

        self.table = less_water_table(self.inflow.value, self.share.value, self.year.value, self.params,
                                      keep_plan=bool(self.keep_plan.value))
        plan = self.params.mean_inflow_km3 if self.keep_plan.value else None
        self.result = simulate(self.share.value, self.year.value, params=self.params,
                               inflow_change=self.inflow.value, annual_release_km3=plan)
        fig = reservoir_figure(self.result)
        _mark_inflow_change(fig, self.result, bool(self.keep_plan.value))
        self.reservoir_output.outputs = tuple(figure_outputs(fig)) + (text_output(less_water_text(self.table)),)


def _mark_inflow_change(fig, result, keep_plan: bool) -> None:
    """Say on the reservoir figure (title and description) that the run has a changed inflow."""
    change = result.inflow_change
    if not change:
        return
    plan = "today's plan kept" if keep_plan else "plan on the new mean"
    title = (f"{result.params.name}: {result.year_type} year, inflow {change:+g}%, "
             f"{result.winter_share:.0%} of releases in winter")
    if fig._suptitle is not None:
        fig._suptitle.set_text(title)
    fig.title = title
    fig.description = (f"Inflow {change:+g}% against today's mean ({plan}). " + fig.description)


def build_climate_explorer(glaciers=None, inflow_change: float = -20, winter_share: float | None = None,
                           year_type: str = "average", cumulative: bool = False, params=None) -> ClimateExplorer:
    """Build (without displaying) the explorer; returns a :class:`ClimateExplorer`."""
    return ClimateExplorer(glaciers, inflow_change, winter_share, year_type, cumulative, params)


def climate_explorer(glaciers=None, inflow_change: float = -20, winter_share: float | None = None,
                     year_type: str = "average", cumulative: bool = False, params=None) -> None:
    """Show the climate explorer (glacier chart; "less water" reservoir scenario). Returns None.

    Without a live kernel (GitHub, an HTML export) a text fallback describes the first glacier chart and
    the first scenario.
    """
    from ._display import display_widget

    ex = build_climate_explorer(glaciers, inflow_change, winter_share, year_type, cumulative, params)
    display_widget(ex.widget, "Climate explorer (run the notebook to use the controls). "
                   + ex.glacier_figure.description + " " + less_water_text(ex.table))
