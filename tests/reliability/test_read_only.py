"""Read-only execution: pack queries and `kg query` cannot write, free-form `kg cypher` runs
read-only unless --write is given. Two layers are checked separately: the runner's guard
(kg.queries.write_clause) refuses before anything is sent, and the embedded store's read-only
path (GRAPH.RO_QUERY) refuses on its own should a write ever get past the guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError, StoreError
from kg.queries import ensure_read_only, load_pack, run_cypher, run_query, write_clause
from kg.store.falkordb import FalkorDBStore
from kg.store.neo4j import Neo4jStore

from kg.store.testing import BoltFalkorDB

from .conftest import hostile_graph

WRITES = [
    "MATCH (n) DETACH DELETE n",
    "match (n) detach delete n",
    "MATCH (n:Entity)\nSET n.name = 'x'",
    "MATCH (n:Entity) REMOVE n.name RETURN n",
    "MERGE (x:Pwned {a: 1})",
    "CREATE (:Pwned)",
    "WITH 1 AS x\tCrEaTe (:Pwned) RETURN x",
    "/* read */ CREATE (:Pwned)",
    "// comment\nCREATE (:Pwned)",
    "RETURN 'a' AS s UNION CALL { CREATE (:Pwned) } RETURN 'b' AS s",
    "MATCH (n:Entity) WITH collect(n) AS ns FOREACH (x IN ns | SET x.pwned = true)",
    "MATCH (n:Entity) WITH n LIMIT 1 CALL { WITH n DELETE n } RETURN 1",
    "LOAD CSV FROM 'file:///etc/passwd' AS row CREATE (:Pwned {r: row})",
    "CALL db.idx.fulltext.createNodeIndex('Entity', 'name')",
    "CALL db.idx.fulltext.drop('Entity')",
]
"""Statements that write, spelled the ways a guard could miss: case, tabs and newlines,
comments before, subqueries, FOREACH, LOAD CSV, index procedures."""

READS = [
    ("RETURN 'CREATE (n) DETACH DELETE n' AS s", [{"s": "CREATE (n) DETACH DELETE n"}]),
    ("RETURN 1 AS one // CREATE (:Pwned)", [{"one": 1}]),
    ("RETURN 1 AS one /* MERGE (:Pwned) */", [{"one": 1}]),
    ("RETURN \"it's SET\" AS s", [{"s": "it's SET"}]),
    ("WITH 'a\\' AS y CREATE (:Pwned) //' AS x RETURN x", [{"x": "a' AS y CREATE (:Pwned) //"}]),  # \' escapes
    ("MATCH (n:Entity {name: $name}) RETURN n.name AS name", [{"name": "晋南钢铁集团"}]),
]
"""Reads whose text mentions write keywords only inside strings or comments: allowed (the guard
reads a backslash-escaped quote as FalkorDB does)."""


def dump(store) -> tuple:
    """Everything a write could change, in a comparable form."""
    nodes = store.query("MATCH (n) RETURN labels(n) AS l, n.id AS id, n.name AS name ORDER BY id, name")
    rels = store.query("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b ORDER BY a, t, b")
    idx = store.query("CALL db.indexes() YIELD label, properties RETURN label, properties ORDER BY label")
    return json.dumps(nodes, ensure_ascii=False, sort_keys=True), json.dumps(rels, ensure_ascii=False), json.dumps(idx)


@pytest.mark.parametrize("cypher", WRITES)
def test_guard_and_store_each_refuse_writes(embedded: FalkorDBStore, cypher: str):
    before = dump(embedded)
    assert write_clause(cypher) is not None, cypher
    with pytest.raises(QueryError, match=r"would write \(.+\); queries run read-only"):
        run_cypher(embedded, cypher)
    try:  # past the guard, straight to the store's read-only path
        embedded.query(cypher, {})
    except StoreError:
        pass
    assert dump(embedded) == before


@pytest.mark.parametrize("cypher,rows", READS)
def test_reads_mentioning_write_words_in_strings_and_comments_run(embedded: FalkorDBStore, cypher: str, rows: list):
    assert write_clause(cypher) is None
    assert run_cypher(embedded, cypher, {"name": "晋南钢铁集团"}) == rows


PACK_ARGS = {
    "chain_profile": {"chain": "氢能"}, "city_overview": {"city": "临汾市"}, "entity_profile": {"name": "晋南钢铁"},
    "evidence": {"source": "晋南钢铁集团", "target": "氢能产业链"}, "path": {"a": "晋南钢铁集团", "b": "长治市"},
    "search": {"q": "钢铁"},
}


def test_every_pack_query_runs_and_changes_nothing(embedded: FalkorDBStore):
    before = dump(embedded)
    pack = load_pack()
    for name in pack:
        rows = run_query(embedded, name, PACK_ARGS.get(name, {}))
        assert isinstance(rows, list)
    assert dump(embedded) == before
    assert len(pack) >= 15


def test_a_pack_with_a_writing_query_is_refused_at_load(tmp_path: Path):
    head = "// ---\n// name: {n}\n// title: {{zh: 写, en: write}}\n// description: x\n// columns: [x]\n// ---\n"
    (tmp_path / "evil.cypher").write_text(head.format(n="evil") + "MATCH (n) DETACH DELETE n RETURN 1 AS x\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"evil\.cypher would write \(DETACH\)"):
        load_pack(tmp_path)
    other = tmp_path / "variant"
    other.mkdir()
    (other / "sneaky.cypher").write_text(head.format(n="sneaky") + "RETURN 1 AS x\n// variant: neo4j\nCREATE (:Pwned) RETURN 1 AS x\n",
                                         encoding="utf-8")
    with pytest.raises(QueryError, match=r"sneaky\.cypher \(neo4j variant\) would write \(CREATE\)"):
        load_pack(other)


def test_cli_cypher_is_read_only_unless_write(fresh_embedded: FalkorDBStore, tmp_path: Path):
    fresh_embedded.load(hostile_graph())
    data = str(tmp_path / "kg-data")  # tests/conftest.py: fresh_embedded lives there
    before = dump(fresh_embedded)
    runner = CliRunner()
    res = runner.invoke(app, ["cypher", "MATCH (n) DETACH DELETE n", "--data", data])
    assert res.exit_code == 1 and "would write (DETACH)" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["cypher", "CREATE (:Note {text: $t})", "-p", "t=x", "--data", data])
    assert res.exit_code == 1 and "would write (CREATE)" in res.output
    assert dump(fresh_embedded) == before
    text = '"}) DETACH DELETE n // <script>'
    res = runner.invoke(app, ["cypher", "--write", "CREATE (:Note {text: $t}) RETURN 1 AS ok", "-p", f"t={text}", "--data", data])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["cypher", "MATCH (n:Note) RETURN n.text AS t", "-f", "json", "--data", data])
    assert json.loads(res.stdout) == [{"t": text}]
    assert fresh_embedded.counts() == hostile_graph().counts()  # the Note is no Entity: entities untouched
    res = runner.invoke(app, ["query", "search", "-p", "q=x", "-p", "limit=1; DROP", "--data", data])
    assert res.exit_code == 1 and "parameter limit must be int" in res.output
    res = runner.invoke(app, ["query", "../../queries/evil", "--data", data])  # only pack names, no paths
    assert res.exit_code == 1 and "no query named '../../queries/evil'" in res.output


def test_guard_protects_a_store_that_does_not_enforce_read_only(bolt: BoltFalkorDB):
    """FalkorDB over Bolt ignores a session's READ access mode: a write sent there is written
    (shown with the bare driver). The runner's guard refuses before anything is sent, from the
    API and from the CLI, and the adapter refuses a writing statement run read-only as well.

    (Measured quirks of FalkorDB 4.16's Bolt endpoint: it takes the RUN message's first extra key
    as the graph name, so READ sessions ({"mode": "r"}) use a graph named `mode` and WRITE sessions
    the graph `falkordb`; and after a client disconnects, the next new connection's handshake
    hangs (every other one), so this test keeps to one driver and its pooled connection.)"""
    import neo4j

    store = Neo4jStore(bolt.uri)
    try:
        with store.driver.session(default_access_mode=neo4j.READ_ACCESS) as s:
            s.run("CREATE (:Pwned)").consume()  # READ access mode, and yet it is written
            assert s.run("MATCH (p:Pwned) RETURN count(p) AS n").single()["n"] == 1
        store.query("CREATE (:Entity {id: 'a', name: 'kept'})", write=True)
        with pytest.raises(QueryError):
            run_cypher(store, "MATCH (n) DETACH DELETE n")
        with pytest.raises(StoreError):
            store.query("MATCH (n) DETACH DELETE n")  # past the guard: the adapter's own check
        for args in (["cypher", "MATCH (n) DETACH DELETE n"], ["cypher", "MATCH (n) DETACH DELETE n RETURN 1", "-f", "json"]):
            res = CliRunner().invoke(app, [*args, "--store", "neo4j", "--uri", bolt.uri])
            assert res.exit_code == 1 and "would write (DETACH)" in res.output
        assert store.query("MATCH (n) RETURN n.name AS name", write=True) == [{"name": "kept"}]
    finally:
        store.close()


def test_ensure_read_only_names_what_it_refused():
    with pytest.raises(QueryError, match=r"^my query would write \(LOAD CSV\); queries run read-only$"):
        ensure_read_only("load csv FROM 'x' AS r RETURN r", "my query")
