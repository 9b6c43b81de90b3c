// demo_links: demonstration points named by as_of (since <= as_of or empty), their site
// organization and the organ units paired with them by then (one row per pairing; one row with an
// empty pairing_org_id for a point without any).
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')

MATCH (d:DemoPoint)
WHERE active(d.since, NULL)
WITH d, [(o:Organization)-[e:PAIRED_WITH]->(d) WHERE active(e.since, NULL) | o.id] AS pairings
UNWIND CASE WHEN size(pairings) = 0 THEN [null] ELSE pairings END AS pairing
RETURN d.id AS demo_point_id, d.name AS demo_name, d.org_id AS site_org_id, pairing AS pairing_org_id
ORDER BY demo_point_id, pairing_org_id
