"""Look-ups every lesson uses: country codes, membership on a date, and indicator series.

All three answer bad input with a :mod:`scocourse.errors` error whose message helps:
an unknown country suggests the nearest names, an unknown indicator lists the valid
ones, a year outside the data says the range covered.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from . import datasets
from .errors import (OutOfRangeError, UnknownCountryError, UnknownIndicatorError, UnknownNameError, WrongTypeError,
                     did_you_mean)

if TYPE_CHECKING:  # pandas is imported when data is first loaded, not with the package
    import pandas

__all__ = ["country", "country_name", "members", "status_on", "indicator", "indicator_info", "indicator_catalog",
           "resolve_countries", "check_years", "as_date", "check_date_range", "STATUSES"]

WORLD = "WLD"
STATUSES = ("shanghai_five", "founding_member", "member", "observer", "dialogue_partner", "partner")
_STATUS_GROUPS = {
    "member": ("founding_member", "member"),  # founding members are members
    "any": STATUSES,
}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\W_]+", " ", text)  # letters of any script (Кыргызстан, Oʻzbekiston) and digits
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict, dict, list]:
    df = datasets.load("countries")
    index, display, names = {}, {}, []
    for iso3, name, aliases in df[["iso3", "name", "aliases"]].itertuples(index=False):
        display[iso3] = name
        names.append(name)
        for n in [iso3, name] + [a for a in str(aliases).split(";") if a]:
            index.setdefault(_norm(n), iso3)
    for n in ("World", "WLD", "world total"):
        index[_norm(n)] = WORLD
    display[WORLD] = "World"
    return index, display, sorted(names)


def country(name_or_code: str) -> str:
    """Return the ISO3 code of a course country, given a name, alias or code.

    Case, accents and punctuation do not matter: ``country("kyrgyz republic")``,
    ``country("Türkiye")`` and ``country("kaz")`` all work. ``"World"`` gives ``"WLD"``.

    Parameters
    ----------
    name_or_code : str
        A country name, alias or ISO3 code of one of the 28 course countries, or ``"World"``.

    Raises
    ------
    UnknownCountryError
        Not a course country (a ``KeyError``); the message suggests the nearest names.
    WrongTypeError
        Not a string.
    """
    if not isinstance(name_or_code, str):
        raise WrongTypeError(f"A country should be given as a name or ISO3 code string such as 'Kazakhstan' or 'KAZ', "
                             f"not {type(name_or_code).__name__} {name_or_code!r}.")
    index, _display, names = _country_index()
    hit = index.get(_norm(name_or_code))
    if hit:
        return hit
    options = names + [k.upper() for k in _display if len(k) == 3]
    hint = did_you_mean(name_or_code, names) or did_you_mean(name_or_code, options)
    raise UnknownCountryError(f"'{name_or_code}' is not one of the course countries.{hint} "
                              f"See scocourse.datasets.load('countries') for the list.")


def country_name(name_or_code: str) -> str:
    """Return the display name of a country (e.g. 'KGZ' -> 'Kyrgyzstan').

    Parameters
    ----------
    name_or_code : str
        As for :func:`country`.
    """
    return _country_index()[1][country(name_or_code)]


def resolve_countries(countries: str | Iterable[str] | None) -> list[str] | None:
    """Return the ISO3 codes of ``countries`` (a name, a code, or a list of them), or None for None.

    Parameters
    ----------
    countries : str, iterable of str or None
        Country names, aliases or ISO3 codes (see :func:`country`).

    Raises
    ------
    UnknownCountryError
        A name is not a course country (a ``KeyError``).
    WrongTypeError
        ``countries`` is neither a string nor an iterable of strings.
    """
    if countries is None:
        return None
    if isinstance(countries, str):
        countries = [countries]
    try:
        items = list(countries)
    except TypeError:
        raise WrongTypeError(f"countries should be a name, a code or a list of them, not {type(countries).__name__}.") from None
    return [country(c) for c in items]


def as_date(on: Any = None) -> _dt.date:
    """Return the day ``on`` stands for, as the look-ups read it.

    Parameters
    ----------
    on : str, int, datetime.date, datetime.datetime, pandas.Timestamp or None
        ``'YYYY-MM-DD'``; ``'YYYY-MM'`` (the month's last day); a year as int or ``'YYYY'``
        (31 December); ``'today'`` or None (today's date).

    Raises
    ------
    WrongTypeError
        ``on`` cannot be read as a date.
    """
    import pandas as pd

    if on is None:
        return _dt.date.today()
    if isinstance(on, bool):
        raise WrongTypeError("on= should be a date such as '2017-06-09', a datetime.date or a year, not a bool.")
    if isinstance(on, int):
        return _dt.date(on, 12, 31)
    if isinstance(on, (_dt.datetime, pd.Timestamp)):
        return on.date() if not isinstance(on, pd.Timestamp) else on.to_pydatetime().date()
    if isinstance(on, _dt.date):
        return on
    if isinstance(on, str):
        s = on.strip().lower()
        if s == "today":
            return _dt.date.today()
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s)
        if m:
            y, mo, d = int(m.group(1)), m.group(2), m.group(3)
            try:
                if d:
                    return _dt.date(y, int(mo), int(d))
                if mo:
                    nxt = _dt.date(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
                    return nxt - _dt.timedelta(days=1)
                return _dt.date(y, 12, 31)
            except ValueError:
                pass
        raise WrongTypeError(f"'{on}' is not a date I can read: use 'YYYY-MM-DD' (e.g. '2017-06-09'), 'YYYY-MM' or a year.")
    raise WrongTypeError(f"on= should be a date such as '2017-06-09', a datetime.date or a year, not {type(on).__name__}.")


@lru_cache(maxsize=1)
def _spells():
    df = datasets.load("membership")
    return [(r.iso3, r.status, r.start.date(), None if r.end is None or r.end != r.end else r.end.date())
            for r in df.itertuples(index=False)]


def _statuses(status) -> tuple[str, ...]:
    if isinstance(status, str):
        if status in _STATUS_GROUPS:
            return _STATUS_GROUPS[status]
        if status in STATUSES:
            return (status,)
        valid = list(STATUSES) + ["any"]
        raise UnknownNameError(f"'{status}' is not a membership status.{did_you_mean(status, valid)} "
                               f"Valid statuses: {', '.join(valid)} ('member' includes founding members).")
    if isinstance(status, (list, tuple, set, frozenset)):
        out = []
        for s in status:
            out.extend(_statuses(s))
        return tuple(dict.fromkeys(out))
    raise WrongTypeError(f"status should be a string such as 'member' or a list of them, not {type(status).__name__}.")


def check_date_range(day: _dt.date) -> None:
    """Raise :class:`OutOfRangeError` unless ``day`` lies between the first Shanghai Five summit and today."""
    first = min(s[2] for s in _spells())
    today = _dt.date.today()
    if day < first or day > today:
        raise OutOfRangeError(f"{day.isoformat()} is outside the membership data, which run from {first.isoformat()} "
                              f"(the first Shanghai Five summit) to today ({today.isoformat()}).")


def members(on: Any = None, status: str | Iterable[str] = "member") -> list[str]:
    """Return the sorted ISO3 codes of the countries holding ``status`` on date ``on``.

    A spell counts from its start date up to, not including, its end date.

    Parameters
    ----------
    on : str, int, datetime.date or None
        The day: 'YYYY-MM-DD', 'YYYY-MM' (end of month), a year (31 December), a date, or None
        (today); see :func:`as_date`.
    status : str or list of str
        'member' (founding members included), 'founding_member', 'shanghai_five', 'observer',
        'dialogue_partner', 'partner', 'any', or a list of them.

    Raises
    ------
    OutOfRangeError
        ``on`` is before the first Shanghai Five summit (1996-04-26) or after today.
    UnknownNameError
        An unknown status (a ``KeyError``).
    """
    wanted = _statuses(status)
    day = as_date(on)
    check_date_range(day)
    return sorted({iso3 for iso3, st, start, end in _spells()
                   if st in wanted and start <= day and (end is None or day < end)})


def status_on(name_or_code: str, on: Any = None) -> str | None:
    """Return the SCO status a country held on a date ('member', 'observer', …) or None.

    Parameters
    ----------
    name_or_code : str
        As for :func:`country`.
    on : str, int, datetime.date or None
        As for :func:`members` (default today).
    """
    iso3 = country(name_or_code)
    day = as_date(on)
    check_date_range(day)
    for c, st, start, end in _spells():
        if c == iso3 and start <= day and (end is None or day < end):
            return st
    return None


@lru_cache(maxsize=1)
def _catalog() -> Mapping[str, Any]:
    cat = datasets.load("indicator_catalog")
    by = {}
    for r in cat.itertuples(index=False):
        by[r.indicator.casefold()] = r
        by[r.short_name.casefold()] = r
    return MappingProxyType(by)


def indicator_catalog() -> Mapping[str, Any]:
    """Return the indicator catalogue as a read-only mapping, keyed by casefolded WDI code *and* short name.

    Each value is a row of ``datasets.load('indicator_catalog')`` (a named tuple with ``indicator``,
    ``short_name``, ``name``, ``unit``, ``derived``, ...), so ``indicator_catalog()['population'].unit``
    works. Cached: the same mapping every call.
    """
    return _catalog()


def indicator_info(code_or_short_name: str) -> Any:
    """Return the catalogue row of an indicator given by WDI code or short name (case does not matter).

    Parameters
    ----------
    code_or_short_name : str
        A WDI code (``'SP.POP.TOTL'``) or a short name (``'population'``).

    Returns
    -------
    named tuple
        The ``indicator_catalog`` row: ``.indicator`` (code), ``.short_name``, ``.name``, ``.unit``, ...

    Raises
    ------
    UnknownIndicatorError
        Not in the catalogue (a ``KeyError``); the message suggests close names and lists the valid ones.
    WrongTypeError
        Not a string.
    """
    if not isinstance(code_or_short_name, str):
        raise WrongTypeError(f"The indicator should be a code or short name string such as 'population', "
                             f"not {type(code_or_short_name).__name__} {code_or_short_name!r}.")
    cat = _catalog()
    row = cat.get(code_or_short_name.strip().casefold())
    if row is None:
        shorts = sorted({r.short_name for r in cat.values()})
        codes = sorted({r.indicator for r in cat.values()})
        hint = did_you_mean(code_or_short_name, shorts + codes)
        raise UnknownIndicatorError(f"'{code_or_short_name}' is not an indicator.{hint} Valid short names: "
                                    f"{', '.join(shorts)} (or their WDI codes; see datasets.describe('indicator_catalog')).")
    return row


@lru_cache(maxsize=1)
def _indicator_table():
    return datasets.load("indicators")


@lru_cache(maxsize=None)
def _series(code: str):
    df = _indicator_table()
    return df[df["indicator"] == code]


def check_years(years: Any, lo: int, hi: int, what: str) -> list[int] | None:
    """Return the list of years ``years`` stands for, checked against the range ``lo``–``hi`` of the data.

    Parameters
    ----------
    years : int, (int, int), range, list of int or None
        A year; an inclusive ``(first, last)`` pair; a range or list of years; None (all years: returns None).
    lo, hi : int
        First and last year (calendar years) the data cover.
    what : str
        What the data are, for the error message (e.g. ``"'population' (SP.POP.TOTL)"``).

    Raises
    ------
    OutOfRangeError
        No year asked for lies within ``lo``–``hi``.
    WrongTypeError
        ``years`` is not one of the forms above.
    """
    if years is None:
        return None
    if isinstance(years, bool):
        raise WrongTypeError("years should be a year, a range, a (start, end) pair or a list of years, not a bool.")
    if isinstance(years, int):
        wanted = [years]
    elif isinstance(years, tuple) and len(years) == 2 and all(isinstance(y, int) for y in years):
        wanted = list(range(years[0], years[1] + 1))
    elif isinstance(years, (range, list, set, frozenset, tuple)):
        wanted = list(years)
        if not all(isinstance(y, int) and not isinstance(y, bool) for y in wanted):
            raise WrongTypeError("years should contain whole years such as 2020.")
    else:
        raise WrongTypeError(f"years should be a year, a range, a (start, end) pair or a list of years, "
                             f"not {type(years).__name__} {years!r}.")
    if not wanted or max(wanted) < lo or min(wanted) > hi:
        shown = f"{min(wanted)}–{max(wanted)}" if wanted else "no years"
        raise OutOfRangeError(f"{what} has data for {lo}–{hi}; you asked for {shown}.")
    return wanted




def indicator(code_or_short_name: str, countries: str | Iterable[str] | None = None,
              years: Any = None) -> pandas.DataFrame:
    """Return a tidy DataFrame (iso3, country, year, value, unit) of one indicator.

    Parameters
    ----------
    code_or_short_name : str
        A WDI code ('SP.POP.TOTL') or short name ('population'); see :func:`indicator_catalog` or
        ``scocourse.datasets.load('indicator_catalog')``.
    countries : str or list of str, optional
        Names or codes (None = all 28 course countries; add 'World' for the World Bank aggregate).
    years : int, (int, int), range or list of int, optional
        Calendar years: a year, a ``range``, an inclusive ``(start, end)`` pair or a list.

    Returns
    -------
    pandas.DataFrame
        Columns ``iso3``, ``country``, ``year``, ``value`` (in the indicator's unit) and ``unit``
        (e.g. 'current US$', '% of GDP', 'persons'), sorted by country and year.
    """
    row = indicator_info(code_or_short_name)
    codes = resolve_countries(countries)
    s = _series(row.indicator)
    if codes is None:
        s = s[s["iso3"] != WORLD]
    else:
        s = s[s["iso3"].isin(codes)]
    if len(s):
        wanted = check_years(years, int(s["year"].min()), int(s["year"].max()), f"'{row.short_name}' ({row.indicator})")
        if wanted is not None:
            s = s[s["year"].isin(wanted)]
    elif years is not None:
        check_years(years, 0, 9999, row.short_name)  # type check only
    display = _country_index()[1]
    out = s[["iso3", "year", "value"]].copy()
    out.insert(1, "country", out["iso3"].map(display))
    out["unit"] = row.unit
    return out.sort_values(["iso3", "year"], kind="mergesort").reset_index(drop=True)
