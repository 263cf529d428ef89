"""Ingest speed: the bundled corpus as .txt, and one plan rendered as .docx and .pdf.

    .venv/bin/python bench/ingest_bench.py [REPEATS]

Prints per document lines, paragraphs, sections, tables and the median wall time of reading.
The rendering helpers of tests/ingest make the DOCX and PDF (python-docx, reportlab).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.config import PLANS  # noqa: E402
from kg.ingest import read_corpus, read_document  # noqa: E402
from kg.ingest.text import split_lines  # noqa: E402
from tests.ingest.render import to_docx, to_pdf  # noqa: E402


def timed(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main(repeats: int = 5) -> None:
    secs, (docs, errors) = timed(lambda: read_corpus(PLANS), repeats)
    print(f"{'document':50} {'lines':>6} {'paras':>6} {'sects':>6} {'tables':>6}")
    for d in docs:
        print(f"{d.name:50} {len(d.lines):6d} {len(d.paragraphs):6d} {len(d.sections):6d} {len(d.tables):6d}")
    print(f"corpus: {len(docs)} documents, {sum(len(d.lines) for d in docs)} lines, median {secs * 1000:.0f} ms over {repeats} runs")
    name = "linfen-2022-innovation-ecosystem-plan.txt"
    lines = split_lines((PLANS / name).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, render in (("docx", to_docx), ("pdf", to_pdf)):
            path = render(lines, Path(tmp) / f"linfen.{fmt}")
            secs, doc = timed(lambda: read_document(path), repeats)
            pages = f", {doc.pages} pages" if doc.pages else ""
            print(f"{name} as {fmt}: {len(doc.lines)} lines{pages}, median {secs * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
