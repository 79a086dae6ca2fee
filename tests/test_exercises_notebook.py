"""Exercises in a real kernel: outputs identical run to run, and the HTML export shows the
question (text and choices) without the answer, with or without saved widget state."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
nbconvert = pytest.importorskip("nbconvert")

REPO = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

CELLS = [
    "from scocourse.exercises import exercise, progress",
    'exercise("00-02")',
    'exercise("00-05")',
    'exercise("00-04")',
    'progress("00")',
]


def _run(tmp_path: Path, name: str, store_widget_state: bool = False):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in CELLS]
    env = dict(os.environ)
    env.pop("SCOCOURSE_INSTRUCTOR", None)
    env["SCOCOURSE_PROGRESS_DIR"] = str(tmp_path / f"progress-{name}")
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)  # the kernel inherits this environment
    try:
        client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                         resources={"metadata": {"path": str(tmp_path)}},
                                         store_widget_state=store_widget_state)
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb


def _compared(nb) -> list:
    """Returns what nbval compares: each output's text/plain and text/html."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            assert o["output_type"] != "error", o
            assert o["output_type"] != "stream", o  # nothing printed into the cell
            data = o.get("data", {})
            out.append({k: data[k] for k in ("text/plain", "text/html") if k in data})
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="kernel start-up is slow on Windows CI")
def test_outputs_identical_and_html_export_shows_question_without_answer(tmp_path):
    first = _run(tmp_path, "a", store_widget_state=True)
    second = _run(tmp_path, "b")
    assert _compared(first) == _compared(second)
    views = [o for c in first.cells for o in c.get("outputs", []) if WIDGET_VIEW in o.get("data", {})]
    assert len(views) == 3  # three exercises, each with a live widget view and a fallback
    compared = "".join(str(x) for x in _compared(first))
    assert not re.search(r"0x[0-9a-f]{6,}|model_id", compared)

    from nbconvert import HTMLExporter
    from scocourse.exercises import get_question
    q2, q5 = get_question("00-02"), get_question("00-05")
    for nb in (first, second):  # with saved widget state, and without (the committed form)
        body, _ = HTMLExporter().from_notebook_node(nb)
        assert "From 1996, the leaders of China" in body
        for choice in q2.choices:
            assert choice in body
        for item in q5.items:
            assert item in body
        assert "first met in Shanghai" not in body  # explanation of 00-02
        assert "Answer:" not in body
        assert "Your progress: Lesson 00" in body
    body, _ = HTMLExporter().from_notebook_node(second)
    assert "Run this notebook in Jupyter" in body  # without widget state the fallback is shown
