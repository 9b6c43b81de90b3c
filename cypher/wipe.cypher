// Delete up to $batch_size of orgnet's nodes (Region, Organization, Body, Person, DemoPoint, Venue)
// and their relationships; returns how many were deleted. orgnet runs it until it returns 0, each
// batch in its own transaction. Nodes with other labels are left alone.
// :param batch_size => 10000
MATCH (n)
WHERE n:Region OR n:Organization OR n:Body OR n:Person OR n:DemoPoint OR n:Venue
WITH n LIMIT $batch_size
DETACH DELETE n
RETURN count(*) AS deleted
