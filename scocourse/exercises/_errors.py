"""Errors raised by the exercises package.

They subclass ``scocourse.errors.CourseError`` when the data layer provides it, so a
notebook can catch every course error with one ``except``.
"""
from __future__ import annotations

try:  # the lead's error hierarchy; absent while the data layer is being written
    from scocourse.errors import CourseError as _Base
except ImportError:  # pragma: no cover - only before scocourse/errors.py exists
    class _Base(Exception):
        """Stand-in for ``scocourse.errors.CourseError``."""


class ExerciseError(_Base):
    """Base class for errors raised by ``scocourse.exercises``."""


class UnknownQuestionError(ExerciseError, LookupError):
    """A question id (or lesson) that no question bank defines."""

    def __str__(self) -> str:  # LookupError would quote the message like a key
        return str(self.args[0]) if self.args else "unknown question"


class QuestionDefinitionError(ExerciseError, ValueError):
    """A question in a bank module is defined incompletely or inconsistently."""
