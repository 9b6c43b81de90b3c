"""The Python API: ``orgnet.load`` a dataset, then ask the ``Network`` for analyses.

Examples
--------
>>> import orgnet
>>> net = orgnet.load("tests/data/tiny")
>>> net.overlaps(as_of="2012-06-30").person_id.tolist()
['P1', 'P2', 'P3', 'P4', 'P6', 'P7']
>>> net.graph.number_of_nodes() > 0
True
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterable

import pandas as pd

from .analyses import ANALYSES, TABLES_USED, run
from .dataset import Dataset, as_timestamp
from .engines.base import Engine
from .errors import InputError, Problem
from .read import RawDataset, RawTable, read_dataset
from .rules import Rules
from .schema import SCHEMA
from .validate import validate


def load_dataset(source: str | Path | dict[str, pd.DataFrame]) -> Dataset:
    """Read and validate a folder, a workbook, or ``{table: DataFrame}``; raise with every problem."""
    if isinstance(source, dict):
        raw = RawDataset(Path("<dataframes>"))
        for name, frame in source.items():
            if not isinstance(name, str) or SCHEMA.table_named(name) is None:
                raise InputError(f"unknown table {name!r}; expected one of {', '.join(SCHEMA.tables)}")
            if not isinstance(frame, pd.DataFrame):
                raise InputError(f"table {name!r}: expected a pandas DataFrame, got {type(frame).__name__}")
            text, problems = _frame_text(frame, f"{name} (DataFrame)")
            raw.tables[SCHEMA.table_named(name).name] = RawTable(name, f"{name} (DataFrame)", text)
            raw.problems += problems
        return validate(raw)
    return validate(read_dataset(source))


#: A lone surrogate: a Python string may hold one, no file (UTF-8, XML, Neo4j) can.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _frame_text(frame: pd.DataFrame, source: str) -> tuple[pd.DataFrame, list[Problem]]:
    """A DataFrame as the text table validation reads (labels and cells ``str``, rows numbered as in
    a file with a header: the first row is row 2), and a problem for each lone surrogate, which no
    output can hold (the cell is kept escaped, so validation goes on and lists every problem)."""
    from .output import shown

    expected = "text without lone surrogates (U+D800–U+DFFF), which no file or database can hold"
    labels = [str(c) for c in frame.columns]
    problems = [Problem(source, 1, shown(c), shown(c), expected) for c in labels if _SURROGATE.search(c)]
    cells = frame.astype(object).where(frame.notna(), "").reset_index(drop=True)
    cells.columns = [shown(c) for c in labels]
    for i, column in enumerate(cells.columns):
        values = [str(v) for v in cells.iloc[:, i]]
        for row, value in enumerate(values):
            if _SURROGATE.search(value):
                problems.append(Problem(source, row + 2, column, shown(value), expected))
                values[row] = shown(value)
        cells.isetitem(i, pd.array(values, dtype="str"))
    return cells, problems


class Network:
    """One dataset on one engine, with the analyses as methods returning DataFrames.

    Every method takes ``as_of`` (a date or ISO string; today when omitted) and ``rules``
    (a ``Rules``; the source's defaults when omitted).
    """

    def __init__(self, engine: Engine, dataset: Dataset | None = None):
        self.engine = engine
        self.dataset = dataset

    def __repr__(self) -> str:
        where = self.dataset.source if self.dataset is not None else "server"
        return f"<orgnet.Network {where!r} on {self.engine.name}>"

    def close(self) -> None:
        """Release the engine's resources (the Neo4j driver); nothing to do for networkx."""
        self.engine.close()

    def __enter__(self) -> Network:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The validated tables (networkx engine only)."""
        if self.dataset is None:
            raise InputError("this network was opened from a server; its tables are not loaded here")
        return self.dataset.tables

    @property
    def graph(self):
        """The networkx ``MultiDiGraph`` (networkx engine only)."""
        graph = getattr(self.engine, "graph", None)
        if graph is None:
            raise InputError(f"the {self.engine.name} engine has no in-process networkx graph")
        return graph

    def run(self, name: str, **args) -> pd.DataFrame:
        """Any registered analysis or fact (``orgnet.analyses.ANALYSES``) by name.

        ``as_of``, ``start`` and ``end`` take a date or an ISO string (``as_of`` defaults to today
        when the analysis takes one); ``rules`` defaults to the reports' thresholds.

        >>> load("tests/data/tiny").run("venues", as_of="2012-06-30").venue_id.tolist()
        ['V1', 'V2']
        """
        record = ANALYSES.get(name)
        if record is None:
            raise InputError(f"no analysis called {name!r}; expected one of {', '.join(ANALYSES)}")
        if "as_of" in record.args:
            args.setdefault("as_of", None)
        for key in ("as_of", "start", "end"):
            if key in args:
                args[key] = _day(args[key])
        if "rules" in record.args:
            args["rules"] = args.get("rules") or Rules()
        return run(self.engine, name, **args)

    def gaps(self, as_of: date | str | None = None, rules: Rules | None = None) -> pd.DataFrame:
        """Organizations (and region-level bodies) that break a coverage rule."""
        return self.run("gaps", as_of=as_of, rules=rules)

    def overlaps(self, as_of=None, rules: Rules | None = None, min_posts: int | None = None,
                 lens: str | None = None, min_extra_posts: int | None = None) -> pd.DataFrame:
        """People holding at least ``min_posts`` active posts ("one person, many posts"), through a lens:
        ``load`` (default: at least ``min_extra_posts`` posts beyond sanctioned cross-appointments),
        ``cross`` (holding a sanctioned cross-appointment) or ``all``."""
        rules = (rules or Rules()).with_overrides(min_posts=min_posts, overlap_lens=lens,
                                                  min_extra_posts=min_extra_posts)
        return self.run("overlaps", as_of=as_of, rules=rules)

    def nameplates(self, as_of=None, rules: Rules | None = None) -> pd.DataFrame:
        """Pairs of bodies run by (nearly) the same people ("one team, several nameplates")."""
        return self.run("nameplates", as_of=as_of, rules=rules)

    def plan(self, as_of=None, rules: Rules | None = None) -> pd.DataFrame:
        """Where to build women's committees next, in the order the reports give: the build queue
        (``list == "queue"``: organizations with a party body, 优秀 → 达标 → the rest, then readiness, then
        size) and the party-first list (``"party_first"``: no party body yet), each ranked from 1, with the
        candidates by name and their posts (``orgnet.analyses.plan``)."""
        return self.run("plan", as_of=as_of, rules=rules)

    def liaison_check(self, year: int | None = None, rules: Rules | None = None) -> pd.DataFrame:
        """Guidance links (挂钩联系) per federation executive committee member and visits per link in ``year``."""
        return self.run("liaison_check", year=year or date.today().year, rules=rules)

    def stats(self, as_of=None, rules: Rules | None = None) -> pd.DataFrame:
        """The report figures per region (rolled up), each with numerator and denominator."""
        return self.run("stats", as_of=as_of, rules=rules)

    def export(self, fmt: str, out, as_of=None, redact: bool = False) -> dict[str, int]:
        """Write the graph as graphml, gexf, json (node-link) or neo4j-csv; see ``orgnet.export``.

        neo4j-csv (the bulk import's layout) is written straight from the tables: no networkx graph
        is built, so it works at any size the tables fit in memory.
        """
        from .export import FORMATS, export_graph, write_neo4j_csv

        day = _day(as_of) if as_of is not None else None
        if fmt == "neo4j-csv" and self.dataset is not None:
            return write_neo4j_csv(self.dataset, out, as_of=day, redact=redact)
        if fmt not in FORMATS or fmt == "neo4j-csv":
            raise InputError(f"--to {fmt}: expected one of {', '.join(FORMATS)}"
                             + (" (neo4j-csv needs a dataset loaded here)" if fmt == "neo4j-csv" else ""))
        return export_graph(self.graph, fmt, out, as_of=day, redact=redact)

    # -- beyond the snapshot (orgnet.analyses, computed from the engine's facts) -------------------
    def diff(self, start, end, rules: Rules | None = None) -> pd.DataFrame:
        """What changed between two dates: gaps opened/closed, bodies, posts, coverage per region.
        ``start`` later than ``end`` is an ``InputError`` (the changes would read backwards)."""
        first, last = _day(start, "--from"), _day(end, "--to")
        if first > last:
            raise InputError(f"--from {first.isoformat()} is later than --to {last.isoformat()}: give the earlier "
                             "day first")
        return self.run("diff", start=start, end=end, rules=rules)

    def impact(self, person_id: str, as_of=None) -> pd.DataFrame:
        """The bodies left without a head, and the gaps opened, if this person left."""
        return self.run("impact", person_id=person_id, as_of=as_of)

    def key_people(self, as_of=None) -> pd.DataFrame:
        """Everyone whose departure leaves a body headless, ranked by the gaps it would open."""
        return self.run("key_people", as_of=as_of)

    def composition(self, as_of=None, rules: Rules | None = None) -> pd.DataFrame:
        """The leadership rules (women in teams, reserve cadres, congress chairs): pass or fail."""
        return self.run("composition", as_of=as_of, rules=rules)

    def demo_reach(self, as_of=None, rules: Rules | None = None, hops: int | None = None) -> pd.DataFrame:
        """Demonstration points, pairing units, the organizations they reach, coverage in and out."""
        return self.run("demo_reach", as_of=as_of, rules=rules, hops=hops)

    def venues(self, as_of=None, min_bodies: int = 2) -> pd.DataFrame:
        """Rooms shared by several bodies (one room, many uses)."""
        return self.run("venues", as_of=as_of, min_bodies=min_bodies)

    def coverage(self, as_of=None, rules: Rules | None = None, by: str | None = None) -> pd.DataFrame:
        """Coverage of two-new organizations for every region up the tree, optionally by kind or grade."""
        return self.run("coverage", as_of=as_of, rules=rules, by=by)

    def bridges(self, as_of=None, rules: Rules | None = None) -> pd.DataFrame:
        """People with posts in both party and women's bodies, by betweenness on the person–body graph."""
        return self.run("bridges", as_of=as_of, rules=rules)

    # -- pictures (orgnet.viz: pyvis views, matplotlib charts, the HTML report) -------------------
    def view(self, kind: str = "coverage", as_of=None, rules: Rules | None = None, **options):
        """An interactive network view (``coverage``, ``overlaps``, ``ego``, ``region``, ``diff``) as a ``View``.

        Options: ``person``/``org`` (ego), ``region`` (region), ``start``/``end`` (diff: the network on
        ``end``, default ``as_of``, coloured by what changed since ``start``), ``ghosts`` (coverage:
        one dashed node per missing women's body, default True), ``min_posts`` (overlaps: the fewest
        posts listed, as ``overlaps``; elsewhere the standout threshold), ``top`` and ``lens`` (overlaps:
        people drawn, default 50; ``load``/``cross``/``all``), ``max_nodes`` (default 1,500), ``redact``. The ``View`` shows inline in Jupyter; ``.save(path)`` writes one
        self-contained HTML file.
        """
        from .viz import view

        for key in ("start", "end"):
            if options.get(key) is not None:
                options[key] = _day(options[key])
        return view(self.engine, kind, _day(as_of), rules, source=self._source(), **options)

    def chart(self, kind: str = "coverage", as_of=None, rules: Rules | None = None, lang: str = "zh",
              min_posts: int = 3):
        """A matplotlib Figure: ``coverage`` by township/street, ``post-load``, ``women-bodies``."""
        from .viz.charts import chart

        return chart(self.engine, kind, _day(as_of), rules, lang=lang, min_posts=min_posts)

    def report(self, path: str | Path, as_of=None, rules: Rules | None = None, lang: str = "zh",
               redact: bool = False, max_nodes: int = 1500) -> Path:
        """Write the self-contained HTML report (figures, charts, top gaps and overlaps, plan, coverage view)."""
        from .viz.report import write_report

        return write_report(self.engine, path, _day(as_of), rules, lang=lang, redact=redact, max_nodes=max_nodes,
                            source=self._source())

    def _source(self) -> str:
        """What pages name as their data: the dataset's folder or file name, else the engine."""
        if self.dataset is not None and self.dataset.source:
            return Path(str(self.dataset.source)).name or str(self.dataset.source)
        return self.engine.name


def _day(as_of, name: str = "as_of") -> date:
    try:
        return as_timestamp(as_of).date()
    except (ValueError, TypeError) as exc:
        raise InputError(f"{name} {as_of!r}: expected a date YYYY-MM-DD") from exc


def load(source: str | Path | dict[str, pd.DataFrame], on_stage=None, tables: Iterable[str] | None = None) -> Network:
    """Load a dataset into the embedded networkx engine.

    ``on_stage(text)``, when given, is called as each stage starts (reading, validating), so a
    caller can show progress on a long load. The analyses run on the validated tables; the networkx
    graph is built the first time ``Network.graph`` (or an export) asks for it.

    ``tables`` reads and checks only those tables of a folder or workbook, e.g.
    ``tables=orgnet.TABLES_USED["gaps"]``: faster on a big dataset, and the analyses that need
    no other table give the same answers (references into the tables left out go unchecked;
    ``orgnet validate`` checks everything).

    >>> load("tests/data/tiny", tables=TABLES_USED["gaps"]).dataset.skipped >= {"people", "visits"}
    True
    """
    from .engines.networkx import NetworkxEngine

    stage = on_stage or (lambda text: None)
    if isinstance(source, dict):
        stage("validating the tables")
        dataset = load_dataset(source)
    else:
        stage(f"reading {source}")
        raw = read_dataset(source, tables=tables)
        stage(f"validating {sum(len(t.frame) for t in raw.tables.values()):,} rows")
        dataset = validate(raw)
    return Network(NetworkxEngine(dataset), dataset)


def connect(uri: str | None = None, username: str | None = None, password: str | None = None,
            database: str | None = None) -> Network:
    """Open a Neo4j database already loaded with ``orgnet load``; the analyses run there as Cypher.

    Settings not given come from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and
    ``NEO4J_DATABASE``. Close it with ``network.close()`` or use it in a ``with`` block.
    """
    from .engines.neo4j import Neo4jEngine

    return Network(Neo4jEngine.connect(uri, username, password, database))
