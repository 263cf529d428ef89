"""Synthetic inputs of any size for benchmarks and scale tests.

`synthetic_graph(n)` makes an interchange Graph shaped like the corpus graph (cities developing
chains, enterprises leading and joining them, platforms hosted by organisations, innovation chains
with ordered stages, targets, policies and programmes of agencies, collaborations) with n nodes and
about 3n relationships, every item with evidence; 1M nodes take ~2 minutes and ~3.6 GiB.
`synthetic_corpus(folder, n)` writes n plan files by recombining real corpus lines with new names,
so ingest and extraction can be measured on text that reads like a plan.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from kg.config import PLANS
from kg.models import Edge, Evidence, Graph, Node

M = TypeVar("M", bound=BaseModel)

_SURNAMES = "晋华泰安宏兴盛达汇通鑫源正元金瑞丰恒德昌隆建邦博远天成汾河太行潞安云鹏亨瑞旺龙"
_ORG_SUFFIX = ["集团有限公司", "科技有限公司", "制药有限公司", "新材料有限公司", "能源股份有限公司"]
_INDUSTRIES = ["氢能", "中医药", "煤炭", "焦化", "钢铁", "装备制造", "大健康", "文化旅游", "半导体", "新材料",
               "光伏", "大数据", "现代农业", "生物医药", "碳基新材料", "信创", "铝镁合金", "煤电"]
_PLATFORM = [("KeyLaboratory", "重点实验室"), ("EngineeringCenter", "工程技术研究中心"),
             ("TechInnovationCenter", "技术创新中心"), ("EnterpriseTechCenter", "企业技术中心"),
             ("PilotBase", "中试基地"), ("NewRDInstitution", "新型研发机构"), ("Incubator", "科技企业孵化器")]
_STAGES = ["原料", "制备", "储存", "运输", "加工", "装备", "应用", "回收"]
_INDICATORS = [("高新技术企业", "家"), ("研发经费投入强度", "%"), ("技术合同成交额", "亿元"), ("省级重点实验室", "个"),
               ("科技型中小企业", "家"), ("每万人高价值发明专利拥有量", "件")]
_ORG_TYPES = ("Enterprise", "University", "ResearchInstitute", "Hospital")

# Trusted construction: the generator's values are valid by construction, so the objects are made
# the way `model_construct` makes them (``__dict__`` set directly) minus its per-field loop, with
# one shared fields-set per class. That keeps 1M nodes + 3M relationships to about a minute and
# ~200 bytes per object lighter; the test suite checks the objects dump and validate like others.
_NODE_FIELDS = set(Node.model_fields)
_EDGE_FIELDS = set(Edge.model_fields)
_EV_FIELDS = set(Evidence.model_fields)
_setattr = object.__setattr__


def _construct(cls: type[M], fields_set: set[str], values: dict[str, Any]) -> M:
    obj = cls.__new__(cls)
    _setattr(obj, "__dict__", values)
    _setattr(obj, "__pydantic_fields_set__", fields_set)
    _setattr(obj, "__pydantic_extra__", None)
    _setattr(obj, "__pydantic_private__", None)
    return obj


def _name(rng: random.Random, k: int = 2) -> str:
    return "".join(rng.choice(_SURNAMES) for _ in range(k))


def synthetic_graph(n_nodes: int, *, seed: int = 7, doc: str = "synthetic-plan.txt") -> Graph:
    """A corpus-shaped graph of `n_nodes` nodes and ~3 relationships per node.

    Every class and relationship type the query pack asks about occurs (cities developing chains,
    enterprises leading and joining them, platforms hosted by organisations, innovation chains with
    ordered stages, targets, policies issued and programmes run by agencies, collaborations), in
    proportions like the corpus graph's; names are unique, so ids are too. Same seed, same graph."""
    rng = random.Random(seed)
    nodes: list[Node] = []
    edges: list[Edge] = []
    line = 0

    def ev(quote: str) -> list[Evidence]:
        nonlocal line
        line += 1
        return [_construct(Evidence, _EV_FIELDS, {"doc": doc, "line": line, "quote": quote})]

    def node(id_: str, type_: str, name: str, city: str | None, *, subtype: str | None = None,
             aliases: list[str] | None = None, properties: dict | None = None) -> Node:
        n = _construct(Node, _NODE_FIELDS, {"id": id_, "type": type_, "subtype": subtype, "name": name, "aliases": aliases or [],
                                            "city": city, "properties": properties or {}, "evidence": ev(name)})
        nodes.append(n)
        return n

    def edge(source: str, target: str, type_: str, quote: str, properties: dict | None = None) -> None:
        edges.append(_construct(Edge, _EDGE_FIELDS, {"source": source, "target": target, "type": type_,
                                                     "properties": properties or {}, "evidence": ev(quote)}))

    n_cities = max(2, n_nodes // 2000)
    cities = [f"{_name(rng)}{i}市" for i in range(n_cities)]
    agencies: dict[str, list[str]] = {}
    for c in cities:
        node(f"city:{c}", "City", c, c)
    chains = [f"{ind}产业链" for ind in _INDUSTRIES]
    for ch in chains:
        node(f"chain:{ch}", "IndustryChain", ch, None, aliases=[ch[:-3]])
    for c in cities:
        for ch in rng.sample(chains, 6):
            edge(f"city:{c}", f"chain:{ch}", "DEVELOPS_CHAIN", f"{c}{ch}")
        agencies[c] = []
        for office in ("人民政府", "科学技术局"):
            a = node(f"agency:{c}{office}", "Agency", f"{c}{office}", c)
            agencies[c].append(a.id)
    orgs: list[Node] = []
    enterprises: list[Node] = []
    i = 0
    while len(nodes) < n_nodes:
        i += 1
        city = rng.choice(cities)
        r = rng.random()
        if r < 0.48:
            name = f"{_name(rng, 3)}{i}{rng.choice(_ORG_SUFFIX)}"
            n = node(f"ent:{name}", "Enterprise", name, city, aliases=[name[:3]])
            orgs.append(n)
            enterprises.append(n)
            kind = "LEADS_CHAIN" if rng.random() < 0.05 else "IN_CHAIN"
            edge(n.id, f"chain:{rng.choice(chains)}", kind, f"依托{name}", {"city": city})
        elif r < 0.58:
            kind, word = rng.choice([("University", "大学"), ("University", "学院"), ("ResearchInstitute", "研究院"),
                                     ("ResearchInstitute", "研究所"), ("Hospital", "人民医院")])
            name = f"{city[:-1]}{_name(rng)}{i}{word}"
            n = node(f"org:{name}", kind, name, city)
            orgs.append(n)
        elif r < 0.59:
            name = f"{city[:-1]}{_name(rng)}{i}高新技术产业开发区"
            n = node(f"zone:{name}", "Zone", name, city, aliases=[f"{_name(rng)}{i}高新区"])
        elif r < 0.79 and orgs:
            sub, word = rng.choice(_PLATFORM)
            name = f"山西省{_name(rng)}{i}{word}"
            n = node(f"plat:{name}", "Platform", name, city, subtype=sub)
            host = rng.choice(orgs)
            edge(host.id, n.id, "HOSTS", f"依托{host.name}建设{name}")
            edge(n.id, f"chain:{rng.choice(chains)}", "IN_CHAIN", name)
        elif r < 0.86:
            ch = rng.choice(chains)
            name = f"{city}{ch[:-3]}科技创新链{i}"
            n = node(f"ichain:{name}", "InnovationChain", name, city)
            edge(n.id, f"chain:{ch}", "INNOVATION_CHAIN_OF", name)
            prev = None
            for order, st in enumerate(rng.sample(_STAGES, 4), start=1):
                s = node(f"stage:{name}/{st}", "ChainStage", st, city, properties={"chain": name, "order": order})
                edge(n.id, s.id, "HAS_STAGE", st, {"order": order, "sequence": 1})
                if prev:
                    edge(prev, s.id, "NEXT_STAGE", st)
                if enterprises and rng.random() < 0.3:
                    e = rng.choice(enterprises)
                    edge(e.id, s.id, "IN_CHAIN", f"{e.name}{st}", {"city": city})
                prev = s.id
            continue
        elif r < 0.94:
            ind, unit = rng.choice(_INDICATORS)
            name = f"{city}{ind}{i}"
            props: dict = {"indicator": ind, "value": rng.randint(1, 500), "unit": unit, "year": rng.choice([2025, 2025, 2025, 2022])}
            if rng.random() < 0.6:
                props.update(baseline=rng.randint(1, 300), baseline_year=2020)
            n = node(f"target:{name}", "Target", name, city, properties=props)
            edge(f"city:{city}", n.id, "SETS_TARGET", name)
        elif r < 0.97:
            agency = rng.choice(agencies[city])
            name = f"《{city}{rng.choice(_INDUSTRIES)}产业扶持办法（{i}）》"
            n = node(f"policy:{name}", "Policy", name, city,
                     properties={"date": f"202{rng.randint(1, 3)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                                 "doc_number": f"{city[0]}政发〔2022〕{i}号"})
            edge(agency, n.id, "ISSUED", name)
        else:
            agency = rng.choice(agencies[city])
            name = f"{city}{rng.choice(_INDUSTRIES)}“{i}”工程"
            n = node(f"prog:{name}", "Program", name, city)
            edge(agency, n.id, "RUNS_PROGRAM", name)
            for m in rng.sample(orgs, min(len(orgs), rng.randint(1, 3))):
                edge(m.id, n.id, "PART_OF_PROGRAM", f"{m.name}{name}")
            continue
        if len(orgs) > 2 and rng.random() < 0.5:
            a, b = rng.sample(orgs, 2)
            edge(a.id, b.id, "COLLABORATES_WITH", f"{a.name}与{b.name}合作")
        if n.type in _ORG_TYPES or n.type in ("Platform", "Zone"):
            edge(n.id, f"city:{city}", "LOCATED_IN", city)
    # top up to ~3 relationships per node with collaborations
    while len(orgs) > 2 and len(edges) < 3 * len(nodes):
        a, b = rng.sample(orgs, 2)
        edge(a.id, b.id, "COLLABORATES_WITH", f"{a.name}与{b.name}合作")
    nodes = nodes[:n_nodes]  # an innovation chain adds five nodes at once
    keep = {n.id for n in nodes}
    unique = {e.key(): e for e in edges if e.source in keep and e.target in keep}
    return Graph(nodes=nodes, edges=list(unique.values()), meta={"synthetic": n_nodes, "seed": seed})


_NAME_IN_LINE = re.compile(r"(山西|临汾|长治|运城|忻州)[\u4e00-\u9fff]{0,12}?(集团|公司|大学|学院|研究院|研究所|医院|实验室|中心)")


def synthetic_corpus(folder: Path, n_plans: int, *, seed: int = 11, source: Path = PLANS) -> list[Path]:
    """Write `n_plans` plan-like files: corpus lines shuffled within documents, names replaced."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p.read_text(encoding="utf-8").splitlines() for p in sorted(source.glob("*.txt"))]
    out = []
    for k in range(n_plans):
        lines = list(rng.choice(sources))
        city = f"{_name(rng)}市"
        body = lines[:]
        # keep headings and tables in place, recombine the prose paragraphs
        prose = [i for i, ln in enumerate(body) if len(ln) > 60]
        shuffled = [body[i] for i in prose]
        rng.shuffle(shuffled)
        for i, ln in zip(prose, shuffled):
            body[i] = ln
        text = "\n".join(body)
        text = re.sub(r"(临汾|长治|运城|忻州)市", city, text)
        text = _NAME_IN_LINE.sub(lambda m: f"{m.group(1)}{_name(rng, 3)}{m.group(2)}", text)
        p = folder / f"synthetic-{k:04d}-plan.txt"
        p.write_text(text + "\n", encoding="utf-8")
        out.append(p)
    return out
