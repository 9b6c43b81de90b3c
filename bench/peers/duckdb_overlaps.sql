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
held AS (  -- active posts in active bodies
  SELECT p.person_id, p.body_id, p.role
  FROM read_csv(getvariable('folder') || '/posts.csv', quote = '"', escape = '"',
                types = {'person_id': 'VARCHAR', 'body_id': 'VARCHAR', 'role': 'VARCHAR', 'start': 'VARCHAR',
                         'end': 'VARCHAR'}) p
  SEMI JOIN bodies ON bodies.id = p.body_id
  WHERE (p.start IS NULL OR p.start <= getvariable('day')) AND (p."end" IS NULL OR p."end" > getvariable('day'))),
multi AS (  -- people holding at least 2 of them
  SELECT person_id, count(*) AS posts FROM held GROUP BY person_id HAVING count(*) >= 2),
pairs AS (  -- one row per (person, body): her roles there, sorted and "/"-joined
  SELECT person_id, body_id, array_to_string(list_sort(list_distinct(list(role))), '/') AS roles
  FROM held SEMI JOIN multi USING (person_id) GROUP BY person_id, body_id)
SELECT person_id, person_name, posts,
       array_to_string(list_transform(held, lambda x: x.body_id), ';') AS bodies,
       array_to_string(list_sort(list_distinct(list_transform(held, lambda x: x.system))), ';') AS systems,
       array_to_string(list_transform(held, lambda x: x.body_id), ';') AS body_ids,
       array_to_string(list_transform(held, lambda x: coalesce(x.name, '')), ';') AS body_names,
       array_to_string(list_transform(held, lambda x: coalesce(x.system, '')), ';') AS body_systems,
       array_to_string(list_transform(held, lambda x: x.roles), ';') AS roles,
       array_to_string(list_transform(held, lambda x: coalesce(x.org_id, '')), ';') AS org_ids,
       array_to_string(list_transform(held, lambda x: coalesce(x.org_name, '')), ';') AS org_names
FROM (  -- per person, her bodies in id order
  SELECT p.person_id, people.name AS person_name, any_value(m.posts) AS posts,
         list_sort(list({'body_id': p.body_id, 'name': b.name, 'system': b.system, 'roles': p.roles,
                         'org_id': o.id, 'org_name': o.name})) AS held  -- sorted by body id (first field)
  FROM pairs p
  JOIN multi m ON m.person_id = p.person_id
  JOIN people ON people.id = p.person_id
  JOIN bodies b ON b.id = p.body_id
  LEFT JOIN orgs o ON o.id = b.org_id
  GROUP BY p.person_id, people.name)
ORDER BY posts DESC, person_id
