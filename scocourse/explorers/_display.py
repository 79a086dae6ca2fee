"""Output helpers of the explorers: output dicts for an ``ipywidgets.Output`` and the widget display with a
static fallback for readers without a live kernel.

Every Markdown or HTML text made here has its ``$`` escaped (``\\$``), so "US$ … US$" is not typeset as
LaTeX by JupyterLab, nbconvert or nbviewer; the plain-text twins keep the ``$`` as it is.
"""
from __future__ import annotations

import re
from html import escape

#: The MIME type of a Jupyter widget view (the only place it is written).
from ..mime import WIDGET_VIEW  # noqa: E402  (one definition, re-exported)

_DOLLAR = re.compile(r"(?<!\\)\$")


def escape_dollars(text: str) -> str:
    """Return ``text`` with every ``$`` not already escaped written ``\\$`` (for Markdown and HTML)."""
    return _DOLLAR.sub(r"\\$", text)


def display_widget(widget, text: str, html: str | None = None) -> None:
    """Display ``widget`` as one output that also carries ``text`` (and ``html``) as a fallback.

    JupyterLab renders the live widget; GitHub, nbviewer and HTML exports, which have no
    kernel, show the deterministic text/HTML instead. nbval compares only the text parts
    (the widget-view JSON holds a random model id). Returns None.
    """
    from IPython.display import display

    display(widget_bundle(widget, text, html), raw=True)


def widget_bundle(widget, text: str, html: str | None = None) -> dict:
    """Return the MIME bundle :func:`display_widget` shows: text, HTML (``$`` escaped) and the widget view."""
    return {
        "text/plain": text,
        "text/html": escape_dollars(html if html is not None else f"<p>{escape(text)}</p>"),
        WIDGET_VIEW: {"version_major": 2, "version_minor": 0, "model_id": widget.model_id},
    }


def output(data: dict) -> dict:
    """Return a display_data output dict (for an ``ipywidgets.Output``'s ``.outputs``) holding ``data``.

    ``$`` in its ``text/markdown`` and ``text/html`` parts is escaped.
    """
    data = {k: escape_dollars(v) if k in ("text/markdown", "text/html") else v for k, v in data.items()}
    return {"output_type": "display_data", "data": data, "metadata": {}}


def text_output(text: str, html: bool = False) -> dict:
    """Return a plain-text output (with an escaped ``<p>`` HTML twin when ``html`` is true)."""
    return output({"text/plain": text, "text/html": f"<p>{escape(text)}</p>"} if html else {"text/plain": text})


def markdown_output(text: str) -> dict:
    """Return a Markdown output (``$`` escaped) with the text as it is for its plain-text fallback."""
    return output({"text/markdown": text, "text/plain": text})
