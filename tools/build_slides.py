#!/usr/bin/env python3
"""Build a reveal.js slide deck per lesson that works offline and fits a 1280×720 projector.

    python tools/build_slides.py                        # every notebooks/NN_*.ipynb -> build/slides/
    python tools/build_slides.py --out build/slides notebooks/01_origins.ipynb
    python tools/build_slides.py --show-code            # also show the code of code cells
    python tools/build_slides.py --no-redraw            # the notebooks' chart images, not redrawn

Each deck is made by nbconvert's SlidesExporter from the lesson's slides (``metadata.slideshow.slide_type``
slide/subslide; ``notes`` = speaker notes; ``skip`` and cells tagged ``skip``, ``skip-slides`` or
``remove-cell`` are left out), fitted to the screen first (:func:`prepare`, :func:`layout`): each
notebook slide is cut into headings, paragraphs, list items, tables, figures and outputs and packed
into slides of 1280×720 with body text at 25 px and tables at 21 px; a full slide continues on the next
vertical slide, "(continued)". Long paragraphs, "For lecturers" notes and figure descriptions go to the
speaker notes; tables keep the rows that fit; figures get a slide of their own (charts that are plain
``charts.NAME(literal args)`` calls are redrawn in the projector context, see :func:`redraw_chart`).
Exercises and explorers show their static fallback (question and options, never an answer: the
handouts' ``prepare()`` strips instructor-mode answers first). Fragments are not used.

reveal.js, require.js and MathJax are served from ``<out>/_assets/``, copied from the npm registry once by
``tools/fetch_web_assets.py``; every other URL nbconvert's templates would load (jQuery, Font Awesome,
Mermaid, the widgets CDN) is switched off. Each deck is checked after it is written: no file outside
``<out>/`` is loaded, no answer is shown, and it has the slides laid out. Open ``<out>/index.html`` in a
browser; copy the whole folder to take it elsewhere (e.g. a USB stick). Press S in a deck for the speaker
view (notes), F for full screen. tests/browser/test_decks.py measures every slide in Chromium.
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


def _tool(filename: str):
    """Another script of tools/ as a module (loaded once, by path: tools/ is not a package)."""
    name = "scocourse_tools_" + filename.removesuffix(".py")
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(filename))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


assets = _tool("fetch_web_assets.py")

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
<style type="text/css">{{ resources.scocourse_deck_css }}</style>
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
      plugins: [RevealNotes], width: 1280, height: 720, margin: 0,
      minScale: 0.2, maxScale: 2.0
    });
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
    visible cell's slide when that cell is not itself marked slide/subslide (nbconvert starts one there).
    Use it on :func:`prepare`'s deck notebook (the fitted slides), or on a notebook for its own count."""
    cells = [c for c in kept_cells(nb)]
    visible = [c for c in cells if slide_type(c) != "notes"]
    if not visible:
        return 0
    n = sum(1 for c in visible if slide_type(c) in SLIDE_STARTS)
    return n + (0 if slide_type(visible[0]) in SLIDE_STARTS else 1)


# Fitting the slides to a 1280×720 projector. The deck is laid out at exactly that size (reveal's
# width/height, margin 0), so a CSS pixel is a screen pixel at 1280×720. Each cell is cut into blocks
# (heading, paragraph, list item, table, figure, exercise, text output) whose height is estimated
# from the font sizes below; blocks are packed into slides of at most SLIDE_BUDGET px, a slide that
# is full continues on a new vertical slide with the same heading, "(continued)". Long paragraphs go to
# the speaker notes (their first sentence stays), tables keep the rows that fit, figures get the
# height left on their slide. The estimates are deliberately pessimistic; tests/browser/test_decks.py
# measures the real layout in Chromium.
SLIDE_W, SLIDE_H = 1280, 720
PAD_X, PAD_Y = 40, 22
BODY_PX, TABLE_PX, CODE_PX = 25, 21, 24
HEADING_PX = {1: 44, 2: 38, 3: 32, 4: 28, 5: 26, 6: 26}
LINE = 1.3  # line-height of body text
TEXT_W = SLIDE_W - 2 * PAD_X
CHAR_W = 0.54  # average glyph width of Source Sans Pro, in em, with a margin for bold and capitals
SLIDE_BUDGET = int((SLIDE_H - 2 * PAD_Y) * 0.9)  # estimates are only estimates
LONG_PARAGRAPH = 560  # characters (of rendered text): longer paragraphs go to the notes
LEAD_MAX = 300  # further sentences join the first one on the slide up to this length
MIN_FIGURE = 300  # px: a figure gets at least this much height, else it starts a new slide
MAX_TABLE_ROWS = 12

DECK_CSS = f"""
.reveal .slide-number {{ color: #000; background-color: rgba(255, 255, 255, 0.92); font-size: 16px; }}
.reveal .slides {{ text-align: left; }}
.reveal .slides section {{ box-sizing: border-box; padding: {PAD_Y}px {PAD_X}px; height: {SLIDE_H}px; }}
.reveal .slides section.stack {{ padding: 0; }}
.reveal .slides section *:not(mjx-container):not(mjx-container *) {{ font-size: {BODY_PX}px; line-height: {LINE}; }}
.reveal .slides section *:not(code):not(pre):not(pre *):not(mjx-container):not(mjx-container *) {{ font-family: "Source Sans Pro", Helvetica, Arial, sans-serif; }}
.reveal .slides section h1 {{ font-size: {HEADING_PX[1]}px !important; line-height: 1.15 !important; margin: 0 0 14px; }}
.reveal .slides section h2 {{ font-size: {HEADING_PX[2]}px !important; line-height: 1.15 !important; margin: 0 0 12px; }}
.reveal .slides section h3 {{ font-size: {HEADING_PX[3]}px !important; line-height: 1.2 !important; margin: 0 0 10px; }}
.reveal .slides section h4, .reveal .slides section h5, .reveal .slides section h6 {{ font-size: {HEADING_PX[4]}px !important; margin: 0 0 8px; }}
.reveal .slides h1, .reveal .slides h2, .reveal .slides h3, .reveal .slides h4 {{ text-transform: none; }}
.reveal .slides section p {{ margin: 0 0 12px; }}
.reveal .slides section ul, .reveal .slides section ol {{ margin: 0 0 12px 1.2em; padding: 0; display: block; }}
.reveal .slides section li {{ margin: 0 0 6px; }}
.reveal .slides section .jp-Cell, .reveal .slides section .jp-OutputArea-output,
.reveal .slides section .jp-RenderedHTMLCommon, .reveal .slides section .jp-OutputArea,
.reveal .slides section .jp-Cell-outputWrapper, .reveal .slides section .jp-Cell-inputWrapper {{ padding: 0; margin: 0; overflow: visible; }}
.reveal .slides section table {{ border-collapse: collapse; margin: 0 0 10px; max-width: 100%; }}
.reveal .slides section table * {{ font-size: {TABLE_PX}px !important; line-height: 1.25 !important; }}
.reveal .slides section th, .reveal .slides section td {{ padding: 3px 8px !important; text-align: left; vertical-align: top; }}
.reveal .slides section pre, .reveal .slides section pre * {{ font-size: {CODE_PX}px !important; white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere; margin: 0 0 10px; box-shadow: none; width: auto; }}
.reveal .slides section code {{ font-size: inherit; }}
.reveal .slides section img {{ display: block; margin: 0 auto; max-width: 100%; width: auto; height: auto; }}
.reveal .slides section .scocourse-exercise {{ margin: 0 !important; padding: 8px 14px !important; }}
.reveal .slides section .scocourse-deck-more {{ color: #444; font-style: italic; }}
.reveal .slides section a.anchor-link {{ display: none; }}
.reveal .slides section p, .reveal .slides section li, .reveal .slides section a {{ overflow-wrap: anywhere; }}
.reveal .slides section [style*="max-width"] {{ max-width: none !important; }}
"""

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST_ITEM = re.compile(r"^(\s{0,3})([-*+]|\d+[.)])\s+")
_TABLE_ROW = re.compile(r"^\s*\|")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"(*])")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")


def _plain(markdown: str) -> str:
    """Roughly the rendered text of a bit of Markdown/HTML (for estimating its length)."""
    text = _LINK.sub(r"\1", markdown)
    text = _TAG.sub("", text)
    text = re.sub(r"[*_`]|\\(?=[$*_])", "", text)
    return html.unescape(re.sub(r"\s+", " ", text)).strip()


def _lines(text: str, px: float, width: float = TEXT_W) -> int:
    per_line = max(8, int(width / (px * CHAR_W)))
    words, lines, used = text.split(), 1, 0
    for w in words:
        n = len(w) + (1 if used else 0)
        if used + n > per_line and used:
            lines, used = lines + 1, len(w)
        else:
            used += n
    return lines


def _text_height(text: str, px: float = BODY_PX, width: float = TEXT_W, after: float = 12) -> float:
    return _lines(text, px, width) * px * LINE + after


class Block:
    """A piece of a slide: ``kind`` is heading, text, item, table, figure, output or notes."""

    def __init__(self, kind: str, height: float = 0, *, cell=None, text: str = "", level: int = 0):
        self.kind, self.height, self.cell, self.text, self.level = kind, height, cell, text, level


def _md_cell(source: str):
    from nbformat.v4 import new_markdown_cell

    return new_markdown_cell(source)


def _output_cell(outputs: list, source: str = ""):
    from nbformat.v4 import new_code_cell

    cell = new_code_cell(source)
    cell.outputs = outputs
    if not source:  # an output moved to its own cell: no empty input area with --show-code
        cell.metadata["transient"] = {"remove_source": True}
    return cell


def _heading_block(line: str) -> Block:
    m = _HEADING.match(line.strip())
    level = len(m.group(1))
    px = HEADING_PX[level]
    height = _lines(_plain(m.group(2)), px) * px * 1.2 + 14
    return Block("heading", height, text=line.strip(), level=level)


def _md_table_blocks(lines: list[str], budget: float) -> list[Block]:
    """A Markdown table, cut to the rows that fit (a note says how many rows the notebook has)."""
    header, rows = lines[:2], lines[2:]
    cells = [[_plain(c) for c in r.strip().strip("|").split("|")] for r in [lines[0], *rows]]
    heights = _row_heights(cells)
    keep, used = 0, heights[0] + 10
    for h in heights[1:]:
        if used + h > budget or keep >= MAX_TABLE_ROWS:
            break
        keep, used = keep + 1, used + h
    text = "\n".join(header + rows[:keep])
    blocks = [Block("text", used, cell=_md_cell(text), text=text)]
    if keep < len(rows):
        more = f'<p class="scocourse-deck-more">First {keep} of {len(rows)} rows; the full table is in the notebook and the handout.</p>'
        blocks.append(Block("text", _text_height("x" * 90), cell=_md_cell(more), text=more))
    return blocks


def _row_heights(rows: list[list[str]]) -> list[float]:
    """Estimated height of each row of a table with these cell texts (auto layout, TABLE_PX font)."""
    if not rows:
        return []
    ncols = max(len(r) for r in rows)
    col = [[r[i] if i < len(r) else "" for r in rows] for i in range(ncols)]
    widest = [max(3, *(len(t) for t in c)) for c in col]
    word = [max(3, *(len(w) for t in c for w in (t.split() or [""]))) for c in col]  # min-content width
    char = TABLE_PX * CHAR_W
    avail = TEXT_W / char - ncols * 1.6  # in characters, less the cells' padding
    if sum(widest) <= avail:
        chars = [float(w) for w in widest]
    else:  # the browser gives each column its longest word, then shares the rest by content
        spare = max(0.0, avail - sum(word))
        extra = [w - m for w, m in zip(widest, word)]
        chars = [m + spare * e / (sum(extra) or 1) for m, e in zip(word, extra)]
    out = []
    for r in rows:
        n = max(_lines(r[i], TABLE_PX, chars[i] * char * CHAR_W / 0.62) if i < len(r) and r[i] else 1
                for i in range(ncols))
        out.append((n * TABLE_PX * 1.25 + 7) * 1.1)
    return out


def _split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _paragraph_blocks(text: str, notes: list) -> list[Block]:
    """A paragraph; a long one goes to the notes and leaves its first sentence on the slide."""
    flat = " ".join(line.strip() for line in text.splitlines())
    plain = _plain(flat)
    if len(plain) <= LONG_PARAGRAPH:
        return [Block("text", _text_height(plain), cell=_md_cell(text), text=text)]
    sentences = _split_sentences(flat)
    lead = sentences[0] if sentences else flat
    if len(_plain(lead)) > LONG_PARAGRAPH:  # one very long sentence: it stays whole
        return [Block("text", _text_height(plain), cell=_md_cell(text), text=text)]
    for more in sentences[1:]:
        if len(_plain(lead + " " + more)) > LEAD_MAX:
            break
        lead += " " + more
    notes.append(text)
    shown = lead + " *(continued in the speaker notes)*"
    return [Block("text", _text_height(_plain(shown)), cell=_md_cell(shown), text=shown)]


def markdown_blocks(source: str, notes: list) -> list[Block]:
    """Blocks of one Markdown cell; lecturer notes and long paragraphs are added to ``notes``."""
    handouts = _handouts()
    for m in handouts.LECTURER_NOTE.finditer(source):
        notes.append(m.group(0))
    source = handouts.LECTURER_NOTE.sub("", source)
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", source.strip()):
        blocks.extend(_chunk_blocks(chunk.splitlines(), notes))
    return blocks


def _chunk_blocks(lines: list[str], notes: list) -> list[Block]:
    """Blocks of one blank-line-separated chunk of Markdown: headings, a paragraph, list items, a table."""
    blocks: list[Block] = []
    para: list[str] = []
    items: list[list[str]] = []
    table: list[str] = []

    def flush():
        if para:
            blocks.extend(_paragraph_blocks("\n".join(para), notes))
            para.clear()
        for item in items:
            text = "\n".join(item)
            blocks.append(Block("item", _lines(_plain(text), BODY_PX, TEXT_W - 40) * BODY_PX * LINE + 6, text=text))
        items.clear()
        if table:
            blocks.append(Block("mdtable", 0, text="\n".join(table)))
            table.clear()

    for line in lines:
        if _HEADING.match(line.strip()) and not items:
            flush()
            blocks.append(_heading_block(line))
        elif _TABLE_ROW.match(line) and not para and not items:
            table.append(line)
        elif _LIST_ITEM.match(line) and not line.startswith("    "):
            if para or table:
                flush()
            items.append([line])
        elif items:
            items[-1].append(line)
        else:
            if table:
                flush()
            para.append(line)
    flush()
    return blocks


def _html_height(fragment: str, width: float = TEXT_W) -> float:
    """Height of an HTML output (exercise fallback, explorer fallback, small HTML)."""
    fragment = re.sub(r"<style.*?</style>", "", fragment, flags=re.S)
    height = 0.0
    for table in re.findall(r"<table.*?</table>", fragment, flags=re.S):
        rows = [[_plain(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, flags=re.S)]
                for tr in re.findall(r"<tr.*?</tr>", table, flags=re.S)]
        height += sum(_row_heights(rows)) + 10
    rest = re.sub(r"<table.*?</table>", "", fragment, flags=re.S)
    for piece in re.split(r"</p>|</li>|<br\s*/?>|</h\d>|</div>|</summary>", rest):
        text = _plain(piece)
        if text:
            height += _text_height(text, width=width, after=10)
    return height + 24  # borders and padding of an exercise box


class _TopLevel(html.parser.HTMLParser):
    """Cuts an HTML fragment at the ends of its top-level elements (a <div> wrapping everything is opened)."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.depth, self.cuts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            self.depth -= 1
            if self.depth == 0:
                self.cuts.append(self._offset())

    def _offset(self) -> int:
        line, col = self.getpos()
        return sum(self._line_lengths[:line - 1]) + col

    def pieces(self, fragment: str) -> list[str]:
        self._line_lengths = [len(x) for x in fragment.splitlines(keepends=True)]
        self.feed(fragment)
        self.close()
        out, start = [], 0
        for cut in self.cuts:
            end = fragment.find(">", cut) + 1
            out.append(fragment[start:end])
            start = end
        out.append(fragment[start:])
        return [p for p in out if p.strip()]


def split_html(fragment: str) -> list[str]:
    """The top-level elements of ``fragment``, each with what precedes it; one wrapping element is opened."""
    fragment = fragment.strip()
    pieces = _TopLevel().pieces(fragment)
    if len(pieces) == 1:
        m = re.match(r"<(div|section)\b[^>]*>(.*)</\1>\s*$", fragment, flags=re.S)
        if m:
            pieces = _TopLevel().pieces(m.group(2))
    return pieces


def _table_output(out, budget: float) -> tuple[dict, float]:
    """A pandas table cut to the rows that fit in ``budget`` px (with a note of how many there are)."""
    data = out["data"]
    page = data["text/html"]
    page = "".join(page) if isinstance(page, list) else page
    body = re.search(r"<tbody>(.*?)</tbody>", page, flags=re.S)
    head = re.search(r"<thead>(.*?)</thead>", page, flags=re.S)

    def cells(tr):
        return [_plain(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, flags=re.S)]

    head_rows = [cells(tr) for tr in re.findall(r"<tr.*?</tr>", head.group(1), flags=re.S)] if head else []
    trs = re.findall(r"<tr.*?</tr>", body.group(1), flags=re.S) if body else []
    rows = [cells(tr) for tr in trs]
    heights = _row_heights(head_rows + rows)
    around = re.sub(r"<table.*?</table>", "", page, flags=re.S)  # text before or after the table
    used = sum(heights[:len(head_rows)]) + 12 + (_html_height(around) - 24 if _plain(around) else 0)
    keep = 0
    for h in heights[len(head_rows):]:
        if used + h > budget or keep >= MAX_TABLE_ROWS:
            break
        keep, used = keep + 1, used + h
    if body and keep < len(trs):
        keep = max(keep, 1)
        page = page[:body.start(1)] + "".join(trs[:keep]) + page[body.end(1):]
        page += (f'<p class="scocourse-deck-more">First {keep} of {len(trs)} rows; the full table is in the '
                 "notebook and the handout.</p>")
        used += _text_height("x" * 95)
    new = copy.deepcopy(out)
    new["data"] = {"text/html": page, "text/plain": data.get("text/plain", "")}
    return new, used


def output_blocks(cell, notes: list, show_code: bool) -> list[Block]:
    blocks: list[Block] = []
    if show_code and cell.source.strip():
        lines, keep, used = cell.source.splitlines(), [], 30.0
        for line in lines:
            h = _lines(line or "x", CODE_PX * 1.2) * CODE_PX * 1.4
            if used + h > SLIDE_BUDGET - 120 and keep:
                break
            keep.append(line)
            used += h
        if len(keep) < len(lines):  # a long cell: the lines that fit, the rest is in the notebook
            keep.append(f"# … {len(lines) - len(keep)} more lines in the notebook")
            used += CODE_PX * 1.4
        blocks.append(Block("output", used, cell=_output_cell([], "\n".join(keep))))
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        kind = out.get("output_type")
        if kind == "stream":
            text = "".join(out.get("text", "")) if isinstance(out.get("text"), list) else out.get("text", "")
            if out.get("name") == "stderr" or not text.strip():
                continue
            for b in _text_output_blocks(out, text.rstrip("\n")):
                if b.cell is not None and b.cell.cell_type == "code" and "data" in b.cell.outputs[0]:
                    b.cell.outputs[0] = {"output_type": "stream", "name": "stdout",
                                         "text": b.cell.outputs[0]["data"]["text/plain"] + "\n"}
                blocks.append(b)
        elif kind == "error":
            continue
        elif "image/png" in data or "image/jpeg" in data:
            out = redraw_chart(cell.source, out) or out
            mime = "image/png" if "image/png" in data else "image/jpeg"
            alt = ((out.get("metadata") or {}).get(mime) or {}).get("alt") or ""
            blocks.append(Block("figure", MIN_FIGURE, cell=_output_cell([out]), text=alt))
        elif "text/markdown" in data:
            text = data["text/markdown"]
            text = "".join(text) if isinstance(text, list) else text
            if text.lstrip().startswith("**Figure description:**"):
                notes.append(text)  # the figure carries it as alt text too
                continue
            blocks.extend(markdown_blocks(text, notes))
        elif "text/html" in data:
            page = data["text/html"]
            page = "".join(page) if isinstance(page, list) else page
            if "scocourse-progress" in page:  # a student's own progress: empty when the deck is built
                text = "*In the notebook, `progress()` shows each student's own answers so far.*"
                blocks.append(Block("text", _text_height(_plain(text)), cell=_md_cell(text), text=text))
            elif "<table" in page and "<tbody>" in page and "scocourse-exercise" not in page:
                blocks.append(Block("table", 0, cell=out))
            elif _html_height(page) > SLIDE_BUDGET * 0.8 and "scocourse-exercise" not in page:
                for piece in split_html(page):  # a long static fallback: its parts spread over slides
                    part = {"output_type": "display_data", "metadata": {},
                            "data": {"text/html": piece, "text/plain": _plain(piece)}}
                    blocks.append(Block("output", _html_height(piece), cell=_output_cell([part])))
            else:
                blocks.append(Block("output", _html_height(page), cell=_output_cell([out])))
        elif "text/plain" in data:
            text = data["text/plain"]
            text = "".join(text) if isinstance(text, list) else text
            blocks.extend(_text_output_blocks(out, text))
    return blocks


def _text_output_blocks(out, text: str) -> list[Block]:
    """A plain-text result; one too long for a slide keeps the lines that fit and says how many there are."""
    lines = text.splitlines() or [""]
    keep, used = 0, 14.0
    for line in lines:
        h = _lines(line or "x", CODE_PX * 1.1) * CODE_PX * 1.3
        if used + h > SLIDE_BUDGET - 150 and keep:
            break
        keep, used = keep + 1, used + h
    if keep == len(lines):
        return [Block("output", used, cell=_output_cell([out]))]
    new = copy.deepcopy(out)
    new["data"] = {"text/plain": "\n".join(lines[:keep])}
    more = (f'<p class="scocourse-deck-more">First {keep} of {len(lines)} lines; the rest is in the notebook '
            "and the handout.</p>")
    return [Block("output", used, cell=_output_cell([new])), Block("text", _text_height("x" * 95), cell=_md_cell(more))]


# Charts are redrawn for the projector when the notebook keeps enough to do so: a cell that is one call
# ``charts.NAME(...)`` whose arguments are literals (or ``sc.NAME()`` with none) is called again here in
# ``charts.use_context("projector")`` at REDRAW_DPI, so its labels are drawn for a hall, not a notebook
# column. The redrawn figure is used only if its text description is the stored one (same data, same
# chart); any other chart (arguments from variables, e.g. ``charts.electricity_mix(CA, mix_year)``) keeps
# the notebook's image, scaled to the slide.
REDRAW = {"on": True}
REDRAW_DPI = 150
_REDRAWN: dict[str, dict | None] = {}


def _literal_call(source: str):
    import ast

    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError:
        return None
    call = tree.body
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name) and call.func.value.id == "charts"):
        return None

    def ok(node) -> bool:
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, (ast.List, ast.Tuple)):
            return all(ok(e) for e in node.elts)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return ok(node.operand)
        return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args
                and not node.keywords and isinstance(node.func.value, ast.Name) and node.func.value.id == "sc")

    if all(ok(a) for a in call.args) and all(k.arg and ok(k.value) for k in call.keywords):
        return tree
    return None


def redraw_chart(source: str, stored: dict) -> dict | None:
    """The chart of ``source`` redrawn in the projector context, or None (see REDRAW)."""
    if not REDRAW["on"]:
        return None
    tree = _literal_call(source)
    if tree is None:
        return None
    key = source.strip()
    if key not in _REDRAWN:
        _REDRAWN[key] = None
        try:
            import base64

            import scocourse
            from scocourse import charts
            from scocourse.charts import figure

            previous = charts.get_context()
            charts.use_context("projector")
            try:
                fig = eval(compile(tree, "<slide chart>", "eval"), {"__builtins__": {}}, {"charts": charts, "sc": scocourse})
                png = base64.b64encode(figure.png_bytes(fig, dpi=REDRAW_DPI)).decode("ascii")
            finally:
                charts.use_context(previous)
            alt = getattr(fig, "description", "") or ""
            _REDRAWN[key] = {"output_type": "display_data", "metadata": {"image/png": {"alt": alt}},
                             "data": {"image/png": png, "text/plain": repr(fig)}}
        except Exception as exc:  # the stored image is still there: say why, use it
            print(f"     chart not redrawn ({key[:60]}): {type(exc).__name__}: {exc}", file=sys.stderr)
    new = _REDRAWN[key]
    stored_alt = ((stored.get("metadata") or {}).get("image/png") or {}).get("alt") or ""
    if new is None or new["metadata"]["image/png"]["alt"] != stored_alt:
        return None
    return new


def _group_cells(cells: list) -> list[tuple[str, list]]:
    """The notebook's slides: (slide or subslide, cells) per slide/subslide cell."""
    groups: list[tuple[str, list]] = []
    for cell in cells:
        kind = slide_type(cell)
        if kind in SLIDE_STARTS or not groups:
            groups.append((kind if kind in SLIDE_STARTS else "slide", [cell]))
        else:
            groups[-1][1].append(cell)
    return groups


def _title_of(heading: Block) -> str:
    m = _HEADING.match(heading.text)
    title = re.sub(r"\s*\(continued\)$", "", m.group(2).strip())
    return f"{'#' * max(2, heading.level)} {title} (continued)"


def layout(cells: list, *, show_code: bool = False) -> list:
    """The deck's cells: the notebook's slides cut and packed to fit (see SLIDE_BUDGET)."""
    out_cells: list = []
    last_title: Block | None = None
    for group_type, group in _group_cells(cells):
        blocks: list[Block] = []
        for cell in group:
            notes: list[str] = []
            if slide_type(cell) == "notes":
                notes.append(cell.source if cell.cell_type == "markdown" else "")
            elif cell.cell_type == "markdown":
                blocks.extend(markdown_blocks(cell.source, notes))
            elif cell.cell_type == "code":
                blocks.extend(output_blocks(cell, notes, show_code))
            blocks.extend(Block("note", text=n) for n in notes if n.strip())
        first = next((b for b in blocks if b.kind != "note"), None)
        if first is not None and first.kind == "heading":
            last_title = first
        elif first is not None and last_title is not None and group_type == "subslide":
            # a vertical slide without a heading (e.g. a chart) keeps the section's heading, "(continued)"
            blocks.insert(0, _heading_block(_title_of(last_title)))
        for i, on_slide in enumerate(s for s in pack(blocks) if s):
            out_cells.extend(_slide_cells(on_slide, group_type if i == 0 else "subslide"))
    return out_cells


class _Slides:
    """Slides being filled: a full slide continues on a new one under the same heading, "(continued)"."""

    def __init__(self):
        self.slides: list[list[Block]] = [[]]
        self.used = 0.0
        self.title: Block | None = None

    @property
    def room(self) -> float:
        return SLIDE_BUDGET - self.used

    def has_content(self) -> bool:
        return any(b.kind not in ("heading", "note") for b in self.slides[-1])

    def add(self, block: Block) -> None:
        self.slides[-1].append(block)
        self.used += block.height

    def new_slide(self) -> None:
        self.slides.append([])
        self.used = 0.0
        if self.title is not None:
            self.add(_heading_block(_title_of(self.title)))


def pack(blocks: list[Block]) -> list[list[Block]]:
    """The blocks of one notebook slide, packed into slides of at most SLIDE_BUDGET px each."""
    s = _Slides()
    for block in blocks:
        if block.kind == "note":
            s.add(block)
            continue
        if block.kind == "heading" and s.title is None and not s.slides[0]:
            s.title = block
        if any(b.kind == "figure" for b in s.slides[-1]):  # nothing under a figure: it has the slide's height
            s.new_slide()
        if block.kind == "mdtable":
            if s.room < 200 and s.has_content():
                s.new_slide()
            for b in _md_table_blocks(block.text.splitlines(), s.room - 50):
                s.add(b)
            continue
        if block.kind == "table":
            if s.room < 220 and s.has_content():
                s.new_slide()
            output, height = _table_output(block.cell, s.room)
            s.add(Block("output", height, cell=_output_cell([output])))
            continue
        if block.kind == "heading" and s.slides[-1] and block is not s.title and block.height + 80 > s.room:
            s.new_slide()
        elif block.kind == "figure" and s.has_content():  # a figure gets a slide of its own, as large as it fits
            s.new_slide()
        elif block.height > s.room and s.has_content():
            s.new_slide()
        s.add(block)
    # Figures take the height left on their slide.
    for on_slide in s.slides:
        fixed = sum(b.height for b in on_slide if b.kind != "figure")
        for b in on_slide:
            if b.kind == "figure":
                b.max_height = int(max(MIN_FIGURE, (SLIDE_H - 2 * PAD_Y) - fixed / 0.9 - 20))
    return [on_slide for on_slide in s.slides if any(b.kind != "note" for b in on_slide)] or s.slides[:0]


def _slide_cells(on_slide: list[Block], first_type: str) -> list:
    """The cells of one slide: the first starts it (slide/subslide), list items are joined into one list,
    and the slide's notes become one notes cell (reveal's speaker view shows one per slide)."""
    cells, items, notes = [], [], []

    def flush_items():
        if items:
            cells.append(_md_cell("\n".join(items)))
            items.clear()

    for b in on_slide:
        if b.kind == "item":
            items.append(b.text)
            continue
        flush_items()
        if b.kind == "note":
            notes.append(b.text)
        elif b.kind == "heading":
            cells.append(_md_cell(b.text))
        elif b.kind == "figure":
            cells.append(_figure_cell(b.cell.outputs[0], b.max_height))
        else:
            cells.append(b.cell)
    flush_items()
    for n, cell in enumerate(cells):
        cell.metadata["slideshow"] = {"slide_type": first_type if n == 0 else "-"}
    if notes:
        note = _md_cell("\n\n".join(notes))
        note.metadata["slideshow"] = {"slide_type": "notes"}
        cells.append(note)
    return cells


def _figure_cell(out, max_height: int):
    """A figure as an <img> with its description as alt text, at most ``max_height`` px high."""
    data = out["data"]
    mime = "image/png" if "image/png" in data else "image/jpeg"
    alt = ((out.get("metadata") or {}).get(mime) or {}).get("alt") or ""
    src = data[mime]
    src = "".join(src) if isinstance(src, list) else src
    size = _png_size(src) if mime == "image/png" else None
    if size:  # scaled up to the room on the slide (the stored figure is a notebook-column PNG)
        height = int(min(max_height, size[1] * TEXT_W / size[0]))
        style = f"height:{height}px;width:auto;max-width:100%"
    else:
        style = f"max-height:{max_height}px;max-width:100%;width:auto;height:auto"
    img = (f'<div class="jp-RenderedImage"><img src="data:{mime};base64,{src.strip()}" alt="{html.escape(alt)}" '
           f'style="{style}"></div>')
    return _output_cell([{"output_type": "display_data", "metadata": {},
                          "data": {"text/html": img, "text/plain": data.get("text/plain", "<figure>")}}])


def _png_size(b64: str) -> tuple[int, int] | None:
    import base64
    import struct

    try:
        head = base64.b64decode(b64.strip()[:64])
        if head[:8] == b"\x89PNG\r\n\x1a\n":
            return struct.unpack(">II", head[16:24])
    except (ValueError, struct.error):
        pass
    return None


def _handouts():
    return _tool("export_handouts.py")


def prepare(nb, *, show_code: bool = False):
    """The deck's notebook: the cells the deck shows, fitted to 1280×720 slides (:func:`layout`).

    Answers never reach a deck: the notebook first goes through the handouts' ``prepare()``
    (tools/export_handouts.py), which removes instructor-mode answer blocks and widget views (every
    exercise and explorer shows its static fallback: question and options, no answer), with the
    "For lecturers" notes kept here for the speaker view.
    """
    nb = copy.deepcopy(nb)
    nb.cells = kept_cells(nb)
    for cell in nb.cells:  # cells tagged skip-handout stay in the deck
        tags = cell.metadata.get("tags", []) or []
        if "skip-handout" in tags:
            cell.metadata["tags"] = [t for t in tags if t != "skip-handout"]
    nb = _handouts().prepare(nb, keep_lecturer_notes=True)
    nb.cells = layout(nb.cells, show_code=show_code)
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
    deck_nb = prepare(nb, show_code=show_code)
    resources = {"metadata": {"name": path.stem, "path": str(path.parent)},
                 "scocourse_mathjax_url": f"{ASSETS_DIR}/{assets.MATHJAX}", "scocourse_deck_css": DECK_CSS}
    body, _ = exporter.from_notebook_node(deck_nb, resources=resources)
    target = out / f"{path.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    expected = expected_slide_count(deck_nb)
    _, shown = count_slides(body)
    problems = [f"loads {url} ({where})" for where, url in assets.external_loads(body, base=out)]
    problems += [f"missing local file {url}" for url in assets.missing_local_files(body, out)]
    if shown != expected:
        problems.append(f"{shown} slides in the deck, {expected} slides laid out")
    if "scocourse-instructor" in body or "scocourse-solution-text" in body:
        problems.append("an exercise answer is shown (the notebook was saved in instructor mode and the answer was not removed)")
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
        result = build_deck(path, out, exporter, show_code=show_code)
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
    parser.add_argument("--no-redraw", action="store_true",
                        help="use the notebooks' stored chart images instead of redrawing charts for the projector")
    args = parser.parse_args(argv)
    REDRAW["on"] = not args.no_redraw
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
