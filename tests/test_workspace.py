"""python -m scocourse open/copy: a student's own copies, never overwritten by a course update."""
from __future__ import annotations

import json

from scocourse.workspace import copy_lessons


def _course(tmp_path, lessons):
    root = tmp_path / "course"
    (root / "notebooks").mkdir(parents=True)
    for name, text in lessons.items():
        (root / "notebooks" / name).write_text(text, encoding="utf-8")
    return root


def test_copies_lessons_once_and_keeps_the_students_work(tmp_path):
    root = _course(tmp_path, {"00_start_here.ipynb": "v1", "01_origins.ipynb": "v1"})
    assert copy_lessons(root) == ["copied 00_start_here.ipynb", "copied 01_origins.ipynb"]
    mine = root / "my-work" / "01_origins.ipynb"
    mine.write_text("my answers", encoding="utf-8")
    assert copy_lessons(root) == []
    # a course update changes lesson 01 and adds lesson 02
    (root / "notebooks" / "01_origins.ipynb").write_text("v2", encoding="utf-8")
    (root / "notebooks" / "02_sco_in_numbers.ipynb").write_text("v1", encoding="utf-8")
    report = copy_lessons(root)
    assert mine.read_text(encoding="utf-8") == "my answers"
    assert "copied 02_sco_in_numbers.ipynb" in report
    updated = [p for p in (root / "my-work").glob("01_origins.updated-*.ipynb")]
    assert len(updated) == 1 and updated[0].read_text(encoding="utf-8") == "v2"
    assert any("newer version" in line for line in report)
    assert copy_lessons(root) == []  # the same update is not copied twice


def test_a_damaged_manifest_does_not_overwrite_anything(tmp_path):
    root = _course(tmp_path, {"00_start_here.ipynb": "v1"})
    copy_lessons(root)
    (root / "my-work" / "00_start_here.ipynb").write_text("mine", encoding="utf-8")
    (root / "my-work" / ".course-copies.json").write_text("{not json", encoding="utf-8")
    copy_lessons(root)
    assert (root / "my-work" / "00_start_here.ipynb").read_text(encoding="utf-8") == "mine"
    assert json.loads((root / "my-work" / ".course-copies.json").read_text(encoding="utf-8"))
