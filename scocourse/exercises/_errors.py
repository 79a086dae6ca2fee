"""Errors raised by the exercises package, in the library's one hierarchy (``scocourse.errors``).

A name that does not exist is a ``KeyError`` everywhere in the library, so an unknown question id
behaves like an unknown country or dataset: ``except KeyError`` and ``except CourseError`` both catch it.
"""
from __future__ import annotations

from scocourse.errors import CourseError, UnknownNameError


class ExerciseError(CourseError):
    """Base class for errors raised by ``scocourse.exercises``."""


class UnknownQuestionError(ExerciseError, UnknownNameError):
    """A question id (or lesson) that no question bank defines (a ``KeyError``, like every unknown name)."""


class QuestionDefinitionError(ExerciseError, ValueError):
    """A question in a bank module is defined incompletely or inconsistently."""
