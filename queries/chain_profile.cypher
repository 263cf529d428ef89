// ---
// name: chain_profile
// title: {zh: 产业链画像, en: Chain profile}
// description: >
//   Everything attached to one industry chain: leaders, member enterprises, platforms, universities,
//   institutes, cities developing it, programmes, innovation chains and the ordered stages (of an
//   innovation chain, or of the industry chain itself where the plan names no innovation chain).
// params:
//   chain: {type: str, required: true, help: "产业链 name, alias or part of it, e.g. 氢能"}
//   city: {type: str, default: null, help: "only facts stated for this city"}
// columns: [chain, relation, type, name, city, detail, doc, line]
// ---
MATCH (c:IndustryChain)
WHERE c.name = $chain OR c.name CONTAINS $chain OR any(a IN c.aliases WHERE a CONTAINS $chain)
MATCH (c)-[r]-(x:Entity)
WHERE type(r) <> 'HAS_STAGE'
WITH c, r, x, coalesce(r.city, x.city) AS where
WHERE $city IS NULL OR where = $city
RETURN c.name AS chain, type(r) AS relation, x.type AS type, x.name AS name, where AS city,
       coalesce(x.subtype, '') AS detail, r.ev_docs[0] AS doc, r.ev_lines[0] AS line
UNION ALL
MATCH (c:IndustryChain)<-[:INNOVATION_CHAIN_OF]-(ic:InnovationChain)-[h:HAS_STAGE]->(s:ChainStage)
WHERE (c.name = $chain OR c.name CONTAINS $chain OR any(a IN c.aliases WHERE a CONTAINS $chain))
  AND ($city IS NULL OR ic.city = $city)
RETURN c.name AS chain, 'HAS_STAGE' AS relation, s.type AS type, s.name AS name, ic.city AS city,
       ic.name + ' #' + toString(coalesce(h.sequence, 1)) + '.' + toString(coalesce(h.order, 0)) AS detail,
       h.ev_docs[0] AS doc, h.ev_lines[0] AS line
UNION ALL
MATCH (c:IndustryChain)-[h:HAS_STAGE]->(s:ChainStage)
WHERE (c.name = $chain OR c.name CONTAINS $chain OR any(a IN c.aliases WHERE a CONTAINS $chain))
  AND ($city IS NULL OR s.city = $city)
RETURN c.name AS chain, 'HAS_STAGE' AS relation, s.type AS type, s.name AS name, s.city AS city,
       c.name + ' #' + toString(coalesce(h.sequence, 1)) + '.' + toString(coalesce(h.order, 0)) AS detail,
       h.ev_docs[0] AS doc, h.ev_lines[0] AS line
