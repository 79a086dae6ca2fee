"""The answer key: every lesson's questions with answers, explanations and hints.

Data-derived answers are computed from the datasets when the key is built. The key has
no dates or paths in it, so rebuilding it from the same data gives the same files.
"""
from __future__ import annotations

import html
from pathlib import Path

from .registry import lesson_title, lessons, questions
from .render import LETTERS, markdown_html, question_html, solution_html, solution_markdown
from .types import Match, MultipleChoice, Numeric, Order, Question

__all__ = ["answer_key_markdown", "answer_key_html", "write_answer_key"]

_TITLE = "scocourse — answer key"
_INTRO = ("For lecturers: every exercise of the course with its answer, the explanation students see with "
          "the solution, and the hints. Answers computed from data were computed from the datasets when "
          "this key was built.")


def _lesson_codes(lesson_list) -> list[str]:
    from .registry import normalize_lesson
    return lessons() if lesson_list is None else [normalize_lesson(x) for x in lesson_list]


def _question_markdown(q: Question) -> str:
    parts = [f"### {q.id} · {q.kind_label}", "", q.prompt.strip(), ""]
    if isinstance(q, MultipleChoice):
        parts += [f"- {LETTERS[i]}. {c}" for i, c in enumerate(q.choices)] + [""]
    elif isinstance(q, Order):
        parts += ["Shown as: " + "; ".join(f"{LETTERS[i]}. {c}" for i, c in enumerate(q.shown)), ""]
    elif isinstance(q, Match):
        parts += [f"Options: {', '.join(q.options)}", ""]
    elif isinstance(q, Numeric):
        parts += [f"Unit: {q.unit or '(none)'}", ""]
    parts += [solution_markdown(q), "", "**Hints:**", ""]
    parts += [f"{i + 1}. {h}" for i, h in enumerate(q.hints)]
    return "\n".join(parts) + "\n"


def answer_key_markdown(lessons=None) -> str:
    """Returns the answer key of the given lessons (all when None) as one Markdown document."""
    out = [f"# {_TITLE}", "", _INTRO, ""]
    for code in _lesson_codes(lessons):
        title = lesson_title(code)
        out += [f"## Lesson {code}" + (f" — {title}" if title else ""), ""]
        out += [_question_markdown(q) for q in questions(code)]
    return "\n".join(out).rstrip() + "\n"


def answer_key_html(lessons=None) -> str:
    """Returns the answer key of the given lessons (all when None) as one standalone HTML page."""
    e = html.escape
    body = [f"<h1>{e(_TITLE)}</h1>", f"<p>{e(_INTRO)}</p>"]
    for code in _lesson_codes(lessons):
        title = lesson_title(code)
        body.append(f"<h2>Lesson {e(code)}" + (f" — {e(title)}" if title else "") + "</h2>")
        for q in questions(code):
            hints = "".join(f"<li>{markdown_html(h)}</li>" for h in q.hints)
            body.append(f'<section id="q-{e(q.id)}"><h3>{e(q.id)} · {e(q.kind_label)}</h3>'
                        f"{question_html(q, live_note=False)}{solution_html(q)}"
                        f"<p><strong>Hints:</strong></p><ol>{hints}</ol></section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{e(_TITLE)}</title><style>body{{font-family:sans-serif;max-width:50em;margin:2em auto;"
            "line-height:1.45;padding:0 1em}section{margin-bottom:2em}td,th{padding:2px 8px;text-align:left}"
            "</style></head><body><main>\n" + "\n".join(body) + "\n</main></body></html>\n")


def write_answer_key(out: str | Path = "build/answer_key", lessons=None) -> tuple[Path, Path]:
    """Writes ``<out>.md`` and ``<out>.html``; returns the two paths."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    md_path, html_path = out.with_name(out.name + ".md"), out.with_name(out.name + ".html")
    md_path.write_text(answer_key_markdown(lessons), encoding="utf-8")
    html_path.write_text(answer_key_html(lessons), encoding="utf-8")
    return md_path, html_path
