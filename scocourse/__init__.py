"""scocourse — datasets, charts and exercises for a course on the SCO and Central Asia.

Quick start::

    import scocourse as sc
    sc.datasets.names()                      # what data there is
    sc.country("Kyrgyz Republic")            # -> 'KGZ'
    sc.members(on="2024-12-31")              # ISO3 codes of the full members then
    sc.indicator("population", countries=["KAZ", "UZB"], years=range(2000, 2024))
    sc.partner_shares("KGZ", years=2019, side="partner")   # partners' shares, from their records

Importing the package is light: pandas is imported when data is first loaded, and
matplotlib / ipywidgets only when a chart or an exercise is shown.
"""
from . import datasets, errors
from .facts import central_asia, latest_membership_change, membership_changes, partner_shares
from ._lookup import country, country_name, indicator, members, status_on
from .errors import CourseError, OutOfRangeError, UnknownCountryError, UnknownDatasetError, UnknownIndicatorError

__version__ = "0.1.0"
__all__ = ["datasets", "errors", "central_asia", "membership_changes", "latest_membership_change",
           "partner_shares", "country", "country_name", "members", "status_on", "indicator", "CourseError",
           "UnknownCountryError", "UnknownDatasetError", "UnknownIndicatorError", "OutOfRangeError", "__version__"]


def __getattr__(name):  # lazy sub-packages: scocourse.charts, scocourse.exercises, ...
    import importlib
    if name in {"charts", "exercises", "models", "explorers"}:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'scocourse' has no attribute {name!r}")
