"""Bad-input cases built at test time: too big to commit, or binary workbooks.

Each builder takes the case folder (already holding a copy of the tiny dataset) and returns the
path to hand to orgnet: the folder itself, or a workbook inside it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
from openpyxl.styles import Font


def binary_csv(folder: Path) -> Path:
    (folder / "visits.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return folder


def huge_cell(folder: Path) -> Path:
    path = folder / "people.csv"
    text = path.read_text(encoding="utf-8").replace("P2,李强,", "P2," + "李" * (50 * 1024 * 1024 // 3) + ",", 1)
    path.write_text(text, encoding="utf-8")
    return folder


def million_empty_rows(folder: Path) -> Path:
    with open(folder / "visits.csv", "a", encoding="utf-8") as fh:
        fh.write(",,\n" * 500_000 + "\n" * 500_000)
    return folder


#: What Excel leaves behind after a stray cell in column XFD of a 4-column sheet: every column up to
#: the last one (16,384) exported, with no header and no data.
EXCEL_EMPTY_COLUMNS = 16_380


def add_empty_columns(csv: Path, count: int) -> None:
    """``count`` columns with an empty header and empty cells after the last one, in every row."""
    lines = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("".join(line + "," * count + "\n" for line in lines), encoding="utf-8")


def wide_empty_columns(folder: Path) -> Path:
    add_empty_columns(folder / "organizations.csv", EXCEL_EMPTY_COLUMNS)
    return folder


def data_under_many_blank_headers(folder: Path) -> Path:
    """posts.csv with 3,000 more columns, no header above them and an ``x`` in every cell."""
    lines = (folder / "posts.csv").read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + "," * 3000, *(line + ",x" * 3000 for line in lines[1:])]
    (folder / "posts.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def parquet_invalid_utf8(folder: Path) -> Path:
    """Every table as Parquet; people's first name holds a byte that is not UTF-8 (Parquet does not check)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    for csv in sorted(folder.glob("*.csv")):
        table = pacsv.read_csv(csv)
        table = table.cast(pa.schema([pa.field(n, pa.string()) for n in table.column_names]))
        if csv.stem == "people":
            names = table.column("name").combine_chunks()
            offsets, data = names.buffers()[1], names.buffers()[2].to_pybytes()
            broken = pa.Array.from_buffers(pa.string(), len(names), [None, offsets, pa.py_buffer(b"\xff" + data[1:])])
            table = table.set_column(table.column_names.index("name"), "name", broken)
        pq.write_table(table, folder / f"{csv.stem}.parquet")
        csv.unlink()
    return folder


def _workbook(folder: Path, change=None) -> Path:
    """The folder's CSV files as one workbook tiny.xlsx (the CSV files are then removed)."""
    book = folder / "tiny.xlsx"
    with pd.ExcelWriter(book, engine="openpyxl") as writer:
        for csv in sorted(folder.glob("*.csv")):
            frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
            frame.to_excel(writer, sheet_name=csv.stem, index=False)
        if change:
            change(writer.book)
    for csv in folder.glob("*.csv"):
        csv.unlink()
    return book


def excel_merged_header(folder: Path) -> Path:
    def merge(book):
        sheet = book["organizations"]
        sheet.merge_cells("F1:G1")  # female_staff and total_staff under one merged header
    return _workbook(folder, merge)


def excel_formulas(folder: Path) -> Path:
    def formulas(book):
        sheet = book["organizations"]
        sheet["G3"] = "=F3*2"  # openpyxl writes the formula without a cached value
    return _workbook(folder, formulas)


def excel_serial_dates(folder: Path) -> Path:
    def serials(book):
        sheet = book["posts"]
        sheet["D2"] = 39448  # 2008-01-01 as a plain number
    return _workbook(folder, serials)


def excel_real_dates(folder: Path) -> Path:
    def dates(book):
        sheet = book["posts"]
        for row in range(2, sheet.max_row + 1):
            text = sheet.cell(row, 4).value
            if text:
                sheet.cell(row, 4).value = date.fromisoformat(text)
                sheet.cell(row, 4).number_format = "yyyy-mm-dd"
    return _workbook(folder, dates)


def excel_unknown_sheet(folder: Path) -> Path:
    def extra(book):
        book.create_sheet("Sheet1")["A1"] = "notes"
    return _workbook(folder, extra)


def undecodable_byte(folder: Path) -> Path:
    """0xFF starts no character in UTF-8 and none in GB18030."""
    path = folder / "visits.csv"
    path.write_bytes(path.read_bytes().replace(b"P6,B4,2012-09-15", b"P6,B4\xff,2012-09-15", 1))
    return folder


def nul_deep_in_file(folder: Path) -> Path:
    """70,000 blank lines (ignored) and then a row with a NUL byte, past where a binary file shows."""
    with open(folder / "visits.csv", "ab") as fh:
        fh.write(b"\n" * 70_000 + b"P6,B4\x00,2012-10-01\n")
    return folder


def huge_header_cell(folder: Path) -> Path:
    path = folder / "people.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("reserve_cadre", "r" * 200_000, 1), encoding="utf-8")
    return folder


def huge_quoted_cell_in_long_row(folder: Path) -> Path:
    path = folder / "people.csv"
    text = path.read_text(encoding="utf-8").replace("P2,李强,", 'P2,"' + "李" * 200_000 + '",', 1)
    path.write_text(text.replace("O5,false\n", "O5,false,extra\n", 1), encoding="utf-8")
    return folder


def excel_wide_empty_columns(folder: Path) -> Path:
    def stray(book):
        sheet = book["organizations"]
        sheet["XFD1"].font = Font(bold=True)  # a formatted empty cell: the sheet now spans A1:XFD11
    return _workbook(folder, stray)
