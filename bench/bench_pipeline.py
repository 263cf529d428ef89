"""Build throughput: ingest + extract + resolve (`kg.pipeline.build`) on the corpus and on synthetic
corpora of recombined plans, with each stage's share, the peak memory, and two baselines measured
in the same process: reading and decoding the files, and one pass of the corpus' set-phrase
regular expressions over every line (the floor any rule-based extractor pays).

Each case runs in a fresh process (`run_isolated`), so its peak RSS is its own. Where the build is
slower than the goal (1 MB of text per second), one build is profiled with pyinstrument and the
functions with the most own time are listed. By hand:
`python -m bench.bench_pipeline --case synthetic:1000 --runs 1`.
"""

from __future__ import annotations

import argparse
import gc
import logging
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # `python bench/bench_pipeline.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    CaseFailed,
    load_average,
    markdown_table,
    peak_rss_mb,
    ratio,
    repeat,
    run_isolated,
    summarize,
    table,
    timed,
    write_json,
)

log = logging.getLogger(__name__)

GOAL_BYTES_PER_S = 1_000_000  # 1 MB (10^6 bytes of UTF-8 text) per second
PROFILE_MAX_BYTES = 5_000_000  # larger inputs are not profiled (a profiled build runs ~2× slower)

# The set phrases the plans state facts in (seeds/README.md); one pass of all of them over every
# line is the regex baseline.
SET_PHRASES = [re.compile(p) for p in (
    r"依托(.{2,30}?)作为(.{2,12}?)产业链[“\"]?链主[”\"]?",
    r"依托(.{2,30}?)建设(.{2,30}?)[，。；]",
    r"与(.{2,20}?)(?:、(.{2,20}?))*合作(?:设立|共建|建设)(.{2,30}?)[，。；]",
    r"支持(.{2,30}?)牵头(?:组建|建设)(.{2,30}?)[，。；]",
    r"以(.{2,30}?)为核心(?:空间)?载体",
    r"[（(]?(\d{4})年[）)]?.{0,20}?达到(\d+(?:\.\d+)?)(家|个|亿元|%|件|人)",
)]


def plan_files(folder: Path) -> list[Path]:
    from kg.ingest import corpus_files

    return corpus_files(folder)


def text_size(files: list[Path]) -> tuple[int, int]:
    """(characters, UTF-8 bytes) of the plan files."""
    chars = nbytes = 0
    for p in files:
        data = p.read_bytes()
        nbytes += len(data)
        chars += len(data.decode("utf-8", errors="replace"))
    return chars, nbytes


def baseline_read(files: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").splitlines()) for p in files)


def baseline_regex(files: list[Path]) -> int:
    hits = 0
    for p in files:
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            for rx in SET_PHRASES:
                hits += sum(1 for _ in rx.finditer(line))
    return hits


class StageTimer:
    """Times the stages `kg.pipeline.build` calls, by wrapping the kg functions its module imported
    (read_corpus, extract, resolve, …) for the duration of a build; the pipeline is not copied,
    so a rewritten extractor is measured as it is."""

    def __init__(self) -> None:
        import kg.pipeline as pipeline

        self.module = pipeline
        self.seconds: dict[str, float] = defaultdict(float)
        self.originals: dict[str, Callable[..., Any]] = {}
        for name, obj in vars(pipeline).items():
            if callable(obj) and not isinstance(obj, type) and getattr(obj, "__module__", "").startswith("kg.") \
                    and obj.__module__ != pipeline.__name__:
                self.originals[name] = obj

    def _wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed_stage(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - t
        return timed_stage

    def __enter__(self) -> "StageTimer":
        for name, fn in self.originals.items():
            setattr(self.module, name, self._wrap(name, fn))
        return self

    def __exit__(self, *exc: object) -> None:
        for name, fn in self.originals.items():
            setattr(self.module, name, fn)


def profile_build(folder: Path, out: Path | None, top: int = 15) -> list[dict[str, Any]]:
    """One build under pyinstrument: the functions with the most own time (and the report files)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return [{"function": "pyinstrument is not installed (pip install -e '.[bench]')", "self_s": 0, "share": 0}]
    from kg.pipeline import build

    profiler = Profiler(interval=0.001)
    profiler.start()
    build(folder)
    profiler.stop()
    session = profiler.last_session
    own: dict[str, float] = defaultdict(float)
    root = session.root_frame()

    def visit(frame: Any) -> None:
        # "[self]"/"[await]" frames are pyinstrument's own bookkeeping: their time is already
        # in their parent's total_self_time
        if not frame.function.startswith("["):
            where = f"{frame.file_path_short}:{frame.line_no}" if frame.file_path_short else "built-in"
            own[f"{frame.function} ({where})"] += frame.total_self_time
        for child in frame.children:
            visit(child)

    if root is not None:
        visit(root)
    total = session.duration or 1.0
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.with_suffix(".txt").write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
        out.with_suffix(".html").write_text(profiler.output_html(), encoding="utf-8")
    ranked = sorted(own.items(), key=lambda kv: -kv[1])[:top]
    return [{"function": k, "self_s": round(v, 3), "share": round(v / total, 3)} for k, v in ranked]


def measure(folder: Path, *, runs: int, budget_s: float, profile_to: Path | None) -> dict[str, Any]:
    """Repeated builds of one folder, with stage split, baselines, memory and (if slow) a profile."""
    from kg.pipeline import build

    files = plan_files(folder)
    chars, nbytes = text_size(files)
    info: dict[str, Any] = {"documents": len(files), "chars": chars, "bytes": nbytes, "load_average_start": load_average()}
    stages: list[dict[str, float]] = []
    totals: list[float] = []
    result = None
    start = time.perf_counter()
    for i in range(runs):
        result = None
        gc.collect()
        with StageTimer() as st:
            result, seconds = timed(lambda: build(folder))
        totals.append(seconds)
        stages.append(dict(st.seconds))
        if i + 1 < runs and time.perf_counter() - start > budget_s:
            break
    info["peak_rss_mb"] = peak_rss_mb()  # the builds ran first: this is their peak
    assert result is not None
    info["nodes"], info["edges"] = len(result.graph.nodes), len(result.graph.edges)
    info["errors"] = len(result.errors)
    del result
    gc.collect()
    info["build"] = summarize(totals)
    names = sorted({k for s in stages for k in s})
    info["stages"] = {k: summarize([s.get(k, 0.0) for s in stages]) for k in names}
    med = info["build"]["median"]
    info["bytes_per_s"] = nbytes / med
    info["chars_per_s"] = chars / med
    info["docs_per_s"] = len(files) / med
    info["baseline_read"] = summarize(repeat(lambda: baseline_read(files), max(3, runs), warmup=1, budget_s=budget_s))
    info["baseline_regex"] = summarize(repeat(lambda: baseline_regex(files), max(3, runs), warmup=0, budget_s=budget_s))
    if profile_to is not None and info["bytes_per_s"] < GOAL_BYTES_PER_S and nbytes <= PROFILE_MAX_BYTES:
        info["profile"] = profile_build(folder, profile_to)
        info["profile_files"] = [str(profile_to.with_suffix(".txt")), str(profile_to.with_suffix(".html"))]
    info["load_average_end"] = load_average()
    return info


def run_case(case: str, *, runs: int, budget_s: float, profile_dir: Path | None) -> dict[str, Any]:
    """'corpus' (seeds/plans) or 'synthetic:N' (N recombined plans, generated in a temp folder)."""
    from kg.config import PLANS
    from kg.synth import synthetic_corpus

    profile_to = profile_dir / f"profile-pipeline-{case.replace(':', '-')}" if profile_dir else None
    if case == "corpus":
        return {"case": case, **measure(PLANS, runs=runs, budget_s=budget_s, profile_to=profile_to)}
    n = int(case.split(":", 1)[1])
    with tempfile.TemporaryDirectory(prefix="kg-bench-corpus-") as tmp:
        _, gen_s = timed(lambda: synthetic_corpus(Path(tmp), n))
        return {"case": case, "generate_s": gen_s, **measure(Path(tmp), runs=runs, budget_s=budget_s, profile_to=profile_to)}


# ============================================================================ orchestration


def run(cases: list[str], *, quick: bool = False, runs: int | None = None, out_dir: Path | None = None,
        mem_limit_mb: float | None = 12_000, timeout_s: float = 3600) -> dict[str, Any]:
    results: dict[str, Any] = {"benchmark": "pipeline", "cases": {}, "failures": []}
    for case in cases:
        n_runs = runs or (1 if quick else (5 if case == "corpus" else 3))
        budget = 30.0 if quick else 300.0
        args = ["--case", case, "--runs", str(n_runs), "--budget", str(budget)]
        if out_dir:
            args += ["--profile-dir", str(out_dir)]
        try:
            res = run_isolated("bench_pipeline", args, mem_limit_mb=mem_limit_mb, timeout_s=timeout_s)
            res.result["process_peak_rss_mb"] = res.peak_rss_mb
            results["cases"][case] = res.result
        except CaseFailed as exc:
            log.error("%s", exc)
            results["failures"].append(f"{case}: {exc}")
            results["cases"][case] = {"case": case, "error": str(exc)[-1500:]}
    results["tables"] = tables(results)
    results["goals"] = goals(results)
    return results


def _label(case: str) -> str:
    return "corpus (5 plans)" if case == "corpus" else f"synthetic, {case.split(':')[1]} plans"


def tables(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows, stage_rows, prof = [], [], []
    for case, r in results["cases"].items():
        if "build" not in r:
            rows.append([_label(case), "failed: " + r.get("error", "?")[:120]] + ["–"] * 9)
            continue
        med = r["build"]["median"]
        rows.append([
            _label(case), r["documents"], f"{r['chars']:,}", f"{r['bytes'] / 1e6:.2f}",
            f"{med:.2f} (n={r['build']['n']})", f"{r['bytes_per_s'] / 1e6:.2f}", f"{r['chars_per_s']:,.0f}",
            f"{r['docs_per_s']:.1f}", f"{r.get('peak_rss_mb') or 0:,.0f}",
            f"{r['baseline_regex']['median']:.3f} ({ratio(med, r['baseline_regex']['median'])})",
            f"{r['baseline_read']['median']:.3f} ({ratio(med, r['baseline_read']['median'])})",
        ])
        for stage, s in r.get("stages", {}).items():
            stage_rows.append([_label(case), stage, f"{s['median']:.3f}", f"{s['median'] / med:.0%}",
                               f"{r['bytes'] / s['median'] / 1e6:.2f}" if s["median"] else "–"])
        for p in r.get("profile", []):
            prof.append([_label(case), p["function"], f"{p['self_s']:.3f}", f"{p['share']:.0%}"])
    out = [{"title": "Build throughput (kg.pipeline.build: ingest + extract + resolve), medians",
            **table(["input", "documents", "characters", "MB (UTF-8)", "build s", "MB/s", "characters/s", "documents/s",
                     "peak RSS MiB", "regex baseline s (build ÷ it)", "read baseline s (build ÷ it)"], rows)},
           {"title": "Build stages (time inside each function kg.pipeline.build calls), medians",
            **table(["input", "stage", "seconds", "share", "MB/s of the stage"], stage_rows)}]
    if prof:
        out.append({"title": "Where a build spends its time (pyinstrument, own time per function, one profiled build)",
                    **table(["input", "function", "own s", "share of the profiled build"], prof)})
    return out


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    done = {c: r for c, r in results["cases"].items() if "bytes_per_s" in r}
    if not done:
        return [{"goal": "extraction ≥ 1 MB of text per second", "met": None, "measured": "not run"}]
    measured = "; ".join(f"{_label(c)} {r['bytes_per_s'] / 1e6:.2f} MB/s" for c, r in done.items())
    slowest = min(r["bytes_per_s"] for r in done.values())
    if slowest < GOAL_BYTES_PER_S:
        measured += f" — {GOAL_BYTES_PER_S / slowest:.1f}× short at the slowest"
    return [{"goal": "extraction ≥ 1 MB of text per second", "met": slowest >= GOAL_BYTES_PER_S, "measured": measured}]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", default=None, help="corpus or synthetic:N (one case, in this process)")
    ap.add_argument("--cases", default="corpus,synthetic:1000", help="cases to run, each in a fresh process")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--budget", type=float, default=300.0, help="stop repeating a case after this many seconds")
    ap.add_argument("--profile-dir", type=Path, default=None, help="profile slow builds and write the reports here")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if args.case:
        res = run_case(args.case, runs=args.runs or 1, budget_s=args.budget, profile_dir=args.profile_dir)
    else:
        res = run(args.cases.split(","), quick=args.quick, runs=args.runs, out_dir=args.profile_dir)
        for t in res["tables"]:
            print(f"\n{t['title']}\n{markdown_table(t)}")
    write_json(args.json, res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
