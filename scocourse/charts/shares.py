"""'Share of the world' bars: SCO members, observers and partners against the world total.

Two sources: ``"wdi"`` computes the shares from World Bank WDI (population, surface area, GDP at market
prices and at PPP; the world total is the ``WLD`` aggregate) for the membership on 31 December of the
year; ``"seed_2014"`` uses the area and population shares as printed in the 2014 Valdai report
(``seed_2014_tables``; that report gives no GDP share, and the chart says so).
"""
from __future__ import annotations

from . import _format as fmt
from . import _layout as lay
from . import style
from ._common import check_frame, indicator_source, name
from ._common import source as dataset_source
from .figure import chart, finish, hatch_on, key_legend, legend_above, new_figure, new_figure_with_key, text_on
from .._lookup import check_years, indicator_info
from ..errors import OutOfRangeError, UnknownNameError, WrongTypeError, did_you_mean

__all__ = ["world_shares", "world_shares_then_now", "world_shares_data", "describe_world_shares",
           "world_shares_then_now_data", "describe_world_shares_then_now", "wdi_shares", "seed_2014_shares"]

SOURCES = ("wdi", "seed_2014")
GROUPS = ("member", "observer", "dialogue_partner", "partner")
GROUP_LABELS = {"member": "Members", "observer": "Observers", "dialogue_partner": "Dialogue partners",
                "partner": "Partners"}
_WDI_MEASURES = (("population", "Population"), ("surface_area", "Area"), ("gdp", "GDP (US$)"),
                 ("gdp_ppp", "GDP (PPP)"))
_SEED_MEASURES = (("population", "Population"), ("area", "Area"), ("gdp", "GDP"))
_REST = "#EEEEEE"


def _groups_on(year: int) -> dict:
    from .._lookup import members
    on = f"{year}-12-31"
    return {g: members(on=on, status=g) for g in GROUPS}


def _wdi_frame(data):
    from .. import datasets

    if data is None:
        df = datasets.load("indicators")
    else:
        df = check_frame(data, ["iso3", "indicator", "year", "value"], "indicators")
        df["indicator"] = [indicator_info(str(c)).indicator for c in df["indicator"]]
    codes = {indicator_info(short).indicator: short for short, _ in _WDI_MEASURES}
    df = df[df["indicator"].isin(list(codes))].copy()
    df["measure"] = df["indicator"].map(codes)
    return df.dropna(subset=["value"])


def wdi_shares(year: int | None = None, data=None) -> dict:
    """Return the WDI shares of the world (%) for the membership on 31 December of ``year``.

    Result: ``{"year", "groups": {group: [iso3]}, "shares": {measure: {group: %}},
    "missing": {measure: [iso3 without data]}}``; measures population, surface_area, gdp, gdp_ppp.
    ``year`` None = the latest year in which every measure has the world total and every country of
    every group.
    """
    df = _wdi_frame(data)
    if not len(df):
        raise OutOfRangeError("The data hold none of the indicators population, surface_area, gdp, gdp_ppp.")
    lo, hi = int(df["year"].min()), int(df["year"].max())
    table = {(m, int(y), c): float(v) for m, y, c, v in zip(df["measure"], df["year"], df["iso3"], df["value"])}
    measures = [m for m, _ in _WDI_MEASURES]

    def complete(y: int) -> bool:
        try:
            groups = _groups_on(y)
        except OutOfRangeError:
            return False
        codes = [c for g in groups.values() for c in g] + ["WLD"]
        return all((m, y, c) in table for m in measures for c in codes)

    if year is None:
        candidates = [y for y in range(hi, lo - 1, -1) if complete(y)]
        if not candidates:
            raise OutOfRangeError(f"No year between {lo} and {hi} has every measure for every member and the world.")
        year = candidates[0]
    else:
        if not isinstance(year, int) or isinstance(year, bool):
            raise WrongTypeError(f"year= should be a year such as 2023, not {type(year).__name__} {year!r}.")
        check_years(year, lo, hi, "The WDI world shares")
    groups = _groups_on(year)
    shares, missing = {}, {}
    for m in measures:
        world = table.get((m, year, "WLD"))
        shares[m], missing[m] = {}, []
        for g, codes in groups.items():
            if not codes:
                continue
            have = [c for c in codes if (m, year, c) in table]
            missing[m].extend(c for c in codes if (m, year, c) not in table)
            if world and have:
                shares[m][g] = 100 * sum(table[(m, year, c)] for c in have) / world
    return {"year": year, "groups": groups, "shares": shares, "missing": missing}


def seed_2014_shares(data=None) -> dict:
    """Return the shares of the world (%) printed in the 2014 Valdai report (``seed_2014_tables``).

    Result: ``{"shares": {"population"|"area": {group: %}}, "groups": {group: [iso3]}}``; groups
    member, observer, dialogue_partner. The report gives no GDP share. Where a share row is absent it is
    computed from the group total and the world total printed in the same table.
    """
    from .. import datasets

    df = datasets.load("seed_2014_tables") if data is None else check_frame(
        data, ["table", "iso3", "group", "measure", "value"], "seed_2014_tables")
    shares, groups = {}, {}
    for m in ("population", "area"):
        sub = df[df["table"] == m]
        shares[m] = {}
        world = sub.loc[sub["measure"] == f"{m}_total"]
        world = world[world["group"] == "world"]["value"]
        for g in ("member", "observer", "dialogue_partner"):
            row = sub[(sub["group"] == g) & (sub["measure"] == f"{m}_share_of_world")]["value"].dropna()
            if len(row):
                shares[m][g] = float(row.iloc[0])
            else:
                tot = sub[(sub["group"] == g) & (sub["measure"] == f"{m}_total")]["value"].dropna()
                if len(tot) and len(world):
                    shares[m][g] = 100 * float(tot.iloc[0]) / float(world.iloc[0])
            codes = sorted(c for c in sub.loc[(sub["group"] == g) & (sub["measure"] == m), "iso3"] if c)
            if codes:
                groups.setdefault(g, sorted(set(groups.get(g, [])) | set(codes)))
    if not any(shares.values()):
        raise OutOfRangeError("The data hold no area or population shares of the 2014 report.")
    return {"shares": shares, "groups": groups}


def _draw(ax, rows, fs: float, axes_pt: float) -> list:
    """rows: (label, {group: share} | None, note). Draws stacked bars top to bottom; returns groups drawn."""
    drawn = []
    n = len(rows)
    for i, (_label, shares, note) in enumerate(rows):
        y = i
        if shares is None:
            ax.barh(y, 100, height=0.62, color="white", edgecolor="#AAAAAA", linewidth=0.8, linestyle=(0, (3, 2)))
            ax.text(50, y, note, ha="center", va="center", fontsize=fs, color="#444444", style="italic")
            continue
        x = 0.0
        outside = []
        for g in GROUPS:
            v = shares.get(g)
            if v is None:
                continue
            fill = style.STATUS_COLORS[g]
            ax.barh(y, v, left=x, height=0.62, color=fill, edgecolor="white", linewidth=0.8,
                    hatch=style.STATUS_HATCHES[g] or None, hatchcolor=hatch_on(fill))
            if g not in drawn:
                drawn.append(g)
            text = fmt.pct(v)
            if lay.fits(text, v / 100 * axes_pt, fs, weight="bold"):
                ax.text(x + v / 2, y, text, ha="center", va="center", fontsize=fs, color=text_on(fill),
                        fontweight="bold",
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": fill, "edgecolor": "none"}
                        if style.STATUS_HATCHES[g] else None)
            else:
                outside.append((g, v))
            x += v
        ax.barh(y, 100 - x, left=x, height=0.62, color=_REST, edgecolor="white", linewidth=0.8)
        if outside:
            long = "  ".join(f"+{fmt.pct(v)} {GROUP_LABELS[g].lower()}" for g, v in outside)
            short = "  ".join(f"+{fmt.pct(v)}" for g, v in outside)
            room = (100 - x) / 100 * axes_pt - 10
            text = long if lay.text_width(long, fs) <= room else short
            ax.text(x + 1.2, y, text, ha="left", va="center", fontsize=fs, color="#222222")
        if note:
            ax.text(100, y + 0.42, note, ha="right", va="top", fontsize=fs * 0.9, color="#555555")
    ax.set_yticks(range(n), labels=[r[0] for r in rows])
    ax.set_ylim(n - 0.5, -0.6)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100% = world"])
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    return drawn


def _handles(groups_drawn):
    from matplotlib.patches import Patch

    hs = [Patch(facecolor=style.STATUS_COLORS[g], hatch=style.STATUS_HATCHES[g] or None, edgecolor="white",
                hatchcolor=hatch_on(style.STATUS_COLORS[g]), label=GROUP_LABELS[g]) for g in GROUPS if g in groups_drawn]
    hs.append(Patch(facecolor=_REST, edgecolor="#BBBBBB", linewidth=0.5, label="Rest of the world"))
    return hs


def _wdi_rows(res) -> list:
    labels = dict(_WDI_MEASURES)
    rows = []
    for m, _ in _WDI_MEASURES:
        miss = res["missing"][m]
        if not res["shares"][m]:
            rows.append((labels[m], None, "no data"))
        else:
            rows.append((labels[m], res["shares"][m], f"without {', '.join(name(c) for c in miss)}" if miss else ""))
    return rows


def _seed_rows(res) -> list:
    labels = dict(_SEED_MEASURES)
    rows = []
    for m, _ in _SEED_MEASURES:
        sh = res["shares"].get(m)
        rows.append((labels[m], sh or None, "" if sh else "not given in the 2014 report"))
    return rows


def _other_sentence(shares: dict, what: str) -> str:
    others = [(g, v) for g, v in shares.items() if g != "member"]
    if not others:
        return ""
    total = shares.get("member", 0) + sum(v for _, v in others)
    names = fmt.join(GROUP_LABELS[g].lower() for g, _ in others)
    return f"with the {names}, the {what} share rises to {fmt.pct(total)}"


def _wdi_description(res) -> str:
    sh, year = res["shares"], res["year"]
    n = len(res["groups"]["member"])
    parts = []
    for m, phrase in (("population", "of the world's population"), ("surface_area", "of its area"),
                      ("gdp", "of its GDP at market prices")):
        if "member" in sh.get(m, {}):
            parts.append(f"{fmt.pct(sh[m]['member'])} {phrase}")
    text = f"In {year} the {n} SCO members had {fmt.join(parts)}"
    if "member" in sh.get("gdp_ppp", {}):
        text += f" ({fmt.pct(sh['gdp_ppp']['member'])} at PPP)"
    text += "."
    extra = _other_sentence(sh.get("population", {}), "population")
    if extra:
        text += " " + extra[0].upper() + extra[1:] + "."
    return text


def _seed_description(res) -> str:
    sh = res["shares"]
    n = len(res["groups"].get("member", []))
    parts = []
    if "member" in sh.get("population", {}):
        parts.append(f"{fmt.pct(sh['population']['member'])} of the world's population")
    if "member" in sh.get("area", {}):
        parts.append(f"{fmt.pct(sh['area']['member'])} of its area")
    text = f"In the 2014 Valdai report the {n} SCO members had {fmt.join(parts)}; the report gives no GDP share."
    extra = _other_sentence(sh.get("population", {}), "population")
    if extra:
        text += " " + extra[0].upper() + extra[1:] + "."
    return text


def _check_source(src):
    if not isinstance(src, str) or src not in SOURCES:
        raise UnknownNameError(f"'{src}' is not a source for world_shares.{did_you_mean(str(src), SOURCES)} "
                               f"Use 'wdi' (World Bank, any year) or 'seed_2014' (the 2014 Valdai report).")


def world_shares_data(source: str = "wdi", year: int | None = None, data=None):
    """Return the tidy frame ``world_shares`` draws: one row per measure and group (``label``, ``measure``,
    ``group``, ``share`` in % of the world; a measure without data has one row with group None and a
    ``note``). ``attrs``: source, year (None for the 2014 report), groups ({group: [iso3]})."""
    import pandas as pd

    _check_source(source)
    if source == "wdi":
        res = wdi_shares(year, data)
        rows, measures = _wdi_rows(res), [m for m, _ in _WDI_MEASURES]
    else:
        if year is not None:
            raise WrongTypeError("year= applies to source='wdi' only: the 2014 report does not state the year of "
                                 "its figures.")
        res = seed_2014_shares(data)
        rows, measures = _seed_rows(res), [m for m, _ in _SEED_MEASURES]
    records = []
    for m, (label, shares, note) in zip(measures, rows):
        if shares is None:
            records.append((label, m, None, float("nan"), note))
        else:
            records.extend((label, m, g, float(shares[g]), note) for g in GROUPS if g in shares)
    out = pd.DataFrame(records, columns=["label", "measure", "group", "share", "note"])
    out.attrs = {"source": source, "year": res.get("year"), "groups": res["groups"]}
    return out


def _result(frame) -> dict:
    """The frame back as ``{"year", "groups", "shares": {measure: {group: %}}}`` for the sentences."""
    shares = {}
    for m, g, v in zip(frame["measure"], frame["group"], frame["share"]):
        shares.setdefault(m, {})
        if isinstance(g, str) and v == v:
            shares[m][g] = v
    return {"year": frame.attrs["year"], "groups": frame.attrs["groups"], "shares": shares}


def _frame_rows(frame) -> list:
    rows = []
    for label, sub in frame.groupby("label", sort=False):
        shares = {g: v for g, v in zip(sub["group"], sub["share"]) if isinstance(g, str)}
        rows.append((label, shares or None, sub["note"].iloc[0]))
    return rows


def describe_world_shares(frame) -> str:
    """The description of a ``world_shares_data`` frame: the members' shares, and with the other groups."""
    res = _result(frame)
    return _wdi_description(res) if frame.attrs["source"] == "wdi" else _seed_description(res)


@chart
def world_shares(source: str = "wdi", year: int | None = None, data=None):
    """Return a CourseFigure: the SCO's share of the world's population, area and GDP (stacked bars, %).

    Each bar is 100% of the world; the segments are the members, then the observers / dialogue partners
    / partners (each a separate segment), then the rest of the world.
    ``source="wdi"``: World Bank WDI (population, surface area, GDP in current US$ and in PPP current
    international $), world total = WLD, groups = membership on 31 December of ``year`` (default: the
    latest year with complete data). ``source="seed_2014"``: area and population shares as printed in the
    2014 Valdai report (no year stated, no GDP: the GDP row says so). ``data``: a DataFrame shaped like
    ``datasets.load("indicators")`` (wdi) or ``datasets.load("seed_2014_tables")`` (seed_2014).
    """
    frame = world_shares_data(source, year, data)
    s = style.context_settings()
    fig, ax = new_figure()
    rows = _frame_rows(frame)
    axes_pt = lay.axes_width([r[0] for r in rows], right_pt=lay.text_width("100% = world", s["font"]) / 2)
    drawn = _draw(ax, rows, s["small"], axes_pt)
    legend_above(ax, _handles(drawn))
    if source == "wdi":
        y = frame.attrs["year"]
        title = f"The SCO's share of the world, {y}"
        notes = [f"Groups as on 31 December {y} (founding members counted as members). World = World Bank "
                 "world aggregate. GDP in current US$; PPP in current international $."]
        src = indicator_source([m for m, _ in _WDI_MEASURES])
    else:
        title = "The SCO's share of the world in the 2014 Valdai report"
        notes = ["Shares as printed in the 2014 report (year of the data not stated); the report gives no GDP share."]
        src = dataset_source("seed_2014_tables")
    return finish(fig, title=title, description=describe_world_shares(frame), source=src, notes=notes)


def world_shares_then_now_data(year: int | None = None):
    """Return the tidy frame ``world_shares_then_now`` draws: the 2014 report's rows (panel 'then') and WDI's
    population, area and GDP rows for ``year`` (panel 'now'), columns as :func:`world_shares_data` plus
    ``panel``. ``attrs``: year (WDI), groups_then, groups_now."""
    import pandas as pd

    then = world_shares_data("seed_2014")
    now = world_shares_data("wdi", year)
    now = now[now["measure"] != "gdp_ppp"].replace({"label": {"GDP (US$)": "GDP"}})
    then = then.assign(note=[("not in the report" if v != v else "") for v in then["share"]])
    out = pd.concat([then.assign(panel="then"), now.assign(panel="now")], ignore_index=True)
    out.attrs = {"year": now.attrs["year"], "groups_then": then.attrs["groups"], "groups_now": now.attrs["groups"]}
    return out


def describe_world_shares_then_now(frame) -> str:
    """The description of a ``world_shares_then_now_data`` frame: the members' population and area shares
    then and now, and the GDP share the report does not give."""
    year = frame.attrs["year"]
    sh = {(p, m): v for p, m, g, v in zip(frame["panel"], frame["measure"], frame["group"], frame["share"])
          if g == "member"}
    parts = [f"{word} {fmt.pct(sh[('then', a)])} then, {fmt.pct(sh[('now', b)])} in {year}"
             for a, b, word in (("population", "population", "population"), ("area", "surface_area", "area"))
             if ("then", a) in sh and ("now", b) in sh]
    n_then, n_now = len(frame.attrs["groups_then"].get("member", [])), len(frame.attrs["groups_now"]["member"])
    text = f"The members' share of the world ({n_then} members in the 2014 report, {n_now} in {year}): {'; '.join(parts)}."
    if ("now", "gdp") in sh:
        text += f" The 2014 report gives no GDP share; in {year} the members had {fmt.pct(sh[('now', 'gdp')])} of world GDP."
    return text


@chart
def world_shares_then_now(year: int | None = None):
    """Return a CourseFigure with two panels: the 2014 report's shares of the world and WDI's for ``year``.

    Left: area and population shares printed in the 2014 Valdai report (members, observers, dialogue
    partners; no GDP in the report). Right: the same measures (plus GDP) from World Bank WDI for the
    membership on 31 December of ``year`` (default: the latest year with complete data). Units: % of world.
    """
    frame = world_shares_then_now_data(year)
    y = frame.attrs["year"]
    s = style.context_settings()
    fig, (left, right), key = new_figure_with_key(1, 2, sharey=True, height=s["figsize"][1] * 1.05)
    axes_pt = lay.axes_width(["Population", "Area", "GDP"], right_pt=lay.text_width("100%", s["font"]) / 2, ncols=2)
    drawn = _draw(left, _frame_rows(frame[frame["panel"] == "then"]), s["small"], axes_pt)
    drawn += [g for g in _draw(right, _frame_rows(frame[frame["panel"] == "now"]), s["small"], axes_pt) if g not in drawn]
    left.set_title("Valdai report, 2014", loc="left", fontsize=s["label"])
    right.set_title(f"World Bank WDI, {y}", loc="left", fontsize=s["label"])
    for ax in (left, right):
        ax.set_xticks([0, 50, 100], labels=["0%", "50%", "100%"])
    right.tick_params(axis="y", labelleft=False)
    key_legend(key, _handles(drawn))
    notes = ["Left: as printed in the 2014 report (year of the data not stated). "
             f"Right: groups as on 31 December {y}; area = surface area; GDP in current US$; world = "
             "World Bank world aggregate."]
    return finish(fig, title="The SCO's share of the world: the 2014 report and today",
                  description=describe_world_shares_then_now(frame),
                  source=dataset_source("seed_2014_tables") + "; " + indicator_source(["population", "surface_area", "gdp"])
                  .removeprefix("Source: "), notes=notes)
