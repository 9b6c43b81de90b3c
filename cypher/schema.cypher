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

// Bodies are looked up by system and type (gaps, stats) and by their region (stats roll-up).
CREATE INDEX body_system IF NOT EXISTS FOR (n:Body) ON (n.system);
CREATE INDEX body_type IF NOT EXISTS FOR (n:Body) ON (n.type);
CREATE INDEX body_region_id IF NOT EXISTS FOR (n:Body) ON (n.region_id);
// Women's bodies by their region (stats: each region's own women's bodies and federations).
CREATE INDEX women_body_region_id IF NOT EXISTS FOR (n:WomenBody) ON (n.region_id);
// Regions by level (stats rows), organizations by kind and the two-new flag.
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX organization_two_new IF NOT EXISTS FOR (n:Organization) ON (n.two_new);
// Posts by role (heads, executives).
CREATE INDEX holds_role IF NOT EXISTS FOR ()-[h:HOLDS]-() ON (h.role);
