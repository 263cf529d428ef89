"""The Cypher script replayed into an empty real embedded FalkorDB reproduces the subgraph."""

from __future__ import annotations

import json

import pytest

from kg.export import cypher_literal, cypher_script, cypher_string, export, replay_cypher, select, split_cypher
from kg.models import Graph
from kg.queries import load_pack, run_query
from kg.store.base import edge_row, node_row

from ..conftest import LINFEN
from .conftest import HOSTILE_NAMES


def norm(props: dict) -> dict:
    """FalkorDB stores doubles exactly but prints them with 15 digits in replies."""
    return {k: float(f"{v:.15g}") if isinstance(v, float) else v for k, v in props.items()}


def stored(store) -> tuple[dict, dict]:
    nodes = {r["props"]["id"]: (sorted(r["labels"]), norm(r["props"])) for r in
             store.query("MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS props")}
    edges = {(r["s"], r["t"], r["type"]): norm(r["props"]) for r in
             store.query("MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS s, b.id AS t, type(r) AS type, properties(r) AS props")}
    return nodes, edges


def expected(graph: Graph) -> tuple[dict, dict]:
    nodes = {}
    for n in graph.nodes:
        row = node_row(n)
        nodes[n.id] = (sorted(["Entity", n.type] + ([n.subtype] if n.subtype else [])), norm({"id": n.id, **row["props"]}))
    edges = {(e.source, e.target, e.type): norm(edge_row(e)["props"]) for e in graph.edges}
    return nodes, edges


def test_hostile_names_replay_exactly(hostile, fresh_embedded):
    script = cypher_script(hostile)
    n = replay_cypher(script, fresh_embedded)
    assert n == len(split_cypher(script))
    got_nodes, got_edges = stored(fresh_embedded)
    want_nodes, want_edges = expected(hostile)
    assert got_nodes == want_nodes
    assert got_edges == want_edges
    names = {p["name"] for _, p in got_nodes.values()}
    assert set(HOSTILE_NAMES) <= names
    # the injection attempts were data, not statements: nothing was deleted, nothing else created
    assert fresh_embedded.query("MATCH (n) RETURN count(n) AS c")[0]["c"] == len(hostile.nodes) + 1  # + KGMeta
    meta = fresh_embedded.query("MATCH (m:KGMeta) RETURN properties(m) AS p")[0]["p"]
    assert hostile.meta.items() <= meta.items()  # plus the load state a store's load records
    # doubles are stored exactly (only replies round them)
    share = hostile.nodes[2].properties["share"]
    assert fresh_embedded.query("MATCH (n:Entity {id: $id}) RETURN n.share = $v AS eq", {"id": hostile.nodes[2].id, "v": share})[0]["eq"]


def test_corpus_chain_replays_with_evidence_and_answers_the_pack(corpus, fresh_embedded, tmp_path):
    sel = select(corpus.graph, chain="氢能产业链")
    path = export(sel, tmp_path / "h.cypher", "cypher")
    replay_cypher(path.read_text(encoding="utf-8"), fresh_embedded)
    assert stored(fresh_embedded) == expected(sel.graph)
    rows = run_query(fresh_embedded, "chain_leaders", {"chain": "氢能"})
    assert [(r["enterprise"], r["city"], r["doc"], r["line"]) for r in rows if r["chain"] == "氢能产业链"] == [
        ("晋南钢铁集团", "临汾市", LINFEN, 248)]


def test_replayed_corpus_answers_every_pack_query_like_a_loaded_one(corpus, embedded, fresh_embedded):
    replay_cypher(cypher_script(corpus.graph), fresh_embedded)
    assert fresh_embedded.counts() == embedded.counts()
    ran = 0
    for name, q in load_pack().items():
        if any(p.required for p in q.params.values()) or "KGMeta" in q.cypher:
            continue  # KGMeta says how the graph got there (load vs script), not what it holds
        key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False, default=str)  # noqa: E731
        assert sorted(run_query(fresh_embedded, name), key=key) == sorted(run_query(embedded, name), key=key), name
        ran += 1
    assert ran >= 1


def test_literals_are_escaped_for_both_dialects():
    assert cypher_string("a'b\"c\\d\ne\r\tf") == "'a\\'b\"c\\\\d\\ne\\r\\tf'"
    assert cypher_string("晋南“链主”😀") == "'晋南“链主”😀'"  # no \\u escapes: FalkorDB has none
    assert cypher_literal([1, 2.0, True, None, "x"]) == "[1, 2.0, true, null, 'x']"
    assert cypher_literal(1e-05) == "1e-05" and cypher_literal(300.0) == "300.0"


def test_split_respects_strings_and_comments():
    script = "// a; comment\nCREATE (n {a: 'x;y', b: \"p;q\\\";\"}); /* c; */ RETURN 1;\nRETURN `a;b`"
    assert split_cypher(script) == ["CREATE (n {a: 'x;y', b: \"p;q\\\";\"})", "RETURN 1", "RETURN `a;b`"]


def test_script_is_one_statement_per_line(hostile):
    lines = [ln for ln in cypher_script(hostile).splitlines() if ln and not ln.startswith("//")]
    assert all(ln.endswith(";") for ln in lines)
    assert [ln[:-1] for ln in lines] == split_cypher(cypher_script(hostile))


def test_script_uses_no_parameters_and_plain_labels(hostile):
    script = cypher_script(hostile)
    assert "$" not in script.replace("$x$", "")
    assert "AS r CREATE (n:Entity:Platform:KeyLaboratory {id: r.id}) SET n += r.props;" in script
    # a property name that is no identifier gets its own statement with a back-quoted SET
    assert "SET n.`a b` = " in script and "SET x.`quote'` = " in script


@pytest.mark.parametrize("batch", [1, 7])
def test_batched_hostile_names_replay_the_same_graph(hostile, fresh_embedded, batch):
    for item in [*hostile.nodes, *hostile.edges]:  # plain property names only: every row batched
        item.properties = {k: v for k, v in item.properties.items() if k not in ("a b", "quote'")}
    script = cypher_script(hostile, batch=batch)
    assert "SET n.`" not in script and "SET x.`" not in script
    replay_cypher(script, fresh_embedded)
    assert stored(fresh_embedded) == expected(hostile)
    assert {p["name"] for _, p in stored(fresh_embedded)[0].values()} >= set(HOSTILE_NAMES)
