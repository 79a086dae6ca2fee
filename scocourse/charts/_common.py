"""Shared data helpers of the chart modules: validation through the data layer, names, sources, labels."""
from __future__ import annotations

import datetime as _dt

from .. import datasets
from .._lookup import _as_date, _catalog, _check_date_range, _countries, _years, country, country_name, indicator
from ..errors import OutOfRangeError, UnknownIndicatorError, UnknownNameError, WrongTypeError, did_you_mean

__all__ = ["central_asia", "resolve_countries", "name", "source", "source_matching", "indicator_source", "catalog_row", "check_frame", "check_years",
           "as_date", "check_date", "spread", "country", "indicator", "OutOfRangeError", "UnknownNameError",
           "WrongTypeError", "did_you_mean"]


def central_asia() -> list[str]:
    """ISO3 codes of the five Central Asian states (countries dataset, ``central_asia`` true), sorted."""
    df = datasets.load("countries")
    return sorted(df.loc[df["central_asia"].astype(bool), "iso3"].tolist())


def resolve_countries(countries, default) -> list[str]:
    """Validate ``countries`` with :func:`scocourse.country` (raises UnknownCountryError); None -> default."""
    if countries is None:
        return list(default)
    codes = _countries(countries)
    if not codes:
        raise WrongTypeError("countries is empty: give at least one country name or code.")
    return list(dict.fromkeys(codes))


def name(iso3: str) -> str:
    """Display name of a code (course countries and 'World'); other codes are returned as they are."""
    try:
        return country_name(iso3)
    except Exception:
        return iso3


def source(*dataset_names: str) -> str:
    """The source line(s) of one or more datasets, from the datapackage, de-duplicated."""
    parts = []
    for n in dataset_names:
        line = datasets.source_line(n)
        for part in line.removeprefix("Source: ").split("; "):
            if part not in parts:
                parts.append(part)
    return "Source: " + "; ".join(parts)


def source_matching(dataset: str, texts) -> str:
    """The dataset's source line, keeping only the parts whose words all occur in one of ``texts`` (e.g.
    the ``vintage`` values of the rows shown); the whole line when no part matches."""
    import re

    def words(t: str) -> set:
        return {w.casefold() for w in re.findall(r"[A-Za-z0-9]+", t)}

    parts = datasets.source_line(dataset).removeprefix("Source: ").split("; ")
    vocab = [words(str(t)) for t in texts]
    kept = []
    for part in parts:
        key = words(re.sub(r"\s*\([^()]*\)\s*$", "", part))  # drop the trailing '(licence)'
        if any(key <= v for v in vocab):
            kept.append(part)
    return "Source: " + "; ".join(kept or parts)


def indicator_source(codes) -> str:
    """Source line for WDI indicators: the 'indicators' dataset's line, keeping the IEA part only when one
    of the indicators comes from IEA statistics (per the catalogue), plus a note on derived series."""
    rows = [catalog_row(c) for c in codes]
    parts = datasets.source_line("indicators").removeprefix("Source: ").split("; ")
    iea = any("IEA" in str(r.source) for r in rows)
    kept = [p for p in parts if iea or "IEA" not in p] or parts
    line = "Source: " + "; ".join(kept)
    derived = [r for r in rows if bool(r.derived)]
    if derived:
        line += "; derived by scocourse: " + "; ".join(f"{r.short_name} = {r.formula}" for r in derived)
    return line


def catalog_row(code_or_short: str):
    """The indicator catalogue row (raises the data layer's UnknownIndicatorError via ``indicator``)."""
    if not isinstance(code_or_short, str):
        indicator(code_or_short)  # raises WrongTypeError with the data layer's message
    row = _catalog().get(code_or_short.strip().casefold())
    if row is None:
        indicator(code_or_short)  # raises UnknownIndicatorError listing the valid names
        raise UnknownIndicatorError(f"'{code_or_short}' is not an indicator.")
    return row


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


def check_years(years, lo: int, hi: int, what: str):
    """Validate ``years`` (year, range, (start, end) or list) against lo–hi; None -> None."""
    return _years(years, int(lo), int(hi), what)


def as_date(on) -> _dt.date:
    """Parse a date like :func:`scocourse.members` does ('YYYY-MM-DD', 'YYYY-MM', year, date)."""
    return _as_date(on)


def check_date(day: _dt.date) -> None:
    """Raise OutOfRangeError if ``day`` is outside the membership data (first summit – today)."""
    _check_date_range(day)


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
        centre = sum(targets[k] for k in cluster) / len(cluster)
        first = centre - gap * (len(cluster) - 1) / 2
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
            top_a = place(a) + gap * (len(a) - 1)
            if place(b) - top_a < gap - 1e-12:
                clusters[j:j + 2] = [a + b]
                changed = True
                break
    out = [0.0] * n
    for cluster in clusters:
        first = place(cluster)
        for m, k in enumerate(cluster):
            out[order[k]] = first + m * gap
    return out
