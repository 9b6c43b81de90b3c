// stats: the report figures on one day, for every region whose level is in $stats_levels, each
// rolled up from the region and every region below it (PART_OF*0..). Computed bottom-up, in
// one pass over each kind of thing (no per-region subqueries): what each region holds itself
// (every organization, body and post is read once and grouped by its region), then each region's
// counts are added into every stats region at or above it (PART_OF*0.. upwards: one parent per
// region, so a few hops per region). People, counted once per stats region however many posts in
// however many regions below it: federation cadres are rolled up as lists and counted distinct
// at the top; village and community post holders, far more, are grouped by the set of regions
// they hold posts in, each group going once to every stats region at or above any of those
// regions.
//
// Six parts, joined by UNION ALL, each giving figure rows (region, figure, numerator n,
// denominator d): the catalogue part gives every figure of every stats region (the 27 figures of
// orgnet.results.FIGURES, in that order, with their units) at zero, except townships and streets;
// the other parts add to the figures they count. The end of the query sums each region's rows per
// figure. orgnet's Neo4j engine runs the six parts as six queries, two at a time (the parts come
// heaviest first), and does the same sum in Python: same rows, about a third less time.
//
// One row per region and figure, with numerator, denominator (empty for counts) and value (a
// count, a percentage or an average age, to one decimal rounded half up (四舍五入: 9/16 → 56.3),
// in integers; orgnet recomputes value from numerator/denominator in Python, orgnet.results.figure_value).
// Active on as_of: a body when founded <= as_of (or empty) and dissolved is empty or later; a post
// (HOLDS) when start <= as_of (or empty) and end is empty or later; a demo point when since <=
// as_of (or empty). A body counts in the region of its region_id (for a hosted body, its host's
// region unless the file said otherwise). People are counted once per region however many posts.
// Same answers as `orgnet stats PATH --as-of … --all-regions` (here ordered by region and figure
// name; orgnet orders figures as the report does).
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param committee_min_female => 30
// :param committee_types => ['committee', 'work_committee', 'federation']
// :param stats_levels => ['county', 'district', 'township', 'street', 'park']
// :param cadre_federation_levels => ['county', 'district', 'township', 'street']

CALL () {
  // 村、居干部: people holding active posts in the active "two committees" of a village or
  // community (its party bodies and its 村（居）委会: villagers' or residents' committee; not the
  // women's congress, federation or other bodies), in the body's region: each person once per
  // stats region, however many posts in however many regions below it.
  // People are grouped by the regions they hold such posts in (nearly always one): each group's
  // counts go once to every stats region at or above any of its regions.
  MATCH (host:Organization)<-[:BELONGS_TO]-(b:Body)
  WHERE host.kind IN ['village', 'community']
    AND (b:PartyBody OR b.type IN ['villagers_committee', 'residents_committee'])
    AND active(b.founded, b.dissolved)
  MATCH (p)-[h:HOLDS]->(b)
  WHERE active(h.start, h.`end`)
  WITH p, host.kind AS kind, collect(DISTINCT b.region_id) AS rids
  WITH kind, rids, count(p) AS people, count(CASE WHEN p.gender = 'F' THEN p END) AS women
  CALL (rids) {
    UNWIND rids AS rid
    MATCH (:Region {id: rid})-[:PART_OF*0..]->(r:Region)
    WHERE r.level IN $stats_levels
    RETURN DISTINCT r
  }
  WITH r, sum(CASE WHEN kind = 'village' THEN people ELSE 0 END) AS village_people,
       sum(CASE WHEN kind = 'village' THEN women ELSE 0 END) AS village_women,
       sum(CASE WHEN kind = 'community' THEN people ELSE 0 END) AS community_people,
       sum(CASE WHEN kind = 'community' THEN women ELSE 0 END) AS community_women
  UNWIND [['village_women_share', village_women, village_people],
          ['community_women_share', community_women, community_people]] AS f
  RETURN r.id AS region_id, r.name AS region_name, r.level AS level, f[0] AS figure, null AS unit, f[1] AS n, f[2] AS d
  UNION ALL
  // Active women's bodies, by type and by kind of host, in the region of their region_id; village
  // women's congresses with an active chair, and whether a chair also holds an active post in the
  // village's party body or villagers' committee (rule 6). By region, rolled up.
  MATCH (w:WomenBody)
  WHERE active(w.founded, w.dissolved)
  MATCH (reg:Region {id: w.region_id})
  OPTIONAL MATCH (w)-[:BELONGS_TO]->(host:Organization)
  WITH w, reg, host, host.kind AS kind,
       CASE WHEN w.type = 'congress' AND host.kind = 'village' THEN COLLECT {
         MATCH (chair:Person)-[h:HOLDS {role: 'chair'}]->(w)
         WHERE active(h.start, h.`end`)
         RETURN chair
       } ELSE [] END AS chairs
  WITH reg.id AS rid,
       count(CASE WHEN w.type = 'federation' THEN w END) AS federation,
       count(CASE WHEN w.type = 'committee' THEN w END) AS committee,
       count(CASE WHEN w.type = 'work_committee' THEN w END) AS work_committee,
       count(CASE WHEN w.type = 'congress' THEN w END) AS congress,
       count(CASE WHEN w.type = 'organ_committee' THEN w END) AS organ_committee,
       count(CASE WHEN w.type = 'liaison' THEN w END) AS liaison,
       count(CASE WHEN w.type = 'federation' AND host IS NULL AND reg.level IN ['township', 'street']
                  THEN w END) AS township_street_federations,
       count(CASE WHEN w.type = 'federation' AND (kind = 'community' OR (host IS NULL AND reg.level = 'community'))
                  THEN w END) AS community_federations,
       count(CASE WHEN kind = 'enterprise' AND w.type IN ['committee', 'work_committee'] THEN w END)
         AS enterprise_committees,
       count(CASE WHEN kind IN ['organ', 'institution'] THEN w END) AS organ_institution_bodies,
       count(CASE WHEN size(chairs) > 0 THEN w END) AS congresses,
       // From the chairs' own posts (a few each), not from every holder of the village's bodies.
       count(CASE WHEN size(chairs) > 0 AND EXISTS {
         UNWIND chairs AS chair
         MATCH (chair)-[h:HOLDS]->(x:Body)
         WHERE (x:PartyBody OR x.type = 'villagers_committee')
           AND active(h.start, h.`end`)
           AND active(x.founded, x.dissolved)
           AND EXISTS { (x)-[:BELONGS_TO]->(host) }
       } THEN w END) AS congresses_seated
  MATCH (:Region {id: rid})-[:PART_OF*0..]->(r:Region)
  WHERE r.level IN $stats_levels
  WITH r, sum(federation) AS federation, sum(committee) AS committee, sum(work_committee) AS work_committee,
       sum(congress) AS congress, sum(organ_committee) AS organ_committee, sum(liaison) AS liaison,
       sum(township_street_federations) AS township_street_federations,
       sum(community_federations) AS community_federations, sum(enterprise_committees) AS enterprise_committees,
       sum(organ_institution_bodies) AS organ_institution_bodies, sum(congresses) AS congresses,
       sum(congresses_seated) AS congresses_seated
  UNWIND [['liaison_officers', liaison, 0], ['women_bodies.federation', federation, 0],
          ['women_bodies.committee', committee, 0], ['women_bodies.work_committee', work_committee, 0],
          ['women_bodies.congress', congress, 0], ['women_bodies.organ_committee', organ_committee, 0],
          ['women_bodies.liaison', liaison, 0], ['federations.township_street', township_street_federations, 0],
          ['federations.community', community_federations, 0], ['enterprise_women_committees', enterprise_committees, 0],
          ['organ_institution_women_bodies', organ_institution_bodies, 0],
          ['congress_chairs_in_two_committees', congresses_seated, congresses]] AS f
  RETURN r.id AS region_id, r.name AS region_name, r.level AS level, f[0] AS figure, null AS unit, f[1] AS n, f[2] AS d
  UNION ALL
  // Two-new organizations and their women's bodies (rules 1 and 2), by region, rolled up: the
  // 组建率 counts a women's organization (any type but a liaison officer: 组织覆盖), the work
  // coverage a liaison officer too (工作覆盖).
  MATCH (o:Organization)
  WHERE o.two_new
  WITH o,
       [(o)<-[:BELONGS_TO]-(w:WomenBody)
          WHERE active(w.founded, w.dissolved)
          | w.type] AS women
  WITH o.region_id AS rid,
       count(o) AS two_new,
       count(CASE WHEN any(t IN women WHERE t <> 'liaison') THEN o END) AS two_new_covered,
       count(CASE WHEN size(women) > 0 THEN o END) AS two_new_worked,
       count(CASE WHEN o.female_staff >= $committee_min_female THEN o END) AS big,
       count(CASE WHEN o.female_staff >= $committee_min_female AND any(t IN women WHERE t IN $committee_types)
                  THEN o END) AS big_with_committee
  MATCH (:Region {id: rid})-[:PART_OF*0..]->(r:Region)
  WHERE r.level IN $stats_levels
  WITH r, sum(two_new) AS two_new, sum(two_new_covered) AS two_new_covered, sum(two_new_worked) AS two_new_worked,
       sum(big) AS big,
       sum(big_with_committee) AS big_with_committee
  UNWIND [['two_new_orgs', two_new, 0], ['two_new_30plus', big, 0], ['two_new_30plus_committee', big_with_committee, big],
          ['two_new_coverage', two_new_covered, two_new], ['two_new_work_coverage', two_new_worked, two_new]] AS f
  RETURN r.id AS region_id, r.name AS region_name, r.level AS level, f[0] AS figure, null AS unit, f[1] AS n, f[2] AS d
  UNION ALL
  // Every figure of every stats region, in the order of orgnet.results.FIGURES, with its unit:
  // the parts below add their numerators and denominators to these rows. Townships and streets
  // are counted here; every other figure starts at zero.
  MATCH (r:Region)
  WHERE r.level IN $stats_levels
  MATCH (r)<-[:PART_OF*0..]-(sub:Region)
  WITH r, count(CASE WHEN sub.level = 'township' THEN sub END) AS townships,
       count(CASE WHEN sub.level = 'street' THEN sub END) AS streets
  UNWIND [
    ['townships', 'count', townships], ['streets', 'count', streets], ['two_new_orgs', 'count', 0],
    ['two_new_30plus', 'count', 0], ['two_new_30plus_committee', 'percent', 0], ['two_new_coverage', 'percent', 0],
    ['two_new_work_coverage', 'percent', 0], ['liaison_officers', 'count', 0], ['women_bodies.federation', 'count', 0],
    ['women_bodies.committee', 'count', 0],
    ['women_bodies.work_committee', 'count', 0], ['women_bodies.congress', 'count', 0],
    ['women_bodies.organ_committee', 'count', 0], ['women_bodies.liaison', 'count', 0],
    ['federations.township_street', 'count', 0], ['federations.community', 'count', 0],
    ['enterprise_women_committees', 'count', 0], ['organ_institution_women_bodies', 'count', 0],
    ['village_women_share', 'percent', 0], ['community_women_share', 'percent', 0],
    ['congress_chairs_in_two_committees', 'percent', 0], ['federation_cadres', 'count', 0],
    ['federation_cadres_avg_age', 'years', 0], ['federation_cadres.college', 'count', 0],
    ['federation_cadres.bachelor', 'count', 0], ['federation_cadres.postgraduate', 'count', 0],
    ['demo_points', 'count', 0]
  ] AS f
  RETURN r.id AS region_id, r.name AS region_name, r.level AS level, f[0] AS figure, f[1] AS unit, f[2] AS n, 0 AS d
  UNION ALL
  // Federation cadres: people holding active posts other than 执委 (role executive) in active
  // region-level federations (no host organization) of a region whose level is in
  // $cadre_federation_levels; each person once per stats region.
  MATCH (f:WomenBody)
  WHERE f.type = 'federation'
    AND active(f.founded, f.dissolved)
    AND NOT EXISTS { (f)-[:BELONGS_TO]->(:Organization) }
  MATCH (reg:Region {id: f.region_id})
  WHERE reg.level IN $cadre_federation_levels
  MATCH (p:Person)-[h:HOLDS]->(f)
  WHERE active(h.start, h.`end`) AND h.role <> 'executive'
  WITH reg.id AS rid, collect(DISTINCT p) AS people
  MATCH (:Region {id: rid})-[:PART_OF*0..]->(r:Region)
  WHERE r.level IN $stats_levels
  UNWIND people AS p
  WITH DISTINCT r, p
  WITH r, count(p) AS cadres,
       sum(CASE WHEN p.birth_year IS NULL THEN 0 ELSE $as_of.year - p.birth_year END) AS cadre_age_sum,
       count(p.birth_year) AS cadres_with_age,
       count(CASE WHEN p.education = 'college' THEN p END) AS college,
       count(CASE WHEN p.education = 'bachelor' THEN p END) AS bachelor,
       count(CASE WHEN p.education = 'postgraduate' THEN p END) AS postgraduate
  UNWIND [['federation_cadres', cadres, 0], ['federation_cadres_avg_age', cadre_age_sum, cadres_with_age],
          ['federation_cadres.college', college, 0], ['federation_cadres.bachelor', bachelor, 0],
          ['federation_cadres.postgraduate', postgraduate, 0]] AS f
  RETURN r.id AS region_id, r.name AS region_name, r.level AS level, f[0] AS figure, null AS unit, f[1] AS n, f[2] AS d
  UNION ALL
  // Demonstration points named by as_of, in the region of their organization, rolled up.
  MATCH (:DemoPoint)-[d:DEMO_AT]->(o:Organization)
  WHERE active(d.since, NULL)
  WITH o.region_id AS rid, count(d) AS demo_points
  MATCH (:Region {id: rid})-[:PART_OF*0..]->(r:Region)
  WHERE r.level IN $stats_levels
  WITH r, sum(demo_points) AS demo_points
  RETURN r.id AS region_id, r.name AS region_name, r.level AS level, 'demo_points' AS figure, null AS unit, demo_points AS n, 0 AS d}
// Each stats region's figure: the catalogue's row (its unit) plus the parts' rows, summed.
WITH region_id, region_name, level, figure, collect(unit)[0] AS unit, sum(n) AS n, sum(d) AS d
RETURN region_id, region_name, level, figure, unit, n AS numerator,
       CASE WHEN unit = 'count' THEN null ELSE d END AS denominator,
       CASE
         WHEN unit = 'count' THEN toFloat(n)
         WHEN d = 0 THEN null
         WHEN unit = 'percent' THEN toFloat((2000 * n + d) / (2 * d)) / 10
         ELSE toFloat((20 * n + d) / (2 * d)) / 10
       END AS value
ORDER BY region_id, figure
