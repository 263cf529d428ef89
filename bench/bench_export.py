"""Export time per format on the corpus graph and on a synthetic 100k-node graph.

Each format is written to a fresh temporary folder through `kg.export.export` (what `kg export`
does): the corpus graph `--runs` times (median reported), the synthetic graphs once. Sizes are of
the files written. `--replay` also times replaying the Cypher script into an empty embedded
FalkorDB (statement by statement, as the tests do).

    .venv/bin/python bench/bench_export.py                      # corpus + 100k, all formats
    .venv/bin/python bench/bench_export.py --sizes corpus --replay
    .venv/bin/python bench/bench_export.py --out bench/results/export.md
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # `python bench/bench_export.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.export import FORMATS, cypher_script, export, replay_cypher  # noqa: E402
from kg.models import Graph  # noqa: E402


def graph_for(size: str) -> Graph:
    if size == "corpus":
        from kg.pipeline import build

        return build().graph
    from kg.synth import synthetic_graph

    n = int(size.lower().replace("k", "000").replace("m", "000000"))
    return synthetic_graph(n)


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def time_format(graph: Graph, fmt: str, runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as d:
            t = time.perf_counter()
            path = export(graph, d + "/", fmt)
            times.append(time.perf_counter() - t)
            size = size_of(path)
    return statistics.median(times), size


def time_replay(graph: Graph) -> tuple[float, int]:
    from kg.store.falkordb import FalkorDBStore

    script = cypher_script(graph)
    with tempfile.TemporaryDirectory() as d:
        store = FalkorDBStore(Path(d) / "data")
        try:
            t = time.perf_counter()
            n = replay_cypher(script, store)
            return time.perf_counter() - t, n
        finally:
            store.close()


def human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="corpus,100k", help="comma list: corpus and/or synthetic sizes (100k, 20k…)")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--runs", type=int, default=3, help="runs per format on the corpus graph (median)")
    ap.add_argument("--replay", action="store_true", help="also time replaying the cypher script into FalkorDB")
    ap.add_argument("--replay-max", type=int, default=20000,
                    help="replay only graphs up to this many nodes (FalkorDB parses long literals at ~1 ms per row)")
    ap.add_argument("--out", type=Path, help="write the markdown table here too")
    args = ap.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    lines = [f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"load average at start {os.getloadavg()[0]:.1f}", ""]
    for size in args.sizes.split(","):
        t = time.perf_counter()
        graph = graph_for(size)
        made = time.perf_counter() - t
        runs = args.runs if size == "corpus" else 1
        lines += [f"### {size}: {len(graph.nodes):,} nodes, {len(graph.edges):,} relationships "
                  f"(built/generated in {made:.1f} s; {'median of ' + str(runs) + ' runs' if runs > 1 else 'one run'})",
                  f"load average {os.getloadavg()[0]:.1f}", "",
                  "| format | time | size | nodes/s |", "|---|---:|---:|---:|"]
        for fmt in formats:
            try:
                secs, nbytes = time_format(graph, fmt, runs)
                lines.append(f"| {fmt} | {secs:.3f} s | {human(nbytes)} | {len(graph.nodes) / secs:,.0f} |")
            except Exception as exc:  # a format that fails is reported, not fatal
                lines.append(f"| {fmt} | failed: {type(exc).__name__}: {exc} | | |")
            print(lines[-1], flush=True)
            save(args.out, lines)
        if args.replay and len(graph.nodes) <= args.replay_max:
            secs, n = time_replay(graph)
            lines.append(f"| cypher replay into FalkorDB | {secs:.2f} s | {n:,} statements | {len(graph.nodes) / secs:,.0f} |")
            print(lines[-1], flush=True)
            save(args.out, lines)
        lines.append("")
    save(args.out, lines)
    print("\n".join(lines))


def save(out: Path | None, lines: list[str]) -> None:
    """Write what is measured so far (a long run that is stopped keeps its numbers)."""
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
