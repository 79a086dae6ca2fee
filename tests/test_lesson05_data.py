"""Lesson 05 data: the UCDP conflict datasets (country-year deaths by type; UCDP/PRIO conflict-years)."""
import json

import pandas as pd

from scocourse import datasets


def _pkg():
    pkg = json.loads((datasets.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r for r in pkg["resources"]}


def test_both_resources_are_in_the_datapackage_with_licence_citation_and_caveats():
    names = datasets.names()
    assert "conflict" in names and "armed_conflicts" in names
    res = _pkg()
    cy, acd = res["conflict"], res["armed_conflicts"]
    for r in (cy, acd):
        assert r["licenses"][0]["name"] == "CC-BY-4.0" and "verify" in r["licenses"][0]["title"]
        assert r["sources"][0]["path"] == "https://ucdp.uu.se/downloads/"
        assert "Uppsala" in r["sources"][0]["publisher"]
    assert "Davies" in cy["sources"][0]["title"] and "Journal of Peace Research 62(4)" in cy["sources"][0]["title"]
    assert "Gleditsch" in acd["sources"][0]["title"] and "39(5)" in acd["sources"][0]["title"]
    assert cy["sources"][0]["commit"] == "cff42488f8d5faf44662cdd4cc73fa108413960c"
    assert acd["sources"][0]["commit"] == "93901c43a6c810cf3f5d5972404c9f85337f5ebe"
    # PROVENANCE caveats carried into the descriptions
    assert "Andijan" in cy["description"] and "January 2022" in cy["description"]
    assert "25 battle-related deaths" in cy["description"] and "country where the violence happened" in cy["description"]
    assert "reconstructed" in acd["description"] and "11349" in acd["description"]
    assert datasets.source_line("conflict").startswith("Source: UCDP organized violence v25.1")
    assert datasets.source_line("armed_conflicts").startswith("Source: UCDP/PRIO Armed Conflict Dataset v25.1")


def test_units_and_columns():
    units = datasets.describe("conflict").units
    assert units["best"] == units["low"] == units["high"] == "deaths"
    c = datasets.load("conflict")
    assert list(c.columns) == ["iso3", "year", "type_of_violence", "best", "low", "high", "active", "dyads"]
    assert set(c["type_of_violence"]) == {"state_based", "non_state", "one_sided"}
    assert all(pd.api.types.is_integer_dtype(c[k]) for k in ("best", "low", "high"))
    assert (c["low"] <= c["high"]).mean() > 0.99
    outside = c[(c["low"] > c["best"]) | (c["best"] > c["high"])]  # as published by UCDP; the description says so
    assert len(outside) <= 5 and "outside its low-high range" in datasets.describe("conflict").description
    assert not c.duplicated(["iso3", "year", "type_of_violence"]).any()
    assert c["iso3"].nunique() == 28 and int(c["year"].min()) == 1990 and int(c["year"].max()) == 2024
    assert datasets.describe("armed_conflicts").units["intensity"] == "category"


def test_row_counts_follow_the_raw_extract():
    # PROVENANCE.md: 56,376 long rows = 972 country-years x 58 variables; ACD extract 685 conflict-years
    c = datasets.load("conflict")
    assert len(c) == 972 * 3
    assert len(datasets.load("armed_conflicts")) == 685


def test_the_reconstructed_row_is_flagged_and_only_it():
    a = datasets.load("armed_conflicts")
    assert a["reconstructed"].dtype == "boolean"
    flagged = a[a["reconstructed"]]
    assert len(flagged) == 1
    row = flagged.iloc[0]
    assert (row["conflict_id"], row["year"], row["location"]) == (11349, 2008, "China")


def test_tajikistan_1992_deaths_exceed_kyrgyzstan_and_the_civil_war_is_coded():
    c = datasets.load("conflict")
    total = c[c["year"] == 1992].groupby("iso3")["best"].sum()
    assert total["TJK"] > total["KGZ"]
    sb = c[(c["iso3"] == "TJK") & (c["year"] == 1992) & (c["type_of_violence"] == "state_based")].iloc[0]
    assert sb["best"] == 3355 and bool(sb["active"]) and "UTO" in sb["dyads"]  # PROVENANCE: 3,355 in 1992


def test_kyrgyz_tajik_border_conflict_2022_is_state_based_and_interstate():
    a = datasets.load("armed_conflicts")
    border = a[(a["year"] == 2022) & (a["location_iso3"] == "KGZ;TJK")]
    assert len(border) == 1
    row = border.iloc[0]
    assert row["type"] == "interstate" and row["incompatibility"] == "territory" and row["territory"] == "Common Border"
    assert set(a.loc[a["conflict_id"] == row["conflict_id"], "year"]) == {2021, 2022}
    c = datasets.load("conflict")
    sb = c[(c["year"] == 2022) & (c["type_of_violence"] == "state_based") & c["iso3"].isin(["KGZ", "TJK"])]
    assert (sb["best"] > 0).all() and sb["dyads"].str.contains("Government of Kyrgyzstan - Government of Tajikistan").all()


def test_andijan_and_january_2022_are_absent_by_definition():
    c = datasets.load("conflict").set_index(["iso3", "year", "type_of_violence"])
    for iso3, year in (("UZB", 2005), ("KAZ", 2022)):
        for kind in ("state_based", "one_sided"):
            assert not bool(c.loc[(iso3, year, kind), "active"])
