"""A DOCX and a PDF rendering of a plan read back to the same structure as its .txt."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.ingest.pdf_reader as pdf_reader
from kg.ingest import read_document

from .conftest import CHANGZHI, LINFEN, REPLY, XINZHOU, YUNCHENG, source_lines
from .render import to_pdf


def sections(doc):
    return [(s.level, s.marker, s.number, s.title, s.path) for s in doc.sections]


def tables(doc):
    return [(t.number, t.title, t.kind, t.header, t.columns, [r.cells for r in t.rows], [r.sequences for r in t.rows]) for t in doc.tables]


def paragraphs(doc):
    return [(p.text, p.section_path, p.is_heading, p.in_table) for p in doc.paragraphs]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", [LINFEN, CHANGZHI])
def test_rendering_reads_back_like_the_text(bare, rendered, name, fmt):
    txt, other = bare[name], rendered(name, fmt)
    assert other.fmt == fmt
    assert sections(other) == sections(txt)
    assert tables(other) == tables(txt)
    assert other.meta == txt.meta
    assert other.clean_text() == txt.clean_text()  # equal modulo line numbering
    assert paragraphs(other) == paragraphs(txt)


@pytest.mark.parametrize("name", [REPLY, XINZHOU, YUNCHENG])
def test_pdf_of_the_other_plans(bare, rendered, name):
    txt, pdf = bare[name], rendered(name, "pdf")
    assert (sections(pdf), tables(pdf), pdf.meta, pdf.clean_text()) == (sections(txt), tables(txt), txt.meta, txt.clean_text())


def test_pdf_lines_pages_and_evidence(rendered):
    pdf = rendered(LINFEN, "pdf")
    assert pdf.pages == 21 and len(pdf.line_pages) == len(pdf.lines)
    assert not any(ln.strip().startswith("- ") and ln.strip().endswith(" -") for ln in pdf.lines)  # page numbers dropped
    p = next(p for p in pdf.paragraphs if p.lead == "构建氢能产业科技创新链")
    i = p.text.index("依托晋南钢铁集团")
    ev = pdf.evidence(p, i, i + 8)
    assert ev.quote == "依托晋南钢铁集团" and ev.quote in pdf.lines[ev.line - 1]
    assert pdf.line_pages[ev.line - 1] == pdf.line_pages[pdf.tables[7].line - 1]  # 专栏8 follows on that page
    row = pdf.tables[7].rows[1]
    assert pdf.lines[row.line - 1] == "\t氢能制备-储存-运输-加注-终端利用"  # spanned first cell, as in the .txt


def test_docx_tables_are_word_tables_with_merged_cells(rendered, tmp_path: Path):
    import docx

    doc = rendered(LINFEN, "docx")
    word = docx.Document(doc.path)
    assert len(word.tables) == 15  # the tabbed table of contents, and 专栏1-13, 15 (专栏14 is a text box)
    merged = next(t for t in word.tables if t.cell(0, 0).text.startswith("专栏 8"))
    # the title row spans both columns, 氢能产业技术 spans two rows
    assert merged.cell(0, 0).text == merged.cell(0, 1).text
    assert merged.cell(2, 0).text == merged.cell(3, 0).text == "氢能产业技术"
    assert doc.tables[7].rows[1].cells == ["", "氢能制备-储存-运输-加注-终端利用"]
    assert doc.tables[7].line == doc.lines.index("专栏 8 氢能产业科技创新链") + 1


def test_docx_text_box_and_line_break(tmp_path: Path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("一、构建创新链")
    p = d.add_paragraph("依托晋南钢铁集团作为氢能产业链“链主”")
    p.runs[0].add_break()
    p.add_run("企业。")
    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<w:pict><wps:txbx><w:txbxContent><w:p><w:r><w:t>专栏1 创新平台</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:pict></w:r>")
    d.add_paragraph("正文。")._p.append(box)
    path = tmp_path / "box.docx"
    d.save(str(path))
    doc = read_document(path)
    assert doc.lines == ["一、构建创新链", "依托晋南钢铁集团作为氢能产业链“链主”", "企业。", "正文。", "专栏1 创新平台"]
    assert [p.text for p in doc.paragraphs][1] == "依托晋南钢铁集团作为氢能产业链“链主”企业。"


def test_pdf_running_heads_are_dropped(bare, tmp_path: Path):
    path = to_pdf(source_lines(CHANGZHI), tmp_path / "changzhi.pdf", header="长治市人民政府规范性文件")
    pdf = read_document(path)
    assert "长治市人民政府规范性文件" not in pdf.lines
    assert any("running heads" in w for w in pdf.warnings)
    assert pdf.clean_text() == bare[CHANGZHI].clean_text()


def test_pdf_without_the_layout_engine_falls_back(bare, rendered, monkeypatch):
    path = rendered(LINFEN, "pdf").path
    monkeypatch.setattr(pdf_reader, "_runs", lambda page: None)
    pdf = read_document(Path(path))
    assert any("layout engine is not available" in w for w in pdf.warnings)
    assert sections(pdf) == sections(bare[LINFEN]) and pdf.meta == bare[LINFEN].meta
    assert [t.number for t in pdf.tables] == [str(n) for n in range(1, 16)]


def test_untitled_tables_are_tables_too(tmp_path: Path):
    p = tmp_path / "plan.txt"
    p.write_text("一、总则\n表格如下：\n名称\t数量\n实验室\t3\n\t5\n正文继续。\n", encoding="utf-8")
    doc = read_document(p)
    [t] = doc.tables
    assert (t.number, t.title, t.line, t.header, [r.cells for r in t.rows]) == (None, "", 3, ["名称", "数量"], [["实验室", "3"], ["", "5"]])
    assert doc.paragraphs[-1].text == "正文继续。" and doc.paragraphs[-1].section_path == ["总则"]


def test_group_labels_between_rows_stay_inside_their_table(tmp_path: Path):
    """一、创新投入 between the rows of an indicator box groups them: it neither ends the table nor opens a
    section, so every row keeps the header (单位, 2025年目标) that says what its cells are."""
    p = tmp_path / "plan.txt"
    p.write_text("一、总则\n专栏1　主要指标\n指标\t单位\t2020年基数\t2025年目标\n一、创新投入\n"
                 "全社会R&D经费支出占GDP比重\t%\t2.41\t3.0\n二、创新主体\n高新技术企业数\t家\t1983\t4000\n"
                 "二、重点任务\n正文继续。\n", encoding="utf-8")
    doc = read_document(p)
    [t] = doc.tables
    assert t.header == ["指标", "单位", "2020年基数", "2025年目标"]
    assert [r.cells[0] for r in t.rows] == ["全社会R&D经费支出占GDP比重", "高新技术企业数"]
    assert [s.title for s in doc.sections] == ["总则", "重点任务"]
    assert doc.paragraphs[-1].section_path == ["重点任务"]
