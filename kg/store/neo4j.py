"""Neo4j (server, cluster, Aura) through the official driver over Bolt."""

from __future__ import annotations

import logging
import os
from typing import Any

from kg.errors import StoreError
from kg.models import Graph
from kg.store.base import ENTITY_LABEL, GraphStore, batches, edge_groups, node_groups

log = logging.getLogger(__name__)


class Neo4jStore(GraphStore):
    backend = "neo4j"

    def __init__(self, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, *, batch_size: int = 50) -> None:
        import neo4j

        self.uri = uri or os.environ.get("NEO4J_URI") or "bolt://localhost:7687"
        user = user or os.environ.get("NEO4J_USER")
        password = password or os.environ.get("NEO4J_PASSWORD")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.batch_size = batch_size
        auth = (user, password or "") if user else None
        try:
            self.driver = neo4j.GraphDatabase.driver(self.uri, auth=auth)
            self.driver.verify_connectivity()
        except neo4j.exceptions.AuthError as exc:
            raise StoreError(f"Neo4j at {self.uri} refused the credentials for user {user!r}") from exc
        except (neo4j.exceptions.ServiceUnavailable, OSError) as exc:
            raise StoreError(f"cannot reach Neo4j at {self.uri}: {exc}") from exc
        except ValueError as exc:
            raise StoreError(f"bad Neo4j URI {self.uri!r}: {exc}") from exc

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        import neo4j

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        try:
            with self.driver.session(database=self.database, default_access_mode=mode) as s:
                return [dict(r) for r in s.run(cypher, params or {})]
        except neo4j.exceptions.Neo4jError as exc:
            raise StoreError(f"Neo4j refused the query: {exc.message or exc}") from exc

    def load(self, graph: Graph, *, replace: bool = True) -> dict[str, int]:
        if replace:
            self.query(f"MATCH (n:{ENTITY_LABEL}) DETACH DELETE n", write=True)
            self.query("MATCH (m:KGMeta) DELETE m", write=True)
        n_nodes = n_edges = 0
        for labels, rows in node_groups(graph).items():
            label_expr = ":".join((ENTITY_LABEL, *labels))
            for batch in batches(rows, self.batch_size):
                self.query(f"UNWIND $rows AS r MERGE (n:{label_expr} {{id: r.id}}) SET n += r.props", {"rows": batch}, write=True)
                n_nodes += len(batch)
        for rel, rows in edge_groups(graph).items():
            for batch in batches(rows, self.batch_size):
                self.query(
                    f"UNWIND $rows AS r MATCH (a:{ENTITY_LABEL} {{id: r.s}}) MATCH (b:{ENTITY_LABEL} {{id: r.t}}) "
                    f"MERGE (a)-[x:{rel}]->(b) SET x += r.props",
                    {"rows": batch}, write=True,
                )
                n_edges += len(batch)
        meta = {k: v for k, v in graph.meta.items() if isinstance(v, (str, int, float))}
        self.query("CREATE (m:KGMeta) SET m += $meta", {"meta": meta or {"built": "unknown"}}, write=True)
        return {"nodes": n_nodes, "edges": n_edges}

    def close(self) -> None:
        self.driver.close()
