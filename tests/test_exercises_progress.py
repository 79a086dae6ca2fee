"""Progress store: file location, atomic merged writes, read-only fallback, deterministic summaries."""
from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from scocourse.exercises import Result, reset_progress
from scocourse.exercises.progress import (ProgressStore, progress_path, record_check, record_hint, record_solution,
                                          store, summary_html, summary_text)


@pytest.fixture
def pdir(tmp_path, monkeypatch):
    d = tmp_path / "p"
    monkeypatch.setenv("SCOCOURSE_PROGRESS_DIR", str(d))
    return d


RIGHT = Result("correct", "ok")
WRONG = Result("incorrect", "no")
BAD = Result("invalid", "what?")


def test_location_from_env_and_home(pdir, monkeypatch):
    assert progress_path() == pdir / "progress.json"
    monkeypatch.delenv("SCOCOURSE_PROGRESS_DIR")
    monkeypatch.setenv("HOME", str(pdir.parent / "home"))
    assert progress_path() == pdir.parent / "home" / ".scocourse" / "progress.json"


def test_records_attempts_and_writes_json(pdir):
    record_check("00-02", WRONG)
    record_check("00-02", BAD)  # invalid input is not an attempt
    record_check("00-02", RIGHT)
    record_check("00-02", WRONG)  # once right, stays counted as right
    record_hint("00-02", 2)
    record_solution("00-02")
    data = json.loads((pdir / "progress.json").read_text())
    e = data["questions"]["00-02"]
    assert e == {"attempts": 3, "correct": True, "hints": 2, "solution_shown": True, "status": "incorrect"}
    assert not [p for p in pdir.iterdir() if p.name not in ("progress.json", "progress.json.lock")]  # no temp files


def test_two_kernels_merge(pdir):
    a, b = ProgressStore(pdir / "progress.json"), ProgressStore(pdir / "progress.json")
    a.update("00-01", attempts=1)
    b.update("00-02", attempts=2)
    a.update("00-03", attempts=1)
    data = json.loads((pdir / "progress.json").read_text())["questions"]
    assert set(data) == {"00-01", "00-02", "00-03"}


def test_corrupt_file_is_survived(pdir):
    pdir.mkdir(parents=True)
    (pdir / "progress.json").write_text("{not json")
    record_check("00-01", RIGHT)
    assert "✔ correct" in summary_text("00")


NOBODY = 65534  # the unprivileged uid/gid the read-only test drops to when it runs as root (CI does)


def _as_unprivileged(body) -> int:
    """Run ``body()`` in a forked child that has dropped to uid/gid 65534; return its exit code.

    Root ignores file permissions, so as root (CI) the read-only case can only be tested after dropping
    privileges. The child inherits the imported modules; it reports failures through its exit code.
    """
    import traceback

    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        code = 1
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            body()
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_falls_back_to_memory(pdir, tmp_path, monkeypatch):
    def body():
        record_check("00-01", RIGHT)
        assert "kept in memory only" in summary_text("00")
        assert "✔ correct" in summary_text("00")

    if os.geteuid() != 0:
        pdir.mkdir(parents=True)
        pdir.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            body()
        finally:
            pdir.chmod(stat.S_IRWXU)
        return
    # as root: warm the lazy imports where writing works, then re-run as 'nobody' on a folder it may read
    # and enter but not write (world r-x, owned by root), reached through folders it may enter
    monkeypatch.setenv("SCOCOURSE_PROGRESS_DIR", str(tmp_path / "warm"))
    record_check("00-02", RIGHT)
    summary_text("00")
    reset_progress()
    import shutil
    import tempfile
    from pathlib import Path

    base = Path(tempfile.mkdtemp(prefix="scocourse-readonly-"))  # in /tmp: every parent is enterable
    readonly = base / "p"
    readonly.mkdir()
    base.chmod(0o755)
    readonly.chmod(0o555)
    monkeypatch.setenv("SCOCOURSE_PROGRESS_DIR", str(readonly))
    try:
        assert _as_unprivileged(body) == 0, "the read-only fallback failed when run as an unprivileged user"
        assert not (readonly / "progress.json").exists()
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_unwritable_location_falls_back_to_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SCOCOURSE_PROGRESS_DIR", str(blocker / "sub"))  # cannot be created, even by root
    record_check("00-01", RIGHT)
    record_hint("00-01", 1)
    text = summary_text("00")
    assert "kept in memory only" in text and "00-01  ✔ correct" in text
    assert store().persistent is False


def test_summaries_deterministic_and_pathless(pdir):
    first = summary_text("00"), summary_html("00"), summary_text(), summary_html()
    assert first == (summary_text("00"), summary_html("00"), summary_text(), summary_html())
    assert "0 of 8 questions answered" in first[0]
    assert "saved in a small file" in first[0]
    for text in first:
        assert str(pdir) not in text and "progress.json" not in text
    assert not (pdir / "progress.json").exists()  # looking does not create the file


def test_reset(pdir):
    record_check("00-01", RIGHT)
    reset_progress("00")
    assert "0 of 8 questions answered" in summary_text("00")


def test_progress_saved_under_the_nine_lesson_ids_carries_over(tmp_path, monkeypatch):
    """A progress file written before the course grew to twelve lessons keeps every answer."""
    import json

    import importlib

    prog = importlib.import_module("scocourse.exercises.progress")

    old = {"version": 1, "questions": {
        "05-03": {"attempts": 2, "status": "correct", "correct": True, "hints": 1, "solution_shown": False},
        "07-04": {"attempts": 1, "status": "incorrect", "correct": False, "hints": 0, "solution_shown": False},
        "07-02": {"attempts": 4, "status": "correct", "correct": True, "hints": 0, "solution_shown": False},
        "08-09": {"attempts": 1, "status": "ungraded", "correct": False, "hints": 0, "solution_shown": True},
        "01-04": {"attempts": 3, "status": "correct", "correct": True, "hints": 0, "solution_shown": False}}}
    (tmp_path / "progress.json").write_text(json.dumps(old), encoding="utf-8")
    store = prog.ProgressStore(tmp_path / "progress.json")
    table = prog.RENAMES[1]
    assert store.entry(table["05-03"])["correct"] is True   # energy 05-03 moved to lesson 07
    assert table["05-03"].startswith("07-") and table["07-04"].startswith("10-")
    assert store.entry(table["07-04"])["attempts"] == 1     # scenarios 07-04 moved to lesson 10
    # scenarios 07-02 was rewritten into another question: its record is kept aside, not credited
    assert table["07-02"].endswith("~retired-v1") and store.entry("10-02")["correct"] is False
    assert store._data[table["07-02"]]["attempts"] == 4
    assert store.entry(table.get("08-09", "08-09"))["solution_shown"] is True   # review 08-09 moved to lesson 11
    assert store.entry(table.get("01-04", "01-04"))["attempts"] == 3  # lesson 01 kept its number
    assert store.entry("07-02")["attempts"] == 0 or table.get("05-02") == "07-02"  # old 07-02 not on energy 07-02
    store.update("00-01", attempts=1)
    saved = json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))
    assert saved["version"] == prog.VERSION and table["05-03"] in saved["questions"] and "05-03" not in saved["questions"]
    assert prog.ProgressStore(tmp_path / "progress.json").entry(table["05-03"])["correct"] is True  # migrated once
