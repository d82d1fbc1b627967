"""tests/coach_cases.md, section "4. Assertions", as typed checks (issue 20).

One :class:`Row` per assertion line, in the markdown's order; ``line`` is its line number in
tests/coach_cases.md (test_coach_cases.py checks that every line is here, once). A check
names typed facts only: role, certification and competency IDs, months, counts. The coach's
"month M" is the plan's month M (month 1 is the as-of month, 2026-11); where the coach gives
an estimate ("~"), the check is a range of months. ``xfail`` names what is missing today
(the reasons below); test_coach_cases.py marks those strict, so a row that starts to pass
fails the suite until its reason is removed.
"""

from __future__ import annotations

from dataclasses import dataclass

#: case: the profile (under tests/), its target and the weekly hours the coach worked with
CASES: dict[str, tuple[str, str, float]] = {
    "C01": ("data/personas/coordinator.yaml", "pmo-analyst", 4),
    "C02": ("data/personas/pm-with-pmp.yaml", "pmo-manager", 5),
    "C03": ("data/personas/pmo-analyst.yaml", "pmo-manager", 4),
    "C04": ("data/personas/pmo-analyst.yaml", "pmo-director", 4),
    "C05": ("data/personas/senior-pm-programme.yaml", "pmo-director", 6),
    "C06": ("data/personas/pmo-manager.yaml", "pmo-director", 5),
    "C07": ("data/personas/pmo-manager.yaml", "chief-project-officer", 5),
    "C08": ("data/personas/agile-lead.yaml", "program-manager", 5),
    "C09": ("../examples/project-manager.yaml", "pmo-director", 4),
    "C10": ("../examples/pmo-analyst.yaml", "pmo-director", 6),
    "C11": ("../examples/project-coordinator.yaml", "pmo-director", 5),
    "C12": ("data/personas/coach/taylor-support.yaml", "project-manager", 5),
    "C13": ("data/personas/coach/taylor-support.yaml", "pmo-analyst", 5),
    "C14": ("data/personas/coach/dana-hybrid.yaml", "project-manager", 5),
    "C15": ("data/personas/coach/dana-hybrid.yaml", "program-manager", 5),
    "C16": ("data/personas/coach/lee-junior.yaml", "project-manager", 5),
    "C17": ("data/personas/coach/chris-programme.yaml", "portfolio-manager", 5),
    "C18": ("data/personas/coach/jamie-analyst.yaml", "pmo-director", 6),
}

# What is missing today, one reason per feature another engineer is adding (issue 20).
KIND = "issue 20: the project-support position kind (the profile does not load yet)"
CPO = "issue 20: executive steps after the director move (CPO estimate, 3-5 years)"


@dataclass(frozen=True)
class PathIs:
    """The chosen path is one of these (current role first)."""

    alternatives: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PathNot:
    """The chosen path contains none of these runs of consecutive roles (one role: via)."""

    runs: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Alt:
    """If this path is shown as an alternative, it is ready no earlier than the chosen one."""

    path: tuple[str, ...]


@dataclass(frozen=True)
class Exp:
    """The target's experience of ``kind`` (or, with ``role``, the move into a stepping stone).

    held: months held now; month: met exactly in this plan month (0: met now);
    at_least: met no earlier; after_move: earned only from the move into that role.
    """

    kind: str
    role: str | None = None
    held: int | None = None
    month: int | None = None
    at_least: int | None = None
    after_move: str | None = None


@dataclass(frozen=True)
class AllMet:
    """Every experience requirement of the target is met now."""


@dataclass(frozen=True)
class PmoTime:
    """The director move comes at least ``months`` after the move into pmo-manager."""

    months: int = 24


@dataclass(frozen=True)
class CertMust:
    """Planned (an exam item); ``month``: its eligibility month.

    if_reached: only if the plan runs to that month; when_path_has: only on such a path.
    """

    cert: str
    month: int | None = None
    if_reached: bool = False
    when_path_has: str | None = None
    without: str | None = None  # the month is the same without this held credential


@dataclass(frozen=True)
class CertNot:
    """Not planned, as a certification item or a competency step that prepares for it.

    before: only its items starting before this month count; after: only those ending after
    it; after_move: (role, months) only those starting before that move + months.
    """

    certs: tuple[str, ...]
    before: int | None = None
    after: int | None = None
    after_move: tuple[str, int] | None = None
    when_path_has: str | None = None


@dataclass(frozen=True)
class Status:
    """Facts an eligibility status carries (as typed fields, never its wording).

    exp / without_exp: (kind, have, need) missing; training: (have, need) missing;
    exp_met: no experience of that kind missing; no_cert_first: no certification missing;
    needs_cert: that certification is missing first; without: with this held credential
    removed, the status is the same (or, with without_exp, that experience is missing);
    window: (eligible on this day, no longer on that day); renewal_of: the status asks
    whether that held credential is still active.
    """

    cert: str
    status: tuple[str, ...] = ()
    months: int | None = None
    undated: bool = False
    exp: tuple[str, int, int] | None = None
    exp_met: str | None = None
    training: tuple[int, int] | None = None
    training_met: bool = False
    unchecked: bool = False
    no_cert_first: bool = False
    needs_cert: str | None = None
    without: str | None = None
    without_exp: tuple[str, int, int] | None = None
    window: tuple[str, str] | None = None
    renewal_of: str | None = None


@dataclass(frozen=True)
class Action:
    """Competency steps (competency, level reached): offered in a doable form (gated) before
    the move into ``before``, or offered as they are (not gated)."""

    steps: tuple[tuple[str, int], ...]
    doable: bool
    before: str | None = None
    when_path_has: str | None = None


@dataclass(frozen=True)
class Renewal:
    """pmopath asks (or does not ask) whether a held credential is still active."""

    cert: str
    asked: bool


@dataclass(frozen=True)
class Years:
    """The ready month lies in lo..hi; binding: "competency" or the experience kind that sets
    it; after_move: later than the move into that role."""

    lo: int
    hi: int
    binding: str | None = None
    after_move: str | None = None


@dataclass(frozen=True)
class Conditioned:
    """Every open status of these certifications says what pmopath cannot check."""

    certs: tuple[str, ...]


@dataclass(frozen=True)
class FoundationAsStep:
    """A Foundation is planned only as the prerequisite of its Practitioner on the path."""


@dataclass(frozen=True)
class ThroughPmo:
    """A path to pmo-director contains pmo-manager and never ends program-manager -> it."""


Check = (
    PathIs
    | PathNot
    | Alt
    | Exp
    | AllMet
    | PmoTime
    | CertMust
    | CertNot
    | Status
    | Action
    | Renewal
    | Years
    | Conditioned
    | FoundationAsStep
    | ThroughPmo
)


@dataclass(frozen=True)
class Row:
    line: int  # in tests/coach_cases.md
    case: str  # C01..C18, or ALL (every case)
    field: str  # the markdown's field
    key: str  # the test ID is "<case>-<field>-<key>" (or "<case>-<field>" without one)
    check: Check
    xfail: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return "-".join(p for p in (self.case, self.field, self.key) if p)
