"""Views: time to build the HTML and time to first draw in headless Chromium, by size.

For each size a synthetic corpus-shaped graph (kg.synth) is drawn whole (`graph_view`), and the
corpus' own views (氢能 chain, 临汾市 city, whole graph) are drawn too. Build = `kg.views.to_html`
(selection excluded; layout shown apart); the first build in a process also compiles the page
template (reported once as "cold"). First draw = `performance.now()` at vis-network's first
`afterDrawing` after the layout settled, measured from the page's navigation start (includes
parsing the ~700 KB of inlined vis-network and the data, and physics stabilisation where it is
on); "ready" is the wall time from `Page.navigate` to that moment, seen from Python.

    .venv/bin/python bench/bench_views.py                       # 100, 500, 5000 + corpus
    .venv/bin/python bench/bench_views.py --sizes 100 --runs 1 --quick
    .venv/bin/python bench/bench_views.py --out bench/results/views.md --json out/bench/views.json
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/bench_views.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import load_average, machine_info, markdown_table, parse_size, write_json  # noqa: E402
from kg import views  # noqa: E402
from kg.models import Graph  # noqa: E402
from kg.synth import synthetic_graph  # noqa: E402
from tests.views.browser import Browser  # noqa: E402

DEFAULT = Path(__file__).resolve().parent / "results" / "views.md"


def cases(sizes: list[int], corpus: bool) -> list[tuple[str, views.View]]:
    out = [(f"synthetic {n}", views.graph_view(synthetic_graph(n), f"synthetic · {n} nodes")) for n in sizes]
    if corpus:
        from kg.pipeline import build

        g: Graph = build().graph
        out += [("corpus chain 氢能产业链", views.chain_view(g, "氢能产业链")),
                ("corpus city 临汾市", views.city_view(g, "临汾市")),
                ("corpus whole graph", views.graph_view(g))]
    return out


def measure(browser: Browser, view: views.View, folder: Path, name: str, runs: int) -> dict[str, Any]:
    n = len(view.graph.nodes)
    builds, layouts, draws, readies, builts, loads, settles = [], [], [], [], [], [], []
    path = folder / f"{name.replace(' ', '-')}.html"
    for _ in range(runs):
        t = time.perf_counter()
        if view.levels is None:
            views.precomputed_layout(view.graph)
        else:
            views.column_layout(view.graph, view.levels)
        layouts.append(time.perf_counter() - t)
        t = time.perf_counter()
        html = views.to_html(view)
        builds.append(time.perf_counter() - t)
        path.write_text(html, encoding="utf-8")
        t = time.perf_counter()
        page = browser.open(path)
        readies.append(time.perf_counter() - t)
        st = page.eval("(() => { const v = window.kgView; return {drawn: v.drawnAt, built: v.builtMs, started: v.startedAt,"
                       " settled: v.stabilizedAt, nodes: v.nodes.length, layout: v.meta.layout}; })()")
        errors = page.log().errors()
        page.close()
        assert st["nodes"] == n and not errors, (st, errors)
        draws.append(st["drawn"] / 1000)
        loads.append(st["started"] / 1000)
        builts.append(st["built"] / 1000)
        settles.append((st["settled"] - st["started"] - st["built"]) / 1000 if st["settled"] else 0.0)
    return {"case": name, "nodes": n, "edges": len(view.graph.edges), "layout": st["layout"],
            "build_s": statistics.median(builds), "layout_s": statistics.median(layouts),
            "html_kb": round(path.stat().st_size / 1024), "first_draw_s": statistics.median(draws),
            "page_load_s": statistics.median(loads), "network_s": statistics.median(builts),
            "physics_s": statistics.median(settles), "ready_s": statistics.median(readies), "runs": runs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,500,5000", help="node counts of the synthetic views (comma-separated; 5k works)")
    ap.add_argument("--runs", type=int, default=3, help="runs per case (median reported)")
    ap.add_argument("--quick", action="store_true", help="one run, no corpus views")
    ap.add_argument("--out", type=Path, default=DEFAULT, help="markdown file to write")
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers as JSON")
    opts = ap.parse_args(argv)
    sizes = [parse_size(s) for s in opts.sizes.split(",") if s.strip()]
    runs = 1 if opts.quick else opts.runs

    load_before = load_average()
    t = time.perf_counter()
    views.to_html(views.graph_view(synthetic_graph(20)))  # template compile + ontology load
    cold = time.perf_counter() - t
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-views-") as tmp, Browser(width=1400, height=900, timeout=180) as b:
        for name, view in cases(sizes, corpus=not opts.quick):
            res = measure(b, view, Path(tmp), name, runs)
            print(f"{name}: {res}", file=sys.stderr)
            rows.append(res)
    info = machine_info(with_falkordb=False)
    table = {"columns": ["view", "nodes", "edges", "layout", "build (s)", "layout alone (s)", "HTML (KB)",
                         "page loaded (s)", "new vis.Network (s)", "physics (s)", "first draw (s)", "open → drawn (s)"],
             "rows": [[r["case"], r["nodes"], r["edges"], r["layout"], f"{r['build_s']:.2f}", f"{r['layout_s']:.2f}",
                       r["html_kb"], f"{r['page_load_s']:.2f}", f"{r['network_s']:.2f}", f"{r['physics_s']:.2f}",
                       f"{r['first_draw_s']:.2f}", f"{r['ready_s']:.2f}"] for r in rows]}
    md = "\n".join([
        "# Views: build and first-draw times",
        "",
        f"`python bench/bench_views.py --sizes {opts.sizes} --runs {runs}` — medians of {runs} run(s); "
        f"headless Chromium (Debian `chromium`, `--headless --disable-gpu`, software rendering), 1400×900.",
        f"Machine: {info.get('nproc')} cores; load average (1, 5, 15 min) at the start {load_before}, "
        f"at the end {load_average()} (other jobs shared the machine); "
        f"{info.get('cpu', info.get('processor', ''))}".rstrip("; "),
        "",
        markdown_table(table),
        "",
        f"Cold start (first view in a process: page template with inlined vis-network compiled, ontology read): {cold:.2f} s.",
        "",
        "- build: `kg.views.to_html` (styles, tooltips, layout, JSON, template); the column after it times the "
        "networkx layout alone (measured separately: Louvain communities + a spring layout per community), which physics views "
        "also use as their starting positions.",
        f"- up to {views.LAYOUT_THRESHOLD} nodes physics runs in the page from those positions (80 iterations, 40 above 200 nodes, "
        "then off); beyond it the Python layout is final and physics is off ('precomputed'); chain views "
        "are laid out in columns (enterprises → chain → innovation chain → stages) in Python, physics off.",
        "- in the page, from navigation start (`performance.now()`): 'page loaded' = our script starts (HTML with "
        "the inlined vis-network parsed and compiled); 'new vis.Network' = the data parsed and the network "
        "constructed; 'physics' = from then until stabilisation ended (0 when physics is off); 'first draw' = "
        "the first `afterDrawing` once the layout settled (what the user waits for). 'open → drawn' is the "
        "wall time seen from Python (navigate command to drawn).",
        f"- views above {views.MAX_NODES} nodes are refused: export GraphML/GEXF for Gephi instead.",
    ])
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    opts.out.write_text(md + "\n", encoding="utf-8")
    write_json(opts.json, {"rows": rows, "cold_s": cold, "machine": info})
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
