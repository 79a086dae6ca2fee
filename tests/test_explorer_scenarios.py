"""Tests of the scenario builder (scocourse/explorers/scenarios.py): texts, signposts, figures, widget."""
from __future__ import annotations

import itertools
import re
import subprocess
import sys

import pytest

import scocourse
from scocourse import datasets
from scocourse.errors import CourseError
from scocourse.explorers import scenarios as S

ALL_CHOICES = [dict(zip([d.key for d in S.DRIVERS], combo))
               for combo in itertools.product(*[[s.key for s in d.states] for d in S.DRIVERS])]


def test_import_is_light():
    code = ("import sys, scocourse.explorers.scenarios; "
            "bad = [m for m in ('matplotlib', 'ipywidgets', 'pandas') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_drivers_and_quadrants_are_consistent():
    axes = {d.axis: d for d in S.DRIVERS if d.axis}
    assert set(axes) == {"x", "y"}
    keys = set(itertools.product([s.key for s in axes["x"].states], [s.key for s in axes["y"].states]))
    assert set(S.QUADRANTS) == keys
    assert len({name for name, _ in S.QUADRANTS.values()}) == 4
    for d in S.DRIVERS:
        assert len(d.states) >= 2 and len({s.key for s in d.states}) == len(d.states)
        for s in d.states:
            assert s.text.strip() and s.watch.strip()


@pytest.mark.parametrize("chosen", ALL_CHOICES, ids=lambda c: "-".join(c.values()))
def test_every_combination_gives_a_complete_deterministic_text(chosen):
    text = S.scenario_text(**chosen)
    assert text == S.scenario_text(**chosen)
    name = S.QUADRANTS[(chosen["afghanistan"], chosen["russia_china"])][0]
    assert name in text and S.scenario_name(**chosen) == name
    for d in S.DRIVERS:
        assert d.state(chosen[d.key]).text in text
    assert "Demography" in text
    assert "0x" not in text and not re.search(r"\bnan\b", text, flags=re.IGNORECASE)


def test_demography_numbers_come_from_the_data():
    d = S.demography_numbers()
    pop = datasets.load("population_projections")
    ca = pop[pop["iso3"].isin(S.CENTRAL_ASIA)]
    assert d["population_2050"] == pytest.approx(ca[ca["year"] == 2050]["population"].sum())
    first = d["first_projection_year"]
    assert (ca[ca["year"] == first]["kind"] == "projection").all()
    assert (ca[ca["year"] == first - 1]["kind"] == "estimate").all()
    wa = scocourse.indicator("working_age_population", countries=list(S.CENTRAL_ASIA))
    last = d["working_age_last_year"]
    tot = wa.groupby("year")["value"].sum()
    assert d["working_age_mean_increase_10y"] == pytest.approx((tot[last] - tot[last - 10]) / 10)
    assert f"{d['population_2050'] / 1e6:.1f} million" in S.scenario_text()


def test_tensions():
    assert S.tensions(energy="low", migration="open")
    assert not S.tensions(energy="high", water="unilateral", afghanistan="contained", migration="open")
    note = S.tensions(energy="low", migration="open")[0]
    pct = S.demography_numbers()["remittances_tjk_kgz_change_2013_2015_pct"]
    assert f"{pct:+.0f}%" in note
    assert "Tensions to resolve" in S.scenario_text(energy="low", migration="open")
    assert "none flagged" in S.scenario_text(energy="high", water="unilateral")


def test_signposts_match_the_datasets():
    sp = S.signposts()
    assert set(sp["driver"]) == {d.key for d in S.DRIVERS}
    row = sp[sp["signpost"] == "Remittances received, Tajikistan"].iloc[0]
    rem = scocourse.indicator("remittances_pct_gdp", countries=["TJK"]).dropna(subset=["value"])
    latest = rem.sort_values("year").iloc[-1]
    assert row["value"] == pytest.approx(latest["value"]) and row["year"] == latest["year"]
    wf = datasets.load("water_facts")
    tok = wf[wf["label"] == "Toktogul storage in September"].iloc[0]
    assert sp[sp["signpost"] == "Toktogul storage before winter"].iloc[0]["value"] == pytest.approx(tok["value"])
    qosh = sp[sp["signpost"].str.startswith("Qosh Tepa")].iloc[0]
    assert qosh["uncertain"]  # uncertain facts stay flagged
    afg = sp[sp["signpost"].str.startswith("Afghanistan's SCO status")].iloc[0]
    assert afg["value_text"] and afg["uncertain"]
    shares = sp[sp["driver"] == "russia_china"]["value"].iloc[:2]
    assert ((shares > 0) & (shares < 100)).all()
    sp.loc[0, "signpost"] = "changed"  # a copy
    assert S.signposts().loc[0, "signpost"] != "changed"


def test_working_age_table_and_youth_entrants():
    t = S.working_age_table()
    est = t[t["kind"] == "estimate (WDI)"]
    wa = scocourse.indicator("working_age_population", countries=list(S.CENTRAL_ASIA))
    tot = wa.groupby("year")["value"].sum()
    assert est.set_index("year")["working_age"].to_dict() == pytest.approx(tot.loc[est["year"]].to_dict())
    assert t["year"].is_monotonic_increasing and t["year"].max() == 2050
    assert (t[t["kind"] == "illustration"]["year"] > est["year"].max()).all()
    y = S.youth_entrants()
    assert y["per_year"] == pytest.approx(y["aged_0_14"] / 15)
    assert sum(y["by_country"].values()) == pytest.approx(y["per_year"])


def test_figures_have_descriptions_and_are_deterministic():
    from scocourse.charts.figure import png_bytes

    a = S.scenario_matrix_figure(afghanistan="spillover", russia_china="competitive")
    b = S.scenario_matrix_figure(afghanistan="spillover", russia_china="competitive")
    assert "Fractured frontier" in a.description and png_bytes(a) == png_bytes(b)
    w = S.working_age_figure()
    assert "thousand" in w.description and w.source


def test_bad_input_raises_helpful_course_errors():
    with pytest.raises(CourseError, match="afghanistan"):
        S.scenario_text(afganistan="contained")
    with pytest.raises(CourseError, match="'contained'"):
        S.scenario_text(afghanistan="containd")
    with pytest.raises(CourseError, match="string"):
        S.scenario_text(energy=3)


def test_widget_updates_in_process():
    b = S.build_scenario_builder()
    first = b.output.outputs
    assert first and first[0]["data"]["text/markdown"] == S.scenario_text()
    assert any("image/png" in o["data"] for o in first)
    assert any("text/html" in o["data"] and "Signposts" in o["data"]["text/html"] for o in first)
    b.buttons["afghanistan"].value = "spillover"
    b.buttons["russia_china"].value = "competitive"
    assert b.choices["afghanistan"] == "spillover"
    assert "Fractured frontier" in b.text
    assert b.output.outputs[0]["data"]["text/markdown"] == S.scenario_text(afghanistan="spillover",
                                                                           russia_china="competitive")
    assert b.output.outputs != first
    b.buttons["energy"].value = "low"
    b.buttons["migration"].value = "open"
    assert "Tensions to resolve" in b.text


def test_preset_choices_and_display_returns_none(capsys):
    b = S.build_scenario_builder(water="unilateral")
    assert b.buttons["water"].value == "unilateral"
    assert S.scenario_builder(energy="low") is None


def test_drivers_come_from_the_cited_reference_table():
    df = datasets.load("scenario_drivers")
    assert [d.key for d in S.DRIVERS] + [S.MATRIX] == list(dict.fromkeys(df["driver"]))
    assert len(S.QUADRANTS) == 4 and S.scenario_name(afghanistan="spillover", russia_china="competitive") == (
        df.loc[(df["driver"] == S.MATRIX) & (df["state"] == "spillover|competitive"), "state_label"].iloc[0])
    for r in df.itertuples(index=False):
        if r.driver == S.MATRIX:
            assert S.QUADRANTS[tuple(r.state.split("|"))] == (r.state_label, r.text)
        else:
            assert S._by_key()[r.driver].state(r.state).text == r.text
        if r.basis == "paraphrase":
            n = len(r.cite_keys.split(" | "))
            for field in ("author", "title", "publisher", "date", "url"):
                assert len(getattr(r, field).split(" | ")) == n, (r.driver, r.state, field)
            assert all(u.startswith("https://") for u in r.url.split(" | "))
        else:
            assert r.basis == "background" and not r.cite_keys
    assert S.CENTRAL_ASIA == tuple(scocourse.central_asia())
    assert datasets.describe("scenario_drivers").sources and datasets.describe("scenario_drivers").units["url"] == "url"
