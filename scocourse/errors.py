"""Errors that answer bad input with a helpful message instead of a traceback wall.

Every error is a :class:`CourseError`. The look-up errors also subclass ``KeyError``
(so ``except KeyError`` works) and ``ValueError``; their ``str()`` is the plain message.
"""
from __future__ import annotations

import difflib


class CourseError(Exception):
    """Base class of every error scocourse raises on purpose."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""

    def _render_traceback_(self) -> list[str]:
        """IPython shows just the message, not a traceback wall."""
        return [f"{type(self).__name__}: {self}"]


class UnknownNameError(CourseError, KeyError, ValueError):
    """A name (country, dataset, indicator, status) that does not exist; the message suggests close ones."""


class UnknownCountryError(UnknownNameError):
    """A country name or code that is not one of the course countries."""


class UnknownDatasetError(UnknownNameError):
    """A dataset name that is not in the data package."""


class UnknownIndicatorError(UnknownNameError):
    """An indicator code or short name that is not in the catalogue."""


class OutOfRangeError(CourseError, ValueError):
    """A year or date outside the range the data cover."""


class WrongTypeError(CourseError, TypeError, ValueError):
    """An argument of the wrong type; the message says what was expected."""


def suggest(word: str, options, n: int = 3) -> list[str]:
    """Return up to ``n`` options closest to ``word`` (case-insensitive), best first."""
    options = list(options)
    low = {o.casefold(): o for o in options}
    hits = difflib.get_close_matches(str(word).casefold(), list(low), n=n, cutoff=0.5)
    return [low[h] for h in hits]


def did_you_mean(word: str, options, n: int = 3) -> str:
    """' Did you mean 'A' or 'B'?' or '' when nothing is close."""
    hits = suggest(word, options, n)
    if not hits:
        return ""
    quoted = [f"'{h}'" for h in hits]
    return " Did you mean " + (quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]) + "?"


def check_type(value, expected: type | tuple, what: str, example: str) -> None:
    """Raise :class:`WrongTypeError` unless ``value`` is an instance of ``expected``."""
    if not isinstance(value, expected) or isinstance(value, bool) and bool not in (expected if isinstance(expected, tuple) else (expected,)):
        raise WrongTypeError(f"{what} should be {example}, not {type(value).__name__} {value!r}.")
