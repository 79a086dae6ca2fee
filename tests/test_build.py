"""The data build reproduces data/ byte for byte, and the wheel carries the data."""
import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "raw").is_dir(), reason="../shared is not beside the checkout")
def test_committed_data_equals_a_fresh_build(tmp_path):
    out = tmp_path / "data"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_data.py"), "--shared", str(SHARED), "--out", str(out)],
                   check=True, capture_output=True)
    committed = sorted(p.name for p in (ROOT / "data").iterdir())
    assert committed == sorted(p.name for p in out.iterdir())
    _match, mismatch, errors = filecmp.cmpfiles(ROOT / "data", out, committed, shallow=False)
    assert not mismatch and not errors, f"data/ differs from a fresh build: {mismatch or errors}; run tools/build_data.py"


@pytest.mark.skipif(not (SHARED / "raw").is_dir(), reason="../shared is not beside the checkout")
def test_build_is_deterministic(tmp_path):
    for name in ("a", "b"):
        subprocess.run([sys.executable, str(ROOT / "tools" / "build_data.py"), "--shared", str(SHARED),
                        "--out", str(tmp_path / name)], check=True, capture_output=True)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    _match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert not mismatch and not errors


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
