"""Every lesson's slide deck fits a 1280×720 projector (issue 17).

The decks are built once (``tools/build_slides.py`` into a temporary folder) and opened one after
the other in one headless Chromium page at 1280×720 with the network off. On every slide — each
horizontal slide and each of its vertical slides, via ``Reveal.slide(h, v)`` — the test measures:

* overflow: every visible element of the slide ends inside the 1280×720 slide box (bottom and right
  edge, to within 1 px) and the slide's own scrollHeight/scrollWidth do not exceed it;
* the smallest rendered font size of visible text: the computed ``font-size`` of each element that
  holds a non-blank text node, times Reveal's scale (1 at 1280×720); body text must be ≥ 24 px,
  text inside tables ≥ 20 px (MathJax output is left out: it is sized relative to the text).

The figures are printed (``-s`` shows them) and written to ``tests/browser/artifacts/decks.json``.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
BODY_MIN_PX, TABLE_MIN_PX = 24, 20
WIDTH, HEIGHT = 1280, 720

MEASURE_ALL = """
() => {
  const W = %d, H = %d;
  const shape = Reveal.getHorizontalSlides().map(s => Math.max(1, s.querySelectorAll(':scope > section').length));
  const results = [];
  for (let h = 0; h < shape.length; h++) {
    for (let v = 0; v < shape[h]; v++) {
      Reveal.slide(h, v);
      results.push(measure());
    }
  }
  return results;

  function measure() {
  const idx = Reveal.getIndices();
  const slide = Reveal.getCurrentSlide();
  const box = slide.getBoundingClientRect();
  const scale = Reveal.getScale();
  const out = {h: idx.h, v: idx.v || 0, overflow: [], minBody: null, minTable: null, texts: 0};
  const bottom = box.top + H * scale + 1, right = box.left + W * scale + 1;
  if (slide.scrollHeight > H + 1) out.overflow.push('slide scrollHeight ' + slide.scrollHeight);
  if (slide.scrollWidth > W + 1) out.overflow.push('slide scrollWidth ' + slide.scrollWidth);
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.currentNode; el; el = walker.nextNode()) {
    if (el.closest('aside.notes, mjx-container, script, style')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.bottom > bottom || r.right > right) {
      out.overflow.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
                        + ' ends at ' + Math.round(r.bottom - box.top) + '/' + Math.round(r.right - box.left) + ' px');
    }
    const hasText = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!hasText) continue;
    out.texts += 1;
    const px = parseFloat(style.fontSize) * scale;
    if (el.closest('table')) { if (out.minTable === null || px < out.minTable) out.minTable = px; }
    else if (out.minBody === null || px < out.minBody) { out.minBody = px; out.minBodyText = el.textContent.trim().slice(0, 60); }
  }
  out.overflow = out.overflow.slice(0, 5);
  return out;
  }
}
""" % (WIDTH, HEIGHT)


@pytest.fixture(scope="session")
def built_decks(tmp_path_factory):
    tools = REPO / "tools"
    sys.path.insert(0, str(tools))
    try:
        import fetch_web_assets as assets
    finally:
        sys.path.remove(str(tools))
    if assets.missing(assets.cache_dir()) and not assets.npm_available():
        pytest.skip("the slide assets are not cached and npm is not installed")
    out = tmp_path_factory.mktemp("decks")
    proc = subprocess.run([sys.executable, str(tools / "build_slides.py"), "--out", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    decks = sorted(out.glob("[0-9][0-9]_*.slides.html"))
    assert len(decks) == len(assets.lesson_paths()), proc.stdout
    return decks


def test_every_slide_of_every_deck_fits_1280x720(browser, built_decks, artifacts):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, offline=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    figures, failures = {}, []
    try:
        for deck in built_decks:
            page.goto(deck.as_uri())
            page.wait_for_selector(".reveal.ready", timeout=30_000)
            assert page.evaluate("Reveal.getScale()") == pytest.approx(1.0), "the deck is laid out at 1280×720"
            results = page.evaluate(MEASURE_ALL)  # visits every slide: Reveal.slide(h, v) for each
            assert len(results) == page.evaluate("Reveal.getTotalSlides()") == len(page.evaluate("Reveal.getSlides()"))
            if deck == built_decks[0]:  # the measurement sees a tall block and small text when there is one
                page.evaluate("""() => { Reveal.slide(0, 0); const d = document.createElement('p');
                  d.style.cssText = 'height: 900px; font-size: 12px !important'; d.textContent = 'probe';
                  Reveal.getCurrentSlide().appendChild(d); }""")
                probe = page.evaluate(MEASURE_ALL)[0]
                assert probe["overflow"] and probe["minBody"] == pytest.approx(12), probe
            over = [r for r in results if r["overflow"]]
            bodies = [r["minBody"] for r in results if r["minBody"] is not None]
            tables = [r["minTable"] for r in results if r["minTable"] is not None]
            figures[deck.name] = {"slides": len(results), "overflowing": len(over),
                                  "min_body_px": min(bodies) if bodies else None,
                                  "min_table_px": min(tables) if tables else None}
            for r in over:
                failures.append(f"{deck.name} slide {r['h']}/{r['v']}: {'; '.join(r['overflow'])}")
            for r in results:
                if r["minBody"] is not None and r["minBody"] < BODY_MIN_PX - 0.01:
                    failures.append(f"{deck.name} slide {r['h']}/{r['v']}: text at {r['minBody']:.1f} px ({r.get('minBodyText')!r})")
                if r["minTable"] is not None and r["minTable"] < TABLE_MIN_PX - 0.01:
                    failures.append(f"{deck.name} slide {r['h']}/{r['v']}: table text at {r['minTable']:.1f} px")
    finally:
        context.close()
    total = {"decks": len(figures), "slides": sum(f["slides"] for f in figures.values()),
             "overflowing": sum(f["overflowing"] for f in figures.values()),
             "min_body_px": min((f["min_body_px"] for f in figures.values() if f["min_body_px"]), default=None),
             "min_table_px": min((f["min_table_px"] for f in figures.values() if f["min_table_px"]), default=None)}
    (artifacts / "decks.json").write_text(json.dumps({"total": total, "decks": figures}, indent=1))
    print(json.dumps(total))
    outside = [u for u in requests if not u.startswith(("file://", "data:", "blob:"))]
    assert outside == [], f"the decks requested {outside[:5]}"
    assert not failures, f"{len(failures)} problem(s):\n" + "\n".join(failures[:60])
