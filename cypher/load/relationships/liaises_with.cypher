// Load LIAISES_WITH: federation executive → the women's body she is linked to (liaisons table),
// with since and until. A link is identified by (person, body, since); since may be empty, so
// each LIAISES_WITH also carries key = since ('' when empty).
// :param rows => [{person_id: 'P6', body_id: 'B4', since: date('2011-01-01'), until: null}]
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (b:Body {id: row.body_id})
MERGE (p)-[l:LIAISES_WITH {key: coalesce(toString(row.since), '')}]->(b)
SET l.since = row.since,
    l.until = row.until
