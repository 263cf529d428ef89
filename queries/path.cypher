// ---
// name: path
// title: {zh: 关联路径, en: Path between two entities}
// description: How two entities are connected (shortest paths up to max_hops relationships, any direction).
// params:
//   a: {type: str, required: true, help: "first entity: exact name or alias"}
//   b: {type: str, required: true, help: "second entity: exact name or alias"}
//   max_hops: {type: int, default: 4, help: "longest path to consider (1-4)"}
// columns: [hops, names, relations]
// ---
MATCH (a:Entity) WHERE a.name = $a OR $a IN a.aliases
MATCH (b:Entity) WHERE (b.name = $b OR $b IN b.aliases) AND b <> a
MATCH p = (a)-[*1..4]-(b)
WITH p WHERE length(p) <= $max_hops
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS relations
ORDER BY hops
LIMIT 10
