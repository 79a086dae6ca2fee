#!/usr/bin/env python3
"""Number each lesson's exercises in the order a student meets them (01, 02, … down the notebook).

    python tools/renumber_exercises.py --check    # exit 1 and list the lessons whose ids are out of order
    python tools/renumber_exercises.py            # rename ids in banks, notebooks, docs, tests and the library

Question ids are "NN-MM". After questions are added or moved, ids drift out of order; this renames them
so that the k-th exercise a lesson shows is NN-k (bank questions the notebook does not show come last, in
id order). Every textual reference to a renamed id in the repository is rewritten at once (two-phase, so
swaps are safe). Progress a student saved under the old ids must carry over: the rename table is printed
as JSON (``--json FILE`` writes it) to be added to ``scocourse/exercises/progress.py``'s ``RENAMES``.
Re-execute the lessons afterwards (``python tools/execute_notebooks.py``).
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
        if path.resolve() == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8")
        marked = ID.sub(lambda m: f"\0{renames[m.group(1)]}\0" if m.group(1) in renames else m.group(1), text)
        new = marked.replace("\0", "")
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


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
    print(json.dumps(renames, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
