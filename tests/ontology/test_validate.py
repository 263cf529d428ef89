"""SHACL validation and the Python-side checks, on small graphs of real corpus facts and on the corpus graph."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import ValidationFailed
from kg.models import Edge, Evidence, Graph, Node
from kg.validate import validate

from ..conftest import LINFEN

# linfen plan, line 248: 依托晋南钢铁集团作为氢能产业链“链主”企业; line 172: 依托山西电子科技学院(筹)创建高水平理工类大学;
# line 138-139: 专栏1 rows 研发经费投入增长（%）and 省级重点实验室（个）
LEADS_QUOTE = "依托晋南钢铁集团作为氢能产业链“链主”企业"


def ev(line: int, quote: str) -> list[Evidence]:
    return [Evidence(doc=LINFEN, line=line, quote=quote)]


def hydrogen_graph() -> Graph:
    """晋南钢铁集团 leads 氢能产业链 in 临汾市 (line 248), as the plan states it."""
    return Graph(
        nodes=[
            Node(id="city:临汾市", type="City", name="临汾市", city="临汾市", evidence=ev(3, "临汾市人民政府")),
            Node(id="ent:晋南钢铁集团", type="Enterprise", name="晋南钢铁集团", aliases=["晋南钢铁"], city="临汾市",
                 evidence=ev(248, "晋南钢铁集团")),
            Node(id="chain:氢能产业链", type="IndustryChain", name="氢能产业链", evidence=ev(248, "氢能产业链")),
            Node(id="univ:山西电子科技学院", type="University", name="山西电子科技学院", city="临汾市",
                 evidence=ev(172, "山西电子科技学院")),
            Node(id="target:临汾市/省级重点实验室/2025", type="Target", name="省级重点实验室", city="临汾市",
                 properties={"indicator": "省级重点实验室", "value": 1, "unit": "个", "year": 2025, "baseline": 0,
                             "baseline_year": 2021},
                 evidence=ev(139, "省级重点实验室（个）")),
        ],
        edges=[
            Edge(source="ent:晋南钢铁集团", target="chain:氢能产业链", type="LEADS_CHAIN", properties={"city": "临汾市"},
                 evidence=ev(248, LEADS_QUOTE)),
            Edge(source="city:临汾市", target="chain:氢能产业链", type="DEVELOPS_CHAIN", evidence=ev(248, LEADS_QUOTE)),
            Edge(source="city:临汾市", target="target:临汾市/省级重点实验室/2025", type="SETS_TARGET",
                 evidence=ev(139, "省级重点实验室（个）")),
        ],
    )


def with_(g: Graph, nodes: list[Node] = (), edges: list[Edge] = ()) -> Graph:
    return Graph(nodes=[*g.nodes, *nodes], edges=[*g.edges, *edges])


def test_a_correct_graph_conforms(corpus):
    report = validate(hydrogen_graph(), documents=corpus.documents)
    assert report.conforms, report.format()
    assert not report.warnings, report.format()
    assert report.nodes == 5 and report.edges == 3 and report.triples > 60


def test_leads_chain_from_a_university_is_a_violation_naming_it():
    bad = Edge(source="univ:山西电子科技学院", target="chain:氢能产业链", type="LEADS_CHAIN",
               evidence=ev(172, "依托山西电子科技学院(筹)创建高水平理工类大学"))
    report = validate(with_(hydrogen_graph(), edges=[bad]))
    assert not report.conforms
    [v] = report.violations
    assert v.rule == "LEADS_CHAIN-domain"
    assert v.kind == "edge" and v.id == "univ:山西电子科技学院 -LEADS_CHAIN-> chain:氢能产业链"
    assert (v.doc, v.line) == (LINFEN, 172)
    assert "must start at an Enterprise, not University" in v.message
    with pytest.raises(ValidationFailed) as exc:
        report.raise_for_violations()
    text = str(exc.value)
    assert "LEADS_CHAIN-domain" in text and "山西电子科技学院" in text and f"{LINFEN}:172" in text


def test_wrong_range_names_the_relationship_and_the_class_it_reached():
    bad = Edge(source="univ:山西电子科技学院", target="ent:晋南钢铁集团", type="HOSTS", evidence=ev(172, "依托山西电子科技学院"))
    [v] = validate(with_(hydrogen_graph(), edges=[bad])).violations
    assert (v.rule, v.id, v.line) == ("HOSTS-range", "univ:山西电子科技学院 -HOSTS-> ent:晋南钢铁集团", 172)
    assert v.message == "HOSTS must end at a Platform, not Enterprise"


def test_a_platform_subclass_is_a_platform_and_an_organisation():
    lab = Node(id="plat:省级重点实验室", type="Platform", subtype="KeyLaboratory", name="省级重点实验室",
               evidence=ev(139, "省级重点实验室"))
    lab2 = Node(id="plat:技术创新中心", type="TechInnovationCenter", name="技术创新中心", evidence=ev(138, "研发"))
    edges = [Edge(source="ent:晋南钢铁集团", target=lab.id, type="HOSTS", evidence=ev(248, "晋南钢铁集团")),
             Edge(source=lab2.id, target=lab.id, type="HOSTS", evidence=ev(248, "晋南钢铁集团")),
             Edge(source=lab.id, target="chain:氢能产业链", type="IN_CHAIN", evidence=ev(248, "氢能产业链"))]
    report = validate(with_(hydrogen_graph(), nodes=[lab, lab2], edges=edges))
    assert report.conforms, report.format()


def test_a_node_without_evidence_is_a_violation_naming_it():
    # the model refuses a node without evidence; RDF or hand-made data can still lack it
    bare = Node.model_construct(id="ent:山西建邦集团", type="Enterprise", subtype=None, name="山西建邦集团", aliases=[],
                                city="临汾市", properties={}, evidence=[])
    report = validate(with_(hydrogen_graph(), nodes=[bare]))
    [v] = report.violations
    assert (v.rule, v.kind, v.id, v.name) == ("Entity-evidence", "node", "ent:山西建邦集团", "山西建邦集团")
    assert v.doc is None and "no evidence" in str(v)
    assert "at least one evidence" in v.message


def test_evidence_without_a_quote_names_the_item_and_its_line():
    empty = Node(id="ent:晋南钢铁", type="Enterprise", name="晋南钢铁", evidence=ev(248, ""))
    [v] = validate(with_(hydrogen_graph(), nodes=[empty])).violations
    assert (v.rule, v.id, v.doc, v.line) == ("Evidence-quote", "ent:晋南钢铁", LINFEN, 248)


def test_target_numbers_and_years():
    t = Node(id="target:x", type="Target", name="研发经费投入增长", city="临汾市",
             properties={"indicator": "研发经费投入增长", "value": "二十", "unit": "%", "year": 2205, "baseline": 1.17},
             evidence=ev(138, "研发经费投入增长（%）"))
    words = Node(id="target:y", type="Target", name="政府创新投入", city="临汾市",
                 properties={"indicator": "政府创新投入", "value": None, "target_text": "增幅高于一般公共预算支出增幅",
                             "year": 2025}, evidence=ev(138, "研发"))
    nothing = Node(id="target:z", type="Target", name="空", properties={"indicator": "空", "unit": "%", "year": 2025},
                   evidence=ev(138, "研发"))
    report = validate(with_(hydrogen_graph(), nodes=[t, words, nothing]))
    rules = sorted((v.rule, v.id) for v in report.violations)
    assert rules == [("Target-value", "target:z"), ("value-number", "target:x"), ("year-integer", "target:x"),
                     ("year-range", "target:x")], report.format()
    assert [(w.rule, w.id) for w in report.warnings] == [("Target-unit", "target:y")]
    value = next(v for v in report.violations if v.rule == "value-number")
    assert value.value == "二十" and "got “二十”" in value.message


def test_python_side_term_checks():
    g = with_(hydrogen_graph(),
              nodes=[Node(id="ent:x", type="Enterprize", name="x", evidence=ev(248, "晋南")),
                     Node(id="plat:y", type="Platform", subtype="Hospital", name="y", evidence=ev(248, "晋南")),
                     Node(id="ent:晋南钢铁集团", type="Enterprise", name="晋南钢铁集团", evidence=ev(248, "晋南钢铁集团"))],
              edges=[Edge(source="ent:晋南钢铁集团", target="chain:氢能产业链", type="LEAD_CHAIN", evidence=ev(248, "依托")),
                     Edge(source="ent:晋南钢铁集团", target="chain:光伏产业链", type="IN_CHAIN", evidence=ev(248, "依托"))])
    report = validate(g, shacl=False)
    found = {(v.rule, v.id) for v in report.violations}
    assert found == {
        ("ontology-class", "ent:x"),
        ("ontology-subtype", "plat:y"),
        ("duplicate-id", "ent:晋南钢铁集团"),
        ("ontology-relation", "ent:晋南钢铁集团 -LEAD_CHAIN-> chain:氢能产业链"),
        ("dangling-edge", "ent:晋南钢铁集团 -IN_CHAIN-> chain:光伏产业链"),
    }
    assert "'Enterprize' is not a class of the ontology" in next(v.message for v in report.violations if v.id == "ent:x")


def test_undeclared_property_keys_and_stage_order_are_warnings():
    g = hydrogen_graph()
    g.nodes[1].properties["founded"] = 1958
    stages = [Node(id=f"stage:{s}", type="ChainStage", name=s, properties={"chain": "氢能产业科技创新链", "order": i},
                   evidence=ev(255, s)) for i, s in enumerate(["氢能制备", "储存"], 1)]
    ichain = Node(id="ichain:氢能产业科技创新链", type="InnovationChain", name="氢能产业科技创新链", evidence=ev(252, "氢能产业科技创新链"))
    edges = [Edge(source=ichain.id, target="stage:氢能制备", type="HAS_STAGE", evidence=ev(255, "氢能制备")),
             Edge(source="stage:储存", target="stage:氢能制备", type="NEXT_STAGE", evidence=ev(255, "氢能制备-储存"))]
    report = validate(with_(g, nodes=[*stages, ichain], edges=edges))
    assert report.conforms, report.format()
    assert sorted((w.rule, w.id) for w in report.warnings) == [
        ("ChainStage-chain", "stage:储存"),
        ("NEXT_STAGE-same-chain", "stage:储存 -NEXT_STAGE-> stage:氢能制备"),
        ("undeclared-property", "ent:晋南钢铁集团"),
    ]


def test_quotes_are_checked_against_the_documents(corpus):
    moved = Node(id="ent:山西建邦集团", type="Enterprise", name="山西建邦集团", evidence=ev(247, "山西建邦集团铸造有限公司"))
    past = Node(id="ent:尾", type="Enterprise", name="尾", evidence=ev(99999, "尾"))
    report = validate(with_(hydrogen_graph(), nodes=[moved, past]), documents=corpus.documents)
    found = sorted((v.rule, v.id) for v in report.violations)
    assert found == [("quote-on-line", "ent:尾"), ("quote-on-line", "ent:山西建邦集团")]
    assert any("is not on line 247" in v.message for v in report.violations)


def test_corpus_graph_validates_clean(corpus):
    report = validate(corpus.graph, documents=corpus.documents)
    assert report.nodes == len(corpus.graph.nodes) > 100
    assert report.conforms, report.format(limit=30)


def test_kg_validate_cli(tmp_path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    hydrogen_graph().write_json(good)
    wrong = Edge(source="univ:山西电子科技学院", target="chain:氢能产业链", type="LEADS_CHAIN", evidence=ev(172, "山西电子科技学院"))
    with_(hydrogen_graph(), edges=[wrong]).write_json(bad)
    runner = CliRunner()
    res = runner.invoke(app, ["validate", "--graph", str(good)])
    assert res.exit_code == 0, res.output
    assert "conforms" in res.output
    res = runner.invoke(app, ["validate", "--graph", str(bad)])
    assert res.exit_code == 1
    assert "LEADS_CHAIN-domain" in res.output and f"{LINFEN}:172" in res.output and "山西电子科技学院" in res.output
    res = runner.invoke(app, ["validate", "--graph", str(bad), "--format", "json", "--no-quotes"])
    assert res.exit_code == 1
    data = json.loads(res.output)
    assert data["conforms"] is False and data["violations"][0]["rule"] == "LEADS_CHAIN-domain"


def test_exported_rdf_can_be_validated_on_its_own():
    import rdflib

    from kg.rdf import serialize
    from kg.validate import validate_rdf

    wrong = Edge(source="univ:山西电子科技学院", target="chain:氢能产业链", type="LEADS_CHAIN", evidence=ev(172, "山西电子科技学院"))
    data = rdflib.Graph().parse(data=serialize(with_(hydrogen_graph(), edges=[wrong]), "ttl"), format="turtle")
    report = validate_rdf(data)
    [v] = report.violations
    assert (v.rule, v.id, v.line) == ("LEADS_CHAIN-domain", "univ:山西电子科技学院 -LEADS_CHAIN-> chain:氢能产业链", 172)
    assert validate_rdf(rdflib.Graph().parse(data=serialize(hydrogen_graph(), "ttl"), format="turtle")).conforms
