"""Tests of the charts' data and description steps (prepare -> draw -> describe), without drawing:
tidy frames, the electricity vintage choice, both sides of the trade records, and descriptions written as
a person would write them (years plain, counts for 1, 2 and equal values, '$' escaped in markdown)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

import scocourse
from scocourse.charts import _format as fmt
from scocourse.charts import energy, indicators, maps, membership, shares, trade
from scocourse.errors import OutOfRangeError, UnknownCountryError, UnknownNameError, WrongTypeError

CHARTS = Path(scocourse.__file__).resolve().parent / "charts"
MINE = ("_common", "_format", "_layout", "defence", "energy", "figure", "indicators", "maps", "membership",
        "population", "shares", "style", "trade", "water")


# --------------------------------------------------------------------------- structure
def test_no_private_cross_module_imports():
    for mod in MINE:
        tree = ast.parse((CHARTS / f"{mod}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level >= 1:
                private = [a.name for a in node.names if a.name.startswith("_") and a.name != "__future__"]
                assert not (node.level == 2 and private), f"{mod}: imports private {private} from ..{node.module}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
                raise AssertionError(f"{mod}: __import__ workaround")


def test_chart_functions_are_short():
    long = []
    for mod in MINE:
        tree = ast.parse((CHARTS / f"{mod}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 60:
                long.append(f"{mod}.{node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert not long, long


def test_latest_change_is_the_facts_one():
    assert membership.latest_change() == scocourse.latest_membership_change()
    assert getattr(trade, "partner_shares", scocourse.partner_shares) is scocourse.partner_shares  # one implementation


# --------------------------------------------------------------------------- trade, both sides
def test_trade_sides_data_kyrgyzstan_2019_partner_side_china_largest():
    frame = trade.trade_sides_data("KGZ", 2019, top=6)
    assert frame.attrs == {"country": "KGZ", "year": 2019}
    assert set(frame["side"]) == {"reporter", "partner"} and len(frame) == 12
    partner = frame[frame["side"] == "partner"].dropna(subset=["share"]).sort_values("share", ascending=False)
    assert partner.iloc[0]["partner"] == "CHN"
    # the same numbers as the one home of the meaning
    mirror = scocourse.partner_shares("KGZ", "CHN", 2019, side="partner")
    assert partner.iloc[0]["share"] == pytest.approx(float(mirror["share"].iloc[0]))
    # a partner that is not a course country has no partner-side record
    gbr = frame[(frame["partner"] == "GBR") & (frame["side"] == "partner")]
    assert len(gbr) == 1 and gbr["share"].isna().all()


def test_describe_trade_sides():
    frame = trade.trade_sides_data("KGZ", 2019)
    text = trade.describe_trade_sides(frame)
    assert text.startswith("In 2019 China was Kyrgyzstan's largest partner on both sides of the records: 26% ")
    assert "equal to 93% of that world trade in China's, the biggest gap of any partner shown." in text and "2,019" not in text
    assert "93% of Kyrgyzstan's trade" not in text  # China's records are not a share of a total that holds them
    tjk = trade.describe_trade_sides(trade.trade_sides_data("TJK", 2020))
    assert "own records for 2020 the largest partner was Russia" in tjk
    assert "in its partners' records the largest partner was China" in tjk and "The biggest gap is China" in tjk
    kaz = trade.describe_trade_sides(trade.trade_sides_data("KAZ", 2015))
    assert "the largest partner was the European Union" in kaz


def test_trade_sides_defaults_and_bad_input():
    frame = trade.trade_sides_data("Kyrgyzstan")
    assert frame.attrs["year"] == 2020  # the latest year both sides cover
    with pytest.raises(UnknownCountryError):
        trade.trade_sides_data("Kyrgystann")
    with pytest.raises(WrongTypeError):
        trade.trade_sides_data(["KGZ", "KAZ"])
    with pytest.raises(WrongTypeError):
        trade.trade_sides_data("KGZ", top=0)
    with pytest.raises(WrongTypeError):
        trade.trade_sides_data("KGZ", year="2019")
    with pytest.raises(OutOfRangeError):
        trade.trade_sides_data("KGZ", year=1950)


def test_trade_sides_chart():
    from scocourse import charts

    fig = charts.trade_sides(country="KGZ", year=2019, top=6)
    assert fig.title == "Kyrgyzstan's trade partners, 2019: its own records and its partners'"
    assert fig.description == trade.describe_trade_sides(trade.trade_sides_data("KGZ", 2019))
    drawn = "\n".join(t.get_text() for t in fig.texts).replace("\n", " ")
    assert "28 course countries" in drawn and "own total trade with the World" in drawn
    assert fig.source.startswith("Source: IMF DOTS")


def test_trade_shares_side_partner():
    own = trade.trade_shares_data("KGZ", ["CHN", "RUS"], 2019)
    mirror = trade.trade_shares_data("KGZ", ["CHN", "RUS"], 2019, side="partner")
    assert set(own["side"]) == {"reporter"} and set(mirror["side"]) == {"partner"}
    assert mirror.set_index("partner").loc["CHN", "share"] > own.set_index("partner").loc["CHN", "share"]
    from scocourse import charts

    fig = charts.trade_shares("KGZ", side="partner")
    assert fig.title.endswith("from the partners' records")
    with pytest.raises(UnknownNameError):
        trade.trade_shares_data("KGZ", side="mirror")


def test_describe_trade_shares_counts_read_naturally():
    two = trade.trade_shares_data(["KAZ", "UZB"], ["RUS", "CHN"], 2015)
    assert "China's share of trade exceeded Russia's in 1 of the 2 countries shown (Uzbekistan)" in \
        trade.describe_trade_shares(two)
    five = trade.trade_shares_data(None, ["RUS", "CHN"], 2020)
    assert "in 2 of 5 countries shown (Turkmenistan and Uzbekistan)" in trade.describe_trade_shares(five)


# --------------------------------------------------------------------------- electricity vintages
def _energy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "measure", "fuel", "value", "vintage"])


V24, V25 = "OWID chart download 2024 (Ember/Energy Institute)", "OWID chart download 2025 (Ember 2025, to 2024)"


def _two_vintages():
    rows = []
    for y in range(2000, 2024):
        rows += [("KAZ", y, "electricity_generation", "coal", 50.0 + y - 2000, V24),
                 ("LKA", y, "electricity_generation", "hydro", 5.0, V24)]
    for y in range(2000, 2025):
        rows.append(("KAZ", y, "electricity_generation", "coal", 60.0 + y - 2000, V25))
    rows.append(("LKA", 2022, "electricity_generation", "hydro", 7.0, V25))  # a newer vintage that stops earlier
    return _energy(rows)


def test_vintage_order_newest_first():
    assert energy.vintage_order([V24, V25, V24]) == [V25, V24]


def test_pick_vintage_newest_that_covers_the_year():
    df = _two_vintages()
    assert energy.pick_vintage(df, "KAZ") == (V25, list(range(2000, 2025)))
    v, years = energy.pick_vintage(df, "LKA")
    assert v == V24 and years[-1] == 2023  # the 2025 download stops in 2022 for Sri Lanka
    assert energy.pick_vintage(df, "KAZ", [2010])[0] == V25
    assert energy.pick_vintage(df, "LKA", [2022])[0] == V25
    with pytest.raises(OutOfRangeError):
        energy.pick_vintage(df, "LKA", [1990])


def test_electricity_data_never_splices_vintages():
    df = _two_vintages()
    mix = energy.electricity_mix_data(["KAZ", "LKA"], data=df)
    kaz = mix[(mix["iso3"] == "KAZ") & (mix["fuel"] == "coal")].iloc[0]
    assert (kaz["year"], kaz["vintage"], kaz["twh"]) == (2024, V25, 84.0)  # not 84 + a 2024-vintage value
    assert set(mix.loc[mix["iso3"] == "LKA", "vintage"]) == {V24}
    series = energy.electricity_mix_over_time_data("KAZ", data=df)
    assert series.attrs["vintage"] == V25 and series.attrs["others"] == [V24]
    assert series.groupby("year")["twh"].sum().loc[2010] == 70.0
    only_old = energy.electricity_mix_over_time_data("LKA", data=df)
    assert only_old.attrs["vintage"] == V24


def test_electricity_source_line_names_the_vintage():
    from scocourse import charts

    fig = charts.electricity_mix_over_time("KGZ")
    frame = energy.electricity_mix_over_time_data("KGZ")
    assert fig.source.endswith("vintage: " + frame.attrs["vintage"])
    mix = charts.electricity_mix(["KAZ", "KGZ"])
    for v in set(energy.electricity_mix_data(["KAZ", "KGZ"])["vintage"]):
        assert v in mix.source


def test_describe_electricity_mix_over_time_equal_and_single_year():
    rows = [("KGZ", y, "electricity_generation", "hydro", 10.8, V24) for y in (2000, 2001)]
    frame = energy.electricity_mix_over_time_data("KGZ", data=_energy(rows))
    text = energy.describe_electricity_mix_over_time(frame)
    assert "stayed at 10.8 TWh from 2000 to 2001" in text and "from 10.8 TWh in 2000 to 10.8" not in text
    one = energy.electricity_mix_over_time_data("KGZ", data=_energy(rows[:1]))
    assert energy.describe_electricity_mix_over_time(one).startswith("Kyrgyzstan generated 10.8 TWh of electricity in 2000")


# --------------------------------------------------------------------------- descriptions read as a person writes
def _lines(values: dict, unit_short="population"):
    rows = [(c, y, v) for c, series in values.items() for y, v in series.items()]
    return pd.DataFrame(rows, columns=["iso3", "year", "value"])


def test_describe_indicator_lines_two_series_and_near_equal():
    df = indicators.indicator_lines_data("population", ["KAZ", "KGZ"], data=_lines(
        {"KAZ": {2017: 100.0, 2018: 101.0}, "KGZ": {2017: 99.0, 2018: 100.5}}))
    text = indicators.describe_indicator_lines(df)
    assert "Both rose over the period." in text and "All 2" not in text
    assert "1 times" not in text and "about as much" in text
    assert "2018" in text and "2 018" not in text and "2,018" not in text


def test_describe_indicator_lines_one_series_equal_values():
    df = indicators.indicator_lines_data("population", "KAZ", data=_lines({"KAZ": {2000: 10.8e6, 2020: 10.8e6}}))
    text = indicators.describe_indicator_lines(df)
    assert "stayed at 10.8 million people from 2000 to 2020" in text and "went from" not in text


def test_format_helpers():
    assert fmt.times(5, 5) == "about the same" and fmt.as_much(5, 5) == "about as much"
    assert fmt.as_much(10, 5) == "twice as much" and fmt.as_much(32, 10) == "3.2 times as much"
    assert fmt.count_of(2, 2, "country", "countries") == "both countries"
    assert fmt.count_of(0, 2, "country", "countries") == "neither country"
    assert fmt.count_of(5, 5, "country", "countries") == "all 5 countries"
    assert fmt.count_of(0, 5, "country", "countries") == "none of the 5 countries"
    assert fmt.all_of(2) == "Both" and fmt.all_of(3) == "All 3"
    assert fmt.year(2018) == "2018" and fmt.year(2018.0) == "2018"
    assert fmt.change("1 TWh", "1 TWh", 2000, 2000) == "was 1 TWh in 2000"


def test_one_country_descriptions_read_naturally():
    from scocourse.charts import water

    dep = water.describe_water_dependency(water.water_dependency_data("KGZ"))
    assert dep.startswith("1.1% of Kyrgyzstan's renewable water arrives from outside") and "most" not in dep
    wd = water.describe_water_withdrawals(water.water_withdrawals_data("KGZ"))
    assert wd.startswith("In Kyrgyzstan agriculture takes") and " to " not in wd.split(".")[0]
    fossil = energy.describe_fossil_production(energy.fossil_production_data("KAZ"))
    assert fossil.startswith("In 2020 Kazakhstan produced") and "largest producer" not in fossil


def test_map_description_before_the_sco_existed():
    frame = maps.membership_map_data(on="1999-01-01", extent="central_asia")
    text = maps.describe_membership_map(frame)
    assert "the SCO did not yet exist; the Shanghai Five were 5 states" in text
    assert "SCO had 5 Shanghai Five" not in text and " were Shanghai Five states" in text


def test_membership_timeline_data_is_tidy():
    frame = membership.membership_timeline_data()
    assert {"iso3", "status", "start", "end", "x_start", "x_end", "row"} <= set(frame.columns)
    shown = frame.dropna(subset=["row"])
    assert (shown["x_end"] > shown["x_start"]).all() or (shown["x_end"] >= shown["x_start"]).all()
    assert "27 countries held an SCO status" in membership.describe_membership_timeline(frame)


def test_world_shares_data_is_tidy():
    frame = shares.world_shares_data()
    assert list(frame.columns) == ["label", "measure", "group", "share", "note"]
    assert frame.attrs["year"] == 2023
    seed = shares.world_shares_data("seed_2014")
    assert seed.loc[seed["measure"] == "gdp", "share"].isna().all()
    assert "no GDP share" in shares.describe_world_shares(seed)


# --------------------------------------------------------------------------- '$' in live markdown
@pytest.mark.parametrize("make", [
    lambda c: c.indicator_lines("gdp_per_capita"),
    lambda c: c.indicator_lines("gdp_per_capita", countries="TJK"),
    lambda c: c.defence_then_now(),
])
def test_markdown_outputs_escape_dollar_signs(make):
    from scocourse import charts

    fig = make(charts)
    assert "$" in fig.description
    md = charts.figure_outputs(fig)[1]["data"]["text/markdown"]
    assert not re.search(r"(?<!\\)\$", md), md  # every $ escaped: nothing for MathJax to pair up
    assert "$" in charts.figure_outputs(fig)[1]["data"]["text/plain"]  # plain text keeps it as it is


def test_default_descriptions_write_numbers_as_a_person_would():
    from scocourse.charts import defence, population, water

    texts = [
        membership.describe_membership_timeline(membership.membership_timeline_data()),
        maps.describe_membership_map(maps.membership_map_data()),
        shares.describe_world_shares(shares.world_shares_data()),
        shares.describe_world_shares_then_now(shares.world_shares_then_now_data()),
        indicators.describe_indicator_lines(indicators.indicator_lines_data("gdp_per_capita")),
        energy.describe_electricity_mix(energy.electricity_mix_data(["KAZ", "KGZ", "TJK", "TKM", "UZB"])),
        energy.describe_electricity_mix_over_time(energy.electricity_mix_over_time_data("KGZ")),
        energy.describe_fossil_production(energy.fossil_production_data()),
        water.describe_water_dependency(water.water_dependency_data()),
        water.describe_water_withdrawals(water.water_withdrawals_data()),
        water.describe_basin_flows(water.basin_flows_data()),
        trade.describe_trade_shares(trade.trade_shares_data()),
        trade.describe_trade_sides(trade.trade_sides_data("KGZ", 2019)),
        population.describe_population_projection(population.population_projection_data()),
        defence.describe_defence_then_now(defence.defence_then_now_data()),
    ]
    for text in texts:
        assert not re.search(r"\b(in|from|to|since|and) (1[ ,]9|2[ ,]0)\d\d\b", text), text  # years plain
        assert not re.search(r"\b1 times\b|\bAll [12]\b|\b1 countries\b", text), text
        assert not re.search(r"from (\S+ \S+) in \d{4} to \1 in", text), text  # 'goes from 10.8 to 10.8'
        assert "nan" not in text.lower().split() and text.endswith(".")
