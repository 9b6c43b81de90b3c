"""The Python API: ``orgnet.load`` a dataset, then ask the ``Network`` for analyses.

Examples
--------
>>> import orgnet
>>> net = orgnet.load("tests/data/tiny")
>>> net.overlaps(as_of="2012-06-30").person_id.tolist()  # the load lens: posts beyond sanctioned ones
['P4', 'P6', 'P7']
>>> net.overlaps(as_of="2012-06-30", lens="all").person_id.tolist()  # everyone with 2+ posts
['P4', 'P6', 'P7', 'P1', 'P2', 'P3']
>>> net.graph.number_of_nodes() > 0
True
>>> day = net.at("2012-06-30")  # the network on one day: every analysis without as_of
>>> day.overlaps().person_id.tolist() == net.overlaps(as_of="2012-06-30").person_id.tolist()
True
>>> sorted(net.tables["posts"].columns)  # exactly the schema's columns
['body_id', 'end', 'person_id', 'role', 'start']
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable

import pandas as pd

from .analyses import ANALYSES, TABLES_USED, run
from .api_day import NetworkDay, add_day_methods
from .api_people import person_posts
from .api_show import TablesView, document
from .dataset import Dataset, as_timestamp
from .engines.base import Engine
from .errors import InputError
from .frames import load_dataset
from .places import Places
from .read import read_dataset
from .rules import Rules
from .validate import validate


class Network:
    """One dataset on one engine, with the analyses as methods returning DataFrames.

    Every method takes ``as_of`` (a date, or text in a date cell's spellings: 2012-06-30, 2012/6/30,
    2012年6月30日; today when omitted) and ``rules`` (a ``Rules``; the source's defaults when omitted);
    ``net.at(day)`` fixes the day once. Results with a ``region_id`` or ``org_id`` carry
    ``region_name``, ``township_id`` and ``township_name`` too (``orgnet.places``).
    ``within(region=…, top=…)`` gives the same network whose results keep only the rows in a region
    (and below it) and their first rows (``orgnet.scope``).
    """

    def __init__(self, engine: Engine, dataset: Dataset | None = None, region: str | None = None,
                 top: int | None = None):
        self.engine = engine
        self.dataset = dataset
        self.region, self.top = region, top
        self._places: Places | None | bool = False
        self._fetched: Dataset | None = None

    def within(self, region: str | None = None, top: int | None = None) -> Network:
        """This network with every analysis narrowed to ``region`` (an id or a name; everything below
        it in the region tree too) and to its first ``top`` rows (the plan: of each list), as
        ``orgnet.scope.narrow`` says. A name several regions share raises ``AmbiguousName``.

        >>> net = load("tests/data/tiny").within(region="东镇", top=3)
        >>> net.overlaps(as_of="2012-06-30", lens="all").person_id.tolist()  # posts in 东镇 or 东村 below it
        ['P6', 'P7', 'P1']
        """
        if region is not None:
            from .scope import find_region

            find_region(self.engine, region)  # a wrong or shared name fails here, before any analysis
        return Network(self.engine, self.dataset, region=region, top=top)

    @property
    def where(self) -> str:
        """The dataset's source (folder or file), or the server it was opened on."""
        if self.dataset is not None:
            return str(self.dataset.source)
        return getattr(self.engine, "where", self.engine.name)

    def __repr__(self) -> str:
        from .api_show import network_repr

        return network_repr(self)

    def _repr_html_(self) -> str:
        from .api_show import network_html

        return network_html(self)

    def close(self) -> None:
        """Release the engine's resources (the Neo4j driver); nothing to do for networkx."""
        self.engine.close()

    def __enter__(self) -> Network:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def tables(self) -> TablesView:
        """The validated tables by name, each with exactly its schema's columns (a lazy mapping).

        On Neo4j they are read back from the server the first time they are asked for, then kept.
        """
        from .api_show import TablesView

        return TablesView(self._dataset())

    def _dataset(self) -> Dataset:
        """The tables loaded here, or read back from the server once (``orgnet.engines.neo4j.fetch``)."""
        if self.dataset is not None:
            return self.dataset
        if self._fetched is None:
            if self.engine.name != "neo4j":
                raise InputError(f"the {self.engine.name} engine has no tables to read")
            from .engines.neo4j.fetch import fetch_dataset

            self._fetched = fetch_dataset(self.engine)
        return self._fetched

    @property
    def places(self) -> Places | None:
        """Region names and townships (``orgnet.places.Places``), worked out once; None without regions."""
        if self._places is False:
            self._places = Places.of(self.engine, self.dataset)
        return self._places

    def at(self, day) -> NetworkDay:
        """The network on ``day`` (any date spelling ``as_of`` takes): every analysis without ``as_of``,
        and ``.graph``, a networkx graph of what is active that day (``orgnet.api_day``).

        >>> load("tests/data/tiny").at("2012-06-30").venues().venue_id.tolist()
        ['V1', 'V2']
        """
        return NetworkDay(self, _day(day, "day"))

    def resolve_person(self, value: str) -> str:
        """The person id ``value`` stands for: an id, or a name (``orgnet.scope.find_person``; a name
        several people share raises ``AmbiguousName`` listing them)."""
        from .scope import find_person

        return find_person(self.engine, str(value), option="person")

    def find(self, text: str, as_of=None) -> pd.DataFrame:
        """People, organizations, bodies (active on ``as_of``, today when omitted) and regions by
        name, part of a name, or id (``orgnet.scope.find_names``).

        Returns
        -------
        pandas.DataFrame
            ``kind``, ``id``, ``name``, ``match`` (``exact`` or ``contains``), ``region_id``,
            ``org_id``, then ``region_name``, ``township_id``, ``township_name``.

        >>> load("tests/data/tiny").find("刘芳")[["kind", "id", "match"]].values.tolist()
        [['person', 'P4', 'exact']]
        """
        from .scope import find_names

        found = find_names(self.engine, text, _day(as_of))
        return self.places.add(found) if self.places is not None else found

    def person(self, person: str, as_of=None) -> pd.DataFrame:
        """A person's posts over time, earliest first, each ``active`` or not on ``as_of``.

        Returns
        -------
        pandas.DataFrame
            One row per post (``orgnet.api_people.PERSON_COLUMNS``): ``person_id``, ``person_name``,
            ``body_id``, ``body_name``, ``system``, ``type``, ``org_id``, ``org_name`` (empty for a
            region-level body), ``region_id``, ``region_name``, ``township_id``, ``township_name``,
            ``role``, ``start``, ``end`` (dates, ``NaT`` when open) and ``active`` (bool).
        """
        data = self._dataset()
        places = self.places if self.dataset is not None else Places.of(None, data)
        return person_posts(TablesView(data), places, self.resolve_person(person), _day(as_of))

    @property
    def graph(self):
        """The networkx ``MultiDiGraph`` (networkx engine only)."""
        graph = getattr(self.engine, "graph", None)
        if graph is None:
            raise InputError(f"the {self.engine.name} engine has no in-process networkx graph")
        return graph

    def run(self, name: str, *, region: str | None = None, top: int | None = None, **args) -> pd.DataFrame:
        """Any registered analysis or fact (``orgnet.analyses.ANALYSES``) by name.

        ``as_of``, ``start`` and ``end`` take a date or an ISO string (``as_of`` defaults to today
        when the analysis takes one); ``rules`` defaults to the reports' thresholds. ``region`` (an id
        or a name: that region and everything below it) and ``top`` (the first rows) narrow the
        result as ``within`` does, for this call only.

        >>> load("tests/data/tiny").run("venues", as_of="2012-06-30").venue_id.tolist()
        ['V1', 'V2']
        """
        if region is not None or top is not None:
            return self.within(region=region or self.region, top=top or self.top).run(name, **args)
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
        frame = run(self.engine, name, **args)
        frame = self.places.add(frame) if self.places is not None else frame
        if self.region is None and self.top is None:
            return frame
        from .scope import narrow

        day = args.get("as_of") or args.get("end") or (date(args["year"], 12, 31) if args.get("year") else None)
        return narrow(self.engine, frame, self.region, self.top, day, name)

    def gaps(self, as_of: date | str | None = None, rules: Rules | None = None, region: str | None = None,
             top: int | None = None) -> pd.DataFrame:
        """Organizations (and region-level bodies) that break a coverage rule."""
        return self.run("gaps", as_of=as_of, rules=rules, region=region, top=top)

    def overlaps(self, as_of=None, rules: Rules | None = None, min_posts: int | None = None,
                 lens: str | None = None, min_extra_posts: int | None = None, region: str | None = None,
                 top: int | None = None) -> pd.DataFrame:
        """People holding at least ``min_posts`` active posts ("one person, many posts"), through a lens:
        ``load`` (default: at least ``min_extra_posts`` posts beyond sanctioned cross-appointments),
        ``cross`` (holding a sanctioned cross-appointment) or ``all``."""
        rules = (rules or Rules()).with_overrides(min_posts=min_posts, overlap_lens=lens,
                                                  min_extra_posts=min_extra_posts)
        return self.run("overlaps", as_of=as_of, rules=rules, region=region, top=top)

    def nameplates(self, as_of=None, rules: Rules | None = None, region: str | None = None,
                   top: int | None = None) -> pd.DataFrame:
        """Pairs of bodies run by (nearly) the same people ("one team, several nameplates")."""
        return self.run("nameplates", as_of=as_of, rules=rules, region=region, top=top)

    def plan(self, as_of=None, rules: Rules | None = None, region: str | None = None,
             top: int | None = None) -> pd.DataFrame:
        """Where to build women's committees next, in the order the reports give: the build queue
        (``list == "queue"``: organizations with a party body, 优秀 → 达标 → the rest, then readiness, then
        size) and the party-first list (``"party_first"``: no party body yet), each ranked from 1, with the
        candidates by name and their posts (``orgnet.analyses.plan``)."""
        return self.run("plan", as_of=as_of, rules=rules, region=region, top=top)

    def liaison_check(self, year: int | None = None, rules: Rules | None = None, region: str | None = None,
                      top: int | None = None) -> pd.DataFrame:
        """Guidance links (挂钩联系) per federation executive committee member and visits per link in ``year``."""
        return self.run("liaison_check", year=year or date.today().year, rules=rules, region=region, top=top)

    def stats(self, as_of=None, rules: Rules | None = None, region: str | None = None,
              top: int | None = None) -> pd.DataFrame:
        """The report figures per region (rolled up), each with numerator and denominator."""
        return self.run("stats", as_of=as_of, rules=rules, region=region, top=top)

    def export(self, fmt: str, out, as_of=None, redact: bool = False, history: bool = False,
               rules: Rules | None = None) -> dict:
        """Write the network for another tool: gexf or graphml (Gephi, Cytoscape), json (networkx
        node-link) or neo4j-csv (``neo4j-admin database import``); see ``orgnet.export_tools``.

        gexf, graphml and json hold the network on ``as_of`` (default today) with names as labels and
        the day's analysis on every node (gap rules, coverage, active posts, region and township,
        a status colour); ``history=True`` keeps every row ever. neo4j-csv holds every row unless
        ``as_of`` is given. Returns ``{"nodes": …, "edges": …}`` (and ``as_of``: the day used).
        Both are written straight from the tables: no networkx graph is built.
        """
        from .export import FORMATS, GRAPH_FORMATS, write_neo4j_csv
        from .export_tools import write_tool_file

        if fmt not in FORMATS:
            raise InputError(f"--to {fmt}: expected one of {', '.join(FORMATS)}")
        if self.dataset is None:
            raise InputError(f"--to {fmt}: needs a dataset loaded here (orgnet.load), not a server")
        day = _day(as_of) if as_of is not None else None
        if fmt in GRAPH_FORMATS:
            return write_tool_file(self.engine, fmt, out, as_of=day, history=history, redact=redact, rules=rules)
        return write_neo4j_csv(self.dataset, out, as_of=day, redact=redact)

    # -- beyond the snapshot (orgnet.analyses, computed from the engine's facts) -------------------
    def diff(self, start, end, rules: Rules | None = None, region: str | None = None,
             top: int | None = None) -> pd.DataFrame:
        """What changed between two dates: gaps opened/closed, bodies, posts, coverage per region.
        ``start`` later than ``end`` is an ``InputError`` (the changes would read backwards)."""
        first, last = _day(start, "--from"), _day(end, "--to")
        if first > last:
            raise InputError(f"--from {first.isoformat()} is later than --to {last.isoformat()}: give the earlier "
                             "day first")
        return self.run("diff", start=start, end=end, rules=rules, region=region, top=top)

    def impact(self, person: str, as_of=None, region: str | None = None,
               top: int | None = None) -> pd.DataFrame:
        """The bodies left without a head, and the gaps opened, if this person (an id or a name) left."""
        from .scope import find_person

        person_id = find_person(self.engine, person, as_of)
        return self.run("impact", person_id=person_id, as_of=as_of, region=region, top=top)

    def key_people(self, as_of=None, region: str | None = None,
                   top: int | None = None) -> pd.DataFrame:
        """Everyone whose departure leaves a body headless, ranked by the gaps it would open."""
        return self.run("key_people", as_of=as_of, region=region, top=top)

    def composition(self, as_of=None, rules: Rules | None = None, region: str | None = None,
                    top: int | None = None) -> pd.DataFrame:
        """The leadership rules (women in teams, reserve cadres, congress chairs): pass or fail."""
        return self.run("composition", as_of=as_of, rules=rules, region=region, top=top)

    def demo_reach(self, as_of=None, rules: Rules | None = None, hops: int | None = None, region: str | None = None,
                   top: int | None = None) -> pd.DataFrame:
        """Demonstration points, pairing units, the organizations they reach, coverage in and out."""
        return self.run("demo_reach", as_of=as_of, rules=rules, hops=hops, region=region, top=top)

    def venues(self, as_of=None, min_bodies: int = 2, region: str | None = None,
               top: int | None = None) -> pd.DataFrame:
        """Rooms shared by several bodies (one room, many uses)."""
        return self.run("venues", as_of=as_of, min_bodies=min_bodies, region=region, top=top)

    def coverage(self, as_of=None, rules: Rules | None = None, by: str | None = None, region: str | None = None,
                 top: int | None = None) -> pd.DataFrame:
        """Coverage of two-new organizations for every region up the tree, optionally by kind or grade."""
        return self.run("coverage", as_of=as_of, rules=rules, by=by, region=region, top=top)

    def bridges(self, as_of=None, rules: Rules | None = None, region: str | None = None,
                top: int | None = None) -> pd.DataFrame:
        """People with posts in both party and women's bodies, by betweenness on the person–body graph."""
        return self.run("bridges", as_of=as_of, rules=rules, region=region, top=top)

    # -- pictures (orgnet.viz: pyvis views, matplotlib charts, the HTML report) -------------------
    def view(self, kind: str = "coverage", as_of=None, rules: Rules | None = None, **options):
        """An interactive network view (``coverage``, ``overlaps``, ``ego``, ``region``, ``diff``) as a ``View``.

        Options: ``person``/``org`` (ego), ``region`` (region), ``start``/``end`` (diff: the network on
        ``end``, default ``as_of``, coloured by what changed since ``start``), ``ghosts`` (coverage:
        one dashed node per missing women's body, default True), ``min_posts`` (overlaps: the fewest
        posts listed, as ``overlaps``; elsewhere the standout threshold), ``top`` and ``lens`` (overlaps:
        people drawn, default 50; ``load``/``cross``/``all``), ``max_nodes`` (default 1,500), ``redact``.
        The ``View`` shows inline in Jupyter; ``.save(path)`` writes one self-contained HTML file.
        """
        from .viz import view

        for key in ("start", "end"):
            if options.get(key) is not None:
                options[key] = _day(options[key])
        from .scope import find_person, find_region

        if options.get("person") is not None:
            options["person"] = find_person(self.engine, options["person"], as_of)
        if options.get("region") is not None:
            options["region"] = find_region(self.engine, options["region"])
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

    # -- Neo4j ------------------------------------------------------------------------------------
    def cypher(self, text: str, write: bool = False, **params) -> pd.DataFrame:
        """Run Cypher on the server, values as parameters (``$name``), and return its rows.

        ``active(x.first, x.last)`` is spelled out as in the shipped files (``orgnet query``); a
        parameter the text uses and the call leaves out takes orgnet's default (``as_of``: today,
        the rule thresholds). Read-only unless ``write=True``. Neo4j engine only.
        """
        if self.engine.name != "neo4j":
            raise InputError(f"cypher() needs a Neo4j network (orgnet.connect); this one runs on {self.engine.name}")
        from . import cypher as files
        from .engines.neo4j import parameters, run_query

        text = files.expand(text)
        today = date.today()
        defaults = parameters(Rules(), as_of=today, year=today.year)
        used = set(files.params(text)) | files.used_params(text)
        given = {name: _day(value, name) if isinstance(defaults.get(name), date) and value is not None else value
                 for name, value in params.items()}  # a date given as text goes in as a date
        given = {**{name: defaults[name] for name in used if name in defaults and name not in given}, **given}
        missing = sorted(used - set(given))
        if missing:
            raise InputError(f"the query needs {', '.join('$' + m for m in missing)}: pass them as keyword arguments")
        keys, rows = run_query(self.engine.driver, text, given, write, self.engine.database,
                               self.engine.where, "the Cypher given to Network.cypher")
        return pd.DataFrame(rows, columns=keys)

    def _source(self) -> str:
        """What pages name as their data: the dataset's folder or file name, else the engine."""
        if self.dataset is not None and self.dataset.source:
            return Path(str(self.dataset.source)).name or str(self.dataset.source)
        return self.engine.name


def _day(as_of, name: str = "as_of") -> date:
    try:
        return as_timestamp(as_of).date()
    except (ValueError, TypeError) as exc:
        from .glossary import DATE_SPELLINGS

        raise InputError(f"{name} {as_of!r}: expected {DATE_SPELLINGS}") from exc


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


def load_into_neo4j(source: str | Path | dict[str, pd.DataFrame], uri: str | None = None, username: str | None = None,
                    password: str | None = None, database: str | None = None, wipe: bool = False,
                    batch_size: int = 20_000, timeout: float | None = None) -> Network:
    """Validate a dataset and write it into Neo4j, as ``orgnet load`` does; return the ``Network`` on it.

    Loading is a MERGE: loading twice changes nothing, and rows deleted from the files since an
    earlier load stay until ``wipe=True``, which first deletes every orgnet node and relationship
    in the database (nothing else). Bad input writes nothing (``ValidationError``). Settings not
    given come from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.
    ``net.engine.counts()`` reads the nodes and relationships back from the server.
    """
    from .engines import neo4j as engine

    dataset = load_dataset(source)
    settings = engine.Settings.resolve(uri, username, password, database, timeout)
    driver = engine.open_driver(settings)
    try:
        if wipe:
            engine.wipe(driver, settings.database, where=settings.where)
        engine.load_dataset(driver, dataset, batch_size, None, settings.database, settings.where)
    except BaseException:
        driver.close()
        raise
    return Network(engine.Neo4jEngine(driver, settings.database, settings.where))


#: The analysis methods and the analysis whose columns their docstrings list.
DOCUMENTED = {"gaps": "gaps", "overlaps": "overlaps", "nameplates": "nameplates", "plan": "plan",
              "liaison_check": "liaison_check", "stats": "stats", "diff": "diff", "impact": "impact",
              "key_people": "key_people", "composition": "composition", "demo_reach": "demo_reach",
              "venues": "venues", "coverage": "coverage", "bridges": "bridges"}
document(Network, DOCUMENTED)
add_day_methods(Network)
document(NetworkDay, {"liaison_check": "liaison_check"})
