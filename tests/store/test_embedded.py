"""The embedded FalkorDB's server life: shared by processes, never pulled away from a client,
durable across a crash, recovered from stale files, never on a TCP port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from kg.errors import StoreError
from kg.store.falkordb import LOAD_LOCK, PIDFILE, SOCKET, FalkorDBStore, _exclusive

from .conftest import dump, expected

CLIENT = textwrap.dedent("""
    import sys
    from kg.store.falkordb import FalkorDBStore
    s = FalkorDBStore(sys.argv[1])
    print("pid", s.server.pid(), flush=True)
    for line in sys.stdin:
        if line.strip() == "count":
            print("count", sum(s.counts()["nodes"].values()), flush=True)
        elif line.strip() == "close":
            break
    s.close()
    print("closed", flush=True)
""")


class Client:
    """Another `kg` process holding the store of `folder` open."""

    def __init__(self, folder: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", CLIENT, str(folder)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])

    def ask(self, line: str | None = None) -> str:
        assert self.proc.stdin and self.proc.stdout
        if line:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def close(self) -> None:
        assert self.ask("close") == "closed"
        self.proc.wait(30)


def gone(pid: int, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            return True
        time.sleep(0.05)
    return False


def test_a_crash_loses_no_committed_load(tmp_path: Path, corpus):
    folder = tmp_path / "data"
    s = FalkorDBStore(folder)
    s.load(corpus.graph)
    pid = s.server.pid()
    os.kill(pid, signal.SIGKILL)  # no shutdown, no save: only what is already on disk counts
    assert gone(pid)
    s.server.proc.wait(10)
    s2 = FalkorDBStore(folder)  # the stale socket and pid file are recovered
    try:
        assert s2.server.pid() not in (None, pid)
        assert dump(s2) == expected(corpus.graph)
        assert s2.meta()["state"] == "done"
    finally:
        s2.close()
        s.close()


def test_the_graph_survives_a_clean_restart(tmp_path: Path, corpus):
    folder = tmp_path / "data"
    with FalkorDBStore(folder) as s:
        s.load(corpus.graph)
        pid = s.server.pid()
    assert gone(pid) and not (folder / PIDFILE).exists() and not (folder / SOCKET).exists()
    with FalkorDBStore(folder) as s:
        assert s.counts() == corpus.graph.counts()


def test_two_processes_share_one_server_and_the_last_stops_it(tmp_path: Path, corpus):
    folder = tmp_path / "data"
    first = FalkorDBStore(folder)
    first.load(corpus.graph)
    pid = first.server.pid()
    other = Client(folder)
    try:
        assert other.ask() == f"pid {pid}"  # reused, not a second server
        first.close()  # the starter leaves: the server stays for the other client
        assert psutil.pid_exists(pid) and not gone(pid, timeout=0.5)
        n = len(corpus.graph.nodes)
        assert other.ask("count") == f"count {n}"
    finally:
        other.close()
    assert gone(pid)  # the last client stopped it
    assert not (folder / PIDFILE).exists()


def test_two_processes_starting_at_once_get_one_server(tmp_path: Path):
    folder = tmp_path / "data"
    a, b = Client(folder), Client(folder)
    try:
        pa, pb = a.ask(), b.ask()
        assert pa == pb and pa.startswith("pid ")
    finally:
        a.close()
        b.close()
    assert gone(int(pa.split()[1]))


def test_stale_pid_of_another_program_is_not_killed(tmp_path: Path, corpus):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / PIDFILE).write_text(str(os.getpid()))  # a live process that is not our server
    (folder / SOCKET).write_text("")  # and a socket file nobody listens on
    with FalkorDBStore(folder) as s:
        assert s.server.pid() not in (None, os.getpid())
        s.load(corpus.graph)
        assert s.counts() == corpus.graph.counts()


def test_the_server_listens_on_no_tcp_port(embedded):
    proc = psutil.Process(embedded.server.pid())
    listening = [c for c in proc.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    assert listening == []


def test_a_second_load_at_the_same_time_fails_clearly(fresh_embedded, corpus):
    with _exclusive(fresh_embedded.server.folder / LOAD_LOCK, "held"):
        with pytest.raises(StoreError, match=rf"another `kg load` is writing to .*\(pid {os.getpid()}\)"):
            fresh_embedded.load(corpus.graph)
    fresh_embedded.load(corpus.graph)
    assert fresh_embedded.counts() == corpus.graph.counts()


def test_an_unusable_data_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreError, match="too long for a unix socket"):
        FalkorDBStore(tmp_path / ("x" * 120))
    afile = tmp_path / "afile"
    afile.write_text("")
    with pytest.raises(StoreError, match="cannot use .*afile as the data folder"):
        FalkorDBStore(afile)


def test_values_falkordb_cannot_store_are_a_clear_error(fresh_embedded, corpus):
    from kg.models import Evidence, Graph, Node

    fresh_embedded.load(corpus.graph)
    for bad, what in (({"name": "名称\x00带空字符"}, "NUL character"), ({"properties": {"big": 2**70}}, "beyond 64 bits")):
        node = Node(id="ent:bad", type="Enterprise", name="名称", evidence=[Evidence(doc="p.txt", line=1, quote="名称")])
        with pytest.raises(StoreError, match=f"node 'ent:bad' holds .*{what}.*left unchanged"):
            fresh_embedded.load(Graph(nodes=[node.model_copy(update=bad)]))
    assert dump(fresh_embedded) == expected(corpus.graph)
    assert not fresh_embedded.graph_exists("kg__staging")


def test_a_load_killed_midway_is_discarded_by_the_next(fresh_embedded, corpus):
    """A `kg load` killed outright (no chance to clean up) leaves its staging graph: status says
    so, the served graph is untouched, and the next load discards it."""
    fresh_embedded.load(corpus.graph)
    fresh_embedded.db.select_graph("kg__staging").query("CREATE (:Entity {id: 'half'})")
    st = fresh_embedded.status()
    assert st["server"]["interrupted_load"] is True and st["state"] == "done"
    assert dump(fresh_embedded) == expected(corpus.graph)
    fresh_embedded.load(corpus.graph)
    assert not fresh_embedded.graph_exists("kg__staging")
    assert fresh_embedded.status()["server"]["interrupted_load"] is False


def test_cypher_and_bulk_loads_store_the_same(fresh_embedded, corpus):
    """The bulk encoder writes exactly the row shapes of kg.store.base (the Cypher path sends them as parameters)."""
    assert fresh_embedded.load(corpus.graph, method="cypher")["method"] == "cypher"
    via_cypher = dump(fresh_embedded)
    assert fresh_embedded.load(corpus.graph)["method"] == "bulk"
    assert dump(fresh_embedded) == via_cypher == expected(corpus.graph)


def test_bulk_encoder_matches_row_shapes_on_awkward_properties(fresh_embedded):
    """Properties named like the fixed fields, nested values, mixed types, empty lists: the
    bulk path stores what node_row/edge_row say, like the Cypher path."""
    from kg.models import Edge, Evidence, Graph, Node

    ev = [Evidence(doc="p.txt", line=1, quote="甲"), Evidence(doc="q.txt", line=2, quote='引"号\\')]
    nodes = [
        Node(id="a", type="Platform", subtype="KeyLaboratory", name="甲", aliases=["甲一", "甲二"], city="临汾市",
             properties={"city": "被覆盖", "subtype": "x", "alias_text": "y", "name": "z", "evidence": "w", "level": 3,
                         "share": 0.25, "flag": True, "tags": ["一", "二"], "nested": {"k": [1, 2]}, "none": None}, evidence=ev),
        Node(id="b", type="Platform", name="乙", properties={"city": "运城市", "subtype": "s", "alias_text": "别名"}, evidence=ev[:1]),
        Node(id="c", type="Platform", name="丙", evidence=ev[1:]),
    ]
    edges = [Edge(source="a", target="b", type="HOSTS", properties={"ev_docs": "x", "order": 1, "year": 2025.5}, evidence=ev),
             Edge(source="b", target="c", type="HOSTS", evidence=ev[:1])]
    g = Graph(nodes=nodes, edges=edges)
    fresh_embedded.load(g, method="cypher")
    via_cypher = dump(fresh_embedded)
    fresh_embedded.load(g)
    assert dump(fresh_embedded) == via_cypher == expected(g)
