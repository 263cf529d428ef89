"""Validate a graph against the ontology: SHACL (pyshacl, ontology/shapes.ttl) plus cheap
Python-side checks SHACL cannot see or would do slowly.

`validate(graph)` returns a `ValidationReport` whose items name the node or relationship (id and
name), the rule (the SHACL shape's name or a Python check's name) and the document line of the
item's evidence; `raise_for_violations()` turns violations into `kg.errors.ValidationFailed`.
sh:Violation results stop a build, sh:Warning results are listed separately.

The Python-side checks: every node type/subtype and relationship type is an ontology term,
relationships join nodes of the graph, ids are unique, property keys are declared (warning),
NEXT_STAGE stays within one chain (warning), and — when the documents are given — every evidence
quote really is on its line.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from time import perf_counter
from typing import Any, Iterable

import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import SH

from kg.errors import ValidationFailed
from kg.models import Document, Edge, Evidence, Graph, Node
from kg.ontology import CLASSES, NS, PROPERTIES, RELATIONS, SHAPES_NS, is_a, ontology_graph, shapes_graph
from kg.rdf import edge_iri, evidence_iri, node_iri, node_id_of, to_rdf

log = logging.getLogger(__name__)

SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
# datatype properties that name node fields or evidence terms, never `properties` keys
_NOT_PROPERTY_KEYS = {"name", "alias", "doc", "line", "quote", "rank", "extra", "meta"}


@dataclass(frozen=True)
class Issue:
    """One finding: which item, which rule, which document line."""

    severity: str
    """violation | warning | info"""
    rule: str
    """SHACL shape name (e.g. LEADS_CHAIN-domain) or Python check name (e.g. ontology-class)."""
    message: str
    kind: str = "node"
    """node | edge | evidence | graph"""
    id: str | None = None
    """node id, or `source -TYPE-> target` for a relationship"""
    name: str | None = None
    doc: str | None = None
    line: int | None = None
    value: str | None = None

    @property
    def where(self) -> str:
        if self.doc:
            return f"{self.doc}:{self.line}" if self.line else self.doc
        return "(no evidence)" if self.kind in ("node", "edge") else "-"

    def __str__(self) -> str:
        what = f"{self.kind} {self.id}" + (f" ({self.name})" if self.name and self.name != self.id else "")
        if self.kind == "graph":
            what = "graph"
        return f"{self.where}  [{self.rule}] {what}: {self.message}"


@dataclass
class ValidationReport:
    """The outcome of `validate`: violations, warnings, and what was checked how fast."""

    violations: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    infos: list[Issue] = field(default_factory=list)
    nodes: int = 0
    edges: int = 0
    triples: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    """seconds per step: python, rdf, shacl, total"""
    shacl: bool = True
    """False when only the Python-side checks ran"""

    @property
    def conforms(self) -> bool:
        return not self.violations

    def add(self, issue: Issue) -> None:
        {"violation": self.violations, "warning": self.warnings}.get(issue.severity, self.infos).append(issue)

    def summary(self) -> str:
        how = "" if self.shacl else ", Python-side checks only: no SHACL"
        return (f"{len(self.violations)} violation(s), {len(self.warnings)} warning(s) in {self.nodes} nodes and "
                f"{self.edges} relationships ({self.timings.get('total', 0.0):.2f} s{how})")

    def format(self, limit: int | None = 50) -> str:
        """The report as text: a summary line, then violations and warnings, `limit` of each."""
        out = [("graph conforms to the ontology: " if self.conforms else "graph does NOT conform: ") + self.summary()]
        for title, items in (("violations", self.violations), ("warnings", self.warnings), ("info", self.infos)):
            if not items:
                continue
            out.append(f"{title}:")
            shown = items if limit is None else items[:limit]
            out.extend(f"  {i}" for i in shown)
            if len(items) > len(shown):
                out.append(f"  … and {len(items) - len(shown)} more {title}")
        return "\n".join(out)

    __str__ = format

    def to_dict(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms, "shacl": self.shacl, "nodes": self.nodes, "edges": self.edges, "triples": self.triples,
            "timings": self.timings, "violations": [asdict(i) for i in self.violations],
            "warnings": [asdict(i) for i in self.warnings], "infos": [asdict(i) for i in self.infos],
        }

    def raise_for_violations(self, limit: int = 20) -> None:
        """Raise ValidationFailed naming the violations (the first `limit` of them)."""
        if self.conforms:
            return
        lines = [f"{len(self.violations)} violation(s) of the ontology's shapes (ontology/shapes.ttl):"]
        lines += [f"  {i}" for i in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"  … and {len(self.violations) - limit} more; run `kg validate` for the full report")
        raise ValidationFailed("\n".join(lines))


# ----------------------------------------------------------------------------------- helpers


def _edge_id(e: Edge) -> str:
    return f"{e.source} -{e.type}-> {e.target}"


def _first(evidence: list[Evidence]) -> tuple[str | None, int | None]:
    return (evidence[0].doc, evidence[0].line) if evidence else (None, None)


def node_issue(severity: str, rule: str, message: str, n: Node, ev: Evidence | None = None, value: Any = None) -> Issue:
    doc, line = (ev.doc, ev.line) if ev else _first(n.evidence)
    return Issue(severity, rule, message, "node", n.id, n.name, doc, line, None if value is None else str(value))


def edge_issue(severity: str, rule: str, message: str, e: Edge, ev: Evidence | None = None, value: Any = None) -> Issue:
    doc, line = (ev.doc, ev.line) if ev else _first(e.evidence)
    return Issue(severity, rule, message, "edge", _edge_id(e), None, doc, line, None if value is None else str(value))


# ----------------------------------------------------------------------------------- Python-side checks


def check_terms(graph: Graph) -> list[Issue]:
    """Ontology terms, unique ids, edges between nodes of the graph, declared property keys."""
    issues: list[Issue] = []
    index: dict[str, Node] = {}
    for n in graph.nodes:
        if n.id in index:
            issues.append(node_issue("violation", "duplicate-id", "another node has the same id", n))
        index[n.id] = n
        if n.type not in CLASSES:
            issues.append(node_issue("violation", "ontology-class",
                                     f"type {n.type!r} is not a class of the ontology", n, value=n.type))
        elif n.subtype and n.subtype != n.type:
            if n.subtype not in CLASSES:
                issues.append(node_issue("violation", "ontology-class",
                                         f"subtype {n.subtype!r} is not a class of the ontology", n, value=n.subtype))
            elif not is_a(n.subtype, n.type):
                issues.append(node_issue("violation", "ontology-subtype",
                                         f"subtype {n.subtype} is not a subclass of {n.type}", n, value=n.subtype))
    seen: set[tuple[str, str, str]] = set()
    for e in graph.edges:
        if e.type not in RELATIONS:
            issues.append(edge_issue("violation", "ontology-relation",
                                     f"{e.type!r} is not a relationship of the ontology", e, value=e.type))
        for end in (e.source, e.target):
            if end not in index:
                issues.append(edge_issue("violation", "dangling-edge", f"{end} is not a node of the graph", e, value=end))
        if e.key() in seen:
            issues.append(edge_issue("warning", "duplicate-edge", "the same relationship appears twice", e))
        seen.add(e.key())
    # undeclared property keys: one warning per (kind, key), naming the first user
    users: dict[tuple[str, str], list[Node | Edge]] = defaultdict(list)
    for n in graph.nodes:
        for k in n.properties:
            if k not in PROPERTIES or k in _NOT_PROPERTY_KEYS or k == "city":
                users[("node", k)].append(n)
    for e in graph.edges:
        for k in e.properties:
            if k not in PROPERTIES or k in _NOT_PROPERTY_KEYS:
                users[("edge", k)].append(e)
    for (kind, key), items in users.items():
        why = ("is not a datatype property of the ontology" if key not in PROPERTIES
               else "names a node field or an evidence term, not a property")
        msg = f"property key {key!r} {why} (used by {len(items)} {kind}s)"
        first = items[0]
        issues.append(node_issue("warning", "undeclared-property", msg, first) if isinstance(first, Node)
                      else edge_issue("warning", "undeclared-property", msg, first))
    return issues


def check_stages(graph: Graph) -> list[Issue]:
    """NEXT_STAGE should join two different stages of one chain (a chain HAS_STAGE both)."""
    chains_of: dict[str, set[str]] = defaultdict(set)
    for e in graph.edges:
        if e.type == "HAS_STAGE":
            chains_of[e.target].add(e.source)
    issues = []
    for e in graph.edges:
        if e.type != "NEXT_STAGE":
            continue
        if e.source == e.target:
            issues.append(edge_issue("warning", "NEXT_STAGE-same-chain", "NEXT_STAGE links a stage to itself", e))
        elif not chains_of[e.source] & chains_of[e.target]:
            issues.append(edge_issue("warning", "NEXT_STAGE-same-chain",
                                     "NEXT_STAGE links stages that no one chain HAS_STAGE", e))
    return issues


def check_quotes(graph: Graph, documents: Iterable[Document]) -> list[Issue]:
    """Every evidence quote must be a verbatim part of its line (for the documents given)."""
    lines = {d.name: d.lines for d in documents}
    issues: list[Issue] = []
    unknown: dict[str, int] = defaultdict(int)
    for item in [*graph.nodes, *graph.edges]:
        for ev in item.evidence:
            doc_lines = lines.get(ev.doc)
            if doc_lines is None:
                unknown[ev.doc] += 1
                continue
            problem = None
            if ev.line > len(doc_lines):
                problem = f"line {ev.line} is past the end of {ev.doc} ({len(doc_lines)} lines)"
            elif ev.quote not in doc_lines[ev.line - 1]:
                problem = f"quote “{ev.quote}” is not on line {ev.line} of {ev.doc}"
            if problem:
                make = node_issue if isinstance(item, Node) else edge_issue
                issues.append(make("violation", "quote-on-line", problem, item, ev))
    for doc, count in unknown.items():
        issues.append(Issue("warning", "evidence-document",
                            f"{count} evidence item(s) cite {doc!r}, which is not among the documents given; "
                            "their quotes were not checked", "graph", doc=doc))
    return issues


# ----------------------------------------------------------------------------------- SHACL


def _shape_name(shapes: rdflib.Graph, shape) -> str:
    """The rule name of a shape: its local name in the shapes namespace (else sh:name or the IRI)."""
    s = str(shape)
    if s.startswith(SHAPES_NS):
        return s[len(SHAPES_NS):]
    name = shapes.value(shape, SH.name)
    return str(name) if name is not None else s


class _Describer:
    """Maps RDF resources of a validation result back to the graph's nodes and relationships."""

    def __init__(self, graph: Graph) -> None:
        self.nodes = {node_iri(n.id): n for n in graph.nodes}
        self.edges: dict[URIRef, Edge] = {}
        self.by_key: dict[tuple[str, str, str], Edge] = {}
        self.by_source: dict[tuple[str, str], list[Edge]] = defaultdict(list)
        count: dict[tuple[str, str, str], int] = defaultdict(int)
        for e in graph.edges:
            count[e.key()] += 1
            self.edges[edge_iri(e, count[e.key()])] = e
            self.by_key.setdefault(e.key(), e)
            self.by_source[(e.source, e.type)].append(e)
        self._evidence: dict[URIRef, tuple[Node | Edge, Evidence]] | None = None
        self.graph = graph

    def evidence(self, iri: URIRef) -> tuple[Node | Edge, Evidence] | None:
        if self._evidence is None:  # built only when a result is about an evidence resource
            self._evidence = {}
            for n in self.graph.nodes:
                for rank, ev in enumerate(n.evidence, 1):
                    self._evidence[evidence_iri(node_iri(n.id), rank)] = (n, ev)
            for st, e in self.edges.items():
                for rank, ev in enumerate(e.evidence, 1):
                    self._evidence[evidence_iri(st, rank)] = (e, ev)
        return self._evidence.get(iri)

    def klass(self, iri) -> str:
        n = self.nodes.get(iri)
        return (n.subtype or n.type) if n else "not a node of the graph"

    def issue(self, severity: str, rule: str, message: str, focus, path, value, shapes: rdflib.Graph, shape) -> Issue:
        rel = str(path)[len(NS):] if path is not None and str(path).startswith(NS) else None
        if focus in self.nodes:
            n = self.nodes[focus]
            if rel in RELATIONS and value is not None:  # range rule: the offending relationship
                e = self.by_key.get((n.id, rel, node_id_of(value)))
                if e is not None:
                    return edge_issue(severity, rule, f"{message}, not {self.klass(value)}", e, value=node_id_of(value))
            targets = shapes.value(shape, SH.targetSubjectsOf)
            dom = str(targets)[len(NS):] if targets is not None and str(targets).startswith(NS) else None
            if dom in RELATIONS and path is None:  # domain rule: the relationship(s) starting here
                es = self.by_source.get((n.id, dom), [])
                if es:
                    more = f" ({len(es)} such relationships)" if len(es) > 1 else ""
                    return edge_issue(severity, rule, f"{message}, not {self.klass(focus)}{more}", es[0])
            return node_issue(severity, rule, message + _value_text(value), n, value=_plain(value))
        if focus in self.edges:
            return edge_issue(severity, rule, message + _value_text(value), self.edges[focus], value=_plain(value))
        owner = self.evidence(focus)
        if owner is not None:
            item, ev = owner
            make = node_issue if isinstance(item, Node) else edge_issue
            return make(severity, rule, message + _value_text(value), item, ev, value=_plain(value))
        return Issue(severity, rule, message + _value_text(value), "graph", node_id_of(focus), value=_plain(value))


def _plain(value) -> str | None:
    if value is None:
        return None
    return str(value) if isinstance(value, Literal) else node_id_of(value)


def _value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Literal):
        kind = value.datatype.split("#")[-1] if value.datatype else "string"
        return f" (got “{str(value)[:60]}”, {kind})"
    return f" (got {node_id_of(value)})"


def with_class_tree(data: rdflib.Graph) -> rdflib.Graph:
    """Add the ontology's rdfs:subClassOf triples among its own classes, which is all sh:class
    needs (cheaper than pyshacl's ont_graph mixing, which copies the data graph)."""
    for s, o in ontology_graph().subject_objects(RDFS.subClassOf):
        if str(s).startswith(NS) and str(o).startswith(NS):
            data.add((s, RDFS.subClassOf, o))
    return data


def run_shacl(data: rdflib.Graph) -> rdflib.Graph:
    """pyshacl over `data` (modified in place: the class tree is added). Returns the results graph."""
    import pyshacl

    with_class_tree(data)
    _conforms, results, _text = pyshacl.validate(data, shacl_graph=shapes_graph(), inference="none",
                                                 inplace=True, allow_warnings=False, advanced=False)
    return results


def shacl_issues(results: rdflib.Graph, describe: _Describer) -> list[Issue]:
    shapes = shapes_graph()
    issues = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        shape = results.value(r, SH.sourceShape)
        severity = SEVERITY.get(results.value(r, SH.resultSeverity), "violation")
        msg = results.value(r, SH.resultMessage)
        comp = results.value(r, SH.sourceConstraintComponent)
        message = str(msg) if msg is not None else str(comp).split("#")[-1]
        issues.append(describe.issue(severity, _shape_name(shapes, shape), message, results.value(r, SH.focusNode),
                                     results.value(r, SH.resultPath), results.value(r, SH.value), shapes, shape))
    issues.sort(key=lambda i: (i.rule, i.doc or "", i.line or 0, i.id or ""))
    return issues


# ----------------------------------------------------------------------------------- entry point


def validate(graph: Graph, *, documents: Iterable[Document] | None = None, shacl: bool = True) -> ValidationReport:
    """Check `graph` against the ontology (SHACL shapes + Python-side checks). Give the corpus
    `documents` to also check that every quote is on its line."""
    t0 = perf_counter()
    report = ValidationReport(nodes=len(graph.nodes), edges=len(graph.edges), shacl=shacl)
    issues = check_terms(graph) + check_stages(graph)
    if documents is not None:
        issues += check_quotes(graph, documents)
    t1 = perf_counter()
    report.timings["python"] = round(t1 - t0, 3)
    if shacl:
        data = to_rdf(graph, strict=False)
        report.triples = len(data)
        t2 = perf_counter()
        report.timings["rdf"] = round(t2 - t1, 3)
        results = run_shacl(data)
        t3 = perf_counter()
        issues += shacl_issues(results, _Describer(graph))
        report.timings["shacl"] = round(t3 - t2, 3)
    for i in issues:
        report.add(i)
    report.timings["total"] = round(perf_counter() - t0, 3)
    log.info("validation: %s", report.summary())
    return report


def validate_rdf(data: rdflib.Graph) -> ValidationReport:
    """SHACL-validate RDF that uses the ontology (e.g. a file written by `kg export --format ttl`)."""
    from kg.rdf import from_rdf

    t0 = perf_counter()
    copy = rdflib.Graph()
    for t in data:
        copy.add(t)
    results = run_shacl(copy)
    try:  # name nodes and lines where the RDF can be read back as a graph
        describe = _Describer(from_rdf(data))
    except Exception:  # noqa: BLE001 - an unreadable graph is reported with bare IRIs
        describe = _Describer(Graph())
    report = ValidationReport(triples=len(data))
    for i in shacl_issues(results, describe):
        report.add(i)
    report.nodes, report.edges = len(describe.nodes), len(describe.edges)
    report.timings["total"] = round(perf_counter() - t0, 3)
    return report
