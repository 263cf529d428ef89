"""The corpus manifest: which files make the corpus, their sha256, and metadata overrides."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from kg.errors import ManifestError
from kg.models import DocumentMeta

MANIFEST_NAME = "manifest.yaml"


class ManifestEntry(DocumentMeta):
    file: str
    sha256: str


class Manifest(BaseModel):
    documents: list[ManifestEntry]

    def entry(self, name: str) -> ManifestEntry | None:
        return next((d for d in self.documents if d.file == name), None)


def load_manifest(folder: Path) -> Manifest | None:
    """The folder's manifest.yaml, or None when the folder has none."""
    path = folder / MANIFEST_NAME
    if not path.exists():
        return None
    try:
        return Manifest.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise ManifestError(f"{path}: not a valid manifest: {exc}") from exc


def check_manifest(folder: Path, manifest: Manifest) -> None:
    """Every listed file is present with the recorded bytes; otherwise stop before reading."""
    problems = []
    for d in manifest.documents:
        p = folder / d.file
        if not p.exists():
            problems.append(f"{p}: listed in {MANIFEST_NAME} but missing")
            continue
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        if digest != d.sha256:
            problems.append(f"{p}: sha256 {digest[:12]}… differs from the manifest's {d.sha256[:12]}… (file edited?)")
    if problems:
        raise ManifestError("corpus does not match its manifest:\n  " + "\n  ".join(problems))
