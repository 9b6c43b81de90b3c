// Load PAIRED_WITH: organ unit → demonstration point (pairings table), with since.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param org_id => 'O7'
// :param demo_point_id => 'D1'
// :param since => '2011-03-01'
WITH split($org_id, $sep) AS org_id, split($demo_point_id, $sep) AS demo_point_id, split($since, $sep) AS since
UNWIND range(0, size(org_id) - 1) AS i
WITH org_id[i] AS org_id, demo_point_id[i] AS demo_point_id, date(nullIf(since[i], '')) AS since
MATCH (o:Organization {id: org_id})
MATCH (d:DemoPoint {id: demo_point_id})
CREATE (o)-[:PAIRED_WITH {since: since}]->(d)
