"""Checks on the committed lesson notebooks that need no browser.

(a) cells excused from nbval's comparison are rare and each says why;
(b) committed outputs come from one clean, in-order run and hold nothing machine- or run-specific;
    a fresh execution reproduces the committed file byte for byte;
(c) a deliberately broken stored output makes nbval fail (proved on a notebook made here);
(d) cheap lesson-standard structure checks (../shared/LESSON_STANDARD.md).

Parametrised over the lessons in notebooks/, so it grows with them; with no lesson yet the
per-lesson checks skip with a reason.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]
execute_notebooks = sys.modules["scocourse_tools_execute_notebooks"]  # loaded by tests/conftest.py

NOTEBOOK_DIR = REPO / "notebooks"
ALL_NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
LESSONS = execute_notebooks.lesson_paths()


def _params(paths):
    if paths:
        return [pytest.param(p, id=p.name) for p in paths]
    return [pytest.param(None, id="no-lessons", marks=pytest.mark.skip(reason="no notebooks/NN_*.ipynb yet"))]


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _text_of_outputs(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(_join(out.get("text", "")))
        for mime, value in out.get("data", {}).items():
            if mime.startswith("text/") or mime.endswith("+json") or mime == "application/json":
                parts.append(value if isinstance(value, str) else json.dumps(value) if not isinstance(value, list) else _join(value))
        if out.get("output_type") == "error":
            parts.append(out.get("ename", "") + ": " + out.get("evalue", ""))
    return "\n".join(parts)


def _join(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


# --------------------------------------------------------------------------- (a) excused cells
IGNORE_TAGS = {"nbval-ignore-output", "nbval-skip"}
IGNORE_MARKERS = re.compile(r"^\s*#\s*(NBVAL_IGNORE_OUTPUT|NBVAL_SKIP)\b", re.MULTILINE)
REASON_LINE = re.compile(r"^\s*#\s*nbval-ignore-output:\s*\S.*$", re.MULTILINE | re.IGNORECASE)


def _excused(cell) -> bool:
    tags = set(cell.metadata.get("tags", []))
    return bool(tags & IGNORE_TAGS) or bool(IGNORE_MARKERS.search(cell.source))


def _reason(cell) -> str | None:
    reason = cell.metadata.get("nbval_reason")
    if isinstance(reason, str) and reason.strip() and "\n" not in reason.strip():
        return reason.strip()
    match = REASON_LINE.search(cell.source)
    return match.group(0).strip() if match else None


@pytest.mark.parametrize("path", _params(ALL_NOTEBOOKS))
def test_excused_cells_have_reasons_and_are_rare(path):
    nb = _read(path)
    code = _code_cells(nb)
    excused = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and _excused(c)]
    missing = [i for i in excused if not _reason(nb.cells[i])]
    assert not missing, (
        f"{path.name}: cells {missing} skip nbval's output comparison without a reason; add a line "
        "'# nbval-ignore-output: <why this output differs from run to run>' or metadata.nbval_reason"
    )
    assert len(excused) < 0.1 * max(len(code), 1) or not excused, (
        f"{path.name}: {len(excused)} of {len(code)} code cells are excused from comparison "
        "(must stay under 10%); make their output deterministic instead"
    )


# --------------------------------------------------------------------------- (b) clean outputs
MACHINE_PATH = re.compile(r"(/root/|/work/|/tmp/|/home/[a-z]|/Users/[A-Za-z]|[A-Z]:\\\\?Users|site-packages|dist-packages)")
ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
TIMESTAMP = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?")


@pytest.mark.parametrize("path", _params(ALL_NOTEBOOKS))
def test_outputs_are_from_one_clean_run(path):
    nb = _read(path)
    problems = []
    expected = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.source.strip():
            expected += 1
            if cell.execution_count != expected:
                problems.append(f"cell {index}: execution_count {cell.execution_count}, expected {expected} (run all from a fresh kernel)")
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"cell {index}: stored error output {out.get('ename')}: {out.get('evalue')}")
            if out.get("output_type") == "stream" and out.get("name") == "stderr" and "Traceback" in _join(out.get("text", "")):
                problems.append(f"cell {index}: a traceback on stderr")
        text = _text_of_outputs(cell)
        for label, pattern in (("a machine path", MACHINE_PATH), ("a memory address", ADDRESS), ("a timestamp", TIMESTAMP)):
            match = pattern.search(text)
            if match:
                problems.append(f"cell {index}: output shows {label}: {match.group(0)!r}")
    assert not problems, f"{path.name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("path", _params(ALL_NOTEBOOKS))
def test_committed_file_is_normalised(path):
    """The file is exactly what tools/execute_notebooks.py writes (no widget state, versions, timings)."""
    committed = path.read_text(encoding="utf-8")
    renormalised = execute_notebooks.serialise(execute_notebooks.normalise(_read(path), path.name))
    assert committed == renormalised, (
        f"{path.name} was not written by `python tools/execute_notebooks.py` (metadata, counts or key "
        "order differ); re-run it and commit the result"
    )
    meta = json.loads(committed)["metadata"]
    assert "widgets" not in meta and "version" not in meta.get("language_info", {})


@pytest.mark.parametrize("path", _params(LESSONS))
def test_fresh_execution_reproduces_committed_file(path):
    """Stricter than nbval: every byte, PNGs included, must come out the same on a fresh run."""
    nb, _, _ = execute_notebooks.run_notebook(path, timeout=300)
    fresh = execute_notebooks.serialise(nb)
    committed = path.read_text(encoding="utf-8")
    if fresh != committed:
        pytest.fail(
            f"{path.name} differs from a fresh run (run `python tools/execute_notebooks.py --check` for a diff):\n"
            + execute_notebooks._describe_differences(committed, fresh, path.name, limit=20)
        )


# --------------------------------------------------------------------------- (c) nbval bites
def _run_nbval(folder: Path, progress: Path) -> subprocess.CompletedProcess:
    env = execute_notebooks.kernel_env(progress)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
         "--rootdir", str(folder), "-c", str(folder / "pytest.ini"), str(folder / "tiny.ipynb")],
        cwd=folder, env=env, capture_output=True, text=True, timeout=300,
    )


def test_broken_stored_output_makes_nbval_fail(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Tiny"),
        nbformat.v4.new_code_cell("total = sum(range(5))\nprint('total', total)"),
        nbformat.v4.new_code_cell("total * 2"),
    ]
    folder = tmp_path / "nb"
    folder.mkdir()
    (folder / "pytest.ini").write_text("[pytest]\n")
    path = folder / "tiny.ipynb"
    path.write_text(execute_notebooks.serialise(nb))
    executed, _, _ = execute_notebooks.run_notebook(path, timeout=120)
    path.write_text(execute_notebooks.serialise(executed))
    assert executed.cells[1].outputs[0]["text"] == "total 10\n"

    good = _run_nbval(folder, tmp_path / "progress-good")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "3 passed" in good.stdout or "2 passed" in good.stdout, good.stdout

    executed.cells[2].outputs[0]["data"]["text/plain"] = "21"  # was 20
    path.write_text(execute_notebooks.serialise(executed))
    bad = _run_nbval(folder, tmp_path / "progress-bad")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "1 failed" in bad.stdout and "21" in bad.stdout, bad.stdout


def test_pytest_runs_nbval_strictly_with_sanitize_file():
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    addopts = config["addopts"].split()
    assert "--nbval" in addopts and "--nbval-lax" not in addopts
    assert "notebooks" in config["testpaths"]
    sanitize = addopts[addopts.index("--nbval-sanitize-with") + 1]
    assert (REPO / sanitize).is_file()


# --------------------------------------------------------------------------- (d) structure
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
HEADING = re.compile(r"^(#{1,6})\s+\S")
FENCE = re.compile(r"^\s*(```|~~~)")
EXERCISE_CALL = re.compile(r"(?<![\w.])exercise\(")
EVAL_EXEC = re.compile(r"(?<![\w.])(eval|exec)\s*\(")
LECTURER_NOTE = re.compile(r"<details>.*?for lecturers.*?</details>", re.IGNORECASE | re.DOTALL)


def _headings(nb):
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in cell.source.splitlines():
            if FENCE.match(line):
                fenced = not fenced
                continue
            match = None if fenced else HEADING.match(line)
            if match:
                found.append((index, len(match.group(1)), line.strip()))
    return found


@pytest.mark.parametrize("path", _params(ALL_NOTEBOOKS))
def test_every_cell_has_slide_metadata(path):
    nb = _read(path)
    missing = [i for i, c in enumerate(nb.cells) if c.metadata.get("slideshow", {}).get("slide_type") not in SLIDE_TYPES]
    assert not missing, f"{path.name}: cells {missing} lack metadata.slideshow.slide_type (one of {sorted(SLIDE_TYPES)})"


@pytest.mark.parametrize("path", _params(ALL_NOTEBOOKS))
def test_headings_in_order(path):
    heads = _headings(_read(path))
    assert heads, f"{path.name}: no headings"
    levels = [level for _, level, _ in heads]
    assert levels[0] == 1 and levels.count(1) == 1, f"{path.name}: needs exactly one '#' heading, first: {heads[:3]}"
    jumps = [(heads[i][0], heads[i][2]) for i in range(1, len(heads)) if levels[i] > levels[i - 1] + 1]
    assert not jumps, f"{path.name}: headings skip a level at (cell, heading) {jumps}"


@pytest.mark.parametrize("path", _params(ALL_NOTEBOOKS))
def test_lesson_has_exercises_and_lecturer_note(path):
    nb = _read(path)
    calls = sum(len(EXERCISE_CALL.findall(c.source)) for c in _code_cells(nb))
    assert calls >= 5, f"{path.name}: {calls} exercise(...) calls; a lesson needs at least 5"
    notes = [c for c in nb.cells if c.cell_type == "markdown" and LECTURER_NOTE.search(c.source)]
    assert notes, f"{path.name}: no collapsible '<details>' note 'For lecturers'"


@pytest.mark.parametrize("path", _params(ALL_NOTEBOOKS))
def test_no_eval_or_exec_in_code(path):
    nb = _read(path)
    bad = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and EVAL_EXEC.search(c.source)]
    assert not bad, f"{path.name}: cells {bad} call eval()/exec()"


@pytest.mark.parametrize("path", _params(ALL_NOTEBOOKS))
def test_no_trailing_semicolons_to_hide_output(path):
    """nbval records the value anyway; display helpers return None instead (docs/DEVELOPERS.md)."""
    nb = _read(path)
    bad = []
    for i, cell in enumerate(nb.cells):
        lines = [l for l in cell.source.splitlines() if l.strip() and not l.strip().startswith("#")] if cell.cell_type == "code" else []
        if lines and lines[-1].rstrip().endswith(";"):
            bad.append(i)
    assert not bad, f"{path.name}: cells {bad} end in ';' to hide a value; make the call return None"


def test_lesson_names_follow_the_standard():
    odd = [p.name for p in ALL_NOTEBOOKS if not re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", p.name)]
    assert not odd, f"notebooks/ holds files not named NN_short_title.ipynb: {odd}"
    numbers = [p.name[:2] for p in LESSONS]
    assert len(numbers) == len(set(numbers)), f"two lessons share a number: {numbers}"
