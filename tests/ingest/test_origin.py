"""Every character of clean text maps back to the original character it came from."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.clean import NORMALISE, Chunk, clean_span
from kg.models import Document

from .conftest import ALL, LINFEN


def check_origins(doc: Document) -> int:
    """Assert the origin property for every paragraph of a document; return characters checked."""
    checked = 0
    for p in doc.paragraphs:
        assert len(p.origin) == len(p.text), p.text
        inserted = set(p.inserted)
        last = (0, -1)
        for i, ch in enumerate(p.text):
            if i in inserted:
                assert ch == " "
                continue
            line, col = p.origin[i]
            raw = doc.lines[line - 1][col]
            assert raw == ch or NORMALISE.get(raw) == ch, (doc.name, line, col, raw, ch)
            assert (line, col) > last, (doc.name, line, col)  # in reading order, each original used once
            last = (line, col)
            checked += 1
        ev = doc.evidence(p, 0, len(p.text))
        assert ev.quote and ev.quote in doc.lines[ev.line - 1]
    return checked


@pytest.mark.parametrize("name", ALL)
def test_every_paragraph_maps_back_to_its_characters(docs, name):
    assert check_origins(docs[name]) > 1000


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_origins_of_docx_and_pdf_point_into_the_extracted_lines(rendered, fmt):
    assert check_origins(rendered(LINFEN, fmt)) > 10000


TEXTS = st.text(alphabet=st.sampled_from(list("临汾市氢能产业链，。、“”（）()：:;,, \t\u3000ＡＢ１２abc12.-<p></p>**")), max_size=60)


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_cleaning_any_line_keeps_a_verbatim_map(raw: str):
    c = clean_span(raw, 7)
    assert len(c.origin) == len(c.text)
    assert all(line == 7 for line, _ in c.origin)
    cols = [col for _, col in c.origin]
    assert cols == sorted(set(cols))
    for ch, col in zip(c.text, cols):
        assert raw[col] == ch or NORMALISE.get(raw[col]) == ch
    assert "  " not in c.text and c.text == c.text.strip()


@given(st.lists(TEXTS, min_size=1, max_size=5))
@settings(max_examples=200, deadline=None)
def test_rejoined_lines_keep_the_map(raws: list[str]):
    chunk = Chunk()
    for n, raw in enumerate(raws, 1):
        chunk.append(clean_span(raw, n))
    assert len(chunk.origin) == len(chunk.text)
    for i, (ch, (line, col)) in enumerate(zip(chunk.text, chunk.origin)):
        if i in chunk.inserted:
            assert ch == " "
        else:
            raw = raws[line - 1][col]
            assert raw == ch or NORMALISE.get(raw) == ch
