"""Property tests: whatever a student (or a notebook) passes, ``check`` returns a Result with feedback.

Each question type gets a few thousand arbitrary inputs in all: text, unicode, None, NaN,
infinities, huge numbers and strings, bytes, nested lists and dicts. The whole file runs
in a few seconds.
"""
from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scocourse.exercises import STATUSES, Match, MultipleChoice, Numeric, Order, Reflection, Result, ShortText, check

QUESTIONS = {
    "single_choice": MultipleChoice(id="98-01", prompt="p", choices=["Beijing", "Moscow", "Tashkent"],
                                    answer="Beijing", explanation="e", hints=["h"]),
    "multiple_choice": MultipleChoice(id="98-02", prompt="p", choices=["China", "India", "Russia"],
                                      answer=("China", "Russia"), explanation="e", hints=["h"]),
    "numeric": Numeric(id="98-03", prompt="p", answer=21.8, tolerance=0.5, unit="%", explanation="e {answer}",
                       hints=["h"]),
    "numeric_relative": Numeric(id="98-04", prompt="p", answer=lambda: 1562.0, rel_tolerance=0.02,
                                unit="million people", explanation="e", hints=["h"]),
    "order": Order(id="98-05", prompt="p", items=["first", "second", "third"], explanation="e", hints=["h"]),
    "match": Match(id="98-06", prompt="p", pairs={"Kazakhstan": "oil", "Kyrgyzstan": "hydropower"},
                   distractors=["coal"], explanation="e", hints=["h"]),
    "short_text": ShortText(id="98-07", prompt="p", answer="Kyrgyzstan", alternatives=["Kirghizia"],
                            wrong_answers={"Kazakhstan": "no"}, explanation="e", hints=["h"]),
    "reflection": Reflection(id="98-08", prompt="p", model_answer="m", min_words=5, explanation="e", hints=["h"]),
}

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-10**400, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.text(), st.text(alphabet=st.characters(), max_size=200),
    st.binary(max_size=50), st.sampled_from(["21.8", "21,8", "1 562", "Beijing", "B", "ABC", "oil", "Kyrgyzstan",
                                            "first", "−", "1e999", "1,,2", "..", "%", "\x00", "𝟐𝟏.𝟖", "٢١٫٨",
                                            "\u202e21.8", " " * 100, "a" * 20_000, "9" * 5000]),
    st.complex_numbers(allow_nan=True, allow_infinity=True), st.just(math.nan), st.just(Ellipsis),
)
answers = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=6), st.tuples(children, children),
                               st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(["Kazakhstan", "Kyrgyzstan"]),
                                                         st.integers()), children, max_size=4),
                               st.frozensets(st.one_of(st.text(max_size=8), st.integers()), max_size=4)),
    max_leaves=12,
)


def _assert_feedback(r):
    assert isinstance(r, Result)
    assert r.status in STATUSES
    assert isinstance(r.message, str) and r.message.strip()
    assert len(r.message) < 5000  # a huge answer is not echoed back in full
    # every input is handled on purpose, not by the last-resort "could not be read" guard
    assert r.status == "ungraded" or "error" not in r.details, r


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_checker_never_raises(name):
    q = QUESTIONS[name]

    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(answers)
    def run(answer):
        _assert_feedback(check(q, answer))

    run()


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=3),
                 st.floats(allow_nan=True), st.binary(max_size=10)),
       answers)
def test_unknown_or_odd_question_ids_never_raise(qid, answer):
    _assert_feedback(check(qid, answer))


@settings(max_examples=300, deadline=None, database=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_numeric_typed_forms_agree(value):
    """A number typed as text is judged like the number itself (and never raises)."""
    q = QUESTIONS["numeric"]
    as_number = check(q, value).status
    as_text = check(q, repr(value)).status
    assert as_number == as_text or "e" in repr(value)
