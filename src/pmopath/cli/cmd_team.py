"""`pmopath team`: a team's profile files side by side, for PMO leaders (issue 23)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from pmopath.base.errors import ExitStatus
from pmopath.cli.clock import today
from pmopath.cli.common import (
    app,
    complete_roles,
    examples,
    framework_of,
    note_input,
    write_output,
)
from pmopath.render import Format

TeamFormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output format (csv: one row per person, rater and competency; html: one "
        "self-contained page with the heat map in colour).",
        case_sensitive=False,
    ),
]


@app.command(
    epilog=examples(
        "pmopath team examples/team",
        "pmopath team team/ --target pmo-manager",
        "pmopath team team/ --format markdown -o team.md",
        "pmopath team team/*.yaml --format csv -o team.csv",
    )
)
def team(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Profile files, or folders searched for *.yaml and *.yml files.",
            metavar="PATH",
            show_default=False,
        ),
    ],
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            "-t",
            help="Compare everyone with this role (ID, alias or prefix); default: each person's own target.",
            autocompletion=complete_roles,
            show_default=False,
        ),
    ] = None,
    fmt: TeamFormatOption = Format.terminal,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (refuses to overwrite without --force).",
            readable=False,
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
) -> None:
    """A team's profiles side by side: a heat map of levels against the requirement,
    coverage per domain, the largest collective gaps, bench strength and calibration.

    A file that cannot be read is named with its reason and skipped; the exit status is
    then 5 (the output is still complete for the files read).
    """
    import gc

    from pmopath.render import renderer_for
    from pmopath.render.console import as_text, emit
    from pmopath.views.team import Inputs, team_view

    # Thousands of profiles are thousands of small, long-lived objects: collecting the
    # young generation every 700 allocations re-scans them for nothing (about a tenth of
    # the time at 10,000 files; the process ends with the command).
    gc.set_threshold(50_000, 20, 20)
    fw = framework_of(ctx)
    role = None if target is None else fw.role(target).id
    day = today()
    figures, read, skipped = _figures(ctx, fw, paths, role, day)
    view = team_view(fw, figures, Inputs(read, skipped), day)
    rendered = renderer_for(Format(fmt.value)).render(view)
    if output is None:
        emit(rendered)
    else:
        write_output(ctx, as_text(rendered), output, force=force)
    if skipped:
        raise typer.Exit(ExitStatus.PARTIAL)


def _figures(
    ctx: typer.Context, fw: Any, paths: list[Path], role: str | None, day: Any
) -> tuple[Any, int, list[Any]]:
    """The team's figures, how many files were read, and those skipped (each warned of)."""
    from pmopath.base.errors import NotFoundError
    from pmopath.base.text import count
    from pmopath.cli.team_read import team_facts, with_bench
    from pmopath.engine.team import team_of
    from pmopath.load.team import team_files
    from pmopath.render.console import message

    files, skipped = team_files(paths)
    for path, _ in files:
        note_input(ctx, path)
    facts, unread = team_facts(files, fw, role, day)
    skipped += unread
    for skip in skipped:
        message(f"warning: skipped {skip.path}: {skip.reason}", "yellow")
    if not facts:
        raise NotFoundError(
            f"no profile could be read: {count(len(skipped), 'file')} skipped",
            hint="the warnings above say why",
        )
    real_of = {str(path): real for path, real in files}
    figures, _ = with_bench(team_of(fw, facts, role), fw, real_of, day)
    return figures, len(facts), skipped
