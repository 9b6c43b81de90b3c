"""Files → raw tables of text. Nothing here knows what a valid value is; ``validate`` does.

A dataset is a folder of ``<table>.csv`` (or ``<table>.parquet``) files, or one ``.xlsx`` workbook
with a sheet per table.
File and sheet names may be the table's English name or one of its aliases (``组织.csv``).
CSV text may be UTF-8, UTF-8 with a BOM, or GB18030 (which includes GBK and GB2312).

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "regions.csv").write_bytes("id,名称,level,parent_id\\nR1,北湖区,district,\\n".encode("gb18030"))
>>> raw = read_dataset(folder)
>>> raw.tables["regions"].frame.loc[0, "名称"], raw.tables["regions"].encoding
('北湖区', 'gb18030')
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from .blank_columns import column_letter, has_text, unnamed, without_blank_columns
from .errors import InputError, Problem, ValidationError
from .schema import SCHEMA, Schema

#: Tried in this order; the first that decodes the whole file wins.
ENCODINGS = ("utf-8-sig", "gb18030")
#: The longest column name accepted, in characters: a longer "header" is data or garbage.
MAX_HEADER_CHARS = 10_000


@dataclass
class RawTable:
    """One table as text: every cell a ``str`` (empty string for an empty cell)."""

    name: str
    source: str  # what the user calls it: "organizations.csv" or "book.xlsx[organizations]"
    frame: pd.DataFrame
    encoding: str | None = None


@dataclass
class RawDataset:
    """All tables read from one folder or workbook, plus problems found while reading."""

    path: Path
    tables: dict[str, RawTable] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Tables whose file or sheet was present but could not be read (their problems are listed);
    #: validation does not also call them missing, nor check references into them.
    unreadable: set[str] = field(default_factory=set)
    #: Tables left unread on purpose (``read_dataset(…, tables=…)``): not missing, not checked.
    skipped: set[str] = field(default_factory=set)
    #: What reading left out without failing (empty columns with no header), one line each; also logged.
    notices: list[str] = field(default_factory=list)


def read_dataset(path: str | Path, schema: Schema = SCHEMA, tables: Iterable[str] | None = None) -> RawDataset:
    """Read a dataset folder or workbook into raw text tables.

    ``tables``, when given, names the only tables to read (an analysis that needs four of the
    eleven reads four files); the others are left in ``RawDataset.skipped``. Unknown or repeated
    file names are still reported.

    Raises ``InputError`` when the path is neither; reading problems (undecodable files,
    unknown tables, ragged rows) are collected in ``RawDataset.problems`` for ``validate``.
    """
    path = Path(path)
    wanted = set(schema.tables) if tables is None else set(tables)
    unknown = wanted - set(schema.tables)
    if unknown:
        raise InputError(f"unknown table {sorted(unknown)[0]!r}; expected one of {', '.join(schema.tables)}")
    if path.is_dir():
        raw = _read_folder(path, schema, wanted)
    elif path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file():
        raw = _read_workbook(path, schema)
        for name in set(raw.tables) - wanted:
            del raw.tables[name]
        raw.unreadable &= wanted
    else:
        raw = None
    if raw is not None:
        raw.skipped = set(schema.tables) - wanted
        return raw
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    raise InputError(f"{path}: expected a folder of CSV files or an .xlsx workbook")


def _read_folder(folder: Path, schema: Schema, wanted: set[str]) -> RawDataset:
    raw = RawDataset(folder)
    seen: dict[str, str] = {}  # table → the file read (or passed over) for it
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() not in (".csv", ".parquet") or not file.is_file():
            continue
        table = schema.table_named(file.stem)
        if table is None:
            raw.problems.append(Problem(file.name, None, None, file.stem, _table_expectation(schema)))
            continue
        if table.name in seen:
            raw.problems.append(Problem(file.name, None, None, file.stem,
                                        f"one file per table ({seen[table.name]} is {table.name} too)"))
            continue
        seen[table.name] = file.name
        if table.name not in wanted:
            continue
        if file.suffix.lower() == ".parquet":
            frame, encoding = _read_parquet_file(file, raw.problems), None
            if frame is not None:
                frame = without_blank_columns(frame, file.name, raw.problems, raw.notices)
        else:
            frame, encoding = _read_csv_file(file, raw.problems, raw.notices)
        if frame is None:
            raw.unreadable.add(table.name)
        else:
            raw.tables[table.name] = RawTable(table.name, file.name, frame, encoding)
    return raw


def _read_parquet_file(file: Path, problems: list[Problem]) -> pd.DataFrame | None:
    """A Parquet file as raw text, each typed column written as the CSV would hold it.

    Numbers as digits (a float column of whole numbers, as pandas writes an int column with gaps,
    without ``.0``), booleans as true/false, dates and midnight timestamps as ``YYYY-MM-DD``, nulls
    as empty cells. Row 2 is the first row, as in a CSV file with its header."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(file)
    except (pa.ArrowException, OSError) as exc:
        problems.append(Problem(file.name, None, None, None, f"a readable Parquet file ({exc})"))
        return None
    columns = {}
    for name, column in zip(unnamed([n.strip() for n in table.column_names]), table.columns):
        bad = _invalid_utf8_row(column.combine_chunks())
        if bad is not None:
            problems.append(Problem(file.name, bad + 2, name, None, "text in UTF-8 (this cell's bytes are not: "
                                    "was the file written by hand, or cut?)"))
            return None
        text = _parquet_text(column.combine_chunks())
        if text is None:
            problems.append(Problem(file.name, 1, name, str(column.type),
                                    "a column of text, numbers, booleans or dates"))
            return None
        columns[name] = pd.array(text.fill_null(""), dtype="str")
    if len(set(columns)) != table.num_columns:
        problems.append(Problem(file.name, 1, None, None, "distinct column names"))
        return None
    return _drop_empty_rows(pd.DataFrame(columns))


def _invalid_utf8_row(array: pa.Array) -> int | None:
    """The position of the first cell of a text column that is not UTF-8 (Parquet does not check
    what a writer puts in a string column), or None."""
    if pa.types.is_dictionary(array.type):
        array = array.dictionary_decode()
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return None
    try:
        array.validate(full=True)
        return None
    except pa.ArrowInvalid:
        for i, value in enumerate(array.cast(pa.large_binary()).to_pylist()):
            try:
                value is None or value.decode("utf-8")
            except UnicodeDecodeError:
                return i
        return 0


def _parquet_text(array: pa.Array) -> pa.Array | None:
    """One typed column as ``large_string`` (None for a type a table cell cannot hold)."""
    kind = array.type
    if pa.types.is_dictionary(kind):
        return _parquet_text(array.dictionary_decode())
    if pa.types.is_floating(kind):
        whole = pc.all(pc.equal(pc.floor(array), array)).as_py() is not False
        return _parquet_text(array.cast(pa.int64())) if whole else array.cast(pa.large_string())
    if pa.types.is_timestamp(kind):
        midnight = pc.all(pc.equal(pc.cast(array, pa.date32()).cast(kind), array)).as_py() is not False
        return array.cast(pa.date32()).cast(pa.large_string()) if midnight else pc.strftime(array).cast(pa.large_string())
    if (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_integer(kind)
            or pa.types.is_boolean(kind) or pa.types.is_date(kind) or pa.types.is_decimal(kind)):
        return array.cast(pa.large_string())
    if pa.types.is_null(kind):
        return pa.nulls(len(array), pa.large_string())
    return None


def _read_csv_file(file: Path, problems: list[Problem], notices: list[str]) -> tuple[pd.DataFrame | None, str | None]:
    """One CSV file as raw text: well-formed UTF-8 straight from the bytes, anything else decoded first."""
    data = file.read_bytes()
    table = _utf8_fast(data)
    if table is not None:
        return _text_frame(table, file.name, problems, notices), "utf-8"
    decoded = _decode(file.name, data, problems)
    if decoded is None:
        return None, None
    return _parse_csv(decoded[0], file.name, problems, notices), decoded[1]


def _utf8_fast(data: bytes) -> pa.Table | None:
    """The common case without a copy of the text: UTF-8 (BOM or not), comma-separated, no blank
    lines, distinct headers. Arrow checks the UTF-8 as it reads. None sends the file down the
    careful path, which names whatever is wrong."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    # (single bytes first: ``in`` is a memchr for one byte, a slower search for three)
    if b"\x00" in body or (b"\xef" in body and b"\xef\xbb\xbf" in body):
        return None
    newline = body.find(b"\n")
    try:
        header = (body if newline < 0 else body[:newline]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "," not in header:
        return None
    names = _header_names(header)
    if names is None:
        return None
    names = unnamed(names)
    if len(set(names)) != len(names):
        return None
    return _arrow_csv(body, names)


def _header_names(header: str) -> list[str] | None:
    """A header line's column names; None when one is over ``MAX_HEADER_CHARS`` (not a header)."""
    if len(header) > MAX_HEADER_CHARS and max(map(len, header.split(","))) > MAX_HEADER_CHARS:
        return None
    try:
        names = [n.strip() for n in next(csv.reader([header]), [])]
    except csv.Error:  # (a quoted name past the csv module's field limit)
        return None
    return None if any(len(n) > MAX_HEADER_CHARS for n in names) else names


def _row_of(data: bytes, at: int) -> int:
    """The line number (1 is the header) of byte ``at``."""
    return data.count(b"\n", 0, at) + 1


def _table_expectation(schema: Schema) -> str:
    return "a table name: " + ", ".join(schema.tables)


def _decode(name: str, data: bytes, problems: list[Problem]) -> tuple[str, str] | None:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        problems.append(Problem(name, None, None, None, "text in UTF-8 or GB18030 (this file is UTF-16: save it as UTF-8)"))
        return None
    if b"\x00" in data[:65536]:
        problems.append(Problem(name, None, None, None, "a text CSV file (this one is binary)"))
        return None
    if b"\x00" in data:
        problems.append(Problem(name, _row_of(data, data.index(b"\x00")), None, None,
                                "text without NUL bytes (this row holds one: was the file cut or padded?)"))
        return None
    furthest = 0  # the bad byte is where the encoding that read furthest stopped
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError as exc:
            furthest = max(furthest, exc.start)
    problems.append(Problem(name, _row_of(data, furthest), None, None,
                            "text in UTF-8 or GB18030 (a byte in this row is neither)"))
    return None


def _parse_csv(text: str, source: str, problems: list[Problem], notices: list[str]) -> pd.DataFrame | None:
    if not text or text.isspace():
        problems.append(Problem(source, None, None, None, "a header row naming the columns (the file is empty)"))
        return None
    newline = text.find("\n")
    header = text if newline < 0 else text[:newline]  # not split(): that would copy the whole file
    names = _header_names(header)
    if names is None:
        problems.append(Problem(source, 1, None, header, f"a header of column names (at most {MAX_HEADER_CHARS:,} "
                                                          "characters each)"))
        return None
    names = unnamed(names)
    repeated = sorted(n for n, times in Counter(names).items() if times > 1)
    if repeated:
        problems.extend(Problem(source, 1, n, n, f"one column for {n} (it appears twice)") for n in repeated)
        return None
    if "," not in header:
        for name, sep in (("semicolons", ";"), ("tabs", "\t"), ("vertical bars", "|")):
            if sep in header:
                problems.append(Problem(source, 1, None, header, f"comma-separated columns (this header is separated by {name})"))
                return None
    found = _stray_bom_problems(text, source)
    if found:
        problems.extend(found)
        return None
    fast = _parse_csv_arrow(text, names)
    if fast is not None:
        return _text_frame(fast, source, problems, notices)
    found = _field_count_problems(text, source, header)
    if found:
        problems.extend(found)
        return None
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False,
            skip_blank_lines=False, engine="c",
        )
    except pd.errors.ParserError as exc:
        problems.append(Problem(source, None, None, None, f"well-formed CSV ({exc})"))
        return None
    headers = [str(c).strip() for c in frame.columns]
    if len(headers) == len(names):  # pandas calls an empty header "Unnamed: 3": the placeholder instead
        headers = [n if h.startswith("Unnamed: ") else h for h, n in zip(headers, names)]
    frame.columns = headers
    frame = without_blank_columns(frame.fillna(""), source, problems, notices)
    return None if frame is None else _drop_empty_rows(frame)


def _parse_csv_arrow(text: str, names: list[str]) -> pa.Table | None:
    """Decoded text down the fast path (files that were not UTF-8: GB18030)."""
    if "\n\n" in text or "\n\r\n" in text or len(set(names)) != len(names):
        return None
    return _arrow_csv(text.encode("utf-8"), names)


def _arrow_csv(data: bytes, names: list[str]) -> pa.Table | None:
    """Arrow's multithreaded reader, every column as text (``_text_frame`` makes it a frame).

    Returns None (so the careful path runs and names the bad rows) when Arrow refuses the file:
    rows of the wrong width, bytes that are not UTF-8, or a blank line (which Arrow would
    otherwise skip, shifting the row numbers; as a row of one empty field it has the wrong width).
    """
    if len(names) < 2:
        return None
    text = pa.large_string()
    try:
        table = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=16 << 20),
            # without a quote anywhere no value can hold a newline, and Arrow splits the work freely
            parse_options=pacsv.ParseOptions(newlines_in_values=b'"' in data, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={n: text for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowInvalid:
        return None
    return table


def _text_frame(table: pa.Table, source: str, problems: list[Problem], notices: list[str]) -> pd.DataFrame | None:
    """Arrow's text columns as pandas' ``str`` (held in Arrow), without the empty columns that have
    no header (dropped before the conversion, which costs per column); None when one has data."""
    table = without_blank_columns(table, source, problems, notices)
    if table is None:
        return None
    text = pa.large_string()
    frame = table.to_pandas(types_mapper={text: pd.StringDtype("pyarrow", na_value=float("nan"))}.get)
    frame.columns = [c.strip() for c in frame.columns]
    return _drop_empty_rows(frame)


def _field_count_problems(text: str, source: str, header: str) -> list[Problem]:
    """Rows with more or fewer fields than the header (blank rows are fine)."""
    if '"' not in text:  # fast path: no quoting, so a comma always separates
        width = header.count(",") + 1
        counts = ((n, line) for n, line in enumerate(text.split("\n")[1:], start=2) if line.strip() and line.count(",") + 1 != width)
        return [Problem(source, n, None, line.rstrip("\r"), f"{width} fields like the header, got {line.count(',') + 1}")
                for n, line in counts]
    rows = csv.reader(io.StringIO(text))
    limit = csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # a cell may be the whole file
    try:
        width = len(next(rows, []))
        return [Problem(source, n, None, ",".join(row), f"{width} fields like the header, got {len(row)}")
                for n, row in enumerate(rows, start=2) if row and any(row) and len(row) != width]
    finally:
        csv.field_size_limit(limit)


def _stray_bom_problems(text: str, source: str) -> list[Problem]:
    """A byte-order mark after the start: usually two files pasted together."""
    if "\ufeff" not in text:
        return []
    return [Problem(source, n, None, line.replace("\ufeff", "<BOM>")[:80],
                    "no byte-order mark inside the file (were two files concatenated?)")
            for n, line in enumerate(text.split("\n"), start=1) if "\ufeff" in line]


def _drop_empty_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop rows with no text, keeping the index so that ``index + 2`` is the row a user sees."""
    if frame.empty or not len(frame.columns):
        return frame
    filled = np.zeros(len(frame), bool)
    for i in range(len(frame.columns)):  # column by column: the first (an id) usually settles it
        filled |= has_text(frame.iloc[:, i])
        if filled.all():
            return frame
    return frame[filled]


def _read_workbook(path: Path, schema: Schema) -> RawDataset:
    import openpyxl  # imported here: only workbook users pay for it

    raw = RawDataset(path)
    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ValidationError([Problem(path.name, None, None, None, f"a readable .xlsx workbook ({exc})")]) from exc
    try:
        for sheet in values.worksheets:
            source = f"{path.name}[{sheet.title}]"
            table = schema.table_named(sheet.title)
            if table is None:
                raw.problems.append(Problem(source, None, None, sheet.title, _table_expectation(schema)))
                continue
            frame = _sheet_frame(sheet, formulas[sheet.title], source, raw.problems, raw.notices)
            if frame is None:
                raw.unreadable.add(table.name)
            else:
                raw.tables[table.name] = RawTable(table.name, source, frame)
    finally:
        values.close()
        formulas.close()
    return raw


def _sheet_frame(sheet, formula_sheet, source: str, problems: list[Problem], notices: list[str]) -> pd.DataFrame | None:
    """One sheet as text; flags merged/empty headers and formulas that were never calculated, and
    drops the empty columns with no header (``without_blank_columns``)."""
    rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    if not rows or not any(rows[0]):
        problems.append(Problem(source, None, None, None, "a header row naming the columns in row 1"))
        return None
    header = [h.strip() for h in rows[0]]
    width = len(header)
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    frame = without_blank_columns(pd.DataFrame(body, columns=unnamed(header), dtype=object), source, problems, notices)
    ok = frame is not None
    for r, row in enumerate(formula_sheet.iter_rows(values_only=True), start=1):
        for c, cell in enumerate(row[:width]):
            if isinstance(cell, str) and cell.startswith("=") and r > 1 and not body[r - 2][c]:
                problems.append(Problem(source, r, header[c] or column_letter(c + 1), cell,
                                        "a value (this formula was never calculated: open and save the workbook in Excel, or paste values)"))
                ok = False
    if not ok:
        return None
    return _drop_empty_rows(frame.astype(str))


def _cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
