#!/usr/bin/env python3
"""Class report from a folder of students' answer files (``export_progress()`` in a lesson).

    python tools/class_report.py exports/                         # build/class_report.html + CSVs
    python tools/class_report.py exports/ --out build/week3/report

Reads every .json file in the folder (collected through the LMS or a shared drive); malformed, foreign
or duplicate files are listed with the reason and skipped. Writes one HTML page and CSV tables:
completion per student and lesson, correct rate per question, the most common wrong answers with what
they reveal. Changes no file in the folder.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="folder holding the students' answer files (.json)")
    parser.add_argument("--out", default="build/class_report", help="output path without extension")
    args = parser.parse_args(argv)
    from scocourse.exercises.results import collect, write_report
    if not Path(args.folder).is_dir():
        print(f"{args.folder} is not a folder: give the folder holding the students' answer files.", file=sys.stderr)
        return 2
    paths = write_report(args.folder, args.out)
    results = collect(args.folder)
    print(f"{len(results.students)} answer files read, {len(results.skipped)} skipped.")
    for s in results.skipped:
        print(f"  skipped {s.file}: {s.reason}")
    for p in paths:
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
