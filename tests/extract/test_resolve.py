"""Entity resolution: which mentions merge, which stay apart, and why (explainable, reversible)."""

from __future__ import annotations

from kg.curation import Curation, load_curation
from kg.models import EntityMention, Evidence, Extraction
from kg.resolve import resolve, resolve_full


def _ex(doc: str, city: str, *names: tuple[str, str]) -> Extraction:
    ex = Extraction(doc=doc, city=city)
    for i, (name, type_) in enumerate(names, 1):
        ex.entities.append(EntityMention(name=name, type=type_, city=city, rule="test",
                                         evidence=Evidence(doc=doc, line=i, quote=name)))
    return ex


def _names(graph, type_: str) -> list[str]:
    return sorted(n.name for n in graph.nodes if n.type == type_)


def test_similar_names_stay_apart():
    """长治学院 ≠ 长治医学院 and 潞安集团 ≠ 潞宝集团 by the rules alone (no curation)."""
    g = resolve([_ex("a.txt", "长治市", ("长治学院", "University"), ("长治医学院", "University"),
                     ("潞安集团", "Enterprise"), ("潞宝集团", "Enterprise"))])
    assert set(_names(g, "University")) == {"长治学院", "长治医学院"}
    assert set(_names(g, "Enterprise")) == {"潞安集团", "潞宝集团"}


def test_different_place_means_different_entity():
    g = resolve([_ex("a.txt", "临汾市", ("临汾职业技术学院", "University")),
                 _ex("b.txt", "运城市", ("运城职业技术学院", "University"))])
    assert set(_names(g, "University")) == {"临汾职业技术学院", "运城职业技术学院"}


def test_full_and_short_forms_merge_with_the_rule_recorded():
    res = resolve_full([_ex("a.txt", "临汾市", ("山西建邦集团铸造有限公司", "Enterprise"), ("建邦", "Enterprise"),
                            ("晋南钢铁集团", "Enterprise"), ("晋南钢铁", "Enterprise"),
                            ("山西农业大学小麦研究所", "ResearchInstitute"), ("小麦研究所", "ResearchInstitute"),
                            ("山西农业大学", "University"))])
    g = res.graph
    assert set(_names(g, "Enterprise")) == {"山西建邦集团铸造有限公司", "晋南钢铁集团"}
    explained = {n.name: n for n in res.nodes}
    assert [(m.b, m.rule) for m in explained["山西建邦集团铸造有限公司"].merges] == [("建邦", "short_name")]
    assert [(m.b, m.rule) for m in explained["晋南钢铁集团"].merges] == [("晋南钢铁", "normalized")]
    assert [m.rule for m in explained["山西农业大学小麦研究所"].merges] == ["unit_of_parent"]
    # evidence of both mentions is kept
    assert {e.line for e in g.node_index()["ent:山西建邦集团铸造有限公司"].evidence} == {1, 2}


def test_ambiguous_short_name_stays_apart():
    g = resolve([_ex("a.txt", "运城市", ("大运汽车有限公司", "Enterprise"), ("大运新能源汽车有限公司", "Enterprise"),
                     ("大运", "Enterprise"))])
    assert "大运" in _names(g, "Enterprise")


def test_same_organisation_merges_across_cities_but_city_scoped_things_do_not():
    a = _ex("a.txt", "临汾市", ("山西中升钢铁有限公司", "Enterprise"))
    b = _ex("b.txt", "运城市", ("中升钢铁有限公司", "Enterprise"))
    for ex, city in ((a, "临汾市"), (b, "运城市")):
        ex.entities.append(EntityMention(name="高新技术企业", type="Target", city=city, scope=f"{city}/2025",
                                         evidence=Evidence(doc=ex.doc, line=9, quote="高新技术企业"),
                                         properties={"indicator": "高新技术企业", "year": 2025}))
        ex.entities.append(EntityMention(name="市气象局", type="Agency", city=city, scope=city,
                                         evidence=Evidence(doc=ex.doc, line=8, quote="市气象局")))
    g = resolve([b, a])
    ents = [n for n in g.nodes if n.type == "Enterprise"]
    assert len(ents) == 1 and ents[0].properties["cities"] == ["临汾市", "运城市"]
    assert sorted(n.id for n in g.nodes if n.type == "Target") == ["target:临汾市/高新技术企业/2025",
                                                                  "target:运城市/高新技术企业/2025"]
    assert sorted(n.id for n in g.nodes if n.type == "Agency") == ["agency:临汾市/市气象局", "agency:运城市/市气象局"]


def test_forbid_merge_reverses_a_rule_merge():
    exs = [_ex("a.txt", "临汾市", ("山西建邦集团铸造有限公司", "Enterprise"), ("建邦", "Enterprise"))]
    cur = Curation.model_validate({"forbid_merge": [{"type": "Enterprise", "names": ["建邦", "山西建邦集团铸造有限公司"],
                                                     "reason": "test: two companies", "line": 3}]})
    res = resolve_full(exs, cur)
    assert set(_names(res.graph, "Enterprise")) == {"山西建邦集团铸造有限公司", "建邦"}
    kept = {n.name: n.kept_apart for n in res.nodes}
    assert kept["建邦"] and kept["建邦"][0].detail == "vetoed by forbid_merge"
    assert [a.section for a in res.curation.actions] == ["forbid_merge"]


def test_corpus_merges_are_explained(corpus):
    """Every merged node of the corpus says which mentions merged and by which rule."""
    res = corpus.resolution
    jinnan = next(n for n in res.nodes if n.name == "晋南钢铁集团")
    assert {m.doc for m in jinnan.mentions} == {"linfen-2022-innovation-ecosystem-plan.txt"}
    assert {m.line for m in jinnan.mentions} == {248, 250, 354}
    assert all(n.merges or len({m.name for m in n.mentions}) == 1 for n in res.nodes)
    # the default curation file's alias is applied
    xz = next(n for n in res.nodes if n.name == "忻州师范学院")
    assert "忻州师院" in xz.aliases and any(m.rule == "curated" for m in xz.merges)
    assert load_curation().aliases[0].name == "忻州师范学院"


def test_one_plans_chain_wordings_do_not_merge_chains_of_other_plans():
    """九江 folds its 装备制造 into 船舶及装备制造产业链; 宝鸡's own 装备制造产业链 stays a chain of
    its own name (it was swallowed through that alias, with 16 other plans' chains)."""
    a = _ex("jiujiang.txt", "九江市", ("船舶及装备制造产业链", "IndustryChain"))
    a.entities[0].aliases = ["装备制造产业链", "装备制造"]
    b = _ex("baoji.txt", "宝鸡市", ("装备制造产业链", "IndustryChain"), ("船舶及装备制造产业链", "IndustryChain"))
    g = resolve([b, a])
    assert _names(g, "IndustryChain") == ["船舶及装备制造产业链", "装备制造产业链"]
    # the same canonical chain in two plans is one chain
    assert {e.doc for n in g.nodes if n.name == "船舶及装备制造产业链" for e in n.evidence} == {"jiujiang.txt", "baoji.txt"}


def test_an_abbreviated_enterprise_name_merges_with_the_one_full_name_it_abbreviates():
    """大西洋焊材 = 四川大西洋焊接材料股份有限公司, 中航无人机 = 中航（成都）无人机系统股份有限公司 (characters in
    order); 东风商用车 is 东风商用车有限公司, never also 东风特种商用车有限公司."""
    res = resolve_full([_ex("a.txt", "自贡市", ("四川大西洋焊接材料股份有限公司", "Enterprise"), ("大西洋焊材", "Enterprise"),
                            ("中航(成都)无人机系统股份有限公司", "Enterprise"), ("中航无人机", "Enterprise"),
                            ("东风商用车有限公司", "Enterprise"), ("东风特种商用车有限公司", "Enterprise"),
                            ("东风商用车", "Enterprise"))])
    assert set(_names(res.graph, "Enterprise")) == {"四川大西洋焊接材料股份有限公司", "中航(成都)无人机系统股份有限公司",
                                                     "东风商用车有限公司", "东风特种商用车有限公司"}
    explained = {n.name: n for n in res.nodes}
    assert [(m.b, m.rule) for m in explained["四川大西洋焊接材料股份有限公司"].merges] == [("大西洋焊材", "abbreviated")]
    assert not explained["东风特种商用车有限公司"].merges


def test_a_trade_name_inside_a_full_name_merges_with_it():
    """金瑞锰业 = 贵州松桃金瑞锰业有限责任公司 (after a county's short form), 大龙锰业 = 贵州红星发展大龙锰业有限责任
    公司 (after the parent brand), 中伟股份 = 中伟新材料股份有限公司 (brand + company form); a trade name two
    full names end with stays apart."""
    res = resolve_full([_ex("a.txt", "铜仁市", ("贵州松桃金瑞锰业有限责任公司", "Enterprise"), ("金瑞锰业", "Enterprise"),
                            ("贵州红星发展大龙锰业有限责任公司", "Enterprise"), ("大龙锰业", "Enterprise"),
                            ("中伟新材料股份有限公司", "Enterprise"), ("中伟股份", "Enterprise"),
                            ("甲地华新建材有限公司", "Enterprise"), ("乙地华新建材有限公司", "Enterprise"),
                            ("华新建材", "Enterprise"))])
    assert set(_names(res.graph, "Enterprise")) == {"贵州松桃金瑞锰业有限责任公司", "贵州红星发展大龙锰业有限责任公司",
                                                     "中伟新材料股份有限公司", "甲地华新建材有限公司", "乙地华新建材有限公司",
                                                     "华新建材"}
    explained = {n.name: n for n in res.nodes}
    assert [(m.b, m.rule) for m in explained["贵州松桃金瑞锰业有限责任公司"].merges] == [("金瑞锰业", "embedded")]
    assert [(m.b, m.rule) for m in explained["中伟新材料股份有限公司"].merges] == [("中伟股份", "embedded")]


def test_a_zone_named_with_and_without_its_province_is_one_zone():
    """四川达州国家农业科技园区 = 达州国家农业科技园区 (the province of 达州 adds nothing); a zone of the same
    generic kind in another province's city, or the province's own, stays apart."""
    res = resolve_full([_ex("a.txt", "达州市", ("四川达州国家农业科技园区", "Zone"), ("达州国家农业科技园区", "Zone"),
                            ("湖南永州国家农业科技园区", "Zone"), ("湖南省农业科技园区", "Zone"))])
    assert set(_names(res.graph, "Zone")) == {"四川达州国家农业科技园区", "湖南永州国家农业科技园区", "湖南省农业科技园区"}
    explained = {n.name: n for n in res.nodes}
    assert [(m.b, m.rule) for m in explained["四川达州国家农业科技园区"].merges] == [("达州国家农业科技园区", "normalized")]



def test_campuses_of_one_university_stay_apart():
    # 中国石油大学（华东） and 中国石油大学（北京） read the same once places are stripped; their brackets differ
    g = resolve([_ex("a.txt", "东营市", ("中国石油大学(华东)", "University")),
                 _ex("b.txt", "茂名市", ("中国石油大学(北京)", "University")),
                 _ex("c.txt", "淄博市", ("中国石油大学(华东)", "University"))])
    assert sorted(_names(g, "University")) == ["中国石油大学(北京)", "中国石油大学(华东)"]
