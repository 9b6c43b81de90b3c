"""Issue #23, class 4: nothing that says who a person is leaves the machine under --redact.

A copy of the tiny dataset gains person columns the schema does not define (a pinyin name, an
English name, a phone number); every output made with --redact (each analysis command in CSV, JSON
and as a table, every view, the report, every export) must hold no real name, no pinyin or English
name, no phone number and no real person id. Messages too: an unknown ``--person`` id, a
mis-decoded name's "did it mean …?" hint. And twenty processes making the key at once agree on it.
"""

from __future__ import annotations

import csv
import inspect
import multiprocessing
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orgnet import redact
from orgnet.cli import app
from tests.conftest import TINY

AS_OF = ["--as-of", "2012-06-30"]
#: Every command with --redact that writes a table, and its arguments (the test fails when one is added).
TABLES = {
    "stats": AS_OF, "gaps": AS_OF, "overlaps": AS_OF, "nameplates": AS_OF, "plan": AS_OF,
    "liaison-check": ["--year", "2012"], "diff": ["--from", "2008-06-30", "--to", "2012-06-30"],
    "impact": ["--person", "P2", *AS_OF], "key-people": AS_OF, "composition": AS_OF, "demo-reach": AS_OF,
    "venues": AS_OF, "coverage": AS_OF, "bridges": AS_OF,
}
VIEWS = {
    "coverage": AS_OF, "overlaps": AS_OF, "ego-person": ["--person", "P1", *AS_OF], "ego-org": ["--org", "O5", *AS_OF],
    "region": ["--region", "R1", *AS_OF], "diff": ["--from", "2008-06-30", "--to", "2012-06-30"],
}
PINYIN = ["Wang Xiuying", "Li Qiang", "Zhang Li", "Liu Fang", "Chen Jing", "Zhao Min", "Sun Hong", "Zhou Mei",
          "Zheng Wei", "Wu Yan", "Huang Juan", "Lin Fang", "Ma Hong", "Xu Jun", "He Bin", "Gao Yan", "Qian Wei",
          "Feng Gang", "Luo Ming", "Liang Jing", "Song Tao", "Tang Li"]
#: A person id as a token: P1 but not P12's prefix, nor an id inside a longer word.
PERSON_ID = re.compile(r"(?<![A-Za-z0-9_])P\d+(?![A-Za-z0-9_])")
#: Embedded images and fonts: base64 that may spell anything.
DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")

runner = CliRunner()


@pytest.fixture(autouse=True)
def redact_key(monkeypatch):
    monkeypatch.setenv(redact.KEY_ENV, "orgnet-test-key")


@pytest.fixture(scope="module")
def extra(tmp_path_factory) -> Path:
    """tiny, with name_pinyin, english_name and phone columns in people.csv."""
    folder = tmp_path_factory.mktemp("redact") / "extra_columns"
    shutil.copytree(TINY, folder)
    with open(folder / "people.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[0] += ["name_pinyin", "english_name", "phone"]
    for i, row in enumerate(rows[1:]):
        row += [PINYIN[i], f"{PINYIN[i].split()[1]} {PINYIN[i].split()[0].upper()}-EN", f"1380013{i:04d}"]
    with open(folder / "people.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return folder


def secrets_of(folder: Path) -> dict[str, str]:
    """Every text that says who a person is → where it comes from."""
    with open(folder / "people.csv", encoding="utf-8") as fh:
        people = list(csv.DictReader(fh))
    return {row[c]: f"{row['id']}.{c}" for row in people for c in ("name", "name_pinyin", "english_name", "phone")}


def leaks(text: str, secrets: dict[str, str]) -> list[str]:
    text = DATA_URI.sub("", text)
    return sorted({where for value, where in secrets.items() if value in text} | set(PERSON_ID.findall(text)))


def run(*args) -> str:
    """What a command says, on stdout and stderr."""
    return runner.invoke(app, [str(a) for a in args]).output


def read_all(path: Path) -> str:
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    return "".join(f.read_text(encoding="utf-8") for f in files if f.is_file())


def test_every_redactable_table_command_is_checked():
    redactable = {c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands
                  if "redact" in inspect.signature(c.callback).parameters}
    assert redactable - {"viz", "report", "export", "summary", "query"} == set(TABLES)


def test_summary_names_nobody(extra):
    """summary prints the top post overlaps, who holds them by name: --redact hides them (it had no
    --redact at all)."""
    secrets = secrets_of(extra)
    assert leaks(run("summary", extra, *AS_OF), secrets)  # the check can fail
    said = run("summary", extra, *AS_OF, "--redact")
    assert "post overlaps" in said and "人员-" in said, said
    assert not leaks(said, secrets), leaks(said, secrets)[:5]


@pytest.mark.parametrize("command", list(TABLES))
def test_tables_name_nobody(extra, tmp_path, command):
    secrets = secrets_of(extra)
    for fmt in ("csv", "json", "table"):
        out = tmp_path / f"{command}.{fmt}"
        said = run(command, extra, *TABLES[command], "-f", fmt, "--redact", *(["-o", out] if fmt != "table" else []))
        text = said + (out.read_text(encoding="utf-8") if out.exists() else "")
        assert not leaks(text, secrets), (command, fmt, leaks(text, secrets)[:5], text[:300])
    if command in ("overlaps", "key-people", "liaison-check", "impact", "bridges", "diff"):
        plain = run(command, extra, *TABLES[command], "-f", "json")
        assert leaks(plain, secrets), "the check could not fail: no person in the plain output"


@pytest.mark.parametrize("view", list(VIEWS))
def test_views_name_nobody(extra, tmp_path, view):
    out = tmp_path / f"{view}.html"
    said = run("viz", extra, "--view", view.split("-")[0], *VIEWS[view], "--redact", "-o", out)
    assert out.exists(), said
    assert not leaks(said + out.read_text(encoding="utf-8"), secrets_of(extra))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_names_nobody(extra, tmp_path, lang):
    out = tmp_path / "report.html"
    said = run("report", extra, *AS_OF, "--lang", lang, "--redact", "-o", out)
    assert out.exists(), said
    assert not leaks(out.read_text(encoding="utf-8"), secrets_of(extra))


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "neo4j-csv"])
def test_exports_name_nobody_and_drop_unknown_columns(extra, tmp_path, fmt):
    secrets = secrets_of(extra)
    plain, redacted = tmp_path / f"plain.{fmt}", tmp_path / f"redacted.{fmt}"
    run("export", extra, "--to", fmt, "-o", plain)
    assert "Wang Xiuying" in read_all(plain)  # exports without --redact keep every column
    said = run("export", extra, "--to", fmt, "--redact", "-o", redacted)
    text = read_all(redacted)
    assert "人员-" in text and "employer_org_id" in text, said
    assert not leaks(text, secrets), leaks(text, secrets)[:5]
    assert "name_pinyin" not in text and "english_name" not in text and "phone" not in text


def test_graph_export_keeps_people_linked(extra, tmp_path):
    """Redacted person nodes keep their edges: a HOLDS edge leaves each pseudonymous holder."""
    import networkx as nx

    run("export", extra, "--to", "graphml", "--redact", "--history", "-o", tmp_path / "g.graphml")
    graph = nx.read_graphml(tmp_path / "g.graphml")
    people = [n for n, a in graph.nodes(data=True) if a["node_kind"] == "Person"]
    assert len(people) == 22 and all(n == f"Person:{graph.nodes[n]['label']}" for n in people)
    assert sum(e["rel"] == "HOLDS" for _, _, e in graph.edges(data=True)) > 0
    assert all(graph.nodes[u]["node_kind"] == "Person" for u, _, e in graph.edges(data=True) if e["rel"] == "HOLDS")


@pytest.mark.parametrize("args", [["impact", "--person", "P66", *AS_OF],
                                  ["viz", "--view", "ego", "--person", "P66", "-o", "never.html"]])
def test_unknown_person_is_not_named(extra, tmp_path, args):
    said = run(args[0], extra, *args[1:], "--redact")
    assert "no such person" in said or "no person" in said, said
    assert "P66" not in said and redact.pseudonym("P66") in said


def test_impact_title_uses_the_pseudonym(extra):
    said = run("impact", extra, "--person", "P2", *AS_OF, "--redact")
    assert f"impact of {redact.pseudonym('P2')} leaving" in said and "P2" not in said


def test_problems_show_no_name_and_no_hint(extra, tmp_path):
    """A mis-decoded name is flagged with a "did it mean '王秀英'?" hint, and an unknown person id by
    value: under --redact neither value is said."""
    bad = tmp_path / "bad"
    shutil.copytree(extra, bad)
    text = (bad / "people.csv").read_text(encoding="utf-8")
    text = text.replace("王秀英", "王秀英".encode("utf-8").decode("cp1252", errors="replace"), 1)
    (bad / "people.csv").write_text(text, encoding="utf-8")
    posts = (bad / "posts.csv").read_text(encoding="utf-8")
    (bad / "posts.csv").write_text(posts + "P99,B6,member,2010-01-01,\n", encoding="utf-8")
    for command in (["overlaps", *AS_OF], ["export", "--to", "json", "-o", tmp_path / "x.json"],
                    ["report", *AS_OF, "-o", tmp_path / "r.html"]):
        plain = run(command[0], bad, *command[1:])
        assert "王秀英" in plain and "P99" in plain, plain  # the check can fail
        said = run(command[0], bad, *command[1:], "--redact")
        assert "mis-decoded" in said and "person_id" in said, said
        assert "王秀英" not in said and "P99" not in said and "did it mean" not in said, said


# -- the key, made once by many -----------------------------------------------------------------

def _make_key(config: str, barrier, results) -> None:
    os.environ.pop(redact.KEY_ENV, None)
    os.environ["XDG_CONFIG_HOME"] = config
    redact._file_key.cache_clear()
    barrier.wait()
    try:
        results.put(redact.redaction_key().decode("ascii"))
    except Exception as exc:  # noqa: BLE001 - the parent reports it
        results.put(f"error: {type(exc).__name__}: {exc}")


@pytest.mark.skipif(sys.platform != "linux", reason="forks 20 processes")
@pytest.mark.parametrize("round_", range(5))
def test_twenty_processes_agree_on_one_key(tmp_path, round_):
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(20), context.Queue()
    workers = [context.Process(target=_make_key, args=(str(tmp_path), barrier, results)) for _ in range(20)]
    for w in workers:
        w.start()
    keys = [results.get(timeout=60) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    on_disk = (tmp_path / "orgnet" / "redact.key").read_text(encoding="ascii").strip()
    assert set(keys) == {on_disk} and len(on_disk) == 64, sorted(set(keys))
    assert [p.name for p in (tmp_path / "orgnet").iterdir()] == ["redact.key"]  # no temporary file left
