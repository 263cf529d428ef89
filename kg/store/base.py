"""The graph-store interface and the row shapes every adapter writes.

Storage model (both backends): one node per entity, labelled with its ontology class (and its
platform subclass), properties `id, name, type, subtype, city, aliases` plus the entity's scalar
properties, and evidence as parallel lists `ev_docs, ev_lines, ev_quotes` (queries return them)
and the full list as JSON in `evidence`. Relationships carry the same evidence properties.
"""

from __future__ import annotations

import json
import logging
import re
from abc import ABC, abstractmethod
from collections import defaultdict
from typing import Any, Iterator

from kg.errors import StoreError
from kg.models import Edge, Evidence, Graph, Node

log = logging.getLogger(__name__)

ENTITY_LABEL = "Entity"
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def safe_ident(name: str) -> str:
    """Labels and relationship types go into query text, so they must be plain identifiers."""
    if not _IDENT.match(name):
        raise StoreError(f"refusing to use {name!r} as a label or relationship type")
    return name


def evidence_props(evidence: list[Evidence]) -> dict[str, Any]:
    return {
        "ev_docs": [e.doc for e in evidence],
        "ev_lines": [e.line for e in evidence],
        "ev_quotes": [e.quote for e in evidence],
        "evidence": json.dumps([e.model_dump() for e in evidence], ensure_ascii=False),
    }


def _scalar_props(props: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in props.items():
        if v is None:
            continue
        if isinstance(v, (str, int, float, bool)) or (isinstance(v, list) and all(isinstance(x, (str, int, float, bool)) for x in v)):
            out[k] = v
        else:
            out[k] = json.dumps(v, ensure_ascii=False)
    return out


def node_row(n: Node) -> dict[str, Any]:
    props = _scalar_props(n.properties)
    props.update(name=n.name, type=n.type, aliases=n.aliases)
    if n.subtype:
        props["subtype"] = n.subtype
    if n.city:
        props["city"] = n.city
    props.update(evidence_props(n.evidence))
    return {"id": n.id, "props": props}


def edge_row(e: Edge) -> dict[str, Any]:
    props = _scalar_props(e.properties)
    props.update(evidence_props(e.evidence))
    return {"s": e.source, "t": e.target, "props": props}


def node_groups(graph: Graph) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Rows grouped by label set, since labels cannot be query parameters."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for n in graph.nodes:
        labels = (safe_ident(n.type),) + ((safe_ident(n.subtype),) if n.subtype else ())
        groups[labels].append(node_row(n))
    return groups


def edge_groups(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in graph.edges:
        groups[safe_ident(e.type)].append(edge_row(e))
    return groups


def batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class GraphStore(ABC):
    """What the pipeline, the query runner, views and exports need from a store."""

    backend: str = "?"

    @abstractmethod
    def load(self, graph: Graph, *, replace: bool = True) -> dict[str, int]:
        """Write the graph (schema first, then batched UNWIND MERGE); return counts written."""

    @abstractmethod
    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        """Run Cypher, read-only unless `write`; rows as dicts in column order."""

    @abstractmethod
    def close(self) -> None: ...

    def counts(self) -> dict[str, dict[str, int]]:
        labels = self.query(f"MATCH (n:{ENTITY_LABEL}) RETURN n.type AS label, count(n) AS n ORDER BY label")
        rels = self.query("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type")
        return {"nodes": {r["label"]: r["n"] for r in labels}, "edges": {r["type"]: r["n"] for r in rels}}

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
