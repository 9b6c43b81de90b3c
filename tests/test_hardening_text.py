"""Issue #23, class 1: text read as markup. Values from data, options, files or a server are data
wherever they go: rich prints them as written (no console markup, no emoji codes, control characters
escaped), matplotlib draws them without mathtext, and what XML cannot hold is refused at validation
with file, row and column.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

import orgnet
from orgnet.cli import app
from orgnet.errors import ValidationError
from orgnet.output import emit, print_problems, shown
from tests.conftest import TINY

runner = CliRunner()
AS_OF = "2012-06-30"
#: Wide enough that no table row of the tiny dataset folds (rich reads $COLUMNS).
WIDE = {"COLUMNS": "1000"}
#: What must never reach a terminal raw: C0 controls but tab and line feed, DEL, C1, bidi controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: What XML 1.0 cannot hold: validation refuses it in any text cell.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

FRAGMENTS = ["[b]", "[/b]", "[/]", "[/停业]", "[red]", "[link=x]", "$x^2$", "$\\frac$", "$", ":x:", ":warning:",
             "\x1b[31m", "\x1b]0;title\x07", "\x01", "\x0b", "\x7f", "\x9b", "\u202e", "\u2066", "\u200f", "\ufffe",
             "\\", "\\x1b", "'", '"', ",", ";", "\t", "\n", "\r", "<", "&amp;", "]]>", "{0}", "%s", "华美", " "]
hostile = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5).map("".join)


def with_names(folder: Path, text: str) -> dict[str, str]:
    """The tiny dataset in ``folder`` with organization O1, person P1 and region R1 named after ``text``
    (wrapped in letters, as cells are trimmed); returns the names."""
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    names = {"organizations": f"甲{text}乙", "people": f"丙{text}丁", "regions": f"戊{text}己"}
    for table, row_id in (("organizations", "O1"), ("people", "P1"), ("regions", "R1")):
        path = folder / f"{table}.csv"
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame.loc[frame["id"] == row_id, "name"] = names[table]
        frame.to_csv(path, index=False, lineterminator="\n")
    return names


def assert_clean(result, *codes: int, verbatim: bool = False) -> None:
    """Exit code one of ``codes``, no exception or traceback, nothing a terminal would act on in what
    is printed for people (``verbatim``: stdout is CSV or JSON, data kept as it is)."""
    assert result.exit_code in codes, (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert not RAW_CONTROL.search(result.stderr if verbatim else result.stdout + result.stderr), repr(result.output)


def as_table_shows(text: str) -> list[str]:
    """The pieces of ``text`` a table shows unchanged (tabs are expanded, lines broken)."""
    return [piece for piece in re.split(r"[\t\n]", shown(text)) if piece.strip()]


# -- the known failures, one by one -------------------------------------------------------------


@pytest.fixture
def closed_factory(tmp_path):
    names = with_names(tmp_path / "d", "[/停业]")
    return tmp_path / "d", names


@pytest.mark.parametrize("command", [["gaps"], ["summary"], ["coverage"], ["overlaps"]])
def test_closing_tag_in_a_name_is_printed_as_written(closed_factory, command):
    path, names = closed_factory
    result = runner.invoke(app, [*command, str(path), "--as-of", AS_OF], env=WIDE)
    assert_clean(result, 0)
    if command[0] in ("gaps", "summary"):
        assert names["organizations"] in result.stdout


def test_markup_in_an_option_does_not_break_the_error_line():
    result = runner.invoke(app, ["stats", str(TINY), "--as-of", AS_OF, "--region", "[/]"])
    assert_clean(result, 2)
    assert "error: --region [/]: no region with that id or name" in result.stderr


def test_terminal_escapes_in_an_option_are_shown_escaped():
    result = runner.invoke(app, ["impact", str(TINY), "--as-of", AS_OF, "--person", "\x1b[31mP9\x1b]0;t\x07[b]"])
    assert_clean(result, 2)
    assert "\\x1b[31mP9\\x1b]0;t\\x07[b]" in result.stderr


def test_tags_in_a_name_are_kept(tmp_path):
    names = with_names(tmp_path / "d", "[b]粗[/b]")
    result = runner.invoke(app, ["overlaps", str(tmp_path / "d"), "--as-of", AS_OF, "--lens", "all"], env=WIDE)
    assert_clean(result, 0)
    assert names["people"] in result.stdout


def test_emoji_code_in_a_problem_line_stays_text(tmp_path):
    shutil.copytree(TINY, tmp_path / "d", ignore=shutil.ignore_patterns("README.md"))
    people = tmp_path / "d" / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("P2,李强,M", "P2,李强,:x:"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path / "d")])
    assert_clean(result, 2)
    assert "':x:'" in result.stderr and "❌" not in result.stderr


def test_problem_table_on_a_terminal_escapes_and_keeps_markup():
    problems = [orgnet.errors.Problem("[red]a.csv", 2, "[/]", "x\x1b[31m:x:\u202e", "[b]something[/b]")]
    console = Console(file=io.StringIO(), force_terminal=True, width=200, color_system=None)
    print_problems(problems, console)
    text = console.file.getvalue()
    assert "[red]a.csv" in text and "[/]" in text and "x\\x1b[31m:x:\\u202e" in text and "[b]something[/b]" in text
    assert not RAW_CONTROL.search(text)


def test_tables_escape_control_characters_and_csv_json_keep_them(tmp_path, capsys):
    """Data from a server (the Neo4j backend) is not validated by orgnet: the table escapes it."""
    frame = pd.DataFrame({"name\x1b[2J": ["\x1b[31m红\x1b[0m", "P1\u202e2", "[/停业] :x: $x$"], "n": [1, 2, 3]})
    console = Console(file=io.StringIO(), width=200, force_terminal=True, color_system=None)
    emit(frame, "table", None, "[/] \x1b]0;title\x07", console)
    shown_text = console.file.getvalue()
    assert not RAW_CONTROL.search(shown_text)
    for want in ("\\x1b[31m红\\x1b[0m", "P1\\u202e2", "[/停业] :x: $x$", "name\\x1b[2J", "[/] \\x1b]0;title\\x07"):
        assert want in shown_text
    emit(frame, "json", None, "t")
    assert json.loads(capsys.readouterr().out)[0]["name\x1b[2J"] == "\x1b[31m红\x1b[0m"
    emit(frame, "csv", tmp_path / "f.csv", "t")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "f.csv").read_text(encoding="utf-8"))))
    assert [r["name\x1b[2J"] for r in rows] == list(frame["name\x1b[2J"])


def test_chart_labels_are_not_mathtext(tmp_path):
    with_names(tmp_path / "d", "$\\frac$ $x^2$")
    result = runner.invoke(app, ["chart", str(tmp_path / "d"), "--as-of", AS_OF, "-o", str(tmp_path / "c.png")])
    assert_clean(result, 0)
    from matplotlib.text import Text

    fig = orgnet.load(tmp_path / "d").chart("coverage", AS_OF)
    texts = [t for t in fig.findobj(Text) if t.get_text()]
    assert any("$\\frac$ $x^2$" in t.get_text() for t in texts)
    assert not any(t.get_parse_math() or t.get_usetex() for t in texts)


@pytest.mark.parametrize("char", ["\x01", "\x0b", "\x1b", "\ufffe", "\uffff"])
def test_what_xml_cannot_hold_is_refused_with_file_row_and_column(tmp_path, char):
    with_names(tmp_path / "d", f"x{char}y")
    with pytest.raises(ValidationError) as info:
        orgnet.load(tmp_path / "d")
    where = {(p.file, p.row, p.column) for p in info.value.problems if "XML" in p.expected}
    assert where == {("organizations.csv", 2, "name"), ("people.csv", 2, "name"), ("regions.csv", 3, "name")}
    result = runner.invoke(app, ["export", str(tmp_path / "d"), "--to", "graphml", "-o", str(tmp_path / "g.graphml")])
    assert_clean(result, 2)
    assert not (tmp_path / "g.graphml").exists()


def test_tab_newline_and_carriage_return_export_as_parseable_xml(tmp_path):
    names = with_names(tmp_path / "d", "a\tb\nc\rd")
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"g.{fmt}"
        assert_clean(runner.invoke(app, ["export", str(tmp_path / "d"), "--to", fmt, "-o", str(out)]), 0)
        assert _xml_holds(ET.parse(out), names["organizations"])


def _xml_holds(tree: ET.ElementTree, name: str) -> bool:
    """Whether the XML holds ``name`` in some text or attribute (white space compared loosely: XML
    parsers normalize line ends, and attribute values)."""
    def loose(s: str) -> str:
        return re.sub(r"\s+", " ", s)

    values = [v for e in tree.iter() for v in [e.text or "", *e.attrib.values()]]
    return any(loose(name) in loose(v) for v in values)


# -- the property: hostile names through every command ---------------------------------------------

ANALYSES = [["stats"], ["gaps"], ["overlaps"], ["nameplates"], ["plan"], ["liaison-check", "--year", "2012"],
            ["diff", "--from", "2011-06-30", "--to", AS_OF], ["impact", "--person", "P1"], ["key-people"],
            ["composition"], ["demo-reach"], ["venues"], ["coverage"], ["bridges"]]
FORMATS = ("table", "csv", "json")
#: The command whose output holds each renamed row, and the column it is in.
SHOWN_IN = {"organizations": (["gaps"], "org_name"), "people": (["overlaps", "--lens", "all"], "name"),
            "regions": (["coverage"], "region_name")}


@pytest.fixture
def load_once(monkeypatch):
    """The CLI loads each dataset folder once (answer or validation error kept): the property runs
    dozens of commands per example, and what it tests is what they print, not loading."""
    from orgnet.cli import common

    loaded: dict = {}

    def load(path, on_stage=None, tables=None):
        if path not in loaded:
            try:
                loaded[path] = common.load.__wrapped_load__(path, on_stage=on_stage)
            except ValidationError as exc:
                loaded[path] = exc
        if isinstance(loaded[path], ValidationError):
            raise ValidationError(loaded[path].problems)
        return loaded[path]

    load.__wrapped_load__ = common.load
    monkeypatch.setattr(common, "load", load)


def _run(args: list[str], path: Path) -> object:
    dated = [] if args[0] in ("liaison-check", "diff") else ["--as-of", AS_OF]
    return runner.invoke(app, [args[0], str(path), *args[1:], *dated], env=WIDE)


def _check_shown(names: dict[str, str], path: Path, folder: Path) -> None:
    """Each name escaped in a table; verbatim in CSV and JSON (written to files: no newline translation)."""
    for table, (command, column) in SHOWN_IN.items():
        table_out = _run([*command, "-f", "table"], path).stdout
        assert all(piece in table_out for piece in as_table_shows(names[table])), (names[table], table_out)
    _run(["gaps", "-f", "csv", "-o", str(folder / "out.csv")], path)
    with open(folder / "out.csv", encoding="utf-8", newline="") as fh:
        assert names["organizations"] in [r["org_name"] for r in csv.DictReader(fh)]
    _run(["coverage", "-f", "json", "-o", str(folder / "out.json")], path)
    assert names["regions"] in [r["region_name"] for r in json.loads((folder / "out.json").read_text(encoding="utf-8"))]


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile, turn=st.integers(0, 2))
@example(text="[/停业] [b]x[/b] :x: $x^2$ \u202e\t\r\n", turn=0)
@example(text="\x1b[31m\x1b]0;title\x07\x01", turn=1)
def test_hostile_names_through_every_command(tmp_path_factory, load_once, text, turn):
    """Every analysis (each in one of the three formats, turning with ``turn``), summary, schema,
    GraphML and GEXF exports and a chart: exit 0, or 2 when validation refuses what XML cannot hold."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "d"
    names = with_names(path, text)
    refused = bool(NOT_IN_XML.search(text))
    code = 2 if refused else 0
    for i, args in enumerate(ANALYSES):
        fmt = FORMATS[(i + turn) % 3]
        assert_clean(_run([*args, "-f", fmt], path), code, verbatim=fmt != "table")
    assert_clean(_run(["summary"], path), code)
    assert_clean(runner.invoke(app, ["schema"]), 0)
    for fmt in ("graphml", "gexf"):
        out = folder / f"g.{fmt}"
        assert_clean(runner.invoke(app, ["export", str(path), "--to", fmt, "-o", str(out)]), code)
        assert refused or _xml_holds(ET.parse(out), names["organizations"])
    assert_clean(_run(["chart", "-o", str(folder / "c.svg")], path), code)
    if refused:
        assert "which XML exports cannot hold" in runner.invoke(app, ["validate", str(path)]).stderr
    else:
        _check_shown(names, path, folder)
