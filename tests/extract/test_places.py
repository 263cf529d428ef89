"""Places outside Shanxi: a plan of any Chinese city names its counties, zones and bureaus by
places the national division table (kg/extract/divisions.csv) knows; Shanxi keeps its own map."""

from __future__ import annotations

from kg.extract.lexicon import (
    CITIES,
    COUNTY_CITY,
    place_prefix,
    short_province,
    trie_pattern,
)


def _of(ex, type_: str) -> dict[str, object]:
    return {m.name: m for m in ex.entities if m.type == type_}


def test_national_division_table():
    assert COUNTY_CITY["偃师市"] == "洛阳市" and COUNTY_CITY["栾川县"] == "洛阳市"
    assert COUNTY_CITY["尧都区"] == "临汾市" and CITIES[0] == "太原市" and "洛阳市" in CITIES
    # a name two places share cannot say which; everyday words are not places
    assert "朝阳区" not in COUNTY_CITY and "老城区" not in COUNTY_CITY and "城区" not in COUNTY_CITY
    assert [short_province(p) for p in ("黑龙江省", "广西壮族自治区", "内蒙古自治区", "北京市")] == ["黑龙江", "广西", "内蒙古", "北京"]


def test_place_prefix_prefers_the_longest_form_that_leaves_a_name():
    assert place_prefix("洛阳市第一人民医院") == "洛阳市"
    assert place_prefix("河南平高电气") == "河南"
    assert place_prefix("中原科技城") is None  # 中原区's short form is not a place
    assert place_prefix("临汾市", min_rest=1) == "临汾" and place_prefix("临汾", min_rest=1) is None


def test_trie_pattern_matches_like_an_alternation():
    import re

    words = ["长治", "长治市", "长子县", "长", "临汾市"]
    rx = re.compile(trie_pattern(words))
    assert [m.group(0) for m in rx.finditer("长治市与长子县、临汾市及长")] == ["长治市", "长子县", "临汾市", "长"]


def test_a_plan_of_a_city_outside_shanxi(mini_plan):
    doc, ex = mini_plan([
        "洛阳市人民政府关于印发洛阳市“十四五”科技创新规划的通知",
        "一、重点任务",
        "洛阳高新区、偃师市产业集聚区要加快集聚创新资源。",
        "由洛阳市科学技术局牵头，在栾川县建设洛阳钼钨新材料中试基地。",
        "支持偃师市、孟津县发展智能装备。",
    ], name="luoyang-mini.txt")
    assert doc.meta.city == "洛阳市"
    zones, counties, agencies = _of(ex, "Zone"), _of(ex, "County"), _of(ex, "Agency")
    assert "洛阳高新区" in zones and "偃师市产业集聚区" in zones
    assert {"偃师市", "孟津县", "栾川县"} <= set(counties)
    assert "洛阳市科学技术局" in agencies
    located = {(r.source, r.target) for r in ex.relations if r.type == "LOCATED_IN"}
    assert ("洛阳钼钨新材料中试基地", "栾川县") in located  # 在栾川县建设…: the full county form


def test_lead_enterprise_forms_of_other_plans(mini_plan):
    """Forms of naming a chain's leader beyond the corpus: 担任…产业链链主, 以X为龙头的…产业集群,
    X是全市…产业的龙头企业, …产业链链主企业X (only a typed name leads after 企业)."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "支持示范光伏科技有限公司担任光伏产业链链主。",
        "打造以示范重工集团为龙头的矿山装备产业集群。",
        "示范特钢集团是全市特钢产业的龙头企业。",
        "氢能产业链链主企业示范氢能科技有限公司，联合上下游企业开展攻关。",
        "新材料产业龙头企业不断壮大。",
    ], name="leads-mini.txt")
    leads = {(r.source, r.target) for r in ex.relations if r.type == "LEADS_CHAIN"}
    assert leads == {("示范光伏科技有限公司", "光伏产业链"), ("示范重工集团", "矿山装备产业链"),
                     ("示范特钢集团", "特钢产业链"), ("示范氢能科技有限公司", "氢能产业链")}
