"""axe-core in Chromium finds no serious or critical accessibility violation in what lecturers show and hand
out: slide decks, handouts, the answer key, worksheets and the class report.

axe-core is fetched from the npm registry once (pinned, sha512-checked, cached with the deck assets by
tools/fetch_web_assets.py); Chromium is Debian's. Without Chromium the test skips, unless
SCOCOURSE_REQUIRE_BROWSER=1 (CI) makes that a failure.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SCOCOURSE_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("SCOCOURSE_REQUIRE_BROWSER") == "1"
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))

AXE_SCRIPT = r"""
import json, sys
from playwright.sync_api import sync_playwright
axe, chromium, pages = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
found = {}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium, args=args)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    for path in pages:
        page.goto("file://" + path, wait_until="load")
        page.add_script_tag(path=axe)
        found[path] = page.evaluate('''async () => (await axe.run(document, {resultTypes: ["violations"]}))
            .violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                                   example: v.nodes[0] ? v.nodes[0].html.slice(0, 160) : ""}))''')
    browser.close()
print(json.dumps(found))
"""




def _need_browser():
    if not Path(CHROMIUM).exists() or importlib.util.find_spec("playwright") is None:
        if REQUIRED:
            pytest.fail(f"Chromium ({CHROMIUM}) and playwright are required here (SCOCOURSE_REQUIRE_BROWSER=1)")
        pytest.skip("no Chromium or playwright")


def run_axe(pages: list[Path]) -> dict[str, list[dict]]:
    from _tools import load_tool
    assets = load_tool("fetch_web_assets.py")
    axe = assets.axe_js()
    out = subprocess.run([sys.executable, "-c", AXE_SCRIPT, str(axe), CHROMIUM, json.dumps([str(p) for p in pages])],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


def test_decks_handouts_answer_key_worksheets_and_class_report_have_no_serious_violations(tmp_path):
    _need_browser()
    build = tmp_path / "build"
    subprocess.run([sys.executable, str(REPO / "tools" / "export_handouts.py"), "--out", str(build / "handouts"),
                    str(LESSONS[1]), str(LESSONS[8])], check=True, capture_output=True)
    subprocess.run([sys.executable, str(REPO / "tools" / "export_handouts.py"), "--with-code", "--out",
                    str(build / "handouts_code"), str(LESSONS[2])], check=True, capture_output=True)
    subprocess.run([sys.executable, str(REPO / "tools" / "answer_key.py"), "--out", str(build / "answer_key"),
                    "--lesson", "01", "--lesson", "08"], check=True, capture_output=True)
    subprocess.run([sys.executable, str(REPO / "tools" / "worksheets.py"), "--out", str(build / "worksheets"),
                    "--lesson", "01", "--lesson", "08"], check=True, capture_output=True)
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "bad.json").write_text("{", encoding="utf-8")
    subprocess.run([sys.executable, str(REPO / "tools" / "class_report.py"), str(exports), "--out",
                    str(build / "class_report")], check=True, capture_output=True)
    subprocess.run([sys.executable, str(REPO / "tools" / "build_slides.py"), "--no-redraw", "--out", str(build / "decks"),
                    str(LESSONS[1]), str(LESSONS[8])], check=True, capture_output=True)
    pages = (sorted((build / "decks").glob("[0-9]*.slides.html")) + sorted((build / "handouts").glob("[0-9]*.html")) + sorted((build / "handouts_code").glob("[0-9]*.html"))
             + [build / "answer_key.html"] + sorted((build / "worksheets").glob("*.html"))
             + [build / "class_report.html"])
    found = run_axe(pages)
    serious = {Path(p).name: [v for v in vs if v["impact"] in ("serious", "critical")] for p, vs in found.items()}
    serious = {k: v for k, v in serious.items() if v}
    assert not serious, json.dumps(serious, indent=1)[:4000]
