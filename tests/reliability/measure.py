"""Run one `kg` command in this process and write its peak RSS and time as JSON.

    python tests/reliability/measure.py REPORT.json build --plans FOLDER --out FILE

The process measures itself: peak RSS is VmHWM of /proc/self/status, the high-water mark of this
program's own memory. (Not getrusage's ru_maxrss: Linux carries it over fork and exec, so a child
of a big pytest process would report pytest's size.)"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main() -> int:
    report, args = Path(sys.argv[1]), sys.argv[2:]
    t0, c0 = time.perf_counter(), time.process_time()
    code = 0
    try:
        from kg.cli import app

        app(args=args, prog_name="kg", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    report.write_text(json.dumps({
        "exit": code, "wall_s": round(time.perf_counter() - t0, 2), "cpu_s": round(time.process_time() - c0, 2),
        "peak_rss_mb": round(peak_rss_kb() / 1024, 1),
    }))
    return code


def peak_rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # no /proc: the best there is


if __name__ == "__main__":
    sys.exit(main())
