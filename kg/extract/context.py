"""What every rule needs while reading one document: the document, its city, the mentions and
relations found so far, and helpers that attach verbatim evidence to each of them."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from kg.extract.lexicon import norm_text
from kg.models import Document, EntityMention, Evidence, Extraction, Paragraph, RelationMention

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[。；;！？!?]")
_TITLE = re.compile(r"《[^《》]{2,80}》")


@dataclass
class Sentence:
    """A sentence of a paragraph: offsets into the paragraph's clean text and its normalised text."""

    para: Paragraph
    pindex: int
    start: int
    end: int
    text: str  # norm_text of the sentence (same length as the span)
    masked: str  # text with 《…》 titles blanked out, for name finding

    def at(self, i: int) -> int:
        """Paragraph offset of sentence offset i."""
        return self.start + i


@dataclass
class ChainContext:
    """The innovation chain a stretch of text is about (构建中医药工业快速发展科技创新链。…)."""

    name: str  # innovation chain name as titled
    industry: str  # canonical industry chain name (中医药产业链)
    mention: EntityMention
    industry_mention: EntityMention
    line: int
    aliases: list[str] = field(default_factory=list)
    depth: int = 99  # section depth of the heading that opened it (a heading at or above it ends it)
    also: list[EntityMention] = field(default_factory=list)  # a heading on two industries: the second chain


@dataclass
class SentenceMembers:
    """Actors of a sentence outside any chain section, and the industry words it names (decided
    at the end of the plan: kg.extract.tidy)."""

    members: list[tuple[EntityMention, Evidence]]
    words: list[str]


@dataclass
class DocNotes:
    """What the rules noted while reading one plan, for the document-level passes (tidy.py)."""

    sentences: list[SentenceMembers] = field(default_factory=list)
    category_types: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # name -> (type, subtype)
    kept_chains: set[str] = field(default_factory=set)  # chains named as laid out (布局X产业链), not developed
    declared: dict[str, str] = field(default_factory=dict)  # short name -> full name (（以下简称兰花科创）)
    nested_hosts: list[tuple[EntityMention, EntityMention]] = field(default_factory=list)  # (org, 研究院 named after it)


def mask_titles(text: str) -> str:
    """Blank out 《…》 policy titles (same length) so names inside them are not taken as actors."""
    return _TITLE.sub(lambda m: "《" + "□" * (len(m.group(0)) - 2) + "》", text)


def sentences(para: Paragraph, pindex: int) -> Iterator[Sentence]:
    text = norm_text(para.text)
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() - pos > 1:
            yield _sentence(para, pindex, text, pos, m.end())
        pos = m.end()
    if pos < len(text):
        yield _sentence(para, pindex, text, pos, len(text))


def _sentence(para: Paragraph, pindex: int, text: str, s: int, e: int) -> Sentence:
    t = text[s:e]
    return Sentence(para=para, pindex=pindex, start=s, end=e, text=t, masked=mask_titles(t))


class DocContext:
    """Collects mentions and relations of one document, each with evidence from its text."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.city = doc.meta.city
        self.ex = Extraction(doc=doc.name, city=self.city)
        self._seen_rel: set[tuple] = set()
        self._seen_ent: dict[tuple, EntityMention] = {}
        self.chain: ChainContext | None = None
        self.city_mention: EntityMention | None = None
        self.notes = DocNotes()

    # ------------------------------------------------------------------ evidence
    def ev(self, para: Paragraph, start: int, end: int) -> Evidence:
        start = max(0, min(start, len(para.text) - 1))
        end = max(start + 1, min(end, len(para.text)))
        while start < end - 1 and para.text[start] in " \u3000":
            start += 1
        ev = self.doc.evidence(para, start, end)
        if not ev.quote.strip():
            ev = self.doc.line_evidence(ev.line)
        return ev

    def line_ev(self, line: int, quote: str | None = None) -> Evidence:
        return self.doc.line_evidence(line, quote)

    # ------------------------------------------------------------------ emit
    def entity(self, name: str, type_: str, ev: Evidence, *, subtype: str | None = None, rule: str,
               city: str | None = None, properties: dict[str, Any] | None = None, scope: str | None = None,
               aliases: list[str] | None = None) -> EntityMention:
        drop = not ev.quote.strip()  # a fact without evidence does not enter the graph
        if drop:
            log.warning("%s:%d: no evidence quote for %s %s; dropped", self.doc.name, ev.line, type_, name)
        key = (name, type_, scope, ev.key())
        old = self._seen_ent.get(key)
        if old is not None:
            for a in aliases or []:
                if a != name and a not in old.aliases:
                    old.aliases.append(a)
            if subtype and not old.subtype:
                old.subtype = subtype
            return old
        m = EntityMention(
            name=name, type=type_, subtype=subtype, city=city if city is not None else self.city,
            properties=dict(properties or {}), evidence=ev, aliases=[a for a in (aliases or []) if a != name],
            scope=scope, rule=rule,
        )
        if not drop:
            self._seen_ent[key] = m
            self.ex.entities.append(m)
        return m

    def relation(self, type_: str, source: EntityMention, target: EntityMention, ev: Evidence, *, rule: str,
                 properties: dict[str, Any] | None = None) -> RelationMention | None:
        if source.type == target.type and source.name == target.name and source.scope == target.scope:
            return None
        if not ev.quote.strip():
            log.debug("dropping %s %s -> %s: no evidence quote", type_, source.name, target.name)
            return None
        key = (type_, source.type, source.name, source.scope, target.type, target.name, target.scope, ev.line)
        if key in self._seen_rel:
            return None
        self._seen_rel.add(key)
        r = RelationMention(
            type=type_, source=source.name, source_type=source.type, target=target.name, target_type=target.type,
            properties=dict(properties or {}), evidence=ev, source_scope=source.scope, target_scope=target.scope,
            rule=rule,
        )
        self.ex.relations.append(r)
        return r

    def city_government(self, ev: Evidence, printed_short: bool) -> EntityMention:
        """The city government (市人民政府, resolved per city); 市政府 is its alias where the plan prints that."""
        return self.entity("市人民政府", "Agency", ev, rule="city_government", scope=self.city,
                           aliases=["市政府"] if printed_short else [])

    def city_entity(self, ev: Evidence | None = None) -> EntityMention | None:
        """The plan's own city (one mention per document, at its first naming)."""
        if not self.city:
            return None
        if self.city_mention is None:
            line = next((i for i, ln in enumerate(self.doc.lines, 1) if self.city in ln), None)
            if line is None:
                line = next((i for i, ln in enumerate(self.doc.lines, 1) if self.city[:-1] in ln), 1)
                ev0 = self.line_ev(line, self.city[:-1])
            else:
                ev0 = self.line_ev(line, self.city)
            self.city_mention = self.entity(self.city, "City", ev0, city=self.city, rule="document_city")
        return self.city_mention
