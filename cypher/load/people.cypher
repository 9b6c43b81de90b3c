// Load people (nodes). One row per person; run in batches. Names are personal data.
// :param rows => [{id: 'P1', name: '王秀英', gender: 'F', birth_year: 1975, education: 'bachelor', party_member: true, employer_org_id: 'O5', reserve_cadre: false}]
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name,
    p.gender = row.gender,
    p.birth_year = row.birth_year,
    p.education = row.education,
    p.party_member = row.party_member,
    p.employer_org_id = row.employer_org_id,
    p.reserve_cadre = row.reserve_cadre
