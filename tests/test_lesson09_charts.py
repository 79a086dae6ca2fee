"""Lesson 09 charts (glacier balance, hydropower share) and the climate explorer."""
import math

import pytest

from scocourse import charts, datasets
from scocourse.charts import glaciers as G
from scocourse.errors import CourseError, OutOfRangeError, UnknownNameError, WrongTypeError


def test_glacier_table_is_tidy_in_m_we_and_converts_mm():
    t = G.glacier_table(cumulative=False, years=(1990, 2020))
    assert {"series_id", "name", "kind", "year", "balance_m_we", "uncertainty_m_we", "cumulative_m_we",
            "cumulative_uncertainty_m_we"} <= set(t.columns)
    g = datasets.load("glaciers")
    raw = g[(g["name"] == "Tsentralniy Tuyuksu") & (g["variable"] == "annual_balance") & (g["year"] == 1997)]
    assert raw["unit"].iloc[0] == "mm w.e."
    row = t[(t["name"] == "Tsentralniy Tuyuksu") & (t["year"] == 1997)]
    assert row["balance_m_we"].iloc[0] == pytest.approx(raw["value"].iloc[0] / 1000)
    reg = t[t["kind"] == "region"].dropna(subset=["balance_m_we"])
    assert (reg["uncertainty_m_we"] > 0).all() and int(reg["year"].min()) == 2000


def test_cumulative_stops_at_a_gap_and_the_region_has_a_growing_band():
    t = G.glacier_table(years=(1990, 2020))
    ab = t[t["name"] == "Abramov"].set_index("year")
    assert not math.isnan(ab.loc[1998, "cumulative_m_we"]) and math.isnan(ab.loc[2015, "cumulative_m_we"])
    tuy = t[t["name"] == "Tsentralniy Tuyuksu"].set_index("year")
    assert tuy.loc[2020, "cumulative_m_we"] < 0  # Tuyuksu lost mass since 1990
    reg = t[t["kind"] == "region"].dropna(subset=["cumulative_m_we"]).set_index("year")
    band = reg["cumulative_uncertainty_m_we"]
    assert band.is_monotonic_increasing and band.iloc[-1] > reg["uncertainty_m_we"].max()


def test_glacier_balance_figure_description_and_source_come_from_data():
    fig = charts.glacier_balance()
    assert isinstance(fig, charts.CourseFigure)
    t = G.glacier_table()
    tuy = t[t["name"] == "Tsentralniy Tuyuksu"].dropna(subset=["cumulative_m_we"]).iloc[-1]
    assert "Tsentralniy Tuyuksu lost" in fig.description
    assert f"{abs(tuy['cumulative_m_we']):.1f}".rstrip("0").rstrip(".") in fig.description
    assert "regional estimate for Central Asia (RGI 13)" in fig.description and "±" in fig.description
    assert "was not measured in 2000" in fig.description  # Abramov, Golubin: the gap is said, not hidden
    assert fig.source.startswith("Source: WGMS FoG 2021-05")
    annual = charts.glacier_balance(cumulative=False, years=(1990, 2020))
    assert "no measurements 1999–2011" in annual.description and "uncertainty was larger" in annual.description


def test_glacier_names_and_helpful_errors():
    assert "Abramov" in G.glacier_names() and "Golubin" in G.glacier_names()
    t = G.glacier_table(["abramov", "TS.TUYUKSUYSKIY", "753"], region="Central Asia", cumulative=False)
    assert set(t["name"]) == {"Abramov", "Tsentralniy Tuyuksu", "Golubin", "Central Asia (RGI 13)"}
    assert set(G.glacier_table("Abramov", region=13, cumulative=False)["series_id"]) == {"732", "ASC"}
    assert set(G.glacier_table("Abramov", region=None, cumulative=False)["kind"]) == {"glacier"}
    with pytest.raises(UnknownNameError, match="Did you mean|did you mean"):
        charts.glacier_balance("Abramof")
    with pytest.raises(OutOfRangeError):
        charts.glacier_balance(years=(1950, 1960))
    with pytest.raises(WrongTypeError):
        charts.glacier_balance(cumulative="yes")
    with pytest.raises(CourseError):
        charts.glacier_balance(region="Antarctica")


def test_hydropower_share_uses_one_vintage_per_country():
    t = G.hydropower_shares()
    assert set(t["iso3"]) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert t.groupby("iso3")["vintage"].nunique().max() == 1
    assert int(t.loc[t["iso3"] == "KGZ", "year"].max()) == 2024
    assert t["hydro_share_pct"].between(0, 100).all()
    lka = G.hydropower_shares("Sri Lanka")  # a single year in both releases: still one release, no splice
    assert lka["vintage"].nunique() == 1
    fig = charts.hydropower_share()
    top = t.sort_values("year").groupby("iso3").tail(1).sort_values("hydro_share_pct").iloc[-1]
    assert fig.description.startswith("Hydropower's share of electricity generation in the latest year: "
                                      f"{top['country']}")
    assert "2025" in fig.source


# ----------------------------------------------------------------------------- the climate explorer
def test_less_water_table_and_text():
    from scocourse.explorers.climate import less_water_table, less_water_text

    t = less_water_table(-20)
    assert t.loc["Mean inflow planned on (km³/yr)", "change_pct"] == pytest.approx(-20)
    assert t.loc["Winter electricity, Oct–Mar (GWh)", "future"] < t.loc["Winter electricity, Oct–Mar (GWh)", "today"]
    kept = less_water_table(-20, keep_plan=True)
    assert kept.loc["Storage at the end of September (km³)", "change"] < 0
    assert "next year would start lower" in less_water_text(kept)
    assert "assumption, not a projection" in less_water_text(t)
    with pytest.raises(CourseError, match="inflow_change"):
        less_water_table(-99)
    with pytest.raises(WrongTypeError):
        less_water_table(-20, keep_plan="yes")


def test_climate_explorer_live_update_path():
    from scocourse.explorers.climate import build_climate_explorer

    ex = build_climate_explorer()
    png0 = ex.glacier_output.outputs[0]["data"]["image/png"]
    text0 = ex.reservoir_output.outputs[-1]["data"]["text/plain"]
    assert "20% less inflow" in text0
    ex.inflow.value = -40  # the slider re-runs the model and redraws the output
    text1 = ex.reservoir_output.outputs[-1]["data"]["text/plain"]
    assert text1 != text0 and "40% less inflow" in text1 and ex.result.inflow_change == -40
    assert ex.reservoir_output.outputs[0]["data"]["text/plain"].startswith("<Figure:")
    assert "inflow -40%" in ex.reservoir_output.outputs[0]["data"]["text/plain"]  # the figure says it is a drier run
    assert "Inflow -40% against today's mean" in ex.reservoir_output.outputs[1]["data"]["text/plain"]
    ex.keep_plan.value = True
    assert "today's plan kept" in ex.reservoir_output.outputs[-1]["data"]["text/plain"]
    ex.year.value = "dry"
    assert ex.result.year_type == "dry"
    ex.cumulative.value = True  # the glacier chart switches to the running sum
    assert ex.glacier_figure.title.startswith("Glacier mass balance, cumulative")
    assert ex.glacier_output.outputs[0]["data"]["image/png"] != png0
    ex.glaciers.value = ("Abramov",)
    assert "Abramov" in ex.glacier_figure.description and "Tuyuksu" not in ex.glacier_figure.description
    ex.glaciers.value = ()
    assert ex.glacier_output.outputs[0]["data"]["text/plain"] == "Select at least one glacier."


def test_climate_explorer_rejects_bad_input_and_shows_a_fallback(monkeypatch):
    from scocourse.explorers import climate

    with pytest.raises(UnknownNameError):
        climate.build_climate_explorer(glaciers=["Fedchenko"])
    with pytest.raises(CourseError):
        climate.build_climate_explorer(inflow_change=80)
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append(obj))
    assert climate.climate_explorer() is None
    bundle = shown[0]
    assert bundle["text/plain"].startswith("Climate explorer (run the notebook")
    assert "Tsentralniy Tuyuksu" in bundle["text/plain"] and "20% less inflow" in bundle["text/plain"]
