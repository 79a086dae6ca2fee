"""tools/role_cards.py: role cards and group sheets for the Naryn negotiation (lesson 08) and the five
readings of the SCO (lesson 01) — numbers computed with the reservoir model, readings read from the lesson."""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools"


def _load(name: str, path: Path):
    """The tool at ``path`` as a module (one loader for the tests: tests/_tools.py)."""
    from _tools import load_tool
    return load_tool(Path(path).name)


role_cards = _load("scocourse_tools_role_cards", TOOLS / "role_cards.py")
assets = _load("scocourse_tools_fetch_web_assets", TOOLS / "fetch_web_assets.py")


@pytest.fixture(scope="module")
def thresholds():
    return role_cards.naryn_thresholds()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("role_cards")
    return out, role_cards.build(out)


def test_naryn_thresholds_come_from_the_model(thresholds):
    from scocourse.models import simulate

    t = thresholds
    assert simulate(t["kgz_share"], "average").winter_energy_gwh == pytest.approx(t["kgz_need_gwh"])
    assert simulate(t["uzb_share"], "average").summer_downstream_km3 == pytest.approx(t["uzb_need_km3"])
    assert simulate(t["first_dead_dry"], "dry").months_at_dead > 0
    assert simulate(t["first_dead_dry"] - role_cards.STEP, "dry").months_at_dead == 0
    assert simulate(t["first_dead_average"], "average").months_at_dead > 0
    assert simulate(t["uzb_share"], "average").months_at_dead == 0
    assert t["first_dead_dry"] < t["kgz_share"] <= t["uzb_share"] < t["first_dead_average"]


def test_the_dry_year_bites(thresholds):
    """An average year leaves a zone of agreement, a dry year none: Kyrgyzstan's winter need is out of reach."""
    t = thresholds
    assert t["zone_average"] and t["zone_average"][0] == t["kgz_share"] and t["zone_average"][-1] == t["uzb_share"]
    assert t["zone_dry"] == []
    assert t["dry_max"].winter_gwh < t["kgz_need_gwh"] and t["dry_gap_gwh"] > 0
    best = max(r.winter_gwh for r in t["dry"])
    assert t["dry_max"].winter_gwh == pytest.approx(best)
    assert t["dry_compensation_gwh"] >= t["dry_gap_gwh"] > 0


def test_naryn_cards_show_the_computed_numbers(thresholds):
    page = role_cards.naryn_page(thresholds)
    cards = re.findall(r'<section class="card[^"]*">(.*?)</section>', page, re.S)
    assert len(cards) == 5  # two delegations, observer, group sheet, lecturer's sheet
    kgz, uzb, _, sheet, lecturer = cards
    need_gwh = role_cards._gwh(thresholds["kgz_need_gwh"])
    need_km3 = role_cards._km3(thresholds["uzb_need_km3"])
    assert need_gwh in kgz and need_gwh in sheet and need_gwh in lecturer
    assert need_km3 in uzb and need_km3 in sheet and need_km3 in lecturer
    assert "teaching settings" in kgz and "teaching settings" in uzb, "the cards say the needs are not official demands"
    assert role_cards._gwh(thresholds["dry_gap_gwh"]) in lecturer


def test_five_readings_come_from_the_lesson():
    import nbformat

    items = role_cards.readings()
    assert len(items) == 5
    nb = nbformat.read(role_cards.ORIGINS_LESSON, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    flat = " ".join(text.split())
    for r in items:
        assert f"| {r.name} | {r.holders} |" in text
        assert r.argument in flat and len(r.argument) > 200
    page = role_cards.readings_page(items)
    assert page.count('class="role">Role card') == 5
    assert "Ambrosio" in page and "Alimov" in page


def test_pages_are_self_contained_and_printable(built):
    out, written = built
    names = sorted(p.name for p in written)
    assert names == ["01_five_readings.html", "08_naryn_negotiation.html"]
    assert (out / "index.html").is_file()
    for path in [*written, out / "index.html"]:
        body = path.read_text(encoding="utf-8")
        assert "<script" not in body.lower()
        assert assets.external_loads(body, base=out) == [], path.name
        assert '<html lang="en">' in body
    naryn = (out / "08_naryn_negotiation.html").read_text(encoding="utf-8")
    assert "@page { size: A4" in naryn and "break-before: page" in naryn


def test_pdf_output(tmp_path):
    chromium = os.environ.get("SCOCOURSE_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists() or importlib.util.find_spec("playwright") is None:
        if os.environ.get("SCOCOURSE_REQUIRE_BROWSER") == "1":
            pytest.fail("PDF output needs Chromium and Playwright (SCOCOURSE_REQUIRE_BROWSER=1)")
        pytest.skip("no Chromium or Playwright for PDF output")
    # A separate process: the browser tests hold a session-wide sync Playwright.
    proc = subprocess.run([sys.executable, str(TOOLS / "role_cards.py"), "--pdf", "--out", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for name in ("08_naryn_negotiation.pdf", "01_five_readings.pdf"):
        data = (tmp_path / name).read_bytes()
        assert data[:5] == b"%PDF-" and len(data) > 10_000
        assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 5, f"{name}: one page per card"
