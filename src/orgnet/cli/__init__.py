"""The ``orgnet`` command: each command parses options, calls one library function, prints.

Errors from the library (``OrgnetError``) become one line on stderr and an exit code: 2 for bad input,
1 for anything else. ``--debug`` (before or after the command's name) shows the traceback.

The commands live in modules by job (``analyses``, ``beyond``, ``pictures``, ``data``; what they share in
``common``); this module makes the app and registers them in the order ``orgnet --help`` lists them.
"""

from __future__ import annotations

import typer

from . import analyses, beyond, data, pictures
from .common import Command, Group, main_options

app = typer.Typer(
    cls=Group,
    help="Model an organizational network as a graph: where women's organizations are missing "
    "(哪里有党组织，哪里就有妇联组织) and where one person holds too many posts (一人多职).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)
app.callback()(main_options)

#: Every command, by name, in the order of ``orgnet --help``.
COMMANDS = {
    "validate": data.validate,
    "stats": analyses.stats,
    "gaps": analyses.gaps,
    "overlaps": analyses.overlaps,
    "nameplates": analyses.nameplates,
    "plan": analyses.plan,
    "liaison-check": analyses.liaison_check,
    "diff": beyond.diff,
    "impact": beyond.impact,
    "key-people": beyond.key_people,
    "composition": beyond.composition,
    "demo-reach": beyond.demo_reach,
    "venues": beyond.venues,
    "coverage": beyond.coverage,
    "bridges": beyond.bridges,
    "summary": beyond.summary,
    "viz": pictures.viz,
    "chart": pictures.chart,
    "report": pictures.report,
    "load": data.load_command,
    "query": data.query,
    "generate": data.generate,
    "export": data.export,
    "schema": data.schema,
}
for _name, _command in COMMANDS.items():
    app.command(_name, cls=Command)(_command)
del _name, _command


def main() -> None:
    """Console-script entry point."""
    app(prog_name="orgnet")


__all__ = ["COMMANDS", "app", "main"]
