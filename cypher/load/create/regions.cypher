// Load regions (nodes). One row per region. PART_OF comes after every batch (part_of.cypher).
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param id => 'R0\u001fR1'
// :param name => '测试县\u001f东镇'
// :param level => 'county\u001ftownship'
// :param parent_id => '\u001fR0'
WITH split($id, $sep) AS id, split($name, $sep) AS name, split($level, $sep) AS level,
     split($parent_id, $sep) AS parent_id
UNWIND range(0, size(id) - 1) AS i
CREATE (:Region {id: id[i], name: nullIf(name[i], ''), level: nullIf(level[i], ''),
                 parent_id: nullIf(parent_id[i], '')})
