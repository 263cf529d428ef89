"""Word (.docx) plans -> lines: one line per paragraph, table rows as tab-separated lines.

Body paragraphs and tables are read in document order (including content controls and text
boxes), so the same structure parser as for .txt applies: a 专栏 table comes out as its title
line followed by "cell⇥cell" rows, a vertically merged cell as an empty cell (spanned from the
row above, as in the text corpus). A one-column table (a boxed 专栏 of text) gives one line per
paragraph. The evidence `line` of a DOCX is the line of this extracted text (`kg ingest --text`
prints it).
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from pathlib import Path
from typing import Iterator

from kg.errors import InputError
from kg.ingest.text import MAX_FILE_BYTES, RawText

log = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
HEADING_STYLES = ("heading", "title", "标题")
MAX_UNPACKED_BYTES = 4 * MAX_FILE_BYTES
"""python-docx unpacks every part into memory: a DOCX whose parts unpack to more is refused."""


def _para_text(p) -> str:
    """Text of a w:p: runs, tabs, breaks; text boxes inside it are read separately."""
    out: list[str] = []
    for el in p.iter():
        if el.tag == MC_FALLBACK:
            continue
        tag = el.tag
        if tag == W + "t":
            if _inside(el, p, W + "txbxContent"):
                continue
            out.append(el.text or "")
        elif tag in (W + "tab", W + "ptab"):
            if not _inside(el, p, W + "txbxContent"):
                out.append("\t")
        elif tag in (W + "br", W + "cr"):
            if not _inside(el, p, W + "txbxContent") and el.get(W + "type") not in ("page", "column"):
                out.append("\n")
    return "".join(out)


def _inside(el, stop, tag: str) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag or parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _style(p, styles: dict[str, str]) -> str:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return ""
    st = ppr.find(W + "pStyle")
    if st is None:
        return ""
    sid = st.get(W + "val") or ""
    return styles.get(sid, sid)


def _textboxes(p) -> Iterator:
    """Paragraphs of text boxes anchored in a paragraph (the VML fallback copy skipped)."""
    for box in p.iter(W + "txbxContent"):
        if _inside(box, p, MC_FALLBACK) or _inside(box, p, W + "txbxContent"):
            continue
        yield from box.iter(W + "p")


def _cell_paragraphs(tc) -> list:
    return [p for p in tc.iter(W + "p")]


def _rows(tbl) -> Iterator[tuple[list[str], list[list[str]]]]:
    """Each row as (cells, paragraphs of each cell). Vertically merged continuation cells are
    empty; a cell spanning columns (gridSpan) is one cell."""
    for tr in tbl.findall(W + "tr"):
        cells: list[str] = []
        paras: list[list[str]] = []
        for tc in tr.findall(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            vm = tcpr.find(W + "vMerge") if tcpr is not None else None
            texts = [_para_text(p).replace("\t", " ").replace("\n", " ") for p in _cell_paragraphs(tc)]
            if vm is not None and vm.get(W + "val") in (None, "continue"):
                texts = []
            paras.append([t for t in texts if t.strip()])
            cells.append(" ".join(t.strip() for t in texts if t.strip()))
        yield cells, paras


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.soft: set[int] = set()
        self.hard: set[int] = set()

    def add(self, text: str, *, hard: bool = False) -> None:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            self.lines.append(part)
            if k < len(parts) - 1:
                self.soft.add(len(self.lines))  # manual line break inside a paragraph
        if hard:
            self.hard.add(len(self.lines))


def _walk(container, styles: dict[str, str], out: _Lines) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == W + "p":
            style = _style(child, styles).lower()
            out.add(_para_text(child), hard=style.startswith(HEADING_STYLES))
            for bp in _textboxes(child):
                out.add(_para_text(bp))
        elif tag == W + "tbl":
            rows = list(_rows(child))
            if rows and all(len(cells) == 1 for cells, _ in rows):  # a text box drawn as a table
                for _, paras in rows:
                    for text in paras[0] if paras else []:
                        out.add(text)
            else:
                for cells, _ in rows:
                    if any(c.strip() for c in cells):
                        out.add("\t".join(cells))
            out.add("")
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _walk(content, styles, out)


def read_docx(data: bytes, path: Path) -> RawText:
    """Lines of a .docx file (body only: page headers and footers are not plan text)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: truncated or damaged DOCX (not a readable ZIP archive: {exc})") from exc
    if "word/document.xml" not in names:
        raise InputError(f"{path}: a ZIP archive but not a Word document (no word/document.xml)")
    unpacked = sum(i.file_size for i in zf.infolist())
    if unpacked > MAX_UNPACKED_BYTES or zf.getinfo("word/document.xml").file_size > MAX_FILE_BYTES:
        raise InputError(f"{path}: the DOCX unpacks to {unpacked / 2**20:.0f} MB, more than a plan has "
                         f"(at most {MAX_FILE_BYTES // 2**20} MB of document XML, {MAX_UNPACKED_BYTES // 2**20} MB in all): "
                         "a ZIP bomb or not a plan")
    try:
        zf.read("word/document.xml")
        import docx

        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{path}: damaged DOCX ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError and python-docx's own errors
        raise InputError(f"{path}: damaged DOCX, its XML cannot be read ({type(exc).__name__}: {exc})") from exc
    styles = {}
    try:
        styles = {s.style_id: s.name or "" for s in d.styles}
    except Exception:  # a document without a styles part
        log.debug("%s: no styles part", path)
    out = _Lines()
    _walk(d.element.body, styles, out)
    while out.lines and not out.lines[-1].strip():
        out.lines.pop()
    if not any(ln.strip() for ln in out.lines):
        raise InputError(f"{path}: the Word document has no text")
    return RawText(lines=out.lines, fmt="docx", encoding="docx", sha256=hashlib.sha256(data).hexdigest(),
                   soft=out.soft, hard={h for h in out.hard if h <= len(out.lines)})
