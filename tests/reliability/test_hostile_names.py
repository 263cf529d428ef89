"""Hostile names through the real tool: loaded into the embedded FalkorDB (as parameters: the store
holds the exact strings and nothing else is created or deleted), queried back with the pack,
drawn in views, exported to csv/md/html and used in output file names."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from kg import views
from kg.cli import app
from kg.export import export, neutralise, select, unneutralise
from kg.models import Graph
from kg.queries import run_query
from kg.report import build_report, to_html, to_markdown
from kg.store.falkordb import FalkorDBStore

from .conftest import hostile_graph

FORMULA = ("=", "+", "-", "@", "\t", "\r")
PAYLOAD = [
    "</script><img src=x onerror=\"window.__pwned='img'\">",
    "<script>window.__pwned='script'</script>",
    "<svg onload=\"window.__pwned='svg'\">",
]
"""Names that would set window.__pwned if any page parsed them as HTML."""


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = hostile_graph()
    for i, name in enumerate(PAYLOAD):  # payloads that report themselves, for the browser check
        ev = [g.nodes[2].evidence[0].model_copy(update={"quote": f"依托{name}作为“链主”企业", "line": 90 + i})]
        n = g.nodes[2].model_copy(update={"id": f"ent:payload{i}{name}", "name": name, "aliases": [], "evidence": ev,
                                          "properties": {"note": name}})
        g.nodes.append(n)
        g.edges.append(g.edges[1].model_copy(update={"source": n.id, "evidence": ev}))
    return g


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-store")


@pytest.fixture(scope="module")
def store(graph: Graph, data: Path) -> Iterator[FalkorDBStore]:
    s = FalkorDBStore(data)
    s.load(graph)
    yield s
    s.close()


def names(graph: Graph) -> list[str]:
    return [n.name for n in graph.nodes if n.type == "Enterprise"]


# ------------------------------------------------------------------ the store


def test_store_holds_exact_strings_and_nothing_else(store: FalkorDBStore, graph: Graph):
    assert store.counts() == graph.counts()
    assert store.query("MATCH (n) WHERE NOT n:Entity AND NOT n:KGMeta RETURN count(n) AS n") == [{"n": 0}]
    assert store.query("MATCH (n:Pwned) RETURN count(n) AS n") == [{"n": 0}]
    for n in graph.nodes:
        rows = store.query("MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases, n.note AS note, "
                           "n.ev_quotes AS quotes, n.ev_docs AS docs", {"id": n.id})
        assert rows == [{"name": n.name, "aliases": n.aliases, "note": n.properties.get("note"),
                         "quotes": [e.quote for e in n.evidence], "docs": [e.doc for e in n.evidence]}], n.name


def test_pack_queries_find_each_name_exactly(store: FalkorDBStore, graph: Graph):
    leaders = {r["enterprise"]: r for r in run_query(store, "chain_leaders", {"chain": "氢能"})}
    expected = {e.source for e in graph.edges if e.type == "LEADS_CHAIN"}
    index = graph.node_index()
    assert set(leaders) == {index[i].name for i in expected}
    for name in names(graph):
        found = run_query(store, "search", {"q": name, "type": "Enterprise"})
        assert name in [r["name"] for r in found], name
        ev = run_query(store, "evidence", {"source": name, "target": "氢能产业链"})
        assert [(r["source"], r["quote"]) for r in ev] == [(name, f"依托{name}作为“链主”企业")], name
        prof = run_query(store, "entity_profile", {"name": name})
        assert {r["other"] for r in prof if r["entity"] == name} == {"氢能产业链"}, name
    assert store.counts() == graph.counts()  # and the queries changed nothing


def test_cli_query_with_hostile_parameter(store: FalkorDBStore, graph: Graph, data: Path):
    for name in ('"}) DETACH DELETE n //', "'}) MATCH (x) DETACH DELETE x //", "$name }) CREATE (:Pwned) //"):
        res = CliRunner().invoke(app, ["query", "search", "-p", f"q={name}", "-f", "json", "--data", str(data)])
        assert res.exit_code == 0, res.output
        assert [r["name"] for r in json.loads(res.stdout)] == [name]
    assert store.counts() == graph.counts()


# ------------------------------------------------------------------ views


def _data(html: str) -> dict:
    blocks = re.findall(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def _markup(html: str) -> dict[str, int]:
    """Counts of the tags and attributes a name could smuggle in, in the page outside the
    vis-network code and the data block (where names are JSON text, not markup)."""
    body = re.sub(r'(<script type="application/json" id="kg-data">).*?(</script>)', r"\1\2", html.split("<body", 1)[1],
                  flags=re.S)
    return {t: body.lower().count(t) for t in ("<script", "</script", "<img", "<svg", "onerror", "onload", "<a ")}


def test_view_of_query_result_escapes_every_name(store: FalkorDBStore, graph: Graph):
    view = views.select_view(graph, query="chain_leaders", params={"chain": "氢能"}, store=store, hops=1)
    html = views.to_html(view)
    data = _data(html)
    labels = {n["label"] for n in data["nodes"]}
    assert set(names(graph)) <= labels  # leaders from the store, members one hop away
    for p in PAYLOAD:
        assert p not in html  # only as escaped JSON
    benign = graph.model_copy(deep=True)
    for i, n in enumerate(benign.nodes):
        n.name = f"企业{i}"
        n.aliases = []
        n.evidence = [e.model_copy(update={"quote": "依托"}) for e in n.evidence]
    safe_html = views.to_html(views.graph_view(benign))
    assert _markup(views.to_html(views.graph_view(graph))) == _markup(safe_html)


# ------------------------------------------------------------------ exports


def test_csv_export_neutralises_formulas_and_round_trips(graph: Graph, tmp_path: Path):
    path = export(graph, tmp_path / "csv", "csv")
    with open(path / "nodes.csv", encoding="utf-8-sig", newline="") as f:  # newline="": CR LF inside cells kept
        rows = list(csv.DictReader(f))
    by_id = {unneutralise(r["id"]): r for r in rows}
    for n in graph.nodes:
        r = by_id[n.id]
        assert unneutralise(r["name"]) == n.name
        for col in ("id", "name", "aliases", "city", "evidence"):
            assert not r[col].startswith(FORMULA), (col, r[col])
    assert neutralise("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    with open(path / "edges.csv", encoding="utf-8-sig", newline="") as f:
        for r in csv.reader(f):
            assert not any(c.startswith(FORMULA) for c in r), r


def test_markdown_and_html_reports_escape_names(graph: Graph):
    report = build_report(graph, "报告 <script>window.__pwned='title'</script>", "描述 =1+1 | x")
    md = to_markdown(report)
    for p in PAYLOAD + ["<script>"]:
        assert p not in md
    tables: list[list[str]] = []
    for prev, line in zip([""] + md.splitlines(), md.splitlines()):
        if line.startswith("|"):
            if not prev.startswith("|"):
                tables.append([])
            tables[-1].append(line)
    assert len(tables) >= 3
    for table in tables:  # a name with | or a line break cannot add a column or a row
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
        assert len(widths) == 1, table
    html = to_html(report, view=False)
    for p in PAYLOAD:
        assert p not in html
    assert "&lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;" in html or \
        "&lt;script&gt;window.__pwned=&#x27;script&#x27;&lt;/script&gt;" in html


@pytest.mark.browser
def test_no_payload_runs_in_a_browser(graph: Graph, store: FalkorDBStore, tmp_path: Path):
    """The view and the HTML report (with its embedded view) open in headless Chromium and no
    payload runs: window.__pwned stays undefined and no <img>/<svg> element comes from a name."""
    from tests.views import browser as chromium

    chromium.require()
    view_path = views.write(views.graph_view(graph), tmp_path / "view.html")
    report_path = export(graph, tmp_path / "report.html", "html", title="<script>window.__pwned='title'</script>")
    with chromium.Browser() as b:
        page = b.open(view_path)
        assert page.eval("window.__pwned === undefined && document.querySelectorAll('img').length === 0 && "
                         "[...document.querySelectorAll('svg')].every(s => s.closest('#kg-legend'))")
        shown = page.eval("window.kgView.nodes.get().map(n => n.label)")
        assert set(names(graph)) <= set(shown)
        page = b.open(report_path, ready="document.readyState === 'complete'")
        assert page.eval("window.__pwned === undefined && document.querySelectorAll('img, svg, script').length === 0")
        assert page.eval("document.title").startswith("<script>window.__pwned='title'</script>")


# ------------------------------------------------------------------ file names


@pytest.mark.parametrize("name", ["../../../etc/passwd", "..\\..\\windows\\win.ini", "CON", '"}) DETACH DELETE n //',
                                  "bidi \u202egnp.exe \u2066 zero\u200bwidth"])
def test_names_in_output_file_names_stay_inside_the_folder(graph: Graph, tmp_path: Path, name: str):
    out = tmp_path / "exports"
    for fmt in ("json", "md", "csv"):
        path = export(select(graph, entity=name), str(out) + "/", fmt)
        assert path.parent == out and path.exists(), path
        assert "/" not in path.name and "\\" not in path.name and not path.name.startswith(".")
        assert not re.search(r"[\x00-\x1f\u202a-\u202e\u2066-\u2069\u200b]", path.name)
        assert path.name.split(".")[0].split("-")[0].upper() not in ("CON", "PRN", "AUX", "NUL")
    assert all(out in p.parents for p in tmp_path.rglob("*") if p.is_file())


def test_cli_export_with_hostile_entity(graph: Graph, tmp_path: Path):
    gpath = graph.write_json(tmp_path / "g.json")
    out = tmp_path / "o"
    res = CliRunner().invoke(app, ["export", "--graph", str(gpath), "--entity", "../../../etc/passwd", "--format", "md",
                                   "--out", str(out) + "/"])
    assert res.exit_code == 0, res.output
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p != gpath]
    assert len(files) == 1 and files[0].parent == out and files[0].suffix == ".md"
    assert "../" not in files[0].name
