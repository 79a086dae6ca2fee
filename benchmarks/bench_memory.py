#!/usr/bin/env python3
"""Peak memory of each lesson's kernel, and of the Jupyter server, to size a student's server on a hub.

    python benchmarks/bench_memory.py                      # every notebooks/NN_*.ipynb + the server
    python benchmarks/bench_memory.py notebooks/08_water_security.ipynb --no-server
    python benchmarks/bench_memory.py --proxy --json deploy/memory.json --markdown   # record the figures the tests check

Each lesson runs headless, cell by cell, in a fresh ``python3`` kernel with the environment of
``tools/execute_notebooks.py`` (cwd notebooks/, network guard, empty progress folder). While it
runs, a thread samples the kernel's resident memory every ``--interval`` seconds (psutil if it is
installed, else /proc/<pid>/status VmRSS); after each cell the kernel's high-water mark
(/proc/<pid>/status VmHWM, exact on Linux) is read too. The peak is the larger of the two.
"Server" is a ``jupyter lab`` process on 127.0.0.1 after it has served the JupyterLab page once
(no kernel running): what every student's server holds before a lesson is opened.

A student's server needs about: server + the kernel of each lesson that is open at the same time.
docs/large_classes.md turns these figures into hub settings; tests/test_lecturer_kit.py checks the
settings in deploy/ against the JSON file written with --json. Nothing else is written.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import importlib.util
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("scocourse_tools_execute_notebooks", REPO / "tools" / "execute_notebooks.py")
execute_notebooks = sys.modules.get(_spec.name) or importlib.util.module_from_spec(_spec)
if _spec.name not in sys.modules:
    sys.modules[_spec.name] = execute_notebooks
    _spec.loader.exec_module(execute_notebooks)

MB = 2**20


def _status_kb(pid: int, field: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def rss_bytes(pid: int) -> int | None:
    """Current resident set size of ``pid`` (psutil if installed, else /proc)."""
    try:
        import psutil  # optional

        return psutil.Process(pid).memory_info().rss
    except ImportError:
        return _status_kb(pid, "VmRSS")
    except Exception:
        return None


class Sampler(threading.Thread):
    """Samples a process's RSS until stopped; keeps the maximum."""

    def __init__(self, pid: int, interval: float):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def run(self):
        while not self._stop_event.is_set():
            value = rss_bytes(self.pid)
            if value:
                self.peak = max(self.peak, value)
                self.samples += 1
            self._stop_event.wait(self.interval)

    def stop(self):
        self._stop_event.set()
        self.join(timeout=5)


def measure_lesson(path: Path, interval: float = 0.05, timeout: int = 600) -> dict:
    """Executes ``path`` in a fresh kernel; returns {"lesson", "seconds", "peak_bytes", "hwm_bytes", "sampled_bytes"}."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    state: dict = {"sampler": None, "hwm": None}
    client = NotebookClient(nb, kernel_name=execute_notebooks.KERNEL_NAME, timeout=timeout, startup_timeout=120,
                            allow_errors=False, record_timing=False,
                            resources={"metadata": {"path": str(execute_notebooks.NOTEBOOKS)}})

    def pid():
        try:
            return client.km.provisioner.pid  # type: ignore[union-attr]
        except Exception:
            return None

    def on_start(**_):
        if pid():
            state["sampler"] = Sampler(pid(), interval)
            state["sampler"].start()

    def on_cell(**_):
        if pid():
            state["hwm"] = _status_kb(pid(), "VmHWM") or state["hwm"]

    client.on_notebook_start = on_start
    client.on_cell_executed = on_cell
    progress = tempfile.mkdtemp(prefix="scocourse-progress-")
    start = time.perf_counter()
    try:
        client.execute(env=execute_notebooks.kernel_env(progress), stderr=subprocess.DEVNULL)
    finally:
        seconds = time.perf_counter() - start
        if state["sampler"] is not None:
            state["sampler"].stop()
        shutil.rmtree(progress, ignore_errors=True)
    sampled = state["sampler"].peak if state["sampler"] else None
    peaks = [v for v in (state["hwm"], sampled) if v]
    return {"lesson": path.stem, "seconds": round(seconds, 1), "peak_bytes": max(peaks) if peaks else None,
            "hwm_bytes": state["hwm"], "sampled_bytes": sampled}


# A stand-in for a heavy lesson: every dataset, every chart function with its defaults, every
# question's widget of two banks, one explorer. Used with --proxy (e.g. while lessons are being written).
PROXY_CELLS = [
    "import scocourse as sc\nfrom scocourse import charts, datasets\nfrom scocourse.exercises import exercise, progress",
    "frames = {name: datasets.load(name) for name in datasets.names()}",
    "made = []\nfor name in sorted(charts._LAZY):\n    if name in ('CourseFigure', 'figure_outputs', 'png_bytes'):\n        continue\n"
    "    try:\n        fig = getattr(charts, name)()\n        charts.figure_outputs(fig)\n        made.append(name)\n"
    "    except Exception:\n        pass\nlen(made) >= 0",
    "from scocourse.exercises import questions\nfor q in questions('00') + questions('08'):\n    exercise(q.id)",
    "import importlib, pkgutil, scocourse.explorers as ex\nfor m in pkgutil.iter_modules(ex.__path__):\n"
    "    try:\n        importlib.import_module('scocourse.explorers.' + m.name)\n    except Exception:\n        pass",
    "progress()",
]


def measure_proxy(interval: float = 0.05) -> dict:
    import nbformat

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "proxy_heavy_lesson.ipynb"
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(src) for src in PROXY_CELLS]
        nbformat.write(nb, path)
        return measure_lesson(path, interval)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_server(settle: float = 3.0) -> dict | None:
    """RSS of a fresh `jupyter lab` after it has served the JupyterLab page once (no kernel)."""
    if shutil.which("jupyter") is None:
        return None
    port, token = _free_port(), "bench-memory"
    with tempfile.TemporaryDirectory(prefix="scocourse-lab-") as tmp:
        env = dict(os.environ, JUPYTER_CONFIG_DIR=f"{tmp}/config", JUPYTER_RUNTIME_DIR=f"{tmp}/runtime",
                   JUPYTER_DATA_DIR=f"{tmp}/data")
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0",
               f"--ServerApp.root_dir={REPO}", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
               "jupyterlab.NeverCheckForUpdate"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=5).read()
                    break
                except OSError:
                    if proc.poll() is not None:
                        return None
                    time.sleep(0.3)
            else:
                return None
            time.sleep(settle)
            return {"rss_bytes": rss_bytes(proc.pid), "hwm_bytes": _status_kb(proc.pid, "VmHWM")}
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _mb(n) -> str:
    return "    n/a" if not n else f"{n / MB:7.1f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="lessons (default: every notebooks/NN_*.ipynb)")
    parser.add_argument("--interval", type=float, default=0.05, help="RSS sampling interval in seconds (default 0.05)")
    parser.add_argument("--no-server", action="store_true", help="skip measuring the Jupyter server")
    parser.add_argument("--proxy", action="store_true",
                        help="also run a stand-in heavy lesson (all datasets, all charts, many exercise widgets)")
    parser.add_argument("--markdown", action="store_true", help="also print the table for docs/large_classes.md")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file (e.g. deploy/memory.json)")
    args = parser.parse_args(argv)

    paths = [p.resolve() for p in args.notebooks] or execute_notebooks.lesson_paths()
    try:
        import psutil  # noqa: F401
        how = "psutil RSS samples + /proc VmHWM"
    except ImportError:
        how = "/proc VmRSS samples + VmHWM"
    cpu = platform.processor() or platform.machine()
    try:
        mem_total = int(Path("/proc/meminfo").read_text().split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        mem_total = 0
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, {cpu}; memory via {how}")
    print(f"{'lesson':<28} {'seconds':>8} {'peak MB':>8} {'VmHWM':>8} {'sampled':>8}")
    lessons, failed = [], []
    for path in paths:
        try:
            r = measure_lesson(path, args.interval)
        except Exception as exc:  # a lesson that does not run yet: say so, measure the rest
            why = f"{getattr(exc, 'ename', type(exc).__name__)}: {str(getattr(exc, 'evalue', exc)).strip()[:90]}"
            print(f"{path.stem:<28} FAILED: {why}")
            failed.append(path.stem)
            continue
        lessons.append(r)
        print(f"{r['lesson']:<28} {r['seconds']:8.1f} {_mb(r['peak_bytes'])} {_mb(r['hwm_bytes'])} {_mb(r['sampled_bytes'])}")
    proxy = None
    if args.proxy:
        proxy = measure_proxy(args.interval)
        print(f"{'proxy (all data+charts)':<28} {proxy['seconds']:8.1f} {_mb(proxy['peak_bytes'])} "
              f"{_mb(proxy['hwm_bytes'])} {_mb(proxy['sampled_bytes'])}")
    server = None if args.no_server else measure_server()
    if server:
        print(f"{'jupyter lab server (idle)':<28} {'':>8} {_mb(server['rss_bytes'])} {_mb(server['hwm_bytes'])}")
    runs = [r for r in lessons + ([proxy] if proxy else []) if r["peak_bytes"]]
    if runs:
        top = max(runs, key=lambda r: r["peak_bytes"])
        print(f"largest kernel: {top['lesson']} {top['peak_bytes'] / MB:.0f} MB")
        if server and server["rss_bytes"]:
            one = server["rss_bytes"] + top["peak_bytes"]
            print(f"server + largest kernel: {one / MB:.0f} MB; x1.5 = {1.5 * one / MB:.0f} MB "
                  "(the hub's memory limit must be at least this)")
    if args.markdown:
        print("\n| Lesson | Peak kernel memory (MB) |\n|---|---|")
        for r in lessons:
            if r["peak_bytes"]:
                print(f"| `{r['lesson']}` | {r['peak_bytes'] / MB:.0f} |")
        if proxy and proxy["peak_bytes"]:
            print(f"| stand-in heavy lesson (every dataset, every chart, many exercise widgets) | {proxy['peak_bytes'] / MB:.0f} |")
        if server and server["rss_bytes"]:
            print(f"| Jupyter server, idle after serving the JupyterLab page | {server['rss_bytes'] / MB:.0f} |")
    if args.json:
        record = {
            "measured": _dt.date.today().isoformat(),
            "machine": f"{os.cpu_count()} cores, {round((mem_total or 0) / 2**30)} GiB, {platform.system()} "
                       f"{platform.machine()}, Python {platform.python_version()}",
            "method": f"benchmarks/bench_memory.py: fresh kernel per lesson, {how}",
            "lessons": {r["lesson"]: round(r["peak_bytes"] / MB, 1) for r in lessons if r["peak_bytes"]},
            "failed": failed,
            "server_mb": round(server["rss_bytes"] / MB, 1) if server and server["rss_bytes"] else None,
            "proxy_mb": round(proxy["peak_bytes"] / MB, 1) if proxy and proxy["peak_bytes"] else None,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
