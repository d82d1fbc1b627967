"""The ladder role a job title names: the closest-role default of a work-history position.

A role is named by its name, its other titles and its aliases (hyphens read as spaces),
compared case-insensitively as whole words inside the title. The longest name found wins
("Junior Project Manager" over "Project Manager"); a tie goes to the lower rung, in
ladder order. A title that names no role gives None: the caller keeps its own default.
"""

import re
from collections.abc import Iterable

from pmopath.model.framework import Role


def _words(text: str) -> str:
    """Lower case, hyphens and other separators as single spaces."""
    return " ".join(re.split(r"[^0-9a-z]+", text.casefold())).strip()


def names_of_role(role: Role) -> tuple[str, ...]:
    """Every name a title may use for ``role``, as :func:`_words` spells it."""
    spelled = (role.name, *role.other_titles, *role.aliases, role.id)
    return tuple(dict.fromkeys(w for w in map(_words, spelled) if w))


def role_for_title(roles: Iterable[Role], title: str) -> str | None:
    """The ID of the role whose longest name occurs in ``title`` (first in ``roles`` on a
    tie), or None when no role's name does."""
    text = f" {_words(title)} "
    best: tuple[int, str] | None = None
    for role in roles:
        found = [len(n) for n in names_of_role(role) if f" {n} " in text]
        if found and (best is None or max(found) > best[0]):
            best = (max(found), role.id)
    return None if best is None else best[1]
