"""Lesson 05 — Conflict, borders and Afghanistan.

Numeric answers are computed when the student checks, from the ``conflict`` dataset (UCDP Country-Year
Dataset on Organized Violence v25.1, best estimates), the ``armed_conflicts`` dataset (UCDP/PRIO Armed
Conflict Dataset v25.1) and the ``migration`` dataset (UN DESA International Migrant Stock 2019). Dates
of events are those given in the lesson, each with its original publisher (UN, governments, news agencies).
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Conflict, borders and Afghanistan"


def _deaths(iso3s, years, kinds=("state_based", "non_state", "one_sided"), column="best") -> int:
    """Returns the sum of a UCDP estimate column ('low', 'best' or 'high') for the countries, years
    (inclusive pair) and types given."""
    from scocourse import datasets

    c = datasets.load("conflict")
    sel = c[c["iso3"].isin(list(iso3s)) & c["year"].between(*years) & c["type_of_violence"].isin(list(kinds))]
    if sel.empty:
        raise ValueError("no UCDP rows for this selection")
    return int(sel[column].sum())


def _tajik_civil_war_deaths_high() -> int:
    """Returns Tajikistan's deaths in organised violence (all types, UCDP's HIGH estimates), 1992–1997."""
    return _deaths(["TJK"], (1992, 1997), column="high")


def _border_state_based_deaths() -> int:
    """Returns the state-based deaths UCDP places in Kyrgyzstan and Tajikistan in 2021 and 2022 together."""
    return _deaths(["KGZ", "TJK"], (2021, 2022), ("state_based",))


def _afghan_born_share_in_iran_and_pakistan_2019() -> float:
    """Returns the share (%) of all persons born in Afghanistan and living abroad in 2019 (UN DESA) who
    lived in Iran or Pakistan."""
    from scocourse import datasets

    m = datasets.load("migration")
    afg = m[(m["origin"] == "AFG") & (m["year"] == 2019)]
    both = afg[afg["destination"].isin(["IRN", "PAK"])]
    if len(both) != 2:
        raise ValueError("the migration dataset lacks Afghans in Iran or Pakistan in 2019")
    return float(both["migrants"].sum()) / float(afg["migrants"].sum()) * 100


QUESTIONS = [
    MultipleChoice(
        id="05-01",
        prompt=(
            "The Uppsala Conflict Data Program (UCDP) counts a **state-based armed conflict** only when certain "
            "conditions are met. Which description matches its rule?"
        ),
        choices=[
            "Two parties, at least one of them a government, use armed force over government or territory, and "
            "the fighting causes at least 25 battle-related deaths in a calendar year",
            "Any violent event in which at least one person dies and a government is involved",
            "Fighting that causes at least 1,000 battle-related deaths in a year, whoever the parties are",
            "Any protest or riot that the government of the country calls a security threat",
        ],
        answer=(
            "Two parties, at least one of them a government, use armed force over government or territory, and "
            "the fighting causes at least 25 battle-related deaths in a calendar year"
        ),
        feedback={
            "Any violent event in which at least one person dies and a government is involved":
                "that is closer to UCDP's event-level data (GED), which records single events — but only events "
                "belonging to conflicts or actors that cross the yearly threshold.",
            "Fighting that causes at least 1,000 battle-related deaths in a year, whoever the parties are":
                "1,000 deaths in a year is UCDP's line between a 'minor' conflict and a 'war'; the entry "
                "threshold is much lower, and one party must be a government.",
            "Any protest or riot that the government of the country calls a security threat":
                "UCDP does not take governments' labels; it asks whether organised parties fought over government "
                "or territory, and how many died.",
        },
        explanation=(
            "UCDP's definition has three parts: a contested incompatibility (government or territory), armed "
            "force between two organised parties of which at least one is a state, and at least 25 battle-related "
            "deaths in one calendar year. Non-state conflicts use the same threshold without a government; "
            "one-sided violence counts an organised actor killing at least 25 civilians in a year."
        ),
        hints=[
            "The rule is about who fights, over what, and a yearly death threshold.",
            "The threshold is much lower than the one used for the word 'war'.",
        ],
    ),
    Numeric(
        id="05-02",
        prompt=(
            "The lesson's tables use UCDP's *best* estimates. Using UCDP's **high** estimates in the `conflict` "
            "dataset instead, how many people died in organised violence of all three types in **Tajikistan** "
            "from 1992 to 1997 inclusive — the civil war up to the year of the General Agreement on peace?"
        ),
        answer=_tajik_civil_war_deaths_high,
        rel_tolerance=0.02,
        unit="deaths",
        decimals=0,
        answer_source=('datasets.load("conflict"): iso3 == "TJK", 1992 <= year <= 1997, sum of "high" over '
                       "state_based, non_state and one_sided"),
        explanation=(
            "UCDP's high estimates add up to about {answer} deaths, well above the best estimates in the lesson's "
            "table. Even the high figure is not a full count: UCDP counts only deaths it can attribute to "
            "organised actors from reports it can check. Estimates of the war's human cost that include deaths "
            "from hunger, disease and unreported killings are higher still: Human Rights Watch, writing in 1996, "
            "cited estimates of 20,000 to 50,000 deaths in 1992 alone. Which number you quote depends on what "
            "you want to measure, and you should say which it is."
        ),
        hints=[
            "Filter the dataset to Tajikistan and the six years, keep every type of violence.",
            "Add up the 'high' column, not the 'best' one.",
        ],
    ),
    Match(
        id="05-03",
        prompt=(
            "UCDP sorts organised violence into three types. Match each pair of actors, as UCDP names them in the "
            "`dyads` column, to the type of violence it is coded under."
        ),
        pairs={
            "Government of Tajikistan – UTO (1992–97)": "State-based, intrastate",
            "Government of Kyrgyzstan – Government of Tajikistan (2021–22)": "State-based, interstate",
            "Kyrgyz – Uzbek (southern Kyrgyzstan, 2010)": "Non-state",
            "IS – Civilians (Tajikistan, 2018)": "One-sided",
        },
        distractors=["Not coded: below the threshold"],
        left_label="Dyad",
        right_label="Type of violence",
        notes={
            "Government of Tajikistan – UTO (1992–97)": "The civil war: the government against the United Tajik "
                                                        "Opposition.",
            "Government of Kyrgyzstan – Government of Tajikistan (2021–22)": "Two states fighting over their "
                                                                             "common border.",
            "Kyrgyz – Uzbek (southern Kyrgyzstan, 2010)": "UCDP codes the violence in Osh and Jalal-Abad as "
                                                          "fighting between two informally organised groups; "
                                                          "its count is far below the inquiries' figures.",
            "IS – Civilians (Tajikistan, 2018)": "An attack on foreign cyclists, claimed by the Islamic State; the "
                                                 "Tajik government blamed the banned Islamic Renaissance Party, "
                                                 "which denied it. Few people died: the dyad is in the data "
                                                 "because IS as an actor crossed UCDP's yearly threshold of 25 "
                                                 "civilian deaths in its operations as a whole.",
        },
        explanation=(
            "State-based violence always has a government on one side (two governments make it interstate); "
            "non-state violence has no government on either side; one-sided violence is an organised actor "
            "against unarmed civilians. All four dyads are in the `dyads` column of the conflict dataset."
        ),
        hints=[
            "Count the governments in each pair: two, one or none?",
            "'Civilians' as the second party always means the same type.",
        ],
    ),
    Numeric(
        id="05-04",
        prompt=(
            "The UCDP/PRIO Armed Conflict Dataset codes the Kyrgyz–Tajik border fighting as an interstate conflict "
            "in two years. In the `conflict` dataset, how many **state-based** deaths (best estimates) does UCDP "
            "place in Kyrgyzstan and Tajikistan together in those two years?"
        ),
        answer=_border_state_based_deaths,
        rel_tolerance=0.03,
        unit="deaths",
        decimals=0,
        answer_source=('datasets.load("conflict"): iso3 in ("KGZ", "TJK"), year 2021-2022, type_of_violence '
                       '"state_based", sum of "best" (years from datasets.load("armed_conflicts"), '
                       'location "Kyrgyzstan, Tajikistan")'),
        explanation=(
            "UCDP counts about {answer} state-based deaths on both sides of the border in 2021 and 2022. The two "
            "governments each published their own casualty figures, and each blamed the other for starting the "
            "fighting; UCDP's estimate is independent of both, with its own low and high bounds."
        ),
        hints=[
            "First find the two years: look for the conflict whose location names both countries in armed_conflicts.",
            "Then add the state-based 'best' values for KGZ and TJK in those years.",
        ],
    ),
    MultipleChoice(
        id="05-05",
        prompt=(
            "People were killed in Andijan (Uzbekistan) in May 2005 and during Kazakhstan's unrest of January "
            "2022, yet neither appears in the UCDP data as state-based conflict or one-sided violence. Which is "
            "the **best explanation**?"
        ),
        choices=[
            "UCDP records only violence it can attribute to organised actors under its definitions — fighting "
            "between organised parties over government or territory, or an organised actor's killing of "
            "civilians that it can code — and these events did not fit those rules as UCDP applied them",
            "Fewer than 25 people died in each of them",
            "UCDP codes only fighting that crosses an international border",
            "UCDP adds an event only after an international inquiry has confirmed its death toll",
        ],
        answer=(
            "UCDP records only violence it can attribute to organised actors under its definitions — fighting "
            "between organised parties over government or territory, or an organised actor's killing of "
            "civilians that it can code — and these events did not fit those rules as UCDP applied them"
        ),
        feedback={
            "Fewer than 25 people died in each of them":
                "the official counts alone are far above 25 in both cases, and rights groups reported more for "
                "Andijan; the threshold is not the reason.",
            "UCDP codes only fighting that crosses an international border":
                "most conflicts in UCDP's data are inside one country: Tajikistan's civil war (1992–97) is coded "
                "as state-based, intrastate violence.",
            "UCDP adds an event only after an international inquiry has confirmed its death toll":
                "UCDP codes from news, NGO, UN and local reports and gives low, best and high estimates; there "
                "was no international inquiry into Tajikistan's civil war either, and it is in the data.",
        },
        explanation=(
            "Absence from UCDP is a statement about definitions, not about whether people died. Protesters, "
            "rioters or an armed group that holds a building for a day may not form an organised party to a "
            "conflict in UCDP's sense, and killings by security forces during unrest are coded as one-sided "
            "violence only when UCDP judges they meet its criteria. Whether Andijan should count is debatable — "
            "which is exactly why a student must read a dataset's rules before reading its numbers."
        ),
        hints=[
            "Check the dataset's description: what must be true for violence to be counted at all?",
            "Both events are in the news archives and in reports of rights groups; the question is about a "
            "dataset's rules.",
        ],
    ),
    MultipleChoice(
        id="05-06",
        prompt=(
            "How big a threat does the Islamic State's Afghan branch (ISKP, or ISIL-K) pose to Central Asia? "
            "Which option **correctly attributes** two views that the lesson sets side by side?"
        ),
        choices=[
            "The UN Security Council's sanctions Monitoring Team reported Afghanistan to be the main source of "
            "terrorist threat for Central and South Asia; the Taliban authorities say ISKP is weakened and its "
            "threat exaggerated",
            "The Taliban authorities warn that ISKP is about to invade Central Asia; the UN Monitoring Team says "
            "the group no longer exists",
            "Both the UN Monitoring Team and the Taliban authorities say ISKP has no fighters from Central Asia",
            "UCDP's data prove that ISKP has carried out most of the killings in Central Asia since 2021",
        ],
        answer=(
            "The UN Security Council's sanctions Monitoring Team reported Afghanistan to be the main source of "
            "terrorist threat for Central and South Asia; the Taliban authorities say ISKP is weakened and its "
            "threat exaggerated"
        ),
        feedback={
            "The Taliban authorities warn that ISKP is about to invade Central Asia; the UN Monitoring Team says "
            "the group no longer exists":
                "the views are the other way round: the Taliban authorities say the group is suppressed, while the "
                "UN team, relaying member states' assessments, describes it as a serious threat.",
            "Both the UN Monitoring Team and the Taliban authorities say ISKP has no fighters from Central Asia":
                "the UN team's reports describe recruitment among Central Asians and ethnic Tajiks.",
            "UCDP's data prove that ISKP has carried out most of the killings in Central Asia since 2021":
                "look at the chart: UCDP records very few deaths in Central Asia since 2021 apart from the "
                "Kyrgyz–Tajik border war, which had nothing to do with ISKP.",
        },
        explanation=(
            "Spillover is contested. The UN Monitoring Team's thirty-first report (S/2023/95, February 2023), "
            "drawing on member states' assessments, named Afghanistan the main source of terrorist threat for "
            "Central and South Asia and listed ISKP and Central Asian groups among the sources. The Taliban "
            "authorities' spokesman Zabihullah Mujahid rejected such UN reports (August 2023, reported by "
            "TOLOnews), saying ISKP's capacity had been destroyed. The UCDP data show little violence inside the "
            "Central Asian states since 2021 — which fits a threat that is real but mostly exported beyond the "
            "region, or a threat that is overstated. Neither reading follows from the data alone."
        ),
        hints=[
            "One view comes from a UN body that relays governments' assessments, the other from the authorities "
            "in Kabul.",
            "Check the last option against the chart of deaths by type.",
        ],
    ),
    Numeric(
        id="05-07",
        prompt=(
            "Refugees are part of Afghanistan's conflict too. From the `migration` dataset (UN DESA, persons by "
            "place of birth, which includes refugees), what **percentage** of all people born in Afghanistan and "
            "living abroad in 2019 lived in Iran or Pakistan?"
        ),
        answer=_afghan_born_share_in_iran_and_pakistan_2019,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source=('datasets.load("migration"): origin "AFG", year 2019; migrants in ("IRN", "PAK") ÷ '
                       "migrants in all destinations × 100"),
        explanation=(
            "About {answer} of the Afghan-born people living abroad in 2019 lived in its two large neighbours. These "
            "are stocks by place of birth, with UNHCR's refugee counts added by the UN for these countries; they "
            "leave out undocumented Afghans and say nothing about the mass returns and deportations from Pakistan "
            "and Iran after 2023, which UNHCR has reported separately."
        ),
        hints=[
            "Filter origin == 'AFG' and year == 2019: that is every destination. Then keep Iran and Pakistan.",
            "Divide the two neighbours' sum by the sum over all destinations.",
        ],
    ),
    Reflection(
        id="05-08",
        prompt=(
            "India and Pakistan joined the SCO together in 2017 and fought short military crises in 2019 and 2025. "
            "In 2025 India refused to sign an SCO defence ministers' statement that did not mention the Pahalgam "
            "attack, while the leaders' declaration in Tianjin a few months later condemned it. In five or six "
            "sentences, argue whether having both states inside a consensus-based organisation helps to manage "
            "their conflict or mainly paralyses the SCO. Attribute each side's view."
        ),
        model_answer=(
            "One possible answer: *The SCO gives Indian and Pakistani ministers a regular place to sit in the same "
            "room, and RATS and the summits create channels that do not depend on bilateral talks, which have "
            "been largely suspended. Supporters of enlargement — the 2014 Valdai report notes that Russia "
            "openly backed India's application — hoped membership would draw both states into the 'Shanghai "
            "spirit'. But the record of 2019 and 2025 shows that the SCO neither prevented nor mediated either "
            "crisis: both were ended outside it. Because decisions need "
            "consensus, each side can block texts, as India did in 2025 when the defence ministers' statement "
            "left out Pahalgam, and Pakistan can resist language it sees as one-sided. The Tianjin declaration "
            "shows that wording can be found, but only on general condemnations. On balance I think the SCO is "
            "a forum that limits isolation rather than a mechanism that manages the conflict.*"
        ),
        min_words=50,
        explanation=(
            "A strong answer separates the SCO as a forum (meetings, declarations) from the SCO as a conflict "
            "manager (mediation, enforcement), gives evidence for each, and attributes the Indian and Pakistani "
            "positions rather than adopting one."
        ),
        hints=[
            "What did the SCO actually do during the 2019 and 2025 crises?",
            "How does the consensus rule change what each member can do?",
        ],
    ),
    Order(
        id="05-09",
        prompt="Put these events of the region's post-Soviet conflicts in order, earliest first.",
        items=[
            "General Agreement on peace in Tajikistan signed in Moscow",
            "IMU fighters enter Kyrgyzstan's Batken region",
            "Uzbek security forces fire on crowds in Andijan",
            "India and Pakistan become full SCO members",
            "Deadliest Kyrgyz–Tajik border fighting, during the SCO summit in Samarkand",
            "Kyrgyzstan and Tajikistan sign a treaty on their state border",
        ],
        notes={
            "General Agreement on peace in Tajikistan signed in Moscow": "27 June 1997",
            "IMU fighters enter Kyrgyzstan's Batken region": "August 1999 (and again in summer 2000)",
            "Uzbek security forces fire on crowds in Andijan": "13 May 2005",
            "India and Pakistan become full SCO members": "9 June 2017, Astana",
            "Deadliest Kyrgyz–Tajik border fighting, during the SCO summit in Samarkand": "14–16 September 2022",
            "Kyrgyzstan and Tajikistan sign a treaty on their state border": "13 March 2025, Bishkek",
        },
        explanation=(
            "The civil war ended with the 1997 agreement; two years later the Islamic Movement of Uzbekistan, "
            "some of whose fighters had been in Tajikistan, raided Batken. Andijan (2005) was a crackdown rather "
            "than a war. The SCO enlarged to South Asia in 2017; the border war of 2022 broke out while leaders "
            "met in Samarkand, and the border treaty followed in 2025."
        ),
        hints=[
            "A peace agreement in one country came before an armed group crossed into a neighbour.",
            "Two of the six events happened in the 1990s.",
        ],
    ),
    ShortText(
        id="05-10",
        prompt=(
            "Since 2022 Afghanistan's authorities have been building a large irrigation canal that takes water from "
            "the Amu Darya in the north of the country, worrying Uzbekistan and Turkmenistan downstream. What is "
            "the canal called?"
        ),
        answer="Qosh Tepa",
        alternatives=["Qosh Tepa canal", "Qosh-Tepa", "Qoshtepa", "Kosh Tepa", "Qush Tepa", "Kush Tepa"],
        wrong_answers={
            "Karakum": "The Karakum canal is Turkmenistan's Soviet-era canal; the new one is in Afghanistan.",
            "Karakum canal": "The Karakum canal is Turkmenistan's Soviet-era canal; the new one is in Afghanistan.",
            "Rogun": "Rogun is a dam in Tajikistan on the Vakhsh, a tributary of the Amu Darya.",
        },
        explanation=(
            "The Qosh Tepa canal runs west from the Amu Darya across Balkh, Jowzjan and Faryab. The infrastructure "
            "and water_facts datasets hold its design discharge and the uncertain estimates of how much water it "
            "could take; lesson 08 returns to it."
        ),
        hints=[
            "It is listed in the infrastructure dataset, type 'canal'.",
            "Its name has two parts; the second means 'hill'.",
        ],
    ),
]
