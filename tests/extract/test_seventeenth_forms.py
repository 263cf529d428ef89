"""Forms the seventeenth rule set reads, found in the development texts of tests/heldout (session 10;
docs/extraction.md, "Seventeenth iteration"): each checked in a small plan written here."""

from __future__ import annotations

from kg.extract.programs import find_programs

from .conftest import ents, rels
from .conftest import typed_names as _names


# ------------------------------------------------------------------ names


def test_names_of_academies_branches_and_cooperation_zones():
    assert ("中国工程院", "ResearchInstitute") in _names("深化与中国科学院、中国工程院的战略合作。")
    assert ("钢铁研究总院", "ResearchInstitute") in _names("与钢铁研究总院合作。")
    assert ("中国核动力研究设计院", "ResearchInstitute") in _names("依托中国核动力研究设计院。")
    # an academy's branch is no college
    assert ("中国科学院成都分院", "ResearchInstitute") in _names("与中国科学院成都分院深化全面合作。")
    assert ("贵州省中药民族药重点实验室遵义分中心", "Platform") in _names("推进贵州省中药民族药重点实验室遵义分中心建设。")
    assert ("胶类中药国家重点实验室培育基地", "Platform") in _names("支持胶类中药国家重点实验室培育基地建设。")
    assert ("湘粤科技创新合作示范区", "Zone") in _names("推进湘粤科技创新合作示范区建设。")
    assert ("成德绵国家科技成果转移转化示范区", "Zone") in _names("建设成德绵国家科技成果转移转化示范区。")
    assert not {n for n, t in _names("加强区域合作示范区建设。") if t == "Zone"}
    assert ("人民银行枣庄市中心支行", "Agency") in _names("市科技局会同市税务局、人民银行枣庄市中心支行等部门建立制度。")
    # 和 before a province's name ends the name before it
    assert ("湖南省科技厅", "Agency") in _names("落实国务院意见和湖南省科技厅政策。")


def test_two_fields_inside_a_platforms_name():
    for text, name in [("建设新能源与储能中试基地。", "新能源与储能中试基地"),
                       ("建设钛及锂电新材料技术创新中心。", "钛及锂电新材料技术创新中心"),
                       ("建设中国（柳州）汽车及装备知识产权快速维权中心。", "中国(柳州)汽车及装备知识产权快速维权中心")]:
        assert name in {n for n, _ in _names(text)}, text


def test_platforms_of_a_field_list_and_a_field_named_service_platform(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "依托示范市农林科学院建设马铃薯、食用菌、设施蔬菜等特色产业科技创新中心。",
        "在示范经开区建设智能装备检验检测公共服务平台。",
    ])
    assert {"马铃薯特色产业科技创新中心", "食用菌特色产业科技创新中心", "设施蔬菜特色产业科技创新中心",
            "智能装备检验检测公共服务平台"} <= ents(ex, "Platform")
    assert ("示范市农林科学院", "设施蔬菜特色产业科技创新中心") in rels(ex, "HOSTS")


# ------------------------------------------------------------------ hosts, partners, places


def test_hosts_that_rest_on_a_place_or_work_on_a_platform(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "支持贵溪市依托贵溪经济开发区建设铜产业科技企业加速器。",
        "依托张家口市农业科学院提升国家谷子改良中心张家口分中心能力水平。",
        "依托华中科技大学鄂州工业技术研究院建设光电子中试平台。",
        "支持东方锅炉依托清洁燃烧与烟气净化四川省重点实验室，开展高效低污染燃烧研究。",
    ])
    hosts = rels(ex, "HOSTS")
    assert ("贵溪经济开发区", "铜产业科技企业加速器") in hosts
    assert ("张家口市农业科学院", "国家谷子改良中心张家口分中心") in hosts
    assert ("华中科技大学鄂州工业技术研究院", "光电子中试平台") in hosts
    assert ("东方锅炉", "清洁燃烧与烟气净化四川省重点实验室") in hosts


def test_partners_after_a_trade_name_and_places_of_cooperation(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "支持河南三高农牧股份有限公司围绕固始鸡保种与杂交改良，联合河南农业大学开展分子育种研究。",
        "支持开封奇瑞联合同济大学、江苏大学开展新能源汽车关键技术研究。",
        "与遵义、毕节等地在酱香型白酒等领域开展科技合作。",
        "与北京、天津等地高校院所合作。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    assert ("河南三高农牧股份有限公司", "河南农业大学") in collab
    assert {("开封奇瑞", "同济大学"), ("开封奇瑞", "江苏大学")} <= collab
    assert {("示范市", "遵义市"), ("示范市", "毕节市")} <= collab
    assert not {b for a, b in collab if b in ("北京市", "天津市")}  # where the partners are, not partners


def test_located_in_reads_each_place_of_a_list(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "将位于林州市的红旗渠经济技术开发区、位于汤阴县的汤阴经济技术开发区纳入高新区协同发展。",
    ])
    assert rels(ex, "LOCATED_IN") == {("红旗渠经济技术开发区", "林州市"), ("汤阴经济技术开发区", "汤阴县")}


# ------------------------------------------------------------------ programmes


def test_programme_names_and_their_parts():
    names = {p.name for p in find_programs("实施“重大装备关键核心技术攻关工程”，每年滚动发布榜单。")}
    assert "“重大装备关键核心技术攻关”工程" in names
    assert {p.name for p in find_programs("推动规模以上工业企业研发机构全覆盖行动。")} == {"规模以上工业企业研发机构全覆盖行动"}
    assert {p.name for p in find_programs("实施产业链创新链融合发展行动。")} == {"产业链创新链融合发展行动"}
    # a discipline or 工程化 after the weaker verbs is none
    assert not find_programs("学科包括材料科学与工程、冶金工程、矿业工程。")
    assert not find_programs("推动实验室成果向工程化转化。")


def test_parts_of_a_programme_and_who_runs_it(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "由市委组织部、市人力资源社会保障局牵头实施“示范英才”计划，每年评选一批领军人才。"
        "该计划包括顶尖人才“一事一议”、领军人才引进、青年人才集聚、高技能人才培育四个子项目。",
        "深入实施“银城英才”计划，由市委组织部牵头，市科技局、市人力资源社会保障局共同组织实施。",
        "（三）实施规上工业企业研发活动全覆盖行动。由市经济和信息化局会同市科技局推进规模以上工业企业研发机构建设。",
    ])
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert {("领军人才引进", "“示范英才”计划"), ("高技能人才培育", "“示范英才”计划")} <= part_of
    runs = rels(ex, "RUNS_PROGRAM")
    assert {("市委组织部", "“银城英才”计划"), ("市科技局", "“银城英才”计划"),
            ("市人力资源社会保障局", "“银城英才”计划")} <= runs
    assert {("市经济和信息化局", "规上工业企业研发活动全覆盖行动"), ("市科技局", "规上工业企业研发活动全覆盖行动")} <= runs


# ------------------------------------------------------------------ chains


def test_chain_words_that_are_steps_places_or_bodies(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "二、做强氢能产业链",
        "以示范氢能科技有限公司为链主企业，打造集制氢、储运、加注、应用于一体的氢能全产业链。",
        "三、优化布局",
        "推动创新资源向产业集群集聚。",
        "将示范高新区打造成为全市科技创新核心区和高新技术产业集聚区。",
        "巩固提升装备制造、先进材料、食品饮料三大主导产业。",
    ])
    chains = ents(ex, "IndustryChain")
    assert {"氢能产业链", "装备制造产业链", "先进材料产业链", "食品饮料产业链"} <= chains
    assert not {c for c in chains if c.startswith(("集制氢", "储运", "加注", "创新资源", "科技创新核心区", "高新技术"))}


def test_a_wording_that_opens_a_chain_joined_to_a_second_industry(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、做强生物医药大健康产业链",
        "支持示范药业有限公司开展新药研发。",
        "二、县域创新",
        "永丰县：依托永丰工业园区，发展碳酸钙新材料、生物医药，建设碳酸钙中试基地。",
    ])
    chains = ents(ex, "IndustryChain")
    assert "生物医药大健康产业链" in chains and "生物医药产业链" not in chains
    assert ("永丰工业园区", "生物医药大健康产业链") in rels(ex, "IN_CHAIN")


def test_an_innovation_chain_named_with_its_scope_word(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "二、做强冶金新材料产业链",
        "实施低碳冶金技术示范，打造“原料—冶炼—轧制—深加工—资源循环”全流程的冶金新材料创新链。",
    ])
    assert "冶金新材料创新链" in ents(ex, "InnovationChain")
    assert "全流程的冶金新材料创新链" not in ents(ex, "InnovationChain")
