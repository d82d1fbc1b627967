"""Markdown's smallest pieces, shared by the markdown renderer and its mixins: escaped
text, a pipe table, a whole document."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pmopath.base.text import one_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")


def md(text: str) -> str:
    """Escape inline markdown and HTML, and fold the text onto one line."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def table(header: Iterable[str], align: str, rows: Iterable[Iterable[str]]) -> list[str]:
    """A pipe table; ``align`` has one of ``l`` / ``r`` per column."""
    out = ["| " + " | ".join(header) + " |"]
    out.append("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def doc(lines: list[str]) -> str:
    text = "\n".join(lines).rstrip() + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)
