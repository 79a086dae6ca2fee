"""Network guard for notebook kernels started by the tests and by tools/execute_notebooks.py.

This folder is put first on PYTHONPATH only for those kernels; with SCOCOURSE_BLOCK_NETWORK=1
every connection that would leave the machine raises ``NetworkBlockedError``.
"""
import os as _os
import sys as _sys

if _os.environ.get("SCOCOURSE_BLOCK_NETWORK") == "1":
    _sys.path.insert(0, _os.path.dirname(_os.path.abspath(__file__)))
    try:
        import netguard as _netguard
    finally:
        del _sys.path[0]
    _netguard.install()
