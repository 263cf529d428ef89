"""Document-level passes that need the whole plan read first.

- Industry chains: a plan names many ``X产业链`` in passing (根据产业链和技术创新链需求, 延伸农业产业链,
  推进中药全产业链标准化建设). Only the chains the plan develops are its chains: those it names in
  a heading, develops with a verb, lists as its 传统优势/新兴优势 industries, gives a 链主 or an
  innovation chain. Another wording of one of them (碳基新材料 for 新材料, 信创 for 大数据及信创,
  农业 for 现代农业) is folded into it as an alias; the other mentions are dropped with their
  relationships.
- Chain membership by sentence: an actor named in a sentence that names exactly one of the plan's
  chains (以智能制造及信创产业为主攻方向,依托清控创新基地…) is IN_CHAIN of it. Decided here because
  which chains the plan develops is known only at the end.
- Types by category: a name listed under a category noun (…、长治能源革命研究院等新型研发机构;
  清控创新基地和5G电子智造基地两大园区) has that type in the whole plan.
- Policies: a title cited without its issuer (关于深化人才发展体制机制改革的实施意见) is the same
  policy as the one cited with it (中共长治市委关于深化…) in the same plan.
"""

from __future__ import annotations

import logging
import re
from kg.extract.context import DocContext, DocNotes
from kg.extract.lexicon import ISSUER_PREFIX, SUFFIXES, is_generic, place_prefix
from kg.models import EntityMention, RelationMention

log = logging.getLogger(__name__)

CHAIN = "IndustryChain"
DEVELOPED_BY = ("DEVELOPS_CHAIN", "LEADS_CHAIN", "INNOVATION_CHAIN_OF")
HEADING_RULES = ("chain_heading", "ichain_industry")


def industry_word(chain_name: str) -> str:
    return chain_name.removesuffix("产业链")


def related(word: str, chain_word: str) -> bool:
    """Another wording of a chain's industry: 农业 ~ 现代农业, 碳基新材料 ~ 新材料, 信创 ~ 大数据及信创."""
    if word == chain_word or len(word) < 2:
        return False
    if chain_word.endswith(word):
        return True
    if word.endswith(chain_word) and len(chain_word) >= 2 and len(word) - len(chain_word) <= 4:
        return True
    parts = [p for p in re.split(r"及|和|与|、", chain_word) if p]
    if len(parts) > 1 and word in parts:
        return True
    # 生物医药 ~ 生物医药大健康: the chain joins a second industry to the word (not 新能源 ~ 新能源汽车,
    # where the rest is the head the word qualifies)
    rest = chain_word[len(word):] if chain_word.startswith(word) and len(word) >= 2 else ""
    return len(rest) >= 2 and not _HEAD_REST.search(rest)


_HEAD_REST = re.compile(r"汽车|装备|材料|制造|设备|器件|电池|产品|加工|零部件|器械|部件|芯片|化工|食品|机械|^产业")


def chain_for(word: str, developed: list[str], headings: list[str]) -> str | None:
    """The plan's chain an industry word names: itself, else the one chain it is a wording of
    (a heading chain first)."""
    if word in developed:
        return word
    for pool in (headings, developed):
        hits = [d for d in pool if related(word, d)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            return None
    return None


def tidy_document(ctx: DocContext) -> None:
    notes = ctx.notes
    _retype_by_category(ctx, notes)
    _short_forms(ctx)
    _policy_issuers(ctx)
    _chains(ctx, notes)


# --------------------------------------------------------------------------- chains


def _chains(ctx: DocContext, notes: DocNotes) -> None:
    ex = ctx.ex
    # a member of a list of fields (在A、B等产业领域) is a wording of a chain, not a chain by itself
    developed = sorted({industry_word(r.target) for r in ex.relations
                        if r.type in DEVELOPED_BY and r.target_type == CHAIN and r.rule != "chain_list_member"}
                       | {industry_word(c) for c in notes.kept_chains})
    headings = sorted({industry_word(m.name) for m in ex.entities if m.type == CHAIN and m.rule in HEADING_RULES})
    rename: dict[str, str | None] = {}
    # 高端装备 and 高端装备制造 in one plan: the short one is a wording of the fuller
    fuller = {w: w + "制造" for w in developed if w + "制造" in developed}
    # a heading 做强有色金属(铜金)产业链: 铜金 (铜金产业科技创新链) is a wording of that chain
    bracketed = {inner: industry_word(m.name) for m in ex.entities if m.type == CHAIN and m.rule in HEADING_RULES
                 for a in m.aliases for inner in re.findall(r"\(([\u4e00-\u9fff]{2,8})\)$", a)}
    own_headings = {industry_word(m.name) for m in ex.entities if m.type == CHAIN and m.rule == "chain_heading"}
    for m in ex.entities:
        if m.type != CHAIN or m.name in rename:
            continue
        w = industry_word(m.name)
        if w in fuller and w not in headings:
            rename[m.name] = f"{fuller[w]}产业链"
            continue
        if w in bracketed and bracketed[w] != w and w not in own_headings:
            rename[m.name] = f"{bracketed[w]}产业链"
            continue
        if w.startswith("先进") and w[2:] in developed and w not in headings:
            rename[m.name] = f"{w[2:]}产业链"  # 先进装备制造 where the plan develops 装备制造: that chain
            continue
        if w in headings:
            rename[m.name] = m.name
            continue
        target = chain_for(w, [], headings) if w in developed else chain_for(w, developed, headings)
        if target is None and w in developed:
            target = w
        rename[m.name] = None if target is None else f"{target}产业链"
    kept: list[EntityMention] = []
    for m in ex.entities:
        if m.type != CHAIN:
            kept.append(m)
            continue
        new = rename.get(m.name)
        if new is None:
            log.debug("%s: %s is not a chain the plan develops; dropped", ex.doc, m.name)
            continue
        if new != m.name:
            m.aliases = sorted({*m.aliases, m.name} - {new})
            m.rule = f"{m.rule}>fold:{m.name}"  # kg explain shows which wording was folded in
            m.name = new
        kept.append(m)
    ex.entities = kept
    rels: list[RelationMention] = []
    for r in ex.relations:
        if r.source_type == CHAIN:
            new = rename.get(r.source, r.source)
            if new is None:
                continue
            r.source = new
        if r.target_type == CHAIN:
            new = rename.get(r.target, r.target)
            if new is None:
                continue
            r.target = new
        rels.append(r)
    ex.relations = rels
    # sentence membership: exactly one of the plan's chains named
    chains = {industry_word(m.name): m for m in ex.entities if m.type == CHAIN}
    names, pool = sorted(chains), [h for h in headings if h in chains]
    for s in notes.sentences:
        found = {chain_for(w, names, pool) for w in s.words}
        found.discard(None)
        if len(found) != 1:
            continue
        chain = chains[found.pop()]
        for member, ev in s.members:
            ctx.relation("IN_CHAIN", member, chain, ev, rule="chain_sentence")
    # a zone or platform named for an industry (临猗省级现代农业产业示范区, 龙芯(长治)信创产业园) is in its chain
    for m in [m for m in ex.entities if m.type in ("Zone", "Platform")]:
        words = [re.split(r"省级|国家级|市级|县级|[)）]", w)[-1] for w in _NAMED_INDUSTRY.findall(m.name)]
        hits = {chain_for(w, names, pool) for w in words if len(w) >= 2}
        hits.discard(None)
        if len(hits) == 1:
            ctx.relation("IN_CHAIN", m, chains[hits.pop()], m.evidence, rule="chain_in_name")


# the industry a zone or platform name carries: …现代农业产业示范区, …信创产业园
_NAMED_INDUSTRY = re.compile(r"([\u4e00-\u9fff()（）]{2,16}?)产业(?:示范区|园区|园|集聚区|基地|创新中心|研究院)")


# --------------------------------------------------------------------------- types


def _retype_by_category(ctx: DocContext, notes: DocNotes) -> None:
    """A 研究院 listed as a 新型研发机构 is a platform wherever the plan names it."""
    if not notes.category_types:
        return
    ex = ctx.ex
    changed: dict[tuple[str, str], tuple[str, str | None]] = {}
    for m in ex.entities:
        hit = notes.category_types.get(m.name) or next(
            (notes.category_types[a] for a in m.aliases if a in notes.category_types), None)
        if hit is None or m.type == hit[0] or not _retypable(m.type, hit[0]):
            continue
        changed[(m.name, m.type)] = hit
        m.subtype = (hit[1] or (m.subtype if m.type == "Platform" else None)) if hit[0] == "Platform" else None
        m.rule = f"{m.rule}>category:{m.type}->{hit[0]}"
        m.type = hit[0]
    if not changed:
        return
    for org, inst in notes.nested_hosts:
        if inst.type == "Platform" and org.type != "Platform":
            ctx.relation("HOSTS", org, inst, inst.evidence, rule="name_prefix")
    for r in ex.relations:
        if (r.source, r.source_type) in changed:
            r.source_type = changed[(r.source, r.source_type)][0]
        if (r.target, r.target_type) in changed:
            r.target_type = changed[(r.target, r.target_type)][0]
    ex.relations = [r for r in ex.relations if not (r.source == r.target and r.source_type == r.target_type)]


def _retypable(old: str, new: str) -> bool:
    """Which suffix types a category may overrule: a 研究院 may be an institute or a platform, a
    基地 a zone or a platform; a 大学 stays a university."""
    pairs = {("ResearchInstitute", "Platform"), ("Platform", "Zone"), ("Zone", "Platform"), ("Platform", "ResearchInstitute")}
    return (old, new) in pairs


# --------------------------------------------------------------------------- policies


def _policy_issuers(ctx: DocContext) -> None:
    """关于深化人才发展体制机制改革的实施意见 = 中共长治市委关于深化人才发展体制机制改革的实施意见
    when both are cited in one plan: the short title becomes an alias of the full one."""
    ex = ctx.ex
    full: dict[str, str] = {}
    for m in ex.entities:
        if m.type == "Policy":
            im = ISSUER_PREFIX.match(m.name)
            if im:
                full.setdefault("关于" + m.name[im.end():], m.name)
    if not full:
        return
    renamed: dict[str, str] = {}
    for m in ex.entities:
        if m.type == "Policy" and m.name in full and full[m.name] != m.name:
            renamed[m.name] = full[m.name]
            m.aliases = sorted({*m.aliases, m.name})
            m.rule = f"{m.rule}>issuer_title:{m.name}"
            m.name = full[m.name]
    for r in ex.relations:
        if r.source_type == "Policy" and r.source in renamed:
            r.source = renamed[r.source]
        if r.target_type == "Policy" and r.target in renamed:
            r.target = renamed[r.target]


# --------------------------------------------------------------------------- short forms

SHORTENED = ("Platform", "ResearchInstitute", "Agency")


def _type_word(name: str) -> str | None:
    return next((suf for suf, _, _ in SUFFIXES if name.endswith(suf)), None)


def _core(name: str, suffix: str) -> str:
    body = name[: -len(suffix)]
    changed = True
    while changed:
        changed = False
        p = place_prefix(body)
        if p:
            body, changed = body[len(p):], True
    return body


def _short_forms(ctx: DocContext) -> None:
    """One plan naming a platform or institute in full and in a shorter form: 中科潞安研究院 for
    山西中科潞安半导体技术研究院 (the field dropped), 国家煤基工程技术研究中心 for 国家煤基合成工程技术
    研究中心, 药茶产业研究院 for 振东药茶产业研究院 (the trade name dropped). The short form is
    renamed to the full one (and kept as an alias) when exactly one full name fits."""
    ex = ctx.ex
    renamed: dict[str, tuple[str, str]] = {}
    full_types = {m.name: m.type for m in ex.entities}
    for short, full in ctx.notes.declared.items():  # （以下简称兰花科创）
        if full in full_types:
            renamed[short] = (full, full_types[full])
    names: dict[str, tuple[str, str, str]] = {}  # name -> (type, type word, core)
    for m in ex.entities:
        if m.type in SHORTENED and m.name not in names:
            suf = _type_word(m.name)
            if suf and (m.type != "Agency" or suf in ("领导小组", "委员会")):
                names[m.name] = (m.type, suf, _core(m.name, suf))
    for short, (t, suf, core) in names.items():
        if len(core) < 2 or is_generic(core):
            continue
        fits = [long for long, (t2, suf2, core2) in names.items()
                if long != short and suf2 == suf and len(core2) > len(core)
                and (core2.startswith(core) or (long.endswith(short) and not is_generic(long[: -len(short)])))]
        if len({names[f][2] for f in fits}) == 1:  # one full name (maybe printed with and without its place)
            best = max(fits, key=len)
            renamed[short] = (best, names[best][0])
    if not renamed:
        return
    for m in ex.entities:
        if m.name in renamed and (m.type in SHORTENED or m.type == renamed[m.name][1]):
            new, new_type = renamed[m.name]
            m.aliases = sorted({*m.aliases, m.name} - {new})
            m.rule = f"{m.rule}>short_form:{m.name}"
            m.name, m.type = new, new_type
    for r in ex.relations:
        if r.source in renamed and (r.source_type in SHORTENED or r.source_type == renamed[r.source][1]):
            r.source, r.source_type = renamed[r.source]
        if r.target in renamed and (r.target_type in SHORTENED or r.target_type == renamed[r.target][1]):
            r.target, r.target_type = renamed[r.target]
    ex.relations = [r for r in ex.relations if not (r.source == r.target and r.source_type == r.target_type)]
