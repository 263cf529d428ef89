"""Character-level cleaning with a map back to the original.

Every character of clean text remembers the (line, col) of the original character it came from,
so evidence quotes stay verbatim substrings of the corpus file however much the text is cleaned.
Cleaning only drops or replaces characters one for one; the only characters it adds are single
spaces between two ASCII words rejoined across a line break (`Chunk.inserted`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Ideographs (CJK Unified + Ext. A + compatibility) — the "Chinese text" in "spaces between CJK".
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")

# Context-free "normalised twin" of a raw character. Matching on clean text sees one form of each
# punctuation mark: Chinese (full-width) forms for sentence punctuation and brackets, ASCII for
# letters, digits and symbols. A raw character is either kept or replaced by its twin.
NORMALISE: dict[str, str] = {
    ",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？",
    "．": ".", "％": "%", "－": "-", "＋": "+", "／": "/", "＆": "&", "＝": "=", "＜": "<", "＞": ">",
    "＃": "#", "＠": "@", "＊": "*", "＿": "_", "＇": "'", "＂": '"', "｜": "|", "＄": "$",
    "\u3000": " ", "\t": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ",
}
NORMALISE.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)})  # ０-９
NORMALISE.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
NORMALISE.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ

SPACE = " \t\u3000\xa0\u2002\u2003\u2009\u200a"
DROP = "\u200b\u200c\u200d\ufeff\x0c\x0b"  # zero-width characters, BOMs, form feeds
# Between two digits these stay ASCII: 1,000 · 10:30.
_DIGIT_KEEP = ",:"

# Markup left over from HTML/markdown conversion (专栏 cells like <p>煤炭产业领域:</p>, **bold**).
MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>|\*\*")

# A clean paragraph ends at these; a line ending elsewhere continues on the next line.
TERMINAL = "。！？；：…"
CLOSERS = "”’》）」』】"
# A line ending with one of these is certainly mid-sentence.
CONTINUING = "，、“‘《（「『【—-→·"


def is_wide(ch: str) -> bool:
    """A character that takes no spaces around it in Chinese text (ideographs, CJK punctuation,
    full-width forms)."""
    return ord(ch) > 0x2E7F or ch in "“”‘’—…·"


def twin(ch: str) -> str:
    """The normalised form of one raw character (itself when it has none)."""
    return NORMALISE.get(ch, ch)


@dataclass
class Chunk:
    """Clean text with the (line, col) of every character; `inserted` lists the indices of
    characters that have no original (a space put back between two rejoined ASCII words)."""

    text: str = ""
    origin: list[tuple[int, int]] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.text)

    def __len__(self) -> int:
        return len(self.text)

    def append(self, other: "Chunk") -> None:
        """Rejoin `other` to this chunk as the continuation of a broken line."""
        if not other:
            return
        if self.text and self.text[-1].isascii() and self.text[-1].isalnum() and other.text[0].isascii() and other.text[0].isalnum():
            self.inserted.append(len(self.text))
            self.text += " "
            self.origin.append(self.origin[-1])
        base = len(self.text)
        self.text += other.text
        self.origin.extend(other.origin)
        self.inserted.extend(base + i for i in other.inserted)

    def slice(self, start: int, end: int | None = None) -> "Chunk":
        end = len(self.text) if end is None else end
        return Chunk(self.text[start:end], self.origin[start:end], [i - start for i in self.inserted if start <= i < end])

    def strip(self) -> "Chunk":
        """Without leading/trailing spaces (and the inserted characters there)."""
        s, e = 0, len(self.text)
        while s < e and self.text[s] == " ":
            s += 1
        while e > s and self.text[e - 1] == " ":
            e -= 1
        return self.slice(s, e)


def clean_span(raw: str, lineno: int, start: int = 0, end: int | None = None) -> Chunk:
    """Clean `raw[start:end]` (one original line, or one table cell of it): drop markup,
    zero-width characters and spaces next to Chinese text, collapse other spaces to one,
    normalise punctuation and full-width letters/digits. Columns refer to the whole line."""
    end = len(raw) if end is None else end
    seg = raw[start:end]
    dropped = bytearray(len(seg))
    for m in MARKUP.finditer(seg):
        for i in range(m.start(), m.end()):
            dropped[i] = 1
    kept: list[tuple[str, int]] = []  # (char, col in line) before space handling
    for i, ch in enumerate(seg):
        if dropped[i] or ch in DROP:
            continue
        kept.append((ch, start + i))

    out: list[str] = []
    origin: list[tuple[int, int]] = []
    n = len(kept)
    i = 0
    while i < n:
        ch, col = kept[i]
        if ch in SPACE:
            j = i
            while j < n and kept[j][0] in SPACE:
                j += 1
            prev = out[-1] if out else ""
            nxt = kept[j][0] if j < n else ""
            if prev and nxt and not is_wide(prev) and not is_wide(twin(nxt)):
                out.append(" ")
                origin.append((lineno, col))
            i = j
            continue
        norm = NORMALISE.get(ch, ch)
        if ch in _DIGIT_KEEP:
            before = kept[i - 1][0] if i > 0 else ""
            after = kept[i + 1][0] if i + 1 < n else ""
            if before.isdigit() and after.isdigit():
                norm = ch
            elif ch == ":" and after == "/":
                norm = ch  # http://
        out.append(norm)
        origin.append((lineno, col))
        i += 1
    return Chunk("".join(out), origin, [])


def clean_line(raw: str, lineno: int) -> Chunk:
    return clean_span(raw, lineno)


def ends_sentence(text: str) -> bool:
    """Does clean text end a sentence (。！？；：… possibly followed by a closing quote/bracket)?"""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        if len(t) >= 2 and t[-2] in TERMINAL:
            return True
        t = t[:-1]
    return bool(t) and t[-1] in TERMINAL


def unbalanced(text: str) -> bool:
    """An open 《 or “ not yet closed: the sentence certainly goes on."""
    return text.count("《") > text.count("》") or text.count("“") > text.count("”")


def has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))
