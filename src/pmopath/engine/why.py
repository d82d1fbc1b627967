"""Why a plan item is there, in plain words: what it moves and who needs it (the
priority behind its place in the plan is `gap --explain`'s)."""

from pmopath.engine.scoring import CompetencyGap
from pmopath.model.framework import Role


def step_why(name: str, level: int, gap: CompetencyGap, target: Role, stones: list[Role]) -> str:
    """ "takes Governance from 2 to 3; you are at 2, and PMO Director needs 4 (core); PMO
    Manager, on your path, needs 3 first"."""
    current = "unassessed" if gap.current is None else str(gap.current)
    why = (
        f"takes {name} from {level} to {level + 1}; you are at {current}, and "
        f"{target.name} needs {gap.required} ({gap.importance.value})"
    )
    for stone in stones:
        need = stone.competencies.get(gap.id)
        if need is not None and need.level > level:
            return why + f"; {stone.name}, on your path, needs {need.level} first"
    return why
