"""Simple models students can run.

- :mod:`scocourse.models.reservoir` — monthly model of a Toktogul-like upstream reservoir
  (winter power releases against summer irrigation water downstream).
"""

from scocourse.models.reservoir import (  # noqa: F401
    MONTHS,
    SIMPLIFICATIONS,
    YEAR_TYPES,
    ReservoirInputError,
    ReservoirParams,
    ReservoirResult,
    default_params,
    params_from_data,
    simulate,
)

__all__ = [
    "MONTHS", "SIMPLIFICATIONS", "YEAR_TYPES", "ReservoirInputError", "ReservoirParams",
    "ReservoirResult", "default_params", "params_from_data", "simulate",
]
