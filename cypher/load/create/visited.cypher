// Load VISITED: person → body, one relationship per visit (visits table), with its date.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param person_id => 'P6'
// :param body_id => 'B4'
// :param date => '2012-03-01'
WITH split($person_id, $sep) AS person_id, split($body_id, $sep) AS body_id, split($date, $sep) AS day
UNWIND range(0, size(person_id) - 1) AS i
WITH person_id[i] AS person_id, body_id[i] AS body_id, date(nullIf(day[i], '')) AS day
MATCH (p:Person {id: person_id})
MATCH (b:Body {id: body_id})
CREATE (p)-[:VISITED {date: day}]->(b)
