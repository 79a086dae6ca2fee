"""Binder: repo2docker must build an image that installs the course package and its dependencies.

`repo2docker --no-build --debug` only writes the Dockerfile it would build (no Docker needed); it runs
under the network guard, so generating it needs no network either. Skips if repo2docker is absent.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
execute_notebooks = sys.modules["scocourse_tools_execute_notebooks"]


def _repo2docker() -> str | None:
    for name in ("repo2docker", "jupyter-repo2docker"):
        beside = Path(sys.executable).parent / name
        if beside.exists():
            return str(beside)
        found = shutil.which(name)
        if found:
            return found
    return None


def test_binder_files():
    requirements = [
        line.strip() for line in (REPO / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert requirements and requirements[0] in {".", "-e ."}, requirements
    assert re.fullmatch(r"python-3\.\d+\n?", (REPO / "binder" / "runtime.txt").read_text())
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    deps = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    assert {"pandas", "matplotlib", "ipywidgets", "jupyterlab"} <= deps
    assert not (REPO / "binder" / "postBuild").exists() or "http" not in (REPO / "binder" / "postBuild").read_text()


def test_repo2docker_dockerfile_installs_the_package(tmp_path):
    tool = _repo2docker()
    if tool is None:
        pytest.skip("repo2docker is not installed (pip install jupyter-repo2docker)")
    env = execute_notebooks.kernel_env(tmp_path)  # network guard on for the subprocess
    out = subprocess.run(
        [tool, "--no-build", "--no-run", "--debug", str(REPO)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    text = out.stdout + out.stderr
    assert out.returncode == 0, text[-3000:]
    python = (REPO / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")
    assert f"python={python}" in text, "repo2docker ignored binder/runtime.txt"
    lines = text.splitlines()
    copy_all = next(i for i, line in enumerate(lines) if re.match(r"COPY .*src/ \$\{REPO_DIR\}/", line))
    install = next(i for i, line in enumerate(lines) if re.search(r"pip install .*-r \"?binder/requirements.txt", line))
    assert copy_all < install, "the repository must be in the image before pip installs '.' from it"
    assert "WORKDIR ${REPO_DIR}" in text  # so '.' in binder/requirements.txt is the checkout
