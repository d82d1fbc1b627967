"""The one error family pmopath raises for anything a user can cause.

Every error carries the exit code the CLI returns for it; the CLI catches
:class:`PmopathError` once, prints ``str(error)`` as a single line on stderr
and exits with ``error.exit_code``.
"""

from __future__ import annotations

from pathlib import Path

#: Exit codes, documented in README.md.
EXIT_OK = 0
EXIT_FAILURE = 1  # a check ran and found problems (e.g. `validate`)
EXIT_DATA = 2  # bad input data: framework, profile or answers file
EXIT_USAGE = 3  # a name the user typed does not resolve, or a refused action
EXIT_INTERRUPTED = 130


class PmopathError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message} ({self.hint})"


class DataError(PmopathError):
    """A data file (framework, profile, answers) is unreadable or invalid.

    ``path``, ``line`` (1-based) and ``field`` locate the problem when known.
    """

    exit_code = EXIT_DATA

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.path = None if path is None else str(path)
        self.line = line
        self.field = field

    def location(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f": {self.field}"
        return where

    def __str__(self) -> str:
        return f"{self.location()}: {super().__str__()}"


class DataErrors(DataError):
    """Several problems found at once (``pmopath validate`` reports them all)."""

    def __init__(self, errors: list[DataError]) -> None:
        first = errors[0]
        more = len(errors) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''}; run `pmopath validate`)"
        super().__init__(
            first.message + (tail if more else ""),
            path=first.path,
            line=first.line,
            field=first.field,
            hint=first.hint,
        )
        self.errors = errors


class NotFoundError(PmopathError):
    """A role, competency, certification or profile name does not resolve."""

    exit_code = EXIT_USAGE


class RefusedError(PmopathError):
    """An action the tool refuses without an explicit flag (e.g. overwrite)."""

    exit_code = EXIT_USAGE
