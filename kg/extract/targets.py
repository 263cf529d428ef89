"""Targets (指标目标): rows of 专栏 indicator tables and quantified goals in prose.

A Target is scoped to its city and year: 高新技术企业 2025 of 临汾市 and of 长治市 are two nodes.
Prose that repeats a table row (高新技术企业数量达到 150 家以上) is the same Target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import cn2an

from kg.extract.context import DocContext, Sentence
from kg.extract.lexicon import clean_name, norm_text
from kg.models import Evidence, Table

PLAN_YEAR = 2025
_NUM = r"(?:\d+(?:\.\d+)?|百分之[零〇一二两三四五六七八九十百]+|[零〇一二两三四五六七八九十百千万]+)"  # 百分之二十 = 20%
_UNITS = r"(?:亿元|万元|万人次|万人|万名|万家|万平方米|平方米|人次|个百分点|百分点|个|家次|家|处|项|所|名|人|件|篇|座|户|条|辆|台|套|场|%|％|倍)"
_UNIT_IN_NAME = re.compile(r"\s*[(（]\s*(?P<u>[^()（）]{1,6})\s*[)）]\s*$")
_YEAR = re.compile(r"(20\d\d)\s*年?")
PAST = re.compile(r"十三五|截至|截止|已经|累计|先后|以来|期间[,，]?全市|现有|拥有(?!量)|目前")
# a sentence that states goals (到2025年…, 力争…, “十四五”期间…) — where "X N家以上" alone is a target
GOAL = re.compile(r"到\s*20[2-3]\d\s*年|力争|十四五”?(?:末|期间|时期)|目标")
FUTURE = re.compile(r"不低于|不少于|争创|新增|推广|举办|培训|签约|每年|设立|培养|孵化|共建|年均增长|首期规模|组建|选派|遴选|评选|零的突破|达到|突破|力争|下降到|降低到|降至|扩大|建成|新建|到\s*20\d\d|十四五”?末|十四五”?期间|增长到|提高到|上升到|增加到|增幅|实现|培育|建设|引进|集聚|认定")


@dataclass
class TargetFact:
    indicator: str
    value: float | int | str
    unit: str | None
    year: int
    baseline: float | int | None = None
    baseline_year: int | None = None
    evidence: Evidence | None = None
    aliases: list[str] = field(default_factory=list)
    from_table: bool = False
    value_max: float | int | None = None
    period: str | None = None


def to_number(s: str) -> float | int | None:
    s = s.strip().rstrip("%％")
    if not s or s in "-—－/":
        return None
    try:
        v = float(s)
    except ValueError:
        try:
            v = float(cn2an.cn2an(s, "smart"))
        except (ValueError, KeyError, TypeError):
            return None
    return int(v) if v.is_integer() else v


def indicator_key(name: str) -> str:
    """Comparable form of an indicator: 研究与试验发展经费投入每年增幅 ~ 研发经费投入增长."""
    s = re.sub(r"\([^()]*\)|的", "", clean_name(name))  # 研究与试验发展(R&D)经费, …支出的比重
    s = re.sub(r"(?<=[\u4e00-\u9fff]{4})数$", "", s)  # 高新技术企业数 = 高新技术企业
    for a, b in (("研究与试验发展", "研发"), ("R&D", "研发"), ("经费投入", "投入"), ("规上", "规模以上"), ("增幅", "增长"), ("交易额", "成交额"), ("及以上", "以上")):
        s = s.replace(a, b)
    s = re.sub(r"每年|年均|数量|总数|全市|我市|总额", "", s)
    s = re.sub(r"^(?:认定|建设|建成|新建|创建|达到)", "", s)
    return s


def same_indicator(a: str, b: str, unit: str | None = None) -> bool:
    ka, kb = indicator_key(a), indicator_key(b)
    if ka == kb:
        return True
    if unit in ("亿元", "万元") and len(ka) >= 4 and len(kb) >= 4 and ka[:2] == kb[:2] and ka[-2:] == kb[-2:]:
        return True  # 技术合同交易额 50亿元 restates the row 技术市场交易额 50亿元
    short, long_ = sorted((ka, kb), key=len)
    if re.search(r"(?:城|区|园|基地|中心|平台)$", long_[: len(long_) - len(short)]):
        return False  # 智创城引入研发机构 is the 智创城's target, not the city's 引入研发机构
    return len(short) >= 4 and long_.endswith(short) and len(long_) - len(short) <= 4


class TargetRules:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.facts: list[TargetFact] = []

    # ------------------------------------------------------------------ tables
    def table(self, table: Table) -> None:
        if not is_indicator_table(table):
            return
        header = [re.sub(r"\s+", "", norm_text(h)) for h in table.header]
        roles = list(getattr(table, "columns", []) or [])
        role = {r: i for i, r in reversed(list(enumerate(roles)))} if roles and len(roles) == len(header) else {}
        name_col = role.get("name", next((i for i, h in enumerate(header) if "指标" in h or "名称" in h),
                                         1 if len(header) > 2 else 0))
        target_col = role.get("target", next((i for i, h in enumerate(header) if "目标" in h or str(PLAN_YEAR) in h), None))
        growth_col = role.get("growth", next((i for i, h in enumerate(header) if ("增长" in h or "累计" in h or "增幅" in h)
                                              and i != target_col), None))
        base_col = role.get("baseline", next((i for i, h in enumerate(header) if _YEAR.search(h)
                                              and i not in (target_col, name_col)), None))
        unit_col = role.get("unit", next((i for i, h in enumerate(header) if h in ("单位", "计量单位")), None))
        base_year = int(_YEAR.search(header[base_col]).group(1)) if base_col is not None else None
        tyear = int(_YEAR.search(header[target_col]).group(1)) if target_col is not None and _YEAR.search(header[target_col]) else PLAN_YEAR
        for row in table.rows:
            cells = [norm_text(c).strip() for c in row.cells]
            if len(cells) <= name_col or not cells[name_col] or len(cells) < 3:
                continue
            raw_name = cells[name_col]
            um = _UNIT_IN_NAME.search(raw_name)
            unit = um.group("u").replace("％", "%") if um else None
            indicator = clean_name(raw_name[: um.start()] if um else raw_name)
            if re.fullmatch(r"[一二三四五六七八九十]+、.*|[\d.]+", indicator) or len(indicator) < 2:
                continue  # a category row (一、创新投入) or a stray number
            value, growth_unit = None, None
            if target_col is not None and target_col < len(cells):
                value, growth_unit = _cell_value(cells[target_col])
            if value is None and growth_col is not None and growth_col < len(cells):
                value, growth_unit = _cell_value(cells[growth_col])
            if value is None:
                # a target stated in words (增幅高于一般公共预算支出增幅, 全覆盖): kept as text
                texts = [cells[c] for c in (target_col, growth_col) if c is not None and c < len(cells)
                         and re.search(r"[\u4e00-\u9fff]", cells[c] or "")]
                if not texts:
                    continue
                value = clean_name(texts[0])
            if unit is None and unit_col is not None and unit_col < len(cells) and cells[unit_col].strip():
                unit = cells[unit_col].strip()
            baseline, b_year = None, base_year
            if base_col is not None and base_col < len(cells):
                baseline, _ = _cell_value(cells[base_col].split("(")[0].split("（")[0])
                y = _YEAR.search(cells[base_col].split(" ", 1)[-1]) if "(" in cells[base_col] else None
                if y:
                    b_year = int(y.group(1))
            unit = unit or growth_unit
            raw_cells = list(getattr(row, "raw", None) or []) or self.ctx.doc.lines[row.line - 1].split("\t")
            quote = raw_cells[name_col].strip() if name_col < len(raw_cells) else row.cells[name_col].strip()
            ev = self.ctx.line_ev(row.line, quote)
            self.facts.append(TargetFact(indicator, value, unit, tyear, baseline, b_year if baseline is not None else None,
                                         ev, from_table=True))

    # ------------------------------------------------------------------ prose
    def sentence(self, sent: Sentence) -> None:
        text = sent.text
        if _retrospective(sent):
            return
        if PAST.search(text) and not re.search(r"十四五|20(?:2[2-9]|3\d)\s*年|力争", text):
            return
        if not FUTURE.search(text):
            return
        year = PLAN_YEAR
        ym = re.search(r"到\s*(20[2-3]\d)\s*年", text)
        if ym:
            year = int(ym.group(1))
        goal = bool(GOAL.search(text)) or any("目标" in t for t in sent.para.section_path[-1:])
        subject = None
        found: list[TargetFact] = []  # the sentence's targets so far
        for clause_m in re.finditer(r"[^,，;；。:：()（）]+(?:[(（][^()（）]{0,30}[)）][^,，;；。:：()（）]*)*", text):
            clause = clause_m.group(0)
            off = clause_m.start()
            for fact, s, e in _clause_targets(clause, goal):
                # 到2025年,智创城内累计入驻企业100家以上,引入研发机构30家以上…: the subject of the
                # first clause qualifies the others (智创城引入研发机构)
                sm = re.match(r"^(?P<subj>[\u4e00-\u9fffA-Za-z0-9.]{2,12}?(?:城|区|园|基地|中心|平台))(?:内|中)(?P<rest>.+)$",
                              fact.indicator)
                if sm and subject is None:
                    subject = sm.group("subj")
                    fact.indicator = subject + sm.group("rest")
                elif subject is not None and not fact.indicator.startswith(subject):
                    fact.aliases.append(fact.indicator)
                    fact.indicator = subject + fact.indicator
                ev = self.ctx.ev(sent.para, sent.at(off + s), sent.at(off + e))
                part = clause.strip().startswith("其中") or bool(re.search(r"[县区市旗](?:分别|均)", clause))
                for f in _in_context(fact, found[-1] if found else None, part):
                    f.year, f.evidence = year, ev
                    self.facts.append(f)
                found.append(fact)

    # ------------------------------------------------------------------ emit
    def emit(self) -> None:
        """One Target per (indicator, year); prose repeating a table row merges into the row."""
        ctx = self.ctx
        city = ctx.city_entity()
        merged: list[TargetFact] = []
        repeats: list[tuple[TargetFact, TargetFact]] = []
        for f in sorted(self.facts, key=lambda f: not f.from_table):
            same = next((m for m in merged if m.year == f.year and _values_agree(m, f)
                         and same_indicator(m.indicator, f.indicator, m.unit if m.unit == f.unit else None)), None)
            if same is not None:
                if f.indicator != same.indicator and f.indicator not in same.aliases:
                    same.aliases.append(f.indicator)
                repeats.append((same, f))
                continue
            merged.append(f)
        # the stating row (table first) is a target's first evidence; prose repeats follow
        for f in merged:
            # 引进国家级专家协作团队 is also found as 国家级专家协作团队: the bare indicator is an alias
            bare = re.sub("^" + _VERB, "", f.indicator)
            aliases = f.aliases + ([bare] if bare != f.indicator and len(bare) >= 3 else [])
            m = ctx.entity(f.indicator, "Target", f.evidence, rule="target_table" if f.from_table else "target_text",
                           scope=f"{ctx.city}/{f.year}", properties=_props(f), aliases=aliases)
            if city is not None:
                ctx.relation("SETS_TARGET", city, m, f.evidence, rule=m.rule or "target",
                             properties={"year": f.year})
        for same, f in repeats:
            ctx.entity(same.indicator, "Target", f.evidence, rule="target_text_repeat", scope=f"{ctx.city}/{same.year}",
                       properties=_props(same), aliases=[f.indicator])


_HW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


_LEVEL = re.compile(r"^(?:国家级|省级以上|省级|市级|县级)$")
_BARE_GROWTH = re.compile(r"^(?:年均|每年|年)?(?:增长|增幅|增速|提高|提升)$")


def _in_context(fact: TargetFact, prev: TargetFact | None, part: bool) -> list[TargetFact]:
    """The targets a clause states, read after the target before it in its sentence (`part`: the
    clause opens with 其中): 其中A区、B区均达到80家 is one target per place; 推动X opens X only as printed."""
    out = [fact]
    places = fact.indicator.split("、")
    if prev is not None and part and len(places) > 1 \
            and all(re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:区|县|市|旗|高新区|开发区|经开区)", p) for p in places):
        # 其中稀土高新区、昆都仑区、青山区、九原区均达到80家以上
        out += [TargetFact(p, fact.value, fact.unit, fact.year, value_max=fact.value_max) for p in places[1:]]
        fact.indicator = places[0]
    for f in out:
        if prev is not None:
            _qualify(f, prev, part)
        lm = re.match(r"(?:推动|推进|促进|带动)(?=[\u4e00-\u9fff]{3})", f.indicator)
        if lm:  # 推动技术合同成交额年均增长: the indicator, and as printed
            f.aliases.append(f.indicator)
            f.indicator = f.indicator[lm.end() :]
    return [f for f in out if not _LEVEL.match(f.indicator)]  # 省级以上 of nothing said before: no target


def _qualify(fact: TargetFact, prev: TargetFact, part: bool) -> None:
    """A clause that only narrows the target before it (…孵化器和众创空间达到120家,其中国家级30家;
    技术合同成交额达到300亿元,年均增长19%) is about the same indicator: say which."""
    ind = fact.indicator
    base = re.sub(r"^(?:国家级|省级以上|省级|市级|县级|全市|我市)+", "", prev.indicator)
    if part and _LEVEL.match(ind) and len(base) >= 2:
        fact.indicator = ind + base
    elif _BARE_GROWTH.match(ind) and not _BARE_GROWTH.match(prev.indicator):
        fact.indicator = re.sub(r"(?:年均|每年)?(?:增长|增幅|增速)$", "", prev.indicator) + ind
    elif part and re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:高新区|经开区|开发区|园区|新区|区|县|市|旗)", ind) and len(base) >= 2:
        fact.indicator = ind + base  # 其中襄阳高新区突破600家: the zone's share of the city's 高新技术企业
    else:
        return
    fact.aliases.append(ind)


def _retrospective(sent: Sentence) -> bool:
    """Text about the last plan period (“十三五”期间…, a 回顾 section) states results, not targets."""
    para = sent.para.text[:40].translate(_HW)
    if re.search(r"十三五|截至|截止|目前", para) and not re.search(r"十四五", para):
        return True
    if re.search(r"目前|截至|已经|累计", sent.text) and not re.search(r"力争|到\s*20|十四五", sent.text):
        return True
    if re.search(r"(?:^|[。;；])\s*(?:\([一二三四五六七八九十\d]+\)[^。]{0,16}。)?\s*20(?:1\d|20|21)\s*年", sent.text) \
            and not re.search(r"到\s*20(?:2[2-9]|3\d)|力争|十四五|目标", sent.text):
        return True  # (一)创新投入稳步增长。2020年全市…经费投入达到128.6亿元: the base year's result
    return any(re.search(r"回顾|十三五|发展基础|基础与形势|发展现状|取得成效|主要成就", t) for t in sent.para.section_path[-2:])


def _props(f: TargetFact) -> dict:
    if isinstance(f.value, str):  # a target stated in words has no value (ontology: value is a number)
        p = {"indicator": f.indicator, "target_text": f.value, "unit": f.unit, "year": f.year}
    else:
        p = {"indicator": f.indicator, "value": f.value, "unit": f.unit, "year": f.year}
    if f.value_max is not None:
        p["value_max"] = f.value_max
    if f.period:
        p["period"] = f.period
    if f.baseline is not None:
        p["baseline"] = f.baseline
        if f.baseline_year:
            p["baseline_year"] = f.baseline_year
    return p


def _values_agree(a: TargetFact, b: TargetFact) -> bool:
    if a.value != b.value:
        return False
    ua, ub = (a.unit or "").replace("％", "%"), (b.unit or "").replace("％", "%")
    same_kind = {"个", "家", "所", "项"}
    return ua == ub or not ua or not ub or (ua in same_kind and ub in same_kind)


def _cell_value(cell: str) -> tuple[float | int | str | None, str | None]:
    """The number a cell states (≥300, 300以上, 累计增长20%, 3.5亿元) and its unit, if any."""
    cell = (cell or "").strip()
    if not cell or cell in "-—－/" or re.fullmatch(r"[-—－/\s]+", cell):
        return None, None
    m = re.search(r"(\d+(?:\.\d+)?)\s*(%|％|亿元|万元|万人|个|家|项|所|名|人|件|倍)?", cell)
    if not m or re.match(r"^\s*(?:19|20)\d\d\s*年", cell[m.start():]):
        m2 = re.match(r"^\s*([零〇一二两三四五六七八九十百千万]+)\s*(个|家|项|所|倍)", cell)
        if not m2:
            return None, None
        return to_number(m2.group(1)), m2.group(2)
    unit = m.group(2)
    return to_number(m.group(1)), ("%" if unit in ("%", "％") else unit)


_VERBS_KEEP = ("培育", "引进", "集聚", "新增", "突破", "认定", "培养", "吸引", "引育", "选派", "打造", "引入", "聘请", "争创",
               "推广", "签约", "输送", "培训", "举办", "争取", "遴选", "评选", "每年支持", "孵化", "走访")
_VERBS_DROP = ("建设", "建成", "新建", "创建", "实现", "完成", "形成", "达到", "组建", "实施", "共建")
_VERBS_BUILD = ("新建", "建成", "创建", "组建")  # dropped from the indicator, kept as the printed alias
_VERB = "(?:" + "|".join(_VERBS_KEEP + _VERBS_DROP) + ")"
_RANGE = r"(?:\s*[—\-~～至到]\s*(?P<num2>\d+(?:\.\d+)?))?"
_IND_CHARS = r"(?:(?![和及、]\s*\d)[\u4e00-\u9fff、“”]|\([^()]{1,20}\))"
# X达到 N 单位(以上)
P_REACH = re.compile(r"(?P<ind>[\u4e00-\u9fffA-Za-z&()、“”]{2,30}?)(?:总数|数量|总额)?(?:达到|突破|超过|增长到|提高到|上升到|增加到|下降到|降低到|不低于|不少于|保持在|达)\s*"
                     r"(?P<num>" + _NUM + r")\s*(?P<unit>" + _UNITS + r")?(?:以上|左右|以下)?")
# X由 N1 上升到 N2 (baseline N1)
P_FROM_TO = re.compile(r"(?P<ind>[\u4e00-\u9fffA-Za-z&“”]{2,30}?)由\s*(?P<base>" + _NUM + r")\s*(?P<bunit>" + _UNITS + r")?\s*"
                       r"(?:上升|增加|增长|提高|提升|增)(?:到|至)\s*(?P<num>" + _NUM + r")\s*(?P<unit>" + _UNITS + r")?")
# 扩大/提高 X 至 N 单位
P_RAISE = re.compile(r"(?:扩大|提高|提升|增加(?!值)|降低|压缩)(?P<ind>[\u4e00-\u9fff]{2,30}?)(?:至|到)\s*(?P<num>" + _NUM + r")\s*"
                     r"(?P<unit>" + _UNITS + r")")
# N% 的 X 达到 Y
P_SHARE = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|％)的(?P<ind>[\u4e00-\u9fff]{4,40})")
# (每年)? VERB(VERB)? N(—M)? 单位 (…的)? X, and (和 N 单位 Y) coordinated
P_VERB_NUM = re.compile(r"(?P<verb>(?:每年|年均)?" + _VERB + r"(?:或?" + _VERB + r")?)\s*(?P<num>" + _NUM + r")" + _RANGE +
                        r"\s*(?P<unit>万名|万人次|万人|个|家|项|所|名|人|座|件|辆|台|套)(?:以上|左右)?"
                        r"(?P<ind>" + _IND_CHARS + r"{2,40})")
P_AND_NUM = re.compile(r"^(?:和|及|、)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>个|家|项|所|名|人|座|件)(?:以上|左右)?(?P<ind>" + _IND_CHARS + r"{2,40})")
# VERB X N 单位
P_VERB_OBJ_NUM = re.compile(r"(?P<verb>" + _VERB + r")(?P<ind>[\u4e00-\u9fff“”‘’](?:[\u4e00-\u9fff“”‘’]|、(?=[\u4e00-\u9fff])){1,23}?)\s*"
                            r"(?P<num>" + _NUM + r")\s*(?P<unit>万名|万人次|万人|个|家次|家|项|所|名|人|座|件|辆|台|套|处)(?P<paren>\([^()]{1,3}\))?")
# N 个 X 被确定为 Y
P_DESIGNATED = re.compile(r"(?P<num>" + _NUM + r")\s*(?P<unit>个|家|项|所)[\u4e00-\u9fff]{0,6}?被(?:确定|认定|评)为(?P<ind>[\u4e00-\u9fff]{3,20})")
# 每年增幅 20% / 投入每年增幅 20%
P_GROWTH = re.compile(r"(?P<ind>[\u4e00-\u9fffA-Z&、]{2,24}?(?:增幅|增长|增速|提高|提升|降低|下降))\s*(?:达到|不低于|不少于|超过)?\s*"
                      r"(?:(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|％|个百分点|百分点)|(?P<pct>百分之[零〇一二两三四五六七八九十百]+))")
# 设立规模不低于10亿元的株洲市科技创新投资基金: the fund's size
P_FUND = re.compile(r"规模(?:不低于|不少于|达到|超过|为)?\s*(?P<num>" + _NUM + r")\s*(?P<unit>亿元|万元)(?:以上|左右)?的"
                    r"(?P<ind>[\u4e00-\u9fff]{2,30}?基金)")
P_ZERO = re.compile(r"(?P<ind>[\u4e00-\u9fff“”]{3,24}?)实现零的突破")
# in a goal sentence, a clause that is only "X N 单位(以上)": 省级创新人才300人, 引入研发机构30家以上
P_NOUN_NUM = re.compile(r"^(?P<ind>[^\d]{2,30}?)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>" + _UNITS + r")(?:以上|左右)?$")
# …50家、国家级专精特新“小巨人”企业5家: a further object of the same verb
P_AND_OBJ_NUM = re.compile(r"^(?:以上|左右)?(?:、|和|及)(?P<ind>[\u4e00-\u9fff“”‘’]{2,24}?)\s*(?P<num>" + _NUM + r")\s*(?P<unit>万名|万人次|万人|个|家|项|所|名|人|座|件|辆|台|套)(?:以上|左右)?")
_LEAD_CUT = re.compile(r"^.*?(?:到“?十四五”?末|“?十四五”?期间|到\s*20\d\d\s*年|力争|全市|我市|其中|并|使|促使)")
_LEADS_ONLY = re.compile(r"^(?:到“?十四五”?末|“?十四五”?期间|到\s*20\d\d\s*年|力争|全市|我市|其中|确保)+")
_BAD_IND = re.compile(r"^(?:培育|引进|新增|打造|争创)?(?:专项|项目|企业|人才|平台)$|有$|全覆盖$|不$|^(?:实施|推动|支持|建设|培育|引进)$|^(?:每个|每(?!年|万|千|百)|\d|[一二三四五六七八九十]|其中|全年|总计|约|共|以上|以下|左右|目标|比重|水平)|"
                      r"(?:水平|位次|第[一二三四五])$|^[^占]*比重$|^[\u4e00-\u9fff]{0,2}(?:工程|计划|行动)$")  # X占Y比重 is an indicator; …比重 alone is not
# verbs a clause-level reading leaves at the end of an indicator (营业收入力争突破 200亿元)
_TRAILING_VERB = re.compile(r"(?:力争|达到|达|突破|超过|提高到|提高至|提高|提升到|提升至|增长到|增长至|增加到|上升到|均|分别|每年|都)+$")


def _lead_aliases(f: TargetFact | None, before: str, verb: str) -> None:
    """累计引进… / 每年培育… / 新引进…: the indicator with the word that leads it, as printed."""
    lm = re.search(r"(?:累计|每年|新)$", before)
    if f is None or not lm:
        return
    for base in {f.indicator, verb + f.indicator if not f.indicator.startswith(verb) else f.indicator}:
        alias = lm.group(0) + base
        if alias not in f.aliases and alias != f.indicator:
            f.aliases.append(alias)


def _printed_aliases(f: TargetFact | None, verb: str, obj: str) -> None:
    """The object as printed (省级以上首台(套)重大技术装备) and, after a building verb, with it
    (新建省级企业技术中心): other forms of one indicator."""
    if f is None:
        return
    printed = clean_name(re.sub(r"^(?:的|和|及)", "", obj))
    for alias in (printed, verb + printed if verb in _VERBS_BUILD else None):
        if alias and alias != f.indicator and alias not in f.aliases and len(alias) >= 3:
            f.aliases.append(alias)


def _clean_indicator(ind: str) -> str | None:
    ind = re.sub(r"\([^()]*\)", "", ind)  # 院士(长江学者、国医大师等)工作站 -> 院士工作站
    ind = _TRAILING_VERB.sub("", ind)  # …投入强度力争(达到): a lead-in word at the end is no lead-in
    ind = _LEAD_CUT.sub("", ind)
    ind = _LEADS_ONLY.sub("", ind)  # 力争“十四五”期间签约…: every lead-in, not only the first
    ind = re.sub(r"^(?:的|和|及|与|、|期间|实现在|实现|累计|逐步)+", "", ind)
    ind = _TRAILING_VERB.sub("", ind)
    ind = re.sub(r"(?:总数|数量|总额)$", "", ind)
    om = re.match(r"^.*?对(?P<x>[\u4e00-\u9fff]{2,16})的(?P<y>[\u4e00-\u9fff]{2,8})$", ind)
    if om:  # 融资担保机构对科技型中小微企业的担保费率 -> 科技型中小微企业担保费率
        ind = om.group("x") + om.group("y")
    elif "的" in ind and len(ind.rsplit("的", 1)[1]) >= 3 and not re.search(r"(?:占比|比例|比重|率)$", ind):
        ind = ind.rsplit("的", 1)[1]  # 销售收入10亿元以上的创新型领军企业 -> 创新型领军企业
    ind = clean_name(ind)
    if len(ind) < 2 or _BAD_IND.search(ind) or re.fullmatch(r"(?:左右|以上|以下)", re.sub("^" + _VERB, "", ind)):
        return None  # 引进左右 is 左右 after its verb
    return ind


def _clause_targets(clause: str, goal: bool = False) -> list[tuple[TargetFact, int, int]]:
    out: list[tuple[TargetFact, int, int]] = []
    if not re.search(r"[\d零〇一二两三四五六七八九十百千]", clause):
        return out
    if re.search(r"给予|奖补|补贴|补助|资助|奖励", clause) and not re.search(r"达到|突破|增长到|提高到", clause):
        return out  # 给予不高于0.5%的担保费补贴: a policy's terms, not a target
    taken: list[tuple[int, int]] = []

    def add(ind: str | None, num: str, unit: str | None, s: int, e: int, *, num2: str | None = None,
            base: str | None = None, period: str | None = None, counted: bool = False) -> TargetFact | None:
        if ind is None or any(a < e and s < b for a, b in taken):
            return None
        if ind.startswith("年") and clause[max(0, s - 1) : s].isdigit() and len(ind) > 3:
            ind = ind[1:]  # 到2025年省级企业技术中心…: the year's 年 (年技术合同交易额 stays: annual)
        if num.startswith("百分之"):
            num, unit = num[3:], "%"
        v = to_number(num)
        if v is None or (not re.match(r"\d", num) and (not unit or num == "一" or num == "两" and not counted
                                                        or unit in ("台", "套", "辆", "场", "处") and not re.search(r"[百千万]", num))):  # 建设五台山…
            return None
        taken.append((s, e))
        f = TargetFact(ind, v, (unit or "").replace("％", "%") or None, PLAN_YEAR)
        if num2:
            f.value_max = to_number(num2)
        if base is not None:
            f.baseline = to_number(base)
        f.period = period
        out.append((f, s, e))
        return f

    for m in P_FUND.finditer(clause):
        add(clean_name(m.group("ind")) + "规模", m.group("num"), m.group("unit"), m.start(), m.end())
    for m in P_FROM_TO.finditer(clause):
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit") or m.group("bunit"), m.start("ind"), m.end(),
            base=m.group("base"))
    for m in P_SHARE.finditer(clause):
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), m.start(), m.end())
    for m in P_DESIGNATED.finditer(clause):
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), m.start(), m.end())
    for m in P_RAISE.finditer(clause):
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), m.start(), m.end())
    for m in P_REACH.finditer(clause):
        if clause[m.end() : m.end() + 1] == "的":
            continue  # 研发投入超过10亿元的企业: a qualifier of what is counted, not a target
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), m.start("ind"), m.end())
    for m in P_GROWTH.finditer(clause):
        ind = _clean_indicator(m.group("ind"))
        if ind is None and _BARE_GROWTH.match(clean_name(m.group("ind"))):
            ind = clean_name(m.group("ind"))  # ，年均提高0.18个百分点: the growth of the clause before's indicator
        f = add(ind, m.group("num") or m.group("pct"), m.group("unit") or "%", m.start("ind"), m.end())
        printed = _LEADS_ONLY.sub("", clean_name(m.group("ind")))
        if f is not None and printed != f.indicator and len(printed) >= 3:
            f.aliases.append(printed)  # 单井平均日产量提高 as printed
    for m in P_VERB_NUM.finditer(clause):
        obj = re.split(r"的", m.group("ind"))[-1]
        verb = m.group("verb")
        keep = any(v in verb for v in _VERBS_KEEP)
        period = "每年" if verb.startswith("每年") else None
        ind = (verb if keep else "") + obj
        f = add(_clean_indicator(ind), m.group("num"), m.group("unit"), m.start(), m.end(), num2=m.group("num2"), counted=True,
                period=period)
        _lead_aliases(f, clause[: m.start()], verb)
        if f is not None and f.indicator.startswith("每年") and len(f.indicator) > 4:
            f.aliases.append(f.indicator[2:])  # 每年选派科技特派员 is also 选派科技特派员 (its period 每年)
        if f is not None:
            # 新建20个省级创新平台和150个市级创新平台: the verb governs both
            am = P_AND_NUM.match(clause[m.end():])
            if am:
                add(_clean_indicator(((verb if keep else "") + am.group("ind"))), am.group("num"), am.group("unit"),
                    m.end() + am.start(), m.end() + am.end())
    for m in P_VERB_OBJ_NUM.finditer(clause):
        if "、" in m.group("ind") and (not re.match(r"\d", m.group("num")) or re.search(r"等$|第", m.group("ind"))):
            continue  # 建设万荣、临猗两个…示范区, 形成A、B等三个…集群: a list of names, not one counted object
        verb = m.group("verb")
        ind = (verb if verb in _VERBS_KEEP else "") + m.group("ind")
        unit = m.group("unit") + (m.group("paren") or "")
        f = add(_clean_indicator(ind), m.group("num"), unit, m.start(), m.end(), counted=True,
                period="每年" if clause[: m.start()].endswith("每年") else None)
        _printed_aliases(f, verb, m.group("ind"))
        _lead_aliases(f, clause[: m.start()], verb)
        end = m.end()
        while f is not None and (am := P_AND_OBJ_NUM.match(clause[end:])):
            f = add(_clean_indicator((verb if verb in _VERBS_KEEP else "") + am.group("ind")), am.group("num"),
                    am.group("unit"), end + am.start("ind"), end + am.end())
            _printed_aliases(f, verb, am.group("ind"))
            end += am.end()
    for m in P_ZERO.finditer(clause):  # 省级高新技术产业开发区实现零的突破: one, from none
        add(_clean_indicator(m.group("ind")), "1", "个", m.start("ind"), m.end(), base="0")
    if goal and not out:
        m = P_NOUN_NUM.match(clause.strip())
        if m and not re.search(r"[，,;；]|给予|奖励|补贴|补助|资助|扶持|不超过|最高|最多|每户|每家|每个", clause):
            lead = len(clause) - len(clause.lstrip())
            add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), lead + m.start(), lead + m.end())
    return out


def is_indicator_table(table: Table) -> bool:
    if table.kind == "indicator":
        return True
    if table.kind == "chain":
        return False
    head = "".join(table.header) + table.title
    return "指标" in head and any(str(y) in "".join(table.header) for y in range(2019, 2031))
