"""Repository-wide pytest set-up: see tests/pytest_scocourse.py (nbval kernel environment, markers).

It lives in this root conftest so that it also applies when pytest is given only notebook paths.
"""
pytest_plugins = ["tests.pytest_scocourse"]
