"""The smallest useful Typer CLI: one command that prints a one-row Rich table.

`benchmarks/startup.py` runs it as the baseline a Typer + Rich CLI is compared
with: whatever pmopath takes beyond this is pmopath's own start-up cost.
Run it with `python benchmarks/trivial_app.py`.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False)


@app.command()
def main() -> None:
    """Print a one-row table."""
    table = Table("role", "rank", title="trivial app")
    table.add_row("project-manager", "4")
    Console().print(table)


if __name__ == "__main__":
    app()
