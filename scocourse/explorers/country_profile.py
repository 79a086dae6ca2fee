"""Country-profile explorer: pick a state and see how it relates to the SCO, in words and in data.

``country_profile()`` shows a Dropdown of the states discussed in lesson 03. Choosing one
redraws an ``ipywidgets.Output`` with, in order:

1. its SCO membership history (from the ``membership`` dataset, with the dataset's notes on
   disputed or uncertain spells);
2. key indicators over time (``charts.indicator_lines``; World Bank WDI, derived series labelled);
3. its main trading partners (``charts.trade_shares``; IMF DOTS, to 2020);
4. its electricity mix (``charts.electricity_mix``; OWID / Ember);
5. a short summary of its *stated* interests — what its officials and experts, or the seed texts
   about it, say it wants from the SCO and from Central Asia — with citations.

The summaries in :data:`INTERESTS` are prose, not data: short paraphrases written for this
course, each point followed by the source it paraphrases (author, title, publisher, year; see
:data:`SOURCES`). Points that are general background rather than taken from a source say so.
Numbers are never typed into them: every quantity in the profile is drawn from a dataset.

``profile_outputs(country)`` returns the output dicts without any widget (used by the tests and
usable in a notebook with ``IPython.display``). matplotlib and ipywidgets are imported only when
a profile is drawn.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["Source", "StatedInterests", "SOURCES", "INTERESTS", "PROFILE_COUNTRIES", "DEFAULT_INDICATORS",
           "SECTIONS", "stated_interests", "interests_markdown", "membership_markdown", "top_partners",
           "partners_markdown",
           "profile_outputs", "static_summary", "build_country_profile", "country_profile", "CountryProfile"]


# --------------------------------------------------------------------------- sources
@dataclass(frozen=True)
class Source:
    """A work cited by the summaries: ``key`` is the short tag used after each point."""

    key: str
    author: str
    title: str
    publisher: str
    year: str

    def citation(self) -> str:
        """Returns 'Author, *Title*, Publisher, Year.'"""
        return f"{self.author}, *{self.title}*, {self.publisher}, {self.year}."


_SOURCE_LIST = (
    Source("Valdai 2014", "E. Koldunova and N. Das Kundu",
           "Russia's Role in the SCO and Central Asia: Challenges and Opportunities",
           "Valdai Discussion Club grantees report, Moscow", "2014"),
    Source("Alimov 2024", "R. Alimov (SCO Secretary-General 2016–2018)", "How Will the Heart of Eurasia Beat?",
           "Valdai Discussion Club", "2024"),
    Source("Khaidarzoda 2025", "R. Khaidarzoda", "Cooperation between Central Asia and Russia: New Horizons",
           "Valdai Discussion Club", "2025"),
    Source("Saltybayev", "Y. Saltybayev (Institute of World Economics and Politics, Kazakhstan)",
           "Cooperation prospects and security challenges for Central Asia", "The Astana Times", "undated"),
    Source("Perminova 2024", "A. Perminova",
           "The Role of the SCO in Ensuring Water and Energy Security in Central Asia",
           "Russian International Affairs Council, Policy Brief 52", "2024"),
    Source("course data", "scocourse datasets", "membership, events and infrastructure tables",
           "compiled from the sources listed in sources/reference/SOURCES.md", "2025"),
)
SOURCES = MappingProxyType({s.key: s for s in _SOURCE_LIST})
"""The works cited in :data:`INTERESTS`, by tag."""


@dataclass(frozen=True)
class StatedInterests:
    """What a state says it wants (``points``: (text, source tag) pairs) and a contested reading."""

    iso3: str
    headline: str
    points: tuple[tuple[str, str], ...]
    contested: str = ""

    def sources(self) -> tuple[Source, ...]:
        """Returns the distinct sources cited, in order of first use."""
        keys = dict.fromkeys(tag for _, tag in self.points if tag in SOURCES)
        return tuple(SOURCES[k] for k in keys)


_BG = "background"  # general background, not a paraphrase of a source

_INTERESTS = (
    StatedInterests(
        "RUS", "Security manager and would-be economic partner, sharing the region with China",
        (
            ("Keep the SCO looking like an independent regional organisation that delivers results in preventive "
             "diplomacy and security, not a talking shop.", "Valdai 2014"),
            ("A 'division of labour': the SCO for political and strategic coordination, the CSTO for the military "
             "sphere (above all the Afghan–Tajik border), and the Customs Union / Eurasian Union for economic "
             "integration.", "Valdai 2014"),
            ("End the situation in which economic cooperation inside the SCO is China's domain, without harming "
             "Russian–Chinese relations; the SCO Energy Club (proposed by Russia in 2006) is one tool.",
             "Valdai 2014"),
            ("Stabilise Afghanistan and stop the flow of Afghan drugs through Central Asia into Russia.",
             "Valdai 2014"),
            ("Use the SCO as one building block of a wider 'Eurasian security architecture'.", "Alimov 2024"),
        ),
        contested=("Some experts quoted by the 2014 report see the Energy Club as a cover for Russian control "
                   "of Central Asian energy; the report's authors see it as a producer–consumer forum."),
    ),
    StatedInterests(
        "CHN", "Secure western border, energy supplies and trade routes",
        (
            ("Priorities as summarised by the Chinese scholar Zhao Huasheng: fight terrorism, separatism and "
             "extremism; secure the border; keep the region stable; take part in its economic development; gain "
             "access to its energy; prevent any anti-Chinese bloc from dominating it.", "Valdai 2014"),
            ("Central Asia borders Xinjiang and supplies energy for China's growth; pipelines from Kazakhstan (2006) "
             "and Turkmenistan (2009) followed.", "Valdai 2014"),
            ("In Astana in September 2013 Xi Jinping proposed the Silk Road Economic Belt, an overland corridor "
             "of railways, roads and pipelines from the Pacific to Europe.", "Valdai 2014"),
        ),
        contested=("The 2014 report contrasts a Chinese formula of 'natural resources in exchange for Chinese "
                   "goods' with the industrial projects Russia could offer — a critique made by authors who "
                   "were arguing for a Russian alternative."),
    ),
    StatedInterests(
        "KAZ", "Multi-vector balancing and regional leadership",
        (
            ("Supports every workable form of regional cooperation, but will not accept being led by Russian or "
             "Chinese leadership; Nazarbayev cast Kazakhstan as a 'creative leader' of the region.", "Valdai 2014"),
            ("Blocked Russian ideas, such as a Eurasian parliament, that it saw as a threat to its sovereignty.",
             "Valdai 2014"),
            ("Central Asia should settle its own problems — water, energy, transit, terrorism — and speak with "
             "coordinated positions while staying open to the Belt and Road, the Eurasian Economic Union and the "
             "SCO alike.", "Saltybayev"),
        ),
    ),
    StatedInterests(
        "UZB", "Bilateral deals and independence from blocs; regional opening after 2016",
        (
            ("Preferred bilateral ties with Russia, the USA and others to Russian-led collective projects, and "
             "stayed out of collective military activity where it could.", "Valdai 2014"),
            ("Suspended its CSTO membership in 1999, rejoined in 2006 after Western sanctions over Andijon, and "
             "left again in 2012 — while staying in the SCO throughout.", "Valdai 2014"),
            ("After the change of president in 2016 Uzbekistan turned towards its neighbours; regional "
             "consultation and trade grew (the course's trade data show by how much).", _BG),
        ),
    ),
    StatedInterests(
        "KGZ", "Security from partners, hydropower as an asset",
        (
            ("With modest armed forces of its own, Kyrgyzstan relies on training and membership in the CSTO and "
             "the SCO; Russia remains its economic and strategic 'lodestar'.", "Valdai 2014"),
            ("In 2013 Russia merged its installations in Kyrgyzstan, including the Kant air base, into one base, "
             "while Kyrgyzstan declined to renew the US lease at Manas.", "Valdai 2014"),
            ("Sees the SCO as a place to raise sensitive issues — water, energy, railways — that neighbours will "
             "not settle bilaterally.", "Valdai 2014"),
            ("Plans large dams on the Naryn (Kambarata) to export electricity, with Kazakhstan and Uzbekistan as "
             "co-investors.", "course data"),
        ),
    ),
    StatedInterests(
        "TJK", "Border security, labour migration and hydropower",
        (
            ("Relies on Russia's 201st military base, under an agreement running to 2042, to guard the border "
             "with Afghanistan.", "Valdai 2014"),
            ("Tajik labour migrants in Russia are a major part of the economy and of the bilateral relationship.",
             "Valdai 2014"),
            ("Builds the Rogun dam on the Vakhsh, long opposed downstream by Uzbekistan.", "course data"),
            ("Russians now meet Central Asians mainly as labour migrants, often through hostile media images; "
             "joint ventures at home would create jobs and reduce migration.", "Khaidarzoda 2025"),
        ),
    ),
    StatedInterests(
        "TKM", "Permanent neutrality: outside the SCO, selling gas to all",
        (
            ("Keeps out of regional organisations under its policy of 'permanent neutrality', part of what "
             "analysts call Central Asia's 'virtual regionalism'.", "Valdai 2014"),
            ("Its gas flows east through the Central Asia–China pipeline (2009) and is meant to flow south through "
             "TAPI.", "Valdai 2014"),
        ),
    ),
    StatedInterests(
        "IND", "Connectivity to Central Asia without depending on China or Pakistan",
        (
            ("'Connect Central Asia' (2012): political and security ties, the SCO, energy, education and IT, and a "
             "North–South trade corridor.", "Valdai 2014"),
            ("Invests in Iran's Chabahar port to reach Afghanistan and Central Asia while bypassing Pakistan; wants "
             "gas from Turkmenistan through TAPI.", "Valdai 2014"),
            ("Treats the SCO as secondary to bilateral projects and is wary of an SCO dominated by China.",
             "Valdai 2014"),
        ),
    ),
    StatedInterests(
        "PAK", "A seat at the table on Afghanistan and Central Asian connectivity",
        (
            ("Close to the United States, yet keen to cooperate with the SCO in Central Asia; an observer "
             "from 2005 that asked for full membership.", "Valdai 2014"),
            ("A transit state for TAPI gas and CASA-1000 electricity from Central Asia.", "course data"),
            ("Joined as a full member in 2017, on the same day as its rival India.", "course data"),
        ),
    ),
    StatedInterests(
        "IRN", "Partners beyond the West and a transit role",
        (
            ("An important regional actor and Russian economic partner whose relations with the West are strained "
             "by its nuclear programme; the 2014 report expected it to seek membership once sanctions were "
             "lifted.", "Valdai 2014"),
            ("Its port of Chabahar and the North–South corridor link India with Central Asia.", "Valdai 2014"),
            ("Became a full member in 2023, with sanctions still in place.", "course data"),
        ),
    ),
    StatedInterests(
        "BLR", "A European member promoting 'Eurasian security'",
        (
            ("Dialogue partner from 2009, observer from 2015 and full member from 2024.", "course data"),
            ("Hosts the Minsk conferences on Eurasian security, where Alimov proposed building a Eurasian security "
             "architecture on the SCO's experience.", "Alimov 2024"),
        ),
    ),
    StatedInterests(
        "AFG", "The neighbour whose stability everyone invokes",
        (
            ("An SCO observer from 2012; the 2014 report saw post-2014 Afghanistan as the SCO's most pressing "
             "test, a source of terrorism and drugs.", "Valdai 2014"),
            ("Should have a place in a future Eurasian security system; neighbours engage with the Afghan "
             "authorities while asking Kabul to clear its territory of militant groups.", "Alimov 2024"),
            ("Its status in the SCO after the Taliban takeover of August 2021 is uncertain in the course data.",
             "course data"),
        ),
    ),
)
INTERESTS = MappingProxyType({s.iso3: s for s in _INTERESTS})
"""Stated interests by ISO3 code (the states of lesson 03)."""

PROFILE_COUNTRIES = tuple(s.iso3 for s in _INTERESTS)
"""The states offered in the explorer, in the order lesson 03 discusses them."""

DEFAULT_INDICATORS = ("gdp_per_capita", "remittances_pct_gdp", "military_pct_gdp")
"""Indicators drawn over time in each profile (short names from the indicator catalogue)."""


def stated_interests(country: str) -> StatedInterests:
    """Returns the :class:`StatedInterests` of a lesson-03 state (name or ISO3 code)."""
    from scocourse import country as _country
    from scocourse.errors import UnknownCountryError

    iso3 = _country(country)
    try:
        return INTERESTS[iso3]
    except KeyError:
        from scocourse import country_name

        names = ", ".join(country_name(c) for c in PROFILE_COUNTRIES)
        raise UnknownCountryError(f"There is no summary of stated interests for {country_name(iso3)}; "
                                  f"the profiles cover {names}.") from None


def interests_markdown(country: str) -> str:
    """Returns the stated-interests summary of a state as Markdown, citations included."""
    from scocourse import country_name

    s = stated_interests(country)
    lines = [f"**Stated interests — {country_name(s.iso3)}: {s.headline}**", ""]
    for text, tag in s.points:
        cite = "general background" if tag == _BG else tag
        lines.append(f"- {text} ({cite})")
    if s.contested:
        lines += ["", f"**Contested:** {s.contested}"]
    lines += ["", "Sources: " + " ".join(src.citation() for src in s.sources())]
    return "\n".join(lines)


def membership_markdown(country: str) -> str:
    """Returns the state's SCO status spells (membership dataset) as a Markdown list."""
    from scocourse import country as _country, country_name, datasets

    iso3 = _country(country)
    df = datasets.load("membership")
    rows = df[df["iso3"] == iso3].sort_values("start", kind="mergesort")
    label = {"shanghai_five": "Shanghai Five", "founding_member": "founding member", "member": "member",
             "observer": "observer", "dialogue_partner": "dialogue partner", "partner": "SCO partner"}
    lines = [f"**SCO status of {country_name(iso3)}** (membership dataset)", ""]
    if rows.empty:
        lines.append("- Never a member, observer or partner of the SCO or the Shanghai Five.")
    for r in rows.itertuples(index=False):
        start = r.start.strftime("%Y-%m-%d") if r.start_precision == "day" else str(r.start.year)
        end = "" if r.end is None or r.end != r.end else f" to {r.end.strftime('%Y-%m-%d')}"
        lines.append(f"- {label.get(r.status, r.status)}: from {start}{end}")
        note = str(r.notes) if isinstance(r.notes, str) else ""
        if note.startswith(("UNCERTAIN", "DISPUTED")):
            lines.append(f"  - *{note.split(':', 1)[0].capitalize()}:* {note.split(':', 1)[1].strip()}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the profile
SECTIONS = ("membership", "indicators", "trade", "energy", "interests")
"""The parts of a profile, in display order."""

TRADE_PARTNERS = 4
"""How many of a state's largest recorded trading partners the trade chart shows."""

_EU_MEMBERS = ("DEU",)  # partners in the trade data that are also inside the EU aggregate 'EUU'



from ._display import markdown_output as _markdown_output  # noqa: E402


def _check_sections(sections) -> tuple[str, ...]:
    from scocourse.errors import UnknownNameError, WrongTypeError, did_you_mean

    if isinstance(sections, str):
        sections = (sections,)
    try:
        chosen = tuple(sections)
    except TypeError:
        raise WrongTypeError(f"sections should be a list of names such as {SECTIONS[:2]}, "
                             f"not {type(sections).__name__}.") from None
    for s in chosen:
        if s not in SECTIONS:
            raise UnknownNameError(f"'{s}' is not a profile section.{did_you_mean(str(s), list(SECTIONS))} "
                                   f"Sections: {', '.join(SECTIONS)}.")
    if not chosen:
        raise WrongTypeError(f"Choose at least one section of {', '.join(SECTIONS)}.")
    return tuple(s for s in SECTIONS if s in chosen)


def _check_indicators(indicators) -> tuple[str, ...]:
    from scocourse._lookup import _catalog
    from scocourse.errors import UnknownIndicatorError, WrongTypeError, did_you_mean

    if isinstance(indicators, str):
        indicators = (indicators,)
    try:
        chosen = tuple(indicators)
    except TypeError:
        raise WrongTypeError(f"indicators should be a list of short names such as {DEFAULT_INDICATORS[:2]}, "
                             f"not {type(indicators).__name__}.") from None
    cat = _catalog()
    for code in chosen:
        if not isinstance(code, str) or code.strip().casefold() not in cat:
            shorts = sorted({r.short_name for r in cat.values()})
            raise UnknownIndicatorError(f"'{code}' is not an indicator.{did_you_mean(str(code), shorts)} "
                                        f"See datasets.load('indicator_catalog') for the short names.")
    return chosen


def top_partners(country: str, year: int | None = None, n: int = TRADE_PARTNERS, course_only: bool = False) -> list[str]:
    """Returns the codes of a state's ``n`` largest recorded trading partners, largest first.

    Exports plus imports reported by the state (IMF DOTS via the ``trade`` dataset) in ``year``
    (default: the latest year with a world total); the world total itself is left out and the EU is
    counted once (as 'EUU'). ``course_only=True`` keeps only the course's 28 countries (the ones
    ``charts.trade_shares`` can draw), dropping the EU, the USA, Japan and the other extra partners.
    """
    from scocourse import country as _country, datasets

    iso3 = _country(country)
    t = datasets.load("trade")
    t = t[t["reporter"] == iso3]
    if year is None:
        year = int(t.loc[t["partner"] == "WLD", "year"].max())
    t = t[(t["year"] == year) & ~t["partner"].isin(["WLD", *_EU_MEMBERS])]  # the EU counts once, as 'EUU'
    if course_only:
        t = t[t["partner"].isin(set(datasets.load("countries")["iso3"]))]
    sums = t.groupby("partner")["value"].sum().sort_values(ascending=False, kind="mergesort")
    return [str(p) for p in sums.index[:n]]


def partners_markdown(country: str, n: int = TRADE_PARTNERS + 1) -> str:
    """Returns a Markdown table of a state's largest recorded partners and their shares (latest year)."""
    from scocourse import country as _country, datasets

    iso3 = _country(country)
    t = datasets.load("trade")
    t = t[t["reporter"] == iso3]
    year = int(t.loc[t["partner"] == "WLD", "year"].max())
    t = t[t["year"] == year]
    total = float(t.loc[t["partner"] == "WLD", "value"].sum())
    lines = [f"**Largest recorded trading partners, {year}** (exports + imports, share of trade with the world; "
             "IMF DOTS)", "", "| partner | share of trade |", "|---|---|"]
    for p in top_partners(iso3, year, n):
        share = float(t.loc[t["partner"] == p, "value"].sum()) / total * 100
        lines.append(f"| {_partner_name(p)} | {share:.1f}% |")
    return "\n".join(lines)


def _partner_name(code: str) -> str:
    from scocourse import country_name
    from scocourse.errors import CourseError

    try:
        return country_name(code)
    except CourseError:
        return _EXTRA_PARTNERS.get(code, code)


_EXTRA_PARTNERS = {"EUU": "European Union", "USA": "United States", "JPN": "Japan", "KOR": "South Korea",
                   "UKR": "Ukraine", "CHE": "Switzerland", "DEU": "Germany", "GBR": "United Kingdom",
                   "HKG": "Hong Kong (China)"}


def _section_outputs(section: str, iso3: str, indicators, years) -> tuple:
    from scocourse import charts, country_name
    from scocourse.errors import CourseError

    name = country_name(iso3)
    if section == "membership":
        return (_markdown_output(membership_markdown(iso3)),)
    if section == "interests":
        return (_markdown_output(interests_markdown(iso3)),)
    if section == "indicators":
        out = []
        for code in indicators:
            try:
                out.extend(charts.figure_outputs(charts.indicator_lines(code, countries=[iso3], years=years)))
            except CourseError:
                out.append(_markdown_output(f"*No World Bank data on `{code}` for {name} in these years "
                                            f"(some governments publish little; see the indicator catalogue).*"))
        return tuple(out)
    if section == "trade":
        table = _markdown_output(partners_markdown(iso3))
        try:  # charts.trade_shares draws course countries only, so the EU and the USA stay in the table
            fig = charts.trade_shares(countries=[iso3], partners=top_partners(iso3, n=3, course_only=True))
        except CourseError:
            return (table, _markdown_output(f"*No trade series to chart for {name}.*"))
        return (table, *charts.figure_outputs(fig))
    if section == "energy":
        try:
            fig = charts.electricity_mix([iso3])
        except CourseError:
            return (_markdown_output(f"*No electricity data for {name}.*"),)
        return charts.figure_outputs(fig)
    raise AssertionError(section)  # _check_sections rules this out


def profile_outputs(country: str, indicators=DEFAULT_INDICATORS, sections=SECTIONS, years=(2000, 2024)) -> tuple:
    """Returns the notebook output dicts of one state's profile (Markdown texts and chart PNGs).

    ``country``: one of :data:`PROFILE_COUNTRIES` (name or code). ``indicators``: short names drawn over
    ``years`` with ``charts.indicator_lines``. ``sections``: which of :data:`SECTIONS` to show.
    """
    iso3 = stated_interests(country).iso3
    chosen = _check_sections(sections)
    codes = _check_indicators(indicators)
    heading = _markdown_output(f"**Profile: {__import__('scocourse').country_name(iso3)}**")
    outputs = [heading]
    for section in chosen:
        outputs.extend(_section_outputs(section, iso3, codes, years))
    return tuple(outputs)


class CountryProfile:
    """The explorer's widgets: ``dropdown`` (a state), ``output`` (the profile) and the whole ``widget``.

    Changing ``dropdown.value`` (an ISO3 code) redraws ``output`` by assigning ``output.outputs``.
    """

    def __init__(self, country: str = "KAZ", indicators=DEFAULT_INDICATORS, sections=SECTIONS, years=(2000, 2024)):
        import ipywidgets as w
        from scocourse import country_name

        first = stated_interests(country).iso3  # validates the inputs before any widget is made
        self.indicators = _check_indicators(indicators)
        self.sections = _check_sections(sections)
        self.years = years
        self.dropdown = w.Dropdown(options=[(country_name(c), c) for c in PROFILE_COUNTRIES], value=first,
                                   description="Country", style={"description_width": "initial"})
        self.output = w.Output()
        note = w.HTML("<p>Choose a state. The profile below shows, in order: "
                      + ", ".join(_SECTION_LABELS[s] for s in self.sections) + ".</p>")
        self.widget = w.VBox([note, self.dropdown, self.output])
        self.dropdown.observe(self._changed, names="value")
        self.update()

    def _changed(self, _change=None) -> None:
        self.update()

    def update(self) -> None:
        """Redraw the profile of the state now selected."""
        self.output.outputs = profile_outputs(self.dropdown.value, self.indicators, self.sections, self.years)


_SECTION_LABELS = {"membership": "SCO membership history", "indicators": "key indicators over time",
                   "trade": "main trading partners", "energy": "electricity mix",
                   "interests": "stated interests with sources"}


def build_country_profile(country: str = "KAZ", indicators=DEFAULT_INDICATORS, sections=SECTIONS,
                          years=(2000, 2024)) -> CountryProfile:
    """Build (without displaying) the explorer; returns a :class:`CountryProfile`."""
    return CountryProfile(country, indicators, sections, years)


def country_profile(country: str = "KAZ", indicators=DEFAULT_INDICATORS, sections=SECTIONS,
                    years=(2000, 2024)) -> None:
    """Show the country-profile explorer, starting with ``country``.

    ``indicators``: short names from the indicator catalogue drawn over ``years`` (default: GDP per
    person, remittances and military spending as shares of GDP). ``sections``: any of
    'membership', 'indicators', 'trade', 'energy', 'interests' (default: all, in that order).
    """
    from IPython.display import display

    explorer = build_country_profile(country, indicators, sections, years)
    text, html = static_summary(explorer.dropdown.value)
    display({"text/plain": text, "text/html": html,
             "application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0,
                                                          "model_id": explorer.widget.model_id}}, raw=True)


def static_summary(country: str) -> tuple[str, str]:
    """Returns (plain text, HTML) shown instead of the widget where no kernel runs (GitHub, HTML export):
    the state's stated interests with their sources, and a note that the charts need a live notebook."""
    from html import escape

    from scocourse import country_name

    s = stated_interests(country)
    name = country_name(s.iso3)
    lead = f"Country profile (run the notebook to see the charts and choose another state). Showing {name}:"
    points = [f"{text} ({'general background' if tag == _BG else tag})" for text, tag in s.points]
    plain = "\n".join([f"{lead} {s.headline}.", *(f"- {p}" for p in points)])
    html = (f"<p><b>Country profile</b> (run the notebook to see the charts and choose another state). "
            f"Showing {escape(name)}: {escape(s.headline)}.</p><ul>"
            + "".join(f"<li>{escape(p)}</li>" for p in points) + "</ul>")
    return plain, html
