"""The Neo4j adapter's connection handling, errors and request sizes, over a real Bolt server
(FalkorDB with BOLT_PORT) and, when NEO4J_URI is set, a real Neo4j."""

from __future__ import annotations

import os
import signal
import socket
import time

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.models import Evidence, Graph, Node
from kg.store.neo4j import FALKORDB_MAX_MESSAGE, MESSAGE_MARGIN, Neo4jStore, literal_size, request_size
from kg.store.testing import BoltFalkorDB

from .conftest import NEO4J_SKIP, dump, expected

real_neo4j = pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason=NEO4J_SKIP)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def bolt(bolt_server: BoltFalkorDB) -> BoltFalkorDB:
    bolt_server.clear()
    yield bolt_server
    bolt_server.settle()


def test_unreachable_server_is_one_clear_line():
    uri = f"bolt://127.0.0.1:{closed_port()}"
    t0 = time.perf_counter()
    with pytest.raises(StoreError, match=rf"cannot reach Neo4j at {uri}: .*refused.*NEO4J_URI"):
        Neo4jStore(uri=uri)
    assert time.perf_counter() - t0 < 20


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt+x://localhost"])
def test_unsupported_uri_is_refused(uri: str):
    with pytest.raises(StoreError, match="bad Neo4j URI"):
        Neo4jStore(uri=uri)


def test_routing_uri_to_a_server_that_does_not_route(bolt: BoltFalkorDB):
    uri = bolt.uri.replace("bolt://", "neo4j://")
    with pytest.raises(StoreError, match="routing information .* for a single server use bolt://"):
        Neo4jStore(uri=uri)


def test_environment_configures_the_connection(bolt: BoltFalkorDB, monkeypatch: pytest.MonkeyPatch, corpus):
    monkeypatch.setenv("NEO4J_URI", bolt.uri)
    monkeypatch.delenv("NEO4J_USER", raising=False)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    with Neo4jStore() as s:
        assert (s.uri, s.dialect) == (bolt.uri, "falkordb")
        s.load(corpus.graph)
        assert s.counts() == corpus.graph.counts()


def test_requests_stay_under_falkordbs_limit(bolt: BoltFalkorDB):
    """Every write request the adapter sends fits FalkorDB's 4 KiB Bolt buffer (past it the
    server crashes): many mid-sized rows, batched by size, and the server is still up after."""
    nodes = [Node(id=f"ent:{i}", type="Enterprise", name=f"山西第{i}号‘测试’\"企业\"集团有限公司", aliases=[f"测试{i}"] * 3,
                  evidence=[Evidence(doc="plan.txt", line=i + 1, quote=f"依托第{i}号企业作为\\氢能产业链'链主'企业" * 3)])
             for i in range(120)]
    g = Graph(nodes=nodes)
    sent: list[int] = []
    with Neo4jStore(uri=bolt.uri) as s:
        write = s._write

        def measured(text, params=None):
            sent.append(request_size(text, params or {}))
            return write(text, params)

        s._write = measured
        report = s.load(g)
        assert dump(s) == expected(g)
    assert bolt.alive() and report["written_nodes"] == 120
    assert max(sent) <= FALKORDB_MAX_MESSAGE - MESSAGE_MARGIN
    assert len(sent) < 120  # batched, not one request per row


def test_literal_sizes():
    assert literal_size("ab") == 4 and literal_size("晋") == 5 and literal_size("a'b") == 6
    assert literal_size([1, 22]) == 2 + (1 + 2) + (2 + 2)
    assert literal_size({"k": "v"}) == 2 + 1 + 4 + 3 + 2
    assert request_size("RETURN $x", {"x": "ab"}) == 7 + 9 + 1 + 2 + 4


def test_falkordb_parameters_cannot_inject(bolt: BoltFalkorDB):
    """FalkorDB's Bolt splices parameters into query text: the adapter escapes them, so a value
    that closes the string and adds a clause stays a value."""
    with Neo4jStore(uri=bolt.uri) as s:
        s.query("UNWIND range(1, 3) AS i CREATE (:Victim {i: i})", write=True)
        for v in ["x' MATCH (n:Victim) DETACH DELETE n //", "a\\'b", "back\\slash", "'"]:
            assert s.query("RETURN $v AS v", {"v": v}) == [{"v": v}]
        assert s.query("MATCH (n:Victim) RETURN count(n) AS n") == [{"n": 3}]
        with pytest.raises(StoreError, match="cannot carry the property name 'a b'"):
            s.query("RETURN $m AS m", {"m": {"a b": 1}})


def test_cli_load_and_status_over_bolt(bolt: BoltFalkorDB, corpus, tmp_path):
    path = corpus.graph.write_json(tmp_path / "graph.json")
    runner = CliRunner()
    res = runner.invoke(app, ["load", "--store", "neo4j", "--uri", bolt.uri, "--graph", str(path), "--batch-size", "20"])
    assert res.exit_code == 0, res.output
    assert f"loaded {len(corpus.graph.nodes)} nodes and {len(corpus.graph.edges)} relationships into neo4j" in res.output
    bolt.settle()
    res = runner.invoke(app, ["status", "--store", "neo4j", "--uri", bolt.uri, "--graph", str(path), "-f", "json"])
    bolt.settle()
    assert res.exit_code == 0, res.output
    import json

    st = json.loads(res.stdout)
    assert (st["state"], st["build"]["state"], st["server"]["dialect"]) == ("done", "current", "falkordb")
    assert st["counts"] == corpus.graph.counts()


def test_cli_errors_have_no_traceback(tmp_path, corpus):
    path = corpus.graph.write_json(tmp_path / "graph.json")
    uri = f"bolt://127.0.0.1:{closed_port()}"
    for args in (["load", "--graph", str(path)], ["status"]):
        res = CliRunner().invoke(app, [*args, "--store", "neo4j", "--uri", uri])
        assert res.exit_code == 1, res.output
        assert f"error: cannot reach Neo4j at {uri}" in " ".join(res.output.split())
        assert "Traceback" not in res.output


# ------------------------------------------------------------------ a real Neo4j only


@real_neo4j
def test_wrong_password_is_one_clear_line():
    with pytest.raises(StoreError, match="refused the credentials"):
        Neo4jStore(user=os.environ.get("NEO4J_USER", "neo4j"), password="certainly-not-the-password")


@real_neo4j
def test_wrong_database_is_one_clear_line():
    with pytest.raises(StoreError, match="has no database 'no_such_database_kg'"):
        Neo4jStore(database="no_such_database_kg")


@real_neo4j
def test_schema_is_created_in_neo4j_dialect(corpus):
    with Neo4jStore() as s:
        assert s.dialect == "neo4j"
        s.query("MATCH (n) DETACH DELETE n", write=True)
        s.load(corpus.graph)
        names = {r["name"] for r in s.query("SHOW CONSTRAINTS YIELD name RETURN name")}
        names |= {r["name"] for r in s.query("SHOW INDEXES YIELD name RETURN name")}
        assert {"kg_entity_id", "kg_entity_name", "kg_entity_names"} <= names
        assert "晋南钢铁集团" in [r["name"] for r in s.search_names("钢铁")]


def test_a_query_too_large_for_falkordbs_bolt_is_refused_not_sent(bolt: BoltFalkorDB):
    """A read query whose parameters pass FalkorDB's 4 KiB Bolt buffer would crash the server: the
    adapter refuses it with an error that says what to do, and the server stays up."""
    ids = [f"ent:山西第{i}号测试企业集团有限公司" for i in range(200)]
    with Neo4jStore(uri=bolt.uri) as s:
        with pytest.raises(StoreError, match=r"FalkorDB's Bolt limit is \d+ bytes\): split the parameters"):
            s.query("MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS n", {"ids": ids})
        assert s.query("MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS n", {"ids": ids[:10]}) == [{"n": 0}]
    assert bolt.alive()


def test_a_stalled_test_server_is_detected_and_replaced(tmp_path):
    """The test stand-in's recovery (tests/store/conftest.py's watchdog and rerun): a stalled
    server answers neither side, and `restart` gives a working one on a new port."""
    server = BoltFalkorDB(tmp_path / "bolt").start()
    try:
        assert server.responsive()
        os.kill(server.server.pid(), signal.SIGSTOP)  # what a stall looks like from outside
        assert not server.responsive()
        old_port = server.port
        server.restart()
        assert server.port != old_port and server.responsive()
        with Neo4jStore(uri=server.uri) as store:
            assert store.query("RETURN 1 AS one") == [{"one": 1}]
        server.settle()
    finally:
        server.stop()
