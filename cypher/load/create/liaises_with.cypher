// Load LIAISES_WITH: federation executive → the women's body she is linked to (liaisons table),
// with since, until and key = since ('' when empty), as load/relationships/liaises_with.cypher.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param person_id => 'P6'
// :param body_id => 'B4'
// :param since => '2011-01-01'
// :param until => ''
WITH split($person_id, $sep) AS person_id, split($body_id, $sep) AS body_id, split($since, $sep) AS since,
     split($until, $sep) AS until
UNWIND range(0, size(person_id) - 1) AS i
WITH person_id[i] AS person_id, body_id[i] AS body_id, date(nullIf(since[i], '')) AS since,
     date(nullIf(until[i], '')) AS until
MATCH (p:Person {id: person_id})
MATCH (b:Body {id: body_id})
CREATE (p)-[:LIAISES_WITH {key: coalesce(toString(since), ''), since: since, until: until}]->(b)
