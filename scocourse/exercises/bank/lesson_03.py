"""Lesson 03 — Member perspectives: what each state wants from the SCO and from Central Asia.

Facts come from the seed texts (the 2014 Valdai report by Koldunova and Das Kundu; Alimov 2024;
Khaidarzoda 2025; Saltybayev) and from the ``membership``, ``events`` and ``infrastructure``
datasets. Numeric answers are computed from the ``trade`` (IMF DOTS) and ``indicators`` (World
Bank WDI) datasets when the student checks, so they follow the data if it is rebuilt.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Member perspectives"

def _china_peak_year_kyrgyzstan() -> int:
    """Returns the year in which China's share of Kyrgyzstan's trade, in Kyrgyzstan's own records, was highest."""
    import scocourse

    s = scocourse.partner_shares("KGZ", partners="CHN", side="reporter")
    best = s.sort_values(["share", "year"], ascending=[False, True]).iloc[0]
    return int(best["year"])


def _china_kyrgyz_mirror_ratio_2019() -> float:
    """Returns China's recorded exports to Kyrgyzstan in 2019 divided by Kyrgyzstan's recorded imports from China."""
    from scocourse import datasets

    t = datasets.load("trade")
    t = t[(t["year"] == 2019) & (t["flow"] == "exports") & (t["reporter"] == "CHN") & (t["partner"] == "KGZ")]
    k = datasets.load("trade")
    k = k[(k["year"] == 2019) & (k["flow"] == "imports") & (k["reporter"] == "KGZ") & (k["partner"] == "CHN")]
    if len(t) != 1 or len(k) != 1 or not float(k["value"].iloc[0]) > 0:
        raise ValueError("the 2019 China-Kyrgyzstan flows are missing on one side")
    return float(t["value"].iloc[0] / k["value"].iloc[0])


def _tajik_remittances_latest() -> float:
    """Returns Tajikistan's remittances received (% of GDP, derived) in the latest year with data."""
    import scocourse

    s = scocourse.indicator("remittances_pct_gdp", countries=["TJK"]).dropna(subset=["value"])
    return float(s.sort_values("year")["value"].iloc[-1])


def _uzbek_neighbour_trade_ratio() -> float:
    """Returns Uzbekistan's 2020 trade with its four Central Asian neighbours divided by its 2016 trade."""
    import scocourse
    from scocourse import datasets

    neighbours = [c for c in scocourse.central_asia() if c != "UZB"]
    t = datasets.load("trade")
    t = t[(t["reporter"] == "UZB") & t["partner"].isin(neighbours)]
    by_year = t.groupby("year")["value"].sum()
    return float(by_year.loc[2020] / by_year.loc[2016])


QUESTIONS = [
    MultipleChoice(
        id="03-01",
        prompt=(
            "The 2014 Valdai report wants three frameworks in Central Asia to share the work, each in its own "
            "field. In that scheme, which one should carry the **military** tasks?"
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
            "The report's recommendations give each framework a field: politics and strategy to the SCO, military "
            "work to the CSTO (it names the Afghan–Tajik border as the main task), the economy to the Customs "
            "Union and the planned Eurasian Union. In the CSTO Russia has the decisive voice; in the SCO it must "
            "reach consensus with China and the Central Asian members. Note one fact the scheme glosses over: "
            "Tajikistan's own border forces had guarded the Afghan border since Russian border guards handed it "
            "over in 2004–05 (Jamestown Foundation, Eurasia Daily Monitor, December 2004; RFE/RL, February 2010)."
        ),
        hints=[
            "Which of the four has a collective-defence commitment among its members?",
            "China belongs to only one of the four, and the report insists that one is not a military bloc.",
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
                "China signed the memorandum in Moscow on 6 December 2013, with Russia, Kazakhstan, Tajikistan and "
                "six observers and dialogue partners; it was two members, Uzbekistan and Kyrgyzstan, that did not "
                "sign (Inforos, 6 December 2013).",
            "It replaced the bilateral pipeline deals between China and the Central Asian states":
                "the report says the opposite: big energy projects went ahead bilaterally, which is why the club "
                "mattered to Russia.",
        },
        explanation=(
            "In the report's own assessment the club ended up as a place for talk rather than decisions — as "
            "Russia's deputy energy minister had said at the signing, its conclusions were to be non-binding "
            "recommendations (Inforos, 6 December 2013). Not every member joined: Uzbekistan and Kyrgyzstan "
            "did not sign the 2013 memorandum. The report quotes Song (2014), for "
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
            "Read the trade-share chart for the five Central Asian states, which uses each state's own customs "
            "records. In the **Kyrgyzstan** panel, in which **year** did China's share reach its highest point?"
        ),
        answer=_china_peak_year_kyrgyzstan,
        tolerance=1,
        unit="(year)",
        decimals=0,
        answer_source=('scocourse.partner_shares("KGZ", partners="CHN", side="reporter") — Kyrgyzstan\'s own '
                       "records (IMF DOTS), every year with data; the year with the largest share"),
        explanation=(
            "In Kyrgyzstan's own records China's share peaked in {answer} (answers within a year are accepted, "
            "since the chart's axis is coarse), then fell sharply in 2020, when the border with China closed "
            "during the pandemic. Remember which side you are reading: China's records of the same trade are "
            "several times larger (exercise 03-04), so 'China's share' depends on whose customs you believe. "
            "Read the whole line, and both sides, before deciding who 'dominates' a country's trade."
        ),
        hints=[
            "Find the Kyrgyzstan panel and follow China's line (its colour and marker are in the key).",
            "The highest point is a few years before the end of the series.",
            "In code: compute the share for each year from datasets.load('trade') and take the year of the maximum.",
        ],
    ),
    Numeric(
        id="03-09",
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
        id="03-10",
        prompt="Match each state to the interest its officials, or the experts writing about it, put first.",
        pairs={
            "Kazakhstan": "Multi-vector balancing; a 'creative leader' of the region",
            "Uzbekistan": "Bilateral deals; staying out of collective military activity",
            "Tajikistan": "Russia's 201st base at home; migrants' remittances from Russia",
            "Turkmenistan": "Permanent neutrality outside regional organisations",
            "India": "Connectivity to Central Asia via Iran's Chabahar port",
        },
        distractors=["A Russian air base at Kant and a say over Naryn River water",
                     "Secure transit for its goods westward from Xinjiang"],
        left_label="State",
        right_label="Stated interest",
        notes={
            "Kazakhstan": "Valdai 2014, citing Nazarbayev (2010); Saltybayev stresses coordinated Central Asian "
                          "positions.",
            "Uzbekistan": "Valdai 2014; it did not renew the Collective Security Treaty in 1999, joined the CSTO in "
                          "2006 and suspended its membership in 2012.",
            "Tajikistan": "Valdai 2014: the 201st base agreement runs to 2042; remittances are a large share of GDP. "
                          "The base does not guard the Afghan border, which Tajik forces took over in 2004–05.",
            "Turkmenistan": "Valdai 2014: 'permanent neutrality'; Turkmenistan has never joined the SCO.",
            "India": "Valdai 2014: 'Connect Central Asia' (2012), Chabahar, TAPI and the North–South corridor.",
        },
        explanation=(
            "Each state uses the SCO, and Central Asia's other frameworks, for its own purposes. The two "
            "distractors are real interests of states not in the list: the Kant base and the Naryn's water "
            "describe Kyrgyzstan, and westward transit from Xinjiang describes China."
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
            "Declines to renew the Collective Security Treaty",
            "Becomes a founding member of the SCO",
            "Joins the CSTO after Western sanctions over Andijon",
            "Suspends its membership of the CSTO",
            "A new president starts opening to the neighbours",
        ],
        notes={
            "Declines to renew the Collective Security Treaty": "1999: it did not sign the protocol extending "
                                                               "the treaty",
            "Becomes a founding member of the SCO": "15 June 2001, Shanghai (events dataset)",
            "Joins the CSTO after Western sanctions over Andijon": "2006, after the Andijon unrest of 2005",
            "Suspends its membership of the CSTO": "2012",
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
        id="03-11",
        prompt=(
            "India's two main projects for reaching Central Asia without crossing Pakistan — a seaport it helped "
            "to equip and a north–south transport corridor towards Russia — both run through one country. "
            "Name it."
        ),
        answer="Iran",
        alternatives=["Islamic Republic of Iran", "the Islamic Republic of Iran"],
        wrong_answers={
            "Pakistan": "these routes exist precisely to avoid Pakistan, with which India has no transit agreement.",
            "Afghanistan": "Afghanistan is a destination and a transit country beyond the port, but the port and "
                           "the corridor's sea-to-Caspian section lie in another country.",
            "Turkmenistan": "Turkmenistan lies on some branches of the corridor, but the port and the main "
                            "corridor run through its southern neighbour.",
            "Azerbaijan": "one branch of the corridor passes Azerbaijan, but the port India invested in does not.",
        },
        explanation=(
            "The 2014 Valdai report notes India's investment in Iran's port of Chabahar (the seed_figures dataset "
            "holds the amount) and the International North–South Transport Corridor through Iran. Both make "
            "India's Central Asia policy depend on Iran — and on sanctions against Iran, which slowed Chabahar for "
            "years. Iran became a full SCO member in 2023."
        ),
        hints=[
            "Look at a map: the route must reach the sea west of Pakistan.",
            "Section 5 of the lesson names the port and the country it lies in.",
        ],
    ),
    Reflection(
        id="03-12",
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
    Numeric(
        id="03-04",
        prompt=(
            "Two customs services record the same goods. For **2019**, divide the value of **China's recorded "
            "exports to Kyrgyzstan** by the value of **Kyrgyzstan's recorded imports from China** (both in the "
            "course's trade dataset). What is the ratio?"
        ),
        answer=_china_kyrgyz_mirror_ratio_2019,
        tolerance=0.3,
        unit="times",
        decimals=1,
        answer_source=("trade dataset (IMF DOTS), 2019: reporter CHN, partner KGZ, flow exports, divided by reporter "
                       "KGZ, partner CHN, flow imports"),
        explanation=(
            "China recorded about {answer} times as much going to Kyrgyzstan as Kyrgyzstan recorded arriving. "
            "Valuation explains only a few per cent (imports are counted with freight and insurance, CIF; "
            "exports without, FOB), so the rest has other causes: goods declared as bound for Kyrgyzstan but sold "
            "on through its wholesale bazaars, such as Dordoi near Bishkek and Kara-Suu near Osh, to Kazakhstan, "
            "Uzbekistan and Russia; under-invoicing and 'shuttle' trade that Kyrgyz customs does not capture; and "
            "different treatment of goods in transit. B. Kaminski and S. Mitra, *Borderless Bazaars and Regional "
            "Integration in Central Asia* (World Bank, 2012), describe these bazaars as platforms for re-exports."
        ),
        hints=[
            "Filter datasets.load('trade') twice: once with reporter 'CHN' and partner 'KGZ' (flow 'exports'), "
            "once with reporter 'KGZ' and partner 'CHN' (flow 'imports').",
            "Divide the first value by the second.",
        ],
    ),
    Match(
        id="03-05",
        prompt=(
            "China's and Kyrgyzstan's records of their trade disagree. Match each question to the figure that "
            "answers it best."
        ),
        pairs={
            "How much did Kyrgyz customs declare — the base on which it charged import duties?":
                "Kyrgyzstan's own import records",
            "How much did Chinese firms send towards Kyrgyzstan, including goods sold on through its bazaars?":
                "China's export records of trade with Kyrgyzstan",
            "Roughly how much trade passed the border unrecorded, under-valued or bound for third countries?":
                "The gap between the two sides' records",
            "Why would the two sides differ by a few per cent even if every lorry were counted?":
                "Imports valued with freight and insurance (CIF), exports without (FOB)",
        },
        distractors=["The Eurasian Economic Union's statistics of trade between its members"],
        left_label="Question",
        right_label="Best figure",
        notes={
            "How much did Kyrgyz customs declare — the base on which it charged import duties?":
                "Only the importing country's declarations show what was taxed there.",
            "How much did Chinese firms send towards Kyrgyzstan, including goods sold on through its bazaars?":
                "The exporter's records catch goods that leave China declared for Kyrgyzstan, wherever they end up.",
            "Roughly how much trade passed the border unrecorded, under-valued or bound for third countries?":
                "A gap is an estimate of everything one side misses; Kaminski and Mitra (World Bank, 2012) use "
                "such gaps to size bazaar trade.",
            "Why would the two sides differ by a few per cent even if every lorry were counted?":
                "IMF trade statistics value imports CIF and exports FOB.",
        },
        explanation=(
            "Neither side is simply 'true'. Each answers a different question: the importer's records tell you "
            "what was declared and taxed there, the exporter's what left for that destination, and the gap "
            "measures what one side does not see. The EAEU's internal statistics cover trade among its members "
            "(China is not one), so they cannot settle a China–Kyrgyzstan question."
        ),
        hints=[
            "Ask whose officials filled in each form, and for what purpose.",
            "One option measures what neither side's form captures on its own.",
        ],
    ),
]
