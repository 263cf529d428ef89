"""Ingest: plan files (txt/docx/pdf) -> `Document`. Never touches a store."""

from __future__ import annotations

import logging
from pathlib import Path

from kg.errors import InputError
from kg.ingest.manifest import Manifest, check_manifest, load_manifest
from kg.ingest.text import read_text_file
from kg.models import Document

log = logging.getLogger(__name__)

READERS = {".txt": read_text_file}
SUPPORTED = tuple(READERS)


def read_document(path: Path, manifest: Manifest | None = None) -> Document:
    """Read one plan file; manifest fields, where given, override what the text says."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"{path}: unsupported file type {path.suffix!r} (supported: {', '.join(SUPPORTED)})")
    doc = reader(path)
    entry = manifest.entry(path.name) if manifest else None
    if entry:
        overrides = {k: v for k, v in entry.model_dump(exclude={"file", "sha256"}).items() if v is not None}
        doc.meta = doc.meta.model_copy(update=overrides)
    return doc


def corpus_files(folder: Path) -> list[Path]:
    """Plan files below a folder, recursively, in a stable order."""
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)


def read_corpus(folder: Path, *, check: bool = True) -> tuple[list[Document], list[InputError]]:
    """Read every plan below `folder`. A bad file is reported and skipped; the others are read."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of plan files")
    manifest = load_manifest(folder)
    if manifest and check:
        check_manifest(folder, manifest)
    docs: list[Document] = []
    errors: list[InputError] = []
    for path in corpus_files(folder):
        try:
            docs.append(read_document(path, manifest))
        except InputError as exc:
            log.warning("%s", exc)
            errors.append(exc)
    return docs, errors
