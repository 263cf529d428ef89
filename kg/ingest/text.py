"""Raw text of a plan file: format sniffing, encoding detection, line splitting.

Every reader (text, DOCX, PDF) produces a `RawText`: the lines evidence will point at, plus
layout hints the structure parser may use. Formats and encodings are detected from the bytes;
the file extension only chooses the error message when the bytes are not what it promises.
"""

from __future__ import annotations

import hashlib
import logging
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 64 * 2**20
"""Largest file read (any format). A plan is 10-100 KB of text; a PDF or DOCX with pictures a
few MB. Checked before reading, so a huge or endless file (a link to /dev/zero) costs nothing."""
MAX_TEXT_CHARS = 1_000_000
"""Most characters of text a document may have: about 40 times the largest plan of the corpus
(70 KB, 24k characters). Past it, ingest and extraction take minutes and gigabytes (measured
in docs/reliability.md), so such a file is refused with a clear error instead."""


@dataclass
class RawText:
    """The extracted text of one file, line by line, before any cleaning.

    `soft` holds 1-based line numbers whose line break the reader knows to be a soft wrap (the
    paragraph goes on: PDF layout, DOCX manual line breaks); `hard` holds lines after which the
    reader knows a paragraph ends (DOCX heading styles). Plain text gives no hints."""

    lines: list[str]
    fmt: str
    encoding: str
    sha256: str
    pages: int | None = None
    line_pages: list[int] = field(default_factory=list)
    soft: set[int] = field(default_factory=set)
    hard: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def sniff(data: bytes) -> str:
    """What the bytes are: pdf, zip (DOCX is a ZIP), ole (legacy .doc/.xls), rtf or text."""
    head = data[:1024]
    if b"%PDF-" in head and not head.startswith(b"PK"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return "text"


# -------------------------------------------------------------------------------- encodings
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _control_ratio(text: str) -> float:
    """Share of C0 control characters other than whitespace: high in binary data."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\x0c")
    return bad / min(len(text), 20000)


def detect_encoding(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file by its content: BOM first (UTF-8/16/32), then UTF-16 without BOM (by
    where the NUL bytes sit), strict UTF-8, then GBK / GB18030. Returns (text, encoding)."""
    if not data.strip(b" \t\r\n\x00"):
        raise InputError(f"{name}: the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason} at byte {exc.start})") from exc
            return text.lstrip("\ufeff"), enc
    if b"\x00" in data:
        sample = data[:8192]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if len(data) % 2 == 0 and zeros > 4 * other:
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _control_ratio(text) < 0.01:
                    return text, enc
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not a text plan")
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        text, enc = "", ""
        for cand in ("gbk", "gb18030"):
            try:
                text = data.decode(cand)
                enc = cand
                break
            except UnicodeDecodeError as exc:
                err = exc
        if not enc:
            raise InputError(f"{name}: not UTF-8, UTF-16 or GBK/GB18030 text ({err.reason} at byte {err.start})") from err
        pua = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
        if pua > 0.01 * len(text):  # Big5 read as GB18030 gives ~30% private-use code points
            raise InputError(f"{name}: read as {enc.upper()} it has {pua} private-use characters ({pua / len(text):.0%}): "
                             "probably another encoding (Big5?); save it as UTF-8")
    if _control_ratio(text) > 0.01:
        raise InputError(f"{name}: looks like a binary file (control characters), not a text plan")
    return text, enc


def split_lines(text: str) -> list[str]:
    """Lines as `grep -n` numbers them: split on \\n, drop a trailing \\r (a file of bare \\r
    line ends is split on \\r). A final line without a newline is still a line."""
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def check_text_size(chars: int, path: Path) -> None:
    """Refuse text longer than MAX_TEXT_CHARS (see there why)."""
    if chars > MAX_TEXT_CHARS:
        raise InputError(f"{path}: {chars:,} characters of text is more than the {MAX_TEXT_CHARS:,} a plan may have; "
                         "split the file into its documents")


def read_text(data: bytes, path: Path) -> RawText:
    text, encoding = detect_encoding(data, str(path))
    check_text_size(len(text), path)
    lines = split_lines(text)
    if not any(ln.strip() for ln in lines):
        raise InputError(f"{path}: the file is empty (only whitespace)")
    return RawText(lines=lines, fmt="txt", encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def read_raw(path: Path) -> RawText:
    """Read any supported file into lines; the format is decided by the bytes."""
    path = Path(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file (a device, pipe or socket); give a plan file")
        if st.st_size > MAX_FILE_BYTES:
            raise InputError(f"{path}: {st.st_size / 2**20:.1f} MB is larger than the {MAX_FILE_BYTES // 2**20} MB "
                             "a plan file may have; split it or save the plan text alone")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not data:
        raise InputError(f"{path}: the file is empty (0 bytes)")
    kind = sniff(data)
    suffix = path.suffix.lower()
    if kind in ("pdf", "zip"):
        if kind == "pdf":
            from kg.ingest.pdf_reader import read_pdf as reader
        else:
            from kg.ingest.docx_reader import read_docx as reader
        raw = reader(data, path)
        check_text_size(sum(len(ln) for ln in raw.lines), path)
        return raw
    if kind == "ole":
        raise InputError(f"{path}: a legacy Word/Excel (OLE) file; save it as .docx and read that")
    if kind == "rtf":
        raise InputError(f"{path}: an RTF file; save it as .docx or .txt and read that")
    if suffix == ".pdf":
        raise InputError(f"{path}: not a PDF (no %PDF- header): damaged, truncated at the start, or mislabelled")
    if suffix == ".docx":
        raise InputError(f"{path}: not a DOCX (not a ZIP archive): damaged or mislabelled")
    return read_text(data, path)
