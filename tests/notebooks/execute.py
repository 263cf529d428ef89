"""Execute the notebooks in notebooks/ with nbclient: for the tests, and to refresh their outputs.

    .venv/bin/python -m tests.notebooks.execute            # re-run all, write outputs in place
    .venv/bin/python -m tests.notebooks.execute 02_chain_analysis

A notebook runs with its own folder as the working directory (as in Jupyter), so its views land
in notebooks/out/ (git-ignored). The kernel's TMPDIR is a fresh short folder, so the embedded
stores the notebooks open there are found and stopped afterwards even when a cell failed.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CELL_TIMEOUT = 60
"""Seconds any one cell may take (the build, the load, a view each take a few)."""


@dataclass
class Run:
    notebook: nbformat.NotebookNode
    seconds: float


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def stop_leftover_servers(folder: Path) -> list[int]:
    """Stop embedded FalkorDB servers whose socket lies under `folder`: a notebook that failed
    before closing its store leaves one running, and the kernel's exit has already removed its
    temporary folder (pid file included), so look at the processes' command lines (redis-server
    shows `unixsocket:<path>` as its title). Linux /proc only; elsewhere nothing is stopped."""
    stopped = []
    mark = f"{folder}{os.sep}"
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "redis-server" in cmdline and mark in cmdline:
            try:
                os.kill(int(proc.name), signal.SIGTERM)
                stopped.append(int(proc.name))
            except ProcessLookupError:
                pass
    return stopped


def execute(path: Path, cwd: Path, *, timeout: int = CELL_TIMEOUT, record_timing: bool = True) -> Run:
    """Run the notebook at `path` in `cwd`; raises nbclient's CellExecutionError on a failing cell."""
    nb = nbformat.read(path, as_version=4)
    tmp = Path(tempfile.mkdtemp(prefix="kgnb"))  # short: unix socket paths are limited to ~107 bytes
    env = {**os.environ, "TMPDIR": str(tmp), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
                            record_timing=record_timing)
    t0 = time.perf_counter()
    try:
        client.execute(env=env, cwd=str(cwd))
    finally:
        stopped = stop_leftover_servers(tmp)
        if stopped:
            log.warning("%s left embedded servers running (pids %s): stopped", path.name, stopped)
        shutil.rmtree(tmp, ignore_errors=True)
    return Run(nb, time.perf_counter() - t0)


def main(names: list[str]) -> int:
    """Re-execute notebooks in place (outputs refreshed, no timing metadata)."""
    paths = [p for p in notebook_paths() if not names or p.stem in names or p.name in names]
    if not paths:
        print(f"no notebook matches {names}", file=sys.stderr)
        return 2
    for path in paths:
        run = execute(path, NOTEBOOKS, record_timing=False)
        nbformat.write(run.notebook, path)
        print(f"{path.name}: {run.seconds:.1f} s, {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
