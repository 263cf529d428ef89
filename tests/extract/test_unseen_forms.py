"""Forms the fifth rule set reads, found in the 晋城 and 吕梁 evaluation texts (tests/heldout; their
development use is recorded in tests/heldout/README.md): each checked in a small plan written here
and, where it matters, on the evaluation text with the line that states it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.ingest import read_document
from kg.models import Graph
from kg.resolve import resolve

from .conftest import edges, ents, node, rels

HELDOUT = Path(__file__).resolve().parents[1] / "heldout" / "plans"
JINCHENG = "jincheng-synthetic-innovation-plan.txt"
LVLIANG = "lvliang-synthetic-innovation-plan.txt"


@pytest.fixture(scope="module")
def dev_texts() -> Graph:
    """The two development evaluation texts built into one graph (no curation)."""
    docs = [read_document(HELDOUT / name) for name in (JINCHENG, LVLIANG)]
    return resolve(extract(docs))


# ------------------------------------------------------------------ chains


def test_a_table_of_several_chains(mini_plan):
    """产业链 | 链主企业 | 创新链主要环节: each row names its chain, its leaders and its stages."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "专栏2  重点产业链及创新链布局",
        "产业链\t链主企业\t创新链主要环节",
        "焦煤产业链\t示范焦煤、示范能源集团\t地质保障—智能开采—洗选加工",
        "中药材产业链\t（培育中）\t良种繁育-规范种植-中药饮片",
    ])
    assert {"焦煤产业链", "中药材产业链"} <= ents(ex, "IndustryChain")
    assert rels(ex, "LEADS_CHAIN") == {("示范焦煤", "焦煤产业链"), ("示范能源集团", "焦煤产业链")}
    stages = {(r.source, r.target) for r in ex.relations if r.type == "NEXT_STAGE"}
    assert ("地质保障", "智能开采") in stages and ("规范种植", "中药饮片") in stages
    assert {r.source for r in ex.relations if r.type == "HAS_STAGE"} == {"焦煤产业链", "中药材产业链"}


def test_table_rows_and_prose_sequences_on_the_evaluation_text(dev_texts):
    """晋城 line 252: 蓝焰控股 leads 煤层气产业链; its stages belong to 煤层气产业科技创新链, which line
    175-176 names right after the quoted sequence “资源评价—…—终端利用”."""
    g = dev_texts
    chain = node(g, "煤层气产业链", "IndustryChain")
    [lead] = [e for e in edges(g, "LEADS_CHAIN", target=chain)
              if any(v.doc.startswith("jincheng") and v.line == 252 for v in e.evidence)]
    assert g.node_index()[lead.source].name == "山西蓝焰控股股份有限公司"  # declared short name 蓝焰控股
    ichain = next(n for n in g.nodes if n.type == "InnovationChain" and n.name == "煤层气产业科技创新链")
    assert edges(g, "INNOVATION_CHAIN_OF", ichain, chain)
    stages = {g.node_index()[e.target].name for e in edges(g, "HAS_STAGE", ichain)}
    assert stages == {"资源评价", "储层改造", "高效抽采", "集输净化", "液化压缩", "终端利用"}


def test_a_heading_on_two_industries(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "（三）发展新一代信息技术与数字经济",
        "支持晋城光电科技有限公司建设工业互联网平台。",
        "第一章 发展基础与面临形势",
    ])
    assert {"信息技术产业链", "数字经济产业链"} <= ents(ex, "IndustryChain")  # 新一代: a qualifier
    assert {("晋城光电科技有限公司", "信息技术产业链"), ("晋城光电科技有限公司", "数字经济产业链")} <= rels(ex, "IN_CHAIN")
    assert not any("形势" in c or "基础" in c for c in ents(ex, "IndustryChain"))


def test_development_lists_and_zone_focus(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "培育发展智能传感器、工业软件、数据服务等产业。",
        "高平经济技术开发区（位于高平市）重点发展现代煤化工及新材料、丝麻纺织；",
        "坚持“以产业链布局创新链、以创新链提升产业链”。",
        "“材”就是新材料。重点发展特种钢、铝镁合金。",
    ])
    chains = ents(ex, "IndustryChain")
    assert {"智能传感器产业链", "工业软件产业链", "数据服务产业链", "现代煤化工及新材料产业链", "丝麻纺织产业链"} <= chains
    assert {("高平经济技术开发区", "丝麻纺织产业链")} <= rels(ex, "IN_CHAIN")
    assert ("高平经济技术开发区", "高平市") in rels(ex, "LOCATED_IN")
    assert not any("链" in c.removesuffix("产业链") for c in chains)  # slogans are not industries
    assert "特种钢产业链" not in chains  # a product list, not a place's industries


def test_one_character_industries_and_place_prefixed_words(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "（三）延伸铝产业链，推动铝镁精深加工",
        "支持吕梁氢能产业链延伸。",
    ])
    assert "铝产业链" in ents(ex, "IndustryChain")
    assert "吕梁氢能产业链" not in ents(ex, "IndustryChain")


# ------------------------------------------------------------------ names and resolution


def test_declared_and_former_names(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "支持山西示范科技创业股份有限公司（以下简称示范科创）建设研发中心。",
        "依托示范装备制造集团有限公司（原示范无烟煤矿业集团有限责任公司）建设的煤与煤层气共采国家重点实验室运行良好。",
        "示范科创牵头组建的山西省煤基化工新材料技术创新中心加快建设。",
    ])
    enterprises = ents(ex, "Enterprise")
    assert "示范科创" not in enterprises and "原示范无烟煤矿业集团有限责任公司" not in enterprises
    assert any("示范科创" in m.aliases for m in ex.entities if m.name == "山西示范科技创业股份有限公司")
    hosts = rels(ex, "HOSTS")
    assert ("示范装备制造集团有限公司", "煤与煤层气共采国家重点实验室") in hosts
    assert ("山西示范科技创业股份有限公司", "山西省煤基化工新材料技术创新中心") in hosts


def test_groups_named_by_their_brand_merge():
    from .test_resolve import _ex, _names

    g = resolve([_ex("a.txt", "吕梁市", ("山西东义煤电铝集团有限公司", "Enterprise"), ("东义集团", "Enterprise"),
                     ("山西杏花村汾酒集团有限责任公司", "Enterprise"), ("汾酒集团", "Enterprise"),
                     ("潞安集团", "Enterprise"), ("潞宝集团", "Enterprise"))])
    assert set(_names(g, "Enterprise")) == {"山西东义煤电铝集团有限公司", "山西杏花村汾酒集团有限责任公司", "潞安集团", "潞宝集团"}


# ------------------------------------------------------------------ relations


def test_collaborations_and_co_built_platforms(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "示范焦煤有限责任公司依托博士后科研工作站，与中国矿业大学、太原理工大学共建煤矿智能化联合实验室。",
        "支持鹏程集团与中国科学院山西煤炭化学研究所合作，共建碳基新材料联合研发中心。",
        "示范钢铁有限公司作为特钢产业链链主企业，牵头联合上下游企业和太原科技大学，开展技术攻关。",
        "做大做强示范研究院；与山西大学合作共建示范新材料研究院。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    assert {("示范焦煤有限责任公司", "中国矿业大学"), ("示范焦煤有限责任公司", "太原理工大学"),
            ("鹏程集团", "中国科学院山西煤炭化学研究所"), ("示范钢铁有限公司", "太原科技大学")} <= collab
    assert ("示范研究院", "山西大学") not in collab  # each ；-item has its own subject
    hosts = rels(ex, "HOSTS")
    assert {("中国矿业大学", "煤矿智能化联合实验室"), ("太原理工大学", "煤矿智能化联合实验室"),
            ("鹏程集团", "碳基新材料联合研发中心"), ("中国科学院山西煤炭化学研究所", "碳基新材料联合研发中心")} <= hosts


def test_located_in_forms(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "高平经济技术开发区位于高平市，要建设现代煤化工中试基地。",
        "以孝义市、交城县焦化园区为重点，推进焦化升级。",
    ])
    located = rels(ex, "LOCATED_IN")
    assert {("高平经济技术开发区", "高平市"), ("孝义市焦化园区", "孝义市"), ("交城县焦化园区", "交城县")} <= located


def test_programme_boxes_runners_and_shared_type_words(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "专栏3　重大创新平台建设工程",
        "1.新型研发机构培育工程：示范纳米光机电研究院、示范煤基新材料研究院。",
        "2.中试基地建设工程：高平煤化工中试基地。",
        "二、人才",
        "由市委组织部牵头，市人社局、市科技局等部门配合，深入实施“示范英才”计划，重点包括领军人才引育、"
        "青年拔尖人才支持和优秀企业家培育三项专项。",
        "由市科协牵头，实施青少年科学素质提升、农民科学素质提升等行动。",
    ])
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert {("新型研发机构培育工程", "重大创新平台建设工程"), ("示范纳米光机电研究院", "新型研发机构培育工程"),
            ("高平煤化工中试基地", "中试基地建设工程"), ("青年拔尖人才支持专项", "“示范英才”计划")} <= part_of
    assert "示范纳米光机电研究院" in {m.name for m in ex.entities if m.type == "Platform"}  # a 新型研发机构
    runs = rels(ex, "RUNS_PROGRAM")
    assert {("市人社局", "“示范英才”计划"), ("市科技局", "“示范英才”计划"), ("市科协", "青少年科学素质提升行动"),
            ("市科协", "农民科学素质提升行动")} <= runs
    assert not any(t == "“示范英才”计划" and s.endswith("市") for s, t in runs)  # the named bodies, not the city


def test_target_forms(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "三、发展目标",
        "到2025年，规模以上工业企业R&D经费支出占营业收入比重达到1.5%，高新技术企业数达到500家。",
        "市本级财政科技支出年均增长不低于百分之十五，单井平均日产量提高百分之二十以上。",
        "新增两个国家级创新平台，培育国家级专精特新“小巨人”企业10家以上、科技领军企业15家左右。",
        "新建省级工程技术研究中心15个以上、省级企业技术中心20个以上。",
    ])
    targets = {n: m for m in ex.entities if m.type == "Target" for n in (m.name, *m.aliases)}
    assert targets["规模以上工业企业R&D经费支出占营业收入比重"].properties["value"] == 1.5
    assert targets["市本级财政科技支出年均增长"].properties["value"] == 15
    assert targets["单井平均日产量提高"].properties["value"] == 20  # 百分之二十
    assert targets["新增国家级创新平台"].properties["value"] == 2
    assert targets["科技领军企业"].properties["value"] == 15
    assert "新建省级企业技术中心" in targets["省级企业技术中心"].aliases


def test_bodies_and_cities_as_partners(mini_plan):
    _, ex = mini_plan([
        "吕梁市“十四五”科技创新规划",
        "一、开放合作",
        "与榆林市共建晋陕黄河沿岸能源化工科技创新走廊。",
        "市工信局、市科技局、市统计局联合建立企业研发活动统计监测制度。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    assert ("吕梁市", "榆林市") in collab
    assert {("市工信局", "市科技局"), ("市工信局", "市统计局"), ("市科技局", "市统计局")} <= collab


def test_a_section_opening_with_a_programme(mini_plan):
    """实施“创新平台提升工程”… opening a chapter: the platforms of the chapter are part of it."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第四章 建设高能级创新平台",
        "实施“创新平台提升工程”，构建梯次创新平台体系。",
        "一、争创国家级创新平台",
        "依托奇瑞汽车股份有限公司建设汽车动力系统全国重点实验室。",
        "第五章 培育创新主体",
        "依托示范大学建设示范材料重点实验室。",
    ])
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert ("汽车动力系统全国重点实验室", "“创新平台提升”工程") in part_of  # the code in quotes, the type after
    assert not any(s == "示范材料重点实验室" for s, _ in part_of)  # another chapter


def test_a_row_that_names_its_innovation_chain(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "专栏2  重点产业科技创新链",
        "产业链\t链主企业\t创新链主要环节",
        "固废综合利用产业科技创新链\t中煤平朔集团有限公司\t固废分类收储-成分分析-高值化利用",
    ])
    assert ("固废综合利用产业科技创新链", "固废综合利用产业链") in rels(ex, "INNOVATION_CHAIN_OF")
    assert ("中煤平朔集团有限公司", "固废综合利用产业链") in rels(ex, "LEADS_CHAIN")
    assert {r.source for r in ex.relations if r.type == "HAS_STAGE"} == {"固废综合利用产业科技创新链"}


def test_a_table_of_platforms_and_their_builders(mini_plan):
    """平台类型 | 建设内容 | 依托单位: the platform of each row is hosted by the units it names."""
    _, ex = mini_plan([
        "宝鸡市“十四五”科技创新规划",
        "专栏4　重大创新平台建设工程",
        "平台类型\t建设内容\t依托单位",
        "重点实验室\t钛合金精密成形重点实验室\t宝钛集团、西北工业大学",
        "工程技术研究中心\t国家油气钻井装备工程技术研究中心（提升）\t宝鸡石油机械有限责任公司",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("宝钛集团", "钛合金精密成形重点实验室"), ("西北工业大学", "钛合金精密成形重点实验室"),
            ("宝鸡石油机械有限责任公司", "国家油气钻井装备工程技术研究中心")} <= hosts
