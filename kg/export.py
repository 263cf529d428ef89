"""Exports of the whole graph or a subgraph for reports and other tools."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KGError
from kg.models import Graph

FORMATS = ("json",)


def export(graph: Graph, path: Path, fmt: str = "json") -> Path:
    if fmt == "json":
        return graph.write_json(path)
    raise KGError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
