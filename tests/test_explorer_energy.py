"""Tests of the energy explorer (scocourse/explorers/energy.py): data helpers and the widget, in process."""
from __future__ import annotations

import base64
import inspect
import subprocess
import sys

import pytest

import scocourse
from scocourse import datasets
from scocourse.errors import CourseError
from scocourse.explorers import energy as E

CA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]


# ----------------------------------------------------------------------------- data helpers

def test_import_is_light():
    code = ("import sys, scocourse.explorers.energy; "
            "print([m for m in ('matplotlib', 'ipywidgets', 'pandas') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_central_asia_comes_from_the_countries_dataset():
    c = datasets.load("countries")
    assert E.central_asia() == sorted(c.loc[c["central_asia"].astype(bool), "iso3"])
    assert E.central_asia() == CA


def test_explorer_countries_put_central_asia_first():
    codes = E.explorer_countries()
    assert codes[:5] == CA
    assert "WLD" not in codes and len(codes) == len(set(codes))
    assert {"RUS", "CHN"} <= set(codes)


def test_electricity_shares_match_the_dataset():
    shares = E.electricity_shares(CA)
    year = int(shares["year"].iloc[0])
    e = datasets.load("energy")
    gen = e[(e["measure"] == "electricity_generation") & (e["year"] == year)]
    for iso3 in CA:
        row = shares.loc[scocourse.country_name(iso3)]
        from scocourse.facts import pick_vintage
        vintage = pick_vintage(e[e["measure"] == "electricity_generation"], iso3)[0]
        total = gen.loc[(gen["iso3"] == iso3) & (gen["vintage"] == vintage), "value"].sum()  # one vintage, never two
        assert row["total_TWh"] == pytest.approx(total)
        assert row.drop(["total_TWh", "year"]).sum() == pytest.approx(100.0)
        hydro = gen.loc[(gen["iso3"] == iso3) & (gen["vintage"] == vintage) & (gen["fuel"] == "hydro"), "value"].sum()
        assert row["hydro"] == pytest.approx(hydro / total * 100)
    # the default year is the latest year with data for all five
    elec = e[e["measure"] == "electricity_generation"]
    years = [set(elec[(elec["iso3"] == c) & (elec["vintage"] == pick_vintage(elec, c)[0]) & (elec["value"] > 0)]["year"])
             for c in CA]
    assert year == max(set.intersection(*years))


def test_electricity_shares_accept_names_and_years():
    a = E.electricity_shares(["Kazakhstan", "UZB"], 2010)
    assert list(a.index) == ["Kazakhstan", "Uzbekistan"] and (a["year"] == 2010).all()


@pytest.mark.parametrize("bad", [dict(countries=["Atlantis"]), dict(countries=[]), dict(year=1066)])
def test_electricity_shares_bad_input_raises_course_error(bad):
    with pytest.raises(CourseError):
        E.electricity_shares(**bad)


def test_mystery_mixes_hide_names_and_follow_the_data():
    table, key = E.mystery_mixes()
    assert list(table.index) == [f"Mix {c}" for c in "ABCDE"]
    assert sorted(key.values()) == sorted(scocourse.country_name(c) for c in CA)
    assert not set(key.values()) & set(map(str, table.index))
    assert list(table["hydro"]) == sorted(table["hydro"])
    shares = E.electricity_shares(CA)
    for label, name in key.items():
        assert table.loc[label, "total_TWh"] == pytest.approx(round(shares.loc[name, "total_TWh"], 1))
    again, key2 = E.mystery_mixes()
    assert key2 == key and again.equals(table)


def test_mystery_key_agrees_with_the_question_bank():
    from scocourse.exercises import get_question

    _, key = E.mystery_mixes()
    assert dict(get_question("07-02").pairs) == key


def test_energy_summary_is_computed_and_deterministic():
    text = E.energy_summary("KAZ")
    assert text == E.energy_summary("Kazakhstan")
    shares = E.electricity_shares(["KAZ"], int(text.split("In ", 1)[1][:4]))
    assert f"{shares['total_TWh'].iloc[0]:.1f} TWh" in text
    assert "oil" in text and "Data:" in text
    assert "nan" not in text.lower() and "0x" not in text


def test_energy_summary_for_a_country_without_fossil_fuels():
    text = E.energy_summary("MDV")
    assert "Maldives" in text and "no fossil fuel production" in text


def test_energy_summary_unknown_country():
    with pytest.raises(CourseError):
        E.energy_summary("Narnia")


# ----------------------------------------------------------------------------- widget

def _kinds(outputs):
    return [sorted(o.get("data", {})) for o in outputs]


def _pngs(outputs):
    return [o["data"]["image/png"] for o in outputs if "image/png" in o.get("data", {})]


def test_widget_builds_and_redraws_on_change():
    ex = E.build_energy_explorer("KAZ")
    assert ex.dropdown.value == "KAZ"
    assert [v for _, v in ex.dropdown.options][:5] == CA
    first = ex.output.outputs
    assert len(_pngs(first)) == 2, _kinds(first)
    assert first[-1]["data"]["text/plain"] == ex.summary == E.energy_summary("KAZ")
    for png in _pngs(first):
        assert base64.b64decode(png).startswith(b"\x89PNG")

    ex.dropdown.value = "TJK"
    second = ex.output.outputs
    assert "Tajikistan" in second[-1]["data"]["text/plain"]
    assert _pngs(second) != _pngs(first)

    ex.dropdown.value = "KAZ"
    assert _pngs(ex.output.outputs) == _pngs(first)


def test_widget_output_is_deterministic():
    a = E.build_energy_explorer("UZB").output.outputs
    b = E.build_energy_explorer("UZB").output.outputs
    assert a == b


def test_widget_shows_text_when_a_chart_cannot_be_drawn(monkeypatch):
    from scocourse import charts

    def refuse(*_args, **_kw):
        raise CourseError("no fossil fuel data for this country")

    monkeypatch.setattr(charts, "fossil_production", refuse, raising=False)
    outs = E.build_energy_explorer("KGZ").output.outputs
    texts = [o["data"].get("text/plain", "") for o in outs]
    assert any(t.startswith("No chart: no fossil fuel data") for t in texts)
    assert len(_pngs(outs)) == 1


def test_widget_rejects_bad_countries():
    with pytest.raises(CourseError):
        E.build_energy_explorer("Narnia")
    with pytest.raises(CourseError):
        E.build_energy_explorer("RUS", countries=CA)


def test_module_never_writes_into_output_with_a_context_manager():
    import re

    from scocourse.explorers import base

    for module in (E, base):
        src = inspect.getsource(module)
        assert not re.search(r"^\s*with\s+[\w.]*(out|output)\b", src, flags=re.MULTILINE)
    assert issubclass(E.EnergyExplorer, base.Explorer)
    assert "self.output.outputs = " in inspect.getsource(base)


def test_energy_explorer_displays_widget_with_text_fallback(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append((obj, kw)))
    assert E.energy_explorer("TKM") is None
    (bundle, kw), = shown
    assert kw.get("raw") is True
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("Energy explorer") and "Turkmenistan" in bundle["text/plain"]
    assert E.energy_summary("TKM") in bundle["text/plain"]
