"""`pmopath diff` as markdown: a mixin of :class:`~pmopath.render.markdown.MarkdownRenderer`
(kept apart so that module stays within the size limit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmopath.base.text import duration
from pmopath.render import words
from pmopath.render.markdown_text import doc, md, table

if TYPE_CHECKING:
    from pmopath.views.diff import DiffView, Side


class MarkdownDiff:
    """The markdown layout of a :class:`DiffView`."""

    def diff(self, view: DiffView) -> str:
        def side(s: Side) -> str:
            return f"`{s.id}`" + (f" ({s.assessed_at})" if s.assessed_at else "")

        a, b = view.a, view.b
        lines = [f"# {words.DIFF_TITLE}", "", f"{side(a)} → {side(b)}", ""]
        lines += [f"{md(a.current_role_name)} → {md(b.current_role_name)}", ""]
        if view.target_changed and view.target_role_name:
            before = None if a.target_role_name is None else md(a.target_role_name)
            lines += [words.targets_differ(before, md(view.target_role_name)), ""]
        if view.target_role_name:
            lines += [f"## {words.DIFF_READINESS}: {md(view.target_role_name)}", ""]
            ready = words.diff_readiness(a.readiness, b.readiness, view.readiness_change)
            month = words.diff_ready(
                a.ready_month, a.ready_now, b.ready_month, b.ready_now, view.ready_change_months
            )
            lines += [f"- {words.DIFF_READINESS}: {ready}"]
            lines += [f"- {words.DIFF_READY_MONTH}: {month}", ""]

        def block(title: str, rows: list[tuple[str, str, str]], head: str) -> list[str]:
            if not rows:
                return [f"## {title}", "", words.DIFF_NO_CHANGE, ""]
            header = (head, words.DIFF_THEN, words.DIFF_NOW)
            return [f"## {title}", "", *table(header, "lll", rows), ""]

        rows = [
            (md(r.name), words.diff_level(r.before), words.diff_level(r.after))
            for r in view.ratings_changed
        ]
        lines += block(words.DIFF_RATINGS, rows, "Competency")
        rows = [
            (md(e.label), duration(e.before_months), duration(e.after_months))
            for e in view.experience
        ]
        lines += block(words.EXPERIENCE, rows, "Kind")
        lines += [f"## {words.CERTIFICATIONS}", ""]
        lines += [f"- {md(c.name)}: {words.CERT_CHANGE[c.change]}" for c in view.certifications]
        lines += [] if view.certifications else [words.DIFF_NO_CHANGE]
        if view.target_role_name:
            lines += ["", f"## {words.DIFF_ITEMS}", ""]
            items = [(str(i.rank), md(i.title), words.ITEM_STATUS[i.status]) for i in view.items]
            lines += table(("#", "Item", words.DIFF_NOW), "rll", items) if items else []
            lines += [] if items else [words.DIFF_NOTHING_DONE]
            lines += ["", words.still_planned(view.still_planned)]
        return doc(lines)
