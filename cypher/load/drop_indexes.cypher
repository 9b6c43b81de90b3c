// The first step of a fresh load (an empty database): drop schema.cypher's secondary indexes, the
// ones no load statement looks anything up by. The load then writes no entry into them row by
// row; it ends with schema.cypher again, which creates them and fills each in one pass over the
// loaded nodes (faster than index updates in every transaction). The uniqueness constraints
// stay: the load looks nodes up by id. Statements end with ';'.
DROP INDEX women_body_region_id IF EXISTS;
DROP INDEX region_level IF EXISTS;
DROP INDEX organization_kind IF EXISTS;
// Indexes that orgnet before 2026-11-27 created and no shipped query used: gone for good.
DROP INDEX body_system IF EXISTS;
DROP INDEX body_type IF EXISTS;
DROP INDEX body_region_id IF EXISTS;
DROP INDEX organization_two_new IF EXISTS;
DROP INDEX holds_role IF EXISTS;
