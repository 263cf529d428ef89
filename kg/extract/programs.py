"""Programmes (“111”创新工程, 高新技术企业倍增计划, 市长创新奖), policies (《…》, and the plan
itself), their issuers and the sub-programme lists (X工程,即:A、B、C)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.context import DocContext, Sentence
from kg.extract.lexicon import CITIES, PROVINCES, CENTRAL_AGENCIES, ISSUER_PREFIX, clean_name, is_generic, norm_text
from kg.extract.names import find_names, name_start
from kg.models import EntityMention

PROGRAM_TYPES = r"(?:行动计划|工程|计划|行动|专项|试点|奖)"
# “111”创新工程, 临汾市“提质强医”工程, 学科建设和人才培养“十百千”工程, “1331 工程”, “市长创新奖”
QUOTED = re.compile(
    r"(?P<city>[\u4e00-\u9fff]{2,3}市)?(?P<pre>[\u4e00-\u9fff]{0,10}?)"
    r"(?P<codes>(?:[“\"][^“”\"]{1,16}[”\"])+)"
    r"(?P<post>(?!包括|包含|涵盖)(?:等|三大|四大|五大|两大|[\u4e00-\u9fff]{0,3}大)?[\u4e00-\u9fff]{0,8}?" + PROGRAM_TYPES + r")?"
)
# 三大工程, 十大行动: a count of programmes of a kind (not 重大科技专项, not “万企融合”大行动)
_COUNTED_KIND = r"(?:[一二三四五六七八九十两百\d]{1,3}|几)大"
_CODE = re.compile(r"[“\"]([^“”\"]{1,16})[”\"]")
# 实施高新技术企业倍增计划 / 组织实施提质强医工程 / 实施知识更新工程、技能提升行动
RUN_VERBS = r"(?:推进实施|组织实施|贯彻实施|深入实施|大力实施|滚动实施|持续推进|全面启动|实施|推进|开展|启动|设立|完善|举办|打造|推行)"
# …包括A工程、B工程: the parts of a programme named before
UNQUOTED = re.compile(r"(?:" + RUN_VERBS + r"|(?P<weak>推动|(?P<incl>包括|包含|涵盖)))(?P<list>[\u4e00-\u9fff、+]{2,90})")
# after the weaker verbs, what is not a programme: 推动成果向工程化, 包括材料科学与工程 (a discipline), 包括以下四项子计划
_NOT_AFTER_WEAK = re.compile(r"向|和|与|^以下|^[一二三四五六七八九十两\d]+项|子计划$")
_TYPE_END = re.compile(r"^(?P<name>[\u4e00-\u9fff+]{2,16}?(?:工程|计划|行动)(?!计划))(?!(?:(?![和及与])[\u4e00-\u9fff])*?(?:中心|方案|办法|意见|项目|管理|资金|经费|体系|师|技术|研究))")
_MEMBER = re.compile(r"^[\u4e00-\u9fff+]{2,16}(?:工程|计划|行动)$")
_NOT_PROGRAM = re.compile(r"(战略|部署|模式|理念|精神|方针|制度|体系|机制|格局|目标|任务|要求|建设|发展|工作|项目|政策)$")
_GENERIC_PROGRAM = re.compile(r"^(?:各类|一批|重大(?=.{0,4}$)|重点(?=.{0,4}$)|各项|有关|相关|该|本(?!土|地)|等|一流|优质|全市|全省|科技计划$|计划$)|一批|各类|的|"
                              r"重大(?:工程|计划|行动|专项)$|"
                              r"[一二三四五六七八九十两\d]+大")
# the standing science and technology programmes of a level of government (国家重点研发计划,
# 省重大科技专项, 市级科技计划): named, though each word of them is common
SCHEME = re.compile(r"(?:国家|[省市]级?)?(?:重点研发计划|重大科技专项|科技重大专项|自然科学基金)"
                    r"|(?:国家|省级|市级|县级)科技计划(?!项目|管理|体系)")
_COUNTER_CODE = re.compile(r"^[一二三四五六七八九十两\d]+个$")
_MODIFIER_AFTER = re.compile(r"^(?:规划|辅导|服务|资金|经费|项目|方案|政策|管理|支持|补助|奖励|工作)")
# an award received: 获得国家科学技术进步奖一等奖, 荣获2018年中国产学研合作促进奖 (a competition's prize,
# 第八届…大赛…奖, is not a programme)
AWARD = re.compile(r"(?:获得|荣获|获评)\s*(?:\d{4}\s*年度?)?\s*(?P<award>(?:国家|中国|全国|山西省|省|市)[\u4e00-\u9fff]{2,16}?奖)"
                   r"(?=[一二三]等奖|特等奖|[,，;；。、]|\d|$|等)")
# an award the plan sets up: 设立咸阳市科学技术最高奖，每两年评选一次
AWARD_SET = re.compile(r"(?:设立|设置)\s*(?P<award>(?:[\u4e00-\u9fff]{2,4}市|市)[\u4e00-\u9fff]{2,14}?奖)(?=[,，;；。、]|$)")
# a sentence about what the state does (从国内看，国家把科技自立自强作为…,实施…工程)
_NATION_ACTS = re.compile(r"(?:^|[,，;；。])\s*(?:从国内看[,，])?\s*(?:国家|党中央|中央|国务院)(?:把|将|正在|正|在|提出|部署|实施|启动|出台|加快)")
SUB_LIST = re.compile(r"[,，]?即[:：]")
TITLE = re.compile(r"《(?P<t>[^《》]{2,80})》")
NOT_POLICY_AFTER = re.compile(r"^(?:杂志|期刊|报|日报|周刊|丛书|栏目|节目|专栏)")
# an issuer right before a cited title: 市委《关于…》, 省政府《…》
ISSUER_BEFORE = re.compile(r"(?P<issuer>中共中央|国务院(?:办公厅)?|中共[\u4e00-\u9fff]{2,5}?[省市县区]委|[省市]委|[省市]政府|"
                           r"[省市]人民政府(?:办公厅|办公室)?)(?:印发的?|出台的?|制定的?|发布的?)?$")
ISSUE_VERB = re.compile(r"(?:制定|出台|印发|发布|制订|修订完善|修订)(?:了|并实施|出台了?)?\s*$")


_CENTRAL_BEFORE = re.compile("(?:" + "|".join(sorted(CENTRAL_AGENCIES, key=len, reverse=True)) + ")$")
# a sentence that puts named bodies in charge of what it starts
RUNNER_CUE = re.compile(r"由[^，,；;。]{2,30}?(?:牵头|负责|组织|统筹)|(?:会同|配合)[^，,；;。]{0,30}?(?:实施|开展|推进)|牵头(?:实施|组织|推进)|"
                        r"(?:共同|联合|分别)(?:组织)?(?:实施|组织|推进)")
# the bodies of the clause after 由A牵头 that run the programme with A: …，B、C共同组织实施 / …，会同B、C建立… /
# …，B、C等部门配合
_CO_RUNNERS = re.compile(r"[、,，]\s*(?:(?:会同|联合)[^。；;，,]{2,60}|"
                         r"[^。；;，,]{2,40}?(?:等(?:部门|单位))?(?:共同|联合|分别)?(?:组织实施|组织(?!部)|负责|推进|实施|配合))")
# a list sharing one programme type word: 实施A、B等行动 / 重点包括A、B和C四项专项
SHARED_TYPE = re.compile(r"(?:(?P<incl>包括|包含|涵盖|分为|整合为|设置)|(?P<merge>整合形成|整合设立)|" + RUN_VERBS + r")"
                         r"(?P<list>[\u4e00-\u9fff“”]{4,14}(?:(?:、|和|及)[\u4e00-\u9fff“”]{4,14}){1,8})"
                         r"(?P<count>等|等?[一二三四五六七八九十两\d]+(?:项|个|大|类))(?:科技)?(?P<type>工程|计划|行动|专项|子项目|子项|子计划)")
# a member that already names its kind keeps its name (重大科技专项 of 整合为重大科技专项、重点研发计划…等四类计划);
# the parts of a programme (…等四个子项目) are named as printed
_OWN_KIND = re.compile(r"(?:工程|计划|行动|专项)$")
# …强市建设工程: a building programme named for what it builds (not 基础设施建设 alone)
_NAMED_BUILDING = re.compile(r"^[\u4e00-\u9fff]{4,}建设$")
# a box or box item named as a programme: 重大创新平台建设工程, 领军人才引育专项 (not 重点工程 alone)
BOX_PROGRAM = re.compile(r"^[\u4e00-\u9fff“”]{4,20}(?:工程|计划|行动|专项)$")
BOX_ITEM = re.compile(r"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、])\s*(?P<name>[^:：。,，]{2,24})[:：。]")  # 1. / (1)


@dataclass
class ProgramRef:
    name: str
    code: str | None
    start: int
    end: int
    aliases: list[str]
    award: bool = False
    pilot: bool = False
    member: bool = False  # listed as what a programme named before it includes
    named: bool = False  # found by its name alone (国家重点研发计划), not as what a verb runs


def program_key(name: str) -> str:
    """What two programme names must share: the quoted code (“1331”), else the name without its
    type word (高新技术企业倍增 for 倍增计划 and 倍增工程)."""
    m = _CODE.search(name)
    if m:
        code = re.sub(r"\s*(?:工程|计划|行动|专项)$", "", m.group(1).strip())
        return code
    n = re.sub(r"^[\u4e00-\u9fff]{2,3}市(?=[\u4e00-\u9fff“])", "", clean_name(name))
    return re.sub(r"(?:工程|计划|行动|专项)$", "", n)


def find_programs(text: str) -> list[ProgramRef]:
    """Programme names in a (normalised) sentence, with offsets."""
    out: list[ProgramRef] = []
    if not any(k in text for k in ("工程", "计划", "行动", "专项", "奖", "试点")):
        return out
    for m in QUOTED.finditer(text):
        codes = [c.strip() for c in _CODE.findall(m.group("codes"))]
        post = m.group("post") or ""
        if post and _MODIFIER_AFTER.match(text[m.end():]):
            continue  # “点对点”专项辅导服务, “十四五”规划及其他专项规划: a modifier, not a programme
        if len(codes) > 1 and post and not re.match(r"^(?:等|[\u4e00-\u9fff]{0,3}大)?[\u4e00-\u9fff]{0,2}" + PROGRAM_TYPES + "$", post):
            # “运城苹果”“运城面粉”“运城蔬菜”品牌提升计划: one programme about several brands
            name = m.group("codes") + post
            out.append(ProgramRef(re.sub(r"\s+", "", name), None, m.start("codes"), m.end(), []))
            continue
        for code in codes:
            if _COUNTER_CODE.match(re.sub(r"\s*(?:工程|计划|行动|专项)$", "", code)):
                continue
            inner = re.match(r"^(.*?)\s*(工程|计划|行动|专项)$", code)
            if inner and inner.group(1):
                # “1331 工程” as printed stays an alias of the canonical “1331”工程
                out.append(ProgramRef(f"“{inner.group(1).strip()}”{inner.group(2)}", inner.group(1).strip(),
                                      m.start("codes"), m.end(), ["“" + re.sub(r"\s+", "", code) + "”"]))
                continue
            if code.endswith("奖") and len(code) >= 4:
                out.append(ProgramRef(code, code, m.start("codes"), m.end("codes"), [f"“{code}”"]))
                continue
            if not post:
                continue
            counted = re.match(r"^等?[一二三四五六七八九十两\d]+[个项]", post)  # …和“宝鸡工匠”四个专项: one of four
            if len(codes) > 1 or post.startswith("等") or counted or re.match(_COUNTED_KIND, post):
                tail = re.search(PROGRAM_TYPES + "$", post).group(0)
                # “111”“1331”“136”创新工程: the words they share are each one's (a category after 等, 三大: the type only)
                rest = re.sub(r"^(?:等|[一二三四五六七八九十两\d]+[个项]|" + _COUNTED_KIND + ")", "", post)
                name = f"“{code}”{tail if rest != post or rest.startswith(('重大', '重点', '系列', '各项')) else rest}"
            else:
                # …和“眉山工匠”培育四个专项: one of four, named without the count
                mid = re.fullmatch(r"(?P<w>[\u4e00-\u9fff]{1,4}?)等?[一二三四五六七八九十两\d]+[个项类](?P<t>" + PROGRAM_TYPES + ")", post)
                name = f"“{code}”{mid.group('w')}{mid.group('t')}" if mid else f"“{code}”{post}"
            if _NOT_PROGRAM.search(name):
                continue
            aliases = []
            if m.group("city") and len(codes) == 1:
                aliases.append(f"{m.group('city')}{name}")
            pre = re.split(RUN_VERBS + r"|以|与|和|及|的|对标|对接|纳入|推动|推行|试行|省级|省委|自治区|深入|积极|"
                           r"第[一二三四五六七八九十]+[章节]|[，,、:：]",
                           m.group("pre") or "")[-1]
            if pre and len(codes) == 1 and not m.group("city") and len(pre) >= 2:
                aliases.append(f"{pre}{name}")
            out.append(ProgramRef(name, code, m.start("codes"), m.end(), aliases))
    for m in [*AWARD.finditer(text), *AWARD_SET.finditer(text)]:
        name = m.group("award")
        if not any(p.start <= m.start("award") < p.end for p in out):
            out.append(ProgramRef(name, None, m.start("award"), m.end("award"), [], award=True))
    taken = [(p.start, p.end) for p in out]
    for m in UNQUOTED.finditer(text):
        s0 = m.start("list")
        spans = _members(text, s0, m.end("list"))
        if spans:  # …培育计划和平台基地建设计划: the last member of a 和-pair closing the list
            ls, le = spans[-1]
            t = _TYPE_END.match(text[ls:le])
            pair = re.fullmatch(r"(?:和|及|以及)(.{2,16}?(?:工程|计划|行动))", text[ls + t.end("name") : le]) if t else None
            if pair:
                spans[-1:] = [(ls, ls + t.end("name")), (ls + t.end("name") + pair.start(1), le)]
        for s, e in spans:
            t = _TYPE_END.match(text[s:e])
            if not t:
                break  # the list of programmes ends at the first member that is not one
            e = s + t.end("name")
            name = clean_name(t.group("name"))
            if any(a <= s < b for a, b in taken) or not _MEMBER.match(name):
                continue
            if (_GENERIC_PROGRAM.search(name) and not SCHEME.fullmatch(name)) \
                    or _NOT_PROGRAM.search(name[:-2]) and not _NAMED_BUILDING.match(name[:-2]) \
                    and not re.search(r"[\u4e00-\u9fff]{4}发展行动$", name):  # 产业链创新链融合发展行动
                continue
            if m.group("weak") and (len(name) < 6 or _NOT_AFTER_WEAK.search(name) or text[e : e + 1] in ("大", "学", "化")):
                continue
            out.append(ProgramRef(name, None, s, e, [], member=bool(m.group("incl"))))

    def free(pos: int) -> bool:
        return not any(p.start <= pos < p.end for p in out)

    # 实施青少年科学素质提升、农民科学素质提升等行动 / 包括领军人才引育、…和优秀企业家培育四项专项: one
    # programme per member, the type word shared
    for m in SHARED_TYPE.finditer(text):
        for mm in re.finditer(r"[^、和及]+", m.group("list")):
            s, e = m.start("list") + mm.start(), m.start("list") + mm.end()
            word = re.sub(r"等$", "", clean_name(text[s:e]))
            e -= len(clean_name(text[s:e])) - len(word)
            name = word if _OWN_KIND.search(word) or m.group("type").startswith("子") else word + m.group("type")
            # 包括领军人才、青年拔尖人才、高技能人才三个专项: a counted list of a programme's parts names them
            counted = bool(m.group("incl") or m.group("merge")) and m.group("count") != "等"
            if m.group("incl") and not free(s):
                for p in out:
                    if p.start <= s < p.end:
                        p.member = True  # 包括…、“宝鸡工匠”等四个专项: the quoted one is a part too
            generic = _GENERIC_PROGRAM.search(name) and not (counted and re.match(r"(?:重大|重点)[\u4e00-\u9fff]{4}$", name))
            if len(word) >= 4 and free(s) and not generic and (counted or not is_generic(word)):
                out.append(ProgramRef(name, None, s, e, [], member=bool(m.group("incl"))))

    # 持续推动省校合作和双千工程: the last member of a 和-pair after a run verb
    for m in re.finditer(r"(?:持续推动|推动|推进|实施)[\u4e00-\u9fff]{2,12}和(?P<name>[\u4e00-\u9fff]{2,8}?(?:工程|计划|行动))(?![\u4e00-\u9fff])",
                         text):
        name = m.group("name")
        if free(m.start("name")) and not _GENERIC_PROGRAM.search(name) and not _NOT_PROGRAM.search(name[:-2]):
            out.append(ProgramRef(name, None, m.start("name"), m.end("name"), []))
    # 探索开展赋予科研人员职务科技成果所有权或长期使用权试点工作: a named pilot is a programme
    for m in PILOT.finditer(text):
        name = m.group("name")
        if free(m.start("name")) and not _GENERIC_PROGRAM.search(name):
            out.append(ProgramRef(name, None, m.start("name"), m.end("name"), [], pilot=True))
    for m in SCHEME.finditer(text):
        s, e = m.span()
        if m.group(0)[0] in "省市":  # 山西省重点研发计划, 宝鸡市重大科技专项: the place is part of the name
            s -= max((len(p) - 1 for p in (*PROVINCES, *CITIES) if p[-1] == text[s] and text.endswith(p[:-1], 0, s)), default=0)
        if free(s) and free(e - 1) and m.group(0).startswith(("国家", "省", "市")):  # 推动重大科技专项研究: no programme
            out.append(ProgramRef(clean_name(text[s:e]), None, s, e, [], named=True))
    # 设立宝鸡市科技创新市长奖 / 完善市科学技术突出贡献奖、科技进步奖和技术发明奖: an award is named by
    # its kind, whatever verb (or none) comes before it
    for m in NAMED_AWARD.finditer(text):
        s = name_start(text, m.end(), m.start())
        if re.search(r"(?:国家|省|市|县)级(?:以上)?$", text[max(0, s - 4) : s]):
            continue  # 省级技术发明奖(项): a count of awards of a level, an indicator
        lead = re.match(r"(?:[\u4e00-\u9fff]{0,2}期间)?(?:荣获|获得|获|下设|设有)?\s*(?:\d{4}\s*年度?)?\s*", text[s : m.start()])
        s += lead.end()  # 期间获国家科学技术奖, 2020年度山西省科技进步奖: the award, not its year
        name = clean_name(text[s : m.end()])
        if len(name) >= 4 and free(s) and free(m.start()) and not _GENERIC_PROGRAM.search(name):
            out.append(ProgramRef(name, None, s, m.end(), [], award=True))
    out.sort(key=lambda p: p.start)
    return out


# the kinds of award a science and technology plan names (奖励, 奖补, 奖金 are money, 一等奖 a grade)
NAMED_AWARD = re.compile(r"(?:科学技术|科技进步|技术发明|自然科学|科技创新|市长|突出贡献|技术创新)奖(?![励金补状牌])")
PILOT = re.compile(r"(?:开展|推进|实施|推广)(?P<name>[\u4e00-\u9fff]{6,30}?试点)(?:工作|示范)?(?=[。，,；;]|$)")
# 在A、B、C等院校开展试点: the sites of the pilot just named
PILOT_SITES = re.compile(r"^在(?P<list>[^。；;]{2,120}?)(?:等[\u4e00-\u9fff]{0,6})?(?:开展|推进|实施)(?:该项?|相关)?试点")


def _members(text: str, s: int, e: int) -> list[tuple[int, int]]:
    spans, pos = [], s
    for i in range(s, e):
        if text[i] == "、":
            spans.append((pos, i))
            pos = i + 1
    spans.append((pos, e))
    return spans


# 您提出的《…》 / 关于…的提案《…》: a proposal (提案, 建议) that the text answers
PROPOSAL_BEFORE = re.compile(r"(?:您|你们|委员|代表)(?:所)?提出的$|提案$|建议$")

class ProgramRules:
    """Programme, policy and issuer rules of one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.by_key: dict[str, EntityMention] = {}
        self.sub_programs: set[str] = set()
        self.last_run: tuple[int, EntityMention] | None = None  # (paragraph, the last programme a sentence named)
        self.last_heading = -1  # the paragraph index of the last heading read
        self.last_pilot: tuple[int, EntityMention] | None = None  # (paragraph, pilot) for 在A、B开展试点

    # ---------------------------------------------------------------- document itself
    def document_policy(self) -> tuple[EntityMention | None, EntityMention | None]:
        """The plan is itself a Policy issued by its issuer (Document.meta). A reply to a proposal
        (kind reply) is correspondence, not a policy: only its author is kept, as the voice of
        the text (我们制定了《…》 is the author's)."""
        doc, meta = self.ctx.doc, self.ctx.doc.meta
        agency = self._issuer_agency()
        if meta.kind == "reply":
            return None, agency
        if not meta.title:
            return None, None
        line, quote = _title_line(doc.lines, meta.title, meta.doc_number)
        props = {k: v for k, v in {"doc_number": meta.doc_number, "date": meta.date, "kind": meta.kind}.items() if v}
        if meta.date and meta.date[:4].isdigit():
            props["year"] = int(meta.date[:4])
        aliases: list[str] = []
        policy = self.ctx.entity(meta.title, "Policy", self.ctx.line_ev(line, quote), rule="document_meta",
                                 properties=props, aliases=aliases)
        if agency is not None:
            self.ctx.relation("ISSUED", agency, policy, agency.evidence, rule="document_meta")
        return policy, agency

    def _issuer_agency(self) -> EntityMention | None:
        """The document's issuer (Document.meta) as an Agency, at the first line that prints it."""
        meta = self.ctx.doc.meta
        if not meta.issuer:
            return None
        iline = next((i for i, ln in enumerate(self.ctx.doc.lines, 1) if meta.issuer in ln), None)
        if iline is None:
            return None
        return self.ctx.entity(meta.issuer, "Agency", self.ctx.line_ev(iline, meta.issuer), rule="document_meta",
                               scope=agency_scope(meta.issuer, self.ctx.city))

    def pilot_sites(self, sent: Sentence) -> EntityMention | None:
        """在山西农业大学小麦研究所、临汾职业技术学院等院校开展试点: the pilot named just before in the
        paragraph, whose sites the sentence lists (they are PART_OF_PROGRAM it)."""
        if self.last_pilot is None or self.last_pilot[0] != sent.pindex or not PILOT_SITES.match(sent.text):
            return None
        return self.last_pilot[1]

    def run_here(self, sent: Sentence) -> tuple[EntityMention, int, int] | None:
        """实施创新龙头企业“领航”计划，支持一拖集团、中信重工… / 依托内蒙古科技大学…，实施产业工人技能
        提升行动: the one programme a sentence runs (its mention and offsets in the sentence), whose
        organisations the rest of the sentence names."""
        found = [p for p in find_programs(sent.masked)
                 if re.search(RUN_VERBS + r"$", sent.masked[max(0, p.start - 8) : p.start].rstrip("“"))
                 or re.search(RUN_VERBS + r"[\u4e00-\u9fff]{0,8}$", sent.masked[max(0, p.start - 16) : p.start])]
        if len(found) != 1:
            return None
        ref = found[0]
        m = self.by_key.get(program_key(ref.name))
        return (m, ref.start, ref.end) if m is not None else None

    # ---------------------------------------------------------------- 专栏 programmes
    def box(self, table) -> EntityMention | None:
        """专栏3 重大创新平台建设工程: a box titled with a programme is that programme (the city runs it)."""
        title = clean_name(table.title or "")
        runner = re.search(r"\(由(?P<who>[^()]{2,40}?)(?:牵头|负责|组织实施|实施)\)$", title)
        name = title[: runner.start()] if runner else title  # 创新主体培育行动(由市科技局、市工信局牵头)
        if not BOX_PROGRAM.match(name):
            return None
        ev = self.ctx.line_ev(table.line, (table.title or "").strip() or None)
        m = self.ctx.entity(name, "Program", ev, rule="program_box", scope=self.ctx.city)
        self.by_key.setdefault(program_key(name), m)
        agencies = [n for n in find_names(runner.group("who")) if n.type == "Agency"] if runner else []
        for a in agencies:
            am = self.ctx.entity(a.name, "Agency", ev, rule="program_runner", scope=agency_scope(a.name, self.ctx.city))
            self.ctx.relation("RUNS_PROGRAM", am, m, ev, rule="program_box")
        city = self.ctx.city_entity()
        if city is not None and not agencies:
            self.ctx.relation("RUNS_PROGRAM", city, m, ev, rule="program_box")
        return m

    def box_item(self, para, box: EntityMention) -> EntityMention | None:
        """1.国家级平台提升工程：… an item of a programme box that is a programme of its own is part of it."""
        m = BOX_ITEM.match(norm_text(para.text))
        if not m or not BOX_PROGRAM.match(clean_name(m.group("name"))):
            return None
        name = clean_name(m.group("name"))
        ev = self.ctx.ev(para, m.start("name"), m.end("name"))
        item = self.ctx.entity(name, "Program", ev, rule="program_box_item", scope=self.ctx.city)
        self.by_key.setdefault(program_key(name), item)
        self.ctx.relation("PART_OF_PROGRAM", item, box, ev, rule="program_box_item")
        return item

    def heading_program(self, para) -> EntityMention | None:
        """(2)创新创业领军人才工程。 / 4.博士后集聚行动： — a numbered heading that is nothing but a
        programme's name (after its run verb) is that programme, which its section goes on about."""
        text = norm_text(para.text)
        title = re.sub(r"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、])\s*", "", text)
        title = re.sub(r"[。:：]\s*$", "", title)
        title = re.sub(r"^(?:深入|持续|大力|加快|全面)?(?:实施|推进|推动|开展|启动)", "", title)  # 1.实施高新技术企业倍增计划
        if title == text.strip():
            return None  # only a numbered item's heading (一、实施… headings are read as prose)
        return self._titled(para, title, "program_heading")  # who runs it, the section says (由市科技局牵头…)

    def run_in_program(self, para) -> EntityMention | None:
        """“链主企业创新引领”工程：支持昌飞公司… — a paragraph opening with nothing but a programme's
        name and a colon is about that programme (a 专栏's unnumbered items)."""
        m = re.match(r"\s*([^:：。，,；;、\s]{4,22})[:：](?=\S)", norm_text(para.text))
        return self._titled(para, m.group(1), "program_run_in") if m else None

    def _titled(self, para, title: str, rule: str) -> EntityMention | None:
        """The programme a title names, when it is a programme's name (4.中试基地建设工程: a numbered
        item's title names one even when its words end in 建设/发展)."""
        if not BOX_PROGRAM.match(title) or _GENERIC_PROGRAM.search(title) \
                or _NOT_PROGRAM.search(title[:-2]) and not re.search(r"(?:建设|发展)$", title[:-2]):
            return None
        s0 = para.text.find(title) if title in para.text else 0
        ev = self.ctx.ev(para, max(s0, 0), max(s0, 0) + len(title))
        m = self.ctx.entity(title, "Program", ev, rule=rule, scope=self.ctx.city)
        self.by_key.setdefault(program_key(title), m)
        return m

    # ---------------------------------------------------------------- sentences
    def sentence(self, sent: Sentence, issuer_default: EntityMention | None,
                 item: EntityMention | None = None) -> list[tuple[EntityMention, int, int]]:
        """Programmes and policies of a sentence; returns the programme mentions with offsets. `item`
        is the programme a box item heading just named (1.“云冈英才”引进计划:), which the body goes on about."""
        ctx, para = self.ctx, sent.para
        progs: list[tuple[EntityMention, int, int]] = []
        for p in find_programs(sent.text):
            ev = ctx.ev(para, sent.at(p.start), sent.at(p.end))
            rule = "program_award" if p.award else "program_member" if p.member else "program_named" if p.named else \
                ("program_quoted" if p.code else "program_run")
            m = ctx.entity(p.name, "Program", ev, rule=rule,
                           aliases=p.aliases, properties={"code": p.code} if p.code else {}, scope=ctx.city)
            self.by_key.setdefault(program_key(p.name), m)
            progs.append((m, p.start, p.end))
            if p.pilot:
                self.last_pilot = (sent.pindex, m)
        self._sub_programs(sent, progs)
        self._plan_classes(sent, progs)
        self._included(sent, progs, item)
        self._runs(sent, progs)
        # 1.X计划:|由市委人才办组织实施 / 实施“高新技术企业倍增计划”。由市科技局会同市财政局组织实施: the
        # sentence after a programme's names who runs it
        before = item if item is not None and sent.start == 0 else \
            self.last_run[1] if not progs and self.last_run is not None and self.last_run[0] == sent.pindex else None
        if before is None and not progs and sent.start == 0 and self.last_run is not None \
                and self.last_run[0] == sent.pindex - 1 and self.last_heading == sent.pindex - 1:
            before = self.last_run[1]  # 2.实施“高新技术企业倍增计划”。 (a heading) / 由市科技局…组织实施
        said = re.match(r"^(?:由)?(?P<who>[^。；;，,]{2,40}?)(?:共同|联合|分别)?(?:(?:牵头|负责|统筹)(?:组织)?(?:实施)?|(?:组织)?实施|组织|推进)",
                        sent.text) if before is not None else None
        if said:  # (5)“千名科技特派员进乡村”行动：|市科技局、市农业农村局共同组织
            more = _CO_RUNNERS.match(sent.text[said.end() :])  # (由A牵头，会同B、C等部门组织实施)
            who_end = said.end() + more.end() if more else said.end("who")
            for a, a_s, a_e in self._named_runners(sent):
                if a_e > who_end:
                    continue
                ev = self.ctx.ev(sent.para, sent.at(0), sent.at(a_s + len(a.name)))
                self.ctx.relation("RUNS_PROGRAM", a, before, ev, rule="program_runner")
        runs = [m for m, _, _ in progs if m.rule != "program_member"]
        self.last_run = (sent.pindex, runs[-1]) if runs else None
        if para.is_heading:
            self.last_heading = sent.pindex
        self._policies(sent, issuer_default)
        return progs

    def _plan_classes(self, sent: Sentence, progs: list[tuple[EntityMention, int, int]]) -> None:
        """优化市级科技计划体系，整合设立A、B、C: the classes are parts of the city's S&T plan."""
        m = re.search(r"市级科技计划(?:体系)?[^。；;]{0,12}?(?:整合设立|整合形成|整合为|设立|形成|分为|包括|设置)", sent.text)
        if not m:
            return
        # the classes listed after the verb, up to 四类/五大类/等类别 or the clause's end: each is a programme of
        # the city's plan even where its words (重点研发计划) read as a kind elsewhere
        tail = re.match(r"[^。；;，,]{4,120}?(?=(?:等|共)?[一二三四五六七八九十\d]*大?类|等类别|[。；;，,]|$)", sent.text[m.end():])
        if tail:
            # 设立重点研发、成果转化、平台建设和科技服务四类专项 / …、科技合作等专项: bare classes share the kind after them
            after = sent.text[m.end() + tail.end() :]
            kind = re.match(r"(?:等|共)?(?:[一二三四五六七八九十两\d]+(?:个|项)?大?类)?(?P<k>专项|计划)", after)
            end = m.end() + tail.end()
            if kind is None:
                kind = re.search(r"等(?P<k>专项|计划)$", tail.group(0))
                end -= len(kind.group(0)) if kind else 0
            spans = _members(sent.text, m.end(), end)
            if spans:  # (…平台建设和科技服务 / …科技特派员专项和创新平台建设专项: the last two joined by 和)
                ls, le = spans[-1]
                pair = re.fullmatch(r"([\u4e00-\u9fff]{4,12}?)(?:和|及)([\u4e00-\u9fff]{4,12})", sent.text[ls:le])
                # (创新平台和人才计划 is one class: a member naming its kind stays whole unless both halves do)
                if pair and (all(re.search(r"(?:计划|专项)$", g) for g in pair.groups())
                             or kind and not re.search(r"(?:计划|专项)$", pair.group(2))):
                    spans[-1:] = [(ls, ls + pair.end(1)), (ls + pair.start(2), le)]
            for s0, e0 in spans:
                name = clean_name(sent.text[s0:e0])
                if kind and re.fullmatch(r"[\u4e00-\u9fff]{4,10}", name) and not re.search(r"(?:计划|专项)$", name):
                    name += kind.group("k")
                if not re.fullmatch(r"[\u4e00-\u9fff]{2,14}(?:计划|专项)", name) or any(s <= s0 < e for _, s, e in progs):
                    continue
                ev = self.ctx.ev(sent.para, sent.at(s0), sent.at(e0))
                progs.append((self.ctx.entity(name, "Program", ev, rule="program_run", scope=self.ctx.city), s0, e0))
        kids = [(k, s, e) for k, s, e in progs if s >= m.end() - 4 and k.name != "市级科技计划"
                and re.search(r"(?:计划|专项|项目)$", k.name)]
        if len(kids) < 2:
            return
        ps = m.start()
        ev = self.ctx.ev(sent.para, sent.at(ps), sent.at(ps + 6))
        parent = self.ctx.entity("市级科技计划", "Program", ev, rule="program_plan", scope=self.ctx.city)
        for kid, _, e in kids:
            self.ctx.relation("PART_OF_PROGRAM", kid, parent, self.ctx.ev(sent.para, sent.at(ps), sent.at(e)),
                              rule="program_plan_class")

    def _sub_programs(self, sent: Sentence, progs: list[tuple[EntityMention, int, int]]) -> None:
        m = SUB_LIST.search(sent.text)
        if not m:
            return
        parents = [p for p in progs if p[2] <= m.start() + 1]
        if not parents:
            return
        # members of the list after 即: that are programmes by their type word
        end = len(sent.text)
        for s0, e0 in _members(sent.text, m.end(), end):
            e1 = e0
            while e1 > s0 and sent.text[e1 - 1] in "。；;，,":
                e1 -= 1
            name = clean_name(sent.text[s0:e1])
            if any(p[1] < e1 and s0 < p[2] for p in progs) or not _MEMBER.match(name) or _GENERIC_PROGRAM.search(name):
                continue
            ev = self.ctx.ev(sent.para, sent.at(s0), sent.at(e1))
            mm = self.ctx.entity(name, "Program", ev, rule="program_sub_list", scope=self.ctx.city)
            self.by_key.setdefault(program_key(name), mm)
            progs.append((mm, s0, e1))
        kids = [p for p in progs if p[1] >= m.end()]
        if not kids:
            return
        parent = parents[-1][0]
        for kid, s, e in kids:
            ev = self.ctx.ev(sent.para, sent.at(parents[-1][1]), sent.at(e))
            self.ctx.relation("PART_OF_PROGRAM", kid, parent, ev, rule="program_sub_list")
            self.sub_programs.add(program_key(kid.name))

    def _included(self, sent: Sentence, progs: list[tuple[EntityMention, int, int]],
                  item: EntityMention | None = None) -> None:
        """“晋城英才”计划，重点包括领军人才引育、…四项专项: the listed ones are part of the programme before
        (in the sentence, else the box item the paragraph is about)."""
        members = [(m, s, e) for m, s, e in progs if m.rule == "program_member"]
        for kid, s, e in members:
            parent = next((p for p in reversed(progs) if p[2] <= s and p[0].rule != "program_member"), None)
            if parent is None and self.last_run is not None and self.last_run[0] == sent.pindex \
                    and re.match(r"\s*(?:该|上述|这一)(?:计划|工程|行动|专项)", sent.text):
                parent = (self.last_run[1], 0, 0)  # 实施“沂蒙英才”计划…。该计划包括A、B…四个子项目
            if parent is None and item is not None:
                parent = (item, 0, 0)
            if parent is not None:
                ev = self.ctx.ev(sent.para, sent.at(parent[1]), sent.at(e))
                self.ctx.relation("PART_OF_PROGRAM", kid, parent[0], ev, rule="program_member")
                self.sub_programs.add(program_key(kid.name))

    def _runs(self, sent: Sentence, progs: list[tuple[EntityMention, int, int]]) -> None:
        city = self.ctx.city_entity()
        if city is None:
            return
        runners = self._named_runners(sent)
        city_run_end = -1  # where the last programme the city runs by a verb ends
        for m, s, e in progs:
            if m.rule == "program_member":
                # 实施X计划,包括A、B两个专项: who runs X runs its parts through it; 将市级科技计划整合为A、B等
                # 四类计划: the classes are the city's own standing programmes
                if re.search(r"(?:整合为|设置)[^。；;]*$", sent.text[:s]):
                    self.ctx.relation("RUNS_PROGRAM", city, m, self.ctx.ev(sent.para, sent.at(s), sent.at(e)),
                                      rule="program_class")
                continue
            if runners and m.rule != "program_award":
                # 由市科技局牵头，会同市财政局、市税务局等部门实施X: those bodies run X (not the city at large)
                for a, a_s, a_e in runners:
                    if a_e <= s:
                        ev = self.ctx.ev(sent.para, sent.at(a_s), sent.at(e))
                        self.ctx.relation("RUNS_PROGRAM", a, m, ev, rule="program_runner")
                if any(a_e <= s for _, _, a_e in runners):
                    continue
                # 1.“云冈英才”引进计划:由市委人才办组织实施 / 实施X，由市科技局牵头，构建…
                # “千名科技特派员进乡村”行动：市科技局、市农业农村局共同组织
                after = re.match(r"\s*[:：,，]?\s*由(?P<who>[^。；;，,]{2,40}?)(?:(?:牵头|负责|统筹|联合)(?:组织)?(?:实施|推进)?|"
                                 r"(?:组织)?实施|(?:共同|联合)?(?:组织)?推进|(?:共同|分别)组织(?!部))|"
                                 r"\s*[:：]\s*(?P<who2>[^。；;，,]{2,40}?)(?:共同|联合|分别)?(?:牵头|负责|组织实施|组织|推进)",
                                 sent.text[e:])
                if after:
                    ws, we = after.span("who2" if after.group("who2") else "who")
                    more = _CO_RUNNERS.match(sent.text[e + after.end() :])
                    if more:
                        we = after.end() + more.end()
                    who = [(a, a_s) for a, a_s, a_e in runners if e + ws <= a_s and a_e <= e + we]
                    for a, a_s in who:
                        ev = self.ctx.ev(sent.para, sent.at(s), sent.at(e + after.end()))
                        self.ctx.relation("RUNS_PROGRAM", a, m, ev, rule="program_runner")
                    if who and not re.search(RUN_VERBS + r"$", sent.text[max(0, s - 6) : s]):
                        continue  # 实施X，由A…组织: the city implements it too, A organises it
            # 实施研发平台“提质扩面”行动: the run verb stands before the words the name opens with
            s -= max((len(a) - len(m.name) for a in m.aliases
                      if a.endswith(m.name) and sent.text[:s].endswith(a[: len(a) - len(m.name)])), default=0)
            before = sent.text[max(0, s - 18) : s]
            # 实施链长制和“链主”企业培育行动: the verb governs every member of the list
            before = re.sub(r"(" + RUN_VERBS + r")[\u4e00-\u9fff]{2,8}[和及、]$", r"\1", before)
            before = re.sub(r"[\u4e00-\u9fff]{2,3}市$", "", before)  # 推进实施临汾市“111”…
            before = re.sub(r"(?:省委|省政府|山西省|省)$", "", before)
            if m.rule == "program_award" and not re.search(r"(?:设立|设置)$", before):
                continue  # an award received is run by whoever grants it; one the plan sets up is the city's
            if _NATION_ACTS.search(sent.text, 0, s):
                continue  # 国家把…,实施产业基础再造工程: the state's programme, not the city's
            # 实施“高新技术企业倍增计划”和高新技术企业“育苗”工程: the verb runs the second name of the pair too
            paired = city_run_end >= 0 and re.fullmatch(r"[”\"]?\s*(?:和|及|以及|、)[\u4e00-\u9fff]{0,10}",
                                                        sent.text[city_run_end:s])
            if re.search(RUN_VERBS + r"(?:了)?$", before) or (m.rule == "program_run") or paired:
                if program_key(m.name) in self.sub_programs:
                    continue
                city_run_end = e
                ev = self.ctx.ev(sent.para, sent.at(max(0, s - len(before))), sent.at(e))
                self.ctx.relation("RUNS_PROGRAM", city, m, ev, rule="program_run_verb")

    def _named_runners(self, sent: Sentence) -> list[tuple[EntityMention, int, int]]:
        """The government bodies a sentence puts in charge (由A牵头，B、C等部门配合 / 会同B / A负责)."""
        if not RUNNER_CUE.search(sent.text):
            return []
        out = []
        for n in find_names(sent.masked):
            if n.type == "Agency":
                ev = self.ctx.ev(sent.para, sent.at(n.start), sent.at(n.end))
                out.append((self.ctx.entity(n.name, "Agency", ev, rule="program_runner",
                                            scope=agency_scope(n.name, self.ctx.city)), n.start, n.end))
        return out

    def _policies(self, sent: Sentence, issuer_default: EntityMention | None) -> None:
        ctx = self.ctx
        titles = list(TITLE.finditer(sent.text))
        for i, m in enumerate(titles):
            name = clean_name(m.group("t"))
            if len(name) < 4 or NOT_POLICY_AFTER.match(sent.text[m.end():]):
                continue  # 《长治科技》杂志: a periodical, not a policy
            if PROPOSAL_BEFORE.search(sent.text[max(0, m.start() - 8) : m.start()]):
                continue  # 您提出的《…》: the proposal a reply answers, not a policy
            ev = ctx.ev(sent.para, sent.at(m.start()), sent.at(m.end()))
            pol = ctx.entity(name, "Policy", ev, rule="policy_title")
            if self.title_issuer(pol, ev):
                continue
            # 市委《关于深化人才发展体制机制改革的实施意见》: the issuer right before the title
            im = ISSUER_BEFORE.search(sent.text[: m.start()])
            issuers = [(im.group("issuer"), im.start("issuer"))] if im else self._agencies_before(sent, m.start())
            # 《晋中市科技成果转化引导基金管理办法》（市财政局、市科技局）: the issuers in brackets after it
            issuers += self._agencies_after(sent, m.end())
            for iname, istart in issuers:
                iev = ctx.ev(sent.para, sent.at(min(istart, m.start())), sent.at(max(m.end(), istart + len(iname))))
                agency = ctx.entity(iname, "Agency", iev, rule="policy_issuer", scope=agency_scope(iname, ctx.city))
                ctx.relation("ISSUED", agency, pol, iev, rule="policy_issuer")
            if issuers:
                continue
            # 制定了《A》《B》《C》: the verb stands before the first title of a run of titles
            j = i
            while j > 0 and re.fullmatch(r"[、,，和及与\s]*(?:\([^()]{0,20}号\))?[、,，和及与\s]*",
                                         sent.text[titles[j - 1].end() : titles[j].start()]):
                j -= 1
            lead = sent.text[max(0, titles[j].start() - 12) : titles[j].start()]
            if ISSUE_VERB.search(lead) and issuer_default is not None:
                vs = titles[j].start() - len(ISSUE_VERB.search(lead).group(0))
                issuer = issuer_default
                # 市委、市政府坚持…，先后出台《…》 / 市政府出台《…》: the city government the sentence names
                gov = re.search(r"(?:^|[，,；;])(?:市委、)?市政府(?:[^。；;]{0,60}?)$", sent.text[: max(vs, 0)])
                if gov and issuer_default.type == "City":
                    issuer = ctx.city_government(ctx.ev(sent.para, sent.at(gov.start()), sent.at(gov.start() + 6)), True)
                ctx.relation("ISSUED", issuer, pol, ctx.ev(sent.para, sent.at(max(vs, 0)), sent.at(m.end())),
                             rule="policy_issued")

    def table(self, table) -> None:
        """A 专栏 listing policies (序号 | 政策名称): every row names a Policy. A list is not a
        statement of who issued each one: only a title that names its issuer (中共长治市委关于…)
        says so."""
        head = [norm_col(h) for h in table.header]
        self._program_table(table, head)
        col = next((i for i, h in enumerate(head) if re.search(r"(?:政策|文件|规划|办法)(?:名称)?$|^名称$", h)), None)
        if col is None or not re.search(r"政策|文件|办法|措施|意见", table.title + "".join(head)):
            return
        for row in table.rows:
            raw = list(getattr(row, "raw", None) or []) or self.ctx.doc.lines[row.line - 1].split("\t")
            if col >= len(raw) or not raw[col].strip():
                continue
            name = clean_name(raw[col].strip().strip("《》"))
            if len(name) < 4:
                continue
            ev = self.ctx.line_ev(row.line, raw[col].strip())
            pol = self.ctx.entity(name, "Policy", ev, rule="policy_table")
            self.title_issuer(pol, ev)

    def _program_table(self, table, head: list[str]) -> None:
        """名称 | 牵头单位 | 主要内容: a 专栏 of programmes says who runs each (市科技局、市教育局)."""
        name_col = next((i for i, h in enumerate(head) if re.fullmatch(r"(?:工程|计划|行动|项目)?名称|重点工程|工程|计划|行动", h)), None)
        run_col = next((i for i, h in enumerate(head) if re.search(r"牵头|责任单位|实施单位|主管", h)), None)
        if name_col is None or run_col is None:
            return
        for row in table.rows:
            cells = [norm_text(c) for c in row.cells]
            if max(name_col, run_col) >= len(cells):
                continue
            line = self.ctx.doc.lines[row.line - 1]
            found = find_programs(cells[name_col])
            name = found[0].name if len(found) == 1 else clean_name(cells[name_col])
            if not found and not BOX_PROGRAM.match(name):
                continue
            prog = self.by_key.get(program_key(name))
            if prog is None:
                pev = self.ctx.line_ev(row.line, row.cells[name_col].strip() if row.cells[name_col].strip() in line else None)
                prog = self.ctx.entity(name, "Program", pev, rule="program_table", scope=self.ctx.city,
                                       aliases=found[0].aliases if found else [],
                                       properties={"code": found[0].code} if found and found[0].code else {})
                self.by_key.setdefault(program_key(name), prog)
            for n in find_names(cells[run_col]):
                if n.type != "Agency":
                    continue
                ev = self.ctx.line_ev(row.line, n.name if n.name in line else None)
                a = self.ctx.entity(n.name, "Agency", ev, rule="program_table", scope=agency_scope(n.name, self.ctx.city))
                self.ctx.relation("RUNS_PROGRAM", a, prog, ev, rule="program_table")

    def _agencies_before(self, sent: Sentence, pos: int) -> list[tuple[str, int]]:
        """科技部《…》 / 省科技厅印发的《…》 / 科技部、财政部、国家税务总局《…》 / 市发改委、市工信局联合制定《…》:
        the government bodies named right before the title (a 、-list of them, each an issuer)."""
        head = sent.masked[:pos]
        # 科技部等九部门《…》 / 科技部、国家发展改革委等部门联合印发的《…》: the named ones issued it with others
        gap = re.search(r"(?:等[一二三四五六七八九十\d]*个?(?:部门|部委|单位))?(?:联合|共同)?(?:印发的?|出台的?|制定的?|发布的?)?$",
                        head)
        end = gap.start() if gap else pos
        names = [n for n in find_names(head) if n.type == "Agency"]
        out: list[tuple[str, int]] = []
        while True:
            n = next((n for n in names if n.end == end), None)
            if n is not None:
                out.append((n.name, n.start))
                start = n.start
            else:
                cm = _CENTRAL_BEFORE.search(head[:end])
                if cm is None:
                    break
                out.append((cm.group(0), cm.start()))
                start = cm.start()
            if start < 1 or head[start - 1] not in "、和与及":
                break
            end = start - 1
        return out

    def _agencies_after(self, sent: Sentence, pos: int) -> list[tuple[str, int]]:
        """《…管理办法》（市科技局、市财政局）: a bracket of government bodies after the title."""
        bm = re.match(r"\s*\(([^()]{2,40})\)", sent.masked[pos:])
        if not bm:
            return []
        inner_s = pos + bm.start(1)
        parts = [p for p in re.split(r"[、,，和与及]", bm.group(1)) if p]
        agencies = [n for n in find_names(sent.masked[inner_s : pos + bm.end(1)]) if n.type == "Agency"]
        if len(agencies) != len(parts):
            return []  # only a bracket that is nothing but bodies (not 《…》（试行） or a number)
        return [(n.name, inner_s + n.start) for n in agencies]

    def title_issuer(self, pol: EntityMention, ev) -> EntityMention | None:
        """国务院关于促进国家高新技术产业开发区高质量发展的若干意见: the issuer that opens a title
        issued it."""
        im = ISSUER_PREFIX.match(pol.name)
        if not im:
            return None
        iname = im.group("issuer")
        if len(iname) < 2 or iname in ("关于",):
            return None
        agency = self.ctx.entity(iname, "Agency", ev, rule="policy_issuer", scope=agency_scope(iname, self.ctx.city))
        self.ctx.relation("ISSUED", agency, pol, ev, rule="policy_issuer")
        return agency

    def program_in_title(self, title: str) -> str | None:
        """The programme a section heading is about (推进实施临汾市“111”创新工程)."""
        progs = find_programs(clean_name(title).replace("“", "“"))
        return progs[-1].name if progs else None


def norm_col(h: str) -> str:
    return re.sub(r"\s+", "", h or "")


def agency_scope(name: str, city: str | None) -> str | None:
    """市科学技术局 means this plan's city's bureau: scope it to the city so two cities' 市气象局
    stay apart; named agencies (临汾市人民政府, 省卫健委) need no scope."""
    if name[:1] in "市县区" and city:
        return city
    return None


def _title_line(lines: list[str], title: str, doc_number: str | None = None) -> tuple[int, str]:
    """The line that carries the plan title (spaces ignored) and its quote; when the title is not
    printed as such (a reply letter), the line with the document number, else the first text."""
    compact = re.sub(r"\s+", "", title)
    for i, ln in enumerate(lines, 1):
        raw = ln.strip()
        if raw and re.sub(r"\s+", "", raw) == compact:
            return i, raw
    for i, ln in enumerate(lines, 1):
        if compact[:12] in re.sub(r"\s+", "", ln):
            return i, ln.strip()
    if doc_number:
        for i, ln in enumerate(lines, 1):
            if doc_number in re.sub(r"\s+", "", ln):
                return i, ln.strip()
    i = next((i for i, ln in enumerate(lines, 1) if ln.strip()), 1)
    return i, lines[i - 1].strip() if lines else title
