"""The curation file (seeds/curation.yaml): what people know that the rules do not.

One YAML file with five sections; every entry states a `reason`:

```yaml
aliases:        # other names of one entity (short trade names, old names)
  - {type: Enterprise, name: 山西建邦集团铸造有限公司, aliases: [建邦], reason: …}
merge:          # these names are one entity (canonical name first)
  - {type: Enterprise, names: [A, B], reason: …}
forbid_merge:   # these names are different entities, whatever a rule says
  - {type: University, names: [长治学院, 长治医学院], reason: …}
drop:           # false positives: a mention (optionally only in one document) is not an entity
  - {type: Enterprise, name: 市政, doc: linfen-2022-innovation-ecosystem-plan.txt, reason: …}
facts:          # facts the text does not state in a form the rules read
  - {entity: {type: Enterprise, name: X, city: 临汾市}, reason: …}
  - {relation: {type: LEADS_CHAIN, source: X, source_type: Enterprise, target: 氢能产业链,
                target_type: IndustryChain, properties: {city: 临汾市}}, reason: …}
```

Curated facts carry evidence that cites the curation file: doc = the file's name as given
(``seeds/curation.yaml``), line = the line of the entry's ``reason``, quote = the reason.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kg.config import CURATION, ROOT
from kg.errors import InputError
from kg.models import EntityMention, Evidence, Extraction, RelationMention

log = logging.getLogger(__name__)

SECTIONS = ("aliases", "merge", "forbid_merge", "drop", "facts")
TYPES = {
    "City", "County", "Zone", "Enterprise", "University", "ResearchInstitute", "Hospital", "Platform", "IndustryChain",
    "InnovationChain", "ChainStage", "Program", "Policy", "Target", "Agency",
}
REL_TYPES = {
    "LEADS_CHAIN", "IN_CHAIN", "DEVELOPS_CHAIN", "INNOVATION_CHAIN_OF", "HAS_STAGE", "NEXT_STAGE", "HOSTS",
    "COLLABORATES_WITH", "LOCATED_IN", "RUNS_PROGRAM", "PART_OF_PROGRAM", "ISSUED", "SETS_TARGET",
}


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1)
    line: int = Field(1, ge=1, description="line of the entry's reason in the file (set by the loader)")


class AliasEntry(_Entry):
    type: str
    name: str = Field(min_length=1)
    aliases: list[str] = Field(min_length=1)


class MergeEntry(_Entry):
    type: str
    names: list[str] = Field(min_length=2)


class DropEntry(_Entry):
    type: str
    name: str = Field(min_length=1)
    doc: str | None = None


class FactEntity(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    name: str = Field(min_length=1)
    subtype: str | None = None
    city: str | None = None
    scope: str | None = None
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict)


class FactRelation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    source: str
    source_type: str
    target: str
    target_type: str
    source_scope: str | None = None
    target_scope: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)


class FactEntry(_Entry):
    entity: FactEntity | None = None
    relation: FactRelation | None = None


class Curation(BaseModel):
    """A parsed curation file."""

    path: str = "seeds/curation.yaml"
    aliases: list[AliasEntry] = Field(default_factory=list)
    merge: list[MergeEntry] = Field(default_factory=list)
    forbid_merge: list[MergeEntry] = Field(default_factory=list)
    drop: list[DropEntry] = Field(default_factory=list)
    facts: list[FactEntry] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(getattr(self, s) for s in SECTIONS)

    def evidence(self, entry: _Entry) -> Evidence:
        return Evidence(doc=self.path, line=entry.line, quote=entry.reason.strip().splitlines()[0])

    def gazetteer(self) -> dict[str, str]:
        """Names (canonical and aliases) of the organisations the file lists, with their types: the
        extractor recognises them in the text like names with a type word (科大讯飞 is a company)."""
        out: dict[str, str] = {}
        for a in self.aliases:
            if a.type in ("Enterprise", "University", "ResearchInstitute", "Hospital", "Platform", "Zone", "Agency"):
                for n in (a.name, *a.aliases):
                    out.setdefault(n, a.type)
        return out

    def fact_extraction(self) -> Extraction:
        """The curated facts as one extraction (evidence cites the curation file)."""
        ex = Extraction(doc=self.path)
        for f in self.facts:
            ev = self.evidence(f)
            if f.entity is not None:
                e = f.entity
                ex.entities.append(EntityMention(name=e.name, type=e.type, subtype=e.subtype, city=e.city,
                                                 scope=e.scope, aliases=e.aliases, properties=e.properties,
                                                 evidence=ev, rule="curation"))
            if f.relation is not None:
                r = f.relation
                ex.relations.append(RelationMention(**r.model_dump(), evidence=ev, rule="curation"))
        return ex


class CurationAction(BaseModel):
    """One thing the build did because of the curation file."""

    section: str
    line: int
    action: str
    detail: str
    reason: str
    applied: bool = True


class CurationReport(BaseModel):
    path: str | None = None
    actions: list[CurationAction] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for a in self.actions:
            if a.applied:
                out[a.section] = out.get(a.section, 0) + 1
        return out

    def add(self, section: str, entry: _Entry, action: str, detail: str, applied: bool = True) -> None:
        self.actions.append(CurationAction(section=section, line=entry.line, action=action, detail=detail,
                                           reason=entry.reason, applied=applied))


# --------------------------------------------------------------------------- loading


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers where each mapping's `reason` value starts."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    for key_node, value_node in node.value:
        if getattr(key_node, "value", None) == "reason":
            mapping["__reason_line__"] = value_node.start_mark.line + 1
    mapping.setdefault("__line__", node.start_mark.line + 1)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def display_path(path: Path) -> str:
    """The curation file as evidence names it: relative to the project when inside it."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return Path(path).name


def load_curation(path: Path | None = CURATION) -> Curation:
    """Read and check a curation file; a missing default file means no curation."""
    if path is None:
        return Curation()
    path = Path(path)
    if not path.exists():
        if path.resolve() == Path(CURATION).resolve():
            return Curation(path=display_path(path))
        raise InputError(f"{path}: no such curation file")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (safe loader subclass)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc
    if data is None:
        return Curation(path=display_path(path))
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping with sections {', '.join(SECTIONS)}")
    unknown = [k for k in data if k not in SECTIONS and not k.startswith("__")]
    if unknown:
        raise InputError(f"{path}: unknown section(s) {', '.join(map(str, unknown))}; expected {', '.join(SECTIONS)}")
    model = {"aliases": AliasEntry, "merge": MergeEntry, "forbid_merge": MergeEntry, "drop": DropEntry, "facts": FactEntry}
    out = Curation(path=display_path(path))
    for section, cls in model.items():
        items = data.get(section) or []
        if not isinstance(items, list):
            raise InputError(f"{path}: section {section!r} must be a list of entries")
        parsed = []
        for i, item in enumerate(items, 1):
            where = f"{path}: {section} entry {i}"
            if not isinstance(item, dict):
                raise InputError(f"{where}: expected a mapping, got {item!r}")
            line = item.pop("__reason_line__", None) or item.get("__line__", 1)
            entry_line = item.pop("__line__", line)
            _strip_lines(item)
            where = f"{path}:{entry_line}: {section} entry {i}"
            if not str(item.get("reason") or "").strip():
                raise InputError(f"{where}: every entry needs a non-empty `reason`")
            try:
                entry = cls.model_validate({**item, "line": line})
            except ValidationError as exc:
                problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                raise InputError(f"{where}: {problems}") from exc
            _check_types(entry, where)
            parsed.append(entry)
        setattr(out, section, parsed)
    return out


def _strip_lines(obj: Any) -> None:
    if isinstance(obj, dict):
        obj.pop("__line__", None)
        obj.pop("__reason_line__", None)
        for v in obj.values():
            _strip_lines(v)
    elif isinstance(obj, list):
        for v in obj:
            _strip_lines(v)


def _check_types(entry: _Entry, where: str) -> None:
    types: list[str] = []
    if isinstance(entry, (AliasEntry, MergeEntry, DropEntry)):
        types.append(entry.type)
    if isinstance(entry, FactEntry):
        if entry.entity is None and entry.relation is None:
            raise InputError(f"{where}: a fact needs an `entity` or a `relation`")
        if entry.entity is not None:
            types.append(entry.entity.type)
        if entry.relation is not None:
            if entry.relation.type not in REL_TYPES:
                raise InputError(f"{where}: unknown relationship type {entry.relation.type!r}")
            types += [entry.relation.source_type, entry.relation.target_type]
    for t in types:
        if t not in TYPES:
            raise InputError(f"{where}: unknown entity type {t!r} (one of {', '.join(sorted(TYPES))})")
