// ---
// name: evidence
// title: {zh: 事实出处, en: Evidence for a fact}
// description: The quotes behind one relationship between two entities (every document and line).
// params:
//   source: {type: str, required: true, help: "source entity name or alias"}
//   target: {type: str, required: true, help: "target entity name or alias"}
//   relation: {type: str, default: null, help: "relationship type, e.g. LEADS_CHAIN (any when omitted)"}
// columns: [source, relation, target, doc, line, quote]
// ---
MATCH (s:Entity)-[r]->(t:Entity)
WHERE (s.name = $source OR $source IN s.aliases) AND (t.name = $target OR $target IN t.aliases)
  AND ($relation IS NULL OR type(r) = $relation)
UNWIND range(0, size(r.ev_docs) - 1) AS i
RETURN s.name AS source, type(r) AS relation, t.name AS target,
       r.ev_docs[i] AS doc, r.ev_lines[i] AS line, r.ev_quotes[i] AS quote
ORDER BY relation, doc, line
