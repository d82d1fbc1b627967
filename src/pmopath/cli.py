"""The command line. Each command parses options and runs one pipeline.

Heavy modules (pydantic models, YAML, questionary) are imported inside the
commands, so ``pmopath --help`` and shell completion stay fast.
"""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn

import typer
from typer.core import TyperGroup

from pmopath import __version__
from pmopath.console import as_text, emit, error_line, silence_stdout
from pmopath.errors import DataError, EnvironmentProblem, ExitStatus, PmopathError
from pmopath.render import Format

# Click's UsageError: every mistake on the command line (an unknown option, a bad value).
# Typer keeps Click in a private module and exports only BadParameter, one of its
# subclasses; the class is reached through that public name (tests/test_exit_status.py) and
# typed as that subclass, whose exit_code is the attribute used here.
UsageError: type[typer.BadParameter] = typer.BadParameter.__mro__[1]

if TYPE_CHECKING:
    import datetime as dt

    from pmopath.assess import Saved
    from pmopath.framework import Framework
    from pmopath.profile import Profile
    from pmopath.store import Store
    from pmopath.views import View


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


def now() -> "dt.datetime":
    """The clock: the one place pmopath reads it (an aware UTC time, to the second).

    Everything below the command line takes the day or the moment as an argument
    (``as_of``, ``today``, a ``clock``), so a plan is a function of its inputs.
    """
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def today() -> "dt.date":
    """Today's date where the person is (the local calendar day), from :func:`now`."""
    from pmopath.text import local_day

    return local_day(now())


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


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings(data=None)


def _framework(ctx: typer.Context) -> "Framework":
    """The framework, loaded once per command however many steps ask for it."""
    from pmopath.framework import load_framework

    meta = ctx.find_root().meta
    if "pmopath.framework" not in meta:
        meta["pmopath.framework"] = load_framework(_settings(ctx).data)
    fw: Framework = meta["pmopath.framework"]
    return fw


def _show(fmt: Format, view: "View") -> None:
    """Lay the view out in the chosen format, on stdout."""
    from pmopath.render import renderer_for

    emit(renderer_for(fmt).render(view))


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]


def _complete_roles(incomplete: str) -> list[str]:
    try:
        from pmopath.framework import load_framework

        fw = load_framework()  # honours $PMOPATH_DATA like every command
    except PmopathError:
        return []
    names = [r.id for r in fw.roles] + [a for r in fw.roles for a in r.aliases]
    return sorted(n for n in names if n.startswith(incomplete))


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
            autocompletion=_complete_roles,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.terminal,
) -> None:
    """Show the career ladder, or one role in depth."""
    from pmopath.views.browse import role_view, roles_view

    fw = _framework(ctx)
    _show(fmt, roles_view(fw) if role is None else role_view(fw, fw.role(role)))


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
    fmt: FormatOption = Format.terminal,
) -> None:
    """List the competency framework, or show one competency's levels and development actions."""
    from pmopath.views.browse import competencies_view, competency_view

    fw = _framework(ctx)
    if competency is not None:
        _show(fmt, competency_view(fw, fw.competency(competency)))
    else:
        _show(fmt, competencies_view(fw, None if domain is None else fw.domain(domain)))


@app.command(
    epilog=examples(
        "pmopath certs",
        "pmopath certs --for pmo-manager",
        "pmopath certs pmp",
        "pmopath certs pmp --profile examples/project-manager.yaml",
        "pmopath certs --eligible",
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
            autocompletion=_complete_roles,
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
    fmt: FormatOption = Format.terminal,
) -> None:
    """List certifications, or show one: eligibility routes, exam, fees, renewal and study effort.

    With a profile (your latest assessment, or --profile FILE), `certs ID` also shows
    your own status: route, months to go, what is missing and what was assumed.
    """

    from pmopath.views.browse import cert_view, certs_view

    fw = _framework(ctx)
    day = today()
    if eligible:
        from pmopath.views.eligible import eligible_view

        if cert is not None or for_role is not None:
            one = f"`pmopath certs {cert}`" if cert else "`pmopath certs ID`"
            raise UsageError(
                f"--eligible lists every certification: leave out ID and --for ({one} shows"
                " one, with your own status)"
            )
        subject, basis = _subject_and_basis(ctx, profile)
        from pmopath.eligibility import statuses

        by_cert, hours = statuses(fw, subject, day)
        _show(fmt, eligible_view(fw, by_cert, basis, day, hours))
    elif cert is not None:
        found = fw.certification(cert)
        mine = None
        known = _known_subject(ctx, profile)
        if known is not None:
            from pmopath.eligibility import statuses
            from pmopath.views.eligible import your_eligibility

            status, hours = statuses(fw, known[0], day, only=found.id)
            mine = your_eligibility(status[found.id], known[1], day, hours)
        _show(fmt, cert_view(fw, found, mine))
    else:
        _show(fmt, certs_view(fw, None if for_role is None else fw.role(for_role)))


def _known_subject(ctx: typer.Context, profile_path: Path | None) -> "tuple[Profile, str] | None":
    """The profile to check eligibility against, if there is one.

    With --profile, a bad file is an error. The latest saved assessment is only a
    convenience here: if it cannot be read, say so and show the rules alone.
    """
    if profile_path is not None:
        return _subject_and_basis(ctx, profile_path)
    from pmopath.console import message
    from pmopath.store import Store

    if not Store().ids():
        return None
    try:
        return _subject_and_basis(ctx, None)
    except PmopathError as exc:
        message(f"warning: your own status is not shown: {exc}", "yellow")
        return None


def _complete_sources(incomplete: str) -> list[str]:
    try:
        from pmopath.framework import load_framework

        fw = load_framework()  # honours $PMOPATH_DATA like every command
    except PmopathError:
        return []
    from pmopath.models import ESTIMATE

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
    fmt: FormatOption = Format.terminal,
) -> None:
    """List the sources the framework cites, or show one: title, publisher, URL, what it supports."""
    from pmopath.views.browse import source_view, sources_view

    fw = _framework(ctx)
    _show(fmt, sources_view(fw) if source is None else source_view(fw, fw.source_id(source)))


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
    fmt: FormatOption = Format.terminal,
) -> None:
    """Check a framework folder and report every problem found, not just the first.

    Warnings (a move up the ladder that asks for less than the role below it, with no
    note saying why) are shown but do not fail. Exit code 0 when the framework is
    valid, 2 when it has problems.
    """
    from pmopath.errors import DataError, DataErrors
    from pmopath.framework import builtin_data_dir, check_framework
    from pmopath.views.browse import validation_view

    target = folder if folder is not None else _settings(ctx).data
    warnings: list[DataError] = []
    try:
        _, problems = check_framework(target, warnings=warnings)
    except DataErrors as exc:
        problems = exc.errors
    except DataError as exc:
        problems = [exc]
    where = str(target) if target is not None else f"{builtin_data_dir()} (built-in)"
    _show(fmt, validation_view(where, problems, warnings))
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
    from pmopath.schemas import schema_json

    emit(schema_json(what))


@app.command(
    epilog=examples(
        "pmopath assess",
        "pmopath assess --quick",
        "pmopath assess --resume",
        "pmopath assess --answers me.yaml",
    ),
)
def assess(
    ctx: typer.Context,
    quick: Annotated[
        bool,
        typer.Option("--quick", help="Rate only the competencies your target role marks core."),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the assessment in progress.")
    ] = False,
    restart: Annotated[
        bool,
        typer.Option(
            "--restart", help="Discard the assessment in progress (asks first) and start again."
        ),
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Read a profile file instead of asking (for scripts, CI, or a mentor filling it in).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Assess yourself: background, then each competency against observable behaviour.

    Every answer is saved as you give it: Ctrl-C or a closed terminal loses nothing,
    and the next `pmopath assess` offers to resume. Each completed assessment is kept
    in your history (`pmopath history`).
    """
    import sys

    from pmopath.console import message
    from pmopath.store import Store

    fw = _framework(ctx)
    store = Store()
    if answers is not None:
        from pmopath.profile import load_profile, profile_yaml

        loaded = load_profile(answers, fw, strict=True)
        moment = now()
        profile = loaded.profile.model_copy(update={"assessed_at": moment})
        ident = store.save_assessment(profile_yaml(profile), moment)
        message(f"Saved assessment {ident} to {store.path(ident)}", "green")
        _after_save(fw, ident, profile)
        return
    if resume and restart:
        raise typer.BadParameter("use --resume or --restart, not both")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from pmopath.errors import RefusedError

        raise RefusedError(
            "pmopath assess asks questions and needs a terminal",
            hint="pass a profile with --answers FILE to assess without one",
        )
    saved = _assess_interactively(fw, store, quick=quick, resume=resume, restart=restart)
    if saved is None:
        return
    message(f"Saved assessment {saved.ident} to {store.path(saved.ident)}", "green")
    _after_save(fw, saved.ident, saved.profile)


def _assess_interactively(
    fw: "Framework", store: "Store", *, quick: bool, resume: bool, restart: bool
) -> "Saved | None":
    """The questionnaire in the terminal; an interruption ends with what was kept, and why."""
    import gc
    import sys

    gc.enable()  # a session lasts as long as the person takes (see pmopath._entry)

    from pmopath.assess import Interrupted, run_assessment
    from pmopath.console import message, stderr_console
    from pmopath.prompts import QuestionaryAsk

    console = stderr_console()
    try:
        with _signals_interrupt():
            ask = QuestionaryAsk(console)
            return run_assessment(
                fw, store, ask, console, quick=quick, resume=resume, restart=restart, clock=now
            )
    except Interrupted as stop:
        sys.stderr.write("\x1b[?25h" if sys.stderr.isatty() else "")  # the cursor, shown again
        what = "Interrupted" if stop.signum is None else f"Stopped by signal {stop.signum}"
        message(f"\n{what}: {stop.summary()}.", "yellow")
        status = ExitStatus.INTERRUPTED if stop.signum is None else ExitStatus(128 + stop.signum)
        raise typer.Exit(status) from None


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """During the questionnaire, SIGTERM and SIGHUP stop it like Ctrl-C (the draft is kept)."""
    import signal

    from pmopath.assess import Stopped

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {sig: signal.signal(sig, stop) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _after_save(fw: "Framework", ident: str, profile: "Profile") -> None:
    """A three-line readiness summary for the target, and the command for the full plan."""

    from pmopath.console import message
    from pmopath.planning import plan
    from pmopath.scoring import score
    from pmopath.views.results import roadmap_view, summary_lines

    day = today()
    view = roadmap_view(fw, plan(score(profile, fw, as_of=day), profile, fw, as_of=day), False)
    for i, line in enumerate(summary_lines(view)):
        message(line, "bold" if i == 0 else "")
    message("Full plan: `pmopath roadmap` (add --format markdown -o plan.md to keep it)", "dim")


def _subject(ctx: typer.Context, profile_path: Path | None) -> "tuple[Framework, Profile]":
    """The framework and the profile to score: a file, or the latest saved assessment."""
    profile, _ = _subject_and_basis(ctx, profile_path)
    return _framework(ctx), profile


def _subject_and_basis(ctx: typer.Context, profile_path: Path | None) -> "tuple[Profile, str]":
    """The profile to score and, in words, whose it is."""
    from pmopath.console import message

    fw = _framework(ctx)
    if profile_path is not None:
        from pmopath.profile import load_profile

        loaded = load_profile(profile_path, fw, strict=False)
        basis = f"from {profile_path}"
    else:
        from pmopath.store import Store

        store = Store()
        latest = store.find(None)
        basis = f"from your latest assessment ({latest})"
        _warn_skipped(store)
        try:
            loaded = store.load(latest, fw)
        except DataError as exc:
            exc.hint = (
                f"it is your latest saved assessment ({latest}); `pmopath history` lists the "
                "others, `pmopath show N` shows one, and --profile FILE scores another file"
            )
            raise
    for warning in loaded.warnings:
        message(f"warning: {warning}", "yellow")
    return loaded.profile, basis


def _warn_skipped(store: "Store") -> None:
    """Name what the store passed over: entries that are not regular files."""
    from pmopath.console import message

    for name in store.skipped:
        message(f"warning: skipped {store.assessments / name}: not a regular file", "yellow")


def _as_of(value: str | None) -> Any:
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
        autocompletion=_complete_roles,
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
        min=0.5,
        max=80,
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
            autocompletion=_complete_roles,
            show_default=False,
        ),
    ] = None,
    profile: ProfileOption = None,
    hours_per_week: HoursOption = None,
    explain: ExplainOption = False,
    fmt: FormatOption = Format.terminal,
    as_of: AsOfOption = None,
) -> None:
    """Score your gaps against a target role: readiness, competencies, experience, certifications.

    With several --target options, the targets are compared side by side: competency
    readiness, experience and certifications met, and the month you would be ready.
    """
    from pmopath.scoring import score
    from pmopath.views.results import comparison_view, gap_view

    fw, subject = _subject(ctx, profile)
    targets = list(dict.fromkeys(target or []))
    start = _as_of(as_of)
    if len(targets) > 1:
        _show(fmt, comparison_view(fw, subject, targets, hours_per_week, start))
        return
    from pmopath.planning import plan

    result = score(
        subject, fw, targets[0] if targets else None, hours_per_week=hours_per_week, as_of=start
    )
    ready = plan(result, subject, fw, as_of=start).ready_in_months
    _show(fmt, gap_view(fw, result, subject.name, explain, ready=ready, as_of=start))


@app.command(
    epilog=examples(
        "pmopath roadmap",
        "pmopath roadmap --target director",
        "pmopath roadmap --format markdown -o plan.md",
        "pmopath roadmap --horizon 12 --hours-per-week 6",
        "pmopath roadmap --all --explain",
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
    fmt: FormatOption = Format.terminal,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (refuses to overwrite without --force).",
            dir_okay=False,
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
    as_of: AsOfOption = None,
) -> None:
    """A prioritised, dated development plan toward a target role, phase by phase.

    The terminal shows the next 90 days and months 4-12 in full, later work summarised
    per competency (--all for every item), and a timeline of milestones. Markdown and
    JSON always hold every item.
    """
    from pmopath.planning import plan
    from pmopath.render import renderer_for
    from pmopath.scoring import score
    from pmopath.views.results import roadmap_view

    start = _as_of(as_of)
    fw, subject = _subject(ctx, profile)
    result = plan(
        score(subject, fw, target, hours_per_week=hours_per_week, as_of=start),
        subject,
        fw,
        as_of=start,
        horizon=horizon,
    )
    rendered = renderer_for(fmt).render(roadmap_view(fw, result, explain, show_all=show_all))
    if output is None:
        emit(rendered)
        return
    write_output(as_text(rendered), output, force=force)


@app.command(epilog=examples("pmopath history", "pmopath history --format json"))
def history(ctx: typer.Context, fmt: FormatOption = Format.terminal) -> None:
    """List your saved assessments: date, current and target role, readiness."""
    from pmopath.history import history_view
    from pmopath.store import Store

    store = Store()
    view = history_view(_framework(ctx), store)
    _warn_skipped(store)
    _show(fmt, view)


@app.command(
    epilog=examples("pmopath show", "pmopath show 2", "pmopath show 20261122 --format json")
)
def show(
    ctx: typer.Context,
    ident: Annotated[
        str | None,
        typer.Argument(
            help="An assessment ID, unique prefix, or number from `pmopath history` (default: latest).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.terminal,
) -> None:
    """Print one saved assessment."""
    from pmopath.store import Store
    from pmopath.views.results import profile_view

    fw = _framework(ctx)
    store = Store()
    found = store.find(ident)
    _warn_skipped(store)
    loaded = store.load(found, fw)

    _show(fmt, profile_view(fw, found, loaded.profile, loaded.warnings, today()))


@app.command(
    name="export-profile",
    epilog=examples(
        "pmopath export-profile -o me.yaml",
        "pmopath export-profile 2 -o old.yaml --force",
        "pmopath export-profile -o -",
    ),
)
def export_profile(
    ctx: typer.Context,
    ident: Annotated[
        str | None,
        typer.Argument(
            help="An assessment ID, prefix or history number (default: latest).", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="File to write, or - for stdout.", dir_okay=False, readable=False
        ),
    ] = Path("-"),
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overwrite an existing file (keeping its permissions), or create its missing folder.",
        ),
    ] = False,
) -> None:
    """Write a saved assessment to a profile file, to share or to edit and re-import with --answers."""
    from pmopath.profile import dump_profile
    from pmopath.store import Store

    fw = _framework(ctx)
    store = Store()
    found = store.find(ident)
    text = dump_profile(store.load(found, fw).profile)
    write_output(text, output, force=force)


def write_output(text: str, output: Path, *, force: bool) -> None:
    """Write a result to a file (see ``yamlio.write_output_file`` for the rules), or to stdout."""
    from pmopath.console import message
    from pmopath.yamlio import write_output_file

    if str(output) == "-":
        emit(text)
        return
    write_output_file(output, text, force=force)
    message(f"Wrote {output}", "green")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="pmopath")
