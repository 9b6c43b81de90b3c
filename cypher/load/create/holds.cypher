// Load HOLDS: person → body, one relationship per post (posts table), with role, start, end and
// key = role + '|' + start ('' when empty), the identity load/relationships/holds.cypher merges on.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param person_id => 'P1'
// :param body_id => 'B8'
// :param role => 'chair'
// :param start => '2010-01-01'
// :param end => ''
WITH split($person_id, $sep) AS person_id, split($body_id, $sep) AS body_id, split($role, $sep) AS role,
     split($start, $sep) AS start, split($end, $sep) AS stop
UNWIND range(0, size(person_id) - 1) AS i
WITH person_id[i] AS person_id, body_id[i] AS body_id, nullIf(role[i], '') AS role,
     date(nullIf(start[i], '')) AS start, date(nullIf(stop[i], '')) AS stop
MATCH (p:Person {id: person_id})
MATCH (b:Body {id: body_id})
CREATE (p)-[:HOLDS {key: role + '|' + coalesce(toString(start), ''), role: role, start: start, `end`: stop}]->(b)
