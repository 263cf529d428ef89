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
_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
_UNITS = r"(?:亿元|万元|万人|万平方米|平方米|个|家|项|所|名|人|件|篇|座|户|条|%|％|倍)"
_UNIT_IN_NAME = re.compile(r"\s*[(（]\s*(?P<u>[^()（）]{1,6})\s*[)）]\s*$")
_YEAR = re.compile(r"(20\d\d)\s*年?")
PAST = re.compile(r"十三五|截至|截止|已经|累计|先后|以来|期间[,，]?全市|现有|拥有|目前")
FUTURE = re.compile(r"达到|突破|力争|到\s*20\d\d|十四五”?末|十四五”?期间|增长到|提高到|上升到|增加到|增幅|实现|培育|建设|引进|集聚|认定")


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
    s = clean_name(name)
    for a, b in (("研究与试验发展", "研发"), ("R&D", "研发"), ("增幅", "增长"), ("交易额", "成交额"), ("及以上", "以上")):
        s = s.replace(a, b)
    s = re.sub(r"每年|年均|数量|总数|全市|我市|总额", "", s)
    s = re.sub(r"^(?:认定|建设|建成|新建|创建|达到)", "", s)
    return s


def same_indicator(a: str, b: str) -> bool:
    ka, kb = indicator_key(a), indicator_key(b)
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
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
        for clause_m in re.finditer(r"[^,，;；。:：()（）]+(?:[(（][^()（）]{0,30}[)）][^,，;；。:：()（）]*)*", text):
            clause = clause_m.group(0)
            off = clause_m.start()
            for fact, s, e in _clause_targets(clause):
                ev = self.ctx.ev(sent.para, sent.at(off + s), sent.at(off + e))
                fact.year = year
                fact.evidence = ev
                self.facts.append(fact)

    # ------------------------------------------------------------------ emit
    def emit(self) -> None:
        """One Target per (indicator, year); prose repeating a table row merges into the row."""
        ctx = self.ctx
        city = ctx.city_entity()
        merged: list[TargetFact] = []
        repeats: list[tuple[TargetFact, TargetFact]] = []
        for f in sorted(self.facts, key=lambda f: not f.from_table):
            same = next((m for m in merged if m.year == f.year and _values_agree(m, f)
                         and same_indicator(m.indicator, f.indicator)), None)
            if same is not None:
                if f.indicator != same.indicator and f.indicator not in same.aliases:
                    same.aliases.append(f.indicator)
                repeats.append((same, f))
                continue
            merged.append(f)
        # the stating row (table first) is a target's first evidence; prose repeats follow
        for f in merged:
            m = ctx.entity(f.indicator, "Target", f.evidence, rule="target_table" if f.from_table else "target_text",
                           scope=f"{ctx.city}/{f.year}", properties=_props(f), aliases=f.aliases)
            if city is not None:
                ctx.relation("SETS_TARGET", city, m, f.evidence, rule=m.rule or "target",
                             properties={"year": f.year})
        for same, f in repeats:
            ctx.entity(same.indicator, "Target", f.evidence, rule="target_text_repeat", scope=f"{ctx.city}/{same.year}",
                       properties=_props(same), aliases=[f.indicator])


_HW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def _retrospective(sent: Sentence) -> bool:
    """Text about the last plan period (“十三五”期间…, a 回顾 section) states results, not targets."""
    para = sent.para.text[:40].translate(_HW)
    if re.search(r"十三五|截至|截止|目前", para) and not re.search(r"十四五", para):
        return True
    if re.search(r"目前|截至|已经|累计", sent.text) and not re.search(r"力争|到\s*20|十四五", sent.text):
        return True
    return any(re.search(r"回顾|十三五", t) for t in sent.para.section_path[-2:])


def _props(f: TargetFact) -> dict:
    if isinstance(f.value, str):  # a target stated in words has no value (ontology: value is a number)
        p = {"indicator": f.indicator, "target_text": f.value, "unit": f.unit, "year": f.year}
    else:
        p = {"indicator": f.indicator, "value": f.value, "unit": f.unit, "year": f.year}
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


_VERBS_KEEP = ("培育", "引进", "集聚", "新增", "突破", "认定", "培养", "吸引", "引育", "选派", "打造")
_VERBS_DROP = ("建设", "建成", "新建", "创建", "实现", "完成", "形成", "达到", "组建", "实施")
# X达到 N 单位(以上)
P_REACH = re.compile(r"(?P<ind>[\u4e00-\u9fffA-Za-z&()]{2,30}?)(?:总数|数量|总额)?(?:达到|突破|超过|增长到|提高到|上升到|增加到|达)\s*"
                     r"(?P<num>" + _NUM + r")\s*(?P<unit>" + _UNITS + r")?(?:以上|左右)?")
# N% 的 X 达到 Y
P_SHARE = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|％)的(?P<ind>[\u4e00-\u9fff]{4,40})")
# VERB N 单位 (…的)? X
P_VERB_NUM = re.compile(r"(?P<verb>" + "|".join(_VERBS_KEEP + _VERBS_DROP) + r")\s*(?P<num>" + _NUM + r")\s*"
                        r"(?P<unit>个|家|项|所|名|人|座|件)(?:以上|左右)?"
                        r"(?P<ind>(?:(?![和及、]\s*\d)[\u4e00-\u9fff、]|\([^()]{1,20}\)){2,40})")
# VERB X N 单位
P_VERB_OBJ_NUM = re.compile(r"(?P<verb>" + "|".join(_VERBS_KEEP + _VERBS_DROP) + r")(?P<ind>[\u4e00-\u9fff]{2,20}?)\s*"
                            r"(?P<num>" + _NUM + r")\s*(?P<unit>个|家|项|所|名|人|座|件)(?P<paren>\([^()]{1,3}\))?")
# N 个 X 被确定为 Y
P_DESIGNATED = re.compile(r"(?P<num>" + _NUM + r")\s*(?P<unit>个|家|项|所)[\u4e00-\u9fff]{0,6}?被(?:确定|认定|评)为(?P<ind>[\u4e00-\u9fff]{3,20})")
# 每年增幅 20% / 投入每年增幅 20%
P_GROWTH = re.compile(r"(?P<ind>[\u4e00-\u9fff]{2,24}?(?:增幅|增长|增速))\s*(?:达到)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|％)")
_LEAD_CUT = re.compile(r"^.*?(?:到“?十四五”?末|“?十四五”?期间|到\s*20\d\d\s*年|力争|全市|我市|其中|并|使|促使)")
_BAD_IND = re.compile(r"有$|全覆盖$|^(?:实施|推动|支持|建设|培育|引进)$|^(?:每个|每|\d|[一二三四五六七八九十]|其中|全年|累计|总计|约|共|省级以上$|以上|目标|比重|水平)|"
                      r"(?:水平|比重|位次|第[一二三四五])$")


def _clean_indicator(ind: str) -> str | None:
    ind = re.sub(r"\([^()]*\)", "", ind)  # 院士(长江学者、国医大师等)工作站 -> 院士工作站
    ind = _LEAD_CUT.sub("", ind)
    ind = re.sub(r"^(?:的|和|及|与|、)+", "", ind)
    ind = re.sub(r"(?:总数|数量|总额)$", "", ind)
    ind = clean_name(ind)
    if len(ind) < 2 or _BAD_IND.search(ind):
        return None
    return ind


def _clause_targets(clause: str) -> list[tuple[TargetFact, int, int]]:
    out: list[tuple[TargetFact, int, int]] = []
    if not re.search(r"[\d零〇一二两三四五六七八九十百千]", clause):
        return out
    taken: list[tuple[int, int]] = []

    def add(ind: str | None, num: str, unit: str | None, s: int, e: int) -> None:
        if ind is None or any(a < e and s < b for a, b in taken):
            return
        v = to_number(num)
        if v is None or (not re.match(r"\d", num) and (not unit or num in ("一", "两"))):
            return
        taken.append((s, e))
        out.append((TargetFact(ind, v, (unit or "").replace("％", "%") or None, PLAN_YEAR), s, e))

    for m in P_SHARE.finditer(clause):
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), m.start(), m.end())
    for m in P_DESIGNATED.finditer(clause):
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), m.start(), m.end())
    for m in P_REACH.finditer(clause):
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), m.start("ind"), m.end())
    for m in P_GROWTH.finditer(clause):
        add(_clean_indicator(m.group("ind")), m.group("num"), m.group("unit"), m.start("ind"), m.end())
    for m in P_VERB_NUM.finditer(clause):
        obj = re.split(r"的", m.group("ind"))[-1]
        verb = m.group("verb")
        ind = (verb if verb in _VERBS_KEEP else "") + obj
        add(_clean_indicator(ind), m.group("num"), m.group("unit"), m.start(), m.end())
    for m in P_VERB_OBJ_NUM.finditer(clause):
        verb = m.group("verb")
        ind = (verb if verb in _VERBS_KEEP else "") + m.group("ind")
        unit = m.group("unit") + (m.group("paren") or "")
        add(_clean_indicator(ind), m.group("num"), unit, m.start(), m.end())
    return out


def is_indicator_table(table: Table) -> bool:
    if table.kind == "indicator":
        return True
    if table.kind == "chain":
        return False
    head = "".join(table.header) + table.title
    return "指标" in head and any(str(y) in "".join(table.header) for y in range(2019, 2031))
