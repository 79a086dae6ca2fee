"""Lesson 09 data: the glaciers dataset (WGMS glaciers in mm w.e., regional estimates in m w.e.) and the
2025 electricity vintage appended to ``energy``."""
import json

from scocourse import datasets

VINTAGE_2024 = "OWID chart download 2024 (Ember/Energy Institute)"
VINTAGE_2025 = "OWID chart download 2025 (Ember 2025/Energy Institute 2025, to 2024)"


def _pkg():
    pkg = json.loads((datasets.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r for r in pkg["resources"]}


def test_glaciers_in_the_datapackage_with_licence_citations_and_caveats():
    assert "glaciers" in datasets.names()
    r = _pkg()["glaciers"]
    lic = r["licenses"][0]
    assert lic["name"] == "WGMS-data-policy" and "acknowledgement" in lic["title"]
    titles = " ".join(s["title"] for s in r["sources"])
    assert "doi:10.5904/wgms-fog-2021-05" in titles and "Global Glacier Change Bulletin No. 4" in titles
    assert "Zemp et al. (2019)" in titles and "Nature 568" in titles and "10.1038/s41586-019-1071-0" in titles
    assert r["sources"][0]["commit"] == "f15dcbc2da31b313680232ed80aad3b194d378e1"
    assert r["sources"][1]["commit"] == "c6ad10e04621f623ea48a669db9836fb454d6573"
    d = r["description"]
    assert "No Tajik glacier" in d.replace("no Tajik glacier", "No Tajik glacier")
    assert "UNITS DIFFER" in d and "ad-hoc" in d
    assert datasets.source_line("glaciers").startswith("Source: WGMS FoG 2021-05")


def test_units_are_explicit_per_row_and_in_the_schema():
    units = datasets.describe("glaciers").units
    assert "mm w.e." in units["value"] and "m w.e." in units["value"]
    g = datasets.load("glaciers")
    assert set(g.loc[g["kind"] == "glacier", "unit"]) == {"mm w.e."}
    assert set(g.loc[g["kind"] == "region", "unit"]) == {"m w.e."}
    assert not g.duplicated(["kind", "series_id", "variable", "year"]).any()
    # rows follow the raw extracts (PROVENANCE.md: 1,048 glacier rows, 378 regional rows)
    assert (g["kind"] == "glacier").sum() == 1048 and (g["kind"] == "region").sum() == 378
    assert g.loc[g["kind"] == "glacier", "series_id"].nunique() == 51
    # magnitudes confirm the units: glacier balances are hundreds of mm, regional ones below ~2 m
    assert g.loc[(g["kind"] == "glacier") & (g["variable"] == "annual_balance"), "value"].abs().max() > 100
    assert g.loc[g["kind"] == "region", "value"].abs().max() < 3


def test_tuyuksu_lost_mass_since_1990_and_the_four_course_glaciers_are_there():
    g = datasets.load("glaciers")
    ann = g[(g["kind"] == "glacier") & (g["variable"] == "annual_balance")]
    names = set(ann["name"])
    for n in ("Tsentralniy Tuyuksu", "Abramov", "Golubin", "Urumqi No. 1 (east branch)"):
        assert n in names
    tuy = ann[ann["name"] == "Tsentralniy Tuyuksu"]
    assert int(tuy["year"].min()) == 1990 and int(tuy["year"].max()) == 2020
    assert tuy["value"].sum() < 0  # cumulative balance negative since 1990 (mm w.e.)
    assert (tuy["value"] < 0).mean() > 0.6
    assert set(ann.loc[ann["name"] == "Tsentralniy Tuyuksu", "iso3"]) == {"KAZ"}
    assert set(ann.loc[ann["name"] == "Abramov", "rgi_region"]) == {"13"}


def test_regional_series_for_central_asia_has_an_uncertainty_each_year():
    g = datasets.load("glaciers")
    asc = g[(g["kind"] == "region") & (g["series_id"] == "ASC")]
    assert set(asc["name"]) == {"Central Asia (RGI 13)"}
    wide = asc.pivot(index="year", columns="variable", values="value")
    assert {"annual_balance", "annual_balance_uncertainty", "annual_balance_anomaly_2006_2016"} <= set(wide.columns)
    assert list(wide.index) == list(range(2000, 2021))
    assert wide["annual_balance_uncertainty"].notna().all() and (wide["annual_balance_uncertainty"] > 0).all()
    assert wide["annual_balance"].mean() < 0


def test_energy_keeps_both_electricity_vintages_apart():
    e = datasets.load("energy")
    el = e[e["measure"] == "electricity_generation"]
    assert set(el["vintage"]) == {VINTAGE_2024, VINTAGE_2025}
    new, old = el[el["vintage"] == VINTAGE_2025], el[el["vintage"] == VINTAGE_2024]
    assert len(new) == 7137  # PROVENANCE.md: 7,137 long rows
    assert int(new["year"].max()) == 2024 and int(old["year"].max()) == 2023
    for c in ("KAZ", "KGZ", "TJK", "CHN", "RUS"):
        assert int(new.loc[new["iso3"] == c, "year"].max()) == 2024
    assert set(new["fuel"]) <= set(old["fuel"])  # same fuel names in both vintages
    assert set(new["unit"]) == {"TWh"}
    # the vintages are distinct releases: values were revised where they overlap (e.g. Uzbekistan 2022 hydro)
    key = ["iso3", "year", "fuel"]
    both = old.merge(new, on=key, suffixes=("_old", "_new"))
    assert len(both) > 1000
    assert (both["value_old"] != both["value_new"]).any()
    uzb = both[(both["iso3"] == "UZB") & (both["year"] == 2022) & (both["fuel"] == "hydro")].iloc[0]
    assert uzb["value_old"] != uzb["value_new"]
    # no duplicates inside a vintage
    assert not el.duplicated(key + ["vintage"]).any()
    r = _pkg()["energy"]
    assert "never splice" in r["description"] and "2025" in r["description"]
    assert any("Ember (2025)" in s["title"] for s in r["sources"])
    assert "OWID/Ember (2025)" in datasets.source_line("energy")
