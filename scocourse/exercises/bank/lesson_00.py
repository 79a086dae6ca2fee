"""Lesson 00 — Start here: a warm-up with one question of each type.

Facts come from sources/reference/sco_events.csv and sco_membership.csv (built into the
``events`` and ``membership`` datasets); the two numeric answers are computed from the
datasets when the student checks, so they follow the data if it is rebuilt.
"""
from __future__ import annotations

from scocourse.exercises.types import Match, MultipleChoice, Numeric, Order, Reflection, ShortText

TITLE = "Start here"


def _full_members_end_2024() -> int:
    """Returns the number of full SCO members (founders included) on 31 December 2024."""
    import scocourse
    return len(scocourse.members(on="2024-12-31", status="member"))


def _population_share_2023() -> float:
    """Returns the members' share (%) of world population in 2023 (members as of 31 Dec 2023)."""
    import scocourse
    members = scocourse.members(on="2023-12-31", status="member")
    sco = scocourse.indicator("population", countries=members, years=2023)
    world = scocourse.indicator("population", countries=["World"], years=2023)
    if len(sco) != len(members) or len(world) != 1:
        raise ValueError("population for 2023 is missing for some members or for the world")
    return float(sco["value"].sum() / world["value"].iloc[0] * 100)


QUESTIONS = [
    MultipleChoice(
        id="00-01",
        prompt="Which of these will you find in **every** lesson of this course? Select all that apply.",
        choices=[
            "Charts drawn from the course datasets, each with a short text description",
            "Numbers computed from data in code cells, not typed into the text",
            "Self-check exercises that explain why an answer is right or not",
            "One official view of the SCO that you are asked to accept",
            "A timed exam, graded automatically and reported to your lecturer",
        ],
        answer=(
            "Charts drawn from the course datasets, each with a short text description",
            "Numbers computed from data in code cells, not typed into the text",
            "Self-check exercises that explain why an answer is right or not",
        ),
        feedback={
            "One official view of the SCO that you are asked to accept":
                "contested questions are shown from at least two perspectives, each attributed to its "
                "source, and set beside the data.",
            "A timed exam, graded automatically and reported to your lecturer":
                "the exercises are self-checks for you: nothing is timed, and your progress stays on "
                "your own computer.",
        },
        explanation=(
            "The course is built so that you can check every claim: figures are loaded from documented "
            "datasets and computed in code you can read, charts come with a description, and exercises "
            "tell you why an answer is right or wrong. Where experts disagree about the SCO, lessons "
            "present several attributed views rather than one official line."
        ),
        hints=[
            "Think about how the course treats numbers and sources.",
            "Two of the five options describe things this course deliberately avoids.",
        ],
    ),
    MultipleChoice(
        id="00-02",
        prompt=(
            "From 1996, the leaders of China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan met every year, "
            "first to build trust along their shared borders. What was this grouping usually called?"
        ),
        choices=[
            "The Commonwealth of Independent States (CIS)",
            "The Shanghai Five",
            "The Collective Security Treaty Organization (CSTO)",
            "The Eurasian Economic Union (EAEU)",
        ],
        answer="The Shanghai Five",
        feedback={
            "The Commonwealth of Independent States (CIS)":
                "the CIS (1991) groups former Soviet republics; China has never been part of it.",
            "The Collective Security Treaty Organization (CSTO)":
                "the CSTO is a military alliance of several post-Soviet states led by Russia; China is not a member.",
            "The Eurasian Economic Union (EAEU)":
                "the EAEU was set up in 2015, long after 1996, and China is not a member.",
        },
        explanation=(
            "The five states first met in Shanghai on 26 April 1996 and signed an agreement on military "
            "confidence-building in the border area. The annual summits became known as the Shanghai Five; "
            "in June 2001 the group admitted Uzbekistan and turned itself into the Shanghai Cooperation "
            "Organisation."
        ),
        hints=[
            "The grouping was named after the city where the leaders first met.",
            "Count the states in the prompt.",
        ],
    ),
    ShortText(
        id="00-03",
        prompt=(
            "In June 2001 one more Central Asian state joined those five, and the six together founded the "
            "SCO. Which country was it?"
        ),
        answer="Uzbekistan",
        alternatives=["Republic of Uzbekistan", "O'zbekiston", "Ozbekiston", "Uzbekiston", "Usbekistan"],
        wrong_answers={
            "Turkmenistan": "Turkmenistan is a Central Asian neighbour, but it has stayed outside the SCO, "
                            "in line with its policy of permanent neutrality.",
            "Kazakhstan": "Kazakhstan was already one of the five, from 1996.",
            "Kyrgyzstan": "Kyrgyzstan was already one of the five, from 1996.",
            "Tajikistan": "Tajikistan was already one of the five, from 1996.",
            "Mongolia": "Mongolia became the SCO's first observer in 2004, never a member.",
            "Afghanistan": "Afghanistan became an observer in 2012, never a member.",
        },
        explanation=(
            "Uzbekistan was admitted to the Shanghai Five on 14 June 2001 and signed the Declaration on the "
            "Establishment of the SCO the next day in Shanghai, as a founding member. Its president had "
            "attended the 2000 Dushanbe summit as a guest."
        ),
        hints=[
            "Central Asia has five post-Soviet states; three of them were already among the five.",
            "Of the remaining two, one has kept out of alliances under a policy of permanent neutrality.",
            "The SCO's anti-terrorist structure (RATS) later settled in this country's capital, Tashkent.",
        ],
    ),
    Numeric(
        id="00-04",
        prompt=(
            "How many **full member states** did the SCO have on 31 December 2024? Count the founding "
            "members too, but not observers or partners."
        ),
        answer=_full_members_end_2024,
        tolerance=0,
        unit="member states",
        answer_source='len(scocourse.members(on="2024-12-31")) — the membership dataset',
        explanation=(
            "On 31 December 2024 the SCO had {answer}: the six founders of 2001 (China, Russia, Kazakhstan, "
            "Kyrgyzstan, Tajikistan and Uzbekistan), India and Pakistan (2017), Iran (2023) and Belarus (2024)."
        ),
        hints=[
            "Start with the six states that founded the SCO in 2001.",
            "Add the states that became full members later: two in 2017, one in 2023 and one in 2024.",
            'You can check with code: scocourse.members(on="2024-12-31") lists them.',
        ],
    ),
    Order(
        id="00-05",
        prompt="Put these milestones of the SCO's history in order, earliest first.",
        items=[
            "First summit of the Shanghai Five",
            "Declaration on the Establishment of the SCO",
            "SCO Charter signed in St Petersburg",
            "Mongolia becomes the first SCO observer",
            "India and Pakistan become full members",
        ],
        notes={
            "First summit of the Shanghai Five": "26 April 1996, Shanghai",
            "Declaration on the Establishment of the SCO": "15 June 2001, Shanghai",
            "SCO Charter signed in St Petersburg": "7 June 2002 (in force 19 September 2003)",
            "Mongolia becomes the first SCO observer": "17 June 2004, Tashkent summit",
            "India and Pakistan become full members": "9 June 2017, Astana summit",
        },
        explanation=(
            "The Shanghai Five met from 1996; the SCO was declared in 2001 and given its Charter in 2002. "
            "It opened an observer category in 2004 (Mongolia first) and first enlarged its membership in "
            "2017 with India and Pakistan."
        ),
        hints=[
            "An organisation is usually declared before its charter is signed.",
            "Observers came long before any new full members.",
        ],
    ),
    Match(
        id="00-06",
        prompt="Match each state to the year in which it became a **full member** of the SCO.",
        pairs={
            "Kazakhstan": "2001",
            "India": "2017",
            "Iran": "2023",
            "Belarus": "2024",
        },
        distractors=["1996", "2005"],
        left_label="State",
        right_label="Year",
        notes={
            "Kazakhstan": "A founding member in 2001; it had been in the Shanghai Five since 1996, "
                          "but the SCO itself dates from 2001.",
            "India": "Observer from 2005; full member at the Astana summit on 9 June 2017, with Pakistan.",
            "Iran": "Observer from 2005; ninth member at the virtual summit of 4 July 2023.",
            "Belarus": "Dialogue partner 2009, observer 2015; tenth member at the Astana summit of 4 July 2024.",
        },
        explanation=(
            "Membership grew slowly: six founders in 2001, then eight in 2017, nine in 2023 and ten in 2024. "
            "India and Iran had been observers since 2005, a reminder that observer status is no guarantee "
            "of quick membership."
        ),
        hints=[
            "Being in the Shanghai Five is not the same as being an SCO member.",
            "The first enlargement brought in two South Asian states at once.",
            "The most recent new member is a European state.",
        ],
    ),
    Reflection(
        id="00-07",
        prompt=(
            "Before you start: what do you already know — or assume — about the SCO? In three or four "
            "sentences, say what you think it is for, who you think has most say in it, and one question "
            "you hope this course will answer."
        ),
        model_answer=(
            "There is no single right answer; here is one thoughtful example. *The SCO grew out of border "
            "talks between China, Russia and three Central Asian states and was founded in 2001 with "
            "Uzbekistan; its documents stress security, especially what they call terrorism, separatism and "
            "extremism, and later economic and energy cooperation. I assume China and Russia have most say, "
            "but I am not sure what the Central Asian members gain or how much India, Pakistan and Iran have "
            "changed it. My question: does the SCO change what its members actually do, or is it mainly a "
            "place for their leaders to meet?*"
        ),
        min_words=20,
        explanation=(
            "Writing down what you think now lets you see, at the end of the course, how your view has "
            "changed — and which of your assumptions the data supported."
        ),
        hints=[
            "There is no wrong answer here: write what you honestly think, even if you are unsure.",
            "If you know little, say what the name suggests to you and what you would like to find out.",
        ],
    ),
    Numeric(
        id="00-08",
        prompt=(
            "Roughly what share of the world's population lived in the SCO's full member states in 2023? "
            "Give a percentage (take the members as of 31 December 2023)."
        ),
        answer=_population_share_2023,
        tolerance=1.0,
        unit="%",
        decimals=1,
        answer_source=(
            'population ("SP.POP.TOTL", World Bank) of scocourse.members(on="2023-12-31"), summed, '
            "divided by the World total for 2023, times 100"
        ),
        explanation=(
            "In 2023 the members held about {answer} of humanity, mostly because China and India each have "
            "over 1.4 billion people. Population is not power, though: later lessons compare the members' "
            "economies, energy and trade."
        ),
        hints=[
            "China and India alone hold more than a third of the world's population.",
            "Add up the members' populations and divide by the world total.",
            'In code: scocourse.indicator("population", countries=scocourse.members(on="2023-12-31"), '
            'years=2023) and the same for countries=["World"].',
        ],
    ),
]
