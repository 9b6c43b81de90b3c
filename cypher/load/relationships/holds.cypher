// Load HOLDS: person → body, one relationship per post (posts table), with role, start, end.
// A post is identified by (person, body, role, start). start may be empty, and MERGE cannot
// match on an empty value, so each HOLDS also carries key = role + '|' + start ('' when empty).
// :param rows => [{person_id: 'P1', body_id: 'B8', role: 'chair', start: date('2010-01-01'), end: null}]
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (b:Body {id: row.body_id})
MERGE (p)-[h:HOLDS {key: row.role + '|' + coalesce(toString(row.start), '')}]->(b)
SET h.role = row.role,
    h.start = row.start,
    h.`end` = row.`end`
