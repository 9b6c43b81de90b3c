// active_posts: every post held on as_of, with its person, body, host and region (one row per
// post). A post (HOLDS) is held when start <= as_of (or empty) and end is empty or later, and its
// body is active (founded <= as_of or empty; dissolved empty or later). orgnet's later analyses
// (key people, impact, bridges, composition, demonstration reach) are computed from this fact.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')

MATCH (p:Person)-[h:HOLDS]->(b:Body)
WHERE active(h.start, h.`end`)
  AND active(b.founded, b.dissolved)
OPTIONAL MATCH (b)-[:BELONGS_TO]->(host:Organization)
RETURN p.id AS person_id, p.name AS person_name, p.gender AS gender, b.id AS body_id, b.name AS body_name,
       b.system AS system, b.type AS type, b.org_id AS org_id, host.kind AS org_kind, b.region_id AS region_id,
       h.role AS role
ORDER BY person_id, body_id, role
