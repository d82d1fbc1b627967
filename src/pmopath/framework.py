"""Loading, checking and querying the framework (roles, competencies, certifications).

``load_framework(data_dir)`` is the one entry point: it reads the three files
(an organisation's folder may replace any of them), validates each against its
model, runs the cross-file checks, and returns a frozen :class:`Framework` or
raises :class:`~pmopath.errors.DataErrors` naming every problem found.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from pmopath.errors import DataError, DataErrors, NotFoundError
from pmopath.models import (
    FILE_MODELS,
    LEVELS,
    STEPS,
    Certification,
    CertificationsFile,
    Competency,
    CompetencyFile,
    Domain,
    Model,
    Role,
    RolesFile,
)
from pmopath.yamlio import Document, Loc, format_loc, load_yaml

FILES = tuple(FILE_MODELS)
ENV_DATA = "PMOPATH_DATA"

M = TypeVar("M", bound=Model)


def builtin_data_dir() -> Path:
    """The framework shipped with pmopath (inside the wheel, or the checkout's data/)."""
    packaged = Path(str(resources.files("pmopath"))) / "data"
    if (packaged / FILES[0]).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data"
    return checkout


def resolve_paths(data_dir: Path | None) -> dict[str, Path]:
    """Map each framework file name to the path it is read from.

    A file present in ``data_dir`` (or ``$PMOPATH_DATA``) replaces the built-in one.
    """
    builtin = builtin_data_dir()
    paths = {name: builtin / name for name in FILES}
    if data_dir is None and os.environ.get(ENV_DATA):
        data_dir = Path(os.environ[ENV_DATA])
    if data_dir is not None:
        if not data_dir.is_dir():
            raise DataError("framework folder not found", path=data_dir)
        found = [name for name in FILES if (data_dir / name).is_file()]
        if not found:
            raise DataError(
                "the folder has none of " + ", ".join(FILES),
                path=data_dir,
                hint="a framework folder holds one or more of these files",
            )
        for name in found:
            paths[name] = data_dir / name
    return paths


def validation_errors(doc: Document, exc: ValidationError) -> list[DataError]:
    """Turn pydantic's errors into DataErrors with the file, line and field path."""
    out = []
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
        # Drop pydantic's union/validator tags that are not part of the document.
        loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in {"str"})))
        message = str(err["msg"])
        value = err.get("input")
        if err["type"] not in {"missing", "extra_forbidden"} and isinstance(
            value, (str, int, float, bool)
        ):
            shown = repr(value)
            message += f", got {shown if len(shown) <= 40 else shown[:37] + '...'}"
        if err["type"] == "extra_forbidden":
            message = "unknown field (not allowed here)"
        out.append(
            DataError(
                message,
                path=doc.path,
                line=doc.line_of(loc),
                field=format_loc(loc, doc.data) or None,
            )
        )
    return out


def parse_model(doc: Document, model: type[M]) -> M:
    """Validate a document against ``model``; raise DataErrors with every problem."""
    if not isinstance(doc.data, dict):
        raise DataError("expected a mapping at the top of the file", path=doc.path, line=1)
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise DataErrors(validation_errors(doc, exc)) from None


@dataclass(frozen=True)
class Framework:
    """The validated framework, with lookups by ID, alias or prefix."""

    roles_file: RolesFile
    competencies_file: CompetencyFile
    certifications_file: CertificationsFile
    paths: dict[str, Path] = field(default_factory=dict)

    @property
    def roles(self) -> tuple[Role, ...]:
        return self.roles_file.roles

    @property
    def competencies(self) -> tuple[Competency, ...]:
        return self.competencies_file.competencies

    @property
    def certifications(self) -> tuple[Certification, ...]:
        return self.certifications_file.certifications

    @property
    def domains(self) -> tuple[Domain, ...]:
        return self.competencies_file.domains

    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def competency_by_id(self) -> dict[str, Competency]:
        return {c.id: c for c in self.competencies}

    @cached_property
    def certification_by_id(self) -> dict[str, Certification]:
        return {c.id: c for c in self.certifications}

    @cached_property
    def domain_by_id(self) -> dict[str, Domain]:
        return {d.id: d for d in self.domains}

    def ladder(self) -> list[Role]:
        """Roles from entry to executive: by rank, then track, then ID."""
        order = {"delivery": 0, "pmo": 1, "executive": 2}
        return sorted(self.roles, key=lambda r: (r.rank, order[r.track.value], r.id))

    def role(self, name: str) -> Role:
        return resolve(name, self.roles, "role", lambda r: r.aliases)

    def competency(self, name: str) -> Competency:
        return resolve(name, self.competencies, "competency", lambda c: ())

    def certification(self, name: str) -> Certification:
        return resolve(name, self.certifications, "certification", lambda c: c.aliases)

    def domain(self, name: str) -> Domain:
        return resolve(name, self.domains, "domain", lambda d: ())

    def competencies_in(self, domain_id: str) -> list[Competency]:
        return [c for c in self.competencies if c.domain == domain_id]


T = TypeVar("T", Role, Competency, Certification, Domain)


def resolve(
    name: str,
    items: Sequence[T],
    what: str,
    aliases: Any,
) -> T:
    """Find an item by exact ID, alias, or unambiguous prefix of either."""
    key = name.strip().lower()
    names: dict[str, T] = {}
    for item in items:
        names[item.id] = item
        for alias in aliases(item):
            names.setdefault(alias, item)
    if key in names:
        return names[key]
    matches = {id(names[n]): names[n] for n in names if n.startswith(key)} if key else {}
    if len(matches) == 1:
        return next(iter(matches.values()))
    if len(matches) > 1:
        ids = sorted(m.id for m in matches.values())
        raise NotFoundError(
            f"{what} '{name}' is ambiguous",
            hint="it could be " + ", ".join(ids),
        )
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)
    hint = (
        "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        if close
        else f"see `pmopath {plural(what)}` for the list"
    )
    raise NotFoundError(f"unknown {what} '{name}'", hint=hint)


def plural(what: str) -> str:
    return {
        "role": "roles",
        "competency": "competencies",
        "certification": "certs",
        "domain": "competencies",
    }.get(what, what)


# ------------------------------------------------------------------ loading


def read_documents(paths: dict[str, Path]) -> tuple[dict[str, Document], list[DataError]]:
    docs: dict[str, Document] = {}
    errors: list[DataError] = []
    for name, path in paths.items():
        try:
            docs[name] = load_yaml(path)
        except DataError as exc:
            errors.append(exc)
    return docs, errors


def check_framework(data_dir: Path | None = None) -> tuple[Framework | None, list[DataError]]:
    """Load and check everything, returning every problem found (never raising DataError)."""
    paths = resolve_paths(data_dir)
    docs, errors = read_documents(paths)
    parsed: dict[str, Model] = {}
    for name, doc in docs.items():
        try:
            parsed[name] = parse_model(doc, FILE_MODELS[name])
        except DataErrors as exc:
            errors.extend(exc.errors)
        except DataError as exc:
            errors.append(exc)
    if errors:
        return None, errors
    fw = Framework(
        roles_file=_as(parsed["roles.yaml"], RolesFile),
        competencies_file=_as(parsed["competencies.yaml"], CompetencyFile),
        certifications_file=_as(parsed["certifications.yaml"], CertificationsFile),
        paths=paths,
    )
    errors = cross_check(fw, docs)
    return (None if errors else fw), errors


def _as(value: Model, kind: type[M]) -> M:
    assert isinstance(value, kind)
    return value


def load_framework(data_dir: Path | None = None) -> Framework:
    """The validated framework; raises DataErrors listing every problem."""
    fw, errors = check_framework(data_dir)
    if errors:
        raise DataErrors(errors)
    assert fw is not None
    return fw


# ------------------------------------------------------------- cross-checks


class _Checker:
    def __init__(self, docs: dict[str, Document]) -> None:
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
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                self.add(file, (*loc, i, "id"), f"duplicate {what} id '{item.id}'")
            seen[item.id] = i

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


def cross_check(fw: Framework, docs: dict[str, Document]) -> list[DataError]:
    """Every reference exists; the ladder is acyclic; descriptors and actions are complete."""
    c = _Checker(docs)
    R, C, X = "roles.yaml", "competencies.yaml", "certifications.yaml"
    roles, comps, certs = fw.role_by_id, fw.competency_by_id, fw.certification_by_id

    c.unique(R, ("roles",), fw.roles, "role")
    c.unique(C, ("competencies",), fw.competencies, "competency")
    c.unique(C, ("domains",), fw.domains, "domain")
    c.unique(X, ("certifications",), fw.certifications, "certification")
    c.aliases(R, ("roles",), fw.roles, "role")
    c.aliases(X, ("certifications",), fw.certifications, "certification")

    scale = [s.level for s in fw.competencies_file.scale]
    if sorted(scale) != list(LEVELS):
        c.add(C, ("scale",), "the scale must define each level 0, 1, 2, 3 and 4 exactly once")
    c.sources(
        C,
        fw.competencies_file.sources,
        [(("scale_provenance",), fw.competencies_file.scale_provenance.sources)],
    )

    for i, comp in enumerate(fw.competencies):
        loc: Loc = ("competencies", i)
        if comp.domain not in fw.domain_by_id:
            c.refs(C, loc, [comp.domain], fw.domain_by_id, "domain")
        missing = [lvl for lvl in LEVELS if lvl not in comp.levels]
        if missing:
            c.add(
                C, (*loc, "levels"), f"missing descriptors for level {', '.join(map(str, missing))}"
            )
        for step in STEPS:
            if not comp.actions.get(step):
                c.add(C, (*loc, "actions"), f"no development actions for step {step}")
            for j, action in enumerate(comp.actions.get(step, ())):
                if action.certification is not None:
                    c.refs(
                        C,
                        (*loc, "actions", step, j),
                        [action.certification],
                        certs,
                        "certification",
                    )
        c.sources(C, fw.competencies_file.sources, [(loc, comp.sources)])
    for i, dom in enumerate(fw.domains):
        if not fw.competencies_in(dom.id):
            c.add(C, ("domains", i), f"domain '{dom.id}' has no competencies")

    for i, role in enumerate(fw.roles):
        loc = ("roles", i)
        c.refs(R, (*loc, "leads_to"), role.leads_to, roles, "role")
        c.refs(R, (*loc, "certifications"), role.certifications, certs, "certification")
        for comp_id in role.competencies:
            if comp_id not in comps:
                close = difflib.get_close_matches(comp_id, list(comps), n=1)
                c.add(
                    R,
                    (*loc, "competencies", comp_id),
                    f"unknown competency '{comp_id}'",
                    f"did you mean '{close[0]}'?" if close else None,
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
    for cycle in find_cycles({r.id: r.leads_to for r in fw.roles}):
        where = fw.roles.index(roles[cycle[0]])
        c.add(R, ("roles", where, "leads_to"), "the ladder has a cycle: " + " -> ".join(cycle))

    for i, cert in enumerate(fw.certifications):
        loc = ("certifications", i)
        c.refs(X, (*loc, "suits_roles"), cert.suits_roles, roles, "role")
        c.refs(X, (*loc, "evidences"), cert.evidences, comps, "competency")
        if cert.superseded_by is not None:
            c.refs(X, loc, [cert.superseded_by], certs, "certification")
        for k, route in enumerate(cert.prerequisites.routes):
            rloc: Loc = (*loc, "prerequisites", "routes", k)
            c.refs(X, (*rloc, "certifications"), route.certifications, certs, "certification")
            if cert.id in route.certifications:
                c.add(X, (*rloc, "certifications"), "a certification cannot require itself")
            for g, gate in enumerate(route.experience):
                c.refs(
                    X, (*rloc, "experience", g, "waived_by"), gate.waived_by, certs, "certification"
                )
            if route.training is not None:
                c.refs(
                    X,
                    (*rloc, "training", "waived_by"),
                    route.training.waived_by,
                    certs,
                    "certification",
                )
        if cert.study.max_hours < cert.study.min_hours:
            c.add(X, (*loc, "study"), "max_hours is below min_hours")
        registry = fw.certifications_file.sources
        parts: list[tuple[Loc, Any]] = [(loc, cert.sources)]
        parts.append(((*loc, "prerequisites"), cert.prerequisites.sources))
        parts.append(((*loc, "renewal"), cert.renewal.sources))
        parts.append(((*loc, "study"), cert.study.sources))
        parts += [((*loc, "exams", j), e.sources) for j, e in enumerate(cert.exams)]
        parts += [((*loc, "fees", j), f.sources) for j, f in enumerate(cert.fees)]
        c.sources(X, registry, parts)
    for cycle in find_cycles(
        {
            x.id: tuple(r for route in x.prerequisites.routes for r in route.certifications)
            for x in fw.certifications
        }
    ):
        where = fw.certifications.index(certs[cycle[0]])
        c.add(
            X,
            ("certifications", where, "prerequisites"),
            "prerequisites form a cycle: " + " -> ".join(cycle),
        )
    return c.errors


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
                cycle = [*path[path.index(nxt) :], nxt]
                cycles.append(cycle)
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(sorted(graph.get(nxt, ())))))
    return cycles
