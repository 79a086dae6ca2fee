"""The checker: ``check(question_or_id, answer) -> Result``. Plain functions, no widgets.

``check`` never raises, whatever it is given (None, NaN, bytes, huge strings, nested
containers, unicode): unreadable input gives a Result with status ``"invalid"`` and a
message saying what is expected. Student input is never evaluated.
"""
from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping as _MappingABC
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..errors import caught
from .parsing import MAX_TEXT, InputError, as_text, is_percent_unit, normalize_text, parse_number
from .types import Match, MultipleChoice, Numeric, Order, Question, Reflection, ShortText, format_number

__all__ = ["Result", "check", "STATUSES", "STATUS_LABELS", "numeric_answer", "clear_answer_cache",
           "AnswerUnavailable"]

STATUSES = ("correct", "partly", "incorrect", "invalid", "ungraded")
#: Words and icons for each status, so feedback never relies on colour alone.
STATUS_LABELS = {
    "correct": "✔ Correct",
    "partly": "◐ Partly right",
    "incorrect": "✘ Not yet",
    "invalid": "⚠ Check your answer",
    "ungraded": "✎ Noted (not graded)",
}
MAX_ITEMS = 1000  # longest list/dict read as an answer


@dataclass(frozen=True)
class Result:
    """What ``check`` returns.

    ``status`` is one of 'correct', 'partly', 'incorrect', 'invalid', 'ungraded';
    ``message`` is kind, specific feedback (never empty); ``details`` holds
    machine-readable facts (e.g. ``{"right": 2, "total": 3}``).
    """

    status: str
    message: str
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        if not isinstance(self.message, str) or not self.message.strip():
            raise ValueError("message must be a non-empty string")

    @property
    def correct(self) -> bool:
        """Returns True when the answer is right."""
        return self.status == "correct"

    @property
    def label(self) -> str:
        """Returns the status in words with an icon, e.g. '✔ Correct'."""
        return STATUS_LABELS[self.status]

    def __str__(self) -> str:
        return f"{self.label}. {self.message}"


class AnswerUnavailable(Exception):
    """The correct answer of a data-computed question could not be computed."""


# --- helpers ------------------------------------------------------------------------------

def _r(status: str, message: str, q: Question | None = None, **details: Any) -> Result:
    if q is not None:
        details = {"question": q.id, "kind": q.kind, **details}
    return Result(status, message, details)


def _q(text: str, limit: int = 80) -> str:
    """Returns student text quoted for a message, cut if long."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"‘{text}’"


def _kind(value: Any) -> str:
    """Returns a reader-friendly name for the type of ``value`` ("a number", "a list", …)."""
    if isinstance(value, bool):
        return "True/False"
    if isinstance(value, (int, float, complex)):
        return "a number"
    names = {list: "a list", tuple: "a list", dict: "a dict", set: "a set", frozenset: "a set",
             bytes: "raw bytes", bytearray: "raw bytes", type(None): "nothing"}
    for cls, name in names.items():
        if isinstance(value, cls):
            return name
    return f"a {type(value).__name__} object"


def _fmt_number(value: float) -> str:
    """Returns a student's number as read, with up to 10 significant digits ("0.422", "2018", "12 345")."""
    if abs(value) >= 1e15:
        return f"{value:.4g}"
    text = f"{value:.10g}"
    if "e" in text:
        return text
    decimals = len(text.split(".")[1]) if "." in text else 0
    return format_number(value, decimals)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _explain(q: Question, answer_text: str = "") -> str:
    text = q.explanation.strip()
    if answer_text:
        text = text.replace("{answer}", answer_text)
    return text


def _as_sequence(value: Any, what: str) -> list[Any]:
    """Returns ``value`` as a list if it is a list/tuple/set; raises InputError otherwise."""
    if isinstance(value, (list, tuple, set, frozenset)):
        if len(value) > MAX_ITEMS:
            raise InputError(f"That is far too many entries; expected {what}.")
        items = list(value)
        if isinstance(value, (set, frozenset)):
            items.sort(key=repr)
        return items
    raise InputError(f"Expected {what}.")


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _resolve_option(ref: Any, options: tuple[str, ...], *, letters: bool = True) -> str | None:
    """Returns the option ``ref`` names (by text, tolerant, or by its letter A, B, …), else None."""
    if not isinstance(ref, str):
        return None
    if ref in options:
        return ref
    text = ref.strip()
    if letters and len(text) <= 3:
        letter = text.rstrip(".)").strip().upper()
        if len(letter) == 1 and letter in _LETTERS[: len(options)]:
            return options[_LETTERS.index(letter)]
    norm = normalize_text(text)
    if not norm:
        return None
    for opt in options:
        if normalize_text(opt) == norm:
            return opt
    return None


# --- multiple choice ---------------------------------------------------------------------------

def _check_multiple_choice(q: MultipleChoice, answer: Any) -> Result:
    choices = tuple(q.choices)
    expect = ("the options you choose (their text or letters A, B, …)" if q.multiple
              else "one option (its text or its letter A, B, …)")
    if answer is None:
        raise InputError("Nothing selected yet: choose " + ("at least one option." if q.multiple else "an option."))
    if isinstance(answer, str):
        single = _resolve_option(answer, choices)
        if single is not None:
            refs = [single]
        elif q.multiple and re.search(r"[,;]", answer):
            refs = [p for p in re.split(r"[,;]", answer) if p.strip()]
        else:
            refs = [answer]
    elif isinstance(answer, (list, tuple, set, frozenset)):
        refs = _as_sequence(answer, expect)
    else:
        raise InputError(f"Expected {expect}, not {_kind(answer)}.")
    picked: list[str] = []
    for ref in refs:
        if not isinstance(ref, str):
            raise InputError(f"Expected {expect}; {_kind(ref)} is not one of the options.")
        option = _resolve_option(ref, choices)
        if option is None:
            raise InputError(f"{_q(ref)} is not one of the options. Expected {expect}.")
        if option not in picked:
            picked.append(option)
    if not picked:
        raise InputError("Nothing selected yet: choose " + ("at least one option." if q.multiple else "an option."))
    if not q.multiple:
        if len(picked) > 1:
            raise InputError("Choose just one option for this question.")
        choice = picked[0]
        why = q.feedback.get(choice, "")
        if choice == q.answer:
            return _r("correct", f"Yes: {_q(choice)} is right. {why or _explain(q)}".strip(), q, picked=picked)
        msg = f"{_q(choice)} is not the answer: {why}" if why else (
            f"{_q(choice)} is not the answer. Have another look, or take a hint.")
        return _r("incorrect", msg.strip(), q, picked=picked)
    right = [c for c in picked if c in q.answers]
    extra = [c for c in picked if c not in q.answers]
    missed = [c for c in q.answers if c not in picked]
    total = len(q.answers)
    if not extra and not missed:
        return _r("correct", f"Yes: all {total} right options, and nothing else. {_explain(q)}", q,
                  right=len(right), total=total)
    parts = [f"You picked {len(right)} of the {total} right options"]
    if extra:
        parts[0] += f" and {_plural(len(extra), 'option')} that {'does' if len(extra) == 1 else 'do'} not fit"
    parts[0] += "."
    for c in extra:
        parts.append(f"{_q(c)} does not fit" + (f": {q.feedback[c]}" if c in q.feedback else "."))
    if missed:
        parts.append(f"{_plural(len(missed), 'right option is', 'right options are')} still unselected.")
    status = "partly" if right else "incorrect"
    return _r(status, " ".join(parts), q, right=len(right), extra=len(extra), missed=len(missed), total=total)


# --- numeric -------------------------------------------------------------------------------------

_ANSWER_CACHE: dict[str, tuple[Question, float]] = {}


def clear_answer_cache() -> None:
    """Forget computed answers (call after the datasets are rebuilt in a running kernel)."""
    _ANSWER_CACHE.clear()


def numeric_answer(q: Numeric) -> float:
    """Returns the correct value of a Numeric question, computing it from data if needed.

    Computed answers are cached per question for the kernel session. Raises
    ``AnswerUnavailable`` if the computation fails.
    """
    cached = _ANSWER_CACHE.get(q.id)
    if cached is not None and cached[0] is q:
        return cached[1]
    try:
        value = q.compute_answer()
    except Exception as exc:  # data missing, API changed...
        caught(exc, f"computing the answer of {q.id}")
        raise AnswerUnavailable(f"{type(exc).__name__}: {exc}") from exc
    if q.computed:
        _ANSWER_CACHE[q.id] = (q, value)
    return value


def _fmt_tol(q: Numeric, correct: float) -> str:
    err = q.allowed_error(correct)
    if err == 0:
        return "only the exact value"
    unit = "" if not q.unit else (" percentage points" if is_percent_unit(q.unit) else f" {q.unit}")
    decimals = q.display_decimals(correct)
    text = format_number(err, decimals)
    if float(text.replace("\u202f", "")) == 0:  # tolerance finer than the answer's precision
        text = f"{err:.2g}"
    return f"within ±{text}{unit}"


def _slip(q: Numeric, value: float, correct: float, err: float) -> tuple[str, str] | None:
    """Returns (slip, message) when ``value`` matches a common slip on ``correct``, else None.

    The slips are derived from the answer itself (and from the question's ``related`` figures of the
    same table), never written per question: a fraction for a per cent (or the reverse), a percentage
    change for a ratio (or the reverse), a ratio upside down, the complement (the share lost instead
    of the share kept), a figure from the same table.
    """
    percent = is_percent_unit(q.unit)
    rel = max(abs(correct) * 0.01, 1e-9)
    candidates: list[tuple[str, float, float, str]] = []  # (slip, candidate, tolerance, message)
    if percent:
        candidates += [
            ("fraction_not_percent", correct / 100, max(err / 100, rel / 100),
             "looks like a fraction, but the question asks for per cent: multiply by 100"),
            ("ratio_not_percent_change", correct / 100 + 1, max(err / 100, 0.005),
             "looks like a ratio (new ÷ old), but the question asks for the percentage change: "
             "(ratio − 1) × 100"),
            ("complement", 100 - correct, max(err, 0.005 * 100),
             "looks like the complement (100 minus the answer): the share of the rest, or the share lost "
             "instead of the share kept — read again which part the question asks about"),
        ]
    else:
        if 0 < abs(correct) < 5:
            candidates.append(("percent_not_fraction", correct * 100, max(err * 100, rel * 100),
                               "looks like a per cent, but the question asks for a fraction or ratio: divide by 100"))
        if correct > 0 and correct != 1:
            candidates.append(("percent_change_not_ratio", (correct - 1) * 100, max(err * 100, 0.5),
                               "looks like a percentage change, but the question asks for a ratio (how many times "
                               "as large): ratio = 1 + change ÷ 100"))
            candidates.append(("inverse", 1 / correct, max(err / correct ** 2, rel / correct ** 2),
                               "looks like the ratio upside down: check which figure goes on top"))
        if 0 < correct < 1:
            candidates.append(("complement", 1 - correct, max(err, 0.005),
                               "looks like the complement (1 minus the answer): the part lost instead of the "
                               "part kept"))
    try:
        figures = q.related_figures()
    except Exception as exc:  # a related figure that cannot be computed only costs the hint
        caught(exc, f"related figures of {q.id}")
        figures = {}
    for label, number in figures.items():
        candidates.append(("related_figure", number, max(err, abs(number) * 0.005, 1e-9),
                           f"matches {label} — a figure from the same table, not the one the question asks for"))
    for slip, candidate, tol, message in candidates:
        if abs(candidate - correct) <= err * (1 + 1e-9) + 1e-12:
            continue  # indistinguishable from the right answer here
        if abs(value - candidate) <= tol:
            return slip, message
    return None


def _accepts(q: Numeric, correct: float) -> str:
    tol = _fmt_tol(q, correct)
    return "the exact value is needed" if tol == "only the exact value" else f"answers {tol} of the answer count"


def _check_numeric(q: Numeric, answer: Any) -> Result:
    readings = parse_number(answer, q.unit)
    try:
        correct = numeric_answer(q)
    except AnswerUnavailable as exc:
        return _r("ungraded",
                  "This answer is computed from the course data, which could not be read just now, "
                  f"so your answer could not be graded ({str(exc)[:200]}). Try again later or ask your lecturer.",
                  q, error=str(exc)[:200])
    best = min(readings, key=lambda r: abs(r.value - correct))
    value = best.value
    err = q.allowed_error(correct)
    diff = value - correct
    shown = _fmt_number(value)
    how = f" ({best.how})" if best.how else ""
    details = dict(value=value, read_as=best.how, tolerance=err)
    if abs(diff) <= err * (1 + 1e-12) + 1e-12:
        return _r("correct",
                  f"Yes: {shown}{how} is right; the answer is {q.format_with_unit(correct)} "
                  f"({_accepts(q, correct)}). {_explain(q, q.format_with_unit(correct))}",
                  q, **details)
    # common slips first
    found = _slip(q, value, correct, err)
    if found is not None:
        slip, message = found
        status = "partly" if slip in ("fraction_not_percent", "percent_not_fraction") else "incorrect"
        lead = "Nearly: " if status == "partly" else "A common slip: "
        return _r(status, f"{lead}{shown}{how} {message}.", q, slip=slip, **details)
    if correct != 0 and abs(-value - correct) <= max(err, 1e-9):
        return _r("incorrect", f"Check the sign: {shown} has the right size but the wrong sign.",
                  q, slip="sign", **details)
    if correct != 0 and value != 0 and (value > 0) == (correct > 0):
        ratio = math.log10(abs(value / correct))
        k = round(ratio)
        if k != 0 and abs(ratio - k) < 0.02 and abs(k) in (2, 3, 6, 9):
            factor = f"{10 ** abs(k):,}".replace(",", "\u202f")
            size = "bigger" if k > 0 else "smaller"
            unit = f" The answer is asked in {q.unit}." if q.unit else ""
            return _r("incorrect",
                      f"{shown}{how} is about {factor} times {size} than the answer: check the unit or scale.{unit}",
                      q, slip="scale", **details)
    direction = "too high" if diff > 0 else "too low"
    near_band = max(3 * err, abs(correct) * 0.05)
    if err == 0 and float(correct).is_integer():
        near_band = max(near_band, 1.0)  # counting questions: one off is close
    if abs(diff) <= near_band and near_band > 0:
        msg = (f"Close, but not quite: {shown}{how} is a little {direction} "
               f"({_accepts(q, correct)}).")
        return _r("incorrect", msg, q, near_miss=True, **details)
    msg = f"{shown}{how} is {direction}. Have another go — a hint may help."
    return _r("incorrect", msg, q, near_miss=False, **details)


# --- order ---------------------------------------------------------------------------------------

def _order_refs(answer: Any, n: int) -> list[Any]:
    if isinstance(answer, str):
        text = answer.strip()
        if re.search(r"[\n;,→>|]", text):
            return [p for p in re.split(r"\s*(?:\n|;|,|→|->|>|\|)\s*", text) if p.strip()]
        compact = re.sub(r"[\s.)-]", "", text).upper()
        if len(compact) == n and all(ch in _LETTERS[:n] for ch in compact):
            return list(compact)
        return [text]
    return _as_sequence(answer, "the items as a list, first to last")


def _check_order(q: Order, answer: Any) -> Result:
    items, shown = tuple(q.items), tuple(q.shown)
    n = len(items)
    expect = f"all {n} items as a list, first to last (their text, or their letters A–{_LETTERS[n - 1]})"
    if answer is None:
        raise InputError(f"Nothing ordered yet: give {expect}.")
    refs = _order_refs(answer, n)
    chosen: list[str] = []
    for ref in refs:
        if ref is None or (isinstance(ref, str) and not ref.strip()) or ref == "—":
            raise InputError(f"Some places are still empty: give {expect}.")
        item = _resolve_option(ref, shown)
        if item is None:
            shown_ref = _q(ref) if isinstance(ref, str) else _kind(ref).capitalize()
            raise InputError(f"{shown_ref} is not one of the items. Expected {expect}.")
        chosen.append(item)
    twice = sorted({c for c in chosen if chosen.count(c) > 1})
    missing = [i for i in shown if i not in chosen]
    if twice or missing or len(chosen) != n:
        parts = [f"Use each of the {n} items exactly once."]
        if twice:
            parts.append("Used more than once: " + ", ".join(_q(t) for t in twice) + ".")
        if missing:
            parts.append("Not placed yet: " + ", ".join(_q(m) for m in missing) + ".")
        raise InputError(" ".join(parts))
    right = [c for pos, c in enumerate(chosen) if items[pos] == c]
    if len(right) == n:
        return _r("correct", f"Yes: all {n} in the right order. {_explain(q)}", q, right=n, total=n)
    parts = [f"{len(right)} of {n} in the right place."]
    for pos, c in enumerate(chosen):
        target = items.index(c)
        if target != pos:
            parts.append(f"{_q(c)} should come {'earlier' if target < pos else 'later'}.")
    status = "partly" if 2 * len(right) >= n else "incorrect"
    return _r(status, " ".join(parts), q, right=len(right), total=n)


# --- match ---------------------------------------------------------------------------------------

_EMPTY = (None, "", "—", "-", "(choose)")


def _check_match(q: Match, answer: Any) -> Result:
    lefts, options = q.lefts, q.options
    expect = f"a dict mapping each {q.left_label.lower()} to its {q.right_label.lower()}"
    if answer is None:
        raise InputError(f"Nothing matched yet: expected {expect}.")
    if isinstance(answer, _MappingABC):
        if len(answer) > MAX_ITEMS:
            raise InputError(f"That is far too many entries; expected {expect}.")
        pairs = list(answer.items())
    elif isinstance(answer, (list, tuple)):
        pairs = _as_sequence(answer, expect)
        if not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in pairs):
            raise InputError(f"Expected {expect} (or a list of (left, right) pairs).")
        pairs = [tuple(p) for p in pairs]
    else:
        raise InputError(f"Expected {expect}, not {_kind(answer)}.")
    chosen: dict[str, str] = {}
    for key, value in pairs:
        left = _resolve_option(key, lefts, letters=False)
        if left is None:
            ref = _q(key) if isinstance(key, str) else _kind(key).capitalize()
            raise InputError(f"{ref} is not one of the items to match ({', '.join(lefts)}).")
        if isinstance(value, str) and value.strip() in _EMPTY or value is None:
            continue
        right = _resolve_option(value, options, letters=False)
        if right is None:
            ref = _q(value) if isinstance(value, str) else _kind(value).capitalize()
            raise InputError(f"{ref} is not one of the options: {', '.join(options)}.")
        chosen[left] = right
    open_ = [left for left in lefts if left not in chosen]
    if open_:
        raise InputError("Choose a match for every item; still open: " + ", ".join(open_) + ".")
    truth = dict(q.pairs)
    right = [left for left in lefts if chosen[left] == truth[left]]
    n = len(lefts)
    if len(right) == n:
        return _r("correct", f"Yes: all {n} pairs right. {_explain(q)}", q, right=n, total=n)
    notes = [f"{left} ↔ {chosen[left]} is {'right' if left in right else 'not right'}" for left in lefts]
    msg = f"{len(right)} of {n} pairs right: " + "; ".join(notes) + "."
    return _r("partly" if right else "incorrect", msg, q, right=len(right), total=n)


# --- short text -------------------------------------------------------------------------------------

def _check_short_text(q: ShortText, answer: Any) -> Result:
    limit = max(q.max_length, 1)
    text = as_text(answer, what="a word or short phrase", limit=MAX_TEXT)
    if len(text) > limit:
        raise InputError(f"Keep it short: a word or short phrase (at most {limit} characters).")
    norm = normalize_text(text)
    if not norm:
        raise InputError("Type a word or short phrase (letters or digits, not only punctuation).")
    squash = norm.replace(" ", "")
    accepted = {normalize_text(a): a for a in q.accepted}
    others = [a for a in q.accepted if a != q.answer]
    also = f" (also accepted: {', '.join(others)})" if others else ""
    if norm in accepted or squash in {k.replace(' ', '') for k in accepted}:
        return _r("correct", f"Yes: {_q(text)} is right{also}. {_explain(q)}", q, matched=norm)
    from .glossary import english_equivalents
    english = english_equivalents(normalize_text).get(norm)
    if english is not None and (english in accepted
                                or english.replace(" ", "") in {k.replace(" ", "") for k in accepted}):
        return _r("correct", f"Yes: {_q(text)} ({q.answer}) is right{also}. {_explain(q)}", q, matched=english,
                  language="ru")
    wrong = {normalize_text(k): v for k, v in q.wrong_answers.items()}
    if norm in wrong:
        return _r("incorrect", f"{_q(text)} is not the answer: {wrong[norm]}", q, common_mistake=True)
    words = norm.split()
    if len(words) <= 6:
        padded = f" {norm} "
        hits = [a for a in accepted if f" {a} " in padded]
        if hits and not any(f" {w} " in padded for w in wrong):
            return _r("correct", f"Yes: {_q(text)} contains the answer{also}. {_explain(q)}", q, matched=hits[0])
    best = max(difflib.SequenceMatcher(None, squash, k.replace(" ", "")).ratio() for k in accepted)
    if best >= 0.8 and len(squash) >= 4:
        return _r("partly", f"Nearly: {_q(text)} looks like a misspelling of the answer — check the spelling.",
                  q, similarity=round(best, 2))
    return _r("incorrect", f"{_q(text)} is not the answer we are looking for. Have another go, or take a hint.",
              q, similarity=round(best, 2))


# --- reflection ---------------------------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]{0,500}>|&[a-z]{2,8};|&#\d{1,6};|https?://\S+")


def own_words(text: str) -> tuple[list[str], str]:
    """Returns (the words that count, why others did not) for a reflection.

    Markup (HTML tags, entities) and web addresses are not words; a word is two or more letters in any
    script (Latin, Cyrillic, …). The reason is "" when nothing was discounted.
    """
    stripped = _TAGS.sub(" ", text)
    words = re.findall(r"[^\W\d_]{2,}", stripped)
    reason = "markup and web addresses are not counted" if stripped != text and words != re.findall(
        r"[^\W\d_]{2,}", text) else ""
    return words, reason


def _check_reflection(q: Reflection, answer: Any) -> Result:
    text = as_text(answer, what="a few sentences", limit=50_000)
    words, discounted = own_words(text)
    need = q.min_words
    counts: dict[str, int] = {}
    for w in words:
        counts[w.casefold()] = counts.get(w.casefold(), 0) + 1
    n, distinct = len(words), len(counts)
    top = max(counts.values()) if counts else 0
    note = f" ({discounted})" if discounted else ""
    if n < need:
        return _r("invalid",
                  f"Write a little more first — at least {need} words of your own; you have {n}{note}. "
                  "Then you can compare your thoughts with a model answer.", q, words=n, can_reveal=False)
    if distinct < max(5, min(need, 40) // 3) or top > max(3, n // 4):
        return _r("invalid",
                  f"You have {n} words, but only {_plural(distinct, 'different word')} — the same words are repeated. "
                  f"Write at least {need} words in sentences of your own about the question; then you can "
                  "compare them with a model answer.", q, words=n, distinct=distinct, can_reveal=False)
    return _r("ungraded",
              f"Thank you — your reflection ({n} words) is noted. Reflections are not graded; "
              "you can now show the model answer and compare it with yours.", q, words=n, can_reveal=True)


_CHECKERS = {
    MultipleChoice: _check_multiple_choice,
    Numeric: _check_numeric,
    Order: _check_order,
    Match: _check_match,
    ShortText: _check_short_text,
    Reflection: _check_reflection,
}

_EXPECTED = {
    MultipleChoice: "one of the options (its text or letter)",
    Numeric: "a number, like 21.8",
    Order: "the items as a list, first to last",
    Match: "a dict mapping each item to its match",
    ShortText: "a word or short phrase",
    Reflection: "a few sentences of your own",
}


def _checker_for(q: Question):
    for cls in type(q).__mro__:
        if cls in _CHECKERS:
            return _CHECKERS[cls], _EXPECTED[cls]
    return None, "an answer"


def check(question_or_id: Any, answer: Any) -> Result:
    """Returns a ``Result`` judging ``answer`` to a question (a Question object or an id like "01-02").

    Never raises: unknown ids and unreadable answers give status 'invalid' with a message
    saying what is expected; a data-computed answer that cannot be computed gives 'ungraded'.
    """
    try:
        if isinstance(question_or_id, Question):
            q = question_or_id
        else:
            from .registry import get_question
            q = get_question(question_or_id)
    except Exception as exc:  # unknown id (a KeyError with a did-you-mean) or an unreadable id
        if not isinstance(exc, KeyError):
            caught(exc, "check(): reading the question id")
        return Result("invalid", f"{exc}" or "Unknown question.", {"question": None})
    fn, expected = _checker_for(q)
    if fn is None:
        return _r("invalid", f"Questions of type {type(q).__name__} cannot be checked.", q)
    try:
        return fn(q, answer)
    except InputError as exc:
        return _r("invalid", str(exc), q)
    except RecursionError:
        return _r("invalid", f"That answer is nested too deeply to read; expected {expected}.", q)
    except Exception as exc:  # a bug must not reach the student as a traceback
        caught(exc, f"check({q.id})")
        return _r("invalid", f"Sorry — that answer could not be read. Expected {expected}.", q,
                  error=type(exc).__name__)
