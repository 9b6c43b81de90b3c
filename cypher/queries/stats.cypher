// stats: the report figures on one day, for every region whose level is in $stats_levels, each
// rolled up from the region and every region below it (PART_OF*0..). Computed bottom-up: first
// what each region holds itself (one pass over each region's own organizations and bodies), then
// each region's figures are added into every stats region above it (PART_OF*0.. upwards: one
// parent per region, so a few hops); people, counted once per stats region, are rolled up as
// lists and counted distinct at the top. One row per region and
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

// Every region, with what it holds itself.
MATCH (reg:Region)
// Two-new organizations located here and their women's bodies (rules 1 and 2).
CALL (reg) {
  MATCH (o:Organization)-[:LOCATED_IN]->(reg)
  WHERE o.two_new
  WITH o,
       [(o)<-[:BELONGS_TO]-(w:WomenBody)
          WHERE (w.founded IS NULL OR w.founded <= $as_of) AND (w.dissolved IS NULL OR w.dissolved > $as_of)
          | w.type] AS women
  RETURN count(o) AS two_new,
         count(CASE WHEN size(women) > 0 THEN o END) AS two_new_covered,
         count(CASE WHEN o.female_staff >= $committee_min_female THEN o END) AS big,
         count(CASE WHEN o.female_staff >= $committee_min_female AND any(t IN women WHERE t IN $committee_types)
                    THEN o END) AS big_with_committee
}
// Active women's bodies of this region, by type and by kind of host; village women's congresses
// with an active chair, and whether a chair also holds an active post in the village's party body
// or villagers' committee (rule 6).
CALL (reg) {
  MATCH (w:WomenBody {region_id: reg.id})
  WHERE (w.founded IS NULL OR w.founded <= $as_of) AND (w.dissolved IS NULL OR w.dissolved > $as_of)
  OPTIONAL MATCH (w)-[:BELONGS_TO]->(host:Organization)
  WITH w, host, host.kind AS kind,
       CASE WHEN w.type = 'congress' AND host.kind = 'village' THEN COLLECT {
         MATCH (chair:Person)-[h:HOLDS {role: 'chair'}]->(w)
         WHERE (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
         RETURN chair
       } ELSE [] END AS chairs
  RETURN count(CASE WHEN w.type = 'federation' THEN w END) AS federation,
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
         count(CASE WHEN size(chairs) > 0 AND EXISTS {
           MATCH (chair:Person)-[h:HOLDS]->(x:Body)-[:BELONGS_TO]->(host)
           WHERE chair IN chairs AND (x:PartyBody OR x.type = 'villagers_committee')
             AND (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
             AND (x.founded IS NULL OR x.founded <= $as_of) AND (x.dissolved IS NULL OR x.dissolved > $as_of)
         } THEN w END) AS congresses_seated
}
// People holding active posts in this region's active bodies of a village or community.
CALL (reg) {
  MATCH (b:Body {region_id: reg.id})-[:BELONGS_TO]->(host:Organization)
  WHERE host.kind IN ['village', 'community']
    AND (b.founded IS NULL OR b.founded <= $as_of) AND (b.dissolved IS NULL OR b.dissolved > $as_of)
  MATCH (p:Person)-[h:HOLDS]->(b)
  WHERE (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
  WITH DISTINCT host.kind AS kind, p
  RETURN collect(CASE WHEN kind = 'village' THEN p END) AS village_people,
         collect(CASE WHEN kind = 'community' THEN p END) AS community_people
}
// Federation cadres: people holding active posts in this region's active region-level federations
// (no host organization), when its level is in $cadre_federation_levels.
CALL (reg) {
  MATCH (f:WomenBody {region_id: reg.id})
  WHERE reg.level IN $cadre_federation_levels AND f.type = 'federation'
    AND (f.founded IS NULL OR f.founded <= $as_of) AND (f.dissolved IS NULL OR f.dissolved > $as_of)
    AND NOT EXISTS { (f)-[:BELONGS_TO]->(:Organization) }
  MATCH (p:Person)-[h:HOLDS]->(f)
  WHERE (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
  RETURN collect(DISTINCT p) AS cadres
}
// Demonstration points named by as_of, in the region of their organization.
CALL (reg) {
  MATCH (:DemoPoint)-[d:DEMO_AT]->(:Organization)-[:LOCATED_IN]->(reg)
  WHERE d.since IS NULL OR d.since <= $as_of
  RETURN count(d) AS demo_points
}
// Roll up into every stats region at or above this one.
MATCH (reg)-[:PART_OF*0..]->(r:Region)
WHERE r.level IN $stats_levels
WITH r,
     count(CASE WHEN reg.level = 'township' THEN reg END) AS townships,
     count(CASE WHEN reg.level = 'street' THEN reg END) AS streets,
     sum(two_new) AS two_new, sum(two_new_covered) AS two_new_covered, sum(big) AS big,
     sum(big_with_committee) AS big_with_committee,
     sum(federation) AS federation, sum(committee) AS committee, sum(work_committee) AS work_committee,
     sum(congress) AS congress, sum(organ_committee) AS organ_committee, sum(liaison) AS liaison,
     sum(township_street_federations) AS township_street_federations,
     sum(community_federations) AS community_federations, sum(enterprise_committees) AS enterprise_committees,
     sum(organ_institution_bodies) AS organ_institution_bodies,
     sum(congresses) AS congresses, sum(congresses_seated) AS congresses_seated,
     sum(demo_points) AS demo_points,
     collect(CASE WHEN size(village_people) > 0 THEN village_people END) AS village_lists,
     collect(CASE WHEN size(community_people) > 0 THEN community_people END) AS community_lists,
     collect(CASE WHEN size(cadres) > 0 THEN cadres END) AS cadre_lists
// People once per stats region, however many posts in however many regions below it.
CALL (village_lists) {
  UNWIND village_lists + [[null]] AS people
  UNWIND people AS p
  WITH DISTINCT p
  RETURN count(p) AS village_people, count(CASE WHEN p.gender = 'F' THEN p END) AS village_women
}
CALL (community_lists) {
  UNWIND community_lists + [[null]] AS people
  UNWIND people AS p
  WITH DISTINCT p
  RETURN count(p) AS community_people, count(CASE WHEN p.gender = 'F' THEN p END) AS community_women
}
CALL (cadre_lists) {
  UNWIND cadre_lists + [[null]] AS people
  UNWIND people AS p
  WITH DISTINCT p
  RETURN count(p) AS cadres,
         sum(CASE WHEN p.birth_year IS NULL THEN 0 ELSE $as_of.year - p.birth_year END) AS cadre_age_sum,
         count(p.birth_year) AS cadres_with_age,
         count(CASE WHEN p.education = 'college' THEN p END) AS college,
         count(CASE WHEN p.education = 'bachelor' THEN p END) AS bachelor,
         count(CASE WHEN p.education = 'postgraduate' THEN p END) AS postgraduate
}
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
