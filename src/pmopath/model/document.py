"""A parsed YAML document and the places in it: what a loaded file hands to validation.

Kept in the models layer, without any I/O, so that turning data into a model (and an
error into "file, line, field") needs nothing that reads or parses files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

#: A place in a document: keys and list indexes from the top, e.g. ("roles", 3, "rank").
Loc = tuple[str | int, ...]


class Document(NamedTuple):
    """Parsed YAML plus the line (1-based) of each value, by path."""

    path: Path
    data: Any
    lines: dict[Loc, int]

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest recorded prefix of ``loc``."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


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
