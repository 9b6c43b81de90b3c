// Load PART_OF: region → parent region (regions table; one row per region). A region whose
// parent changed (or became empty) loses its old PART_OF. Run after load/regions.cypher.
// :param rows => [{id: 'R1', parent_id: 'R0'}, {id: 'R0', parent_id: null}]
UNWIND $rows AS row
MATCH (r:Region {id: row.id})
OPTIONAL MATCH (r)-[old:PART_OF]->(was:Region)
WHERE row.parent_id IS NULL OR was.id <> row.parent_id
DELETE old
WITH DISTINCT r, row
MATCH (parent:Region {id: row.parent_id})
MERGE (r)-[:PART_OF]->(parent)
