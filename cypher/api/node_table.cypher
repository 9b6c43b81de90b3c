// node_table: every node of one orgnet label with its properties, for Network.tables on Neo4j
// (orgnet.engines.neo4j.fetch turns the rows back into the table; every column is a property,
// an empty cell an absent one).
//
// Parameters (Neo4j Browser: paste these lines without the leading //):
// :param label => 'Region'

MATCH (n)
WHERE $label IN labels(n)
RETURN properties(n) AS row
