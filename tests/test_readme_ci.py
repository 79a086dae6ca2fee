"""The README's two set-up commands, and CI running exactly the second one."""
from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```(?:bash|sh)?\n(.*?)```", quick, re.DOTALL)]


def test_readme_has_exactly_two_commands():
    commands = _readme_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands), commands
    assert "-m scocourse open" in commands[0]
    assert "pytest" in commands[1] and ".[test]" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in ci
    assert _readme_commands()[1] in ci
    assert "SCOCOURSE_REQUIRE_BROWSER=1" in ci


def test_binder_badge_opens_start_here():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "https://mybinder.org/v2/gh/" in text and "labpath=notebooks%2F00_start_here.ipynb" in text
