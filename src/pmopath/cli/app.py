"""The command line: the Typer app with every command registered.

A command lives in one module of this folder and registers itself on
:data:`pmopath.cli.common.app`; :data:`COMMAND_MODULES` is the one list of those
modules, in the order ``pmopath --help`` shows their commands.
"""

from pmopath.cli import cmd_assess, cmd_browse, cmd_plans, cmd_saved, cmd_team
from pmopath.cli.common import app

#: Every module that registers commands, imported for that effect.
COMMAND_MODULES = (cmd_browse, cmd_assess, cmd_plans, cmd_saved, cmd_team)

__all__ = ["COMMAND_MODULES", "app", "main"]


def main() -> None:
    """Console-script entry point."""
    app(prog_name="pmopath")
