"""A monthly model of a Toktogul-like upstream reservoir (Naryn river, Syr Darya basin).

The model runs one water year in monthly steps, from October to September. Water
flows in with the season (little in winter, a snow- and glacier-melt flood in
summer); the operator releases a target annual volume, a share ``winter_share`` of
it in October–March (when Kyrgyzstan needs electricity) and the rest in
April–September (when farms downstream in Uzbekistan and Kazakhstan need water).
Storage may not fall below the dead storage (releases are cut back) nor rise above
full storage (the surplus is spilled). Electricity comes from the water that
passes the turbines, the head and the turbine efficiency, capped by the installed
capacity.

Usage::

    from scocourse.models import simulate
    result = simulate(winter_share=0.25, year_type="dry")
    result.table                 # one row per month
    result.winter_energy_gwh     # electricity generated October-March
    result.summer_downstream_km3 # water sent downstream April-September
    simulate(0.25, "average", inflow_change=-20)  # a future with a fifth less water (lesson 09)

Parameters come from the course datasets at run time (``infrastructure`` and
``water_facts``, see :func:`default_params`); the few values that are not in the
data are labelled *assumption* in :class:`ReservoirParams` with a rationale, and
every field's origin is in ``params.sources``.

Model simplifications
---------------------
- **One reservoir, one year.** Toktogul is modelled alone, without the cascade of
  smaller plants downstream (Kurpsai, Tash-Kumyr, Shamaldy-Sai, Uch-Kurgan) or the
  planned Kambarata-1 upstream; each run is a single water year that starts on
  1 October from a given storage.
- **Monthly steps, even releases.** The winter volume is released in six equal
  monthly parts, and so is the summer volume; real operators follow daily demand,
  which peaks in December–February for power and June–August for irrigation.
- **A fixed seasonal inflow pattern.** Every year has the same monthly shape; dry
  and wet years only scale the annual total up or down, by the ratios of the Amu
  Darya's record low- and high-water years to its mean (so they are severe). The
  total for an average year and the shape within each season are assumptions
  (see ``ReservoirParams``).
- **One starting point.** Each run starts from the latest September storage in
  the data, which was a low-water year; ``initial_storage_km3`` changes it.
- **A plan that ignores the forecast.** The operator plans to release an average
  year's inflow whatever kind of year it turns out to be (``annual_release_km3``
  changes it), and cuts back only when the dead level is reached.
- **No evaporation, seepage or direct use** from the reservoir: water leaves only
  through the turbines or the spillway.
- **A simple head–storage curve.** The head is that at full supply times
  (storage / full storage)^(1/3), as for a valley with a V-shaped section; the
  real curve comes from a survey of the reservoir bed. The tailwater level is
  fixed.
- **Constant turbine efficiency,** and water released beyond what the turbines can
  take at installed capacity produces no electricity.
- **Spilled water counts as water downstream,** since it reaches the same river;
  the model does not track what downstream reservoirs and canals do with it.
- **Dead storage = total − active volume,** both from the data. A 2025 press
  report (also in the data) gives a higher level below which the turbines cannot
  run; ``dataclasses.replace(params, dead_storage_km3=...)`` tries it.
- **No prices, no trade.** The model shows the physical trade-off only; the
  Soviet-era exchange of summer water for downstream coal and gas, and
  electricity imports, are outside it.
- **A lower-inflow future is a uniform cut.** ``inflow_change`` (per cent of the
  mean inflow) scales every month by the same factor, and the operator plans on
  the new average. Glacier loss after "peak water" would cut mostly the July to
  September melt flow and may first raise it; the model keeps the seasonal shape
  (change it with ``dataclasses.replace(params, summer_inflow_share=...)``), and
  the percentage is the user's choice, not derived from glacier data.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

import numpy as np
import pandas as pd

from scocourse.errors import CourseError, did_you_mean

__all__ = [
    "MONTHS",
    "YEAR_TYPES",
    "SIMPLIFICATIONS",
    "ReservoirParams",
    "ReservoirResult",
    "ReservoirInputError",
    "INFLOW_CHANGE_RANGE",
    "default_params",
    "params_from_data",
    "simulate",
]


class ReservoirInputError(CourseError, ValueError):
    """Bad input to the reservoir model; the message gives the valid range or options."""


def _simplifications_markdown(doc: str) -> str:
    """The "Model simplifications" list of the module docstring as Markdown (one line per bullet)."""
    if not doc:  # python -OO strips docstrings
        return "**What the reservoir model leaves out**: see the source of scocourse.models.reservoir.\n"
    section = doc.split("Model simplifications\n---------------------\n", 1)[1]
    bullets = [" ".join(part.split()) for part in ("\n" + section).split("\n- ")[1:]]
    return "**What the reservoir model leaves out**\n\n" + "".join(f"- {b}\n" for b in bullets)


#: The model's simplifications as Markdown, built from the module docstring (the one place they are written).
SIMPLIFICATIONS = _simplifications_markdown(__doc__)

#: Months of the water year, in model order.
MONTHS: tuple[str, ...] = ("Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
                           "Apr", "May", "Jun", "Jul", "Aug", "Sep")
#: Days in each month (a 365-day year).
DAYS: tuple[int, ...] = (31, 30, 31, 31, 28, 31, 30, 31, 30, 31, 31, 30)
#: Year types accepted by :func:`simulate`.
YEAR_TYPES: tuple[str, ...] = ("dry", "average", "wet")
N_WINTER = 6  # October-March: the power season
#: Smallest and largest ``inflow_change`` (per cent of the mean inflow) accepted by :func:`simulate`.
INFLOW_CHANGE_RANGE: tuple[float, float] = (-90.0, 50.0)

RHO = 1000.0  # density of water, kg/m3
G = 9.81  # gravity, m/s2

# Labels of the rows read from the datasets (exactly as in water_facts / infrastructure).
PLANT_NAME = "Toktogul HPP"
FACT_TOTAL = "Toktogul reservoir total volume"
FACT_ACTIVE = "Toktogul reservoir active (useful) volume"
FACT_DEAD_2025 = "Toktogul 'dead' water level (turbines cannot run below)"
FACT_START = "Toktogul storage in September"
FACT_SOVIET = "Soviet-era share of Toktogul releases made in the April-September growing season"
FACT_SEASON = "Share of Nurek's annual inflow arriving in the growing season"
FACT_MEAN = "Amu Darya average annual water flow"
FACT_LOW = "Amu Darya flow in a low-water year"
FACT_HIGH = "Amu Darya flow in a high-water year"

# Assumptions (not in the course data); each is explained in ReservoirParams.
_ASSUMED_MEAN_INFLOW_KM3 = 12.0
_ASSUMED_SHAPE = (1.3, 1.0, 0.85, 0.8, 0.8, 0.95,  # Oct-Mar: base flow falling to a winter low
                  1.6, 3.0, 4.2, 4.0, 2.8, 1.6)    # Apr-Sep: snowmelt, then glacier melt
_ASSUMED_HEAD_LOSS_M = 35.0
_ASSUMED_EFFICIENCY = 0.88
_HEAD_EXPONENT = 1.0 / 3.0

_ASSUMPTION_TEXT = {
    "mean_inflow_km3": (
        "assumption: about 12 km3/yr (~380 m3/s), the long-term mean inflow to Toktogul usually quoted; "
        "not in the course data. It is under half the 26.85 km3/yr of Syr Darya flow formed in Kyrgyzstan "
        "(water_facts) and matches the 386-1,042 m3/s daily inflows reported in summer by Electric Stations "
        "(24.kg, 2020-2025)."),
    "monthly_shape": (
        "assumption: relative monthly inflow within each season, with the summer peak in June-July when "
        "snow and then glacier melt feed the Naryn (Akmatov et al. 2019, IOP Conf. Ser.: Earth Environ. "
        "Sci. 321 012016); the split between seasons comes from summer_inflow_share."),
    "head_loss_m": (
        "assumption: 35 m between the dam crest and the head at full supply (freeboard plus tailwater "
        "depth), giving about 180 m of gross head when full."),
    "head_exponent": (
        "assumption: head = head at full supply x (storage / full storage)^(1/3), as for a valley with a "
        "V-shaped cross-section whose volume grows with the cube of depth."),
    "efficiency": (
        "assumption: 0.88 overall turbine-generator efficiency, typical of large Francis units."),
}


# --------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReservoirParams:
    """Physical parameters of the reservoir and its inflow. Volumes in km³, heads in m.

    Build it with :func:`default_params` (values from the datasets); change a field with
    ``dataclasses.replace(params, dead_storage_km3=6.5)``.

    Fields and where they come from (``sources`` holds the full citation of each):

    - ``full_storage_km3`` — total reservoir volume (data: water_facts).
    - ``dead_storage_km3`` — total minus active volume (data: water_facts). Releases stop here.
    - ``initial_storage_km3`` — storage on 1 October: the latest September storage in the data.
    - ``installed_capacity_mw`` — installed capacity (data: infrastructure).
    - ``dam_height_m`` — dam height (data: infrastructure notes).
    - ``head_loss_m`` — *assumption*: crest minus head at full supply (35 m, so ~180 m head).
    - ``head_exponent`` — *assumption*: head ∝ storage^(1/3) (V-shaped valley).
    - ``efficiency`` — *assumption*: 0.88 turbine-generator efficiency.
    - ``mean_inflow_km3`` — *assumption*: 12 km³ inflow in an average year.
    - ``summer_inflow_share`` — share of the year's inflow arriving April–September
      (data: Nurek's 2024 growing-season share, used as an analogue for a
      snow- and glacier-fed river of the same mountains).
    - ``monthly_shape`` — *assumption*: relative inflow by month (Oct..Sep) within each season.
    - ``year_factors`` — annual inflow of a dry / average / wet year relative to average
      (data: the Amu Darya's low- and high-water years against its mean, as an analogue).
    - ``soviet_winter_share`` — share of releases made October–March in the Soviet era
      (data: 1 − the 75 % released in the growing season); the explorer's starting value.
    """

    full_storage_km3: float
    dead_storage_km3: float
    initial_storage_km3: float
    installed_capacity_mw: float
    dam_height_m: float
    mean_inflow_km3: float = _ASSUMED_MEAN_INFLOW_KM3
    summer_inflow_share: float = 0.79
    monthly_shape: tuple[float, ...] = _ASSUMED_SHAPE
    year_factors: Mapping[str, float] = field(
        default_factory=lambda: {"dry": 0.7, "average": 1.0, "wet": 1.3})
    head_loss_m: float = _ASSUMED_HEAD_LOSS_M
    head_exponent: float = _HEAD_EXPONENT
    efficiency: float = _ASSUMED_EFFICIENCY
    soviet_winter_share: float = 0.25
    name: str = "Toktogul-like reservoir"
    sources: Mapping[str, str] = field(default_factory=lambda: dict(_ASSUMPTION_TEXT), compare=False, repr=False)

    def __post_init__(self):
        def bad(msg):
            raise ReservoirInputError(f"ReservoirParams: {msg}")

        for name in ("full_storage_km3", "dead_storage_km3", "initial_storage_km3", "installed_capacity_mw",
                     "dam_height_m", "mean_inflow_km3", "head_loss_m", "head_exponent", "efficiency"):
            v = getattr(self, name)
            if not _is_number(v) or v < 0:
                bad(f"{name} must be a non-negative number, got {v!r}")
        if not self.dead_storage_km3 < self.full_storage_km3:
            bad(f"dead_storage_km3 ({self.dead_storage_km3}) must be below full_storage_km3 "
                f"({self.full_storage_km3})")
        if not self.dead_storage_km3 <= self.initial_storage_km3 <= self.full_storage_km3:
            bad(f"initial_storage_km3 must lie between the dead storage ({self.dead_storage_km3}) and full "
                f"storage ({self.full_storage_km3}) km3, got {self.initial_storage_km3}")
        if not 0 < self.efficiency <= 1:
            bad(f"efficiency must be in (0, 1], got {self.efficiency}")
        if not self.head_loss_m < self.dam_height_m:
            bad("head_loss_m must be smaller than dam_height_m")
        for name in ("summer_inflow_share", "soviet_winter_share"):
            v = getattr(self, name)
            if not _is_number(v) or not 0 <= v <= 1:
                bad(f"{name} must be between 0 and 1, got {v!r}")
        if len(self.monthly_shape) != 12 or not all(_is_number(w) and w > 0 for w in self.monthly_shape):
            bad("monthly_shape must hold 12 positive weights, October to September")
        if set(self.year_factors) != set(YEAR_TYPES) or not all(
                _is_number(v) and v > 0 for v in self.year_factors.values()):
            bad(f"year_factors must give a positive factor for each of {', '.join(YEAR_TYPES)}")
        # read-only copies, so a shared (cached) parameter set cannot be changed by accident
        object.__setattr__(self, "monthly_shape", tuple(float(w) for w in self.monthly_shape))
        object.__setattr__(self, "year_factors", MappingProxyType(dict(self.year_factors)))
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))

    @property
    def active_storage_km3(self) -> float:
        """Storage between the dead level and full supply."""
        return self.full_storage_km3 - self.dead_storage_km3

    @property
    def head_full_m(self) -> float:
        """Gross head at full supply."""
        return self.dam_height_m - self.head_loss_m

    def head_m(self, storage_km3):
        """Gross head (m) for a storage (km³): head_full × (storage / full)^exponent."""
        s = np.clip(np.asarray(storage_km3, dtype=float), 0.0, None)
        return self.head_full_m * (s / self.full_storage_km3) ** self.head_exponent

    def monthly_inflow_km3(self, year_type: str = "average") -> np.ndarray:
        """Inflow (km³) for each month Oct..Sep of a year of the given type."""
        year_type = _check_year_type(year_type)
        total = self.mean_inflow_km3 * self.year_factors[year_type]
        w = np.asarray(self.monthly_shape, dtype=float)
        winter, summer = w[:N_WINTER], w[N_WINTER:]
        share = self.summer_inflow_share
        return total * np.concatenate([(1 - share) * winter / winter.sum(), share * summer / summer.sum()])


def _is_number(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and math.isfinite(v)


def _number(text, what: str) -> float:
    """First number in a data value such as '19.5', '~90' or '10 km3/yr'."""
    if _is_number(text):
        return float(text)
    m = re.search(r"-?\d+(?:\.\d+)?", str(text).replace(",", ""))
    if not m:
        raise ReservoirInputError(f"could not read a number for {what} from {text!r}")
    return float(m.group())


def _fact(facts: pd.DataFrame, label: str) -> tuple[float, str]:
    rows = facts[facts["label"] == label]
    if rows.empty:
        raise ReservoirInputError(f"water_facts has no row labelled {label!r}; the reservoir model needs it")
    r = rows.iloc[0]
    shown = r["value_text"] if "value_text" in r.index and not pd.isna(r["value_text"]) else r["value"]
    value = r["value"] if _is_number(r["value"]) else _number(shown, label)
    year = "" if pd.isna(r.get("year")) or str(r.get("year")).strip() == "" else f", {r['year']}"
    flag = " [flagged uncertain in the data]" if str(r.get("uncertain")).strip().lower() in ("true", "1") else ""
    cite = f"water_facts: '{label}' = {str(shown).strip()} {str(r['unit']).strip()}{year}{flag}; source: {r['source']}"
    return float(value), cite


def params_from_data(infrastructure: pd.DataFrame, water_facts: pd.DataFrame) -> ReservoirParams:
    """Build :class:`ReservoirParams` from the ``infrastructure`` and ``water_facts`` tables."""
    plant = infrastructure[infrastructure["name"] == PLANT_NAME]
    if plant.empty:
        raise ReservoirInputError(f"infrastructure has no row named {PLANT_NAME!r}; the reservoir model needs it")
    plant = plant.iloc[0]
    plant_cite = f"infrastructure: {PLANT_NAME}; source: {plant['source']}"
    capacity = _number(plant["capacity"], "Toktogul capacity")
    m = re.search(r"(\d+(?:\.\d+)?)\s*m dam", str(plant["notes"]))
    if not m:
        raise ReservoirInputError("infrastructure notes for Toktogul HPP do not give the dam height ('... m dam')")
    dam_height = float(m.group(1))

    total, c_total = _fact(water_facts, FACT_TOTAL)
    active, c_active = _fact(water_facts, FACT_ACTIVE)
    _, c_dead_2025 = _fact(water_facts, FACT_DEAD_2025)
    start, c_start = _fact(water_facts, FACT_START)
    soviet_summer, c_soviet = _fact(water_facts, FACT_SOVIET)
    season, c_season = _fact(water_facts, FACT_SEASON)
    mean, c_mean = _fact(water_facts, FACT_MEAN)
    low, c_low = _fact(water_facts, FACT_LOW)
    high, c_high = _fact(water_facts, FACT_HIGH)

    sources = dict(_ASSUMPTION_TEXT)
    sources.update({
        "full_storage_km3": c_total,
        "dead_storage_km3": f"total minus active volume. {c_total} | {c_active} | Alternative "
                            f"(not used): {c_dead_2025}",
        "initial_storage_km3": f"the latest September storage in the data (a low-water year). {c_start}",
        "installed_capacity_mw": f"{plant_cite} (capacity {plant['capacity']} {plant['capacity_unit']})",
        "dam_height_m": f"{plant_cite} (notes: '{m.group(0)}')",
        "summer_inflow_share": f"analogue: Nurek's inflow share in the growing season, for a snow- and "
                               f"glacier-fed river of the same mountains. {c_season}",
        "year_factors": f"analogue: the Amu Darya's low- and high-water years against its mean "
                        f"(dry = {low:g}/{mean:g}, wet = {high:g}/{mean:g}); these are record years, so "
                        f"'dry' and 'wet' are severe. {c_low} | {c_high} | {c_mean}",
        "soviet_winter_share": f"1 minus the Soviet-era growing-season share. {c_soviet}",
    })
    return ReservoirParams(
        full_storage_km3=total,
        dead_storage_km3=total - active,
        initial_storage_km3=start,
        installed_capacity_mw=capacity,
        dam_height_m=dam_height,
        summer_inflow_share=season / 100.0,
        year_factors={"dry": low / mean, "average": 1.0, "wet": high / mean},
        soviet_winter_share=1.0 - soviet_summer / 100.0,
        sources=sources,
    )


@functools.lru_cache(maxsize=1)
def default_params() -> ReservoirParams:
    """Parameters read from ``scocourse.datasets`` (``infrastructure`` and ``water_facts``)."""
    from scocourse import datasets

    return params_from_data(datasets.load("infrastructure"), datasets.load("water_facts"))


# --------------------------------------------------------------------------------------------
# Simulation
# --------------------------------------------------------------------------------------------

def _check_year_type(year_type) -> str:
    key = year_type.strip().lower() if isinstance(year_type, str) else year_type
    if key not in YEAR_TYPES:
        hint = did_you_mean(year_type, YEAR_TYPES) if isinstance(year_type, str) else ""
        raise ReservoirInputError(
            f"year_type must be one of {', '.join(repr(y) for y in YEAR_TYPES)}; got {year_type!r}.{hint}")
    return key


def _check_share(winter_share) -> float:
    if not _is_number(winter_share) or not 0 <= winter_share <= 1:
        raise ReservoirInputError(
            "winter_share must be a number from 0 to 1 (the fraction of the annual release made in "
            f"October-March; 0 = all in summer, 1 = all in winter); got {winter_share!r}")
    return float(winter_share)


def _check_inflow_change(inflow_change) -> float:
    lo, hi = INFLOW_CHANGE_RANGE
    if not _is_number(inflow_change) or not lo <= inflow_change <= hi:
        raise ReservoirInputError(
            f"inflow_change must be a percentage change of the mean inflow from {lo:g} to +{hi:g} (e.g. -20 for "
            f"a future with a fifth less water, 0 for today's average); got {inflow_change!r}")
    return float(inflow_change)


@dataclass(frozen=True)
class ReservoirResult:
    """Outcome of :func:`simulate`: the monthly ``table`` and summary properties.

    ``table`` columns (volumes in km³ per month; one row per month, October first):
    month, season ('winter' Oct–Mar / 'summer' Apr–Sep), release_power_season (True in the
    winter power season), inflow, target_release, release, spill, storage_start, storage_end,
    head (m), energy_GWh, downstream_water (release + spill), curtailed (True when the
    release was cut back at the dead level).
    """

    table: pd.DataFrame
    params: ReservoirParams
    year_type: str
    winter_share: float
    annual_release_km3: float
    inflow_change: float = 0.0

    def _sum(self, column: str, season: str | None = None) -> float:
        t = self.table
        if season is not None:
            t = t[t["season"] == season]
        return float(t[column].sum())

    @property
    def winter_energy_gwh(self) -> float:
        """Electricity generated October–March (GWh)."""
        return self._sum("energy_GWh", "winter")

    @property
    def summer_energy_gwh(self) -> float:
        """Electricity generated April–September (GWh)."""
        return self._sum("energy_GWh", "summer")

    @property
    def annual_energy_gwh(self) -> float:
        return self._sum("energy_GWh")

    @property
    def summer_downstream_km3(self) -> float:
        """Water sent downstream April–September, releases plus spill (km³)."""
        return self._sum("downstream_water", "summer")

    @property
    def winter_downstream_km3(self) -> float:
        return self._sum("downstream_water", "winter")

    @property
    def spill_km3(self) -> float:
        return self._sum("spill")

    @property
    def shortfall_km3(self) -> float:
        """Planned release that could not be made because storage reached the dead level (km³)."""
        return self._sum("target_release") - self._sum("release")

    @property
    def min_storage_km3(self) -> float:
        """Lowest end-of-month storage (km³)."""
        return float(self.table["storage_end"].min())

    @property
    def dead_storage_km3(self) -> float:
        return self.params.dead_storage_km3

    @property
    def min_storage_above_dead_km3(self) -> float:
        """Lowest storage minus the dead storage (km³); 0 means the reservoir hit the dead level."""
        return self.min_storage_km3 - self.params.dead_storage_km3

    @property
    def months_at_dead(self) -> int:
        """Months that end with the reservoir at its dead level."""
        return int((self.table["storage_end"] <= self.params.dead_storage_km3 + 1e-9).sum())

    def summary(self) -> dict:
        """The headline numbers, rounded for display."""
        return {
            "year_type": self.year_type,
            "winter_share": round(self.winter_share, 3),
            "winter_energy_GWh": round(self.winter_energy_gwh, 1),
            "summer_energy_GWh": round(self.summer_energy_gwh, 1),
            "summer_downstream_km3": round(self.summer_downstream_km3, 3),
            "min_storage_km3": round(self.min_storage_km3, 3),
            "dead_storage_km3": round(self.dead_storage_km3, 3),
            "months_at_dead": self.months_at_dead,
            "spill_km3": round(self.spill_km3, 3),
            "shortfall_km3": round(self.shortfall_km3, 3),
        }

    def describe(self) -> str:
        """A short, deterministic sentence summary of the run."""
        dead = self.months_at_dead
        low = (f"the reservoir reached its dead level ({self.dead_storage_km3:.1f} km³) in {dead} "
               f"month{'s' if dead != 1 else ''} and {self.shortfall_km3:.1f} km³ of planned releases "
               f"could not be made" if dead else
               f"the lowest storage was {self.min_storage_km3:.1f} km³, "
               f"{self.min_storage_above_dead_km3:.1f} km³ above the dead level")
        spill = f" {self.spill_km3:.1f} km³ was spilled." if self.spill_km3 > 1e-9 else ""
        if self.inflow_change:
            more = "more" if self.inflow_change > 0 else "less"
            return (f"{self.year_type.capitalize()} year with {abs(self.inflow_change):g}% {more} inflow than today's "
                    f"average (plan: {self.annual_release_km3:.1f} km³), {self.winter_share:.0%} of releases planned "
                    f"for October–March: winter electricity {self.winter_energy_gwh:,.0f} GWh; summer water sent "
                    f"downstream {self.summer_downstream_km3:.1f} km³; {low}.{spill}")
        return (f"{self.year_type.capitalize()} year, {self.winter_share:.0%} of releases planned for "
                f"October–March: winter electricity {self.winter_energy_gwh:,.0f} GWh; summer water "
                f"sent downstream {self.summer_downstream_km3:.1f} km³; {low}.{spill}")


def simulate(winter_share: float = 0.5, year_type: str = "average", *,
             annual_release_km3: float | None = None,
             params: ReservoirParams | None = None,
             inflow_change: float = 0.0) -> ReservoirResult:
    """Run the reservoir through one water year (October–September).

    Parameters
    ----------
    winter_share : float, 0..1
        Share of the annual release planned for October–March (power); the rest is
        released April–September (irrigation downstream).
    year_type : 'dry', 'average' or 'wet'
        Scales the annual inflow (see ``ReservoirParams.year_factors``).
    annual_release_km3 : float, optional
        Planned release over the year; defaults to the inflow of an average year.
    params : ReservoirParams, optional
        Defaults to :func:`default_params` (read from the datasets).
    inflow_change : float, per cent, -90..+50
        A future with less (negative) or more water: every month's inflow, and the mean the
        operator plans on, change by this percentage (``-20`` = a fifth less). The seasonal
        shape stays the same (see the module's simplifications).
    """
    share = _check_share(winter_share)
    year_type = _check_year_type(year_type)
    change = _check_inflow_change(inflow_change)
    factor = 1.0 + change / 100.0
    p = default_params() if params is None else params
    if annual_release_km3 is None:
        annual_release_km3 = p.mean_inflow_km3 * factor
    if not _is_number(annual_release_km3) or annual_release_km3 < 0:
        raise ReservoirInputError(
            f"annual_release_km3 must be a non-negative number of km3; got {annual_release_km3!r}")
    release_total = float(annual_release_km3)

    inflow = p.monthly_inflow_km3(year_type) * factor
    n_summer = len(MONTHS) - N_WINTER
    target = np.array([share * release_total / N_WINTER] * N_WINTER
                      + [(1 - share) * release_total / n_summer] * n_summer)
    dead, full = p.dead_storage_km3, p.full_storage_km3
    hours = np.array(DAYS, dtype=float) * 24.0
    cap_gwh = p.installed_capacity_mw * hours / 1000.0
    joule_per_gwh = 3.6e12
    gwh_per_km3_m = RHO * G * p.efficiency * 1e9 / joule_per_gwh  # GWh from 1 km3 falling 1 m

    rows = []
    s = p.initial_storage_km3
    for i, month in enumerate(MONTHS):
        q_in = float(inflow[i])
        available = s + q_in - dead  # water that may leave this month without going below dead
        if target[i] >= available:
            release, curtailed = max(available, 0.0), target[i] > available
        else:
            release, curtailed = float(target[i]), False
        spill = max(s + q_in - release - full, 0.0)
        s_end = s + q_in - release - spill
        head = float(p.head_m((s + s_end) / 2.0))
        energy = min(gwh_per_km3_m * release * head, float(cap_gwh[i]))
        rows.append({
            "month": month,
            "season": "winter" if i < N_WINTER else "summer",
            "release_power_season": i < N_WINTER,
            "inflow": q_in,
            "target_release": float(target[i]),
            "release": release,
            "spill": spill,
            "storage_start": s,
            "storage_end": s_end,
            "head": head,
            "energy_GWh": energy,
            "downstream_water": release + spill,
            "curtailed": bool(curtailed),
        })
        s = s_end
    table = pd.DataFrame(rows)
    table.attrs["units"] = {"volumes": "km3 per month", "head": "m", "energy_GWh": "GWh"}
    return ReservoirResult(table=table, params=p, year_type=year_type, winter_share=share,
                           annual_release_km3=release_total, inflow_change=change)
