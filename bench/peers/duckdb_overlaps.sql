-- orgnet overlaps, as one DuckDB statement over the CSV files (a peer for bench/, not orgnet code).
-- Variables (SET VARIABLE): folder, day (ISO text), lens ('load' when unset: orgnet's default; 'cross',
-- 'all'). People holding at least 2 active posts in active bodies; per body (in id order) its name,
-- system, her roles there ("/"-joined) and host organization. Two of her bodies with one host (the
-- organization, or the region of a region-level body) are tied when a sanctioned cross-appointment
-- (the five records below, as the reports state them) applies to the host and puts one body on its
-- side a and the other on side b (system/type or system/*; one of her roles there, if the side names
-- roles). Her seats are the connected groups of tied bodies (a body tied to none is a seat of its own):
-- extra_posts = seats - 1, sanctioned_posts = her posts in tied bodies. The lens 'load' keeps
-- extra_posts >= 1. Rows: most extra posts, then most posts, then person id.
WITH RECURSIVE
sanctioned(k, rule, a_bodies, a_roles, b_bodies, b_roles, org_kinds, two_new_only, region_levels) AS (
  VALUES (1, 'congress_chair_in_two_committees', ['women/congress'], ['chair'],
          ['party/*', 'admin/villagers_committee'], []::VARCHAR[], ['village'], false, []::VARCHAR[]),
         (2, 'village_two_committees', ['party/*'], []::VARCHAR[],
          ['admin/villagers_committee', 'admin/residents_committee'], []::VARCHAR[], ['village', 'community'], false,
          []::VARCHAR[]),
         (3, 'party_government_team', ['party/*'], []::VARCHAR[], ['admin/team'], []::VARCHAR[],
          ['organ', 'institution'], false, ['township', 'street']),
         (4, 'federation_chair_in_leadership', ['women/federation'], ['chair'], ['party/*', 'admin/team'], []::VARCHAR[],
          []::VARCHAR[], false, ['township', 'street']),
         (5, 'two_new_one_team', ['party/*', 'women/*', 'union/*', 'youth/*'], []::VARCHAR[],
          ['party/*', 'women/*', 'union/*', 'youth/*'], []::VARCHAR[], ['enterprise', 'social_org'], true,
          []::VARCHAR[])),
people AS (
  SELECT id, name FROM read_csv(getvariable('folder') || '/people.csv', quote = '"', escape = '"', types = {'id': 'VARCHAR', 'name': 'VARCHAR'})),
orgs AS (
  SELECT id, name, kind,
         coalesce(two_new IN ('true', 'True', 'TRUE', '1', 'yes', 'Yes', 'YES', 'y', 'Y', 't', 'T', '是'), false) AS two_new
  FROM read_csv(getvariable('folder') || '/organizations.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'name': 'VARCHAR', 'kind': 'VARCHAR', 'two_new': 'VARCHAR'})),
regions AS (
  SELECT id, level FROM read_csv(getvariable('folder') || '/regions.csv', quote = '"', escape = '"',
                                 types = {'id': 'VARCHAR', 'level': 'VARCHAR'})),
bodies AS (  -- active bodies, with their host: the organization, else the region (region-level bodies)
  SELECT b.id, b.name, b.system, b.system || '/' || b.type AS token, b.system || '/*' AS wild, b.org_id,
         CASE WHEN b.org_id IS NOT NULL THEN 'O:' || b.org_id WHEN b.region_id IS NOT NULL THEN 'R:' || b.region_id END AS host,
         o.kind, coalesce(o.two_new, false) AS two_new, CASE WHEN b.org_id IS NULL THEN r.level END AS level
  FROM read_csv(getvariable('folder') || '/bodies.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'name': 'VARCHAR', 'system': 'VARCHAR', 'type': 'VARCHAR', 'org_id': 'VARCHAR',
                         'region_id': 'VARCHAR', 'founded': 'VARCHAR', 'dissolved': 'VARCHAR'}) b
  LEFT JOIN orgs o ON o.id = b.org_id
  LEFT JOIN regions r ON r.id = b.region_id
  WHERE (founded IS NULL OR founded <= getvariable('day')) AND (dissolved IS NULL OR dissolved > getvariable('day'))),
held AS (  -- active posts in active bodies
  SELECT p.person_id, p.body_id, p.role
  FROM read_csv(getvariable('folder') || '/posts.csv', quote = '"', escape = '"',
                types = {'person_id': 'VARCHAR', 'body_id': 'VARCHAR', 'role': 'VARCHAR', 'start': 'VARCHAR',
                         'end': 'VARCHAR'}) p
  SEMI JOIN bodies ON bodies.id = p.body_id
  WHERE (p.start IS NULL OR p.start <= getvariable('day')) AND (p."end" IS NULL OR p."end" > getvariable('day'))),
multi AS (  -- people holding at least 2 of them
  SELECT person_id, count(*) AS posts FROM held GROUP BY person_id HAVING count(*) >= 2),
pairs AS (  -- one row per (person, body): her roles there (sorted) and her posts there
  SELECT person_id, body_id, list_sort(list_distinct(list(role))) AS roles, count(*) AS n
  FROM held SEMI JOIN multi USING (person_id) GROUP BY person_id, body_id),
sides AS (  -- per (person, body) and record applying to the body's host: is the body on side a, on side b
  SELECT p.person_id, p.body_id, b.host, s.k, s.rule,
         (list_contains(s.a_bodies, b.token) OR list_contains(s.a_bodies, b.wild))
           AND (len(s.a_roles) = 0 OR list_has_any(p.roles, s.a_roles)) AS on_a,
         (list_contains(s.b_bodies, b.token) OR list_contains(s.b_bodies, b.wild))
           AND (len(s.b_roles) = 0 OR list_has_any(p.roles, s.b_roles)) AS on_b
  FROM pairs p JOIN bodies b ON b.id = p.body_id
  JOIN sanctioned s ON (list_contains(s.org_kinds, b.kind) AND (b.two_new OR NOT s.two_new_only))
                       OR list_contains(s.region_levels, b.level)),
ties AS (  -- two of her bodies with one host, one on side a and the other on side b of a record
  SELECT x.person_id, x.body_id AS one, y.body_id AS other, x.k, x.rule
  FROM sides x JOIN sides y ON y.person_id = x.person_id AND y.host = x.host AND y.k = x.k AND y.body_id <> x.body_id
  WHERE (x.on_a AND y.on_b) OR (x.on_b AND y.on_a)),
reach(person_id, body_id, other) AS (  -- the bodies each tied body is connected to through ties
  SELECT DISTINCT person_id, one, one FROM ties
  UNION
  SELECT r.person_id, r.body_id, t.other FROM reach r JOIN ties t ON t.person_id = r.person_id AND t.one = r.other),
tied AS (  -- per tied body: its seat (the least body id it is connected to) and the records tying it
  SELECT r.person_id, r.body_id, r.seat, t.rules
  FROM (SELECT person_id, body_id, min(other) AS seat FROM reach GROUP BY ALL) r
  JOIN (SELECT person_id, one AS body_id, list_sort(list(DISTINCT {'k': k, 'rule': rule})) AS rules FROM ties GROUP BY ALL) t
    USING (person_id, body_id)),
per_person AS (  -- per person, her bodies in id order
  SELECT p.person_id, people.name AS person_name, any_value(m.posts) AS posts,
         count(DISTINCT coalesce(t.seat, p.body_id)) - 1 AS extra_posts,
         coalesce(sum(p.n) FILTER (WHERE t.seat IS NOT NULL), 0) AS sanctioned_posts,
         list_transform(list_sort(list_distinct(flatten(list(t.rules) FILTER (WHERE t.rules IS NOT NULL)))),
                        lambda x: x.rule) AS rules,
         list_sort(list({'body_id': p.body_id, 'name': b.name, 'system': b.system,
                         'roles': array_to_string(p.roles, '/'), 'org_id': o.id, 'org_name': o.name,
                         'rules': array_to_string(list_transform(t.rules, lambda x: x.rule), '/'),
                         'tied': t.seat IS NOT NULL})) AS held  -- sorted by body id (first field)
  FROM pairs p
  JOIN multi m ON m.person_id = p.person_id
  JOIN people ON people.id = p.person_id
  JOIN bodies b ON b.id = p.body_id
  LEFT JOIN orgs o ON o.id = b.org_id
  LEFT JOIN tied t ON t.person_id = p.person_id AND t.body_id = p.body_id
  GROUP BY p.person_id, people.name)
SELECT person_id, person_name, posts,
       array_to_string(list_transform(held, lambda x: x.body_id), ';') AS bodies,
       array_to_string(list_sort(list_distinct(list_transform(held, lambda x: x.system))), ';') AS systems,
       array_to_string(list_transform(held, lambda x: x.body_id), ';') AS body_ids,
       array_to_string(list_transform(held, lambda x: coalesce(x.name, '')), ';') AS body_names,
       array_to_string(list_transform(held, lambda x: coalesce(x.system, '')), ';') AS body_systems,
       array_to_string(list_transform(held, lambda x: x.roles), ';') AS roles,
       nullif(array_to_string(list_transform(held, lambda x: coalesce(x.org_id, '')), ';'), '') AS org_ids,
       nullif(array_to_string(list_transform(held, lambda x: coalesce(x.org_name, '')), ';'), '') AS org_names,
       sanctioned_posts, extra_posts,
       nullif(array_to_string(list_transform(held, lambda x: coalesce(x.rules, '')), ';'), '') AS body_rules,
       nullif(array_to_string(rules, ';'), '') AS rules,
       nullif(array_to_string(list_transform(list_filter(held, lambda x: x.tied), lambda x: x.body_id), ';'), '') AS sanctioned_body_ids,
       nullif(array_to_string(list_transform(list_filter(held, lambda x: x.tied), lambda x: coalesce(x.name, '')), ';'), '') AS sanctioned_body_names,
       nullif(array_to_string(list_transform(list_filter(held, lambda x: NOT x.tied), lambda x: x.body_id), ';'), '') AS extra_body_ids,
       nullif(array_to_string(list_transform(list_filter(held, lambda x: NOT x.tied), lambda x: coalesce(x.name, '')), ';'), '') AS extra_body_names
FROM per_person
WHERE CASE coalesce(getvariable('lens'), 'load') WHEN 'load' THEN extra_posts >= 1 WHEN 'cross' THEN sanctioned_posts > 0 ELSE true END
ORDER BY extra_posts DESC, posts DESC, person_id
