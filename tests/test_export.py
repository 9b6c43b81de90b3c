"""Exports read back by networkx's own readers, cut by as_of, redacted, safe in spreadsheets."""

from __future__ import annotations

import csv
import json
from collections import Counter
import re
import shutil

import networkx as nx
import pytest
from typer.testing import CliRunner

import orgnet
from orgnet.cli import app
from orgnet.export import snapshot_graph
from tests.conftest import SAMPLES, TINY

READERS = {
    "graphml": nx.read_graphml,
    "gexf": nx.read_gexf,
    "json": lambda p: nx.node_link_graph(json.loads(p.read_text(encoding="utf-8")), edges="edges"),
}


@pytest.fixture(scope="module")
def beihu():
    return orgnet.load(SAMPLES["beihu"])


@pytest.mark.parametrize("fmt", list(READERS))
def test_round_trip_counts(beihu, fmt, tmp_path):
    out = tmp_path / f"beihu.{fmt}"
    counts = beihu.export(fmt, out, as_of="2012-06-30")
    back = READERS[fmt](out)
    assert (back.number_of_nodes(), back.number_of_edges()) == (counts["nodes"], counts["edges"])
    assert counts["edges"] < beihu.graph.number_of_edges()  # ended posts and dissolved bodies are cut


def test_whole_history_when_asked(tmp_path):
    net = orgnet.load(TINY)
    counts = net.export("graphml", tmp_path / "all.graphml", as_of="2012-06-30", history=True)
    assert (counts["nodes"], counts["edges"]) == (net.graph.number_of_nodes(), net.graph.number_of_edges())
    back = nx.read_graphml(tmp_path / "all.graphml")
    assert back.nodes["Body:B15"]["active"] is False and back.nodes["Body:B3"]["active"] is True
    current = sum(e["active"] for _, _, e in back.edges(data=True))
    assert current == snapshot_graph(net.graph, "2012-06-30").number_of_edges()


def test_one_day_by_default_today(tmp_path):
    """Without as_of the graph formats hold today's network (and say so); neo4j-csv every row."""
    from datetime import date

    net = orgnet.load(TINY)
    counts = net.export("gexf", tmp_path / "today.gexf")
    today = snapshot_graph(net.graph, date.today())
    assert counts == {"nodes": today.number_of_nodes(), "edges": today.number_of_edges(), "as_of": date.today()}
    result = CliRunner().invoke(app, ["export", str(TINY), "--to", "gexf", "-o", str(tmp_path / "t.gexf")])
    assert result.exit_code == 0 and f"as of {date.today().isoformat()}" in result.output
    csv_counts = net.export("neo4j-csv", tmp_path / "csv")
    assert csv_counts["edges"] == net.graph.number_of_edges()


def test_as_of_cut_by_hand():
    cut = snapshot_graph(orgnet.load(TINY).graph, "2012-06-30")
    assert "Body:B15" not in cut  # dissolved 2012-03-01
    assert "DemoPoint:D2" not in cut  # named 2013
    holds = [(u, v) for u, v, e in cut.edges(data=True) if e["type"] == "HOLDS"]
    assert ("Person:P13", "Body:B11") in holds and len([h for h in holds if h == ("Person:P13", "Body:B11")]) == 1
    visits = [e["date"] for _, _, e in cut.edges(data=True) if e["type"] == "VISITED"]
    assert sorted(visits) == ["2011-11-01", "2012-03-01", "2012-04-01"]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_names_labels_and_rel_read_back(beihu, fmt, tmp_path):
    """nx.read_gexf/read_graphml: the name is the label, the relationship type is ``rel`` (GEXF's edge
    ``type`` is left to mean directed), every edge id is unique, no attribute is empty."""
    out = tmp_path / f"b.{fmt}"
    beihu.export(fmt, out, as_of="2012-06-30")
    back = READERS[fmt](out)
    names = dict(zip("Person:" + beihu.tables["people"]["id"], beihu.tables["people"]["name"]))
    assert all(back.nodes[n]["label"] == name for n, name in names.items())
    cut = snapshot_graph(beihu.graph, "2012-06-30")
    assert Counter(e["rel"] for *_, e in back.edges(data=True)) == Counter(e["type"] for *_, e in cut.edges(data=True))
    keys = [k for *_, k in back.edges(keys=True)]
    assert len(set(keys)) == len(keys) == cut.number_of_edges()
    assert all(v not in (None, "") for _, a in back.nodes(data=True) for v in a.values())
    if fmt == "gexf":
        text = out.read_text(encoding="utf-8")
        assert 'type="HOLDS"' not in text and "<viz:color" in text and 'version="1.2"' in text


def test_awkward_names_survive(tmp_path):
    """Markup characters and quotes in a name come back as they were, in both formats and in Gephi's terms."""
    import pandas as pd

    tables = {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False) for p in TINY.glob("*.csv")}
    tables["organizations"].loc[tables["organizations"]["id"] == "O8", "name"] = 'A&B <"金鑫"> \'x\''
    net = orgnet.load(tables)
    for fmt in ("gexf", "graphml"):
        net.export(fmt, tmp_path / f"x.{fmt}", as_of="2012-06-30")
        assert READERS[fmt](tmp_path / f"x.{fmt}").nodes["Organization:O8"]["label"] == 'A&B <"金鑫"> \'x\''


def test_networkx_writers_take_the_graph(tmp_path):
    """net.graph holds only values networkx's writers take: no None, dates as ISO text."""
    graph = orgnet.load(TINY).graph
    nx.write_gexf(graph, tmp_path / "g.gexf")
    nx.write_graphml(graph, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert back.nodes["Body:B15"]["dissolved"] == "2012-03-01" and "dissolved" not in back.nodes["Body:B1"]
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == graph.number_of_nodes()


def test_tool_export_needs_no_graph(tmp_path):
    net = orgnet.load(TINY)
    net.export("gexf", tmp_path / "x.gexf", as_of="2012-06-30")
    assert net.engine._graph is None


def test_neo4j_csv_layout(tmp_path):
    out = tmp_path / "csv"
    counts = orgnet.load(TINY).export("neo4j-csv", out, as_of="2012-06-30")
    files = sorted(p.name for p in out.glob("*.csv"))
    assert "nodes_Person.csv" in files and "rels_HOLDS_Person_Body.csv" in files
    rows = 0
    for name in files:
        with open(out / name, encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            rows += sum(1 for _ in reader)
            if name.startswith("nodes_"):
                assert header[0].startswith("id:ID(") and header[-1] == ":LABEL"
            else:
                assert header[0].startswith(":START_ID(") and header[1].startswith(":END_ID(") and header[-1] == ":TYPE"
    assert rows == counts["nodes"] + counts["edges"]
    bodies = (out / "nodes_Body.csv").read_text(encoding="utf-8")
    assert "Body;WomenBody" in bodies and "founded:date" in bodies.splitlines()[0]
    assert "neo4j-admin database import full" in (out / "IMPORT.txt").read_text()


def chinese_substrings(text: str, longest: int = 4) -> set[str]:
    """Every run of 2..longest Chinese characters in the text (person names are 2–4 characters)."""
    found = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        for size in range(2, longest + 1):
            found.update(run[i:i + size] for i in range(len(run) - size + 1))
    return found


def test_redacted_exports_hold_no_real_name(beihu, tmp_path):
    others = " ".join(" ".join(beihu.tables[t]["name"].dropna()) for t in ("regions", "organizations", "bodies", "venues"))
    names = set(beihu.tables["people"]["name"]) - chinese_substrings(others)  # a name that is also a place is no leak
    for fmt in ("graphml", "gexf", "json", "neo4j-csv"):
        out = tmp_path / f"x.{fmt}"
        beihu.export(fmt, out, redact=True)
        text = "".join(p.read_text(encoding="utf-8") for p in (out.glob("*") if out.is_dir() else [out]))
        assert "人员-" in text
        leaked = names & chinese_substrings(text)
        assert not leaked, (fmt, sorted(leaked)[:5])
    beihu.export("json", tmp_path / "plain.json")
    assert names & chinese_substrings((tmp_path / "plain.json").read_text(encoding="utf-8"))  # the check can fail


def test_formulas_are_kept_verbatim_in_import_files(tmp_path):
    """The import files are for neo4j-admin, not a spreadsheet: stored values stay as they are."""
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    path = folder / "organizations.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("华美服装厂", '"=HYPERLINK(""http://x"",""y"")"'), encoding="utf-8")
    out = tmp_path / "csv"
    result = CliRunner().invoke(app, ["export", str(folder), "--to", "neo4j-csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with open(out / "nodes_Organization.csv", encoding="utf-8") as fh:
        names = [row["name"] for row in csv.DictReader(fh)]
    assert "=HYPERLINK(\"http://x\",\"y\")" in names
    graphml = tmp_path / "x.graphml"
    CliRunner().invoke(app, ["export", str(folder), "--to", "graphml", "-o", str(graphml)])
    assert nx.read_graphml(graphml).nodes["Organization:O1"]["label"] == '=HYPERLINK("http://x","y")'  # verbatim


def test_cli_export_reports_counts(tmp_path):
    result = CliRunner().invoke(app, ["export", str(TINY), "--to", "gexf", "-o", str(tmp_path / "t.gexf"), "--as-of", "2012-06-30"])
    assert result.exit_code == 0 and "nodes" in result.stdout
    bad = CliRunner().invoke(app, ["export", str(TINY), "--to", "dot", "-o", str(tmp_path / "t.dot")])
    assert bad.exit_code == 2


def test_analysis_csv_is_spreadsheet_safe(tmp_path):
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    path = folder / "people.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("王秀英", "=1+2"), encoding="utf-8")
    result = CliRunner().invoke(app, ["overlaps", str(folder), "--as-of", "2012-06-30", "--lens", "all", "-f", "csv"])
    assert "'=1+2" in result.stdout
    as_json = CliRunner().invoke(app, ["overlaps", str(folder), "--as-of", "2012-06-30", "--lens", "all", "-f", "json"])
    assert {r["person_id"]: r["person_name"] for r in json.loads(as_json.stdout)}["P1"] == "=1+2"  # JSON keeps it verbatim


def _csv_graph(folder):
    """The nodes and relationships a neo4j-csv folder holds, as (label, id, props) and (type, start, end, props)."""
    from collections import Counter

    nodes, rels = set(), Counter()
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            names = [h.partition(":")[0] for h in header]
            for row in reader:
                props = {n: v for n, v, h in zip(names, row, header) if n and v != "" and ":ID(" not in h}
                if path.name.startswith("nodes_"):
                    nodes.add((row[-1], row[0], tuple(sorted(props.items()))))
                else:
                    props.pop("key", None)
                    rels[(row[-1], row[0], row[1], tuple(sorted(props.items())))] += 1
    return nodes, rels


def _graph_as_csv(graph):
    """What the import files should hold for this graph: every attribute as the import tool's text."""
    from collections import Counter

    from orgnet.schema import SCHEMA

    def text(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if hasattr(v, "isoformat"):
            return v.isoformat()
        return str(v)

    nodes = set()
    for _, a in graph.nodes(data=True):
        label = a["label"]
        if label == "Body" and a.get("system") in SCHEMA.system_labels:
            label = f"Body;{SCHEMA.system_labels[a['system']]}"
        props = {k: text(v) for k, v in a.items() if k not in ("label", "id") and v is not None}
        nodes.add((label, a["id"], tuple(sorted(props.items()))))
    rels = Counter()
    for u, v, e in graph.edges(data=True):
        props = {k: text(x) for k, x in e.items() if k != "type" and x is not None}
        rels[(e["type"], graph.nodes[u]["id"], graph.nodes[v]["id"], tuple(sorted(props.items())))] += 1
    return nodes, rels


@pytest.mark.parametrize("as_of", [None, "2010-06-30", "2012-06-30"])
@pytest.mark.parametrize("dataset", ["tiny", "beihu"])
def test_neo4j_csv_holds_the_graph(dataset, as_of, tmp_path, beihu):
    """Written from the tables, the import files hold exactly the (cut) graph, property for property."""
    net = orgnet.load(TINY) if dataset == "tiny" else beihu
    counts = net.export("neo4j-csv", tmp_path, as_of=as_of)
    graph = snapshot_graph(net.graph, as_of) if as_of else net.graph
    assert counts == {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    assert _csv_graph(tmp_path) == _graph_as_csv(graph)


def test_neo4j_csv_keys_are_the_loaders(tmp_path):
    """HOLDS, LIAISES_WITH and USES carry the key the batched loader merges on (cypher/load/relationships)."""
    orgnet.load(TINY).export("neo4j-csv", tmp_path)
    with open(tmp_path / "rels_HOLDS_Person_Body.csv", encoding="utf-8") as fh:
        holds = list(csv.DictReader(fh))
    assert all(h["key"] == f"{h['role']}|{h['start:date']}" for h in holds) and holds
    for name, since in (("rels_LIAISES_WITH_Person_Body.csv", "since:date"), ("rels_USES_Body_Venue.csv", "since:date")):
        with open(tmp_path / name, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and all(r["key"] == r[since] for r in rows)


def test_neo4j_csv_needs_no_graph(tmp_path):
    net = orgnet.load(TINY)
    net.export("neo4j-csv", tmp_path)
    assert net.engine.__dict__.get("_graph") is None and "graph" not in net.engine.__dict__
