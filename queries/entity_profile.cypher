// ---
// name: entity_profile
// title: {zh: 主体画像, en: Entity profile}
// description: Everything about one entity, found by name, alias or part of a (short) name.
// params:
//   name: {type: str, required: true, help: "name, alias or short name, e.g. 晋南钢铁"}
// columns: [entity, type, direction, relation, other, other_type, city, doc, line]
// ---
MATCH (n:Entity)
WHERE n.name = $name OR $name IN n.aliases OR n.name CONTAINS $name OR any(a IN n.aliases WHERE a CONTAINS $name)
MATCH (n)-[r]-(m:Entity)
RETURN n.name AS entity, n.type AS type,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       type(r) AS relation, m.name AS other, m.type AS other_type,
       coalesce(r.city, m.city) AS city, r.ev_docs[0] AS doc, r.ev_lines[0] AS line
ORDER BY entity, relation, other
