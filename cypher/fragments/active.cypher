// active(FIRST, LAST): what "active on $as_of" means, written once for every shipped query. A thing
// with a date window (a body: founded, dissolved; a post: start, end; a link or a room's use: since,
// until) is active on $as_of when its first day is empty or not after it and its last day is empty or
// after it. The queries say `active(b.founded, b.dissolved)`; orgnet puts this text in its place
// (`orgnet.cypher.expand`) before a query runs, and `orgnet query NAME --print` shows the result, ready
// to paste into Neo4j Browser. With NULL for LAST, only the first day counts (named by the day).
(FIRST IS NULL OR FIRST <= $as_of) AND (LAST IS NULL OR LAST > $as_of)
