"""Lesson 04 — Security: the 'three evils', RATS, Afghanistan, the division of labour, defence spending.

Facts come from the seed texts (the 2014 Valdai report by Koldunova and Das Kundu; Alimov 2024;
Khaidarzoda 2025) and from the ``events`` dataset. Numeric answers are computed from the
``seed_2014_tables`` dataset (the report's defence tables, IISS *Military Balance 2013*) and the
``indicators`` dataset (World Bank WDI; ``military_usd`` is derived by scocourse as military
spending % of GDP × GDP) when the student checks.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Security"


def _report_value(iso3: str, measure: str, year: int) -> float:
    """Returns one printed value of the 2014 report's defence tables (seed_2014_tables)."""
    from scocourse import datasets

    t = datasets.load("seed_2014_tables")
    row = t[(t["iso3"] == iso3) & (t["measure"] == measure) & (t["year"] == year)]
    if len(row) != 1 or row["value"].isna().any():
        raise ValueError(f"no single printed value for {iso3} {measure} {year}")
    return float(row["value"].iloc[0])


def _russia_2010_implied_per_capita() -> float:
    """Returns the report's Russian 2010 spending (US$ m) divided by Russia's 2010 population (WDI), in US$."""
    import scocourse

    spending_usd = _report_value("RUS", "defence_spending", 2010) * 1e6
    pop = scocourse.indicator("population", countries=["RUS"], years=2010)["value"].iloc[0]
    return float(spending_usd / pop)


def _latest_common_year(a: str, b: str) -> int:
    import scocourse

    s = scocourse.indicator("military_usd", countries=[a, b]).dropna(subset=["value"])
    years = s.groupby("year")["iso3"].nunique()
    return int(years[years == 2].index.max())


def _kazakhstan_kyrgyzstan_ratio_latest() -> float:
    """Returns Kazakhstan's derived military spending divided by Kyrgyzstan's, latest year with both."""
    import scocourse

    year = _latest_common_year("KAZ", "KGZ")
    s = scocourse.indicator("military_usd", countries=["KAZ", "KGZ"], years=year).set_index("iso3")["value"]
    return float(s["KAZ"] / s["KGZ"])


QUESTIONS = [
    Order(
        id="04-01",
        prompt="Put these steps in building the SCO's legal and institutional base against the 'three evils' in "
               "order, earliest first.",
        items=[
            "Shanghai Convention on Combating Terrorism, Separatism and Extremism",
            "Agreement creating the Regional Anti-Terrorist Structure (RATS)",
            "RATS executive committee formally launched in Tashkent",
            "SCO Convention against Terrorism",
            "SCO Convention on Countering Extremism",
        ],
        notes={
            "Shanghai Convention on Combating Terrorism, Separatism and Extremism": "15 June 2001, Shanghai",
            "Agreement creating the Regional Anti-Terrorist Structure (RATS)": "7 June 2002, St Petersburg",
            "RATS executive committee formally launched in Tashkent": "17 June 2004",
            "SCO Convention against Terrorism": "16 June 2009, Yekaterinburg",
            "SCO Convention on Countering Extremism": "9 June 2017, Astana",
        },
        explanation=(
            "The SCO began with a convention defining the 'three evils' (2001), gave itself a standing body to "
            "act on it (RATS, agreed 2002, working in Tashkent from 2004), and then added two more detailed "
            "conventions, on terrorism (2009) and on extremism (2017). All the dates are in the events dataset."
        ),
        hints=[
            "The first convention was signed on the day the SCO was founded.",
            "An agreement creating a body comes before the body starts work.",
            "The convention on extremism was signed on the day India and Pakistan joined.",
        ],
    ),
    ShortText(
        id="04-08",
        prompt=(
            "The SCO's founding convention of 2001 names three threats the members will fight together. Two of "
            "them are terrorism and extremism. What is the third?"
        ),
        answer="separatism",
        alternatives=["separatists", "separatist movements", "secessionism"],
        wrong_answers={
            "drug trafficking": "drug trafficking is a major SCO concern, but it is not one of the three evils.",
            "organised crime": "organised crime is handled alongside, but is not one of the three evils.",
            "organized crime": "organised crime is handled alongside, but is not one of the three evils.",
            "fundamentalism": "close in spirit, but the SCO's word is different: it concerns territorial unity.",
        },
        explanation=(
            "Terrorism, separatism and extremism. The 2014 Valdai report notes that other members echo China's "
            "terminology, and that 'separatism' carries particular weight for Beijing (Xinjiang, Tibet, and "
            "Taiwan, which the People's Republic regards as a separatist area). Critics point out that "
            "'separatism' and 'extremism' can be defined broadly enough to cover peaceful opposition."
        ),
        hints=[
            "Look again at the full title of the 2001 convention in the events table of section 1.",
            "The 2014 Valdai report explains why this word carries particular weight in Beijing.",
        ],
    ),
    Match(
        id="04-03",
        prompt=(
            "The 2014 Valdai report recommends a 'complementary system' of regional coordination. Match each "
            "framework to the role the report gives it."
        ),
        pairs={
            "SCO": "Political and strategic coordination, including with China",
            "CSTO": "The military sphere, above all the Afghan–Tajik border",
            "Customs Union / Eurasian Union": "Economic integration with Russia",
            "Bilateral agreements": "Russian bases in Tajikistan and Kyrgyzstan",
        },
        distractors=["Joint command of all members' armed forces"],
        left_label="Framework",
        right_label="Role",
        notes={
            "SCO": "Consensus-based; Russia shares leadership with China; 'not a military bloc'.",
            "CSTO": "Russia has the decisive voice; Uzbekistan suspended its membership in 2012. The report's "
                    "border role is a plan: Tajik border troops have guarded the Afghan border since 2005.",
            "Customs Union / Eurasian Union": "Kazakhstan, and potentially Kyrgyzstan and Tajikistan, in the "
                                              "report's view.",
            "Bilateral agreements": "The 201st base in Tajikistan (agreement to 2042) and the Kant base in "
                                    "Kyrgyzstan.",
        },
        explanation=(
            "The report wants each framework to do what it does best for Russia: the SCO brings China and the "
            "wider region into consultation; the CSTO and bilateral treaties carry the military load; the "
            "Eurasian Union carries economic integration. No framework has a joint command — the distractor — and "
            "Alimov writes that nobody in the SCO wants it to become a military alliance."
        ),
        hints=[
            "Which frameworks include China?",
            "Bases are agreed state to state.",
        ],
    ),
    MultipleChoice(
        id="04-04",
        prompt=(
            "In January 2022, during violent unrest in Kazakhstan, the government asked for foreign troops and "
            "received them for a short time. Under which organisation's flag did they come?"
        ),
        choices=[
            "The Collective Security Treaty Organization (CSTO)",
            "The SCO's Regional Anti-Terrorist Structure (RATS)",
            "An SCO Peace Mission contingent",
            "Russian troops alone, under a bilateral treaty with Kazakhstan",
        ],
        answer="The Collective Security Treaty Organization (CSTO)",
        feedback={
            "The SCO's Regional Anti-Terrorist Structure (RATS)":
                "RATS has no troops: it coordinates information and legislation between security services.",
            "An SCO Peace Mission contingent":
                "Peace Missions are exercises; the SCO has no standing force and no mandate to intervene in a "
                "member's internal affairs.",
            "Russian troops alone, under a bilateral treaty with Kazakhstan":
                "most of the troops were Russian, but Armenia, Belarus, Kyrgyzstan and Tajikistan sent contingents "
                "too, under a collective decision of an alliance's council.",
        },
        explanation=(
            "The CSTO — led by Russia — sent a collective force at President Tokayev's request, its first such "
            "deployment, and withdrew within weeks. The SCO did not act: as the 2014 report says, it has neither "
            "a tool nor a mandate for handling internal crises in member states. President Tokayev and the "
            "alliance called the mission peacekeeping against 'terrorists'; critics, among them human-rights "
            "groups such as Human Rights Watch that documented killings of protesters in January 2022, saw an "
            "alliance protecting an incumbent government."
        ),
        hints=[
            "Which of these bodies has troops at its disposal, or members that can pool them at short notice?",
            "Section 4's table shows which frameworks Kazakhstan belongs to.",
        ],
    ),
    Numeric(
        id="04-06",
        prompt=(
            "The 2014 report's defence table prints Russia's 2010 defence spending in US$ million and a per-capita "
            "figure beside it, which the course data flag as inconsistent. Divide the printed 2010 spending by "
            "Russia's 2010 population (World Bank). What **per-capita spending in US$** does the report's own "
            "total imply?"
        ),
        answer=_russia_2010_implied_per_capita,
        tolerance=10.0,
        unit="US$ per person",
        decimals=0,
        answer_source=('seed_2014_tables: RUS defence_spending 2010 (US$ million) × 1,000,000 divided by '
                       'scocourse.indicator("population", countries=["RUS"], years=2010)'),
        explanation=(
            "The printed total implies about {answer} per person, well below the per-capita figure printed next "
            "to it — so at least one cell of the row is wrong (the per-cent-of-GDP cell disagrees too). The "
            "course shows the table as printed and flags the row rather than 'correcting' a source silently."
        ),
        hints=[
            "Find the flagged Russia 2010 row in the table of the report's figures.",
            "The spending is in millions of dollars: multiply by 1,000,000 before dividing by the population.",
            'In code: sc.indicator("population", countries=["RUS"], years=2010).',
        ],
    ),
    Numeric(
        id="04-05",
        prompt=(
            "Read the right-hand panel of the defence-spending chart (the latest World Bank-derived figures). "
            "In the latest year shown for both, Kazakhstan's military spending was about how many **times** "
            "Kyrgyzstan's? Divide Kazakhstan's value by Kyrgyzstan's."
        ),
        answer=_kazakhstan_kyrgyzstan_ratio_latest,
        rel_tolerance=0.1,
        unit="times",
        decimals=1,
        answer_source=('scocourse.indicator("military_usd", countries=["KAZ", "KGZ"]) in the latest common year: '
                       "Kazakhstan's value divided by Kyrgyzstan's (military_usd = WDI military spending % of GDP "
                       "/ 100 × WDI GDP in current US$)"),
        explanation=(
            "Kazakhstan spent only about {answer} times as much as Kyrgyzstan, although its economy is many times "
            "larger. In the report's IISS table for 2012 the gap was far wider. Two changes explain it: "
            "Kazakhstan's spending has fallen to a small share of its GDP, while Kyrgyzstan has spent a much "
            "larger share since the deadly border clashes with Tajikistan in 2021 and 2022. The chart's log scale "
            "hides how much this gap has closed — read the labels, not the bar lengths."
        ),
        hints=[
            "The right-hand panel prints each value and its year at the end of the bar.",
            "Mind the units: 'bn' is billions, 'm' millions.",
            'In code: sc.indicator("military_usd", countries=["KAZ", "KGZ"]) and divide the latest values.',
        ],
    ),
    MultipleChoice(
        id="04-09",
        prompt="How does this course obtain the military spending figures in US dollars (`military_usd`)?",
        choices=[
            "It multiplies the World Bank's military spending as a share of GDP by the World Bank's GDP in "
            "current US dollars, and labels the result as derived",
            "It downloads them from SIPRI's military expenditure database",
            "It copies them from the IISS Military Balance, like the 2014 report",
            "It takes them from each government's published defence budget",
        ],
        answer=(
            "It multiplies the World Bank's military spending as a share of GDP by the World Bank's GDP in "
            "current US dollars, and labels the result as derived"
        ),
        feedback={
            "It downloads them from SIPRI's military expenditure database":
                "SIPRI's own files are not openly licensed, so the course does not use them (the World Bank's "
                "share-of-GDP series does draw on SIPRI's estimates).",
            "It copies them from the IISS Military Balance, like the 2014 report":
                "only the report's historical tables come from the IISS; the current figures come from the World Bank.",
            "It takes them from each government's published defence budget":
                "national budgets differ in what they count and some are secret; the course uses one consistent "
                "international series.",
        },
        explanation=(
            "military_usd = MS.MIL.XPND.GD.ZS / 100 × NY.GDP.MKTP.CD, computed for each country-year where both "
            "exist (see the indicator catalogue). It is not an official series and differs slightly from the "
            "World Bank's own dollar figures; where the share is missing — Turkmenistan after 1999, Uzbekistan in "
            "most years — there is no value."
        ),
        hints=[
            "Look up military_usd in datasets.load('indicator_catalog'): read the 'derived' and 'formula' columns.",
        ],
    ),
    MultipleChoice(
        id="04-02",
        prompt=(
            "The 2014 Valdai report's second scenario for Afghanistan after the ISAF drawdown imagined several "
            "things at once. Which of them had clearly happened by the end of August 2021?"
        ),
        choices=[
            "The Afghan government lost control of the country to the Taliban",
            "A wave of insurgent attacks crossed into Uzbekistan and Tajikistan",
            "SCO troops deployed to the Tajik–Afghan border",
            "NATO contingents stayed on to support the government in Kabul",
        ],
        answer="The Afghan government lost control of the country to the Taliban",
        feedback={
            "A wave of insurgent attacks crossed into Uzbekistan and Tajikistan":
                "no such wave had happened by August 2021. Later incidents — rocket fire claimed by ISKP towards "
                "Termez and Tajikistan in 2022 — are real but few, and how great the threat is remains contested.",
            "SCO troops deployed to the Tajik–Afghan border":
                "the SCO has no troops; Tajikistan's own border forces guard that border, with Russian and CSTO "
                "support in exercises and equipment.",
            "NATO contingents stayed on to support the government in Kabul":
                "NATO's follow-on mission left with the last US troops in August 2021, as the government fell.",
        },
        explanation=(
            "The Kabul government fell in August 2021 as the last US and NATO troops left — the core of the "
            "report's second scenario. Its darkest part, a wave of insurgent attacks on the northern neighbours, "
            "had not happened; whether it remains a serious risk is contested (section 3). Scenarios are tools "
            "for thinking, not predictions to score."
        ),
        hints=[
            "What happened in Kabul in mid-August 2021?",
            "Only one of the four is a change inside Afghanistan itself.",
        ],
    ),
    Reflection(
        id="04-07",
        prompt=(
            "Weigh two views of the SCO's Regional Anti-Terrorist Structure. Alimov, a former SCO Secretary-General, "
            "sees RATS and the new centres around it as a 'security fist' against threats to peace. Critics such "
            "as Ambrosio (2008) argue that SCO security cooperation 'de-legitimizes' opposition and protects "
            "incumbent governments. In five or six sentences, say what evidence would help you decide between "
            "them, and where you come down for now."
        ),
        model_answer=(
            "One possible answer: *Both views can be partly true, because they look at different things. Alimov "
            "points to conventions, information sharing and joint exercises against groups that have attacked "
            "civilians; evidence for him would be plots disrupted or cross-border attacks that did not happen. "
            "Ambrosio looks at norms: broad definitions of 'extremism' and 'separatism', shared blacklists and "
            "extraditions; evidence for him would be cases where peaceful critics were listed or returned to face "
            "prosecution. The Valdai report itself speaks of protecting 'secular regimes', which supports the "
            "critics' reading that regime security is part of the purpose. But the SCO did not intervene in "
            "Kyrgyzstan in 2005 or 2010, and the troops sent to Kazakhstan in 2022 came from the CSTO, so its "
            "direct role is limited. For now I think RATS matters more as a network that legitimises and "
            "coordinates national security services than as a 'fist'.*"
        ),
        min_words=50,
        explanation=(
            "A good answer names the kind of evidence each side relies on — operational results versus legal "
            "definitions and cases — and notices that the SCO, the CSTO and national services do different things."
        ),
        hints=[
            "Separate what RATS does (information, lists, legislation) from what armies do.",
            "What would you need to see to be convinced by each side?",
            "Remember which organisation actually sent troops in January 2022.",
        ],
    ),
    ShortText(
        id="04-10",
        prompt=(
            "The SCO's Regional Anti-Terrorist Structure (RATS) was first meant to sit in Bishkek. In which city "
            "has it had its seat since it was launched?"
        ),
        answer="Tashkent",
        alternatives=["Toshkent", "Tashkent, Uzbekistan"],
        wrong_answers={
            "Bishkek": "Bishkek was the seat agreed in 2002, but the structure moved before it was launched.",
            "Beijing": "Beijing hosts the SCO Secretariat, not RATS.",
            "Dushanbe": "Dushanbe is to host the SCO's new Anti-Drug Centre, according to Alimov; RATS sits elsewhere.",
            "Moscow": "No — RATS sits in Central Asia, in the capital of one of the founding members.",
        },
        explanation=(
            "RATS moved from Bishkek to Tashkent (the 2014 Valdai report dates the move to 2003) and was formally "
            "launched there in June 2004. Placing it in Uzbekistan — the member most wary of collective military "
            "commitments — gave Tashkent a stake in the SCO's security work."
        ),
        hints=[
            "It is the capital of the only SCO founder that did not belong to the Shanghai Five.",
            "The events dataset has a row about the move.",
        ],
    ),
]
