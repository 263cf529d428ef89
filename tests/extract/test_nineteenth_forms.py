"""Forms the nineteenth rule set reads, found in the development texts of tests/heldout (session 12;
docs/extraction.md, "Nineteenth iteration"): each checked in a small plan written here."""

from __future__ import annotations

from .conftest import ents, rels

# ------------------------------------------------------------------ hosts


def test_a_trade_name_that_keeps_its_place_builds_on_its_own(mini_plan):
    # 岳阳林纸 is read before the plan names it in full; its place is part of the trade name (林纸 alone
    # says nothing), so it is known as a builder from the full name the plan prints elsewhere
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "（二）建设省级平台。依托示范理工学院建设精细化工重点实验室；依托岳阳林纸建设湖南省制浆造纸工程技术研究中心。",
        "鼓励岳阳林纸股份有限公司开展林纸一体化和生物基新材料研发。",
    ])
    hosts = rels(ex, "HOSTS")
    assert ("岳阳林纸", "湖南省制浆造纸工程技术研究中心") in hosts
    assert ("示范理工学院", "精细化工重点实验室") in hosts


def test_the_one_supported_to_raise_a_platform_hosts_it(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "2.支持安琪酵母股份有限公司提升酵母工程国家地方联合工程研究中心能级，争创国家级技术创新中心。",
        "支持内江师范学院提升长江上游鱼类资源保护与利用四川省重点实验室建设水平。",
        "支持示范高新区科技企业孵化器提升专业化服务能力。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("安琪酵母股份有限公司", "酵母工程国家地方联合工程研究中心"),
            ("内江师范学院", "长江上游鱼类资源保护与利用四川省重点实验室")} <= hosts
    assert not {h for h in hosts if h[1] == "示范高新区科技企业孵化器"}  # (the one supported raises itself)


def test_a_place_or_zone_that_co_builds_an_item_hosts_it(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "1. 上饶光学光电研究院。由上饶经开区与中国科学院长春光学精密机械与物理研究所合作共建，聚焦精密光学。",
        "4. 灵璧轴承产业研究院。由灵璧县与河南科技大学共建。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("上饶经开区", "上饶光学光电研究院"), ("中国科学院长春光学精密机械与物理研究所", "上饶光学光电研究院"),
            ("灵璧县", "灵璧轴承产业研究院"), ("河南科技大学", "灵璧轴承产业研究院")} <= hosts


# ------------------------------------------------------------------ places


def test_what_a_county_of_the_city_builds_lies_in_it(mini_plan):
    _, ex = mini_plan([
        "衢州市“十四五”科技创新规划",
        "推进柯城区建设生命健康产业园，引进一批创新药项目。",
        "衢江区重点建设功能性膜材料产业园，龙游县在龙游经济开发区布局特种纸产业。",
        "宁县重点建设高原生物产业园。",  # (a county of another province: no place of this plan)
    ])
    located = rels(ex, "LOCATED_IN")
    assert {("生命健康产业园", "柯城区"), ("功能性膜材料产业园", "衢江区"), ("龙游经济开发区", "龙游县")} <= located
    assert not {x for x in located if x[1] == "宁县"}


def test_a_firm_supported_to_build_a_named_platform_by_its_trade_name_hosts_it(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "支持金瑞锰业建设贵州省电解锰清洁生产工程技术研究中心，支持贵茶建设贵州省抹茶加工工程技术研究中心。",
        "支持园区建设贵州省锰材料检测中心。",  # (a place, no firm)
    ])
    hosts = rels(ex, "HOSTS")
    assert {("金瑞锰业", "贵州省电解锰清洁生产工程技术研究中心"), ("贵茶", "贵州省抹茶加工工程技术研究中心")} <= hosts
    assert not {h for h in hosts if h[0] == "园区"}


def test_numbered_institutes_under_a_new_rd_institution_section_are_built_by_their_partners(mini_plan):
    # each item is read as a heading of its own: the 新型研发机构 section is the one above it
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "三、大力发展新型研发机构",
        "坚持多元化，引进共建一批高水平新型研发机构。重点推进以下机构建设：",
        "1.东营市政府与中国石油大学（华东）合作共建的黄河三角洲石油化工研究院；",
        "2.与北京化工大学、青岛科技大学合作共建的东营橡胶新材料研究院；",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("北京化工大学", "东营橡胶新材料研究院"), ("青岛科技大学", "东营橡胶新材料研究院")} <= hosts
    assert any(b == "黄河三角洲石油化工研究院" and a.startswith("中国石油大学") for a, b in hosts)
    assert {"黄河三角洲石油化工研究院", "东营橡胶新材料研究院"} <= ents(ex, "Platform")
