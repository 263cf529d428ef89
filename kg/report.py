"""Reports for a selection: Markdown and HTML with counts, tables, chain structure and sources.

`build_report` turns a (sub)graph into a neutral `Report` (sections of rows whose cells are
plain text, each statement carrying numbers into one source list); `to_markdown` and `to_html`
only lay it out and escape. Sources are numbered in order of first reference, so Markdown
footnotes ([^n], which GitHub renumbers by first use) and the HTML list show the same numbers.
Names and quotes come from documents and are untrusted: every one is escaped.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from kg.errors import KGError
from kg.models import Edge, Evidence, Graph, Node

log = logging.getLogger(__name__)

@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], dict[str, str]]:
    """zh labels of classes and relationships, in the ontology's order (kg/ontology.py)."""
    try:
        from kg.ontology import CLASSES, RELATIONS
    except (ImportError, KGError) as exc:  # the report still works with English names only
        log.warning("ontology labels unavailable: %s", exc)
        return {}, {}
    return ({k: c.label_zh for k, c in CLASSES.items()}, {k: r.label_zh for k, r in RELATIONS.items()})


def class_label(t: str) -> str:
    zh = _labels()[0].get(t)
    return f"{t} {zh}" if zh else t


def rel_label(t: str) -> str:
    zh = _labels()[1].get(t)
    return f"{t} {zh}" if zh else t


def _rank(labels: dict[str, str], t: str) -> tuple[int, str]:
    """Sort key: the ontology's order, unknown names last and alphabetically."""
    order = {k: i for i, k in enumerate(labels)}
    return (order.get(t, len(order)), t)


# ================================================================== model


class Refs(list):
    """The source numbers of one statement; filled by `Sources.number` in reading order."""

    def __init__(self, evidence: Iterable[Evidence] = ()) -> None:
        super().__init__()
        self.evidence = list(evidence)


class Sources:
    """Evidence numbered by first reference in reading order."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, int, str], int] = {}
        self.items: list[Evidence] = []

    def number(self, refs: list[int]) -> None:
        out: list[int] = []
        for ev in getattr(refs, "evidence", []):
            k = ev.key()
            if k not in self.index:
                self.items.append(ev)
                self.index[k] = len(self.items)
            if self.index[k] not in out:
                out.append(self.index[k])
        refs[:] = out


@dataclass
class Cell:
    text: str
    refs: list[int] = field(default_factory=list)


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Cell]]


@dataclass
class Step:
    """One item in a chain structure line: a name and the evidence numbers that state it."""

    name: str
    refs: list[int] = field(default_factory=list)


@dataclass
class ChainPart:
    label: str
    items: list[Step]


@dataclass
class InnovationPart:
    name: str
    refs: list[int]
    sequences: list[list[Step]]


@dataclass
class ChainSection:
    name: str
    city: str | None
    refs: list[int]
    parts: list[ChainPart]
    innovation: list[InnovationPart]
    path: list[str]


@dataclass
class Report:
    title: str
    description: str
    meta: dict[str, Any]
    summary: list[tuple[str, str]]
    node_counts: list[tuple[str, int]]
    edge_counts: list[tuple[str, int]]
    chains: list[ChainSection]
    node_tables: list[Table]
    edge_tables: list[Table]
    sources: list[Evidence]
    graph: Graph
    kind: str = "all"
    focus: list[str] = field(default_factory=list)


# ================================================================== chain structure


class _Index:
    """Adjacency of the graph computed once, so a report is linear in the graph's size."""

    def __init__(self, graph: Graph) -> None:
        self.nodes = graph.node_index()
        self.into: dict[str, list[Edge]] = defaultdict(list)
        self.out: dict[tuple[str, str], list[Edge]] = defaultdict(list)
        for e in graph.edges:
            if e.source in self.nodes and e.target in self.nodes:
                self.into[e.target].append(e)
                self.out[(e.source, e.type)].append(e)

    def stage_sequences(self, ichain_id: str) -> list[list[tuple[Node, list[Evidence]]]]:
        """kg.select.stage_sequences on the innovation chain's own small subgraph (its stages,
        HAS_STAGE and the NEXT_STAGE among them), each stage with the evidence of its HAS_STAGE
        and of the NEXT_STAGE that leads to it."""
        from kg.select import stage_sequences as ordered

        has = self.out.get((ichain_id, "HAS_STAGE"), [])
        if not has:
            return []
        stages = {e.target for e in has}
        nxt = [e for s in stages for e in self.out.get((s, "NEXT_STAGE"), []) if e.target in stages]
        local = Graph.model_construct(nodes=[self.nodes[ichain_id], *(self.nodes[s] for s in stages)],
                                      edges=[*has, *nxt], meta={})
        has_ev = {e.target: e.evidence for e in has}
        nxt_ev = {(e.source, e.target): e.evidence for e in nxt}
        return [[(self.nodes[sid], [*has_ev.get(sid, []), *(nxt_ev.get((seq[i - 1], sid), []) if i else [])])
                 for i, sid in enumerate(seq)] for seq in ordered(local, ichain_id)]


def stage_sequences(graph: Graph, ichain_id: str) -> list[list[tuple[Node, list[Evidence]]]]:
    """The ordered stage sequences of an innovation chain (制氢 → 储运 → 加氢站 …) as
    kg.select.stage_sequences orders them, each stage with its evidence."""
    return _Index(graph).stage_sequences(ichain_id)


def _chain_sections(graph: Graph, ix: _Index | None = None) -> list[ChainSection]:
    ix = ix or _Index(graph)
    idx = ix.nodes
    out = []
    for c in sorted((n for n in graph.nodes if n.type == "IndustryChain"), key=lambda n: n.name):
        crefs = Refs(c.evidence)
        edges = ix.into.get(c.id, [])
        groups: dict[str, list[Step]] = defaultdict(list)
        for e in sorted(edges, key=lambda e: idx[e.source].name):
            src = idx[e.source]
            if e.type == "LEADS_CHAIN":
                label = "链主 Leaders"
            elif e.type == "DEVELOPS_CHAIN":
                label = "发展城市 Developed by"
            elif e.type == "INNOVATION_CHAIN_OF":
                continue
            elif src.type == "Platform":
                label = "创新平台 Platforms"
            elif e.type == "IN_CHAIN":
                label = "链上成员 Members"
            else:
                label = rel_label(e.type)
            name = src.name + (f" ({src.city})" if e.type == "LEADS_CHAIN" and src.city else "")
            groups[label].append(Step(name, Refs(e.evidence)))
        # platforms the chain's leaders and members host
        members = sorted({e.source for e in edges if e.type in ("LEADS_CHAIN", "IN_CHAIN")}, key=lambda i: idx[i].name)
        seen_pl = {s.name for s in groups.get("创新平台 Platforms", [])}
        for m in members:
            for e in ix.out.get((m, "HOSTS"), []):
                if idx[e.target].name not in seen_pl:
                    seen_pl.add(idx[e.target].name)
                    groups["创新平台 Platforms"].append(Step(f"{idx[e.target].name} (依托 {idx[m].name})",
                                                              Refs(e.evidence)))
        order = ["链主 Leaders", "链上成员 Members", "创新平台 Platforms", "发展城市 Developed by"]
        parts = [ChainPart(k, groups[k]) for k in order if groups.get(k)]
        parts += [ChainPart(k, v) for k, v in groups.items() if k not in order]
        innov = []
        own = ix.stage_sequences(c.id)  # stages the plan gives the industry chain itself (no innovation chain named)
        if own:
            innov.append(InnovationPart(c.name, crefs, [[Step(n.name, Refs(evs)) for n, evs in seq] for seq in own]))
        ic_edges = [e for e in edges if e.type == "INNOVATION_CHAIN_OF"]
        seq_of = {e.source: ix.stage_sequences(e.source) for e in ic_edges}
        # innovation chains with stages first: the chain structure line follows the first one
        for e in sorted(ic_edges, key=lambda e: (not seq_of[e.source], idx[e.source].name)):
            ic = idx[e.source]
            seqs = [[Step(n.name, Refs(evs)) for n, evs in seq] for seq in seq_of[e.source]]
            innov.append(InnovationPart(ic.name, Refs([*ic.evidence, *e.evidence]), seqs))
        leaders = sorted(idx[e.source].name for e in edges if e.type == "LEADS_CHAIN")
        path = ([" / ".join(leaders)] if leaders else []) + [c.name]
        if innov:
            if innov[0].name != c.name:
                path.append(innov[0].name)
            if innov[0].sequences:
                path += [s.name for s in innov[0].sequences[0]]
        out.append(ChainSection(c.name, c.city, crefs, parts, innov, path))
    return out


# ================================================================== tables


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (list, tuple)):
        return "、".join(_fmt(x) for x in v)
    if isinstance(v, dict):
        return "; ".join(f"{k}={_fmt(x)}" for k, x in v.items())
    return "" if v is None else str(v)


def _prop_keys(items: Iterable[dict[str, Any]], skip: set[str] = frozenset()) -> list[str]:
    c: Counter[str] = Counter()
    for p in items:
        c.update(k for k, v in p.items() if v is not None and k not in skip)
    return [k for k, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]


def _node_tables(graph: Graph) -> list[Table]:
    by_type: dict[str, list[Node]] = defaultdict(list)
    for n in graph.nodes:
        by_type[n.type].append(n)
    tables = []
    for t in sorted(by_type, key=lambda t: _rank(_labels()[0], t)):
        nodes = sorted(by_type[t], key=lambda n: (n.city or "", n.name))
        keys = _prop_keys(n.properties for n in nodes)
        cols = ["名称 Name"] + (["子类 Subclass"] if any(n.subtype for n in nodes) else []) \
            + (["城市 City"] if any(n.city for n in nodes) else []) \
            + (["别名 Aliases"] if any(n.aliases for n in nodes) else []) + keys + ["来源 Sources"]
        rows = []
        for n in nodes:
            row = [Cell(n.name)]
            if "子类 Subclass" in cols:
                row.append(Cell(class_label(n.subtype) if n.subtype else ""))
            if "城市 City" in cols:
                row.append(Cell(n.city or ""))
            if "别名 Aliases" in cols:
                row.append(Cell("、".join(n.aliases)))
            row += [Cell(_fmt(n.properties.get(k))) for k in keys]
            row.append(Cell("", Refs(n.evidence)))
            rows.append(row)
        tables.append(Table(f"{class_label(t)} ({len(nodes)})", cols, rows))
    return tables


def _edge_tables(graph: Graph) -> list[Table]:
    idx = graph.node_index()
    by_type: dict[str, list[Edge]] = defaultdict(list)
    for e in graph.edges:
        by_type[e.type].append(e)
    tables = []
    name = lambda i: idx[i].name if i in idx else i  # noqa: E731
    for t in sorted(by_type, key=lambda t: _rank(_labels()[1], t)):
        edges = sorted(by_type[t], key=lambda e: (name(e.source), name(e.target)))
        keys = _prop_keys(e.properties for e in edges)
        cols = ["从 Source", "到 Target"] + keys + ["来源 Sources"]
        rows = [[Cell(name(e.source)), Cell(name(e.target))] + [Cell(_fmt(e.properties.get(k))) for k in keys]
                + [Cell("", Refs(e.evidence))] for e in edges]
        tables.append(Table(f"{rel_label(t)} ({len(edges)})", cols, rows))
    return tables


def build_report(graph: Graph, title: str, description: str = "", *, kind: str = "all",
                 focus: list[str] | None = None) -> Report:
    """The report's content, with sources numbered in reading order."""
    sources = Sources()
    chains = _chain_sections(graph)
    node_tables = _node_tables(graph)
    edge_tables = _edge_tables(graph)
    # number the sources in the order the report shows them (md and html show the same order)
    for c in chains:
        sources.number(c.refs)
        for part in c.parts:
            for step in part.items:
                sources.number(step.refs)
        for ic in c.innovation:
            sources.number(ic.refs)
            for seq in ic.sequences:
                for step in seq:
                    sources.number(step.refs)
    for t in [*node_tables, *edge_tables]:
        for row in t.rows:
            for cell in row:
                sources.number(cell.refs)
    c = graph.counts()
    docs = sorted({ev.doc for ev in sources.items})
    summary = [
        ("实体 Entities", str(len(graph.nodes))),
        ("关系 Relationships", str(len(graph.edges))),
        ("产业链 Industry chains", str(c["nodes"].get("IndustryChain", 0))),
        ("引用文件 Documents cited", str(len(docs))),
        ("来源条目 Sources", str(len(sources.items))),
    ]
    node_counts = sorted(c["nodes"].items(), key=lambda kv: _rank(_labels()[0], kv[0]))
    edge_counts = sorted(c["edges"].items(), key=lambda kv: _rank(_labels()[1], kv[0]))
    return Report(title, description, dict(graph.meta), summary, node_counts, edge_counts, chains,
                  node_tables, edge_tables, sources.items, graph, kind, list(focus or []))


# ================================================================== markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&$])")
_BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MD_ANY = re.compile(r"[\\`*_\[\]<>#!|~&$\r\n\t\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible_bidi(s: str) -> str:
    """Bidirectional control characters (which can make `exe.png` look like `gnp.exe`) shown
    as their code point instead of acting on the text around them."""
    return _BIDI.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", s)


def md_escape(s: str) -> str:
    """Text safe in a Markdown paragraph or table cell: line breaks and tabs become spaces,
    bidi controls are shown, and the characters that make links, emphasis, HTML, tables, code
    or math are backslash-escaped."""
    s = str(s)
    if not _MD_ANY.search(s):  # most names: nothing to do
        return s
    s = re.sub(r"[\r\n\t\u2028\u2029]+", " ", visible_bidi(s))
    return _MD_SPECIAL.sub(r"\\\1", s)


def _md_refs(refs: list[int]) -> str:
    return "".join(f"[^{r}]" for r in refs)


def _md_table(columns: list[str], rows: list[list[Cell]]) -> list[str]:
    out = ["| " + " | ".join(md_escape(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        out.append("| " + " | ".join((md_escape(c.text) + (" " + _md_refs(c.refs) if c.refs else "")).strip()
                                     for c in row) + " |")
    return out


def _steps_md(steps: list[Step], sep: str) -> str:
    return sep.join(md_escape(s.name) + _md_refs(s.refs) for s in steps)


def to_markdown(r: Report) -> str:
    out = [f"# {md_escape(r.title)}", ""]
    if r.description:
        out += [md_escape(r.description), ""]
    out += [_meta_line(r, md_escape), ""]
    out += ["## 概要 Summary", ""] + _md_table(["", "数量 Count"], [[Cell(k), Cell(v)] for k, v in r.summary]) + [""]
    if r.node_counts:
        out += _md_table(["类 Class", "数量 Count"], [[Cell(class_label(k)), Cell(str(v))] for k, v in r.node_counts]) + [""]
    if r.edge_counts:
        out += _md_table(["关系 Relationship", "数量 Count"], [[Cell(rel_label(k)), Cell(str(v))] for k, v in r.edge_counts]) + [""]
    if r.chains:
        out += ["## 链条结构 Chain structure", ""]
        for c in r.chains:
            out += [f"### {md_escape(c.name)}{_md_refs(c.refs)}", ""]
            out += [f"**{' → '.join(md_escape(p) for p in c.path)}**", ""]
            for p in c.parts:
                out.append(f"- {md_escape(p.label)}: {_steps_md(p.items, '、')}")
            for ic in c.innovation:
                out.append(f"- 科技创新链 Innovation chain: {md_escape(ic.name)}{_md_refs(ic.refs)}")
                for seq in ic.sequences:
                    out.append(f"  - 环节 Stages: {_steps_md(seq, ' → ')}")
            out.append("")
    if r.node_tables:
        out += ["## 实体 Entities", ""]
        for t in r.node_tables:
            out += [f"### {md_escape(t.title)}", ""] + _md_table(t.columns, t.rows) + [""]
    if r.edge_tables:
        out += ["## 关系 Relationships", ""]
        for t in r.edge_tables:
            out += [f"### {md_escape(t.title)}", ""] + _md_table(t.columns, t.rows) + [""]
    out += ["## 来源 Sources", ""]
    out += [f"[^{i}]: {_source_text(ev, md_escape)}" for i, ev in enumerate(r.sources, 1)]
    return "\n".join(out) + "\n"


def _source_text(ev: Evidence, esc) -> str:
    return f"{esc(ev.doc)}, 第 {ev.line} 行 line {ev.line}: 「{esc(ev.quote)}」"


def _meta_line(r: Report, esc) -> str:
    bits = []
    if r.meta.get("built_at"):
        bits.append(f"graph built {r.meta['built_at']}")
    if r.meta.get("documents"):
        bits.append(f"from {r.meta['documents']} documents")
    if r.meta.get("corpus"):
        bits.append(f"corpus sha256 {str(r.meta['corpus'])[:12]}…")
    return esc("innovation-kg report" + (" · " + ", ".join(bits) if bits else ""))


# ================================================================== html

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;vertical-align:top;text-align:left}
th{background:#f3f3f3}sup a{text-decoration:none}.path{font-weight:bold;font-size:1.1em}
ol.sources li{margin:.2em 0}.muted{color:#666}iframe{width:100%;height:820px;border:1px solid #ccc}
"""
_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:; "
        "font-src data:; child-src 'self' about:; frame-src 'self' about:")


def _h(s: Any) -> str:
    return html.escape(visible_bidi(str(s)), quote=True)


def _html_refs(refs: list[int]) -> str:
    return "".join(f'<sup><a href="#src-{r}">[{r}]</a></sup>' for r in refs)


def _html_table(columns: list[str], rows: list[list[Cell]]) -> list[str]:
    out = ["<table>", "<tr>" + "".join(f"<th>{_h(c)}</th>" for c in columns) + "</tr>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{_h(c.text)}{_html_refs(c.refs)}</td>" for c in row) + "</tr>")
    out.append("</table>")
    return out


def _steps_html(steps: list[Step], sep: str) -> str:
    return _h(sep).join(_h(s.name) + _html_refs(s.refs) for s in steps)


def view_html(graph: Graph, title: str, kind: str = "all", focus: list[str] | None = None) -> str:
    """The interactive view of `graph` as one self-contained HTML page (kg.views): the chain
    view's left-to-right columns for a chain, a force layout around `focus` otherwise."""
    from kg import views

    if kind == "chain":
        view = views.View(graph, title, "chain", focus=list(focus or []), levels=views.chain_levels(graph))
    else:
        view = views.View(graph, title, {"entity": "ego"}.get(kind, kind if kind in ("city", "query") else "graph"),
                          focus=list(focus or []))
    return views.to_html(view)


def view_limit() -> int:
    from kg import views

    return int(getattr(views, "MAX_NODES", 5000))


def to_html(r: Report, *, view: bool = True) -> str:
    """A self-contained HTML page: no scripts of its own, the view in a sandboxed iframe
    (srcdoc), and a Content-Security-Policy that forbids any network request."""
    out = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
           f"<title>{_h(r.title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{_h(r.title)}</h1>"]
    if r.description:
        out.append(f"<p>{_h(r.description)}</p>")
    out.append(f'<p class="muted">{_meta_line(r, _h)}</p>')
    out += ["<h2>概要 Summary</h2>"] + _html_table(["", "数量 Count"], [[Cell(k), Cell(v)] for k, v in r.summary])
    if r.node_counts:
        out += _html_table(["类 Class", "数量 Count"], [[Cell(class_label(k)), Cell(str(v))] for k, v in r.node_counts])
    if r.edge_counts:
        out += _html_table(["关系 Relationship", "数量 Count"], [[Cell(rel_label(k)), Cell(str(v))] for k, v in r.edge_counts])
    if r.chains:
        out.append("<h2>链条结构 Chain structure</h2>")
        for c in r.chains:
            out.append(f"<h3>{_h(c.name)}{_html_refs(c.refs)}</h3>")
            out.append(f'<p class="path">{_h(" → ".join(c.path))}</p><ul>')
            for p in c.parts:
                out.append(f"<li>{_h(p.label)}: {_steps_html(p.items, '、')}</li>")
            for ic in c.innovation:
                out.append(f"<li>科技创新链 Innovation chain: {_h(ic.name)}{_html_refs(ic.refs)}<ul>")
                out += [f"<li>环节 Stages: {_steps_html(seq, ' → ')}</li>" for seq in ic.sequences]
                out.append("</ul></li>")
            out.append("</ul>")
    if view:
        out.append("<h2>图 View</h2>")
        limit = view_limit()
        if len(r.graph.nodes) > limit:
            out.append(f'<p class="muted">{len(r.graph.nodes)} entities are too many for an embedded view '
                       f"(limit {limit}); export GraphML or GEXF and open it in Gephi.</p>")
        elif not r.graph.nodes:
            out.append('<p class="muted">nothing to draw: the selection is empty.</p>')
        else:
            try:
                page = view_html(r.graph, r.title, r.kind, r.focus)
                out.append(f'<iframe title="graph view" sandbox="allow-scripts" srcdoc="{_h(page)}"></iframe>')
            except KGError as exc:
                out.append(f'<p class="muted">no view: {_h(exc)}</p>')
    if r.node_tables:
        out.append("<h2>实体 Entities</h2>")
        for t in r.node_tables:
            out += [f"<h3>{_h(t.title)}</h3>"] + _html_table(t.columns, t.rows)
    if r.edge_tables:
        out.append("<h2>关系 Relationships</h2>")
        for t in r.edge_tables:
            out += [f"<h3>{_h(t.title)}</h3>"] + _html_table(t.columns, t.rows)
    out.append('<h2>来源 Sources</h2><ol class="sources">')
    out += [f'<li id="src-{i}">{_source_text(ev, _h)}</li>' for i, ev in enumerate(r.sources, 1)]
    out.append("</ol></body></html>")
    return "\n".join(out) + "\n"
