"""Facts stated in the forms the second rule set reads (changzhi and xinzhou plans, the linfen
reply), each with the line that states it; and the same forms in small plans written here."""

from __future__ import annotations

from kg.models import Graph

from .conftest import edges, line_of, node

CHANGZHI = "changzhi-2022-innovation-ecosystem-plan.txt"
XINZHOU = "xinzhou-2021-innovation-plan.txt"
REPLY = "linfen-2023-sci-tech-bureau-proposal-reply.txt"


def _in(g: Graph, doc: str, type_: str) -> dict[str, object]:
    return {n.name: n for n in g.nodes if n.type == type_ and any(e.doc == doc for e in n.evidence)}


def _names(g: Graph, ids) -> set[str]:
    idx = g.node_index()
    return {idx[i].name for i in ids}


# ------------------------------------------------------------------ industry chains


def test_only_the_chains_the_plan_develops(corpus):
    """Changzhi names its nine industries in headings, 完善了煤炭精细化工产业链条 (line 66) and
    新能源汽车产业…形成了…产业链 (line 68); 根据产业链和技术创新链需求 (line 208), 推进中药全产业链
    标准化建设 (line 270) name no chain of the city. The 战略性新兴产业 the 高新区 develops (line 388:
    新一代信息技术、高档数控机床及机器人、…等) are a list of the city's industries: each is a chain."""
    g = corpus.graph
    chains = set(_in(g, CHANGZHI, "IndustryChain"))
    assert chains == {"半导体光电产业链", "新材料产业链", "大数据及信创产业链", "光伏产业链", "氢能产业链", "装备制造产业链",
                      "医药健康产业链", "固废利用产业链", "现代农业产业链", "煤炭精细化工产业链", "新能源汽车产业链",
                      "信息技术产业链", "高档数控机床及机器人产业链", "航空航天设备产业链", "节能与新能源汽车产业链",
                      "生物医药与高性能医疗器械产业链"}
    city = node(g, "长治市", "City")
    developed = _names(g, [e.target for e in edges(g, "DEVELOPS_CHAIN", city)])
    assert chains <= developed
    [e] = edges(g, "DEVELOPS_CHAIN", city, node(g, "新能源汽车产业链", "IndustryChain"))
    ev = next(v for v in e.evidence if v.doc == CHANGZHI)
    assert ev.line == 68 and ev.quote.startswith("新能源汽车产业在全省率先形成了") and ev.quote in line_of(CHANGZHI, 68)


def test_other_wordings_fold_into_the_plans_chain(corpus):
    """碳基新材料 (line 177), 信创 (334) and 延伸农业产业链 (372) are wordings of the heading chains."""
    g = corpus.graph
    assert "碳基新材料" in node(g, "新材料产业链", "IndustryChain").aliases
    assert "农业产业链" in node(g, "现代农业产业链", "IndustryChain").aliases
    # 以智能制造及信创产业为主攻方向,依托清控创新基地和5G电子智造基地两大园区… (line 334)
    xc = node(g, "大数据及信创产业链", "IndustryChain")
    members = {g.node_index()[e.source].name: e for e in edges(g, "IN_CHAIN", target=xc)}
    assert {"清控创新基地", "5G电子智造基地", "山西智创城NO.5", "科大讯飞"} <= set(members)
    assert any(v.line == 334 for v in members["清控创新基地"].evidence)


def test_stages_stated_from_a_to_b(corpus):
    """半导体光电产业形成了从蓝宝石衬底、外延及芯片、封装到显示屏、照明灯具的垂直一体化产业链
    (line 66): items before 到 follow one another, the items after it are parallel end stages."""
    g = corpus.graph
    idx = g.node_index()
    stages = {n.name: n for n in g.nodes if n.type == "ChainStage" and n.id.startswith("stage:长治市/半导体光电")}
    assert {k: v.properties["order"] for k, v in stages.items()} == {
        "蓝宝石衬底": 1, "外延及芯片": 2, "封装": 3, "显示屏": 4, "照明灯具": 4}
    nxt = {(idx[e.source].name, idx[e.target].name) for e in g.edges if e.type == "NEXT_STAGE"
           and e.source in {n.id for n in stages.values()}}
    assert nxt == {("蓝宝石衬底", "外延及芯片"), ("外延及芯片", "封装"), ("封装", "显示屏"), ("封装", "照明灯具")}
    assert all(any(v.line == 66 for v in n.evidence) for n in stages.values())
    # the quoted dash sequence of line 246 is the hydrogen chain's, in order
    h2 = {n.name: n.properties["order"] for n in g.nodes if n.type == "ChainStage" and n.id.startswith("stage:长治市/氢能")}
    assert h2 == {"制氢": 1, "储运": 2, "加氢站": 3, "燃料电池": 4, "氢能综合利用": 5}


def test_stages_from_a_to_b_in_a_small_plan(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”创新规划",
        "一、产业基础",
        "示范光伏产业形成了从硅料提纯、硅片切割到电池组件、光伏电站的完整产业链。",
    ])
    stages = {m.name: m.properties["order"] for m in ex.entities if m.type == "ChainStage"}
    assert stages == {"硅料提纯": 1, "硅片切割": 2, "电池组件": 3, "光伏电站": 3}
    assert {m.name for m in ex.entities if m.type == "IndustryChain"} == {"示范光伏产业链"}


# ------------------------------------------------------------------ platforms and hosts


def test_hosts_of_yituo_list_and_tuijin_jianshe(corpus):
    """依托襄垣县山大固废产业研究院、长治武理工工程技术研究院、清华大学…研究基地等创新平台,推进
    山西省煤系固废利用工程技术研究中心、…战略联盟建设 (line 274): three hosts of two platforms."""
    g = corpus.graph
    idx = g.node_index()
    for target in ("山西省煤系固废利用工程技术研究中心", "山西省煤系固废资源化产业技术创新战略联盟"):
        p = node(g, target, "Platform")
        hosts = {idx[e.source].name: e for e in edges(g, "HOSTS", target=p)}
        assert set(hosts) == {"襄垣县山大固废产业研究院", "长治市武理工工程技术研究院", "清华大学生态环境科技成果转化创新研究基地"}
        assert all(e.evidence[0].line == 274 for e in hosts.values())
    # 襄垣县山大固废产业研究院 (line 274) and 山大固废产业研究院 (line 74) are one institute, in 襄垣县
    inst = node(g, "襄垣县山大固废产业研究院", "Platform")
    assert "山大固废产业研究院" in inst.aliases and inst.subtype == "NewRDInstitution"
    assert edges(g, "LOCATED_IN", inst, node(g, "襄垣县", "County"))


def test_host_in_brackets(corpus):
    """依托特色杂粮种质资源发掘与育种山西省重点实验室(山西农业大学谷子研究所)等平台 (line 282)."""
    g = corpus.graph
    lab = node(g, "特色杂粮种质资源发掘与育种山西省重点实验室", "Platform")
    [e] = edges(g, "HOSTS", node(g, "山西农业大学谷子研究所", "ResearchInstitute"), lab)
    assert e.evidence[0].line == 282
    base = node(g, "山西能源化工新材料中试基地", "Platform")
    assert edges(g, "HOSTS", node(g, "中国科学院山西煤炭化学研究所", "ResearchInstitute"), base)


def test_zones_host_and_a_quoted_platform(corpus):
    """依托清控创新基地和5G电子智造基地两大园区,建设…“山西智创城 NO.5” (line 334): the category
    两大园区 makes both zones (in this plan); the quoted name keeps its code."""
    g = corpus.graph
    zc = node(g, "山西智创城NO.5", "Platform")
    hosts = _names(g, [e.source for e in edges(g, "HOSTS", target=zc)])
    assert hosts == {"清控创新基地", "5G电子智造基地"}
    assert {n.type for n in g.nodes if n.name == "清控创新基地"} == {"Zone", "Platform"}  # a platform in linfen (line 76)


def test_platform_named_after_its_host(corpus):
    """依托科大讯飞人工智能系列平台,加快建设…、长治研究中心、长治AI产业加速中心 (line 234): 科大讯飞 is a
    name of the curation gazetteer; the platform named only by its place is the host's."""
    g = corpus.graph
    xf = node(g, "科大讯飞", "Enterprise")
    built = _names(g, [e.target for e in edges(g, "HOSTS", xf)])
    assert built == {"科大讯飞长治研究中心", "长治AI产业加速中心"}
    assert "长治研究中心" in node(g, "科大讯飞长治研究中心", "Platform").aliases


def test_described_platforms_are_not_entities(corpus):
    """依托…等平台,打造国家级光伏工程技术研究中心,建设光伏电池检测设备实验室和研发中试基地 (line 240)
    describes what to build; a platform name needs a place, an organisation or a host."""
    g = corpus.graph
    names = set(_in(g, CHANGZHI, "Platform"))
    assert "光伏电池检测设备实验室" not in names and "国家级光伏工程技术研究中心" not in names
    assert "山西省光伏电池工程技术研究中心" in names


def test_names_with_fields_and_verbs_inside(corpus):
    g = corpus.graph
    # 与 joining two fields, a verb inside a name, 和平 in a hospital's name
    assert node(g, "山西省血液制品与基因工程药物工程研究中心", "Platform")
    assert node(g, "氢能与燃料电池研究院", "ResearchInstitute")
    assert node(g, "太行高层次人才发展工作联盟", "Platform").subtype == "Alliance"
    assert node(g, "长治医学院附属和平医院", "Hospital")
    assert node(g, "龙芯(长治)信创产业园", "Zone")
    # 长治高新区 (line 9) and 长治国家高新区 are one zone
    z = node(g, "长治国家高新区", "Zone") if any(n.name == "长治国家高新区" for n in g.nodes) else node(g, "长治高新区", "Zone")
    assert {"长治高新区"} <= {z.name, *z.aliases}


def test_category_types_the_members(corpus):
    """…、长治能源革命研究院、长治市氢能产业创新研究院、振东药茶产业研究院等一大批新型研发机构 (line 74)."""
    g = corpus.graph
    for name in ("长治能源革命研究院", "长治市氢能产业创新研究院", "振东药茶产业研究院"):
        n = node(g, name, "Platform")
        assert n.subtype == "NewRDInstitution"
    assert not any(n.name == "长治能源革命研究院" and n.type == "ResearchInstitute" for n in g.nodes)
    # the short forms of line 208 and 280 are the same institutes
    assert "中科潞安研究院" in node(g, "山西中科潞安半导体技术研究院", "Platform").aliases
    assert "药茶产业研究院" in node(g, "振东药茶产业研究院", "Platform").aliases
    # 华北机电学校 has no type word the name finder knows; 等本地院校 makes it a university (line 296)
    assert node(g, "华北机电学校", "University")
    # 市委党校、行政学院等培训机构 (line 350): not universities
    assert not any(n.name == "行政学院" for n in g.nodes)


def test_zone_in_a_platform_name(corpus):
    """侯马经济开发区科技企业孵化器 (reply line 41) is in its zone."""
    g = corpus.graph
    inc = node(g, "侯马经济开发区科技企业孵化器", "Platform")
    [e] = edges(g, "LOCATED_IN", inc, node(g, "侯马经济开发区", "Zone"))
    assert e.evidence[0].doc == REPLY and e.evidence[0].line == 41


def test_built_in_a_city(corpus):
    """在长治建设氢能与燃料电池研究院 (line 252)."""
    g = corpus.graph
    [e] = edges(g, "LOCATED_IN", node(g, "氢能与燃料电池研究院"), node(g, "长治市", "City"))
    assert e.evidence[0].line == 252 and "在长治建设氢能与燃料电池研究院" in e.evidence[0].quote


# ------------------------------------------------------------------ collaboration


def test_city_government_collaborates(corpus):
    """市政府与武汉理工大学、太原理工大学、山西财经大学等高校签署了全面战略合作协议 (line 74): the
    government, as named. A sentence opening with 与 speaks for the city itself (与中北大学…合作设立,
    line 210; 深化与上海交大…的联动合作, line 252; 积极对接…中国运载火箭技术研究院…合作, line 390)."""
    g = corpus.graph
    idx = g.node_index()

    def partners_of(n):
        return {idx[e.target if e.source == n.id else e.source].name: e
                for e in g.edges if e.type == "COLLABORATES_WITH" and n.id in (e.source, e.target)}

    gov = node(g, "长治市人民政府", "Agency")
    assert "市政府" in gov.aliases
    by_gov = partners_of(gov)
    assert set(by_gov) == {"武汉理工大学", "太原理工大学", "山西财经大学"}
    assert by_gov["武汉理工大学"].evidence[0].line == 74
    by_city = partners_of(node(g, "长治市", "City"))
    assert {"中北大学", "太原理工大学", "山西大学", "上海交通大学", "浙江大学", "同济大学", "中国运载火箭技术研究院"} <= set(by_city)
    assert any(v.line == 252 for v in by_city["上海交通大学"].evidence)
    # 支持企业先后与清华大学、中国科学院等…建立了创新合作关系: no subject, no collaboration
    assert "清华大学" not in by_gov and "清华大学" not in by_city


def test_collaboration_subject_carried_or_stated(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”创新规划",
        "一、开放合作",
        "支持平顺县深入开展科技合作，与晋北农业大学共建试验基地。",
        "与北方理工大学、南方科技大学合作设立示范研究院。",
    ])
    collab = {(r.source, r.target) for r in ex.relations if r.type == "COLLABORATES_WITH"}
    assert ("平顺县", "晋北农业大学") in collab
    assert {("示范市", "北方理工大学"), ("示范市", "南方科技大学")} <= collab  # no subject: the plan's city


# ------------------------------------------------------------------ policies, agencies, programmes


def test_issuers_from_titles(corpus):
    g = corpus.graph
    [e] = edges(g, "ISSUED", node(g, "国务院", "Agency"),
                node(g, "国务院关于促进国家高新技术产业开发区高质量发展的若干意见", "Policy"))
    assert e.evidence[0].line == 388
    opinion = node(g, "中共长治市委关于深化人才发展体制机制改革的实施意见", "Policy")
    assert "关于深化人才发展体制机制改革的实施意见" in opinion.aliases  # cited without its issuer on line 82
    committee = node(g, "中共长治市委", "Agency")
    assert "市委" in committee.aliases and edges(g, "ISSUED", committee, opinion)
    # a 专栏 list of policies (专栏1, lines 94-117) does not say who issued each
    plan_2 = node(g, "长治市氢能产业发展规划", "Policy")
    assert not [e for e in g.edges if e.type == "ISSUED" and e.target == plan_2.id]
    # 《长治科技》杂志 (line 90) is a magazine
    assert not any(n.name == "长治科技" for n in g.nodes)
    # 科技部备案的星创天地 (line 80)
    assert any(v.line == 80 for v in node(g, "科技部", "Agency").evidence)


def test_awards_and_action_plans(corpus):
    g = corpus.graph
    city = node(g, "长治市", "City")
    award = node(g, "国家科学技术进步奖", "Program")
    assert any(v.doc == CHANGZHI and v.line == 68 for v in award.evidence)
    assert not edges(g, "RUNS_PROGRAM", city, award)  # an award received is not run by the city
    plan = g.node_index()["prog:长治市/全民科学素质行动计划"]
    [e] = edges(g, "RUNS_PROGRAM", city, plan)
    assert e.evidence[0].line == 410
    assert not any(n.name in ("“点对点”专项", "“十四五”规划及其他专项") for n in g.nodes)


# ------------------------------------------------------------------ targets


def test_targets_in_prose(corpus):
    g = corpus.graph
    idx = g.node_index()

    def t(name: str) -> dict:
        return idx[f"target:长治市/{name}/2025"].properties

    # 新建20个省级创新平台和150个市级创新平台 (line 181): one verb, two targets
    assert (t("省级创新平台")["value"], t("市级创新平台")["value"]) == (20, 150)
    assert (t("有效发明专利拥有量")["value"], t("有效发明专利拥有量")["unit"]) == (1000, "件")
    assert (t("省级创新人才")["value"], t("市级创新人才")["value"]) == (300, 1000)
    # 建成5—8个市级示范创新联盟 (line 296)
    assert (t("市级示范创新联盟")["value"], t("市级示范创新联盟")["value_max"]) == (5, 8)
    # 到2025年,智创城内累计入驻企业100家以上,引入研发机构30家以上… (line 334): the subject qualifies each
    assert t("智创城引入研发机构")["value"] == 30 and t("引入研发机构")["value"] == 30
    assert t("智创城带动就业") == {"indicator": "智创城带动就业", "value": 6000, "unit": "人", "year": 2025}
    # 逐步扩大长治市融资担保风险补偿资金规模至3000万元 (line 368), but a subsidy's rate is no target
    assert (t("长治市融资担保风险补偿资金规模")["value"], t("长治市融资担保风险补偿资金规模")["unit"]) == (3000, "万元")
    assert "target:长治市/担保费补贴/2025" not in idx
    # the prose repeat 全市技术合同交易额达到50亿元 (line 183) is the 专栏2 row 技术市场交易额 (line 194)
    row = idx["target:长治市/技术市场交易额/2025"]
    assert "技术合同交易额" in row.aliases and {v.line for v in row.evidence} >= {183, 194}
    # 每年培育认定50家以上高新技术企业 (line 290)
    assert t("每年培育认定高新技术企业")["period"] == "每年"


def test_baseline_from_rise_to(corpus):
    """省级民营科技企业由87家增加到180家 (xinzhou line 107)."""
    g = corpus.graph
    n = g.node_index()["target:忻州市/省级民营科技企业/2025"]
    assert (n.properties["value"], n.properties["baseline"]) == (180, 87)
    assert any(v.doc == XINZHOU and v.line == 107 for v in n.evidence)
