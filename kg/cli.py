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
GraphOpt = Annotated[Optional[Path], typer.Option("--graph", help="Interchange JSON written by `kg build` [default: out/graph.json].")]
StoreOpt = Annotated[str, typer.Option("--store", help="Graph store: embedded (FalkorDB, no setup) or neo4j (Bolt).")]
DataOpt = Annotated[Optional[Path], typer.Option("--data", help="Folder of the embedded store [default: ./.kg-data].")]
UriOpt = Annotated[Optional[str], typer.Option("--uri", help="Neo4j URI (bolt://, neo4j://, neo4j+s://) [env NEO4J_URI].")]
UserOpt = Annotated[Optional[str], typer.Option("--user", help="Neo4j user [env NEO4J_USER].")]
PasswordOpt = Annotated[Optional[str], typer.Option("--password", help="Neo4j password [env NEO4J_PASSWORD].")]
DatabaseOpt = Annotated[Optional[str], typer.Option("--database", help="Neo4j database [env NEO4J_DATABASE].")]


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress and decisions.")] = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's errors into a one-line message and exit code 1 (no traceback)."""
    try:
        yield
    except KGError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
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
    out: Annotated[Optional[Path], typer.Option("--out", help="Where to write the interchange JSON [default: out/graph.json].")] = None,
) -> None:
    """Read the plans, extract facts with evidence, resolve entities, write the graph JSON."""
    from kg.pipeline import build as run_build

    with user_errors():
        result = run_build(plans)
        path = result.graph.write_json(out or config.graph_path())
    for e in result.errors:
        err.print(f"[yellow]skipped:[/] {e}", highlight=False)
    c = result.graph.counts()
    console.print(f"built {len(result.graph.nodes)} nodes, {len(result.graph.edges)} edges from "
                  f"{len(result.documents)} documents -> {path}")
    console.print("  nodes: " + ", ".join(f"{k} {v}" for k, v in c["nodes"].items()), highlight=False)
    console.print("  edges: " + ", ".join(f"{k} {v}" for k, v in c["edges"].items()), highlight=False)


@app.command()
def load(
    graph: GraphOpt = None, store: StoreOpt = "embedded", data: DataOpt = None, uri: UriOpt = None,
    user: UserOpt = None, password: PasswordOpt = None, database: DatabaseOpt = None,
) -> None:
    """Load the built graph into a store (replacing what was loaded before)."""
    with user_errors():
        g = _graph(graph)
        with opened_store(store, data, uri, user, password, database) as s:
            written = s.load(g)
    console.print(f"loaded {written['nodes']} nodes and {written['edges']} relationships into {store}")


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
    out: Annotated[Optional[Path], typer.Option("--out", help="HTML file to write [default: out/view.html].")] = None,
) -> None:
    """Write an interactive HTML view of the graph (works offline)."""
    from kg.views import render

    with user_errors():
        path = render(_graph(graph), out or config.out_dir() / "view.html")
    console.print(f"wrote {path}")


@app.command()
def export(
    graph: GraphOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Export format: json.")] = "json",
    out: Annotated[Optional[Path], typer.Option("--out", help="File to write [default: out/export.<format>].")] = None,
) -> None:
    """Export the graph for reports and other tools."""
    from kg.export import export as run_export

    with user_errors():
        path = run_export(_graph(graph), out or config.out_dir() / f"export.{fmt}", fmt)
    console.print(f"wrote {path}")


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
