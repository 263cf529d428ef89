"""The graph as RDF per the ontology, and back: `to_rdf(graph)` / `from_rdf(rdf)`.

Nodes are resources typed with their class (a platform node given as type Platform + subtype
KeyLaboratory carries both types), with kg:name, kg:alias, kg:city and one literal per property.
Each relationship is an object-property triple (source kg:HOSTS target) plus a kg:Relationship
statement (rdf:subject / rdf:predicate / rdf:object) that carries its properties and evidence,
so edge evidence survives. Evidence is PROV: the item prov:wasDerivedFrom a kg:Evidence with
kg:doc, kg:line, kg:quote and kg:rank (its position in the item's list), which
prov:wasQuotedFrom the document (the graph's Document node of that file name, else
kgdoc:<file>). `from_rdf(to_rdf(g)) == canonical(g)`: nodes sorted by id, edges by (source,
type, target) and aliases sorted, which is the order `resolve` writes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import unicodedata
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote, unquote

import rdflib
from pydantic import ValidationError
from rdflib import RDF, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.errors import InputError, KGError
from kg.models import Edge, Evidence, Graph, Node
from kg.ontology import CLASSES, NS, RELATIONS, VERSION_IRI, is_a

log = logging.getLogger(__name__)

KG = Namespace(NS)
"""Open namespace of the ontology, for minting; code that names terms uses kg.ontology.ONT."""
ID = Namespace("https://w3id.org/innovation-kg/id/")
"""Namespace of the graph's nodes: ID + escaped node id (ent:晋南钢铁集团 -> <…/id/ent:晋南钢铁集团>)."""
EV = Namespace("https://w3id.org/innovation-kg/evidence/")
"""Namespace of evidence resources (one per item and position)."""
REL = Namespace("https://w3id.org/innovation-kg/rel/")
"""Namespace of relationship statements."""
DOC = Namespace("https://w3id.org/innovation-kg/doc/")
"""Namespace of corpus documents by file name (what evidence is quoted from)."""
GRAPH_IRI = URIRef("https://w3id.org/innovation-kg/graph")
PREFIXES = {"kg": str(KG), "kgid": str(ID), "kgev": str(EV), "kgrel": str(REL), "kgdoc": str(DOC), "prov": str(PROV),
            "rdf": str(RDF), "xsd": str(XSD), "dcterms": str(DCTERMS)}
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}
"""Export formats: file suffix -> rdflib format name."""

# property keys that cannot become a kg:<key> literal of the item (they name node fields,
# evidence terms or relationships); such properties travel in the kg:extra JSON literal
_RESERVED = {"id", "type", "subtype", "name", "alias", "aliases", "evidence", "extra", "meta",
             "doc", "line", "quote", "rank"} | set(RELATIONS)
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:")
_CLASS_IRI = {c.iri: name for name, c in CLASSES.items()}


# ------------------------------------------------------------------------------------ IRIs


def _escape(text: str) -> str:
    """IRI-safe form of a node id: readable letters (Chinese included) kept, the rest %-encoded."""
    return "".join(
        ch if ch in _SAFE or (ord(ch) > 0x9F and unicodedata.category(ch)[0] not in "CZP")
        else quote(ch, safe="")
        for ch in text
    )


@lru_cache(maxsize=65536)
def node_iri(node_id: str) -> URIRef:
    return URIRef(str(ID) + _escape(node_id))


def node_id_of(iri: URIRef) -> str:
    s = str(iri)
    return unquote(s[len(str(ID)):]) if s.startswith(str(ID)) else s


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def edge_iri(edge: Edge, occurrence: int = 1) -> URIRef:
    """The statement resource of an edge (occurrence > 1 only for duplicate edge keys)."""
    return REL["r" + _digest(edge.source, edge.type, edge.target) + (f"-{occurrence}" if occurrence > 1 else "")]


def evidence_iri(item: URIRef, rank: int) -> URIRef:
    """The evidence resource at position `rank` (from 1) of a node or statement."""
    return EV[f"e{_digest(str(item))}-{rank}"]


def id_prefixes(graph: Graph) -> dict[str, str]:
    """Turtle / JSON-LD prefixes for the id schemes in use (ent: -> <…/id/ent:>), so nodes print
    as ent:晋南钢铁集团 and the writers do not search a prefix for every resource."""
    out: dict[str, str] = {}
    for n in graph.nodes:
        head, sep, _ = n.id.partition(":")
        if sep and head not in out and head not in PREFIXES and _NCNAME.match(head) and not head.lower().startswith("xml"):
            out[head] = str(ID) + _escape(head) + ":"
    return out


@lru_cache(maxsize=4096)
def document_iri(doc: str) -> URIRef:
    """The resource of a corpus document (by file name) that evidence prov:wasQuotedFrom, when
    the graph has no Document node of that name."""
    return DOC[_escape(doc)]


def class_iri(name: str, *, strict: bool = True) -> URIRef:
    c = CLASSES.get(name)
    if c is not None:
        return c.iri
    if strict:
        raise KGError(f"{name!r} is not a node class of the ontology; classes: {', '.join(CLASSES)}")
    return KG[_escape(name)]


def relation_iri(name: str, *, strict: bool = True) -> URIRef:
    r = RELATIONS.get(name)
    if r is not None:
        return r.iri
    if strict:
        raise KGError(f"{name!r} is not a relationship of the ontology; relationships: {', '.join(RELATIONS)}")
    return KG[_escape(name)]


# ------------------------------------------------------------------------------------ literals


def _literal(value: Any) -> Literal | None:
    """A typed literal for a scalar, or None when the value needs JSON (lists, dicts, None, NaN)."""
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        # xsd:decimal with the shortest exact form: rdflib's Turtle writer rounds xsd:double
        return Literal(format(Decimal(repr(value)), "f"), datatype=XSD.decimal)
    if isinstance(value, str):
        return Literal(value)
    return None


def _python(lit: Literal) -> Any:
    if lit.datatype in (None, XSD.string):
        return str(lit)
    if lit.datatype == RDF.JSON:
        return json.loads(str(lit))
    if lit.datatype in (XSD.decimal, XSD.double, XSD.float):
        return float(lit.toPython())
    value = lit.toPython()
    return value if not isinstance(value, Literal) else str(value)


def _json(value: Any) -> Literal:
    return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True), datatype=RDF.JSON)


def _add_properties(g: rdflib.Graph, subject: URIRef, props: dict[str, Any], reserved: set[str]) -> None:
    """One kg:<key> literal per property (rdf:JSON for lists and objects). Nulls, and keys that
    are not identifiers or would clash with node fields, evidence or relationships, go to kg:extra."""
    extra: dict[str, Any] = {}
    for key, value in props.items():
        if value is None or not _KEY.match(key) or key in reserved:
            extra[key] = value  # None: the key is there but the value is absent
        else:
            lit = _literal(value)  # (a Literal of 0 or False is falsy: compare with None)
            g.add((subject, KG[key], lit if lit is not None else _json(value)))
    if extra:
        g.add((subject, KG.extra, _json(extra)))


_EVIDENCE, _DOC, _LINE, _QUOTE, _RANK = KG.Evidence, KG.doc, KG.line, KG.quote, KG.rank


def _add_evidence(g: rdflib.Graph, item: URIRef, evidence: Iterable[Evidence], documents: dict[str, URIRef]) -> None:
    add = g.add
    for rank, ev in enumerate(evidence, start=1):
        e = evidence_iri(item, rank)
        add((item, PROV.wasDerivedFrom, e))
        add((e, RDF.type, _EVIDENCE))
        add((e, _DOC, Literal(ev.doc)))
        add((e, _LINE, Literal(ev.line)))
        add((e, _QUOTE, Literal(ev.quote)))
        add((e, _RANK, Literal(rank)))
        add((e, PROV.wasQuotedFrom, documents.get(ev.doc) or document_iri(ev.doc)))


# ------------------------------------------------------------------------------------ Graph -> RDF


def new_rdf_graph(prefixes: dict[str, str] | None = None) -> rdflib.Graph:
    g = rdflib.Graph()
    for prefix, ns in {**PREFIXES, **(prefixes or {})}.items():
        g.bind(prefix, ns)
    return g


def to_rdf(graph: Graph, *, strict: bool = True) -> rdflib.Graph:
    """The graph as RDF. With strict=False, types and relationships the ontology does not define
    are written in its namespace anyway (so validation can report them) instead of raising."""
    g = new_rdf_graph(id_prefixes(graph))
    g.add((GRAPH_IRI, RDF.type, KG.KnowledgeGraph))
    if VERSION_IRI:
        g.add((GRAPH_IRI, DCTERMS.conformsTo, URIRef(VERSION_IRI)))
    if graph.meta:
        g.add((GRAPH_IRI, KG.meta, _json(graph.meta)))
    node_reserved = _RESERVED | {"city"}
    # evidence is quoted from the graph's Document node of that file name, if there is one
    documents = {n.name: node_iri(n.id) for n in graph.nodes if n.type == "Document"}
    for n in graph.nodes:
        s = node_iri(n.id)
        g.add((s, RDF.type, class_iri(n.type, strict=strict)))
        if n.subtype and n.subtype != n.type:
            if strict and not (n.subtype in CLASSES and n.type in CLASSES and is_a(n.subtype, n.type)):
                raise KGError(f"node {n.id}: subtype {n.subtype!r} is not a subclass of {n.type!r} in the ontology")
            g.add((s, RDF.type, class_iri(n.subtype, strict=False)))
        g.add((s, KG.name, Literal(n.name)))
        for a in n.aliases:
            g.add((s, KG.alias, Literal(a)))
        if n.city is not None:
            g.add((s, KG.city, Literal(n.city)))
        _add_properties(g, s, n.properties, node_reserved)
        _add_evidence(g, s, n.evidence, documents)
    seen: Counter[tuple[str, str, str]] = Counter()
    for e in graph.edges:
        seen[e.key()] += 1
        src, tgt, pred = node_iri(e.source), node_iri(e.target), relation_iri(e.type, strict=strict)
        st = edge_iri(e, seen[e.key()])
        g.add((src, pred, tgt))
        g.add((st, RDF.type, KG.Relationship))
        g.add((st, RDF.subject, src))
        g.add((st, RDF.predicate, pred))
        g.add((st, RDF.object, tgt))
        _add_properties(g, st, e.properties, _RESERVED)
        _add_evidence(g, st, e.evidence, documents)
    return g


# ------------------------------------------------------------------------------------ RDF -> Graph


def _types(names: list[str], where: str) -> tuple[str, str | None]:
    """(type, subtype) from the node classes a resource is typed with."""
    if len(names) == 1:
        return names[0], None
    if len(names) == 2:
        a, b = names
        if is_a(b, a):
            return a, b
        if is_a(a, b):
            return b, a
    raise InputError(f"{where}: typed with unrelated classes {', '.join(sorted(names))}")


def _evidence(g: rdflib.Graph, item: URIRef, where: str) -> list[Evidence]:
    out: list[tuple[int, Evidence]] = []
    for e in g.objects(item, PROV.wasDerivedFrom):
        vals = {p: o for p, o in g.predicate_objects(e) if p in (KG.doc, KG.line, KG.quote, KG.rank)}
        try:
            ev = Evidence(doc=str(vals[KG.doc]), line=int(vals[KG.line]), quote=str(vals[KG.quote]))
        except (KeyError, ValueError) as exc:
            raise InputError(f"{where}: evidence {e} lacks doc, line or quote ({exc})") from None
        rank = vals.get(KG.rank)
        out.append((int(rank) if rank is not None else 1 << 30, ev))
    out.sort(key=lambda x: (x[0], x[1].key()))
    return [ev for _, ev in out]


def _properties(g: rdflib.Graph, subject: URIRef, skip: set[URIRef]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for p, o in g.predicate_objects(subject):
        if p in skip or not isinstance(o, Literal) or not str(p).startswith(NS):
            continue
        if p == KG.extra:
            props.update(json.loads(str(o)))
        else:
            props[str(p)[len(NS):]] = _python(o)
    return props


def from_rdf(rdf: rdflib.Graph) -> Graph:
    """The interchange Graph of RDF written by `to_rdf` (or any RDF using the ontology the same way)."""
    node_skip = {KG.name, KG.alias, KG.city}
    nodes: list[Node] = []
    subjects = {s for s, o in rdf.subject_objects(RDF.type) if o in _CLASS_IRI}
    for s in subjects:
        nid = node_id_of(s)
        type_, subtype = _types([_CLASS_IRI[o] for o in rdf.objects(s, RDF.type) if o in _CLASS_IRI], f"node {nid}")
        names = list(rdf.objects(s, KG.name))
        city = rdf.value(s, KG.city)
        try:
            nodes.append(Node(
                id=nid, type=type_, subtype=subtype, name=str(names[0]) if names else "",
                aliases=sorted(str(a) for a in rdf.objects(s, KG.alias)),
                city=str(city) if city is not None else None,
                properties=_properties(rdf, s, node_skip), evidence=_evidence(rdf, s, f"node {nid}"),
            ))
        except ValidationError as exc:
            raise InputError(f"node {nid}: {exc.errors()[0]['msg']} ({exc.errors()[0]['loc']})") from None
    rel_by_iri = {r.iri: name for name, r in RELATIONS.items()}
    edges: list[Edge] = []
    statement_terms = {RDF.type, RDF.subject, RDF.predicate, RDF.object}
    for st in rdf.subjects(RDF.type, KG.Relationship):
        pred = rdf.value(st, RDF.predicate)
        src, tgt = rdf.value(st, RDF.subject), rdf.value(st, RDF.object)
        if pred is None or src is None or tgt is None:
            raise InputError(f"relationship {st}: needs rdf:subject, rdf:predicate and rdf:object")
        type_ = rel_by_iri.get(pred, str(pred)[len(NS):] if str(pred).startswith(NS) else str(pred))
        where = f"relationship {node_id_of(src)} -{type_}-> {node_id_of(tgt)}"
        try:
            edges.append(Edge(source=node_id_of(src), target=node_id_of(tgt), type=type_,
                              properties=_properties(rdf, st, statement_terms),
                              evidence=_evidence(rdf, st, where)))
        except ValidationError as exc:
            raise InputError(f"{where}: {exc.errors()[0]['msg']} ({exc.errors()[0]['loc']})") from None
    meta_lit = next((o for o in rdf.objects(None, KG.meta) if isinstance(o, Literal)), None)
    return Graph(nodes=sorted(nodes, key=lambda n: n.id), edges=sorted(edges, key=Edge.key),
                 meta=json.loads(str(meta_lit)) if meta_lit is not None else {})


# ------------------------------------------------------------------------------------ files


def _format(fmt: str) -> str:
    f = fmt.lower().lstrip(".")
    if f in FORMATS:
        return FORMATS[f]
    if f in FORMATS.values():
        return f
    raise KGError(f"unknown RDF format {fmt!r}; choose {' or '.join(FORMATS)}")


def serialize(graph: Graph, fmt: str = "ttl") -> str:
    """The graph as Turtle (`ttl`) or JSON-LD (`jsonld`, compacted with the kg prefixes)."""
    f = _format(fmt)
    g = to_rdf(graph)
    if f == "json-ld":
        context = {**PREFIXES, **id_prefixes(graph)}
        return g.serialize(format="json-ld", context=context, indent=1, ensure_ascii=False)
    return g.serialize(format=f)


def write_rdf(graph: Graph, path: Path, fmt: str | None = None) -> Path:
    """Write the graph as RDF; the format defaults to the file suffix (.ttl, .jsonld)."""
    path = Path(path)
    text = serialize(graph, fmt or path.suffix or "ttl")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def parse_rdf(text: str, fmt: str = "ttl") -> Graph:
    """The Graph of RDF text written by `serialize`."""
    g = rdflib.Graph()
    try:
        g.parse(data=text, format=_format(fmt))
    except KGError:
        raise
    except Exception as exc:  # rdflib's parsers raise many types
        raise InputError(f"not valid {fmt} RDF: {exc}") from exc
    return from_rdf(g)


def read_rdf(path: Path, fmt: str | None = None) -> Graph:
    """The Graph of an RDF file written by `write_rdf` (format from the suffix by default)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such RDF file") from exc
    try:
        return parse_rdf(text, fmt or path.suffix or "ttl")
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None


def canonical(graph: Graph) -> Graph:
    """The graph in the order `from_rdf` returns it: nodes by id, edges by (source, type, target),
    aliases sorted (RDF keeps no order for them). Evidence order is kept: it survives the trip."""
    return Graph(
        nodes=sorted((n.model_copy(update={"aliases": sorted(n.aliases)}) for n in graph.nodes), key=lambda n: n.id),
        edges=sorted(graph.edges, key=Edge.key),
        meta=dict(graph.meta),
    )
