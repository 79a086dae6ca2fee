"""Water: dependency on inflow from abroad, withdrawals by sector, and where the Aral basin's water forms
versus where it is used.

Data: ``datasets.load("water")`` (FAO AQUASTAT; ``year`` is a period label such as 2018 or 2017 =
2013–2017, values are often long-term averages carried forward) and ``datasets.load("water_facts")``
(hand-checked figures with their own sources; ``uncertain`` rows are drawn hatched and marked "≈").
"""
from __future__ import annotations

import re

from . import _format as fmt
from . import _layout as lay
from . import style
from ._common import check_frame, countries_or, name, source
from ..errors import OutOfRangeError
from ..facts import central_asia
from .figure import chart, finish, hatch_on, legend_above, new_figure, text_on

__all__ = ["water_dependency", "water_withdrawals", "basin_flows", "water_dependency_data", "water_withdrawals_data",
           "basin_flows_data", "describe_water_dependency", "describe_water_withdrawals", "describe_basin_flows"]

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


def water_dependency_data(countries=None, data=None):
    """Return the tidy frame ``water_dependency`` draws: iso3, value (%), year (AQUASTAT period label),
    period, symbol — the latest label per country, largest ratio first."""
    import pandas as pd

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
    return pd.DataFrame(rows, columns=["iso3", "value", "year", "period", "symbol"])


def _periods(frame) -> str:
    return fmt.join(_period_text(y, p) for y, p in sorted(set(zip(frame["year"], frame["period"]))))


def describe_water_dependency(frame) -> str:
    """The description of a ``water_dependency_data`` frame: most and least dependent, and the period labels."""
    top, bottom = frame.iloc[0], frame.iloc[-1]
    if len(frame) == 1:
        return (f"{fmt.pct(top['value'], 0 if top['value'] >= 10 else 1)} of {name(top['iso3'])}'s renewable water "
                f"arrives from outside its borders. AQUASTAT period label {_periods(frame)}: a long-term average, "
                "not a single year's measurement.")
    text = (f"{name(top['iso3'])} depends most on water arriving from outside its borders "
            f"({fmt.pct(top['value'], 0)} of its renewable water)")
    if len(frame) > 1:
        text += f", {name(bottom['iso3'])} least ({fmt.pct(bottom['value'], 1)})"
    return text + f". AQUASTAT period label {_periods(frame)}: long-term averages, not a single year's measurement."


def _draw_water_dependency(frame):
    s = style.context_settings()
    fig, ax = new_figure(height=max(s["figsize"][1], 2.0 + 0.5 * len(frame)))
    for i, (iso3, v, sym) in enumerate(zip(frame["iso3"], frame["value"], frame["symbol"])):
        fill = style.color(iso3)
        ax.barh(i, v, height=0.62, color=fill, edgecolor="white", hatch=style.hatch(iso3) or None,
                hatchcolor=hatch_on(fill))
        ax.text(v + 1.2, i, fmt.pct(v, 0 if v >= 10 else 1) + (f" ({sym})" if sym else ""), va="center",
                ha="left", fontsize=s["small"] + 0.5, color="#1A1A1A")
    ax.set_yticks(range(len(frame)), labels=[name(c) for c in frame["iso3"]])
    ax.set_ylim(len(frame) - 0.5, -0.6)
    ax.set_xlim(0, 110)
    ax.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("Share of total renewable water resources that comes from outside the country")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x")
    return fig


@chart
def water_dependency(countries=None, data=None):
    """Return a CourseFigure: the AQUASTAT dependency ratio per country (horizontal bars, %).

    The dependency ratio is the share of a country's total renewable water resources that originates
    outside it. Latest AQUASTAT period label per country (a label such as 2018 or 2017 = 2013–2017, not
    an annual measurement; the value is a long-term average). ``countries``: default the five Central
    Asian states. ``data``: a DataFrame shaped like ``datasets.load("water")``. Units: %. Source: FAO AQUASTAT.
    """
    frame = water_dependency_data(countries, data)
    fig = _draw_water_dependency(frame)
    notes = [f"AQUASTAT period label {_periods(frame)}: a reporting period, not the year of measurement.",
             _symbol_note(frame["symbol"])]
    return finish(fig, title="Water dependency ratio: how much renewable water comes from abroad",
                  description=describe_water_dependency(frame), source=source("water"), notes=notes)


def water_withdrawals_data(countries=None, data=None):
    """Return the tidy frame ``water_withdrawals`` draws: iso3, sector, share (% of the country's total
    withdrawal, rescaled to add to 100), year (latest AQUASTAT period label with all three sectors),
    period, symbols (FAO flags, ';'-joined), rescaled (bool: the three shares did not add to 100)."""
    import pandas as pd

    codes = countries_or(countries, central_asia())
    df = _water(data)
    variables = [v for _, v, _ in _SECTORS]
    rows = []
    for iso3 in codes:
        sub = df[(df["iso3"] == iso3) & df["variable"].isin(variables)]
        wide = sub.pivot_table(index="year", columns="variable", values="value", aggfunc="first")
        wide = wide.dropna(subset=[v for v in variables if v in wide.columns])
        if not len(wide) or any(v not in wide.columns for v in variables):
            raise OutOfRangeError(f"AQUASTAT has no complete withdrawal shares by sector for {name(iso3)}.")
        year = int(wide.index.max())
        vals = {k: float(wide.loc[year, v]) for k, v, _ in _SECTORS}
        total = sum(vals.values())
        meta = sub[sub["year"] == year]
        syms = ";".join(sorted(set(meta["symbol"]) - {""}))
        rows.extend((iso3, k, 100 * v / total, year, str(meta["period"].iloc[0]), syms, abs(total - 100) > 0.5)
                    for k, v in vals.items())
    return pd.DataFrame(rows, columns=["iso3", "sector", "share", "year", "period", "symbols", "rescaled"])


def describe_water_withdrawals(frame) -> str:
    """The description of a ``water_withdrawals_data`` frame: agriculture's range, industry's largest share."""
    wide = frame.pivot(index="iso3", columns="sector", values="share")
    agri = sorted(wide.index, key=lambda c: (wide.loc[c, "agriculture"], c))
    lo, hi = fmt.pct(wide.loc[agri[0], "agriculture"], 0), fmt.pct(wide.loc[agri[-1], "agriculture"], 0)
    if len(wide) == 1:
        c = agri[0]
        return (f"In {name(c)} agriculture takes {lo} of the freshwater withdrawn, industry "
                f"{fmt.pct(wide.loc[c, 'industry'], 0)} and municipalities {fmt.pct(wide.loc[c, 'municipal'], 0)}. "
                f"AQUASTAT period label {_periods(frame.drop_duplicates('iso3'))}.")
    if (wide.idxmax(axis=1) == "agriculture").all():
        text = (f"Agriculture takes most of the freshwater withdrawn in every country shown, from {lo} in "
                f"{name(agri[0])} to {hi} in {name(agri[-1])}")
    else:
        text = (f"The agricultural share of freshwater withdrawal ranges from {lo} in {name(agri[0])} to {hi} in "
                f"{name(agri[-1])}")
    ind = max(wide.index, key=lambda c: (wide.loc[c, "industry"], c))
    text += f"; industry's share is largest in {name(ind)} ({fmt.pct(wide.loc[ind, 'industry'], 0)})."
    return text + f" AQUASTAT period label {_periods(frame.drop_duplicates('iso3'))}."


def _draw_water_withdrawals(frame):
    from matplotlib.patches import Patch

    s = style.context_settings()
    codes = list(dict.fromkeys(frame["iso3"]))
    years = frame.groupby("iso3")["year"].first()
    labels = [f"{name(c)} ({years[c]})" for c in codes]
    fig, ax = new_figure(height=max(s["figsize"][1], 2.2 + 0.5 * len(codes)))
    axes_pt = lay.axes_width(labels)
    for i, iso3 in enumerate(codes):
        left = 0.0
        for key, v in zip(frame.loc[frame["iso3"] == iso3, "sector"], frame.loc[frame["iso3"] == iso3, "share"]):
            fill = style.SECTOR_COLORS[key]
            ax.barh(i, v, left=left, height=0.62, color=fill, edgecolor="white", linewidth=0.7,
                    hatch=style.SECTOR_HATCHES[key] or None, hatchcolor=hatch_on(fill))
            text = fmt.pct(v, 0)
            if lay.fits(text, v / 100 * axes_pt, s["small"], weight="bold"):
                ax.text(left + v / 2, i, text, ha="center", va="center", fontsize=s["small"], color=text_on(fill),
                        fontweight="bold", bbox={"boxstyle": "round,pad=0.12", "facecolor": fill, "edgecolor": "none"}
                        if style.SECTOR_HATCHES[key] else None)
            left += v
    ax.set_yticks(range(len(codes)), labels=labels)
    ax.set_ylim(len(codes) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("Share of total freshwater withdrawal")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    legend_above(ax, [Patch(facecolor=style.SECTOR_COLORS[k], hatch=style.SECTOR_HATCHES[k] or None, edgecolor="white",
                            hatchcolor=hatch_on(style.SECTOR_COLORS[k]), label=label) for k, _, label in _SECTORS])
    return fig


def _withdrawal_notes(frame) -> list:
    notes = ["Year after each name: AQUASTAT period label (e.g. 2017 = 2013–2017), not an annual measurement."]
    per_country = frame.drop_duplicates("iso3")
    syms = sorted({x for v in per_country["symbols"] for x in v.split(";") if x})
    if syms:
        flagged = [name(c) for c, v in zip(per_country["iso3"], per_country["symbols"]) if v]
        notes.append(f"FAO flags: {', '.join(f'{x} = {_SYMBOLS.get(x, x)}' for x in syms)} ({fmt.join(flagged)}).")
    rescaled = per_country.loc[per_country["rescaled"], "iso3"]
    if len(rescaled):
        notes.append(f"Rescaled to add to 100%: {fmt.join(name(c) for c in rescaled)}.")
    return notes


@chart
def water_withdrawals(countries=None, data=None):
    """Return a CourseFigure: freshwater withdrawals by sector (agriculture, industry, municipal), %.

    One bar per country, stacked to 100%, for the latest AQUASTAT period label with all three shares
    (values that do not add to exactly 100 are rescaled, and the chart says so). ``countries``: default
    the five Central Asian states. ``data``: a DataFrame shaped like ``datasets.load("water")``.
    Units: % of total withdrawal. Source: FAO AQUASTAT.
    """
    frame = water_withdrawals_data(countries, data)
    fig = _draw_water_withdrawals(frame)
    return finish(fig, title="Freshwater withdrawal by sector", description=describe_water_withdrawals(frame),
                  source=source("water"), notes=_withdrawal_notes(frame))


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


def basin_flows_data(data=None):
    """Return the tidy frame ``basin_flows`` draws: one row per bar segment, in drawing order — bar (0, 1, ...:
    the flow-formation estimates, most certain first, then the water-use rows), topic, source, iso3 (codes
    joined by ';'), value (% of the basin's water), approx (uncertain or '~x'), role ('upstream',
    'downstream' or ''), label. ``attrs``: upstream (codes), rivers ([(km3/yr, river, where formed)])."""
    import pandas as pd

    from .. import datasets

    df = datasets.load("water_facts") if data is None else check_frame(
        data, ["topic", "label", "value", "unit", "uncertain", "source"], "water_facts")
    if "value_text" not in df.columns:
        df = df.assign(value_text=df["value"].astype(str))
    bars = _basin_rows(df)
    if not bars:
        raise OutOfRangeError("The data hold no whole-basin flow-formation or water-use shares (%).")
    formation = sorted([(k, v) for k, v in bars.items() if k[0] == "flow_formation"],
                       key=lambda kv: (sum(x["approx"] for x in kv[1]), kv[0][1]))
    use = [(k, v) for k, v in bars.items() if k[0] == "water_use"]
    upstream = list(dict.fromkeys(c for _, rows in use for x in rows if x["role"] == "upstream" for c in x["iso3"]))
    records = []
    for b, ((topic, src), rows) in enumerate(formation + use):
        if topic == "flow_formation":
            rows = sorted(rows, key=lambda x: (x["iso3"][0] not in upstream, -x["value"]))
        else:
            rows = sorted(rows, key=lambda x: (x["role"] != "upstream", x["role"]))
        records.extend((b, topic, src, ";".join(x["iso3"]), x["value"], x["approx"], x["role"], x["label"]) for x in rows)
    out = pd.DataFrame(records, columns=["bar", "topic", "source", "iso3", "value", "approx", "role", "label"])
    rivers = []
    for r in df.itertuples(index=False):
        m = re.match(r"^(Amu Darya|Syr Darya) flow formed in (.+)$", str(r.label))
        if r.topic == "flow_formation" and m and r.value == r.value and "km3" in str(r.unit):
            rivers.append((float(r.value), m.group(1), m.group(2)))
    out.attrs = {"upstream": upstream, "rivers": rivers}
    return out


def _formation_parts(frame, upstream) -> list:
    parts = []
    for _, seg in frame[frame["topic"] == "flow_formation"].groupby("bar", sort=True):
        up = seg[seg["iso3"].str.split(";").str[0].isin(upstream)] if upstream else seg.iloc[:0]
        if len(up):
            parts.append(f"{'≈' if up['approx'].any() else ''}{fmt.pct(sum(up['value'].tolist()))}")
    return parts


def describe_basin_flows(frame) -> str:
    """The description of a ``basin_flows_data`` frame: what the upstream states form and use, the downstream
    states' use, and the per-river volumes."""
    upstream = frame.attrs["upstream"]
    parts = _formation_parts(frame, upstream)
    text = ""
    if parts and upstream:
        others = f" ({', '.join(parts[1:])} by {'another' if len(parts) == 2 else 'others'})" if len(parts) > 1 else ""
        text = f"{fmt.join(name(c) for c in upstream)} form {parts[0]} of the Aral Sea basin's flow by one estimate{others}"
        for _, seg in frame[frame["topic"] == "water_use"].groupby("bar", sort=True):
            ups, downs = seg[seg["role"] == "upstream"], seg[seg["role"] == "downstream"]
            if len(ups):
                u = ups.iloc[0]
                text += f", but use {'about ' if u['approx'] else ''}{fmt.pct(u['value'])} of its water"
            if len(downs):
                d = downs.iloc[0]
                text += (f"; the downstream states {fmt.join(name(c) for c in d['iso3'].split(';'))} use "
                         f"{'about ' if d['approx'] else ''}{fmt.pct(d['value'])}")
        text += "."
    rivers = [f"{fmt.num(v)} km3/yr of the {river} forms in {where}" for v, river, where in frame.attrs["rivers"]]
    if rivers:
        text += " By river: " + "; ".join(rivers) + "."
    return text.strip()


def _segment_label(ax, x, left: float, i: int, fill: str, hatch: str, width_pt: float, fs: float) -> None:
    codes = x["iso3"].split(";")
    single = len(codes) == 1
    who = name(codes[0]) if single else f"{x['role'].capitalize() + ': ' if x['role'] else ''}{', '.join(name(c) for c in codes)}"
    value = f"{'≈' if x['approx'] else ''}{fmt.pct(x['value'])}"
    box = {"boxstyle": "round,pad=0.15", "facecolor": fill, "edgecolor": "none"} if hatch else None
    tag = codes[0] if single else (x["role"].capitalize() or ", ".join(codes))
    for text, pad in ((f"{who}\n{value}", 6), (f"{tag}\n{value}", 4)):
        if lay.fits(text, width_pt, fs, pad=pad):
            ax.text(left + x["value"] / 2, i, text, ha="center", va="center", fontsize=fs, color=text_on(fill),
                    linespacing=1.1, bbox=box)
            return
    ax.annotate(f"{codes[0] if single else who} {value}", xy=(left + x["value"] / 2, i - 0.3), xytext=(0, 4),
                textcoords="offset points", ha="center", va="bottom", fontsize=fs * 0.92, color="#1A1A1A")


def _draw_basin_bar(ax, i: int, seg, axes_pt: float, s) -> None:
    left = 0.0
    for x in seg.to_dict("records"):
        codes = x["iso3"].split(";")
        single = len(codes) == 1
        fill = style.color(codes[0]) if single else (_UPSTREAM if x["role"] == "upstream" else _DOWNSTREAM)
        hatch = "///" if x["approx"] else (style.hatch(codes[0]) if single else "")
        ax.barh(i, x["value"], left=left, height=0.6, color=fill, edgecolor="white", linewidth=0.8,
                hatch=hatch or None, hatchcolor=hatch_on(fill))
        _segment_label(ax, x, left, i, fill, hatch, x["value"] / 100 * axes_pt, s["small"])
        left += x["value"]
    if left < 99.5:
        ax.barh(i, 100 - left, left=left, height=0.6, color=_REST, edgecolor="#999999", linewidth=0.8,
                linestyle=(0, (3, 2)))
        ax.text(left + (100 - left) / 2, i, f"others /\nnot attributed\n{fmt.pct(100 - left)}", ha="center",
                va="center", fontsize=s["small"] * 0.9, color="#444444", linespacing=1.05)


def _draw_basin_flows(frame):
    from matplotlib.patches import Patch

    s = style.context_settings()
    n = int(frame["bar"].max()) + 1
    fig, ax = new_figure(height=max(s["figsize"][1], 2.4 + 0.75 * n))
    axes_pt = lay.axes_width(["Flow formed in", "Water used by", "(source 9)"])
    hosts = list(dict.fromkeys(frame.sort_values("bar", kind="mergesort")["source"]))
    ylabels = []
    for i, seg in frame.groupby("bar", sort=True):
        _draw_basin_bar(ax, int(i), seg, axes_pt, s)
        what = "Flow formed in" if seg["topic"].iloc[0] == "flow_formation" else "Water used by"
        ylabels.append(f"{what}\n(source {hosts.index(seg['source'].iloc[0]) + 1})")
    ax.set_yticks(range(n), labels=ylabels)
    ax.set_ylim(n - 0.5, -0.7)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("Share of the Aral Sea basin's water (Amu Darya + Syr Darya)")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    n_formation = frame.loc[frame["topic"] == "flow_formation", "bar"].nunique()
    if n_formation > 1:
        ax.axhline(n_formation - 0.5, color="#888888", linewidth=0.8)
    if frame["approx"].any():
        legend_above(ax, [Patch(facecolor="white", edgecolor="#333333", hatch="///", linewidth=0.6,
                                label="≈ approximate / uncertain (sources disagree)")])
    return fig


@chart
def basin_flows(data=None):
    """Return a CourseFigure: where the Aral Sea basin's water (Amu Darya + Syr Darya) forms vs where it is used.

    One 100% bar per estimate of the share of the basin's flow formed in each state (sources disagree:
    each source is its own bar) and one bar for the share of the water used by upstream and downstream
    states. Rows marked ``uncertain`` (or given only as '~x') are hatched and labelled "≈". Per-river
    volumes (km3/yr) are given in the description. ``data``: a DataFrame shaped like
    ``datasets.load("water_facts")``. Units: % of the basin's flow. Source: water_facts (scocourse reference).
    """
    frame = basin_flows_data(data)
    fig = _draw_basin_flows(frame)
    hosts = list(dict.fromkeys(frame.sort_values("bar", kind="mergesort")["source"]))
    notes = ["Sources: " + "; ".join(f"({k + 1}) {_host(h)}" for k, h in enumerate(hosts))
             + ". Hatched segments and ≈: approximate or uncertain figures; the estimates do not agree."]
    return finish(fig, title="Aral Sea basin: where the water forms and where it is used",
                  description=describe_basin_flows(frame), source=source("water_facts"), notes=notes)
