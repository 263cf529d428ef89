"""Synthetic inputs of any size for benchmarks and scale tests.

`synthetic_graph(n)` makes an interchange Graph shaped like the corpus graph (cities developing
chains, enterprises leading and joining them, platforms hosted by organisations, innovation chains
with ordered stages, targets) with n nodes and about 3n relationships, every item with evidence.
`synthetic_corpus(folder, n)` writes n plan files by recombining real corpus lines with new names,
so ingest and extraction can be measured on text that reads like a plan.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from kg.config import PLANS
from kg.models import Edge, Evidence, Graph, Node

_SURNAMES = "晋华泰安宏兴盛达汇通鑫源正元金瑞丰恒德昌隆建邦博远天成汾河太行潞安云鹏亨瑞旺龙"
_ORG_SUFFIX = ["集团有限公司", "科技有限公司", "制药有限公司", "新材料有限公司", "能源股份有限公司"]
_INDUSTRIES = ["氢能", "中医药", "煤炭", "焦化", "钢铁", "装备制造", "大健康", "文化旅游", "半导体", "新材料",
               "光伏", "大数据", "现代农业", "生物医药", "碳基新材料", "信创", "铝镁合金", "煤电"]
_PLATFORM = [("KeyLaboratory", "重点实验室"), ("EngineeringCenter", "工程技术研究中心"),
             ("TechInnovationCenter", "技术创新中心"), ("EnterpriseTechCenter", "企业技术中心"),
             ("PilotBase", "中试基地"), ("NewRDInstitution", "新型研发机构"), ("Incubator", "科技企业孵化器")]
_STAGES = ["原料", "制备", "储存", "运输", "加工", "装备", "应用", "回收"]


def _name(rng: random.Random, k: int = 2) -> str:
    return "".join(rng.choice(_SURNAMES) for _ in range(k))


def synthetic_graph(n_nodes: int, *, seed: int = 7, doc: str = "synthetic-plan.txt") -> Graph:
    """A corpus-shaped graph of `n_nodes` nodes and ~3 relationships per node."""
    rng = random.Random(seed)
    nodes: list[Node] = []
    edges: list[Edge] = []
    line = 0

    def ev(quote: str) -> list[Evidence]:
        nonlocal line
        line += 1
        return [Evidence.model_construct(doc=doc, line=line, quote=quote)]

    n_cities = max(2, n_nodes // 2000)
    cities = [f"{_name(rng)}{i}市" for i in range(n_cities)]
    for c in cities:
        nodes.append(Node.model_construct(id=f"city:{c}", type="City", name=c, city=c, evidence=ev(c)))
    chains = [f"{ind}产业链" for ind in _INDUSTRIES]
    for ch in chains:
        nodes.append(Node.model_construct(id=f"chain:{ch}", type="IndustryChain", name=ch, evidence=ev(ch)))
    for c in cities:
        for ch in rng.sample(chains, 6):
            edges.append(Edge.model_construct(source=f"city:{c}", target=f"chain:{ch}", type="DEVELOPS_CHAIN", evidence=ev(f"{c}{ch}")))
    orgs: list[Node] = []
    i = 0
    while len(nodes) < n_nodes:
        i += 1
        city = rng.choice(cities)
        r = rng.random()
        if r < 0.55:
            name = f"{_name(rng, 3)}{i}{rng.choice(_ORG_SUFFIX)}"
            node = Node.model_construct(id=f"ent:{name}", type="Enterprise", name=name, aliases=[name[:3]], city=city, evidence=ev(name))
            orgs.append(node)
            ch = rng.choice(chains)
            kind = "LEADS_CHAIN" if rng.random() < 0.05 else "IN_CHAIN"
            edges.append(Edge.model_construct(source=node.id, target=f"chain:{ch}", type=kind, properties={"city": city}, evidence=ev(f"依托{name}")))
        elif r < 0.62:
            name = f"{city[:-1]}{_name(rng)}{i}大学"
            node = Node.model_construct(id=f"univ:{name}", type="University", name=name, city=city, evidence=ev(name))
            orgs.append(node)
        elif r < 0.85 and orgs:
            sub, word = rng.choice(_PLATFORM)
            name = f"山西省{_name(rng)}{i}{word}"
            node = Node.model_construct(id=f"plat:{name}", type="Platform", subtype=sub, name=name, city=city, evidence=ev(name))
            host = rng.choice(orgs)
            edges.append(Edge.model_construct(source=host.id, target=node.id, type="HOSTS", evidence=ev(f"依托{host.name}建设{name}")))
            edges.append(Edge.model_construct(source=node.id, target=f"chain:{rng.choice(chains)}", type="IN_CHAIN", evidence=ev(name)))
        elif r < 0.93:
            ch = rng.choice(chains)
            name = f"{city}{ch[:-3]}科技创新链{i}"
            node = Node.model_construct(id=f"ichain:{name}", type="InnovationChain", name=name, city=city, evidence=ev(name))
            edges.append(Edge.model_construct(source=node.id, target=f"chain:{ch}", type="INNOVATION_CHAIN_OF", evidence=ev(name)))
            prev = None
            for order, st in enumerate(rng.sample(_STAGES, 4), start=1):
                sid = f"stage:{name}/{st}"
                nodes.append(Node.model_construct(id=sid, type="ChainStage", name=st, city=city, properties={"chain": name, "order": order},
                                  evidence=ev(st)))
                edges.append(Edge.model_construct(source=node.id, target=sid, type="HAS_STAGE", properties={"order": order, "sequence": 1}, evidence=ev(st)))
                if prev:
                    edges.append(Edge.model_construct(source=prev, target=sid, type="NEXT_STAGE", evidence=ev(st)))
                prev = sid
        else:
            ind = rng.choice(["高新技术企业", "研发经费投入", "技术合同成交额", "省级重点实验室"])
            name = f"{city}{ind}{i}"
            node = Node.model_construct(id=f"target:{name}", type="Target", name=name, city=city,
                        properties={"indicator": ind, "value": rng.randint(1, 500), "unit": "家", "year": 2025},
                        evidence=ev(name))
            edges.append(Edge.model_construct(source=f"city:{city}", target=node.id, type="SETS_TARGET", evidence=ev(name)))
        nodes.append(node)
        if orgs and len(orgs) > 2 and rng.random() < 0.5:
            a, b = rng.sample(orgs, 2)
            edges.append(Edge.model_construct(source=a.id, target=b.id, type="COLLABORATES_WITH", evidence=ev(f"{a.name}与{b.name}合作")))
        if node.type in ("Enterprise", "University", "Platform"):
            edges.append(Edge.model_construct(source=node.id, target=f"city:{city}", type="LOCATED_IN", evidence=ev(city)))
    # top up to ~3 relationships per node with collaborations
    while orgs and len(edges) < 3 * len(nodes):
        a, b = rng.sample(orgs, 2)
        edges.append(Edge.model_construct(source=a.id, target=b.id, type="COLLABORATES_WITH", evidence=ev(f"{a.name}与{b.name}合作")))
    unique = {e.key(): e for e in edges}
    nodes = nodes[:n_nodes]
    graph = Graph(nodes=nodes, edges=list(unique.values()), meta={"synthetic": n_nodes, "seed": seed})
    return graph.subgraph(n.id for n in nodes)  # drops edges to nodes cut by the size limit


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
