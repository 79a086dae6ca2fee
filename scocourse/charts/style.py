"""House style of every course chart: palette, fixed colours, markers, hatches and contexts.

Nothing here imports matplotlib, so ``import scocourse.charts`` stays light.

* ``OKABE_ITO``: the eight colours of the Okabe–Ito colour-blind-safe palette.
* ``COLORS``: ISO3 -> colour, fixed for the whole course (Kazakhstan is the same sky blue in every
  lesson). The five Central Asian states, Russia and China each get their own Okabe–Ito colour;
  the other course countries share muted tones and are told apart by ``MARKERS``/``LINESTYLES``
  (and always by a direct label).
* ``STATUS_COLORS`` / ``STATUS_HATCHES`` / ``STATUS_LABELS``: one per membership status
  (``shanghai_five``, ``founding_member``, ``member``, ``observer``, ``dialogue_partner``,
  ``partner``, ``none``).
* ``FUEL_COLORS`` / ``FUEL_HATCHES`` / ``FUEL_LABELS``: one per energy source.
* ``use_context("screen" | "projector")``: font sizes and line widths of every figure made afterwards.
"""
from __future__ import annotations

from ..errors import UnknownNameError, did_you_mean

__all__ = ["OKABE_ITO", "COLORS", "MARKERS", "LINESTYLES", "HATCHES", "STATUS_COLORS", "STATUS_HATCHES",
           "STATUS_LABELS", "STATUS_ORDER", "FUEL_COLORS", "FUEL_HATCHES", "FUEL_LABELS", "FUEL_ORDER",
           "SECTOR_COLORS", "SECTOR_HATCHES", "CONTEXTS", "use_context", "get_context", "context_settings",
           "color", "marker", "linestyle", "hatch"]

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#999999"
LIGHT_GREY = "#DDDDDD"
TEXT_GREY = "#555555"

# The seven countries every lesson talks about: one distinct Okabe–Ito colour each.
_KEY_COLORS = {
    "RUS": OKABE_ITO["blue"],
    "CHN": OKABE_ITO["vermillion"],
    "KAZ": OKABE_ITO["sky_blue"],
    "KGZ": OKABE_ITO["reddish_purple"],
    "TJK": OKABE_ITO["bluish_green"],
    "TKM": OKABE_ITO["black"],
    "UZB": OKABE_ITO["orange"],
}
_KEY_MARKERS = {"RUS": "s", "CHN": "D", "KAZ": "o", "KGZ": "^", "TJK": "v", "TKM": "P", "UZB": "X"}
# Everyone else: muted tones (dark enough for lines on white), told apart by marker and line style.
_MUTED = ("#6E6E6E", "#8C6D46", "#4F7A8C", "#8A5A7A", "#6B7F3A")
_OTHER_MARKERS = ("<", ">", "h", "p", "*", "d", "8", "H")
_OTHER_LINESTYLES = ((0, (5, 2)), (0, (2, 1.5)), (0, (6, 2, 1.5, 2)), (0, (1, 1)))
_OTHER_HATCHES = ("//", "\\\\", "..", "xx", "--", "++", "oo", "||")

# The course countries (data/countries.csv), sorted; fixed here so colours never depend on data order.
_COURSE_COUNTRIES = ("AFG", "ARE", "ARM", "AZE", "BHR", "BLR", "CHN", "EGY", "IND", "IRN", "KAZ", "KGZ", "KHM",
                     "KWT", "LAO", "LKA", "MDV", "MMR", "MNG", "NPL", "PAK", "QAT", "RUS", "SAU", "TJK", "TKM",
                     "TUR", "UZB")


def _build():
    colors, markers, styles, hatches = {}, {}, {}, {}
    others = [c for c in _COURSE_COUNTRIES if c not in _KEY_COLORS]
    for iso3 in _COURSE_COUNTRIES:
        if iso3 in _KEY_COLORS:
            colors[iso3], markers[iso3], styles[iso3], hatches[iso3] = _KEY_COLORS[iso3], _KEY_MARKERS[iso3], "-", ""
        else:
            i = others.index(iso3)
            colors[iso3] = _MUTED[i % len(_MUTED)]
            markers[iso3] = _OTHER_MARKERS[i % len(_OTHER_MARKERS)]
            styles[iso3] = _OTHER_LINESTYLES[i % len(_OTHER_LINESTYLES)]
            hatches[iso3] = _OTHER_HATCHES[i % len(_OTHER_HATCHES)]
    colors["WLD"], markers["WLD"], styles["WLD"], hatches["WLD"] = GREY, ".", ":", ""
    return colors, markers, styles, hatches


COLORS, MARKERS, LINESTYLES, HATCHES = _build()

STATUS_ORDER = ("shanghai_five", "founding_member", "member", "observer", "dialogue_partner", "partner", "none")
STATUS_COLORS = {
    "shanghai_five": OKABE_ITO["reddish_purple"],
    "founding_member": OKABE_ITO["blue"],
    "member": OKABE_ITO["sky_blue"],
    "observer": OKABE_ITO["orange"],
    "dialogue_partner": OKABE_ITO["yellow"],
    "partner": OKABE_ITO["bluish_green"],
    "none": LIGHT_GREY,
}
STATUS_HATCHES = {
    "shanghai_five": "", "founding_member": "", "member": "", "observer": "//",
    "dialogue_partner": "..", "partner": "\\\\", "none": "",
}
STATUS_LABELS = {
    "shanghai_five": "Shanghai Five", "founding_member": "Founding member", "member": "Member",
    "observer": "Observer", "dialogue_partner": "Dialogue partner", "partner": "Partner",
    "none": "No SCO status",
}

FUEL_ORDER = ("coal", "gas", "oil", "nuclear", "hydro", "solar", "wind", "bioenergy", "other_renewables")
FUEL_COLORS = {
    "coal": "#444444", "gas": OKABE_ITO["orange"], "oil": OKABE_ITO["vermillion"],
    "nuclear": OKABE_ITO["reddish_purple"], "hydro": OKABE_ITO["blue"], "solar": OKABE_ITO["yellow"],
    "wind": OKABE_ITO["sky_blue"], "bioenergy": OKABE_ITO["bluish_green"], "other_renewables": "#A8D5BA",
}
FUEL_HATCHES = {
    "coal": "xx", "gas": "//", "oil": "\\\\", "nuclear": "oo", "hydro": "", "solar": "..",
    "wind": "--", "bioenergy": "++", "other_renewables": "||",
}
FUEL_LABELS = {
    "coal": "Coal", "gas": "Gas", "oil": "Oil", "nuclear": "Nuclear", "hydro": "Hydro", "solar": "Solar",
    "wind": "Wind", "bioenergy": "Bioenergy", "other_renewables": "Other renewables",
}
FUEL_LINESTYLES = {"oil": "-", "gas": (0, (5, 2)), "coal": (0, (1.5, 1.5))}
FUEL_MARKERS = {"oil": "o", "gas": "s", "coal": "^"}

SECTOR_COLORS = {"agriculture": OKABE_ITO["bluish_green"], "industry": "#6E6E6E", "municipal": OKABE_ITO["sky_blue"]}
SECTOR_HATCHES = {"agriculture": "", "industry": "//", "municipal": ".."}

# Sizes in points. "screen": a notebook column; "projector": read from the back of a lecture hall.
CONTEXTS = {
    "screen": {"font": 10.0, "small": 8.5, "title": 13.0, "label": 10.0, "line": 1.8, "marker": 5.0,
               "edge": 0.6, "figsize": (8.0, 4.5), "dpi": 100, "row_height": 0.26, "panel": 2.0},
    "projector": {"font": 13.0, "small": 10.5, "title": 17.0, "label": 13.0, "line": 2.8, "marker": 7.0,
                  "edge": 0.9, "figsize": (8.0, 4.5), "dpi": 100, "row_height": 0.34, "panel": 2.6},
}
_state = {"context": "screen"}


def use_context(name: str = "screen") -> None:
    """Switch every course figure made from now on to ``"screen"`` (default) or ``"projector"``.

    ``projector`` uses larger fonts, thicker lines and bigger markers for a lecture hall. One call in a
    lesson's set-up cell is enough; figures already made keep their sizes. Returns None.
    Raises :class:`scocourse.errors.UnknownNameError` for any other name.
    """
    if not isinstance(name, str) or name not in CONTEXTS:
        valid = list(CONTEXTS)
        hint = did_you_mean(str(name), valid)
        raise UnknownNameError(f"'{name}' is not a chart context.{hint} Use one of: "
                               f"{', '.join(repr(v) for v in valid)}.")
    _state["context"] = name


def get_context() -> str:
    """Return the name of the current context ('screen' or 'projector')."""
    return _state["context"]


def context_settings() -> dict:
    """Return a copy of the sizes (points) of the current context."""
    return dict(CONTEXTS[_state["context"]])


def color(iso3: str) -> str:
    """Return the fixed colour of a country (ISO3); unknown codes get neutral grey."""
    return COLORS.get(iso3, GREY)


def marker(iso3: str) -> str:
    """Return the fixed marker of a country (ISO3)."""
    return MARKERS.get(iso3, "o")


def linestyle(iso3: str):
    """Return the fixed line style of a country (ISO3): solid for the seven key countries."""
    return LINESTYLES.get(iso3, "-")


def hatch(iso3: str) -> str:
    """Return the fixed hatch of a country (ISO3): none for the seven key countries."""
    return HATCHES.get(iso3, "")
