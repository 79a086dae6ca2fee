#!/usr/bin/env python3
"""Check-to-feedback latency of the exercises, per question type (goal: median < 20 ms).

    python benchmarks/bench_exercises.py            # 200 repeats per type
    python benchmarks/bench_exercises.py --repeat 50

"checker" times ``check(question, answer)``; "widget click" times setting nothing and
pressing the Check button of a built widget until its feedback Output holds the new
result (the whole in-kernel path: read controls, check, record progress to a temporary
file, render feedback HTML). The first check of a data-computed question (which computes
the answer from the datasets) is reported separately as "first check".
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_MS = 20.0


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)
    os.environ["SCOCOURSE_PROGRESS_DIR"] = tempfile.mkdtemp(prefix="scocourse-bench-")

    from scocourse.exercises import check, clear_answer_cache, questions
    from scocourse.exercises.types import MultipleChoice, Numeric
    from scocourse.exercises.widgets import build_widget
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from test_exercises_banks import _correct_answer

    wrong = {"order": lambda q: list(reversed(q.items)),
             "match": lambda q: {left: q.options[0] for left in q.lefts}}
    picks = {}
    for q in questions():
        key = q.kind + ("_multiple" if isinstance(q, MultipleChoice) and q.multiple else "")
        key += "_computed" if isinstance(q, Numeric) and q.computed else ""
        picks.setdefault(key, q)

    rows = []
    for key, q in sorted(picks.items()):
        first = None
        if isinstance(q, Numeric) and q.computed:  # first check in a fresh kernel loads the data
            clear_answer_cache()
            t0 = time.perf_counter()
            check(q, "0")
            first = (time.perf_counter() - t0) * 1000
        answer = _correct_answer(q) if q.kind not in wrong else wrong[q.kind](q)
        checker = _median_ms(lambda q=q, answer=answer: check(q, answer), args.repeat)
        ui = build_widget(q)
        ui.set_answer(answer)
        feedback = ui.feedback

        def click(feedback=feedback, ui=ui):
            feedback.outputs = ()
            ui.check_button.click()
            assert feedback.outputs

        widget = _median_ms(click, max(20, args.repeat // 4))
        rows.append((key, q.id, checker, widget, first))

    print(f"{'question type':<26}{'id':<8}{'checker ms':>12}{'widget click ms':>17}{'first check ms':>16}")
    worst = 0.0
    for key, qid, checker, widget, first in rows:
        worst = max(worst, checker, widget)
        extra = f"{first:16.2f}" if first is not None else f"{'':>16}"
        print(f"{key:<26}{qid:<8}{checker:12.3f}{widget:17.3f}{extra}")
    print(f"\nmedian latency goal < {GOAL_MS:.0f} ms: {'met' if worst < GOAL_MS else 'NOT met'} "
          f"(slowest median {worst:.2f} ms)")
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
