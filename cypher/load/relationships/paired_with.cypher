// Load PAIRED_WITH: organ unit → demonstration point (pairings table), with since.
// :param rows => [{org_id: 'O7', demo_point_id: 'D1', since: date('2011-03-01')}]
UNWIND $rows AS row
MATCH (o:Organization {id: row.org_id})
MATCH (d:DemoPoint {id: row.demo_point_id})
MERGE (o)-[e:PAIRED_WITH]->(d)
SET e.since = row.since
