"""Fixtures for export tests: a graph whose names try every injection we know of."""

from __future__ import annotations

import pytest

from kg.models import Edge, Evidence, Graph, Node

HOSTILE_NAMES = [
    "O'Brien \"quoted\" back\\slash \\' \\\\n",
    '"}) DETACH DELETE n //',
    "'}) MATCH (x) DETACH DELETE x //",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@A1",
    "'already quoted",
    "名称|管道*星号_下划线[链接](http://x) `code` $x$ #h ~~s~~ &amp;",
    "first line\nsecond line\r\nthird\tcol",
    "../../etc/passwd",
    "CON",
    "emoji 😀 and rtl \u202egnp.exe",
    "semi;colon; /* not a comment */ // nor this",
]


def ev(quote: str, line: int) -> list[Evidence]:
    return [Evidence(doc="hostile-plan.txt", line=line, quote=quote)]


def hostile_graph() -> Graph:
    """Hostile names on every kind of item, typed and awkward properties, an innovation chain
    with ordered stages. Every hostile string is also a quote and an id."""
    nodes: list[Node] = []
    edges: list[Edge] = []
    chain = Node(id="chain:'测试\"产业链\\", type="IndustryChain", name="测试'产业链\"|*", evidence=ev("测试产业链 <b>", 1))
    nodes.append(chain)
    for i, name in enumerate(HOSTILE_NAMES):
        nodes.append(Node(
            id=f"ent:{name}", type="Enterprise", name=name, aliases=[name[::-1], "别名;分号"], city="临汾市",
            properties={"rank": i, "share": i / 3, "listed": i % 2 == 0, "tags": [name, "x"], "extra": {"k": name},
                        "year": 2025 if i % 2 else "2025年", "a b": name, "label": f"L{i}", "note": None},
            evidence=ev(f"依托{name}作为“链主”", 10 + i),
        ))
        edges.append(Edge(source=f"ent:{name}", target=chain.id, type="LEADS_CHAIN" if i == 0 else "IN_CHAIN",
                          properties={"city": "临汾市", "weight": 1.5, "quote'": name} if i % 3 == 0 else {"city": name},
                          evidence=ev(f"{name}\\在链上", 100 + i)))
    nodes.append(Node(id="plat:实验室", type="Platform", subtype="KeyLaboratory", name="山西省<氢能>重点实验室",
                      city="临汾市", evidence=ev("建设山西省<氢能>重点实验室", 200)))
    edges.append(Edge(source=f"ent:{HOSTILE_NAMES[0]}", target="plat:实验室", type="HOSTS", evidence=ev("依托…建设", 201)))
    ic = Node(id="ichain:测试", type="InnovationChain", name="测试科技创新链", evidence=ev("专栏 8 测试科技创新链", 300))
    nodes.append(ic)
    edges.append(Edge(source=ic.id, target=chain.id, type="INNOVATION_CHAIN_OF", evidence=ev("构建测试科技创新链", 301)))
    prev = None
    for k, st in enumerate(["制氢", "储运|", "加氢站<", "燃料电池"], 1):
        sid = f"stage:测试/{st}"
        nodes.append(Node(id=sid, type="ChainStage", name=st, properties={"order": k}, evidence=ev(st, 310 + k)))
        edges.append(Edge(source=ic.id, target=sid, type="HAS_STAGE", properties={"order": k}, evidence=ev(st, 310 + k)))
        if prev:
            edges.append(Edge(source=prev, target=sid, type="NEXT_STAGE", evidence=ev(f"{prev}—{st}", 310 + k)))
        prev = sid
    nodes.append(Node(id="target:'x'", type="Target", name="研发经费投入强度", city="临汾市",
                      properties={"indicator": "研发经费投入强度", "value": 2.5, "unit": "%", "year": 2025, "baseline": -1},
                      evidence=ev("研发经费投入强度达到2.5%", 400)))
    return Graph(nodes=nodes, edges=edges, meta={"built_at": "2024-01-01T00:00:00+00:00", "documents": 1, "corpus": "abc'\\"})


@pytest.fixture()
def hostile() -> Graph:
    return hostile_graph()
