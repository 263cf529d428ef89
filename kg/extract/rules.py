"""Sentence rules for actors and their relationships.

Each rule reads one set phrase of plan prose and yields mentions and relations with evidence:

- names with a type word (山西建邦集团铸造有限公司, 上海大学, 铁型材中试基地) wherever they occur — a
  platform only when it is named, not described (see `OrgRules.proper_platform`); central organs
  (国务院, 科技部) and the curation file's names (科大讯飞);
- lists of short names before 等…企业 (东鑫、春雷、建邦…等企业), lists typed by a category noun
  (A、B等新型研发机构, A和B两大园区, 等本地院校), award subjects (日祥荣获…);
- LEADS_CHAIN  依托X作为Y产业链“链主”企业 · X为Y产业链链主 · 发挥X龙头带动作用 (…Y产业)
- HOSTS        依托X建设Y · 依托A、B等平台,推进Y建设 · X建设的Y · A与B合作建设Y · 支持X牵头组建Y ·
               Y(X) · X<platform name> · 依托X…建设<place>研究中心 (X<place>研究中心)
- COLLABORATES_WITH  A与B、C合作/共建/联合/签署…协议 (a clause opening with 与 continues the subject
               of its sentence, else the city government speaks) · 对接A、B…合作
- IN_CHAIN     actors named in a chain's section, or in a sentence naming one of the plan's chains
               (decided in kg.extract.tidy)
- LOCATED_IN   曲沃县晋之南食品有限公司 (a county opening a name) · 在X县/在长治…建设Y
- PART_OF_PROGRAM  platforms and organisations singled out in a programme's section
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.context import DocContext, Sentence, SentenceMembers
from kg.extract.lexicon import (
    PROVINCE_HEADS,
    DESCRIPTIVE_SUFFIXES,
    NATIONAL_ACADEMIES,
    is_field,
    CENTRAL_AGENCIES,
    CITIES,
    COUNTY_CITY,
    short_place,
    short_province,
    LEAD_VERBS,
    ENTERPRISE_LIST_NOUN,
    GENERIC_WORDS,
    LEGAL_SUFFIXES,
    NOT_SHORT_NAME,
    COUNTY_RE,
    PLACE_PREFIXES,
    PROVINCES,
    SHANXI_COUNTY_CITY,
    SUFFIX_INDEX,
    SUFFIXES,
    UNIVERSITY_LIST_NOUN,
    clean_name,
    is_generic,
    norm_text,
    place_prefix,
    strip_places,
)
from kg.extract.names import NameSpan, find_names, left_extend, place_title, places_in_name, split_members
from kg.ingest.tables import is_county_table
from kg.models import EntityMention, Evidence

ORG = ("Enterprise", "University", "ResearchInstitute", "Hospital")
CHAIN_MEMBERS = ("Enterprise", "University", "ResearchInstitute", "Hospital", "Platform", "Zone")
BUILD = (r"(?:牵头)?(?:合作|联合|共同)?(?:建设|建立|组建|创建|争创|设立|成立|打造|培育|共建|筹建|搭建|建有|拥有|建成|设有|承建|"
         r"获批(?:建设|组建)?|新建)(?:了|的)?")
_GENERIC_SHORT = set(GENERIC_WORDS) | {
    "我市", "全市", "本市", "各县", "企业", "项目", "高校", "院校", "政府", "部门", "单位", "机构", "我们", "学校", "园区",
    "其他", "有关", "相关", "各类", "龙头", "骨干", "领军", "重点", "一批", "全省", "我省", "市县", "省市", "国家",
    "累计", "共", "先后", "当年", "全年", "目前", "今年", "去年", "其中", "同时", "此外",
}
_BAD_SHORT = re.compile(r"[\d%％]|^(?:第|各|本|该|其|这|那|一|二|三|四|五|六|七|八|九|十)|(?:年|月|日|项|家|个|亿|万)$")


_CENTRAL_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, CENTRAL_AGENCIES), key=len, reverse=True)) + r")(?![门署])")


# Category nouns after a list (A、B等新型研发机构; A和B两大园区): (regex, type, subtype, names without a type word get it)
CATEGORIES: list[tuple[str, str, str | None, bool]] = [
    (r"新型研发机构", "Platform", "NewRDInstitution", True),
    (r"双创平台|双创载体|创新创业载体|孵化载体|双创示范基地", "Platform", "Incubator", True),
    (r"园区|产业园区", "Zone", None, True),
    (r"创新平台|研发平台|科研平台|平台", "Platform", None, False),
    (r"本地院校|高等院校|职业院校|院校|高校|大学", "University", None, True),
    (r"科研院所|院所|科研机构|研究机构|院所组织", "ResearchInstitute", None, False),
]
_CATEGORY_RE = re.compile(
    r"(?:等(?P<q>[一二两三四五六七八九十百\d]+[家所个]|一批|一大批|上百家|多家)?|(?P<q2>两大|[三四五六七八九十]大))"
    r"(?P<mod>(?:各具特色的|具有特色的|本地|驻市|市属|省属|省级以上|省级|市级|国家级|新型|涉农|重点|骨干|知名|优质|特色|"
    r"国内外|国内|省内外|国外|域外|一流)*)(?P<cat>" + "|".join(rx for rx, _, _, _ in CATEGORIES) + r")"
)
# which suffix types a category overrules: 研究院 institute -> 新型研发机构 platform, 创新基地 platform -> 园区
RETYPABLE = {("ResearchInstitute", "Platform"), ("Platform", "Zone"), ("Zone", "Platform")}
# type words of platforms that plans also use to describe one (光伏电池检测设备实验室)
_PLACE_HEADS_2 = {p[:2] for p in PLACE_PREFIXES}
# a province (any, full or short), a ministry or a joint designation before the kind word: the body that
# designated the platform is part of its name (省级/市级 there only say a level: 砷化镓…省级工程技术研究中心)
_DESIGNATION_INSIDE = re.compile(
    "(?:" + "|".join(map(re.escape, PROVINCE_HEADS)) + r"|国家|(?<![县市区])省|自治区|省部共建|教育部|国家地方联合|国防)(?:重点实验室|工程|技术|企业|中试|协同创新)")
_SUFFIX_ALT = "(?:" + "|".join(re.escape(x) for x, _, _ in SUFFIXES if len(x) >= 2) + ")$"
_QUOTED_PART = re.compile(r"“[^”]+”")
_LEAD_IN = re.compile(r"^(?:" + "|".join(sorted(map(re.escape, set(LEAD_VERBS) | {"新建了", "建成了", "发起", "涌现出", "深化",
                                                                                  "继续深化", "加强", "持续"}),
                                                   key=len, reverse=True)) + r")*(?:了|出)?(?:与|和|及|同)?")
_NOT_MEMBER = re.compile(r"协会|学会|商会|联合会|组织|部门|政府|企业|公司|集团$|高校$|院校$|机构$|单位$|^[\d\s]+$")
_UNIVERSITY_END = re.compile(r"(?:大学|学院|学校|交大|师院|技校|职院|师大|工大|农大|医大|财大|科大|理工|学院\(筹\))$")


def _lead_len(item: str) -> int:
    m = _LEAD_IN.match(item)
    return m.end() if m else 0


def _in_brackets(text: str, pos: int, floor: int) -> bool:
    seg = text[floor:pos]
    return seg.count("(") > seg.count(")")


def _category_member_ok(name: str, type_: str) -> bool:
    if not name or len(name) < 2 or len(name) > 20 or is_generic(name) or _NOT_MEMBER.search(name):
        return False
    if re.match(r"(?:一批|一个|一些|各类|若干|多个|部分|其他|相关)", name):
        return False
    if "的" in name or re.search(r"化$", name):
        return False  # 开放式的众创空间, 便利化: descriptions
    sm = re.search(_SUFFIX_ALT, name)
    if sm and not _QUOTED_PART.search(name) and is_generic(name[: sm.start()]):
        return False  # a type word the name finder did not accept as a name (联合实验室, 众创空间)
    if type_ in ("Platform", "Zone") and len(re.sub(r"[^\u4e00-\u9fff]", "", name)) < 4 and not re.search(r"[A-Za-z0-9]", name):
        return False
    if not re.search(r"[\u4e00-\u9fff]{2}", name):
        return False
    if type_ == "University":
        return bool(_UNIVERSITY_END.search(name))
    return True


# the opening of a notice's addressee line (各县（市、区）人民政府，…管委会，…：)
_ADDRESSEES = re.compile(r"^各[^。:：]{0,20}?(?:人民政府|政府)[,，]")
# a zone kind the city's own zone is addressed by (经济技术开发区, 高新区, 城乡一体化示范区)
_BARE_ZONE = re.compile(r"(?:经济技术|经济|高新技术产业|高新技术|高新|经开|综合保税|综保|城乡一体化示范|产业集聚)?"
                        r"(?:开发区|区|示范区)")


@dataclass
class Mentioned:
    """A name placed in a sentence: its mention and its sentence offsets."""

    m: EntityMention
    start: int
    end: int


def core_name(name: str) -> str:
    """山西建邦集团铸造有限公司 -> 建邦集团铸造; 晋南钢铁集团 -> 晋南钢铁 (for short-name lookup)."""
    s = name
    p = place_prefix(s, min_rest=2)
    if p:
        s = s[len(p) :]
    for suf in LEGAL_SUFFIXES:
        if s.endswith(suf) and len(s) - len(suf) >= 2:
            s = s[: -len(suf)]
            break
    return s


class OrgRules:
    def __init__(self, ctx: DocContext, known: dict[str, str], gazetteer: dict[str, str] | None = None) -> None:
        self.ctx = ctx
        self.known = known  # short or full name -> type, from every document's typed names
        self.gazetteer = {n: t for n, t in (gazetteer or {}).items() if len(n) >= 2}
        self._gazetteer_re = re.compile("|".join(sorted(map(re.escape, self.gazetteer), key=len, reverse=True))) \
            if self.gazetteer else None
        self.last_subject: Mentioned | None = None
        # the platform an item's run-in title names ((一)大同氢能产业研究院。), or its sentence and name
        self._title: Mentioned | tuple[Sentence, NameSpan] | None = None
        self._nested_spans: set[tuple[int, int]] = set()
        self._named_built: list[Mentioned] = []  # platforms named after their host, found by _host_named

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
        ns = left_extend(sent.masked, e, s)
        name = clean_name(sent.text[ns:e])
        if not self.plausible_short(name) or require_known and name not in self.known:
            return None
        type_ = self.known.get(name, type_) if self.known.get(name) in ORG + ("Platform", "Agency") else type_
        ev = self.ctx.ev(sent.para, sent.at(ns), sent.at(e))
        return Mentioned(self.ctx.entity(name, type_, ev, rule=rule), ns, e)

    def plausible_short(self, name: str) -> bool:
        """Could `name` be an organisation's trade name (华翔, 中联重科), not a word of the plan's prose?"""
        if not name or len(name) < 2 or len(name) > 12 or name in _GENERIC_SHORT or _BAD_SHORT.search(name) \
                or name.count("(") != name.count(")") or name[0] in ")）":
            return False
        if NOT_SHORT_NAME.search(name) and name not in self.known:
            return False
        return not (is_generic(name) or name.endswith(("企业", "公司们", "产业", "行业", "领域", "技术")))

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
            got = self.short_name(sent, ms, _before_etc(sent.text, ms, me), default, rule=rule)
            if got:
                out.append(got)
        return out

    # ------------------------------------------------------------------ sentence
    def sentence(self, sent: Sentence, program: EntityMention | None, opening: EntityMention | None = None,
                 running: tuple[EntityMention, int, int] | None = None) -> None:
        ctx = self.ctx
        names = find_names(sent.masked)
        names = [n for n in names if n.name not in self._vetoed_names(sent)]
        self._nested_spans = {(h.start, h.end) for n in names for h in n.hosts}
        placed: list[Mentioned] = []
        # 市委组织部(市委人才办), 市科技局(市知识产权局): one body under two names
        same_body = {b.start: a for a, b in zip(names, names[1:]) if a.type == b.type == "Agency"
                     and sent.masked[a.end : b.start] == "(" and sent.masked[b.end : b.end + 1] == ")"}
        built_at = self._built_at_place(sent, names)
        for n in names:
            if n.type == "City":
                continue  # the plan's own city is mentioned once, from the document
            if n.start in same_body:
                a = same_body[n.start]
                ctx.entity(a.name, "Agency", ctx.ev(sent.para, sent.at(a.start), sent.at(n.end + 1)), aliases=[n.name],
                           rule="bracketed_name", scope=ctx.city if a.name[:1] in "市县区" else None)
                continue
            if n.type == "Platform" and not self.proper_platform(n) and n.start not in built_at:
                continue  # 光伏电池检测设备实验室: a description; only a rule naming its host or place keeps it
            mm = self.emit(sent, n)
            placed.append(mm)
            for pl in built_at.get(n.start, []):  # 在南康区建设家具新材料中试基地: the place names it
                pev = ctx.ev(sent.para, sent.at(max(pl.start - 1, 0)), sent.at(n.end))
                plm = self.emit(sent, pl).m
                ctx.relation("LOCATED_IN", mm.m, plm, pev, rule="built_at_place")
            self._nested(sent, n, mm)
            if n.type == "Platform" and not n.hosts:
                self._named_after_short(sent, n, mm)
        placed.extend(self._central_agencies(sent, names))
        gazetteered = self._gazetteer_names(sent, names)  # 兰花科创 (declared), 科大讯飞 (curated)
        placed.extend(gazetteered)
        placed.extend(self._distributed_zones(sent))
        placed.extend(self._addressed_zones(sent, names))
        if self._rd_institution_text(sent):
            for mm in placed:
                # (an academy's institute, 中国科学院大连化学物理研究所, 河南省科学院…, is a partner, not a new institution)
                if mm.m.type == "ResearchInstitute" and mm.m.name.endswith(("研究院", "研究所")) \
                        and not mm.m.name.startswith(NATIONAL_ACADEMIES) and not re.search(r"科学院|研究总院|研究设计院", mm.m.name):
                    ctx.notes.category_types.setdefault(mm.m.name, ("Platform", "NewRDInstitution"))
        self._located(sent, placed)
        # 盐化工中试基地（舞阳县）: a platform the plan places is a named one, like a built one
        placed_names = {mm.m.name for mm in placed}
        placed.extend(mm for mm in self._situated(sent, names) if mm.m.name not in placed_names)
        cats = self._category_lists(sent, names)
        lists = self._enterprise_lists(sent, names)
        awards = self._award_subjects(sent, names)
        hosts, built = self._hosts(sent, names, cats + gazetteered)
        hosts += self._title_hosts(sent, names, placed, cats + gazetteered)
        partners = self._collaborations(sent, names, cats + gazetteered)
        self._leads(sent, names)
        everyone = placed + cats + lists + awards + partners + built + [h for h in hosts if h.start >= 0]
        # IN_CHAIN: the actors a chain's text relies on (enterprises, universities, institutes, platforms, zones)
        members = [mm for mm in everyone if mm.m.type in CHAIN_MEMBERS and (mm.start, mm.end) not in self._nested_spans]
        if ctx.chain is not None and ctx.chain.industry_mention.type == "IndustryChain":
            for mm in members:
                for chain in (ctx.chain.industry_mention, *ctx.chain.also):
                    ctx.relation("IN_CHAIN", mm.m, chain, mm.m.evidence, rule="chain_section")
        elif members:
            # decided when the plan's chains are known (kg.extract.tidy)
            from kg.extract.chains import industry_words

            words = industry_words(sent.masked)
            if words:
                ctx.notes.sentences.append(SentenceMembers(
                    [(mm.m, ctx.ev(sent.para, sent.at(mm.start), sent.at(mm.end))) for mm in members], words))
        if program is not None:
            host_names = {h.m.name for h in hosts}
            for mm in everyone:
                if mm.m.type in ORG + ("Platform",) and mm.m.name not in host_names:
                    ctx.relation("PART_OF_PROGRAM", mm.m, program, mm.m.evidence, rule="program_section")
        elif opening is not None:  # the programme the section opens with: its platforms are part of it
            for mm in everyone:
                if mm.m.type == "Platform" and mm.m.name != opening.name:
                    ctx.relation("PART_OF_PROGRAM", mm.m, opening, mm.m.evidence, rule="program_opening")
        elif running is not None:
            # 实施P，支持A、B… / 依托A、B，实施P: the organisations the sentence names for the programme it runs
            run, rs, re_ = running
            host_names = {h.m.name for h in hosts}
            for mm in everyone:
                # 依托A、B，实施P / 在A、B开展P试点 / 支持A、B开展P: the sites and takers named before the verb
                clause = sent.masked[_clause_start(sent.masked, mm.start):]
                before = mm.end <= rs and (re.match(r"依托|以", clause)
                                           or run.name.endswith("试点") and re.match(r"(?:在|支持|鼓励|推动)", clause))
                if mm.m.type in ORG + ("Platform",) and (mm.start >= re_ or before) and mm.m.name not in host_names:
                    ctx.relation("PART_OF_PROGRAM", mm.m, run, mm.m.evidence, rule="program_run_members")
        subj = next((mm for mm in everyone if mm.m.type in ORG and 0 <= mm.start < 6
                     and not re.search(r"(?:与|同|和|联合|对接|深化与)$", sent.text[: mm.start])), None)
        if subj is not None:
            self.last_subject = subj

    # ------------------------------------------------------------------ platforms
    def _title_hosts(self, sent: Sentence, names: list[NameSpan], placed: list[Mentioned],
                     extra: list[Mentioned]) -> list[Mentioned]:
        """(一)大同氢能产业研究院。由市政府与中国科学院大连化学物理研究所、清华大学合作共建，…: an item titled
        with one platform, whose next sentence says who builds it without naming it again."""
        t = _TITLE_ITEM.match(sent.text) if sent.start == 0 else None
        if t:  # the title: a heading of its own, or the first sentence of the item's paragraph
            whole = [mm for mm in placed if mm.start == t.start("name") and mm.end == t.end("name")
                     and mm.m.type in ("Platform", "ResearchInstitute")]
            # a described platform (云母新材料技术创新中心) is named by the title too, once builders follow
            named = [n for n in names if n.start == t.start("name") and n.end == t.end("name")
                     and n.type in ("Platform", "ResearchInstitute")]
            self._title = whole[0] if whole else (sent, named[0]) if named else None
            return []
        title = self._title
        self._title = None  # only the sentence right after the title
        m = _TITLE_BUILDERS.match(sent.text)
        if title is None or m is None:
            return []
        if isinstance(title, tuple):
            title = self.emit(*title)
        # 由正清制药牵头，联合…: a trade name in the slot
        builders = [b if isinstance(b, Mentioned) else self.emit(sent, b)
                    for b in self._slot_orgs(sent, m.start("who"), m.end("who"), names, extra, short=bool(m.group("lead")))]
        if m.group("partners"):
            ps = m.start("partners")
            builders += [self.emit(sent, n) for n in names if n.start >= ps and n.end <= m.end("partners") and n.type in ORG]
        ctx = self.ctx
        ev = ctx.ev(sent.para, sent.at(0), sent.at(m.end()))
        for b in builders:
            if b.m.name != title.m.name:
                ctx.relation("HOSTS", b.m, title.m, ev, rule="host_title")
        if builders and title.m.type == "ResearchInstitute":
            ctx.notes.category_types.setdefault(title.m.name, ("Platform", "NewRDInstitution"))  # a built institute
        return builders

    def proper_platform(self, n: NameSpan) -> bool:
        """A platform's name, not a description of one: named for a place (山西省…工程研究中心,
        …育种山西省重点实验室), an organisation (长治学院产教融合创新基地, 清华企业技术中心) or
        quoted; or of a kind that is always named (孵化器, 众创空间, 联盟, 产业研究院). A description
        (光伏电池检测设备实验室, 国家级光伏工程技术研究中心) is kept only where its host is named."""
        name = n.name
        if n.rule == "quoted_name" or n.hosts or not name.endswith(DESCRIPTIVE_SUFFIXES):
            return True
        body = re.sub(r"^(?:国家级|省级以上|省级|市级|县级)", "", name)
        if body != name:
            return place_prefix(body, min_rest=0) is not None and not body.startswith("国家")
        if place_prefix(name, min_rest=0) and not re.match(r"国家(?:级|认可|重点)", name):
            return True
        if _DESIGNATION_INSIDE.search(name):
            return True  # …育种山西省重点实验室, 低温装备省重点实验室, …省部共建重点实验室: a designation names it
        return self._opens_with_known_org(name)

    def _opens_with_known_org(self, name: str) -> bool:
        """清华企业技术中心: opens with the first characters of an organisation the corpus names."""
        head = name[:2]
        if head in _PLACE_HEADS_2 or is_generic(head):
            return False
        return any(k.startswith(head) and t in ORG and k != name for k, t in self.known.items())

    def _vetoed_names(self, sent: Sentence) -> set[str]:
        """Members of a list of kinds the ontology does not hold (市委党校、行政学院等培训机构)."""
        out: set[str] = set()
        for m in re.finditer(r"等(?:培训机构|社会组织|中介机构|金融机构)", sent.masked):
            s = _list_start(sent, m.start())
            for ms, me in split_members(sent.masked, s, m.start()):
                out.add(clean_name(sent.masked[ms:me]))
        return out

    def _category_lists(self, sent: Sentence, names: list[NameSpan]) -> list[Mentioned]:
        """A、B、C等新型研发机构 / A和B两大园区 / A、B等本地院校: the category noun types every member
        (a 研究院 listed as a 新型研发机构 is a platform; a name without a type word gets the
        category's type)."""
        ctx = self.ctx
        out: list[Mentioned] = []
        for m in _CATEGORY_RE.finditer(sent.masked):
            cat = m.group("cat")
            type_, subtype, default = next((t, st, d) for rx, t, st, d in CATEGORIES if re.fullmatch(rx, cat))
            end = m.start()
            s = _list_start(sent, end)
            items = split_members(sent.masked, s, end)
            if len(items) < 2 and not m.group("q2"):
                # one name before 等…: 依托山西省光伏电池工程技术研究中心等平台 types nothing new
                if not items:
                    continue
            for k, (ms, me) in enumerate(items):
                if k == 0:
                    ms += _lead_len(sent.masked[ms:me])
                inside = [n for n in names if n.start >= ms and n.end <= me and n.type not in ("City", "County")
                          and not _in_brackets(sent.masked, n.start, ms)]
                if inside:
                    for n in inside:
                        # 等创新平台 makes a 研究院 a platform (a 研究所 or 科学院 stays an institute);
                        # 等新型研发机构 makes any institute one
                        plain_platform = type_ == "Platform" and subtype is None
                        if n.type != type_ and (n.type, type_) in RETYPABLE and not (
                                plain_platform and not re.search(r"(?<!科学)研究院$", n.name)):
                            ctx.notes.category_types.setdefault(n.name, (type_, subtype))
                        if n.type == "Platform" and not self.proper_platform(n) and type_ != "Platform":
                            continue
                        out.append(self.emit(sent, n, rule="category_list"))
                    continue
                if not default:
                    continue
                if sent.text[ms:me].count("“") > sent.text[ms:me].count("”") and sent.text[me : me + 1] == "”":
                    me += 1  # 唯美诺“军民融合双创产业园”: the closing quote is part of the name
                name = clean_name(sent.text[ms:me])
                if not _category_member_ok(name, type_):
                    continue
                ev = ctx.ev(sent.para, sent.at(ms), sent.at(me))
                mm = ctx.entity(name, type_, ev, subtype=subtype, rule="category_list")
                ctx.notes.category_types.setdefault(name, (type_, subtype))
                out.append(Mentioned(mm, ms, me))
        return out

    def _gazetteer_names(self, sent: Sentence, names: list[NameSpan]) -> list[Mentioned]:
        """Names the curation file lists (科大讯飞), the plan declares (兰花科创) or uses as an
        enterprise's short form (金力永磁), where the text gives no type word."""
        out: list[Mentioned] = []
        if self._gazetteer_re is None:
            return out
        for m in self._gazetteer_re.finditer(sent.masked):
            if any(n.start < m.end() and m.start() < n.end for n in names):
                continue
            ev = self.ctx.ev(sent.para, sent.at(m.start()), sent.at(m.end()))
            mm = self.ctx.entity(m.group(0), self.gazetteer[m.group(0)], ev, rule="curated_name")
            out.append(Mentioned(mm, m.start(), m.end()))
        return out

    def _central_agencies(self, sent: Sentence, names: list[NameSpan]) -> list[Mentioned]:
        """国务院, 科技部, 中共中央: organs of the state named without a place (gazetteer)."""
        out: list[Mentioned] = []
        for m in _CENTRAL_RE.finditer(sent.masked):
            if any(n.start < m.end() and m.start() < n.end for n in names):
                continue
            ev = self.ctx.ev(sent.para, sent.at(m.start()), sent.at(m.end()))
            out.append(Mentioned(self.ctx.entity(m.group(0), "Agency", ev, rule="central_agency"), m.start(), m.end()))
        return out

    def _nested(self, sent: Sentence, n: NameSpan, outer: Mentioned) -> None:
        """An organisation opening a longer name: 忻州师范学院…重点实验室 (HOSTS), 侯马经济开发区
        科技企业孵化器 (LOCATED_IN and HOSTS), 临汾经济开发区管委会 (the zone itself); 长江大学科技园
        is its university's."""
        ctx = self.ctx
        if n.type == "Platform" and n.name.endswith("大学科技园") and not n.hosts and len(n.name) >= 7:
            uni = ctx.entity(n.name[:-3], "University", ctx.ev(sent.para, sent.at(n.start), sent.at(n.end - 3)),
                             rule="nested_name")
            ctx.relation("HOSTS", uni, outer.m, outer.m.evidence, rule="name_prefix")
        for h in n.hosts:
            if h.type == n.type or (h.type == "Hospital" and n.type == "Hospital"):
                continue
            inner = self.emit(sent, h, rule="nested_name")
            if n.type == "Platform" and h.type in ORG:
                ctx.relation("HOSTS", inner.m, outer.m, outer.m.evidence, rule="name_prefix")
            elif n.type == "ResearchInstitute" and h.type in ORG:
                # 新余学院新能源研究院: its college's, should the plan list it as a 新型研发机构 (a platform)
                ctx.notes.nested_hosts.append((inner.m, outer.m))
            elif n.type in ("Platform", "Enterprise") and h.type == "Zone":
                ctx.relation("LOCATED_IN", outer.m, inner.m, outer.m.evidence, rule="name_prefix")
                if n.type == "Platform":  # 侯马经济开发区科技企业孵化器: the zone's own platform, run by it
                    ctx.relation("HOSTS", inner.m, outer.m, outer.m.evidence, rule="name_prefix")

    def _built_at_place(self, sent: Sentence, names: list[NameSpan]) -> dict[int, list[NameSpan]]:
        """Platforms built at named counties or zones (在赣州经开区建设新能源汽车及动力电池中试基地 / 在礼泉县、
        旬邑县建设苹果产业科技示范基地 / 长武县、旬邑县共同建设…服务站): platform start -> the places."""
        out: dict[int, list[NameSpan]] = {}
        places = [n for n in names if n.type in ("County", "Zone") or n.type == "City" and n.name == self.ctx.city]
        for n in names:
            if n.type not in ("Platform", "Zone"):
                continue
            w0 = max(0, n.start - 50)
            # a park is built in a zone or county also where that place builds it (支持三山经济开发区建设…产业园)
            # (a clause opening with the places: after a comma, or at the sentence's start, not the window's)
            lead = ("(?:在|(?<=[,，;；:：])" + ("|^)" if w0 == 0 else ")")) if n.type == "Platform" else "(?:在|支持|推动|鼓励)"
            m = re.search(lead + r"(?P<p>(?:(?!支持|推动|鼓励)[^,，;；。在]){2,40}?)(?:共同|分别)?(?:布局|规划)?(?:建设|设立|建立|新建|组建)$",
                          sent.text[w0 : n.start])
            if not m:
                continue
            ps, pe = w0 + m.start("p"), w0 + m.end("p")
            members = [p for p in places if ps <= p.start and p.end <= pe]
            # the place (or a 、-list of places) fills the whole span between the lead and the verb
            covered = "".join(sent.text[p.start : p.end] for p in members)
            if members and len(covered) + len(members) - 1 == pe - ps and all(
                    sent.text[a.end : b.start] in ("、", "和") for a, b in zip(members, members[1:])) \
                    and (n.type == "Zone" or m.group(0).startswith("在") or all(p.type == "County" for p in members)):
                out[n.start] = members
        return out

    def _named_after_short(self, sent: Sentence, n: NameSpan, pm: Mentioned) -> None:
        """长虹国家级企业技术中心: a platform named with an organisation's declared or curated short name
        (四川长虹电子控股集团有限公司(以下简称长虹)) is that organisation's."""
        short = next((k for k in sorted(self.gazetteer, key=len, reverse=True)
                      if self.gazetteer[k] in ORG and n.name.startswith(k) and len(n.name) - len(k) >= 3), None)
        if short is None:
            return
        ev = self.ctx.ev(sent.para, sent.at(n.start), sent.at(n.start + len(short)))
        org = self.ctx.entity(short, self.gazetteer[short], ev, rule="declared_short")
        self.ctx.relation("HOSTS", org, pm.m, pm.m.evidence, rule="name_prefix")

    def _located(self, sent: Sentence, placed: list[Mentioned]) -> None:
        """A county opening an organisation's name: 曲沃县晋之南食品有限公司 LOCATED_IN 曲沃县."""
        ctx = self.ctx
        for mm in placed:
            if mm.m.type not in ORG + ("Platform", "Zone"):
                continue
            for place, ptype in places_in_name(mm.m.name):
                if ptype != "County" or not mm.m.name.startswith(place) or len(place) < 2:
                    continue  # a full county name (尧都区…); a short one (盐湖高新区) may be the city's (长治高新区)
                ev = ctx.ev(sent.para, sent.at(mm.start), sent.at(mm.start + len(place)))
                county = ctx.entity(place, "County", ev, rule="name_prefix", city=COUNTY_CITY.get(place))
                ctx.relation("LOCATED_IN", mm.m, county, mm.m.evidence, rule="name_prefix")
        # 南陵县依托南陵经济开发区… / （3）南溪区：依托南溪经济开发区…: the zone a county builds on is in it
        counties = [n for n in find_names(sent.masked) if n.type == "County"]
        if sent.start == 0 and sent.para.section_path:
            title = find_names(re.sub(r"[。:：\s]+$", "", norm_text(sent.para.section_path[-1])))
            if place_title(sent.para.section_path) and len(title) == 1 and title[0].type == "County":
                counties.append(NameSpan(-len(title[0].name), 0, title[0].name, "County"))
        for c in counties:
            lead = re.match(r"[:：]?\s*(?:要|应)?(?:依托|以)", sent.masked[max(c.end, 0):])
            if not lead:
                continue
            zone = next((mm for mm in placed if mm.m.type == "Zone" and mm.start == max(c.end, 0) + lead.end()), None)
            if zone is not None:
                cev = ctx.ev(sent.para, sent.at(max(c.start, 0)), sent.at(zone.end))
                cm = ctx.entity(c.name, "County", cev, rule="county_builds_on", city=COUNTY_CITY.get(c.name))
                ctx.relation("LOCATED_IN", zone.m, cm, cev, rule="county_builds_on")
        # 泗洪县建设双沟生态酿酒产业园 / 推进柯城区建设Y / 沭阳县在沭阳经开区布局…: what a county builds (or
        # builds in) lies in it
        for c in counties:
            if c.start < 0 or COUNTY_CITY.get(c.name) != ctx.city:
                continue
            vm = re.match(r"(?:要|将|还)?(?:重点|加快|积极|大力|着力)?(?:推进|推动)?(?:建设|打造|布局|建成|创建|规划建设)"
                          r"|在(?=[^,，;；。]{2,30}?(?:布局|建设|发展))", sent.masked[c.end :])
            if not vm:
                continue
            at = c.end + vm.end()
            obj = next((mm for mm in placed if mm.m.type in ("Zone", "Platform") and mm.start == at), None)
            if obj is None:
                continue
            cev = ctx.ev(sent.para, sent.at(c.start), sent.at(obj.end))
            cm = ctx.entity(c.name, "County", cev, rule="county_builds", city=COUNTY_CITY.get(c.name))
            ctx.relation("LOCATED_IN", obj.m, cm, cev, rule="county_builds")
        # 在霍州市师庄乡…建设Y / 在长治建设氢能与燃料电池研究院
        for m in re.finditer(r"在(?P<place>[\u4e00-\u9fff]{2,4}?)(?:[\u4e00-\u9fff]{0,12}?)(?:建设|建立|设立)", sent.text):
            at = m.start("place")
            place, ptype = _place_named(sent.text[at : at + 8])  # 在栾川县建设: the longest place there
            if place is None:
                continue
            printed = place if sent.text.startswith(place, at) else place[:-1]  # 在长治建设: the short form
            ev = ctx.ev(sent.para, sent.at(at), sent.at(at + len(printed)))
            if ptype == "City":
                if place != ctx.city:
                    continue
                county = ctx.city_entity()
            else:
                county = ctx.entity(place, "County", ev, rule="place_mention", city=COUNTY_CITY[place])
            clause_end = _clause_end(sent.text, m.end())  # 在A区建设X，在B区建设Y: X in A only
            for mm in placed:
                # a zone only as what is built there (在旌阳区建设科技服务业集聚区), not one named later in the sentence
                if m.end() <= mm.start < clause_end and (mm.m.type in ORG + ("Platform",) or mm.m.type == "Zone" and mm.start == m.end()):
                    ctx.relation("LOCATED_IN", mm.m, county, ctx.ev(sent.para, sent.at(m.start()), sent.at(mm.end)),
                                 rule="located_build")

    def table(self, table) -> list[tuple[EntityMention, Evidence]]:
        """平台类型 | 建设内容 | 依托单位: each row names a platform and the organisations that build it.
        Returns the rows' platforms (with their evidence)."""
        roles = list(table.columns)
        self._county_table(table)
        platforms: list[tuple[EntityMention, Evidence]] = []
        if "host" not in roles or not ({"platform", "name"} & set(roles)):
            return platforms
        ctx = self.ctx
        pcol = roles.index("platform") if "platform" in roles else roles.index("name")
        hcol = roles.index("host")
        for row in table.rows:
            cells = list(row.cells)
            if max(pcol, hcol) >= len(cells) or not cells[pcol].strip():
                continue
            cell = re.sub(r"[(（][^()（）]{1,6}[)）]$", "", norm_text(cells[pcol]).strip())  # （提升）: a note
            found = [n for n in find_names(cell) if n.end >= len(cell) - 1 and (
                n.type == "Platform" or n.type == "ResearchInstitute" and n.start == 0 and cell.endswith("研究院"))]
            if not found:
                continue
            # a platform table's 研究院 (常德智能制造研究院) is a new R&D institution the plan builds
            subtype = found[-1].subtype if found[-1].type == "Platform" else "NewRDInstitution"
            pname = found[-1].name if found[-1].start <= 2 else clean_name(cell)
            pev = ctx.line_ev(row.line, cells[pcol].strip())
            pm = ctx.entity(pname, "Platform", pev, subtype=subtype, rule="platform_table")
            platforms.append((pm, pev))
            hev = ctx.line_ev(row.line, cells[hcol].strip())
            for hm in self._host_cell(norm_text(cells[hcol]), hev):
                ctx.relation("HOSTS", hm, pm, hev, rule="platform_table")
            if "site" in roles and roles.index("site") < len(cells):  # 所在地: where the platform is
                site = cells[roles.index("site")].strip()
                sev = ctx.line_ev(row.line, site)
                for piece in re.split(r"[、，,;；]", norm_text(site)):  # (not 和: 和县 is a county)
                    zones = [n for n in find_names(piece) if n.type == "Zone"]
                    name, ptype = (zones[0].name, "Zone") if zones else _place_named(piece.strip())
                    if name is None or ptype == "City" and name != ctx.city:
                        continue
                    place = ctx.city_entity(sev) if ptype == "City" else ctx.entity(
                        name, ptype, sev, rule="platform_table", city=COUNTY_CITY.get(name))
                    if place is not None:
                        ctx.relation("LOCATED_IN", pm, place, sev, rule="platform_table_site")
        return platforms

    def _host_cell(self, cell: str, ev: Evidence) -> list[EntityMention]:
        """The organisations of a table's 依托单位 cell: typed names, the city government (市政府), and
        trade names (中联重科, 新合新): the column says they are organisations, so no suffix is needed."""
        ctx = self.ctx
        hosts = [n for n in find_names(cell) if n.type in ORG + ("Zone",)]
        out = [ctx.entity(h.name, h.type, ev, rule="platform_table") for h in hosts]
        for piece in re.split(r"[、，,;；和及]", cell):
            piece = re.sub(r"(?:牵头|参与|等|相关企业|共建)+$", "", piece.strip())
            if not piece or any(h.name == piece or piece in h.name for h in hosts):
                continue
            known = self.known.get(piece) or self.gazetteer.get(piece)  # 派瑞氢能: a declared short name
            if known in ORG:
                out.append(ctx.entity(piece, known, ev, rule="known_name"))
            elif re.fullmatch(r"(?:[\u4e00-\u9fff]{2,3}市)?(?:市|人民)?政府|市人民政府", piece):
                out.append(ctx.city_government(ev, piece == "市政府"))
            elif _place_named(piece)[0] is None and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", piece) \
                    and self.plausible_short(piece) and not re.search(r"(?:管委会|政府|局|委|办|会)$", piece):
                out.append(ctx.entity(piece, "Enterprise", ev, rule="host_cell_short"))
        return out

    def _county_table(self, table) -> None:
        """县（市、区） | 重点产业 | 创新载体: the zones of a county's row are in that county."""
        if not is_county_table(table):
            return
        ctx = self.ctx
        for row in table.rows:
            cells = [norm_text(c) for c in row.cells]
            if len(cells) < 2:
                continue
            county, ptype = _place_named(cells[0].strip())
            if county is None or ptype != "County":
                continue
            cev = ctx.line_ev(row.line, row.cells[0].strip())
            cm = ctx.entity(county, "County", cev, rule="county_table", city=COUNTY_CITY.get(county))
            line = ctx.doc.lines[row.line - 1]
            for cell in cells[1:]:
                for z in find_names(cell):
                    if z.type != "Zone":
                        continue
                    zev = ctx.line_ev(row.line, z.name if z.name in line else None)
                    zm = ctx.entity(z.name, "Zone", zev, rule="county_table")
                    ctx.relation("LOCATED_IN", zm, cm, zev, rule="county_table")

    def _situated(self, sent: Sentence, names: list[NameSpan]) -> list[Mentioned]:
        """高平经济技术开发区位于高平市 / 泽州经济技术开发区（位于泽州县） / 位于孝义市的孝义经济开发区 /
        …开发区地处汾阳市: LOCATED_IN that place. Returns the platforms placed by a bracket."""
        places = [n for n in names if n.type in ("County", "City", "Zone")]
        things = [n for n in names if n.type in ORG + ("Platform", "Zone")]
        out: list[Mentioned] = []
        for x in things:  # 现代煤化工中试基地（高平经济技术开发区） / 吕梁市科技企业孵化器(离石区) / …平台(信丰县、寻乌县)
            bm = re.match(r"\((?P<p>[^()]{2,20})\)", sent.masked[x.end :])
            if not bm:
                continue
            inside = [p for p in places if x.end + 1 <= p.start and p.end <= x.end + bm.end() - 1 and p is not x]
            covered = "".join(sent.masked[p.start : p.end] for p in inside)
            if not inside or re.sub(r"[、和及]", "", bm.group("p")) != covered \
                    or len(inside) > 1 and any(p.type == "Zone" for p in inside):
                continue  # the bracket holds places and nothing else (天衢新区（A开发区、B开发区）: its parts)
            for p in inside:
                xm, pm = self.emit(sent, x), self.emit(sent, p)
                ev = self.ctx.ev(sent.para, sent.at(x.start), sent.at(x.end + bm.end()))
                self.ctx.relation("LOCATED_IN", xm.m, pm.m, ev, rule="situated_bracket")
                if x.type == "Platform":
                    out.append(xm)
        if not re.search(r"位于|地处|坐落|设在", sent.text):
            return out
        # 大厂回族自治县：大厂高新技术产业开发区位于该县: the county the paragraph is about
        own = next((n for n in names if n.type == "County" and n.start <= 4), None) \
            if re.match(r"^\s*(?:\d+[.、．]|[(（]?[一二三四五六七八九十]+[)）、])?\s*[\u4e00-\u9fff]{2,8}[:：。]", sent.para.text) else None
        for m in re.finditer(r"(?:位于|地处|坐落于|设在)", sent.text):
            after = next((p for p in places if m.end() <= p.start <= m.end() + 1), None)
            if after is None and own is not None and re.match(r"该[县区市]", sent.text[m.end() :]):
                after = own
            if after is None:
                continue
            # X位于P / X（位于P） / 位于P的X
            x = next((t for t in things if (t.end == m.start() or t.end == m.start() - 1 and sent.text[t.end] in "(（，,")
                      and t is not after), None)  # not A、位于P的B: that is B's place
            if x is None and sent.text[after.end : after.end + 1] == "的":
                x = next((t for t in things if t.start == after.end + 1), None)
                zm = _ZONE_AFTER.match(sent.masked, after.end + 1) if x is None else None
                if zm and not is_generic(zm.group("core")):
                    # 依托位于临淄区的齐鲁化学工业区: a zone the plan places is named, whatever its name opens with
                    x = NameSpan(zm.start(), zm.end(), clean_name(zm.group(0)), "Zone", None, rule="situated_zone")
            if x is None and re.search(r"[,，]\s*$", sent.text[: m.start()]):
                # 6.青砖茶工程技术研究中心：依托…建设，位于赤壁市 / (2)…共建的莆田鞋服产业技术研究院，设在荔城区: the item's
                x = next((t for t in things if t.start <= 6 and t.type in ("Platform", "Zone")
                          and re.fullmatch(r"\s*(?:\d+[.、．]|[(（]\d+[)）])?\s*(?:[^,，;；。]*的)?", sent.text[: t.start])), None)
            if x is None or x is after:
                continue
            xm, pm = self.emit(sent, x), self.emit(sent, after)
            ev = self.ctx.ev(sent.para, sent.at(min(x.start, m.start())), sent.at(max(x.end, after.end)))
            self.ctx.relation("LOCATED_IN", xm.m, pm.m, ev, rule="situated")
        return out

    def _addressed_zones(self, sent: Sentence, names: list[NameSpan]) -> list[Mentioned]:
        """各县（市、区）人民政府，荆州开发区、荆州高新区、纪南文旅区管委会，市政府各部门：: the addressees
        before 管委会 are the city's zones (a committee administers each), named or not by a zone
        word; the bare ones (经济技术开发区, 市经开区) are the city's own."""
        ctx = self.ctx
        if sent.para.line > 20 or not _ADDRESSEES.match(sent.masked):
            return []
        out: list[Mentioned] = []
        found = {(n.start, n.end): n for n in names if n.type == "Zone"}
        own = (ctx.city[:-1] if len(ctx.city) == 3 else ctx.city.removesuffix("市")) if ctx.city else ""
        for seg in re.finditer(r"(?:^|[,，])(?P<list>[^,，：:]+?)管委会", sent.masked):
            for item in re.finditer(r"(?P<main>[^、()]+)(?:\((?P<alt>[^()]{2,12})\))?", seg.group("list")):
                main, alt = item.group("main"), item.group("alt")
                s0 = seg.start("list") + item.start()
                if "各" in main or re.search(r"政府|部门|委员会|[局办]$", main) or not 3 <= len(main) <= 16:
                    continue
                aliases = [alt] if alt else []
                if (s0, s0 + len(main)) in found:
                    name = found[(s0, s0 + len(main))].name
                elif main.startswith("市") and own:
                    name, aliases = own + main[1:], aliases + [main]  # 市经开区 -> 滁州经开区
                elif not place_prefix(main, min_rest=2) and _BARE_ZONE.fullmatch(main) and own:
                    name, aliases = own + main, aliases + [main]  # 经济技术开发区 -> 芜湖经济技术开发区
                else:
                    name = main
                ev = ctx.ev(sent.para, sent.at(s0), sent.at(s0 + len(item.group(0))))
                m = ctx.entity(name, "Zone", ev, rule="addressed_zone", aliases=aliases)
                out.append(Mentioned(m, s0, s0 + len(main)))
        return out

    def _distributed_zones(self, sent: Sentence) -> list[Mentioned]:
        """重点建设万荣、临猗两个省级现代农业产业示范区 / 以孝义市、交城县焦化园区为重点: one zone per listed
        county, each LOCATED_IN it."""
        ctx = self.ctx
        out: list[Mentioned] = []
        for m in _DISTRIBUTED.finditer(sent.masked):
            members = m.group("list").split("、")[:-1]
            head = next((members[0][-k:] for k in (4, 3, 2) if members[0][-k:] in _SHORT_COUNTY
                         or members[0][-k:] in COUNTY_CITY), members[0])  # 建设万荣 -> 万荣
            lead = len(members[0]) - len(head)
            members[0] = head
            # the last member runs into the shared noun: 文水县焦化园区, 临猗两个省级…示范区
            tail = m.group("tail")
            last = _county_at(tail)
            if last is None:
                continue
            rest = re.sub(r"^等", "", tail[len(last):])  # 介休、灵石、寿阳等经济技术开发区
            cm = re.match(r"(?P<n>[两二三四五六七八九十\d]+)个", rest)
            noun = rest[cm.end():] if cm else rest
            members.append(last)
            if len(noun) < 2 or len(noun) > 14 or _NOT_A_ZONE_NOUN.search(noun):
                continue
            places = [_place_named(w) if w not in _SHORT_COUNTY else (_SHORT_COUNTY[w], "County") for w in members]
            if any(t != "County" for _, t in places) or cm and len(members) != _count(cm.group("n")):
                continue
            ev = ctx.ev(sent.para, sent.at(m.start()), sent.at(m.end()))
            pos = m.start("list") + lead
            for word, (county, _) in zip(members, places):
                zone = ctx.entity(word + noun, "Zone", ev, rule="distributed_zone", city=COUNTY_CITY.get(county))
                cev = ctx.ev(sent.para, sent.at(pos), sent.at(pos + len(word)))
                c = ctx.entity(county, "County", cev, rule="distributed_zone", city=COUNTY_CITY.get(county))
                ctx.relation("LOCATED_IN", zone, c, ev, rule="distributed_zone")
                out.append(Mentioned(zone, pos, pos + len(word)))
                pos += len(word) + 1
        return out

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
            if default and (re.search(r"(?:一批|一些|若干|更多)$", sent.text[max(0, s - 4) : s])
                            or re.match(r"(?:引进|招引|吸引|集聚|培育|发展|壮大)(?:一批|一些|若干|更多)", sent.text[s:])
                            or re.match(r"等(?:关键)?(?:配套|上下游|零部件|材料|服务)", tail)
                            or re.search(r"(?:吸引|引进|招引|集聚|发展)$", sent.text[max(0, s - 4) : s])):
                # 培育一批液压件、传动件等配套企业 / 吸引电解液、隔膜、结构件等配套企业集聚: kinds of firms, not names
                default = None
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

    def _hosts(self, sent: Sentence, names: list[NameSpan], extra: list[Mentioned]) -> tuple[list[Mentioned], list[Mentioned]]:
        """依托X建设Y / X建设的Y / A与B合作建设Y / 支持X牵头组建Y / 以X为依托,培育Y / 依托A、B等平台,推进
        Y、Z建设 / Y(X) (Y a named platform; a described one only when an organisation builds it)."""
        ctx = self.ctx
        hosts: list[Mentioned] = []
        built: list[Mentioned] = []
        self._named_built = built
        rd_text = self._rd_institution_text(sent)  # (a 新型研发机构 section: the 研究院 it builds are platforms)
        platforms = [n for n in names if n.type == "Platform" or n.type == "ResearchInstitute"
                     and (rd_text or _BUILT_WITH.match(sent.masked[n.end :]))]
        actors = [n for n in names if n.type in ORG + ("Platform", "Zone")]
        last_builders: list[Mentioned] = []
        last_end = -1

        def link(builders: list[Mentioned], p: NameSpan, ev_start: int, rule: str, ev_end: int | None = None) -> bool:
            if not builders or (not self.proper_platform(p) and not any(b.m.type in ORG for b in builders)):
                return False
            pm = self.emit(sent, p)
            built.append(pm)
            if p.type == "ResearchInstitute":  # (an institute someone sets up: a new R&D institution)
                ctx.notes.category_types.setdefault(p.name, ("Platform", "NewRDInstitution"))
            ev = ctx.ev(sent.para, sent.at(ev_start), sent.at(max(p.end, ev_end or 0)))
            for b in builders:
                if b.m.name != pm.m.name:
                    ctx.relation("HOSTS", b.m, pm.m, ev, rule=rule)
                    hosts.append(b)
            return True

        for p in platforms:
            # 依托X建设A、B和C: a platform listed right after another shares its builders
            if last_builders and re.fullmatch(r"\s*(?:、|和|及|与|以及)\s*", sent.text[last_end : p.start]):
                link(last_builders, p, last_builders[0].start, "host_build")
                last_end = p.end
                continue
            last_builders, last_end = [], p.end
            # Y(X): the host in brackets right after the platform's name
            bm = re.match(r"\s*\(([^()]{2,40})\)", sent.masked[p.end :])
            if bm:
                inner = [self.emit(sent, n) for n in actors if n.start >= p.end and n.end <= p.end + bm.end() and n.type in ORG]
                inner += [x for x in extra if x.start >= p.end and x.end <= p.end + bm.end() and x.m.type in ORG]
                if not inner:  # Y（依托恩达麻世纪）/ Y（英凯模）/ Y（黄山谷捷牵头）: the host by a short name with no suffix
                    lead = re.match(r"依托|由", bm.group(1))
                    # (a bare bracket may be a status, （培育）（升级版）, not a host)
                    short = self._slot_short(sent, p.end + bm.start(1) + (lead.end() if lead else 0), p.end + bm.end(1),
                                             fits=None if lead else self._bracket_trade_name)
                    inner = [short] if short is not None else []
                if inner and link(inner, p, p.start, "host_bracket", p.end + bm.end()):
                    last_builders = []
                    continue
            clause_start = max(sent.text.rfind(c, 0, p.start) for c in ",，;；:：") + 1
            # a platform before Y in its clause ends the builders' span, unless it is what Y rests on
            # (依托华中科技大学鄂州工业技术研究院建设光电子中试平台)
            clause_start = max([clause_start] + [q.end for q in platforms if q.end <= p.start
                                                 and sent.text[max(0, q.start - 2) : q.start] != "依托"])
            before = sent.text[clause_start : p.start]
            m = re.search(r"(?P<who>[^,，;；]{2,80}?)(?:为依托[,，]?\s*)?" + BUILD + r"\s*$", before) or \
                re.search(r"(?P<who>依托[^,，;；]{2,80}?)" + _RAISE + r"\s*$", before) or \
                re.search(r"(?P<who>支持[^,，;；]{2,40}?)提升\s*$", before)  # 依托X提升Y(的能力) / 支持X提升Y能级
            any_source = False
            if not m:
                # 依托X,建设Y / 依托A、B等平台,推进Y、Z建设: the builders are in the clause before
                clause = sent.text[clause_start : max(sent.text.find(c, p.end) for c in "，,;；") if any(
                    sent.text.find(c, p.end) >= 0 for c in "，,;；") else len(sent.text)]
                # 依托包头稀土研究院，做强白云鄂博…国家重点实验室: an existing platform made stronger on its host
                verb_before = re.search(r"^\s*(?:重点|积极|加快|着力|大力)?(?:推进|推动|支持)?(?:" + BUILD +
                                        r"|做强|做优|做实|做大|提升|建好|办好|壮大|完善)", before) or \
                    re.match(r"^\s*(?:大力|加快|重点)?推进", before) and re.search(r"建设", clause)
                if verb_before and clause_start > 0:
                    prev_start = max(sent.text.rfind(c, 0, clause_start - 1) for c in ",，;；:：") + 1
                    prev = sent.text[prev_start : clause_start - 1]
                    pm_ = re.match(r"^" + _ITEM_NO + r"?\s*(?:支持|推动|鼓励)?(?:依托|以|由)"
                                   r"(?P<who>.{2,80}?)(?:为依托)?$", prev)  # 2.依托广西师范大学，建设A、B
                    if pm_:
                        m = pm_
                        clause_start = prev_start
                        any_source = True
            if not m:
                continue
            who_s, who_e = clause_start + m.start("who"), clause_start + m.end("who")
            who_text = sent.text[who_s:who_e]
            if who_text.startswith("联合") and any(lm.end() <= clause_start for lm in _LEAD_BUILDER.finditer(sent.text)):
                continue  # 由X牵头，联合A等单位组建Y: X builds Y, A is its partner
            based_on: list[NameSpan] = []
            if who_text.startswith("联合") and clause_start > 0:
                # 依托萍乡学院，联合博鑫精陶等企业建设Y: the body it rests on builds it too
                ps_ = max(sent.text.rfind(c, 0, clause_start - 1) for c in ",，;；:：。") + 1
                bm_ = re.match(r"^" + _ITEM_NO + r"?\s*依托(?P<who>[^,，;；:：]{2,40})$",
                               sent.text[ps_ : clause_start - 1])
                if bm_:
                    based_on = [n for n in actors if n.start >= ps_ + bm_.start("who") and n.end <= ps_ + bm_.end("who")
                                and n.type in ORG]
            # 上海大学与山西中升钢铁有限公司合作建设: two builders (and a collaboration)
            lead = re.match(r"^(?:(?:重点支持|支持|鼓励|推动)(?=依托)|)(?:重点支持|支持|鼓励|推动|依托|以|由)", who_text)
            if lead:
                who_s += lead.end()
                any_source = any_source or lead.group(0).endswith(("依托", "以"))
            rest = re.match(r"^[^,，;；]{2,12}?依托", sent.text[who_s:who_e]) if not any_source else None
            if rest:  # 支持贵溪市依托贵溪经济开发区建设Y: what the place rests on builds Y
                who_s, any_source = who_s + rest.end(), True
            kinds = ORG + ("Platform", "Zone") if any_source else ORG
            builders: list = [n for n in actors if n.start >= who_s and n.end <= who_e and n.type in kinds]
            if builders or not any_source:
                # 由莆田高新区管委会和福州大学联合组建 / 彬州经济技术开发区重点建设Y: a zone (its committee, a
                # government) that builds hosts (not one the platform is merely put in: 在X高新区建设Y)
                builders += [n for n in names if n.start >= who_s and n.end <= who_e and n.type not in ORG
                    and _builds(n.type, n.name) and not (any_source and n.type == "Zone")
                    and not re.search(r"[在于]$|落户$|布局$", sent.text[max(0, n.start - 2) : n.start])
                    and not any(b.start == n.start for b in builders)]
                builders.sort(key=lambda n: n.start)
            builders += [x for x in extra if x.start >= who_s and x.end <= who_e and x.m.type in kinds
                         and not any(n.start == x.start for n in builders)]
            if not builders:
                one = self._known_in(sent, who_s, who_e) or (
                    self._slot_short(sent, who_s, who_e) if re.search(r"牵头", m.group(0))
                    or re.match(r"(?:重点)?支持", who_text) and self.proper_platform(p)
                    or lead and lead.group(0).endswith("依托") else None)  # 支持金瑞锰业建设Y / 依托TCL科技建设Y
                builders = [one] if one else []
            led = re.fullmatch(r"(?P<x>[^,，;；]{2,40}?)(?:等(?:龙头|骨干|链主)?企业)?(?:共同)?(?:牵头)?", sent.text[who_s:who_e])
            if len(builders) < 2 and led and "、" in led.group("x") and "牵头" in m.group(0):
                # 由亿纬动力、荆门格林美牵头组建Y: each trade name of the leaders' list
                many = self.members(sent, who_s, who_s + led.end("x"), names, "Enterprise", rule="host_leader")
                if len(many) >= 2 and all(x.m.type in ORG for x in many):
                    builders = many
            builders += [n for n in based_on if not any(getattr(b, "start", -1) == n.start for b in builders)]
            if not builders:
                continue
            bms = [b if isinstance(b, Mentioned) else self.emit(sent, b) for b in builders]
            if link(bms, p, who_s, "host_build"):
                last_builders = bms
            self._host_named(sent, bms, p)
        # 支持东方锅炉依托清洁燃烧与烟气净化四川省重点实验室，开展…: the platform it works on is its own
        for m in re.finditer(r"(?:支持|鼓励|推动|引导)(?P<who>[^,，;；。依]{2,30}?)依托", sent.text):
            p = next((p for p in platforms if p.start == m.end()), None)
            if p is None or re.match(r"\s*(?:" + BUILD + "|" + _RAISE + ")", sent.text[p.end :]):
                continue  # 依托P建设Y: P builds Y
            who = self._slot_orgs(sent, m.start("who"), m.end("who"), names, [])
            link([w if isinstance(w, Mentioned) else self.emit(sent, w) for w in who], p, m.start("who"), "host_works_on")
        # X作为…产业链链主企业，(要)牵头组建Y: the chain's leader builds Y
        for m in _LEADER_BUILDS.finditer(sent.text):
            p = next((p for p in platforms if m.end() <= p.start <= m.end() + 1), None)
            if p is None:
                continue
            lead_orgs = [mm for mm in self.members(sent, m.start("who"), m.end("who"), names, "Enterprise",
                                                   rule="host_leader") if mm.m.type in ORG]
            if lead_orgs:
                link(lead_orgs, p, m.start("who"), "host_leader")
        # 由X牵头，联合…，组建Y / 以X为牵头单位…争创Y / 支持X牵头，联合A、B成立Y: the lead builds Y
        lead = _LEAD_BUILDER.search(sent.text)
        if lead:
            lead_orgs = self._slot_orgs(sent, lead.start("who"), lead.end("who"), names, extra)
            vm = _BUILD_AFTER.search(sent.text, lead.end())
            if lead_orgs and vm:
                after = [p for p in platforms if p.start >= vm.end() and p.start - vm.end() <= 2
                         and not any(h.start < p.start and h.m.name == self.emit(sent, p).m.name for h in hosts)]
                if after:
                    link([n if isinstance(n, Mentioned) else self.emit(sent, n) for n in lead_orgs], after[0],
                         lead.start(), "host_lead")
        # （一）大同氢能产业研究院。由A与B、C合作共建 / 由A联合B、C组建: the item's platform
        hm = re.match(r"^由(?P<who>[^。；;]{2,80}?)(?:合作共建|共同组建|合作组建|合作建设|组建|共建|建设|设立)", sent.text) \
            if not platforms else None
        if hm:
            # the item's name opens the paragraph, or is the run-in heading just above it
            head = sent.para.text[: sent.start][:60] if sent.start else (sent.para.section_path or [""])[-1][:60]
            item = [n for n in find_names(norm_text(head)) if n.end >= len(norm_text(head).rstrip("。.: ：")) - 1]
            if item and item[-1].type in ("Platform", "ResearchInstitute") and item[-1].start < 8:
                who = self._slot_orgs(sent, hm.start("who"), hm.end("who"), names, extra, short=False)
                # 由上饶经开区与…合作共建 / 由灵璧县与河南科技大学共建: a zone or place (its government) builds too
                who += [n for n in names if hm.start("who") <= n.start and n.end <= hm.end("who")
                        and (_builds(n.type, n.name) or n.type in ("County", "City"))]
                who.sort(key=lambda n: n.start)
                p0 = item[-1]
                pev = ctx.ev(sent.para, p0.start, p0.end) if sent.start else ctx.ev(sent.para, 0, 0)
                pm = ctx.entity(p0.name, "Platform", pev, subtype=p0.subtype, rule="host_item")
                if p0.type == "ResearchInstitute":  # a 研究院 someone builds is a platform (新型研发机构)
                    ctx.notes.category_types.setdefault(p0.name, ("Platform", "NewRDInstitution"))
                ev = ctx.ev(sent.para, sent.at(0), sent.at(hm.end()))
                for w in who:
                    wm = w if isinstance(w, Mentioned) else self.emit(sent, w)
                    ctx.relation("HOSTS", wm.m, pm, ev, rule="host_item")
                    hosts.append(wm)
        # 在宝钛集团设立钛合金材料院士工作站: an organisation where a named platform is set up hosts it
        for m in re.finditer(r"在(?P<who>[^,，;；。在]{2,40}?)(?:设立|建设|建立|组建)", sent.text):
            p = next((p for p in platforms if m.end() <= p.start <= m.end() + 1), None)
            who = self._slot_orgs(sent, m.start("who"), m.end("who"), names, extra, short=p is not None)
            if who and p is not None and len(who) == len(re.split(r"[、和及]", m.group("who"))):
                link([w if isinstance(w, Mentioned) else self.emit(sent, w) for w in who], p, m.start(), "host_at")
        # … and where only a kind is set up (在海螺集团、奇瑞汽车设立院士工作站 / 在埃夫特、长信科技等企业新设
        # 博士后科研工作站), one platform per organisation, named after it
        for m in _SET_UP_AT_EACH.finditer(sent.text):
            self._set_up_at_each(sent, m, names, built, hosts)
        # Y依托X建设 / Y由X牵头组建
        for p in platforms:
            m = re.match(r"^\s*(?:是|为|,|，)?(?:依托|由)(?P<who>[^,，;；。]{2,40}?)(?:牵头)?(?:建设|组建|设立|成立|共建|承建)",
                         sent.text[p.end :])
            if not m or any(q.start in (p.end + m.end(), p.end + m.end() + 1) for q in names
                            if q.type in ("Platform", "ResearchInstitute")) \
                    or _KIND_AFTER.match(sent.text[p.end + m.end() :]):
                continue  # A，由X牵头组建B / A，依托X建设市级…重点实验室: X builds B, not A
            ws, we = p.end + m.start("who"), p.end + m.end("who")
            builders = [n for n in names if n.start >= ws and n.end <= we and n.type in ORG]
            if not builders:
                continue
            builders += [n for n in names if n.start >= ws and n.end <= we and n.type not in ORG
                         and _builds(n.type, n.name)]  # 由市政府与湘潭大学共建
            pm = self.emit(sent, p)
            if p.type == "ResearchInstitute":  # 做强X研究院，由A与B共建: an institute set up by partners
                ctx.notes.category_types.setdefault(p.name, ("Platform", "NewRDInstitution"))
            for b in builders:
                bm = self.emit(sent, b)
                ctx.relation("HOSTS", bm.m, pm.m, ctx.ev(sent.para, sent.at(p.start), sent.at(p.end + m.end())),
                             rule="host_by")
                hosts.append(bm)
        # 山西通才工贸有限公司建设的高强建材钢等中试基地 / 培育建设A、B等中试基地
        # 建设A、B、C三个中试基地 / 依托X建设A、B等市级临床医学研究中心
        for m in re.finditer(r"(?P<list>[^,，;；。]{2,60}?)(?P<etc>等|[两三四五六七八九十]个)"
                             r"(?P<mod>省级|市级|国家级|省级以上|自治区级?|省|重点产业|特色作物)?(?P<suf>中试基地|重点实验室|"
                             r"临床医学研究中心|工程实验室|技术创新中心|工程技术研究中心|工程研究中心|企业技术中心|"
                             r"产业技术创新战略联盟|特色产业科技创新中心|特色产业科技示范基地|科技示范基地|良种繁育基地|"
                             r"种质资源圃|国际科技合作基地|知识产权运营中心|产学研用协同创新联盟|专业研究所|"
                             r"产业创新服务综合体)", sent.text):
            s = m.start("list")
            seg = sent.text[s : m.end("list")]
            if m.group("etc") != "等" and "、" not in seg:
                continue  # 建设两个中试基地: a count, not a list
            verbs = list(re.finditer(BUILD + r"|支持|推进|培育|加大", seg))
            who: list[Mentioned] = []
            if verbs:
                verb = verbs[-1]
                vs = s + verb.start()
                item_start = s + seg.rfind("、", 0, verb.start()) + 1
                whos = [n for n in names if n.end <= vs and n.start >= item_start and n.type in ORG]
                if not whos:  # 依托赣南师范大学，建设A、B等重点实验室: the builder opens the clause before
                    cs = max(sent.text.rfind(c, 0, s) for c in ",，;；:：")
                    prev = re.search(r"(?:^|[,，;；:：])(?:依托|由)(?P<who>[^,，;；:：]{2,60})$", sent.text[: max(cs, 0)])
                    if cs >= 0 and prev and not sent.text[cs + 1 : vs].strip(" 、"):
                        whos = [n for n in names if n.start >= prev.start("who") and n.end <= prev.end("who") and n.type in ORG]
                who = [self.emit(sent, n) for n in whos]
                s = s + verb.end()
            spans: list[tuple[int, int]] = []
            for ms, me in split_members(sent.text, s, m.end("list")):
                if spans and sent.text[spans[-1][1] : ms] == "与":
                    spans[-1] = (spans[-1][0], me)  # 作物种质资源与遗传改良、动物疫病防控等重点实验室: 与 joins two fields of one
                else:
                    spans.append((ms, me))
            for ms, me in spans:
                word = clean_name(sent.text[ms:me])
                word = re.sub(r"^(?:建设|培育|加大|支持|推进|推动|加快|依托)", "", word)
                if len(word) < 2 or len(word) > 16 or is_generic(word) and not is_field(word) \
                        or any(n.start <= ms and n.end >= me for n in names):
                    continue
                if re.search(r"(?:实验室|中心|基地|机构|联盟|平台|孵化器|空间|院|所|公司|集团)$", word):
                    continue
                # 汽车零部件、生物医药等自治区重点实验室: a place word is part of each one's name
                name = word + (m.group("mod") if m.group("mod") in ("自治区", "省") else "") + m.group("suf")
                t, st = SUFFIX_INDEX.get(m.group("suf"), ("Platform", None))
                ev = ctx.ev(sent.para, sent.at(ms), sent.at(m.end()))
                printed = clean_name(sent.text[ms:me]) + (m.group("mod") or "") + m.group("suf")  # 智能装备市级中试基地
                pm = ctx.entity(name, "Platform", ev, subtype=st, rule="platform_list", aliases=[printed] if printed != name else [])
                built.append(Mentioned(pm, ms, m.end()))
                for w in who:
                    ctx.relation("HOSTS", w.m, pm, ctx.ev(sent.para, sent.at(w.start), sent.at(m.end())), rule="host_build")
                    hosts.append(w)
        return hosts, built

    def _set_up_at_each(self, sent: Sentence, m: re.Match, names: list[NameSpan], built: list[Mentioned],
                        hosts: list[Mentioned]) -> None:
        """One platform of the kind `m` names at each organisation of its list, which HOSTS it."""
        ctx = self.ctx
        default = "Enterprise" if m.group("cat") or m.group("kind") != "重点实验室" else None
        kind = clean_name(m.group("kind"))
        _, subtype = SUFFIX_INDEX.get(re.sub(r"\([^()]*\)", "", kind), ("Platform", None))
        for om in self.members(sent, m.start("list"), m.end("list"), names, default, rule="set_up_at_each"):
            if om.m.type not in ORG:
                continue
            ev = ctx.ev(sent.para, sent.at(om.start), sent.at(m.end()))
            pm = ctx.entity(clean_name(sent.text[om.start : om.end]) + kind, "Platform", ev, subtype=subtype,
                            rule="set_up_at_each")
            ctx.relation("HOSTS", om.m, pm, ev, rule="set_up_at_each")
            built.append(Mentioned(pm, om.start, m.end()))
            hosts.append(om)

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

    def _slot_orgs(self, sent: Sentence, s: int, e: int, names: list[NameSpan], extra: list[Mentioned],
                   short: bool = True) -> list[NameSpan | Mentioned]:
        """The organisations a slot sentence[s:e] holds (由X牵头, 在X设立, 支持X依托): the typed names and the
        declared or curated short names in it, else (with `short`) the trade name it holds alone."""
        out: list[NameSpan | Mentioned] = [n for n in names if n.start >= s and n.end <= e and n.type in ORG]
        out += [x for x in extra if x.start >= s and x.end <= e and x.m.type in ORG]
        if not out and short:
            one = self._slot_short(sent, s, e)
            out = [one] if one is not None else []
        return out

    def _slot_short(self, sent: Sentence, s: int, e: int, fits: Callable[[str], bool] | None = None) -> Mentioned | None:
        """The one organisation a builder slot holds when the text gives it no suffix (由长机科技牵头组建,
        在英杰电气建设…): the pattern says it is an organisation, so a plausible trade name is taken
        as an enterprise."""
        lead = re.match(r"^" + _ITEM_NO + r"?(?:其中[,，]?)?"
                        r"(?:(?:重点支持|支持|鼓励|推动|推进|引导)(?=依托|由)|)(?:重点支持|支持|鼓励|推动|推进|引导|依托|由|以)?",
                        sent.text[s:e])
        s += lead.end() if lead else 0
        tail = re.search(r"(?:等(?:龙头|骨干|链主|重点)?企业)?(?:牵头)?(?:组建|建设|共建)?$", sent.text[s:e])
        e -= len(tail.group(0)) if tail else 0
        word = sent.text[s:e]
        if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]{2,8}", word) or not self.plausible_short(word) \
                or fits is not None and not fits(word):
            return None
        place = _place_named(word)[0]
        if place is not None and word in (place, place[:-1], short_place(place)) or any(word + k in COUNTY_CITY for k in "市县区"):
            return None  # 在什邡建设…: a place
        if re.match(r"[市省县区]", word) or re.search(r"(?:政府|部门|管委会|领导|局|委|办|会|区|县|市|园|港|城|谷|苑|镇|乡|村)$", word):
            return None  # 由市科协牵头, 在定远盐化工业园建设…: a body or a place, not a trade name
        type_ = self.known.get(word) if self.known.get(word) in ORG else "Enterprise"
        return Mentioned(self.ctx.entity(word, type_, self.ctx.ev(sent.para, sent.at(s), sent.at(e)), rule="slot_short"),
                         s, e)

    def _bracket_trade_name(self, word: str) -> bool:
        """Is a bare bracket after a platform (河北省丝网产业技术创新中心（英凯模）) its host's trade name?
        Brackets there also say the platform's status (（培育）（争创）) or a part of it (（保定分部）)."""
        return self.known.get(word) in ORG or len(word) >= 3 and not re.search(
            r"(?:类|版|单位|分部|部|中心|实验室|市场|平台|基地|级|期|型)$|^(?:培育|提升|争创|新建|筹建|拟建|在建|升级)", word)

    def _host_named(self, sent: Sentence, builders: list[Mentioned], p: NameSpan) -> None:
        """依托科大讯飞…平台,加快建设…、长治研究中心、长治AI产业加速中心: a platform named only by
        its place (长治研究中心) is the builder's: 科大讯飞长治研究中心."""
        if len(builders) != 1 or builders[0].m.type not in ("Enterprise", "University"):
            return
        b = builders[0]
        cs = max(sent.text.rfind(c, 0, p.start) for c in ",，;；:：") + 1
        ce_candidates = [i for i in (sent.text.find(c, p.end) for c in ",，;；") if i >= 0]
        ce = min(ce_candidates) if ce_candidates else len(sent.text)
        vm = re.search(BUILD, sent.text[cs:ce])
        if not vm:
            return
        for ms, me in split_members(sent.text, cs + vm.end(), ce):
            item = clean_name(sent.text[ms:me])
            sm = re.search(r"(?:研究中心|研究院|技术中心|创新中心|实验室)$", item)
            if not sm or any(n.start <= ms < n.end for n in find_names(sent.masked)):
                continue
            core = item[: sm.start()]
            if not core or strip_places(core):
                continue  # only a place before the type word
            ev = self.ctx.ev(sent.para, sent.at(ms), sent.at(me))
            pm = self.ctx.entity(b.m.name + item, "Platform", ev, rule="host_named", aliases=[item])
            self.ctx.relation("HOSTS", b.m, pm, self.ctx.ev(sent.para, sent.at(b.start), sent.at(me)), rule="host_named")
            self._named_built.append(Mentioned(pm, ms, me))

    def _short_cities(self, sent: Sentence, s: int, e: int) -> list[Mentioned]:
        """Other cities a list names by their short form (与太原、大同、忻州等市, 内蒙古呼和浩特): only a
        member that is nothing but a city's name, maybe after its province, counts."""
        out: list[Mentioned] = []
        for ms, me in split_members(sent.text, s, e):
            word = sent.text[ms:me]
            cut = re.search(r"等|在|共同|联合|开展", word)  # 鄂尔多斯等周边城市, 重庆在动力电池…领域开展
            if cut:
                word = word[: cut.start()]
            # 内蒙古呼和浩特: the city after its province
            rest = next((word[len(f):] for p in PROVINCES for f in (p, short_province(p))
                         if word.startswith(f) and len(word) > len(f)), word)  # 重庆 is a city as it stands
            city = _SHORT_CITY.get(rest)
            if city is None or city == self.ctx.city:
                continue
            ev = self.ctx.ev(sent.para, sent.at(ms), sent.at(ms + len(word)))
            out.append(Mentioned(self.ctx.entity(city, "City", ev, rule="short_city"), ms, ms + len(word)))
        return out

    def _collaborations(self, sent: Sentence, names: list[NameSpan], extra: list[Mentioned]) -> list[Mentioned]:
        """A与B、C合作/共建/联合/签署…协议/的联动合作: A collaborates with every member. Who A is:
        the organisation (or county, or 市政府) before 与; a clause opening with 与 continues the
        subject of the clause before it in the same sentence (支持沁源县…,与X共建…; …晋南钢铁与中国华能
        合作…；与大运集团…合作), else the plan speaks for the city government (与中北大学…合作设立…).
        积极对接A、B等院所,…开展…合作: the city government too."""
        ctx = self.ctx
        out: list[Mentioned] = []
        text = sent.text
        if not re.search(r"合作|共建|联合|签署|签订|协作|协同|签约", text):
            return out
        typed = [n for n in names if n.type in ORG + ("Platform",)]
        # other cities and zones are partners too (与榆林市、郑洛新国家自主创新示范区合作), never the plan's own city
        partner_places = [n for n in names if n.type == "Zone" or n.type == "City" and n.name != ctx.city
                          or n.type == "Agency" and n.name.endswith("管委会")  # 由三峡大学与宜昌高新区管委会共建
                          or n.type == "County"]  # 推动河北农业大学与阜平县、唐县等县合作
        extras = [x for x in extra if x.m.type in ORG + ("Platform",)]
        prev_a: Mentioned | None = None  # the subject stated earlier in this sentence
        for m in re.finditer(r"与(?P<b>[^,，;；。与]{2,80}?)(?P<verb>(?:的)?(?:联动|深度|全面|战略|科技|创新|长期)?(?:合作|共建|联合|协作|协同)|"
                             r"(?:签署|签订|共同|进行|开展|建立|深化)[^,，;；。]{0,16}?(?:合作|协议)|签约)", text):
            if _inside_word_at(text, m.start()) or m.start() > 0 and text[m.start() - 1] in "(（":
                continue  # (Y（与西南石油大学共建）: the bracket says who built Y, read by the hosts' rule)
            b_s, b_e = m.start("b"), m.end("b")
            clause_s = max(text.rfind(c, 0, m.start()) for c in ",，;；:：") + 1
            a_s, a_e = clause_s, m.start()
            a_text = text[a_s:a_e]
            a: Mentioned | None = None
            carried = False
            a_names = [n for n in names if n.start >= a_s and n.end <= a_e and n.type in ORG + ("Agency", "County", "Zone")]
            co_subjects: list[Mentioned] = []  # 支持A、B与C共建…: every member of the list before 与
            a_extra = [x for x in extras if x.start >= a_s and x.end <= a_e and x.m.type in ORG]
            if not a_names and a_extra and re.fullmatch(r"\s*(?:(?:重点)?(?:支持|鼓励|推动|引导))?\s*", text[a_s : a_extra[-1].start]):
                a = a_extra[-1]  # 支持紫金矿业与中南大学…合作: the declared short name before 与
            elif a_names:
                a = self.emit(sent, a_names[-1])
                k = len(a_names) - 1
                while k > 0 and re.fullmatch(r"\s*(?:、|和|及|以及)\s*", text[a_names[k - 1].end : a_names[k].start]) \
                        and a_names[k - 1].type == a_names[k].type:
                    k -= 1
                    co_subjects.append(self.emit(sent, a_names[k]))
            elif re.fullmatch(r"\s*" + _ITEM_NO + r"?\s*(?:并|同时|还|继续|进一步|积极|主动|持续)?"
                              r"(?:深化|加强|加大|推进|推动|开展|扩大)?\s*", a_text):
                seg_s = max(text.rfind(c, 0, m.start()) for c in ";；") + 1  # items of a ；-list have their own subjects
                if seg_s > 0 and clause_s <= seg_s + 1 or clause_s == 0 and a_text.strip():
                    # ；与山西煤化所合作共建… / 2.与福州大学合作共建…: the city's item
                    a = self._plan_voice(sent, m.start(), m.start())
                else:
                    a = (prev_a if prev_a is not None and prev_a.start >= seg_s else None) \
                        or self._opening_org(sent, names, clause_s) or self._carried_subject(sent, clause_s)
                    if a is not None and a.start >= 0 and a is not prev_a:
                        # 支持烟台大学、鲁东大学…等驻烟高校…，与万华化学…联合: every member of the opening list
                        k = next((i for i, n in enumerate(names) if n.start == a.start and n.end == a.end), None)
                        while k is not None and k + 1 < len(names) and names[k + 1].end <= clause_s \
                                and names[k + 1].type == names[k].type \
                                and re.fullmatch(r"\s*(?:、|和|及|以及)\s*", text[names[k].end : names[k + 1].start]):
                            k += 1
                            co_subjects.append(self.emit(sent, names[k]))
                carried = True
            else:
                own = ctx.city.removesuffix("市") if ctx.city and len(ctx.city) > 2 else None
                gov = re.search(r"(?:市政府|市人民政府|市委市政府|我市" + (f"|{re.escape(own)}市?" if own else "") + r")$", a_text.strip())
                if gov and (gov.group(0) == "我市" or own and gov.group(0).startswith(own)):  # 推动宜宾与成都…: the plan's city
                    a = self._plan_voice(sent, a_s + gov.start(), a_e)
                elif gov:
                    a = self._city_government(sent, a_s + gov.start(), a_e)
                else:
                    a = self._known_in(sent, a_s, a_e) or self._adjacent_short(sent, a_s, a_e)
            if a is None:
                continue
            default = "Enterprise" if a.m.type == "Enterprise" and not carried else None
            b_list = [self.emit(sent, n) for n in typed + partner_places if n.start >= b_s and n.end <= b_e]
            b_list += [x for x in extras if x.start >= b_s and x.end <= b_e and not any(y.start == x.start for y in b_list)]
            if b_list:  # 与步长制药、康惠制药合作 / 与A大学、B股份合作: the trade names the corpus knows
                b_list += [x for x in self._known_members(sent, b_s, b_e, names) if not any(y.start == x.start for y in b_list)]
            # 与北京、天津等地高校院所合作: places of the partners (与遵义、毕节等地在…开展合作: the places are)
            if not re.search(r"等地|高校|院所|企业|机构|单位", text[b_s:b_e]) or \
                    re.search(r"等地(?!的?(?:高校|院所|科研|企业|机构|单位|专家|人才))", text[b_s:b_e]):
                b_list += [c for c in self._short_cities(sent, b_s, b_e) if not any(y.start == c.start for y in b_list)]
            if not b_list and default and not re.search(r"等(?:国家|国|地区|城市|省份)|领域", text[b_s:b_e]):
                # (与德国、波兰等国家的矿业企业开展煤矿智能化、安全开采等领域合作: countries and fields, no firms)
                b_list = self.members(sent, b_s, b_e, names, default, rule="collab_partner")
            ev = ctx.ev(sent.para, sent.at(a.start if a.start >= clause_s else m.start()), sent.at(m.end()))
            for b in b_list:
                for a_ in (a, *co_subjects):
                    if b.m.type in ORG + ("Platform", "City", "Zone", "Agency", "County") and b.m.name != a_.m.name:
                        ctx.relation("COLLABORATES_WITH", a_.m, b.m, ev, rule="collab")
                if b.m.type in ORG + ("Platform", "City", "Zone") and b.m.name != a.m.name:
                    out.append(b)
            self._co_built(sent, names, m.end(), [a, *co_subjects, *b_list], ev)
            if not carried:
                prev_a = a
                if a.m.type in ORG:
                    out.append(a)
                    self.last_subject = a
        out.extend(self._joint(sent, names, typed))
        self._joint_subjects(sent, names)
        # 积极对接A、B等院所组织,在…开展深度科技合作
        for m in re.finditer(r"对接(?P<b>[^,，;；。]{2,80}?)[,，][^;；。]{0,40}?合作", text):
            b_s, b_e = m.start("b"), m.end("b")
            b_list = [self.emit(sent, n) for n in typed if n.start >= b_s and n.end <= b_e]
            if not b_list:
                continue
            a = self._plan_voice(sent, m.start(), m.start())
            ev = ctx.ev(sent.para, sent.at(m.start()), sent.at(m.end()))
            for b in b_list:
                ctx.relation("COLLABORATES_WITH", a.m, b.m, ev, rule="collab_plan")
                out.append(b)
        return out

    def _co_built(self, sent: Sentence, names: list[NameSpan], pos: int, builders: list[Mentioned], ev) -> None:
        """与B、C共建Y / 与B合作，共建Y: every builder hosts the platform Y (not where the verb closes a
        bracket: Y（市政府与南昌大学共建）、Z — the bracket is Y's, read as Y(X))."""
        text = sent.text
        if re.match(r"\s*[)）]", text[pos:]):
            return
        end = _clause_end(text, pos)
        seg = text[pos - 4 : end]
        if not re.search(r"共建|共同建设|合作建设|联合建设|合作设立|共同组建|联合组建|建立|设立|组建", seg):
            # 与B合作，共建Y: the next clause builds it
            nxt = re.match(r"[,，]\s*(?:共建|共同建设|联合建设|合作建设|共同组建|联合组建)", text[end:])
            if not nxt:
                return
            pos = end + nxt.end()
            end = _clause_end(text, pos)
        built: list[NameSpan] = []
        for n in sorted(names, key=lambda n: n.start):
            if n.start < pos - 2 or n.end > end:
                continue
            if n.type in ORG and built:
                break  # …中试基地、山西建邦集团铸造有限公司建设的…: another builder's item
            if n.type == "Platform" or n.type == "ResearchInstitute" and self._rd_institution_text(sent):
                built.append(n)
        for n in built:
            pm = self.emit(sent, n)
            if pm.m.type == "ResearchInstitute":
                self.ctx.notes.category_types.setdefault(pm.m.name, ("Platform", "NewRDInstitution"))
            for b in builders:
                if b is not None and (b.m.type in ORG or _builds(b.m.type, b.m.name)):
                    self.ctx.relation("HOSTS", b.m, pm.m, ev, rule="co_built")

    def _rd_institution_text(self, sent: Sentence) -> bool:
        """A section or paragraph about 新型研发机构: the 研究院 it names are such platforms."""
        path = sent.para.section_path
        # (an item read as a heading of its own, 1.A与B合作共建的Y研究院；: the section above it)
        return any("新型研发机构" in t for t in (path[-2:] if path and path[-1] in sent.para.text else path[-1:]))

    def _opening_org(self, sent: Sentence, names: list[NameSpan], before: int) -> Mentioned | None:
        """华晋焦煤依托…，与A、B共建…: the organisation that opens the sentence is the subject."""
        n = next((n for n in names if n.start < 4 and n.end <= before and n.type in ORG), None)
        if n is not None and not re.search(r"[与同和]$", sent.text[: n.start]):
            return self.emit(sent, n)  # (深化与中国科学院…合作: 中国科学院 is a partner, not the subject)
        known = self._known_in(sent, 0, min(before, 12))  # 华晋焦煤 before its full name is read
        if known is None or any(n.start <= known.start and known.end <= n.end and n.end - n.start > known.end - known.start
                                for n in names):
            return None  # (加快中国药科大学连云港研究院建设: a university inside a platform's name is no subject)
        return known if known.start < 4 and not re.search(r"[与同和]$", sent.text[: known.start]) else None

    def _joint(self, sent: Sentence, names: list[NameSpan], typed: list[NameSpan]) -> list[Mentioned]:
        """X(牵头)联合A、B开展…: X collaborates with every named partner (generic ones, 上下游企业, are
        not partners). X is the nearest organisation named before 联合 in the sentence."""
        out: list[Mentioned] = []
        text = sent.text
        for m in re.finditer(r"联合(?!体|实验室|研发中心|攻关|创新中心|申报)", text):
            if any(n.start <= m.start() < n.end for n in names) or "与" in re.split(r"[，,；;]", text[max(0, m.start() - 20) : m.start()])[-1]:
                continue
            end = _clause_end(text, m.end())
            # X联合Y组建Z: Z is what they build, not a partner
            verb = re.search(r"(?:共同|合作)?(?:组建|共建|建设|创建|设立|成立|筹建)", text[m.end() : end])
            build_at = m.end() + verb.start() if verb else end
            partners: list = [n for n in typed if n.start >= m.end() and n.end <= build_at and n.type in ORG]
            partners += self._known_members(sent, m.end(), build_at, names)
            if not partners:
                continue
            # the subject is in this clause (not a partner of an earlier 与-list: 与A、B合作；联合C… is the
            # plan's voice, the city, joining C)
            cs = max(text.rfind(c, 0, m.start()) for c in "；;。") + 1
            before = [n for n in names if cs <= n.start and n.end <= m.start() and n.type in ORG
                      and not re.search(r"[与同][^，,；;。]*$", text[cs : n.start])]
            led = _LED_BY.search(text[cs : m.start()])
            co: list[Mentioned] = []
            if led:
                # 由江淮电机牵头，联合… / 支持惠科光电、隆基乐叶等领军企业牵头，联合…: the leaders are the subjects
                ls, le = cs + led.start("x"), cs + led.end("x")
                leaders = [self.emit(sent, n) for n in names if ls <= n.start and n.end <= le and n.type in ORG]
                leaders = leaders or self.members(sent, ls, le, names, "Enterprise", rule="joint_leader")
                leaders = [x for x in leaders if x.m.type in ORG]
                a, co = (leaders[0], leaders[1:]) if leaders else (None, [])
            elif before:
                a = self.emit(sent, before[-1])
                k = len(before) - 1  # 支持A、B、C等龙头企业联合X: every member of the list joins X
                while k > 0 and before[k - 1].type == before[k].type \
                        and re.fullmatch(r"\s*(?:、|和|及|以及)\s*", text[before[k - 1].end : before[k].start]):
                    k -= 1
                    co.append(self.emit(sent, before[k]))
            elif re.fullmatch(r"\s*(?:重点)?(?:支持|鼓励|推动|引导)[^,，、]{2,12}", text[cs : m.start()]):
                a = self._slot_short(sent, cs, m.start())  # 支持开封奇瑞联合同济大学…: a trade name
            elif re.fullmatch(r"\s*(?:并|同时|积极|主动|深入|加强|大力)?", text[cs : m.start()]):
                # nothing before 联合 in its clause: the subject carried over a ；, else the plan's voice
                a = self._carried_subject(sent, m.start()) if cs == 0 else self._plan_voice(sent, m.start(), m.start())
            else:
                a = self.last_subject
            if a is None or a.m.type not in ORG + ("City",):
                continue
            ev = self.ctx.ev(sent.para, sent.at(min(a.start, m.start()) if a.start >= 0 else m.start()), sent.at(end))
            for n in partners:
                b = n if isinstance(n, Mentioned) else self.emit(sent, n)
                for a_ in (a, *co):
                    if b.m.name != a_.m.name:
                        self.ctx.relation("COLLABORATES_WITH", a_.m, b.m, ev, rule="collab_joint")
                if b.m.name != a.m.name:
                    out.append(b)
        return out

    def _known_members(self, sent: Sentence, s: int, e: int, names: list[NameSpan]) -> list[Mentioned]:
        """The members of a list sentence[s:e] that hold no typed name but are an organisation's trade name the
        corpus knows (精达股份、铜冠铜箔、铜陵学院…: the two firms besides the college)."""
        out: list[Mentioned] = []
        for ms, me in split_members(sent.masked, s, e):
            if any(n.start < me and n.end > ms for n in names):
                continue
            me2 = _before_etc(sent.text, ms, me)
            if clean_name(sent.text[ms:me2]) in SUFFIX_INDEX:
                continue  # (与A大学、研究院…: a kind, not a name)
            got = self.short_name(sent, ms, me2, "Enterprise", rule="collab_partner", require_known=True)
            if got is not None and got.m.type in ORG:
                out.append(got)
        return out

    def _joint_subjects(self, sent: Sentence, names: list[NameSpan]) -> None:
        """市工信局、市科技局、市统计局联合建立… / 由市农业农村局、市科技局共同组织实施: the bodies listed
        as one subject work together, each with each."""
        for m in re.finditer(r"(?:联合|共同)(?:建立|组织|实施|推进|开展|制定|出台|印发|设立|发布|管理)", sent.text):
            clause_s = max(sent.text.rfind(c, 0, m.start()) for c in ",，;；:：。") + 1
            subj = [n for n in names if n.start >= clause_s and n.end <= m.start() and n.type in ORG + ("Agency",)]
            if len(subj) < 2 or re.search(r"[与和]", sent.text[subj[0].end : subj[-1].start].replace("、", "")):
                continue
            if not re.fullmatch(r"(?:由)?", sent.text[clause_s : subj[0].start]) or \
                    re.sub(r"[、和及等部门单位]", "", sent.text[subj[-1].end : m.start()]):
                continue  # only a bare list as the subject
            ms = [self.emit(sent, n) for n in subj]
            ev = self.ctx.ev(sent.para, sent.at(subj[0].start), sent.at(m.end()))
            for i, a in enumerate(ms):
                for b in ms[i + 1 :]:
                    if a.m.name != b.m.name:
                        self.ctx.relation("COLLABORATES_WITH", a.m, b.m, ev, rule="collab_joint_subject")

    def _carried_subject(self, sent: Sentence, clause_s: int) -> Mentioned:
        """Who a clause opening with 与 speaks of (see _collaborations)."""
        lead = re.match(r"^(?:重点)?(?:支持|鼓励|推动|引导)(?P<x>[^,，;；。]{2,30}?)(?:深入|积极|加快|主动|[,，])", sent.text)
        if lead and clause_s > lead.end("x"):
            xs, xe = lead.start("x"), lead.end("x")
            for n in find_names(sent.masked):
                if n.start >= xs and n.end <= xe and n.type in ORG + ("County", "Zone"):
                    return self.emit(sent, n)
        prev_end = sent.para.text[sent.start - 1 : sent.start] if sent.start else ""
        if self.last_subject is not None and prev_end in (";", "；") and self.last_subject.m.type in ORG:
            return Mentioned(self.last_subject.m, -1, -1)
        return self._plan_voice(sent, clause_s, clause_s)

    def _plan_voice(self, sent: Sentence, s: int, e: int) -> Mentioned:
        """Who acts where the plan names no one (与中科院合作…, 我市与…): the city itself, as the
        plan speaks for it; the city government only where the text names it (市政府与…)."""
        city = self.ctx.city_entity()
        return Mentioned(city, s, e) if city is not None else self._city_government(sent, s, e)

    def _city_government(self, sent: Sentence, s: int, e: int) -> Mentioned:
        """市政府 / the plan's own voice: the city government (resolved to <city>人民政府)."""
        ctx = self.ctx
        word = sent.text[s:e] if e > s else ""
        ev = ctx.ev(sent.para, sent.at(s), sent.at(max(e, s + 1)))
        m = ctx.city_government(ev, "政府" in word and word != "市人民政府")
        return Mentioned(m, s, e)

    def _adjacent_short(self, sent: Sentence, s: int, e: int) -> Mentioned | None:
        """The untyped name right before 与 (晋南钢铁与中国华能合作): only when the corpus knows it."""
        ns = left_extend(sent.masked, e, s)
        return self.short_name(sent, ns, e, "Enterprise", rule="collab_partner", require_known=True)

    def _leads(self, sent: Sentence, names: list[NameSpan]) -> None:
        """链主/龙头 of a chain."""
        if not any(k in sent.text for k in ("链主", "龙头", "领军")):
            return
        ctx = self.ctx
        for pat, default in _LEAD_PATTERNS:
            for m in re.finditer(pat, sent.text):
                self._lead(sent, names, m.start("x"), m.end("x"), m.group("c"), m.start(), m.end(), default)
        if ctx.chain is not None and ctx.chain.industry_mention.type == "IndustryChain":
            chain_word = ctx.chain.industry_mention.name.removesuffix("产业链")
            for pat in (r"以(?P<x>[^,，;；。]{2,120}?)(?:等企业)?为[“\"]?(?:链主|龙头)",
                        r"(?:培育|支持|推动)(?P<x>[^,，;；。]{2,120}?)(?:成为|作为)(?:产业链)?[“\"]?(?:链主|龙头)[”\"]?",
                        r"(?:链主|龙头)企业(?P<x>[^,，;；。]{2,120}?)(?=[,，;；。]|$)",
                        r"(?P<x>[^,，;；。]{2,120}?)等[“\"]?(?:链主|龙头)[”\"]?企业"):
                for m in re.finditer(pat, sent.text):
                    xs = m.start("x")
                    lead = re.match(r"^(?:依托|支持|推动|发挥|以|培育|引导)", sent.text[xs : m.end("x")])
                    # after 龙头企业 only a name the text types (or the corpus knows) is a leader
                    default = None if pat.startswith("(?:链主|龙头)企业") else "Enterprise"
                    self._lead(sent, names, xs + (lead.end() if lead else 0), m.end("x"), chain_word, m.start(), m.end(),
                               default)
        for m in re.finditer(r"发挥(?P<x>[^,，;；。]{2,120}?)(?:等)?(?:的)?(?:龙头|链主)(?:企业)?(?:的)?(?:带动|引领|示范|支撑)?作用",
                             sent.text):
            c = None
            if ctx.chain is not None and ctx.chain.industry_mention.type == "IndustryChain":
                c = ctx.chain.industry_mention.name.removesuffix("产业链")
            else:
                cm = re.search(r"(?:形成|打造|发展|壮大)[^,，;；。]{0,20}?([\u4e00-\u9fff]{2,8}?)产业(?:链|体系|集群)", sent.text[m.end():])
                if cm:
                    c = cm.group(1).rsplit("的", 1)[-1]  # (具有较强竞)争力的新能源汽车 -> 新能源汽车
            if c:
                # 支持千金药业（…）发挥妇科中药龙头企业作用: the named subject leads, 妇科中药 is its field
                before = re.sub(r"\([^()]{1,20}\)$", "", sent.masked[: m.start()])
                subject = next((n for n in names if n.end == len(before) and n.type == "Enterprise"), None)
                if subject is not None and not any(n.start >= m.start("x") and n.end <= m.end("x") for n in names):
                    self._lead(sent, names, subject.start, subject.end, c, subject.start, m.end())
                else:
                    self._lead(sent, names, m.start("x"), m.end("x"), c, m.start(), m.end())

    def _lead(self, sent: Sentence, names: list[NameSpan], xs: int, xe: int, chain_word: str, s: int, e: int,
              default: str | None = "Enterprise") -> None:
        from kg.extract.chains import industry_of, wording_alias

        ctx = self.ctx
        industry = industry_of(chain_word)
        if not industry:
            return
        if sent.text[xe - 1 : xe + 1] == "作为":
            xe -= 1  # X作为…链主企业: 作 is the verb's
        leaders = self.members(sent, xs, xe, names, default, rule="chain_leader")
        if default is None:
            known = self._known_in(sent, xs, xe)
            leaders += [known] if known and not leaders else []
        leaders = [mm for mm in leaders if mm.m.type == "Enterprise"]
        if not leaders:
            return
        ev = ctx.ev(sent.para, sent.at(s), sent.at(e))
        chain = ctx.entity(f"{industry}产业链", "IndustryChain", ev, rule="chain_leader", city=None,
                           aliases=[f"{w}产业链"] if (w := wording_alias(chain_word)) and w != industry else [])
        for mm in leaders:
            ctx.relation("LEADS_CHAIN", mm.m, chain, ev, rule="chain_leader",
                         properties={"city": ctx.city} if ctx.city else {})
            ctx.relation("IN_CHAIN", mm.m, chain, ev, rule="chain_leader")
        city = ctx.city_entity()
        if city is not None:
            ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_leader")


MAX_LIST_CHARS = 400  # the longest list of names read back from its 等 (the corpus' longest is ~250)


def _list_start(sent: Sentence, end: int) -> int:
    """Start of the list that ends at `end` (before 等): back over names and 、 to a clause
    boundary or a lead-in verb. A quoted part of a member (唯美诺“军民融合双创产业园”) is
    part of it."""
    text = sent.masked
    pos = end
    floor = max(0, end - MAX_LIST_CHARS)  # bounded: a table flattened into one line must stay linear
    while pos > floor:
        if text[pos - 1] == "”":
            q = text.rfind("“", floor, pos - 1)
            if q >= 0 and not re.search(r"[,，;；:：。]", text[q:pos]):
                pos = q
                continue
        if text[pos - 1] in ",，;；:：。()（）“”《》":
            break
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


def _inside_word_at(text: str, i: int) -> bool:
    """与 inside a word (参与, 给与) rather than joining partners."""
    return text[i - 1 : i + 1] in ("参与", "给与", "授与") or text[i : i + 2] in ("与其",)


# 链主/龙头/领军 of a named chain: (pattern, type of an untyped leader: None = only typed names lead)
_SCOPE = r"(?:全市|我市|本市|全省|全国|省内|市内)?"
_CHAIN_WORD = r"(?P<c>[\u4e00-\u9fff]{2,14}?)"
_LEADER = r"[“\"]?(?:链主|龙头|领军)[”\"]?"
_LEAD_PATTERNS: list[tuple[str, str | None]] = [
    (r"依托(?P<x>[^,，;；。]{2,60}?)作为" + _CHAIN_WORD + r"产业链(?:的)?[“\"]?(?:链主|龙头)[”\"]?(?:企业)?", "Enterprise"),
    # X作为/是全市新材料产业(链)的龙头企业
    (r"(?P<x>[^,，;；。]{2,40}?)(?:作为|是|为)" + _SCOPE + _CHAIN_WORD + r"(?:产业链|产业|行业)(?:的)?" + _LEADER + "企业",
     "Enterprise"),
    (_CHAIN_WORD + r"产业链[“\"]?链主[”\"]?(?:企业)?(?:为|是|:|：)(?P<x>[^,，;；。]{2,60})", "Enterprise"),
    (r"以(?P<x>[^,，;；。]{2,40}?)为" + _CHAIN_WORD + r"产业链[“\"]?(?:链主|龙头)[”\"]?", "Enterprise"),
    # 支持X担任/成为光伏产业链链主
    (r"(?:支持|推动|培育|鼓励|引导|推荐)(?P<x>[^,，;；。]{2,40}?)(?:担任|成为|作为)" + _CHAIN_WORD + r"产业链" + _LEADER, "Enterprise"),
    # 打造以X为龙头的光伏产业集群
    (r"以(?P<x>[^,，;；。]{2,40}?)(?:等企业)?为(?:链主|龙头|引领)(?:企业)?的" + _CHAIN_WORD + r"(?:产业链|产业集群|产业)",
     "Enterprise"),
    # 氢能产业链链主企业美锦能源 / 光伏产业龙头企业X、Y: only names the text types lead
    (_CHAIN_WORD + r"(?:产业链|产业)" + _LEADER + r"企业(?P<x>[^,，;；。]{2,60}?)(?=[,，;；。]|$|等)", None),
]


# what is done to a platform that exists (依托X提升Y能力)
_RAISE = r"(?:提升|做强|做优|做实|做大|壮大|升级)"
# who leads the building: 由X牵头 / 以X为牵头单位 / 支持X牵头
_LEAD_BUILDER = re.compile(r"(?:由|以|支持)(?P<who>[^,，;；。由以]{2,40}?)(?:牵头|为牵头单位|为牵头)(?![组建设])")
# 在A、B(等企业)设立院士工作站: the kinds of platform an organisation sets up inside itself
_SET_UP_AT_EACH = re.compile(r"在(?P<list>[^,，;；。在]{2,60}?)(?P<cat>等(?:龙头|骨干|重点|有条件的)?(?:企业|单位))?"
                             r"(?:新设|设立|建立|建设|组建|新建)(?P<kind>院士\(专家\)工作站|院士专家工作站|院士工作站|"
                             r"博士后科研工作站|博士后工作站|博士后创新实践基地|企业技术中心|重点实验室)(?=[、和及与或]|[^\u4e00-\u9fff(]|$)")
# the leader(s) of a joint effort in the clause before 联合: 由X牵头， / 支持A、B等领军企业牵头，
_LED_BY = re.compile(r"(?:^|由|支持|鼓励|推动|引导)\s*(?P<x>[^，,；;。由]{2,60}?)(?:等(?:龙头|骨干|链主|领军|重点|优势)?(?:企业|单位|高校))?"
                     r"(?:牵头|领衔)(?:(?:组建|建设|成立|创建)(?!的)[^，,；;。由]{2,40})?[，,]?\s*$")  # (由X牵头组建Y，联合A…)
# an item's number: 2. / 3、/ (一) / （12）
_ITEM_NO = r"(?:\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
# an item's run-in title that is one name: (一)大同氢能产业研究院。 / 3.许昌中原电气谷电力装备研究院。
_TITLE_ITEM = re.compile(r"^\s*" + _ITEM_NO + r"\s*(?P<name>[^，,；;。：:、]{4,40})[。：:]\s*$")
# …and the sentence after it naming only its builders: 由X(牵头)(，)(联合|与)Y…(合作)共建/组建，
_TITLE_BUILDERS = re.compile(r"^\s*(?:由|依托)(?P<who>[^，,；;。]{2,80}?)(?P<lead>牵头)?(?:[，,](?:联合|会同)(?P<partners>[^，,；;。]{2,60}?))?"
                             r"(?:合作|联合|共同|负责)?(?:共建|组建|建设|成立|设立|运营|发起成立)(?:运营)?(?=[，,。；;]|$)")
_LEADER_BUILDS = re.compile(r"(?:^|[。；;]|支持|推动|鼓励)(?P<who>[^，,；;。]{2,60}?)作为[^，,；;。]{0,30}?(?:链主|龙头)[^，,；;。]{0,8}"
                            r"[，,](?:要|并|将|同时)?(?:牵头|带头)(?:联合[^，,；;。]{0,40}?)?(?:组建|建设|成立|打造|设立)")
_BUILD_AFTER = re.compile(r"(?:组建|建设|成立|共建|发起|筹建|争创|设立)(?:了|的)?")
_DISTRIBUTED = re.compile(r"(?P<list>(?:[\u4e00-\u9fff]{2,4}、){1,8}(?P<tail>[\u4e00-\u9fff]{2,24}?"
                          r"(?:示范区|开发区|高新区|集聚区|示范园区?|产业园区?|科技园区?|园区)))")
# a shared zone noun is a noun: not 依托特色农业建成一批农业科技示范园
_ZONE_AFTER = re.compile(r"(?P<core>[\u4e00-\u9fff]{2,10}?)(?:经济技术开发区|经济开发区|高新技术产业开发区|化学工业区|工业区|"
                         r"工业园区|产业园区|产业园|工业园)")
_NOT_A_ZONE_NOUN = re.compile(r"依托|建成|建设|一批|打造|培育|推进|发展|重点|创建|争创|申报|发挥|利用|资源")


# X研究院（与四川大学、电子科技大学共建）: the bracket names who built the institute
# (…研究院，由湘潭市人民政府与湘潭大学共建: so is the clause after it)
_BUILT_WITH = re.compile(r"\s*(?:\((?:由|与|依托)?[^()]{2,40}(?:共建|组建|牵头|建设)\)|[,，]由[^,，;；。()]{2,40}?(?:共建|组建))")
# a zone's committee or a government builds with its partners (由莆田高新区管委会和福州大学联合组建的…)
_BUILDING_BODY = re.compile(r"管委会|人民政府$|市政府$")


def _before_etc(text: str, s: int, e: int) -> int:
    """Where a list member text[s:e] ends before its 等 (精达股份等单位; not 高等, 同等 …)."""
    cut = re.search(r"(?<![高中初同平均对相优])等", text[s:e])
    return s + cut.start() if cut and cut.start() > 0 else e


def _builds(type_: str, name: str) -> bool:
    """Besides organisations, who may build (host) a platform: a zone, its committee, a government."""
    return type_ == "Zone" or type_ == "Agency" and bool(_BUILDING_BODY.search(name))


def _county_at(text: str) -> str | None:
    """The county a list member is, printed in full or short form, at the start of `text`."""
    m = COUNTY_RE.match(text)
    if m:
        return m.group(0)
    return next((text[:k] for k in (4, 3, 2) if text[:k] in _SHORT_COUNTY), None)


_SHORT_COUNTY = {short_place(c): c for c in SHANXI_COUNTY_CITY if len(short_place(c)) >= 2}
_SHORT_CITY = {**{short_place(c): c for c in CITIES if len(short_place(c)) >= 2}, **{c: c for c in CITIES}}


def _clause_end(text: str, pos: int) -> int:
    """Where the clause going on at `pos` ends (the next comma, semicolon or full stop)."""
    return min([i for i in (text.find(c, pos) for c in ",，;；。") if i >= 0] or [len(text)])


def _clause_start(text: str, pos: int) -> int:
    """Where the clause going on at `pos` starts (after the last comma, semicolon or full stop)."""
    return max(text.rfind(c, 0, pos) for c in ",，;；。") + 1


def _count(n: str) -> int:
    """两 / 三 / 12 as a number (the counts of a distributed list are small)."""
    return int(n) if n.isdigit() else 2 if n == "两" else "一二三四五六七八九十".find(n) + 1


# what a verb goes on to build: a platform's kind, named or not (…建设市级临床医学重点实验室)
_KIND_AFTER = re.compile(r"[^,，;；。、()（）]{0,20}?(?:实验室|研究中心|技术中心|创新中心|研究院|中试基地|工作站|孵化器|众创空间|"
                         r"联盟|平台|基地)")


def _place_named(word: str) -> tuple[str | None, str | None]:
    """The city or county a word opens with, in full or short form (长治 -> 长治市, 霍州市 -> 霍州市)."""
    m = COUNTY_RE.match(word)
    if m:
        return m.group(0), "County"
    for city in CITIES:
        if word.startswith(city) or word == city[:-1] or word.startswith(city[:-1]) and len(city) > 2:
            return city, "City"
    return None, None
