"""`kg ingest`: the per-document report, text and JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app
from kg.config import PLANS

from .conftest import LINFEN, XINZHOU


def test_ingest_reports_the_corpus():
    res = CliRunner().invoke(app, ["ingest", str(PLANS)])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "linfen-2022-innovation-ecosystem-plan.txt  (txt, utf-8, 474 lines" in out
    assert "tables     15 (chain 10, indicator 1, other 4)" in out
    assert "专栏8   chain       2 rows  line 252   氢能产业科技创新链" in out
    assert "doc_number 忻政发〔2021〕13号" in out
    assert "line 87: unnumbered line “建设优质创新平台”" in out


def test_ingest_json_without_manifest_and_tree():
    res = CliRunner().invoke(app, ["ingest", "-f", "json", "--no-manifest", str(PLANS / LINFEN)])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)["documents"][0]
    assert (doc["format"], doc["encoding"], doc["lines"], doc["sections"]) == ("txt", "utf-8", 474, 62)
    assert doc["meta"]["date"] == "2022-10-12" and doc["meta_sources"]["date"] == "text"
    assert [t["kind"] for t in doc["tables"]].count("chain") == 10
    res = CliRunner().invoke(app, ["ingest", "--tree", "--text", str(PLANS / XINZHOU)])
    assert "     87  三 建设优质创新平台" in res.output
    assert "  89    一 构建“忻州特色”创新体系" in res.output
    assert "219  " in res.output  # numbered lines
