"""Smoke tests of the benchmarks: each runs at a tiny size and its results have the right shape.

Timings are not asserted (the machine is shared); what is asserted is that the harness works end
to end, that the networkx equivalents of the pack queries give the same answers as the store
(so the benchmark's ratios compare like with like), and that the synthetic graph is well formed.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bench import bench_pipeline, bench_queries, run
from bench.common import parse_size, percentile, size_label, summarize
from kg.models import Graph
from kg.queries import load_pack
from kg.synth import synthetic_graph


def test_statistics_helpers():
    xs = [float(i) for i in range(1, 21)]  # 1..20
    s = summarize(xs)
    assert s["n"] == 20 and s["median"] == 10.5 and s["min"] == 1.0 and s["max"] == 20.0
    assert s["p95"] == 19.0 == percentile(xs, 95)  # nearest rank: the 19th of 20
    assert parse_size("100k") == 100_000 and parse_size("1M") == 1_000_000 and parse_size("2500") == 2500
    assert size_label(1_000_000) == "1M" and size_label(100_000) == "100k"


def test_synthetic_graph_is_corpus_shaped_and_valid():
    g = synthetic_graph(800)
    assert len(g.nodes) == 800
    assert 2.5 * 800 <= len(g.edges) <= 3.1 * 800
    ids = [n.id for n in g.nodes]
    assert len(set(ids)) == len(ids)
    assert all(e.source in set(ids) and e.target in set(ids) for e in g.edges)
    types = Counter(n.type for n in g.nodes)
    for cls in ("City", "IndustryChain", "Enterprise", "Platform", "InnovationChain", "ChainStage", "Target",
                "Policy", "Program", "Agency", "University"):
        assert types[cls] > 0, cls
    rels = {e.type for e in g.edges}
    assert {"LEADS_CHAIN", "IN_CHAIN", "DEVELOPS_CHAIN", "HOSTS", "HAS_STAGE", "NEXT_STAGE", "SETS_TARGET",
            "ISSUED", "RUNS_PROGRAM", "PART_OF_PROGRAM", "COLLABORATES_WITH", "LOCATED_IN"} <= rels
    # objects made without validation dump and validate like validated ones; same seed, same graph
    again = Graph.model_validate_json(g.model_dump_json())
    assert again.model_dump() == g.model_dump() == synthetic_graph(800).model_dump()


def _both_phases(graph: Graph) -> tuple[dict, dict]:
    store = bench_queries.store_measure([graph], {"graph": "test"}, runs=1, budget_s=5, timeout_s=20, profile_over_s=None)
    nx = bench_queries.networkx_measure([graph], {"graph": "test"}, runs=1, budget_s=5, timeout_s=20)
    return store, nx


def _assert_same_answers(store: dict, nx: dict) -> None:
    assert set(store["queries"]) == set(nx["queries"]) == set(load_pack())
    for name in store["queries"]:
        s, n = store["queries"][name], nx["queries"][name]
        assert "error" not in s and "error" not in n, (name, s.get("error"), n.get("error"))
        assert {"median", "p95", "rows", "digest", "params"} <= set(s) and {"median", "p95", "rows", "digest"} <= set(n)
        assert (name, s["rows"], s["digest"]) == (name, n["rows"], n["digest"])


def test_networkx_equivalents_answer_like_the_store_on_the_corpus(corpus):
    params = bench_queries.pick_params(corpus.graph)
    # the documents' own example: 晋南钢铁集团 leads 氢能产业链 in 临汾市 (linfen-2022 line 248)
    assert params["chain_leaders"] == {"city": "临汾市"}
    assert params["evidence"] == {"source": "晋南钢铁集团", "target": "氢能产业链", "relation": "LEADS_CHAIN"}
    store, nx = _both_phases(corpus.graph)
    _assert_same_answers(store, nx)
    assert store["queries"]["evidence"]["rows"] >= 1
    assert store["nodes"] == len(corpus.graph.nodes) and store["load_s"] > 0


def test_networkx_equivalents_answer_like_the_store_on_a_synthetic_graph():
    store, nx = _both_phases(synthetic_graph(1500, seed=3))
    _assert_same_answers(store, nx)
    # selective parameters pick things that exist: every query but cross_city_chains has rows
    assert all(q["rows"] > 0 for q in store["queries"].values())
    assert store["queries"]["path"]["rows"] == 10


def test_pipeline_case_measures_throughput_and_stages():
    res = bench_pipeline.run_case("synthetic:2", runs=1, budget_s=30, profile_dir=None)
    assert res["documents"] == 2 and res["bytes"] > res["chars"] > 10_000  # Chinese: ~3 bytes a character
    assert res["build"]["n"] == 1 and res["bytes_per_s"] > 0 and res["peak_rss_mb"] > 0
    assert {"read_corpus", "extract"} <= set(res["stages"])  # timed inside kg.pipeline.build
    assert res["baseline_regex"]["median"] > 0 and res["nodes"] > 0


def test_run_quick_end_to_end(tmp_path: Path):
    """`python bench/run.py --quick` at the smallest sizes: every part runs in its own process."""
    code = run.main(["--quick", "--only", "pipeline,queries", "--sizes", "300", "--plans", "2", "--out", str(tmp_path)])
    assert code == 0
    report = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert {"nproc", "cpu", "memory_gb", "python", "falkordb", "uptime"} <= set(report["machine"])
    assert report["machine"]["falkordb"].startswith("FalkorDB 4.")
    pipe = report["results"]["pipeline"]["cases"]
    assert set(pipe) == {"corpus", "synthetic:2"} and pipe["corpus"]["documents"] == 5
    graphs = report["results"]["queries"]["graphs"]
    assert set(graphs) == {"corpus", "300"}
    for g in graphs.values():
        assert set(g["store"]["queries"]) == set(g["networkx"]["queries"]) == set(load_pack())
        assert all(q["digest"] == g["networkx"]["queries"][name]["digest"] for name, q in g["store"]["queries"].items())
    goals = {g["goal"]: g["met"] for g in report["goals"]}
    assert set(goals) == {"extraction ≥ 1 MB of text per second", "every pack query p95 ≤ 50 ms at 100k nodes",
                          "1M-node build + load ≤ 5 min and ≤ 8 GB"}
    assert goals["1M-node build + load ≤ 5 min and ≤ 8 GB"] is None  # not run at this size
    md = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "### Goals" in md and "| chain_leaders |" in md


def test_update_doc_replaces_only_the_results_section(tmp_path: Path):
    doc = tmp_path / "BENCHMARKS.md"
    doc.write_text(f"# B\n\nmethod\n\n{run.START}\nold\n{run.END}\n\nafter\n", encoding="utf-8")
    run.update_doc("new results\n", doc)
    assert doc.read_text(encoding="utf-8") == f"# B\n\nmethod\n\n{run.START}\nnew results\n{run.END}\n\nafter\n"
    other = tmp_path / "other.md"
    other.write_text("no markers here\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        run.update_doc("x", other)
