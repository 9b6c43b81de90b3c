// Second label for the bodies of the youth system: YouthBody (schema.toml [system_labels]).
// The loader picks this file for the ids of bodies whose system is 'youth'; a body that moved
// from another system loses that system's label.
// :param ids => ['B1', 'B2']
UNWIND $ids AS id
MATCH (b:Body {id: id})
REMOVE b:PartyBody:WomenBody:UnionBody:AdminBody
SET b:YouthBody
