"""Output formats. Each :class:`Format` member has exactly one renderer class.

This module stays light (no Rich, no pydantic) because the CLI imports it to
build ``--format`` options; renderers are imported only when output is made.
"""

from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pmopath.render.base import Renderer


class Format(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    csv = "csv"  # `pmopath progress` only (the others refuse it: README, "CSV output")
    html = "html"  # gap, roadmap, show and progress (README, "The HTML report")


#: Format -> "module:Class" of its renderer.
RENDERERS: dict[Format, str] = {
    Format.terminal: "pmopath.render.terminal:TerminalRenderer",
    Format.markdown: "pmopath.render.markdown:MarkdownRenderer",
    Format.json: "pmopath.render.jsonout:JsonRenderer",
    Format.csv: "pmopath.render.csvout:CsvRenderer",
    Format.html: "pmopath.render.html:HtmlRenderer",
}


def renderer_for(fmt: Format) -> Renderer:
    module, _, name = RENDERERS[Format(fmt.value)].partition(":")
    cls: type[Renderer] = getattr(import_module(module), name)
    return cls()
