"""Render a corpus plan (its .txt lines) as a real DOCX and a real PDF, the way such plans are
published, so the tests can read them back through the DOCX and PDF readers.

DOCX (python-docx): one Word paragraph per line (empty lines too, as in a converted document);
every run of tab-separated lines becomes a Word table whose title row spans all columns and
whose row-spanned first cells are vertically merged; headings of the ladder get Heading styles.
PDF (reportlab, built-in CID font STSong-Light, no font file needed): A4 pages with page numbers,
paragraphs wrapped at the right margin with a two-character first-line indent (wrap points fall
wherever the width ends, also right after 。), table rows one per visual line with wide column
gaps. Nothing here is product code.
"""

from __future__ import annotations

import re
from pathlib import Path

HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节])")


def table_runs(lines: list[str]) -> list[tuple[str, object]]:
    """("p", line) for paragraphs, ("t", [rows]) for runs of tab-separated lines (blank lines
    inside a run are dropped, as a table has none)."""
    out: list[tuple[str, object]] = []
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines):
                if "\t" in lines[i]:
                    rows.append(lines[i])
                    i += 1
                elif not lines[i].strip() and i + 1 < len(lines) and "\t" in lines[i + 1]:
                    i += 1
                else:
                    break
            out.append(("t", rows))
        else:
            out.append(("p", lines[i]))
            i += 1
    return out


# ------------------------------------------------------------------------------------ DOCX
def to_docx(lines: list[str], path: Path) -> Path:
    import docx

    d = docx.Document()
    for kind, item in table_runs(lines):
        if kind == "p":
            line = str(item)
            style = None
            if HEADING.match(line) and "。" not in line:
                style = "Heading 2" if line.lstrip().startswith(("（", "(")) else "Heading 1"
            d.add_paragraph(line, style=style) if style else d.add_paragraph(line)
            continue
        rows = [r.split("\t") for r in item]  # type: ignore[union-attr]
        ncols = max(len(r) for r in rows)
        table = d.add_table(rows=len(rows), cols=ncols)
        for ri, cells in enumerate(rows):
            filled = [c for c in cells if c.strip()]
            if len(filled) == 1 and cells[0].strip() and ri == 0:  # the 专栏 title row: one cell across
                merged = table.cell(ri, 0).merge(table.cell(ri, ncols - 1))
                merged.text = cells[0]
                continue
            for ci in range(ncols):
                table.cell(ri, ci).text = cells[ci] if ci < len(cells) else ""
        # row-spanned first cells (empty under a filled one) are merged vertically, as in Word
        ri = 0
        while ri < len(rows):
            end = ri
            while end + 1 < len(rows) and not rows[end + 1][0].strip() and rows[ri][0].strip() and len(rows[end + 1]) > 1:
                end += 1
            if end > ri:
                top = table.cell(ri, 0)
                text = top.text
                top.merge(table.cell(end, 0))
                for p in top.paragraphs[1:]:
                    p._p.getparent().remove(p._p)
                top.paragraphs[0].text = text
            ri = end + 1
    d.save(str(path))
    return path


# ------------------------------------------------------------------------------------ PDF
FONT = "STSong-Light"
SIZE = 12.0
LEADING = 20.0
MARGIN = 72.0
TABLE_SIZE = 9.0
MIN_TABLE_SIZE = 5.0


def _tokens(text: str) -> list[str]:
    """Wrap units: an ASCII word stays whole, every other character is its own unit."""
    return re.findall(r"[A-Za-z0-9.%&+/_<>=\"'-]+| +|.", text)


def wrap(text: str, width: float, size: float, indent: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out: list[str] = []
    cur, w, avail = "", 0.0, width - indent
    for tok in _tokens(text):
        tw = stringWidth(tok, FONT, size)
        if cur and w + tw > avail:
            out.append(cur.rstrip(" "))
            cur, w, avail = "", 0.0, width
            if tok.isspace():
                continue
        cur += tok
        w += tw
    if cur.strip():
        out.append(cur.rstrip(" "))
    return out


def to_pdf(lines: list[str], path: Path, header: str | None = None) -> Path:
    """`header`: a running head drawn at the top of every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    runs = table_runs(lines)
    # wide tables get a wider page (as a landscape insert would), never wrapped cells
    table_width = 0.0
    for kind, item in runs:
        if kind == "t":
            rows = [r.split("\t") for r in item]  # type: ignore[union-attr]
            ncols = max(len(r) for r in rows)
            colw = [max((pdfmetrics.stringWidth(r[k].strip(), FONT, MIN_TABLE_SIZE) for r in rows if k < len(r)), default=0) for k in range(ncols)]
            table_width = max(table_width, sum(colw) + 3 * SIZE * (ncols - 1))
    page_w = max(A4[0], table_width + 2 * MARGIN)
    page_h = A4[1]
    c = canvas.Canvas(str(path), pagesize=(page_w, page_h), invariant=1)
    body_w = A4[0] - 2 * MARGIN
    y = page_h - MARGIN
    page = 1

    def head() -> None:
        if header:
            c.setFont(FONT, 9)
            c.drawCentredString(page_w / 2, page_h - MARGIN / 2, header)

    def need(h: float) -> None:
        nonlocal y, page
        if y - h < MARGIN:
            c.setFont(FONT, 10)
            c.drawCentredString(page_w / 2, MARGIN / 2, f"- {page} -")
            c.showPage()
            head()
            page += 1
            y = page_h - MARGIN

    head()

    for kind, item in runs:
        if kind == "p":
            line = str(item).strip()
            if not line:
                continue
            for k, part in enumerate(wrap(line, body_w, SIZE, 2 * SIZE)):
                need(LEADING)
                c.setFont(FONT, SIZE)
                c.drawString(MARGIN + (2 * SIZE if k == 0 else 0), y - SIZE, part)
                y -= LEADING
            y -= LEADING * 0.6
            continue
        rows = [r.split("\t") for r in item]  # type: ignore[union-attr]
        ncols = max(len(r) for r in rows)
        size = TABLE_SIZE
        while True:
            colw = [max((pdfmetrics.stringWidth(r[k].strip(), FONT, size) for r in rows if k < len(r)), default=0) for k in range(ncols)]
            if sum(colw) + 3 * SIZE * (ncols - 1) <= page_w - 2 * MARGIN or size <= MIN_TABLE_SIZE:
                break
            size -= 0.5
        for cells in rows:
            need(size * 2)
            c.setFont(FONT, size)
            x = MARGIN
            for k, cell in enumerate(cells):
                if cell.strip():
                    c.drawString(x, y - size, cell.strip())
                x += colw[k] + 3 * SIZE
            y -= size * 2
        y -= LEADING * 0.6
    c.setFont(FONT, 10)
    c.drawCentredString(page_w / 2, MARGIN / 2, f"- {page} -")
    c.showPage()
    c.save()
    return path
