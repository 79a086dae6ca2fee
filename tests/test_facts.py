"""scocourse.facts: one meaning for each computed fact."""
import datetime as dt

import pandas as pd
import pytest

import scocourse as sc
from scocourse.errors import CourseError


def test_central_asia_is_the_five_states():
    assert sc.central_asia() == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]


def test_membership_changes_have_starts_and_ends_on_the_spell_boundaries():
    ch = sc.membership_changes()
    assert list(ch.columns) == ["date", "iso3", "country", "status", "change"]
    ind = ch[(ch["iso3"] == "IND")]
    assert ((ind["status"] == "observer") & (ind["change"] == "ends") & (ind["date"] == dt.date(2017, 6, 9))).any()
    assert ((ind["status"] == "member") & (ind["change"] == "starts") & (ind["date"] == dt.date(2017, 6, 9))).any()
    # the boundary day belongs to the new spell: a member on 9 June 2017, an observer the day before
    assert sc.status_on("IND", "2017-06-09") == "member"
    assert sc.status_on("IND", "2017-06-08") == "observer"
    assert list(ch["date"]) == sorted(ch["date"])


def test_latest_membership_change_ignores_future_dates():
    last = sc.latest_membership_change()
    assert last == max(sc.membership_changes()["date"])
    assert sc.latest_membership_change(today=dt.date(2017, 6, 8)) < dt.date(2017, 6, 9)
    assert sc.latest_membership_change(today=dt.date(2017, 6, 9)) == dt.date(2017, 6, 9)


def test_partner_records_of_kyrgyzstan_2019_give_china_the_largest_share():
    own = sc.partner_shares("KGZ", years=2019, side="reporter")
    mirror = sc.partner_shares("KGZ", years=2019, side="partner")
    assert set(own["side"]) == {"reporter"} and set(mirror["side"]) == {"partner"}
    assert mirror.iloc[0]["partner"] == "CHN"
    chn_own = own[own["partner"] == "CHN"].iloc[0]
    chn_mirror = mirror[mirror["partner"] == "CHN"].iloc[0]
    assert chn_mirror["value"] > 3 * chn_own["value"]          # China records far more than Kyrgyzstan
    assert chn_mirror["total"] == chn_own["total"]             # the same denominator on both sides


def test_partner_shares_computes_from_both_flows_and_skips_incomplete_years():
    t = pd.DataFrame({"reporter": ["AAA", "AAA", "AAA", "AAA", "BBB", "BBB", "AAA"],
                      "partner": ["BBB", "BBB", "WLD", "WLD", "AAA", "AAA", "BBB"],
                      "flow": ["exports", "imports", "exports", "imports", "exports", "imports", "exports"],
                      "year": [2000, 2000, 2000, 2000, 2000, 2000, 2001],
                      "value": [10.0, 30.0, 100.0, 100.0, 50.0, 5.0, 7.0]})
    own = sc.partner_shares(["KAZ"], data=t.replace({"AAA": "KAZ"}))
    assert list(own["share"]) == [20.0] and list(own["year"]) == [2000]   # 2001 has one flow only: left out
    mirror = sc.partner_shares(["KAZ"], data=t.replace({"AAA": "KAZ"}), side="partner")
    assert list(mirror["value"]) == [55.0] and list(mirror["share"]) == [27.5]


@pytest.mark.parametrize("kwargs", [{"side": "mirror"}, {"years": 1900}, {"data": "trade"}])
def test_partner_shares_bad_input_is_a_course_error(kwargs):
    with pytest.raises(CourseError) as e:
        sc.partner_shares("KGZ", **kwargs)
    assert str(e.value)


def test_hypothesis_runs_derandomised_by_default():
    """CI's profile is reproducible: the same examples every run (tests/conftest.py)."""
    import os

    from hypothesis import settings

    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        assert settings.default.derandomize is True and settings.default.database is None
    assert {"ci", "dev", "wide"} <= set(settings._profiles)


def test_latest_complete_year_needs_every_country_and_the_world():
    members = sc.members("2024-12-31")
    year = sc.facts.latest_complete_year(["population", "gdp"], members)
    pop = sc.indicator("population", countries=members + ["WLD"], years=year).dropna(subset=["value"])
    assert set(pop["iso3"]) == set(members) | {"WLD"}
    both = [sc.indicator(n, countries=members + ["WLD"]).dropna(subset=["value"]) for n in ("population", "gdp")]
    later = [y for y in range(year + 1, 2100)
             if all(set(d.loc[d["year"] == y, "iso3"]) >= set(members) | {"WLD"} for d in both)]
    assert not later
    with pytest.raises(CourseError):
        sc.facts.latest_complete_year(["population"], ["Atlantis"])
