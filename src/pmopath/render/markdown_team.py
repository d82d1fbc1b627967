"""`pmopath team` as markdown: a mixin of
:class:`~pmopath.render.markdown.MarkdownRenderer` (kept apart for the size limit).

The heat map is a matrix, which a three-column table cannot hold; it is one table per
domain instead, people as rows and that domain's competencies (five or so, by short code,
named in a key under the table) as columns, so each table stays narrow enough for a phone
and a person reads across their own row. Cells are text ("2/3!"), never colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmopath.render import team_text as tt
from pmopath.render.markdown_text import doc, md, table

if TYPE_CHECKING:
    from pmopath.views.team import TeamView


class MarkdownTeam:
    """The markdown layout of a :class:`TeamView`."""

    def team(self, view: TeamView) -> str:
        lines = [f"# {tt.TITLE}: {md(tt.target_line(view))}", "", md(tt.files_line(view)), ""]
        lines += [f"## {tt.PEOPLE}", "", md(tt.roles_line(view)), ""]
        if view.each_person_shown:
            shared = tt.shared_names(view)
            rows = [tuple(md(c) for c in tt.person_cells_narrow(p, shared)) for p in view.people]
            lines += table(tt.PEOPLE_HEAD_HTML, "rlrl", rows)
            lines += ["", md(tt.MET_KEY), ""]
            also = [tt.also_line(p) for p in view.people if p.other_ratings]
            if also:
                lines += [md(tt.ALSO_RATED), "", *(f"- {md(a)}" for a in also), ""]
        else:
            lines += [md(tt.TOO_MANY), ""]
        lines += self._md_heat(view)
        lines += [f"## {tt.COVERAGE}", ""]
        for d in view.coverage:
            lines += [f"**{md(tt.domain_line(d.name, d.people_meeting, d.people_required))}**", ""]
            cells = [
                (md(f"{c.code} {c.name}"), tt.coverage_line(c.met, c.required_of, c.unrated))
                for c in d.competencies
            ]
            lines += [*table(("Competency", "People"), "ll", cells), ""]
        lines += self._md_priorities(view)
        lines += self._md_bench(view)
        lines += self._md_calibration(view)
        if view.rated_only:
            lines += [f"## {tt.RATED_ONLY}", ""]
            lines += [f"- {md(tt.rated_only_line(r))}" for r in view.rated_only] + [""]
        if view.skipped:
            lines += [f"## {tt.SKIPPED}", ""]
            shown = view.skipped[: tt.SKIPPED_SHOWN]
            lines += [f"- {md(s.path)}: {md(s.reason)}" for s in shown]
            more = tt.skipped_more(view)
            lines += [f"- {more}" if more else "", ""]
        return doc(lines)

    def _md_heat(self, view: TeamView) -> list[str]:
        lines = [f"## {tt.HEAT_MAP}", ""]
        if not view.each_person_shown:
            return [*lines, md(tt.TOO_MANY), ""]
        lines += [md(tt.CELL_KEY), ""]
        for d in view.coverage:
            rows = [r for r in view.heat_map if r.domain == d.id]
            header = ("Person", *(r.code for r in rows))
            body = [
                (md(f"{p.number} {p.name}"), *(md(tt.cell(r.at(i))) for r in rows))
                for i, p in enumerate(view.people)
            ]
            lines += [f"### {md(d.name)}", ""]
            lines += table(header, "l" + "r" * len(rows), body)
            lines += ["", "; ".join(md(f"{r.code} {r.name}") for r in rows), ""]
        return lines

    def _md_priorities(self, view: TeamView) -> list[str]:
        lines = [f"## {tt.PRIORITIES}", ""]
        if not view.priorities:
            return [*lines, tt.NO_GAPS, ""]
        for n, p in enumerate(view.priorities, 1):
            lines += [md(tt.priority_line(n, p)), ""]
            lines += [f"   - {md(tt.action_line(a))}" for a in p.actions] + [""]
        return lines

    def _md_bench(self, view: TeamView) -> list[str]:
        lines = [f"## {tt.BENCH}", ""]
        if not view.bench:
            return [*lines, tt.NO_BENCH, ""]
        for b in view.bench:
            lines += [f"### {md(tt.bench_line(b))}", ""]
            rows = [tuple(md(x) for x in tt.candidate_cells_narrow(c)) for c in b.candidates]
            lines += table(tt.BENCH_HEAD_NARROW, "lll", rows)
            lines += ["", md(tt.within_line(b)), ""]
            lines += [f"- {md(line)}" for line in tt.no_ready_lines(b)] + [""]
        return lines

    def _md_calibration(self, view: TeamView) -> list[str]:
        lines = [f"## {tt.CALIBRATION}", "", tt.CALIBRATION_RULE, ""]
        if view.calibration_flags:
            shown = view.calibration_flags[: tt.FLAGS_SHOWN]
            rows = [tuple(md(x) for x in tt.flag_cells_narrow(f)) for f in shown]
            lines += [*table(tt.FLAG_HEAD_NARROW, "llr", rows), ""]
            if more := tt.flags_more(view):
                lines += [md(more), ""]
        else:
            lines += [tt.NO_FLAGS, ""]
        if not view.calibration_averages:
            return [*lines, tt.NO_PAIRS, ""]
        rows = [(md(a.name), str(a.pairs), tt.signed(a.mean)) for a in view.calibration_averages]
        return [*lines, tt.AVERAGES, "", *table(tt.AVERAGE_HEAD, "lrr", rows), ""]
