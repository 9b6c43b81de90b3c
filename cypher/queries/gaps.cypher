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

// One walk over each organization's bodies (BELONGS_TO), split into women's and party bodies;
// the party ids sorted only where there are two or more.
MATCH (o:Organization)
WITH o,
     [(o)<-[:BELONGS_TO]-(b:Body)
        WHERE (b:WomenBody OR b:PartyBody)
          AND (b.founded IS NULL OR b.founded <= $as_of) AND (b.dissolved IS NULL OR b.dissolved > $as_of)
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
              ELSE [{rule: 'committee_required', detail: 'female_staff=' + toString(o.female_staff)}] END
       WHEN o.two_new AND o.female_staff >= $liaison_min_female AND size(women) = 0 THEN
         [{rule: 'liaison_required', detail: 'female_staff=' + toString(o.female_staff)}]
       ELSE []
     END
     + CASE
         WHEN size(party) > 0 AND size(women) = 0 THEN
           [{rule: 'party_without_women',
             detail: 'party bodies: ' + reduce(s = head(party), id IN tail(party) | s + ';' + id)}]
         ELSE []
       END AS broken
UNWIND broken AS gap
RETURN o.id AS org_id, o.name AS org_name, o.region_id AS region_id, gap.rule AS rule, gap.detail AS detail

UNION ALL

MATCH (w:WomenBody)
WHERE (w.founded IS NULL OR w.founded <= $as_of) AND (w.dissolved IS NULL OR w.dissolved > $as_of)
WITH w, coalesce($head_roles_by_type[w.type], $head_roles[w.system], ['chair']) AS heads
WHERE NOT EXISTS {
  MATCH (:Person)-[h:HOLDS]->(w)
  WHERE h.role IN heads AND (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of)
}
OPTIONAL MATCH (w)-[:BELONGS_TO]->(host:Organization)
RETURN w.org_id AS org_id, host.name AS org_name, w.region_id AS region_id, 'vacant_head' AS rule,
       w.id + ' (' + w.type + ') has no active ' + reduce(s = head(heads), r IN tail(heads) | s + '/' + r) AS detail
