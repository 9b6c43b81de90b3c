// gaps: coverage gaps on one day. One row per organization and rule it breaks, plus one row per
// active women's body without an active head. Rules (DOMAIN.md rules 1 and 2):
//   committee_required   two-new organization with >= committee_min_female female staff and no
//                        active women's body of a committee type
//   liaison_required     other two-new organization with >= liaison_min_female female staff and no
//                        active women's body at all
//   party_without_women  active party body, no active women's body
//   vacant_head          active women's body where nobody holds a head role (chair; liaison for a
//                        liaison officer) on as_of
// Active on as_of: a body when founded <= as_of (or empty) and dissolved is empty or later;
// a post (HOLDS) when start <= as_of (or empty) and end is empty or later.
// Same answers as `orgnet gaps PATH --as-of …`; `orgnet query gaps --param as_of=…` runs this file.
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param as_of => date('2012-06-30')
// :param committee_min_female => 30
// :param liaison_min_female => 1
// :param committee_types => ['committee', 'work_committee', 'federation']
// :param head_roles => {party: ['secretary'], women: ['chair'], union: ['chair'], youth: ['secretary'], admin: ['chair']}
// :param head_roles_by_type => {liaison: ['liaison']}
// :param township_levels => ['township', 'street', 'park']

// One walk over each organization's bodies (BELONGS_TO), split into women's and party bodies;
// the party ids sorted only where there are two or more. Each rule is one branch below: a rule
// record in orgnet/gap_rules.py, its predicate in orgnet/analyses/gaps.py, and its branch here.
// Columns beyond the documented five: female_staff, required_body_type, body_id, body_name,
// body_type, head_role, party_body_ids (a list), region_name, township_id, township_name. The
// words (`detail`) and the rule's required body type come from the rule's record in orgnet (empty here).
MATCH (o:Organization)
WITH o,
     [(o)<-[:BELONGS_TO]-(b:Body)
        WHERE (b:WomenBody OR b:PartyBody)
          AND active(b.founded, b.dissolved)
        | b] AS active
WITH o,
     [b IN active WHERE b:WomenBody | b.type] AS women,
     [b IN active WHERE b:PartyBody | b.id] AS party
WITH o, women,
     CASE WHEN size(party) < 2 THEN party ELSE COLLECT { UNWIND party AS id RETURN id ORDER BY id } END AS party
WITH o, party, women,
     CASE
       WHEN o.two_new AND o.female_staff >= $committee_min_female THEN
         CASE WHEN any(t IN women WHERE t IN $committee_types) THEN []
              ELSE [{rule: 'committee_required', party: []}] END
       WHEN o.two_new AND o.female_staff >= $liaison_min_female AND size(women) = 0 THEN
         [{rule: 'liaison_required', party: []}]
       ELSE []
     END
     + CASE
         WHEN size(party) > 0 AND size(women) = 0 THEN [{rule: 'party_without_women', party: party}]
         ELSE []
       END
     // rules: a new rule's branch goes here
     AS broken
UNWIND broken AS gap
OPTIONAL MATCH (r:Region {id: o.region_id})
WITH o, gap, r, COLLECT { MATCH p = (r)-[:PART_OF*0..]->(t:Region) WHERE t.level IN $township_levels
                          RETURN t ORDER BY length(p) LIMIT 1 } AS town
RETURN o.id AS org_id, o.name AS org_name, o.region_id AS region_id, gap.rule AS rule, '' AS detail,
       o.female_staff AS female_staff, '' AS required_body_type, '' AS body_id, '' AS body_name,
       '' AS body_type, '' AS head_role, gap.party AS party_body_ids, r.name AS region_name,
       town[0].id AS township_id, town[0].name AS township_name

UNION ALL

MATCH (w:WomenBody)
WHERE active(w.founded, w.dissolved)
WITH w, coalesce($head_roles_by_type[w.type], $head_roles[w.system], ['chair']) AS heads
WHERE NOT EXISTS {
  MATCH (:Person)-[h:HOLDS]->(w)
  WHERE h.role IN heads AND active(h.start, h.`end`)
}
OPTIONAL MATCH (w)-[:BELONGS_TO]->(host:Organization)
OPTIONAL MATCH (r:Region {id: w.region_id})
WITH w, heads, host, r, COLLECT { MATCH p = (r)-[:PART_OF*0..]->(t:Region) WHERE t.level IN $township_levels
                                  RETURN t ORDER BY length(p) LIMIT 1 } AS town
RETURN w.org_id AS org_id, host.name AS org_name, w.region_id AS region_id, 'vacant_head' AS rule, '' AS detail,
       host.female_staff AS female_staff, '' AS required_body_type, w.id AS body_id, w.name AS body_name,
       w.type AS body_type, reduce(s = head(heads), x IN tail(heads) | s + '/' + x) AS head_role,
       [] AS party_body_ids, r.name AS region_name, town[0].id AS township_id, town[0].name AS township_name
