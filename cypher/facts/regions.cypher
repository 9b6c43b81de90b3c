// regions: the region tree, one row per region with its parent (empty for a root).

MATCH (r:Region)
OPTIONAL MATCH (r)-[:PART_OF]->(parent:Region)
RETURN r.id AS region_id, r.name AS region_name, r.level AS level, parent.id AS parent_id
ORDER BY region_id
