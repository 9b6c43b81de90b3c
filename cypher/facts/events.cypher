// events: what happened after $start up to and including $end: bodies founded or dissolved, posts
// started or ended (one row per event, with its date, the body it concerns and, for a post, its role).
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param start => date('2012-01-01')
// :param end => date('2012-12-31')

MATCH (b:Body)
UNWIND [['body_founded', b.founded], ['body_dissolved', b.dissolved]] AS change
WITH b, change[0] AS change, change[1] AS day
WHERE day IS NOT NULL AND $start < day <= $end
RETURN change, b.id AS subject_id, b.name AS name, b.region_id AS region_id, b.system + ' ' + b.type AS detail,
       day AS date, b.id AS body_id, '' AS role
UNION ALL
MATCH (p:Person)-[h:HOLDS]->(b:Body)
UNWIND [['post_started', h.start], ['post_ended', h.`end`]] AS change
WITH p, h, b, change[0] AS change, change[1] AS day
WHERE day IS NOT NULL AND $start < day <= $end
RETURN change, p.id AS subject_id, p.name AS name, b.region_id AS region_id, h.role + ' of ' + b.id AS detail,
       day AS date, b.id AS body_id, h.role AS role
