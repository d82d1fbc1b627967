"""A team's profile files (``pmopath team``): paths expanded, each file read once.

Folders are searched recursively for ``*.yaml`` and ``*.yml`` files, in name order. Files
are colleagues', so untrusted: each is bounded (the profile limit), only regular files are
read (never a FIFO or a device), a link is followed only to a file inside the folder it
was found in (never out of it, and folder links never, so nothing loops), and a file
reached twice (a folder named twice, a file named again, a link to it) is read once. At
most :data:`MAX_TEAM_FILES` files are read; more is refused before any is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from pmopath.base.errors import DataError, NotFoundError, PmopathError, RefusedError

#: The most files one run reads (README, "For PMO leaders").
MAX_TEAM_FILES = 20_000
SUFFIXES = (".yaml", ".yml")


class Skipped(NamedTuple):
    path: str
    reason: str


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _walk(folder: Path) -> list[Path]:
    """The profile files under ``folder``, in name order; folder links are not followed."""
    found = []
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        found += [Path(here, f) for f in sorted(files) if f.lower().endswith(SUFFIXES)]
    return found


def expand(paths: list[Path]) -> tuple[list[tuple[Path, Path]], list[Skipped]]:
    """Each file to read once, as (the path found, its real path), and those passed over."""
    seen: set[Path] = set()
    out: list[tuple[Path, Path]] = []
    skipped: list[Skipped] = []
    for given in paths:
        if given.is_dir():
            root = given.resolve()
            candidates: list[tuple[Path, Path | None]] = [(p, root) for p in _walk(given)]
        elif given.exists() or given.is_symlink():
            candidates = [(given, None)]
        else:
            skipped.append(Skipped(str(given), "no such file or folder"))
            continue
        for path, inside in candidates:
            try:
                real = path.resolve(strict=True)
                mode = real.stat().st_mode
            except (OSError, RuntimeError):  # a dangling link, a link loop
                skipped.append(Skipped(str(path), "a link that leads nowhere"))
                continue
            if inside is not None and not _inside(real, inside):
                skipped.append(Skipped(str(path), "a link to a file outside the folder"))
                continue
            if not stat.S_ISREG(mode):
                skipped.append(Skipped(str(path), "not a regular file"))
                continue
            if real in seen:
                continue
            seen.add(real)
            out.append((path, real))
            if len(out) > MAX_TEAM_FILES:
                raise RefusedError(
                    f"more than {MAX_TEAM_FILES:,} profile files; pmopath team reads at most that many",
                    hint="name fewer folders, or split the team",
                )
    return out, skipped


def reason_of(exc: PmopathError) -> str:
    """Why a file is skipped, in one line: where in it, and what."""
    if isinstance(exc, DataError):
        where = [f"line {exc.line}"] if exc.line is not None else []
        where += [exc.field] if exc.field else []
        return ": ".join([*where, str(PmopathError.__str__(exc))])
    return str(exc)


def team_files(paths: list[Path]) -> tuple[list[tuple[Path, Path]], list[Skipped]]:
    """:func:`expand`, refusing paths that hold no profile file at all."""
    files, skipped = expand(paths)
    if not files and not skipped:
        raise NotFoundError(
            "no profile files (*.yaml, *.yml) in " + ", ".join(str(p) for p in paths),
            hint="name folders or files of profiles",
        )
    return files, skipped
