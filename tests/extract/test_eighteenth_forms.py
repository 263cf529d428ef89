"""Forms the eighteenth rule set reads, found in the development texts of tests/heldout (session 11;
docs/extraction.md, "Eighteenth iteration"): each checked in a small plan written here."""

from __future__ import annotations

from .conftest import ents, rels
from .conftest import typed_names as _names

# ------------------------------------------------------------------ hosts


def test_every_co_builder_hosts_what_they_build(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "（二）培育新型研发机构",  # (a section about 新型研发机构: the 研究院 it builds are platforms)
        "支持湖南科技大学与湘潭高新区合作共建湘潭智能制造研究院。",
        "加快中国药科大学连云港研究院建设，推动与南京大学、东南大学合作共建连云港新材料与新能源研究院。",
        "做强湖南先进传感与信息技术创新研究院，由湘潭市人民政府与湘潭大学共建。",
        "（3）由莆田高新区管委会和福州大学联合组建的莆田新型显示产业技术创新中心；",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("湖南科技大学", "湘潭智能制造研究院"), ("湘潭高新区", "湘潭智能制造研究院"),
            ("莆田高新区管委会", "莆田新型显示产业技术创新中心"), ("福州大学", "莆田新型显示产业技术创新中心"),
            ("南京大学", "连云港新材料与新能源研究院"), ("东南大学", "连云港新材料与新能源研究院"),
            ("湘潭市人民政府", "湖南先进传感与信息技术创新研究院"),
            ("湘潭大学", "湖南先进传感与信息技术创新研究院")} <= hosts
    # the city speaks; the university inside a platform's name is no partner of the next clause
    assert ("中国药科大学", "连云港新材料与新能源研究院") not in hosts
    assert {("示范市", "南京大学"), ("示范市", "东南大学")} <= rels(ex, "COLLABORATES_WITH")


def test_institutes_in_a_list_with_their_builders_in_brackets(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "3.新型研发机构：示范锂电及电子材料产业技术研究院（与四川大学、电子科技大学共建）、"
        "天然气化工新材料研究院（与西南石油大学共建）。",
        "（三）新型研发机构。与电子科技大学共建示范数字经济研究院，由四川文理学院牵头组建秦巴特色资源开发研究院。",
    ])
    hosts = rels(ex, "HOSTS")
    assert {("西南石油大学", "天然气化工新材料研究院"), ("四川文理学院", "秦巴特色资源开发研究院"),
            ("电子科技大学", "示范数字经济研究院")} <= hosts
    assert ("四川文理学院", "示范数字经济研究院") not in hosts
    assert not rels(ex, "COLLABORATES_WITH") & {("天然气化工新材料研究院", "西南石油大学")}
    assert {"天然气化工新材料研究院", "秦巴特色资源开发研究院"} <= ents(ex, "Platform")


# ------------------------------------------------------------------ names


def test_workstations_service_complexes_gene_banks_and_science_centres():
    # 院士 after 学院/工程院 is an academician: the workstation is the name, no college or academy
    assert _names("在鲁抗医药设立合成生物学院士工作站，") == {("合成生物学院士工作站", "Platform")}
    assert _names("在睿鹰制药设立发酵工程院士工作站，") == {("发酵工程院士工作站", "Platform")}
    assert ("中国工程院", "ResearchInstitute") in _names("依托中国工程院院士团队。")
    assert _names("在竹叶青设立茶产业专家工作站，") == {("茶产业专家工作站", "Platform")}
    # a count, a state or a kind of member before the kind is no name
    for text in ("“十四五”期间新增院士工作站10家。", "在博雅生物已设博士后科研工作站基础上扩大规模。",
                 "支持中煤新集等单位博士后科研工作站扩大招收规模。"):
        assert not {n for n, t in _names(text) if t == "Platform"}, text
    assert ("电子机箱产业创新服务综合体", "Platform") in _names("青县建设电子机箱产业创新服务综合体；")
    assert ("合肥综合性国家科学中心", "Platform") in _names("积极融入合肥综合性国家科学中心建设。")
    assert ("马铃薯种质资源库", "Platform") in _names("建设马铃薯种质资源库。")
    assert ("农机装备中试验证基地", "Platform") in _names("建设农机装备中试验证基地。")
    assert {("白酒酿造微生物研究平台", "Platform"), ("老酒贮存机理研究平台", "Platform")} <= \
        _names("建设白酒酿造微生物研究平台、老酒贮存机理研究平台。")
    assert not _names("加强专科和临床研究平台建设。")


def test_a_field_named_workstation_at_its_host_and_each_service_complex_of_a_list(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "在中联重科股份有限公司设立智能装备院士工作站。",
        "聚焦县域块状特色产业，建设龙泉青瓷宝剑、缙云锯床、庆元食用菌等产业创新服务综合体，为中小企业提供服务。",
    ])
    assert ("中联重科股份有限公司", "智能装备院士工作站") in rels(ex, "HOSTS")
    assert {"龙泉青瓷宝剑产业创新服务综合体", "缙云锯床产业创新服务综合体", "庆元食用菌产业创新服务综合体"} <= ents(ex, "Platform")


def test_parks_and_demonstration_zones_named_by_their_field():
    assert ("氢能产业园", "Zone") in _names("建设氢能产业园。")
    assert ("大数据产业园", "Zone") in _names("支持邯郸经济技术开发区建设大数据产业园。")
    for name in ("先进钢铁材料创新示范区", "烟花爆竹科技创新示范区", "智能网联汽车测试示范区"):
        assert (name, "Zone") in _names(f"建设{name}。"), name
    assert not _names("建设全面创新示范区。") and not _names("建设科技创新集聚区。")


# ------------------------------------------------------------------ programmes


def test_the_bodies_that_run_a_programme_with_its_lead(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "实施“科技型企业梯次培育工程”，由市科技局牵头，市工业和信息化局、市财政局等部门配合，建立培育库。",
        "实施“高企倍增”计划。由市科技局牵头，会同市经信局、市税务局、市统计局建立高新技术企业培育库。",
        "实施规上工业企业研发机构“清零”行动，由市工信局、市科技局联合推进，引导企业建立研发中心。",
        "建立梯次培育体系，实施“高新技术企业倍增计划”和高新技术企业“育苗”工程，建立后备库。",
        "推行科研经费“包干制”试点，赋予科研人员更大自主权。",
    ])
    runs = rels(ex, "RUNS_PROGRAM")
    assert {("市工业和信息化局", "“科技型企业梯次培育”工程"), ("市财政局", "“科技型企业梯次培育”工程"),
            ("市经信局", "“高企倍增”计划"), ("市统计局", "“高企倍增”计划"),
            ("市工信局", "“清零”行动"), ("市科技局", "“清零”行动"),
            ("示范市", "“育苗”工程"), ("示范市", "“包干制”试点")} <= runs


# ------------------------------------------------------------------ partners


def test_partners_by_a_trade_name_the_plan_gives_and_a_leader_that_builds_first(mini_plan):
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "支持陕西康惠制药股份有限公司、陕西步长制药有限公司（以下简称步长制药）做强中药产业。",
        "支持陕西中医药大学与步长制药、康惠制药合作共建中药创新研究院。",
        "由铜陵有色牵头组建安徽省铜基新材料技术创新中心，联合铜陵学院及合肥工业大学等单位，建立攻关机制。",
    ])
    collab = rels(ex, "COLLABORATES_WITH")
    assert {("陕西中医药大学", "陕西步长制药有限公司"), ("陕西中医药大学", "康惠制药"),
            ("铜陵有色", "铜陵学院"), ("铜陵有色", "合肥工业大学")} <= collab
    assert not {b for _, b in collab if b in ("研究院", "中药创新研究院")}


def test_featured_towns():
    # (session 11, after rule set 18 was scored: 绍兴's 特色小镇)
    assert {("袜艺小镇", "Zone"), ("厨具小镇", "Zone"), ("蓝印时尚小镇", "Zone")} <= _names("建设袜艺小镇、厨具小镇、蓝印时尚小镇。")
    assert not _names("推进一批特色小镇建设。")


def test_places_of_a_county_paragraph_an_item_and_a_bracket(mini_plan):
    # (session 11, after rule set 18 was scored)
    _, ex = mini_plan([
        "示范市“十四五”科技创新规划",
        "大厂回族自治县：大厂高新技术产业开发区位于该县，发展高端装备和清真食品。",
        "(2)市政府与华侨大学签约共建的莆田鞋服产业技术研究院，设在荔城区，重点开展鞋类设计。",
        "建设柑橘种质资源圃和黄龙病防控技术研究平台(信丰县、寻乌县)。",
    ])
    assert {("大厂高新技术产业开发区", "大厂回族自治县"), ("莆田鞋服产业技术研究院", "荔城区"),
            ("黄龙病防控技术研究平台", "信丰县"), ("黄龙病防控技术研究平台", "寻乌县")} <= rels(ex, "LOCATED_IN")


def test_demonstration_parks_named_by_their_field():
    # (session 11, after rule set 18 was scored)
    for name in ("肉牛产业科技示范园", "脐橙科技示范园"):
        assert (name, "Zone") in _names(f"建设{name}。"), name
    assert not _names("推进示范园建设。")
    assert "起重装备智能制造示范" not in {n for n, _ in _names("建设起重装备智能制造示范园区。")}
