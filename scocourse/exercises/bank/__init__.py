"""Question banks, one module per lesson: ``lesson_00.py``, ``lesson_01.py``, …

To add a lesson's questions, create ``lesson_NN.py`` here with::

    from scocourse.exercises.types import MultipleChoice, Numeric, Order, Match, ShortText, Reflection

    TITLE = "The SCO's origins"          # optional, shown in progress summaries
    QUESTIONS = [
        MultipleChoice(id="NN-01", prompt="…", choices=[…], answer="…",
                       explanation="…", hints=["…"]),
        …
    ]

The registry finds the module by its file name (no list to update). Ids are "NN-MM" with
NN = the lesson. Prompts must not contain the answer; answers that come from data are
callables (see ``lesson_00.py`` for one example of every question type).
"""
