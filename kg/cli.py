"""The `kg` command line: thin wrappers over the library functions users can also import."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg import config
from kg.errors import KGError
from kg.models import Graph

app = typer.Typer(
    name="kg",
    help="innovation-kg: build, store, query, view and export a knowledge graph of regional innovation plans.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err = Console(stderr=True)
log = logging.getLogger("kg")

# ------------------------------------------------------------------ shared options
PlansOpt = Annotated[Path, typer.Option("--plans", help="Folder of plan files (read recursively).")]
GraphOpt = Annotated[Optional[Path], typer.Option("--graph", help="Interchange JSON written by `kg build` (default: out/graph.json).")]
StoreOpt = Annotated[str, typer.Option("--store", help="Graph store: embedded (FalkorDB, no setup) or neo4j (Bolt).")]
DataOpt = Annotated[Optional[Path], typer.Option("--data", help="Folder of the embedded store (default: ./.kg-data).")]
UriOpt = Annotated[Optional[str], typer.Option("--uri", help="Neo4j URI (bolt://, neo4j://, neo4j+s://) [env NEO4J_URI].")]
UserOpt = Annotated[Optional[str], typer.Option("--user", help="Neo4j user [env NEO4J_USER].")]
PasswordOpt = Annotated[Optional[str], typer.Option("--password", help="Neo4j password [env NEO4J_PASSWORD].")]
DatabaseOpt = Annotated[Optional[str], typer.Option("--database", help="Neo4j database [env NEO4J_DATABASE].")]


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress and decisions.")] = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.INFO if verbose else logging.CRITICAL)  # errors reach the user as KGErrors


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's errors into a one-line message and exit code 1 (no traceback)."""
    try:
        yield
    except KGError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, markup=True)
        raise typer.Exit(1) from None


@contextmanager
def opened_store(store: str, data: Optional[Path], uri: Optional[str] = None, user: Optional[str] = None,
                 password: Optional[str] = None, database: Optional[str] = None):
    from kg.store import open_store

    s = open_store(store, data=data, uri=uri, user=user, password=password, database=database)
    try:
        yield s
    finally:
        s.close()


def _graph(path: Optional[Path]) -> Graph:
    return Graph.read_json(path or config.graph_path())


def print_rows(rows: list[dict[str, Any]], fmt: str, title: str | None = None, columns: list[str] | None = None) -> None:
    cols = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        sys.stdout.write(buf.getvalue())
    elif fmt == "table":
        t = Table(title=title, show_lines=False)
        for c in cols:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in cols])
        console.print(t)
        console.print(f"{len(rows)} rows", style="dim")
    else:
        raise KGError(f"unknown format {fmt!r}; choose table, json or csv")


# ------------------------------------------------------------------ commands
@app.command()
def build(
    plans: PlansOpt = config.PLANS,
    out: Annotated[Optional[Path], typer.Option("--out", help="Where to write the interchange JSON (default: out/graph.json).")] = None,
    curation: Annotated[Optional[Path], typer.Option("--curation", help="Curation file to apply (default: seeds/curation.yaml).")] = None,
    no_curation: Annotated[bool, typer.Option("--no-curation", help="Apply no curation file.")] = False,
) -> None:
    """Read the plans, extract facts with evidence, resolve entities, write the graph JSON
    (and resolution.json next to it: how every node was merged, what the curation did)."""
    from kg.pipeline import RESOLUTION_NAME, build as run_build

    with user_errors():
        result = run_build(plans, curation=None if no_curation else (curation or config.CURATION))
        path = result.graph.write_json(out or config.graph_path())
        result.write_resolution(path.parent / RESOLUTION_NAME)
    if result.resolution is not None and result.resolution.curation.actions:
        cur = result.resolution.curation
        console.print(f"curation {cur.path}: " + ", ".join(f"{k} {v}" for k, v in cur.counts().items()), highlight=False)
        for a in cur.actions:
            mark = "" if a.applied else " [not applied: no matching mention]"
            console.print(f"  {a.section}:{a.line} {a.action} {a.detail}{mark}", highlight=False, markup=False)
    for e in result.errors:
        err.print(f"[yellow]skipped:[/] {e}", highlight=False)
    c = result.graph.counts()
    console.print(f"built {len(result.graph.nodes)} nodes, {len(result.graph.edges)} edges from "
                  f"{len(result.documents)} documents -> {path}")
    console.print("  nodes: " + ", ".join(f"{k} {v}" for k, v in c["nodes"].items()), highlight=False)
    console.print("  edges: " + ", ".join(f"{k} {v}" for k, v in c["edges"].items()), highlight=False)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Plan files (.txt, .docx, .pdf) or folders (read recursively).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    no_manifest: Annotated[bool, typer.Option("--no-manifest", help="Ignore manifest.yaml: show only what the text says.")] = False,
    tree: Annotated[bool, typer.Option("--tree", help="Also print the section tree.")] = False,
    text: Annotated[bool, typer.Option("--text", help="Also print the numbered lines evidence points at (for DOCX/PDF: the extracted text).")] = False,
) -> None:
    """Read plan files and report per document: format, encoding, lines/pages, sections, 专栏 tables, metadata, warnings."""
    from kg.ingest import read_paths
    from kg.ingest.report import format_summary, numbered_lines, section_tree, summarize

    if fmt not in ("text", "json"):
        with user_errors():
            raise KGError(f"unknown format {fmt!r}; choose text or json")
    docs, errors = read_paths(paths, use_manifest=not no_manifest)
    if fmt == "json":
        rows = [summarize(d) for d in docs]
        sys.stdout.write(json.dumps({"documents": rows, "errors": [str(e) for e in errors]}, ensure_ascii=False, indent=1) + "\n")
    else:
        for d in docs:
            console.print(format_summary(summarize(d)), markup=False, highlight=False, soft_wrap=True)
            if tree:
                console.print(section_tree(d), markup=False, highlight=False, soft_wrap=True)
            if text:
                console.print(numbered_lines(d), markup=False, highlight=False, soft_wrap=True)
        for e in errors:
            err.print(f"[bold red]error:[/] {e}", highlight=False)
    if errors:
        raise typer.Exit(1)


@app.command()
def validate(
    graph: GraphOpt = None,
    plans: Annotated[Optional[Path], typer.Option("--plans", help="Also check every evidence quote against these plan files (default: seeds/plans if present).")] = None,
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Skip the quote check against the plan files.")] = False,
    no_shacl: Annotated[bool, typer.Option("--no-shacl", help="Only the fast Python-side checks (for graphs far larger than the corpus).")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many violations and warnings each (0: all).")] = 100,
) -> None:
    """Validate the graph against the ontology (SHACL shapes + term checks); exit 1 on violations."""
    from kg.validate import validate as run_validate

    with user_errors():
        if fmt not in ("text", "json"):
            raise KGError(f"unknown format {fmt!r}; choose text or json")
        g = _graph(graph)
        docs = None
        folder = plans or (config.PLANS if config.PLANS.is_dir() else None)
        if folder is not None and not no_quotes:
            from kg.ingest import read_corpus

            docs, _errors = read_corpus(folder, check=False)
        report = run_validate(g, documents=docs, shacl=not no_shacl)
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        console.print(report.format(limit=limit or None), markup=False, highlight=False, soft_wrap=True)
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def load(
    graph: GraphOpt = None, store: StoreOpt = "embedded", data: DataOpt = None, uri: UriOpt = None,
    user: UserOpt = None, password: PasswordOpt = None, database: DatabaseOpt = None,
    batch_size: Annotated[Optional[int], typer.Option("--batch-size", min=1, help="Rows per write (default: embedded 50000 per bulk call; neo4j 1000 per transaction, FalkorDB-Bolt capped at 4 KiB per request).")] = None,
) -> None:
    """Load the built graph into a store: afterwards the store holds exactly this graph (see docs/stores.md)."""
    with user_errors():
        g = _graph(graph)
        with opened_store(store, data, uri, user, password, database) as s:
            written = s.load(g, batch_size=batch_size)
            where = s.location
    console.print(f"loaded {written['nodes']} nodes and {written['edges']} relationships into {store} ({where}) "
                  f"in {written['seconds']:.2f} s", highlight=False, markup=False)
    if written.get("method") == "diff":
        console.print(f"  wrote {written['written_nodes']} nodes, {written['written_edges']} relationships; deleted "
                      f"{written['deleted_nodes']} nodes, {written['deleted_edges']} relationships", highlight=False)
    if written.get("dropped_edges"):
        err.print(f"[yellow]warning:[/] {written['dropped_edges']} relationships point to missing nodes and were not loaded",
                  highlight=False)


@app.command()
def status(
    store: StoreOpt = "embedded", data: DataOpt = None, uri: UriOpt = None, user: UserOpt = None,
    password: PasswordOpt = None, database: DatabaseOpt = None,
    graph: Annotated[Optional[Path], typer.Option("--graph", help="Built graph to compare with (default: out/graph.json).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """What a store holds: load state, which corpus build, counts per label and relationship type."""
    from kg.store.status import compare_build, render_status

    with user_errors():
        if fmt not in ("table", "json"):
            raise KGError(f"unknown format {fmt!r}; choose table or json")
        with opened_store(store, data, uri, user, password, database) as s:
            st = s.status()
        st["build"] = compare_build(st.get("meta") or {}, graph or config.graph_path())
    if fmt == "json":
        sys.stdout.write(json.dumps(st, ensure_ascii=False, indent=1, default=str) + "\n")
    else:
        render_status(st, console)


@app.command("queries")
def list_queries() -> None:
    """List the query pack: names, titles and parameters."""
    from kg.queries import load_pack

    with user_errors():
        pack = load_pack()
    t = Table(title="query pack")
    for c in ("name", "标题", "title", "parameters"):
        t.add_column(c)
    for q in pack.values():
        t.add_row(q.name, q.title.get("zh", ""), q.title.get("en", ""),
                  ", ".join(f"{k}:{p.type}" + ("" if p.required else "?") for k, p in q.params.items()))
    console.print(t)


def _parse_params(items: list[str]) -> dict[str, str]:
    out = {}
    for it in items:
        if "=" not in it:
            raise KGError(f"parameter {it!r} is not key=value")
        k, v = it.split("=", 1)
        out[k.strip()] = v
    return out


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="Query name (see `kg queries`).")],
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Parameter as key=value; repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    store: StoreOpt = "embedded", data: DataOpt = None, uri: UriOpt = None, user: UserOpt = None,
    password: PasswordOpt = None, database: DatabaseOpt = None,
) -> None:
    """Run a named pack query (read-only) and print its rows."""
    from kg.queries import get_query, run_query

    with user_errors():
        q = get_query(name)
        params = _parse_params(param or [])
        q.bind(params)  # validate before starting a store
        with opened_store(store, data, uri, user, password, database) as s:
            rows = run_query(s, name, params)
        print_rows(rows, fmt, title=f"{q.title.get('zh', '')} · {q.title.get('en', '')}", columns=q.columns)


@app.command()
def cypher(
    text: Annotated[str, typer.Argument(help="Cypher to run; names go in as -p parameters, never pasted in.")],
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Parameter as key=value (string); repeatable.")] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the statement to write (read-only otherwise).")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    store: StoreOpt = "embedded", data: DataOpt = None, uri: UriOpt = None, user: UserOpt = None,
    password: PasswordOpt = None, database: DatabaseOpt = None,
) -> None:
    """Run free-form Cypher, read-only unless --write."""
    from kg.queries import ensure_read_only, run_cypher

    with user_errors():
        if not write:
            ensure_read_only(text, "this Cypher")
        with opened_store(store, data, uri, user, password, database) as s:
            rows = run_cypher(s, text, _parse_params(param or []), write=write)
        print_rows(rows, fmt)


@app.command()
def view(
    graph: GraphOpt = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="HTML file to write (default: out/view.html).")] = None,
    chain: Annotated[Optional[str], typer.Option("--chain", help="Chain view of an industry chain (name), or of all chains: --chain all (with --city: that city's).")] = None,
    city: Annotated[Optional[str], typer.Option("--city", help="City overview; with --chain or --collab: keep to this city.")] = None,
    ego: Annotated[Optional[str], typer.Option("--ego", help="Ego view: an entity (name, alias or id) and its neighbourhood.")] = None,
    hops: Annotated[Optional[int], typer.Option("--hops", help="Hops around --ego [1] or around --query results [0].")] = None,
    collab: Annotated[bool, typer.Option("--collab", help="Collaboration network (COLLABORATES_WITH), optionally of --city.")] = False,
    query_name: Annotated[Optional[str], typer.Option("--query", help="View the entities a pack query returns (runs on --store).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Query parameter as key=value; repeatable.")] = None,
    max_nodes: Annotated[Optional[int], typer.Option("--max-nodes", help="Refuse views with more nodes than this (default 5000); export GraphML/GEXF instead.")] = None,
    store: StoreOpt = "embedded", data: DataOpt = None, uri: UriOpt = None, user: UserOpt = None,
    password: PasswordOpt = None, database: DatabaseOpt = None,
) -> None:
    """Write an interactive HTML view (whole graph, chain, city, ego, collaboration or query result) that works offline."""
    from kg import views

    with user_errors():
        g = _graph(graph)
        params = _parse_params(param or [])
        kw = {"max_nodes": max_nodes} if max_nodes is not None else {}
        if query_name:
            from kg.queries import get_query

            get_query(query_name).bind(params)  # validate before starting a store
            with opened_store(store, data, uri, user, password, database) as s:
                v = views.select_view(g, chain=chain, city=city, ego=ego, hops=hops, collab=collab,
                                      query=query_name, params=params, store=s)
        else:
            v = views.select_view(g, chain=chain, city=city, ego=ego, hops=hops, collab=collab, params=params)
        path = views.write(v, out or config.out_dir() / "view.html", **kw)
    console.print(f"wrote {path}: {v.kind} view “{v.title}”, {len(v.graph.nodes)} nodes, {len(v.graph.edges)} edges",
                  highlight=False)


@app.command()
def export(
    graph: GraphOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, graphml, gexf, csv, ttl, jsonld, cypher, md or html.")] = "json",
    out: Annotated[Optional[str], typer.Option("--out", help="File (csv: folder or .zip) to write, or a folder (existing, or ending in /) to put a name derived from the selection in (default: the output folder, out/).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    entity: Annotated[Optional[str], typer.Option("--entity", help="Select an entity (name, alias or id) and its neighbours.")] = None,
    hops: Annotated[Optional[int], typer.Option("--hops", help="Hops around --entity (default 1) or around --query results (default 0).")] = None,
    chain: Annotated[Optional[str], typer.Option("--chain", help="Select an industry chain with leaders, members, platforms, innovation chains, stages.")] = None,
    city: Annotated[Optional[str], typer.Option("--city", help="Select everything of one city.")] = None,
    query_name: Annotated[Optional[str], typer.Option("--query", help="Select the entities a pack query returns (runs on --store).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Query parameter as key=value; repeatable.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Report title (default: from the selection).")] = None,
    store: StoreOpt = "embedded", data: DataOpt = None, uri: UriOpt = None, user: UserOpt = None,
    password: PasswordOpt = None, database: DatabaseOpt = None,
) -> None:
    """Export the graph or a selection of it (entity, chain, city, query result) for reports and other tools."""
    from kg.export import export as run_export, get_format, select

    with user_errors():
        get_format(fmt)
        g = _graph(graph)
        if query_name:
            from kg.queries import get_query

            params = _parse_params(param or [])
            get_query(query_name).bind(params)  # validate before starting a store
            with opened_store(store, data, uri, user, password, database) as s:
                sel = select(g, entity=entity, chain=chain, city=city, query=query_name, params=params, hops=hops, store=s)
        else:
            sel = select(g, entity=entity, hops=hops, chain=chain, city=city, params=_parse_params(param or []))
        if title:
            sel.title = title
        path = run_export(sel, out, fmt, force=force)
    console.print(f"wrote {path} ({len(sel.graph.nodes)} nodes, {len(sel.graph.edges)} edges)", highlight=False)


@app.command("eval")
def eval_(
    graph: Annotated[Optional[Path], typer.Option("--graph", help="Evaluate this graph JSON instead of building from --plans.")] = None,
    plans: PlansOpt = config.PLANS,
    gold: Annotated[Optional[list[Path]], typer.Option("--gold", help="Gold file or folder (default: tests/gold/*.yaml); repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    details: Annotated[bool, typer.Option("--details", help="List missed and spurious entities and relationships.")] = False,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", help="Leave out gold files and plans whose name contains this text (e.g. a held-out plan); repeatable.")] = None,
    annotation: Annotated[Optional[Path], typer.Option("--annotation", help="Score another annotator's gold file of the same plan against --gold instead of a graph: how far two annotations agree.")] = None,
) -> None:
    """Precision, recall and F1 per entity and relationship type against the gold plans, and
    counts of what is extracted from the plans without gold."""
    from kg.evaluate import evaluate, gold_files, gold_graph, load_gold

    with user_errors():
        if annotation is not None:
            g = gold_graph(load_gold(annotation))
        elif graph is not None:
            g = _graph(graph)
        else:
            from kg.pipeline import build as run_build

            g = run_build(plans).graph
        paths: list[Path] = []
        for p in gold or [None]:
            paths += gold_files() if p is None else (gold_files(p) if p.is_dir() else [p])
        skip = [x for x in (exclude or []) if x]
        paths = [p for p in paths if not any(x in p.name for x in skip)]
        if not paths:
            raise KGError("no gold files found (expected tests/gold/*.yaml or --gold)")
        docs = sorted({e.doc for n in g.nodes for e in n.evidence if not any(x in e.doc for x in skip)})
        report = evaluate(g, paths, docs=docs)
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n")
        return
    if fmt != "table":
        with user_errors():
            raise KGError(f"unknown format {fmt!r}; choose table or json")
    for d in report.gold:
        t = Table(title=f"{d.doc} ({d.gold_file})")
        for c in ("kind", "type", "tp", "fp", "fn", "precision", "recall", "f1"):
            t.add_column(c, justify="left" if c in ("kind", "type") else "right")
        for kind, scores, total in (("entity", d.entities, d.entity_total()), ("relation", d.relations, d.relation_total())):
            for k, sc in sorted(scores.items()):
                r = sc.row()
                t.add_row(kind, k, *(str(r[c]) for c in ("tp", "fp", "fn", "precision", "recall", "f1")))
            r = total.row()
            t.add_row(kind, "[b]micro[/b]", *(f"[b]{r[c]}[/b]" for c in ("tp", "fp", "fn", "precision", "recall", "f1")),
                      end_section=True)
        console.print(t)
        if details:
            for label, items in (("missed entities", d.missed_entities), ("spurious entities", d.spurious_entities),
                                 ("missed relations", d.missed_relations), ("spurious relations", d.spurious_relations)):
                console.print(f"{label} ({len(items)}):", highlight=False)
                for it in items:
                    console.print(f"  {it}", highlight=False, markup=False)
    if report.unseen:
        t = Table(title="plans without gold: what is extracted")
        t.add_column("document")
        t.add_column("nodes", overflow="fold")
        t.add_column("edges", overflow="fold")
        for doc, c in report.unseen.items():
            t.add_row(doc, ", ".join(f"{k} {v}" for k, v in c["nodes"].items()),
                      ", ".join(f"{k} {v}" for k, v in c["edges"].items()))
        console.print(t)


@app.command()
def explain(
    name: Annotated[str, typer.Argument(help="Entity name, alias or id (a part of a name also works).")],
    resolution: Annotated[Optional[Path], typer.Option("--resolution", help="resolution.json written by `kg build` (default: out/resolution.json).")] = None,
) -> None:
    """Show how an entity was resolved: the mentions merged into it, by which rule, and the curation applied."""
    from kg.pipeline import RESOLUTION_NAME
    from kg.resolve import explain_lookup

    with user_errors():
        hits = explain_lookup(resolution or config.out_dir() / RESOLUTION_NAME, name)
    for n in hits:
        console.print(f"[b]{n.name}[/b]  {n.type}  {n.id}", highlight=False)
        if n.aliases:
            console.print("  aliases: " + "、".join(n.aliases), highlight=False, markup=False)
        console.print(f"  {len(n.mentions)} mention(s):", highlight=False)
        for m in n.mentions:
            console.print(f"    {m.name}  {m.doc}:{m.line}  «{m.quote}»  rule={m.rule}", highlight=False, markup=False)
        if n.merges:
            console.print("  merged:", highlight=False)
            for st in n.merges:
                console.print(f"    {st.a} + {st.b}  by {st.rule}" + (f" ({st.detail})" if st.detail else ""),
                              highlight=False, markup=False)
        for st in n.kept_apart:
            console.print(f"  kept apart: {st.a} / {st.b} ({st.rule}, {st.detail})", highlight=False, markup=False)


@app.command()
def stats(
    graph: GraphOpt = None,
    store: Annotated[Optional[str], typer.Option("--store", help="Count in a store instead of the graph JSON.")] = None,
    data: DataOpt = None,
) -> None:
    """Counts per class and relationship type (of the built graph, or of a store)."""
    with user_errors():
        if store:
            with opened_store(store, data) as s:
                c = s.counts()
        else:
            c = _graph(graph).counts()
    t = Table(title="graph counts")
    t.add_column("kind")
    t.add_column("type")
    t.add_column("count", justify="right")
    for kind in ("nodes", "edges"):
        for k, v in c[kind].items():
            t.add_row(kind, k, str(v))
    console.print(t)


if __name__ == "__main__":  # pragma: no cover
    app()
