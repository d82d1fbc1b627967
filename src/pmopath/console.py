"""Where output goes: results to stdout, messages and progress to stderr.

Rich already honours ``NO_COLOR`` and drops styling when a stream is not a
terminal, so ``pmopath roles > file`` and pipes get plain text.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from pmopath.render.base import Rendered


def stdout_console() -> Console:
    from rich.console import Console

    return Console(file=sys.stdout, highlight=False, emoji=False)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False, emoji=False)


def emit(rendered: Rendered) -> None:
    """Write a result to stdout: text as is, Rich renderables through a console."""
    if isinstance(rendered, str):
        sys.stdout.write(rendered)
        sys.stdout.flush()
    else:
        stdout_console().print(rendered)


def as_text(rendered: Rendered, width: int = 100) -> str:
    """A result as plain text, for writing to a file."""
    if isinstance(rendered, str):
        return rendered
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    Console(file=buffer, width=width, no_color=True, highlight=False).print(rendered)
    return buffer.getvalue()


def message(text: str, style: str = "") -> None:
    """A message for the person (stderr), never parsed as markup."""
    from rich.text import Text

    stderr_console().print(Text(text, style=style))


def error_line(text: str) -> None:
    """The one line an error prints on stderr."""
    from pmopath.text import one_line

    console = stderr_console()
    from rich.text import Text

    line = Text("pmopath: error: ", style="bold red")
    line.append(one_line(text))
    console.print(line, soft_wrap=True)
