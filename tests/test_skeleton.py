"""The walking skeleton end to end: build -> JSON -> embedded store -> query -> view -> export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.models import Graph
from kg.queries import run_query

from .conftest import LINFEN


def test_hydrogen_chain_leader_with_evidence(corpus):
    g = corpus.graph
    idx = g.node_index()
    leads = [e for e in g.edges if e.type == "LEADS_CHAIN" and idx[e.target].name == "氢能产业链"]
    assert [(idx[e.source].name, e.properties.get("city")) for e in leads] == [("晋南钢铁集团", "临汾市")]
    ev = leads[0].evidence[0]
    assert (ev.doc, ev.line) == (LINFEN, 248)
    assert ev.quote in (Path("seeds/plans") / LINFEN).read_text(encoding="utf-8").splitlines()[247]
    assert "晋南钢铁集团" in ev.quote


def test_every_node_and_edge_has_verbatim_evidence(corpus):
    lines = {d.name: d.lines for d in corpus.documents}
    for item in [*corpus.graph.nodes, *corpus.graph.edges]:
        assert item.evidence
        for ev in item.evidence:
            assert ev.quote and ev.quote in lines[ev.doc][ev.line - 1], (item, ev)


def test_chain_leaders_query_on_embedded_store(embedded):
    rows = run_query(embedded, "chain_leaders", {"chain": "氢能"})
    assert [(r["enterprise"], r["chain"], r["city"], r["doc"], r["line"]) for r in rows] == [
        ("晋南钢铁集团", "氢能产业链", "临汾市", LINFEN, 248)
    ]


def test_cli_main_job(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("KG_DATA", str(tmp_path / "data"))
    runner = CliRunner()
    for args in (["build"], ["load"], ["export", "--format", "json"], ["view"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 0, (args, res.output)
    res = runner.invoke(app, ["query", "chain_leaders", "-p", "city=临汾市", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert {"enterprise": "晋南钢铁集团", "chain": "氢能产业链", "city": "临汾市", "line": 248}.items() <= rows[0].items()
    exported = json.loads((tmp_path / "out" / "export.json").read_text(encoding="utf-8"))
    assert Graph.model_validate(exported).counts() == Graph.read_json(tmp_path / "out" / "graph.json").counts()
    page = (tmp_path / "out" / "view.html").read_text(encoding="utf-8")
    assert "new vis.Network" in page and '<script src="http' not in page  # vis-network inlined


def test_cli_help_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "kg.cli", "--help"], capture_output=True, text=True, check=True).stdout
    for cmd in ("build", "load", "query", "queries", "view", "export", "stats"):
        assert cmd in out


def test_bad_parameter_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_DATA", str(tmp_path / "data"))
    res = CliRunner().invoke(app, ["query", "chain_leaders", "-p", "nope=1"])
    assert res.exit_code == 1
    assert "has no parameter nope" in res.output
