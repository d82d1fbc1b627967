"""The engine's typed facts in words: one place, so every view and format says it alike.

The engine never words what it finds and nothing reads these words back: a rule that
needs to know what a requirement is asks its ``kind`` (tests/test_architecture.py checks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmopath.base.text import count

if TYPE_CHECKING:
    from pmopath.engine.eligibility import Eligibility, Missing
    from pmopath.engine.schedule import Binding
    from pmopath.engine.summary import Summary
    from pmopath.model.catalog import Framework


def window_text(months: int | None) -> str:
    """The recency window an experience requirement counts in: " in the last 8 years"."""
    if months is None:
        return ""
    years = months / 12
    return (
        f" in the last {count(years, 'year')}"
        if years.is_integer()
        else f" in the last {count(months, 'month')}"
    )


def missing_text(m: Missing, fw: Framework) -> str:
    """A requirement not met, as a person reads it ("24 more months of ... (you have 12)")."""
    if m.kind == "not-offered":
        return f"not currently offered ({m.status.value if m.status else 'withdrawn'})"
    if m.kind == "cycle":
        return "cycle"
    if m.kind == "education":
        if m.education is None:
            return "education not recorded in the profile"
        return f"needs {m.education.phrase}"
    if m.kind == "accreditation":
        return "needs a degree from a PMI GAC-accredited programme (not recorded in the profile)"
    if m.kind == "unreachable-certification":
        return f"hold {fw.cert_name(m.certification)} first (not reachable from this profile)"
    if m.kind == "certification":
        text = f"pass {fw.cert_name(m.certification)} first"
        if m.one_of:
            text += f" (or hold one of: {', '.join(fw.cert_name(c) for c in m.one_of)})"
        return text
    if m.kind == "training":
        topics = ", ".join(c.label for c in m.counted)
        return f"{count(m.amount, 'more hour')} of {m.topic} (counted: {topics})"
    assert m.experience is not None
    label = m.experience.label + window_text(m.within_months)
    if m.kind == "unrecorded-experience":
        return (
            f"{count(m.amount, 'month')} of {label} (pmopath does not record this; check your own)"
        )
    if m.kind == "window":
        return (
            f"your months of {label} leave the window before the rest is met"
            " (no date on this route as things stand)"
        )
    text = f"{count(m.amount, 'more month')} of {label} (you have {m.have:g})"
    if m.to_go is None:
        text += "; they count from the month you start such work"
    elif m.to_go > m.amount:
        text += f"; older months leave the window, so {count(m.to_go, 'month')} to go"
    return text


def eligible_when(el: Eligibility, fw: Framework) -> str | None:
    """Why a certification not yet eligible has no date, in words ("36 months after you
    start leading projects"), or what its date counts from ("counted from your planned move into
    PMO Director"); None when there is nothing to say beyond the months to go."""
    if el.status != "not-yet-eligible":
        return None
    if el.after_move is not None:
        return f"counted from your planned move into {fw.role_name(el.after_move)}"
    if el.eligible_in_months is not None:
        return None  # dated: the months say it
    for m in el.missing:
        if m.kind == "experience" and m.to_go is None and m.experience is not None:
            return f"{count(m.amount, 'month')} after you start {m.experience.label}"
        if m.kind == "window" and m.experience is not None:
            label = m.experience.label + window_text(m.within_months)
            return f"not as things stand: the months of {label} leave the window first"
        if m.kind == "certification" and m.certification:
            name = fw.cert_name(m.certification)
            return f"once {name} can be dated (it cannot yet)"
    return None


def missing_texts(missing: tuple[Missing, ...], fw: Framework) -> tuple[str, ...]:
    return tuple(missing_text(m, fw) for m in missing)


def binding_text(b: Binding, fw: Framework) -> str:
    """One requirement that sets the ready month: "governance (study)", "the move into ..."."""
    if b.kind == "experience" and b.ref:
        from pmopath.model.framework import ExperienceKind

        return f"{ExperienceKind(b.ref).label} experience (time in a role)"
    if b.kind == "move" and b.ref:
        return f"the move into {fw.role_name(b.ref)}"
    name = fw.competency_name(b.ref) if b.ref else "competencies"
    return f"{name} ({'on the job' if b.mode == 'on-the-job' else 'study'})"


#: What would give a date when no role on the path earns an experience requirement.
UNEARNED_REMEDY = (
    "an assignment that earns it (leading a small project, a secondment to a PMO)"
    " would start the count"
)


def what_sets_the_date(summary: Summary, fw: Framework) -> str | None:
    """What sets the ready month, and whether more weekly hours would move it."""
    if summary.ready_in_months is None:
        if summary.unearned:
            kinds = ", ".join(summary.unearned)
            return f"No ready month: no role on your path earns {kinds}; {UNEARNED_REMEDY}."
        return None
    if not summary.ready_set_by:
        return None
    names = "; ".join(dict.fromkeys(binding_text(b, fw) for b in summary.ready_set_by))
    text = f"What sets the date: {names}."
    if summary.more_hours is None:
        return text + " Time in a role sets it: more study hours will not move it."
    hours, sooner = summary.more_hours
    if sooner:
        return text + f" At {hours:g} h/week you would be ready {count(sooner, 'month')} sooner."
    return text + f" More hours (even {hours:g} a week) would not move it: work in a role sets it."
