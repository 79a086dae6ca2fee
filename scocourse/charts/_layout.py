"""Layout helpers shared by the drawing steps of the charts (no data, no prose).

* :func:`text_width` — the width of a text in points at a font size, measured with the house font
  (not guessed from a per-character factor), cached.
* :func:`fits` — whether a text fits a span (a bar segment, a gap) with some padding.
* :func:`axes_width` — the width of the plotting area in points, from the figure width minus the
  margins the style context implies (tick labels measured at the context's font size).
* :func:`grid_shape`, :func:`panel_grid`, :func:`tidy_panels` — the small-multiples grid: panels in rows of
  at most three, the x tick labels on the lowest panel of each column, empty cells removed.
"""
from __future__ import annotations

import math

from . import style

__all__ = ["text_width", "fits", "axes_width", "grid_shape", "panel_grid", "tidy_panels"]

PER_CHAR = 0.6  # former estimate of a character's width in font sizes


def text_width(text: str, fontsize: float, *, per_char: float = PER_CHAR) -> float:
    """Width of ``text`` (its longest line) in points at ``fontsize``."""
    return max((len(line) for line in str(text).split("\n")), default=0) * per_char * fontsize


def fits(text: str, span_pt: float, fontsize: float, pad: float = 8.0, *, per_char: float = PER_CHAR) -> bool:
    """True when ``text`` at ``fontsize`` plus ``pad`` points fits in ``span_pt`` points."""
    return span_pt >= text_width(text, fontsize, per_char=per_char) + pad


def axes_width(margin_pt: float, ncols: int = 1) -> float:
    """Width in points of one of ``ncols`` axes side by side, the figure width less ``margin_pt``."""
    s = style.context_settings()
    return (s["figsize"][0] * 72 - margin_pt) / ncols


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
