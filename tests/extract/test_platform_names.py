"""Forms of the fifteenth rule set: how plans outside 山西 name their platforms. A province, ministry or
joint designation inside a name (…湖南省重点实验室, 低温装备省重点实验室, …省部共建重点实验室) names it
as 山西省 does; a field-named platform is one where a host, a place or a list names it; technical
service platforms are named by the field they serve; markets, transfer centres and field stations are
platforms too, and a place names them."""

from __future__ import annotations

from .conftest import ents, rels


def test_a_province_or_ministry_inside_the_name_designates_the_platform(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 创新平台",
        "（一）重点实验室。依托怀化学院提质建设民族药用植物资源研究与利用湖南省重点实验室、武陵山片区生态农业智能控制技术湖南省重点实验室。",
        "依托开封空分建设低温装备省重点实验室；依托内蒙古科技大学建设白云鄂博矿多金属资源综合利用省部共建重点实验室。",
        "建设光伏电池检测设备实验室。",
    ])
    platforms = ents(ex, "Platform")
    assert {"民族药用植物资源研究与利用湖南省重点实验室", "武陵山片区生态农业智能控制技术湖南省重点实验室",
            "低温装备省重点实验室", "白云鄂博矿多金属资源综合利用省部共建重点实验室"} <= platforms
    assert "光伏电池检测设备实验室" not in platforms  # a description with no host, place or designation
    hosts = rels(ex, "HOSTS")
    assert {("怀化学院", "民族药用植物资源研究与利用湖南省重点实验室"),
            ("怀化学院", "武陵山片区生态农业智能控制技术湖南省重点实验室"),
            ("内蒙古科技大学", "白云鄂博矿多金属资源综合利用省部共建重点实验室")} <= hosts


def test_a_field_named_platform_where_a_place_host_or_list_names_it(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 创新平台",
        "4. 中试基地建设工程。建设生物医药、铝基新材料、智能装备等市级中试基地3个以上。",
        "在德阳经开区建设重大装备中试基地，为清洁能源装备提供服务。依托太原理工大学建设新材料工程技术研究中心。",
        "建设新材料中试基地。",
    ])
    platforms = {m.name: m for m in ex.entities if m.type == "Platform"}
    assert {"生物医药中试基地", "铝基新材料中试基地", "智能装备中试基地", "重大装备中试基地",
            "新材料工程技术研究中心"} <= set(platforms)
    assert "新材料中试基地" not in platforms  # no host, place or list: a kind
    # each list member's alias is its own printed name, not the whole list
    assert platforms["智能装备中试基地"].aliases == ["智能装备市级中试基地"]
    assert ("重大装备中试基地", "德阳经开区") in rels(ex, "LOCATED_IN")
    assert ("太原理工大学", "新材料工程技术研究中心") in rels(ex, "HOSTS")


def test_technical_service_platforms_are_named_by_the_field_they_serve(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 创新平台",
        "建设铸造产业公共技术服务平台、汽车零部件检验检测公共服务平台，推动食品产业工业互联网平台建设。",
        "完善金融综合服务平台、科技中介服务平台和网上技术交易平台，打造一体化服务平台。",
    ])
    platforms = ents(ex, "Platform")
    assert {"铸造产业公共技术服务平台", "汽车零部件检验检测公共服务平台", "食品产业工业互联网平台"} <= platforms
    assert not platforms & {"金融综合服务平台", "科技中介服务平台", "网上技术交易平台", "一体化服务平台"}


def test_markets_transfer_centres_and_stations_are_platforms_a_place_names(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第五章 成果转化",
        "建设大同市技术转移服务中心和邯郸市技术交易市场，对接网上技术市场，设立宿迁（南京）科创飞地。",
        "建设焦作市工业互联网标识解析二级节点，与西北农林科技大学共建汉中茶叶试验示范站。",
        "建设晋中开发区科技企业加速器和九洲创客空间，配置医用直线加速器。",
    ])
    platforms = ents(ex, "Platform")
    assert {"大同市技术转移服务中心", "邯郸市技术交易市场", "宿迁(南京)科创飞地", "焦作市工业互联网标识解析二级节点",
            "汉中茶叶试验示范站", "晋中开发区科技企业加速器", "九洲创客空间"} <= platforms
    assert not platforms & {"网上技术市场", "医用直线加速器"}


def test_an_item_titled_with_a_platform_and_then_its_builders(mini_plan):
    """(一)大同氢能产业研究院。由市政府与…合作共建 / 1.Y。由正清制药牵头，联合A共同建设: the builders the next
    sentence names host the platform of the title; an institute so built is a new R&D institution."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 创新平台",
        "3.许昌中原电气谷电力装备研究院。由许继集团有限公司、森源集团有限公司与许昌学院联合组建，面向电力装备开展研发。",
        "（一）大同氢能产业研究院。由市政府与清华大学合作共建，聚焦燃料电池关键材料。",
        "1.怀化生物医药产业技术研究院。由正清制药牵头，联合湖南医药学院共同建设，重点开展中药新药研发。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("许继集团有限公司", "许昌中原电气谷电力装备研究院"), ("森源集团有限公司", "许昌中原电气谷电力装备研究院"),
            ("许昌学院", "许昌中原电气谷电力装备研究院"), ("清华大学", "大同氢能产业研究院"),
            ("正清制药", "怀化生物医药产业技术研究院"), ("湖南医药学院", "怀化生物医药产业技术研究院")} <= hosts
    assert not [s for s, t in hosts if "政府" in s]  # the city partners; the institutions build it
    assert "许昌中原电气谷电力装备研究院" in ents(ex, "Platform")


def test_designated_centres_and_numbered_institutes_keep_their_whole_name(mini_plan):
    """国家认定 is part of an enterprise technology centre's name; 〇 is a digit of a numbered institute."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 创新平台",
        "推动玻纤复合材料应用。巨石集团国家认定企业技术中心要在智能制造领域发挥作用，联合中国船舶集团有限公司第七一〇研究所开展攻关。",
        "支持湘电集团有限公司建有国家认定企业技术中心，推进省部共建有机旱作农业国家重点实验室建设。",
    ])
    assert {"巨石集团国家认定企业技术中心", "省部共建有机旱作农业国家重点实验室"} <= ents(ex, "Platform")
    assert "国家认定企业技术中心" not in ents(ex, "Platform")
    assert "中国船舶集团有限公司第七一〇研究所" in ents(ex, "ResearchInstitute")


def test_the_leaders_before_lianhe_collaborate_with_its_partners(mini_plan):
    """由江淮电机牵头，联合A、B组建… / 支持惠科光电、隆基乐叶等领军企业牵头，联合…: the leaders of the clause,
    not the subject of the sentence before, work with each partner."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 创新平台",
        "应流集团牵头组建的安徽省先进铸造技术创新中心，要聚焦共性技术。由江淮电机牵头，联合合肥工业大学、安徽大学组建安徽省高效电机技术创新中心。",
        "支持惠科光电、隆基乐叶等领军企业牵头，联合中国科学技术大学、合肥工业大学等高校组建省级技术创新中心。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    assert {("江淮电机", "合肥工业大学"), ("江淮电机", "安徽大学"), ("惠科光电", "中国科学技术大学"),
            ("隆基乐叶", "中国科学技术大学"), ("隆基乐叶", "合肥工业大学")} <= collab
    assert not [p for p in collab if p[0].startswith("应流")]


def test_a_chain_named_with_its_scale_and_a_list_word_before_a_county(mini_plan):
    """五百亿级绿色化工产业集群 is the 绿色化工 chain; …高新区和平桥区电子信息产业园: 和 before a county is a list word."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 产业",
        "着力打造千亿级新能源新材料产业集群和五百亿级绿色化工产业集群。",
        "以信阳高新区和平桥区电子信息产业园为重点，引进智能终端项目。",
    ])
    assert {"新能源新材料产业链", "绿色化工产业链"} == ents(ex, "IndustryChain")
    assert {"信阳高新区", "平桥区电子信息产业园"} <= ents(ex, "Zone")


def test_a_programme_the_city_implements_and_bodies_organise(mini_plan):
    """实施X，由A、B、C共同组织: the city implements X and the bodies named organise it (all run it);
    由市委组织部牵头 is not read as 由市委…组织."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第五章 人才",
        "深入实施“菏泽英才计划”，由市委组织部、市人力资源社会保障局、市科技局共同组织，每年评选一批领军人才。",
        "实施“雁城英才计划”，由市委组织部牵头组织实施。",
    ])
    runs = rels(ex, "RUNS_PROGRAM")
    assert {("示范市", "“菏泽英才”计划"), ("市委组织部", "“菏泽英才”计划"), ("市人力资源社会保障局", "“菏泽英才”计划"),
            ("市科技局", "“菏泽英才”计划"), ("市委组织部", "“雁城英才”计划"), ("示范市", "“雁城英才”计划")} <= runs


def test_collaborations_of_an_opening_list_an_item_and_counties(mini_plan):
    """支持A、B、C等驻烟高校…，与X、Y等企业联合…: every university with every enterprise; 2.与福州大学合作共建…:
    the plan's city; 推动河北农业大学与阜平县、唐县等县合作: counties are partners."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第七章 合作",
        "支持烟台大学、鲁东大学、山东工商学院等驻烟高校围绕重点产业链优化学科专业设置，与万华化学集团股份有限公司、烟台杰瑞石油服务集团股份有限公司等企业联合开展研究生培养。",
        "1.紫金矿业集团股份有限公司牵头组建的紫金矿冶研究院，建设成为国内一流的矿冶科技创新平台；",
        "2.与福州大学合作共建福州大学龙岩研究院，围绕环保装备开展技术开发；",
        "推动河北农业大学与阜平县、唐县、涞源县等县合作，深化科技扶贫。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    for u in ("烟台大学", "鲁东大学", "山东工商学院"):
        for e in ("万华化学集团股份有限公司", "烟台杰瑞石油服务集团股份有限公司"):
            assert (u, e) in collab
    assert ("示范市", "福州大学") in collab
    assert not [p for p in collab if p[1] == "福州大学" and p[0] != "示范市"]
    assert {("河北农业大学", "阜平县"), ("河北农业大学", "唐县"), ("河北农业大学", "涞源县")} <= collab


def test_a_declared_short_name_before_yu_is_the_subject(mini_plan):
    """支持紫金矿业与中南大学、北京科技大学等高校合作: 紫金矿业 (declared 以下简称) collaborates with each."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第三章 产业",
        "以紫金矿业集团股份有限公司（以下简称紫金矿业）为“链主”，推动产业升级。",
        "第七章 合作",
        "推动我市企业与国内外高校院所开展全方位合作。支持紫金矿业与中南大学、北京科技大学等高校合作开展矿冶技术联合攻关。",
    ])
    assert {("紫金矿业集团股份有限公司", "中南大学"), ("紫金矿业集团股份有限公司", "北京科技大学")} <= rels(ex, "COLLABORATES_WITH")


def test_yu_inside_a_listed_field_joins_two_fields_of_one_platform(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第四章 平台",
        "依托河北农业大学建设作物种质资源与遗传改良、动物疫病防控等重点实验室。",
        "支持中国科学院烟台海岸带研究所开展服务，建设黄渤海海洋科学数据中心。",
    ])
    assert {"作物种质资源与遗传改良重点实验室", "动物疫病防控重点实验室", "黄渤海海洋科学数据中心"} <= ents(ex, "Platform")
    assert "作物种质资源重点实验室" not in ents(ex, "Platform")


def test_an_academy_institute_in_new_institution_text_stays_an_institute(mini_plan):
    """与北京大学、中国科学院大连化学物理研究所等高校院所合作，引进共建一批新型研发机构: the academy's institute
    is a partner, not one of the new R&D institutions."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第四章 平台",
        "（2）新型研发机构。与北京大学、中国科学院大连化学物理研究所等高校院所合作，引进共建一批新型研发机构。",
    ])
    assert "中国科学院大连化学物理研究所" in ents(ex, "ResearchInstitute")
    assert ("示范市", "中国科学院大连化学物理研究所") in rels(ex, "COLLABORATES_WITH")


def test_the_classes_of_the_city_plan_are_its_programmes(mini_plan):
    """优化市级科技计划体系，整合设立A、B、C、D四类市级科技计划: each class is a programme of the city's plan."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第九章 改革",
        "（一）改革科技项目管理。优化市级科技计划体系，整合设立重大科技专项、重点研发计划、成果转化与产业化计划、创新平台与人才计划四类市级科技计划，推行项目经费“包干制”。",
    ])
    kids = {"重大科技专项", "重点研发计划", "成果转化与产业化计划", "创新平台与人才计划"}
    assert kids <= ents(ex, "Program")
    assert {(k, "市级科技计划") for k in kids} <= rels(ex, "PART_OF_PROGRAM")


def test_the_body_an_item_rests_on_builds_what_the_next_clause_builds(mini_plan):
    """2.依托广西师范大学，建设A、B / 依托萍乡学院，联合…企业建设Y: the university hosts them."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第四章 平台",
        "（一）重点实验室。",
        "2.依托广西师范大学，建设广西漓江流域景观资源保育与可持续利用重点实验室、珍稀濒危动植物生态与环境保护教育部重点实验室。",
        "（二）建设重点实验室。依托萍乡学院，联合江西博鑫精陶环保科技有限公司等企业建设江西省先进陶瓷材料重点实验室，开展研究。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("广西师范大学", "珍稀濒危动植物生态与环境保护教育部重点实验室"), ("萍乡学院", "江西省先进陶瓷材料重点实验室"),
            ("广西师范大学", "广西漓江流域景观资源保育与可持续利用重点实验室"),
            ("江西博鑫精陶环保科技有限公司", "江西省先进陶瓷材料重点实验室")} <= hosts

