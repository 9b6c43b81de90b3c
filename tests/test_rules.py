"""Rule thresholds: defaults from the source, TOML overrides, clear errors."""

import pytest

from orgnet.errors import InputError
from orgnet.rules import Rules


def test_defaults_are_the_source_values():
    r = Rules()
    assert (r.committee_min_female, r.links_min, r.links_max, r.visits_per_year) == (30, 1, 3, 2)
    assert r.grade_order[:3] == ("excellent", "standard", "weak")


def test_overrides_from_toml(tmp_path):
    f = tmp_path / "rules.toml"
    f.write_text('[rules]\ncommittee_types = ["work_committee"]\nnameplate_jaccard = 1\n')
    r = Rules.from_toml(f)
    assert r.committee_types == ("work_committee",) and r.nameplate_jaccard == 1.0


@pytest.mark.parametrize("text, words", [
    ("committee_min = 3", "unknown rule"),
    ("min_posts = 'two'", "whole number"),
    ("min_posts = -1", "whole number"),
    ("committee_types = 'committee'", "list of strings"),
    ("nameplate_jaccard = true", "a number"),
    ("this is not toml", "not a readable TOML"),
])
def test_bad_rules_files(tmp_path, text, words):
    f = tmp_path / "rules.toml"
    f.write_text(text)
    with pytest.raises(InputError, match=words) as info:
        Rules.from_toml(f)
    assert info.value.exit_code == 2 and str(f) in str(info.value)
