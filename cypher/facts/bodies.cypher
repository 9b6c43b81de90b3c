// bodies: every body active on as_of (founded <= as_of or empty; dissolved empty or later), with
// the kind of its host organization (empty for a region-level body).
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')

MATCH (b:Body)
WHERE active(b.founded, b.dissolved)
OPTIONAL MATCH (b)-[:BELONGS_TO]->(host:Organization)
RETURN b.id AS body_id, b.name AS body_name, b.system AS system, b.type AS type, b.org_id AS org_id,
       host.kind AS org_kind, b.region_id AS region_id
ORDER BY body_id
