// ---
// name: collaboration
// title: {zh: 产学研合作网络, en: Collaboration network}
// description: Who works with whom (合作/共建/联合), e.g. university–enterprise pairs of a city.
// params:
//   city: {type: str, default: null, help: "地级市: pairs where either side is in this city"}
//   type: {type: str, default: null, help: "only pairs with one side of this class, e.g. University"}
// columns: [a, a_type, b, b_type, city, doc, line, quote]
// ---
MATCH (a:Entity)-[r:COLLABORATES_WITH]->(b:Entity)
WHERE ($city IS NULL OR a.city = $city OR b.city = $city OR r.city = $city)
  AND ($type IS NULL OR a.type = $type OR b.type = $type)
RETURN a.name AS a, a.type AS a_type, b.name AS b, b.type AS b_type,
       coalesce(r.city, a.city, b.city) AS city, r.ev_docs[0] AS doc, r.ev_lines[0] AS line, r.ev_quotes[0] AS quote
ORDER BY city, a, b
