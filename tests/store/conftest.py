"""Stores under test: the same behavioural suite runs against the embedded FalkorDB, the Neo4j
adapter over a real Bolt server (FalkorDB with BOLT_PORT), and a real Neo4j when NEO4J_URI is set."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import warnings
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from kg.config import PLANS
from kg.models import Graph
from kg.pipeline import BuildResult, build
from kg.store.base import GraphStore, edge_row, node_row, unique_items
from kg.store.falkordb import FalkorDBStore
from kg.store.neo4j import HASH, Neo4jStore
from kg.store.testing import BoltFalkorDB

from ..conftest import LINFEN

XINZHOU = "xinzhou-2021-innovation-plan.txt"
LEADER_CLAUSE = "依托晋南钢铁集团作为氢能产业链“链主”企业"
NEO4J_SKIP = ("set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to run this suite against a real "
              "Neo4j; the tests delete everything in that database")
# the behaviour suite runs on every store there is: a real Neo4j only where one is configured (without
# one, the adapter's actionable error is asserted by test_neo4j.test_unreachable_server_is_one_clear_line)
ADAPTERS = ("embedded", "bolt") + (("neo4j",) if os.environ.get("NEO4J_URI") else ())


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltFalkorDB]:
    """A FalkorDB speaking Bolt, for this suite only (the shared `bolt_store` has its own)."""
    server = BoltFalkorDB(tmp_path_factory.mktemp("bolt-suite")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def edited(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The corpus rebuilt after two changes: xinzhou's plan removed, and linfen's line 248 edited
    so it no longer names 晋南钢铁集团 as 链主 of the hydrogen chain (lines 250 and 354 still
    name the company)."""
    folder = tmp_path_factory.mktemp("plans-edited")
    for p in sorted(PLANS.glob("*.txt")):
        if p.name != XINZHOU:
            shutil.copy2(p, folder / p.name)
    lines = (folder / LINFEN).read_text(encoding="utf-8").split("\n")
    assert LEADER_CLAUSE in lines[247]
    lines[247] = lines[247].replace(LEADER_CLAUSE + "，", "").replace(LEADER_CLAUSE, "")
    (folder / LINFEN).write_text("\n".join(lines), encoding="utf-8")
    manifest = yaml.safe_load((PLANS / "manifest.yaml").read_text(encoding="utf-8"))
    manifest["documents"] = [d for d in manifest["documents"] if d["file"] != XINZHOU]
    for d in manifest["documents"]:
        d["sha256"] = hashlib.sha256((folder / d["file"]).read_bytes()).hexdigest()
    (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return build(folder)


class Opener:
    """Opens stores of one adapter kind on one place (folder / server), like separate `kg` runs."""

    def __init__(self, kind: str, tmp_path: Path, bolt: BoltFalkorDB | None) -> None:
        self.kind, self.tmp_path, self.bolt = kind, tmp_path, bolt
        self.opened: list[GraphStore] = []

    def __call__(self) -> GraphStore:
        if self.kind == "embedded":
            s: GraphStore = FalkorDBStore(self.tmp_path / "kg-data")
        elif self.kind == "bolt":
            assert self.bolt is not None
            s = Neo4jStore(uri=self.bolt.uri)
        else:
            s = Neo4jStore()
        self.opened.append(s)
        return s

    def close_all(self) -> None:
        opened, self.opened = self.opened, []
        for s in reversed(opened):
            s.close()
            if self.bolt is not None:
                self.bolt.settle()  # FalkorDB's Bolt: the connection after a GOODBYE hangs otherwise


# FalkorDB's Bolt endpoint now and then stalls (kg/store/testing.py) and the driver has no read
# timeout, so a test on it could wait forever: a watchdog kills a server still in use after this
# many seconds (a test takes about 2), the blocked read then fails, and the test gets one rerun
# on a fresh server. A test that fails any other way, or twice, fails.
BOLT_WATCHDOG_S = 90.0
CONNECTION_LOST = ["cannot reach Neo4j at bolt://127.0.0.1", "ServiceUnavailable", "SessionExpired"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        spec = getattr(item, "callspec", None)
        if spec is not None and spec.params.get("opener") == "bolt":
            item.add_marker(pytest.mark.flaky(reruns=1, only_rerun=CONNECTION_LOST))


@pytest.fixture(params=ADAPTERS)
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    kind = request.param
    bolt = None
    if kind == "bolt":
        bolt = request.getfixturevalue("bolt_server")
        if not bolt.responsive():  # stalled, or killed by the watchdog of an earlier run
            bolt.restart()
        bolt.clear()
        watchdog = threading.Timer(BOLT_WATCHDOG_S, _stalled, (bolt, request.node.nodeid))
        watchdog.daemon = True
        watchdog.start()
    if kind == "neo4j":
        with Neo4jStore() as s:
            s.query("MATCH (n) DETACH DELETE n", write=True)
    op = Opener(kind, tmp_path, bolt)
    yield op
    op.close_all()
    if bolt is not None:
        watchdog.cancel()


def _stalled(bolt: BoltFalkorDB, test: str) -> None:
    warnings.warn(f"{test}: the Bolt server did not finish within {BOLT_WATCHDOG_S:.0f} s; killed it (stalled endpoint)")
    bolt.kill()


@pytest.fixture()
def store(opener: Opener) -> GraphStore:
    """An empty store of each adapter kind."""
    return opener()


# ------------------------------------------------------------------ comparing a store with a graph


def norm(props: dict[str, Any]) -> dict[str, Any]:
    """Replies print doubles with 15 digits; the adapter's bookkeeping hash is not graph data."""
    return {k: float(f"{v:.15g}") if isinstance(v, float) else v for k, v in props.items() if k != HASH}


def dump(store: GraphStore) -> tuple[dict[str, Any], dict[Any, Any]]:
    """Every node (labels, properties) and relationship (properties) in the store."""
    nodes = {r["id"]: (sorted(r["labels"]), norm(r["props"])) for r in
             store.query("MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props")}
    edges: dict[Any, Any] = {}
    for r in store.query("MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS s, type(r) AS t, b.id AS d, properties(r) AS props"):
        key = (r["s"], r["t"], r["d"])
        assert key not in edges, f"relationship {key} stored twice"
        edges[key] = norm(r["props"])
    return nodes, edges


def expected(graph: Graph) -> tuple[dict[str, Any], dict[Any, Any]]:
    """What a store must hold for `graph`: exactly the row shapes of kg.store.base."""
    items = unique_items(graph)
    nodes = {n.id: (sorted(["Entity", n.type] + ([n.subtype] if n.subtype else [])), norm({**node_row(n)["props"], "id": n.id}))
             for n in items.nodes}
    edges = {(e.source, e.type, e.target): norm(edge_row(e)["props"]) for e in items.edges}
    return nodes, edges


def label_counts(graph: Graph) -> dict[str, int]:
    out: dict[str, int] = {}
    for n in unique_items(graph).nodes:
        for label in (n.type, n.subtype):
            if label:
                out[label] = out.get(label, 0) + 1
    return dict(sorted(out.items()))
