"""The ontology file itself: parses, is internally consistent, covers DESIGN.md, drives the Python names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib import namespace as rdfns
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg import ontology
from kg.errors import KGError
from kg.ontology import CLASSES, GROUPS, NS, ONT, PROPERTIES, RELATIONS, class_style, is_a

ROOT = Path(__file__).resolve().parents[2]

# DESIGN.md "Ontology": the contract other parts rely on
DESIGN_CLASSES = ["City", "County", "Zone", "Enterprise", "University", "ResearchInstitute", "Hospital", "Platform",
                  "IndustryChain", "InnovationChain", "ChainStage", "Program", "Policy", "Target", "Agency", "Document"]
PLATFORM_SUBCLASSES = ["KeyLaboratory", "EngineeringCenter", "TechInnovationCenter", "EnterpriseTechCenter", "PilotBase",
                       "NewRDInstitution", "Incubator", "AcademicianWorkstation", "PostdocStation", "Alliance"]
DESIGN_RELATIONS = ["LEADS_CHAIN", "IN_CHAIN", "DEVELOPS_CHAIN", "INNOVATION_CHAIN_OF", "HAS_STAGE", "NEXT_STAGE",
                    "HOSTS", "COLLABORATES_WITH", "LOCATED_IN", "RUNS_PROGRAM", "PART_OF_PROGRAM", "ISSUED",
                    "SETS_TARGET", "MENTIONED_IN"]
DATATYPE_PROPERTIES = ["name", "alias", "city", "indicator", "value", "unit", "year", "baseline", "baseline_year",
                       "target_text", "doc", "line", "quote"]
ALIGNED = ("http://www.w3.org/ns/org#", "https://schema.org/", "http://vivoweb.org/ontology/core#",
           "http://www.w3.org/ns/prov#", str(RDF))
VIS_SHAPES = {"dot", "ellipse", "circle", "box", "text", "database", "diamond", "star", "triangle", "triangleDown",
              "hexagon", "square"}


@pytest.fixture(scope="module")
def owl() -> Graph:
    return Graph().parse(ROOT / "ontology" / "innovation.ttl", format="turtle")


def ours(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(NS)


def declared_classes(g: Graph) -> set[URIRef]:
    return {c for c in g.subjects(RDF.type, OWL.Class) if ours(c)}


def class_members(g: Graph, expr) -> list:
    if isinstance(expr, BNode) and g.value(expr, OWL.unionOf) is not None:
        return list(Collection(g, g.value(expr, OWL.unionOf)))
    return [expr]


def test_ontology_header_has_version_iri_and_labels(owl):
    onto = owl.value(predicate=RDF.type, object=OWL.Ontology)
    assert onto == URIRef("https://w3id.org/innovation-kg/ontology")
    assert owl.value(onto, OWL.versionIRI) == URIRef("https://w3id.org/innovation-kg/ontology/0.1.0")
    assert ontology.VERSION_IRI == "https://w3id.org/innovation-kg/ontology/0.1.0"
    assert {lit.language for lit in owl.objects(onto, RDFS.label)} == {"zh", "en"}


def test_every_design_class_and_relation_is_defined():
    assert set(DESIGN_CLASSES + PLATFORM_SUBCLASSES) == set(CLASSES)
    assert set(DESIGN_RELATIONS) == set(RELATIONS)
    for name in PLATFORM_SUBCLASSES:
        assert CLASSES[name].parent == "Platform" and is_a(name, "Platform")
    for name in DESIGN_CLASSES:
        assert CLASSES[name].parent is None
    assert set(DATATYPE_PROPERTIES) <= set(PROPERTIES)


def test_every_term_has_zh_and_en_labels_and_a_comment(owl):
    terms = (declared_classes(owl)
             | {p for p in owl.subjects(RDF.type, OWL.ObjectProperty) if ours(p)}
             | {p for p in owl.subjects(RDF.type, OWL.DatatypeProperty) if ours(p)})
    assert len(terms) > 60
    for t in terms:
        langs = {lit.language for lit in owl.objects(t, RDFS.label) if isinstance(lit, Literal)}
        assert {"zh", "en"} <= langs, t
        assert any(re.search(r"[\u4e00-\u9fff]", str(lit)) for lit in owl.objects(t, RDFS.label) if lit.language == "zh"), t
        assert list(owl.objects(t, RDFS.comment)), t
    assert CLASSES["IndustryChain"].label_zh == "产业链" and CLASSES["IndustryChain"].label_en == "industry chain"
    assert RELATIONS["HOSTS"].label_zh == "依托单位"


def test_every_domain_and_range_is_a_declared_class(owl):
    classes = declared_classes(owl)
    datatypes = {rdfns.XSD.string, rdfns.XSD.integer, RDF.JSON, URIRef(NS + "number")}
    for p in owl.subjects(RDF.type, OWL.ObjectProperty):
        doms, rngs = list(owl.objects(p, RDFS.domain)), list(owl.objects(p, RDFS.range))
        assert len(doms) == 1 and len(rngs) == 1, p
        for c in class_members(owl, doms[0]) + class_members(owl, rngs[0]):
            assert c in classes, (p, c)
    for p in owl.subjects(RDF.type, OWL.DatatypeProperty):
        for d in owl.objects(p, RDFS.domain):
            for c in class_members(owl, d):
                assert c in classes, (p, c)
        assert set(owl.objects(p, RDFS.range)) <= datatypes, p


def test_class_tree_is_acyclic_and_rooted_in_entity(owl):
    for name, c in CLASSES.items():
        assert name not in c.ancestors
        assert "Entity" in c.ancestors, name
    assert {"Entity", "Organization", "Place"} <= set(GROUPS)
    assert is_a("KeyLaboratory", "Organization") and is_a("Zone", "Place") and not is_a("City", "Organization")
    assert is_a("Enterprise", "Enterprise")


def test_alignments_only_to_org_schema_vivo_prov(owl):
    external = [(s, o) for s, o in owl.subject_objects(RDFS.subClassOf) if not ours(o)]
    external += [(s, o) for s, o in owl.subject_objects(RDFS.subPropertyOf) if not ours(o)]
    external += [(s, o) for s, o in owl.subject_objects(OWL.equivalentClass) if isinstance(o, URIRef) and not ours(o)]
    assert len(external) > 20
    for s, o in external:
        assert str(o).startswith(ALIGNED), (s, o)
    sub = {(str(s)[len(NS):], str(o)) for s, o in owl.subject_objects(RDFS.subClassOf)}
    assert ("Enterprise", "http://www.w3.org/ns/org#FormalOrganization") in sub
    assert ("University", "https://schema.org/CollegeOrUniversity") in sub
    assert ("KeyLaboratory", "http://vivoweb.org/ontology/core#Laboratory") in sub
    assert ("Alliance", "http://www.w3.org/ns/org#OrganizationalCollaboration") in sub
    assert ("Evidence", "http://www.w3.org/ns/prov#Entity") in sub
    assert ("Policy", "https://schema.org/Legislation") in sub and ("Program", "https://schema.org/Project") in sub
    # no published ontology covers 产业链 / 科技创新链: ours, unaligned
    for name in ("IndustryChain", "InnovationChain", "ChainStage"):
        assert {o for o in owl.objects(CLASSES[name].iri, RDFS.subClassOf)} == {URIRef(NS + "Entity")}


def test_closed_namespace_rejects_typos():
    assert ONT.Enterprise == URIRef(NS + "Enterprise")
    assert ONT.LEADS_CHAIN == RELATIONS["LEADS_CHAIN"].iri
    assert ONT["baseline_year"] == URIRef(NS + "baseline_year")
    with pytest.raises(AttributeError):
        ONT.Enterprize  # noqa: B018
    with pytest.raises(KeyError):
        ONT["LEADS_CHIAN"]


def test_class_styles_come_from_the_ontology():
    for name in CLASSES:
        style = class_style(name)
        assert re.fullmatch(r"#[0-9a-f]{6}", style.color), name
        assert style.shape in VIS_SHAPES, name
    assert class_style("Enterprise").color == "#1f77b4"
    # a platform subclass without a style of its own draws like a platform
    assert CLASSES["KeyLaboratory"].color is None
    assert (class_style("KeyLaboratory").color, class_style("KeyLaboratory").shape) == ("#9467bd", "diamond")
    assert class_style("KeyLaboratory").label_zh == "重点实验室"
    colors = [CLASSES[c].color for c in DESIGN_CLASSES]
    assert len(set(colors)) == len(colors)  # top-level classes are told apart by colour
    with pytest.raises(KGError, match="Enterprize"):
        class_style("Enterprize")
    with pytest.raises(KGError):
        is_a("Enterprize", "Organization")


def test_listings_follow_the_file_order():
    assert list(CLASSES)[:3] == ["City", "County", "Zone"]
    assert list(RELATIONS)[0] == "LEADS_CHAIN"
    assert RELATIONS["HOSTS"].domain == ("Enterprise", "University", "ResearchInstitute", "Hospital", "Agency",
                                         "Platform", "Zone")


def test_adding_a_class_to_the_ttl_is_the_one_change(tmp_path):
    """A new class (with style) and a new relationship appear in the Python names from the file alone."""
    text = (ROOT / "ontology" / "innovation.ttl").read_text(encoding="utf-8")
    text += """
kg:Fund a owl:Class ;
    rdfs:subClassOf kg:Organization ;
    rdfs:label "基金"@zh , "fund"@en ;
    rdfs:comment "A fund."@en ;
    kg:color "#123456" ; kg:shape "star" .
kg:GuidanceFund a owl:Class ; rdfs:subClassOf kg:Fund ; rdfs:label "引导基金"@zh , "guidance fund"@en .
kg:INVESTS_IN a owl:ObjectProperty ;
    rdfs:label "投资"@zh , "invests in"@en ;
    rdfs:domain kg:Fund ;
    rdfs:range [ a owl:Class ; owl:unionOf ( kg:Enterprise kg:Platform ) ] .
"""
    path = tmp_path / "innovation.ttl"
    path.write_text(text, encoding="utf-8")
    loaded = ontology._load(path)
    assert loaded.classes["Fund"].color == "#123456" and loaded.classes["GuidanceFund"].parent == "Fund"
    assert loaded.relations["INVESTS_IN"].domain == ("Fund",)
    assert loaded.relations["INVESTS_IN"].range == ("Enterprise", "Platform")
    assert "Fund" in loaded.relations["HOSTS"].domain  # an organisation: may host platforms
    assert "Fund" in loaded.terms


def test_bad_ontology_file_is_a_readable_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <x#> .\nkg:A a kg:B", encoding="utf-8")
    with pytest.raises(KGError, match="bad.ttl"):
        ontology._load(bad)


# ------------------------------------------------------------------ shapes agree with the ontology


def _shape_classes(sg: Graph, shape) -> set[str]:
    """Class names a domain/range shape allows: its sh:class, or the sh:class of each sh:or member."""
    direct = list(sg.objects(shape, SH["class"]))
    if direct:
        return {str(c)[len(NS):] for c in direct}
    union = sg.value(shape, SH["or"])
    assert union is not None, shape
    return {str(sg.value(m, SH["class"]))[len(NS):] for m in Collection(sg, union)}


def _expand(names: set[str]) -> set[str]:
    return {c for c in CLASSES if any(is_a(c, n) for n in names)}


def test_shapes_domain_and_range_agree_with_the_ontology():
    sg = ontology.shapes_graph()
    shapes = "https://w3id.org/innovation-kg/shapes#"
    for name, rel in RELATIONS.items():
        dom, rng = URIRef(f"{shapes}{name}-domain"), URIRef(f"{shapes}{name}-range")
        assert sg.value(dom, SH.targetSubjectsOf) == rel.iri, name
        assert sg.value(rng, SH.targetSubjectsOf) == rel.iri and sg.value(rng, SH.path) == rel.iri, name
        assert _expand(_shape_classes(sg, dom)) == _expand(set(rel.domain)), name
        assert _expand(_shape_classes(sg, rng)) == _expand(set(rel.range)), name
        assert sg.value(dom, SH.message) and sg.value(rng, SH.message)


def test_every_shape_is_named_and_has_a_message():
    sg = ontology.shapes_graph()
    shapes = set(sg.subjects(RDF.type, SH.NodeShape)) | set(sg.subjects(RDF.type, SH.PropertyShape))
    assert len(shapes) > 40
    for s in shapes:
        assert isinstance(s, URIRef) and str(s).startswith("https://w3id.org/innovation-kg/shapes#"), s
        assert sg.value(s, SH.message) is not None, s
        for pred in (SH["class"], SH.targetClass):
            for c in sg.objects(s, pred):
                assert str(c)[len(NS):] in {**CLASSES, **GROUPS}, (s, c)


def test_gold_annotations_fit_the_ontology():
    """The hand annotations (the extractor's target) use only ontology classes, and every gold
    relationship is allowed by its domain and range."""
    for path in sorted((ROOT / "tests" / "gold").glob("*.yaml")):
        gold = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        cls = {(e["name"], e["type"]): e.get("subtype") or e["type"] for e in gold["entities"]}
        for e in gold["entities"]:
            assert (e.get("subtype") or e["type"]) in CLASSES, (path.name, e["name"])
            for key in (e.get("properties") or {}):
                assert key in PROPERTIES, (path.name, key)
        assert gold["relations"]
        for r in gold["relations"]:
            s = cls.get((r["source"], r["source_type"]), r["source_type"])
            t = cls.get((r["target"], r["target_type"]), r["target_type"])
            assert RELATIONS[r["type"]].allows(s, t), (path.name, s, r["type"], t, r["line"])
