// orgnet graph schema: one uniqueness constraint per node label's id, and the indexes the
// analyses look things up by. Safe to run again (IF NOT EXISTS). Statements end with ';'.
// Needs Neo4j 5.26 or later.

// Every node table's id is unique within its label (this is also the index MERGE uses).
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT demo_point_id IF NOT EXISTS FOR (n:DemoPoint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT venue_id IF NOT EXISTS FOR (n:Venue) REQUIRE n.id IS UNIQUE;

// Only what the shipped queries look up (EXPLAIN at 100k organizations, bench/README.md): each index
// costs every write and ~0.5 s at the end of a fresh load of 100k. Women's bodies by their region
// (stats: each region's federations); regions by level (stats rows, liaison_check); organizations
// by kind (stats: village and community bodies).
CREATE INDEX women_body_region_id IF NOT EXISTS FOR (n:WomenBody) ON (n.region_id);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
