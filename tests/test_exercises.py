"""Unit tests for the exercise checkers: right, wrong, near-miss and malformed input per type."""
from __future__ import annotations

import dataclasses
import math

import pytest

from scocourse.exercises import (Match, MultipleChoice, Numeric, Order, QuestionDefinitionError, Reflection, Result,
                                 ShortText, UnknownQuestionError, check, get_question, questions)
from scocourse.exercises.parsing import InputError, normalize_text, parse_number

# --- fixtures: one small question of each type, independent of the banks ----------------------------

MC1 = MultipleChoice(id="99-01", prompt="Which city hosts the SCO Secretariat?",
                     choices=["Moscow", "Beijing", "Tashkent"], answer="Beijing",
                     feedback={"Tashkent": "Tashkent hosts the anti-terrorist structure (RATS)."},
                     explanation="The Secretariat opened in Beijing in 2004.", hints=["It is a capital."])
MCN = MultipleChoice(id="99-02", prompt="Which of these were founders?",
                     choices=["China", "India", "Russia", "Iran"], answer=("China", "Russia"),
                     feedback={"India": "India joined in 2017."}, explanation="Six founders in 2001.",
                     hints=["Think of 2001."])
NUM = Numeric(id="99-03", prompt="Share?", answer=21.8, tolerance=0.5, unit="%", explanation="It is {answer}.",
              hints=["Divide."])
NUM_REL = Numeric(id="99-04", prompt="Population?", answer=1562.0, rel_tolerance=0.02, unit="million people",
                  explanation="x", hints=["h"])
NUM_CALL = Numeric(id="99-05", prompt="Computed?", answer=lambda: 7, explanation="It is {answer}.", hints=["h"])
ORD = Order(id="99-06", prompt="Order these.", items=["first", "second", "third", "fourth"],
            explanation="Chronology.", hints=["h"])
MAT = Match(id="99-07", prompt="Match.", pairs={"Kazakhstan": "oil", "Turkmenistan": "gas", "Kyrgyzstan": "hydropower"},
            distractors=["coal"], explanation="Resources.", hints=["h"])
TXT = ShortText(id="99-08", prompt="Which country?", answer="Kyrgyzstan",
                alternatives=["Kirghizia", "Kyrgyz Republic"],
                wrong_answers={"Kazakhstan": "Kazakhstan's capital is Astana."}, explanation="Bishkek.", hints=["h"])
REF = Reflection(id="99-09", prompt="What do you think?", model_answer="A model answer.", min_words=5,
                 explanation="Reflect.", hints=["h"])


def _ok(r: Result) -> Result:
    assert isinstance(r, Result)
    assert r.message.strip()
    return r


# --- multiple choice ---------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["Beijing", "beijing ", "B", "b)", ["Beijing"], ("B",)])
def test_single_choice_right(answer):
    r = _ok(check(MC1, answer))
    assert r.status == "correct" and r.correct
    assert "Secretariat opened" in r.message  # the explanation comes with a right answer


def test_single_choice_wrong_explains_that_choice():
    r = _ok(check(MC1, "Tashkent"))
    assert r.status == "incorrect"
    assert "anti-terrorist" in r.message


@pytest.mark.parametrize("answer", [None, "", "Paris", 1, True, ["Moscow", "Beijing"], {"a": 1}, b"Beijing", 2.5])
def test_single_choice_malformed(answer):
    r = _ok(check(MC1, answer))
    assert r.status == "invalid"


def test_multiple_choice_right_partly_wrong():
    assert check(MCN, ["China", "Russia"]).status == "correct"
    assert check(MCN, {"Russia", "China"}).status == "correct"
    assert check(MCN, "A, C").status == "correct"
    near = _ok(check(MCN, ["China"]))
    assert near.status == "partly" and "1 of the 2" in near.message and "still unselected" in near.message
    extra = _ok(check(MCN, ["China", "Russia", "India"]))
    assert extra.status == "partly" and "India joined in 2017" in extra.message
    assert check(MCN, ["India", "Iran"]).status == "incorrect"
    assert check(MCN, []).status == "invalid"
    assert check(MCN, ["China", 3]).status == "invalid"


# --- numeric -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["21.8", "21,8", "21.8 %", " 21.8% ", 21.8, 22, "about 21.5", "22.3", "+21.8"])
def test_numeric_right(answer):
    r = _ok(check(NUM, answer))
    assert r.status == "correct", r.message
    assert "21.8" in r.message  # the answer and explanation ({answer} filled in)
    assert "{answer}" not in r.message


def test_numeric_near_miss_and_direction():
    near = _ok(check(NUM, "23"))
    assert near.status == "incorrect" and "Close" in near.message and "too high" in near.message
    low = _ok(check(NUM, "5"))
    assert low.status == "incorrect" and "too low" in low.message and "Close" not in low.message


def test_numeric_common_slips():
    frac = _ok(check(NUM, "0.218"))
    assert frac.status == "partly" and "per cent" in frac.message
    sign = _ok(check(NUM, "-21.8"))
    assert sign.status == "incorrect" and "sign" in sign.message
    scale = _ok(check(NUM_REL, "1562000000"))
    assert scale.status == "incorrect" and "times" in scale.message


@pytest.mark.parametrize("answer", ["1 562", "1,562", "1562", "1.562 billion", "1 562 million", "1,55e3", "1.56e3",
                                   "1'562", "1\u202f562", "1590"])
def test_numeric_relative_tolerance_and_formats(answer):
    r = _ok(check(NUM_REL, answer))
    assert r.status == "correct", (answer, r.message)


@pytest.mark.parametrize("answer", [None, "", "abc", "20-25", "1/4", "21.8.3", float("nan"), float("inf"), True,
                                    [21.8], {"x": 1}, b"21.8", "9" * 500, "１ ２", object()])
def test_numeric_malformed(answer):
    r = _ok(check(NUM, answer))
    assert r.status == "invalid", (answer, r)


def test_numeric_callable_answer_computed_at_check_time():
    assert check(NUM_CALL, "7").status == "correct"
    assert "It is 7" in check(NUM_CALL, 7).message
    assert check(NUM_CALL, "6").status == "incorrect"


def test_numeric_unavailable_answer_is_ungraded_not_an_error():
    def broken():
        raise FileNotFoundError("indicators.csv is missing")
    q = Numeric(id="99-10", prompt="p", answer=broken, explanation="e", hints=["h"])
    r = _ok(check(q, "3"))
    assert r.status == "ungraded" and "could not be graded" in r.message


def test_parse_number_readings():
    assert [x.value for x in parse_number("21,8")] == [21.8]
    assert {x.value for x in parse_number("1,562")} == {1.562, 1562.0}
    assert [x.value for x in parse_number("1.562,5")] == [1562.5]
    assert [x.value for x in parse_number("−3")] == [-3.0]
    assert [x.value for x in parse_number("1.4 billion", "million people")] == [1400.0]
    with pytest.raises(InputError):
        parse_number("twenty")


# --- order ---------------------------------------------------------------------------------------------------

def test_order_right_by_text_and_by_letters():
    assert check(ORD, ["first", "second", "third", "fourth"]).status == "correct"
    letters = "".join("ABCD"[ORD.shown.index(i)] for i in ORD.items)
    assert check(ORD, letters).status == "correct"
    assert check(ORD, ", ".join(letters)).status == "correct"
    assert check(ORD, ["FIRST", " second", "third.", "Fourth"]).status == "correct"


def test_order_partly_and_wrong_explain_direction():
    r = _ok(check(ORD, ["first", "second", "fourth", "third"]))
    assert r.status == "partly" and "2 of 4" in r.message and "‘fourth’ should come later" in r.message
    r = _ok(check(ORD, ["fourth", "third", "second", "first"]))
    assert r.status == "incorrect" and "0 of 4" in r.message


@pytest.mark.parametrize("answer", [None, [], ["first"], ["first", "first", "second", "third"], [1, 2, 3, 4],
                                    ["first", "second", "third", "fifth"], "nonsense", {"a": 1},
                                    ["first", "second", "third", None], 42])
def test_order_malformed(answer):
    r = _ok(check(ORD, answer))
    assert r.status == "invalid"


def test_order_shown_is_never_the_answer():
    assert tuple(ORD.shown) != tuple(ORD.items)
    for q in questions():
        if isinstance(q, Order):
            assert tuple(q.shown) != tuple(q.items), q.id


# --- match ------------------------------------------------------------------------------------------------------

def test_match_right_and_tolerant():
    right = {"Kazakhstan": "oil", "Turkmenistan": "gas", "Kyrgyzstan": "hydropower"}
    assert check(MAT, right).status == "correct"
    assert check(MAT, {"kazakhstan": "OIL", "Turkmenistan": "gas ", "Kyrgyzstan": "Hydropower"}).status == "correct"
    assert check(MAT, list(right.items())).status == "correct"


def test_match_partly_names_each_pair():
    r = _ok(check(MAT, {"Kazakhstan": "oil", "Turkmenistan": "hydropower", "Kyrgyzstan": "gas"}))
    assert r.status == "partly"
    assert r.message.startswith("1 of 3 pairs right: Kazakhstan ↔ oil is right; Turkmenistan ↔ hydropower is not")
    assert check(MAT, {"Kazakhstan": "coal", "Turkmenistan": "oil", "Kyrgyzstan": "gas"}).status == "incorrect"


@pytest.mark.parametrize("answer", [None, {}, {"Kazakhstan": "oil"}, {"Kazakhstan": "uranium", "Turkmenistan": "gas",
                                    "Kyrgyzstan": "gas"}, {"Mars": "oil"}, [("Kazakhstan",)], "oil", 3,
                                    {"Kazakhstan": "oil", "Turkmenistan": None, "Kyrgyzstan": "gas"}, {1: 2}])
def test_match_malformed(answer):
    r = _ok(check(MAT, answer))
    assert r.status == "invalid"


# --- short text -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["Kyrgyzstan", "kyrgyzstan", "  KYRGYZSTAN. ", "Kirghizia", "Kyrgyz Republic",
                                   "the kyrgyz-republic", "Kýrgyzstán", "Kyrgyz stan", "It is Kyrgyzstan"])
def test_short_text_right(answer):
    r = _ok(check(TXT, answer))
    assert r.status == "correct", answer


def test_short_text_common_mistake_and_misspelling():
    r = _ok(check(TXT, "kazakhstan"))
    assert r.status == "incorrect" and "Astana" in r.message
    typo = _ok(check(TXT, "Kyrgystan"))
    assert typo.status == "partly" and "spelling" in typo.message
    assert check(TXT, "Mongolia").status == "incorrect"
    assert check(TXT, "Kazakhstan and Kyrgyzstan").status != "correct"


@pytest.mark.parametrize("answer", [None, "", "   ", "!!!", b"Kyrgyzstan", ["Kyrgyzstan"], {"a": 1}, float("nan"),
                                    "x" * 5000, True])
def test_short_text_malformed(answer):
    r = _ok(check(TXT, answer))
    assert r.status == "invalid"


def test_normalize_text():
    assert normalize_text("  The Kyrgyz-Republic! ") == "kyrgyz republic"
    assert normalize_text("O‘zbekiston") == normalize_text("O'zbekiston") == "ozbekiston"
    assert normalize_text("Türkiye") == "turkiye"


# --- reflection ----------------------------------------------------------------------------------------------------

def test_reflection_never_graded():
    r = _ok(check(REF, "I think the SCO mostly helps China and Russia talk."))
    assert r.status == "ungraded" and r.details["can_reveal"] is True
    short = _ok(check(REF, "no idea"))
    assert short.status == "invalid" and short.details["can_reveal"] is False
    assert check(REF, "word " * 50).status == "invalid"  # one word repeated is not a reflection
    for bad in (None, 3, ["text"], b"bytes"):
        assert _ok(check(REF, bad)).status == "invalid"


# --- ids, registry, definitions ----------------------------------------------------------------------------------------

def test_unknown_id_lists_close_ids():
    with pytest.raises(UnknownQuestionError) as err:
        get_question("00-99")
    assert "00-0" in str(err.value)
    assert get_question("0-1").id == "00-01" == get_question(" 00_01 ").id
    r = _ok(check("00-99", "x"))
    assert r.status == "invalid" and "00-99" in r.message
    assert check(None, "x").status == "invalid"
    assert check(["00-01"], "x").status == "invalid"
    with pytest.raises(UnknownQuestionError):
        questions("lesson 42")


def test_course_error_base():
    from scocourse.errors import CourseError
    assert issubclass(UnknownQuestionError, CourseError)
    assert issubclass(QuestionDefinitionError, CourseError)


@pytest.mark.parametrize("kwargs", [
    dict(id="1-1", prompt="p", explanation="e", hints=["h"], choices=["a", "b"], answer="a"),
    dict(id="99-01", prompt="", explanation="e", hints=["h"], choices=["a", "b"], answer="a"),
    dict(id="99-01", prompt="p", explanation="e", hints=[], choices=["a", "b"], answer="a"),
    dict(id="99-01", prompt="p", explanation="e", hints=["h"], choices=["a", "b"], answer="c"),
    dict(id="99-01", prompt="p", explanation="e", hints=["h"], choices=["a", "a"], answer="a"),
])
def test_bad_definitions_fail_loudly(kwargs):
    with pytest.raises(QuestionDefinitionError):
        MultipleChoice(**kwargs)


def test_bad_numeric_and_text_definitions():
    with pytest.raises(QuestionDefinitionError):
        Numeric(id="99-01", prompt="p", explanation="e", hints=["h"], answer=math.nan)
    with pytest.raises(QuestionDefinitionError):
        Numeric(id="99-01", prompt="p", explanation="e", hints=["h"], answer=1, rel_tolerance=5)
    with pytest.raises(QuestionDefinitionError):
        ShortText(id="99-01", prompt="p", explanation="e", hints=["h"], answer="x", wrong_answers={"X": "no"})
    with pytest.raises(QuestionDefinitionError):
        Order(id="99-01", prompt="p", explanation="e", hints=["h"], items=["a", "b", "c"], shown=["a", "b", "c"])
    with pytest.raises(QuestionDefinitionError):
        Match(id="99-01", prompt="p", explanation="e", hints=["h"], pairs={"a": "1", "b": "2"}, distractors=["1"])


def test_result_is_frozen_and_labelled():
    r = check(MC1, "B")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.status = "incorrect"  # type: ignore[misc]
    assert str(r).startswith("✔ Correct")
    assert check(MC1, "A").label == "✘ Not yet"


def test_no_eval_or_exec_in_the_exercises_package():
    import ast
    from pathlib import Path
    import scocourse.exercises as pkg
    for path in Path(pkg.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in {"eval", "exec", "compile", "__import__"}, (path.name, node.func.id)
