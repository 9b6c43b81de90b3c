// people: every person, with gender and whether she or he is a reserve cadre. Names are personal data.

MATCH (p:Person)
RETURN p.id AS person_id, p.name AS person_name, p.gender AS gender, p.reserve_cadre AS reserve_cadre
ORDER BY person_id
