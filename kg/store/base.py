"""The graph-store interface and the row shapes every adapter writes.

Storage model (both backends, see docs/stores.md): one node per entity, labelled `:Entity` plus
its ontology class (and its platform subclass), properties `id, name, type, subtype, city,
aliases, alias_text` plus the entity's scalar properties, and evidence as parallel lists
`ev_docs, ev_lines, ev_quotes` (queries return them) and the full list as JSON in `evidence`.
Relationships carry the same evidence properties. One `:KGMeta` node records what was loaded
(corpus digest, build time) and the load state (`loading` / `done`).
"""

from __future__ import annotations

import json
import logging
import re
from json.encoder import encode_basestring as _json_str
from abc import ABC, abstractmethod
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from kg.errors import StoreError
from kg.models import Edge, Evidence, Graph, Node, union_evidence

log = logging.getLogger(__name__)

ENTITY_LABEL = "Entity"
EVIDENCE_KEYS = ("ev_docs", "ev_lines", "ev_quotes", "evidence")
META_LABEL = "KGMeta"
LOADING = "loading"
DONE = "done"
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

Progress = Callable[[str, int, int], None]
"""Called as progress(phase, done, total) while a load runs (phase: nodes, edges, ...)."""


def safe_ident(name: str) -> str:
    """Labels and relationship types go into query text, so they must be plain identifiers."""
    if not _IDENT.match(name):
        raise StoreError(f"refusing to use {name!r} as a label or relationship type")
    return name


def evidence_json(evidence: list[Evidence]) -> str:
    """json.dumps([{doc, line, quote}...], ensure_ascii=False), written out by hand: the same
    text (the C string encoder, default separators) at a third of the cost, which matters at
    millions of rows."""
    return "[" + ", ".join([f'{{"doc": {_json_str(e.doc)}, "line": {int(e.line)}, "quote": {_json_str(e.quote)}}}'
                            for e in evidence]) + "]"


def evidence_props(evidence: list[Evidence]) -> dict[str, Any]:
    return {
        "ev_docs": [e.doc for e in evidence],
        "ev_lines": [e.line for e in evidence],
        "ev_quotes": [e.quote for e in evidence],
        "evidence": evidence_json(evidence),
    }


def scalar_props(props: dict[str, Any]) -> dict[str, Any]:
    """Properties a store can hold: scalars and lists of scalars as they are, other values as
    JSON text, None left out."""
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
    props = scalar_props(n.properties)
    props.update(name=n.name, type=n.type, aliases=n.aliases)
    if n.aliases:
        props["alias_text"] = " ".join(n.aliases)  # what the full-text index reads (lists are not indexed)
    if n.subtype:
        props["subtype"] = n.subtype
    if n.city:
        props["city"] = n.city
    props.update(evidence_props(n.evidence))
    return {"id": n.id, "props": props}


def edge_row(e: Edge) -> dict[str, Any]:
    props = scalar_props(e.properties)
    props.update(evidence_props(e.evidence))
    return {"s": e.source, "t": e.target, "props": props}


def node_labels(n: Node) -> tuple[str, ...]:
    """Labels besides :Entity: the class, then the subclass."""
    return (safe_ident(n.type),) + ((safe_ident(n.subtype),) if n.subtype else ())


def node_groups(graph: Graph) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Rows grouped by label set, since labels cannot be query parameters."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for n in graph.nodes:
        groups[node_labels(n)].append(node_row(n))
    return groups


def edge_groups(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in graph.edges:
        groups[safe_ident(e.type)].append(edge_row(e))
    return groups


def batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


# ------------------------------------------------------------------ what a load writes


@dataclass
class UniqueItems:
    """A graph as a store keys it: one node per id, one relationship per (source, type, target),
    no relationship to a missing node."""

    nodes: list[Node]
    edges: list[Edge]
    meta: dict[str, Any]
    merged_nodes: int = 0
    merged_edges: int = 0
    dropped_edges: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def node_count(self) -> int:
        return len(self.nodes)

    @property
    def edge_count(self) -> int:
        return len(self.edges)


@dataclass
class StoreRows:
    """UniqueItems as parameter rows, grouped by label set / relationship type."""

    nodes: dict[tuple[str, ...], list[dict[str, Any]]]
    edges: dict[str, list[dict[str, Any]]]
    meta: dict[str, Any]
    node_count: int = 0
    edge_count: int = 0
    dropped_edges: int = 0
    notes: list[str] = field(default_factory=list)


def _merge_nodes(a: Node, b: Node) -> Node:
    if (a.type, a.subtype) != (b.type, b.subtype):
        raise StoreError(f"node id {a.id!r} appears twice with different classes ({a.type}/{a.subtype} and "
                         f"{b.type}/{b.subtype}); fix the graph before loading")
    aliases = list(dict.fromkeys([*a.aliases, *b.aliases]))
    return a.model_copy(update={"aliases": aliases, "city": a.city or b.city, "properties": {**b.properties, **a.properties},
                                "evidence": union_evidence(a.evidence, b.evidence)})


def _merge_edges(a: Edge, b: Edge) -> Edge:
    return a.model_copy(update={"properties": {**b.properties, **a.properties}, "evidence": union_evidence(a.evidence, b.evidence)})


def unique_items(graph: Graph) -> UniqueItems:
    """What a store can hold of `graph`: a store keys nodes by id and relationships by
    (source, type, target), so duplicates in the input are merged (evidence unioned) and
    relationships to ids that are not nodes are dropped; both are logged and counted."""
    ids = {n.id for n in graph.nodes}
    if len(ids) == len(graph.nodes):  # the usual case, checked at set speed (a million nodes)
        keys = {(e.source, e.type, e.target) for e in graph.edges}
        if len(keys) == len(graph.edges) and all(e.source in ids and e.target in ids for e in graph.edges):
            return UniqueItems(nodes=list(graph.nodes), edges=list(graph.edges), meta=graph_meta(graph))
    nodes: dict[str, Node] = {}
    merged_n = 0
    for n in graph.nodes:
        if n.id in nodes:
            nodes[n.id] = _merge_nodes(nodes[n.id], n)
            merged_n += 1
        else:
            nodes[n.id] = n
    edges: dict[tuple[str, str, str], Edge] = {}
    merged_e = dropped = 0
    for e in graph.edges:
        if e.source not in nodes or e.target not in nodes:
            dropped += 1
            continue
        k = (e.source, e.type, e.target)
        if k in edges:
            edges[k] = _merge_edges(edges[k], e)
            merged_e += 1
        else:
            edges[k] = e
    out = UniqueItems(nodes=list(nodes.values()), edges=list(edges.values()), meta=graph_meta(graph),
                      merged_nodes=merged_n, merged_edges=merged_e, dropped_edges=dropped)
    if merged_n:
        out.notes.append(f"{merged_n} duplicate node ids merged")
    if merged_e:
        out.notes.append(f"{merged_e} duplicate relationships merged")
    if dropped:
        out.notes.append(f"{dropped} relationships to missing nodes dropped")
    for note in out.notes:
        log.warning("loading: %s", note)
    return out


def store_rows(graph: Graph | UniqueItems) -> StoreRows:
    """The parameter rows a Cypher load sends, grouped by labels / relationship type."""
    items = graph if isinstance(graph, UniqueItems) else unique_items(graph)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for n in items.nodes:
        groups[node_labels(n)].append(node_row(n))
    egroups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in items.edges:
        egroups[safe_ident(e.type)].append(edge_row(e))
    return StoreRows(nodes=dict(groups), edges=dict(egroups), meta=items.meta, node_count=items.node_count,
                     edge_count=items.edge_count, dropped_edges=items.dropped_edges, notes=items.notes)


def graph_meta(graph: Graph) -> dict[str, Any]:
    """The scalar part of graph.meta (corpus digest, built_at, documents...), as KGMeta stores it."""
    return {str(k): v for k, v in graph.meta.items() if isinstance(v, (str, int, float, bool))}


def meta_props(rows: StoreRows | UniqueItems, state: str, backend: str, **extra: Any) -> dict[str, Any]:
    props = {**rows.meta, "state": state, "backend": backend, "nodes": rows.node_count, "edges": rows.edge_count,
             "loaded_at": now(), **extra}
    return {k: v for k, v in props.items() if v is not None}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# ------------------------------------------------------------------ the interface


class GraphStore(ABC):
    """What the pipeline, the query runner, views and exports need from a store."""

    backend: str = "?"
    """"embedded" or "neo4j": picks a query file's per-backend variant."""

    @property
    def location(self) -> str:
        """Where the data lives (a folder or a URI), for messages."""
        return "?"

    @abstractmethod
    def load(self, graph: Graph, *, batch_size: int | None = None, progress: Progress | None = None) -> dict[str, Any]:
        """Make the store hold exactly `graph` (schema first, then batched writes); readers never
        see a half-written graph marked done. Returns counts: nodes, edges (now stored) and what
        the load wrote and deleted."""

    @abstractmethod
    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        """Run Cypher, read-only unless `write`; rows as dicts in column order."""

    @abstractmethod
    def close(self) -> None: ...

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per class (`type`) and relationships per type, like Graph.counts()."""
        labels = self.query(f"MATCH (n:{ENTITY_LABEL}) RETURN n.type AS label, count(n) AS n ORDER BY label")
        rels = self.query("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type")
        return {"nodes": {r["label"]: r["n"] for r in labels}, "edges": {r["type"]: r["n"] for r in rels}}

    def label_counts(self) -> dict[str, int]:
        """Nodes per label (classes and platform subclasses; :Entity itself is left out)."""
        rows = self.query(f"MATCH (n:{ENTITY_LABEL}) UNWIND labels(n) AS label WITH label WHERE label <> '{ENTITY_LABEL}' "
                          "RETURN label, count(*) AS n ORDER BY label")
        return {r["label"]: r["n"] for r in rows}

    def meta(self) -> dict[str, Any] | None:
        """The KGMeta node's properties (what was loaded, load state), or None if never loaded."""
        rows = self.query(f"MATCH (m:{META_LABEL}) RETURN properties(m) AS p")
        return dict(rows[0]["p"]) if rows else None

    def status(self) -> dict[str, Any]:
        """What `kg status` prints: where, load state, corpus build, counts."""
        meta = self.meta()
        state = "empty" if meta is None else str(meta.get("state", "unknown"))
        counts = self.counts() if meta is not None or self._has_entities() else {"nodes": {}, "edges": {}}
        return {"backend": self.backend, "location": self.location, "state": state, "meta": meta or {},
                "labels": self.label_counts() if counts["nodes"] else {}, "counts": counts}

    def _has_entities(self) -> bool:
        return bool(self.query(f"MATCH (n:{ENTITY_LABEL}) RETURN n.id AS id LIMIT 1"))

    def search_names(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Entities whose name or an alias contains `text` (portable; adapters add full-text)."""
        return self.query(
            f"MATCH (n:{ENTITY_LABEL}) WHERE n.name CONTAINS $q OR any(a IN n.aliases WHERE a CONTAINS $q) "
            "RETURN n.id AS id, n.name AS name, n.type AS type, n.city AS city ORDER BY size(n.name), name LIMIT $limit",
            {"q": text, "limit": limit})

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
