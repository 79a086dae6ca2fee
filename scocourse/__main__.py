"""``python -m scocourse [open|copy]``: copy the lessons into my-work/ and open JupyterLab (see workspace.py)."""
from .workspace import main

raise SystemExit(main())
