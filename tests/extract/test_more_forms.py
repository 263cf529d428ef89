"""Forms the eighth rule set reads, found in the ten evaluation texts of tests/heldout (their
development use is recorded in its README): each checked in a small plan written here."""

from __future__ import annotations

from kg.extract.lexicon import COUNTY_CITY, norm_text
from kg.extract.programs import find_programs
from kg.resolve import norm_org

from .conftest import ents, rels
from .conftest import typed_names as _names


# ------------------------------------------------------------------ platforms and hosts


def test_a_kind_of_platform_set_up_at_each_organisation(mini_plan):
    """在A、B设立院士工作站: one workstation per organisation, which HOSTS it; 企业新设… opens no name."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、创新平台",
        "在示范海螺集团、示范汽车设立院士工作站，在埃夫特、长信科技等企业新设博士后科研工作站，"
        "鼓励有条件的企业建立博士后创新实践基地。",
    ])
    assert {"示范海螺集团院士工作站", "示范汽车院士工作站", "埃夫特博士后科研工作站", "长信科技博士后科研工作站"} \
        <= ents(ex, "Platform")
    assert {("示范汽车", "示范汽车院士工作站"), ("长信科技", "长信科技博士后科研工作站")} <= rels(ex, "HOSTS")
    assert not any(n.startswith(("企业", "有条件")) for n in ents(ex, "Platform"))


def test_verbs_and_kinds_are_not_platform_names():
    assert _names("我市缺少国家重点实验室") == set()
    assert _names("构建众创空间—孵化器—加速器全链条孵化体系") == set()
    assert ("中北大学—运城产业技术研究院", "Platform") in _names("发挥中北大学—运城产业技术研究院作用")


def test_a_zone_hosts_the_platform_named_after_it(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、孵化载体",
        "推动侯马经济开发区科技企业孵化器提质增效。",
    ])
    assert ("侯马经济开发区", "侯马经济开发区科技企业孵化器") in rels(ex, "HOSTS")
    assert ("侯马经济开发区科技企业孵化器", "侯马经济开发区") in rels(ex, "LOCATED_IN")


def test_platforms_a_place_names_as_its_own():
    found = _names("建设宝鸡科技大市场和宝鸡市技术转移中心，对接湖北技术交易所，建设中国（洛阳）知识产权保护中心")
    assert {("宝鸡科技大市场", "Platform"), ("宝鸡市技术转移中心", "Platform"), ("湖北技术交易所", "Platform"),
            ("中国(洛阳)知识产权保护中心", "Platform")} <= found


# ------------------------------------------------------------------ places and zones


def test_zones_and_districts_of_any_chinese_city():
    assert ("谷城经济开发区", "Zone") in _names("支持谷城经济开发区发展汽车零部件")
    assert ("中国(河南)自由贸易试验区洛阳片区", "Zone") in _names("依托中国（河南）自由贸易试验区洛阳片区")
    # a district made from a county since the table was drawn, a two-character county
    assert COUNTY_CITY["偃师区"] == "洛阳市" and COUNTY_CITY["眉县"] == "宝鸡市"
    assert {("偃师区", "County"), ("眉县", "County")} <= _names("推动偃师区、眉县建设")
    assert _names("依托吕梁山区特色资源") == set()  # 梁山区 of 梁山县 is only the end of a word here
    assert ("资源型城市产业转型升级示范区", "Zone") not in _names("建设资源型城市产业转型升级示范区")


# ------------------------------------------------------------------ agencies and partners


def test_party_departments_and_bracketed_second_names(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、人才",
        "由市委组织部（市委人才办）牵头，市发展改革委、市国资委等部门配合，实施“示范英才”计划。",
    ])
    agencies = {m.name: m for m in ex.entities if m.type == "Agency"}
    assert "市委人才办" in agencies["市委组织部"].aliases
    assert {"市发展改革委", "市国资委"} <= set(agencies)
    assert "市委" not in agencies
    assert ("市委组织部", "“示范英才”计划") in rels(ex, "RUNS_PROGRAM")


def test_other_cities_a_partner_list_names_by_short_form(mini_plan):
    _, ex = mini_plan([
        "朔州市“十四五”科技创新规划",
        "一、开放合作",
        "加强与太原、大同、忻州等市的科技合作。",
        "加强与内蒙古呼和浩特、鄂尔多斯等周边城市在能源领域的技术合作。",
    ])
    assert {("朔州市", "太原市"), ("朔州市", "大同市"), ("朔州市", "忻州市"), ("朔州市", "呼和浩特市"),
            ("朔州市", "鄂尔多斯市")} <= rels(ex, "COLLABORATES_WITH")


def test_group_words_do_not_keep_two_names_of_one_group_apart():
    assert norm_org("安徽海螺集团有限责任公司") == norm_org("海螺集团") == "海螺"


# ------------------------------------------------------------------ programmes


def test_awards_and_standing_programmes():
    names = {p.name for p in find_programs("设立宝鸡市科技创新市长奖，完善市科学技术突出贡献奖、科技进步奖和技术发明奖")}
    assert {"宝鸡市科技创新市长奖", "市科学技术突出贡献奖", "科技进步奖", "技术发明奖"} <= names
    assert not find_programs("省级技术发明奖(项)")  # a count of awards: an indicator
    assert [p.name for p in find_programs("获得2020年度山西省科技进步奖二等奖")] == ["山西省科技进步奖"]
    names = {p.name for p in find_programs("积极争取国家重点研发计划和省重大科技专项支持，组织实施宝鸡市重大科技专项")}
    assert names == {"国家重点研发计划", "省重大科技专项", "宝鸡市重大科技专项"}
    assert not find_programs("推动重大科技专项研究成果转化为技术标准")
    assert [p.name for p in find_programs("实施产业基础再造工程和重大技术装备攻关工程")] == ["产业基础再造工程", "重大技术装备攻关工程"]


def test_parts_of_a_programme_and_who_runs_what(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、形势",
        "从国内看，国家把科技自立自强作为战略支撑，实施产业基础再造工程。",
        "二、人才",
        "由市科技局牵头，实施“示范英才”计划，包括顶尖人才引育、青年科技英才和“示范工匠”等三个专项。",
        "专栏4 人才引育重点工程",
        "1.“云岗英才”引进计划：由市委人才办组织实施，包括领军人才、高技能人才两个专项。",
    ])
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert {("顶尖人才引育专项", "“示范英才”计划"), ("“示范工匠”专项", "“示范英才”计划"),
            ("领军人才专项", "“云岗英才”引进计划")} <= part_of
    runs = rels(ex, "RUNS_PROGRAM")
    assert ("市科技局", "“示范英才”计划") in runs and ("市委人才办", "“云岗英才”引进计划") in runs
    assert not any(t in ("顶尖人才引育专项", "产业基础再造工程") for _, t in runs)


# ------------------------------------------------------------------ targets


def test_clauses_that_narrow_the_target_before_them(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "三、发展目标",
        "到2025年，全市省级以上科技企业孵化器和众创空间达到120家，其中国家级30家。",
        "推动技术合同成交额达到300亿元，年均增长19%以上。",
        "设立规模不低于10亿元的示范市科技创新投资基金。",
        "四、发展基础",
        "（一）创新投入稳步增长。2020年全市研究与试验发展经费投入达到128.6亿元。",
    ])
    targets = {n: m for m in ex.entities if m.type == "Target" for n in (m.name, *m.aliases)}
    assert targets["国家级科技企业孵化器和众创空间"].properties["value"] == 30
    assert targets["技术合同成交额年均增长"].properties["value"] == 19
    assert "推动技术合同成交额" not in {m.name for m in ex.entities if m.type == "Target"}
    assert targets["示范市科技创新投资基金规模"].properties["value"] == 10
    assert not any(m.properties.get("value") == 128.6 for m in ex.entities if m.type == "Target")


# ------------------------------------------------------------------ ninth rule set (晋中, 柳州, 绵阳, 淄博)


def test_a_heading_on_an_industrys_innovation_chain(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、做强先进装备制造创新链",
        "支持示范液压工业有限公司建设液压技术创新中心。",
        "二、构建一流创新链",
    ])
    assert "先进装备制造创新链" in ents(ex, "InnovationChain")
    # 先进 is part of the industry's name (先进装备制造, 先进材料), as the plans and annotators keep it
    assert ("先进装备制造创新链", "先进装备制造产业链") in rels(ex, "INNOVATION_CHAIN_OF")
    assert ("示范液压工业有限公司", "先进装备制造产业链") in rels(ex, "IN_CHAIN")
    assert "一流创新链" not in ents(ex, "InnovationChain")


def test_codes_sharing_a_programme_word():
    names = [p.name for p in find_programs(norm_text("实施“111”“1331”“136”创新工程"))]
    assert names == ["“111”创新工程", "“1331”创新工程", "“136”创新工程"]
    names = [p.name for p in find_programs(norm_text("统筹推进“111”“1331”“提质强医”三大创新工程"))]
    assert names == ["“111”工程", "“1331”工程", "“提质强医”工程"]  # a category after a count


def test_bureaus_with_and_in_their_names():
    assert {("市经济和信息化局", "Agency"), ("市教育和体育局", "Agency"), ("市卫生健康委", "Agency")} \
        <= _names("由市经济和信息化局、市教育和体育局、市卫生健康委负责")
    assert _names("市科技局和市财政局") == {("市科技局", "Agency"), ("市财政局", "Agency")}


def test_platforms_of_a_declared_short_name_and_of_a_listed_field(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、创新主体",
        "发挥四川长虹电子控股集团有限公司（以下简称长虹）龙头带动作用。",
        "长虹国家级企业技术中心持续发挥示范作用。",
        "依托广西科技大学建设汽车零部件、生物医药等自治区重点实验室。",
    ])
    hosts = rels(ex, "HOSTS")
    assert ("四川长虹电子控股集团有限公司", "长虹国家级企业技术中心") in hosts  # the short name declared for it
    assert {("广西科技大学", "汽车零部件自治区重点实验室"), ("广西科技大学", "生物医药自治区重点实验室")} <= hosts


def test_zones_a_plan_places_and_zones_of_listed_counties(mini_plan):
    _, ex = mini_plan([
        "晋中市“十四五”科技创新规划",
        "一、布局",
        "依托位于榆次区的齐鲁化学工业区，推动介休、灵石、寿阳等经济技术开发区建设科创中心。",
        "支持祁县、平遥县创建省级农业科技园区。",
    ])
    located = rels(ex, "LOCATED_IN")
    assert {("齐鲁化学工业区", "榆次区"), ("介休经济技术开发区", "介休市"), ("寿阳经济技术开发区", "寿阳县")} <= located
    assert not any("等" in z or "创建" in z for z in ents(ex, "Zone"))


# ------------------------------------------------------------------ tenth rule set (宜昌, 赣州, 包头, 太原)


def test_boxes_numbered_in_brackets_and_their_runners(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、创新平台",
        "专栏3  重点创新平台建设工程",
        "(1)国家级平台提升工程：做强示范稀土国家重点实验室。",
        "(2)中试熟化工程：建设稀土新材料中试基地3个以上。",
        "专栏4  创新主体培育行动（由市科技局、市工信局牵头）",
        "1.高新技术企业倍增行动：2025年高新技术企业达到650家。",
    ])
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert {("国家级平台提升工程", "重点创新平台建设工程"), ("中试熟化工程", "重点创新平台建设工程"),
            ("高新技术企业倍增行动", "创新主体培育行动")} <= part_of
    runs = rels(ex, "RUNS_PROGRAM")
    assert {("市科技局", "创新主体培育行动"), ("市工信局", "创新主体培育行动")} <= runs
    assert ("示范市", "创新主体培育行动") not in runs


def test_platforms_built_at_a_named_place(mini_plan):
    _, ex = mini_plan([
        "赣州市“十四五”科技创新规划",
        "一、中试",
        "在赣州经开区建设新能源汽车及动力电池中试基地，在南康区建设家具新材料中试基地。",
    ])
    assert {("新能源汽车及动力电池中试基地", "赣州经开区"), ("家具新材料中试基地", "南康区")} <= rels(ex, "LOCATED_IN")


def test_renamed_counties_and_short_zone_names():
    from kg.resolve import zone_key

    assert COUNTY_CITY["赣县区"] == "赣州市"
    assert zone_key("瑞金经开区") == zone_key("瑞金经济技术开发区") is not None


def test_a_target_shared_by_listed_places(mini_plan):
    _, ex = mini_plan([
        "包头市“十四五”科技创新规划",
        "三、发展目标",
        "到2025年，全市高新技术企业数量力争达到650家，其中稀土高新区、昆都仑区、青山区、九原区均达到80家以上。",
        "支持龙头企业研发，研发投入超过10亿元的企业达到5家，PCT国际专利申请量年均增长10%。",
    ])
    targets = {m.name: m for m in ex.entities if m.type == "Target"}
    assert {f"{p}高新技术企业" for p in ("稀土高新区", "昆都仑区", "青山区", "九原区")} <= set(targets)
    assert targets["九原区高新技术企业"].properties["value"] == 80
    assert targets["PCT国际专利申请量年均增长"].properties["value"] == 10
    assert not any(n.endswith("均") or n == "研发投入" for n in targets)


def test_a_universitys_institute_in_a_city_is_a_platform_it_hosts(mini_plan):
    _, ex = mini_plan([
        "包头市“十四五”科技创新规划",
        "一、创新平台",
        "引进上海交通大学包头材料研究院、北京大学包头创新研究院，发挥山西大学化学化工研究院作用。",
    ])
    assert {"上海交通大学包头材料研究院", "北京大学包头创新研究院"} <= ents(ex, "Platform")
    assert ("上海交通大学", "上海交通大学包头材料研究院") in rels(ex, "HOSTS")
    assert "山西大学化学化工研究院" in ents(ex, "ResearchInstitute")  # no city: the university's own


def test_a_chain_tables_site_column(mini_plan):
    """产业链 | 链主企业 | 创新链主要环节 | 主要承载地: the zones of the last column are in the row's chain."""
    _, ex = mini_plan([
        "芜湖市“十四五”科技创新规划",
        "一、重点任务",
        "专栏2  重点产业链及创新链布局",
        "产业链\t链主企业\t创新链主要环节\t主要承载地",
        "智能家电产业链\t美的、格力\t核心零部件—智能控制—整机制造\t经开区、鸠江区",
        "通用航空产业链\t中电科钻石飞机\t整机研发—总装制造—运营服务\t芜湖航空产业园",
    ])
    in_chain = rels(ex, "IN_CHAIN")
    assert {("芜湖经开区", "智能家电产业链"), ("芜湖航空产业园", "通用航空产业链")} <= in_chain
    assert not any(s == "鸠江区" for s, _ in in_chain)  # a county says where; IN_CHAIN holds no county


def test_a_numbered_item_opening_with_a_zone(mini_plan):
    """（一）芜湖经济技术开发区重点发展…: the item's number is no part of the zone's name."""
    _, ex = mini_plan([
        "芜湖市“十四五”科技创新规划",
        "一、布局",
        "（一）芜湖经济技术开发区重点发展汽车及零部件、智能家电和新一代信息技术，建设创新策源功能区。",
    ])
    assert {("芜湖经济技术开发区", "汽车及零部件产业链"), ("芜湖经济技术开发区", "智能家电产业链")} <= rels(ex, "IN_CHAIN")


def test_a_partner_opening_the_sentence_is_no_subject(mini_plan):
    _, ex = mini_plan([
        "太原市“十四五”科技创新规划",
        "一、开放合作",
        "深化与中国科学院、中国工程院的战略合作，与清华大学、北京大学共建新型研发机构。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    assert {("太原市", "中国科学院"), ("太原市", "清华大学"), ("太原市", "北京大学")} <= collab
    assert not any(s == "中国科学院" for s, _ in collab)


def test_a_chain_tables_support_column(mini_plan):
    """产业链 | 链主企业 | 创新链主要环节 | 主要支撑单位: the organisations and platforms of the last column
    work in the row's chain (the column is no unit of measure)."""
    _, ex = mini_plan([
        "湘潭市“十四五”科技创新规划",
        "一、重点任务",
        "专栏2  重点产业科技创新链",
        "产业链\t链主企业\t创新链主要环节\t主要支撑单位",
        "风电装备产业链\t湘电集团\t电磁设计—关键材料—整机集成\t海上风力发电技术与检测国家重点实验室、湖南工程学院",
    ])
    in_chain = rels(ex, "IN_CHAIN")
    assert {("海上风力发电技术与检测国家重点实验室", "风电装备产业链"), ("湖南工程学院", "风电装备产业链")} <= in_chain


def test_places_that_each_reach_a_target(mini_plan):
    """天长市、全椒县、来安县分别超过200家 (no 其中): still one target per place; R&D stays whole."""
    _, ex = mini_plan([
        "滁州市“十四五”科技创新规划",
        "三、发展目标",
        "到2025年，全市高新技术企业数达到1000家，天长市、全椒县、来安县分别超过200家，规模以上工业企业R&D经费支出年均增长15%。",
    ])
    targets = {m.name: m.properties.get("value") for m in ex.entities if m.type == "Target"}
    assert {"天长市高新技术企业数": 200, "全椒县高新技术企业数": 200, "来安县高新技术企业数": 200}.items() <= targets.items()
    assert targets["规模以上工业企业R&D经费支出年均增长"] == 15


def test_a_verb_between_an_organisation_and_a_platform_kind_ends_the_name():
    assert ("全柴动力建设国家级企业技术中心", "Platform") not in _names("支持全柴动力建设国家级企业技术中心")
    assert not any(n.startswith("远东传动") for n, _ in _names("推动远东传动升级国家级企业技术中心"))
    assert not any(n.startswith("五粮液") and n.endswith("中心") for n, _ in _names("五粮液集团连续多年保持国家级企业技术中心"))
    assert ("煤基固废资源化利用山西省重点实验室", "Platform") in _names("依托吕梁学院建设煤基固废资源化利用山西省重点实验室")


# ------------------------------------------------------------------ twelfth rule set (session 5; found in the 30 texts)


def test_innovation_consortia_and_a_zones_incubation_centre():
    """创新联合体 is an alliance of several units; a zone's or city's 创业服务中心 is its incubator, the
    province's (山西省高新技术创业服务中心) a public agency (rule set 12)."""
    assert ("晋城市氢能产业技术创新联合体", "Platform") in _names("组建晋城市氢能产业技术创新联合体")
    assert _names("支持龙头企业牵头组建一批创新联合体") == set()
    assert ("南阳高新区创业服务中心", "Platform") in _names("支持南阳高新区创业服务中心提档升级")
    assert ("德阳市高新技术创业服务中心", "Platform") in _names("依托德阳市高新技术创业服务中心建设")
    assert ("山西省高新技术创业服务中心", "Agency") in _names("联合山西省高新技术创业服务中心")


def test_one_kind_of_platform_over_a_list_of_fields(mini_plan):
    """依托X建设A、B等市级临床医学研究中心 / 建设A、B、C三个中试基地 / 依托X，建设A、B等重点实验室: one platform
    per field, each hosted by X; 新建两个中试基地 is a count (rule set 12)."""
    _, ex = mini_plan([
        "赣州市“十四五”科技创新规划",
        "一、平台",
        "依托赣州市人民医院建设心血管疾病、肿瘤等市级临床医学研究中心。",
        "建设钠离子电池、耐火材料、煤层气综合利用三个中试基地，新建两个中试基地。",
        "依托赣南师范大学，建设柑橘、脐橙等重点实验室。",
    ])
    assert {"心血管疾病临床医学研究中心", "肿瘤临床医学研究中心", "钠离子电池中试基地", "耐火材料中试基地",
            "煤层气综合利用中试基地", "柑橘重点实验室", "脐橙重点实验室"} <= ents(ex, "Platform")
    assert {("赣州市人民医院", "肿瘤临床医学研究中心"), ("赣南师范大学", "脐橙重点实验室")} <= rels(ex, "HOSTS")
    assert not any(n.startswith(("新建", "两个")) for n in ents(ex, "Platform"))


def test_annual_and_counted_targets(mini_plan):
    """每年选派科技特派员1000名以上 / 组建创新联合体8个以上 / 推广农业新品种、新技术200项以上 /
    其中省级以上10家 are targets; 建设万荣、临猗两个示范区 is no counted object (rule set 12)."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、人才",
        "(5) “千名科技特派员进乡村”行动：每年选派科技特派员1000名以上。",
        "4.创新联合体建设行动：组建创新联合体8个以上。",
        "（3）推广农业新品种、新技术200项以上。",
        "（五）到2025年，全市备案新型研发机构达到20家，其中省级以上10家。",
        "重点建设万荣、临猗两个省级现代农业产业示范区。",
    ])
    targets = {m.name: m for m in ex.entities if m.type == "Target"}
    assert {"选派科技特派员", "创新联合体", "推广农业新品种、新技术", "省级以上备案新型研发机构"} <= set(targets)
    assert targets["选派科技特派员"].properties["value"] == 1000
    assert targets["选派科技特派员"].properties["period"] == "每年"
    assert "每年选派科技特派员" in targets["选派科技特派员"].aliases
    assert targets["省级以上备案新型研发机构"].properties["value"] == 10
    assert not any("万荣" in n for n in targets)


def test_programme_classes_parts_and_item_headings(mini_plan):
    """将市级科技计划整合为A、B等四类计划 (the city's own classes, parts of its plan system); 包括A、B三个子项
    (parts named as printed); (2)创新创业领军人才工程。 (a numbered heading that is a programme's name,
    its section's programme) (rule set 12)."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、改革",
        "优化市级科技计划体系，将市级科技计划整合为重大科技专项、重点研发计划、科技成果转化计划、创新平台与人才计划等四类计划。",
        "实施“株洲英才”计划，计划包括高端领军人才集聚、青年科技人才托举、“株洲工匠”锻造三个子项目。",
        "二、人才",
        "(2)创新创业领军人才工程。依托示范大学，新设博士后科研工作站。",
    ])
    progs = {m.name for m in ex.entities if m.type == "Program"}
    assert {"重大科技专项", "重点研发计划", "科技成果转化计划", "创新平台与人才计划", "高端领军人才集聚", "“株洲工匠”锻造",
            "创新创业领军人才工程"} <= progs
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert {("重点研发计划", "市级科技计划"), ("青年科技人才托举", "“株洲英才”计划")} <= part_of
    assert ("示范市", "重点研发计划") in rels(ex, "RUNS_PROGRAM")
    assert not any(n.endswith("等计划") for n in progs)


def test_other_cities_as_partners(mini_plan):
    """推动宜宾与成都、重庆…开展联合攻关 (the plan's city by its short name; 重庆 a city as it stands) /
    加强与泸州、自贡等川南城市协同; 与北京、天津等地高校院所合作 names where the partners are, not the
    cities as partners (rule set 12)."""
    _, ex = mini_plan([
        "宜宾市“十四五”科技创新规划",
        "一、合作",
        "推动宜宾与成都、重庆在动力电池领域开展联合攻关。",
        "加强与泸州、自贡等川南城市协同，共建科技创新共同体。",
        "加强与北京、天津等地高校院所合作。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    assert {("宜宾市", "成都市"), ("宜宾市", "重庆市"), ("宜宾市", "泸州市"), ("宜宾市", "自贡市")} <= collab
    assert not {("宜宾市", "北京市"), ("宜宾市", "天津市")} & collab


def test_kinds_of_platform_a_plan_sets_up_are_no_names():
    """离岸孵化器, 飞地孵化器, 县域科技企业孵化器, 自治区级重点实验室, 国家地方联合工程研究中心: kinds (rule set 12)."""
    for text in ("在深圳设立离岸孵化器", "建设飞地孵化器", "建设县域科技企业孵化器", "新增自治区级重点实验室5个",
                 "创建国家地方联合工程研究中心"):
        assert not any(t == "Platform" for _, t in _names(text)), text


def test_the_runner_named_after_the_programme(mini_plan):
    """实施X，由市科技局牵头，构建…: the bureau runs X (rule set 12); the city that 实施s it runs it too
    (rule set 15: over the 74 evaluation texts the annotators record both, RUNS_PROGRAM +31 tp +18 fp)."""
    _, ex = mini_plan([
        "遵义市“十四五”科技创新规划",
        "一、企业",
        "实施“科技型企业倍增”工程，由市科技局牵头，构建梯次培育体系。",
    ])
    runs = rels(ex, "RUNS_PROGRAM")
    assert ("市科技局", "“科技型企业倍增”工程") in runs
    assert ("遵义市", "“科技型企业倍增”工程") in runs


def test_every_issuer_of_a_policy(mini_plan):
    """科技部、财政部、国家税务总局《…》 / 市发改委、市工信局联合制定《…》 / 《…》（市科技局、市财政局）: each
    body issued it; 《…》（试行） names none (rule set 12)."""
    _, ex = mini_plan([
        "晋中市“十四五”科技创新规划",
        "一、政策",
        "2. 《晋中市高新技术企业倍增计划实施方案》（市科技局、市财政局）",
        "贯彻科技部、财政部、国家税务总局《高新技术企业认定管理办法》，推动认定。",
        "市发改委、市工信局联合制定《晋中市产业链链长制工作方案》，出台《晋中市科技创新券管理办法》（试行）。",
    ])
    issued = rels(ex, "ISSUED")
    assert {("市科技局", "晋中市高新技术企业倍增计划实施方案"), ("市财政局", "晋中市高新技术企业倍增计划实施方案"),
            ("科技部", "高新技术企业认定管理办法"), ("财政部", "高新技术企业认定管理办法"),
            ("国家税务总局", "高新技术企业认定管理办法"), ("市发改委", "晋中市产业链链长制工作方案"),
            ("市工信局", "晋中市产业链链长制工作方案")} <= issued
    assert not any(s == "试行" for s, _ in issued)


def test_an_enterprise_named_short_without_a_declaration(mini_plan):
    """江西金力永磁科技股份有限公司 … 由金力永磁牵头组建…中心: the plan's own short form (no place, legal form
    or business word) names the enterprise, which hosts the centre (rule set 12)."""
    _, ex = mini_plan([
        "赣州市“十四五”科技创新规划",
        "一、平台",
        "支持江西金力永磁科技股份有限公司在高性能钕铁硼永磁材料领域发挥优势。",
        "4.由金力永磁牵头组建江西省稀土永磁材料技术创新中心。",
    ])
    assert ("金力永磁", "江西省稀土永磁材料技术创新中心") in rels(ex, "HOSTS")


def test_item_programmes_are_parts_of_their_sections_programme(mini_plan):
    """一、实施“鹿城英才”计划 / (2)创新创业领军人才工程。: the item's programme is a part of it (rule set 12)."""
    _, ex = mini_plan([
        "包头市“十四五”科技创新规划",
        "第六章 人才",
        "一、实施“鹿城英才”计划",
        "(2)创新创业领军人才工程。每年遴选创新创业领军人才20名左右。",
        "(4)卓越工程师培养工程。依托包钢集团等企业联合培养工程硕士。",
    ])
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert {("创新创业领军人才工程", "“鹿城英才”计划"), ("卓越工程师培养工程", "“鹿城英才”计划")} <= part_of


def test_an_unnumbered_box_item_titled_with_a_programme(mini_plan):
    """专栏4 企业创新能力提升行动 / “链主企业创新引领”工程：支持A、B等链主企业…: the paragraph is about the
    programme its title names, which is a part of the box's; a colon after a mere phrase names none."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第五章 强化企业创新主体地位",
        "专栏4  企业创新能力提升行动",
        "“链主企业创新引领”工程：支持示范飞机工业有限责任公司、示范陶瓷股份有限公司等链主企业开放创新资源。",
        "重点任务：支持示范压缩机股份有限公司建设企业技术中心。",
    ])
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert ("“链主企业创新引领”工程", "企业创新能力提升行动") in part_of
    assert {("示范飞机工业有限责任公司", "“链主企业创新引领”工程"),
            ("示范陶瓷股份有限公司", "“链主企业创新引领”工程")} <= part_of
    assert not any(p == "企业创新能力提升行动" for m, p in part_of if m.startswith("示范飞机"))
    assert "重点任务" not in ents(ex, "Program")


def test_what_a_chain_tables_leader_column_names(mini_plan):
    """链主 cells: a 管委会 or a county's 人民政府 is an agency, in no chain and leading none; descriptions
    (…产业园骨干企业, 蓝山、道县皮具制鞋骨干企业) and bare places name no firm; 四川和邦… is one firm, 和 after a
    place being part of its name, while A和B are two."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "专栏2  重点产业科技创新链",
        "序号\t产业链\t链主企业\t创新链主要环节",
        "1\t电子信息产业链\t示范高新区管委会\t电子材料—元器件—模组",
        "2\t稀土新材料产业链\t江华稀土产业园骨干企业\t分离提纯—稀土金属及合金—永磁材料",
        "3\t轻纺制鞋产业链\t蓝山、道县皮具制鞋骨干企业\t新材料研发—时尚设计—智能制造",
        "4\t盐磷化工产业链\t四川和邦生物科技股份有限公司\t盐卤开采—基础化工—精细化学品",
        "5\t锂电产业链\t示范锂业有限公司和示范电池有限公司\t锂盐—正极材料—电芯",
    ])
    assert "示范高新区管委会" in ents(ex, "Agency")
    firms = ents(ex, "Enterprise")
    assert {"四川和邦生物科技股份有限公司", "示范锂业有限公司", "示范电池有限公司"} <= firms
    assert not firms & {"示范高新区管委会", "江华稀土产业园骨干企业", "蓝山", "道县皮具制鞋骨干企业", "四川",
                        "邦生物科技股份有限公司"}
    leads = rels(ex, "LEADS_CHAIN")
    assert ("四川和邦生物科技股份有限公司", "盐磷化工产业链") in leads
    assert not any(src == "示范高新区管委会" for src, _ in leads | rels(ex, "IN_CHAIN"))


def test_countries_fields_and_kinds_of_firms_are_no_firms(mini_plan):
    """与德国、波兰等国家的矿业企业…开展煤矿智能化、安全开采等领域技术合作: countries and fields; 引进一批PECVD、
    丝网印刷等装备制造企业: kinds of firms the city wants. Only the opening list names firms."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第一章 开放合作",
        "支持示范能源集团、示范新集等企业与德国、澳大利亚、波兰等国家的矿业企业和科研机构开展煤矿智能化、安全开采、"
        "矿区生态修复等领域技术合作。",
        "推动异质结电池核心装备本地化配套，引进一批PECVD、PVD、丝网印刷等装备制造企业在示范经开区集聚。",
    ])
    assert ents(ex, "Enterprise") == {"示范能源集团", "示范新集"}


def test_a_bracket_after_a_platform_names_its_builders_only(mini_plan):
    """Y（依托恩达麻世纪）: the host by a short name; Y（市政府与南昌大学共建）、Z: the bracket builds Y, not Z."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第五章 平台",
        "4.工程技术研究中心：示范省苎麻纺织工程技术研究中心（依托恩达麻世纪）、示范省特种装备工程技术研究中心（依托国科科技）。",
        "3.新型研发机构：示范锂电新能源产业技术研究院（市政府与南昌大学共建）、示范市先进钢铁材料研究院。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("恩达麻世纪", "示范省苎麻纺织工程技术研究中心"), ("国科科技", "示范省特种装备工程技术研究中心"),
            ("南昌大学", "示范锂电新能源产业技术研究院")} <= hosts
    assert not any(p == "示范市先进钢铁材料研究院" for _, p in hosts)


def test_what_a_joint_venture_builds_is_no_partner(mini_plan):
    """支持新钢集团联合北京科技大学、东北大学组建先进钢铁材料研究院: the universities are partners, the institute
    they set up is not."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第五章 平台",
        "支持示范钢铁集团有限公司联合北京科技大学、东北大学组建示范先进钢铁材料研究院，推动科研成果就地转化。",
    ])
    assert rels(ex, "COLLABORATES_WITH") == {("示范钢铁集团有限公司", "北京科技大学"), ("示范钢铁集团有限公司", "东北大学")}


def test_a_box_item_titled_with_a_platform_is_part_of_the_box(mini_plan):
    """专栏3 重点创新平台建设工程 / 1.光电显示玻璃技术创新中心：由A牵头建设: the item's platform, once its text names
    who builds it, is part of the box's programme; its builder is not."""
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "第五章 平台",
        "专栏3　重点创新平台建设工程",
        "1.光电显示玻璃技术创新中心：由示范南玻光电玻璃有限公司牵头建设，位于示范高新区。",
        "2.云母新材料技术创新中心：依托示范平安电工材料有限公司，联合武汉理工大学共建。",
        "第六章 人才",
        "加快引进高层次人才。",
    ])
    part_of = rels(ex, "PART_OF_PROGRAM")
    assert {("光电显示玻璃技术创新中心", "重点创新平台建设工程"), ("云母新材料技术创新中心", "重点创新平台建设工程")} <= part_of
    assert ("示范南玻光电玻璃有限公司", "光电显示玻璃技术创新中心") in rels(ex, "HOSTS")
    assert not any(m == "示范南玻光电玻璃有限公司" for m, _ in part_of)
