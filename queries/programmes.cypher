// ---
// name: programmes
// title: {zh: 工程计划与参与主体, en: Programmes}
// description: Programmes (工程/计划/专项/奖), who runs them and what takes part in them.
// params:
//   city: {type: str, default: null, help: "地级市"}
//   name: {type: str, default: null, help: "programme name or part of it, e.g. 111"}
// columns: [programme, city, role, member, member_type, doc, line]
// ---
MATCH (p:Program)
WHERE ($city IS NULL OR p.city = $city) AND ($name IS NULL OR p.name CONTAINS $name)
OPTIONAL MATCH (p)-[r:RUNS_PROGRAM|PART_OF_PROGRAM]-(x:Entity)
RETURN p.name AS programme, p.city AS city,
       CASE type(r) WHEN 'RUNS_PROGRAM' THEN 'runs' WHEN 'PART_OF_PROGRAM' THEN 'part of' ELSE '' END AS role,
       coalesce(x.name, '') AS member, coalesce(x.type, '') AS member_type,
       coalesce(r.ev_docs[0], p.ev_docs[0]) AS doc, coalesce(r.ev_lines[0], p.ev_lines[0]) AS line
ORDER BY city, programme, role, member
