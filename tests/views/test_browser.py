"""Views opened in a real headless Chromium: drawn, complete, offline, quiet, and safe.

Every view type is written to HTML, opened from disk, waited for until vis-network has drawn
it (after physics settled), screenshotted and checked: the picture is not blank and shows the
class colours, the network holds exactly the view's nodes, the console has no error, and the
only request the page made was for its own file.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from kg import views
from kg.models import Edge, Evidence, Graph, Node
from kg.synth import synthetic_graph

from .browser import Browser, Page
from .conftest import keep_screenshot

pytestmark = pytest.mark.browser

HYDROGEN = "氢能产业链"
LEADER = "晋南钢铁集团"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>window.__pwned=1</script>"


def _rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def open_view(browser: Browser, view: views.View, folder: Path, name: str, keep: bool = True) -> tuple[Page, Image.Image]:
    """Write, open, wait for the drawing, screenshot; check what every view must satisfy."""
    path = views.write(view, folder / f"{name}.html")
    page = browser.open(path)
    shot = folder / f"{name}.png"
    img = Image.open(io.BytesIO(page.screenshot(shot))).convert("RGB")
    if keep:
        keep_screenshot(shot, name)

    n = len(view.graph.nodes)
    state = page.eval("""(() => { const v = window.kgView, net = v.network;
        const pos = net.getPositions();
        return {data: v.nodes.length, body: net.body.nodeIndices.length, edges: v.edges.length,
                placed: Object.values(pos).filter(p => isFinite(p.x) && isFinite(p.y)).length,
                stabilized: v.stabilized, physics: net.physics.options.enabled,
                legend: [...document.querySelectorAll('#kg-legend li')].map(li => li.dataset.cls)}; })()""")
    # the network holds, places and draws exactly the view's nodes and edges
    assert state["data"] == state["body"] == state["placed"] == n
    assert state["edges"] == len(view.graph.edges)
    assert state["stabilized"] and not state["physics"], "physics must stop once the layout settled"
    assert sorted(state["legend"]) == sorted({i["cls"] for i in views.legend(view.graph)})

    log = page.log()
    assert log.errors() == [], log.errors()
    assert all(u == page.url or u.startswith("data:") for u in log.requests), log.requests
    assert page.url in log.requests

    # not blank: the network area (legend masked) shows many colours, among them the classes'
    legend_box = page.eval("(() => { const r = document.getElementById('kg-legend').getBoundingClientRect();"
                           " return [r.left, r.top, r.right, r.bottom]; })()")
    net_top = int(page.eval("document.getElementById('kg-network').getBoundingClientRect().top")) + 1
    area = img.copy()
    area.paste((255, 255, 255), tuple(int(v) for v in legend_box))
    area = area.crop((0, net_top, img.width, img.height))
    colours = area.getcolors(maxcolors=1 << 20) or []
    inked = sum(c for c, rgb in colours if rgb != (255, 255, 255))
    assert len(colours) > 30 and inked > 0.002 * area.width * area.height, "screenshot looks blank"
    present = {rgb for _, rgb in colours}
    for item in views.legend(view.graph):
        want = _rgb(item["color"])
        assert any(max(abs(a - b) for a, b in zip(want, rgb)) <= 6 for rgb in present), f"no {item['cls']} drawn"
    return page, img


def node_id(view: views.View, name: str) -> str:
    return next(n.id for n in view.graph.nodes if n.name == name)


def hover_tooltip(page: Page, nid: str) -> dict:
    """Move the mouse onto a node and read vis-network's tooltip element."""
    xy = page.eval(f"""(() => {{ const net = window.kgView.network, id = {json.dumps(nid)};
        net.moveTo({{position: net.getPosition(id), scale: 1.2, animation: false}});
        const d = net.canvasToDOM(net.getPosition(id));
        const r = document.getElementById('kg-network').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }})()""")
    page.mouse("mouseMoved", xy[0] + 1, xy[1] + 1)
    page.mouse("mouseMoved", xy[0], xy[1])
    page.wait_for("(() => { const t = document.querySelector('.vis-tooltip');"
                  " return t && getComputedStyle(t).visibility === 'visible' && t.innerText.length > 0; })()", timeout=10)
    return page.eval(f"""(() => {{ const t = document.querySelector('.vis-tooltip');
        return {{text: t.innerText, elements: t.querySelectorAll('*').length - t.querySelectorAll('br').length,
                title: window.kgView.nodes.get({json.dumps(nid)}).title}}; }})()""")


def test_chain_view_in_browser(browser, shots, corpus):
    view = views.chain_view(corpus.graph, HYDROGEN)
    page, _ = open_view(browser, view, shots, "chain")
    # left to right: leader, chain, innovation chain, then the stages of 专栏 8 (line 255) in order
    xs = page.eval("(() => { const p = window.kgView.network.getPositions(); const n = window.kgView.nodes;"
                   " return n.get().map(d => [d.label, p[d.id].x]); })()")
    x = {}
    for label, px in xs:
        x.setdefault(label, px)
    assert x[LEADER] < x[HYDROGEN] < x["氢能产业科技创新链"] < x["氢能制备"] < x["储存"] < x["运输"] < x["加注"] < x["终端利用"]
    # the tooltip of the 链主 is its title, shown as text, with its evidence
    tip = hover_tooltip(page, node_id(view, LEADER))
    assert tip["elements"] == 0
    assert tip["text"].split() == tip["title"].split()
    assert LEADER in tip["text"] and "企业" in tip["text"] and "临汾市" in tip["text"]
    assert "linfen-2022-innovation-ecosystem-plan.txt:" in tip["text"]
    page.close()


def test_search_selects_and_zooms(browser, shots, corpus):
    view = views.chain_view(corpus.graph, HYDROGEN)
    page = browser.open(views.write(view, shots / "search.html"))
    page.type_text("#kg-search", "晋南钢铁")
    page.wait_for("document.getElementById('kg-search-info').textContent.length > 0")
    selected = page.eval("window.kgView.network.getSelectedNodes()")
    assert sorted(selected) == sorted(n.id for n in view.graph.nodes if "晋南钢铁" in n.name)
    assert node_id(view, LEADER) in selected
    assert page.eval("document.getElementById('kg-search-info').textContent").startswith(f"{len(selected)} ")
    page.close()


def test_chinese_glyphs_are_not_tofu(browser, shots, corpus):
    """Two different Chinese characters drawn in the view's font must differ from each other and
    from a character no font has (which is what a missing glyph, 'tofu', looks like)."""
    page = browser.open(views.write(views.chain_view(corpus.graph, HYDROGEN), shots / "glyphs.html"))
    face = json.dumps(views.FONT_FACE)
    sigs = page.eval(f"""(() => {{ const c = document.createElement('canvas'); c.width = 64; c.height = 64;
        const g = c.getContext('2d');
        return ['晋', '钢', '\\u{{10FFFD}}'].map(ch => {{ g.clearRect(0, 0, 64, 64); g.font = '48px ' + {face};
            g.fillText(ch, 4, 52); return Array.from(g.getImageData(0, 0, 64, 64).data).join(','); }}); }})()""")
    assert sigs[0] != sigs[1] and sigs[0] != sigs[2] and sigs[1] != sigs[2]
    assert page.eval("document.fonts.check('16px \"Noto Sans CJK SC\"', '晋')")
    page.close()


def test_ego_view_in_browser(browser, shots, corpus):
    view = views.ego_view(corpus.graph, LEADER, hops=2)
    page, _ = open_view(browser, view, shots, "ego")
    assert page.eval("window.kgView.meta.focus") == [node_id(view, LEADER)]
    page.close()


def test_city_view_in_browser(browser, shots, corpus):
    view = views.city_view(corpus.graph, "临汾市")
    page, _ = open_view(browser, view, shots, "city")
    page.close()


def test_collaboration_view_in_browser(browser, shots, corpus):
    view = views.collaboration_view(corpus.graph)
    page, _ = open_view(browser, view, shots, "collaboration")
    labels = page.eval("window.kgView.edges.get().map(e => e.rel)")
    assert set(labels) == {"COLLABORATES_WITH"}
    page.close()


def test_query_view_in_browser(browser, shots, corpus, embedded):
    view = views.query_view(corpus.graph, embedded, "chain_leaders", {"chain": "氢能"}, hops=1)
    names = {n.name for n in view.graph.nodes}
    assert {LEADER, HYDROGEN} <= names
    page, _ = open_view(browser, view, shots, "query")
    page.close()


def test_whole_graph_in_browser(browser, shots, corpus):
    view = views.graph_view(corpus.graph)
    page, _ = open_view(browser, view, shots, "graph")
    expected = "precomputed" if len(view.graph.nodes) > views.LAYOUT_THRESHOLD else "physics"
    assert page.eval("window.kgView.meta.layout") == expected
    page.close()


def test_large_view_uses_precomputed_layout(browser, shots):
    g = synthetic_graph(views.LAYOUT_THRESHOLD + 100)
    view = views.graph_view(g, "synthetic · 600 nodes")
    page, _ = open_view(browser, view, shots, "large")
    meta = page.eval("window.kgView.meta")
    assert meta["layout"] == "precomputed"
    opts = page.eval("JSON.parse(document.getElementById('kg-data').textContent).options.physics")
    assert opts == {"enabled": False}
    # nodes are where Python put them: physics never moved them
    moved = page.eval("""(() => { const p = window.kgView.network.getPositions();
        return window.kgView.nodes.get().filter(n => p[n.id].x !== n.x || p[n.id].y !== n.y).length; })()""")
    assert moved == 0
    page.close()


def _hostile_graph() -> Graph:
    ev = [Evidence(doc="hostile.txt", line=1, quote=f"依托{XSS_IMG}建设{XSS_SCRIPT}")]
    nodes = [
        Node(id="ent:img", type="Enterprise", name=XSS_IMG, city="临汾市", evidence=ev),
        Node(id="ent:script", type="Enterprise", name=XSS_SCRIPT, city="<b>城市</b>", evidence=ev),
        Node(id="chain:x", type="IndustryChain", name="氢能产业链 & <!-- 注释", evidence=ev),
    ]
    edges = [Edge(source="ent:img", target="chain:x", type="LEADS_CHAIN", evidence=ev),
             Edge(source="ent:script", target="chain:x", type="IN_CHAIN", evidence=ev)]
    return Graph(nodes=nodes, edges=edges)


def test_hostile_names_show_as_text(browser, shots):
    g = _hostile_graph()
    view = views.graph_view(g, f"title {XSS_IMG}")
    page, _ = open_view(browser, view, shots, "hostile", keep=False)
    # nothing ran, no element was made from a name, and the names arrived intact
    assert page.eval("typeof window.__pwned") == "undefined"
    assert page.eval("document.images.length") == 0
    assert page.eval("document.querySelectorAll('script').length") == 3  # vis, data, ours
    labels = page.eval("window.kgView.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(n.name for n in g.nodes)
    assert page.eval("document.getElementById('kg-title').textContent") == f"title {XSS_IMG}"
    assert not any(e.get("method") == "Page.javascriptDialogOpening" for e in browser.events(page.session))
    # the tooltip holds the name and quote as text: no element inside it
    tip = hover_tooltip(page, "ent:img")
    assert tip["elements"] == 0
    assert XSS_IMG in tip["text"] and XSS_SCRIPT in tip["text"]
    # searching for a hostile name selects it and writes only text
    page.type_text("#kg-search", "<img")
    page.wait_for("document.getElementById('kg-search-info').textContent.length > 0")
    assert page.eval("window.kgView.network.getSelectedNodes()") == ["ent:img"]
    assert page.eval("document.images.length") == 0
    assert page.log().errors() == []
    page.close()
