"""One behavioural suite for every store: embedded FalkorDB, the Neo4j adapter over a real Bolt
server, and a real Neo4j when NEO4J_URI is set. Expected contents are computed from the graph
(the extractor keeps improving); the facts asserted are ones the plans state."""

from __future__ import annotations

import pytest

from kg.errors import StoreError
from kg.models import Edge, Evidence, Graph, Node
from kg.queries import run_query
from kg.store.base import GraphStore, unique_items
from kg.store.testing import BOLT_DEFAULT_GRAPH

from ..conftest import LINFEN
from .conftest import LEADER_CLAUSE, XINZHOU, Opener, dump, expected, label_counts

HOSTILE = [
    '"}) DETACH DELETE n //',
    "'}) MATCH (x) DETACH DELETE x //",
    'O\'Brien "quoted" back\\slash \\\' \\\\n',
    "$name }) CREATE (:Pwned) //",
    "`) DETACH DELETE n //",
    "line one\nline two\r\n\tthree",
    "emoji 😀 𠀀 and 名称|管道",
    "很长的名字" * 60,
]


def ev(line: int, quote: str, doc: str = "hostile-plan.txt") -> list[Evidence]:
    return [Evidence(doc=doc, line=line, quote=quote)]


def hostile_graph() -> Graph:
    chain = Node(id="chain:氢能产业链", type="IndustryChain", name="氢能产业链", aliases=["氢能"], evidence=ev(1, "氢能产业链"))
    nodes, edges = [chain], []
    for i, name in enumerate(HOSTILE):
        n = Node(id=f"ent:{name}", type="Enterprise", name=name, aliases=[f"别名 {name[:6]}"], city="临汾市",
                 properties={"note": name, "rank": i, "share": 0.1 * i}, evidence=ev(10 + i, f"依托{name}作为“链主”企业"))
        nodes.append(n)
        edges.append(Edge(source=n.id, target=chain.id, type="LEADS_CHAIN", properties={"city": "临汾市"},
                          evidence=ev(10 + i, f"依托{name}作为“链主”企业")))
    return Graph(nodes=nodes, edges=edges, meta={"corpus": "hostile", "documents": 1, "built_at": "2024-01-01T00:00:00+00:00"})


# ------------------------------------------------------------------ the corpus


def test_corpus_loads_exactly_with_evidence(store: GraphStore, corpus):
    g = corpus.graph
    report = store.load(g)
    items = unique_items(g)
    assert (report["nodes"], report["edges"]) == (items.node_count, items.edge_count)
    assert dump(store) == expected(g)
    # the plan states it (linfen line 248): 晋南钢铁集团 is 链主 of the hydrogen chain in 临汾市
    rows = run_query(store, "chain_leaders", {"chain": "氢能"})
    assert [(r["enterprise"], r["chain"], r["city"], r["doc"], r["line"]) for r in rows] == [
        ("晋南钢铁集团", "氢能产业链", "临汾市", LINFEN, 248)]
    assert "依托晋南钢铁集团作为氢能产业链“链主”企业" in rows[0]["quote"]


def test_status_names_the_build_and_counts_per_label(store: GraphStore, corpus):
    g = corpus.graph
    assert store.status()["state"] == "empty"
    store.load(g)
    st = store.status()
    assert st["state"] == "done"
    assert (st["meta"]["corpus"], st["meta"]["built_at"], st["meta"]["documents"]) == (
        g.meta["corpus"], g.meta["built_at"], g.meta["documents"])
    assert st["labels"] == label_counts(g)
    assert st["counts"] == g.counts()
    assert st["labels"]["Enterprise"] == sum(1 for n in g.nodes if n.type == "Enterprise")


def test_loading_twice_changes_nothing(store: GraphStore, corpus):
    store.load(corpus.graph)
    first = dump(store)
    report = store.load(corpus.graph)
    assert dump(store) == first == expected(corpus.graph)
    assert store.query("MATCH (m:KGMeta) RETURN count(m) AS n") == [{"n": 1}]
    if report["method"] == "diff":  # the Neo4j adapter writes only what changed: nothing
        assert (report["written_nodes"], report["written_edges"], report["deleted_nodes"], report["deleted_edges"]) == (0, 0, 0, 0)


def test_rebuilt_corpus_replaces_stale_facts_and_keeps_shared_ones(store: GraphStore, corpus, edited):
    full, new = corpus.graph, edited.graph
    store.load(full)
    assert run_query(store, "chain_leaders", {"chain": "氢能"})  # the fact is there before the edit
    report = store.load(new)
    assert dump(store) == expected(new)
    # the edited line no longer names a 链主: the LEADS_CHAIN fact is gone ...
    assert run_query(store, "chain_leaders", {"chain": "氢能"}) == []
    # ... no evidence quotes the removed clause any more ...
    for pattern in ("MATCH (n:Entity) WHERE any(q IN n.ev_quotes WHERE q CONTAINS $c) RETURN count(n) AS n",
                    "MATCH ()-[r]->() WHERE any(q IN r.ev_quotes WHERE q CONTAINS $c) RETURN count(r) AS n"):
        assert store.query(pattern, {"c": LEADER_CLAUSE}) == [{"n": 0}]
    # ... while what the edited line still says stays, with its new quote
    still = [n for n in new.nodes if (LINFEN, 248) in {(e.doc, e.line) for e in n.evidence}]
    assert still, "the edited line 248 still states facts (the hydrogen innovation chain)"
    for n in still:
        rows = store.query("MATCH (n:Entity {id: $id}) RETURN n.ev_lines AS lines, n.ev_quotes AS quotes", {"id": n.id})
        assert 248 in rows[0]["lines"] and not any(LEADER_CLAUSE in q for q in rows[0]["quotes"]), n.id
    # nothing cites the removed plan any more ...
    assert store.query("MATCH (n:Entity) WHERE $doc IN n.ev_docs RETURN count(n) AS n", {"doc": XINZHOU}) == [{"n": 0}]
    assert store.query("MATCH ()-[r]->() WHERE $doc IN r.ev_docs RETURN count(r) AS n", {"doc": XINZHOU}) == [{"n": 0}]
    # ... and what it shared with another plan stays, with the other plan's evidence only
    shared = [n for n in full.nodes if XINZHOU in {e.doc for e in n.evidence} and len({e.doc for e in n.evidence}) > 1]
    assert shared, "the corpus has an entity that xinzhou's plan shares with another plan"
    for n in shared:
        rows = store.query("MATCH (n:Entity {id: $id}) RETURN n.ev_docs AS docs", {"id": n.id})
        assert rows and XINZHOU not in rows[0]["docs"] and rows[0]["docs"], n.id
    only_xinzhou = [n.id for n in full.nodes if {e.doc for e in n.evidence} == {XINZHOU}]
    assert only_xinzhou
    for i in range(0, len(only_xinzhou), 20):  # one request to FalkorDB's Bolt holds 4 KiB
        assert store.query("MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS n",
                           {"ids": only_xinzhou[i : i + 20]}) == [{"n": 0}]
    if report["method"] == "diff":
        assert report["deleted_nodes"] >= len(only_xinzhou)


def test_interrupted_load_then_rerun_ends_like_an_uninterrupted_one(store: GraphStore, corpus, edited):
    store.load(corpus.graph)
    calls = []

    def stop_after_two(phase: str, done: int, total: int) -> None:
        calls.append(phase)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.load(edited.graph, batch_size=50, progress=stop_after_two)
    meta = store.meta()
    if store.backend == "embedded":  # readers still see the old graph, whole and marked done
        assert meta["state"] == "done" and meta["built_at"] == corpus.graph.meta["built_at"]
        assert dump(store) == expected(corpus.graph)
        assert not store.graph_exists("kg__staging")  # the half-written staging graph was dropped
    else:  # the half-written graph is marked as loading, not done
        assert meta["state"] == "loading" and meta["built_at"] == edited.graph.meta["built_at"]
    store.load(edited.graph)
    assert dump(store) == expected(edited.graph)
    assert store.meta()["state"] == "done"


# ------------------------------------------------------------------ hostile and awkward graphs


def test_hostile_names_are_data(store: GraphStore):
    g = hostile_graph()
    store.load(g)
    assert dump(store) == expected(g)
    assert store.query("MATCH (n) WHERE NOT n:Entity AND NOT n:KGMeta RETURN count(n) AS n") == [{"n": 0}]
    for name in HOSTILE:
        rows = store.query("MATCH (n:Entity {id: $id})-[r:LEADS_CHAIN]->(c) RETURN n.name AS name, n.note AS note, "
                           "r.ev_quotes AS quotes", {"id": f"ent:{name}"})
        assert rows == [{"name": name, "note": name, "quotes": [f"依托{name}作为“链主”企业"]}]
    assert store.load(g)["nodes"] == len(g.nodes)
    assert dump(store) == expected(g)


def stored_evidence(store: GraphStore, opener: Opener) -> str:
    """The evidence JSON of ent:big as stored. Over FalkorDB's Bolt endpoint (the stand-in for a Bolt
    server) it is read on the server's own Redis side: that endpoint now and then returns a long string's
    last window two characters short (size() reads the stored length right; in one CI run three reads in
    a row came back short), a fault of the reply path, not of what the adapter wrote."""
    if opener.bolt is None:
        return store.query("MATCH (n:Entity {id: 'ent:big'}) RETURN n.evidence AS e")[0]["e"]
    r = opener.bolt.redis()
    try:
        _, rows, _ = r.execute_command("GRAPH.RO_QUERY", BOLT_DEFAULT_GRAPH,
                                       "MATCH (n:Entity {id: 'ent:big'}) RETURN n.evidence")
    finally:
        r.close()
    value = rows[0][0]
    return value.decode("utf-8") if isinstance(value, bytes) else value


def test_rows_larger_than_a_request(store: GraphStore, opener: Opener):
    """A node and a relationship with hundreds of evidence items and one very long quote: far
    beyond FalkorDB's 4 KiB Bolt request, so the Neo4j adapter writes them in pieces there."""
    long_quote = "依托晋南钢铁集团作为氢能产业链“链主”企业，" * 70  # ~6.5 KB, one list element
    many = [Evidence(doc=f"plan-{i % 7}.txt", line=i + 1, quote=f"第{i}行：支持‘企业’\"牵头\"组建创新联合体\\") for i in range(300)]
    evidence = [*many, Evidence(doc="plan-long.txt", line=999, quote=long_quote)]
    big = Node(id="ent:big", type="Enterprise", name="大型企业集团", aliases=[f"别名{i}" for i in range(200)], evidence=evidence)
    chain = Node(id="chain:x", type="IndustryChain", name="氢能产业链", evidence=many[:1])
    rel = Edge(source=big.id, target=chain.id, type="IN_CHAIN", properties={"note": "长" * 2000}, evidence=evidence)
    g = Graph(nodes=[big, chain], edges=[rel], meta={"corpus": "big"})
    store.load(g)
    want_nodes, want_edges = expected(g)
    n = store.query("MATCH (n:Entity {id: 'ent:big'}) RETURN size(n.ev_quotes) AS q, size(n.aliases) AS a, "
                    "size(n.evidence) AS j, n.ev_quotes[300] AS long, n.ev_quotes[17] AS q17, n.ev_lines AS lines, "
                    "n.alias_text AS alias_text, n.kg_scratch AS scratch")[0]
    props = want_nodes["ent:big"][1]
    assert (n["q"], n["a"], n["j"]) == (301, 200, len(props["evidence"]))
    assert (n["long"], n["q17"], n["lines"], n["alias_text"], n["scratch"]) == (
        long_quote, many[17].quote, props["ev_lines"], props["alias_text"], None)
    assert stored_evidence(store, opener) == props["evidence"]
    r = store.query("MATCH (:Entity {id: 'ent:big'})-[r:IN_CHAIN]->() RETURN r.note AS note, size(r.ev_docs) AS d, "
                    "r.ev_quotes[300] AS long")[0]
    assert (r["note"], r["d"], r["long"]) == ("长" * 2000, 301, long_quote)
    report = store.load(g)  # written completely the first time: nothing to redo
    if report["method"] == "diff":
        assert (report["written_nodes"], report["written_edges"]) == (0, 0)


def test_changed_class_and_dropped_property_are_replaced(store: GraphStore):
    v1 = Graph(nodes=[Node(id="plat:p", type="Platform", subtype="KeyLaboratory", name="氢能重点实验室",
                           properties={"level": "省级"}, evidence=ev(1, "氢能重点实验室"))])
    v2 = Graph(nodes=[Node(id="plat:p", type="Platform", subtype="EngineeringCenter", name="氢能重点实验室",
                           evidence=ev(2, "氢能工程技术研究中心"))])
    store.load(v1)
    store.load(v2)
    assert dump(store) == expected(v2)
    assert store.query("MATCH (n:KeyLaboratory) RETURN count(n) AS n") == [{"n": 0}]


def test_duplicates_merge_and_dangling_relationships_are_dropped(store: GraphStore):
    a1 = Node(id="ent:a", type="Enterprise", name="甲公司", evidence=ev(1, "甲公司"))
    a2 = Node(id="ent:a", type="Enterprise", name="甲公司", aliases=["甲"], evidence=ev(2, "甲公司二"))
    b = Node(id="chain:b", type="IndustryChain", name="乙产业链", evidence=ev(3, "乙产业链"))
    edges = [Edge(source="ent:a", target="chain:b", type="IN_CHAIN", evidence=ev(4, "甲乙")),
             Edge(source="ent:a", target="chain:b", type="IN_CHAIN", evidence=ev(5, "甲乙二")),
             Edge(source="ent:a", target="chain:missing", type="IN_CHAIN", evidence=ev(6, "甲丙"))]
    report = store.load(Graph(nodes=[a1, a2, b], edges=edges))
    assert (report["nodes"], report["edges"], report["dropped_edges"]) == (2, 1, 1)
    assert store.query("MATCH (n:Entity {id: 'ent:a'})-[r]->() RETURN n.ev_lines AS n, n.aliases AS a, r.ev_lines AS r") == [
        {"n": [1, 2], "a": ["甲"], "r": [4, 5]}]


# ------------------------------------------------------------------ reading


def test_search_finds_names_and_aliases(store: GraphStore, corpus):
    store.load(corpus.graph)
    assert "晋南钢铁集团" in [r["name"] for r in store.search_names("晋南钢铁")]
    with_alias = next(n for n in corpus.graph.nodes if n.aliases and n.aliases[0] not in n.name)
    assert with_alias.id in [r["id"] for r in store.search_names(with_alias.aliases[0], limit=50)]


def test_query_is_read_only_unless_asked(store: GraphStore, corpus):
    store.load(corpus.graph)
    with pytest.raises(StoreError):
        store.query("CREATE (:Pwned {x: 1})")
    assert store.query("MATCH (n:Pwned) RETURN count(n) AS n") == [{"n": 0}]
    assert store.query("MATCH (n:Entity {id: $id}) RETURN n.name AS name", {"id": corpus.graph.nodes[0].id}) == [
        {"name": corpus.graph.nodes[0].name}]


def test_graph_survives_reopening(opener: Opener, corpus):
    s = opener()
    s.load(corpus.graph)
    before = dump(s)
    opener.close_all()
    s2 = opener()
    assert dump(s2) == before
    assert s2.meta()["state"] == "done"
