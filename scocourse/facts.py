"""Facts computed from the datasets, each in one place.

Charts, explorers, question banks and notebooks call these rather than computing their own
version, so a fact has one meaning everywhere:

- :func:`central_asia` — the five Central Asian states (from the ``countries`` dataset).
- :func:`membership_changes` — every dated change of SCO status (a spell starting or ending).
- :func:`latest_membership_change` — the date of the latest change that has happened.
- :func:`partner_shares` — partners' shares in a country's trade, read from either side of the
  records (the country's own, or its partners' mirror records), and saying which.
- :func:`latest_complete_year` — the latest year in which indicators have a value for every country asked
  (and the World), so a comparison never mixes years.
- :func:`pick_vintage`, :func:`vintage_order` — which release (vintage) of electricity data a chart,
  an explorer or a question uses for a country: the newest that covers it, never two added or spliced.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import datasets
from ._lookup import check_years, country, resolve_countries
from .errors import OutOfRangeError, UnknownNameError, WrongTypeError, did_you_mean

if TYPE_CHECKING:  # pandas is imported when data is first loaded, not with the package
    import pandas

__all__ = ["central_asia", "membership_changes", "latest_membership_change", "partner_shares", "TRADE_SIDES",
           "pick_vintage", "vintage_order", "latest_complete_year"]

#: The two sides of a bilateral trade record, as ``partner_shares(side=...)`` reads them.
TRADE_SIDES = {
    "reporter": "the country's own customs records (its exports to and imports from each partner)",
    "partner": "the partners' records of their trade with the country (mirror data: each partner's imports "
               "from and exports to it)",
}


def central_asia() -> list[str]:
    """Return the ISO3 codes of the five Central Asian states, sorted (from the ``countries`` dataset).

    Turkmenistan is included: it is Central Asian but not an SCO member (see :func:`scocourse.members`).
    """
    c = datasets.load("countries")
    return sorted(c.loc[c["central_asia"].fillna(False).astype(bool), "iso3"].astype(str))


def membership_changes() -> pandas.DataFrame:
    """Return every dated change of SCO status as a DataFrame, oldest first.

    Returns
    -------
    pandas.DataFrame
        Columns ``date`` (datetime.date, a calendar day), ``iso3``, ``country``, ``status``, ``change`` —
        ``"starts"`` on the first day a status holds, ``"ends"`` on the first day it no longer holds (a spell
        covers ``start <= day < end``, as in :func:`scocourse.members`).
    """
    import pandas as pd

    m = datasets.load("membership")
    rows = []
    for r in m.itertuples(index=False):
        rows.append((r.start.date(), r.iso3, r.country, r.status, "starts"))
        if r.end is not None and r.end == r.end:
            rows.append((r.end.date(), r.iso3, r.country, r.status, "ends"))
    out = pd.DataFrame(rows, columns=["date", "iso3", "country", "status", "change"])
    return out.sort_values(["date", "change", "iso3", "status"], kind="mergesort").reset_index(drop=True)


def latest_membership_change(today: _dt.date | None = None) -> _dt.date:
    """Return the date of the latest status change (a spell starting or ending) on or before ``today``.

    Charts and explorers use this date, not the clock, so their outputs do not change from day to day.

    Parameters
    ----------
    today : datetime.date, optional
        The day to look back from (default: the clock's date). Changes dated after it (decided but not
        yet in force) are not counted.

    Raises
    ------
    OutOfRangeError
        No change on or before ``today``.
    """
    today = today or _dt.date.today()
    dates = [d for d in membership_changes()["date"] if d <= today]
    if not dates:
        raise OutOfRangeError(f"No membership change on or before {today.isoformat()}.")
    return max(dates)


def partner_shares(countries: str | Iterable[str] | None = None, partners: str | Iterable[str] | None = None,
                   years: Any = None, side: str = "reporter", data: pandas.DataFrame | None = None) -> pandas.DataFrame:
    """Return partners' shares in each country's merchandise trade, read from one side of the records.

    Parameters
    ----------
    countries : str or list of str, optional
        The countries whose trade is split (names or ISO3 codes). Default: :func:`central_asia`.
    partners : str or list of str, optional
        Partner codes (``"CHN"``, ``"RUS"``, ``"EUU"``, ``"USA"``, ...). Default: every partner in the data.
    years : int, (first, last) or list of int, optional
        Years to keep. Default: every year with data.
    side : {"reporter", "partner"}
        ``"reporter"``: the country's own records — (its exports to P + its imports from P).
        ``"partner"``: P's records of the same trade (mirror data) — (P's imports from the country +
        P's exports to it). Only the 28 course countries report in the dataset, so the partner side
        has no EU, US, UK, ... rows. The two sides differ (CIF/FOB valuation, re-exports, shuttle
        trade, unrecorded trade, estimates).
    data : DataFrame, optional
        A ``trade``-shaped frame to use instead of the dataset (for tests).

    Returns
    -------
    DataFrame
        One row per country, partner and year: ``country``, ``partner``, ``year``, ``side``,
        ``value`` (two-way trade recorded on that side, US$ million), ``total`` (the country's own
        reported two-way trade with the World, US$ million), ``share`` (``100 * value / total``, %),
        ``estimated`` (any flow used is an IMF estimate). Either side is divided by the country's own
        world total, the only world total there is; a partner-side share can therefore exceed what the
        country reports, even 100 %, and that gap is the point. Years lacking either flow of a pair,
        or the country's world total, are left out rather than counted as zero.
    """
    import pandas as pd

    if side not in TRADE_SIDES:
        raise UnknownNameError(f"side={side!r} is not a side of the trade records.{did_you_mean(str(side), TRADE_SIDES)} "
                               "Use 'reporter' (the country's own records) or 'partner' (its partners' mirror records).")
    if data is None:
        df = datasets.load("trade")
    elif not isinstance(data, pd.DataFrame) or not {"reporter", "partner", "flow", "year", "value"} <= set(data.columns):
        raise WrongTypeError("data= should be a DataFrame shaped like datasets.load('trade') "
                             "(columns reporter, partner, flow, year, value).")
    else:
        df = data.copy()
    if "estimated" not in df.columns:
        df = df.assign(estimated=False)
    df = df.dropna(subset=["value"])
    codes = central_asia() if countries is None else resolve_countries(countries)
    if partners is None:
        parts = None
    elif isinstance(partners, str):
        parts = [partners.upper() if len(partners) == 3 and partners.upper() in set(df["partner"]) else country(partners)]
    else:
        try:
            parts = [p.upper() if len(p) == 3 and p.upper() in set(df["partner"]) else country(p) for p in partners]
        except TypeError:
            raise WrongTypeError("partners should be a code or a list of codes such as ['CHN', 'RUS'].") from None
    # the country's own world total (exports + imports, both needed)
    own_world = df[df["reporter"].isin(codes) & (df["partner"] == "WLD")]
    total = own_world.groupby(["reporter", "year"]).agg(total=("value", "sum"), flows=("flow", "nunique"),
                                                        est_total=("estimated", "any")).reset_index()
    total = total[(total["flows"] == 2) & (total["total"] != 0)].drop(columns="flows")
    total = total.rename(columns={"reporter": "country"})
    if side == "reporter":
        pairs = df[df["reporter"].isin(codes) & (df["partner"] != "WLD")]
        pairs = pairs.rename(columns={"reporter": "country"})
    else:
        pairs = df[df["partner"].isin(codes)].rename(columns={"reporter": "partner", "partner": "country"})
    if parts is not None:
        pairs = pairs[pairs["partner"].isin(parts)]
    g = pairs.groupby(["country", "partner", "year"]).agg(value=("value", "sum"), flows=("flow", "nunique"),
                                                          estimated=("estimated", "any")).reset_index()
    g = g[g["flows"] == 2].drop(columns="flows")
    out = g.merge(total, on=["country", "year"])
    wanted = check_years(years, int(df["year"].min()), int(df["year"].max()), "The IMF DOTS trade data")
    if wanted is not None:
        out = out[out["year"].isin(wanted)]
    missing = [c for c in codes if c not in set(out["country"])]
    if len(missing) == len(codes):
        raise OutOfRangeError(f"The trade data have no {side}-side flows with a world total for "
                              f"{', '.join(missing)} in the years asked.")
    out = pd.DataFrame({"country": out["country"].astype(str), "partner": out["partner"].astype(str),
                        "year": out["year"].astype(int), "side": side,
                        "value": out["value"].astype(float), "total": out["total"].astype(float),
                        "share": 100 * out["value"].astype(float) / out["total"].astype(float),
                        "estimated": out["estimated"].astype(bool) | out["est_total"].astype(bool)})
    return out.sort_values(["country", "year", "share", "partner"], ascending=[True, True, False, True],
                           kind="mergesort").reset_index(drop=True)


def vintage_order(vintages) -> list[str]:
    """Return the vintages newest first: by the latest year named in the text ('OWID chart download 2025
    (...)'), then by the text itself."""
    def key(v):
        years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", str(v))]
        return (max(years, default=0), str(v))

    return sorted({str(v) for v in vintages}, key=key, reverse=True)


def pick_vintage(df, iso3: str, years=None) -> tuple[str, list[int]]:
    """Return the electricity vintage to use for one country, and that vintage's years with data.

    Parameters
    ----------
    df : DataFrame
        Electricity-generation rows of ``datasets.load("energy")`` (iso3, year, value in TWh, vintage).
    iso3 : str
        The country.
    years : list of int, optional
        The years asked (default: all).

    The chosen vintage is the newest (:func:`vintage_order`) that has the latest year with data among the
    years asked in any vintage, so a newer release that stops earlier for a country (or misses it) is not
    used for it, and vintages are never spliced. Raises OutOfRangeError when no vintage has data.
    """
    tot = df.loc[df["iso3"] == iso3].groupby(["vintage", "year"])["value"].sum()
    have: dict[str, list[int]] = {}
    for (v, y), total in tot.items():
        if total > 0 and (years is None or y in years):
            have.setdefault(v, []).append(int(y))
    have = {v: sorted(ys) for v, ys in have.items()}
    if not have:
        from ._lookup import country_name
        raise OutOfRangeError(f"There is no electricity generation data for {country_name(iso3)}"
                              + (" in those years." if years is not None else "."))
    latest = max(ys[-1] for ys in have.values())
    chosen = next(v for v in vintage_order(have) if have[v][-1] == latest)
    return chosen, have[chosen]


def latest_complete_year(series, countries, world: bool = True) -> int:
    """Return the latest year in which every indicator in ``series`` has a value for every country.

    Parameters
    ----------
    series : str or list of str
        Indicator short names or WDI codes (see ``datasets.load("indicator_catalog")``).
    countries : list of str
        Countries (names or ISO3 codes).
    world : bool
        Also require the World Bank's world aggregate (``WLD``), for shares of the world.

    Raises OutOfRangeError when no year is complete.
    """
    from ._lookup import indicator

    names = [series] if isinstance(series, str) else list(series)
    codes = resolve_countries(countries) + (["WLD"] if world else [])
    years: set[int] | None = None
    for name in names:
        have = indicator(name, countries=codes).dropna(subset=["value"]).groupby("year")["iso3"].nunique()
        complete = {int(y) for y in have[have == len(set(codes))].index}
        years = complete if years is None else years & complete
    if not years:
        raise OutOfRangeError(f"No year has {', '.join(names)} for all of {', '.join(codes)}.")
    return max(years)
