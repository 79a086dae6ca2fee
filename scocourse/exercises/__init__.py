"""Exercises: question types, a checker, question banks, widgets, progress, instructor mode.

In a notebook::

    from scocourse.exercises import exercise, progress
    exercise("01-02")        # shows the question with Check / Hint / Show solution; returns None
    progress("01")           # this lesson's progress; progress() for the whole course
    export_progress()        # your answers in one file to hand in (no name unless you give one)

In code and tests::

    from scocourse.exercises import check, get_question
    check("00-04", "10")     # -> Result(status='correct', message='Yes: …', details={…})

Importing this package does not import ipywidgets, IPython or matplotlib; the widgets are
built only when ``exercise`` is called. Question banks live in ``bank/lesson_NN.py``.
"""
from __future__ import annotations

from ._errors import ExerciseError, QuestionDefinitionError, UnknownQuestionError
from .answer_key import answer_key_html, answer_key_markdown, write_answer_key
from .checking import STATUS_LABELS, STATUSES, Result, check, clear_answer_cache
from .instructor import instructor_mode, is_instructor
from .progress import reset_progress
from .results import export_progress
from .registry import get_question, lesson_title, lessons, questions, reload_banks
from .render import question_html, question_text, solution_html, solution_markdown
from .types import Match, MultipleChoice, Numeric, Order, Question, Reflection, ShortText
from .widgets import build_widget, exercise, progress

__all__ = [
    "exercise", "progress", "check", "Result", "STATUSES", "STATUS_LABELS",
    "get_question", "questions", "lessons", "lesson_title", "reload_banks", "clear_answer_cache",
    "instructor_mode", "is_instructor", "reset_progress", "export_progress",
    "answer_key_markdown", "answer_key_html", "write_answer_key",
    "question_html", "question_text", "solution_html", "solution_markdown", "build_widget",
    "Question", "MultipleChoice", "Numeric", "Order", "Match", "ShortText", "Reflection",
    "ExerciseError", "UnknownQuestionError", "QuestionDefinitionError",
]
