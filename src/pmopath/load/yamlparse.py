"""The YAML parser behind :func:`pmopath.load.yamlio.load_yaml`, and the YAML writer.

Kept apart from :mod:`pmopath.load.yamlio` because importing PyYAML costs more than
most commands take to run: only a command that parses or writes YAML imports
this module (see :mod:`pmopath.load.yamlio` for the rules every file is read under).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from pmopath.base.errors import DataError
from pmopath.model.document import Document, Loc, format_loc

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


def parse(path: Path, text: str, *, max_depth: int, max_nodes: int) -> Document:
    """Parse one YAML document; raise :class:`DataError` on any problem."""
    return _Builder(path, text, max_depth=max_depth, max_nodes=max_nodes).build()


def flow_depth(text: str, end: int) -> int:
    """How many flow collections (``[`` and ``{``) are open at ``text[end]``.

    Quoted scalars and comments are skipped. Run only on a parse error, so a plain
    loop is fast enough.
    """
    depth, i, end = 0, 0, min(end, len(text))
    while i < end:
        char = text[i]
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char in "'\"":
            i = _quote_end(text, i, char)
        elif char == "#" and (i == 0 or text[i - 1] in " \t\n"):
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
        i += 1
    return depth


def _quote_end(text: str, start: int, quote: str) -> int:
    """The index of the quote closing the scalar opened at ``start`` (or the text's end)."""
    i = start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":  # '' is a quote inside '...'
                i += 2
                continue
            return i
        i += 1
    return len(text)


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
            if mark is not None and flow_depth(self.text, mark.index) > self.max_depth:
                # libyaml may stop deep [ { nesting itself, in its own words, before the
                # events reach the depth check below: the error is pmopath's either way.
                raise self.fail(f"nested deeper than {self.max_depth} levels", line) from None
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
        if tag == _STR:  # most values: PyYAML's constructor would return the text as it is
            return text
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


def dump(data: Any) -> str:
    """Block-style YAML in the given key order (the C dumper when present)."""
    dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100))
