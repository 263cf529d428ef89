"""`kg load` and `kg status` on the embedded store, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.models import Graph


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("KG_DATA", str(tmp_path / "data"))
    return tmp_path


def status(runner: CliRunner) -> dict:
    res = runner.invoke(app, ["status", "--format", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_load_then_status_tells_what_is_loaded_from_which_build(env: Path, corpus):
    runner = CliRunner()
    st = status(runner)
    assert (st["state"], st["build"]["state"]) == ("empty", "missing")
    res = runner.invoke(app, ["status"])
    assert "nothing loaded" in res.output
    g = corpus.graph
    g.write_json(env / "out" / "graph.json")
    assert status(runner)["build"]["state"] == "not loaded"
    res = runner.invoke(app, ["load"])
    assert res.exit_code == 0, res.output
    assert f"loaded {len(g.nodes)} nodes and {len(g.edges)} relationships into embedded" in " ".join(res.output.split())
    st = status(runner)
    assert (st["state"], st["build"]["state"]) == ("done", "current")
    assert (st["meta"]["corpus"], st["meta"]["built_at"]) == (g.meta["corpus"], g.meta["built_at"])
    assert st["counts"] == g.counts()
    assert st["labels"]["Enterprise"] == g.counts()["nodes"]["Enterprise"]
    text = " ".join(runner.invoke(app, ["status"]).output.split())
    assert "state done" in text and g.meta["corpus"][:12] in text and "nodes per label" in text
    assert "the loaded graph is the build in" in text
    # a newer build that is not loaded yet
    Graph(nodes=g.nodes, edges=g.edges, meta={**g.meta, "built_at": "2099-01-01T00:00:00+00:00"}).write_json(env / "out" / "graph.json")
    assert status(runner)["build"]["state"] == "differs"
    assert "run `kg load` to load it" in " ".join(runner.invoke(app, ["status"]).output.split())


def out(res) -> str:
    return " ".join(res.output.split())  # rich wraps long lines


def test_load_errors_are_one_line(env: Path):
    runner = CliRunner()
    res = runner.invoke(app, ["load"])
    assert res.exit_code == 1 and "no such graph file" in out(res) and "Traceback" not in res.output
    res = runner.invoke(app, ["status", "--store", "mongo"])
    assert res.exit_code == 1 and "unknown store 'mongo'" in out(res)
    res = runner.invoke(app, ["status", "--format", "xml"])
    assert res.exit_code == 1 and "unknown format" in out(res)
    res = runner.invoke(app, ["load", "--batch-size", "0"])
    assert res.exit_code == 2  # typer refuses it before anything runs
