"""`--format html` (issue 24): one self-contained page for gap, the comparison, roadmap, show
and progress; every value escaped; offered only where a view has an HTML layout."""

from __future__ import annotations

import itertools
import os
import re
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from html_reports import (
    AS_OF,
    EXIT,
    HOSTILE,
    PM,
    REPORTS,
    Page,
    html_of,
    save_assessments,
    write_reports,
)
from pmopath.base.errors import RefusedError
from pmopath.cli.app import app
from pmopath.model.catalog import Framework
from pmopath.render import Format, renderer_for
from pmopath.render.html import css_string
from pmopath.views.browse import roles_view

SNAPSHOTS = Path(__file__).parent / "snapshots"
#: every element a report may hold: layout, tables, links and the charts' SVG
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "section", "h1", "h2",
    "h3", "p", "span", "strong", "a", "ul", "li", "dl", "div", "dt", "dd", "table", "caption",
    "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "desc", "line", "rect",
    "circle", "polygon", "polyline", "text", "abbr",
}  # fmt: skip


@pytest.mark.parametrize("command", ["gap", "roadmap", "show", "progress", "team"])
def test_the_reports_offer_html(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert "html" in result.stdout
    assert "--output" in result.stdout and "--force" in result.stdout


@pytest.mark.parametrize(
    "args", [["roles"], ["competencies"], ["certs"], ["history"], ["diff"], ["sources"]]
)
def test_other_commands_neither_list_nor_take_html(runner: CliRunner, args: list[str]) -> None:
    """--help is honest: a command lists html only when it has an HTML layout."""
    shown = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "200"})
    assert "html" not in shown.stdout
    result = runner.invoke(app, [*args, "--format", "html"])
    assert result.exit_code == 3 and "'html' is not one of" in result.stderr  # usage


def test_the_renderer_refuses_a_view_without_a_layout(session_fw: Framework) -> None:
    with pytest.raises(RefusedError, match=r"html output is only for `gap`, `roadmap`, `show`"):
        renderer_for(Format.html).render(roles_view(session_fw))


@pytest.mark.parametrize("name", ["roadmap-project-manager", "gap-comparison"])
def test_the_report_matches_its_snapshot(name: str) -> None:
    """The example's roadmap and comparison, byte for byte (UPDATE_SNAPSHOTS=1 rewrites
    them; look at the diff, and at the page in a browser, before committing)."""
    snapshot = SNAPSHOTS / f"{name}.html"
    out = html_of(REPORTS[name])
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_a_report_is_one_self_contained_page(session_fw: Framework, name: str) -> None:
    if name.startswith(("show", "progress")):
        save_assessments(session_fw)
    out = html_of(REPORTS[name], EXIT.get(name, 0))
    page = Page(out)
    tags = {tag for tag, _ in page.elements}
    assert tags <= ELEMENTS, tags - ELEMENTS
    assert out.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "default-src 'none'" in out  # the browser itself refuses any request
    for tag, attrs in page.elements:  # no file, image or script is fetched: links only
        assert not {"src", "srcset", "background"} & set(attrs), (tag, attrs)
        assert tag == "a" or "href" not in attrs
        assert attrs.get("href") is None or attrs["href"].startswith("https://")
    headings = [int(tag[1]) for tag, _ in page.elements if re.fullmatch(r"h[1-6]", tag)]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(headings)), "a heading level skipped"
    for tag, attrs in page.elements:
        if tag == "th":
            assert attrs.get("scope") in ("col", "row")
        if tag == "svg":
            assert attrs["role"] == "img" and "viewBox" in dict.fromkeys(attrs, 1) | {"viewBox": 1}
    charts = out.count("<svg ")
    assert out.count("<title id=") == charts and out.count("<desc id=") == charts


def test_hostile_text_is_shown_literally(session_fw: Framework, tmp_path: Path) -> None:
    """Names, titles and evidence that would be markup, a template or an entity are shown
    as typed: no element is added, nothing is evaluated, nothing ends the style sheet."""
    paths = write_reports(session_fw, tmp_path)
    out = paths["hostile-roadmap"].read_text(encoding="utf-8")
    page = Page(out)
    assert {tag for tag, _ in page.elements} <= ELEMENTS
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]
    assert HOSTILE["name"] in page.text and HOSTILE["evidence"].split(" ran")[0] in page.text
    assert "49" not in page.text.split("{{ 7*7 }}")[0][-3:]  # the expression is not evaluated
    style = out.split("<style>")[1].split("</style>")[0]
    assert "<" not in style and "{{" not in style  # the header's name is all escapes


def test_show_escapes_the_work_history(
    runner: CliRunner, session_fw: Framework, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.yaml"
    write_reports(session_fw, tmp_path)  # writes hostile.yaml
    result = runner.invoke(app, ["assess", "--answers", str(hostile)])
    assert result.exit_code == 0, result.stderr
    page = Page(html_of(["show"]))
    assert {tag for tag, _ in page.elements} <= ELEMENTS
    for text in HOSTILE.values():
        assert text in page.text


def test_a_css_string_cannot_end_its_rule() -> None:
    assert str(css_string('a"; } body { x')) == '"a\\22 \\3b  \\7d  body \\7b  x"'
    assert str(css_string("</style>")) == '"\\3c \\2f style\\3e "'


def test_output_file_follows_the_output_rules(runner: CliRunner, tmp_path: Path) -> None:
    """-o writes the page (private, 0600), refuses to overwrite without --force, and never
    replaces an input."""
    target = tmp_path / "plan.html"
    args = ["roadmap", "-p", PM, "-t", "director", *AS_OF, "-f", "html", "-o", str(target)]
    assert runner.invoke(app, args).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = runner.invoke(app, args)
    assert again.exit_code != 0 and "--force" in again.stderr
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    over_input = runner.invoke(app, ["gap", "-p", PM, "-f", "html", "-o", PM, "--force"])
    assert over_input.exit_code == 3 and "reads" in over_input.stderr


def test_progress_writes_its_page(runner: CliRunner, session_fw: Framework, tmp_path: Path) -> None:
    save_assessments(session_fw)
    target = tmp_path / "progress.html"
    result = runner.invoke(app, ["progress", "-t", "director", "-f", "html", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and "Wrote" in result.stderr
    page = Page(target.read_text(encoding="utf-8"))
    assert "2026-05-20" in page.text and "2026-11-22" in page.text  # both assessments


def test_without_charts_the_tables_stay() -> None:
    out = html_of(["roadmap", "-p", PM, "-t", "director", *AS_OF, "--no-charts"])
    assert "<svg" not in out and 'id="milestones-table"' in out and 'id="gaps-table"' in out


def test_a_plan_ready_now_says_so() -> None:
    """Ready now: no empty timeline chart, and the milestones table says "now" (it said
    "month not estimated", as the markdown list and its Mermaid chart did)."""
    out = html_of(["roadmap", "-p", PM, "-t", "project-manager", *AS_OF])
    page = Page(out)
    assert 'id="timeline-title"' not in out
    assert "now Ready for Project Manager" in page.text
    assert "not estimated" not in page.text


def test_show_never_writes_over_the_assessment_it_shows(
    runner: CliRunner, session_fw: Framework
) -> None:
    from pmopath.load.store import Store

    save_assessments(session_fw)
    store = Store()
    latest = store.path(store.find(None))
    before = latest.read_bytes()
    result = runner.invoke(app, ["show", "-f", "html", "-o", str(latest), "--force"])
    assert result.exit_code == 3 and "reads" in result.stderr
    assert latest.read_bytes() == before


def test_control_and_bidi_characters_are_shown_as_escapes(tmp_path: Path) -> None:
    """As in the terminal and markdown: an override that would reorder the page's text, an
    escape sequence or a zero-width space is shown as its escape, in the page and in the
    printed header."""
    profile = tmp_path / "p.yaml"
    text = Path(PM).read_text(encoding="utf-8")
    profile.write_text(
        text.replace("name: Alex Example", 'name: "Alex \\u202Eelpmaxe\\e[2J\\u200b"'),
        encoding="utf-8",
    )
    out = html_of(["roadmap", "-p", str(profile), "-t", "director", *AS_OF])
    assert "\u202e" not in out and "\x1b" not in out and "\u200b" not in out
    assert "Alex \\u202eelpmaxe\\x1b[2J\\u200b" in Page(out).text


def test_a_team_with_hostile_names_adds_nothing(session_fw: Framework, tmp_path: Path) -> None:
    """The heat map names every person: a hostile name stays text there too."""
    write_reports(session_fw, tmp_path)  # writes hostile.yaml
    folder = tmp_path / "team"
    folder.mkdir()
    (tmp_path / "hostile.yaml").rename(folder / "hostile.yaml")
    page = Page(html_of(["team", str(folder)]))
    assert {tag for tag, _ in page.elements} <= ELEMENTS
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]
    assert page.text.count(HOSTILE["name"]) >= 2  # the people table and the heat map
