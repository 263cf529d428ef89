"""Measure the graph against hand-annotated gold sets (tests/gold/*.yaml, format in its README).

Per gold plan: precision, recall and F1 per entity type and per relationship type, with micro
totals. The graph's entities of a plan are the nodes with evidence in that plan; its
relationships, the edges with evidence in it. An entity matches when the type agrees and a name
of the node (canonical or alias) equals the gold name or one of its aliases, one-to-one (a
ChainStage name repeated in several chains pairs with the node of the same chain first). A relationship matches
when the type agrees and both ends match the gold relationship's ends (COLLABORATES_WITH in
either direction). Plans without gold get counts only.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from kg.config import ROOT
from kg.errors import InputError
from kg.extract.lexicon import clean_name
from kg.models import Edge, Evidence, Graph, Node

log = logging.getLogger(__name__)

GOLD = ROOT / "tests" / "gold"
SYMMETRIC = {"COLLABORATES_WITH"}


class Score(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def row(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


class DocEval(BaseModel):
    """Scores of one gold plan, with the misses and false alarms that explain them."""

    doc: str
    gold_file: str
    entities: dict[str, Score] = Field(default_factory=dict)
    relations: dict[str, Score] = Field(default_factory=dict)
    missed_entities: list[str] = Field(default_factory=list)
    spurious_entities: list[str] = Field(default_factory=list)
    missed_relations: list[str] = Field(default_factory=list)
    spurious_relations: list[str] = Field(default_factory=list)

    def entity_total(self) -> Score:
        s = Score()
        for v in self.entities.values():
            s.add(v)
        return s

    def relation_total(self) -> Score:
        s = Score()
        for v in self.relations.values():
            s.add(v)
        return s

    def summary(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "entities": {k: v.row() for k, v in sorted(self.entities.items())},
            "relations": {k: v.row() for k, v in sorted(self.relations.items())},
            "entity_micro": self.entity_total().row(),
            "relation_micro": self.relation_total().row(),
        }


class EvalReport(BaseModel):
    gold: list[DocEval] = Field(default_factory=list)
    unseen: dict[str, dict[str, dict[str, int]]] = Field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"gold": [d.summary() for d in self.gold], "unseen": self.unseen}


# --------------------------------------------------------------------------- gold


class GoldEntity(BaseModel):
    name: str
    type: str
    subtype: str | None = None
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict)
    line: int | None = None
    quote: str | None = None

    def names(self) -> set[str]:
        return {clean_name(self.name), *(clean_name(a) for a in self.aliases if a)}


class GoldRelation(BaseModel):
    type: str
    source: str
    source_type: str
    target: str
    target_type: str
    properties: dict[str, Any] = Field(default_factory=dict)
    line: int | None = None
    quote: str | None = None


class Gold(BaseModel):
    doc: str
    city: str | None = None
    entities: list[GoldEntity] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)


def load_gold(path: Path) -> Gold:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such gold file") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or "doc" not in data:
        raise InputError(f"{path}: a gold file is a mapping with `doc`, `entities`, `relations`")
    try:
        return Gold.model_validate({k: data.get(k) or ([] if k in ("entities", "relations") else None)
                                    for k in ("doc", "city", "entities", "relations")})
    except ValueError as exc:
        raise InputError(f"{path}: not a valid gold file: {exc}") from exc


def gold_files(folder: Path = GOLD) -> list[Path]:
    return sorted(Path(folder).glob("*.yaml"))


def gold_graph(gold: Gold) -> Graph:
    """A gold file read as if it were the graph of its plan, so that one annotator's gold can be
    scored against another's (`kg eval --annotation`): what agreement a single gold allows."""
    nodes = [Node(id=f"gold:{i}", type=g.type, subtype=g.subtype, name=g.name, aliases=list(g.aliases),
                  properties=dict(g.properties), evidence=[Evidence(doc=gold.doc, line=g.line or 1, quote=g.quote or g.name)])
             for i, g in enumerate(gold.entities)]
    edges: list[Edge] = []
    for r in gold.relations:
        chain = r.properties.get("chain")
        si = _gold_endpoint(gold.entities, r.source_type, r.source, chain)
        ti = _gold_endpoint(gold.entities, r.target_type, r.target, chain or (r.source if r.type == "HAS_STAGE" else None))
        if si is None or ti is None:
            continue  # an end the file does not define is no edge
        edges.append(Edge(source=f"gold:{si}", target=f"gold:{ti}", type=r.type, properties=dict(r.properties),
                          evidence=[Evidence(doc=gold.doc, line=r.line or 1, quote=r.quote or r.type)]))
    return Graph(nodes=nodes, edges=edges, meta={"source": "gold", "doc": gold.doc})


# --------------------------------------------------------------------------- matching


def _node_names(n: Node) -> set[str]:
    return {clean_name(n.name), *(clean_name(a) for a in n.aliases)}


def _chain_of(props: dict[str, Any]) -> str | None:
    c = props.get("chain")
    return clean_name(c) if c else None


def _same_value(a: Any, b: Any) -> bool:
    try:
        return a is not None and b is not None and abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def match_entities(gold: list[GoldEntity], nodes: list[Node], doc: str | None = None) -> dict[int, str]:
    """Gold index -> node id, one-to-one; exact canonical names first, then aliases. A target is
    a number the plan sets, its indicator a paraphrase: one left unmatched then pairs with a
    target printed on the same line with the same value (科技贷款余额 / 全市科技贷款余额)."""
    out: dict[int, str] = {}
    used: set[str] = set()
    by_type: dict[str, list[Node]] = defaultdict(list)
    for n in nodes:
        by_type[n.type].append(n)
    for strict in (True, False):
        for gi, g in enumerate(gold):
            if gi in out:
                continue
            gnames = g.names()
            cands = []
            for n in by_type.get(g.type, []):
                if n.id in used:
                    continue
                if strict and clean_name(n.name) != clean_name(g.name):
                    continue
                if not strict and not (_node_names(n) & gnames):
                    continue
                cands.append(n)
            if not cands:
                continue
            gc = _chain_of(g.properties)
            # names decide (README); a stage name repeated in several chains pairs with its own chain first
            cands.sort(key=lambda n: (gc is not None and _chain_of(n.properties) != gc, n.id))
            out[gi] = cands[0].id
            used.add(cands[0].id)
    for gi, g in enumerate(gold):
        if gi in out or g.type != "Target" or g.line is None:
            continue
        cand = next((n for n in by_type.get("Target", []) if n.id not in used
                     and any(e.line == g.line and (doc is None or e.doc == doc) for e in n.evidence)
                     and _same_value(n.properties.get("value"), g.properties.get("value"))), None)
        if cand is not None:
            out[gi] = cand.id
            used.add(cand.id)
    return out


def _gold_endpoint(gold: list[GoldEntity], type_: str, name: str, chain: str | None) -> int | None:
    name = clean_name(name)
    hits = [i for i, g in enumerate(gold) if g.type == type_ and name in g.names()]
    if len(hits) > 1 and chain:
        narrowed = [i for i in hits if _chain_of(gold[i].properties) == clean_name(chain)]
        hits = narrowed or hits
    exact = [i for i in hits if clean_name(gold[i].name) == name]
    return (exact or hits or [None])[0]


def evaluate_doc(graph: Graph, gold: Gold, gold_file: str = "") -> DocEval:
    doc = gold.doc
    nodes = [n for n in graph.nodes if any(e.doc == doc for e in n.evidence)]
    edges = [e for e in graph.edges if any(ev.doc == doc for ev in e.evidence)]
    res = DocEval(doc=doc, gold_file=gold_file)
    m = match_entities(gold.entities, nodes, doc)
    node_gold = {nid: gi for gi, nid in m.items()}
    for gi, g in enumerate(gold.entities):
        s = res.entities.setdefault(g.type, Score())
        if gi in m:
            s.tp += 1
        else:
            s.fn += 1
            res.missed_entities.append(f"{g.type} {g.name} (line {g.line})")
    for n in nodes:
        if n.id not in node_gold:
            res.entities.setdefault(n.type, Score()).fp += 1
            line = next((e.line for e in n.evidence if e.doc == doc), None)
            res.spurious_entities.append(f"{n.type} {n.name} (line {line})")
    # relations
    gold_keys: Counter = Counter()
    gold_desc: dict[tuple, str] = {}
    idx = graph.node_index()
    for r in gold.relations:
        chain = r.properties.get("chain")
        s_chain = chain
        t_chain = chain or (r.source if r.type == "HAS_STAGE" else None)
        si = _gold_endpoint(gold.entities, r.source_type, r.source, s_chain)
        ti = _gold_endpoint(gold.entities, r.target_type, r.target, t_chain)
        key = _rkey(r.type, ("g", si) if si is not None else ("missing", r.source),
                    ("g", ti) if ti is not None else ("missing", r.target))
        gold_keys[key] += 1
        gold_desc[key] = f"{r.type} {r.source} -> {r.target} (line {r.line})"
    pred_keys: Counter = Counter()
    pred_desc: dict[tuple, str] = {}
    for e in edges:
        s = ("g", node_gold[e.source]) if e.source in node_gold else ("node", e.source)
        t = ("g", node_gold[e.target]) if e.target in node_gold else ("node", e.target)
        key = _rkey(e.type, s, t)
        pred_keys[key] += 1
        line = next((v.line for v in e.evidence if v.doc == doc), None)
        pred_desc[key] = f"{e.type} {idx[e.source].name} -> {idx[e.target].name} (line {line})"
    for key in set(gold_keys) | set(pred_keys):
        type_ = key[0]
        sc = res.relations.setdefault(type_, Score())
        g, p = gold_keys.get(key, 0), min(pred_keys.get(key, 0), 1)
        # duplicates in gold (same ends twice) count once: the graph has one edge per (s, type, t)
        g = min(g, 1)
        tp = min(g, p)
        sc.tp += tp
        sc.fn += g - tp
        sc.fp += p - tp
        if g > tp:
            res.missed_relations.append(gold_desc[key])
        if p > tp:
            res.spurious_relations.append(pred_desc[key])
    res.missed_entities.sort()
    res.spurious_entities.sort()
    res.missed_relations.sort()
    res.spurious_relations.sort()
    return res


def _rkey(type_: str, s: tuple, t: tuple) -> tuple:
    if type_ in SYMMETRIC and str(t) < str(s):
        s, t = t, s
    return (type_, s, t)


def doc_counts(graph: Graph, doc: str) -> dict[str, dict[str, int]]:
    """What the graph holds from one plan: nodes and edges with evidence in it, per type."""
    nodes = Counter(n.type for n in graph.nodes if any(e.doc == doc for e in n.evidence))
    edges = Counter(e.type for e in graph.edges if any(v.doc == doc for v in e.evidence))
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}


def evaluate(graph: Graph, gold_paths: list[Path] | None = None, docs: list[str] | None = None) -> EvalReport:
    """Scores against every gold file, and counts for the graph's other documents."""
    paths = gold_paths if gold_paths is not None else gold_files()
    report = EvalReport()
    golds = [(p, load_gold(p)) for p in paths]
    for p, g in golds:
        report.gold.append(evaluate_doc(graph, g, Path(p).name))
    known = {g.doc for _, g in golds}
    all_docs = docs if docs is not None else sorted({e.doc for n in graph.nodes for e in n.evidence})
    for d in all_docs:
        if d not in known and d.endswith((".txt", ".docx", ".pdf")):
            report.unseen[d] = doc_counts(graph, d)
    return report
