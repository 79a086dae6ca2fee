"""Shared data helpers of the chart modules: countries with a default, names, source lines, frames.

Validation goes through the public look-ups of the data layer (:mod:`scocourse._lookup`:
``country``, ``resolve_countries``, ``check_years``, ``indicator_info``, ``as_date``,
``check_date_range``) and the facts (:mod:`scocourse.facts`: ``central_asia``,
``latest_membership_change``, ``partner_shares``); nothing here re-implements them.
"""
from __future__ import annotations

import re

from .. import datasets
from .._lookup import country_name, indicator_info, resolve_countries
from ..errors import CourseError, WrongTypeError

__all__ = ["countries_or", "name", "the_name", "source", "source_matching", "indicator_source", "check_frame", "spread"]


def countries_or(countries, default) -> list[str]:
    """Validate ``countries`` with :func:`scocourse._lookup.resolve_countries` (raises UnknownCountryError);
    None -> ``default``. Duplicates are dropped, order kept."""
    if countries is None:
        return list(default)
    codes = resolve_countries(countries)
    if not codes:
        raise WrongTypeError("countries is empty: give at least one country name or code.")
    return list(dict.fromkeys(codes))


# Trade partners in the IMF DOTS extract that are not course countries.
_OTHER_PARTNERS = {"EUU": "European Union", "USA": "United States", "GBR": "United Kingdom", "DEU": "Germany",
                   "CHE": "Switzerland", "JPN": "Japan", "KOR": "South Korea", "HKG": "Hong Kong", "UKR": "Ukraine"}


def name(iso3: str) -> str:
    """Display name of a code (course countries, 'World' and the trade data's other partners); other codes
    are returned as they are."""
    try:
        return country_name(iso3)
    except (KeyError, CourseError):
        return _OTHER_PARTNERS.get(iso3, iso3)


def the_name(iso3: str) -> str:
    """:func:`name` as a sentence needs it: 'the European Union', 'the United States', 'China'."""
    return ("the " if iso3 in ("EUU", "USA", "GBR") else "") + name(iso3)


def source(*dataset_names: str) -> str:
    """The source line(s) of one or more datasets, from the datapackage, de-duplicated."""
    parts = []
    for n in dataset_names:
        line = datasets.source_line(n)
        for part in line.removeprefix("Source: ").split("; "):
            if part not in parts:
                parts.append(part)
    return "Source: " + "; ".join(parts)


def _words(text: str) -> set:
    return {w.casefold() for w in re.findall(r"[A-Za-z0-9]+", str(text))}


def source_matching(dataset: str, texts) -> str:
    """The dataset's source line, keeping only the parts whose words all occur in one of ``texts`` (e.g.
    the ``vintage`` values of the rows shown); the whole line when no part matches. When several parts
    match the same text, the most specific (most words) is kept: 'OWID/Ember (2025)' rather than
    'OWID/Ember' for a 2025 vintage."""
    parts = datasets.source_line(dataset).removeprefix("Source: ").split("; ")
    keys = [_words(re.sub(r"\s*\([^()]*\)\s*$", "", part)) for part in parts]  # drop the trailing '(licence)'
    kept = set()
    for vocab in (_words(t) for t in texts):
        hits = [i for i, key in enumerate(keys) if key <= vocab]
        if hits:
            best = max(len(keys[i]) for i in hits)
            kept.update(i for i in hits if len(keys[i]) == best)
    return "Source: " + "; ".join([parts[i] for i in sorted(kept)] or parts)


def indicator_source(codes) -> str:
    """Source line for WDI indicators: the 'indicators' dataset's line, keeping the IEA part only when one
    of the indicators comes from IEA statistics (per the catalogue), plus a note on derived series."""
    rows = [indicator_info(c) for c in codes]
    parts = datasets.source_line("indicators").removeprefix("Source: ").split("; ")
    iea = any("IEA" in str(r.source) for r in rows)
    kept = [p for p in parts if iea or "IEA" not in p] or parts
    line = "Source: " + "; ".join(kept)
    derived = [r for r in rows if bool(r.derived)]
    if derived:
        line += "; derived by scocourse: " + "; ".join(f"{r.short_name} = {r.formula}" for r in derived)
    return line


def check_frame(data, required, what: str):
    """Check that ``data`` is a DataFrame with the ``required`` columns; return a copy."""
    import pandas as pd

    if not isinstance(data, pd.DataFrame):
        raise WrongTypeError(f"data= should be a pandas DataFrame shaped like datasets.load('{what}'), "
                             f"not {type(data).__name__}.")
    missing = [c for c in required if c not in data.columns]
    if missing:
        raise WrongTypeError(f"data= is missing the column(s) {', '.join(missing)}; it should be shaped like "
                             f"datasets.load('{what}') (columns {', '.join(required)}).")
    return data.copy()


def spread(values, gap: float, lo: float | None = None, hi: float | None = None) -> list[float]:
    """Move label positions apart so neighbours are at least ``gap`` apart, keeping their order.

    Overlapping labels are merged into clusters centred on their targets (then kept within lo–hi).
    Returns the new positions in the input order.
    """
    n = len(values)
    if n == 0:
        return []
    order = sorted(range(n), key=lambda i: (float(values[i]), i))
    targets = [float(values[i]) for i in order]
    clusters = [[k] for k in range(n)]  # indices into targets

    def place(cluster):
        first = sum(targets[k] for k in cluster) / len(cluster) - gap * (len(cluster) - 1) / 2
        if lo is not None:
            first = max(first, lo)
        if hi is not None:
            first = min(first, hi - gap * (len(cluster) - 1))
        return first

    changed = True
    while changed:
        changed = False
        for j in range(len(clusters) - 1):
            a, b = clusters[j], clusters[j + 1]
            if place(b) - (place(a) + gap * (len(a) - 1)) < gap - 1e-12:
                clusters[j:j + 2] = [a + b]
                changed = True
                break
    out = [0.0] * n
    for cluster in clusters:
        first = place(cluster)
        for m, k in enumerate(cluster):
            out[order[k]] = first + m * gap
    return out
