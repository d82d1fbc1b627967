"""`pmopath progress` as markdown: a mixin of
:class:`~pmopath.render.markdown.MarkdownRenderer` (kept apart for the size limit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmopath.render import words
from pmopath.render.markdown_text import doc, md, table
from pmopath.render.progress_text import HEADER, movement, point_cells

if TYPE_CHECKING:
    from pmopath.views.progress import ProgressView


class MarkdownProgress:
    """The markdown layout of a :class:`ProgressView`."""

    def progress(self, view: ProgressView) -> str:
        lines = [f"# {words.PROGRESS_TITLE}: {md(view.target_role_name)}", ""]
        lines += [movement(view), "", f"## {words.PROGRESS_ASSESSMENTS}", ""]
        rows = [tuple(md(c) for c in point_cells(p)) for p in view.points]
        lines += table(HEADER, "lllrrrrl", rows)
        lines += ["", f"## {words.PROGRESS_TREND}", ""]
        trends = [
            (
                md(c.name),
                "-" if c.required is None else str(c.required),
                words.sparkline(c.levels),
                words.level_trend(c.levels),
            )
            for c in view.competencies
        ]
        header = (
            "Competency",
            words.PROGRESS_REQUIRED,
            words.PROGRESS_SPARK,
            words.PROGRESS_FIRST_LAST,
        )
        lines += table(header, "lrll", trends)
        return doc(lines)
