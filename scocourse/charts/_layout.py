"""Layout helpers shared by the drawing steps of the charts (no data, no prose).

* :func:`text_width` — the width of a text in points at a font size, measured with the house font
  (not guessed from a per-character factor), cached.
* :func:`fits` — whether a text fits a span (a bar segment, a gap) with some padding.
* :func:`axes_width` — the width of the plotting area in points, from the figure width minus the
  margins the style context implies (tick labels measured at the context's font size).
* :func:`wrap` — text wrapped to a width in points (measured), for titles, notes and source lines.
* :func:`grid_shape`, :func:`panel_grid`, :func:`tidy_panels` — the small-multiples grid: panels in rows of
  at most three, the x tick labels on the lowest panel of each column, empty cells removed.
"""
from __future__ import annotations

import math
from functools import lru_cache

from . import style

__all__ = ["text_width", "fits", "axes_width", "wrap", "grid_shape", "panel_grid", "tidy_panels"]

_PAD_PT = 0.06 * 72  # constrained-layout padding around the axes (figure.new_figure: w_pad=0.06 in)


@lru_cache(maxsize=8192)
def _line_width(line: str, fontsize: float, weight: str) -> float:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family="DejaVu Sans", size=fontsize, weight=weight)
    return float(TextToPath().get_text_width_height_descent(line, prop, ismath=False)[0])


def text_width(text: str, fontsize: float, *, weight: str = "normal") -> float:
    """Width in points of ``text`` (its longest line) at ``fontsize`` in the house font, measured."""
    return max((_line_width(line, float(fontsize), weight) for line in str(text).split("\n")), default=0.0)


def fits(text: str, span_pt: float, fontsize: float, pad: float = 8.0, *, weight: str = "normal") -> bool:
    """True when ``text`` at ``fontsize`` plus ``pad`` points fits in ``span_pt`` points."""
    return span_pt >= text_width(text, fontsize, weight=weight) + pad


def axes_width(left_labels=(), *, right_pt: float = 0.0, ncols: int = 1, fontsize: float | None = None) -> float:
    """Width in points of one of ``ncols`` axes side by side (sharing the y labels on the left).

    The margins come from the style context: the widest of ``left_labels`` (tick labels, measured at the
    context's tick font size) plus the tick padding and length, the layout padding on both sides and between
    panels, and ``right_pt`` for anything drawn right of the axes (a label at a bar's end, an overhanging tick
    label).
    """
    s = style.context_settings()
    fs = fontsize or s["font"]
    label = max((text_width(t, fs) for t in left_labels), default=0.0)
    left = label + (3.5 + 3.5 if left_labels else 0.0)  # ytick.major.pad + ytick.major.size
    total = s["figsize"][0] * 72 - left - right_pt - 2 * _PAD_PT - (ncols - 1) * 2 * _PAD_PT
    return total / ncols


def wrap(text: str, width_pt: float, fontsize: float, *, weight: str = "normal") -> list[str]:
    """Split ``text`` into lines no wider than ``width_pt`` at ``fontsize`` (measured; words are not broken;
    newlines in the text are kept)."""
    lines = []
    for para in str(text).split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, fontsize, weight=weight) > width_pt:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def grid_shape(n: int, max_cols: int = 3) -> tuple[int, int]:
    """(rows, columns) of a small-multiples grid for ``n`` panels, at most ``max_cols`` per row."""
    ncols = min(max_cols, n)
    return math.ceil(n / ncols), ncols


def panel_grid(n: int, *, base_height: float, key: bool = True, sharex=True, sharey=False, max_cols: int = 3):
    """Return ``(fig, axes, key_ax, ncols)`` for ``n`` small panels (``axes`` a flat list, ``key_ax`` None
    without a key row). Height: ``base_height`` inches plus one context panel height per row."""
    import numpy as np

    from .figure import new_figure, new_figure_with_key

    s = style.context_settings()
    nrows, ncols = grid_shape(n, max_cols)
    height = max(s["figsize"][1], base_height + s["panel"] * nrows)
    if key:
        fig, axes, key_ax = new_figure_with_key(nrows, ncols, sharex=sharex, sharey=sharey, height=height)
    else:
        fig, axes = new_figure(nrows, ncols, sharex=sharex, squeeze=False, height=height)
        key_ax = None
    return fig, list(np.atleast_1d(axes).ravel()), key_ax, ncols


def tidy_panels(axes: list, n: int, ncols: int) -> None:
    """Show the x tick labels on the lowest used panel of each column and remove the unused panels."""
    for k, ax in enumerate(axes[:n]):
        if k + ncols >= n:
            ax.xaxis.set_tick_params(labelbottom=True)
    for ax in axes[n:]:
        ax.remove()
