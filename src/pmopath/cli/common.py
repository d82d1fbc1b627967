"""What every command shares: the Typer app, its error handling, common options and the
steps most commands take (the framework, the profile to score, the output).

Heavy modules (pydantic models, YAML, questionary) are imported inside functions, so
``pmopath --help`` and shell completion stay fast.
"""

import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn

import typer
from typer.core import TyperGroup

from pmopath import __version__
from pmopath.base.errors import (
    DataError,
    EnvironmentProblem,
    ExitStatus,
    PmopathError,
    RefusedError,
)
from pmopath.base.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from pmopath.cli.clock import today
from pmopath.render import Format
from pmopath.render.console import as_text, emit, error_line, silence_stdout

# Click's UsageError: every mistake on the command line (an unknown option, a bad value).
# Typer keeps Click in a private module and exports only BadParameter, one of its
# subclasses; the class is reached through that public name (tests/test_exit_status.py) and
# typed as that subclass, whose exit_code is the attribute used here.
UsageError: type[typer.BadParameter] = typer.BadParameter.__mro__[1]

if TYPE_CHECKING:
    from pmopath.load.store import Store
    from pmopath.model.catalog import Framework
    from pmopath.model.profile import Profile
    from pmopath.views.base import View


class _Group(TyperGroup):
    """Catches errors once: one line on stderr and the :class:`ExitStatus` that names the cause."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:  # e.g. `pmopath --bogus`
            exc.exit_code = ExitStatus.USAGE
            raise

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except PmopathError as exc:
            error_line(str(exc))
            ctx.exit(exc.exit_code)
        except UsageError as exc:  # a bad option or value: the command line, not the data
            exc.exit_code = ExitStatus.USAGE
            raise
        except BrokenPipeError:  # `pmopath roadmap | head`: the reader has all it wanted
            silence_stdout()
            ctx.exit(ExitStatus.BROKEN_PIPE)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except OSError as exc:
            problem = EnvironmentProblem.from_os_error(exc)
            if problem is None:
                _internal_error(ctx, exc)
            error_line(str(problem))
            ctx.exit(problem.exit_code)
        except Exception as exc:  # a bug: still one line unless debugging
            _internal_error(ctx, exc)


def _internal_error(ctx: typer.Context, exc: Exception) -> NoReturn:
    if os.environ.get("PMOPATH_DEBUG"):
        raise exc
    error_line(
        f"internal error: {type(exc).__name__}: {exc} "
        "(please report it; set PMOPATH_DEBUG=1 to see the traceback)"
    )
    ctx.exit(ExitStatus.INTERNAL)


def examples(*commands: str) -> str:
    """An epilog of examples, one a line (``\\b`` keeps Click from re-wrapping it)."""
    return "\b\nExamples:\n" + "\n".join(f"  {c}" for c in commands)


app = typer.Typer(
    cls=_Group,
    name="pmopath",
    help=(
        "Self-assessment and development roadmaps for the PMO career ladder: from project "
        "coordinator to PMO director and chief project officer."
    ),
    epilog=examples(
        "pmopath assess",
        "pmopath roadmap --target director",
        "pmopath roadmap --format markdown -o plan.md",
        "pmopath roles director",
        "pmopath certs pmp",
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


class Settings(NamedTuple):
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


def settings_of(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings(data=None)


def framework_of(ctx: typer.Context) -> "Framework":
    """The framework, loaded once per command however many steps ask for it."""
    from pmopath.load.framework import load_framework

    meta = ctx.find_root().meta
    if "pmopath.load.framework" not in meta:
        meta["pmopath.load.framework"] = load_framework(settings_of(ctx).data)
        from pmopath.load import cache
        from pmopath.render.console import message

        while cache.untrusted:  # said once, the first time the cache is looked at
            message(f"warning: {cache.untrusted.pop()}", "yellow")
    fw: Framework = meta["pmopath.load.framework"]
    return fw


def show_view(fmt: "Format | TextFormat | ReportFormat", view: "View") -> None:
    """Lay the view out in the chosen format, on stdout."""
    from pmopath.render import renderer_for

    emit(renderer_for(Format(fmt.value)).render(view))


def deliver(
    ctx: typer.Context,
    fmt: "Format | TextFormat | ReportFormat",
    view: "View",
    output: Path | None,
    *,
    force: bool,
) -> None:
    """Lay the view out in the chosen format: on stdout, or in ``output`` (``-o``, with the
    rules of :func:`write_output`)."""
    from pmopath.render import renderer_for

    rendered = renderer_for(Format(fmt.value)).render(view)
    if output is None:
        emit(rendered)
        return
    write_output(ctx, as_text(rendered), output, force=force)


class TextFormat(str, Enum):
    """The formats every command offers (`progress` adds csv, see ProgressFormatOption;
    the reports add html, see ReportFormatOption)."""

    terminal = "terminal"
    markdown = "markdown"
    json = "json"


class ReportFormat(str, Enum):
    """The formats of a result a person keeps or sends (gap, roadmap, show): html too."""

    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    html = "html"


FormatOption = Annotated[
    TextFormat,
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]
ReportFormatOption = Annotated[
    ReportFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format (html: one self-contained page, to open, print or send).",
        case_sensitive=False,
    ),
]
ProgressFormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output format (csv: one row a value; html: one self-contained page).",
        case_sensitive=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (refuses to overwrite without --force).",
        readable=False,  # a folder or an empty name is refused with its own message
        show_default=False,
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Overwrite --output if it exists (keeping its permissions), or create its missing folder.",
    ),
]


def complete_roles(incomplete: str) -> list[str]:
    try:
        from pmopath.load.framework import load_framework

        fw = load_framework()  # honours $PMOPATH_DATA like every command
    except PmopathError:
        return []
    names = [r.id for r in fw.roles] + [a for r in fw.roles for a in r.aliases]
    return sorted(n for n in names if n.startswith(incomplete))


def framework_and_profile(
    ctx: typer.Context, profile_path: Path | None
) -> "tuple[Framework, Profile]":
    """The framework and the profile to score: a file, or the latest saved assessment."""
    profile, _ = subject_and_basis(ctx, profile_path)
    return framework_of(ctx), profile


def subject_and_basis(ctx: typer.Context, profile_path: Path | None) -> "tuple[Profile, str]":
    """The profile to score and, in words, whose it is."""
    from pmopath.render.console import message

    fw = framework_of(ctx)
    if profile_path is not None:
        from pmopath.load.profiles import load_profile

        note_input(ctx, profile_path)
        loaded = load_profile(profile_path, fw, strict=False)
        basis = f"from {profile_path}"
    else:
        from pmopath.load.store import Store

        store = Store()
        latest = store.find(None)
        basis = f"from your latest assessment ({latest})"
        note_input(ctx, store.path(latest))
        warn_skipped(store)
        try:
            loaded = store.load(latest, fw)
        except DataError as exc:
            exc.hint = (
                f"it is your latest saved assessment ({latest}); `pmopath history` lists the "
                "others, `pmopath show N` shows one, and --profile FILE scores another file"
            )
            raise
    from pmopath.model.profile import position_warnings

    for warning in [*loaded.warnings, *position_warnings(loaded.profile, today())]:
        message(f"warning: {warning}", "yellow")
    return loaded.profile, basis


def warn_skipped(store: "Store") -> None:
    """Name what the store passed over: entries that are not regular files."""
    from pmopath.render.console import message

    for name in store.skipped:
        message(f"warning: skipped {store.assessments / name}: not a regular file", "yellow")


def parse_as_of(value: str | None) -> Any:
    import datetime as dt

    if value is None:
        return today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date like 2026-11-22", param_hint="--as-of"
        ) from None
    if not 1950 <= day.year <= 2100:
        raise typer.BadParameter(
            f"{value} is outside the years a plan can start (1950-2100)", param_hint="--as-of"
        )
    return day


TargetOption = Annotated[
    str | None,
    typer.Option(
        "--target",
        "-t",
        help="Target role (ID, alias or prefix); default: the profile's target.",
        autocompletion=complete_roles,
        show_default=False,
    ),
]
ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        "-p",
        help="A profile file; default: your latest saved assessment.",
        dir_okay=False,
        show_default=False,
    ),
]
HoursOption = Annotated[
    float | None,
    typer.Option(
        "--hours-per-week",
        min=MIN_HOURS_PER_WEEK,
        max=MAX_HOURS_PER_WEEK,
        help="Hours a week for development (overrides the profile).",
        show_default=False,
    ),
]
ExplainOption = Annotated[
    bool, typer.Option("--explain", help="Show how readiness and priorities were computed.")
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Date the plan starts from (YYYY-MM-DD); default: today.",
        show_default=False,
    ),
]


def note_input(ctx: typer.Context, path: Path) -> None:
    """Remember a file the command reads: its output may not replace it."""
    ctx.find_root().meta.setdefault("pmopath.inputs", []).append(path)


def inputs_of(ctx: typer.Context) -> list[Path]:
    """Every file the command read: the profile (or saved assessment) and the framework's."""
    meta = ctx.find_root().meta
    fw = meta.get("pmopath.load.framework")
    framework = list(fw.paths.values()) if fw is not None else []
    return [*meta.get("pmopath.inputs", []), *framework]


def write_output(ctx: typer.Context, text: str, output: Path, *, force: bool) -> None:
    """Write a result to a file (see ``yamlio.write_output_file`` for the rules), or to
    stdout. A file the command read is never replaced, whatever the spelling or link."""
    from pmopath.load.yamlio import write_output_file
    from pmopath.render.console import message

    if str(output) == "-":
        emit(text)
        return
    for source in inputs_of(ctx):
        try:
            same = output.expanduser().samefile(source)
        except OSError:  # either is missing: they cannot be the same file
            continue
        if same:
            also = "" if str(source) == str(output) else f" ({source})"
            raise RefusedError(
                f"{output} is a file this command reads{also}; pmopath does not write a "
                "result over its input",
                hint="give another file name",
            )
    write_output_file(output, text, force=force)
    message(f"Wrote {output}", "green")
