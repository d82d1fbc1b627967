"""The default terminal roadmap: a screenful (at most :data:`SCREEN` lines at 80 columns).

The summary first, then the next 90 days one item per entry, the work after it one line
per competency, the milestones and the STAR story seeds. When all of it is longer than a
screen, the reasons under the next 90 days' items go first, then the longest lists give
way an entry at a time, each saying how many entries `--all` adds back. Every entry wraps
at words under its own first word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from pmopath.base.text import clean, count, hours
from pmopath.render import words
from pmopath.render.rich_text import hint, section
from pmopath.render.terminal_tables import effort_text, month_span

if TYPE_CHECKING:
    from pmopath.views.roadmap import ItemRow, LaterRow, RoadmapView

#: The lines a laptop's terminal shows at once: the default roadmap fits in them.
SCREEN = 60


@dataclass
class Listing:
    """A titled list that can show its first entries and count the rest."""

    title: str
    entries: list[RenderableType]
    floor: int  # entries kept however long the rest is
    rest: str  # "more items": what the hidden entries are, counted
    shown: int = 0

    def parts(self) -> list[RenderableType]:
        if not self.entries:
            return []
        out: list[RenderableType] = [section(self.title), *self.entries[: self.shown]]
        hidden = len(self.entries) - self.shown
        if hidden:
            out.append(hint(f"  … {count(hidden, 'more ' + self.rest)}: `--all` lists them"))
        return out


class Entry:
    """``prefix`` and a text wrapped at words under its own first word, then dim facts
    ("2026-11 → 2027-10", "16 h") that are never split: each goes whole on the line where
    it fits; a dim note below, wrapped the same way."""

    def __init__(self, prefix: str, text: str, facts: list[str], note: str = "") -> None:
        self.prefix, self.note = prefix, clean(note)
        self.words = [(w, "") for w in clean(text).split()]
        self.words += [(f"· {clean(f)}", "dim") for f in facts]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(options.max_width - cell_len(self.prefix), 12)
        lines = fill(self.words, room)
        if self.note:
            lines += fill([(w, "dim") for w in self.note.split()], room)
        for i, line in enumerate(lines):
            out = Text(self.prefix if i == 0 else " " * cell_len(self.prefix))
            for j, (word, style) in enumerate(line):
                if j == 0 and word.startswith("· "):
                    word = word[2:]  # a fact that opens a line needs no separator
                out.append((" " if j else "") + word, style=style)
            yield out


def fill(tokens: list[tuple[str, str]], room: int) -> list[list[tuple[str, str]]]:
    """Tokens greedily on lines of ``room`` cells; a token wider than that is cut in pieces."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for word, style in tokens:
        while cell_len(word) > room:  # a long URL, say: the only case split mid-word
            lines.append([(word[:room], style)])
            word, used = word[room:], room
        if lines[-1] and used + 1 + cell_len(word) > room:
            lines.append([])
            used = 0
            word = word[2:] if word.startswith("· ") else word
        used += cell_len(word) + (1 if lines[-1] else 0)
        lines[-1].append((word, style))
    return [line for line in lines if line]


def item_entry(it: ItemRow, why: bool) -> Entry:
    facts = [month_span(it), effort_text(it)]
    note = it.why_short if why else ""
    return Entry(f"{it.rank:>3}. ", words.plan_title(it.title, it.form), facts, note)


def later_entry(r: LaterRow) -> Entry:
    facts = [count(r.items, "item")]
    facts += [hours(r.hours)] if r.hours else []
    facts += [f"{r.job_months} mo at work"] if r.job_months else []
    facts.append(r.start_label + (f" → {r.end_label}" if r.end_label != r.start_label else ""))
    return Entry("  ", r.name, facts)


class Screenful:
    """The head, the lists and the foot, the lists shortened until all fit in ``limit``
    lines at the width the console offers."""

    def __init__(
        self,
        head: list[RenderableType],
        first: tuple[list[ItemRow], str],
        lists: list[Listing],
        foot: RenderableType,
        limit: int = SCREEN,
    ) -> None:
        self.head, self.first, self.lists, self.foot, self.limit = head, first, lists, foot, limit

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        options = options.update(height=None)

        def height(part: RenderableType) -> int:
            return len(console.render_lines(part, options, pad=False))

        items, title = self.first
        fixed = sum(height(p) for p in [*self.head, self.foot])
        for why in (True, False):
            nxt = Listing(title, [item_entry(it, why) for it in items], 4, "item")
            lists = [nxt, *self.lists]
            for lst in lists:
                lst.shown = len(lst.entries)
            sizes = [[height(e) for e in lst.entries] for lst in lists]

            def total(lists: list[Listing] = lists, sizes: list[list[int]] = sizes) -> int:
                used = 0
                for lst, size in zip(lists, sizes, strict=True):
                    if lst.entries:
                        used += (
                            height(section(lst.title))
                            + sum(size[: lst.shown])
                            + (lst.shown < len(lst.entries))
                        )
                return used

            if why and fixed + total() > self.limit:
                continue  # first without the reasons
            while fixed + total() > self.limit:
                # the list with the most entries beyond its floor gives one up
                spare = [lst for lst in lists if lst.shown > min(lst.floor, len(lst.entries))]
                if not spare:
                    break
                max(spare, key=lambda lst: lst.shown - lst.floor).shown -= 1
            break
        yield Group(*self.head, *(p for lst in lists for p in lst.parts()), self.foot)


def screenful(view: RoadmapView, head: list[RenderableType]) -> Screenful:
    """The default roadmap laid out for one screen."""
    first = view.phases[0] if view.phases else None
    items = [it for it in first.items if it.mode != "milestone"] if first else []
    title = (
        f"{first.title}  ({first.start_label} to {first.end_label})" if first else words.MILESTONES
    )
    later = Listing(
        f"Then, per competency (from {min(r.start_label for r in view.later)})"
        if view.later
        else "",
        [later_entry(r) for r in view.later],
        3,
        "competency",
    )
    miles = Listing(
        words.MILESTONES,
        # the short names; an eligibility is implied by the exam after it (--all lists it)
        [Entry(f"  {m.label}  ", m.short, []) for m in view.milestones if m.kind != "eligible"],
        3,
        "milestone",
    )
    seeds = Listing(
        f"{words.STAR_SEEDS} (your evidence notes)",
        [Entry("  • ", f"{s.competency}: {s.evidence}", []) for s in view.star_seeds],
        0,
        "story seed",
    )
    cut = (
        [hint(f"{view.cut_items} later items are beyond --horizon {view.horizon}.")]
        if view.cut_items
        else []
    )
    foot = hint(
        "\n`--all` lists every item; `pmopath roadmap --format markdown -o plan.md` saves the "
        "plan; `pmopath gap` shows the competency, experience and certification tables."
    )
    return Screenful(head, (items, title), [later, miles, seeds], Group(*cut, foot))
