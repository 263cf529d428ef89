"""Interactive HTML views: one self-contained file per view, made with pyvis, working offline.

A view is a piece of the graph (cut by kg/select.py) drawn with vis-network. The page carries
everything it needs inline (pyvis `cdn_resources="in_line"` for vis-network, our own small
template instead of pyvis's, which links Bootstrap from a CDN) and a Content-Security-Policy
that forbids any request, so it opens on an intranet machine with no internet.

What a page has: colours and shapes per ontology class with a zh/en legend, tooltips as plain
text (type, city, evidence doc:line and quote), edge labels, a search box that selects and
zooms to matching nodes. Layout: chain views in columns (enterprises → 产业链 → 创新链 →
stages in order), computed here; other views start from a networkx layout that a few physics
iterations polish before physics is switched off, and past `LAYOUT_THRESHOLD` nodes that
layout is final with physics off. Past `MAX_NODES` a view is refused with a pointer to
GraphML/GEXF export for Gephi.

Names come from documents and are untrusted: they travel as JSON in a
`<script type="application/json">` block with `<`, `>`, `&` escaped (so `</script>` cannot end
it), are drawn on a canvas or set as `textContent`/`innerText`, never parsed as HTML.
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import select as sel
from kg.errors import KGError
from kg.models import Edge, Graph, Node

log = logging.getLogger(__name__)

MAX_NODES = 5000
"""Largest view drawn; beyond it a browser becomes unusable: export GraphML/GEXF for Gephi."""
LAYOUT_THRESHOLD = 500
"""Above this many nodes positions are computed in Python and physics is off."""
VIS_SHAPES = {"dot", "star", "triangle", "triangleDown", "square", "diamond", "hexagon", "box",
              "ellipse", "circle", "database", "text"}
FONT_FACE = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif'
MAX_QUOTES = 4
SYMMETRIC = {"COLLABORATES_WITH"}
"""Relationships drawn without an arrow: stored one way, meant both ways."""
_UNKNOWN_COLOR = "#aaaaaa"

# columns of the chain view, left to right: places and supporters, actors, chain, innovation
# chain, then one column per stage position
_CHAIN_COLUMNS = {"IndustryChain": 2, "InnovationChain": 3}
_STAGE_COLUMN = 4


@dataclass
class View:
    """A subgraph and how to draw it."""

    graph: Graph
    title: str
    kind: str = "graph"
    focus: list[str] = field(default_factory=list)
    """Ids drawn larger (the entity of an ego view, the chain of a chain view)."""
    levels: dict[str, int] | None = None
    """Left-to-right column of every node (chain view), or None for a force layout."""
    description: str = ""


# ------------------------------------------------------------------ views (what to show)


def graph_view(graph: Graph, title: str = "全图 · whole graph") -> View:
    return View(graph, title, "graph", description=f"{len(graph.nodes)} entities, {len(graph.edges)} relationships")


def chain_view(graph: Graph, chain: str | None = None, city: str | None = None) -> View:
    """链主/members → 产业链 → 创新链 → ordered stages, with places and supporting organisations.

    One chain (`chain`), the chains of one city (`city`), or all chains (neither)."""
    sub = sel.chains(graph, chain, city)
    chain_ids = [n.id for n in sub.nodes if n.type == "IndustryChain"]
    if chain:
        what = sel.find_node(graph, chain, "IndustryChain").name
    else:
        what = "全部产业链 · all chains"
    if city:
        what = f"{sel.find_node(graph, city, 'City').name} · {what}"
    return View(sub, f"{what} · chain view", "chain", focus=chain_ids, levels=chain_levels(sub),
                description="链主/成员企业 → 产业链 → 科技创新链 → 环节 (left to right)")


def chain_levels(graph: Graph) -> dict[str, int]:
    """A column for every node: places, supporting organisations and the rest 0, enterprises 1,
    产业链 2, 创新链 3, stages 4, 5, … by their position in their sequence."""
    levels: dict[str, int] = {}
    for n in graph.nodes:
        if n.type in _CHAIN_COLUMNS:
            levels[n.id] = _CHAIN_COLUMNS[n.type]
        elif n.type == "Enterprise":
            levels[n.id] = 1
        elif n.type == "ChainStage":
            continue
        else:
            levels[n.id] = 0
    by_type = sel.edges_by_type(graph)
    for n in graph.nodes:
        if n.type in _CHAIN_COLUMNS:  # an industry chain holds the stages where the plan names no innovation chain
            for seq in sel.stage_sequences(graph, n.id, by_type):
                for k, sid in enumerate(seq):
                    levels[sid] = max(levels.get(sid, 0), _STAGE_COLUMN + k)
    for n in graph.nodes:
        levels.setdefault(n.id, _STAGE_COLUMN)  # a stage outside any innovation chain of the view
    return levels


def ego_view(graph: Graph, name: str, hops: int = 1) -> View:
    """An entity and everything within `hops` relationships of it."""
    if hops < 0:
        raise KGError(f"hops must be 0 or more, got {hops}")
    node = sel.find_node(graph, name)
    sub = sel.ego(graph, node.id, hops)
    return View(sub, f"{node.name} · {hops} hop{'s' if hops != 1 else ''}", "ego", focus=[node.id],
                description=f"{node.name} and everything within {hops} relationship(s)")


def city_view(graph: Graph, name: str) -> View:
    """Everything located in, developed by or stated for one city."""
    node = sel.find_node(graph, name, "City")
    return View(sel.city(graph, node.id), f"{node.name} · city overview", "city", focus=[node.id],
                description=f"everything located in, developed by or stated for {node.name}")


def collaboration_view(graph: Graph, city: str | None = None) -> View:
    """Who works with whom (COLLABORATES_WITH), for one city or the whole graph."""
    sub = sel.collaboration(graph, city)
    where = sel.find_node(graph, city, "City").name if city else None
    if not sub.nodes:
        raise KGError(f"no COLLABORATES_WITH relationships{' in ' + where if where else ''} in the graph")
    return View(sub, (f"{where} · " if where else "") + "合作网络 · collaboration network", "collaboration",
                description=f"{len(sub.edges)} collaborations between {len(sub.nodes)} organisations")


def query_view(graph: Graph, store: Any, name: str, params: dict[str, Any] | None = None, hops: int = 0) -> View:
    """The entities a query-pack query returns (run on `store`), plus `hops` around them."""
    from kg.queries import get_query, run_query

    q = get_query(name)
    rows = run_query(store, name, params or {})
    sub = sel.from_rows(graph, rows, hops)
    shown = ", ".join(f"{k}={v}" for k, v in sorted((params or {}).items()) if v is not None)
    if not sub.nodes:
        raise KGError(f"query {name!r}{' (' + shown + ')' if shown else ''} returned {len(rows)} rows "
                      "naming no entity of the graph: nothing to draw")
    title = f"{q.title.get('zh', name)} · {q.title.get('en', '')}".strip(" ·")
    return View(sub, title + (f" ({shown})" if shown else ""), "query",
                description=f"query {name}: {len(rows)} rows, {len(sub.nodes)} entities" + (f", +{hops} hops" if hops else ""))


def select_view(graph: Graph, *, chain: str | None = None, city: str | None = None, ego: str | None = None,
                hops: int | None = None, collab: bool = False, query: str | None = None,
                params: dict[str, Any] | None = None, store: Any = None) -> View:
    """The view the options ask for (what `kg view` does): at most one of chain, ego, collab,
    query; `city` alone is the city overview and with chain or collab keeps to that city."""
    given = [k for k, v in (("--chain", chain), ("--ego", ego), ("--collab", collab), ("--query", query)) if v]
    if len(given) > 1:
        raise KGError(f"choose one view, not {' and '.join(given)}")
    if params and not query:
        raise KGError("--param is only used with --query")
    if hops is not None and not (ego or query):
        raise KGError("--hops is only used with --ego or --query")
    if city and (ego or query):
        raise KGError(f"--city does not combine with {given[0]}")
    if chain:
        return chain_view(graph, None if chain.strip().lower() in ("all", "*") else chain, city)
    if ego:
        return ego_view(graph, ego, 1 if hops is None else hops)
    if collab:
        return collaboration_view(graph, city)
    if query:
        if store is None:
            raise KGError(f"query {query!r} needs a store to run on")
        return query_view(graph, store, query, params, hops or 0)
    if city:
        return city_view(graph, city)
    return graph_view(graph)


# ------------------------------------------------------------------ styling


@dataclass(frozen=True)
class Style:
    cls: str
    """The class a node is drawn as: its own, or the ancestor it takes colour and shape from."""
    label: str
    """zh · en label of the node's most specific class (重点实验室 · key laboratory)."""
    color: str
    shape: str
    label_zh: str
    label_en: str


@lru_cache(maxsize=None)
def style(type_: str, subtype: str | None = None) -> Style:
    """Colour, shape and labels of a node's class from the ontology (platform subclasses
    inherit the platform style); classes the ontology does not know are drawn grey."""
    from kg.ontology import CLASSES, class_style

    for cls in (subtype, type_):
        if cls and cls in CLASSES:
            own = CLASSES[cls]
            owner = own
            while owner.color is None and owner.parent in CLASSES:  # KeyLaboratory -> Platform
                owner = CLASSES[owner.parent]
            c = class_style(cls)
            shape = c.shape if c.shape in VIS_SHAPES else "dot"
            return Style(owner.name, f"{own.label_zh} · {own.label_en}", c.color or _UNKNOWN_COLOR, shape,
                         owner.label_zh, owner.label_en)
    name = subtype or type_
    return Style(name, name, _UNKNOWN_COLOR, "dot", name, name)


@lru_cache(maxsize=None)
def relation_label(type_: str) -> tuple[str, str]:
    """(zh, en) label of a relationship type; the type itself when the ontology lacks it."""
    from kg.ontology import RELATIONS

    r = RELATIONS.get(type_)
    return (r.label_zh, r.label_en) if r else (type_, type_)


def _evidence_lines(evidence: list, limit: int = MAX_QUOTES) -> list[str]:
    lines = [f"· {ev.doc}:{ev.line} “{ev.quote}”" for ev in evidence[:limit]]
    if len(evidence) > limit:
        lines.append(f"… +{len(evidence) - limit} more / 另有{len(evidence) - limit}处")
    return lines


def node_tooltip(n: Node) -> str:
    """Plain text (vis-network shows a string title as text, never as HTML)."""
    st = style(n.type, n.subtype)
    lines = [n.name, f"类型 type: {st.label}"]
    if n.city:
        lines.append(f"城市 city: {n.city}")
    if n.aliases:
        lines.append("别名 aliases: " + "、".join(n.aliases[:6]))
    for k, v in list(n.properties.items())[:6]:
        if isinstance(v, (str, int, float)) and k not in ("chain",):
            lines.append(f"{k}: {v}")
    lines.append("证据 evidence:")
    return "\n".join(lines + _evidence_lines(n.evidence))


def edge_tooltip(e: Edge, index: dict[str, Node]) -> str:
    zh, en = relation_label(e.type)
    lines = [f"{index[e.source].name} → {index[e.target].name}", f"{zh} · {en} ({e.type})"]
    for k, v in list(e.properties.items())[:4]:
        if isinstance(v, (str, int, float)):
            lines.append(f"{k}: {v}")
    lines.append("证据 evidence:")
    return "\n".join(lines + _evidence_lines(e.evidence))


def legend(graph: Graph) -> list[dict[str, str]]:
    """Classes present in the graph with colour, shape and zh/en labels, in ontology order."""
    from kg.ontology import CLASSES

    order = {name: i for i, name in enumerate(CLASSES)}
    seen: dict[str, Style] = {}
    for n in graph.nodes:
        st = style(n.type, n.subtype)
        seen.setdefault(st.cls, st)
    items = sorted(seen.values(), key=lambda s: (order.get(s.cls, len(order)), s.cls))
    counts: dict[str, int] = {}
    for n in graph.nodes:
        cls = style(n.type, n.subtype).cls
        counts[cls] = counts.get(cls, 0) + 1
    return [{"cls": s.cls, "color": s.color, "shape": s.shape, "zh": s.label_zh, "en": s.label_en,
             "count": str(counts[s.cls])} for s in items]


# ------------------------------------------------------------------ layout


def precomputed_layout(graph: Graph, seed: int = 1, spacing: float = 90.0) -> dict[str, tuple[float, float]]:
    """Positions for a view, in vis pixels (about `spacing` between neighbours).

    Each connected component is laid out on its own and the components are packed in rows,
    largest first, so isolated entities line up below the connected part instead of drifting
    off. networkx's spring layout is quadratic (and its sparse variant loops in Python), so a
    component above 200 nodes is split into Louvain communities: each community gets a dense
    spring layout inside a disc, and the discs are placed by a spring layout of the graph
    between communities, then pushed apart until they no longer overlap. 5,000 nodes take a
    few seconds."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(n.id for n in graph.nodes)
    g.add_edges_from((e.source, e.target) for e in graph.edges if e.source != e.target)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in comps:
        local = _component_layout(g.subgraph(comp), seed, spacing)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        boxes.append((local, min(xs), min(ys), max(xs) - min(xs) + spacing, max(ys) - min(ys) + spacing))
    width = max(max(b[3] for b in boxes), math.sqrt(sum(b[3] * b[4] for b in boxes)) * 1.3)
    pos: dict[str, tuple[float, float]] = {}
    x = y = shelf = 0.0
    for local, x0, y0, w, h in boxes:  # shelf packing, row by row
        if x > 0 and x + w > width:
            x, y, shelf = 0.0, y + shelf, 0.0
        for v, (px, py) in local.items():
            pos[v] = (x + px - x0, y + py - y0)
        x += w
        shelf = max(shelf, h)
    cx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
    cy = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
    return {v: (px - cx, py - cy) for v, (px, py) in pos.items()}


def _component_layout(g: Any, seed: int, spacing: float, most: int = 200) -> dict[str, tuple[float, float]]:
    """A connected component's layout around the origin (communities in discs when it is big)."""
    import networkx as nx

    n = g.number_of_nodes()
    if n == 1:
        return {next(iter(g.nodes)): (0.0, 0.0)}
    if n <= most:
        r = _radius(n, spacing)
        return {v: (float(x) * r, float(y) * r) for v, (x, y) in _spring(g, seed).items()}
    parts = _communities(g, seed, most)
    member = {v: i for i, part in enumerate(parts) for v in part}
    q = nx.Graph()
    q.add_nodes_from(range(len(parts)))
    for a, b in g.edges():
        ia, ib = member[a], member[b]
        if ia != ib:
            q.add_edge(ia, ib, weight=q[ia][ib]["weight"] + 1 if q.has_edge(ia, ib) else 1)
    radius = [_radius(len(p), spacing) for p in parts]
    centres = _place_discs(q, radius, seed)
    pos: dict[str, tuple[float, float]] = {}
    for i, part in enumerate(parts):
        cx, cy = centres[i]
        local = _spring(g.subgraph(part), seed) if len(part) > 1 else {next(iter(part)): (0.0, 0.0)}
        for v, (x, y) in local.items():
            pos[v] = (cx + float(x) * radius[i], cy + float(y) * radius[i])
    return pos


def _radius(n: int, spacing: float) -> float:
    return spacing * (0.6 * math.sqrt(n) + 0.5)


def _spring(g: Any, seed: int) -> dict[str, Any]:
    import networkx as nx

    n = g.number_of_nodes()
    return nx.spring_layout(g, seed=seed, iterations=50 if n <= 100 else 35, method="force")


def _communities(g: Any, seed: int, most: int = 200) -> list[set[str]]:
    """Louvain communities of a connected graph, split again until none has more than `most`."""
    import networkx as nx

    out: list[set[str]] = []
    todo = [set(g.nodes)]
    while todo:
        part = todo.pop()
        if len(part) <= most:
            out.append(part)
            continue
        split = [set(c) for c in nx.community.louvain_communities(g.subgraph(part), seed=seed)]
        if len(split) == 1:  # no structure to split on: cut it in slices
            items = sorted(part)
            split = [set(items[i : i + most]) for i in range(0, len(items), most)]
        todo.extend(split)
    return sorted(out, key=lambda p: (-len(p), min(p)))


def _place_discs(q: Any, radius: list[float], seed: int) -> list[tuple[float, float]]:
    """Centres for discs of the given radii: spring layout of the community graph, then pushed
    apart until no two discs overlap."""
    import networkx as nx
    import numpy as np

    n = len(radius)
    if n == 1:
        return [(0.0, 0.0)]
    r = np.asarray(radius)
    scale = float(r.sum())
    layout = nx.spring_layout(q, seed=seed, weight="weight", iterations=80, method="force") if n < 500 else \
        {i: np.asarray([random.Random(seed + i).uniform(-1, 1), random.Random(-seed - i).uniform(-1, 1)]) for i in range(n)}
    p = np.asarray([layout[i] for i in range(n)], dtype=float) * scale * 0.5
    for _ in range(200):
        d = p[:, None, :] - p[None, :, :]
        dist = np.linalg.norm(d, axis=-1)
        np.fill_diagonal(dist, np.inf)
        need = r[:, None] + r[None, :] + 20.0
        overlap = np.clip(need - dist, 0, None)
        if not overlap.any():
            break
        dist = np.where(np.isfinite(dist), np.maximum(dist, 1e-6), 1.0)
        push = (d / dist[..., None]) * (overlap[..., None] / 2)
        p += push.sum(axis=1)
    return [(float(x), float(y)) for x, y in p]


def column_layout(graph: Graph, levels: dict[str, int], dx: float = 210.0, dy: float = 80.0,
                  sweeps: int = 3) -> dict[str, tuple[float, float]]:
    """Positions for a chain view: one column per level, left to right, each column centred.

    Within a column nodes are ordered to cut crossings (the Sugiyama barycentre heuristic):
    sweeps left to right and back, each sorting a column by the mean row of its neighbours in
    the columns already swept, so a stage sequence stays on one row."""
    cols: dict[int, list[str]] = {}
    for n in graph.nodes:
        cols.setdefault(levels[n.id], []).append(n.id)
    for ids in cols.values():
        ids.sort()
    adj: dict[str, set[str]] = {}
    for e in graph.edges:
        if e.source != e.target:
            adj.setdefault(e.source, set()).add(e.target)
            adj.setdefault(e.target, set()).add(e.source)
    row = {i: k - (len(ids) - 1) / 2 for ids in cols.values() for k, i in enumerate(ids)}
    order = sorted(cols)
    for sweep in range(sweeps):
        forward = sweep % 2 == 0
        for lvl in order if forward else reversed(order):
            def bary(i: str) -> float:
                rs = [row[j] for j in adj.get(i, ()) if (levels[j] < lvl if forward else levels[j] > lvl)]
                return sum(rs) / len(rs) if rs else row[i]
            ids = sorted(cols[lvl], key=lambda i: (bary(i), row[i]))
            cols[lvl] = ids
            for k, i in enumerate(ids):
                row[i] = k - (len(ids) - 1) / 2
    return {i: (levels[i] * dx, row[i] * dy) for i in row}


# ------------------------------------------------------------------ HTML


def _options(view: View, n: int, layout: str) -> dict[str, Any]:
    fixed = layout != "physics"
    opts: dict[str, Any] = {
        "nodes": {"font": {"face": FONT_FACE, "size": 15, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "size": 14, "widthConstraint": {"maximum": 170}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"face": FONT_FACE, "size": 10, "align": "middle", "color": "#555555",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "color": {"color": "#9a9a9a", "highlight": "#d62728", "hover": "#555555"},
                  "width": 1, "selectionWidth": 2, "smooth": False if fixed or n > 200 else {"type": "continuous"}},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "keyboard": False,
                        "hideEdgesOnDrag": n > 300, "hideEdgesOnZoom": n > 1000},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }
    if layout == "columns":
        opts["nodes"]["font"]["size"] = 18
    if fixed:
        opts["physics"] = {"enabled": False}
    else:
        # nodes start from the Python layout, so a few strongly damped iterations settle them
        # (well under a second for a few hundred nodes); then the page turns physics off
        opts["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.012, "springLength": 110,
                                 "springConstant": 0.08, "damping": 0.6, "avoidOverlap": 0.3},
            "maxVelocity": 60, "minVelocity": 1.5, "timestep": 0.5, "adaptiveTimestep": True,
            "stabilization": {"enabled": True, "iterations": 80 if n <= 200 else 40, "updateInterval": 40, "fit": True},
        }
    return opts


class _IdList(list):
    """pyvis keeps node ids in a list and scans it on every add_node and add_edge (quadratic:
    seconds at 5,000 nodes); the same list with a set beside it answers `in` at once."""

    def __init__(self) -> None:
        super().__init__()
        self._index: set[Any] = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._index.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._index


def _net(view: View, max_nodes: int, layout_threshold: int):
    from pyvis.network import Network

    g = view.graph
    n = len(g.nodes)
    if n > max_nodes:
        raise KGError(
            f"view {view.title!r} has {n} nodes, more than the {max_nodes} a browser can draw usefully; "
            "narrow it (--chain, --city, --ego NAME --hops 1, --query) or export the selection for Gephi: "
            "`kg export --format graphml` (or --format gexf) with the same selection options")
    if n == 0:
        raise KGError(f"view {view.title!r} is empty: the selection matched no entity")
    # chain views: columns (physics off); big views: the final layout (physics off); small
    # ones: a start that physics only polishes
    layout = "columns" if view.levels is not None else "precomputed" if n > layout_threshold else "physics"
    t = time.perf_counter()
    if layout == "columns":
        pos = column_layout(g, view.levels, dy=80.0 if n <= layout_threshold else 46.0)
    else:
        pos = precomputed_layout(g)
    log.info("%s layout of %d nodes in %.2fs", layout, n, time.perf_counter() - t)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()
    net.options = _options(view, n, layout)
    focus = set(view.focus)
    index = g.node_index()
    for node in g.nodes:
        st = style(node.type, node.subtype)
        attrs: dict[str, Any] = {
            "label": node.name, "title": node_tooltip(node), "shape": st.shape,
            "color": {"background": st.color, "border": "#333333" if node.id in focus else st.color,
                      "highlight": {"background": st.color, "border": "#000000"},
                      "hover": {"background": st.color, "border": "#000000"}},
            "cls": st.cls, "city": node.city or "",
        }
        if node.id in focus:
            attrs["size"] = 26
            attrs["borderWidth"] = 3
            attrs["font"] = {"size": 18}
        attrs["x"], attrs["y"] = round(pos[node.id][0]), round(pos[node.id][1])
        net.add_node(node.id, **attrs)
    for e in g.edges:
        extra = {"arrows": {"to": {"enabled": False}}} if e.type in SYMMETRIC else {}
        net.add_edge(e.source, e.target, label=relation_label(e.type)[0], title=edge_tooltip(e, index), rel=e.type, **extra)
    return net, layout


def _json_for_script(data: Any) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` survive, so no `</script>`
    or `<!--` can end or alter the element, whatever the names hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _environment():
    """Jinja environment: our template, and pyvis's folder for the inlined vis-network files."""
    import pyvis
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader, select_autoescape

    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    return Environment(loader=ChoiceLoader([DictLoader({"kg-view.html": _TEMPLATE}), FileSystemLoader(str(pyvis_templates))]),
                       autoescape=select_autoescape(default_for_string=True, default=True), auto_reload=False)


def to_html(view: View, *, max_nodes: int = MAX_NODES, layout_threshold: int = LAYOUT_THRESHOLD) -> str:
    """The view as one self-contained HTML page."""
    net, layout = _net(view, max_nodes, layout_threshold)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options),
            "meta": {"kind": view.kind, "title": view.title, "focus": view.focus, "layout": layout,
                     "precomputed": layout != "physics", "nodes": len(nodes), "edges": len(edges)}}
    return _environment().get_template("kg-view.html").render(
        title=view.title, description=view.description, kind=view.kind, legend=legend(view.graph),
        data_json=_json_for_script(data), n_nodes=len(nodes), n_edges=len(edges),
        precomputed=layout == "precomputed", cdn_resources=net.cdn_resources)


def write(view: View, path: Path, **kw: Any) -> Path:
    """Write the view's page to `path` (folders created) and return the path."""
    t = time.perf_counter()
    page = to_html(view, **kw)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    log.info("wrote %s view %s: %d nodes, %d edges, %.0f KB in %.2fs", view.kind, path, len(view.graph.nodes),
             len(view.graph.edges), len(page) / 1024, time.perf_counter() - t)
    return path


def render(graph: Graph, path: Path, *, title: str = "全图 · whole graph", **kw: Any) -> Path:
    """Write a view of the whole `graph` (kept for the walking skeleton's callers)."""
    return write(graph_view(graph, title), path, **kw)


# The page. Autoescaped: every {{ }} below is HTML-escaped; the data goes in as escaped JSON.
_TEMPLATE = r"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · innovation-kg</title>
{% if cdn_resources == "in_line" %}<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>{% endif %}
<style>
  html, body { margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; background: #fff; }
  #kg-bar { position: absolute; top: 0; left: 0; right: 0; height: 44px; display: flex; align-items: center; gap: 12px; padding: 0 12px; border-bottom: 1px solid #ddd; background: #fafafa; z-index: 10; }
  #kg-bar h1 { font-size: 16px; margin: 0; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 50%; }
  #kg-bar .kg-count { font-size: 12px; color: #666; white-space: nowrap; }
  #kg-search { font: inherit; font-size: 14px; padding: 4px 8px; width: 220px; border: 1px solid #bbb; border-radius: 4px; }
  #kg-search-info { font-size: 12px; color: #555; white-space: nowrap; }
  #kg-network { position: absolute; top: 45px; left: 0; right: 0; bottom: 0; }
  #kg-legend { position: absolute; top: 56px; right: 12px; background: rgba(255,255,255,0.92); border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; font-size: 12px; z-index: 5; max-height: calc(100% - 80px); overflow: auto; }
  #kg-legend h2 { font-size: 12px; margin: 0 0 4px 0; color: #444; }
  #kg-legend ul { list-style: none; margin: 0; padding: 0; }
  #kg-legend li { display: flex; align-items: center; gap: 6px; line-height: 20px; white-space: nowrap; }
  #kg-legend li .n { color: #888; }
  #kg-legend svg { flex: none; }
  .vis-tooltip { white-space: pre-wrap !important; max-width: 520px; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif !important; font-size: 12px !important; line-height: 1.45; }
</style>
</head>
<body data-kind="{{ kind }}">
<div id="kg-bar">
  <h1 id="kg-title" title="{{ description }}">{{ title }}</h1>
  <span class="kg-count">{{ n_nodes }} 节点 nodes · {{ n_edges }} 关系 edges{% if precomputed %} · 预计算布局 precomputed layout{% endif %}</span>
  <input id="kg-search" type="search" placeholder="搜索节点 search a node…" autocomplete="off" aria-label="search a node">
  <span id="kg-search-info" aria-live="polite"></span>
</div>
<div id="kg-network"></div>
<div id="kg-legend"><h2>图例 legend</h2><ul>
{% for item in legend %}  <li data-cls="{{ item.cls }}"><svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
{%- if item.shape in ("dot", "circle", "ellipse") %}<circle cx="7" cy="7" r="6" fill="{{ item.color }}"/>
{%- elif item.shape in ("square", "box", "database") %}<rect x="1" y="1" width="12" height="12" rx="{{ 3 if item.shape != 'square' else 0 }}" fill="{{ item.color }}"/>
{%- elif item.shape == "diamond" %}<polygon points="7,0 14,7 7,14 0,7" fill="{{ item.color }}"/>
{%- elif item.shape == "triangle" %}<polygon points="7,1 13,13 1,13" fill="{{ item.color }}"/>
{%- elif item.shape == "triangleDown" %}<polygon points="1,1 13,1 7,13" fill="{{ item.color }}"/>
{%- elif item.shape == "hexagon" %}<polygon points="3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7" fill="{{ item.color }}"/>
{%- elif item.shape == "star" %}<polygon points="7,0 8.8,4.9 14,5 9.9,8.2 11.3,13.3 7,10.3 2.7,13.3 4.1,8.2 0,5 5.2,4.9" fill="{{ item.color }}"/>
{%- else %}<circle cx="7" cy="7" r="6" fill="{{ item.color }}"/>{% endif %}</svg><span>{{ item.zh }} · {{ item.en }}</span> <span class="n">{{ item.count }}</span></li>
{% endfor %}</ul></div>
<script type="application/json" id="kg-data">{{ data_json|safe }}</script>
<script>
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var physics = !!(data.options.physics && data.options.physics.enabled);
  var state = { nodes: nodes, edges: edges, meta: data.meta, ready: false, stabilized: !physics,
                startedAt: started, stabilizedAt: null, drawnAt: null, parsedMs: performance.now() - started };
  window.kgView = state;
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  state.network = network;
  state.builtMs = performance.now() - started;
  function done() {
    if (state.ready) { return; }
    state.ready = true;
    state.drawnAt = performance.now();
    document.body.setAttribute("data-ready", "1");
  }
  network.once("stabilizationIterationsDone", function () {
    state.stabilized = true;
    state.stabilizedAt = performance.now();
    network.setOptions({ physics: { enabled: false } });
  });
  network.on("afterDrawing", function () { if (state.stabilized) { done(); } });

  // search: select and zoom to the nodes whose name (or class) contains the text
  var box = document.getElementById("kg-search");
  var info = document.getElementById("kg-search-info");
  function search(text) {
    var q = (text || "").trim().toLowerCase();
    if (!q) { network.unselectAll(); info.textContent = ""; return []; }
    var ids = nodes.getIds({ filter: function (n) {
      return String(n.label).toLowerCase().indexOf(q) >= 0 || String(n.cls).toLowerCase() === q;
    } });
    network.selectNodes(ids, true);
    if (ids.length) {
      network.fit({ nodes: ids, animation: false });
      if (ids.length === 1 && network.getScale() > 1.5) { network.moveTo({ scale: 1.5 }); }
    }
    info.textContent = ids.length + " 个匹配 match" + (ids.length === 1 ? "" : "es");
    return ids;
  }
  state.search = search;
  box.addEventListener("input", function () { search(box.value); });
  box.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { box.value = ""; search(""); } });
})();
</script>
</body>
</html>
"""
