"""Issue #23, class 2: input a user wrote (files, rules, options) exits 0 or 2 — never 1 ("internal
error") and never a traceback without --debug. Known failures first, then a hypothesis fuzz over
files, rules files and options; the long fuzz is marked ``slow``."""

from __future__ import annotations

import math
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from orgnet.engines.neo4j.adhoc import query_parameters
from orgnet.errors import InputError, OrgnetError
from orgnet.rules import Rules
from tests.conftest import TINY

AS_OF = ["--as-of", "2012-06-30"]
RULE_NAMES = list(vars(Rules()))
FUZZ = settings(max_examples=10, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
LONG = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def invoke(*args: str):
    from orgnet.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def assert_user_error_or_ok(result, allowed=(0, 2)) -> None:
    text = result.output
    assert result.exit_code in allowed, text[-2000:]
    assert "Traceback" not in text and "internal error" not in text, text[-2000:]


def tiny_copy() -> Path:
    folder = Path(tempfile.mkdtemp()) / "tiny"
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    return folder


# -- known failures -------------------------------------------------------------------------------
@pytest.mark.parametrize("body, rule", [
    ("bridges_exact_max_nodes = 0", "bridges_exact_max_nodes"),
    ("min_posts = 0", "min_posts"),  # as strict as --min-posts (at least 1)
    ("nameplate_jaccard = nan", "nameplate_jaccard"),
    ("nameplate_jaccard = -0.5", "nameplate_jaccard"),
    ("reserve_women_min_share = 1.5", "reserve_women_min_share"),
    ("links_min = 4\nlinks_max = 3", "links_min"),
    ("executive_levels = ['planet']", "executive_levels"),
    ("stats_levels = ['county', 'moon']", "stats_levels"),
    ("cadre_federation_levels = ['x']", "cadre_federation_levels"),
    ("committee_types = ['branch']", "committee_types"),
    ("grade_order = ['excellent', 'splendid']", "grade_order"),
    ("min_posts = 99999999999999999999", "min_posts"),
    ("demo_hops = -1", "demo_hops"),
    ("rules = 5", "rules"),
    ("min_posts = " + "9" * 5000, "digits"),
])
def test_bad_rules_exit_2_naming_file_and_rule(tmp_path, body, rule):
    path = tmp_path / "rules.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as info:
        Rules.from_toml(path)
    assert str(path) in str(info.value) and rule in str(info.value)


def test_bad_rules_exit_2_from_the_command(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("bridges_exact_max_nodes = 0\n", encoding="utf-8")
    result = invoke("bridges", TINY, *AS_OF, "--rules", path)
    assert result.exit_code == 2 and "bridges_exact_max_nodes" in result.stderr and "internal error" not in result.stderr


def test_every_rule_problem_is_reported_at_once(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("nameplate_jaccard = 2\nbridges_exact_max_nodes = 0\nstats_levels = ['moon']\ncommitee = 3\n")
    message = str(pytest.raises(InputError, Rules.from_toml, path).value)
    assert "4 problems" in message
    assert all(name in message for name in ("nameplate_jaccard", "bridges_exact_max_nodes", "stats_levels", "commitee"))


def test_good_rules_still_load(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("[rules]\nnameplate_jaccard = 1\nlinks_min = 3\nlinks_max = 3\ngrade_order = ['weak', 'none']\n")
    r = Rules.from_toml(path)
    assert (r.nameplate_jaccard, r.links_min, r.grade_order) == (1.0, 3, ("weak", "none"))


@pytest.mark.parametrize("given", ["x=9223372036854775808", "min_posts=-9223372036854775809", "x=[1, 99999999999999999999]",
                                   'x={"a": 99999999999999999999}', "x=" + "9" * 5000, "bridges_exact_max_nodes=0",
                                   "nameplate_jaccard=nan"])
def test_param_refuses_what_an_engine_cannot_hold(given):
    with pytest.raises(InputError, match="--param"):
        query_parameters("RETURN $x", [given, "x=1"] if not given.startswith("x") else [given], Rules())


def test_param_at_the_int64_edges_is_fine():
    p = query_parameters("RETURN $x, $y", ["x=9223372036854775807", "y=-9223372036854775808"], Rules())
    assert (p["x"], p["y"]) == (2**63 - 1, -2**63)


@pytest.mark.parametrize("args", [["liaison-check", TINY, "--year", "99999"], ["liaison-check", TINY, "--year", "-5"],
                                  ["overlaps", TINY, *AS_OF, "--min-posts", "99999999999999999999"],
                                  ["demo-reach", TINY, *AS_OF, "--hops", "99999999999999999999"]])
def test_out_of_range_options_are_usage_errors(args):
    result = invoke(*args)
    assert result.exit_code == 2, result.output


def test_rules_overrides_are_checked_like_the_file():
    with pytest.raises(InputError, match="min_posts"):
        Rules().with_overrides(min_posts=2**64)


# -- the fuzz ------------------------------------------------------------------------------------
TABLES = sorted(p.stem for p in TINY.glob("*.csv"))
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1", "cp1252"]
CELLS = st.one_of(st.text(max_size=20), st.sampled_from(["\x00", "\u00ad", "\u2060", "\ufeff", "\u200b", "e\u0301",
                                                         '"', '""', "\r", "\n", ",", "9" * 30, "-1", "P1", "O3"]))


@st.composite
def damaged_file(draw) -> tuple[str, bytes]:
    """One of the tiny dataset's files with a cell, the header, the bytes or the encoding changed."""
    table = draw(st.sampled_from(TABLES))
    text = (TINY / f"{table}.csv").read_text(encoding="utf-8")
    lines = text.split("\n")
    how = draw(st.sampled_from(["cell", "header", "bytes", "encoding", "line"]))
    if how in ("cell", "header"):
        row = 0 if how == "header" else draw(st.integers(1, max(1, len(lines) - 2)))
        cells = lines[row].split(",")
        cells[draw(st.integers(0, len(cells) - 1))] = draw(CELLS)
        lines[row] = ",".join(cells)
    elif how == "line":
        lines.insert(draw(st.integers(0, len(lines))), draw(st.text(max_size=40)))
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(ENCODINGS)) if how == "encoding" else "utf-8"
    data = text.encode(encoding, errors="replace")
    if how == "bytes":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    return table, data


def check_damaged_file(table: str, data: bytes) -> None:
    folder = tiny_copy()
    (folder / f"{table}.csv").write_bytes(data)
    assert_user_error_or_ok(invoke("validate", folder))


@FUZZ
@given(damaged_file())
def test_fuzz_files(case):
    check_damaged_file(*case)


TOML_VALUES = st.one_of(
    st.integers(), st.integers(min_value=-2**70, max_value=2**70), st.booleans(), st.text(max_size=10),
    st.floats(allow_nan=True, allow_infinity=True), st.lists(st.sampled_from(["county", "moon", "none", "weak", "committee"]), max_size=4),
    st.lists(st.integers(), max_size=3),
)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return str(value)


RULES_FILES = st.one_of(
    st.dictionaries(st.one_of(st.sampled_from(RULE_NAMES), st.from_regex(r"[a-z_]{1,12}", fullmatch=True)), TOML_VALUES, max_size=4)
    .map(lambda values: "".join(f"{k} = {toml_value(v)}\n" for k, v in values.items())),
    st.text(max_size=60),
)
RULES_COMMANDS = ["gaps", "overlaps", "nameplates", "plan", "stats", "composition", "demo-reach", "coverage", "bridges"]


def check_rules_file(text: str, command: str) -> None:
    path = Path(tempfile.mkdtemp()) / "rules.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_user_error_or_ok(invoke(command, TINY, *AS_OF, "--rules", path))


@FUZZ
@given(RULES_FILES, st.sampled_from(RULES_COMMANDS))
def test_fuzz_rules(text, command):
    check_rules_file(text, command)


class _Accepted(OrgnetError):
    """Raised in place of connecting to Neo4j: the options were accepted."""

    exit_code = 0


def check_param(value: str, name: str) -> None:
    from orgnet.engines import neo4j

    def accepted(*_args, **_kwargs):
        raise _Accepted("parameters accepted")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(neo4j, "open_driver", accepted)
        result = invoke("query", "gaps", "--param", f"{name}={value}", "--neo4j-uri", "bolt://localhost:7687")
    assert_user_error_or_ok(result)


PARAM_VALUES = st.one_of(st.text(max_size=20), st.integers(min_value=-2**80, max_value=2**80).map(str),
                         st.lists(st.integers(min_value=-2**70, max_value=2**70), max_size=3).map(str),
                         st.sampled_from(["nan", "inf", "[", "{}", '{"a": 1}', "2012-02-30", "9" * 5000, "1e400"]))


@settings(FUZZ, max_examples=30)
@given(PARAM_VALUES, st.sampled_from(["as_of", "year", "min_posts", "nameplate_jaccard", "stats_levels", "x"]))
def test_fuzz_param(value, name):
    check_param(value, name)


OPTION_TEXT = st.one_of(st.text(max_size=15), st.sampled_from(["2012-02-30", "0001-01-01", "9999-12-31", "\u00adP1",
                                                               "Pe\u0301", "R1", "P1", "99999-01-01"]))
OPTIONS = st.one_of(
    st.tuples(st.just("gaps"), st.just("--as-of"), OPTION_TEXT),
    st.tuples(st.just("stats"), st.just("--region"), OPTION_TEXT),
    st.tuples(st.just("impact"), st.just("--person"), OPTION_TEXT),
    st.tuples(st.just("overlaps"), st.just("--min-posts"), st.one_of(st.integers(-2**70, 2**70).map(str), OPTION_TEXT)),
    st.tuples(st.just("liaison-check"), st.just("--year"), st.one_of(st.integers(-2**70, 2**70).map(str), OPTION_TEXT)),
)


def check_option(command: str, option: str, value: str) -> None:
    as_of = [] if option == "--as-of" or command == "liaison-check" else AS_OF
    assert_user_error_or_ok(invoke(command, TINY, *as_of, option, value))


@FUZZ
@given(OPTIONS)
def test_fuzz_options(case):
    check_option(*case)


@pytest.mark.slow
@LONG
@given(damaged_file(), RULES_FILES, st.sampled_from(RULES_COMMANDS), OPTIONS, PARAM_VALUES)
def test_fuzz_everything_long(file_case, rules_text, command, option_case, param):
    check_damaged_file(*file_case)
    check_rules_file(rules_text, command)
    check_option(*option_case)
    check_param(param, "x")
