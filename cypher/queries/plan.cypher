// plan: where to build women's committees next (DOMAIN.md rules 3 and 4), on two lists. The
// organizations that break committee_required (see gaps.cypher): those with an active party body
// form the women's build queue (list 'queue', 先党后妇), ranked by the tier of their party grade
// ($plan_first_grades in order: 优秀, then 达标; every other grade after them as one tier), then
// readiness (两稳定一合适: how many of business stable, female workforce stable and a suitable
// candidate hold), then more female staff, then more staff, then id; those without one go on the
// party-first list (list 'party_first', 先建党组织), by female staff, staff, id. rank counts from 1
// in each list. The party grade is the best of the active party bodies in $grade_order ('none'
// without one). A suitable candidate is a woman, a party member, who works there; her posts held on
// $as_of come as flat lists (post_person_ids saying whose).
// orgnet writes `reasons` and `candidate_posts` from the typed columns (empty here).
// Same answers as `orgnet plan PATH --as-of …`.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param committee_min_female => 30
// :param committee_types => ['committee', 'work_committee', 'federation']
// :param grade_order => ['excellent', 'standard', 'weak', 'unrated', 'none']
// :param plan_first_grades => ['excellent', 'standard']
// :param township_levels => ['township', 'street', 'park']

MATCH (o:Organization)
WHERE o.two_new AND o.female_staff >= $committee_min_female
  AND NOT EXISTS {
    MATCH (o)<-[:BELONGS_TO]-(w:WomenBody)
    WHERE w.type IN $committee_types
      AND active(w.founded, w.dissolved)
  }
WITH o,
     COLLECT { MATCH (p:Person)-[:WORKS_AT]->(o) WHERE p.gender = 'F' AND p.party_member
               RETURN p ORDER BY p.id } AS people,
     [(o)<-[:BELONGS_TO]-(pb:PartyBody)
        WHERE active(pb.founded, pb.dissolved)
        | pb.grade] AS grades
WITH o, people,
     [g IN grades | {grade: g,
                     rank: coalesce([i IN range(0, size($grade_order) - 1) WHERE $grade_order[i] = g][0],
                                    size($grade_order))}] AS ranked
WITH o, people,
     CASE WHEN size(ranked) = 0 THEN 'none'
          ELSE reduce(best = head(ranked), x IN tail(ranked) | CASE WHEN x.rank < best.rank OR (x.rank = best.rank AND x.grade < best.grade) THEN x ELSE best END).grade
     END AS grade
WITH o, people, grade,
     CASE WHEN grade = 'none' THEN 'party_first' ELSE 'queue' END AS list,
     CASE WHEN o.business_stable THEN 1 ELSE 0 END + CASE WHEN o.workforce_stable THEN 1 ELSE 0 END
       + CASE WHEN size(people) > 0 THEN 1 ELSE 0 END AS readiness
WITH o, people, grade, list, readiness,
     CASE WHEN list = 'queue'
          THEN coalesce([i IN range(0, size($plan_first_grades) - 1) WHERE $plan_first_grades[i] = grade][0],
                        size($plan_first_grades))
          ELSE 0 END AS tier
ORDER BY list DESC, tier, CASE WHEN list = 'queue' THEN -readiness ELSE 0 END, o.female_staff DESC,
         o.total_staff DESC, o.id
WITH list, collect({
  org_id: o.id, org_name: o.name, region_id: o.region_id, female_staff: o.female_staff,
  total_staff: o.total_staff, party_grade: grade, readiness: readiness, ready: readiness = 3,
  business_stable: o.business_stable, workforce_stable: o.workforce_stable,
  candidate_ids: [p IN people | p.id], candidates: [p IN people | p.name],
  posts: COLLECT { UNWIND people AS p
                   MATCH (p)-[h:HOLDS]->(b:Body)
                   WHERE active(h.start, h.`end`) AND active(b.founded, b.dissolved)
                   RETURN {person: p.id, body: b.id, name: b.name, system: b.system, type: b.type, role: h.role} AS post
                   ORDER BY p.id, b.id, h.role },
  region_name: COLLECT { MATCH (r:Region {id: o.region_id}) RETURN r.name }[0],
  town: COLLECT { MATCH p = (:Region {id: o.region_id})-[:PART_OF*0..]->(t:Region) WHERE t.level IN $township_levels
                  RETURN t ORDER BY length(p) LIMIT 1 }[0]
}) AS rows
UNWIND range(1, size(rows)) AS rank
WITH list, rank, rows[rank - 1] AS row
RETURN list, rank, row.org_id AS org_id, row.org_name AS org_name, row.region_id AS region_id,
       row.female_staff AS female_staff, row.party_grade AS party_grade, row.ready AS ready,
       row.candidates AS candidates, [] AS candidate_posts, '' AS reasons, row.readiness AS readiness,
       row.business_stable AS business_stable, row.workforce_stable AS workforce_stable,
       row.total_staff AS total_staff, row.candidate_ids AS candidate_ids,
       [x IN row.posts | x.person] AS post_person_ids, [x IN row.posts | x.body] AS post_body_ids,
       [x IN row.posts | x.name] AS post_body_names, [x IN row.posts | x.system] AS post_systems,
       [x IN row.posts | x.type] AS post_types, [x IN row.posts | x.role] AS post_roles,
       row.region_name AS region_name, row.town.id AS township_id, row.town.name AS township_name
ORDER BY list DESC, rank
