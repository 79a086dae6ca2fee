"""Lesson 06 data: the UN DESA migrant-stock dataset (destination x origin x year) in the datapackage."""
import json

import pandas as pd

import scocourse as sc
from scocourse import datasets


def _pkg_entry():
    pkg = json.loads((datasets.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r for r in pkg["resources"]}["migration"]


def test_migration_is_in_the_datapackage_with_licence_citation_and_caveat():
    assert "migration" in datasets.names()
    res = _pkg_entry()
    assert res["licenses"][0]["name"] == "CC-BY-3.0-IGO"
    src = res["sources"][0]
    assert src["publisher"] == "United Nations, Department of Economic and Social Affairs, Population Division"
    assert "International Migrant Stock 2019" in src["title"] and "(2019)" in src["title"]
    assert src["commit"] == "dfa46c6512b0242bd3c82b822ed21a06eb2d7fcf"
    text = res["description"]
    assert "NOT counts of labour migrants" in text and "BORN IN ANOTHER COUNTRY" in text
    assert "do not mix editions" in text
    assert datasets.source_line("migration").startswith("Source: UN DESA International Migrant Stock 2019")


def test_units_and_columns():
    res = _pkg_entry()
    units = {f["name"]: f["unit"] for f in res["schema"]["fields"]}
    assert units["migrants"] == "persons" and units["year"] == "year"
    m = datasets.load("migration")
    assert list(m.columns) == ["destination", "destination_name", "origin", "origin_name", "year", "migrants"]
    assert pd.api.types.is_integer_dtype(m["migrants"]) and (m["migrants"] > 0).all()
    assert sorted(m["year"].unique()) == [1990, 1995, 2000, 2005, 2010, 2015, 2019]
    assert not m.duplicated(["destination", "origin", "year"]).any()


def test_same_rows_as_the_raw_extract():
    m = datasets.load("migration")
    assert len(m) == 16863  # PROVENANCE.md: 16,863 rows
    course = set(datasets.load("countries")["iso3"])
    assert (m["destination"].isin(course) | m["origin"].isin(course)).all()


def test_russia_is_the_largest_destination_of_central_asian_born_persons_in_2019():
    m = datasets.load("migration")
    ca = sc.central_asia()
    by_dest = m[m["origin"].isin(ca) & (m["year"] == 2019)].groupby("destination")["migrants"].sum()
    assert by_dest.idxmax() == "RUS"
    assert by_dest.sort_values().index[-2] == "DEU"


def test_values_match_the_provenance_snapshot():
    m = datasets.load("migration").set_index(["origin", "destination", "year"])["migrants"]
    assert m[("UZB", "RUS", 2019)] == 1146535
    assert m[("KGZ", "RUS", 2019)] == 591211
    assert m[("TJK", "RUS", 2019)] == 466399
    assert m[("KAZ", "DEU", 2019)] == 940296


def test_remittances_share_of_gdp_is_available_for_the_lesson():
    r = sc.indicator("remittances_pct_gdp", countries=["TJK", "KGZ"], years=2022)
    assert len(r) == 2 and (r["unit"] == "% of GDP").all() and (r["value"] > 10).all()
