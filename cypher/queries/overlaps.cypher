// overlaps: post overlaps (一人多职) on one day. One row per person holding at least $min_posts
// active posts, with the bodies and systems they are in (sorted, ';'-separated), then lists aligned
// with the bodies in id order: body_ids, body_names, body_systems, roles (hers in that body, '/'-joined), org_ids,
// org_names (the host organization; '' for a region-level body).
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
WHERE active(h.start, h.`end`) AND active(b.founded, b.dissolved)
WITH p, count(h) AS posts, collect({body: b, role: h.role}) AS held
WHERE posts >= $min_posts
// per body (in id order): its name, host organization and her role(s) in it, '/'-joined
WITH p, posts, COLLECT {
       UNWIND held AS x
       WITH x.body AS b, x.role AS role ORDER BY role
       WITH b, collect(DISTINCT role) AS roles
       OPTIONAL MATCH (b)-[:BELONGS_TO]->(o:Organization)
       RETURN {id: b.id, name: b.name, system: b.system, org_id: coalesce(o.id, ''), org_name: coalesce(o.name, ''),
               roles: reduce(s = head(roles), r IN tail(roles) | s + '/' + r)} AS body ORDER BY body.id
     } AS bodies
WITH p, posts, bodies, COLLECT { UNWIND bodies AS b RETURN DISTINCT b.system AS s ORDER BY s } AS systems
RETURN p.id AS person_id, p.name AS person_name, posts,
       reduce(t = head(bodies).id, b IN tail(bodies) | t + ';' + b.id) AS bodies,
       reduce(t = head(systems), s IN tail(systems) | t + ';' + s) AS systems,
       [b IN bodies | b.id] AS body_ids, [b IN bodies | b.name] AS body_names,
       [b IN bodies | b.system] AS body_systems, [b IN bodies | b.roles] AS roles,
       [b IN bodies | b.org_id] AS org_ids, [b IN bodies | b.org_name] AS org_names
ORDER BY posts DESC, person_id
