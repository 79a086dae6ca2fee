"""Interactive exercises: ``exercise("01-02")`` and ``progress("01")`` for notebooks.

ipywidgets and IPython are imported inside the functions, so importing this module is
light. The widget only collects the answer and calls ``check``; feedback is written by
setting an ``ipywidgets.Output``'s ``.outputs`` (never ``with out:`` printing), so the
same thing happens in JupyterLab, in headless execution and under nbval.

What is displayed is one mimebundle: the live widget view plus a deterministic
``text/html`` / ``text/plain`` fallback (question and choices, no answer) that GitHub,
nbviewer and HTML exports show when there is no kernel.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import caught
from . import progress as _progress
from .checking import Result, check
from .instructor import is_instructor
from .registry import get_question
from .render import (feedback_html, html_bundle, markdown_html, question_html, question_text, solution_html,
                     solution_text, type_instructions)
from .types import Match, MultipleChoice, Numeric, Order, Question, Reflection, ShortText

__all__ = ["exercise", "progress", "build_widget", "ExerciseWidget", "SOLUTION_AFTER"]

from ..mime import WIDGET_VIEW  # noqa: E402  (one definition, re-exported)
SOLUTION_AFTER = 3  # attempts before "Show solution" is enabled
_PLACEHOLDER = "— choose —"
_LABELLED = {"description_width": "initial"}  # labels tied to their inputs (screen readers, get_by_label)


@dataclass
class ExerciseWidget:
    """The parts of one exercise widget (kept so tests and benchmarks can drive it)."""

    question: Question
    box: Any
    controls: list
    inputs: Any
    read_answer: Callable[[], Any]
    check_button: Any
    hint_button: Any
    solution_button: Any
    attempts_label: Any
    feedback: Any
    hints_output: Any
    solution_output: Any
    attempts: int = 0
    hints_shown: int = 0
    last_result: Result | None = None
    history: list = field(default_factory=list)

    def set_answer(self, answer: Any) -> None:
        """Puts ``answer`` into the input controls, as a student would (for tests and demos).

        Single choice: the choice text; several choices: a list of texts; number, short text,
        reflection: a string; order: the list of items; match: a dict left -> right.
        """
        q, inputs = self.question, self.inputs
        if isinstance(q, MultipleChoice) and q.multiple:
            for box in inputs:
                box.value = box.description in answer
        elif isinstance(q, Order):
            for drop, item in zip(inputs, answer):
                drop.value = item or ""
        elif isinstance(q, Match):
            for left, drop in inputs.items():
                drop.value = answer.get(left) or ""
        else:
            inputs.value = answer if isinstance(q, MultipleChoice) else str(answer)

    # -- actions (also wired to the buttons) ----------------------------------------------------------
    def restore(self, entry: dict) -> None:
        """Shows what progress recorded for this question (after a kernel restart or in another notebook):
        the attempts, the last answer in the controls, hints already seen, and a solved question as solved."""
        self.attempts = int(entry.get("attempts", 0) or 0)
        if entry.get("answer") is not None:
            try:
                self.set_answer(entry["answer"])
            except Exception as exc:  # an answer saved by another course version may no longer fit
                caught(exc, f"putting the saved answer of {self.question.id} back")
        for _ in range(min(int(entry.get("hints", 0) or 0), len(self.question.hints))):
            self.on_hint(record=False)
        status = entry.get("status")
        if entry.get("correct"):
            self.last_result = Result("correct", "You solved this one earlier; your answer is shown above.")
        if status:
            label = "✔ Solved earlier" if entry.get("correct") else "Checked earlier"
            text = (f"{label} ({self.attempts} attempt{'' if self.attempts == 1 else 's'}). "
                    + ("Your saved answer is shown above; check it again or move on." if entry.get("answer") is not None
                       else "You can move on, or answer again."))
            self.feedback.outputs = (html_bundle(f"<p class='scocourse-restored'>{html.escape(text)}</p>", text),)
        if entry.get("solution_shown") and self.solution_allowed():
            self.on_solution(record=False)
        self._refresh()

    def on_check(self, _button=None) -> None:
        """Checks the current answer and shows the feedback."""
        answer = None
        try:
            answer = self.read_answer()
            result = check(self.question, answer)
        except Exception as exc:  # check() never raises; reading a control should not either
            caught(exc, f"reading the answer of {self.question.id}")
            result = Result("invalid", "Sorry — this answer could not be read. Please try again.")
        self.last_result = result
        if result.status != "invalid":
            self.attempts += 1
            entry = _progress.record_check(self.question.id, result, answer)
            self.attempts = max(self.attempts, int(entry.get("attempts", 0) or 0))
        self.feedback.outputs = (html_bundle(feedback_html(result), str(result)),)
        self._refresh()

    def on_hint(self, _button=None, record: bool = True) -> None:
        """Reveals the next hint."""
        hints = self.question.hints
        if self.hints_shown >= len(hints):
            return
        self.hints_shown += 1
        shown = hints[: self.hints_shown]
        html_text = ('<div class="scocourse-hints-text"><strong>Hints</strong><ol>'
                     + "".join(f"<li>{markdown_html(h)}</li>" for h in shown) + "</ol></div>")
        plain = "Hints:\n" + "\n".join(f"{i + 1}. {h}" for i, h in enumerate(shown))
        self.hints_output.outputs = (html_bundle(html_text, plain),)
        if record:
            _progress.record_hint(self.question.id, self.hints_shown)
        self._refresh()

    def on_solution(self, _button=None, record: bool = True) -> None:
        """Shows the solution (or model answer) with its explanation, once allowed."""
        if not self.solution_allowed():
            return
        q = self.question
        self.solution_output.outputs = (html_bundle(solution_html(q, letters=False), solution_text(q, letters=False)),)
        if record:
            _progress.record_solution(self.question.id)
        self._refresh()

    def solution_allowed(self) -> bool:
        """Returns True once the solution may be shown (after enough attempts or a right answer)."""
        r = self.last_result
        if isinstance(self.question, Reflection):
            return bool(r is not None and r.details.get("can_reveal"))
        return self.attempts >= SOLUTION_AFTER or bool(r is not None and r.correct)

    def _refresh(self) -> None:
        self.attempts_label.value = f"Attempts: {self.attempts}"
        n = len(self.question.hints)
        if self.hints_shown >= n:
            self.hint_button.description = "No more hints"
            self.hint_button.disabled = True
        else:
            self.hint_button.description = f"Hint ({self.hints_shown + 1} of {n})"
        self.solution_button.disabled = not self.solution_allowed()


# Long answers wrap: let each radio label grow with its text so the next one never covers its button.
_CSS = ("<style>.scocourse-exercise .widget-radio-box label{height:auto!important;white-space:normal;"
        "line-height:1.35;display:flex;flex-direction:row-reverse;justify-content:flex-end;"
        "align-items:flex-start;gap:0.5em;padding:2px 0;margin-bottom:2px}"
        ".scocourse-exercise .widget-radio-box input{flex:none;margin-top:0.2em}"
        # matching and ordering: the item's text above its drop-down, which takes the full width (a long
        # reading beside a drop-down squeezed the drop-down to a few pixels)
        ".scocourse-exercise .scocourse-stacked{flex-direction:column;align-items:stretch;height:auto}"
        ".scocourse-exercise .scocourse-stacked .widget-label{width:auto!important;max-width:none;"
        "white-space:normal;overflow:visible;text-overflow:clip;height:auto;line-height:1.35;margin:4px 0 2px;"
        "text-align:left;flex:none}"
        ".scocourse-exercise .scocourse-stacked select{width:100%;height:var(--jp-widgets-inline-height,28px);"
        "flex:none}</style>")


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _DROP_LAYOUT(w):
    """A dropdown as wide as the lesson allows (never shrunk to its arrow: 'auto' collapses a select)."""
    return w.Layout(width="100%", max_width="52em", min_width="18em")


def _stacked(drops):
    """Put each drop-down's label (the item to place or match) above it, so long items never squeeze it."""
    for d in drops:
        d.add_class("scocourse-stacked")
    return drops


def _controls(q: Question, w) -> tuple[list, Any, Callable[[], Any]]:
    """Returns (widgets to show, the input widgets, function reading the answer) for the question's type."""
    wide = w.Layout(width="auto")
    if isinstance(q, MultipleChoice) and not q.multiple:
        radio = w.RadioButtons(options=list(q.choices), value=None, layout=wide)
        return [radio], radio, lambda: radio.value
    if isinstance(q, MultipleChoice):
        boxes = [w.Checkbox(value=False, description=c, indent=False, layout=wide,
                            style={"description_width": "initial"}) for c in q.choices]
        return boxes, boxes, lambda: [b.description for b in boxes if b.value]
    if isinstance(q, Numeric):
        text = w.Text(value="", placeholder="a number, e.g. 21.8", description="Your answer",
                      style=_LABELLED, layout=w.Layout(width="22em"))
        row = w.HBox([text, w.Label(q.unit)] if q.unit else [text])
        return [row], text, lambda: text.value
    if isinstance(q, Order):
        # each item keeps the letter the prompt and the static view give it (A, B, …)
        options = [(_PLACEHOLDER, "")] + [(f"{_LETTERS[i]}. {item}", item) for i, item in enumerate(q.shown)]
        drops = [w.Dropdown(options=options, value="", description=f"{i + 1}.", style=_LABELLED,
                            layout=_DROP_LAYOUT(w)) for i in range(len(q.items))]
        _stacked(drops)
        return drops, drops, lambda: [d.value or None for d in drops]
    if isinstance(q, Match):
        options = [(_PLACEHOLDER, "")] + [(o, o) for o in q.options]
        drops = {left: w.Dropdown(options=options, value="", description=f"{left} ↔", style=_LABELLED,
                                  layout=_DROP_LAYOUT(w)) for left in q.lefts}
        _stacked(drops.values())
        return list(drops.values()), drops, lambda: {left: (d.value or None) for left, d in drops.items()}
    if isinstance(q, ShortText):
        text = w.Text(value="", placeholder="type your answer", description="Your answer", style=_LABELLED,
                      layout=w.Layout(width="32em"))
        return [text], text, lambda: text.value
    if isinstance(q, Reflection):
        area = w.Textarea(value="", placeholder="Write your thoughts here…", rows=5, description="Your reflection",
                          style=_LABELLED, layout=w.Layout(width="95%"))
        return [area], area, lambda: area.value
    raise TypeError(f"no widget for {type(q).__name__}")  # pragma: no cover


def build_widget(question_or_id: Any, *, instructor: bool | None = None) -> ExerciseWidget:
    """Returns an ExerciseWidget for a question (not displayed); ``.box`` is the widget to show."""
    import ipywidgets as w

    q = question_or_id if isinstance(question_or_id, Question) else get_question(question_or_id)
    instructor = is_instructor() if instructor is None else instructor
    header = w.HTML(f"{_CSS}<p><strong>Exercise {q.id} · {q.kind_label}</strong></p>{markdown_html(q.prompt)}"
                    f"<p><em>{html.escape(type_instructions(q))}</em></p>")
    controls, inputs, read = _controls(q, w)
    is_reflection = isinstance(q, Reflection)
    check_button = w.Button(description="Save" if is_reflection else "Check", button_style="primary",
                            tooltip="Save your reflection" if is_reflection else "Check your answer",
                            icon="check", layout=w.Layout(width="auto", min_width="7em"))
    hint_button = w.Button(description="Hint", tooltip="Show the next hint", icon="lightbulb-o",
                           layout=w.Layout(width="auto"))
    solution_button = w.Button(description="Show model answer" if is_reflection else "Show solution",
                               disabled=True, icon="eye", layout=w.Layout(width="auto"),
                               tooltip=("Available once you have written a few sentences" if is_reflection else
                                        f"Available after {SOLUTION_AFTER} attempts or a right answer"))
    attempts_label = w.Label("Attempts: 0")
    feedback, hints_output, solution_output = w.Output(), w.Output(), w.Output()
    children = [header, *controls,
                w.HBox([check_button, hint_button, solution_button, attempts_label],
                       layout=w.Layout(flex_flow="row wrap")),
                feedback, hints_output, solution_output]
    if instructor:
        children.append(w.HTML('<details open><summary><strong>For the lecturer: answer and explanation'
                               f"</strong></summary>{solution_html(q, letters=False)}</details>"))
    box = w.VBox(children, layout=w.Layout(border="1px solid #bbb", padding="6px 12px", margin="6px 0"))
    box.add_class("scocourse-exercise")
    box.add_class(f"scocourse-q-{q.id}")  # CSS hooks for the browser test and for styling
    for widget, css in ((feedback, "scocourse-feedback"), (hints_output, "scocourse-hints"),
                        (solution_output, "scocourse-solution"), (check_button, "scocourse-check"),
                        (hint_button, "scocourse-hint"), (solution_button, "scocourse-show-solution"),
                        (attempts_label, "scocourse-attempts")):
        widget.add_class(css)
    ui = ExerciseWidget(q, box, controls, inputs, read, check_button, hint_button, solution_button, attempts_label,
                        feedback, hints_output, solution_output)
    try:
        ui.restore(_progress.store().entry(q.id))
    except Exception as exc:  # progress is a convenience: a widget must show even without it
        caught(exc, f"restoring the progress of {q.id}")
    check_button.on_click(ui.on_check)
    hint_button.on_click(ui.on_hint)
    solution_button.on_click(ui.on_solution)
    ui._refresh()
    return ui


def _display_bundle(bundle: dict) -> None:
    from IPython.display import display
    display(bundle, raw=True)


def exercise(question_id: str) -> None:
    """Displays question ``question_id`` ("01-02") with answer controls, Check/Hint/Show solution
    buttons and feedback; returns None.

    Without a live kernel (GitHub, nbviewer, HTML export) the question's text and choices
    show as HTML, without the answer. Raises UnknownQuestionError for an unknown id.
    """
    q = get_question(question_id)
    instructor = is_instructor()
    bundle = {"text/plain": question_text(q, instructor=instructor),
              "text/html": question_html(q, instructor=instructor)}
    try:
        ui = build_widget(q, instructor=instructor)
    except ImportError:  # no ipywidgets: the static question is still useful
        ui = None
    if ui is not None:
        bundle[WIDGET_VIEW] = {"version_major": 2, "version_minor": 0, "model_id": ui.box.model_id}
    _display_bundle(bundle)
    return None


def progress(lesson: Any = None) -> None:
    """Displays your progress in one lesson (``progress("01")``) or in the course (``progress()``); returns None."""
    from .progress import summary_html, summary_text
    _display_bundle({"text/plain": summary_text(lesson), "text/html": summary_html(lesson)})
    return None
