"""A student's own copy of the lessons, so that running them never touches the course's files.

``python -m scocourse open`` copies the lesson notebooks from ``notebooks/`` into ``my-work/`` (a folder
git ignores) and opens JupyterLab at the top of the course, on the start-here lesson, so that the README,
``docs/`` and the lessons are all in its file browser. ``python -m scocourse copy`` only copies.

Updating the course (``git pull``) changes ``notebooks/`` only; the student's copies stay as they are.
Run ``python -m scocourse open`` (or ``copy``) again: new lessons are copied in, and where a lesson the
student already has was changed by the update, the new version is put beside it as
``NN_title.updated-<id>.ipynb``. Nothing the student wrote is overwritten, moved or deleted.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["course_root", "copy_lessons", "main"]

WORK_DIR = "my-work"
MANIFEST = ".course-copies.json"


def course_root(start: Path | None = None) -> Path:
    """Return the folder holding the course's ``notebooks/`` (the current folder or one above it,
    else the checkout this package was installed from)."""
    here = Path(start or Path.cwd()).resolve()
    for folder in [here, *here.parents, Path(__file__).resolve().parents[1]]:
        if (folder / "notebooks").is_dir() and any((folder / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            return folder
    raise FileNotFoundError("No course lessons found: run this from the scocourse folder (the one holding "
                            "notebooks/ and README.md).")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def copy_lessons(root: Path, work: Path | None = None) -> list[str]:
    """Copy the lessons of ``root/notebooks`` into ``work`` (default ``root/my-work``); return what was done.

    A lesson is copied when the student has no copy. When the course's version changed since it was
    copied, the new version is written beside the student's as ``NN_title.updated-<id>.ipynb``.
    """
    work = work or root / WORK_DIR
    work.mkdir(parents=True, exist_ok=True)
    manifest_path = work / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            manifest = {}
    except (OSError, ValueError):
        manifest = {}
    report = []
    for src in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        dst = work / src.name
        digest = _digest(src)
        if not dst.exists():
            shutil.copy2(src, dst)
            manifest[src.name] = digest
            report.append(f"copied {src.name}")
        elif manifest.get(src.name) not in (None, digest):
            beside = work / f"{src.stem}.updated-{digest}.ipynb"
            if not beside.exists():
                shutil.copy2(src, beside)
                report.append(f"{src.name}: the course has a newer version; your copy is untouched and the new "
                              f"one is {beside.name}")
        elif src.name not in manifest:
            manifest[src.name] = digest
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scocourse", description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["open", "copy"], nargs="?", default="open",
                    help="open: copy the lessons into my-work/ and start JupyterLab; copy: only copy")
    ap.add_argument("--no-browser", action="store_true", help="start JupyterLab without opening a browser tab")
    args, extra = ap.parse_known_args(argv)
    try:
        root = course_root()
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    for line in copy_lessons(root) or ["your lessons in my-work/ are up to date"]:
        print(line)
    if args.command == "copy":
        return 0
    start = f"{WORK_DIR}/00_start_here.ipynb"
    cmd = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={root}",
           f"--LabApp.default_url=/lab/tree/{start}"]
    if args.no_browser:
        cmd.append("--no-browser")
    print(f"Opening JupyterLab on {start} (the README and docs/ are in the file browser, one folder up).",
          flush=True)
    return subprocess.call(cmd + extra)
