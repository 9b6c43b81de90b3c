// Load regions (nodes). One row per region; run in batches.
// :param rows => [{id: 'R0', name: '测试县', level: 'county', parent_id: null}]
UNWIND $rows AS row
MERGE (r:Region {id: row.id})
SET r.name = row.name,
    r.level = row.level,
    r.parent_id = row.parent_id
