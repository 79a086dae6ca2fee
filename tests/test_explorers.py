"""In-process tests of the membership-map and indicator explorers: change a control, the output changes."""
import pytest

from scocourse.explorers.indicators import build_indicator_explorer
from scocourse.explorers.membership import MembershipMapExplorer, latest_membership_date, map_date


def _texts(outputs):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in outputs]


def test_membership_map_follows_the_slider():
    ex = MembershipMapExplorer()
    first = _texts(ex.output.outputs)
    assert "Shanghai Five" in " ".join(first)
    ex.slider.value = 2017
    second = _texts(ex.output.outputs)
    assert second != first and "2017" in " ".join(second)


def test_map_date_uses_year_end_or_the_latest_data_date():
    last = latest_membership_date()
    assert map_date(2010) == "2010-12-31"
    assert map_date(last.year) == last


def test_indicator_explorer_redraws_on_a_new_indicator_and_countries():
    ex = build_indicator_explorer("gdp_per_capita", countries=["KAZ", "TJK"])
    before = ex.output.outputs
    ex.indicator.value = "SP.POP.TOTL"
    assert ex.output.outputs != before
    ex.countries.value = ()
    assert _texts(ex.output.outputs) == ["Select at least one country."]


def test_indicator_explorer_unknown_country_is_a_clear_error():
    from scocourse.errors import CourseError

    with pytest.raises(CourseError, match="Kyrgyzstan"):
        build_indicator_explorer("gdp", countries=["Kyrgystan"])
