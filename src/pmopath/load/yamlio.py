"""Safe, bounded YAML reading for files pmopath does not control.

Framework files may come from an organisation and profiles from a colleague, so
every YAML file is treated as untrusted:

* only the safe tag set (no Python objects), with libyaml's C parser when present;
* a size limit, strict UTF-8, and a limit on nesting depth (libyaml's own
  recursive composer crashes on very deep nesting, so we never call it);
* aliases are charged at their fully expanded size, which stops "billion
  laughs" files before anything walks the shared structure;
* duplicate mapping keys are an error instead of silently keeping the last one;
* every value's source line is recorded by its path, so a validation error can
  name the line as well as the field.

The document is built from the parser's event stream iteratively, in one pass
(:mod:`pmopath.load.yamlparse`, imported only when a file is parsed).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from pmopath.base.errors import DataError, EnvironmentProblem, RefusedError
from pmopath.base.text import size
from pmopath.model.document import Document

#: A file only you can read and write; the folders pmopath keeps its own files in.
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 48
MAX_NODES = 500_000  # after alias expansion


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a file as strict UTF-8, refusing oversized files before reading them."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DataError("file not found", path=path) from None
    except IsADirectoryError:
        raise DataError("is a folder, not a file", path=path) from None
    except OSError as exc:
        problem = EnvironmentProblem.from_os_error(exc, path)
        if problem is not None:  # e.g. permission denied: the system's doing, exit 4
            raise problem from None
        raise DataError(f"cannot read: {exc.strerror or exc}", path=path) from None
    return decode_text(path, raw, max_bytes=max_bytes)


def decode_text(path: Path, raw: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """Bytes already read from ``path`` as its text, under :func:`read_text`'s rules."""
    if len(raw) > max_bytes:
        raise DataError(f"file is larger than the {size(max_bytes)} limit", path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            path=path,
            line=line,
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DataError("contains a NUL character; not a text file", path=path, line=line)
    return text


def load_yaml(
    path: Path,
    *,
    text: str | None = None,
    max_depth: int = MAX_DEPTH,
    max_nodes: int = MAX_NODES,
) -> Document:
    """Parse one YAML document safely; raise :class:`DataError` on any problem."""
    if text is None:
        text = read_text(path)
    # PyYAML takes longer to import than most commands take to run; only a command
    # that reads a YAML file pays for it (a cached framework or profile does not).
    from pmopath.load.yamlparse import parse

    return parse(path, text, max_depth=max_depth, max_nodes=max_nodes)


def dump_yaml(data: Any) -> str:
    """Block-style YAML in the given key order (the C dumper when present)."""
    from pmopath.load.yamlparse import dump

    return dump(data)


def make_folders(folder: Path, mode: int = 0o777) -> None:
    """Make ``folder`` and any missing folder above it, each with ``mode`` (the umask
    applies): ``Path.mkdir`` gives only the last one the mode asked for."""
    missing = []
    for above in (folder, *folder.parents):
        if above.is_dir():
            break
        missing.append(above)
    for each in reversed(missing):
        try:
            each.mkdir(mode=mode)
        except FileExistsError:
            if not each.is_dir():  # a file where a folder is needed
                raise EnvironmentProblem(
                    f"{each}: a file is in the way where a folder is needed"
                ) from None


def atomic_write_text(
    path: Path,
    text: str,
    *,
    mode: int = PRIVATE_FILE,
    folder_mode: int = 0o777,
    durable: bool = True,
) -> None:
    """Write ``text`` to ``path`` atomically: temp file, flush, fsync, rename.

    ``durable=False`` leaves out both fsyncs (the file's and its folder's), for what can
    be rebuilt: a cache entry a crash tore is caught by its checksum and rebuilt.

    The temporary file has an unpredictable name in the target's folder and is created
    exclusively, never through a link, readable by you alone from its first byte
    (``tempfile.mkstemp``); it gets ``mode`` (default 0600) before anything is written.
    Folders made on the way get ``folder_mode`` (0700 for pmopath's own; the umask applies).
    """
    import tempfile

    make_folders(path.parent, folder_mode)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        problem = EnvironmentProblem.from_os_error(exc, path)
        if problem is None:
            raise
        raise problem from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if mode != PRIVATE_FILE:
                if hasattr(os, "fchmod"):
                    os.fchmod(handle.fileno(), mode)
                else:  # Windows before Python 3.13
                    tmp.chmod(mode)
            handle.write(text)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        problem = EnvironmentProblem.from_os_error(exc, path)
        if problem is None:
            raise
        raise problem from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. platforms without directory fds
        return
    try:
        os.fsync(dir_fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(dir_fd)


def write_output_file(path: Path, text: str, *, force: bool) -> None:
    """Write a result the person asked for (``--output``), never clobbering by surprise.

    * nothing there: written, in an existing folder (with ``force``, a missing one is made);
    * a regular file, or a symlink: replaced only with ``force``, atomically, keeping the
      file's permissions (a symlink's target file is replaced, the link stays);
    * a FIFO or a character device (``/dev/stdout``, ``/dev/null``), or a link to one:
      written in place, never replaced, with or without ``force``; a regular file anywhere,
      under ``/dev`` too, needs ``force``;
    * a new file is readable by you alone (0600): plans hold your ratings and notes;
    * a folder, or anything else: refused.
    """
    path = path.expanduser()
    if path == Path():  # also what an empty -o '' becomes
        raise RefusedError(
            "--output needs a file name (it was empty, or '.')", hint="e.g. -o plan.md"
        )
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):  # nothing there (or a file above it)
        _write_new(path, text, force=force)
        return
    kind = st.st_mode
    if stat.S_ISLNK(kind):
        try:
            final = path.stat().st_mode  # /dev/stdout -> /proc/self/fd/1 -> a pipe
        except OSError:
            final = 0
        if stat.S_ISFIFO(final) or stat.S_ISCHR(final) or stat.S_ISSOCK(final):
            kind = final
    if stat.S_ISDIR(kind):
        raise RefusedError(f"{path} is a folder", hint=f"give a file name, e.g. {path / 'plan.md'}")
    if stat.S_ISFIFO(kind) or stat.S_ISCHR(kind) or stat.S_ISSOCK(kind):
        with path.open("w", encoding="utf-8") as handle:
            handle.write(text)
        return
    if not (stat.S_ISREG(kind) or stat.S_ISLNK(kind)):
        raise RefusedError(f"{path} is not a regular file; pmopath will not replace it")
    if not force:
        raise RefusedError(f"{path} already exists", hint="add --force to overwrite it")
    if stat.S_ISLNK(kind):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # dangling or looping (ELOOP): replace the link
            atomic_write_text(path, text)
            return
        write_output_file(target, text, force=True)
        return
    atomic_write_text(path, text, mode=stat.S_IMODE(kind))


def _write_new(path: Path, text: str, *, force: bool) -> None:
    parent = path.parent
    if not parent.is_dir():
        blocker = next((p for p in (parent, *parent.parents) if p.is_file()), None)
        if blocker is not None:
            raise EnvironmentProblem(f"{blocker}: a file is in the way where a folder is needed")
        if not force:
            raise RefusedError(
                f"the folder {parent} does not exist", hint="create it, or add --force to create it"
            )
    atomic_write_text(path, text)
