"""专栏 tables: header, column roles, kind (indicator | chain | other) and, for innovation-chain
tables, the stage sequences of each chain cell (“煤焦油-煤焦油沥青-针状焦-石墨电极”)."""

from __future__ import annotations

import re

from kg.ingest.clean import clean_span
from kg.models import Table, TableRow

# Stage separators inside a chain cell. "——" is a list dash, not a separator.
STAGE_SEP = re.compile(r"(?<!—)(?:—|-|－|–|―|─|→|⟶|➝)(?!—)")
_YEAR = re.compile(r"^((?:19|20)\d{2})年?$")


def column_role(cell: str) -> str:
    """What a header cell names: no, name, baseline, target, growth, attribute, unit, demand, chain
    (stage sequences), and in tables of several chains: industry (the row's industry chain),
    ichain (the row's innovation chain), leader (its 链主/龙头 enterprises), site (where it is built), support (who works in it)."""
    c = cell.replace(" ", "")
    if c in ("序号", "编号", "序"):
        return "no"
    if "环节" in c or "路径" in c:  # 创新链主要环节: the stages
        return "chain"
    if any(w in c for w in ("链主", "龙头", "领军")):  # 链主（龙头）企业, 牵头单位（链主企业）
        return "leader"
    if "创新链" in c and "名称" in c:
        return "ichain"
    if re.search(r"承载|所在地|地点|布局区域|集聚区域|所在区", c):  # 主要承载地 / 建设地点: where the row's chain or platform is
        return "site"
    if re.search(r"支撑单位|支撑平台|参与单位|协作单位", c):  # 主要支撑单位: who works in the row's chain
        return "support"
    if re.search(r"依托|牵头|承担|建设单位|共建单位", c):  # 依托单位: who builds the row's platform
        return "host"
    if c in ("建设内容", "平台名称", "平台", "载体名称"):
        return "platform"
    if c in ("产业", "产业链", "重点产业", "重点产业链", "产业链名称", "产业名称", "产业领域"):
        return "industry"
    if "目标" in c:
        return "target"
    if _YEAR.match(c) or any(w in c for w in ("现状", "基期", "基数", "基准")):
        return "baseline"
    if any(w in c for w in ("增长", "增幅", "累计", "年均")):
        return "growth"
    if "属性" in c:
        return "attribute"
    if "单位" in c:
        return "unit"
    if "指标" in c or "名称" in c:
        return "name"
    if "需求" in c:
        return "demand"
    if c.endswith("链"):
        return "chain"
    return "other"


_COUNTY_COLUMN = re.compile(r"县[(（]市、?区[)）]|县[(（]区、?市[)）]|县市区|县区|区县(?:[(（]市[)）])?|县[(（]区[)）]")


def is_county_table(table: Table) -> bool:
    """县（市、区） | 重点产业 | 创新载体: a table whose rows are the city's counties."""
    return bool(table.header) and bool(_COUNTY_COLUMN.fullmatch(table.header[0].replace(" ", "")))


def industry_columns(table: Table) -> list[int]:
    """The columns of a county table that name its industries (重点产业集群, 创新发展重点, 主导产业)."""
    return [i for i, h in enumerate(table.header) if i and re.search(r"产业|领域|方向|重点", h)
            and not re.search(r"载体|平台|园区|机构|单位|任务|举措|内容", h)]


def _roles(header: list[str]) -> list[str]:
    roles = [column_role(h) for h in header]
    if "target" not in roles:  # bare years: the latest one is the target
        years = [(int(_YEAR.match(h.replace(" ", "")).group(1)), i) for i, h in enumerate(header) if _YEAR.match(h.replace(" ", ""))]
        if len(years) >= 2:
            roles[max(years)[1]] = "target"
    return roles


def _is_header(row: TableRow) -> bool:
    """The first row names columns: two or more short, non-empty cells that are not numbers."""
    cells = row.cells
    return len(cells) >= 2 and all(cells) and all(len(c) <= 14 for c in cells) and not any(re.fullmatch(r"[\d.%-]+", c) for c in cells)


def classify(table: Table) -> str:
    roles = set(table.columns)
    if "name" in roles and roles & {"target", "baseline"} or "指标" in table.title:
        return "indicator"
    if "chain" in roles or "创新链" in table.title or "产业链" in table.title:
        return "chain"
    return "other"


def stage_sequences(raw_cell: str) -> list[list[str]]:
    """Stage sequences of one chain cell as printed. Items are split at commas/semicolons; a
    space starts a new sequence only between two stretches that both have stage separators
    (“…高纯铁等 铁-钢-钢材…”), otherwise it is a line-wrap artefact and is dropped
    (“钴基催化剂费托 合成法合成蜡”). A trailing 等 (“etc.”) is cut from a stage."""
    items: list[str] = []
    for part in re.split(r"[,，;；]", raw_cell):
        pieces = part.split()
        cur = ""
        for p in pieces:
            if cur and STAGE_SEP.search(cur) and STAGE_SEP.search(p) and cur[-1] not in "、，,（(" and p[0] not in "（(" and not STAGE_SEP.match(p):
                items.append(cur)
                cur = p
            else:
                cur += p if not cur or not (cur[-1].isascii() and cur[-1].isalnum() and p[0].isascii() and p[0].isalnum()) else " " + p
        if cur:
            items.append(cur)
    out: list[list[str]] = []
    for item in items:
        stages = []
        for s in _split_outside_brackets(item):
            s = clean_span(s, 1).strip().text
            if len(s) > 1 and s.endswith("等"):
                s = s[:-1]
            if s:
                stages.append(s)
        if stages:
            out.append(stages)
    return out


def _split_outside_brackets(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        m = STAGE_SEP.match(text, i) if depth == 0 else None
        if m and m.end() > m.start():
            parts.append(cur)
            cur = ""
            i = m.end()
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return parts


def _content_roles(roles: list[str], rows: list[TableRow]) -> list[str]:
    """A header that only says 创新链 (创新链 | 链主企业 | 创新链条) is read from its cells: the column
    of names ending in 创新链 names each row's innovation chain, the column of dash sequences holds
    the stages."""
    def share(i: int, test) -> float:
        cells = [r.cells[i].strip() for r in rows if i < len(r.cells) and r.cells[i].strip()]
        return sum(1 for c in cells if test(c)) / len(cells) if cells else 0.0

    staged = lambda c: len(STAGE_SEP.findall(c)) >= 2  # noqa: E731
    named = lambda c: c.endswith("创新链") and not STAGE_SEP.search(c)  # noqa: E731
    out = list(roles)
    for i, role in enumerate(roles):
        if role == "chain" and share(i, named) >= 0.5 and not share(i, staged):
            out[i] = "ichain"
        elif role == "other" and "chain" not in out and share(i, staged) >= 0.5:
            out[i] = "chain"
    return out


def finish_table(table: Table, rows: list[TableRow]) -> None:
    """Split off the header, name the columns, decide the kind, parse chain cells."""
    if len(rows) >= 2 and _is_header(rows[0]):
        table.header = rows[0].cells
        rows = rows[1:]
    table.rows = rows
    table.columns = _content_roles(_roles(table.header), rows) if table.header else []
    table.kind = classify(table)
    if table.kind == "chain":
        idx = table.columns.index("chain") if "chain" in table.columns else None
        for r in rows:
            k = idx if idx is not None else len(r.cells) - 1
            if k < len(r.raw) and r.raw[k]:
                r.sequences = stage_sequences(r.raw[k])
