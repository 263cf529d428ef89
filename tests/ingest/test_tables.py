"""专栏 tables: every box of every plan with its rows, kinds, columns and chain stages."""

from __future__ import annotations

import re

from kg.config import PLANS

from .conftest import ALL, CHANGZHI, LINFEN


def test_every_box_of_every_plan_comes_out(docs):
    for name in ALL:
        printed = [i for i, ln in enumerate((PLANS / name).read_text(encoding="utf-8").split("\n"), 1) if re.match(r"\s*专栏\s*\d", ln)]
        assert [t.line for t in docs[name].tables] == printed, name
        assert all(t.rows for t in docs[name].tables), name


def test_linfen_boxes_with_their_rows(docs):
    tables = docs[LINFEN].tables
    assert [(t.number, t.kind, len(t.rows)) for t in tables] == [
        ("1", "indicator", 14), ("2", "other", 2), ("3", "chain", 3), ("4", "chain", 4), ("5", "chain", 2),
        ("6", "chain", 3), ("7", "chain", 4), ("8", "chain", 2), ("9", "chain", 2), ("10", "chain", 2),
        ("11", "chain", 3), ("12", "chain", 3), ("13", "other", 9), ("14", "other", 1), ("15", "other", 9)]
    assert [t.title for t in tables][:3] == ["临汾市“十四五”打造一流创新生态主要指标", "“十四五”高等院校建设主要目标", "煤炭工业转型升级科技创新链"]


def test_indicator_table_columns_and_cells(docs):
    t = docs[LINFEN].tables[0]
    assert t.header == ["序号", "指标名称", "2021年", "2025年目标", "年均增长/累计", "属性"]
    assert t.columns == ["no", "name", "baseline", "target", "growth", "attribute"]
    row = next(r for r in t.rows if r.cells[1].startswith("高新技术企业"))
    assert (row.line, row.cells) == (150, ["12", "高新技术企业（家）", "106", "150", "-", "预期性"])
    assert row.raw[1] == "高新技术企业(家)"  # as printed, for verbatim quotes
    first = t.rows[0]
    assert (first.line, first.cells[2], first.cells[4]) == (138, "1.17（2020年）", "20")
    assert [r.line for r in t.rows][3:5] == [141, 143]  # a blank line inside the box is skipped
    changzhi = docs[CHANGZHI].tables[1]
    assert (changzhi.kind, changzhi.columns) == ("indicator", ["no", "name", "baseline", "target"])
    assert changzhi.rows[2].cells == ["3", "高新技术企业（个）", "178", "300"]


def test_chain_tables_are_stage_sequences(docs):
    t8 = docs[LINFEN].tables[7]
    assert t8.header == ["科技创新需求", "科技创新链"] and t8.columns == ["demand", "chain"]
    assert [r.cells for r in t8.rows] == [["氢能产业技术", "钢铁-焦化-化工-氢能"], ["", "氢能制备-储存-运输-加注-终端利用"]]
    assert [r.sequences for r in t8.rows] == [[["钢铁", "焦化", "化工", "氢能"]], [["氢能制备", "储存", "运输", "加注", "终端利用"]]]
    assert t8.filled_rows()[1] == ["氢能产业技术", "氢能制备-储存-运输-加注-终端利用"]  # row-spanned first cell
    t4 = docs[LINFEN].tables[3]
    assert t4.rows[1].sequences == [["煤焦油", "煤焦油沥青", "针状焦", "石墨电极或其他含碳高性能电极材料"]]
    assert t4.rows[2].sequences == [["焦炉煤气", "甲醇", "合成氨", "烯烃"], ["焦炉煤气", "钴基催化剂费托合成法合成蜡（油）系列产品"]]
    t5 = docs[LINFEN].tables[4]  # two chains in one cell, separated by a space
    assert t5.rows[1].sequences == [["铁", "铸造生铁、球墨铸铁、高纯铁"], ["铁", "钢", "钢材", "高性能钢材、特种钢材", "高性能合金材料"]]
    t6 = docs[LINFEN].tables[5]
    assert t6.rows[1].sequences[:2] == [["煤", "电"], ["煤", "煤制气", "电"]]


def test_html_cells_and_text_boxes(docs):
    t13 = docs[LINFEN].tables[12]
    assert t13.header == [] and t13.rows[0].cells[0] == "传统优势产业领域"
    assert t13.rows[0].cells[1].startswith("煤炭产业领域：——煤炭企业新型化技术——煤制气技术")
    assert "<" not in "".join(c for r in t13.rows for c in r.cells)
    assert [r.line for r in t13.rows] == [295, 296, 297, 298, 300, 301, 302, 303, 304]
    t14 = docs[LINFEN].tables[13]
    assert t14.kind == "other" and t14.rows[0].line == 332
    assert t14.rows[0].cells[0].startswith("“十四五”期间，持续推进高新技术企业倍增计划，力争高新技术企业数量达到150家。")


def test_table_cells_are_paragraphs_with_verbatim_evidence(docs):
    doc = docs[LINFEN]
    p = next(p for p in doc.paragraphs if p.in_table and p.text == "氢能制备-储存-运输-加注-终端利用")
    assert p.line == 255 and p.section_path == ["构建一流创新链", "构建新兴优势产业快速发展科技创新链"]
    assert doc.evidence(p, 0, len(p.text)).quote == "氢能制备-储存-运输-加注-终端利用"


def test_changzhi_policy_box_has_all_22_rows(docs):
    t = docs[CHANGZHI].tables[0]
    assert (t.kind, t.header, len(t.rows)) == ("other", ["序号", "政策名称"], 22)
    assert t.rows[11].cells == ["12", "长治市氢能产业发展规划"] and t.rows[12].line == 108
