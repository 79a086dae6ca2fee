"""Class results: a student's export of their answers, and a lecturer's report over a folder of exports.

A student, in any lesson::

    from scocourse.exercises import export_progress
    export_progress()                      # writes scocourse-answers.json here; no name in it
    export_progress(name="A. Student")     # only if the student types a name

The file holds the course version, and per question: lesson, id, final answer, status, attempts, hints
used, solution seen. Nothing leaves the machine unless the student hands the file in (LMS, shared drive).

A lecturer, over a folder of such files::

    python tools/class_report.py exports/ --out build/class_report

writes ``class_report.html`` and three CSV tables (per student and lesson, per question, common wrong
answers with what they reveal, taken from the questions' own feedback). Malformed, foreign or duplicate
files are listed with the reason and skipped; nothing crashes and no file is changed.
"""
from __future__ import annotations

import hashlib
import html
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["FORMAT", "export_data", "export_progress", "read_export", "collect", "ClassResults", "Skipped"]

#: The ``format`` field of an export file (other JSON files in the folder are foreign).
FORMAT = "scocourse-answers"
FORMAT_VERSION = 1


def export_data(name: str | None = None) -> dict[str, Any]:
    """Returns this student's answers as a JSON-safe dict (see the module docstring)."""
    from .. import __version__
    from .progress import store
    from .registry import lessons, questions

    st = store()
    st.refresh()
    rows = []
    for code in lessons():
        for q in questions(code):
            e = st.entry(q.id)
            if not int(e.get("attempts") or 0) and not e.get("hints") and not e.get("solution_shown"):
                continue
            rows.append({"lesson": code, "id": q.id, "kind": q.kind, "answer": e.get("answer"),
                         "status": e.get("status"), "correct": bool(e.get("correct")),
                         "attempts": int(e.get("attempts") or 0), "hints": int(e.get("hints") or 0),
                         "solution_shown": bool(e.get("solution_shown"))})
    clean = (name or "").strip()[:120] or None
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "course_version": __version__,
            "student": clean, "lessons": sorted({r["lesson"] for r in rows}), "questions": rows}


def export_progress(path: str | Path = "scocourse-answers.json", name: str | None = None) -> None:
    """Writes this student's answers to ``path`` (default: ``scocourse-answers.json`` in the current folder)
    and says where. No name is written unless ``name`` is given. Never overwrites another file: an
    existing file gets a numbered sibling."""
    data = export_data(name)
    target = Path(path)
    n = 1
    while target.exists():
        n += 1
        target = Path(path).with_name(f"{Path(path).stem}-{n}{Path(path).suffix or '.json'}")
    try:
        target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        message = (f"Your answers to {len(data['questions'])} questions are in {target.name}. Hand in that file "
                   "(for example through your course's LMS); nothing is sent anywhere by itself.")
    except OSError as exc:
        message = f"The file could not be written here ({exc.strerror or type(exc).__name__}); try another folder."
    _show(message)


def _show(message: str) -> None:
    try:
        from IPython.display import display
        display({"text/plain": message}, raw=True)
    except ImportError:
        print(message)


@dataclass
class Skipped:
    """A file the report did not use, and why."""

    file: str
    reason: str


def read_export(path: Path) -> dict[str, Any]:
    """Returns a validated export, or raises ValueError saying why the file cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(raw) > 5_000_000:
        raise ValueError("too large for an answers file (over 5 MB)")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValueError("not a JSON file (damaged, or another kind of file)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a scocourse answers file (foreign JSON)")
    if not isinstance(data.get("format_version"), int) or data["format_version"] > FORMAT_VERSION:
        raise ValueError("written by a newer version of the course: update the course to read it")
    rows = data.get("questions")
    if not isinstance(rows, list):
        raise ValueError("has no list of questions")
    clean = []
    for r in rows:
        if not (isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("lesson"), str)):
            raise ValueError("holds a question entry without an id and lesson")
        clean.append({"lesson": r["lesson"], "id": r["id"], "kind": str(r.get("kind") or ""),
                      "answer": r.get("answer"), "status": r.get("status"), "correct": bool(r.get("correct")),
                      "attempts": _count(r.get("attempts")), "hints": _count(r.get("hints")),
                      "solution_shown": bool(r.get("solution_shown"))})
    student = data.get("student")
    return {"student": student.strip()[:120] if isinstance(student, str) and student.strip() else None,
            "course_version": str(data.get("course_version") or "?"), "questions": clean}


def _count(value: Any) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


@dataclass
class ClassResults:
    """What :func:`collect` found in a folder of exports."""

    students: list[dict[str, Any]] = field(default_factory=list)   # {label, file, course_version, questions}
    skipped: list[Skipped] = field(default_factory=list)

    def per_student_lesson(self):
        """DataFrame: student, lesson, questions, answered, correct (graded), completion %."""
        import pandas as pd

        from .registry import lessons, questions
        rows = []
        for s in self.students:
            by_id = {r["id"]: r for r in s["questions"]}
            for code in lessons():
                qs = questions(code)
                answered = [q for q in qs if by_id.get(q.id, {}).get("attempts", 0) > 0]
                graded = [q for q in qs if q.kind != "reflection"]
                correct = [q for q in graded if by_id.get(q.id, {}).get("correct")]
                rows.append({"student": s["label"], "lesson": code, "questions": len(qs),
                             "answered": len(answered), "correct": len(correct), "graded": len(graded),
                             "completion_pct": round(100 * len(answered) / len(qs), 1) if qs else 0.0})
        return pd.DataFrame(rows, columns=["student", "lesson", "questions", "answered", "correct", "graded",
                                           "completion_pct"])

    def per_question(self):
        """DataFrame: question, lesson, kind, students who answered, correct rate %, mean attempts, hints, solutions."""
        import pandas as pd

        from .registry import lessons, questions
        rows = []
        for code in lessons():
            for q in questions(code):
                got = [r for s in self.students for r in s["questions"] if r["id"] == q.id and r["attempts"] > 0]
                n = len(got)
                graded = q.kind != "reflection"
                rows.append({"question": q.id, "lesson": code, "kind": q.kind, "topic": q.label, "answered": n,
                             "correct_pct": (round(100 * sum(r["correct"] for r in got) / n, 1)
                                             if n and graded else None),
                             "mean_attempts": round(sum(r["attempts"] for r in got) / n, 1) if n else None,
                             "used_hints": sum(r["hints"] > 0 for r in got),
                             "saw_solution": sum(r["solution_shown"] for r in got)})
        return pd.DataFrame(rows)

    def wrong_answers(self, top: int = 3):
        """DataFrame: question, wrong answer, students, what it reveals (the checker's own feedback)."""
        import pandas as pd

        from .checking import check
        from .registry import get_question
        counts: dict[str, Counter] = {}
        examples: dict[tuple[str, str], Any] = {}
        for s in self.students:
            for r in s["questions"]:
                if r["correct"] or r["answer"] is None or r["kind"] == "reflection":
                    continue
                key = json.dumps(r["answer"], ensure_ascii=False, sort_keys=True)
                counts.setdefault(r["id"], Counter())[key] += 1
                examples[(r["id"], key)] = r["answer"]
        rows = []
        for qid in sorted(counts):
            try:
                q = get_question(qid)
            except KeyError:
                continue  # a question this course version no longer has
            for key, n in counts[qid].most_common(top):
                result = check(q, examples[(qid, key)])
                rows.append({"question": qid, "answer": _answer_text(examples[(qid, key)]), "students": n,
                             "status": result.status, "what_it_reveals": result.message})
        return pd.DataFrame(rows, columns=["question", "answer", "students", "status", "what_it_reveals"])


def _answer_text(answer: Any) -> str:
    if isinstance(answer, str):
        return answer
    if isinstance(answer, dict):
        return "; ".join(f"{k} → {v}" for k, v in answer.items())
    if isinstance(answer, list):
        return " → ".join(str(a) for a in answer)
    return str(answer)


def collect(folder: str | Path) -> ClassResults:
    """Reads every ``*.json`` file in ``folder`` (and its sub-folders); returns the valid exports and the
    files skipped with the reason. Identical files (the same export handed in twice) count once."""
    folder = Path(folder)
    out = ClassResults()
    if not folder.is_dir():
        out.skipped.append(Skipped(str(folder), "is not a folder"))
        return out
    seen: dict[str, str] = {}
    anon = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = str(path.relative_to(folder))
        if path.suffix.lower() != ".json":
            out.skipped.append(Skipped(rel, "not a .json file"))
            continue
        try:
            data = read_export(path)
        except ValueError as exc:
            out.skipped.append(Skipped(rel, str(exc)))
            continue
        digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
        if digest in seen:
            out.skipped.append(Skipped(rel, f"duplicate of {seen[digest]} (the same answers handed in twice)"))
            continue
        seen[digest] = rel
        if data["student"]:
            label = data["student"]
        else:
            anon += 1
            label = f"anonymous {anon} ({path.stem})"
        out.students.append({"label": label, "file": rel, **data})
    return out


def report_html(results: ClassResults) -> str:
    """Returns the class report as one self-contained, accessible HTML page (no scripts, no external files)."""
    e = html.escape

    def table(df, caption: str) -> str:
        head = "".join(f'<th scope="col">{e(str(c))}</th>' for c in df.columns)
        body = "".join("<tr>" + "".join(f"<td>{e('' if v is None or v != v else str(v))}</td>" for v in row) + "</tr>"
                       for row in df.itertuples(index=False))
        return f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    per_sl = results.per_student_lesson()
    summary = (per_sl.groupby("lesson")[["answered", "questions"]].sum().reset_index()
               if len(per_sl) else per_sl)
    if len(summary):
        summary["completion_pct"] = (100 * summary["answered"] / summary["questions"]).round(1)
    skipped = "".join(f"<li><code>{e(s.file)}</code>: {e(s.reason)}</li>" for s in results.skipped)
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Class report</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#111}table{border-collapse:collapse;"
        "margin:1em 0}th,td{border:1px solid #666;padding:4px 8px;text-align:left;vertical-align:top}"
        "caption{font-weight:bold;text-align:left;padding:4px 0}</style></head><body>",
        "<main><h1>Class report</h1>",
        f"<p>{len(results.students)} answer files read; {len(results.skipped)} skipped.</p>",
        "<h2>Completion by lesson</h2>", table(summary, "Questions answered, all students together"),
        "<h2>Each student, each lesson</h2>", table(per_sl, "Answered and correct questions per student and lesson"),
        "<h2>Each question</h2>", table(results.per_question(), "Answered, correct rate, attempts, hints, solutions"),
        "<h2>Most common wrong answers</h2>",
        table(results.wrong_answers(), "The answers most often given wrongly, and what the feedback says they reveal"),
        "<h2>Files skipped</h2>", f"<ul>{skipped}</ul>" if skipped else "<p>None.</p>",
        "</main></body></html>",
    ]
    return "\n".join(parts)


def write_report(folder: str | Path, out: str | Path) -> list[Path]:
    """Writes ``<out>.html`` and ``<out>_students.csv``, ``<out>_questions.csv``, ``<out>_wrong_answers.csv``,
    ``<out>_skipped.csv``; returns the paths."""
    import pandas as pd

    results = collect(folder)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    paths = [out.with_name(out.name + ".html")]
    paths[0].write_text(report_html(results), encoding="utf-8")
    tables = {"students": results.per_student_lesson(), "questions": results.per_question(),
              "wrong_answers": results.wrong_answers(),
              "skipped": pd.DataFrame([(s.file, s.reason) for s in results.skipped], columns=["file", "reason"])}
    for name, df in tables.items():
        path = out.with_name(f"{out.name}_{name}.csv")
        df.to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
    return paths
