#!/usr/bin/env python3
"""Write the navigation cells of every lesson: where it sits, what comes before and after, its contents,
and at the end a link to the next lesson and to the course progress.

    python tools/navigation.py            # rewrite the navigation cells of notebooks/NN_*.ipynb in place
    python tools/navigation.py --check    # exit 1 if any lesson's navigation is missing or out of date

The cells are Markdown, tagged ``scocourse-nav`` (after the title) and ``scocourse-nav-end`` (last cell),
and skipped in slides. Links are relative (``NN_title.ipynb``, ``#Heading-anchor``), so they work in
``notebooks/`` and in a student's ``my-work/`` copy alike. Re-execute the lessons afterwards
(``python tools/execute_notebooks.py``): the cells hold no outputs, but the files must stay normalised.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
TAG, END_TAG = "scocourse-nav", "scocourse-nav-end"


def anchor(heading: str) -> str:
    """JupyterLab's anchor for a Markdown heading: its text with spaces as hyphens (Markdown marks removed)."""
    text = re.sub(r"[*_`]", "", heading.strip())
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return "#" + text.replace(" ", "-")


def _source(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _headings(nb, level: int) -> list[str]:
    out = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown" or set(cell.get("metadata", {}).get("tags", [])) & {TAG, END_TAG}:
            continue
        for line in _source(cell).splitlines():
            m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
            if m and len(m.group(1)) == level:
                out.append(m.group(2))
    return out


def _title(nb, path: Path) -> str:
    titles = _headings(nb, 1)
    title = titles[0] if titles else path.stem
    return re.sub(r"^Lesson\s+\d+\s*[—–-]\s*", "", title)


def _cell(text: str, tag: str) -> dict:
    return {"cell_type": "markdown", "id": tag, "metadata": {"slideshow": {"slide_type": "skip"}, "tags": [tag]},
            "source": text.splitlines(keepends=True)}


def build(paths: list[Path]) -> dict[Path, dict]:
    """Returns {path: notebook with its navigation cells rewritten}."""
    nbs = {p: json.loads(p.read_text(encoding="utf-8")) for p in paths}
    titles = {p: _title(nb, p) for p, nb in nbs.items()}
    total = len(paths)
    first, last = paths[0].name[:2], paths[-1].name[:2]
    course_progress = next((p for p in reversed(paths) for h in _headings(nbs[p], 2) if "course" in h.lower()
                            and "progress" in h.lower()), None)
    out = {}
    for i, p in enumerate(paths):
        nb = nbs[p]
        nb["cells"] = [c for c in nb["cells"] if not set(c.get("metadata", {}).get("tags", [])) & {TAG, END_TAG}]
        code = p.name[:2]
        link = lambda q: f"[Lesson {q.name[:2]} — {titles[q]}]({q.name})"  # noqa: E731
        parts = [f"**Where you are:** lesson {code}, the {_ordinal(i + 1)} of the course's {total} lessons "
                 f"({first}–{last})."]
        if i > 0:
            parts.append(f"Before it: {link(paths[i - 1])}.")
        if i + 1 < total:
            parts.append(f"After it: {link(paths[i + 1])}.")
        contents = [f"[{re.sub(r'[*_`]', '', h)}]({anchor(h)})" for h in _headings(nb, 2)]
        text = " ".join(parts)
        if contents:
            text += "\n\n**In this lesson:** " + " · ".join(contents)
        title_at = next((k for k, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown"
                         and _source(c).lstrip().startswith("# ")), 0)
        nb["cells"].insert(title_at + 1, _cell(text, TAG))
        end = []
        if i + 1 < total:
            end.append(f"**Next:** {link(paths[i + 1])}.")
        else:
            end.append("**You have reached the end of the course.**")
        if course_progress is not None:
            heading = next(h for h in _headings(nbs[course_progress], 2) if "progress" in h.lower()
                           and "course" in h.lower())
            end.append(f"Your progress in the whole course: [{course_progress.name[:2]} — {heading}]"
                       f"({course_progress.name}{anchor(heading)}).")
        end.append(f"Back to the start: [Lesson {paths[0].name[:2]} — {titles[paths[0]]}]({paths[0].name}).")
        nb["cells"].append(_cell(" ".join(end), END_TAG))
        out[p] = nb
    return out


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
            9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth"}.get(n, f"{n}th")


def _dump(nb) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="report lessons whose navigation is out of date")
    args = ap.parse_args(argv)
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    stale = []
    for p, nb in build(paths).items():
        before = json.loads(p.read_text(encoding="utf-8"))
        if before["cells"] != nb["cells"]:
            stale.append(p.name)
            if not args.check:
                p.write_text(_dump(nb), encoding="utf-8")
    if args.check and stale:
        print("navigation out of date in: " + ", ".join(stale) + " (run python tools/navigation.py)")
        return 1
    print(("up to date: " if args.check else "navigation written: ") + f"{len(paths)} lessons"
          + (f" ({len(stale)} changed)" if stale and not args.check else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
