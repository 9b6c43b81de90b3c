// overlaps: post overlaps (一人多职) on one day, through a lens. One row per person holding at least
// $min_posts active posts, with the bodies and systems they are in (sorted, ';'-separated), then lists
// aligned with the bodies in id order: body_ids, body_names, body_systems, roles (hers in that body,
// '/'-joined), org_ids, org_names (the host organization; '' for a region-level body), body_rules (the
// sanctioned cross-appointments tying that body to another of hers, '/'-joined, '' for none).
// A post (HOLDS) counts when start <= as_of (or empty), end is empty or later, and its body is
// active (founded <= as_of or empty; dissolved empty or later). Two posts in one body count twice.
//
// Sanctioned cross-appointments ($sanctioned_patterns, from orgnet.sanctioned: the posts the reports
// require or endorse together): two of her bodies with the same host (BELONGS_TO the same organization
// or region), the host of a kind the pattern names (org_kinds, two_new_only; region_levels), one body on
// side a (system/type or system/* in a_bodies, one of her roles there in a_roles unless it is empty)
// and the other on side b, are tied. Her seats are the groups of tied bodies (a body tied to none is a
// seat of its own); extra_posts = seats - 1; sanctioned_posts = her posts in tied bodies.
// Lens ($overlap_lens): 'load' keeps extra_posts >= $min_extra_posts, 'cross' keeps sanctioned_posts > 0,
// 'all' keeps everyone. Same answers as `orgnet overlaps PATH --as-of … --lens …`.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param min_posts => 2
// :param min_extra_posts => 1
// :param overlap_lens => 'load'
// :param sanctioned_patterns => [{id: 'congress_chair_in_two_committees', a_bodies: ['women/congress'], a_roles: ['chair'], b_bodies: ['party/*', 'admin/villagers_committee'], b_roles: [], org_kinds: ['village'], two_new_only: false, region_levels: []}, {id: 'village_two_committees', a_bodies: ['party/*'], a_roles: [], b_bodies: ['admin/villagers_committee', 'admin/residents_committee'], b_roles: [], org_kinds: ['village', 'community'], two_new_only: false, region_levels: []}, {id: 'party_government_team', a_bodies: ['party/*'], a_roles: [], b_bodies: ['admin/team'], b_roles: [], org_kinds: ['organ', 'institution'], two_new_only: false, region_levels: ['township', 'street']}, {id: 'federation_chair_in_leadership', a_bodies: ['women/federation'], a_roles: ['chair'], b_bodies: ['party/*', 'admin/team'], b_roles: [], org_kinds: [], two_new_only: false, region_levels: ['township', 'street']}, {id: 'two_new_one_team', a_bodies: ['party/*', 'women/*', 'union/*', 'youth/*'], a_roles: [], b_bodies: ['party/*', 'women/*', 'union/*', 'youth/*'], b_roles: [], org_kinds: ['enterprise', 'social_org'], two_new_only: true, region_levels: []}]

// Only people with at least $min_posts posts of any date can have as many active ones: their
// degree is read from the node, so the posts of everyone else are never expanded.
MATCH (p:Person)
WHERE COUNT { (p)-[:HOLDS]->() } >= $min_posts
MATCH (p)-[h:HOLDS]->(b:Body)
WHERE active(h.start, h.`end`) AND active(b.founded, b.dissolved)
WITH p, count(h) AS posts, collect({body: b, role: h.role}) AS held
WHERE posts >= $min_posts
// per body (in id order): its name, host, her role(s) and posts in it
WITH p, posts, COLLECT {
       UNWIND held AS x
       WITH x.body AS b, x.role AS role ORDER BY role
       WITH b, collect(DISTINCT role) AS roles, count(*) AS n
       OPTIONAL MATCH (b)-[:BELONGS_TO]->(host)
       WITH b, roles, n, host, host:Organization AS in_org
       RETURN {id: b.id, name: b.name, system: b.system, type: b.type, roles: roles, n: n,
               org_id: CASE WHEN in_org THEN host.id ELSE '' END, org_name: CASE WHEN in_org THEN host.name ELSE '' END,
               host: CASE WHEN in_org THEN 'O:' + host.id WHEN host IS NOT NULL THEN 'R:' + host.id END,
               kind: CASE WHEN in_org THEN host.kind END, two_new: coalesce(in_org AND host.two_new, false),
               level: CASE WHEN host:Region THEN host.level END} AS body ORDER BY body.id
     } AS bodies
// per body and pattern: on side a, on side b, host where the pattern applies
WITH p, posts, [b IN bodies | b {.*,
       a: [pat IN $sanctioned_patterns | (b.system + '/' + b.type IN pat.a_bodies OR b.system + '/*' IN pat.a_bodies)
                                         AND (size(pat.a_roles) = 0 OR any(r IN b.roles WHERE r IN pat.a_roles))],
       z: [pat IN $sanctioned_patterns | (b.system + '/' + b.type IN pat.b_bodies OR b.system + '/*' IN pat.b_bodies)
                                         AND (size(pat.b_roles) = 0 OR any(r IN b.roles WHERE r IN pat.b_roles))],
       w: [pat IN $sanctioned_patterns | coalesce(b.kind IN pat.org_kinds AND (b.two_new OR NOT pat.two_new_only), false)
                                         OR coalesce(b.level IN pat.region_levels, false)]}] AS bodies,
     range(0, size(bodies) - 1) AS ix, range(0, size($sanctioned_patterns) - 1) AS kx
// ties: pairs of her bodies with one host, and the patterns tying them
WITH p, posts, bodies, ix, kx, [e IN reduce(acc = [], i IN ix | acc + [j IN ix WHERE j > i AND bodies[i].host = bodies[j].host |
       {i: i, j: j, rules: [k IN kx WHERE bodies[i].w[k] AND ((bodies[i].a[k] AND bodies[j].z[k]) OR (bodies[i].z[k] AND bodies[j].a[k]))]}])
       WHERE size(e.rules) > 0] AS ties
// seats: each tie merges two groups (every body of the higher label takes the lower one)
WITH p, posts, bodies, ix, kx, ties, reduce(l = ix, e IN ties | CASE
       WHEN l[e.i] < l[e.j] THEN [k IN ix | CASE WHEN l[k] = l[e.j] THEN l[e.i] ELSE l[k] END]
       WHEN l[e.j] < l[e.i] THEN [k IN ix | CASE WHEN l[k] = l[e.i] THEN l[e.j] ELSE l[k] END]
       ELSE l END) AS seat
WITH p, posts, bodies, ix, size([k IN ix WHERE seat[k] = k]) - 1 AS extra_posts,
     [t IN ix | [k IN kx WHERE any(e IN ties WHERE (e.i = t OR e.j = t) AND k IN e.rules) | $sanctioned_patterns[k].id]] AS tied_by
WITH p, posts, bodies, ix, extra_posts, tied_by,
     reduce(s = 0, t IN ix | s + CASE WHEN size(tied_by[t]) > 0 THEN bodies[t].n ELSE 0 END) AS sanctioned_posts
WHERE CASE $overlap_lens WHEN 'load' THEN extra_posts >= $min_extra_posts WHEN 'cross' THEN sanctioned_posts > 0 ELSE true END
WITH p, posts, bodies, ix, extra_posts, tied_by, sanctioned_posts,
     COLLECT { UNWIND bodies AS b RETURN DISTINCT b.system AS s ORDER BY s } AS systems
RETURN p.id AS person_id, p.name AS person_name, posts,
       reduce(t = head(bodies).id, b IN tail(bodies) | t + ';' + b.id) AS bodies,
       reduce(t = head(systems), s IN tail(systems) | t + ';' + s) AS systems,
       [b IN bodies | b.id] AS body_ids, [b IN bodies | b.name] AS body_names,
       [b IN bodies | b.system] AS body_systems,
       [b IN bodies | reduce(s = head(b.roles), r IN tail(b.roles) | s + '/' + r)] AS roles,
       [b IN bodies | b.org_id] AS org_ids, [b IN bodies | b.org_name] AS org_names,
       sanctioned_posts, extra_posts,
       [t IN ix | reduce(s = '', r IN tied_by[t] | s + CASE WHEN s = '' THEN '' ELSE '/' END + r)] AS body_rules,
       [pat IN $sanctioned_patterns WHERE any(t IN ix WHERE pat.id IN tied_by[t]) | pat.id] AS rules,
       [t IN ix WHERE size(tied_by[t]) > 0 | bodies[t].id] AS sanctioned_body_ids,
       [t IN ix WHERE size(tied_by[t]) > 0 | bodies[t].name] AS sanctioned_body_names,
       [t IN ix WHERE size(tied_by[t]) = 0 | bodies[t].id] AS extra_body_ids,
       [t IN ix WHERE size(tied_by[t]) = 0 | bodies[t].name] AS extra_body_names
ORDER BY extra_posts DESC, posts DESC, person_id
