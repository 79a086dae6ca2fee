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

The summaries in :data:`INTERESTS` are prose: short paraphrases written for this course, kept in the
``country_interests`` dataset (``sources/reference/country_interests.csv``) with each point's source
(author, title, publisher, date, URL at the original publisher; see :data:`SOURCES`). Points that are
general background or come from the course's own datasets say so.
Numbers are never typed into them: every quantity in the profile is drawn from a dataset.

``profile_outputs(country)`` returns the output dicts without any widget (used by the tests and
usable in a notebook with ``IPython.display``). matplotlib and ipywidgets are imported only when
a profile is drawn.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ._display import markdown_output as _markdown_output
from .base import Explorer

__all__ = ["Source", "StatedInterests", "SOURCES", "INTERESTS", "PROFILE_COUNTRIES", "DEFAULT_INDICATORS",  # noqa: F822 (lazy)
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
    url: str = ""

    def citation(self) -> str:
        """Returns 'Author, *Title*, Publisher, Year.'"""
        return f"{self.author}, *{self.title}*, {self.publisher}, {self.year}."


@dataclass(frozen=True)
class StatedInterests:
    """What a state says it wants (``points``: (text, source tag) pairs) and a contested reading."""

    iso3: str
    headline: str
    points: tuple[tuple[str, str], ...]
    contested: str = ""

    def sources(self) -> tuple[Source, ...]:
        """Returns the distinct sources cited, in order of first use."""
        cited = _tables()[0]
        keys = dict.fromkeys(tag for _, tag in self.points if tag in cited)
        return tuple(cited[k] for k in keys)


_BG = "background"  # general background, not a paraphrase of a source


def _split(value: str) -> list[str]:
    return value.split(" | ") if value else []


@lru_cache(maxsize=1)
def _tables() -> tuple:
    """(sources by tag, interests by ISO3, profile countries), read from the ``country_interests`` dataset."""
    from scocourse import datasets

    df = datasets.load("country_interests")
    sources: dict[str, Source] = {}
    by_state: dict[str, dict] = {}
    for r in df.itertuples(index=False):
        keys = _split(r.cite_keys)
        for i, key in enumerate(keys):
            if key not in sources:
                sources[key] = Source(key, _split(r.author)[i], _split(r.title)[i], _split(r.publisher)[i],
                                      _split(r.date)[i][:4], _split(r.url)[i] if r.url else "")
        entry = by_state.setdefault(r.iso3, {"headline": "", "points": [], "contested": ""})
        if r.kind == "headline":
            entry["headline"] = r.text
        elif r.kind == "contested":
            entry["contested"] = r.text
        else:
            entry["points"].append((r.text, keys[0] if keys else _BG))
    interests = {iso3: StatedInterests(iso3, e["headline"], tuple(e["points"]), e["contested"])
                 for iso3, e in by_state.items()}
    return MappingProxyType(sources), MappingProxyType(interests), tuple(by_state)


def __getattr__(name: str):
    """``SOURCES``, ``INTERESTS`` and ``PROFILE_COUNTRIES`` are read from the data when first used."""
    if name == "SOURCES":  # the works cited, by tag
        return _tables()[0]
    if name == "INTERESTS":  # stated interests by ISO3 code (the states of lesson 03)
        return _tables()[1]
    if name == "PROFILE_COUNTRIES":  # the states offered, in the order lesson 03 discusses them
        return _tables()[2]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


DEFAULT_INDICATORS = ("gdp_per_capita", "remittances_pct_gdp", "military_pct_gdp")
"""Indicators drawn over time in each profile (short names from the indicator catalogue)."""


def stated_interests(country: str) -> StatedInterests:
    """Returns the :class:`StatedInterests` of a lesson-03 state (name or ISO3 code)."""
    from scocourse import country as _country
    from scocourse.errors import UnknownCountryError

    iso3 = _country(country)
    try:
        return _tables()[1][iso3]
    except KeyError:
        from scocourse import country_name

        names = ", ".join(country_name(c) for c in _tables()[2])
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
    from scocourse._lookup import indicator_catalog
    from scocourse.errors import UnknownIndicatorError, WrongTypeError, did_you_mean

    if isinstance(indicators, str):
        indicators = (indicators,)
    try:
        chosen = tuple(indicators)
    except TypeError:
        raise WrongTypeError(f"indicators should be a list of short names such as {DEFAULT_INDICATORS[:2]}, "
                             f"not {type(indicators).__name__}.") from None
    cat = indicator_catalog()
    for code in chosen:
        if not isinstance(code, str) or code.strip().casefold() not in cat:
            shorts = sorted({r.short_name for r in cat.values()})
            raise UnknownIndicatorError(f"'{code}' is not an indicator.{did_you_mean(str(code), shorts)} "
                                        f"See datasets.load('indicator_catalog') for the short names.")
    return chosen


def top_partners(country: str, year: int | None = None, n: int = TRADE_PARTNERS, course_only: bool = False) -> list[str]:
    """Returns the codes of a state's ``n`` largest recorded trading partners, largest first.

    Exports plus imports reported by the state (IMF DOTS via the ``trade`` dataset, as
    :func:`scocourse.partner_shares` reads them with ``side="reporter"``) in ``year`` (default: the
    latest year with a world total); the EU is counted once (as 'EUU'). ``course_only=True`` keeps only
    the course's 28 countries (the ones ``charts.trade_shares`` can draw), dropping the EU, the USA,
    Japan and the other extra partners.
    """
    shares = _latest_shares(country, year)
    if course_only:
        from scocourse import datasets

        shares = shares[shares["partner"].isin(set(datasets.load("countries")["iso3"]))]
    return [str(p) for p in shares["partner"].iloc[:n]]


def _latest_shares(country: str, year: int | None = None):
    """Reporter-side partner shares of one state in ``year`` (default: latest), largest first, EU once."""
    from scocourse import country as _country, partner_shares

    iso3 = _country(country)
    sh = partner_shares(iso3, side="reporter")
    year = int(sh["year"].max()) if year is None else year
    sh = sh[(sh["year"] == year) & ~sh["partner"].isin(_EU_MEMBERS)]  # the EU counts once, as 'EUU'
    return sh.sort_values(["value", "partner"], ascending=[False, True], kind="mergesort")


def partners_markdown(country: str, n: int = TRADE_PARTNERS + 1) -> str:
    """Returns a Markdown table of a state's largest recorded partners and their shares (latest year).

    Shares as :func:`scocourse.partner_shares` computes them from the state's own records.
    """
    sh = _latest_shares(country).head(n)
    year = int(sh["year"].iloc[0])
    lines = [f"**Largest recorded trading partners, {year}** (exports + imports, share of trade with the world; "
             "IMF DOTS)", "", "| partner | share of trade |", "|---|---|"]
    for r in sh.itertuples(index=False):
        lines.append(f"| {_partner_name(r.partner)} | {r.share:.1f}% |")
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
    from scocourse import country_name

    heading = _markdown_output(f"**Profile: {country_name(iso3)}**")
    outputs = [heading]
    for section in chosen:
        outputs.extend(_section_outputs(section, iso3, codes, years))
    return tuple(outputs)


class CountryProfile(Explorer):
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
        self.dropdown = w.Dropdown(options=[(country_name(c), c) for c in _tables()[2]], value=first,
                                   description="Country", style={"description_width": "initial"})
        self.assemble([self.dropdown], watch=[self.dropdown],
                      note="<p>Choose a state. The profile below shows, in order: "
                           + ", ".join(_SECTION_LABELS[s] for s in self.sections) + ".</p>")

    def outputs(self) -> tuple:
        """The profile of the state now selected."""
        return profile_outputs(self.dropdown.value, self.indicators, self.sections, self.years)

    def fallback(self) -> tuple[str, str]:
        return static_summary(self.dropdown.value)


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
    build_country_profile(country, indicators, sections, years).display()


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
