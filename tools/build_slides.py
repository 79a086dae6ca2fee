#!/usr/bin/env python3
"""Build a reveal.js slide deck per lesson that works offline.

    python tools/build_slides.py                        # every notebooks/NN_*.ipynb -> build/slides/
    python tools/build_slides.py --out build/slides notebooks/01_origins.ipynb
    python tools/build_slides.py --show-code            # also show the code of code cells

Each deck is made by nbconvert's SlidesExporter from the cells' ``metadata.slideshow.slide_type``
(slide, subslide, fragment, notes = speaker notes; ``skip`` and cells tagged ``skip``,
``skip-slides`` or ``remove-cell`` are left out). reveal.js, require.js, the widget renderer
(@jupyter-widgets/html-manager's embed-amd.js) and MathJax are served from ``<out>/_assets/``,
copied from the npm registry once by ``tools/fetch_web_assets.py``; every other URL nbconvert's
templates would load (jQuery, Font Awesome, Mermaid, the widgets CDN) is switched off. Each deck
is checked after it is written: no file outside ``<out>/`` is loaded, and it has one slide per
slide/subslide cell. Open ``<out>/index.html`` in a browser; copy the whole folder to take it
elsewhere (e.g. a USB stick). Press S in a deck for the speaker view (notes), F for full screen.
"""
from __future__ import annotations

import argparse
import copy
import html
import html.parser
import importlib.util
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _load_assets_module():
    name = "scocourse_tools_fetch_web_assets"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("fetch_web_assets.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


assets = _load_assets_module()

ASSETS_DIR = "_assets"
SKIP_TAGS = frozenset({"skip", "skip-slides", "remove-cell", "remove_cell"})
SLIDE_STARTS = frozenset({"slide", "subslide"})

# Template overrides. Alt text: nbconvert's lab template drops the "alt" that the charts put in the
# output metadata ({"image/png": {"alt": description}}); these blocks put it on the <img>.
IMAGE_BLOCKS = r"""
{%- macro _alt(output, mime) -%}
{%- set alt = output | get_metadata('alt', mime) -%}
{%- if alt is none -%}{%- set alt = '' -%}{%- endif -%}
alt="{{ alt | escape_html }}"
{%- endmacro -%}

{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}" {{ _alt(output, 'image/png') }}
{%- set width=output | get_metadata('width', 'image/png') -%}
{%- if width is not none %} width={{ width | escape_html }}{%- endif %}
{%- set height=output | get_metadata('height', 'image/png') -%}
{%- if height is not none %} height={{ height | escape_html }}{%- endif %}
class="{%- if output | get_metadata('unconfined', 'image/png') %}unconfined{%- endif %}">
</div>
{%- endblock data_png %}

{% block data_jpg scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/jpeg;base64,{{ output.data['image/jpeg'] | escape_html }}" {{ _alt(output, 'image/jpeg') }}
{%- set width=output | get_metadata('width', 'image/jpeg') -%}
{%- if width is not none %} width={{ width | escape_html }}{%- endif %}
{%- set height=output | get_metadata('height', 'image/jpeg') -%}
{%- if height is not none %} height={{ height | escape_html }}{%- endif %}
class="{%- if output | get_metadata('unconfined', 'image/jpeg') %}unconfined{%- endif %}">
</div>
{%- endblock data_jpg %}

{%- block data_javascript scoped %}
{%- endblock data_javascript %}
"""

SLIDES_TEMPLATE = r"""{%- extends 'reveal/index.html.j2' -%}
""" + IMAGE_BLOCKS + r"""
{%- block html_head_js_jquery -%}{%- endblock html_head_js_jquery -%}
{%- block html_head_js_requirejs -%}
<script>
window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\(', '\\)']], displayMath: [['$$', '$$'], ['\\[', '\\]']],
        processEscapes: true, processEnvironments: true},
  options: {ignoreHtmlClass: 'tex2jax_ignore|jp-OutputArea-output', processHtmlClass: 'tex2jax_process|jp-RenderedLatex'},
  svg: {fontCache: 'global'},
  startup: {ready: function () {
    MathJax.startup.defaultReady();
    // The widget renderer still calls MathJax 2's MathJax.Hub.Queue(["Typeset", MathJax.Hub, element]).
    MathJax.Hub = {Queue: function (job) {
      var el = job && job[2];
      MathJax.typesetPromise(el ? [el] : undefined).catch(function () {});
    }};
  }}
};
</script>
{#- MathJax before require.js: some of its bundled modules would otherwise register as AMD modules. #}
<script src="{{ resources.scocourse_mathjax_url }}"></script>
<script src="{{ resources.require_js_url }}"></script>
{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}
<style type="text/css">
.reveal .slides h1, .reveal .slides h2, .reveal .slides h3, .reveal .slides h4 { text-transform: none; }
.reveal .jp-RenderedImage img { max-height: 600px; width: auto; }
.reveal details { font-size: 0.8em; }
</style>
{%- endblock html_head_css -%}

{% block footer_js %}
<script>
require({waitSeconds: 30},
  ["{{ resources.reveal.url_prefix }}/dist/reveal.js", "{{ resources.reveal.url_prefix }}/plugin/notes/notes.js"],
  function (Reveal, RevealNotes) {
    window.Reveal = Reveal;  // as a plain <script> would leave it (handy in the console and for tests)
    Reveal.initialize({
      controls: true, progress: true, history: true, center: false,
      transition: "{{ resources.reveal.transition }}", slideNumber: "c/t",
      plugins: [RevealNotes], width: 1280, height: 800
    });
    // A slide taller than the screen scrolls instead of being cut off.
    function scrollTallSlides() {
      var limit = document.querySelector('.reveal').clientHeight * 0.95;
      document.querySelectorAll('section.present section, section.present').forEach(function (s) {
        if (s.querySelector('section') === null && s.scrollHeight > limit) {
          s.style.height = 'calc(95vh)'; s.style.overflowY = 'auto';
        }
      });
    }
    Reveal.on('ready', scrollTallSlides);
    Reveal.on('slidechanged', scrollTallSlides);
  });
</script>
{% endblock footer_js %}
"""

INDEX_CSS = ("body{font-family:sans-serif;max-width:44em;margin:2em auto;padding:0 1em;line-height:1.5}"
             "li{margin:.3em 0}code{background:#f3f3f3;padding:0 .2em}")


# --------------------------------------------------------------------------- preparing the notebook
def slide_type(cell) -> str:
    try:
        return cell.metadata.get("slideshow", {}).get("slide_type", "-") or "-"
    except AttributeError:
        return "-"


def kept_cells(nb) -> list:
    """The cells that go into the deck: not slide_type "skip", not tagged with one of SKIP_TAGS."""
    return [c for c in nb.cells
            if slide_type(c) != "skip" and not SKIP_TAGS & set(c.metadata.get("tags", []) or [])]


def expected_slide_count(nb) -> int:
    """Slides the deck must show: one per slide or subslide cell among the kept cells, plus the first
    visible cell's slide when that cell is not itself marked slide/subslide (nbconvert starts one there)."""
    cells = [c for c in kept_cells(nb)]
    visible = [c for c in cells if slide_type(c) != "notes"]
    if not visible:
        return 0
    n = sum(1 for c in visible if slide_type(c) in SLIDE_STARTS)
    return n + (0 if slide_type(visible[0]) in SLIDE_STARTS else 1)


def prepare(nb):
    """A copy of ``nb`` with only the cells the deck shows."""
    nb = copy.deepcopy(nb)
    nb.cells = kept_cells(nb)
    return nb


# --------------------------------------------------------------------------- checking the deck
class _SlideCounter(html.parser.HTMLParser):
    """Counts reveal's slides: <section>s directly under div.slides, and the <section>s directly in them."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.slides_at: int | None = None  # stack index of div.slides while inside it
        self.done = False
        self.top: list[int] = []  # per horizontal slide: number of vertical (sub)slides in it

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if tag == "div" and not self.done and self.slides_at is None and "slides" in (dict(attrs).get("class") or "").split():
            self.slides_at = len(self.stack)
        elif tag == "section" and self.slides_at is not None:
            inside = self.stack[self.slides_at + 1:]
            if not inside:
                self.top.append(0)
            elif inside == ["section"]:
                self.top[-1] += 1
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID or tag not in self.stack:
            return
        while self.stack.pop() != tag:
            pass
        if self.slides_at is not None and len(self.stack) <= self.slides_at:
            self.slides_at, self.done = None, True


def count_slides(deck_html: str) -> tuple[int, int]:
    """(horizontal slides, slides shown) of a reveal deck; a horizontal slide with vertical subslides
    shows each subslide, one without shows itself."""
    parser = _SlideCounter()
    parser.feed(deck_html)
    parser.close()
    return len(parser.top), sum(n if n else 1 for n in parser.top)


# --------------------------------------------------------------------------- building
def make_exporter(*, show_code: bool = False, theme: str = "white"):
    from jinja2 import DictLoader
    from nbconvert import SlidesExporter

    return SlidesExporter(
        extra_loaders=[DictLoader({"scocourse_reveal.html.j2": SLIDES_TEMPLATE})],
        template_file="scocourse_reveal.html.j2",
        reveal_url_prefix=f"{ASSETS_DIR}/{assets.REVEAL_PREFIX}",
        reveal_theme=theme,
        reveal_transition="none",
        require_js_url=f"{ASSETS_DIR}/{assets.REQUIRE_JS}",
        widget_renderer_url=f"{ASSETS_DIR}/{assets.WIDGET_RENDERER}",
        jupyter_widgets_base_url=f"{ASSETS_DIR}/",
        # Not used by the template above; set to local/empty so no default CDN URL is ever emitted.
        mathjax_url=f"{ASSETS_DIR}/{assets.MATHJAX}",
        jquery_url="",
        font_awesome_url="",
        mermaid_js_url="",
        mermaid_layout_elk_js_url="",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        anchor_link_text="",
    )


def build_deck(path: Path, out: Path, exporter=None, *, show_code: bool = False) -> dict:
    """Writes ``out/<stem>.slides.html``; returns {"path", "expected", "slides", "problems"}."""
    import nbformat

    exporter = exporter or make_exporter(show_code=show_code)
    nb = nbformat.read(path, as_version=4)
    deck_nb = prepare(nb)
    resources = {"metadata": {"name": path.stem, "path": str(path.parent)},
                 "scocourse_mathjax_url": f"{ASSETS_DIR}/{assets.MATHJAX}"}
    body, _ = exporter.from_notebook_node(deck_nb, resources=resources)
    target = out / f"{path.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    expected = expected_slide_count(nb)
    _, shown = count_slides(body)
    problems = [f"loads {url} ({where})" for where, url in assets.external_loads(body, base=out)]
    problems += [f"missing local file {url}" for url in assets.missing_local_files(body, out)]
    if shown != expected:
        problems.append(f"{shown} slides in the deck, {expected} slide/subslide cells in the notebook")
    return {"path": target, "expected": expected, "slides": shown, "problems": problems}


def lesson_title(path: Path) -> str:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if m:
                return re.sub(r"[*_`]", "", m.group(1)).strip()
    return path.stem


def write_index(out: Path, decks: list[tuple[Path, str, int]]) -> Path:
    items = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(title)}</a> ({n} slides)</li>'
                      for p, title, n in decks)
    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>scocourse slides</title>"
            f"<style>{INDEX_CSS}</style></head><body>\n<h1>scocourse — slides</h1>\n"
            "<p>One deck per lesson. Arrow keys or space to move, <kbd>S</kbd> for the speaker view with the "
            "notes, <kbd>F</kbd> for full screen, <kbd>Esc</kbd> for an overview. Everything here works "
            "without a network connection; copy the whole folder to move it.</p>\n"
            f"<ul>\n{items}\n</ul>\n</body></html>\n")
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def build(paths: list[Path], out: Path, *, show_code: bool = False, quiet: bool = False) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    assets.install(out / ASSETS_DIR)
    exporter = make_exporter(show_code=show_code)
    results = []
    for path in paths:
        result = build_deck(path, out, exporter)
        result["title"] = lesson_title(path)
        results.append(result)
        if not quiet:
            state = "ok  " if not result["problems"] else "FAIL"
            print(f"{state} {result['path'].relative_to(out.parent) if out.parent in result['path'].parents else result['path']}"
                  f": {result['slides']} slides")
            for problem in result["problems"]:
                print(f"     {problem}")
    write_index(out, [(r["path"], r["title"], r["slides"]) for r in results])
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Assets cache: build/web_assets or $SCOCOURSE_WEB_ASSETS.")
    parser.add_argument("notebooks", nargs="*", type=Path, help="lessons (default: every notebooks/NN_*.ipynb)")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "slides", help="output folder (default build/slides)")
    parser.add_argument("--show-code", action="store_true", help="show code cells' input on the slides (default: outputs only)")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or assets.lesson_paths()
    if not paths:
        print("no lessons found (notebooks/NN_*.ipynb)")
        return 0
    try:
        results = build(paths, args.out.resolve(), show_code=args.show_code)
    except assets.AssetsUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bad = [r for r in results if r["problems"]]
    print(f"{len(results)} deck(s) in {args.out}; open {args.out / 'index.html'}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
