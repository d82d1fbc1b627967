"""`pmopath diff` at a terminal: a mixin of :class:`~pmopath.render.terminal.TerminalRenderer`
(kept apart so that module stays within the size limit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pmopath.base.text import clean, duration
from pmopath.render import words
from pmopath.render.rich_text import bullets, hanging, heading, hint, lit, section

if TYPE_CHECKING:
    from pmopath.views.diff import DiffView, Side


def _side(s: Side) -> str:
    return " ".join(x for x in (s.id, f"({s.assessed_at})" if s.assessed_at else "") if x)


class TerminalDiff:
    """The terminal's layout of a :class:`DiffView`."""

    def diff(self, view: DiffView) -> RenderableType:
        a, b = view.a, view.b
        parts: list[RenderableType] = [heading(words.DIFF_TITLE, f"{_side(a)} → {_side(b)}")]
        parts.append(lit(f"{a.current_role_name} → {b.current_role_name}"))
        if view.target_changed and view.target_role_name:
            parts.append(lit(words.targets_differ(a.target_role_name, view.target_role_name)))
        if view.target_role_name:
            parts.append(section(f"{words.DIFF_READINESS}: {clean(view.target_role_name)}"))
            ready = words.diff_readiness(a.readiness, b.readiness, view.readiness_change)
            month = words.diff_ready(
                a.ready_month, a.ready_now, b.ready_month, b.ready_now, view.ready_change_months
            )
            parts.append(hanging(f"  {words.DIFF_READINESS:<14}", Text(ready)))
            parts.append(hanging(f"  {words.DIFF_READY_MONTH:<14}", Text(month)))
        lines = [
            (r.name, words.diff_level(r.before), words.diff_level(r.after))
            for r in view.ratings_changed
        ]
        parts += self._block(words.DIFF_RATINGS, lines)
        lines = [
            (e.label, duration(e.before_months), duration(e.after_months)) for e in view.experience
        ]
        parts += self._block(words.EXPERIENCE, lines)
        parts.append(section(words.CERTIFICATIONS))
        changed = [f"{c.name}: {words.CERT_CHANGE[c.change]}" for c in view.certifications]
        parts.append(bullets(changed) if changed else Text("  " + words.DIFF_NO_CHANGE))
        if view.target_role_name:
            parts.append(section(words.DIFF_ITEMS))
            if not view.items:
                parts.append(Text("  " + words.DIFF_NOTHING_DONE))
            for item in view.items:
                style = "green" if item.status == "done" else "dim"
                line = lit(f"{item.title}", style).append(f"  {words.ITEM_STATUS[item.status]}")
                parts.append(hanging(f"  {item.rank:>3}. ", line))
            parts.append(hint("  " + words.still_planned(view.still_planned)))
        return Group(*parts)

    @staticmethod
    def _block(title: str, lines: list[tuple[str, str, str]]) -> list[RenderableType]:
        if not lines:
            return [section(title), Text("  " + words.DIFF_NO_CHANGE)]
        table = Table(box=None, padding=(0, 1), pad_edge=False)
        table.add_column("")
        table.add_column(words.DIFF_THEN, no_wrap=True)
        table.add_column(words.DIFF_NOW, no_wrap=True)
        for name, then, now in lines:
            table.add_row(lit(name), then, now)
        return [section(title), Padding(table, (0, 0, 0, 2))]
