"""Aliases are names a user could search for, not the phrase around a name: the plan's wording of
a chain or programme is kept without lead words (我市, 对接, 的…), and cleaning an alias does not
lose the run verb in front of a list of programmes."""

from __future__ import annotations

from .conftest import node, rels


def test_chain_aliases_carry_no_phrase_around_the_name(corpus):
    """运城 line 327 形成具有较强竞争力的新能源汽车产业体系 and 临汾 line 160 聚焦我市新材料、…: the
    chains keep 新能源汽车 / 新材料 wordings, not 争力的新能源汽车产业链 / 我市新材料."""
    g = corpus.graph
    cars = node(g, "新能源汽车产业链", "IndustryChain")
    assert "新能源汽车全产业链" in cars.aliases
    assert not [a for a in cars.aliases if "的" in a]
    materials = node(g, "新材料产业链", "IndustryChain")
    assert not [a for a in materials.aliases if a.startswith(("我市", "全市"))]


def test_programme_wording_without_verbs_and_conjunctions(mini_plan):
    """对接省“三晋英才”支持计划 is no alias; 实施链长制和“链主”企业培育行动 still runs the second."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第一章 人才",
        "积极对接省“三晋英才”支持计划，把更多科技型中小企业纳入“春笋”计划。",
        "聚焦新型显示、生物医药等重点产业链，实施链长制和“链主”企业培育行动。",
    ])
    programmes = {m.name: m for m in ex.entities if m.type == "Program"}
    assert {"“三晋英才”支持计划", "“春笋”计划", "“链主”企业培育行动"} <= set(programmes)
    for m in programmes.values():
        assert not [a for a in m.aliases if a.startswith(("对接", "的", "和", "及"))], (m.name, m.aliases)
        assert not [a for a in m.aliases if "纳入" in a], (m.name, m.aliases)
    assert ("示范市", "“链主”企业培育行动") in rels(ex, "RUNS_PROGRAM")
