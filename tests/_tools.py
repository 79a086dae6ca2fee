"""Load a script of tools/ as a module in a test (tools/ is not a package); each is loaded once."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def load_tool(filename: str):
    """``load_tool("build_slides.py")`` -> the module, registered as ``scocourse_tools_build_slides``."""
    name = "scocourse_tools_" + filename.removesuffix(".py")
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, TOOLS / filename)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
