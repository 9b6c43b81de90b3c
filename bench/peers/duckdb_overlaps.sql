-- orgnet overlaps, as one DuckDB statement over the CSV files (a peer for bench/, not orgnet code).
-- Variables (SET VARIABLE): folder, day (ISO text). People holding at least 2 active posts in active
-- bodies; per body (in id order) its name, system, her roles there ("/"-joined) and host organization.
WITH
people AS (
  SELECT id, name FROM read_csv(getvariable('folder') || '/people.csv', quote = '"', escape = '"', types = {'id': 'VARCHAR', 'name': 'VARCHAR'})),
orgs AS (
  SELECT id, name
  FROM read_csv(getvariable('folder') || '/organizations.csv', quote = '"', escape = '"', types = {'id': 'VARCHAR', 'name': 'VARCHAR'})),
bodies AS (  -- active bodies
  SELECT id, name, system, org_id
  FROM read_csv(getvariable('folder') || '/bodies.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'name': 'VARCHAR', 'system': 'VARCHAR', 'org_id': 'VARCHAR',
                         'founded': 'VARCHAR', 'dissolved': 'VARCHAR'})
  WHERE (founded IS NULL OR founded <= getvariable('day')) AND (dissolved IS NULL OR dissolved > getvariable('day'))),
held AS (  -- active posts in active bodies, with how many each person holds
  SELECT p.person_id, p.body_id, p.role, count(*) OVER (PARTITION BY p.person_id) AS posts
  FROM read_csv(getvariable('folder') || '/posts.csv', quote = '"', escape = '"',
                types = {'person_id': 'VARCHAR', 'body_id': 'VARCHAR', 'role': 'VARCHAR', 'start': 'VARCHAR',
                         'end': 'VARCHAR'}) p
  SEMI JOIN bodies ON bodies.id = p.body_id
  WHERE (p.start IS NULL OR p.start <= getvariable('day')) AND (p."end" IS NULL OR p."end" > getvariable('day'))),
pairs AS (  -- one row per (person, body): her roles there, sorted and "/"-joined
  SELECT person_id, body_id, any_value(posts) AS posts,
         array_to_string(list_sort(list_distinct(list(role))), '/') AS roles
  FROM held WHERE posts >= 2 GROUP BY person_id, body_id)
SELECT p.person_id, people.name AS person_name, any_value(p.posts) AS posts,
       string_agg(p.body_id, ';' ORDER BY p.body_id) AS bodies,
       array_to_string(list_sort(list_distinct(list(b.system))), ';') AS systems,
       string_agg(p.body_id, ';' ORDER BY p.body_id) AS body_ids,
       string_agg(coalesce(b.name, ''), ';' ORDER BY p.body_id) AS body_names,
       string_agg(coalesce(b.system, ''), ';' ORDER BY p.body_id) AS body_systems,
       string_agg(p.roles, ';' ORDER BY p.body_id) AS roles,
       string_agg(coalesce(o.id, ''), ';' ORDER BY p.body_id) AS org_ids,
       string_agg(coalesce(o.name, ''), ';' ORDER BY p.body_id) AS org_names
FROM pairs p
JOIN people ON people.id = p.person_id
JOIN bodies b ON b.id = p.body_id
LEFT JOIN orgs o ON o.id = b.org_id
GROUP BY p.person_id, people.name
ORDER BY posts DESC, p.person_id
