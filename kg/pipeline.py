"""The build: plan files -> ingest -> extract -> resolve -> Graph (pure, no store)."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, Field

from kg.config import PLANS
from kg.extract import extract
from kg.ingest import read_corpus
from kg.models import Document, Extraction, Graph
from kg.resolve import resolve

log = logging.getLogger(__name__)


class BuildResult(BaseModel):
    graph: Graph
    documents: list[Document]
    extractions: list[Extraction]
    errors: list[str] = Field(default_factory=list)


def corpus_digest(docs: list[Document]) -> str:
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.name):
        h.update(f"{d.name}:{d.sha256}\n".encode())
    return h.hexdigest()


def build(plans: Path = PLANS) -> BuildResult:
    """Build the graph from every plan under `plans`; unreadable files are reported, not fatal."""
    docs, errors = read_corpus(Path(plans))
    extractions = extract(docs)
    graph = resolve(extractions)
    graph.meta = {
        "corpus": corpus_digest(docs),
        "documents": len(docs),
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    log.info("built %d nodes, %d edges from %d documents", len(graph.nodes), len(graph.edges), len(docs))
    return BuildResult(graph=graph, documents=docs, extractions=extractions, errors=[str(e) for e in errors])
