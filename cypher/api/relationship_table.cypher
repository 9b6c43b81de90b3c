// relationship_table: every relationship of one type, its two ends' ids and its properties, for
// Network.tables on Neo4j (posts are HOLDS, liaisons LIAISES_WITH, visits VISITED, pairings
// PAIRED_WITH, venue_uses USES; orgnet.graph.EDGES names the columns).
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param type => 'HOLDS'

MATCH (a)-[r]->(b)
WHERE type(r) = $type
RETURN a.id AS source, b.id AS target, properties(r) AS row
