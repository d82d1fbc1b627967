"""The interface every renderer implements: one method per view.

A method returns either text (markdown, JSON: written to stdout as is) or a
Rich renderable (terminal). The abstract base makes a renderer that misses a
view fail at import, and the tests check that every :class:`Format` has one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from rich.console import RenderableType

    from pmopath.errors import DataError
    from pmopath.framework import Framework
    from pmopath.models import Certification, Competency, Domain, Role
    from pmopath.planning import Plan
    from pmopath.profile import Profile
    from pmopath.scoring import Score

Rendered = Union[str, "RenderableType"]


@dataclass(frozen=True)
class HistoryEntry:
    number: int
    ident: str
    assessed_at: str
    current_role: str
    target_role: str | None
    rated: int
    readiness: float | None
    problem: str | None = None  # the file could not be read


class Renderer(ABC):
    @abstractmethod
    def roles(self, fw: Framework) -> Rendered: ...

    @abstractmethod
    def role(self, fw: Framework, role: Role) -> Rendered: ...

    @abstractmethod
    def competencies(self, fw: Framework, domain: Domain | None) -> Rendered: ...

    @abstractmethod
    def competency(self, fw: Framework, comp: Competency) -> Rendered: ...

    @abstractmethod
    def certs(
        self, fw: Framework, certs: list[Certification], for_role: Role | None
    ) -> Rendered: ...

    @abstractmethod
    def cert(self, fw: Framework, cert: Certification) -> Rendered: ...

    @abstractmethod
    def validation(self, where: str, problems: list[DataError]) -> Rendered: ...

    @abstractmethod
    def history(self, fw: Framework, entries: list[HistoryEntry]) -> Rendered: ...

    @abstractmethod
    def profile(
        self, fw: Framework, ident: str | None, profile: Profile, warnings: list[str]
    ) -> Rendered: ...

    @abstractmethod
    def gap(self, fw: Framework, score: Score, explain: bool) -> Rendered: ...

    @abstractmethod
    def roadmap(self, fw: Framework, plan: Plan, explain: bool) -> Rendered: ...
