"""MIME types of the outputs the course writes and reads (one definition for the library and its tools)."""

#: An ipywidgets view in a notebook output (nbval and the exports skip or strip it).
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

__all__ = ["WIDGET_VIEW"]
