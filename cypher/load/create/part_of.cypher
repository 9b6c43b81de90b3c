// Load PART_OF: region → parent region (regions table; a region without parent has none).
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param id => 'R0\u001fR1'
// :param parent_id => '\u001fR0'
WITH split($id, $sep) AS id, split($parent_id, $sep) AS parent_id
UNWIND range(0, size(id) - 1) AS i
WITH id[i] AS id, nullIf(parent_id[i], '') AS parent_id
WHERE parent_id IS NOT NULL
MATCH (r:Region {id: id})
MATCH (parent:Region {id: parent_id})
CREATE (r)-[:PART_OF]->(parent)
