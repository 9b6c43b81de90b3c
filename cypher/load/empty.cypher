// Whether the database holds no node of orgnet's labels: then the loader takes the fresh path
// (load/create/*.cypher, CREATE only). Counts by label come from the count store, not a scan.
RETURN COUNT { (:Region) } + COUNT { (:Organization) } + COUNT { (:Body) } + COUNT { (:Person) }
       + COUNT { (:DemoPoint) } + COUNT { (:Venue) } = 0 AS empty
