"""Lesson 06 — Economy, connectivity and migration.

Numeric answers are computed from the datasets when the student checks: trade shares from either side
of the IMF DOTS records (:func:`scocourse.partner_shares`), UN DESA migrant stocks (``migration``) and
World Bank remittances as a share of GDP (``remittances_pct_gdp``).
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Economy, connectivity and migration"


def _china_share_kgz_partner_side_2019() -> float:
    """China's share (%) of Kyrgyzstan's own reported world trade in 2019, read from China's records."""
    import scocourse
    s = scocourse.partner_shares("KGZ", "CHN", 2019, side="partner")
    return float(s["share"].iloc[0])


def _china_exports_over_kgz_imports_2019() -> float:
    """China's recorded exports to Kyrgyzstan ÷ Kyrgyzstan's recorded imports from China, 2019."""
    from scocourse import datasets
    t = datasets.load("trade")
    chn = t[(t["reporter"] == "CHN") & (t["partner"] == "KGZ") & (t["flow"] == "exports") & (t["year"] == 2019)]
    kgz = t[(t["reporter"] == "KGZ") & (t["partner"] == "CHN") & (t["flow"] == "imports") & (t["year"] == 2019)]
    return float(chn["value"].iloc[0] / kgz["value"].iloc[0])


def _central_asian_born_in_russia_2019_millions() -> float:
    """Persons born in the five Central Asian states living in Russia in 2019 (UN DESA), in millions."""
    import scocourse
    m = scocourse.datasets.load("migration")
    sub = m[m["origin"].isin(scocourse.central_asia()) & (m["destination"] == "RUS") & (m["year"] == 2019)]
    return float(sub["migrants"].sum()) / 1e6


def _tajikistan_remittances_2022() -> float:
    """Tajikistan's personal remittances received, % of GDP, 2022 (World Bank WDI, derived ratio)."""
    import scocourse
    r = scocourse.indicator("remittances_pct_gdp", countries=["TJK"], years=2022)
    return float(r["value"].iloc[0])


QUESTIONS = [
    MultipleChoice(
        id="06-01",
        prompt=(
            "A researcher wants to know **how much Chinese-made merchandise entered Kyrgyzstan in 2019, "
            "including goods that were later sold on from bazaars to neighbouring countries**. Which figure in "
            "the IMF trade data is the better starting point?"
        ),
        choices=[
            "China's recorded exports to Kyrgyzstan",
            "Kyrgyzstan's recorded imports from China",
            "Kyrgyzstan's recorded exports to China",
            "The average of China's exports to and Kyrgyzstan's imports from China",
        ],
        answer="China's recorded exports to Kyrgyzstan",
        feedback={
            "Kyrgyzstan's recorded imports from China":
                "these are the goods Kyrgyz customs declared and valued. Much of the bazaar and shuttle trade "
                "entered under simplified regimes, by weight, or under-invoiced, so this side records far less "
                "than left China. It is the right figure for a different question: what Kyrgyz customs taxed.",
            "Kyrgyzstan's recorded exports to China":
                "that is trade in the other direction (Kyrgyz goods sold to China), a much smaller flow.",
            "The average of China's exports to and Kyrgyzstan's imports from China":
                "averaging two records that measure different things (goods leaving China vs goods declared in "
                "Kyrgyzstan) gives a number that describes neither; explain the gap instead.",
        },
        explanation=(
            "China's export records count what left China for Kyrgyzstan, whatever happened at the Kyrgyz border. "
            "Kaminski and Mitra (World Bank, 2012) showed that much of it passed through bazaars such as Dordoi "
            "and Kara-Suu and was re-exported, often informally, to Kazakhstan, Uzbekistan and Russia. Which "
            "figure to believe depends on the question: customs revenue and the Kyrgyz balance of payments start "
            "from Kyrgyz records; the size of the re-export trade starts from China's. Either way, say which side "
            "you used."
        ),
        hints=[
            "Think about where in the goods' journey each of the records is made.",
            "Shuttle traders and under-invoicing reduce what one side records, not the other.",
        ],
    ),
    Numeric(
        id="06-02",
        prompt=(
            "Read Kyrgyzstan's trade with China in 2019 from **China's** records (its exports to and imports from "
            "Kyrgyzstan). What share of Kyrgyzstan's own reported trade with the world is that? Give a percentage."
        ),
        answer=_china_share_kgz_partner_side_2019,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source='scocourse.partner_shares("KGZ", "CHN", 2019, side="partner")["share"] (IMF DOTS)',
        explanation=(
            "Read from China's records, trade with China equals {answer} of the total Kyrgyzstan reports for "
            "its trade with the whole world — close to all of it, and several times the share Kyrgyzstan's own "
            "records give. The denominator and numerator come from different customs services; the gap is the "
            "measure of re-exports, shuttle trade, under-invoicing and valuation differences."
        ),
        hints=[
            "Use the partner side of the records, not Kyrgyzstan's own.",
            'In code: sc.partner_shares("KGZ", "CHN", 2019, side=...) — which side?',
        ],
    ),
    Numeric(
        id="06-03",
        prompt=(
            "How many times larger were China's recorded exports to Kyrgyzstan in 2019 than Kyrgyzstan's "
            "recorded imports from China in the same year? Give the ratio."
        ),
        answer=_china_exports_over_kgz_imports_2019,
        tolerance=0.2,
        unit="times",
        decimals=1,
        answer_source=('datasets.load("trade"): CHN->KGZ exports 2019 ÷ KGZ<-CHN imports 2019 (IMF DOTS, '
                       "US$ million)"),
        explanation=(
            "China recorded {answer} as much in exports to Kyrgyzstan as Kyrgyzstan recorded in imports from "
            "China. Imports are valued CIF (with freight and insurance), exports FOB, so a normal gap runs the "
            "other way and is a few per cent: a gap of this size points to goods that were never declared in "
            "Kyrgyzstan at their full value, or passed through to third countries."
        ),
        hints=[
            "Filter the trade dataset by reporter, partner, flow and year for each side.",
            "Imports are normally recorded slightly *higher* than the partner's exports (CIF vs FOB).",
        ],
    ),
    MultipleChoice(
        id="06-04",
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
        id="06-05",
        prompt=(
            "According to UN DESA, how many people born in the five Central Asian states (Turkmenistan included) "
            "lived in Russia in 2019? Give the number in millions."
        ),
        answer=_central_asian_born_in_russia_2019_millions,
        tolerance=0.1,
        unit="million persons",
        decimals=2,
        answer_source=('datasets.load("migration"): origin in sc.central_asia(), destination "RUS", year 2019, '
                       "sum of migrants ÷ 1e6"),
        explanation=(
            "About {answer} born in Central Asia lived in Russia in 2019 — far more than in any other "
            "country. Most were born in Kazakhstan, many of them ethnic Russians and others who moved in Soviet "
            "times or in the 1990s; they are persons by birthplace, not today's labour migrants."
        ),
        hints=[
            "Sum over the five origins, for one destination and one year.",
            "The largest single origin is not the country that sends the most labour migrants today.",
        ],
    ),
    Numeric(
        id="06-06",
        prompt=(
            "What were personal remittances received by Tajikistan in 2022, as a percentage of its GDP "
            "(World Bank data)?"
        ),
        answer=_tajikistan_remittances_2022,
        tolerance=1.0,
        unit="% of GDP",
        decimals=1,
        answer_source='sc.indicator("remittances_pct_gdp", countries=["TJK"], years=2022) (WDI, derived)',
        explanation=(
            "In 2022 Tajikistan's remittances equalled {answer}, the highest value in the series. The World "
            "Bank's migration briefs put Tajikistan at or near the top of the world on this measure. Most of the "
            "money comes from work in Russia, which makes the economy sensitive to the rouble, to Russian "
            "migration rules and to sanctions on payment systems."
        ),
        hints=[
            "The short name of the indicator contains 'remittances' and 'pct_gdp'.",
            "The year asked is the first year of the full-scale war in Ukraine.",
        ],
    ),
    Match(
        id="06-07",
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
            "SCO Development Bank": "Proposed by China from 2010; Russia long preferred a fund or the Eurasian "
                                    "Development Bank. The 2025 Tianjin declaration records the decision.",
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
        id="06-08",
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
    ShortText(
        id="06-09",
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
        id="06-10",
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
    MultipleChoice(
        id="06-11",
        prompt=(
            "Which of these help explain why a country's recorded imports from a partner differ from the partner's "
            "recorded exports to it? Select all that apply."
        ),
        choices=[
            "Imports are valued CIF (including freight and insurance), exports FOB",
            "Goods are re-exported through a third country and recorded against different partners",
            "Traders under-declare the value of goods to pay less duty",
            "Missing reports are filled with IMF estimates",
            "One side counts trade in services as well as goods",
            "The two sides use different calendar years",
        ],
        answer=(
            "Imports are valued CIF (including freight and insurance), exports FOB",
            "Goods are re-exported through a third country and recorded against different partners",
            "Traders under-declare the value of goods to pay less duty",
            "Missing reports are filled with IMF estimates",
        ),
        feedback={
            "One side counts trade in services as well as goods":
                "both sides in the IMF Direction of Trade Statistics are merchandise trade only.",
            "The two sides use different calendar years":
                "customs statistics in the DOTS are reported by calendar year on both sides.",
        },
        explanation=(
            "Valuation (CIF vs FOB) makes imports a few per cent higher than the partner's exports; re-exports, "
            "transit and shuttle trade move goods onto other partners' books; under-invoicing lowers declared "
            "values; and IMF estimates fill gaps. Large, persistent gaps, as between China and Kyrgyzstan, are "
            "mostly due to the second and third."
        ),
        hints=["Four of the six are real reasons.", "Think about what each customs service sees and values."],
    ),
]
