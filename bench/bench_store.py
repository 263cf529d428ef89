"""Load rate of the graph stores (a benchmark, not a test).

For the corpus graph and synthetic graphs of 10k, 100k and 1M nodes (about 3 relationships per
node, kg.synth), on each store:

* embedded      FalkorDB in a fresh data folder, the default load (GRAPH.BULK into a staging
                graph, indexes and constraint, RENAME), AOF with fsync on every write;
* embedded-cypher  the same store loading with batched `UNWIND $rows CREATE` (for comparison);
* neo4j-bolt    the Neo4j adapter (official driver) against FalkorDB's Bolt endpoint, whose 4 KiB
                request limit makes it slow: measured up to --bolt-max nodes, skipped above.

Reported: median load time of --runs fresh loads, rows/s (nodes + relationships), reload time
(loading the same graph again into the loaded store), the server's RSS after loading, the
restart time of the embedded server with the graph on disk, the size of its files, and how long
the Python side alone takes to prepare the rows (the rest is the server).

    python bench/bench_store.py                       # corpus, 10k, 100k, 1M
    python bench/bench_store.py --sizes 10k --runs 5
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/bench_store.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, machine_info, markdown_table, parse_size, peak_rss_mb, rss_mb, size_label, table  # noqa: E402

log = logging.getLogger("bench.store")
DEFAULT_OUT = ROOT / "bench" / "results" / "store.md"


def _graph(case: str):
    if case == "corpus":
        from kg.pipeline import build

        return build().graph
    from kg.synth import synthetic_graph

    return synthetic_graph(parse_size(case))


def _folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1024 / 1024


def _prep_seconds(graph: Any) -> dict[str, float]:
    """The Python side alone: de-duplicate, then encode for GRAPH.BULK / build parameter rows."""
    from kg.store.base import store_rows, unique_items
    from kg.store.falkordb import bulk_calls

    t = time.perf_counter()
    items = unique_items(graph)
    t1 = time.perf_counter()
    for _ in bulk_calls(items):
        pass
    t2 = time.perf_counter()
    store_rows(items)
    t3 = time.perf_counter()
    return {"unique": t1 - t, "bulk_encode": t2 - t1, "param_rows": t3 - t2}


def bench_embedded(graph: Any, runs: int, method: str) -> dict[str, Any]:
    from kg.store.falkordb import FalkorDBStore

    rows = len(graph.nodes) + len(graph.edges)
    loads, reloads, rss, restart, disk = [], [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as tmp:
            folder = Path(tmp) / "data"
            store = FalkorDBStore(folder)
            try:
                gc.collect()
                t = time.perf_counter()
                store.load(graph, method=method)
                loads.append(time.perf_counter() - t)
                rss.append(rss_mb(store.server.pid()) or float("nan"))
                t = time.perf_counter()
                store.load(graph, method=method)
                reloads.append(time.perf_counter() - t)
            finally:
                store.close()  # the last client: compacts the AOF and stops the server
            disk.append(_folder_mb(folder))
            t = time.perf_counter()
            with FalkorDBStore(folder) as again:  # a restart replays the files
                restart.append(time.perf_counter() - t)
                assert sum(again.counts()["nodes"].values()) == len({n.id for n in graph.nodes})
    return _summary(rows, loads, reloads, rss, restart=restart, disk=disk)


def bench_bolt(graph: Any, runs: int) -> dict[str, Any]:
    from kg.store.neo4j import Neo4jStore
    from kg.store.testing import BoltFalkorDB

    rows = len(graph.nodes) + len(graph.edges)
    loads, reloads, rss, requests = [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="kg-bench-bolt-") as tmp:
            server = BoltFalkorDB(Path(tmp) / "bolt").start()
            store = Neo4jStore(uri=server.uri)
            sent = [0]
            write = store._write

            def counted(text: str, params: Any = None, _w=write) -> Any:
                sent[0] += 1
                return _w(text, params)

            store._write = counted  # type: ignore[method-assign]
            try:
                t = time.perf_counter()
                store.load(graph)
                loads.append(time.perf_counter() - t)
                requests.append(sent[0])
                rss.append(rss_mb(server.server.pid()) or float("nan"))
                t = time.perf_counter()
                report = store.load(graph)
                reloads.append(time.perf_counter() - t)
                assert report["written_nodes"] == report["written_edges"] == 0
            finally:
                store.close()
                server.settle()
                server.stop()
    out = _summary(rows, loads, reloads, rss)
    out["requests"] = statistics.median(requests)
    return out


def _summary(rows: int, loads: list[float], reloads: list[float], rss: list[float], **extra: list[float]) -> dict[str, Any]:
    med = statistics.median(loads)
    out = {"rows": rows, "runs": len(loads), "load_s": med, "load_all_s": loads, "rows_per_s": rows / med if med else None,
           "reload_s": statistics.median(reloads), "server_rss_mb": statistics.median(rss)}
    for k, v in extra.items():
        out[k] = statistics.median(v) if v else None
    return out


def run(cases: list[str], stores: list[str], runs: int, bolt_max: int, cypher_max: int) -> dict[str, Any]:
    results: dict[str, Any] = {"machine": machine_info(), "cases": {}}
    for case in cases:
        t = time.perf_counter()
        graph = _graph(case)
        gen = time.perf_counter() - t
        n = len(graph.nodes)
        entry: dict[str, Any] = {"nodes": n, "edges": len(graph.edges), "generate_s": gen, "stores": {}}
        log.info("%s: %d nodes, %d relationships (made in %.1f s)", case, n, len(graph.edges), gen)
        entry["prep"] = _prep_seconds(graph)
        case_runs = runs if n < 1_000_000 else max(1, min(runs, 2))
        for store in stores:
            if store == "neo4j-bolt" and n > bolt_max:
                entry["stores"][store] = {"skipped": f"over --bolt-max {size_label(bolt_max)} nodes (FalkorDB's Bolt takes "
                                                     "~4 KiB per request: hours at this size)"}
                continue
            if store == "embedded-cypher" and n > cypher_max:
                entry["stores"][store] = {"skipped": f"over --cypher-max {size_label(cypher_max)} nodes"}
                continue
            log.info("%s on %s (%d runs)", case, store, case_runs)
            if store == "embedded":
                entry["stores"][store] = bench_embedded(graph, case_runs, "bulk")
            elif store == "embedded-cypher":
                entry["stores"][store] = bench_embedded(graph, case_runs, "cypher")
            else:
                entry["stores"][store] = bench_bolt(graph, case_runs)
            log.info("  %s", {k: v for k, v in entry["stores"][store].items() if k != "load_all_s"})
        results["cases"][case] = entry
        del graph
        gc.collect()
    results["python_peak_rss_mb"] = peak_rss_mb()
    return results


def _f(v: Any, digits: int = 2) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "–"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    return f"{v:,}"


def markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = ["# Store load benchmark", "",
             f"Machine: {m['nproc']} × {m['cpu']}, {m['memory_gb']} GB RAM, {m['os']}, Python {m['python']}, "
             f"{m['falkordb']}. Load average at start {m['load_average']} ({m['date']}); commit {m['commit']}.",
             "", "Times are medians of the runs shown; rows = nodes + relationships; every load starts from an "
             "empty store (embedded: a new data folder; neo4j-bolt: a new FalkorDB-with-Bolt server).", ""]
    rows = []
    for case, e in res["cases"].items():
        for store, r in e["stores"].items():
            if "skipped" in r:
                rows.append([case, store, _f(e["nodes"]), _f(e["edges"]), "–", "–", "–", "–", "–", "–", r["skipped"]])
                continue
            note = []
            if r.get("restart") is not None:
                note.append(f"restart {r['restart']:.2f} s, files {r['disk']:.1f} MB")
            if r.get("requests") is not None:
                note.append(f"{r['requests']:,.0f} requests")
            rows.append([case, store, _f(e["nodes"]), _f(e["edges"]), r["runs"], _f(r["load_s"]), _f(r["rows_per_s"], 0),
                         _f(r["reload_s"]), _f(r["server_rss_mb"], 0), ", ".join(f"{x:.2f}" for x in r["load_all_s"]),
                         "; ".join(note)])
    lines.append(markdown_table(table(["graph", "store", "nodes", "rels", "runs", "load s", "rows/s", "reload s",
                                       "server RSS MB", "all loads s", "notes"], rows)))
    lines += ["", "Python side alone (no server): de-duplicating the graph, encoding it for GRAPH.BULK (embedded) "
              "and building parameter rows (neo4j):", ""]
    prep = [[case, _f(e["generate_s"]), _f(e["prep"]["unique"]), _f(e["prep"]["bulk_encode"]), _f(e["prep"]["param_rows"])]
            for case, e in res["cases"].items()]
    lines.append(markdown_table(table(["graph", "generate s", "unique s", "bulk encode s", "param rows s"], prep)))
    lines += ["", f"Peak RSS of the benchmark process: {_f(res.get('python_peak_rss_mb'), 0)} MB.", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="corpus,10k,100k,1M", help="graphs: corpus and/or synthetic sizes (10k, 100k, 1M)")
    ap.add_argument("--stores", default="embedded,embedded-cypher,neo4j-bolt")
    ap.add_argument("--runs", type=int, default=3, help="fresh loads per graph and store (1M: at most 2)")
    ap.add_argument("--bolt-max", default="10k", help="largest graph to load over FalkorDB's Bolt")
    ap.add_argument("--cypher-max", default="100k", help="largest graph to load with UNWIND CREATE")
    ap.add_argument("--quick", action="store_true", help="one run each (a smoke test)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="markdown file to write")
    ap.add_argument("--json", type=Path, default=None, help="also write the raw results here")
    opts = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    for noisy in ("kg", "neo4j"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    cases = [c if c == "corpus" else size_label(parse_size(c)) for c in opts.sizes.split(",") if c]
    res = run(cases, [s for s in opts.stores.split(",") if s], 1 if opts.quick else opts.runs,
              parse_size(opts.bolt_max), parse_size(opts.cypher_max))
    text = markdown(res)
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    opts.out.write_text(text, encoding="utf-8")
    if opts.json:
        opts.json.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
