// post_load: active posts per person holding any (the charts' distribution of posts per person).
// A post (HOLDS) is held when start <= as_of (or empty) and end is empty or later, and its body is
// active (founded <= as_of or empty; dissolved empty or later).
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')

MATCH (p:Person)-[h:HOLDS]->(b:Body)
WHERE active(h.start, h.`end`)
  AND active(b.founded, b.dissolved)
RETURN p.id AS person_id, count(h) AS posts
ORDER BY person_id
