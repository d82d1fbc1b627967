"""CSV for spreadsheets, in long form: only `pmopath progress` has a CSV layout (README,
"CSV output"); any other view is refused with one line."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, cast

from pmopath.base.errors import RefusedError
from pmopath.render.base import Renderer

if TYPE_CHECKING:
    from pmopath.views.base import View
    from pmopath.views.progress import ProgressView

#: One row per assessment and measure: a competency's level against its required level,
#: readiness, the ready month, and each kind of requirement met of those required.
HEADER = ("assessment_id", "date", "measure", "id", "value", "required")


class CsvRenderer(Renderer):
    def render(self, view: View) -> str:
        if view.kind != "progress":
            raise RefusedError(
                f"csv output is only for `pmopath progress`, not `{view.kind}`",
                hint="use --format json",
            )
        return self.progress(cast("ProgressView", view))

    def progress(self, view: ProgressView) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        for n, p in enumerate(view.points):
            rows: list[tuple[str, str, object, object]] = [
                ("readiness", view.compared_role, p.readiness, ""),
                ("ready_month", view.compared_role, "now" if p.ready_now else p.ready_month, ""),
                ("competencies_met", view.compared_role, p.competencies_met, p.competencies_total),
                ("experience_met", view.compared_role, p.experience_met, p.experience_total),
                (
                    "certifications_held",
                    view.compared_role,
                    p.certifications_held,
                    p.certifications_recommended,
                ),
            ]
            rows += [
                ("competency", c.id, c.levels[n], "" if c.required is None else c.required)
                for c in view.competencies
            ]
            for measure, ident, value, required in rows:
                value = "" if value is None else value
                writer.writerow((p.id, p.day, measure, ident, value, required))
        return out.getvalue()
