"""The planner's part for what an action needs: its context, and the order between actions.

An action that says ``context`` (projects, pmo, programme, portfolio, people-leadership) is done as
written when the person has that context: their current role accrues the matching kind,
an open position is ticked with it, or the plan has moved them into a role that accrues it
by then. Before that move (the move waits for the action, or no role on the path gives the
context) the plan offers the action's doable form instead (shadow, secondment or propose)
and says which move gives the context. An action that the move does not wait for starts
after the move, as written.

``after`` starts an action only once the action it names has ended (the month after).

A certification whose course is taken as one block (IPMO Expert's residential week) is
prepared for in the weekly hours, then the course takes one week in one month, outside
them; the exam is on its last day.
"""

from __future__ import annotations

from pmopath.engine.paths import accrues
from pmopath.engine.schedule import Item
from pmopath.model.catalog import Framework
from pmopath.model.framework import ExperienceKind, Role

#: Why managing people is counted from now when no role on the path earns it: line-managing
#: a colleague, an assignment the person proposes in their current job, earns it (a PMO
#: coach's advice for a project manager heading for senior PM; fact sheet flag CF3).
STRETCH_WHY = (
    "counted from now if you take on line management in your current job:"
    " propose to your manager to line-manage a colleague"
)


class ContextSteps:
    """Mixed into the planner: the attributes below are the planner's."""

    fw: Framework
    items: dict[str, Item]
    roles_ahead: list[Role]
    #: the plan item of each action ``id``, and the items of each ``competency:step``
    action_keys: dict[str, list[str]]

    def accruing_move(self, kind: ExperienceKind) -> Role | bool | None:
        raise NotImplementedError  # the planner's

    def depends_on(self, key: str, other: str) -> bool:
        raise NotImplementedError  # the planner's

    def add(self, item: Item) -> bool:
        raise NotImplementedError  # the planner's

    def split_courses(self) -> None:
        """Each planned certification with a block course: its preparation (the study
        estimate less the course's hours) in the weekly hours, then the course week."""
        for item in list(self.items.values()):
            if item.kind != "certification" or item.step != "exam" or item.ref is None:
                continue
            cert = self.fw.certification_by_id[item.ref]
            course = cert.study.course
            if course is None:
                continue
            prep = round(item.effort - course.hours, 1)
            if prep > 0:
                key = f"prep:{cert.id}"
                prepared = Item(
                    key,
                    "certification",
                    "learn",
                    cert.id,
                    f"Prepare for the {cert.name} course",
                    effort=prep,
                    priority=item.priority,
                    why=item.why,
                    short=item.short,
                    deps=item.deps,
                    earliest=item.earliest,
                    stage=item.stage,
                )
                if self.add(prepared):
                    item.deps = [key]
                    prepared.seq, item.seq = item.seq, prepared.seq  # listed before the course
            kind = "residential course" if course.residential else "course"
            item.title = f"Attend the {course.days}-day {kind} and pass {cert.name} at its end"
            item.mode, item.course, item.effort = "course", course, course.hours

    def order_after(self) -> None:
        """Each item whose action is ``after`` another waits for it to end (when both are
        in the plan; an action already done, or not planned, holds nothing up)."""
        for item in self.items.values():
            names, item.after = item.after, []
            for name in names:
                for key in self.action_keys.get(name, ()):
                    if key in self.items and not self.depends_on(key, item.key):
                        item.deps.append(key)
                        item.after.append(key)

    def tie_to_contexts(self) -> None:
        """Each action that needs a context: as written when the person has it, after the
        move into a role that gives it, or in its doable form before that move."""
        for item in list(self.items.values()):
            context = item.context
            if context is None:
                continue
            where = self.accruing_move(context.kind)
            if where is True:
                continue  # the person has the context now
            if isinstance(where, Role):
                move = f"role:{where.id}"
                if move in self.items and not self.depends_on(move, item.key):
                    item.deps.append(move)
                    item.why += f"; needs {context.label}: after the move into {where.name}"
                    continue
            self.offer_doable(item)

    def offer_doable(self, item: Item) -> None:
        """The doable form of a context action, for someone who does not have the context."""
        context, doable = item.context, item.doable
        assert context is not None
        if doable is None:  # pragma: no cover - validation refuses a context without one
            item.why += f"; needs {context.label}: ask for it as a stretch assignment"
            return
        item.title, item.form = doable.title, doable.form
        gives = next((r for r in self.roles_ahead if accrues(r, context.kind)), None)
        item.why += f"; needs {context.label}, which you do not do yet: {doable.form.label}"
        if gives is not None:
            item.why += f", before you move into a {gives.name} role"
        else:
            item.why += ", as no role on your path gives it"
