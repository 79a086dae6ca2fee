"""Lesson 08 — Water security: questions.

Facts come from the ``water`` (FAO AQUASTAT), ``water_facts`` and ``infrastructure`` datasets
and from the reservoir model (:mod:`scocourse.models.reservoir`). Numeric answers are
computed when the student checks, from the datasets or by running the model, so they follow
the data and the model if either changes.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Water security"


# ----------------------------------------------------------------------------- answers from data

def _aquastat_latest(iso3: str, variable: str) -> float:
    """Returns the value of an AQUASTAT variable for a country in the latest period with data."""
    from scocourse import datasets

    w = datasets.load("water")
    w = w[(w["iso3"] == iso3) & (w["variable"] == variable) & w["value"].notna()]
    if w.empty:
        raise ValueError(f"no {variable} for {iso3}")
    return float(w.loc[w["year"] == w["year"].max(), "value"].iloc[0])


def _turkmenistan_dependency() -> float:
    return _aquastat_latest("TKM", "dependency_ratio")


def _uzbekistan_agriculture_share() -> float:
    return _aquastat_latest("UZB", "withdrawal_agriculture_pct")


def _fact(label: str) -> float:
    from scocourse import datasets

    f = datasets.load("water_facts")
    row = f.loc[f["label"] == label, "value"]
    if row.empty or row.isna().all():
        raise ValueError(f"no numeric value for {label!r}")
    return float(row.iloc[0])


def _aral_2004_share() -> float:
    """Returns the Aral Sea's 2004 area as a percentage of its area before shrinkage (water_facts)."""
    return (_fact("Aral Sea surface area (four separate lakes)")
            / _fact("Aral Sea area before shrinkage") * 100)


def _winter_gain_gwh() -> float:
    """Returns the extra winter electricity (GWh) at a 50% winter share over the Soviet-era share, average year."""
    from scocourse.models.reservoir import default_params, simulate

    p = default_params()
    return (simulate(0.5, "average", params=p).winter_energy_gwh
            - simulate(p.soviet_winter_share, "average", params=p).winter_energy_gwh)


QUESTIONS = [
    Match(
        id="08-01",
        prompt=(
            "Where does the water come from, and where does it go? Match each Central Asian state to its "
            "main role in the Aral Sea basin."
        ),
        pairs={
            "Tajikistan": "upstream: most of the Amu Darya's flow forms here",
            "Kyrgyzstan": "upstream: most of the Syr Darya's flow forms here",
            "Uzbekistan": "downstream: uses the largest volume of water",
            "Turkmenistan": "downstream: almost all its water comes from abroad",
            "Kazakhstan": "downstream: receives the Syr Darya's lower course and the North Aral Sea",
        },
        left_label="State",
        right_label="Role in the basin",
        notes={
            "Tajikistan": "The Pamir and Alai glaciers and snowfields feed the Vakhsh and Panj, which join as the Amu Darya.",
            "Kyrgyzstan": "The Naryn, dammed at Toktogul, is the main source of the Syr Darya.",
            "Uzbekistan": "Its withdrawals are the largest in the region, mostly for irrigated cotton and wheat.",
            "Turkmenistan": "Its dependency ratio is the highest in the region: the Amu Darya and the Karakum canal.",
            "Kazakhstan": "The Syr Darya ends in the North (Small) Aral Sea, kept alive by the Kok-Aral dam.",
        },
        explanation=(
            "The basin is divided between two upstream states, where the rivers form in the mountains, and "
            "three downstream states, where most of the water is used on irrigated land. That split — water "
            "formed in one place, used in another — is the root of the region's water politics."
        ),
        hints=[
            "The two mountain states are upstream.",
            "Look at the flow-formation table and the AQUASTAT dependency ratios above.",
            "Which downstream state's river ends in a part of the Aral Sea that has been saved?",
        ],
    ),
    Numeric(
        id="08-02",
        prompt=(
            "What is **Turkmenistan's** dependency ratio in AQUASTAT — the share of its renewable water "
            "resources that comes from outside its borders? Give a percentage (latest period in the table)."
        ),
        answer=_turkmenistan_dependency,
        tolerance=1.0,
        unit="%",
        decimals=0,
        answer_source="water dataset (FAO AQUASTAT), variable dependency_ratio, iso3 TKM, latest period",
        explanation=(
            "AQUASTAT puts Turkmenistan's dependency ratio at about {answer}: almost all of its water arrives "
            "from upstream, mainly the Amu Darya. This is why Turkmenistan (and Uzbekistan) watch every dam "
            "and canal upstream — in Tajikistan, and now in Afghanistan."
        ),
        hints=[
            "Find the row for Turkmenistan in the dependency table above.",
            "AQUASTAT gives one value per five-year period; this ratio is the same in every period.",
        ],
    ),
    Numeric(
        id="08-03",
        prompt=(
            "In the latest AQUASTAT period, what share of **Uzbekistan's** water withdrawals went to "
            "agriculture? Give a percentage."
        ),
        answer=_uzbekistan_agriculture_share,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source="water dataset (FAO AQUASTAT), variable withdrawal_agriculture_pct, iso3 UZB, latest period",
        explanation=(
            "About {answer} of Uzbekistan's withdrawals go to agriculture — mostly irrigation of cotton, wheat "
            "and orchards. Towns and industry take the small remainder. So 'water security' downstream is "
            "first of all about irrigation in the growing season, April to September."
        ),
        hints=[
            "Look at the withdrawals-by-sector table: the agriculture column.",
            "The latest period is labelled with a single year; earlier ones are five-year periods.",
        ],
    ),
    Numeric(
        id="08-04",
        prompt=(
            "Using the two Aral Sea areas in the `water_facts` table (before shrinkage, and in 2004), what "
            "percentage of its former area did the sea still cover in 2004?"
        ),
        answer=_aral_2004_share,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source=(
            "water_facts: 'Aral Sea surface area (four separate lakes)' divided by 'Aral Sea area before "
            "shrinkage', times 100"
        ),
        explanation=(
            "The 2004 figure is about {answer} of the former area. That sits awkwardly with the claim, also in "
            "the table, that the sea had fallen to a tenth of its size by 1997: the sources disagree about "
            "dates, and since the course could check neither figure against an original publication, the "
            "table marks both as uncertain. Only the area before shrinkage rests on a checked source (Micklin)."
        ),
        hints=[
            "Divide the 2004 area by the pre-shrinkage area.",
            "Multiply by 100 to get a percentage.",
        ],
    ),
    MultipleChoice(
        id="08-05",
        prompt="Why did Kyrgyzstan start to release much more water from Toktogul in **winter** after 1991?",
        choices=[
            "Downstream states no longer sent the coal and gas that had kept Kyrgyz homes warm in winter, so "
            "Kyrgyzstan used the water to make electricity",
            "Winter releases were needed to refill the Aral Sea",
            "The 1992 agreement ordered Kyrgyzstan to release more water in winter",
            "The summer inflow to Toktogul fell sharply after 1991",
        ],
        answer=("Downstream states no longer sent the coal and gas that had kept Kyrgyz homes warm in winter, so "
                "Kyrgyzstan used the water to make electricity"),
        feedback={
            "Winter releases were needed to refill the Aral Sea":
                "winter water is of little use to farms, and very little of it reaches the Aral Sea; that was "
                "not the motive.",
            "The 1992 agreement ordered Kyrgyzstan to release more water in winter":
                "the February 1992 agreement kept the Soviet water allocations; it did not keep the energy "
                "deliveries that had gone with them — that gap is what changed behaviour.",
            "The summer inflow to Toktogul fell sharply after 1991":
                "the inflow follows snow and glacier melt; the change was in how the dam was operated, not in "
                "the river.",
        },
        explanation=(
            "In Soviet times Toktogul released most of its water in the growing season for downstream farms, "
            "and Uzbekistan and Kazakhstan sent coal and gas to Kyrgyzstan for the winter. After independence "
            "the water quotas stayed but the fuel deliveries became commercial and unreliable. Kyrgyzstan "
            "turned to its own hydropower in winter — releasing water when farms do not need it, and storing "
            "less for the summer."
        ),
        hints=[
            "In Soviet times, the summer water had been part of an exchange. What came back?",
            "Look at the water_facts rows on winter and summer releases.",
        ],
    ),
    Numeric(
        id="08-06",
        prompt=(
            "Use the reservoir explorer (or `simulate` from `scocourse.models.reservoir`). In an **average** "
            "year, how much **more winter electricity** does the model produce when 50 % of releases are made "
            "in winter than when the Soviet-era winter share is used? Give GWh."
        ),
        answer=_winter_gain_gwh,
        rel_tolerance=0.03,
        unit="GWh",
        decimals=0,
        answer_source=(
            "simulate(0.5, 'average').winter_energy_gwh minus simulate(soviet_winter_share, 'average')"
            ".winter_energy_gwh, with the model's default parameters"
        ),
        explanation=(
            "Moving from the Soviet-era share to half the releases in winter gives about {answer} more winter "
            "electricity in the model — and sends correspondingly less water downstream in summer. The same "
            "cubic metre cannot both light Bishkek in January and water cotton in Uzbekistan in July."
        ),
        hints=[
            "Set the slider to the Soviet-era share (where the explorer starts) and note the winter electricity.",
            "Then set it to 50 % and subtract.",
            "In code: simulate(0.5, 'average').winter_energy_gwh - simulate(default_params().soviet_winter_share, "
            "'average').winter_energy_gwh",
        ],
    ),
    Order(
        id="08-10",
        prompt="Follow the Naryn and Syr Darya downstream. Put these places in order, **furthest upstream first**.",
        items=[
            "Kambarata-1 dam site (Kyrgyzstan)",
            "Toktogul reservoir (Kyrgyzstan)",
            "Kayrakkum reservoir (Tajikistan, western Fergana Valley)",
            "North (Small) Aral Sea (Kazakhstan)",
        ],
        order_label="furthest upstream first",
        notes={
            "Kambarata-1 dam site (Kyrgyzstan)": "On the Naryn, upstream of Toktogul (planned).",
            "Toktogul reservoir (Kyrgyzstan)": "The Naryn's main regulating reservoir, created in 1976.",
            "Kayrakkum reservoir (Tajikistan, western Fergana Valley)": "On the Syr Darya after the Naryn and Kara Darya join.",
            "North (Small) Aral Sea (Kazakhstan)": "Where the Syr Darya ends, behind the Kok-Aral dam.",
        },
        explanation=(
            "The Naryn rises in the Tien Shan, passes the planned Kambarata-1 site and then Toktogul, joins the "
            "Kara Darya in the Fergana Valley to form the Syr Darya, crosses the Tajik part of the valley at "
            "Kayrakkum, and runs through Uzbekistan and Kazakhstan to the North Aral Sea. Every dam upstream "
            "changes what arrives below it."
        ),
        hints=[
            "The infrastructure table says where Kambarata-1 lies relative to Toktogul.",
            "The river ends in the sea.",
        ],
    ),
    ShortText(
        id="08-07",
        prompt=(
            "Which planned dam upstream of Toktogul — backed since 2023 by Kyrgyzstan, Kazakhstan and "
            "Uzbekistan together — is meant to let Toktogul send more water downstream in summer while Kyrgyz "
            "winter demand is met?"
        ),
        answer="Kambarata-1",
        alternatives=["Kambarata 1", "Kambarata I", "Kambar-Ata 1", "Kambar-Ata-1", "Kambarata-1 HPP",
                      "Kambarata 1 HPP", "Kambarata"],
        wrong_answers={
            "Rogun": "Rogun is in Tajikistan, on the Vakhsh in the Amu Darya basin, not upstream of Toktogul.",
            "Kambarata-2": "Kambarata-2 is the smaller plant, whose first unit has run since August 2010; the large "
                           "new project is number 1.",
            "Nurek": "Nurek is Tajikistan's largest existing plant, on the Vakhsh.",
        },
        explanation=(
            "Kambarata-1, on the Naryn above Toktogul, would generate winter power from its own reservoir, so "
            "Toktogul could keep more water for summer irrigation. Because the downstream states co-invest, the "
            "World Bank's director for Central Asia, Tatiana Proskuryakova, spoke of a 'new and unprecedented "
            "level of cooperation' among the three governments (reported by Kazinform); whether the operating "
            "rules will "
            "match that promise is still open."
        ),
        hints=[
            "Look at the dams in the infrastructure table whose river is 'Naryn River, upstream of Toktogul'.",
            "It is the larger of two plants with the same name.",
        ],
    ),
    MultipleChoice(
        id="08-08",
        prompt=(
            "Which statements about Afghanistan's Qosh Tepa canal are supported by the sources in this "
            "lesson? Select all that apply."
        ),
        choices=[
            "Estimates of how much Amu Darya water it will divert differ several-fold between sources",
            "The estimates come from news reports and expert comment, not published hydrological studies",
            "Downstream Uzbekistan and Turkmenistan would feel its effect most",
            "Its diversion has been agreed with the downstream states in a basin treaty",
            "It was completed in 2022",
        ],
        answer=(
            "Estimates of how much Amu Darya water it will divert differ several-fold between sources",
            "The estimates come from news reports and expert comment, not published hydrological studies",
            "Downstream Uzbekistan and Turkmenistan would feel its effect most",
        ),
        feedback={
            "Its diversion has been agreed with the downstream states in a basin treaty":
                "no: Afghanistan is not party to the Central Asian water agreements, which is part of the "
                "worry downstream.",
            "It was completed in 2022":
                "construction began in 2022; a first phase was finished in 2023 and completion is planned "
                "for later in the decade.",
        },
        explanation=(
            "The diversion estimates in the data range from a few cubic kilometres a year to a fifth or more "
            "of the river, and all come from news and expert comment. What is not in doubt is the direction: "
            "water taken in northern Afghanistan is water that does not reach Turkmenistan and Uzbekistan."
        ),
        hints=[
            "Look at the `uncertain` column and the sources of the Qosh Tepa rows.",
            "Is Afghanistan part of the Central Asian water-sharing arrangements?",
        ],
    ),
    Reflection(
        id="08-09",
        prompt=(
            "Perminova (RIAC, 2024) argues that water and energy security could be the 'common ground' on "
            "which the SCO helps build 'sustainable security' in Central Asia. Using one piece of data and "
            "one project from this lesson, say in four or five sentences whether you find this convincing."
        ),
        model_answer=(
            "*The case has something to it: the reservoir model shows that Toktogul's water is a shared "
            "resource that different states need at different seasons, so only an arrangement that trades "
            "summer water for winter energy can leave everyone better off — a classic subject for multilateral "
            "talks. But the projects that have moved, such as the Kambarata-1 agreement of Kyrgyzstan, "
            "Kazakhstan and Uzbekistan, were negotiated among the Central Asian states themselves, not in the "
            "SCO; Turkmenistan is not a member and Afghanistan, with Qosh Tepa, is outside the water "
            "agreements. The SCO might add Russian and Chinese money and attention, but the summary we have "
            "does not say how it would bind anyone. I am half-convinced: the common ground is real, the SCO's "
            "role in it is not yet shown.*"
        ),
        min_words=40,
        explanation=(
            "A strong answer separates two claims: that water and energy are interdependent across borders "
            "(well supported by the data and the model) and that the SCO is the right forum for managing "
            "them (an argument, made here from a Russian policy perspective, that needs evidence of the "
            "SCO actually doing so). Note too that we only have the brief's summary page."
        ),
        hints=[
            "Which states in the basin are not SCO members?",
            "Who negotiated Kambarata-1, and in what format?",
            "What would the SCO need to be able to do to make a winter-energy-for-summer-water deal stick?",
        ],
    ),
    MultipleChoice(
        id="08-11",
        prompt=(
            "What does the reservoir model show happens as the winter share of Toktogul's releases is raised "
            "step by step from the Soviet-era share towards 100 %?"
        ),
        choices=[
            "Winter electricity rises and summer water downstream falls, until the reservoir reaches its dead "
            "level and winter electricity stops rising",
            "Winter electricity and summer water downstream both rise, because the reservoir fills up",
            "Nothing changes downstream, because hydropower does not consume water",
            "Summer water downstream rises, because winter releases refill the river",
        ],
        answer=("Winter electricity rises and summer water downstream falls, until the reservoir reaches its dead "
                "level and winter electricity stops rising"),
        feedback={
            "Winter electricity and summer water downstream both rise, because the reservoir fills up":
                "releasing more in winter empties the reservoir faster; it cannot raise both outputs at once.",
            "Nothing changes downstream, because hydropower does not consume water":
                "true, turbines do not consume water — but they change *when* it arrives, and farms need it in "
                "summer.",
            "Summer water downstream rises, because winter releases refill the river":
                "water released in winter has gone by spring; it cannot be used on the fields in July.",
        },
        explanation=(
            "The same water can be released once. Shifting releases to winter trades summer irrigation water "
            "for winter electricity; past a point the reservoir hits its dead level before spring, planned "
            "releases are cut back and winter electricity no longer rises — sooner in a dry year. Only a deal "
            "(fuel or power for water) or another reservoir can ease the trade-off."
        ),
        hints=[
            "Look at the table of model runs: follow the winter electricity and summer water columns down.",
            "What happens in the last rows, where the lowest storage equals the dead storage?",
        ],
    ),
]
