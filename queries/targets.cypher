// ---
// name: targets
// title: {zh: 发展指标目标, en: Targets}
// description: A city's targets (2025 by default); give an indicator to compare it across cities.
// params:
//   city: {type: str, default: null, help: "地级市 (all when omitted)"}
//   indicator: {type: str, default: null, help: "indicator name or part of it, e.g. 高新技术企业"}
//   year: {type: int, default: 2025, help: "target year"}
// columns: [city, indicator, value, unit, year, baseline, baseline_year, doc, line]
// ---
MATCH (c:City) WHERE $city IS NULL OR c.name = $city
WITH c
MATCH (c)-[:SETS_TARGET]->(t:Target)
WHERE ($indicator IS NULL OR t.indicator CONTAINS $indicator)
  AND ($year IS NULL OR t.year = $year)
RETURN c.name AS city, t.indicator AS indicator, t.value AS value, t.unit AS unit, t.year AS year,
       t.baseline AS baseline, t.baseline_year AS baseline_year, t.ev_docs[0] AS doc, t.ev_lines[0] AS line
ORDER BY indicator, city
