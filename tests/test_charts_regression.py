"""Rendering regression tests of the course charts: fail when a chart changes visibly.

Each chart is rendered to SVG (``svg.hashsalt`` fixed, ``svg.fonttype='none'`` so texts stay texts,
``metadata={'Date': None}``) and summarised into a normalised, human-readable structure: every text with
its position, every axes' limits, scales and tick labels, and every line, bar and collection with colour,
hatch, style and a digest of its geometry. The summary is compared with the stored baseline in
``tests/baselines/charts/<case>.json`` (numbers within 0.2%, i.e. about a pixel); the sha256 of the SVG
with its numbers removed (elements, styles, colours, hatches, texts) is compared too when the baseline was
made with the same matplotlib version (another version may write the same picture differently).

Regenerate after an intended change::

    SCOCOURSE_UPDATE_BASELINES=1 python -m pytest tests/test_charts_regression.py

and review ``git diff tests/baselines/charts``.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
from pathlib import Path

import pytest

mpl = pytest.importorskip("matplotlib")

from scocourse import charts  # noqa: E402

BASELINES = Path(__file__).resolve().parent / "baselines" / "charts"
UPDATE = os.environ.get("SCOCOURSE_UPDATE_BASELINES", "") not in ("", "0")

CASES = {
    "membership_timeline": lambda: charts.membership_timeline(),
    "membership_timeline_projector": lambda: charts.membership_timeline(),
    "membership_map_sco": lambda: charts.membership_map(),
    "membership_map_central_asia_2010": lambda: charts.membership_map(on="2010-01-01", extent="central_asia"),
    "world_shares_wdi": lambda: charts.world_shares(),
    "world_shares_seed_2014": lambda: charts.world_shares("seed_2014"),
    "world_shares_then_now": lambda: charts.world_shares_then_now(),
    "indicator_lines_military": lambda: charts.indicator_lines("military_pct_gdp", countries=["KAZ", "TJK", "UZB", "RUS"]),
    "indicator_lines_population_small_multiples": lambda: charts.indicator_lines("population", small_multiples=True),
    "electricity_mix": lambda: charts.electricity_mix(["KAZ", "KGZ", "TJK", "TKM", "UZB"]),
    "electricity_mix_over_time": lambda: charts.electricity_mix_over_time("KGZ"),
    "fossil_production": lambda: charts.fossil_production(),
    "water_dependency": lambda: charts.water_dependency(),
    "water_withdrawals": lambda: charts.water_withdrawals(),
    "basin_flows": lambda: charts.basin_flows(),
    "trade_shares": lambda: charts.trade_shares(),
    "trade_sides": lambda: charts.trade_sides(country="KGZ", year=2019, top=6),
    "population_projection": lambda: charts.population_projection(),
    "defence_then_now": lambda: charts.defence_then_now(),
}


def _r(x, nd=3):
    try:
        v = float(x)
    except (TypeError, ValueError):
        return x
    if v != v:
        return "nan"
    return round(v, nd) + 0.0


def _color(c):
    from matplotlib.colors import to_hex

    try:
        arr = mpl.colors.to_rgba_array(c)
    except (ValueError, TypeError):
        return str(c)
    return [to_hex(x, keep_alpha=True) for x in arr][:4]


def _digest(arr) -> str:
    import numpy as np

    a = np.round(np.asarray(arr, dtype=float), 4)
    a = np.where(np.isnan(a), -9.99e99, a)
    return hashlib.sha1(a.tobytes()).hexdigest()[:16]


def _text(t, fig):
    bbox = t.get_window_extent()
    w, h = fig.bbox.width, fig.bbox.height
    return [t.get_text(), _r(bbox.x0 / w), _r(bbox.y0 / h), _r(t.get_fontsize(), 1), _color(t.get_color())[0]]


def summary(fig) -> dict:
    """A normalised structural summary of what a figure shows (after layout)."""
    from matplotlib.collections import Collection
    from matplotlib.patches import Patch

    fig.canvas.draw()
    out = {"title": fig.title, "description": fig.description, "source": fig.source,
           "size_in": [_r(fig.get_figwidth(), 2), _r(fig.get_figheight(), 2)],
           "figure_texts": [_text(t, fig) for t in fig.texts if t.get_text()], "axes": []}
    if fig._suptitle is not None:
        out["suptitle"] = _text(fig._suptitle, fig)
    for ax in fig.axes:
        pos = ax.get_position()
        a = {"position": [_r(pos.x0), _r(pos.y0), _r(pos.width), _r(pos.height)],
             "title": ax.get_title(loc="left"), "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(),
             "xlim": [_r(v) for v in ax.get_xlim()], "ylim": [_r(v) for v in ax.get_ylim()],
             "scales": [ax.get_xscale(), ax.get_yscale()],
             "xticklabels": [t.get_text() for t in ax.get_xticklabels() if t.get_text()],
             "yticklabels": [t.get_text() for t in ax.get_yticklabels() if t.get_text()],
             "lines": [], "patches": [], "collections": [],
             "texts": [_text(t, fig) for t in ax.texts if t.get_text()]}
        for line in ax.lines:
            a["lines"].append({"color": _color(line.get_color())[0], "linestyle": str(line.get_linestyle()),
                               "marker": str(line.get_marker()), "n": len(line.get_xdata()),
                               "xy": _digest([line.get_xdata(), line.get_ydata()])})
        for p in ax.patches:
            if not isinstance(p, Patch):
                continue
            ext = p.get_extents()
            a["patches"].append({"type": type(p).__name__, "fc": _color(p.get_facecolor())[0],
                                 "hatch": str(p.get_hatch() or ""), "box": [_r(ext.x0, 1), _r(ext.y0, 1),
                                                                      _r(ext.x1, 1), _r(ext.y1, 1)]})
        for c in ax.collections:
            if not isinstance(c, Collection):
                continue
            paths = c.get_paths()
            verts = [pp.vertices for pp in paths[:400]]
            import numpy as np

            a["collections"].append({"type": type(c).__name__, "n_paths": len(paths), "fc": _color(c.get_facecolor()),
                                     "hatch": str(c.get_hatch() or ""),
                                     "geometry": _digest(np.concatenate(verts)) if verts else ""})
        leg = ax.get_legend()
        if leg is not None:
            a["legend"] = [t.get_text() for t in leg.get_texts()]
        out["axes"].append(a)
    return out


_SVG_REF = re.compile(r'(id="|url\(#|href="#)([A-Za-z0-9_.:-]+)')


def normalise_svg(svg: str) -> str:
    """Renumber the SVG's element ids in order of first use: matplotlib derives some clip-path ids from
    object identities, which differ from run to run although the picture is the same."""
    ids: dict[str, str] = {}

    def sub(m):
        key = m.group(2)
        if key not in ids:
            ids[key] = f"i{len(ids)}"
        return m.group(1) + ids[key]

    return _SVG_REF.sub(sub, svg)


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def svg_skeleton(svg: str) -> str:
    """The SVG without its numbers: element structure, styles, colours, hatches and texts. Coordinates
    can move by float noise (1e-6 pt) with the order in which fonts and layouts were cached; the summary
    compares them with a tolerance instead."""
    return _NUMBER.sub("#", svg)


def svg_text(fig) -> str:
    """The figure as SVG (texts as text, fixed hash salt, no date), with ids normalised."""
    buf = io.StringIO()
    with mpl.rc_context({"svg.hashsalt": "scocourse-baseline", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=0.08, metadata={"Date": None})
    return normalise_svg(buf.getvalue())


def render(case: str):
    charts.use_context("projector" if case.endswith("_projector") else "screen")
    try:
        fig = CASES[case]()
        svg = svg_text(fig)
        return summary(fig), svg
    finally:
        charts.use_context("screen")


TOL = 2e-3  # numbers (figure fractions, data values) may differ by float noise, never visibly


def _first_difference(a, b, path="") -> str:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return "" if abs(a - b) <= TOL * max(1.0, abs(a)) else f"{path}: baseline {a!r}, now {b!r}"
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'baseline' if k in a else 'new render'}"
            d = _first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return ""
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items in the baseline, {len(b)} now"
        for i, (x, y) in enumerate(zip(a, b)):
            d = _first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return ""
    return "" if a == b else f"{path}: baseline {a!r}, now {b!r}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_chart_matches_baseline(case, tmp_path):
    got, svg = render(case)
    record = {"matplotlib": mpl.__version__, "svg_skeleton_sha256": hashlib.sha256(svg_skeleton(svg).encode()).hexdigest(),
              "summary": got}
    path = BASELINES / f"{case}.json"
    if not UPDATE and not path.exists():  # a missing baseline is a failure, never a skip
        pytest.fail(f"No baseline for {case}: run with SCOCOURSE_UPDATE_BASELINES=1 and commit {path}.")
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        return
    base = json.loads(path.read_text(encoding="utf-8"))
    (tmp_path / f"{case}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True))
    diff = _first_difference(base["summary"], got, case)
    assert not diff, (f"{case} changed visibly: {diff}\nNew summary: {tmp_path / (case + '.json')}. If intended, "
                      f"regenerate with SCOCOURSE_UPDATE_BASELINES=1 and review git diff {path}.")
    if base.get("matplotlib") == mpl.__version__:
        assert base["svg_skeleton_sha256"] == record["svg_skeleton_sha256"], (
            f"{case}: same summary but the SVG's elements or styles differ (e.g. a hatch, a colour, a tick or a "
            f"text). If intended, regenerate with SCOCOURSE_UPDATE_BASELINES=1.")


def test_svg_rendering_is_deterministic():
    for case in ("membership_map_sco", "trade_shares", "basin_flows"):
        a = render(case)
        b = render(case)
        assert not _first_difference(a[0], b[0])
        assert svg_skeleton(a[1]) == svg_skeleton(b[1])


def test_summary_detects_a_visible_change():
    fig = charts.water_dependency()
    before = summary(fig)
    fig.axes[0].patches[0].set_width(50)
    assert _first_difference(before, summary(fig))
