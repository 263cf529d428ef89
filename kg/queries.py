"""Query packs: named, parameterised Cypher in `queries/*.cypher`, each with a YAML header.

A file starts with a comment block between `// ---` lines holding YAML:

    // ---
    // name: chain_leaders
    // title: {zh: 产业链链主企业, en: Chain leaders}
    // description: Who leads which industry chain (链主/龙头), with the evidence line.
    // params:
    //   city: {type: str, default: null, help: 地级市, e.g. 临汾市}
    // columns: [enterprise, chain, city, doc, line, quote]
    // ---
    MATCH ...

The runner checks parameters against the header (types, required, unknown names) and runs the
text read-only on any store.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from kg.config import QUERIES
from kg.errors import QueryError
from kg.store.base import GraphStore

_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


class Param(BaseModel):
    type: str = "str"
    default: Any = None
    required: bool = False
    help: str = ""


class PackQuery(BaseModel):
    name: str
    title: dict[str, str]
    description: str
    params: dict[str, Param] = Field(default_factory=dict)
    columns: list[str]
    cypher: str
    variants: dict[str, str] = Field(default_factory=dict, description="backend -> cypher")
    path: str

    def text_for(self, backend: str) -> str:
        return self.variants.get(backend, self.cypher)

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Typed parameters from user input (strings from the CLI or Python values)."""
        unknown = set(raw) - set(self.params)
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}; "
                             f"it takes: {', '.join(self.params) or 'none'}")
        out: dict[str, Any] = {}
        for name, p in self.params.items():
            if name not in raw or raw[name] is None:
                if p.required:
                    raise QueryError(f"query {self.name!r} needs parameter {name} ({p.type}): {p.help}")
                out[name] = p.default
                continue
            out[name] = _convert(self.name, name, p.type, raw[name])
        return out


def _convert(query: str, name: str, type_: str, value: Any) -> Any:
    py = _TYPES.get(type_)
    if py is None:
        raise QueryError(f"query {query!r}: parameter {name} has unknown type {type_!r}")
    if isinstance(value, py) and not (py is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            if py is bool:
                if s.lower() in ("true", "1", "yes"):
                    return True
                if s.lower() in ("false", "0", "no"):
                    return False
                raise ValueError(s)
            return py(s)
        except ValueError:
            pass
    raise QueryError(f"query {query!r}: parameter {name} must be {type_}, got {value!r}")


_WRITE_CLAUSE = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b"
    r"|\bCALL\s+(db\.(create|drop|idx\.fulltext\.(create|drop))|apoc\.(create|merge|refactor|periodic))",
    re.I,
)
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


def write_clause(cypher: str) -> str | None:
    """The first clause that would write, ignoring string literals and comments; None if read-only.

    The stores enforce read-only sessions too (FalkorDB GRAPH.RO_QUERY, Neo4j READ access), but
    FalkorDB over Bolt does not, so the runner refuses writes before anything is sent."""
    m = _WRITE_CLAUSE.search(_STRINGS_AND_COMMENTS.sub(" ", cypher))
    return m.group(0).upper() if m else None


def ensure_read_only(cypher: str, what: str = "query") -> None:
    clause = write_clause(cypher)
    if clause:
        raise QueryError(f"{what} would write ({clause}); queries run read-only")


_HEADER = re.compile(r"\A\s*//\s*---\s*\n(?P<head>(?://.*\n)*?)//\s*---\s*\n", re.M)
_VARIANT = re.compile(r"^//\s*variant:\s*(\w+)\s*$", re.M)


def parse_query_file(path: Path) -> PackQuery:
    text = path.read_text(encoding="utf-8")
    m = _HEADER.match(text)
    if not m:
        raise QueryError(f"{path}: missing the `// ---` YAML header")
    head = "\n".join(re.sub(r"^//\s?", "", ln) for ln in m.group("head").splitlines())
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as exc:
        raise QueryError(f"{path}: bad YAML header: {exc}") from exc
    body = text[m.end():]
    parts = _VARIANT.split(body)
    meta["cypher"] = parts[0].strip()
    meta["variants"] = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts), 2)}
    meta["path"] = str(path)
    try:
        q = PackQuery.model_validate(meta)
    except ValidationError as exc:
        raise QueryError(f"{path}: bad header: {exc}") from exc
    if q.name != path.stem:
        raise QueryError(f"{path}: header name {q.name!r} differs from the file name")
    for backend, text in {"": q.cypher, **q.variants}.items():
        ensure_read_only(text, f"{path}{' (' + backend + ' variant)' if backend else ''}")
    return q


@lru_cache(maxsize=4)
def _load_pack(folder: str) -> dict[str, PackQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(Path(folder).glob("*.cypher"))}


def load_pack(folder: Path = QUERIES) -> dict[str, PackQuery]:
    return _load_pack(str(folder))


def get_query(name: str, folder: Path = QUERIES) -> PackQuery:
    pack = load_pack(folder)
    if name not in pack:
        near = [n for n in pack if name in n or n in name]
        hint = f"; did you mean {', '.join(near)}?" if near else f"; `kg queries` lists {len(pack)} queries"
        raise QueryError(f"no query named {name!r}{hint}")
    return pack[name]


def run_query(store: GraphStore, name: str, params: dict[str, Any] | None = None, folder: Path = QUERIES) -> list[dict[str, Any]]:
    """Run a pack query read-only; rows as dicts with the header's columns."""
    q = get_query(name, folder)
    bound = q.bind(params or {})
    text = q.text_for(store.backend)
    ensure_read_only(text, f"query {name!r}")
    return store.query(text, bound)


def run_cypher(store: GraphStore, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
    """Free-form Cypher: read-only unless `write` is given explicitly."""
    if not write:
        ensure_read_only(cypher, "this Cypher")
    return store.query(cypher, params or {}, write=write)
