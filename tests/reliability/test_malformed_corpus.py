"""A corpus of malformed files generated at test time (nothing large is committed): truncated
DOCX/PDF, wrong encodings, a 50 MB file, a one-line 1 MB file, control characters, NUL bytes,
mixed scripts, a link to /dev/zero and a named pipe. Each bad file gets a clear error naming it,
the good files are still built into a graph with their facts, and the build stays within
generous time and memory bounds (the measured figures are in docs/reliability.md)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from kg.ingest import read_paths
from kg.ingest.text import MAX_FILE_BYTES
from kg.models import Graph

from .conftest import LINFEN, PLANS, REPLY, figure, kg_env, measured, no_traceback, run_kg

XINZHOU = "xinzhou-2021-innovation-plan.txt"
MIXED_LINES = [
    "第一章 总则",
    "依托晋南钢铁集团作为氢能产业链“链主”企业，与Siemens AG、Московский университет、جامعة القاهرة合作。",
    "（一）한국어 제목 😀 与 𠀀 字",
    "支持\u202e反向\u202c文字、零宽\u200b字符和 e\u0301 组合字符的山西华翔集团股份有限公司建设企业技术中心。",
    "第二章 ثانيا 国际合作",
]
EXPECTED = {
    "truncated.docx": "truncated or damaged DOCX",
    "truncated.pdf": "truncated or damaged PDF",
    "latin1.txt": "not UTF-8, UTF-16 or GBK/GB18030 text",
    "big5.txt": "probably another encoding (Big5?)",
    "nul-bytes.txt": "looks like a binary file (NUL bytes)",
    "control-heavy.txt": "looks like a binary file (control characters)",
    "huge-50mb.txt": "characters of text is more than the 1,000,000 a plan may have",
}
GOOD = {REPLY, XINZHOU, "oneline-1mb.txt", "mixed-scripts.txt", "control-light.txt"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.ingest.render import to_docx, to_pdf

    folder = tmp_path_factory.mktemp("malformed")
    linfen = (PLANS / LINFEN).read_text(encoding="utf-8")
    # good: a real plan as is, a real plan in GBK, a 1 MB plan on one line, mixed scripts, a few control chars
    (folder / REPLY).write_bytes((PLANS / REPLY).read_bytes())
    (folder / XINZHOU).write_bytes((PLANS / XINZHOU).read_text(encoding="utf-8").encode("gbk"))
    flat = linfen.replace("\n", "").encode("utf-8")
    one = (flat * (2**20 // len(flat) + 1))[: 2**20].decode("utf-8", "ignore")
    (folder / "oneline-1mb.txt").write_text(one, encoding="utf-8")
    (folder / "mixed-scripts.txt").write_text("\n".join(MIXED_LINES) + "\n", encoding="utf-8")
    lines = linfen.split("\n")
    (folder / "control-light.txt").write_text("\n".join(ln + ("\x07" if i % 50 == 0 else "") for i, ln in enumerate(lines)), encoding="utf-8")
    # bad
    reply_lines = (PLANS / REPLY).read_text(encoding="utf-8").split("\n")
    docx = to_docx(reply_lines, folder / "whole.docx")
    (folder / "truncated.docx").write_bytes(docx.read_bytes()[: docx.stat().st_size // 2])
    docx.unlink()
    pdf = to_pdf(reply_lines[:80], folder / "whole.pdf")
    (folder / "truncated.pdf").write_bytes(pdf.read_bytes()[: pdf.stat().st_size // 2])
    pdf.unlink()
    (folder / "latin1.txt").write_bytes("Plan d'innovation — Café, résumé, naïveté.\n".encode("latin-1", "replace") * 50)
    trad = "臺灣科技創新生態體系規劃，依託龍頭企業建設產業鏈，發展氫能與半導體。\n第一章　總則\n"
    (folder / "big5.txt").write_bytes((trad * 40).encode("big5"))
    (folder / "nul-bytes.txt").write_bytes(linfen.encode("utf-8").replace("。".encode(), "。\x00".encode()))
    (folder / "control-heavy.txt").write_text("".join(ch + "\x1b\x01" for ch in lines[247]) * 20, encoding="utf-8")
    big = linfen.encode("utf-8")
    with open(folder / "huge-50mb.txt", "wb") as f:
        for _ in range(50 * 2**20 // len(big)):
            f.write(big)
    return folder


@pytest.fixture(scope="module")
def devices(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Paths that are not regular files: reading them would never end or block forever."""
    folder = tmp_path_factory.mktemp("devices")
    zero = folder / "zero.txt"
    zero.symlink_to("/dev/zero")
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    return [zero, fifo]


def test_each_bad_file_has_a_clear_error_and_the_others_are_read(corpus: Path, devices: list[Path]):
    t0 = time.perf_counter()
    docs, errors = read_paths([corpus, *devices])
    figure("malformed corpus · read_paths of 12 files + 2 devices (s)", round(time.perf_counter() - t0, 2))
    assert {d.name for d in docs} == GOOD
    by_file = {str(e).split(": ", 1)[0]: str(e).split(": ", 1)[1] for e in errors}
    assert set(by_file) == {str(corpus / n) for n in EXPECTED} | {str(p) for p in devices}
    for name, what in EXPECTED.items():
        assert what in by_file[str(corpus / name)], (name, by_file[str(corpus / name)])
    for p in devices:
        assert by_file[str(p)] == "not a regular file (a device, pipe or socket); give a plan file"
    encodings = {d.name: d.encoding for d in docs}
    assert encodings[XINZHOU] == "gbk" and encodings[REPLY] == "utf-8"
    one = next(d for d in docs if d.name == "oneline-1mb.txt")
    assert len(one.lines) == 1 and len(one.lines[0].encode("utf-8")) > 2**20 - 4
    mixed = next(d for d in docs if d.name == "mixed-scripts.txt")
    assert mixed.lines == MIXED_LINES  # nothing normalised away in the lines evidence points at


def test_file_above_the_byte_limit_is_refused_before_reading(tmp_path: Path):
    big = tmp_path / "sparse.pdf"
    with open(big, "wb") as f:  # sparse: 65 MB on paper, nothing on disk
        f.truncate(MAX_FILE_BYTES + 2**20)
    t0 = time.perf_counter()
    docs, errors = read_paths([big])
    assert time.perf_counter() - t0 < 5
    assert docs == [] and [str(e) for e in errors] == [
        f"{big}: 65.0 MB is larger than the 64 MB a plan file may have; split it or save the plan text alone"]


def test_build_skips_bad_files_keeps_facts_of_good_ones_in_bounded_time_and_memory(corpus: Path, tmp_path: Path):
    env = kg_env(tmp_path / "out", tmp_path / "data")
    out = tmp_path / "out" / "graph.json"
    proc, m = measured(["build", "--plans", str(corpus), "--out", str(out), "--no-curation"], env)
    figure("malformed corpus · kg build: wall s / CPU s / peak RSS MB",
           f"{m['wall_s']} / {m['cpu_s']} / {m['peak_rss_mb']}")
    no_traceback(proc)
    assert m["exit"] == 0, proc.stderr[-2000:]
    skipped = [ln for ln in proc.stderr.splitlines() if ln.startswith("skipped:")]
    assert len(skipped) == len(EXPECTED), proc.stderr
    for name, what in EXPECTED.items():
        assert any(f"{corpus / name}: " in ln and what in ln for ln in skipped), name
    assert f"from {len(GOOD)} documents" in proc.stdout
    g = Graph.read_json(out)
    names = {n.id: n.name for n in g.nodes}

    def edge(type_: str, source: str, target: str):
        hits = [e for e in g.edges if e.type == type_ and names[e.source] == source and names[e.target] == target]
        assert hits, (type_, source, target)
        return hits[0]

    # the real reply: the science bureau issued the 市长创新奖 rules (line 29)
    e = edge("ISSUED", "临汾市科学技术局", "临汾市“市长创新奖”奖励办法")
    assert any(ev.doc == REPLY and ev.line == 29 for ev in e.evidence)
    # the GBK copy of the Xinzhou plan: same facts, same line numbers as the UTF-8 original
    e = edge("HOSTS", "忻州师范学院", "忻州师范学院材料计算化学山西省高等学校重点实验室")
    assert any(ev.doc == XINZHOU and ev.line == 60 for ev in e.evidence)
    # the 1 MB line: the Linfen fact, quoted from line 1
    e = edge("LEADS_CHAIN", "晋南钢铁集团", "氢能产业链")
    assert {ev.doc for ev in e.evidence} >= {"oneline-1mb.txt", "control-light.txt", "mixed-scripts.txt"}
    docs = {p.name: p.read_text(encoding="utf-8" if p.name != XINZHOU else "gbk").split("\n") for p in corpus.iterdir()
            if p.name in GOOD}
    for x in (*g.nodes, *g.edges):
        for ev in x.evidence:
            assert ev.quote and ev.quote in docs[ev.doc][ev.line - 1], ev
    # generous bounds: the numbers measured here are in docs/reliability.md
    assert m["peak_rss_mb"] < 1500 and m["wall_s"] < 240


def test_50mb_file_is_refused_quickly_with_little_memory(corpus: Path, tmp_path: Path):
    env = kg_env(tmp_path / "out", tmp_path / "data")
    proc, m = measured(["ingest", str(corpus / "huge-50mb.txt")], env)
    figure("50 MB file · kg ingest refusal: wall s / peak RSS MB", f"{m['wall_s']} / {m['peak_rss_mb']}")
    no_traceback(proc)
    assert m["exit"] == 1
    text = " ".join(proc.stderr.split())  # rich may wrap the long line
    assert "huge-50mb.txt: 18,982,752 characters of text is more than the 1,000,000 a plan may have" in text
    assert m["peak_rss_mb"] < 800 and m["wall_s"] < 60


def test_ingest_json_lists_every_error(corpus: Path, devices: list[Path], tmp_path: Path):
    env = kg_env(tmp_path / "out", tmp_path / "data")
    paths = [str(corpus / n) for n in sorted(EXPECTED) if n != "huge-50mb.txt"] + [str(p) for p in devices]
    proc = run_kg(["ingest", "--format", "json", str(corpus / REPLY), *paths], env)
    no_traceback(proc)
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert [d["file"] for d in out["documents"]] == [REPLY]
    assert len(out["errors"]) == len(paths) and all(any(e.startswith(p + ": ") for e in out["errors"]) for p in paths)
