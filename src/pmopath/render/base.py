"""What every renderer implements: lay out a view, one method per kind of view.

A method returns either text (markdown, JSON: written to stdout as is) or a
Rich renderable (terminal). :meth:`Renderer.render` picks the method named by
the view's ``kind``; the abstract base makes a text renderer that misses a view
fail when it is instantiated (so at the first command that uses the format, and in
the tests, which instantiate every renderer), and the tests check that every :class:`Format` has a renderer
and every view a method in each.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    from rich.console import RenderableType

    from pmopath.views.base import View
    from pmopath.views.browse import (
        CertsView,
        CertView,
        CompetenciesView,
        CompetencyView,
        RolesView,
        RoleView,
        SourcesView,
        SourceView,
        ValidationView,
    )
    from pmopath.views.diff import DiffView
    from pmopath.views.eligible import EligibleView
    from pmopath.views.history import HistoryView
    from pmopath.views.profile import ProfileView
    from pmopath.views.progress import ProgressView
    from pmopath.views.results import ComparisonView, GapView
    from pmopath.views.roadmap import RoadmapView
    from pmopath.views.team import TeamView

Rendered = Union[str, "RenderableType"]


class Renderer:
    """Lays a view out in one format."""

    def render(self, view: View) -> Rendered:
        method: Any = getattr(self, view.kind)
        result: Rendered = method(view)
        return result


class ViewRenderer(Renderer, ABC):
    """A renderer with its own layout for each kind of view (terminal, markdown)."""

    @abstractmethod
    def roles(self, view: RolesView) -> Rendered: ...

    @abstractmethod
    def role(self, view: RoleView) -> Rendered: ...

    @abstractmethod
    def competencies(self, view: CompetenciesView) -> Rendered: ...

    @abstractmethod
    def competency(self, view: CompetencyView) -> Rendered: ...

    @abstractmethod
    def certifications(self, view: CertsView) -> Rendered: ...

    @abstractmethod
    def certification(self, view: CertView) -> Rendered: ...

    @abstractmethod
    def eligible(self, view: EligibleView) -> Rendered: ...

    @abstractmethod
    def sources(self, view: SourcesView) -> Rendered: ...

    @abstractmethod
    def source(self, view: SourceView) -> Rendered: ...

    @abstractmethod
    def validation(self, view: ValidationView) -> Rendered: ...

    @abstractmethod
    def history(self, view: HistoryView) -> Rendered: ...

    @abstractmethod
    def profile(self, view: ProfileView) -> Rendered: ...

    @abstractmethod
    def gap(self, view: GapView) -> Rendered: ...

    @abstractmethod
    def roadmap(self, view: RoadmapView) -> Rendered: ...

    @abstractmethod
    def comparison(self, view: ComparisonView) -> Rendered: ...

    @abstractmethod
    def diff(self, view: DiffView) -> Rendered: ...

    @abstractmethod
    def progress(self, view: ProgressView) -> Rendered: ...

    @abstractmethod
    def team(self, view: TeamView) -> Rendered: ...
