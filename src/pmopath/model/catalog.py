"""The framework in memory: its three files, validated, and lookups over them. Read-only.

:class:`Framework` finds roles, competencies, certifications and sources by ID, alias
or unambiguous prefix, and answers the questions every layer asks (a role's name, the
certifications a role recommends, who cites a source). It is built by
:func:`pmopath.load.framework.load_framework`; nothing here reads a file.
"""

import difflib
import re
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pmopath.base.errors import NotFoundError
from pmopath.model.framework import (
    ESTIMATE,
    Certification,
    CertificationsFile,
    Competency,
    CompetencyFile,
    Domain,
    Model,
    Role,
    RoleCompetency,
    RolesFile,
    Source,
)


class Framework:
    """The validated framework, with lookups by ID, alias or prefix. Read-only.

    ``paths``: the files it was read from. ``key``: their content key (see
    :mod:`pmopath.load.cache`); a profile resolved against this framework is cached under
    it (None: not cached). A plain class, not a dataclass, for start-up time.
    """

    roles_file: RolesFile
    competencies_file: CompetencyFile
    certifications_file: CertificationsFile
    paths: dict[str, Path]
    key: str | None

    def __init__(
        self,
        roles_file: RolesFile,
        competencies_file: CompetencyFile,
        certifications_file: CertificationsFile,
        paths: dict[str, Path] | None = None,
        key: str | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "roles_file", roles_file)
        put(self, "competencies_file", competencies_file)
        put(self, "certifications_file", certifications_file)
        put(self, "paths", {} if paths is None else paths)
        put(self, "key", key)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Framework is read-only (tried to set {name!r})")

    def with_key(self, key: str) -> "Framework":
        """The same framework, known to be cached under ``key``."""
        return Framework(
            self.roles_file, self.competencies_file, self.certifications_file, self.paths, key
        )

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

    @cached_property
    def _names(self) -> dict[str, dict[str, Any]]:
        """For each kind, every ID and alias -> its item (built once, not per lookup)."""
        return {
            "role": names_of(self.roles, lambda r: r.aliases),
            "competency": names_of(self.competencies, lambda c: ()),
            "certification": names_of(self.certifications, lambda c: c.aliases),
            "domain": names_of(self.domains, lambda d: ()),
        }

    def role(self, name: str, *, suggest: bool = True) -> Role:
        found: Role = resolve(name, self._names["role"], "role", suggest=suggest)
        return found

    def competency(self, name: str) -> Competency:
        found: Competency = resolve(name, self._names["competency"], "competency")
        return found

    def certification(self, name: str, *, suggest: bool = True) -> Certification:
        found: Certification = resolve(
            name, self._names["certification"], "certification", suggest=suggest
        )
        return found

    def domain(self, name: str) -> Domain:
        found: Domain = resolve(name, self._names["domain"], "domain")
        return found

    @cached_property
    def _by_domain(self) -> dict[str, list[Competency]]:
        grouped: dict[str, list[Competency]] = {}
        for comp in self.competencies:
            grouped.setdefault(comp.domain, []).append(comp)
        return grouped

    def competencies_in(self, domain_id: str) -> list[Competency]:
        return list(self._by_domain.get(domain_id, ()))

    def in_order(self) -> Iterator[tuple[Domain, Competency]]:
        """Every competency with its domain, domain by domain (the order tables and questions use)."""
        for domain in self.domains:
            for comp in self.competencies_in(domain.id):
                yield domain, comp

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {c.id: i for i, (_, c) in enumerate(self.in_order())}

    def position(self, comp_id: str) -> int:
        """A competency's place in the framework, domain by domain (for tables)."""
        return self._positions.get(comp_id, len(self._positions))

    # Names for IDs that may not resolve (a saved profile can outlive a framework edit).

    def role_name(self, role_id: str | None) -> str:
        role = self.role_by_id.get(role_id or "")
        return role.name if role is not None else str(role_id)

    def cert_name(self, cert_id: str) -> str:
        cert = self.certification_by_id.get(cert_id)
        return cert.name if cert is not None else cert_id

    def competency_name(self, comp_id: str) -> str:
        comp = self.competency_by_id.get(comp_id)
        return comp.name if comp is not None else comp_id

    @cached_property
    def scale_names(self) -> dict[int, str]:
        """Level -> its name on the 0-4 scale ("Assists", "Leads", ...)."""
        return {s.level: s.name for s in self.competencies_file.scale}

    def certs_for_role(self, role: Role) -> list[Certification]:
        """The role's recommended certifications first (in its order), then others that suit it."""
        chosen = [self.certification_by_id[c] for c in role.certifications]
        extra = [
            c
            for c in self.certifications
            if role.id in c.suits_roles and c.id not in role.certifications
        ]
        return chosen + extra

    def roles_requiring(self, comp_id: str) -> list[tuple[Role, RoleCompetency]]:
        """Roles that require a competency, in ladder order, with the requirement."""
        return [
            (role, role.competencies[comp_id])
            for role in self.ladder()
            if comp_id in role.competencies
        ]

    # Sources: one registry over the three files' `sources` tables.

    @cached_property
    def sources(self) -> dict[str, Source]:
        """Every source the files define, by ID, in natural order (S2, S2b, S10, ..., estimate).

        The files are read in order (roles, competencies, certifications); where two
        define the same ID differently, the first one's entry is kept.
        """
        merged: dict[str, Source] = {}
        for file in (self.roles_file, self.competencies_file, self.certifications_file):
            for sid, source in file.sources.items():
                merged.setdefault(sid, source)
        return {sid: merged[sid] for sid in sorted(merged, key=source_order)}

    @cached_property
    def citations(self) -> "dict[str, tuple[Citation, ...]]":
        """Source ID -> where it is cited (each entry once, with the parts that cite it)."""
        found: dict[str, dict[tuple[str, str], list[str]]] = {}
        for kind, ident, model in self._cited_items():
            for part, sids in _cited_in(model, ()):
                for sid in sids:
                    parts = found.setdefault(sid, {}).setdefault((kind, ident), [])
                    if part not in parts:
                        parts.append(part)
        return {
            sid: tuple(Citation(kind, ident, tuple(parts)) for (kind, ident), parts in by.items())
            for sid, by in found.items()
        }

    def _cited_items(self) -> Iterator[tuple[str, str, Model]]:
        """Everything that may cite a source, as (kind, ID, model), file by file."""
        for role in self.roles:
            yield "role", role.id, role
        comp_file = self.competencies_file
        yield "scale", "scale", comp_file.scale_provenance
        for comp in self.competencies:
            yield "competency", comp.id, comp
        if comp_file.plan_actions is not None:
            yield "plan-actions", "plan_actions", comp_file.plan_actions
        for cert in self.certifications:
            yield "certification", cert.id, cert

    def source_id(self, name: str) -> str:
        """The source ID a name means, case-insensitively ("s57" -> "S57").

        ``estimate`` (pmopath's own estimate) always resolves, defined in a file or not.
        """
        key = name.strip().lower()
        ids = {sid.lower(): sid for sid in self.sources}
        ids.setdefault(ESTIMATE, ESTIMATE)
        if key in ids:
            return ids[key]
        close = difflib.get_close_matches(key, list(ids), n=3, cutoff=0.6)
        hint = (
            "did you mean " + " or ".join(f"'{ids[c]}'" for c in close) + "?"
            if close
            else "see `pmopath sources` for the list"
        )
        raise NotFoundError(f"unknown source '{name}'", hint=hint)


class Citation(NamedTuple):
    """Where a source is cited: an entry (``kind``, ``id``) and the parts of it that cite it.

    A part is a dotted field path inside the entry ("exams", "prerequisites"), or "" for
    the entry's own sources.
    """

    kind: str  # role, competency, certification, scale, plan-actions
    id: str
    parts: tuple[str, ...]


def _cited_in(model: Model, path: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(dotted path, source IDs) for every `sources` in a model and the models inside it."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "sources":
            if value:
                yield ".".join(path), tuple(value)
            continue
        for item in _models_in(value):
            yield from _cited_in(item, (*path, name))


def _models_in(value: Any) -> Iterator[Model]:
    """The models in a field's value: itself, or those in its tuples and mappings, at any depth."""
    if isinstance(value, Model):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _models_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _models_in(item)


_SOURCE_ORDER = re.compile(r"S([0-9]+)([a-z]*)")


def source_order(sid: str) -> tuple[int, int, str]:
    """Sort key for source IDs: by number, then letter; ``estimate`` (and anything else) last."""
    match = _SOURCE_ORDER.fullmatch(sid)
    if match is None:
        return (1, 0, sid)
    return (0, int(match.group(1)), match.group(2))


T = TypeVar("T", Role, Competency, Certification, Domain)


def names_of(items: Sequence[T], aliases: Any) -> dict[str, T]:
    """Every ID, then every alias not already taken, -> its item."""
    names: dict[str, T] = {}
    for item in items:
        names[item.id] = item
        for alias in aliases(item):
            names.setdefault(alias, item)
    return names


def resolve(name: str, names: dict[str, Any], what: str, *, suggest: bool = True) -> Any:
    """Find an item by exact ID, alias, or unambiguous prefix of either.

    ``suggest``: look for close names to put in the error (the costly part when thousands
    of unknown names are resolved one after another)."""
    key = name.strip().lower()
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
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.5) if suggest else []
    hint = (
        "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        if close
        else f"see `pmopath {_LIST_COMMAND.get(what, what)}` for the list"
    )
    raise NotFoundError(f"unknown {what} '{name}'", hint=hint)


_LIST_COMMAND = {
    "role": "roles",
    "competency": "competencies",
    "certification": "certs",
    "domain": "competencies",
}
