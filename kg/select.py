"""Selections: cut a subgraph out of a `Graph` for a view or an export.

One home for "what belongs to a chain / a city / an entity's neighbourhood", so views and
exports show the same piece of the graph.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable

from kg.errors import KGError
from kg.models import Graph, Node


def find_node(graph: Graph, name: str, type_: str | None = None) -> Node:
    """A node by id, exact name, alias, or (unique) substring of its name."""
    cands = [n for n in graph.nodes if type_ is None or n.type == type_]
    for pick in (
        lambda n: n.id == name,
        lambda n: n.name == name,
        lambda n: name in n.aliases,
        lambda n: name in n.name,
    ):
        hits = [n for n in cands if pick(n)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            names = ", ".join(sorted(h.name for h in hits)[:8])
            raise KGError(f"{name!r} matches {len(hits)} entities ({names}); give the full name or id")
    raise KGError(f"no entity named {name!r}" + (f" of type {type_}" if type_ else ""))


def neighbourhood(graph: Graph, seeds: Iterable[str], hops: int = 1) -> set[str]:
    """Ids within `hops` undirected steps of the seed ids."""
    adj: dict[str, set[str]] = {}
    for e in graph.edges:
        adj.setdefault(e.source, set()).add(e.target)
        adj.setdefault(e.target, set()).add(e.source)
    seen = set(seeds)
    frontier = deque((s, 0) for s in seen)
    while frontier:
        nid, d = frontier.popleft()
        if d >= hops:
            continue
        for nb in adj.get(nid, ()):
            if nb not in seen:
                seen.add(nb)
                frontier.append((nb, d + 1))
    return seen


def ego(graph: Graph, name: str, hops: int = 1) -> Graph:
    """An entity and everything within `hops` relationships of it."""
    return graph.subgraph(neighbourhood(graph, [find_node(graph, name).id], hops))


def chain(graph: Graph, name: str) -> Graph:
    """An industry chain with its leaders, members, cities, platforms, innovation chains and stages."""
    c = find_node(graph, name, "IndustryChain")
    keep = neighbourhood(graph, [c.id], 1)
    # innovation chains of this chain bring their stages (HAS_STAGE) along
    ichains = {e.source for e in graph.edges if e.type == "INNOVATION_CHAIN_OF" and e.target == c.id}
    keep |= ichains | {e.target for e in graph.edges if e.type == "HAS_STAGE" and e.source in ichains}
    return graph.subgraph(keep)


def city(graph: Graph, name: str) -> Graph:
    """Everything located in, developed by or stated for one city."""
    c = find_node(graph, name, "City")
    keep = {n.id for n in graph.nodes if n.city == c.name} | neighbourhood(graph, [c.id], 1)
    return graph.subgraph(keep)


def from_rows(graph: Graph, rows: list[dict], hops: int = 0) -> Graph:
    """The subgraph of the entities a query result names (by id or by name in any column)."""
    by_name: dict[str, list[str]] = {}
    for n in graph.nodes:
        by_name.setdefault(n.name, []).append(n.id)
    ids: set[str] = set()
    index = graph.node_index()
    for row in rows:
        for v in row.values():
            for item in v if isinstance(v, list) else [v]:
                if isinstance(item, str):
                    if item in index:
                        ids.add(item)
                    ids.update(by_name.get(item, ()))
    return graph.subgraph(neighbourhood(graph, ids, hops) if hops else ids)
