"""Shared fixtures: the corpus build (once per session) and real stores loaded with it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

from kg.pipeline import BuildResult, build
from kg.store.falkordb import FalkorDBStore

if TYPE_CHECKING:
    from kg.store.neo4j import Neo4jStore

LINFEN = "linfen-2022-innovation-ecosystem-plan.txt"


@pytest.fixture(scope="session")
def corpus() -> BuildResult:
    """The graph built from the bundled seeds/plans corpus."""
    return build()


@pytest.fixture(scope="session")
def embedded(corpus: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBStore]:
    """A real embedded FalkorDB (own server, own data folder) loaded with the corpus graph."""
    store = FalkorDBStore(tmp_path_factory.mktemp("kg-data"))
    store.load(corpus.graph)
    yield store
    store.close()


@pytest.fixture()
def fresh_embedded(tmp_path: Path) -> Iterator[FalkorDBStore]:
    """An empty embedded FalkorDB in its own folder, for tests that write."""
    store = FalkorDBStore(tmp_path / "kg-data")
    yield store
    store.close()


@pytest.fixture(scope="session")
def bolt_store(corpus: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator["Neo4jStore"]:
    """The Neo4j adapter (official driver, Bolt) loaded with the corpus graph, on a real Bolt
    server: FalkorDB with BOLT_PORT in its own folder (no Neo4j can be installed here). Queries
    must not return values over 64 KiB (FalkorDB's Bolt hangs on them); see docs/stores.md."""
    from kg.store.neo4j import Neo4jStore
    from kg.store.testing import BoltFalkorDB

    server = BoltFalkorDB(tmp_path_factory.mktemp("bolt-data")).start()
    store = Neo4jStore(uri=server.uri)
    store.load(corpus.graph)
    yield store
    store.close()
    server.stop()
