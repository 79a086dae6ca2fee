"""Safe, tolerant reading of what a student types: text normalisation and number parsing.

Nothing here evaluates student input; numbers are read with regular expressions and
``float()`` on a cleaned digit string only.
"""
from __future__ import annotations

import math
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from numbers import Number

__all__ = ["InputError", "normalize_text", "as_text", "parse_number", "NumberReading", "MAX_TEXT"]

MAX_TEXT = 10_000  # longest answer (characters) read for non-reflection questions


class InputError(ValueError):
    """Student input that cannot be read; the message says what is expected."""


_APOSTROPHES = "'’‘`´ʻʼʹ"


def normalize_text(text: str) -> str:
    """Returns ``text`` folded for tolerant comparison.

    Lower-cased (casefold), accents removed, apostrophes dropped, other punctuation and
    symbols turned into spaces, whitespace collapsed, a leading "the " dropped:
    ``"  The Kyrgyz-Republic! "`` -> ``"kyrgyz republic"``.
    """
    text = unicodedata.normalize("NFKD", text)
    out = []
    for ch in text:
        if ch in _APOSTROPHES:
            continue
        cat = unicodedata.category(ch)
        if cat == "Mn":  # combining accent
            continue
        if cat[0] in "PSZC":
            out.append(" ")
        else:
            out.append(ch)
    folded = " ".join("".join(out).casefold().split())
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


def _is_nan_like(value: object) -> bool:
    """Returns True for float NaN and pandas.NA (without importing pandas)."""
    if isinstance(value, float):
        return math.isnan(value)
    pandas = sys.modules.get("pandas")
    na = getattr(pandas, "NA", None) if pandas is not None else None
    return na is not None and value is na


def as_text(value: object, *, what: str = "an answer", limit: int = MAX_TEXT) -> str:
    """Returns ``value`` as a stripped ``str``; raises ``InputError`` for anything that is not text.

    Numbers are accepted and turned into text ("2001"); bytes, containers, None and NaN
    are refused with a message saying what is expected.
    """
    if value is None or _is_nan_like(value):
        raise InputError(f"No answer given yet: type {what}.")
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise InputError(f"Expected {what} as text, not raw bytes.")
    if isinstance(value, bool):
        raise InputError(f"Expected {what} as text, not True/False.")
    if isinstance(value, str):
        text = value
    elif isinstance(value, Number) and not isinstance(value, complex):
        try:
            if not math.isfinite(float(value)):
                raise InputError(f"Expected {what} as text, not an infinite or undefined number.")
        except (TypeError, ValueError, OverflowError):
            raise InputError(f"Expected {what} as text.") from None
        text = str(value)
    else:
        raise InputError(f"Expected {what} as text, not a {type(value).__name__}.")
    if len(text) > limit:
        raise InputError(f"That answer is very long ({len(text):,} characters); "
                         f"please keep it under {limit:,} characters.")
    text = text.strip()
    if not text:
        raise InputError(f"The answer is empty: type {what}.")
    return text


# --- numbers ---------------------------------------------------------------------------

_MULTIPLIERS = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "000s": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "mio": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12,
}
_PERCENT_WORDS = {"%", "percent", "per cent", "pct", "percentage points", "pp", "points"}
_PREFIXES = re.compile(
    r"^(?:about|approx(?:imately|\.)?|around|roughly|circa|ca\.?|c\.|~|≈|>=|<=|=)\s*", re.I)
_NUMBER = re.compile(
    r"^(?P<sign>[+\-−–]?)\s*(?P<body>\d[\d.,'’_\s\u00a0\u202f\u2009]*|[.,]\d[\d\s]*)"
    r"(?P<exp>[eE][+\-]?\d{1,3}(?!\d))?(?P<rest>.*)$", re.S)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009'’_]")


@dataclass(frozen=True)
class NumberReading:
    """One way to read the student's number: ``value`` (in the question's unit) and how it was read."""

    value: float
    how: str


def _body_readings(body: str) -> list[tuple[float, str]]:
    """Returns the possible (value, note) readings of a digit string with separators."""
    grouped = [g for g in _SPACES.split(body) if g]
    if len(grouped) > 1:
        # spaces / apostrophes as thousands separators: "1 562", "1'562.5"
        if not all(re.fullmatch(r"\d{3}", g) for g in grouped[1:-1]) or not re.match(r"^\d{3}(?:[.,]\d+)?$", grouped[-1]) \
                or not re.fullmatch(r"\d{1,3}", grouped[0]):
            raise InputError("Please enter one number (digits may be grouped like 1 562).")
        body = "".join(grouped)
    else:
        body = grouped[0] if grouped else ""
    if not body or not re.fullmatch(r"[\d.,]+", body) or not re.search(r"\d", body):
        raise InputError("Please enter a number, such as 21.8.")
    dots, commas = body.count("."), body.count(",")

    def thousands(sep: str, s: str) -> float:
        parts = s.split(sep)
        if not (1 <= len(parts[0]) <= 3 and parts[0].isdigit() and all(len(p) == 3 and p.isdigit() for p in parts[1:])):
            raise InputError(f"'{s}' is not a number I can read; write it like 1562 or 1 562 or 21.8.")
        return float("".join(parts))

    if dots and commas:
        dec, other = (".", ",") if body.rfind(".") > body.rfind(",") else (",", ".")
        if body.count(dec) != 1:
            raise InputError("Please enter one number, with at most one decimal separator.")
        whole, frac = body.split(dec)
        value = thousands(other, whole) + float("0." + frac) if frac else thousands(other, whole)
        return [(value, "")]
    sep = "." if dots else ("," if commas else "")
    if not sep:
        return [(float(body), "")]
    count = dots or commas
    if count > 1:
        return [(thousands(sep, body), "")]
    whole, frac = body.split(sep)
    if not frac:
        return [(float(whole), "")]
    decimal_value = float((whole or "0") + "." + frac)
    if len(frac) == 3 and whole and len(whole) <= 3 and whole != "0":
        # "1,562" / "1.562": thousands or decimal - keep both readings
        note = "read as {0} (with '{1}' as thousands separator)".format(int(whole + frac), sep)
        comma_note = "read with ',' as decimal separator" if sep == "," else ""
        return [(decimal_value, comma_note), (float(whole + frac), note)]
    return [(decimal_value, "" if sep == "." else "read with ',' as decimal separator")]


def parse_number(value: object, unit: str = "") -> list[NumberReading]:
    """Returns the plausible readings of ``value`` as a number in the question's ``unit``.

    Accepts numbers and strings such as "21.8", "21,8", "21.8 %", "1 562", "1,562",
    "1.4 billion", "about 9". Several readings are returned when the text is ambiguous
    ("1,562" is 1562 or 1.562); the checker keeps the one nearest the answer.
    Raises ``InputError`` with a message saying what is expected.
    """
    if value is None or _is_nan_like(value):
        raise InputError("No answer given yet: type a number.")
    if isinstance(value, bool):
        raise InputError("Expected a number, not True/False.")
    if isinstance(value, (int, float, Decimal)) or (
            isinstance(value, Number) and not isinstance(value, complex)):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            raise InputError("Expected a number.") from None
        if not math.isfinite(number):
            raise InputError("Expected a finite number (not infinity or NaN).")
        return [NumberReading(number, "")]
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise InputError("Expected a number typed as text (like 21.8), not raw bytes.")
    if not isinstance(value, str):
        raise InputError(f"Expected a number (like 21.8), not a {type(value).__name__}.")
    if len(value) > 200:
        raise InputError("That is too long for a number; type just the number, like 21.8.")
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise InputError("The answer is empty: type a number, like 21.8.")
    text = _PREFIXES.sub("", text, count=1)
    m = _NUMBER.match(text)
    if not m:
        raise InputError("Please start your answer with a number, like 21.8 (a unit after it is fine).")
    sign = -1.0 if m.group("sign") in ("-", "−", "–") else 1.0
    body = m.group("body").rstrip(" \u00a0\u202f\u2009.,'’_")
    rest = m.group("rest").strip()
    readings = _body_readings(body)
    exponent = 0
    if m.group("exp"):
        exponent = int(m.group("exp")[1:])
    rest_l = rest.casefold().strip(" .")
    if re.search(r"\d", rest_l):
        raise InputError("Please enter a single number (not a range or a calculation), like 21.8.")
    unit_l = unit.casefold()
    unit_words = set(re.findall(r"[\w%]+", unit_l))
    words = re.findall(r"[\w%]+", rest_l)
    multiplier = 1.0
    mult_word = ""
    for w in words:
        if w in _MULTIPLIERS and w not in unit_words:
            multiplier, mult_word = _MULTIPLIERS[w], w
            break
    unit_scale = 1.0
    first_unit = re.findall(r"[\w%]+", unit_l)[:1]
    if first_unit and first_unit[0] in _MULTIPLIERS and first_unit[0] not in ("m", "b", "k"):
        unit_scale = _MULTIPLIERS[first_unit[0]]
    out: list[NumberReading] = []
    for number, note in readings:
        try:
            number = sign * number * (10.0 ** exponent)
        except OverflowError:  # "1e999": 10.0 ** 999 does not fit in a float
            raise InputError("That number is too large to read; type it like 2.5e6 or 2.5 million.") from None
        if mult_word:
            number = number * multiplier / unit_scale
            extra = f"read '{mult_word}' as ×{multiplier:,.0f}"
            note = f"{note}; {extra}" if note else extra
        if not math.isfinite(number):
            raise InputError("That number is too large to read.")
        out.append(NumberReading(number, note))
    return out


def is_percent_unit(unit: str) -> bool:
    """Returns True when the unit means per cent."""
    return unit.strip().casefold() in _PERCENT_WORDS or unit.strip().startswith("%")
