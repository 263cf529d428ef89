"""The one entry point of the benchmarks: `make bench` or `python bench/run.py`.

Runs, each case in a fresh process: build throughput (bench_pipeline), every pack query against
networkx (bench_queries, which also measures the 1M-node generate + load), and the benchmarks of
the stores, views, exports and validation (bench_store, bench_views, bench_export, bench_validate)
where they are present.
Writes out/bench/results.json and out/bench/results.md; `--update-doc` also replaces the results
section of BENCHMARKS.md.

    python bench/run.py                  # everything at the issue's sizes (long: the 1M graph)
    python bench/run.py --quick          # small sizes, for a smoke test (~1 minute)
    python bench/run.py --sizes 10k,100k --only queries,store
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import logging
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench_pipeline, bench_queries  # noqa: E402
from bench.common import ROOT, load_average, machine_info, markdown_table, parse_size, size_label, write_json  # noqa: E402

log = logging.getLogger("bench")

BENCHMARKS = ("pipeline", "queries", "store", "views", "export", "validate")
DOC = ROOT / "BENCHMARKS.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


# ----------------------------------------------------------------------------- benchmarks of other modules


def _present(module: str) -> bool:
    return importlib.util.find_spec(f"bench.{module}") is not None


def _script(module: str, args: list[str], out_md: Path, timeout_s: float) -> dict[str, Any]:
    """Run a benchmark script that prints/writes markdown (`--out FILE`); keep its text.

    If it also takes `--json FILE`, its JSON is kept; its own tables are carried into the
    report as they are, under its name."""
    cmd = [sys.executable, str(ROOT / "bench" / f"{module}.py"), *args]
    json_path = out_md.with_suffix(".json")
    if _flag(module, "--out"):
        cmd += ["--out", str(out_md)]
    if _flag(module, "--json"):
        cmd += ["--json", str(json_path)]
    log.info("running %s", " ".join(cmd))
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout_s)
    seconds = time.perf_counter() - start
    text = out_md.read_text(encoding="utf-8") if out_md.exists() else proc.stdout
    res: dict[str, Any] = {"benchmark": module, "command": " ".join(cmd[1:]), "seconds": seconds,
                           "returncode": proc.returncode, "markdown": text.strip()}
    if proc.returncode != 0:
        res["error"] = proc.stderr[-2000:]
    if json_path.exists():
        try:
            res["json"] = json.loads(json_path.read_text(encoding="utf-8"))
        except ValueError:
            pass
    return res


@functools.lru_cache(maxsize=None)
def _help(module: str) -> str:
    try:
        return subprocess.run([sys.executable, str(ROOT / "bench" / f"{module}.py"), "--help"], cwd=ROOT,
                              capture_output=True, text=True, timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""


def _flag(module: str, flag: str) -> bool:
    """Whether a benchmark script takes an option (read from its --help)."""
    return flag in _help(module)


def run_store(opts: argparse.Namespace, out: Path) -> dict[str, Any]:
    sizes = opts.store_sizes or (["1k"] if opts.quick else ["10k", "100k", "1M"])
    args = ["--sizes", ",".join(sizes)]
    if opts.quick and _flag("bench_store", "--quick"):
        args.append("--quick")
    return _script("bench_store", args, out / "store.md", opts.timeout)


def run_views(opts: argparse.Namespace, out: Path) -> dict[str, Any]:
    sizes = opts.view_sizes or (["100"] if opts.quick else ["100", "500", "5000"])
    args = ["--sizes", ",".join(sizes)]
    if opts.quick and _flag("bench_views", "--quick"):
        args.append("--quick")
    return _script("bench_views", args, out / "views.md", opts.timeout)


def run_export(opts: argparse.Namespace, out: Path) -> dict[str, Any]:
    sizes = opts.export_sizes or (["2k"] if opts.quick else ["corpus", "100k"])
    args = ["--sizes", ",".join(sizes)]
    if opts.quick:
        args += ["--runs", "1"]
    return _script("bench_export", args, out / "export.md", opts.timeout)


def run_validate(opts: argparse.Namespace, out: Path) -> dict[str, Any]:
    args = ["--sizes", "corpus", "--runs", "1"] if opts.quick else []
    return _script("bench_validate", args, out / "validate.md", opts.timeout)


# ----------------------------------------------------------------------------- our own benchmarks


def run_pipeline(opts: argparse.Namespace, out: Path) -> dict[str, Any]:
    plans = opts.plans or (5 if opts.quick else 1000)
    cases = ["corpus", f"synthetic:{plans}"]
    # a quick run does not profile (profiling runs one more build)
    return bench_pipeline.run(cases, quick=opts.quick, runs=opts.runs, out_dir=None if opts.quick else out,
                              mem_limit_mb=opts.mem_limit_gb * 1024)


def run_queries(opts: argparse.Namespace, out: Path) -> dict[str, Any]:
    sizes = opts.sizes or (["2k"] if opts.quick else ["100k", "1M"])
    graphs = ["corpus", *[size_label(parse_size(s)) for s in sizes if s != "corpus"]]
    if opts.sizes == ["corpus"]:
        graphs = ["corpus"]
    previous = opts.previous.get("results", {}).get("queries") if opts.previous else None
    res = bench_queries.run(graphs, quick=opts.quick, runs=opts.runs, out_dir=out, mem_limit_mb=opts.mem_limit_gb * 1024,
                            phases=tuple(opts.query_phases), previous=previous)
    if opts.merge and previous:  # keep the graphs not re-run
        old = previous.get("graphs", {})
        res["graphs"] = {**{k: res["graphs"].get(k, v) for k, v in old.items()}, **{k: v for k, v in res["graphs"].items() if k not in old}}
        res["tables"], res["goals"] = bench_queries.tables(res), bench_queries.goals(res)
    return res


RUNNERS: dict[str, tuple[Callable[[argparse.Namespace, Path], dict[str, Any]], str | None]] = {
    "pipeline": (run_pipeline, None),
    "queries": (run_queries, None),
    "store": (run_store, "bench_store"),
    "views": (run_views, "bench_views"),
    "export": (run_export, "bench_export"),
    "validate": (run_validate, "bench_validate"),
}


# ----------------------------------------------------------------------------- report


def render(report: dict[str, Any]) -> str:
    """The results as markdown: machine, goals, then each benchmark's tables."""
    m = report["machine"]
    lines = [
        f"Machine: {m['nproc']} × {m['cpu']}, {m['memory_gb']} GB RAM ({m['os']}), Python {m['python']}, "
        f"{m['falkordb']}, networkx {m['networkx']}, pydantic {m['pydantic']}; commit {m['commit']}.",
        f"Last command: `{report['command']}` ({report['seconds'] / 60:.1f} min), started {m['date']} with "
        f"`{m['uptime']}`; each section below says when it ran and how loaded the machine was.",
        "",
        "### Goals",
        "",
        markdown_table({"columns": ["goal", "met", "measured"],
                        "rows": [[g["goal"], {True: "✓ met", False: "✗ missed", None: "– not measured"}[g["met"]], g["measured"]]
                                 for g in report["goals"]]}),
    ]
    for name in BENCHMARKS:
        res = report["results"].get(name)
        if res is None:
            continue
        lines += ["", f"### {name}", ""]
        if res.get("measured"):
            w = res["measured"]
            lines += [w["note"] if w.get("note") else
                      f"Run {w['started']} ({w['minutes']} min), load average before {w['load_average_before']}, "
                      f"after {w['load_average_after']}.", ""]
        if res.get("skipped"):
            lines.append(f"Not run: {res['skipped']}")
            continue
        for t in res.get("tables", []):
            lines += [f"**{t['title']}**", "", markdown_table(t), ""]
        if res.get("markdown"):
            lines += [f"Output of `{res['command']}` ({res['seconds']:.0f} s):", "", _demote(res["markdown"]), ""]
        if res.get("error"):
            lines += ["", "Errors:", "", "```", str(res["error"])[-1500:], "```"]
        for f in res.get("failures", []):
            lines.append(f"- failed: {f[:500]}")
    return "\n".join(lines).rstrip() + "\n"


def _demote(markdown: str, by: int = 3) -> str:
    """Headings of an embedded report sit below this report's `### benchmark` headings."""
    out = []
    for line in markdown.splitlines():
        level = len(line) - len(line.lstrip("#"))
        if level and line[level:level + 1] == " ":
            line = "#" * min(6, level + by) + line[level:]
        out.append(line)
    return "\n".join(out)


def update_doc(markdown: str, doc: Path = DOC) -> None:
    """Replace the text between the results markers of BENCHMARKS.md."""
    text = doc.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{doc}: no {START} … {END} section to replace")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{START}\n{markdown}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--quick", action="store_true", help="small sizes and few runs (a smoke test, ~1 minute)")
    ap.add_argument("--sizes", type=lambda s: [x for x in s.split(",") if x], default=None,
                    help="synthetic graph sizes for the query and store benchmarks (default 100k,1M for queries; "
                         "the corpus graph is always measured; 'corpus' alone runs only it)")
    ap.add_argument("--store-sizes", type=lambda s: [x for x in s.split(",") if x], default=None, help="default 10k,100k,1M")
    ap.add_argument("--view-sizes", type=lambda s: [x for x in s.split(",") if x], default=None, help="default 100,500,5000")
    ap.add_argument("--export-sizes", type=lambda s: [x for x in s.split(",") if x], default=None, help="default corpus,100k")
    ap.add_argument("--plans", type=int, default=None, help="plans in the synthetic corpus (default 1000; 5 with --quick)")
    ap.add_argument("--only", type=lambda s: [x for x in s.split(",") if x], default=list(BENCHMARKS),
                    help=f"comma list of {', '.join(BENCHMARKS)}")
    ap.add_argument("--runs", type=int, default=None, help="repetitions per measurement (default by size)")
    ap.add_argument("--mem-limit-gb", type=float, default=14.0, help="stop a case whose processes pass this RSS")
    ap.add_argument("--timeout", type=float, default=7200.0, help="seconds per benchmark script at most")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "bench", help="folder of results.json/results.md")
    ap.add_argument("--update-doc", action="store_true", help="write the results into BENCHMARKS.md")
    ap.add_argument("--query-phases", type=lambda s: [x for x in s.split(",") if x], default=["store", "networkx"],
                    help="re-run only these phases of the query benchmark (store, networkx); the other comes from the last results.json")
    ap.add_argument("--merge", action="store_true",
                    help="keep the other benchmarks' results from the last results.json (re-run a part only)")
    ap.add_argument("--render", action="store_true",
                    help="run nothing: re-render results.md (and BENCHMARKS.md with --update-doc) from results.json")
    opts = ap.parse_args(argv)
    if opts.render:
        report = json.loads((opts.out / "results.json").read_text(encoding="utf-8"))
        for name, mod in (("pipeline", bench_pipeline), ("queries", bench_queries)):
            res = report["results"].get(name)
            if res and "tables" in res:
                res["tables"], res["goals"] = mod.tables(res), mod.goals(res)
        report["goals"] = [g for name in BENCHMARKS for g in report["results"].get(name, {}).get("goals", [])]
        write_json(opts.out / "results.json", report)
        md = render(report)
        (opts.out / "results.md").write_text(md, encoding="utf-8")
        if opts.update_doc:
            update_doc(md)
        print(md)
        return 0
    if opts.sizes is not None and opts.store_sizes is None:
        opts.store_sizes = opts.sizes
    unknown = set(opts.only) - set(BENCHMARKS)
    if unknown:
        ap.error(f"unknown benchmark {', '.join(sorted(unknown))}; choose from {', '.join(BENCHMARKS)}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    opts.out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    previous = json.loads((opts.out / "results.json").read_text(encoding="utf-8")) if (opts.out / "results.json").exists() else None
    opts.previous = previous
    report: dict[str, Any] = {
        "command": "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine_info(), "results": {}, "goals": [], "load": {},
    }
    for name in BENCHMARKS:
        if name not in opts.only:
            continue
        fn, module = RUNNERS[name]
        if module and not _present(module):
            log.warning("bench/%s.py is not there: %s benchmark skipped", module, name)
            report["results"][name] = {"skipped": f"bench/{module}.py is not present in this checkout"}
            continue
        log.info("== %s", name)
        report["load"][f"before {name}"] = load_average()
        started = time.strftime("%Y-%m-%d %H:%M")
        t0 = time.perf_counter()
        try:
            res = fn(opts, opts.out)
        except Exception as exc:  # noqa: BLE001 - one benchmark failing must not lose the others
            log.exception("%s benchmark failed", name)
            res = {"error": f"{type(exc).__name__}: {exc}"}
        res["measured"] = {"started": started, "minutes": round((time.perf_counter() - t0) / 60, 1),
                           "load_average_before": report["load"][f"before {name}"], "load_average_after": load_average(),
                           "command": report["command"]}
        report["results"][name] = res
        if opts.merge and previous:  # keep the other benchmarks' results in the file at every step
            write_json(opts.out / "results.json", {**report, "results": {**previous.get("results", {}), **report["results"]}})
        else:
            write_json(opts.out / "results.json", report)
    report["load"]["at the end"] = load_average()
    if opts.merge and previous:
        report["results"] = {**previous.get("results", {}), **report["results"]}
    report["goals"] = [g for name in BENCHMARKS for g in report["results"].get(name, {}).get("goals", [])]
    report["seconds"] = time.perf_counter() - start
    write_json(opts.out / "results.json", report)
    md = render(report)
    (opts.out / "results.md").write_text(md, encoding="utf-8")
    if opts.update_doc:
        update_doc(md)
    print(md)
    log.info("results in %s and %s", opts.out / "results.json", opts.out / "results.md")
    failed = [n for n, r in report["results"].items() if r.get("error") or r.get("failures")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
