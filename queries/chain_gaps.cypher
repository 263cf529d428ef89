// ---
// name: chain_gaps
// title: {zh: 强链补链缺口, en: Chain gaps}
// description: >
//   强链补链 targets: chains a city develops with no named leader (链主) or no platform, and
//   chain stages (of an innovation chain or of the industry chain itself) with no enterprise or
//   platform attached.
// params:
//   city: {type: str, default: null, help: "地级市 (all when omitted)"}
//   chain: {type: str, default: null, help: "产业链 name or part of it"}
// columns: [city, chain, gap, detail, doc, line]
// ---
MATCH (city:City)-[d:DEVELOPS_CHAIN]->(c:IndustryChain)
WHERE ($city IS NULL OR city.name = $city) AND ($chain IS NULL OR c.name CONTAINS $chain)
OPTIONAL MATCH (c)<-[l:LEADS_CHAIN]-(:Enterprise)
WITH city, d, c, [x IN collect(l.city) WHERE x = city.name] AS leads
WHERE size(leads) = 0
RETURN city.name AS city, c.name AS chain, 'no leader' AS gap, '未明确链主企业' AS detail,
       d.ev_docs[0] AS doc, d.ev_lines[0] AS line
UNION ALL
MATCH (city:City)-[d:DEVELOPS_CHAIN]->(c:IndustryChain)
WHERE ($city IS NULL OR city.name = $city) AND ($chain IS NULL OR c.name CONTAINS $chain)
OPTIONAL MATCH (c)<-[:IN_CHAIN]-(p:Platform)
WITH city, d, c, [x IN collect(p.city) WHERE x = city.name] AS platforms
WHERE size(platforms) = 0
RETURN city.name AS city, c.name AS chain, 'no platform' AS gap, '未布局创新平台' AS detail,
       d.ev_docs[0] AS doc, d.ev_lines[0] AS line
UNION ALL
MATCH (c:IndustryChain)<-[:INNOVATION_CHAIN_OF]-(ic:InnovationChain)-[h:HAS_STAGE]->(s:ChainStage)
WHERE ($city IS NULL OR ic.city = $city) AND ($chain IS NULL OR c.name CONTAINS $chain)
WITH c, ic, h, s
WHERE NOT (s)<-[:IN_CHAIN]-(:Enterprise) AND NOT (s)<-[:IN_CHAIN]-(:Platform)
RETURN ic.city AS city, c.name AS chain, 'stage without actor' AS gap,
       ic.name + ': ' + s.name AS detail, h.ev_docs[0] AS doc, h.ev_lines[0] AS line
UNION ALL
MATCH (c:IndustryChain)-[h:HAS_STAGE]->(s:ChainStage)
WHERE ($city IS NULL OR s.city = $city) AND ($chain IS NULL OR c.name CONTAINS $chain)
WITH c, h, s
WHERE NOT (s)<-[:IN_CHAIN]-(:Enterprise) AND NOT (s)<-[:IN_CHAIN]-(:Platform)
RETURN s.city AS city, c.name AS chain, 'stage without actor' AS gap,
       c.name + ': ' + s.name AS detail, h.ev_docs[0] AS doc, h.ev_lines[0] AS line
