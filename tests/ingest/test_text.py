"""Plain-text reading: encodings detected by content, line numbering as `grep -n` counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import PLANS
from kg.ingest import read_document
from kg.ingest.text import detect_encoding, sniff, split_lines

from .conftest import CHANGZHI, LINFEN


@pytest.mark.parametrize("encoding,detected", [
    ("gbk", "gbk"), ("gb18030", "gbk"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"), ("utf-8-sig", "utf-8-sig"),
])
def test_other_encodings_give_identical_clean_text_and_paragraphs(docs, tmp_path: Path, encoding: str, detected: str):
    base = docs[LINFEN]
    copy = tmp_path / LINFEN  # same name: the file's extension says nothing about its encoding
    copy.write_bytes((PLANS / LINFEN).read_text(encoding="utf-8").encode(encoding))
    doc = read_document(copy)
    assert doc.encoding == detected
    assert doc.lines == base.lines
    assert doc.clean_text() == base.clean_text()
    assert [p.model_dump() for p in doc.paragraphs] == [p.model_dump() for p in base.paragraphs]
    assert [t.model_dump() for t in doc.tables] == [t.model_dump() for t in base.tables]
    assert doc.sha256 != base.sha256


def test_gb18030_only_characters_are_read(tmp_path: Path):
    # 𠀀 (U+20000) is outside GBK: only GB18030 encodes it
    p = tmp_path / "plan.txt"
    p.write_bytes("第一章 总则\n依托𠀀研究院建设实验室。\n".encode("gb18030"))
    doc = read_document(p)
    assert doc.encoding == "gb18030"
    assert doc.paragraphs[1].text == "依托𠀀研究院建设实验室。"


def test_lines_are_numbered_like_grep(docs):
    doc = docs[LINFEN]
    raw = (PLANS / LINFEN).read_text(encoding="utf-8")
    assert doc.lines == raw.split("\n")  # no trailing newline: the last line (474) still counts
    assert len(doc.lines) == 474 and doc.lines[473] == "2022年10月12日印发"
    assert doc.lines[247].startswith("构建氢能产业科技创新链。")
    assert split_lines("a\r\nb\r\n") == ["a", "b"]
    assert split_lines("a\rb\r") == ["a", "b"]


def test_sniffing_goes_by_content():
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert sniff(b"PK\x03\x04rest") == "zip"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....") == "ole"
    assert sniff("临汾".encode()) == "text"
    text, enc = detect_encoding("\ufeff专栏".encode("utf-8"), "x")
    assert (text, enc) == ("专栏", "utf-8-sig")


def test_crlf_file_keeps_its_evidence_lines(docs, tmp_path: Path):
    p = tmp_path / CHANGZHI
    p.write_bytes((PLANS / CHANGZHI).read_bytes().replace(b"\n", b"\r\n"))
    doc = read_document(p)
    assert doc.lines == docs[CHANGZHI].lines
    assert doc.clean_text() == docs[CHANGZHI].clean_text()
