// Load people (nodes) and WORKS_AT: person → employer organization (none when employer_org_id is
// empty). One row per person. Names are personal data.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param id => 'P1'
// :param name => '王秀英'
// :param gender => 'F'
// :param birth_year => '1975'
// :param education => 'bachelor'
// :param party_member => 'true'
// :param employer_org_id => 'O5'
// :param reserve_cadre => 'false'
WITH split($id, $sep) AS id, split($name, $sep) AS name, split($gender, $sep) AS gender,
     split($birth_year, $sep) AS birth_year, split($education, $sep) AS education,
     split($party_member, $sep) AS party_member, split($employer_org_id, $sep) AS employer_org_id,
     split($reserve_cadre, $sep) AS reserve_cadre
UNWIND range(0, size(id) - 1) AS i
CREATE (p:Person {
  id: id[i], name: nullIf(name[i], ''), gender: nullIf(gender[i], ''),
  birth_year: toInteger(nullIf(birth_year[i], '')), education: nullIf(education[i], ''),
  party_member: CASE party_member[i] WHEN 'true' THEN true WHEN 'false' THEN false END,
  employer_org_id: nullIf(employer_org_id[i], ''),
  reserve_cadre: CASE reserve_cadre[i] WHEN 'true' THEN true WHEN 'false' THEN false END})
WITH p
WHERE p.employer_org_id IS NOT NULL
MATCH (o:Organization {id: p.employer_org_id})
CREATE (p)-[:WORKS_AT]->(o)
