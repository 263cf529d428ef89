"""PDF plans (text layer) -> lines.

Text runs and their exact extents (start x, end x after the glyph widths, baseline, font
height) come from pypdf's layout engine. From that geometry, per visual line:
- a horizontal gap of more than 1.5 characters between runs is a table column gap and becomes
  a tab (the 专栏 row format of the text corpus); a row whose first cells are empty (spanned from
  the row above) gets leading tabs by aligning it with the columns of the rows above;
- page numbers alone on the first or last line of a page ("- 9 -", "9", "第 9 页") are dropped;
- a line that runs to the right margin followed, without extra spacing, by a line that is not
  indented is a soft wrap of one paragraph (also across a page break): the structure parser
  joins them whatever the punctuation at the wrap point.
A PDF without a text layer (a scan) is rejected with an error that says so.

pypdf's layout engine is internal API; if it changes, the reader falls back to pypdf's public
layout-mode text (column gaps and wraps then estimated from a character grid) and says so in
the document's warnings.

The evidence `line` of a PDF is the line of this extracted text; `Document.line_pages` gives
the page of each line.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from kg.errors import InputError
from kg.ingest.text import RawText

log = logging.getLogger(__name__)

PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$")
INNER_GAP = re.compile(r" {4,}")  # spaces pypdf put inside one text object for a wide gap
COLUMN_GAP = 1.5  # ems between runs that make a column gap
WRAP_SLACK = 1.6  # ems short of the right margin a wrapped line may end


@dataclass
class _Run:
    x0: float
    x1: float
    y: float
    em: float
    text: str


@dataclass
class _Line:
    text: str  # content with column gaps as tabs
    x0: float
    x1: float
    y: float
    em: float
    page: int
    blank_before: bool = False
    starts: tuple[float, ...] = ()  # x of each cell start


def _runs(page: Any) -> list[_Run] | None:
    """Text runs of a page with exact extents, or None when pypdf's layout engine is not usable."""
    try:
        from pypdf._text_extraction import _layout_mode
        from pypdf.generic import ContentStream

        fonts = page._layout_mode_fonts()
        contents = page.get("/Contents")
        if contents is None:
            return []
        contents = contents.get_object()
        ops = iter(ContentStream(contents, page.pdf, "bytes").operations)
        groups = _layout_mode.text_show_operations(ops, fonts, True, None)
        return [_Run(float(g["tx"]), float(g["displaced_tx"]), float(g["ty"]) * g["flip_sort"], float(g["font_height"]) or 10.0, g["text"])
                for g in groups if g["text"].strip()]
    except (ImportError, AttributeError, TypeError, KeyError):
        return None


def _assemble(runs: list[_Run], page: int) -> list[_Line]:
    """Visual lines of a page, top to bottom, from its runs."""
    runs = sorted(runs, key=lambda r: (-r.y, r.x0))
    rows: list[list[_Run]] = []
    for r in runs:
        if rows and abs(rows[-1][0].y - r.y) < 0.5 * min(r.em, rows[-1][0].em):
            rows[-1].append(r)
        else:
            rows.append([r])
    lines: list[_Line] = []
    for row in rows:
        row.sort(key=lambda r: r.x0)
        parts: list[str] = []
        starts = [row[0].x0]
        em = max(r.em for r in row)
        for k, r in enumerate(row):
            text = r.text
            if k:
                gap = r.x0 - row[k - 1].x1
                if gap > COLUMN_GAP * em:
                    parts.append("\t")
                    starts.append(r.x0)
                elif gap > 0.2 * em:
                    parts.append(" ")
            parts.append(INNER_GAP.sub("\t", text.strip(" ")))
        body = "".join(parts)
        lines.append(_Line(body, row[0].x0, row[-1].x1, row[0].y, em, page, starts=tuple(starts)))
    # page furniture: a page number alone at the top or bottom
    for edge in (0, -1):
        if lines and PAGE_NUMBER.match(lines[edge].text):
            lines.pop(edge)
    # vertical gaps larger than the usual line pitch separate paragraphs
    pitches = sorted(a.y - b.y for a, b in zip(lines, lines[1:]) if a.y > b.y)
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    for a, b in zip(lines, lines[1:]):
        b.blank_before = pitch > 0 and (a.y - b.y) > 1.35 * pitch
    return lines


def _align_spanned_rows(lines: list[_Line]) -> None:
    """A table row that starts right of the first column (its first cells are spanned from the
    row above) gets one leading tab per skipped column, as in the text corpus."""
    cols: list[float] = []
    for ln in lines:
        first = ln.starts[0] if ln.starts else ln.x0
        tabbed = "\t" in ln.text
        spanned = bool(cols) and first > cols[0] + ln.em and (tabbed or any(abs(first - c) < 0.5 * ln.em for c in cols[1:]))
        if spanned:
            ln.text = "\t" * sum(1 for c in cols if c < first - 0.5 * ln.em) + ln.text
        elif tabbed:
            cols = list(ln.starts)
        else:
            cols = []


def _fallback_lines(page: Any, page_no: int) -> list[_Line]:
    """Lines from pypdf's public layout-mode text (a fixed character grid)."""
    text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=True)
    rows = [r.rstrip() for r in text.split("\n")]
    out: list[_Line] = []
    blank = False
    for r in rows:
        if not r.strip():
            blank = True
            continue
        lead = len(r) - len(r.lstrip(" "))
        out.append(_Line(re.sub(r" {3,}", "\t", r.strip()), float(lead), float(len(r)), 0.0, 1.0, page_no, blank))
        blank = False
    for edge in (0, -1):
        if out and PAGE_NUMBER.match(out[edge].text):
            out.pop(edge)
    if out:
        margin = min(ln.x0 for ln in out)
        for ln in out:
            ln.x0 -= margin
            ln.x1 -= margin
    return out


def _soft_wraps(lines: list[_Line]) -> set[int]:
    """1-based numbers of lines whose break is a soft wrap inside a paragraph: the line runs to
    the right margin, the next one is not indented and follows without extra spacing."""
    rights = sorted(ln.x1 for ln in lines if "\t" not in ln.text)
    if not rights:
        return set()
    right = rights[int(len(rights) * 0.9)] if len(rights) >= 10 else rights[-1]
    page_left: dict[int, float] = {}
    for ln in lines:
        page_left[ln.page] = min(page_left.get(ln.page, ln.x0), ln.x0)
    soft: set[int] = set()
    for k in range(len(lines) - 1):
        a, b = lines[k], lines[k + 1]
        if "\t" in a.text or "\t" in b.text or (b.blank_before and b.page == a.page):
            continue
        if a.x1 >= right - WRAP_SLACK * a.em and b.x0 - page_left[b.page] < 0.5 * b.em:
            soft.add(k + 1)
    return soft


def _images(page: Any) -> int:
    try:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        return sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    except Exception:  # a damaged resource dictionary: count none
        return 0


def read_pdf(data: bytes, path: Path) -> RawText:
    """Lines of a PDF's text layer (see the module docstring)."""
    if b"%%EOF" not in data[-4096:]:
        raise InputError(f"{path}: truncated or damaged PDF (no %%EOF end marker)")
    with _quiet("pypdf"):
        return _read(data, path)


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """pypdf logs a warning for every oddity of a damaged file: the reader reports them itself."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _running_heads(lines: list[_Line], pages: int) -> int:
    """Drop running heads/feet: the same text first or last on at least half of the pages."""
    if pages < 4:
        return 0
    firsts: dict[int, _Line] = {}
    lasts: dict[int, _Line] = {}
    for ln in lines:
        firsts.setdefault(ln.page, ln)
        lasts[ln.page] = ln
    drop: set[int] = set()
    for edge in (firsts, lasts):
        counts: dict[str, int] = {}
        for ln in edge.values():
            counts[ln.text] = counts.get(ln.text, 0) + 1
        drop |= {id(ln) for ln in edge.values() if counts[ln.text] >= max(3, pages // 2)}
    lines[:] = [ln for ln in lines if id(ln) not in drop]
    return len(drop)


def _read(data: bytes, path: Path) -> RawText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF is password-protected")
        pages = list(reader.pages)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise InputError(f"{path}: damaged or truncated PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise InputError(f"{path}: the PDF has no pages")
    warnings: list[str] = []
    lines: list[_Line] = []
    empty: list[int] = []
    images = 0
    fallback = False
    for k, page in enumerate(pages, 1):
        try:
            runs = None if fallback else _runs(page)
            if runs is None:
                if not fallback:
                    warnings.append("pypdf's layout engine is not available: table columns and line wraps are estimated from layout-mode text")
                fallback = True
                page_lines = _fallback_lines(page, k)
            else:
                page_lines = _assemble(runs, k) if runs else []
        except Exception as exc:  # pypdf raises many kinds on broken content streams
            warnings.append(f"page {k}: text could not be extracted ({type(exc).__name__}: {exc})")
            page_lines = []
        if not page_lines:
            empty.append(k)
            images += _images(page)
        lines.extend(page_lines)
    if _running_heads(lines, len(pages)):
        warnings.append("running heads or feet repeated on the pages were dropped")
    if not fallback:
        _align_spanned_rows(lines)  # over page breaks too: a table may go on on the next page
    if not lines:
        if images:
            raise InputError(f"{path}: no text layer on any of its {len(pages)} pages ({images} images): it looks like a scanned PDF; run OCR on it (e.g. ocrmypdf) and read the result")
        raise InputError(f"{path}: no text found on any of its {len(pages)} pages")
    if empty:
        warnings.append(f"pages {', '.join(map(str, empty))} have no text layer (scanned or blank): their content is missing")
    return RawText(
        lines=[ln.text for ln in lines], fmt="pdf", encoding="pdf", sha256=hashlib.sha256(data).hexdigest(),
        pages=len(pages), line_pages=[ln.page for ln in lines], soft=_soft_wraps(lines), warnings=warnings,
    )
