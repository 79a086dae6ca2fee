"""Question bank for lesson 02 — The SCO in numbers.

The numeric answers are computed from the course datasets when they are checked
(``seed_2014_tables``, ``indicators``, ``membership``, ``countries``). The reference year
(the latest year in which every series the lesson compares is complete for today's members
and the world) is also read from the data, when the bank is imported, so that the prompts
name the same year as the lesson notebook.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Reflection

TITLE = "The SCO in numbers"

_COMPLETE_SERIES = ("population", "gdp", "gdp_ppp")


def current_date():
    """Returns the date of the latest change in the membership table (the course's 'today')."""
    from scocourse import latest_membership_change

    return latest_membership_change()


def current_members() -> list[str]:
    """Returns the ISO3 codes of the full members on the latest membership date."""
    import scocourse as sc

    return sc.members(on=current_date())


def latest_complete_year(series=_COMPLETE_SERIES, countries=None) -> int:
    """Returns the latest year in which every series has a value for every country and the world."""
    import scocourse as sc

    return sc.facts.latest_complete_year(series, list(countries or current_members()))


_YEAR = latest_complete_year()


def _value(name: str, iso3: str, year: int) -> float:
    import scocourse as sc

    df = sc.indicator(name, countries=[iso3], years=year)
    if df.empty:
        raise LookupError(f"no {name} for {iso3} in {year}")
    return float(df["value"].iloc[0])


def _report_members_land_over_wdi_world() -> float:
    """2014 report's six members' land area (its own table) as % of the WDI world land area in 2013."""
    from scocourse import datasets

    t = datasets.load("seed_2014_tables")
    rows = t[(t["table"] == "area") & (t["measure"] == "area") & (t["group"] == "member")]
    members_km2 = rows["value"].sum() * 1e6  # the table is in million km2
    return 100 * members_km2 / _value("land_area", "WLD", 2013)


def _central_asia_share_of_members() -> float:
    """Share (%) of today's members' population living in the Central Asian members, in _YEAR."""
    import scocourse as sc

    members = current_members()
    central = set(sc.central_asia())
    pop = sc.indicator("population", countries=members, years=_YEAR).set_index("iso3")["value"]
    return 100 * pop[[c for c in members if c in central]].sum() / pop.sum()


def _kaz_over_tjk() -> float:
    """Kazakhstan's GDP per capita (current US$) divided by Tajikistan's, in _YEAR."""
    return _value("NY.GDP.PCAP.CD", "KAZ", _YEAR) / _value("NY.GDP.PCAP.CD", "TJK", _YEAR)


QUESTIONS = [
    Numeric(
        id="02-01",
        prompt=("The 2014 Valdai report divided the members' land area by a world total of its own. Recompute the "
                "share with the **World Bank's** denominator: add up the six members' areas in the report's table "
                "(`seed_2014_tables`, table `'area'`, measure `'area'`, group `'member'`; million km²) and divide by "
                "the World Bank's world land area for 2013 (`sc.indicator('land_area', countries=['World'], "
                "years=2013)`, in km²). Give the share in per cent."),
        answer=_report_members_land_over_wdi_world,
        tolerance=0.2,
        unit="%",
        decimals=1,
        answer_source=("sum of the six member rows of seed_2014_tables (area, million km²) × 10⁶ / WDI land area of "
                       "WLD in 2013 × 100"),
        explanation=("With the World Bank's world land area the members cover {answer} of the world's land — more "
                     "than the report's printed share, because the report's world total is larger than the World "
                     "Bank's. The World Bank's land area leaves out Antarctica and inland water; a figure of about 148 "
                     "million km² is the usual total for all land on Earth. Same numerator, different denominator, "
                     "different share: always ask what a share is a share *of*."),
        hints=["Mind the units: the report's table is in million km², the World Bank's in km².",
               "share = members' total × 1,000,000 / world land area × 100"],
    ),
    MultipleChoice(
        id="02-02",
        prompt=("The 2014 report printed China's population as 1,357.5 million. Today's World Bank data give a "
                "different figure for the same year. What is the most likely reason?"),
        choices=[
            "Population estimates are revised when new censuses and surveys come in, and the whole series is "
            "recalculated",
            "China's population grew between 2014 and today",
            "The report counted Hong Kong and Macao, the World Bank does not",
            "One of the two sources made a typing error",
        ],
        answer=("Population estimates are revised when new censuses and surveys come in, and the whole series is "
                "recalculated"),
        feedback={
            "China's population grew between 2014 and today":
                "Growth since 2014 changes later years, not the figure for 2013: we are comparing the same year.",
            "The report counted Hong Kong and Macao, the World Bank does not":
                "Both use the World Bank's definition of China (the report cites the World Bank), which excludes "
                "Hong Kong and Macao.",
            "One of the two sources made a typing error":
                "Possible in principle, but the world total and other countries change too: that pattern points to "
                "a systematic revision, not a slip.",
        },
        explanation=("Past values are not fixed. The World Bank takes its population estimates from the UN World "
                     "Population Prospects, which are re-estimated every two years from new censuses and surveys; "
                     "each revision can change the whole back series. The report used the 2014 vintage; the course "
                     "uses a 2026 one."),
        hints=["Compare the same year in both sources: what could change a number about the past?"],
    ),
    Numeric(
        id="02-04",
        prompt=(f"Alimov calls Central Asia the 'core' of the SCO. Measured by people, how big is that core? Using "
                f"`sc.indicator('population', ...)` for {_YEAR}, compute the share (%) of the **full members'** "
                f"total population that lives in the Central Asian members (use the `central_asia` column of "
                f"`datasets.load('countries')`)."),
        answer=_central_asia_share_of_members,
        tolerance=0.1,
        unit="%",
        decimals=1,
        answer_source=f"population {_YEAR}: Central Asian full members / all full members × 100",
        explanation=("Only about {answer} of the members' people live in Central Asia: the organisation's "
                     "geographical core is a demographic minority beside China, India and Pakistan. That is one "
                     "reason Central Asian governments value the SCO's consensus rule — by population alone they "
                     "would count for little."),
        hints=["Which members have central_asia == True? (Turkmenistan is Central Asian but not a member.)",
               "share = sum for the Central Asian members / sum for all members × 100"],
    ),
    MultipleChoice(
        id="02-03",
        prompt=("Look at the chart comparing the members' share of the world's population in the 2014 report with "
                "today. Which change explains most of the difference between the two bars?"),
        choices=[
            "New full members — above all India and Pakistan, which joined in 2017",
            "Faster population growth in the six founding members than in the rest of the world",
            "Revisions to China's population estimates",
            "A change in how the World Bank counts the world's population",
        ],
        answer="New full members — above all India and Pakistan, which joined in 2017",
        feedback={
            "Faster population growth in the six founding members than in the rest of the world":
                "The founders' own share has slipped since 2014: China and Russia grow more slowly than the world.",
            "Revisions to China's population estimates":
                "Revisions move the figures by well under one per cent of the world — far too little to explain the "
                "jump.",
            "A change in how the World Bank counts the world's population":
                "The world total has been revised, but only slightly; the numerator changed far more.",
        },
        explanation=("The founding six hold a slightly *smaller* share of the world than in 2014; the members' share "
                     "roughly doubles because India — now more populous than China — joined in 2017, and "
                     "Pakistan, Iran and Belarus added more. Enlargement, not growth, changed the SCO's weight."),
        hints=["Compare the bar for the 2014 members in today's data with the bar for today's members."],
    ),
    Numeric(
        id="02-06",
        prompt=(f"How unequal is the organisation? Divide Kazakhstan's GDP per capita by Tajikistan's, both in "
                f"current US$ (`NY.GDP.PCAP.CD`) for {_YEAR}. How many times richer, per person, is the average "
                f"Kazakhstani?"),
        answer=_kaz_over_tjk,
        rel_tolerance=0.02,
        unit="times",
        decimals=1,
        answer_source=f"NY.GDP.PCAP.CD, KAZ / TJK, {_YEAR}",
        explanation=("Kazakhstan's output per person is about {answer} Tajikistan's at market exchange rates — a gap "
                     "between two neighbouring Central Asian members, before we even compare them with China or "
                     "Russia. At purchasing-power parity the gap is smaller, but still large. Members this unequal "
                     "want different things from the organisation: investment and jobs for some, markets and "
                     "security for others."),
        hints=["sc.indicator('NY.GDP.PCAP.CD', countries=['KAZ', 'TJK'], years=...) gives both values.",
               "ratio = Kazakhstan / Tajikistan (a plain number, no unit)."],
    ),
    Match(
        id="02-07",
        prompt="Match each term from this lesson to what it means.",
        pairs={
            "GDP at market exchange rates": "Output valued in US dollars at the going exchange rate",
            "GDP at purchasing-power parity (PPP)": "Output valued at prices that buy the same basket everywhere",
            "WLD in the indicators table": "A World Bank aggregate for the whole world, not a country",
            "A DERIVED.… indicator": "Computed by the course from two World Bank series",
            "A data revision": "A later, corrected estimate of a value for a past year",
        },
        distractors=("A forecast of a future year",),
        left_label="Term",
        right_label="Meaning",
        explanation=("Market-rate GDP measures what an economy's output is worth on world markets; PPP GDP corrects "
                     "for lower prices in poorer countries and so raises their weight. WLD is calculated by the World "
                     "Bank, including countries not in our table. Derived series (e.g. `gdp_ppp` = GDP per capita "
                     "PPP × population) are the course's own arithmetic and differ slightly from official totals. A "
                     "revision changes the past; a forecast guesses the future."),
        hints=["Two of the options are about how GDP is valued; one is about where a number came from."],
    ),
    MultipleChoice(
        id="02-05",
        prompt=("Alimov calls the SCO the world's largest transregional organisation, with the largest population. "
                "Which of these can the course data **actually** establish? Choose all that apply."),
        choices=[
            "The members' combined share of the world's population",
            "The members' combined share of the world's land area",
            "That no other regional organisation has more people",
            "That the members act together as one bloc",
            "How the members' share of the world has changed since 2014",
        ],
        answer=("The members' combined share of the world's population",
                "The members' combined share of the world's land area",
                "How the members' share of the world has changed since 2014"),
        feedback={
            "That no other regional organisation has more people":
                "Our indicators cover only SCO members, partners, Turkmenistan and the world total. To rank "
                "organisations we would need the populations of every other organisation's members.",
            "That the members act together as one bloc":
                "Size says nothing about cohesion; the GDP-per-capita spread suggests very different interests.",
        },
        explanation=("The data give shares of the world, then and now. They cannot rank the SCO against other "
                     "organisations, because the course holds no data on their members — so we can test the size "
                     "part of Alimov's claim only as 'a large share of the world', and must say so."),
        hints=["Ask what the denominator and the numerator of each claim would need to be, and whether we hold them."],
    ),
    Reflection(
        id="02-08",
        prompt=("The SCO's members hold a large share of the world's people but differ enormously in income per "
                "person. Does size make the SCO influential, or does the spread within it make it hard to act "
                "together? Use at least two numbers from this lesson and attribute any claim you take from the "
                "seed texts."),
        model_answer=("A good answer separates weight from cohesion. The members' share of world population (roughly "
                      "two-fifths today) and of world GDP at PPP gives the SCO weight in any claim to speak for a "
                      "large part of humanity, which is Alimov's point. But the spread of GDP per capita — "
                      "Kazakhstan many times richer per person than Tajikistan, China and Russia far above Pakistan — "
                      "means members want different things: the 2014 Valdai report notes the asymmetry of interests "
                      "within the organisation. Market-rate GDP shows less weight than PPP, so the answer also "
                      "depends on which measure one picks. A strong answer concludes that size gives voice but the "
                      "consensus rule and unequal members limit joint action."),
        min_words=40,
        explanation="Open question: credit goes to using the lesson's numbers correctly and attributing claims.",
        hints=["One number about size (a share of the world) and one about spread (a ratio) will do.",
               "Does PPP or market-rate GDP better capture 'influence' abroad?"],
    ),
]
