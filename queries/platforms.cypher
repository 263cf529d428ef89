// ---
// name: platforms
// title: {zh: 创新平台, en: Platforms}
// description: Innovation platforms by chain, city or subclass, with their host organisation (依托单位).
// params:
//   city: {type: str, default: null, help: "地级市"}
//   chain: {type: str, default: null, help: "产业链 name or part of it"}
//   subtype: {type: str, default: null, help: "KeyLaboratory, EngineeringCenter, TechInnovationCenter, EnterpriseTechCenter, PilotBase, NewRDInstitution, Incubator, AcademicianWorkstation, PostdocStation, Alliance"}
// columns: [platform, subtype, city, host, chain, doc, line]
// ---
MATCH (p:Platform)
WHERE ($city IS NULL OR p.city = $city) AND ($subtype IS NULL OR p.subtype = $subtype)
OPTIONAL MATCH (p)-[:IN_CHAIN]->(c:IndustryChain)
WITH p, c
WHERE $chain IS NULL OR (c IS NOT NULL AND c.name CONTAINS $chain)
OPTIONAL MATCH (h:Entity)-[:HOSTS]->(p)
RETURN p.name AS platform, coalesce(p.subtype, '') AS subtype, p.city AS city,
       coalesce(h.name, '') AS host, coalesce(c.name, '') AS chain,
       p.ev_docs[0] AS doc, p.ev_lines[0] AS line
ORDER BY city, subtype, platform
