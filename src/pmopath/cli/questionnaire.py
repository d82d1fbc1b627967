"""The assessment questionnaire as a pure flow over questions.

A :class:`Question` says what to ask; an ``ask`` callable (the seam) answers it.
In the terminal that is :class:`pmopath.cli.prompts.QuestionaryAsk`; tests pass a
scripted one. Answers are kept in a mapping by typed :class:`Key`; the draft
stores the same answers, so resuming asks exactly the questions not yet
answered, and an interrupted assessment ends equal to one answered in one sitting.

The questions come from the profile model: its fields, their order, their
prompts (the fields' descriptions) and their limits. A new profile field is
asked, validated and saved without a change here, unless it needs a new kind
of question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

from pmopath.base.errors import DataError
from pmopath.base.text import capital, duration
from pmopath.engine.eligibility import DEFAULT_HOURS_PER_WEEK
from pmopath.engine.worktime import WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import POSITION_KINDS, CertStatus, Education, Importance
from pmopath.model.profile import (
    ASKED_EXPERIENCE,
    PROFILE_SCHEMA_VERSION,
    Experience,
    HeldCertification,
    Position,
    Profile,
    Rating,
    Training,
    bounds,
    default_target,
    month_index,
    month_of,
    resolve_profile,
)

SKIP = "__skip__"  # the value of "Not sure / skip"
CLEAR = "-"  # typed where Enter would keep a previous answer: empties an optional one
DEFAULT_EDUCATION = Education.bachelor
BACKGROUND = "Background"
#: Profile fields the background part does not ask (ratings are part 2).
NOT_ASKED = ("schema_version", "ratings", "assessed_at")


class Part(str, Enum):
    """What an answer is: a profile field, a part of one, or a question about the draft."""

    field = "field"  # a top-level profile field (name, current_role, ...)
    experience = "experience"  # one of Experience's fields
    history = "history"  # the work-history menu (add, edit, done, or years instead)
    position = "position"  # one field of one position: "position.2.start"
    training = "training"  # one of Training's topics
    cert_year = "cert_year"  # the year a held certification was obtained
    rating = "rating"  # a competency's level
    evidence = "evidence"  # a competency's evidence note
    confirm = "confirm"  # yes or no about the draft; not an answer
    review = "review"  # the review screen's choice; not an answer


@dataclass(frozen=True)
class Key:
    """The typed key of one answer (or of a question that is not an answer)."""

    part: Part
    name: str = ""

    def __str__(self) -> str:
        """The spelling the draft file uses: ``current_role``, ``rating.governance``."""
        if self.part is Part.field:
            return self.name
        return f"{self.part.value}.{self.name}" if self.name else self.part.value

    @classmethod
    def parse(cls, text: str) -> Key:
        """A key as the draft file spells it (read once, at the edge)."""
        part, dot, name = text.partition(".")
        known = {p.value for p in Part} - {Part.field.value}
        if dot and part in known:
            return cls(Part(part), name)
        if text in known:
            return cls(Part(text))
        return cls(Part.field, text)


Answers = dict[Key, Any]


@dataclass(frozen=True)
class Choice:
    value: Any
    label: str
    short: str = ""  # how the review shows it (the label when empty)


@dataclass(frozen=True)
class Question:
    """One question. For a text question, ``default`` is what an empty answer (Enter) means."""

    key: Key
    kind: Literal["select", "checkbox", "text", "confirm"]
    prompt: str
    progress: str = ""
    section: str = BACKGROUND
    choices: tuple[Choice, ...] = ()
    default: Any = None
    hint: str | None = None
    parse: Callable[[str], Any] | None = field(default=None, compare=False)
    #: Read before choosing, shown in full above the choices: (heading, text) pairs,
    #: e.g. each level's descriptor for a rating, whose choices then stay short.
    details: tuple[tuple[str, str], ...] = ()

    @property
    def kept(self) -> str:
        """What Enter keeps at a text question ("" when nothing is kept)."""
        return "" if self.default is None else str(self.default)

    @property
    def clearable(self) -> bool:
        """Whether typing :data:`CLEAR` empties the kept answer (an optional one)."""
        if self.kind != "text" or not self.kept:
            return False
        try:
            self.convert(CLEAR)
        except ValueError:
            return False
        return True

    def convert(self, raw: str) -> Any:
        """Parse typed text; raises ValueError with a message for the person.

        An empty answer means the default (nothing is pre-typed, so typing 7 gives 7),
        and :data:`CLEAR` empties an optional answer that has one.
        """
        text = raw
        if not raw.strip():
            text = self.kept
        elif raw.strip() == CLEAR and self.kept:
            text = ""
        return text if self.parse is None else self.parse(text)


class Ask(Protocol):
    def __call__(self, question: Question) -> Any: ...


# ------------------------------------------------------------------ parsing


def number(low: float, high: float, *, allow_low: bool = True) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        text = raw.strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise ValueError("enter a number, e.g. 3 or 2.5") from None
        if value != value or value < low or (value == low and not allow_low) or value > high:
            lower = f"more than {low:g}" if not allow_low else f"{low:g}"
            raise ValueError(f"enter a number from {lower} to {high:g}")
        return int(value) if value.is_integer() else value

    return parse


def number_for(
    model: type[Profile] | type[Experience] | type[Training], name: str
) -> Callable[[str], float]:
    """A number parser with the limits the model enforces on that field."""
    b = bounds(model, name)
    assert b.low is not None and b.high is not None
    return number(b.low, b.high, allow_low=not b.low_open)


def optional_year(raw: str, *, today: dt.date) -> int | None:
    text = raw.strip()
    if not text:
        return None
    limits = bounds(HeldCertification, "year")
    low, high = int(limits.low or 0), min(int(limits.high or 9999), today.year)
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValueError(f"enter a year from {low} to {high}, or leave it empty")
    return int(text)


def optional_text(limit: int | None) -> Callable[[str], str | None]:
    def parse(raw: str) -> str | None:
        text = " ".join(raw.split())
        if limit is not None and len(text) > limit:
            raise ValueError(f"keep it under {limit} characters")
        return text or None

    return parse


def prompt_of(model: type[Any], field_name: str, **values: str) -> str:
    """A field's prompt: its description in the model, with ``{name}`` filled in."""
    text = model.model_fields[field_name].description or field_name
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return str(text)


# ---------------------------------------------------------------- the flow


def competencies_to_rate(fw: Framework, target: str | None, quick: bool) -> list[str]:
    """Competency IDs in question order (by domain); with ``quick``, the target's core ones."""
    role = fw.role_by_id.get(target or "")
    core = None
    if quick and role is not None:
        core = {c for c, req in role.competencies.items() if req.importance is Importance.core}
    return [comp.id for _, comp in fw.in_order() if core is None or comp.id in core]


def field_questions(
    fw: Framework, name: str, answers: Answers, *, today: dt.date
) -> list[Question]:
    """The question(s) that fill one profile field."""
    key = Key(Part.field, name)
    prompt = prompt_of(Profile, name)
    if name in ("current_role", "target_role"):
        return [role_question(fw, name, answers)]
    if name == "positions":
        return history_questions(fw, answers, today=today)
    if name == "experience":
        if QUICK not in history_answers(answers):
            return []  # the positions give the experience
        return [
            Question(
                Key(Part.experience, sub),
                "text",
                prompt_of(Experience, sub),
                progress="years per kind",
                default="0",
                parse=number_for(Experience, sub),
            )
            for sub in ASKED_EXPERIENCE
        ]
    if name == "training":
        return [
            Question(
                Key(Part.training, sub),
                "text",
                prompt_of(Training, sub),
                progress=f"topic {i} of {len(Training.model_fields)}",
                default="0",
                parse=number_for(Training, sub),
                hint="Courses and contact hours; each certification counts only its own topics."
                if i == 1
                else None,
            )
            for i, sub in enumerate(Training.model_fields, 1)
        ]
    if name == "certifications":
        return [certifications_question(fw, prompt), *cert_year_questions(fw, answers, today=today)]
    return [typed_question(key, prompt, name)]


#: Suggested answers where the model's default is "not given" (None).
SUGGESTED: dict[str, Any] = {
    "education": DEFAULT_EDUCATION.value,
    "hours_per_week": DEFAULT_HOURS_PER_WEEK,
}


def typed_question(key: Key, prompt: str, name: str) -> Question:
    """A question for a plain field, by its type: a choice for an enum, else a number or text."""
    info = Profile.model_fields[name]
    default = SUGGESTED.get(name, info.default)
    options = enum_of(info.annotation)
    if options is not None:
        choices = tuple(Choice(e.value, str(getattr(e, "label", e.value))) for e in options)
        return Question(key, "select", prompt, choices=choices, default=default)
    limits = bounds(Profile, name)
    if limits.high is None:  # text
        return Question(key, "text", prompt, parse=optional_text(limits.max_length))
    shown = "" if default is None else f"{default:g}"
    return Question(key, "text", prompt, default=shown, parse=number_for(Profile, name))


def enum_of(annotation: Any) -> type[Enum] | None:
    """The Enum an annotation allows (through Optional), if it is one."""
    for kind in (annotation, *get_args(annotation)):
        if isinstance(kind, type) and issubclass(kind, Enum):
            return kind
    return None


def role_question(fw: Framework, name: str, answers: Answers) -> Question:
    choices = tuple(
        Choice(r.id, f"{r.name}  ({r.track.value}, rank {r.rank})", r.name) for r in fw.ladder()
    )
    if name == "current_role":
        return Question(Key(Part.field, name), "select", prompt_of(Profile, name), choices=choices)
    current = answers.get(Key(Part.field, "current_role"))
    return Question(
        Key(Part.field, name),
        "select",
        prompt_of(Profile, name),
        choices=choices,
        default=default_target(fw, current) if current in fw.role_by_id else None,
        hint="Defaults to the next rung up from your current role.",
    )


def certifications_question(fw: Framework, prompt: str) -> Question:
    choices = tuple(
        Choice(c.id, f"{c.name}  ({c.body})", c.name)
        for c in fw.certifications
        if c.status is not CertStatus.suspended
    )
    return Question(
        Key(Part.field, "certifications"), "checkbox", prompt, choices=choices, default=()
    )


def cert_year_questions(fw: Framework, answers: Answers, *, today: dt.date) -> list[Question]:
    held = answers.get(Key(Part.field, "certifications")) or ()
    return [
        Question(
            Key(Part.cert_year, cert_id),
            "text",
            prompt_of(HeldCertification, "year", name=fw.cert_name(cert_id)),
            progress=f"certification {j} of {len(held)}",
            parse=partial(optional_year, today=today),
        )
        for j, cert_id in enumerate(held, 1)
    ]


# ------------------------------------------------------------ work history

ADD, DONE, QUICK, EDIT = "add", "done", "quick", "edit:"
POSITION_FIELDS = ("title", "role", "start", "end", "kinds")


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
            out.append({k: list(v) if isinstance(v, tuple) else v for k, v in data.items() if v})
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
    return [
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
            default=answers.get(Key(Part.field, "current_role")),  # opens on your current role
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
            choices=tuple(Choice(k.value, capital(k.label), k.label) for k in POSITION_KINDS),
            default=(),
        ),
    ]


def required_text(limit: int | None) -> Callable[[str], str]:
    optional = optional_text(limit)

    def parse(raw: str) -> str:
        text = optional(raw)
        if not text:
            raise ValueError("enter a title, e.g. Project manager, Acme")
        return text

    return parse


def year_month(raw: str, *, today: dt.date) -> str:
    """A month typed as YYYY-MM (or YYYY/MM), not in the future."""
    text = raw.strip().replace("/", "-")
    year, _, month = text.partition("-")
    if not (year.isdigit() and month.isdigit() and len(year) == 4 and 1 <= int(month) <= 12):
        raise ValueError("enter a month as YYYY-MM, e.g. 2019-03")
    value = f"{int(year):04d}-{int(month):02d}"
    latest = today.year * 12 + today.month - 1
    if not int(year) >= 1950 or month_index(value) > latest:
        raise ValueError(f"enter a month from 1950-01 to {month_of(latest)}")
    return value


def end_month(start: str | None, *, today: dt.date) -> Callable[[str], str | None]:
    def parse(raw: str) -> str | None:
        if not raw.strip():
            return None  # the current position
        value = year_month(raw, today=today)
        if start and month_index(value) < month_index(start):
            raise ValueError(f"the last month cannot be before the first ({start})")
        return value

    return parse


def edit_position(
    fw: Framework, answers: Answers, quick: bool, choice: str, ask: Ask, *, today: dt.date
) -> None:
    """Ask one position's questions again, each answer kept by Enter."""
    index = int(choice.removeprefix(EDIT))
    for name in POSITION_FIELDS:
        change_answer(fw, answers, quick, position_key(index, name), ask, today=today)


FIRST_TOPIC = next(iter(Training.model_fields))
#: Parts whose questions belong to the step before them (they never add a step).
CONTINUATIONS = (Part.cert_year, Part.position, Part.experience, Part.training)


def background_questions(fw: Framework, answers: Answers, *, today: dt.date) -> list[Question]:
    """The background questions, numbered in steps whose count never changes while answering.

    The year of each ticked certification is part of the certifications step
    ("Background 9 of 11 · certification 1 of 2"), each position and the years per
    kind are part of the work-history step, and each training topic part of one
    training step, so answering adds no step.
    """
    steps: list[list[Question]] = []
    for name in Profile.model_fields:
        if name in NOT_ASKED:
            continue
        for q in field_questions(fw, name, answers, today=today):
            follows = q.key.part in CONTINUATIONS or (
                q.key.part is Part.history and q.key.name != "1"
            )
            if q.key == Key(Part.training, FIRST_TOPIC):
                follows = False  # training is a step of its own
            if follows and steps:
                steps[-1].append(q)
            else:
                steps.append([q])
    numbered = []
    for i, (first, *rest) in enumerate(steps, 1):
        step = f"{BACKGROUND} {i} of {len(steps)}"
        numbered.append(
            replace(first, progress=step + (f" · {first.progress}" if first.progress else ""))
        )
        numbered += [
            replace(q, progress=f"{step} · {q.progress}" if q.progress else step) for q in rest
        ]
    return numbered


def rating_question(fw: Framework, comp_id: str, progress: str, section: str = "") -> Question:
    """A competency's level: every level's descriptor as details, then short choices.

    The descriptors are long (they are what tells the levels apart), so they are
    shown in full above the choice list rather than cut off in it. The target's
    required level is not shown.
    """
    comp = fw.competency_by_id[comp_id]
    scale = fw.scale_names
    levels = sorted(comp.levels)
    names = {level: f"{level} · {scale.get(level, '')}".rstrip(" ·") for level in levels}
    choices = [Choice(level, names[level], names[level]) for level in levels]
    choices.append(Choice(SKIP, "Not sure / skip", "not sure (unassessed)"))
    return Question(
        Key(Part.rating, comp_id),
        "select",
        prompt_of(Rating, "level", name=comp.name),
        progress=progress,
        section=section or fw.domain_by_id[comp.domain].name,
        choices=tuple(choices),
        hint=comp.summary,
        details=tuple((names[level], comp.levels[level]) for level in levels),
    )


def evidence_question(fw: Framework, comp_id: str, progress: str, section: str = "") -> Question:
    comp = fw.competency_by_id[comp_id]
    return Question(
        Key(Part.evidence, comp_id),
        "text",
        prompt_of(Rating, "evidence", name=comp.name),
        progress=progress,
        section=section or fw.domain_by_id[comp.domain].name,
        parse=optional_text(bounds(Rating, "evidence").max_length),
    )


def all_questions(
    fw: Framework, answers: Answers, quick: bool, *, today: dt.date
) -> Iterator[Question]:
    """Every question in order, as far as the answers so far determine them."""
    yield from background_questions(fw, answers, today=today)
    target = answers.get(Key(Part.field, "target_role"))
    comps = competencies_to_rate(fw, target, quick)
    for i, comp_id in enumerate(comps, 1):
        domain = fw.domain_by_id[fw.competency_by_id[comp_id].domain].name
        progress = f"Competency {i} of {len(comps)} · {domain}"
        yield rating_question(fw, comp_id, progress)
        rating = Key(Part.rating, comp_id)
        if rating in answers and answers[rating] != SKIP:
            yield evidence_question(fw, comp_id, progress)


def next_question(
    fw: Framework, answers: Answers, quick: bool, *, today: dt.date
) -> Question | None:
    for q in all_questions(fw, answers, quick, today=today):
        if q.key not in answers:
            return q
    return None


def question_for(
    fw: Framework, answers: Answers, quick: bool, key: Key, *, today: dt.date
) -> Question | None:
    if key.part in (Part.rating, Part.evidence):
        if key.name not in fw.competency_by_id:
            return None
        build = rating_question if key.part is Part.rating else evidence_question
        return build(fw, key.name, "Change an answer")
    return next((q for q in all_questions(fw, answers, quick, today=today) if q.key == key), None)


def answer_all(
    fw: Framework,
    answers: Answers,
    quick: bool,
    ask: Ask,
    saved: Callable[[Answers], None],
    previous: Answers | None = None,
    *,
    today: dt.date,
) -> None:
    """Ask every unanswered question, saving after each answer.

    ``previous`` (the last assessment's answers) are the defaults: Enter keeps them.
    """
    previous = previous or {}
    while (q := next_question(fw, answers, quick, today=today)) is not None:
        if q.key in previous:
            q = with_previous(q, previous[q.key])
        answers[q.key] = ask(q)
        saved(answers)
        choice = answers[q.key]
        if q.key.part is Part.history and isinstance(choice, str) and choice.startswith(EDIT):
            edit_position(fw, answers, quick, choice, ask, today=today)
            saved(answers)


# ----------------------------------------------------------- to a profile


def profile_data(answers: Answers) -> dict[str, Any]:
    """The profile file's data from the answers (the same shape an answers file has)."""
    data: dict[str, Any] = {"schema_version": PROFILE_SCHEMA_VERSION}
    experience: dict[str, Any] = {}
    training: dict[str, Any] = {}
    ratings: dict[str, Any] = {}
    years: dict[str, Any] = {}
    for key, value in answers.items():
        if key.part is Part.field and value is not None and value != "":
            data[key.name] = list(value) if isinstance(value, (list, tuple)) else value
        elif key.part is Part.experience:
            experience[key.name] = value
        elif key.part is Part.training:
            training[key.name] = value
        elif key.part is Part.cert_year:
            years[key.name] = value
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
        c if years.get(c) is None else {"id": c, "year": years[c]}
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
        if key not in answers or key.part in (Part.evidence, Part.history, Part.cert_year):
            continue
        if key.part is Part.position:
            index = key.name.split(".")[0]
            if index in seen_positions:
                continue
            seen_positions.add(index)
            keys = [position_key(int(index), f) for f in POSITION_FIELDS]
            rows.append(
                ReviewRow(
                    position_key(int(index), "title"),
                    q.section,
                    f"Position {index}",
                    position_text(answers, int(index)),
                    changed=differs(*keys),
                )
            )
            continue
        rows.append(row_for(fw, q, answers, differs))
    # Ratings kept from an earlier target (not asked now) are still shown: nothing is hidden.
    asked = {r.key for r in rows}
    for key in answers:
        if key.part is Part.rating and key not in asked:
            other = question_for(fw, answers, quick, key, today=today)
            if other is not None:
                row = row_for(fw, other, answers, differs)
                rows.append(replace(row, section="Other ratings"))
    return rows


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
        keys += [Key(Part.cert_year, c) for c in held]
    return ReviewRow(key, q.section, label, show_answer(q, answers), note, differs(*keys))


def position_text(answers: Answers, index: int) -> str:
    get = {f: answers.get(position_key(index, f)) for f in POSITION_FIELDS}
    span = f"{get['start'] or '?'} to {get['end'] or 'now'}"
    labels = {k.value: k.label for k in POSITION_KINDS}
    kinds = ", ".join(labels.get(str(k), str(k)) for k in get["kinds"] or ()) or "no kind ticked"
    return f"{get['title'] or '(untitled)'}, {span} ({kinds})"


def change_answer(
    fw: Framework, answers: Answers, quick: bool, key: Key, ask: Ask, *, today: dt.date
) -> None:
    """Ask one question again; a changed rating asks for its evidence again too.

    The answer given before is the default: Enter keeps a text answer (shown, not
    pre-typed), and a choice list opens with the cursor on it.
    """
    question = question_for(fw, answers, quick, key, today=today)
    if question is None:
        return
    if key in answers:
        question = with_previous(question, answers[key])
    answers[key] = ask(question)
    if key.part is Part.rating:
        evidence = Key(Part.evidence, key.name)
        previous_note = answers.pop(evidence, None)
        if answers[key] != SKIP:
            note = replace(
                evidence_question(fw, key.name, "Change an answer"), default=previous_note or ""
            )
            answers[evidence] = ask(note)


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
    for name in ("name", "current_role", "target_role", "education", "hours_per_week"):
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
    for comp, rating in profile.ratings.items():
        answers[Key(Part.rating, comp)] = SKIP if rating.level is None else rating.level
        if rating.level is not None and rating.evidence:
            answers[Key(Part.evidence, comp)] = rating.evidence
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


def with_previous(question: Question, value: Any) -> Question:
    """The question with last time's answer as its default: Enter keeps it."""
    if question.kind == "text":
        shown = f"{value:g}" if isinstance(value, float) else "" if value is None else str(value)
        return replace(question, default=shown)
    if question.kind == "checkbox":
        return replace(question, default=tuple(value or ()))
    if question.kind == "select" and any(c.value == value for c in question.choices):
        return replace(question, default=value)
    return question


def answers_to_draft(answers: Answers) -> dict[str, Any]:
    return {str(k): v for k, v in answers.items()}
