"""Open a page in headless Chromium from ``file://`` and record what a person would see.

Uses Playwright's Python package as a DevTools-protocol client for Debian's ``chromium`` (no browser
download: ``executable_path`` points at the system browser). ``open_page`` records console errors,
page errors, every request that is not ``file:``/``data:``/``about:``/``blob:`` (and blocks it),
dialogs (and dismisses them), a screenshot of the network canvas, and how long the layout took to
stop moving.

``require_chromium()`` skips a test when Chromium or Playwright is missing, with a reason, except
under CI (``CI=true``), where it fails instead.

Run by hand::

    python -m tests.browser report.html shot.png
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

#: Chromium flags the issue names (``--headless`` is added by Playwright).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-default-apps", "--disable-sync", "--no-default-browser-check"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium_path() -> str | None:
    """``$ORGNET_CHROMIUM``, else the first Chromium on PATH."""
    env = os.environ.get("ORGNET_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_reason() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[test]')"
    if chromium_path() is None:
        return "Chromium is not installed (apt-get install chromium, or set ORGNET_CHROMIUM)"
    return None


def require_chromium() -> str:
    """The Chromium path; skip the test (fail it under CI) when browser tests cannot run."""
    from tests.conftest import IN_CI

    reason = missing_reason()
    if reason:
        if IN_CI:
            pytest.fail(f"browser tests must run under CI: {reason}")
        pytest.skip(reason)
    return chromium_path()


@dataclass
class PageRun:
    """What happened when a page was opened."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # non-local requests (all blocked)
    dialogs: list[str] = field(default_factory=list)
    ready_seconds: float | None = None  # until the network object existed and had drawn
    settled_seconds: float | None = None  # until positions stopped changing
    canvas_png: bytes = b""
    page_png: bytes = b""  # the whole page, top to bottom
    frame_png: bytes = b""  # the iframe holding the network, on screen (reports)
    canvas_std: float = 0.0  # pixel standard deviation over the canvas (0 = blank)
    canvas_ink: float = 0.0  # share of canvas pixels that differ from its background
    texts: dict[str, str] = field(default_factory=dict)  # selector → inner text
    tooltip: str | None = None
    tooltip_markup: int | None = None  # elements other than <br> inside the tooltip (0: text only)
    node_count: int | None = None
    evaluated: object = None  # what ``open_page(evaluate=...)`` returned


def pixel_stats(png: bytes) -> tuple[float, float]:
    """(standard deviation, share of pixels unlike the most common colour) of a PNG."""
    import matplotlib.image as mpimg
    import numpy as np

    img = mpimg.imread(io.BytesIO(png), format="png")[..., :3]
    flat = (img.reshape(-1, 3) * 255).round().astype(np.int32)
    keys = flat[:, 0] * 65536 + flat[:, 1] * 256 + flat[:, 2]
    values, counts = np.unique(keys, return_counts=True)
    background = values[counts.argmax()]
    return float(img.std()), float((keys != background).mean())


SETTLE_JS = """async (limit) => {
  // performance.now() counts from the start of navigation, so these are times since the page began loading
  while (!(window.orgnetNetwork && window.orgnetReady)) {
    if (performance.now() > limit) return null;
    await new Promise(r => setTimeout(r, 25));
  }
  const ready = performance.now();
  const snap = () => JSON.stringify(window.orgnetNetwork.getPositions());
  let before = snap(), since = ready;
  while (true) {
    await new Promise(r => setTimeout(r, 1000));
    const now = snap();
    if (now === before) return [ready, since, Object.keys(JSON.parse(now)).length];
    if (performance.now() > limit) return [ready, null, 0];
    before = now;
    since = performance.now();
  }
}"""

HOVER_JS = """(id) => {
  const net = window.orgnetNetwork;
  const p = net.getPositions([id])[id];
  const dom = net.canvasToDOM(p);
  const box = document.querySelector('#orgnet-canvas').getBoundingClientRect();
  return [box.left + dom.x, box.top + dom.y];
}"""


class Chromium:
    """One headless Chromium (fresh ``--user-data-dir``) for several pages; use as a context manager.

    Every request that is not ``file:``, ``data:``, ``about:`` or ``blob:`` is blocked and recorded.
    """

    def __init__(self, viewport=(1280, 800)):
        self.viewport = viewport

    def __enter__(self) -> Chromium:
        from playwright.sync_api import sync_playwright

        self._profile = tempfile.TemporaryDirectory(prefix="orgnet-chromium-")
        self._pw = sync_playwright().start()
        try:
            self.context = self._pw.chromium.launch_persistent_context(
                self._profile.name, executable_path=require_chromium(), headless=True, args=FLAGS,
                viewport={"width": self.viewport[0], "height": self.viewport[1]}, service_workers="block")
            self.context.route(lambda u: not u.startswith(LOCAL_SCHEMES), lambda route: route.abort())
        except BaseException:
            self._pw.stop()
            self._profile.cleanup()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.context.close()
        finally:
            self._pw.stop()
            self._profile.cleanup()

    def open_page(self, path: Path, *, frame_selector: str | None = None, hover_node: str | None = None,
                  texts: tuple[str, ...] = (), settle_limit_ms: int = 20000, screen: str | None = None,
                  evaluate: str | None = None) -> PageRun:
        """Open ``path`` from ``file://`` and record a ``PageRun``.

        ``frame_selector`` names an ``<iframe>`` that holds the network (the report); ``screen`` opens
        that screen of a view that drills down (``window.orgnetShow``) before anything is recorded;
        ``hover_node`` moves the mouse over that node and records the tooltip; ``texts`` are CSS
        selectors whose inner text is recorded (in the top page); ``evaluate`` is a JavaScript
        expression evaluated in the top page, its value kept in ``evaluated``.
        """
        url = Path(path).resolve().as_uri()
        run = PageRun(url)
        page = self.context.new_page()
        try:
            page.on("console", lambda m: run.console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: run.page_errors.append(str(e)))
            page.on("request", lambda r: run.requests.append(r.url) if not r.url.startswith(LOCAL_SCHEMES) else None)

            def on_dialog(dialog):
                run.dialogs.append(f"{dialog.type}: {dialog.message}")
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.goto(url, wait_until="load")
            frame = page
            if frame_selector:  # bring the frame on screen first: Chromium pauses drawing in hidden frames
                handle = page.wait_for_selector(frame_selector)
                handle.scroll_into_view_if_needed()
                frame = handle.content_frame()
                frame.wait_for_load_state("load")
            result = frame.evaluate(SETTLE_JS, settle_limit_ms)
            if screen and result:
                frame.evaluate("id => window.orgnetShow(id)", screen)
                frame.wait_for_function("window.orgnetReady === true", timeout=settle_limit_ms)
                result = frame.evaluate(SETTLE_JS, settle_limit_ms)
            if result:
                run.ready_seconds = result[0] / 1000
                run.settled_seconds = None if result[1] is None else result[1] / 1000
                run.node_count = result[2]
            canvas = frame.locator("#orgnet-canvas canvas")
            if canvas.count():
                run.canvas_png = canvas.first.screenshot()
                run.canvas_std, run.canvas_ink = pixel_stats(run.canvas_png)
            if hover_node and result:
                self._hover(page, frame, frame_selector, hover_node, run)
            for selector in texts:
                run.texts[selector] = page.locator(selector).first.inner_text()
            if evaluate:
                run.evaluated = page.evaluate(evaluate)
            if frame_selector:
                run.frame_png = page.locator(frame_selector).screenshot()
            page.evaluate("window.scrollTo(0, 0)")
            run.page_png = page.screenshot(full_page=True)
            page.wait_for_timeout(200)  # let late console messages arrive
        finally:
            page.close()
        return run

    @staticmethod
    def _hover(page, frame, frame_selector, node, run: PageRun) -> None:
        x, y = frame.evaluate(HOVER_JS, node)
        if frame_selector:
            box = page.locator(frame_selector).bounding_box()
            x, y = x + box["x"], y + box["y"]
        page.mouse.move(x - 3, y - 3)
        page.mouse.move(x, y)
        tip = frame.locator("div.vis-tooltip")
        for _ in range(30):
            page.wait_for_timeout(100)
            if tip.count() and tip.first.is_visible():
                break
        if tip.count():
            run.tooltip = tip.first.inner_text()
            run.tooltip_markup = tip.first.evaluate("t => t.querySelectorAll('*:not(br)').length")


def open_page(path: Path, **options) -> PageRun:
    """Open one page in a Chromium of its own (see ``Chromium.open_page``)."""
    with Chromium() as browser:
        return browser.open_page(path, **options)


if __name__ == "__main__":  # pragma: no cover - a tool for looking at pages by hand
    page = Path(sys.argv[1])
    shot = Path(sys.argv[2]) if len(sys.argv) > 2 else page.with_suffix(".png")
    report = open_page(page, frame_selector="iframe" if "report" in page.name else None)
    shot.write_bytes(report.page_png)
    if report.frame_png:
        shot.with_name(shot.stem + "-frame.png").write_bytes(report.frame_png)
    print(f"ready {report.ready_seconds}s, settled {report.settled_seconds}s, nodes {report.node_count}, "
          f"canvas std {report.canvas_std:.3f} ink {report.canvas_ink:.3f}, errors {report.console_errors + report.page_errors}, "
          f"requests {report.requests}, dialogs {report.dialogs} → {shot}")
