"""A cache of the validated framework, so a command does not re-read YAML each time.

* **Keyed by content:** pmopath's version, the source of the models and checks, and the
  bytes of the three framework files. Any edit to a data file (the built-in one or an
  organisation's ``--data`` folder) or to the rules gives a new key, so a stale entry is
  never used.
* **Never trusted blindly:** the file is JSON (never pickle) whose first line carries a
  SHA-256 of the rest; a truncated or altered file fails that check, or the shape check
  while it is rebuilt into models, and is then ignored, deleted and rebuilt from the YAML.
  A good entry was validated and cross-checked when it was written, so it is rebuilt
  the way ``model_construct`` builds (the trusted path), field by field from the
  models' own annotations, without running pydantic's validators again.
* **Never in the way:** written atomically to the platform's cache folder (or
  ``$PMOPATH_CACHE``); when that folder cannot be written, pmopath works uncached.
  ``PMOPATH_NO_CACHE=1`` turns the cache off.
"""

import contextlib
import datetime as dt
import hashlib
import os
import types
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic_core import from_json

from pmopath import __version__
from pmopath.models import CertificationsFile, CompetencyFile, Model, RolesFile

if TYPE_CHECKING:
    from pmopath.framework import Framework

ENV_CACHE = "PMOPATH_CACHE"
ENV_NO_CACHE = "PMOPATH_NO_CACHE"
FORMAT = "pmopath-framework-cache 1"
MAX_FILE_BYTES = 16 * 1024 * 1024  # the loader's own limit refuses anything larger
#: Source files whose rules decide what a valid framework is: a change to any of them is a
#: new key even when pmopath's version number stays the same (an editable install).
_RULES = ("models.py", "checks.py", "cache.py", "yamlio.py", "parsing.py", "framework.py")
KEEP = 8  # entries kept; older ones (frameworks since edited) are removed


class CachedFramework(Model):
    roles: RolesFile
    competencies: CompetencyFile
    certifications: CertificationsFile


def cache_dir() -> Path:
    override = os.environ.get(ENV_CACHE)
    if override:
        return Path(override).expanduser()
    from pmopath.places import user_cache_dir

    return user_cache_dir()


def cache_key(paths: dict[str, Path]) -> str | None:
    """The content key of a framework, or None when a file cannot be read (no caching)."""
    from pydantic.version import VERSION as PYDANTIC

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{PYDANTIC}\0".encode())
    here = Path(__file__).parent
    try:
        for rule in _RULES:
            digest.update((here / rule).read_bytes())
        for name in sorted(paths):
            with paths[name].open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                return None
            digest.update(f"\0{name}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError:
        return None
    return digest.hexdigest()


def cache_path(key: str) -> Path:
    return cache_dir() / f"framework-{key[:32]}.json"


def load(key: str, paths: dict[str, Path]) -> "Framework | None":
    """The cached framework for ``key``, or None (missing, corrupt, or cache off)."""
    if os.environ.get(ENV_NO_CACHE):
        return None
    path = cache_path(key)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, _, payload = raw.partition(b"\n")
    expected = f"{FORMAT} {key} {hashlib.sha256(payload).hexdigest()}".encode()
    try:
        if head != expected:
            raise ValueError("checksum")
        cached = construct(CachedFramework, from_json(payload))
    except (ValueError, TypeError, KeyError, AttributeError):  # from_json: ValueError
        with contextlib.suppress(OSError):  # corrupt: rebuilt on this run, if we may
            path.unlink(missing_ok=True)
        return None
    from pmopath.framework import Framework

    return Framework(cached.roles, cached.competencies, cached.certifications, paths)


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
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        each = converter(inner)
        return lambda v: None if v is None else each(v)
    if origin is tuple:
        assert args[1] is Ellipsis, kind
        item = converter(args[0])
        return lambda v: tuple([item(x) for x in _as(list, v)])
    if origin is dict:
        key, val = converter(args[0]), converter(args[1])
        return lambda v: {key(k): val(x) for k, x in _as(dict, v).items()}
    if origin is Literal:
        return lambda v: v if v in args else _fail(f"{v!r} is not one of {args}")
    if isinstance(kind, type) and issubclass(kind, Model):
        return _model(kind)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind._value2member_map_.__getitem__  # KeyError (unknown) or TypeError
    simple: dict[Any, Convert] = {
        dt.date: lambda v: dt.date.fromisoformat(_as(str, v)),
        int: lambda v: int(v) if isinstance(v, str) else _as(int, v),  # JSON object keys
        float: lambda v: float(_as((int, float), v)),
        bool: lambda v: _as(bool, v),
        str: _str,
    }
    if kind in simple:
        return simple[kind]
    raise TypeError(f"no rule for {kind!r}")


def _model(model: type[Model]) -> Convert:
    """A builder for ``model`` that does what ``model_construct`` does, minus its generality.

    The cache is written with every field (``model_dump_json``), so an entry must name
    exactly the model's fields; no alias, default or extra can apply, and the instance's
    state is set as ``model_construct`` sets it. About three times quicker, which is most
    of what reading the cache costs.
    """
    fields = model.model_fields
    names = fields.keys()
    each: dict[str, Convert] = {}  # filled on first use: models may refer to themselves
    assert not model.__pydantic_post_init__ and not model.__private_attributes__, model
    new, put = model.__new__, object.__setattr__

    def build(data: Any) -> Any:
        if _as(dict, data).keys() != names:
            raise KeyError(f"{model.__name__}: missing or unknown fields")
        if not each:
            each.update({name: converter(info.annotation) for name, info in fields.items()})
        values = {name: each[name](value) for name, value in data.items()}
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


def _fail(message: str) -> Any:
    raise ValueError(message)


def _as(kind: Any, value: Any) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind}, got {type(value).__name__}")
    return value


def save(key: str, fw: "Framework") -> None:
    """Store a validated framework; a cache folder that cannot be written is no error."""
    if os.environ.get(ENV_NO_CACHE):
        return
    payload = CachedFramework(
        roles=fw.roles_file,
        competencies=fw.competencies_file,
        certifications=fw.certifications_file,
    ).model_dump_json(round_trip=True)
    body = payload.encode()
    head = f"{FORMAT} {key} {hashlib.sha256(body).hexdigest()}\n"
    from pmopath.errors import PmopathError
    from pmopath.yamlio import atomic_write_text

    try:
        atomic_write_text(cache_path(key), head + payload)
    except (OSError, PmopathError):
        return
    _prune(cache_path(key).parent)


def _prune(folder: Path) -> None:
    """Keep the :data:`KEEP` most recently written entries; others belong to old edits."""
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob("framework-*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
