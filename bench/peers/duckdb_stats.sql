-- orgnet stats --all-regions, as one DuckDB statement over the CSV files (a peer for bench/, not
-- orgnet code). Variables (SET VARIABLE): folder, day (ISO text). The 27 report figures for every
-- region of a stats level (county, district, township, street, park), each counted over the region
-- and every region below it, as docs/FIGURES.md defines them; people are counted once per region
-- however many posts they hold. Values: counts as written, shares in percent and the average age
-- to one decimal, rounded half up from the exact integers. Each row ends with the region's township:
-- the nearest region at or above it whose level is a township's (township, street, park), empty
-- where there is none (a county).
WITH
regions AS (
  SELECT id, name, level, parent_id
  FROM read_csv(getvariable('folder') || '/regions.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'name': 'VARCHAR', 'level': 'VARCHAR', 'parent_id': 'VARCHAR'})),
up AS (  -- (region, a stats region at or above it)
  WITH RECURSIVE up(region, ancestor, level, parent) AS (
    SELECT id, id, level, parent_id FROM regions
    UNION ALL
    SELECT up.region, p.id, p.level, p.parent_id FROM up JOIN regions p ON p.id = up.parent)
  SELECT region, ancestor FROM up WHERE level IN ('county', 'district', 'township', 'street', 'park')),
township AS (  -- the nearest region at or above each region whose level is a township's
  WITH RECURSIVE walk(region, above, level, parent) AS (
    SELECT id, id, level, parent_id FROM regions
    UNION ALL  -- one step up, until a township's level is reached
    SELECT w.region, p.id, p.level, p.parent_id FROM walk w JOIN regions p ON p.id = w.parent
    WHERE w.level IS DISTINCT FROM 'township' AND w.level IS DISTINCT FROM 'street' AND w.level IS DISTINCT FROM 'park')
  SELECT region, above AS township FROM walk WHERE level IN ('township', 'street', 'park')),
orgs AS (
  SELECT id, kind, region_id AS region, coalesce(two_new IN ('true', 'True', 'TRUE', '1', 'yes', 'Yes', 'YES', 'y', 'Y', 't', 'T', '是'), false) AS two_new, female_staff
  FROM read_csv(getvariable('folder') || '/organizations.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'kind': 'VARCHAR', 'region_id': 'VARCHAR', 'two_new': 'VARCHAR',
                         'female_staff': 'BIGINT'})),
bodies AS (  -- active bodies: where they are (their own region, else their host's), the host's kind
  SELECT b.id, b.system, b.type, o.id IS NOT NULL AS hosted, o.kind AS host_kind, o.id AS org_id,
         coalesce(r.id, o.region) AS region, coalesce(r.level, ro.level) AS region_level,
         b.system = 'women' AS women
  FROM read_csv(getvariable('folder') || '/bodies.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'system': 'VARCHAR', 'type': 'VARCHAR', 'org_id': 'VARCHAR',
                         'region_id': 'VARCHAR', 'founded': 'VARCHAR', 'dissolved': 'VARCHAR'}) b
  LEFT JOIN orgs o ON o.id = b.org_id
  LEFT JOIN regions r ON r.id = b.region_id
  LEFT JOIN regions ro ON ro.id = o.region
  WHERE (b.founded IS NULL OR b.founded <= getvariable('day'))
    AND (b.dissolved IS NULL OR b.dissolved > getvariable('day'))),
people AS (
  SELECT id, gender IN ('F', '女') AS female, birth_year, education
  FROM read_csv(getvariable('folder') || '/people.csv', quote = '"', escape = '"',
                types = {'id': 'VARCHAR', 'gender': 'VARCHAR', 'birth_year': 'BIGINT', 'education': 'VARCHAR'})),
held AS (  -- active posts in active bodies
  SELECT p.person_id, p.role, b.*
  FROM read_csv(getvariable('folder') || '/posts.csv', quote = '"', escape = '"',
                types = {'person_id': 'VARCHAR', 'body_id': 'VARCHAR', 'role': 'VARCHAR', 'start': 'VARCHAR',
                         'end': 'VARCHAR'}) p
  JOIN bodies b ON b.id = p.body_id
  SEMI JOIN people ON people.id = p.person_id
  WHERE (p.start IS NULL OR p.start <= getvariable('day')) AND (p."end" IS NULL OR p."end" > getvariable('day'))),
org_women AS (  -- organizations with an active women's body: an organization (not a liaison officer), a committee
  SELECT org_id, bool_or(type <> 'liaison') AS organization,
         bool_or(type IN ('committee', 'work_committee', 'federation')) AS committee
  FROM bodies WHERE women AND hosted GROUP BY org_id),
o AS (
  SELECT orgs.*, w.org_id IS NOT NULL AS work_covered, coalesce(w.organization, false) AS covered,
         coalesce(w.committee, false) AS committee,
         orgs.two_new AND orgs.female_staff >= 30 AS big
  FROM orgs LEFT JOIN org_women w ON w.org_id = orgs.id),
chairs AS (  -- chairs of village women's congresses
  SELECT DISTINCT id AS body, region, person_id, org_id FROM held
  WHERE women AND type = 'congress' AND host_kind = 'village' AND role = 'chair'),
seats AS (  -- posts in a village's party body or villagers' committee
  SELECT DISTINCT person_id, org_id FROM held
  WHERE hosted AND (system = 'party' OR type = 'villagers_committee')),
located AS (  -- (figure, region, counts towards the numerator, towards the denominator)
  SELECT 'townships' AS figure, id AS region, 1 AS n, 0 AS d FROM regions WHERE level = 'township'
  UNION ALL SELECT 'streets', id, 1, 0 FROM regions WHERE level = 'street'
  UNION ALL SELECT 'two_new_orgs', region, 1, 0 FROM o WHERE two_new
  UNION ALL SELECT 'two_new_coverage', region, covered::INT, 1 FROM o WHERE two_new
  UNION ALL SELECT 'two_new_work_coverage', region, work_covered::INT, 1 FROM o WHERE two_new
  UNION ALL SELECT 'two_new_30plus', region, 1, 0 FROM o WHERE big
  UNION ALL SELECT 'two_new_30plus_committee', region, committee::INT, 1 FROM o WHERE big
  UNION ALL SELECT 'women_bodies.' || type, region, 1, 0 FROM bodies
    WHERE women AND type IN ('federation', 'committee', 'work_committee', 'congress', 'organ_committee', 'liaison')
  UNION ALL SELECT 'liaison_officers', region, 1, 0 FROM bodies WHERE women AND type = 'liaison'
  UNION ALL SELECT 'federations.township_street', region, 1, 0 FROM bodies
    WHERE women AND type = 'federation' AND NOT hosted AND region_level IN ('township', 'street')
  UNION ALL SELECT 'federations.community', region, 1, 0 FROM bodies
    WHERE women AND type = 'federation' AND (host_kind = 'community' OR (NOT hosted AND region_level = 'community'))
  UNION ALL SELECT 'enterprise_women_committees', region, 1, 0 FROM bodies
    WHERE women AND host_kind = 'enterprise' AND type IN ('committee', 'work_committee')
  UNION ALL SELECT 'organ_institution_women_bodies', region, 1, 0 FROM bodies
    WHERE women AND host_kind IN ('organ', 'institution')
  UNION ALL SELECT 'congress_chairs_in_two_committees', region, max(s.person_id IS NOT NULL)::INT, 1
    FROM chairs c LEFT JOIN seats s USING (person_id, org_id) GROUP BY c.body, c.region
  UNION ALL SELECT 'demo_points', o.region, 1, 0
    FROM read_csv(getvariable('folder') || '/demo_points.csv', quote = '"', escape = '"', types = {'org_id': 'VARCHAR', 'since': 'VARCHAR'}) d
    JOIN orgs o ON o.id = d.org_id WHERE d.since IS NULL OR d.since <= getvariable('day')),
counted AS (
  SELECT up.ancestor AS region, figure, sum(n) AS n, sum(d) AS d FROM located JOIN up USING (region) GROUP BY ALL),
seen AS (  -- (group, stats region, person) counted once: village / community cadres (posts in the
           -- two committees: the party body, the villagers' or residents' committee), federation
           -- cadres (posts other than executive in region-level federations of the cadre levels)
  SELECT DISTINCT g.kind, up.ancestor AS region, g.person_id
  FROM (SELECT host_kind AS kind, region, person_id FROM held
        WHERE host_kind IN ('village', 'community')
          AND (system = 'party' OR type IN ('villagers_committee', 'residents_committee'))
        UNION ALL
        SELECT 'cadre', region, person_id FROM held
        WHERE women AND type = 'federation' AND NOT hosted AND region_level IN ('county', 'district', 'township', 'street')
          AND role IS DISTINCT FROM 'executive'
       ) g JOIN up USING (region)),
by_person AS (
  SELECT s.region, s.kind, count(*) AS people, count(*) FILTER (WHERE p.female) AS women,
         count(p.birth_year) AS aged, sum(year(getvariable('day')::DATE) - p.birth_year) AS ages,
         count(*) FILTER (WHERE p.education = 'college') AS college,
         count(*) FILTER (WHERE p.education = 'bachelor') AS bachelor,
         count(*) FILTER (WHERE p.education = 'postgraduate') AS postgraduate
  FROM seen s JOIN people p ON p.id = s.person_id GROUP BY ALL),
results AS (
  SELECT region, figure, n, d FROM counted
  UNION ALL SELECT region, kind || '_women_share', women, people FROM by_person WHERE kind <> 'cadre'
  UNION ALL SELECT region, 'federation_cadres', people, 0 FROM by_person WHERE kind = 'cadre'
  UNION ALL SELECT region, 'federation_cadres_avg_age', coalesce(ages, 0), aged FROM by_person WHERE kind = 'cadre'
  UNION ALL SELECT region, 'federation_cadres.college', college, 0 FROM by_person WHERE kind = 'cadre'
  UNION ALL SELECT region, 'federation_cadres.bachelor', bachelor, 0 FROM by_person WHERE kind = 'cadre'
  UNION ALL SELECT region, 'federation_cadres.postgraduate', postgraduate, 0 FROM by_person WHERE kind = 'cadre'),
figures(rank, figure, unit) AS (VALUES
  (1, 'townships', 'count'), (2, 'streets', 'count'), (3, 'two_new_orgs', 'count'), (4, 'two_new_30plus', 'count'),
  (5, 'two_new_30plus_committee', 'percent'), (6, 'two_new_coverage', 'percent'),
  (7, 'two_new_work_coverage', 'percent'), (8, 'liaison_officers', 'count'),
  (9, 'women_bodies.federation', 'count'), (10, 'women_bodies.committee', 'count'),
  (11, 'women_bodies.work_committee', 'count'), (12, 'women_bodies.congress', 'count'),
  (13, 'women_bodies.organ_committee', 'count'), (14, 'women_bodies.liaison', 'count'),
  (15, 'federations.township_street', 'count'), (16, 'federations.community', 'count'),
  (17, 'enterprise_women_committees', 'count'), (18, 'organ_institution_women_bodies', 'count'),
  (19, 'village_women_share', 'percent'), (20, 'community_women_share', 'percent'),
  (21, 'congress_chairs_in_two_committees', 'percent'), (22, 'federation_cadres', 'count'),
  (23, 'federation_cadres_avg_age', 'years'), (24, 'federation_cadres.college', 'count'),
  (25, 'federation_cadres.bachelor', 'count'), (26, 'federation_cadres.postgraduate', 'count'),
  (27, 'demo_points', 'count')),
answer AS (
  SELECT s.id AS region_id, s.name AS region_name, s.level, f.rank, f.figure, f.unit,
         coalesce(r.n, 0)::BIGINT AS numerator,
         CASE WHEN f.unit <> 'count' THEN coalesce(r.d, 0)::BIGINT END AS denominator
  FROM regions s CROSS JOIN figures f
  LEFT JOIN results r ON r.region = s.id AND r.figure = f.figure
  WHERE s.level IN ('county', 'district', 'township', 'street', 'park'))
SELECT a.region_id, a.region_name, a.level, a.figure, a.unit, a.numerator, a.denominator,
       CASE WHEN a.unit = 'count' THEN printf('%.1f', a.numerator::DOUBLE)
            WHEN a.denominator = 0 THEN NULL  -- tenths of a percent or of a year, rounded half up
            WHEN a.unit = 'percent' THEN printf('%.1f', ((2000 * a.numerator + a.denominator) // (2 * a.denominator)) / 10)
            ELSE printf('%.1f', ((20 * a.numerator + a.denominator) // (2 * a.denominator)) / 10) END AS value,
       t.id AS township_id, t.name AS township_name
FROM answer a
LEFT JOIN township ON township.region = a.region_id
LEFT JOIN regions t ON t.id = township.township
ORDER BY a.region_id, a.rank
