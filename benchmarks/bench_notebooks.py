#!/usr/bin/env python3
"""How long the course takes to execute headless, and how much memory each lesson's kernel needs.

    python benchmarks/bench_notebooks.py              # every lesson + the floor
    python benchmarks/bench_notebooks.py --pytest     # also the wall time of `python -m pytest`
    python benchmarks/bench_notebooks.py notebooks/01_x.ipynb --repeat 3

Prints, per lesson: wall time (fresh kernel, execution, shutdown, as tools/execute_notebooks.py runs
it), its ratio to the floor, and the kernel's peak RSS (VmHWM from /proc, psutil as a fallback).
The floor is the same machinery on a two-cell notebook: kernel start + `import scocourse` + one
`scocourse.datasets.load(...)`. Goals (issue 9, 2-core machine): whole course < 60 s, each lesson
< 3x the floor, peak kernel memory < 300 MB, test suite (browser included) < 10 min.
Nothing is written to the repository.
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("scocourse_tools_execute_notebooks", REPO / "tools" / "execute_notebooks.py")
execute_notebooks = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = execute_notebooks
_spec.loader.exec_module(execute_notebooks)

GOAL_COURSE_S, GOAL_RATIO, GOAL_RSS_MB, GOAL_SUITE_S = 60.0, 3.0, 300.0, 600.0
FLOOR_CELLS = [
    "import scocourse",
    "scocourse.datasets.load('countries').shape",
]


def _mb(n: int | None) -> str:
    return "    n/a" if n is None else f"{n / 2**20:7.1f}"


def measure_floor(repeat: int) -> tuple[float, int | None]:
    import nbformat

    times, peaks = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "floor.ipynb"
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(src) for src in FLOOR_CELLS]
        nbformat.write(nb, path)
        for _ in range(repeat):
            _, seconds, peak = execute_notebooks.run_notebook(path, timeout=120)
            times.append(seconds)
            peaks.append(peak)
    return statistics.median(times), max((p for p in peaks if p), default=None)


def import_nbformat_seconds() -> float | None:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import nbformat"], capture_output=True, text=True)
    for line in reversed(out.stderr.splitlines()):
        if line.rstrip().endswith("| nbformat"):
            return int(line.split("|")[1]) / 1e6
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="lessons to measure (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per lesson; the median is shown (default 1)")
    parser.add_argument("--floor-repeat", type=int, default=3, help="runs of the floor notebook (default 3)")
    parser.add_argument("--pytest", action="store_true", help="also time `python -m pytest -q` (the whole suite)")
    parser.add_argument("--pytest-args", default="", help="extra arguments for the timed pytest run")
    args = parser.parse_args(argv)

    paths = [p.resolve() for p in args.notebooks] or execute_notebooks.lesson_paths()
    print(f"python {sys.version.split()[0]}; `import nbformat` {import_nbformat_seconds() or float('nan'):.2f} s")

    floor, floor_peak = measure_floor(args.floor_repeat)
    print(f"floor (kernel start + import scocourse + datasets.load, median of {args.floor_repeat}): "
          f"{floor:.2f} s, peak RSS {_mb(floor_peak).strip()} MB")

    failures = []
    if not paths:
        print("no lessons yet (notebooks/NN_*.ipynb)")
    else:
        print(f"\n{'lesson':40} {'wall s':>7} {'x floor':>8} {'peak MB':>8}")
        course_start = time.perf_counter()
        for path in paths:
            times, peaks = [], []
            try:
                for _ in range(args.repeat):
                    _, seconds, peak = execute_notebooks.run_notebook(path, timeout=600)
                    times.append(seconds)
                    peaks.append(peak)
            except Exception as exc:  # a lesson that does not run yet: report it, measure the rest
                failures.append(f"{path.name}: does not run ({type(exc).__name__})")
                print(f"{path.name:40} FAILED: {type(exc).__name__}: {str(exc).strip().splitlines()[-1][:80] if str(exc).strip() else ''}")
                continue
            seconds, peak = statistics.median(times), max((p for p in peaks if p), default=None)
            ratio = seconds / floor
            flags = []
            if ratio > GOAL_RATIO:
                flags.append(f">{GOAL_RATIO:g}x floor")
            if peak and peak / 2**20 > GOAL_RSS_MB:
                flags.append(f">{GOAL_RSS_MB:g} MB")
            failures += [f"{path.name}: {f}" for f in flags]
            print(f"{path.name:40} {seconds:7.2f} {ratio:8.2f} {_mb(peak):>8}  {' '.join(flags)}")
        course = (time.perf_counter() - course_start) / args.repeat
        print(f"{'whole course (sequential, headless)':40} {course:7.2f}" + ("" if course < GOAL_COURSE_S else f"  >{GOAL_COURSE_S:g} s"))
        if course >= GOAL_COURSE_S:
            failures.append(f"whole course {course:.1f} s")

    if args.pytest:
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", *args.pytest_args.split()], cwd=REPO,
                                capture_output=True, text=True)
        suite = time.perf_counter() - start
        summary = (result.stdout.strip().splitlines() or [""])[-1]
        print(f"\npytest suite: {suite:.1f} s (exit {result.returncode}): {summary}")
        if suite >= GOAL_SUITE_S:
            failures.append(f"pytest suite {suite:.0f} s")

    print("\ngoals: course < 60 s, lesson < 3x floor, kernel < 300 MB, suite < 10 min: "
          + ("all met" if not failures else "missed: " + "; ".join(failures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
