"""Cleaning, rejoined lines, the section tree, run-in headings and leads, table of contents."""

from __future__ import annotations

from pathlib import Path

from kg.ingest import read_document
from kg.ingest.clean import clean_span

from .conftest import CHANGZHI, LINFEN, REPLY, XINZHOU, YUNCHENG


def para_at(doc, line: int, contains: str = ""):
    return next(p for p in doc.paragraphs if p.line == line and contains in p.text)


def test_word_broken_across_an_empty_line_is_rejoined(docs):
    doc = docs[CHANGZHI]
    assert doc.lines[217].endswith("襄垣经") and doc.lines[218] == "" and doc.lines[219].startswith("开区为重点")
    p = para_at(doc, 218)
    assert "以潞城经开区、襄垣经开区为重点，培育发展碳纤维" in p.text
    i = p.text.index("襄垣经开区")
    assert [p.origin[k] for k in range(i, i + 5)] == [(218, 24), (218, 25), (218, 26), (220, 0), (220, 1)]
    assert doc.evidence(p, i, i + 5).quote == "襄垣经"  # evidence stays on one original line
    assert p.section_path == ["聚焦战略性新兴产业实现“六新”突破", "新材料产业"]


def test_sentences_broken_across_lines_are_rejoined_everywhere(docs):
    linfen = docs[LINFEN]
    p = para_at(linfen, 70)
    assert "《关于加快推进科技创新的实施意见》" in p.text and p.origin[-1][0] == 72
    p = para_at(linfen, 316)
    assert p.text.endswith("力争到“十四五”末，形成一批拥有技术主导权的新产业、新业态和新的经济增长点，集聚一批具有竞争力的高科技领军企业。")
    reply = docs[REPLY]
    assert para_at(reply, 11).text == "关于市政协五届二次会议A类第044号提案的答复"  # a title over lines 11 and 13
    xinzhou = docs[XINZHOU]
    assert para_at(xinzhou, 15).text == "忻州市“十四五”实施创新驱动、科教兴市、人才强市战略规划"


def test_lines_that_stand_alone_are_not_joined(docs):
    linfen = docs[LINFEN]
    texts = [p.text for p in linfen.paragraphs if p.line <= 17]
    assert texts[:3] == ["临汾市人民政府文件", "临政发〔2022〕27号",
                         "临汾市人民政府关于印发临汾市“十四五”打造一流创新生态实施创新驱动、科教兴市、人才强市战略规划的通知"]
    assert [p.text for p in docs[CHANGZHI].paragraphs if p.line in (13, 15)] == ["长治市人民政府", "2022年4月21日"]
    assert [p.text for p in linfen.paragraphs][-2:] == ["临汾市人民政府办公室", "2022年10月12日印发"]


def test_cleaning_removes_spaces_between_chinese_and_normalises_punctuation(docs):
    linfen = docs[LINFEN]
    p = para_at(linfen, 134)
    assert p.text.startswith("省级创新平台达到82个（省级重点实验室1个，")  # raw: "达到 82 个（省级重点实验室 1 个，"
    p = para_at(linfen, 76)
    assert "“十三五”末，我市拥有" in p.text and "," not in p.text  # half-width commas in the raw line
    assert para_at(linfen, 7).text.endswith("战略规划的通知")  # raw: "战略规划的 通 知"
    c = clean_span("R&D 经费 1,000 万元 (ABC DEF): ｘ１２", 1)
    assert c.text == "R&D经费1,000万元（ABC DEF）：x12"


def test_table_of_contents_is_dropped_and_checked(docs):
    linfen = docs[LINFEN]
    assert not [p for p in linfen.paragraphs if 19 <= p.line <= 58]
    assert not [p for p in docs[YUNCHENG].paragraphs if 7 <= p.line <= 35]
    assert not [w for w in linfen.warnings if "table of contents" in w]  # every TOC entry is a heading


def test_section_tree_of_linfen(docs):
    doc = docs[LINFEN]
    assert len(doc.sections) == 62
    assert [(s.number, s.title) for s in doc.sections if s.level == 1] == [
        ("一", "开启一流创新生态新篇章"), ("二", "实施一流创新工程"), ("三", "构建一流创新链"), ("四", "培育一流创新主体"),
        ("五", "汇聚一流创新人才"), ("六", "完善一流创新环境"), ("七", "厚植一流创新文化"), ("八", "强化工作保障")]
    s = next(s for s in doc.sections if s.line == 235)
    assert (s.level, s.marker, s.number, s.path) == (2, "（一）", "二", ["构建一流创新链", "构建新兴优势产业快速发展科技创新链"])
    assert {s.marker for s in doc.sections} == {"一、", "（一）", "1."}


def test_half_and_full_width_headings_are_one_ladder(docs):
    doc = docs[LINFEN]
    half = next(s for s in doc.sections if s.line == 100)  # "(三)确立创新生态建设新蓝图"
    full = next(s for s in doc.sections if s.line == 64)  # "（一）“十三五”科技创新发展回顾"
    assert doc.lines[99].startswith("(三)") and doc.lines[63].startswith("（一）")
    assert half.marker == full.marker == "（一）" and half.level == full.level == 2


def test_run_in_heading_is_a_section_and_its_body_a_paragraph(docs):
    doc = docs[LINFEN]
    head, body = [p for p in doc.paragraphs if p.line == 160]
    assert (head.text, head.is_heading) == ("1.推进重大科技项目攻关。", True)
    assert body.text.startswith("“十四五”期间，聚焦我市新材料") and not body.is_heading
    assert body.section_path == ["实施一流创新工程", "推进实施临汾市“111”创新工程", "推进重大科技项目攻关"]
    assert doc.evidence(body, 0, 7).quote == "“十四五”期间"


def test_lead_phrase_is_the_chain_context(docs):
    doc = docs[LINFEN]
    p = para_at(doc, 248)
    assert p.lead == "构建氢能产业科技创新链"
    assert p.section_path == ["构建一流创新链", "构建新兴优势产业快速发展科技创新链"]
    i = p.text.index("依托晋南钢铁集团")
    ev = doc.evidence(p, i, p.text.index("企业", i) + 2)
    assert (ev.line, ev.quote) == (248, "依托晋南钢铁集团作为氢能产业链“链主”企业")
    assert para_at(doc, 257).lead == "构建中医药工业快速发展科技创新链"
    assert para_at(doc, 60).lead is None  # a long first sentence is no lead


def test_chapters_sections_and_a_heading_that_lost_its_number(docs):
    doc = docs[XINZHOU]
    assert [(s.marker, s.number, s.title) for s in doc.sections if s.level == 1] == [
        ("第N章", "一", "构建忻州一流创新发展生态"), ("第N章", "二", "实施优质创新工程"), ("第N章", "三", "建设优质创新平台"),
        ("第N章", "四", "培育一流创新主体"), ("第N章", "五", "建立先进创新机制"), ("第N章", "六", "汇聚优秀创新人才"),
        ("第N章", "七", "厚植一流创新文化"), ("第N章", "八", "强化组织保障措施")]
    s = next(s for s in doc.sections if s.line == 89)
    assert s.path == ["建设优质创新平台", "构建“忻州特色”创新体系"]
    assert any("line 87" in w and "建设优质创新平台" in w for w in doc.warnings)


def test_numbering_gap_is_warned(tmp_path: Path):
    p = tmp_path / "gap.txt"
    p.write_text("一、总则\n正文。\n三、保障\n正文。\n", encoding="utf-8")
    doc = read_document(p)
    assert [s.number for s in doc.sections] == ["一", "三"]
    assert any("follows 一" in w for w in doc.warnings)


def test_every_plan_has_its_sections(docs):
    assert {name: len(d.sections) for name, d in docs.items()} == {
        LINFEN: 62, REPLY: 11, YUNCHENG: 80, CHANGZHI: 35, XINZHOU: 21}
