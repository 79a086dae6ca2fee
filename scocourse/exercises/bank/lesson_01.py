"""Question bank for lesson 01 — Origins: from border talks to an organisation.

Answers that come from the course data are computed from ``scocourse.datasets`` (the
``events`` and ``membership`` tables): the correct order of the events in 01-04 and the
year and city of each institution in 01-03 are read from ``events`` when this bank is
imported, and the count in 01-05 is computed when it is checked.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Origins: from border talks to an organisation"

# --- helpers reading the events dataset ------------------------------------------------------

# Display label -> exact `event` text in datasets.load("events"). Labels avoid commas, so
# that a typed answer "A, B, C" splits cleanly.
_ORDER_EVENTS = {
    "Five states agree military confidence-building measures on their borders":
        "Agreement on confidence-building in the military field in the border area",
    "Five states agree to cut their forces in the border zone":
        "Agreement on mutual reduction of armed forces in border areas",
    "Shanghai Five leaders meeting in Bishkek agree to cooperate against terrorism":
        "Shanghai Five summit (4th)",
    "Belarus and Sri Lanka become the first dialogue partners":
        "Belarus and Sri Lanka become dialogue partners",
    "Iran becomes a full member":
        "Iran becomes ninth member; Belarus memorandum of obligations signed",
    "Observers and dialogue partners are merged into one 'partner' category":
        "Observer and dialogue-partner statuses merged into 'SCO partner'; Laos admitted as partner",
}

# Institution -> exact `event` text marking when and where it was founded or began work.
_INSTITUTION_EVENTS = {
    "SCO Secretariat": "SCO Secretariat opens",
    "Regional Anti-Terrorist Structure (RATS) executive committee": "RATS executive committee formally launched",
    "SCO Interbank Consortium": "Agreement on the SCO Interbank Consortium",
    "SCO Business Council": "SCO Business Council founded",
    "SCO Energy Club": "Memorandum on the establishment of the SCO Energy Club",
}


def _events():
    from scocourse import datasets

    return datasets.load("events").set_index("event")


def _event_row(events, name: str):
    if name not in events.index:
        raise LookupError(f"event {name!r} is not in datasets.load('events')")
    row = events.loc[name]
    if getattr(row, "ndim", 1) > 1:  # the same event text twice: take the first
        row = row.iloc[0]
    return row


def _when(row) -> str:
    """Returns the event's date written to the precision the dataset gives ('26 April 1996', 'August 1999')."""
    date, precision = row["date"], str(row["date_precision"])
    if precision == "year":
        return f"{date:%Y}"
    if precision == "month":
        return f"{date:%B %Y}"
    return f"{date.day} {date:%B %Y}"


def _ordered_events() -> tuple[tuple[str, ...], dict[str, str]]:
    """Returns the labels of _ORDER_EVENTS sorted by their date in the events dataset, and notes."""
    events = _events()
    rows = sorted(((_event_row(events, name), label) for label, name in _ORDER_EVENTS.items()),
                  key=lambda pair: pair[0]["date"])
    notes = {label: f"{_when(row)}, {row['place']}" for row, label in rows}
    return tuple(label for _, label in rows), notes


def _city(place: str) -> str:
    return str(place).split(",")[0].strip()


def _institution_pairs() -> tuple[dict[str, str], dict[str, str]]:
    """Returns institution -> "year · city" from the events dataset, and notes (the event summary)."""
    events = _events()
    pairs, notes = {}, {}
    for label, name in _INSTITUTION_EVENTS.items():
        row = _event_row(events, name)
        pairs[label] = f"{int(row['year'])} · {_city(row['place'])}"
        notes[label] = f"{name} ({_when(row)}, {row['place']}): {row['summary']}"
    return pairs, notes


_ORDER_ITEMS, _ORDER_NOTES = _ordered_events()
_INSTITUTION_PAIRS, _INSTITUTION_NOTES = _institution_pairs()


def _family_count() -> int:
    """Countries holding member, observer or dialogue-partner status on 1 November 2024."""
    import scocourse as sc

    return len(sc.members(on="2024-11-01", status=["member", "observer", "dialogue_partner"]))


# --- questions ---------------------------------------------------------------------------------

QUESTIONS = [
    MultipleChoice(
        id="01-01",
        prompt=("The 2014 Valdai report (Koldunova and Das Kundu) says the SCO was built **bottom-up**, unlike "
                "other post-Soviet organisations. What does it mean by that?"),
        choices=[
            "It grew out of bilateral border settlements and confidence-building between neighbours, "
            "before any organisation existed",
            "It was designed by a treaty drafted first and then offered to states to join",
            "It was created by citizens' movements and non-governmental organisations",
            "It started as an economic free-trade area and only later added security",
        ],
        answer=("It grew out of bilateral border settlements and confidence-building between neighbours, "
                "before any organisation existed"),
        feedback={
            "It was designed by a treaty drafted first and then offered to states to join":
                "That is the top-down model the report contrasts the SCO with.",
            "It was created by citizens' movements and non-governmental organisations":
                "'Bottom-up' here is about states, not society: the building blocks were bilateral agreements "
                "between governments.",
            "It started as an economic free-trade area and only later added security":
                "The order was the other way round: border security and military confidence-building came first; "
                "economic bodies such as the Business Council came years later.",
        },
        explanation=("The report traces the SCO to the border negotiations between China and Russia, Kazakhstan, "
                     "Kyrgyzstan and Tajikistan after 1991. Agreements on confidence-building (1996) and force "
                     "reductions (1997) came first; the organisation was set up only in 2001. The authors see this "
                     "as an advantage over organisations designed from the top."),
        hints=["Think about what came first: the organisation, or the agreements between neighbours?",
               "Look at the first rows of the events table: what kind of agreements were signed in 1996 and 1997?"],
    ),
    Order(
        id="01-04",
        prompt=("Put these steps in the SCO's history in order, **earliest first**. (The correct order is read from "
                "the course's `events` dataset.)"),
        items=_ORDER_ITEMS,
        notes=_ORDER_NOTES,
        order_label="earliest first",
        explanation=("Military confidence between neighbours came first (Shanghai 1996), then force reductions "
                     "(Moscow 1997); the Bishkek summit of 1999 widened the agenda to terrorism before the SCO "
                     "existed. The outer circle grew later: the first dialogue partners in 2009, Iran as a full "
                     "member in 2023, and the merger of the outer tiers in 2025. The dates are from "
                     "`datasets.load('events')`."),
        hints=["Confidence-building had to come before anyone would cut forces.",
               "The dialogue-partner category was created only in 2008."],
    ),
    ShortText(
        id="01-02",
        prompt=("Critics such as Ambrosio (2008) read the SCO's founding principles as a shield for governments "
                "against outside pressure to democratise. Which principle, stressed in SCO documents alongside "
                "state sovereignty, do they have chiefly in mind?"),
        answer="non-interference",
        alternatives=("non-interference in internal affairs", "noninterference", "non interference",
                      "non-intervention", "non-interference in domestic affairs"),
        wrong_answers={
            "mutual trust": "Mutual trust is one of the listed principles, but it does not stop outsiders from "
                            "criticising a government; the critics point to another one.",
            "equality": "Equality between states matters to the small members, but the critics' point is about "
                        "what outsiders may say or do about a state's internal politics.",
            "consultation": "Consultation describes how decisions are taken, by consensus; the critics' point is "
                            "about outsiders and internal politics.",
            "sovereignty": "The prompt sets sovereignty aside: the critics mean the principle that follows from it "
                           "for other states' behaviour.",
        },
        explanation=("SCO documents pair the 'Shanghai spirit' — mutual trust, mutual benefit, equality, "
                     "consultation, respect for different civilisations and common development — with respect for "
                     "sovereignty and **non-interference** in internal affairs. The 2014 Valdai report, citing Pan "
                     "Guang, treats the Shanghai spirit as the first pillar of China's leadership in the SCO; "
                     "Alimov says the members and partners are united by it. Ambrosio (2008) argues that "
                     "non-interference is what turns these principles into protection for incumbent governments."),
        hints=["It concerns what other states may not do about a government's handling of its own citizens.",
               "The UN Charter states a version of it in Article 2(7)."],
    ),
    Match(
        id="01-03",
        prompt=("Match each SCO institution to the **year and city** in which it was founded or began work "
                "(from the course's `events` dataset). Two options match nothing."),
        pairs=_INSTITUTION_PAIRS,
        distractors=("2002 · Bishkek", "2001 · Shanghai"),
        left_label="Institution",
        right_label="Year · city",
        notes=_INSTITUTION_NOTES,
        explanation=("The Secretariat opened in Beijing and the anti-terrorist structure's executive committee was "
                     "launched in Tashkent in 2004. RATS had been agreed in 2002 with Bishkek as its planned seat, "
                     "and the 2014 Valdai report says it moved to Tashkent in 2003 — one of the details the sources "
                     "disagree on. The economic bodies came later: the Interbank Consortium (2005, Moscow), the "
                     "Business Council (2006, Shanghai) and the Energy Club (a Russian idea of 2006, set up by a "
                     "memorandum signed in Moscow in 2013 — though not by Uzbekistan or Kyrgyzstan)."),
        hints=["Security bodies came before economic ones.",
               "The Energy Club was proposed in 2006 but only founded years later.",
               "RATS was first meant to sit in Kyrgyzstan, but that is not where it started work."],
    ),
    Numeric(
        id="01-05",
        prompt=("In November 2024 Rashid Alimov wrote about the SCO 'family' of members and partners. Use "
                "`sc.members(on=..., status=[...])` to count the countries that held **member, observer or "
                "dialogue-partner** status on 1 November 2024."),
        answer=_family_count,
        tolerance=0,
        unit="countries",
        decimals=0,
        answer_source="len(sc.members(on='2024-11-01', status=['member', 'observer', 'dialogue_partner']))",
        explanation=("The membership table gives {answer}: ten full members plus the observers and dialogue "
                     "partners. Alimov's article counts 10 members and 16 partners, so the data and his count agree. "
                     "Since the Tianjin summit of 2025 the outer circle has been one category, 'SCO partner'."),
        hints=["Pass a list of statuses: status=['member', 'observer', 'dialogue_partner'].",
               "len(...) of the list that sc.members returns is the count."],
    ),
    Match(
        id="01-06",
        prompt=("The 2014 Valdai report surveys how others read the SCO. Match each reading to the author the "
                "report attributes it to."),
        pairs={
            "The SCO helps preserve and legitimise authoritarian regimes in Central Asia": "Ambrosio (2008)",
            "The SCO has brought more stability and predictability to the region": "Bailes et al. (2007)",
            "Russia and China keep their lead in Central Asia through a division of labour": "Contessi (2010)",
            "A middle-ground view: a focused agenda aimed at the region's own problems and new threats": "Aris (2011)",
        },
        distractors=("Alimov (2024)",),
        left_label="Reading",
        right_label="Attributed to",
        explanation=("The report sets Ambrosio's normative critique (an 'authoritarian club') and Contessi's "
                     "great-power reading beside the more positive assessment of Bailes and colleagues at SIPRI and "
                     "the 'middle-ground' view of Aris. Alimov, a former SCO Secretary-General, writes from inside "
                     "the organisation and rejects the anti-Western-bloc reading; he is not one of the scholars the "
                     "2014 report surveys."),
        hints=["One author is a critic writing about norms and democracy promotion.",
               "SIPRI's 2007 policy paper was written by Bailes, Dunay, Pan Guang and Troitskiy."],
    ),
    MultipleChoice(
        id="01-07",
        prompt="What did the SCO decide about its outer circle of states at the Tianjin summit in September 2025?",
        choices=[
            "Observers and dialogue partners were merged into a single category, 'SCO partner'",
            "All observers became full members",
            "The dialogue-partner category was abolished and its states lost their status",
            "A new category of 'associate member' was created between members and observers",
        ],
        answer="Observers and dialogue partners were merged into a single category, 'SCO partner'",
        feedback={
            "All observers became full members":
                "No new full member was admitted at Tianjin; membership stayed at ten.",
            "The dialogue-partner category was abolished and its states lost their status":
                "The category was abolished, but its states kept a place in the new single category.",
            "A new category of 'associate member' was created between members and observers":
                "There is no such category; the change simplified the structure rather than adding a tier.",
        },
        explanation=("The Tianjin declaration merged the two outer tiers into 'SCO partner' (the membership table "
                     "ends every observer and dialogue-partner spell on 1 September 2025 and opens a 'partner' "
                     "spell). The effective date and the status of Afghanistan are not clear in the sources, so the "
                     "course marks them as uncertain."),
        hints=["Look at the statuses in datasets.load('membership') that start on 2025-09-01."],
    ),
    Reflection(
        id="01-08",
        prompt=("Which reading of the SCO — a security club, a China-led vehicle, an 'authoritarian club', an "
                "anti-Western bloc, or a bottom-up regional organisation — does the evidence in this lesson support "
                "best? Name one piece of evidence for your view and one that cuts against it, and say whose "
                "perspective each comes from."),
        model_answer=("A strong answer commits to a reading but weighs it. For example: the 'security club' reading "
                      "fits the origins (border confidence-building in 1996–97, the Shanghai Convention of 2001 and "
                      "RATS) and the priority the 2014 Valdai report gives to the 'three evils'. Against it, the "
                      "later economic bodies (Business Council, Interbank Consortium, Energy Club) and the enlargement "
                      "to India, Pakistan, Iran and Belarus show a broader, looser forum. The origins evidence comes "
                      "from the documents and the Valdai report, a Russian expert view; the critical readings come "
                      "from Western scholars it cites (Ambrosio, Contessi), and the rejection of the 'bloc' reading "
                      "from Alimov, who led the Secretariat. Good answers keep these voices distinct."),
        min_words=40,
        explanation="There is no single right answer; what matters is evidence, attribution and a counter-argument.",
        hints=["Use one date or document from the events table and one quotation or claim from a named author.",
               "Ask who is speaking: an SCO official, a Russian think tank, or a Western critic?"],
    ),
]
