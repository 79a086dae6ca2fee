"""Lesson 09: the reservoir model's lower-inflow future (``inflow_change``)."""
import dataclasses

import pytest

from scocourse.errors import CourseError
from scocourse.models.reservoir import INFLOW_CHANGE_RANGE, SIMPLIFICATIONS, ReservoirInputError, default_params, \
    simulate


def test_zero_change_is_todays_model():
    a = simulate(0.25, "average")
    b = simulate(0.25, "average", inflow_change=0)
    assert a.table.equals(b.table) and a.describe() == b.describe()
    assert b.inflow_change == 0.0


def test_less_inflow_scales_every_month_and_the_plan():
    p = default_params()
    base = simulate(0.25, "average")
    less = simulate(0.25, "average", inflow_change=-20)
    assert less.table["inflow"].sum() == pytest.approx(0.8 * base.table["inflow"].sum())
    assert (less.table["inflow"] / base.table["inflow"]).round(9).nunique() == 1  # same seasonal shape
    assert less.annual_release_km3 == pytest.approx(0.8 * p.mean_inflow_km3)
    assert less.winter_energy_gwh < base.winter_energy_gwh
    assert less.summer_downstream_km3 < base.summer_downstream_km3
    assert "20% less inflow" in less.describe()
    more = simulate(0.25, "average", inflow_change=10)
    assert more.table["inflow"].sum() > base.table["inflow"].sum() and "10% more inflow" in more.describe()


def test_keeping_the_old_plan_in_a_drier_future_draws_the_reservoir_down():
    p = default_params()
    adapted = simulate(0.25, "dry", inflow_change=-30)
    old_plan = simulate(0.25, "dry", inflow_change=-30, annual_release_km3=p.mean_inflow_km3)
    assert old_plan.min_storage_km3 <= adapted.min_storage_km3
    assert old_plan.shortfall_km3 >= adapted.shortfall_km3
    assert old_plan.months_at_dead >= 1


def test_less_inflow_is_monotone():
    energies = [simulate(0.5, "average", inflow_change=c).winter_energy_gwh for c in (0, -10, -20, -40)]
    assert energies == sorted(energies, reverse=True)


@pytest.mark.parametrize("bad", [-95, 60, "20%", None, float("nan"), True])
def test_bad_inflow_change_gets_a_clear_course_error(bad):
    with pytest.raises(ReservoirInputError) as e:
        simulate(0.5, "average", inflow_change=bad)
    assert isinstance(e.value, CourseError)
    msg = str(e.value)
    assert "inflow_change" in msg and "percentage" in msg and "-20" in msg
    lo, hi = INFLOW_CHANGE_RANGE
    assert f"{lo:g}" in msg and f"{hi:g}" in msg


def test_the_limits_of_the_lower_inflow_option_are_listed():
    assert "lower-inflow future is a uniform cut" in SIMPLIFICATIONS
    assert "peak water" in SIMPLIFICATIONS
    # the seasonal shape can be changed by the user, as the bullet says
    p = dataclasses.replace(default_params(), summer_inflow_share=0.7)
    r = simulate(0.25, "average", params=p, inflow_change=-10)
    assert r.table.loc[r.table["season"] == "summer", "inflow"].sum() == pytest.approx(
        0.7 * r.table["inflow"].sum())
