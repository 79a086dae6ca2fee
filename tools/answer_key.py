#!/usr/bin/env python3
"""Export every lesson's answer key (answers, explanations, hints) to one Markdown and one HTML file.

    python tools/answer_key.py                         # build/answer_key.md and build/answer_key.html
    python tools/answer_key.py --out build/answer_key  # same, explicit
    python tools/answer_key.py --lesson 00 --lesson 01 # only some lessons
    python tools/answer_key.py --pdf                   # also build/answer_key.pdf (A4, headless Chromium)

Answers that come from data are computed from the datasets now. For lecturers only:
do not publish the key where students will find it.
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
    parser.add_argument("--out", default="build/answer_key",
                        help="output path without extension (default: build/answer_key)")
    parser.add_argument("--lesson", action="append", help="lesson number, e.g. 01 (repeatable; default: all)")
    parser.add_argument("--pdf", action="store_true", help="also print the HTML key to an A4 PDF")
    args = parser.parse_args(argv)
    from scocourse.exercises import write_answer_key
    from scocourse.exercises.registry import questions
    md, html = write_answer_key(args.out, lessons=args.lesson)
    n = sum(len(questions(code)) for code in args.lesson) if args.lesson else len(questions())
    print(f"Answer key for {n} questions written to {md} and {html}")
    if args.pdf:
        import importlib.util
        spec = importlib.util.spec_from_file_location("scocourse_tools_pdf", Path(__file__).with_name("pdf.py"))
        pdf = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(pdf)
        for p in pdf.print_pdfs([(Path(html), Path(html).with_suffix(".pdf"))]):
            print(f"and {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
