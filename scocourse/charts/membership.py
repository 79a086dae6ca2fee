"""Membership timeline: one bar per country per status spell, Shanghai Five (1996) to the present.

Three steps: :func:`membership_timeline_data` (the spells as a tidy frame with the bars' extent and row),
a drawing step, and :func:`describe_membership_timeline` (the description, from the frame).
"""
from __future__ import annotations

import datetime as _dt

from . import _format as fmt
from . import _layout as lay
from . import style
from ._common import check_frame, name, source
from .figure import chart, finish, hatch_on, legend_below, new_figure
from ..errors import OutOfRangeError, WrongTypeError

__all__ = ["membership_timeline", "membership_timeline_data", "describe_membership_timeline", "membership_spells",
           "expansion_waves", "latest_change"]

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
    df = df.sort_values(["start", "iso3", "status"], kind="mergesort").reset_index(drop=True)
    df.attrs["dataset"] = data is None  # the course dataset (facts apply) or a frame given with data=
    return df


def latest_change(spells=None) -> _dt.date:
    """The date of the latest status change on or before today: :func:`scocourse.facts.latest_membership_change`.

    ``spells``: None (the membership dataset) or a frame given with ``data=`` to a chart, for which the same
    rule (the latest start or end date not after today) is applied to that frame.
    """
    from ..facts import latest_membership_change

    if spells is None or getattr(spells, "attrs", {}).get("dataset", False):
        return latest_membership_change()
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


def _check_range(spells, start, end) -> None:
    today = _dt.date.today()
    first_day = spells["start"].min().date()
    for label, value in (("start", start), ("end", end)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise WrongTypeError(f"{label}= should be a year such as 2001, not {type(value).__name__} {value!r}.")
    if not first_day.year <= start <= today.year:
        raise OutOfRangeError(f"start={start} is outside the membership data, which run from {first_day.year} "
                              f"to {today.year}.")
    if end is not None and not start <= end <= today.year:
        raise OutOfRangeError(f"end={end} should be between start ({start}) and this year ({today.year}).")


def membership_timeline_data(data=None, start: int = 1996, end: int | None = None):
    """Return the tidy frame ``membership_timeline`` draws: every spell (iso3, country, status, start, end)
    with ``x_start``/``x_end`` (decimal years clipped to the view; NaN when not shown) and ``row`` (its
    country's row, NaN when not shown). ``attrs``: x0, x1 (view), end_day, default_end, waves (in view)."""
    spells = membership_spells(data)
    _check_range(spells, start, end)
    first_day = spells["start"].min().date()
    last = latest_change(spells)
    x0 = max(float(start), _decimal_year(first_day)) if start == first_day.year else float(start)
    x1 = float(end + 1) if end is not None else float(last.year + 1)
    xa = spells["start"].map(_decimal_year).clip(lower=x0)
    xb = spells["end"].map(lambda d: _decimal_year(d) if d == d else x1).clip(upper=x1)
    shown = (xa < x1) & (xb > x0)
    ranked = spells[shown].assign(rank=spells["status"].map(style.STATUS_ORDER.index))
    order = ranked.sort_values(["start", "rank", "iso3"], kind="mergesort")["iso3"].drop_duplicates().tolist()
    out = spells.assign(x_start=xa.where(shown), x_end=xb.where(shown),
                        row=spells["iso3"].map({c: i for i, c in enumerate(order)}).where(shown))
    out.attrs = {"x0": x0, "x1": x1, "end_day": _dt.date(end, 12, 31) if end is not None else last,
                 "default_end": end is None, "last_year": end if end is not None else last.year,
                 "waves": [w for w in expansion_waves(spells) if x0 <= _decimal_year(w["date"]) < x1]}
    return out


def _status_at(spells, day: _dt.date) -> dict:
    import pandas as pd

    ts = pd.Timestamp(day)
    on = spells[(spells["start"] <= ts) & (spells["end"].isna() | (spells["end"] > ts))]
    return dict(zip(on["iso3"], on["status"]))


def _growth_sentence(spells, waves, first_year: int, end_day: _dt.date, n_shown: int) -> str:
    founded = [w for w in waves if w["kind"] == "founded"]
    joins = [w for w in waves if w["kind"] == "members"]
    end_members = [c for c, s in _status_at(spells, end_day).items() if s in _MEMBER]
    text = f"{n_shown} {'countries' if n_shown != 1 else 'country'} held an SCO status between {first_year} and {end_day.year}"
    joined = fmt.join(f"{fmt.join(name(c) for c in w['iso3'])} in {w['date'].year}" for w in joins)
    if founded:
        f = founded[0]
        s5 = sorted(spells.loc[spells["status"] == "shanghai_five", "iso3"].unique())
        text += (f"; the {len(s5)} Shanghai Five states became {len(f['iso3'])} founding members in {f['date'].year}"
                 if s5 else f"; {len(f['iso3'])} founding members in {f['date'].year}")
        if joins:
            text += f", and full membership grew to {len(end_members)} with {joined}"
    elif joins:
        start_members = [c for c, s in _status_at(spells, _dt.date(first_year, 1, 1)).items() if s in _MEMBER]
        text += f"; full membership grew from {len(start_members)} to {len(end_members)} with {joined}"
    elif end_members:
        text += f"; the SCO had {len(end_members)} full member{'s' if len(end_members) != 1 else ''}"
    return text + "."


def describe_membership_timeline(frame) -> str:
    """The description of a ``membership_timeline_data`` frame: how membership grew, and the partner wave."""
    import pandas as pd

    a = frame.attrs
    n_shown = int(frame["row"].max()) + 1 if frame["row"].notna().any() else 0
    sentences = [_growth_sentence(frame, a["waves"], int(a["x0"]), a["end_day"], n_shown)]
    partner_waves = [w for w in a["waves"] if w["kind"] == "partners"]
    if partner_waves:
        w = partner_waves[0]
        ts = pd.Timestamp(w["date"])
        old = frame[frame["status"].isin(["observer", "dialogue_partner"])]
        ended = old[old["end"] == ts]
        still = old[(old["start"] <= ts) & (old["end"].isna() | (old["end"] > ts))]
        text = f"On {fmt.date_text(w['date'])} {len(w['iso3'])} countries became SCO partners"
        if len(ended) and not len(still):
            text += ", replacing the observer and dialogue-partner statuses"
        sentences.append(text + ".")
    return " ".join(sentences)


def _wave_candidates(xs, i: int, text_w: float, width_pt: float) -> tuple:
    px = xs[i]
    others = [x for j, x in enumerate(xs) if j != i]
    candidates = []
    for left in (True, False):
        span = (px, px + text_w) if left else (px - text_w, px)
        fits = span[1] <= width_pt + 6 if left else span[0] >= -6
        crossings = sum(span[0] - 3 <= x <= span[1] + 3 for x in others)
        candidates.append((not fits, crossings, not left, span, left))
    _, _, _, span, left = min(candidates)
    return span, left


def _wave_levels(items) -> None:
    """A label sits above every label whose leader line runs under it; no overlaps on a level."""
    def under(it, o):
        return it["span"][0] - 3 <= o["px"] <= it["span"][1] + 3

    for item in sorted(items, key=lambda it: sum(under(it, o) for o in items if o is not it)):
        below = [o["level"] for o in items if "level" in o and o is not item and under(item, o)]
        level = max(below, default=-1) + 1
        while any("level" in o and o["level"] == level and not (item["span"][1] + 3 < o["span"][0]
                                                                  or item["span"][0] - 3 > o["span"][1])
                  for o in items if o is not item):
            level += 1
        item["level"] = level


def _label_waves(ax, waves, x0: float, x1: float, width_pt: float, fontsize: float) -> None:
    """Label the wave lines above the axes, on as many levels as needed so that no label overlaps
    another label or crosses another label's leader line."""
    xs = [(_decimal_year(w["date"]) - x0) / (x1 - x0) * width_pt for w in waves]
    items = []
    for i, w in enumerate(waves):
        span, left = _wave_candidates(xs, i, lay.text_width(w["label"], fontsize) + 4, width_pt)
        items.append({"w": w, "px": xs[i], "span": span, "left": left})
    _wave_levels(items)
    for item in items:
        ax.annotate(item["w"]["label"], xy=(_decimal_year(item["w"]["date"]), 1), xycoords=("data", "axes fraction"),
                    xytext=(0, 4 + item["level"] * fontsize * 1.45), textcoords="offset points",
                    ha="left" if item["left"] else "right", va="bottom", fontsize=fontsize, color="#333333",
                    annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": "#333333", "linewidth": 0.9, "linestyle": (0, (4, 3)),
                                "shrinkA": 0, "shrinkB": 0, "relpos": (0, 0) if item["left"] else (1, 0)})


def _draw_spells(ax, frame, s) -> list:
    from matplotlib.collections import PolyCollection

    present = []
    for status in style.STATUS_ORDER:
        grp = frame[(frame["status"] == status) & frame["row"].notna()]
        rects = [[(xa, r - 0.36), (xb, r - 0.36), (xb, r + 0.36), (xa, r + 0.36)]
                 for xa, xb, r in zip(grp["x_start"], grp["x_end"], grp["row"]) if xb > xa]
        if not rects:
            continue
        present.append(status)
        fill = style.STATUS_COLORS[status]
        coll = PolyCollection(rects, facecolors=fill, edgecolors="white", linewidths=s["edge"],
                              hatch=style.STATUS_HATCHES[status] or None, label=style.STATUS_LABELS[status])
        coll.set_hatchcolor(hatch_on(fill))
        ax.add_collection(coll)
    return present


def _draw_membership_timeline(frame):
    from matplotlib.patches import Patch

    s = style.context_settings()
    a = frame.attrs
    order = frame.dropna(subset=["row"]).sort_values("row")["iso3"].drop_duplicates().tolist()
    fig, ax = new_figure(height=max(s["figsize"][1], 1.9 + s["row_height"] * len(order)))
    present = _draw_spells(ax, frame, s)
    for w in a["waves"]:
        ax.axvline(_decimal_year(w["date"]), color="#333333", linewidth=0.9, linestyle=(0, (4, 3)), zorder=0.5)
    labels = [name(c) for c in order]
    _label_waves(ax, a["waves"], a["x0"], a["x1"], lay.axes_width(labels), s["small"])
    ax.set_yticks(range(len(order)), labels=labels)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(a["x0"], a["x1"])
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color="#EEEEEE")
    handles = [Patch(facecolor=style.STATUS_COLORS[st], hatch=style.STATUS_HATCHES[st] or None,
                     edgecolor="white", hatchcolor=hatch_on(style.STATUS_COLORS[st]), label=style.STATUS_LABELS[st])
               for st in present]
    legend_below(ax, handles, ncols=min(len(handles), 4))
    return fig


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
    frame = membership_timeline_data(data, start, end)
    a = frame.attrs
    fig = _draw_membership_timeline(frame)
    notes = ["Dashed lines: expansion waves (dates from the data). Bars reaching the right edge continue "
             f"after {fmt.date_text(a['end_day'])}." if a["default_end"] else
             f"Dashed lines: expansion waves (dates from the data). Shown to the end of {end}."]
    title = f"SCO membership, {int(a['x0'])}–{a['last_year']}: who held which status, when"
    return finish(fig, title=title, description=describe_membership_timeline(frame), source=source("membership"),
                  notes=notes)
