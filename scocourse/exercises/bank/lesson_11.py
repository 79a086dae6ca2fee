"""Lesson 11 — Review and capstone: questions on writing a data-based policy brief with the course's data.

The mixed review of lessons 01-10 in the notebook draws on the other banks; the questions here are
about the capstone itself: choosing data, reading it carefully, attributing claims and structuring a
brief. Two answers are computed from the datasets when the student checks.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Review and capstone"


def _central_asian_members_end_2024() -> int:
    """Returns how many of the SCO's full members on 31 December 2024 are Central Asian states."""
    import scocourse
    return len(set(scocourse.members(on="2024-12-31")) & set(scocourse.central_asia()))


def _china_share_change_2000_2020() -> float:
    """Returns the change (percentage points) in China's share of the five states' trade, 2000 to 2020,
    on China's own records (``partner_shares(side="partner")``).

    China's records of its trade with each state, summed over the five, divided by the sum of the five
    states' own world totals (IMF DOTS via the ``trade`` dataset). The partner side is used because
    Tajikistan's own records lack a China flow in 2000.
    """
    import scocourse
    ca = scocourse.central_asia()
    s = scocourse.partner_shares(ca, partners=["CHN"], years=[2000, 2020], side="partner")
    if s.groupby("year")["country"].nunique().reindex([2000, 2020]).fillna(0).min() < len(ca):
        raise ValueError("China's records lack one of the five states in 2000 or 2020")
    g = s.groupby("year")[["value", "total"]].sum()
    share = 100 * g["value"] / g["total"]
    return float(share.loc[2020] - share.loc[2000])


QUESTIONS = [
    MultipleChoice(
        id="11-01",
        prompt=(
            "You are drafting a policy brief on Tajikistan's economic ties with Russia. Which of these sentences "
            "is written the way the course asks you to write?"
        ),
        choices=[
            "In the latest World Bank year, remittances equalled the share of GDP shown in table 1 (a "
            "derived series: remittances ÷ GDP); Khaidarzoda (2025) argues that joint ventures could reduce "
            "migration, a link other researchers dispute.",
            "Everyone knows Tajikistan depends completely on Russia, so the SCO cannot help it.",
            "Tajikistan's remittances are about half of GDP, according to experts.",
            "The SCO has made Tajikistan prosperous, as its official documents show.",
        ],
        answer=(
            "In the latest World Bank year, remittances equalled the share of GDP shown in table 1 (a "
            "derived series: remittances ÷ GDP); Khaidarzoda (2025) argues that joint ventures could reduce "
            "migration, a link other researchers dispute."
        ),
        feedback={
            "Everyone knows Tajikistan depends completely on Russia, so the SCO cannot help it.":
                "'everyone knows' is not evidence, 'completely' is not measured, and the conclusion does not "
                "follow from the premise.",
            "Tajikistan's remittances are about half of GDP, according to experts.":
                "which experts, which year, which source? Give the number from the data, its year and how it is "
                "computed, and name anyone whose claim you quote.",
            "The SCO has made Tajikistan prosperous, as its official documents show.":
                "official documents state aims; they are not evidence of outcomes. Use data and attribute "
                "claims to their authors.",
        },
        explanation=(
            "A good brief sentence points to a number computed from named data (and says how it was derived), "
            "attributes an argument to its author, and flags that the argument is contested. The other "
            "sentences rely on vague authority or official claims."
        ),
        hints=[
            "Look for a sentence that names its source and says how its number was computed.",
            "Which sentence would a sceptical reader be able to check?",
        ],
    ),
    Match(
        id="11-02",
        prompt=(
            "Each question below could start a capstone brief. Match it to the course dataset you would load "
            "**first** to answer it."
        ),
        pairs={
            "Who was an SCO observer in 2010?": "membership",
            "How fast will Uzbekistan's population grow to 2050?": "population_projections",
            "Is China overtaking Russia as Kazakhstan's trade partner?": "trade",
            "How much of the Syr Darya's flow forms in Kyrgyzstan?": "water_facts",
            "How dependent is Kyrgyzstan on remittances?": "indicators",
            "What is the planned capacity of the Central Asia–China gas pipeline?": "infrastructure",
        },
        distractors=["seed_figures", "boundaries"],
        left_label="Question",
        right_label="Dataset",
        notes={
            "Who was an SCO observer in 2010?": "sc.members(on='2010-12-31', status='observer') reads the membership spells.",
            "How fast will Uzbekistan's population grow to 2050?": "UN WPP 2024: estimates to 2023, medium variant after.",
            "Is China overtaking Russia as Kazakhstan's trade partner?":
                "IMF DOTS to 2020 (post-Soviet states from 1992), US$ million; read both sides of the records "
                "with sc.partner_shares(..., side=...), because they rank Russia and China differently.",
            "How much of the Syr Darya's flow forms in Kyrgyzstan?": "Hand-checked facts with sources; some flagged uncertain.",
            "How dependent is Kyrgyzstan on remittances?": "World Bank WDI, including the derived remittances_pct_gdp.",
            "What is the planned capacity of the Central Asia–China gas pipeline?":
                "Capacities and statuses of pipelines, dams and corridors, with contested values noted.",
        },
        explanation=(
            "Each dataset answers a different kind of question: membership spells, UN population projections, "
            "bilateral trade, hand-checked water facts, World Bank indicators and infrastructure. "
            "`seed_figures` holds the numbers printed in the seed texts — useful for checking a claim, not for "
            "answering these questions; `boundaries` is for maps."
        ),
        hints=[
            "`datasets.names()` lists the datasets; `datasets.describe(name)` says what each holds.",
            "Two datasets are left over.",
        ],
    ),
    Order(
        id="11-04",
        prompt="Put the sections of the capstone brief template in the order they appear in the brief.",
        items=[
            "Question and why it matters",
            "Key points",
            "Evidence from the data",
            "Perspectives",
            "Outlook and signposts",
            "Options and recommendation",
            "Sources and data notes",
        ],
        notes={
            "Question and why it matters": "One decision-maker, one question.",
            "Key points": "Three bullets a busy reader can take away.",
            "Evidence from the data": "At least two computed figures and one chart with its description.",
            "Perspectives": "At least two attributed views, including one that disagrees.",
            "Outlook and signposts": "Scenarios or conditions, and what to watch.",
            "Options and recommendation": "What the reader could do, and what you advise.",
            "Sources and data notes": "Datasets, seed texts, derivations and uncertainties.",
        },
        order_label="first section first",
        explanation=(
            "A policy brief puts the reader's question and its answer first, then the evidence and the "
            "competing views, then the outlook and the options. Sources close the brief, but every figure and "
            "claim in the body already points to them."
        ),
        hints=[
            "Busy readers need the question and the answer first.",
            "Recommendations come after the evidence and the perspectives that support them.",
        ],
    ),
    Numeric(
        id="11-05",
        prompt=(
            "How many of the SCO's **full members** on 31 December 2024 were Central Asian states (Kazakhstan, "
            "Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan)?"
        ),
        answer=_central_asian_members_end_2024,
        tolerance=0,
        unit="states",
        answer_source='set(scocourse.members(on="2024-12-31")) & set(scocourse.central_asia())',
        explanation=(
            "The answer is {answer}: every Central Asian state except Turkmenistan, which keeps out of the "
            "SCO under its policy of permanent neutrality. With ten members, the "
            "Central Asians no longer form a majority — a point worth making in a brief about whose "
            "organisation the SCO is."
        ),
        hints=[
            "Lesson 00 and lesson 01: which Central Asian state has never joined?",
            'In code: set(sc.members(on="2024-12-31")) & set(sc.central_asia()).',
        ],
    ),
    Numeric(
        id="11-06",
        prompt=(
            "Read the region's trade from **China's own records** (the partner side: "
            "`sc.partner_shares(sc.central_asia(), partners=['CHN'], side='partner')`). By how many "
            "**percentage points** did China's share of the five Central Asian states' trade (exports + "
            "imports, all five together, over the five states' own world totals) change between 2000 and "
            "2020? Give a positive number for a rise, negative for a fall."
        ),
        answer=_china_share_change_2000_2020,
        tolerance=0.5,
        decimals=1,
        unit="percentage points",
        answer_source=(
            "scocourse.partner_shares(central_asia(), partners=['CHN'], years=[2000, 2020], side='partner'): "
            "sum of 'value' ÷ sum of 'total' × 100, for 2020 minus for 2000"
        ),
        explanation=(
            "On China's records its share changed by {answer}. Whether that means China has 'replaced' Russia "
            "depends on Russia's share too — compute it the same way before you write the sentence — and on "
            "whose records you read: on the Central Asian states' own records the rise is smaller, and for "
            "2000 Tajikistan's own records lack a China flow at all. Say which side you used; Turkmenistan's "
            "'own' figures are mirrored from partners anyway, and the series stops in 2020."
        ),
        hints=[
            "Call sc.partner_shares as in the question, with years=[2000, 2020].",
            "For each year, add up 'value' over the five states and divide by the sum of 'total'; times 100.",
            "Subtract the 2000 share from the 2020 share.",
        ],
    ),
    MultipleChoice(
        id="11-03",
        prompt=(
            "A classmate's brief says: \"Turkmenistan traded little with China in 2020, according to its own "
            "statistics.\" Which comment on the sentence is the most accurate, given how the course's `trade` "
            "dataset is built?"
        ),
        choices=[
            "Turkmenistan does not report to the IMF: its rows are filled from partners' records (mirror data), "
            "so the sentence should not call them Turkmenistan's own statistics.",
            "The sentence is fine: every country in the dataset reports its own trade.",
            "The sentence is fine, though China's own records show even less trade with Turkmenistan.",
            "Only the year is wrong: Turkmenistan's 2020 figures are estimates, but it reported its own trade "
            "in earlier years.",
        ],
        answer=(
            "Turkmenistan does not report to the IMF: its rows are filled from partners' records (mirror data), "
            "so the sentence should not call them Turkmenistan's own statistics."
        ),
        feedback={
            "The sentence is fine: every country in the dataset reports its own trade.":
                "the dataset's description says that where a country does not report (Turkmenistan, for "
                "example), the IMF fills the series from partners' records.",
            "The sentence is fine, though China's own records show even less trade with Turkmenistan.":
                "China's records (sc.partner_shares(..., side='partner')) show more, not less: China's share of "
                "Turkmenistan's trade is larger on China's side. And the 'own statistics' are not Turkmenistan's.",
            "Only the year is wrong: Turkmenistan's 2020 figures are estimates, but it reported its own trade "
            "in earlier years.":
                "Turkmenistan's series are built from partners' records throughout (lesson 07 and the trade "
                "dataset's provenance: its exports to China equal China's imports from it divided by a constant "
                "CIF/FOB factor).",
        },
        explanation=(
            "Read `datasets.describe('trade')` before writing about trade: it explains mirror data for "
            "non-reporting countries, the IMF's estimate flags, and that A's exports to B differ from B's "
            "imports from A. Careful wording about where a number comes from is part of the rubric."
        ),
        hints=[
            "Run datasets.describe('trade') and read the description.",
            "Which course country is known for publishing very little data?",
        ],
    ),
    ShortText(
        id="11-08",
        prompt=(
            "Which course dataset holds hand-checked facts about the Aral Sea basin's water and energy, each "
            "with a true/false column saying whether the fact is uncertain? Give its name as you would pass it "
            "to `datasets.load`."
        ),
        answer="water_facts",
        alternatives=["water facts", "water-facts", "datasets.load('water_facts')"],
        wrong_answers={
            "water": "The `water` dataset holds FAO AQUASTAT statistics by country and period; the hand-checked "
                     "facts with an uncertainty flag are in a separate dataset.",
            "infrastructure": "The infrastructure dataset lists dams, pipelines and corridors; it has no "
                              "true/false uncertainty column.",
            "energy": "The energy dataset holds OWID electricity and energy series, without an uncertainty flag.",
            "seed_figures": "seed_figures holds the numbers printed in the seed texts.",
        },
        explanation=(
            "`water_facts` has a boolean `uncertain` column. Facts flagged there (for example estimates of how "
            "much water the Qosh Tepa canal will divert) must be reported as uncertain in your brief, with "
            "their source, not as settled fact."
        ),
        hints=[
            "It is not the `water` dataset, which holds AQUASTAT statistics.",
            "datasets.names() lists every dataset; the one you want combines 'water' with another word.",
        ],
    ),
    Reflection(
        id="11-07",
        prompt=(
            "**Plan your capstone.** In 80-150 words: state your question and the decision-maker it is for; name "
            "the two or three datasets and indicators you will use; name two attributed perspectives you will "
            "set against each other; and say which signpost you would tell the reader to watch."
        ),
        model_answer=(
            "*Example.* Question: should Kyrgyzstan's government use the SCO or bilateral talks to secure summer "
            "water and winter power deals with Uzbekistan and Kazakhstan? Decision-maker: Kyrgyzstan's Ministry "
            "of Energy. Data: `water_facts` (Toktogul storage, dead level, electricity imports — with the "
            "uncertain flags), `energy` (hydro share of Kyrgyz electricity), and the reservoir model of lesson "
            "06 to show the winter–summer trade-off. Perspectives: Perminova's RIAC brief (2024), which sees the "
            "SCO as a platform for water and energy security, against the 2014 Valdai report's observation that "
            "bilateralism still prevails and that water disputes strain relations between the upstream and "
            "downstream states; Saltybayev's hope for regular Central Asian summits as a third option. Signpost: "
            "Toktogul storage each October relative to the dead level."
        ),
        min_words=60,
        explanation=(
            "A focused question for a named reader, data you can load and compute from, two attributed and "
            "opposed perspectives, and a signpost: with these four decisions made, the brief almost writes "
            "itself. Check your plan against the rubric before you start drafting."
        ),
        hints=[
            "A good question names who must decide what, by when.",
            "Browse datasets.names() and the indicator catalogue for the data.",
            "For the perspectives, look back at the 'Contested' notes in lessons 03-12.",
        ],
    ),
    Reflection(
        id="11-09",
        prompt=(
            "**Assess your draft against the rubric.** For each of the rubric's seven criteria, give your draft a "
            "level (excellent, good, adequate, weak) and one sentence of evidence from the draft. Then name the "
            "one change that would raise your mark most."
        ),
        model_answer=(
            "*Example.* Question and focus — good: one reader, one question, but the horizon is vague. Use of "
            "data — excellent: three figures computed in code, units and years given, the derived remittance "
            "series labelled, the uncertain Toktogul figure flagged. Analysis — adequate: I describe the trend but "
            "do not explain why remittances fell in 2015. Perspectives — good: Khaidarzoda and the World Bank "
            "migration briefs are set against each other, with attributions. Outlook and signposts — good: two "
            "scenarios from the builder, three signposts with current values. Recommendation — adequate: follows "
            "from the evidence but does not weigh costs. Communication — good: 1,150 words, chart described. "
            "Biggest gain: explain the 2015 fall with the GDP-growth data for Russia and Kazakhstan."
        ),
        min_words=80,
        explanation=(
            "Self-assessment against explicit criteria is how professional analysts review each other's work. "
            "Be specific: evidence from your own draft for each level, and one concrete change."
        ),
        hints=[
            "The rubric is in the lesson, just before the brief template.",
            "Quote or point to a sentence of your own draft for each criterion.",
        ],
    ),
]
