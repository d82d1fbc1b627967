"""The base of every view, and the small pieces views share (a named reference, a status in words)."""

from typing import TYPE_CHECKING, Any, ClassVar

from pmopath.base.text import count
from pmopath.model.framework import Model

if TYPE_CHECKING:  # attributes only: a view of the catalogue does not load the engine
    from pmopath.engine.renewal import CertStanding

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
    status: str,
    months: int | None,
    when: str | None = None,
    unchecked: tuple[str, ...] = (),
    renewal: "CertStanding | None" = None,
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
    return text + renewal_text(renewal)


def renewal_text(renewal: "CertStanding | None") -> str:
    """What a listed credential's standing adds to its status: "; current to 2027"."""
    if renewal is None or renewal.standing == "no-rule":
        return ""  # no cycle in the data: none is invented
    if renewal.standing == "current":
        return f"; current to {renewal.due}"
    if renewal.standing == "lapsed":
        return " (yours lapsed, so it is not counted as held)"
    if renewal.due is None:
        return "; no year recorded, so its renewal cannot be checked"
    return f"; renewal was due in {renewal.due} (not recorded)"


def renewal_fields(renewal: "CertStanding | None") -> dict[str, Any]:
    """A listed credential's standing as a view's fields (``renewal``, ``renewal_due``)."""
    if renewal is None:
        return {"renewal": None, "renewal_due": None}
    return {"renewal": renewal.standing, "renewal_due": renewal.due}
