-- orgnet gaps, as one DuckDB statement over the CSV files (a peer for bench/, not orgnet code).
-- Variables (SET VARIABLE): folder (the dataset folder), day (the as-of date, ISO text).
-- The four coverage rules with orgnet's default thresholds (30 / 1 female staff), then the
-- columns of orgnet's gaps CSV in its order; empty cells are NULLs (written as nothing).
WITH
regions AS (
  SELECT id, name, level, parent_id
  FROM read_csv(getvariable('folder') || '/regions.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'name': 'VARCHAR', 'level': 'VARCHAR', 'parent_id': 'VARCHAR'})),
orgs AS (
  SELECT id, name, region_id, coalesce(two_new IN ('true', 'True', 'TRUE', '1', 'yes', 'Yes', 'YES', 'y', 'Y', 't', 'T', '是'), false) AS two_new, female_staff
  FROM read_csv(getvariable('folder') || '/organizations.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'name': 'VARCHAR', 'region_id': 'VARCHAR', 'two_new': 'VARCHAR',
                         'female_staff': 'BIGINT'})),
bodies AS (  -- active bodies only (dates compared as ISO text; an empty end is open)
  SELECT id, name, system, type, org_id, region_id
  FROM read_csv(getvariable('folder') || '/bodies.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'name': 'VARCHAR', 'system': 'VARCHAR', 'type': 'VARCHAR',
                         'org_id': 'VARCHAR', 'region_id': 'VARCHAR', 'founded': 'VARCHAR', 'dissolved': 'VARCHAR'})
  WHERE (founded IS NULL OR founded <= getvariable('day')) AND (dissolved IS NULL OR dissolved > getvariable('day'))),
posts AS (  -- active posts
  SELECT body_id, role
  FROM read_csv(getvariable('folder') || '/posts.csv', quote = '"', escape = '"',
                types = {'body_id': 'VARCHAR', 'role': 'VARCHAR', 'start': 'VARCHAR', 'end': 'VARCHAR'})
  WHERE (start IS NULL OR start <= getvariable('day')) AND ("end" IS NULL OR "end" > getvariable('day'))),
per_org AS (
  SELECT org_id,
         count(*) FILTER (WHERE system = 'women') AS n_women,
         count(*) FILTER (WHERE system = 'women' AND type IN ('committee', 'work_committee', 'federation')) AS n_committee,
         list_sort(list(id) FILTER (WHERE system = 'party')) AS party_ids
  FROM bodies WHERE org_id IS NOT NULL GROUP BY org_id),
o AS (
  SELECT orgs.*, coalesce(n_women, 0) AS n_women, coalesce(n_committee, 0) AS n_committee, party_ids,
         two_new AND female_staff >= 30 AS big
  FROM orgs LEFT JOIN per_org ON per_org.org_id = orgs.id),
women AS (  -- each women's body with its head role and the head's title
  SELECT *, CASE WHEN type = 'liaison' THEN 'liaison' ELSE 'chair' END AS head,
         CASE type WHEN 'federation' THEN 'women''s federation chair'
                   WHEN 'committee' THEN 'women''s committee chair'
                   WHEN 'work_committee' THEN 'women''s work committee chair'
                   WHEN 'congress' THEN 'women''s congress chair'
                   WHEN 'organ_committee' THEN 'women''s committee chair'
                   WHEN 'liaison' THEN 'women''s work liaison officer'
                   WHEN 'group' THEN 'women''s group head'
                   ELSE 'chair' END AS head_title
  FROM bodies WHERE system = 'women'),
found AS (
  SELECT 0 AS rank, 'committee_required' AS rule, 'work_committee' AS required, id AS org_id, NULL AS body_id,
         NULL AS head_role, NULL AS party_ids, NULL AS detail
  FROM o WHERE big AND n_committee = 0
  UNION ALL
  SELECT 1, 'liaison_required', 'liaison', id, NULL, NULL, NULL, NULL
  FROM o WHERE NOT big AND two_new AND female_staff >= 1 AND n_women = 0
  UNION ALL
  SELECT 2, 'party_without_women', 'any', id, NULL, NULL, party_ids, 'party bodies: ' || array_to_string(party_ids, ';')
  FROM o WHERE len(party_ids) > 0 AND n_women = 0
  UNION ALL
  SELECT 3, 'vacant_head', '', org_id, id, head, NULL, concat(name, ': no active ', head_title)
  FROM women w WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.body_id = w.id AND p.role = w.head)),
township AS (  -- the nearest region at or above each region whose level is a township's
  WITH RECURSIVE walk(region, above, level, parent) AS (
    SELECT id, id, level, parent_id FROM regions
    UNION ALL  -- one step up, until a township's level is reached
    SELECT w.region, p.id, p.level, p.parent_id FROM walk w JOIN regions p ON p.id = w.parent
    WHERE w.level IS DISTINCT FROM 'township' AND w.level IS DISTINCT FROM 'street' AND w.level IS DISTINCT FROM 'park')
  SELECT region, above AS township FROM walk WHERE level IN ('township', 'street', 'park')),
answer AS (
  SELECT f.rank, orgs.id AS org_id, orgs.name AS org_name, coalesce(rb.id, ro.id) AS region_id, f.rule,
         coalesce(f.detail, orgs.female_staff || ' female staff') AS detail, orgs.female_staff,
         nullif(f.required, '') AS required_body_type, b.id AS body_id, b.name AS body_name, b.type AS body_type,
         f.head_role, array_to_string(f.party_ids, ';') AS party_body_ids
  FROM found f
  LEFT JOIN orgs ON orgs.id = f.org_id
  LEFT JOIN bodies b ON b.id = f.body_id
  LEFT JOIN regions rb ON rb.id = b.region_id
  LEFT JOIN regions ro ON ro.id = orgs.region_id)
SELECT a.org_id, a.org_name, a.region_id, a.rule, a.detail, a.female_staff, a.required_body_type, a.body_id,
       a.body_name, a.body_type, a.head_role, a.party_body_ids, r.name AS region_name, t.id AS township_id,
       t.name AS township_name
FROM answer a
LEFT JOIN regions r ON r.id = a.region_id
LEFT JOIN township ON township.region = a.region_id
LEFT JOIN regions t ON t.id = township.township
ORDER BY a.rank, coalesce(a.org_id, ''), coalesce(a.region_id, ''), coalesce(a.body_id, '')
