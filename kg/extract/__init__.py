"""Extract: `Document` -> `Extraction` (typed mentions and relations, each with evidence).

Pure functions over the clean text; never touches a store. Two passes: the first collects every
typed name of the corpus (and its short core: 晋南钢铁集团 -> 晋南钢铁) so that the second can
recognise short forms where a rule needs an actor; the second runs the rules paragraph by
paragraph, keeping the section context (which innovation chain, which programme the text is
about) that the rules use.
"""

from __future__ import annotations

import logging
import re

from kg.extract.chains import ChainRules
from kg.extract.context import DocContext, mask_titles, sentences
from kg.extract.lexicon import LEGAL_SUFFIXES, clean_name, is_generic, is_place, norm_text, place_prefix
from kg.extract.names import MAX_NAME, find_names
from kg.extract.programs import BOX_ITEM, ProgramRules, find_programs, program_key
from kg.extract.rules import ORG, OrgRules, core_name
from kg.extract.targets import TargetRules
from kg.extract.tidy import tidy_document
from kg.models import Document, EntityMention, Extraction, Paragraph

log = logging.getLogger(__name__)

__all__ = ["extract", "extract_document", "known_names"]


def extract(docs: list[Document], gazetteer: dict[str, str] | None = None) -> list[Extraction]:
    """Mentions and relations of every document (names known in one inform the others).
    `gazetteer` (name -> type, from the curation file) adds names the text gives without a type
    word (科大讯飞): they are recognised wherever a plan names them."""
    known = known_names(docs)
    for name, type_ in (gazetteer or {}).items():
        known.setdefault(name, type_)
    return [extract_document(d, known, gazetteer) for d in docs]


# 山西兰花科技创业股份有限公司（以下简称兰花科创）: the plan declares the short name it uses
_DECLARED = re.compile(r"[(（]\s*(?:(?:以下|下文)?(?:简称|称)[:：]?|(?P<former>原名?|曾用名|前身为?))\s*[“\"]?"
                       r"(?P<short>[\u4e00-\u9fffA-Za-z0-9]{2,24})[”\"]?\s*[)）]")


# 株洲冶炼集团股份有限公司（株冶集团）: a bare bracket after an organisation's name, its short name
_BARE_SHORT = re.compile(r"[(（](?P<short>[\u4e00-\u9fffA-Za-z0-9]{2,8})[)）]")
_NOT_A_SHORT_NAME = re.compile(r"牵头|负责|承担|筹|等|和|及|与|所属|下属|试行|暂行|以下|简称")


def declared_short_names(doc: Document) -> dict[str, tuple[str, str]]:
    """Short names a plan declares for an organisation or platform (short -> (full name, type))."""
    out: dict[str, tuple[str, str]] = {}
    for para in doc.paragraphs:
        text = mask_titles(norm_text(para.text))
        if "(" not in text:
            continue
        for m in [*_DECLARED.finditer(text), *_BARE_SHORT.finditer(text)]:
            w0 = max(0, m.start() - MAX_NAME - 10)  # the name a bracket follows ends right before it
            names = [n for n in find_names(text[w0 : m.start()]) if n.end == m.start() - w0]
            full = next((n for n in names if n.type in ORG or n.type in ("Platform", "Zone")), None)
            short = m.group("short")
            if "former" not in m.groupdict() and (full is None or full.type not in ORG or _NOT_A_SHORT_NAME.search(short)
                                                  or is_place(short)):
                continue  # a bare bracket names the organisation only when it is a plain short name
            if full is not None and short != full.name and not is_generic(short):
                out.setdefault(short, (full.name, full.type))
                if m.groupdict().get("former"):  # （原晋城无烟煤矿业集团有限责任公司）: read with its 原 too
                    out.setdefault(m.group("former")[:1] + short, (full.name, full.type))
    return out


# the business words a plan drops when it names an enterprise short (江西金力永磁科技股份有限公司 -> 金力永磁)
_BUSINESS_WORD = re.compile(r"(?:科技|实业|控股|技术)$")


def implied_short_names(doc: Document) -> dict[str, str]:
    """Short names a plan uses for its enterprises without declaring them: the name without place,
    legal form and a business word (金力永磁 of 江西金力永磁科技股份有限公司), where the plan prints it
    on its own too (short -> type)."""
    texts = [mask_titles(norm_text(p.text)) for p in doc.paragraphs]
    out: dict[str, str] = {}
    fulls: set[str] = set()
    for text in texts:
        for n in find_names(text):
            if n.type != "Enterprise":
                continue
            short = _BUSINESS_WORD.sub("", core_name(n.name))
            if short != core_name(n.name) and 3 <= len(short) <= 6 and not is_generic(short) and not place_prefix(short, min_rest=0):
                out.setdefault(short, "Enterprise")
                fulls.add(n.name)
    body = "\n".join(texts)
    for full in fulls:
        body = body.replace(full, "")
    return {k: t for k, t in out.items() if k in body}


def known_names(docs: list[Document]) -> dict[str, str]:
    """Typed organisation names of the corpus and their short cores (name -> type)."""
    known: dict[str, str] = {}
    for doc in docs:
        for para in doc.paragraphs:
            for n in find_names(mask_titles(norm_text(para.text))):
                if n.type not in ORG and n.type != "Platform":
                    continue
                known.setdefault(n.name, n.type)
                core = core_name(n.name)
                if n.type in ORG and core != n.name and len(core) >= 3 and not is_generic(core):
                    known.setdefault(core, n.type)
                elif n.type in ORG and len(core) == 2 and not is_generic(core) and n.name.endswith(LEGAL_SUFFIXES):
                    # 岳阳林纸股份有限公司: the place is part of the trade name (林纸 alone says nothing)
                    trade = next(n.name[: -len(s)] for s in LEGAL_SUFFIXES if n.name.endswith(s))
                    if len(trade) >= 4:
                        known.setdefault(trade, n.type)
    return known


def extract_document(doc: Document, known: dict[str, str] | None = None,
                     gazetteer: dict[str, str] | None = None) -> Extraction:
    ctx = DocContext(doc)
    city = ctx.city_entity()
    progs = ProgramRules(ctx)
    chains = ChainRules(ctx)
    targets = TargetRules(ctx)
    declared = declared_short_names(doc)
    ctx.notes.declared = {short: full for short, (full, _) in declared.items()}
    orgs = OrgRules(ctx, known if known is not None else known_names([doc]),
                    {**implied_short_names(doc), **(gazetteer or {}), **{short: t for short, (_, t) in declared.items()}})
    policy, issuer = progs.document_policy()
    issuer_default = issuer if doc.meta.kind == "reply" and issuer is not None else city
    tables = {t.line: t for t in doc.tables}
    headings = {s.line: s for s in doc.sections}
    done_tables: set[int] = set()
    openings: dict[tuple[str, ...], str | None] = {}  # section -> key of the programme its first paragraph starts
    box: EntityMention | None = None  # the programme a 专栏 is titled with, while its items last
    box_platforms: list[tuple[str, EntityMention, Paragraph]] = []
    item: EntityMention | None = None
    for i, para in enumerate(doc.paragraphs):
        if para.in_table:
            table = tables.get(para.line)
            if table is not None and table.line not in done_tables:
                box, item = progs.box(table), None
        elif para.is_heading:
            box_item = BOX_ITEM.match(norm_text(para.text)) if box is not None else None
            item = progs.box_item(para, box) if box_item else None
            if item is None and box_item:
                # 专栏3 重点创新平台建设工程 / 1.光电显示玻璃技术创新中心：由…牵头建设: the platform an item is
                # titled with, once the item's text has named it, is part of the box's programme
                box_platforms.append((clean_name(box_item.group("name")), box, para))
            if item is None and not box_item:
                box = None  # a heading that is not an item of the box ends it
                item = progs.heading_program(para)  # (2)创新创业领军人才工程。
                parent = _section_program(para, progs, para.section_path[:-1]) if item is not None else None
                if item is not None and parent is not None and parent.name != item.name:
                    # an item heading under 一、实施“鹿城英才”计划 is a part of that programme
                    ctx.relation("PART_OF_PROGRAM", item, parent, item.evidence, rule="program_heading")
        program = item or box or _section_program(para, progs)
        titled = progs.run_in_program(para) if not para.is_heading else None
        if titled is not None:  # “链主企业创新引领”工程：支持…: this paragraph is that programme's
            if program is not None and program.name != titled.name:
                ctx.relation("PART_OF_PROGRAM", titled, program, titled.evidence, rule="program_run_in")
            program = titled
        opening = None if program is not None else _opening_program(para, progs, openings)
        if para.in_table:
            table = tables.get(para.line)
            if table is not None and table.line not in done_tables:
                done_tables.add(table.line)
                chains.table(table)
                targets.table(table)
                progs.table(table)
                for pm, ev in orgs.table(table):
                    if box is not None:  # 专栏 重大创新平台建设工程 | 平台 | 依托单位: each row's platform is part of it
                        ctx.relation("PART_OF_PROGRAM", pm, box, ev, rule="program_box_row")
            prose = "。" in para.text  # a 专栏 of prose (专栏14 高新技术企业倍增工程) is read as prose
            for sent in sentences(para, i):
                progs.sentence(sent, issuer_default if prose else None)
                if prose:
                    targets.sentence(sent)
                orgs.sentence(sent, program, opening)
            continue
        orgs.last_subject = None
        if para.is_heading:
            sec = headings.get(para.line)
            chains.heading(sec.title if sec else para.text, para, para.line)
        for j, sent in enumerate(sentences(para, i)):
            if j == 0:
                chains.run_in(sent)
            progs.sentence(sent, issuer_default, item)
            chains.sentence(sent)
            targets.sentence(sent)
            orgs.sentence(sent, progs.pilot_sites(sent) or program, opening, progs.run_here(sent))
    # tables the ingest did not attach to a paragraph
    for t in doc.tables:
        if t.line not in done_tables:
            chains.table(t)
            targets.table(t)
            progs.table(t)
    chains.finish()
    targets.emit()
    platforms = {m.name: m for m in ctx.ex.entities if m.type == "Platform"}
    for name, owner, para in box_platforms:
        if name in platforms:
            ev = ctx.ev(para, 0, len(para.text.rstrip("：: ")))
            ctx.relation("PART_OF_PROGRAM", platforms[name], owner, ev, rule="program_box_item")
    tidy_document(ctx)
    del policy
    log.info("%s: %d mentions, %d relations", doc.name, len(ctx.ex.entities), len(ctx.ex.relations))
    return ctx.ex


def _opening_program(para: Paragraph, progs: ProgramRules,
                     openings: dict[tuple[str, ...], str | None]) -> EntityMention | None:
    """实施“创新平台提升工程”，… opening a chapter: the platforms the chapter names are part of that
    programme (the first paragraph under a heading decides, for every paragraph below it)."""
    path = tuple(para.section_path)
    if not path or para.is_heading:
        return None
    key = next((openings[path[:k]] for k in range(len(path), 0, -1) if path[:k] in openings), "")
    if not any(path[:k] in openings for k in range(len(path), 0, -1)):
        m = _OPENING_RUN.match(norm_text(para.text))
        found = find_programs(m.group(0)) if m else []
        key = openings[path] = program_key(found[0].name) if found else None
    return progs.by_key.get(key) if key else None  # known once the paragraph's sentences are read


_OPENING_RUN = re.compile(r"^[^。]{0,40}?(?:深入实施|大力实施|组织实施|全面实施|实施)"
                          r"(?:“[^”]{2,16}”(?:工程|行动|计划)|“[^”]{2,14}(?:工程|行动|计划)”)")


def _section_program(para: Paragraph, progs: ProgramRules, path: list[str] | None = None) -> EntityMention | None:
    """The programme of the innermost section heading that names one (推进实施临汾市“111”创新工程, or
    a numbered heading that is a programme's name), in the paragraph's path or the one given."""
    for title in reversed(para.section_path if path is None else path):
        found = find_programs(norm_text(title))
        if found:
            return progs.by_key.get(program_key(found[-1].name))
        bare = progs.by_key.get(program_key(re.sub(r"[。:：]\s*$", "", norm_text(title))))
        if bare is not None and bare.rule == "program_heading":
            return bare
    return None
