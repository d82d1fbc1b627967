"""What the summary engine gives for a saved assessment on its own day: the figures the
tests of `diff` and `progress` compare their output with."""

from __future__ import annotations

from pmopath.base.months import month_label
from pmopath.base.text import local_day
from pmopath.engine.summary import summarise
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile


def figures(fw: Framework, profile: Profile, target: str) -> tuple[float, str | None]:
    """Readiness and ready month as the summary engine gives them on the assessment's day."""
    assert profile.assessed_at is not None
    day = local_day(profile.assessed_at)
    summary = summarise(profile, fw, target, as_of=day)[1]
    ready = summary.ready_in_months
    return summary.readiness, None if ready is None else month_label(day, max(ready, 1))
