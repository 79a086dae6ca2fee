"""The data build reproduces data/ byte for byte, and the wheel carries the data."""
import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"


def _build(sources: Path, out: Path, cwd: Path = ROOT) -> None:
    subprocess.run([sys.executable, str(cwd / "tools" / "build_data.py"), "--sources", str(sources), "--out", str(out)],
                   check=True, capture_output=True, cwd=cwd)


def test_committed_data_equals_a_fresh_build(tmp_path):
    out = tmp_path / "data"
    _build(SOURCES, out)
    committed = sorted(p.name for p in (ROOT / "data").iterdir())
    assert committed == sorted(p.name for p in out.iterdir())
    _match, mismatch, errors = filecmp.cmpfiles(ROOT / "data", out, committed, shallow=False)
    assert not mismatch and not errors, f"data/ differs from a fresh build: {mismatch or errors}; run tools/build_data.py"


def test_build_is_deterministic(tmp_path):
    for name in ("a", "b"):
        _build(SOURCES, tmp_path / name)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    _match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert not mismatch and not errors


def test_a_clone_alone_rebuilds_data(tmp_path):
    """The source base is in the repository: a clone in an empty folder (no ../shared beside it)
    rebuilds data/ byte for byte with the build's defaults."""
    if not (ROOT / ".git").exists():
        pytest.fail("this test needs a git checkout of the repository")
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                            "tools", "sources", "data"], cwd=ROOT, check=True, capture_output=True).stdout
    clone = tmp_path / "empty" / "scocourse"
    for rel in filter(None, files.decode().split("\0")):
        src = ROOT / rel
        if src.is_file():
            dst = clone / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_bytes(src.read_bytes())
    assert not (clone.parent / "shared").exists()
    rebuilt = clone / "rebuilt"
    subprocess.run([sys.executable, "tools/build_data.py", "--out", str(rebuilt)], cwd=clone, check=True,
                   capture_output=True)
    committed = sorted(p.name for p in (ROOT / "data").iterdir())
    assert committed == sorted(p.name for p in rebuilt.iterdir())
    _match, mismatch, errors = filecmp.cmpfiles(ROOT / "data", rebuilt, committed, shallow=False)
    assert not mismatch and not errors, f"a clone rebuilds data/ differently: {mismatch or errors}"


def test_build_reads_nothing_outside_the_repository():
    text = (ROOT / "tools" / "build_data.py").read_text(encoding="utf-8")
    assert "shared" not in text and "ROOT.parent" not in text


def test_wheel_installed_elsewhere_loads_its_data(tmp_path):
    pytest.importorskip("hatchling", reason="hatchling (in the test extra) builds the wheel offline")
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
                    str(ROOT)], check=True, capture_output=True)
    wheel = next(wheels.glob("scocourse-*.whl"))
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    code = ("import scocourse, sys; d = scocourse.datasets.data_dir(); "
            "assert str(d).startswith(sys.argv[1]), d; "
            "print(len(scocourse.datasets.load('indicators')), scocourse.country('Kyrgyz Republic'))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run([sys.executable, "-c", code, str(site)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[1] == "KGZ"
