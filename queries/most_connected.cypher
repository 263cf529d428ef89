// ---
// name: most_connected
// title: {zh: 关键节点（连接度）, en: Most connected actors}
// description: Organisations with the most relationships (degree), per city and/or chain.
// params:
//   city: {type: str, default: null, help: "地级市"}
//   chain: {type: str, default: null, help: "only actors attached to this chain (name or part)"}
//   limit: {type: int, default: 20, help: "at most this many rows"}
// columns: [name, type, city, degree]
// ---
MATCH (n:Entity)
WHERE n.type IN ['Enterprise', 'University', 'ResearchInstitute', 'Hospital', 'Platform', 'Zone', 'Agency']
  AND ($city IS NULL OR n.city = $city)
OPTIONAL MATCH (n)-[:LEADS_CHAIN|IN_CHAIN]->(c:IndustryChain)
WITH n, collect(c.name) AS chains
WHERE $chain IS NULL OR any(x IN chains WHERE x CONTAINS $chain)
MATCH (n)-[r]-()
RETURN n.name AS name, n.type AS type, n.city AS city, count(r) AS degree
ORDER BY degree DESC, name
LIMIT $limit
