// Load WORKS_AT: person → employer organization (people table; one row per person, an empty
// employer_org_id means none). A person who changed employer loses the old WORKS_AT.
// :param rows => [{id: 'P1', employer_org_id: 'O5'}, {id: 'P5', employer_org_id: null}]
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
OPTIONAL MATCH (p)-[old:WORKS_AT]->(was:Organization)
WHERE row.employer_org_id IS NULL OR was.id <> row.employer_org_id
DELETE old
WITH DISTINCT p, row
MATCH (o:Organization {id: row.employer_org_id})
MERGE (p)-[:WORKS_AT]->(o)
