"""`kg view`: a thin command over kg.views, with one-line errors."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


@pytest.fixture()
def graph_file(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("KG_DATA", str(tmp_path / "data"))
    return corpus.graph.write_json(tmp_path / "out" / "graph.json")


def data_of(path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize("args, kind, must", [
    (["--chain", "氢能产业链"], "chain", {"晋南钢铁集团", "氢能产业链", "氢能制备"}),
    (["--chain", "all", "--city", "临汾市"], "chain", {"晋南钢铁集团", "氢能产业链"}),
    (["--ego", "晋南钢铁集团", "--hops", "1"], "ego", {"晋南钢铁集团", "氢能产业链"}),
    (["--city", "临汾市"], "city", {"临汾市", "晋南钢铁集团"}),
    (["--collab"], "collaboration", {"晋南钢铁集团", "中国华能"}),
    ([], "graph", {"晋南钢铁集团"}),
])
def test_view_kinds(graph_file, tmp_path, args, kind, must):
    out = tmp_path / "v.html"
    res = runner.invoke(app, ["view", *args, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert f"{kind} view" in " ".join(res.output.split())
    data = data_of(out)
    assert data["meta"]["kind"] == kind
    assert must <= {n["label"] for n in data["nodes"]}


def test_view_of_a_query_result(graph_file, tmp_path):
    assert runner.invoke(app, ["load"]).exit_code == 0
    out = tmp_path / "q.html"
    res = runner.invoke(app, ["view", "--query", "chain_leaders", "-p", "chain=氢能", "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = data_of(out)
    assert data["meta"]["kind"] == "query"
    assert {"晋南钢铁集团", "氢能产业链"} <= {n["label"] for n in data["nodes"]}


@pytest.mark.parametrize("args, message", [
    (["--chain", "氢能产业链", "--ego", "晋南钢铁集团"], "choose one view"),
    (["--max-nodes", "3"], "export the selection for Gephi"),
    (["--chain", "没有这条链"], "no entity named '没有这条链'"),
    (["--query", "no_such_query"], "no query named 'no_such_query'"),
    (["--chain", "氢能产业链", "-p", "a=1"], "--param is only used with --query"),
])
def test_view_errors_are_one_line(graph_file, args, message):
    res = runner.invoke(app, ["view", *args])
    assert res.exit_code == 1
    assert message in " ".join(res.output.split())
    assert "Traceback" not in res.output
