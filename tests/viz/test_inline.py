"""Views inline in Jupyter: the vis-network library once per notebook, each later view kilobytes; the
pieces put back together in a real browser draw the same network a saved view does."""

from __future__ import annotations

import re

import pytest

from orgnet.viz import inline
from orgnet.viz.page import vis_assets
from tests.viz.conftest import AS_OF


@pytest.fixture
def fresh_kernel(monkeypatch):
    """As in a kernel that has shown no view yet."""
    monkeypatch.setattr(inline, "_shown_library", [])


def library_count(text: str) -> int:
    """How many times the vis-network library is in ``text``: inline (a saved page) or packed."""
    js, css = vis_assets()
    return text.count(js[:2000]) + text.count(inline.packed(js)[:2000])


def test_first_view_carries_the_library_later_ones_do_not(tiny, fresh_kernel):
    first = tiny.view("ego", AS_OF, person="P1")._repr_html_()
    later = [tiny.view(kind, AS_OF)._repr_html_() for kind in ("coverage", "overlaps")]
    assert library_count(first) == 1 and [library_count(v) for v in later] == [0, 0]
    assert all(len(v) < 20_000 for v in later), [len(v) for v in later]  # kilobytes, not the library again
    assert len(first) < 300_000  # the library packed (690 KB inline)


def test_the_packed_page_is_the_saved_page(tiny, fresh_kernel):
    view = tiny.view("coverage", AS_OF)
    shown = view._repr_html_()
    page = inline.unpack(re.search(r'unpack\("([A-Za-z0-9+/=]{100,})"\)\.then\(function \(page\)', shown).group(1))
    js, css = vis_assets()
    assert page.replace(inline.JS_MARK, f"<script>{js}</script>").replace(inline.CSS_MARK, f"<style>{css}</style>") \
        == view.html
    assert 'sandbox="allow-scripts"' in shown


def test_a_page_without_the_library_stays_whole(tiny, fresh_kernel):
    view = tiny.view("ego", AS_OF, person="P1")
    view.html = view.html.replace(f"<script>{vis_assets()[0]}</script>", "<script>/* elsewhere */</script>")
    assert inline.notebook_html(view, vis_assets()).startswith("<iframe srcdoc=")


def notebook_page(tmp_path, outputs: list[str]):
    """A page holding cell outputs one after another, as a notebook shows them."""
    cells = "\n".join(f'<div class="output" id="out-{i}">{html}</div>' for i, html in enumerate(outputs, 1))
    path = tmp_path / "notebook.html"
    path.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{cells}</body></html>',
                    encoding="utf-8")
    return path


@pytest.mark.browser
def test_views_draw_from_one_library(chromium, tiny, tmp_path, fresh_kernel):
    """Three views, the library with the first only: each iframe draws all its nodes, offline."""
    views = [tiny.view("ego", AS_OF, person="P1"), tiny.view("coverage", AS_OF), tiny.view("overlaps", AS_OF)]
    path = notebook_page(tmp_path, [v._repr_html_() for v in views])
    page = chromium.context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_function("document.querySelectorAll('iframe[srcdoc]').length === 3", timeout=15000)
        for i, view in enumerate(views, 1):
            handle = page.wait_for_selector(f"#out-{i} iframe")
            handle.scroll_into_view_if_needed()
            frame = handle.content_frame()
            frame.wait_for_function("window.orgnetReady === true", timeout=15000)
            drawn = frame.evaluate("Object.keys(window.orgnetNetwork.getPositions()).length")
            assert drawn == len(view.nodes), view.kind
            assert frame.evaluate("document.getElementById('orgnet-title').textContent") == view.title
    finally:
        page.close()
    assert errors == []


@pytest.mark.browser
def test_a_view_without_the_library_says_what_to_do(chromium, tiny, tmp_path, fresh_kernel):
    view = tiny.view("ego", AS_OF, person="P1")
    path = notebook_page(tmp_path, [inline.inline_html(view, vis_assets(), with_library=False)])
    page = chromium.context.new_page()
    try:
        page.goto(path.as_uri(), wait_until="load")
        note = page.wait_for_selector("#out-1 p", timeout=20000)
        assert "run the notebook from the top" in note.inner_text()
        assert page.locator("#out-1 iframe").count() == 0
    finally:
        page.close()
