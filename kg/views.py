"""Interactive HTML views (pyvis, vis-network inlined so they work offline)."""

from __future__ import annotations

import html

import logging
from pathlib import Path

from kg.models import Graph

log = logging.getLogger(__name__)

PALETTE = {
    "City": "#d62728", "County": "#ff9896", "Zone": "#e377c2", "Enterprise": "#1f77b4",
    "University": "#2ca02c", "ResearchInstitute": "#98df8a", "Hospital": "#17becf", "Platform": "#9467bd",
    "IndustryChain": "#ff7f0e", "InnovationChain": "#ffbb78", "ChainStage": "#c7c7c7", "Program": "#8c564b",
    "Policy": "#c49c94", "Target": "#bcbd22", "Agency": "#7f7f7f",
}


def tooltip(node_type: str, name: str, city: str | None, quotes: list[str]) -> str:
    lines = [f"{name} [{node_type}]"] + ([city] if city else []) + [f"“{q}”" for q in quotes[:3]]
    return "\n".join(lines)


def render(graph: Graph, path: Path, *, title: str = "innovation-kg") -> Path:
    """Write a self-contained HTML view of `graph`."""
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", heading="")
    for n in graph.nodes:
        net.add_node(n.id, label=n.name, color=PALETTE.get(n.type, "#aaaaaa"),
                     title=tooltip(n.type, n.name, n.city, [e.quote for e in n.evidence]), group=n.type)
    for e in graph.edges:
        net.add_edge(e.source, e.target, label=e.type, title=f"{e.type}\n“{e.evidence[0].quote}”")
    path.parent.mkdir(parents=True, exist_ok=True)
    page = net.generate_html(notebook=False)
    # names are untrusted text: never let one close the inline <script> that carries the data
    page = page.replace("<title>", f"<title>{html.escape(title)}", 1)
    path.write_text(page, encoding="utf-8")
    log.info("wrote view %s (%d nodes)", path, len(graph.nodes))
    return path


