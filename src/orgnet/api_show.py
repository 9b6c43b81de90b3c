"""How the API shows itself: the tables without internal columns, ``repr`` and Jupyter's
``_repr_html_`` for a ``Network`` and a day view, and the "Returns" section of each analysis
method's docstring, rendered from the analysis's contract (``orgnet.analyses.CONTRACTS``) in one place.

Examples
--------
>>> print(returns_section("venues").splitlines()[5])
    - ``venue_id`` (text): venue id
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from .schema import SCHEMA


class TablesView(Mapping):
    """The validated tables by name, each with exactly its schema's columns (no internal ``_row``).

    A lazy mapping: a table is selected when asked for, as a column selection of the validated
    frame (pandas copy-on-write: no data is copied until one side is changed), so reading
    ``net.tables["posts"]`` costs the same on any size of dataset.
    """

    def __init__(self, dataset):
        self._dataset = dataset

    def __getitem__(self, name: str) -> pd.DataFrame:
        frame = self._dataset[name]
        return frame[list(SCHEMA.table(name).columns)]

    def __iter__(self):
        return (name for name in self._dataset.tables if name not in self._dataset.skipped)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"<orgnet tables: {', '.join(f'{n} ({len(self._dataset.tables[n]):,})' for n in self)}>"


# -- repr and HTML --------------------------------------------------------------------------------
def counts_line(counts: dict[str, int]) -> str:
    """``1,234 organizations, 56 bodies`` from rows per table (empty tables left out)."""
    return ", ".join(f"{n:,} {name}" for name, n in counts.items() if n)


def network_repr(net) -> str:
    """``<orgnet.Network 'data/beihu' on networkx: 1,234 organizations, …>``."""
    head = f"<orgnet.Network {net.where!r} on {net.engine.name}"
    if net.dataset is None:
        return head + ">"
    return f"{head}: {counts_line(net.dataset.counts())}>"


def network_html(net) -> str:
    """The Jupyter summary: source, engine, rows per table, the span of the posts' dates."""
    rows = [("source", net.where), ("engine", net.engine.name)]
    try:
        counts = net.dataset.counts() if net.dataset is not None else net.engine.counts()
    except Exception as exc:  # a server that went away: the summary says so instead of failing
        counts, rows = {}, rows + [("counts", f"unavailable ({type(exc).__name__})")]
    span = post_span(net.dataset) if net.dataset is not None else None
    if span:
        rows.append(("posts dated", f"{span[0]} – {span[1]}"))
    return _html_table("orgnet.Network", rows, counts)


def post_span(dataset) -> tuple[str, str] | None:
    """The first and last day a post starts or ends on (ISO text), or None without dated posts."""
    if "posts" in dataset.skipped:
        return None
    posts = dataset["posts"]
    days = pd.concat([posts["start"], posts["end"]]).dropna()
    return (days.min().date().isoformat(), days.max().date().isoformat()) if len(days) else None


def day_html(view) -> str:
    """The Jupyter summary of a day view: the day and what is active on it (from its graph)."""
    graph = view.graph
    labels = pd.Series([d.get("node_type") for _, d in graph.nodes(data=True)]).value_counts()
    types = pd.Series([d.get("relationship") for _, _, d in graph.edges(data=True)]).value_counts()
    counts = {f"{label} nodes": int(labels.get(label, 0)) for label in ("Organization", "Body", "Person")}
    counts.update({f"{kind} edges": int(n) for kind, n in types.items()})
    rows = [("network", view.network.where), ("engine", view.network.engine.name), ("day", view.day.isoformat())]
    return _html_table("orgnet.Network on one day", rows, counts)


def _html_table(title: str, rows: list[tuple[str, str]], counts: dict[str, int]) -> str:
    cells = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td style='text-align:left'>"
                    f"{html.escape(str(v))}</td></tr>" for k, v in rows)
    cells += "".join(f"<tr><th style='text-align:left'>{html.escape(str(k))}</th><td style='text-align:right'>"
                     f"{n:,}</td></tr>" for k, n in counts.items())
    return f"<div><strong>{html.escape(title)}</strong><table>{cells}</table></div>"


# -- docstrings -----------------------------------------------------------------------------------
def _kind(contract, column: str) -> str:
    for kind, names in (("Int64", contract.ints), ("bool", contract.bools), ("float", contract.floats),
                        ("list of text", contract.lists)):
        if column in names:
            return kind
    return "text"


def returns_section(name: str) -> str:
    """The numpy-style "Returns" section of the analysis ``name``: every column, typed and worded,
    including the place columns ``Network.run`` adds (``orgnet.places``)."""
    from .analyses import CONTRACTS
    from .glossary import WORDS
    from .places import result_columns

    contract = CONTRACTS[name]
    columns = result_columns(contract.columns)
    words = {"township_id": "township id (the nearest township, street or park at or above the region)",
             "township_name": "township name", "region_name": "region name"}
    lines = ["Returns", "-------", "pandas.DataFrame",
             f"    One row per result, in the contract's order (``orgnet.analyses.CONTRACTS[{name!r}]``):", ""]
    for column in columns:
        said = words.get(column) or WORDS.get(column, ("", column.replace("_", " ")))[1]
        lines.append(f"    - ``{column}`` ({_kind(contract, column) if column in contract.columns else 'text'}): {said}")
    return "\n".join(lines)


def document(cls, methods: dict[str, str]) -> None:
    """Append each analysis's "Returns" section to the docstring of ``cls``'s method (name → analysis)."""
    import inspect

    for method, analysis in methods.items():
        function = getattr(cls, method)
        doc = inspect.cleandoc(function.__doc__ or "")
        if "\nReturns\n-------" not in doc:
            function.__doc__ = f"{doc}\n\n{returns_section(analysis)}\n"
