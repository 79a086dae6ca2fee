"""The question banks in the formats learning platforms import.

- :func:`moodle_xml` — Moodle XML (the LMS most universities in the region run): multiple choice, numerical
  (with the tolerance), short answer, matching, ordering (Moodle 4.4+ core type) and essay (reflections,
  with the model answer as grader information), with per-choice feedback, general feedback and hints.
  Written with the standard library's ``xml.etree``.
- :func:`qti_zip` — IMS QTI 1.2 for Canvas and others, through the kept ``text2qti`` package: multiple choice,
  multiple answers, numerical with tolerance, short answer and essay, with feedback. QTI as ``text2qti``
  writes it has no matching or ordering type: those questions are listed as not exported (use Moodle XML).

Answers computed from data are computed now, from the datasets installed with the course.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .checking import numeric_answer
from .registry import lesson_title, lessons, questions
from .render import markdown_html
from .types import Match, MultipleChoice, Numeric, Order, Question, Reflection, ShortText

__all__ = ["moodle_xml", "qti_zip", "qti_text"]


def _lessons(selected) -> list[str]:
    return list(selected) if selected else lessons()


def _html(text: str) -> str:
    return markdown_html(text or "")


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html", **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, {**({"format": fmt} if fmt else {}), **attrs})
    ET.SubElement(el, "text").text = text
    return el


def _fraction(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def _moodle_question(quiz: ET.Element, q: Question) -> None:
    kinds = {MultipleChoice: "multichoice", Numeric: "numerical", ShortText: "shortanswer", Match: "matching",
             Order: "ordering", Reflection: "essay"}
    kind = next(v for k, v in kinds.items() if isinstance(q, k))
    el = ET.SubElement(quiz, "question", {"type": kind})
    name = ET.SubElement(el, "name")
    ET.SubElement(name, "text").text = f"{q.id} {q.label}"[:250]
    _text(el, "questiontext", _html(q.prompt))
    _text(el, "generalfeedback", _html(q.explanation))
    ET.SubElement(el, "defaultgrade").text = "0" if isinstance(q, Reflection) else "1"
    ET.SubElement(el, "penalty").text = "0.3333333"
    ET.SubElement(el, "hidden").text = "0"
    ET.SubElement(el, "idnumber").text = q.id
    if isinstance(q, MultipleChoice):
        ET.SubElement(el, "single").text = "false" if q.multiple else "true"
        ET.SubElement(el, "shuffleanswers").text = "true"
        ET.SubElement(el, "answernumbering").text = "ABCD"
        right = q.answers
        wrong = [c for c in q.choices if c not in right]
        for c in q.choices:
            if c in right:
                frac = 100 / len(right)
            else:
                frac = -100 / len(wrong) if q.multiple and wrong else 0
            ans = _text(el, "answer", _html(c), fraction=_fraction(frac))
            if q.feedback.get(c):
                _text(ans, "feedback", _html(q.feedback[c]))
    elif isinstance(q, Numeric):
        value = numeric_answer(q)
        ans = ET.SubElement(el, "answer", {"fraction": "100", "format": "moodle_auto_format"})
        ET.SubElement(ans, "text").text = repr(float(value))
        ET.SubElement(ans, "tolerance").text = repr(float(q.allowed_error(value)))
        _text(ans, "feedback", _html(f"The answer is {q.format_with_unit(value)}."))
        ET.SubElement(el, "unitgradingtype").text = "0"
        ET.SubElement(el, "showunits").text = "3"
    elif isinstance(q, ShortText):
        ET.SubElement(el, "usecase").text = "0"
        for a in q.accepted:
            ans = ET.SubElement(el, "answer", {"fraction": "100", "format": "moodle_auto_format"})
            ET.SubElement(ans, "text").text = a
        for wrong, why in q.wrong_answers.items():
            ans = ET.SubElement(el, "answer", {"fraction": "0", "format": "moodle_auto_format"})
            ET.SubElement(ans, "text").text = wrong
            _text(ans, "feedback", _html(why))
    elif isinstance(q, Match):
        ET.SubElement(el, "shuffleanswers").text = "true"
        for left, right in q.pairs:
            sub = _text(el, "subquestion", _html(left))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
        for extra in [o for o in q.options if o not in dict(q.pairs).values()]:
            sub = _text(el, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = extra
    elif isinstance(q, Order):
        ET.SubElement(el, "layouttype").text = "VERTICAL"
        ET.SubElement(el, "selecttype").text = "ALL"
        ET.SubElement(el, "selectcount").text = "0"
        ET.SubElement(el, "gradingtype").text = "ABSOLUTE_POSITION"
        for i, item in enumerate(q.items, 1):
            _text(el, "answer", _html(item), fraction=str(i))
    elif isinstance(q, Reflection):
        ET.SubElement(el, "responseformat").text = "editor"
        ET.SubElement(el, "responserequired").text = "1"
        ET.SubElement(el, "responsefieldlines").text = "10"
        ET.SubElement(el, "minwordlimit").text = str(q.min_words)
        _text(el, "graderinfo", _html("Model answer: " + q.model_answer))
    for hint in q.hints:
        _text(el, "hint", _html(hint))


def moodle_xml(selected=None) -> str:
    """Returns the question banks of ``selected`` lessons (default: all) as a Moodle XML quiz file,
    one question category per lesson."""
    quiz = ET.Element("quiz")
    for code in _lessons(selected):
        cat = ET.SubElement(quiz, "question", {"type": "category"})
        title = lesson_title(code)
        ET.SubElement(ET.SubElement(cat, "category"), "text").text = (
            f"$course$/scocourse/Lesson {code}" + (f" — {title}" if title else ""))
        for q in questions(code):
            _moodle_question(quiz, q)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def _t2q(text: str) -> str:
    """One line of text2qti content: no line breaks, and '$' kept literal (text2qti reads $…$ as LaTeX)."""
    return re.sub(r"\s+", " ", text or "").strip().replace("$", r"\$")


def qti_text(selected=None) -> tuple[str, list[str]]:
    """Returns (the text2qti source of the quiz, the ids of questions QTI cannot hold)."""
    lines = [f"Quiz title: scocourse — lessons {', '.join(_lessons(selected))}",
             "Quiz description: Self-check questions of the scocourse lessons (answers computed from the course data).",
             ""]
    skipped = []
    n = 0
    for code in _lessons(selected):
        for q in questions(code):
            if isinstance(q, (Match, Order)):
                skipped.append(q.id)
                continue
            n += 1
            lines.append(f"Title: {_t2q(q.id + ' ' + q.label)}")
            lines.append(f"{n}.  {_t2q(q.prompt)}")
            if q.explanation:
                lines.append(f"...  {_t2q(q.explanation)}")
            if isinstance(q, MultipleChoice):
                for i, c in enumerate(q.choices):
                    letter = chr(ord("a") + i)
                    if q.multiple:
                        mark = "[*]" if c in q.answers else "[ ]"
                    else:
                        mark = f"*{letter})" if c == q.answer else f"{letter})"
                    lines.append(f"{mark} {_t2q(c)}")
                    if q.feedback.get(c) and not q.multiple:
                        lines.append(f"...  {_t2q(q.feedback[c])}")
            elif isinstance(q, Numeric):
                value = numeric_answer(q)
                lines.append(f"=   {value!r} +- {float(q.allowed_error(value))!r}")
            elif isinstance(q, ShortText):
                for a in dict.fromkeys(q.accepted):
                    lines.append(f"*   {_t2q(a)}")
            elif isinstance(q, Reflection):
                lines.append("____")
            lines.append("")
    return "\n".join(lines), skipped


def qti_zip(path: str | Path, selected=None) -> list[str]:
    """Writes a QTI 1.2 package (zip) of the banks to ``path``; returns the ids not exported (matching,
    ordering). Needs the ``text2qti`` package (``pip install -e ".[lecturer]"``)."""
    try:
        from text2qti.config import Config
        from text2qti.qti import QTI
        from text2qti.quiz import Quiz
    except ImportError:
        from ..errors import CourseError
        raise CourseError("QTI export needs the text2qti package: pip install -e \".[lecturer]\"") from None
    source, skipped = qti_text(selected)
    config = Config()
    quiz = Quiz(source, config=config, source_name="scocourse")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    QTI(quiz).save(path)
    return skipped
