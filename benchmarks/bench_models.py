"""Time the reservoir model: one simulation, and one figure rendered to PNG.

Run: python benchmarks/bench_models.py
"""
import statistics
import time

from scocourse.models.reservoir import default_params, simulate


def median_seconds(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    params = default_params()  # loads the datasets once, outside the timing
    sim = median_seconds(lambda: simulate(0.6, "dry", params=params), 200)

    from scocourse.charts import png_bytes
    from scocourse.explorers.reservoir import reservoir_figure

    result = simulate(0.6, "dry", params=params)

    def render():
        png_bytes(reservoir_figure(result))

    render()  # warm-up: first call imports matplotlib
    fig = median_seconds(render, 10)

    from scocourse.explorers.reservoir import build_reservoir_explorer

    ex = build_reservoir_explorer(params=params)
    shares = iter([0.1, 0.3, 0.5, 0.7, 0.9] * 2)
    update = median_seconds(lambda: setattr(ex.slider, "value", next(shares)), 10)

    print(f"simulate (one water year, 12 months): median {sim * 1e3:.2f} ms over 200 runs")
    print(f"reservoir_figure + PNG: median {fig * 1e3:.0f} ms over 10 runs")
    print(f"explorer slider update (model + figure + PNG): median {update * 1e3:.0f} ms over 10 runs")


if __name__ == "__main__":
    main()
