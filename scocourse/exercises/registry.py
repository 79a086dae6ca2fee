"""Finds question banks and looks questions up by id.

A bank is a module ``scocourse/exercises/bank/lesson_NN.py`` that defines ``QUESTIONS``
(a list of question objects whose ids start with "NN-") and optionally ``TITLE``. Banks
are discovered from the file names and imported lazily, one lesson at a time, so an
error in one lesson's bank does not break another lesson's notebook.
"""
from __future__ import annotations

import difflib
import importlib
import pkgutil
import re
from dataclasses import dataclass

from ._errors import QuestionDefinitionError, UnknownQuestionError
from .types import Question

__all__ = ["get_question", "questions", "lessons", "lesson_title", "normalize_id", "reload_banks",
           "BANK_PACKAGE"]

BANK_PACKAGE = "scocourse.exercises.bank"
_MODULE = re.compile(r"^lesson_(\d{2})$")
_ID = re.compile(r"^\s*(\d{1,2})\s*[-_.–]\s*(\d{1,2})\s*$")


@dataclass(frozen=True)
class _Bank:
    lesson: str
    title: str
    questions: tuple[Question, ...]


_BANKS: dict[str, _Bank] = {}


def lessons() -> list[str]:
    """Returns the lesson codes ("00", "01", …) that have a question bank, sorted."""
    pkg = importlib.import_module(BANK_PACKAGE)
    found = {m.group(1) for info in pkgutil.iter_modules(pkg.__path__) if (m := _MODULE.match(info.name))}
    return sorted(found)


def normalize_lesson(lesson: object) -> str:
    """Returns a lesson code "NN" from "01", 1, "1" or "lesson_01"; raises UnknownQuestionError otherwise."""
    if isinstance(lesson, bool):
        lesson = None
    if isinstance(lesson, int) and 0 <= lesson < 100:
        return f"{lesson:02d}"
    if isinstance(lesson, str):
        m = re.fullmatch(r"\s*(?:lesson[_ ]?)?(\d{1,2})\s*", lesson, flags=re.I)
        if m:
            return f"{int(m.group(1)):02d}"
    raise UnknownQuestionError(
        f"{lesson!r} is not a lesson; use a lesson number such as '01'. Lessons with questions: "
        + ", ".join(lessons()))


def _load(lesson: str) -> _Bank:
    bank = _BANKS.get(lesson)
    if bank is not None:
        return bank
    if lesson not in lessons():
        raise UnknownQuestionError(
            f"There is no question bank for lesson {lesson!r}. Lessons with questions: " + ", ".join(lessons()))
    name = f"{BANK_PACKAGE}.lesson_{lesson}"
    try:
        module = importlib.import_module(name)
    except QuestionDefinitionError:
        raise
    except Exception as exc:
        raise QuestionDefinitionError(f"the question bank {name} could not be imported: "
                                      f"{type(exc).__name__}: {exc}") from exc
    found = getattr(module, "QUESTIONS", None)
    if not isinstance(found, (list, tuple)) or not found:
        raise QuestionDefinitionError(f"{name} must define QUESTIONS, a non-empty list of questions")
    seen: dict[str, Question] = {}
    for q in found:
        if not isinstance(q, Question):
            raise QuestionDefinitionError(f"{name}: QUESTIONS holds {type(q).__name__}, not a question")
        if q.lesson != lesson:
            raise QuestionDefinitionError(f"{name}: question {q.id} belongs to lesson {q.lesson}, not {lesson}")
        if q.id in seen:
            raise QuestionDefinitionError(f"{name}: two questions have the id {q.id}")
        seen[q.id] = q
    title = getattr(module, "TITLE", "")
    bank = _Bank(lesson, title if isinstance(title, str) else "", tuple(sorted(seen.values(), key=lambda q: q.id)))
    _BANKS[lesson] = bank
    return bank


def normalize_id(question_id: object) -> str:
    """Returns the canonical id "NN-MM" for "01-03", "1-3", " 01_03 "; raises UnknownQuestionError otherwise."""
    if isinstance(question_id, Question):
        return question_id.id
    if isinstance(question_id, str) and len(question_id) < 40:
        m = _ID.match(question_id)
        if m:
            return f"{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    shown = repr(question_id)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    raise UnknownQuestionError(f"{shown} is not a question id; ids look like '01-03' (lesson 01, question 03).")


def _all_ids() -> list[str]:
    ids = []
    for lesson in lessons():
        try:
            ids.extend(q.id for q in _load(lesson).questions)
        except QuestionDefinitionError:
            continue
    return ids


def get_question(question_id: object) -> Question:
    """Returns the question with this id ("01-02").

    Raises UnknownQuestionError (a CourseError) naming close ids when there is none.
    """
    qid = normalize_id(question_id)
    lesson = qid[:2]
    if lesson in lessons():
        bank = _load(lesson)
        for q in bank.questions:
            if q.id == qid:
                return q
        in_lesson = [q.id for q in bank.questions]
    else:
        in_lesson = []
    close = difflib.get_close_matches(qid, _all_ids(), n=4, cutoff=0.6)
    msg = f"There is no question {qid!r}."
    if close:
        msg += " Did you mean " + ", ".join(close) + "?"
    if in_lesson:
        msg += f" Lesson {lesson} has {in_lesson[0]} to {in_lesson[-1]}."
    else:
        msg += " Lessons with questions: " + (", ".join(lessons()) or "none") + "."
    raise UnknownQuestionError(msg)


def questions(lesson: object = None) -> list[Question]:
    """Returns the questions of one lesson ("01"), or of every lesson when ``lesson`` is None, sorted by id."""
    if lesson is None:
        return [q for code in lessons() for q in _load(code).questions]
    return list(_load(normalize_lesson(lesson)).questions)


def lesson_title(lesson: object) -> str:
    """Returns the lesson's title as given by TITLE in its bank ("" if none)."""
    return _load(normalize_lesson(lesson)).title


def reload_banks() -> None:
    """Re-imports every bank module on next use (for authors editing a bank in a running kernel)."""
    import sys
    from .checking import clear_answer_cache
    _BANKS.clear()
    for name in [n for n in sys.modules if n.startswith(BANK_PACKAGE + ".lesson_")]:
        del sys.modules[name]
    clear_answer_cache()
