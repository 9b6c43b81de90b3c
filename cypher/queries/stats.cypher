// stats: the report figures on one day, for every region whose level is in $stats_levels, each
// rolled up from the region and every region below it (PART_OF*0..). Computed bottom-up, in
// one pass over each kind of thing (no per-region subqueries): what each region holds itself
// (every organization, body and post is read once and grouped by its region), then each region's
// counts are added into every stats region at or above it (PART_OF*0.. upwards: one parent per
// region, so a few hops per region). People, counted once per stats region however many posts in
// however many regions below it: federation cadres are rolled up as lists and counted distinct
// at the top; village and community post holders, far more, are grouped by the set of regions
// they hold posts in, each group going once to every stats region at or above any of those
// regions. One row per region and
// figure (the 26 figures of orgnet.results.FIGURES, in that order), with numerator, denominator
// (empty for counts) and value (a count, a percentage or an average age, to one decimal; orgnet
// recomputes value from numerator/denominator in Python so that rounding matches exactly).
// Active on as_of: a body when founded <= as_of (or empty) and dissolved is empty or later; a post
// (HOLDS) when start <= as_of (or empty) and end is empty or later; a demo point when since <=
// as_of (or empty). A body counts in the region of its region_id (for a hosted body, its host's
// region unless the file said otherwise). People are counted once per region however many posts.
// Same answers as `orgnet stats PATH --as-of … --all-regions`.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param committee_min_female => 30
// :param committee_types => ['committee', 'work_committee', 'federation']
// :param stats_levels => ['county', 'district', 'township', 'street', 'park']
// :param cadre_federation_levels => ['county', 'district', 'township', 'street']

CALL () {
  // The stats regions themselves, and their townships and streets.
  MATCH (r:Region)
  WHERE r.level IN $stats_levels
  MATCH (r)<-[:PART_OF*0..]-(sub:Region)
  WITH r, count(CASE WHEN sub.level = 'township' THEN sub END) AS townships,
       count(CASE WHEN sub.level = 'street' THEN sub END) AS streets
  RETURN r, {townships: townships, streets: streets} AS x
  UNION ALL
  // Two-new organizations and their women's bodies (rules 1 and 2), by region, rolled up.
  MATCH (o:Organization)
  WHERE o.two_new
  WITH o,
       [(o)<-[:BELONGS_TO]-(w:WomenBody)
          WHERE (w.founded IS NULL OR w.founded <= $as_of) AND (w.dissolved IS NULL OR w.dissolved > $as_of)
          | w.type] AS women
  WITH o.region_id AS rid,
       count(o) AS two_new,
       count(CASE WHEN size(women) > 0 THEN o END) AS two_new_covered,
       count(CASE WHEN o.female_staff >= $committee_min_female THEN o END) AS big,
       count(CASE WHEN o.female_staff >= $committee_min_female AND any(t IN women WHERE t IN $committee_types)
                  THEN o END) AS big_with_committee
  MATCH (:Region {id: rid})-[:PART_OF*0..]->(r:Region)
  WHERE r.level IN $stats_levels
  WITH r, sum(two_new) AS two_new, sum(two_new_covered) AS two_new_covered, sum(big) AS big,
       sum(big_with_committee) AS big_with_committee
  RETURN r, {two_new: two_new, two_new_covered: two_new_covered, big: big, big_with_committee: big_with_committee} AS x
  UNION ALL
  // Active women's bodies, by type and by kind of host, in the region of their region_id; village
  // women's congresses with an active chair, and whether a chair also holds an active post in the
  // village's party body or villagers' committee (rule 6). By region, rolled up.
  MATCH (w:WomenBody)
  WHERE (w.founded IS NULL OR w.founded <= $as_of) AND (w.dissolved IS NULL OR w.dissolved > $as_of)
  MATCH (reg:Region {id: w.region_id})
  OPTIONAL MATCH (w)-[:BELONGS_TO]->(host:Organization)
  WITH w, reg, host, host.kind AS kind,
       CASE WHEN w.type = 'congress' AND host.kind = 'village' THEN COLLECT {
         MATCH (chair:Person)-[h:HOLDS {role: 'chair'}]->(w)
         WHERE (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
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
           AND (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
           AND (x.founded IS NULL OR x.founded <= $as_of) AND (x.dissolved IS NULL OR x.dissolved > $as_of)
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
  RETURN r,
         {federation: federation, committee: committee, work_committee: work_committee, congress: congress,
          organ_committee: organ_committee, liaison: liaison, township_street_federations: township_street_federations,
          community_federations: community_federations, enterprise_committees: enterprise_committees,
          organ_institution_bodies: organ_institution_bodies, congresses: congresses,
          congresses_seated: congresses_seated} AS x
  UNION ALL
  // People holding active posts in active bodies of a village or community, in the body's region:
  // each person once per stats region, however many posts in however many regions below it.
  // People are grouped by the regions they hold such posts in (nearly always one): each group's
  // counts go once to every stats region at or above any of its regions.
  MATCH (host:Organization)<-[:BELONGS_TO]-(b:Body)
  WHERE host.kind IN ['village', 'community']
    AND (b.founded IS NULL OR b.founded <= $as_of) AND (b.dissolved IS NULL OR b.dissolved > $as_of)
  MATCH (p)-[h:HOLDS]->(b)
  WHERE (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
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
  RETURN r, {village_people: village_people, village_women: village_women, community_people: community_people,
             community_women: community_women} AS x
  UNION ALL
  // Federation cadres: people holding active posts in active region-level federations (no host
  // organization) of a region whose level is in $cadre_federation_levels; each person once per
  // stats region.
  MATCH (f:WomenBody)
  WHERE f.type = 'federation'
    AND (f.founded IS NULL OR f.founded <= $as_of) AND (f.dissolved IS NULL OR f.dissolved > $as_of)
    AND NOT EXISTS { (f)-[:BELONGS_TO]->(:Organization) }
  MATCH (reg:Region {id: f.region_id})
  WHERE reg.level IN $cadre_federation_levels
  MATCH (p:Person)-[h:HOLDS]->(f)
  WHERE (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
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
  RETURN r, {cadres: cadres, cadre_age_sum: cadre_age_sum, cadres_with_age: cadres_with_age, college: college,
             bachelor: bachelor, postgraduate: postgraduate} AS x
  UNION ALL
  // Demonstration points named by as_of, in the region of their organization, rolled up.
  MATCH (:DemoPoint)-[d:DEMO_AT]->(o:Organization)
  WHERE d.since IS NULL OR d.since <= $as_of
  WITH o.region_id AS rid, count(d) AS demo_points
  MATCH (:Region {id: rid})-[:PART_OF*0..]->(r:Region)
  WHERE r.level IN $stats_levels
  WITH r, sum(demo_points) AS demo_points
  RETURN r, {demo_points: demo_points} AS x
}
// Each stats region's parts (one row per part above) side by side: each key comes from one part.
WITH r,
     sum(x.townships) AS townships, sum(x.streets) AS streets, sum(x.two_new) AS two_new,
     sum(x.two_new_covered) AS two_new_covered, sum(x.big) AS big, sum(x.big_with_committee) AS big_with_committee,
     sum(x.federation) AS federation, sum(x.committee) AS committee, sum(x.work_committee) AS work_committee,
     sum(x.congress) AS congress, sum(x.organ_committee) AS organ_committee, sum(x.liaison) AS liaison,
     sum(x.township_street_federations) AS township_street_federations, sum(x.community_federations) AS community_federations, sum(x.enterprise_committees) AS enterprise_committees,
     sum(x.organ_institution_bodies) AS organ_institution_bodies, sum(x.village_people) AS village_people, sum(x.village_women) AS village_women,
     sum(x.community_people) AS community_people, sum(x.community_women) AS community_women, sum(x.congresses) AS congresses,
     sum(x.congresses_seated) AS congresses_seated, sum(x.cadres) AS cadres, sum(x.cadre_age_sum) AS cadre_age_sum,
     sum(x.cadres_with_age) AS cadres_with_age, sum(x.college) AS college, sum(x.bachelor) AS bachelor,
     sum(x.postgraduate) AS postgraduate, sum(x.demo_points) AS demo_points
WITH r, [
  {figure: 'townships', unit: 'count', n: townships, d: null},
  {figure: 'streets', unit: 'count', n: streets, d: null},
  {figure: 'two_new_orgs', unit: 'count', n: two_new, d: null},
  {figure: 'two_new_30plus', unit: 'count', n: big, d: null},
  {figure: 'two_new_30plus_committee', unit: 'percent', n: big_with_committee, d: big},
  {figure: 'two_new_coverage', unit: 'percent', n: two_new_covered, d: two_new},
  {figure: 'liaison_officers', unit: 'count', n: liaison, d: null},
  {figure: 'women_bodies.federation', unit: 'count', n: federation, d: null},
  {figure: 'women_bodies.committee', unit: 'count', n: committee, d: null},
  {figure: 'women_bodies.work_committee', unit: 'count', n: work_committee, d: null},
  {figure: 'women_bodies.congress', unit: 'count', n: congress, d: null},
  {figure: 'women_bodies.organ_committee', unit: 'count', n: organ_committee, d: null},
  {figure: 'women_bodies.liaison', unit: 'count', n: liaison, d: null},
  {figure: 'federations.township_street', unit: 'count', n: township_street_federations, d: null},
  {figure: 'federations.community', unit: 'count', n: community_federations, d: null},
  {figure: 'enterprise_women_committees', unit: 'count', n: enterprise_committees, d: null},
  {figure: 'organ_institution_women_bodies', unit: 'count', n: organ_institution_bodies, d: null},
  {figure: 'village_women_share', unit: 'percent', n: village_women, d: village_people},
  {figure: 'community_women_share', unit: 'percent', n: community_women, d: community_people},
  {figure: 'congress_chairs_in_two_committees', unit: 'percent', n: congresses_seated, d: congresses},
  {figure: 'federation_cadres', unit: 'count', n: cadres, d: null},
  {figure: 'federation_cadres_avg_age', unit: 'years', n: cadre_age_sum, d: cadres_with_age},
  {figure: 'federation_cadres.college', unit: 'count', n: college, d: null},
  {figure: 'federation_cadres.bachelor', unit: 'count', n: bachelor, d: null},
  {figure: 'federation_cadres.postgraduate', unit: 'count', n: postgraduate, d: null},
  {figure: 'demo_points', unit: 'count', n: demo_points, d: null}
] AS figures
UNWIND figures AS f
RETURN r.id AS region_id, r.name AS region_name, r.level AS level, f.figure AS figure, f.unit AS unit,
       f.n AS numerator, f.d AS denominator,
       CASE
         WHEN f.unit = 'count' THEN toFloat(f.n)
         WHEN f.d = 0 THEN null
         WHEN f.unit = 'percent' THEN round(100.0 * f.n / f.d, 1)
         ELSE round(toFloat(f.n) / f.d, 1)
       END AS value
ORDER BY region_id
