"""Neo4j (server, cluster, Aura) through the official driver over Bolt.

Connection: `bolt://` (one server), `neo4j://` (routing: clusters), `neo4j+s://` (routing over
TLS: Aura), from arguments or NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE.

Loading is a diff, so it is idempotent, resumable and replaces a rebuilt document's facts:
every node and relationship carries `kg_hash`, a digest of its labels and properties. A load
reads the stored (id, labels, hash) and (source, type, target, hash), then deletes what the new
graph no longer has, writes what is new or changed (UNWIND $rows MERGE, one transaction per
batch through execute_write, which retries transient failures) and leaves the rest alone. The
KGMeta node says `loading` from the first write until the last, then `done`; a load that was
interrupted is finished by running it again (the diff picks up where it stopped).

The same adapter runs against FalkorDB's experimental Bolt endpoint (the tests do that; there is
no Neo4j server on the build machines). FalkorDB is recognised at connect time and then gets its
own index DDL and a hard cap on message size: its Bolt server crashes on a request over 4 KiB
and hangs on a reply record over 64 KiB (measured; docs/stores.md).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
from typing import Any, Callable, Iterator

from kg.errors import StoreError
from kg.models import Graph
from kg.store.base import (
    DONE, ENTITY_LABEL, LOADING, META_LABEL, GraphStore, Progress, StoreRows, meta_props, store_rows,
)

log = logging.getLogger(__name__)

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_URI = "bolt://localhost:7687"
NEO4J_BATCH = 1000
"""Rows per transaction on Neo4j: big enough to amortise a round trip, small enough for the heap."""
FALKORDB_MAX_MESSAGE = 4096
"""FalkorDB's Bolt endpoint writes query + parameters as text into a 4 KiB stack buffer and
crashes past it (measured: docs/stores.md)."""
MESSAGE_MARGIN = 160
"""Room for `CYPHER rows=` and rounding in the size estimate."""
HASH = "kg_hash"
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPED = "\\'\"\n\r\t"


def _prop(key: str) -> str:
    return key if _IDENT.match(key) else "`" + key.replace("`", "``") + "`"


# ------------------------------------------------------------------ request sizes


def literal_size(v: Any) -> int:
    """Bytes of `v` written as a Cypher literal. FalkorDB's Bolt endpoint turns parameters into a
    `CYPHER name=<literal> ...` query prefix in a 4 KiB buffer, so this (not the PackStream size)
    is what must stay under FALKORDB_MAX_MESSAGE; an over-estimate errs on the safe side."""
    if v is None:
        return 4
    if isinstance(v, bool):
        return 5
    if isinstance(v, int):
        return len(str(v))
    if isinstance(v, float):
        return 32
    if isinstance(v, str):
        return len(v.encode("utf-8")) + 2 + sum(v.count(c) for c in _ESCAPED)
    if isinstance(v, (list, tuple)):
        return 2 + sum(literal_size(x) + 2 for x in v)
    if isinstance(v, dict):
        return 2 + sum(len(str(k).encode("utf-8")) + 4 + literal_size(x) + 2 for k, x in v.items())
    return 64  # other types do not occur in rows; a generous guess


def request_size(text: str, params: dict[str, Any]) -> int:
    """`CYPHER k=v ... <query>` as FalkorDB builds it."""
    return 7 + len(text.encode("utf-8")) + sum(len(k) + 2 + literal_size(v) for k, v in params.items())


def _split_str(s: str, budget: int) -> Iterator[str]:
    """Pieces of `s` whose literals take at most `budget` bytes (cut between characters)."""
    part: list[str] = []
    size = 2
    for ch in s:
        b = len(ch.encode("utf-8")) + (1 if ch in _ESCAPED else 0)
        if size + b > budget and part:
            yield "".join(part)
            part, size = [], 2
        part.append(ch)
        size += b
    if part:
        yield "".join(part)


# ------------------------------------------------------------------ the store


class Neo4jStore(GraphStore):
    """GraphStore on Neo4j 5.x / 2025.x (or FalkorDB's Bolt endpoint) via the official driver."""

    backend = "neo4j"

    def __init__(self, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, *, batch_size: int | None = None, driver: Any = None) -> None:
        import neo4j

        self.uri = uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
        self.user = user or os.environ.get("NEO4J_USER") or None
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.batch_size = batch_size
        scheme = self.uri.split("://", 1)[0].lower() if "://" in self.uri else ""
        if scheme not in SCHEMES:
            raise StoreError(f"bad Neo4j URI {self.uri!r}: use one of {', '.join(s + '://' for s in SCHEMES)}")
        self._own_driver = driver is None
        self.dialect, self.version, self.max_message = "neo4j", "?", None
        auth = (self.user, password or "") if self.user else None
        try:
            self.driver = driver or neo4j.GraphDatabase.driver(
                self.uri, auth=auth, user_agent="innovation-kg", connection_timeout=15.0,
                max_transaction_retry_time=30.0, connection_acquisition_timeout=60.0)
            self.driver.verify_connectivity()
            self._read("RETURN 1 AS ok")  # reaches the database itself: a wrong name fails here
        except Exception as exc:
            if self._own_driver and hasattr(self, "driver"):
                self.driver.close()
            raise self._error(exc, "connect to") from exc
        self.dialect, self.version = self._dialect()
        self.max_message = FALKORDB_MAX_MESSAGE if self.dialect == "falkordb" else None
        log.info("connected to %s (%s %s), database %s", self.uri, self.dialect, self.version, self.database or "default")

    @property
    def location(self) -> str:
        return self.uri + (f" database {self.database}" if self.database else "")

    # -- errors ----------------------------------------------------------------------------
    def _error(self, exc: BaseException, action: str) -> StoreError:
        """One line a user can act on, for anything the driver raises."""
        import neo4j.exceptions as ne

        where = f"Neo4j at {self.uri}"
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, ne.AuthError):
            who = f"user {self.user!r}" if self.user else "no user (set --user/NEO4J_USER)"
            return StoreError(f"{where} refused the credentials of {who}: check --user/--password or NEO4J_USER/NEO4J_PASSWORD")
        code = getattr(exc, "code", None) or ""
        if "DatabaseNotFound" in code or "database does not exist" in str(exc).lower():
            return StoreError(f"{where} has no database {self.database!r}: check --database / NEO4J_DATABASE")
        if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
            down = _unreachable(self.uri)
            if down:
                return StoreError(f"cannot reach {where}: {down} (is the server running? check --uri / NEO4J_URI)")
            if action == "connect to" and self.uri.lower().startswith("neo4j"):
                return StoreError(f"cannot get routing information from {self.uri} ({_first_line(exc)}): a neo4j:// URI "
                                  "needs a server or cluster that routes; for a single server use bolt://")
            return StoreError(f"cannot reach {where}: {_reason(exc)} (is the server running? check --uri / NEO4J_URI)")
        if isinstance(exc, (ne.ConfigurationError, ValueError)) and not isinstance(exc, ne.Neo4jError):
            return StoreError(f"bad Neo4j URI or settings {self.uri!r}: {_first_line(exc)}")
        if isinstance(exc, ne.Neo4jError):
            msg = _first_line(exc.message or str(exc))
            if action == "connect to":
                who = f" for user {self.user!r}" if self.user else ""
                return StoreError(f"{where} refused the connection{who} ({code or 'error'}): {msg}")
            return StoreError(f"{where} refused the query ({code or 'error'}): {msg}")
        if isinstance(exc, ne.DriverError):
            return StoreError(f"{where}: {_first_line(exc)}")
        return StoreError(f"{where}: {type(exc).__name__}: {_first_line(exc)}")

    # -- running ---------------------------------------------------------------------------
    def _session(self, write: bool) -> Any:
        import neo4j

        return self.driver.session(database=self.database,
                                   default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS)

    def _params(self, params: dict[str, Any] | None) -> dict[str, Any]:
        return _falkordb_params(params or {}) if self.dialect == "falkordb" else (params or {})

    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        params = self._params(params)

        def work(tx: Any) -> list[dict[str, Any]]:
            return [{k: _plain(v) for k, v in r.items()} for r in tx.run(cypher, params)]

        with self._session(False) as s:
            return s.execute_read(work)

    def _write(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        params = self._params(params)

        def work(tx: Any) -> list[dict[str, Any]]:
            return [{k: _plain(v) for k, v in r.items()} for r in tx.run(cypher, params)]

        with self._session(True) as s:
            return s.execute_write(work)

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        if not write and self.dialect == "falkordb" and _writes(cypher):
            # Neo4j refuses writes in a read transaction; FalkorDB's Bolt ignores the access mode
            raise StoreError("the query writes (CREATE/MERGE/SET/DELETE/REMOVE/DROP) but was run read-only")
        if self.max_message is not None:
            size = request_size(cypher, params or {})
            if size > self.max_message - MESSAGE_MARGIN:  # past it FalkorDB's Bolt server crashes
                raise StoreError(f"the query and its parameters take {size} bytes, more than one request to {self.uri} "
                                 f"holds (FalkorDB's Bolt limit is {self.max_message} bytes): split the parameters "
                                 "over several queries")
        try:
            return (self._write if write else self._read)(cypher, params)
        except Exception as exc:
            raise self._error(exc, "query") from exc

    def _auto(self, cypher: str) -> None:
        """Schema commands run in their own auto-commit transaction."""
        with self._session(True) as s:
            s.run(cypher).consume()

    def _dialect(self) -> tuple[str, str]:
        """('neo4j', version) or ('falkordb', ...): FalkorDB answers Bolt but has no dbms.components()."""
        try:
            rows = self._read("CALL dbms.components() YIELD name, versions, edition "
                              "RETURN name, versions[0] AS version, edition")
            r = rows[0] if rows else {}
            return "neo4j", f"{r.get('name', 'Neo4j')} {r.get('version', '?')} {r.get('edition', '')}".strip()
        except Exception as exc:  # noqa: BLE001 - FalkorDB reports every error as UnknownError
            import neo4j.exceptions as ne

            if isinstance(exc, ne.DatabaseError):
                agent = self.driver.get_server_info().agent
                return "falkordb", f"FalkorDB Bolt (agent {agent})"
            raise self._error(exc, "query") from exc

    # -- reading helpers -------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        st = super().status()
        st["server"] = {"uri": self.uri, "database": self.database or "(default)", "dialect": self.dialect,
                        "version": self.version, "user": self.user}
        return st

    def search_names(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        try:
            if self.dialect == "neo4j":
                rows = self._read("CALL db.index.fulltext.queryNodes('kg_entity_names', $q) YIELD node, score "
                                  "RETURN node.id AS id, node.name AS name, node.type AS type, node.city AS city "
                                  "ORDER BY score DESC LIMIT $limit", {"q": _lucene_escape(text), "limit": limit})
            else:
                rows = self._read(f"CALL db.idx.fulltext.queryNodes('{ENTITY_LABEL}', $q) YIELD node, score "
                                  "RETURN node.id AS id, node.name AS name, node.type AS type, node.city AS city "
                                  "ORDER BY score DESC LIMIT $limit", {"q": text, "limit": limit})
        except Exception as exc:  # noqa: BLE001 - full-text is a bonus; CONTAINS below always works
            log.info("full-text search unavailable: %s", _first_line(exc))
        seen = {r["id"] for r in rows}
        rows += [r for r in super().search_names(text, limit) if r["id"] not in seen]
        return rows[:limit]

    # -- schema ----------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Uniqueness of Entity.id, an index on names and a full-text index on names and
        aliases, in the server's own dialect; safe to run again."""
        try:
            if self.dialect == "neo4j":
                for stmt in (
                    f"CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE",
                    f"CREATE INDEX kg_entity_name IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.name)",
                    f"CREATE FULLTEXT INDEX kg_entity_names IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON EACH [n.name, n.alias_text] "
                    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
                ):
                    self._auto(stmt)
                self._auto("CALL db.awaitIndexes(300)")
            else:
                have = {(r["label"], p, t) for r in self._read("CALL db.indexes() YIELD label, properties, types "
                                                                 "RETURN label, properties, types")
                        for p in r["properties"] for t in (r["types"] or {}).get(p, [])}
                for p in ("id", "name"):
                    if (ENTITY_LABEL, p, "RANGE") not in have:
                        self._auto(f"CREATE INDEX FOR (n:{ENTITY_LABEL}) ON (n.{p})")
                if (ENTITY_LABEL, "name", "FULLTEXT") not in have:
                    self._auto(f"CALL db.idx.fulltext.createNodeIndex({{label: '{ENTITY_LABEL}', language: 'chinese'}}, "
                               "'name', 'alias_text')")
                # uniqueness on FalkorDB is the Redis command GRAPH.CONSTRAINT, which Bolt cannot send
        except Exception as exc:
            raise self._error(exc, "create the schema on") from exc

    # -- loading ---------------------------------------------------------------------------
    def load(self, graph: Graph, *, batch_size: int | None = None, progress: Progress | None = None) -> dict[str, Any]:
        t0 = time.perf_counter()
        rows = store_rows(graph)
        nodes, edges = _hashed(rows)
        try:
            return self._load(rows, nodes, edges, batch_size or self.batch_size or NEO4J_BATCH, progress, t0)
        except StoreError:
            raise
        except Exception as exc:
            raise self._error(exc, "load into") from exc

    def _load(self, rows: StoreRows, nodes: dict[str, tuple[tuple[str, ...], dict[str, Any]]],
              edges: dict[tuple[str, str, str], dict[str, Any]], batch: int, progress: Progress | None, t0: float) -> dict[str, Any]:
        self.ensure_schema()
        self._write(f"MERGE (m:{META_LABEL}) SET m = $meta", {"meta": meta_props(rows, LOADING, self.backend)})
        stored_nodes = {r["id"]: (tuple(r["labels"]), r["h"]) for r in self._read(
            f"MATCH (n:{ENTITY_LABEL}) RETURN n.id AS id, labels(n) AS labels, n.{HASH} AS h")}
        stored_edges: dict[tuple[str, str, str], list[Any]] = {}
        for r in self._read(f"MATCH (a:{ENTITY_LABEL})-[x]->(b:{ENTITY_LABEL}) RETURN a.id AS s, type(x) AS t, b.id AS d, x.{HASH} AS h"):
            stored_edges.setdefault((r["s"], r["t"], r["d"]), []).append(r["h"])

        # what changes
        del_nodes = [i for i in stored_nodes if i not in nodes]
        relabel: dict[tuple[str, ...], list[str]] = {}
        put_nodes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for i, (labels, props) in nodes.items():
            old = stored_nodes.get(i)
            if old is not None and old[1] == props[HASH]:
                continue
            if old is not None:
                stale = tuple(sorted(set(old[0]) - set(labels) - {ENTITY_LABEL}))
                if stale:
                    relabel.setdefault(stale, []).append(i)
            put_nodes.setdefault(labels, []).append({"id": i, "props": props})
        del_edges: dict[str, list[dict[str, Any]]] = {}
        for (s, t, d), hs in stored_edges.items():
            if (s, t, d) not in edges or len(hs) > 1:
                if s in nodes and d in nodes:  # edges of deleted nodes go with DETACH DELETE
                    del_edges.setdefault(t, []).append({"s": s, "t": d})
        put_edges: dict[str, list[dict[str, Any]]] = {}
        for (s, t, d), props in edges.items():
            hs = stored_edges.get((s, t, d))
            if hs is not None and len(hs) == 1 and hs[0] == props[HASH]:
                continue
            put_edges.setdefault(t, []).append({"s": s, "t": d, "props": props})

        # apply: deletions first, then nodes, then relationships
        n_del_e = sum(len(v) for v in del_edges.values())
        n_put_n = sum(len(v) for v in put_nodes.values())
        n_put_e = sum(len(v) for v in put_edges.values())
        for rel, group in del_edges.items():
            self._batched(f"UNWIND $rows AS r MATCH (a:{ENTITY_LABEL} {{id: r.s}})-[x:{rel}]->(b:{ENTITY_LABEL} {{id: r.t}}) DELETE x",
                          group, batch, "delete relationships", progress)
        self._batched(f"UNWIND $rows AS r MATCH (n:{ENTITY_LABEL} {{id: r}}) DETACH DELETE n", del_nodes, batch,
                      "delete nodes", progress)
        for stale, ids in relabel.items():
            self._batched(f"UNWIND $rows AS r MATCH (n:{ENTITY_LABEL} {{id: r}}) REMOVE n:{':'.join(stale)}", ids, batch,
                          "relabel nodes", progress)
        done = 0
        for labels, group in put_nodes.items():
            text = f"UNWIND $rows AS r MERGE (n:{ENTITY_LABEL} {{id: r.id}}) SET n = r.props SET n:{':'.join(labels)}"
            done = self._batched(text, group, batch, "nodes", progress, done, n_put_n,
                                 big=lambda r, labels=labels: self._put_big_node(r, labels))
        done = 0
        for rel, group in put_edges.items():
            text = (f"UNWIND $rows AS r MATCH (a:{ENTITY_LABEL} {{id: r.s}}) MATCH (b:{ENTITY_LABEL} {{id: r.t}}) "
                    f"MERGE (a)-[x:{rel}]->(b) SET x = r.props")
            done = self._batched(text, group, batch, "edges", progress, done, n_put_e,
                                 big=lambda r, rel=rel: self._put_big_edge(r, rel))
        self._write(f"MERGE (m:{META_LABEL}) SET m = $meta",
                    {"meta": meta_props(rows, DONE, self.backend, dialect=self.dialect)})
        secs = time.perf_counter() - t0
        report = {"nodes": rows.node_count, "edges": rows.edge_count, "written_nodes": n_put_n, "written_edges": n_put_e,
                  "deleted_nodes": len(del_nodes), "deleted_edges": n_del_e, "dropped_edges": rows.dropped_edges,
                  "method": "diff", "seconds": round(secs, 3)}
        log.info("load into %s: %s", self.location, report)
        return report

    def _batched(self, text: str, rows: list[Any], batch: int, phase: str, progress: Progress | None,
                 done: int = 0, total: int | None = None, big: Callable[[Any], None] | None = None) -> int:
        """Write `rows` with `text` in transactions of at most `batch` rows (and, on FalkorDB,
        at most one request's worth of bytes); a row too large for one request goes to `big`."""
        total = len(rows) if total is None else total
        budget = None if self.max_message is None else self.max_message - MESSAGE_MARGIN - request_size(text, {"rows": []})
        part: list[Any] = []
        size = 0
        for r in rows:
            rs = literal_size(r) + 2 if budget is not None else 0
            if budget is not None and rs > budget:
                if big is None:
                    raise StoreError(f"a row of {rs} bytes does not fit in one request to {self.uri} "
                                     f"(FalkorDB's Bolt limit is {self.max_message} bytes)")
                big(r)
                done += 1
                continue
            if part and (len(part) >= batch or (budget is not None and size + rs > budget)):
                self._write(text, {"rows": part})
                done += len(part)
                if progress:
                    progress(phase, done, total)
                part, size = [], 0
            part.append(r)
            size += rs
        if part:
            self._write(text, {"rows": part})
            done += len(part)
            if progress:
                progress(phase, done, total)
        return done

    # -- rows larger than one request (FalkorDB's Bolt only) -------------------------------
    def _room(self, text: str, params: dict[str, Any], name: str) -> int:
        """Bytes left for parameter `name` in a request of `text` with `params`."""
        assert self.max_message is not None
        room = self.max_message - MESSAGE_MARGIN - request_size(text, params) - len(name) - 2
        if room < 64:
            raise StoreError(f"a key of {request_size(text, params)} bytes leaves no room in a request to {self.uri}")
        return room

    def _put_big(self, match: str, params: dict[str, Any], first: str, props: dict[str, Any]) -> None:
        """Write `props` in pieces: the smallest values with `first`, then each remaining string
        or list appended a request at a time, the hash last (an interrupted row is rewritten)."""
        room = self._room(first, params, "props")
        small: dict[str, Any] = {"id": props["id"]} if "id" in props else {}  # the key the pieces MATCH on
        used = 2 + literal_size(small)
        for k, v in sorted(((k, v) for k, v in props.items() if k not in (HASH, "id")), key=lambda kv: literal_size(kv[1])):
            sz = len(k.encode("utf-8")) + 6 + literal_size(v)
            if used + sz <= room or not isinstance(v, (str, list)):
                small[k] = v
                used += sz
        self._write(first, {**params, "props": small})
        for k, v in props.items():
            if k == HASH or k in small:
                continue
            key = _prop(k)
            if isinstance(v, str):
                self._write(f"{match} SET x.{key} = ''", params)
                self._append_str(match, params, f"x.{key}", v)
                continue
            self._write(f"{match} SET x.{key} = []", params)
            text = f"{match} SET x.{key} = x.{key} + $items"
            room = self._room(text, params, "items")
            chunk: list[Any] = []
            size = 2
            for item in v:
                isz = literal_size(item) + 2
                if isz > room:  # one element alone is too big: build it in a scratch property
                    if chunk:
                        self._write(text, {**params, "items": chunk})
                        chunk, size = [], 2
                    self._write(f"{match} SET x.kg_scratch = ''", params)
                    self._append_str(match, params, "x.kg_scratch", str(item))
                    self._write(f"{match} SET x.{key} = x.{key} + [x.kg_scratch] REMOVE x.kg_scratch", params)
                    continue
                if chunk and size + isz > room:
                    self._write(text, {**params, "items": chunk})
                    chunk, size = [], 2
                chunk.append(item)
                size += isz
            if chunk:
                self._write(text, {**params, "items": chunk})
        self._write(f"{match} SET x.{HASH} = $h", {**params, "h": props[HASH]})

    def _append_str(self, match: str, params: dict[str, Any], target: str, value: str) -> None:
        text = f"{match} SET {target} = {target} + $piece"
        for piece in _split_str(value, self._room(text, params, "piece")):
            self._write(text, {**params, "piece": piece})

    def _put_big_node(self, row: dict[str, Any], labels: tuple[str, ...]) -> None:
        match = f"MATCH (x:{ENTITY_LABEL} {{id: $id}})"
        self._put_big(match, {"id": row["id"]},
                      f"MERGE (x:{ENTITY_LABEL} {{id: $id}}) SET x = $props, x.id = $id SET x:{':'.join(labels)}", row["props"])

    def _put_big_edge(self, row: dict[str, Any], rel: str) -> None:
        match = f"MATCH (:{ENTITY_LABEL} {{id: $s}})-[x:{rel}]->(:{ENTITY_LABEL} {{id: $t}})"
        self._put_big(match, {"s": row["s"], "t": row["t"]},
                      f"MATCH (a:{ENTITY_LABEL} {{id: $s}}) MATCH (b:{ENTITY_LABEL} {{id: $t}}) MERGE (a)-[x:{rel}]->(b) "
                      "SET x = $props", row["props"])

    def close(self) -> None:
        if self._own_driver:
            self.driver.close()


def _hashed(rows: StoreRows) -> tuple[dict[str, tuple[tuple[str, ...], dict[str, Any]]], dict[tuple[str, str, str], dict[str, Any]]]:
    """Node props (with id) and relationship props, each with its kg_hash."""
    nodes: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {}
    for labels, group in rows.nodes.items():
        full = (ENTITY_LABEL, *labels)
        for r in group:
            props = {**r["props"], "id": r["id"]}
            props[HASH] = _digest([sorted(full), props])
            nodes[r["id"]] = (labels, props)
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for rel, group in rows.edges.items():
        for r in group:
            props = dict(r["props"])
            props[HASH] = _digest(props)
            edges[(r["s"], rel, r["t"])] = props
    return nodes, edges


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _plain(value: Any) -> Any:
    """Driver Node/Relationship/Path objects -> plain dicts, like the embedded store returns."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return dict(value.items())
    if isinstance(value, Relationship):
        return {"type": value.type, **dict(value.items())}
    if isinstance(value, Path):
        return [dict(n.items()) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_LUCENE = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


def _lucene_escape(text: str) -> str:
    return _LUCENE.sub(r"\\\1", text)


_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_WRITE = re.compile(r"(?<![.\w$])(CREATE|MERGE|SET|DELETE|REMOVE|DROP)\b|\bdb\.idx\.\w+\.(create|drop)", re.I)


def _falkordb_params(value: Any, key: str | None = None) -> Any:
    """Parameters for FalkorDB's Bolt endpoint, which splices them into query text unescaped
    (measured: a value `x' MATCH (n) DETACH DELETE n //` runs that DELETE). Strings get the
    backslash escapes its parser undoes; map keys must be plain names (it splices them too)."""
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if key is not None and not _PLAIN_KEY.match(str(k)):  # top-level names are $parameters
                raise StoreError(f"FalkorDB's Bolt endpoint cannot carry the property name {k!r} (it writes map keys "
                                 "into the query unquoted); load this graph into the embedded store or a real Neo4j")
            out[k] = _falkordb_params(v, str(k))
        return out
    if isinstance(value, (list, tuple)):
        return [_falkordb_params(v, key) for v in value]
    return value


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _writes(cypher: str) -> bool:
    """Whether Cypher text has a write clause (outside strings, names and comments)."""
    return bool(_WRITE.search(_STRINGS.sub(" ", cypher)))


def _unreachable(uri: str) -> str | None:
    """Why a plain TCP connection to the URI's host fails, or None if it connects."""
    import socket
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(uri)
        with socket.create_connection((parts.hostname or "localhost", parts.port or 7687), timeout=5):
            return None
    except (OSError, ValueError) as exc:
        return str(exc) or type(exc).__name__


def _reason(exc: BaseException) -> str:
    """The useful part of a connection error ("[Errno 111] Connection refused", "timed out")."""
    text = " ".join(str(exc).split())
    m = re.search(r"reason[: ]+(.+?)\)*$", text)
    if m:
        return m.group(1).strip()
    cause = exc.__cause__ or exc.__context__
    if cause is not None and str(cause):
        return " ".join(str(cause).split())
    return text or type(exc).__name__


def _first_line(exc: Any) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
