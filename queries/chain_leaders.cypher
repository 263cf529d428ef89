// ---
// name: chain_leaders
// title: {zh: 产业链链主企业, en: Chain leaders}
// description: Which enterprise leads which industry chain (链主/龙头/领军), in which city, with the evidence line.
// params:
//   city: {type: str, default: null, help: "地级市, e.g. 临汾市 (all cities when omitted)"}
//   chain: {type: str, default: null, help: "产业链 name or part of it, e.g. 氢能"}
// columns: [enterprise, chain, city, doc, line, quote]
// ---
MATCH (e:Enterprise)-[r:LEADS_CHAIN]->(c:IndustryChain)
WHERE ($city IS NULL OR r.city = $city)
  AND ($chain IS NULL OR c.name CONTAINS $chain OR any(a IN c.aliases WHERE a CONTAINS $chain))
RETURN e.name AS enterprise, c.name AS chain, r.city AS city,
       r.ev_docs[0] AS doc, r.ev_lines[0] AS line, r.ev_quotes[0] AS quote
ORDER BY city, chain, enterprise
