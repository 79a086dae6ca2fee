"""Membership timeline: one bar per country per status spell, Shanghai Five (1996) to the present."""
from __future__ import annotations

import datetime as _dt

from . import _format as fmt
from . import style
from ._common import check_frame, name, source
from .figure import chart, finish, hatch_on, legend_below, new_figure

__all__ = ["membership_timeline", "membership_spells", "expansion_waves", "latest_change"]

_MEMBER = ("founding_member", "member")


def _decimal_year(day) -> float:
    day = day.date() if hasattr(day, "date") and not isinstance(day, _dt.date) else day
    if isinstance(day, _dt.datetime):
        day = day.date()
    start = _dt.date(day.year, 1, 1)
    length = (_dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def membership_spells(data=None):
    """Return the membership spells as a DataFrame (iso3, country, status, start, end as dates; end NaT = ongoing).

    ``data``: a DataFrame shaped like ``datasets.load("membership")`` (default: that dataset).
    """
    import pandas as pd

    from .. import datasets
    from .._lookup import STATUSES
    from ..errors import UnknownNameError, did_you_mean

    df = datasets.load("membership") if data is None else check_frame(data, ["iso3", "status", "start", "end"], "membership")
    df = df.copy()
    df["start"] = pd.to_datetime(df["start"])
    df["end"] = pd.to_datetime(df["end"])
    bad = sorted(set(df["status"]) - set(STATUSES))
    if bad:
        raise UnknownNameError(f"'{bad[0]}' is not a membership status.{did_you_mean(bad[0], STATUSES)} "
                               f"Valid statuses: {', '.join(STATUSES)}.")
    if "country" not in df.columns:
        df["country"] = [name(c) for c in df["iso3"]]
    return df.sort_values(["start", "iso3", "status"], kind="mergesort").reset_index(drop=True)


def latest_change(spells) -> _dt.date:
    """The last date on which any status starts or ends (never after today)."""
    today = _dt.date.today()
    dates = [d.date() for d in list(spells["start"]) + list(spells["end"].dropna())]
    return max(d for d in dates if d <= today)


def expansion_waves(spells) -> list[dict]:
    """The expansion waves, taken from the spells' start dates (nothing typed).

    A wave is a date on which full membership begins (founding members, new members), or the date
    a new status kind begins that replaces others (the first ``partner`` spell). Each wave is a dict
    with ``date``, ``kind`` ('founded', 'members' or 'partners'), ``iso3`` (countries) and ``label``.
    """
    waves = []
    members = spells[spells["status"].isin(_MEMBER)]
    for start, grp in members.groupby("start", sort=True):
        codes = sorted(grp["iso3"])
        if (grp["status"] == "founding_member").all():
            waves.append({"date": start.date(), "kind": "founded", "iso3": codes,
                          "label": f"{start.year}: SCO founded ({len(codes)})"})
        else:
            waves.append({"date": start.date(), "kind": "members", "iso3": codes,
                          "label": f"{start.year}: +" + ", ".join(name(c) for c in codes)})
    partners = spells[spells["status"] == "partner"]
    if len(partners):
        first = partners["start"].min()
        codes = sorted(partners.loc[partners["start"] == first, "iso3"])
        waves.append({"date": first.date(), "kind": "partners", "iso3": codes,
                      "label": f"{first.year}: {len(codes)} partners"})
    return sorted(waves, key=lambda w: w["date"])


def _status_at(spells, day: _dt.date) -> dict:
    ts = __import__("pandas").Timestamp(day)
    on = spells[(spells["start"] <= ts) & (spells["end"].isna() | (spells["end"] > ts))]
    return dict(zip(on["iso3"], on["status"]))


def _describe(spells, waves, first_year: int, end_day: _dt.date, n_shown: int) -> str:
    sentences = []
    founded = [w for w in waves if w["kind"] == "founded"]
    joins = [w for w in waves if w["kind"] == "members"]
    end_members = [c for c, s in _status_at(spells, end_day).items() if s in _MEMBER]
    first = f"{n_shown} countries held an SCO status between {first_year} and {end_day.year}"
    if founded:
        f = founded[0]
        s5 = sorted(spells.loc[spells["status"] == "shanghai_five", "iso3"].unique())
        grew = f"; the {len(s5)} Shanghai Five states became {len(f['iso3'])} founding members in {f['date'].year}" \
            if s5 else f"; {len(f['iso3'])} founding members in {f['date'].year}"
        first += grew
        if joins:
            parts = [f"{fmt.join(name(c) for c in w['iso3'])} in {w['date'].year}" for w in joins]
            first += f", and full membership grew to {len(end_members)} with {fmt.join(parts)}"
    elif joins:
        start_members = [c for c, s in _status_at(spells, _dt.date(first_year, 1, 1)).items() if s in _MEMBER]
        parts = [f"{fmt.join(name(c) for c in w['iso3'])} in {w['date'].year}" for w in joins]
        first += (f"; full membership grew from {len(start_members)} to {len(end_members)} with "
                  f"{fmt.join(parts)}")
    elif end_members:
        first += f"; the SCO had {len(end_members)} full members"
    sentences.append(first + ".")
    partner_waves = [w for w in waves if w["kind"] == "partners"]
    if partner_waves:
        w = partner_waves[0]
        ts = __import__("pandas").Timestamp(w["date"])
        ended = spells[spells["status"].isin(["observer", "dialogue_partner"]) & (spells["end"] == ts)]
        still = spells[spells["status"].isin(["observer", "dialogue_partner"]) & (spells["start"] <= ts)
                       & (spells["end"].isna() | (spells["end"] > ts))]
        text = f"On {fmt.date_text(w['date'])} {len(w['iso3'])} countries became SCO partners"
        if len(ended) and not len(still):
            text += ", replacing the observer and dialogue-partner statuses"
        sentences.append(text + ".")
    return " ".join(sentences)


def _label_waves(ax, waves, x0: float, x1: float, width_pt: float, fontsize: float) -> None:
    """Label the wave lines above the axes, on as many levels as needed so that no label overlaps
    another label or crosses another label's leader line."""
    char = 0.6 * fontsize
    items = []
    xs = [(_decimal_year(w["date"]) - x0) / (x1 - x0) * width_pt for w in waves]
    for i, w in enumerate(waves):
        px, text_w = xs[i], char * len(w["label"]) + 4
        others = [x for j, x in enumerate(xs) if j != i]
        candidates = []
        for left in (True, False):
            span = (px, px + text_w) if left else (px - text_w, px)
            fits = span[1] <= width_pt + 6 if left else span[0] >= -6
            crossings = sum(span[0] - 3 <= x <= span[1] + 3 for x in others)
            candidates.append((not fits, crossings, not left, span, left))
        _, _, _, span, left = min(candidates)
        items.append({"w": w, "px": px, "span": span, "left": left})
    # A label must sit above every label whose leader line runs under it; no overlaps on a level.
    for item in sorted(items, key=lambda it: sum(it["span"][0] - 3 <= o["px"] <= it["span"][1] + 3
                                                 for o in items if o is not it)):
        below = [o["level"] for o in items if "level" in o and o is not item
                 and item["span"][0] - 3 <= o["px"] <= item["span"][1] + 3]
        level = max(below, default=-1) + 1
        while any("level" in o and o["level"] == level and not (item["span"][1] + 3 < o["span"][0]
                                                                  or item["span"][0] - 3 > o["span"][1])
                  for o in items if o is not item):
            level += 1
        item["level"] = level
    for item in items:
        x = _decimal_year(item["w"]["date"])
        ax.annotate(item["w"]["label"], xy=(x, 1), xycoords=("data", "axes fraction"),
                    xytext=(0, 4 + item["level"] * fontsize * 1.45), textcoords="offset points",
                    ha="left" if item["left"] else "right", va="bottom", fontsize=fontsize, color="#333333",
                    annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": "#333333", "linewidth": 0.9, "linestyle": (0, (4, 3)),
                                "shrinkA": 0, "shrinkB": 0, "relpos": (0, 0) if item["left"] else (1, 0)})


@chart
def membership_timeline(data=None, start: int = 1996, end: int | None = None):
    """Return a CourseFigure: one horizontal bar per country per SCO status spell.

    Rows are countries in order of their first status; bar colour and hatch give the status
    (Shanghai Five, founding member, member, observer, dialogue partner, partner); dashed vertical
    lines mark the expansion waves, taken from the spells' start dates. ``start``/``end``: first and
    last year shown (``end`` default: the year after the latest change in the data, so the figure does
    not change from day to day; bars reaching the right edge continue today).
    ``data``: a DataFrame shaped like ``datasets.load("membership")``.
    Units: calendar years. Source: the membership dataset (scocourse reference tables).
    """
    from matplotlib.patches import Patch

    from ._common import OutOfRangeError, WrongTypeError

    spells = membership_spells(data)
    today = _dt.date.today()
    first_day = spells["start"].min().date()
    last = latest_change(spells)
    for label, value in (("start", start), ("end", end)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise WrongTypeError(f"{label}= should be a year such as 2001, not {type(value).__name__} {value!r}.")
    if not first_day.year <= start <= today.year:
        raise OutOfRangeError(f"start={start} is outside the membership data, which run from {first_day.year} "
                              f"to {today.year}.")
    if end is not None and not start <= end <= today.year:
        raise OutOfRangeError(f"end={end} should be between start ({start}) and this year ({today.year}).")
    x0 = max(float(start), _decimal_year(first_day)) if start == first_day.year else float(start)
    x1 = float(end + 1) if end is not None else float(last.year + 1)
    end_day = _dt.date(end, 12, 31) if end is not None else last

    s = style.context_settings()
    shown = spells[(spells["start"].map(_decimal_year) < x1)
                   & (spells["end"].isna() | (spells["end"].map(lambda d: _decimal_year(d) if d == d else 1e9) > x0))]
    order = (shown.assign(rank=shown["status"].map(style.STATUS_ORDER.index))
             .sort_values(["start", "rank", "iso3"], kind="mergesort")["iso3"].drop_duplicates().tolist())
    rows = {iso3: i for i, iso3 in enumerate(order)}
    height = max(s["figsize"][1], 1.9 + s["row_height"] * len(order))
    fig, ax = new_figure(height=height)

    from matplotlib.collections import PolyCollection

    present = []
    for status in style.STATUS_ORDER:
        grp = shown[shown["status"] == status]
        rects = []
        for iso3, a, b in zip(grp["iso3"], grp["start"], grp["end"]):
            xa = max(_decimal_year(a), x0)
            xb = min(_decimal_year(b) if b == b else x1, x1)
            if xb > xa:
                y0_, y1_ = rows[iso3] - 0.36, rows[iso3] + 0.36
                rects.append([(xa, y0_), (xb, y0_), (xb, y1_), (xa, y1_)])
        if not rects:
            continue
        present.append(status)
        fill = style.STATUS_COLORS[status]
        coll = PolyCollection(rects, facecolors=fill, edgecolors="white", linewidths=s["edge"],
                              hatch=style.STATUS_HATCHES[status] or None, label=style.STATUS_LABELS[status])
        coll.set_hatchcolor(hatch_on(fill))
        ax.add_collection(coll)

    waves = [w for w in expansion_waves(spells) if x0 <= _decimal_year(w["date"]) < x1]
    for w in waves:
        ax.axvline(_decimal_year(w["date"]), color="#333333", linewidth=0.9, linestyle=(0, (4, 3)), zorder=0.5)
    axes_pt = fig.get_figwidth() * 72 - max(len(name(c)) for c in order) * 0.6 * s["font"] - 24
    _label_waves(ax, waves, x0, x1, axes_pt, s["small"])

    ax.set_yticks(range(len(order)), labels=[name(c) for c in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(x0, x1)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color="#EEEEEE")
    handles = [Patch(facecolor=style.STATUS_COLORS[st], hatch=style.STATUS_HATCHES[st] or None,
                     edgecolor="white", hatchcolor=hatch_on(style.STATUS_COLORS[st]), label=style.STATUS_LABELS[st])
               for st in present]
    legend_below(ax, handles, ncols=min(len(handles), 4))
    description = _describe(spells, waves, int(x0), end_day, len(order))
    notes = ["Dashed lines: expansion waves (dates from the data). Bars reaching the right edge continue "
             f"after {fmt.date_text(end_day)}." if end is None else
             f"Dashed lines: expansion waves (dates from the data). Shown to the end of {end}."]
    title = f"SCO membership, {int(x0)}–{end if end is not None else last.year}: who held which status, when"
    return finish(fig, title=title, description=description, source=source("membership"), notes=notes)
