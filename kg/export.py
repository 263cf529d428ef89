"""Exports of the whole graph or a subgraph for reports and other tools.

One entry point, `export(graph, out, fmt)`, writes one format; `select(...)` cuts the piece to
export (whole graph, an entity and N hops, a chain, a city, a query-pack result) through
kg/select.py, so views and exports agree on what a selection holds.

Formats and what they are for:
- json      the interchange JSON of DESIGN.md (exact; `Graph.read_json` reads it back)
- graphml   Gephi / yEd / networkx; typed attributes, lists and dicts as JSON text in `*_json` columns
- gexf      Gephi; same attributes as graphml
- csv       nodes.csv + edges.csv (UTF-8 with BOM for Excel) in a folder, or a .zip of both
- ttl/jsonld  RDF per the ontology (kg/rdf.py `to_rdf`)
- cypher    a script that recreates the subgraph in an empty Neo4j or FalkorDB
- md/html   a report with counts, tables, the chain structure and numbered sources (kg/report.py)

Names come from documents and are untrusted: file names derived from them are sanitised and
checked to stay inside the chosen folder, and nothing is overwritten without `force`.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from kg.errors import InputError, KGError
from kg.models import Edge, Evidence, Graph, Node
from kg.store.base import ENTITY_LABEL, batches, edge_groups, node_groups

log = logging.getLogger(__name__)


class ExportError(KGError):
    """An export cannot be written as asked (format, path, overwrite)."""


# ================================================================== selections


@dataclass
class Selection:
    """A piece of the graph with a human title and a file-name stem derived from it."""

    graph: Graph
    title: str
    stem: str
    kind: str = "all"
    description: str = ""
    focus: list[str] = field(default_factory=list)
    """Ids the selection is about (the entity, chain or city): drawn larger in the report's view."""


def select_all(graph: Graph) -> Selection:
    return Selection(graph, "全图 · whole graph", "export", "all", "every entity and relationship of the graph")


def select_entity(graph: Graph, name: str, hops: int = 1) -> Selection:
    from kg import select as sel

    if hops < 0:
        raise ExportError(f"--hops must be 0 or more, got {hops}")
    node = sel.find_node(graph, name)
    sub = sel.ego(graph, node.id, hops)
    return Selection(sub, f"{node.name} · {hops} hop{'s' if hops != 1 else ''}", f"entity-{node.name}-{hops}hops",
                     "entity", f"{node.name} ({node.type}) and everything within {hops} relationship(s) of it", [node.id])


def select_chain(graph: Graph, name: str) -> Selection:
    from kg import select as sel

    node = sel.find_node(graph, name, "IndustryChain")
    sub = sel.chain(graph, node.id)
    return Selection(sub, f"{node.name} · 产业链 chain", f"chain-{node.name}", "chain",
                     f"the industry chain {node.name} with its leaders, members, cities, platforms, "
                     "innovation chains and stages", [node.id])


def select_city(graph: Graph, name: str) -> Selection:
    from kg import select as sel

    node = sel.find_node(graph, name, "City")
    sub = sel.city(graph, node.id)
    return Selection(sub, f"{node.name} · 城市 city", f"city-{node.name}", "city",
                     f"everything located in, developed by or stated for {node.name}", [node.id])


def select_query(graph: Graph, store: Any, name: str, params: dict[str, Any] | None = None, hops: int = 0) -> Selection:
    """Run a query-pack query on `store` and keep the entities its rows name (plus `hops`)."""
    from kg import select as sel
    from kg.queries import get_query, run_query

    q = get_query(name)
    rows = run_query(store, name, params or {})
    sub = sel.from_rows(graph, rows, hops)
    shown = ", ".join(f"{k}={v}" for k, v in sorted((params or {}).items()) if v is not None)
    title = f"{q.title.get('zh', name)} · {q.title.get('en', '')}".strip(" ·") + (f" ({shown})" if shown else "")
    stem = f"query-{name}" + (f"-{shown.replace(', ', '-')}" if shown else "")
    desc = f"the entities named by query {name}" + (f" ({shown})" if shown else "") + f": {len(rows)} rows"
    if hops:
        desc += f", plus {hops} hop(s)"
    return Selection(sub, title, stem, "query", desc)


def select(graph: Graph, *, entity: str | None = None, hops: int | None = None, chain: str | None = None,
           city: str | None = None, query: str | None = None, params: dict[str, Any] | None = None,
           store: Any = None) -> Selection:
    """One selection from keyword arguments (at most one of entity, chain, city, query)."""
    given = [k for k, v in (("entity", entity), ("chain", chain), ("city", city), ("query", query)) if v]
    if len(given) > 1:
        raise ExportError(f"choose one selection, not {' and '.join(given)}")
    if hops is not None and not (entity or query):
        raise ExportError("--hops is only used with --entity or --query")
    if entity:
        return select_entity(graph, entity, 1 if hops is None else hops)
    if chain:
        return select_chain(graph, chain)
    if city:
        return select_city(graph, city)
    if query:
        if store is None:
            raise ExportError(f"query {query!r} needs a store to run on")
        return select_query(graph, store, query, params, hops or 0)
    if params:
        raise ExportError("--param is only used with --query")
    return select_all(graph)


# ================================================================== output paths


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str  # file suffix, or "" for a folder
    writer: Callable[..., None]
    text: str


_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]+')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
MAX_NAME_BYTES = 180


def safe_filename(name: str, default: str = "export") -> str:
    """A file name from untrusted text: no separators, no control or bidi characters, no leading
    dots (so no '..' and no hidden files), not a Windows device name, at most 180 UTF-8 bytes."""
    s = _UNSAFE.sub("_", name)
    s = re.sub(r"\s+", "_", s).strip("._- ")
    s = re.sub(r"_+", "_", s)
    while len(s.encode("utf-8")) > MAX_NAME_BYTES:
        s = s[:-1]
    s = s.rstrip("._- ")
    if not s:
        s = default
    if s.split(".")[0].upper() in _WINDOWS_RESERVED:
        s = "_" + s
    return s


def inside(path: Path, folder: Path) -> bool:
    """True if `path` (resolved, symlinks followed) lies inside `folder`."""
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def output_path(out: str | Path | None, fmt: str, stem: str, default_dir: Path) -> Path:
    """Where a format goes. `out` may be a file (used as given), an existing folder or a path
    ending in '/' (a name derived from `stem` is put inside it), or None (derived name in
    `default_dir`). csv writes a folder (or a .zip when `out` ends in .zip)."""
    spec = get_format(fmt)
    derived = safe_filename(stem) + (spec.suffix if spec.suffix else "-csv")
    as_folder = isinstance(out, str) and out.endswith(("/", os.sep))
    out = Path(out) if out is not None else None
    if out is None:
        folder, target = default_dir, default_dir / derived
    elif as_folder or (out.is_dir() and spec.suffix):
        folder, target = out, out / derived
    else:
        return out
    if not inside(target, folder):  # cannot happen with safe_filename; checked all the same
        raise ExportError(f"refusing to write {target}: it would land outside {folder}")
    return target


def _check_free(path: Path, force: bool) -> None:
    if (path.exists() or path.is_symlink()) and not force:
        raise ExportError(f"{path} already exists; pass --force (force=True) to overwrite it")
    if path.is_dir() and not path.is_symlink():
        raise ExportError(f"{path} is a folder; give a file name for this format")


def _write_bytes(path: Path, data: bytes, force: bool) -> None:
    """Write atomically (temp file + rename), refusing to overwrite unless `force`."""
    _check_free(path, force)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_text(path: Path, text: str, force: bool, bom: bool = False) -> None:
    _write_bytes(path, (("\ufeff" if bom else "") + text).encode("utf-8"), force)


# ================================================================== evidence as text


def evidence_text(evidence: Iterable[Evidence]) -> str:
    """One readable cell: `doc:line 「quote」; doc:line 「quote」`."""
    return "; ".join(f"{e.doc}:{e.line} 「{e.quote}」" for e in evidence)


def _evidence_json(evidence: list[Evidence]) -> str:
    return json.dumps([e.model_dump() for e in evidence], ensure_ascii=False)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# ================================================================== json


def write_json(graph: Graph, path: Path, *, force: bool = False, **_: Any) -> None:
    # what Graph.write_json writes (to_interchange: meta left out when empty), through pydantic's
    # serializer: 5x faster than json.dumps on big graphs, Chinese written as itself
    _write_text(path, graph.model_dump_json(indent=1, exclude={"meta"} if not graph.meta else None), force)


# ================================================================== graphml / gexf

# Attribute names the exporter sets itself; a property with one of these names (or ending in
# _json, or starting with prop_) is written as prop_<name>.
_NODE_RESERVED = {"label", "name", "type", "subtype", "city", "aliases_json", "evidence", "evidence_json", "ev_count", "id"}
_EDGE_RESERVED = {"label", "relation", "evidence", "evidence_json", "ev_count", "id", "networkx_key", "type", "source", "target"}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(s: str) -> str:
    """XML 1.0 cannot carry most control characters: they become U+FFFD."""
    return _XML_BAD.sub("\ufffd", s)


def _attr_name(key: str, reserved: set[str]) -> str:
    if key in reserved or key.startswith("prop_") or key.endswith("_json"):
        return "prop_" + key
    return key


def _typed_columns(items: list[dict[str, Any]]) -> dict[str, str]:
    """Per property key, how to write it: bool, int, float, str, or json (lists, dicts, and keys
    whose values mix types, so every column has one type as GraphML/GEXF require)."""
    kinds: dict[str, set[str]] = {}
    for props in items:
        for k, v in props.items():
            if v is None:
                continue
            if isinstance(v, bool):
                t = "bool"
            elif isinstance(v, int):
                t = "int" if -(2**63) <= v < 2**63 else "json"
            elif isinstance(v, float):
                t = "float" if math.isfinite(v) else "json"
            elif isinstance(v, str):
                t = "str"
            else:
                t = "json"
            kinds.setdefault(k, set()).add(t)
    out: dict[str, str] = {}
    for k, ts in kinds.items():
        if len(ts) == 1:
            out[k] = ts.pop()
        elif ts == {"int", "float"}:
            out[k] = "float"
        else:
            out[k] = "json"
    return out


def _props_attrs(props: dict[str, Any], columns: dict[str, str], reserved: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in props.items():
        if v is None:
            continue
        kind = columns[k]
        name = _attr_name(k, reserved)
        if kind == "json":
            out[name + "_json"] = xml_safe(_json(v))
        elif kind == "float":
            out[name] = float(v)
        elif kind == "str":
            out[name] = xml_safe(v)
        else:
            out[name] = v
    return out


def to_networkx(graph: Graph, *, edge_ids: bool = False):  # -> nx.MultiDiGraph
    """The graph as a networkx MultiDiGraph with flat, typed, XML-safe attributes, as written to
    GraphML and GEXF. Node attributes: label (= name, what Gephi and yEd show), name, type,
    subtype, city, aliases_json, evidence (readable), evidence_json (exact), ev_count, then the
    entity's properties (scalars typed; lists, dicts and mixed-type keys as JSON text in
    `<key>_json`). Edges: keyed by relationship type, with label and relation (= type), the same
    evidence attributes and properties. `edge_ids` adds an `id` (GEXF keeps edge ids)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    ncols = _typed_columns([n.properties for n in graph.nodes])
    ecols = _typed_columns([e.properties for e in graph.edges])
    for k, v in graph.meta.items():
        if isinstance(v, (str, int, bool)) or (isinstance(v, float) and math.isfinite(v)):
            g.graph[str(k)] = xml_safe(v) if isinstance(v, str) else v
    for n in graph.nodes:
        attrs: dict[str, Any] = {"label": xml_safe(n.name), "name": xml_safe(n.name), "type": n.type}
        if n.subtype:
            attrs["subtype"] = n.subtype
        if n.city:
            attrs["city"] = xml_safe(n.city)
        attrs["aliases_json"] = xml_safe(_json(n.aliases))
        attrs["evidence"] = xml_safe(evidence_text(n.evidence))
        attrs["evidence_json"] = xml_safe(_evidence_json(n.evidence))
        attrs["ev_count"] = len(n.evidence)
        attrs.update(_props_attrs(n.properties, ncols, _NODE_RESERVED))
        g.add_node(xml_safe(n.id), **attrs)
    for i, e in enumerate(graph.edges):
        attrs = {"label": e.type, "relation": e.type, "evidence": xml_safe(evidence_text(e.evidence)),
                 "evidence_json": xml_safe(_evidence_json(e.evidence)), "ev_count": len(e.evidence)}
        attrs.update(_props_attrs(e.properties, ecols, _EDGE_RESERVED))
        if edge_ids:
            attrs["id"] = f"e{i}"
        g.add_edge(xml_safe(e.source), xml_safe(e.target), key=e.type, **attrs)
    return g


def _props_from_attrs(attrs: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for k, v in attrs.items():
        if k in skip:
            continue
        if k.endswith("_json"):
            k, v = k[: -len("_json")], json.loads(v)
        if k.startswith("prop_"):
            k = k[len("prop_"):]
        props[k] = v
    return props


def from_networkx(g) -> Graph:
    """Read back a graph written by `to_networkx` (e.g. after nx.read_graphml / read_gexf)."""
    nodes = []
    for nid, a in g.nodes(data=True):
        nodes.append(Node(
            id=nid, type=a["type"], subtype=a.get("subtype"), name=a["name"], city=a.get("city"),
            aliases=json.loads(a.get("aliases_json", "[]")),
            evidence=[Evidence(**d) for d in json.loads(a["evidence_json"])],
            properties=_props_from_attrs(a, _NODE_RESERVED),
        ))
    edges = []
    for s, t, a in g.edges(data=True):
        edges.append(Edge(source=s, target=t, type=a["relation"],
                          evidence=[Evidence(**d) for d in json.loads(a["evidence_json"])],
                          properties=_props_from_attrs(a, _EDGE_RESERVED)))
    meta = {k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default", "mode")}
    return Graph(nodes=nodes, edges=edges, meta=meta)


def write_graphml(graph: Graph, path: Path, *, force: bool = False, **_: Any) -> None:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buf, encoding="utf-8", prettyprint=True)
    _write_bytes(path, buf.getvalue(), force)


def write_gexf(graph: Graph, path: Path, *, force: bool = False, **_: Any) -> None:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_gexf(to_networkx(graph, edge_ids=True), buf, encoding="utf-8", prettyprint=True)
    _write_bytes(path, buf.getvalue(), force)


# ================================================================== csv

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(cell: str) -> str:
    """Spreadsheet formula injection: a text cell starting with = + - @ (or tab, CR) gets a
    leading apostrophe; so does one already starting with an apostrophe, so that
    `unneutralise` gives back exactly the original text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def _csv_cell(v: Any) -> str | int | float:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return v  # numbers are not formulas: -5 stays -5
    if isinstance(v, str):
        return neutralise(v)
    return neutralise(_json(v))


def _prop_columns(items: Iterable[dict[str, Any]], fixed: set[str]) -> list[str]:
    keys: dict[str, None] = {}
    for props in items:
        for k in props:
            keys.setdefault(k, None)
    return sorted(keys, key=lambda k: (k in fixed, k))


NODE_COLUMNS = ["id", "type", "subtype", "name", "aliases", "city"]
EDGE_COLUMNS = ["source", "source_name", "type", "target", "target_name"]


def csv_tables(graph: Graph) -> tuple[list[str], list[list[Any]], list[str], list[list[Any]]]:
    """Header and rows of nodes.csv and edges.csv. Aliases are joined with '; ', lists and
    dicts in properties are JSON text, evidence is one readable column."""
    fixed_n = set(NODE_COLUMNS) | {"evidence"}
    nprops = _prop_columns((n.properties for n in graph.nodes), fixed_n)
    nhead = NODE_COLUMNS + [("prop_" + k if k in fixed_n else k) for k in nprops] + ["evidence"]
    nrows = [[_csv_cell(n.id), n.type, n.subtype or "", _csv_cell(n.name), _csv_cell("; ".join(n.aliases)),
              _csv_cell(n.city)] + [_csv_cell(n.properties.get(k)) for k in nprops] + [_csv_cell(evidence_text(n.evidence))]
             for n in graph.nodes]
    fixed_e = set(EDGE_COLUMNS) | {"evidence"}
    eprops = _prop_columns((e.properties for e in graph.edges), fixed_e)
    ehead = EDGE_COLUMNS + [("prop_" + k if k in fixed_e else k) for k in eprops] + ["evidence"]
    idx = graph.node_index()
    erows = [[_csv_cell(e.source), _csv_cell(idx[e.source].name if e.source in idx else ""), e.type,
              _csv_cell(e.target), _csv_cell(idx[e.target].name if e.target in idx else "")]
             + [_csv_cell(e.properties.get(k)) for k in eprops] + [_csv_cell(evidence_text(e.evidence))]
             for e in graph.edges]
    return nhead, nrows, ehead, erows


def _csv_text(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return "\ufeff" + buf.getvalue()


def write_csv(graph: Graph, path: Path, *, force: bool = False, **_: Any) -> None:
    """nodes.csv + edges.csv in the folder `path`, or both in a zip when `path` ends in .zip."""
    nhead, nrows, ehead, erows = csv_tables(graph)
    files = {"nodes.csv": _csv_text(nhead, nrows), "edges.csv": _csv_text(ehead, erows)}
    if path.suffix.lower() == ".zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in files.items():
                z.writestr(name, text.encode("utf-8"))
        _write_bytes(path, buf.getvalue(), force)
        return
    if path.exists() and not path.is_dir():
        raise ExportError(f"{path} is a file; csv writes a folder (or give a .zip name)")
    for name in files:
        _check_free(path / name, force)
    for name, text in files.items():
        _write_bytes(path / name, text.encode("utf-8"), force=True)


# ================================================================== rdf


def _rdf_text(graph: Graph, fmt: str) -> str:
    """RDF per the ontology, written by kg/rdf.py (one home for the mapping)."""
    try:
        from kg import rdf
    except ImportError as exc:
        raise ExportError("RDF export needs kg/rdf.py (the ontology's to_rdf), which is not installed") from exc
    return rdf.serialize(graph, fmt)


def write_ttl(graph: Graph, path: Path, *, force: bool = False, **_: Any) -> None:
    _check_free(path, force)
    _write_text(path, _rdf_text(graph, "ttl"), force)


def write_jsonld(graph: Graph, path: Path, *, force: bool = False, **_: Any) -> None:
    _check_free(path, force)
    _write_text(path, _rdf_text(graph, "jsonld"), force)


# ================================================================== cypher

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ESCAPE_RE = re.compile(r"[\\'\n\r\t\b\f]")


def cypher_string(s: str) -> str:
    """A single-quoted Cypher string literal that Neo4j and FalkorDB read back as `s`.
    Only the escapes both understand are used (\\\\ \\' \\n \\r \\t \\b \\f); every other
    character, Chinese included, is written as itself (FalkorDB has no \\u escape)."""
    return "'" + _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], s) + "'"


def cypher_literal(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        if not -(2**63) <= v < 2**63:
            raise ExportError(f"integer {v} does not fit a Cypher integer")
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ExportError(f"{v} has no Cypher literal")
        r = repr(v)
        return r if any(c in r for c in ".en") else r + ".0"
    if isinstance(v, str):
        return cypher_string(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(cypher_literal(x) for x in v) + "]"
    raise ExportError(f"cannot write {type(v).__name__} value {v!r} as a Cypher literal")


def _props_clause(var: str, props: dict[str, Any]) -> tuple[str, str]:
    """`{k: v, ...}` for identifier keys and `SET var.`k` = v, ...` for the others (FalkorDB
    accepts back-quoted names in SET but not as map keys)."""
    plain, quoted = [], []
    for k, v in props.items():
        if _PLAIN_KEY.match(k):
            plain.append(f"{k}: {cypher_literal(v)}")
        elif "`" in k or not k:
            raise ExportError(f"property name {k!r} cannot be written to Cypher")
        else:
            quoted.append(f"{var}.`{k}` = {cypher_literal(v)}")
    return "{" + ", ".join(plain) + "}", (" SET " + ", ".join(quoted)) if quoted else ""


def _map_literal(props: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in props.items()) + "}"


def _split_rows(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows whose property names are all plain identifiers, and the others."""
    plain, odd = [], []
    for r in rows:
        (plain if all(_PLAIN_KEY.match(k) for k in r["props"]) else odd).append(r)
    return plain, odd


def _store_rows(graph: Graph) -> tuple[dict[tuple[str, ...], list[dict[str, Any]]], dict[str, list[dict[str, Any]]], dict[str, Any]]:
    """Node rows by label set, edge rows by type and the KGMeta properties, as a store load
    writes them (kg.store.base.store_rows: duplicates merged, dangling relationships dropped)."""
    try:
        from kg.store.base import DONE, meta_props, store_rows
    except ImportError:  # a store layer without store_rows: the plain row groups
        meta = {k: v for k, v in graph.meta.items() if isinstance(v, (str, int, float, bool))}
        return node_groups(graph), edge_groups(graph), meta
    rows = store_rows(graph)
    # a script has no load time: loaded_at is left out (None is dropped by meta_props)
    return rows.nodes, rows.edges, meta_props(rows, DONE, "cypher-script", loaded_at=None)


def cypher_script(graph: Graph, *, batch: int = 100) -> str:
    """Statements that recreate `graph` in an empty Neo4j or FalkorDB, one per line, each ending
    in ';'. Like the store adapters' load (kg.store.base node_groups / edge_groups): nodes
    labelled :Entity:<type>[:<subtype>] with exactly the properties node_row writes, created
    `batch` rows per `UNWIND [...] AS r` statement, then relationships with edge_row's
    properties; so the query pack answers the same on a replayed graph as on a loaded one.
    A row with a property name that is not a plain identifier gets a statement of its own
    (FalkorDB takes back-quoted names in SET, not as map keys)."""
    out = [
        f"// innovation-kg subgraph: {len(graph.nodes)} nodes, {len(graph.edges)} relationships",
        "// Replay into an EMPTY Neo4j (cypher-shell -f FILE) or FalkorDB (kg.export.replay_cypher).",
        "// Literals are escaped for both; there are no parameters.",
        f"CREATE INDEX FOR (n:{ENTITY_LABEL}) ON (n.id);",
        f"CREATE INDEX FOR (n:{ENTITY_LABEL}) ON (n.name);",
    ]
    node_rows, edge_rows, meta = _store_rows(graph)
    for labels, rows in node_rows.items():
        label_expr = ":".join((ENTITY_LABEL, *labels))
        plain, odd = _split_rows(rows)
        for chunk in batches(plain, batch):
            items = ", ".join(f"{{id: {cypher_string(r['id'])}, props: {_map_literal(r['props'])}}}" for r in chunk)
            out.append(f"UNWIND [{items}] AS r CREATE (n:{label_expr} {{id: r.id}}) SET n += r.props;")
        for r in odd:
            props, extra = _props_clause("n", {"id": r["id"], **r["props"]})
            out.append(f"CREATE (n:{label_expr} {props}){extra};")
    for rel, rows in edge_rows.items():
        plain, odd = _split_rows(rows)
        for chunk in batches(plain, batch):
            items = ", ".join(f"{{s: {cypher_string(r['s'])}, t: {cypher_string(r['t'])}, props: {_map_literal(r['props'])}}}"
                              for r in chunk)
            out.append(f"UNWIND [{items}] AS r MATCH (a:{ENTITY_LABEL} {{id: r.s}}), (b:{ENTITY_LABEL} {{id: r.t}}) "
                       f"CREATE (a)-[x:{rel}]->(b) SET x += r.props;")
        for r in odd:
            props, extra = _props_clause("x", r["props"])
            out.append(f"MATCH (a:{ENTITY_LABEL} {{id: {cypher_string(r['s'])}}}), (b:{ENTITY_LABEL} {{id: "
                       f"{cypher_string(r['t'])}}}) CREATE (a)-[x:{rel} {props}]->(b){extra};")
    meta = {k: v for k, v in meta.items() if _PLAIN_KEY.match(str(k)) and not (isinstance(v, float) and not math.isfinite(v))}
    out.append(f"CREATE (m:KGMeta {_map_literal(meta or {'built': 'unknown'})});")
    return "\n".join(out) + "\n"


def split_cypher(script: str) -> list[str]:
    """The statements of a Cypher script: split on ';' outside string literals, back-quoted
    names and comments; comments dropped."""
    stmts: list[str] = []
    cur: list[str] = []
    i, n = 0, len(script)
    quote: str | None = None
    while i < n:
        c = script[i]
        if quote:
            cur.append(c)
            if c == "\\" and quote != "`" and i + 1 < n:
                cur.append(script[i + 1])
                i += 2
                continue
            if c == quote:
                quote = None
            i += 1
            continue
        if c in "'\"`":
            quote = c
        elif script.startswith("//", i):
            j = script.find("\n", i)
            i = n if j < 0 else j
            continue
        elif script.startswith("/*", i):
            j = script.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        elif c == ";":
            s = "".join(cur).strip()
            if s:
                stmts.append(s)
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    if quote:
        raise InputError(f"unterminated {quote} literal in Cypher script")
    s = "".join(cur).strip()
    if s:
        stmts.append(s)
    return stmts


def replay_cypher(script: str, store: Any) -> int:
    """Run every statement of `script` on a store (write mode); returns how many ran."""
    stmts = split_cypher(script)
    for s in stmts:
        store.query(s, write=True)
    return len(stmts)


def write_cypher(graph: Graph, path: Path, *, force: bool = False, **_: Any) -> None:
    _write_text(path, cypher_script(graph), force)


# ================================================================== reports


def write_md(graph: Graph, path: Path, *, force: bool = False, title: str | None = None,
             description: str = "", **_: Any) -> None:
    from kg.report import build_report, to_markdown

    _write_text(path, to_markdown(build_report(graph, title or "innovation-kg report", description)), force)


def write_html(graph: Graph, path: Path, *, force: bool = False, title: str | None = None,
               description: str = "", view: bool = True, kind: str = "all", focus: list[str] | None = None,
               **_: Any) -> None:
    from kg.report import build_report, to_html

    _check_free(path, force)  # before the (slow) view render
    report = build_report(graph, title or "innovation-kg report", description, kind=kind, focus=focus)
    _write_text(path, to_html(report, view=view), force)


# ================================================================== entry point

_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", ".json", write_json, "interchange JSON (exact)"),
    Format("graphml", ".graphml", write_graphml, "GraphML for Gephi, yEd, networkx"),
    Format("gexf", ".gexf", write_gexf, "GEXF for Gephi"),
    Format("csv", "", write_csv, "nodes.csv + edges.csv (folder, or .zip)"),
    Format("ttl", ".ttl", write_ttl, "RDF Turtle per the ontology"),
    Format("jsonld", ".jsonld", write_jsonld, "RDF JSON-LD per the ontology"),
    Format("cypher", ".cypher", write_cypher, "Cypher script for an empty Neo4j or FalkorDB"),
    Format("md", ".md", write_md, "Markdown report with numbered sources"),
    Format("html", ".html", write_html, "HTML report with the embedded view"),
)}
FORMATS = tuple(_FORMATS)


def get_format(fmt: str) -> Format:
    try:
        return _FORMATS[fmt.lower()]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None


def export(graph: Graph | Selection, path: str | Path | None = None, fmt: str = "json", *, force: bool = False,
           title: str | None = None, default_dir: Path | None = None, **options: Any) -> Path:
    """Write `graph` (or a Selection) in format `fmt`; returns the path written.

    `path` is a file (or, for csv, a folder or .zip), an existing folder, a str ending in '/'
    (a folder, created if needed), or None (a name derived from the selection in `default_dir`, by default the output folder).
    Existing files are only replaced with `force=True`."""
    from kg import config

    spec = get_format(fmt)
    if isinstance(graph, Selection):
        sel = graph
    else:
        sel = Selection(graph, title or "innovation-kg", "export")
    target = output_path(path, spec.name, sel.stem,
                         default_dir if default_dir is not None else config.out_dir())
    spec.writer(sel.graph, target, force=force, title=title or sel.title, description=sel.description,
                kind=sel.kind, focus=sel.focus, **options)
    log.info("exported %d nodes, %d edges as %s to %s", len(sel.graph.nodes), len(sel.graph.edges), spec.name, target)
    return target
