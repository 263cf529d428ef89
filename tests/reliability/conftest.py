"""Shared parts of the reliability suite: running `kg` as a real process, real stores in tmp
folders (embedded FalkorDB; FalkorDB with Bolt for the Neo4j adapter), a graph of hostile names,
and a table of measured figures printed at the end of the run (copied into docs/reliability.md)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

from kg.models import Edge, Evidence, Graph, Node

if TYPE_CHECKING:
    from kg.store.testing import BoltFalkorDB

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "seeds" / "plans"
LINFEN = "linfen-2022-innovation-ecosystem-plan.txt"
REPLY = "linfen-2023-sci-tech-bureau-proposal-reply.txt"
MEASURE = Path(__file__).with_name("measure.py")

# ------------------------------------------------------------------ figures for the docs

FIGURES: dict[str, object] = {}


def figure(key: str, value: object) -> None:
    """Record a measured number; the terminal summary lists them (see docs/reliability.md)."""
    FIGURES[key] = value


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    if FIGURES:
        terminalreporter.section("reliability figures")
        for k, v in FIGURES.items():
            terminalreporter.write_line(f"{k}: {v}")


# ------------------------------------------------------------------ kg as a process


def kg_env(out: Path, data: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, KG_OUT=str(out), KG_DATA=str(data), PYTHONUNBUFFERED="1", COLUMNS="200", **extra)
    env.pop("NEO4J_URI", None)
    return env


def kg_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def run_kg(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(kg_cmd(*args), env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def measured(args: list[str], env: dict[str, str], timeout: float = 180) -> tuple[subprocess.CompletedProcess[str], dict]:
    """Run `kg args` in a fresh process that reports its own peak RSS and wall/CPU time."""
    fd, report = f"{env['KG_OUT']}/measure-{random.random():.9f}.json", None
    Path(env["KG_OUT"]).mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([sys.executable, str(MEASURE), fd, *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)
    report = json.loads(Path(fd).read_text())
    return proc, report


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    text = proc.stdout + proc.stderr
    assert "Traceback" not in text, text[-3000:]


def stop_pid_in(folder: Path) -> None:
    """Stop the embedded server a killed `kg` process left running in `folder` (the test started
    that `kg` process, so the server is ours): SIGTERM by the pid in its pid file, then wait."""
    pidfile = folder / "falkordb.pid"
    if not pidfile.exists():
        return
    try:
        pid = int(pidfile.read_text().strip() or 0)
    except ValueError:
        return
    if not pid:
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)


def _gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie counts as gone: it holds no socket or file)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")


def kill_server(folder: Path) -> int:
    """SIGKILL the embedded server of `folder` (started by this test or by a `kg` process this
    test started), by the pid in its pid file; returns the pid once it is dead."""
    pid = int((folder / "falkordb.pid").read_text().strip())
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while not _gone(pid):
        if time.monotonic() > deadline:
            raise RuntimeError(f"server {pid} did not die")
        time.sleep(0.01)
    return pid


def raw_redis(folder: Path):
    """A plain Redis client on the embedded server's socket, failing at once (no retries), to
    look at keys the store API does not show (the staging graph)."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis(unix_socket_path=str(folder / "falkordb.sock"), socket_timeout=2, retry=Retry(NoBackoff(), 0))


# ------------------------------------------------------------------ a plan folder


@pytest.fixture(scope="session")
def two_plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two real plans (Linfen plan and reply), byte-identical copies, no manifest: a build of
    them is quick but has real facts (晋南钢铁集团 leads 氢能产业链, line 248)."""
    folder = tmp_path_factory.mktemp("two-plans")
    for name in (LINFEN, REPLY):
        (folder / name).write_bytes((PLANS / name).read_bytes())
    return folder


# ------------------------------------------------------------------ FalkorDB with Bolt


@pytest.fixture()
def bolt(tmp_path: Path) -> Iterator["BoltFalkorDB"]:
    """A real Bolt server for the Neo4j adapter: FalkorDB with BOLT_PORT in its own folder
    (kg.store.testing, the store helper's home for its quirks)."""
    from kg.store.testing import BoltFalkorDB

    server = BoltFalkorDB(tmp_path / "bolt").start()
    yield server
    if server.server.alive():
        server.stop()
    else:
        server.server.stop()  # killed by the test: only the client lock to release


def kill_bolt(server: "BoltFalkorDB") -> None:
    kill_server(server.server.folder)


# ------------------------------------------------------------------ hostile names

HOSTILE = [
    'O\'Brien "quoted" back\\slash \\\' \\\\n',
    '"}) DETACH DELETE n //',
    "'}) MATCH (x) DETACH DELETE x //",
    "`) DETACH DELETE n //",
    "$name }) CREATE (:Pwned) //",
    "<script>alert('x')</script>",
    "</script><img src=x onerror=alert(1)>",
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
    "\t=1+1",
    "../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "CON",
    "名称|管道*星号_[链接](javascript:alert(1)) `代码` $x$ #标题 &amp; {{7*7}}",
    "line one\nline two\r\nthree",
    "bidi \u202egnp.exe \u2066 zero\u200bwidth",
    "emoji 😀 𠀀 ﬁ",
    "很长的名字" * 60,
]
"""Names that try Cypher injection (closing a map or string, comments), HTML/JS, spreadsheet
formulas, path traversal, device names, Markdown, templates, control and bidi characters."""


def hostile_graph() -> Graph:
    """A small graph of hostile names on real-looking facts: every hostile name is an enterprise
    that leads or joins a chain in 临汾市, with a hostile quote as evidence, and the chain has an
    innovation chain with ordered stages. Ids carry the hostile text too."""
    doc = "hostile'<plan>.txt"
    chain = Node(id="chain:氢能产业链", type="IndustryChain", name="氢能产业链", aliases=["氢能"],
                 evidence=[Evidence(doc=doc, line=1, quote="氢能产业链")])
    city = Node(id="city:临汾市", type="City", name="临汾市", city="临汾市", evidence=[Evidence(doc=doc, line=2, quote="临汾市")])
    nodes = [chain, city]
    edges = [Edge(source=city.id, target=chain.id, type="DEVELOPS_CHAIN", evidence=[Evidence(doc=doc, line=2, quote="临汾市氢能")])]
    for i, name in enumerate(HOSTILE):
        n = Node(id=f"ent:{name}", type="Enterprise", name=name, aliases=[f"别名{i} {name[:8]}"], city="临汾市",
                 properties={"note": name, "rank": i}, evidence=[Evidence(doc=doc, line=10 + i, quote=f"依托{name}作为“链主”企业")])
        nodes.append(n)
        edges.append(Edge(source=n.id, target=chain.id, type="LEADS_CHAIN" if i % 2 == 0 else "IN_CHAIN",
                          properties={"city": "临汾市"}, evidence=[Evidence(doc=doc, line=10 + i, quote=f"依托{name}作为“链主”企业")]))
    ic = Node(id="ichain:氢能", type="InnovationChain", name="氢能产业科技创新链", city="临汾市",
              evidence=[Evidence(doc=doc, line=50, quote="构建氢能产业科技创新链")])
    nodes.append(ic)
    edges.append(Edge(source=ic.id, target=chain.id, type="INNOVATION_CHAIN_OF", evidence=[Evidence(doc=doc, line=50, quote="构建")]))
    prev = None
    for k, st in enumerate(["制氢", "<b>储运</b>", "=加氢站"], 1):
        sid = f"stage:氢能/{st}"
        nodes.append(Node(id=sid, type="ChainStage", name=st, city="临汾市", properties={"order": k},
                          evidence=[Evidence(doc=doc, line=51, quote=st)]))
        edges.append(Edge(source=ic.id, target=sid, type="HAS_STAGE", properties={"order": k},
                          evidence=[Evidence(doc=doc, line=51, quote=st)]))
        if prev:
            edges.append(Edge(source=prev, target=sid, type="NEXT_STAGE", evidence=[Evidence(doc=doc, line=51, quote=st)]))
        prev = sid
    return Graph(nodes=nodes, edges=edges, meta={"corpus": "hostile", "documents": 1, "built_at": "2024-01-01T00:00:00+00:00"})
