"""Shared test set-up.

* Network: an autouse fixture refuses every in-process connection that is not loopback or
  AF_UNIX (``tests/_netguard/netguard.py``). Notebook kernels get the same guard through
  ``tests/_netguard/sitecustomize.py`` (see ``kernel_env`` in ``tools/execute_notebooks.py``).
* nbval: ``pyproject.toml`` makes plain ``pytest`` run nbval (strict, outputs compared) over
  ``notebooks/``. A plugin registered here gives each notebook's kernel the environment of
  ``tools/execute_notebooks.py`` (PYTHONHASHSEED=0, TZ=UTC, SOURCE_DATE_EPOCH=0, a fresh empty
  SCOCOURSE_PROGRESS_DIR, the network guard), only while that kernel starts.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


execute_notebooks = _load("scocourse_tools_execute_notebooks", REPO / "tools" / "execute_notebooks.py")
netguard = _load("scocourse_tests_netguard", REPO / "tests" / "_netguard" / "netguard.py")

# Notebooks under tests/ are fixtures for other tests, not lessons for nbval.
collect_ignore_glob = ["browser/fixtures/*", "browser/artifacts/*", "_netguard/*"]


class _NbvalKernelEnvironment:
    """Registered as a global plugin so that it also sees items under notebooks/."""

    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="scocourse-nbval-"))

    @pytest.hookimpl(hookwrapper=True, tryfirst=True)
    def pytest_runtest_setup(self, item):
        parent = getattr(item, "parent", None)
        starts_kernel = (
            type(item).__module__.startswith("nbval")
            and parent is not None
            and getattr(parent, "kernel", None) is None
        )
        if not starts_kernel:
            yield
            return
        progress = tempfile.mkdtemp(prefix="scocourse-progress-", dir=self.base)
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(execute_notebooks.kernel_env(progress, base=saved))
        try:
            yield  # nbval starts the notebook's kernel here and it inherits os.environ
        finally:
            os.environ.clear()
            os.environ.update(saved)

    def pytest_unconfigure(self, config):
        shutil.rmtree(self.base, ignore_errors=True)


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives JupyterLab in headless Chromium (tests/browser)")
    config.addinivalue_line("markers", "allow_network: the test may open non-loopback connections (use sparingly)")
    # Resolve the sanitize file against the repository, so `pytest` works from any directory.
    sanitize = getattr(config.option, "nbval_sanitize_with", None)
    if sanitize and not os.path.isabs(sanitize) and not os.path.exists(sanitize):
        candidate = REPO / sanitize
        if candidate.exists():
            config.option.nbval_sanitize_with = str(candidate)
    if not config.pluginmanager.has_plugin("scocourse-nbval-env"):
        config.pluginmanager.register(_NbvalKernelEnvironment(), "scocourse-nbval-env")


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
