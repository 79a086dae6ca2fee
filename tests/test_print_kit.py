"""Issue 17, print: handouts without code by default, PDFs (A4) of handouts, worksheets and the answer key,
worksheets with the questions and no answers."""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scocourse.exercises import lessons, questions
from scocourse.exercises.checking import numeric_answer

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SCOCOURSE_CHROMIUM", "/usr/bin/chromium")
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _tool(name, *args):
    return subprocess.run([sys.executable, str(REPO / "tools" / name), *map(str, args)], capture_output=True,
                          text=True, timeout=600)


def _need_browser():
    if not Path(CHROMIUM).exists() or importlib.util.find_spec("playwright") is None:
        if os.environ.get("SCOCOURSE_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium and playwright are required here (SCOCOURSE_REQUIRE_BROWSER=1)")
        pytest.skip("no Chromium or playwright")


def test_handouts_leave_out_code_and_pointers_to_removed_notes(tmp_path):
    out = _tool("export_handouts.py", "--out", tmp_path, LESSONS[1])
    assert out.returncode == 0, out.stdout + out.stderr
    page = (tmp_path / f"{LESSONS[1].stem}.html").read_text(encoding="utf-8")
    assert "highlight hl-ipython3" not in page  # no highlighted code input
    assert not re.search(r"note for lecturers", page, re.I), "the handout points to a note it removed"
    with_code = _tool("export_handouts.py", "--with-code", "--out", tmp_path / "code", LESSONS[1])
    assert with_code.returncode == 0
    assert "highlight hl-ipython3" in (tmp_path / "code" / f"{LESSONS[1].stem}.html").read_text(encoding="utf-8")


def test_handout_tables_have_no_empty_headers(tmp_path):
    _tool("export_handouts.py", "--out", tmp_path, LESSONS[2])
    page = (tmp_path / f"{LESSONS[2].stem}.html").read_text(encoding="utf-8")
    assert not re.search(r"<th(\s[^>]*)?>\s*</th>", page)


def test_worksheets_show_every_question_and_no_answer(tmp_path):
    out = _tool("worksheets.py", "--out", tmp_path)
    assert out.returncode == 0, out.stderr
    for code in lessons():
        page = (tmp_path / f"{code}_worksheet.html").read_text(encoding="utf-8")
        for q in questions(code):
            assert f"<strong>{q.id}</strong>" in page
            if q.kind == "numeric":
                assert f">{q.format_value(numeric_answer(q))}<" not in page
            if q.kind == "reflection":
                assert q.model_answer[:60] not in page
            for hint in q.hints:
                assert hint[:60] not in page or hint[:60] in q.prompt
        assert "<script" not in page and "http" not in page
    bad = _tool("worksheets.py", "--out", tmp_path, "--lesson", "99")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def _pages(pdf: Path) -> int:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def test_pdfs_of_handouts_worksheets_and_answer_key(tmp_path):
    _need_browser()
    assert _tool("export_handouts.py", "--pdf", "--out", tmp_path / "h", LESSONS[8]).returncode == 0
    assert _tool("worksheets.py", "--pdf", "--out", tmp_path / "w", "--lesson", "08").returncode == 0
    assert _tool("answer_key.py", "--pdf", "--out", tmp_path / "key", "--lesson", "08").returncode == 0
    handout = tmp_path / "h" / f"{LESSONS[8].stem}.pdf"
    worksheet = tmp_path / "w" / "08_worksheet.pdf"
    key = tmp_path / "key.pdf"
    assert _pages(handout) >= 2 and 1 <= _pages(worksheet) <= 3 and _pages(key) >= 1
    # A4 portrait: 595 x 842 points
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+595\.?\d*\s+841\.?\d*|/MediaBox\s*\[\s*0\s+0\s+595\.?\d*\s+842",
                     worksheet.read_bytes())
