"""``CourseFigure``: the matplotlib Figure every chart function returns, and how it is displayed.

A ``CourseFigure`` is created without pyplot (``CourseFigure(figsize=...)`` plus a
``FigureCanvasAgg``), so the notebook's inline backend never shows it a second time. It carries

* ``.title`` — the title drawn on top,
* ``.description`` — one or two sentences generated from the data shown (the image's alt text),
* ``.source`` — the source line from ``data/datapackage.json``, drawn under the plot.

Shown in a notebook (last expression of a cell, or ``display(fig)``) it publishes two outputs:
the PNG (``text/plain`` ``<Figure: title>``, output metadata ``{"image/png": {"alt": description}}``)
and a Markdown "**Figure description:** …". :func:`figure_outputs` returns the same two output dicts
(for an ``ipywidgets.Output().outputs``) and :func:`png_bytes` the PNG file content.
"""
from __future__ import annotations

import base64
import functools
import io

from cycler import cycler
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from . import style

__all__ = ["CourseFigure", "CourseLayout", "figure_outputs", "png_bytes", "rc_params", "chart", "new_figure",
           "new_figure_with_key", "finish", "legend_above", "legend_below", "key_legend"]

_MD_SPECIAL = "\\`*_{}[]<>#$|"


def rc_params(context: str | None = None) -> dict:
    """Matplotlib rcParams of the house style for ``context`` (default: the current one)."""
    s = style.CONTEXTS[context or style.get_context()]
    return {
        "font.family": "DejaVu Sans",
        "font.size": s["font"],
        "axes.titlesize": s["label"],
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": s["label"],
        "axes.labelcolor": "#333333",
        "axes.edgecolor": "#555555",
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.axisbelow": True,
        "axes.prop_cycle": cycler(color=list(style.OKABE_ITO.values())),
        "grid.color": "#E3E3E3",
        "grid.linewidth": 0.8,
        "xtick.labelsize": s["font"],
        "ytick.labelsize": s["font"],
        "xtick.color": "#333333",
        "ytick.color": "#333333",
        "legend.fontsize": s["small"],
        "legend.title_fontsize": s["small"],
        "legend.frameon": False,
        "figure.titlesize": s["title"],
        "figure.titleweight": "bold",
        "figure.facecolor": "white",
        "figure.dpi": s["dpi"],
        "lines.linewidth": s["line"],
        "lines.markersize": s["marker"],
        "patch.linewidth": s["edge"],
        "hatch.linewidth": 0.7 if (context or style.get_context()) == "screen" else 1.0,
        "savefig.facecolor": "white",
        "svg.hashsalt": "scocourse",
        "path.simplify": True,
        "text.parse_math": False,  # 'US$ … $' must stay text, never mathtext
    }


class CourseFigure(Figure):
    """A matplotlib Figure with ``.title``, ``.description`` and ``.source``, shown as PNG + description.

    Made without pyplot: ``CourseFigure(figsize=(8, 4.5))`` attaches its own Agg canvas.
    """

    def __init__(self, *args, title: str = "", description: str = "", source: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        FigureCanvasAgg(self)
        self.title = title
        self.description = description
        self.source = source
        self.context = style.get_context()

    def __repr__(self) -> str:
        return f"<Figure: {self.title}>" if self.title else "<Figure>"

    def _ipython_display_(self):
        from IPython.display import publish_display_data

        for out in figure_outputs(self):
            publish_display_data(data=out["data"], metadata=out["metadata"])


class CourseLayout(ConstrainedLayoutEngine):
    """Constrained layout that runs once, at the first draw, and then keeps the positions.

    ``savefig(bbox_inches="tight")`` draws a figure twice; running the (costly) layout only once halves
    the render time, and because constrained layout is not exactly idempotent for every grid, keeping the
    first result also means the same figure always renders to the same bytes. ``set(...)`` or ``reset()``
    (e.g. after changing a figure's texts) make it run again at the next draw.
    """

    def __init__(self, **kwargs):
        self._done = False
        super().__init__(**kwargs)

    def set(self, *, h_pad=None, w_pad=None, hspace=None, wspace=None, rect=None):
        """Change the layout parameters (see ConstrainedLayoutEngine.set); the layout runs again."""
        self._done = False
        return super().set(h_pad=h_pad, w_pad=w_pad, hspace=hspace, wspace=wspace, rect=rect)

    def reset(self) -> None:
        """Run the layout again at the next draw."""
        self._done = False

    def execute(self, fig):
        if not self._done:
            super().execute(fig)
            self._done = True


def png_bytes(fig: Figure, dpi: float | None = None) -> bytes:
    """Return the figure as PNG file bytes (tight bounding box, no 'Software' or time metadata)."""
    buf = io.BytesIO()
    with rc_context(rc_params(getattr(fig, "context", None))):
        fig.savefig(buf, format="png", dpi=dpi or fig.dpi, bbox_inches="tight", pad_inches=0.08,
                    metadata={"Software": None}, facecolor="white")
    return buf.getvalue()


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in text)


def figure_outputs(fig: Figure) -> tuple:
    """Return the two notebook output dicts of a figure: the PNG and its description.

    Each is an nbformat ``display_data`` dict (``output_type``, ``data``, ``metadata``): assign the
    tuple to ``ipywidgets.Output().outputs`` to show the figure inside a widget. The PNG output has
    ``text/plain`` ``<Figure: title>`` and metadata ``{"image/png": {"alt": description}}``.
    """
    title = getattr(fig, "title", "") or ""
    description = getattr(fig, "description", "") or ""
    png = base64.b64encode(png_bytes(fig)).decode("ascii")
    image = {"output_type": "display_data",
             "data": {"image/png": png, "text/plain": f"<Figure: {title}>" if title else "<Figure>"},
             "metadata": {"image/png": {"alt": description}}}
    text = {"output_type": "display_data",
            "data": {"text/markdown": f"**Figure description:** {_md_escape(description)}",
                     "text/plain": f"Figure description: {description}"},
            "metadata": {}}
    return (image, text)


# --------------------------------------------------------------------------- building blocks
def chart(func):
    """Decorator of chart functions: build the figure inside the house-style rcParams."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with rc_context(rc_params()):
            return func(*args, **kwargs)
    return wrapper


def new_figure(nrows: int = 1, ncols: int = 1, *, height: float | None = None, width: float | None = None,
               **subplot_kw):
    """Return ``(fig, axes)``: a CourseFigure (constrained layout) sized for a notebook column."""
    s = style.context_settings()
    w, h = s["figsize"]
    fig = CourseFigure(figsize=(width or w, height or h), dpi=s["dpi"])
    fig.set_layout_engine(CourseLayout(h_pad=0.06, w_pad=0.06))
    if nrows == 0:
        return fig, None
    subplot_kw.setdefault("squeeze", True)
    axes = fig.subplots(nrows, ncols, **subplot_kw)
    return fig, axes


def new_figure_with_key(nrows: int = 1, ncols: int = 1, *, height: float | None = None, width: float | None = None,
                        sharex=False, sharey=False):
    """Return ``(fig, axes, key_ax)``: like :func:`new_figure` plus a thin top row for a shared legend."""
    s = style.context_settings()
    w, h = s["figsize"]
    fig = CourseFigure(figsize=(width or w, height or h), dpi=s["dpi"])
    fig.set_layout_engine(CourseLayout(h_pad=0.06, w_pad=0.06))
    gs = fig.add_gridspec(nrows + 1, ncols, height_ratios=[0.02] + [1] * nrows)
    key_ax = fig.add_subplot(gs[0, :])
    key_ax.set_axis_off()
    axes = gs[1:, :].subgridspec(nrows, ncols).subplots(sharex=sharex, sharey=sharey, squeeze=True)
    return fig, axes, key_ax


def key_legend(key_ax, handles, ncols: int | None = None, **kwargs):
    """Draw the shared legend in the key row made by :func:`new_figure_with_key`."""
    return key_ax.legend(handles=handles, loc="center left", ncols=ncols or len(handles), borderaxespad=0,
                         handlelength=1.6, columnspacing=1.1, handletextpad=0.5, **kwargs)


def _wrap(text: str, fig: Figure, fontsize: float, weight: str = "normal") -> list[str]:
    """Lines of ``text`` that fit the figure's width (less the 1.2% left inset on both sides), measured."""
    from . import _layout

    return _layout.wrap(text, fig.get_figwidth() * 72 * 0.976 - 4, fontsize, weight=weight)


def _freeze_ticks(fig) -> None:
    """Fix every axis' tick positions and labels as computed now (the data limits are final when a chart
    is finished). Rendering then does not re-run the locators and formatters at each of the several
    passes of layout and drawing, which makes a multi-panel figure render about a quarter faster."""
    from matplotlib.ticker import FixedFormatter, FixedLocator, NullLocator

    for ax in fig.axes:
        if not ax.axison:
            continue
        for axis in (ax.xaxis, ax.yaxis):
            if isinstance(axis.get_major_locator(), (FixedLocator, NullLocator)) and \
                    isinstance(axis.get_major_formatter(), FixedFormatter):
                continue
            locs = [float(v) for v in axis.get_majorticklocs()]
            labels = [t.get_text() for t in axis.get_majorticklabels()] if isinstance(
                axis.get_major_formatter(), FixedFormatter) else axis.major.formatter.format_ticks(locs)
            axis.set_major_locator(FixedLocator(locs))
            axis.set_major_formatter(FixedFormatter(labels))


def finish(fig: CourseFigure, *, title: str, description: str, source: str, notes=()) -> CourseFigure:
    """Draw the title (top left) and the notes + source line (bottom left); set the attributes."""
    s = style.context_settings()
    title_lines = _wrap(title, fig, s["title"], weight="bold")
    fig.suptitle("\n".join(title_lines), x=0.012, ha="left", fontsize=s["title"], fontweight="bold")
    lines = []
    for note in notes:
        if note:
            lines.extend(_wrap(note, fig, s["small"]))
    source_lines = _wrap(source, fig, s["small"])
    block = lines + source_lines
    height_in = (len(block) * s["small"] * 1.28 + 6) / 72
    fig.text(0.012, 0.008, "\n".join(block), ha="left", va="bottom", fontsize=s["small"], color=style.TEXT_GREY,
             linespacing=1.28, gid="course-source")
    _freeze_ticks(fig)
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        bottom = min(0.45, height_in / fig.get_figheight())
        engine.set(rect=(0, bottom, 1, 1 - bottom))
    fig.title = title
    fig.description = description
    fig.source = source
    return fig


# --------------------------------------------------------------------------- small helpers
def luminance(hex_color: str) -> float:
    """Relative luminance (0 black – 1 white) of a '#RRGGBB' colour."""
    from matplotlib.colors import to_rgb

    def lin(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in to_rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    return "white" if luminance(fill) < 0.22 else "black"


def hatch_on(fill: str) -> str:
    """Hatch line colour that shows on ``fill``."""
    return "#FFFFFF" if luminance(fill) < 0.22 else "#1A1A1A"


def legend_above(ax, handles, ncols: int | None = None, **kwargs):
    """A legend in one row (or a few) just above ``ax``, left-aligned; constrained layout makes room."""
    ncols = ncols or len(handles)
    return ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.01), ncols=ncols, borderaxespad=0.2,
                     handlelength=1.6, columnspacing=1.1, handletextpad=0.5, **kwargs)


def legend_below(ax, handles, ncols: int | None = None, **kwargs):
    """A legend centred under ``ax``'s x tick labels; constrained layout makes room."""
    from matplotlib.transforms import offset_copy

    s = style.context_settings()
    ncols = ncols or len(handles)
    drop = s["font"] * 1.5 + 8
    trans = offset_copy(ax.transAxes, fig=ax.figure, y=-drop, units="points")
    return ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=trans,
                     ncols=ncols, borderaxespad=0, handlelength=1.6, columnspacing=1.1, handletextpad=0.5, **kwargs)
