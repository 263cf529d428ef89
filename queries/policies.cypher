// ---
// name: policies
// title: {zh: 政策文件, en: Policies}
// description: Policies and plans named in the documents, who issued them and when (where stated).
// params:
//   city: {type: str, default: null, help: "地级市"}
//   issuer: {type: str, default: null, help: "issuing agency or part of its name"}
// columns: [policy, issuer, date, doc_number, city, doc, line]
// ---
MATCH (p:Policy)
WHERE $city IS NULL OR p.city = $city
OPTIONAL MATCH (a:Entity)-[:ISSUED]->(p)
WITH p, a
WHERE $issuer IS NULL OR (a IS NOT NULL AND a.name CONTAINS $issuer)
RETURN p.name AS policy, coalesce(a.name, '') AS issuer, coalesce(p.date, '') AS date,
       coalesce(p.doc_number, '') AS doc_number, p.city AS city, p.ev_docs[0] AS doc, p.ev_lines[0] AS line
ORDER BY city, policy
