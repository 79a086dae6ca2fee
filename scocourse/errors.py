"""Errors that answer bad input with a helpful message instead of a traceback wall.

Every error is a :class:`CourseError`. The look-up errors also subclass ``KeyError``
(so ``except KeyError`` works) and ``ValueError``; their ``str()`` is the plain message.

Where the library deliberately catches a broad exception to fall back on something simpler,
it calls :func:`caught`, which logs what was caught (logger ``"scocourse"``) and re-raises it
when the environment variable ``SCOCOURSE_DEBUG`` is ``1`` — so a fallback never hides a bug
from a maintainer.
"""
from __future__ import annotations

import difflib
import logging
import os

log = logging.getLogger("scocourse")

#: Environment variable that makes every fallback re-raise what it caught.
DEBUG_ENV = "SCOCOURSE_DEBUG"


def debug_enabled() -> bool:
    """Return True when ``SCOCOURSE_DEBUG=1``: fallbacks then re-raise instead of hiding errors."""
    return os.environ.get(DEBUG_ENV, "").strip() == "1"


def caught(exc: BaseException, context: str, level: int = logging.DEBUG) -> None:
    """Log an exception a fallback swallows, and re-raise it when ``SCOCOURSE_DEBUG=1``.

    Call it first thing in a broad ``except Exception as exc:`` block, e.g.
    ``errors.caught(exc, "country_name fallback for a partner code")``.

    Parameters
    ----------
    exc : BaseException
        The exception caught.
    context : str
        What the code was doing, for the log line.
    level : int
        Logging level (default ``logging.DEBUG``: expected fallbacks should not spam a lesson).
    """
    log.log(level, "%s: caught %s: %s", context, type(exc).__name__, exc, exc_info=exc)
    if debug_enabled():
        raise exc


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
