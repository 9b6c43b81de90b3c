// Load demonstration points (nodes) and DEMO_AT: demo point → the organization that is the site,
// with since. One row per demo point.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param id => 'D1'
// :param name => '金鑫机械示范点'
// :param org_id => 'O8'
// :param since => '2011-03-01'
WITH split($id, $sep) AS id, split($name, $sep) AS name, split($org_id, $sep) AS org_id,
     split($since, $sep) AS since
UNWIND range(0, size(id) - 1) AS i
CREATE (d:DemoPoint {id: id[i], name: nullIf(name[i], ''), org_id: nullIf(org_id[i], ''),
                     since: date(nullIf(since[i], ''))})
WITH d
MATCH (o:Organization {id: d.org_id})
CREATE (d)-[:DEMO_AT {since: d.since}]->(o)
