"""The ontology as code: ontology/innovation.ttl read once, exposed as Python names.

Everything the Python side knows about classes and relationships (names, zh/en labels, the
platform subclass tree, domains and ranges, view colours and shapes) comes from the .ttl, so
adding a class there is the one change needed. `ONT` is a closed namespace of the file's terms:
`ONT.Enterprise` works, a typo such as `ONT.Enterprize` raises AttributeError.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import ClosedNamespace

from kg.config import ONTOLOGY
from kg.errors import InputError, KGError

log = logging.getLogger(__name__)

NS = "https://w3id.org/innovation-kg/ontology#"
"""Namespace of the ontology's terms (classes, relationships, properties)."""
SHAPES_NS = "https://w3id.org/innovation-kg/shapes#"
ONTOLOGY_FILE = ONTOLOGY / "innovation.ttl"
SHAPES_FILE = ONTOLOGY / "shapes.ttl"


@dataclass(frozen=True)
class OntClass:
    """A class of the ontology a node's `type` (or platform `subtype`) may name."""

    name: str
    label_zh: str
    label_en: str
    parent: str | None
    """Nearest ancestor that is itself a node class (e.g. Platform for KeyLaboratory), else None."""
    color: str | None
    shape: str | None
    comment: str
    iri: URIRef
    ancestors: tuple[str, ...] = ()
    """Every superclass of our namespace, nearest first, grouping classes included."""


@dataclass(frozen=True)
class OntRelation:
    """A relationship type with the node classes it may start (domain) and end (range) at."""

    name: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    label_zh: str
    label_en: str
    comment: str = ""
    iri: URIRef = URIRef("")

    def allows(self, source_class: str, target_class: str) -> bool:
        """True when a relationship of this type may join nodes of these classes."""
        return any(is_a(source_class, d) for d in self.domain) and any(is_a(target_class, r) for r in self.range)


@dataclass(frozen=True)
class OntProperty:
    """A datatype property: a key of a node's or relationship's `properties` (or a node field)."""

    name: str
    label_zh: str
    label_en: str
    range: str
    comment: str
    iri: URIRef


@dataclass(frozen=True)
class _Loaded:
    graph: Graph
    version_iri: str | None
    classes: dict[str, OntClass]
    groups: dict[str, OntClass]
    relations: dict[str, OntRelation]
    properties: dict[str, OntProperty]
    terms: tuple[str, ...]


def _local(iri: URIRef | str) -> str:
    return str(iri)[len(NS):] if str(iri).startswith(NS) else str(iri)


def _label(g: Graph, s: URIRef, lang: str) -> str:
    for o in g.objects(s, RDFS.label):
        if isinstance(o, Literal) and o.language == lang:
            return str(o)
    return ""


def _comment(g: Graph, s: URIRef) -> str:
    by_lang = {o.language: str(o) for o in g.objects(s, RDFS.comment) if isinstance(o, Literal)}
    return by_lang.get("en") or by_lang.get(None) or next(iter(by_lang.values()), "")


def _class_names(g: Graph, expr) -> list[str]:
    """Our class names in a domain/range: a class IRI or an owl:unionOf of class IRIs."""
    if isinstance(expr, URIRef):
        return [_local(expr)] if str(expr).startswith(NS) else []
    if isinstance(expr, BNode):
        union = g.value(expr, OWL.unionOf)
        if union is not None:
            return [n for item in Collection(g, union) for n in _class_names(g, item)]
    return []


def _parse(path: Path) -> Graph:
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: ontology file not found") from exc
    except Exception as exc:  # rdflib raises several parser error types
        raise InputError(f"{path}: not valid Turtle: {exc}") from exc
    return g


def _file_order(path: Path) -> dict[str, int]:
    """Position of each `kg:Term a ...` definition in the file, so listings (legends, reports)
    follow the order the ontology is written in rather than the alphabet."""
    text = path.read_text(encoding="utf-8")
    return {m.group(1): i for i, m in enumerate(re.finditer(r"^kg:(\w+)\s+a\s", text, re.M))}


def _load(path: Path) -> _Loaded:
    g = _parse(path)
    order = _file_order(path)
    ours = lambda s: isinstance(s, URIRef) and str(s).startswith(NS)  # noqa: E731
    by_file = lambda iri: (order.get(_local(iri), len(order)), str(iri))  # noqa: E731
    class_iris = sorted({s for s in g.subjects(RDF.type, OWL.Class) if ours(s)}, key=by_file)
    parents: dict[str, list[str]] = {
        _local(c): [_local(p) for p in g.objects(c, RDFS.subClassOf) if ours(p)] for c in class_iris
    }

    def ancestors(name: str) -> tuple[str, ...]:
        out: list[str] = []
        todo = list(parents.get(name, []))
        while todo:
            p = todo.pop(0)
            if p not in out:
                out.append(p)
                todo.extend(parents.get(p, []))
        return tuple(out)

    abstract = {_local(c) for c in class_iris if g.value(c, URIRef(NS + "abstract")) == Literal(True)}
    # node classes: below kg:Entity and not grouping (abstract) classes
    node_names = {_local(c) for c in class_iris} - abstract
    node_names = {n for n in node_names if "Entity" in ancestors(n)}
    built: dict[str, OntClass] = {}
    for c in class_iris:
        name = _local(c)
        anc = ancestors(name)
        color, shape = g.value(c, URIRef(NS + "color")), g.value(c, URIRef(NS + "shape"))
        built[name] = OntClass(
            name=name, label_zh=_label(g, c, "zh"), label_en=_label(g, c, "en"),
            parent=next((a for a in anc if a in node_names), None),
            color=str(color) if color is not None else None, shape=str(shape) if shape is not None else None,
            comment=_comment(g, c), iri=c, ancestors=anc,
        )
    node_classes = {n: c for n, c in built.items() if n in node_names}
    groups = {n: c for n, c in built.items() if n not in node_classes}

    def concrete(names: list[str]) -> tuple[str, ...]:
        """Grouping classes expanded to the top-most node classes below them."""
        out: list[str] = []
        for n in names:
            if n in node_classes:
                out.append(n)
            else:
                out.extend(c.name for c in node_classes.values() if n in c.ancestors
                           and not any(a in node_classes for a in c.ancestors[: c.ancestors.index(n)]))
        return tuple(dict.fromkeys(out))

    relations: dict[str, OntRelation] = {}
    for p in sorted((s for s in g.subjects(RDF.type, OWL.ObjectProperty) if ours(s)), key=by_file):
        name = _local(p)
        dom = [n for d in g.objects(p, RDFS.domain) for n in _class_names(g, d)]
        rng = [n for r in g.objects(p, RDFS.range) for n in _class_names(g, r)]
        relations[name] = OntRelation(name=name, domain=concrete(dom), range=concrete(rng),
                                      label_zh=_label(g, p, "zh"), label_en=_label(g, p, "en"),
                                      comment=_comment(g, p), iri=p)
    properties: dict[str, OntProperty] = {}
    for p in sorted((s for s in g.subjects(RDF.type, OWL.DatatypeProperty) if ours(s)), key=by_file):
        rng = g.value(p, RDFS.range)
        properties[_local(p)] = OntProperty(name=_local(p), label_zh=_label(g, p, "zh"), label_en=_label(g, p, "en"),
                                            range=str(rng) if rng is not None else "", comment=_comment(g, p), iri=p)
    terms = tuple(sorted({_local(s) for s in g.subjects() if ours(s)}))
    onto = next(iter(g.subjects(RDF.type, OWL.Ontology)), None)
    version = g.value(onto, OWL.versionIRI) if onto is not None else None
    log.debug("ontology %s: %d classes, %d relations", path, len(node_classes), len(relations))
    return _Loaded(graph=g, version_iri=str(version) if version else None, classes=node_classes, groups=groups,
                   relations=relations, properties=properties, terms=terms)


@lru_cache(maxsize=None)
def loaded(path: Path = ONTOLOGY_FILE) -> _Loaded:
    """The parsed ontology (cached: the file is read once per process)."""
    return _load(Path(path))


def ontology_graph() -> Graph:
    """The ontology as an rdflib Graph (shared: do not modify)."""
    return loaded().graph


@lru_cache(maxsize=None)
def shapes_graph() -> Graph:
    """The SHACL shapes of ontology/shapes.ttl (shared: do not modify)."""
    return _parse(SHAPES_FILE)


_ONT = loaded()
ONT = ClosedNamespace(NS, list(_ONT.terms))
"""Closed namespace of every term defined in innovation.ttl (classes, relationships, properties)."""
VERSION_IRI: str | None = _ONT.version_iri
CLASSES: dict[str, OntClass] = _ONT.classes
"""Node classes by name (City … Document, Platform subclasses included; grouping classes not)."""
GROUPS: dict[str, OntClass] = _ONT.groups
"""Grouping (abstract) classes used in domains and ranges: Entity, Organization, Place, plus
the non-node classes Evidence, Relationship, KnowledgeGraph."""
RELATIONS: dict[str, OntRelation] = _ONT.relations
PROPERTIES: dict[str, OntProperty] = _ONT.properties


def _get(name: str) -> OntClass:
    c = CLASSES.get(name) or GROUPS.get(name)
    if c is None:
        raise KGError(f"{name!r} is not a class of the ontology ({ONTOLOGY_FILE.name}); "
                      f"classes: {', '.join(CLASSES)}")
    return c


def class_style(name: str) -> OntClass:
    """The class with its view colour and shape; a class without its own (a platform subclass)
    takes them from its nearest ancestor that has them."""
    c = CLASSES.get(name)
    if c is None:
        raise KGError(f"{name!r} is not a node class of the ontology ({ONTOLOGY_FILE.name}); "
                      f"classes: {', '.join(CLASSES)}")
    color, shape = c.color, c.shape
    for a in c.ancestors:
        anc = CLASSES.get(a) or GROUPS.get(a)
        if anc is None:
            continue
        color = color or anc.color
        shape = shape or anc.shape
    return c if (color, shape) == (c.color, c.shape) else replace(c, color=color, shape=shape)


def is_a(cls: str, ancestor: str) -> bool:
    """True when `cls` is `ancestor` or one of its subclasses (e.g. is_a("KeyLaboratory", "Platform"))."""
    c = _get(cls)
    _get(ancestor)
    return cls == ancestor or ancestor in c.ancestors


def node_class(type_: str, subtype: str | None = None) -> str:
    """The most specific class of a node: its platform subtype when it has one, else its type."""
    return subtype or type_
