"""Text and HTML for questions, solutions and feedback (no widgets, no randomness).

Everything here is deterministic: the same question gives the same HTML on every run,
with no ids, timestamps or addresses, so it can be committed as a notebook output.
Prompts are a small, safe subset of Markdown; all text is HTML-escaped first.
"""
from __future__ import annotations

import html
import re

from .checking import STATUS_LABELS, AnswerUnavailable, Result, numeric_answer
from .types import Match, MultipleChoice, Numeric, Order, Question, Reflection, ShortText

__all__ = ["markdown_html", "question_html", "question_text", "solution_html", "solution_markdown",
           "solution_text", "feedback_html", "type_instructions", "LETTERS"]

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# Colour is only a second signal: every status also has an icon and words.
_STATUS_BORDER = {"correct": "#1b7837", "partly": "#b35806", "incorrect": "#b2182b",
                  "invalid": "#6a51a3", "ungraded": "#2166ac"}

_INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"\[([^\]]+)\]\((https?://[^)\s\"'<>]+)\)"), r'<a href="\2">\1</a>'),
]


_BULLET = re.compile(r"^\s*[-*] ")
_NUMBERED = re.compile(r"^\d+\. ")


def _inline(text: str) -> str:
    out = html.escape(text, quote=False)
    parts = re.split(r"(`[^`]+`)", out)  # no formatting inside code spans
    for i, part in enumerate(parts):
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            parts[i] = f"<code>{part[1:-1]}</code>"
        else:
            for pattern, repl in _INLINE[1:]:
                part = pattern.sub(repl, part)
            parts[i] = part
    return "".join(parts)


def markdown_html(text: str) -> str:
    """Returns safe HTML for a small Markdown subset: paragraphs, "- " lists, **bold**, *italic*, `code`, links."""
    blocks = re.split(r"\n\s*\n", text.strip())
    out = []
    for block in blocks:
        lines = block.splitlines()
        if lines and all(re.match(r"\s*[-*] ", ln) for ln in lines):
            items = "".join("<li>" + _inline(_BULLET.sub("", ln)) + "</li>" for ln in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{_inline(' '.join(ln.strip() for ln in lines))}</p>")
    return "".join(out)


def _plain(text: str) -> str:
    """Returns Markdown text with the emphasis markers removed (for text/plain)."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 (\2)", text)


def type_instructions(q: Question) -> str:
    """Returns one sentence telling the student how to answer this type of question."""
    if isinstance(q, MultipleChoice):
        return "Select all options that apply." if q.multiple else "Choose one option."
    if isinstance(q, Numeric):
        unit = f" in {q.unit}" if q.unit else ""
        return f"Type a number{unit}."
    if isinstance(q, Order):
        return f"Put the items in order ({q.order_label})."
    if isinstance(q, Match):
        return (f"For each {q.left_label.lower()}, choose the matching option from its list "
                f"(column: {q.right_label}).")
    if isinstance(q, ShortText):
        return "Type a word or short phrase."
    if isinstance(q, Reflection):
        return f"Write a few sentences (at least {q.min_words} words). This is not graded."
    return ""


def _header(q: Question) -> str:
    return f"Exercise {q.id} · {q.kind_label}"


# --- the question itself (static fallback) ----------------------------------------------------------

def question_html(q: Question, *, instructor: bool = False, live_note: bool = True) -> str:
    """Returns the question as self-contained HTML: header, prompt, choices/items; no answer
    unless ``instructor`` is True."""
    parts = [f'<div class="scocourse-exercise" data-question="{html.escape(q.id)}" '
             'style="border:1px solid #bbb;border-radius:4px;padding:8px 12px;margin:6px 0">',
             f"<p><strong>{html.escape(_header(q))}</strong></p>",
             markdown_html(q.prompt),
             f"<p><em>{html.escape(type_instructions(q))}</em></p>"]
    if isinstance(q, MultipleChoice):
        box = "☐" if q.multiple else "○"
        items = "".join(f"<li>{box} {LETTERS[i]}. {_inline(c)}</li>" for i, c in enumerate(q.choices))
        parts.append(f'<ul style="list-style:none;padding-left:1em">{items}</ul>')
    elif isinstance(q, Order):
        items = "".join(f"<li>{LETTERS[i]}. {_inline(c)}</li>" for i, c in enumerate(q.shown))
        parts.append(f'<ul style="list-style:none;padding-left:1em">{items}</ul>')
    elif isinstance(q, Match):
        rows = "".join(f"<tr><td style='text-align:left;padding:2px 8px'>{_inline(left)}</td><td style='text-align:left;padding:2px 8px'>…</td></tr>" for left in q.lefts)
        parts.append(f"<table><thead><tr><th style='text-align:left;padding:2px 8px'>{html.escape(q.left_label)}</th><th style='text-align:left;padding:2px 8px'>{html.escape(q.right_label)}"
                     f"</th></tr></thead><tbody>{rows}</tbody></table>")
        parts.append(f"<p>Options: {', '.join(_inline(o) for o in q.options)}</p>")
    if live_note:
        parts.append("<p><em>Run this notebook in Jupyter to answer and check this exercise.</em></p>")
    if instructor:
        parts.append(_instructor_block_html(q))
    parts.append("</div>")
    return "".join(parts)


def question_text(q: Question, *, instructor: bool = False, live_note: bool = True) -> str:
    """Returns the question as plain text (the text/plain fallback); no answer unless ``instructor``."""
    lines = [_header(q), "", _plain(q.prompt).strip(), "", type_instructions(q)]
    if isinstance(q, MultipleChoice):
        box = "[ ]" if q.multiple else "( )"
        lines += [f"  {box} {LETTERS[i]}. {c}" for i, c in enumerate(q.choices)]
    elif isinstance(q, Order):
        lines += [f"  {LETTERS[i]}. {c}" for i, c in enumerate(q.shown)]
    elif isinstance(q, Match):
        lines += [f"  {left} ↔ …" for left in q.lefts]
        lines.append("  Options: " + ", ".join(q.options))
    if live_note:
        lines += ["", "(Run this notebook in Jupyter to answer and check this exercise.)"]
    if instructor:
        lines += ["", "FOR THE LECTURER", solution_text(q)]
    return "\n".join(lines)


# --- solutions --------------------------------------------------------------------------------------

def _numeric_solution(q: Numeric) -> tuple[str, str]:
    """Returns (answer sentence, answer text for {answer}) for a Numeric question."""
    try:
        value = numeric_answer(q)
    except AnswerUnavailable as exc:
        return (f"The answer could not be computed from the course data just now ({exc}).", "(not available)")
    shown = q.format_with_unit(value)
    err = q.allowed_error(value)
    band = ""
    if err > 0:
        band = f" (answers from {q.format_value(value - err)} to {q.format_value(value + err)} are accepted)"
    source = f" Computed from the data: {q.answer_source}." if q.answer_source else (
        " Computed from the course data." if q.computed else "")
    return f"{shown}{band}.{source}", shown


def solution_markdown(q: Question, *, letters: bool = True) -> str:
    """Returns the answer and explanation as Markdown (data-derived answers computed now).

    ``letters``: for order questions, also give the answer as the letters of the static listing.
    """
    answer_for_explanation = ""
    if isinstance(q, MultipleChoice):
        answer = "; ".join(f"{LETTERS[q.choices.index(a)]}. {a}" for a in q.answers)
    elif isinstance(q, Numeric):
        answer, answer_for_explanation = _numeric_solution(q)
    elif isinstance(q, Order):
        answer = "\n".join(f"{i + 1}. {item}" + (f" — {q.notes[item]}" if item in q.notes else "")
                           for i, item in enumerate(q.items))
        if letters:
            answer = ", ".join(LETTERS[q.shown.index(item)] for item in q.items) + " (letters as listed)\n\n" + answer
        else:
            answer = "\n\n" + answer
    elif isinstance(q, Match):
        answer = "\n\n" + "\n".join(f"- {left} ↔ {right}" + (f" — {q.notes[left]}" if left in q.notes else "")
                                    for left, right in q.pairs)
    elif isinstance(q, ShortText):
        answer = q.answer + (f" (also accepted: {', '.join(q.alternatives)})" if q.alternatives else "")
    elif isinstance(q, Reflection):
        answer = "\n\n" + q.model_answer
    else:  # pragma: no cover
        answer = ""
    label = "Model answer" if isinstance(q, Reflection) else "Answer"
    why = q.explanation.replace("{answer}", answer_for_explanation) if answer_for_explanation else q.explanation
    sep = "" if answer.startswith("\n") else " "
    return f"**{label}:**{sep}{answer}\n\n**Why:** {why}"


def solution_text(q: Question, *, letters: bool = True) -> str:
    """Returns the answer and explanation as plain text."""
    return _plain(solution_markdown(q, letters=letters))


def solution_html(q: Question, *, letters: bool = True) -> str:
    """Returns the answer and explanation as HTML (lists for order/match questions)."""
    md = solution_markdown(q, letters=letters)
    out = []
    for block in re.split(r"\n\s*\n", md.strip()):
        lines = block.splitlines()
        if lines and all(re.match(r"\d+\. ", ln) for ln in lines):
            out.append("<ol>" + "".join("<li>" + _inline(_NUMBERED.sub("", ln)) + "</li>" for ln in lines) + "</ol>")
        else:
            out.append(markdown_html(block))
    return '<div class="scocourse-solution-text">' + "".join(out) + "</div>"


def _instructor_block_html(q: Question) -> str:
    return ('<details open class="scocourse-instructor" style="border-top:1px dashed #888;margin-top:6px">'
            "<summary><strong>For the lecturer: answer and explanation</strong></summary>"
            f"{solution_html(q)}</details>")


# --- feedback --------------------------------------------------------------------------------------

def feedback_html(result: Result) -> str:
    """Returns the result as HTML: icon and words for the status, then the message (never colour alone)."""
    border = _STATUS_BORDER.get(result.status, "#888")
    label = STATUS_LABELS.get(result.status, result.status)
    return (f'<div class="scocourse-feedback-message scocourse-{html.escape(result.status)}" role="status" '
            f'style="border-left:4px solid {border};padding:4px 8px;margin:4px 0">'
            f"<strong>{html.escape(label)}.</strong> {_inline(result.message)}</div>")


def html_bundle(html_text: str, plain: str) -> dict:
    """Returns an output dict (display_data) for an ``ipywidgets.Output``'s ``.outputs``."""
    return {"output_type": "display_data", "data": {"text/html": html_text, "text/plain": plain}, "metadata": {}}
