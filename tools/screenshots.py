"""Screenshots of the views for the README (docs/img/), taken in headless Chromium at 1400×1000.

Run from the repository root (Chromium and Playwright as for the browser tests)::

    PYTHONPATH=src:. python tools/screenshots.py

Writes ``coverage-view.png`` (Beihu on 2012-06-30, the first screen: its townships and streets),
``coverage-township.png`` (a click on 安和街道: its organizations) and ``overlaps-view.png`` (the top
people by posts under the load lens), each reduced to 256 colours so it stays small.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import orgnet
from tests.browser import Chromium

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
AS_OF = "2012-06-30"
SHOTS = [("coverage-view.png", "coverage", None), ("coverage-township.png", "coverage", "orgs:Region:R0019"),
         ("overlaps-view.png", "overlaps", None)]


def small_png(png: bytes) -> bytes:
    """The picture in 256 colours (the views use few: flat fills and text)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def main() -> int:
    net = orgnet.load(ROOT / "data" / "beihu")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Chromium(viewport=(1400, 1000)) as browser:
        for name, kind, screen in SHOTS:
            page = net.view(kind, AS_OF).save(Path(tmp) / f"{kind}.html")
            tab = browser.context.new_page()
            tab.goto(page.resolve().as_uri(), wait_until="load")
            tab.wait_for_function("window.orgnetReady === true")
            if screen:
                tab.evaluate("id => window.orgnetShow(id)", screen)
                tab.wait_for_function("window.orgnetReady === true")
            tab.wait_for_timeout(300)
            png = small_png(tab.screenshot())
            tab.close()
            (OUT / name).write_bytes(png)
            print(f"{OUT / name}: {len(png) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
