"""country(), members(), indicator(): right answers, and clear answers to bad input."""
import datetime as dt

import pytest

import scocourse as sc
from scocourse.errors import (CourseError, OutOfRangeError, UnknownCountryError, UnknownDatasetError,
                              UnknownIndicatorError, UnknownNameError, WrongTypeError)


@pytest.mark.parametrize("text,code", [
    ("Kazakhstan", "KAZ"), ("kaz", "KAZ"), ("Kyrgyz Republic", "KGZ"), ("kyrgyzstan", "KGZ"), ("Türkiye", "TUR"),
    ("Turkiye", "TUR"), ("TURKEY", "TUR"), ("Iran, Islamic Rep.", "IRN"), ("Lao PDR", "LAO"), ("Russian Federation", "RUS"),
    ("  tajikistan ", "TJK"), ("World", "WLD"),
])
def test_country_accepts_names_aliases_and_codes(text, code):
    assert sc.country(text) == code


def test_country_name():
    assert sc.country_name("KGZ") == "Kyrgyzstan"


def test_unknown_country_suggests_nearest_names():
    with pytest.raises(UnknownCountryError) as err:
        sc.country("Kyrgystan")
    assert "Did you mean 'Kyrgyzstan'" in str(err.value)
    assert isinstance(err.value, KeyError) and isinstance(err.value, ValueError) and isinstance(err.value, CourseError)


def test_wrong_type_says_what_was_expected():
    with pytest.raises(WrongTypeError, match="name or ISO3 code"):
        sc.country(42)
    with pytest.raises(WrongTypeError, match="indicator should be"):
        sc.indicator(None)
    with pytest.raises(WrongTypeError, match="years should be"):
        sc.indicator("population", years="recent")
    with pytest.raises(WrongTypeError, match="YYYY-MM-DD"):
        sc.members(on="last summer")


def test_members_on_key_dates():
    founders = ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert sc.members(on="2001-06-15") == founders
    assert sc.members(on="1999-12-31", status="shanghai_five") == ["CHN", "KAZ", "KGZ", "RUS", "TJK"]
    assert sc.members(on="2017-06-08") == founders
    assert sc.members(on="2017-06-09") == sorted(founders + ["IND", "PAK"])
    assert sc.members(on="2024-07-04") == sorted(founders + ["IND", "PAK", "IRN", "BLR"])
    assert sc.members(on="2001-06-15", status="founding_member") == founders


def test_members_accepts_dates_years_and_lists_of_statuses():
    assert sc.members(on=dt.date(2010, 1, 1), status="observer") == ["IND", "IRN", "MNG", "PAK"]
    assert sc.members(on=2010, status=["observer", "dialogue_partner"]) == ["BLR", "IND", "IRN", "LKA", "MNG", "PAK"]
    assert "LAO" in sc.members(on="2025-09-01", status="partner")
    assert sc.status_on("Belarus", "2016-01-01") == "observer"
    assert sc.status_on("Turkmenistan", "2016-01-01") is None


def test_members_outside_the_data_says_the_range():
    with pytest.raises(OutOfRangeError, match="1996-04-26"):
        sc.members(on="1995-01-01")
    with pytest.raises(OutOfRangeError, match="to today"):
        sc.members(on="2999-01-01")


def test_unknown_status_lists_valid_ones():
    with pytest.raises(UnknownNameError, match="Valid statuses: shanghai_five"):
        sc.members(status="observers")


def test_indicator_tidy_frame():
    df = sc.indicator("population", countries=["Kazakhstan", "uzb"], years=(2000, 2002))
    assert list(df.columns) == ["iso3", "country", "year", "value", "unit"]
    assert len(df) == 6 and set(df["iso3"]) == {"KAZ", "UZB"} and set(df["unit"]) == {"persons"}
    assert (df["value"] > 1e6).all()
    assert sc.indicator("SP.POP.TOTL", "KAZ", years=2000)["value"].item() == df.loc[0, "value"]


def test_indicator_default_excludes_world_but_world_can_be_asked_for():
    assert "WLD" not in set(sc.indicator("gdp")["iso3"])
    assert set(sc.indicator("gdp", countries=["World"], years=2020)["iso3"]) == {"WLD"}


def test_derived_military_usd_is_pct_times_gdp():
    mil = sc.indicator("military_usd", "RUS", years=2020)["value"].item()
    pct = sc.indicator("military_pct_gdp", "RUS", years=2020)["value"].item()
    gdp = sc.indicator("gdp", "RUS", years=2020)["value"].item()
    assert mil == pytest.approx(pct / 100 * gdp)


def test_unknown_indicator_lists_valid_ones():
    with pytest.raises(UnknownIndicatorError) as err:
        sc.indicator("populaton")
    msg = str(err.value)
    assert "Did you mean 'population'" in msg and "Valid short names:" in msg and "gdp_per_capita" in msg


def test_year_out_of_range_says_the_range():
    with pytest.raises(OutOfRangeError, match=r"has data for 1990–2025"):
        sc.indicator("population", years=1960)


def test_unknown_dataset_lists_datasets():
    with pytest.raises(UnknownDatasetError, match="The datasets are: countries"):
        sc.datasets.load("populations")
    with pytest.raises(WrongTypeError):
        sc.datasets.load(3)


def test_errors_render_without_a_traceback_wall_in_ipython():
    err = UnknownCountryError("'X' is not one of the course countries.")
    assert err._render_traceback_() == ["UnknownCountryError: 'X' is not one of the course countries."]


# --------------------------------------------------------------------------- membership date boundaries
_SPELLS = [  # (iso3, status, start, end): one country moving observer -> member, one leaving
    ("IND", "observer", dt.date(2005, 7, 5), dt.date(2017, 6, 9)),
    ("IND", "member", dt.date(2017, 6, 9), None),
    ("UZB", "member", dt.date(2001, 6, 15), dt.date(2010, 1, 1)),
    ("KAZ", "shanghai_five", dt.date(1996, 4, 26), dt.date(2001, 6, 15)),
]


@pytest.fixture
def fake_spells(monkeypatch):
    from scocourse import _lookup

    monkeypatch.setattr(_lookup, "_spells", lambda: list(_SPELLS))


@pytest.mark.parametrize("day,expected", [
    ("2005-07-04", None), ("2005-07-05", "observer"),       # a spell starts on its start day
    ("2017-06-08", "observer"), ("2017-06-09", "member"),   # the end day belongs to the next spell
    (dt.date.today(), "member"),                            # open-ended spell lasts to today
])
def test_status_on_spell_boundaries(fake_spells, day, expected):
    assert sc.status_on("IND", day) == expected


def test_members_on_start_and_end_days(fake_spells):
    assert sc.members("2001-06-14") == []
    assert sc.members("2001-06-15") == ["UZB"]               # first day of the spell
    assert sc.members("2009-12-31") == ["UZB"]               # last day of the spell
    assert sc.members("2010-01-01") == []                    # the end date is the first day without it
    assert sc.members("2017-06-09") == ["IND"]
    assert sc.members("2001-06-14", status="shanghai_five") == ["KAZ"]
    assert sc.members("2001-06-15", status="shanghai_five") == []
    assert sc.members("1996-04-26", status="any") == ["KAZ"]  # first day of the data
    with pytest.raises(OutOfRangeError):
        sc.members("1996-04-25", status="any")


def test_month_and_year_dates_mean_their_last_day(fake_spells):
    assert sc.members("2009-12") == ["UZB"] and sc.members(2009) == ["UZB"]
    assert sc.members("2017-06") == ["IND"]                    # 30 June, after the 9 June change
    assert sc.status_on("IND", "2017-05") == "observer"


def test_every_spell_in_the_data_holds_from_its_start_to_the_day_before_its_end():
    m = sc.datasets.load("membership")
    for r in m.itertuples(index=False):
        start = r.start.date()
        assert r.iso3 in sc.members(start, status=r.status), (r.iso3, r.status, start)
        if r.end is not None and r.end == r.end:
            end = r.end.date()
            assert r.iso3 in sc.members(end - dt.timedelta(days=1), status=r.status), (r.iso3, r.status, end)
            assert r.iso3 not in sc.members(end, status=r.status), (r.iso3, r.status, end)
        if start > dt.date(1996, 4, 26):
            before = start - dt.timedelta(days=1)
            assert r.iso3 not in sc.members(before, status=r.status) or sc.status_on(r.iso3, before) == r.status


def test_public_validators_replace_the_private_ones():
    from scocourse import _lookup

    assert _lookup.as_date("2017-06") == dt.date(2017, 6, 30)
    assert _lookup.check_years((2000, 2002), 1990, 2024, "x") == [2000, 2001, 2002]
    assert _lookup.resolve_countries(["kaz", "Kyrgyz Republic"]) == ["KAZ", "KGZ"]
    assert _lookup.indicator_info("population").indicator == "SP.POP.TOTL"
    assert _lookup.indicator_catalog()["sp.pop.totl"].short_name == "population"
    with pytest.raises(UnknownIndicatorError, match="Did you mean"):
        _lookup.indicator_info("populaton")
    with pytest.raises(TypeError):
        _lookup.indicator_catalog()["x"] = None  # read-only
