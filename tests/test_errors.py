"""One error hierarchy: bad input raises a CourseError subclass, name errors are KeyErrors, and a
fallback that catches a broad exception logs it and re-raises it under SCOCOURSE_DEBUG=1."""
from __future__ import annotations

import logging

import pytest

import scocourse as sc
from scocourse import errors
from scocourse.errors import CourseError, UnknownNameError, WrongTypeError


def _fallback(value):
    try:
        return int(value)
    except Exception as exc:  # the pattern the library uses for a deliberate fallback
        errors.caught(exc, "test fallback")
        return None


def test_caught_logs_and_falls_back(monkeypatch, caplog):
    monkeypatch.delenv(errors.DEBUG_ENV, raising=False)
    with caplog.at_level(logging.DEBUG, logger="scocourse"):
        assert _fallback("x") is None
    rec = [r for r in caplog.records if r.name == "scocourse"]
    assert len(rec) == 1 and "test fallback" in rec[0].getMessage() and "ValueError" in rec[0].getMessage()
    assert rec[0].exc_info[0] is ValueError


def test_caught_reraises_under_debug(monkeypatch):
    monkeypatch.setenv(errors.DEBUG_ENV, "1")
    with pytest.raises(ValueError, match="invalid literal"):
        _fallback("x")
    monkeypatch.setenv(errors.DEBUG_ENV, "0")
    assert _fallback("x") is None


@pytest.mark.parametrize("call", [
    lambda: sc.country("Narnia"),
    lambda: sc.datasets.load("tarde"),
    lambda: sc.indicator("populaton"),
    lambda: sc.members(status="membr"),
    lambda: sc.partner_shares("KGZ", side="mirror"),
])
def test_name_errors_are_key_errors_and_course_errors(call):
    with pytest.raises(UnknownNameError) as info:
        call()
    assert isinstance(info.value, KeyError) and isinstance(info.value, CourseError)
    assert str(info.value) == info.value.args[0]  # the plain message, not KeyError's quoted repr


@pytest.mark.parametrize("call", [
    lambda: sc.country(3),
    lambda: sc.datasets.load(["trade"]),
    lambda: sc.indicator("population", years="2020"),
    lambda: sc.members(on="yesterday"),
    lambda: sc.partner_shares("KGZ", partners=[1]),
])
def test_wrong_types_are_course_errors(call):
    with pytest.raises(WrongTypeError) as info:
        call()
    assert isinstance(info.value, (TypeError, ValueError)) and isinstance(info.value, CourseError)


def test_out_of_range_is_a_course_error():
    with pytest.raises(sc.OutOfRangeError):
        sc.members(on="1990-01-01")
    with pytest.raises(sc.OutOfRangeError):
        sc.indicator("population", years=1800)
