"""The HTML reports the tests open: the example project manager's roadmap, gap analysis and
comparison, two saved assessments of the same person (for `show` and `progress`), and a
profile full of hostile text. Shared by tests/test_html.py and tests/test_browser.py."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.load.profiles import load_profile, profile_yaml
from pmopath.load.store import Store
from pmopath.model.catalog import Framework
from pmopath.model.profile import Rating

ROOT = Path(__file__).resolve().parents[1]
PM = str(ROOT / "examples" / "project-manager.yaml")
AS_OF = ["--as-of", "2026-11-22"]
UTC = dt.timezone.utc
#: the example saved half a year apart: as it is, then with three ratings raised
SAVED = (dt.datetime(2026, 5, 20, 9, 30, tzinfo=UTC), dt.datetime(2026, 11, 22, 9, 30, tzinfo=UTC))
RAISED = {"governance": 4, "pmo-management": 2, "financial-resource-management": 2}

#: report name -> the command that writes it (html)
REPORTS: dict[str, list[str]] = {
    "roadmap-project-manager": ["roadmap", "-p", PM, "-t", "director", *AS_OF],
    "gap-project-manager": ["gap", "-p", PM, "-t", "director", *AS_OF],
    "gap-comparison": [
        "gap",
        "-p",
        PM,
        "-t",
        "director",
        "-t",
        "pmo-manager",
        "-t",
        "program-manager",
        *AS_OF,
    ],
    "show-project-manager": ["show"],
    "progress-project-manager": ["progress", "-t", "director"],
    "team-example": ["team", str(ROOT / "examples" / "team")],
}
#: exit statuses other than 0 a report is made with: the example team has a broken file,
#: named and skipped (exit 5), on purpose
EXIT = {"team-example": 5}

#: Text that would be markup, a template expression or an entity if it were not escaped.
HOSTILE = {
    "name": '<script>alert("name")</script> Dana & "Co" {{ 7*7 }} &amp;',
    "evidence": '"><img src=x onerror=alert(1)> ran the {% raw %} gate & &lt;b&gt;',
    "title": "</style><script>alert(2)</script> PMO lead ${x} {# c #}",
}
HOSTILE_PROFILE = f"""\
schema_version: 2
name: '{HOSTILE["name"].replace("'", "''")}'
current_role: project-manager
target_role: pmo-director
positions:
  - title: '{HOSTILE["title"].replace("'", "''")}'
    role: project-manager
    start: 2019-01
    kinds: [project-management, people-leadership]
education: bachelor
training: {{general: 40}}
certifications: [pmp]
hours_per_week: 4
ratings:
  governance: {{level: 3, evidence: '{HOSTILE["evidence"].replace("'", "''")}'}}
  pmo-management: 1
"""


def save_assessments(fw: Framework) -> None:
    """The example person's two saved assessments, in the current PMOPATH_HOME."""
    profile = load_profile(Path(PM), fw, strict=True).profile
    first = profile.model_copy(update={"assessed_at": SAVED[0]})
    ratings = {**profile.ratings, **{k: Rating(level=v) for k, v in RAISED.items()}}
    later = profile.model_copy(update={"assessed_at": SAVED[1], "ratings": ratings})
    for p, when in ((first, SAVED[0]), (later, SAVED[1])):
        Store().save_assessment(profile_yaml(p), when)


def html_of(args: list[str], status: int = 0) -> str:
    result = CliRunner().invoke(app, [*args, "--format", "html"], env={"COLUMNS": "120"})
    assert result.exit_code == status, result.stderr
    return result.stdout


def write_reports(fw: Framework, folder: Path) -> dict[str, Path]:
    """Every report of REPORTS and the hostile profile's roadmap and `show`, as files."""
    save_assessments(fw)
    hostile = folder / "hostile.yaml"
    hostile.write_text(HOSTILE_PROFILE, encoding="utf-8")
    reports = {
        **REPORTS,
        "hostile-roadmap": ["roadmap", "-p", str(hostile), *AS_OF],
    }
    paths = {}
    for name, args in reports.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(html_of(args, EXIT.get(name, 0)), encoding="utf-8")
    return paths


class Page(HTMLParser):
    """A page's elements (tag and attributes) and its text as a browser would show it."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self._skip = 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split()).replace("\u2011", "-")
