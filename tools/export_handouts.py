#!/usr/bin/env python3
"""Export each lesson to one static HTML handout: readable without a kernel, JavaScript or network.

    python tools/export_handouts.py                       # every notebooks/NN_*.ipynb -> build/handouts/
    python tools/export_handouts.py --out build/handouts notebooks/02_sco_in_numbers.ipynb
    python tools/export_handouts.py --pdf                 # also an A4 PDF of each handout (Chromium)
    python tools/export_handouts.py --with-code           # keep the code of code cells (left out by default)
    python tools/export_handouts.py --keep-lecturer-notes # keep the "For lecturers" notes

Each handout is one self-contained file (nbconvert HTMLExporter, lab template): figures are
embedded as data URIs and carry their text description as alt text (the charts put it in the
output metadata ``{"image/png": {"alt": ...}}``); exercises show their static HTML fallback —
question and choices, never the answer (an instructor-mode answer block, if a notebook was
saved with one, is removed); interactive widgets show their static fallback. The page has no
<script> at all, and nothing is loaded from outside the file (checked after writing; a
failing check makes the command exit 1). Maths, if any, stays as TeX source.
"""
from __future__ import annotations

import argparse
import copy
import html
import importlib.util
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _load(name: str, filename: str):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(filename))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


assets = _load("scocourse_tools_fetch_web_assets", "fetch_web_assets.py")
slides = _load("scocourse_tools_build_slides", "build_slides.py")

from scocourse.mime import WIDGET_VIEW  # noqa: E402
# The navigation cells link to other notebooks, which a handout reader does not have.
REMOVE_TAGS = frozenset({"remove-cell", "remove_cell", "skip-handout", "scocourse-nav", "scocourse-nav-end"})
# "(see the note for lecturers at the end)" points at a note the handout removes: drop the pointer too.
LECTURER_POINTER = re.compile(r"\s*\((?:see )?the notes? for lecturers[^)]*\)", re.I | re.S)
LECTURER_NOTE = re.compile(r"<details[^>]*>\s*<summary>\s*(?:<[^>]+>\s*)*For lecturers.*?</details>", re.I | re.S)
INSTRUCTOR_BLOCK = re.compile(r"<details[^>]*class=\"scocourse-instructor\".*?</details>", re.S)
EMPTY_TH = re.compile(r"<th(?:\s[^>]*)?>\s*</th>")
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.I | re.S)

HANDOUT_TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
""" + slides.IMAGE_BLOCKS + r"""
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">
body.jp-Notebook main { max-width: 60em; margin: 0 auto; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
a { text-decoration: underline; }  /* links are told apart from text by more than colour */
.scocourse-handout-footer { font-family: var(--jp-content-font-family); font-size: 0.85em; color: #444; border-top: 1px solid #ccc; margin-top: 2em; padding-top: .5em; }
@media print { .jp-Cell { break-inside: avoid; } }
</style>
{%- endblock html_head_css -%}
{%- block data_widget_view scoped -%}{%- endblock data_widget_view -%}
{% block body_footer %}
<footer class="scocourse-handout-footer"><p>Handout of {{ resources.scocourse_source | escape_html }} from the
scocourse course (lesson text CC BY 4.0; data: see each chart's source line). Run the notebook in Jupyter
to answer the exercises and use the interactive explorers.</p></footer>
</main>
</body>
{% endblock body_footer %}
"""


def prepare(nb, *, keep_lecturer_notes: bool = False):
    """A copy of ``nb`` ready for a student handout (see the module docstring)."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)  # no widget state: every widget shows its static fallback
    cells = []
    for cell in nb.cells:
        if REMOVE_TAGS & set(cell.metadata.get("tags", []) or []):
            continue
        if cell.cell_type == "markdown" and not keep_lecturer_notes:
            source = LECTURER_POINTER.sub("", LECTURER_NOTE.sub("", cell.source))
            if not source.strip() and cell.source.strip():
                continue
            cell.source = source
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                data.pop(WIDGET_VIEW, None)
                data.pop("application/javascript", None)
                if "text/html" in data:
                    text = data["text/html"]
                    text = "".join(text) if isinstance(text, list) else text
                    # a table's blank corner cell (pandas' unnamed index) is no header: screen readers need
                    # every <th> to name its column or row
                    data["text/html"] = EMPTY_TH.sub("<td></td>", INSTRUCTOR_BLOCK.sub("", text))
        cells.append(cell)
    nb.cells = cells
    return nb


def make_exporter(*, show_code: bool = False):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        extra_loaders=[DictLoader({"scocourse_handout.html.j2": HANDOUT_TEMPLATE})],
        template_name="lab",
        template_file="scocourse_handout.html.j2",
        # Not emitted by the template above; set anyway so no default CDN URL can appear.
        require_js_url="", mathjax_url="", jquery_url="", mermaid_js_url="", mermaid_layout_elk_js_url="",
        widget_renderer_url="", jupyter_widgets_base_url="",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        anchor_link_text="",
    )


def code_css() -> str:
    """CSS for highlighted code with WCAG AA contrast, from accessible-pygments' 'a11y-high-contrast-light'
    style (a kept package; nbconvert's default token colours fail contrast). '' when it is not installed."""
    try:
        from pygments.formatters import HtmlFormatter
        css = HtmlFormatter(style="a11y-high-contrast-light").get_style_defs(".jp-Notebook .highlight")
    except Exception as exc:  # accessible-pygments missing: keep nbconvert's colours, say so
        print(f"note: code colours unchanged ({type(exc).__name__}: pip install -e \".[lecturer]\" for "
              "accessible-pygments)", file=sys.stderr)
        return ""
    return css + "\n.jp-Notebook .highlight { background: #fefefe; }"


def image_descriptions(nb) -> list[str]:
    """The alt text each embedded output image should carry, in order."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = o.get("data", {})
            for mime in ("image/png", "image/jpeg"):
                if mime in data:
                    out.append((o.get("metadata", {}).get(mime) or {}).get("alt") or "")
                    break
    return out


def export_handout(path: Path, out: Path, exporter=None, *, show_code: bool = False,
                   keep_lecturer_notes: bool = False) -> dict:
    """Writes ``out/<stem>.html``; returns {"path", "images", "problems"}."""
    import nbformat

    exporter = exporter or make_exporter(show_code=show_code)
    nb = prepare(nbformat.read(path, as_version=4), keep_lecturer_notes=keep_lecturer_notes)
    source = path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else path.name
    resources = {"metadata": {"name": slides.lesson_title(path), "path": str(path.parent)},
                 "scocourse_source": source}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = SCRIPT.sub("", body)  # a handout needs no JavaScript
    if show_code:
        body = body.replace("</head>", f"<style>{code_css()}</style></head>", 1)
    target = out / f"{path.stem}.html"
    target.write_text(body, encoding="utf-8")
    problems = [f"loads {url} ({where})" for where, url in assets.external_loads(body, base=out)]
    if re.search(r"<script\b", body, re.I):
        problems.append("a <script> is left in the page")
    if "scocourse-instructor" in body or "scocourse-solution-text" in body:
        problems.append("an exercise answer is shown")
    descriptions = image_descriptions(nb)
    missing = sum(1 for d in descriptions if not d.strip())
    if missing:
        problems.append(f"{missing} figure(s) without a text description (alt text)")
    return {"path": target, "images": len(descriptions), "problems": problems}


def write_index(out: Path, handouts: list[tuple[Path, str]]) -> Path:
    items = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(t)}</a></li>' for p, t in handouts)
    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>scocourse handouts</title>"
            f"<style>{slides.INDEX_CSS}</style></head><body><main>\n<h1>scocourse — handouts</h1>\n"
            "<p>One self-contained page per lesson: figures with their descriptions, exercises without "
            "answers. Print them or share the files; no network or Jupyter is needed to read them.</p>\n"
            f"<ul>\n{items}\n</ul>\n</main></body></html>\n")
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="lessons (default: every notebooks/NN_*.ipynb)")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "handouts", help="output folder (default build/handouts)")
    parser.add_argument("--with-code", action="store_true", help="keep the code of code cells (default: left out)")
    parser.add_argument("--no-code", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for old scripts
    parser.add_argument("--pdf", action="store_true", help="also print each handout to an A4 PDF (headless Chromium)")
    parser.add_argument("--keep-lecturer-notes", action="store_true", help="keep the 'For lecturers' notes")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or assets.lesson_paths()
    if not paths:
        print("no lessons found (notebooks/NN_*.ipynb)")
        return 0
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    show_code = args.with_code and not args.no_code
    exporter = make_exporter(show_code=show_code)
    results = []
    for path in paths:
        r = export_handout(path, out, exporter, show_code=show_code, keep_lecturer_notes=args.keep_lecturer_notes)
        r["title"] = slides.lesson_title(path)
        results.append(r)
        print(f"{'ok  ' if not r['problems'] else 'FAIL'} {r['path'].name}: {r['images']} figure(s)")
        for problem in r["problems"]:
            print(f"     {problem}")
    write_index(out, [(r["path"], r["title"]) for r in results])
    if args.pdf:
        pdf = _load("scocourse_tools_pdf", "pdf.py")
        for p in pdf.print_pdfs([(r["path"], r["path"].with_suffix(".pdf")) for r in results]):
            print(f"     {p.name}")
    print(f"{len(results)} handout(s) in {args.out}; open {args.out / 'index.html'}")
    return 1 if any(r["problems"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
