"""Results → what a person or a program reads: rich tables, CSV, JSON; files written atomically.

Examples
--------
>>> import pandas as pd
>>> print(render(pd.DataFrame({"org_id": ["O1"], "posts": [2]}), "csv"), end="")
org_id,posts
O1,2
>>> print(render(pd.DataFrame({"name": ["妇联"], "n": [pd.NA]}).astype({"n": "Int64"}), "json"))
[{"name":"妇联","n":null}]
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .errors import InputError, Problem
from .files import write_output


def render(frame: pd.DataFrame, fmt: str) -> str:
    """A DataFrame as CSV or JSON text (records; UTF-8, Chinese kept as is). A list column is
    ``;``-joined in CSV and an array in JSON.

    >>> print(render(pd.DataFrame({"id": ["O1"], "party_body_ids": [["B1", "B2"]]}), "csv"), end="")
    id,party_body_ids
    O1,B1;B2
    """
    if fmt == "csv":
        frame = _spreadsheet_safe(joined_lists(frame))
        return _plain_csv(frame) or frame.to_csv(index=False, lineterminator="\n")
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False)
    raise InputError(f"format {fmt!r}: expected table, csv, json or xlsx")


def list_columns(frame: pd.DataFrame) -> list[str]:
    """The columns holding lists (the contracts' ``lists``)."""
    return [c for c in frame.columns if frame[c].dtype == object and len(frame) and isinstance(frame[c].iloc[0], list)]


def joined_lists(frame: pd.DataFrame, sep: str = ";") -> pd.DataFrame:
    """Each list column as text, its items joined by ``sep``."""
    lists = list_columns(frame)
    if not lists:
        return frame
    return frame.assign(**{c: pd.array([sep.join(map(str, v)) for v in frame[c]], dtype="str") for c in lists})


def _plain_csv(frame: pd.DataFrame) -> str | None:
    """The CSV pandas would write, written by Arrow (15× faster), when no cell needs quoting; else None.

    Only for text and integer columns (Arrow spells floats and booleans its own way), and two or
    more of them (pandas quotes an empty cell that is a whole line).
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    simple = all(isinstance(t, pd.StringDtype) or pd.api.types.is_integer_dtype(t) for t in frame.dtypes)
    if frame.shape[1] < 2 or not simple or not frame.columns.is_unique:
        return None
    try:
        table = pa.Table.from_pandas(frame, preserve_index=False)
        sink = pa.BufferOutputStream()
        pacsv.write_csv(table, sink, pacsv.WriteOptions(quoting_style="none", quoting_header="none", eol="\n"))
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):  # a cell needs quotes
        return None
    return sink.getvalue().to_pybytes().decode("utf-8")


#: What a spreadsheet takes for the start of a formula (OWASP's list, plus tab and CR).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(text: str) -> str:
    """Text safe to open in a spreadsheet: a leading ``'`` before ``= + - @``, tab or CR.

    >>> neutralize("=HYPERLINK(\\"http://x\\")"), neutralize("王秀英")
    ('\\'=HYPERLINK("http://x")', '王秀英')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells starting with ``= + - @`` (a formula to a spreadsheet) get a leading ``'`` (OWASP)."""
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    risky = [c for c in text if frame[c].astype(str).str.match(r"^[=+\-@\t\r]").any()]
    if not risky:
        return frame
    frame = frame.copy()
    for c in risky:
        frame[c] = frame[c].map(lambda v: neutralize(v) if isinstance(v, str) else v)
    return frame


#: What a terminal acts on or reorders instead of showing: C0 controls but tab and line feed, DEL, C1
#: controls (U+009B is a CSI), bidirectional marks, embeddings, overrides and isolates, lone surrogates
#: (which no terminal encoding can write).
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _escape(found: re.Match) -> str:
    code = ord(found[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(value: object) -> str:
    r"""Text a terminal shows as written: control characters and bidi controls spelled as escapes
    (``\x1b``, ``\u202e``); tab and line feed kept. Backslashes are left as they are.

    >>> print(shown("\x1b[31m红\x07 P1\u202e2"))
    \x1b[31m红\x07 P1\u202e2
    """
    text = str(value)
    return _UNSHOWABLE.sub(_escape, text) if _UNSHOWABLE.search(text) else text


def plain(value: object, style: str = "") -> Text:
    r"""Text from data, options, files or a server, for rich: never read as console markup (``[b]``,
    ``[/停业]``) or emoji codes (``:x:``), control characters shown escaped (``shown``). Everything
    orgnet prints through rich that it did not write itself goes through here.

    >>> import io
    >>> console = Console(file=io.StringIO())
    >>> console.print(plain("华美服装厂[/停业] [b]x[/b] :x: \x1b]0;t\x07"))
    >>> print(console.file.getvalue(), end="")
    华美服装厂[/停业] [b]x[/b] :x: \x1b]0;t\x07
    """
    return Text(shown(value), style=style)


def message(label: str, style: str, text: object) -> Text:
    """One line for stderr: ``label`` (orgnet's own word, e.g. ``error:``) in ``style``, then ``text`` as data."""
    return Text.assemble((label, style), " ", plain(text))


def emit(frame: pd.DataFrame, fmt: str, out: Path | None, title: str, console: Console | None = None,
         excel: bool = False, lang: str = "en") -> None:
    """Print or write a result: a rich table for people, CSV/JSON for programs, an ``xlsx`` workbook
    (to ``out`` only; headers in ``lang``, ``column_words``). ``excel``: CSV starts with a UTF-8 byte
    order mark, so a zh-CN Excel reads its Chinese as UTF-8 instead of the locale's GBK."""
    if fmt == "xlsx":
        if out is None:
            raise InputError("-f xlsx writes a workbook: give the file with -o FILE.xlsx")
        write_output(out, workbook(frame, title, lang))
        return
    if fmt == "table":
        if out is not None:
            write_output(out, ("\ufeff" if excel else "") + render(frame, "csv"))
            return
        console = whole_rows(console or Console())
        console.print(rich_table(brief(frame), title))
        return
    text = ("\ufeff" if excel and fmt == "csv" else "") + render(frame, fmt)
    if out is not None:
        write_output(out, text)
    else:
        import sys

        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def workbook(frame: pd.DataFrame, title: str, lang: str = "en") -> bytes:
    """A result as an Excel workbook (one sheet, named after ``title``): headers in ``lang``, lists
    ``;``-joined, numbers and booleans typed, text a spreadsheet would run as a formula neutralized.

    >>> import io, openpyxl
    >>> data = workbook(pd.DataFrame({"org_name": ["华美", "=1+1"], "female_staff": [45, pd.NA]}), "gaps", "zh")
    >>> [[c.value for c in row] for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows()]
    [['单位名称', '女职工'], ['华美', 45], ["'=1+1", None]]
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from .glossary import column_words

    def cell(value):
        if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
            return None
        if hasattr(value, "item"):  # numpy scalars
            value = value.item()
        if isinstance(value, str):
            return neutralize(ILLEGAL_CHARACTERS_RE.sub(lambda m: shown(m.group(0)), value))
        return value

    book = Workbook()
    sheet = book.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "orgnet"
    sheet.append([column_words(str(c), lang) for c in frame.columns])
    for row in joined_lists(frame).astype(object).itertuples(index=False):
        sheet.append([cell(v) for v in row])
    sheet.freeze_panes = "A2"
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


#: Longest identifier kept on one line in a table; longer ones fold like text.
IDENTIFIER_WIDTH = 30
#: Room a folding column (a name, a list) keeps at least, before identifiers give up being whole.
TEXT_MIN_WIDTH = 8


def rich_table(frame: pd.DataFrame, title: str, caption: str | None = None) -> FrameTable:
    """A table for people: numbers right-aligned; numbers and identifiers (ids, rule and figure
    names) on one line while the names and lists beside them keep room to fold.

    >>> import io
    >>> console = Console(width=40, file=io.StringIO())
    >>> frame = pd.DataFrame({"rule": ["committee_required"], "org_name": ["北湖区物流行业协会北湖区物流行业协会"]})
    >>> console.print(rich_table(frame, "gaps"))
    >>> for line in console.file.getvalue().splitlines()[4:8]:
    ...     print(line.rstrip())
    │ committee_required │ 北湖区物流行业  │
    │                    │ 协会北湖区物流  │
    │                    │ 行业协会        │
    └────────────────────┴─────────────────┘
    """
    return FrameTable(frame, title, caption)


class FrameTable:
    """A DataFrame laid out for the width it is printed at (a rich renderable)."""

    def __init__(self, frame: pd.DataFrame, title: str, caption: str | None = None):
        self.title = plain(f"{title} ({len(frame)} rows)")
        self.caption = None if caption is None else plain(caption)
        self.columns = [shown(c) for c in frame.columns]
        self.numeric = [pd.api.types.is_numeric_dtype(frame[c]) and frame[c].dtype != bool for c in frame.columns]
        self.cells = [["" if pd.isna(v) else shown(v) for v in frame[c]] for c in frame.columns]

    def __rich_console__(self, console, options):
        yield self.table(options.max_width)

    def table(self, width: int) -> Table:
        """The rich Table: number and identifier columns kept whole, narrowest first, as long as
        the table still fits ``width`` with every other column at least ``TEXT_MIN_WIDTH`` wide."""
        need = [max(cell_len(v) for v in [col, *values]) + 3 for col, values in zip(self.columns, self.cells)]
        least = [min(n, TEXT_MIN_WIDTH + 3) for n in need]
        candidates = [i for i, values in enumerate(self.cells) if self.numeric[i] or _identifiers(values)]
        whole: set[int] = set()
        for i in sorted(candidates, key=need.__getitem__):
            if 1 + sum(need[j] if j in whole or j == i else least[j] for j in range(len(need))) <= width:
                whole.add(i)
        table = Table(title=self.title, title_justify="left", caption=self.caption, caption_justify="left")
        for i, col in enumerate(self.columns):
            table.add_column(Text(col), justify="right" if self.numeric[i] else "left", overflow="fold",
                             no_wrap=i in whole, min_width=need[i] - 3 if i in whole else None)
        for row in zip(*self.cells):
            table.add_row(*map(Text, row))
        return table


def _identifiers(values: list[str]) -> bool:
    """Every value a short ASCII token (``O0401``, ``committee_required``, ``2012-06-30``)."""
    return all(len(v) <= IDENTIFIER_WIDTH and v.isascii() and " " not in v and ";" not in v for v in values)


def print_problems(problems: list[Problem], console: Console) -> None:
    """Every validation problem: a table on a terminal, one full line each when piped or logged."""
    if not console.is_terminal:
        console.print(f"{len(problems)} problem(s) in the input; nothing was loaded", soft_wrap=True)
        for p in problems:
            console.print(plain(p), highlight=False, soft_wrap=True)
        return
    table = Table(title=f"{len(problems)} problem(s) in the input; nothing was loaded", title_justify="left")
    for col in ("file", "row", "column", "value", "expected"):
        table.add_column(col, overflow="fold")
    for p in problems:
        value = "" if p.value is None else (p.value if len(p.value) <= 60 else p.value[:60] + "…")
        table.add_row(*map(plain, (p.file, "" if p.row is None else p.row, p.column or "", value, p.expected)))
    console.print(table)


def pick_regions(stats: pd.DataFrame, region: str | None, all_regions: bool) -> pd.DataFrame:
    """Stats rows of every region, of a region and those below it (``region``: the rows are already
    narrowed to it, ``orgnet.scope``), or (default) of the root regions."""
    if all_regions or region is not None:
        return stats
    roots = stats.groupby("region_id", sort=False).head(1)
    root_ids = roots.loc[roots["level"].isin(["county", "district"]), "region_id"]
    keep = root_ids if len(root_ids) else roots["region_id"].head(1)
    return stats[stats["region_id"].isin(keep)].reset_index(drop=True)


def brief(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns a terminal table shows (the contract's ``brief``, when the result has one; lists joined)."""
    shown = [c for c in frame.attrs.get("brief", ()) if c in frame.columns]
    return joined_lists(frame[shown] if shown else frame, "; ")


def pick_rule(gaps: pd.DataFrame, rule: str | None) -> pd.DataFrame:
    from . import gap_rules

    if rule is None:
        return gaps
    if rule not in gap_rules.RULES:
        raise InputError(f"--rule {rule}: expected one of {', '.join(gap_rules.RULES)}")
    return gaps[gaps["rule"] == rule].reset_index(drop=True)


def summed_over_regions(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per figure, numerators and denominators added up over the regions given.

    >>> rows = pd.DataFrame({"region_name": ["甲县", "乙县"], "figure": ["two_new_coverage"] * 2,
    ...                      "unit": ["percent"] * 2, "numerator": [1, 3], "denominator": [4, 4], "value": [25.0, 75.0]})
    >>> summed_over_regions(rows)[["region_name", "numerator", "denominator", "value"]].values.tolist()
    [['2 regions', 4, 8, 50.0]]
    """
    from .results import figure_value

    n = figures["region_id" if "region_id" in figures else "region_name"].nunique()
    total = figures.groupby(["figure", "unit"], sort=False)[["numerator", "denominator"]].sum(min_count=1).reset_index()
    total["value"] = [figure_value(unit, int(num), None if pd.isna(den) else int(den))
                      for unit, num, den in zip(total["unit"], total["numerator"], total["denominator"])]
    return total.assign(region_name=f"{n:,} regions")


def whole_rows(console: Console) -> Console:
    """``console``, or, when it is piped or logged (no terminal width to respect), one 200 columns
    wide, so rows stay whole instead of wrapping ids and names at 80 columns."""
    return console if console.is_terminal else Console(width=max(console.width, 200))


def figures_shown(figures: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The summary's figures table and its title: each figure's label in the reports' words beside
    its id; the region named in the title when there is one, else in a column.

    >>> f = pd.DataFrame({"region_name": ["北湖区"], "level": ["district"], "figure": ["two_new_coverage"],
    ...                   "numerator": [165], "denominator": [367], "value": [45.0]})
    >>> shown, title = figures_shown(f)
    >>> title, list(shown.columns), shown.label.tolist()
    ('figures — 北湖区', ['label', 'figure', 'numerator', 'denominator', 'value'], ['“两新”组织妇女组织组建率'])
    """
    from .figures import figure_label

    levels = figures["level"] if "level" in figures else pd.Series([None] * len(figures), index=figures.index)
    shown = figures.assign(label=[figure_label(f, "zh", lv if isinstance(lv, str) else None)
                                  for f, lv in zip(figures["figure"], levels)])
    columns = ["label", "figure", "numerator", "denominator", "value"]
    regions = shown["region_name"].unique()
    if len(regions) == 1:
        return shown[columns], f"figures — {regions[0]}"
    return shown[["region_name", *columns]], "figures"


#: Past this many top regions, the summary adds their figures up instead of listing each.
SUMMARY_REGIONS = 5


def print_summary(net, as_of, rules, top: int, console: Console, redact: bool = False) -> None:
    """The main job's printout: figures, gaps per rule, the top gaps and overlaps (people as
    pseudonyms when ``redact``)."""
    from .dataset import as_timestamp
    from .redact import redact_frame
    from .results import PEOPLE_FIGURES

    console.print(plain(f"as of {as_timestamp(as_of).date().isoformat()}"), highlight=False)
    figures = pick_regions(net.stats(as_of, rules), None, False)
    summed = figures["region_id"].nunique() > SUMMARY_REGIONS
    if summed:
        figures = summed_over_regions(figures)
    caption = (f"added up region by region; {', '.join(PEOPLE_FIGURES)} count a person once in each "
               "region where they hold posts, so a person in two regions counts twice") if summed else None
    console.print(rich_table(*figures_shown(figures), caption))
    gaps = net.gaps(as_of, rules)
    per_rule = gaps.groupby("rule", sort=False).size().rename("organizations").reset_index()
    console.print(rich_table(per_rule, "coverage gaps by rule"))
    from .gap_rules import ranked_gaps

    console.print(rich_table(brief(ranked_gaps(gaps).head(top)),
                             f"top {top} coverage gaps (by rule, most female staff first)"))
    from .glossary import lens_title
    from .rules import Rules

    lens = lens_title(rules or Rules())
    overlaps = net.overlaps(as_of, rules).head(top)
    console.print(rich_table(brief(redact_frame(overlaps) if redact else overlaps), f"top {top} post overlaps — {lens}"))
