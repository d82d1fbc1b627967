"""Answers in and out: the profile they make, the review of them, the draft they are kept in between sessions, and the answers a previous assessment gives the next one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pmopath.base.errors import DataError
from pmopath.cli.positions import (
    ADD,
    DONE,
    POSITION_FIELDS,
    QUICK,
    answered_positions,
    history_answers,
    position_key,
    position_text,
)
from pmopath.cli.questionnaire import all_questions, plain_fields, question_for
from pmopath.cli.questions import (
    SKIP,
    Answers,
    Key,
    Part,
    Question,
)
from pmopath.model.catalog import Framework
from pmopath.model.profile import (
    ASKED_EXPERIENCE,
    PROFILE_SCHEMA_VERSION,
    Profile,
    Training,
    resolve_profile,
)


def profile_data(answers: Answers) -> dict[str, Any]:
    """The profile file's data from the answers (the same shape an answers file has)."""
    data: dict[str, Any] = {"schema_version": PROFILE_SCHEMA_VERSION}
    experience: dict[str, Any] = {}
    training: dict[str, Any] = {}
    ratings: dict[str, Any] = {}
    years: dict[str, Any] = {}
    renewal: dict[str, dict[str, Any]] = {}  # renewed (a year) or lapsed, by certification
    for key, value in answers.items():
        if key.part is Part.field and value is not None and value != "":
            data[key.name] = list(value) if isinstance(value, (list, tuple)) else value
        elif key.part is Part.experience:
            experience[key.name] = value
        elif key.part is Part.training:
            training[key.name] = value
        elif key.part is Part.cert_year:
            years[key.name] = value
        elif key.part is Part.cert_renewal and value == "lapsed":
            renewal.setdefault(key.name, {})["lapsed"] = True
        elif (
            key.part is Part.cert_renewed
            and answers.get(Key(Part.cert_renewal, key.name)) == "renewed"
        ):
            renewal.setdefault(key.name, {})["renewed"] = value
        elif key.part is Part.rating:
            evidence = answers.get(Key(Part.evidence, key.name))
            level = None if value == SKIP else value
            ratings[key.name] = (
                level if evidence is None else {"level": level, "evidence": evidence}
            )
    data["positions"] = answered_positions(answers)
    data["experience"] = experience
    data["training"] = training
    data["certifications"] = [
        c
        if years.get(c) is None and c not in renewal
        else {"id": c, **({} if years.get(c) is None else {"year": years[c]}), **renewal.get(c, {})}
        for c in data.get("certifications", [])
    ]
    data["ratings"] = ratings
    return data


def build_profile(fw: Framework, answers: Answers, now: dt.datetime) -> Profile:
    """Validate the answers exactly as an answers file is validated."""
    from pydantic import ValidationError

    from pmopath.model.document import Document
    from pmopath.model.validate import validation_errors

    data = profile_data(answers)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise validation_errors(Document(Path("<answers>"), data, {}), exc)[0] from None
    profile = resolve_profile(profile, fw, strict=True).profile
    return profile.model_copy(update={"assessed_at": now})


@dataclass(frozen=True)
class ReviewRow:
    key: Key
    section: str
    label: str  # short: "PMO management", "Position 2", "Education"
    answer: str
    note: str = ""  # a rating's evidence, shown apart from it
    changed: bool = False  # differs from the last assessment's answer
    was: str = ""  # when changed: the last assessment's answer, shown as ``answer`` is


@dataclass(frozen=True)
class ReviewPart:
    """A part of the review: its name and the keys of its answers."""

    section: str
    keys: tuple[Key, ...]


def review_rows(
    fw: Framework,
    answers: Answers,
    quick: bool,
    previous: Answers | None = None,
    *,
    today: dt.date,
) -> list[ReviewRow]:
    """Each answer, in question order and one row each: a position is one row, a rating's
    evidence is its note. ``changed`` marks what differs from ``previous``."""
    previous = previous or {}

    def differs(*keys: Key) -> bool:
        return bool(previous) and any(previous.get(k) != answers.get(k) for k in keys)

    rows = []
    seen_positions: set[str] = set()
    for q in all_questions(fw, answers, quick, today=today):
        key = q.key
        if key not in answers or key.part in (
            Part.evidence,
            Part.history,
            Part.cert_year,
            Part.cert_renewal,
            Part.cert_renewed,
        ):
            continue
        if key.part is Part.position:
            index = key.name.split(".")[0]
            if index in seen_positions:
                continue
            seen_positions.add(index)
            keys = [position_key(int(index), f) for f in POSITION_FIELDS]
            changed = differs(*keys)
            before = position_key(int(index), "title") in previous
            rows.append(
                ReviewRow(
                    position_key(int(index), "title"),
                    q.section,
                    f"Position {index}",
                    position_text(answers, int(index)),
                    changed=changed,
                    was=(position_text(previous, int(index)) if before else "-") if changed else "",
                )
            )
            continue
        rows.append(with_was(row_for(fw, q, answers, differs), q, previous))
    # Ratings kept from an earlier target (not asked now) are still shown: nothing is hidden.
    asked = {r.key for r in rows}
    for key in answers:
        if key.part is Part.rating and key not in asked:
            other = question_for(fw, answers, quick, key, today=today)
            if other is not None:
                row = with_was(row_for(fw, other, answers, differs), other, previous)
                rows.append(replace(row, section="Other ratings"))
    return rows


def with_was(row: ReviewRow, q: Question, previous: Answers) -> ReviewRow:
    """A changed row with the last assessment's answer beside it ("-": none was given)."""
    if not row.changed:
        return row
    return replace(row, was=show_answer(q, previous) if q.key in previous else "-")


def row_for(
    fw: Framework, q: Question, answers: Answers, differs: Callable[..., bool]
) -> ReviewRow:
    key = q.key
    label = q.prompt
    note = ""
    keys = [key]
    if key.part is Part.rating:
        label = fw.competency_name(key.name)
        evidence = Key(Part.evidence, key.name)
        note = str(answers.get(evidence) or "")
        keys.append(evidence)
    elif key.part is Part.field and Profile.model_fields[key.name].title:
        label = str(Profile.model_fields[key.name].title)
    elif key.part is Part.field:
        label = label.split(" (")[0]
    elif key.part is Part.training:
        label = f"Training: {key.name} (hours)"
    if key == Key(Part.field, "certifications"):
        held = answers.get(key) or ()
        keys += [Key(p, c) for c in held for p in (Part.cert_year, Part.cert_renewal)]
        keys += [Key(Part.cert_renewed, c) for c in held]
    return ReviewRow(key, q.section, label, show_answer(q, answers), note, differs(*keys))


def show_answer(q: Question, answers: Answers) -> str:
    """An answer as the review shows it (from the choice's short label, never parsed)."""
    value = answers[q.key]
    if value is None or value == "":
        return "-"
    if q.kind == "select":
        choice = next((c for c in q.choices if c.value == value), None)
        return str(value) if choice is None else choice.short or choice.label
    if q.kind == "checkbox":
        names = {c.value: c.short or c.label for c in q.choices}
        return ", ".join(names.get(v, str(v)) for v in value) if value else "none"
    if q.key.part is Part.field and isinstance(value, (int, float)):
        extra = Profile.model_fields[q.key.name].json_schema_extra
        suffix = extra.get("suffix", "") if isinstance(extra, dict) else ""
        return f"{value:g} {suffix}".strip()
    return str(value)


def check_answers(fw: Framework, answers: Answers) -> None:
    """Refuse draft answers that no longer fit the framework (e.g. a removed role)."""
    for name in ("current_role", "target_role"):
        value = answers.get(Key(Part.field, name))
        if value is not None and value not in fw.role_by_id:
            raise DataError(
                f"the draft's {name} '{value}' is not in the framework",
                hint="`pmopath assess --restart`",
            )


def answers_from_draft(stored: dict[str, Any]) -> Answers:
    """The draft file's answers, keyed as this module keys them.

    A draft begun before work histories (one training total, years per kind) keeps its
    answers: the total becomes general hours, and the years are the quick answer.
    """
    answers = {Key.parse(str(k)): v for k, v in stored.items()}
    old_total = answers.pop(Key(Part.field, "training_hours"), None)
    if old_total is not None:
        answers.setdefault(Key(Part.training, "general"), old_total)
    if any(k.part is Part.experience for k in answers) and not history_answers(answers):
        answers[Key(Part.history, "1")] = QUICK
    return answers


def answers_from_profile(profile: Profile) -> Answers:
    """A saved profile as answers: the defaults of the next assessment."""
    answers: Answers = {}
    data = profile.model_dump(mode="json", exclude_none=True)
    for name in plain_fields():
        if name in data:
            answers[Key(Part.field, name)] = data[name]
    for i, position in enumerate(profile.positions, 1):
        answers[Key(Part.history, str(i))] = ADD
        for name in POSITION_FIELDS:
            value = getattr(position, name)
            if name == "kinds":
                value = [k.value for k in value]
            answers[position_key(i, name)] = "" if value is None and name == "role" else value
    if profile.positions:
        answers[Key(Part.history, str(len(profile.positions) + 1))] = DONE
    elif any(getattr(profile.experience, n) for n in ASKED_EXPERIENCE):
        answers[Key(Part.history, "1")] = QUICK
        for name in ASKED_EXPERIENCE:
            answers[Key(Part.experience, name)] = getattr(profile.experience, name)
    for name in Training.model_fields:
        answers[Key(Part.training, name)] = getattr(profile.training, name)
    answers[Key(Part.field, "certifications")] = [c.id for c in profile.certifications]
    for c in profile.certifications:
        answers[Key(Part.cert_year, c.id)] = c.year
        if c.lapsed:
            answers[Key(Part.cert_renewal, c.id)] = "lapsed"
        elif c.renewed is not None:
            answers[Key(Part.cert_renewal, c.id)] = "renewed"
            answers[Key(Part.cert_renewed, c.id)] = c.renewed
        else:  # neither recorded: "not sure" last time, if it was asked at all
            answers[Key(Part.cert_renewal, c.id)] = "unsure"
    for comp, rating in profile.ratings.items():
        answers[Key(Part.rating, comp)] = SKIP if rating.level is None else rating.level
        if rating.level is not None:  # none given is an answer too: not asked again
            answers[Key(Part.evidence, comp)] = rating.evidence or None
    return answers


def carried_over(previous: Answers) -> Answers:
    """What a new assessment keeps as answered: the work history (each position, the menu
    left open so positions can be added or edited). Everything else is asked again, with
    last time's answer as its default."""
    kept = {
        k: v
        for k, v in previous.items()
        if k.part is Part.position or (k.part is Part.history and v == ADD)
    }
    return kept


def answers_to_draft(answers: Answers) -> dict[str, Any]:
    return {str(k): v for k, v in answers.items()}
