"""Repository-wide pytest set-up: see tests/pytest_scocourse.py (nbval kernel environment, markers).

It lives in this root conftest so that it also applies when pytest is given only notebook paths.

It also marks the slow part of the suite ``slow``: every notebook (nbval), the browser test, and the
tests that execute notebooks, build the data or a wheel, install, render decks or run many examples.
``python -m pytest -m "not slow"`` is then the maintainer's fast loop over the library tests;
``python -m pytest`` (CI) still runs everything.
"""
from pathlib import Path

import pytest

pytest_plugins = ["tests.pytest_scocourse"]

#: Test modules whose tests execute notebooks, build data/wheels/decks or start installs (tens of seconds).
SLOW_MODULES = frozenset({
    "test_notebooks_meta.py", "test_build.py", "test_lecturer_kit.py", "test_charts_notebook.py",
    "test_exercises_notebook.py", "test_binder.py", "test_readme_bare.py", "test_charts_regression.py",
    "test_accessibility.py", "test_print_kit.py",
})
#: Single tests that take several seconds each (measured with --durations on 2 cores).
SLOW_TESTS = frozenset({
    "test_climate_explorer_live_update_path", "test_svg_rendering_is_deterministic",
    "test_economy_explorer_updates_on_side_year_view_and_country", "test_checker_never_raises",
    "test_png_deterministic_and_stable_on_rerender", "test_datapackage_is_valid_frictionless",
    "test_a_corrupted_file_fails_validation", "test_full_profile_is_deterministic", "test_class_report_command",
})


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath))
        name = getattr(item, "originalname", None) or item.name.split("[")[0]
        if path.suffix == ".ipynb" or "browser" in path.parts or path.name in SLOW_MODULES or name in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)
