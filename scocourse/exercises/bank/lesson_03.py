"""Lesson 03 — Member perspectives: what each state wants from the SCO and from Central Asia.

Facts come from the seed texts (the 2014 Valdai report by Koldunova and Das Kundu; Alimov 2024;
Khaidarzoda 2025; Saltybayev) and from the ``membership``, ``events`` and ``infrastructure``
datasets. Numeric answers are computed from the ``trade`` (IMF DOTS) and ``indicators`` (World
Bank WDI) datasets when the student checks, so they follow the data if it is rebuilt.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Member perspectives"

def _trade_share(reporter: str, partner: str, year: int) -> float:
    """Returns partner's share (%) of reporter's merchandise trade (exports + imports) with the world."""
    from scocourse import datasets

    t = datasets.load("trade")
    t = t[(t["reporter"] == reporter) & (t["year"] == year)]
    total = t.loc[t["partner"] == "WLD", "value"].sum()
    part = t.loc[t["partner"] == partner, "value"].sum()
    if not total > 0:
        raise ValueError(f"no world trade total for {reporter} in {year}")
    return float(part / total * 100)


def _china_peak_year_kyrgyzstan() -> int:
    """Returns the year in which China's share of Kyrgyzstan's recorded trade was highest."""
    from scocourse import datasets

    t = datasets.load("trade")
    years = sorted(int(y) for y in t.loc[(t["reporter"] == "KGZ") & (t["partner"] == "WLD"), "year"].unique())
    shares = {y: _trade_share("KGZ", "CHN", y) for y in years}
    return max(shares, key=lambda y: (shares[y], -y))


def _tajik_remittances_latest() -> float:
    """Returns Tajikistan's remittances received (% of GDP, derived) in the latest year with data."""
    import scocourse

    s = scocourse.indicator("remittances_pct_gdp", countries=["TJK"]).dropna(subset=["value"])
    return float(s.sort_values("year")["value"].iloc[-1])


def _uzbek_neighbour_trade_ratio() -> float:
    """Returns Uzbekistan's 2020 trade with its four Central Asian neighbours divided by its 2016 trade."""
    from scocourse import datasets

    t = datasets.load("trade")
    t = t[(t["reporter"] == "UZB") & t["partner"].isin(["KAZ", "KGZ", "TJK", "TKM"])]
    by_year = t.groupby("year")["value"].sum()
    return float(by_year.loc[2020] / by_year.loc[2016])


QUESTIONS = [
    MultipleChoice(
        id="03-01",
        prompt=(
            "The 2014 Valdai report proposes a 'division of labour' between three frameworks in Central Asia. "
            "Which body does it assign to the **military sphere**, including security on the Afghan–Tajik border?"
        ),
        choices=[
            "The Shanghai Cooperation Organisation (SCO)",
            "The Collective Security Treaty Organization (CSTO)",
            "The Customs Union / Eurasian Economic Union",
            "The Commonwealth of Independent States (CIS)",
        ],
        answer="The Collective Security Treaty Organization (CSTO)",
        feedback={
            "The Shanghai Cooperation Organisation (SCO)":
                "the report gives the SCO the political and strategic sphere — consultation and coordination — "
                "because it is not, and in the authors' view cannot be, a military bloc.",
            "The Customs Union / Eurasian Economic Union":
                "the report gives the Customs Union / Eurasian Union the economic sphere.",
            "The Commonwealth of Independent States (CIS)":
                "the CIS is mentioned in the report, but not as one of the three pillars of the division of labour.",
        },
        explanation=(
            "In its recommendations the report asks Russia to keep a 'complementary system': the SCO for "
            "political and strategic coordination, the CSTO for the military sphere (above all the Afghan–Tajik "
            "border), and economic integration through the Customs Union / Eurasian Union. Russia has the final "
            "say in the CSTO, whereas in the SCO it must share leadership with China and reach consensus."
        ),
        hints=[
            "Which of these is a military alliance in which Russia has the decisive voice?",
            "China belongs to only one of the four — and the report does not want that one to be a military bloc.",
        ],
    ),
    MultipleChoice(
        id="03-02",
        prompt=(
            "Russia proposed an SCO **Energy Club** in 2006, and a memorandum setting it up was signed in December "
            "2013. Which statement best matches how the 2014 Valdai report describes it?"
        ),
        choices=[
            "It turned into a forum where companies and government agencies talk; some experts see it as a "
            "cover for Russian control of Central Asian energy, others as the seed of a producer–consumer system",
            "It became a binding cartel that sets gas prices for all SCO members",
            "It was rejected by China and never founded",
            "It replaced the bilateral pipeline deals between China and the Central Asian states",
        ],
        answer=(
            "It turned into a forum where companies and government agencies talk; some experts see it as a "
            "cover for Russian control of Central Asian energy, others as the seed of a producer–consumer system"
        ),
        feedback={
            "It became a binding cartel that sets gas prices for all SCO members":
                "nothing in the report suggests binding powers; even its supporters only hope it might become a "
                "platform for price coordination.",
            "It was rejected by China and never founded":
                "the memorandum was signed in December 2013 by members, observers and dialogue partners; the "
                "report argues China has reasons to use it.",
            "It replaced the bilateral pipeline deals between China and the Central Asian states":
                "the report says the opposite: big energy projects went ahead bilaterally, which is why the club "
                "mattered to Russia.",
        },
        explanation=(
            "The report says that in practice the club became a discussion platform. It quotes Song (2014), for "
            "whom the club merely covers Russia's wish to control Central Asian energy, and Kazharov, Nurova and "
            "Safranchuk (2012), who want it to build a 'self-sufficient energy system' balancing producers and "
            "consumers. The report itself is frank that Russia hoped to channel regional projects through the SCO "
            "and link them to Russia."
        ),
        hints=[
            "The SCO takes decisions by consensus and has no power to set prices.",
            "The report quotes two opposite expert views of the club.",
        ],
    ),
    Numeric(
        id="03-03",
        prompt=(
            "Read the trade-share chart for the five Central Asian states. In the **Kyrgyzstan** panel, in which "
            "**year** did China's share of Kyrgyzstan's recorded trade reach its highest point?"
        ),
        answer=_china_peak_year_kyrgyzstan,
        tolerance=1,
        unit="(year)",
        decimals=0,
        answer_source=("trade dataset (IMF DOTS): Kyrgyzstan's exports + imports with CHN divided by its exports + "
                       "imports with WLD, for every year 1992–2020; the year with the largest share"),
        explanation=(
            "China's share of Kyrgyzstan's trade peaked in {answer} (answers within a year are accepted, since "
            "the chart's axis is coarse). Then it fell sharply in 2020, when the border with China closed during "
            "the pandemic, and Russia was again Kyrgyzstan's largest partner. A single year's snapshot can "
            "mislead: read the whole line before deciding who 'dominates' a country's trade."
        ),
        hints=[
            "Find the Kyrgyzstan panel and follow China's line (its colour and marker are in the key).",
            "The highest point is a few years before the end of the series.",
            "In code: compute the share for each year from datasets.load('trade') and take the year of the maximum.",
        ],
    ),
    Numeric(
        id="03-04",
        prompt=(
            "Personal remittances — money sent home, mostly by migrants working in Russia — are unusually large in "
            "Tajikistan. What were they as a **percentage of Tajikistan's GDP** in the latest year in the course data?"
        ),
        answer=_tajik_remittances_latest,
        tolerance=2.0,
        unit="% of GDP",
        decimals=1,
        answer_source=('scocourse.indicator("remittances_pct_gdp", countries=["TJK"]), latest year; derived by '
                       "scocourse as WDI remittances received / GDP × 100"),
        explanation=(
            "In the latest year remittances were about {answer} of Tajikistan's GDP — among the highest shares in "
            "the world. This is why labour migration to Russia, and how Russians see Central Asian migrants "
            "(Khaidarzoda's point), is a question of national economic security for Tajikistan, not only of "
            "social policy."
        ),
        hints=[
            "Find the last point of Tajikistan's line in the remittances chart.",
            'In code: sc.indicator("remittances_pct_gdp", countries=["TJK"]) and take the last year.',
        ],
    ),
    Match(
        id="03-05",
        prompt="Match each state to the interest its officials, or the experts writing about it, put first.",
        pairs={
            "Kazakhstan": "Multi-vector balancing; a 'creative leader' of the region",
            "Uzbekistan": "Bilateral deals; staying out of collective military activity",
            "Tajikistan": "A Russian base on the Afghan border; migrants' remittances",
            "Turkmenistan": "Permanent neutrality outside regional organisations",
            "India": "Connectivity to Central Asia via Iran's Chabahar port",
        },
        distractors=["An SCO free trade area", "Leadership of the CSTO"],
        left_label="State",
        right_label="Stated interest",
        notes={
            "Kazakhstan": "Valdai 2014, citing Nazarbayev (2010); Saltybayev stresses coordinated Central Asian "
                          "positions.",
            "Uzbekistan": "Valdai 2014: it suspended CSTO membership in 1999, rejoined in 2006 and left again in 2012.",
            "Tajikistan": "Valdai 2014: the 201st base agreement runs to 2042; remittances are a large share of GDP.",
            "Turkmenistan": "Valdai 2014: 'permanent neutrality'; Turkmenistan has never joined the SCO.",
            "India": "Valdai 2014: 'Connect Central Asia' (2012), Chabahar, TAPI and the North–South corridor.",
        },
        explanation=(
            "Each state uses the SCO, and Central Asia's other frameworks, for its own purposes. The two "
            "distractors are real ideas that belong to no one here: China proposed an SCO free trade area in 2003 "
            "and the other members turned it down; the CSTO is led by Russia, not by any of these states."
        ),
        hints=[
            "One of these states is not in the SCO at all.",
            "Only one of them has no border with Central Asia and has to reach it through a third country.",
            "Which state left the CSTO twice?",
        ],
    ),
    MultipleChoice(
        id="03-06",
        prompt=(
            "The 2014 Valdai report says that Russian support for industry 'may prove more popular' in Central Asia "
            "than a China-centred strategy of **'natural resources in exchange for Chinese goods'**. How should a "
            "careful reader treat this phrase?"
        ),
        choices=[
            "As an attributed argument by Russian-sponsored authors making the case for a Russian alternative, "
            "to be tested against trade data",
            "As a neutral statistical finding about the composition of China–Central Asia trade",
            "As the official position of the SCO",
            "As China's own description of its policy",
        ],
        answer=(
            "As an attributed argument by Russian-sponsored authors making the case for a Russian alternative, "
            "to be tested against trade data"
        ),
        feedback={
            "As a neutral statistical finding about the composition of China–Central Asia trade":
                "the report gives no trade figures for this claim; it is an argument, which data on trade shares "
                "and fuel exports can support or qualify.",
            "As the official position of the SCO":
                "the SCO takes decisions by consensus, China included; it would not adopt a phrase critical of China.",
            "As China's own description of its policy":
                "Chinese sources describe 'mutual benefit' and the Silk Road Economic Belt, not this formula.",
        },
        explanation=(
            "The report was written under a Valdai Club grant by a Russian and an Indian scholar and openly "
            "recommends what Russia should do. The phrase is a critique with a purpose: to argue that Russian "
            "industrial projects could win Central Asian support. It may still be partly right — fuel dominates "
            "some Central Asian exports to China — but it should be attributed and checked, not repeated as fact."
        ),
        hints=[
            "Ask who wrote the report, for which club, and what it recommends.",
            "Does the report give numbers for this claim?",
        ],
    ),
    Numeric(
        id="03-07",
        prompt=(
            "Uzbekistan changed president in 2016 and opened up to its neighbours. Using the trade data, by what "
            "**factor** did Uzbekistan's recorded trade with its four Central Asian neighbours change between 2016 "
            "and 2020? (2020 value divided by 2016 value.)"
        ),
        answer=_uzbek_neighbour_trade_ratio,
        tolerance=0.2,
        unit="times",
        decimals=1,
        answer_source=("trade dataset (IMF DOTS): Uzbekistan's exports + imports with KAZ, KGZ, TJK and TKM, "
                       "summed for 2020 and divided by the same sum for 2016"),
        explanation=(
            "Recorded trade with the neighbours grew by a factor of about {answer} in four years, in current "
            "dollars. Part of the rise is better recording (trade with Turkmenistan and much of that with "
            "Tajikistan was barely reported before 2016), so the change in behaviour is real but the size of the "
            "jump is partly a change in statistics."
        ),
        hints=[
            "Add up Uzbekistan's exports and imports with Kazakhstan, Kyrgyzstan, Tajikistan and Turkmenistan.",
            "Do it for 2016 and for 2020, then divide the later sum by the earlier one.",
        ],
    ),
    Order(
        id="03-08",
        prompt="Put these steps in Uzbekistan's balancing act in order, earliest first.",
        items=[
            "Suspends its membership of the collective security treaty for the first time",
            "Becomes a founding member of the SCO",
            "Rejoins the CSTO after Western sanctions over Andijon",
            "Leaves the CSTO for a second time",
            "A new president starts opening to the neighbours",
        ],
        notes={
            "Suspends its membership of the collective security treaty for the first time": "1999 (Valdai 2014)",
            "Becomes a founding member of the SCO": "15 June 2001, Shanghai (events dataset)",
            "Rejoins the CSTO after Western sanctions over Andijon": "2006, after the Andijon unrest of 2005",
            "Leaves the CSTO for a second time": "2012",
            "A new president starts opening to the neighbours": "2016, after President Karimov's death",
        },
        explanation=(
            "Uzbekistan moved in and out of Russian-led security structures as its relations with the West rose "
            "and fell, yet never left the SCO, which binds it to no military obligations and lets Russia and China "
            "balance each other. After 2016 the new leadership turned towards regional cooperation."
        ),
        hints=[
            "The SCO was founded in June 2001.",
            "The Andijon unrest was in 2005; sanctions followed.",
        ],
    ),
    ShortText(
        id="03-09",
        prompt=(
            "India has no border with any Central Asian state. Name the **Iranian port** that India invested in to "
            "reach Afghanistan and Central Asia while bypassing Pakistan."
        ),
        answer="Chabahar",
        alternatives=["Chahbahar", "Chah Bahar", "Chabahar port", "Port of Chabahar", "Shahid Beheshti"],
        wrong_answers={
            "Gwadar": "Gwadar is in Pakistan and is being developed with China — the route India wants to avoid.",
            "Bandar Abbas": "Bandar Abbas is Iran's main port, but the Indian investment the report describes went "
                            "to a port further east, on the Gulf of Oman.",
            "Karachi": "Karachi is in Pakistan.",
        },
        explanation=(
            "The 2014 Valdai report notes India's investment to overhaul Chabahar (the seed_figures dataset holds "
            "the amount). With the North–South transport corridor through Iran, it is India's way round Pakistan "
            "— one reason Iran matters to India's Central Asia policy."
        ),
        hints=[
            "It lies on Iran's coast near the border with Pakistan, on the Gulf of Oman.",
            "Its name begins with 'Ch'.",
        ],
    ),
    Reflection(
        id="03-10",
        prompt=(
            "Khaidarzoda writes that young Russians now meet Central Asians mainly as labour migrants, and that "
            "the war in Ukraine has changed how Central Asians see Russia. Using the remittances chart and one "
            "other source from this lesson, explain in four or five sentences why these perceptions matter for "
            "what Tajikistan and Kyrgyzstan can want from Russia and from the SCO."
        ),
        model_answer=(
            "One possible answer: *Remittances are a large share of Tajikistan's and Kyrgyzstan's GDP, so the "
            "treatment of migrants in Russia affects their economies directly. Hostile media images and "
            "anti-migrant moods in Russia (Khaidarzoda) make that income feel fragile, which strengthens the case "
            "for jobs at home — his proposal of joint ventures. At the same time the Valdai report shows both "
            "states depend on Russia for security (the 201st base, the Kant base), so they cannot simply turn "
            "away. The SCO offers a wider table where China's investment and Russia's security can both be "
            "sought — multi-vectorism by necessity. A critic would add that the figures say nothing about "
            "migrants' rights, which none of the governments involved puts first.*"
        ),
        min_words=40,
        explanation=(
            "The lesson's point is that interests are shaped by dependence: states whose budgets and households "
            "rely on one partner have less room to manoeuvre, and perceptions on both sides change that room."
        ),
        hints=[
            "Start from the data: how large are remittances relative to the economy?",
            "Then bring in one source: Khaidarzoda on perceptions, or the Valdai report on bases.",
            "End with what this means for multi-vector policy.",
        ],
    ),
]
