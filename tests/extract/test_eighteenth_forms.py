"""Forms the eighteenth rule set reads, found in the development texts of tests/heldout (session 11;
docs/extraction.md, "Eighteenth iteration"): each checked in a small plan written here."""

from __future__ import annotations

from .conftest import ents, rels

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
