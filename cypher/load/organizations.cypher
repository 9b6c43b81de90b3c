// Load organizations (nodes). One row per organization; run in batches.
// :param rows => [{id: 'O1', name: '华美服装厂', kind: 'enterprise', region_id: 'R5', two_new: true, female_staff: 45, total_staff: 80, business_stable: true, workforce_stable: true}]
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = row.name,
    o.kind = row.kind,
    o.region_id = row.region_id,
    o.two_new = row.two_new,
    o.female_staff = row.female_staff,
    o.total_staff = row.total_staff,
    o.business_stable = row.business_stable,
    o.workforce_stable = row.workforce_stable
