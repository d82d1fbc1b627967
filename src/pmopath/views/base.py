"""The base of every view, and the small pieces views share (a named reference, a status in words)."""

from typing import Any, ClassVar

from pmopath.base.text import count
from pmopath.model.framework import Model

#: The JSON documents' schema version (README, "JSON output").
SCHEMA_VERSION = 1


class View(Model):
    """Base of every view. ``kind`` names the result, and the renderers' method for it."""

    kind: ClassVar[str]

    def json_exclude(self) -> set[str]:
        """Fields left out of the JSON document (e.g. an explanation that was not asked for)."""
        return set()

    def to_json(self) -> dict[str, Any]:
        body = self.model_dump(mode="json", exclude=self.json_exclude())
        return {"schema_version": SCHEMA_VERSION, "kind": self.kind, **body}


class Ref(Model):
    """Something named: an ID and the name a person reads."""

    id: str
    name: str


class RoleRef(Ref):
    rank: int | None = None


def status_text(
    status: str, months: int | None, when: str | None = None, unchecked: tuple[str, ...] = ()
) -> str:
    """A certification status as a person reads it: "eligible in 3 months", or, where no
    month can be promised, why ("not yet: 36 months after you start leading projects"). A
    status resting on what pmopath cannot check says so: "eligible now, if at least 3 of the
    years were at a strategic level"."""
    if status == "not-yet-eligible":
        if months is None:
            return f"not yet: {when}" if when else "not yet eligible (no date can be given)"
        text = f"eligible in {count(months, 'month')}" + (f", {when}" if when else "")
    else:
        text = {"held": "held", "eligible": "eligible now", "blocked": "blocked"}[status]
    if unchecked and status in ("eligible", "not-yet-eligible"):
        more = len(unchecked) - 1
        first = unchecked[0]
        if first[:1].isupper() and first[1:2].islower():  # a sentence in the data: mid-sentence
            first = first[0].lower() + first[1:]
        text += f", if {first}" + (f" (and {count(more, 'condition')} more)" if more else "")
    return text
