"""Small Rich building blocks the terminal renderer lays views out with: literal text (never read as markup), headings and sections, level bars, provenance marks, bullet lists and lines that never fold."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import ControlType, Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from pmopath.base.text import clean, one_line
from pmopath.model.framework import Confidence, Provenance
from pmopath.render import words

if TYPE_CHECKING:
    from pmopath.views.browse import (
        SourceEntry,
    )


IMPORTANCE_STYLE = {"core": "bold", "important": "", "useful": "dim"}


STATUS_STYLE = {
    "held": "green",
    "eligible": "green",
    "not-yet-eligible": "yellow",
    "blocked": "red",
}


Row = TypeVar("Row")


def lit(text: str, style: str = "") -> Text:
    """Data text, shown literally (never parsed as markup)."""
    return Text(clean(text), style=style)


def diagnostic(text: str, style: str = "") -> Text:
    """A ``file:line: field: message`` line, one line whatever the width, as compilers
    print them: folding it would break the file name that editors and grep look for."""
    return Text(clean(text), style=style, no_wrap=True, overflow="ignore")


def bar(level: int, required: int | None = None, width: int = 4) -> Text:
    """``███░`` for level 3 of 4; with ``required``, the gap is drawn differently."""
    out = Text()
    for i in range(1, width + 1):
        if i <= level:
            out.append("█", style="green" if required is None or i <= required else "cyan")
        elif required is not None and i <= required:
            out.append("▒", style="red")
        else:
            out.append("░", style="dim")
    return out


def by_domain(rows: Sequence[Row], domains: Sequence[str | None]) -> Iterator[tuple[Text, Row]]:
    """Rows with their domain named on the first row of each domain only."""
    last = None
    for row, domain in zip(rows, domains, strict=True):
        yield (lit(domain or "") if domain != last else Text("")), row
        last = domain


def heading(text: str, sub: str = "") -> Text:
    out = Text()
    out.append(clean(text), style="bold")
    if sub:
        out.append(f"  {clean(sub)}", style="dim")
    return out


def section(title: str) -> Text:
    return Text("\n" + title, style="bold underline")


def provenance(item: Provenance) -> Text:
    out = Text(words.sources_line(item), style="dim")
    if item.confidence.mark:
        out.append(f" · {item.confidence.mark}", style="yellow")
    if item.note:
        out.append("\n")
        out.append(clean(item.note), style="dim")
    return out


class WholeLine:
    """A line that is never cut or folded, such as a URL to copy: written whole, on its own line.

    Rich crops every line at the console's width, save control segments. A line too
    long to fit is therefore written as one (with a style, which keeps it in plain
    output too); the terminal wraps it softly, so a copy is still one line.
    """

    STYLE = Style(underline=True)

    def __init__(self, text: str) -> None:
        self.text = one_line(text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if cell_len(self.text) <= options.max_width or console.legacy_windows:
            yield Text(self.text, style=self.STYLE, overflow="fold")
            return
        yield Segment(self.text, self.STYLE, [(ControlType.SHOW_CURSOR,)])
        yield Segment.line()


def source_facts(entry: SourceEntry) -> list[str]:
    """Who published a source, when, and when it was read, as one line (or none)."""
    facts = [f"Publisher: {entry.publisher}"] if entry.publisher else []
    facts += [f"published {entry.published}"] if entry.published else []
    facts += [f"accessed {entry.accessed.isoformat()}"] if entry.accessed else []
    return [" · ".join(facts)] if facts else []


def flag(item: Provenance) -> Text:
    if not item.confidence.mark:
        return Text("")
    style = "red" if item.confidence is Confidence.conflicting else "yellow"
    return Text(f" [{item.confidence.mark}]", style=style)


def bullets(items: Iterable[str], indent: str = "  ") -> Table:
    """A bulleted list with a hanging indent: wrapped lines stay under their text."""
    grid = Table.grid()
    grid.add_column(width=len(indent) + 2, no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(f"{indent}• ", lit(item))
    return grid


def note_line(text: str | None, indent: str = "  ") -> list[RenderableType]:
    return [indented(lit(text, "dim"), indent)] if text else []


def indented(body: RenderableType, indent: str) -> RenderableType:
    """A block indented as a whole: its wrapped lines stay under its first, never at column 0."""
    from rich.padding import Padding

    return Padding(body, (0, 0, 0, len(indent)))


def hanging(prefix: str, body: Text) -> Table:
    """``prefix`` (a bullet, a label) with ``body`` wrapped under its own first word."""
    grid = Table.grid()
    grid.add_column(width=cell_len(prefix), no_wrap=True)
    grid.add_column()
    grid.add_row(prefix, body)
    return grid


def hint(text: str) -> Text:
    return Text(text, style="dim")
