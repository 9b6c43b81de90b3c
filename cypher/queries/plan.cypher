// plan: where to build women's committees next (DOMAIN.md rules 3 and 4). The organizations that
// break committee_required (see gaps.cypher) in the order the source recommends: ready first
// ("two stable, one suitable": business stable, workforce stable, and at least one candidate,
// i.e. a female party member who works there), then by the best grade of the organization's
// active party bodies in $grade_order ('none' when it has none), then more female staff first,
// then id. Grades not in $grade_order come after those that are.
// Columns after the documented ones: business_stable, workforce_stable, region_name, township_id,
// township_name; orgnet writes `reasons` from them (empty here).
// Same answers as `orgnet plan PATH --as-of …`.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param committee_min_female => 30
// :param committee_types => ['committee', 'work_committee', 'federation']
// :param grade_order => ['excellent', 'standard', 'weak', 'unrated', 'none']
// :param township_levels => ['township', 'street', 'park']

MATCH (o:Organization)
WHERE o.two_new AND o.female_staff >= $committee_min_female
  AND NOT EXISTS {
    MATCH (o)<-[:BELONGS_TO]-(w:WomenBody)
    WHERE w.type IN $committee_types
      AND active(w.founded, w.dissolved)
  }
WITH o,
     COUNT { MATCH (p:Person)-[:WORKS_AT]->(o) WHERE p.gender = 'F' AND p.party_member } AS candidates,
     [(o)<-[:BELONGS_TO]-(pb:PartyBody)
        WHERE active(pb.founded, pb.dissolved)
        | pb.grade] AS grades
WITH o, candidates,
     [g IN grades | {grade: g,
                     rank: coalesce([i IN range(0, size($grade_order) - 1) WHERE $grade_order[i] = g][0],
                                    size($grade_order))}] AS ranked
WITH o, candidates,
     CASE WHEN size(ranked) = 0 THEN 'none'
          ELSE reduce(best = head(ranked), x IN tail(ranked) | CASE WHEN x.rank < best.rank OR (x.rank = best.rank AND x.grade < best.grade) THEN x ELSE best END).grade
     END AS grade
WITH o, candidates, grade,
     coalesce([i IN range(0, size($grade_order) - 1) WHERE $grade_order[i] = grade][0], size($grade_order)) AS grade_rank,
     o.business_stable AND o.workforce_stable AND candidates > 0 AS ready
ORDER BY CASE WHEN ready THEN 0 ELSE 1 END, grade_rank, o.female_staff DESC, o.id
WITH collect({
  org_id: o.id, org_name: o.name, region_id: o.region_id, female_staff: o.female_staff, ready: ready,
  party_grade: grade, candidates: candidates, business_stable: o.business_stable,
  workforce_stable: o.workforce_stable,
  region_name: COLLECT { MATCH (r:Region {id: o.region_id}) RETURN r.name }[0],
  town: COLLECT { MATCH p = (:Region {id: o.region_id})-[:PART_OF*0..]->(t:Region) WHERE t.level IN $township_levels
                  RETURN t ORDER BY length(p) LIMIT 1 }[0]
}) AS rows
UNWIND range(1, size(rows)) AS rank
WITH rank, rows[rank - 1] AS row
RETURN rank, row.org_id AS org_id, row.org_name AS org_name, row.region_id AS region_id,
       row.female_staff AS female_staff, row.ready AS ready, row.party_grade AS party_grade,
       row.candidates AS candidates, '' AS reasons, row.business_stable AS business_stable,
       row.workforce_stable AS workforce_stable, row.region_name AS region_name, row.town.id AS township_id,
       row.town.name AS township_name
ORDER BY rank
