"""The build: plan files -> ingest -> extract -> resolve (with curation) -> Graph (pure, no store)."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, Field

from kg.config import CURATION, PLANS
from kg.curation import Curation, load_curation
from kg.extract import extract
from kg.ingest import read_corpus
from kg.models import Document, Extraction, Graph
from kg.resolve import Resolution, resolve_full

log = logging.getLogger(__name__)

RESOLUTION_NAME = "resolution.json"


class BuildResult(BaseModel):
    graph: Graph
    documents: list[Document]
    extractions: list[Extraction]
    errors: list[str] = Field(default_factory=list)
    resolution: Resolution | None = None
    timings: dict[str, float] = Field(default_factory=dict)

    def write_resolution(self, path: Path) -> Path:
        """How every node was resolved and what the curation did (read by `kg explain`)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self.resolution.report() if self.resolution else {"nodes": [], "curation": {}}
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
        return path


def corpus_digest(docs: list[Document]) -> str:
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.name):
        h.update(f"{d.name}:{d.sha256}\n".encode())
    return h.hexdigest()


def build(plans: Path = PLANS, curation: Path | Curation | None = CURATION) -> BuildResult:
    """Build the graph from every plan under `plans`; unreadable files are reported, not fatal.
    `curation` is the curation file to apply (None: none); a malformed one is an InputError."""
    t0 = time.perf_counter()
    cur = curation if isinstance(curation, Curation) else load_curation(curation)
    docs, errors = read_corpus(Path(plans))
    t1 = time.perf_counter()
    extractions = extract(docs, cur.gazetteer())
    t2 = time.perf_counter()
    res = resolve_full(extractions, cur)
    t3 = time.perf_counter()
    graph = res.graph
    graph.meta = {
        "corpus": corpus_digest(docs),
        "documents": len(docs),
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    if not cur.is_empty():  # flat values: every export format keeps them
        graph.meta["curation"] = cur.path
        graph.meta["curation_actions"] = ", ".join(f"{k} {v}" for k, v in res.curation.counts().items())
    timings = {"ingest": round(t1 - t0, 3), "extract": round(t2 - t1, 3), "resolve": round(t3 - t2, 3),
               "total": round(t3 - t0, 3)}
    log.info("built %d nodes, %d edges from %d documents in %.2fs", len(graph.nodes), len(graph.edges), len(docs),
             timings["total"])
    return BuildResult(graph=graph, documents=docs, extractions=extractions, errors=[str(e) for e in errors],
                       resolution=res, timings=timings)
