// Load BELONGS_TO: body → its host organization, or → its region when org_id is empty
// (a region-level body such as a township federation). One row per body; a body whose host
// changed loses its old BELONGS_TO. Run after the node loads.
// :param rows => [{id: 'B4', org_id: 'O8', region_id: 'R5'}, {id: 'B12', org_id: null, region_id: 'R1'}]
UNWIND $rows AS row
MATCH (b:Body {id: row.id})
OPTIONAL MATCH (org:Organization {id: row.org_id})
OPTIONAL MATCH (region:Region {id: row.region_id})
WITH b, CASE WHEN row.org_id IS NULL THEN region ELSE org END AS host
OPTIONAL MATCH (b)-[old:BELONGS_TO]->(was)
WHERE host IS NULL OR was <> host
DELETE old
WITH DISTINCT b, host
WHERE host IS NOT NULL
MERGE (b)-[:BELONGS_TO]->(host)
