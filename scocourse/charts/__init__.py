"""Course charts: the house style and one function per chart the lessons need.

Every chart function returns a :class:`CourseFigure` (a matplotlib Figure made without pyplot) with
``.title``, ``.description`` (generated from the data) and ``.source`` (from the datapackage); in a
notebook it shows as a PNG with the description as alt text and underneath. Importing this package
is light: matplotlib is imported when the first chart is made.

Set-up cell of a lesson::

    from scocourse import charts
    charts.use_context("screen")     # lecturers: charts.use_context("projector")

Chart functions (each returns a CourseFigure; ``data=`` overrides the default dataset):

* ``membership_timeline(data=None, start=1996, end=None)``, ``membership_map(on=None, data=None, extent="sco")``
* ``world_shares(source="wdi", year=None, data=None)``, ``world_shares_then_now(year=None)``
* ``indicator_lines(indicator, countries=None, years=None, data=None, small_multiples=False)``
* ``electricity_mix(countries, year=None, data=None)``, ``electricity_mix_over_time(country, years=None, data=None)``,
  ``fossil_production(countries=None, data=None)``
* ``water_dependency(countries=None, data=None)``, ``water_withdrawals(countries=None, data=None)``,
  ``basin_flows(data=None)``
* ``trade_shares(countries=None, partners=("RUS", "CHN"), years=None, data=None, side="reporter")``,
  ``trade_sides(country="KGZ", year=None, top=6, data=None)`` (both sides of the trade records side by side)
* ``population_projection(countries=None, data=None)``, ``defence_then_now(data=None)``
* ``conflict_deaths(countries=None, years=None, by="type", data=None)`` (UCDP; data step and rule in
  :mod:`scocourse.charts.conflict`)
* ``glacier_balance(glaciers=None, years=None, cumulative=True, region="ASC", data=None)`` (WGMS, m w.e., regional
  error band), ``hydropower_share(countries=None, years=None, data=None)`` (one vintage per country); data steps in
  :mod:`scocourse.charts.glaciers`

Each chart is made in three steps, seaborn-style: a data step returning a tidy DataFrame you can test
without matplotlib (``<chart>_data(...)`` in its module, e.g. ``charts.trade.trade_sides_data("KGZ", 2019)``,
``charts.energy.pick_vintage`` for the electricity vintage), a drawing step using the shared layout helpers
(:mod:`scocourse.charts._layout`: measured text widths, small-multiples grid) and a description step
(``describe_<chart>(frame)``).

Display helpers: ``figure_outputs(fig)`` (output dicts for an ``ipywidgets.Output``), ``png_bytes(fig)``.
House style: :mod:`scocourse.charts.style` (``COLORS``, ``STATUS_COLORS``, ``FUEL_COLORS``, …).
"""
from __future__ import annotations

import importlib

from . import _format as fmt  # public: how numbers are written in descriptions (charts and explorers share it)
from .style import (COLORS, FUEL_COLORS, FUEL_HATCHES, MARKERS, OKABE_ITO, STATUS_COLORS, STATUS_HATCHES,
                    STATUS_LABELS, get_context, use_context)

_LAZY = {
    "CourseFigure": "figure", "figure_outputs": "figure", "png_bytes": "figure",
    "membership_timeline": "membership",
    "membership_map": "maps",
    "world_shares": "shares", "world_shares_then_now": "shares",
    "indicator_lines": "indicators",
    "electricity_mix": "energy", "electricity_mix_over_time": "energy", "fossil_production": "energy",
    "water_dependency": "water", "water_withdrawals": "water", "basin_flows": "water",
    "trade_shares": "trade", "trade_sides": "trade",
    "population_projection": "population",
    "defence_then_now": "defence",
    "conflict_deaths": "conflict",
    "glacier_balance": "glaciers", "hydropower_share": "glaciers",
    "migrant_stock": "migration", "remittance_dependence": "migration", "trade_partners": "migration",
}

__all__ = ["fmt", "use_context", "get_context", "COLORS", "MARKERS", "OKABE_ITO", "STATUS_COLORS", "STATUS_HATCHES",
           "STATUS_LABELS", "FUEL_COLORS", "FUEL_HATCHES", *_LAZY]


def __getattr__(name):
    if name in set(_LAZY.values()):  # a chart module itself (charts.glaciers.hydropower_shares, ...)
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'scocourse.charts' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
