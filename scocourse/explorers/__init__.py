"""Interactive explorers: widgets that change a chart or a model (one module per explorer).

Import the module you need, e.g. ``from scocourse.explorers.reservoir import reservoir_explorer``.
A new explorer subclasses :class:`scocourse.explorers.base.Explorer` (controls, ``outputs()``,
``fallback()``; ``display()`` shows the widget with its static fallback).
"""
