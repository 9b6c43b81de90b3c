// venue_uses: rooms (阵地) and the active bodies using them on as_of (一室多用). A use counts when
// since <= as_of (or empty) and until is empty or later, and the body is active.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')

MATCH (b:Body)-[u:USES]->(v:Venue)
WHERE active(u.since, u.until)
  AND active(b.founded, b.dissolved)
RETURN v.id AS venue_id, v.name AS venue_name, b.id AS body_id, b.system AS system
ORDER BY venue_id, body_id
