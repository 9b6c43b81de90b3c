// Load organizations (nodes) and LOCATED_IN (organization → its region), one row per organization.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param id => 'O1'
// :param name => '华美服装厂'
// :param kind => 'enterprise'
// :param region_id => 'R5'
// :param two_new => 'true'
// :param female_staff => '45'
// :param total_staff => '80'
// :param business_stable => 'true'
// :param workforce_stable => ''
WITH split($id, $sep) AS id, split($name, $sep) AS name, split($kind, $sep) AS kind,
     split($region_id, $sep) AS region_id, split($two_new, $sep) AS two_new,
     split($female_staff, $sep) AS female_staff, split($total_staff, $sep) AS total_staff,
     split($business_stable, $sep) AS business_stable, split($workforce_stable, $sep) AS workforce_stable
UNWIND range(0, size(id) - 1) AS i
CREATE (o:Organization {
  id: id[i], name: nullIf(name[i], ''), kind: nullIf(kind[i], ''), region_id: nullIf(region_id[i], ''),
  two_new: CASE two_new[i] WHEN 'true' THEN true WHEN 'false' THEN false END,
  female_staff: toInteger(nullIf(female_staff[i], '')), total_staff: toInteger(nullIf(total_staff[i], '')),
  business_stable: CASE business_stable[i] WHEN 'true' THEN true WHEN 'false' THEN false END,
  workforce_stable: CASE workforce_stable[i] WHEN 'true' THEN true WHEN 'false' THEN false END})
WITH o
MATCH (region:Region {id: o.region_id})
CREATE (o)-[:LOCATED_IN]->(region)
