"""Resolve: mentions from all documents -> one `Graph` of canonical entities.

Entities merge on (type, canonical key); every merge unions evidence. Ids are derived from
type + canonical name so they are stable across rebuilds of the same input.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from kg.models import Edge, EntityMention, Extraction, Graph, Node, union_evidence

log = logging.getLogger(__name__)

ID_PREFIX = {
    "City": "city", "County": "county", "Zone": "zone", "Enterprise": "ent", "University": "univ",
    "ResearchInstitute": "inst", "Hospital": "hosp", "Platform": "plat", "IndustryChain": "chain",
    "InnovationChain": "ichain", "ChainStage": "stage", "Program": "prog", "Policy": "policy",
    "Target": "target", "Agency": "agency", "Document": "doc",
}


def node_id(type_: str, key: str) -> str:
    return f"{ID_PREFIX.get(type_, type_.lower())}:{key}"


def canonical_key(m: EntityMention) -> str:
    """The name two mentions must share to be the same entity."""
    return m.name.strip()


def resolve(extractions: list[Extraction]) -> Graph:
    groups: dict[str, list[EntityMention]] = defaultdict(list)
    for ex in extractions:
        for m in ex.entities:
            groups[node_id(m.type, canonical_key(m))].append(m)
    nodes: dict[str, Node] = {}
    for nid, ms in groups.items():
        first = ms[0]
        nodes[nid] = Node(
            id=nid, type=first.type, subtype=first.subtype, name=canonical_key(first),
            aliases=sorted({m.name for m in ms} - {canonical_key(first)}),
            city=first.city, properties=dict(first.properties),
            evidence=union_evidence(*[[m.evidence] for m in ms]),
        )
    edges: dict[tuple[str, str, str], Edge] = {}
    for ex in extractions:
        for r in ex.relations:
            s, t = node_id(r.source_type, r.source.strip()), node_id(r.target_type, r.target.strip())
            if s not in nodes or t not in nodes:
                log.debug("dropping %s: endpoint not extracted as an entity", r)
                continue
            k = (s, r.type, t)
            if k in edges:
                edges[k].evidence = union_evidence(edges[k].evidence, [r.evidence])
            else:
                edges[k] = Edge(source=s, target=t, type=r.type, properties=dict(r.properties), evidence=[r.evidence])
    return Graph(nodes=sorted(nodes.values(), key=lambda n: n.id), edges=sorted(edges.values(), key=Edge.key))
