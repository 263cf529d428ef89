"""Specific facts the plans state, each with its evidence (line and verbatim quote)."""

from __future__ import annotations

from kg.models import Graph

from .conftest import LINFEN, edges, line_of, node


def test_hydrogen_chain_leader(corpus):
    g: Graph = corpus.graph
    leader, chain = node(g, "晋南钢铁集团", "Enterprise"), node(g, "氢能产业链", "IndustryChain")
    [e] = edges(g, "LEADS_CHAIN", leader, chain)
    assert e.properties["city"] == "临汾市"
    ev = e.evidence[0]
    assert (ev.doc, ev.line) == (LINFEN, 248)
    assert ev.quote == "依托晋南钢铁集团作为氢能产业链“链主”企业"
    assert "晋南钢铁" in leader.aliases  # the short form of line 250 merged into it
    # the city develops the chain, and the chain is one node for every city that names it
    assert edges(g, "DEVELOPS_CHAIN", node(g, "临汾市", "City"), chain)
    assert chain.city is None and chain.id == "chain:氢能产业链"


def test_chain_section_members_are_in_the_chain(corpus):
    """构建中医药工业快速发展科技创新链。…依托山西正元盛邦制药有限公司、… (line 257): every enterprise
    of that section is IN_CHAIN 中医药产业链, with the line it is named on."""
    g = corpus.graph
    chain = node(g, "中医药产业链", "IndustryChain")
    members = {g.node_index()[e.source].name: e for e in edges(g, "IN_CHAIN", target=chain)}
    expected = {"山西正元盛邦制药有限公司", "山西云鹏制药有限公司", "山西亨瑞达制药有限公司", "山西旺龙药业集团有限公司"}
    assert set(members) == expected
    for name, e in members.items():
        assert any(ev.line == 257 and ev.quote == name for ev in e.evidence)
    # the innovation chain of that section is the 中医药 chain's, and its 专栏 title is an alias
    ichain = node(g, "中医药工业快速发展科技创新链", "InnovationChain")
    assert "中医药工业加快发展科技创新链" in ichain.aliases
    assert edges(g, "INNOVATION_CHAIN_OF", ichain, chain)


def test_hosts_from_build_sentences(corpus):
    g = corpus.graph
    base = node(g, "铁型材中试基地", "Platform")
    assert base.subtype == "PilotBase"
    [e] = edges(g, "HOSTS", node(g, "山西建邦集团铸造有限公司", "Enterprise"), base)
    assert e.evidence[0].line == 164 and "山西建邦集团铸造有限公司建设的铁型材中试基地" in e.evidence[0].quote
    # A与B合作建设Y: both build Y, and they collaborate
    hydrogen_base = node(g, "富氢低碳冶炼热模拟系统中试基地", "Platform")
    builders = {g.node_index()[e.source].name for e in edges(g, "HOSTS", target=hydrogen_base)}
    assert builders == {"上海大学", "山西中升钢铁有限公司"}
    assert edges(g, "COLLABORATES_WITH", node(g, "山西中升钢铁有限公司"), node(g, "上海大学")) or \
        edges(g, "COLLABORATES_WITH", node(g, "上海大学"), node(g, "山西中升钢铁有限公司"))


def test_hosts_from_yituo_sentence(mini_plan):
    """依托X建设Y, also with a comma and with two platforms listed after the verb."""
    doc, ex = mini_plan([
        "示范市“十四五”创新规划",
        "一、建设创新平台",
        "依托山西示范大学建设煤基材料重点实验室和氢能储运工程技术研究中心。",
        "依托示范钢铁集团有限公司，建设特种钢中试基地。",
    ])
    hosts = {(r.source, r.target) for r in ex.relations if r.type == "HOSTS"}
    assert ("山西示范大学", "煤基材料重点实验室") in hosts
    assert ("山西示范大学", "氢能储运工程技术研究中心") in hosts
    assert ("示范钢铁集团有限公司", "特种钢中试基地") in hosts
    r = next(r for r in ex.relations if r.type == "HOSTS" and r.target == "特种钢中试基地")
    assert r.evidence.line == 4 and r.evidence.quote in doc.lines[3]


def test_chain_stage_sequence_of_zhuanlan_8(corpus):
    """专栏 8: 钢铁-焦化-化工-氢能 and 氢能制备-储存-运输-加注-终端利用, in order."""
    g = corpus.graph
    idx = g.node_index()
    ichain = g.node_index()["ichain:临汾市/氢能产业科技创新链"]
    stages = {idx[e.target].name: e for e in edges(g, "HAS_STAGE", ichain)}
    assert set(stages) == {"钢铁", "焦化", "化工", "氢能", "氢能制备", "储存", "运输", "加注", "终端利用"}
    assert stages["化工"].properties == {"order": 3, "sequence": 1}
    assert stages["加注"].properties == {"order": 4, "sequence": 2}
    nxt = {(idx[e.source].name, idx[e.target].name): e for e in g.edges
           if e.type == "NEXT_STAGE" and e.source.startswith("stage:临汾市/氢能产业科技创新链/")}
    assert set(nxt) == {("钢铁", "焦化"), ("焦化", "化工"), ("化工", "氢能"), ("氢能制备", "储存"), ("储存", "运输"),
                        ("运输", "加注"), ("加注", "终端利用")}
    assert nxt[("钢铁", "焦化")].evidence[0].line == 254 and nxt[("运输", "加注")].evidence[0].line == 255
    # a stage id is its innovation chain's plus its name: 钢铁 of 专栏7 is another node
    steel = [n for n in g.nodes if n.type == "ChainStage" and n.name == "钢铁"]
    assert {n.id for n in steel} == {"stage:临汾市/氢能产业科技创新链/钢铁", "stage:临汾市/新一代装备制造业科技创新链/钢铁"}
    # the prose sequence “钢-焦-化-氢” repeats the table and adds no stages
    assert not any(n.id.startswith("stage:临汾市/氢能产业科技创新链/") and n.name in ("钢", "焦", "化", "氢") for n in g.nodes)


def test_parallel_stages_share_an_order(corpus):
    g = corpus.graph
    for name in ("铸造生铁", "球墨铸铁", "高纯铁"):
        n = next(n for n in g.nodes if n.type == "ChainStage" and n.name == name)
        assert n.properties["order"] == 2 and n.properties["chain"] == "钢铁工业转型升级科技创新链"


def test_target_from_zhuanlan_1(corpus):
    g = corpus.graph
    t = g.node_index()["target:临汾市/研发经费投入增长/2025"]
    assert t.properties == {"indicator": "研发经费投入增长", "value": 20, "unit": "%", "year": 2025, "baseline": 1.17,
                            "baseline_year": 2020}
    assert any(ev.line == 138 and ev.quote in line_of(LINFEN, 138) for ev in t.evidence)
    # the prose repeat on line 134 is the same target
    assert "研究与试验发展经费投入每年增幅" in t.aliases
    hte = g.node_index()["target:临汾市/高新技术企业/2025"]
    assert (hte.properties["value"], hte.properties["unit"], hte.properties["baseline"]) == (150, "家", 106)
    [e] = edges(g, "SETS_TARGET", node(g, "临汾市", "City"), hte)
    # another city's target of the same indicator is another node (changzhi 专栏2, line 193)
    assert g.node_index()["target:长治市/高新技术企业/2025"].properties["value"] == 300


def test_chinese_numerals_in_targets(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”创新规划",
        "一、发展目标",
        "到2025年，培育十家高科技领军企业，省级重点实验室达到二十个。",
    ])
    targets = {m.name: m.properties for m in ex.entities if m.type == "Target"}
    assert targets["培育高科技领军企业"]["value"] == 10
    assert targets["省级重点实验室"]["value"] == 20 and targets["省级重点实验室"]["year"] == 2025


def test_list_yields_every_member(mini_plan):
    """A list joined by 、 和 及 and closed by 等 yields all its members."""
    doc, ex = mini_plan([
        "示范市“十四五”创新规划",
        "一、培育创新主体",
        "重点支持东岳、西峰、南岭和北辰及中川等企业建设研发平台。",
    ])
    names = {m.name for m in ex.entities if m.type == "Enterprise"}
    assert {"东岳", "西峰", "南岭", "北辰", "中川"} <= names
    for m in ex.entities:
        assert m.evidence.quote in doc.lines[m.evidence.line - 1]


def test_plan_is_a_policy_issued_by_its_issuer(corpus):
    g = corpus.graph
    plan = node(g, "临汾市“十四五”打造一流创新生态实施创新驱动、科教兴市、人才强市战略规划", "Policy")
    assert plan.properties["doc_number"] == "临政发〔2022〕27号"
    [e] = edges(g, "ISSUED", node(g, "临汾市人民政府", "Agency"), plan)
    assert e.evidence[0].doc == LINFEN
    # the policies 我市…先后制定了 (line 70-72) are issued by the city
    issued = {g.node_index()[e.target].name for e in edges(g, "ISSUED", node(g, "临汾市", "City"))}
    assert {"临汾市低碳创新行动计划", "临汾市“市长创新奖”奖励办法", "临汾市进一步支持科技创新的若干措施"} <= issued


def test_programmes_and_their_parts(corpus):
    g = corpus.graph
    prog = g.node_index()["prog:临汾市/“111”创新工程"]  # a programme is its city's (忻州市 runs its own)
    assert {"临汾市“111”创新工程", "“111”工程"} <= set(prog.aliases)
    city = node(g, "临汾市", "City")
    assert edges(g, "RUNS_PROGRAM", city, prog)
    runners = {e.source for e in g.edges if e.type == "RUNS_PROGRAM" and g.node_index()[e.target].name == "“111”创新工程"}
    assert runners >= {"city:临汾市", "city:忻州市"}
    qiangyi = g.node_index()["prog:临汾市/“提质强医”工程"]
    parts = {g.node_index()[e.source].name for e in edges(g, "PART_OF_PROGRAM", target=qiangyi)}
    assert parts == {"“十百千”工程", "医疗服务能力提升工程", "中医药振兴工程", "基层医疗机构提质达标工程"}
    # the pilot bases of the “111” section are part of it
    assert edges(g, "PART_OF_PROGRAM", node(g, "铁型材中试基地"), prog)


def test_located_in_county_named_in_an_enterprise(corpus):
    g = corpus.graph
    [e] = edges(g, "LOCATED_IN", node(g, "曲沃县晋之南食品有限公司"), node(g, "曲沃县", "County"))
    assert e.evidence[0].line == 266


def test_every_quote_is_verbatim(corpus):
    """Evidence on every node and edge: a verbatim substring of the cited line of the cited file."""
    lines = {d.name: d.lines for d in corpus.documents}
    assert corpus.graph.nodes and corpus.graph.edges
    for item in [*corpus.graph.nodes, *corpus.graph.edges]:
        assert item.evidence
        for ev in item.evidence:
            if ev.doc.endswith(".yaml"):
                continue  # curated facts cite the curation file (tested in test_curation)
            assert ev.quote.strip() and ev.quote in lines[ev.doc][ev.line - 1], (item, ev)


def test_ids_are_stable_across_rebuilds(corpus):
    from kg.curation import load_curation
    from kg.extract import extract
    from kg.resolve import resolve

    curation = load_curation()
    again = resolve(extract(corpus.documents, curation.gazetteer()), curation)
    assert [n.id for n in again.nodes] == [n.id for n in corpus.graph.nodes]
    assert [e.key() for e in again.edges] == [e.key() for e in corpus.graph.edges]
