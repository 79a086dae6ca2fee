#!/usr/bin/env python3
"""Printable worksheets: each lesson's questions without answers, with space to write, for a class without laptops.

    python tools/worksheets.py                     # build/worksheets/NN_worksheet.html for every lesson
    python tools/worksheets.py --lesson 08 --pdf   # one lesson, also as an A4 PDF (headless Chromium)

A worksheet shows the question bank of a lesson in the order a student meets it: choices lettered with a box
to tick, a line for numbers and short answers, lettered items with numbered blanks for ordering, a blank
column for matching, ruled lines for reflections. No answer, hint or solution is printed. Questions that
read a chart or table of the lesson say so; print the lesson's handout beside it
(``python tools/export_handouts.py --pdf``).
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CSS = """
@page { size: A4; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; line-height: 1.25; color: #000;
       margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; } .meta { display: flex; gap: 12mm; margin: 0 0 3mm; }
.meta span { flex: 1; border-bottom: 1px solid #000; padding-top: 5mm; }
.note { font-size: 9.5pt; margin: 0 0 3mm; }
ol.questions { list-style: none; padding: 0; margin: 0; columns: 2; column-gap: 7mm; }
ol.questions > li { break-inside: avoid; margin: 0 0 3mm; }
.prompt p { margin: 0 0 1mm; } .kind { font-size: 9pt; font-style: italic; }
ul.choices { list-style: none; padding-left: 2mm; margin: 1mm 0; } ul.choices li { margin: 0.6mm 0; }
.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #000; margin-right: 2mm;
       vertical-align: -0.5mm; }
.line { border-bottom: 1px solid #000; height: 6mm; } .short { width: 45mm; display: inline-block; }
table { border-collapse: collapse; margin: 1mm 0; } th, td { border: 1px solid #000; padding: 1mm 2mm;
       text-align: left; vertical-align: top; } td.blank { width: 22mm; }
.blanks span { display: inline-block; width: 16mm; border-bottom: 1px solid #000; margin-right: 3mm; }
"""


def _lines(n: int) -> str:
    return "".join('<div class="line"></div>' for _ in range(n))


def question_block(q) -> str:
    """One question as printable HTML (no answer)."""
    from scocourse.exercises.render import markdown_html, type_instructions
    from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

    e = html.escape
    parts = [f'<div class="prompt"><strong>{e(q.id)}</strong> {markdown_html(q.prompt)}</div>']
    if isinstance(q, MultipleChoice):
        how = "Tick every option that applies." if q.multiple else "Tick one option."
        parts.append(f'<div class="kind">{how}</div><ul class="choices">'
                     + "".join(f'<li><span class="box"></span>{LETTERS[i]}. {e(c)}</li>' for i, c in enumerate(q.choices))
                     + "</ul>")
    elif isinstance(q, Numeric):
        unit = f" {e(q.unit)}" if q.unit else ""
        parts.append(f'<div>Answer: <span class="line short"></span>{unit}</div>')
    elif isinstance(q, ShortText):
        parts.append('<div>Answer: <span class="line short"></span></div>')
    elif isinstance(q, Order):
        parts.append(f'<div class="kind">{e(type_instructions(q))} Write the letters in order.</div><ul class="choices">'
                     + "".join(f"<li>{LETTERS[i]}. {e(item)}</li>" for i, item in enumerate(q.shown)) + "</ul>"
                     + '<div class="blanks">' + "".join(f"{k + 1}. <span></span>" for k in range(len(q.items)))
                     + "</div>")
    elif isinstance(q, Match):
        options = "".join(f"<li>{LETTERS[i]}. {e(o)}</li>" for i, o in enumerate(q.options))
        rows = "".join(f'<tr><td>{e(left)}</td><td class="blank"></td></tr>' for left in q.lefts)
        parts.append(f'<div class="kind">Write the letter of the matching {e(q.right_label.lower())}.</div>'
                     f'<table><thead><tr><th scope="col">{e(q.left_label)}</th><th scope="col">Letter</th></tr>'
                     f'</thead><tbody>{rows}</tbody></table><ul class="choices">{options}</ul>')
    elif isinstance(q, Reflection):
        parts.append(f'<div class="kind">At least {q.min_words} words (continue overleaf).</div>' + _lines(4))
    return "<li>" + "".join(parts) + "</li>"


def worksheet_html(lesson: str) -> str:
    """The worksheet of one lesson as a self-contained HTML page (no script, nothing loaded from outside)."""
    from scocourse.exercises import lesson_title, questions

    title = lesson_title(lesson) or ""
    qs = questions(lesson)
    body = "".join(question_block(q) for q in qs)
    e = html.escape
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Worksheet — Lesson {e(lesson)} {e(title)}</title><style>{CSS}</style></head><body><main>"
            f"<h1>Worksheet — Lesson {e(lesson)}{' — ' + e(title) if title else ''}</h1>"
            "<div class='meta'><span>Name</span><span>Date</span></div>"
            "<p class='note'>Answer in the spaces. Some questions read a chart or table of the lesson: use the "
            "lesson's handout. Your lecturer has the answers; in Jupyter the lesson checks them for you.</p>"
            f"<ol class='questions'>{body}</ol></main></body></html>\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "build" / "worksheets", help="output folder")
    parser.add_argument("--lesson", action="append", help="lesson number, e.g. 01 (repeatable; default: all)")
    parser.add_argument("--pdf", action="store_true", help="also print each worksheet to an A4 PDF")
    args = parser.parse_args(argv)
    from scocourse.exercises import lessons
    from scocourse.exercises.registry import normalize_lesson
    try:
        chosen = [normalize_lesson(x) for x in args.lesson] if args.lesson else lessons()
        unknown = [c for c in chosen if c not in lessons()]
        if unknown:
            raise KeyError(f"There is no question bank for lesson {unknown[0]}; lessons: {', '.join(lessons())}")
    except KeyError as exc:
        print(str(exc).strip("'\""), file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    pages = []
    for code in chosen:
        path = args.out / f"{code}_worksheet.html"
        path.write_text(worksheet_html(code), encoding="utf-8")
        pages.append(path)
        print(f"wrote {path}")
    if args.pdf:
        import importlib.util
        spec = importlib.util.spec_from_file_location("scocourse_tools_pdf", Path(__file__).with_name("pdf.py"))
        pdf = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(pdf)
        for p in pdf.print_pdfs([(p, p.with_suffix(".pdf")) for p in pages]):
            print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
