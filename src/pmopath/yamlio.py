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

The document is built from the parser's event stream iteratively, in one pass.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pmopath.errors import DataError, EnvironmentProblem, RefusedError
from pmopath.text import size

Loc = tuple[str | int, ...]

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 48
MAX_NODES = 500_000  # after alias expansion
MAX_NUMBER_CHARS = 40  # a longer int or float is refused before it is converted
_BOOL = "tag:yaml.org,2002:bool"
_STR = "tag:yaml.org,2002:str"
#: Number spellings only YAML 1.1 reads as numbers: leading-zero octal, base 60, binary, "_".
_YAML11_NUMBER = re.compile(r"^[-+]?0[0-9_]|:|^[-+]?0b|_")
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_DATE_TAGS = {"tag:yaml.org,2002:timestamp"}

_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
C_LOADER = _LOADER is not yaml.SafeLoader
_PLAIN_COLLECTION_TAGS = {None, "!", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


@dataclass
class Document:
    """Parsed YAML plus the line (1-based) of each value, by path."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest recorded prefix of ``loc``."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


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
    return _Builder(path, text, max_depth=max_depth, max_nodes=max_nodes).build()


class _Frame:
    __slots__ = ("anchor", "container", "key", "line", "loc", "pending_key", "size")

    def __init__(self, container: Any, loc: Loc, anchor: str | None, line: int) -> None:
        self.container = container
        self.loc = loc
        self.anchor = anchor
        self.line = line
        self.pending_key = False  # for mappings: a key has been read, value next
        self.key: Any = None
        self.size = 1


class _Builder:
    def __init__(self, path: Path, text: str, *, max_depth: int, max_nodes: int) -> None:
        self.path = path
        self.text = text
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.lines: dict[Loc, int] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}  # value, expanded size
        self.total = 0

    def fail(self, message: str, line: int | None, loc: Loc = ()) -> DataError:
        return DataError(message, path=self.path, line=line, field=format_loc(loc) or None)

    def build(self) -> Document:
        loader = _LOADER(self.text)
        collecting = gc.isenabled()
        gc.disable()  # a big file builds ~100k objects and no cycles; collecting is wasted work
        try:
            return self._run(loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = None if mark is None else mark.line + 1
            problem = exc.problem or exc.context or "invalid YAML"
            raise self.fail(f"invalid YAML: {problem}", line) from None
        except yaml.YAMLError as exc:
            raise self.fail(f"invalid YAML: {exc}", None) from None
        except RecursionError:  # pragma: no cover - guarded by max_depth
            raise self.fail("invalid YAML: nesting too deep", None) from None
        finally:
            loader.dispose()
            if collecting:
                gc.enable()

    def _run(self, loader: Any) -> Document:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail("more than one YAML document in the file", line)
                continue
            if isinstance(event, yaml.ScalarEvent):
                value = self._scalar(loader, event, self._where(stack))
                self._emit(stack, value, 1, line, event.anchor)
                if not stack:
                    root = value
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in self.anchors:
                    raise self.fail(f"unknown or recursive alias '*{event.anchor}'", line)
                value, size = self.anchors[event.anchor]
                self._emit(stack, value, size, line, None)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(stack) >= self.max_depth:
                    raise self.fail(f"nested deeper than {self.max_depth} levels", line)
                if event.tag not in _PLAIN_COLLECTION_TAGS:
                    raise self.fail(f"unsupported YAML value: tag '{event.tag}'", line)
                container: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
                loc = self._child_loc(stack, line)
                stack.append(_Frame(container, loc, event.anchor, line))
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                frame = stack.pop()
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (frame.container, frame.size)
                self._emit(stack, frame.container, frame.size, frame.line, None, built=True)
                if not stack:
                    root = frame.container
        return Document(self.path, root, self.lines)

    @staticmethod
    def _where(stack: list[_Frame]) -> Loc:
        """The path of the value about to be read (for a mapping key: the mapping)."""
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.loc, len(top.container))
        return (*top.loc, top.key) if top.pending_key else top.loc

    def _scalar(self, loader: Any, event: Any, loc: Loc) -> Any:
        """One scalar, strictly: YAML 1.2 booleans only, bounded numbers, real dates."""
        tag = event.tag
        text = event.value
        line = event.start_mark.line + 1
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, text, event.implicit)
            if tag == _BOOL and text.lower() not in ("true", "false"):
                tag = _STR  # yes/no/on/off are words, not booleans
            elif tag in _NUMBER_TAGS and _YAML11_NUMBER.search(text):
                tag = _STR  # 035 (octal), 1:00 (base 60), 0b1, 1_000: not YAML 1.2 numbers
        if tag in _NUMBER_TAGS and len(text) > MAX_NUMBER_CHARS:
            raise self.fail(f"number too long ({len(text)} characters)", line, loc)
        node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
        try:
            return loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise self.fail(f"unsupported YAML value: {exc.problem}", line, loc) from None
        except (ValueError, OverflowError) as exc:
            what = "date" if tag in _DATE_TAGS else "value"
            shown = text if len(text) <= 40 else text[:37] + "..."
            raise self.fail(f"not a valid {what}: '{shown}' ({exc})", line, loc) from None

    def _child_loc(self, stack: list[_Frame], line: int) -> Loc:
        if not stack:
            self.lines[()] = line
            return ()
        parent = stack[-1]
        if isinstance(parent.container, list):
            loc = (*parent.loc, len(parent.container))
        else:
            if not parent.pending_key:
                raise self.fail("a mapping key must be a plain value, not a list or mapping", line)
            loc = (*parent.loc, parent.key)
        self.lines.setdefault(loc, line)
        return loc

    def _emit(
        self,
        stack: list[_Frame],
        value: Any,
        size: int,
        line: int,
        anchor: str | None,
        *,
        built: bool = False,
    ) -> None:
        if not built:
            self.total += size
            if self.total > self.max_nodes:
                raise self.fail(
                    f"expands to more than {self.max_nodes} values (too many aliases?)", line
                )
            if anchor is not None:
                self.anchors[anchor] = (value, size)
        if not stack:
            return
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.container, list):
            if not built:
                self.lines.setdefault((*parent.loc, len(parent.container)), line)
            parent.container.append(value)
            return
        if not parent.pending_key:
            if built:
                raise self.fail("a mapping key must be a plain value, not a list or mapping", line)
            if not isinstance(value, Hashable):  # pragma: no cover - scalars are hashable
                raise self.fail("unsupported mapping key", line, parent.loc)
            key = value if isinstance(value, (str, int)) else str(value)
            if key in parent.container:
                raise self.fail(f"duplicate key '{key}'", line, parent.loc)
            parent.key, parent.pending_key = key, True
            key_loc: Loc = (*parent.loc, key)
            self.lines[key_loc] = line
            return
        if not built:
            value_loc: Loc = (*parent.loc, parent.key)
            self.lines.setdefault(value_loc, line)
        parent.container[parent.key] = value
        parent.pending_key = False


def format_loc(loc: Loc, data: Any = None) -> str:
    """``('roles', 3, 'rank')`` -> ``roles[3].rank``; with ``data``, items show their id.

    With the document's data, a list item that has an ``id`` is named by it:
    ``roles[project-manager].rank`` reads better than an index.
    """
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            label = str(part)
            if isinstance(node, list) and 0 <= part < len(node):
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    label = node["id"]
            else:
                node = None
            out += f"[{label}]"
        else:
            out += ("." if out else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


def dump_yaml(data: Any) -> str:
    """Block-style YAML in the given key order (the C dumper when present)."""
    dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100))


def atomic_write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write ``text`` to ``path`` atomically: temp file, flush, fsync, rename.

    ``mode``: the permission bits the file gets (default: a new file's, from the umask).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where a folder is needed, at the last step
        raise EnvironmentProblem(
            f"{path.parent}: a file is in the way where a folder is needed"
        ) from None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(text)
            handle.flush()
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
    * a FIFO, a character device, or anything under ``/dev`` (``/dev/stdout``): written in
      place, never replaced, with or without ``force``;
    * a folder, or anything else: refused.
    """
    path = path.expanduser()
    if path.is_absolute() and path.parts[:2] == ("/", "dev") and path.exists():
        with path.open("w", encoding="utf-8") as handle:  # /dev/stdout, /dev/null: in place
            handle.write(text)
        return
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
