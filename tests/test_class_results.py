"""Issue 17: a student's answers export, the lecturer's class report over a folder with bad files,
and the question banks in Moodle XML and QTI."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from scocourse.exercises import check, get_question, lessons, questions
from scocourse.exercises import results as res
from scocourse.exercises.checking import numeric_answer

REPO = Path(__file__).resolve().parents[1]
progress_mod = __import__("importlib").import_module("scocourse.exercises.progress")


@pytest.fixture
def fresh_progress(tmp_path, monkeypatch):
    monkeypatch.setenv("SCOCOURSE_PROGRESS_DIR", str(tmp_path / "progress"))
    progress_mod._STORES.clear()
    yield
    progress_mod._STORES.clear()


def _answer(qid, answer):
    r = check(qid, answer)
    progress_mod.record_check(qid, r, answer)
    return r


def test_export_holds_answers_and_no_name_unless_given(fresh_progress, tmp_path, capsys):
    q = next(q for q in questions("00") if q.kind == "numeric")
    _answer(q.id, "1")
    _answer(q.id, str(numeric_answer(q)))
    progress_mod.record_hint("01-01", 1)
    data = res.export_data()
    assert data["format"] == res.FORMAT and data["student"] is None and data["course_version"]
    row = next(r for r in data["questions"] if r["id"] == q.id)
    assert row == {"lesson": "00", "id": q.id, "kind": "numeric", "answer": str(numeric_answer(q)),
                   "status": "correct", "correct": True, "attempts": 2, "hints": 0, "solution_shown": False}
    assert any(r["id"] == "01-01" and r["hints"] == 1 for r in data["questions"])
    target = tmp_path / "out" / "answers.json"
    target.parent.mkdir()
    res.export_progress(target, name="A. Student")
    res.export_progress(target)  # never overwrites: a numbered sibling
    assert json.loads(target.read_text(encoding="utf-8"))["student"] == "A. Student"
    assert json.loads((target.parent / "answers-2.json").read_text(encoding="utf-8"))["student"] is None


def _export(student, answers):
    rows = []
    for qid, answer in answers.items():
        q = get_question(qid)
        r = check(q, answer)
        rows.append({"lesson": qid[:2], "id": qid, "kind": q.kind, "answer": answer, "status": r.status,
                     "correct": r.correct, "attempts": 1, "hints": 0, "solution_shown": False})
    return {"format": res.FORMAT, "format_version": 1, "course_version": "0.1.0", "student": student,
            "lessons": sorted({r["lesson"] for r in rows}), "questions": rows}


@pytest.fixture
def class_folder(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    numeric = next(q for q in questions("00") if q.kind == "numeric")
    right = str(numeric_answer(numeric))
    (folder / "ana.json").write_text(json.dumps(_export("Ana", {numeric.id: right})), encoding="utf-8")
    (folder / "bek.json").write_text(json.dumps(_export(None, {numeric.id: "1"})), encoding="utf-8")
    (folder / "bek-again.json").write_text(json.dumps(_export(None, {numeric.id: "1"})), encoding="utf-8")
    (folder / "damaged.json").write_text('{"format": "scocourse-answers", "questions": [', encoding="utf-8")
    (folder / "other.json").write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    (folder / "future.json").write_text(json.dumps({**_export("X", {}), "format_version": 99}), encoding="utf-8")
    (folder / "notes.txt").write_text("not an export", encoding="utf-8")
    (folder / "binary.json").write_bytes(b"\xff\xfe\x00\x01")
    return folder, numeric


def test_class_report_reads_good_files_and_lists_bad_ones(class_folder):
    folder, numeric = class_folder
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    results = res.collect(folder)
    assert sorted(s["label"] for s in results.students) == ["Ana", "anonymous 1 (bek-again)"]
    reasons = {s.file: s.reason for s in results.skipped}
    assert "duplicate" in reasons["bek.json"] or "duplicate" in reasons["bek-again.json"]
    assert "not a JSON file" in reasons["damaged.json"] and "not a JSON file" in reasons["binary.json"]
    assert "foreign" in reasons["other.json"] and "newer version" in reasons["future.json"]
    assert "not a .json" in reasons["notes.txt"]
    per_q = results.per_question().set_index("question")
    assert per_q.loc[numeric.id, "answered"] == 2 and per_q.loc[numeric.id, "correct_pct"] == 50.0
    wrong = results.wrong_answers()
    row = wrong[wrong["question"] == numeric.id].iloc[0]
    assert row["answer"] == "1" and row["students"] == 1 and row["what_it_reveals"]
    html = res.report_html(results)
    assert "<th scope=\"col\">" in html and "<script" not in html and "http" not in html
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing changed


def test_class_report_command(class_folder, tmp_path):
    folder, _ = class_folder
    out = subprocess.run([sys.executable, str(REPO / "tools" / "class_report.py"), str(folder), "--out",
                          str(tmp_path / "rep" / "week1")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "2 answer files read, 6 skipped" in out.stdout
    for suffix in (".html", "_students.csv", "_questions.csv", "_wrong_answers.csv", "_skipped.csv"):
        assert (tmp_path / "rep" / f"week1{suffix}").is_file()
    missing = subprocess.run([sys.executable, str(REPO / "tools" / "class_report.py"), str(tmp_path / "nope")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "not a folder" in missing.stderr and "Traceback" not in missing.stderr


def test_moodle_xml_structure():
    from scocourse.exercises.lms import moodle_xml
    root = ET.fromstring(moodle_xml())
    qs = [q for q in root if q.get("type") != "category"]
    assert len(qs) == sum(len(questions(code)) for code in lessons())
    assert len(root) - len(qs) == len(lessons())
    types = {q.get("type") for q in qs}
    assert {"multichoice", "numerical", "shortanswer", "matching", "ordering", "essay"} <= types
    for q in qs:
        assert q.find("name/text").text and q.find("questiontext/text").text
        if q.get("type") == "numerical":
            assert float(q.find("answer/tolerance").text) >= 0 and q.find("answer/text").text
        if q.get("type") == "multichoice":
            fractions = [float(a.get("fraction")) for a in q.findall("answer")]
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01
    assert any(q.find("hint") is not None for q in qs)
    ids = {q.find("idnumber").text for q in qs}
    assert "01-01" in ids


def test_qti_zip_structure(tmp_path):
    pytest.importorskip("text2qti", reason="text2qti is in the lecturer and test extras")
    from scocourse.exercises.lms import qti_zip
    path = tmp_path / "quiz.zip"
    skipped = qti_zip(path, ["00", "01"])
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert "imsmanifest.xml" in names
        assessment = next(n for n in names if n.endswith(".xml") and "assessment_meta" not in n and "/" in n)
        root = ET.fromstring(z.read(assessment))
    items = [el for el in root.iter() if el.tag.endswith("item")]
    kinds = {q.kind for code in ("00", "01") for q in questions(code)}
    assert len(items) == sum(len(questions(c)) for c in ("00", "01")) - len(skipped)
    assert all(get_question(qid).kind in ("match", "order") for qid in skipped)
    assert kinds - {"match", "order"}
