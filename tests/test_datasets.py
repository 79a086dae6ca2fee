"""The data layer: datasets load, are cached, describe themselves and match their package."""
import hashlib
import json
import subprocess
import sys

import pandas as pd
import pytest

from scocourse import datasets


def test_names_lists_every_resource():
    names = datasets.names()
    for wanted in ["countries", "membership", "events", "indicators", "indicator_catalog", "energy", "water",
                   "water_facts", "trade", "population_projections", "infrastructure", "seed_2014_tables",
                   "seed_figures", "boundaries"]:
        assert wanted in names


@pytest.mark.parametrize("name", [n for n in datasets.names() if n != "boundaries"])
def test_load_returns_a_frame_with_the_schema_columns(name):
    df = datasets.load(name)
    assert isinstance(df, pd.DataFrame) and len(df) > 0
    assert list(df.columns) == [f["name"] for f in datasets.describe(name).fields]


def test_load_returns_a_copy_callers_may_change():
    a = datasets.load("countries")
    a.loc[0, "name"] = "changed"
    a["extra"] = 1
    b = datasets.load("countries")
    assert "changed" not in set(b["name"]) and "extra" not in b.columns


def test_load_is_cached():
    datasets.load("trade")
    before = datasets._read_cached.cache_info().hits
    datasets.load("trade")
    assert datasets._read_cached.cache_info().hits == before + 1


@pytest.mark.parametrize("bad", [["trade"], ("trade", "energy"), {"trade"}])
def test_a_list_of_names_gets_a_clear_message(bad):
    from scocourse.errors import CourseError, WrongTypeError

    for call in (datasets.load, datasets.describe, datasets.source_line):
        with pytest.raises(WrongTypeError, match="one string") as info:
            call(bad)
        assert isinstance(info.value, CourseError) and "unhashable" not in str(info.value)
    with pytest.raises(WrongTypeError, match=r"load\('trade'\)"):
        datasets.load(["trade"])


def test_boundaries_is_geojson_with_iso3():
    geo = datasets.load("boundaries")
    assert geo["type"] == "FeatureCollection"
    codes = {f["properties"]["iso3"] for f in geo["features"]}
    assert set(datasets.load("countries")["iso3"]) <= codes  # Maldives and Bahrain included from 1:50m


def test_types_are_usable():
    m = datasets.load("membership")
    assert pd.api.types.is_datetime64_any_dtype(m["start"])
    assert datasets.load("trade")["estimated"].dtype == "boolean"
    assert pd.api.types.is_integer_dtype(datasets.load("indicators")["year"])


def test_describe_gives_title_source_license_and_units():
    d = datasets.describe("trade")
    assert "IMF" in d.title and d.license
    assert d.units["value"] == "US$ million (current)"
    text = repr(d)
    assert "Licence" in text and "SamLeBlanc/Direction-of-Trade-Map" in text
    assert "<table>" in d._repr_html_()


def test_each_resource_keeps_its_own_licence():
    lic = {n: datasets.describe(n).license for n in datasets.names()}
    assert lic["indicators"] == "CC-BY-4.0"
    assert lic["water"] == "CC-BY-NC-SA-3.0-IGO"
    assert lic["trade"] == "IMF-terms-attribution"
    assert lic["boundaries"] == "PDDL-1.0"
    assert lic["population_projections"] == "CC-BY-3.0-IGO"


def test_source_line_comes_from_the_package():
    assert datasets.source_line("indicators").startswith("Source: World Bank WDI")


def test_every_file_matches_its_hash_and_every_field_has_a_unit():
    pkg = json.loads((datasets.data_dir() / "datapackage.json").read_text())
    for res in pkg["resources"]:
        data = (datasets.data_dir() / res["path"]).read_bytes()
        assert "sha256:" + hashlib.sha256(data).hexdigest() == res["hash"], res["name"]
        assert res["sources"] and res["licenses"] and res["title"]
        for s in res["sources"]:
            assert s["publisher"] and s["title"]
        for f in res.get("schema", {}).get("fields", res.get("x_properties", [])):
            assert f.get("unit"), (res["name"], f["name"])


def test_datapackage_is_valid_frictionless():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(datasets.data_dir() / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])[:10]


def test_a_corrupted_file_fails_validation(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    import shutil
    src = datasets.data_dir()
    for p in src.iterdir():
        shutil.copy(p, tmp_path / p.name)
    with open(tmp_path / "countries.csv", "a") as fh:
        fh.write("XXX,999,Nowhere,,Nowhere,false\n")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid


def test_membership_spells_are_consistent():
    m = datasets.load("membership")
    assert set(m["status"]) <= {"shanghai_five", "founding_member", "member", "observer", "dialogue_partner", "partner"}
    ended = m.dropna(subset=["end"])
    assert (ended["end"] > ended["start"]).all()


def test_seed_tables_keep_the_reports_flags():
    t = datasets.load("seed_2014_tables")
    assert {"defence_members", "defence_observers", "area", "population"} <= set(t["table"])
    assert "inconsistent_as_printed" in set(t["flag"].dropna())
    assert "mapping_uncertain" in set(t["flag"].dropna())


def test_derived_indicators_are_documented():
    cat = datasets.load("indicator_catalog")
    derived = cat[cat["derived"]]
    assert {"military_usd", "remittances_pct_gdp", "working_age_population", "gdp_ppp"} <= set(derived["short_name"])
    assert derived["formula"].str.len().gt(0).all()


def test_import_does_not_import_matplotlib_or_ipywidgets():
    code = ("import sys, scocourse; scocourse.datasets.load('indicators'); scocourse.indicator('population'); "
            "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
