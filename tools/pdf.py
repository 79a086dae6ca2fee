#!/usr/bin/env python3
"""Print HTML pages (handouts, worksheets, the answer key) to A4 PDF with headless Chromium.

Uses Playwright (a kept library) driving Debian's Chromium (``/usr/bin/chromium``, or the browser named by
``SCOCOURSE_CHROMIUM``); Playwright never downloads a browser here. Only ``file:`` and ``data:`` URLs are
let through, so a PDF is made offline and a page that tried to load from the network would show it.

    python tools/pdf.py build/handouts/01_origins.html      # -> build/handouts/01_origins.pdf
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#333">'
          '<span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>')


def chromium() -> str:
    path = os.environ.get("SCOCOURSE_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        raise FileNotFoundError(f"no Chromium at {path}: install Debian's chromium (apt-get install chromium) "
                                "or set SCOCOURSE_CHROMIUM to a Chromium executable")
    return path


def _offline(route) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "about:")):
        route.continue_()
    else:
        route.abort()


def print_pdfs(pairs: list[tuple[Path, Path]]) -> list[Path]:
    """Prints each (html, pdf) pair: A4 portrait, 15 mm margins, backgrounds, page numbers in the footer."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("PDF output needs Playwright: pip install -e \".[lecturer]\"") from None
    done = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", _offline)
            for html_path, pdf_path in pairs:
                page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
                Path(pdf_path).parent.mkdir(parents=True, exist_ok=True)
                page.pdf(path=str(pdf_path), format="A4", print_background=True, display_header_footer=True,
                         header_template="<span></span>", footer_template=FOOTER,
                         margin={"top": "12mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
                done.append(Path(pdf_path))
        finally:
            browser.close()
    return done


def main(argv=None) -> int:
    paths = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print(__doc__)
        return 2
    for pdf in print_pdfs([(p, p.with_suffix(".pdf")) for p in paths]):
        print(f"wrote {pdf}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
