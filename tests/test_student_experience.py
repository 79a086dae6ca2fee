"""Issue 16: the slips, names, word counts, widgets and progress a student meets, tested where they live."""
from __future__ import annotations

import errno
import json
import re

import pytest

import scocourse as sc
from scocourse.exercises import get_question, lessons, questions
from scocourse.exercises.checking import check
from scocourse.exercises.types import Numeric, Reflection, ShortText

progress_mod = __import__("importlib").import_module("scocourse.exercises.progress")


# --- numbers ------------------------------------------------------------------------------------

def test_overflowing_exponent_is_a_clear_answer_not_a_catch_all():
    q = Numeric(id="99-01", prompt="How many?", explanation="e", hints=["h"], answer=12.0, tolerance=0.5)
    r = check(q, "1e999")
    assert r.status == "invalid" and "too large" in r.message and "could not be read" not in r.message


def test_years_print_plain_and_tolerances_at_the_answers_precision():
    year = Numeric(id="99-02", prompt="Which year?", explanation="e", hints=["h"], answer=2018, tolerance=0)
    assert "2018" in check(year, "2018").message and "2 018" not in check(year, "2018").message
    energy = Numeric(id="99-03", prompt="How much?", explanation="e", hints=["h"], answer=1426.6, rel_tolerance=0.02, unit="GWh")
    msg = check(energy, "1000").message + check(energy, "1420").message
    assert "±28.5331" not in msg and not re.search(r"±\d+\.\d{3,}", msg)


@pytest.mark.parametrize("answer, unit, typed, slip", [
    (2.5, "times", "150", "percent_change_not_ratio"),    # a percentage change typed for a ratio
    (2.5, "times", "0.4", "inverse"),                      # the ratio upside down
    (62.0, "%", "38", "complement"),                       # the share lost instead of the share kept
    (62.0, "%", "0.62", "fraction_not_percent"),
    (50.0, "%", "1.5", "ratio_not_percent_change"),        # a ratio typed for a percentage change
    (0.3, "", "30", "percent_not_fraction"),
    (0.3, "", "0.7", "complement"),
])
def test_common_slips_are_named(answer, unit, typed, slip):
    q = Numeric(id="99-04", prompt="?", explanation="e", hints=["h"], answer=answer, rel_tolerance=0.01, unit=unit)
    r = check(q, typed)
    assert r.details.get("slip") == slip, r.message
    assert r.status in ("partly", "incorrect") and "looks like" in r.message


def test_a_figure_from_the_same_table_is_named():
    q = Numeric(id="99-05", prompt="By how many points did the share change?", explanation="e", hints=["h"], answer=4.0, tolerance=0.2,
                unit="percentage points", related=lambda: {"the 2020 share": 22.0, "the 2000 share": 18.0})
    r = check(q, "22")
    assert r.details.get("slip") == "related_figure" and "the 2020 share" in r.message


def test_no_slip_claimed_for_an_ordinary_wrong_answer():
    q = Numeric(id="99-06", prompt="?", explanation="e", hints=["h"], answer=62.0, rel_tolerance=0.01, unit="%")
    assert "slip" not in check(q, "45").details


# --- names in Russian ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed, code", [("Казахстан", "KAZ"), ("Киргизия", "KGZ"), ("Кыргызстан", "KGZ"),
                                         ("Узбекистан", "UZB"), ("Россия", "RUS"), ("Китай", "CHN")])
def test_country_lookup_accepts_russian_names(typed, code):
    assert sc.country(typed) == code


def test_every_course_country_has_a_cyrillic_alias():
    countries = sc.datasets.load("countries")
    for name, aliases in countries[["name", "aliases"]].itertuples(index=False):
        assert re.search("[А-Яа-яЁё]", str(aliases)), f"{name} has no Russian name among its aliases"


@pytest.mark.parametrize("text", ["Узбекистан", "Шанхайский дух", "Камбарата-1"])
def test_short_answers_typed_in_russian_are_accepted(text):
    english = {"Узбекистан": "Uzbekistan", "Шанхайский дух": "Shanghai spirit", "Камбарата-1": "Kambarata-1"}[text]
    q = ShortText(id="99-07", prompt="?", answer=english, explanation="x", hints=["h"])
    r = check(q, text)
    assert r.correct and english in r.message


def test_a_wrong_russian_answer_is_still_wrong():
    q = ShortText(id="99-08", prompt="?", answer="Uzbekistan", explanation="x", hints=["h"])
    assert not check(q, "Казахстан").correct


# --- reflections ---------------------------------------------------------------------------------

def test_reflection_counts_words_of_ones_own():
    q = Reflection(id="99-09", prompt="?", model_answer="m", min_words=40, explanation="e", hints=["h"])
    repeated = check(q, "water " * 50)
    assert repeated.status == "invalid" and "only 1 different word" in repeated.message
    assert "at least 40" in repeated.message and "you have 50" not in repeated.message
    markup = check(q, "<p><b>" + "</b> <i>".join(["short"] * 3) + "</i></p>")
    assert markup.status == "invalid" and "you have 3" in markup.message
    russian = check(q, " ".join(f"слово{chr(0x430 + i % 30)}{chr(0x430 + i // 30)}" for i in range(45)))
    assert russian.status == "ungraded"


# --- code shown to students runs ------------------------------------------------------------------

_TEMPLATE_NAMES = {"name", "code", "year", "country", "lesson", "qid"}


def _code_spans():
    for lesson in lessons():
        for q in questions(lesson):
            texts = [*q.hints, q.explanation, q.prompt, getattr(q, "answer_source", "") or ""]
            for text in texts:
                for code in re.findall(r"`([^`\n]+)`", text or ""):
                    if re.search(r"\b(sc|scocourse|datasets|charts)\.\w+", code) and "..." not in code and "…" not in code:
                        yield q.id, code


@pytest.mark.parametrize("qid, code", list(_code_spans()))
def test_code_in_hints_and_solutions_runs_in_a_lesson(qid, code):
    """Code a hint or solution shows must run after the lessons' set-up cell (`import scocourse as sc`, …)."""
    import scocourse
    from scocourse import charts, datasets
    namespace = {"sc": scocourse, "scocourse": scocourse, "datasets": datasets, "charts": charts}
    try:
        eval(compile(code, f"<{qid}>", "eval"), namespace)
    except SyntaxError:
        exec(compile(code, f"<{qid}>", "exec"), namespace)
    except NameError as exc:
        if exc.name not in _TEMPLATE_NAMES:
            raise


# --- progress that loses nothing ---------------------------------------------------------------------

def test_a_damaged_progress_file_is_kept_aside_and_reported(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text('{"version": 2, "questions": {"01-01": {"attempts": 2', encoding="utf-8")  # half-written
    store = progress_mod.ProgressStore(path)
    aside = list(tmp_path.glob("progress.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8").startswith('{"version": 2')
    assert store.problems and aside[0].name in store.problems[0]
    store.update("01-04", attempts=1)
    assert json.loads(path.read_text(encoding="utf-8"))["questions"]["01-04"]["attempts"] == 1
    assert aside[0].exists()  # never overwritten


def test_two_kernels_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "progress.json"
    a, b = progress_mod.ProgressStore(path), progress_mod.ProgressStore(path)
    a.update("01-01", attempts=lambda n: (n or 0) + 1, correct=True)
    b.update("02-01", attempts=lambda n: (n or 0) + 1)
    b.update("01-01", hints=2)  # b never saw a's answer to 01-01 in memory
    fresh = progress_mod.ProgressStore(path)
    assert fresh.entry("01-01")["correct"] is True and fresh.entry("01-01")["hints"] == 2
    assert fresh.entry("02-01")["attempts"] == 1


def test_a_full_disk_keeps_progress_in_memory_and_says_why(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    store = progress_mod.ProgressStore(path)

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(progress_mod.os, "replace", full)
    entry = store.update("01-01", attempts=1)
    assert entry["attempts"] == 1 and store.entry("01-01")["attempts"] == 1
    assert not store.persistent and any("disk is full" in p for p in store.problems)
    assert not list(tmp_path.glob(".progress-*.tmp"))


def test_merge_never_lowers_a_count_or_unsolves():
    old = {"attempts": 5, "correct": True, "hints": 3, "solution_shown": False, "status": "correct"}
    new = {"attempts": 2, "correct": False, "hints": 1, "solution_shown": True, "status": "incorrect"}
    merged = progress_mod.merge_entries(old, new)
    assert merged["attempts"] == 5 and merged["correct"] and merged["hints"] == 3 and merged["solution_shown"]


# --- widgets after a restart -------------------------------------------------------------------------

def test_a_solved_exercise_shows_as_solved_after_a_restart(tmp_path, monkeypatch):
    pytest.importorskip("ipywidgets")
    from scocourse.exercises.widgets import build_widget
    monkeypatch.setenv("SCOCOURSE_PROGRESS_DIR", str(tmp_path))
    q = next(q for q in questions("00") if q.kind == "numeric")
    first = build_widget(q)
    first.set_answer("1e999")
    first.on_check()
    from scocourse.exercises.checking import numeric_answer
    first.set_answer(str(numeric_answer(q)))
    first.on_check()
    assert first.last_result.correct
    progress_mod._STORES.clear()  # a new kernel
    again = build_widget(q)
    assert again.inputs.value == str(numeric_answer(q))
    text = again.feedback.outputs[0]["data"]["text/plain"]
    assert "Solved earlier" in text and again.attempts == first.attempts
    assert not again.solution_button.disabled


def test_order_widget_shows_the_letters_the_prompt_uses():
    pytest.importorskip("ipywidgets")
    from scocourse.exercises.widgets import build_widget
    q = get_question("00-05")
    ui = build_widget(q)
    labels = [label for label, _value in ui.inputs[0].options][1:]
    assert [lab[:3] for lab in labels] == [f"{chr(65 + i)}. " for i in range(len(labels))]


def test_match_dropdowns_and_buttons_do_not_shrink():
    pytest.importorskip("ipywidgets")
    from scocourse.exercises.widgets import build_widget
    match = next(q for lesson in lessons() for q in questions(lesson) if q.kind == "match")
    ui = build_widget(match)
    for drop in ui.inputs.values():
        assert drop.layout.width != "auto" and drop.layout.min_width
    refl = next(q for lesson in lessons() for q in questions(lesson) if q.kind == "reflection")
    ui = build_widget(refl)
    assert ui.solution_button.layout.width == "auto"


def test_match_instructions_read_as_a_sentence():
    from scocourse.exercises.render import type_instructions
    match = next(q for lesson in lessons() for q in questions(lesson) if q.kind == "match")
    text = type_instructions(match)
    assert not text.endswith(" to.") and "choose" in text


# --- errors ---------------------------------------------------------------------------------------

def test_unknown_question_is_a_key_error_with_candidates():
    with pytest.raises(KeyError) as e:
        get_question("01-99")
    msg = str(e.value)
    assert "Did you mean" in msg and "01-0" in msg
    r = check("01-99", "x")
    assert r.status == "invalid" and "Did you mean" in r.message
