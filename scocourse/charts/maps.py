"""Membership map: countries coloured (and hatched) by their SCO status on a date, matplotlib only.

Three steps: :func:`membership_map_data` (the countries in view with their status, a tidy frame),
the drawing (areas, dots for small states, labels placed without overlap) and
:func:`describe_membership_map` (the description, from the frame).

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
from . import _layout as lay
from ._common import name, source, spread
from .figure import chart, finish, hatch_on, legend_below, new_figure
from .membership import latest_change, membership_spells
from .._lookup import as_date, check_date_range
from ..errors import UnknownNameError, did_you_mean
from ..facts import central_asia

__all__ = ["membership_map", "membership_map_data", "describe_membership_map", "EXTENTS"]

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
    for arr, _area in shape["rings"]:
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


def _check_extent(extent) -> None:
    if not isinstance(extent, str) or extent not in EXTENTS:
        raise UnknownNameError(f"'{extent}' is not a map extent.{did_you_mean(str(extent), list(EXTENTS))} "
                               f"Use one of: {', '.join(repr(k) for k in EXTENTS)}.")


def membership_map_data(on=None, data=None, extent: str = "sco"):
    """Return the tidy frame ``membership_map`` draws: one row per outline in view (``shape``: its index in
    the outlines) with iso3, status on the day ('none' without one; founding members as 'member'), small
    (drawn as a dot), in_sco (holds a status). ``attrs``: day, default_day, extent, statuses (every
    country's status on the day, in view or not), central_asia."""
    import pandas as pd

    _check_extent(extent)
    spells = membership_spells(data)
    default_day = on is None
    day = latest_change(spells) if default_day else as_date(on)
    check_date_range(day)
    statuses = _statuses_on(spells, day)
    w, e, s_, n = EXTENTS[extent]
    view_area = (e - w) * (n - s_)
    rows = []
    for k, shape in enumerate(_shapes()):
        if _visible(shape, EXTENTS[extent]):
            status = statuses.get(shape["iso3"], "none")
            rows.append((k, shape["iso3"], shape["name"], status,
                         status != "none" and shape["area"] < view_area * _SMALL_SHARE))
    out = pd.DataFrame(rows, columns=["shape", "iso3", "name", "status", "small"])
    out["in_sco"] = out["status"] != "none"
    out.attrs = {"day": day, "default_day": default_day, "extent": extent, "statuses": statuses,
                 "central_asia": central_asia()}
    return out


def _status_parts(statuses: dict) -> list:
    groups = {}
    for iso3, st in sorted(statuses.items()):
        groups.setdefault(st, []).append(iso3)
    labels = {"shanghai_five": "Shanghai Five state", "member": "member", "observer": "observer",
              "dialogue_partner": "dialogue partner", "partner": "partner"}
    parts = []
    for st in ("member", "observer", "dialogue_partner", "partner"):
        codes = groups.get(st, [])
        if codes:
            noun = f"{len(codes)} {labels[st]}{'s' if len(codes) != 1 else ''}"
            if st == "member" or len(codes) <= 4:
                noun += f" ({fmt.join(name(c) for c in codes)})"
            parts.append(noun)
    return parts


def _first_sentence(statuses: dict, day: _dt.date, default_day: bool) -> str:
    when = f"Since {fmt.date_text(day)} (the latest change in the data)" if default_day else f"On {fmt.date_text(day)}"
    five = sorted(c for c, st in statuses.items() if st == "shanghai_five")
    if five:  # before 15 June 2001 there was no SCO, only the Shanghai Five
        return (f"{when} the SCO did not yet exist; the Shanghai Five were {len(five)} states "
                f"({fmt.join(name(c) for c in five)}).")
    parts = _status_parts(statuses)
    first = f"{when} the SCO has {fmt.join(parts)}." if parts else f"{when} no country holds an SCO status."
    if default_day is False and day < _dt.date.today():
        first = first.replace(" has ", " had ", 1)
    return first


def _central_asia_sentence(statuses: dict, ca: list, past: bool) -> str:
    inside = [c for c in ca if statuses.get(c) in ("member", "shanghai_five")]
    outside = [c for c in ca if c not in statuses]
    second = []
    if inside:
        what = "Shanghai Five states" if all(statuses[c] == "shanghai_five" for c in inside) else "in the SCO"
        if len(inside) == 1 and what == "Shanghai Five states":
            what = "a Shanghai Five state"
        verb = ("were" if len(inside) > 1 else "was") if past else ("are" if len(inside) > 1 else "is")
        second.append(f"In Central Asia, {fmt.join(name(c) for c in inside)} {verb} {what}")
    if outside:
        verb = "had" if past else ("have" if len(outside) > 1 else "has")
        second.append(f"{fmt.join(name(c) for c in outside)} {verb} no SCO status")
    return "; ".join(second) + "." if second else ""


def describe_membership_map(frame) -> str:
    """The description of a ``membership_map_data`` frame: who holds which status on the day, and (zoomed)
    Central Asia's states, or (whole view) the small states marked with a dot."""
    a = frame.attrs
    first = _first_sentence(a["statuses"], a["day"], a["default_day"])
    if a["extent"] == "central_asia":
        past = not a["default_day"] and a["day"] < _dt.date.today()
        second = _central_asia_sentence(a["statuses"], a["central_asia"], past)
        return first + " " + second if second else first
    small = sorted(frame.loc[frame["small"], "iso3"])
    if small:
        return first + f" Small states ({fmt.join(name(c) for c in small)}) are marked with a dot."
    return first


def _draw_areas(ax, frame, extent: str) -> list:
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch

    shapes = _shapes()
    present = []
    for status in style.STATUS_ORDER:
        sub = frame[frame["status"] == status]
        if not len(sub):
            continue
        fill = style.STATUS_COLORS[status]
        coll = PatchCollection([PathPatch(shapes[k]["path"]) for k in sub["shape"]], facecolor=fill,
                               edgecolor="white", linewidth=1.1 if extent == "central_asia" else 0.5,
                               hatch=style.STATUS_HATCHES[status] or None, zorder=1 if status == "none" else 2)
        if style.STATUS_HATCHES[status]:
            coll.set_hatchcolor(hatch_on(fill))
        ax.add_collection(coll)
        present.append(status)
    return present


def _draw_small_states(ax, frame, ext, st) -> list:
    """A dot in the status colour for each small state (spread apart when they crowd, with a leader line);
    returns their label items."""
    w, e, s_, n = ext
    kx = math.cos(math.radians((s_ + n) / 2))
    small = frame[frame["small"]].sort_values("iso3", kind="mergesort")
    shapes = [_shapes()[k] for k in small["shape"]]
    pts = [_centroid(sh) for sh in shapes]
    items = []
    for sh, status, (x, y), y2 in zip(shapes, small["status"], pts, spread([p[1] for p in pts], gap=(n - s_) / 32)):
        fill = style.STATUS_COLORS[status]
        if abs(y2 - y) > 1e-9:
            ax.plot([x, x + 2.0 / kx], [y, y2], color="#333333", linewidth=0.6, zorder=4)
            x = x + 2.0 / kx
        ax.plot([x], [y2], marker="o", markersize=st["marker"] + 1.5, markerfacecolor=fill,
                markeredgecolor="#1A1A1A", markeredgewidth=0.8, linestyle="none", zorder=5)
        items.append(((0, 0.0), sh["iso3"], x + 1.0 / kx, y2, "left"))
    return items


def _area_label(row, extent: str, ca, fs: float, scale: float, kx: float):
    """The label item of a country drawn as an area, or None when its name (or code) does not fit."""
    lp = _label_point(row.iso3, extent)
    if lp is None:
        return None
    x, y, r = lp
    text = name(row.iso3) if len(row.iso3) == 3 else row.name
    if row.iso3 not in ca and row.status == "none" and extent == "central_asia":
        text = name(row.iso3) if row.iso3 in style.COLORS else row.name
    width_deg = lay.text_width(text, fs) / scale
    room = 2 * r / kx
    prio = (1 if row.iso3 in ca else 2, -r)
    if extent == "central_asia" and (row.iso3 in ca or width_deg <= room * 1.6):
        return (prio, text, x, y, "center")
    if extent == "sco":
        if width_deg <= room * 1.3:
            return (prio, text, x, y, "center")
        if lay.text_width(row.iso3, fs) / scale <= room * 1.5:
            return (prio, row.iso3, x, y, "center")
    return None


def _place_labels(ax, items, ext, fs: float, scale: float) -> None:
    """Draw the labels, most important first, skipping any that would overlap one already placed."""
    from matplotlib import patheffects

    w, e, s_, n = ext
    kx = math.cos(math.radians((s_ + n) / 2))
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    taken = []
    for _prio, text, x, y, ha in sorted(items, key=lambda it: it[0]):
        half_w = lay.text_width(text, fs) / 2 / scale
        half_h = 0.65 * fs * kx / scale
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


def _label_items(frame, ext, extent: str, st) -> tuple:
    """(label items of the countries drawn as areas, scale in points per degree)."""
    w, e, s_, n = ext
    kx = math.cos(math.radians((s_ + n) / 2))
    map_h_pt = (st["figsize"][1] * 1.25 - 1.6) * 72
    scale = min(lay.axes_width() / (e - w), map_h_pt / ((n - s_) / kx))
    ca = frame.attrs["central_asia"]
    items = []
    for row in frame[~frame["small"] & (frame["iso3"] != "")].itertuples(index=False):
        if extent == "sco" and row.status == "none":
            continue
        item = _area_label(row, extent, ca, st["small"], scale, kx)
        if item is not None:
            items.append(item)
    return items, scale


def _map_frame(ax, ext) -> None:
    w, e, s_, n = ext
    ax.set_xlim(w, e)
    ax.set_ylim(s_, n)
    ax.set_aspect(1 / math.cos(math.radians((s_ + n) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#888888")
        spine.set_linewidth(0.6)


def _draw_membership_map(frame):
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    extent = frame.attrs["extent"]
    ext = EXTENTS[extent]
    st = style.context_settings()
    fig, ax = new_figure(height=st["figsize"][1] * 1.25)
    ax.set_facecolor(_SEA)
    present = _draw_areas(ax, frame, extent)
    dots = _draw_small_states(ax, frame, ext, st)
    items, scale = _label_items(frame, ext, extent, st)
    _place_labels(ax, dots + items, ext, st["small"], scale)
    _map_frame(ax, ext)
    handles = [Patch(facecolor=style.STATUS_COLORS[p], hatch=style.STATUS_HATCHES[p] or None, edgecolor="#888888",
                     linewidth=0.5, hatchcolor=hatch_on(style.STATUS_COLORS[p]), label=style.STATUS_LABELS[p])
               for p in present]
    if dots:
        handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="white", markeredgecolor="#1A1A1A",
                              markersize=st["marker"] + 1.5, label="Small state (colour = status)"))
    legend_below(ax, handles, ncols=min(len(handles), 4))
    return fig


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
    frame = membership_map_data(on, data, extent)
    day, default_day = frame.attrs["day"], frame.attrs["default_day"]
    fig = _draw_membership_map(frame)
    title = f"SCO membership since {fmt.date_text(day)}" if default_day else f"SCO membership on {fmt.date_text(day)}"
    if extent == "central_asia":
        title += ": Central Asia"
    notes = ["Founding members shown as members. Boundaries: Natural Earth de facto lines (not an endorsement "
             "of any claim)."]
    return finish(fig, title=title, description=describe_membership_map(frame), source=source("membership", "boundaries"),
                  notes=notes)
