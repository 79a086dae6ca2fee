"""Lesson 10 — Scenarios: how scenario analysis works, the 2014 Valdai scenarios in hindsight,
demography as the driver we can project, and a scenario builder.

Facts about the 2014 scenarios come from seed 001 (E. Koldunova and N. Das Kundu, *Russia's Role
in the SCO and Central Asia*, Valdai Discussion Club, 2014), pp. 62-63 of the report; event dates
from the ``events`` and ``membership`` datasets. Three answers are computed from the datasets when
the student checks (UN WPP 2024 totals, World Bank WDI working-age population), so they follow the
data if it is rebuilt.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection

TITLE = "Scenarios"


def _ca() -> list:
    """The five Central Asian states, from ``scocourse.central_asia()`` (the countries dataset)."""
    import scocourse
    return scocourse.central_asia()


def _wpp_wide():
    """Returns UN WPP 2024 population (persons) of the five states, one column per state, indexed by year."""
    from scocourse import datasets
    pop = datasets.load("population_projections")
    pop = pop[pop["iso3"].isin(_ca())]
    wide = pop.pivot(index="year", columns="iso3", values="population")
    if list(wide.columns) != sorted(_ca()) or wide.isna().any().any():
        raise ValueError("population_projections lacks a year for one of the five states")
    return wide


def _mean_yearly_increase_2014_2024_million() -> float:
    """Returns the average yearly increase (million people) of the five states' population, 2014 to 2024."""
    total = _wpp_wide().sum(axis=1)
    return float((total.loc[2024] - total.loc[2014]) / 10 / 1e6)


def _growth_2024_2050_million() -> float:
    """Returns the projected increase (million people) of the five states' population, 2024 to 2050."""
    total = _wpp_wide().sum(axis=1)
    return float((total.loc[2050] - total.loc[2024]) / 1e6)


def _working_age_increase_2015_2025_thousand() -> float:
    """Returns the average yearly increase (thousand people) of the five states' population aged 15-64, 2015-2025.

    Uses the World Bank WDI derived series working_age_population (share aged 15-64 x total
    population): (value in 2025 - value in 2015) / 10, summed over the five states.
    """
    import scocourse
    wa = scocourse.indicator("working_age_population", countries=_ca(), years=[2015, 2025])
    wide = wa.pivot(index="year", columns="iso3", values="value")
    if wide.shape != (2, 5) or wide.isna().any().any():
        raise ValueError("working_age_population lacks 2015 or 2025 for one of the five states")
    total = wide.sum(axis=1)
    return float((total.loc[2025] - total.loc[2015]) / 10 / 1e3)


_S1 = "Scenario 1 (relative stability holds)"
_S2 = "Scenario 2 (Afghanistan falls apart)"
_BOTH = "Both scenarios"

QUESTIONS = [
    MultipleChoice(
        id="10-01",
        prompt=(
            "A scenario team looking at Central Asia to 2040 sorts its drivers into *predetermined elements* "
            "(already under way, hard to reverse) and *critical uncertainties* (important, but could go "
            "either way). Which of these drivers belongs among the **predetermined elements**?"
        ),
        choices=[
            "How many people will reach working age (15) in the region during the 2030s",
            "Whether Afghanistan's rulers keep armed groups away from the northern border",
            "Whether Russia and China coordinate or compete in the region",
            "The world prices of oil and gas",
        ],
        answer="How many people will reach working age (15) in the region during the 2030s",
        feedback={
            "Whether Afghanistan's rulers keep armed groups away from the northern border":
                "this is highly uncertain and highly important — a textbook critical uncertainty, and the "
                "one the 2014 Valdai scenarios turned on.",
            "Whether Russia and China coordinate or compete in the region":
                "analysts disagree about where this relationship is heading, so it is an uncertainty, not "
                "something given.",
            "The world prices of oil and gas":
                "energy prices have swung widely in every decade since the 1970s; no one can project them "
                "with confidence.",
        },
        explanation=(
            "Everyone who will turn 15 in the 2030s has already been born, so the size of those cohorts is "
            "known today, apart from deaths and migration. That is why demography is the one driver this "
            "lesson can project with UN data. The other three drivers are important and genuinely open, which "
            "makes them candidates for the axes of a scenario matrix."
        ),
        hints=[
            "Ask of each driver: could it plausibly turn out in two very different ways?",
            "For one of the four, the people concerned are already alive.",
        ],
    ),
    MultipleChoice(
        id="10-02",
        prompt=(
            "A student team proposes these two axes for a Central Asian scenario matrix to 2035: **(1) how fast "
            "Russia's economy grows** and **(2) how much money migrants send home to Tajikistan**. Both are "
            "important for the region and both are hard to predict. What is the main problem with this choice?"
        ),
        choices=[
            "The two axes are not independent: remittances to Tajikistan largely follow Russia's economy, so "
            "two of the four quadrants would be implausible",
            "Remittances are a predetermined element, because the number of migrants is already known",
            "Economic drivers change too slowly to serve as axes; scenario axes should be political events",
            "There is no problem: two drivers that are important and uncertain are all a matrix needs",
        ],
        answer=(
            "The two axes are not independent: remittances to Tajikistan largely follow Russia's economy, so "
            "two of the four quadrants would be implausible"
        ),
        feedback={
            "Remittances are a predetermined element, because the number of migrants is already known":
                "migration and remittances respond to jobs, wages, exchange rates and Russian migration policy; "
                "they can move sharply within a year, as the remittance chart later in the lesson shows.",
            "Economic drivers change too slowly to serve as axes; scenario axes should be political events":
                "many scenario studies use economic axes (energy prices, growth); what matters is that the axes "
                "are important, uncertain — and independent of each other.",
            "There is no problem: two drivers that are important and uncertain are all a matrix needs":
                "that is necessary but not enough: if one axis largely decides the other, a fast-growing Russia "
                "with collapsing remittances (or the reverse) is hardly a world worth planning for.",
        },
        explanation=(
            "Axes must be independent as well as important and uncertain. Most remittances to Tajikistan are "
            "earned in Russia, so they rise and fall with Russia's economy and the rouble: the matrix would "
            "really have one axis, and its off-diagonal quadrants would be implausible. Keep one of the two as "
            "an axis and treat the other as a driver whose state follows from it, or pick a second axis from a "
            "different field (Afghanistan's stability, water cooperation)."
        ),
        hints=[
            "Could you tell a believable story for each of the four quadrants — for example a booming Russia "
            "and falling remittances?",
            "Where do most Tajik migrants work?",
        ],
    ),
    Match(
        id="10-03",
        prompt=(
            "The 2014 Valdai report by Koldunova and Das Kundu sketched two scenarios for Central Asia after "
            "ISAF's withdrawal from Afghanistan. Match each element to the scenario in which the report "
            "places it."
        ),
        pairs={
            "Some NATO contingents stay on in Afghanistan": _S1,
            "The UN, the SCO and the Istanbul and Kabul processes fund Afghanistan's economy and army": _S1,
            "The SCO's role is mainly political and socio-economic": _S1,
            "No post-2014 settlement is reached with moderate Taliban forces": _S2,
            "Economic projects, Russia's included, become secondary to immediate security needs": _S2,
            "Practical military cooperation runs mainly bilaterally and through the CSTO": _S2,
            "Drug trafficking remains an acute problem": _BOTH,
        },
        left_label="Element of the scenario",
        right_label="Scenario",
        notes={
            "Some NATO contingents stay on in Afghanistan": "The opening assumption of scenario 1.",
            "No post-2014 settlement is reached with moderate Taliban forces":
                "The trigger of scenario 2, together with the Afghan government losing its grip.",
            "Practical military cooperation runs mainly bilaterally and through the CSTO":
                "The report argues the SCO lacks both the mandate and the capabilities of a military alliance.",
            "Drug trafficking remains an acute problem":
                "Scenario 1 says so explicitly; scenario 2 lists drug trafficking among the non-traditional "
                "threats the SCO states would face.",
        },
        explanation=(
            "The report's two scenarios turn on one critical uncertainty — whether Afghanistan holds together "
            "after 2014. In the first, a residual NATO presence and international aid keep relative stability "
            "and the SCO works as a political and economic coordinator. In the second, Afghanistan fragments, "
            "insurgent threats to Uzbekistan and Tajikistan grow, and security crowds out economics, with "
            "military cooperation handled bilaterally and by the CSTO rather than the SCO."
        ),
        hints=[
            "Scenario 1 is the 'stability holds' world; scenario 2 the 'things fall apart' world.",
            "One element is in both worlds: the report thought it would persist whatever happened.",
        ],
    ),
    Order(
        id="10-04",
        prompt=(
            "Put these developments after the 2014 report in order, earliest first. (One of them comes from "
            "outside the course datasets — see the lesson text.)"
        ),
        items=[
            "India and Pakistan become full SCO members",
            "The Taliban take control of Kabul",
            "The SCO's 20th-anniversary summit meets in Dushanbe",
            "Iran becomes the SCO's ninth member",
            "Belarus becomes the SCO's tenth member",
            "Observer and dialogue-partner statuses are merged into 'SCO partner'",
        ],
        notes={
            "India and Pakistan become full SCO members": "9 June 2017, Astana (events dataset)",
            "The Taliban take control of Kabul": "15 August 2021 — widely reported; not in the course's events dataset",
            "The SCO's 20th-anniversary summit meets in Dushanbe": "16-17 September 2021 (events dataset)",
            "Iran becomes the SCO's ninth member": "4 July 2023, virtual summit hosted by India (events dataset)",
            "Belarus becomes the SCO's tenth member": "4 July 2024, Astana (events dataset)",
            "Observer and dialogue-partner statuses are merged into 'SCO partner'":
                "1 September 2025, Tianjin (events dataset)",
        },
        explanation=(
            "The SCO kept enlarging right through Afghanistan's upheaval: India and Pakistan joined in 2017; "
            "the Dushanbe summit met about a month after the fall of Kabul and launched Iran's accession; Iran "
            "joined in 2023, Belarus in 2024, and in 2025 the outer circle was merged into one partner "
            "category. The scenario the 2014 authors feared most arrived, but the organisation's trajectory "
            "was set largely by enlargement, not by Afghanistan."
        ),
        hints=[
            "The first enlargement of membership came four years before the Dushanbe anniversary summit.",
            "The SCO was founded in 2001, so its 20th anniversary fell in 2021 — after the events in Kabul "
            "that summer.",
        ],
    ),
    Reflection(
        id="10-05",
        prompt=(
            "**Score the 2014 scenarios.** For each of the report's two scenarios give a score from 0 (missed "
            "completely) to 3 (largely right) on three points: (a) the *trigger* it assumed, (b) its "
            "*consequences for Central Asia*, and (c) the *role it gave the SCO*. Justify each score in a "
            "sentence, citing at least one fact from the lesson's tables."
        ),
        model_answer=(
            "One defensible scoring. **Scenario 1** — trigger 2/3: a residual NATO mission did stay (Resolute "
            "Support, 2015-2021), though only for about six and a half years. Consequences 1/3: the "
            "international development programme for Afghanistan it counted on did not deliver stability. SCO role 2/3: the SCO did act "
            "as a political forum and enlarged (India and Pakistan in 2017, as the authors wished), but did "
            "little on Afghanistan itself. **Scenario 2** — trigger 2/3: the Afghan government did lose its "
            "grip, though through the US-Taliban deal of 2020 rather than a failed deal with 'moderate' "
            "Taliban. Consequences 1/3: the feared wave of insurgent attacks on Uzbekistan and Tajikistan and "
            "tensions between Central Asian states did not follow on the scale described, so far as the sources "
            "available to this course show. SCO role 3/3: the SCO indeed limited itself to consultations; "
            "military responses were national, bilateral and CSTO-based. Overall the report identified the "
            "right critical uncertainty but treated its two outcomes as a fork in 2014 rather than a sequence "
            "(scenario 1 first, then scenario 2's trigger)."
        ),
        min_words=60,
        explanation=(
            "Scoring a past scenario is not about whether it 'came true' — scenarios are not forecasts. Ask "
            "whether it named the right driver, whether its logic linked causes to consequences plausibly, and "
            "whether the signposts it implied would have warned you in time."
        ),
        hints=[
            "Go point by point: first the trigger, then the consequences, then the SCO's role.",
            "Use the events table: which enlargement steps happened, and when relative to August 2021?",
            "A scenario can get the trigger right and the consequences wrong.",
        ],
    ),
    Numeric(
        id="10-06",
        prompt=(
            "Khaidarzoda (2025) writes that, according to the UN, Central Asia's population has grown on "
            "average by more than a million people a year over the past ten years. Check the claim: using "
            "the UN WPP 2024 estimates for the five states, what was the **average yearly increase from 2014 "
            "to 2024**, in million people?"
        ),
        answer=_mean_yearly_increase_2014_2024_million,
        tolerance=0.03,
        decimals=2,
        unit="million people per year",
        answer_source=(
            "population_projections: (sum of the five states in 2024 - sum in 2014) / 10 / 1,000,000"
        ),
        explanation=(
            "The five states together grew by about {answer}, so the claim holds — comfortably. Most of the "
            "increase comes from Uzbekistan and Kazakhstan, as Khaidarzoda says, while Tajikistan grows fastest "
            "in relative terms."
        ),
        hints=[
            "Filter population_projections to the five states (sc.central_asia()) and sum by year.",
            "Take the total for 2024, subtract the total for 2014 and divide by the ten years between them.",
            "Divide by 1,000,000 to get million people.",
        ],
    ),
    Numeric(
        id="10-07",
        prompt=(
            "The lesson treats the number of people of working age (15-64) as a rough measure of how many "
            "people the labour market must absorb. Using the World Bank series `working_age_population` "
            "(a derived series: share aged 15-64 × total population), what was the **average yearly increase "
            "in the five Central Asian states together between 2015 and 2025**, in thousand people?"
        ),
        answer=_working_age_increase_2015_2025_thousand,
        rel_tolerance=0.03,
        decimals=0,
        unit="thousand people per year",
        answer_source=(
            'scocourse.indicator("working_age_population", countries=scocourse.central_asia(), '
            "years=[2015, 2025]): (total 2025 - total 2015) / 10 / 1,000"
        ),
        explanation=(
            "Working-age population grew by about {answer}. If employment rates are to stay where they "
            "are, roughly that many people each year need a job at home, a job abroad, or else swell the "
            "ranks of the unemployed and inactive. This is the arithmetic behind Khaidarzoda's point that the "
            "region must create jobs quickly, and behind the weight of labour migration and remittances."
        ),
        hints=[
            "Load the series for the five states for 2015 and 2025 only.",
            "Add the five states together for each year, subtract, and divide by ten.",
            "The values are in persons: divide by 1,000.",
        ],
    ),
    Numeric(
        id="10-08",
        prompt=(
            "According to the UN WPP 2024 **medium variant**, by how many million people will the combined "
            "population of the five Central Asian states grow **between 2024 and 2050**?"
        ),
        answer=_growth_2024_2050_million,
        tolerance=0.5,
        decimals=1,
        unit="million people",
        answer_source="population_projections: sum of the five states in 2050 - sum in 2024, / 1,000,000",
        explanation=(
            "The medium variant adds about {answer} by 2050. That is a projection, not a forecast: it assumes "
            "fertility keeps falling slowly and migration stays close to recent levels. Even so, most of the "
            "people who will be of working age in 2050 are already born, which is why demography is the most "
            "predictable of the lesson's drivers."
        ),
        hints=[
            "Use kind == 'projection' rows for 2050 and the 2024 row (the first projection year).",
            "Sum the five states for each year, subtract, and convert to millions.",
        ],
    ),
    Match(
        id="10-09",
        prompt=(
            "**Classify the signposts.** Each indicator below could warn you early that the region is moving "
            "towards one state of a driver or another. Match each signpost to the driver it tracks."
        ),
        pairs={
            "Remittances received by Tajikistan, as % of its GDP": "Labour migration to Russia",
            "China's share of Central Asia's trade compared with Russia's, on both sides of the records":
                "Russia–China alignment",
            "Water stored in Toktogul reservoir at the start of winter": "Water cooperation",
            "Fuels as a share of Kazakhstan's merchandise exports": "Energy prices",
            "Armed incidents on the Tajik–Afghan border": "Afghanistan's stability",
            "The number of people turning 15 each year": "Demography (a predetermined element)",
        },
        left_label="Signpost",
        right_label="Driver",
        notes={
            "Remittances received by Tajikistan, as % of its GDP":
                "Mostly money sent home by migrants working in Russia; it falls when Russia's labour market "
                "or the rouble weakens.",
            "China's share of Central Asia's trade compared with Russia's, on both sides of the records":
                "A structural signpost: it moves slowly, so watch the trend, not one year — and read both the "
                "Central Asian records and Russia's and China's, which differ (lesson 07).",
            "Water stored in Toktogul reservoir at the start of winter":
                "Low autumn storage forces Kyrgyzstan to choose between winter power and summer water "
                "downstream (lesson 08).",
            "Fuels as a share of Kazakhstan's merchandise exports":
                "Shows how exposed the economy is to oil prices; combine it with GDP growth.",
            "The number of people turning 15 each year":
                "Not a signpost of which scenario is coming: it is the same in all of them.",
        },
        explanation=(
            "A good signpost is observable early, published regularly and moves differently under the "
            "different states of a driver. Most of the signposts above are in the course datasets; border "
            "incidents are not: the UCDP data of lesson 05 count deaths by country and year, so for one border you "
            "would need UCDP's event-level data or another source. "
            "Demography is a trap: it shapes every scenario, but it cannot tell you which one is arriving."
        ),
        hints=[
            "Ask of each indicator: which driver would move it first?",
            "One driver is not an uncertainty at all.",
        ],
    ),
    Reflection(
        id="10-10",
        prompt=(
            "**Write a short scenario** (150-250 words) for Central Asia in 2035 with the scenario builder. "
            "Give it a memorable name; say which state you chose for each driver and why the combination is "
            "consistent; tell the story of how the region got there from today; and name three signposts, "
            "with their current values from the builder's table, that would tell you early that your "
            "scenario is unfolding."
        ),
        model_answer=(
            "*Example — \"Crowded bazaar\" (Afghanistan contained; Russia and China compete; water cooperation "
            "partial; energy prices low; migration open).* By 2035 Afghanistan is poor and isolated but its "
            "northern border is quiet, so security spending no longer dominates regional agendas. Russia and "
            "China court Central Asian governments with rival offers: Chinese finance for railways and "
            "industry, Russian jobs and security guarantees. The region plays them off against each other, "
            "as Khaidarzoda's multi-vector argument expects, and intra-regional trade grows. Low oil prices "
            "squeeze Kazakhstan's budget and slow Russia's economy, so remittances to Tajikistan and "
            "Kyrgyzstan stop growing even though migration stays open; about as many people reach working "
            "age each year as in the 2010s, and youth unemployment becomes the main domestic risk. "
            "Signposts: China's trade share overtaking Russia's for good (today: see the table); Tajikistan's "
            "remittances falling below a fifth of GDP; Toktogul storage each October staying above the "
            "dead level without emergency power cuts."
        ),
        min_words=120,
        explanation=(
            "A useful scenario is internally consistent (its driver states fit together), tells a causal "
            "story from today, and comes with signposts that would move early. It does not need to be the "
            "most likely future: its value is in making you notice change in time."
        ),
        hints=[
            "Start from the builder: pick a quadrant of the matrix, then the other drivers.",
            "Check the builder's 'tensions' note — can you explain away each tension, or should you change a "
            "driver?",
            "Signposts should be numbers you could look up again next year.",
        ],
    ),
    MultipleChoice(
        id="10-11",
        prompt="Which of these would make the **best signpost** for a scenario exercise? Select one.",
        choices=[
            "An indicator published every year that moves in different directions under different scenarios",
            "An indicator that changes only once a decade, such as a census count",
            "An indicator that moves the same way in every scenario",
            "An expert's statement that a particular scenario is the most likely one",
        ],
        answer="An indicator published every year that moves in different directions under different scenarios",
        feedback={
            "An indicator that changes only once a decade, such as a census count":
                "by the time it moves, the scenario will already have arrived; signposts must warn early.",
            "An indicator that moves the same way in every scenario":
                "it cannot tell the scenarios apart — it belongs to the predetermined elements.",
            "An expert's statement that a particular scenario is the most likely one":
                "an opinion is not an observation; scenario work deliberately avoids betting on one future.",
        },
        explanation=(
            "Signposts are there to tell you, early and repeatedly, which of your scenarios the world is moving "
            "towards. So they must be observable, updated often, and *discriminating*: their movement must "
            "differ between scenarios."
        ),
        hints=[
            "Think about timing: when would you learn something from each option?",
            "A signpost must help you tell scenarios apart.",
        ],
    ),
    MultipleChoice(
        id="10-12",
        prompt=(
            "In hindsight, which statement is the fairest verdict on the 2014 Valdai scenarios, given the "
            "events dataset and the facts from outside it discussed in the lesson?"
        ),
        choices=[
            "They named the right critical uncertainty, but treated its two outcomes as alternatives when "
            "both arrived one after the other",
            "They chose the wrong critical uncertainty: after 2014 Afghanistan mattered less to the region than "
            "energy prices and Russia's economy did",
            "Scenario 1 came true and scenario 2 did not, because a NATO mission stayed on in Afghanistan after "
            "ISAF ended",
            "Scenario 2 came true in full: the Taliban's return in 2021 brought the insurgent attacks on "
            "Uzbekistan and Tajikistan that it described",
        ],
        answer=(
            "They named the right critical uncertainty, but treated its two outcomes as alternatives when "
            "both arrived one after the other"
        ),
        feedback={
            "They chose the wrong critical uncertainty: after 2014 Afghanistan mattered less to the region than "
            "energy prices and Russia's economy did":
                "energy prices and Russia's economy did matter a great deal, but the collapse of the Afghan "
                "government in 2021 shows that Afghanistan stayed decisive; the weakness lies in what the "
                "report held fixed, not in the axis it chose.",
            "Scenario 1 came true and scenario 2 did not, because a NATO mission stayed on in Afghanistan after "
            "ISAF ended":
                "Resolute Support did stay (scenario 1's trigger), but the stabilisation scenario 1 expected did "
                "not follow, and the government collapsed in 2021 — scenario 2's trigger.",
            "Scenario 2 came true in full: the Taliban's return in 2021 brought the insurgent attacks on "
            "Uzbekistan and Tajikistan that it described":
                "the collapse came by another route (a US–Taliban deal), and the sources used in this course "
                "record no insurgent campaign on the scale scenario 2 described — though ISKP's rocket claims "
                "of 2022 and its Central Asian recruits keep the question open (contested).",
        },
        explanation=(
            "Afghanistan's stability was the right axis. A residual NATO mission stayed for several years "
            "(close to scenario 1), and then the government collapsed in 2021 (scenario 2's trigger, though "
            "by a different route). What the report did not foresee is that the SCO's own path would be set "
            "mainly by enlargement and by Russia's and China's wider relations, not by Afghanistan."
        ),
        hints=[
            "For each scenario, compare its trigger with what happened, and then its consequences.",
            "Think about the order in which things happened between 2015 and 2021.",
        ],
    ),
]
