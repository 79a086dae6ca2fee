"""pytest plugin for the whole repository, loaded by the root ``conftest.py``.

Loaded for every run, also ``pytest notebooks/NN_x.ipynb`` alone (tests/conftest.py is not loaded
then). It gives each nbval notebook kernel the environment of ``tools/execute_notebooks.py``
(PYTHONHASHSEED=0, TZ=UTC, SOURCE_DATE_EPOCH=0, a fresh empty SCOCOURSE_PROGRESS_DIR, the network
guard of tests/_netguard/), only while that kernel starts, and resolves the nbval sanitize file
against the repository so `pytest` works from any directory.
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


class NbvalKernelEnvironment:
    """Registered as a plugin object so that it sees items anywhere (notebooks/ included)."""

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
    sanitize = getattr(config.option, "nbval_sanitize_with", None)
    if sanitize and not os.path.isabs(sanitize) and not os.path.exists(sanitize):
        candidate = REPO / sanitize
        if candidate.exists():
            config.option.nbval_sanitize_with = str(candidate)
    if not config.pluginmanager.has_plugin("scocourse-nbval-env"):
        config.pluginmanager.register(NbvalKernelEnvironment(), "scocourse-nbval-env")
