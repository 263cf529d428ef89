"""A FalkorDB that speaks Bolt, so tests and benchmarks can drive the Neo4j adapter through the
official driver on machines where no Neo4j can be installed. Never used for a user's store: its
Bolt port listens on every interface, without authentication (docs/stores.md).

FalkorDB's Bolt endpoint (4.16) has quirks this helper works around or reports:
* after a client says GOODBYE the whole server stalls (Redis commands on the unix socket time
  out too) and the next Bolt connection's handshake goes unanswered, until that connection is
  dropped; `settle()` spends that connection on a throw-away socket, so call it after closing a
  driver (`alive()` and `clear()` do);
* requests over 4 KiB crash the server, reply records over 64 KiB hang (the adapter caps
  requests; queries must not return huge values);
* the session database picks a graph: the default one is `falkordb`, every other name is `db`;
* BOLT_PORT must be at most 32767 (a larger port is silently not opened);
* with the append-only file on, the first write over Bolt crashes the server (a Redis assertion
  on command propagation), so this server runs without persistence.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import time
from pathlib import Path
from typing import Any

from kg.errors import StoreError
from kg.store.falkordb import EmbeddedServer

BOLT_DEFAULT_GRAPH = "falkordb"


def free_port() -> int:
    """A port FalkorDB can take: its BOLT_PORT is a signed 16-bit number (ports over 32767 are
    silently not opened), and it binds every interface."""
    for _ in range(200):
        port = random.randint(20000, 32767)
        with socket.socket() as s:
            try:
                s.bind(("", port))
            except OSError:
                continue
            return port
    raise StoreError("no free TCP port in 20000-32767 for FalkorDB's Bolt endpoint")


class BoltFalkorDB:
    """A FalkorDB server in `folder` with Bolt on a free TCP port (Redis side on a unix socket)."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.server = self._server(folder)

    def _server(self, folder: Path) -> EmbeddedServer:
        # no append-only file: a write over Bolt with AOF on trips a Redis assertion
        # (blocked.c 'also_propagate.numops == 0') and kills the server
        return EmbeddedServer(folder, ["--appendonly", "no"], bolt_port=self.port)

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def start(self) -> "BoltFalkorDB":
        self.server.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._handshake(1.0):
                return self
            time.sleep(0.05)
        raise StoreError(f"FalkorDB Bolt did not answer on port {self.port}")

    def _handshake(self, timeout: float) -> bool:
        """Open a socket, offer Bolt 5.x, close without GOODBYE; True if the server answered."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
                s.sendall(bytes.fromhex("6060B017") + bytes.fromhex("00000705" "00000404" "00000000" "00000000"))
                s.settimeout(timeout)
                return len(s.recv(4)) == 4
        except OSError:
            return False

    def settle(self) -> None:
        """Spend the connection slot a GOODBYE leaves stuck, so the next driver connects."""
        for _ in range(3):
            if self._handshake(0.5):
                return

    def redis(self) -> Any:
        """A client that gives up after 10 s: a stalled server fails the caller instead of hanging it."""
        return self.server.redis_client(10)

    def responsive(self) -> bool:
        """Whether both sides answer within a second or two (a stalled server answers neither)."""
        return self._handshake(2.0) and self.server.alive()

    def kill(self) -> None:
        """SIGKILL the server: a client blocked reading from a stalled endpoint (the driver has no
        read timeout of its own) then sees the connection close and raises."""
        pid = self.server.pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)

    def restart(self) -> "BoltFalkorDB":
        """Kill a stalled server (it holds no data worth keeping: no persistence) and start a fresh
        one on a new port; clients must reconnect to the new `uri`."""
        self.kill()
        self.server.stop()
        self.port = free_port()
        self.server = self._server(self.server.folder)
        return self.start()

    def clear(self) -> None:
        """Delete every graph (the Bolt side writes to `falkordb` or `db`)."""
        self.settle()
        r = self.redis()
        try:
            for name in r.execute_command("GRAPH.LIST"):
                r.execute_command("GRAPH.DELETE", name)
        finally:
            r.close()

    def alive(self) -> bool:
        self.settle()
        return self.server.alive()

    def stop(self) -> None:
        self.settle()  # a stalled server would not answer the shutdown
        self.server.stop()
