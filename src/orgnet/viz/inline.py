"""Views inline in Jupyter at kilobytes each: the vis-network library once per notebook.

A saved view (``View.save``) is one self-contained page with vis-network inline (about 690 KB of it).
Shown in a notebook, every view was that whole page again, so an executed notebook grew by megabytes.
Now the first view a kernel shows also defines the library in the notebook page, gzipped and base64'd
(``window.orgnetVis``, about 200 KB); every view is an empty sandboxed ``<iframe>`` and a short script
that unzips its own page (gzip, base64: kilobytes), puts the library back where the saved page has it,
and hands the iframe the whole page as ``srcdoc``. The iframe is the same page a saved view is, sandboxed
as before (scripts only). Chromium, Firefox and Safari unzip with ``DecompressionStream``.

A view shown without the library (its cell run again after the first view's output was cleared, in
the same kernel) waits for it a few seconds, then says in the cell to run the notebook from the top.

Examples
--------
>>> import orgnet
>>> from orgnet.viz.page import vis_assets
>>> view = orgnet.load("tests/data/tiny").view("ego", as_of="2012-06-30", person="P1")
>>> first = inline_html(view, vis_assets(), with_library=True)
>>> later = inline_html(view, vis_assets(), with_library=False)
>>> LIBRARY_ID in first, LIBRARY_ID in later, len(later) < 20_000 < len(view.html)
(True, False, True)
>>> js, css = library_blocks(vis_assets())
>>> unpack(packed_page(view.html, vis_assets())) == view.html.replace(js, JS_MARK).replace(css, CSS_MARK)
True
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import uuid

from ..glossary import words

#: Where the saved page has vis-network's script and stylesheet, in the packed page.
JS_MARK = "<!--orgnet:vis-network.js-->"
CSS_MARK = "<!--orgnet:vis-network.css-->"
#: The ``<script>`` that defines the library in the notebook page.
LIBRARY_ID = "orgnet-vis-network"
#: Views a kernel has shown inline with the library (the first carries it).
_shown_library: list[bool] = []

UNPACK_JS = """function (b64) {
    var bytes = Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); });
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  }"""

LIBRARY_JS = """<script id="%(id)s">
window.orgnetVis = window.orgnetVis || (function () {
  var unpack = %(unpack)s;
  return Promise.all([unpack("%(js)s"), unpack("%(css)s")]).then(function (p) { return { js: p[0], css: p[1] }; });
})();
</script>"""

VIEW_JS = """<iframe id="%(frame)s" title="%(title)s" style="width:100%%;height:%(height)spx;border:1px solid #e0e0e0" \
sandbox="allow-scripts"></iframe>
<script>
(function () {
  var unpack = %(unpack)s;
  var frame = document.getElementById("%(frame)s"), tries = 0;
  function show(vis) {
    unpack("%(page)s").then(function (page) {
      frame.srcdoc = page.replace("%(js_mark)s", function () { return "<script>" + vis.js + "<\\/script>"; })
                         .replace("%(css_mark)s", function () { return "<style>" + vis.css + "</style>"; });
    });
  }
  (function wait() {
    if (window.orgnetVis) { window.orgnetVis.then(show); return; }
    if (++tries > 100) {
      var note = document.createElement("p");
      note.textContent = %(missing)s;
      frame.replaceWith(note);
      return;
    }
    setTimeout(wait, 100);
  })();
})();
</script>"""


def packed(text: str) -> str:
    """``text`` gzipped (no timestamp: the same text packs the same) and base64'd."""
    return base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)).decode("ascii")


def unpack(b64: str) -> str:
    """The text ``packed`` packed."""
    return gzip.decompress(base64.b64decode(b64)).decode("utf-8")


def library_blocks(assets: tuple[str, str]) -> tuple[str, str]:
    """The saved page's ``<script>`` and ``<style>`` blocks holding vis-network (``assets``: its js, css)."""
    js, css = assets
    return f"<script>{js}</script>", f"<style>{css}</style>"


def packed_page(page: str, assets: tuple[str, str]) -> str:
    """The page with its vis-network blocks replaced by the marks, packed."""
    js_block, css_block = library_blocks(assets)
    return packed(page.replace(js_block, JS_MARK, 1).replace(css_block, CSS_MARK, 1))


def library_html(assets: tuple[str, str]) -> str:
    """The ``<script>`` defining the library in the notebook page (``window.orgnetVis``)."""
    js, css = assets
    return LIBRARY_JS % {"id": LIBRARY_ID, "unpack": UNPACK_JS, "js": packed(js), "css": packed(css)}


def inline_html(view, assets: tuple[str, str], with_library: bool, height: int = 650) -> str:
    """The view for a notebook cell: a sandboxed iframe filled from the packed page (and, when
    ``with_library``, the library first). A page without the library blocks stays whole (``View.iframe``)."""
    js_block, css_block = library_blocks(assets)
    if view.html.count(js_block) != 1 or view.html.count(css_block) != 1:
        return view.iframe(height)
    missing = words("inline_needs_library", "zh") + " " + words("inline_needs_library", "en")
    out = VIEW_JS % {"frame": f"orgnet-view-{uuid.uuid4().hex[:12]}", "title": html.escape(view.title),
                     "height": int(height), "unpack": UNPACK_JS, "page": packed_page(view.html, assets),
                     "js_mark": JS_MARK, "css_mark": CSS_MARK,
                     "missing": json.dumps(missing).replace("<", "\\u003c").replace(">", "\\u003e")}
    return (library_html(assets) + "\n" + out) if with_library else out


def notebook_html(view, assets: tuple[str, str], height: int = 650) -> str:
    """What a view shows in Jupyter: the library with the first view this kernel shows, then without."""
    first = not _shown_library
    _shown_library.append(True)
    return inline_html(view, assets, with_library=first, height=height)
