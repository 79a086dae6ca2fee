"""Number, date and name formatting for chart labels and generated descriptions (deterministic)."""
from __future__ import annotations

import datetime as _dt
import math

_WORDS = ((1e12, "trillion", "tn"), (1e9, "billion", "bn"), (1e6, "million", "m"))


def sig_round(x: float, sig: int = 3) -> float:
    """Round ``x`` to ``sig`` significant digits."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, sig - 1 - int(math.floor(math.log10(abs(x)))))


def _plain(x: float, sig: int) -> str:
    r = sig_round(x, sig)
    if r == 0:
        return "0"
    mag = int(math.floor(math.log10(abs(r))))
    decimals = max(0, sig - 1 - mag)
    text = f"{r:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def num(x: float, sig: int = 3) -> str:
    """'1.41 billion', '350 million', '12,300', '4.5' (``sig`` significant digits)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    for size, word, _ in _WORDS:
        if abs(x) >= size * 0.9995:
            return f"{_plain(x / size, sig)} {word}"
    return _plain(x, sig)


def short(x: float, sig: int = 3) -> str:
    """Compact tick label: '1.4 bn', '350 m', '12,000', '0.5'."""
    if x == 0:
        return "0"
    for size, _, abbr in _WORDS:
        if abs(x) >= size * 0.9995:
            return f"{_plain(x / size, sig)} {abbr}"
    return _plain(x, sig)


def pct(x: float, digits: int = 1) -> str:
    """'19.6%' (trailing .0 dropped: '20%')."""
    text = f"{x:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + "%"


def with_unit(x: float, unit: str, sig: int = 3) -> str:
    """A value with its catalogue unit, readable in a sentence ('US$ 1.2 billion', '3.1% of GDP')."""
    unit = (unit or "").strip()
    if unit == "current US$":
        return f"US$ {num(x, sig)}"
    if unit == "US$":
        return f"US$ {num(x, sig)}"
    if unit == "current US$ million":
        return f"US$ {num(x * 1e6, sig)}"
    if unit == "current international $":
        return f"{num(x, sig)} international $"
    if unit.startswith("%"):
        return f"{pct(x)}{unit[1:]}".rstrip()
    if unit == "persons":
        return f"{num(x, sig)} people"
    return f"{num(x, sig)} {unit}".rstrip()


def axis_label(unit: str) -> str:
    """Axis label for a catalogue unit ('current US$' -> 'Current US$')."""
    unit = (unit or "").strip()
    if not unit:
        return ""
    if unit == "persons":
        return "People"
    return unit[0].upper() + unit[1:]


def date_text(day: _dt.date) -> str:
    """'1 September 2025'."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def join(items) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [str(i) for i in items]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def times(a: float, b: float) -> str:
    """How many times ``a`` is ``b``, ready for '... as much': '3.2 times', '45 times'; values within 5% of
    each other give 'about as much' wording ('about the same'), never '1 times'."""
    if not b:
        return "many times"
    r = a / b
    if abs(r - 1) < 0.05:
        return "about the same"
    text = _plain(r, 2 if r < 10 else 3)
    return "twice" if text == "2" else f"{text} times"


def as_much(a: float, b: float) -> str:
    """'3.2 times as much', 'twice as much', 'about as much' (never '1 times as much')."""
    t = times(a, b)
    return "about as much" if t == "about the same" else f"{t} as much"


def change(text_a: str, text_b: str, year_a, year_b, verb: str = "went") -> str:
    """'went from 10.8 km3 in 2000 to 12 km3 in 2020'; 'stayed at 10.8 km3 from 2000 to 2020' when the two
    values read the same; 'was 10.8 km3 in 2020' for a single year."""
    if int(year_a) == int(year_b):
        return f"was {text_b} in {year(year_b)}"
    if text_a == text_b:
        return f"stayed at {text_a} from {year(year_a)} to {year(year_b)}"
    return f"{verb} from {text_a} in {year(year_a)} to {text_b} in {year(year_b)}"


def count_of(k: int, n: int, noun: str, plural: str | None = None) -> str:
    """'2 of 5 countries', 'all 5 countries', 'none of the 5 countries', 'both countries', 'neither
    country', 'the only country' — a count of ``n`` things as a person would say it."""
    plural = plural or noun + "s"
    if n == 1:
        return f"the only {noun}" if k == 1 else f"not the only {noun}"
    if n == 2:
        return {0: f"neither {noun}", 1: f"1 of the 2 {plural}", 2: f"both {plural}"}[k]
    if k == 0:
        return f"none of the {n} {plural}"
    if k == n:
        return f"all {n} {plural}"
    return f"{k} of {n} {plural}"


def all_of(n: int) -> str:
    """'All 5', 'Both', 'The one' — the subject of a sentence about every one of ``n`` series."""
    return "Both" if n == 2 else "The one series" if n == 1 else f"All {n}"


def year(y) -> str:
    """A year as a person writes it: '2018' (never '2,018' or '2 018')."""
    return str(int(y))
