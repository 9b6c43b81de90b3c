// A Neo4j Browser parameter line's value (`:param name => EXPRESSION`, `:param {a: 1, b: 'x'}`),
// evaluated by the server as Neo4j Browser evaluates it: the expression with an implicit RETURN in
// front. `orgnet query FILE` puts each such line's expression in place of EXPRESSION
// (`orgnet.engines.neo4j.browser_defaults`), runs it read-only, and passes the values as the query's
// parameters; the expression is the user's own Cypher, from the same file as the query it runs.
RETURN EXPRESSION AS value
