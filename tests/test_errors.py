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


def test_every_broad_except_in_the_library_logs_through_caught():
    """`except Exception` (or a bare except) outside exercises/ must call errors.caught() first."""
    import ast
    from pathlib import Path

    root = Path(sc.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if "exercises" in path.relative_to(root).parts:
            continue  # the student helper's package follows the same rule separately
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ExceptHandler):
                continue
            broad = node.type is None or (isinstance(node.type, ast.Name) and node.type.id in {"Exception", "BaseException"})
            first = node.body[0]
            logs = (isinstance(first, ast.Expr) and isinstance(first.value, ast.Call)
                    and getattr(first.value.func, "id", getattr(first.value.func, "attr", "")) == "caught")
            if broad and not logs:
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == [], offenders


def test_explorer_base_class_contract():
    import ipywidgets as w

    from scocourse.explorers.base import Explorer

    class Echo(Explorer):
        def __init__(self):
            self.box = w.Text(value="US$ 1")
            self.assemble([self.box], watch=[self.box], note="<p>note</p>")

        def outputs(self):
            return ({"output_type": "display_data", "metadata": {},
                     "data": {"text/markdown": self.box.value, "text/plain": self.box.value}},)

        def fallback(self):
            return f"Echo: {self.box.value}", None

    ex = Echo()
    assert ex.widget.children[-1] is ex.output and isinstance(ex.widget.children[0], w.HTML)
    assert ex.output.outputs[0]["data"] == {"text/markdown": r"US\$ 1", "text/plain": "US$ 1"}
    ex.box.value = "US$ 2"  # a watched control redraws
    assert ex.output.outputs[0]["data"]["text/plain"] == "US$ 2"
    assert ex.fallback() == ("Echo: US$ 2", None)
    with pytest.raises(NotImplementedError):
        Explorer().outputs()
