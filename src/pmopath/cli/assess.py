"""``pmopath assess``: the interactive assessment, resumable, saved as it goes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmopath.base.errors import DataError, PmopathError, RefusedError
from pmopath.base.text import count, local_day
from pmopath.cli.answers import (
    ReviewPart,
    ReviewRow,
    answers_from_draft,
    answers_from_profile,
    answers_to_draft,
    build_profile,
    check_answers,
    review_rows,
)
from pmopath.cli.positions import EDIT
from pmopath.cli.questionnaire import answer_all, change_answer, edit_position
from pmopath.cli.questions import BACKGROUND, Answers, Ask, Choice, Key, Part, Question
from pmopath.load.profiles import profile_yaml
from pmopath.load.store import Draft, DraftLock, Store
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile
from pmopath.render.rich_text import lit

#: The clock: now, as an aware UTC time. Only the command line reads the real one and
#: passes it in; tests pass a fixed one.
Clock = Callable[[], dt.datetime]

SAVE = Key(Part.review, "save")
REVIEW = Key(Part.review)
REVIEW_PART = Key(Part.review, "part")


@dataclass(frozen=True)
class Saved:
    ident: str
    profile: Profile


def confirm(ask: Ask, name: str, prompt: str, default: bool) -> bool:
    return bool(ask(Question(Key(Part.confirm, name), "confirm", prompt, default=default)))


class Stopped(KeyboardInterrupt):
    """A stop that is not Ctrl-C: a signal (SIGTERM, SIGHUP) or the terminal going away."""

    def __init__(self, signum: int) -> None:
        super().__init__()
        self.signum = signum


class Interrupted(KeyboardInterrupt):
    """The assessment stopped (Ctrl-C or a signal); says what was kept, and where."""

    def __init__(
        self, kept: int, draft: Path | None, signum: int | None = None, unchanged: bool = False
    ) -> None:
        super().__init__()
        self.kept, self.draft, self.signum, self.unchanged = kept, draft, signum, unchanged

    def summary(self) -> str:
        if self.unchanged:
            return "no question was asked yet; any assessment in progress is as it was"
        if not self.kept or self.draft is None:
            return "nothing was answered yet, so nothing was saved"
        how = (
            "`pmopath assess --resume` continues"
            if self.draft.name == "draft.yaml"
            else "`pmopath assess` offers it again once the assessment in draft.yaml is done"
        )
        return f"{count(self.kept, 'answer')} kept in {self.draft}; {how}"


def start_or_resume(
    store: Store,
    ask: Ask,
    console: Console,
    *,
    resume: bool,
    restart: bool,
    quick: bool,
    clock: Clock,
    fw: Framework | None = None,
) -> tuple[Draft, DraftLock] | None:
    """The draft this session works on, locked; None if the person chose to only look.

    The first draft that no other session holds is offered. When other sessions hold
    every draft (answered or not yet), this one is told, and may look at the other's
    answers or start its own draft.
    """
    held: list[Path] = []
    for path in store.draft_names():
        lock = store.lock_draft(path)
        if lock is None:
            held.append(path)
            continue
        if not path.exists():  # a lock left by a finished session: the name is free again
            lock.release()
            continue
        try:
            return _decide(store, path, lock, ask, console, resume, restart, quick, clock, fw), lock
        except BaseException:
            lock.release()
            raise
    if held and not _separate(store, held[0], ask, console, fw, quick, local_day(clock())):
        return None
    if resume and not held:
        console.print(Text("No assessment in progress; starting a new one.", style="yellow"))
    path, lock = store.new_draft()
    return _fresh(path, quick, clock, store, fw, console), lock


def _fresh(
    path: Path,
    quick: bool,
    clock: Clock,
    store: Store | None = None,
    fw: Framework | None = None,
    console: Console | None = None,
) -> Draft:
    """A new draft; it starts from the last saved assessment's answers when there is one."""
    now = clock().isoformat(timespec="seconds")
    previous: dict[str, Any] = {}
    kept: Answers = {}
    based_on = None
    if store is not None and fw is not None and (ids := store.ids()):
        try:
            profile = store.load(ids[-1], fw).profile
        except PmopathError:
            profile = None
        if profile is not None:
            previous = answers_to_draft(answers_from_profile(profile))
            based_on = ids[-1]
            kept = answers_from_profile(profile)  # every answer: change only what differs
            if console is not None:
                console.print(
                    Text(
                        f"Your last assessment ({based_on}) is below: pick only what has "
                        "changed (a line's key picks it), then save.",
                        style="dim",
                    )
                )
    return Draft(
        started=now,
        quick=quick,
        answers=answers_to_draft(kept),
        path=path,
        previous=previous,
        based_on=based_on,
    )


def _separate(
    store: Store,
    other: Path,
    ask: Ask,
    console: Console,
    fw: Framework | None,
    quick: bool,
    today: dt.date,
) -> bool:
    """Another session holds the draft: look at it (read-only), or start a separate one."""
    console.print(
        Text(f"Another `pmopath assess` is in progress and holds {other}.", style="yellow")
    )
    look = Key(Part.confirm, "look")
    picked = ask(
        Question(
            Key(Part.confirm, "separate"),
            "select",
            "What would you like to do?",
            choices=(
                Choice(True, "Start a separate assessment (its own draft)"),
                Choice(look, "Look at the other session's answers (read-only)"),
                Choice(False, "Quit and leave it to the other session"),
            ),
            default=True,
        )
    )
    if picked == look:
        draft = store.load_draft(other)
        answers = answers_from_draft(draft.answers) if draft is not None else {}
        if not answers or fw is None:
            console.print(Text(f"{count(len(answers), 'answer')} so far in {other}."))
        else:
            rows = review_rows(fw, answers, draft.quick if draft else quick, today=today)
            console.print(review_table(rows))
    return picked is True


def _decide(
    store: Store,
    path: Path,
    lock: DraftLock,
    ask: Ask,
    console: Console,
    resume: bool,
    restart: bool,
    quick: bool,
    clock: Clock,
    fw: Framework | None = None,
) -> Draft:
    """Resume, restart or discard the draft at ``path`` (which this session holds)."""
    try:
        draft = store.load_draft(path)
    except DataError:
        if not restart:
            raise
        moved = store.move_aside(path, clock())
        console.print(Text(f"The draft could not be read; moved it to {moved}.", style="yellow"))
        return _fresh(path, quick, clock, store, fw, console)
    if draft is None:
        return _fresh(path, quick, clock, store, fw, console)
    n = count(len(draft.answers), "answer")
    if restart:
        if not confirm(ask, "restart", f"Discard the assessment in progress ({n})?", False):
            raise RefusedError(
                "kept the assessment in progress", hint="`pmopath assess --resume` continues it"
            )
        store.discard_draft(path)
        return _fresh(path, quick, clock, store, fw, console)
    when = started_text(draft.started, clock())
    if resume or confirm(
        ask, "resume", f"Resume the assessment you started {when} ({n} so far)?", True
    ):
        console.print(Text(f"Resuming: {n} kept.", style="green"))
        return draft
    if confirm(ask, "discard", "Discard it and start a new assessment?", False):
        store.discard_draft(path)
        return _fresh(path, quick, clock, store, fw, console)
    raise RefusedError(
        "kept the assessment in progress", hint="`pmopath assess --resume` continues it"
    )


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when_started(started: dt.datetime, now: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """A moment as a person says it, in ``tz`` (None: the local time zone).

    "today at 14:00", "yesterday at 09:15", "on 12 Nov at 16:40", and with the year
    when it is not ``now``'s year: "on 12 Nov 2025 at 16:40". A naive time is UTC.
    """
    if started.tzinfo is None:
        started = started.replace(tzinfo=dt.timezone.utc)
    local, today = started.astimezone(tz), now.astimezone(tz).date()
    at = f"at {local:%H:%M}"
    if local.date() == today:
        return f"today {at}"
    if local.date() == today - dt.timedelta(days=1):
        return f"yesterday {at}"
    year = "" if local.year == today.year else f" {local.year}"
    return f"on {local.day} {MONTHS[local.month - 1]}{year} {at}"


def started_text(started: str, now: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """A draft's ``started`` stamp as :func:`when_started` says it (as written if unreadable)."""
    try:
        moment = dt.datetime.fromisoformat(started)
    except (TypeError, ValueError):
        return f"at {started}" if started.strip() else "earlier"
    return when_started(moment, now, tz)


BACK = Key(Part.review, "back")


#: The review's line keys, in order: digits, then letters (b is Background, s is Save;
#: j and k move the cursor in a list).
LINE_KEYS = "123456789acdefghilmnopqrtuvwxyz"


def review(
    fw: Framework,
    answers: Answers,
    quick: bool,
    ask: Ask,
    console: Console,
    previous: Answers | None = None,
    *,
    today: dt.date,
) -> Key:
    """One list: Save, the background (one line), then each rating with its value; return
    the key of the answer picked to change, or :data:`SAVE`.

    Each line has a key that picks it at once. With ``previous`` (a re-assessment), every
    change is listed above as old → new, and a changed line says what it was.
    """
    rows = review_rows(fw, answers, quick, previous, today=today)
    background = [r for r in rows if r.section == BACKGROUND]
    ratings = [r for r in rows if r.section != BACKGROUND]
    changed = [r for r in rows if r.changed]
    while True:
        console.print(Text("Your answers", style="bold"))
        if previous:
            console.print(changes_text(changed))
        save = "Save these answers"
        if previous:
            save = f"Save ({count(len(changed), 'change')})" if changed else "Save (no changes)"
        edited = sum(1 for r in background if r.changed)
        what = count(len(background), "answer") + (f", {edited} changed" if edited else "")
        part = ReviewPart(BACKGROUND, tuple(r.key for r in background))
        choices = [Choice(SAVE, f"s) {save}"), Choice(part, f"b) {BACKGROUND}  ({what})")]
        keys = ["s", "b"]
        for i, row in enumerate(ratings):
            key = LINE_KEYS[i] if i < len(LINE_KEYS) else ""
            keys.append(key)
            choices.append(Choice(row.key, f"{key or ' '}) {row.label}: {line_answer(row)}"))
        picked = ask(
            Question(
                REVIEW_PART,
                "select",
                "Save, or pick what to change?",
                choices=tuple(choices),
                default=SAVE,
                keys=tuple(keys),
            )
        )
        if isinstance(picked, Key):
            return picked
        if picked != part:
            return SAVE
        answer = ask(
            Question(
                Key(Part.review, "answer"),
                "select",
                f"{BACKGROUND}: which answer?",
                choices=(
                    Choice(BACK, "Back to the list"),
                    *(Choice(r.key, f"{r.label}: {line_answer(r)}") for r in background),
                ),
                default=BACK,
            )
        )
        if answer != BACK:
            return Key.parse(str(answer)) if not isinstance(answer, Key) else answer


def line_answer(row: ReviewRow) -> str:
    """A review line's answer, and what it was when it changed."""
    if not row.changed:
        return row.answer
    return f"{row.answer}  (was {row.was})" if row.was != row.answer else f"{row.answer}  (edited)"


def changes_text(changed: Sequence[ReviewRow]) -> Text:
    """Every change since the last assessment, old → new (what saving would keep)."""
    if not changed:
        return Text("No changes since your last assessment yet.", style="dim")
    text = Text("Changed since your last assessment:", style="dim")
    for row in changed:
        old_new = f"{row.was} → {row.answer}" if row.was != row.answer else f"{row.answer} (edited)"
        text.append("\n  ")
        text.append(lit(f"{row.label}: {old_new}"))
    return text


def run_assessment(
    fw: Framework,
    store: Store,
    ask: Ask,
    console: Console,
    *,
    quick: bool = False,
    resume: bool = False,
    restart: bool = False,
    clock: Clock,
) -> Saved | None:
    """The whole interactive flow: background, ratings, review, save.

    Every answer is written to the draft as soon as it is given, so Ctrl-C or a
    closed terminal loses nothing; an interruption propagates as :class:`Interrupted`.
    Returns None when the person only looked at another session's answers.
    """
    try:
        chosen = start_or_resume(
            store, ask, console, resume=resume, restart=restart, quick=quick, clock=clock, fw=fw
        )
    except KeyboardInterrupt as exc:
        raise Interrupted(0, None, getattr(exc, "signum", None), unchanged=True) from None
    if chosen is None:
        return None
    draft, lock = chosen
    try:
        return _run(fw, store, draft, ask, console, clock)
    finally:
        lock.release()


def _run(
    fw: Framework,
    store: Store,
    draft: Draft,
    ask: Ask,
    console: Console,
    clock: Clock,
) -> Saved:
    answers = answers_from_draft(draft.answers)
    today = local_day(clock())
    check_answers(fw, answers)
    # a re-assessment starts with the last one's answers, written to the draft at a change
    on_disk = draft.path is not None and draft.path.exists()
    saved_count = len(answers) if on_disk else 0

    def saved(current: Answers) -> None:
        nonlocal saved_count
        store.save_draft(replace(draft, answers=answers_to_draft(current)))
        saved_count = len(current)

    try:
        previous = answers_from_draft(draft.previous)
        answer_all(fw, answers, draft.quick, ask, saved, previous, today=today)
        while (
            picked := review(fw, answers, draft.quick, ask, console, previous, today=today)
        ) != SAVE:
            if picked.part is Part.position:
                index = picked.name.split(".")[0]
                edit_position(fw, answers, draft.quick, f"{EDIT}{index}", ask, today=today)
            else:
                change_answer(fw, answers, draft.quick, picked, ask, today=today)
            saved(answers)
            # the answers may open new questions (a new target's ratings)
            answer_all(fw, answers, draft.quick, ask, saved, previous, today=today)
        when = clock().replace(microsecond=0)
        profile = build_profile(fw, answers, when)
        ident = store.save_assessment(profile_yaml(profile), when)
    except KeyboardInterrupt as exc:  # the draft holds every answer given until now
        signum = getattr(exc, "signum", None)
        raise Interrupted(saved_count, draft.path if saved_count else None, signum) from None
    store.discard_draft(draft.path)
    return Saved(ident, profile)


def review_table(rows: Sequence[ReviewRow]) -> Table:
    """Answers, one line each (grouped by part): ``*`` marks a change since last time, and a
    rating's evidence is on its own line below it."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1, no_wrap=True)
    table.add_column(style="dim")
    table.add_column()
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            table.add_row("", Text(section, style="bold"), "")
        table.add_row("*" if row.changed else "", lit(row.label), lit(row.answer))
        if row.note:
            table.add_row("", "", lit(f"evidence: {row.note}", "dim"))
    return table
