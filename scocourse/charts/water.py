"""Water: dependency on inflow from abroad, withdrawals by sector, and where the Aral basin's water forms
versus where it is used.

Data: ``datasets.load("water")`` (FAO AQUASTAT; ``year`` is a period label such as 2018 or 2017 =
2013–2017, values are often long-term averages carried forward) and ``datasets.load("water_facts")``
(hand-checked figures with their own sources; ``uncertain`` rows are drawn hatched and marked "≈").
"""
from __future__ import annotations

import re

from . import _format as fmt
from . import style
from ._common import check_frame, countries_or, name, source
from ..errors import OutOfRangeError
from ..facts import central_asia
from .figure import chart, finish, hatch_on, legend_above, new_figure, text_on

__all__ = ["water_dependency", "water_withdrawals", "basin_flows"]

_SYMBOLS = {"E": "estimate", "I": "imputed", "X": "external source"}
_SECTORS = (("agriculture", "withdrawal_agriculture_pct", "Agriculture"),
            ("industry", "withdrawal_industry_pct", "Industry"),
            ("municipal", "withdrawal_municipal_pct", "Municipal"))


def _water(data):
    from .. import datasets

    df = datasets.load("water") if data is None else check_frame(data, ["iso3", "variable", "year", "value"], "water")
    df = df.dropna(subset=["value"]).copy()
    for col, default in (("period", ""), ("symbol", "")):
        if col not in df.columns:
            df[col] = default
    df["period"] = df["period"].fillna("").astype(str)
    df["symbol"] = df["symbol"].fillna("").astype(str)
    df["year"] = df["year"].astype(int)
    return df


def _period_text(year: int, period: str) -> str:
    return f"{year}" if not period or period == str(year) else f"{year} (= {period})"


def _symbol_note(symbols) -> str:
    used = [f"{s} = {_SYMBOLS.get(s, s)}" for s in sorted(set(symbols)) if s]
    return f"FAO flags after values: {', '.join(used)}." if used else ""


@chart
def water_dependency(countries=None, data=None):
    """Return a CourseFigure: the AQUASTAT dependency ratio per country (horizontal bars, %).

    The dependency ratio is the share of a country's total renewable water resources that originates
    outside it. Latest AQUASTAT period label per country (a label such as 2018 or 2017 = 2013–2017, not
    an annual measurement; the value is a long-term average). ``countries``: default the five Central
    Asian states. ``data``: a DataFrame shaped like ``datasets.load("water")``. Units: %. Source: FAO AQUASTAT.
    """
    codes = countries_or(countries, central_asia())
    df = _water(data)
    df = df[df["variable"] == "dependency_ratio"]
    rows = []
    for iso3 in codes:
        sub = df[df["iso3"] == iso3].sort_values("year")
        if not len(sub):
            raise OutOfRangeError(f"AQUASTAT has no dependency ratio for {name(iso3)}.")
        last = sub.iloc[-1]
        rows.append((iso3, float(last["value"]), int(last["year"]), str(last["period"]), str(last["symbol"])))
    rows.sort(key=lambda r: (-r[1], r[0]))
    s = style.context_settings()
    fig, ax = new_figure(height=max(s["figsize"][1], 2.0 + 0.5 * len(rows)))
    for i, (iso3, v, y, period, sym) in enumerate(rows):
        fill = style.color(iso3)
        ax.barh(i, v, height=0.62, color=fill, edgecolor="white", hatch=style.hatch(iso3) or None,
                hatchcolor=hatch_on(fill))
        ax.text(v + 1.2, i, fmt.pct(v, 0 if v >= 10 else 1) + (f" ({sym})" if sym else ""), va="center",
                ha="left", fontsize=s["small"] + 0.5, color="#1A1A1A")
    periods = sorted({(y, p) for _, _, y, p, _ in rows})
    ax.set_yticks(range(len(rows)), labels=[name(r[0]) for r in rows])
    ax.set_ylim(len(rows) - 0.5, -0.6)
    ax.set_xlim(0, 110)
    ax.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("Share of total renewable water resources that comes from outside the country")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x")
    per = fmt.join(_period_text(y, p) for y, p in periods)
    top, bottom = rows[0], rows[-1]
    description = (f"{name(top[0])} depends most on water arriving from outside its borders "
                   f"({fmt.pct(top[1], 0)} of its renewable water)")
    if len(rows) > 1:
        description += f", {name(bottom[0])} least ({fmt.pct(bottom[1], 1)})"
    description += f". AQUASTAT period label {per}: long-term averages, not a single year's measurement."
    notes = [f"AQUASTAT period label {per}: a reporting period, not the year of measurement.",
             _symbol_note(r[4] for r in rows)]
    return finish(fig, title="Water dependency ratio: how much renewable water comes from abroad",
                  description=description, source=source("water"), notes=notes)


@chart
def water_withdrawals(countries=None, data=None):
    """Return a CourseFigure: freshwater withdrawals by sector (agriculture, industry, municipal), %.

    One bar per country, stacked to 100%, for the latest AQUASTAT period label with all three shares
    (values that do not add to exactly 100 are rescaled, and the chart says so). ``countries``: default
    the five Central Asian states. ``data``: a DataFrame shaped like ``datasets.load("water")``.
    Units: % of total withdrawal. Source: FAO AQUASTAT.
    """
    from matplotlib.patches import Patch

    codes = countries_or(countries, central_asia())
    df = _water(data)
    rows = []
    rescaled = []
    for iso3 in codes:
        sub = df[(df["iso3"] == iso3) & df["variable"].isin([v for _, v, _ in _SECTORS])]
        wide = sub.pivot_table(index="year", columns="variable", values="value", aggfunc="first")
        wide = wide.dropna(subset=[v for _, v, _ in _SECTORS if v in wide.columns])
        if not len(wide) or any(v not in wide.columns for _, v, _ in _SECTORS):
            raise OutOfRangeError(f"AQUASTAT has no complete withdrawal shares by sector for {name(iso3)}.")
        year = int(wide.index.max())
        vals = {k: float(wide.loc[year, v]) for k, v, _ in _SECTORS}
        total = sum(vals.values())
        if abs(total - 100) > 0.5:
            rescaled.append(iso3)
        vals = {k: 100 * v / total for k, v in vals.items()}
        meta = sub[sub["year"] == year]
        rows.append((iso3, vals, year, str(meta["period"].iloc[0]), sorted(set(meta["symbol"]) - {""})))
    s = style.context_settings()
    fig, ax = new_figure(height=max(s["figsize"][1], 2.2 + 0.5 * len(rows)))
    axes_pt = s["figsize"][0] * 72 - 150
    for i, (iso3, vals, year, period, syms) in enumerate(rows):
        left = 0.0
        for key, _, label in _SECTORS:
            v = vals[key]
            fill = style.SECTOR_COLORS[key]
            ax.barh(i, v, left=left, height=0.62, color=fill, edgecolor="white", linewidth=0.7,
                    hatch=style.SECTOR_HATCHES[key] or None, hatchcolor=hatch_on(fill))
            text = fmt.pct(v, 0)
            if v / 100 * axes_pt >= len(text) * 0.6 * s["small"] + 8:
                ax.text(left + v / 2, i, text, ha="center", va="center", fontsize=s["small"], color=text_on(fill),
                        fontweight="bold", bbox={"boxstyle": "round,pad=0.12", "facecolor": fill, "edgecolor": "none"}
                        if style.SECTOR_HATCHES[key] else None)
            left += v
    ax.set_yticks(range(len(rows)), labels=[f"{name(r[0])} ({r[2]})" for r in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("Share of total freshwater withdrawal")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    handles = [Patch(facecolor=style.SECTOR_COLORS[k], hatch=style.SECTOR_HATCHES[k] or None, edgecolor="white",
                     hatchcolor=hatch_on(style.SECTOR_COLORS[k]), label=label) for k, _, label in _SECTORS]
    legend_above(ax, handles)
    agri = sorted(rows, key=lambda r: (r[1]["agriculture"], r[0]))
    periods = sorted({(r[2], r[3]) for r in rows})
    per = fmt.join(_period_text(y, p) for y, p in periods)
    if all(max(r[1], key=r[1].get) == "agriculture" for r in rows):
        description = (f"Agriculture takes most of the freshwater withdrawn in every country shown, from "
                       f"{fmt.pct(agri[0][1]['agriculture'], 0)} in {name(agri[0][0])} to "
                       f"{fmt.pct(agri[-1][1]['agriculture'], 0)} in {name(agri[-1][0])}")
    else:
        description = (f"The agricultural share of freshwater withdrawal ranges from "
                       f"{fmt.pct(agri[0][1]['agriculture'], 0)} in {name(agri[0][0])} to "
                       f"{fmt.pct(agri[-1][1]['agriculture'], 0)} in {name(agri[-1][0])}")
    ind = max(rows, key=lambda r: (r[1]["industry"], r[0]))
    description += f"; industry's share is largest in {name(ind[0])} ({fmt.pct(ind[1]['industry'], 0)})."
    description += f" AQUASTAT period label {per}."
    notes = [f"Year after each name: AQUASTAT period label (e.g. 2017 = 2013–2017), not an annual measurement."]
    syms = sorted({s_ for r in rows for s_ in r[4]})
    if syms:
        flagged = [name(r[0]) for r in rows if r[4]]
        notes.append(f"FAO flags: {', '.join(f'{x} = {_SYMBOLS.get(x, x)}' for x in syms)} ({fmt.join(flagged)}).")
    if rescaled:
        notes.append(f"Rescaled to add to 100%: {fmt.join(name(c) for c in rescaled)}.")
    return finish(fig, title="Freshwater withdrawal by sector", description=description, source=source("water"),
                  notes=notes)


# --------------------------------------------------------------------------- basin flows
_NUM = re.compile(r"^\s*~?\s*(\d+(?:\.\d+)?)\s*$")
_UPSTREAM = "#8FB3CF"
_DOWNSTREAM = "#D8C08E"
_REST = "#FFFFFF"


def _countries_in(text: str) -> list[str]:
    from .. import datasets

    found = []
    df = datasets.load("countries")
    for iso3, nm in zip(df["iso3"], df["name"]):
        m = re.search(r"\b" + re.escape(nm) + r"\b", text)
        if m:
            found.append((m.start(), iso3))
    return [c for _, c in sorted(found)]


def _host(citation: str) -> str:
    """A short name of a source for the chart's notes: the author or publisher of a bibliography-style
    citation (text before the first ', "' and without parentheses), or the host of a bare URL."""
    from urllib.parse import urlparse

    text = str(citation).split(" ; ")[0].strip()
    host = urlparse(text).netloc.lower()
    if host:
        return host.removeprefix("www.")
    who = re.split(r',\s*["“]', text)[0]
    who = re.sub(r"\s*\([^()]*\)", "", re.sub(r"\s*https?://\S+", "", who)).strip(" ,.")
    return who or text


def _basin_rows(df):
    """Whole-basin % rows of flow_formation / water_use, grouped into bars by (topic, source)."""
    bars = {}
    for r in df.itertuples(index=False):
        if r.topic not in ("flow_formation", "water_use") or str(r.unit).strip() != "%":
            continue
        label = str(r.label)
        if re.search(r"Amu Darya|Syr Darya", label):
            continue  # per-river rows: described in the text, not mixed into whole-basin bars
        value, approx = r.value, bool(r.uncertain) if r.uncertain == r.uncertain else False
        if value != value or value is None:
            m = _NUM.match(str(r.value_text))
            if not m:
                continue
            value, approx = float(m.group(1)), True
        if str(r.value_text).strip().startswith("~"):
            approx = True
        codes = _countries_in(label)
        if not codes:
            continue
        role = "upstream" if re.search(r"\bupstream\b", label) else "downstream" if re.search(r"\bdownstream\b", label) else ""
        bars.setdefault((r.topic, str(r.source)), []).append(
            {"value": float(value), "approx": approx, "iso3": codes, "role": role, "label": label})
    return bars


@chart
def basin_flows(data=None):
    """Return a CourseFigure: where the Aral Sea basin's water (Amu Darya + Syr Darya) forms vs where it is used.

    One 100% bar per estimate of the share of the basin's flow formed in each state (sources disagree:
    each source is its own bar) and one bar for the share of the water used by upstream and downstream
    states. Rows marked ``uncertain`` (or given only as '~x') are hatched and labelled "≈". Per-river
    volumes (km3/yr) are given in the description. ``data``: a DataFrame shaped like
    ``datasets.load("water_facts")``. Units: % of the basin's flow. Source: water_facts (scocourse reference).
    """
    from matplotlib.patches import Patch

    from .. import datasets

    df = datasets.load("water_facts") if data is None else check_frame(
        data, ["topic", "label", "value", "unit", "uncertain", "source"], "water_facts")
    if "value_text" not in df.columns:
        df = df.assign(value_text=df["value"].astype(str))
    bars = _basin_rows(df)
    if not bars:
        raise OutOfRangeError("The data hold no whole-basin flow-formation or water-use shares (%).")
    formation = [(k, v) for k, v in bars.items() if k[0] == "flow_formation"]
    use = [(k, v) for k, v in bars.items() if k[0] == "water_use"]
    formation.sort(key=lambda kv: (sum(x["approx"] for x in kv[1]), kv[0][1]))
    upstream = list(dict.fromkeys(c for _, rows in use for x in rows if x["role"] == "upstream" for c in x["iso3"]))
    s = style.context_settings()
    fig, ax = new_figure(height=max(s["figsize"][1], 2.4 + 0.75 * (len(formation) + len(use))))
    axes_pt = s["figsize"][0] * 72 - 190
    ylabels, hosts = [], []
    any_approx = False
    entries = formation + use
    for i, ((topic, src), rows) in enumerate(entries):
        if topic == "flow_formation":
            rows = sorted(rows, key=lambda x: (x["iso3"][0] not in upstream, -x["value"]))
        else:
            rows = sorted(rows, key=lambda x: (x["role"] != "upstream", x["role"]))
        left = 0.0
        for x in rows:
            single = len(x["iso3"]) == 1
            fill = style.color(x["iso3"][0]) if single else (_UPSTREAM if x["role"] == "upstream" else _DOWNSTREAM)
            hatch = "///" if x["approx"] else (style.hatch(x["iso3"][0]) if single else "")
            any_approx |= x["approx"]
            ax.barh(i, x["value"], left=left, height=0.6, color=fill, edgecolor="white", linewidth=0.8,
                    hatch=hatch or None, hatchcolor=hatch_on(fill))
            who = name(x["iso3"][0]) if single else \
                f"{x['role'].capitalize() + ': ' if x['role'] else ''}{', '.join(name(c) for c in x['iso3'])}"
            text = f"{who}\n{'≈' if x['approx'] else ''}{fmt.pct(x['value'])}"
            width_pt = x["value"] / 100 * axes_pt
            longest = max(len(t) for t in text.split("\n"))
            if width_pt >= longest * 0.58 * s["small"] + 6:
                ax.text(left + x["value"] / 2, i, text, ha="center", va="center", fontsize=s["small"],
                        color=text_on(fill), linespacing=1.1,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": fill, "edgecolor": "none"} if hatch else None)
            else:
                tag = x["iso3"][0] if single else (x["role"].capitalize() or ", ".join(x["iso3"]))
                short = f"{tag}\n{'≈' if x['approx'] else ''}{fmt.pct(x['value'])}"
                if width_pt >= max(len(t) for t in short.split("\n")) * 0.58 * s["small"] + 4:
                    ax.text(left + x["value"] / 2, i, short, ha="center", va="center", fontsize=s["small"],
                            color=text_on(fill), linespacing=1.1,
                            bbox={"boxstyle": "round,pad=0.15", "facecolor": fill, "edgecolor": "none"}
                            if hatch else None)
                else:
                    ax.annotate(f"{x['iso3'][0] if single else who} {'≈' if x['approx'] else ''}{fmt.pct(x['value'])}",
                                xy=(left + x["value"] / 2, i - 0.3), xytext=(0, 4), textcoords="offset points",
                                ha="center", va="bottom", fontsize=s["small"] * 0.92, color="#1A1A1A")
            left += x["value"]
        if left < 99.5:
            ax.barh(i, 100 - left, left=left, height=0.6, color=_REST, edgecolor="#999999", linewidth=0.8,
                    linestyle=(0, (3, 2)))
            ax.text(left + (100 - left) / 2, i, f"others /\nnot attributed\n{fmt.pct(100 - left)}", ha="center",
                    va="center", fontsize=s["small"] * 0.9, color="#444444", linespacing=1.05)
        if src not in hosts:
            hosts.append(src)
        what = "Flow formed in" if topic == "flow_formation" else "Water used by"
        ylabels.append(f"{what}\n(source {hosts.index(src) + 1})")
    ax.set_yticks(range(len(entries)), labels=ylabels)
    ax.set_ylim(len(entries) - 0.5, -0.7)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("Share of the Aral Sea basin's water (Amu Darya + Syr Darya)")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    if len(formation) > 1:
        ax.axhline(len(formation) - 0.5, color="#888888", linewidth=0.8)
    handles = []
    if any_approx:
        handles.append(Patch(facecolor="white", edgecolor="#333333", hatch="///", linewidth=0.6,
                             label="≈ approximate / uncertain (sources disagree)"))
    if handles:
        legend_above(ax, handles)

    # Description, from the rows shown.
    parts = []
    for (topic, src), rows in formation:
        up = [x for x in rows if x["iso3"][0] in upstream] if upstream else []
        if up:
            share = sum(x["value"] for x in up)
            approx = any(x["approx"] for x in up)
            parts.append(f"{'≈' if approx else ''}{fmt.pct(share)}")
    up_names = fmt.join(name(c) for c in upstream)
    description = ""
    if parts and upstream:
        description = (f"{up_names} form {parts[0]} of the Aral Sea basin's flow by one estimate"
                       + (f" ({', '.join(parts[1:])} by {'another' if len(parts) == 2 else 'others'})" if len(parts) > 1 else ""))
        for _, rows in use:
            ups = [x for x in rows if x["role"] == "upstream"]
            downs = [x for x in rows if x["role"] == "downstream"]
            if ups:
                description += f", but use {'about ' if ups[0]['approx'] else ''}{fmt.pct(ups[0]['value'])} of its water"
            if downs:
                description += (f"; the downstream states {fmt.join(name(c) for c in downs[0]['iso3'])} use "
                                f"{'about ' if downs[0]['approx'] else ''}{fmt.pct(downs[0]['value'])}")
        description += "."
    rivers = []
    for r in df.itertuples(index=False):
        m = re.match(r"^(Amu Darya|Syr Darya) flow formed in (.+)$", str(r.label))
        if r.topic == "flow_formation" and m and r.value == r.value and "km3" in str(r.unit):
            rivers.append(f"{fmt.num(float(r.value))} km3/yr of the {m.group(1)} forms in {m.group(2)}")
    if rivers:
        description += " By river: " + "; ".join(rivers) + "."
    notes = ["Sources: " + "; ".join(f"({k + 1}) {_host(h)}" for k, h in enumerate(hosts))
             + ". Hatched segments and ≈: approximate or uncertain figures; the estimates do not agree."]
    return finish(fig, title="Aral Sea basin: where the water forms and where it is used",
                  description=description.strip(), source=source("water_facts"), notes=notes)
