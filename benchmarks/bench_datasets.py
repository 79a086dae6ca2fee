"""Benchmark the data layer: import cost, first and cached loads, indicator() look-ups.

Run: ``python benchmarks/bench_datasets.py``. Prints figures; asserts nothing.
Goals (issue 2): import ratio to pandas <= 1.2; cached load < 5 ms; first load < 100 ms.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time


def _import_time(module: str, runs: int = 7) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(runs)]
    return statistics.median(times)


def _first_load(name: str, runs: int = 5) -> float:
    code = ("import time, scocourse; import pandas; t = time.perf_counter(); "
            f"scocourse.datasets.load({name!r}); print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(runs)]
    return statistics.median(times)


def main() -> None:
    t_pd = _import_time("pandas")
    t_sc = _import_time("scocourse")
    print(f"import pandas      {t_pd * 1000:7.1f} ms")
    print(f"import scocourse   {t_sc * 1000:7.1f} ms   ratio to pandas {t_sc / t_pd:.2f} (goal <= 1.2)")
    import scocourse
    from scocourse import datasets

    print(f"\n{'dataset':24s} {'first load':>11s} {'cached load':>12s}")
    for name in datasets.names():
        first = _first_load(name)
        datasets.load(name)
        reps = []
        for _ in range(50):
            t = time.perf_counter()
            datasets.load(name)
            reps.append(time.perf_counter() - t)
        print(f"{name:24s} {first * 1000:9.1f} ms {statistics.median(reps) * 1000:10.2f} ms")
    reps = []
    for _ in range(50):
        t = time.perf_counter()
        scocourse.indicator("population", countries=["KAZ", "UZB", "TJK"], years=range(2000, 2024))
        reps.append(time.perf_counter() - t)
    print(f"\nindicator('population', 3 countries, 24 years): median {statistics.median(reps) * 1000:.2f} ms")
    reps = []
    for _ in range(50):
        t = time.perf_counter()
        scocourse.members(on="2024-12-31")
        reps.append(time.perf_counter() - t)
    print(f"members(on='2024-12-31'): median {statistics.median(reps) * 1000:.3f} ms")


if __name__ == "__main__":
    main()
