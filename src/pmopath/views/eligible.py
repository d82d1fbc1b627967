"""A person's own eligibility: for one certification, or for every one, soonest first."""

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, Literal

from pmopath.model.framework import CertStatus, Model
from pmopath.views.base import View, renewal_fields, status_text
from pmopath.views.wording import eligible_when, missing_texts

if TYPE_CHECKING:  # the view classes load with `certs`; the engine only when a profile is known
    from pmopath.engine.eligibility import Eligibility
    from pmopath.model.catalog import Framework


class YourEligibility(Model):
    """One certification's status for one person, and everything behind it."""

    status: str  # held | eligible | not-yet-eligible | blocked
    status_text: str
    route: str | None
    eligible_in_months: int | None  # None when not yet eligible: no month can be promised
    eligible_when: str | None  # why there is no month, in words
    missing: tuple[str, ...]
    assumptions: tuple[str, ...]
    unchecked: tuple[str, ...]  # what the status rests on that pmopath cannot check
    basis: str  # whose profile: "your latest assessment (20261122-093000)", a file
    as_of: dt.date
    hours_per_week: float
    #: a listed credential's standing: current | lapsed | unknown | no-rule (None: not listed)
    renewal: str | None = None
    renewal_due: int | None = None  # current: when it next falls due; unknown: the point passed


def your_eligibility(
    fw: "Framework", el: "Eligibility", basis: str, as_of: dt.date, hpw: float
) -> YourEligibility:
    when = eligible_when(el, fw)
    return YourEligibility.model_construct(
        status=el.status,
        status_text=status_text(el.status, el.eligible_in_months, when, el.unchecked, el.renewal),
        route=el.route,
        eligible_in_months=el.eligible_in_months,
        eligible_when=when,
        missing=missing_texts(el.missing, fw),
        assumptions=el.assumptions,
        unchecked=el.unchecked,
        basis=basis,
        as_of=as_of,
        hours_per_week=hpw,
        **renewal_fields(el.renewal),
    )


Group = Literal["now", "within-a-year", "later", "no-date", "held", "blocked", "not-offered"]
#: The groups `certs --eligible` shows, in order, with their titles.
GROUPS: "dict[Group, str]" = {
    "now": "Eligible now",
    "within-a-year": "Eligible within a year",
    "later": "Eligible later",
    "no-date": "No date yet",
    "held": "Held",
    "blocked": "Blocked",
    "not-offered": "No longer offered",
}


class EligibleRow(YourEligibility):
    id: str
    name: str
    body: str
    group: Group  # where it is listed (see GROUPS)


class EligibleGroup(Model):
    id: Group
    title: str
    rows: tuple[EligibleRow, ...]


class EligibleView(View):
    kind: ClassVar[str] = "eligible"
    basis: str
    as_of: dt.date
    hours_per_week: float
    certifications: tuple[EligibleRow, ...]  # soonest first; blocked, then held, last
    assumptions: tuple[str, ...]  # each once, with the certifications it concerns
    groups: tuple[EligibleGroup, ...] = ()  # what the text formats show, group by group
    hidden: int = 0  # certifications no longer offered, left out without --all

    def json_exclude(self) -> set[str]:
        return {"groups", "hidden"}  # JSON lists every certification, with its group


ORDER = {"eligible": 0, "not-yet-eligible": 1, "blocked": 2, "held": 3}


def group_of(el: "Eligibility", offered: bool) -> Group:
    if not offered and el.status != "held":
        return "not-offered"
    if el.status == "eligible":
        return "now"
    if el.status == "not-yet-eligible":
        months = el.eligible_in_months
        if months is None:
            return "no-date"
        return "within-a-year" if months <= 12 else "later"
    return "held" if el.status == "held" else "blocked"


def eligible_view(
    fw: "Framework",
    found: "dict[str, Eligibility]",
    basis: str,
    as_of: dt.date,
    hours_per_week: float,
    *,
    show_all: bool = False,
) -> EligibleView:
    """Every certification with the person's status: eligible now, then soonest, then the rest."""
    position = {c.id: i for i, c in enumerate(fw.certifications)}
    rows = []
    for cert in fw.certifications:
        el = found[cert.id]
        mine = your_eligibility(fw, el, basis, as_of, hours_per_week)
        group = group_of(el, cert.status is CertStatus.active)
        rows.append(
            EligibleRow.model_construct(
                **dict(mine), id=cert.id, name=cert.name, body=cert.body, group=group
            )
        )
    # not yet eligible: dated rows first, soonest first; then those no month can be given
    rows.sort(key=lambda r: (ORDER[r.status], _months_key(r.eligible_in_months), position[r.id]))
    assumed: dict[str, list[str]] = {}
    for row in rows:
        for a in row.assumptions:
            assumed.setdefault(a, []).append(row.name)
    shown = [r for r in rows if show_all or r.group != "not-offered"]
    groups = tuple(
        EligibleGroup.model_construct(id=g, title=title, rows=members)
        for g, title in GROUPS.items()
        if (members := tuple(r for r in shown if r.group == g))
    )
    return EligibleView.model_construct(
        basis=basis,
        as_of=as_of,
        hours_per_week=hours_per_week,
        certifications=tuple(rows),
        assumptions=tuple(f"{a} ({', '.join(names)})" for a, names in assumed.items()),
        groups=groups,
        hidden=len(rows) - len(shown),
    )


def _months_key(months: int | None) -> float:
    return float("inf") if months is None else months
