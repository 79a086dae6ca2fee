"""Shared test set-up for tests/.

* Network: an autouse fixture refuses every in-process connection that is not loopback or
  AF_UNIX (``tests/_netguard/netguard.py``). Notebook kernels get the same guard through
  ``tests/_netguard/sitecustomize.py`` (see ``kernel_env`` in ``tools/execute_notebooks.py``).
* nbval's kernel environment, the markers and the sanitize-file path are set up repository-wide
  by ``tests/pytest_scocourse.py`` (loaded by the root ``conftest.py``).
* Hypothesis: profile ``ci`` (the default) is derandomised, so a red run is reproducible; ``dev``
  draws fresh random examples each run; ``wide`` draws many more (``HYPOTHESIS_PROFILE=wide``).
  Tests that set ``max_examples`` themselves keep their number; the profile still sets the rest.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.register_profile("wide", max_examples=5000, deadline=None, print_blob=True)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(HYPOTHESIS_PROFILE)

REPO = Path(__file__).resolve().parents[1]
execute_notebooks = sys.modules["scocourse_tools_execute_notebooks"]  # loaded by tests/pytest_scocourse.py
netguard = sys.modules["scocourse_tests_netguard"]

# Notebooks under tests/ are fixtures for other tests, not lessons for nbval.
collect_ignore_glob = ["browser/fixtures/*", "browser/artifacts/*", "_netguard/*", "pytest_scocourse.py"]


@pytest.fixture(autouse=True)
def _block_network(request):
    """No in-process test may reach beyond loopback: the course must work offline."""
    if request.node.get_closest_marker("allow_network"):
        yield
        return
    netguard.install()
    try:
        yield
    finally:
        netguard.uninstall()


@pytest.fixture(scope="session")
def lesson_paths() -> list[Path]:
    return execute_notebooks.lesson_paths()
