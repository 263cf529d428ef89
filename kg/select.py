"""Selections: cut a subgraph out of a `Graph` for a view or an export.

One home for "what belongs to a chain / a city / an entity's neighbourhood", so views and
exports show the same piece of the graph.
"""

from __future__ import annotations

from collections import deque
from functools import lru_cache
from typing import Any, Iterable

from kg.errors import KGError
from kg.models import Edge, Graph, Node

SUPPORT_CLASSES = ("Platform", "University", "ResearchInstitute", "Hospital")
"""Organisations that support a chain without being in it: shown around the chain's members."""
SUPPORT_RELATIONS = ("HOSTS", "COLLABORATES_WITH")


@lru_cache(maxsize=None)
def _is(type_: str, ancestor: str) -> bool:
    """Ontology subclass test that tolerates types the ontology does not know (they match only themselves)."""
    from kg.ontology import CLASSES, GROUPS, is_a

    if type_ not in CLASSES or (ancestor not in CLASSES and ancestor not in GROUPS):
        return type_ == ancestor
    return is_a(type_, ancestor)


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


def adjacency(graph: Graph) -> dict[str, set[str]]:
    """Undirected neighbours of every node that has a relationship."""
    adj: dict[str, set[str]] = {}
    for e in graph.edges:
        adj.setdefault(e.source, set()).add(e.target)
        adj.setdefault(e.target, set()).add(e.source)
    return adj


def neighbourhood(graph: Graph, seeds: Iterable[str], hops: int = 1,
                  adj: dict[str, set[str]] | None = None) -> set[str]:
    """Ids within `hops` undirected steps of the seed ids (`adj`: a precomputed `adjacency`)."""
    adj = adjacency(graph) if adj is None else adj
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
    """An industry chain with its leaders, members, cities, platforms, innovation chains and stages,
    plus the platforms, universities and institutes its leaders and members host or work with."""
    c = find_node(graph, name, "IndustryChain")
    return graph.subgraph(_chain_ids(graph, c.id))


def _supporters(graph: Graph, index: dict[str, Node]) -> dict[str, set[str]]:
    """For every node, the supporting organisations it hosts or works with."""
    out: dict[str, set[str]] = {}
    for e in graph.edges:
        if e.type in SUPPORT_RELATIONS and e.source in index and e.target in index:
            for a, b in ((e.source, e.target), (e.target, e.source)):
                if any(_is(index[b].type, t) for t in SUPPORT_CLASSES):
                    out.setdefault(a, set()).add(b)
    return out


def _chain_ids(graph: Graph, chain_id: str, index: dict[str, Node] | None = None,
               adj: dict[str, set[str]] | None = None, support: dict[str, set[str]] | None = None) -> set[str]:
    index = graph.node_index() if index is None else index
    support = _supporters(graph, index) if support is None else support
    keep = neighbourhood(graph, [chain_id], 1, adj)
    # innovation chains of this chain bring their stages (HAS_STAGE) along
    ichains = {e.source for e in graph.edges if e.type == "INNOVATION_CHAIN_OF" and e.target == chain_id}
    keep |= ichains | {e.target for e in graph.edges if e.type == "HAS_STAGE" and e.source in ichains}
    for i in [i for i in keep if _is(index[i].type, "Organization")]:
        keep |= support.get(i, set())
    return keep


def chains(graph: Graph, name: str | None = None, city: str | None = None) -> Graph:
    """One chain (`name`), every chain a city develops (`city`), or every chain of the graph.

    With a city, what belongs to other cities (their enterprises, innovation chains, stages,
    the other City nodes) is left out, so a chain shared by several plans shows one city's part.
    """
    index = graph.node_index()
    c = find_node(graph, city, "City") if city else None
    if name:
        picked = [find_node(graph, name, "IndustryChain").id]
    elif c:
        picked = sorted(
            {e.target for e in graph.edges if e.type == "DEVELOPS_CHAIN" and e.source == c.id}
            | {e.target for e in graph.edges if e.type in ("LEADS_CHAIN", "IN_CHAIN")
               and e.target in index and index[e.target].type == "IndustryChain"
               and (e.properties.get("city") == c.name or index[e.source].city == c.name)}
            | {n.id for n in graph.nodes if n.type == "IndustryChain" and n.city == c.name})
    else:
        picked = [n.id for n in graph.nodes if n.type == "IndustryChain"]
    if not picked:
        where = f" developed by {c.name}" if c else ""
        raise KGError(f"no industry chain{where} in the graph ({len(graph.nodes)} nodes)")
    keep: set[str] = set()
    adj, support = adjacency(graph), _supporters(graph, index)
    for cid in picked:
        keep |= _chain_ids(graph, cid, index, adj, support)
    if c:
        keep = {i for i in keep if index[i].id == c.id or (index[i].type != "City" and index[i].city in (None, c.name))}
    return graph.subgraph(keep)


def edges_by_type(graph: Graph) -> dict[str, list[Edge]]:
    out: dict[str, list[Edge]] = {}
    for e in graph.edges:
        out.setdefault(e.type, []).append(e)
    return out


def stage_sequences(graph: Graph, innovation_chain: str, by_type: dict[str, list[Edge]] | None = None) -> list[list[str]]:
    """The stage sequences of an innovation chain, each as stage ids in their stated order.

    A chain table cell may list several sequences (钢铁-焦化-化工-氢能 and
    氢能制备-储存-运输-加注-终端利用 for 氢能); HAS_STAGE and NEXT_STAGE edges carry the
    `sequence` number and HAS_STAGE the `order`. A stage shared by several sequences (钢铁 in
    钢铁-锻造-… and 钢铁-铸造-…) is one node with one HAS_STAGE edge, so each sequence is
    rebuilt from both edge kinds and completed along NEXT_STAGE. Without any of these
    properties the NEXT_STAGE links are walked from each stage that nothing precedes.
    (`by_type`: the graph's edges grouped by type, when calling this for many chains.)"""
    index = graph.node_index()
    by_type = edges_by_type(graph) if by_type is None else by_type
    has = [e for e in by_type.get("HAS_STAGE", []) if e.source == innovation_chain and e.target in index]
    if not has:
        return []
    members = list(dict.fromkeys(e.target for e in has))
    member_set = set(members)
    order = {e.target: e.properties.get("order") for e in has}
    nexts = [e for e in by_type.get("NEXT_STAGE", []) if e.source in member_set and e.target in member_set]
    succ: dict[str, list[str]] = {}
    pred: dict[str, list[str]] = {}
    for e in nexts:
        succ.setdefault(e.source, []).append(e.target)
        pred.setdefault(e.target, []).append(e.source)

    def step(cur: str, links: dict[str, list[str]], delta: int, run: list[str]) -> str | None:
        want = order[cur] + delta if isinstance(order.get(cur), (int, float)) else None
        for c in links.get(cur, []):
            if c not in run and (want is None or order.get(c) == want):
                return c
        return None

    groups: dict[str, set[str]] = {}
    for e in [*has, *nexts]:
        if "sequence" in e.properties:
            groups.setdefault(str(e.properties["sequence"]), set()).update(
                {e.target} if e.type == "HAS_STAGE" else {e.source, e.target})
    if groups and all(isinstance(order.get(i), (int, float)) for i in members):
        runs = [sorted(g, key=lambda i: (order[i], i)) for _, g in sorted(groups.items(), key=lambda kv: kv[0].zfill(6))]
    else:  # no sequence numbers: walk NEXT_STAGE runs from their heads
        runs = [[h] for h in members if h not in pred]
        runs += [[i] for i in members if i in pred and not any(i in r for r in runs)]
    out: list[list[str]] = []
    for run in runs:
        while (nx_ := step(run[-1], succ, 1, run)) is not None:
            run.append(nx_)
        while (pv := step(run[0], pred, -1, run)) is not None:
            run.insert(0, pv)
        if not any(_contains(r, run) for r in out):
            out = [r for r in out if not _contains(run, r)] + [run]
    placed = {i for r in out for i in r}
    out += [[i] for i in members if i not in placed]
    return out


def _contains(big: list[str], small: list[str]) -> bool:
    k = len(small)
    return any(big[i : i + k] == small for i in range(len(big) - k + 1))


def collaboration(graph: Graph, city: str | None = None) -> Graph:
    """The COLLABORATES_WITH network: every collaboration and the two parties, for one city
    (either party located there) or the whole graph."""
    index = graph.node_index()
    cname = find_node(graph, city, "City").name if city else None
    keep: set[str] = set()
    for e in graph.edges:
        if e.type != "COLLABORATES_WITH" or e.source not in index or e.target not in index:
            continue
        if cname is None or cname in (index[e.source].city, index[e.target].city):
            keep |= {e.source, e.target}
    sub = graph.subgraph(keep)
    sub.edges = [e for e in sub.edges if e.type == "COLLABORATES_WITH"]
    return sub


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
