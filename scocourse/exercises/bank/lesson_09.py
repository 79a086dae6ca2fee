"""Lesson 09 — Climate and glaciers.

Facts come from the ``glaciers`` dataset (WGMS glacier-wide mass balance in mm w.e.; WGMS regional
estimates after Zemp et al. 2019 in m w.e.), the ``energy`` dataset (electricity by source, 2025
OWID/Ember release) and the reservoir model of lesson 08 with its ``inflow_change`` option. Numeric
answers are computed from the data when the student checks.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Climate and glaciers"

_TUYUKSU = "Tsentralniy Tuyuksu"


def _glaciers():
    from scocourse import datasets

    return datasets.load("glaciers")


def _tuyuksu_cumulative_m() -> float:
    """Returns Tsentralniy Tuyuksu's summed annual balance 1990–2020, converted from mm w.e. to m w.e."""
    g = _glaciers()
    t = g[(g["name"] == _TUYUKSU) & (g["variable"] == "annual_balance") & g["year"].between(1990, 2020)]
    if len(t) != 31 or set(t["unit"]) != {"mm w.e."}:
        raise ValueError("Tuyuksu's annual balances 1990-2020 are incomplete or not in mm w.e.")
    return float(t["value"].sum() / 1000)


def _region_wide():
    """Returns the Central Asia (RGI 13, series ASC) estimate, one row per year: balance and uncertainty (m w.e.)."""
    g = _glaciers()
    r = g[(g["kind"] == "region") & (g["series_id"] == "ASC")]
    w = r.pivot(index="year", columns="variable", values="value").dropna(
        subset=["annual_balance", "annual_balance_uncertainty"])
    if w.empty or set(r["unit"]) != {"m w.e."}:
        raise ValueError("no regional estimate for Central Asia in m w.e.")
    return w


def _region_sum_uncertainty_correlated() -> float:
    """Returns the uncertainty (m w.e.) of the summed 2000–2020 balance if the annual errors were fully correlated."""
    return float(_region_wide()["annual_balance_uncertainty"].sum())


def _region_sum_related() -> dict:
    """Returns the figures a student may give by mistake for 09-02 (independent errors; the sum itself)."""
    w = _region_wide()
    return {"the band for independent errors (root-sum-square, as in the lesson's table)":
            float((w["annual_balance_uncertainty"] ** 2).sum() ** 0.5),
            "the summed balance itself": float(w["annual_balance"].sum()),
            "the mean annual uncertainty": float(w["annual_balance_uncertainty"].mean())}


def _kyrgyz_hydro_share_2024() -> float:
    """Returns hydropower's share (%) of Kyrgyzstan's electricity in 2024 (one release: the newest covering 2024)."""
    from scocourse.charts.glaciers import hydropower_shares

    t = hydropower_shares("KGZ", years=2024)
    if len(t) != 1:
        raise ValueError("no electricity data for Kyrgyzstan in 2024")
    return float(t["hydro_share_pct"].iloc[0])


def _winter_energy_loss(change: float) -> float:
    """Returns the fall (GWh) in October–March electricity with ``change`` % mean inflow (average year, Soviet share)."""
    from scocourse.explorers.climate import less_water_table

    t = less_water_table(change)
    return float(-t.loc["Winter electricity, Oct–Mar (GWh)", "change"])


def _winter_energy_loss_30pct() -> float:
    """Returns the fall (GWh) in October–March electricity with 30% less mean inflow."""
    return _winter_energy_loss(-30)


def _winter_energy_related() -> dict:
    """Returns the figures a student may give by mistake for 09-06 (the lesson's -20% run; the future total)."""
    from scocourse.explorers.climate import less_water_table

    t = less_water_table(-30)
    return {"the fall with 20% less inflow (the lesson's table)": _winter_energy_loss(-20),
            "winter electricity in the drier future itself, not its fall":
                float(t.loc["Winter electricity, Oct–Mar (GWh)", "future"])}


def _tuyuksu_related() -> dict:
    """Returns the figures a student may give by mistake for 09-01 (mm not converted; 2000–2020 only)."""
    g = _glaciers()
    t = g[(g["name"] == _TUYUKSU) & (g["variable"] == "annual_balance")]
    return {"the sum in mm w.e. (not divided by 1000)": float(t[t["year"].between(1990, 2020)]["value"].sum()),
            "the sum from 2000 only (the cumulative chart)": float(t[t["year"].between(2000, 2020)]["value"].sum()
                                                                  / 1000)}


def _glacier_countries() -> dict:
    """Returns {glacier: country} for four monitored glaciers, from the glaciers dataset (WGMS political unit)."""
    import scocourse

    g = _glaciers()
    out = {}
    for nm in (_TUYUKSU, "Abramov", "Urumqi No. 1 (west branch)", "Djankuat"):
        codes = set(g.loc[g["name"] == nm, "iso3"])
        if len(codes) != 1:
            raise ValueError(f"no single country for {nm}")
        out[nm] = scocourse.country_name(codes.pop())
    return out


QUESTIONS = [
    Numeric(
        id="09-01",
        prompt=(
            "Add up the **annual** mass balances of Tsentralniy Tuyuksu (Kazakhstan) from 1990 to 2020 in the "
            "`glaciers` dataset. What is the cumulative balance **in metres of water equivalent (m w.e.)**? "
            "Give a signed number."
        ),
        answer=_tuyuksu_cumulative_m,
        tolerance=0.3,
        related=_tuyuksu_related,
        unit="m w.e.",
        decimals=1,
        answer_source=("glaciers: name 'Tsentralniy Tuyuksu', variable 'annual_balance', years 1990–2020, "
                       "value summed (unit mm w.e.) and divided by 1000"),
        explanation=(
            "The 31 annual balances sum to {answer}: a cumulative balance, the equivalent of a layer of water "
            "that thick spread over the glacier (its area shrank meanwhile). The values are published in "
            "millimetres (the `unit` column says 'mm w.e.'), so the sum must be divided by 1000 before it can "
            "be set beside the regional estimate, which is in metres — and that estimate starts only in 2000, "
            "so compare like periods. The 2020 value is flagged as preliminary in the WGMS remarks. A few "
            "positive years (more snow than melt) do not change the direction."
        ),
        hints=[
            "Filter the rows for this glacier and the variable `annual_balance`; check the `unit` column first.",
            "A millimetre is a thousandth of a metre.",
        ],
    ),
    Numeric(
        id="09-02",
        prompt=(
            "The lesson's table combines the yearly uncertainties of the regional estimate for Central Asia "
            "(RGI 13, series `ASC`, 2000–2020) as if the errors of different years were independent. Suppose "
            "instead that they were **fully correlated** — every year wrong by its full uncertainty in the same "
            "direction — so that the uncertainties simply add. What would the uncertainty of the 2000–2020 sum "
            "be, in m w.e.?"
        ),
        answer=_region_sum_uncertainty_correlated,
        tolerance=0.2,
        unit="m w.e.",
        decimals=1,
        related=_region_sum_related,
        answer_source=("glaciers: kind 'region', series_id 'ASC', variable 'annual_balance_uncertainty', "
                       "2000–2020, summed (m w.e.)"),
        explanation=(
            "Added up, the yearly uncertainties give ±{answer} for the two-decade sum, several times the band "
            "for independent errors in the lesson's table. The truth probably lies between: the estimate's "
            "long-term level comes from one geodetic calibration shared by every year, so its errors are partly "
            "correlated. Either way the band is wider than the summed loss itself, so the regional series alone "
            "cannot show that the region lost mass; the long glacier records and independent satellite and "
            "modelling studies (Farinotti et al. 2015; Hugonnet et al. 2021) carry that conclusion."
        ),
        hints=[
            "Put the 21 yearly uncertainties in one column.",
            "Fully correlated errors do not cancel out.",
        ],
    ),
    MultipleChoice(
        id="09-03",
        prompt=(
            "Large glaciers at the head of a river have begun losing mass year after year, and the warming "
            "goes on. According to Huss and Hock (2018), what happens to the **meltwater the glaciers add to "
            "the river** over the coming decades?"
        ),
        choices=[
            "It first rises, because more ice melts each summer, then falls as the shrinking glaciers have "
            "less ice left to melt",
            "It falls steadily from now on, because a smaller glacier always gives less water",
            "It keeps rising for as long as temperatures rise, because warmer summers melt more ice",
            "It stays about the same, because each winter's snowfall on the glacier replaces the summer's melt",
        ],
        answer=("It first rises, because more ice melts each summer, then falls as the shrinking glaciers have "
                "less ice left to melt"),
        feedback={
            "It falls steadily from now on, because a smaller glacier always gives less water":
                "at first the extra melt of a warming climate outweighs the smaller area, so runoff can rise "
                "for years or decades before it falls.",
            "It keeps rising for as long as temperatures rise, because warmer summers melt more ice":
                "melt needs ice: once the glacier area has shrunk enough, even warmer summers yield less water.",
            "It stays about the same, because each winter's snowfall on the glacier replaces the summer's melt":
                "that would be a glacier in balance; a glacier losing mass year after year melts more than the "
                "snow replaces, and the difference reaches the river.",
        },
        explanation=(
            "Huss and Hock (2018) modelled glacier runoff in 56 large glacier-fed basins to 2100: runoff from "
            "shrinking glaciers first increases, reaches a maximum ('peak water') and then declines. In roughly "
            "half of their basins runoff was still rising; in the rest the peak had already passed. It comes "
            "later where glaciers are larger, and the largest monthly reductions they project by 2100 are in "
            "Central Asia and the Andes. More melt now can therefore hide the coming loss: a river may run high "
            "today on ice that will not be replaced. When the peak comes for a given river is uncertain."
        ),
        hints=[
            "Think of a savings account that is being drawn down faster and faster.",
            "Melt depends on two things: how warm it is and how much ice there is.",
        ],
    ),
    Order(
        id="09-04",
        prompt=("Put these stages of a glacier-fed river's response to lasting warming in order, from first "
                "to last."),
        items=[
            "The glacier starts to lose more mass each year than snow adds",
            "Summer melt runoff rises above its old average",
            "Runoff from the glacier reaches its maximum ('peak water')",
            "Runoff declines as the glacier area keeps shrinking",
            "Late-summer flow depends mainly on snow and rain, and dry years hit harder",
        ],
        notes={
            "The glacier starts to lose more mass each year than snow adds": "a negative mass balance, as in "
            "most years of the WGMS series",
            "Summer melt runoff rises above its old average": "the extra water comes from ice stored over "
            "centuries",
            "Runoff from the glacier reaches its maximum ('peak water')": "timing differs by basin; research "
            "gives wide ranges",
            "Runoff declines as the glacier area keeps shrinking": "less ice, less melt, even if summers are warmer",
            "Late-summer flow depends mainly on snow and rain, and dry years hit harder": "the glacier no longer "
            "buffers drought years",
        },
        order_label="first to last",
        explanation=(
            "Mass loss comes first; for a while it adds water, up to a peak; then the shrinking ice area "
            "reduces melt, and the river loses the buffer that glaciers give in hot, dry summers. This is the "
            "sequence described in the glacier-runoff literature (e.g. Huss and Hock, 2018)."
        ),
        hints=[
            "Extra water can only come from ice that is being lost.",
            "A peak has a rise before it and a decline after it.",
        ],
    ),
    Numeric(
        id="09-05",
        prompt=(
            "Using the newest electricity release that covers Kyrgyzstan, what share of Kyrgyzstan's electricity "
            "came from **hydropower in 2024**? Give a percentage."
        ),
        answer=_kyrgyz_hydro_share_2024,
        tolerance=2.0,
        unit="%",
        decimals=0,
        answer_source=("charts.glacier hydropower_shares('KGZ', years=2024): energy, measure "
                       "electricity_generation, 2025 OWID/Ember release, hydro / total x 100"),
        explanation=(
            "In 2024 hydropower gave about {answer} of Kyrgyzstan's electricity (OWID/Ember, 2025 release). A "
            "country this dependent on rivers fed by snow and glaciers feels a dry year, or a future with less "
            "melt, directly in its power supply — most of all in winter, when demand peaks and inflow is low. "
            "The latest year of a release is the likeliest to be revised in the next one."
        ),
        hints=[
            "Divide hydro generation by the total of all sources for 2024, and do not mix releases.",
            "`charts.glaciers.hydropower_shares` does the division for you; the lesson's table shows the result.",
        ],
    ),
    Numeric(
        id="09-06",
        prompt=(
            "Run the reservoir model for an average year at the Soviet-era winter share, once with today's mean "
            "inflow and once with **30% less** (`inflow_change=-30`; the operator plans on the new mean). By how "
            "many GWh does the electricity generated in October–March fall?"
        ),
        answer=_winter_energy_loss_30pct,
        rel_tolerance=0.05,
        related=_winter_energy_related,
        unit="GWh",
        decimals=0,
        answer_source=("less_water_table(-30): simulate(share, 'average') and simulate(share, 'average', "
                       "inflow_change=-30), winter_energy_gwh difference"),
        explanation=(
            "Winter electricity falls by about {answer}, almost exactly 30%: with the plan scaled to the smaller "
            "river, 30% less water passes the turbines. The fall is a shade less than proportional because the "
            "reservoir stays slightly fuller through the winter, which raises the head a little. Summer water "
            "downstream falls by the same proportion — built into the option, which cuts every month alike — so "
            "a drier future hurts upstream power and downstream farms at once, and the winter-summer quarrel "
            "of lesson 08 gets harder, not easier."
        ),
        hints=[
            "`from scocourse.explorers.climate import less_water_table` compares the two runs.",
            "Pass the inflow change as the first argument; read the `change` column of the winter electricity "
            "row, not the percentage.",
        ],
    ),
    MultipleChoice(
        id="09-07",
        prompt=("Which of these does the reservoir model's lower-inflow option **leave out**? Select all that "
                "apply."),
        choices=[
            "A change in the timing of flow: glacier loss would cut mostly July–September melt",
            "Years that follow each other: a drawn-down reservoir starts the next year lower",
            "The rise in melt before peak water",
            "Lower releases when the operator plans on a smaller mean inflow",
            "Less electricity when less water passes the turbines",
        ],
        answer=(
            "A change in the timing of flow: glacier loss would cut mostly July–September melt",
            "Years that follow each other: a drawn-down reservoir starts the next year lower",
            "The rise in melt before peak water",
        ),
        feedback={
            "Lower releases when the operator plans on a smaller mean inflow":
                "this is in the model: by default the plan follows the new mean (keep_plan in the explorer "
                "turns that off).",
            "Less electricity when less water passes the turbines":
                "this is the core of the model: energy comes from the water released and the head.",
        },
        explanation=(
            "The option scales every month by the same percentage for one year. It does not shift flow from "
            "late summer to spring, does not carry storage from one year to the next, and does not know "
            "whether the basin is before or after its peak water. Those limits are listed with the model's "
            "other simplifications; a real study would use a hydrological model driven by glacier projections."
        ),
        hints=[
            "Read the last bullet of the model's list of simplifications.",
            "Ask of each option: could a single percentage applied to every month produce it?",
        ],
    ),
    ShortText(
        id="09-08",
        prompt=("Which Central Asian state proposed that the United Nations declare 2025 the International "
                "Year of Glaciers' Preservation, and hosted the high-level glacier conference that year?"),
        answer="Tajikistan",
        alternatives=["Republic of Tajikistan", "Tadjikistan", "Tadzhikistan", "Tojikiston"],
        wrong_answers={
            "Kyrgyzstan": "Kyrgyzstan is also an upstream, glacier-rich state, but the initiative and the 2025 "
                          "conference in Dushanbe were another country's.",
            "Uzbekistan": "Uzbekistan is downstream; its president proposed an SCO climate council at "
                          "Samarkand in 2022, but not the Year of Glaciers.",
            "Kazakhstan": "Kazakhstan hosts Tuyuksu, the region's longest glacier record, but did not propose "
                          "the Year.",
        },
        explanation=(
            "Tajikistan's president proposed it in 2021; the UN General Assembly adopted resolution 77/158 on "
            "14 December 2022, and Dushanbe hosted the International Conference on Glaciers' Preservation "
            "from 29 May to 1 June 2025 (WMO). Tajikistan has made water diplomacy a hallmark — it also hosts "
            "the 'Dushanbe Water Process' conferences — partly because glaciers and rivers are its main asset."
        ),
        hints=[
            "It is the most mountainous state of the region, source of the Vakhsh and Panj.",
            "Its capital hosts a series of UN water conferences.",
        ],
    ),
    Match(
        id="09-09",
        prompt=("Match each monitored glacier to the country where it lies (as recorded by the World Glacier "
                "Monitoring Service)."),
        pairs=_glacier_countries(),
        distractors=["Tajikistan", "Uzbekistan"],
        left_label="Glacier",
        right_label="Country",
        notes={
            _TUYUKSU: "Ile Alatau, above Almaty: measured without a break since 1957, the region's longest series.",
            "Abramov": "Alay Range, Pamir-Alay; measured 1968–1998, station destroyed in 1999, restarted in 2011.",
            "Urumqi No. 1 (west branch)": "Eastern Tien Shan, Xinjiang; no gap in the course data (from 1990).",
            "Djankuat": "Caucasus: a Russian reference glacier outside Central Asia.",
        },
        explanation=(
            "The WGMS series in the course data come from Kazakhstan, Kyrgyzstan, China, Russia, India, Nepal "
            "and Pakistan. In the course's extract no glacier in Tajikistan has a glacier-wide series, although "
            "most of the Amu Darya's water forms in Tajikistan's mountains: the Pamir appears only through "
            "Abramov (Pamir-Alay, Kyrgyzstan), a short series for Muztag Ata No. 15 in China's eastern Pamir, and "
            "the regional estimate. That is a gap in monitoring, not a lack of glaciers."
        ),
        hints=[
            "Urumqi is the capital of Xinjiang.",
            "Tuyuksu lies in the mountains just south of Kazakhstan's largest city.",
        ],
    ),
    Reflection(
        id="09-10",
        prompt=(
            "Choose one upstream state (Kyrgyzstan or Tajikistan) and one downstream state (Uzbekistan, "
            "Kazakhstan or Turkmenistan). In four or five sentences, say how each might argue about adapting to "
            "glacier loss — who should store water, who should pay — and whether the SCO is a likely place to "
            "settle it. Use one number from this lesson."
        ),
        model_answer=(
            "*An upstream government such as Tajikistan's, which drew almost all its electricity from "
            "hydropower in 2024 (table in this lesson), argues that glacier loss makes new reservoirs (Rogun) more necessary, to store "
            "today's extra melt for later, and that the world — not only its neighbours — should help pay, as "
            "its glacier diplomacy at the UN stresses. A downstream government such as Uzbekistan's fears that "
            "more upstream storage gives its neighbours control of summer water in the decades when melt "
            "declines, and asks for binding release rules and water-saving irrigation. The SCO has adopted "
            "statements on climate change, but its decisions are by consensus and it has no water-sharing "
            "mechanism, so I expect the real bargaining to stay in Central Asian formats and bilateral deals, "
            "with the SCO at most a forum.*"
        ),
        min_words=40,
        explanation=(
            "There is no single right answer. Strong answers attribute each view to a state, use data from the "
            "lesson (hydropower shares, glacier losses, the model's winter energy), and say what the SCO can and "
            "cannot do."
        ),
        hints=[
            "Start from the hydropower table and the 'less water' run of the model.",
            "Think about timing: who needs water in winter, who in summer, and what peak water changes.",
        ],
    ),
]
