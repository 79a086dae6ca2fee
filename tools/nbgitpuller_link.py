#!/usr/bin/env python3
"""Print the nbgitpuller link that puts the course into each student's JupyterHub space.

    python tools/nbgitpuller_link.py --hub https://hub.example.edu \\
        --repo https://github.com/OWNER/scocourse --branch main
    python tools/nbgitpuller_link.py --hub https://hub.example.edu --repo URL --path notebooks/03_member_perspectives.ipynb

The link has the form (values URL-encoded)::

    <hub>/hub/user-redirect/git-pull?repo=<repo URL>&branch=<branch>&urlpath=lab/tree/<folder>/<path>

Clicking it logs the student in, starts their server, clones the repository into ``<folder>``
(the repository's name) on the first click and merges updates on later clicks without
overwriting the student's own changes, then opens ``<path>`` in JupyterLab. The hub's user
image needs the ``nbgitpuller`` package (see docs/large_classes.md and deploy/).
"""
from __future__ import annotations

import argparse
from urllib.parse import urlencode, urlsplit

DEFAULT_PATH = "notebooks/00_start_here.ipynb"


def repo_folder(repo: str) -> str:
    """The folder nbgitpuller clones into: the last part of the repository URL, without .git."""
    path = urlsplit(repo).path if "://" in repo else repo.split(":")[-1]
    name = path.rstrip("/").rsplit("/", 1)[-1]
    name = name[:-4] if name.endswith(".git") else name
    if not name:
        raise ValueError(f"cannot tell the repository's name from {repo!r}")
    return name


def link(hub: str, repo: str, branch: str = "main", path: str = DEFAULT_PATH, app: str = "lab",
         target: str | None = None) -> str:
    """The nbgitpuller link for ``repo`` (at ``branch``) on ``hub``, opening ``path`` in ``app``
    ("lab", JupyterLab, or "tree", the classic file view). ``target`` overrides the clone folder."""
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the hub must be an http(s) URL such as https://hub.example.edu, not {hub!r}")
    if app not in ("lab", "tree"):
        raise ValueError("app must be 'lab' or 'tree'")
    folder = target or repo_folder(repo)
    prefix = "lab/tree" if app == "lab" else "tree"
    params = {"repo": repo, "branch": branch, "urlpath": f"{prefix}/{folder}/{path.lstrip('/')}"}
    if target:
        params["targetPath"] = target
    base = hub.rstrip("/") + "/hub/user-redirect/git-pull"
    return base + "?" + urlencode(params)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hub", required=True, help="the JupyterHub's address, e.g. https://hub.example.edu")
    parser.add_argument("--repo", required=True, help="the course repository's clone URL")
    parser.add_argument("--branch", default="main", help="branch to pull (default: main)")
    parser.add_argument("--path", default=DEFAULT_PATH, help=f"file to open, inside the repository (default: {DEFAULT_PATH})")
    parser.add_argument("--app", choices=("lab", "tree"), default="lab", help="open in JupyterLab (default) or the classic file view")
    parser.add_argument("--target", help="folder to clone into (default: the repository's name)")
    args = parser.parse_args(argv)
    try:
        print(link(args.hub, args.repo, args.branch, args.path, args.app, args.target))
    except ValueError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
