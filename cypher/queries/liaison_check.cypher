// liaison_check: liaison compliance (挂钩联系, DOMAIN.md rule 5) in one calendar year.
// For every federation executive (an 'executive' post during the year in a region-level women's
// federation whose region's level is in $executive_levels: the county or district federation) and
// everyone with a liaison link during the year: one 'executive' row with the number of distinct
// linked bodies (flagged outside $links_min-$links_max) and the visits to them in the year, and one
// 'link' row per linked body with its visits (flagged under $visits_per_year).
// A link or post is in the year when it started by 31 December (or start is empty) and had not
// ended by 1 January (until/end empty or later).
// Each row's problem ('', links_outside, visits_under) and the bounds it was held to (expected_min,
// expected_max); orgnet writes the `flag` words from them (empty here).
// Same answers as `orgnet liaison-check PATH --year …`.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param year => 2012
// :param links_min => 1
// :param links_max => 3
// :param visits_per_year => 2
// :param executive_levels => ['county', 'district']

WITH date({year: $year, month: 1, day: 1}) AS first, date({year: $year, month: 12, day: 31}) AS last
CALL (first, last) {
  MATCH (p:Person)-[l:LIAISES_WITH]->(:Body)
  WHERE (l.since IS NULL OR l.since <= last) AND (l.until IS NULL OR l.until > first)
  RETURN p
  UNION
  MATCH (p:Person)-[h:HOLDS {role: 'executive'}]->(f:WomenBody {type: 'federation'})-[:BELONGS_TO]->(r:Region)
  WHERE r.level IN $executive_levels
    AND (h.start IS NULL OR h.start <= last) AND (h.`end` IS NULL OR h.`end` > first)
  RETURN p
}
CALL (p, first, last) {
  MATCH (p)-[l:LIAISES_WITH]->(b:Body)
  WHERE (l.since IS NULL OR l.since <= last) AND (l.until IS NULL OR l.until > first)
  WITH DISTINCT b
  RETURN collect({body_id: b.id, visits: COUNT { MATCH (p)-[v:VISITED]->(b) WHERE first <= v.date <= last }}) AS links
}
WITH p, links, reduce(total = 0, x IN links | total + x.visits) AS total
WITH p,
     [{kind: 'executive', body_id: '', links: size(links), visits: total,
       problem: CASE WHEN $links_min <= size(links) <= $links_max THEN '' ELSE 'links_outside' END,
       low: $links_min, high: $links_max}]
     + [x IN links | {kind: 'link', body_id: x.body_id, links: null, visits: x.visits,
                      problem: CASE WHEN x.visits >= $visits_per_year THEN '' ELSE 'visits_under' END,
                      low: $visits_per_year, high: null}] AS rows
UNWIND rows AS row
RETURN row.kind AS kind, p.id AS person_id, p.name AS person_name, row.body_id AS body_id,
       row.links AS links, row.visits AS visits, '' AS flag, row.problem AS problem, row.low AS expected_min,
       row.high AS expected_max
ORDER BY kind, person_id, body_id
