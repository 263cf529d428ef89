"""Sentence rules for actors and their relationships.

Each rule reads one set phrase of plan prose and yields mentions and relations with evidence:

- names with a type word (山西建邦集团铸造有限公司, 上海大学, 铁型材中试基地) wherever they occur;
- lists of short names before 等…企业 (东鑫、春雷、建邦…等企业), award subjects (日祥荣获…);
- LEADS_CHAIN  依托X作为Y产业链“链主”企业 · X为Y产业链链主 · 发挥X龙头带动作用 (…Y产业)
- HOSTS        依托X建设Y · X建设的Y · A与B合作建设Y · 支持X牵头组建Y · X<platform name>
- COLLABORATES_WITH  A与B、C合作/共建/联合 (a clause opening with 与 takes the last subject)
- IN_CHAIN     enterprises named in an innovation chain's text (构建中医药…科技创新链。依托A、B…)
- LOCATED_IN   曲沃县晋之南食品有限公司 (a county opening a name) · 在X县…建设Y
- PART_OF_PROGRAM  platforms and organisations singled out in a programme's section
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.context import DocContext, Sentence
from kg.extract.lexicon import (
    COUNTY_CITY,
    ENTERPRISE_LIST_NOUN,
    GENERIC_WORDS,
    LEGAL_SUFFIXES,
    NOT_SHORT_NAME,
    PLACE_PREFIXES,
    UNIVERSITY_LIST_NOUN,
    clean_name,
    is_generic,
)
from kg.extract.names import NameSpan, find_names, left_extend, places_in_name, split_members
from kg.models import EntityMention

ORG = ("Enterprise", "University", "ResearchInstitute", "Hospital")
CHAIN_MEMBERS = ("Enterprise", "University", "ResearchInstitute", "Platform")
BUILD = (r"(?:牵头)?(?:合作|联合|共同)?(?:建设|建立|组建|创建|设立|成立|打造|培育|共建|筹建|搭建|建有|拥有|建成|设有|承建|"
         r"获批(?:建设|组建)?|新建)(?:了|的)?")
_GENERIC_SHORT = set(GENERIC_WORDS) | {
    "我市", "全市", "本市", "各县", "企业", "项目", "高校", "院校", "政府", "部门", "单位", "机构", "我们", "学校", "园区",
    "其他", "有关", "相关", "各类", "龙头", "骨干", "领军", "重点", "一批", "全省", "我省", "市县", "省市", "国家",
    "累计", "共", "先后", "当年", "全年", "目前", "今年", "去年", "其中", "同时", "此外",
}
_BAD_SHORT = re.compile(r"[\d%％]|^(?:第|各|本|该|其|这|那|一|二|三|四|五|六|七|八|九|十)|(?:年|月|日|项|家|个|亿|万)$")


@dataclass
class Mentioned:
    """A name placed in a sentence: its mention and its sentence offsets."""

    m: EntityMention
    start: int
    end: int


def core_name(name: str) -> str:
    """山西建邦集团铸造有限公司 -> 建邦集团铸造; 晋南钢铁集团 -> 晋南钢铁 (for short-name lookup)."""
    s = name
    for p in PLACE_PREFIXES:
        if s.startswith(p) and len(s) - len(p) >= 2:
            s = s[len(p) :]
            break
    for suf in LEGAL_SUFFIXES:
        if s.endswith(suf) and len(s) - len(suf) >= 2:
            s = s[: -len(suf)]
            break
    return s


class OrgRules:
    def __init__(self, ctx: DocContext, known: dict[str, str]) -> None:
        self.ctx = ctx
        self.known = known  # short or full name -> type, from every document's typed names
        self.last_subject: Mentioned | None = None
        self._nested_names: set[str] = set()

    # ------------------------------------------------------------------ helpers
    def emit(self, sent: Sentence, n: NameSpan, rule: str | None = None) -> Mentioned:
        ctx = self.ctx
        ev = ctx.ev(sent.para, sent.at(n.start), sent.at(n.end))
        scope = None
        if n.type == "Agency" and n.name[:1] in "市县区":
            scope = ctx.city
        m = ctx.entity(n.name, n.type, ev, subtype=n.subtype, rule=rule or n.rule, scope=scope)
        return Mentioned(m, n.start, n.end)

    def short_name(self, sent: Sentence, s: int, e: int, type_: str = "Enterprise", rule: str = "short_name",
                   require_known: bool = False) -> Mentioned | None:
        """An untyped name at sentence[s:e] (a trade name such as 华翔), typed by the rule."""
        raw = sent.text[s:e]
        ns = left_extend(sent.masked, e, s)
        name = clean_name(sent.text[ns:e])
        if not name or len(name) < 2 or len(name) > 12 or name in _GENERIC_SHORT or _BAD_SHORT.search(name):
            return None
        if NOT_SHORT_NAME.search(name) and name not in self.known:
            return None
        if is_generic(name) or any(name.endswith(w) for w in ("企业", "公司们", "产业", "行业", "领域", "技术")):
            return None
        if require_known and name not in self.known:
            return None
        type_ = self.known.get(name, type_) if self.known.get(name) in ORG + ("Platform", "Agency") else type_
        del raw
        ev = self.ctx.ev(sent.para, sent.at(ns), sent.at(e))
        return Mentioned(self.ctx.entity(name, type_, ev, rule=rule), ns, e)

    def members(self, sent: Sentence, s: int, e: int, names: list[NameSpan], default: str | None,
                rule: str) -> list[Mentioned]:
        """Every member of a list sentence[s:e] joined by 、 和 及 与: typed names as typed, others
        as `default` (None: skip them)."""
        out: list[Mentioned] = []
        for ms, me in split_members(sent.masked, s, e):
            inside = [n for n in names if n.start < me and n.end > ms and n.type not in ("City",)]
            if inside:
                out.extend(self.emit(sent, n) for n in inside)
                continue
            if default is None:
                continue
            cut = re.search(r"(?<![高中初同平均对相优])等", sent.text[ms:me])
            me2 = ms + cut.start() if cut and cut.start() > 0 else me
            got = self.short_name(sent, ms, me2, default, rule=rule)
            if got:
                out.append(got)
        return out

    # ------------------------------------------------------------------ sentence
    def sentence(self, sent: Sentence, program: EntityMention | None) -> None:
        ctx = self.ctx
        names = find_names(sent.masked)
        self._nested_names = {h.name for n in names for h in n.hosts}
        placed: list[Mentioned] = []
        for n in names:
            if n.type == "City" and n.name != ctx.city:
                continue
            if n.type == "City":
                continue  # the plan's own city is mentioned once, from the document
            mm = self.emit(sent, n)
            placed.append(mm)
            self._nested(sent, n, mm)
        self._located(sent, placed)
        lists = self._enterprise_lists(sent, names)
        awards = self._award_subjects(sent, names)
        hosts, built = self._hosts(sent, names)
        partners = self._collaborations(sent, names)
        self._leads(sent, names)
        everyone = placed + lists + awards + partners + built
        # IN_CHAIN: the actors a chain's text relies on (enterprises, universities, institutes, platforms)
        members = [mm for mm in everyone if mm.m.type in CHAIN_MEMBERS and mm.m.name not in self._nested_names]
        if ctx.chain is not None and ctx.chain.industry_mention.type == "IndustryChain":
            for mm in members:
                ctx.relation("IN_CHAIN", mm.m, ctx.chain.industry_mention, mm.m.evidence, rule="chain_section")
        else:
            chain = self._sentence_chain(sent)
            if chain is not None:
                for mm in members:
                    if mm.m.type in CHAIN_MEMBERS:
                        ctx.relation("IN_CHAIN", mm.m, chain, ctx.ev(sent.para, sent.at(mm.start), sent.at(mm.end)),
                                     rule="chain_sentence")
        if program is not None:
            host_names = {h.m.name for h in hosts}
            for mm in everyone:
                if mm.m.type in ORG + ("Platform",) and mm.m.name not in host_names:
                    ctx.relation("PART_OF_PROGRAM", mm.m, program, mm.m.evidence, rule="program_section")
        subj = next((mm for mm in everyone if mm.m.type in ORG and mm.start < 6), None)
        if subj is not None:
            self.last_subject = subj

    def _sentence_chain(self, sent: Sentence) -> EntityMention | None:
        """The one industry chain a sentence names (围绕氢能产业链,依托A、B…), if exactly one."""
        from kg.extract.chains import named_chains

        found = {ind: (s, e) for ind, _, s, e in named_chains(sent.masked)}
        if len(found) != 1:
            return None
        ind, (s, e) = next(iter(found.items()))
        ev = self.ctx.ev(sent.para, sent.at(s), sent.at(e))
        return self.ctx.entity(f"{ind}产业链", "IndustryChain", ev, rule="chain_named", city=None)

    def _nested(self, sent: Sentence, n: NameSpan, outer: Mentioned) -> None:
        """An organisation opening a longer name: 忻州师范学院…重点实验室 (HOSTS), 侯马经济开发区
        科技企业孵化器 (LOCATED_IN), 临汾经济开发区管委会 (the zone itself)."""
        ctx = self.ctx
        for h in n.hosts:
            if h.type == n.type or (h.type == "Hospital" and n.type == "Hospital"):
                continue
            inner = self.emit(sent, h, rule="nested_name")
            if n.type == "Platform" and h.type in ORG:
                ctx.relation("HOSTS", inner.m, outer.m, outer.m.evidence, rule="name_prefix")
            elif n.type in ("Platform", "Enterprise") and h.type == "Zone":
                ctx.relation("LOCATED_IN", outer.m, inner.m, outer.m.evidence, rule="name_prefix")

    def _located(self, sent: Sentence, placed: list[Mentioned]) -> None:
        """A county opening an organisation's name: 曲沃县晋之南食品有限公司 LOCATED_IN 曲沃县."""
        ctx = self.ctx
        for mm in placed:
            if mm.m.type not in ORG + ("Platform",):
                continue
            for place, ptype in places_in_name(mm.m.name):
                if ptype != "County" or not mm.m.name.startswith(place) or len(place) < 2:
                    continue
                ev = ctx.ev(sent.para, sent.at(mm.start), sent.at(mm.start + len(place)))
                county = ctx.entity(place, "County", ev, rule="name_prefix", city=COUNTY_CITY.get(place))
                ctx.relation("LOCATED_IN", mm.m, county, mm.m.evidence, rule="name_prefix")
        # 在霍州市师庄乡…建设Y
        for m in re.finditer(r"在(?P<place>[\u4e00-\u9fff]{2,4}[县区市])[\u4e00-\u9fff]{0,12}?(?:建设|建立|设立)", sent.text):
            place = m.group("place")
            if place not in COUNTY_CITY:
                continue
            ev = ctx.ev(sent.para, sent.at(m.start("place")), sent.at(m.end("place")))
            county = ctx.entity(place, "County", ev, rule="place_mention", city=COUNTY_CITY[place])
            for mm in placed:
                if mm.start > m.end() and mm.m.type == "Platform":
                    ctx.relation("LOCATED_IN", mm.m, county, ctx.ev(sent.para, sent.at(m.start()), sent.at(mm.end)),
                                 rule="located_build")

    def _enterprise_lists(self, sent: Sentence, names: list[NameSpan]) -> list[Mentioned]:
        """东鑫、春雷、建邦、飞虹微纳米、云鹏、戎子、市政等企业 / 依托大运汽车、永济电机等领军企业:
        every member is an enterprise (a typed member keeps its type)."""
        out: list[Mentioned] = []
        for m in re.finditer(r"等", sent.text):
            tail = sent.text[m.start() :]
            noun = ENTERPRISE_LIST_NOUN.match(tail)
            default = "Enterprise"
            if not noun:
                noun = UNIVERSITY_LIST_NOUN.match(tail)
                default = None  # 院校 lists: only typed members
                if not noun:
                    continue
            s = _list_start(sent, m.start())
            if m.start() - s < 2:
                continue
            out.extend(self.members(sent, s, m.start(), names, default, rule="enterprise_list"))
        # 以华翔、晋南钢铁等行业龙头企业为依托 is covered above; 飞虹微纳米、戎子酒庄、汤荣机械被认定为…企业
        return out

    def _award_subjects(self, sent: Sentence, names: list[NameSpan]) -> list[Mentioned]:
        """日祥荣获… / 山西风雷钻具、市气象局、戎子酒庄均获得…奖 / …被认定为…示范企业."""
        out: list[Mentioned] = []
        if not any(k in sent.text for k in ("获", "被认定", "被评", "入选", "被授予")):
            return out
        for m in re.finditer(r"(?:^|[,，;；])(?P<subj>[^,，;；。“”]{2,60}?)(?:均|先后|分别|已)?"
                             r"(?:荣获|获得|被认定为|被评为|入选|被授予|获评)(?P<obj>[^,，;；。]{0,40})", sent.text):
            obj = m.group("obj")
            if not re.search(r"奖|企业|称号|示范|冠军|单位", obj):
                continue
            out.extend(self.members(sent, m.start("subj"), m.end("subj"), names, "Enterprise", rule="award_subject"))
        return out

    def _hosts(self, sent: Sentence, names: list[NameSpan]) -> tuple[list[Mentioned], list[Mentioned]]:
        """依托X建设Y / X建设的Y / A与B合作建设Y / 支持X牵头组建Y / 以X为依托,培育Y (Y a named platform)."""
        ctx = self.ctx
        hosts: list[Mentioned] = []
        built: list[Mentioned] = []
        platforms = [n for n in names if n.type == "Platform"]
        last_builders: list = []
        last_end = -1
        for p in platforms:
            # 依托X建设A、B和C: a platform listed right after another shares its builders
            if last_builders and re.fullmatch(r"\s*(?:、|和|及|与|以及)\s*", sent.text[last_end : p.start]):
                pm = self.emit(sent, p)
                for b in last_builders:
                    ctx.relation("HOSTS", b.m, pm.m, ctx.ev(sent.para, sent.at(b.start), sent.at(p.end)), rule="host_build")
                last_end = p.end
                continue
            last_builders, last_end = [], p.end
            clause_start = max(sent.text.rfind(c, 0, p.start) for c in ",，;；:：") + 1
            clause_start = max([clause_start] + [q.end for q in platforms if q.end <= p.start])
            before = sent.text[clause_start : p.start]
            m = re.search(r"(?P<who>[^,，;；]{2,80}?)(?:为依托[,，]?\s*)?" + BUILD + r"\s*$", before)
            if not m and re.fullmatch(r"\s*(?:重点|积极|加快|着力)?" + BUILD + r"\s*", before):
                # 依托X,建设Y: the builder is in the clause before
                prev_start = max(sent.text.rfind(c, 0, clause_start - 1) for c in ",，;；:：") + 1
                prev = sent.text[prev_start : clause_start - 1]
                pm_ = re.match(r"^(?:依托|以|由)(?P<who>.{2,60}?)(?:为依托)?$", prev)
                if pm_:
                    m = pm_
                    clause_start = prev_start
            if not m:
                continue
            who_s, who_e = clause_start + m.start("who"), clause_start + m.end("who")
            who_text = sent.text[who_s:who_e]
            # 上海大学与山西中升钢铁有限公司合作建设: two builders (and a collaboration)
            lead = re.match(r"^(?:重点支持|支持|鼓励|推动|依托|以|由)", who_text)
            if lead:
                who_s += lead.end()
            builders = [n for n in names if n.start >= who_s and n.end <= who_e and n.type in ORG]
            if not builders:
                one = self._known_in(sent, who_s, who_e)
                builders = [one] if one else []
            if not builders:
                continue
            pm = self.emit(sent, p)
            ev = ctx.ev(sent.para, sent.at(who_s), sent.at(p.end))
            for b in builders:
                bm = b if isinstance(b, Mentioned) else self.emit(sent, b)
                ctx.relation("HOSTS", bm.m, pm.m, ev, rule="host_build")
                hosts.append(bm)
                last_builders.append(bm)
        # Y依托X建设 / Y由X牵头组建
        for p in platforms:
            m = re.match(r"^\s*(?:是|为|,|，)?(?:依托|由)(?P<who>[^,，;；。]{2,40}?)(?:牵头)?(?:建设|组建|设立|成立|共建|承建)",
                         sent.text[p.end :])
            if not m:
                continue
            ws, we = p.end + m.start("who"), p.end + m.end("who")
            builders = [n for n in names if n.start >= ws and n.end <= we and n.type in ORG]
            if not builders:
                continue
            pm = self.emit(sent, p)
            for b in builders:
                bm = self.emit(sent, b)
                ctx.relation("HOSTS", bm.m, pm.m, ctx.ev(sent.para, sent.at(p.start), sent.at(p.end + m.end())),
                             rule="host_by")
                hosts.append(bm)
        # 山西通才工贸有限公司建设的高强建材钢等中试基地 / 培育建设A、B等中试基地
        for m in re.finditer(r"(?P<list>[^,，;；。]{2,60}?)等(?P<mod>省级|市级|国家级|省级以上)?(?P<suf>中试基地|重点实验室|"
                             r"技术创新中心|工程技术研究中心|工程研究中心|企业技术中心|新型研发机构|产业技术创新战略联盟)", sent.text):
            s = m.start("list")
            seg = sent.text[s : m.end("list")]
            verbs = list(re.finditer(BUILD + r"|支持|推进|培育|加大", seg))
            who: list[Mentioned] = []
            if verbs:
                verb = verbs[-1]
                vs = s + verb.start()
                item_start = s + seg.rfind("、", 0, verb.start()) + 1
                whos = [n for n in names if n.end <= vs and n.start >= item_start and n.type in ORG]
                who = [self.emit(sent, n) for n in whos]
                s = s + verb.end()
            for ms, me in split_members(sent.text, s, m.end("list")):
                word = clean_name(sent.text[ms:me])
                word = re.sub(r"^(?:建设|培育|加大|支持|推进|加快)", "", word)
                if len(word) < 2 or len(word) > 16 or is_generic(word) or any(n.start <= ms and n.end >= me for n in names):
                    continue
                if re.search(r"(?:实验室|中心|基地|机构|联盟|平台|孵化器|空间)$", word):
                    continue
                name = word + m.group("suf")
                from kg.extract.lexicon import SUFFIX_INDEX

                t, st = SUFFIX_INDEX.get(m.group("suf"), ("Platform", None))
                ev = ctx.ev(sent.para, sent.at(ms), sent.at(m.end()))
                pm = ctx.entity(name, "Platform", ev, subtype=st, rule="platform_list", aliases=[clean_name(sent.text[ms:m.end()])])
                built.append(Mentioned(pm, ms, m.end()))
                for w in who:
                    ctx.relation("HOSTS", w.m, pm, ctx.ev(sent.para, sent.at(w.start), sent.at(m.end())), rule="host_build")
                    hosts.append(w)
        return hosts, built

    def _known_in(self, sent: Sentence, s: int, e: int) -> Mentioned | None:
        """A short name the corpus already knows (晋南钢铁) inside sentence[s:e]."""
        text = sent.text[s:e]
        best = None
        for name, type_ in self.known.items():
            if type_ in ORG and len(name) >= 2 and name in text:
                i = text.rindex(name)
                if best is None or len(name) > len(best[0]):
                    best = (name, i, type_)
        if best is None:
            return None
        name, i, type_ = best
        ev = self.ctx.ev(sent.para, sent.at(s + i), sent.at(s + i + len(name)))
        return Mentioned(self.ctx.entity(name, type_, ev, rule="known_name"), s + i, s + i + len(name))

    def _collaborations(self, sent: Sentence, names: list[NameSpan]) -> list[Mentioned]:
        """A与B、C合作/共建/联合…: A collaborates with every member. A clause opening with 与
        continues the last subject (…晋南钢铁与中国华能合作建设…；与大运集团、南京金龙公司进行氢能战略合作)."""
        ctx = self.ctx
        out: list[Mentioned] = []
        if "与" not in sent.text or not any(k in sent.text for k in ("合作", "共建", "联合")):
            return out
        for m in re.finditer(r"(?P<a>[^,，;；。]{0,40}?)与(?P<b>[^,，;；。与]{2,60})(?:合作|共建|联合)", sent.text):
            a_text_s, a_text_e = m.start("a"), m.end("a")
            b_s = m.start("b")
            cut = re.search(r"进行|开展|签订|建立|深化|加强|共同|联合|合作|的", m.group("b"))
            b_e = b_s + cut.start() if cut else m.end("b")
            if b_e - b_s < 2:
                continue
            a_names = [n for n in names if n.start >= a_text_s and n.end <= a_text_e and n.type in ORG]
            a: Mentioned | None = None
            carried = False
            if a_names:
                a = self.emit(sent, a_names[-1])
            elif sent.text[a_text_s:a_text_e].strip():
                a = self._known_in(sent, a_text_s, a_text_e) or self._adjacent_short(sent, a_text_s, a_text_e)
            elif self.last_subject is not None and self.last_subject.m.type in ORG:
                a, carried = self.last_subject, True
            if a is None:
                continue
            b_list = self.members(sent, b_s, b_e, names, None if carried else "Enterprise", rule="collab_partner")
            ev_start = b_s - 1 if carried else (a.start if a.start >= a_text_s else b_s - 1)
            ev = ctx.ev(sent.para, sent.at(ev_start), sent.at(m.end()))
            for b in b_list:
                if b.m.type in ORG + ("Platform",) and b.m.name != a.m.name:
                    ctx.relation("COLLABORATES_WITH", a.m, b.m, ev, rule="collab")
                    out.append(b)
            if not carried:
                out.append(a)
                self.last_subject = a
        return out

    def _adjacent_short(self, sent: Sentence, s: int, e: int) -> Mentioned | None:
        """The untyped name right before 与 (晋南钢铁与中国华能合作): only when the corpus knows it."""
        ns = left_extend(sent.masked, e, s)
        return self.short_name(sent, ns, e, "Enterprise", rule="collab_partner", require_known=True)

    def _leads(self, sent: Sentence, names: list[NameSpan]) -> None:
        """链主/龙头 of a chain."""
        if not any(k in sent.text for k in ("链主", "龙头", "领军")):
            return
        ctx = self.ctx
        patterns = [
            r"依托(?P<x>[^,，;；。]{2,60}?)作为(?P<c>[\u4e00-\u9fff]{2,14}?)产业链(?:的)?[“\"]?(?:链主|龙头)[”\"]?(?:企业)?",
            r"(?P<x>[^,，;；。]{2,40}?)(?:作为|是|为)(?P<c>[\u4e00-\u9fff]{2,14}?)产业链(?:的)?[“\"]?(?:链主|龙头|领军)[”\"]?企业",
            r"(?P<c>[\u4e00-\u9fff]{2,14}?)产业链[“\"]?链主[”\"]?(?:企业)?(?:为|是|:|：)(?P<x>[^,，;；。]{2,60})",
            r"以(?P<x>[^,，;；。]{2,40}?)为(?P<c>[\u4e00-\u9fff]{2,14}?)产业链[“\"]?(?:链主|龙头)[”\"]?",
        ]
        for pat in patterns:
            for m in re.finditer(pat, sent.text):
                self._lead(sent, names, m.start("x"), m.end("x"), m.group("c"), m.start(), m.end())
        if ctx.chain is not None and ctx.chain.industry_mention.type == "IndustryChain":
            chain_word = ctx.chain.industry_mention.name.removesuffix("产业链")
            for pat in (r"以(?P<x>[^,，;；。]{2,40}?)(?:等企业)?为(?:链主|龙头)",
                        r"(?:培育|支持|推动)(?P<x>[^,，;；。]{2,40}?)(?:成为|作为)(?:产业链)?[“\"]?(?:链主|龙头)[”\"]?",
                        r"(?:链主|龙头)企业(?P<x>[^,，;；。]{2,40}?)(?=[,，;；。]|$)",
                        r"(?P<x>[^,，;；。]{2,40}?)等[“\"]?(?:链主|龙头)[”\"]?企业"):
                for m in re.finditer(pat, sent.text):
                    xs = m.start("x")
                    lead = re.match(r"^(?:依托|支持|推动|发挥|以|培育|引导)", sent.text[xs : m.end("x")])
                    self._lead(sent, names, xs + (lead.end() if lead else 0), m.end("x"), chain_word, m.start(), m.end())
        for m in re.finditer(r"发挥(?P<x>[^,，;；。]{2,30}?)(?:等)?(?:的)?(?:龙头|链主)(?:企业)?(?:的)?(?:带动|引领|示范|支撑)?作用",
                             sent.text):
            c = None
            if ctx.chain is not None and ctx.chain.industry_mention.type == "IndustryChain":
                c = ctx.chain.industry_mention.name.removesuffix("产业链")
            else:
                cm = re.search(r"(?:形成|打造|发展|壮大)[^,，;；。]{0,20}?([\u4e00-\u9fff]{2,8}?)产业(?:链|体系|集群)", sent.text[m.end():])
                if cm:
                    c = re.sub(r"^(?:具有较强竞争力的|较强竞争力的|竞争力的|的)", "", cm.group(1))
            if c:
                self._lead(sent, names, m.start("x"), m.end("x"), c, m.start(), m.end())

    def _lead(self, sent: Sentence, names: list[NameSpan], xs: int, xe: int, chain_word: str, s: int, e: int) -> None:
        from kg.extract.chains import industry_of

        ctx = self.ctx
        industry = industry_of(chain_word)
        if not industry:
            return
        leaders = self.members(sent, xs, xe, names, "Enterprise", rule="chain_leader")
        leaders = [mm for mm in leaders if mm.m.type == "Enterprise"]
        if not leaders:
            return
        ev = ctx.ev(sent.para, sent.at(s), sent.at(e))
        chain = ctx.entity(f"{industry}产业链", "IndustryChain", ev, rule="chain_leader", city=None,
                           aliases=[f"{chain_word}产业链"] if chain_word != industry else [])
        for mm in leaders:
            ctx.relation("LEADS_CHAIN", mm.m, chain, ev, rule="chain_leader",
                         properties={"city": ctx.city} if ctx.city else {})
            ctx.relation("IN_CHAIN", mm.m, chain, ev, rule="chain_leader")
        city = ctx.city_entity()
        if city is not None:
            ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_leader")


def _list_start(sent: Sentence, end: int) -> int:
    """Start of the list that ends at `end` (before 等): back over names and 、 to a clause
    boundary or a lead-in verb."""
    text = sent.masked
    pos = end
    while pos > 0 and text[pos - 1] not in ",，;；:：。()（）“”《》":
        pos -= 1
    seg = text[pos:end]
    cut = 0
    for w in ("重点推进", "重点支持", "重点培育", "依托", "支持", "推进", "培育", "以", "在", "鼓励", "引导", "推动", "包括",
              "如", "即", "对", "由", "有", "和"):
        i = seg.find(w)
        if i >= 0 and i + len(w) > cut and (w not in ("和", "有") or "、" in seg[i:]):
            if w in ("和", "有"):
                continue
            cut = max(cut, i + len(w))
    return pos + cut
