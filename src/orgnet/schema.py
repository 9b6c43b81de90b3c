"""The data contract, read from ``schema.toml``: the one place tables and columns are defined.

Examples
--------
>>> from orgnet.schema import SCHEMA
>>> SCHEMA.table("organizations").column("female_staff").type
'int'
>>> SCHEMA.table_named("組織").name
'organizations'
>>> SCHEMA.head_roles("women", "liaison")
('liaison',)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

COLUMN_TYPES = ("id", "str", "int", "bool", "date", "enum", "ref")

#: The region levels a result names as an organization's township (``township_id``/``township_name``:
#: the nearest region at or above it of one of these levels).
TOWNSHIP_LEVELS = ("township", "street", "park")


@dataclass(frozen=True)
class Column:
    """One column of a table, as the contract defines it."""

    name: str
    type: str
    doc: str = ""
    required: bool = True
    nullable: bool = False
    default: Any = None
    min: int | None = None
    values: tuple[str, ...] = ()
    value_aliases: dict[str, str] = field(default_factory=dict)
    ref: str | None = None
    aliases: tuple[str, ...] = ()

    def expectation(self) -> str:
        """What a valid cell looks like, in words, for error messages."""
        if self.type == "int":
            floor = f" ≥ {self.min}" if self.min is not None else ""
            return f"a whole number{floor}"
        if self.type == "bool":
            return "a boolean (true/false, 1/0, yes/no, y/n, 是/否)"
        if self.type == "date":
            return "a date YYYY-MM-DD"
        if self.type == "enum":
            return "one of " + ", ".join(self.values)
        if self.type == "ref":
            return f"an id from {self.ref}"
        return "a non-empty value"


@dataclass(frozen=True)
class Table:
    """One table of a dataset."""

    name: str
    columns: dict[str, Column]
    required: bool
    key: tuple[str, ...]
    label: str | None = None
    aliases: tuple[str, ...] = ()
    doc: str = ""

    def column(self, name: str) -> Column:
        return self.columns[name]

    def refs(self) -> dict[str, str]:
        """Columns that point at another table's ``id``, as ``{column: table}``."""
        return {c.name: c.ref for c in self.columns.values() if c.type == "ref"}

    def header_names(self) -> dict[str, str]:
        """Every accepted header spelling mapped to its canonical column name."""
        names = {}
        for col in self.columns.values():
            for spelling in (col.name, *col.aliases):
                names[spelling.strip().lower()] = col.name
        return names


@dataclass(frozen=True)
class Schema:
    """All tables plus the cross-table facts (types per system, head roles, labels)."""

    tables: dict[str, Table]
    system_types: dict[str, tuple[str, ...]]
    system_labels: dict[str, str]
    _head_roles: dict[str, tuple[str, ...]]
    _head_roles_by_type: dict[str, tuple[str, ...]]

    def table(self, name: str) -> Table:
        return self.tables[name]

    def table_named(self, spelling: str) -> Table | None:
        """The table a file or sheet name stands for (English name or an alias), or None."""
        key = spelling.strip().lower()
        for table in self.tables.values():
            if key == table.name or key in (a.lower() for a in table.aliases):
                return table
        return None

    def head_roles(self, system: str, type_: str) -> tuple[str, ...]:
        """The roles that head a body of this system and type."""
        return self._head_roles_by_type.get(type_, self._head_roles.get(system, ("chair",)))

    def node_tables(self) -> list[Table]:
        """Tables whose rows become graph nodes, in load order."""
        return [t for t in self.tables.values() if t.label]


def _column(name: str, spec: dict[str, Any]) -> Column:
    if spec["type"] not in COLUMN_TYPES:
        raise ValueError(f"schema: column {name} has unknown type {spec['type']!r}")
    return Column(
        name=name,
        type=spec["type"],
        doc=spec.get("doc", ""),
        required=spec.get("required", True),
        nullable=spec.get("nullable", False),
        default=spec.get("default"),
        min=spec.get("min"),
        values=tuple(spec.get("values", ())),
        value_aliases=dict(spec.get("value_aliases", {})),
        ref=spec.get("ref"),
        aliases=tuple(spec.get("aliases", ())),
    )


def load_schema(text: str | None = None) -> Schema:
    """Parse the schema TOML (the packaged ``schema.toml`` by default)."""
    if text is None:
        text = resources.files("orgnet").joinpath("schema.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    tables = {
        name: Table(
            name=name,
            columns={c: _column(c, s) for c, s in spec["columns"].items()},
            required=spec.get("required", False),
            key=tuple(spec.get("key", ())),
            label=spec.get("label"),
            aliases=tuple(spec.get("aliases", ())),
            doc=spec.get("doc", ""),
        )
        for name, spec in raw["tables"].items()
    }
    return Schema(
        tables=tables,
        system_types={k: tuple(v) for k, v in raw["system_types"].items()},
        system_labels=dict(raw["system_labels"]),
        _head_roles={k: tuple(v) for k, v in raw["head_roles"].items()},
        _head_roles_by_type={k: tuple(v) for k, v in raw["head_roles_by_type"].items()},
    )


SCHEMA = load_schema()


def schema_markdown(schema: Schema = SCHEMA) -> str:
    """The contract as Markdown tables (``orgnet schema`` prints it; README embeds it)."""
    lines = []
    for t in schema.tables.values():
        need = "required" if t.required else "optional"
        lines += [f"### `{t.name}` ({need})", "", t.doc, ""]
        lines += ["| column | type | required | aliases | meaning |", "|---|---|---|---|---|"]
        for c in t.columns.values():
            kind = c.type
            if c.type == "enum":
                kind = "enum: " + ", ".join(c.values)
            elif c.type == "ref":
                kind = f"ref → {c.ref}"
            req = "yes" if c.required else "no"
            if c.nullable:
                req += " (may be empty)"
            lines.append(f"| `{c.name}` | {kind} | {req} | {' '.join(c.aliases)} | {c.doc} |")
        lines.append("")
    return "\n".join(lines)


def update_readme(readme_path) -> None:
    """Rewrite the README's contract section from the schema (``python -m orgnet.schema README.md``)."""
    from pathlib import Path

    path = Path(readme_path)
    text = path.read_text(encoding="utf-8")
    begin, end = "<!-- schema:begin -->", "<!-- schema:end -->"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{begin}\n{schema_markdown().strip()}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    import sys

    update_readme(sys.argv[1] if len(sys.argv) > 1 else "README.md")


def cell_text(value) -> str:
    """One value as CSV text.

    >>> [cell_text(v) for v in (None, True, date(2012, 6, 30), 7, "龙游县")]
    ['', 'true', '2012-06-30', '7', '龙游县']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
