"""Metadata read from the text alone, and the manifest's overrides."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.config import PLANS
from kg.ingest import read_paths
from kg.ingest.meta import parse_date

from .conftest import CHANGZHI, LINFEN, REPLY, XINZHOU, YUNCHENG

FROM_TEXT = {
    LINFEN: dict(title="临汾市“十四五”打造一流创新生态实施创新驱动、科教兴市、人才强市战略规划", city="临汾市",
                 issuer="临汾市人民政府", doc_number="临政发〔2022〕27号", date="2022-10-12", kind="plan"),
    REPLY: dict(title="关于市政协五届二次会议A类第044号提案的答复", city="临汾市", issuer="临汾市科学技术局",
                doc_number="临市科函〔2023〕5号", date="2023", kind="reply"),
    YUNCHENG: dict(title="运城市“十四五”打造一流创新生态实施创新驱动、科教兴市战略规划", city="运城市", issuer=None,
                   doc_number=None, date="2022-01", kind="plan"),
    CHANGZHI: dict(title="长治市“十四五”打造一流创新生态实施创新驱动、科教兴市、人才强市战略规划", city="长治市",
                   issuer="长治市人民政府", doc_number="长政发〔2022〕36号", date="2022-04-21", kind="plan"),
    XINZHOU: dict(title="忻州市“十四五”实施创新驱动、科教兴市、人才强市战略规划", city="忻州市", issuer="忻州市人民政府",
                  doc_number="忻政发〔2021〕13号", date="2021-07-14", kind="plan"),
}


@pytest.mark.parametrize("name", list(FROM_TEXT))
def test_metadata_from_the_text_alone(bare, name):
    doc = bare[name]
    assert doc.meta.model_dump() == FROM_TEXT[name]
    assert set(doc.meta_sources.values()) <= {"text"}


def test_metadata_cites_the_lines_it_was_read_from(bare):
    linfen = bare[LINFEN]
    assert linfen.meta_lines == {"issuer": 3, "doc_number": 5, "title": 7, "date": 474, "city": 3, "kind": 7}
    assert linfen.lines[473] == "2022年10月12日印发"
    reply = bare[REPLY]
    assert (reply.meta_lines["title"], reply.meta_lines["date"]) == (11, 7)  # the year of 临市科函〔2023〕5号


def test_manifest_agrees_with_the_text(docs):
    for name, meta in FROM_TEXT.items():
        assert docs[name].meta.model_dump() == meta
        assert set(docs[name].meta_sources.values()) == {"text"}  # same value in both


def test_manifest_overrides_where_it_differs(tmp_path: Path):
    import yaml

    manifest = yaml.safe_load((PLANS / "manifest.yaml").read_text(encoding="utf-8"))
    entry = next(d for d in manifest["documents"] if d["file"] == LINFEN)
    entry["date"] = "2022"
    entry["title"] = "临汾市创新生态规划（简称）"
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    shutil.copy(PLANS / LINFEN, tmp_path / LINFEN)
    docs, errors = read_paths([tmp_path / LINFEN])
    assert not errors
    meta = docs[0].meta
    assert (meta.date, meta.title, meta.doc_number) == ("2022", "临汾市创新生态规划（简称）", "临政发〔2022〕27号")
    assert docs[0].meta_sources["date"] == docs[0].meta_sources["title"] == "manifest"
    assert docs[0].meta_sources["doc_number"] == "text"


def test_manifest_of_other_bytes_is_not_applied(tmp_path: Path):
    shutil.copy(PLANS / "manifest.yaml", tmp_path / "manifest.yaml")
    (tmp_path / REPLY).write_bytes((PLANS / REPLY).read_bytes() + "\n补充。\n".encode())
    docs, errors = read_paths([tmp_path / REPLY])
    assert not errors
    assert docs[0].meta.title == FROM_TEXT[REPLY]["title"]
    assert any("other bytes" in w for w in docs[0].warnings)
    docs, _ = read_paths([tmp_path / REPLY], use_manifest=False)
    assert not any("manifest" in w for w in docs[0].warnings)


def test_dates():
    assert parse_date("2022年4月21日") == "2022-04-21"
    assert parse_date("二〇二二年一月") == "2022-01"
    assert parse_date("二〇二一年十二月三十日") == "2021-12-30"
    assert parse_date("2022年13月") is None


def test_a_city_of_four_characters(tmp_path: Path):
    """鄂尔多斯市, 呼和浩特市: the city is read from a masthead whatever its length (it was cut at three
    characters, which left a whole plan without its city and every DEVELOPS_CHAIN it states)."""
    path = tmp_path / "ordos-plan.txt"
    path.write_text("鄂尔多斯市人民政府文件\n\n鄂府发〔2022〕5号\n\n鄂尔多斯市“十四五”科技创新规划\n\n一、总体要求\n"
                    "加快培育新能源、新材料等战略性新兴产业。\n", encoding="utf-8")
    docs, _ = read_paths([path], use_manifest=False)
    assert (docs[0].meta.city, docs[0].meta.issuer) == ("鄂尔多斯市", "鄂尔多斯市人民政府")
