"""The pattern every explorer follows, written once: controls → ``update()`` → an ``Output`` → a static fallback.

A subclass builds its controls, then calls :meth:`Explorer.assemble`; it implements :meth:`Explorer.outputs`
(the output dicts for the current control values) and :meth:`Explorer.fallback` (what a reader without a
live kernel sees). :meth:`Explorer.display` shows the widget with that fallback. The ``Output`` is updated by
assigning ``output.outputs`` (never ``with output:``), so what it shows does not depend on which cell runs.
ipywidgets is imported only when an explorer is built.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from scocourse.errors import CourseError

from ._display import WIDGET_VIEW, display_widget, escape_dollars, text_output

__all__ = ["Explorer", "chart_outputs", "WIDGET_VIEW"]


class Explorer:
    """Base class of the explorers: ``widget`` (the box to display), ``output`` (its ``ipywidgets.Output``).

    Subclasses call :meth:`assemble` at the end of ``__init__`` and implement :meth:`outputs` and
    :meth:`fallback`.
    """

    output: Any
    widget: Any

    def assemble(self, controls: Iterable[Any], watch: Iterable[Any] = (), note: str | None = None,
                 beside_output: Iterable[Any] = ()) -> None:
        """Build ``widget`` = VBox([note], *controls, output), watch ``watch``'s values, and draw once.

        Parameters
        ----------
        controls : iterable of ipywidgets widgets
            Shown in order above the output.
        watch : iterable of ipywidgets widgets
            Controls whose ``value`` change calls :meth:`update`.
        note : str, optional
            HTML shown first (an ``ipywidgets.HTML``; ``$`` is not typeset there, no need to escape).
        beside_output : iterable of ipywidgets widgets
            Shown to the right of the output (output and these in one HBox), e.g. a fixed explanation.
        """
        import ipywidgets as w

        self.output = w.Output()
        beside = list(beside_output)
        last = w.HBox([self.output, *beside]) if beside else self.output
        children = ([w.HTML(note)] if note is not None else []) + list(controls) + [last]
        self.widget = w.VBox(children)
        for control in watch:
            control.observe(self._changed, names="value")
        self.update()

    def _changed(self, _change=None) -> None:
        self.update()

    def update(self) -> None:
        """Redraw ``output`` for the current control values (``$`` escaped in every Markdown and HTML part)."""
        self.output.outputs = tuple(_escaped(o) for o in self.outputs())

    def outputs(self) -> tuple:
        """Return the output dicts for the current control values (see :mod:`scocourse.explorers._display`)."""
        raise NotImplementedError

    def fallback(self) -> tuple[str, str | None]:
        """Return ``(text, html)`` shown where no kernel runs (``html`` None: the text in a ``<p>``)."""
        raise NotImplementedError

    def display(self) -> None:
        """Display the widget with its static fallback. Returns None."""
        display_widget(self.widget, *self.fallback())


def _escaped(out: dict) -> dict:
    data = out.get("data", {})
    if not any(k in data for k in ("text/markdown", "text/html")):
        return out
    fixed = {k: escape_dollars(v) if k in ("text/markdown", "text/html") and isinstance(v, str) else v
             for k, v in data.items()}
    return {**out, "data": fixed}


def chart_outputs(draw: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple:
    """Return the output dicts of one chart, or one text line saying why there is none (a CourseError)."""
    from scocourse import charts

    try:
        fig = draw(*args, **kwargs)
    except CourseError as exc:
        return (text_output(f"No chart: {exc}"),)
    return tuple(charts.figure_outputs(fig))
