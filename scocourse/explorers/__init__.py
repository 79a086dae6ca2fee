"""Interactive explorers: widgets that change a chart or a model (one module per explorer).

Import the module you need, e.g. ``from scocourse.explorers.reservoir import reservoir_explorer``.
"""
