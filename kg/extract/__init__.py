"""Extract: `Document` -> `Extraction` (typed mentions and relations, each with evidence).
Pure functions over the clean text; never touches a store."""

from __future__ import annotations

from kg.extract.rules import extract_document
from kg.models import Document, Extraction

__all__ = ["extract", "extract_document"]


def extract(docs: list[Document]) -> list[Extraction]:
    return [extract_document(d) for d in docs]
