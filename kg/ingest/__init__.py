"""Ingest: plan files (txt/docx/pdf) -> `Document`. Never touches a store.

`read_document` reads one file, `read_paths` any mix of files and folders (recursively),
`read_corpus` a corpus folder checked against its manifest. A file that cannot be read raises
`InputError` naming the file and the problem; the multi-file readers report it and go on.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from kg.errors import InputError, ManifestError
from kg.ingest.manifest import MANIFEST_NAME, Manifest, check_manifest, load_manifest
from kg.ingest.meta import read_meta
from kg.ingest.structure import parse
from kg.ingest.text import RawText, read_raw
from kg.models import Document

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".docx", ".pdf")

__all__ = [
    "SUPPORTED", "build_document", "corpus_files", "plan_files", "read_corpus", "read_document", "read_paths",
]


def build_document(raw: RawText, path: Path, name: str | None = None) -> Document:
    """Structure, clean paragraphs and metadata of already extracted lines."""
    path = Path(path)
    parsed = parse(raw, name or path.name)
    meta, meta_lines = read_meta(parsed.paragraphs, parsed.sections)
    return Document(
        name=name or path.name, path=str(path), sha256=raw.sha256, encoding=raw.encoding, fmt=raw.fmt,
        lines=raw.lines, pages=raw.pages, line_pages=raw.line_pages, meta=meta,
        meta_sources={k: "text" for k, v in meta.model_dump().items() if v is not None}, meta_lines=meta_lines,
        sections=parsed.sections, tables=parsed.tables, paragraphs=parsed.paragraphs,
        warnings=raw.warnings + parsed.warnings,
    )


def apply_manifest(doc: Document, manifest: Manifest | None) -> Document:
    """Fields the manifest gives (not null) override what the text says."""
    entry = manifest.entry(doc.name) if manifest else None
    if entry is None:
        return doc
    if entry.sha256 != doc.sha256:
        doc.warnings.append(f"{MANIFEST_NAME} lists {doc.name} with other bytes (sha256 {entry.sha256[:12]}…); its metadata was not applied")
        return doc
    overrides = {k: v for k, v in entry.model_dump(exclude={"file", "sha256"}).items() if v is not None}
    changed = {k for k, v in overrides.items() if getattr(doc.meta, k) != v}
    doc.meta = doc.meta.model_copy(update=overrides)
    doc.meta_sources.update({k: "manifest" for k in changed})
    return doc


def read_document(path: Path, manifest: Manifest | None = None) -> Document:
    """Read one plan file; manifest fields, where given, override what the text says."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; use read_paths or read_corpus")
    if path.exists() and path.suffix.lower() not in SUPPORTED:
        raise InputError(f"{path}: unsupported file type {path.suffix!r} (supported: {', '.join(SUPPORTED)})")
    raw = read_raw(path)
    doc = build_document(raw, path)
    log.info("%s: %s, %d lines, %d sections, %d tables", path, raw.fmt, len(raw.lines), len(doc.sections), len(doc.tables))
    return apply_manifest(doc, manifest)


def plan_files(folder: Path) -> list[Path]:
    """Plan files below a folder, recursively, in a stable order (hidden files and Word's ~$ lock
    files skipped)."""
    return sorted(
        p for p in Path(folder).rglob("*")
        if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith((".", "~$"))
        and not any(part.startswith(".") for part in p.relative_to(folder).parts[:-1])
    )


corpus_files = plan_files


def read_paths(paths: Iterable[Path], *, use_manifest: bool = True) -> tuple[list[Document], list[InputError]]:
    """Read files and folders (recursively). A file that cannot be read is reported in the
    returned errors and the others are still read. The manifest.yaml of a file's folder (or of
    the folder given) supplies metadata overrides unless `use_manifest` is false."""
    docs: list[Document] = []
    errors: list[InputError] = []
    manifests: dict[Path, Manifest | None] = {}

    def manifest_for(folder: Path) -> Manifest | None:
        if not use_manifest:
            return None
        if folder not in manifests:
            try:
                manifests[folder] = load_manifest(folder)
            except ManifestError as exc:
                errors.append(exc)
                manifests[folder] = None
        return manifests[folder]

    for given in paths:
        given = Path(given)
        if given.is_dir():
            files = plan_files(given)
            if not files:
                errors.append(InputError(f"{given}: no {', '.join(SUPPORTED)} files in this folder"))
            root_manifest = manifest_for(given)
            pairs = [(f, manifest_for(f.parent) or root_manifest) for f in files]
        else:
            pairs = [(given, manifest_for(given.parent))]
        for f, manifest in pairs:
            try:
                docs.append(read_document(f, manifest))
            except InputError as exc:
                log.info("skipped: %s", exc)
                errors.append(exc)
    return docs, errors


def read_corpus(folder: Path, *, check: bool = True) -> tuple[list[Document], list[InputError]]:
    """Read every plan below `folder`. A bad file is reported and skipped; the others are read.
    With `check`, every file the manifest lists must be there with its recorded sha256."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of plan files")
    manifest = load_manifest(folder)
    if manifest and check:
        check_manifest(folder, manifest)
    docs: list[Document] = []
    errors: list[InputError] = []
    for path in plan_files(folder):
        try:
            docs.append(read_document(path, manifest))
        except InputError as exc:
            log.warning("%s", exc)
            errors.append(exc)
    return docs, errors
