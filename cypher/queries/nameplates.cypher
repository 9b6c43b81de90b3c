// nameplates: nameplate overlaps (一套班子几块牌子) on one day. For every organization, every pair of
// its active bodies whose sets of active post holders overlap with a Jaccard similarity
// (shared / union, rounded to 4 decimals) of at least $nameplate_jaccard. Bodies without any
// active holder are left out. body_a has the smaller id.
// `ratio` is the unrounded similarity: orgnet rounds it in Python (round half to even on the
// exact binary value) and checks the threshold again, so on an exact tie at the 5th decimal the
// rounded `jaccard` shown here may be 0.0001 higher than orgnet's.
//
// Each pair's kind:
// - 'lost_own_people': one body's holders all sit in the other, and people left it (a post in it that
//   ended by $as_of, held by someone who holds none there now): lost_body names it (on both, the one
//   more people left; on a tie body_a), people_left counts them;
// - else 'one_team' (一套班子几块牌子 by design): a sanctioned cross-appointment ($sanctioned_patterns,
//   from orgnet.sanctioned, the organization of a kind the pattern names) ties the two bodies for every
//   person they share; `rules` lists those patterns (also given for the other kinds);
// - else 'shared'.
// Same answers as `orgnet nameplates PATH --as-of …`.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param nameplate_jaccard => 0.5
// :param sanctioned_patterns => [{id: 'congress_chair_in_two_committees', a_bodies: ['women/congress'], a_roles: ['chair'], b_bodies: ['party/*', 'admin/villagers_committee'], b_roles: [], org_kinds: ['village'], two_new_only: false, region_levels: []}, {id: 'village_two_committees', a_bodies: ['party/*'], a_roles: [], b_bodies: ['admin/villagers_committee', 'admin/residents_committee'], b_roles: [], org_kinds: ['village', 'community'], two_new_only: false, region_levels: []}, {id: 'party_government_team', a_bodies: ['party/*'], a_roles: [], b_bodies: ['admin/team'], b_roles: [], org_kinds: ['organ', 'institution'], two_new_only: false, region_levels: ['township', 'street']}, {id: 'federation_chair_in_leadership', a_bodies: ['women/federation'], a_roles: ['chair'], b_bodies: ['party/*', 'admin/team'], b_roles: [], org_kinds: [], two_new_only: false, region_levels: ['township', 'street']}, {id: 'two_new_one_team', a_bodies: ['party/*', 'women/*', 'union/*', 'youth/*'], a_roles: [], b_bodies: ['party/*', 'women/*', 'union/*', 'youth/*'], b_roles: [], org_kinds: ['enterprise', 'social_org'], two_new_only: true, region_levels: []}]

// Only organizations with two or more active bodies can have a pair: their bodies are grouped
// first, so the posts of the (many) one-body organizations are never expanded.
MATCH (b:Body)-[:BELONGS_TO]->(o:Organization)
WHERE active(b.founded, b.dissolved)
WITH o, collect(b) AS bodies
WHERE size(bodies) > 1
UNWIND bodies AS b
MATCH (p:Person)-[h:HOLDS]->(b)
WHERE active(h.start, h.`end`)
// per holder: on which side of each pattern her roles in this body put her
WITH o, b, p, collect(h.role) AS roles
WITH o, b, collect(p) AS holders, collect({p: p,
       a: [pat IN $sanctioned_patterns | (b.system + '/' + b.type IN pat.a_bodies OR b.system + '/*' IN pat.a_bodies)
                                         AND (size(pat.a_roles) = 0 OR any(r IN roles WHERE r IN pat.a_roles))],
       z: [pat IN $sanctioned_patterns | (b.system + '/' + b.type IN pat.b_bodies OR b.system + '/*' IN pat.b_bodies)
                                         AND (size(pat.b_roles) = 0 OR any(r IN roles WHERE r IN pat.b_roles))]}) AS held
WITH o, b, holders, held,
     size(COLLECT { MATCH (q:Person)-[g:HOLDS]->(b) WHERE g.`end` <= $as_of AND NOT q IN holders RETURN DISTINCT q }) AS gone
WITH o, collect({body: b, id: b.id, holders: holders, held: held, gone: gone}) AS held
WHERE size(held) > 1
UNWIND held AS x
UNWIND held AS y
WITH o, x, y
WHERE x.id < y.id
WITH o, x, y, [p IN x.holders WHERE p IN y.holders] AS common
WITH o, x, y, common, size(common) AS shared, size(x.holders) + size(y.holders) AS both
WITH o, x, y, common, shared, toFloat(shared) / (both - shared) AS ratio
WHERE shared > 0 AND round(ratio, 4) >= $nameplate_jaccard
// the patterns tying the pair for every shared person
WITH o, x, y, shared, ratio,
     [c IN common | {x: head([h IN x.held WHERE h.p = c]), y: head([h IN y.held WHERE h.p = c])}] AS pairs
WITH o, x, y, shared, ratio, [k IN range(0, size($sanctioned_patterns) - 1)
       WHERE o.kind IN $sanctioned_patterns[k].org_kinds AND (coalesce(o.two_new, false) OR NOT $sanctioned_patterns[k].two_new_only)
         AND all(q IN pairs WHERE (q.x.a[k] AND q.y.z[k]) OR (q.x.z[k] AND q.y.a[k])) | $sanctioned_patterns[k].id] AS rules,
     size(x.holders) = shared AND x.gone > 0 AS lost_a, size(y.holders) = shared AND y.gone > 0 AS lost_b
WITH o, x, y, shared, ratio, rules,
     CASE WHEN lost_a AND (NOT lost_b OR x.gone >= y.gone) THEN x WHEN lost_b THEN y END AS lost
RETURN o.id AS org_id, o.name AS org_name, x.id AS body_a, y.id AS body_b, x.body.system AS system_a,
       y.body.system AS system_b, shared, round(ratio, 4) AS jaccard, ratio,
       CASE WHEN lost IS NOT NULL THEN 'lost_own_people' WHEN size(rules) > 0 THEN 'one_team' ELSE 'shared' END AS kind,
       rules, coalesce(lost.id, '') AS lost_body, coalesce(lost.gone, 0) AS people_left
ORDER BY jaccard DESC, org_id, body_a, body_b
