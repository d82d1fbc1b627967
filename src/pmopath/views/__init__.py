"""One view per result: what a command shows, resolved once for every format.

A view holds names resolved from IDs, labels chosen and numbers formatted, so a
renderer only lays it out. The JSON output is the view's ``model_dump``, with
``schema_version`` and ``kind`` in front; keys are only ever added within a
schema version. Builders are pure functions of the framework and the results.

Builders make views with ``model_construct``: their inputs are already validated
models and typed code, so a second validation would only cost start-up time
(the tests check that every built view would pass validation).
"""

from typing import Any, ClassVar

from pmopath.models import Model
from pmopath.text import count

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


def status_text(status: str, months: int | None) -> str:
    """A certification status as a person reads it: "eligible in 3 months"."""
    if status == "not-yet-eligible":
        return f"eligible in {count(months or 0, 'month')}"
    return {"held": "held", "eligible": "eligible now", "blocked": "blocked"}[status]


def all_views() -> list[type[View]]:
    """Every concrete view class (for the renderers' and parity tests)."""
    from pmopath.views import browse, eligible, results  # noqa: F401  (registers the subclasses)

    out: list[type[View]] = []
    stack = list(View.__subclasses__())
    while stack:
        cls = stack.pop(0)
        out.append(cls)
        stack.extend(cls.__subclasses__())
    return [c for c in out if "kind" in c.__dict__]
