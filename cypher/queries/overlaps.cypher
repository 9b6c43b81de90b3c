// overlaps: post overlaps (一人多职) on one day. One row per person holding at least $min_posts
// active posts, with the bodies and systems they are in (sorted, ';'-separated).
// A post (HOLDS) counts when start <= as_of (or empty), end is empty or later, and its body is
// active (founded <= as_of or empty; dissolved empty or later). Two posts in one body count twice.
// Same answers as `orgnet overlaps PATH --as-of …`.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param min_posts => 2

// Only people with at least $min_posts posts of any date can have as many active ones: their
// degree is read from the node, so the posts of everyone else are never expanded.
MATCH (p:Person)
WHERE COUNT { (p)-[:HOLDS]->() } >= $min_posts
MATCH (p)-[h:HOLDS]->(b:Body)
WHERE (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
  AND (b.founded IS NULL OR b.founded <= $as_of) AND (b.dissolved IS NULL OR b.dissolved > $as_of)
WITH p, count(h) AS posts, collect(DISTINCT b.id) AS body_ids, collect(DISTINCT b.system) AS system_names
WHERE posts >= $min_posts
WITH p, posts,
     COLLECT { UNWIND body_ids AS id RETURN id ORDER BY id } AS bodies,
     COLLECT { UNWIND system_names AS s RETURN s ORDER BY s } AS systems
RETURN p.id AS person_id, p.name AS person_name, posts,
       reduce(t = head(bodies), id IN tail(bodies) | t + ';' + id) AS bodies,
       reduce(t = head(systems), s IN tail(systems) | t + ';' + s) AS systems
ORDER BY posts DESC, person_id
