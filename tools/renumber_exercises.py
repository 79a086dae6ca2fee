#!/usr/bin/env python3
"""Number each lesson's exercises in the order a student meets them (01, 02, … down the notebook).

    python tools/renumber_exercises.py --check    # exit 1 and list the lessons whose ids are out of order
    python tools/renumber_exercises.py            # rename ids in banks, notebooks, docs, tests and the library

Question ids are "NN-MM". After questions are added or moved, ids drift out of order; this renames them
so that the k-th exercise a lesson shows is NN-k (bank questions the notebook does not show come last, in
id order). Every textual reference to a renamed id in the repository is rewritten at once (two-phase, so
swaps are safe). Progress a student saved under the old ids must carry over: the renames are composed into
the latest step of ``scocourse/exercises/id_history.json`` (the table progress files are migrated with),
so a file written before the step lands on the renumbered ids. After a release, add a new step there
(and raise ``VERSION`` in progress.py) before renumbering again. Re-execute the lessons afterwards
(``python tools/execute_notebooks.py``).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ID = re.compile(r"(?<![\d\-./:])(\d\d-\d\d)(?![\d\-])")
CALL = re.compile(r"""exercise\(\s*["'](\d\d-\d\d)["']""")
FILES = ("notebooks/*.ipynb", "scocourse/**/*.py", "docs/*.md", "tests/**/*.py", "tools/*.py", "README.md")
# never rewritten: the history table itself (its keys are old ids), and tests that spell out old ids on purpose
KEEP = {"scocourse/exercises/id_history.json", "tests/test_exercises_progress.py"}


def bank_ids(code: str) -> list[str]:
    text = (REPO / "scocourse" / "exercises" / "bank" / f"lesson_{code}.py").read_text(encoding="utf-8")
    return sorted(set(re.findall(r"""\bid\s*=\s*["'](\d\d-\d\d)["']""", text)))


def shown_ids(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    seen: list[str] = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for qid in CALL.findall("".join(cell["source"])):
                if qid not in seen:
                    seen.append(qid)
    return seen


def plan() -> dict[str, str]:
    """Returns {old id: new id} for every id that moves."""
    renames: dict[str, str] = {}
    for path in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        code = path.name[:2]
        bank_file = REPO / "scocourse" / "exercises" / "bank" / f"lesson_{code}.py"
        if not bank_file.exists():
            continue
        bank = bank_ids(code)
        order = [q for q in shown_ids(path) if q.startswith(code + "-") and q in bank]
        order += [q for q in bank if q not in order]
        for k, old in enumerate(order, 1):
            new = f"{code}-{k:02d}"
            if old != new:
                renames[old] = new
    return renames


def apply(renames: dict[str, str]) -> list[Path]:
    changed = []
    files = sorted({p for pattern in FILES for p in REPO.glob(pattern) if p.is_file()})
    for path in files:
        if path.resolve() == Path(__file__).resolve() or path.relative_to(REPO).as_posix() in KEEP:
            continue
        text = path.read_text(encoding="utf-8")
        marked = ID.sub(lambda m: f"\0{renames[m.group(1)]}\0" if m.group(1) in renames else m.group(1), text)
        new = marked.replace("\0", "")
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


HISTORY = REPO / "scocourse" / "exercises" / "id_history.json"


def compose_history(renames: dict[str, str]) -> None:
    """Apply ``renames`` to the latest step of the id history: every old id that led to a renamed id now
    leads to its new name, and an id the step did not list is added when it moves."""
    history = json.loads(HISTORY.read_text(encoding="utf-8"))
    step = max(history, key=int)
    table = history[step]["renames"]
    targets = set(table.values())
    composed = {old: renames.get(new, new) for old, new in table.items()}
    for old, new in renames.items():
        if old not in table and old not in targets:  # an id the step left alone, now moved
            composed[old] = new
    history[step]["renames"] = dict(sorted(composed.items()))
    HISTORY.write_text(json.dumps(history, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only report lessons whose exercises are out of order")
    ap.add_argument("--json", type=Path, help="write the rename table to this file")
    args = ap.parse_args(argv)
    renames = plan()
    if args.json:
        args.json.write_text(json.dumps(renames, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.check:
        lessons = sorted({old[:2] for old in renames})
        if lessons:
            print("exercises out of order in lesson(s) " + ", ".join(lessons) + ": run python tools/renumber_exercises.py")
            return 1
        print("every lesson's exercises are numbered in the order they are shown")
        return 0
    for path in apply(renames):
        print(f"updated {path.relative_to(REPO)}")
    if renames:
        compose_history(renames)
        print(f"updated {HISTORY.relative_to(REPO)} (saved progress follows the new ids)")
    print(json.dumps(renames, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
