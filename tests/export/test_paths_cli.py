"""Output paths: no writing outside the chosen folder through names, no silent overwrite, and
the `kg export` command for every selection."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.export import FORMATS, export, inside, safe_filename, select
from kg.models import Evidence, Graph, Node

from ..conftest import LINFEN
from .conftest import HOSTILE_NAMES

TRAVERSALS = ["../../etc/passwd", "..", ".", "/abs/path", "a/../../b", "..\\..\\win", "C:\\x", "CON", "nul.txt",
              ".hidden", "", " ", "\x00\x01", "a" * 400, "晋" * 200, "\u202egnp.exe", "x:y*z?<>|\"'"]


@pytest.mark.parametrize("name", TRAVERSALS + HOSTILE_NAMES)
def test_safe_filename_stays_one_plain_name(name, tmp_path):
    s = safe_filename(name)
    assert s and "/" not in s and "\\" not in s and not s.startswith(".") and "\x00" not in s
    assert len(s.encode("utf-8")) <= 180
    assert s.split(".")[0].upper() not in {"CON", "NUL"}
    assert inside(tmp_path / s, tmp_path)
    (tmp_path / s).write_text("ok")  # a valid name on this file system


def traversal_graph() -> Graph:
    ev = [Evidence(doc="x.txt", line=1, quote="q")]
    return Graph(nodes=[Node(id=f"n{i}", type="Enterprise", name=name, evidence=ev) for i, name in enumerate(TRAVERSALS[:6])])


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "cypher"])
def test_names_derived_from_entities_stay_in_the_folder(fmt, tmp_path):
    g = traversal_graph()
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in g.nodes:
        if not n.name:
            continue
        path = export(select(g, entity=n.id, hops=0), str(folder) + "/", fmt)
        assert path.parent == folder and inside(path, folder), path
    assert {p.parent for p in tmp_path.rglob("*") if p.is_file()} <= {folder, *folder.iterdir()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_existing_file_is_not_overwritten_without_force(fmt, hostile, tmp_path):
    if fmt in ("ttl", "jsonld"):
        pytest.importorskip("kg.rdf", exc_type=ModuleNotFoundError)
    first = export(hostile, str(tmp_path) + "/", fmt)
    marker = first / "nodes.csv" if first.is_dir() else first
    before = marker.read_bytes()
    with pytest.raises(KGError, match="already exists; pass --force"):
        export(hostile, str(tmp_path) + "/", fmt)
    assert marker.read_bytes() == before
    assert export(hostile, str(tmp_path) + "/", fmt, force=True) == first
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_force_replaces_a_symlink_not_its_target(hostile, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "out.json"
    os.symlink(victim, link)
    with pytest.raises(KGError):
        export(hostile, link, "json")
    export(hostile, link, "json", force=True)
    assert victim.read_text() == "keep me" and not link.is_symlink()


# ------------------------------------------------------------------ CLI


@pytest.fixture()
def built(tmp_path, monkeypatch, corpus) -> Path:
    monkeypatch.setenv("KG_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("KG_DATA", str(tmp_path / "data"))
    path = corpus.graph.write_json(tmp_path / "out" / "graph.json")
    return path


def run(*args: str):
    return CliRunner().invoke(app, ["export", *args])


def test_cli_chain_report_into_a_folder(built, tmp_path):
    res = run("--chain", "氢能产业链", "-f", "md", "--out", str(tmp_path / "reports") + "/")
    assert res.exit_code == 0, res.output
    md = (tmp_path / "reports" / "chain-氢能产业链.md").read_text(encoding="utf-8")
    assert "晋南钢铁集团" in md and f"{LINFEN}, 第 248 行" in md
    res = run("--chain", "氢能产业链", "-f", "md", "--out", str(tmp_path / "reports"))
    assert res.exit_code == 1 and "already exists; pass --force" in res.output and "Traceback" not in res.output
    assert run("--chain", "氢能产业链", "-f", "md", "--out", str(tmp_path / "reports"), "--force").exit_code == 0


def test_cli_entity_hops_and_city(built, tmp_path):
    res = run("--entity", "晋南钢铁集团", "--hops", "1", "-f", "json")
    assert res.exit_code == 0, res.output
    g = Graph.read_json(tmp_path / "out" / "entity-晋南钢铁集团-1hops.json")
    assert {n.name for n in g.nodes} >= {"晋南钢铁集团", "氢能产业链"}
    res = run("--city", "临汾市", "-f", "graphml")
    assert res.exit_code == 0, res.output
    assert "晋南钢铁集团" in (tmp_path / "out" / "city-临汾市.graphml").read_text(encoding="utf-8")


def test_cli_query_result_selection(built, tmp_path):
    assert CliRunner().invoke(app, ["load"]).exit_code == 0
    res = run("--query", "chain_leaders", "-p", "chain=氢能", "-f", "csv", "--out", str(tmp_path / "q.zip"))
    assert res.exit_code == 0, res.output
    import zipfile

    with zipfile.ZipFile(tmp_path / "q.zip") as z:
        nodes = z.read("nodes.csv").decode("utf-8-sig")
    assert "晋南钢铁集团" in nodes and "氢能产业链" in nodes


def test_cli_errors_are_clear(built):
    for args, msg in ((["-f", "pdf"], "unknown export format 'pdf'"),
                      (["--chain", "氢能", "--city", "临汾市"], "choose one selection"),
                      (["--chain", "不存在的链"], "no entity named"),
                      (["-p", "x=1"], "--param is only used with --query"),
                      (["--chain", "氢能产业链", "--hops", "2"], "--hops is only used with --entity or --query"),
                      (["--entity", "晋南钢铁集团", "--hops", "-1"], "--hops must be 0 or more"),
                      (["--query", "chain_leaders", "-p", "nope=1"], "has no parameter nope")):
        res = run(*args)
        assert res.exit_code == 1 and msg in res.output and "Traceback" not in res.output, (args, res.output)


def test_cli_default_whole_graph_json(built, tmp_path):
    assert run().exit_code == 0
    assert json.loads((tmp_path / "out" / "export.json").read_text(encoding="utf-8"))["nodes"]
