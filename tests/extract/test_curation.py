"""The curation file: every action is applied and reported; a malformed file is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.curation import load_curation
from kg.errors import InputError
from kg.resolve import resolve_full

CURATION = """\
aliases:
  - type: Enterprise
    name: 华翔集团
    aliases: [华翔]
    reason: 华翔 is the trade name of 华翔集团
merge:
  - type: Enterprise
    names: [光大, 沃能]
    reason: test merge of two short names
forbid_merge:
  - type: Enterprise
    names: [山西建邦集团铸造有限公司, 建邦]
    reason: test that a rule merge can be undone
drop:
  - type: Enterprise
    name: 市政
    doc: linfen-2022-innovation-ecosystem-plan.txt
    reason: 市政 in the list of line 164 is municipal works, not a company
facts:
  - relation:
      type: LEADS_CHAIN
      source: 华翔集团
      source_type: Enterprise
      target: 装备制造产业链
      target_type: IndustryChain
      properties: {city: 临汾市}
    reason: test fact that the text does not state
"""


def _write(tmp_path: Path, text: str, name: str = "curation.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_curation_actions_are_applied_and_reported(corpus, tmp_path):
    cur = load_curation(_write(tmp_path, CURATION))
    res = resolve_full(corpus.extractions, cur)
    g, idx = res.graph, res.graph.node_index()
    names = {n.name for n in g.nodes if n.type == "Enterprise"}
    assert "市政" not in names  # dropped
    assert "建邦" in names and "山西建邦集团铸造有限公司" in names  # forbid_merge undid the short-name merge
    merged = next(n for n in g.nodes if n.type == "Enterprise" and {"光大", "沃能"} <= {n.name, *n.aliases})
    assert merged.id in ("ent:光大", "ent:沃能")
    huaxiang = idx["ent:华翔集团"]
    assert "华翔" in huaxiang.aliases
    [fact] = [e for e in g.edges if e.type == "LEADS_CHAIN" and e.source == "ent:华翔集团"]
    ev = fact.evidence[0]
    assert ev.doc == "curation.yaml" and ev.quote == "test fact that the text does not state"
    assert CURATION.splitlines()[ev.line - 1].strip() == f"reason: {ev.quote}"
    assert fact.target == "chain:装备制造产业链" and fact.properties == {"city": "临汾市"}
    counts = res.curation.counts()
    assert counts == {"facts": 1, "drop": 1, "aliases": 1, "merge": 1, "forbid_merge": 1}
    actions = {a.section: a for a in res.curation.actions}
    assert CURATION.splitlines()[actions["drop"].line - 1].strip().startswith("reason: 市政")
    assert "1 mentions" in actions["drop"].detail


def test_default_curation_file_is_valid_and_cites_itself():
    cur = load_curation()
    assert cur.path == "seeds/curation.yaml"
    for section in ("aliases", "forbid_merge"):
        for entry in getattr(cur, section):
            line = Path("seeds/curation.yaml").read_text(encoding="utf-8").splitlines()[entry.line - 1]
            assert entry.reason in line


@pytest.mark.parametrize(
    "text, message",
    [
        ("aliases:\n  - type: Enterprise\n    name: 华翔集团\n    aliases: [华翔]\n", "aliases entry 1: every entry needs a non-empty `reason`"),
        ("drops: []\n", "unknown section(s) drops"),
        ("merge:\n  - type: Company\n    names: [a, b]\n    reason: x\n", "merge entry 1: unknown entity type 'Company'"),
        ("merge:\n  - type: Enterprise\n    names: [a]\n    reason: x\n", "merge entry 1: names"),
        ("facts:\n  - reason: nothing\n", "facts entry 1: a fact needs an `entity` or a `relation`"),
        ("aliases: {a: b}\n", "section 'aliases' must be a list"),
        ("aliases: [\n", "not valid YAML"),
    ],
)
def test_malformed_curation_is_a_clear_error(tmp_path, text, message):
    p = _write(tmp_path, text, "bad.yaml")
    with pytest.raises(InputError) as info:
        load_curation(p)
    assert str(p) in str(info.value) and message in str(info.value)


def test_missing_curation_file_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such curation file"):
        load_curation(tmp_path / "nope.yaml")


def test_build_reports_a_bad_curation_file_without_traceback(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from kg.cli import app

    monkeypatch.setenv("KG_OUT", str(tmp_path / "out"))
    p = _write(tmp_path, "merge:\n  - type: Enterprise\n    names: [a, b]\n", "bad.yaml")
    res = CliRunner().invoke(app, ["build", "--curation", str(p)])
    assert res.exit_code == 1
    out = " ".join(res.output.split())  # the console wraps long lines
    assert "bad.yaml:2" in out and "merge entry 1" in out and "reason" in out and "Traceback" not in out
