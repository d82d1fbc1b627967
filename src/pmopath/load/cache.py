"""A cache of what was validated before: the framework, and profiles read from files.

So a command does not parse YAML, or import PyYAML, to read what has not changed.

* **Keyed by content:** pmopath's version, the source of the rules (models, checks,
  parsing) and the bytes read. A framework's key covers its three files (the built-in
  ones or an organisation's ``--data`` folder); a profile's key covers the file's text,
  how strictly it was read and the key of the framework it was resolved against. Any edit
  gives a new key, so a stale entry is never used.
* **Never trusted blindly:** an entry is JSON (never pickle) whose first line carries its
  kind, its key and a SHA-256 of the rest; a truncated or altered entry fails that check,
  or the shape check while it is rebuilt into models, and is then ignored, deleted and
  rebuilt from the YAML. A good entry was validated and cross-checked when it was
  written, so it is rebuilt the way ``model_construct`` builds (the trusted path), field
  by field from the models' own annotations, without running pydantic's validators again.
* **Never in the way:** written atomically to the platform's cache folder (or
  ``$PMOPATH_CACHE``); when that folder cannot be written, pmopath works uncached.
  ``PMOPATH_NO_CACHE=1`` turns the cache off.
"""

import contextlib
import datetime as dt
import hashlib
import math
import os
import types
from collections.abc import Callable
from enum import Enum
from functools import cache
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    NoReturn,
    TypeVar,
    Union,
    get_args,
    get_origin,
)

from pydantic_core import from_json, to_json

from pmopath import __version__
from pmopath.model.framework import CertificationsFile, CompetencyFile, Model, RolesFile

if TYPE_CHECKING:
    from pmopath.model.catalog import Framework

ENV_CACHE = "PMOPATH_CACHE"
ENV_NO_CACHE = "PMOPATH_NO_CACHE"
FORMAT = "pmopath-cache 2"
MAX_FILE_BYTES = 16 * 1024 * 1024  # the loader's own limit refuses anything larger
#: A team's facts are about 1 KiB a file, for up to load.team.MAX_TEAM_FILES files.
MAX_BYTES = {"team": 64 * 1024 * 1024}
#: Folders whose source decides what a valid framework or profile is (the models, the
#: loading rules, the wording of cached warnings): a change to any file in them is a new
#: key even when pmopath's version stays the same (an editable install).
_RULES = ("base", "model", "load")
#: Entries kept per kind; the least recently used (files since edited) are removed. A
#: profile entry is a few KiB; 256 covers `history` on a large team's assessments.
KEEP = {"framework": 8, "profile": 256, "summary": 1024, "team": 4}
#: Pruning lists the folder, so a run that writes many entries (``team`` over a large
#: folder) prunes on its first write of a kind and every this many after, not on each.
PRUNE_EVERY = 64
_writes: dict[str, int] = {}
M = TypeVar("M", bound=Model)


class CachedFramework(Model):
    roles: RolesFile
    competencies: CompetencyFile
    certifications: CertificationsFile


def cache_off() -> bool:
    """Whether ``PMOPATH_NO_CACHE`` is set to a true value (not "", 0, false, no or off)."""
    value = os.environ.get(ENV_NO_CACHE, "").strip().lower()
    return value not in ("", "0", "false", "no", "off")


#: Why the cache folder is not used (another owner, writable by others), said once by the
#: command line; None while it is trusted or not looked at yet.
untrusted: list[str] = []


@cache
def _trusted(folder: Path) -> bool:
    """Whether pmopath may use ``folder`` as its cache: missing (it is created 0700), or a
    folder of the user's that nobody else can write to (the rule ssh applies to its files)."""
    try:
        st = folder.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not hasattr(os, "getuid"):  # Windows: folder ACLs are the platform's business
        return True
    import stat

    if not stat.S_ISDIR(st.st_mode):
        why = "is not a folder"
    elif st.st_uid != os.getuid():
        why = "belongs to another user"
    elif st.st_mode & 0o022:
        why = "can be written by other users"
    else:
        return True
    untrusted.append(f"the cache folder {folder} {why}: working without a cache")
    return False


def usable() -> Path | None:
    """The cache folder, or None when the cache is off or the folder is not trusted."""
    if cache_off():
        return None
    folder = cache_dir()
    return folder if _trusted(folder) else None


def _read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """A cache entry's bytes: a regular file of at most ``limit`` bytes, opened without
    following a link or waiting on a FIFO; anything else (or anything larger) is a miss."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(limit + 1)
        return None if len(raw) > limit else raw
    except OSError:
        return None
    finally:
        os.close(fd)


def cache_dir() -> Path:
    override = os.environ.get(ENV_CACHE)
    if override:
        return Path(override).expanduser()
    from pmopath.load.places import user_cache_dir

    return user_cache_dir()


@cache
def _rules_digest() -> bytes:
    """What every key starts from: the entry format, the versions and the rules' source."""
    from pydantic.version import VERSION as PYDANTIC

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{PYDANTIC}\0".encode())
    package = Path(__file__).parents[1]
    for folder in _RULES:
        for rule in sorted((package / folder).glob("*.py")):
            digest.update(rule.name.encode() + b"\0" + rule.read_bytes())
    return digest.digest()


def _key(*parts: bytes) -> str:
    digest = hashlib.sha256(_rules_digest())
    for part in parts:
        digest.update(b"\0%d\0" % len(part))
        digest.update(part)
    return digest.hexdigest()


def read_files(paths: dict[str, Path]) -> dict[str, bytes] | None:
    """The framework files' bytes, or None when one cannot be read or is too large to cache
    (the loader then reads them itself, and reports why)."""
    files: dict[str, bytes] = {}
    try:
        for name, path in paths.items():
            with path.open("rb") as handle:
                files[name] = handle.read(MAX_FILE_BYTES + 1)
            if len(files[name]) > MAX_FILE_BYTES:
                return None
    except OSError:
        return None
    return files


def framework_key(files: dict[str, bytes]) -> str | None:
    """The content key of a framework's files (None: no caching)."""
    try:
        return _key(b"framework", *(part for n in sorted(files) for part in (n.encode(), files[n])))
    except OSError:  # the rules' source cannot be read (an unusual install): no caching
        return None


def cache_key(paths: dict[str, Path]) -> str | None:
    """The content key of the framework at ``paths``, or None (no caching)."""
    files = read_files(paths)
    return None if files is None else framework_key(files)


def profile_key(fw_key: str | None, text: str, *, strict: bool) -> str | None:
    """The content key of a profile's text as resolved against a framework (None: no cache)."""
    if fw_key is None:
        return None
    try:
        return _key(b"profile", fw_key.encode(), b"strict" if strict else b"", text.encode())
    except (OSError, UnicodeEncodeError):  # a lone surrogate cannot be a key: not cached
        return None


@cache
def _engine_digest() -> bytes:
    """The engine's source: figures computed by it are keyed by it too."""
    digest = hashlib.sha256(_rules_digest())
    for rule in sorted((Path(__file__).parents[1] / "engine").glob("*.py")):
        digest.update(rule.name.encode() + b"\0" + rule.read_bytes())
    return digest.digest()


def engine_key(fw_key: str | None, *parts: bytes) -> str | None:
    """The key of what the engine computed from ``parts`` against the framework of
    ``fw_key``; it changes with pmopath's rules and the engine's source. None: no caching."""
    if fw_key is None or cache_off():
        return None
    try:
        digest = hashlib.sha256(_engine_digest())
        for part in (fw_key.encode(), *parts):
            digest.update(b"\0%d\0" % len(part))
            digest.update(part)
    except (OSError, UnicodeEncodeError):  # not cached
        return None
    return digest.hexdigest()


def cache_path(key: str, kind: str = "framework") -> Path:
    return cache_dir() / f"{kind}-{key[:32]}.json"


def read(kind: str, key: str, model: type[M]) -> M | None:
    """The entry of ``kind`` for ``key`` as ``model``, or None (missing, corrupt, or cache off)."""
    folder = usable()
    if folder is None:
        return None
    path = folder / cache_path(key, kind).name
    raw = _read_regular(path, MAX_BYTES.get(kind, MAX_FILE_BYTES))
    if raw is None:
        return None
    head, _, payload = raw.partition(b"\n")
    expected = f"{FORMAT} {kind} {key} {hashlib.sha256(payload).hexdigest()}".encode()
    try:
        if head != expected:
            raise ValueError("checksum")
        value: M = construct(model, from_json(payload))
    except Exception:  # whatever an entry holds, a bad one is only a miss
        with contextlib.suppress(OSError):  # corrupt: rebuilt on this run, if we may
            path.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):  # recently used: the last to be pruned
        os.utime(path)
    return value


def write(kind: str, key: str, value: Model) -> None:
    """Store a validated value; a cache folder that cannot be written is no error."""
    folder = usable()
    if folder is None:
        return
    from pmopath.load.yamlio import PRIVATE_FOLDER, atomic_write_text

    path = folder / cache_path(key, kind).name
    try:
        payload = to_json(dump(value))
        head = f"{FORMAT} {kind} {key} {hashlib.sha256(payload).hexdigest()}\n"
        # every entry is private (0600), in a private folder (0700), from the first byte
        atomic_write_text(path, head + payload.decode(), folder_mode=PRIVATE_FOLDER, durable=False)
    except Exception:  # a cache that cannot be written is only slower
        return
    count = _writes[kind] = _writes.get(kind, 0) + 1
    if (count - 1) % PRUNE_EVERY == 0:
        _prune(path.parent, kind)


def load(key: str, paths: dict[str, Path]) -> "Framework | None":
    """The cached framework for ``key``, or None (missing, corrupt, or cache off)."""
    cached = read("framework", key, CachedFramework)
    if cached is None:
        return None
    from pmopath.model.catalog import Framework

    return Framework(cached.roles, cached.competencies, cached.certifications, paths, key)


def save(key: str, fw: "Framework") -> None:
    """Store a validated framework."""
    cached = CachedFramework.model_construct(
        roles=fw.roles_file,
        competencies=fw.competencies_file,
        certifications=fw.certifications_file,
    )
    write("framework", key, cached)


def dump(value: Any) -> Any:
    """A model as plain JSON data, field by field, for :func:`construct` to rebuild.

    Not ``model_dump``: a model's own serializer may write a compact form (a held
    certification as its bare ID), and an entry must carry every field as it is. What
    comes back is equal field by field, each value of its field's declared type (a
    default pydantic never validated, such as the int 0 of a float field, comes back
    as 0.0), and every field counts as set.
    """
    if isinstance(value, Model):
        return {name: dump(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [dump(item) for item in value]
    if isinstance(value, dict):
        return {dump(k): dump(v) for k, v in value.items()}
    if isinstance(value, dt.date):  # and datetime
        return value.isoformat()
    return value


Convert = Callable[[Any], Any]
_CONVERTERS: dict[int, tuple[Any, Convert]] = {}


def construct(model: type[Model], data: Any) -> Any:
    """``data`` (JSON) as ``model``, built with ``model_construct`` from the annotations.

    Raises TypeError, ValueError or KeyError when the data does not have the shape.
    """
    return converter(model)(data)


def converter(kind: Any) -> Convert:
    """A function turning JSON for ``kind`` into its value (made once per annotation)."""
    known = _CONVERTERS.get(id(kind))
    if known is None:
        known = (kind, _make(kind))  # the annotation is kept alive beside its id
        _CONVERTERS[id(kind)] = known
    return known[1]


def _make(kind: Any) -> Convert:
    origin, args = get_origin(kind), get_args(kind)
    if origin is Annotated:
        return converter(args[0])
    if origin in (Union, types.UnionType) and (plain := _plain_union(args)) is not None:
        return lambda v: v if type(v) in plain else _bad(v)  # e.g. float | int: as it is
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        each = converter(inner)
        return lambda v: None if v is None else each(v)
    if origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):  # fixed length
        items = [converter(a) for a in args]
        return lambda v: tuple(
            [item(x) for item, x in zip(items, _as(list, v), strict=True)]
        )  # ValueError when the length differs
    if origin is tuple:
        kinds = _plain(args[0])
        if kinds is not None:  # e.g. the sources of a fact: checked, not converted
            return lambda v: tuple(v) if all(type(x) in kinds for x in _as(list, v)) else _bad(v)
        item = converter(args[0])
        return lambda v: tuple([item(x) for x in _as(list, v)])
    if origin is dict:
        key, val = converter(args[0]), converter(args[1])
        return lambda v: {key(k): val(x) for k, x in _as(dict, v).items()}
    if origin is Literal:  # the exact value and type: true is not 1, 2.0 is not 2
        return lambda v: v if any(v == a and type(v) is type(a) for a in args) else _bad(v)
    if isinstance(kind, type) and issubclass(kind, Model):
        return _model(kind)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind._value2member_map_.__getitem__  # KeyError (unknown) or TypeError
    simple: dict[Any, Convert] = {
        dt.date: lambda v: dt.date.fromisoformat(_as(str, v)),
        dt.datetime: lambda v: dt.datetime.fromisoformat(_as(str, v)),
        int: _int,
        float: _float,
        bool: lambda v: _as(bool, v),
        str: _str,
    }
    if kind in simple:
        return simple[kind]
    raise TypeError(f"no rule for {kind!r}")


def _plain_union(args: tuple[Any, ...]) -> frozenset[type] | None:
    """The JSON types of a union of several plain types (``float | int``), else None."""
    kinds = [a for a in args if a is not type(None)]
    if len(kinds) < 2 or any(k not in (str, int, float, bool) for k in kinds):
        return None
    return frozenset(args) if type(None) in args else frozenset(kinds)


def _plain(kind: Any) -> frozenset[type] | None:
    """The JSON types a value of ``kind`` is kept as it is (str, int, bool, or None), if any."""
    origin, args = get_origin(kind), get_args(kind)
    if origin is Annotated:
        return _plain(args[0])
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        kinds = _plain(inner)
        return None if kinds is None else kinds | {type(None)}
    return frozenset({kind}) if kind in (str, int, bool) else None


def _model(model: type[Model]) -> Convert:
    """A builder for ``model`` that does what ``model_construct`` does, minus its generality.

    The cache is written with every field (:func:`dump`), so an entry must name
    exactly the model's fields; no alias, default or extra can apply, and the instance's
    state is set as ``model_construct`` sets it. A field that JSON holds as it is (a
    string, an int, a flag) is only type-checked; the others are converted. Several
    times quicker than ``model_construct``, which is most of what reading the cache costs.
    """
    fields = model.model_fields
    names = fields.keys()
    # both filled on first use (a model may refer to itself), and only once complete
    checks: list[tuple[str, frozenset[type]]] = []
    converts: list[tuple[str, Convert]] = []
    assert not model.__pydantic_post_init__ and not model.__private_attributes__, model
    new, put = model.__new__, object.__setattr__

    def build(data: Any) -> Any:
        if type(data) is not dict or data.keys() != names:
            raise KeyError(f"{model.__name__}: not an object with exactly its fields")
        if not checks and not converts:
            plain = {name: _plain(info.annotation) for name, info in fields.items()}
            made = [
                (name, converter(fields[name].annotation)) for name, k in plain.items() if k is None
            ]
            checks.extend((name, k) for name, k in plain.items() if k is not None)
            converts.extend(made)
        for name, kinds in checks:
            if type(data[name]) not in kinds:
                raise TypeError(f"{model.__name__}.{name}: {type(data[name]).__name__}")
        values = dict(data)
        for name, convert in converts:
            values[name] = convert(values[name])
        instance = new(model)
        put(instance, "__dict__", values)
        put(instance, "__pydantic_fields_set__", set(values))
        put(instance, "__pydantic_extra__", None)
        put(instance, "__pydantic_private__", None)
        return instance

    return build


def _str(value: Any) -> str:
    if type(value) is str:  # the commonest leaf by far: no call to _as
        return value
    raise TypeError(f"expected str, got {type(value).__name__}")


def _int(value: Any) -> int:
    """An int, or a JSON object key written from one ("12"; not " 12", "012" or "١٢")."""
    if type(value) is int:
        return value
    if type(value) is str and value.isascii() and str(int(value)) == value:
        return int(value)
    return _bad(value)


def _float(value: Any) -> float:
    """A finite number (JSON has no other); a flag is not one."""
    if type(value) in (int, float) and math.isfinite(number := float(value)):
        return number
    return _bad(value)


def _bad(value: Any) -> NoReturn:
    raise TypeError(f"unexpected {type(value).__name__} in {value!r:.60}")


def _as(kind: Any, value: Any) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind}, got {type(value).__name__}")
    return value


def _prune(folder: Path, kind: str) -> None:
    """Keep the most recently written entries of a kind; others belong to old edits."""
    import re

    ours = re.compile(rf"{kind}-[0-9a-f]{{32}}\.json")  # only names pmopath writes
    with contextlib.suppress(OSError):
        names = [p for p in folder.glob(f"{kind}-*.json") if ours.fullmatch(p.name)]
        entries = sorted(names, key=lambda p: p.stat().st_mtime)
        for old in entries[: -KEEP[kind]]:
            old.unlink(missing_ok=True)
