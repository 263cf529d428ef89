"""Shared fixtures: the corpus build (once per session) and real stores loaded with it."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from kg.pipeline import BuildResult, build
from kg.store.falkordb import FalkorDBStore

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
