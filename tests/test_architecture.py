"""The code's shape: imports point one way, every view has a renderer, formats agree."""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pmopath.base.errors import DataError
from pmopath.base.text import one_line, percent
from pmopath.engine.eligibility import statuses
from pmopath.engine.summary import summarise
from pmopath.load.profiles import load_profile
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model
from pmopath.model.profile import HeldCertification, Profile, Rating
from pmopath.render import Format, renderer_for
from pmopath.render.base import ViewRenderer
from pmopath.render.console import as_text
from pmopath.views import all_views
from pmopath.views.base import View
from pmopath.views.browse import (
    cert_view,
    certs_view,
    competencies_view,
    competency_view,
    role_view,
    roles_view,
    source_view,
    sources_view,
    validation_view,
)
from pmopath.views.diff import Assessed, DiffView, diff_view
from pmopath.views.eligible import eligible_view, your_eligibility
from pmopath.views.history import HistoryEntry, HistoryView
from pmopath.views.profile import profile_view
from pmopath.views.progress import Assessment, ProgressView, progress_view
from pmopath.views.results import comparison_view, gap_view
from pmopath.views.roadmap import roadmap_view
from pmopath.views.team import Inputs, TeamView, team_view

SRC = Path(__file__).resolve().parents[1] / "src" / "pmopath"
ROOT = SRC.parents[1]

# ------------------------------------------------------------------ imports

#: The layers, bottom up. Each is a folder of src/pmopath; a module may import from the
#: layers its own may use (ARCHITECTURE.md), never from above.
LAYERS = ("base", "model", "load", "engine", "views", "render", "cli")
#: What each layer may import. The engine skips ``load``: plans are made from models
#: already in memory, so importing the engine reads, parses and writes nothing.
MAY_IMPORT: dict[str, set[str]] = {
    "base": {"base"},
    "model": {"base", "model"},
    "load": {"base", "model", "load"},
    "engine": {"base", "model", "engine"},
    "views": {"base", "model", "engine", "views"},  # the command line reads; a view lays out
    "render": {"base", "model", "views", "render"},
    "cli": set(LAYERS),
}
#: The only modules outside a layer folder: the version, and ``python -m pmopath``.
TOP = {"pmopath": "base", "pmopath.__main__": "cli"}
PRESENTATION = ("rich", "typer", "questionary", "prompt_toolkit")
SRC_LIMIT = 600  # lines per file in src/


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top, inside functions or under TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


MODULES = {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def layer_of(name: str) -> str:
    if name in TOP:
        return TOP[name]
    return name.split(".")[1]


def pmopath_imports(name: str) -> set[str]:
    """The pmopath modules ``name`` imports (a package's ``__init__`` counts as a module)."""
    return {m for m in imports_of(MODULES[name]) if m in MODULES and m != name}


def test_every_module_is_in_a_layer_folder() -> None:
    for name in MODULES:
        assert name in TOP or (name.count(".") >= 1 and layer_of(name) in LAYERS), name
    assert {p.name for p in SRC.iterdir() if p.suffix == ".py"} == {"__init__.py", "__main__.py"}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down(name: str) -> None:
    mine = layer_of(name)
    for imported in pmopath_imports(name):
        theirs = layer_of(imported)
        assert theirs in MAY_IMPORT[mine], f"{name} ({mine}) imports {imported} ({theirs})"
    if mine not in ("render", "cli"):
        for imported in imports_of(MODULES[name]):
            assert imported.split(".")[0] not in PRESENTATION, f"{name} imports {imported}"


#: What a view must not call: the command line computes once and passes the results in.
ENGINE_ENTRY_POINTS = {"score", "plan", "summarise", "eligibility", "statuses", "choose_path"}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if layer_of(n) == "views"))
def test_views_compute_nothing(name: str) -> None:
    for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pmopath.engine"):
            called = {a.name for a in node.names} & ENGINE_ENTRY_POINTS
            assert not called, f"{name} imports {called} from {node.module}"


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle's members (strongly connected components of two or more, or a self-loop)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            members = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == node:
                    break
            if len(members) > 1 or node in graph.get(node, ()):
                found.append(sorted(members))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_cycles_are_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert import_cycles(graph) == [["a", "b", "c"], ["e"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    """Deferred imports (inside functions, under TYPE_CHECKING) count: a circle is a circle."""
    graph = {name: pmopath_imports(name) for name in MODULES}
    assert import_cycles(graph) == []


def test_the_engine_imports_no_file_io() -> None:
    """Importing every engine module loads no loading module and no YAML parser."""
    engine = [name for name in MODULES if layer_of(name) == "engine"]
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in engine)
        + "print(' '.join(sorted(m for m in sys.modules if m.startswith(('pmopath', 'yaml')))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert engine and set(engine) <= set(out)
    assert [m for m in out if m.startswith(("pmopath.load", "yaml", "pmopath.views"))] == []


def test_no_file_is_longer_than_the_limit() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > SRC_LIMIT
    }
    assert long == {}


def test_class_names_are_unique() -> None:
    seen: dict[str, list[str]] = {}
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                seen.setdefault(node.name.lstrip("_"), []).append(name)
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if layer_of(n) == "engine"))
def test_engine_imports_no_presentation(name: str) -> None:
    """The engine, followed through every pmopath module it reaches, never meets a presentation module."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for imported in imports_of(MODULES[current]):
            assert imported.split(".")[0] not in PRESENTATION, f"{current} imports {imported}"
            assert layer_of(imported) not in ("render", "cli") if imported in MODULES else True, (
                f"{current} imports {imported}"
            )
            if imported in MODULES:
                todo.append(imported)


#: Fields that hold words for a person: no rule may look inside them.
WORDED = {"title", "why", "why_short", "short", "text", "message", "label", "headline", "summary"}
STRING_TESTS = {"startswith", "endswith", "find", "index", "count", "split", "partition"}


def reads_words(source: str) -> list[int]:
    """Lines that key logic to English: a phrase searched for in a string ("hours of" in m),
    or a worded field tested (item.title.startswith("Prepare"), "x" in item.why)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(
            isinstance(op, (ast.In, ast.NotIn)) for op in node.ops
        ):
            sides = [node.left, *node.comparators]
            phrase = any(
                isinstance(s, ast.Constant) and isinstance(s.value, str) and " " in s.value
                for s in sides
            )
            worded = any(isinstance(s, ast.Attribute) and s.attr in WORDED for s in sides[1:])
            if phrase or worded:
                lines.append(node.lineno)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in STRING_TESTS
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr in WORDED
        ):
            lines.append(node.lineno)
    return sorted(lines)


def test_reading_words_is_found() -> None:
    snippet = (
        'a = it.title.startswith("Prepare")\n'
        'b = all("hours of" in m for m in el.missing)\n'
        'c = "Sit" in item.why\n'
        'd = it.step == "exam"\n'
        'e = "kind" in cls.__dict__\n'
        'f = m.kind in ("training", "exam")\n'
    )
    assert reads_words(snippet) == [1, 2, 3]


@pytest.mark.parametrize(
    "name", sorted(n for n in MODULES if layer_of(n) in ("engine", "views", "render"))
)
def test_no_logic_reads_english(name: str) -> None:
    """The engine, views and renderers decide on typed facts (a step, a requirement's kind),
    never on the words made from them."""
    found = reads_words(MODULES[name].read_text(encoding="utf-8"))
    assert not found, f"{name} tests words at line(s) {found}; carry a typed fact instead"


def month_arithmetic(source: str) -> list[int]:
    """Lines that turn a year into months by hand (``day.year * 12``, ``// 12`` of an index)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.FloorDiv, ast.Mod)):
            sides = (node.left, node.right)
            twelve = any(isinstance(s, ast.Constant) and s.value == 12 for s in sides)
            year = any(
                (isinstance(s, ast.Attribute) and s.attr == "year")
                or (isinstance(s, ast.Call) and isinstance(s.func, ast.Name) and s.func.id == "int")
                for s in sides
            )
            if twelve and (year or isinstance(node.op, (ast.FloorDiv, ast.Mod))):
                lines.append(node.lineno)
    return sorted(lines)


def test_month_arithmetic_is_found() -> None:
    snippet = "a = d.year * 12 + d.month - 1\nb = i // 12\nc = int(y) * 12\nd = n / 12\n"
    assert month_arithmetic(snippet) == [1, 2, 3]


#: Where months are counted; spans shown as years (months // 12 years) are wording.
MONTH_MODULES = {"pmopath.base.months", "pmopath.base.text"}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_one_month_arithmetic(name: str) -> None:
    if name in MONTH_MODULES:
        return
    found = month_arithmetic(MODULES[name].read_text(encoding="utf-8"))
    assert not found, f"{name} does month arithmetic at line(s) {found}; use pmopath.base.months"


#: Modules that may read the clock: the command line, which passes the day down.
CLOCK_READERS = {"pmopath.cli.clock"}
#: Calls that read the calendar clock, on any object (date.today(), dt.datetime.now(tz), ...)
CLOCK_METHODS = {"today", "now", "utcnow"}
#: ... and functions of the time module that do (time.monotonic, for durations, does not).
CLOCK_FUNCTIONS = {"time", "time_ns", "localtime", "gmtime", "ctime"}


def clock_reads(source: str) -> list[int]:
    """The lines of ``source`` that read the clock."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "time"
            and any(a.name in CLOCK_FUNCTIONS for a in node.names)
        ):
            lines.append(node.lineno)  # from time import time: a read waiting to happen
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        receiver = node.func.value
        if node.func.attr in CLOCK_METHODS or (
            node.func.attr in CLOCK_FUNCTIONS
            and isinstance(receiver, ast.Name)
            and receiver.id == "time"
        ):
            lines.append(node.lineno)
    return lines


def test_clock_reads_are_found() -> None:
    snippet = (
        "import time\nfrom time import time_ns\nimport datetime as dt\n"
        "a = dt.date.today()\nb = dt.datetime.now(dt.timezone.utc)\nc = time.time()\n"
        "d = time.monotonic()\ne = dt.date.fromisoformat('2026-01-01')\n"
    )
    assert clock_reads(snippet) == [2, 4, 5, 6]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_the_command_line_reads_the_clock(name: str) -> None:
    """Everything below the CLI takes the day as an argument (as_of, today, a clock)."""
    if name in CLOCK_READERS:
        return
    found = clock_reads(MODULES[name].read_text(encoding="utf-8"))
    assert not found, f"{name} reads the clock at line(s) {found}; take it as an argument"


def test_no_function_is_longer_than_80_lines() -> None:
    long = []
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > 80:
                    long.append(f"{path.name}:{node.name} ({length} lines)")
    assert not long


# -------------------------------------------------------------------- views

AS_OF = dt.date(2026, 11, 22)
FW: Framework  # the session's framework, set by the fixture below (never at import)


@pytest.fixture(autouse=True, scope="module")
def _framework(session_fw: Framework) -> None:
    global FW
    FW = session_fw


def fixtures() -> dict[str, View]:
    """One of every view, from the example project manager and the built-in framework."""
    loaded = load_profile(ROOT / "examples" / "project-manager.yaml", FW)
    profile = loaded.profile.model_copy(update={"assessed_at": dt.datetime(2026, 11, 22, 9, 30)})
    planned, summary = summarise(profile, FW, "director", as_of=AS_OF)
    compared = [summarise(profile, FW, t, as_of=AS_OF)[1] for t in ("director", "pmo-manager")]
    history = HistoryView(
        assessments=(
            HistoryEntry(
                number=1,
                id="20261101-080000",
                assessed_at="",
                current_role="",
                current_role_name="",
                target_role=None,
                target_role_name=None,
                rated=0,
                readiness=None,
                problem="invalid YAML: did not find expected node content",
            ),
            HistoryEntry(
                number=2,
                id="20261122-093000",
                assessed_at="2026-11-22 09:30",
                current_role="project-manager",
                current_role_name="Project Manager",
                target_role="pmo-director",
                target_role_name="PMO Director",
                rated=20,
                readiness=0.6174,
            ),
        )
    )
    problem = DataError(
        "unknown role 'pm-x'", path="roles.yaml", line=12, field="roles[1].leads_to"
    )
    return {
        "roles": roles_view(FW),
        "role": role_view(FW, FW.role("director")),
        "competencies": competencies_view(FW, None),
        "competency": competency_view(FW, FW.competency("governance")),
        "certs": certs_view(FW, FW.role("pmo-manager")),
        "cert": cert_view(FW, FW.certification("pmp")),
        "cert-with-eligibility": cert_view(
            FW,
            FW.certification("pgmp"),
            your_eligibility(
                FW, statuses(FW, profile, AS_OF, only="pgmp")[0]["pgmp"], "from a file", AS_OF, 4
            ),
        ),
        "eligible": eligible_view(FW, statuses(FW, profile, AS_OF)[0], "from a file", AS_OF, 4),
        "sources": sources_view(FW),
        "source": source_view(FW, FW.source_id("S57")),
        "source-estimate": source_view(FW, FW.source_id("estimate")),
        "validation": validation_view("our-framework", [problem]),
        "history": history,
        "profile": profile_view(
            FW, "20261122-093000", profile, ["rating for 'old-one' was kept"], AS_OF
        ),
        "gap": gap_view(FW, planned, summary, True),
        "roadmap": roadmap_view(FW, planned, summary, True),
        "comparison": comparison_view(FW, profile, compared, planned.hours_per_week, AS_OF),
        "diff": diff_fixture(profile),
        "progress": progress_fixture(profile),
        "team": team_fixture(),
    }


def team_fixture() -> TeamView:
    """The example team (examples/team), each against their own target."""
    from pmopath.cli.team_read import team_facts, with_bench
    from pmopath.engine.team import team_of
    from pmopath.load.team import team_files

    files, skipped = team_files([ROOT / "examples" / "team"])
    facts, unread = team_facts(files, FW, None, AS_OF)
    real_of = {str(path): real for path, real in files}
    figures, _ = with_bench(team_of(FW, facts, None), FW, real_of, AS_OF)
    return team_view(FW, figures, Inputs(len(facts), skipped + unread), AS_OF)


def diff_fixture(profile: Profile) -> DiffView:
    """Half a year on: governance 3 → 4, PgMP gained, aiming at PMO manager instead."""
    later = profile.model_copy(
        update={
            "assessed_at": dt.datetime(2027, 5, 24, 9, 30),
            "target_role": "pmo-manager",
            "ratings": {**profile.ratings, "governance": Rating(level=4)},
            "certifications": (*profile.certifications, HeldCertification(id="pgmp", year=2027)),
        }
    )
    day = dt.date(2027, 5, 24)
    a = Assessed(
        "20261122-093000", profile, AS_OF, *summarise(profile, FW, "pmo-manager", as_of=AS_OF)
    )
    b = Assessed("20270524-093000", later, day, *summarise(later, FW, "pmo-manager", as_of=day))
    return diff_view(FW, a, b, "pmo-manager")


def progress_fixture(profile: Profile) -> ProgressView:
    """The example, then half a year on with governance 3 → 4, both against PMO manager."""
    later = profile.model_copy(
        update={
            "assessed_at": dt.datetime(2027, 5, 24, 9, 30),
            "ratings": {**profile.ratings, "governance": Rating(level=4)},
        }
    )
    day = dt.date(2027, 5, 24)
    saved = [
        Assessment(
            "20261122-093000", profile, AS_OF, summarise(profile, FW, "pmo-manager", as_of=AS_OF)[1]
        ),
        Assessment(
            "20270524-093000", later, day, summarise(later, FW, "pmo-manager", as_of=day)[1]
        ),
    ]
    return progress_view(FW, "pmo-manager", saved)


#: The names of fixtures()'s views: parameters are known at collection, views built later.
CASES = (
    "roles",
    "role",
    "competencies",
    "competency",
    "certs",
    "cert",
    "cert-with-eligibility",
    "eligible",
    "sources",
    "source",
    "source-estimate",
    "validation",
    "history",
    "profile",
    "gap",
    "roadmap",
    "comparison",
    "diff",
    "progress",
    "team",
)
TEXT_FORMATS = (Format.terminal, Format.markdown)


@pytest.fixture(scope="module")
def views(_framework: None) -> dict[str, View]:
    built = fixtures()
    assert tuple(built) == CASES
    return built


@pytest.fixture(params=CASES)
def view(request: pytest.FixtureRequest, views: dict[str, View]) -> View:
    """Each view of fixtures() in turn, built from the example project manager."""
    return views[request.param]


def test_every_view_has_a_fixture_and_a_renderer_method(views: dict[str, View]) -> None:
    assert {type(v) for v in views.values()} == set(all_views())
    for fmt in TEXT_FORMATS:
        renderer = renderer_for(fmt)
        assert isinstance(renderer, ViewRenderer)
        for view in views.values():
            assert callable(getattr(renderer, view.kind)), (fmt, view.kind)


def test_json_is_the_views_own_dump(view: View) -> None:
    import json

    doc = json.loads(str(renderer_for(Format.json).render(view)))
    assert doc["schema_version"] == 1 and doc["kind"] == view.kind
    assert {k: v for k, v in doc.items() if k not in ("schema_version", "kind")} == view.model_dump(
        mode="json", exclude=view.json_exclude()
    )


def texts(value: Any) -> list[str]:
    """What a person reads of a value: names, titles, labels and plain strings."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (tuple, list)):
        return [t for item in value for t in texts(item)]
    if isinstance(value, dict):
        return [t for item in value.values() for t in texts(item)]
    if isinstance(value, Model):
        for attr in ("name", "title", "text", "message", "label", "competency"):
            if isinstance(getattr(value, attr, None), str):
                return [getattr(value, attr)]
    return []


Probe = Callable[[Any], list[str]]

#: Fields whose visible form is not their raw value.
PROBES: dict[str, Probe] = {
    "readiness": lambda v: [percent(v.readiness)],
    "next_role_readiness": lambda v: [percent(v.next_role_readiness)],
    "next_step": lambda v: [v.next_step.name, percent(v.next_step.readiness)],
    "path": lambda v: [" → ".join(v.role_names[r] for r in v.path)],
    "current_role": lambda v: [v.role_names[v.current_role]] if hasattr(v, "role_names") else [],
    "target_role": lambda v: [v.role_names[v.target_role]],
    "hours_per_week": lambda v: [f"{v.hours_per_week:g}"],
    "as_of": lambda v: [v.as_of.isoformat()],
    "ready_in_months": lambda v: [v.ready_text] if hasattr(v, "ready_text") else [v.headline],
    "requirements_met": lambda v: [v.headline],
    "months_short": lambda v: [v.headline],
    "ready_label": lambda v: [v.ready_label],
    "ready_set_by": lambda v: [v.what_sets_the_date] if v.what_sets_the_date else [],
    "competencies": lambda v: [c.name for c in v.competencies],
    "experience": lambda v: [e.label if hasattr(e, "label") else e.text for e in v.experience],
    "certifications": lambda v: [
        c.name
        for c in v.certifications
        if not (getattr(c, "group", None) == "not-offered" and getattr(v, "hidden", 0))
    ],
    "groups": lambda v: [g.title for g in v.groups],
    "phases": lambda v: (
        [p.title for p in v.phases if p.start_month < v.summarised_from]
        + [
            i.title
            for p in v.phases
            if p.start_month < v.summarised_from
            for i in p.items
            if i.mode != "milestone"
        ]
    ),
    "milestones": lambda v: [m.text for m in v.milestones],
    "star_seeds": lambda v: [s.evidence for s in v.star_seeds],
    "assessments": lambda v: (
        [e.id for e in v.assessments] + [e.problem or e.current_role_name for e in v.assessments]
    ),
    "problems": lambda v: [p.text for p in v.problems],
    "role": lambda v: [v.role.name, v.role.summary],
    "competency": lambda v: [v.competency.name, v.competency.summary],
    "certification": lambda v: [v.certification.name, v.certification.renewal.requirement],
    "domains": lambda v: [d.name for d in v.domains],
    "required_by": lambda v: [r.name for r in v.required_by],
    "scale": lambda v: [s.name for s in v.scale],
    "routes": lambda v: [p for r in v.routes for p in r.parts],
    "ratings": lambda v: (
        [r.name for r in v.ratings] + [r.evidence for r in v.ratings if r.evidence]
    ),
    "recommended": lambda v: ["recommended"],
    "roles": lambda v: [r.name for r in v.roles] + [r.years_text for r in v.roles],
    "role_names": lambda v: list(v.role_names.values()),
    "for_role": lambda v: [v.for_role_name],
    "targets": lambda v: (
        [t.name for t in v.targets]
        + [percent(t.readiness) for t in v.targets]
        + [t.ready_label for t in v.targets if t.ready_label]
        + [f"{t.experience_met} of {t.experience_total}" for t in v.targets]
    ),
    "current_role_name": lambda v: [v.current_role_name],
}

#: Fields a format leaves out on purpose, and why.
OMITTED: dict[tuple[str, str], str] = {
    (
        "profile",
        "profile",
    ): "the file's own data; the text formats show it as background and ratings",
    ("validation", "path"): "named in the summary line",
    ("validation", "valid"): "shown as the summary line",
    ("gap", "next_role"): "the next step line names it (when it is not the target)",
    ("roadmap", "next_role"): "the next step line names it (when it is not the target)",
    ("gap", "name"): "the person's name titles the roadmap, not the gap analysis",
    ("roadmap", "ready_label"): "part of ready_text",
    ("roadmap", "later"): "the terminal's summary of later work; markdown lists every item",
    ("roadmap", "show_all"): "how much the terminal shows (--all)",
    ("roadmap", "charts"): "whether the markdown draws its Mermaid timeline (--no-charts)",
    ("roadmap", "cited"): "the terminal names the IDs (--explain); `pmopath sources ID` opens one",
    ("roadmap", "summarised_from"): "where the terminal's summary begins",
    ("gap", "ready_label"): "part of the headline",
    ("roadmap", "horizon"): "only named when items were cut (cut_items)",
    ("roadmap", "cut_items"): "only shown when items were cut",
    ("gap", "unassessed"): "only shown when a required competency is unassessed",
    ("roadmap", "unassessed"): "only shown when a required competency is unassessed",
    ("comparison", "current_role"): "named by current_role_name",
    ("comparison", "name"): "the person's name titles the markdown document only",
    ("eligible", "hidden"): "said as a count only when some were left out (without --all)",
    ("diff", "compared_role"): "named by target_role_name",
    ("progress", "compared_role"): "named by target_role_name (the CSV's id column carries it)",
    ("team", "compared_role"): "named by target_role_name",
    ("team", "each_person_shown"): "whether people and the heat map are listed or summed up",
}


def normalise(out: str, fmt: Format) -> str:
    if fmt is Format.markdown:
        out = re.sub(r"\\(.)", r"\1", out).replace("\u2011", "-")  # non-breaking hyphens
    return one_line(out)


def missing_fields(view: View, out: str) -> list[str]:
    """The view's fields whose text is not in ``out`` (a format's output, normalised)."""
    missing = []
    for name in type(view).model_fields:
        if (view.kind, name) in OMITTED:
            continue
        value = getattr(view, name)
        probe = PROBES.get(name)
        wanted = probe(view) if probe is not None and value is not None else texts(value)
        missing += [f"{name}: {w!r}" for w in wanted if one_line(w) not in out]
    return missing


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_every_field_of_a_view_appears_in_every_format(view: View, fmt: Format) -> None:
    out = normalise(as_text(renderer_for(fmt).render(view), width=3000), fmt)
    missing = missing_fields(view, out)
    assert not missing, f"{view.kind} in {fmt.value} lacks " + "; ".join(missing[:8])


#: The views with an HTML layout (render/html.py): the reports a person keeps or sends.
HTML_CASES = ("gap", "roadmap", "comparison", "profile", "progress", "team")


def html_text(out: str) -> str:
    """What a reader of the page sees: its text, without markup, entities decoded."""
    from html.parser import HTMLParser

    chunks: list[str] = []
    parser = HTMLParser(convert_charrefs=True)
    parser.handle_data = chunks.append  # type: ignore[method-assign]
    parser.feed(out.split("<body>", 1)[1])
    return one_line(" ".join(chunks)).replace("\u2011", "-")


@pytest.mark.parametrize("case", HTML_CASES)
def test_every_field_of_a_view_appears_in_html(views: dict[str, View], case: str) -> None:
    view = views[case]
    missing = missing_fields(view, html_text(str(renderer_for(Format.html).render(view))))
    assert not missing, f"{view.kind} in html lacks " + "; ".join(missing[:8])


def test_html_refuses_every_other_view(view: View) -> None:
    from pmopath.base.errors import RefusedError
    from pmopath.render.html import HTML_KINDS

    if view.kind in HTML_KINDS:
        assert str(renderer_for(Format.html).render(view)).startswith("<!DOCTYPE html>")
        return
    with pytest.raises(RefusedError):
        renderer_for(Format.html).render(view)


def test_omissions_name_real_fields(views: dict[str, View]) -> None:
    fields = {(v.kind, f) for v in views.values() for f in type(v).model_fields}
    assert set(OMITTED) <= fields


def test_views_built_without_validation_would_pass_it(view: View) -> None:
    """Builders use model_construct (no second validation); what they build must be valid."""
    assert type(view).model_validate(view.model_dump()) == view


def _phrases(names: list[str]) -> set[str]:
    found: set[str] = set()
    for name in names:
        for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str):
                # "## Responsibilities" and section("Responsibilities") are the same words
                text = text.strip().lstrip("#*_ ").rstrip(":*_ ")
                if len(text) > 8 and " " in text:
                    found.add(text)
    return found


def test_the_text_renderers_share_their_words() -> None:
    """A phrase two text renderers print lives once, in render/words.py."""
    terminal = [
        n for n in MODULES if n.startswith(("pmopath.render.terminal", "pmopath.render.rich"))
    ]
    markdown = ["pmopath.render.markdown", "pmopath.render.mermaid"]
    html = ["pmopath.render.html", "pmopath.render.svg"]
    assert _phrases(terminal) & _phrases(markdown) == set()
    assert _phrases(html) & (_phrases(terminal) | _phrases(markdown)) == set()


def template_phrases(text: str) -> list[str]:
    """Words a template writes itself: its text outside tags, expressions and statements."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", text, flags=re.S)
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)  # the page's CSS
    text = re.sub(r"<[^>]*>", "\n", text)
    return [t.strip() for t in text.split("\n") if len(t.strip()) > 8 and " " in t.strip()]


def test_templates_hold_no_words() -> None:
    """The HTML templates only lay out: every label comes from render/words.py, every value
    from the view."""
    folder = SRC / "render" / "templates"
    assert template_phrases("<p>{{ w.SUMMARY }}</p><h2>Gap analysis here</h2>") == [
        "Gap analysis here"
    ]
    found = {p.name: template_phrases(p.read_text(encoding="utf-8")) for p in folder.glob("*.j2")}
    assert found and {k: v for k, v in found.items() if v} == {}
