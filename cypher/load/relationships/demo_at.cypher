// Load DEMO_AT: demonstration point → the organization that is the site (demo_points table;
// one row per demo point), with since. A demo point that moved loses its old DEMO_AT.
// :param rows => [{id: 'D1', org_id: 'O8', since: date('2011-03-01')}]
UNWIND $rows AS row
MATCH (d:DemoPoint {id: row.id})
OPTIONAL MATCH (d)-[old:DEMO_AT]->(was:Organization)
WHERE was.id <> row.org_id
DELETE old
WITH DISTINCT d, row
MATCH (o:Organization {id: row.org_id})
MERGE (d)-[e:DEMO_AT]->(o)
SET e.since = row.since
