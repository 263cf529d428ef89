"""Plain-text plans: encoding detection, line splitting, cleaning with a character map,
section tree and 专栏 tables. The structure parser works on lines, so the DOCX and PDF readers
produce lines too and reuse it."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from kg.errors import InputError
from kg.models import Document, DocumentMeta, Paragraph, Section, Table, TableRow

log = logging.getLogger(__name__)

CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CN_NUM = "一二三四五六七八九十百零〇"

# The numbering ladder, outermost first. Each pattern captures (number, rest-of-line).
HEADING_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^第([{_CN_NUM}\d]+)[章篇部分]+\s*(.*)$")),
    (2, re.compile(rf"^([{_CN_NUM}]+)\s*、\s*(.+)$")),
    (3, re.compile(rf"^[（(]\s*([{_CN_NUM}]+)\s*[）)]\s*(.+)$")),
    (4, re.compile(r"^(\d{1,2})\s*[.．、]\s*(?!\d)(.+)$")),
    (5, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*(.+)$")),
]
TOC_LINE = re.compile(r"(\.{3,}|…{2,}|\t)\s*\(?\d{1,3}\)?\s*$|[（(]\d{1,3}[)）]\s*$")
TABLE_START = re.compile(r"^\s*专栏\s*(\d+)\s*[:：]?\s*(.*?)\s*$")
SENTENCE_END = "。！？；：”\"）)…"


def detect_encoding(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes by content (BOMs first, then strict UTF-8, then GB18030)."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not a text plan")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8, UTF-16 or GBK/GB18030 text ({exc.reason} at byte {exc.start})") from exc


def split_lines(text: str) -> list[str]:
    """Lines as `grep -n` numbers them: split on \\n, drop a trailing \\r."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def heading_of(line: str) -> tuple[int, str, str] | None:
    """(level, number, title) if the line is a heading of the numbering ladder."""
    s = line.strip()
    if not s or len(s) > 120 and "。" in s[:40]:
        pass
    for level, pat in HEADING_PATTERNS:
        m = pat.match(s)
        if m:
            number, rest = m.group(1), m.group(2).strip()
            # a run-in heading ("1. 推进重大科技项目攻关。正文……"): the title ends at the first 。
            title = re.split(r"[。；]", rest, maxsplit=1)[0].strip()
            if not title or len(title) > 60:
                return None
            return level, number, title
    return None


def _clean_chars(line: str, lineno: int) -> tuple[str, list[tuple[int, int]]]:
    """Drop spaces between CJK characters (PDF artefacts), keep a (line, col) per kept char."""
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    n = len(line)
    for col, ch in enumerate(line):
        if ch in " \u3000\t":
            prev = line[col - 1] if col > 0 else ""
            nxt = next((c for c in line[col + 1 :] if c not in " \u3000\t"), "")
            if not prev or not nxt or re.match(f"[{CJK}，。、；：（）“”]", prev) or re.match(f"[{CJK}，。、；：（）“”]", nxt):
                continue
            ch = " "
        out.append(ch)
        origin.append((lineno, col))
    del n
    return "".join(out), origin


def parse_lines(lines: list[str], name: str) -> tuple[list[Section], list[Table], list[Paragraph], list[str]]:
    """Section tree, 专栏 tables and clean paragraphs from original lines."""
    sections: list[Section] = []
    tables: list[Table] = []
    paragraphs: list[Paragraph] = []
    warnings: list[str] = []
    stack: list[Section] = []
    table: Table | None = None
    pending: Paragraph | None = None

    def path() -> list[str]:
        return [s.title for s in stack]

    def flush() -> None:
        nonlocal pending
        if pending is not None and pending.text:
            paragraphs.append(pending)
        pending = None

    for i, raw in enumerate(lines, start=1):
        s = raw.strip()
        if not s:
            continue
        if TOC_LINE.search(raw) and heading_of(re.sub(r"[\t.…]+\s*\(?\d+\)?\s*$", "", s)) and len(s) < 80:
            continue  # table-of-contents entry
        m = TABLE_START.match(raw)
        if m:
            flush()
            table = Table(number=m.group(1), title=m.group(2).strip(), line=i, section_path=path())
            tables.append(table)
            text, origin = _clean_chars(raw, i)
            paragraphs.append(Paragraph(text=text, origin=origin, section_path=path(), in_table=True))
            continue
        if table is not None:
            if "\t" in raw or (not heading_of(s) and len(s) < 40 and not s.endswith("。")):
                cells = [c.strip() for c in raw.split("\t")]
                while cells and not cells[-1]:
                    cells.pop()
                if not table.header and not table.rows and len(cells) > 1:
                    table.header = cells
                else:
                    table.rows.append(TableRow(cells=cells, line=i))
                # every cell is also a paragraph, so extraction sees table text with its line
                col = 0
                for cell in raw.split("\t"):
                    if cell.strip():
                        start = raw.index(cell, col)
                        text, origin = _clean_chars(cell, i)
                        origin = [(ln, c + start) for ln, c in origin]
                        paragraphs.append(Paragraph(text=text, origin=origin, section_path=path(), in_table=True))
                    col += len(cell) + 1
                continue
            table = None
        h = heading_of(s)
        if h:
            flush()
            level, number, title = h
            while stack and stack[-1].level >= level:
                stack.pop()
            sec = Section(level=level, number=number, title=title, line=i, path=path() + [title])
            stack.append(sec)
            sections.append(sec)
            text, origin = _clean_chars(raw, i)
            paragraphs.append(Paragraph(text=text, origin=origin, section_path=path(), is_heading=True))
            continue
        text, origin = _clean_chars(raw, i)
        if pending is not None and pending.text and pending.text[-1] not in SENTENCE_END:
            pending.text += text  # a sentence broken across lines: rejoin
            pending.origin.extend(origin)
        else:
            flush()
            pending = Paragraph(text=text, origin=origin, section_path=path())
    flush()
    if not sections:
        warnings.append(f"{name}: no numbered headings found")
    return sections, tables, paragraphs, warnings


META_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,6}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
META_CITY = re.compile(r"([\u4e00-\u9fff]{2,4}市)")


def read_meta(lines: list[str]) -> DocumentMeta:
    """Metadata printed in the first lines of the document."""
    head = [ln.strip() for ln in lines[:40] if ln.strip()]
    meta = DocumentMeta()
    for ln in head:
        m = META_DOC_NUMBER.search(ln)
        if m and not meta.doc_number:
            meta.doc_number = re.sub(r"\s+", "", m.group(0))
        if "规划" in ln and not meta.title and len(ln) < 90 and "《" not in ln:
            meta.title = re.sub(r"\s+", "", ln)
        if ln.endswith(("人民政府文件", "人民政府", "科学技术局")) and not meta.issuer:
            meta.issuer = ln.removesuffix("文件")
    for ln in head:
        m = META_CITY.search(ln)
        if m:
            meta.city = m.group(1)
            break
    return meta


def read_text_file(path: Path) -> Document:
    data = path.read_bytes()
    text, encoding = detect_encoding(data, str(path))
    return document_from_lines(path, split_lines(text), encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def document_from_lines(path: Path, lines: list[str], *, encoding: str, sha256: str, fmt: str = "txt", pages: int | None = None) -> Document:
    if not any(ln.strip() for ln in lines):
        raise InputError(f"{path}: no text found")
    sections, tables, paragraphs, warnings = parse_lines(lines, path.name)
    return Document(
        name=path.name, path=str(path), sha256=sha256, encoding=encoding, fmt=fmt, lines=lines, pages=pages,
        meta=read_meta(lines), sections=sections, tables=tables, paragraphs=paragraphs, warnings=warnings,
    )
