"""Scenario builder: choose the state of each driver, read a scenario, watch its signposts.

``scenario_builder()`` shows one row of buttons per driver of Central Asia's future — Afghanistan's
stability, Russia–China alignment, water cooperation, energy prices and labour migration to Russia.
For the chosen combination it shows

* a scenario narrative assembled from prose fragments in this module (the course's own words,
  paraphrasing and attributing the seed texts), with a paragraph on demography — the one
  *predetermined* driver — whose numbers are computed from the datasets, and a note on any
  *tensions* between the chosen states (internal consistency is the first test of a scenario);
* the 2×2 scenario matrix of the two critical uncertainties (Afghanistan × Russia–China), with
  the chosen quadrant marked and the 2014 Valdai report's two scenarios placed on it;
* a table of signposts — current values loaded from the datasets (remittances, trade shares,
  Toktogul storage, fuel exports …) — and what to watch for under the chosen states.

Other entry points: ``build_scenario_builder(**choices)`` (the widgets, not displayed),
``scenario_text(**choices)`` (the narrative as Markdown), ``signposts()`` (the table as a
DataFrame), ``scenario_matrix_figure(**choices)`` and ``working_age_figure()`` (the demography
chart of lesson 07: yearly change of the 15–64 population, estimates and a labelled illustration).

Choices are keyword arguments named after the drivers (``afghanistan``, ``russia_china``,
``water``, ``energy``, ``migration``) with one of each driver's state keys; omitted drivers
take their first state. matplotlib and ipywidgets are imported only when a figure or the
widget is made, so importing this module is light.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from scocourse.errors import OutOfRangeError, UnknownNameError, WrongTypeError, did_you_mean

from ._display import markdown_output, output
from .base import Explorer

__all__ = ["DRIVERS", "QUADRANTS", "CENTRAL_ASIA", "Driver", "State", "choices", "scenario_name", "scenario_text",  # noqa: F822 (DRIVERS, QUADRANTS, CENTRAL_ASIA: __getattr__)
           "tensions", "signposts", "demography_numbers", "working_age_table", "youth_entrants", "scenario_matrix_figure",
           "working_age_figure", "ScenarioBuilder", "build_scenario_builder", "scenario_builder"]

_VALDAI_2014 = ("Koldunova and Das Kundu, *Russia's Role in the SCO and Central Asia: Challenges and "
                "Opportunities*, Valdai Discussion Club, 2014")


@dataclass(frozen=True)
class State:
    """One state a driver can take: ``key``, button ``label``, narrative ``text`` (Markdown), ``watch``
    (what the signposts would show if the world were moving into this state) and ``sources`` (the tags of the
    works its text paraphrases; full citations in the ``scenario_drivers`` dataset)."""

    key: str
    label: str
    text: str
    watch: str
    sources: tuple = ()


@dataclass(frozen=True)
class Driver:
    """A driver of the region's future with its possible ``states``; ``axis`` marks the two critical
    uncertainties that span the scenario matrix."""

    key: str
    label: str
    question: str
    states: tuple
    axis: str = ""

    def state(self, key: str) -> State:
        """Return the state called ``key``; raises UnknownNameError naming the valid keys."""
        for s in self.states:
            if s.key == key:
                return s
        valid = [s.key for s in self.states]
        raise UnknownNameError(f"'{key}' is not a state of the driver '{self.key}'.{did_you_mean(str(key), valid)} "
                               f"Choose one of: {', '.join(repr(v) for v in valid)}.")


#: The ``driver`` value of the rows that hold the matrix's four worlds (state = 'afghanistan state|russia_china state').
MATRIX = "matrix"


def _split(value: str) -> list[str]:
    return value.split(" | ") if value else []


@lru_cache(maxsize=1)
def _drivers() -> tuple:
    """The drivers and their states, read from the ``scenario_drivers`` dataset (in its row order)."""
    from scocourse import datasets

    df = datasets.load("scenario_drivers")
    drivers: dict[str, dict] = {}
    for r in df[df["driver"] != MATRIX].itertuples(index=False):
        d = drivers.setdefault(r.driver, {"label": r.driver_label, "question": r.question, "axis": r.axis,
                                          "states": []})
        d["states"].append(State(key=r.state, label=r.state_label, text=r.text, watch=r.watch,
                                 sources=tuple(_split(r.cite_keys))))
    return tuple(Driver(key=k, label=d["label"], question=d["question"], states=tuple(d["states"]), axis=d["axis"])
                 for k, d in drivers.items())


@lru_cache(maxsize=1)
def _by_key() -> dict:
    return {d.key: d for d in _drivers()}


def __getattr__(name: str):
    """``DRIVERS`` and ``QUADRANTS`` (from the ``scenario_drivers`` dataset) and ``CENTRAL_ASIA``
    (:func:`scocourse.central_asia`) are read from the data when first used."""
    if name == "DRIVERS":
        return _drivers()
    if name == "QUADRANTS":
        return _quadrants()
    if name == "CENTRAL_ASIA":
        return _central_asia()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _central_asia() -> tuple[str, ...]:
    from scocourse import central_asia

    return tuple(central_asia())


@lru_cache(maxsize=1)
def _quadrants() -> dict:
    """The four worlds of the matrix: (afghanistan state, russia_china state) -> (name, Markdown paragraph),
    read from the ``matrix`` rows of the ``scenario_drivers`` dataset."""
    from scocourse import datasets

    df = datasets.load("scenario_drivers")
    df = df[df["driver"] == MATRIX]
    return {tuple(r.state.split("|")): (r.state_label, r.text) for r in df.itertuples(index=False)}


#: Where the 2014 Valdai report's scenarios sit on the matrix (both assume Russian–Chinese coordination).
VALDAI_POSITIONS = {"Valdai 2014, scenario 1": ("contained", "coordinated"),
                    "Valdai 2014, scenario 2": ("spillover", "coordinated")}


def choices(**chosen) -> dict:
    """Return the full choice dict (driver key -> state key), defaults filled in; validates every key.

    Raises UnknownNameError for an unknown driver or state, WrongTypeError for a non-string state.
    """
    out = {}
    for key, value in chosen.items():
        if key not in _by_key():
            raise UnknownNameError(f"'{key}' is not a driver.{did_you_mean(key, list(_by_key()))} "
                                   f"The drivers are: {', '.join(_by_key())}.")
        if not isinstance(value, str):
            raise WrongTypeError(f"The state of '{key}' should be a string such as "
                                 f"'{_by_key()[key].states[0].key}', not {type(value).__name__} {value!r}.")
        _by_key()[key].state(value)
    for d in _drivers():
        out[d.key] = chosen.get(d.key, d.states[0].key)
    return out


def scenario_name(**chosen) -> str:
    """Return the name of the matrix quadrant the choices fall in (e.g. 'Crowded bazaar')."""
    c = choices(**chosen)
    return _quadrants()[(c["afghanistan"], c["russia_china"])][0]


# --------------------------------------------------------------------------- data
def _indicator_latest(short_name: str, iso3: str):
    """Return (value, year) of the latest non-missing value of an indicator for one country."""
    import scocourse

    s = scocourse.indicator(short_name, countries=[iso3]).dropna(subset=["value"])
    if s.empty:
        raise OutOfRangeError(f"The indicators dataset has no {short_name} for {iso3}.")
    row = s.sort_values("year").iloc[-1]
    return float(row["value"]), int(row["year"])


def _water_fact(label: str) -> dict:
    from scocourse import datasets

    wf = datasets.load("water_facts")
    hit = wf[wf["label"] == label]
    if len(hit) != 1:
        raise UnknownNameError(f"water_facts has {len(hit)} rows labelled {label!r}, not one.")
    return hit.iloc[0].to_dict()


def _trade_shares():
    """Return a DataFrame (year -> CHN, RUS) of each partner's share (%) of the five states' recorded trade.

    From :func:`scocourse.partner_shares` (each state's own records): the partner's two-way trade with the
    five states over their summed two-way trade with the world, in years when all five have both.
    """
    from scocourse import partner_shares

    ca = _central_asia()
    sh = partner_shares(list(ca), partners=["CHN", "RUS"], side="reporter")
    complete = sh.groupby("year")["country"].nunique()
    sh = sh[sh["year"].isin(complete[complete == len(ca)].index)]
    total = sh.drop_duplicates(["country", "year"]).groupby("year")["total"].sum()
    value = sh.pivot_table(index="year", columns="partner", values="value", aggfunc="sum")
    return (value[["CHN", "RUS"]].div(total, axis=0) * 100).dropna()


def _wpp_total():
    from scocourse import datasets

    pop = datasets.load("population_projections")
    pop = pop[pop["iso3"].isin(_central_asia())]
    wide = pop.pivot(index="year", columns="iso3", values="population")
    return wide.sum(axis=1), pop.groupby("year")["kind"].first()


def _latest_membership_date():
    from scocourse import latest_membership_change

    return latest_membership_change()


@lru_cache(maxsize=1)
def _demography() -> dict:
    import scocourse

    total, kind = _wpp_total()
    last_estimate = int(kind[kind == "estimate"].index.max())
    first_projection = last_estimate + 1
    wa = scocourse.indicator("working_age_population", countries=list(_central_asia()))
    wa_total = wa.pivot(index="year", columns="iso3", values="value").dropna().sum(axis=1)
    last_wa = int(wa_total.index.max())
    rem = scocourse.indicator("remittances", countries=["TJK", "KGZ"], years=[2013, 2015])
    rem_w = rem.pivot(index="year", columns="iso3", values="value").sum(axis=1)
    gdp = scocourse.indicator("gdp_growth", countries=["KAZ"], years=[2013, 2015]).set_index("year")["value"]
    return {
        "first_projection_year": first_projection,
        "population_start": float(total.loc[first_projection]),
        "population_2050": float(total.loc[2050]),
        "working_age_last_year": last_wa,
        "working_age_mean_increase_10y": float((wa_total.loc[last_wa] - wa_total.loc[last_wa - 10]) / 10),
        "remittances_tjk_kgz_change_2013_2015_pct": float((rem_w.loc[2015] / rem_w.loc[2013] - 1) * 100),
        "kaz_gdp_growth_2013": float(gdp.loc[2013]),
        "kaz_gdp_growth_2015": float(gdp.loc[2015]),
    }


def demography_numbers() -> dict:
    """Return the numbers the narrative quotes, computed from the datasets (a copy).

    Keys: ``first_projection_year``; ``population_start`` and ``population_2050`` (UN WPP 2024, five
    states, persons; medium variant); ``working_age_last_year`` and ``working_age_mean_increase_10y``
    (World Bank derived 15–64 population, persons a year over the last ten years);
    ``remittances_tjk_kgz_change_2013_2015_pct``; ``kaz_gdp_growth_2013`` / ``kaz_gdp_growth_2015``.
    """
    return dict(_demography())


def _mn(x: float) -> str:
    return f"{x / 1e6:.1f} million"


def _demography_paragraph() -> str:
    d = _demography()
    return (
        "**Demography — the same in every scenario.** Whatever the other drivers do, the region keeps growing. "
        f"The UN's World Population Prospects 2024 (medium variant) take the five Central Asian states from "
        f"{_mn(d['population_start'])} people in {d['first_projection_year']} to {_mn(d['population_2050'])} in "
        f"2050, and World Bank data show the population aged 15–64 growing by about "
        f"{d['working_age_mean_increase_10y'] / 1e3:,.0f} thousand a year over the ten years to "
        f"{d['working_age_last_year']}. The open question is not whether these young people arrive, but where "
        "they will work: at home, in Russia, or nowhere."
    )


#: Tensions between driver states: (condition, explanation builder). A condition maps driver -> state.
def _tension_low_open() -> str:
    d = _demography()
    return (
        "*Low energy prices with open migration:* open borders help little if Russia's economy stalls. When oil "
        "prices fell in 2014–2015, remittances to Tajikistan and Kyrgyzstan together changed by "
        f"{d['remittances_tjk_kgz_change_2013_2015_pct']:+.0f}% in US dollars between 2013 and 2015 (World Bank "
        "data), and Kazakhstan's GDP growth fell from "
        f"{d['kaz_gdp_growth_2013']:.1f}% to {d['kaz_gdp_growth_2015']:.1f}%. Expect migration to stay open but "
        "to pay less."
    )


_TENSIONS = (
    ({"energy": "low", "migration": "open"}, _tension_low_open),
    ({"afghanistan": "spillover", "water": "cooperative"}, lambda: (
        "*Spillover with water cooperation:* not impossible, but hard. The upstream states that must cooperate "
        "on water, Tajikistan above all, would be the ones under security pressure, and Afghanistan's own "
        "water use (the Qosh Tepa canal) lies outside every regional agreement. Say what keeps the water "
        "deals alive.")),
    ({"energy": "high", "water": "cooperative"}, lambda: (
        "*High energy prices with water cooperation:* the old barter of downstream gas and coal for upstream "
        "summer water gets dearer for the downstream exporters, who can sell their fuel abroad instead. "
        "Cooperation then has to be paid for in other ways (electricity trade, joint investment).")),
    ({"russia_china": "competitive", "migration": "restricted", "afghanistan": "spillover"}, lambda: (
        "*Spillover, rivalry and closed migration together:* the least stable combination in the builder — "
        "insecurity, fewer outside jobs and divided patrons. Make sure your story explains why governments "
        "hold on.")),
)


def tensions(**chosen) -> list[str]:
    """Return the tension notes (Markdown) that apply to the choices; empty if none."""
    c = choices(**chosen)
    return [make() for cond, make in _TENSIONS if all(c[k] == v for k, v in cond.items())]


def scenario_text(**chosen) -> str:
    """Return the scenario for the choices as Markdown: name, quadrant logic, one paragraph per driver,
    demography, and tensions. Deterministic."""
    c = choices(**chosen)
    name, logic = _quadrants()[(c["afghanistan"], c["russia_china"])]
    states = [(d, d.state(c[d.key])) for d in _drivers()]
    summary = "; ".join(f"{d.label}: {s.label.lower()}" for d, s in states)
    parts = [f"**Scenario: \u201c{name}\u201d** ({summary})", logic]
    parts += [s.text for _d, s in states]
    parts.append(_demography_paragraph())
    notes = tensions(**c)
    if notes:
        parts.append("**Tensions to resolve in your story**")
        parts += [f"- {n}" for n in notes]
    else:
        parts.append("**Tensions:** none flagged for this combination — but test its logic yourself.")
    parts.append(f"Sources: the fragments paraphrase and attribute the course's seed texts (e.g. {_VALDAI_2014}); "
                 "the numbers are computed from the course datasets.")
    return "\n\n".join(parts)


# --------------------------------------------------------------------------- signposts
@lru_cache(maxsize=1)
def _signposts():
    import pandas as pd
    import scocourse
    from scocourse import datasets

    rows = []

    def add(driver, signpost, value, unit, year, source, uncertain=False, text=""):
        rows.append({"driver": driver, "signpost": signpost, "value": value, "value_text": text, "unit": unit,
                     "year": year, "uncertain": bool(uncertain), "source": source})

    wdi = "World Bank WDI"
    on = _latest_membership_date()
    status = scocourse.status_on("AFG", on)
    m = datasets.load("membership")
    spell = m[(m["iso3"] == "AFG") & (m["status"] == status)]
    unsure = bool(spell["notes"].fillna("").str.contains("UNCERTAIN").any())
    add("afghanistan", f"Afghanistan's SCO status on {on.isoformat()}", float("nan"), "", on.year,
        "membership dataset", unsure, text=str(status))
    v, y = _indicator_latest("military_pct_gdp", "TJK")
    add("afghanistan", "Military spending, Tajikistan", v, "% of GDP", y, wdi)
    v, y = _indicator_latest("gdp_growth", "AFG")
    add("afghanistan", "GDP growth, Afghanistan", v, "% per year", y, wdi)

    shares = _trade_shares()
    y = int(shares.index.max())
    add("russia_china", "China's share of the five states' trade", float(shares.loc[y, "CHN"]), "% of total", y,
        "IMF DOTS (trade dataset)")
    add("russia_china", "Russia's share of the five states' trade", float(shares.loc[y, "RUS"]), "% of total", y,
        "IMF DOTS (trade dataset)")
    add("russia_china", f"SCO full members on {on.isoformat()}", float(len(scocourse.members(on=on))), "states",
        on.year, "membership dataset")

    for label, name in (("Toktogul storage in September", "Toktogul storage before winter"),
                        ("Toktogul 'dead' water level (turbines cannot run below)", "Toktogul dead level"),
                        ("Kyrgyzstan electricity imports", "Electricity imports, Kyrgyzstan"),
                        ("Qosh Tepa canal planned diversion (upper estimate)", "Qosh Tepa canal, planned diversion")):
        f = _water_fact(label)
        year = f["year"]
        year = int(year) if str(year).isdigit() else "undated"
        add("water", name, float(f["value"]), str(f["unit"]), year, "water_facts dataset", bool(f["uncertain"]))

    v, y = _indicator_latest("fuel_exports_pct", "KAZ")
    add("energy", "Fuels in Kazakhstan's merchandise exports", v, "% of exports", y, wdi)
    v, y = _indicator_latest("gdp_growth", "KAZ")
    add("energy", "GDP growth, Kazakhstan", v, "% per year", y, wdi)

    for iso3, name in (("TJK", "Tajikistan"), ("KGZ", "Kyrgyzstan"), ("UZB", "Uzbekistan")):
        v, y = _indicator_latest("remittances_pct_gdp", iso3)
        add("migration", f"Remittances received, {name}", v, "% of GDP", y, wdi + " (derived)")
    v, y = _indicator_latest("net_migration", "TJK")
    add("migration", "Net migration, Tajikistan", v, "persons", y, wdi)
    return pd.DataFrame(rows)


def signposts():
    """Return the signposts as a DataFrame (driver, signpost, value, value_text, unit, year, uncertain, source).

    Every value is loaded from the course datasets (latest year available for each); ``value_text``
    holds non-numeric values (e.g. a membership status). ``uncertain`` copies the datasets' flags.
    """
    return _signposts().copy()


def _fmt_value(row) -> str:
    if row["value_text"]:
        text = row["value_text"]
    elif row["unit"] == "persons":
        text = f"{row['value']:+,.0f}"
    elif row["unit"] == "states":
        text = f"{row['value']:.0f}"
    else:
        text = f"{row['value']:,.1f}"
    return text


def _signpost_html(c: dict) -> str:
    from html import escape

    df = _signposts()
    body = []
    for d in _drivers():
        sub = df[df["driver"] == d.key]
        watch = d.state(c[d.key]).watch
        body.append(f'<tr><th colspan="6" style="text-align:left">{escape(d.label)} — you chose '
                    f'<em>{escape(d.state(c[d.key]).label.lower())}</em>. Watch for: {escape(watch)}</th></tr>')
        for _, r in sub.iterrows():
            body.append(f"<tr><td>{escape(r['signpost'])}</td><td style='text-align:right'>"
                        f"{escape(_fmt_value(r))}</td><td>{escape(r['unit'])}</td><td>{escape(str(r['year']))}</td>"
                        f"<td>{'uncertain' if r['uncertain'] else ''}</td><td>{escape(r['source'])}</td></tr>")
    return ("<table><caption>Signposts: latest values in the course datasets</caption><thead><tr>"
            "<th>Signpost</th><th>Value</th><th>Unit</th><th>Year</th><th>Flag</th><th>Source</th></tr></thead>"
            "<tbody>" + "".join(body) + "</tbody></table>")


def _signpost_text(c: dict) -> str:
    df = _signposts()
    lines = ["Signposts: latest values in the course datasets"]
    for d in _drivers():
        lines.append(f"{d.label} (you chose: {d.state(c[d.key]).label.lower()}) — watch for: {d.state(c[d.key]).watch}")
        for _, r in df[df["driver"] == d.key].iterrows():
            flag = "; uncertain" if r["uncertain"] else ""
            lines.append(f"  {r['signpost']}: {_fmt_value(r)} {r['unit']}".rstrip() + f" ({r['year']}; {r['source']}{flag})")
    return "\n".join(lines)


# --------------------------------------------------------------------------- figures
def scenario_matrix_figure(**chosen):
    """Draw the 2×2 matrix of the two critical uncertainties with the chosen quadrant marked.

    Returns a ``CourseFigure`` with ``.description``. The 2014 Valdai report's two scenarios are
    placed on it; the chosen quadrant is marked by hatching, a thick border and the words
    "your scenario" (never by colour alone).
    """
    from matplotlib.patches import Rectangle
    from scocourse.charts.figure import chart, finish, new_figure
    from scocourse.charts.style import OKABE_ITO, context_settings

    c = choices(**chosen)
    x_states = [s.key for s in _by_key()["afghanistan"].states]
    y_states = [s.key for s in _by_key()["russia_china"].states][::-1]  # competitive bottom, coordinated top

    @chart
    def draw():
        s = context_settings()
        fig, ax = new_figure(height=5.2, width=8.0)
        for (xa, ya), (name, _logic) in _quadrants().items():
            x0, y0 = x_states.index(xa), y_states.index(ya)
            mine = (xa, ya) == (c["afghanistan"], c["russia_china"])
            ax.add_patch(Rectangle((x0, y0), 1, 1, facecolor="#FFF4D6" if mine else "white",
                                   edgecolor="#222222", linewidth=3 if mine else 0.8, hatch="//" if mine else None))
            label = name + ("\n(your scenario)" if mine else "")
            ax.text(x0 + 0.5, y0 + 0.62, label, ha="center", va="center", fontsize=s["label"],
                    fontweight="bold" if mine else "normal",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
        for label, (xa, ya) in VALDAI_POSITIONS.items():
            x0, y0 = x_states.index(xa), y_states.index(ya)
            ax.plot(x0 + 0.5, y0 + 0.25, marker="D", color=OKABE_ITO["blue"], markersize=s["marker"] + 3)
            ax.text(x0 + 0.5, y0 + 0.13, label, ha="center", va="top", fontsize=s["small"],
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.set_xlim(0, 2)
        ax.set_ylim(0, 2)
        ax.set_xticks([0.5, 1.5], [f"{_by_key()['afghanistan'].state(k).label}" for k in x_states])
        ax.set_yticks([0.5, 1.5], [f"{_by_key()['russia_china'].state(k).label}" for k in y_states])
        ax.set_xlabel("Afghanistan: does instability stay inside its borders?")
        ax.set_ylabel("Russia–China alignment in Central Asia")
        ax.tick_params(length=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(True)
        name = _quadrants()[(c["afghanistan"], c["russia_china"])][0]
        desc = (f"A 2×2 scenario matrix: Afghanistan's stability (contained or spillover) across, Russia–China "
                f"alignment (competitive or coordinated) up. Your choices fall in the quadrant "
                f"'{name}'. The 2014 Valdai report's two scenarios both sit in the top row: they varied "
                f"Afghanistan's stability but assumed Russian–Chinese coordination.")
        return finish(fig, title=f"Scenario matrix: your choices give \u201c{name}\u201d",
                      description=desc,
                      source=f"Scenario logic: lesson 10; Valdai positions: {_VALDAI_2014.replace('*', '')} (pp. 62–63).")

    return draw()


def working_age_table():
    """Return a DataFrame (year, working_age, change, kind) for the five states together.

    ``working_age``: persons aged 15–64. Years with World Bank data use the derived WDI series
    ``working_age_population`` (share aged 15–64 × total population; ``kind`` = 'estimate (WDI)').
    Later years, to 2050, are an **illustration**: UN WPP 2024 medium-variant totals × each state's
    latest WDI share aged 15–64, held constant (``kind`` = 'illustration'). ``change`` is the
    increase on the year before.
    """
    import pandas as pd
    import scocourse
    from scocourse import datasets

    wa = scocourse.indicator("working_age_population", countries=list(_central_asia()))
    wa_w = wa.pivot(index="year", columns="iso3", values="value").dropna()
    last = int(wa_w.index.max())
    share = scocourse.indicator("age_15_64_pct", countries=list(_central_asia()), years=last)
    share = share.set_index("iso3")["value"] / 100
    pop = datasets.load("population_projections")
    pop = pop[pop["iso3"].isin(_central_asia()) & (pop["year"] > last)]
    proj = pop.pivot(index="year", columns="iso3", values="population").mul(share, axis=1)
    # splice: scale the illustration so that it continues from the last WDI year without a jump
    pop_last = datasets.load("population_projections")
    pop_last = pop_last[pop_last["iso3"].isin(_central_asia()) & (pop_last["year"] == last)]
    base = pop_last.set_index("iso3")["population"].mul(share)
    ratio = wa_w.loc[last] / base
    proj = proj.mul(ratio, axis=1)
    out = pd.concat([
        pd.DataFrame({"year": wa_w.index, "working_age": wa_w.sum(axis=1).to_numpy(), "kind": "estimate (WDI)"}),
        pd.DataFrame({"year": proj.index, "working_age": proj.sum(axis=1).to_numpy(), "kind": "illustration"}),
    ], ignore_index=True)
    out["year"] = out["year"].astype(int)
    out["change"] = out["working_age"].diff()
    return out[["year", "working_age", "change", "kind"]]


def youth_entrants() -> dict:
    """Return how many young people will reach working age (15) each year over the next 15 years.

    Approximation from World Bank data for the five states: the population aged 0–14 in the latest
    year (share aged 0–14 × total population) divided by 15, i.e. the average size of the cohorts that
    will turn 15 in the following 15 years, ignoring deaths and migration. Keys: ``year`` (the data
    year), ``aged_0_14`` (persons), ``per_year`` (persons a year), ``by_country`` (ISO3 -> persons a year).
    """
    import scocourse

    share = scocourse.indicator("age_0_14_pct", countries=list(_central_asia()))
    year = int(share.dropna(subset=["value"]).groupby("iso3")["year"].max().min())
    share = scocourse.indicator("age_0_14_pct", countries=list(_central_asia()), years=year).set_index("iso3")["value"]
    pop = scocourse.indicator("population", countries=list(_central_asia()), years=year).set_index("iso3")["value"]
    young = (share / 100 * pop).dropna()
    if len(young) != len(_central_asia()):
        raise OutOfRangeError(f"age_0_14_pct or population missing for a Central Asian state in {year}.")
    return {"year": year, "aged_0_14": float(young.sum()), "per_year": float(young.sum() / 15),
            "by_country": {k: float(v / 15) for k, v in young.sort_index().items()}}


def working_age_figure():
    """Bar chart of the yearly change in the five states' population aged 15–64 (the jobs it implies).

    Estimates (WDI) are solid bars; the illustration to 2050 (WPP totals × constant 15–64 shares) is
    hatched and labelled as such. A dashed line shows how many young people will turn 15 each year
    over the next 15 years (:func:`youth_entrants`). Returns a ``CourseFigure`` with ``.description``.
    """
    from scocourse import datasets
    from scocourse.charts.figure import chart, finish, new_figure
    from scocourse.charts.style import OKABE_ITO

    t = working_age_table().dropna(subset=["change"])
    young = youth_entrants()

    @chart
    def draw():
        fig, ax = new_figure(height=4.8)
        est = t[t["kind"] == "estimate (WDI)"]
        ill = t[t["kind"] == "illustration"]
        ax.bar(est["year"], est["change"] / 1e3, width=0.8, color=OKABE_ITO["blue"],
               label="net change, estimate (World Bank WDI)")
        ax.bar(ill["year"], ill["change"] / 1e3, width=0.8, facecolor="white", edgecolor=OKABE_ITO["blue"],
               hatch="///", label="net change, illustration (UN WPP 2024 totals × latest 15–64 share)")
        y0, y1 = young["year"] + 1, young["year"] + 15
        ax.hlines(young["per_year"] / 1e3, y0 - 0.4, y1 + 0.4, colors=OKABE_ITO["vermillion"],
                  linestyles=(0, (5, 2)), linewidth=2.2,
                  label=f"young people turning 15 each year, {y0}–{y1} (aged 0–14 in {young['year']} ÷ 15)")
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.set_ylabel("Thousand people a year")
        ax.set_ylim(0, young["per_year"] / 1e3 * 1.45)
        ax.legend(loc="upper left")
        peak = est.loc[est["change"].idxmax()]
        last = est.iloc[-1]
        desc = (f"Yearly change in the number of people aged 15–64 in the five Central Asian states. In the World "
                f"Bank estimates the net increase peaked at {peak['change'] / 1e3:,.0f} thousand in "
                f"{int(peak['year'])} and was {last['change'] / 1e3:,.0f} thousand in {int(last['year'])}; hatched "
                f"bars to {int(ill['year'].max())} are an illustration holding each state's share aged 15–64 at "
                f"its {int(last['year'])} level (average {ill['change'].mean() / 1e3:,.0f} thousand a year). "
                f"The dashed line: about {young['per_year'] / 1e3:,.0f} thousand young people a year will turn 15 "
                f"in {y0}–{y1}, far more than the net increase, because others leave working age.")
        return finish(fig, title="How many more people of working age each year? Central Asia (five states)",
                      description=desc,
                      source=(f"{datasets.source_line('indicators')}; {datasets.source_line('population_projections')}. "
                              "Derived: WDI share × population. The illustration and the cohort line are the "
                              "course's approximations, not UN projections of age structure."))

    return draw()


# --------------------------------------------------------------------------- widget
def _outputs(c: dict) -> tuple:
    from scocourse.charts.figure import figure_outputs

    narrative = markdown_output(scenario_text(**c))
    table = output({"text/html": _signpost_html(c), "text/plain": _signpost_text(c)})
    return (narrative,) + tuple(figure_outputs(scenario_matrix_figure(**c))) + (table,)


class ScenarioBuilder(Explorer):
    """The builder's widgets: ``buttons`` (driver key -> ToggleButtons), ``output`` and the whole ``widget``.

    Changing a button's value rebuilds the narrative, the matrix and the signpost table in
    ``output``; the current choices are in ``choices`` and the narrative in ``text``.
    """

    def __init__(self, **chosen):
        import ipywidgets as w

        self.choices = choices(**chosen)
        self.buttons = {}
        rows = []
        for d in _drivers():
            b = w.ToggleButtons(options=[(s.label, s.key) for s in d.states], value=self.choices[d.key],
                                description=d.label, tooltips=[d.question] * len(d.states),
                                style={"description_width": "110px", "button_width": "110px"})
            self.buttons[d.key] = b
            rows.append(w.HBox([b, w.HTML(f"<span style='margin-left:8px'>{d.question}</span>")]))
        self.text = ""
        self.assemble(rows, watch=self.buttons.values(),
                      note="<p>Choose a state for each driver. The first two are the critical uncertainties of "
                           "the matrix; the builder assembles a scenario from the course's material and shows the "
                           "signposts to watch, loaded from the datasets.</p>")

    def outputs(self) -> tuple:
        """The narrative, the matrix and the signposts for the current button values."""
        self.choices = choices(**{k: b.value for k, b in self.buttons.items()})
        self.text = scenario_text(**self.choices)
        return _outputs(self.choices)

    def fallback(self) -> tuple[str, str]:
        # Without a live kernel (GitHub, HTML export) the starting scenario's name and signposts still show.
        from html import escape

        name = scenario_name(**self.choices)
        summary = "; ".join(f"{d.label}: {d.state(self.choices[d.key]).label.lower()}" for d in _drivers())
        return (f"Scenario builder (run the notebook to change the drivers). Starting choices give "
                f"\u201c{name}\u201d ({summary}).\n" + _signpost_text(self.choices),
                f"<p><b>Scenario builder</b> (run the notebook to change the drivers). Starting choices give "
                f"\u201c{escape(name)}\u201d ({escape(summary)}).</p>" + _signpost_html(self.choices))


def build_scenario_builder(**chosen) -> ScenarioBuilder:
    """Build (without displaying) the scenario builder; returns a :class:`ScenarioBuilder`."""
    return ScenarioBuilder(**chosen)


def scenario_builder(**chosen) -> None:
    """Show the scenario builder: buttons for each driver, the scenario, the matrix and the signposts.

    Keyword arguments preset drivers, e.g. ``scenario_builder(afghanistan="spillover")``.
    """
    build_scenario_builder(**chosen).display()
