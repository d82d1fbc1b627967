"""A new profile field touches one file (ARCHITECTURE.md, "A new profile field").

A copy of the source gets three fields added to ``Profile`` in ``model/profile.py`` and
nothing else: a whole number with only a lower bound, a bounded text and a yes/no. In that
copy, each field must be asked with the kind of question its type calls for, saved in the
assessment file, shown by ``pmopath show`` in every format, and carried into the next
assessment as the default answer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

NEW_FIELDS = """
    mentees: Annotated[int, Field(ge=0)] | None = Field(
        None,
        title="Mentees",
        description="How many people do you mentor?",
        json_schema_extra={"unit": "mentee"},
    )
    sector: Annotated[str, StringConstraints(max_length=40)] | None = Field(
        None, title="Sector", description="Which sector do you work in?"
    )
    remote: bool | None = Field(None, title="Remote", description="Do you work remotely?")
"""

#: Run inside the copy: every check, with the reason for a failure on stderr.
SCRIPT = r"""
import datetime as dt, json, sys
from pathlib import Path
from typer.testing import CliRunner
from pmopath.cli.app import app
from pmopath.cli.answers import answers_from_profile, carried_over
from pmopath.cli.questionnaire import all_questions, answer_all
from pmopath.cli.questions import Key, Part
from pmopath.load.framework import load_framework
from pmopath.load.store import Store
from scripted import ScriptedAsk

TODAY = dt.date(2026, 11, 22)
fw = load_framework()
src = Path(sys.argv[1])
assert "mentees" in (src / "pmopath/model/profile.py").read_text()

# asked, with the right kind of question
answers = {}
ask = ScriptedAsk({"current_role": "project-manager", "target_role": "pmo-manager",
                   "mentees": "3", "sector": "Public health", "remote": True})
answer_all(fw, answers, True, ask, lambda a: None, today=TODAY)
asked = {q.key.name: q for q in all_questions(fw, answers, True, today=TODAY)
         if q.key.part is Part.field}
mentees, sector, remote = asked["mentees"], asked["sector"], asked["remote"]
assert mentees.kind == "text" and mentees.convert("12") == 12, mentees
for bad in ("-1", "2.5", "many"):
    try:
        mentees.convert(bad)
    except ValueError:
        pass
    else:
        raise AssertionError(f"mentees accepted {bad!r}")
assert sector.kind == "text" and sector.convert("Energy") == "Energy"
try:
    sector.convert("x" * 41)
except ValueError:
    pass
else:
    raise AssertionError("sector accepted 41 characters")
assert remote.kind == "confirm", remote
assert answers[Key(Part.field, "mentees")] == 3

# saved: an answers file through the command line, into the assessment file
runner = CliRunner()
answers_file = Path("answers.yaml")
answers_file.write_text(
    "current_role: project-manager\ntarget_role: pmo-manager\n"
    "mentees: 3\nsector: Public health\nremote: true\n"
    "ratings: {governance: 2}\n"
)
result = runner.invoke(app, ["assess", "--answers", str(answers_file)])
assert result.exit_code == 0, result.output
(saved,) = sorted(Store().assessments.glob("*.yaml"))
text = saved.read_text()
assert "mentees: 3" in text and "sector: Public health" in text and "remote: true" in text, text

# shown in every format
for fmt, wanted in (
    ("terminal", ["Mentees", "3 mentees", "Sector", "Public health", "Remote", "yes"]),
    ("markdown", ["Mentees", "3 mentees", "Sector", "Public health", "Remote", "yes"]),
):
    out = runner.invoke(app, ["show", "--format", fmt])
    assert out.exit_code == 0, out.output
    for w in wanted:
        assert w in out.stdout, (fmt, w, out.stdout)
doc = json.loads(runner.invoke(app, ["show", "--format", "json"]).stdout)
flat = json.dumps(doc)
for w in ("Mentees", "3 mentees", "Public health"):
    assert w in flat, (w, flat)

# carried into the next assessment: last time's answer is the default
profile = Store().load(Store().find(None), fw).profile
previous = answers_from_profile(profile)
assert previous[Key(Part.field, "mentees")] == 3
assert previous[Key(Part.field, "sector")] == "Public health"
assert previous[Key(Part.field, "remote")] is True
nxt = {}
seen = {}
def record(q):
    seen[q.key] = q
    return ScriptedAsk({"current_role": "project-manager"})(q)
answer_all(fw, nxt, True, record, lambda a: None, previous, today=TODAY)
assert seen[Key(Part.field, "mentees")].default == "3", seen[Key(Part.field, "mentees")]
assert seen[Key(Part.field, "sector")].default == "Public health"
assert seen[Key(Part.field, "remote")].default is True
assert nxt[Key(Part.field, "mentees")] == 3 and nxt[Key(Part.field, "remote")] is True
assert carried_over(previous) == {}  # positions only: these are asked again, defaulted
print("ok")
"""


@pytest.fixture(scope="module")
def copy_with_new_fields(tmp_path_factory: pytest.TempPathFactory) -> Path:
    top = tmp_path_factory.mktemp("one-file")
    shutil.copytree(
        ROOT / "src" / "pmopath",
        top / "src" / "pmopath",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (top / "data").symlink_to(ROOT / "data")
    model = top / "src" / "pmopath" / "model" / "profile.py"
    text = model.read_text(encoding="utf-8")
    anchor = "    ratings: dict[str, Rating] = Field(default_factory=dict)\n"
    assert text.count(anchor) == 1
    model.write_text(text.replace(anchor, NEW_FIELDS.lstrip("\n") + anchor), encoding="utf-8")
    return top


def test_a_field_added_to_the_profile_is_asked_saved_shown_and_carried(
    copy_with_new_fields: Path, tmp_path: Path
) -> None:
    src = copy_with_new_fields / "src"
    changed = subprocess.run(
        ["diff", "-rq", "-x", "__pycache__", str(ROOT / "src" / "pmopath"), str(src / "pmopath")],
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert len(changed) == 1 and "model/profile.py" in changed[0], changed
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), str(ROOT / "tests")]),
        "PMOPATH_HOME": str(tmp_path / "home"),
        "PMOPATH_NO_CACHE": "1",
        "NO_COLOR": "1",
        "COLUMNS": "120",
    }
    env.pop("PMOPATH_DATA", None)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT), str(src)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]
