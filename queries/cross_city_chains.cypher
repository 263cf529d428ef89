// ---
// name: cross_city_chains
// title: {zh: 跨市产业链, en: Cross-city chains}
// description: Industry chains developed by two or more cities, with who leads them where.
// params:
//   min_cities: {type: int, default: 2, help: "at least this many cities"}
// columns: [chain, cities, n_cities, leaders]
// ---
MATCH (city:City)-[:DEVELOPS_CHAIN]->(c:IndustryChain)
WITH c, collect(DISTINCT city.name) AS cities
WHERE size(cities) >= $min_cities
OPTIONAL MATCH (e:Enterprise)-[l:LEADS_CHAIN]->(c)
WITH c, cities, collect(DISTINCT e.name + '（' + coalesce(l.city, e.city, '?') + '）') AS leaders
RETURN c.name AS chain, cities, size(cities) AS n_cities, leaders
ORDER BY n_cities DESC, chain
