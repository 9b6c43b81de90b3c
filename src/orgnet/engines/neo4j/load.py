"""Loading a validated dataset into Neo4j, in batches of rows, each batch one managed write
transaction (retried on transient errors).

Two paths write the same graph. Into a database without orgnet nodes, the fresh path
(``create_plan``, ``load/create/*.cypher``): ``CREATE`` only, each column packed as one text per
batch with Arrow, ``DEFAULT_WORKERS`` batches at a time (``_write_parallel``). Otherwise the update
path (``load_plan``, ``load/*.cypher``): one ``UNWIND $rows AS row MERGE …`` statement per table,
one batch at a time. Also here: the schema (``schema.cypher``), ``wipe`` and the ``counts`` read
back after a load. Each batch waits for the server at most the driver's time limit
(``connection.in_transaction``): a batch blocked by another transaction's lock is rolled back by the
server and the load ends with one line naming it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ... import cypher
from ...dataset import Dataset
from ...errors import EngineError, InputError
from ...graph import EDGES, records
from ...schema import SCHEMA, Schema
from .connection import (in_transaction, neo4j_errors, one_line, run_file, run_read, run_write, translate_errors,
                         waiting_params)

#: Rows per write transaction when loading.
DEFAULT_BATCH_SIZE = 20_000

#: Concurrent write transactions in a fresh load (the update path always writes one at a time).
DEFAULT_WORKERS = 2

#: Progress callback: (table, rows done so far, rows in total for that table).
Progress = Callable[[str, int, int], None]

_ROW_FIELD = re.compile(r"\brow\.`?([A-Za-z_][A-Za-z0-9_]*)`?")


# -- schema, wipe, load, counts -------------------------------------------------------------------
def apply_schema(driver, database: str | None = None, where: str = "the Neo4j server") -> None:
    """Create the constraints and indexes of ``schema.cypher`` (if missing) and wait for them."""
    run_file(driver, "schema.cypher", database, where)
    wait = "CALL db.awaitIndexes($timeout_seconds)"
    run_write(driver, wait, waiting_params(driver, wait), database, where, what="the indexes (db.awaitIndexes)")


def wipe(driver, database: str | None = None, batch_size: int = 10_000, where: str = "the Neo4j server") -> int:
    """Delete orgnet's nodes and their relationships, in batches; the number of nodes deleted."""
    text = cypher.read("wipe.cypher")
    total = 0
    while True:
        deleted = run_write(driver, text, {"batch_size": batch_size}, database, where, what="wiping (wipe.cypher)")
        deleted = deleted[0]["deleted"]
        total += deleted
        if deleted == 0:
            return total


def counts(driver, database: str | None = None, where: str = "the Neo4j server") -> dict[str, int]:
    """Nodes per orgnet label and relationships per type, read back from the server."""
    rows = run_read(driver, cypher.read("counts.cypher"), None, database, where, what="the counts (counts.cypher)")
    return {r["name"]: r["count"] for r in rows}


@dataclass(frozen=True)
class Step:
    """One load statement over one table's rows."""

    table: str
    file: str
    rows: list[dict]
    param: str = "rows"

    def __len__(self) -> int:
        return len(self.rows)

    def params(self, start: int, stop: int) -> dict:
        """The parameters of the batch of rows ``start:stop``."""
        chunk = self.rows[start:stop]
        return {self.param: [r["id"] for r in chunk] if self.param == "ids" else chunk}


#: Candidate separators for the columns of a fresh load, tried in turn until one occurs in no value
#: of the batch: the ASCII unit/record/group/file separators, then the Unicode private use area.
SEPARATORS = "\x1f\x1e\x1d\x1c" + "".join(map(chr, range(0xE000, 0xF900)))


@dataclass(frozen=True)
class ColumnStep:
    """One statement of a fresh load (``load/create/*.cypher``) over one table's columns: each
    column as an Arrow array of texts (an empty text for an empty cell), joined per batch by a
    separator that occurs in none of the batch's values. Packing one text per column instead of
    one map per row is what makes the client fast: the driver packs a parameter value by value,
    and Arrow joins a batch's texts without making a Python string of each."""

    table: str
    file: str
    columns: dict[str, pa.Array]
    extra: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def params(self, start: int, stop: int) -> dict:
        cut = {name: values[start:stop] for name, values in self.columns.items()}
        for sep in SEPARATORS:
            if not any(pc.any(pc.match_substring(values, sep)).as_py() for values in cut.values()):
                return {**self.extra, **{name: _joined(values, sep) for name, values in cut.items()}, "sep": sep}
        raise EngineError(f"{self.table}: every separator orgnet tries occurs in rows {start + 1}-{stop}")


def _joined(texts: pa.Array, sep: str) -> str:
    """``sep.join(texts)``, in Arrow.

    >>> _joined(pa.array(["东村", "", "R1"]), "|")
    '东村||R1'
    """
    whole = pa.ListArray.from_arrays(pa.array([0, len(texts)], pa.int32()), texts)
    return pc.binary_join(whole, sep)[0].as_py()


def load_plan(dataset: Dataset, schema: Schema = SCHEMA) -> list[Step]:
    """The statements that load a dataset, table by table (a table after those it refers to): its
    nodes, their second labels (bodies), then the relationships its rows make.

    Each statement's rows carry just the columns its file reads (``row.<column>``).
    """
    steps = []
    for table in _dependency_order(schema):
        if table.label:
            steps.append(_step(table.name, f"load/{table.name}.cypher", dataset[table.name]))
        if table.name == "bodies":
            bodies = dataset["bodies"]
            for system in schema.system_labels:
                ids = [str(i) for i in bodies.loc[bodies["system"] == system, "id"]]
                if ids:
                    steps.append(Step("bodies", f"load/body_labels/{system}.cypher", [{"id": i} for i in ids], "ids"))
        for source, kind, *_ in EDGES:
            if source == table.name:
                steps.append(_step(table.name, f"load/relationships/{kind.lower()}.cypher", dataset[table.name]))
    return steps


def _dependency_order(schema: Schema) -> list:
    """Tables in schema order, except that a table comes after every table it refers to."""
    order: list = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for target in schema.table(name).refs().values():
            visit(target)
        order.append(schema.table(name))

    for name in schema.tables:
        visit(name)
    return order


def _step(table: str, file: str, frame: pd.DataFrame) -> Step:
    columns = list(dict.fromkeys(_ROW_FIELD.findall(cypher.read(file))))
    return Step(table, file, records(frame, columns) if len(frame) else [])


def create_plan(dataset: Dataset, schema: Schema = SCHEMA) -> list[ColumnStep]:
    """The statements of a fresh load (``load/create/*.cypher``: the database has no orgnet node),
    table by table in the order of ``load_plan``: a node table's nodes with their second label
    and the relationships its rows make in one statement (regions: ``PART_OF`` after the nodes,
    since a parent may come in a later batch), then each relationship table's relationships.

    Each step carries the columns its file reads (``$<column>``), encoded as texts.
    """
    steps = []
    for table in _dependency_order(schema):
        frame = dataset[table.name]
        if table.label:
            steps.append(_column_step(table, f"load/create/{table.name}.cypher", frame, schema))
            if table.name == "regions":
                steps.append(_column_step(table, "load/create/part_of.cypher", frame, schema))
        else:
            for source, kind, *_ in EDGES:
                if source == table.name:
                    steps.append(_column_step(table, f"load/create/{kind.lower()}.cypher", frame, schema))
    return steps


_CONTROL_PARAMS = {"sep", "system_labels"}


def _column_step(table, file: str, frame: pd.DataFrame, schema: Schema) -> ColumnStep:
    names = [n for n in cypher.params(cypher.read(file)) if n not in _CONTROL_PARAMS]
    extra = {"system_labels": dict(schema.system_labels)} if "system_labels" in cypher.params(cypher.read(file)) else {}
    frame = by_lookups(frame, names)
    return ColumnStep(table.name, file, {n: column_texts(frame[n], table.column(n).type) for n in names}, extra)


def by_lookups(frame: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """A fresh load's rows sorted by the ids its statement looks up (the ``…_id`` columns among
    ``names``, in their order; empty cells first).

    Then each batch's relationships end at a compact run of nodes, one node's all in one batch:
    the two concurrent batches seldom lock the same node (no waiting for the other's commit, no
    deadlock to retry), and a node's relationships are written together. Row order changes
    nothing in the graph.

    >>> by_lookups(pd.DataFrame({"id": ["O1", "O2", "O3"], "region_id": ["R9", "R1", "R9"]}), ["id", "region_id"])["id"].tolist()
    ['O2', 'O1', 'O3']
    """
    keys = [name for name in names if name.endswith("_id")]
    if not keys or len(frame) < 2:
        return frame
    return frame.sort_values(keys, kind="stable", na_position="first", ignore_index=True)


def column_texts(series: pd.Series, kind: str) -> pa.Array:
    """One column as texts for a fresh load: ISO dates, whole numbers, ``true``/``false``, and an
    empty text for an empty cell (a validated dataset has no empty text as a value: empty cells
    are missing).

    >>> column_texts(pd.Series(pd.to_datetime(["2010-03-08", None])), "date").to_pylist()
    ['2010-03-08', '']
    >>> column_texts(pd.Series([45, None], dtype="Int64"), "int").to_pylist()
    ['45', '']
    >>> column_texts(pd.Series([True, None], dtype="boolean"), "bool").to_pylist()
    ['true', '']
    >>> column_texts(pd.Series(["东村", None], dtype="string"), "str").to_pylist()
    ['东村', '']
    """
    values = pa.array(series, from_pandas=True)
    if kind == "date":
        if pa.types.is_timestamp(values.type):
            values = values.cast(pa.date32(), safe=False)
        elif pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
            values = pc.utf8_slice_codeunits(values, 0, 10)
    elif kind == "int":
        values = values.cast(pa.int64())
    elif kind == "bool":
        values = pc.if_else(values.cast(pa.bool_()), "true", "false")
    return values.cast(pa.string()).fill_null("")


def database_is_empty(driver, database: str | None = None, where: str = "the Neo4j server") -> bool:
    """True when the database holds no node of orgnet's labels (``load/empty.cypher``)."""
    rows = run_read(driver, cypher.read("load/empty.cypher"), None, database, where, what="load/empty.cypher")
    return bool(rows[0]["empty"])


def load_dataset(driver, dataset: Dataset, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None,
                 database: str | None = None, where: str = "the Neo4j server", schema: bool = True,
                 workers: int = DEFAULT_WORKERS) -> dict[str, int]:
    """Write a validated dataset into Neo4j; return the counts read back from the server.

    Into a database without any orgnet node, the fresh path (``create_plan``,
    ``load/create/*.cypher``): ``CREATE`` only, a node table's nodes, second labels and
    relationships in one statement, columns packed as one text each per batch. Otherwise the
    update path (``load_plan``, ``load/*.cypher``): ``MERGE`` on ids and keys, so loading the same
    dataset twice leaves the same graph, and rows whose references changed move their
    relationships. Both write the same graph, property for property; a load that was cut off
    (server lost, Ctrl-C) left nodes behind, so its rerun takes the update path and finishes it.
    Rows that disappeared from the files since an earlier load are not deleted: ``wipe`` first for
    a clean copy. The fresh path assumes nobody else writes orgnet's labels during the load.

    Each batch of ``batch_size`` rows is one managed write transaction (retried on transient
    errors); the dataset is validated before it gets here, so bad input writes nothing.
    ``progress(table, done, total)`` is called after every batch. ``schema=False`` skips creating
    the constraints and indexes first (when they are known to exist). The fresh path drops the
    secondary indexes (``load/drop_indexes.cypher``: none of its lookups use them) and creates
    them after the last batch, each filled in one pass; the uniqueness constraints stay. Either
    path ends by waiting for the indexes and resampling their statistics
    (``load/ready.cypher``), so that the first query is planned with the counts of the data just
    loaded.
    """
    if batch_size < 1:
        raise InputError(f"batch size {batch_size}: expected a whole number ≥ 1")
    if schema:
        apply_schema(driver, database, where)
    fresh = database_is_empty(driver, database, where)
    if fresh:  # the indexes nothing is looked up by are filled in one pass at the end
        run_file(driver, "load/drop_indexes.cypher", database, where)
    steps: list = create_plan(dataset) if fresh else load_plan(dataset)
    totals: dict[str, int] = {}
    for step in steps:
        totals[step.table] = totals.get(step.table, 0) + len(step)
    done = dict.fromkeys(totals, 0)
    if progress:
        for table, total in totals.items():
            progress(table, 0, total)
    lost = _lost_message(where, done, totals)
    batch = _Batches(driver, database, where, batch_size)
    with translate_errors(where):
        if fresh and workers > 1:
            _write_parallel(batch, steps, workers, done, totals, progress, lost)
        else:
            _write_serial(batch, steps, done, totals, progress, lost)
    if fresh:
        apply_schema(driver, database, where)
    run_file(driver, "load/ready.cypher", database, where)
    return counts(driver, database, where)


@dataclass(frozen=True)
class _Batches:
    """Where a load writes, and how: ``batch_size`` rows per transaction, each within the time limit."""

    driver: object
    database: str | None
    where: str
    batch_size: int

    def starts(self, step) -> range:
        """Where each batch of ``step`` starts."""
        return range(0, len(step), self.batch_size)

    def write(self, step, text: str, start: int) -> int:
        """Write the batch of ``step`` that starts at row ``start`` in one transaction; its rows."""
        stop = min(start + self.batch_size, len(step))
        in_transaction(self.driver, _write_batch, text, step.params(start, stop), write=True, database=self.database,
                       where=self.where, what=f"loading {step.table} rows {start + 1:,}-{stop:,}", then=_ROLLED_BACK)
        return stop - start


_ROLLED_BACK = "that batch was rolled back; rerun the same command to finish (loading is idempotent)"


def _write_serial(batch: _Batches, steps: list, done: dict, totals: dict, progress: Progress | None, lost) -> None:
    """The batches one after the other: the update path, or a fresh load with one worker."""
    for step in steps:
        text = cypher.read(step.file)
        for start in batch.starts(step):
            try:
                done[step.table] += batch.write(step, text, start)
            except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
                raise EngineError(lost(step.table, exc)) from None
            if progress:
                progress(step.table, done[step.table], totals[step.table])


def _write_batch(tx, text: str, params: dict) -> None:
    tx.run(text, params).consume()


def _lost_message(where: str, done: dict, totals: dict):
    def message(table: str, exc: BaseException) -> str:
        return (f"lost Neo4j at {where} while loading {table} after {done[table]:,} of {totals[table]:,} rows "
                f"({one_line(exc)}); rerun the same command to finish (loading is idempotent)")
    return message


def _write_parallel(batch: _Batches, steps: list, workers: int, done: dict, totals: dict, progress: Progress | None,
                    lost) -> None:
    """A fresh load's batches, ``workers`` transactions at a time, one step after the other (a step
    starts when every batch of the one before it has committed). Only for the fresh path: its
    statements CREATE rows that are all new, so concurrent batches never write the same thing;
    two batches creating relationships at one node wait for each other's lock, and a deadlock
    the server detects is a transient error the driver retries."""
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for step in steps:
            text = cypher.read(step.file)
            pending = {pool.submit(batch.write, step, text, start) for start in batch.starts(step)}
            while pending:
                finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
                for future in finished:
                    error = future.exception()
                    if error is not None:
                        for other in pending:
                            other.cancel()
                        wait(pending)
                        if isinstance(error, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
                            raise EngineError(lost(step.table, error)) from None
                        raise error
                    done[step.table] += future.result()
                    if progress:
                        progress(step.table, done[step.table], totals[step.table])

