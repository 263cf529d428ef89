"""The forms of naming a developed industry that the third rule set reads, checked on the Yuncheng
plan (a development set from the third rule set on) and on small plans read through the real ingest:
technology-area items (——新能源汽车技术。), development verbs on one industry in prose, lists of a
plan's key industries (…等核心产业), a product before a list of steps (风力发电机研发、制造、运维产业链),
stage sequences where no innovation chain is named, and zones distributed over listed counties."""

from __future__ import annotations

from kg.models import Graph

from .conftest import edges, line_of, node

YUNCHENG = "yuncheng-2022-innovation-ecosystem-plan.txt"


def _developed(g: Graph, city: str) -> dict[str, list[int]]:
    idx = g.node_index()
    out: dict[str, list[int]] = {}
    for e in edges(g, "DEVELOPS_CHAIN", node(g, city, "City")):
        out[idx[e.target].name] = sorted(v.line for v in e.evidence if v.doc == YUNCHENG)
    return out


def test_technology_area_items_are_developed_chains(corpus):
    """——信息技术应用创新产业技术。(335) … ——新能源技术。(361): each item names the chain of an industry."""
    dev = _developed(corpus.graph, "运城市")
    for chain, line in [("信息技术应用创新产业链", 335), ("轨道交通产业链", 339), ("半导体产业链", 341),
                        ("特种金属材料产业链", 345), ("炭基新材料产业链", 347), ("新型化工材料产业链", 349),
                        ("煤炭高效清洁利用产业链", 353), ("生物医药和大健康产业链", 355), ("新能源产业链", 361)]:
        assert line in dev[chain], (chain, dev.get(chain))
    ev = next(v for e in edges(corpus.graph, "DEVELOPS_CHAIN", target=node(corpus.graph, "轨道交通产业链", "IndustryChain"))
              for v in e.evidence if v.line == 339)
    assert ev.quote == "轨道交通技术及智能制造装备" and ev.quote in line_of(YUNCHENG, 339)


def test_development_verbs_and_key_industry_lists(corpus):
    """推动外加剂产业技术突破 / 全面提升苹果产业发展水平 (135); 针对先进装备制造、精品钢、…等核心产业 (283)."""
    dev = _developed(corpus.graph, "运城市")
    assert 135 in dev["外加剂产业链"] and 135 in dev["苹果产业链"]
    for chain in ("精品钢产业链", "数字经济产业链", "节能环保产业链", "新能源产业链", "装备制造产业链"):
        assert 283 in dev[chain], chain
    # 标准化生产、收储、运输、加工、销售等全产业链 (357) is a list of steps, not a chain
    assert not any("标准化" in n.name for n in corpus.graph.nodes if n.type == "IndustryChain")
    # 重点打造风力发电机研发、制造、运维产业链 (361): the product names the chain
    assert 361 in dev["风力发电机产业链"]


def test_stages_of_a_chain_with_no_named_innovation_chain(corpus):
    """“发酵基原料—原料药—化学制剂”、“中药材种植—中药饮片—中成药”产业链 (355), inside the item
    ——现代生物医药和大健康产业技术: the stages belong to that industry chain; no innovation chain is invented."""
    g = corpus.graph
    idx = g.node_index()
    chain = node(g, "生物医药和大健康产业链", "IndustryChain")
    has = {idx[e.target].name: (e.properties["sequence"], e.properties["order"]) for e in edges(g, "HAS_STAGE", chain)}
    assert has == {"发酵基原料": (1, 1), "原料药": (1, 2), "化学制剂": (1, 3),
                   "中药材种植": (2, 1), "中药饮片": (2, 2), "中成药": (2, 3)}
    assert not any(n.type == "InnovationChain" and any(v.doc == YUNCHENG for v in n.evidence) for n in g.nodes)
    nxt = {(idx[e.source].name, idx[e.target].name) for e in edges(g, "NEXT_STAGE")
           if any(v.doc == YUNCHENG and v.line == 355 for v in e.evidence)}
    assert nxt == {("发酵基原料", "原料药"), ("原料药", "化学制剂"), ("中药材种植", "中药饮片"), ("中药饮片", "中成药")}


def test_zones_distributed_over_listed_counties(corpus):
    """重点建设万荣、临猗两个省级现代农业产业示范区 (273): two zones, each in its county."""
    g = corpus.graph
    for county in ("万荣县", "临猗县"):
        zone = node(g, county[:2] + "省级现代农业产业示范区", "Zone")
        [e] = edges(g, "LOCATED_IN", zone, node(g, county, "County"))
        assert e.evidence[0].line == 273 and e.evidence[0].quote in line_of(YUNCHENG, 273)
        assert zone.city == "运城市"


def test_printed_programme_form_and_infixed_short_name(corpus):
    """“1331 工程” (147) and “1331工程” (165) are the programme “1331”工程; 大运汽车 (211) is 大运新能源汽车 (327)."""
    g = corpus.graph
    prog = next(n for n in g.nodes if n.type == "Program" and n.id.startswith("prog:运城市/") and "1331工程" in n.aliases)
    assert prog.name == "“1331”工程"
    dayun = node(g, "大运汽车", "Enterprise")
    assert dayun.name == "大运新能源汽车" and "大运汽车" in dayun.aliases


def test_forms_in_a_small_plan(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”创新规划",
        "一、重点任务",
        "（一）突破核心技术",
        "——储能电池产业技术。形成“正极材料—电芯—储能系统”产业链,建设一批重点实验室。",
        "——锻造技术。推动锻件标准化。",
        "（二）壮大产业",
        "壮大我市铸造产业集群,推动光伏玻璃产业高质量发展;重点建设甲乙、丙丁两个省级产业示范区。",
    ])
    chains = {m.name for m in ex.entities if m.type == "IndustryChain"}
    assert {"储能电池产业链", "锻造产业链", "铸造产业链", "光伏玻璃产业链"} <= chains
    stages = {m.name: m.properties["chain"] for m in ex.entities if m.type == "ChainStage"}
    assert stages == {"正极材料": "储能电池产业链", "电芯": "储能电池产业链", "储能系统": "储能电池产业链"}
    # 甲乙 and 丙丁 are not counties: no zones are made up from them
    assert not [m for m in ex.entities if m.type == "Zone" and m.rule == "distributed_zone"]


def test_lists_of_future_industries_and_counted_clusters(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”创新规划",
        "一、产业布局",
        "积极布局先进储能、新一代无人机、合成生物等未来产业。",
        "推动发展碳纤维复合材料、钕铁硼和精密铸件产业创新发展。",
        "围绕我市八大标志性引领性产业集群和五大杂粮深加工产业集群,加强平台布局。",
    ])
    developed = {r.target for r in ex.relations if r.type == "DEVELOPS_CHAIN"}
    assert {"先进储能产业链", "储能产业链"} & developed  # 先进 is a qualifier the canonical name may drop
    assert {"新一代无人机产业链", "无人机产业链"} & developed
    assert {"合成生物产业链", "碳纤维复合材料产业链", "钕铁硼产业链", "精密铸件产业链", "杂粮深加工产业链"} <= developed
    # 推动发展…: the verb is not part of the first industry; 标志性引领性 is no industry
    assert not any(c.startswith(("发展", "推动", "积极", "布局")) or "标志性" in c for c in developed)


REPLY = "linfen-2023-sci-tech-bureau-proposal-reply.txt"


def test_a_reply_is_not_a_policy_and_answers_a_proposal(corpus):
    """The 2023 reply is correspondence: its own title (line 11) and the proposal it answers
    (您提出的《…》, line 17) are no policies; 我们…制定了《…》 (line 29) is the writing bureau's, but
    科学编制了《…规划》 is drafting: the 2022 plan keeps its own issuer, the city government."""
    g = corpus.graph
    policies = {n.name for n in g.nodes if n.type == "Policy" and any(v.doc == REPLY for v in n.evidence)}
    assert not any("提案的答复" in p or p == "持续打造一流创新生态实施创新驱动发展战略" for p in policies)
    bureau = node(g, "临汾市科学技术局", "Agency")
    issued = {g.node_index()[e.target].name for e in edges(g, "ISSUED", bureau)
              if any(v.doc == REPLY and v.line == 29 for v in e.evidence)}
    assert {"临汾市全面构建创新生态工作方案", "临汾市“市长创新奖”奖励办法"} <= issued
    assert "临汾市“十四五”新技术发展规划" not in issued
    plan = node(g, "临汾市“十四五”打造一流创新生态实施创新驱动、科教兴市、人才强市战略规划", "Policy")
    assert {g.node_index()[e.source].name for e in edges(g, "ISSUED", target=plan)} == {"临汾市人民政府"}


def test_a_named_pilot_and_its_sites(corpus):
    """要继续探索开展赋予科研人员职务科技成果所有权或长期使用权试点工作。在山西农业大学小麦研究所、
    临汾职业技术学院、山西电子科技学院（筹）等院校开展试点 (line 63); 持续推动省校合作和双千工程."""
    g = corpus.graph
    pilot = node(g, "赋予科研人员职务科技成果所有权或长期使用权试点", "Program")
    idx = g.node_index()
    sites = {idx[e.source].name: e for e in edges(g, "PART_OF_PROGRAM", target=pilot)}
    assert {"山西农业大学小麦研究所", "临汾职业技术学院", "山西电子科技学院(筹)"} <= set(sites)
    assert all(any(v.doc == REPLY and v.line == 63 for v in e.evidence) for e in sites.values())
    assert edges(g, "RUNS_PROGRAM", node(g, "临汾市", "City"), pilot)
    assert any(v.doc == REPLY and v.line == 63 for v in node(g, "双千工程", "Program").evidence)
