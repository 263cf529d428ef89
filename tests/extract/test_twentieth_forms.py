"""Forms the twentieth rule set reads, found in the development texts of tests/heldout (session 13;
docs/extraction.md, "Twentieth iteration"): each checked in a small plan written here."""

from __future__ import annotations

from .conftest import ents, rels

# ------------------------------------------------------------------ hosts


def test_a_bare_trade_name_in_brackets_after_a_platform_is_its_host(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "2.技术创新中心：河北省丝网产业技术创新中心（英凯模）、汽车电子热管理技术创新中心（黄山谷捷牵头）、"
        "河南省电子铜箔技术创新中心（华鑫铜箔牵头组建）。",
        "1.国家级平台：炼焦煤资源开发及综合利用国家重点实验室（提升）、尼龙新材料国家技术创新中心分中心（争创）。",
        "支持示范农科所建设广西荔枝工程技术研究中心（灵山分中心）。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("英凯模", "河北省丝网产业技术创新中心"), ("黄山谷捷", "汽车电子热管理技术创新中心"),
            ("华鑫铜箔", "河南省电子铜箔技术创新中心")} <= hosts
    # a status or a part of the platform in brackets is no host, and no enterprise
    assert {h[0] for h in hosts if h[1] == "广西荔枝工程技术研究中心"} == {"示范农科所"}
    assert not {"提升", "争创", "灵山分中心"} & ents(ex, "Enterprise")


def test_a_college_institute_listed_as_a_new_rd_institution_is_hosted_by_the_college(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "（三）新型研发机构",
        "3.新型研发机构：示范锂电产业技术研究院（市政府与南昌大学共建）、新余学院新能源研究院。",
    ])
    assert ("新余学院", "新余学院新能源研究院") in rels(ex, "HOSTS")
    assert "新余学院新能源研究院" in ents(ex, "Platform")


def test_a_university_named_after_a_place_keeps_its_own_name_as_host(mini_plan):
    # 荆门武汉大学新能源研究院 is 武汉大学's institute in 荆门, not the institute of a 荆门武汉大学
    _, ex = mini_plan([
        "荆门市“十四五”科技创新规划",
        "推动荆门武汉大学新能源研究院、襄阳华中科技大学先进制造工程研究院做大做强，支持泉州师范学院光子技术研究院建设。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("武汉大学", "荆门武汉大学新能源研究院"), ("华中科技大学", "襄阳华中科技大学先进制造工程研究院")} <= hosts
    universities = ents(ex, "University")
    assert not {"荆门武汉大学", "襄阳华中科技大学"} & universities
    assert "泉州师范学院" in universities  # (a college named for its own city keeps the name)


def test_a_trade_name_a_platform_rests_on_hosts_it_and_no_other_kind_is_hosted_by_the_clause_after(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "1. 重点实验室。支持依托TCL科技建设超高清显示技术省级重点实验室，依托惠州学院建设广东省电子功能材料重点实验室，"
        "依托惠州市中心人民医院建设市级临床医学重点实验室。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("TCL科技", "超高清显示技术省级重点实验室"), ("惠州学院", "广东省电子功能材料重点实验室")} <= hosts
    # the hospital builds the clinical laboratory of the next clause, not the one before it
    assert {h[0] for h in hosts if h[1] == "广东省电子功能材料重点实验室"} == {"惠州学院"}


# ------------------------------------------------------------------ partners and names


def test_every_firm_of_a_list_before_lianhe_works_with_the_partners(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "支持瑞星集团股份有限公司、山东阿斯德科技有限公司等龙头企业联合青岛科技大学、中国石油大学（华东）等高校，"
        "重点发展新型肥料、电子化学品。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    for firm in ("瑞星集团股份有限公司", "山东阿斯德科技有限公司"):
        assert {(firm, "青岛科技大学"), (firm, "中国石油大学(华东)")} <= collab
    assert "中国石油大学(华东)" in ents(ex, "University")  # a campus university keeps its place


# ------------------------------------------------------------------ programmes


def test_the_classes_of_the_city_plan_share_the_kind_printed_after_them(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "优化市级科技计划体系，设立重点研发、成果转化、平台建设和科技服务四类专项。",
        "完善市级科技计划体系，设立科技重大专项、重点研发计划、科技特派员专项和创新平台建设专项。",
        "深化改革，优化整合市级科技计划(专项)，形成重大科技专项、重点研发计划、科技成果转化计划、创新平台和人才计划等四类计划体系。",
    ])
    parts = {kid for kid, parent in rels(ex, "PART_OF_PROGRAM") if parent == "市级科技计划"}
    assert {"重点研发专项", "成果转化专项", "平台建设专项", "科技服务专项", "科技特派员专项", "创新平台建设专项"} <= parts
    programs = ents(ex, "Program")
    assert "创新平台和人才计划" in programs and "人才计划" not in programs  # one class, not two


def test_a_counted_quoted_part_is_named_without_the_count(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "实施“东坡英才计划”，计划包括顶尖人才引领、产业领军人才集聚、青年英才储备和“眉山工匠”培育四个专项。",
    ])
    parts = {kid for kid, _ in rels(ex, "PART_OF_PROGRAM")}
    assert {"顶尖人才引领专项", "“眉山工匠”培育专项"} <= parts


def test_every_leader_of_a_list_hosts_what_they_lead_the_setting_up_of(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "由亿纬动力、荆门格林美牵头组建荆门锂电新能源产业技术创新战略联盟。",
        "由鲁抗医药、辰欣药业牵头组建济宁市生物医药产业技术创新战略联盟。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("亿纬动力", "荆门锂电新能源产业技术创新战略联盟"), ("荆门格林美", "荆门锂电新能源产业技术创新战略联盟"),
            ("鲁抗医药", "济宁市生物医药产业技术创新战略联盟"), ("辰欣药业", "济宁市生物医药产业技术创新战略联盟")} <= hosts
