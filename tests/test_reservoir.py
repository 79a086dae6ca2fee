"""Tests of the Toktogul-like reservoir model and its explorer."""

import dataclasses
import subprocess
import sys

import pytest

from scocourse import datasets
from scocourse.errors import CourseError
from scocourse.models.reservoir import (
    MONTHS,
    SIMPLIFICATIONS,
    YEAR_TYPES,
    ReservoirInputError,
    ReservoirParams,
    default_params,
    simulate,
)

SHARES = [0.0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1.0]
TOL = 1e-9


@pytest.fixture(scope="module")
def params():
    return default_params()


@pytest.fixture(scope="module")
def full_start(params):
    """Reservoir full on 1 October: no run reaches the dead level, so no curtailment."""
    return dataclasses.replace(params, initial_storage_km3=params.full_storage_km3)


# ---------------------------------------------------------------- parameters from the data

def test_parameters_come_from_the_datasets(params):
    facts = datasets.load("water_facts").set_index("label")["value"]
    plant = datasets.load("infrastructure").set_index("name").loc["Toktogul HPP"]
    assert params.full_storage_km3 == facts["Toktogul reservoir total volume"]
    assert params.dead_storage_km3 == pytest.approx(
        facts["Toktogul reservoir total volume"] - facts["Toktogul reservoir active (useful) volume"])
    assert params.installed_capacity_mw == plant["capacity"]
    assert f"{params.dam_height_m:g} m dam" in plant["notes"]
    assert params.soviet_winter_share == pytest.approx(
        1 - facts["Soviet-era share of Toktogul releases made in the April-September growing season"] / 100)


def test_every_field_has_a_source(params):
    skip = {"name", "sources"}
    for f in dataclasses.fields(ReservoirParams):
        if f.name not in skip:
            assert params.sources.get(f.name), f"no source for {f.name}"
    assumptions = [k for k, v in params.sources.items() if v.startswith("assumption")]
    assert set(assumptions) == {"mean_inflow_km3", "monthly_shape", "head_loss_m", "head_exponent", "efficiency"}


def test_inflow_profile(params):
    avg = params.monthly_inflow_km3("average")
    assert len(avg) == 12
    assert avg.sum() == pytest.approx(params.mean_inflow_km3)
    assert avg[6:].sum() / avg.sum() == pytest.approx(params.summer_inflow_share)
    assert MONTHS[int(avg.argmax())] in ("Jun", "Jul")
    dry, wet = params.monthly_inflow_km3("dry"), params.monthly_inflow_km3("wet")
    assert (dry < avg).all() and (wet > avg).all()


# ---------------------------------------------------------------- physics and bookkeeping

@pytest.mark.parametrize("year_type", YEAR_TYPES)
@pytest.mark.parametrize("share", SHARES)
def test_water_balance_closes_and_storage_in_bounds(params, full_start, share, year_type):
    for p in (params, full_start):
        t = simulate(share, year_type, params=p).table
        assert list(t["month"]) == list(MONTHS)
        balance = t["storage_start"] + t["inflow"] - t["release"] - t["spill"] - t["storage_end"]
        assert balance.abs().max() <= TOL
        assert (t["storage_start"].iloc[1:].to_numpy() == t["storage_end"].iloc[:-1].to_numpy()).all()
        for col in ("storage_start", "storage_end"):
            assert (t[col] >= p.dead_storage_km3 - TOL).all()
            assert (t[col] <= p.full_storage_km3 + TOL).all()
        assert (t[["inflow", "release", "spill", "energy_GWh"]] >= 0).all().all()
        assert (t["release"] <= t["target_release"] + TOL).all()
        assert ((t["downstream_water"] - t["release"] - t["spill"]).abs() <= TOL).all()


def test_table_columns(params):
    t = simulate(0.5, "average", params=params).table
    for col in ("month", "inflow", "release_power_season", "release", "spill", "storage_start", "storage_end",
                "head", "energy_GWh", "downstream_water"):
        assert col in t.columns
    assert t["release_power_season"].tolist() == [True] * 6 + [False] * 6


def test_curtailed_at_dead_level(params):
    r = simulate(1.0, "dry", params=params)
    assert r.months_at_dead > 0
    assert r.min_storage_above_dead_km3 == pytest.approx(0.0, abs=TOL)
    assert r.shortfall_km3 > 0
    assert r.table["curtailed"].any()


def test_spill_when_full(full_start):
    r = simulate(0.0, "wet", params=full_start)
    assert r.spill_km3 > 0
    spilling = r.table[r.table["spill"] > 0]
    assert ((spilling["storage_end"] - full_start.full_storage_km3).abs() <= TOL).all()


def test_energy_capped_by_installed_capacity(full_start):
    r = simulate(1.0, "average", params=full_start, annual_release_km3=30.0)
    hours = r.table["month"].map(dict(zip(MONTHS, (31, 30, 31, 31, 28, 31, 30, 31, 30, 31, 31, 30)))) * 24
    cap = full_start.installed_capacity_mw * hours / 1000.0
    assert (r.table["energy_GWh"] <= cap + 1e-6).all()
    assert ((r.table["energy_GWh"] - cap).abs() <= 1e-6).any()


def test_head_rises_with_storage(params):
    heads = params.head_m([params.dead_storage_km3, 10.0, params.full_storage_km3])
    assert heads[0] < heads[1] < heads[2] == pytest.approx(params.dam_height_m - params.head_loss_m)


# ---------------------------------------------------------------- the trade-off

@pytest.mark.parametrize("year_type", YEAR_TYPES)
def test_all_summer_gives_most_irrigation_and_least_winter_power(params, year_type):
    runs = {s: simulate(s, year_type, params=params) for s in SHARES}
    summer = {s: r.summer_downstream_km3 for s, r in runs.items()}
    winter = {s: r.winter_energy_gwh for s, r in runs.items()}
    assert summer[0.0] == max(summer.values())
    assert winter[0.0] == min(winter.values()) == 0.0
    # the reverse extreme
    assert summer[1.0] == min(summer.values()) == 0.0


@pytest.mark.parametrize("year_type", YEAR_TYPES)
def test_all_winter_gives_most_winter_power_when_storage_allows(full_start, year_type):
    runs = {s: simulate(s, year_type, params=full_start) for s in SHARES}
    winter = [runs[s].winter_energy_gwh for s in SHARES]
    summer = [runs[s].summer_downstream_km3 for s in SHARES]
    assert winter[-1] == max(winter) and summer[-1] == min(summer)
    assert all(a < b for a, b in zip(winter, winter[1:])), "winter power rises with the winter share"
    assert all(a > b for a, b in zip(summer, summer[1:])), "summer water falls with the winter share"


@pytest.mark.parametrize("year_type", YEAR_TYPES)
def test_winter_power_plateaus_at_the_dead_level(params, year_type):
    """From the default (low) start, a large winter share empties the reservoir: winter power
    stops rising, and releasing even faster only lowers the head, so it may dip slightly."""
    runs = [simulate(s, year_type, params=params) for s in SHARES]
    winter = [r.winter_energy_gwh for r in runs]
    summer = [r.summer_downstream_km3 for r in runs]
    assert all(a > b for a, b in zip(summer, summer[1:]))
    free = [w for w, r in zip(winter, runs) if r.months_at_dead == 0]
    assert all(a < b for a, b in zip(free, free[1:]))
    assert winter[-1] >= 0.98 * max(winter)
    assert winter[-1] > winter[SHARES.index(0.25)]


@pytest.mark.parametrize("share", [0.0, 0.25, 0.5, 0.75, 1.0])
def test_wet_year_gives_at_least_as_much_energy_as_dry(params, share):
    dry, avg, wet = (simulate(share, y, params=params) for y in YEAR_TYPES)
    assert wet.annual_energy_gwh >= avg.annual_energy_gwh >= dry.annual_energy_gwh
    assert wet.min_storage_km3 >= dry.min_storage_km3


def test_summary_and_description_are_deterministic(params):
    a, b = simulate(0.6, "dry", params=params), simulate(0.6, "dry", params=params)
    assert a.summary() == b.summary() and a.describe() == b.describe()
    assert "Dry year, 60%" in a.describe()


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("share", [1.5, -0.1, float("nan"), "half", None, True])
def test_bad_winter_share(params, share):
    with pytest.raises(ReservoirInputError, match="between 0 and 1|from 0 to 1") as e:
        simulate(share, "average", params=params)
    assert isinstance(e.value, ValueError) and isinstance(e.value, CourseError)


def test_bad_year_type(params):
    with pytest.raises(ValueError, match="'dry', 'average', 'wet'") as e:
        simulate(0.5, "soggy", params=params)
    assert isinstance(e.value, CourseError)
    with pytest.raises(ReservoirInputError, match="Did you mean 'wet'"):
        simulate(0.5, "wett", params=params)


def test_bad_release_and_params(params):
    with pytest.raises(ReservoirInputError, match="annual_release_km3"):
        simulate(0.5, "average", params=params, annual_release_km3=-1)
    with pytest.raises(ReservoirInputError, match="initial_storage_km3"):
        dataclasses.replace(params, initial_storage_km3=1.0)


def test_year_type_is_case_insensitive(params):
    assert simulate(0.5, " Wet ", params=params).year_type == "wet"


# ---------------------------------------------------------------- docs, imports, widget

def test_simplifications_documented():
    import scocourse.models.reservoir as m

    assert SIMPLIFICATIONS.count("\n- ") >= 6
    assert "Model simplifications" in m.__doc__
    # written once: every bullet is the docstring's, word for word
    doc = " ".join(m.__doc__.split())
    for line in SIMPLIFICATIONS.splitlines():
        if line.startswith("- "):
            assert line[2:] in doc, line
    assert SIMPLIFICATIONS.count("\n- ") == m.__doc__.split("Model simplifications")[1].count("\n- ")


def test_model_import_is_light():
    code = ("import sys, scocourse.models, scocourse.explorers.reservoir; "
            "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; print(bad); "
            "sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_figure_is_deterministic(params):
    from matplotlib.figure import Figure

    from scocourse.explorers.reservoir import reservoir_figure

    from scocourse.charts import png_bytes

    r = simulate(0.5, "average", params=params)
    fig = reservoir_figure(r)
    assert isinstance(fig, Figure)
    assert "average year" in fig.description and fig.source and fig.title
    assert png_bytes(fig) == png_bytes(reservoir_figure(simulate(0.5, "average", params=params)))


def test_explorer_widget_updates(params):
    from scocourse.explorers.reservoir import build_reservoir_explorer

    ex = build_reservoir_explorer(params=params)
    assert ex.slider.value == pytest.approx(params.soviet_winter_share)
    first = ex.output.outputs
    assert first[0]["output_type"] == "display_data" and "image/png" in first[0]["data"]
    assert all(o["output_type"] == "display_data" and o["data"]["text/plain"] for o in first)
    assert first[1]["data"]["text/plain"].startswith("Figure description: Monthly run of a Toktogul-like reservoir")
    ex.slider.value = 0.9
    second = ex.output.outputs
    assert second != first
    assert ex.result.winter_share == pytest.approx(0.9)
    assert second[-1]["data"]["text/plain"] == ex.result.describe()
    ex.year.value = "wet"
    assert ex.result.year_type == "wet" and ex.output.outputs != second


def test_reservoir_explorer_returns_none(params, capsys):
    from scocourse.explorers.reservoir import reservoir_explorer

    assert reservoir_explorer(0.5, "dry", params=params) is None
    with pytest.raises(ReservoirInputError):
        reservoir_explorer(1.5)


def test_explorer_fallback_has_three_key_frames_for_readers_without_a_kernel():
    pytest.importorskip("ipywidgets")
    from scocourse.explorers.reservoir import build_reservoir_explorer
    e = build_reservoir_explorer()
    e.update()
    text, html = e.fallback()
    assert text.count("\n- Winter share ") == 3 and html.count('class="scocourse-key-frame"') == 3
    winter = [float(x.replace(",", "")) for x in __import__("re").findall(r"winter electricity ([\d,]+) GWh", text)][1:]
    assert winter == sorted(winter)  # more winter release, more winter power: the frames show the trade-off


def test_figure_description_reads_well_when_storage_ends_where_it_began():
    from scocourse.explorers.reservoir import _figure_description
    from scocourse.models.reservoir import simulate
    text = _figure_description(simulate(0.25, "average"))
    assert "in an average year" in text
    assert not __import__("re").search(r"goes from ([\d.]+) to \1 km", text)
