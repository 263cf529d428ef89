"""Document metadata read from the text itself: title, city, issuer, document number, date, kind.

Chinese official documents print these in a fixed order: the issuer's masthead (临汾市人民政府文件),
the document number (临政发〔2022〕27号), the notice title (关于印发《…》的通知), the signature and
date, then the plan with its own title; the office's 印发 date closes the file. Only whole clean
paragraphs of the front matter (before the first heading) and of the last lines are read, so a
document number or date quoted in the body is never taken for the document's own.
"""

from __future__ import annotations

import re

from kg.ingest.structure import DATE_LINE, DOC_KIND_END, DOCNO_LINE, ORG_LINE, cn_to_int
from kg.models import DocumentMeta, Paragraph, Section

_CITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?市)")  # 临汾市, 鄂尔多斯市
_ENCLOSED = re.compile(r"印发.*?《([^《》]{4,100})》|《([^《》]{4,100})》.{0,4}印发")
_NOTICE = re.compile(r"关于印发(.{4,100}?)的通知$")
_DATE = re.compile(r"^(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})日)?")
_YEAR_IN_NUMBER = re.compile(r"[〔\[［（](\d{4})[〕\]］）]")
KINDS = (
    ("reply", re.compile(r"(?:答复|复函|批复)$")),
    ("plan", re.compile(r"(?:规划|纲要|计划)$")),
    ("measure", re.compile(r"(?:措施|办法|意见|方案|细则|条例|规定|政策)$")),
)


def _digits(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if len(s) == 4 and all(c in "〇零一二三四五六七八九" for c in s):
        return int("".join(str("〇一二三四五六七八九".index(c) if c != "零" else 0) for c in s))
    return cn_to_int(s)


def parse_date(text: str) -> str | None:
    """2022年4月21日 → 2022-04-21; 二〇二二年一月 → 2022-01."""
    m = _DATE.match(text)
    if not m:
        return None
    y, mo = _digits(m.group(1)), _digits(m.group(2))
    if y is None or mo is None or not 1 <= mo <= 12:
        return None
    if m.group(3):
        d = _digits(m.group(3))
        if d and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return f"{y:04d}-{mo:02d}"


def kind_of(title: str | None) -> str | None:
    if not title:
        return None
    for kind, pat in KINDS:
        if pat.search(title):
            return kind
    return None


def read_meta(paragraphs: list[Paragraph], sections: list[Section]) -> tuple[DocumentMeta, dict[str, int]]:
    """Metadata printed in the front matter and sign-off of the document, and the 1-based line
    each field was read from (for evidence)."""
    first_heading = sections[0].line if sections else None
    body = [p for p in paragraphs if not p.in_table]
    front = [(p.text, p.line) for p in body if first_heading is None or p.line < first_heading][:40]
    tail = [(p.text, p.line) for p in body[-8:]]
    meta = DocumentMeta()
    at: dict[str, int] = {}
    for t, line in front:
        if not meta.doc_number and DOCNO_LINE.match(t):
            meta.doc_number = re.sub(r"[\[［（]", "〔", re.sub(r"[\]］）]", "〕", t))
            at["doc_number"] = line
        if not meta.issuer and ORG_LINE.match(t) and not t.startswith("抄送"):
            meta.issuer = t.removesuffix("文件")
            at["issuer"] = line
        if not meta.date and DATE_LINE.match(t):
            meta.date = parse_date(t)
            at["date"] = line
    for t, line in front:  # the plan a notice sends out
        m = _ENCLOSED.search(t)
        title = (m.group(1) or m.group(2)) if m else None
        if not title:
            m = _NOTICE.search(t)
            title = m.group(1) if m else None
        if title:
            meta.title = title
            at["title"] = line
            break
    if not meta.title:  # or a title line of the document itself
        found = next(((t, line) for t, line in front if len(t) <= 100 and DOC_KIND_END.search(t) and not t.endswith("通知")), None)
        if found:
            meta.title, at["title"] = found
    if not meta.date:
        found = next(((parse_date(t), line) for t, line in reversed(tail) if DATE_LINE.match(t)), None)
        if found:
            meta.date, at["date"] = found
    if not meta.date and meta.doc_number:
        m = _YEAR_IN_NUMBER.search(meta.doc_number)
        if m:
            meta.date, at["date"] = m.group(1), at["doc_number"]
    for key, source in (("issuer", meta.issuer), ("title", meta.title)):
        m = _CITY.match(source or "")
        if m and not m.group(1).startswith("关于"):
            meta.city, at["city"] = m.group(1), at[key]
            break
    meta.kind = kind_of(meta.title)
    if meta.kind:
        at["kind"] = at["title"]
    return meta, at
