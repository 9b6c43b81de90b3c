// What is in the database: nodes per orgnet label and relationships per type (one row each).
UNWIND [
  {kind: 'node', name: 'Region', n: COUNT { (:Region) }},
  {kind: 'node', name: 'Organization', n: COUNT { (:Organization) }},
  {kind: 'node', name: 'Body', n: COUNT { (:Body) }},
  {kind: 'node', name: 'PartyBody', n: COUNT { (:PartyBody) }},
  {kind: 'node', name: 'WomenBody', n: COUNT { (:WomenBody) }},
  {kind: 'node', name: 'UnionBody', n: COUNT { (:UnionBody) }},
  {kind: 'node', name: 'YouthBody', n: COUNT { (:YouthBody) }},
  {kind: 'node', name: 'AdminBody', n: COUNT { (:AdminBody) }},
  {kind: 'node', name: 'Person', n: COUNT { (:Person) }},
  {kind: 'node', name: 'DemoPoint', n: COUNT { (:DemoPoint) }},
  {kind: 'node', name: 'Venue', n: COUNT { (:Venue) }},
  {kind: 'relationship', name: 'PART_OF', n: COUNT { ()-[:PART_OF]->() }},
  {kind: 'relationship', name: 'LOCATED_IN', n: COUNT { ()-[:LOCATED_IN]->() }},
  {kind: 'relationship', name: 'BELONGS_TO', n: COUNT { ()-[:BELONGS_TO]->() }},
  {kind: 'relationship', name: 'HOLDS', n: COUNT { ()-[:HOLDS]->() }},
  {kind: 'relationship', name: 'WORKS_AT', n: COUNT { ()-[:WORKS_AT]->() }},
  {kind: 'relationship', name: 'LIAISES_WITH', n: COUNT { ()-[:LIAISES_WITH]->() }},
  {kind: 'relationship', name: 'VISITED', n: COUNT { ()-[:VISITED]->() }},
  {kind: 'relationship', name: 'DEMO_AT', n: COUNT { ()-[:DEMO_AT]->() }},
  {kind: 'relationship', name: 'PAIRED_WITH', n: COUNT { ()-[:PAIRED_WITH]->() }},
  {kind: 'relationship', name: 'USES', n: COUNT { ()-[:USES]->() }}
] AS c
RETURN c.kind AS kind, c.name AS name, c.n AS count
