"""Whether a held credential is still in good standing, by its body's renewal cycle (pure).

A credential runs from the year it was obtained or last renewed (whichever is later) for
its body's cycle (``renewal.period_years`` in the data). Against ``as_of`` it is:

* ``current``: within its cycle;
* ``lapsed``: the person says so; it is not held until renewed or reinstated;
* ``unknown``: a renewal point has passed with no renewal recorded, or no year is recorded
  at all, for a certification whose body has a cycle. It counts as held, but whatever rests
  on it is eligible only if it is still active (fact sheet section 7);
* ``no-rule``: the data gives no cycle (PMI-PMOCP's is unconfirmed; PSM I never expires).

Years only: a credential whose year plus its cycle is this year or earlier has reached a
renewal point, so pmopath asks rather than assume it was renewed.
"""

import datetime as dt
from typing import Literal

from pmopath.base.errors import ExitStatus, PmopathError
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model
from pmopath.model.profile import HeldCertification, Profile

Standing = Literal["current", "lapsed", "unknown", "no-rule"]


class FutureRenewal(PmopathError):
    """A renewal after ``as_of``: bad input, which only the day it is judged on reveals."""

    exit_code = ExitStatus.DATA


class CertStanding(Model):
    """One held credential's standing, as facts: a view words it."""

    id: str
    standing: Standing
    #: the year its current cycle began: the later of obtained and renewed (None: not recorded)
    since: int | None = None
    period_years: int | None = None
    #: current: the year it next falls due; unknown: the first renewal point that passed
    #: unrecorded (None when no year is recorded); lapsed and no-rule: None
    due: int | None = None


def standing(fw: Framework, held: HeldCertification, as_of: dt.date) -> CertStanding:
    """The standing of one held credential on ``as_of``."""
    if held.renewed is not None and held.renewed > as_of.year:
        raise FutureRenewal(
            f"the profile says {held.id} was renewed in {held.renewed}, after today"
            f" ({as_of.isoformat()})",
            hint="give the year it was last renewed, or leave `renewed` out",
        )
    cert = fw.certification_by_id.get(held.id)
    period = None if cert is None else cert.renewal.period_years
    since = max((y for y in (held.year, held.renewed) if y is not None), default=None)
    found, due = standing_of(period, since, held.lapsed, as_of)
    return CertStanding(id=held.id, standing=found, since=since, period_years=period, due=due)


def standing_of(
    period: int | None, since: int | None, lapsed: bool, as_of: dt.date
) -> tuple[Standing, int | None]:
    """The rule itself, on plain values: the standing and the year it is (or was) due."""
    if lapsed:
        return "lapsed", None
    if period is None:
        return "no-rule", None
    if since is None:
        return "unknown", None
    due = since + period
    return ("current" if due > as_of.year else "unknown"), due


def standings(fw: Framework, profile: Profile, as_of: dt.date) -> dict[str, CertStanding]:
    """Every held credential's standing, by certification ID."""
    return {c.id: standing(fw, c, as_of) for c in profile.certifications}


def still_active(name: str, found: CertStanding) -> str:
    """The condition a status resting on an unknown credential carries: "your PMP (2020) is
    still active"."""
    year = "" if found.since is None else f" ({found.since})"
    return f"your {name}{year} is still active"
