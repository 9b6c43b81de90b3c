// How orgnet's Neo4j engine runs a shipped query (queries/*.cypher, facts/*.cypher): as a
// subquery, its rows collected into ONE record holding a list of rows (one list of values per
// row, in the query's column order). The Python driver spends ~50 µs per record, so tens of
// thousands of rows read as one record come back 2-3 times faster. The engine puts the shipped
// query's text in place of the line below that holds only the word in capitals, and the names of
// its final RETURN's columns (read off that text, never from data) inside collect([…]); values
// are still parameters of the query.
CALL () {
QUERY
}
RETURN collect([COLUMNS]) AS rows
