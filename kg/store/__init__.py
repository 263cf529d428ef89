"""Graph stores: the embedded FalkorDB (default) and Neo4j over Bolt (docs/stores.md)."""

from __future__ import annotations

from pathlib import Path

from kg.errors import StoreError
from kg.store.base import GraphStore

STORES = ("embedded", "neo4j")


def open_store(kind: str = "embedded", *, data: Path | None = None, **neo4j_options: object) -> GraphStore:
    """Open a store by name: `embedded` (FalkorDB in ./.kg-data, or `data`) or `neo4j`
    (uri/user/password/database from the options or the NEO4J_* environment variables).
    Close it (or use it as a context manager) so the embedded server can stop."""
    if kind == "embedded":
        from kg.store.falkordb import FalkorDBStore

        return FalkorDBStore(data)
    if kind == "neo4j":
        from kg.store.neo4j import Neo4jStore

        return Neo4jStore(**{k: v for k, v in neo4j_options.items() if v is not None})  # type: ignore[arg-type]
    raise StoreError(f"unknown store {kind!r}; choose one of {', '.join(STORES)}")


__all__ = ["GraphStore", "STORES", "open_store"]
