"""Nothing lost, nothing clobbered: concurrency, special files, faults, hostile input."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pexpect
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from clock import PMOPATH
from pmopath.base.errors import DataError, ExitStatus
from pmopath.cli.app import app
from pmopath.load.framework import load_framework
from pmopath.load.store import Store
from pmopath.load.yamlio import load_yaml
from pmopath.render.mermaid import MERMAID_KEYWORDS, mermaid_text

ROOT = Path(__file__).resolve().parents[1]
PM = str(ROOT / "examples" / "project-manager.yaml")
UTC = dt.timezone.utc


def CLOCK() -> dt.datetime:
    """The assessment flow's clock: a fixed moment."""
    return dt.datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def pmopath(*args: str, home: Path, **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PMOPATH_HOME": str(home)}
    env.pop("PMOPATH_DATA", None)
    return subprocess.Popen(
        [*PMOPATH, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[call-overload]
    )


# ------------------------------------------------------------------ saves


def test_twenty_parallel_saves_all_land_under_the_id_they_printed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    files = []
    base = Path(PM).read_text(encoding="utf-8")
    for i in range(20):
        f = tmp_path / f"person-{i}.yaml"
        f.write_text(base.replace("name: Alex Example", f"name: Person {i}"), encoding="utf-8")
        files.append(f)
    procs = [pmopath("assess", "--answers", str(f), home=home) for f in files]
    printed = {}
    for i, proc in enumerate(procs):
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        match = re.search(r"Saved assessment (\S+) to", err)
        assert match, err
        printed[match.group(1)] = f"Person {i}"
    assert len(printed) == 20
    store = Store(home=home)
    assert sorted(store.ids()) == sorted(printed)
    for ident, name in printed.items():
        assert yaml.safe_load(store.path(ident).read_text(encoding="utf-8"))["name"] == name


def test_ids_sort_as_numbers_and_an_exact_id_wins(tmp_path: Path) -> None:
    store = Store(home=tmp_path)
    when = dt.datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)
    ids = [store.save_assessment(f"n: {i}\n", when) for i in range(12)]
    assert ids[9] == "20261122-100000-10"
    assert store.ids() == ids  # -10 after -9, not after the plain ID
    assert store.find(None) == ids[-1]
    assert store.find("20261122-100000") == ids[0]


def test_a_truncated_saved_assessment_is_named(runner: CliRunner) -> None:
    assert runner.invoke(app, ["assess", "--answers", PM]).exit_code == 0
    store = Store()
    path = store.path(store.find(None))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")  # cut at a line end
    for args in (["gap"], ["roadmap"], ["show"]):
        result = runner.invoke(app, args)
        assert result.exit_code == ExitStatus.DATA, args
        assert str(path) in result.stderr and "incomplete" in result.stderr
    assert "pmopath show N" in runner.invoke(app, ["gap"]).stderr
    history = json.loads(runner.invoke(app, ["history", "-f", "json"]).stdout)
    assert "incomplete" in history["assessments"][0]["problem"]


def test_a_fifo_among_assessments_is_skipped_not_waited_on(tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = pmopath("assess", "--answers", PM, home=home)
    assert proc.communicate(timeout=60) and proc.returncode == 0
    os.mkfifo(home / "assessments" / "20990101-000000.yaml")
    proc = pmopath("history", "-f", "json", home=home)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert len(json.loads(out)["assessments"]) == 1
    assert "skipped" in err and "not a regular file" in err


# ------------------------------------------------------------------ drafts


def test_restart_moves_a_corrupt_draft_aside(tmp_path: Path) -> None:
    from pmopath.cli.assess import start_or_resume
    from scripted import ScriptedAsk

    store = Store(home=tmp_path)
    tmp_path.mkdir(exist_ok=True)
    store.draft_path.write_text("answers: [unclosed\n", encoding="utf-8")
    import io

    from rich.console import Console

    console = Console(file=io.StringIO())
    with pytest.raises(DataError):
        start_or_resume(
            store, ScriptedAsk(), console, resume=False, restart=False, quick=False, clock=CLOCK
        )
    chosen = start_or_resume(
        store, ScriptedAsk(), console, resume=False, restart=True, quick=False, clock=CLOCK
    )
    assert chosen is not None
    draft, lock = chosen
    lock.release()
    assert draft.answers == {}
    kept = list(tmp_path.glob("draft.corrupt-*.yaml"))
    assert len(kept) == 1 and kept[0].read_text() == "answers: [unclosed\n"
    assert "moved it to" in console.file.getvalue()  # type: ignore[attr-defined]


def spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "PMOPATH_HOME": str(home), "TERM": "xterm", "NO_COLOR": "1"}
    env.update({"PROMPT_TOOLKIT_NO_CPR": "1"})
    env.pop("PMOPATH_DATA", None)
    return pexpect.spawn(
        PMOPATH[0],
        [*PMOPATH[1:], "assess", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 160),
    )


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_two_sessions_never_share_a_draft(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = spawn(home)
    first.expect("Your name")
    first.send("First Person\r")
    first.expect("Your current role")  # the first session holds draft.yaml, one answer in
    second = spawn(home)
    second.expect("Another `pmopath assess` is in progress")
    second.expect("Start a separate assessment")
    second.send("\r")
    second.expect("Your name")
    second.send("Second Person\r")
    second.expect("Your current role")
    second.sendcontrol("c")
    second.expect("1 answer kept in .*draft-2.yaml")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == ExitStatus.INTERRUPTED
    first.sendcontrol("c")
    first.expect(pexpect.EOF)
    first.close()
    drafts = {p.name: yaml.safe_load(p.read_text()) for p in home.glob("draft*.yaml")}
    assert drafts["draft.yaml"]["answers"] == {"name": "First Person"}
    assert drafts["draft-2.yaml"]["answers"] == {"name": "Second Person"}


@pytest.mark.skipif(sys.platform == "win32", reason="signals are POSIX")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_keeps_the_draft_and_says_so(tmp_path: Path, sig: int, code: int) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    child.expect("Your name")
    child.send("Sig Nal\r")
    child.expect("Your current role")
    child.kill(sig)
    child.expect(f"Stopped by signal {int(sig)}: 1 answer kept in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    assert yaml.safe_load((home / "draft.yaml").read_text())["answers"] == {"name": "Sig Nal"}


def test_interrupt_before_any_answer_says_nothing_was_saved(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    child.expect("Your name")
    child.sendcontrol("c")
    child.expect("nothing was answered yet, so nothing was saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == ExitStatus.INTERRUPTED


# ------------------------------------------------------------ output paths


def roadmap_to(runner: CliRunner, target: Path, *extra: str) -> object:
    return runner.invoke(app, ["roadmap", "-p", PM, "-f", "markdown", "-o", str(target), *extra])


def test_force_keeps_a_private_files_mode(runner: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "plan.md"
    mine.write_text("old\n")
    mine.chmod(0o600)
    refused = roadmap_to(runner, mine)
    assert refused.exit_code == ExitStatus.USAGE and mine.read_text() == "old\n"  # type: ignore[attr-defined]
    assert roadmap_to(runner, mine, "--force").exit_code == 0  # type: ignore[attr-defined]
    assert mine.read_text().startswith("# Development plan")
    assert mine.stat().st_mode & 0o777 == 0o600


def test_symlinks_need_force_and_keep_the_link(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    assert roadmap_to(runner, link).exit_code == ExitStatus.USAGE  # type: ignore[attr-defined]
    assert roadmap_to(runner, dangling).exit_code == ExitStatus.USAGE  # type: ignore[attr-defined]
    assert not (tmp_path / "nowhere.md").exists()
    assert roadmap_to(runner, link, "--force").exit_code == 0  # type: ignore[attr-defined]
    assert link.is_symlink() and target.read_text().startswith("# Development plan")


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    proc = pmopath("roadmap", "-p", PM, "-f", "markdown", "-o", str(fifo), home=tmp_path / "h")
    proc.communicate(timeout=60)
    reader.join(timeout=30)
    assert proc.returncode == 0
    assert got and got[0].startswith("# Development plan")
    assert fifo.is_fifo()  # never replaced by a regular file


def test_folders_and_missing_folders(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "new" / "plan.md"
    result = roadmap_to(runner, missing)
    assert result.exit_code == ExitStatus.USAGE and "does not exist" in result.stderr  # type: ignore[attr-defined]
    assert roadmap_to(runner, missing, "--force").exit_code == 0  # type: ignore[attr-defined]
    assert missing.is_file()


# ------------------------------------------------------------ environment


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, fmt: str) -> None:
    proc = pmopath("roadmap", "-p", PM, "-t", "director", "-f", fmt, home=tmp_path)
    assert proc.stdout is not None
    proc.stdout.close()  # the reader is gone before pmopath writes
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitStatus.BROKEN_PIPE
    assert err == ""


@pytest.mark.parametrize("args", [["roles"], ["gap", "-p", PM], ["certs", "pmp"]])
def test_an_ascii_only_output_gets_ascii(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "PMOPATH_HOME": str(tmp_path), "PYTHONIOENCODING": "ascii"}
    result = subprocess.run([*PMOPATH, *args], env=env, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    result.stdout.decode("ascii")  # every byte is ASCII
    assert b"internal error" not in result.stderr


# ------------------------------------------------------------ strict input


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 99999),
    st.integers(-5, 99),
    st.integers(-5, 99),
    st.sampled_from(["-", "/"]),
)
def test_date_like_scalars_are_dates_or_data_errors(
    tmp_path_factory: pytest.TempPathFactory, year: int, month: int, day: int, sep: str
) -> None:
    path = tmp_path_factory.mktemp("dates") / "d.yaml"
    path.write_text(f"as_of: {year:04d}{sep}{month:02d}{sep}{day:02d}\n", encoding="utf-8")
    try:
        value = load_yaml(path).data["as_of"]
    except DataError as exc:
        assert exc.line == 1 and exc.field == "as_of"
        return
    assert isinstance(value, (str, dt.date))


@settings(max_examples=200, deadline=None)
@given(st.text("0123456789", min_size=1, max_size=6000), st.sampled_from(["", "-", "."]))
def test_number_scalars_are_bounded(
    tmp_path_factory: pytest.TempPathFactory, digits: str, sign: str
) -> None:
    path = tmp_path_factory.mktemp("numbers") / "n.yaml"
    path.write_text(f"hours: {sign}{digits}\n", encoding="utf-8")
    try:
        value = load_yaml(path).data["hours"]
    except DataError as exc:
        assert exc.line == 1 and "too long" in exc.message
        assert len(sign + digits) > 40
        return
    assert isinstance(value, (int, float, str))


def test_yaml_11_booleans_are_not_ratings(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "answers.yaml"
    bad.write_text(Path(PM).read_text().replace("  pm-tools: 2\n", "  pm-tools: on\n"))
    assert "pm-tools: on" in bad.read_text()
    result = runner.invoke(app, ["assess", "--answers", str(bad)])
    assert result.exit_code == ExitStatus.DATA
    assert "ratings.pm-tools" in result.stderr


def test_bad_dates_are_listed_by_validate(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text.replace("as_of: 2026-11-22", "as_of: 2021-13-45", 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(data_copy)])
    assert result.exit_code == ExitStatus.DATA
    assert "not a valid date: '2021-13-45'" in result.stdout and "Traceback" not in result.stdout


def test_the_size_limit_names_the_real_limit(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(Path(PM).read_text() + "#" * (600 * 1024) + "\n")
    result = runner.invoke(app, ["gap", "-p", str(big)])
    assert result.exit_code == ExitStatus.DATA
    assert "larger than the 512 KiB limit" in result.stderr


def test_thousands_of_unknown_ratings_are_summarised(runner: CliRunner, tmp_path: Path) -> None:
    extra = "".join(f"  retired-{i}: 2\n" for i in range(20_000))
    many = tmp_path / "many.yaml"
    many.write_text(Path(PM).read_text().replace("ratings:\n", "ratings:\n" + extra))
    result = runner.invoke(app, ["gap", "-p", str(many), "-f", "json"])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 4 and "19,997 more ratings" in warnings[-1]


# ---------------------------------------------------------- hostile frameworks

MARKUP = ("[bold red]Loud[/bold red] [link=https://evil.invalid]x[/link]", "[/unbalanced] [b")


def hostile_copy(data_copy: Path, markup: str) -> Path:
    """Put markup into a role, a domain, a competency, a certification and an action title."""
    quoted = json.dumps(markup)
    edits = {
        "roles.yaml": [("name: Project Manager\n", f"name: {quoted}\n")],
        "competencies.yaml": [
            ("name: Delivery practice\n", f"name: {quoted}\n"),
            ("name: Governance and assurance\n", f"name: {quoted}\n"),
            (
                'title: "Build a resource plan for a programme and resolve one capacity conflict"',
                f"title: {quoted}",
            ),
        ],
        "certifications.yaml": [("name: Project Management Professional\n", f"name: {quoted}\n")],
    }
    for file, pairs in edits.items():
        path = data_copy / file
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return data_copy


COMMANDS = [
    ["roles"],
    ["roles", "pm"],
    ["competencies"],
    ["competencies", "governance"],
    ["certs"],
    ["certs", "--for", "pm"],
    ["certs", "pmp"],
    ["gap", "-p", PM, "-t", "director"],
    ["roadmap", "-p", PM, "-t", "director"],
    ["validate"],
]


@pytest.mark.parametrize("markup", MARKUP, ids=["balanced", "unbalanced"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_markup_in_framework_names_is_shown_literally(
    runner: CliRunner, data_copy: Path, markup: str, args: list[str]
) -> None:
    folder = hostile_copy(data_copy, markup)
    if args == ["validate"]:
        args = ["validate", str(folder)]
    for fmt in ("terminal", "markdown"):
        result = runner.invoke(
            app,
            ["--data", str(folder), *args, "-f", fmt],
            env={"NO_COLOR": None, "TERM": "xterm-256color", "FORCE_COLOR": "1"},
        )
        assert result.exit_code == 0, result.stderr
        assert "\x1b]8;" not in result.stdout  # no hyperlink was planted
        if fmt == "terminal" and args[0] not in ("validate",):
            plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
            assert "[" + markup.split("[", 2)[1].split("]")[0] + "]" in " ".join(plain.split())


def test_every_mermaid_keyword_is_neutralised() -> None:
    for keyword in [*sorted(MERMAID_KEYWORDS), "%%", "%%{init: {}}%%"]:
        label = mermaid_text(f"{keyword} Evil: plan; #1")
        assert label.split()[0].lower() not in MERMAID_KEYWORDS
        assert not re.search(r"[:;#%]", label)
    assert mermaid_text("") == mermaid_text("  %% ") == "Untitled"


def test_names_cannot_change_the_timelines_structure(runner: CliRunner, data_copy: Path) -> None:
    """Role and certification names from a framework are data, never Mermaid syntax."""
    roles = data_copy / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    text = text.replace(
        "    name: PMO Manager\n", "    name: 'PMO\"]) --> x[\"click Manager %% end'\n", 1
    )
    roles.write_text(text, encoding="utf-8")
    certs = data_copy / "certifications.yaml"
    text = certs.read_text(encoding="utf-8")
    text = text.replace(
        "    short_name: PMI-PMOCP\n", "    short_name: '}} style s fill:#f00'\n", 1
    )
    certs.write_text(text, encoding="utf-8")
    pm = ROOT / "examples" / "project-manager.yaml"
    args = ["--data", str(data_copy), "roadmap", "-p", str(pm), "-t", "director", "-f", "markdown"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    block = result.stdout.split("```mermaid\nflowchart TD\n", 1)[1].split("```", 1)[0]
    node = re.compile(r'^    (\w+ --> )?\w+(\(\[|\[)"[^"\[\]{}%:;#<>`]*"(\]\)|\])$')
    lines = block.splitlines()
    assert len(lines) >= 3
    for line in lines:
        assert node.match(line), line


def test_framework_loads_after_hostile_edits(data_copy: Path) -> None:
    assert load_framework(hostile_copy(data_copy, MARKUP[1])).role("pm").name == MARKUP[1]


def test_a_session_with_no_answer_yet_still_holds_its_draft(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from pmopath.cli.assess import start_or_resume
    from scripted import ScriptedAsk

    store = Store(home=tmp_path)
    first = store.lock_draft(store.draft_path)  # a session on its first question
    assert first is not None
    console = Console(file=io.StringIO())
    ask = ScriptedAsk()  # picks the default: a separate assessment
    chosen = start_or_resume(
        store, ask, console, resume=False, restart=False, quick=False, clock=CLOCK
    )
    assert chosen is not None
    draft, lock = chosen
    assert draft.path == tmp_path / "draft-2.yaml"
    assert "confirm.separate" in ask.asked
    assert "Another `pmopath assess` is in progress" in console.file.getvalue()  # type: ignore[attr-defined]
    lock.release()
    first.release()
    # with both sessions gone, a new session starts on draft.yaml again
    again = start_or_resume(
        store, ScriptedAsk(), console, resume=False, restart=False, quick=False, clock=CLOCK
    )
    assert again is not None and again[0].path == store.draft_path
    again[1].release()


@pytest.mark.parametrize("extra", [[], ["--force"]])
def test_dev_stdout_is_written_in_place(tmp_path: Path, extra: list[str]) -> None:
    proc = pmopath(
        "roadmap", "-p", PM, "-f", "markdown", "-o", "/dev/stdout", *extra, home=tmp_path
    )
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.startswith("# Development plan")
    assert Path("/dev/stdout").is_symlink() or Path("/dev/stdout").is_char_device()


def test_a_tilde_in_an_output_path_means_home(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    result = runner.invoke(app, ["roadmap", "-p", PM, "-f", "markdown", "-o", "~/plan.md"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "plan.md").is_file() and not Path("~").exists()


def test_yaml_11_only_numbers_are_not_numbers(runner: CliRunner, tmp_path: Path) -> None:
    octal = tmp_path / "octal.yaml"
    octal.write_text(Path(PM).read_text().replace("hours_per_week: 4", "hours_per_week: 035"))
    assert "hours_per_week: 035" in octal.read_text()
    shown = runner.invoke(app, ["gap", "-p", str(octal), "-f", "json"])
    assert shown.exit_code == 0  # 035 is 35 in YAML 1.2 (decimal), not octal 29
    sexagesimal = tmp_path / "sixty.yaml"
    sexagesimal.write_text(
        Path(PM).read_text().replace("hours_per_week: 4", "hours_per_week: 1:00")
    )
    result = runner.invoke(app, ["gap", "-p", str(sexagesimal)])
    assert result.exit_code == ExitStatus.DATA and "hours_per_week" in result.stderr
    doc = load_yaml(octal)
    assert doc.data["hours_per_week"] == "035"  # left as written; the model reads it as 35


def test_json_stays_valid_json_on_an_ascii_output(tmp_path: Path) -> None:
    quoted = tmp_path / "quoted.yaml"
    quoted.write_text(
        Path(PM).read_text().replace("name: Alex Example", "name: Alex “AJ” Exámple"),
        encoding="utf-8",
    )
    env = {**os.environ, "PMOPATH_HOME": str(tmp_path), "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [*PMOPATH, "gap", "-p", str(quoted), "-f", "json"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("ascii"))["name"] == "Alex “AJ” Exámple"


def test_a_file_system_without_locks_still_assesses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import fcntl
    import io

    from rich.console import Console

    from pmopath.cli.assess import start_or_resume
    from scripted import ScriptedAsk

    def no_locks(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    store = Store(home=tmp_path)
    chosen = start_or_resume(
        store,
        ScriptedAsk(),
        Console(file=io.StringIO()),
        resume=False,
        restart=False,
        quick=False,
        clock=CLOCK,
    )
    assert chosen is not None and chosen[0].path == store.draft_path
    chosen[1].release()


@pytest.mark.skipif(sys.platform == "win32", reason="signals are POSIX")
def test_a_signal_at_the_resume_question_leaves_the_draft_as_it_was(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    child.expect("Your name")
    child.send("Kept Person\r")
    child.expect("Your current role")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    again = spawn(home)
    again.expect("Resume the assessment")
    again.kill(signal.SIGTERM)
    again.expect("no question was asked yet; any assessment in progress is as it was")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == ExitStatus.TERMINATED
    assert yaml.safe_load((home / "draft.yaml").read_text())["answers"] == {"name": "Kept Person"}


def test_ctrl_d_stops_like_ctrl_c(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    child.expect("Your name")
    child.sendcontrol("d")  # at a text prompt, Ctrl-D ends the input
    child.expect("Interrupted: nothing was answered yet")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == ExitStatus.INTERRUPTED
