"""Files → raw tables of text. Nothing here knows what a valid value is; ``validate`` does.

A dataset is a folder of ``<table>.csv`` files or one ``.xlsx`` workbook with a sheet per table.
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
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from .errors import InputError, Problem, ValidationError
from .schema import SCHEMA, Schema

#: Tried in this order; the first that decodes the whole file wins.
ENCODINGS = ("utf-8-sig", "gb18030")


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


def read_dataset(path: str | Path, schema: Schema = SCHEMA) -> RawDataset:
    """Read a dataset folder or workbook into raw text tables.

    Raises ``InputError`` when the path is neither; reading problems (undecodable files,
    unknown tables, ragged rows) are collected in ``RawDataset.problems`` for ``validate``.
    """
    path = Path(path)
    if path.is_dir():
        return _read_folder(path, schema)
    if path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file():
        return _read_workbook(path, schema)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    raise InputError(f"{path}: expected a folder of CSV files or an .xlsx workbook")


def _read_folder(folder: Path, schema: Schema) -> RawDataset:
    raw = RawDataset(folder)
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() != ".csv" or not file.is_file():
            continue
        table = schema.table_named(file.stem)
        if table is None:
            raw.problems.append(Problem(file.name, None, None, file.stem, _table_expectation(schema)))
            continue
        if table.name in raw.tables:
            first = raw.tables[table.name].source
            raw.problems.append(
                Problem(file.name, None, None, file.stem, f"one file per table ({first} is {table.name} too)")
            )
            continue
        decoded = _decode(file, raw.problems)
        frame = None if decoded is None else _parse_csv(decoded[0], file.name, raw.problems)
        if frame is None:
            raw.unreadable.add(table.name)
        else:
            raw.tables[table.name] = RawTable(table.name, file.name, frame, decoded[1])
    return raw


def _table_expectation(schema: Schema) -> str:
    return "a table name: " + ", ".join(schema.tables)


def _decode(file: Path, problems: list[Problem]) -> tuple[str, str] | None:
    data = file.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        problems.append(Problem(file.name, None, None, None, "text in UTF-8 or GB18030 (this file is UTF-16: save it as UTF-8)"))
        return None
    if b"\x00" in data[:65536]:
        problems.append(Problem(file.name, None, None, None, "a text CSV file (this one is binary)"))
        return None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError:
            continue
    problems.append(Problem(file.name, None, None, None, "text in UTF-8 or GB18030"))
    return None


def _parse_csv(text: str, source: str, problems: list[Problem]) -> pd.DataFrame | None:
    if not text.strip():
        problems.append(Problem(source, None, None, None, "a header row naming the columns (the file is empty)"))
        return None
    header = text.split("\n", 1)[0]
    names = [n.strip() for n in next(csv.reader([header]), [])]
    repeated = sorted({n for n in names if names.count(n) > 1 and n})
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
        return _drop_empty_rows(fast)
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
    frame.columns = [str(c).strip() for c in frame.columns]
    return _drop_empty_rows(frame.fillna(""))


def _parse_csv_arrow(text: str, names: list[str]) -> pd.DataFrame | None:
    """The fast path: Arrow's multithreaded reader, every column as text.

    Returns None (so the careful path runs and names the bad rows) when the file has blank lines
    (Arrow would skip them and shift the row numbers) or rows of the wrong width (Arrow refuses them).
    """
    if "\n\n" in text or "\n\r\n" in text or len(set(names)) != len(names):
        return None
    data = text.encode("utf-8")
    try:
        table = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowInvalid:
        return None
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=float("nan"))}.get)
    frame.columns = [c.strip() for c in frame.columns]
    return frame


def _field_count_problems(text: str, source: str, header: str) -> list[Problem]:
    """Rows with more or fewer fields than the header (blank rows are fine)."""
    if '"' not in text:  # fast path: no quoting, so a comma always separates
        width = header.count(",") + 1
        counts = ((n, line) for n, line in enumerate(text.split("\n")[1:], start=2) if line.strip() and line.count(",") + 1 != width)
        return [Problem(source, n, None, line.rstrip("\r"), f"{width} fields like the header, got {line.count(',') + 1}")
                for n, line in counts]
    rows = csv.reader(io.StringIO(text))
    width = len(next(rows, []))
    return [Problem(source, n, None, ",".join(row), f"{width} fields like the header, got {len(row)}")
            for n, row in enumerate(rows, start=2) if row and any(row) and len(row) != width]


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
    filled = (frame != "").any(axis=1)
    return frame if filled.all() else frame[filled]


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
            frame = _sheet_frame(sheet, formulas[sheet.title], source, raw.problems)
            if frame is None:
                raw.unreadable.add(table.name)
            else:
                raw.tables[table.name] = RawTable(table.name, source, frame)
    finally:
        values.close()
        formulas.close()
    return raw


def _sheet_frame(sheet, formula_sheet, source: str, problems: list[Problem]) -> pd.DataFrame | None:
    """One sheet as text; flags merged/empty headers and formulas that were never calculated."""
    from openpyxl.utils import get_column_letter

    rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    if not rows or not any(rows[0]):
        problems.append(Problem(source, None, None, None, "a header row naming the columns in row 1"))
        return None
    header = [h.strip() for h in rows[0]]
    width = len(header)
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    ok = True
    for col, name in enumerate(header):
        if not name and any(r[col] for r in body):
            problems.append(Problem(source, 1, get_column_letter(col + 1), "",
                                    "a header in every column with data (merged header cells?)"))
            ok = False
    for r, row in enumerate(formula_sheet.iter_rows(values_only=True), start=1):
        for c, cell in enumerate(row[:width]):
            if isinstance(cell, str) and cell.startswith("=") and r > 1 and not body[r - 2][c]:
                problems.append(Problem(source, r, header[c] or get_column_letter(c + 1), cell,
                                        "a value (this formula was never calculated: open and save the workbook in Excel, or paste values)"))
                ok = False
    if not ok:
        return None
    frame = pd.DataFrame(body, columns=header, dtype=object).astype(str)
    return _drop_empty_rows(frame)


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
