// Load demonstration points (nodes). One row per demo point; run in batches.
// :param rows => [{id: 'D1', name: '金鑫机械示范点', org_id: 'O8', since: date('2011-03-01')}]
UNWIND $rows AS row
MERGE (d:DemoPoint {id: row.id})
SET d.name = row.name,
    d.org_id = row.org_id,
    d.since = row.since
