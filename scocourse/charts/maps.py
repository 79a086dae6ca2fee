"""Membership map: countries coloured (and hatched) by their SCO status on a date, matplotlib only.

Outlines: ``datasets.load("boundaries")`` (Natural Earth 1:110m, de facto boundaries), drawn as
PathPatches in longitude/latitude with the aspect corrected for the mid latitude (a simple
equirectangular view; no geopandas or cartopy).
"""
from __future__ import annotations

import datetime as _dt
import math
from functools import lru_cache

from . import _format as fmt
from . import style
from ._common import UnknownNameError, as_date, central_asia, check_date, did_you_mean, name, source, spread
from .figure import chart, finish, hatch_on, legend_below, new_figure
from .membership import latest_change, membership_spells

__all__ = ["membership_map", "EXTENTS"]

# (west, east, south, north) in degrees.
EXTENTS = {
    "sco": (20.0, 180.0, -3.0, 78.0),
    "central_asia": (44.0, 92.0, 33.5, 56.0),
}
_SEA = "#EAF1F7"
_SMALL_SHARE = 3.5e-4  # a country smaller than this share of the view is drawn as a dot


@lru_cache(maxsize=1)
def _shapes():
    """Per country: iso3, name, compound Path, list of (exterior ring array, area), bbox, total area."""
    import numpy as np
    from matplotlib.path import Path

    from .. import datasets

    shapes = []
    for feat in datasets.load("boundaries")["features"]:
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        verts, codes, rings = [], [], []
        for poly in polys:
            for k, ring in enumerate(poly):
                arr = np.asarray(ring, dtype=float)
                if len(arr) < 3:
                    continue
                if np.abs(np.diff(arr[:, 0])).max(initial=0) > 180:  # crosses the antimeridian: unwrap east
                    arr[:, 0] = np.where(arr[:, 0] < 0, arr[:, 0] + 360, arr[:, 0])
                verts.append(arr)
                c = np.full(len(arr), Path.LINETO, dtype=np.uint8)
                c[0] = Path.MOVETO
                c[-1] = Path.CLOSEPOLY
                codes.append(c)
                if k == 0:
                    x, y = arr[:, 0], arr[:, 1]
                    area = 0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))
                    rings.append((arr, area))
        if not verts:
            continue
        allv = np.concatenate(verts)
        path = Path(allv, np.concatenate(codes))
        shapes.append({"iso3": feat["properties"].get("iso3") or "", "name": feat["properties"].get("name", ""),
                       "path": path, "rings": rings, "area": sum(a for _, a in rings),
                       "bbox": (allv[:, 0].min(), allv[:, 0].max(), allv[:, 1].min(), allv[:, 1].max())})
    return tuple(shapes)


def _visible(shape, ext) -> bool:
    w, e, s, n = ext
    x0, x1, y0, y1 = shape["bbox"]
    return x1 >= w and x0 <= e and y1 >= s and y0 <= n


def _centroid(shape):
    import numpy as np

    tot, cx, cy = 0.0, 0.0, 0.0
    for arr, area in shape["rings"]:
        x, y = arr[:, 0], arr[:, 1]
        cross = x * np.roll(y, -1) - np.roll(x, -1) * y
        a = cross.sum() / 2
        if abs(a) < 1e-12:
            continue
        cx += ((x + np.roll(x, -1)) * cross).sum() / 6
        cy += ((y + np.roll(y, -1)) * cross).sum() / 6
        tot += a
    if abs(tot) < 1e-12:
        arr = shape["rings"][0][0]
        return float(arr[:, 0].mean()), float(arr[:, 1].mean())
    return float(cx / tot), float(cy / tot)


@lru_cache(maxsize=None)
def _label_point(iso3: str, extent: str):
    """A point well inside the visible part of a country (approximate pole of inaccessibility) and the
    distance (degrees, aspect-corrected) from it to the nearest border or view edge."""
    import numpy as np

    ext = EXTENTS[extent]
    shape = next(s for s in _shapes() if s["iso3"] == iso3)
    w, e, s, n = ext
    kx = math.cos(math.radians((s + n) / 2))
    x0, x1, y0, y1 = max(shape["bbox"][0], w), min(shape["bbox"][1], e), max(shape["bbox"][2], s), min(shape["bbox"][3], n)
    if x1 <= x0 or y1 <= y0:
        return None
    nx = ny = 40
    gx, gy = np.meshgrid(np.linspace(x0, x1, nx), np.linspace(y0, y1, ny))
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    inside = pts[shape["path"].contains_points(pts)]
    if not len(inside):
        cx, cy = _centroid(shape)
        return (cx, cy, 0.0)
    border = np.concatenate([arr for arr, _ in shape["rings"]])
    d = np.full(len(inside), np.inf)
    for chunk in np.array_split(border, max(1, len(border) // 400)):
        dx = (inside[:, None, 0] - chunk[None, :, 0]) * kx
        dy = inside[:, None, 1] - chunk[None, :, 1]
        d = np.minimum(d, np.sqrt(dx * dx + dy * dy).min(axis=1))
    edge = np.minimum.reduce([(inside[:, 0] - w) * kx, (e - inside[:, 0]) * kx, inside[:, 1] - s, n - inside[:, 1]])
    d = np.minimum(d, edge)
    best = int(np.argmax(d))
    return (float(inside[best, 0]), float(inside[best, 1]), float(d[best]))


def _statuses_on(spells, day: _dt.date) -> dict:
    import pandas as pd

    ts = pd.Timestamp(day)
    on = spells[(spells["start"] <= ts) & (spells["end"].isna() | (spells["end"] > ts))]
    out = {}
    for iso3, status in zip(on["iso3"], on["status"]):
        out[iso3] = "member" if status == "founding_member" else status
    return out


def _describe(statuses: dict, day: _dt.date, default_day: bool, extent: str, small: list, ca: list) -> str:
    when = f"Since {fmt.date_text(day)} (the latest change in the data)" if default_day else f"On {fmt.date_text(day)}"
    groups = {}
    for iso3, st in sorted(statuses.items()):
        groups.setdefault(st, []).append(iso3)
    parts = []
    for st in ("shanghai_five", "member", "observer", "dialogue_partner", "partner"):
        codes = groups.get(st, [])
        if not codes:
            continue
        label = {"shanghai_five": "Shanghai Five state", "member": "member", "observer": "observer",
                 "dialogue_partner": "dialogue partner", "partner": "partner"}[st]
        noun = f"{len(codes)} {label}{'s' if len(codes) != 1 else ''}"
        if st in ("shanghai_five", "member") or len(codes) <= 4:
            noun += f" ({fmt.join(name(c) for c in codes)})"
        parts.append(noun)
    first = f"{when} the SCO has {fmt.join(parts)}." if parts else f"{when} no country holds an SCO status."
    if default_day is False and day < _dt.date.today():
        first = first.replace(" has ", " had ", 1)
    if extent == "central_asia":
        inside = [c for c in ca if statuses.get(c) in ("member", "shanghai_five")]
        outside = [c for c in ca if c not in statuses]
        second = []
        if inside:
            second.append(f"In Central Asia, {fmt.join(name(c) for c in inside)} "
                          f"{'are' if len(inside) > 1 else 'is'} "
                          f"{'Shanghai Five states' if all(statuses[c] == 'shanghai_five' for c in inside) else 'in the SCO'}")
        if outside:
            second.append(f"{fmt.join(name(c) for c in outside)} {'have' if len(outside) > 1 else 'has'} no SCO status")
        return first + " " + "; ".join(second) + "." if second else first
    if small:
        return first + f" Small states ({fmt.join(name(c) for c in small)}) are marked with a dot."
    return first


@chart
def membership_map(on=None, data=None, extent: str = "sco"):
    """Return a CourseFigure: a map coloured (and hatched) by each country's SCO status on a date.

    ``on``: 'YYYY-MM-DD', 'YYYY-MM', a year (31 December) or a date, like :func:`scocourse.members`;
    None = the latest change recorded in the data (the status still held today), so the figure does not
    change from day to day. ``extent``: ``"sco"`` (Eurasia, Egypt to the Pacific) or ``"central_asia"``
    (zoomed, every country named). ``data``: a DataFrame shaped like ``datasets.load("membership")``.
    Founding members are shown as members. States too small to see are marked with a dot.
    Units: none (categories). Sources: membership dataset; outlines from Natural Earth.
    """
    import numpy as np
    from matplotlib.collections import PatchCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, PathPatch
    from matplotlib import patheffects

    if not isinstance(extent, str) or extent not in EXTENTS:
        raise UnknownNameError(f"'{extent}' is not a map extent.{did_you_mean(str(extent), list(EXTENTS))} "
                               f"Use one of: {', '.join(repr(k) for k in EXTENTS)}.")
    spells = membership_spells(data)
    default_day = on is None
    day = latest_change(spells) if default_day else as_date(on)
    check_date(day)
    statuses = _statuses_on(spells, day)

    ext = EXTENTS[extent]
    w, e, s_, n = ext
    view_area = (e - w) * (n - s_)
    st = style.context_settings()
    fig, ax = new_figure(height=st["figsize"][1] * 1.25)
    ax.set_facecolor(_SEA)
    groups: dict[str, list] = {}
    small, label_items = [], []
    for shape in _shapes():
        if not _visible(shape, ext):
            continue
        status = statuses.get(shape["iso3"], "none")
        groups.setdefault(status, []).append(PathPatch(shape["path"]))
        if status != "none" and shape["area"] < view_area * _SMALL_SHARE:
            small.append(shape)
    present = []
    for status in style.STATUS_ORDER:
        if status not in groups:
            continue
        fill = style.STATUS_COLORS[status]
        coll = PatchCollection(groups[status], facecolor=fill, edgecolor="white",
                               linewidth=1.1 if extent == "central_asia" else 0.5,
                               hatch=style.STATUS_HATCHES[status] or None, zorder=1 if status == "none" else 2)
        if style.STATUS_HATCHES[status]:
            coll.set_hatchcolor(hatch_on(fill))
        ax.add_collection(coll)
        present.append(status)

    # Small states: a dot in the status colour (spread apart when they crowd, with a leader line).
    small = sorted(small, key=lambda sh: sh["iso3"])
    if small:
        kx = math.cos(math.radians((s_ + n) / 2))
        pts = [_centroid(sh) for sh in small]
        ys = spread([p[1] for p in pts], gap=(n - s_) / 32)
        for sh, (x, y), y2 in zip(small, pts, ys):
            fill = style.STATUS_COLORS[statuses[sh["iso3"]]]
            if abs(y2 - y) > 1e-9:
                ax.plot([x, x + 2.0 / kx], [y, y2], color="#333333", linewidth=0.6, zorder=4)
                x = x + 2.0 / kx
            ax.plot([x], [y2], marker="o", markersize=st["marker"] + 1.5, markerfacecolor=fill,
                    markeredgecolor="#1A1A1A", markeredgewidth=0.8, linestyle="none", zorder=5)
            label_items.append(((0, 0.0), sh["iso3"], x + 1.0 / kx, y2, "left"))

    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    small_codes = {sh["iso3"] for sh in small}
    ca = central_asia()
    fs = st["small"]
    kx_ = math.cos(math.radians((s_ + n) / 2))
    map_h_pt = (st["figsize"][1] * 1.25 - 1.6) * 72
    scale_pt_per_deg = min((st["figsize"][0] * 72 - 20) / (e - w), map_h_pt / ((n - s_) / kx_))
    for shape in _shapes():
        iso3 = shape["iso3"]
        if not iso3 or iso3 in small_codes or not _visible(shape, ext):
            continue
        status = statuses.get(iso3, "none")
        if extent == "sco" and status == "none":
            continue
        lp = _label_point(iso3, extent)
        if lp is None:
            continue
        x, y, r = lp
        text = name(iso3) if len(iso3) == 3 and iso3 not in ("",) else shape["name"]
        if iso3 not in {c for c in ca} and status == "none" and extent == "central_asia":
            text = name(iso3) if iso3 in style.COLORS else shape["name"]
        width_deg = len(text) * 0.6 * fs / scale_pt_per_deg
        room = 2 * r / math.cos(math.radians((s_ + n) / 2))
        prio = (1 if iso3 in ca else 2, -r)
        if extent == "central_asia" and (iso3 in ca or width_deg <= room * 1.6):
            label_items.append((prio, text, x, y, "center"))
        elif extent == "sco":
            if width_deg <= room * 1.3:
                label_items.append((prio, text, x, y, "center"))
            elif len(iso3) * 0.6 * fs / scale_pt_per_deg <= room * 1.5:
                label_items.append((prio, iso3, x, y, "center"))
    kx = math.cos(math.radians((s_ + n) / 2))
    taken = []
    for _prio, text, x, y, ha in sorted(label_items, key=lambda it: it[0]):
        half_w = len(text) * 0.3 * fs / scale_pt_per_deg
        half_h = 0.65 * fs * kx / scale_pt_per_deg
        if ha == "center":
            x = min(max(x, w + half_w * 1.1), e - half_w * 1.1)
        y = min(max(y, s_ + half_h * 1.3), n - half_h * 1.3)
        box = (x - half_w if ha == "center" else x, x + half_w if ha == "center" else x + 2 * half_w,
               y - half_h, y + half_h)
        if any(not (box[1] < b[0] or box[0] > b[1] or box[3] < b[2] or box[2] > b[3]) for b in taken):
            continue
        taken.append(box)
        ax.text(x, y, text, ha=ha, va="center", fontsize=fs, color="#1A1A1A", path_effects=halo, zorder=6,
                clip_on=True)

    ax.set_xlim(w, e)
    ax.set_ylim(s_, n)
    ax.set_aspect(1 / math.cos(math.radians((s_ + n) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#888888")
        spine.set_linewidth(0.6)

    handles = [Patch(facecolor=style.STATUS_COLORS[p], hatch=style.STATUS_HATCHES[p] or None, edgecolor="#888888",
                     linewidth=0.5, hatchcolor=hatch_on(style.STATUS_COLORS[p]),
                     label=style.STATUS_LABELS["member"] if p == "member" else style.STATUS_LABELS[p])
               for p in present]
    if small:
        handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="white", markeredgecolor="#1A1A1A",
                              markersize=st["marker"] + 1.5, label="Small state (colour = status)"))
    legend_below(ax, handles, ncols=min(len(handles), 4))

    title = (f"SCO membership since {fmt.date_text(day)}" if default_day else f"SCO membership on {fmt.date_text(day)}")
    if extent == "central_asia":
        title += ": Central Asia"
    description = _describe(statuses, day, default_day, extent, [sh["iso3"] for sh in small], ca)
    notes = ["Founding members shown as members. Boundaries: Natural Earth de facto lines (not an endorsement "
             "of any claim)."]
    return finish(fig, title=title, description=description, source=source("membership", "boundaries"), notes=notes)
