#!/usr/bin/env python3
"""Export the question banks for a learning platform.

    python tools/lms_export.py                       # build/lms/scocourse_moodle.xml and build/lms/scocourse_qti.zip
    python tools/lms_export.py --lesson 01 --lesson 05 --out build/lms/week1

Moodle XML (import in Moodle: Question bank → Import → Moodle XML) holds every question type with
feedback, tolerances and hints; the QTI 1.2 zip (Canvas: Settings → Import course content → QTI .zip)
holds all but matching and ordering questions, which QTI as text2qti writes it cannot express.
Answers computed from data are computed now. For lecturers: the files contain the answers.
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
    parser.add_argument("--out", default="build/lms/scocourse", help="output path without extension")
    parser.add_argument("--lesson", action="append", help="lesson number, e.g. 01 (repeatable; default: all)")
    args = parser.parse_args(argv)
    from scocourse.errors import CourseError
    from scocourse.exercises.lms import moodle_xml, qti_zip
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    moodle = out.with_name(out.name + "_moodle.xml")
    moodle.write_text(moodle_xml(args.lesson), encoding="utf-8")
    print(f"wrote {moodle}")
    try:
        qti = out.with_name(out.name + "_qti.zip")
        skipped = qti_zip(qti, args.lesson)
        print(f"wrote {qti}" + (f" (not in QTI, use the Moodle file: {', '.join(skipped)})" if skipped else ""))
    except CourseError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
