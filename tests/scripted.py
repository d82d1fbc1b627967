"""A scripted `ask` for driving the questionnaire without a terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pmopath.cli.assess import SAVE
from pmopath.cli.questions import SKIP, Key, Part, Question


class Interrupt(KeyboardInterrupt):
    pass


class Refused(AssertionError):
    """A scripted answer the terminal would refuse (an empty required checkbox)."""


class ScriptedAsk:
    """Answers questions from a script; raises KeyboardInterrupt on the Nth question if asked to."""

    def __init__(
        self,
        script: dict[str, Any] | None = None,
        *,
        rating: Callable[[str], Any] | None = None,
        interrupt_at: int | None = None,
        review: list[Any] | None = None,
    ) -> None:
        self.script = dict(script or {})
        self.rating = rating or (lambda comp: 2)
        self.interrupt_at = interrupt_at
        self.review = list(review or [])
        self.asked: list[str] = []

    def __call__(self, q: Question) -> Any:
        if self.interrupt_at is not None and len(self.asked) == self.interrupt_at:
            raise Interrupt()
        key = str(q.key)  # scripts spell keys as the draft file does: "rating.governance"
        self.asked.append(key)
        if q.key == Key(Part.review, "part"):  # pick the part that holds the next change
            wanted = self.review[0] if self.review else "__save__"
            if wanted == "__save__":
                self.review[:1] = []
                return SAVE
            target = Key.parse(wanted)
            if any(c.value == target for c in q.choices):  # on the list itself: picked at once
                self.review[:1] = []
                return target
            return next(c.value for c in q.choices if target in getattr(c.value, "keys", ()))
        if q.key == Key(Part.review, "answer"):
            return Key.parse(self.review.pop(0))
        if key in self.script:
            value = self.script[key]
            refused = q.refusal(value)
            if refused is not None:  # the terminal would not take it: the script is wrong
                raise Refused(f"{key}: {refused}")
            return q.convert(value) if q.kind == "text" and isinstance(value, str) else value
        if q.key.part is Part.history:
            return "done"  # an unscripted work history: none listed
        if q.key.part is Part.rating:
            return self.rating(q.key.name)
        if q.key.part is Part.evidence:
            return q.convert(f"did {q.key.name} at work")
        if q.kind == "confirm":
            return q.default
        if q.kind == "select":
            return q.default if q.default is not None else q.choices[0].value
        if q.kind == "checkbox":
            return list(q.default or ())
        return q.convert("" if q.default is None else str(q.default))


BACKGROUND = {
    "name": "Test Person",
    "current_role": "project-manager",
    "history.1": "add",
    "position.1.title": "Project manager, Acme",
    "position.1.role": "project-manager",
    "position.1.start": "2019-01",
    "position.1.end": "",
    "position.1.kinds": ["project-management", "people-leadership"],
    "history.2": "add",
    "position.2.title": "Programme lead (part-time), Acme",
    "position.2.role": "",
    "position.2.start": "2024-06",
    "position.2.end": "2025-11",
    "position.2.kinds": ["program"],
    "history.3": "done",
    "education": "bachelor",
    "training.general": "40",
    "training.pmo": "",
    "training.agile": "16",
    "certifications": ["pmp", "csm"],
    "cert_year.pmp": "2021",
    "cert_year.csm": "",
    "hours_per_week": "5",
}


def skip_risk(comp: str) -> Any:
    return SKIP if comp == "risk-management" else 2
