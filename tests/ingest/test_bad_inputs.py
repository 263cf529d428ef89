"""Bad inputs give an InputError naming the file and the problem; the other files are still read."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.config import PLANS
from kg.errors import InputError
from kg.ingest import read_corpus, read_document, read_paths

from .conftest import REPLY, source_lines
from .render import to_docx, to_pdf


def scanned_pdf(path: Path) -> Path:
    """A PDF of page images only, as a scanner makes it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (400, 300), 255)
    ImageDraw.Draw(img).rectangle((40, 40, 360, 80), fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    c = canvas.Canvas(str(path))
    for _ in range(2):
        c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 50, 400, width=400, height=300)
        c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    shutil.copy(PLANS / REPLY, folder / REPLY)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    docx = to_docx(source_lines(REPLY), folder / "whole.docx").read_bytes()
    (folder / "whole.docx").unlink()
    (folder / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    (folder / "notes.docx").write_text("这不是Word文件", encoding="utf-8")
    pdf = to_pdf(source_lines(REPLY), folder / "whole.pdf").read_bytes()
    (folder / "whole.pdf").unlink()
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    scanned_pdf(folder / "scanned.pdf")
    (folder / "legacy.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    sub = folder / "sub"
    sub.mkdir()
    (sub / "locked.pdf").write_bytes(_encrypted_pdf())
    return folder


def _encrypted_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(72, 720, "text")
    c.showPage()
    c.save()
    return buf.getvalue()


EXPECTED = {
    "empty.txt": "the file is empty",
    "blank.txt": "the file is empty",
    "binary.txt": "looks like a binary file",
    "truncated.docx": "truncated or damaged DOCX",
    "notes.docx": "not a DOCX",
    "truncated.pdf": "truncated or damaged PDF",
    "scanned.pdf": "looks like a scanned PDF",
    "legacy.docx": "legacy Word",
    "locked.pdf": "password-protected",
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_bad_file_is_a_clear_error(bad_folder: Path, name: str):
    path = next(bad_folder.rglob(name))
    with pytest.raises(InputError) as exc:
        read_document(path)
    msg = str(exc.value)
    assert msg.startswith(str(path) + ":") and EXPECTED[name] in msg, msg


def test_scanned_pdf_message_says_what_to_do(bad_folder: Path):
    with pytest.raises(InputError, match=r"no text layer on any of its 2 pages \(2 images\).*OCR"):
        read_document(bad_folder / "scanned.pdf")


def test_bad_files_do_not_stop_the_others(bad_folder: Path):
    docs, errors = read_paths([bad_folder])
    assert [d.name for d in docs] == [REPLY]
    assert sorted(Path(str(e).split(":")[0]).name for e in errors) == sorted(EXPECTED)
    docs, errors = read_corpus(bad_folder)
    assert [d.name for d in docs] == [REPLY] and len(errors) == len(EXPECTED)


def test_unsupported_and_missing_files(tmp_path: Path):
    (tmp_path / "plan.odt").write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match="unsupported file type '.odt'"):
        read_document(tmp_path / "plan.odt")
    docs, errors = read_paths([tmp_path / "nope.txt", tmp_path])
    assert docs == [] and "nope.txt: no such file" in str(errors[0]) and "no .txt, .docx, .pdf files" in str(errors[1])


def test_cli_reports_good_and_bad_files(bad_folder: Path):
    res = CliRunner().invoke(app, ["ingest", str(bad_folder)])
    assert res.exit_code == 1
    assert "临市科函〔2023〕5号" in res.output and "looks like a scanned PDF" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(app, ["ingest", "--format", "json", str(bad_folder / REPLY), str(bad_folder / "empty.txt")])
    assert res.exit_code == 1
    out = json.loads(res.stdout)
    assert [d["meta"]["doc_number"] for d in out["documents"]] == ["临市科函〔2023〕5号"]
    assert out["errors"] == [f"{bad_folder / 'empty.txt'}: the file is empty (0 bytes)"]
