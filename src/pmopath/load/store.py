"""Where assessments live: the user's history and the drafts in progress.

Layout under the data folder (platformdirs' user data dir, or ``$PMOPATH_HOME``)::

    assessments/20261122-143005.yaml   one file per completed assessment
    assessments/20261122-143005-2.yaml a second one saved in the same second
    draft.yaml                         answers given so far, saved after each one
    draft-2.yaml                       a second session's draft, while the first is open
    draft.lock, draft-2.lock           held (flock) by the session using that draft

Guarantees:

* every write is atomic (temporary file, flush, fsync, rename or link), so a crash
  or a kill mid-write leaves the previous file intact;
* a completed assessment is created exclusively (hard link onto a name that must
  not exist), so two saves at the same moment never share or overwrite a file;
* a saved assessment ends with a checksum line written with it, so a file cut
  short is recognised instead of read as a smaller profile;
* a draft is locked while a session holds it, and the lock goes with the process.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pmopath.base.errors import DataError, EnvironmentProblem, NotFoundError, RefusedError
from pmopath.load.yamlio import (
    PRIVATE_FOLDER,
    atomic_write_text,
    dump_yaml,
    load_yaml,
    make_folders,
    read_text,
)

if TYPE_CHECKING:
    from pmopath.model.catalog import Framework
    from pmopath.model.profile import Loaded

ENV_HOME = "PMOPATH_HOME"
#: A draft and a saved assessment hold a person's own answers: readable by them alone.
PRIVATE = 0o600
DRAFT_VERSION = 1
ID_FORMAT = "%Y%m%d-%H%M%S"
ID_PATTERN = re.compile(r"^(\d{8}-\d{6})(?:-(\d{1,6}))?$")
HEADER = "# pmopath assessment (see `pmopath schema profile`)\n"
CHECKSUM = "# sha256 "


def data_home() -> Path:
    override = os.environ.get(ENV_HOME)
    if override:
        return Path(override).expanduser()
    from pmopath.load.places import user_data_dir

    return user_data_dir()


def new_id(now: dt.datetime) -> str:
    return now.astimezone(dt.timezone.utc).strftime(ID_FORMAT)


def id_order(ident: str) -> tuple[str, int]:
    """Sortable: ``...-9`` before ``...-10``, and the plain ID first (it is number 1)."""
    match = ID_PATTERN.match(ident)
    if match is None:
        return ident, 0
    return match.group(1), int(match.group(2) or 1)


def seal(text: str) -> str:
    """A saved assessment: the text, then a checksum line of it, written last."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{text}{CHECKSUM}{digest}\n"


def check_sealed(path: Path, text: str) -> None:
    """Refuse a saved assessment cut short (its checksum line missing or wrong).

    Files saved before checksums existed do not start with :data:`HEADER` and are
    read as they are.
    """
    if not text.startswith(HEADER):
        return
    body, _, last = text.rstrip("\n").rpartition("\n")
    expected = hashlib.sha256((body + "\n").encode("utf-8")).hexdigest()
    if last != CHECKSUM + expected:
        raise DataError(
            "this saved assessment is incomplete (cut short while it was written?)",
            path=path,
            hint="`pmopath history` lists the others; `--profile FILE` uses another file",
        )


@dataclass(frozen=True)
class Draft:
    """An assessment in progress: the answers given so far, by question key."""

    started: str
    quick: bool
    answers: dict[str, Any]
    path: Path | None = field(default=None, compare=False)
    #: The answers of the assessment this one starts from (the defaults), and its ID.
    previous: dict[str, Any] = field(default_factory=dict)
    based_on: str | None = None


class DraftLock:
    """An advisory lock on one draft, held until :meth:`release` or the process ends.

    ``flock`` on POSIX systems, ``msvcrt.locking`` on Windows. The lock file is opened
    without following a link (a link planted there is refused) and is private (0600).
    """

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle = handle

    @classmethod
    def try_acquire(cls, path: Path) -> DraftLock | None:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags, PRIVATE)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise RefusedError(
                    f"{path} is a symbolic link; pmopath does not lock through links",
                    hint="remove the link; pmopath creates the lock file itself",
                ) from None
            raise
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        if not _lock(handle.fileno()):
            handle.close()
            return None  # another session holds it
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        return cls(path, handle)

    def release(self) -> None:
        if not self._handle.closed:
            self._handle.close()  # closing the file releases the lock


def _lock(fd: int) -> bool:
    """Take the lock without waiting: False if another session holds it.

    On a file system without locks (ENOLCK, ...) the assessment works on unlocked, as it
    did before locks existed.
    """
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
    return True


def _create_exclusively(source: Path, target: Path, text: str) -> bool:
    """Put ``source``'s content at ``target`` only if nothing is there; False if taken."""
    try:
        os.link(source, target)
        return True
    except FileExistsError:
        return False
    except OSError as exc:  # a file system without hard links: exclusive create instead
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(target, flags, PRIVATE)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return True


class Store:
    def __init__(self, home: Path | None = None) -> None:
        self.home = home if home is not None else data_home()
        self.skipped: list[str] = []  # entries of assessments/ that are not regular files

    @property
    def assessments(self) -> Path:
        return self.home / "assessments"

    @property
    def draft_path(self) -> Path:
        return self.home / "draft.yaml"

    # ---------------------------------------------------------------- drafts

    def draft_name(self, n: int) -> Path:
        return self.draft_path if n == 1 else self.home / f"draft-{n}.yaml"

    def draft_names(self) -> list[Path]:
        """Every draft name in use, by a file or by a lock (draft.yaml first, then -2, -3 ...)."""
        if not self.home.is_dir():
            return []
        numbers = (
            {1}
            if self.draft_path.exists() or self.draft_path.with_suffix(".lock").exists()
            else set()
        )
        for p in self.home.glob("draft-*"):
            stem = p.name.removeprefix("draft-").removesuffix(".yaml").removesuffix(".lock")
            if stem.isdigit() and p.suffix in (".yaml", ".lock"):
                numbers.add(int(stem))
        return [self.draft_name(n) for n in sorted(numbers)]

    def lock_draft(self, path: Path) -> DraftLock | None:
        """The lock of one draft, or None while another session holds it."""
        make_folders(self.home, PRIVATE_FOLDER)
        return DraftLock.try_acquire(path.with_suffix(".lock"))

    def new_draft(self) -> tuple[Path, DraftLock]:
        """The first draft name with no file and no session holding it, locked."""
        n = 1
        while True:
            path = self.draft_name(n)
            if not path.exists() and (lock := self.lock_draft(path)) is not None:
                if not path.exists():  # not written while the lock was taken
                    return path, lock
                lock.release()
            n += 1

    def load_draft(self, path: Path | None = None) -> Draft | None:
        path = path or self.draft_path
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return None
        if not stat.S_ISREG(st.st_mode):  # a FIFO would hang the read, a link lead elsewhere
            raise DataError(
                "is not a regular file (a FIFO, a device or a link); pmopath reads only "
                "regular files in its own folders",
                path=path,
                hint="`pmopath assess --restart` moves it aside and starts again",
            )
        doc = load_yaml(path)
        data = doc.data
        if (
            not isinstance(data, dict)
            or data.get("draft_version") != DRAFT_VERSION
            or not isinstance(data.get("answers"), dict)
        ):
            raise DataError(
                "the saved draft is not in a format this version understands",
                path=path,
                hint="`pmopath assess --restart` moves it aside and starts again",
            )
        started = str(data.get("started", ""))
        previous = data.get("previous")
        based_on = data.get("based_on")
        return Draft(
            started,
            bool(data.get("quick", False)),
            dict(data["answers"]),
            path,
            dict(previous) if isinstance(previous, dict) else {},
            str(based_on) if based_on else None,
        )

    def save_draft(self, draft: Draft) -> None:
        payload = {
            "draft_version": DRAFT_VERSION,
            "started": draft.started,
            "quick": draft.quick,
            "answers": draft.answers,
        }
        if draft.previous:
            payload["based_on"] = draft.based_on
            payload["previous"] = draft.previous
        atomic_write_text(
            draft.path or self.draft_path,
            "# pmopath assessment in progress\n" + dump_yaml(payload),
            folder_mode=PRIVATE_FOLDER,
        )

    def discard_draft(self, path: Path | None = None) -> None:
        (path or self.draft_path).unlink(missing_ok=True)

    def move_aside(self, path: Path, now: dt.datetime) -> Path:
        """Keep an unreadable draft as ``draft.corrupt-<time>.yaml``; return where it went."""
        target = path.with_name(f"{path.stem}.corrupt-{new_id(now)}.yaml")
        path.replace(target)
        return target

    # --------------------------------------------------------------- history

    def save_assessment(self, text: str, now: dt.datetime) -> str:
        """Write a completed assessment under a new, unique timestamp ID.

        The file is written and synced under a temporary name, then hard-linked onto
        the final name, which fails if the name exists: two saves in the same second,
        in one process or many, each get their own ID and file.
        """
        sealed = seal(HEADER + text)
        folder = self.assessments
        tmp = folder / f".save.{os.getpid()}.{id(text)}.tmp"
        atomic_write_text(tmp, sealed, folder_mode=PRIVATE_FOLDER)
        base = new_id(now)
        try:
            for n in range(1, 10_000):
                ident = base if n == 1 else f"{base}-{n}"
                if _create_exclusively(tmp, folder / f"{ident}.yaml", sealed):
                    return ident
        finally:
            tmp.unlink(missing_ok=True)
        raise EnvironmentProblem(f"{folder}: no free name for an assessment saved at {base}")

    def load(self, ident: str, fw: Framework) -> Loaded:
        """A saved assessment, checked whole, read leniently (see :func:`load_profile`)."""
        from pmopath.load.profiles import load_profile
        from pmopath.model.profile import MAX_PROFILE_BYTES

        path = self.path(ident)
        text = read_text(path, max_bytes=MAX_PROFILE_BYTES)
        check_sealed(path, text)
        return load_profile(path, fw, strict=False, text=text)

    def ids(self) -> list[str]:
        """Saved assessment IDs, oldest first. Only regular files count; others are noted."""
        if not self.assessments.is_dir():
            return []
        ids, self.skipped = [], []
        for entry in os.scandir(self.assessments):
            name = entry.name
            if name.startswith(".") or not name.endswith(".yaml"):
                continue
            if not stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                self.skipped.append(name)
                continue
            ids.append(name.removesuffix(".yaml"))
        return sorted(ids, key=id_order)

    def path(self, ident: str) -> Path:
        return self.assessments / f"{ident}.yaml"

    def find(self, ref: str | None) -> str:
        """An assessment by exact ID, ``latest``, history number (1 = oldest) or unique prefix."""
        ids = self.ids()
        if not ids:
            raise NotFoundError(
                "no saved assessments yet",
                hint="run `pmopath assess`, or pass a profile file with --profile",
            )
        if ref is None or ref == "latest":
            return ids[-1]
        if ref in ids:
            return ref
        if ref.isdigit() and len(ref) <= 4 and 1 <= int(ref) <= len(ids):
            return ids[int(ref) - 1]
        matches = [i for i in ids if i.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFoundError(
                f"assessment '{ref}' is ambiguous", hint="it could be " + ", ".join(matches)
            )
        raise NotFoundError(f"no saved assessment '{ref}'", hint="`pmopath history` lists them")
