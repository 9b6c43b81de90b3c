// The last step of every load: wait until the schema's indexes are online, then resample every
// index whose statistics the load made outdated and clear the query caches
// (db.prepareForReplanning waits for the resampling). The planner then plans the first analysis
// with the counts of the data just loaded, not those of the empty database the indexes were
// created in. Both wait at most orgnet's time limit (--neo4j-timeout, as $timeout_seconds).
// Statements end with ';'.
CALL db.awaitIndexes($timeout_seconds);
CALL db.prepareForReplanning($timeout_seconds);
