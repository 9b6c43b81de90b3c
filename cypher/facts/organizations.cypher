// organizations: every organization with its coverage on as_of (covered = it hosts an active
// women's body) and the best grade of its active party bodies in $grade_order ('none' without
// one; grades not in $grade_order rank after those that are).
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param grade_order => ['excellent', 'standard', 'weak', 'unrated', 'none']

MATCH (o:Organization)
WITH o,
     EXISTS {
       MATCH (o)<-[:BELONGS_TO]-(w:WomenBody)
       WHERE active(w.founded, w.dissolved)
     } AS covered,
     [(o)<-[:BELONGS_TO]-(pb:PartyBody)
        WHERE active(pb.founded, pb.dissolved)
        | {grade: pb.grade,
           rank: coalesce([i IN range(0, size($grade_order) - 1) WHERE $grade_order[i] = pb.grade][0],
                          size($grade_order))}] AS ranked
RETURN o.id AS org_id, o.name AS org_name, o.kind AS kind, o.region_id AS region_id, o.two_new AS two_new,
       o.female_staff AS female_staff, covered,
       CASE WHEN size(ranked) = 0 THEN 'none'
            ELSE reduce(best = head(ranked), x IN tail(ranked) | CASE WHEN x.rank < best.rank OR (x.rank = best.rank AND x.grade < best.grade) THEN x ELSE best END).grade
       END AS party_grade
ORDER BY org_id
