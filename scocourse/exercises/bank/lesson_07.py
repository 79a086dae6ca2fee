"""Lesson 07 — Energy security: questions.

Facts come from the ``energy``, ``infrastructure``, ``trade`` and ``indicators`` datasets and
from the 2014 Valdai report (seed 001). Trade shares come from ``scocourse.partner_shares`` (one meaning
everywhere) and say which side of the records they read. Numeric answers are computed from the datasets when
the student checks; the two Match questions that rest on data (07-02, 07-08) build their
pairs from the datasets when the bank is loaded, so they follow the data if it is rebuilt.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Energy security"



def _ca() -> list:
    import scocourse

    return scocourse.central_asia()


# ----------------------------------------------------------------------------- answers from data

def _kazakhstan_oil_share_2020() -> float:
    """Returns Kazakhstan's share (%) of the recorded oil production of the five states in 2020."""
    from scocourse import datasets

    e = datasets.load("energy")
    oil = e[(e["measure"] == "fossil_production") & (e["fuel"] == "oil") & (e["year"] == 2020)
            & e["iso3"].isin(_ca()) & e["value"].notna()]
    if "KAZ" not in set(oil["iso3"]) or oil["value"].sum() <= 0:
        raise ValueError("no oil production for Kazakhstan in 2020")
    return float(oil.loc[oil["iso3"] == "KAZ", "value"].sum() / oil["value"].sum() * 100)


def _trade_share(partner: str, year: int, side: str = "reporter") -> float:
    """Returns ``partner``'s share (%) of the five states' combined trade in ``year``, on one side of the records.

    Sums ``scocourse.partner_shares`` over the five states (value over their own world totals), as the
    lesson's regional table does; raises if any state lacks the flows that year.
    """
    import scocourse

    s = scocourse.partner_shares(_ca(), partners=[partner], years=[year], side=side)
    if s["country"].nunique() != len(_ca()):
        raise ValueError(f"{side}-side trade with {partner} is not recorded for all five states in {year}")
    return float(100 * s["value"].sum() / s["total"].sum())


def _china_share_2020() -> float:
    return _trade_share("CHN", 2020)


def _russia_change_2000_2020() -> float:
    return _trade_share("RUS", 2020) - _trade_share("RUS", 2000)


def _mystery_pairs() -> dict:
    """Returns {"Mix A": country, …} for the anonymised electricity mixes shown in the lesson."""
    from scocourse.explorers.energy import mystery_mixes

    _, key = mystery_mixes()
    return dict(key)


_MIX_NOTES = {
    "Turkmenistan": "Gas only: Turkmenistan burns its own gas for power and has almost no hydropower.",
    "Uzbekistan": "Mostly gas, with some hydropower: Uzbekistan, the region's second-largest power system.",
    "Kazakhstan": "Mostly coal and by far the largest total: Kazakhstan, with its coal fields in the north.",
    "Kyrgyzstan": "Mostly hydropower but smaller in total: Kyrgyzstan, whose Toktogul cascade is on the Naryn.",
    "Tajikistan": "Mostly hydropower and larger in total: Tajikistan, with Nurek and Sangtuda (and now Rogun) "
                  "on the Vakhsh.",
}


def _mystery_notes() -> dict:
    """Returns a note on each mystery mix, chosen by the country the mix belongs to."""
    return {mix: _MIX_NOTES[country] for mix, country in _mystery_pairs().items() if country in _MIX_NOTES}


_NET_COUNTRIES = ("KAZ", "TKM", "KGZ", "TJK", "CHN")


def _net_energy_pairs() -> dict:
    """Returns {country: "net exporter"/"net importer"} from net energy imports (% of use), latest common year."""
    import scocourse

    x = scocourse.indicator("energy_imports_pct", countries=list(_NET_COUNTRIES))
    x = x[x["value"].notna()]
    years = x.groupby("iso3")["year"].apply(set)
    if len(years) != len(_NET_COUNTRIES):
        raise ValueError("net energy imports are missing for some countries")
    year = max(set.intersection(*years.tolist()))
    x = x[x["year"] == year].set_index("iso3")["value"]
    return {scocourse.country_name(c): ("net energy exporter" if x[c] < 0 else "net energy importer")
            for c in _NET_COUNTRIES}


QUESTIONS = [
    Numeric(
        id="07-01",
        prompt=(
            "Use the fossil-production table above. What share of the oil produced by the five Central Asian "
            "states in 2020 came from **Kazakhstan**? Give a percentage of the five states' recorded oil "
            "production (primary energy, TWh)."
        ),
        answer=_kazakhstan_oil_share_2020,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source=(
            "energy dataset, measure fossil_production, fuel oil, year 2020: Kazakhstan's value divided by the "
            "sum over the five states with data, times 100"
        ),
        explanation=(
            "Kazakhstan produced about {answer} of the region's oil in 2020. Turkmenistan and Uzbekistan are "
            "gas producers that pump some oil; Kyrgyzstan and Tajikistan produce almost none (the dataset "
            "stops recording them after 2016). When people say 'Central Asian oil' they mostly mean "
            "Kazakhstan's oil — which is why the routes out of Kazakhstan matter so much."
        ),
        hints=[
            "Take the 2020 oil column and add up the five states (skip missing values).",
            "Divide Kazakhstan's value by that total and multiply by 100.",
            "In code: filter datasets.load('energy') to measure == 'fossil_production', fuel == 'oil', year == 2020.",
        ],
    ),
    Match(
        id="07-02",
        prompt=(
            "**Identify the country from its energy mix.** The table *Mystery mixes* above shows how five "
            "countries made their electricity, with their names hidden. Match each mix to the Central Asian "
            "state it belongs to."
        ),
        pairs=_mystery_pairs(),
        left_label="Mix",
        right_label="Country",
        notes=_mystery_notes(),
        explanation=(
            "Two clues settle it: the main source and the size of the system. The two upstream states "
            "(Kyrgyzstan and Tajikistan) run on hydropower; Turkmenistan and Uzbekistan on gas; Kazakhstan on "
            "coal. Within each pair, the total tells them apart: Kazakhstan's system dwarfs the others, "
            "Uzbekistan's is far larger than Turkmenistan's, and Tajikistan's hydropower plants (see the "
            "infrastructure table) produce more than Kyrgyzstan's."
        ),
        hints=[
            "First sort the mixes by their main source: hydropower, gas or coal.",
            "Only one Central Asian state generates most of its electricity from coal.",
            "For the two gas mixes and the two hydro mixes, compare the total: which country has more people "
            "and industry, or more installed hydro capacity in the infrastructure table?",
        ],
    ),
    Order(
        id="07-03",
        prompt=(
            "Put these export routes in the order in which they opened (the route table and the text of the "
            "lesson give the years), earliest first."
        ),
        items=[
            "Central Asia–Center gas pipeline system (to Russia)",
            "Korpeje–Kurt Kui gas pipeline (Turkmenistan–Iran)",
            "CPC oil pipeline, Tengiz–Novorossiysk",
            "Kazakhstan–China oil pipeline",
            "Central Asia–China gas pipeline, Line A",
            "Central Asia–China gas pipeline, Line C",
        ],
        notes={
            "Central Asia–Center gas pipeline system (to Russia)": "Soviet era: first strings in 1969 (some sources say 1974).",
            "Korpeje–Kurt Kui gas pipeline (Turkmenistan–Iran)": "December 1997: the first Turkmen gas route that "
                                                                 "avoids Russia — small, but first.",
            "CPC oil pipeline, Tengiz–Novorossiysk": "2001: Kazakh oil to Russia's Black Sea coast.",
            "Kazakhstan–China oil pipeline": "2006: the first route for Kazakh oil that avoids Russia.",
            "Central Asia–China gas pipeline, Line A": "December 2009: Turkmen gas to China via Uzbekistan and Kazakhstan.",
            "Central Asia–China gas pipeline, Line C": "2014: a third parallel line.",
        },
        explanation=(
            "In 1991 every large export route from Central Asia ran through Russia. The first exception was "
            "small: the Korpeje–Kurt Kui line took Turkmen gas to Iran from December 1997. The CPC pipeline of "
            "2001 still crossed Russia. The large eastward routes came after it: oil to China from 2006, gas to "
            "China from 2009. This is the sequence the 2014 Valdai report describes as Russia losing its "
            "exclusive position in energy transport."
        ),
        hints=[
            "One of these was built in the Soviet Union.",
            "The southern route opened before the end of the 1990s.",
            "Oil reached China before gas did.",
        ],
    ),
    MultipleChoice(
        id="07-04",
        prompt=(
            "According to the 2014 Valdai report (Koldunova and Das Kundu), what did the opening of the "
            "Kazakhstan–China oil pipeline change?"
        ),
        choices=[
            "Russia lost its monopoly on transporting Kazakhstan's oil",
            "Kazakhstan stopped exporting oil through Russia",
            "China replaced Russia as Kazakhstan's largest trading partner in the same year",
            "The SCO took over the management of the region's pipelines",
        ],
        answer="Russia lost its monopoly on transporting Kazakhstan's oil",
        feedback={
            "Kazakhstan stopped exporting oil through Russia":
                "no: the CPC pipeline to Novorossiysk and the Soviet-era routes kept carrying Kazakh oil; what "
                "ended was Russia's position as the only route.",
            "China replaced Russia as Kazakhstan's largest trading partner in the same year":
                "the report does not say this, and the trade chart in this lesson shows how slowly the "
                "region's trade shares changed.",
            "The SCO took over the management of the region's pipelines":
                "the pipelines are bilateral or company projects; the SCO has no role in running them — one "
                "reason Russia proposed an SCO Energy Club.",
        },
        explanation=(
            "The report's point is about exclusivity: in Soviet times, Central Asian oil and gas could leave "
            "the region only through Russia. From 2006 Kazakh oil had a route east that did not cross Russian "
            "territory, and from 2009 Turkmen gas did too. Russia kept large flows, but lost the leverage that "
            "comes from being the only way out."
        ),
        hints=[
            "A pipeline to a new buyer adds a route; it does not close the old ones.",
            "Look for the word the report uses about Russia's position before 2006.",
        ],
    ),
    Numeric(
        id="07-06",
        prompt=(
            "Use the regional trade table above. On the **region's own records** (the reporter side), what share "
            "of the five Central Asian states' trade (exports plus imports, IMF Direction of Trade Statistics) "
            "was with **China** in 2020? Give a percentage."
        ),
        answer=_china_share_2020,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source=(
            "scocourse.partner_shares(central_asia(), partners=['CHN'], years=[2020], side='reporter'): sum of "
            "the five states' two-way trade with China divided by the sum of their own world totals, times 100"
        ),
        explanation=(
            "In 2020 China accounted for about {answer} of the region's trade on the region's own records — "
            "roughly the same as Russia, after two decades in which China's share grew and Russia's shrank. "
            "These are the reporter-side figures: the customs records of four governments, plus Turkmenistan's "
            "rows, which are not its own reports at all but IMF estimates built from its partners' records. "
            "On China's own records (the partner side) China's share is clearly larger; trade that goes "
            "unrecorded on both sides (shuttle trade, smuggling) is missing, and the dataset stops in 2020."
        ),
        hints=[
            "Read the 'China, region's records' column of the regional table for 2020.",
            "In code: sc.partner_shares(sc.central_asia(), partners=['CHN'], years=[2020]) — add up 'value', "
            "divide by the sum of 'total', multiply by 100.",
        ],
    ),
    MultipleChoice(
        id="07-07",
        prompt=(
            "Which of these statements about the SCO Energy Club match what the 2014 Valdai report says? "
            "Select all that apply."
        ),
        choices=[
            "Russia proposed the club in 2006, and a memorandum establishing it was signed in December 2013",
            "In practice it turned into a forum where companies and government agencies talk",
            "Song (2014), cited in the report, saw it as a cover for Russia's wish to control Central Asian energy",
            "It set common gas prices for its members from 2013",
            "Turkmenistan, the region's largest gas producer, joined it as a full SCO member",
        ],
        answer=(
            "Russia proposed the club in 2006, and a memorandum establishing it was signed in December 2013",
            "In practice it turned into a forum where companies and government agencies talk",
            "Song (2014), cited in the report, saw it as a cover for Russia's wish to control Central Asian energy",
        ),
        feedback={
            "It set common gas prices for its members from 2013":
                "no: price coordination was an aim some Russian authors proposed (a 'self-sufficient energy "
                "system'), not something the club did.",
            "Turkmenistan, the region's largest gas producer, joined it as a full SCO member":
                "Turkmenistan has never been an SCO member: it keeps out of alliances under its policy of "
                "permanent neutrality.",
        },
        explanation=(
            "The report presents the Energy Club as a Russian initiative — proposed in 2006, formalised by a "
            "memorandum in December 2013 (which, as the lesson notes from the Inforos report of the signing, "
            "Uzbekistan and Kyrgyzstan did not sign) — meant to channel the region's energy projects through the SCO and "
            "link them to Russia. It admits that the club became mainly a discussion forum and cites a critic "
            "(Song) who saw it as a vehicle for Russian control, alongside Russian authors (Kazharov, Nurova "
            "and Safranchuk) who hoped for a regional energy system coordinating producers and consumers."
        ),
        hints=[
            "Three statements are in the report; two are not.",
            "Is Turkmenistan an SCO member at all? Check sc.members().",
        ],
    ),
    Match(
        id="07-08",
        prompt=(
            "Use the net-energy-imports table above (World Bank: energy imports minus exports, as % of energy "
            "use). Match each country to what it was in the latest year shown."
        ),
        pairs=_net_energy_pairs(),
        left_label="Country",
        right_label="Net position",
        explanation=(
            "A negative value means a country produces more energy than it uses and exports the rest. "
            "Kazakhstan and Turkmenistan are large net exporters (producers whose worry is security of "
            "*demand*: buyers and routes). Kyrgyzstan and Tajikistan import much of their fuel and rely on "
            "hydropower, so their worry is security of *supply*, especially in winter. China is a large net "
            "importer, which is why it built pipelines to Central Asia."
        ),
        hints=[
            "A negative number in the table means net exports.",
            "The two upstream hydropower states have little oil and gas of their own.",
        ],
    ),
    ShortText(
        id="07-10",
        prompt=(
            "Name the Soviet-era gas pipeline system that carried Turkmen and Uzbek gas north through "
            "Kazakhstan to Russia — the route whose monopoly the Central Asia–China pipeline broke."
        ),
        answer="Central Asia–Center",
        alternatives=["Central Asia-Center", "Central Asia Center", "Central Asia–Centre", "Central Asia Centre",
                      "CAC", "Central Asia–Center gas pipeline", "Central Asia-Center pipeline",
                      "Central Asia–Center gas pipeline system", "Srednyaya Aziya–Tsentr"],
        wrong_answers={
            "CPC": "the CPC (Caspian Pipeline Consortium) line carries Kazakh oil, not gas, to Novorossiysk.",
            "TAPI": "TAPI is a planned southern gas route to Afghanistan, Pakistan and India, not a Soviet one.",
            "Central Asia-China": "that is the new eastern route that broke the monopoly, not the old northern one.",
        },
        explanation=(
            "The Central Asia–Center (CAC) system was built from the 1960s to the 1980s to carry gas from "
            "Turkmenistan and Uzbekistan to the Russian network. For two decades after 1991 it gave Russia "
            "(through Gazprom) a near-monopoly on buying and re-selling Turkmen gas. Since 2023 it has also "
            "carried Russian gas south, via Kazakhstan, to Uzbekistan."
        ),
        hints=[
            "Its name joins the region to the centre of the former Soviet Union.",
            "Its abbreviation has three letters.",
        ],
    ),
    Reflection(
        id="07-09",
        prompt=(
            "Choose one country from the lesson — a producer (Turkmenistan or Kazakhstan), a transit state "
            "(Uzbekistan or Kazakhstan for Turkmen gas), or a consumer (Kyrgyzstan, Tajikistan or China). In "
            "four or five sentences: what does *energy security* mean for it, which route or project in the "
            "infrastructure table serves that need, and could an SCO body such as the Energy Club help?"
        ),
        model_answer=(
            "*For Turkmenistan, a producer, energy security means security of demand: reliable buyers and more "
            "than one way to reach them. Until 2009 almost all its gas had to leave through the Central Asia–Center "
            "system — the small Korpeje–Kurt Kui line to Iran, open since 1997, took only a fraction — so "
            "Russia could set terms; the Central Asia–China lines gave it a second buyer, and TAPI "
            "would add a third. Its new risk is dependence on one large customer, China. An SCO Energy Club "
            "could offer a place to talk about prices and transit, but Turkmenistan is not an SCO member and "
            "prefers bilateral deals, so the club's value to it is limited — which matches the report's "
            "admission that the club stayed a discussion platform.*"
        ),
        min_words=40,
        explanation=(
            "Energy security depends on where a country sits in the chain: producers fear losing buyers or "
            "routes, transit states want fees and a say over flows, and consumers want supply they can count "
            "on at a price they can pay. A good answer ties the country's position to a concrete route and "
            "weighs the SCO against the bilateral deals that have actually built the pipelines."
        ),
        hints=[
            "Start from the country's net energy position in the table above.",
            "Then find the routes in the infrastructure table that start, cross or end in it.",
            "Remember who is and is not an SCO member.",
        ],
    ),
    Numeric(
        id="07-11",
        prompt=(
            "On the **region's own records** (the reporter side), by how many **percentage points** did Russia's "
            "share of the five Central Asian states' trade change between 2000 and 2020? Give a negative number "
            "for a fall."
        ),
        answer=_russia_change_2000_2020,
        tolerance=1.0,
        unit="percentage points",
        decimals=1,
        answer_source=(
            "scocourse.partner_shares(central_asia(), partners=['RUS'], years=[2000, 2020], side='reporter'): "
            "Russia's regional share (sum of values / sum of world totals, x100) in 2020 minus that in 2000"
        ),
        explanation=(
            "Russia's share changed by {answer} between 2000 and 2020, while China's rose. A share can fall "
            "while the value rises: the region's total trade grew several times over, so trade with Russia "
            "grew in dollars even as its share shrank."
        ),
        hints=[
            "Compute Russia's share in 2000 and in 2020 the same way as China's in question 07-06.",
            "Subtract the 2000 share from the 2020 share.",
        ],
    ),
    MultipleChoice(
        id="07-05",
        prompt=(
            "**Whose records?** A briefing note written in Astana says: \"In the latest year of the IMF data, "
            "Russia was still a larger trading partner of Kazakhstan than China.\" Use the side-by-side table "
            "and the Kazakhstan chart above. Which comment on the sentence is the most accurate?"
        ),
        choices=[
            "It holds on Kazakhstan's own records, but on Russia's and China's records of the same trade China's "
            "share is the larger; the note should say whose records it uses",
            "It is wrong: China's share of Kazakhstan's trade is the larger on both sides of the records",
            "It is right on both sides of the records, so no qualification is needed",
            "It cannot be checked, because Kazakhstan's own figures are IMF estimates built from its partners' "
            "records",
        ],
        answer=(
            "It holds on Kazakhstan's own records, but on Russia's and China's records of the same trade China's "
            "share is the larger; the note should say whose records it uses"
        ),
        feedback={
            "It is wrong: China's share of Kazakhstan's trade is the larger on both sides of the records":
                "compare the two Russia columns with the two China columns in Kazakhstan's row: on Kazakhstan's "
                "own records Russia's share is the larger.",
            "It is right on both sides of the records, so no qualification is needed":
                "on Russia's and China's records China's share is the larger; the sentence is true of one side "
                "only.",
            "It cannot be checked, because Kazakhstan's own figures are IMF estimates built from its partners' "
            "records":
                "that describes Turkmenistan, which publishes no full trade statistics; Kazakhstan reports its "
                "own trade to the IMF.",
        },
        explanation=(
            "Every trade relation is recorded twice, and for Kazakhstan the two records rank Russia and China "
            "differently in the latest year. Valuation (FOB against CIF), goods travelling on to a third "
            "country, and the absence of customs declarations at the border Kazakhstan shares with Russia inside "
            "the customs union all open gaps. Neither side is 'the truth'; a careful brief says which side it "
            "reads (sc.partner_shares(..., side='reporter') or side='partner') and, where the two disagree, "
            "reports both."
        ),
        hints=[
            "Find Kazakhstan's row in the side-by-side table and compare Russia's two columns with China's two.",
            "Which Central Asian state's 'own' figures are really its partners' records?",
        ],
    ),
]
