#!/usr/bin/env python3
"""Median render time per course chart: build the CourseFigure and render its PNG (goal: < 300 ms each).

    python benchmarks/bench_charts.py              # 7 timed runs per chart after one warm-up
    python benchmarks/bench_charts.py --runs 15 --context projector

The warm-up run ("first") pays the one-off costs (imports, reading the CSV files, preparing the map
outlines); the timed runs measure what a lesson cell costs once the kernel is warm. Wall-clock times
depend on what else the machine is doing: the load average is printed, and "cpu med" is the median
process CPU time. Exit status 1 if any median
exceeds the goal and --strict is given.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_MS = 300.0


def cases():
    from scocourse import charts as c

    return [
        ("membership_timeline", lambda: c.membership_timeline()),
        ("membership_map sco", lambda: c.membership_map()),
        ("membership_map central_asia", lambda: c.membership_map(extent="central_asia")),
        ("world_shares wdi", lambda: c.world_shares()),
        ("world_shares seed_2014", lambda: c.world_shares("seed_2014")),
        ("world_shares_then_now", lambda: c.world_shares_then_now()),
        ("indicator_lines", lambda: c.indicator_lines("gdp_per_capita")),
        ("indicator_lines small_multiples", lambda: c.indicator_lines("population", small_multiples=True)),
        ("electricity_mix", lambda: c.electricity_mix(["KAZ", "KGZ", "TJK", "TKM", "UZB"])),
        ("electricity_mix_over_time", lambda: c.electricity_mix_over_time("KAZ")),
        ("fossil_production", lambda: c.fossil_production()),
        ("water_dependency", lambda: c.water_dependency()),
        ("water_withdrawals", lambda: c.water_withdrawals()),
        ("basin_flows", lambda: c.basin_flows()),
        ("trade_shares", lambda: c.trade_shares()),
        ("population_projection", lambda: c.population_projection()),
        ("defence_then_now", lambda: c.defence_then_now()),
    ]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--context", default="screen", choices=["screen", "projector"])
    ap.add_argument("--strict", action="store_true", help="exit 1 if a median exceeds the goal")
    args = ap.parse_args(argv)

    from scocourse.charts import png_bytes, use_context

    use_context(args.context)
    rows = []
    for label, make in cases():
        first = time.perf_counter()
        png_bytes(make())
        first = (time.perf_counter() - first) * 1000
        times, cpu = [], []
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            png_bytes(make())
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        rows.append((label, first, statistics.median(times), min(times), max(times), statistics.median(cpu)))
    width = max(len(r[0]) for r in rows)
    load = ""
    if hasattr(os, "getloadavg"):
        load = f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    print(f"Chart render time (build + PNG), context '{args.context}', {args.runs} runs; goal < {GOAL_MS:.0f} ms"
          f"{load}")
    print(f"{'chart':<{width}}  {'first':>7}  {'median':>7}  {'min':>7}  {'max':>7}  {'cpu med':>7}   (ms)")
    slow = 0
    for label, first, med, lo, hi, cpu in rows:
        flag = "" if med < GOAL_MS else "  > goal"
        slow += med >= GOAL_MS
        print(f"{label:<{width}}  {first:7.0f}  {med:7.0f}  {lo:7.0f}  {hi:7.0f}  {cpu:7.0f}{flag}")
    print(f"{len(rows) - slow} of {len(rows)} charts under {GOAL_MS:.0f} ms (median).")
    return 1 if (slow and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
