"""Commands over saved assessments: their history, one of them, a profile's export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from pmopath.cli.clock import today
from pmopath.cli.common import (
    ForceOption,
    FormatOption,
    OutputOption,
    ProgressFormatOption,
    ReportFormat,
    ReportFormatOption,
    TextFormat,
    app,
    complete_roles,
    deliver,
    examples,
    framework_of,
    note_input,
    show_view,
    warn_skipped,
    write_output,
)
from pmopath.render import Format


@app.command(epilog=examples("pmopath history", "pmopath history --format json"))
def history(ctx: typer.Context, fmt: FormatOption = TextFormat.terminal) -> None:
    """List your saved assessments: date, current and target role, readiness."""
    from pmopath.base.errors import DataError
    from pmopath.load.store import Store
    from pmopath.views.history import SavedAssessment, history_view

    fw = framework_of(ctx)
    store = Store()
    saved = []
    for ident in store.ids():
        try:
            profile = store.load(ident, fw).profile
        except DataError as exc:
            saved.append(SavedAssessment(ident, None, None, exc.message))
            continue
        if profile.target_role is None:
            saved.append(SavedAssessment(ident, profile, None))
            continue
        # against its own target
        day, summary = summary_on_its_day(fw, profile, None, store.path(ident))
        saved.append(SavedAssessment(ident, profile, summary.readiness, None, summary, day))
    warn_skipped(store)
    show_view(fmt, history_view(fw, saved))


@app.command(
    epilog=examples(
        "pmopath show",
        "pmopath show 2",
        "pmopath show 20261122 --format json",
        "pmopath show --format html -o assessment.html",
    )
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
    fmt: ReportFormatOption = ReportFormat.terminal,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print one saved assessment."""
    from pmopath.load.store import Store
    from pmopath.views.profile import profile_view

    fw = framework_of(ctx)
    store = Store()
    found = store.find(ident)
    warn_skipped(store)
    loaded = store.load(found, fw)

    note_input(ctx, store.path(found))
    view = profile_view(fw, found, loaded.profile, loaded.warnings, today())
    deliver(ctx, fmt, view, output, force=force)


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
        typer.Option("--output", "-o", help="File to write, or - for stdout.", readable=False),
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
    from pmopath.load.profiles import dump_profile
    from pmopath.load.store import Store

    fw = framework_of(ctx)
    store = Store()
    found = store.find(ident)
    note_input(ctx, store.path(found))
    text = dump_profile(store.load(found, fw).profile)
    write_output(ctx, text, output, force=force)


def _day_of(profile: Any) -> Any:
    """The day a saved assessment was made (an old file without a time: today)."""
    from pmopath.base.text import local_day

    return local_day(profile.assessed_at) if profile.assessed_at else today()


def on_its_day(fw: Any, profile: Any, target: str | None) -> tuple[Any, Any, Any]:
    """A saved assessment's day, and its plan and summary against ``target`` (None: its
    own) as on that day: what history, diff and progress show."""
    from pmopath.engine.summary import summarise

    day = _day_of(profile)
    planned, summary = summarise(profile, fw, target, as_of=day, more_hours=False)
    return day, planned, summary


def summary_on_its_day(fw: Any, profile: Any, target: str | None, source: Path) -> tuple[Any, Any]:
    """A saved assessment's day and its summary against ``target`` (None: its own), as
    :func:`on_its_day` gives it, from the cache when the same profile, framework, target,
    day and engine gave it before (``history`` and ``progress`` show only the summary).
    ``source``: the file the profile was read from; a digest of its bytes keys the entry
    (a file that cannot be read again is planned, not cached)."""
    import hashlib

    from pmopath.engine.summary import Summary
    from pmopath.load import cache

    day = _day_of(profile)
    aim = target or profile.target_role or ""  # None: its own target, the same figures
    try:
        raw = hashlib.sha256(source.read_bytes()).digest()
        key = cache.engine_key(fw.key, b"saved", raw, aim.encode(), day.isoformat().encode())
    except OSError:
        key = None
    if key is not None and (hit := cache.read("summary", key, Summary)) is not None:
        return day, hit
    _, _, summary = on_its_day(fw, profile, target)
    if key is not None:
        cache.write("summary", key, summary)
    return day, summary


def _assessed(fw: Any, ident: str, profile: Any, target: str | None) -> Any:
    """One saved assessment, summarised against ``target`` on its own day."""
    from pmopath.views.diff import Assessed

    if target is None:
        return Assessed(ident, profile, _day_of(profile), None, None)
    day, planned, summary = on_its_day(fw, profile, target)
    return Assessed(ident, profile, day, planned, summary)


_DIFF_REF = "An assessment ID, unique prefix, or number from `pmopath history`"


@app.command(
    epilog=examples("pmopath diff", "pmopath diff 1 3", "pmopath diff 20260504 --format json")
)
def diff(
    ctx: typer.Context,
    first: Annotated[
        str | None,
        typer.Argument(
            help=_DIFF_REF + " (default: the one before the latest).", show_default=False
        ),
    ] = None,
    second: Annotated[
        str | None,
        typer.Argument(help=_DIFF_REF + " (default: the latest).", show_default=False),
    ] = None,
    fmt: FormatOption = TextFormat.terminal,
) -> None:
    """What changed between two saved assessments: ratings, experience, certifications,
    readiness, the ready month, and which items of the first one's plan are done."""
    from pmopath.base.errors import NotFoundError
    from pmopath.load.store import Store
    from pmopath.views.diff import diff_view

    fw = framework_of(ctx)
    store = Store()
    ids = store.ids()
    warn_skipped(store)
    if len(ids) < 2:
        raise NotFoundError(
            f"diff needs two saved assessments; there {'is' if len(ids) == 1 else 'are'} {len(ids)}",
            hint="each `pmopath assess` saves one",
        )
    a_id = store.find(first) if first is not None else ids[-2]
    b_id = store.find(second)
    a_profile, b_profile = store.load(a_id, fw).profile, store.load(b_id, fw).profile
    target = b_profile.target_role or a_profile.target_role  # compared against B's target
    a = _assessed(fw, a_id, a_profile, target)
    b = _assessed(fw, b_id, b_profile, target)
    show_view(fmt, diff_view(fw, a, b, target))


@app.command(
    epilog=examples(
        "pmopath progress",
        "pmopath progress --target pmo-director",
        "pmopath progress --format csv > progress.csv",
        "pmopath progress --format html -o progress.html",
    )
)
def progress(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            "-t",
            help="Target role (ID, alias or prefix); default: the latest assessment's target.",
            autocompletion=complete_roles,
            show_default=False,
        ),
    ] = None,
    fmt: ProgressFormatOption = Format.terminal,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Your saved assessments against one target: readiness, requirements met and the
    ready month at each, and each competency's level then and now."""
    from pmopath.base.errors import DataError, NotFoundError
    from pmopath.load.store import Store
    from pmopath.render.console import message
    from pmopath.views.progress import Assessment, progress_view

    fw = framework_of(ctx)
    store = Store()
    profiles = []
    for ident in store.ids():
        try:
            profiles.append((ident, store.load(ident, fw).profile))
        except DataError as exc:  # one unreadable file does not hide the others
            message(f"warning: skipped assessment {ident}: {exc.message}", "yellow")
    warn_skipped(store)
    if not profiles:
        raise NotFoundError(
            "progress needs a saved assessment; there are none it can read",
            hint="each `pmopath assess` saves one",
        )
    role = fw.role(target).id if target is not None else profiles[-1][1].target_role
    if role is None:
        raise NotFoundError(
            "the latest assessment names no target", hint="name one with --target ROLE"
        )
    saved = []
    for ident, profile in profiles:
        day, summary = summary_on_its_day(fw, profile, role, store.path(ident))
        saved.append(Assessment(ident, profile, day, summary))
        note_input(ctx, store.path(ident))
    deliver(ctx, fmt, progress_view(fw, role, saved), output, force=force)
