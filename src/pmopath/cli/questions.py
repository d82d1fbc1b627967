"""What a question is and how an answer is checked: the pieces every part of the questionnaire is made of.

A :class:`Question` says what to ask; an ``ask`` callable (the seam: questionary in a
terminal, a script in the tests) answers it. Answers are kept by :class:`Key`."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, Protocol, get_args

from pmopath.base.months import as_month, month_index, month_of
from pmopath.model.profile import Experience, HeldCertification, Profile, Training, bounds

SKIP = "__skip__"  # the value of "Not sure / skip"


CLEAR = "-"  # typed where Enter would keep a previous answer: empties an optional one


BACKGROUND = "Background"


class Part(str, Enum):
    """What an answer is: a profile field, a part of one, or a question about the draft."""

    field = "field"  # a top-level profile field (name, current_role, ...)
    experience = "experience"  # one of Experience's fields
    history = "history"  # the work-history menu (add, edit, done, or years instead)
    position = "position"  # one field of one position: "position.2.start"
    training = "training"  # one of Training's topics
    cert_year = "cert_year"  # the year a held certification was obtained
    cert_renewal = "cert_renewal"  # past a renewal point: renewed, lapsed or not sure
    cert_renewed = "cert_renewed"  # the year it was last renewed
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
    #: A checkbox that needs at least one tick (refused empty, as a bad text answer is).
    required: bool = False
    #: A select's keys, one per choice ("" for none): pressing one picks that choice at once
    #: (a level's digit, a review line's key), so a change takes one key press, not several.
    keys: tuple[str, ...] = ()

    def refusal(self, ticked: Any) -> str | None:
        """Why a checkbox answer is refused (None: accepted)."""
        if self.kind == "checkbox" and self.required and not ticked:
            return "tick at least one (space ticks, enter when done)"
        return None

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


def number(
    low: float | None,
    high: float | None,
    *,
    allow_low: bool = True,
    whole: bool = False,
) -> Callable[[str], float]:
    """A parser for a number within the limits (None: no limit); ``whole``: no fraction."""

    def parse(raw: str) -> float:
        text = raw.strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise ValueError(
                "enter a whole number, e.g. 3" if whole else "enter a number, e.g. 3 or 2.5"
            ) from None
        too_low = low is not None and (value < low or (value == low and not allow_low))
        if (
            value != value
            or value in (math.inf, -math.inf)
            or too_low
            or (high is not None and value > high)
        ):
            raise ValueError(_range_text(low, high, allow_low))
        if whole and not value.is_integer():
            raise ValueError("enter a whole number, e.g. 3")
        return int(value) if value.is_integer() else value

    return parse


def _range_text(low: float | None, high: float | None, allow_low: bool) -> str:
    lower = None if low is None else (f"{low:g}" if allow_low else f"more than {low:g}")
    if lower is not None and high is not None:
        return f"enter a number from {lower} to {high:g}"
    if lower is not None:
        return f"enter a number of at least {low:g}" if allow_low else f"enter a number {lower}"
    return f"enter a number up to {high:g}" if high is not None else "enter a number"


def number_type(annotation: Any) -> type | None:
    """int or float when a field holds a number (through Optional and Annotated), else None."""
    if annotation is int or annotation is float:
        return annotation
    for arg in get_args(annotation):
        found = number_type(arg)
        if found is not None:
            return found
    return None


def is_flag(annotation: Any) -> bool:
    """True when a field holds a yes/no (through Optional and Annotated)."""
    return annotation is bool or any(is_flag(arg) for arg in get_args(annotation))


def number_for(
    model: type[Profile] | type[Experience] | type[Training], name: str
) -> Callable[[str], float]:
    """A number parser with the limits the model enforces on that field."""
    b = bounds(model, name)
    whole = number_type(model.model_fields[name].annotation) is int
    return number(b.low, b.high, allow_low=not b.low_open, whole=whole)


def optional_year(raw: str, *, today: dt.date) -> int | None:
    text = raw.strip()
    if not text:
        return None
    limits = bounds(HeldCertification, "year")
    low, high = int(limits.low or 0), min(int(limits.high or 9999), today.year)
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValueError(f"enter a year from {low} to {high}, or leave it empty")
    return int(text)


def renewed_year(raw: str, *, today: dt.date, since: int | None) -> int:
    """The year a credential was last renewed: from the year obtained to this year."""
    text = raw.strip()
    limits = bounds(HeldCertification, "renewed")
    low = since if since is not None else int(limits.low or 0)
    high = min(int(limits.high or 9999), today.year)
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValueError(f"enter a year from {low} to {high}")
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
    latest = as_month(today)
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
