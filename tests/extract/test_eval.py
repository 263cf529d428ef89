"""`kg eval` against the development gold plans (Linfen, Changzhi, Yuncheng) and `kg explain`. The
floors are a little below the scores measured when the third rule set was written (linfen entity
P/R 0.976/0.985, relation 0.988/0.979; changzhi entity 0.920/0.968, relation 0.724/0.973; yuncheng
entity 0.934/0.877, relation 0.912/0.705) to leave room for ingest changes. The 忻州 and reply gold
files, held out for the third rule set, are development sets since; their floors are in
test_eval_on_former_held_out_gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate import GOLD, Score, evaluate, load_gold

DEV = GOLD / "linfen-2022-innovation-ecosystem-plan.yaml"
DEV2 = GOLD / "changzhi-2022-innovation-ecosystem-plan.yaml"
DEV3 = GOLD / "yuncheng-2022-innovation-ecosystem-plan.yaml"


def test_eval_on_dev_gold_meets_the_floor(corpus, tmp_path):
    corpus.graph.write_json(tmp_path / "graph.json")
    res = CliRunner().invoke(app, ["eval", "--graph", str(tmp_path / "graph.json"), "--gold", str(DEV), "--gold", str(DEV2),
                                   "--gold", str(DEV3), "--exclude", "xinzhou", "--exclude", "linfen-2023",
                                   "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    linfen, changzhi, yuncheng = data["gold"]
    assert linfen["doc"] == "linfen-2022-innovation-ecosystem-plan.txt"
    ent, rel = linfen["entity_micro"], linfen["relation_micro"]
    assert ent["precision"] >= 0.95 and ent["recall"] >= 0.95, ent
    assert rel["precision"] >= 0.95 and rel["recall"] >= 0.95, rel
    assert linfen["entities"]["Target"]["recall"] >= 0.95
    for t in ("LEADS_CHAIN", "HOSTS", "IN_CHAIN", "COLLABORATES_WITH"):
        assert linfen["relations"][t]["recall"] == 1.0, t
    assert changzhi["doc"] == "changzhi-2022-innovation-ecosystem-plan.txt"
    ent, rel = changzhi["entity_micro"], changzhi["relation_micro"]
    assert ent["precision"] >= 0.9 and ent["recall"] >= 0.95, ent
    assert rel["precision"] >= 0.7 and rel["recall"] >= 0.95, rel
    assert changzhi["entities"]["Target"]["recall"] >= 0.9
    assert changzhi["entities"]["IndustryChain"]["precision"] >= 0.9
    assert changzhi["relations"]["HOSTS"]["recall"] == 1.0
    assert changzhi["relations"]["COLLABORATES_WITH"]["recall"] >= 0.85
    assert yuncheng["doc"] == "yuncheng-2022-innovation-ecosystem-plan.txt"
    ent, rel = yuncheng["entity_micro"], yuncheng["relation_micro"]
    assert ent["precision"] >= 0.9 and ent["recall"] >= 0.85, ent
    assert rel["precision"] >= 0.88 and rel["recall"] >= 0.68, rel
    assert yuncheng["entities"]["IndustryChain"]["recall"] >= 0.85
    assert yuncheng["relations"]["HOSTS"]["recall"] == 1.0
    # the excluded plans are not reported at all, not even as plans without gold
    assert set(data["unseen"]) == set()


def test_exclude_leaves_out_gold_files(corpus, tmp_path):
    corpus.graph.write_json(tmp_path / "graph.json")
    res = CliRunner().invoke(app, ["eval", "--graph", str(tmp_path / "graph.json"), "--gold", str(DEV), "--exclude",
                                   "linfen-2022", "--format", "json"])
    assert res.exit_code == 1 and "no gold files" in res.output


def test_matching_uses_gold_aliases_and_stage_chains(corpus):
    gold = load_gold(DEV)
    [d] = evaluate(corpus.graph, [DEV]).gold
    # 煤 is a stage of two chains in the gold; both are matched to their own chain's node
    coal = [g for g in gold.entities if g.type == "ChainStage" and g.name == "煤"]
    assert len(coal) == 2
    assert not any("ChainStage 煤 " in m for m in d.missed_entities)


def test_eval_table_output(corpus, tmp_path):
    corpus.graph.write_json(tmp_path / "graph.json")
    res = CliRunner().invoke(app, ["eval", "--graph", str(tmp_path / "graph.json"), "--gold", str(DEV), "--details"])
    assert res.exit_code == 0, res.output
    assert "LEADS_CHAIN" in res.output and "micro" in res.output and "missed entities" in res.output


def test_explain_prints_mentions_and_rules(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_OUT", str(tmp_path / "out"))
    runner = CliRunner()
    assert runner.invoke(app, ["build"]).exit_code == 0
    assert (Path(tmp_path / "out" / "resolution.json")).exists()
    res = runner.invoke(app, ["explain", "建邦"])
    assert res.exit_code == 0, res.output
    assert "山西建邦集团铸造有限公司" in res.output and "short_name" in res.output
    assert "linfen-2022-innovation-ecosystem-plan.txt:164" in res.output
    missing = runner.invoke(app, ["explain", "不存在的企业名"])
    assert missing.exit_code == 1 and "no entity named" in missing.output


def test_eval_on_former_held_out_gold(corpus, tmp_path):
    """忻州 and the reply, scored once blind (docs/extraction.md), development sets since."""
    corpus.graph.write_json(tmp_path / "graph.json")
    gold = [GOLD / "xinzhou-2021-innovation-plan.yaml", GOLD / "linfen-2023-sci-tech-bureau-proposal-reply.yaml"]
    res = CliRunner().invoke(app, ["eval", "--graph", str(tmp_path / "graph.json"), "--gold", str(gold[0]),
                                   "--gold", str(gold[1]), "--format", "json"])
    assert res.exit_code == 0, res.output
    xinzhou, reply = json.loads(res.output)["gold"]
    ent, rel = xinzhou["entity_micro"], xinzhou["relation_micro"]
    assert ent["precision"] >= 0.93 and ent["recall"] >= 0.83, ent
    assert rel["precision"] >= 0.92 and rel["recall"] >= 0.82, rel
    assert xinzhou["entities"]["Target"]["recall"] >= 0.85
    ent, rel = reply["entity_micro"], reply["relation_micro"]
    assert ent["precision"] >= 0.97 and ent["recall"] >= 0.82, ent
    assert rel["precision"] >= 0.93 and rel["recall"] >= 0.7, rel
    assert reply["relations"]["ISSUED"]["recall"] >= 0.9


@pytest.mark.timeout(600)  # reads, extracts and scores all 178 texts (about three minutes alone)
def test_eval_on_the_evaluation_texts():
    """The synthetic evaluation plans of tests/heldout (written and annotated blind; all of them are
    development texts once scored, tests/heldout/README.md). Floors a little below the scores of the
    rules that were last scored on unseen ones, over all of them, so a rule that stops generalising
    shows here and not only on the corpus."""
    heldout = Path(__file__).resolve().parents[1] / "heldout"
    from kg.extract import extract
    from kg.ingest import read_corpus
    from kg.resolve import resolve

    docs, errors = read_corpus(heldout / "plans")
    assert not errors
    report = evaluate(resolve(extract(docs)), sorted((heldout / "gold").glob("*.yaml")))
    ent, rel = Score(), Score()
    for g in report.gold:
        ent.add(g.entity_total())
        rel.add(g.relation_total())
    assert len(report.gold) >= 178
    assert ent.precision >= 0.90 and ent.recall >= 0.86, ent  # rule set 20 over the 178: 0.918 / 0.874
    assert rel.precision >= 0.81 and rel.recall >= 0.71, rel  # 0.826 / 0.722


def test_one_annotation_scored_against_another(tmp_path):
    """kg eval --annotation: a gold file read as a graph agrees with itself fully, and one relation
    and one entity dropped from a copy cost exactly those (and the relations on that entity)."""
    import yaml

    from kg.evaluate import evaluate_doc, gold_graph

    src = Path(__file__).resolve().parents[1] / "heldout" / "gold" / "zibo-synthetic-innovation-plan.yaml"
    a = load_gold(src)
    same = evaluate_doc(gold_graph(a), a)
    assert same.entity_total().precision == same.entity_total().recall == 1.0
    assert same.relation_total().precision == same.relation_total().recall == 1.0
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    gone = next(e for e in data["entities"] if e["type"] == "Policy")
    data["entities"].remove(gone)
    lost = [r for r in data["relations"] if gone["name"] in (r["source"], r["target"])]
    data["relations"] = [r for r in data["relations"] if r not in lost][1:]
    b_path = tmp_path / "b.yaml"
    b_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res = evaluate_doc(gold_graph(load_gold(b_path)), a)
    assert res.entity_total().fn == 1 and res.entity_total().fp == 0
    assert res.relation_total().fn == len(lost) + 1 and res.relation_total().fp == 0


def test_a_target_pairs_by_line_and_value_when_no_name_matches():
    """科技贷款余额 (gold) and 全市科技贷款余额 (extracted), both 80 on line 12: one target; a target of
    another value on that line, or of the same value on another line, is not it."""
    from kg.evaluate import GoldEntity, match_entities
    from kg.models import Evidence, Node

    def target(i: str, name: str, value: float, line: int) -> Node:
        return Node(id=i, type="Target", name=name, properties={"value": value},
                    evidence=[Evidence(doc="p.txt", line=line, quote=name)])

    gold = [GoldEntity(name="科技贷款余额", type="Target", properties={"value": 80}, line=12),
            GoldEntity(name="技术合同成交额", type="Target", properties={"value": 50}, line=12),
            GoldEntity(name="专利导航项目", type="Target", properties={"value": 5}, line=30)]
    nodes = [target("a", "全市科技贷款余额", 80.0, 12), target("b", "技术交易额", 60, 12), target("c", "专利导航", 5, 31)]
    assert match_entities(gold, nodes, "p.txt") == {0: "a"}
    assert match_entities(gold, nodes, "other.txt") == {}
