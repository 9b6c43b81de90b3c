"""Pictures that answer at a glance (issue 21), proved in headless Chromium at 1400×1000.

For Beihu (data/beihu, 2012-06-30) and a generated dataset of 20,000 organizations: at first paint
every tile of the first screen is at least 8 px and filled with its own colour, each tile's label is
drawn whole inside the canvas at a size that reads; hovering a node leaves its colour as it was; the
header's counts equal those of ``gaps`` (computed here from the library's table); a click on a tile
opens that region (down to a township) and shows every organization of it, each at least 8 px with
its name readable. The overlaps view lists the people ``overlaps`` lists, top 50 by posts.
"""

from __future__ import annotations

import io

import pytest

import orgnet
from orgnet.generate import generate
from tests.viz.conftest import AS_OF, sample_path

pytestmark = pytest.mark.browser

WINDOW = (1400, 1000)
GHOSTLY = ("committee_required", "liaison_required", "party_without_women")


@pytest.fixture(scope="session")
def big(tmp_path_factory):
    """A generated dataset of 20,000 organizations (the scale profile: ten counties and districts)."""
    out = tmp_path_factory.mktemp("glance") / "g20k"
    generate("scale", 1, out, orgs=20_000)
    return orgnet.load(out)


@pytest.fixture(scope="session")
def beihu():
    return orgnet.load(sample_path("beihu"))


@pytest.fixture
def browser(chromium):
    """The session's Chromium (one Playwright per process); each tab is sized to 1400×1000."""
    return chromium


@pytest.fixture(params=["beihu", "big"])
def net(request):
    return request.getfixturevalue(request.param)


def open_tab(browser, path):
    tab = browser.context.new_page()
    tab.set_viewport_size({"width": WINDOW[0], "height": WINDOW[1]})
    errors = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.goto(path.resolve().as_uri(), wait_until="load")
    tab.wait_for_function("window.orgnetReady === true", timeout=30000)
    tab.wait_for_timeout(150)
    tab.errors = errors
    return tab


#: For every node on screen: its side in CSS pixels, its centre on the page, its label's box on the page,
#: the label's font size in pixels, and the canvas box.
LOOK_JS = """() => {
  const net = window.orgnetNetwork, scale = net.getScale();
  const box = document.querySelector('#orgnet-canvas').getBoundingClientRect();
  const out = {};
  for (const id of window.orgnetNodes.getIds()) {
    const n = net.body.nodes[id];
    const c = net.canvasToDOM({x: n.x, y: n.y});
    const s = n.labelModule.size;
    const a = net.canvasToDOM({x: s.left, y: s.top}), b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    out[id] = {side: 2 * n.options.size * scale, x: box.left + c.x, y: box.top + c.y,
               label: [box.left + a.x, box.top + a.y, box.left + b.x, box.top + b.y],
               font: n.options.font.size * scale, text: n.options.label, group: n.options.group || null,
               fill: n.options.color.background, hover: n.options.color.hover.background};
  }
  return {nodes: out, canvas: [box.left, box.top, box.right, box.bottom], screen: window.orgnetScreen};
}"""


def pixel(tab, x: float, y: float) -> tuple[int, int, int]:
    """The colour drawn at one point of the page."""
    import matplotlib.image as mpimg

    png = tab.screenshot(clip={"x": x - 1, "y": y - 1, "width": 3, "height": 3})
    img = mpimg.imread(io.BytesIO(png), format="png")
    return tuple(int(round(v * 255)) for v in img[1, 1, :3])


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def near(a, b, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def assert_readable(look: dict, ids: list[str], font_px: float) -> None:
    """Each node at least 8 px, its label inside the canvas and at least ``font_px`` high."""
    left, top, right, bottom = look["canvas"]
    for node in ids:
        n = look["nodes"][node]
        assert n["side"] >= 8, (node, n["side"])
        x0, y0, x1, y1 = n["label"]
        assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, (node, n["label"], look["canvas"])
        assert n["font"] >= font_px, (node, n["font"])


def test_first_screen_tiles_read_at_first_paint(browser, net, tmp_path):
    page = net.view("coverage", AS_OF).save(tmp_path / "coverage.html")
    tab = open_tab(browser, page)
    try:
        look = tab.evaluate(LOOK_JS)
        tiles = [k for k in look["nodes"] if k.startswith(("Region:", "Own:"))]
        assert tiles and len(tiles) == len(look["nodes"])
        assert_readable(look, tiles, font_px=11)
        for tile in tiles:  # each tile is painted in its own fill
            n = look["nodes"][tile]
            assert near(pixel(tab, n["x"], n["y"]), rgb(n["fill"])), tile
        assert not tab.errors, tab.errors
    finally:
        tab.close()


def test_hovering_keeps_the_colour(browser, net, tmp_path):
    page = net.view("coverage", AS_OF).save(tmp_path / "coverage.html")
    tab = open_tab(browser, page)
    try:
        look = tab.evaluate(LOOK_JS)
        tile = next(iter(look["nodes"]))
        n = look["nodes"][tile]
        spot = (n["x"] - n["side"] / 4, n["y"] - n["side"] / 4)  # up-left of the pointer: clear of the tooltip's shadow
        before = pixel(tab, *spot)
        tab.mouse.move(n["x"] - 3, n["y"] - 3)
        tab.mouse.move(n["x"], n["y"])
        tab.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        assert tab.evaluate("() => window.orgnetNetwork.getSelection && window.orgnetNetwork.body.nodes[%r].hover"
                            % tile)
        assert pixel(tab, *spot) == before and near(before, rgb(n["fill"]))
        assert n["hover"] == n["fill"]
    finally:
        tab.close()


def test_header_counts_equal_gaps(browser, net, tmp_path):
    gaps = net.gaps(AS_OF)
    expected = {"count-orgs": gaps.loc[gaps["org_id"] != "", "org_id"].nunique(), "count-rows": len(gaps),
                "count-missing": gaps.loc[gaps["rule"].isin(GHOSTLY), "org_id"].nunique()}
    expected |= {f"count-rows-{rule}": n for rule, n in gaps["rule"].value_counts().items()}
    page = net.view("coverage", AS_OF).save(tmp_path / "coverage.html")
    tab = open_tab(browser, page)
    try:
        shown = tab.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#orgnet-counts [id]')]
                                  .map(e => [e.id, [Number(e.dataset.value), e.innerText]]))""")
        assert {k: v[0] for k, v in shown.items() if k in expected} == expected
        assert "organizations with a gap" in shown["count-orgs"][1] and f"{expected['count-orgs']:,}" in shown["count-orgs"][1]
        assert "once per organization" in shown["count-missing"][1]
        assert "gap rows by rule" in shown["count-rows"][1]
        assert expected["count-missing"] < (gaps["rule"].isin(GHOSTLY)).sum()  # not one per gap row
    finally:
        tab.close()


def click(tab, look: dict, node: str) -> dict:
    """Click a node where it is drawn; return the new screen's look once it has drawn."""
    n = look["nodes"][node]
    tab.mouse.click(n["x"], n["y"])
    tab.wait_for_function("(s) => window.orgnetScreen !== s && window.orgnetReady === true", arg=look["screen"],
                          timeout=10000)
    tab.wait_for_timeout(150)
    return tab.evaluate(LOOK_JS)


def organizations_below(net, region: str) -> set[str]:
    regions = net.tables["regions"]
    kids: dict[str, list[str]] = {}
    for rid, parent in zip(regions["id"], regions["parent_id"].fillna("")):
        kids.setdefault(parent, []).append(rid)
    below, todo = set(), [region]
    while todo:
        r = todo.pop()
        below.add(r)
        todo += kids.get(r, [])
    orgs = net.tables["organizations"]
    return {f"Organization:{o}" for o in orgs.loc[orgs["region_id"].isin(below), "id"]}


def test_click_opens_a_township_and_its_organizations_read(browser, net, tmp_path):
    page = net.view("coverage", AS_OF).save(tmp_path / "coverage.html")
    levels = dict(zip(net.tables["regions"]["id"], net.tables["regions"]["level"]))
    tab = open_tab(browser, page)
    try:
        look = tab.evaluate(LOOK_JS)
        while True:  # county → township: click the first region tile until a township opens
            tile = next(k for k in look["nodes"] if k.startswith("Region:"))
            region = tile.split(":", 1)[1]
            look = click(tab, look, tile)
            if look["screen"].startswith("orgs:"):
                break
            assert look["screen"] == f"tiles:{tile}"
        assert levels[region] in ("township", "street", "park") and look["screen"] == f"orgs:{tile}"
        shown = {k for k in look["nodes"] if k.startswith("Organization:")}
        assert shown == organizations_below(net, region)
        top_rows = [k for k in shown if look["nodes"][k]["y"] < look["canvas"][3] - 40]
        assert len(top_rows) >= min(len(shown), 20)  # the first rows are on screen
        assert_readable(look, top_rows, font_px=10)
        assert tab.locator("#orgnet-back").is_visible() and tab.locator("#orgnet-where").inner_text().endswith(
            net.tables["regions"].set_index("id").loc[region, "name"])
        tab.locator("#orgnet-back").click()
        tab.wait_for_function("() => window.orgnetReady === true && window.orgnetScreen.startsWith('tiles:')")
        assert not tab.errors, tab.errors
    finally:
        tab.close()


def test_overlaps_view_lists_the_top_people(browser, net, tmp_path):
    listed = net.overlaps(AS_OF)
    top = listed.sort_values(["posts", "extra_posts", "person_id"], ascending=[False, False, True]).head(50)
    page = net.view("overlaps", AS_OF).save(tmp_path / "overlaps.html")
    tab = open_tab(browser, page)
    try:
        look = tab.evaluate(LOOK_JS)
        people = {k for k in look["nodes"] if k.startswith("Person:")}
        assert people == {f"Person:{p}" for p in top["person_id"]}
        first = f"Person:{top['person_id'].iloc[0]}"
        assert_readable(look, [first], font_px=11)
        assert top["person_name"].iloc[0] in look["nodes"][first]["text"]
        header = tab.locator("header").inner_text()
        assert "兼职负担" in header and "post load" in header and f"of {len(listed):,}" in header
    finally:
        tab.close()
