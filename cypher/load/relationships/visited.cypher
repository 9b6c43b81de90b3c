// Load VISITED: person → body, one relationship per visit (visits table), identified by its date.
// :param rows => [{person_id: 'P6', body_id: 'B4', date: date('2012-03-01')}]
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (b:Body {id: row.body_id})
MERGE (p)-[:VISITED {date: row.date}]->(b)
