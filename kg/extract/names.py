"""Finding organisation names in clean text: a specific part followed by a type word.

Chinese plans write names without spaces or capitals, so a name is found from its end (the type
word: 有限公司, 大学, 重点实验室 …) and extended to the left until a word that cannot be part of
a name (依托, 支持, 与, punctuation …). Short trade names without a type word (建邦, 华翔) are
only taken where a rule says what they are (a list ending in 等…企业, a 与X合作 sentence).
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from kg.extract.lexicon import (
    CITIES,
    norm_text,
    trie_pattern,
    CITY_RE,
    CITY_SCANNER,
    COUNTY_RE,
    COUNTY_SCANNER,
    LEAD_VERBS,
    LEFT_BOUNDARY_WORDS,
    PROVINCE_HEADS,
    NATIONAL_ACADEMIES,
    PLACE_PREFIXES,
    COUNTY_CITY,
    RENAMED_DISTRICTS,
    SHANXI_COUNTY_CITY,
    DESCRIPTIVE_SUFFIXES,
    SUFFIXES,
    clean_name,
    is_field,
    is_generic,
    is_place,
    place_prefix,
    short_place,
    short_province,
    strip_places,
)


@dataclass
class NameSpan:
    """A name found at text[start:end] (offsets into the paragraph's clean text)."""

    start: int
    end: int
    name: str
    type: str
    subtype: str | None = None
    rule: str = "suffix"
    hosts: list["NameSpan"] = field(default_factory=list)  # organisations the name opens with

    def overlaps(self, other: "NameSpan") -> bool:
        return self.start < other.end and other.start < self.end


# 大学生 (students) is not the end of a 大学's name: 吕梁学院大学生创业园
# (…大学生…: no university; 合成生物学院士工作站, 发酵工程院士工作站: 院士, no college or academy)
_SUFFIX_RE = re.compile("|".join(re.escape(s) + ("(?!生(?!态|物|命))" if s == "大学" else "(?!士)" if s.endswith("院") else "")
                                 for s, _, _ in SUFFIXES))
_SUFFIX_TYPES = {s: (t, st) for s, t, st in SUFFIXES}
_PLATFORM_KINDS = tuple(s for s, t, _ in SUFFIXES if t == "Platform")
_NAME_CHAR = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·()\-—]")
_QUANTITY = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)\s*[家个所项批名位座]$")
_TRAILER = re.compile(r"^\((?:筹|[\u4e00-\u9fff]{2,4})\)")
_BRANCH = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,3}?)(?:分中心|分所|分院|分部)|培育基地")
_BOUNDARY_SET = set(LEFT_BOUNDARY_WORDS)
_CITY_HEADS = {c[:2] for c in CITIES}
_MAX_BOUNDARY = max(len(w) for w in LEFT_BOUNDARY_WORDS)
# one-character words that never open a name but often stand right before one
_SINGLE_BOUNDARIES = set("与和及同等由对将把被向从在以为是了的均也并且已使让给即如或")
# 等 inside 高等/中等 and 和 inside 和顺 are parts of words, not list or preposition words
# a boundary character inside a city's name is not a boundary (大同市); counties are left out: their
# pairs are everyday words (会同 of 会同县)
_PLACE_PAIRS = {name[i - 1 : i + 1] if i else name[:2]
                for name in CITIES for i, ch in enumerate(name) if ch in "与和及同等由对将把被向从在以为是了的均也并且已使让给即如或"}
_NOT_BOUNDARY_PAIRS = {"上汽", "同煤", "高等", "中等", "初等", "同等", "平等", "均等", "对等", "相等", "优等", "和顺", "太和", "中和",
                       "以色", "及时", "在线", "同济", "由于", "和平", "共和", "人和",
                       "仁和", "大为", "有为", "被动"} | _PLACE_PAIRS
# Verbs that are also common inside names (煤系固废利用工程技术研究中心, 太行高层次人才发展工作联盟):
# a name may run past them when stopping there leaves nothing specific.
WEAK_BOUNDARIES = {"利用", "发展", "服务", "合作", "开发", "转化", "协同", "提升", "整合", "共享", "创新", "引进",
                   "培育", "培养", "应用", "综合", "开放", "带动", "形成", "管理", "研究", "示范", "融合", "推广",
                   "集成", "转移", "孵化", "保护"}

MAX_NAME = 40
_JOINT_WORDS = ("联合", "协同")
# a zone of cooperation between places, named by their short names (湘粤, 宁滁, 中日韩)
_COOPERATION_ZONE = re.compile(r"(?P<head>[\u4e00-\u9fff]{2,5}?)(?:国家)?(?:区域)?(?:科技创新合作|科技成果转移转化|协同创新|"
                               r"创新合作|科技合作|产业合作|合作)(?:示范区|先行区|区)")
# zones a designation names whatever precedes it
_DESIGNATED_ZONE = re.compile(r"(?:国家自主创新示范区|自由贸易试验区|综合保税区)(?:[\u4e00-\u9fff]{2,4}片区)?$")
# incubators and transfer centres a city or county names as its own (吕梁市科技企业孵化器): one each, not a category
_PLACE_NAMED_INCUBATORS = ("科技企业孵化器", "孵化器", "孵化基地", "创业园", "技术转移中心", "科技大市场",
                           "技术交易所", "知识产权保护中心", "知识产权运营中心",
                           "技术转移服务中心", "成果转化中心", "成果转化服务中心", "成果转移转化服务中心", "科创飞地")  # 联合实验室, 联合研发中心, 协同创新中心: part of the type word
# kinds only a place names (泉州市技术市场, 焦作市工业互联网标识解析二级节点); 网上技术市场, 城市大数据中心 are kinds
_PLACE_ONLY = ("技术交易市场", "技术市场", "标识解析二级节点", "大数据中心", "综合性国家科学中心", "综合性科学中心")
_PLACE_HEADS = {short_place(c)[:2] for c in SHANXI_COUNTY_CITY} | {c[:2] for c in CITIES}
# a development zone is named by its county anywhere in China (谷城经济开发区 of 谷城县); elsewhere a
# county's short form is too often an everyday word (资源 of 资源县) to count as a place
_ZONE_HEADS = {short_place(c)[:2] for c in COUNTY_CITY if len(short_place(c)) >= 2}
# words that head a category of zones, not one zone (城市新区, 一批特色产业集聚区)
_NOT_A_ZONE_HEAD = (r"[一二三四五六七八九十两\d]|一批|若干|相关|各类|各|城市|城乡|产业$|创新$|发展|建设|规划|双创|孵化|众创|特色|重点|"
                    r"专业|现代|新型|[高级]$|工业$|^(?:融入|对接|含|包括|建强|打造|推进|共建|加强|依托|联动)")
_DEVELOPMENT_ZONES = ("经济技术开发区", "经济开发区", "高新技术产业开发区", "高新区", "经开区", "工业园区")


_AGENCY_BOUNDARIES = {"发挥", "成立", "设立", "组建", "邀请", "联合", "配合", "依托", "通过", "交办", "由", "经", "用好", "用活",
                       "争取", "对接", "会同", "落实", "贯彻"}


def boundary_before(text: str, pos: int, agency: bool = False, weak_ok: bool = False) -> int:
    """Length of a boundary word ending exactly at `pos` (0 when none). Agency names
    (市创新生态建设领导小组) contain verbs such as 建设, so they stop at fewer words; with
    `weak_ok` the verbs that often sit inside names (WEAK_BOUNDARIES) are not boundaries."""
    for n in range(min(_MAX_BOUNDARY, pos), 0, -1):
        w = text[pos - n : pos]
        if agency and n > 1:
            if w in _AGENCY_BOUNDARIES:
                return n
            continue
        if weak_ok and w in WEAK_BOUNDARIES:
            continue
        if n == 1:
            if _county_across(text, pos):
                continue  # 依托…、南和区宠物食品产业园: 和 is inside the district's name
            if w in "和同" and _place_opens(text, pos - 1) and not place_prefix(text[pos : pos + 8], min_rest=0) \
                    and re.match(r"[^、，,；;。()（）]{1,12}?(?:有限公司|有限责任公司|股份|集团)", text[pos:]):
                continue  # 、四川和邦…有限公司, 支持信阳同合车轮有限公司: a place and 和/同 open a firm's name
            if (text[pos - 2 : pos] in _NOT_BOUNDARY_PAIRS or text[pos - 1 : pos + 1] in _NOT_BOUNDARY_PAIRS) \
                    and not (w in "和与及" and place_prefix(text[pos : pos + 8], min_rest=0)):
                continue  # (…高新区和平桥区…: 和 before a county's name is a list word, not part of 和平)
            if agency and w == "和" and text[pos : pos + 1] not in "市省县区国中" \
                    and not place_prefix(text[pos : pos + 8], min_rest=0):
                continue  # 市经济和信息化局, 市教育和体育局 (市科技局和市财政局, …和湖南省科技厅 are two)
            if w in _SINGLE_BOUNDARIES or w in "“”《》「」\"":
                return 1
        elif w in _BOUNDARY_SET:
            if w == "共建" and text[pos - 4 : pos - 2] in ("省部", "部省", "省市", "部市", "厅市"):
                continue  # 白云鄂博…综合利用省部共建重点实验室: a designation inside the name
            if w == "持续" and text[pos - 3 : pos - 2] == "可":
                continue  # …保育与可持续利用重点实验室: 可持续 is a word
            if w == "建有" and text[pos : pos + 1] in "色机":
                continue  # 省部共建有机旱作农业…, …新材料建有色金属…: 有机/有色 are words
            if w == "认定" and text[pos - 4 : pos - 2] in ("国家", "省级") and text[pos : pos + 2] in ("企业", "技术"):
                continue  # 巨石集团国家认定企业技术中心: the designation is part of the centre's name
            if w == "建成" and text[pos - 1 : pos + 1] in ("成德", "成渝"):
                continue  # 共建成德绵科技创新走廊: 成 is 成都's
            if text[pos - 1 : pos + 1] in _CITY_HEADS:
                continue  # 以上饶经开区…: 以 is the boundary, 上饶 the place
            return n
    return 0


_COUNTY_FORMS = frozenset(p for p in PLACE_PREFIXES if len(p) >= 3 and p[-1] in "县区市旗")
# the two characters around a boundary character inside a county's full name: a cheap first test
_COUNTY_PAIRS = {f[i - 1 : i + 1] for f in _COUNTY_FORMS for i in range(1, len(f)) if f[i - 1] in _SINGLE_BOUNDARIES} | \
                {f[i : i + 2] for f in _COUNTY_FORMS for i in range(len(f) - 1) if f[i] in _SINGLE_BOUNDARIES}


_PLACE_FORMS = frozenset(PLACE_PREFIXES)


def _place_opens(text: str, end: int) -> bool:
    """Whether a place's short name (四川, 信阳, 河北; not 新河县) ends at `end` where a name may begin: at
    the start, after a list mark or after a boundary word (支持信阳同合车轮…)."""
    for k in (3, 2):
        start = end - k
        if start >= 0 and text[start:end] in _PLACE_FORMS and text[end - 1] not in "省市县区旗" and (
                start == 0 or text[start - 1] in "、，,；;：:（(“ \t" or boundary_before(text, start) > 0):
            return True
    return False


def _county_across(text: str, pos: int) -> bool:
    """Whether a county's full name (南和区, 会同县) runs over the character before `pos`."""
    if text[pos - 2 : pos] not in _COUNTY_PAIRS and text[pos - 1 : pos + 1] not in _COUNTY_PAIRS:
        return False
    for start in (pos - 2, pos - 1):
        if start < 0:
            continue
        p = place_prefix(text[start : start + 8], min_rest=0)
        if p in _COUNTY_FORMS and start + len(p) > pos:
            return True
    return False


def left_extend(text: str, end: int, floor: int = 0, *, suffix_start: int | None = None, agency: bool = False,
                weak_ok: bool = False) -> int:
    """Start of the name that ends at `end`: walk left over name characters, stop at a
    boundary word, punctuation or a quantity (3家)."""
    pos = suffix_start if suffix_start is not None else end
    limit = max(floor, end - MAX_NAME)
    while pos > limit:
        ch = text[pos - 1]
        if not _NAME_CHAR.match(ch):
            break
        if boundary_before(text, pos, agency, weak_ok):
            # a boundary word inside a type word (学院 has no 院-boundary; 有限 ...) is not a
            # boundary: only words fully left of the suffix count
            if pos == suffix_start and text[pos - 2 : pos] in _JOINT_WORDS and pos - 2 > limit:
                pos -= 2  # 煤矿智能化联合实验室: 联合 qualifies the type word
                continue
            break
        if _QUANTITY.search(text[max(limit, pos - 4) : pos]):
            break
        pos -= 1
    return pos


def _subtype_in(name: str, default: str | None) -> str | None:
    if default is not None:
        return default
    for s, t, st in SUFFIXES:
        if t == "Platform" and st and s in name:
            return st
    return None


_LEAD_WORDS = sorted(
    {"省级以上", "国家级", "省级", "市级", "县级", "一批", "各类", "新建", "现有", "一个", "全市", "末"} | set(LEAD_VERBS),
    key=len, reverse=True,
)


def typed_candidates(text: str) -> list[NameSpan]:
    """Every suffix occurrence extended to a candidate name, before overlap resolution."""
    out: list[NameSpan] = []
    for m in _SUFFIX_RE.finditer(text):
        suffix = m.group(0)
        type_, subtype = _SUFFIX_TYPES[suffix]
        end = m.end()
        if type_ == "University" and text[end : end + 1] == "士":
            continue  # 医学院士工作站: 院士, not a college
        t = _TRAILER.match(text[end:])
        if t and _name_trailer(t.group(0)[1:-1]):
            end += t.end()
        if type_ in ("Platform", "ResearchInstitute"):
            # …重点实验室遵义分中心, …研究所烟台分所, …国家重点实验室培育基地: a branch or the seed of the one named
            b = _BRANCH.match(text[end:])
            if b and (b.group("place") is None or is_place(b.group("place"))):
                end += b.end()
        if suffix in ("自由贸易试验区", "国家自主创新示范区"):
            part = re.match(r"[\u4e00-\u9fff]{2,4}?片区", text[end:])  # …自由贸易试验区洛阳片区: one zone
            if part and place_prefix(part.group(0), min_rest=0):
                end += part.end()
        agency = type_ == "Agency"
        pos = left_extend(text, end, suffix_start=m.start(), agency=agency)
        start, name, core = _trim(text, pos, end, m.start(), type_)
        ok = name is not None and _valid(name, core, type_)
        if not ok and not agency:
            # a verb inside the name stopped it (…固废利用工程技术研究中心): run past that verb only
            # (依托吕梁学院建设煤基固废资源化利用山西省重点实验室), else past every such verb
            blen = boundary_before(text, pos)
            if text[pos - blen : pos] in WEAK_BOUNDARIES:
                pos1 = left_extend(text, pos - blen, suffix_start=pos - blen)
                s1, n1, c1 = _trim(text, pos1, end, m.start(), type_)
                chunk = text[s1 : pos - blen]
                if pos1 < pos - blen and n1 is not None and _valid(n1, c1, type_) and re.fullmatch(r"[\u4e00-\u9fff]{3,}", chunk) \
                        and not is_generic(chunk) and not _SUFFIX_RE.search(chunk) and _strip_places(chunk):
                    pos, start, name, core, ok = pos1, s1, n1, c1, True
        if not ok and not agency:
            pos2 = left_extend(text, end, suffix_start=m.start(), weak_ok=True)
            if pos2 < pos:
                s2, n2, c2 = _trim(text, pos2, end, m.start(), type_)
                blen = boundary_before(text, pos)
                chunk = text[s2 : pos - blen]  # the specific part before the verb (太行高层次人才)
                if n2 is not None and _valid(n2, c2, type_) and re.fullmatch(r"[\u4e00-\u9fff]{3,}", chunk) \
                        and not is_generic(chunk) and not _SUFFIX_RE.search(chunk) and _strip_places(chunk):
                    pos, start, name, core, ok = pos2, s2, n2, c2, True
        if not ok and type_ == "Zone" and boundary_before(text, pos) == 1 and text[pos - 2 : pos] in _ZONE_HEADS \
                and (pos < 3 or not _NAME_CHAR.match(text[pos - 3]) or boundary_before(text, pos - 2)):
            # 依托泰和工业园区: 和 ends a county's short name (泰和县), not a list
            s5, n5, c5 = _trim(text, pos - 2, end, m.start(), type_)
            if n5 is not None and _valid(n5, c5, type_):
                pos, start, name, core, ok = pos - 2, s5, n5, c5, True
        if type_ in ("Platform", "ResearchInstitute") and (start == pos or not ok):
            # fields joined by 与/和/及 inside a name: 血液制品与基因工程药物工程研究中心
            joined = _field_join(text, pos, m.start())
            if joined is None and not agency:
                # …研究与利用湖南省重点实验室: the second field opens with a verb that stopped the name
                pos_weak = left_extend(text, end, suffix_start=m.start(), weak_ok=True)
                if pos_weak < pos:
                    joined = _field_join(text, pos_weak, m.start())
            if joined is not None:
                s3, n3, c3 = _trim(text, joined, end, m.start())
                if n3 is not None and _valid(n3, c3, type_):
                    start, name, ok = s3, n3, True
        if not ok:
            continue
        if type_ == "Enterprise" and start == pos:
            anchored = _place_anchored(text, start)
            if anchored is not None:
                s4, n4, c4 = _trim(text, anchored, end, m.start(), type_)
                if n4 is not None and _valid(n4, c4, type_):
                    start, name = s4, n4
        if suffix == "分院" and re.search(r"(?:科学院|研究院)[\u4e00-\u9fff]{2,4}分院$", name):
            type_ = "ResearchInstitute"  # 中国科学院成都分院: an academy's branch, not a college's
        if suffix == "创业服务中心" and re.match(r"(?:[\u4e00-\u9fff]{2,3})?省", name):
            # a zone's 创业服务中心 is its incubator; the province's is a public agency (山西省高新技术创业服务中心)
            type_, subtype = "Agency", None
        out.append(NameSpan(start, end, name, type_, None if type_ == "Agency" else _subtype_in(name, subtype)))
    out.extend(quoted_names(text))
    return out


def _place_anchored(text: str, start: int) -> int | None:
    """An enterprise's name that a character inside it cut short (山西成功汽车…, 湖北美的洗衣机…,
    黄石宏和电子…: 成/的/和 read as words): where it opens with a place after a boundary, a few
    characters further left, with no other type word between."""
    blen = boundary_before(text, start)
    if not blen or blen > 2:
        return None
    for s2 in range(start - blen - 1, max(-1, start - 9), -1):
        if s2 < 0 or not _NAME_CHAR.match(text[s2]):
            return None
        head = text[s2:start]
        if _SUFFIX_RE.search(head) or re.search(r"[、，,。；;：:]", head):
            return None
        if (head.startswith(PROVINCE_HEADS) or places_in_name(head)) and (s2 == 0 or boundary_before(text, s2)
                                                                          or not _NAME_CHAR.match(text[s2 - 1])):
            if not strip_places(text[s2 : start - blen]) and (blen == 1 or text[s2 : start - blen].endswith(("市", "县", "区", "省"))):
                return None  # 长治市与潞安化工…: a place and a company, two things
            return s2
    return None


_ORG_WORDS = re.compile(r"(?:政府|企业|高校|院校|院所|单位|机构|部门|学校|大学|学院|公司|集团|医院|我市|全市|本市)$")


def _name_trailer(inner: str) -> bool:
    """A bracket that belongs to the name before it: (筹), a short place (…创新基地(临汾)). A full
    county (离石区) says where the thing is; (株冶集团), (实训基地) are short names and notes."""
    return inner == "筹" or is_place(inner) and inner[-1] not in "省市县区"


def _field_join(text: str, pos: int, suffix_start: int) -> int | None:
    """Start of a name that runs left over 与/和/及 joining two fields (氢能与燃料电池研究院):
    only when the part before the conjunction is a plain field, not an organisation or a name."""
    if pos < 3 or text[pos - 1] not in "与和及":
        return None
    j = pos - 1
    s3 = left_extend(text, j, suffix_start=j)
    if j - s3 < 2:
        s3 = left_extend(text, j, suffix_start=j, weak_ok=True)  # 资源研究与利用…: the first field ends in a weak verb
    while True:
        lead = _leading_word(text[s3:j])
        if not lead:
            break
        s3 += lead
    chunk = text[s3:j]
    org = _ORG_OPENING.match(chunk)
    if org and len(chunk) - org.end() >= 2:
        chunk = chunk[org.end():]  # 三峡大学梯级水电站运行与控制…重点实验室: the university's lab on two fields
    # one character is a field only where nothing else can be meant: 建设的煤与煤层气共采国家重点实验室
    one = len(chunk) == 1 and (s3 == 0 or text[s3 - 1] == "的" or not _NAME_CHAR.match(text[s3 - 1])
                               or boundary_before(text, s3) > 1)  # 建设钛及锂电新材料技术创新中心
    if (len(chunk) < 2 or len(clean_name(chunk)) < 2) and not one or is_generic(chunk) and not is_field(chunk) \
            or _SUFFIX_RE.search(chunk) or _ORG_WORDS.search(chunk) or _strip_places(chunk) == "" \
            or not re.fullmatch(r"(?:中国\([\u4e00-\u9fff]{2,4}\))?[A-Z]{0,5}[\u4e00-\u9fff]+", chunk):
        return None  # (新能源与储能, PCB新材料及工艺, 中国(柳州)汽车及装备…)
    if _ORG_OPENING.match(text[pos:suffix_start]):
        return None  # 平煤炭材料与河南大学…重点实验室: a partner and the university's lab, not one name
    return s3 if text[pos:suffix_start] else None


# an organisation a platform's name opens with (三峡大学…, 示范集团…)
_ORG_OPENING = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:大学|学院|集团|有限公司|研究院|研究所)(?!生)")
_QUOTED = re.compile(r"“(?P<q>[^“”]{3,30})”")


def quoted_names(text: str) -> list["NameSpan"]:
    """A quoted name ending in a type word and, maybe, a code (“山西智创城 NO.5”)."""
    out: list[NameSpan] = []
    for m in _QUOTED.finditer(text):
        q = m.group("q")
        tm = re.search(r"(" + _SUFFIX_RE.pattern + r")\s*(?:[A-Za-z]{1,4}\.?\s*\d{1,4}|\d{1,4})$", q)
        if not tm:
            continue
        suffix = tm.group(1)
        type_, subtype = _SUFFIX_TYPES[suffix]
        core = clean_name(q[: tm.start(1)])
        if type_ not in ("Platform", "Zone") or is_generic(core) or len(core) < 2:
            continue
        out.append(NameSpan(m.start("q"), m.end("q"), clean_name(q), type_, _subtype_in(q, subtype), rule="quoted_name"))
    return out


def _trim(text: str, start: int, end: int, suffix_start: int, type_: str | None = None) -> tuple[int, str | None, str]:
    """Clean a candidate: cut at an unbalanced bracket, drop leading category words and stray
    verbs; returns (start, name, core) or name None when nothing specific is left. A platform keeps
    国家级 before a specific name (国家级陶瓷产业创新中心: the plans and their readers name it so)."""
    raw = text[start:suffix_start]
    # 优质中职学校(运城市财经学校: the name is inside the bracket
    if raw.count("(") > raw.count(")"):
        cut = raw.rindex("(") + 1
        start, raw = start + cut, raw[cut:]
    if raw.count(")") > raw.count("("):
        cut = raw.index(")") + 1
        start, raw = start + cut, raw[cut:]
    m = re.match(r"(?:\([一二三四五六七八九十\d]{1,3}\)|[\d号〕\]—\-·]+)+", raw)  # (一)芜湖经济技术开发区: an item's number
    if m:
        start, raw = start + m.end(), raw[m.end():]
    while True:
        lead = _leading_word(raw)
        if not lead or type_ == "Platform" and raw.startswith("国家级") and not is_generic(clean_name(raw[3:])):
            break
        start, raw = start + lead, raw[lead:]
    core = clean_name(raw)
    name = clean_name(text[start:end])
    if not name:
        return start, None, ""
    return start, name, core


_LEAD_RE = re.compile("|".join(map(re.escape, _LEAD_WORDS)))


def name_start(text: str, end: int, suffix_start: int) -> int:
    """Where a name ending in a type word at text[suffix_start:end] starts, without the category
    words and verbs that open it (设立宝鸡市科技创新市长奖 -> 宝鸡市…)."""
    start = left_extend(text, end, suffix_start=suffix_start)
    while start < suffix_start and (lead := _leading_word(text[start:suffix_start])):
        start += lead
    return start


def _leading_word(raw: str) -> int:
    """Length of a category word or verb that opens `raw` and is not part of a name."""
    m = _LEAD_RE.match(raw)
    return m.end() if m else 0


_BARE_AGENCIES = ("局", "委", "厅", "办")
_NOT_AGENCY = re.compile(r"党委|市委|省委|县委|区委|纪委|人大|政协|法院|检察院|组织部|宣传部|统战部|结局|布局|格局|大局|全局|开局|"
                         r"当局|邮政局|居委会|村委会|业委会|协会|学会|商会|联合会|研究会|促进会")


_PARTY_DEPARTMENT = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{0,6}?[省市县区]委(?:组织部|宣传部|统战部|人才办|人才工作领导小组(?:办公室)?)$")
_ZONE_OPENING = re.compile("(?:" + "|".join(re.escape(x) for x, t, _ in SUFFIXES if t == "Zone") + ")")


def _bracketed_place(core: str) -> bool:
    """龙芯(长治)信创: a place in brackets qualifies the name."""
    return any(_strip_places(b) == "" for b in re.findall(r"\(([^()]{2,6})\)", core))


def _valid(name: str, core: str, type_: str) -> bool:
    if name in NATIONAL_ACADEMIES:
        return True
    if len(name) < 3 or len(name) > MAX_NAME:
        return False
    if type_ in ("Platform", "Zone") and (re.match(r"第[一二三四五六七八九十]+[章节]", name)
                                          or re.search(r"(?:平台|中心|基地|高地|中试线|园区|园)和", name)):
        return False  # 第七章深度融入…中心 (a heading), A平台和B平台 (two names joined)
    if any(part.endswith(_PLATFORM_KINDS) for part in re.split(r"[—→]", name)[:-1]):
        return False  # 众创空间—孵化器—加速器: a sequence of kinds, not a name (中北大学—运城…研究院 is one)
    if name.endswith("创业服务中心") and (_strip_places(core) != core or core[:1] in "省市") \
            and re.fullmatch(r"(?:高新技术|科技)?", _strip_places(core).lstrip("省市")):
        return True  # 德阳市高新技术创业服务中心, 山西省高新技术创业服务中心: one per place
    if name.endswith("大学科技园") and core and _strip_places(core) == "" and len(name) >= 7:
        return True  # 河南大学科技园: the university of a place (河南大学) names its science park
    if type_ == "Agency":
        # 市人民政府, 省卫健委, 临汾市科学技术局, 知识产权局 (a bureau needs no place); not party or
        # legislative bodies (市委, 人大, 政协) and not a one-word remainder (市局)
        if _PARTY_DEPARTMENT.search(name) and not re.search(r"党委|纪委", name):
            return True  # 市委组织部 runs talent programmes; the committee itself (市委) is no agency
        if "(" in name or ")" in name or _NOT_AGENCY.search(name):
            return False
        if name.endswith(("局", "厅", "委员会")) and not name.endswith(tuple(s for s, t, _ in SUFFIXES if t == "Agency" and len(s) > 2)):
            dept = strip_places(core, levels="市省县区")
            if len(dept) < 2 or is_generic(dept) and dept not in ("科技", "教育", "财政", "统计"):
                return False
        if core in ("", ) and name.endswith(_BARE_AGENCIES):
            return True
        if core in ("县", "区"):
            return False  # 各县、区人民政府: every county's government, not one agency
        if core in ("市", "省") or _strip_places(core) != core or core.startswith("人民银行"):
            return True  # (人民银行枣庄市中心支行: the central bank's branch of a place)
        return bool(core) and core[:1] in "市省县区" and core[1:2] != "级"
    if type_ == "Platform" and name.endswith(("研发平台", "研究平台")):
        # 高性能铜合金板带研发平台, 白酒酿造微生物研究平台: named by what it develops or studies (not
        # 专科和临床研究平台, two kinds)
        return len(core) >= 4 and not is_generic(core) and not (name.endswith("研究平台") and re.search("[和与及]", core))
    if type_ == "Platform" and name.endswith(_PLACE_ONLY):
        rest = _strip_places(core).lstrip("省市县区")
        return _strip_places(core) != core and (not rest or not is_generic(rest)) \
            and not core.startswith(("全国", "国家"))  # 泉州市技术市场, not 全国技术交易市场
    if type_ == "Platform" and name.endswith(("平台", "云平台", "微平台")):
        # 长治市科技文献与创新服务平台: a platform is named by its place, 铸造产业公共技术服务平台 by the
        # field it serves; 公共服务平台, 一体化服务平台 are categories
        return _strip_places(core) != core and len(_strip_places(core)) >= 2 \
            or _field_named(re.sub(r"(?:云|微)?平台$", "", name) if name.startswith(core) else core)
    # 新材料中试基地 may be one: a descriptive kind named by an industry field, kept where a host or place names it
    field_kind = type_ == "Platform" and name.endswith(DESCRIPTIVE_SUFFIXES) and is_field(_strip_places(core))
    if is_generic(core) and not field_kind:
        return False
    if type_ == "Platform" and _ZONE_OPENING.match(_strip_places(core)) and _strip_places(core) != core:
        return True  # 侯马经济开发区科技企业孵化器: the zone names it
    if type_ == "University" and (re.match(r"(?:高水平|统筹|用好|用活|环|签约|本地|普通|一流|特色|汽车特色|广东省高水平|本科|药理|环境工程)", name)
                                  or "仅" in name):
        return False  # 高水平应用型大学 (a kind), 统筹用好大学 (a verb), 普通本科院校仅榆林学院 (a clause)
    if type_ in ("Platform", "ResearchInstitute") and _AGENCY_INSIDE.search(name[:-1]):
        return False  # 省科技厅新型研发机构(认定管理办法): a department and its subject, not a platform
    if type_ == "Platform" and name.startswith("国家认可"):
        return False  # 国家认可(CNAS)实验室: an accreditation, not a laboratory's name
    if type_ == "Platform" and re.search(r"(?:大学|学院)$", core) and len(core) >= 4:
        return True  # 广西科技大学众创空间: the university names it
    if type_ == "Platform" and name.endswith(("产业研究院", "产业技术研究院")) and _strip_places(core) != core \
            and len(_strip_places(core)) >= 2:
        return True  # 滁州智能制造产业研究院: a place's institute for an industry
    if type_ == "Platform" and is_generic(_strip_places(core)) and not name.endswith(("智创城", "联盟")) \
            and not field_kind \
            and not (_strip_places(core) != core and re.sub(r"\([^()]*\)$", "", name).endswith(_PLACE_NAMED_INCUBATORS)):
        return False  # 运城市新型研发机构: the city's platforms as a category
    if "(" in name and name.count("(") != name.count(")"):
        return False
    if type_ == "Zone":
        # zones are named by their place (临汾经济开发区, 盐湖高新区, 龙芯(长治)信创产业园); 智慧园区 is a
        # category, 全国资源型城市转型升级示范区 a designation
        if _DESIGNATED_ZONE.search(name):
            return True  # 郑洛新国家自主创新示范区洛阳片区, 中国（河南）自由贸易试验区洛阳片区, 洛阳综合保税区
        if core.startswith(("全国", "国家", "中国")):
            return False
        if name.endswith(("产业园", "产业园区", "科技园", "示范园")) and len(_strip_places(core)) >= 2 \
                and not is_generic(_strip_places(core)) and not re.search(r"[一二三四五六七八九十两\d]|一批|若干|相关|双创|孵化|众创", core):
            return True  # 电子元器件产业园: a park named for its industry
        # (先进钢铁材料创新示范区, 烟花爆竹科技创新示范区, 智能网联汽车测试示范区: a field's, with no 产业)
        industry = re.match(r"(?P<x>.+?)产业(?:科技)?(?:创新)?$", _strip_places(core)) or \
            name.endswith("示范区") and re.match(r"(?P<x>.{3,}?)(?:科技创新|创新|测试)$", _strip_places(core))
        if name.endswith(("示范区", "集聚区")) and industry and len(industry.group("x")) >= 2 \
                and not is_generic(industry.group("x")) and not re.search(_NOT_A_ZONE_HEAD, industry.group("x")):
            return True  # 氢能产业创新示范区, 稀土产业创新集聚区: named for the industry it gathers
        if name.endswith(("新区", "工业园", "小镇")) and 2 <= len(core) <= 4 \
                and not re.search(_NOT_A_ZONE_HEAD, core) and not is_generic(core):
            # 天府新区, 郑蒲港新区, 阳平工业园, 袜艺小镇: a new area, a park or a featured town is named by its own word
            return True
        coop = _COOPERATION_ZONE.fullmatch(name)
        if coop and not is_generic(coop.group("head")) and not re.search(_NOT_A_ZONE_HEAD, coop.group("head")) \
                and not re.search(r"[一二三四五六七八九十的和与及、]|[省市县]$|^(?:建设|推进|打造|创建)", coop.group("head")):
            return True  # 湘粤科技创新合作示范区, 成德绵国家科技成果转移转化示范区: named by the places that join in it
        if name.endswith("走廊") and len(_strip_places(core)) >= 2 and not re.search(_NOT_A_ZONE_HEAD, core):
            return True  # 成德绵科技创新走廊, 环泉州湾科技创新走廊
        return _strip_places(core) != core or core[:2] in _PLACE_HEADS or _bracketed_place(core) \
            or core[:2] in _ZONE_HEADS and name.endswith(_DEVELOPMENT_ZONES) \
            or len(core) == 2 and name.endswith(_DEVELOPMENT_ZONES) and not is_generic(core) \
            and not re.search(_NOT_A_ZONE_HEAD, core)  # 汊河经济开发区, 榆横工业园区: a town names its zone

    if type_ == "Agency":
        return _strip_places(core) != core or core[:1] in "市省县区"
    return True


_SERVICE_WORDS = re.compile(r"检验检测|检测认证|检测|检验|认证|质量|计量|标准|设计|研发|测试|验证|共性|公共|技术|服务|共享|开放|"
                            r"互联网|工业|大数据|数据|信息|交易|交流|合作|协同|转移|转化|孵化|创业|创新|科技|成果|资源|"
                            r"产业链?|行业|集群|领域|综合|中试|仪器|设备|和|与|及|、")


def _field_named(core: str) -> bool:
    """A technical platform named for the industry or product it serves (铸造产业公共技术服务平台, 食品产业
    工业互联网平台, 汽车零部件检验检测公共服务平台): the field first, then only service words, one of
    them technical. 金融综合服务平台, 科技中介服务平台, 一体化服务平台 are kinds of service."""
    m = re.fullmatch(r"(?P<field>[\u4e00-\u9fffA-Z]{2,10}?)(?:" + _SERVICE_WORDS.pattern + r")+", core)
    if not m or not re.search(r"公共|共性|技术|检验|检测|互联网|研发|中试|测试", core[m.end("field"):]) \
            or core[m.end("field")] in "和与及、":  # 智能工厂和工业互联网平台: two things
        return False
    field = m.group("field")
    return (not is_generic(field) or is_field(field)) and not _SERVICE_WORDS.search(field) \
        and not re.search(r"[一二三四五六七八九十两]|各类|一批|化$|金融|中介|专利|知识产权|人才|企业|政务|网上|线上|条件|^(?:要|领办|优化|构建|建设)", field)


def _strip_places(s: str) -> str:
    p = place_prefix(s, min_rest=0)
    return s[len(p) :] if p else s


# a government department inside what would be a platform's name
_AGENCY_INSIDE = re.compile(r"^[省市县区]?(?:科学技术|科技|财政|工信|发改|人社|教育|卫健|商务)(?:厅|局|委)")


def find_names(text: str) -> list[NameSpan]:
    """Typed names in `text`, longest first, no overlaps; names nested at the start of a
    longer one are kept as its `hosts` (忻州师范学院 in 忻州师范学院…重点实验室). Several rules ask
    for the names of one sentence: they are found once (the spans are shared, never changed)."""
    return list(_find_names(text))


@lru_cache(maxsize=8192)
def _find_names(text: str) -> tuple[NameSpan, ...]:
    cands = typed_candidates(text)
    cands.sort(key=lambda s: (-(s.end - s.start), s.start))
    kept: list[NameSpan] = []
    for c in cands:
        outer = next((k for k in kept if k.overlaps(c)), None)
        if outer is None:
            kept.append(c)
        elif c.start >= outer.start and c.end <= outer.end and c.start == outer.start and c.end < outer.end:
            if c.type == "University":
                c = _campus_host(c)
            if c.type in ("University", "Enterprise", "ResearchInstitute", "Hospital", "Zone") and not any(
                h.name == c.name for h in outer.hosts
            ):
                outer.hosts.append(c)
    for k in kept:
        uni = next((h for h in k.hosts if h.type == "University" and h.start >= k.start), None)
        if k.type == "ResearchInstitute" and uni is not None and k.name.endswith("研究院") \
                and (uni.start > k.start or CITY_AT.match(k.name[len(uni.name):])):
            # 上海交通大学包头材料研究院 / 荆门武汉大学新能源研究院: a university's institute in a city is that
            # city's new R&D platform
            k.type, k.subtype = "Platform", "NewRDInstitution"
    for k in kept:
        if k.type == "Zone" and any(h.type in ("University", "Enterprise", "ResearchInstitute", "Hospital") for h in k.hosts):
            # 长治职业技术学院海创职教园区: a park named after a college is that college's platform
            k.type, k.subtype = "Platform", "Incubator"
    for i, k in enumerate(kept):
        campus = _CAMPUS.match(text, k.end) if k.type == "University" and k.name.endswith("大学") else None
        if campus and not any(o.start < campus.end() and k.end < o.end for o in kept if o is not k):
            # 中国石油大学（华东）, 中国地质大学（武汉）: a campus university is named with its place
            kept[i] = NameSpan(k.start, campus.end(), text[k.start : campus.end()], k.type, k.subtype, k.rule, k.hosts)
    kept.extend(place_names(text, kept))
    kept.sort(key=lambda s: s.start)
    return tuple(kept)


def _campus_host(uni: NameSpan) -> NameSpan:
    """荆门武汉大学新能源研究院 is 武汉大学's institute in 荆门: a place before a university named for another
    place or region (武汉大学, 北京交通大学, 华中科技大学) is where the institute is, not part of the host's name."""
    at = CITY_AT.match(uni.name)
    rest = uni.name[at.end() :] if at else ""
    if len(rest) >= 4 and rest.endswith("大学") and (CITY_AT.match(rest) or rest.startswith(_REGIONS)):
        return NameSpan(uni.start + at.end(), uni.end, rest, "University", rule=uni.rule)
    return uni


_CAMPUS = re.compile(r"[(（](?:华东|华北|华南|华中|西南|西北|东北|北京|武汉|威海|深圳|徐州|秦皇岛|保定|青岛|珠海|苏州)[)）]")
# (the municipalities, 北京交通大学 and 重庆大学, are places CITY_AT reads already)
_REGIONS = ("华中", "华南", "华东", "华北", "西南", "西北", "东北", "中南", "中国")


# a city or county, full or short, opening what follows (包头 of 上海交通大学包头材料研究院)
CITY_AT = re.compile(trie_pattern([c for c in CITIES] + [c[:-1] for c in CITIES if len(c) > 2]
                                  + [c for c in COUNTY_CITY] + [c[:-1] for c in COUNTY_CITY if len(c) > 2]))


def place_names(text: str, taken: list[NameSpan]) -> list[NameSpan]:
    """County and city names from the gazetteer, where no longer name covers them."""
    out: list[NameSpan] = []
    for scanner, type_ in ((COUNTY_SCANNER, "County"), (CITY_SCANNER, "City")):
        for start, end, word in scanner.finditer(text):
            s = NameSpan(start, end, word, type_, rule="gazetteer")
            if any(t.overlaps(s) for t in taken + out):
                continue
            if word in RENAMED_DISTRICTS and start and _NAME_CHAR.match(text[start - 1]) and not boundary_before(text, start):
                continue  # 吕梁山区 is no 梁山区
            out.append(s)
    return out


def places_in_name(name: str) -> list[tuple[str, str]]:
    """(place, type) a name opens with: 曲沃县晋之南食品有限公司 -> [(曲沃县, County)]."""
    m = COUNTY_RE.match(name)
    if m:
        return [(m.group(0), "County")]
    m = CITY_RE.match(name)
    if m:
        return [(m.group(0), "City")]
    for county in SHANXI_COUNTY_CITY:  # short forms of Shanxi's counties only (中原 is not 中原区)
        short = county[:-1]
        if len(short) >= 2 and name.startswith(short) and not name.startswith(county):
            return [(county, "County")]
    for city in CITIES:
        if name.startswith(city[:-1]):
            return [(city, "City")]
    return []


# --------------------------------------------------------------------------- lists

_LIST_SEP = re.compile(r"以及|、|和|及|与|,")


def split_members(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Member spans of a list text[start:end] joined by 、 和 及 与 (以及)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _LIST_SEP.finditer(text, start, end):
        if m.group(0) in "和与" and _inside_word(text, m.start()):
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s] in " “\"‘":
            s += 1
        while e > s and text[e - 1] in " ”\"’":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _inside_word(text: str, i: int) -> bool:
    """和/与 that belong to a word (和顺, 参与, 给与) rather than joining a list."""
    two = text[i : i + 2]
    before = text[i - 1 : i + 1] if i else ""
    return two in ("和顺", "和谐", "与其") or before in ("参与", "给与", "附和", "总和", "融和", "温和", "平和") \
        or before in _PLACE_PAIRS or two in _PLACE_PAIRS  # 呼和浩特, 和田


def place_title(path: list[str]) -> bool:
    """Is the innermost heading nothing but places (（3）南溪区：, 5.周村区和文昌湖区。)?"""
    if not path:
        return False
    title = re.sub(r"[。:：\s]+$", "", norm_text(path[-1]))
    names = find_names(title)
    rest = "".join(ch for i, ch in enumerate(title) if not any(n.start <= i < n.end for n in names))
    return bool(names) and all(n.type in ("County", "Zone") for n in names) and not re.sub(r"[、和及与]", "", rest)
