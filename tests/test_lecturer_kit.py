"""The lecturer kit (issue 10): offline slide decks, the answer key, handouts, hub configurations.

Every command runs here as a lecturer would run it, and its output is checked:

* ``tools/build_slides.py``: one deck per lesson with at least one slide per slide/subslide cell, nothing
  loaded from outside the build folder (script/link/img URLs, CSS ``url()``/``@import``), and — in
  Debian's Chromium with the network switched off — the deck opens on slide 1, renders its maths,
  shows the explorer's static fallback, and requests nothing but local files;
* ``tools/answer_key.py`` (the exercises' export): covers every question in the bank;
* ``tools/export_handouts.py``: figures embedded with their text description as ``alt``, no
  script, no external URL, no answers;
* ``tools/nbgitpuller_link.py`` and ``deploy/``: the link format, and hub settings that cover the
  memory measured by ``benchmarks/bench_memory.py`` (``deploy/memory.json``) with a margin of 1.5.

The slide assets come from the npm registry on first use (``tools/fetch_web_assets.py``) and are
cached in ``build/web_assets`` (or ``$SCOCOURSE_WEB_ASSETS``); after that everything is offline.
Without npm and without a cache the slide tests skip, except in CI (``CI`` set), where they fail.
To keep the suite quick, decks and handouts are built for a synthetic lesson (which has every
kind of cell) and for at most two real lessons.
"""
from __future__ import annotations

import base64
import html
import html.parser
import importlib.util
import json
import os
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools"
DEPLOY = REPO / "deploy"
CHROMIUM = os.environ.get("SCOCOURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SLIDE_STARTS = {"slide", "subslide"}
SKIP_MARKER = "THIS-CELL-IS-SKIPPED"
TAGGED_MARKER = "THIS-CELL-IS-TAGGED-SKIP"
NOTES_MARKER = "SPEAKER-NOTE-TEXT"
DESCRIPTIONS = ["Kazakhstan's bar is the largest & \"clearly\" <so> — about twice Uzbekistan's.",
                "Water withdrawals are mostly for agriculture in every Central Asian state."]


def _load(name: str, path: Path):
    """The tool at ``path`` as a module (one loader for the tests: tests/_tools.py)."""
    from _tools import load_tool
    return load_tool(Path(path).name)


assets = _load("scocourse_tools_fetch_web_assets", TOOLS / "fetch_web_assets.py")
build_slides = _load("scocourse_tools_build_slides", TOOLS / "build_slides.py")
export_handouts = _load("scocourse_tools_export_handouts", TOOLS / "export_handouts.py")
nbgitpuller_link = _load("scocourse_tools_nbgitpuller_link", TOOLS / "nbgitpuller_link.py")


# --------------------------------------------------------------------------- helpers (independent of the tools)
def _slide_type(cell) -> str:
    return (cell.get("metadata", {}).get("slideshow", {}) or {}).get("slide_type", "-") or "-"


def _deck_cells(nb) -> list:
    return [c for c in nb.cells if _slide_type(c) != "skip"
            and not {"skip", "skip-slides", "remove-cell", "remove_cell"} & set(c.metadata.get("tags", []))]


def _expected_slides(nb) -> tuple[int, int]:
    """(slide cells, subslide cells) of the deck; nbconvert makes the first visible cell a slide."""
    visible = [c for c in _deck_cells(nb) if _slide_type(c) != "notes"]
    slides = sum(1 for c in visible if _slide_type(c) == "slide")
    subslides = sum(1 for c in visible if _slide_type(c) == "subslide")
    if visible and _slide_type(visible[0]) not in SLIDE_STARTS:
        slides += 1
    elif visible and _slide_type(visible[0]) == "subslide":
        slides, subslides = slides + 1, subslides - 1
    return slides, subslides


_LOADING_ATTR = re.compile(
    r"<(script|link|img|iframe|source|video|audio|embed|object|image|use)\b[^>]*?\s(src|href|data|srcset|xlink:href)"
    r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I | re.S)
_CSS_EXTERNAL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(?:https?:)?//""", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _external_urls(page: str, base: Path) -> list[str]:
    """URLs outside the page's folder that loading tags or style sheets point at (plain <a> links are fine)."""
    bad = []
    for tag, attr, value in _LOADING_ATTR.findall(page):
        url = html.unescape(value.strip("\"'"))
        if re.match(r"(?:[a-z][a-z0-9+.-]+:)?//", url, re.I) and not url.startswith("file:///"):
            bad.append(f"<{tag} {attr}={url}>")
        elif not url.startswith(("data:", "#")) and tag.lower() in ("script", "link", "img"):
            target = base / url.split("?")[0].split("#")[0]
            if not target.exists():
                bad.append(f"<{tag} {attr}={url}> (missing file)")
            elif target.suffix == ".css":
                css = _CSS_COMMENT.sub("", target.read_text(encoding="utf-8", errors="replace"))
                bad += [f"{target.name}: {m.group(0)}" for m in _CSS_EXTERNAL.finditer(css)]
    for block in re.findall(r"<style[^>]*>(.*?)</style>", page, re.S | re.I):
        bad += [f"<style>: {m.group(0)}" for m in _CSS_EXTERNAL.finditer(_CSS_COMMENT.sub("", block))]
    return bad


class _Imgs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.imgs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.imgs.append(dict(attrs))


def _imgs(page: str) -> list[dict]:
    parser = _Imgs()
    parser.feed(page)
    return parser.imgs


def _png() -> str:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x00\x72\xb2" * 8 for _ in range(8))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return base64.b64encode(png).decode("ascii")


def _offline_env() -> dict:
    """The environment for the commands: the network guard of the notebook kernels (no connection may
    leave the machine), so the tests prove the builds are offline once the assets are cached."""
    env = dict(os.environ, SCOCOURSE_BLOCK_NETWORK="1")
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "tests" / "_netguard"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def _run(*args, check=True, env=None) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, *map(str, args)], cwd=REPO, capture_output=True, text=True,
                          timeout=300, env=env or _offline_env())
    if check:
        assert proc.returncode == 0, f"{args[0]} exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _require_browser() -> bool:
    return os.environ.get("SCOCOURSE_REQUIRE_BROWSER") == "1"


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="session")
def web_assets():
    """The npm packages the decks need, fetched once (npm pack) or found in the cache."""
    cache = assets.cache_dir()
    if assets.missing(cache):
        reason = None
        if not assets.npm_available():
            reason = f"npm is not installed and the slide assets are not cached in {cache} (set {assets.ENV_CACHE})"
        else:
            try:
                assets.fetch(cache, quiet=True)  # npm runs as a subprocess: the in-process guard does not apply
            except assets.AssetsUnavailable as exc:
                reason = f"could not fetch the slide assets from the npm registry: {exc}"
        if reason:
            if os.environ.get("CI"):
                pytest.fail(reason + " (CI has npm, so this must work there)")
            pytest.skip(reason)
    assert not assets.missing(cache)
    return cache


@pytest.fixture(scope="session")
def synthetic_lesson(tmp_path_factory) -> Path:
    """A lesson with every kind of cell: slide, subslide, fragment, '-', notes, skip, a tagged skip,
    two charts with descriptions, an exercise (widget + static fallback, student and instructor
    mode), a widget with saved state, maths, an external link, and a 'For lecturers' note."""
    import ipywidgets
    import nbformat
    from ipywidgets.embed import embed_data
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from scocourse.exercises import question_html, question_text, questions

    def md(source, slide_type, **meta):
        cell = new_markdown_cell(source)
        cell.metadata.update({"slideshow": {"slide_type": slide_type}}, **meta)
        return cell

    def code(source, slide_type, outputs=()):
        cell = new_code_cell(source)
        cell.metadata["slideshow"] = {"slide_type": slide_type}
        cell.outputs = list(outputs)
        return cell

    def figure(description):
        return new_output("display_data", data={"image/png": _png(), "text/plain": "<Figure: chart>"},
                          metadata={"image/png": {"alt": description}})

    q = questions("00")[0]
    slider = ipywidgets.IntSlider(value=7, min=0, max=10, description="Winter share")
    state = embed_data(views=[slider])
    nb = new_notebook()
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": state["manager_state"]}
    nb.cells = [
        md("# Test lesson\n\nSee [the SCO's site](https://example.org/sco) and $x_{t+1} = x_t + r$.", "slide"),
        code("import scocourse as sc", "skip"),
        md(f"Set-up notes {SKIP_MARKER}", "skip"),
        md("## Objectives\n\n- explain\n- compare", "subslide"),
        md("- evaluate", "fragment"),
        md(f"{NOTES_MARKER}: spend five minutes here.", "notes"),
        md("## Membership", "slide"),
        code("charts.membership_timeline()", "-", [figure(DESCRIPTIONS[0])]),
        md(f"hidden {TAGGED_MARKER}", "subslide", tags=["skip"]),
        md("### Water", "subslide"),
        code("charts.water_withdrawals()", "fragment", [figure(DESCRIPTIONS[1])]),
        md("## Check yourself", "slide"),
        code(f'exercise("{q.id}")', "-", [new_output("display_data", data={
            "application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0, "model_id": "0" * 32},
            "text/html": question_html(q), "text/plain": question_text(q)})]),
        code(f'exercise("{q.id}")  # saved in instructor mode by mistake', "-", [new_output("display_data", data={
            "text/html": question_html(q, instructor=True), "text/plain": question_text(q, instructor=True)})]),
        code("explorer()", "subslide", [new_output("display_data", data={
            "application/vnd.jupyter.widget-view+json": state["view_specs"][0],
            "text/html": "<p class='static-fallback'>Static view of the explorer</p>", "text/plain": "explorer"})]),
        md("<details><summary>For lecturers</summary>\n\nTiming: 20 minutes. LECTURER-NOTE-BODY\n</details>", "notes"),
        md("## Summary\n\n- one\n- two", "slide"),
    ]
    path = tmp_path_factory.mktemp("lesson") / "99_test_lesson.ipynb"
    nbformat.write(nb, path)
    return path


def _real_lessons(limit: int = 2) -> list[Path]:
    """At most two real lessons (the first and the last that exist), to keep the suite quick."""
    paths = assets.lesson_paths()
    return list(dict.fromkeys([paths[0], paths[-1]]))[:limit] if paths else []


@pytest.fixture(scope="session")
def decks(web_assets, synthetic_lesson, tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    lessons = [synthetic_lesson, *_real_lessons()]
    proc = _run(TOOLS / "build_slides.py", "--out", out, *lessons)
    return out, lessons, proc


@pytest.fixture(scope="session")
def handouts(synthetic_lesson, tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    lessons = [synthetic_lesson, *_real_lessons()]
    proc = _run(TOOLS / "export_handouts.py", "--out", out, *lessons)
    return out, lessons, proc


# --------------------------------------------------------------------------- slides
def test_assets_are_pinned_hash_checked_and_local(web_assets, tmp_path):
    dest = assets.install(tmp_path / "_assets", web_assets)
    versions = (dest / "VERSIONS.txt").read_text(encoding="utf-8")
    for pkg in assets.PACKAGES:
        assert re.fullmatch(r"\d+\.\d+\.\d+", pkg.version), f"{pkg.name} must be pinned to one version"
        assert pkg.integrity.startswith("sha512-") and pkg.integrity in versions
        assert (web_assets / pkg.folder / ".complete").read_text().strip() == pkg.integrity
    for rel in (assets.REQUIRE_JS, assets.WIDGET_RENDERER, assets.MATHJAX, f"{assets.REVEAL_PREFIX}/dist/reveal.js",
                f"{assets.REVEAL_PREFIX}/plugin/notes/notes.js", f"{assets.REVEAL_PREFIX}/dist/theme/white.css"):
        assert (dest / rel).is_file(), rel
    for css in dest.rglob("*.css"):
        text = _CSS_COMMENT.sub("", css.read_text(encoding="utf-8", errors="replace"))
        assert not _CSS_EXTERNAL.search(text), f"{css.relative_to(dest)} loads a web font or style from the network"


def test_external_url_scanner_catches_each_kind_of_load(tmp_path):
    page = ('<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//cdn.example/a.css">'
            '<img src="http://example.org/i.png"><style>@import url(https://fonts.example/f.css);</style>'
            '<script>var src = "https://unpkg.com/@jupyter-widgets/html-manager@*/dist/embed-amd.js";</script>'
            '<a href="https://example.org/reading">a reading</a><img src="data:image/png;base64,AAAA">')
    found = {url for _, url in assets.external_loads(page)}
    assert found == {"https://cdn.example/x.js", "//cdn.example/a.css", "http://example.org/i.png",
                     "https://fonts.example/f.css", "https://unpkg.com/@jupyter-widgets/html-manager@*/dist/embed-amd.js"}
    assert len(_external_urls(page, tmp_path)) == 4  # the test's own check sees the tag and CSS loads too


def test_a_deck_per_lesson_with_one_slide_per_slide_cell(decks):
    import nbformat

    out, lessons, proc = decks
    for lesson in lessons:
        deck = out / f"{lesson.stem}.slides.html"
        assert deck.is_file(), f"no deck for {lesson.name}:\n{proc.stdout}"
        page = deck.read_text(encoding="utf-8")
        nb = nbformat.read(lesson, as_version=4)
        # The deck is the notebook's slides fitted to 1280x720: a full slide continues on further slides.
        deck_nb = build_slides.prepare(nb)
        slides, subslides = _expected_slides(deck_nb)
        # nbconvert opens two <section>s for a slide cell (the slide and its first vertical slide), one per subslide.
        assert page.count("<section") == 2 * slides + subslides, lesson.name
        assert build_slides.count_slides(page) == (slides, slides + subslides), lesson.name
        assert build_slides.count_slides(page)[1] == build_slides.expected_slide_count(deck_nb)
        assert slides == _expected_slides(nb)[0], "one horizontal slide per slide cell"
        assert slides + subslides >= sum(_expected_slides(nb)), "every slide/subslide cell has a slide"
        assert f"{lesson.stem}.slides.html: {slides + subslides} slides" in proc.stdout
    assert (out / "index.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{lesson.stem}.slides.html"' in index for lesson in lessons)


def test_decks_load_nothing_from_outside_the_build_folder(decks):
    out, lessons, _ = decks
    for lesson in lessons:
        page = (out / f"{lesson.stem}.slides.html").read_text(encoding="utf-8")
        assert _external_urls(page, out) == [], lesson.name
        assert assets.external_loads(page, base=out) == [], lesson.name
        for needle in ("cdnjs", "unpkg.com", "jsdelivr", "googleapis", "mathjax.org"):
            assert needle not in page, f"{lesson.name} mentions {needle}"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert _external_urls(index, out) == []


def test_deck_content_skip_notes_and_alt_text(decks, synthetic_lesson):
    out, _, _ = decks
    page = (out / f"{synthetic_lesson.stem}.slides.html").read_text(encoding="utf-8")
    assert SKIP_MARKER not in page and TAGGED_MARKER not in page and "import scocourse" not in page
    assert "scocourse-instructor" not in page and "scocourse-solution-text" not in page, "no answer in a deck"
    notes = re.findall(r'<aside class="notes">(.*?)</aside>', page, re.S)
    assert any(NOTES_MARKER in n for n in notes), "notes cells become speaker notes"
    assert [img.get("alt") for img in _imgs(page) if img.get("src", "").startswith("data:image/png")] == DESCRIPTIONS
    assert "https://example.org/sco" in page  # a plain link in the prose stays a link
    assert "scocourse_reveal" not in page and "{{" not in page


# Run in a separate process: the browser tests in tests/browser/ hold a session-wide Playwright (sync API),
# and Playwright refuses a second sync instance in the same process.
_BROWSER_CHECK = r"""
import json, sys
from playwright.sync_api import sync_playwright
deck, chromium, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
out = {"requests": [], "errors": []}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium, args=args)
    try:
        context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.on("request", lambda r: out["requests"].append(r.url))
        page.on("pageerror", lambda e: out["errors"].append(str(e)))
        page.goto(deck)
        page.wait_for_selector(".reveal.ready", timeout=20000)
        out["index"] = page.evaluate("Reveal.getIndices().h")
        out["title"] = page.locator("section.present h1").first.inner_text().strip()
        out["total"] = page.evaluate("Reveal.getTotalSlides()")
        page.wait_for_function("document.querySelectorAll('mjx-container').length > 0", timeout=20000)
        out["maths"] = page.evaluate("document.querySelectorAll('mjx-container').length")
        # "Check yourself" -> the explorer: its static fallback, not the saved widget (decks need no kernel)
        h, v = page.evaluate("(() => { for (const s of Reveal.getSlides()) if (s.querySelector('.static-fallback')) "
                             "{ const i = Reveal.getIndices(s); return [i.h, i.v || 0]; } return [-1, -1]; })()")
        page.evaluate(f"Reveal.slide({h}, {v})")
        out["fallback"] = page.locator("section.present .static-fallback").first.inner_text().strip()
        out["sliders"] = page.evaluate("document.querySelectorAll('.widget-slider').length")
        page.screenshot(path=sys.argv[4])
    finally:
        browser.close()
print(json.dumps(out))
"""


def test_deck_opens_offline_in_chromium(decks, synthetic_lesson, tmp_path):
    """Debian's Chromium with the network off: slide 1 shows, maths render, the explorer shows its static
    fallback (the saved widget is not used: a deck needs no kernel), and every request is for a local file."""
    import nbformat

    if not Path(CHROMIUM).exists():
        if _require_browser():
            pytest.fail(f"{CHROMIUM} is missing and SCOCOURSE_REQUIRE_BROWSER=1")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        if _require_browser():
            pytest.fail("playwright is not installed and SCOCOURSE_REQUIRE_BROWSER=1")
        pytest.skip("playwright is not installed")
    out, _, _ = decks
    deck = out / f"{synthetic_lesson.stem}.slides.html"
    proc = subprocess.run([sys.executable, "-c", _BROWSER_CHECK, deck.as_uri(), CHROMIUM, json.dumps(CHROMIUM_ARGS),
                           str(tmp_path / "slide-widget.png")], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["index"] == 0 and result["title"] == "Test lesson", "the deck opens on slide 1"
    deck_nb = build_slides.prepare(nbformat.read(synthetic_lesson, as_version=4))
    assert result["total"] == build_slides.expected_slide_count(deck_nb)
    assert result["maths"] >= 1 and result["sliders"] == 0 and result["fallback"] == "Static view of the explorer"
    outside = [u for u in result["requests"] if not u.startswith(("file://", "data:", "blob:"))]
    assert outside == [], f"the deck requested {outside}"
    assert result["errors"] == [], result["errors"]


# --------------------------------------------------------------------------- answer key
def test_answer_key_covers_every_question_in_the_bank(tmp_path):
    from scocourse.exercises import lesson_title, lessons, questions, solution_markdown

    proc = _run(TOOLS / "answer_key.py", "--out", tmp_path / "key")
    md = (tmp_path / "key.md").read_text(encoding="utf-8")
    page = (tmp_path / "key.html").read_text(encoding="utf-8")
    every = questions()
    assert every, "the question bank is empty"
    ids = [q.id for q in every]
    assert re.findall(r"^### (\d\d-\d\d) ·", md, flags=re.M) == ids
    assert re.findall(r'<section id="q-(\d\d-\d\d)">', page) == ids
    for code in lessons():
        assert re.search(rf"^## Lesson {code}\b", md, flags=re.M), f"lesson {code} has no heading in the key"
        assert f"Lesson {code}" in page
        if lesson_title(code):
            assert lesson_title(code) in md
    for q in every:
        assert solution_markdown(q) in md, f"{q.id}: answer/explanation missing from the Markdown key"
    assert str(len(every)) in proc.stdout
    assert _external_urls(page, tmp_path) == []


# --------------------------------------------------------------------------- handouts
def _figure_descriptions(nb) -> list[str]:
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code" or {"remove-cell", "remove_cell", "skip-handout"} & set(cell.metadata.get("tags", [])):
            continue
        for o in cell.get("outputs", []):
            if "image/png" in o.get("data", {}):
                out.append((o.get("metadata", {}).get("image/png") or {}).get("alt", ""))
    return out


def test_handouts_embed_figures_with_descriptions_as_alt_text(handouts):
    import nbformat

    out, lessons, proc = handouts
    for lesson in lessons:
        page = (out / f"{lesson.stem}.html").read_text(encoding="utf-8")
        imgs = [img for img in _imgs(page) if img.get("src", "").startswith("data:image/png")]
        assert [img.get("alt") for img in imgs] == _figure_descriptions(nbformat.read(lesson, as_version=4)), lesson.name
        assert all(img.get("src", "").startswith("data:") for img in _imgs(page)), "every image is embedded"
    synthetic = (out / f"{lessons[0].stem}.html").read_text(encoding="utf-8")
    assert [img.get("alt") for img in _imgs(synthetic)] == DESCRIPTIONS


def test_handouts_need_no_script_kernel_or_network(handouts):
    out, lessons, _ = handouts
    for lesson in lessons:
        page = (out / f"{lesson.stem}.html").read_text(encoding="utf-8")
        assert not re.search(r"<script\b", page, re.I), f"{lesson.name}: a handout needs no JavaScript"
        assert _external_urls(page, out) == [] and assets.external_loads(page, base=out) == [], lesson.name
        assert "{{" not in page
    synthetic = (out / f"{lessons[0].stem}.html").read_text(encoding="utf-8")
    assert "Static view of the explorer" in synthetic  # widgets show their static fallback
    assert "https://example.org/sco" in synthetic


def test_handouts_show_questions_without_answers(handouts):
    import nbformat

    from scocourse.exercises import get_question, solution_html

    out, lessons, _ = handouts
    synthetic = (out / f"{lessons[0].stem}.html").read_text(encoding="utf-8")
    assert synthetic.count('class="scocourse-exercise"') == 2, "both exercise cells show the question"
    assert "LECTURER-NOTE-BODY" not in synthetic, "the 'For lecturers' note is left out of student handouts"
    for lesson in lessons:
        page = (out / f"{lesson.stem}.html").read_text(encoding="utf-8")
        assert "scocourse-instructor" not in page and "scocourse-solution-text" not in page, lesson.name
        shown = set(re.findall(r'data-question="(\d\d-\d\d)"', page))
        for qid in shown:
            assert solution_html(get_question(qid)) not in page, f"{lesson.name}: the answer to {qid} is shown"
        nb = nbformat.read(lesson, as_version=4)
        asked = {m for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                 for m in re.findall(r'data-question="(\d\d-\d\d)"', "".join(o.get("data", {}).get("text/html", "")))}
        assert asked <= shown, f"{lesson.name}: questions {sorted(asked - shown)} are missing from the handout"


def test_handout_keeps_lecturer_notes_on_request(synthetic_lesson, tmp_path):
    _run(TOOLS / "export_handouts.py", "--out", tmp_path, "--keep-lecturer-notes", "--no-code", synthetic_lesson)
    page = (tmp_path / f"{synthetic_lesson.stem}.html").read_text(encoding="utf-8")
    assert "LECTURER-NOTE-BODY" in page
    assert "charts.membership_timeline()" not in page


# --------------------------------------------------------------------------- large classes
def test_nbgitpuller_link_format():
    link = nbgitpuller_link.link("https://hub.example.edu/", "https://github.com/OWNER/scocourse.git", "main")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(parts.query)
    assert query == {"repo": ["https://github.com/OWNER/scocourse.git"], "branch": ["main"],
                     "urlpath": ["lab/tree/scocourse/notebooks/00_start_here.ipynb"]}
    assert "repo=https%3A%2F%2Fgithub.com%2FOWNER%2Fscocourse.git" in link  # encoded, as nbgitpuller expects
    assert "urlpath=lab%2Ftree%2Fscocourse%2Fnotebooks%2F00_start_here.ipynb" in link
    other = nbgitpuller_link.link("https://hub.example.edu/prefix", "git@github.com:OWNER/course.git", "term-2026",
                                  path="notebooks/08_water_security.ipynb", app="tree")
    assert other.startswith("https://hub.example.edu/prefix/hub/user-redirect/git-pull?")
    assert parse_qs(urlsplit(other).query)["urlpath"] == ["tree/course/notebooks/08_water_security.ipynb"]
    with pytest.raises(ValueError):
        nbgitpuller_link.link("hub.example.edu", "https://github.com/OWNER/scocourse")
    proc = _run(TOOLS / "nbgitpuller_link.py", "--hub", "https://hub.example.edu",
                "--repo", "https://github.com/OWNER/scocourse.git", "--branch", "main")
    assert proc.stdout.strip() == link


_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def _bytes(spec) -> int:
    """JupyterHub's ByteSpecification (K, M, G, T are powers of 1024); also Ki/Mi/Gi."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?\s*", str(spec))
    assert m, f"not a memory size: {spec!r}"
    return int(float(m.group(1)) * _UNITS[m.group(2)])


@pytest.fixture(scope="module")
def hub_configs():
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with jupyterlab (jupyter-events); install pyyaml")
    z2jh = yaml.safe_load((DEPLOY / "z2jh" / "config.yaml").read_text(encoding="utf-8"))
    tljh = yaml.safe_load((DEPLOY / "tljh" / "config.yaml").read_text(encoding="utf-8"))
    memory = json.loads((DEPLOY / "memory.json").read_text(encoding="utf-8"))
    return z2jh, tljh, memory


def test_measured_memory_is_recorded(hub_configs):
    _, _, memory = hub_configs
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", memory["measured"]) and memory["machine"] and memory["method"]
    assert memory["server_mb"] and 20 < memory["server_mb"] < 1000
    assert memory["lessons"] or memory.get("proxy_mb"), "no lesson was measured"
    assert all(20 < mb < 4000 for mb in memory["lessons"].values())
    doc = (REPO / "docs" / "large_classes.md").read_text(encoding="utf-8")
    for lesson, mb in memory["lessons"].items():
        assert re.search(rf"\|\s*`?{lesson}`?\s*\|\s*{mb:.0f}\b", doc), f"{lesson} ({mb:.0f} MB) is not in the table"


def _need_mb(memory) -> float:
    kernel = max([*memory["lessons"].values(), memory.get("proxy_mb") or 0])
    return memory["server_mb"] + kernel


def test_z2jh_config(hub_configs):
    z2jh, _, memory = hub_configs
    single = z2jh["singleuser"]
    need = _need_mb(memory) * 2**20
    assert _bytes(single["memory"]["limit"]) >= 1.5 * need, "memory limit < 1.5 x (server + largest kernel)"
    assert _bytes(single["memory"]["guarantee"]) >= need, "memory guarantee < server + largest kernel"
    assert _bytes(single["memory"]["guarantee"]) <= _bytes(single["memory"]["limit"])
    assert 0 < float(single["cpu"]["guarantee"]) <= float(single["cpu"]["limit"])
    assert single["defaultUrl"] == "/lab"
    assert single["image"]["name"] and str(single["image"]["tag"]) not in ("", "latest")
    command = single["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[0] == "gitpuller" and len(command) == 4
    repo, branch, folder = command[1:]
    assert folder == nbgitpuller_link.repo_folder(repo), "postStart clones where the nbgitpuller link looks"
    culling = next(iter(single["extraFiles"].values()))
    assert culling["mountPath"].startswith("/etc/jupyter/jupyter_server_config.d/") and culling["mountPath"].endswith(".json")
    assert culling["data"] == json.loads((DEPLOY / "tljh" / "scocourse-kernel-culling.json").read_text())
    assert z2jh["cull"]["enabled"] is True and 600 <= z2jh["cull"]["timeout"] and z2jh["cull"]["every"] > 0
    dockerfile = (DEPLOY / "z2jh" / "Dockerfile").read_text(encoding="utf-8")
    assert "nbgitpuller" in dockerfile and "/tmp/scocourse" in dockerfile


def _flatten(d, prefix=""):
    for key, value in d.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def test_tljh_config_and_setup_script_agree(hub_configs):
    _, tljh, memory = hub_configs
    assert _bytes(tljh["limits"]["memory"]) >= 1.5 * _need_mb(memory) * 2**20
    assert tljh["user_environment"]["default_app"] == "jupyterlab"
    assert tljh["services"]["cull"]["enabled"] is True and tljh["services"]["cull"]["timeout"] >= 600
    script = (DEPLOY / "tljh" / "setup.sh").read_text(encoding="utf-8")
    commands = dict(re.findall(r"^tljh-config set (\S+) (\S+)$", script, flags=re.M))
    expected = {key: str(value).lower() if isinstance(value, bool) else str(value) for key, value in _flatten(tljh)}
    assert commands == expected
    comments = dict(re.findall(r"^#\s+sudo tljh-config set (\S+) (\S+)$", (DEPLOY / "tljh" / "config.yaml").read_text(), flags=re.M))
    assert comments == expected
    assert "nbgitpuller" in script and "/opt/tljh/user/bin/python" in script
    assert subprocess.run(["bash", "-n", str(DEPLOY / "tljh" / "setup.sh")]).returncode == 0


# --------------------------------------------------------------------------- docs
def test_lecturers_guide_covers_every_lesson():
    guide = (REPO / "docs" / "lecturers_guide.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", guide, flags=re.M)
    for code in sorted(p.name[:2] for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        section = next((s for s in sections if s.startswith(f"Lesson {code}")), None)
        assert section, f"no '## Lesson {code}' section"
        for needle in ("Objectives", "50-minute", "90-minute", "Discussion", "misconceptions"):
            assert needle.lower() in section.lower(), f"lesson {code}: no {needle}"
    assert "rubric" in guide.lower()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "## For lecturers" in readme
    for command in ("tools/build_slides.py", "tools/answer_key.py", "tools/export_handouts.py"):
        assert command in readme and command in guide
