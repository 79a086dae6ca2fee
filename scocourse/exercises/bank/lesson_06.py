"""Lesson 06 — Economy, connectivity and migration.

Numeric answers are computed from the datasets when the student checks: trade shares from either side
of the IMF DOTS records (:func:`scocourse.partner_shares`), UN DESA migrant stocks (``migration``) and
World Bank remittances as a share of GDP (``remittances_pct_gdp``).
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Economy, connectivity and migration"


def _china_share_kgz_partner_side_2015() -> float:
    """China's share (%) of Kyrgyzstan's own reported world trade in 2015, read from China's records."""
    import scocourse
    s = scocourse.partner_shares("KGZ", "CHN", 2015, side="partner")
    return float(s["share"].iloc[0])


def _china_exports_over_kgz_imports_2020() -> float:
    """China's recorded exports to Kyrgyzstan ÷ Kyrgyzstan's recorded imports from China, 2020."""
    from scocourse import datasets
    t = datasets.load("trade")
    chn = t[(t["reporter"] == "CHN") & (t["partner"] == "KGZ") & (t["flow"] == "exports") & (t["year"] == 2020)]
    kgz = t[(t["reporter"] == "KGZ") & (t["partner"] == "CHN") & (t["flow"] == "imports") & (t["year"] == 2020)]
    return float(chn["value"].iloc[0] / kgz["value"].iloc[0])


def _kazakhstan_born_share_of_central_asian_born_in_russia_2019() -> float:
    """Share (%) of the Central Asian-born living in Russia in 2019 (UN DESA) who were born in Kazakhstan."""
    import scocourse
    m = scocourse.datasets.load("migration")
    sub = m[m["origin"].isin(scocourse.central_asia()) & (m["destination"] == "RUS") & (m["year"] == 2019)]
    return float(sub.loc[sub["origin"] == "KAZ", "migrants"].sum()) / float(sub["migrants"].sum()) * 100


def _tajikistan_remittance_fall_2013_2015() -> float:
    """Fall (percentage points) in Tajikistan's personal remittances received, % of GDP, 2013 -> 2015
    (ratio computed by the course from World Bank WDI remittances and GDP in current US$)."""
    import scocourse
    r = scocourse.indicator("remittances_pct_gdp", countries=["TJK"], years=(2013, 2015)).set_index("year")["value"]
    return float(r.loc[2013] - r.loc[2015])


QUESTIONS = [
    MultipleChoice(
        id="06-01",
        prompt=(
            "A researcher wants a rough **upper bound** for the value of Chinese goods that reached Kyrgyzstan "
            "in 2019 but were **not declared at their full value** in Kyrgyz customs (goods sold on informally "
            "from the bazaars, or under-invoiced). Which calculation from the IMF trade data is the best "
            "starting point?"
        ),
        choices=[
            "China's recorded exports to Kyrgyzstan minus Kyrgyzstan's recorded imports from China, after "
            "allowing for the usual CIF/FOB margin",
            "Kyrgyzstan's recorded exports to Kazakhstan and Uzbekistan",
            "Kyrgyzstan's recorded imports from China",
            "The average of China's recorded exports to Kyrgyzstan and Kyrgyzstan's recorded imports from China",
        ],
        answer=("China's recorded exports to Kyrgyzstan minus Kyrgyzstan's recorded imports from China, after "
                "allowing for the usual CIF/FOB margin"),
        feedback={
            "Kyrgyzstan's recorded exports to Kazakhstan and Uzbekistan":
                "these hold only the re-exports that Kyrgyz customs recorded; the informal bazaar and shuttle "
                "trade the researcher is after is, by definition, largely missing from Kyrgyz records.",
            "Kyrgyzstan's recorded imports from China":
                "this is what Kyrgyz customs declared and valued — the part the researcher wants to leave out.",
            "The average of China's recorded exports to Kyrgyzstan and Kyrgyzstan's recorded imports from China":
                "averaging two records that measure different things (goods leaving China, goods declared in "
                "Kyrgyzstan) gives a number that describes neither; the question is about the gap between them.",
        },
        explanation=(
            "China's records count what left China for Kyrgyzstan; Kyrgyzstan's count what its customs declared "
            "and valued. Imports are valued CIF, so they should come out a few per cent above the partner's FOB "
            "exports; the rest of the gap is goods that crossed without being declared at full value. It is an "
            "upper bound, not an estimate of re-exports alone: it mixes goods sold on to Kazakhstan, Uzbekistan "
            "and Russia through bazaars such as Dordoi and Kara-Suu (Kaminski and Mitra, World Bank, 2012) with "
            "goods that stayed in Kyrgyzstan but were under-invoiced."
        ),
        hints=[
            "Think about where in the goods' journey each of the two records of the same trade is made.",
            "Undeclared goods are missing from one side's records but not from the other's.",
        ],
    ),
    Numeric(
        id="06-02",
        prompt=(
            "The lesson's table of the two records stops in 2019. In **2020**, the last year of the course's "
            "trade data, how many times larger were China's recorded exports to Kyrgyzstan than Kyrgyzstan's "
            "recorded imports from China? Give the ratio."
        ),
        answer=_china_exports_over_kgz_imports_2020,
        tolerance=0.2,
        unit="times",
        decimals=1,
        answer_source=('datasets.load("trade"): CHN->KGZ exports 2020 ÷ KGZ<-CHN imports 2020 (IMF DOTS, '
                       "US$ million)"),
        explanation=(
            "China recorded {answer} as much in exports to Kyrgyzstan as Kyrgyzstan recorded in imports from "
            "China. Both records fell in 2020, the year of closed borders in the pandemic, but the gap did not "
            "close. Imports are valued CIF (with freight and insurance), exports FOB, so a normal gap runs the "
            "other way and is a few per cent: a gap of this size points to goods that were never declared in "
            "Kyrgyzstan at their full value, or passed through to third countries."
        ),
        hints=[
            "The `flow()` helper in the lesson takes a reporter, a partner and a direction; pick out 2020.",
            "Imports are normally recorded slightly *higher* than the partner's exports (CIF vs FOB).",
        ],
    ),
    MultipleChoice(
        id="06-03",
        prompt=(
            "Which of these help explain why a country's recorded imports from a partner differ from the partner's "
            "recorded exports to it? Select all that apply."
        ),
        choices=[
            "Imports are valued CIF (including freight and insurance), exports FOB",
            "Goods are re-exported through a third country and recorded against different partners",
            "Traders under-declare the value of goods to pay less duty",
            "Some values are IMF estimates (for periods a country did not report), not customs records",
            "One side counts trade in services as well as goods",
            "The two sides report in different currencies, which the IMF does not convert",
        ],
        answer=(
            "Imports are valued CIF (including freight and insurance), exports FOB",
            "Goods are re-exported through a third country and recorded against different partners",
            "Traders under-declare the value of goods to pay less duty",
            "Some values are IMF estimates (for periods a country did not report), not customs records",
        ),
        feedback={
            "One side counts trade in services as well as goods":
                "both sides in the IMF Direction of Trade Statistics are merchandise trade only.",
            "The two sides report in different currencies, which the IMF does not convert":
                "the DOTS gives every flow in US dollars; exchange-rate conversion can shift values a little, "
                "but the series are comparable.",
        },
        explanation=(
            "Valuation (CIF vs FOB) makes imports a few per cent higher than the partner's exports; re-exports, "
            "transit and shuttle trade move goods onto other partners' books; under-invoicing lowers declared "
            "values; and IMF estimates fill gaps. Timing adds a little too (goods shipped in December arrive in "
            "January). Large, persistent gaps, as between China and Kyrgyzstan, are mostly due to the second and "
            "third."
        ),
        hints=["Four of the six are real reasons.", "Think about what each customs service sees and values."],
    ),
    Match(
        id="06-04",
        prompt="Match each economic initiative or decision to the statement that fits it.",
        pairs={
            "Silk Road Economic Belt": "Proposed by Xi Jinping in a speech in Astana in September 2013",
            "Eurasian Economic Union": "In force since 2015; Kazakhstan and Kyrgyzstan are members, Uzbekistan an observer",
            "China–Kyrgyzstan–Uzbekistan railway": "Intergovernmental agreement signed in June 2024",
            "SCO Development Bank": "Long debated; the Tianjin summit of 2025 decided to establish it",
        },
        distractors=["Tajikistan and Uzbekistan joined as full members in 2015",
                     "Opened to traffic before the SCO was founded"],
        left_label="Initiative",
        right_label="Statement",
        notes={
            "Silk Road Economic Belt": "Xi's speech at Nazarbayev University, 7 September 2013; the overland half of "
                                       "what became the Belt and Road Initiative.",
            "Eurasian Economic Union": "Treaty signed in Astana in May 2014, in force 1 January 2015; Kyrgyzstan joined "
                                       "in August 2015. Uzbekistan became an observer in December 2020; Tajikistan "
                                       "is not a member.",
            "China–Kyrgyzstan–Uzbekistan railway": "Agreement signed in Beijing on 6 June 2024; construction "
                                                   "started in December 2024.",
            "SCO Development Bank": "Proposed for study by China's premier Wen Jiabao in Dushanbe in 2010; agreed "
                                    "in principle in 2012 according to the 2014 Valdai report; the 2025 Tianjin "
                                    "declaration records the decision to establish it.",
        },
        explanation=(
            "Central Asia's economic map has several overlapping projects: China's Belt and Road, Russia-led "
            "Eurasian integration, new corridors that bypass Russia, and the SCO's own, slower agenda. Knowing "
            "who is in which is the first step to judging them."
        ),
        hints=[
            "Only one of these is a customs union with a treaty and a secretariat of its own.",
            "The oldest of the four was announced during a presidential tour of Central Asia.",
        ],
    ),
    Order(
        id="06-05",
        prompt="Put these events in order, earliest first.",
        items=[
            "Xi Jinping proposes the Silk Road Economic Belt in Astana",
            "The Eurasian Economic Union comes into force",
            "Uzbekistan becomes an observer in the Eurasian Economic Union",
            "Russia's full-scale invasion of Ukraine",
            "Construction of the China–Kyrgyzstan–Uzbekistan railway begins",
            "The SCO's Tianjin summit decides to set up a development bank",
        ],
        notes={
            "Xi Jinping proposes the Silk Road Economic Belt in Astana": "September 2013",
            "The Eurasian Economic Union comes into force": "1 January 2015",
            "Uzbekistan becomes an observer in the Eurasian Economic Union": "December 2020",
            "Russia's full-scale invasion of Ukraine": "24 February 2022",
            "Construction of the China–Kyrgyzstan–Uzbekistan railway begins": "December 2024",
            "The SCO's Tianjin summit decides to set up a development bank": "September 2025",
        },
        explanation=(
            "The Belt and Road and the Eurasian Economic Union were launched within two years of each other; "
            "the war in Ukraine and the sanctions that followed gave new urgency to routes that avoid Russia and to "
            "financing outside the dollar system."
        ),
        hints=["Two of the six events happened before 2016.", "The railway agreement came a few months before its groundbreaking."],
    ),
    MultipleChoice(
        id="06-06",
        prompt="What does the UN DESA *International Migrant Stock 2019* count for a pair such as Tajikistan → Russia?",
        choices=[
            "People living in Russia at mid-year who were born in Tajikistan (or are its citizens, where birthplace is not recorded)",
            "Tajik citizens holding Russian work permits or patents in that year",
            "Tajik citizens who registered their arrival in Russia with the migration authorities in that year",
            "People who moved from Tajikistan to Russia during that year",
        ],
        answer=("People living in Russia at mid-year who were born in Tajikistan (or are its citizens, where "
                "birthplace is not recorded)"),
        feedback={
            "Tajik citizens holding Russian work permits or patents in that year":
                "work permits count labour migrants; the UN stock counts people by country of birth, workers or not.",
            "Tajik citizens who registered their arrival in Russia with the migration authorities in that year":
                "registrations (Russian MVD data) include seasonal and repeat workers; the UN stock largely misses "
                "them and rests on census counts instead.",
            "People who moved from Tajikistan to Russia during that year":
                "that would be a flow; the UN figure is a stock — everyone present, however long ago they came.",
        },
        explanation=(
            "The UN counts stocks of international migrants by country of birth, mostly from censuses. For Russia "
            "that includes many people who moved within the Soviet Union decades ago, and it misses much of the "
            "seasonal labour migration that dominates today's flows. The stocks are therefore not a count of "
            "labour migrants, and cannot be compared directly with Russian registration data."
        ),
        hints=[
            "Is it a stock or a flow?",
            "Think about how a census asks where someone was born.",
        ],
    ),
    Numeric(
        id="06-07",
        prompt=(
            "According to UN DESA, what **percentage** of the people born in the five Central Asian states "
            "(Turkmenistan included) who lived in Russia in 2019 were born in **Kazakhstan**?"
        ),
        answer=_kazakhstan_born_share_of_central_asian_born_in_russia_2019,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source=('datasets.load("migration"): destination "RUS", year 2019; origin "KAZ" ÷ sum over '
                       "origin in sc.central_asia() × 100"),
        explanation=(
            "About {answer} of the Central Asian-born in Russia were born in Kazakhstan — although Kazakhstan "
            "sends few labour migrants to Russia today. Many of them are ethnic Russians and others who moved in "
            "Soviet times or in the 1990s: the UN counts persons by birthplace, not today's labour migrants."
        ),
        hints=[
            "Keep destination RUS and year 2019, and the five Central Asian origins.",
            "Divide Kazakhstan's number by the sum over all five.",
        ],
    ),
    Numeric(
        id="06-08",
        prompt=(
            "When the rouble collapsed in 2014–15, by how many **percentage points** did Tajikistan's personal "
            "remittances received, as a share of GDP, fall between 2013 and 2015 (World Bank data)?"
        ),
        answer=_tajikistan_remittance_fall_2013_2015,
        tolerance=0.5,
        unit="percentage points",
        decimals=1,
        answer_source=('sc.indicator("remittances_pct_gdp", countries=["TJK"], years=(2013, 2015)): value 2013 − '
                       "value 2015 (ratio computed from WDI remittances and GDP in current US$)"),
        explanation=(
            "The share fell by about {answer} in two years. Most of Tajikistan's remittances are earned in "
            "Russia and paid in roubles, so a fall in the rouble cuts their dollar value at once — one reason "
            "the World Bank's migration briefs describe remittance-dependent economies as exposed to the "
            "rouble, to Russian migration rules and to sanctions on payment systems. A share has two moving "
            "parts: here GDP in dollars changed little while remittances in dollars (`sc.indicator(\"remittances\")`) "
            "fell steeply, so almost all of the fall comes from the remittances."
        ),
        hints=[
            "Take the 2013 and 2015 values from the remittance table and subtract.",
            "A fall in percentage points is a difference of two percentages, not a percentage change.",
        ],
    ),
    Numeric(
        id="06-09",
        prompt=(
            "Read Kyrgyzstan's trade with China in **2015** from **China's** records (its exports to and imports "
            "from Kyrgyzstan). What share of Kyrgyzstan's own reported trade with the world is that? Give a "
            "percentage."
        ),
        answer=_china_share_kgz_partner_side_2015,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source='scocourse.partner_shares("KGZ", "CHN", 2015, side="partner")["share"] (IMF DOTS)',
        explanation=(
            "Read from China's records, trade with China equals {answer} of the total Kyrgyzstan reports for "
            "its trade with the whole world — several times the share Kyrgyzstan's own records give, as in 2019. The denominator and numerator come from different customs services; the gap is the "
            "measure of re-exports, shuttle trade, under-invoicing and valuation differences."
        ),
        hints=[
            "Use the partner side of the records, not Kyrgyzstan's own.",
            'In code: sc.partner_shares("KGZ", "CHN", 2015, side=...) — which side?',
        ],
    ),
    ShortText(
        id="06-10",
        prompt=(
            "Name the large wholesale market on the edge of Bishkek that Kaminski and Mitra (World Bank, 2012) "
            "describe as a hub for re-exporting Chinese goods across Central Asia and to Russia."
        ),
        answer="Dordoi",
        alternatives=["Dordoy", "Dordoi bazaar", "Dordoy bazaar", "Dordoi market", "Дордой"],
        wrong_answers={
            "Kara-Suu": "Kara-Suu is the other big Kyrgyz re-export bazaar, but it lies near Osh on the Uzbek "
                        "border, not at Bishkek.",
            "Karasuu": "Kara-Suu lies near Osh on the Uzbek border, not at Bishkek.",
            "Osh bazaar": "Osh Bazaar is a Bishkek city market for local shoppers; the wholesale hub is elsewhere.",
            "Barakholka": "Barakholka is Almaty's market in Kazakhstan, a destination of goods from the Kyrgyz hub.",
        },
        explanation=(
            "Dordoi, on the northern edge of Bishkek, grew from the 1990s into one of the largest container "
            "markets in the region; with Kara-Suu near Osh it made Kyrgyzstan, a WTO member since 1998 with low "
            "tariffs, the entrepôt for Chinese consumer goods going on to Kazakhstan, Uzbekistan and Russia."
        ),
        hints=[
            "It is a bazaar built largely of shipping containers.",
            "Its name is also that of a Kyrgyz football club owned by the same business group.",
        ],
    ),
    Reflection(
        id="06-11",
        prompt=(
            "Remittances were about half of Tajikistan's GDP in some recent years. In four or five sentences, "
            "weigh one benefit and one risk of such dependence, and say how the war in Ukraine changed the "
            "picture. Name the source of each claim you make (data, the World Bank, a seed text)."
        ),
        model_answer=(
            "*Remittances raise household incomes and have cut poverty: the World Bank links much of Tajikistan's "
            "fall in poverty to money sent home from Russia. But they tie the economy to one labour market and one "
            "currency: when the rouble fell in 2014–15 the remittance share in the WDI data dropped sharply. In "
            "2022, against expectations, remittances rose — the World Bank's briefs point to the strong rouble and "
            "to transfers linked to Russians who moved south — but sanctions on Russian banks and tighter Russian "
            "migration rules after the 2024 Crocus attack show how quickly the channel can narrow. Khaidarzoda "
            "(Valdai, 2025) argues joint ventures at home would reduce migration; a critic would ask who finances "
            "them.*"
        ),
        min_words=40,
        explanation=(
            "Good answers separate what the data show (the remittance share, its peaks and falls) from "
            "explanations, which they attribute, and see both the household and the national side."
        ),
        hints=[
            "Look at the remittances chart: when did the share fall, and when did it jump?",
            "Think about who receives the money (households) and what it depends on (jobs and the rouble in Russia).",
        ],
    ),
]
