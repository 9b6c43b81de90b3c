// Load USES: body → the venue (room) it uses (venue_uses table), with since and until. A use is
// identified by (venue, body, since); since may be empty, so each USES also carries
// key = since ('' when empty).
// :param rows => [{body_id: 'B6', venue_id: 'V1', since: date('2010-01-01'), until: null}]
UNWIND $rows AS row
MATCH (b:Body {id: row.body_id})
MATCH (v:Venue {id: row.venue_id})
MERGE (b)-[u:USES {key: coalesce(toString(row.since), '')}]->(v)
SET u.since = row.since,
    u.until = row.until
