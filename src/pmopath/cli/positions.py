"""The work history part of the questionnaire: positions one by one, a menu to add, edit or remove one, and running totals of the experience they add up to."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from pmopath.base.text import capital, duration
from pmopath.cli.questions import (
    Answers,
    Choice,
    Key,
    Part,
    Question,
    end_month,
    prompt_of,
    required_text,
    year_month,
)
from pmopath.engine.worktime import WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import POSITION_KINDS, ExperienceKind
from pmopath.model.profile import (
    Experience,
    Position,
    Profile,
    bounds,
)
from pmopath.model.titles import role_for_title

ADD, DONE, QUICK, EDIT = "add", "done", "quick", "edit:"
POSITION_FIELDS = ("title", "role", "start", "end", "kinds", "main")
#: What a tick covers, where its label alone could be misread.
TICK_DETAIL = {ExperienceKind.project_support: " (coordination, PMO support; not leading)"}


def history_answers(answers: Answers) -> list[Any]:
    """The work-history menu's answers, in order."""
    out: list[Any] = []
    while (key := Key(Part.history, str(len(out) + 1))) in answers:
        out.append(answers[key])
    return out


def position_count(answers: Answers) -> int:
    return sum(1 for choice in history_answers(answers) if choice == ADD)


def position_key(index: int, name: str) -> Key:
    return Key(Part.position, f"{index}.{name}")


def answered_positions(answers: Answers) -> list[dict[str, Any]]:
    """Each position whose title and start are answered, as profile data."""
    out = []
    for index in range(1, position_count(answers) + 1):
        data = {f: answers.get(position_key(index, f)) for f in POSITION_FIELDS}
        if data["title"] and data["start"]:
            out.append(
                {
                    k: list(v) if isinstance(v, tuple) else v
                    for k, v in data.items()
                    if v or (k == "main" and v is False)  # a secondary position says so
                }
            )
    return out


def running_totals(answers: Answers, today: dt.date) -> str:
    """The months per kind so far (overlaps counted once), as the menu shows them."""
    positions = []
    for data in answered_positions(answers):
        try:
            positions.append(Position.model_validate(data))
        except ValueError:
            continue
    record = WorkRecord(
        Profile.model_construct(
            current_role="", positions=tuple(positions), experience=Experience()
        ),
        today,
    )
    parts = [
        f"{kind.label}: {duration(record.count(kind).months)}"
        for kind in POSITION_KINDS
        if record.count(kind).months
    ]
    return "; ".join(parts) or "nothing yet"


def history_questions(fw: Framework, answers: Answers, *, today: dt.date) -> list[Question]:
    """The work history: a menu (add, edit, done), and each added position's questions."""
    questions: list[Question] = []
    added = 0
    for round_ in range(1, len(history_answers(answers)) + 2):
        key = Key(Part.history, str(round_))
        questions.append(history_menu(key, answers, added, today=today))
        choice = answers.get(key)
        if choice == ADD:
            added += 1
            questions += position_questions(fw, added, answers, today=today)
        if choice in (None, DONE, QUICK):
            break
    return questions


def history_menu(key: Key, answers: Answers, before: int, *, today: dt.date) -> Question:
    """The menu as it stood at this round: the positions added before it."""
    titles = [p.get("title") or "(untitled)" for p in answered_positions(answers)][:before]
    choices = [Choice(ADD, "Add a position", "added a position")]
    choices += [
        Choice(f"{EDIT}{i}", f"Edit position {i}: {t}", f"edited position {i}")
        for i, t in enumerate(titles, 1)
    ]
    choices.append(Choice(DONE, "Done: that is my work history", "done"))
    if not before:
        choices.append(Choice(QUICK, "Give years per kind instead (no dates)", "years per kind"))
    return Question(
        key,
        "select",
        prompt_of(Profile, "positions"),
        choices=tuple(choices),
        default=ADD if not before else DONE,
        hint="Dates let pmopath check rules such as 'within the last 8 years'; "
        "overlapping months count once.",
        details=(("So far", running_totals(answers, today)),),
    )


def position_questions(
    fw: Framework, index: int, answers: Answers, *, today: dt.date
) -> list[Question]:
    where = f"position {index}"
    roles = tuple(Choice(r.id, r.name, r.name) for r in fw.ladder())
    start_key = position_key(index, "start")
    chosen = answers.get(position_key(index, "role"))
    ticked = accrued_kinds(fw, chosen)
    role_name = fw.role_name(chosen) if ticked else ""
    questions = [
        Question(
            position_key(index, "title"),
            "text",
            prompt_of(Position, "title"),
            progress=where,
            parse=required_text(bounds(Position, "title").max_length),
        ),
        Question(
            position_key(index, "role"),
            "select",
            prompt_of(Position, "role"),
            progress=where,
            choices=(*roles, Choice("", "None of these", "-")),
            default=closest_role(fw, index, answers),
        ),
        Question(
            start_key,
            "text",
            prompt_of(Position, "start"),
            progress=where,
            parse=partial(year_month, today=today),
        ),
        Question(
            position_key(index, "end"),
            "text",
            prompt_of(Position, "end"),
            progress=where,
            parse=end_month(answers.get(start_key), today=today),
        ),
        Question(
            position_key(index, "kinds"),
            "checkbox",
            prompt_of(Position, "kinds"),
            progress=where,
            choices=tuple(
                Choice(k.value, capital(k.label) + TICK_DETAIL.get(k, ""), k.label)
                for k in POSITION_KINDS
            ),
            default=ticked,
            hint=f"Ticked for you: what a {role_name} earns; change them to fit the job."
            if ticked
            else None,
            required=True,
        ),
    ]
    if is_open(answers, index) and open_positions(answers) > 1:
        title = answers.get(position_key(index, "title")) or "(untitled)"
        questions.append(
            Question(
                position_key(index, "main"),
                "confirm",
                prompt_of(Position, "main"),
                progress=where,
                default=True,
                hint=f"{title}: more than one position is open. Only your main job sets the"
                " role you are in; a part-time or secondary one still counts toward its kinds.",
            )
        )
    return questions


def closest_role(fw: Framework, index: int, answers: Answers) -> Any:
    """The role the position's title names, or else your current role."""
    title = answers.get(position_key(index, "title")) or ""
    return role_for_title(fw.ladder(), title) or answers.get(Key(Part.field, "current_role"))


def accrued_kinds(fw: Framework, role_id: Any) -> tuple[str, ...]:
    """The position kinds the ladder role earns (none for "None of these")."""
    role = fw.role_by_id.get(role_id) if isinstance(role_id, str) else None
    earned = () if role is None else role.accrues
    return tuple(k.value for k in POSITION_KINDS if k in earned)


def is_open(answers: Answers, index: int) -> bool:
    """Whether position ``index`` is answered as current (its end left empty)."""
    end_key = position_key(index, "end")
    return end_key in answers and not answers[end_key]


def open_positions(answers: Answers) -> int:
    """How many added positions are answered as current."""
    return sum(1 for i in range(1, position_count(answers) + 1) if is_open(answers, i))


def position_text(answers: Answers, index: int) -> str:
    get = {f: answers.get(position_key(index, f)) for f in POSITION_FIELDS}
    span = f"{get['start'] or '?'} to {get['end'] or 'now'}"
    labels = {k.value: k.label for k in POSITION_KINDS}
    kinds = ", ".join(labels.get(str(k), str(k)) for k in get["kinds"] or ()) or "no kind ticked"
    secondary = ", not your main job" if get["main"] is False else ""
    return f"{get['title'] or '(untitled)'}, {span} ({kinds}{secondary})"
