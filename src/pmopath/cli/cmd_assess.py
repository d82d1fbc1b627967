"""`pmopath assess`: the questionnaire, or an answers file, saved as a new assessment."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pmopath.base.errors import ExitStatus
from pmopath.cli.clock import now, today
from pmopath.cli.common import app, examples, framework_of

if TYPE_CHECKING:
    from pmopath.cli.assess import Saved
    from pmopath.load.store import Store
    from pmopath.model.catalog import Framework
    from pmopath.model.profile import Profile


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

    from pmopath.load.store import Store
    from pmopath.render.console import message

    fw = framework_of(ctx)
    store = Store()
    if answers is not None:
        from pmopath.load.profiles import load_profile, profile_yaml

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
        from pmopath.base.errors import RefusedError

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
    fw: Framework, store: Store, *, quick: bool, resume: bool, restart: bool
) -> Saved | None:
    """The questionnaire in the terminal; an interruption ends with what was kept, and why."""
    import gc
    import sys

    gc.enable()  # a session lasts as long as the person takes (see pmopath.cli.entry)

    from pmopath.cli.assess import Interrupted, run_assessment
    from pmopath.cli.prompts import QuestionaryAsk
    from pmopath.render.console import message, stderr_console

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

    from pmopath.cli.assess import Stopped

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {sig: signal.signal(sig, stop) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _after_save(fw: Framework, ident: str, profile: Profile) -> None:
    """A three-line readiness summary for the target, and the command for the full plan."""
    from pmopath.engine.summary import summarise
    from pmopath.render.console import message
    from pmopath.views.roadmap import roadmap_view, summary_lines

    view = roadmap_view(fw, *summarise(profile, fw, as_of=today()), False)
    for i, line in enumerate(summary_lines(view)):
        message(line, "bold" if i == 0 else "")
    message("Full plan: `pmopath roadmap` (add --format markdown -o plan.md to keep it)", "dim")
