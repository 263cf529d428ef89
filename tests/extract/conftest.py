"""Helpers for extraction tests: the corpus graph by name, and small plans written to disk and
read through the real ingest (no mocks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.lexicon import norm_text
from kg.extract.names import find_names
from kg.ingest import read_document
from kg.models import Document, Edge, Extraction, Graph, Node

LINFEN = "linfen-2022-innovation-ecosystem-plan.txt"
PLANS = Path(__file__).resolve().parents[2] / "seeds" / "plans"


def node(g: Graph, name: str, type_: str | None = None) -> Node:
    hits = [n for n in g.nodes if (n.name == name or name in n.aliases) and (type_ is None or n.type == type_)]
    assert len(hits) == 1, (name, type_, [n.id for n in hits])
    return hits[0]


def edges(g: Graph, type_: str, source: Node | None = None, target: Node | None = None) -> list[Edge]:
    return [e for e in g.edges if e.type == type_ and (source is None or e.source == source.id)
            and (target is None or e.target == target.id)]


def rels(ex: Extraction, type_: str) -> set[tuple[str, str]]:
    """(source, target) of an extraction's relations of one type."""
    return {(r.source, r.target) for r in ex.relations if r.type == type_}


def ents(ex: Extraction, type_: str) -> set[str]:
    """Names of an extraction's mentions of one type."""
    return {m.name for m in ex.entities if m.type == type_}


def typed_names(text: str) -> set[tuple[str, str]]:
    """(name, type) of every name the name finder reads in a piece of prose."""
    return {(n.name, n.type) for n in find_names(norm_text(text))}


def line_of(name: str, n: int) -> str:
    return (PLANS / name).read_text(encoding="utf-8").splitlines()[n - 1]


@pytest.fixture()
def mini_plan(tmp_path: Path):
    """Write a small plan (a list of lines) as a real .txt file and read it with the ingest."""

    def make(lines: list[str], name: str = "mini-plan.txt") -> tuple[Document, Extraction]:
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        doc = read_document(path)
        return doc, extract([doc])[0]

    return make
