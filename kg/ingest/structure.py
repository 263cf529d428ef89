"""Section tree, 专栏 tables and clean paragraphs from the lines of a `RawText`.

One pass over the original lines. Each line is cleaned into a `Chunk` (clean text + (line, col)
per character); chunks are then classified (table of contents, 专栏 table, heading, text) and
text chunks are rejoined into paragraphs where a sentence was broken across lines. The same
parser serves .txt, .docx and .pdf: the readers only turn their input into lines.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from kg.ingest.clean import CONTINUING, Chunk, clean_line, clean_span, ends_sentence, has_cjk
from kg.ingest.tables import finish_table
from kg.ingest.text import RawText
from kg.models import Paragraph, Section, Table, TableRow

log = logging.getLogger(__name__)

_CN = "一二三四五六七八九十百零〇两"
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


@dataclass(frozen=True)
class Rung:
    """One style of the numbering ladder; `rank` orders them, outermost first."""

    marker: str
    rank: int
    pattern: re.Pattern[str]


# Patterns run on clean text: brackets are full-width, digits ASCII, no spaces next to Chinese.
LADDER: tuple[Rung, ...] = (
    Rung("第N章", 1, re.compile(rf"^第([{_CN}\d]{{1,4}})(?:章|篇|部分)")),
    Rung("第N节", 2, re.compile(rf"^第([{_CN}\d]{{1,4}})节")),
    Rung("一、", 3, re.compile(r"^([一二三四五六七八九十]{1,3})、")),
    Rung("（一）", 4, re.compile(r"^（([一二三四五六七八九十]{1,3})）")),
    Rung("1.", 5, re.compile(r"^(\d{1,2})(?:\.(?!\d)|、)")),
    Rung("（1）", 6, re.compile(r"^（(\d{1,2})）")),
    Rung("①", 7, re.compile(r"^([\u2460-\u2473])")),
)
MAX_TITLE = 40
TITLE_END = "。；！？："

TABLE_START = re.compile(r"^专栏(\d{1,3})(?:[：.、]|(?=[^\d]))?(.*)$")
TOC_HEAD = {"目录", "目次"}
# "一、开启一流创新生态新篇章\t(4)", "(一)发展基础\t4", "……新篇章.....\t1", "第一章 总则 …… 3"
TOC_ENTRY = re.compile(r"^\s*(\S.{0,60}?)\s*(?:(?:\.{2,}|…+|·{2,}|-{3,}|_{3,})\s*\t*|\t+|\s{3,})\s*[（(]?\d{1,3}[)）]?\s*$")
LIST_MARKS = ("——", "●", "◆", "■", "•", "▲", "★", "☆", "○", "◇", "□", "√")

# Lines that stand alone even without closing punctuation (mostly front matter and sign-off).
DATE_LINE = re.compile(rf"^(?:\d{{4}}|[{_CN}]{{4}})年(?:\d{{1,2}}|[{_CN}]{{1,3}})月(?:(?:\d{{1,2}}|[{_CN}]{{1,3}})日)?(?:印发|发布|印)?$")
DOCNO_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［（]\d{4}[〕\]］）]\d{1,4}号$")
ORG_LINE = re.compile(r"^[\u4e00-\u9fff（）]{2,24}(?:人民政府|政府办公室|办公室|办公厅|委员会|局|厅|委|院)(?:文件)?$")
DOC_KIND_END = re.compile(r"(?:通知|规划|答复|意见|方案|办法|措施|决定|纲要|计划|报告|细则|条例|批复|复函|函)$")


@dataclass
class Heading:
    rung: Rung
    number: str
    title: str
    head_end: int  # clean-text index where the heading part (number, title, its punctuation) ends


def cn_to_int(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 12 → 12, ③ → 3 (numbers of the numbering ladder)."""
    if s.isdecimal():  # not isdigit(): ① is a digit to Python but int('①') fails
        return int(s)
    if len(s) == 1 and "\u2460" <= s <= "\u2473":
        return ord(s) - 0x2460 + 1
    if "百" in s:
        return None
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGIT.get(tens, None) if tens else 1
        o = _CN_DIGIT.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    if all(c in _CN_DIGIT for c in s):
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    return None


def int_to_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + ("" if ones == 0 else digits[ones])


def match_heading(text: str) -> Heading | None:
    """The numbering-ladder heading a clean line starts with, if any. A run-in heading
    ("1.推进重大科技项目攻关。“十四五”期间……") ends at its first 。；！？：."""
    for rung in LADDER:
        m = rung.pattern.match(text)
        if not m:
            continue
        start = m.end()
        while start < len(text) and text[start] == " ":
            start += 1
        rest = text[start:]
        cut = next((k for k, ch in enumerate(rest) if ch in TITLE_END), -1)
        title = (rest if cut < 0 else rest[:cut]).strip()
        head_end = len(text) if cut < 0 else start + cut + 1
        if not title or len(title) > MAX_TITLE or not has_cjk(title):
            return None
        return Heading(rung, m.group(1), title, head_end)
    return None


def is_toc_entry(raw: str) -> str | None:
    """The title of a table-of-contents line (title, leader or tab, page number), else None."""
    m = TOC_ENTRY.match(raw)
    if not m or not has_cjk(m.group(1)):
        return None
    return m.group(1)


def is_row(raw: str) -> bool:
    """A tab-separated table row: some cell after the first tab has text."""
    return any(c.strip() for c in raw.split("\t")[1:])


def is_standalone(text: str, front: bool) -> bool:
    """A line that ends its paragraph though it has no closing punctuation: short lines,
    dates, document numbers, issuer names, and (in the front matter) document titles."""
    if not text or text[-1] in CONTINUING:
        return False
    if len(text) < 12 or DATE_LINE.match(text) or DOCNO_LINE.match(text) or ORG_LINE.match(text):
        return True
    return front and bool(DOC_KIND_END.search(text)) and text.count("《") <= text.count("》")


class Parser:
    """Builds sections, tables and paragraphs of one document from its raw lines."""

    def __init__(self, raw: RawText, name: str) -> None:
        self.raw = raw
        self.name = name
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.paragraphs: list[Paragraph] = []
        self.warnings: list[str] = []
        self.toc_titles: list[tuple[int, str]] = []
        self.stack: list[tuple[int, Section]] = []
        self.ranks: list[tuple[int, Section]] = []  # every section with its rank, in order
        self.last_number: dict[tuple[int, int], tuple[int, str]] = {}
        self.pending: Chunk | None = None
        self.pending_line = 0  # original line of the last line added to `pending`
        self.pending_last = ""  # clean text of that line
        self.front = True  # before the first heading or table of contents

    # ------------------------------------------------------------------ helpers
    def path(self) -> list[str]:
        return [s.title for _, s in self.stack]

    def flush(self) -> None:
        p = self.pending
        self.pending = None
        if p:
            p = p.strip()
            if p:
                self.paragraphs.append(Paragraph(text=p.text, origin=p.origin, inserted=p.inserted, section_path=self.path()))

    def joins(self, nxt: str) -> bool:
        """Does the next line continue the pending paragraph (a sentence broken across lines)?"""
        assert self.pending is not None
        if self.pending_line in self.raw.soft:
            return True
        text = self.pending.text
        if ends_sentence(text):
            return False
        if text[-1] in CONTINUING:
            return True
        if nxt.startswith(LIST_MARKS):
            return False
        return not is_standalone(self.pending_last, self.front)

    # ------------------------------------------------------------------ the pass
    def run(self) -> None:
        lines = self.raw.lines
        i, n = 0, len(lines)
        in_toc = False
        while i < n:
            lineno = i + 1
            raw = lines[i]
            if not raw.strip():
                i += 1
                continue
            chunk = clean_line(raw, lineno)
            if not chunk:
                i += 1
                continue
            text = chunk.text
            soft = self.pending is not None and self.pending_line in self.raw.soft
            if soft:
                self.add_text(chunk, lineno)
                i += 1
                continue
            if text in TOC_HEAD:
                self.flush()
                in_toc, self.front = True, False
                i += 1
                continue
            toc = is_toc_entry(raw)
            if toc and (in_toc or match_heading(clean_line(toc, lineno).text)):
                self.flush()
                self.toc_titles.append((lineno, toc))
                in_toc, self.front = True, False
                i += 1
                continue
            in_toc = False
            m = TABLE_START.match(text)
            if m or sum(1 for c in raw.split("\t") if c.strip()) >= 2 and self.next_is_row(i):
                self.flush()
                i = self.read_table(i, m, chunk)
                continue
            h = match_heading(text)
            if h:
                self.heading(h, chunk, lineno)
                i += 1
                continue
            self.add_text(chunk, lineno)
            i += 1
        self.flush()
        self.check()

    def add_text(self, chunk: Chunk, lineno: int) -> None:
        if self.pending is not None and self.pending and self.joins(chunk.text):
            # the logical line: a soft-wrapped visual line continues the previous one
            last = self.pending_last + chunk.text if self.pending_line in self.raw.soft else chunk.text
            self.pending.append(chunk)
        else:
            self.flush()
            self.pending = Chunk(chunk.text, list(chunk.origin), list(chunk.inserted))
            last = chunk.text
        self.pending_line, self.pending_last = lineno, last
        if lineno in self.raw.hard:
            self.flush()

    def heading(self, h: Heading, chunk: Chunk, lineno: int) -> None:
        self.flush()
        self.front = False
        self.promote_lost_heading(h)
        rank = h.rung.rank
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        self.check_numbering(h, lineno)
        path = self.path() + [h.title]
        sec = Section(level=len(self.stack) + 1, number=h.number, title=h.title, line=lineno, path=path, marker=h.rung.marker)
        self.stack.append((rank, sec))
        self.ranks.append((rank, sec))
        self.sections.append(sec)
        head = chunk.slice(0, h.head_end).strip()
        self.paragraphs.append(Paragraph(text=head.text, origin=head.origin, inserted=head.inserted, section_path=path, is_heading=True))
        body = chunk.slice(h.head_end).strip()
        if body:  # run-in heading: the rest of the line is body text of the new section
            self.pending = body
            self.pending_line, self.pending_last = lineno, body.text
            if lineno in self.raw.hard:
                self.flush()

    def check_numbering(self, h: Heading, lineno: int) -> None:
        parent = id(self.stack[-1][1]) if self.stack else 0
        key = (parent, h.rung.rank)
        num = cn_to_int(h.number)
        prev = self.last_number.get(key)
        if num is not None:
            if prev and num != prev[0] + 1 and num != 1:
                self.warnings.append(f"line {lineno}: heading {h.number} “{h.title}” follows {prev[1]} (numbering gap or repeat)")
            self.last_number[key] = (num, h.number)

    def promote_lost_heading(self, h: Heading) -> None:
        """A first sub-heading (第一节, （一）, 1.) right after a short unnumbered line: that line is a
        heading that lost its number in conversion (忻州 line 87 “建设优质创新平台” between 第二章
        and 第四章). Take it as the next heading of the rank above, and say so."""
        if cn_to_int(h.number) != 1 or not self.paragraphs:
            return
        last = self.paragraphs[-1]
        if last.is_heading or last.in_table or len(last.text) > 20 or ends_sentence(last.text):
            return
        if last.origin[0][0] != last.origin[-1][0] or not has_cjk(last.text) or match_heading(last.text):
            return
        above = [(r, s) for r, s in self.ranks if r < h.rung.rank]
        if not above:
            return
        rank = max(r for r, _ in above)
        prev = [s for r, s in above if r == rank][-1]
        prev_num = cn_to_int(prev.number)
        if prev_num is None or not any(s is prev for _, s in self.stack):
            return
        number = int_to_cn(prev_num + 1) if not prev.number.isdigit() else str(prev_num + 1)
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        path = self.path() + [last.text]
        sec = Section(level=len(self.stack) + 1, number=number, title=last.text, line=last.line, path=path, marker=prev.marker)
        self.stack.append((rank, sec))
        self.ranks.append((rank, sec))
        self.sections.append(sec)
        self.last_number[(id(self.stack[-2][1]) if len(self.stack) > 1 else 0, rank)] = (prev_num + 1, number)
        last.is_heading = True
        last.section_path = path
        self.warnings.append(
            f"line {last.line}: unnumbered line “{last.text}” taken as heading {number} ({prev.marker}) between {prev.number} and the sub-headings that follow it")

    # ------------------------------------------------------------------ 专栏
    def next_is_row(self, i: int) -> bool:
        """Is the next non-blank line a tab-separated row too (a table without a 专栏 title)?"""
        for raw in self.raw.lines[i + 1 : i + 4]:
            if raw.strip():
                return is_row(raw)
        return False

    def read_table(self, i: int, m: re.Match[str] | None, chunk: Chunk) -> int:
        """A 专栏 (its title line `m`) or an untitled table (`m` None: line i is its first row)."""
        lines = self.raw.lines
        lineno = i + 1
        path = self.path()
        table = Table(number=m.group(1) if m else None, title=m.group(2).strip() if m else "", line=lineno, section_path=path)
        self.tables.append(table)
        self.front = False
        rows: list[TableRow] = []
        if m:
            self.paragraphs.append(Paragraph(text=chunk.text, origin=chunk.origin, section_path=path, in_table=True))
            j = i + 1
        else:
            j = i
        while j < len(lines):
            raw = lines[j]
            if not raw.strip():
                j += 1
                continue
            if not is_row(raw) and rows and self.next_is_row(j) and len(raw.strip()) <= 20 \
                    and not TABLE_START.match(clean_line(raw, j + 1).text):
                # 一、创新投入 between rows: a group label inside the table, not a heading that ends it
                c = clean_line(raw, j + 1)
                self.paragraphs.append(Paragraph(text=c.text, origin=c.origin, section_path=path, in_table=True))
                j += 1
                continue
            if not is_row(raw) or TABLE_START.match(clean_line(raw, j + 1).text):
                break
            row = self.row(raw, j + 1, path)
            if row is not None:
                rows.append(row)
            j += 1
        if not rows:
            j = self.read_box(table, i + 1)
        else:
            finish_table(table, rows)
        if not table.rows:
            self.warnings.append(f"line {lineno}: 专栏{table.number} “{table.title}” has no rows")
        return j if j > i else i + 1

    def row(self, raw: str, lineno: int, path: list[str]) -> TableRow | None:
        cells: list[str] = []
        raws: list[str] = []
        col = 0
        for part in raw.split("\t"):
            c = clean_span(raw, lineno, col, col + len(part)).strip()
            cells.append(c.text)
            raws.append(part.strip())
            if c:
                self.paragraphs.append(Paragraph(text=c.text, origin=c.origin, section_path=path, in_table=True))
            col += len(part) + 1
        while cells and not cells[-1]:
            cells.pop()
            raws.pop()
        if not cells:
            return None
        return TableRow(cells=cells, raw=raws, line=lineno)

    def read_box(self, table: Table, j: int) -> int:
        """A 专栏 without rows is a text box: its content is the paragraph that follows."""
        lines = self.raw.lines
        box: Chunk | None = None
        first = 0
        while j < len(lines):
            raw = lines[j]
            if not raw.strip():
                j += 1
                continue
            c = clean_line(raw, j + 1)
            if box is None:
                if not c or match_heading(c.text) or TABLE_START.match(c.text):
                    break
                box, first = c, j + 1
            elif ends_sentence(box.text) or match_heading(c.text) or TABLE_START.match(c.text):
                break
            else:
                box.append(c)
            j += 1
        if box:
            self.paragraphs.append(Paragraph(text=box.text, origin=box.origin, inserted=box.inserted, section_path=table.section_path, in_table=True))
            table.rows = [TableRow(cells=[box.text], raw=[lines[first - 1].strip()], line=first)]
        return j

    # ------------------------------------------------------------------ checks
    def check(self) -> None:
        if not self.sections:
            self.warnings.append("no numbered headings found")
        if self.toc_titles:
            titles = {re.sub(r"\s+", "", s.title) for s in self.sections}
            for lineno, t in self.toc_titles:
                h = match_heading(clean_line(t, lineno).text)
                title = h.title if h else clean_line(t, lineno).text
                if title not in titles:
                    self.warnings.append(f"line {lineno}: table of contents lists “{title}” but no such heading was found")


def parse(raw: RawText, name: str) -> Parser:
    p = Parser(raw, name)
    p.run()
    return p
