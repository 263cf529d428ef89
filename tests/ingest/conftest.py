"""Fixtures of the ingest tests: the corpus read once, and real DOCX/PDF renderings of plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import PLANS
from kg.ingest import read_corpus, read_document
from kg.ingest.text import split_lines
from kg.models import Document

from .render import to_docx, to_pdf

LINFEN = "linfen-2022-innovation-ecosystem-plan.txt"
REPLY = "linfen-2023-sci-tech-bureau-proposal-reply.txt"
YUNCHENG = "yuncheng-2022-innovation-ecosystem-plan.txt"
CHANGZHI = "changzhi-2022-innovation-ecosystem-plan.txt"
XINZHOU = "xinzhou-2021-innovation-plan.txt"
ALL = (LINFEN, REPLY, YUNCHENG, CHANGZHI, XINZHOU)


@pytest.fixture(scope="session")
def docs() -> dict[str, Document]:
    """The five corpus plans read from seeds/plans with the manifest applied."""
    read, errors = read_corpus(PLANS)
    assert not errors
    return {d.name: d for d in read}


@pytest.fixture(scope="session")
def bare() -> dict[str, Document]:
    """The five corpus plans read without the manifest: metadata from the text alone."""
    return {name: read_document(PLANS / name) for name in ALL}


def source_lines(name: str) -> list[str]:
    return split_lines((PLANS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory):
    """Read back a corpus plan rendered as a real .docx or .pdf (rendered once per session)."""
    folder = tmp_path_factory.mktemp("rendered")
    cache: dict[tuple[str, str], Document] = {}

    def get(name: str, fmt: str) -> Document:
        if (name, fmt) not in cache:
            out = folder / (Path(name).stem + "." + fmt)
            (to_docx if fmt == "docx" else to_pdf)(source_lines(name), out)
            cache[(name, fmt)] = read_document(out)
        return cache[(name, fmt)]

    return get
