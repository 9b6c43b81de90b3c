// Load bodies (nodes, label Body). The second label per system (PartyBody, WomenBody, …) is set
// afterwards by load/body_labels/<system>.cypher. One row per body; run in batches.
// :param rows => [{id: 'B4', name: '金鑫妇委会', system: 'women', type: 'committee', org_id: 'O8', region_id: 'R5', grade: null, founded: date('2010-03-08'), dissolved: null}]
UNWIND $rows AS row
MERGE (b:Body {id: row.id})
SET b.name = row.name,
    b.system = row.system,
    b.type = row.type,
    b.org_id = row.org_id,
    b.region_id = row.region_id,
    b.grade = row.grade,
    b.founded = row.founded,
    b.dissolved = row.dissolved
