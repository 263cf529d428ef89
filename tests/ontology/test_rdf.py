"""RDF export: nodes, relationships and evidence as PROV survive Turtle and JSON-LD round trips."""

from __future__ import annotations

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError, KGError
from kg.models import Edge, Evidence, Graph, Node
from kg.rdf import canonical, from_rdf, node_iri, parse_rdf, read_rdf, serialize, to_rdf, write_rdf

from ..conftest import LINFEN

PREFIXES = """
PREFIX kg: <https://w3id.org/innovation-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


@pytest.fixture(scope="module")
def corpus_rdf(corpus) -> rdflib.Graph:
    return to_rdf(corpus.graph)


def test_corpus_round_trip_in_memory(corpus, corpus_rdf):
    assert from_rdf(corpus_rdf) == canonical(corpus.graph)


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_corpus_round_trip_through_files(corpus, tmp_path, fmt):
    path = write_rdf(corpus.graph, tmp_path / f"graph.{fmt}")
    back = read_rdf(path)
    assert back == canonical(corpus.graph)
    assert back.counts() == corpus.graph.counts()
    # the leader of the hydrogen chain keeps its evidence (line 248) through the file
    idx = back.node_index()
    [lead] = [e for e in back.edges if e.type == "LEADS_CHAIN" and idx[e.target].name == "氢能产业链"]
    assert idx[lead.source].name == "晋南钢铁集团"
    assert (lead.evidence[0].doc, lead.evidence[0].line) == (LINFEN, 248)
    assert "晋南钢铁集团" in lead.evidence[0].quote


def test_relationship_evidence_is_prov_on_a_qualified_statement(corpus_rdf):
    # patterns ordered from the most selective: rdflib's SPARQL engine joins in the order written
    rows = list(corpus_rdf.query(PREFIXES + """
        SELECT ?e ?c ?st ?ev ?name ?line ?quote ?doc WHERE {
            ?c kg:name "氢能产业链" .
            ?st rdf:object ?c ; rdf:predicate kg:LEADS_CHAIN ; rdf:subject ?e ; kg:city "临汾市" ;
                prov:wasDerivedFrom ?ev .
            ?ev kg:line ?line ; kg:quote ?quote ; kg:doc ?doc ; prov:wasQuotedFrom ?file .
            ?e kg:name ?name .
        }"""))
    assert [(str(r.name), int(r.line), str(r.doc)) for r in rows] == [("晋南钢铁集团", 248, LINFEN)]
    [row] = rows
    assert "链主" in str(row.quote)
    kg = rdflib.Namespace("https://w3id.org/innovation-kg/ontology#")
    assert (row.e, kg.LEADS_CHAIN, row.c) in corpus_rdf  # the plain triple is there too
    assert (row.st, rdflib.RDF.type, kg.Relationship) in corpus_rdf
    assert (row.ev, rdflib.RDF.type, kg.Evidence) in corpus_rdf


def test_nodes_are_typed_resources_with_prov_evidence(corpus, corpus_rdf):
    ent = next(n for n in corpus.graph.nodes if n.name == "晋南钢铁集团" and n.type == "Enterprise")
    s = node_iri(ent.id)
    kg = rdflib.Namespace("https://w3id.org/innovation-kg/ontology#")
    assert (s, rdflib.RDF.type, kg.Enterprise) in corpus_rdf
    assert corpus_rdf.value(s, kg.name) == rdflib.Literal("晋南钢铁集团")
    lines = {int(corpus_rdf.value(e, kg.line)) for e in corpus_rdf.objects(s, rdflib.PROV.wasDerivedFrom)}
    assert 248 in lines and len(lines) == len({ev.line for ev in ent.evidence})


def tricky_graph() -> Graph:
    ev = [Evidence(doc=LINFEN, line=248, quote="依托晋南钢铁集团作为氢能产业链“链主”企业"),
          Evidence(doc=LINFEN, line=3, quote="临汾市人民政府文件"),
          Evidence(doc="curation.yaml", line=12, quote='"quoted" \\ back\nslash')]
    return Graph(
        nodes=[
            Node(id="plat:山西省 “氢能” 重点实验室/一 %20", type="Platform", subtype="KeyLaboratory",
                 name="山西省“氢能”重点实验室", aliases=["氢能实验室", "B", "a"], city="临汾市",
                 properties={"level": "省级", "zero": 0, "false": False, "float": 0.1 + 0.2, "none": None,
                             "list": ["临汾市", 2], "dict": {"a": [1, {"b": None}]}, "city": "不是节点的 city",
                             "有 空格": 1, "name": "not the name", "HOSTS": "a key named like a relationship"},
                 evidence=ev),
            Node(id="plat:k", type="KeyLaboratory", name="k", evidence=ev[1:]),
            Node(id="doc:" + LINFEN, type="Document", name=LINFEN, evidence=ev[1:2]),
            Node(id="target:t", type="Target", name="t", properties={"value": 1.17, "year": 2025, "baseline": 10**20},
                 evidence=ev[:1]),
        ],
        edges=[
            Edge(source="plat:k", target="plat:山西省 “氢能” 重点实验室/一 %20", type="HOSTS",
                 properties={"order": 1, "city": "临汾市", "quote": "reserved key"}, evidence=list(reversed(ev))),
            Edge(source="plat:k", target="doc:" + LINFEN, type="MENTIONED_IN", evidence=ev[1:2]),
        ],
        meta={"corpus": "abc", "documents": 5},
    )


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_tricky_values_round_trip(fmt):
    g = tricky_graph()
    back = parse_rdf(serialize(g, fmt), fmt)
    assert back == canonical(g)
    node = back.node_index()["plat:山西省 “氢能” 重点实验室/一 %20"]
    assert (node.type, node.subtype) == ("Platform", "KeyLaboratory")
    assert back.node_index()["plat:k"].type == "KeyLaboratory" and back.node_index()["plat:k"].subtype is None
    assert node.properties["float"] == 0.1 + 0.2 and node.properties["zero"] == 0 and node.properties["false"] is False
    assert [e.line for e in back.edges[0].evidence] == [12, 3, 248]  # evidence order survives
    assert back.meta == {"corpus": "abc", "documents": 5}


def test_evidence_is_quoted_from_the_document_node_when_there_is_one():
    r = to_rdf(tricky_graph())
    doc = node_iri("doc:" + LINFEN)
    quoted = set(r.objects(None, rdflib.PROV.wasQuotedFrom))
    assert doc in quoted
    assert rdflib.URIRef("https://w3id.org/innovation-kg/doc/curation.yaml") in quoted


def test_strict_conversion_refuses_terms_outside_the_ontology():
    g = Graph(nodes=[Node(id="x", type="Enterprize", name="x", evidence=[Evidence(doc="d", line=1, quote="x")])])
    with pytest.raises(KGError, match="Enterprize"):
        to_rdf(g)
    assert len(to_rdf(g, strict=False)) > 5


def test_unreadable_rdf_is_a_readable_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        read_rdf(bad)
    with pytest.raises(KGError, match="rdfxml"):
        serialize(Graph(), "rdfxml")


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=False, allow_infinity=False), names)


@st.composite
def graphs(draw) -> Graph:
    ids = draw(st.lists(names, min_size=1, max_size=6, unique=True))
    types = ["Enterprise", "Platform", "City", "Target", "KeyLaboratory"]
    nodes = []
    for i in ids:
        evs = draw(st.lists(st.builds(Evidence, doc=names, line=st.integers(1, 10**6), quote=names), min_size=1, max_size=3,
                            unique_by=lambda e: e.key()))
        t = draw(st.sampled_from(types))
        nodes.append(Node(id=i, type=t, subtype=draw(st.sampled_from([None, "Alliance"])) if t == "Platform" else None,
                          name=draw(names), aliases=sorted(set(draw(st.lists(names, max_size=3)))),
                          city=draw(st.one_of(st.none(), names)),
                          properties=draw(st.dictionaries(names, scalars, max_size=3)), evidence=evs))
    edges = {}
    for _ in range(draw(st.integers(0, 6))):
        e = Edge(source=draw(st.sampled_from(ids)), target=draw(st.sampled_from(ids)),
                 type=draw(st.sampled_from(["HOSTS", "IN_CHAIN", "COLLABORATES_WITH"])),
                 properties=draw(st.dictionaries(names, scalars, max_size=2)),
                 evidence=[Evidence(doc=draw(names), line=draw(st.integers(1, 99)), quote=draw(names))])
        edges[e.key()] = e
    return Graph(nodes=nodes, edges=list(edges.values()))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_any_graph_round_trips_through_turtle(g):
    assert parse_rdf(serialize(g, "ttl"), "ttl") == canonical(g)
