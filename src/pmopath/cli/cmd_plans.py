"""Commands that score and plan: the gap to a target role and the dated roadmap."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pmopath.cli.common import (
    AsOfOption,
    ExplainOption,
    FormatOption,
    HoursOption,
    ProfileOption,
    TargetOption,
    TextFormat,
    app,
    complete_roles,
    examples,
    framework_and_profile,
    parse_as_of,
    show_view,
    write_output,
)
from pmopath.render.console import as_text, emit


@app.command(
    epilog=examples(
        "pmopath gap",
        "pmopath gap --target director --explain",
        "pmopath gap --target director --target pmo-manager --target portfolio-manager",
        "pmopath gap --profile examples/project-manager.yaml --format json",
    ),
)
def gap(
    ctx: typer.Context,
    target: Annotated[
        list[str] | None,
        typer.Option(
            "--target",
            "-t",
            help="Target role (ID, alias or prefix); default: the profile's target. "
            "Repeat it to compare several targets side by side.",
            autocompletion=complete_roles,
            show_default=False,
        ),
    ] = None,
    profile: ProfileOption = None,
    hours_per_week: HoursOption = None,
    explain: ExplainOption = False,
    fmt: FormatOption = TextFormat.terminal,
    as_of: AsOfOption = None,
) -> None:
    """Score your gaps against a target role: readiness, competencies, experience, certifications.

    With several --target options, the targets are compared side by side: competency
    readiness, experience and certifications met, and the month you would be ready.
    """
    from pmopath.engine.summary import summarise
    from pmopath.views.results import comparison_view, gap_view

    fw, subject = framework_and_profile(ctx, profile)
    targets: list[str | None] = [*dict.fromkeys(target or [])] or [None]
    start = parse_as_of(as_of)
    done = [summarise(subject, fw, t, hours_per_week=hours_per_week, as_of=start) for t in targets]
    if len(done) > 1:
        hpw = done[0][0].hours_per_week
        view = comparison_view(fw, subject, [s for _, s in done], hpw, start)
        show_view(fmt, view)
        return
    (result, summary) = done[0]
    show_view(fmt, gap_view(fw, result, summary, explain))


@app.command(
    epilog=examples(
        "pmopath roadmap",
        "pmopath roadmap --target director",
        "pmopath roadmap --format markdown -o plan.md",
        "pmopath roadmap --horizon 12 --hours-per-week 6",
        "pmopath roadmap --all --explain",
        "pmopath roadmap --format markdown --no-charts -o plan.md   # for MkDocs, Word",
    ),
)
def roadmap(
    ctx: typer.Context,
    target: TargetOption = None,
    profile: ProfileOption = None,
    hours_per_week: HoursOption = None,
    horizon: Annotated[
        int | None,
        typer.Option(
            "--horizon",
            min=1,
            max=600,
            help="Only the first N months of the plan.",
            show_default=False,
        ),
    ] = None,
    explain: ExplainOption = False,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="In the terminal, every item in full (later phases are summarised otherwise).",
        ),
    ] = False,
    no_charts: Annotated[
        bool,
        typer.Option(
            "--no-charts",
            help="Markdown: leave out the Mermaid timeline (for viewers without Mermaid 10.3+).",
        ),
    ] = False,
    fmt: FormatOption = TextFormat.terminal,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (refuses to overwrite without --force).",
            readable=False,  # a folder or an empty name is refused with its own message
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overwrite --output if it exists (keeping its permissions), or create its missing folder.",
        ),
    ] = False,
    as_of: AsOfOption = None,
) -> None:
    """A prioritised, dated development plan toward a target role, phase by phase.

    The terminal shows one screen: the summary, the next 90 days, later work one line per
    competency and the milestones (--all for every item in full). Markdown and JSON
    always hold every item.
    """
    from pmopath.engine.summary import summarise
    from pmopath.render import Format, renderer_for
    from pmopath.views.roadmap import roadmap_view

    start = parse_as_of(as_of)
    fw, subject = framework_and_profile(ctx, profile)
    result, summary = summarise(
        subject, fw, target, hours_per_week=hours_per_week, as_of=start, horizon=horizon
    )
    view = roadmap_view(fw, result, summary, explain, show_all=show_all, charts=not no_charts)
    rendered = renderer_for(Format(fmt.value)).render(view)
    if output is None:
        emit(rendered)
        return
    write_output(ctx, as_text(rendered), output, force=force)
