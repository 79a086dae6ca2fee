"""Lesson 05: the conflict chart (data step, description, drawing, errors) and the conflict explorer."""
from __future__ import annotations

import subprocess
import sys

import pytest

from scocourse import datasets
from scocourse.charts import conflict as C
from scocourse.errors import CourseError


def test_import_is_light():
    code = ("import sys, scocourse.charts, scocourse.explorers.conflict; "
            "print([m for m in ('matplotlib', 'ipywidgets') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_data_step_is_tidy_and_matches_the_dataset():
    df = C.conflict_deaths_data(["Tajikistan", "KGZ"], years=(1992, 2000))
    assert list(df.columns) == ["iso3", "country", "year", "type_of_violence", "best", "low", "high", "active"]
    assert list(dict.fromkeys(df["iso3"])) == ["TJK", "KGZ"]
    assert len(df) == 2 * 9 * 3 and not df.duplicated(["iso3", "year", "type_of_violence"]).any()
    raw = datasets.load("conflict")
    want = raw[(raw["iso3"] == "TJK") & (raw["year"] == 1992) & (raw["type_of_violence"] == "state_based")]["best"].iloc[0]
    got = df[(df["iso3"] == "TJK") & (df["year"] == 1992) & (df["type_of_violence"] == "state_based")]["best"].iloc[0]
    assert got == want


def test_data_step_by_country_sums_the_types():
    by_type = C.conflict_deaths_data(["TJK"], years=1992)
    by_country = C.conflict_deaths_data(["TJK"], years=1992, by="country")
    assert len(by_country) == 1
    assert by_country["best"].iloc[0] == by_type["best"].sum() and bool(by_country["active"].iloc[0])


def test_summary_ranks_tajikistan_above_kyrgyzstan_and_finds_the_peak():
    t = C.conflict_summary(["KGZ", "TJK", "KAZ"])
    assert t.loc["Tajikistan", "total"] > t.loc["Kyrgyzstan", "total"] > t.loc["Kazakhstan", "total"] == 0
    assert t.loc["Tajikistan", "peak_year"] == 1992
    assert t.loc["Tajikistan", "total"] == t.loc["Tajikistan", ["state_based", "non_state", "one_sided"]].sum()


def test_description_is_generated_from_the_data():
    frame = C.conflict_deaths_data(["KGZ", "TJK"], years=(2021, 2022))
    text = C.conflict_description(frame)
    total_tjk = int(frame[frame["iso3"] == "TJK"]["best"].sum())
    assert f"Tajikistan {total_tjk:,}" in text and "2021–2022" in text
    assert "state-based" in text
    quiet = C.conflict_description(C.conflict_deaths_data(["KAZ", "TKM"]))
    assert "no deaths" in quiet and "not the same as no violence" in quiet


def test_rule_states_the_threshold():
    assert "25" in C.ucdp_rule("state_based") and "civilians" in C.ucdp_rule("one_sided")
    assert "not in the data" in C.ucdp_rule()


@pytest.mark.parametrize("bad", [
    dict(countries=["Atlantis"]), dict(countries=[]), dict(years=1066), dict(years="recent"), dict(by="colour"),
])
def test_bad_input_gives_a_course_error_with_a_message(bad):
    with pytest.raises(CourseError) as info:
        C.conflict_deaths_data(**bad)
    assert len(str(info.value)) > 20


def test_bad_estimate_and_kind():
    with pytest.raises(CourseError, match="best"):
        C.conflict_summary(["TJK"], estimate="median")
    with pytest.raises(CourseError, match="state_based"):
        C.ucdp_rule("riots")


def test_chart_returns_a_course_figure_with_description_and_source():
    from scocourse import charts

    fig = charts.conflict_deaths(["KGZ", "TJK"], years=(2010, 2024))
    assert fig.description == C.conflict_description(C.conflict_deaths_data(["KGZ", "TJK"], (2010, 2024)))
    assert fig.source.startswith("Source: UCDP organized violence v25.1")
    assert "2010–2024" in fig.title
    lines = charts.conflict_deaths(["TJK", "AFG", "KAZ"], by="country")
    assert "Afghanistan" in lines.description and "Kazakhstan: none coded" in lines.description
    with pytest.raises(CourseError):
        charts.conflict_deaths(["TJK"], by="colour")


def test_explorer_live_update_changes_outputs():
    pytest.importorskip("ipywidgets")
    from scocourse.explorers import conflict as X

    ex = X.build_conflict_explorer(("KGZ", "TJK"))
    before = ex.output.outputs
    assert len(before) == 3 and "image/png" in before[0]["data"]
    note_before = ex.note
    ex.years.value = (2019, 2024)
    after = ex.output.outputs
    assert after != before and ex.note != note_before and "2019–2024" in ex.note
    assert "Government of Kyrgyzstan - Government of Tajikistan" in ex.note
    ex.countries.value = ()
    assert ex.output.outputs[0]["data"]["text/plain"] == "Select at least one country."
    assert "25" in ex.rule.value and "Andijan" in ex.rule.value


def test_explorer_bad_input():
    pytest.importorskip("ipywidgets")
    from scocourse.explorers import conflict as X

    with pytest.raises(CourseError):
        X.build_conflict_explorer(("KGZ",), years=(1900, 2024))
    with pytest.raises(CourseError):
        X.build_conflict_explorer(())
