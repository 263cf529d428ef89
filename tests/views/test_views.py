"""Views without a browser: what each view selects, how it is laid out, what the page carries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg import select as sel
from kg import views
from kg.errors import KGError
from kg.models import Edge, Evidence, Graph, Node
from kg.synth import synthetic_graph

from ..conftest import LINFEN

HYDROGEN = "氢能产业链"
LEADER = "晋南钢铁集团"


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def by_name(view: views.View, name: str) -> Node:
    return next(n for n in view.graph.nodes if n.name == name)


# ------------------------------------------------------------------ selections


def test_chain_view_of_hydrogen(corpus):
    view = views.chain_view(corpus.graph, HYDROGEN)
    names = {n.name for n in view.graph.nodes}
    # 依托晋南钢铁集团作为氢能产业链“链主”企业 (line 248); partners of its projects (line 250)
    assert {LEADER, HYDROGEN, "临汾市", "氢能产业科技创新链"} <= names
    idx = view.graph.node_index()
    leads = [(idx[e.source].name, e.evidence[0].line) for e in view.graph.edges if e.type == "LEADS_CHAIN"]
    assert (LEADER, 248) in leads
    # 专栏 8 lists two stage sequences: 钢铁-焦化-化工-氢能 (line 254), 氢能制备-储存-运输-加注-终端利用 (255)
    lv = {idx[i].name: lvl for i, lvl in view.levels.items()}
    assert lv[LEADER] < lv[HYDROGEN] < lv["氢能产业科技创新链"] < lv["氢能制备"]
    assert [lv[s] for s in ("氢能制备", "储存", "运输", "加注", "终端利用")] == [4, 5, 6, 7, 8]
    assert [lv[s] for s in ("钢铁", "焦化", "化工", "氢能")] == [4, 5, 6, 7]
    assert view.focus == [by_name(view, HYDROGEN).id]


def test_stage_sequences_follow_the_tables(corpus):
    g = corpus.graph
    idx = g.node_index()
    ichain = next(n for n in g.nodes if n.type == "InnovationChain" and n.name == "氢能产业科技创新链")
    seqs = [[idx[i].name for i in s] for s in sel.stage_sequences(g, ichain.id)]
    assert ["钢铁", "焦化", "化工", "氢能"] in seqs
    assert ["氢能制备", "储存", "运输", "加注", "终端利用"] in seqs
    lines = Path("seeds/plans", LINFEN).read_text(encoding="utf-8").splitlines()
    assert "钢铁-焦化-化工-氢能" in lines[253] and "氢能制备-储存-运输-加注-终端利用" in lines[254]


def test_shared_stage_in_several_sequences(corpus):
    """钢铁 starts three sequences of the equipment chain (lines 244-246): one node, three runs."""
    g = corpus.graph
    idx = g.node_index()
    [ichain] = [n for n in g.nodes if n.type == "InnovationChain" and n.name == "新一代装备制造业科技创新链"]
    seqs = [[idx[i].name for i in s] for s in sel.stage_sequences(g, ichain.id)]
    for middle in ("锻造", "铸造", "钢铁材料"):
        assert ["钢铁", middle, "系统集成", "整合(套)装备"] in seqs


def test_chains_of_a_city_keep_to_that_city(corpus):
    g = corpus.graph
    view = views.chain_view(g, None, "临汾市")
    cities = {n.name for n in view.graph.nodes if n.type == "City"}
    assert cities == {"临汾市"}
    assert HYDROGEN in {n.name for n in view.graph.nodes}
    assert all(n.city in (None, "临汾市") for n in view.graph.nodes)
    everything = views.chain_view(g)
    assert {n.id for n in view.graph.nodes} <= {n.id for n in everything.graph.nodes}
    assert len({n.id for n in everything.graph.nodes if n.type == "IndustryChain"}) == sum(
        1 for n in g.nodes if n.type == "IndustryChain")


def test_ego_view_hops(corpus):
    g = corpus.graph
    one = views.ego_view(g, LEADER, 1)
    two = views.ego_view(g, LEADER, 2)
    leader = by_name(one, LEADER)
    neighbours = {e.target for e in g.edges if e.source == leader.id} | {e.source for e in g.edges if e.target == leader.id}
    assert {n.id for n in one.graph.nodes} == neighbours | {leader.id}
    assert {n.id for n in one.graph.nodes} <= {n.id for n in two.graph.nodes}
    assert HYDROGEN in {n.name for n in one.graph.nodes}
    assert one.focus == [leader.id]
    with pytest.raises(KGError, match="hops"):
        views.ego_view(g, LEADER, -1)


def test_city_view(corpus):
    view = views.city_view(corpus.graph, "临汾")
    assert view.title.startswith("临汾市")
    assert all(n.city == "临汾市" or n.type != "Enterprise" or any(
        view.focus[0] in (e.source, e.target) for e in view.graph.edges if n.id in (e.source, e.target))
        for n in view.graph.nodes)
    assert LEADER in {n.name for n in view.graph.nodes}


def test_collaboration_view(corpus):
    g = corpus.graph
    view = views.collaboration_view(g)
    collab = [e for e in g.edges if e.type == "COLLABORATES_WITH"]
    assert len(view.graph.edges) == len(collab)
    assert {e.type for e in view.graph.edges} == {"COLLABORATES_WITH"}
    idx = g.node_index()
    # 晋南钢铁与中国华能合作建设 … 光伏项目 (line 250)
    pairs = {frozenset((idx[e.source].name, idx[e.target].name)) for e in collab}
    assert frozenset((LEADER, "中国华能")) in pairs
    page = page_data(views.to_html(view))
    assert all(e["arrows"] == {"to": {"enabled": False}} for e in page["edges"])  # symmetric: no arrow


def test_query_view(corpus, embedded):
    view = views.query_view(corpus.graph, embedded, "chain_leaders", {"chain": "氢能"})
    assert {n.name for n in view.graph.nodes} >= {LEADER, HYDROGEN}
    assert "chain=氢能" in view.title
    with pytest.raises(KGError, match="naming no entity"):
        views.query_view(corpus.graph, embedded, "chain_leaders", {"chain": "没有这条链"})


def test_select_view_rejects_mixed_options(corpus):
    with pytest.raises(KGError, match="choose one view"):
        views.select_view(corpus.graph, chain=HYDROGEN, ego=LEADER)
    with pytest.raises(KGError, match="--hops"):
        views.select_view(corpus.graph, chain=HYDROGEN, hops=2)
    assert views.select_view(corpus.graph, chain="all").kind == "chain"
    assert views.select_view(corpus.graph, city="临汾市").kind == "city"
    assert views.select_view(corpus.graph).kind == "graph"


# ------------------------------------------------------------------ the page


def test_page_is_self_contained(corpus):
    html = views.to_html(views.chain_view(corpus.graph, HYDROGEN))
    # nothing loads from anywhere: no external src/href, no @import, no url() but data:, and a
    # Content-Security-Policy that would block any request that slipped through
    assert not re.search(r"""\b(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)""", html, re.I)
    assert not re.search(r"<link\b|<iframe\b|@import", html, re.I)
    urls = re.findall(r"url\(\s*['\"]?([^'\")]*)", html)
    assert urls and all(u.startswith("data:") for u in urls)
    assert "default-src 'none'" in html and "connect-src" not in html
    assert "new vis.Network" in html and "cdn.jsdelivr" not in html and "cdnjs" not in html


def test_page_carries_styles_tooltips_and_labels(corpus):
    from kg.ontology import RELATIONS, class_style

    view = views.chain_view(corpus.graph, HYDROGEN)
    data = page_data(views.to_html(view))
    nodes = {n["label"]: n for n in data["nodes"]}
    leader = nodes[LEADER]
    st = class_style("Enterprise")
    assert leader["color"]["background"] == st.color and leader["shape"] == st.shape
    assert nodes[HYDROGEN]["shape"] == class_style("IndustryChain").shape
    # tooltip: name, class (zh + en), city, evidence doc:line and quote, as plain text
    tip = leader["title"]
    assert tip.startswith(LEADER + "\n") and "企业 · enterprise" in tip and "临汾市" in tip
    node = by_name(view, LEADER)
    first = node.evidence[0]
    assert f"{first.doc}:{first.line} “{first.quote}”" in tip
    # edge labels come from the ontology's zh labels; the tooltip holds the evidence
    leads = next(e for e in data["edges"] if e["rel"] == "LEADS_CHAIN")
    assert leads["label"] == RELATIONS["LEADS_CHAIN"].label_zh
    assert f"{LINFEN}:248" in leads["title"]
    # legend: every class of the view once, zh + en
    legend = views.legend(view.graph)
    assert {i["cls"] for i in legend} == {views.style(n.type, n.subtype).cls for n in view.graph.nodes}
    assert {"cls": "Enterprise", "zh": "企业", "en": "enterprise"}.items() <= next(
        i for i in legend if i["cls"] == "Enterprise").items()


def test_platform_subclasses_share_the_platform_legend_entry():
    ev = [Evidence(doc="x.txt", line=1, quote="x")]
    g = Graph(nodes=[Node(id="p1", type="Platform", subtype="KeyLaboratory", name="甲重点实验室", evidence=ev),
                     Node(id="p2", type="Platform", subtype="PilotBase", name="乙中试基地", evidence=ev),
                     Node(id="x", type="NotAClass", name="未知", evidence=ev)], edges=[])
    legend = views.legend(g)
    assert [(i["cls"], i["count"]) for i in legend] == [("Platform", "2"), ("NotAClass", "1")]
    assert "重点实验室 · key laboratory" in views.node_tooltip(g.nodes[0])


def test_names_cannot_break_out_of_the_page():
    evil = "</script><script>alert(1)</script><!--"
    ev = [Evidence(doc="x.txt", line=1, quote=evil)]
    g = Graph(nodes=[Node(id="a", type="Enterprise", name=evil, city="<b>市</b>", evidence=ev),
                     Node(id="b", type="Enterprise", name="<img src=x onerror=alert(1)>", evidence=ev)],
              edges=[Edge(source="a", target="b", type="COLLABORATES_WITH", evidence=ev)])
    html = views.to_html(views.graph_view(g, title=evil))
    head, body = html.split("</head>", 1)
    title = re.search(r"<title>(.*?)</title>", head, re.S).group(1)
    assert "<" not in title and "&lt;/script&gt;" in title
    assert "<img" not in body and "<b>" not in body and "<!--" not in body and "alert(1)</" not in body
    assert body.count("</script>") == 2 and body.count("<script") == 2  # the data and our code
    data = page_data(html)
    assert sorted(n["label"] for n in data["nodes"]) == sorted(n.name for n in g.nodes)


def test_large_views_get_a_precomputed_layout():
    g = synthetic_graph(views.LAYOUT_THRESHOLD + 1)
    data = page_data(views.to_html(views.graph_view(g)))
    assert data["meta"]["layout"] == "precomputed" and data["options"]["physics"] == {"enabled": False}
    xy = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(xy) == len(g.nodes) and len(set(xy)) > 0.95 * len(xy)  # placed, hardly any stacked
    small = page_data(views.to_html(views.graph_view(synthetic_graph(100))))
    assert small["meta"]["layout"] == "physics" and small["options"]["physics"]["enabled"] is True
    assert small["options"]["physics"]["stabilization"]["iterations"] <= 100
    assert all("x" in n for n in small["nodes"])  # physics starts from the Python layout


def test_large_chain_view_keeps_columns():
    g = synthetic_graph(1500)
    view = views.chain_view(g)
    assert len(view.graph.nodes) > views.LAYOUT_THRESHOLD
    data = page_data(views.to_html(view))
    x = {n["id"]: n["x"] for n in data["nodes"]}
    idx = view.graph.node_index()
    for e in view.graph.edges:
        if e.type == "NEXT_STAGE":
            assert x[e.source] < x[e.target], (idx[e.source].name, idx[e.target].name)
        if e.type in ("LEADS_CHAIN", "IN_CHAIN") and idx[e.source].type == "Enterprise":
            assert x[e.source] < x[e.target]


def test_size_cap_points_to_gephi_exports():
    g = synthetic_graph(300)
    with pytest.raises(KGError) as exc:
        views.to_html(views.graph_view(g), max_nodes=200)
    msg = str(exc.value)
    assert "300 nodes" in msg and "200" in msg and "graphml" in msg and "gexf" in msg


def test_empty_view_is_an_error():
    with pytest.raises(KGError, match="empty"):
        views.to_html(views.graph_view(Graph()))


def test_precomputed_layout_separates_components():
    g = synthetic_graph(800)
    pos = views.precomputed_layout(g)
    assert set(pos) == {n.id for n in g.nodes}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    # spread over a canvas proportional to the graph, not collapsed to a point
    assert max(xs) - min(xs) > 1000 and max(ys) - min(ys) > 1000
