"""Forms of the fourteenth rule set. Aliases are names a user could search for, not the phrase
around a name (我市, 对接, 的… cut); a builder slot (由X牵头组建, 在X建设, a 依托单位 cell) holds an
organisation even when the plan prints only its trade name."""

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


def test_a_platform_tables_host_cells_name_organisations_without_suffixes(mini_plan):
    """依托（牵头）单位 cells hold trade names (中联重科), 市政府 and several builders; a 研究院 in the
    platform column is a platform the plan builds."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "专栏4  “十四五”重点创新平台布局",
        "平台名称\t依托（牵头）单位\t所在地",
        "湖南省建筑起重机械技术创新中心\t中联重科\t示范高新区",
        "甾体药物技术创新中心\t新合新、中南大学\t津市高新区",
        "常德智能制造研究院\t示范市人民政府、湖南大学\t示范高新区",
        "生物医药中试基地\t津市高新区管委会\t津市市",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("中联重科", "湖南省建筑起重机械技术创新中心"), ("新合新", "甾体药物技术创新中心"),
            ("中南大学", "甾体药物技术创新中心"), ("湖南大学", "常德智能制造研究院")} <= hosts
    assert any(t == "常德智能制造研究院" and "人民政府" in s for s, t in hosts)
    assert not {m.name for m in ex.entities if m.type == "Enterprise"} & {"津市高新区管委会", "示范市人民政府"}


def test_the_organisation_a_builder_slot_holds_needs_no_suffix(mini_plan):
    """由长机科技牵头组建Y / 在英杰电气建设Y: the slot says it is an organisation. The partners after
    联合 do not build it; a place (在什邡建设) and a body (由市科协牵头) are no enterprises."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "（二）由埃夫特牵头组建示范市机器人产业技术创新战略联盟，由长机科技牵头组建齿轮精密加工技术创新中心。",
        "由安阳锻压牵头，联合安阳工学院等单位组建示范市精密成形装备产业技术创新战略联盟。",
        "在英杰电气建设四川省工业电源工程技术研究中心，推动蓝剑集团在什邡建设饮品研发中心。",
        "支持仁和集团牵头成立樟树中医药产业技术创新战略联盟。由市科协牵头实施全民科学素质行动。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("埃夫特", "示范市机器人产业技术创新战略联盟"), ("长机科技", "齿轮精密加工技术创新中心"),
            ("安阳锻压", "示范市精密成形装备产业技术创新战略联盟"),
            ("英杰电气", "四川省工业电源工程技术研究中心"),
            ("仁和集团", "樟树中医药产业技术创新战略联盟")} <= hosts
    assert ("安阳工学院", "示范市精密成形装备产业技术创新战略联盟") not in hosts
    assert not {"什邡", "市科协", "集团"} & {m.name for m in ex.entities if m.type == "Enterprise"}


def test_university_science_parks_and_no_verb_inside_a_name():
    """河南师范大学国家大学科技园 / 湖北工程学院大学生科技园 are incubators; 实现 ends a name on its left
    (云梦县实现县域孵化器全覆盖 names no platform)."""
    from kg.extract.names import find_names

    found = {(n.name, n.type, n.subtype) for n in find_names("支持河南师范大学国家大学科技园、湖北工程学院大学生科技园提质增效")}
    assert {("河南师范大学国家大学科技园", "Platform", "Incubator"),
            ("湖北工程学院大学生科技园", "Platform", "Incubator")} <= found
    assert not [n for n in find_names("云梦县实现县域孵化器全覆盖") if n.type == "Platform"]


def test_a_department_is_no_part_of_a_platforms_name():
    """省科技厅新型研发机构认定管理办法: 省科技厅 is a department, no platform 省科技厅新型研发机构;
    用好/争取 stand before a department's name."""
    from kg.extract.names import find_names

    assert [(n.name, n.type) for n in find_names("和省科技厅新型研发机构认定管理办法")] == [("省科技厅", "Agency")]
    assert [(n.name, n.type) for n in find_names("用好省科技厅“科技贷”业务")] == [("省科技厅", "Agency")]
    assert [(n.name, n.type) for n in find_names("积极争取省科技厅支持")] == [("省科技厅", "Agency")]


def test_the_classes_of_a_citys_science_and_technology_plan():
    """整合形成A、B、C和D五类科技计划 / 整合设立A计划、B计划和C计划: each class is a programme the city
    runs (运城 line 393's 组织实施A计划和B计划 is read the same way)."""
    from kg.extract.programs import find_programs

    five = "优化市级科技计划体系，整合形成重大科技专项、重点研发计划、科技成果转化、创新平台建设和创新环境建设五类科技计划。"
    assert [p.name for p in find_programs(five)] == ["重大科技专项", "重点研发计划", "科技成果转化计划", "创新平台建设计划",
                                                     "创新环境建设计划"]
    four = "优化市级科技计划体系，整合设立重点研发计划、成果转化计划、科技型企业培育计划和平台基地建设计划。"
    assert [p.name for p in find_programs(four)] == ["重点研发计划", "成果转化计划", "科技型企业培育计划", "平台基地建设计划"]


def test_yuncheng_runs_both_talent_programmes_of_line_393(corpus):
    g = corpus.graph
    city = node(g, "运城市", "City")
    for name in ("引进高层次人才计划", "高素质青年专业人才计划"):
        prog = node(g, name, "Program")
        assert [e for e in g.edges if e.type == "RUNS_PROGRAM" and e.source == city.id and e.target == prog.id
                and any(v.line == 393 for v in e.evidence)], name


def test_modern_agriculture_keeps_its_modern():
    """现代 goes before a longer industry (现代生物医药和大健康 is 生物医药和大健康), not where it makes a
    term: 现代农业和食品加工, 现代煤化工及新材料."""
    from kg.extract.chains import industry_of

    assert industry_of("现代生物医药和大健康") == "生物医药和大健康"
    assert industry_of("现代农业和食品加工") == "现代农业和食品加工"
    assert industry_of("现代煤化工及新材料") == "现代煤化工及新材料"
    assert industry_of("现代农业") == "现代农业"


def test_a_demonstration_qualifier_is_no_part_of_the_industry():
    """矮砧苹果科技示范: 科技示范 qualifies the industry (配套 stays: annotators name 智能终端配套产业链)."""
    from kg.extract.chains import industry_of

    assert industry_of("矮砧苹果科技示范") == "矮砧苹果"
    assert industry_of("航空航天配套") == "航空航天配套"


def test_platform_names_as_annotators_read_them():
    """国家级 stays on a specific platform's name (国家级陶瓷产业创新中心), not on a kind (国家级企业技术中心);
    建强/提质/纳入 end a name on its left; 仁和 and 大为 are parts of names, not 和/为."""
    from kg.extract.names import find_names

    def names(t: str) -> list[tuple[str, str]]:
        return [(n.name, n.type) for n in find_names(t)]

    assert names("推动国家级陶瓷产业创新中心建设") == [("国家级陶瓷产业创新中心", "Platform")]
    assert names("争创国家级企业技术中心") == []
    assert names("建强咸阳市科技大市场") == [("咸阳市科技大市场", "Platform")]
    assert names("推动国家大型铸锻件技术创新中心纳入国家技术创新中心") == [("国家大型铸锻件技术创新中心", "Platform")]
    assert names("支持仁和集团博士后科研工作站") == [("仁和集团博士后科研工作站", "Platform")]
    assert names("在云南大为制焦有限公司设立院士工作站") == [("云南大为制焦有限公司", "Enterprise")]


def test_more_words_that_open_no_name():
    """抢抓/融入/共获/增设/重振 stand before names; 以上饶经开区: 以 is the boundary, 上饶 a city."""
    from kg.extract.names import find_names
    from kg.extract.programs import find_programs

    assert [n.name for n in find_names("以上饶经开区光学产业园为主要承载地")] == ["上饶经开区光学产业园"]
    assert [n.name for n in find_names("抢抓楚能新能源锂电池产业园建设机遇")] == ["楚能新能源锂电池产业园"]
    assert [n.name for n in find_names("融入郑洛新国家自主创新示范区建设")] == ["郑洛新国家自主创新示范区"]
    assert [p.name for p in find_programs("“十三五”期间共获省科学技术奖12项")] == ["省科学技术奖"]


def test_quoted_programmes_keep_their_kind_words():
    """“揭榜挂帅”重大科技专项 and “万企融合”大行动 are no counts (三大工程 is); 行动计划 is one kind word."""
    from kg.extract.programs import find_programs

    def names(t: str) -> list[str]:
        return [p.name for p in find_programs(t)]

    assert names("实施“揭榜挂帅”重大科技专项，每年") == ["“揭榜挂帅”重大科技专项"]
    assert names("推进“万企融合”大行动") == ["“万企融合”大行动"]
    assert names("实施“111”“1331”“136”三大工程") == ["“111”工程", "“1331”工程", "“136”工程"]
    assert names("积极参与“一带一路”科技创新行动计划") == ["“一带一路”科技创新行动计划"]


def test_a_pilots_printed_subject_is_its_alias():
    from kg.extract.programs import find_programs

    [p] = find_programs("推行科研经费“包干制”试点")
    assert p.name == "“包干制”试点" and p.aliases == ["科研经费“包干制”试点"]


def test_an_enterprise_name_a_word_inside_cut_short_opens_with_its_place():
    """山西成功汽车…, 湖北美的洗衣机…, 黄石宏和电子…: 成功/的/和 inside a name are no boundaries when a place
    opens it a few characters further left; 长治市与潞安化工… stays a city and a company."""
    from kg.extract.names import find_names

    def names(t: str) -> list[tuple[str, str]]:
        return [(n.name, n.type) for n in find_names(t)]

    for full in ("山西成功汽车制造有限公司", "湖北美的洗衣机有限公司", "黄石宏和电子材料科技有限公司", "德阳发展控股集团有限公司"):
        assert names(f"支持{full}发展") == [(full, "Enterprise")]
    assert names("推动长治市与潞安化工集团有限公司合作") == [("长治市", "City"), ("潞安化工集团有限公司", "Enterprise")]
    assert names("依托山西大学与太原钢铁有限公司") == [("山西大学", "University"), ("太原钢铁有限公司", "Enterprise")]


def test_a_partner_of_an_earlier_clause_is_not_the_next_clauses_subject(mini_plan):
    """与A、B深化院地合作；联合C、D开展攻关: the plan's voice (the city) joins C and D, not B."""
    _, ex = mini_plan([
        "邯郸市“十四五”科技创新规划",
        "第一章 开放合作",
        "与中国科学院过程工程研究所、中国矿业大学（北京）深化院地合作；联合河北医科大学、河北大学开展技术攻关。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    assert {("邯郸市", "河北医科大学"), ("邯郸市", "河北大学")} <= collab
    assert not [p for p in collab if p[0].startswith("中国")]


def test_an_item_headed_by_an_industrys_innovation_chain(mini_plan):
    """（三）生物医药创新链。依托A、B，开展…: the item is about the 生物医药 industry; its actors are in the chain."""
    _, ex = mini_plan([
        "达州市“十四五”科技创新规划",
        "第三章 围绕产业链部署创新链",
        "二、培育新兴产业创新链",
        "（三）生物医药创新链。依托达州中医药职业学院、达州市中心医院，开展道地中药材有效成分研究。",
    ])
    assert ("生物医药创新链", "生物医药产业链") in rels(ex, "INNOVATION_CHAIN_OF")
    assert {("达州中医药职业学院", "生物医药产业链"), ("达州市中心医院", "生物医药产业链")} <= rels(ex, "IN_CHAIN")
    assert ("达州市", "生物医药产业链") in rels(ex, "DEVELOPS_CHAIN")
    _, ex = mini_plan(["达州市“十四五”科技创新规划", "二、培育新兴产业创新链",
                       "（四）现代农业科技创新链。以四川达州国家农业科技园区为核心，建设“良种—良法—良机—加工”全链条。"])
    assert ("现代农业科技创新链", "现代农业产业链") in rels(ex, "INNOVATION_CHAIN_OF")


def test_upgrade_is_a_heading_verb():
    from kg.extract.chains import industry_of

    assert industry_of("升级现代纺织与时尚") == "现代纺织与时尚"
    assert industry_of("做新电子信息与软件") == "电子信息与软件"
    assert industry_of("提档食品饮料") == "食品饮料"
    assert industry_of("实体经济") is None


def test_names_around_universities():
    """河南大学科技园 is the science park of 河南大学; 平煤炭材料与河南大学…重点实验室 is a partner and the
    university's lab, not one name; 医学院士工作站 holds no college (院士)."""
    from kg.extract.names import find_names

    assert [(n.name, n.type) for n in find_names("支持河南大学科技园争创国家大学科技园")] == [("河南大学科技园", "Platform")]
    assert [n.name for n in find_names("推动平煤炭材料与河南大学特种功能材料教育部重点实验室合作")] == [
        "河南大学特种功能材料教育部重点实验室"]
    assert [n.type for n in find_names("在吉安市中心医院设立医学院士工作站")] == ["Hospital"]


def test_a_chain_leader_builds_what_it_is_to_lead(mini_plan):
    """X作为…产业链链主企业，(要)牵头组建Y: X builds Y (also a list of trade names after 支持)."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "江特电机作为电机产业链链主企业，牵头组建电机及系统技术创新联合体，重点发展高效节能电机。",
        "支持东方汽轮机、东方电机作为清洁能源装备产业链“链主”企业，牵头组建清洁能源装备产业创新联合体。",
    ])
    assert {("江特电机", "电机及系统技术创新联合体"), ("东方汽轮机", "清洁能源装备产业创新联合体"),
            ("东方电机", "清洁能源装备产业创新联合体")} <= rels(ex, "HOSTS")


def test_industries_developed_together(mini_plan):
    """推动日用陶瓷、艺术陶瓷…协同发展 names industries (by their heads); 推动产学研、大中小企业融通发展 does not."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 产业",
        "坚持传统与现代并重，推动日用陶瓷、艺术陶瓷协同发展。推动产学研、大中小企业融通发展。",
    ])
    assert rels(ex, "DEVELOPS_CHAIN") == {("示范市", "日用陶瓷产业链"), ("示范市", "艺术陶瓷产业链")}


def test_a_long_compound_heading_chain_opens_its_section(mini_plan):
    """（一）做强生物医药及新型医疗器械产业链 (11 characters of industry): the section's actors are in it."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、实施产业科技创新链建设工程",
        "（一）做强生物医药及新型医疗器械产业链",
        "支持示范药业集团有限公司在儿童用药领域发挥龙头带动作用。",
    ])
    assert ("示范市", "生物医药及新型医疗器械产业链") in rels(ex, "DEVELOPS_CHAIN")
    assert ("示范药业集团有限公司", "生物医药及新型医疗器械产业链") in rels(ex, "IN_CHAIN")


def test_a_heading_that_says_what_is_done_to_its_chain(mini_plan):
    """（二）推动钢铁及新型建材产业链高端化 / 突破半导体产业链: the sections are about those chains."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、做强优势产业链",
        "（一）推动钢铁及新型建材产业链高端化",
        "支持示范钢铁集团有限公司建设高强钢研发中心。",
        "（二）突破半导体产业链",
        "支持示范半导体有限公司开展碳化硅衬底攻关。",
    ])
    assert {("示范钢铁集团有限公司", "钢铁及新型建材产业链"), ("示范半导体有限公司", "半导体产业链")} <= rels(ex, "IN_CHAIN")


def test_the_parts_of_a_programme_box(mini_plan):
    """专栏3 重点创新平台建设工程: its numbered items (1. 重点实验室建设工程。…) and its table rows' platforms are
    parts of the programme."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第四章 建设高能级创新平台",
        "专栏3  重点创新平台建设工程",
        "1. 重点实验室建设工程。新建省级重点实验室8个。",
        "2. 技术创新中心建设工程。新建省级技术创新中心10个。",
        "",
        "专栏4  重大创新平台建设工程",
        "平台类别\t平台名称\t依托单位",
        "技术创新中心\t宝鸡钛材料技术创新中心\t宝钛集团有限公司",
    ])
    parts = rels(ex, "PART_OF_PROGRAM")
    assert {("重点实验室建设工程", "重点创新平台建设工程"), ("技术创新中心建设工程", "重点创新平台建设工程"),
            ("宝鸡钛材料技术创新中心", "重大创新平台建设工程")} <= parts


def test_the_sites_of_a_pilot(mini_plan):
    """在A、B开展X试点 / 支持A、B开展X试点: A and B take part in the pilot."""
    _, ex = mini_plan([
        "安阳市“十四五”科技创新规划",
        "第九章 改革",
        "在安阳工学院、安阳师范学院开展职务科技成果赋权改革试点，探索建立负面清单制度。",
    ])
    assert {("安阳工学院", "职务科技成果赋权改革试点"), ("安阳师范学院", "职务科技成果赋权改革试点")} <= rels(ex, "PART_OF_PROGRAM")


def test_the_classes_are_parts_of_the_citys_plan(mini_plan):
    _, ex = mini_plan([
        "汉中市“十四五”科技创新规划",
        "第九章 改革",
        "优化市级科技计划体系，整合设立重点研发计划、成果转化计划、科技型企业培育计划和平台基地建设计划。",
    ])
    parts = rels(ex, "PART_OF_PROGRAM")
    assert {(k, "市级科技计划") for k in ("重点研发计划", "成果转化计划", "科技型企业培育计划", "平台基地建设计划")} <= parts
    assert ("汉中市", "重点研发计划") in rels(ex, "RUNS_PROGRAM")


def test_named_issuers_among_several_departments(mini_plan):
    """科技部等九部门《…》 / 科技部、国家发展改革委等部门联合印发的《…》: the named departments issued it."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第九章 改革",
        "贯彻落实科技部等九部门《赋予科研人员职务科技成果所有权或长期使用权试点实施方案》，开展试点。",
        "落实科技部、国家发展改革委等部门联合印发的《长三角G60科创走廊建设方案》。",
        "修订《示范市科技计划项目管理办法》，建立项目分类评价制度。",
    ])
    issued = rels(ex, "ISSUED")
    assert ("示范市", "示范市科技计划项目管理办法") in issued  # the city revises its own rules
    assert {("科技部", "赋予科研人员职务科技成果所有权或长期使用权试点实施方案"), ("科技部", "长三角G60科创走廊建设方案"),
            ("国家发展改革委", "长三角G60科创走廊建设方案")} <= issued


def test_the_city_government_a_sentence_names_issued_its_policies(mini_plan):
    _, ex = mini_plan([
        "开封市“十四五”科技创新规划",
        "第一章 基础",
        "“十三五”期间，市委、市政府坚持把创新摆在发展全局的突出位置，先后出台《开封市科技创新奖励办法》。",
    ])
    assert rels(ex, "ISSUED") == {("市人民政府", "开封市科技创新奖励办法")}


def test_who_pushes_a_programme_forward_runs_it(mini_plan):
    _, ex = mini_plan([
        "宜宾市“十四五”科技创新规划",
        "第五章 数字",
        "实施“数字宜宾”建设行动，由市经济和信息化局会同市大数据中心组织推进。",
    ])
    assert ("市经济和信息化局", "“数字宜宾”建设行动") in rels(ex, "RUNS_PROGRAM")
