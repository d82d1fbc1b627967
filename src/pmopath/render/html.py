"""HTML reports: one self-contained page for a result a person keeps or sends (`gap`, the
comparison, `roadmap`, `show`, `progress`).

The page needs nothing from outside: its styles are inline, its charts inline SVG
(:mod:`pmopath.render.svg`), it runs no script, and a Content-Security-Policy forbids any
request (so an image someone slipped into a name could not load either). Jinja2 lays the
views out from templates shipped in the package (``render/templates``) with autoescaping
on: every value from a view is escaped where it is written; the templates hold no words
of their own (:mod:`pmopath.render.words` does). Jinja2 is imported only here, so only an
HTML report pays for it.

Only these views have an HTML layout; the command line offers ``--format html`` on their
commands alone, and any other view is refused with one line, as CSV is.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from pmopath.base.errors import RefusedError
from pmopath.base.text import capital, clean, count, percent, short_duration, whole_months
from pmopath.render import svg, words
from pmopath.render.base import Renderer
from pmopath.render.efforts import effort_words
from pmopath.render.progress_text import HEADER as PROGRESS_HEADER
from pmopath.render.progress_text import movement, point_cells

if TYPE_CHECKING:
    from jinja2 import Environment

    from pmopath.views.base import View
    from pmopath.views.profile import ProfileView
    from pmopath.views.progress import ProgressView
    from pmopath.views.results import ComparisonView, GapView
    from pmopath.views.roadmap import RoadmapView
    from pmopath.views.team import TeamView

#: The view kinds with an HTML layout, and the command that shows each.
HTML_KINDS = {
    "gap": "gap",
    "comparison": "gap",
    "roadmap": "roadmap",
    "profile": "show",
    "progress": "progress",
    "team": "team",
}

#: The heat map's key: a class per state, and a cell of each (its text says the same).
HEAT_KEY = (
    ("met", "3/3"),
    ("short", "2/3!"),
    ("short-2", "1/3!"),
    ("unrated", "?/3"),
    ("free", "2/-"),
)


def heat_class(cell: tuple[int | None, int | None, int]) -> str:
    """A heat map cell's class from its level, required level and gap (never its text)."""
    have, need, gap = cell
    if need is None:
        return "free"
    if have is None:
        return "unrated"
    return "met" if gap == 0 else ("short" if gap == 1 else "short-2")


class Head(NamedTuple):
    """The running header of a printed page: whose and what (left), the day (right)."""

    left: str
    right: str


_URL = re.compile(r"https?://[^\s<>\"'`\\]+")


def css_string(text: str) -> Any:
    """Text as a CSS string for a print margin box: every character but letters, digits
    and spaces as a hex escape, so nothing in it can end the string or the style sheet."""
    from markupsafe import Markup

    out = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):x} "
        for ch in clean(text)
    )
    return Markup(f'"{out}"')


def web_url(url: str | None) -> str | None:
    """A source's address when it is a web page (a link), else None (shown as text)."""
    return url if url and _URL.fullmatch(url) else None


def shown(value: Any) -> Any:
    """Every value a template writes, before it is escaped: data text with its control,
    bidirectional and invisible characters as visible escapes (``clean``), as the
    terminal and markdown show them; markup the templates made themselves is left alone."""
    from markupsafe import Markup

    return clean(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@cache
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("pmopath.render", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=shown,
    )
    env.filters["css_string"] = css_string
    env.globals.update(
        w=words,
        percent=percent,
        capital=capital,
        count=count,
        whole_months=whole_months,
        short_duration=short_duration,
        effort_words=effort_words,
        plan_title=words.plan_title,
        web_url=web_url,
    )
    return env


def page(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


class HtmlRenderer(Renderer):
    def render(self, view: View) -> str:
        if view.kind not in HTML_KINDS:
            offered = ", ".join(f"`{c}`" for c in dict.fromkeys(HTML_KINDS.values()))
            raise RefusedError(
                f"html output is only for {offered}, not `{view.kind}`",
                hint="use --format markdown",
            )
        method: Any = getattr(self, view.kind)
        return cast(str, method(view))

    def gap(self, view: GapView) -> str:
        target = view.role_names[view.target_role]
        who = f"{view.name} · " if view.name else ""
        return page(
            "gap.html.j2",
            view=view,
            title=f"{words.GAP_ANALYSIS}: {target}",
            head=Head(f"{who}{words.GAP_ANALYSIS}: {target}", view.as_of.isoformat()),
            levels=svg.levels(view.competencies) if view.competencies else None,
        )

    def roadmap(self, view: RoadmapView) -> str:
        target = view.role_names[view.target_role]
        who = f" for {view.name}" if view.name else ""
        title = f"{words.DEVELOPMENT_PLAN}{who}: {target}"
        charts = view.charts
        return page(
            "roadmap.html.j2",
            view=view,
            title=title,
            head=Head(title, view.as_of.isoformat()),
            timeline=svg.timeline(view) if charts else None,
            levels=svg.levels(view.competencies) if charts and view.competencies else None,
            cites={c.id: c for c in view.cited},
        )

    def comparison(self, view: ComparisonView) -> str:
        who = f" for {view.name}" if view.name else ""
        title = f"{words.TARGETS_COMPARED}{who}"
        return page(
            "comparison.html.j2",
            view=view,
            title=title,
            head=Head(title, view.as_of.isoformat()),
            ready=[
                whole_months(words.ready_when(t.ready_label, t.ready_in_months))
                for t in view.targets
            ],
            chart=svg.ready_months(view) if view.targets else None,
        )

    def profile(self, view: ProfileView) -> str:
        domains: dict[str, list[Any]] = {}
        for r in view.ratings:
            domains.setdefault(r.domain_name or words.NOT_IN_FRAMEWORK, []).append(r)
        target = f" → {view.target_role_name}" if view.target_role_name else ""
        return page(
            "profile.html.j2",
            view=view,
            title=view.title,
            head=Head(f"{view.title} · {view.current_role_name}{target}", view.assessed_at or ""),
            domains=domains,
            certifications=", ".join(
                words.held_cert(c.name, c.year, c.renewed, c.lapsed) for c in view.certifications
            ),
        )

    def progress(self, view: ProgressView) -> str:
        title = f"{words.PROGRESS_TITLE}: {view.target_role_name}"
        return page(
            "progress.html.j2",
            view=view,
            title=title,
            head=Head(title, view.points[-1].day),
            movement=movement(view),
            # the day and the target named under the ID, so the figures fit a phone
            header=(
                f"{PROGRESS_HEADER[0]}: {PROGRESS_HEADER[1]} · {PROGRESS_HEADER[2]}".capitalize(),
                PROGRESS_HEADER[3],
                " · ".join(words.PROGRESS_MET_SHORT),
                PROGRESS_HEADER[-1],
            ),
            rows=[point_cells(p) for p in view.points],
            trend=svg.trend(view),
        )

    def team(self, view: TeamView) -> str:
        from pmopath.render import team_text

        title = f"{team_text.TITLE}: {team_text.target_line(view)}"
        heat = [(d, [r for r in view.heat_map if r.domain == d.id]) for d in view.coverage]
        return page(
            "team.html.j2",
            view=view,
            title=title,
            head=Head(title, view.day),
            tt=team_text,
            shared=team_text.shared_names(view),
            heat=heat,
            heat_key=HEAT_KEY,
            heat_class=heat_class,
        )
