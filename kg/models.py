"""Typed models for what flows between pipeline stages.

ingest -> `Document`; extract -> `Extraction` (entity and relation mentions);
resolve -> `Graph` (the interchange JSON of DESIGN.md). Every mention, node and edge carries
`Evidence` pointing back to a line of an original corpus file.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel, ConfigDict, Field


class Evidence(BaseModel):
    """Where a fact was read: corpus file name, 1-based line, verbatim substring of that line."""

    model_config = ConfigDict(frozen=True)

    doc: str
    line: int = Field(ge=1)
    quote: str

    def key(self) -> tuple[str, int, str]:
        return (self.doc, self.line, self.quote)


# --------------------------------------------------------------------------- ingest


class Section(BaseModel):
    """One heading of the numbering ladder (第一章 / 第一节 / 一、/ （一）/ 1. / (1) / ①)."""

    level: int = Field(description="depth in the section tree, 1 = outermost heading of the document")
    number: str
    title: str
    line: int
    path: list[str] = Field(default_factory=list, description="titles from the root to this heading")
    marker: str | None = Field(None, description="numbering style: 第N章 第N节 一、 （一） 1. （1） ①")


class TableRow(BaseModel):
    cells: list[str] = Field(description="clean text of each cell ('' for a cell spanned from the row above)")
    line: int
    raw: list[str] = Field(default_factory=list, description="each cell as printed on the line (verbatim, for quotes)")
    sequences: list[list[str]] = Field(
        default_factory=list, description="chain tables: the stage sequences of the chain cell (煤焦油-针状焦-… → [[煤焦油, 针状焦, …]])")


class Table(BaseModel):
    """A 专栏 boxed table: tab-separated rows under a '专栏 N title' line (number None and title ''
    for a tab-separated table printed without one)."""

    number: str | None = None
    title: str
    line: int
    header: list[str] = Field(default_factory=list)
    rows: list[TableRow] = Field(default_factory=list)
    section_path: list[str] = Field(default_factory=list)
    kind: str = Field("other", description="indicator | chain | other")
    columns: list[str] = Field(
        default_factory=list, description="role of each header column: no name baseline target growth attribute unit demand chain other")

    def filled_rows(self) -> list[list[str]]:
        """Cells of every row with leading cells spanned from the row above filled in."""
        out: list[list[str]] = []
        prev: list[str] = []
        for r in self.rows:
            cells = list(r.cells)
            for i, c in enumerate(cells):
                if c:
                    break
                if i < len(prev):
                    cells[i] = prev[i]
            out.append(cells)
            prev = cells
        return out


class Span(BaseModel):
    """Where one character of clean text came from: 1-based line and 0-based column."""

    model_config = ConfigDict(frozen=True)

    line: int
    col: int


class Paragraph(BaseModel):
    """A unit of clean text (broken lines rejoined) with a per-character map to the original."""

    text: str
    origin: list[tuple[int, int]] = Field(description="(line, col) of every character of text")
    section_path: list[str] = Field(default_factory=list)
    is_heading: bool = False
    in_table: bool = False
    inserted: list[int] = Field(default_factory=list, description="indices of characters cleaning added (a space between rejoined ASCII words)")

    @property
    def line(self) -> int:
        return self.origin[0][0] if self.origin else 0

    @property
    def lead(self) -> str | None:
        """The run-in heading of a paragraph (构建氢能产业科技创新链。依托…): its first sentence when
        that is short (<= 24 characters, no comma, not a quotation) and more text follows. A
        heuristic: a short plain first sentence is taken as a lead too."""
        head, sep, rest = self.text.partition("。")
        head = head.removeprefix("——")
        if not sep or not rest or not head or len(head) > 24 or head[0] in "“\"" or any(c in head for c in "，,；;"):
            return None
        return head

    def line_at(self, index: int) -> int:
        return self.origin[min(index, len(self.origin) - 1)][0]


class DocumentMeta(BaseModel):
    title: str | None = None
    city: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    kind: str | None = Field(None, description="plan | reply | measure")


class Document(BaseModel):
    """A plan file read into clean, structured text that still knows its original lines."""

    name: str = Field(description="corpus file name; the `doc` of every Evidence")
    path: str
    sha256: str
    encoding: str
    fmt: str = Field("txt", description="txt | docx | pdf")
    lines: list[str] = Field(description="the original lines, 0-based list of 1-based lines")
    pages: int | None = None
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    sections: list[Section] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    line_pages: list[int] = Field(default_factory=list, description="PDF: the 1-based page of each line")
    meta_sources: dict[str, str] = Field(default_factory=dict, description="where each metadata field came from: text | manifest")
    meta_lines: dict[str, int] = Field(default_factory=dict, description="1-based line where each metadata field is printed (read from the text)")

    def clean_text(self) -> str:
        """The clean text, one paragraph per line (for diffing renderings of the same plan)."""
        return "\n".join(p.text for p in self.paragraphs)

    def evidence(self, paragraph: Paragraph, start: int, end: int) -> Evidence:
        """Evidence for clean-text span [start, end) of a paragraph: the original line of its
        first character and the verbatim part of that line the span covers."""
        end = max(end, start + 1)
        line, col = paragraph.origin[start]
        last_col = col
        for ln, c in paragraph.origin[start:end]:
            if ln != line:
                break
            last_col = c
        raw = self.lines[line - 1]
        return Evidence(doc=self.name, line=line, quote=raw[col : last_col + 1])

    def line_evidence(self, line: int, quote: str | None = None) -> Evidence:
        raw = self.lines[line - 1]
        q = quote if quote and quote in raw else raw.strip()
        return Evidence(doc=self.name, line=line, quote=q)


# --------------------------------------------------------------------------- extract


class EntityMention(BaseModel):
    """A named thing read in a document, before resolution."""

    name: str
    type: str
    subtype: str | None = None
    city: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)
    evidence: Evidence
    aliases: list[str] = Field(default_factory=list, description="other surface forms read with this mention")
    scope: str | None = Field(None, description="what a city-scoped name is unique within (city, chain id)")
    rule: str | None = Field(None, description="the extraction rule that produced the mention")


class RelationMention(BaseModel):
    """A stated relationship between two mentions (referenced by type + surface name)."""

    type: str
    source: str
    source_type: str
    target: str
    target_type: str
    properties: dict[str, Any] = Field(default_factory=dict)
    evidence: Evidence
    source_scope: str | None = None
    target_scope: str | None = None
    rule: str | None = None


class Extraction(BaseModel):
    doc: str
    city: str | None = None
    entities: list[EntityMention] = Field(default_factory=list)
    relations: list[RelationMention] = Field(default_factory=list)


# --------------------------------------------------------------------------- graph


def union_evidence(*lists: Iterable[Evidence]) -> list[Evidence]:
    """Union of evidence lists, order kept, duplicates dropped."""
    seen: set[tuple[str, int, str]] = set()
    out: list[Evidence] = []
    for lst in lists:
        for ev in lst:
            if ev.key() not in seen:
                seen.add(ev.key())
                out.append(ev)
    return out


class Node(BaseModel):
    id: str
    type: str
    subtype: str | None = None
    name: str
    aliases: list[str] = Field(default_factory=list)
    city: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(min_length=1)


class Edge(BaseModel):
    source: str
    target: str
    type: str
    properties: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(min_length=1)

    def key(self) -> tuple[str, str, str]:
        return (self.source, self.type, self.target)


class Graph(BaseModel):
    """The whole graph or a subgraph, in the interchange form of DESIGN.md."""

    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)

    def node_index(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            "nodes": dict(sorted(Counter(n.type for n in self.nodes).items())),
            "edges": dict(sorted(Counter(e.type for e in self.edges).items())),
        }

    def to_interchange(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        if not data["meta"]:
            data.pop("meta")
        return data

    def write_json(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(self.to_interchange(), ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
        return path

    @classmethod
    def read_json(cls, path: Path) -> "Graph":
        from kg.errors import InputError

        try:
            return cls.model_validate_json(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise InputError(f"{path}: no such graph file; run `kg build` first") from exc
        except ValueError as exc:
            raise InputError(f"{path}: not a valid interchange graph JSON: {exc}") from exc

    def subgraph(self, node_ids: Iterable[str]) -> "Graph":
        keep = set(node_ids)
        return Graph(
            nodes=[n for n in self.nodes if n.id in keep],
            edges=[e for e in self.edges if e.source in keep and e.target in keep],
            meta=dict(self.meta),
        )

    def to_networkx(self):  # -> nx.MultiDiGraph
        import networkx as nx

        g = nx.MultiDiGraph()
        for n in self.nodes:
            g.add_node(n.id, **n.model_dump(mode="json", exclude={"id"}))
        for e in self.edges:
            g.add_edge(e.source, e.target, key=e.type, **e.model_dump(mode="json", exclude={"source", "target"}))
        return g
