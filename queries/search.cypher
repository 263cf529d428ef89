// ---
// name: search
// title: {zh: 名称检索, en: Name search}
// description: >
//   Full-text search over names and aliases (中文 substrings: a word inside a name is found,
//   which the stores' full-text indexes do not do for Chinese).
// params:
//   q: {type: str, required: true, help: "part of a name, e.g. 钢铁"}
//   type: {type: str, default: null, help: "only this class, e.g. Enterprise"}
//   limit: {type: int, default: 50, help: "at most this many rows"}
// columns: [name, type, subtype, city, aliases, doc, line]
// ---
MATCH (n:Entity)
WHERE (n.name CONTAINS $q OR any(a IN n.aliases WHERE a CONTAINS $q))
  AND ($type IS NULL OR n.type = $type)
RETURN n.name AS name, n.type AS type, coalesce(n.subtype, '') AS subtype, n.city AS city,
       n.aliases AS aliases, n.ev_docs[0] AS doc, n.ev_lines[0] AS line
ORDER BY size(n.name), name
LIMIT $limit
