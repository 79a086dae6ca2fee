#!/usr/bin/env python3
"""Re-execute every lesson notebook in place, from a fresh kernel, and normalise it.

    python tools/execute_notebooks.py                 # every notebooks/NN_*.ipynb, in order, in place
    python tools/execute_notebooks.py notebooks/03_x.ipynb
    python tools/execute_notebooks.py --check         # execute to a temp copy; fail if anything differs

Each notebook runs in its own new ``python3`` kernel with cwd ``notebooks/`` and a fixed
environment (``kernel_env``): PYTHONHASHSEED=0, TZ=UTC, SOURCE_DATE_EPOCH=0, a fresh empty
SCOCOURSE_PROGRESS_DIR, and the test network guard (no connection may leave the machine).
Afterwards the notebook is normalised so that the file is byte-identical on every run and
machine: widget state, timings and interpreter versions are dropped, execution counts are
renumbered, widget model ids are made deterministic, PNG text/time chunks are removed, and
the JSON is written by nbformat (sorted keys, indent 1, trailing newline).

The tests (``tests/conftest.py``) and ``benchmarks/bench_notebooks.py`` reuse ``kernel_env``
and ``run_notebook`` from this file so that nbval, the browser test and this command see the
same kernel environment.
"""
from __future__ import annotations

import argparse
import base64
import copy
import difflib
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
NETGUARD = REPO / "tests" / "_netguard"
LESSON_GLOB = "[0-9][0-9]_*.ipynb"
KERNEL_NAME = "python3"

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
from scocourse.mime import WIDGET_VIEW  # noqa: E402
# Cell metadata that records a particular run rather than the lesson.
VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


def lesson_paths() -> list[Path]:
    """The lessons, in course order."""
    return sorted(NOTEBOOKS.glob(LESSON_GLOB))


def kernel_env(progress_dir: str | os.PathLike, *, block_network: bool = True, base=None) -> dict:
    """The environment every notebook kernel gets (execute command, nbval, browser test)."""
    env = dict(os.environ if base is None else base)
    env.update(
        PYTHONHASHSEED="0",
        SOURCE_DATE_EPOCH="0",
        TZ="UTC",
        SCOCOURSE_PROGRESS_DIR=str(progress_dir),
        PYDEVD_DISABLE_FILE_VALIDATION="1",  # silences a debugger warning on stderr
    )
    env.pop("MPLBACKEND", None)  # the kernel picks the inline backend itself
    env.pop("SCOCOURSE_INSTRUCTOR", None)  # lessons are committed in student mode
    if block_network:
        env["SCOCOURSE_BLOCK_NETWORK"] = "1"
        parts = [str(NETGUARD)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(parts))
    return env


# --------------------------------------------------------------------------- normalising
_PNG_SIG = b"\x89PNG\r\n\x1a\n"
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"tIME"}


def strip_png_metadata(b64: str) -> str:
    """Remove text and time chunks (e.g. 'Software: matplotlib version …') from a PNG."""
    try:
        raw = base64.b64decode(b64)
    except Exception:
        return b64
    if not raw.startswith(_PNG_SIG):
        return b64
    out, pos = [_PNG_SIG], len(_PNG_SIG)
    while pos + 8 <= len(raw):
        (length,) = struct.unpack(">I", raw[pos : pos + 4])
        ctype = raw[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(raw):
            return b64  # truncated: leave it alone
        if ctype not in _PNG_DROP:
            out.append(raw[pos:end])
        pos = end
    cleaned = b"".join(out)
    if cleaned == raw:
        return b64
    text = base64.b64encode(cleaned).decode("ascii")
    return text + "\n" if b64.endswith("\n") else text


def _coalesce_streams(outputs: list) -> list:
    merged: list = []
    for out in outputs:
        if (
            out.get("output_type") == "stream"
            and merged
            and merged[-1].get("output_type") == "stream"
            and merged[-1].get("name") == out.get("name")
        ):
            merged[-1]["text"] = _text(merged[-1]["text"]) + _text(out["text"])
        else:
            merged.append(out)
    return merged


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def normalise(nb, name: str):
    """Make an executed notebook deterministic. Returns the same (mutated) notebook."""
    meta = nb.metadata
    meta.pop("widgets", None)
    meta.pop("papermill", None)
    meta["kernelspec"] = dict(KERNELSPEC)
    meta["language_info"] = copy.deepcopy(LANGUAGE_INFO)
    nb.nbformat, nb.nbformat_minor = 4, max(5, int(nb.get("nbformat_minor", 5)))

    model_ids: dict[str, str] = {}

    def stable_id(old: str) -> str:
        if old not in model_ids:
            digest = hashlib.sha1(f"{name}:{len(model_ids)}".encode()).hexdigest()
            model_ids[old] = digest[:32]
        return model_ids[old]

    count = 0
    seen_ids: set[str] = set()
    for index, cell in enumerate(nb.cells):
        if not cell.get("id") or cell["id"] in seen_ids:
            cell["id"] = f"cell-{index:03d}"
        seen_ids.add(cell["id"])
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
            continue
        if cell.source.strip():
            count += 1
            cell.execution_count = count
        else:
            cell.execution_count = None
        cell.outputs = _coalesce_streams(cell.outputs)
        for out in cell.outputs:
            if out.get("output_type") == "execute_result":
                out["execution_count"] = cell.execution_count
            data = out.get("data", {})
            if WIDGET_VIEW in data and isinstance(data[WIDGET_VIEW], dict):
                view = data[WIDGET_VIEW]
                if "model_id" in view:
                    view["model_id"] = stable_id(view["model_id"])
            if "image/png" in data:
                data["image/png"] = strip_png_metadata(data["image/png"])
    return nb


def serialise(nb) -> str:
    import nbformat

    text = nbformat.writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


# --------------------------------------------------------------------------- executing
def _peak_rss_bytes(pid: int | None) -> int | None:
    """Peak resident set size of a live process (VmHWM), or None."""
    if not pid:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        import psutil  # optional

        info = psutil.Process(pid).memory_info()
        return getattr(info, "peak_wset", None) or info.rss
    except Exception:
        return None


def run_notebook(path: Path, *, timeout: int = 600, progress_dir: str | None = None, block_network: bool = True):
    """Execute ``path`` from a fresh kernel. Returns (normalised notebook, seconds, peak kernel RSS bytes).

    Raises nbclient's ``CellExecutionError`` if a cell fails.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    own_tmp = progress_dir is None
    if own_tmp:
        progress_dir = tempfile.mkdtemp(prefix="scocourse-progress-")
    peak: dict[str, int | None] = {"rss": None}
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=timeout,
        startup_timeout=120,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS if NOTEBOOKS.is_dir() else path.parent)}},
    )

    def _record_peak(**_):
        # VmHWM only grows, so the value read after the last cell is the kernel's peak.
        try:
            pid = client.km.provisioner.pid  # type: ignore[union-attr]
        except Exception:
            pid = None
        peak["rss"] = _peak_rss_bytes(pid) or peak["rss"]

    client.on_cell_executed = _record_peak
    start = time.perf_counter()
    try:
        # The kernel's stderr only carries ipykernel's start-up chatter; a crash still surfaces
        # as nbclient's DeadKernelError.
        client.execute(env=kernel_env(progress_dir, block_network=block_network), stderr=subprocess.DEVNULL)
    finally:
        if own_tmp:
            shutil.rmtree(progress_dir, ignore_errors=True)
    seconds = time.perf_counter() - start
    return normalise(nb, path.name), seconds, peak["rss"]


def _describe_differences(old: str, new: str, name: str, limit: int = 40) -> str:
    try:
        a, b = json.loads(old), json.loads(new)
    except ValueError:
        a = b = None
    lines = []
    if a and b and len(a.get("cells", [])) == len(b.get("cells", [])):
        for i, (ca, cb) in enumerate(zip(a["cells"], b["cells"])):
            if ca != cb:
                what = [k for k in sorted(set(ca) | set(cb)) if ca.get(k) != cb.get(k)]
                lines.append(f"  cell {i} ({ca.get('id')}): {', '.join(what)} differ")
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"committed/{name}", f"fresh/{name}", n=1, lineterm=""))
    diff = [d if len(d) < 200 else d[:200] + "…" for d in diff]
    lines += diff[:limit] + (["  …"] if len(diff) > limit else [])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: every notebooks/NN_*.ipynb)")
    parser.add_argument("--check", action="store_true", help="execute to a temporary copy and fail if it differs from the committed file")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    args = parser.parse_args(argv)

    paths = [p.resolve() for p in args.notebooks] or lesson_paths()
    if not paths:
        print(f"no lessons found ({NOTEBOOKS.relative_to(REPO)}/{LESSON_GLOB})")
        return 0
    from nbclient.exceptions import CellExecutionError

    check_dir = Path(tempfile.mkdtemp(prefix="scocourse-check-")) if args.check else None
    failures, total = [], 0.0
    for path in paths:
        rel = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        try:
            nb, seconds, _ = run_notebook(path, timeout=args.timeout)
        except CellExecutionError as exc:
            print(f"FAIL {rel}: a cell raised\n{exc}", file=sys.stderr)
            failures.append(str(rel))
            continue
        total += seconds
        fresh = serialise(nb)
        if check_dir is not None:
            (check_dir / path.name).write_text(fresh, encoding="utf-8", newline="\n")
            committed = path.read_text(encoding="utf-8")
            if committed != fresh:
                failures.append(str(rel))
                print(f"DIFF {rel} ({seconds:.1f} s): committed outputs differ from a fresh run")
                print(_describe_differences(committed, fresh, path.name))
            else:
                print(f"ok   {rel} ({seconds:.1f} s)")
        else:
            path.write_text(fresh, encoding="utf-8", newline="\n")
            print(f"done {rel} ({seconds:.1f} s)")
    print(f"{len(paths)} notebook(s), {total:.1f} s of execution" + (f"; fresh copies in {check_dir}" if check_dir else ""))
    if failures:
        print("failed: " + ", ".join(failures), file=sys.stderr)
        if args.check:
            print("re-run `python tools/execute_notebooks.py` and commit the notebooks", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
