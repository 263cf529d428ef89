"""Property tests of the ingest and extraction path on generated text and bytes.

Whatever the input (real plan lines cut and mixed with random CJK, ASCII, control characters,
other scripts, odd punctuation, very long lines), the path either works or raises a KGError
naming the file; when it works, every mention, node and edge has evidence whose quote is a
verbatim, non-empty substring of the line it cites. Example counts are kept small enough for
the suite to stay fast (figures in docs/reliability.md)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from kg.errors import InputError, KGError
from kg.extract import extract
from kg.ingest import build_document, read_document
from kg.ingest.text import MAX_TEXT_CHARS, detect_encoding, read_text, sniff, split_lines
from kg.models import Document, Extraction, Graph
from kg.resolve import resolve_full

from .conftest import PLANS, REPLY, figure

FAST = settings(deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])


SCALE = float(os.environ.get("KG_FUZZ_SCALE", "1"))
"""Multiplies every example count: KG_FUZZ_SCALE=20 runs a long fuzzing campaign."""


def examples(n: int) -> settings:
    """Fast settings with `n` examples (no deadline: the first example pays for imports; no
    example database written into the tree; a failing example is printed with its blob)."""
    return settings(FAST, max_examples=max(1, int(n * SCALE)))


COUNTS: Counter[str] = Counter()

LINES = [ln for p in sorted(PLANS.glob("*.txt")) for ln in p.read_text(encoding="utf-8").split("\n") if ln.strip()]
ODD = list("“”‘’「」『』（）()〔〕［］【】《》—–-…·、；：，。！？%％\t \u3000\u00a0\u200b\u200d\u202e\u2066\u2028\u2029"
           "\x85\x0b\x0c\ufeff\\'\"`<>&|=+@#*_~[]{}$①⑳㈠ⅫＡ１") + ["\x00", "\x01", "\x08", "\x1b", "\x7f", "\r", "\n", "\ud7ff",
                                                             "𠀀", "😀", "ﬁ", "é", "e\u0301", "한", "ж", "ع", "ไ", "\U0010fffd"]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ANY = st.characters(codec="utf-8")
CHARS = st.one_of(CJK, st.sampled_from(ODD), ANY, st.characters(min_codepoint=32, max_codepoint=126))


def _cut(line: str, a: int, b: int) -> str:
    a, b = sorted((a % (len(line) + 1), b % (len(line) + 1)))
    return line[a:b]


PIECE = st.one_of(
    st.sampled_from(LINES),
    st.builds(_cut, st.sampled_from(LINES), st.integers(0, 400), st.integers(0, 400)),
    st.lists(CHARS, max_size=40).map("".join),
    st.builds(lambda a, noise, b: a + noise + b, st.sampled_from(LINES), st.lists(CHARS, max_size=6).map("".join),
              st.sampled_from(LINES)),
)
PLAN_TEXT = st.lists(PIECE, min_size=1, max_size=20).map("\n".join)


def check_evidence(doc: Document, exs: list[Extraction], graph: Graph | None = None) -> int:
    """Every quote is a verbatim non-empty substring of the cited line of `doc`. Returns how many
    evidence items were checked."""
    n = 0
    items = [m.evidence for ex in exs for m in (*ex.entities, *ex.relations)]
    if graph is not None:
        items += [ev for x in (*graph.nodes, *graph.edges) for ev in x.evidence]
    for ev in items:
        assert ev.doc == doc.name and 1 <= ev.line <= len(doc.lines), ev
        assert ev.quote and ev.quote in doc.lines[ev.line - 1], (ev, doc.lines[ev.line - 1][:300])
        n += 1
    return n


def pipeline(data: bytes, name: str = "fuzz-plan.txt") -> None:
    """Bytes -> read_text -> Document -> extract -> resolve; only KGError may escape."""
    try:
        raw = read_text(data, Path(name))
        doc = build_document(raw, Path(name))
    except KGError as exc:
        assert name in str(exc)
        COUNTS["pipeline: refused with InputError"] += 1
        return
    assert doc.lines == raw.lines
    exs = extract([doc])
    res = resolve_full(exs, None)
    COUNTS["pipeline: documents extracted"] += 1
    COUNTS["pipeline: evidence quotes checked"] += check_evidence(doc, exs, res.graph)
    COUNTS["pipeline: graph nodes"] += len(res.graph.nodes)


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    """After the module: how many inputs were generated, for the figures summary."""
    yield
    for k, v in sorted(COUNTS.items()):
        figure(f"fuzz · {k}", v)


# ------------------------------------------------------------------ text functions


@examples(200)
@given(st.lists(st.one_of(CHARS, st.sampled_from(["\r\n", "\n", "\r", "\n\n"])), max_size=200).map("".join))
def test_split_lines_numbers_lines_like_grep(text: str):
    lines = split_lines(text)
    COUNTS["split_lines examples"] += 1
    assert all("\n" not in ln for ln in lines)
    if "\n" in text:
        expect = text.split("\n")
        if expect[-1] == "":
            expect.pop()
        assert lines == [ln.removesuffix("\r") for ln in expect]
    else:
        assert "\r" not in "".join(lines)


@examples(200)
@given(PLAN_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gbk", "gb18030"]))
def test_encodings_round_trip_or_fail_clearly(text: str, encoding: str):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # not encodable in GBK: nothing to read
    COUNTS["detect_encoding examples"] += 1
    try:
        got, enc = detect_encoding(data, "plan.txt")
    except InputError as exc:
        assert str(exc).startswith("plan.txt: ")
        COUNTS["detect_encoding: clear refusals"] += 1
        return
    if "\x00" in text:
        return  # UTF-8 with NULs can be UTF-16 too ("a\0b\0"): ambiguous, either reading is right
    if encoding in ("utf-8", "utf-8-sig", "utf-16"):
        assert got == text.lstrip("\ufeff")  # a leading U+FEFF is a byte-order mark
    elif enc == encoding:
        assert got == text
    elif encoding in ("gbk", "gb18030"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            assert got == text  # not valid UTF-8: read back exactly as GBK / GB18030


@examples(300)
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused_clearly(data: bytes):
    COUNTS["random byte strings"] += 1
    assert sniff(data) in ("pdf", "zip", "ole", "rtf", "text")
    pipeline(data, "bytes.txt")


# ------------------------------------------------------------------ the whole path


@examples(120)
@given(PLAN_TEXT, st.sampled_from(["utf-8", "utf-16", "gb18030", "utf-8-sig"]))
def test_pipeline_never_crashes_and_quotes_stay_verbatim(text: str, encoding: str):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    COUNTS["generated plans"] += 1
    pipeline(data)


@examples(6)
@given(st.sampled_from(LINES), st.integers(5_000, 20_000), st.lists(CHARS, max_size=8).map("".join), st.sampled_from(LINES))
def test_huge_lines(line: str, length: int, noise: str, other: str):
    """One line of 5k-20k characters (a PDF converted without line breaks) amid plan lines.
    (Longer lines hit the quadratic case below: 32k characters of a 专栏 line take 48 s.)"""
    unit = line + noise
    text = other + "\n" + unit * (length // len(unit) + 1) + "\n" + other
    COUNTS["huge lines"] += 1
    COUNTS["huge lines: longest (chars)"] = max(COUNTS["huge lines: longest (chars)"], len(unit) * (length // len(unit) + 1))
    pipeline(text.encode("utf-8"))


def test_long_line_extraction_is_not_quadratic():
    """Found by test_huge_lines: a 专栏 title line repeated into one line (a table converted
    without line breaks). Four times the text must cost about four times the CPU time, not
    sixteen (the bound, 8x, leaves room for noise). Was quadratic: kg.extract.rules._list_start
    walked back over the whole sentence once per list; it now stops MAX_LIST_CHARS back."""
    line = "专栏2 “十四五”高等院校建设主要目标\t"
    extract([build_document(read_text(line.encode("utf-8"), Path("warm.txt")), Path("warm.txt"))])  # warm caches
    cpu = []
    for n in (4000, 16000):
        text = "第一章 总则\n" + line * (n // len(line) + 1) + "\n结束。"
        doc = build_document(read_text(text.encode("utf-8"), Path("long.txt")), Path("long.txt"))
        t0 = time.process_time()
        extract([doc])
        cpu.append(time.process_time() - t0)
    figure("long line 4k -> 16k chars: extraction CPU s", f"{cpu[0]:.2f} -> {cpu[1]:.2f}")
    assert cpu[1] < 8 * cpu[0] + 0.2, cpu


def test_text_beyond_the_limit_is_refused():
    text = "依托晋南钢铁集团作为氢能产业链“链主”企业。\n" * (MAX_TEXT_CHARS // 20)
    with pytest.raises(InputError, match=r"^big\.txt: [\d,]+ characters of text is more than the 1,000,000 a plan may have"):
        read_text(text.encode("utf-8"), Path("big.txt"))


# ------------------------------------------------------------------ damaged DOCX and PDF


@pytest.fixture(scope="module")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    from tests.ingest.render import to_docx, to_pdf

    lines = (PLANS / REPLY).read_text(encoding="utf-8").split("\n")[:60]
    folder = tmp_path_factory.mktemp("office")
    return {"docx": to_docx(lines, folder / "plan.docx").read_bytes(), "pdf": to_pdf(lines, folder / "plan.pdf").read_bytes()}


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@examples(60)
@given(kind=st.sampled_from(["docx", "pdf"]), cut=st.one_of(st.just(1.0), st.floats(0.0, 1.0)),
       flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=3),
       label=st.sampled_from(["docx", "pdf", "txt"]))
@example(kind="docx", cut=1.0, flips=[], label="txt").via("intact DOCX named .txt")
@example(kind="pdf", cut=1.0, flips=[(0.5, 32)], label="pdf").via("one byte of a PDF changed")
def test_damaged_docx_and_pdf_are_read_or_refused_clearly(office_files, scratch: Path, kind: str, cut: float,
                                                          flips: list[tuple[float, int]], label: str):
    """Real DOCX/PDF files truncated at a random point and with random bytes overwritten, under
    their own or a wrong extension: a Document with verbatim evidence, or an InputError."""
    data = bytearray(office_files[kind])
    data = data[: max(1, int(len(data) * cut))] if cut < 1.0 else data
    for where, byte in flips:
        data[min(len(data) - 1, int(len(data) * where))] = byte
    path = scratch / f"damaged.{label}"
    path.write_bytes(bytes(data))
    COUNTS[f"damaged {kind} files"] += 1
    try:
        doc = read_document(path)
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ")
        COUNTS[f"damaged {kind}: refused with InputError"] += 1
        return
    COUNTS[f"damaged {kind}: still read"] += 1
    exs = extract([doc])
    check_evidence(doc, exs)


def test_zip_bomb_docx_is_refused(tmp_path: Path):
    """A DOCX whose document.xml unpacks to 80 MB (under 1 MB on disk) is refused before
    python-docx unpacks it into memory."""
    import zipfile

    from tests.ingest.render import to_docx

    base = to_docx(["第一章 总则", "依托晋南钢铁集团作为氢能产业链“链主”企业。"], tmp_path / "base.docx")
    bomb = tmp_path / "bomb.docx"
    para = b"<w:p><w:r><w:t>" + "依托晋南钢铁集团建设".encode() * 20 + b"</w:t></w:r></w:p>"
    chunk = para * (2**20 // len(para))
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename != "word/document.xml":
                dst.writestr(item, data)
                continue
            head, tail = data.split(b"</w:body>")
            with dst.open("word/document.xml", "w", force_zip64=True) as f:
                f.write(head)
                for _ in range(80):
                    f.write(chunk)
                f.write(b"</w:body>" + tail)
    assert bomb.stat().st_size < 2**20
    with pytest.raises(InputError, match=r"bomb\.docx: the DOCX unpacks to 8\d MB, more than a plan has"):
        read_document(bomb)
