"""Progress: attempts, hints and results per question, kept in a small JSON file.

The file is ``$SCOCOURSE_PROGRESS_DIR/progress.json`` or else ``~/.scocourse/progress.json``.
Writes are atomic (temporary file + ``os.replace``) and merge with what is on disk, so two
notebooks open at once do not overwrite each other. Where the file cannot be written
(read-only home, some Binder set-ups) progress is kept in memory for the session, silently,
and the summary says so. Summaries contain no paths, dates or ids, so a fresh progress
directory always gives the same output.
"""
from __future__ import annotations

import html
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..errors import caught
from .checking import Result

__all__ = ["progress_path", "ProgressStore", "store", "record_check", "record_hint", "record_solution",
           "lesson_summary", "course_summary", "summary_text", "summary_html", "reset_progress"]

FILE_NAME = "progress.json"
VERSION = 2

#: Question ids renamed by course updates, per file version, in ``id_history.json`` beside this module: a
#: file written at version ``v`` has the renames of step ``v`` (and of every later step) applied when it is
#: read, so no recorded answer is lost. ``tools/renumber_exercises.py --history`` keeps the table current.
HISTORY_FILE = Path(__file__).with_name("id_history.json")


def _renames() -> dict[int, dict[str, str]]:
    try:
        raw = json.loads(HISTORY_FILE.read_text(encoding="utf-8"))
        return {int(step): dict(body["renames"]) for step, body in raw.items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:  # a broken table must not lose progress silently
        caught(exc, "reading the question-id history")
        return {}


RENAMES: dict[int, dict[str, str]] = _renames()


def migrate_ids(questions: dict[str, Any], version: int) -> dict[str, Any]:
    """Return ``questions`` with the ids of a file written at ``version`` renamed to today's ids.

    Renames are applied all at once per step (old 07 becomes 10 while old 05 becomes 07), and an
    entry never overwrites one already stored under the new id.
    """
    for step in sorted(v for v in RENAMES if v >= version):
        table = RENAMES[step]
        renamed: dict[str, Any] = {}
        for qid, entry in questions.items():
            renamed.setdefault(table.get(qid, qid), entry)
        questions = renamed
    return questions


def progress_path() -> Path:
    """Returns where the progress file lives now (reads SCOCOURSE_PROGRESS_DIR each call)."""
    folder = os.environ.get("SCOCOURSE_PROGRESS_DIR", "").strip()
    try:
        base = Path(folder).expanduser() if folder else Path.home() / ".scocourse"
    except (RuntimeError, KeyError, OSError):  # no home directory at all
        base = Path(tempfile.gettempdir()) / "scocourse-no-home"
    return base / FILE_NAME


def _empty_entry() -> dict[str, Any]:
    return {"attempts": 0, "status": None, "correct": False, "hints": 0, "solution_shown": False}


def _as_int(value: Any) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def merge_entries(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Returns one question's progress from two records of it (two kernels, or disk and memory).

    Nothing is lost: attempts and hints take the larger count, "correct" and "solution seen" stay
    true once true, and the latest status and answer come from the record with more attempts.
    """
    a, b = {**_empty_entry(), **a}, {**_empty_entry(), **b}
    newer = b if _as_int(b.get("attempts")) >= _as_int(a.get("attempts")) else a
    out = {**a, **b, **newer}
    out.update(attempts=max(_as_int(a.get("attempts")), _as_int(b.get("attempts"))),
               hints=max(_as_int(a.get("hints")), _as_int(b.get("hints"))),
               correct=bool(a.get("correct")) or bool(b.get("correct")),
               solution_shown=bool(a.get("solution_shown")) or bool(b.get("solution_shown")))
    return out


class _FileLock:
    """An advisory lock on ``<file>.lock`` (POSIX ``flock``), so that two kernels never interleave a
    read-merge-write of the progress file. Where locking is unavailable it does nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._fh = None

    def __enter__(self):
        try:
            import fcntl
            self._fh = open(self.path, "a+b")
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX)
        except (ImportError, OSError):
            self._fh = None
        return self

    def __exit__(self, *exc) -> None:
        if self._fh is not None:
            try:
                import fcntl
                fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
            except (ImportError, OSError):
                pass
            self._fh.close()
            self._fh = None


class ProgressStore:
    """Progress for one file path; falls back to memory when the file cannot be written.

    Nothing a student did is dropped: a file that cannot be read as progress is moved aside (never
    overwritten) and reported in ``problems``; a file that cannot be written leaves the progress in
    memory for the session, and the summaries say so and why.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.persistent = True
        self.problems: list[str] = []
        self._data: dict[str, dict[str, Any]] = {}
        self._read_disk(into_memory=True)

    # -- disk ---------------------------------------------------------------------------------
    def _set_aside(self, reason: str) -> None:
        """Moves an unreadable progress file aside (``progress.damaged-N.json``) and records why."""
        for n in range(1, 1000):
            aside = self.path.with_name(f"{self.path.stem}.damaged-{n}{self.path.suffix}")
            if not aside.exists():
                break
        try:
            os.replace(self.path, aside)
        except OSError:
            self.persistent = False  # cannot move it: do not risk overwriting it either
            self.problems.append(f"The progress file could not be read ({reason}) nor moved aside, so it is left "
                                 "as it is and this session's progress is kept in memory only.")
            return
        self.problems.append(f"The progress file could not be read ({reason}). It was kept as {aside.name} "
                             "beside the new one, so nothing is lost; your lecturer can help recover it.")

    def _read_disk(self, into_memory: bool = False) -> dict[str, dict[str, Any]]:
        """Returns the questions stored in the file ({} if there is none; a damaged file is set aside)."""
        clean: dict[str, dict[str, Any]] = {}
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = None
        except (OSError, UnicodeDecodeError) as exc:
            if isinstance(exc, UnicodeDecodeError):
                self._set_aside("it is not text")
            else:
                self.persistent = False
                self.problems.append(f"The progress file cannot be read ({exc.strerror or type(exc).__name__}); "
                                     "this session's progress is kept in memory only.")
            text = None
        if text is not None:
            try:
                raw = json.loads(text)
                if not isinstance(raw, dict) or not isinstance(raw.get("questions", {}), dict):
                    raise ValueError("not a progress file")
                found = raw.get("questions", {})
                version = raw.get("version", 1)
                if isinstance(version, int) and version < VERSION:
                    found = migrate_ids(found, version)
                clean = {k: {**_empty_entry(), **v} for k, v in found.items()
                         if isinstance(k, str) and isinstance(v, dict)}
            except ValueError as exc:
                self._set_aside("it is damaged or half-written" if isinstance(exc, json.JSONDecodeError)
                                else "it is not a progress file")
        if into_memory:
            self._data = clean
        return clean

    def _merge_disk(self) -> None:
        for qid, entry in self._read_disk().items():
            self._data[qid] = merge_entries(self._data.get(qid, {}), entry)

    def _write_disk(self, data: dict[str, dict[str, Any]]) -> bool:
        """Writes ``data`` atomically; returns False (and stays in memory) if that is impossible.

        A temporary file in the same folder is renamed over the old one (``os.replace``), so a
        reader never sees half a file; a full disk fails on the temporary file, never on the old one.
        """
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"version": VERSION, "questions": data}, fh, indent=1, sort_keys=True)
            os.replace(tmp, self.path)
            return True
        except OSError as exc:
            import errno
            why = {errno.ENOSPC: "the disk is full", errno.EROFS: "the disk is read-only",
                   errno.EACCES: "the folder is read-only", errno.EPERM: "the folder is read-only",
                   errno.EDQUOT: "the disk quota is used up"}.get(exc.errno, exc.strerror or type(exc).__name__)
            self.problems.append(f"Progress could not be saved ({why}); it is kept in memory for this session.")
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            return False

    def writable(self) -> bool:
        """Returns True if progress can be saved to the file (tries once, then remembers)."""
        if not self.persistent:
            return False
        if self.path.exists():
            ok = os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)
        else:  # try the folder without creating the progress file just by looking
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with tempfile.TemporaryFile(dir=self.path.parent):
                    pass
                ok = True
            except OSError:
                ok = False
        if not ok:
            self.persistent = False
        return ok

    # -- updates --------------------------------------------------------------------------------
    def update(self, qid: str, **changes: Any) -> dict[str, Any]:
        """Applies ``changes`` to one question (callables get the old value) and saves; returns the entry."""
        with _FileLock(self.path) if self.persistent else _NoLock():
            if self.persistent:
                self._merge_disk()  # what other notebooks wrote
            entry = {**_empty_entry(), **self._data.get(qid, {})}
            for key, value in changes.items():
                entry[key] = value(entry.get(key)) if callable(value) else value
            self._data[qid] = entry
            if self.persistent and not self._write_disk(self._data):
                self.persistent = False
        return dict(entry)

    def entry(self, qid: str) -> dict[str, Any]:
        """Returns a copy of one question's progress (zeros if never tried)."""
        return {**_empty_entry(), **self._data.get(qid, {})}

    def refresh(self) -> None:
        """Re-reads the file (to see what other notebooks recorded)."""
        if self.persistent:
            self._merge_disk()

    def reset(self, ids: list[str] | None = None) -> None:
        """Forgets the progress of ``ids`` (all questions when None) and saves."""
        with _FileLock(self.path) if self.persistent else _NoLock():
            if self.persistent:
                self._merge_disk()
            if ids is None:
                self._data.clear()
            else:
                for qid in ids:
                    self._data.pop(qid, None)
            if self.persistent and not self._write_disk(self._data):
                self.persistent = False


class _NoLock:
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


_STORES: dict[str, ProgressStore] = {}


def store() -> ProgressStore:
    """Returns the store for the current progress path (one per path per kernel)."""
    path = progress_path()
    key = str(path)
    if key not in _STORES:
        _STORES[key] = ProgressStore(path)
    return _STORES[key]


_NO_ANSWER = object()


def _storable(answer: Any) -> Any:
    """Returns ``answer`` as JSON-safe data (text, numbers, lists and dicts of them), cut to a sane size."""
    if answer is None or isinstance(answer, (bool, int, float)):
        return answer if not isinstance(answer, float) or answer == answer else None
    if isinstance(answer, str):
        return answer[:20_000]
    if isinstance(answer, dict):
        return {str(k)[:500]: _storable(v) for k, v in list(answer.items())[:200]}
    if isinstance(answer, (list, tuple, set, frozenset)):
        items = sorted(answer, key=repr) if isinstance(answer, (set, frozenset)) else list(answer)
        return [_storable(v) for v in items[:200]]
    return repr(answer)[:500]


def record_check(qid: str, result: Result, answer: Any = _NO_ANSWER) -> dict[str, Any]:
    """Records one checked answer (invalid input is not an attempt) and, if given, the answer itself (so a
    restarted kernel can show it again); returns the entry. Never raises."""
    try:
        if result.status == "invalid":
            return store().entry(qid)
        changes: dict[str, Any] = dict(attempts=lambda n: int(n or 0) + 1, status=result.status,
                                       correct=lambda was: bool(was) or result.correct)
        if answer is not _NO_ANSWER:
            changes["answer"] = _storable(answer)
        return store().update(qid, **changes)
    except Exception as exc:
        caught(exc, f"recording a check of {qid}")
        return {**_empty_entry()}


def record_hint(qid: str, shown: int) -> None:
    """Records that ``shown`` hints of a question have been revealed. Never raises."""
    try:
        store().update(qid, hints=lambda n: max(int(n or 0), shown))
    except Exception as exc:
        caught(exc, f"recording a hint of {qid}")


def record_solution(qid: str) -> None:
    """Records that the solution (or model answer) was revealed. Never raises."""
    try:
        store().update(qid, solution_shown=True)
    except Exception as exc:
        caught(exc, f"recording the solution of {qid}")


def reset_progress(lesson: object = None) -> None:
    """Forgets the progress of one lesson ("01"), or of the whole course when ``lesson`` is None."""
    from .registry import questions
    ids = None if lesson is None else [q.id for q in questions(lesson)]
    store().reset(ids)


# --- summaries ----------------------------------------------------------------------------------------

_STATE_WORDS = {
    "correct": "✔ correct",
    "partly": "◐ partly right",
    "incorrect": "✘ not yet right",
    "ungraded": "✎ written",
    None: "· not started",
}


def _state(q, entry: dict[str, Any]) -> str:
    if entry["correct"]:
        return _STATE_WORDS["correct"]
    if not entry["attempts"]:
        return _STATE_WORDS[None]
    return _STATE_WORDS.get(entry["status"], _STATE_WORDS["incorrect"])


def lesson_summary(lesson: object) -> dict[str, Any]:
    """Returns {lesson, title, rows: [{id, kind, label, attempts, state, hints, solution_shown}], totals}."""
    from .registry import lesson_title, normalize_lesson, questions
    code = normalize_lesson(lesson)
    st = store()
    st.refresh()
    rows = []
    for q in questions(code):
        e = st.entry(q.id)
        rows.append({"id": q.id, "kind": q.kind_label, "label": q.label, "attempts": int(e["attempts"]),
                     "state": _state(q, e), "graded": q.kind != "reflection", "correct": bool(e["correct"]),
                     "answered": int(e["attempts"]) > 0, "hints": int(e["hints"]),
                     "solution_shown": bool(e["solution_shown"])})
    graded = [r for r in rows if r["graded"]]
    totals = {"questions": len(rows), "answered": sum(r["answered"] for r in rows),
              "graded": len(graded), "correct": sum(r["correct"] for r in graded),
              "attempts": sum(r["attempts"] for r in rows)}
    return {"lesson": code, "title": lesson_title(code), "rows": rows, "totals": totals}


def course_summary() -> list[dict[str, Any]]:
    """Returns one lesson_summary per lesson with a question bank, in course order."""
    from .registry import lessons
    return [lesson_summary(code) for code in lessons()]


def _storage_note() -> str:
    st = store()
    problems = " ".join(dict.fromkeys(st.problems))
    if st.writable():
        note = "Your progress is saved in a small file on this computer (only you can see it)."
    else:
        note = ("Your progress is kept in memory only for this session: the progress file cannot be written "
                "here (for example on Binder), so it will be lost when the kernel stops.")
    return f"{problems} {note}".strip()


def _lesson_heading(s: dict[str, Any]) -> str:
    return f"Lesson {s['lesson']}" + (f" — {s['title']}" if s["title"] else "")


def _totals_line(t: dict[str, Any]) -> str:
    return (f"{t['answered']} of {t['questions']} questions answered; {t['correct']} of {t['graded']} graded "
            f"questions correct; {t['attempts']} attempt{'' if t['attempts'] == 1 else 's'} in all.")


def summary_text(lesson: object = None) -> str:
    """Returns the progress summary as plain text (one lesson, or the course when None)."""
    lines = []
    if lesson is not None:
        s = lesson_summary(lesson)
        lines += [f"Your progress: {_lesson_heading(s)}", _totals_line(s["totals"]), ""]
        for r in s["rows"]:
            extra = " (solution seen)" if r["solution_shown"] else ""
            lines.append(f"  {r['id']}  {r['state']:<16} attempts: {r['attempts']:<3} {r['kind']}: {r['label']}{extra}")
    else:
        summaries = course_summary()
        lines += ["Your progress in the course", ""]
        for s in summaries:
            lines.append(f"  {_lesson_heading(s)}: {_totals_line(s['totals'])}")
        grand = {k: sum(s["totals"][k] for s in summaries) for k in ("questions", "answered", "graded", "correct", "attempts")}
        lines += ["", "Whole course: " + _totals_line(grand)]
    lines += ["", _storage_note()]
    return "\n".join(lines)


def summary_html(lesson: object = None) -> str:
    """Returns the progress summary as an HTML table (one lesson, or the course when None)."""
    e = html.escape
    style = 'style="border:1px solid #bbb;border-radius:4px;padding:8px 12px;margin:6px 0"'
    if lesson is not None:
        s = lesson_summary(lesson)
        rows = "".join(
            f"<tr><td style='text-align:left;padding:2px 8px'>{e(r['id'])}</td><td style='text-align:left;padding:2px 8px'>{e(r['kind'])}: {e(r['label'])}</td><td style='text-align:left;padding:2px 8px'>{e(r['state'])}"
            f"{' (solution seen)' if r['solution_shown'] else ''}</td><td style='text-align:left;padding:2px 8px'>{r['attempts']}</td></tr>"
            for r in s["rows"])
        body = (f"<p><strong>Your progress: {e(_lesson_heading(s))}</strong></p><p>{e(_totals_line(s['totals']))}</p>"
                "<table><thead><tr><th style='text-align:left;padding:2px 8px'>Question</th><th style='text-align:left;padding:2px 8px'>Type and topic</th><th style='text-align:left;padding:2px 8px'>State</th><th style='text-align:left;padding:2px 8px'>Attempts</th></tr>"
                f"</thead><tbody>{rows}</tbody></table>")
    else:
        summaries = course_summary()
        rows = "".join(
            f"<tr><td style='text-align:left;padding:2px 8px'>{e(_lesson_heading(s))}</td><td style='text-align:left;padding:2px 8px'>{s['totals']['answered']} / {s['totals']['questions']}</td>"
            f"<td style='text-align:left;padding:2px 8px'>{s['totals']['correct']} / {s['totals']['graded']}</td><td style='text-align:left;padding:2px 8px'>{s['totals']['attempts']}</td></tr>"
            for s in summaries)
        grand = {k: sum(s["totals"][k] for s in summaries) for k in ("questions", "answered", "graded", "correct", "attempts")}
        body = ("<p><strong>Your progress in the course</strong></p>"
                "<table><thead><tr><th style='text-align:left;padding:2px 8px'>Lesson</th><th style='text-align:left;padding:2px 8px'>Answered</th><th style='text-align:left;padding:2px 8px'>Correct (graded)</th><th style='text-align:left;padding:2px 8px'>Attempts</th></tr>"
                f"</thead><tbody>{rows}</tbody></table><p>Whole course: {e(_totals_line(grand))}</p>")
    return f'<div class="scocourse-progress" {style}>{body}<p><em>{e(_storage_note())}</em></p></div>'
