// Load venues (nodes): activity rooms (阵地). One row per venue; run in batches.
// :param rows => [{id: 'V1', name: '东村党群服务中心', org_id: 'O5', region_id: null}]
UNWIND $rows AS row
MERGE (v:Venue {id: row.id})
SET v.name = row.name,
    v.org_id = row.org_id,
    v.region_id = row.region_id
