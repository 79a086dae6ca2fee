"""Lesson 06 charts (migrant stock, remittances, trade partners from either side) and the economy explorer."""
import math
import subprocess
import sys

import pandas as pd
import pytest

import scocourse as sc
from scocourse.charts import migration as mig
from scocourse.errors import CourseError


def test_import_is_light():
    code = ("import sys, scocourse.charts, scocourse.explorers.economy; "
            "print([m for m in ('matplotlib', 'ipywidgets') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_charts_are_registered_and_draw_with_their_defaults():
    for name in ("migrant_stock", "remittance_dependence", "trade_partners"):
        fig = getattr(sc.charts, name)()
        assert fig.title and fig.description and fig.source.startswith("Source:")


# --------------------------------------------------------------------------- data steps (no matplotlib needed)
def test_migrant_stock_table_central_asia_2019():
    t = mig.migrant_stock_table()
    assert list(t.columns) == ["origin", "destination", "destination_name", "year", "migrants"]
    assert set(t["origin"]) <= set(sc.central_asia()) and (t["year"] == 2019).all()
    by_dest = t.groupby("destination")["migrants"].sum()
    assert by_dest.idxmax() == "RUS"
    m = sc.datasets.load("migration")
    expected = m[m["origin"].isin(sc.central_asia()) & (m["year"] == 2019)]["migrants"].sum()
    assert t["migrants"].sum() == expected


def test_migrant_stock_table_filters_and_errors():
    t = mig.migrant_stock_table(["Tajikistan"], ["Russia", "DEU"], 2010)
    assert set(t["destination"]) <= {"RUS", "DEU"} and set(t["origin"]) == {"TJK"}
    with pytest.raises(CourseError, match="2019"):
        mig.migrant_stock_table(year=2020)


def test_remittance_table_matches_the_indicator():
    t = mig.remittance_table(["TJK", "KGZ"], years=2022)
    assert set(t["iso3"]) == {"TJK", "KGZ", "WLD"}
    ind = sc.indicator("remittances_pct_gdp", countries=["TJK"], years=2022)["value"].iloc[0]
    assert t.set_index("iso3").loc["TJK", "value"] == pytest.approx(ind)


def test_remittance_table_accepts_a_frame():
    data = pd.DataFrame({"iso3": ["TJK", "TJK", "WLD"], "year": [2020, 2021, 2021], "value": [10.0, 20.0, 1.0]})
    t = mig.remittance_table(["TJK"], data=data)
    assert list(t["value"]) == [10.0, 20.0, 1.0]


def test_trade_partners_table_reads_either_side():
    own = mig.trade_partners_table("Kyrgyzstan", 2019, "reporter")
    mirror = mig.trade_partners_table("KGZ", 2019, "partner")
    assert mirror.iloc[0]["partner"] == "CHN"
    chn_own = own.set_index("partner").loc["CHN"]
    chn_mirror = mirror.set_index("partner").loc["CHN"]
    assert chn_mirror["share"] > 2 * chn_own["share"]
    assert chn_own["other_share"] == pytest.approx(chn_mirror["share"])
    ps = sc.partner_shares("KGZ", "CHN", 2019, side="partner")
    assert chn_mirror["share"] == pytest.approx(ps["share"].iloc[0])
    # partners that do not report (e.g. the EU) have no mirror figure
    if "EUU" in set(own["partner"]):
        assert math.isnan(own.set_index("partner").loc["EUU", "other_share"])


def test_trade_partners_table_bad_side_and_year():
    with pytest.raises(CourseError, match="reporter"):
        mig.trade_partners_table("KGZ", 2019, "mirror")
    with pytest.raises(CourseError):
        mig.trade_partners_table("KGZ", 1850, "reporter")


# --------------------------------------------------------------------------- figures
def test_migrant_stock_figure_says_not_labour_migrants():
    fig = sc.charts.migrant_stock()
    assert "not labour migrants" in fig.description and "Russia" in fig.description
    assert fig.source.startswith("Source: UN DESA International Migrant Stock 2019")


def test_remittance_dependence_figure_describes_the_data():
    fig = sc.charts.remittance_dependence()
    last = sc.indicator("remittances_pct_gdp", countries=["TJK"])
    assert f"Tajikistan {last.sort_values('year')['value'].iloc[-1]:.1f}%" in fig.description
    assert "No data for Turkmenistan" in fig.description


def test_trade_partners_figure():
    fig = sc.charts.trade_partners("KGZ", 2019, side="partner")
    assert "China" in fig.description and "partners' records" in fig.description
    assert fig.source.startswith("Source: IMF DOTS")


# --------------------------------------------------------------------------- explorer
pytest.importorskip("ipywidgets")


def _texts(outputs):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in outputs]


def test_economy_explorer_updates_on_side_year_view_and_country():
    from scocourse.explorers.economy import build_economy_explorer

    ex = build_economy_explorer("KGZ", year=2019)
    first = _texts(ex.output.outputs)
    assert "Russia" in ex.note or "China" in ex.note
    ex.side.value = "partner"
    second = _texts(ex.output.outputs)
    assert second != first and "China" in ex.note and "partners' records" in ex.note
    ex.year.value = 2010
    assert "2010" in ex.note
    ex.view.value = "remittances"
    assert "of Kyrgyzstan's GDP" in ex.note and ex.side.disabled
    assert ex.year.max > 2020  # the slider follows the remittance series
    ex.country.value = "TJK"
    assert "Tajikistan" in ex.note
    ex.view.value = "trade"
    assert ex.year.max <= 2020 and "Tajikistan" in ex.note
    assert any("Figure description" in t for t in _texts(ex.output.outputs))


def test_economy_explorer_rejects_countries_outside_central_asia():
    from scocourse.explorers.economy import build_economy_explorer

    with pytest.raises(CourseError, match="Central Asian"):
        build_economy_explorer("India")


def test_economy_note_is_computed_from_data():
    from scocourse.explorers.economy import economy_note

    note = economy_note("remittances", "TJK", 2022)
    value = sc.indicator("remittances_pct_gdp", countries=["TJK"], years=2022)["value"].iloc[0]
    assert f"{value:.1f}%" in note
