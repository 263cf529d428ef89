// ---
// name: city_overview
// title: {zh: 城市创新生态概览, en: City overview}
// description: Counts per class for a city, and its chains ranked by number of actors.
// params:
//   city: {type: str, required: true, help: "地级市, e.g. 长治市"}
// columns: [section, name, value]
// ---
MATCH (n:Entity) WHERE n.city = $city
RETURN 'count' AS section, n.type AS name, count(n) AS value
UNION ALL
MATCH (city:City {name: $city})-[:DEVELOPS_CHAIN]->(c:IndustryChain)
OPTIONAL MATCH (c)<-[r:LEADS_CHAIN|IN_CHAIN]-(x:Entity)
WHERE coalesce(r.city, x.city) = $city
RETURN 'chain actors' AS section, c.name AS name, count(DISTINCT x) AS value
