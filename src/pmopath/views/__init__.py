"""One view per result: what a command shows, resolved once for every format.

A view holds names resolved from IDs, labels chosen and numbers formatted, so a
renderer only lays it out. The JSON output is the view's ``model_dump``, with
``schema_version`` and ``kind`` in front; keys are only ever added within a
schema version. Builders are pure functions of the framework and the results.

Builders make views with ``model_construct``: their inputs are already validated
models and typed code, so a second validation would only cost start-up time
(the tests check that every built view would pass validation).
"""

from pmopath.views.base import View


def all_views() -> list[type[View]]:
    """Every concrete view class (for the renderers' and parity tests)."""
    from pmopath.views import (  # noqa: F401  (registers them)
        browse,
        diff,
        eligible,
        history,
        profile,
        progress,
        results,
        roadmap,
        team,
    )

    out: list[type[View]] = []
    stack = list(View.__subclasses__())
    while stack:
        cls = stack.pop(0)
        out.append(cls)
        stack.extend(cls.__subclasses__())
    return [c for c in out if "kind" in c.__dict__]
