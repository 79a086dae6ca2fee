"""In-process tests of the country-profile explorer (scocourse/explorers/country_profile.py).

The widget is built without a kernel: setting the Dropdown's value must redraw the Output by
assigning ``output.outputs``. A missing chart function is a failure, not a skip.
"""
from __future__ import annotations

import inspect
import re

import pytest

import scocourse as sc
from scocourse.errors import CourseError
from scocourse.explorers import country_profile as cp


def _texts(outputs) -> str:
    return "\n".join(o["data"].get("text/plain", "") for o in outputs)


def test_every_profile_state_has_cited_interests():
    assert len(cp.PROFILE_COUNTRIES) == len(set(cp.PROFILE_COUNTRIES)) >= 12
    for iso3 in cp.PROFILE_COUNTRIES:
        s = cp.stated_interests(iso3)
        assert s.headline and len(s.points) >= 2, iso3
        for text, tag in s.points:
            assert text.strip() and (tag in cp.SOURCES or tag == "background"), (iso3, tag)
        md = cp.interests_markdown(iso3)
        assert "Sources:" in md and sc.country_name(iso3) in md
        for src in s.sources():
            assert src.author in md and src.title in md


def test_interest_texts_type_no_quantities():
    """Prose summaries may mention years (2013, 2042) and names (201st, CASA-1000) but no quantities: those come from data."""
    for s in cp.INTERESTS.values():
        for text in [s.headline, s.contested, *(t for t, _ in s.points)]:
            numbers = re.findall(r"(?<![-\w])\d+(?:[.,]\d+)*(?!\d|st|nd|rd|th)", text)  # not in names: 201st, CASA-1000
            assert all(re.fullmatch(r"(19|20)\d\d", n) for n in numbers), (s.iso3, numbers)


def test_membership_text_shows_uncertainty_and_absence():
    assert "Never a member" in cp.membership_markdown("Turkmenistan")
    afg = cp.membership_markdown("AFG")
    assert "Uncertain" in afg and "observer" in afg
    assert "Disputed" in cp.membership_markdown("Belarus")


def test_dropdown_change_redraws_output():
    explorer = cp.build_country_profile("KAZ", sections=("membership", "interests"))
    before = explorer.output.outputs
    assert before and "Kazakhstan" in _texts(before)
    explorer.dropdown.value = "TJK"
    after = explorer.output.outputs
    assert after != before
    assert "Tajikistan" in _texts(after) and "Kazakhstan" not in _texts(after)
    assert [o["output_type"] for o in after] == ["display_data"] * len(after)


def test_indicator_and_energy_charts_in_profile():
    outputs = cp.profile_outputs("KGZ", indicators=("military_pct_gdp",), sections=("indicators", "energy"))
    pngs = [o for o in outputs if "image/png" in o["data"]]
    assert len(pngs) == 2
    assert all(o["metadata"]["image/png"]["alt"] for o in pngs)  # every chart has its description
    assert "Figure description" in _texts(outputs)


def test_missing_series_gives_a_note_not_an_error():
    # Turkmenistan reports no military spending after 1999, so a 2000-2024 window is empty.
    outputs = cp.profile_outputs("TKM", indicators=("military_pct_gdp",), sections=("indicators",))
    assert "No World Bank data" in _texts(outputs)


def test_full_profile_is_deterministic():
    first = cp.profile_outputs("UZB")
    second = cp.profile_outputs("UZB")
    assert first == second
    assert sum("image/png" in o["data"] for o in first) >= len(cp.DEFAULT_INDICATORS) + 2


def test_top_partners_count_the_eu_once():
    partners = cp.top_partners("RUS")
    assert len(partners) == cp.TRADE_PARTNERS and "WLD" not in partners
    assert not ({"EUU", "DEU"} <= set(partners))


@pytest.mark.parametrize("kwargs", [
    {"country": "Mongolia"},
    {"country": "Atlantis"},
    {"country": "KAZ", "sections": ("membership", "weather")},
    {"country": "KAZ", "sections": ()},
    {"country": "KAZ", "indicators": ("gdp_per_capita", "happiness")},
])
def test_bad_input_raises_course_errors(kwargs):
    with pytest.raises(CourseError):
        cp.profile_outputs(**kwargs)


def test_output_is_assigned_never_captured():
    from scocourse.explorers import base

    source = inspect.getsource(cp)
    assert "with self.output" not in source and "with out:" not in source
    assert issubclass(cp.CountryProfile, base.Explorer)
    assert "output.outputs = " in inspect.getsource(base)


def test_static_fallback_names_the_state_and_its_sources():
    text, html = cp.static_summary("IND")
    assert "India" in text and "Valdai 2014" in text and "run the notebook" in text
    assert html.startswith("<p><b>Country profile</b>") and "<li>" in html and "<script" not in html


def test_interests_come_from_the_cited_reference_table():
    from scocourse import datasets

    df = datasets.load("country_interests")
    assert set(cp.PROFILE_COUNTRIES) == set(df["iso3"]) and len(cp.PROFILE_COUNTRIES) == df["iso3"].nunique()
    for r in df.itertuples(index=False):
        if r.basis == "paraphrase":
            assert r.cite_keys and r.author and r.title and r.publisher and r.date and r.url.startswith("https://")
            assert r.cite_keys in cp.SOURCES and cp.SOURCES[r.cite_keys].url == r.url
        elif r.basis in ("background", "course summary"):
            assert not r.cite_keys
    kaz = cp.stated_interests("KAZ")
    assert kaz.headline == df[(df.iso3 == "KAZ") & (df.kind == "headline")]["text"].iloc[0]
    assert cp.SOURCES["Saltybayev"].year == "2018"  # dated from the publisher's page
