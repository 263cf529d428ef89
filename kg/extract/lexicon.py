"""Gazetteers and suffix tables: the lexical knowledge the rules use.

General knowledge of how Chinese organisation names are built (a specific part, then a type
word: 山西建邦集团铸造 + 有限公司) and of Shanxi's administrative divisions. Nothing here names
an enterprise, a platform or a relationship of a plan: facts come from the documents or from
the curation file.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

# --------------------------------------------------------------------------- text

CJK = "\u3400-\u9fff\uf900-\ufaff"


def norm_char(ch: str) -> str:
    """Half-width form of a full-width character when that keeps it one character."""
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def norm_text(text: str) -> str:
    """Same length as `text` (offsets stay valid), full-width ASCII folded to half-width."""
    return text.translate(_HALF_WIDTH)


def clean_name(name: str) -> str:
    """A name as the graph shows it: half-width brackets, no spaces or stray quotes."""
    s = norm_text(name)
    s = re.sub(r"\s+", "", s)
    s = s.strip("\"'‘’《》·,，、;；:：.。-—")
    # quotes belong to a name only when they pair up (“111”创新工程)
    while s.startswith("“") and s.count("“") > s.count("”"):
        s = s[1:]
    while s.endswith("”") and s.count("”") > s.count("“"):
        s = s[:-1]
    if s.startswith("“") and s.endswith("”") and s.count("“") == 1:
        s = s[1:-1]
    return s.strip("\"'‘’《》·,，、;；:：.。-—")


# --------------------------------------------------------------------------- places

PROVINCE = "山西省"
PROVINCE_FORMS = ("山西省", "山西", "晋")

# Shanxi's prefecture-level cities and their county-level divisions (2021 administrative map;
# older names kept where plans still use them).
COUNTIES: dict[str, tuple[str, ...]] = {
    "太原市": ("小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区", "清徐县", "阳曲县", "娄烦县", "古交市"),
    "大同市": ("平城区", "云冈区", "新荣区", "云州区", "阳高县", "天镇县", "广灵县", "灵丘县", "浑源县", "左云县"),
    "朔州市": ("朔城区", "平鲁区", "山阴县", "应县", "右玉县", "怀仁市"),
    "忻州市": ("忻府区", "原平市", "定襄县", "五台县", "代县", "繁峙县", "宁武县", "静乐县", "神池县", "五寨县",
              "岢岚县", "河曲县", "保德县", "偏关县"),
    "阳泉市": ("平定县", "盂县"),
    "吕梁市": ("离石区", "孝义市", "汾阳市", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县", "方山县",
              "中阳县", "交口县"),
    "晋中市": ("榆次区", "太谷区", "太谷县", "介休市", "榆社县", "左权县", "和顺县", "昔阳县", "寿阳县", "祁县", "平遥县",
              "灵石县"),
    "长治市": ("潞州区", "上党区", "屯留区", "潞城区", "长治县", "屯留县", "潞城市", "襄垣县", "平顺县", "黎城县",
              "壶关县", "长子县", "武乡县", "沁县", "沁源县"),
    "晋城市": ("泽州县", "高平市", "阳城县", "陵川县", "沁水县"),
    "临汾市": ("尧都区", "侯马市", "霍州市", "曲沃县", "翼城县", "襄汾县", "洪洞县", "古县", "安泽县", "浮山县", "吉县",
              "乡宁县", "大宁县", "隰县", "永和县", "蒲县", "汾西县"),
    "运城市": ("盐湖区", "永济市", "河津市", "临猗县", "万荣县", "闻喜县", "稷山县", "新绛县", "绛县", "垣曲县", "夏县",
              "平陆县", "芮城县"),
}
SHANXI_COUNTY_CITY: dict[str, str] = {c: city for city, cs in COUNTIES.items() for c in cs}

# County-level names that are also everyday words of plans (老城区改造, 城区, 矿区): never read as places.
_COMMON_DISTRICT = re.compile(r"^(?:[东西南北中]|城|郊|矿|新|新城|老城|城[东西南北中]|市中|高新|开发|经开|新华|和平)区$")
_PROVINCE_END = re.compile(r"(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$")


# district names derived from the table, not printed in it: 梁山区 of 梁山县 is also the end of 吕梁山区,
# so they count only where a name may start (kg.extract.names.place_names)
RENAMED_DISTRICTS: set[str] = set()
# 宜宾县 became 叙州区 and 株洲县 渌口区 in 2018; the 2020 table drawn from cpca still has the counties
_RENAMED_OUTRIGHT = {"宜宾县": "叙州区", "株洲县": "渌口区"}


def _national() -> tuple[dict[str, str], dict[str, str], tuple[str, ...]]:
    """(city -> province, county -> city, province names) outside Shanxi, from divisions.csv.
    A county name two places share (朝阳区 of 北京 and 长春) is left out: it cannot say which; of the
    two-character names only counties (眉县), as no everyday word ends in 县 that way."""
    path = Path(__file__).with_name("divisions.csv")
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    cities = {r["city"]: r["province"] for r in rows if r["city"] and not r["county"]}
    seen = Counter(r["county"] for r in rows if r["county"])
    counties = {r["county"]: r["city"] or r["province"] for r in rows
                if r["county"] and seen[r["county"]] == 1 and (len(r["county"]) >= 3 or r["county"].endswith("县"))
                and not _COMMON_DISTRICT.match(r["county"]) and r["county"] not in SHANXI_COUNTY_CITY}
    # a county renamed outright when it became a district, after the table's source was drawn
    for old, new in _RENAMED_OUTRIGHT.items():
        if old in counties and new not in seen:
            counties[new] = counties[old]
            RENAMED_DISTRICTS.add(new)
    # a county or county-level city made a district since the table was drawn (偃师市 -> 偃师区, 赣县 -> 赣县区)
    for name, city in list(counties.items()):
        renamed = name[:-1] + "区"
        if len(name) == 2 and name[-1] == "县":
            renamed = name + "区"  # 赣县 -> 赣县区
        if len(renamed) >= 3 and name[-1] in "县市" and city.endswith("市") and renamed not in seen \
                and not _COMMON_DISTRICT.match(renamed):
            counties[renamed] = city
            RENAMED_DISTRICTS.add(renamed)
        # a county made a county-level city since (监利县 -> 监利市, 2020)
        as_city = name[:-1] + "市"
        if len(name) >= 3 and name[-1] == "县" and as_city not in seen and as_city not in cities:
            counties[as_city] = city
            RENAMED_DISTRICTS.add(as_city)
    provinces = (PROVINCE, *dict.fromkeys(r["province"] for r in rows))
    return cities, counties, provinces


NATIONAL_CITY_PROVINCE, _NATIONAL_COUNTY_CITY, PROVINCES = _national()
# Shanxi's cities first (the corpus), then every other prefecture-level city of China.
CITIES: tuple[str, ...] = tuple(COUNTIES) + tuple(c for c in NATIONAL_CITY_PROVINCE if c not in COUNTIES)
COUNTY_CITY: dict[str, str] = SHANXI_COUNTY_CITY | _NATIONAL_COUNTY_CITY


def short_place(name: str) -> str:
    """临汾市 -> 临汾, 曲沃县 -> 曲沃, 尧都区 -> 尧都 (one-character cores keep their suffix: 隰县)."""
    if len(name) > 2 and name[-1] in "省市县区":
        return name[:-1]
    return name


def short_province(name: str) -> str:
    """河南省 -> 河南, 广西壮族自治区 -> 广西, 内蒙古自治区 -> 内蒙古, 北京市 -> 北京."""
    s = _PROVINCE_END.sub("", name)
    return s if name.endswith(("省", "市")) or s == "内蒙古" else s[:2]


# every province's name and its short form of two or more characters (湖南省, 湖南, 内蒙古)
PROVINCE_HEADS = tuple(sorted({p for p in PROVINCES} | {short_province(p) for p in PROVINCES if len(short_province(p)) >= 2},
                              key=len, reverse=True))

# Place words that may open an organisation name and do not tell two organisations apart when
# the rest of the name is distinctive (山西建邦集团铸造有限公司 = 建邦集团铸造有限公司).
OTHER_PLACES = ("中国", "全国", "国家")


def place_prefixes() -> list[str]:
    """Every place form that may open a name: Shanxi's cities and counties in full and short form,
    China's provinces and other cities in full and short form, other counties in full form only
    (their short forms, 中原 of 中原区, are too often ordinary words)."""
    forms: set[str] = set(PROVINCE_FORMS) | set(OTHER_PLACES)
    for p in PROVINCES:
        forms |= {p, short_province(p)}
    for city, counties in COUNTIES.items():
        forms |= {city, short_place(city)}
        for c in counties:
            forms.add(c)
            if len(c) > 2:
                forms.add(short_place(c))
    for city in NATIONAL_CITY_PROVINCE:
        forms.add(city)
        if city.endswith("市") and len(city) in (3, 4):
            forms.add(short_place(city))
    forms |= set(_NATIONAL_COUNTY_CITY)
    forms.discard("晋")  # only as 山西's one-character name inside longer words; too short to strip
    return sorted(forms, key=len, reverse=True)


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for many literal words, factored by common prefixes so that matching
    stays fast with thousands of words; at one position it prefers the longest word."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return ("(?:" + body + ")?") if len(alts) == 1 and len(alts[0]) > 1 else body + "?"
        return body

    return build(trie)


PLACE_PREFIXES: list[str] = place_prefixes()
_PLACE_AT_START = re.compile(trie_pattern(PLACE_PREFIXES))
COUNTY_RE = re.compile(trie_pattern(COUNTY_CITY))  # full county names, longest first
CITY_RE = re.compile(trie_pattern(CITIES))


class WordScanner:
    """Every occurrence of a fixed list of words (two characters or more) in a text, longest at
    each position, leftmost first, not overlapping: what finditer on one big alternation gives,
    looked up by the first two characters instead (a regex of thousands of county names tries
    them one by one at every character)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.by_head: dict[str, list[str]] = {}  # first two characters -> words, longest first
        for w in sorted(set(words), key=len, reverse=True):
            if len(w) >= 2:
                self.by_head.setdefault(w[:2], []).append(w)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        i, n, heads = 0, len(text), self.by_head
        while i < n - 1:
            for w in heads.get(text[i : i + 2], ()):
                if text.startswith(w, i):
                    yield i, i + len(w), w
                    i += len(w)
                    break
            else:
                i += 1


COUNTY_SCANNER = WordScanner(COUNTY_CITY)
CITY_SCANNER = WordScanner(CITIES)


def place_prefix(s: str, min_rest: int = 1) -> str | None:
    """The longest place form `s` opens with that leaves at least `min_rest` characters."""
    m = _PLACE_AT_START.match(s)
    if m is None:
        return None
    p = m.group(0)
    if len(s) - len(p) >= min_rest:
        return p
    return next((q for q in PLACE_PREFIXES if len(q) < len(p) and p.startswith(q) and len(s) - len(q) >= min_rest), None)


def is_place(s: str) -> bool:
    """Whether `s` is nothing but a place's name (四川, 蓝山县, 临汾市)."""
    return place_prefix(s, min_rest=0) == s


def strip_places(s: str, levels: str = "") -> str:
    """`s` without the place forms it opens with (临汾市尧都区科技局 -> 科技局); characters of
    `levels` (市省县区) standing alone count as places too."""
    while s:
        p = place_prefix(s, min_rest=0) or (s[0] if s[0] in levels else None)
        if not p:
            break
        s = s[len(p) :]
    return s


# --------------------------------------------------------------------------- type words

# (suffix, type, subtype). Longest suffix wins, so more specific words come first by length.
SUFFIXES: list[tuple[str, str, str | None]] = sorted(
    [
        # enterprises
        ("股份有限公司", "Enterprise", None), ("有限责任公司", "Enterprise", None), ("有限公司", "Enterprise", None),
        ("集团公司", "Enterprise", None), ("集团", "Enterprise", None), ("公司", "Enterprise", None),
        ("酒庄", "Enterprise", None), ("钢铁厂", "Enterprise", None), ("分中心", "Platform", None),
        # universities and schools
        ("大学", "University", None), ("学院", "University", None), ("学院(筹)", "University", None),
        ("高等专科学校", "University", None), ("职业学校", "University", None), ("技工学校", "University", None),
        ("师范学校", "University", None), ("卫生学校", "University", None), ("财经学校", "University", None),
        ("艺术学校", "University", None), ("技校", "University", None), ("分院", "University", None),
        ("现代产业学院", "University", None), ("师院", "University", None),
        # research institutes
        ("研究所", "ResearchInstitute", None), ("科学院", "ResearchInstitute", None), ("研究院", "ResearchInstitute", None),
        ("研究总院", "ResearchInstitute", None), ("研究设计院", "ResearchInstitute", None), ("工程院", "ResearchInstitute", None),
        ("中科院", "ResearchInstitute", None),
        # hospitals
        ("医院", "Hospital", None), ("保健院", "Hospital", None),
        # platforms
        ("重点实验室", "Platform", "KeyLaboratory"), ("实验室", "Platform", "KeyLaboratory"),
        ("工程技术研究中心", "Platform", "EngineeringCenter"), ("工程研究中心", "Platform", "EngineeringCenter"),
        ("技术研究中心", "Platform", "EngineeringCenter"), ("工程中心", "Platform", "EngineeringCenter"),
        ("技术创新中心", "Platform", "TechInnovationCenter"), ("制造业创新中心", "Platform", "TechInnovationCenter"),
        ("协同创新中心", "Platform", "TechInnovationCenter"), ("技术转移中心", "Platform", "TechInnovationCenter"),
        ("企业技术中心", "Platform", "EnterpriseTechCenter"), ("技术中心", "Platform", "EnterpriseTechCenter"),
        ("中试基地", "Platform", "PilotBase"), ("产业化基地", "Platform", "PilotBase"),
        ("新型研发机构", "Platform", "NewRDInstitution"), ("产业技术研究院", "Platform", "NewRDInstitution"),
        ("产业研究院", "Platform", "NewRDInstitution"),
        ("孵化器", "Platform", "Incubator"), ("众创空间", "Platform", "Incubator"), ("星创天地", "Platform", "Incubator"),
        ("创新基地", "Platform", "Incubator"), ("双创基地", "Platform", "Incubator"), ("孵化基地", "Platform", "Incubator"),
        ("创业园", "Platform", "Incubator"), ("智创城", "Platform", "Incubator"),
        ("院士工作站", "Platform", "AcademicianWorkstation"), ("院士专家工作站", "Platform", "AcademicianWorkstation"),
        ("专家工作站", "Platform", "AcademicianWorkstation"),
        ("博士后科研工作站", "Platform", "PostdocStation"), ("博士后工作站", "Platform", "PostdocStation"),
        ("博士后科研流动站", "Platform", "PostdocStation"), ("博士后创新实践基地", "Platform", "PostdocStation"),
        ("联盟", "Platform", "Alliance"), ("创新联合体", "Platform", "Alliance"),
        ("研究中心", "Platform", None), ("研发中心", "Platform", None), ("研究基地", "Platform", None), ("加速中心", "Platform", "Incubator"),
        ("智创谷", "Platform", "Incubator"), ("服务平台", "Platform", None), ("云平台", "Platform", None),
        ("微平台", "Platform", None), ("知识产权保护中心", "Platform", None), ("知识产权运营中心", "Platform", None),
        ("快速维权中心", "Platform", None), ("野外科学观测研究站", "Platform", None), ("快速维权服务中心", "Platform", None), ("科技大市场", "Platform", None),
        ("技术交易所", "Platform", None), ("检验检测中心", "Platform", None), ("检测中心", "Platform", None),
        ("技术转移服务中心", "Platform", "TechInnovationCenter"), ("技术产权交易中心", "Platform", None),
        ("技术交易中心", "Platform", None), ("交易平台", "Platform", None), ("概念验证中心", "Platform", None),
        ("创新促进中心", "Platform", None), ("知识产权保护工作站", "Platform", None),
        # markets, transfer and data services, field stations a plan names as its platforms
        ("技术交易市场", "Platform", None), ("技术市场", "Platform", None), ("成果转化中心", "Platform", None),
        ("成果转化服务中心", "Platform", None), ("成果转移转化中心", "Platform", None), ("成果转移转化服务中心", "Platform", None),
        ("成果转化基地", "Platform", None), ("科创飞地", "Platform", None), ("人才飞地", "Platform", None),
        ("创新飞地", "Platform", None), ("标识解析二级节点", "Platform", None), ("大数据中心", "Platform", None), ("科学数据中心", "Platform", None),
        ("试验示范站", "Platform", None), ("试验站", "Platform", None), ("实验站", "Platform", None),
        ("种质资源圃", "Platform", None), ("工业设计中心", "Platform", None),
        ("设计中心", "Platform", None), ("检验中心", "Platform", None), ("测试场", "Platform", None),
        ("企业加速器", "Platform", "Incubator"), ("产业加速器", "Platform", "Incubator"), ("创客空间", "Platform", "Incubator"), ("创新创业基地", "Platform", "Incubator"),
        ("创业基地", "Platform", "Incubator"), ("互联网平台", "Platform", None), ("中试平台", "Platform", None),
        ("验证平台", "Platform", None), ("检测平台", "Platform", None), ("技术创新平台", "Platform", None),
        # service complexes of a county's industry, the national science centres, gene banks, pilot lines
        ("创新服务综合体", "Platform", None), ("创新综合体", "Platform", None), ("创新创业综合体", "Platform", "Incubator"),
        ("综合性国家科学中心", "Platform", None), ("综合性科学中心", "Platform", None),
        ("种质资源库", "Platform", None), ("菌种资源库", "Platform", None), ("微生物资源库", "Platform", None),
        ("中试验证基地", "Platform", "PilotBase"), ("试验验证基地", "Platform", "PilotBase"), ("中试车间", "Platform", "PilotBase"),
        ("研究平台", "Platform", None),
        # zones
        ("经济技术开发区", "Zone", None), ("高新技术产业开发区", "Zone", None), ("经济开发区", "Zone", None),
        ("高新技术开发区", "Zone", None), ("开发区", "Zone", None), ("高新区", "Zone", None), ("经开区", "Zone", None),
        ("产业园区", "Zone", None), ("工业园区", "Zone", None), ("产业园", "Zone", None), ("示范区", "Zone", None),
        ("片区", "Zone", None), ("综合保税区", "Zone", None), ("自由贸易试验区", "Zone", None),
        ("研究院有限公司", "ResearchInstitute", None), ("研究所有限公司", "ResearchInstitute", None),
        ("大学科技园", "Platform", "Incubator"), ("创业中心", "Platform", "Incubator"),
        ("国家大学科技园", "Platform", "Incubator"), ("大学生科技园", "Platform", "Incubator"),
        ("创新中心", "Platform", "TechInnovationCenter"), ("研发平台", "Platform", None),
        ("综改区", "Zone", None), ("产业集聚区", "Zone", None), ("集聚区", "Zone", None), ("园区", "Zone", None),
        ("新区", "Zone", None), ("工业园", "Zone", None), ("科技创新走廊", "Zone", None), ("科创走廊", "Zone", None),
        ("小镇", "Zone", None), ("示范园", "Zone", None), ("示范园区", "Zone", None),  # (示范园区: no 示范园 in it)
        ("创新走廊", "Zone", None), ("软件园", "Zone", None), ("科技城", "Zone", None), ("新城", "Zone", None),
        ("工业城", "Zone", None), ("旅游度假区", "Zone", None), ("先行区", "Zone", None), ("合作区", "Zone", None),
        ("工业集中区", "Zone", None),
        # agencies
        ("人民政府", "Agency", None), ("人民政府办公室", "Agency", None), ("领导小组办公室", "Agency", None),
        ("创业服务中心", "Platform", "Incubator"), ("科学技术局", "Agency", None), ("科技局", "Agency", None), ("科技厅", "Agency", None),
        ("科学技术厅", "Agency", None), ("管委会", "Agency", None), ("气象局", "Agency", None), ("卫健委", "Agency", None),
        ("发改委", "Agency", None), ("工信局", "Agency", None), ("教育局", "Agency", None), ("财政局", "Agency", None),
        ("知识产权局", "Agency", None), ("人社局", "Agency", None), ("统计局", "Agency", None), ("领导小组", "Agency", None),
        ("中心支行", "Agency", None), ("局", "Agency", None), ("委员会", "Agency", None), ("厅", "Agency", None), ("科协", "Agency", None),
        ("发展和改革委员会", "Agency", None), ("发展改革委", "Agency", None), ("国资委", "Agency", None),
        ("金融办", "Agency", None), ("卫生健康委", "Agency", None), ("人才办", "Agency", None), ("组织部", "Agency", None), ("工业和信息化局", "Agency", None), ("人力资源和社会保障局", "Agency", None),
    ],
    key=lambda t: len(t[0]),
    reverse=True,
)
SUFFIX_INDEX: dict[str, tuple[str, str | None]] = {s: (t, st) for s, t, st in SUFFIXES}

ORG_TYPES = ("Enterprise", "University", "ResearchInstitute", "Hospital", "Platform", "Zone", "Agency")

# Legal/organisational endings stripped to compare two enterprise names (建邦集团铸造有限公司 ~ 建邦).
LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司", "有限公司", "集团公司", "公司",
                  "集团", "股份")

# Words that make a type word specific only in combination with a real name: a "name" made of
# nothing but these (省级重点实验室, 国家企业技术中心, 产业技术创新战略联盟) is a category, not an entity.
GENERIC_WORDS = sorted(
    {
        "省级以上", "国家级", "省级", "市级", "县级", "省部级", "国家", "省", "市", "县", "全省", "全市", "本市", "我市",
        "山西省", "重点", "企业", "产业", "行业", "科技", "专业化", "专业", "新型", "高水平", "一批", "各类", "各级",
        "现有", "联合", "共建", "研发", "创新", "技术", "战略", "产业技术", "科技企业", "高新技术", "工程", "临床",
        "医学", "开放型", "开放", "科技成果", "成果", "转化", "示范", "特色", "区域", "国际", "海外", "域外", "市属",
        "省属", "高等", "高校", "院校", "大型", "龙头", "骨干", "领军", "规上", "中小", "小微", "民营", "国有",
        "数字", "智能", "现代", "农业", "制造业", "服务", "公共", "综合", "双创", "孵化", "众创", "孵化器", "等",
        "和", "及", "与", "或", "、", "上述", "相关", "该", "其他", "一流", "一个", "多个", "若干", "所在", "优势",
        "学科", "新", "研究", "中心", "平台", "基地", "试验", "实验", "实训", "产学研", "校企", "省校", "市校",
        "资源共享", "共享", "集成", "标准化", "信息化", "基础", "前沿", "未来", "战略性新兴", "新兴", "传统",
        "关键", "核心", "共性", "全", "分", "首家", "首批", "第一", "本地", "外地", "国内外", "省内外", "知名",
        "著名", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "个", "家", "所", "项", "批",
        "细分", "领域", "行业领域", "细分行业领域", "制造", "医药", "新材料", "材料", "装备", "能源", "信息",
        "专精特新", "小巨人", "隐形冠军", "头部", "独角兽", "上中下游", "大中小", "科研院所", "高等院校", "院所",
        "科研", "产学研用", "经济开发区", "开发区", "园区", "多种类", "种类", "独立法人", "法人", "三级", "四级",
        "两级", "理工类", "职业类", "职业教育", "职业", "教育", "师范", "中医", "社区", "贫困县", "乡镇", "基层",
        "智慧", "创新型", "转移", "学校", "大学", "学院", "重组", "省部共建", "高层次", "人才", "团队", "创业",
        "创客", "中小企业", "规模", "工业企业", "准规模", "孵化", "加速器", "科技型", "示范基地", "载体",
        "生产性", "专门", "市域外", "省域外", "国内外", "省内外", "市外", "域外", "市属", "大专院校", "中等", "中等职业", "中职", "优质", "高职", "机构", "创投", "开放式", "共性技术", "市场化", "社会化", "网络化", "分类", "企业研发", "研发中心",
        "工程技术", "科技创新", "科技成果转化", "技术转移", "协同", "联合体", "医疗", "卫生", "临床医学", "医学科学",
        "工作", "重大", "高端", "高能级", "一大批", "主导", "小贷", "科技小贷", "融资担保", "政府性", "担保", "国家级重点", "各级各类", "大型科学仪器", "分析测试", "研发创新",
        # kinds of platform a plan sets up, not one of them (离岸孵化器, 飞地孵化器, 县域科技企业孵化器, 国家地方联合工程研究中心)
        "离岸", "飞地", "县域", "大学生", "认定", "国家认定", "网上", "线上", "线上线下", "自治区", "自治区级", "国家地方", "地方",
    },
    key=len,
    reverse=True,
)
_GENERIC_RE = re.compile("^(?:" + "|".join(map(re.escape, GENERIC_WORDS)) + r"|[\d\s()（）]+)*$")


def is_generic(core: str) -> bool:
    """True when the part before the type word says nothing specific (省级, 国家级重点, 企业)."""
    return not core or bool(_GENERIC_RE.match(core))


# Platform kinds a plan also prints as descriptions (光伏电池检测设备实验室): kept only where a host or a
# place names one (kg.extract.rules.OrgRules.proper_platform)
DESCRIPTIVE_SUFFIXES = ("实验室", "工程技术研究中心", "工程研究中心", "技术研究中心", "工程中心", "技术创新中心",
                        "企业技术中心", "技术中心", "中试基地", "产业化基地", "研究中心", "研究基地", "加速中心",
                        "技术转移中心", "协同创新中心", "制造业创新中心", "检验检测中心", "检测中心", "概念验证中心",
                        "院士工作站", "院士专家工作站", "专家工作站")
# generic words that are nonetheless a field a platform serves (新材料中试基地, 智能装备工程技术研究中心)
_FIELD_WORDS = ("新材料", "材料", "装备", "能源", "信息", "制造", "医药", "智能", "农业", "医疗", "中医", "数字")
_FIELD_QUALIFIERS = re.compile(r"^(?:重大|高端|智能|数字|现代|新|先进|绿色)?")


def is_field(core: str) -> bool:
    """A generic core made only of industry fields (新材料, 智能装备, 重大装备, 装备制造): a platform of a
    descriptive kind so named is one platform where the plan builds it somewhere or on a host."""
    rest = _FIELD_QUALIFIERS.sub("", core, count=1)
    return bool(rest) and bool(re.fullmatch("(?:" + "|".join(_FIELD_WORDS) + ")+", rest)) and is_generic(core)


# Words that end a name on its left: what precedes a name in plan prose (依托X, 支持X建设, 与X合作).
LEFT_BOUNDARY_WORDS = sorted(
    {
        "依托", "支持", "推进", "推动", "建设", "培育", "加快", "加强", "重点", "着力", "打造", "组建", "成立", "创建", "对标",
        "申建", "尚无", "实现", "用好", "建强", "提质", "纳入", "抢抓", "重振", "融入", "共获", "增设",
        "鼓励", "引导", "发挥", "落实", "实施", "拥有", "设立", "认定", "包括", "其中", "协同", "聚焦", "围绕",
        "面向", "通过", "利用", "引进", "共建", "合作", "牵头", "布局", "争创", "创办", "发展", "壮大", "提升",
        "对接", "联合", "整合", "申报", "获批", "入选", "评为", "引入", "吸引", "带动", "形成", "构建", "完善",
        "开展", "即", "如", "以", "与", "和", "及", "同", "等", "由", "在", "对", "将", "把", "被", "向", "从",
        "为", "是", "有", "了", "的", "中", "上", "下", "内", "外", "前", "后", "里", "均", "也", "并", "且", "还",
        "已", "使", "让", "给", "按照", "根据", "结合", "针对", "着重", "扶持", "鼓励", "培养", "组织",
        "筹建", "新建", "改建", "扩建", "启动", "创设", "谋划", "部署", "探索", "争取", "做强", "做大", "做优",
        "壮大", "延伸", "主动", "积极", "大力", "全力", "持续", "继续", "进一步", "重点支持", "重点推进",
        "重点培育", "重点建设", "着力打造", "加快建设", "积极推进", "联合组建", "合作建设", "合作共建",
        "共同建设", "依托于", "优先", "分别", "先后", "相继", "目前", "现有", "拥有", "建成", "获得", "荣获",
        "成功", "认定为", "命名为", "挂牌", "授牌", "全市", "全省", "我市", "本市", "该市", "市域内", "域内",
        "以上", "或", "“", "”", "《", "》", "「", "」", "新设", "建立", "缺少", "缺乏", "修订", "备案", "举办",
        "做实", "升级", "保持", "提档", "建有", "巩固", "位于", "链主企业", "龙头企业", "领军企业", "骨干企业", "以下简称", "简称", "所属", "旗下", "下属",
        "期间", "已设", "单位",  # (“十四五”期间新增院士工作站, 在博雅生物已设…工作站, 等单位博士后科研工作站)
    },
    key=len,
    reverse=True,
)

# Verbs and adverbs that open a candidate name in prose (建立中试基地, 切实提高医院 …) and
# are never its first word.
LEAD_VERBS = (
    "提高", "建立", "调动", "丰富", "重组", "赋予", "加大", "强化", "支撑", "实现", "做好", "交办", "配合", "提供",
    "依靠", "集聚", "承担", "参与", "推广", "设置", "健全", "优化", "扩大", "增强", "指导", "评选", "遴选", "确定",
    "确保", "保障", "促进", "深化", "促使", "搭建", "构筑", "培训", "落地", "入驻", "进驻", "申请", "新增", "纳入",
    "列入", "进入", "进行", "给予", "加速", "助力", "力争", "努力", "充分", "切实", "不断", "全面", "着眼", "以及",
    "邀请", "联系", "会同", "配合做好", "做好", "交办", "涌现出", "涌现", "发起", "推荐", "鼓励支持",
    "建立健全", "充分调动", "加快推进", "大力推进", "积极推进", "大力扶持", "大力发展", "积极引进", "积极组建",
    "支持建设", "培育建设", "加快布局", "推动建设", "带动", "依托", "支持", "推进", "推动", "建设", "培育",
    "加快", "加强", "着力", "打造", "组建", "成立", "创建", "鼓励", "引导", "发挥", "落实", "实施", "设立", "认定",
    "引进", "共建", "牵头", "布局", "争创", "创办", "发展", "壮大", "提升", "对接", "整合", "申报", "获批", "入选",
    "引入", "吸引", "形成", "构建", "完善", "开展", "扶持", "培养", "组织", "筹建", "新建", "改建", "扩建", "启动",
    "谋划", "探索", "争取", "主动", "积极", "大力", "全力", "持续", "继续", "进一步", "重点", "着重", "优先",
    "联合", "合作", "协同", "围绕", "聚焦", "面向", "通过", "利用", "拥有", "建成", "获得", "荣获", "成功",
)

# Characters a name may contain.
NAME_CHARS = rf"[{CJK}A-Za-z0-9·()\-—]"

# Quantities and list words that can sit between a list of names and its category noun.
LIST_TAIL = re.compile(r"^等?\s*(?:\d+|[一二两三四五六七八九十]+)?\s*(?:家|所|个|户)?")

# Category nouns that, after "A、B、C等", say the members are enterprises (等 12 家规上医药企业).
ENTERPRISE_MODIFIERS = (
    "规模以上", "规上", "医药", "制药", "农产品加工", "食品", "行业", "龙头", "骨干", "领军", "重点", "优势", "潜力",
    "高新技术", "科技型", "科技", "制造", "工业", "民营", "国有", "大型", "中小", "小微", "上市", "链主", "头部", "配套",
    "关联", "钢铁", "焦化", "煤炭", "化工", "能源", "新能源", "汽车", "装备", "材料", "新材料", "生物", "电子", "信息",
)
ENTERPRISE_LIST_NOUN = re.compile(
    r"^等\s*(?:\d+|[一二两三四五六七八九十]+)?\s*[家个户]?\s*"
    r"(?:" + "|".join(sorted(ENTERPRISE_MODIFIERS, key=len, reverse=True)) + r")*(?:企业|公司|厂商)"
    r"(?!研发投入|研发费用|所得税|税收|利润|技术改造|融资|贷款|上市|申报|认定|标准)"
)
# words that do not occur in an enterprise's short name but do in list items of other things
NOT_SHORT_NAME = re.compile(r"费用|扣除|政策|首台|首批|首版|方式|入股|许可|资金|项目|平台|基地|中心|机构|院校|高校|"
                            r"人才|团队|专家|技术|领域|产业|行业|工程|计划|行动|体系|机制|服务|建设|发展|创新|研发")
UNIVERSITY_LIST_NOUN = re.compile(r"^等\s*(?:\d+|[一二两三四五六七八九十]+)?\s*[所家个]?\s*(?:[\u4e00-\u9fff]{0,6}?)(?:院校|高校|大学|学校)")

# Chain words.
CHAIN_INDUSTRY_ENDINGS = ("制造业", "制造产业", "产业", "工业", "行业")


# Central organs of the state and the party, and ministries: actors a plan names without a place
# (科技部备案的星创天地, 受到国务院通报表扬) and issuers of the policies it cites.
CENTRAL_AGENCIES = (
    "中共中央", "中共中央办公厅", "国务院", "国务院办公厅", "全国人大", "科技部", "科学技术部", "教育部", "工业和信息化部",
    "工信部", "财政部", "人力资源和社会保障部", "人社部", "国家发展改革委", "国家发展和改革委员会", "国家发改委", "农业农村部",
    "商务部", "自然资源部", "生态环境部", "国家卫生健康委", "国家卫健委", "国家知识产权局", "国家统计局", "国家税务总局",
    "中国科协", "国资委", "国家国防科工局", "税务总局",
)
# Issuers that open a policy title (中共长治市委关于…, 国务院关于…, 长治市人民政府办公厅关于…).
ISSUER_PREFIX = re.compile(
    r"^(?P<issuer>中共中央办公厅|中共中央|国务院办公厅|国务院|中共[\u4e00-\u9fff]{2,5}?[省市县区]委(?:办公室)?|"
    r"[\u4e00-\u9fff]{2,5}?[省市县区]人民政府(?:办公厅|办公室)?|[省市]委(?:办公室)?|[省市]人民政府(?:办公厅|办公室)?|"
    r"[省市]政府(?:办公厅|办公室)?|(?:山西省|[\u4e00-\u9fff]{2,3}市)?[\u4e00-\u9fff]{2,8}?(?:局|厅|部|委员会))"
    r"(?:、[^关]{2,20}?)?关于"
)

# National academies named by nothing but the country and a type word (place + 科学院 is otherwise
# a category: 山西省科学院 is named by its place too, but 中国科学院 is one institution).
NATIONAL_ACADEMIES = ("中国科学院", "中科院", "中国工程院", "中国社会科学院", "中国农业科学院", "中国林业科学研究院",
                      "中国医学科学院", "中国中医科学院")
