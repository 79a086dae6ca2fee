"""Live slides with widgets, offline: JupyterLab's own Presentation Mode, for every lesson (issue 17).

RISE for JupyterLab 4 does not render ipywidgets (jupyterlab-contrib/rise#119) and loads Google
Fonts, so the course presents live lessons with what JupyterLab 4 itself has: View → Presentation
Mode (command ``application:toggle-presentation-mode``: larger fonts for the notebook and its
outputs), View → Simple Interface (``application:set-mode`` single-document: one notebook, no
tabs) and ``charts.use_context("projector")`` in the kernel for charts at hall size.

For each lesson, right after tests/browser/test_jupyterlab.py has run it (so the browser suite executes
each lesson once), :func:`present_explorer` turns presentation mode and the simple interface on,
switches the charts to the projector context, re-runs the lesson's first explorer, moves its slider
(or, where it has none, picks another entry in its first drop-down or toggle) and waits for the
explorer's output to change. Every request the page makes is recorded there: none may leave 127.0.0.1.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
from scocourse.mime import WIDGET_VIEW  # noqa: E402
RUN_TIMEOUT_MS = 240_000

# The lesson's notebook panel in the JupyterLab shell (also used by test_jupyterlab.py).
FIND_PANEL = """
(path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.sessionContext) return w;
  }
  return null;
}
"""
# Presentation mode + simple interface on a notebook whose cells test_jupyterlab has just run (no second run
# of the lesson): projector charts, then the explorer cell again.
PRESENT_RUN_NOTEBOOK = """
async ([path, index]) => {
  const panel = (%s)(path);
  const app = window.jupyterapp;
  app.shell.activateById(panel.id);
  const probe = () => parseFloat(getComputedStyle(panel.content.widgets[0].node.querySelector('.jp-RenderedHTMLCommon') || panel.content.node).fontSize);
  const sizeBefore = probe();
  await app.commands.execute('application:toggle-presentation-mode');
  await app.commands.execute('application:set-mode', {mode: 'single-document'});
  window.__done = undefined;
  const nb = panel.content;
  (async () => {
    const kernel = panel.sessionContext.session.kernel;
    await kernel.requestExecute({code: 'from scocourse import charts as _c; _c.use_context("projector")'}).done;
    nb.activeCellIndex = index;
    await app.commands.execute('notebook:run-cell');
    window.__done = true;
  })().catch(e => { window.__done = 'error: ' + e; });
  return {presentation: app.shell.presentationMode, mode: app.shell.mode, sizeBefore, sizeAfter: probe()};
}
""" % FIND_PANEL
LEAVE_PRESENTATION = """
async () => { const app = window.jupyterapp;
  if (app.shell.presentationMode) await app.commands.execute('application:toggle-presentation-mode');
  await app.commands.execute('application:set-mode', {mode: 'multiple-document'}); }
"""
CELL_STATE = """
([path, index]) => {
  const panel = (%s)(path);
  const cell = panel.content.widgets[index];
  cell.node.classList.add('scocourse-test-explorer');
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return {count: cell.model.executionCount, status: kernel ? kernel.status : 'none',
          errors: cell.model.outputs.toJSON().filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue)};
}
""" % FIND_PANEL
SIGNATURE = """
() => { const el = document.querySelector('.scocourse-test-explorer');
  return el ? [...el.querySelectorAll('.widget-output')].map(o => o.textContent
    + [...o.querySelectorAll('img')].map(i => i.src.length + ':' + i.src.slice(-64)).join('|')).join('||') : null; }
"""


def _explorer_cell(path: Path) -> int | None:
    """Index of the lesson's first explorer: a saved widget output that is not an exercise."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            data = out.get("data", {})
            html = data.get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            if WIDGET_VIEW in data and "scocourse-exercise" not in html:
                return i
    return None


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in ("127.0.0.1", "localhost")


def present_explorer(page, rel: str, path: Path, artifacts: Path) -> str | None:
    """On a lesson test_jupyterlab has just run: turn on Presentation Mode and the simple interface, switch the
    kernel's charts to the projector context, re-run the lesson's first explorer and move its first control until
    its output changes. Returns a one-line summary (None when the lesson has no explorer); restores the layout."""
    index = _explorer_cell(path)
    if index is None:
        return None
    shell = page.evaluate(PRESENT_RUN_NOTEBOOK, [rel, index])
    try:
        assert shell["presentation"] is True and shell["mode"] == "single-document", shell
        assert shell["sizeAfter"] > shell["sizeBefore"], f"presentation mode did not enlarge the text: {shell}"
        page.wait_for_function("() => window.__done !== undefined", timeout=RUN_TIMEOUT_MS, polling=500)
        assert page.evaluate("window.__done") is True, page.evaluate("window.__done")
        state = page.evaluate(CELL_STATE, [rel, index])
        assert state["count"] and not state["errors"], state
        assert page.locator("#main.jp-mod-presentationMode, .jp-LabShell.jp-mod-presentationMode").count() == 1
        explorer = page.locator(".scocourse-test-explorer")
        explorer.locator(".widget-output").first.wait_for(timeout=30_000)
        page.wait_for_function(f"() => ({SIGNATURE})()", timeout=30_000)
        before = page.evaluate(SIGNATURE)
        moved = _move_first_control(page, explorer)
        page.wait_for_function(f"(b) => ({SIGNATURE})() !== b", arg=before, timeout=60_000)
        explorer.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"presentation-{path.stem}.png"))
    finally:
        page.evaluate(LEAVE_PRESENTATION)
    return (f"{path.stem}: presentation mode (text {shell['sizeBefore']:.0f} -> {shell['sizeAfter']:.0f} px), "
            f"projector charts, {moved} moved, output changed")


def _move_first_control(page, explorer) -> str:
    handle = explorer.locator(".noUi-handle").first
    if handle.count():
        handle.scroll_into_view_if_needed()
        before = handle.get_attribute("aria-valuenow")
        handle.focus()
        for _ in range(3):
            handle.press("ArrowRight")
        page.wait_for_timeout(300)
        if handle.get_attribute("aria-valuenow") == before:
            for _ in range(3):
                handle.press("ArrowLeft")
        return "slider"
    select = explorer.locator(".widget-dropdown select").first
    if select.count():
        options = select.locator("option").all_text_contents()
        current = select.evaluate("s => s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : ''")
        other = next(o for o in options if o != current)
        select.select_option(label=other)
        return "drop-down"
    button = explorer.locator(".widget-toggle-buttons button:not(.mod-active)").first
    button.click()
    return "toggle button"


def test_guide_describes_presentation_mode_not_rise():
    guide = (REPO / "docs" / "lecturers_guide.md").read_text(encoding="utf-8")
    assert "Presentation Mode" in guide and 'use_context("projector")' in guide
    assert not re.search(r"pip install jupyterlab_rise", guide), "the guide still recommends RISE for live slides"
