// nameplates: nameplate overlaps (一套班子几块牌子) on one day. For every organization, every pair of
// its active bodies whose sets of active post holders overlap with a Jaccard similarity
// (shared / union, rounded to 4 decimals) of at least $nameplate_jaccard. Bodies without any
// active holder are left out. body_a has the smaller id.
// `ratio` is the unrounded similarity: orgnet rounds it in Python (round half to even on the
// exact binary value) and checks the threshold again, so on an exact tie at the 5th decimal the
// rounded `jaccard` shown here may be 0.0001 higher than orgnet's.
// Same answers as `orgnet nameplates PATH --as-of …`.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param nameplate_jaccard => 0.5

// Only organizations with two or more active bodies can have a pair: their bodies are grouped
// first, so the posts of the (many) one-body organizations are never expanded.
MATCH (b:Body)-[:BELONGS_TO]->(o:Organization)
WHERE active(b.founded, b.dissolved)
WITH o, collect(b) AS bodies
WHERE size(bodies) > 1
UNWIND bodies AS b
MATCH (p:Person)-[h:HOLDS]->(b)
WHERE active(h.start, h.`end`)
WITH o, b, collect(DISTINCT p) AS holders
WITH o, collect({body: b, id: b.id, holders: holders}) AS held
WHERE size(held) > 1
UNWIND held AS x
UNWIND held AS y
WITH o, x, y
WHERE x.id < y.id
WITH o, x.body AS a, y.body AS b, size([p IN x.holders WHERE p IN y.holders]) AS shared,
     size(x.holders) + size(y.holders) AS both
WITH o, a, b, shared, toFloat(shared) / (both - shared) AS ratio
WHERE shared > 0 AND round(ratio, 4) >= $nameplate_jaccard
RETURN o.id AS org_id, o.name AS org_name, a.id AS body_a, b.id AS body_b, a.system AS system_a, b.system AS system_b,
       shared, round(ratio, 4) AS jaccard, ratio
ORDER BY jaccard DESC, org_id, body_a, body_b
