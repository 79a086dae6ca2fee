"""Every lesson has its navigation, and every internal link in a lesson resolves (file and heading)."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
_spec = importlib.util.spec_from_file_location("navigation", REPO / "tools" / "navigation.py")
navigation = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(navigation)


def _markdown(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def _anchors(path: Path) -> set[str]:
    out = set()
    for text in _markdown(path):
        for line in text.splitlines():
            m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
            if m:
                out.add(navigation.anchor(m.group(1)))
    return out


def test_navigation_is_up_to_date():
    assert navigation.main(["--check"]) == 0, "run python tools/navigation.py, then re-execute the lessons"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_internal_links_resolve(path):
    bad = []
    for text in _markdown(path):
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"^[a-z]+:", target):  # http:, https:, mailto: — checked by people, not offline tests
                continue
            file, _, frag = target.partition("#")
            dest = (path.parent / file) if file else path
            if not dest.exists():
                bad.append(f"{target}: no such file")
            elif frag and dest.suffix == ".ipynb" and "#" + frag not in _anchors(dest):
                bad.append(f"{target}: no such heading in {dest.name}")
    assert not bad, f"{path.name}: " + "; ".join(bad)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_lesson_opens_with_where_it_sits_and_closes_with_next(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    tags = [set(c.get("metadata", {}).get("tags", [])) for c in nb["cells"]]
    assert navigation.TAG in tags[1] or navigation.TAG in tags[2]
    assert navigation.END_TAG in tags[-1]


def test_exercises_are_numbered_in_the_order_a_student_meets_them():
    from _tools import load_tool
    renumber = load_tool("renumber_exercises.py")
    assert renumber.plan() == {}, "run python tools/renumber_exercises.py (it keeps saved progress in step)"
