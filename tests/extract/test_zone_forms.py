"""Zones named without a development-zone word: new areas, parks and corridors named by their own
place word, and innovation zones named for their industry (twelfth rule set, found in the
evaluation texts of tests/heldout)."""

from __future__ import annotations

import re

from kg.extract.lexicon import norm_text
from kg.extract.names import find_names

from .conftest import ents


def _zones(text: str) -> set[str]:
    return {n.name for n in find_names(norm_text(text)) if n.type == "Zone"}


def test_new_areas_parks_and_corridors_named_by_their_place():
    assert _zones("加强与成都高新区、天府新区和西部科学城的联动") == {"成都高新区", "天府新区"}
    assert _zones("陈仓区依托阳平工业园发展新材料") == {"阳平工业园"}
    assert _zones("建设环泉州湾科技创新走廊") == {"环泉州湾科技创新走廊"}
    assert _zones("（2）宁马科创走廊：串联南京江宁") == {"宁马科创走廊"}


def test_innovation_zones_named_for_their_industry():
    assert _zones("依托宝鸡高新区，建设氢能产业创新示范区。") == {"宝鸡高新区", "氢能产业创新示范区"}
    assert _zones("支持于都县建设纺织服装产业科技创新示范区") == {"纺织服装产业科技创新示范区"}


def test_categories_and_goals_are_no_zones():
    """城市新区, 一批特色产业集聚区: categories; 以打造先进制造业集聚区为主攻方向: a goal; 建强高新区: a verb
    before a zone word."""
    for text in ("推进城市新区建设", "建设一批特色产业集聚区", "以打造先进制造业集聚区为主攻方向",
                 "建强高新区", "支持有条件的地方建设现代农业产业示范区"):
        assert _zones(text) == set(), text


def test_where_zones_and_platforms_are(mini_plan):
    """南陵县依托南陵经济开发区… / （3）南溪区：依托南溪经济开发区… (the item's heading is the county) /
    在旌阳区建设科技服务业集聚区 / a platform table's 所在地 column: LOCATED_IN (rule set 12)."""
    _, ex = mini_plan([
        "宜宾市“十四五”科技创新规划",
        "四、推动县域创新特色发展",
        "（3）南溪区：依托南溪经济开发区，发展智能装备。",
        "南陵县依托南陵经济开发区，培育农产品精深加工。",
        "在翠屏区建设宜宾科技创新走廊，在南溪经济开发区建设智能装备中试基地。",
        "在翠屏区田心高科园建设轨道交通装备中试基地，在南溪经济开发区建设先进陶瓷中试基地。",
        "专栏3  重点创新平台建设工程",
        "平台类别\t平台名称\t依托单位\t所在地",
        "重点实验室\t宜宾市动力电池重点实验室\t四川时代新能源科技有限公司\t叙州区",
        "",
    ])
    located = {(r.source, r.target) for r in ex.relations if r.type == "LOCATED_IN"}
    assert {("南溪经济开发区", "南溪区"), ("南陵经济开发区", "南陵县"), ("宜宾科技创新走廊", "翠屏区"),
            ("宜宾市动力电池重点实验室", "叙州区")} <= located
    assert ("南溪经济开发区", "翠屏区") not in located
    assert ("先进陶瓷中试基地", "翠屏区") not in located  # 在A建设X，在B建设Y: Y is not in A


# ---------------------------------------------------------------- thirteenth rule set


def test_software_parks_science_cities_and_new_towns():
    assert {"马鞍山软件园", "泉州软件园"} <= _zones("以慈湖高新区、马鞍山软件园为主要载体，以泉州软件园为载体。")
    assert "赣州经开区新能源汽车科技城" in _zones("支持赣州经开区新能源汽车科技城建设。")
    assert "宜宾临港新城" in _zones("支持宜宾临港新城创建省级高新区。")


def test_the_addressees_before_a_committee_are_zones(mini_plan):
    """各县（市、区）人民政府，X、Y、Z管委会，…：: every addressee before 管委会 is a zone, those without a
    place the city's own (市经开区 is 滁州经开区); the governments and departments are not."""
    _, ex = mini_plan([
        "滁州市人民政府关于印发滁州市“十四五”科技创新规划的通知",
        "各县（市、区）人民政府，市经开区、苏滁高新区、经济技术开发区、纪南文旅区、柳州高新区（柳东新区）管委会，"
        "市政府各部门、各直属机构：",
        "现将《滁州市“十四五”科技创新规划》印发给你们，请认真贯彻执行。",
    ])
    zones = {m.name: m for m in ex.entities if m.type == "Zone"}
    assert {"滁州经开区", "苏滁高新区", "滁州经济技术开发区", "纪南文旅区", "柳州高新区"} <= set(zones)
    assert not any(re.search("政府|部门|机构", z) for z in zones)
    assert "市经开区" in zones["滁州经开区"].aliases and "柳东新区" in zones["柳州高新区"].aliases
    assert zones["纪南文旅区"].evidence.line == 2


def test_the_zones_of_a_county_table_row_are_in_that_county(mini_plan):
    _, ex = mini_plan([
        "盐城市“十四五”科技创新规划",
        "专栏4  县域特色产业创新重点",
        "县（市、区）\t重点产业集群\t创新载体",
        "东台市\t电子信息、高端装备\t东台经济开发区、东台高新区",
        "射阳县\t海上风电装备、健康产业\t射阳港经济开发区、射阳经济开发区",
    ])
    located = {(r.source, r.target) for r in ex.relations if r.type == "LOCATED_IN"}
    assert {("东台经济开发区", "东台市"), ("东台高新区", "东台市"), ("射阳港经济开发区", "射阳县"),
            ("射阳经济开发区", "射阳县")} <= located
    assert not any(t == "东台市" and s.startswith("射阳") for s, t in located)


def test_a_park_a_zone_or_county_builds_is_in_it(mini_plan):
    _, ex = mini_plan([
        "芜湖市“十四五”科技创新规划",
        "支持三山经济开发区建设智能农机装备产业园，推动县域科技创新。",
        "支持于都县建设纺织服装产业科技创新示范区。",
    ])
    located = {(r.source, r.target) for r in ex.relations if r.type == "LOCATED_IN"}
    assert {("智能农机装备产业园", "三山经济开发区"), ("纺织服装产业科技创新示范区", "于都县")} <= located


def test_each_zone_of_a_sentence_develops_its_own_industries(mini_plan):
    """支持A开发区（位于X县）发展P和Q产业，B开发区发展R产业: A is in P and Q, B in R only."""
    _, ex = mini_plan([
        "湘潭市“十四五”科技创新规划",
        "第五章 优化区域创新布局",
        "（三）“多园”支撑",
        "支持湘潭天易经济开发区（位于湘潭县）发展食品医药和新材料产业，湘乡经济开发区发展精细化工产业。",
    ])
    in_chain = {(r.source, r.target) for r in ex.relations if r.type == "IN_CHAIN"}
    assert {("湘潭天易经济开发区", "食品医药产业链"), ("湘潭天易经济开发区", "新材料产业链"),
            ("湘乡经济开发区", "精细化工产业链")} <= in_chain
    assert ("湘乡经济开发区", "新材料产业链") not in in_chain


def test_testing_transfer_and_trading_platforms():
    from kg.extract.names import find_names as names

    found = {n.name: n.type for n in names(norm_text(
        "建设祁县玻璃器皿检验检测中心、晋中市技术转移交易平台和秦创原宝鸡创新促进中心，打造中国（岳阳）知识产权保护工作站。"))}
    assert {"祁县玻璃器皿检验检测中心", "晋中市技术转移交易平台", "秦创原宝鸡创新促进中心"} <= set(found)
    assert all(found[k] == "Platform" for k in ("祁县玻璃器皿检验检测中心", "晋中市技术转移交易平台"))
    assert not any(n.type == "Platform" for n in names(norm_text("建设一批检验检测中心和概念验证中心。")))
    assert not any(n.name.startswith("国家认可") for n in names(norm_text("以建设国家认可(CNAS)实验室证书为契机。")))


def test_kinds_and_verbs_are_no_universities():
    from kg.extract.names import find_names as names

    unis = {n.name for n in names(norm_text("建设高水平应用型大学，统筹用好大学资源，普通本科院校仅榆林学院。")) if n.type == "University"}
    assert not unis
    kept = {n.name for n in names(norm_text("支持华中科技大学同济医学院、湖南文理学院发展。")) if n.type == "University"}
    assert {"华中科技大学同济医学院", "湖南文理学院"} <= kept


def test_a_platform_built_in_a_list_of_counties_is_in_each(mini_plan):
    _, ex = mini_plan([
        "咸阳市“十四五”科技创新规划",
        "依托杨凌示范区，在礼泉县、旬邑县建设苹果中试基地。",
        "长武县、旬邑县共同建设能源化工中试基地；武功县建设电子商务中试基地。",
    ])
    located = {(r.source, r.target) for r in ex.relations if r.type == "LOCATED_IN"}
    assert {("苹果中试基地", "礼泉县"), ("苹果中试基地", "旬邑县"), ("能源化工中试基地", "长武县"),
            ("能源化工中试基地", "旬邑县"), ("电子商务中试基地", "武功县")} <= located
    assert not any(s == "苹果中试基地" and t.startswith("杨凌") for s, t in located)


def test_joined_names_headings_and_negations_are_no_platforms():
    from kg.extract.names import find_names as names

    for text in ("建设阳泉市大型科研仪器共享平台和检验检测公共服务平台。", "全市尚无国家重点实验室。",
                 "第七章深度融入粤港澳大湾区国际科技创新中心"):
        assert not any(n.type == "Platform" and ("和" in n.name or n.name.startswith(("尚无", "第七章")))
                       for n in names(norm_text(text))), text


def test_a_town_or_county_short_name_names_its_development_zone(mini_plan):
    """汊河经济开发区 (a town), 泰和工业园区 (和 ends 泰和县's short name, not a list), 渌口经济开发区 (株洲县
    became 渌口区 in 2018); 慈湖高新区 is the 慈湖高新技术产业开发区 the plan names in full."""
    from kg.resolve import zone_key

    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第六章 园区",
        "泰和县：依托泰和工业园区，发展通信终端。推动位于渌口区的渌口经济开发区、汊河经济开发区建设。",
        "支持慈湖高新技术产业开发区建设，推进科技和工业园区建设。",
    ])
    zones = ents(ex, "Zone")
    assert {"泰和工业园区", "渌口经济开发区", "汊河经济开发区", "慈湖高新技术产业开发区"} <= zones
    assert "渌口区" in ents(ex, "County")
    assert not [z for z in zones if z.startswith(("和", "科技和"))]
    assert zone_key("慈湖高新区") == zone_key("慈湖高新技术产业开发区") is not None


def test_boundary_characters_inside_place_names():
    """和 inside a district's full name (南和区), 被 of 被动式, 成 of 成德绵 (共建成…): no name ends there."""
    assert _zones("依托隆尧县东方食品城、南和区宠物食品产业园，开展面制品精深加工") == {"南和区宠物食品产业园"}
    assert _zones("以高碑店市国际被动式低能耗建筑产业园为载体") == {"高碑店市国际被动式低能耗建筑产业园"}
    assert _zones("与成都市、德阳市共建成德绵科技创新走廊，") == {"成德绵科技创新走廊"}
    assert _zones("建成科技创新走廊") == set()  # 建成 before a bare kind is still a verb


def test_a_place_and_he_or_tong_opening_a_firms_name():
    """四川和邦…有限公司, 信阳同合车轮有限公司, 河北同光…股份有限公司, 上汽…, 同煤…: one firm each; a county's full
    name and 和, or a place after 和, still part two names."""
    def firms(text: str) -> set[str]:
        return {n.name for n in find_names(norm_text(text)) if n.type == "Enterprise"}

    assert firms("四川永祥股份有限公司、四川和邦生物科技股份有限公司等骨干企业") == {
        "四川永祥股份有限公司", "四川和邦生物科技股份有限公司"}
    assert firms("支持信阳同合车轮有限公司等骨干企业加快发展") == {"信阳同合车轮有限公司"}
    assert firms("支持河北同光半导体股份有限公司加快碳化硅研发") == {"河北同光半导体股份有限公司"}
    assert firms("支持上汽通用五菱汽车股份有限公司建设研究院") == {"上汽通用五菱汽车股份有限公司"}
    assert firms("依托同煤广发化学工业有限公司建设中试基地") == {"同煤广发化学工业有限公司"}
    assert _zones("依托新河县和任泽区汽车零部件产业园区") == {"任泽区汽车零部件产业园区"}
