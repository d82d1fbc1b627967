"""The one error family pmopath raises for anything a user can cause.

Every error carries the :class:`ExitStatus` the CLI returns for it; the CLI
catches :class:`PmopathError` once, prints ``str(error)`` as a single line on
stderr and exits with ``error.exit_code``.
"""

from __future__ import annotations

import errno
from enum import IntEnum
from pathlib import Path

from pmopath.base.text import plural


class ExitStatus(IntEnum):
    """What pmopath's exit code means (the table in README, "Exit codes")."""

    OK = 0
    INTERNAL = 1  # a bug in pmopath: please report it
    DATA = 2  # bad input data: a framework, profile or answers file
    USAGE = 3  # the command as typed cannot be carried out: usage, names, refusals
    ENVIRONMENT = 4  # the system refused: disk full, permission denied, not a folder
    PARTIAL = 5  # `pmopath team`: done in full for the files read, but some were skipped
    HANGUP = 129  # SIGHUP: the terminal closed
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # the reader of stdout went away (SIGPIPE)
    TERMINATED = 143  # SIGTERM


class PmopathError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""

    exit_code = ExitStatus.INTERNAL

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

    exit_code = ExitStatus.DATA

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

    def __init__(self, errors: list[DataError], *, framework: bool = False) -> None:
        first = errors[0]
        more = len(errors) - 1
        # `pmopath validate` lists a framework's problems; a profile's are listed nowhere else
        see = "; run `pmopath validate` for all" if framework else ""
        tail = f" (and {more} more {plural('problem', more)}{see})"
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

    exit_code = ExitStatus.USAGE


class RefusedError(PmopathError):
    """An action the tool refuses without an explicit flag (e.g. overwrite)."""

    exit_code = ExitStatus.USAGE


#: OS errors that are the environment's doing, not pmopath's, with plain causes.
_ENVIRONMENT_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOTDIR: "a file is in the way where a folder is needed",
    errno.EISDIR: "is a folder, not a file",
    errno.EROFS: "the file system is read-only",
    errno.ENOENT: "no such file or folder",
    errno.EEXIST: "already exists",
    errno.ELOOP: "too many levels of symbolic links",
    errno.EIO: "input/output error",
}


class EnvironmentProblem(PmopathError):
    """The system refused an operation (full disk, permissions, a file where a folder should be)."""

    exit_code = ExitStatus.ENVIRONMENT

    @classmethod
    def from_os_error(
        cls, exc: OSError, path: Path | str | None = None
    ) -> EnvironmentProblem | None:
        """The problem for an OSError the environment caused, or None (then it is a bug)."""
        cause = _ENVIRONMENT_CAUSES.get(exc.errno or -1)
        if cause is None:
            return None
        where = path if path is not None else (exc.filename or "")
        return cls(f"{where}: {cause}" if where else cause)
