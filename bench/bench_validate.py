"""Validation and RDF conversion time: the corpus graph and synthetic graphs.

Per graph: `to_rdf` (Graph -> rdflib), `from_rdf`, `validate` (Python checks + to_rdf + pyshacl,
with its own step timings), and Turtle / JSON-LD serialise + parse. Wall-clock medians of `--runs`
runs and the CPU time of the median run's process share (the machine is shared: the load average
is printed with the results).

    .venv/bin/python bench/bench_validate.py                       # corpus, 1k, 5k
    .venv/bin/python bench/bench_validate.py --sizes corpus --runs 5 --out out/bench/validate.md
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # `python bench/bench_validate.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import load_average, markdown_table, table  # noqa: E402
from kg.models import Graph  # noqa: E402


def graph_for(size: str) -> Graph:
    if size == "corpus":
        from kg.pipeline import build

        return build().graph
    from kg.synth import synthetic_graph

    return synthetic_graph(int(size.lower().replace("k", "000")))


def measure(fn: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """(median wall s, median cpu s, last result) of `runs` calls."""
    walls, cpus, value = [], [], None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        value = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="corpus,1k,5k", help="comma-separated: corpus and/or node counts (1k, 5000)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, help="also write the markdown table to this file")
    args = ap.parse_args(argv)

    from kg.rdf import from_rdf, parse_rdf, serialize, to_rdf
    from kg.validate import validate

    validate(Graph())  # warm up: imports pyshacl, parses the ontology and the shapes once
    rows = []
    for size in args.sizes.split(","):
        g = graph_for(size)
        runs = args.runs if len(g.nodes) <= 2000 else 1
        t_to, c_to, rdf = measure(lambda: to_rdf(g, strict=False), runs)
        t_from, c_from, _ = measure(lambda: from_rdf(rdf), runs) if size == "corpus" or runs > 1 else (float("nan"),) * 3
        t_val, c_val, report = measure(lambda: validate(g), runs)
        cells = [size, len(g.nodes), len(g.edges), len(rdf), f"{t_to:.2f} ({c_to:.2f})", f"{t_from:.2f}",
                 f"{t_val:.2f} ({c_val:.2f})", f"{report.timings.get('shacl', 0):.2f}",
                 f"{len(report.violations)}/{len(report.warnings)}"]
        for fmt in ("ttl", "jsonld"):
            t_ser, _, text = measure(lambda: serialize(g, fmt), 1)
            t_parse, _, _ = measure(lambda: parse_rdf(text, fmt), 1)
            cells.append(f"{t_ser:.2f} / {t_parse:.2f} ({len(text.encode()) / 1e6:.1f} MB)")
        rows.append(cells)
        print(f"{size}: done", file=sys.stderr, flush=True)
    t = table(["graph", "nodes", "edges", "triples", "to_rdf s (cpu)", "from_rdf s", "validate s (cpu)",
               "of it pyshacl s", "violations/warnings", "ttl write / read", "jsonld write / read"], rows)
    text = markdown_table(t) + f"\n\nload average {load_average()} · runs {args.runs} (graphs over 2000 nodes: 1)\n"
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
