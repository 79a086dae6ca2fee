"""The README's first command works on a bare Debian/Ubuntu Python: externally managed (pip refuses to
install outside a virtual environment) and with no `python` command, only `python3`.

Run for real in a copy of the repository: create the venv, install, copy the lessons into my-work/ and
start JupyterLab; the test waits until the server answers, then stops it.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from test_readme_ci import _readme_commands

REPO = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _bare_python_or_fail() -> None:
    if not SYSTEM_PYTHON.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must have the system /usr/bin/python3 to test the README on a bare Python")
        pytest.skip("no system /usr/bin/python3 on this machine")


def _copy_repo(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                           check=True, capture_output=True).stdout.decode().split("\0")
    for rel in filter(None, files):
        if rel.startswith(("sources/", "tests/")):
            continue
        src = REPO / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)


def test_system_python_refuses_pip_outside_a_venv():
    """Why the README creates a venv: the system Python is externally managed."""
    _bare_python_or_fail()
    marker = list(Path("/usr/lib").glob("python3*/EXTERNALLY-MANAGED"))
    if not marker:
        pytest.skip("this system Python is not externally managed")
    out = subprocess.run([str(SYSTEM_PYTHON), "-m", "pip", "install", "--dry-run", "--no-index", "scocourse"],
                         capture_output=True, text=True)
    assert out.returncode != 0 and "externally-managed-environment" in (out.stdout + out.stderr)


def test_readme_first_command_on_a_bare_python(tmp_path):
    _bare_python_or_fail()
    course = tmp_path / "scocourse"
    _copy_repo(course)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(SYSTEM_PYTHON)
    path = os.pathsep.join([str(bin_dir), "/usr/bin", "/bin"])
    assert shutil.which("python", path=path) is None, "the bare PATH must not have a `python` command"
    env = {"PATH": path, "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8", "BROWSER": "true",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1",
           "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")}
    if os.environ.get("PIP_CACHE_DIR") or (Path.home() / ".cache" / "pip").is_dir():
        env["PIP_CACHE_DIR"] = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
    command = _readme_commands()[0]
    log = tmp_path / "open.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen(["/bin/sh", "-c", command + " --no-browser --ServerApp.port=18931 "
                                 "--ServerApp.port_retries=0 --allow-root"],
                                cwd=course, env=env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 900
        up = False
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen("http://127.0.0.1:18931/api", timeout=2):
                    up = True
                    break
            except urllib.error.HTTPError:  # the server answers (a token may be asked for): it is up
                up = True
                break
            except OSError:
                time.sleep(1)
        text = log.read_text(errors="replace")
        assert up, f"JupyterLab never answered; exit {proc.poll()}; log tail:\n{text[-3000:]}"
        assert (course / "my-work" / "00_start_here.ipynb").is_file()
        assert "copied 00_start_here.ipynb" in text
        assert "/lab/tree/my-work/00_start_here.ipynb" in " ".join(text.split()) or "my-work/00_start_here" in text
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
