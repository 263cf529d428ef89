"""Query-pack latency: every queries/*.cypher on the embedded store against networkx in memory.

For each graph (the corpus graph, synthetic graphs of 100k and 1M nodes) two fresh processes run
one after the other, so their memory does not add up on a shared machine:

- the store phase builds or generates the graph, loads it into a new embedded FalkorDB (timed,
  with the peak RSS of the Python process and of the server), then runs every pack query through
  `kg.queries.run_query` (what `kg query` does) `runs` times;
- the networkx phase builds the same graph as an in-memory `networkx.MultiDiGraph` and answers the
  same questions with the hand-written equivalents below (`NX_QUERIES`).

Both phases pick the same parameters from the graph (`pick_params`: an existing city, chain,
chain leader, …) and hash their normalised answers, so every ratio is checked to compare the
same answer. Run one phase by hand with `python -m bench.bench_queries --graph 100k --phase store`.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import logging
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

if __package__ in (None, ""):  # `python bench/bench_queries.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    CaseFailed,
    MemorySampler,
    load_average,
    markdown_table,
    ms,
    parse_size,
    peak_rss_mb,
    ratio,
    repeat,
    rss_mb,
    run_isolated,
    summarize,
    table,
    timed,
    write_json,
)
from kg.models import Edge, Graph, Node  # noqa: E402

log = logging.getLogger(__name__)

GOAL_P95_S = 0.050  # every pack query p95 <= 50 ms at 100k nodes
GOAL_SIZE = 100_000

# Known corpus facts, used as parameters when the graph has them (the documents state them:
# 晋南钢铁集团 leads 氢能产业链 in 临汾市, linfen-2022 line 248); otherwise parameters are picked
# from whatever graph is measured.
KNOWN_CITY = "临汾市"
KNOWN_LEADER = "晋南钢铁集团"
KNOWN_SEARCH = "钢铁"


# ============================================================================ graphs and parameters


def make_graph(spec: str) -> tuple[Graph, float]:
    """'corpus' -> kg.pipeline.build() of seeds/plans; '100k' -> kg.synth.synthetic_graph(100000)."""
    if spec == "corpus":
        from kg.pipeline import build

        result, seconds = timed(build)
        return result.graph, seconds
    from kg.synth import synthetic_graph

    return timed(lambda: synthetic_graph(parse_size(spec)))


def _short(node: Node) -> str:
    """A short name of a node to search by: its shortest alias that is part of the name."""
    inside = sorted((a for a in node.aliases if a and a in node.name and a != node.name), key=lambda a: (len(a), a))
    return inside[0] if inside else node.name


def pick_params(graph: Graph) -> dict[str, dict[str, Any]]:
    """Parameters of each pack query, chosen from the graph the same way in every phase.

    A city (临汾市 when present, else the one with most nodes), a chain leader in it (晋南钢铁集团
    when present) and its chain, and a second city developing that chain for `path`."""
    idx = graph.node_index()
    cities = sorted(n.name for n in graph.nodes if n.type == "City")
    per_city = Counter(n.city for n in graph.nodes if n.city)
    city = KNOWN_CITY if KNOWN_CITY in cities else max(cities, key=lambda c: (per_city[c], c), default=None)
    leads = [(idx[e.source], idx[e.target], e) for e in graph.edges
             if e.type == "LEADS_CHAIN" and e.source in idx and e.target in idx]
    leads.sort(key=lambda t: (t[0].name != KNOWN_LEADER, (t[2].properties.get("city") or t[0].city) != city, t[0].name, t[1].name))
    chains = sorted((n for n in graph.nodes if n.type == "IndustryChain"), key=lambda n: n.name)
    leader, chain = (leads[0][0], leads[0][1]) if leads else (None, chains[0] if chains else None)
    leader_city = (leads[0][2].properties.get("city") or leader.city) if leads and leader else city
    developers = sorted(idx[e.source].name for e in graph.edges
                        if chain and e.type == "DEVELOPS_CHAIN" and e.target == chain.id and e.source in idx)
    other = next((c for c in developers if c != leader_city), next((c for c in cities if c != leader_city), city))
    chain_part = chain.name.removesuffix("产业链") or chain.name if chain else "产业链"
    leader_name = leader.name if leader else (chain.name if chain else "")
    search = KNOWN_SEARCH if any(KNOWN_SEARCH in n.name for n in graph.nodes) else (_short(leader) if leader else chain_part)
    return {
        "chain_leaders": {"city": city},
        "chain_profile": {"chain": chain_part, "city": city},
        "chain_gaps": {"city": city},
        "city_overview": {"city": city},
        "collaboration": {"city": city, "type": "University"},
        "cross_city_chains": {},
        "entity_profile": {"name": _short(leader) if leader else chain_part},
        "evidence": {"source": leader_name, "target": chain.name if chain else "", "relation": "LEADS_CHAIN"},
        "most_connected": {"city": city},
        "path": {"a": leader_name, "b": other},
        "platforms": {"city": city},
        "policies": {"city": city},
        "programmes": {"city": city},
        "search": {"q": search},
        "targets": {"city": city},
    }


# ============================================================================ networkx equivalents
#
# The store keeps each node's name/type/subtype/city/aliases and its scalar properties, and each
# relationship's properties, with evidence as ev_docs/ev_lines/ev_quotes; the functions below read
# the same values from the Node/Edge objects held as networkx attributes. Cypher's null rules are
# kept: a comparison with a missing value is not true (`_eq`, `_has`), ascending ORDER BY puts
# nulls last, string concatenation with null is null.


class NxGraph:
    """The graph as a networkx MultiDiGraph (key = relationship type) plus a label index.

    Traversals read networkx's own adjacency dicts (`_succ`, `_pred`, `_node`: the
    dict-of-dict-of-dict the public views wrap) because the view objects cost ~3× in tight loops;
    a fair in-memory baseline is written the way one would write it for speed."""

    def __init__(self, graph: Graph) -> None:
        import networkx as nx

        g = nx.MultiDiGraph()
        g.add_nodes_from((n.id, {"n": n}) for n in graph.nodes)
        g.add_edges_from((e.source, e.target, e.type, {"e": e}) for e in graph.edges)
        self.g = g
        self._node, self._succ, self._pred = g._node, g._succ, g._pred
        self.by_label: dict[str, list[str]] = defaultdict(list)
        for n in graph.nodes:
            self.by_label[n.type].append(n.id)
            if n.subtype:
                self.by_label[n.subtype].append(n.id)

    def node(self, node_id: str) -> Node:
        return self._node[node_id]["n"]

    def nodes(self, label: str | None = None) -> Iterator[Node]:
        if label is None:
            return (d["n"] for d in self._node.values())
        return (self._node[i]["n"] for i in self.by_label.get(label, ()))

    def _adjacent(self, adj: dict, node_id: str, types: tuple[str, ...]) -> Iterator[tuple[Node, Edge]]:
        for other, keyed in adj[node_id].items():
            if types:
                for rel in types:
                    data = keyed.get(rel)
                    if data is not None:
                        yield self._node[other]["n"], data["e"]
            else:
                for data in keyed.values():
                    yield self._node[other]["n"], data["e"]

    def out(self, node_id: str, *types: str) -> Iterator[tuple[Node, Edge]]:
        return self._adjacent(self._succ, node_id, types)

    def into(self, node_id: str, *types: str) -> Iterator[tuple[Node, Edge]]:
        return self._adjacent(self._pred, node_id, types)

    def degree(self, node_id: str) -> int:
        """Relationships at a node, both directions (a self-loop counts twice, as in Cypher)."""
        return sum(len(k) for k in self._succ[node_id].values()) + sum(len(k) for k in self._pred[node_id].values())

    def edges(self, rel: str) -> Iterator[tuple[Node, Node, Edge]]:
        node = self._node
        for s, nbrs in self._succ.items():
            for t, keyed in nbrs.items():
                data = keyed.get(rel)
                if data is not None:
                    yield node[s]["n"], node[t]["n"], data["e"]


def _is(n: Node | None, label: str) -> bool:
    return n is not None and (label == "Entity" or n.type == label or n.subtype == label)


def _p(x: Node | Edge | None, key: str) -> Any:
    """A stored property: the node's own fields, else its (scalar) properties."""
    if x is None:
        return None
    if isinstance(x, Node) and key in ("name", "type", "subtype", "city", "aliases"):
        return getattr(x, key)
    return x.properties.get(key)


def _eq(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a == b


def _has(text: Any, part: Any) -> bool:
    """Cypher CONTAINS: true only for two strings."""
    return isinstance(text, str) and isinstance(part, str) and part in text


def _alias_has(n: Node, part: Any) -> bool:
    return any(_has(a, part) for a in n.aliases or [])


def _coalesce(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def _ev(x: Node | Edge, what: str, i: int = 0) -> Any:
    ev = x.evidence[i] if len(x.evidence) > i else None
    return getattr(ev, what) if ev else None


def _asc(*values: Any) -> tuple:
    """ORDER BY key, ascending, nulls last."""
    return tuple((v is None, v if v is not None else "") for v in values)


def _tostring(v: Any) -> str | None:
    """Cypher toString as FalkorDB prints numbers (floats with six decimals)."""
    if v is None:
        return None
    if isinstance(v, float):
        return f"{v:.6f}"
    return str(v)


def nx_chain_leaders(v: NxGraph, city: str | None = None, chain: str | None = None) -> list[dict]:
    rows = []
    for e_id in v.by_label.get("Enterprise", ()):
        e = v.node(e_id)
        for c, r in v.out(e_id, "LEADS_CHAIN"):
            if not _is(c, "IndustryChain"):
                continue
            if city is not None and not _eq(_p(r, "city"), city):
                continue
            if chain is not None and not (_has(c.name, chain) or _alias_has(c, chain)):
                continue
            rows.append({"enterprise": e.name, "chain": c.name, "city": _p(r, "city"),
                         "doc": _ev(r, "doc"), "line": _ev(r, "line"), "quote": _ev(r, "quote")})
    return sorted(rows, key=lambda r: _asc(r["city"], r["chain"], r["enterprise"]))


def _chain_matches(c: Node, chain: str) -> bool:
    return _eq(c.name, chain) or _has(c.name, chain) or _alias_has(c, chain)


def nx_chain_profile(v: NxGraph, chain: str, city: str | None = None) -> list[dict]:
    rows = []
    chains = [c for c in v.nodes("IndustryChain") if _chain_matches(c, chain)]
    for c in chains:
        for x, r in [*v.out(c.id), *v.into(c.id)]:
            where = _coalesce(_p(r, "city"), x.city)
            if city is not None and not _eq(where, city):
                continue
            rows.append({"chain": c.name, "relation": r.type, "type": x.type, "name": x.name, "city": where,
                         "detail": _coalesce(x.subtype, ""), "doc": _ev(r, "doc"), "line": _ev(r, "line")})
    for c in chains:
        for ic, _ in v.into(c.id, "INNOVATION_CHAIN_OF"):
            if not _is(ic, "InnovationChain") or (city is not None and not _eq(ic.city, city)):
                continue
            for s, h in v.out(ic.id, "HAS_STAGE"):
                if not _is(s, "ChainStage"):
                    continue
                detail = f"{ic.name} #{_tostring(_coalesce(_p(h, 'sequence'), 1))}.{_tostring(_coalesce(_p(h, 'order'), 0))}"
                rows.append({"chain": c.name, "relation": "HAS_STAGE", "type": s.type, "name": s.name, "city": ic.city,
                             "detail": detail, "doc": _ev(h, "doc"), "line": _ev(h, "line")})
    return rows


def nx_chain_gaps(v: NxGraph, city: str | None = None, chain: str | None = None) -> list[dict]:
    rows = []
    developed = []
    for cn in v.nodes("City"):
        if city is not None and not _eq(cn.name, city):
            continue
        for c, d in v.out(cn.id, "DEVELOPS_CHAIN"):
            if _is(c, "IndustryChain") and (chain is None or _has(c.name, chain)):
                developed.append((cn, c, d))
    for cn, c, d in developed:
        if not any(_is(e, "Enterprise") and _eq(_p(r, "city"), cn.name) for e, r in v.into(c.id, "LEADS_CHAIN")):
            rows.append({"city": cn.name, "chain": c.name, "gap": "no leader", "detail": "未明确链主企业",
                         "doc": _ev(d, "doc"), "line": _ev(d, "line")})
    for cn, c, d in developed:
        if not any(_is(p, "Platform") and _eq(p.city, cn.name) for p, _ in v.into(c.id, "IN_CHAIN")):
            rows.append({"city": cn.name, "chain": c.name, "gap": "no platform", "detail": "未布局创新平台",
                         "doc": _ev(d, "doc"), "line": _ev(d, "line")})
    for c in v.nodes("IndustryChain"):
        if chain is not None and not _has(c.name, chain):
            continue
        for ic, _ in v.into(c.id, "INNOVATION_CHAIN_OF"):
            if not _is(ic, "InnovationChain") or (city is not None and not _eq(ic.city, city)):
                continue
            for s, h in v.out(ic.id, "HAS_STAGE"):
                if not _is(s, "ChainStage"):
                    continue
                if any(_is(a, "Enterprise") or _is(a, "Platform") for a, _ in v.into(s.id, "IN_CHAIN")):
                    continue
                rows.append({"city": ic.city, "chain": c.name, "gap": "stage without actor", "detail": f"{ic.name}: {s.name}",
                             "doc": _ev(h, "doc"), "line": _ev(h, "line")})
    return rows


def nx_city_overview(v: NxGraph, city: str) -> list[dict]:
    counts = Counter(n.type for n in v.nodes() if _eq(n.city, city))
    rows = [{"section": "count", "name": t, "value": k} for t, k in counts.items()]
    actors: dict[str, set[str]] = {}
    for cn in v.nodes("City"):
        if not _eq(cn.name, city):
            continue
        for c, _ in v.out(cn.id, "DEVELOPS_CHAIN"):
            if not _is(c, "IndustryChain"):
                continue
            found = actors.setdefault(c.name, set())
            found.update(x.id for x, r in v.into(c.id, "LEADS_CHAIN", "IN_CHAIN") if _eq(_coalesce(_p(r, "city"), x.city), city))
    rows += [{"section": "chain actors", "name": name, "value": len(xs)} for name, xs in actors.items()]
    return rows


def nx_collaboration(v: NxGraph, city: str | None = None, type: str | None = None) -> list[dict]:  # noqa: A002 - the query's parameter
    rows = []
    for a, b, r in v.edges("COLLABORATES_WITH"):
        if city is not None and not (_eq(a.city, city) or _eq(b.city, city) or _eq(_p(r, "city"), city)):
            continue
        if type is not None and not (_eq(a.type, type) or _eq(b.type, type)):
            continue
        rows.append({"a": a.name, "a_type": a.type, "b": b.name, "b_type": b.type,
                     "city": _coalesce(_p(r, "city"), a.city, b.city),
                     "doc": _ev(r, "doc"), "line": _ev(r, "line"), "quote": _ev(r, "quote")})
    return sorted(rows, key=lambda r: _asc(r["city"], r["a"], r["b"]))


def nx_cross_city_chains(v: NxGraph, min_cities: int = 2) -> list[dict]:
    rows = []
    for c in v.nodes("IndustryChain"):
        cities = sorted({cn.name for cn, _ in v.into(c.id, "DEVELOPS_CHAIN") if _is(cn, "City") and cn.name is not None})
        if not cities or len(cities) < min_cities:
            continue
        leaders = sorted({f"{e.name}（{_coalesce(_p(r, 'city'), e.city, '?')}）"
                          for e, r in v.into(c.id, "LEADS_CHAIN") if _is(e, "Enterprise")})
        rows.append({"chain": c.name, "cities": cities, "n_cities": len(cities), "leaders": leaders})
    return sorted(rows, key=lambda r: (-r["n_cities"], r["chain"]))


def _named(n: Node, name: str) -> bool:
    return _eq(n.name, name) or name in (n.aliases or [])


def nx_entity_profile(v: NxGraph, name: str) -> list[dict]:
    rows = []
    for n in v.nodes():
        if not (_named(n, name) or _has(n.name, name) or _alias_has(n, name)):
            continue
        for direction, pairs in (("out", v.out(n.id)), ("in", v.into(n.id))):
            for m, r in pairs:
                rows.append({"entity": n.name, "type": n.type, "direction": direction, "relation": r.type,
                             "other": m.name, "other_type": m.type, "city": _coalesce(_p(r, "city"), m.city),
                             "doc": _ev(r, "doc"), "line": _ev(r, "line")})
    return sorted(rows, key=lambda r: _asc(r["entity"], r["relation"], r["other"]))


def nx_evidence(v: NxGraph, source: str, target: str, relation: str | None = None) -> list[dict]:
    sources = [n for n in v.nodes() if _named(n, source)]
    targets = {n.id for n in v.nodes() if _named(n, target)}
    rows = []
    for s in sources:
        for t, r in v.out(s.id):
            if t.id not in targets or (relation is not None and r.type != relation):
                continue
            for ev in r.evidence:
                rows.append({"source": s.name, "relation": r.type, "target": t.name, "doc": ev.doc, "line": ev.line, "quote": ev.quote})
    return sorted(rows, key=lambda r: _asc(r["relation"], r["doc"], r["line"]))


_ACTORS = ("Enterprise", "University", "ResearchInstitute", "Hospital", "Platform", "Zone", "Agency")


def nx_most_connected(v: NxGraph, city: str | None = None, chain: str | None = None, limit: int = 20) -> list[dict]:
    degree: Counter[tuple] = Counter()
    for n in v.nodes():
        if n.type not in _ACTORS or (city is not None and not _eq(n.city, city)):
            continue
        if chain is not None and not any(_is(c, "IndustryChain") and _has(c.name, chain) for c, _ in v.out(n.id, "LEADS_CHAIN", "IN_CHAIN")):
            continue
        d = v.degree(n.id)
        if d:
            degree[(n.name, n.type, n.city)] += d  # Cypher groups by the returned name, type, city
    rows = [{"name": k[0], "type": k[1], "city": k[2], "degree": d} for k, d in degree.items()]
    rows.sort(key=lambda r: (-r["degree"], *_asc(r["name"])))
    return rows[:limit]


def nx_path(v: NxGraph, a: str, b: str, max_hops: int = 4) -> list[dict]:
    """Up to 10 shortest paths of at most min(max_hops, 4) relationships, any direction.

    FalkorDB's variable-length match yields node-simple paths, one per choice among parallel
    relationships; this enumerates the same, shortest first, pruning by the distance to b (a
    breadth-first ball around b grown one layer per length) instead of expanding every path."""
    starts = [n for n in v.nodes() if _named(n, a)]
    ends = [n for n in v.nodes() if _named(n, b)]
    limit_hops = min(max_hops, 4)
    rows: list[dict] = []
    succ, pred = v._succ, v._pred

    def neighbours(u: str) -> Iterator[tuple[str, str]]:
        for other, keyed in succ[u].items():
            for rel in keyed:
                yield other, rel
        for other, keyed in pred[u].items():
            for rel in keyed:
                yield other, rel

    pairs = [(s.id, t.id) for s in starts for t in ends if t.id != s.id]
    balls: dict[str, tuple[dict[str, int], list[str]]] = {t: ({t: 0}, [t]) for _, t in pairs}
    for length in range(1, limit_hops + 1):
        for t, (dist, frontier) in list(balls.items()):
            if length >= 2:  # grow the ball around t to radius length-1
                nxt = []
                for u in frontier:
                    for w, _ in neighbours(u):
                        if w not in dist:
                            dist[w] = length - 1
                            nxt.append(w)
                balls[t] = (dist, nxt)
        for s, t in pairs:
            dist = balls[t][0]
            found: list[tuple[list[str], list[str]]] = []
            on_path = {s}

            def walk(u: str, nodes: list[str], rels: list[str]) -> None:
                left = length - len(rels)
                for w, rel in neighbours(u):
                    if len(rows) + len(found) >= 10:
                        return
                    if left == 1:
                        if w == t:
                            found.append((nodes + [w], rels + [rel]))
                        continue
                    if w in on_path or w == t or dist.get(w, length) > left - 1:
                        continue
                    on_path.add(w)
                    walk(w, nodes + [w], rels + [rel])
                    on_path.discard(w)

            walk(s, [s], [])
            rows += [{"hops": len(rels), "names": [v.node(x).name for x in nodes], "relations": rels} for nodes, rels in found]
        if len(rows) >= 10:
            break
    return sorted(rows, key=lambda r: r["hops"])[:10]


def nx_platforms(v: NxGraph, city: str | None = None, chain: str | None = None, subtype: str | None = None) -> list[dict]:
    rows = []
    for p in v.nodes("Platform"):
        if (city is not None and not _eq(p.city, city)) or (subtype is not None and not _eq(p.subtype, subtype)):
            continue
        cs: list[Node | None] = [c for c, _ in v.out(p.id, "IN_CHAIN") if _is(c, "IndustryChain")] or [None]
        for c in cs:
            if chain is not None and not (c is not None and _has(c.name, chain)):
                continue
            hosts: list[Node | None] = [h for h, _ in v.into(p.id, "HOSTS")] or [None]
            for h in hosts:
                rows.append({"platform": p.name, "subtype": _coalesce(p.subtype, ""), "city": p.city,
                             "host": h.name if h and h.name is not None else "", "chain": c.name if c else "",
                             "doc": _ev(p, "doc"), "line": _ev(p, "line")})
    return sorted(rows, key=lambda r: _asc(r["city"], r["subtype"], r["platform"]))


def nx_policies(v: NxGraph, city: str | None = None, issuer: str | None = None) -> list[dict]:
    rows = []
    for p in v.nodes("Policy"):
        if city is not None and not _eq(p.city, city):
            continue
        issuers: list[Node | None] = [a for a, _ in v.into(p.id, "ISSUED")] or [None]
        for a in issuers:
            if issuer is not None and not (a is not None and _has(a.name, issuer)):
                continue
            rows.append({"policy": p.name, "issuer": a.name if a else "", "date": _coalesce(_p(p, "date"), ""),
                         "doc_number": _coalesce(_p(p, "doc_number"), ""), "city": p.city,
                         "doc": _ev(p, "doc"), "line": _ev(p, "line")})
    return sorted(rows, key=lambda r: _asc(r["city"], r["policy"]))


def nx_programmes(v: NxGraph, city: str | None = None, name: str | None = None) -> list[dict]:
    rows = []
    kinds = ("RUNS_PROGRAM", "PART_OF_PROGRAM")
    roles = {"RUNS_PROGRAM": "runs", "PART_OF_PROGRAM": "part of"}
    for p in v.nodes("Program"):
        if (city is not None and not _eq(p.city, city)) or (name is not None and not _has(p.name, name)):
            continue
        members: list[tuple[Node | None, Edge | None]] = [*v.out(p.id, *kinds), *v.into(p.id, *kinds)] or [(None, None)]
        for x, r in members:
            rows.append({"programme": p.name, "city": p.city, "role": roles.get(r.type, "") if r else "",
                         "member": x.name if x else "", "member_type": x.type if x else "",
                         "doc": _coalesce(_ev(r, "doc") if r else None, _ev(p, "doc")),
                         "line": _coalesce(_ev(r, "line") if r else None, _ev(p, "line"))})
    return sorted(rows, key=lambda r: _asc(r["city"], r["programme"], r["role"], r["member"]))


def nx_search(v: NxGraph, q: str, type: str | None = None, limit: int = 50) -> list[dict]:  # noqa: A002
    rows = []
    for n in v.nodes():
        if not (_has(n.name, q) or _alias_has(n, q)) or (type is not None and not _eq(n.type, type)):
            continue
        rows.append({"name": n.name, "type": n.type, "subtype": _coalesce(n.subtype, ""), "city": n.city,
                     "aliases": list(n.aliases), "doc": _ev(n, "doc"), "line": _ev(n, "line")})
    rows.sort(key=lambda r: _asc(len(r["name"]), r["name"]))
    return rows[:limit]


def nx_targets(v: NxGraph, city: str | None = None, indicator: str | None = None, year: int | None = 2025) -> list[dict]:
    rows = []
    for c in v.nodes("City"):
        if city is not None and not _eq(c.name, city):
            continue
        for t, _ in v.out(c.id, "SETS_TARGET"):
            if not _is(t, "Target"):
                continue
            if indicator is not None and not _has(_p(t, "indicator"), indicator):
                continue
            if year is not None and not _eq(_p(t, "year"), year):
                continue
            rows.append({"city": c.name, **{k: _p(t, k) for k in ("indicator", "value", "unit", "year", "baseline", "baseline_year")},
                         "doc": _ev(t, "doc"), "line": _ev(t, "line")})
    return sorted(rows, key=lambda r: _asc(r["indicator"], r["city"]))


NX_QUERIES: dict[str, Callable[..., list[dict]]] = {
    "chain_gaps": nx_chain_gaps,
    "chain_leaders": nx_chain_leaders,
    "chain_profile": nx_chain_profile,
    "city_overview": nx_city_overview,
    "collaboration": nx_collaboration,
    "cross_city_chains": nx_cross_city_chains,
    "entity_profile": nx_entity_profile,
    "evidence": nx_evidence,
    "most_connected": nx_most_connected,
    "path": nx_path,
    "platforms": nx_platforms,
    "policies": nx_policies,
    "programmes": nx_programmes,
    "search": nx_search,
    "targets": nx_targets,
}

# list columns whose order the query leaves open (collect() order)
_UNORDERED = {"cross_city_chains": {"cities", "leaders"}}


def normalize(name: str, rows: list[dict], columns: list[str]) -> list[str]:
    """An answer in a form both phases agree on: rows as JSON in column order, sorted.

    `path` keeps only the hop counts of its (at most 10) rows: which of several equally short
    paths fill the 10 is left open by its ORDER BY hops LIMIT 10."""
    if name == "path":
        return [str(h) for h in sorted(r["hops"] for r in rows)]
    out = []
    for r in rows:
        values = []
        for c in columns:
            val = r.get(c)
            if isinstance(val, list):
                val = sorted(val, key=str) if c in _UNORDERED.get(name, ()) else list(val)
            values.append(val)
        out.append(json.dumps(values, ensure_ascii=False))
    return sorted(out)


def digest(normalized: list[str]) -> str:
    return hashlib.sha256("\n".join(normalized).encode()).hexdigest()[:16]


# ============================================================================ proposed changes
#
# Changes to the query texts that keep every answer identical (checked in the run: the rewritten
# query's normalised answer must equal the pack query's), and indexes the store could create.
# The pack is the lead's: these are measured and listed, not applied to queries/.

QUERY_REWRITES: dict[str, tuple[str, str, str]] = {
    "chain_gaps": (
        "filter innovation chains by city before the two NOT (s)<-[:IN_CHAIN]-(…) anti-joins (a WITH between them): "
        "FalkorDB otherwise runs both anti-joins for every ChainStage in the graph first",
        "WHERE ($city IS NULL OR ic.city = $city) AND ($chain IS NULL OR c.name CONTAINS $chain)\n"
        "  AND NOT (s)<-[:IN_CHAIN]-(:Enterprise) AND NOT (s)<-[:IN_CHAIN]-(:Platform)",
        "WHERE ($city IS NULL OR ic.city = $city) AND ($chain IS NULL OR c.name CONTAINS $chain)\n"
        "WITH c, ic, h, s\n"
        "WHERE NOT (s)<-[:IN_CHAIN]-(:Enterprise) AND NOT (s)<-[:IN_CHAIN]-(:Platform)",
    ),
    "targets": (
        "match the City first and traverse from it (MATCH (c:City) WHERE … WITH c MATCH (c)-[:SETS_TARGET]->(t:Target)): "
        "FalkorDB otherwise scans every Target and traverses back to its city",
        "MATCH (c:City)-[:SETS_TARGET]->(t:Target)\nWHERE ($city IS NULL OR c.name = $city)\n  AND",
        "MATCH (c:City)\nWHERE $city IS NULL OR c.name = $city\nWITH c\nMATCH (c)-[:SETS_TARGET]->(t:Target)\nWHERE",
    ),
    "entity_profile": (
        "drop the two predicates the CONTAINS tests already imply (n.name = $name, $name IN n.aliases)",
        "WHERE n.name = $name OR $name IN n.aliases OR n.name CONTAINS $name OR any(a IN n.aliases WHERE a CONTAINS $name)",
        "WHERE n.name CONTAINS $name OR any(a IN n.aliases WHERE a CONTAINS $name)",
    ),
}

# indexes the embedded store does not create today (it creates Entity.id and Entity.name)
EXTRA_INDEXES = ["CREATE INDEX FOR (n:Entity) ON (n.city)", "CREATE INDEX FOR (n:Entity) ON (n.aliases)"]


def _rows(store: Any, text: str, bound: dict[str, Any]) -> list[dict[str, Any]]:
    return store.query(text, bound)


def measure_proposals(store: Any, params: dict[str, dict[str, Any]], measured: dict[str, Any], *, runs: int,
                      budget_s: float, indexes: bool = True) -> dict[str, Any]:
    """Time each query rewrite (checking it answers the same), then every pack query again after
    creating EXTRA_INDEXES (the graph's last use in the phase: the indexes change it)."""
    from kg.errors import StoreError
    from kg.queries import get_query, run_query

    out: dict[str, Any] = {"rewrites": {}, "indexes": {"statements": EXTRA_INDEXES, "queries": {}}}
    for name, (why, old, new) in QUERY_REWRITES.items():
        q = get_query(name)
        text = q.text_for(store.backend)
        entry: dict[str, Any] = {"why": why, "old": old, "new": new}
        if old not in text:
            entry["error"] = "the pack query no longer contains the text this rewrite replaces"
            out["rewrites"][name] = entry
            continue
        rewritten = text.replace(old, new)
        bound = q.bind(params[name])
        try:
            rows = _rows(store, rewritten, bound)
        except StoreError as exc:
            entry["error"] = str(exc)[:300]
            out["rewrites"][name] = entry
            continue
        entry["same_answer"] = digest(normalize(name, rows, q.columns)) == measured.get(name, {}).get("digest")
        entry.update(summarize(repeat(lambda: _rows(store, rewritten, bound), runs, warmup=0, budget_s=budget_s)))
        out["rewrites"][name] = entry
    if not indexes:
        return out
    try:
        for stmt in EXTRA_INDEXES:
            store.query(stmt, write=True)
        deadline_t = time.monotonic() + 600
        while time.monotonic() < deadline_t:
            states = [str(row[7]) for row in store.graph.list_indices().result_set]
            if all(st == "OPERATIONAL" for st in states):
                break
            time.sleep(0.5)
    except Exception as exc:  # noqa: BLE001 - a proposal that cannot be measured is reported
        out["indexes"]["error"] = str(exc)[:300]
        return out
    for name in sorted(measured):
        if "median" not in measured[name]:
            continue
        q = get_query(name)
        try:
            rows = run_query(store, name, params[name])
        except StoreError as exc:
            out["indexes"]["queries"][name] = {"error": str(exc)[:300]}
            continue
        entry = {"same_answer": digest(normalize(name, rows, q.columns)) == measured[name].get("digest")}
        entry.update(summarize(repeat(lambda: run_query(store, name, params[name]), runs, warmup=0, budget_s=budget_s)))
        out["indexes"]["queries"][name] = entry
    return out


# ============================================================================ the two phases


class Deadline(Exception):
    pass


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Stop a networkx answer that runs past `seconds` (SIGALRM; main thread only)."""
    if not seconds:
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise Deadline()

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _measure(call: Callable[[], list[dict]], runs: int, budget_s: float) -> dict[str, Any]:
    samples = repeat(call, runs, warmup=0, budget_s=budget_s)
    return summarize(samples)


def store_phase(spec: str, *, runs: int, budget_s: float, timeout_s: float, profile_over_s: float | None,
                answers: Path | None = None) -> dict[str, Any]:
    """Generate/build, load into a fresh embedded FalkorDB, run every pack query `runs` times."""
    info: dict[str, Any] = {"graph": spec, "phase": "store", "load_average_start": load_average()}
    graph, info["generate_s"] = make_graph(spec)
    holder = [graph]
    del graph  # store_measure frees it after the load
    return store_measure(holder, info, runs=runs, budget_s=budget_s, timeout_s=timeout_s, profile_over_s=profile_over_s, answers=answers)


def store_measure(holder: list[Graph], info: dict[str, Any], *, runs: int, budget_s: float, timeout_s: float,
                  profile_over_s: float | None, answers: Path | None = None, proposals: bool = True) -> dict[str, Any]:
    """The store phase on a graph in hand, passed in a one-item list that is emptied after the
    load so the graph's memory is freed before the queries run."""
    from kg.errors import StoreError
    from kg.queries import get_query, load_pack, run_query
    from kg.store.falkordb import FalkorDBStore

    graph = holder.pop()
    info["nodes"], info["edges"] = len(graph.nodes), len(graph.edges)
    info["rss_after_generate_mb"] = rss_mb()
    params = pick_params(graph)
    pack = load_pack()
    out: dict[str, Any] = {}
    saved: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as tmp:
        store = FalkorDBStore(Path(tmp) / "kg-data")
        try:
            server_pid = store.server.proc.pid if store.server.proc else None
            with MemorySampler({"server": server_pid} if server_pid else {}) as mem:
                t0 = time.perf_counter()
                store.load(graph)
                info["load_s"] = time.perf_counter() - t0
            info["peak_rss_python_mb"] = peak_rss_mb()  # generation + load: nothing else ran yet
            info["peak_rss_server_mb"] = peak_rss_mb(server_pid) if server_pid else None
            info["peak_rss_server_tree_mb"] = mem.peaks.get("server")
            info["rss_server_after_load_mb"] = rss_mb(server_pid) if server_pid else None
            del graph
            gc.collect()
            store.db.connection.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_DEFAULT", int(timeout_s * 1000))
            store.db.connection.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_MAX", int(timeout_s * 1000))
            for name in sorted(pack):
                q = get_query(name)
                bound = q.bind(params[name])
                text = q.text_for(store.backend)
                entry: dict[str, Any] = {"params": params[name]}
                try:
                    rows, first = timed(lambda: run_query(store, name, params[name]))
                except StoreError as exc:
                    entry.update(error=str(exc)[:300], first_s=None)
                    out[name] = entry
                    continue
                norm = normalize(name, rows, q.columns)
                saved[name] = norm
                entry.update(rows=len(rows), digest=digest(norm), first_s=first)
                entry.update(_measure(lambda: run_query(store, name, params[name]), runs, budget_s))
                internal = [store.graph.ro_query(text, bound).run_time_ms / 1000 for _ in range(min(runs, 5))]
                entry["server_median"] = sorted(internal)[len(internal) // 2]
                if profile_over_s is not None and entry["p95"] > profile_over_s:
                    try:
                        entry["profile"] = list(store.graph.profile(text, bound).plan)
                    except Exception as exc:  # noqa: BLE001 - a plan is extra information
                        entry["profile"] = [f"profile failed: {exc}"]
                out[name] = entry
            if proposals:
                # at 1M nodes re-running every query with more indexes would add half an hour
                info["proposals"] = measure_proposals(store, params, out, runs=runs, budget_s=budget_s,
                                                      indexes=info["nodes"] < 1_000_000)
        finally:
            store.close()
    info["queries"] = out
    info["load_average_end"] = load_average()
    if answers:
        write_json(answers, saved)
    return info


def networkx_phase(spec: str, *, runs: int, budget_s: float, timeout_s: float, answers: Path | None = None) -> dict[str, Any]:
    """The same graph as a networkx MultiDiGraph; the same questions answered in Python."""
    info: dict[str, Any] = {"graph": spec, "phase": "networkx", "load_average_start": load_average()}
    graph, info["generate_s"] = make_graph(spec)
    holder = [graph]
    del graph
    return networkx_measure(holder, info, runs=runs, budget_s=budget_s, timeout_s=timeout_s, answers=answers)


def networkx_measure(holder: list[Graph], info: dict[str, Any], *, runs: int, budget_s: float, timeout_s: float,
                     answers: Path | None = None) -> dict[str, Any]:
    """The networkx phase on a graph in hand (a one-item list, emptied once the view is built)."""
    from kg.queries import get_query, load_pack

    graph = holder.pop()
    info["nodes"], info["edges"] = len(graph.nodes), len(graph.edges)
    params = pick_params(graph)
    t0 = time.perf_counter()
    view = NxGraph(graph)
    info["build_s"] = time.perf_counter() - t0
    del graph
    gc.collect()
    info["peak_rss_python_mb"] = peak_rss_mb()
    out: dict[str, Any] = {}
    saved: dict[str, list[str]] = {}
    for name in sorted(load_pack()):
        q = get_query(name)
        bound = q.bind(params[name])
        fn = NX_QUERIES[name]
        entry: dict[str, Any] = {"params": params[name]}
        try:
            with deadline(timeout_s):
                rows, first = timed(lambda: fn(view, **bound))
                norm = normalize(name, rows, q.columns)
                entry.update(rows=len(rows), digest=digest(norm), first_s=first)
                entry.update(_measure(lambda: fn(view, **bound), runs, budget_s))
            saved[name] = norm
        except Deadline:
            entry.update(error=f"timeout: no answer within {timeout_s:.0f} s", first_s=None)
        out[name] = entry
    info["queries"] = out
    info["load_average_end"] = load_average()
    if answers:
        write_json(answers, saved)
    return info


# ============================================================================ orchestration


def defaults(spec: str, quick: bool) -> dict[str, Any]:
    """Runs per query and time limits by graph size."""
    n = 0 if spec == "corpus" else parse_size(spec)
    if quick:
        return {"runs": 5, "budget_s": 5.0, "timeout_s": 20.0}
    if n >= 1_000_000:
        return {"runs": 5, "budget_s": 20.0, "timeout_s": 60.0}
    return {"runs": 30, "budget_s": 20.0, "timeout_s": 30.0}


def run(graphs: list[str], *, quick: bool = False, runs: int | None = None, out_dir: Path | None = None,
        mem_limit_mb: float | None = 14_000, phase_timeout_s: float = 3600, phases: tuple[str, ...] = ("store", "networkx"),
        previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """Both phases for each graph in fresh processes; the combined results for run.py.

    With `phases` a subset, the other phase's results are taken from `previous` (an earlier run's
    results of this benchmark), e.g. to re-run only the networkx baseline."""
    results: dict[str, Any] = {"benchmark": "queries", "graphs": {}, "failures": []}
    for spec in graphs:
        d = defaults(spec, quick)
        if runs:
            d["runs"] = runs
        common_args = ["--graph", spec, "--runs", str(d["runs"]), "--budget", str(d["budget_s"]), "--timeout", str(d["timeout_s"])]
        entry: dict[str, Any] = {}
        for phase in ("store", "networkx"):
            if phase not in phases:
                kept = (previous or {}).get("graphs", {}).get(spec, {}).get(phase)
                entry[phase] = kept if kept else {"error": f"{phase} phase not run"}
                continue
            args = [*common_args, "--phase", phase]
            if out_dir:
                args += ["--answers", str(out_dir / "answers" / f"{spec}-{phase}.json")]
            try:
                res = run_isolated("bench_queries", args, mem_limit_mb=mem_limit_mb, timeout_s=phase_timeout_s)
                res.result["process_peak_rss_mb"] = res.peak_rss_mb
                res.result["process_seconds"] = res.seconds
                entry[phase] = res.result
            except CaseFailed as exc:
                log.error("%s", exc)
                results["failures"].append(f"{spec} {phase}: {exc}")
                entry[phase] = {"error": str(exc)[-1500:]}
        results["graphs"][spec] = entry
    results["tables"] = tables(results)
    results["goals"] = goals(results)
    return results


def _p95_goal(spec: str, q: dict[str, Any]) -> str:
    if spec == "corpus" or parse_size(spec) != GOAL_SIZE:
        return ""
    if "p95" not in q:
        return "✗ (no answer)"
    return "✓" if q["p95"] <= GOAL_P95_S else f"✗ ({ratio(q['p95'], GOAL_P95_S)})"


def tables(results: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    setup_rows = []
    for spec, entry in results["graphs"].items():
        st, nx_ = entry.get("store", {}), entry.get("networkx", {})
        setup_rows.append([
            spec if spec == "corpus" else f"synthetic {spec}", st.get("nodes", nx_.get("nodes")), st.get("edges", nx_.get("edges")),
            _s(st.get("generate_s")), _s(st.get("load_s")), _s(nx_.get("build_s")),
            _mb(st.get("peak_rss_python_mb")), _mb(st.get("peak_rss_server_tree_mb") or st.get("peak_rss_server_mb")),
            _mb(nx_.get("peak_rss_python_mb")),
            f"{(st.get('load_average_start') or ['–'])[0]} / {(nx_.get('load_average_start') or ['–'])[0]}",
        ])
    out.append({"title": "Query benchmark graphs: build/generate, load and memory",
                **table(["graph", "nodes", "relationships", "build/generate s", "FalkorDB load s", "networkx build s",
                         "peak RSS Python (gen+load)", "peak RSS FalkorDB server", "peak RSS networkx process",
                         "1-min load average at start (store / networkx)"], setup_rows)})
    for spec, entry in results["graphs"].items():
        st, nx_ = entry.get("store", {}).get("queries", {}), entry.get("networkx", {}).get("queries", {})
        rows = []
        for name in sorted(set(st) | set(nx_)):
            s, n = st.get(name, {}), nx_.get(name, {})
            same = "–"
            if s.get("digest") and n.get("digest"):
                same = "✓" if s["digest"] == n["digest"] else "✗ differs"
            rows.append([
                name, _params(s.get("params") or n.get("params") or {}), s.get("rows", s.get("error", "–")),
                ms(s.get("median")), ms(s.get("p95")), ms(s.get("server_median")),
                ms(n.get("median")) if "median" in n else n.get("error", "–"), ms(n.get("p95")),
                ratio(s.get("median"), n.get("median")), same, _p95_goal(spec, s),
            ])
        label = spec if spec == "corpus" else f"synthetic {spec}"
        out.append({"title": f"Pack queries on the {label} graph (ms; store = run_query on embedded FalkorDB)",
                    **table(["query", "parameters", "rows", "store median", "store p95", "server-side median",
                             "networkx median", "networkx p95", "store ÷ networkx", "same answer", "p95 ≤ 50 ms"], rows)})
        prop = entry.get("store", {}).get("proposals")
        if prop:
            prows = []
            for name, r in prop.get("rewrites", {}).items():
                before = st.get(name, {})
                prows.append([name, r["why"], "✓" if r.get("same_answer") else ("✗" if "same_answer" in r else r.get("error", "–")),
                              ms(before.get("median")), ms(before.get("p95")), ms(r.get("median")), ms(r.get("p95")),
                              ratio(before.get("p95"), r.get("p95"))])
            for name, r in prop.get("indexes", {}).get("queries", {}).items():
                before = st.get(name, {})
                if r.get("p95") is None or before.get("p95") is None or r["p95"] > 0.5 * before["p95"]:
                    continue  # list the queries the indexes help (twice as fast at least: timings are noisy)
                prows.append([name, "with " + " and ".join(x.split(" ON ")[1] for x in prop["indexes"]["statements"]) + " indexed",
                              "✓" if r.get("same_answer") else "✗", ms(before.get("median")), ms(before.get("p95")),
                              ms(r.get("median")), ms(r.get("p95")), ratio(before.get("p95"), r.get("p95"))])
            out.append({"title": f"Proposed changes measured on the {label} graph (same run; answers checked identical)",
                        **table(["query", "change", "same answer", "median before", "p95 before", "median after", "p95 after",
                                 "p95 speed-up"], prows)})
    return out


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    spec = next((s for s in results["graphs"] if s != "corpus" and parse_size(s) == GOAL_SIZE), None)
    if spec:
        qs = results["graphs"][spec].get("store", {}).get("queries", {})
        missed = {k: v for k, v in qs.items() if v.get("p95") is None or v["p95"] > GOAL_P95_S}
        worst = ", ".join(f"{k} {ms(v.get('p95'))} ms" if v.get("p95") is not None else f"{k} ({v.get('error', 'no answer')[:60]})"
                          for k, v in sorted(missed.items(), key=lambda kv: -(kv[1].get("p95") or 1e9)))
        out.append({"goal": "every pack query p95 ≤ 50 ms at 100k nodes", "met": bool(qs) and not missed,
                    "measured": f"{len(qs) - len(missed)}/{len(qs)} within; missed: {worst}" if missed else
                    f"{len(qs)}/{len(qs)} within; slowest {max((v['p95'] for v in qs.values()), default=0) * 1000:.1f} ms"})
    else:
        out.append({"goal": "every pack query p95 ≤ 50 ms at 100k nodes", "met": None, "measured": "100k graph not run"})
    spec = next((s for s in results["graphs"] if s != "corpus" and parse_size(s) == 1_000_000), None)
    st = results["graphs"].get(spec, {}).get("store", {}) if spec else {}
    if st.get("load_s") is not None:
        total = st["generate_s"] + st["load_s"]
        mem = (st.get("peak_rss_python_mb") or 0) + (st.get("peak_rss_server_tree_mb") or st.get("peak_rss_server_mb") or 0)
        out.append({"goal": "1M-node build + load ≤ 5 min and ≤ 8 GB", "met": total <= 300 and mem <= 8 * 1024,
                    "measured": f"time {'✓' if total <= 300 else '✗'} {total:.0f} s (generate {st['generate_s']:.0f} s + load "
                                f"{st['load_s']:.0f} s); memory {'✓' if mem <= 8 * 1024 else '✗'} peak RSS {mem / 1024:.1f} GiB "
                                f"(Python {st['peak_rss_python_mb'] / 1024:.1f} + server and its children "
                                f"{(st.get('peak_rss_server_tree_mb') or st.get('peak_rss_server_mb') or 0) / 1024:.1f})"})
    else:
        out.append({"goal": "1M-node build + load ≤ 5 min and ≤ 8 GB", "met": None,
                    "measured": "1M graph not run" if not spec else f"failed: {results['graphs'][spec].get('store', {}).get('error', '?')[:200]}"})
    return out


def _s(x: float | None) -> str:
    return "–" if x is None else (f"{x:.2f}" if x < 10 else f"{x:.0f}")


def _mb(x: float | None) -> str:
    return "–" if not x else (f"{x:.0f} MiB" if x < 1024 else f"{x / 1024:.2f} GiB")


def _params(p: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in p.items() if v is not None) or "(defaults)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", default="corpus", help="corpus, or a synthetic size such as 100k or 1M")
    ap.add_argument("--phase", choices=["store", "networkx", "both"], default="both")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--budget", type=float, default=None, help="seconds of repeated runs per query at most")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per single query at most")
    ap.add_argument("--answers", type=Path, default=None, help="write the normalised answers here")
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    d = defaults(args.graph, args.quick)
    runs = args.runs or d["runs"]
    budget = args.budget or d["budget_s"]
    timeout = args.timeout or d["timeout_s"]
    if args.phase == "both":
        res = run([args.graph], quick=args.quick, runs=args.runs)
        for t in res["tables"]:
            print(f"\n{t['title']}\n{markdown_table(t)}")
        write_json(args.json, res)
        return 0
    if args.phase == "store":
        res = store_phase(args.graph, runs=runs, budget_s=budget, timeout_s=timeout,
                          profile_over_s=GOAL_P95_S, answers=args.answers)
    else:
        res = networkx_phase(args.graph, runs=runs, budget_s=budget, timeout_s=timeout, answers=args.answers)
    write_json(args.json, res)
    if not args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
