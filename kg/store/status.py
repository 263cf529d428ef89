"""`kg status`: what a store holds, which corpus build it came from, and whether it is current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def compare_build(meta: dict[str, Any], graph_path: Path) -> dict[str, Any]:
    """How the loaded graph relates to the built graph JSON (by corpus digest and build time)."""
    path = Path(graph_path)
    if not path.is_file():
        return {"path": str(path), "state": "missing"}
    try:
        with path.open(encoding="utf-8") as f:
            built = json.load(f).get("meta") or {}
    except (OSError, ValueError) as exc:
        return {"path": str(path), "state": "unreadable", "error": str(exc)}
    out = {"path": str(path), "corpus": built.get("corpus"), "built_at": built.get("built_at")}
    if not meta:
        out["state"] = "not loaded"
    elif (meta.get("corpus"), meta.get("built_at")) == (built.get("corpus"), built.get("built_at")):
        out["state"] = "current"
    else:
        out["state"] = "differs"
    return out


def _short(digest: Any) -> str:
    return str(digest)[:12] if digest else "?"


def render_status(st: dict[str, Any], console: Console) -> None:
    meta = st.get("meta") or {}
    server = st.get("server") or {}
    head = Table(show_header=False, box=None, pad_edge=False)
    head.add_column(style="bold")
    head.add_column()
    where = f"{st['backend']} · {st['location']}"
    if st["backend"] == "embedded":
        pid = server.get("pid")
        where += f" · FalkorDB server pid {pid}" if pid else ""
    else:
        where += f" · {server.get('version', '')}"
    head.add_row("store", escape(where))
    state = st["state"]
    if state == "done":
        state += f" · loaded {meta.get('loaded_at', '?')}"
    elif state == "loading":
        state += " · a load is running or was interrupted: run `kg load` again to finish it"
    elif state == "empty":
        state += " · nothing loaded: run `kg build` then `kg load`"
    if server.get("load_running_pid"):
        state += f" · a load is running now (pid {server['load_running_pid']})"
    elif server.get("interrupted_load"):
        state += " · an interrupted load left a staging graph (the next load discards it)"
    head.add_row("state", escape(state))
    if meta:
        head.add_row("corpus", escape(f"{_short(meta.get('corpus'))} · built {meta.get('built_at', '?')} · "
                               f"{meta.get('documents', '?')} documents"))
    build = st.get("build") or {}
    note = {
        "current": f"the loaded graph is the build in {build.get('path')}",
        "differs": f"{build.get('path')} is another build ({_short(build.get('corpus'))}, built {build.get('built_at')}): "
                   "run `kg load` to load it",
        "not loaded": f"{build.get('path')} is built but not loaded: run `kg load`",
        "missing": f"no built graph at {build.get('path')}",
        "unreadable": f"{build.get('path')} cannot be read: {build.get('error')}",
    }.get(build.get("state", ""), "")
    if note:
        head.add_row("build", escape(note))
    console.print(head, highlight=False)
    counts = st.get("counts") or {}
    labels = st.get("labels") or {}
    if labels:
        t = Table(title="nodes per label")
        t.add_column("label")
        t.add_column("count", justify="right")
        for k, v in labels.items():
            t.add_row(k, str(v))
        t.add_row("[bold]Entity (all)[/]", f"[bold]{sum(counts.get('nodes', {}).values())}[/]")
        console.print(t, highlight=False)
    if counts.get("edges"):
        t = Table(title="relationships per type")
        t.add_column("type")
        t.add_column("count", justify="right")
        for k, v in counts["edges"].items():
            t.add_row(k, str(v))
        t.add_row("[bold]all[/]", f"[bold]{sum(counts['edges'].values())}[/]")
        console.print(t, highlight=False)
