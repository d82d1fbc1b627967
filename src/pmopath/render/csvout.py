"""CSV for spreadsheets and BI tools, in long form: only `pmopath progress` and `pmopath
team` have a CSV layout (README, "CSV output"); any other view is refused with one line.

Text from colleagues' files (names, IDs) is untrusted: a cell that a spreadsheet would read
as a formula (starting with = + - @, a tab or a carriage return) is written with a leading
apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from pmopath.base.errors import RefusedError
from pmopath.render.base import Renderer

if TYPE_CHECKING:
    from pmopath.views.base import View
    from pmopath.views.progress import ProgressView
    from pmopath.views.team import TeamView

#: One row per assessment and measure: a competency's level against its required level,
#: readiness, the ready month, and each kind of requirement met of those required.
HEADER = ("assessment_id", "date", "measure", "id", "value", "required")


class CsvRenderer(Renderer):
    def render(self, view: View) -> str:
        if view.kind == "team":
            return self.team(cast("TeamView", view))
        if view.kind != "progress":
            raise RefusedError(
                f"csv output is only for `pmopath progress` and `pmopath team`, not `{view.kind}`",
                hint="use --format json",
            )
        return self.progress(cast("ProgressView", view))

    def team(self, view: TeamView) -> str:
        return team_csv(view)

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


#: `pmopath team`: one row per person, rater and competency of the heat map. ``required``
#: and ``gap`` are against the compared target (empty: not required, or not scored).
TEAM_HEADER = (
    "person",
    "person_id",
    "current_role",
    "target_role",
    "rater",
    "rated_by",
    "competency",
    "domain",
    "level",
    "required",
    "gap",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: object) -> object:
    """A cell a spreadsheet will not run: text that would be a formula gets a leading '
    (numbers and None, written as numbers and empty cells, cannot be one)."""
    if type(value) is str and value.startswith(_FORMULA):
        return "'" + value
    return value


def _team_rows(view: TeamView) -> Iterator[tuple[object, ...]]:
    """Row by row (a team of 10,000 is 200,000 rows or more: never all at once)."""
    for i, p in enumerate(view.people):
        who = (p.name, p.person_id, p.current_role, p.target_role)
        for row in view.heat_map:
            have, need, gap = row.at(i)
            shown = "" if need is None or have is None else gap
            yield (*who, "self", "", row.id, row.domain, have, need, shown)
            for o in p.other_ratings:
                level = o.levels.get(row.id)
                ogap = "" if need is None or level is None else max(0, need - level)
                yield (*who, o.rater, o.rated_by, row.id, row.domain, level, need, ogap)
    domains = {r.id: r.domain for r in view.heat_map}
    for r in view.rated_only:
        for cid, level in r.levels.items():
            where = domains.get(cid, "")
            yield (r.name, r.person_id, "", "", r.rater, r.rated_by, cid, where, level, "", "")


def team_csv(view: TeamView) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TEAM_HEADER)
    for row in _team_rows(view):
        writer.writerow([neutral(v) for v in row])
    return out.getvalue()
