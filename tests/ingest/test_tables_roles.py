"""Column roles of 专栏 tables read from their cells where the header is ambiguous."""

from __future__ import annotations

from kg.ingest import read_document


def test_a_header_that_only_says_innovation_chain(tmp_path):
    """创新链 | 链主企业 | 创新链条 (宜昌's 专栏4): the names column and the stages column by their cells;
    临汾's 科技创新需求 | 科技创新链, whose 科技创新链 cells are dash sequences, keeps its stages."""
    path = tmp_path / "plan.txt"
    path.write_text("\n".join([
        "示范市“十四五”科技创新规划",
        "一、重点任务",
        "专栏4 重点产业科技创新链",
        "创新链\t链主企业\t创新链条",
        "磷化工产业科技创新链\t示范集团\t磷矿绿色开采—湿法磷酸净化—精细磷化学品",
        "柑橘产业科技创新链\t—\t品种选育—绿色栽培—采后处理",
        "专栏5 氢能产业科技创新链",
        "科技创新需求\t科技创新链",
        "制氢技术\t制氢—储运—加氢站—燃料电池",
        "储运技术\t高压储运—液氢储运—管道输氢",
    ]) + "\n", encoding="utf-8")
    doc = read_document(path)
    first, second = doc.tables
    assert first.columns == ["ichain", "leader", "chain"] and first.kind == "chain"
    assert first.rows[0].sequences == [["磷矿绿色开采", "湿法磷酸净化", "精细磷化学品"]]
    assert second.columns == ["demand", "chain"]
