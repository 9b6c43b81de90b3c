"""The Neo4j engine: load a dataset into a Neo4j server, and answer the analyses with Cypher.

The Cypher lives in the shipped files (``orgnet.cypher``): ``schema.cypher`` (constraints and
indexes), ``load/create/*.cypher`` (the fresh path into a database without orgnet nodes: CREATE,
columns packed one text per batch), ``load/*.cypher`` (the update path: one ``UNWIND $rows AS row
MERGE …`` statement per table), both run in batches, each batch in a managed write transaction so
transient errors are retried, and
``queries/<analysis>.cypher`` (one per analysis, parameterized by ``$as_of`` and the rule
thresholds). This package only orchestrates: it turns tables into rows, picks the files, passes
parameters (values always go in as parameters, never into the query text), and hands the rows to
the analysis's contract (``orgnet.analyses``) so that both engines return identical DataFrames.

The graph model is the networkx engine's (``orgnet.graph``): labels ``Region``, ``Organization``,
``Body`` (plus one label per system from ``schema.toml`` ``[system_labels]``), ``Person``,
``DemoPoint``; relationships ``PART_OF``, ``LOCATED_IN``, ``BELONGS_TO``, ``HOLDS``, ``WORKS_AT``,
``LIAISES_WITH``, ``VISITED``, ``DEMO_AT``, ``PAIRED_WITH``. Every column of a node table is a
property (dates as Neo4j ``date`` values, empty cells absent).

Connection settings come from arguments or the ``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` environment variables. The password is never printed,
logged or put in an error message. Only Bolt URIs are taken (``bolt``, ``neo4j``, with ``+s`` or
``+ssc``). No wait is without end: each query and each transaction of a load may take the settings'
``timeout`` (``--neo4j-timeout``, ``ORGNET_NEO4J_TIMEOUT``, default 300 s), connecting at most 30 s
of it; then one line says what was waited for (``Neo4jTimeout``, exit code 1).

The modules, each one job (this package re-exports their public names):

* ``limits``: the time limits, the wait that ends, the message when it does;
* ``connection``: settings, the driver, sessions running one statement, errors → ``OrgnetError``s;
* ``engine``: ``Neo4jEngine``, the analyses and facts run as the shipped queries;
* ``load``: the loaders (update path, fresh path) and their batch writers, the schema, wipe, counts;
* ``adhoc``: ad-hoc Cypher (``orgnet query``): ``--param`` values, running, rows for printing.
"""

from __future__ import annotations

from .adhoc import browser_defaults, parse_value, query_parameters, rows_frame, run_query
from .connection import (MIN_VERSION, SCHEMES, Settings, check_scheme, check_version, in_transaction, neo4j,
                         neo4j_errors, open_driver, plain, read_rows, run_file, run_read, run_write, server_version,
                         translate_errors)
from .engine import Neo4jEngine, collected, parameters, query_params, return_columns
from .limits import CONNECT_TIMEOUT, DEFAULT_TIMEOUT, TIMEOUT_ENV, TIMEOUT_OPTION, Neo4jTimeout
from .load import (DEFAULT_BATCH_SIZE, DEFAULT_WORKERS, SEPARATORS, ColumnStep, Progress, Step, apply_schema,
                   by_lookups, column_texts, counts, create_plan, database_is_empty, load_dataset, load_plan, wipe)

__all__ = [
    "CONNECT_TIMEOUT", "DEFAULT_BATCH_SIZE", "DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "MIN_VERSION", "SCHEMES",
    "SEPARATORS", "TIMEOUT_ENV", "TIMEOUT_OPTION", "ColumnStep", "Neo4jEngine", "Neo4jTimeout", "Progress",
    "Settings", "Step", "apply_schema", "by_lookups", "check_scheme", "check_version", "collected", "column_texts",
    "browser_defaults", "counts", "create_plan", "database_is_empty", "in_transaction", "load_dataset", "load_plan", "neo4j",
    "neo4j_errors", "open_driver",
    "parameters", "parse_value", "plain", "query_parameters", "query_params", "read_rows", "return_columns",
    "rows_frame", "run_file", "run_query", "run_read", "run_write", "server_version", "translate_errors", "wipe",
]
