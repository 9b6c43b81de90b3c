// Load LOCATED_IN: organization → its region (organizations table; one row per organization).
// An organization that moved loses its old LOCATED_IN. Run after the node loads.
// :param rows => [{id: 'O1', region_id: 'R5'}]
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
OPTIONAL MATCH (o)-[old:LOCATED_IN]->(was:Region)
WHERE was.id <> row.region_id
DELETE old
WITH DISTINCT o, row
MATCH (region:Region {id: row.region_id})
MERGE (o)-[:LOCATED_IN]->(region)
