"""Resolve: mentions from all documents -> one `Graph` of canonical entities.

Mentions of one type are merged by rules, in this order, each merge recorded with its rule:

1. ``curated``     the curation file says so (merge, aliases)
2. ``exact``       the same name (within the same scope for city-scoped things)
3. ``normalized``  the same name once place prefixes and legal suffixes are stripped
                   (山西建邦集团铸造有限公司 = 建邦集团铸造有限公司) — never when the rest is generic
                   (长治学院 / 运城学院) and never across two different places
4. ``unit_of_parent`` a unit named alone and with its parent (小麦研究所 = 山西农业大学小麦研究所)
5. ``short_name``  a trade name that opens exactly one longer name in the same city
                   (建邦 = 山西建邦集团铸造有限公司); ambiguous short names stay apart
6. ``infixed``, 7. ``abbreviated``, 8. ``embedded`` (enterprises) a trade name with a qualifier left
                   out, abbreviated, or inside a longer name after its place or parent brand
                   (金瑞锰业 = 贵州松桃金瑞锰业有限责任公司, 中伟股份 = 中伟新材料股份有限公司)

``forbid_merge`` in the curation file vetoes any merge between the names it lists. City-scoped
things (InnovationChain, ChainStage, Target, 市-agencies, unplaced platforms) never merge across
cities. Ids derive from type + scope + canonical name, so they are stable across rebuilds.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from typing import Any, Callable

from pydantic import BaseModel, Field

from kg.curation import Curation, CurationReport
from kg.extract.lexicon import (
    CITIES,
    COUNTY_CITY,
    LEGAL_SUFFIXES,
    NATIONAL_CITY_PROVINCE,
    PROVINCE,
    PROVINCE_HEADS,
    SUFFIXES,
    clean_name,
    is_generic,
    place_prefix,
    short_province,
)
from kg.extract.programs import program_key
from kg.models import Edge, EntityMention, Extraction, Graph, Node, RelationMention, union_evidence

log = logging.getLogger(__name__)

ID_PREFIX = {
    "City": "city", "County": "county", "Zone": "zone", "Enterprise": "ent", "University": "univ",
    "ResearchInstitute": "inst", "Hospital": "hosp", "Platform": "plat", "IndustryChain": "chain",
    "InnovationChain": "ichain", "ChainStage": "stage", "Program": "prog", "Policy": "policy",
    "Target": "target", "Agency": "agency", "Document": "doc",
}
ORGS = ("Enterprise", "University", "ResearchInstitute", "Hospital", "Platform", "Zone", "Agency")
SCOPED = ("InnovationChain", "ChainStage", "Target", "Program")
SYMMETRIC = ("COLLABORATES_WITH",)
_TYPE_WORDS = tuple(s for s, _, _ in SUFFIXES)
_PROVINCE = ("山西省", "山西")


def node_id(type_: str, key: str) -> str:
    return f"{ID_PREFIX.get(type_, type_.lower())}:{key}"


def canonical_key(m: EntityMention) -> str:
    """The name two mentions must share to be the same entity (before merge rules)."""
    return clean_name(m.name)


# --------------------------------------------------------------------------- report


class MentionRef(BaseModel):
    name: str
    doc: str
    line: int
    quote: str
    rule: str | None = None
    city: str | None = None


class MergeStep(BaseModel):
    a: str
    b: str
    rule: str
    detail: str = ""


class NodeResolution(BaseModel):
    """How one node came to be: the mentions it gathers and the merges that joined them."""

    id: str
    type: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[MentionRef] = Field(default_factory=list)
    merges: list[MergeStep] = Field(default_factory=list)
    kept_apart: list[MergeStep] = Field(default_factory=list)


class Resolution(BaseModel):
    graph: Graph
    nodes: list[NodeResolution] = Field(default_factory=list)
    curation: CurationReport = Field(default_factory=CurationReport)
    dropped_relations: int = 0

    def report(self) -> dict[str, Any]:
        return {
            "nodes": [n.model_dump(mode="json") for n in self.nodes],
            "curation": self.curation.model_dump(mode="json"),
            "dropped_relations": self.dropped_relations,
        }

    def find(self, name: str) -> list[NodeResolution]:
        """Nodes whose name or alias is `name` (exactly, else containing it)."""
        exact = [n for n in self.nodes if name == n.name or name in n.aliases or name == n.id]
        if exact:
            return exact
        return [n for n in self.nodes if name in n.name or any(name in a for a in n.aliases)]


# --------------------------------------------------------------------------- names


def place_of(name: str) -> tuple[str | None, str]:
    """(explicit place, rest): 临汾市人民医院 -> (临汾市, 人民医院); 山西建邦… -> (山西, 建邦…)."""
    p = place_prefix(name)
    return (p, name[len(p) :]) if p else (None, name)


def _below_province(name: str) -> str:
    """A name without the province that opens it when a place inside the province follows (四川达州… ->
    达州…): a zone of a kind whose name is generic is told apart by its place, stated or not."""
    p, rest = place_of(name)
    if p is not None and p in PROVINCE_HEADS and place_prefix(rest) is not None:
        return rest
    return name


def _place_level(p: str | None) -> str | None:
    """City or county a place prefix names (None for the province or places outside Shanxi)."""
    if p is None or p in _PROVINCE:
        return None
    for city in CITIES:
        if p in (city, city[:-1]):
            return city
    for county in COUNTY_CITY:
        if p in (county, county[:-1]):
            return county
    return p


def strip_legal(s: str) -> str:
    """The name without its legal and group words, however many (海螺集团有限责任公司 -> 海螺)."""
    while True:
        suf = next((x for x in LEGAL_SUFFIXES if s.endswith(x) and len(s) - len(x) >= 2), None)
        if suf is None:
            return s
        s = s[: -len(suf)]


def norm_org(name: str) -> str:
    """Comparable core of an organisation name: no place prefix, legal suffix, (筹) or spaces."""
    s = clean_name(name)
    s = re.sub(r"\((?:筹|[\u4e00-\u9fff]{2,3})\)$", "", s)
    rest = s
    while True:
        p, r = place_of(rest)
        if p is None or len(r) < 2:
            break
        rest = r
    return strip_legal(rest)


_ZONE_WORDS = (("经济技术开发区", "经开区"), ("经济开发区", "经开区"), ("高新技术产业开发区", "高新区"),
               ("高新技术开发区", "高新区"))
_TOWN_ZONE = re.compile(r"^([\u4e00-\u9fff]{2})(?:国家)?(?:"
                        + "|".join(sorted({w for pair in _ZONE_WORDS for w in pair}, key=len, reverse=True)) + r")$")


def zone_key(name: str) -> str | None:
    """长治国家高新区 = 长治高新区, 长治经济技术开发区 = 长治经开区: a place's zone of one kind is one
    zone, whatever form of the kind's name a plan uses (the place must be stated)."""
    p, rest = place_of(clean_name(name))
    if p is None:  # 瑞金经开区 = 瑞金经济技术开发区: a county's short form names its zone
        p = next((c[:-1] for c in COUNTY_CITY if len(c) > 2 and clean_name(name).startswith(c[:-1])), None)
        town = _TOWN_ZONE.match(clean_name(name)) if p is None else None
        if town:
            p = town.group(1)  # 慈湖高新区 = 慈湖高新技术产业开发区: a town's two characters name it too
        if p is None:
            return None
        rest = clean_name(name)[len(p) :]
    rest = re.sub(r"^(?:国家级|国家|省级)", "", rest)
    for long, short in _ZONE_WORDS:
        if rest == long:
            rest = short
    if rest not in ("经开区", "高新区"):
        return None
    level = _place_level(p) or p
    return f"{level}{rest}"


def has_type_word(name: str) -> bool:
    return clean_name(name).endswith(_TYPE_WORDS) or bool(re.search(r"\)$", name))


def policy_key(name: str) -> str:
    return re.sub(r"[\s,，、。“”\"'《》]", "", clean_name(name))


# --------------------------------------------------------------------------- union-find


class _Clusters:
    def __init__(self, n: int, forbidden: list[tuple[set[int], set[int]]]) -> None:
        self.parent = list(range(n))
        self.members: dict[int, set[int]] = {i: {i} for i in range(n)}
        self.forbidden = forbidden  # pairs of mention sets that must stay in different clusters
        self.steps: list[tuple[int, int, str, str]] = []
        self.vetoed: list[tuple[int, int, str, str]] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, rule: str, detail: str = "") -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ma, mb = self.members[ra], self.members[rb]
        for x, y in self.forbidden:
            if (x & ma and y & mb) or (y & ma and x & mb):
                self.vetoed.append((a, b, rule, detail))
                return False
        self.parent[rb] = ra
        self.members[ra] = ma | mb
        del self.members[rb]
        self.steps.append((a, b, rule, detail))
        return True


# --------------------------------------------------------------------------- resolve


def resolve(extractions: list[Extraction], curation: Curation | None = None) -> Graph:
    """The graph of all extractions (see `resolve_full` for the explanation of every merge)."""
    return resolve_full(extractions, curation).graph


def resolve_full(extractions: list[Extraction], curation: Curation | None = None) -> Resolution:
    curation = curation or Curation()
    report = CurationReport(path=curation.path if not curation.is_empty() else None)
    exs = list(extractions)
    if curation.facts:
        exs.append(curation.fact_extraction())
        for f in curation.facts:
            what = f.entity.name if f.entity else f"{f.relation.source} -{f.relation.type}-> {f.relation.target}"
            report.add("facts", f, "add", what)

    # ---------------------------------------------------------------- mentions
    mentions: list[tuple[int, EntityMention]] = []  # (extraction index, mention)
    dropped_names: set[tuple[str, str, str | None]] = set()
    for xi, ex in enumerate(exs):
        for m in ex.entities:
            hit = _dropped(m, ex.doc, curation)
            if hit is not None:
                dropped_names.add((m.type, m.name, ex.doc))
                continue
            mentions.append((xi, m))
    for d in curation.drop:
        n = sum(1 for t, name, doc in dropped_names if t == d.type and name == d.name and (d.doc is None or doc == d.doc))
        report.add("drop", d, "drop", f"{d.type} {d.name}" + (f" in {d.doc}" if d.doc else "") + f" ({n} mentions)",
                   applied=n > 0)

    by_type: dict[str, list[int]] = defaultdict(list)
    for i, (_, m) in enumerate(mentions):
        by_type[m.type].append(i)

    forbidden = _forbidden_groups(mentions, curation)
    uf = _Clusters(len(mentions), forbidden)
    _curated_merges(mentions, uf, curation, report)
    for type_, idxs in by_type.items():
        _merge_type(type_, idxs, mentions, exs, uf, curation)
    for group_entry in curation.forbid_merge:
        vetoed = [v for v in uf.vetoed if _mention_name(mentions, v[0]) in group_entry.names
                  or _mention_name(mentions, v[1]) in group_entry.names]
        report.add("forbid_merge", group_entry, "keep apart", " ≠ ".join(group_entry.names) +
                   (f" (vetoed {len(vetoed)} merge(s))" if vetoed else ""), applied=True)

    # ---------------------------------------------------------------- nodes
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        clusters[uf.find(i)].append(i)
    nodes: dict[str, Node] = {}
    explain: dict[str, NodeResolution] = {}
    mention_node: dict[int, str] = {}
    curated_names = {(a.type, alias): a.name for a in curation.aliases for alias in [a.name, *a.aliases]}
    for root, idxs in clusters.items():
        ms = [mentions[i][1] for i in idxs]
        node = _make_node(ms, [exs[mentions[i][0]].doc for i in idxs], curated_names)
        nid = node.id
        if nid in nodes:  # two clusters with the same canonical id: one node (rules are transitive)
            old = nodes[nid]
            old.aliases = sorted(set(old.aliases) | set(node.aliases) - {old.name})
            old.evidence = union_evidence(old.evidence, node.evidence)
            explain[nid].merges.append(MergeStep(a=old.name, b=node.name, rule="same_id"))
        else:
            nodes[nid] = node
            explain[nid] = NodeResolution(id=nid, type=node.type, name=node.name)
        for i in idxs:
            mention_node[i] = nid
            xi, m = mentions[i]
            explain[nid].mentions.append(MentionRef(name=m.name, doc=exs[xi].doc, line=m.evidence.line,
                                                    quote=m.evidence.quote, rule=m.rule, city=m.city))
    for a, b, rule, detail in uf.steps:
        nid = mention_node[a]
        explain[nid].merges.append(MergeStep(a=mentions[a][1].name, b=mentions[b][1].name, rule=rule, detail=detail))
    for a, b, rule, detail in uf.vetoed:
        for i in (a, b):
            explain[mention_node[i]].kept_apart.append(
                MergeStep(a=mentions[a][1].name, b=mentions[b][1].name, rule=rule, detail="vetoed by forbid_merge"))
    for nid, ex_ in explain.items():
        ex_.aliases = nodes[nid].aliases
        ex_.merges = _dedupe_steps(ex_.merges)
        ex_.kept_apart = _dedupe_steps(ex_.kept_apart)

    # ---------------------------------------------------------------- edges
    index: dict[tuple[int, str, str | None, str], str] = {}
    global_index: dict[tuple[str, str | None, str], str] = {}
    for i, (xi, m) in enumerate(mentions):
        nid = mention_node[i]
        for name in {m.name, *m.aliases}:
            index.setdefault((xi, m.type, m.scope, name), nid)
            global_index.setdefault((m.type, m.scope, name), nid)
    edges: dict[tuple[str, str, str], Edge] = {}
    dropped = 0
    for xi, ex in enumerate(exs):
        for r in ex.relations:
            s = _endpoint(index, global_index, xi, r.source_type, r.source_scope, r.source)
            t = _endpoint(index, global_index, xi, r.target_type, r.target_scope, r.target)
            if s is None or t is None or s == t:
                dropped += 1
                log.debug("dropping %s %s -> %s: endpoint not an entity", r.type, r.source, r.target)
                continue
            if r.type in SYMMETRIC and t < s:
                s, t = t, s
            _add_edge(edges, s, t, r)
    graph = Graph(nodes=sorted(nodes.values(), key=lambda n: n.id), edges=sorted(edges.values(), key=Edge.key))
    res = Resolution(graph=graph, nodes=sorted(explain.values(), key=lambda n: n.id), curation=report,
                     dropped_relations=dropped)
    log.info("resolved %d mentions into %d nodes, %d edges", len(mentions), len(nodes), len(edges))
    return res


def _mention_name(mentions: list[tuple[int, EntityMention]], i: int) -> str:
    return mentions[i][1].name


def _dedupe_steps(steps: list[MergeStep]) -> list[MergeStep]:
    seen, out = set(), []
    for s in steps:
        k = (s.a, s.b, s.rule)
        if k not in seen and s.a != s.b:
            seen.add(k)
            out.append(s)
    return out


def _dropped(m: EntityMention, doc: str, curation: Curation):
    for d in curation.drop:
        if d.type == m.type and clean_name(d.name) == clean_name(m.name) and (d.doc is None or d.doc == doc):
            return d
    return None


def _forbidden_groups(mentions: list[tuple[int, EntityMention]], curation: Curation) -> list[tuple[set[int], set[int]]]:
    """For each forbid_merge entry and each pair of its names: the mentions of one name and of the
    other; the union-find vetoes any union that would put the two sides together."""
    pairs: list[tuple[set[int], set[int]]] = []
    for f in curation.forbid_merge:
        per_name: dict[str, set[int]] = defaultdict(set)
        for n in f.names:
            per_name[clean_name(n)]
        for i, (_, m) in enumerate(mentions):
            if m.type == f.type and clean_name(m.name) in per_name:
                per_name[clean_name(m.name)].add(i)
        sets = list(per_name.values())
        for a in range(len(sets)):
            for b in range(a + 1, len(sets)):
                if sets[a] and sets[b]:
                    pairs.append((sets[a], sets[b]))
    return pairs


def _curated_merges(mentions: list[tuple[int, EntityMention]], uf: _Clusters, curation: Curation,
                    report: CurationReport) -> None:
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (_, m) in enumerate(mentions):
        by_name[(m.type, clean_name(m.name))].append(i)
        for a in m.aliases:
            by_name[(m.type, clean_name(a))].append(i)
    for entry in curation.aliases:
        names = [entry.name, *entry.aliases]
        hit = [i for n in names for i in by_name.get((entry.type, clean_name(n)), [])]
        for i in hit[1:]:
            uf.union(hit[0], i, "curated", f"aliases entry line {entry.line}")
        report.add("aliases", entry, "alias", f"{entry.type} {entry.name} = {', '.join(entry.aliases)} "
                   f"({len(hit)} mentions)", applied=bool(hit))
    for entry in curation.merge:
        hit = [i for n in entry.names for i in by_name.get((entry.type, clean_name(n)), [])]
        for i in hit[1:]:
            uf.union(hit[0], i, "curated", f"merge entry line {entry.line}")
        report.add("merge", entry, "merge", f"{entry.type} {' + '.join(entry.names)} ({len(hit)} mentions)",
                   applied=len({clean_name(mentions[i][1].name) for i in hit}) > 1)


def _merge_type(type_: str, idxs: list[int], mentions: list[tuple[int, EntityMention]], exs: list[Extraction],
                uf: _Clusters, curation: Curation) -> None:
    """Apply the merge rules to the mentions of one type."""

    def scope_of(i: int) -> str | None:
        m = mentions[i][1]
        if type_ in SCOPED:
            return m.scope
        if type_ == "Agency":
            return m.scope
        if type_ == "Platform" and place_of(clean_name(m.name))[0] is None and not _trailing_place(m.name):
            return m.city  # 清控创新基地 of 临汾 and of 运城 are two bases
        return None

    # 2. exact (aliases of a mention count: 中医药工业加快发展科技创新链 is the table title of …)
    keyed: dict[tuple[str | None, str], int] = {}
    for i in idxs:
        m = mentions[i][1]
        key = _exact_key(type_, m)
        k = (scope_of(i), key)
        if k in keyed:
            uf.union(keyed[k], i, "exact")
        else:
            keyed[k] = i
        if type_ in ("InnovationChain", "IndustryChain", "Program", "Policy", "Agency"):
            for a in m.aliases:
                ka = (scope_of(i), _exact_key(type_, m.model_copy(update={"name": a})))
                if ka in keyed and (type_ != "IndustryChain" or mentions[keyed[ka]][1].evidence.doc == m.evidence.doc):
                    # a chain's wordings are one plan's reading (its 装备制造 folded into 船舶及装备制造):
                    # across plans, chains are one by their canonical names only
                    uf.union(keyed[ka], i, "exact", f"alias {a}")
    if type_ == "Agency":
        _merge_agencies(idxs, mentions, uf)
    if type_ not in ORGS or type_ == "Agency":
        return
    # 3. normalized
    normed: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for i in idxs:
        m = mentions[i][1]
        core = norm_org(m.name)
        if type_ == "Zone":
            core = zone_key(m.name) or core
            if not _usable_core(core):
                core = _below_province(clean_name(m.name))  # 四川达州国家农业科技园区 = 达州国家农业科技园区
        if not _usable_core(core):
            continue
        # platforms: 襄垣县山大固废产业研究院 = 山大固废产业研究院 within one city
        normed[(m.city if type_ == "Platform" else scope_of(i), core)].append(i)
    for (_, core), group in normed.items():
        for i in group[1:]:
            a, b = mentions[group[0]][1].name, mentions[i][1].name
            if _places_conflict(a, b):
                continue
            uf.union(group[0], i, "normalized", f"both read {core}")
    # 4. unit_of_parent: 小麦研究所 = 山西农业大学小麦研究所 (same city)
    names_by_city: dict[str | None, dict[str, int]] = defaultdict(dict)
    for i in idxs:
        m = mentions[i][1]
        names_by_city[m.city].setdefault(clean_name(m.name), i)
    org_names = {clean_name(m.name) for _, m in mentions if m.type in ("University", "ResearchInstitute", "Enterprise")}
    for city, names in names_by_city.items():
        for short, si in names.items():
            if not has_type_word(short) or len(short) < 4:
                continue
            longs = [(n, li) for n, li in names.items() if n != short and n.endswith(short) and n[: -len(short)] in org_names]
            if len(longs) == 1:
                uf.union(longs[0][1], si, "unit_of_parent", f"{longs[0][0][: -len(short)]} + {short}")
    # 5. short_name: 建邦 = 山西建邦集团铸造有限公司 (one longer name in the same city opens with it)
    for city, names in names_by_city.items():
        for short, si in names.items():
            if has_type_word(short) or len(short) < 2:
                continue
            cands: dict[int, str] = {}
            for n, li in names.items():
                if n == short or not has_type_word(n):
                    continue
                core = norm_org(n)
                rest = place_of(n)[1]
                if core.startswith(short) or rest.startswith(short) or strip_legal(n).startswith(short):
                    cands[uf.find(li)] = n
            if len(cands) == 1:
                root, n = next(iter(cands.items()))
                uf.union(root, si, "short_name", f"{short} opens {n}")
            elif len(cands) > 1:
                log.debug("short name %s is ambiguous: %s", short, sorted(cands.values()))
    if type_ == "Enterprise":
        _merge_infixed(names_by_city, uf)
        _merge_trade_name(names_by_city, uf, "abbreviated", _abbreviates, "abbreviates")
        _merge_trade_name(names_by_city, uf, "embedded", _embedded, "is the trade name inside")


def _merge_trade_name(names_by_city: dict[str | None, dict[str, int]], uf: _Clusters, rule: str,
                      fits: Callable[[str, str], bool], says: str) -> None:
    """A trade name (4–7 characters, no type word) not yet merged with a full name joins the one full
    name of its city that `fits` it; two or more: it stays apart."""
    for city, names in names_by_city.items():
        for short, si in names.items():
            if has_type_word(short) or not 4 <= len(short) <= 7:
                continue
            if any(has_type_word(n) and uf.find(li) == uf.find(si) for n, li in names.items()):
                continue  # 东风商用车 already is 东风商用车有限公司 (not 东风特种商用车有限公司)
            cands = {uf.find(li): n for n, li in names.items() if has_type_word(n) and len(n) > len(short) and fits(short, n)}
            if len(cands) == 1:
                root, n = next(iter(cands.items()))
                uf.union(root, si, rule, f"{short} {says} {n}")


def _trade_core(name: str) -> str:
    """A full name without its place, legal words and brackets: 中航(成都)无人机系统股份有限公司 -> 中航无人机系统."""
    return re.sub(r"\([^()]*\)", "", norm_org(name))


def _abbreviates(short: str, name: str) -> bool:
    """7. abbreviated: 大西洋焊材 = 四川大西洋焊接材料股份有限公司, 中航无人机 = 中航（成都）无人机系统股份有限
    公司: the short name opens like the full one's core and its characters follow in order in it."""
    core = _trade_core(name)
    it = iter(core)
    return len(core) > len(short) and core.startswith(short[:2]) and all(ch in it for ch in short)


def _embedded(short: str, name: str) -> bool:
    """8. embedded: 金瑞锰业 = 贵州松桃金瑞锰业有限责任公司, 大龙锰业 = 贵州红星发展大龙锰业有限责任公司 (the
    trade name ends the full one's core, after a place or parent brand), 中伟股份 = 中伟新材料股份有限公司
    (the brand and the company form)."""
    core = _trade_core(name)
    if short.endswith("股份"):
        return "股份" in name and core.startswith(short[:-2])
    return core.endswith(short) and len(core) - len(short) >= 2


def _merge_infixed(names_by_city: dict[str | None, dict[str, int]], uf: _Clusters) -> None:
    """6. infixed: 大运汽车 = 大运新能源汽车 (same brand and product word, one adds a qualifier in
    between), 东义集团 = 山西东义煤电铝集团有限公司, 汾酒集团 = 山西杏花村汾酒集团有限责任公司 (a group
    by its brand), when exactly one longer
    name of the city fits."""
    for city, names in names_by_city.items():
        for short, si in names.items():
            group = short.endswith("集团") and place_of(short)[0] is None
            if len(short) < 4 or has_type_word(short) and not group:
                continue
            brand = short.removesuffix("集团")
            cands = {}
            for n, li in names.items():
                if len(n) <= len(short):
                    continue
                if group:
                    core = norm_org(n).removesuffix("集团")
                    if "集团" in n and len(core) > len(brand) and (
                            core.startswith(brand) and place_of(core[len(brand):])[0] is None
                            or core.endswith(brand) and len(core) - len(brand) >= 2):  # 汾酒集团 = 杏花村汾酒集团
                        cands[uf.find(li)] = n
                    continue
                if has_type_word(n):
                    continue
                for cut in range(2, len(short) - 1):  # brand = short[:cut] (≥ 2), product = short[cut:] (≥ 2)
                    if n.startswith(short[:cut]) and n.endswith(short[cut:]) and \
                            place_of(n[cut : len(n) - len(short) + cut])[0] is None:
                        cands[uf.find(li)] = n
                        break
            if len(cands) == 1:
                root, n = next(iter(cands.items()))
                uf.union(root, si, "infixed", f"{short} is {n} without its qualifier")


def _exact_key(type_: str, m: EntityMention) -> str:
    if type_ == "Program":
        return program_key(m.name)
    if type_ == "Policy":
        return policy_key(m.name)
    if type_ in ORGS:
        return re.sub(r"\((?:筹)\)$", "(筹)", clean_name(m.name))
    return clean_name(m.name)


def _merge_agencies(idxs: list[int], mentions: list[tuple[int, EntityMention]], uf: _Clusters) -> None:
    """市人民政府 in 临汾市's plan is 临汾市人民政府."""
    full: dict[str, int] = {}
    for i in idxs:
        m = mentions[i][1]
        if m.scope is None:
            full.setdefault(clean_name(m.name), i)
    for i in idxs:
        m = mentions[i][1]
        if m.scope and m.name[:1] == "市":
            qualified = m.scope + m.name[1:]
            for q in (qualified, "中共" + qualified):  # 市委 of 长治市 = 中共长治市委
                if q in full:
                    uf.union(full[q], i, "city_qualified", f"{m.name} of {m.scope}")
                    break
        elif m.name.startswith("省") and not m.name.startswith("省级"):
            # 省 in a plan is the province of the plan's city (山西 for the corpus, 陕西 for 宝鸡)
            qualified = short_province(NATIONAL_CITY_PROVINCE.get(m.city or "", PROVINCE)) + m.name
            if qualified in full:
                uf.union(full[qualified], i, "province_qualified", f"{m.name} = {qualified}")


def _trailing_place(name: str) -> bool:
    return bool(re.search(r"\([\u4e00-\u9fff]{2,3}\)$", clean_name(name)))


def _distinctive(core: str) -> bool:
    """A core that names something (建邦集团铸造) rather than a kind (学院, 职业技术学院)."""
    stripped = core
    for s in sorted(_TYPE_WORDS, key=len, reverse=True):
        if stripped.endswith(s):
            stripped = stripped[: -len(s)]
            break
    return len(stripped) >= 2 and not is_generic(stripped)


def _usable_core(core: str) -> bool:
    """A normalized name specific enough to merge mentions by."""
    return len(core) >= 2 and not is_generic(core) and _distinctive(core)


def _places_conflict(a: str, b: str) -> bool:
    """Different place ⇒ different entity: 临汾职业技术学院 vs 运城职业技术学院 (四川达州… is in 达州)."""
    pa, pb = (_place_level(place_of(_below_province(clean_name(x)))[0]) for x in (a, b))
    if pa is not None and pb is not None and pa != pb:
        return True
    # 中国石油大学（华东） vs 中国石油大学（北京）: campuses told apart by their brackets
    qa, qb = (set(re.findall(r"[(（]([^()（）]{2,6})[)）]", x)) for x in (a, b))
    return bool(qa and qb and not qa & qb)


def _make_node(ms: list[EntityMention], docs: list[str], curated_names: dict[tuple[str, str], str]) -> Node:
    type_ = ms[0].type
    names = Counter(clean_name(m.name) for m in ms)
    curated = next((curated_names[(type_, n)] for n in names if (type_, n) in curated_names), None)
    meta_names = [clean_name(m.name) for m in ms if m.rule == "document_meta"]
    if curated:
        name = clean_name(curated)
    elif meta_names:
        name = meta_names[0]  # a plan's own title and issuer as its manifest states them
    else:
        name = sorted(names, key=lambda n: (-_name_weight(type_, n), -names[n], n))[0]
    aliases = sorted(({clean_name(m.name) for m in ms} | {clean_name(a) for m in ms for a in m.aliases}) - {name})
    scope = next((m.scope for m in ms if m.scope), None)
    if type_ == "Agency" and name[:1] not in "市县区":
        scope = None  # 市人民政府 merged into 临汾市人民政府: the full name identifies it
    if scope is None and type_ == "Platform" and place_of(name)[0] is None and not _trailing_place(name):
        scope = next((m.city for m in ms if m.city), None)
    subtype = Counter(m.subtype for m in ms if m.subtype).most_common(1)
    cities = [m.city for m in ms if m.city]
    city = None
    if type_ == "City":
        city = name
    elif type_ != "IndustryChain" and cities:
        distinct = list(dict.fromkeys(cities))
        city = distinct[0] if len(distinct) == 1 else _stated_city(name, distinct)
    props: dict[str, Any] = {}
    for m in ms:
        for k, v in m.properties.items():
            if v is not None and k not in props:
                props[k] = v
    if type_ in ORGS and cities:
        distinct = sorted(set(cities))
        if len(distinct) > 1:
            props["cities"] = distinct
    key = _id_key(type_, name, scope, props)
    return Node(id=node_id(type_, key), type=type_, subtype=subtype[0][0] if subtype else None, name=name,
                aliases=aliases, city=city, properties=props,
                evidence=union_evidence(*[[m.evidence] for m in ms]))


def _name_weight(type_: str, n: str) -> int:
    """Which surface form names the node: the fullest organisation name, the quoted programme."""
    w = len(n)
    if type_ == "Program" and "“" in n:
        w += 10
    return w


def _stated_city(name: str, cities: list[str]) -> str | None:
    for c in cities:
        if name.startswith(c) or name.startswith(c[:-1]):
            return c
    return None


def _id_key(type_: str, name: str, scope: str | None, props: dict[str, Any]) -> str:
    if type_ == "Target" and scope:
        city, _, year = scope.partition("/")
        return f"{city}/{name}/{year or props.get('year', '')}"
    if type_ in ("InnovationChain", "ChainStage") and scope:
        return f"{scope}/{name}"
    if type_ in ("Agency", "Platform") and scope:
        return f"{scope}/{name}"
    if type_ == "Program" and scope:
        return f"{scope}/{name}"
    return name


def _endpoint(index, global_index, xi: int, type_: str, scope: str | None, name: str) -> str | None:
    return index.get((xi, type_, scope, name)) or global_index.get((type_, scope, name))


def _add_edge(edges: dict[tuple[str, str, str], Edge], s: str, t: str, r: RelationMention) -> None:
    k = (s, r.type, t)
    if k in edges:
        e = edges[k]
        e.evidence = union_evidence(e.evidence, [r.evidence])
        for key, v in r.properties.items():
            if key not in e.properties:
                e.properties[key] = v
            elif e.properties[key] != v and key == "city":
                cities = e.properties.get("cities") or [e.properties["city"]]
                if v not in cities:
                    e.properties["cities"] = sorted([*cities, v])
        return
    edges[k] = Edge(source=s, target=t, type=r.type, properties=dict(r.properties), evidence=[r.evidence])


def explain_lookup(path, name: str) -> list[NodeResolution]:
    """Nodes of a resolution.json (written by `kg build`) that answer to `name`."""
    import json
    from pathlib import Path

    from kg.errors import InputError, KGError

    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no resolution file; run `kg build` first") from exc
    except ValueError as exc:
        raise InputError(f"{p}: not a resolution JSON written by `kg build`: {exc}") from exc
    nodes = [NodeResolution.model_validate(n) for n in data.get("nodes", [])]
    res = Resolution(graph=Graph(), nodes=nodes)
    hits = res.find(name.strip())
    if not hits:
        raise KGError(f"no entity named {name!r} in {p} (try a part of the name)")
    return hits
