"""Pattern rules over clean paragraphs. Each rule yields mentions with evidence spans."""

from __future__ import annotations

import re

from kg.models import Document, EntityMention, Extraction, Paragraph, RelationMention

# 依托X作为Y产业链“链主”企业
LEADS = re.compile(r"依托(?P<ent>[^，,。；、“”]{2,40}?)作为(?P<chain>[^，,。；“”]{1,20}?产业链)[“\"]?(?:链主|龙头)[”\"]?企业")


def _document_entities(doc: Document) -> Extraction:
    ex = Extraction(doc=doc.name, city=doc.meta.city)
    first = next((i for i, ln in enumerate(doc.lines, 1) if ln.strip()), 1)
    if doc.meta.city:
        line = next((i for i, ln in enumerate(doc.lines, 1) if doc.meta.city in ln), first)
        ex.entities.append(EntityMention(name=doc.meta.city, type="City", city=doc.meta.city,
                                         evidence=doc.line_evidence(line, doc.meta.city)))
    return ex


def extract_document(doc: Document) -> Extraction:
    ex = _document_entities(doc)
    city = doc.meta.city
    for para in doc.paragraphs:
        _leads(doc, para, city, ex)
    return ex


def _leads(doc: Document, para: Paragraph, city: str | None, ex: Extraction) -> None:
    for m in LEADS.finditer(para.text):
        ev = doc.evidence(para, m.start(), m.end())
        ent, chain = m.group("ent"), m.group("chain")
        ex.entities.append(EntityMention(name=ent, type="Enterprise", city=city, evidence=ev))
        ex.entities.append(EntityMention(name=chain, type="IndustryChain", evidence=ev))
        ex.relations.append(RelationMention(type="LEADS_CHAIN", source=ent, source_type="Enterprise",
                                            target=chain, target_type="IndustryChain",
                                            properties={"city": city} if city else {}, evidence=ev))
        if city:
            ex.relations.append(RelationMention(type="DEVELOPS_CHAIN", source=city, source_type="City",
                                                target=chain, target_type="IndustryChain", evidence=ev))
