"""Instructor mode: show answers and explanations under every question (for a lecturer in class).

Turn it on with ``instructor_mode(True)`` or the environment variable
``SCOCOURSE_INSTRUCTOR=1`` (read each time a question is shown).
"""
from __future__ import annotations

import os

__all__ = ["instructor_mode", "is_instructor"]

_forced: bool | None = None
_TRUE = {"1", "true", "yes", "on"}


def is_instructor() -> bool:
    """Returns True when answers should be shown with the questions."""
    if _forced is not None:
        return _forced
    return os.environ.get("SCOCOURSE_INSTRUCTOR", "").strip().casefold() in _TRUE


def instructor_mode(on: bool | None = None) -> bool | None:
    """Turns instructor mode on (True) or off (False) for this kernel and returns None;
    called with no argument, returns whether it is on (True/False).

    Questions shown afterwards include their answer and explanation. ``instructor_mode(False)``
    overrides the environment variable; restart the kernel to go back to the variable.
    """
    global _forced
    if on is None:
        return is_instructor()
    _forced = bool(on)
    return None
