"""What `kg ingest` reports per document: format, encoding, size, sections, tables, metadata,
warnings — as a dict (for --format json) and as plain text."""

from __future__ import annotations

from collections import Counter
from typing import Any

from kg.models import Document


def summarize(doc: Document) -> dict[str, Any]:
    markers = Counter(s.marker for s in doc.sections)
    return {
        "file": doc.name,
        "path": doc.path,
        "format": doc.fmt,
        "encoding": doc.encoding,
        "sha256": doc.sha256,
        "lines": len(doc.lines),
        "pages": doc.pages,
        "paragraphs": sum(1 for p in doc.paragraphs if not p.in_table and not p.is_heading),
        "sections": len(doc.sections),
        "section_markers": dict(markers),
        "depth": max((s.level for s in doc.sections), default=0),
        "tables": [
            {"number": t.number, "title": t.title, "kind": t.kind, "line": t.line, "rows": len(t.rows), "header": t.header}
            for t in doc.tables
        ],
        "meta": doc.meta.model_dump(),
        "meta_sources": doc.meta_sources,
        "warnings": doc.warnings,
    }


def format_summary(s: dict[str, Any]) -> str:
    size = f"{s['pages']} pages, {s['lines']} lines" if s["pages"] else f"{s['lines']} lines"
    enc = "" if s["encoding"] == s["format"] else f", {s['encoding']}"
    out = [f"{s['file']}  ({s['format']}{enc}, {size}, {s['paragraphs']} paragraphs)"]
    marks = " ".join(f"{m}×{n}" for m, n in s["section_markers"].items())
    out.append(f"  sections   {s['sections']} (depth {s['depth']}: {marks})" if s["sections"] else "  sections   none")
    if s["tables"]:
        kinds = Counter(t["kind"] for t in s["tables"])
        out.append(f"  tables     {len(s['tables'])} (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")")
        for t in s["tables"]:
            out.append(f"    专栏{t['number']:<3} {t['kind']:<9} {t['rows']:>3} rows  line {t['line']:<5} {t['title']}")
    else:
        out.append("  tables     none")
    for key in ("title", "city", "issuer", "doc_number", "date", "kind"):
        val = s["meta"].get(key)
        src = s["meta_sources"].get(key)
        out.append(f"  {key:<11}{val if val is not None else '—'}" + (f"  [{src}]" if src and val is not None else ""))
    for w in s["warnings"]:
        out.append(f"  warning    {w}")
    return "\n".join(out)


def section_tree(doc: Document) -> str:
    return "\n".join(f"  {s.line:>5}  {'  ' * (s.level - 1)}{s.number} {s.title}" for s in doc.sections)


def numbered_lines(doc: Document) -> str:
    """The lines evidence points at (for DOCX/PDF: the extracted text), numbered."""
    width = len(str(len(doc.lines)))
    pages = doc.line_pages
    return "\n".join(
        (f"{i:>{width}} p{pages[i - 1]:<3} " if pages else f"{i:>{width}}  ") + ln.replace("\t", " ⇥ ")
        for i, ln in enumerate(doc.lines, 1)
    )
