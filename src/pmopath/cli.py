"""The command line. Each command parses options and runs one pipeline.

Heavy modules (pydantic models, YAML, questionary) are imported inside the
commands, so ``pmopath --help`` and shell completion stay fast.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pmopath import __version__
from pmopath.console import emit, error_line
from pmopath.errors import EXIT_DATA, PmopathError
from pmopath.render import Format


class _Group(TyperGroup):
    """Catches pmopath's errors once: one line on stderr, the error's exit code."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except PmopathError as exc:
            error_line(str(exc))
            ctx.exit(exc.exit_code)
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # a bug: still one line unless debugging
            if os.environ.get("PMOPATH_DEBUG"):
                raise
            error_line(
                f"internal error: {type(exc).__name__}: {exc} "
                "(please report it; set PMOPATH_DEBUG=1 to see the traceback)"
            )
            ctx.exit(1)


app = typer.Typer(
    cls=_Group,
    name="pmopath",
    help=(
        "Self-assessment and development roadmaps for the PMO career ladder: from project "
        "coordinator to PMO director and chief project officer."
    ),
    epilog=(
        "Examples:  pmopath roles · pmopath roles director · pmopath competencies strategic-thinking · "
        "pmopath certs --for pmo-manager · pmopath certs pmp · pmopath validate ./my-framework"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


@dataclass(frozen=True)
class Settings:
    data: Path | None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pmopath {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="PMOPATH_DATA",
            help="Folder with your organisation's framework files; each file found replaces the built-in one.",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(data=data)


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings(data=None)


def _framework(ctx: typer.Context) -> Any:
    from pmopath.framework import load_framework

    return load_framework(_settings(ctx).data)


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]


def _complete_roles(incomplete: str) -> list[str]:
    try:
        from pmopath.framework import load_framework

        fw = load_framework(
            Path(os.environ["PMOPATH_DATA"]) if os.environ.get("PMOPATH_DATA") else None
        )
    except PmopathError:
        return []
    names = [r.id for r in fw.roles] + [a for r in fw.roles for a in r.aliases]
    return sorted(n for n in names if n.startswith(incomplete))


@app.command(
    epilog="Examples:  pmopath roles · pmopath roles director · pmopath roles pm --format markdown > pm.md",
)
def roles(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Argument(
            help="A role ID, alias or unambiguous prefix; omit for the whole ladder.",
            autocompletion=_complete_roles,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.terminal,
) -> None:
    """Show the career ladder, or one role in depth."""
    from pmopath.render import renderer_for

    fw = _framework(ctx)
    out = renderer_for(fmt)
    emit(out.roles(fw) if role is None else out.role(fw, fw.role(role)))


@app.command(
    epilog=(
        "Examples:  pmopath competencies · pmopath competencies --domain strategy · "
        "pmopath competencies strategic-thinking"
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
    fmt: FormatOption = Format.terminal,
) -> None:
    """List the competency framework, or show one competency's levels and development actions."""
    from pmopath.render import renderer_for

    fw = _framework(ctx)
    out = renderer_for(fmt)
    if competency is not None:
        emit(out.competency(fw, fw.competency(competency)))
    else:
        emit(out.competencies(fw, None if domain is None else fw.domain(domain)))


@app.command(
    epilog="Examples:  pmopath certs · pmopath certs --for pmo-manager · pmopath certs pmp · pmopath certs pmo-cp",
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
            autocompletion=_complete_roles,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.terminal,
) -> None:
    """List certifications, or show one: eligibility routes, exam, fees, renewal and study effort."""
    from pmopath.render import renderer_for
    from pmopath.render.text import certs_for_role

    fw = _framework(ctx)
    out = renderer_for(fmt)
    if cert is not None:
        emit(out.cert(fw, fw.certification(cert)))
        return
    role = None if for_role is None else fw.role(for_role)
    listed = list(fw.certifications) if role is None else certs_for_role(fw, role)
    emit(out.certs(fw, listed, role))


@app.command(
    epilog="Examples:  pmopath validate · pmopath validate ./our-framework · pmopath validate ./our-framework -f json",
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
    fmt: FormatOption = Format.terminal,
) -> None:
    """Check a framework folder and report every problem found, not just the first.

    Exit code 0 when the framework is valid, 2 when it has problems.
    """
    from pmopath.errors import DataError, DataErrors
    from pmopath.framework import builtin_data_dir, check_framework
    from pmopath.render import renderer_for

    target = folder if folder is not None else _settings(ctx).data
    try:
        _, problems = check_framework(target)
    except DataErrors as exc:
        problems = exc.errors
    except DataError as exc:
        problems = [exc]
    where = str(target) if target is not None else f"{builtin_data_dir()} (built-in)"
    emit(renderer_for(fmt).validation(where, problems))
    if problems:
        raise typer.Exit(EXIT_DATA)


@app.command(epilog="Examples:  pmopath schema roles > roles.schema.json · pmopath schema profile")
def schema(
    what: Annotated[
        str,
        typer.Argument(
            help="roles, competencies, certifications or profile; omit for all framework files."
        ),
    ] = "all",
) -> None:
    """Print the JSON Schema of the framework files (or of a profile), for editors."""
    from pmopath.schemas import schema_json

    emit(schema_json(what))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="pmopath")
