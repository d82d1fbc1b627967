"""Commands that show the framework: roles, competencies, certifications, sources; checking an organisation's files; the JSON schemas."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pmopath.base.errors import DataError, ExitStatus, PmopathError
from pmopath.cli.clock import today
from pmopath.cli.common import (
    FormatOption,
    TextFormat,
    UsageError,
    app,
    complete_roles,
    examples,
    framework_of,
    settings_of,
    show_view,
    subject_and_basis,
)
from pmopath.render.console import emit

if TYPE_CHECKING:
    from pmopath.model.profile import Profile


@app.command(
    epilog=examples(
        "pmopath roles", "pmopath roles director", "pmopath roles pm --format markdown > pm.md"
    ),
)
def roles(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Argument(
            help="A role ID, alias or unambiguous prefix; omit for the whole ladder.",
            autocompletion=complete_roles,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = TextFormat.terminal,
) -> None:
    """Show the career ladder, or one role in depth."""
    from pmopath.views.browse import role_view, roles_view

    fw = framework_of(ctx)
    show_view(fmt, roles_view(fw) if role is None else role_view(fw, fw.role(role)))


@app.command(
    epilog=examples(
        "pmopath competencies",
        "pmopath competencies --domain strategy",
        "pmopath competencies strategic-thinking",
    ),
)
def competencies(
    ctx: typer.Context,
    competency: Annotated[
        str | None,
        typer.Argument(
            help="A competency ID or unambiguous prefix; omit for the list.", show_default=False
        ),
    ] = None,
    domain: Annotated[
        str | None,
        typer.Option("--domain", "-d", help="Only this domain (ID or prefix).", show_default=False),
    ] = None,
    fmt: FormatOption = TextFormat.terminal,
) -> None:
    """List the competency framework, or show one competency's levels and development actions."""
    from pmopath.views.browse import competencies_view, competency_view

    fw = framework_of(ctx)
    if competency is not None:
        show_view(fmt, competency_view(fw, fw.competency(competency)))
    else:
        show_view(fmt, competencies_view(fw, None if domain is None else fw.domain(domain)))


@app.command(
    epilog=examples(
        "pmopath certs",
        "pmopath certs --for pmo-manager",
        "pmopath certs pmp",
        "pmopath certs pmp --profile examples/project-manager.yaml",
        "pmopath certs --eligible",
        "pmopath certs --eligible --all",
        "pmopath certs pmo-cp",
    ),
)
def certs(
    ctx: typer.Context,
    cert: Annotated[
        str | None,
        typer.Argument(help="A certification ID, alias or unambiguous prefix.", show_default=False),
    ] = None,
    for_role: Annotated[
        str | None,
        typer.Option(
            "--for",
            help="Only certifications that suit this role.",
            autocompletion=complete_roles,
            show_default=False,
        ),
    ] = None,
    eligible: Annotated[
        bool,
        typer.Option(
            "--eligible",
            help="Every certification with your own status, soonest first.",
            show_default=False,
        ),
    ] = False,
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            "-p",
            help="Whose eligibility: a profile file; default: your latest saved assessment.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="With --eligible: also certifications no longer offered (legacy)."
        ),
    ] = False,
    fmt: FormatOption = TextFormat.terminal,
) -> None:
    """List certifications, or show one: eligibility routes, exam, fees, renewal and study effort.

    With a profile (your latest assessment, or --profile FILE), `certs ID` also shows
    your own status: route, months to go, what is missing and what was assumed.
    """

    from pmopath.views.browse import cert_view, certs_view

    fw = framework_of(ctx)
    day = today()
    if eligible:
        from pmopath.views.eligible import eligible_view

        if cert is not None or for_role is not None:
            one = f"`pmopath certs {cert}`" if cert else "`pmopath certs ID`"
            raise UsageError(
                f"--eligible lists every certification: leave out ID and --for ({one} shows"
                " one, with your own status)"
            )
        subject, basis = subject_and_basis(ctx, profile)
        from pmopath.engine.eligibility import statuses

        by_cert, hours = statuses(fw, subject, day)
        show_view(fmt, eligible_view(fw, by_cert, basis, day, hours, show_all=show_all))
    elif cert is not None:
        found = fw.certification(cert)
        mine = None
        known = known_subject(ctx, profile)
        if known is not None:
            from pmopath.engine.eligibility import statuses
            from pmopath.views.eligible import your_eligibility

            status, hours = statuses(fw, known[0], day, only=found.id)
            mine = your_eligibility(fw, status[found.id], known[1], day, hours)
        show_view(fmt, cert_view(fw, found, mine, as_of=day))
    else:
        show_view(fmt, certs_view(fw, None if for_role is None else fw.role(for_role)))


def known_subject(ctx: typer.Context, profile_path: Path | None) -> tuple[Profile, str] | None:
    """The profile to check eligibility against, if there is one.

    With --profile, a bad file is an error. The latest saved assessment is only a
    convenience here: if it cannot be read, say so and show the rules alone.
    """
    if profile_path is not None:
        return subject_and_basis(ctx, profile_path)
    from pmopath.load.store import Store
    from pmopath.render.console import message

    if not Store().ids():
        return None
    try:
        return subject_and_basis(ctx, None)
    except PmopathError as exc:
        message(f"warning: your own status is not shown: {exc}", "yellow")
        return None


def _complete_sources(incomplete: str) -> list[str]:
    try:
        from pmopath.load.framework import load_framework

        fw = load_framework()  # honours $PMOPATH_DATA like every command
    except PmopathError:
        return []
    from pmopath.model.framework import ESTIMATE

    names = [*fw.sources, ESTIMATE] if ESTIMATE not in fw.sources else list(fw.sources)
    return [n for n in names if n.lower().startswith(incomplete.lower())]


@app.command(
    epilog=examples(
        "pmopath sources",
        "pmopath sources S57",
        "pmopath sources estimate",
        "pmopath sources --format markdown > sources.md",
    ),
)
def sources(
    ctx: typer.Context,
    source: Annotated[
        str | None,
        typer.Argument(
            help="A source ID as cited (S57, S3b, estimate; any case); omit for the list.",
            autocompletion=_complete_sources,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = TextFormat.terminal,
) -> None:
    """List the sources the framework cites, or show one: title, publisher, URL, what it supports."""
    from pmopath.views.browse import source_view, sources_view

    fw = framework_of(ctx)
    show_view(fmt, sources_view(fw) if source is None else source_view(fw, fw.source_id(source)))


@app.command(
    epilog=examples(
        "pmopath validate",
        "pmopath validate ./our-framework",
        "pmopath validate ./our-framework -f json",
    ),
)
def validate(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="A framework folder (default: --data, $PMOPATH_DATA, or the built-in framework).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = TextFormat.terminal,
) -> None:
    """Check a framework folder and report every problem found, not just the first.

    Warnings (a move up the ladder that asks for less than the role below it, with no
    note saying why) are shown but do not fail. Exit code 0 when the framework is
    valid, 2 when it has problems.
    """
    from pmopath.base.errors import DataError, DataErrors
    from pmopath.load.framework import builtin_data_dir, check_framework
    from pmopath.views.browse import validation_view

    target = folder if folder is not None else settings_of(ctx).data
    warnings: list[DataError] = []
    try:
        _, problems = check_framework(target, warnings=warnings)
    except DataErrors as exc:
        problems = exc.errors
    except DataError as exc:
        problems = [exc]
    where = str(target) if target is not None else f"{builtin_data_dir()} (built-in)"
    show_view(fmt, validation_view(where, problems, warnings))
    if problems:
        raise typer.Exit(ExitStatus.DATA)


@app.command(epilog=examples("pmopath schema roles > roles.schema.json", "pmopath schema profile"))
def schema(
    what: Annotated[
        str,
        typer.Argument(
            help="roles, competencies, certifications or profile; omit for all framework files."
        ),
    ] = "all",
) -> None:
    """Print the JSON Schema of the framework files (or of a profile), for editors."""
    from pmopath.load.schemas import schema_json

    emit(schema_json(what))
