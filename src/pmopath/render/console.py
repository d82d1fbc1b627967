"""Where output goes: results to stdout, messages and progress to stderr.

Rich already honours ``NO_COLOR`` and drops styling when a stream is not a
terminal, so ``pmopath roles > file`` and pipes get plain text.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

from pmopath.base.text import encodable

if TYPE_CHECKING:
    from rich.console import Console

    from pmopath.render.base import Rendered

_PROBE = "→█•✓"


class _Transliterating:
    """A stream for an output encoding that cannot carry pmopath's symbols (e.g. ASCII)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.encoding = stream.encoding

    def write(self, text: str) -> int:
        return self._stream.write(encodable(text, self.encoding))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()


def safe(stream: TextIO) -> Any:
    """The stream itself, or a transliterating wrapper when its encoding cannot carry symbols."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return stream if encodable(_PROBE, encoding) == _PROBE else _Transliterating(stream)


def stdout_console() -> Console:
    from rich.console import Console

    class ResultConsole(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 here; the CLI ends a closed pipe as one (141, quietly)."""
            self.quiet = True
            raise BrokenPipeError

    return ResultConsole(file=safe(sys.stdout), highlight=False, emoji=False)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(file=safe(sys.stderr), highlight=False, emoji=False)


def emit(rendered: Rendered) -> None:
    """Write a result to stdout: text as is, Rich renderables through a console.

    Piped or with ``NO_COLOR``, a renderable is laid out as plain text first and the
    padding Rich puts at the end of table lines is dropped, so files and pipes get
    no trailing spaces.
    """
    import os

    if isinstance(rendered, str):
        safe(sys.stdout).write(rendered)
    elif sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        stdout_console().print(rendered, crop=False)  # see render.terminal.diagnostic
    else:
        text = as_text(rendered, width=stdout_console().width)
        safe(sys.stdout).write("\n".join(line.rstrip() for line in text.split("\n")))
    sys.stdout.flush()


def silence_stdout() -> None:
    """The reader went away: point stdout at /dev/null so nothing more is tried, or reported."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (e.g. under a test runner)
        pass


def as_text(rendered: Rendered, width: int = 100) -> str:
    """A result as plain text, for writing to a file."""
    if isinstance(rendered, str):
        return rendered
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    plain = Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False)
    plain.print(rendered, crop=False)
    return buffer.getvalue()


def message(text: str, style: str = "") -> None:
    """A message for the person (stderr), never parsed as markup, with every control,
    escape sequence and invisible mark shown as an escape (a warning can quote a file's
    text, a file name or an ID); a closed stderr is no error."""
    import contextlib

    from rich.text import Text

    from pmopath.base.text import clean

    with contextlib.suppress(OSError):  # the terminal went away: nobody is left to tell
        stderr_console().print(Text(clean(text), style=style))


def error_line(text: str) -> None:
    """The one line an error prints on stderr."""
    from pmopath.base.text import one_line

    console = stderr_console()
    from rich.text import Text

    line = Text("pmopath: error: ", style="bold red")
    line.append(one_line(text))
    console.print(line, soft_wrap=True)
