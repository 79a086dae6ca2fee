"""Show an explorer widget with a static fallback for readers without a live kernel."""
from __future__ import annotations

from html import escape

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def display_widget(widget, text: str, html: str | None = None) -> None:
    """Display ``widget`` as one output that also carries ``text`` (and ``html``) as a fallback.

    JupyterLab renders the live widget; GitHub, nbviewer and HTML exports, which have no
    kernel, show the deterministic text/HTML instead. nbval compares only the text parts
    (the widget-view JSON holds a random model id). Returns None.
    """
    from IPython.display import display

    display({
        "text/plain": text,
        "text/html": html if html is not None else f"<p>{escape(text)}</p>",
        WIDGET_VIEW: {"version_major": 2, "version_minor": 0, "model_id": widget.model_id},
    }, raw=True)


def output(data: dict) -> dict:
    """Return a display_data output dict (for an ``ipywidgets.Output``'s ``.outputs``) holding ``data``."""
    return {"output_type": "display_data", "data": data, "metadata": {}}


def text_output(text: str, html: bool = False) -> dict:
    """Return a plain-text output (with an escaped ``<p>`` HTML twin when ``html`` is true)."""
    return output({"text/plain": text, "text/html": f"<p>{escape(text)}</p>"} if html else {"text/plain": text})


def markdown_output(text: str) -> dict:
    """Return a Markdown output with the same text as its plain-text fallback."""
    return output({"text/markdown": text, "text/plain": text})
