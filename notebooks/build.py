"""Write the notebooks in this folder from the cell lists below, outputs stripped.

    python notebooks/build.py           # (re)write 01-explore.ipynb and 02-neo4j.ipynb
    python notebooks/build.py --check   # exit 1 if a written notebook differs from these lists

Edit the cells here, not in Jupyter, so a review reads Python and Markdown rather than JSON; then run
this script and commit both. ``tests/test_notebooks.py`` checks that the committed notebooks equal
what this script writes (so they carry no outputs) and executes them top to bottom.

Cells are ``md(text)`` or ``code(text, *tags)``; tags go into the cell metadata and let the tests find
a cell (``figures``, ``view``, ``chart``…) without counting cells. Cell ids are derived from the cell
text, so inserting a cell changes only the ids of cells that changed.
"""

from __future__ import annotations

import hashlib
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent


def md(text: str):
    return new_markdown_cell(textwrap.dedent(text).strip())


def code(text: str, *tags: str):
    cell = new_code_cell(textwrap.dedent(text).strip())
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


# ==================================================================================================
# 01-explore.ipynb: the Beihu sample with the embedded networkx engine
# ==================================================================================================
EXPLORE = [
    md("""
    # Exploring an organizational network: Beihu District, 2012

    This notebook walks through **orgnet** on the bundled Beihu sample, and through the domain on the way.

    The domain is *party building leads women's-federation building* (党建带妇建). Party committees in
    China want "wherever there is a party organization, there is a women's organization"
    (哪里有党组织，哪里就有妇联组织) and, more broadly, "wherever there are women, there is a women's
    organization and women's work" (哪里有妇女，哪里就有妇女组织，哪里就有妇女工作). The hard part is the
    **"two new" organizations** (两新组织): new economic organizations (non-public enterprises, 非公企业)
    and new social organizations (associations, NGOs, 社会组织). Their staff turn over fast, owners may
    resist, and one person often holds several posts at once (一人多职).

    Two 2012 work reports describe this work: one from Longyou County (龙游县, Zhejiang), one from Beihu
    District (北湖区, Chenzhou, Hunan). The dataset in `data/beihu` is **synthetic**: no row describes a
    real person or organization. It takes the Beihu report's counts (regions, bodies, cadres) as
    they are, and draws its rates and shares at random with the report's rates as probabilities, so
    its figures on **30 June 2012** land near the report's, not on them (`data/README.md` lists every
    figure). Every analysis below uses that day.

    The data uses simplified characters (北湖区), as the CLI and the README do.
    """),
    code("""
    from datetime import date
    from pathlib import Path

    import pandas as pd

    import orgnet

    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 160)

    # The repository root: this notebook lives in notebooks/, the samples in data/.
    ROOT = next(p for p in (Path.cwd(), *Path.cwd().parents) if (p / "data" / "beihu").is_dir())
    AS_OF = "2012-06-30"  # the day of the reports' figures
    """),
    md("""
    ## 1. Load the sample

    A dataset is a folder of CSV files (or one Excel workbook), one table per kind of thing: `regions`,
    `organizations`, `bodies`, `people`, `posts`, and optionally `liaisons`, `visits`, `demo_points`,
    `pairings`, `venues`, `venue_uses`. `orgnet.load` reads and validates every table (collecting
    every problem before it fails). The result is a `Network`. Its methods are the analyses, and
    each returns a pandas DataFrame; `net.graph`, the networkx graph, is built the first time you
    ask for it.
    """),
    code("""
    net = orgnet.load(ROOT / "data" / "beihu")
    net
    """),
    code("""
    pd.Series({name: len(table) for name, table in net.tables.items()}, name="rows").to_frame()
    """),
    md("""
    ### The vocabulary

    * **Regions** (区域) form a tree: the district (区) → townships (乡镇) and urban sub-districts
      (streets, 街道) → villages (村) and urban communities (社区). Longyou also has an industrial park
      (工业园区).
    * **Organizations** (单位) have a `kind`: `enterprise` (非公企业), `social_org` (社会组织), `organ`
      (机关), `institution` (事业单位), `village`, `community`, `park_admin`. The `two_new` flag marks
      the "two new" ones, and `female_staff` counts their female fixed staff.
    * **Bodies** (组织) are hosted by an organization, or by a region for township federations. Each
      belongs to a **system**:
      `party` (党组织: committee 党委, general branch 党总支, branch 党支部, each graded 优秀/达标/后进 =
      `excellent`/`standard`/`weak`), `women` (federation 妇联, committee 妇委会, women's work committee
      妇女工作委员会 `work_committee`, village women's congress 妇代会 `congress`, women's committee of a Party or government organ
      机关妇委会 `organ_committee`, liaison officer 妇女工作联络员 `liaison`), `union` (工会), `youth`
      (共青团), and `admin` (leadership teams 党政班子; villagers' and residents' committees 村（居）委会).
    * **People** hold **posts** (`role`: secretary 书记, chair 主席/主任, member, executive 执委…) in
      bodies, with start and end dates. A post counts on a day if it has started and not ended, and
      its body has been founded and not dissolved.

    In the graph every row is a node (`"<Label>:<id>"`), and the references between rows become
    relationships:
    """),
    code("""
    from collections import Counter

    graph = net.graph  # a networkx MultiDiGraph
    nodes = Counter(data["label"] for _, data in graph.nodes(data=True))
    edges = Counter(data["type"] for _, _, data in graph.edges(data=True))
    display(pd.Series(nodes, name="nodes").to_frame().T)
    pd.Series(edges, name="relationships").to_frame().T
    """),
    code("""
    bodies = net.tables["bodies"]
    pd.crosstab(bodies["type"], bodies["system"])
    """),
    md("""
    ## 2. The report's figures

    `stats` computes the report figures for every region at or above township level, rolled up the
    region tree. Each percentage comes with its numerator and denominator. Below are the district's
    (北湖区) figures next to the ones the Beihu report gives (`orgnet.generate.figures`): the report's
    counts are the sample's inputs, made exactly; its rates, shares and averages are outcomes of random
    draws, within a stated tolerance of the report. The headline figure is the **rate of two-new
    organizations with a women's organization** (“两新”组织妇女组织组建率): the report gives 44.3%; the
    sample's 165 enterprise women's committees and its drawn number of two-new organizations give the
    figure below.
    """),
    code("""
    regions = net.tables["regions"].set_index("id")
    district = regions.index[regions["parent_id"].isna()][0]

    stats = net.stats(as_of=AS_OF)
    figures = stats[stats["region_id"] == district].set_index("figure")[["unit", "numerator", "denominator", "value"]]

    # What the Beihu report says, and whether the sample takes it as an input or draws it (an outcome).
    from orgnet.generate.figures import REPORT_FIGURES

    report = pd.DataFrame([(f.figure, f.value, f.kind, f.tolerance) for f in REPORT_FIGURES if f.profile == "beihu"],
                          columns=["figure", "report", "kind", "tolerance"]).set_index("figure")
    figures = figures.join(report, how="left")
    figures["off_by"] = (figures["value"] - figures["report"]).round(1)
    coverage = figures.loc["two_new_coverage"]
    print(f"two-new coverage (“两新”组织妇女组织组建率): {coverage.numerator} / {coverage.denominator} = "
          f"{coverage.value}% (the report: {coverage.report}%)")
    figures
    """, "figures"),
    md("""
    ## 3. Coverage gaps, by rule

    A **gap** is an organization (or a region-level women's body) that breaks one of four rules from
    the reports. The thresholds live in `orgnet.Rules` and can be changed (section 9).

    | rule | meaning | source |
    |---|---|---|
    | `committee_required` | a two-new organization with **30 or more** female staff has no women's committee (应建未建妇委会（妇工委）) | Longyou |
    | `liaison_required` | a two-new organization with 1–29 female staff has no women's body at all, not even a liaison officer (应设未设妇女工作联络员) | Longyou |
    | `party_without_women` | an organization has a party organization but no women's organization (已建党组织未建妇女组织) | Beihu |
    | `vacant_head` | a women's body exists but nobody chairs it today | turnover |
    """),
    code("""
    gaps = net.gaps(as_of=AS_OF)
    display(gaps["rule"].value_counts().rename("gaps").to_frame())
    gaps.groupby("rule").head(2)
    """, "gaps"),
    md("""
    ### ... and by township

    Each gap carries the `region_id` of its organization. To see where the work is, roll every region
    up to its township or street (乡镇/街道). Organs of the district itself (区直机关) stay at district
    level.
    """),
    code("""
    def township(region_id):
        \"\"\"The township or street a region lies in (the region itself at or above that level).\"\"\"
        while regions.at[region_id, "level"] in ("village", "community"):
            region_id = regions.at[region_id, "parent_id"]
        return region_id

    where = gaps["region_id"].map(township)
    by_township = pd.crosstab([where.map(regions["name"]), where.map(regions["level"])], gaps["rule"])
    by_township.index.names = ["township / street", "level"]
    by_township["total"] = by_township.sum(axis=1)
    by_township.sort_values("total", ascending=False)
    """, "gaps-by-township"),
    md("""
    ### Where to build next

    The reports give an order of work: party first, then women (先党后妇), easy before hard (先易后难),
    large drives small (以大促小). In the park, committees are built first where the party organization
    is graded 优秀 (excellent), then 达标 (standard), then in the other organizations with a party body,
    "mature one, build one" (成熟一个，组建一个): readiness is "two stable, one suitable" (两稳定一合适:
    the business is stable, the female workforce is stable, and a woman party member works there to
    chair it). `plan` puts the `committee_required` gaps in that order: the build queue (`list ==
    "queue"`), and apart from it the organizations with no party body yet (`"party_first"`, 先建党组织).
    Each row names the candidates, with the posts they hold.
    """),
    code("""
    plan = net.plan(as_of=AS_OF)
    queue, party_first = plan[plan["list"] == "queue"], plan[plan["list"] == "party_first"]
    print(f"{len(queue)} organizations in the build queue, {queue['ready'].sum()} of them ready; "
          f"{len(party_first)} need a party body first")
    queue[["rank", "org_name", "party_grade", "readiness", "candidates", "candidate_posts"]].head(8)
    """),
    md("""
    ## 4. One person, many posts (一人多职)

    The reports praise one person holding several posts, because it saves scarce cadres. They also
    name the risk: when that person leaves, several bodies lose their head at once. `overlaps` lists
    everyone with at least `min_posts` (default 2) active posts and the **systems** those posts are in.
    The posts are often across systems (交叉任职): party secretary and women's chair, or union chair
    and youth secretary.
    """),
    code("""
    overlaps = net.overlaps(as_of=AS_OF)
    display(overlaps["posts"].value_counts().sort_index().rename("people").rename_axis("posts").to_frame().T)
    overlaps.head(10)
    """, "overlaps"),
    code("""
    # Which combinations of systems do people with several posts hold?
    overlaps["systems"].value_counts().head(8).rename("people").to_frame()
    """),
    md("""
    Two related patterns are "one team, several nameplates" (一套班子几块牌子) and "one room, many uses"
    (一室多用). In the first, two bodies in one organization are run by nearly the same people
    (`nameplates`: holder sets with Jaccard ≥ 0.5). In the second, one activity room (阵地) serves
    several bodies (`venues`).
    """),
    code("""
    nameplates = net.nameplates(as_of=AS_OF)
    pairs = nameplates[["system_a", "system_b"]].apply(lambda r: " + ".join(sorted(r)), axis=1)
    display(pairs.value_counts().rename("body pairs").to_frame())
    net.venues(as_of=AS_OF).head(5)
    """),
    md("""
    ## 5. One person's network

    Take the person with the most posts and look at her from three sides. First, her posts as the
    graph holds them: `HOLDS` relationships from her node, including the ones that have ended. Then
    the *ego view*, her bodies and their organizations drawn as a network. Last, the **impact** of her
    leaving: which bodies would have no head, and which gaps that would open.
    """),
    code("""
    person = overlaps["person_id"].iloc[0]
    day = AS_OF  # the graph's dates are ISO text; an empty one is no attribute (.get gives None)
    node = graph.nodes[f"Person:{person}"]
    print(node["name"], "| born", node.get("birth_year"), "|", node.get("education"), "| party member:", node["party_member"])

    held = []
    for _, body_node, edge in graph.out_edges(f"Person:{person}", data=True):
        if edge["type"] == "HOLDS":
            body = graph.nodes[body_node]
            start, end = edge.get("start"), edge.get("end")
            held.append({"body": body["id"], "name": body["name"], "system": body["system"], "type": body["type"],
                         "role": edge["role"], "start": start, "end": end,
                         "active": (start is None or start <= day) and (end is None or end > day)})
    pd.DataFrame(held).sort_values(["active", "start"], ascending=[False, True])
    """, "person"),
    code("""
    net.view("ego", as_of=AS_OF, person=person)
    """, "view", "ego-view"),
    code("""
    net.impact(person, as_of=AS_OF)
    """),
    md("""
    The same question for everyone is `key_people`. It lists the people whose departure would leave
    at least one body headless, ranked by the gaps that would open. This is the turnover risk the reports
    warn about.
    """),
    code("""
    net.key_people(as_of=AS_OF).head(8)
    """, "key-people"),
    md("""
    ## 6. Leadership composition

    The Beihu report also sets rules for who leads (rule 7 of DOMAIN.md). Every township/street
    party-government team has at least one woman. More than half of district department teams include
    a woman. Women are at least 20% of reserve cadres (后备干部). Every village women's congress chair
    sits in the village "two committees" (村两委). `composition` checks each rule.
    """),
    code("""
    net.composition(as_of=AS_OF)
    """, "composition"),
    md("""
    ## 7. Coverage, up the region tree

    `coverage` gives the two-new coverage for every region, from the district down to each
    township/street. It can also split the figure by organization kind or by party grade. The
    **coverage view** shows one region level at a time: a tile per township, sized by organizations and
    filled by coverage; a click opens its organizations, coloured by whether they have a women's
    organization, with one dashed ghost per missing body. Its header counts agree with `gaps`. It is
    an interactive vis-network page. In Jupyter it shows inline, and `.save("coverage.html")` writes one
    self-contained file.
    """),
    code("""
    by_region = net.coverage(as_of=AS_OF)
    by_region.sort_values(["depth", "value"]).head(8)
    """),
    code("""
    net.coverage(as_of=AS_OF, by="kind").query("depth == 0")
    """),
    code("""
    coverage_view = net.view("coverage", as_of=AS_OF)
    print(repr(coverage_view))
    for count in coverage_view.scene.counts:
        print(f"{count['en']}: {count['value']:,}")
    coverage_view
    """, "view", "coverage-view"),
    md("""
    ## 8. A chart

    `chart` returns a matplotlib `Figure`: `coverage` by township/street, `post-load` (how many people
    hold 1, 2, 3… posts), or `women-bodies` (women's bodies by type). Use `lang="zh"` for Chinese
    labels (this needs a CJK font such as `fonts-noto-cjk`) and `lang="en"` for English. Region names
    stay Chinese either way.
    """),
    code("""
    net.chart("coverage", as_of=AS_OF, lang="en")
    """, "chart"),
    md("""
    ## 9. What if?

    Every analysis takes a day, so comparing two days is a loop. Here are the gaps one year before the
    reports' day, next to the gaps on it, as the district's women's committees were being built.
    """),
    code("""
    BEFORE = "2011-06-30"
    side_by_side = pd.DataFrame({day_: net.gaps(as_of=day_)["rule"].value_counts() for day_ in (BEFORE, AS_OF)})
    side_by_side = side_by_side.fillna(0).astype(int)
    side_by_side["change"] = side_by_side[AS_OF] - side_by_side[BEFORE]
    side_by_side
    """, "what-if-dates"),
    code("""
    # The same year, township by township: coverage on both days.
    cov = {day_: net.coverage(as_of=day_).set_index("region_name")["value"] for day_ in (BEFORE, AS_OF)}
    pd.DataFrame(cov).assign(change=lambda t: t[AS_OF] - t[BEFORE]).sort_values("change", ascending=False).head(10)
    """),
    md("""
    `diff` lists what changed between the two days: gaps opened and closed, bodies founded and
    dissolved, posts started and ended, and coverage per region.
    """),
    code("""
    changes = net.diff(BEFORE, AS_OF)
    changes["change"].value_counts().rename("rows").to_frame()
    """),
    md("""
    Rules are the other lever. What if every two-new organization with **20** (not 30) female staff
    had to build a women's committee? `Rules` holds every threshold with the reports' values as
    defaults. `with_overrides` (or a TOML file passed as `--rules` on the command line) changes some
    of them.
    """),
    code("""
    stricter = orgnet.Rules().with_overrides(committee_min_female=20)
    pd.DataFrame({
        "30 (report)": net.gaps(as_of=AS_OF)["rule"].value_counts(),
        "20 (what if)": net.gaps(as_of=AS_OF, rules=stricter)["rule"].value_counts(),
    }).fillna(0).astype(int)
    """, "what-if-rules"),
    md("""
    ## 10. Liaison links (挂钩联系)

    Longyou's rule 5: each trained executive (执委) of the county federation links one to three two-new
    women's committees and visits each **at least twice a year**. `liaison_check` lists every executive
    with her number of links and every link with its visits that year. It flags the ones outside the
    rule.
    """),
    code("""
    check = net.liaison_check(2012)
    check[check["flag"] != ""]
    """),
    md("""
    ## Where next

    * `net.report("beihu.html", as_of=AS_OF)` writes everything above into one HTML file to send by
      email (figures, charts, top gaps and overlaps, the build queue and the party-first list, the coverage view).
    * `net.export("graphml", "beihu.graphml")` writes the graph for Gephi or yEd, and `"neo4j-csv"` writes
      files for `neo4j-admin import`.
    * On the command line every analysis is one command: `orgnet gaps data/beihu --as-of 2012-06-30 -f csv`.
    * `02-neo4j.ipynb` loads the same sample into Neo4j and asks the same questions in Cypher.
    """),
]


# ==================================================================================================
# 02-neo4j.ipynb: the same sample in Neo4j, shipped and ad-hoc Cypher, compared with networkx
# ==================================================================================================
NEO4J = [
    md("""
    # The Beihu sample in Neo4j

    orgnet answers every analysis on one of two engines: the embedded **networkx** engine of
    `01-explore.ipynb`, or a **Neo4j** server, where each analysis is a shipped Cypher query
    (`cypher/queries/*.cypher`). This notebook loads the Beihu sample into Neo4j, runs two of those
    queries and one ad-hoc query, and checks each answer against networkx.

    **You need a running Neo4j 5 server** and three environment variables:
    `NEO4J_URI`, `NEO4J_USERNAME` and `NEO4J_PASSWORD` (and `NEO4J_DATABASE` for a database other
    than the default one). For a throwaway local server:

        set -a; eval "$(tools/neo4j/start)"; set +a     # needs Java 17 and Maven; sets NEO4J_URI…
        # … then start Jupyter from this shell; afterwards: tools/neo4j/stop "$NEO4J_PID" --remove-home

    ⚠️ Loading **deletes every orgnet node** (Region, Organization, Body, Person, DemoPoint, Venue) in
    that database first, so point it at a database you can wipe. The notebook never prints the
    password.
    """),
    code("""
    import os
    import time
    from datetime import date
    from pathlib import Path

    import pandas as pd

    import orgnet
    from orgnet import cypher
    from orgnet.api import load_dataset
    from orgnet.engines import neo4j as engine

    pd.set_option("display.width", 160)
    ROOT = next(p for p in (Path.cwd(), *Path.cwd().parents) if (p / "data" / "beihu").is_dir())
    DATA = ROOT / "data" / "beihu"
    AS_OF = "2012-06-30"  # the day of the reports' figures
    """),
    md("""
    ## 1. Connect

    `Settings.resolve()` reads the `NEO4J_*` variables. Its `repr` leaves the password out. Print the
    server and the user, never the password.
    """),
    code("""
    if not os.environ.get("NEO4J_URI"):
        raise RuntimeError("set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD first (see the top of this notebook)")
    settings = engine.Settings.resolve()
    print("server:  ", settings.uri)
    print("user:    ", settings.username)
    print("database:", settings.database or "(default)")
    print("password:", "given" if settings.password else "none")
    driver = engine.open_driver(settings)  # checks that the server answers and accepts the credentials
    """, "connect"),
    md("""
    ## 2. Load the sample

    This is what `orgnet load data/beihu --wipe --yes` does on the command line. The dataset is
    validated first, so bad input writes nothing. Then orgnet's old nodes are deleted in batches, the
    constraints and indexes of `cypher/schema.cypher` are created, and each table is written by its
    `cypher/load/*.cypher` statement (`UNWIND $rows AS row MERGE …`, in batches). The counts are read
    back from the server.
    """),
    code("""
    dataset = load_dataset(DATA)
    started = time.perf_counter()
    wiped = engine.wipe(driver, settings.database)
    counts = engine.load_dataset(driver, dataset, database=settings.database)
    print(f"wiped {wiped} old nodes, loaded in {time.perf_counter() - started:.1f} s")
    pd.Series(counts, name="count").to_frame().T
    """, "load"),
    md("""
    The graph model is the networkx one. Labels are `Region`, `Organization`, `Body` (plus `PartyBody`,
    `WomenBody`, `UnionBody`, `YouthBody`, `AdminBody` by system), `Person`, `DemoPoint` and `Venue`.
    Relationships are `PART_OF`, `LOCATED_IN`, `BELONGS_TO`, `HOLDS {role, start, end}`, `WORKS_AT`,
    `LIAISES_WITH`, `VISITED`, `DEMO_AT`, `PAIRED_WITH` and `USES`. Dates are Neo4j `date` values.
    An empty cell is an absent property. For comparison, here is the same dataset in networkx:
    """),
    code("""
    local = orgnet.load(DATA)
    local
    """),
    md("""
    ## 3. A shipped query, as `orgnet query` runs it: `overlaps`

    The shipped queries are plain `.cypher` files, so you can paste them into Neo4j Browser. Each one
    lists its parameters at the top as `:param` lines. `orgnet query --list` lists them, and
    `orgnet query overlaps --param as_of=2012-06-30` runs one. Below is the same thing from Python.
    `query_parameters` fills in orgnet's defaults (the rule thresholds, today) and the values you give.
    """),
    code("""
    print(cypher.queries())
    text = cypher.query("overlaps")
    print(text)
    """),
    code("""
    params = engine.query_parameters(text, [f"as_of={AS_OF}"], orgnet.Rules())
    print(params)
    keys, rows = engine.run_query(driver, text, params, database=settings.database)  # a read-only transaction
    overlaps_neo4j = engine.rows_frame(keys, rows)
    overlaps_neo4j.head()
    """, "query-overlaps"),
    md("""
    The networkx engine must give the same rows in the same order. The query returns plain Python
    values, so compare them as text (`posts` is a nullable integer in orgnet's result frames; the
    lists after the documented columns come back from `rows_frame` as JSON text, so compare the
    documented five here; `net.overlaps` on Neo4j below gives them all as lists).
    """),
    code("""
    overlaps_nx = local.overlaps(as_of=AS_OF)
    documented = ["person_id", "person_name", "posts", "bodies", "systems"]
    pd.testing.assert_frame_equal(overlaps_neo4j[documented].astype(str), overlaps_nx[documented].astype(str))
    print(f"overlaps: {len(overlaps_nx)} people, identical on both engines")
    """, "compare-overlaps"),
    md("""
    ## 4. A shipped query through the Python API: `gaps`

    `orgnet.connect()` opens a `Network` on the server (from the same `NEO4J_*` variables). It has the
    same methods as `orgnet.load(...)`, and each one runs its shipped query and shapes the rows into
    the same DataFrame. So the two engines can be compared frame to frame.
    """),
    code("""
    remote = orgnet.connect()
    print(remote)

    def timed(analysis):
        started = time.perf_counter()
        return analysis(), time.perf_counter() - started

    gaps_neo4j, seconds_neo4j = timed(lambda: remote.gaps(as_of=AS_OF))
    gaps_nx, seconds_nx = timed(lambda: local.gaps(as_of=AS_OF))
    pd.testing.assert_frame_equal(gaps_neo4j, gaps_nx)
    print(f"gaps: {len(gaps_neo4j)} rows, identical on both engines "
          f"(neo4j {seconds_neo4j:.2f} s, networkx {seconds_nx:.2f} s)")
    gaps_neo4j["rule"].value_counts().rename("gaps").to_frame()
    """, "compare-gaps"),
    md("""
    The report figures come from the `stats` query on the server too, the same as networkx's:
    """),
    code("""
    stats = remote.stats(as_of=AS_OF)
    pd.testing.assert_frame_equal(stats, local.stats(as_of=AS_OF))
    district = stats.iloc[0]["region_id"]
    stats[(stats["region_id"] == district) & stats["figure"].isin(["two_new_orgs", "two_new_coverage", "enterprise_women_committees"])]
    """, "stats"),
    md("""
    ## 5. An ad-hoc query

    Not every question has a shipped query. Here is one in the spirit of "party building leads women's
    building". **Which women's chairs also sit in the party organization of the same unit**, counted
    by kind of organization? This is 交叉任职 between the two systems the reports tie together. The
    pattern reads like the picture: a person chairs a women's body and holds a post in a party body,
    and both bodies belong to one organization. Posts and bodies must be active on the day. Values
    always go in as parameters (`$as_of`), never into the query text.
    """),
    code("""
    CHAIRS_IN_PARTY = \"\"\"
    MATCH (o:Organization)<-[:BELONGS_TO]-(w:WomenBody)<-[chair:HOLDS {role: 'chair'}]-(p:Person),
          (p)-[post:HOLDS]->(b:PartyBody)-[:BELONGS_TO]->(o)
    WHERE all(h IN [chair, post] WHERE (h.start IS NULL OR h.start <= $as_of) AND (h.`end` IS NULL OR h.`end` > $as_of))
      AND all(x IN [w, b] WHERE (x.founded IS NULL OR x.founded <= $as_of) AND (x.dissolved IS NULL OR x.dissolved > $as_of))
    RETURN o.kind AS kind, count(DISTINCT p) AS chairs
    ORDER BY chairs DESC, kind
    \"\"\"
    keys, rows = engine.run_query(driver, CHAIRS_IN_PARTY, {"as_of": date.fromisoformat(AS_OF)},
                                  database=settings.database)
    chairs_neo4j = pd.DataFrame(rows, columns=keys)
    chairs_neo4j
    """, "adhoc"),
    md("""
    The same question in networkx is a walk over the `MultiDiGraph`. Every node carries `label` and its
    columns, and every edge carries `type`. A few lines of Python give the same counts:
    """),
    code("""
    G = local.graph
    day = AS_OF  # the graph's dates are ISO text, compared as text; an empty one is no attribute

    def active(first, last):
        return (first is None or first <= day) and (last is None or last > day)

    def active_post(edge):
        return active(edge.get("start"), edge.get("end"))

    def active_body(body):
        return active(body.get("founded"), body.get("dissolved"))

    def host(body_node):
        \"\"\"The organization a body belongs to (None for a region-level body).\"\"\"
        return next((target for _, target, e in G.out_edges(body_node, data=True)
                     if e["type"] == "BELONGS_TO" and G.nodes[target]["label"] == "Organization"), None)

    chairs = {}  # person node → organization kinds where she chairs women and sits in the party body
    for person, body, edge in G.edges(data=True):
        if edge["type"] != "HOLDS" or edge["role"] != "chair" or not active_post(edge):
            continue
        women = G.nodes[body]
        if women["system"] != "women" or not active_body(women) or host(body) is None:
            continue
        org = host(body)
        in_party = any(e["type"] == "HOLDS" and active_post(e) and G.nodes[other]["system"] == "party"
                       and active_body(G.nodes[other]) and host(other) == org
                       for _, other, e in G.out_edges(person, data=True))
        if in_party:
            chairs.setdefault(G.nodes[org]["kind"], set()).add(person)

    chairs_nx = (pd.DataFrame([(kind, len(people)) for kind, people in chairs.items()], columns=["kind", "chairs"])
                 .sort_values(["chairs", "kind"], ascending=[False, True], ignore_index=True))
    pd.testing.assert_frame_equal(chairs_neo4j, chairs_nx)
    print(f"{chairs_nx['chairs'].sum()} women's chairs sit in their unit's party organization; same on both engines")
    chairs_nx
    """, "adhoc-networkx"),
    md("""
    The Cypher is shorter because the pattern *is* the question. The networkx walk needs no server and
    is easy to step through in a debugger. For analyses orgnet already ships, the `Network` methods hide
    the difference. Both engines return the same frames, which the comparisons above check.

    ## 6. Close

    Close the driver and the `Network` when done, or use `with orgnet.connect() as net: ...`.
    """),
    code("""
    remote.close()
    driver.close()
    """),
]


NOTEBOOKS = {"01-explore.ipynb": EXPLORE, "02-neo4j.ipynb": NEO4J}


def notebook(cells) -> nbformat.NotebookNode:
    """A v4 notebook of these cells, outputs empty, ids from the cell text (unique), Python 3 kernel."""
    nb = new_notebook(metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    seen: set[str] = set()
    for cell in cells:
        cell = nbformat.from_dict(cell)  # a copy: the lists above stay untouched
        digest = hashlib.sha1(cell.source.encode("utf-8")).hexdigest()
        n = 8
        while digest[:n] in seen:
            n += 1
        cell.id = digest[:n]
        seen.add(cell.id)
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def text(name: str) -> str:
    """The file content this script writes for one notebook."""
    return nbformat.writes(notebook(NOTEBOOKS[name])) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name in NOTEBOOKS:
        path = HERE / name
        content = text(name)
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != content:
                stale.append(name)
        else:
            path.write_text(content, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print(f"out of date (run python notebooks/build.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
