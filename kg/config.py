"""Where things live. One home for default paths so the CLI, the API and the tests agree."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PLANS = SEEDS / "plans"
CURATION = SEEDS / "curation.yaml"
ONTOLOGY = ROOT / "ontology"
QUERIES = ROOT / "queries"


def out_dir() -> Path:
    """Output folder for builds, views and exports (KG_OUT overrides ./out)."""
    return Path(os.environ.get("KG_OUT", "out"))


def data_dir() -> Path:
    """Folder of the embedded store's files (KG_DATA overrides ./.kg-data)."""
    return Path(os.environ.get("KG_DATA", ".kg-data"))


def graph_path() -> Path:
    return out_dir() / "graph.json"
