"""Question types: small frozen dataclasses that a question bank instantiates.

Every question has ``id`` ("NN-MM": lesson NN, question MM), ``prompt`` (Markdown, shown
to the student; never contains the answer), ``explanation`` (why the answer is what it
is; shown with the solution), ``hints`` (progressive, shown one by one) and the fields of
its type. ``lesson`` is derived from the id. All fields are keyword-only.

Definitions are validated when the object is created, so a mistake in a bank module
fails loudly (``QuestionDefinitionError``) at import, not in front of a student.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Mapping, Sequence, Union

from ._errors import QuestionDefinitionError

ID_PATTERN = re.compile(r"^(\d{2})-(\d{2})$")

__all__ = [
    "Question", "MultipleChoice", "Numeric", "Order", "Match", "ShortText", "Reflection",
    "ID_PATTERN",
]


def _tuple_of_str(value: Any, what: str, qid: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise QuestionDefinitionError(f"{qid}: {what} must be a list of strings") from None
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise QuestionDefinitionError(f"{qid}: every entry of {what} must be a non-empty string")
    return items


@dataclass(frozen=True, kw_only=True)
class Question:
    """Fields shared by every question type (use a subclass in a bank)."""

    id: str
    prompt: str
    explanation: str
    hints: Sequence[str] = ()
    lesson: str = ""
    kind: ClassVar[str] = "question"
    kind_label: ClassVar[str] = "Question"

    def __post_init__(self) -> None:
        qid = self.id if isinstance(self.id, str) else repr(self.id)
        match = ID_PATTERN.match(qid)
        if not match:
            raise QuestionDefinitionError(
                f"question id {qid!r} must look like 'NN-MM' (lesson-question, e.g. '01-02')")
        if self.lesson and self.lesson != match.group(1):
            raise QuestionDefinitionError(f"{qid}: lesson {self.lesson!r} does not match the id")
        object.__setattr__(self, "lesson", match.group(1))
        for name in ("prompt", "explanation"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise QuestionDefinitionError(f"{qid}: {name} must be a non-empty string")
        object.__setattr__(self, "hints", _tuple_of_str(self.hints, "hints", qid))
        if not self.hints:
            raise QuestionDefinitionError(f"{qid}: give at least one hint")
        self._validate()

    def _validate(self) -> None:  # overridden by the types
        """Check the type-specific fields; raise QuestionDefinitionError if wrong."""

    @property
    def label(self) -> str:
        """Returns a short one-line label for tables: the prompt's first sentence, cut at 70 characters."""
        text = re.sub(r"[*_`#>\[\]]", "", self.prompt).strip().splitlines()[0]
        first = re.split(r"(?<=[.?!])\s", text, maxsplit=1)[0]
        return first if len(first) <= 70 else first[:67].rstrip() + "…"


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Question):
    """Pick one answer (``answer="text"``) or several (``answer=("a", "b")``) among ``choices``.

    ``answer`` names choices by their text. ``feedback`` maps a choice to a sentence
    explaining why it is (not) right; it is shown when the student picks that choice.
    ``multiple`` is inferred from ``answer`` (a list/tuple/set means several answers).
    """

    choices: Sequence[str]
    answer: Union[str, Sequence[str]]
    multiple: bool | None = None
    feedback: Mapping[str, str] = field(default_factory=dict)
    kind: ClassVar[str] = "multiple_choice"
    kind_label: ClassVar[str] = "Multiple choice"

    def _validate(self) -> None:
        choices = _tuple_of_str(self.choices, "choices", self.id)
        object.__setattr__(self, "choices", choices)
        if len(choices) < 2 or len(set(choices)) != len(choices):
            raise QuestionDefinitionError(f"{self.id}: give at least two distinct choices")
        many = not isinstance(self.answer, str)
        answers = _tuple_of_str(self.answer, "answer", self.id)
        if self.multiple is None:
            object.__setattr__(self, "multiple", many)
        elif not self.multiple and len(answers) != 1:
            raise QuestionDefinitionError(f"{self.id}: a single-answer question needs exactly one answer")
        object.__setattr__(self, "answer", answers if self.multiple else answers[0])
        for a in answers:
            if a not in choices:
                raise QuestionDefinitionError(f"{self.id}: answer {a!r} is not one of the choices")
        if len(set(answers)) != len(answers):
            raise QuestionDefinitionError(f"{self.id}: answer lists a choice twice")
        feedback = dict(self.feedback or {})
        for key in feedback:
            if key not in choices:
                raise QuestionDefinitionError(f"{self.id}: feedback for unknown choice {key!r}")
        object.__setattr__(self, "feedback", feedback)

    @property
    def answers(self) -> tuple[str, ...]:
        """Returns the correct choice texts as a tuple (one element for single-answer questions)."""
        return self.answer if isinstance(self.answer, tuple) else (self.answer,)


Number = Union[int, float]


def format_number(value: float, decimals: int) -> str:
    """Returns ``value`` as a person writes it: ``decimals`` places, digits grouped by a narrow space from
    10 000 up ("12 345.6"), none below, so that years read "2018" and small counts "1500"."""
    text = f"{value:,.{decimals}f}" if abs(value) >= 10_000 else f"{value:.{decimals}f}"
    return text.replace(",", "\u202f")  # narrow no-break space: readable, unambiguous


@dataclass(frozen=True, kw_only=True)
class Numeric(Question):
    """A number, accepted within ``tolerance`` (absolute) or ``rel_tolerance`` (fraction of the answer).

    ``answer`` is a number or a callable with no arguments that computes it from the
    course datasets at check time (import ``scocourse`` inside the callable). ``unit``
    is the unit hint shown beside the input (e.g. "%", "million people").
    ``answer_source`` says in words how the answer is computed (shown with the solution
    and in the answer key). ``decimals`` fixes how the answer is shown (default: from the
    tolerance). ``explanation`` may contain ``{answer}``, replaced by the formatted answer.
    ``related`` (optional): the other figures of the same table a student may type by mistake — a
    mapping ``{"Kazakhstan's 2020 share": 18.2, ...}`` or a callable returning one, computed from the
    data like ``answer``; the checker then names the figure a wrong answer matches.
    """

    answer: Union[Number, Callable[[], Number]]
    tolerance: float = 0.0
    rel_tolerance: float = 0.0
    unit: str = ""
    decimals: int | None = None
    answer_source: str = ""
    related: Any = None
    kind: ClassVar[str] = "numeric"
    kind_label: ClassVar[str] = "Number"

    def _validate(self) -> None:
        ans = self.answer
        if not callable(ans):
            if isinstance(ans, bool) or not isinstance(ans, (int, float)) or not math.isfinite(ans):
                raise QuestionDefinitionError(f"{self.id}: answer must be a finite number or a callable")
        for name in ("tolerance", "rel_tolerance"):
            tol = getattr(self, name)
            if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not (0 <= tol < math.inf):
                raise QuestionDefinitionError(f"{self.id}: {name} must be a number >= 0")
        if self.rel_tolerance >= 1:
            raise QuestionDefinitionError(f"{self.id}: rel_tolerance is a fraction (0.02 = 2 %)")
        if not isinstance(self.unit, str):
            raise QuestionDefinitionError(f"{self.id}: unit must be a string")

    @property
    def computed(self) -> bool:
        """Returns True when the answer is computed from data at check time."""
        return callable(self.answer)

    def compute_answer(self) -> float:
        """Returns the correct value (calling the answer function if there is one); may raise."""
        value = self.answer() if callable(self.answer) else self.answer
        if hasattr(value, "item") and not isinstance(value, (int, float)):
            value = value.item()  # numpy / pandas scalar
        value = float(value)
        if not math.isfinite(value):
            raise ValueError("the computed answer is not a finite number")
        return value

    def allowed_error(self, correct: float) -> float:
        """Returns the largest accepted |answer - correct| (the looser of the two tolerances)."""
        return max(float(self.tolerance), abs(correct) * float(self.rel_tolerance))

    def display_decimals(self, value: float) -> int:
        """Returns how many decimals the answer ``value`` is shown with (``decimals``, else from the tolerance)."""
        if self.decimals is not None:
            return self.decimals
        err = self.allowed_error(value)
        if float(value).is_integer() and (err == 0 or err >= 0.5):
            return 0
        if err > 0:
            return max(0, min(6, -math.floor(math.log10(err)) + 1))
        return 2

    def format_value(self, value: float) -> str:
        """Returns ``value`` formatted for display (``decimals`` places; see :func:`format_number`)."""
        return format_number(value, self.display_decimals(value))

    def related_figures(self) -> dict:
        """Returns ``related`` as a dict of finite numbers ({} if none or it cannot be computed)."""
        rel = self.related
        if rel is None:
            return {}
        value = rel() if callable(rel) else rel
        out = {}
        for label, number in dict(value).items():
            try:
                number = float(number.item() if hasattr(number, "item") else number)
            except (TypeError, ValueError):
                continue
            if math.isfinite(number):
                out[str(label)] = number
        return out

    def format_with_unit(self, value: float) -> str:
        """Returns the formatted value followed by the unit ("21.8 %")."""
        text = self.format_value(value)
        if not self.unit:
            return text
        return f"{text} {self.unit}" if self.unit != "%" else f"{text} %"


def _scramble(qid: str, items: Sequence[str]) -> tuple[str, ...]:
    """Returns ``items`` in a fixed, id-dependent order that differs from the given one."""
    ordered = sorted(items, key=lambda s: hashlib.sha256(f"{qid}|{s}".encode()).hexdigest())
    if len(ordered) > 1 and tuple(ordered) == tuple(items):
        ordered = ordered[1:] + ordered[:1]
    return tuple(ordered)


@dataclass(frozen=True, kw_only=True)
class Order(Question):
    """Put ``items`` in order; ``items`` is the correct order (e.g. earliest event first).

    ``shown`` is the order the items are offered in (default: a fixed scramble, never
    the correct order). ``notes`` maps an item to a short note shown with the solution
    (e.g. its date). ``order_label`` names the ordering ("earliest first").
    """

    items: Sequence[str]
    shown: Sequence[str] | None = None
    notes: Mapping[str, str] = field(default_factory=dict)
    order_label: str = "earliest first"
    kind: ClassVar[str] = "order"
    kind_label: ClassVar[str] = "Put in order"

    def _validate(self) -> None:
        items = _tuple_of_str(self.items, "items", self.id)
        if len(items) < 3 or len(set(items)) != len(items):
            raise QuestionDefinitionError(f"{self.id}: give at least three distinct items")
        object.__setattr__(self, "items", items)
        shown = _scramble(self.id, items) if self.shown is None else _tuple_of_str(self.shown, "shown", self.id)
        if sorted(shown) != sorted(items):
            raise QuestionDefinitionError(f"{self.id}: shown must contain exactly the items")
        if shown == items:
            raise QuestionDefinitionError(f"{self.id}: shown must not be the correct order")
        object.__setattr__(self, "shown", shown)
        notes = dict(self.notes or {})
        if any(k not in items for k in notes):
            raise QuestionDefinitionError(f"{self.id}: notes for an unknown item")
        object.__setattr__(self, "notes", notes)


@dataclass(frozen=True, kw_only=True)
class Match(Question):
    """Match each left-hand item to one right-hand option.

    ``pairs`` is a dict (or list of 2-tuples) left -> right, in display order.
    ``distractors`` are extra right-hand options that match nothing. ``left_label`` and
    ``right_label`` head the two columns. ``notes`` maps a left item to a sentence shown
    with the solution.
    """

    pairs: Union[Mapping[str, str], Sequence[tuple[str, str]]]
    distractors: Sequence[str] = ()
    left_label: str = "Item"
    right_label: str = "Match"
    notes: Mapping[str, str] = field(default_factory=dict)
    kind: ClassVar[str] = "match"
    kind_label: ClassVar[str] = "Match pairs"

    def _validate(self) -> None:
        raw = list(self.pairs.items()) if isinstance(self.pairs, Mapping) else list(self.pairs)
        pairs = []
        for pair in raw:
            if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
                raise QuestionDefinitionError(f"{self.id}: pairs must be (left, right) pairs")
            left, right = _tuple_of_str(pair, "pairs", self.id)
            pairs.append((left, right))
        lefts = [p[0] for p in pairs]
        if len(pairs) < 2 or len(set(lefts)) != len(lefts):
            raise QuestionDefinitionError(f"{self.id}: give at least two pairs with distinct left items")
        object.__setattr__(self, "pairs", tuple(pairs))
        distractors = _tuple_of_str(self.distractors, "distractors", self.id) if self.distractors else ()
        if set(distractors) & {p[1] for p in pairs}:
            raise QuestionDefinitionError(f"{self.id}: a distractor is also a right answer")
        object.__setattr__(self, "distractors", distractors)
        notes = dict(self.notes or {})
        if any(k not in lefts for k in notes):
            raise QuestionDefinitionError(f"{self.id}: notes for an unknown left item")
        object.__setattr__(self, "notes", notes)

    @property
    def lefts(self) -> tuple[str, ...]:
        """Returns the left-hand items in display order."""
        return tuple(p[0] for p in self.pairs)

    @property
    def options(self) -> tuple[str, ...]:
        """Returns the right-hand options offered for every left item (sorted, no repeats)."""
        return tuple(sorted({p[1] for p in self.pairs} | set(self.distractors), key=str.casefold))


@dataclass(frozen=True, kw_only=True)
class ShortText(Question):
    """A word or short phrase, matched ignoring case, accents, spacing and punctuation.

    ``alternatives`` are other accepted spellings ("Kirghizia", "Kyrgyz Republic").
    ``wrong_answers`` maps a common wrong answer to feedback explaining why it is wrong.
    """

    answer: str
    alternatives: Sequence[str] = ()
    wrong_answers: Mapping[str, str] = field(default_factory=dict)
    max_length: int = 200
    kind: ClassVar[str] = "short_text"
    kind_label: ClassVar[str] = "Short answer"

    def _validate(self) -> None:
        if not isinstance(self.answer, str) or not self.answer.strip():
            raise QuestionDefinitionError(f"{self.id}: answer must be a non-empty string")
        alts = _tuple_of_str(self.alternatives, "alternatives", self.id) if self.alternatives else ()
        object.__setattr__(self, "alternatives", alts)
        wrong = dict(self.wrong_answers or {})
        from .parsing import normalize_text  # local: parsing imports nothing from here
        accepted = {normalize_text(a) for a in (self.answer, *alts)}
        if "" in accepted:
            raise QuestionDefinitionError(f"{self.id}: an accepted answer is only punctuation")
        for key in wrong:
            if normalize_text(key) in accepted:
                raise QuestionDefinitionError(f"{self.id}: {key!r} is listed as both right and wrong")
        object.__setattr__(self, "wrong_answers", wrong)

    @property
    def accepted(self) -> tuple[str, ...]:
        """Returns every accepted spelling, the main answer first."""
        return (self.answer, *self.alternatives)


@dataclass(frozen=True, kw_only=True)
class Reflection(Question):
    """Free text, never graded. ``model_answer`` can be revealed once the student has
    written at least ``min_words`` words."""

    model_answer: str
    min_words: int = 12
    kind: ClassVar[str] = "reflection"
    kind_label: ClassVar[str] = "Reflection"

    def _validate(self) -> None:
        if not isinstance(self.model_answer, str) or not self.model_answer.strip():
            raise QuestionDefinitionError(f"{self.id}: model_answer must be a non-empty string")
        if isinstance(self.min_words, bool) or not isinstance(self.min_words, int) or self.min_words < 1:
            raise QuestionDefinitionError(f"{self.id}: min_words must be a positive integer")


QUESTION_TYPES: tuple[type[Question], ...] = (MultipleChoice, Numeric, Order, Match, ShortText, Reflection)
