// Load USES: body → the venue (room) it uses (venue_uses table), with since, until and
// key = since ('' when empty), as load/relationships/uses.cypher.
// Fresh load (the loader found no orgnet node in the database): CREATE, no MERGE, no lookups of
// what is already there. Columns come in as parameters, one text per column per batch: the values
// joined by $sep (a character that occurs in none of them), an empty cell as an empty text. Ints,
// booleans and dates are parsed here; the result is the graph the load/*.cypher MERGE statements
// write, property for property (a rerun after a killed load uses those).
// :param sep => '\u001f'
// :param body_id => 'B6'
// :param venue_id => 'V1'
// :param since => '2010-01-01'
// :param until => ''
WITH split($body_id, $sep) AS body_id, split($venue_id, $sep) AS venue_id, split($since, $sep) AS since,
     split($until, $sep) AS until
UNWIND range(0, size(body_id) - 1) AS i
WITH body_id[i] AS body_id, venue_id[i] AS venue_id, date(nullIf(since[i], '')) AS since,
     date(nullIf(until[i], '')) AS until
MATCH (b:Body {id: body_id})
MATCH (v:Venue {id: venue_id})
CREATE (b)-[:USES {key: coalesce(toString(since), ''), since: since, until: until}]->(v)
