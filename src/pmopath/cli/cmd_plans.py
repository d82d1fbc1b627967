"""Commands that score and plan: the gap to a target role and the dated roadmap."""

from __future__ import annotations

from typing import Annotated

import typer

from pmopath.cli.common import (
    AsOfOption,
    ExplainOption,
    ForceOption,
    HoursOption,
    OutputOption,
    ProfileOption,
    ReportFormat,
    ReportFormatOption,
    TargetOption,
    app,
    complete_roles,
    deliver,
    examples,
    framework_and_profile,
    parse_as_of,
)


@app.command(
    epilog=examples(
        "pmopath gap",
        "pmopath gap --target director --explain",
        "pmopath gap --target director --target pmo-manager --target portfolio-manager",
        "pmopath gap --profile examples/project-manager.yaml --format json",
        "pmopath gap -t director -t pmo-manager --format html -o targets.html",
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
    fmt: ReportFormatOption = ReportFormat.terminal,
    output: OutputOption = None,
    force: ForceOption = False,
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
        deliver(ctx, fmt, view, output, force=force)
        return
    (result, summary) = done[0]
    deliver(ctx, fmt, gap_view(fw, result, summary, explain), output, force=force)


@app.command(
    epilog=examples(
        "pmopath roadmap",
        "pmopath roadmap --target director",
        "pmopath roadmap --format markdown -o plan.md",
        "pmopath roadmap --horizon 12 --hours-per-week 6",
        "pmopath roadmap --all --explain",
        "pmopath roadmap --format markdown --no-charts -o plan.md   # for MkDocs, Word",
        "pmopath roadmap --format html -o plan.html   # to open, print to PDF or send",
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
            help="Leave out the charts: markdown's Mermaid timeline (for viewers without "
            "Mermaid 10.3+), html's SVG charts (their tables stay).",
        ),
    ] = False,
    fmt: ReportFormatOption = ReportFormat.terminal,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
) -> None:
    """A prioritised, dated development plan toward a target role, phase by phase.

    The terminal shows one screen: the summary, the next 90 days, later work one line per
    competency and the milestones (--all for every item in full). Markdown and JSON
    always hold every item, and so does html (one self-contained page with a timeline and
    a level chart, that prints on A4 or Letter).
    """
    from pmopath.engine.summary import summarise
    from pmopath.views.roadmap import roadmap_view

    start = parse_as_of(as_of)
    fw, subject = framework_and_profile(ctx, profile)
    result, summary = summarise(
        subject, fw, target, hours_per_week=hours_per_week, as_of=start, horizon=horizon
    )
    view = roadmap_view(fw, result, summary, explain, show_all=show_all, charts=not no_charts)
    deliver(ctx, fmt, view, output, force=force)
