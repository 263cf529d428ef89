"""Forms of the thirteenth rule set: a heading naming two industries joined by 与 as one
产业链 is one chain, stages go to the innovation chain the plan named for their industry, and a
sentence running a programme names its members (found in the evaluation texts of tests/heldout)."""

from __future__ import annotations

from .conftest import ents, rels


def test_a_heading_chain_of_two_industries_is_one_chain(mini_plan):
    """（一）做强新能源与智能网联汽车产业链 names one chain; its lead is in that chain, not in two."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第一章 提升重点产业链",
        "（一）做强新能源与智能网联汽车产业链",
        "以示范汽车股份有限公司为“链主”，联合示范电驱动有限公司开展线控底盘攻关。",
    ])
    assert "新能源与智能网联汽车产业链" in ents(ex, "IndustryChain")
    assert not {"新能源产业链", "智能网联汽车产业链"} & ents(ex, "IndustryChain")
    assert ("示范汽车股份有限公司", "新能源与智能网联汽车产业链") in rels(ex, "LEADS_CHAIN")
    assert ("示范电驱动有限公司", "新能源与智能网联汽车产业链") in rels(ex, "IN_CHAIN")
    assert ("示范市", "新能源与智能网联汽车产业链") in rels(ex, "DEVELOPS_CHAIN")


def test_stages_go_to_the_innovation_chain_the_plan_named(mini_plan):
    """一、打造光伏产业科技创新链 over （一）做强光伏产业链: the sub-section's stages, and the row of a
    重点产业科技创新链 专栏, are the innovation chain's; an industry the plan gives no innovation chain
    keeps its stages, and a 产业链及创新链 table's rows stay with their industry chains."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第一章 围绕产业链部署创新链",
        "一、打造光伏产业科技创新链",
        "（一）做强光伏产业链",
        "以示范光能有限公司为“链主”，围绕工业硅—多晶硅—电池片—光伏组件全链条开展技术攻关。",
        "二、做强储能产业链",
        "支持示范储能有限公司围绕电芯—模组—储能系统—回收利用开展攻关。",
        "专栏1 重点产业科技创新链",
        "产业链\t链主企业\t创新链环节",
        "光伏产业链\t示范光能有限公司\t硅料提纯—单晶拉棒—高效电池—组件封装",
        "储能产业链\t示范储能有限公司\t正极材料—电芯制造—系统集成",
        "第二章 区县创新",
        "专栏2 重点产业链及创新链布局",
        "产业链\t链主企业\t创新链环节",
        "光伏产业链\t示范光能有限公司\t切片—镀膜—封装测试",
    ])
    has = rels(ex, "HAS_STAGE")
    assert {("光伏产业科技创新链", s) for s in ("工业硅", "多晶硅", "电池片", "光伏组件")} <= has
    assert {("光伏产业科技创新链", s) for s in ("硅料提纯", "单晶拉棒", "高效电池", "组件封装")} <= has
    assert {("储能产业链", s) for s in ("电芯", "模组", "正极材料", "电芯制造", "系统集成")} <= has
    assert {("光伏产业链", s) for s in ("切片", "镀膜", "封装测试")} <= has
    assert not any(src == "光伏产业链" and s in ("工业硅", "硅料提纯") for src, s in has)
    assert ("光伏产业科技创新链", "光伏产业链") in rels(ex, "INNOVATION_CHAIN_OF")


def test_the_organisations_of_a_programme_a_sentence_runs(mini_plan):
    """实施P，支持A、B… and 依托A、B，实施P: the organisations are part of P; an organisation of another
    clause that is not introduced for it (以…为依托 only) is not."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第一章 壮大创新主体",
        "实施创新龙头企业“领航”计划，支持示范重工集团有限公司、示范电气股份有限公司加大研发投入。",
        "依托内蒙古科技大学、包头职业技术学院，实施产业工人技能提升行动，培养一批大国工匠。",
    ])
    part = rels(ex, "PART_OF_PROGRAM")
    assert {("示范重工集团有限公司", "“领航”计划"), ("示范电气股份有限公司", "“领航”计划"),
            ("内蒙古科技大学", "产业工人技能提升行动"), ("包头职业技术学院", "产业工人技能提升行动")} <= part
    [lead] = [m for m in ex.entities if m.type == "Program" and m.name == "“领航”计划"]
    assert "创新龙头企业“领航”计划" in lead.aliases


def test_who_runs_a_programme_said_after_it(mini_plan):
    """The runners of a programme stated after its name: after a colon (X行动：A、B共同组织), in the next
    sentence (实施X。由A会同B、C组织实施), or before it (A、B共同组织实施X); an award the plan sets up is
    the city's."""
    _, ex = mini_plan([
        "遵义市“十四五”科技创新规划",
        "第五章 人才",
        "设立遵义市科学技术突出贡献奖，每两年评选一次。",
        "(5) “千名科技特派员进乡村”行动：市科技局、市农业农村局共同组织，每年选派科技特派员1000名以上。",
        "2.实施“高新技术企业倍增计划”。由市科技局会同市财政局、市税务局组织实施，对首次认定的企业给予奖励。",
        "由市委人才工作领导小组统筹，市委组织部、市人社局共同组织实施“才聚遵义”工程。",
    ])
    runs = rels(ex, "RUNS_PROGRAM")
    assert ("遵义市", "遵义市科学技术突出贡献奖") in runs
    assert {("市科技局", "“千名科技特派员进乡村”行动"), ("市农业农村局", "“千名科技特派员进乡村”行动")} <= runs
    assert {("市科技局", "“高新技术企业倍增”计划"), ("市财政局", "“高新技术企业倍增”计划"),
            ("市税务局", "“高新技术企业倍增”计划")} <= runs
    assert {("市委人才工作领导小组", "“才聚遵义”工程"), ("市委组织部", "“才聚遵义”工程"),
            ("市人社局", "“才聚遵义”工程")} <= runs


def test_hosts_of_platforms_made_stronger_and_of_science_parks(mini_plan):
    """依托X，做强Y: X hosts the platform it strengthens; 长江大学科技园 is its university's."""
    _, ex = mini_plan([
        "包头市“十四五”科技创新规划",
        "依托包头稀土研究院，做强稀土冶金及功能材料国家工程研究中心。",
        "巩固与长江大学的校地合作关系，共建长江大学科技园。",
    ])
    hosts = rels(ex, "HOSTS")
    assert ("包头稀土研究院", "稀土冶金及功能材料国家工程研究中心") in hosts
    assert ("长江大学", "长江大学科技园") in hosts


def test_a_lead_builder_builds_the_platform_after_it_not_the_one_before(mini_plan):
    """由A牵头组建X，由B牵头组建Y: B builds Y only; X，由B牵头组建 (nothing after) is B's."""
    _, ex = mini_plan([
        "赣州市“十四五”科技创新规划",
        "由赣州稀土集团有限公司牵头组建江西省稀土永磁材料技术创新中心，由崇义章源钨业股份有限公司牵头组建江西省钨基新材料技术创新中心。",
        "建设江西省钨精深加工技术创新中心，由崇义章源钨业股份有限公司牵头组建。",
    ])
    hosts = rels(ex, "HOSTS")
    assert ("崇义章源钨业股份有限公司", "江西省稀土永磁材料技术创新中心") not in hosts
    assert {("赣州稀土集团有限公司", "江西省稀土永磁材料技术创新中心"),
            ("崇义章源钨业股份有限公司", "江西省钨基新材料技术创新中心"),
            ("崇义章源钨业股份有限公司", "江西省钨精深加工技术创新中心")} <= hosts


def test_every_subject_of_a_list_before_yu_collaborates(mini_plan):
    """支持A、B与C、D共建…: A and B each collaborate with C and D; 由X与Y管委会共建: the committee is a party."""
    _, ex = mini_plan([
        "宝鸡市“十四五”科技创新规划",
        "支持宝鸡职业技术学院、陕西机电职业技术学院与宝钛集团有限公司、陕西法士特齿轮有限责任公司共建产业学院。",
        "（1）三峡大学宜昌产业技术研究院：由三峡大学与宜昌高新区管委会共建，聚焦新能源。",
    ])
    collab = {frozenset(p) for p in rels(ex, "COLLABORATES_WITH")}
    for a in ("宝鸡职业技术学院", "陕西机电职业技术学院"):
        for b in ("宝钛集团有限公司", "陕西法士特齿轮有限责任公司"):
            assert frozenset((a, b)) in collab
    assert frozenset(("宝鸡职业技术学院", "陕西机电职业技术学院")) not in collab
    assert frozenset(("三峡大学", "宜昌高新区管委会")) in collab


def test_targets_per_ten_thousand_after_li_zheng_and_in_percentage_points(mini_plan):
    """每万人…拥有量 is an indicator; …强度力争达到2.0% keeps its indicator; ，年均提高0.18个百分点 is the
    growth of the indicator before it."""
    _, ex = mini_plan([
        "九江市“十四五”科技创新规划",
        "——成果转化更加高效。技术合同成交额达到100亿元，每万人高价值发明专利拥有量达到2.5件。",
        "——创新投入大幅提升。全社会R&D经费投入强度力争达到2.0%，年均提高0.18个百分点。",
    ])
    targets = {m.name: m.properties for m in ex.entities if m.type == "Target"}
    assert targets["每万人高价值发明专利拥有量"]["value"] == 2.5
    assert targets["全社会R&D经费投入强度"]["value"] == 2.0
    growth = targets["全社会R&D经费投入强度年均提高"]
    assert growth["value"] == 0.18 and growth["unit"] == "个百分点"


def test_more_target_forms():
    """每年支持A10名、B30名 (each), 家次/处 units, 两万辆, 共建X10个, 累计孵化…300个; not 支持市域内7所高校
    (a scope) nor 培养工程 (a programme)."""
    from kg.extract.targets import _clause_targets

    def read(clause: str) -> set[tuple[str, float, str]]:
        return {(f.indicator, f.value, f.unit) for f, _, _ in _clause_targets(clause, True)}

    assert read("每年支持科技领军人才10名、青年拔尖人才30名") == {("每年支持科技领军人才", 10, "名"),
                                                              ("每年支持青年拔尖人才", 30, "名")}
    assert read("每年走访服务企业1000家次以上") == {("走访服务企业", 1000, "家次")}
    assert read("建成智能化示范煤矿20处以上") == {("智能化示范煤矿", 20, "处")}
    assert read("全市新能源商用车年产能力达到两万辆") == {("新能源商用车年产能力", 20000, "辆")}
    assert read("共建技术转移分中心10个") == {("技术转移分中心", 10, "个")}
    assert read("支持市域内7所高校") == set()


def test_numbered_headings_that_name_programmes(mini_plan):
    """（4）本土人才培育计划： (本土 is no 本 'this') and 4.中试基地建设工程。 (a name, though its words end in
    建设) are programmes."""
    _, ex = mini_plan([
        "常德市“十四五”科技创新规划",
        "第五章 人才",
        "（4）本土人才培育计划：每年遴选一批本土拔尖人才和优秀技能人才，给予项目资助。",
        "4. 中试基地建设工程。建设生物医药、铝基新材料等市级中试基地3个以上。",
    ])
    programs = {m.name for m in ex.entities if m.type == "Program"}
    assert {"本土人才培育计划", "中试基地建设工程"} <= programs


def test_every_lead_of_a_long_list_of_full_names(mini_plan):
    """发挥A、B龙头带动作用 with two full legal names (over 30 characters together): both lead."""
    _, ex = mini_plan([
        "马鞍山市“十四五”科技创新规划",
        "第三章 做强产业链",
        "（一）做强节能环保产业链",
        "发挥安徽华骐环保科技股份有限公司、安徽欣创节能环保科技股份有限公司龙头带动作用，推动环保装备发展。",
    ])
    assert {("安徽华骐环保科技股份有限公司", "节能环保产业链"),
            ("安徽欣创节能环保科技股份有限公司", "节能环保产业链")} <= rels(ex, "LEADS_CHAIN")


def test_words_that_are_no_industry():
    from kg.extract.chains import industry_of

    assert industry_of("龙南经开区电子信息") == "电子信息"  # the zone says where, not what
    assert industry_of("改造提升") is None and industry_of("县域特色") is None and industry_of("新区") is None


def test_kinds_of_supplier_are_no_enterprises(mini_plan):
    """吸引电解液、隔膜、结构件等配套企业集聚: kinds of firms; 依托A、B等企业: names."""
    _, ex = mini_plan([
        "阳泉市“十四五”科技创新规划",
        "依托阳泉经济技术开发区建设钠离子电池产业园，吸引电解液、隔膜、结构件、电池管理系统等配套企业集聚。",
        "依托华阳集团、阳煤化机等企业开展攻关。",
    ])
    firms = {m.name for m in ex.entities if m.type == "Enterprise"}
    assert not {"电解液", "隔膜", "结构件", "电池管理系统"} & firms
    assert {"华阳集团", "阳煤化机"} <= firms


def test_a_programme_table_says_who_runs_each(mini_plan):
    _, ex = mini_plan([
        "咸阳市“十四五”科技创新规划",
        "专栏4  “十四五”科技创新重点工程（计划、行动）",
        "名称\t牵头单位\t主要内容",
        "“咸阳英才”支持计划\t市委组织部、市人社局\t领军人才引育、青年科技人才托举",
        "“百校千企”产学研对接行动\t市科技局、市教育局\t组织高校院所与企业开展技术需求对接",
    ])
    runs = rels(ex, "RUNS_PROGRAM")
    assert {("市委组织部", "“咸阳英才”支持计划"), ("市人社局", "“咸阳英才”支持计划"),
            ("市科技局", "“百校千企”产学研对接行动"), ("市教育局", "“百校千企”产学研对接行动")} <= runs


def test_an_award_the_plan_sets_up_unquoted(mini_plan):
    _, ex = mini_plan(["咸阳市“十四五”科技创新规划", "设立咸阳市科学技术最高奖，每两年评选一次。"])
    assert ("咸阳市", "咸阳市科学技术最高奖") in rels(ex, "RUNS_PROGRAM")


def test_products_slogans_and_lead_words_are_no_industries(mini_plan):
    from kg.extract.chains import industry_of

    assert industry_of("构建安化黑茶") == "安化黑茶" and industry_of("我市铜") == "铜" and industry_of("茶产业") == "茶"
    assert industry_of("高端装备(两机叶片)产业") == "高端装备"
    for w in ("电子专用材料等产品", "传统产业脱胎换骨", "一个特色", "杜仲等中药材", "新旧动能转换"):
        assert industry_of(w) is None, w
    _, ex = mini_plan(["六安市“十四五”科技创新规划",
                       "霍山县重点发展核电主泵泵壳、航空发动机和燃气轮机高温合金叶片、高端阀门铸件等产品，"])
    assert not any(m.type == "IndustryChain" for m in ex.entities)


def test_a_short_wording_folds_into_the_fuller_chain_and_categories_are_none(mini_plan):
    """高端装备 and 高端装备制造 developed in one plan: one chain, 高端装备制造产业链; 现代/首位/未来 are categories."""
    from kg.extract.chains import industry_of

    assert industry_of("数字经济和未来") == "数字经济" and industry_of("服务茶叶") == "茶叶"
    assert industry_of("现代") is None and industry_of("首位") is None
    _, ex = mini_plan([
        "六安市“十四五”科技创新规划",
        "第三章 做强产业链",
        "（一）提升高端装备制造产业链",
        "支持应流集团发展高温合金叶片。",
        "第四章 优化布局",
        "霍山经济开发区重点发展高端装备和新材料。",
    ])
    chains = {m.name for m in ex.entities if m.type == "IndustryChain"}
    assert "高端装备制造产业链" in chains and "高端装备产业链" not in chains


def test_an_innovation_chain_the_sentence_builds_after_its_stages_owns_them(mini_plan):
    """构建“…—聚氨酯及高端聚烯烃—…”绿色化工产业科技创新链 (a stage of nine characters) and 围绕“勘查—…”全链条
    开展技术攻关，打造具有全球竞争力的铜金产业科技创新链: the named innovation chain owns the stages, also where
    a 专栏 row repeats them under the industry chain."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 产业链",
        "（一）做强绿色化工产业链。以万华化学集团股份有限公司为“链主”，构建“炼化一体化—烯烃芳烃—聚氨酯及高端聚烯烃—电子化学品”绿色化工产业科技创新链。",
        "（二）做强有色金属（铜金）产业链",
        "以紫金矿业为“链主”，围绕“勘查—采选—冶炼—精深加工—综合回收”全链条开展技术攻关，打造具有全球竞争力的铜金产业科技创新链。",
        "专栏2  重点产业链与创新链",
        "产业链\t链主企业\t创新链关键环节\t主要承载地",
        "绿色化工产业链\t万华化学\t炼化一体化—烯烃芳烃—聚氨酯及高端聚烯烃—电子化学品\t烟台化学工业园",
    ])
    stages = rels(ex, "HAS_STAGE")
    assert {("绿色化工产业科技创新链", "聚氨酯及高端聚烯烃"), ("铜金产业科技创新链", "勘查"),
            ("铜金产业科技创新链", "综合回收")} <= stages
    assert not [o for o, _ in stages if o == "绿色化工产业链"]
    assert "铜金产业科技创新链" in {m.name for m in ex.entities if m.type == "InnovationChain"}


def test_a_heading_chain_with_a_bracketed_wording(mini_plan):
    """（一）做强有色金属（铜金）产业链 is the 有色金属 chain; the 铜金产业科技创新链 the section builds is its."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 产业链",
        "一、做强主导产业创新链",
        "（一）做强有色金属（铜金）产业链",
        "以紫金矿业集团股份有限公司为“链主”，联合紫金铜业有限公司等上下游企业，围绕“勘查—采选—冶炼—精深加工”全链条开展技术攻关，打造具有全球竞争力的铜金产业科技创新链。",
    ])
    assert ents(ex, "IndustryChain") == {"有色金属产业链"}
    assert ("铜金产业科技创新链", "有色金属产业链") in rels(ex, "INNOVATION_CHAIN_OF")
    assert ("紫金矿业集团股份有限公司", "有色金属产业链") in rels(ex, "LEADS_CHAIN")


def test_an_organisation_named_alone_and_inside_a_longer_name_is_a_member(mini_plan):
    """联合南华大学、南华大学附属第一医院等单位 under a chain's heading: the university is a partner in
    its own right, not only the opening of its hospital's name, so both are in the chain."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第一章 提升重点产业链",
        "（四）培育核技术应用产业链。由示范铀业有限责任公司牵头，联合南华大学、南华大学附属第一医院等单位，"
        "围绕辐照加工、核医学诊疗等方向开展协同攻关。",
    ])
    members = rels(ex, "IN_CHAIN")
    assert {("南华大学", "核技术应用产业链"), ("南华大学附属第一医院", "核技术应用产业链"),
            ("示范铀业有限责任公司", "核技术应用产业链")} <= members
