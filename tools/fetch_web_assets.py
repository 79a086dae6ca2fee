#!/usr/bin/env python3
"""Local copies of the JavaScript and CSS that slide decks need, so that nothing loads from a CDN.

    python tools/fetch_web_assets.py                  # fetch into the cache (build/web_assets) if missing
    python tools/fetch_web_assets.py --check          # only say whether the cache is complete

The packages below are fetched once with ``npm pack`` from the npm registry (pinned versions,
sha512 checked against the integrity recorded here), unpacked into a cache folder, and copied
from there into each build (``build/slides/_assets/``). After the first fetch everything works
offline. The cache is ``build/web_assets`` (gitignored) or the folder named by the environment
variable ``SCOCOURSE_WEB_ASSETS``.

The module is also imported by ``tools/build_slides.py``, ``tools/export_handouts.py`` and the
tests: :func:`external_loads` lists every URL outside the page's own folder that a browser would
load from an HTML file (and from the local CSS it links), which is how "offline" is checked.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
LESSON_GLOB = "[0-9][0-9]_*.ipynb"
ENV_CACHE = "SCOCOURSE_WEB_ASSETS"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str  # npm's "sha512-<base64>" of the tarball
    files: tuple[tuple[str, str], ...]  # (path in the package, path under _assets/); a trailing "/" copies a folder
    license: str

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def folder(self) -> str:
        return self.name.replace("@", "").replace("/", "-") + "-" + self.version


# Pinned: change a version only together with its integrity (`npm view NAME@VERSION dist.integrity`).
PACKAGES = (
    Package("reveal.js", "4.6.1",
            "sha512-1CW0auaXNPmwmvQ7TwpszwVxMi2Xr5cTS3J3EBC/HHgbPF32Dn7aiu/LKWDOGjMbaDwKQiGmfqcoGQ74HUHCMw==",
            (("dist/reveal.js", "reveal.js/dist/reveal.js"),
             ("dist/reveal.css", "reveal.js/dist/reveal.css"),
             ("dist/reset.css", "reveal.js/dist/reset.css"),
             # "white" uses the Source Sans Pro files shipped in the package; "simple" would import Google Fonts.
             ("dist/theme/white.css", "reveal.js/dist/theme/white.css"),
             ("dist/theme/fonts/source-sans-pro/", "reveal.js/dist/theme/fonts/source-sans-pro/"),
             ("plugin/notes/notes.js", "reveal.js/plugin/notes/notes.js"),
             ("LICENSE", "reveal.js/LICENSE")),
            "MIT"),
    Package("requirejs", "2.3.8",
            "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw==",
            (("require.js", "require.js"), ("README.md", "requirejs-README.md")),
            "MIT"),
    Package("@jupyter-widgets/html-manager", "1.0.15",
            "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA==",
            # embed-amd.js plus the icon fonts its bundled CSS points at (same folder).
            (("dist/", "html-manager/dist/"), ("package.json", "html-manager/package.json")),
            "BSD-3-Clause"),
    Package("mathjax", "3.2.2",
            "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==",
            # SVG output: glyphs are drawn as paths, so no web font is needed; "-full" bundles every
            # TeX extension, so nothing is loaded lazily.
            (("es5/tex-svg-full.js", "mathjax/tex-svg-full.js"), ("LICENSE", "mathjax/LICENSE")),
            "Apache-2.0"),
)

# Fetched into the same cache but never copied into a build: tools the tests run in the browser.
CHECK_PACKAGES = (
    Package("axe-core", "4.10.3",
            "sha512-Xm7bpRXnDSX2YE2YFfBk2FnF0ep6tmG7xPh8iHee8MIcrgq762Nkce856dYtJYLkuIoYZvGfTs/PbZhideTcEg==",
            (("axe.min.js", "axe-core/axe.min.js"), ("LICENSE", "axe-core/LICENSE")),
            "MPL-2.0"),
)
AXE_JS = ("axe-core", "axe.min.js")

# Paths under _assets/ that the templates use.
REVEAL_PREFIX = "reveal.js"
REQUIRE_JS = "require.js"
WIDGET_RENDERER = "html-manager/dist/embed-amd.js"
MATHJAX = "mathjax/tex-svg-full.js"

# Files of a copied folder that are never needed at view time.
_SKIP_SUFFIXES = (".map", ".LICENSE.txt", ".d.ts")
_SKIP_NAMES = {"embed.js", "libembed-amd.js"}


class AssetsUnavailable(RuntimeError):
    """The web assets are not in the cache and npm could not fetch them."""


def lesson_paths() -> list[Path]:
    """Every lesson notebook that exists now, in course order."""
    return sorted(NOTEBOOKS.glob(LESSON_GLOB))


def cache_dir(path: str | os.PathLike | None = None) -> Path:
    if path:
        return Path(path)
    env = os.environ.get(ENV_CACHE)
    return Path(env) if env else REPO / "build" / "web_assets"


def _package_root(cache: Path, pkg: Package) -> Path:
    return cache / pkg.folder / "package"


def missing(cache: str | os.PathLike | None = None, packages=None) -> list[Package]:
    """Packages not (completely) unpacked in the cache (default: the decks' PACKAGES)."""
    cache = cache_dir(cache)
    out = []
    for pkg in PACKAGES if packages is None else packages:
        root = _package_root(cache, pkg)
        if not (root.parent / ".complete").exists() or not all((root / src.rstrip("/")).exists() for src, _ in pkg.files):
            out.append(pkg)
    return out


def _sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _extract(tarball: Path, target: Path) -> None:
    with tarfile.open(tarball, "r:gz") as tar:
        try:
            tar.extractall(target, filter="data")  # refuses absolute paths, "..", links outside
        except TypeError:  # Python without extraction filters (< 3.10.12 / 3.11.4)
            root = target.resolve()
            for member in tar.getmembers():
                if not (member.isfile() or member.isdir()):
                    continue
                if not (root / member.name).resolve().is_relative_to(root):
                    raise ValueError(f"{tarball.name}: unsafe path {member.name!r}") from None
                tar.extract(member, target)


def npm_available() -> bool:
    return shutil.which("npm") is not None


def fetch(cache: str | os.PathLike | None = None, *, quiet: bool = False, packages=None) -> Path:
    """Makes sure every pinned package is unpacked in the cache; returns the cache folder.

    Runs ``npm pack`` only for packages that are missing. Raises AssetsUnavailable when npm is
    not installed or the registry cannot be reached, and ValueError when a tarball's hash differs
    from the pinned integrity.
    """
    cache = cache_dir(cache)
    todo = missing(cache, packages)
    if not todo:
        return cache
    if not npm_available():
        raise AssetsUnavailable(
            f"the slide assets ({', '.join(p.spec for p in todo)}) are not in {cache} and `npm` is not installed; "
            f"install Node.js/npm once (the npm registry must be reachable for the first build), or set "
            f"{ENV_CACHE} to a folder that holds them")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="scocourse-npm-") as tmp:
        cmd = ["npm", "pack", "--json", "--pack-destination", tmp, *(p.spec for p in todo)]
        if not quiet:
            print("fetching " + ", ".join(p.spec for p in todo) + " with npm pack", file=sys.stderr)
        # npm's own cache lives in ~/.npm; keep it out of the project. --json prints the file names.
        proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise AssetsUnavailable(f"`{' '.join(cmd[:2])} {' '.join(p.spec for p in todo)}` failed "
                                    f"(exit {proc.returncode}): {proc.stderr.strip()[-800:]}")
        try:
            packed = {entry["id"]: entry["filename"] for entry in json.loads(proc.stdout)}
        except (ValueError, KeyError, TypeError) as exc:
            raise AssetsUnavailable(f"could not read npm pack's output: {exc}: {proc.stdout[:300]!r}") from exc
        for pkg in todo:
            filename = packed.get(pkg.spec)
            if filename is None:
                raise AssetsUnavailable(f"npm pack did not produce {pkg.spec} (got {sorted(packed)})")
            tarball = Path(tmp) / filename
            data = tarball.read_bytes()
            if _sri(data) != pkg.integrity:
                raise ValueError(f"{pkg.spec}: tarball hash {_sri(data)[:30]}… differs from the pinned "
                                 f"integrity {pkg.integrity[:30]}…; refusing to use it")
            target = cache / pkg.folder
            if target.exists():
                shutil.rmtree(target)
            target.mkdir(parents=True)
            _extract(tarball, target)
            (target / ".complete").write_text(pkg.integrity + "\n", encoding="utf-8")
    still = missing(cache, packages)
    if still:
        raise AssetsUnavailable("after npm pack, still missing: " + ", ".join(p.spec for p in still))
    return cache


def axe_js(cache: str | os.PathLike | None = None) -> Path:
    """Path of axe-core's ``axe.min.js`` in the cache (fetched with npm if missing), for accessibility tests."""
    cache = fetch(cache, quiet=True, packages=CHECK_PACKAGES)
    pkg = CHECK_PACKAGES[0]
    return _package_root(cache, pkg) / AXE_JS[1]


def install(dest: str | os.PathLike, cache: str | os.PathLike | None = None) -> Path:
    """Copies the files the decks load into ``dest`` (e.g. build/slides/_assets); returns ``dest``.

    Fetches into the cache first if needed. Also writes ``dest/VERSIONS.txt`` (what came from where).
    """
    cache = fetch(cache)
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    lines = ["Third-party files served with the slides (fetched from the npm registry by tools/fetch_web_assets.py):"]
    for pkg in PACKAGES:
        root = _package_root(cache, pkg)
        for src, dst in pkg.files:
            if src.endswith("/"):
                for f in sorted((root / src).rglob("*")):
                    if f.is_file() and not f.name.endswith(_SKIP_SUFFIXES) and f.name not in _SKIP_NAMES:
                        out = dest / dst / f.relative_to(root / src)
                        out.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(f, out)
            else:
                out = dest / dst
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(root / src, out)
        lines.append(f"- {pkg.spec} ({pkg.license}), {pkg.integrity}")
    (dest / "VERSIONS.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = []
    for css in sorted(dest.rglob("*.css")):
        bad += [f"{css.relative_to(dest)}: {u}" for u in css_external_urls(css.read_text(encoding="utf-8", errors="replace"))]
    if bad:
        raise ValueError("a copied style sheet loads from the network: " + "; ".join(bad))
    return dest


# --------------------------------------------------------------------------- what a browser would load
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_JS_URL = re.compile(r"""["'`](?:https?:)?//[^"'`\s]+""")
_JSON_SCRIPT_TYPES = ("application/json", "application/ld+json", "application/vnd.jupyter.widget-state+json",
                      "application/vnd.jupyter.widget-view+json", "text/x-mathjax-config", "math/tex")


def is_external(url: str) -> bool:
    """True for a URL that leaves the page's own folder: http(s), protocol-relative, ftp, ws…"""
    url = url.strip()
    if not url or url.startswith(("#", "data:", "blob:", "javascript:", "about:")):
        return False
    parts = urlsplit(url)
    if parts.scheme and len(parts.scheme) > 1:  # "c:" would be a Windows drive, not a scheme
        return parts.scheme.lower() != "file" or bool(parts.netloc)
    return url.startswith("//")


def css_external_urls(css: str) -> list[str]:
    css = _CSS_COMMENT.sub("", css)
    found = [m.group(2) for m in _CSS_URL.finditer(css)] + [m.group(1) for m in _CSS_IMPORT.finditer(css)]
    return [u for u in dict.fromkeys(found) if is_external(u)]


def css_local_urls(css: str) -> list[str]:
    css = _CSS_COMMENT.sub("", css)
    found = [m.group(2) for m in _CSS_URL.finditer(css)] + [m.group(1) for m in _CSS_IMPORT.finditer(css)]
    return [u for u in dict.fromkeys(found) if u and not is_external(u) and not u.startswith(("data:", "#"))]


# (tag, attribute) pairs whose URL the browser fetches while showing the page. <a href> is a link the
# reader may follow, not a load, so it is allowed to point anywhere.
_LOAD_ATTRS = {
    "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "embed": ("src",), "object": ("data",), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href"), "body": ("background",),
}


class _LoadParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []  # (where, url)
        self.local: list[tuple[str, str]] = []
        self._in: str | None = None
        self._script_type = ""
        self._buf: list[str] = []

    def _add(self, where: str, url: str):
        (self.loads if is_external(url) else self.local).append((where, url))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for attr in _LOAD_ATTRS.get(tag, ()):
            value = a.get(attr)
            if not value:
                continue
            urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] if attr == "srcset" else [value]
            for url in urls:
                if tag == "link" and not set((a.get("rel") or "").lower().split()) & {
                        "stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "import",
                        "apple-touch-icon", "shortcut"}:
                    continue  # e.g. rel="canonical": metadata, nothing is fetched
                self._add(f"<{tag} {attr}>", url)
        if a.get("style"):
            for url in css_external_urls(a["style"]):
                self.loads.append((f"<{tag} style>", url))
        if tag in ("style", "script"):
            self._in, self._script_type, self._buf = tag, (a.get("type") or "").lower(), []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("style", "script"):
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if tag != self._in:
            return
        text = "".join(self._buf)
        if tag == "style":
            self.loads += [("<style>", u) for u in css_external_urls(text)]
            self.local += [("<style>", u) for u in css_local_urls(text)]
        elif not self._script_type.startswith(_JSON_SCRIPT_TYPES):
            # Inline code: any URL literal in it is something the code may fetch (e.g. a CDN fallback).
            code = re.sub(r"(?m)^\s*//.*$", "", text)
            self.loads += [("<script> literal", m.group(0)[1:]) for m in _JS_URL.finditer(code)]
        self._in, self._buf = None, []


def external_loads(html_text: str, base: str | os.PathLike | None = None) -> list[tuple[str, str]]:
    """(where, url) for every URL outside the page's folder that the page loads.

    Checks ``src``/``href`` of script, link, img (and the other loading tags), ``url(...)`` and
    ``@import`` in ``<style>`` and ``style=""``, URL literals in inline scripts, and — when ``base``
    (the page's folder) is given — the local style sheets the page links, recursively. Plain
    ``<a href>`` links are not loads and are allowed.
    """
    parser = _LoadParser()
    parser.feed(html_text)
    parser.close()
    found = list(parser.loads)
    if base is not None:
        base = Path(base)
        seen: set[Path] = set()
        queue = [(base / urlsplit(u).path) for where, u in parser.local if where == "<link href>"]
        while queue:
            path = queue.pop().resolve()
            if path in seen or path.suffix.lower() != ".css" or not path.is_file():
                continue
            seen.add(path)
            css = path.read_text(encoding="utf-8", errors="replace")
            found += [(f"{path.name} url()", u) for u in css_external_urls(css)]
            queue += [path.parent / urlsplit(u).path for u in css_local_urls(css)]
    return found


def missing_local_files(html_text: str, base: str | os.PathLike) -> list[str]:
    """Relative script/link/img URLs of the page that point at files that do not exist."""
    parser = _LoadParser()
    parser.feed(html_text)
    base = Path(base)
    out = []
    for where, url in parser.local:
        if where.startswith("<") and url and not url.startswith(("data:", "#", "blob:")):
            if where in ("<style>",):
                continue
            if not (base / urlsplit(url).path).exists():
                out.append(url)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help=f"cache folder (default: ${ENV_CACHE} or build/web_assets)")
    parser.add_argument("--check", action="store_true", help="only report whether the cache is complete")
    args = parser.parse_args(argv)
    cache = cache_dir(args.cache)
    todo = missing(cache)
    if args.check:
        for pkg in PACKAGES:
            print(("missing " if pkg in todo else "ok      ") + pkg.spec)
        return 1 if todo else 0
    try:
        fetch(cache)
    except AssetsUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for pkg in PACKAGES:
        print(f"ok {pkg.spec} in {cache / pkg.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
