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


def _region_years_uncertain() -> int:
    """Returns the number of years in which the Central Asia (RGI 13) estimate's uncertainty exceeds |balance|."""
    g = _glaciers()
    r = g[(g["kind"] == "region") & (g["series_id"] == "ASC")]
    w = r.pivot(index="year", columns="variable", values="value").dropna(
        subset=["annual_balance", "annual_balance_uncertainty"])
    if w.empty:
        raise ValueError("no regional estimate for Central Asia")
    return int((w["annual_balance_uncertainty"] > w["annual_balance"].abs()).sum())


def _kyrgyz_hydro_share_2024() -> float:
    """Returns hydropower's share (%) of Kyrgyzstan's electricity in 2024 (one release: the newest covering 2024)."""
    from scocourse.charts.glaciers import hydropower_shares

    t = hydropower_shares("KGZ", years=2024)
    if len(t) != 1:
        raise ValueError("no electricity data for Kyrgyzstan in 2024")
    return float(t["hydro_share_pct"].iloc[0])


def _winter_energy_loss_20pct() -> float:
    """Returns the fall (GWh) in October–March electricity with 20% less mean inflow (average year, Soviet share)."""
    from scocourse.explorers.climate import less_water_table

    t = less_water_table(-20)
    return float(-t.loc["Winter electricity, Oct–Mar (GWh)", "change"])


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
        unit="m w.e.",
        decimals=1,
        answer_source=("glaciers: name 'Tsentralniy Tuyuksu', variable 'annual_balance', years 1990–2020, "
                       "value summed (unit mm w.e.) and divided by 1000"),
        explanation=(
            "The 31 annual balances sum to {answer}: the glacier lost the equivalent of a layer of water that "
            "thick spread over its whole surface. The values are published in millimetres (the `unit` column "
            "says 'mm w.e.'), so the sum must be divided by 1000 to compare it with the regional estimate, "
            "which is in metres. A few positive years (more snow than melt) do not change the direction."
        ),
        hints=[
            "Filter the rows for this glacier and the variable `annual_balance`; check the `unit` column first.",
            "A millimetre is a thousandth of a metre.",
            "Most years are negative, so expect a negative total of several metres.",
        ],
    ),
    MultipleChoice(
        id="09-02",
        prompt=(
            "Glaciers at the head of a river are losing mass year after year. According to the 'peak water' "
            "idea (Huss and Hock, 2018), what happens to the **meltwater the glaciers add to the river** over "
            "the coming decades?"
        ),
        choices=[
            "It first rises, because more ice melts each summer, then falls as the shrinking glaciers have "
            "less ice left to melt",
            "It falls steadily from now on, because a smaller glacier always gives less water",
            "It keeps rising for as long as temperatures rise, because warmer summers melt more ice",
            "It stays the same: rivers in Central Asia are fed only by rain and seasonal snow",
        ],
        answer=("It first rises, because more ice melts each summer, then falls as the shrinking glaciers have "
                "less ice left to melt"),
        feedback={
            "It falls steadily from now on, because a smaller glacier always gives less water":
                "at first the extra melt of a warming climate outweighs the smaller area, so runoff can rise "
                "for years or decades before it falls.",
            "It keeps rising for as long as temperatures rise, because warmer summers melt more ice":
                "melt needs ice: once the glacier area has shrunk enough, even warmer summers yield less water.",
            "It stays the same: rivers in Central Asia are fed only by rain and seasonal snow":
                "glacier melt matters most in late summer and in dry years, when snow is gone and irrigation "
                "demand peaks.",
        },
        explanation=(
            "Huss and Hock (2018) modelled glacier runoff in 56 large glacier-fed basins to 2100: runoff from "
            "shrinking glaciers first increases, reaches a maximum ('peak water') and then declines. In about "
            "half of the basins the peak had already passed; where glaciers are larger it comes later, and the "
            "largest monthly reductions they project by 2100 are in Central Asia and the Andes. More melt now "
            "can therefore hide the coming loss: a river may run high today on ice that will not be replaced."
        ),
        hints=[
            "Think of a savings account that is being drawn down faster and faster.",
            "Melt depends on two things: how warm it is and how much ice there is.",
        ],
    ),
    Order(
        id="09-03",
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
        id="09-04",
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
            "Note that Ember's latest year is sometimes estimated and was revised in a later release."
        ),
        hints=[
            "Divide hydro generation by the total of all sources for 2024, and do not mix releases.",
            "`charts.glaciers.hydropower_shares` does the division for you; the lesson's table shows the result.",
        ],
    ),
    Match(
        id="09-05",
        prompt=("Match each monitored glacier to the country where it lies (as recorded by the World Glacier "
                "Monitoring Service)."),
        pairs=_glacier_countries(),
        distractors=["Tajikistan", "Uzbekistan"],
        left_label="Glacier",
        right_label="Country",
        notes={
            _TUYUKSU: "Ile Alatau, above Almaty: the longest continuous series in the region.",
            "Abramov": "Alay Range, Pamir-Alay; measurements stopped in the 1990s and restarted in the 2010s.",
            "Urumqi No. 1 (west branch)": "Eastern Tien Shan, Xinjiang; monitored without a break since 1990.",
            "Djankuat": "Caucasus: a Russian reference glacier outside Central Asia.",
        },
        explanation=(
            "The WGMS series for the course countries come from Kazakhstan, Kyrgyzstan, China, Russia, India "
            "and Nepal. In this version of the database no Tajik glacier has a glacier-wide series, even though "
            "Tajikistan holds the largest glaciers of the region: the Pamir appears only through Abramov and the "
            "regional estimate. That is a gap in monitoring, not a lack of glaciers."
        ),
        hints=[
            "Urumqi is the capital of Xinjiang.",
            "Tuyuksu lies in the mountains just south of Kazakhstan's largest city.",
            "Two countries in the list have no glacier-wide series in this dataset.",
        ],
    ),
    Numeric(
        id="09-06",
        prompt=(
            "In the regional estimate for Central Asia (RGI 13, series `ASC`, 2000–2020), in how many years is "
            "the stated **uncertainty larger than the size of the balance itself**?"
        ),
        answer=_region_years_uncertain,
        tolerance=0,
        unit="years",
        answer_source=("glaciers: kind 'region', series_id 'ASC'; count the years where "
                       "annual_balance_uncertainty > |annual_balance|"),
        explanation=(
            "In {answer} the uncertainty is larger than the estimate. A single year's regional value therefore "
            "cannot tell gain from loss; only the long run can. Summed over two decades, the losses add up while "
            "the (assumed independent) errors grow more slowly, so the trend becomes clearer than any single "
            "year — but the band on the chart stays wide enough to reach zero, which is why the long "
            "single-glacier records and satellite studies matter."
        ),
        hints=[
            "Put the balance and its uncertainty side by side, one row per year.",
            "Compare the uncertainty with the absolute value of the balance (ignore the sign).",
        ],
    ),
    Numeric(
        id="09-07",
        prompt=(
            "Run the reservoir model for an average year at the Soviet-era winter share, once with today's mean "
            "inflow and once with **20% less** (`inflow_change=-20`; the operator plans on the new mean). By how "
            "many GWh does the electricity generated in October–March fall?"
        ),
        answer=_winter_energy_loss_20pct,
        rel_tolerance=0.05,
        unit="GWh",
        decimals=0,
        answer_source=("less_water_table(-20): simulate(share, 'average') and simulate(share, 'average', "
                       "inflow_change=-20), winter_energy_gwh difference"),
        explanation=(
            "Winter electricity falls by about {answer}, close to a fifth: with less water to release the "
            "turbines run less, and a slightly lower reservoir also lowers the head. Summer water downstream "
            "falls by the same proportion — a drier future hurts upstream power and downstream farms at once, "
            "which is why the winter-summer quarrel of lesson 08 gets harder, not easier."
        ),
        hints=[
            "`from scocourse.explorers.climate import less_water_table` compares the two runs.",
            "Look at the row for winter electricity and take the difference, not the percentage.",
        ],
    ),
    MultipleChoice(
        id="09-08",
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
        id="09-09",
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
            "Tajikistan's president proposed it; the UN General Assembly adopted resolution 77/158 on "
            "14 December 2022, and Dushanbe hosted the High-Level International Conference on Glaciers' "
            "Preservation at the end of May 2025. Tajikistan has made water diplomacy a hallmark — it also hosts "
            "the 'Dushanbe Water Process' conferences — partly because glaciers and rivers are its main asset."
        ),
        hints=[
            "It is the most mountainous state of the region, source of the Vakhsh and Panj.",
            "Its capital hosts a series of UN water conferences.",
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
