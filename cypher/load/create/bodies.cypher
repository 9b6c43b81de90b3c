// Load bodies (nodes, label Body plus the label of their system, $system_labels from schema.toml
// [system_labels]) and BELONGS_TO: body → its host organization, or → its region when org_id is
// empty. One row per body.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param system_labels => {party: 'PartyBody', women: 'WomenBody', union: 'UnionBody', youth: 'YouthBody', admin: 'AdminBody'}
// :param sep => '\u001f'
// :param id => 'B4\u001fB12'
// :param name => '金鑫妇委会\u001f东镇妇联'
// :param system => 'women\u001fwomen'
// :param type => 'committee\u001ffederation'
// :param org_id => 'O8\u001f'
// :param region_id => 'R5\u001fR1'
// :param grade => '\u001f'
// :param founded => '2010-03-08\u001f'
// :param dissolved => '\u001f'
WITH split($id, $sep) AS id, split($name, $sep) AS name, split($system, $sep) AS system,
     split($type, $sep) AS type, split($org_id, $sep) AS org_id, split($region_id, $sep) AS region_id,
     split($grade, $sep) AS grade, split($founded, $sep) AS founded, split($dissolved, $sep) AS dissolved
UNWIND range(0, size(id) - 1) AS i
CREATE (b:Body {
  id: id[i], name: nullIf(name[i], ''), system: nullIf(system[i], ''), type: nullIf(type[i], ''),
  org_id: nullIf(org_id[i], ''), region_id: nullIf(region_id[i], ''), grade: nullIf(grade[i], ''),
  founded: date(nullIf(founded[i], '')), dissolved: date(nullIf(dissolved[i], ''))})
SET b:$(coalesce($system_labels[b.system], []))
WITH b
OPTIONAL MATCH (org:Organization {id: b.org_id})
OPTIONAL MATCH (region:Region {id: CASE WHEN b.org_id IS NULL THEN b.region_id END})  // looked up only when needed
WITH b, CASE WHEN b.org_id IS NULL THEN region ELSE org END AS host
WHERE host IS NOT NULL
CREATE (b)-[:BELONGS_TO]->(host)
