// Load venues (nodes): activity rooms (阵地). One row per venue.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param id => 'V1'
// :param name => '东村党群服务中心'
// :param org_id => 'O5'
// :param region_id => ''
WITH split($id, $sep) AS id, split($name, $sep) AS name, split($org_id, $sep) AS org_id,
     split($region_id, $sep) AS region_id
UNWIND range(0, size(id) - 1) AS i
CREATE (:Venue {id: id[i], name: nullIf(name[i], ''), org_id: nullIf(org_id[i], ''),
                region_id: nullIf(region_id[i], '')})
