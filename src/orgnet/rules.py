"""Rule thresholds, with the source reports' values as defaults; override any of them from TOML.

Examples
--------
>>> Rules().committee_min_female
30
>>> import tempfile, pathlib
>>> f = pathlib.Path(tempfile.mkdtemp()) / "rules.toml"
>>> _ = f.write_text("committee_min_female = 50\\nmin_posts = 3\\n")
>>> r = Rules.from_toml(f)
>>> (r.committee_min_female, r.min_posts, r.nameplate_jaccard)
(50, 3, 0.5)
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .errors import InputError
from .limits import rule_problems, rule_value
from .sanctioned import RULE_IDS as SANCTIONED_IDS


@dataclass(frozen=True)
class Rules:
    """Every threshold an analysis uses. Field comments name the source rule (see DOMAIN.md)."""

    #: Rule 1 (Longyou): a two-new org with this many female staff builds a women's work committee.
    committee_min_female: int = 30
    #: Rule 1: below that, from this many female staff, a liaison officer is appointed.
    liaison_min_female: int = 1
    #: Women's body types that satisfy ``committee_required``.
    committee_types: tuple[str, ...] = ("committee", "work_committee", "federation")
    #: Post overlap: a person with at least this many active posts is listed.
    min_posts: int = 2
    #: Post overlap, lens ``load``: … and at least this many extra posts (seats beyond her first that no
    #: sanctioned cross-appointment explains; ``orgnet.sanctioned``).
    min_extra_posts: int = 1
    #: Which overlaps are listed: ``load`` (extra posts, the problem view), ``cross`` (people holding a
    #: sanctioned cross-appointment) or ``all`` (everyone with ``min_posts``).
    overlap_lens: str = "load"
    #: The sanctioned cross-appointments in force (ids in ``orgnet.sanctioned``; all by default).
    sanctioned: tuple[str, ...] = SANCTIONED_IDS
    #: Nameplate overlap: two bodies whose holder sets have at least this Jaccard similarity.
    nameplate_jaccard: float = 0.5
    #: Rule 5: each federation executive links this many two-new women's bodies…
    links_min: int = 1
    links_max: int = 3
    #: … and visits each at least this often a year.
    visits_per_year: int = 2
    #: Rule 5: the federation executives who take liaison links sit on federations of these levels.
    executive_levels: tuple[str, ...] = ("county", "district")
    #: Rule 4: the order of party grades when planning (best first); "none" = no party body.
    grade_order: tuple[str, ...] = ("excellent", "standard", "weak", "unrated", "none")
    #: Rule 4 (Longyou's park): the women's build queue takes organizations whose party body is graded
    #: these first, in this order (优秀, then 达标); every other organization with a party body comes
    #: after them as one tier ("其余已建党组织的", 成熟一个，组建一个), ordered by readiness and size.
    plan_first_grades: tuple[str, ...] = ("excellent", "standard")
    #: Region levels that get a row per figure in ``stats`` (rolled up from everything below).
    stats_levels: tuple[str, ...] = ("county", "district", "township", "street", "park")
    #: Region levels whose federations count as federation cadres' bodies (Beihu's 58 cadres).
    cadre_federation_levels: tuple[str, ...] = ("county", "district", "township", "street")
    #: Rule 7 (Beihu): more than this share of district department teams include a woman…
    department_teams_min_share: float = 0.5
    #: … and women are at least this share of reserve cadres.
    reserve_women_min_share: float = 0.2
    #: Demonstration reach: organizations within this many hops (shared people or pairing).
    demo_hops: int = 2
    #: Bridges: exact betweenness for connected pieces up to this many nodes, this many seeded samples above.
    bridges_exact_max_nodes: int = 500

    def with_overrides(self, **values) -> Rules:
        """A copy with some thresholds changed (None values are ignored); bad values raise ``InputError``."""
        values = {k: v for k, v in values.items() if v is not None}
        problems = rule_problems(values, asdict(self))
        if problems:
            raise InputError("; ".join(problems))
        return replace(self, **{k: rule_value(k, v, getattr(self, k))[0] for k, v in values.items()})

    @classmethod
    def from_toml(cls, path: str | Path | None) -> Rules:
        """Defaults overridden by a TOML file of ``name = value`` lines (or a ``[rules]`` table).

        Unknown names, wrong types, values out of range (shares and ``nameplate_jaccard`` from 0
        to 1, counts from 0, ``bridges_exact_max_nodes`` from 1, integers within 64 bits),
        ``links_min`` above ``links_max`` and levels, body types or grades the schema does not
        know are all reported at once (``InputError``, exit 2)."""
        if path is None:
            return cls()
        path = Path(path)
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # (Notepad starts a file with a BOM)
        except (OSError, ValueError, RecursionError) as exc:  # (TOMLDecodeError, UnicodeDecodeError, over-long
            # numbers, lists nested thousands deep)
            why = ("a number of thousands of digits" if "digits" in str(exc) else
                   "values nested thousands deep" if isinstance(exc, RecursionError) else exc)
            raise InputError(f"{path}: not a readable TOML rules file ({why})") from exc
        known = asdict(cls())
        if isinstance(raw.get("rules"), dict):
            table = raw["rules"]
            problems = [f"rule {name!r} outside the [rules] table" for name in raw if name != "rules"]
        else:
            table, problems = raw, []
        unknown = [name for name in table if name not in known]
        problems += [f"unknown rule {name!r} (expected one of {', '.join(known)})" for name in unknown]
        values = {name: value for name, value in table.items() if name in known}
        problems += rule_problems(values, known)
        if problems:
            raise InputError(f"{path}: {len(problems)} problem{'s' if len(problems) > 1 else ''} in the rules:\n  "
                             + "\n  ".join(problems))
        return cls(**{name: rule_value(name, value, known[name])[0] for name, value in values.items()})
