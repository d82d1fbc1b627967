"""Cross-file checks of a parsed framework: what one file's model cannot see alone.

Every reference exists; IDs and aliases are unique; the ladder and certificate
prerequisites have no cycle; every competency has all five descriptors and
actions for every step; every cited source is in its file's table. Each check
is one named step; :func:`cross_check` runs them all and returns every problem.

:func:`cross_warnings` finds what is suspicious but not wrong (a move up the ladder
that requires less than the role it leaves); a caller reports those without failing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pmopath.base.errors import DataError
from pmopath.model.document import Document, Loc, format_loc
from pmopath.model.framework import (
    LEVELS,
    PLACEHOLDERS,
    STEPS,
    Certification,
    Competency,
    DevelopmentAction,
    Role,
    RoleCompetency,
)

if TYPE_CHECKING:
    from pmopath.model.catalog import Framework

R, C, X = "roles.yaml", "competencies.yaml", "certifications.yaml"


class _CrossCheck:
    """Collects problems, each located by file, line and field."""

    def __init__(self, fw: Framework, docs: dict[str, Document]) -> None:
        self.fw = fw
        self.docs = docs
        self.errors: list[DataError] = []

    def add(self, file: str, loc: Loc, message: str, hint: str | None = None) -> None:
        doc = self.docs[file]
        self.errors.append(
            DataError(
                message,
                path=doc.path,
                line=doc.line_of(loc),
                field=format_loc(loc, doc.data) or None,
                hint=hint,
            )
        )

    def refs(
        self, file: str, loc: Loc, ids: Iterable[str], known: dict[str, Any], what: str
    ) -> None:
        for i, ref in enumerate(ids):
            if ref not in known:
                close = difflib.get_close_matches(ref, list(known), n=1)
                hint = f"did you mean '{close[0]}'?" if close else None
                self.add(file, (*loc, i), f"unknown {what} '{ref}'", hint)

    def unique(self, file: str, loc: Loc, items: Sequence[Any], what: str) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                self.add(file, (*loc, i, "id"), f"duplicate {what} id '{item.id}'")
            seen.add(item.id)

    def aliases(self, file: str, loc: Loc, items: Sequence[Any], what: str) -> None:
        owner: dict[str, str] = {item.id: item.id for item in items}
        for i, item in enumerate(items):
            for j, alias in enumerate(item.aliases):
                if alias in owner and owner[alias] != item.id:
                    self.add(
                        file,
                        (*loc, i, "aliases", j),
                        f"alias '{alias}' is already used by {what} '{owner[alias]}'",
                    )
                owner.setdefault(alias, item.id)

    def sources(
        self, file: str, registry: dict[str, Any], items: Iterable[tuple[Loc, Any]]
    ) -> None:
        for loc, cited in items:
            for j, sid in enumerate(cited):
                if sid not in registry:
                    self.add(file, (*loc, "sources", j), f"source '{sid}' is not in `sources`")

    def cycles(self, file: str, key: str, graph: dict[str, tuple[str, ...]], what: str) -> None:
        index = {item_id: i for i, item_id in enumerate(graph)}
        for cycle in find_cycles(graph):
            field = "leads_to" if file == R else "prerequisites"
            self.add(file, (key, index[cycle[0]], field), f"{what}: " + " -> ".join(cycle))


def cross_check(fw: Framework, docs: dict[str, Document]) -> list[DataError]:
    """Every problem the per-file models cannot see, in file order."""
    c = _CrossCheck(fw, docs)
    _check_identity(c)
    _check_scale(c)
    for i, comp in enumerate(fw.competencies):
        _check_competency(c, i, comp)
    for i, dom in enumerate(fw.domains):
        if not fw.competencies_in(dom.id):
            c.add(C, ("domains", i), f"domain '{dom.id}' has no competencies")
    _check_action_order(c)
    _check_plan_actions(c)
    for i, role in enumerate(fw.roles):
        _check_role(c, i, role)
    c.cycles(R, "roles", {r.id: r.leads_to for r in fw.roles}, "the ladder has a cycle")
    for i, cert in enumerate(fw.certifications):
        _check_certification(c, i, cert)
    prerequisites = {
        x.id: tuple(
            r for route in x.prerequisites.routes for r in (*route.certifications, *route.one_of)
        )
        for x in fw.certifications
    }
    c.cycles(X, "certifications", prerequisites, "prerequisites form a cycle")
    return c.errors


def _check_identity(c: _CrossCheck) -> None:
    fw = c.fw
    c.unique(R, ("roles",), fw.roles, "role")
    c.unique(C, ("competencies",), fw.competencies, "competency")
    c.unique(C, ("domains",), fw.domains, "domain")
    c.unique(X, ("certifications",), fw.certifications, "certification")
    c.aliases(R, ("roles",), fw.roles, "role")
    c.aliases(X, ("certifications",), fw.certifications, "certification")


def _check_scale(c: _CrossCheck) -> None:
    file = c.fw.competencies_file
    if sorted(s.level for s in file.scale) != list(LEVELS):
        c.add(C, ("scale",), "the scale must define each level 0, 1, 2, 3 and 4 exactly once")
    c.sources(C, file.sources, [(("scale_provenance",), file.scale_provenance.sources)])


def _check_competency(c: _CrossCheck, i: int, comp: Competency) -> None:
    fw = c.fw
    loc: Loc = ("competencies", i)
    if comp.domain not in fw.domain_by_id:
        c.refs(C, loc, [comp.domain], fw.domain_by_id, "domain")
    missing = [lvl for lvl in LEVELS if lvl not in comp.levels]
    if missing:
        c.add(C, (*loc, "levels"), f"missing descriptors for level {', '.join(map(str, missing))}")
    for step in STEPS:
        if not comp.actions.get(step):
            c.add(C, (*loc, "actions"), f"no development actions for step {step}")
        for j, action in enumerate(comp.actions.get(step, ())):
            where: Loc = (*loc, "actions", step, j)
            if action.certification is not None:
                c.refs(C, where, [action.certification], fw.certification_by_id, "certification")
            if action.context is not None and action.doable is None:
                c.add(
                    C,
                    (*where, "context"),
                    f"an action that needs {action.context.label} needs a `doable` form",
                    "add doable: {form: shadow | secondment | propose, title: ...} for "
                    "someone who does not have it yet",
                )
            if action.doable is not None and action.context is None:
                c.add(C, (*where, "doable"), "a `doable` form is for an action with a `context`")
    c.sources(C, fw.competencies_file.sources, [(loc, comp.sources)])


def _actions(fw: Framework) -> list[tuple[str, str, Loc, DevelopmentAction]]:
    """Every competency action: its name in the `after` graph (its `id`, or
    ``competency:step[index]``), its ``competency:step``, its location, the action."""
    return [
        (action.id or f"{comp.id}:{step}[{j}]", f"{comp.id}:{step}", loc, action)
        for i, comp in enumerate(fw.competencies)
        for step, actions in comp.actions.items()
        for j, action in enumerate(actions)
        for loc in [("competencies", i, "actions", step, j)]
    ]


def _check_action_order(c: _CrossCheck) -> None:
    """Every `after` names an action (an `id`, or a ``competency:step``); ids are unique;
    the order has no cycle."""
    entries = _actions(c.fw)
    ids: set[str] = set()
    steps: dict[str, list[str]] = {}
    for name, step, loc, action in entries:
        if action.id is not None and action.id in ids:
            c.add(C, (*loc, "id"), f"duplicate action id '{action.id}'")
        if action.id is not None:
            ids.add(action.id)
        steps.setdefault(step, []).append(name)
    known = {**dict.fromkeys(ids), **dict.fromkeys(steps)}
    graph: dict[str, tuple[str, ...]] = {}
    for name, _, loc, action in entries:
        after = action.after
        graph[name] = (
            () if after is None else (after,) if after in ids else (*steps.get(after, ()),)
        )
        if after is not None and after not in known:
            close = difflib.get_close_matches(after, list(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else None
            c.add(C, (*loc, "after"), f"unknown action '{after}'", hint)
    where = {name: loc for name, _, loc, _ in entries}
    for cycle in find_cycles(graph):
        c.add(C, (*where[cycle[0]], "after"), "actions form a cycle: " + " -> ".join(cycle))


def _check_plan_actions(c: _CrossCheck) -> None:
    actions = c.fw.competencies_file.plan_actions
    if actions is None:
        return
    registry = c.fw.competencies_file.sources
    c.sources(C, registry, [(("plan_actions",), actions.sources)])
    for name in ("mentor", "community", "resume", "star_stories", "apply"):
        action = getattr(actions, name)
        loc: Loc = ("plan_actions", name)
        c.sources(C, registry, [(loc, action.sources)])
        for placeholder in re.findall(r"\{([^{}]*)\}", action.title):
            if placeholder not in PLACEHOLDERS:
                c.add(
                    C,
                    (*loc, "title"),
                    f"unknown placeholder '{{{placeholder}}}'",
                    "use " + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS),
                )
        if action.unless is not None and action.unless.competency not in c.fw.competency_by_id:
            c.refs(
                C, (*loc, "unless"), [action.unless.competency], c.fw.competency_by_id, "competency"
            )


def _check_role(c: _CrossCheck, i: int, role: Role) -> None:
    fw = c.fw
    roles, comps = fw.role_by_id, fw.competency_by_id
    loc: Loc = ("roles", i)
    c.refs(R, (*loc, "leads_to"), role.leads_to, roles, "role")
    c.refs(
        R, (*loc, "certifications"), role.certifications, fw.certification_by_id, "certification"
    )
    for comp_id in role.competencies:
        if comp_id not in comps:
            close = difflib.get_close_matches(comp_id, list(comps), n=1)
            c.add(
                R,
                (*loc, "competencies", comp_id),
                f"unknown competency '{comp_id}'",
                f"did you mean '{close[0]}'?" if close else None,
            )
    primary = role.primary_certification
    if primary is not None and primary not in role.certifications:
        c.add(
            R,
            (*loc, "primary_certification"),
            f"'{primary}' is not among the role's certifications",
            "list it under certifications too",
        )
    for j, nxt in enumerate(role.leads_to):
        if nxt in roles and roles[nxt].rank < role.rank:
            c.add(
                R,
                (*loc, "leads_to", j),
                f"'{nxt}' (rank {roles[nxt].rank}) is below '{role.id}' (rank {role.rank})",
                "the ladder only leads up or sideways",
            )
    if role.typical_years.max is not None and role.typical_years.max < role.typical_years.min:
        c.add(R, (*loc, "typical_years"), "max is below min")
    c.sources(R, fw.roles_file.sources, [(loc, role.sources)])


def _check_certification(c: _CrossCheck, i: int, cert: Certification) -> None:
    fw = c.fw
    certs = fw.certification_by_id
    loc: Loc = ("certifications", i)
    c.refs(X, (*loc, "suits_roles"), cert.suits_roles, fw.role_by_id, "role")
    c.refs(X, (*loc, "evidences"), cert.evidences, fw.competency_by_id, "competency")
    if cert.superseded_by is not None:
        c.refs(X, loc, [cert.superseded_by], certs, "certification")
    c.refs(X, (*loc, "outranked_by"), cert.outranked_by, certs, "certification")
    if cert.id in cert.outranked_by:
        c.add(X, (*loc, "outranked_by"), "a certification cannot outrank itself")
    for k, route in enumerate(cert.prerequisites.routes):
        rloc: Loc = (*loc, "prerequisites", "routes", k)
        c.refs(X, (*rloc, "certifications"), route.certifications, certs, "certification")
        c.refs(X, (*rloc, "one_of"), route.one_of, certs, "certification")
        if cert.id in route.certifications or cert.id in route.one_of:
            c.add(X, (*rloc, "certifications"), "a certification cannot require itself")
        for g, gate in enumerate(route.experience):
            c.refs(X, (*rloc, "experience", g, "waived_by"), gate.waived_by, certs, "certification")
        if route.training is not None:
            where: Loc = (*rloc, "training", "waived_by")
            c.refs(X, where, route.training.waived_by, certs, "certification")
    if cert.study.max_hours < cert.study.min_hours:
        c.add(X, (*loc, "study"), "max_hours is below min_hours")
    parts: list[tuple[Loc, Any]] = [
        (loc, cert.sources),
        ((*loc, "prerequisites"), cert.prerequisites.sources),
        ((*loc, "renewal"), cert.renewal.sources),
        ((*loc, "study"), cert.study.sources),
    ]
    parts += [((*loc, "exams", j), e.sources) for j, e in enumerate(cert.exams)]
    parts += [((*loc, "fees", j), f.sources) for j, f in enumerate(cert.fees)]
    c.sources(X, fw.certifications_file.sources, parts)


def cross_warnings(fw: Framework, docs: dict[str, Document]) -> list[DataError]:
    """Problems to report without failing: moves up the ladder that require less.

    For each move R -> N (each N in R's ``leads_to``), a competency R requires that N
    requires at a lower level, or not at all, is a drop. A drop is explained when N's
    ``note`` names the competency: its ID, its name, or its name without the part in
    brackets ("PMO management"), in any case. One warning per move with unexplained
    drops, located at R's ``leads_to`` entry, naming both roles and the competencies.
    """
    c = _CrossCheck(fw, docs)
    for i, role in enumerate(fw.roles):
        _warn_downward_moves(c, i, role)
    return c.errors


def _warn_downward_moves(c: _CrossCheck, i: int, role: Role) -> None:
    for j, nxt_id in enumerate(role.leads_to):
        nxt = c.fw.role_by_id.get(nxt_id)
        if nxt is None:
            continue  # an unknown role is an error of its own
        drops = [
            _drop(comp_id, need, nxt.competencies.get(comp_id))
            for comp_id, need in role.competencies.items()
            if _requires_less(need, nxt.competencies.get(comp_id))
            and not _note_names(c.fw, nxt.note, comp_id)
        ]
        if drops:
            c.add(
                R,
                ("roles", i, "leads_to", j),
                f"moving up from '{role.id}' to '{nxt.id}' requires less: {', '.join(drops)}",
                f"raise '{nxt.id}' to match, or say why in its `note`, naming each competency",
            )


def _requires_less(need: RoleCompetency, then: RoleCompetency | None) -> bool:
    return then is None or then.level < need.level


def _drop(comp_id: str, need: RoleCompetency, then: RoleCompetency | None) -> str:
    return f"{comp_id} {need.level} -> {'not required' if then is None else then.level}"


def _note_names(fw: Framework, note: str | None, comp_id: str) -> bool:
    """Whether a note names a competency (ID, name, or name before its brackets)."""
    if not note:
        return False
    text = " ".join(note.lower().split())
    names = {comp_id}
    comp = fw.competency_by_id.get(comp_id)
    if comp is not None:
        names |= {comp.name.lower(), comp.name.split(" (")[0].strip().lower()}
    return any(" ".join(name.split()) in text for name in names)


def find_cycles(graph: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Cycles in a directed graph (each reported once, from its smallest node)."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    for start in sorted(graph):
        if state.get(start):
            continue
        stack: list[tuple[str, Iterable[str]]] = [(start, iter(sorted(graph.get(start, ()))))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            nxt = next(iter(children), None)
            if nxt is None:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(sorted(graph.get(nxt, ())))))
    return cycles
