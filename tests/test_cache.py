"""The cache of validated frameworks and profiles: used when nothing changed, never trusted when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmopath.load import cache, framework
from pmopath.load.framework import load_framework, resolve_paths


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("PMOPATH_CACHE", str(home))
    monkeypatch.setattr(cache, "_writes", {})  # as in a new process
    return home


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often the YAML files are read and checked (a cache miss)."""
    calls: list[int] = []
    real = framework.check_paths

    def counting(paths: dict[str, Path], **options: object) -> object:
        calls.append(1)
        return real(paths, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(framework, "check_paths", counting)
    return calls


@pytest.fixture
def unwritable_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PMOPATH_CACHE below a regular file: the folder can never be made."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("PMOPATH_CACHE", str(blocker / "cache"))


def entries(home: Path) -> list[Path]:
    return sorted(home.glob("framework-*.json")) if home.exists() else []


def test_second_load_comes_from_the_cache(cache_home: Path, parses: list[int]) -> None:
    first = load_framework()
    assert len(parses) == 1 and len(entries(cache_home)) == 1
    second = load_framework()
    assert len(parses) == 1  # not read again
    assert second.roles_file == first.roles_file
    assert second.competencies_file == first.competencies_file
    assert second.certifications_file == first.certifications_file
    assert second.paths == first.paths


def test_one_changed_byte_invalidates(cache_home: Path, parses: list[int], data_copy: Path) -> None:
    load_framework(data_copy)
    roles = data_copy / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text.replace("name: PMO Director\n", "name: PMO Directos\n", 1), "utf-8")
    fw = load_framework(data_copy)
    assert len(parses) == 2
    assert fw.role("pmo-director").name == "PMO Directos"
    assert len(entries(cache_home)) == 2  # one entry per content


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw.replace(b"PMO Director", b"PMO Dyrector", 1),  # altered, still JSON
        lambda raw: b"",  # empty
        lambda raw: b"not the format\n{}",
    ],
    ids=["truncated", "altered", "empty", "foreign"],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(
    cache_home: Path, parses: list[int], damage: object
) -> None:
    load_framework()
    (entry,) = entries(cache_home)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    fw = load_framework()
    assert len(parses) == 2  # read from the YAML again, not from the damaged entry
    assert fw.role("pmo-director").name == "PMO Director"
    key = cache.cache_key(resolve_paths(None))
    assert key is not None and cache.load(key, resolve_paths(None)) is not None  # rebuilt


def test_an_unwritable_cache_folder_is_no_error(unwritable_cache: None, parses: list[int]) -> None:
    load_framework()
    load_framework()
    assert len(parses) == 2  # works, uncached


def test_no_cache_turns_it_off(
    cache_home: Path, parses: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMOPATH_NO_CACHE", "1")
    load_framework()
    load_framework()
    assert len(parses) == 2 and not entries(cache_home)


def test_validate_always_reads_the_files(cache_home: Path, parses: list[int]) -> None:
    from typer.testing import CliRunner

    from pmopath.cli.app import app

    load_framework()
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0
    assert len(parses) == 2


def test_validate_parses_each_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its warnings come from the documents its checks read (it once parsed them twice)."""
    from typer.testing import CliRunner

    from pmopath.cli.app import app
    from pmopath.load import yamlio

    parsed: list[str] = []
    real = yamlio.load_yaml

    def counting(path: Path, **options: object) -> object:
        parsed.append(path.name)
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlio, "load_yaml", counting)
    assert CliRunner().invoke(app, ["validate"]).exit_code == 0
    assert sorted(parsed) == sorted(framework.FILES)


def test_the_entry_is_json_with_a_checksum_line(cache_home: Path) -> None:
    load_framework()
    (entry,) = entries(cache_home)
    head, _, payload = entry.read_bytes().partition(b"\n")
    assert head.startswith(cache.FORMAT.encode())
    assert payload.startswith(b"{") and b"pmo-director" in payload


@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-elsewhere", "relative/ignored"])
def test_places_match_platformdirs(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    import platformdirs

    from pmopath.load import places

    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
    assert str(places.user_data_dir()) == platformdirs.user_data_dir("pmopath", appauthor=False)
    assert str(places.user_cache_dir()) == platformdirs.user_cache_dir("pmopath", appauthor=False)


def test_old_entries_are_pruned(
    cache_home: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "PRUNE_EVERY", 1)
    roles = data_copy / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    for i in range(cache.KEEP["framework"] + 3):
        roles.write_text(text + f"# edit {i}\n", encoding="utf-8")
        load_framework(data_copy)
    assert len(entries(cache_home)) == cache.KEEP["framework"]


# --------------------------------------------------------------------- profiles

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
V1 = Path(__file__).resolve().parent / "data" / "profile-v1.yaml"


@pytest.fixture
def profile_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records each profile file parsed from YAML (a profile cache miss)."""
    from pmopath.load import profiles as profile

    calls: list[Path] = []
    real = profile.read_profile

    def counting(path: Path, text: str | None = None) -> object:
        calls.append(path)
        return real(path, text)

    monkeypatch.setattr(profile, "read_profile", counting)
    return calls


def profile_entries(home: Path) -> list[Path]:
    return sorted(home.glob("profile-*.json")) if home.exists() else []


@pytest.mark.parametrize("path", [*EXAMPLES, V1], ids=lambda p: p.name)
@pytest.mark.parametrize("strict", [True, False])
def test_a_cached_profile_is_the_profile_read_from_yaml(
    cache_home: Path, profile_parses: list[Path], path: Path, strict: bool
) -> None:
    from pmopath.load.profiles import load_profile

    fw = load_framework()
    first = load_profile(path, fw, strict=strict)
    second = load_profile(path, fw, strict=strict)
    assert profile_parses == [path]  # the second came from the cache
    assert second.profile == first.profile and second.warnings == first.warnings
    assert second.profile.model_dump() == first.profile.model_dump()


def test_a_profile_with_every_kind_of_field_survives_the_cache(
    cache_home: Path, profile_parses: list[Path], tmp_path: Path
) -> None:
    """Dates, a datetime, undated years, held certifications with and without a year,
    ratings with evidence, and (not strict) an unknown rating kept with its warning."""
    from pmopath.load.profiles import load_profile

    path = tmp_path / "full.yaml"
    path.write_text(
        "schema_version: 2\nname: Ada\ncurrent_role: project-manager\ntarget_role: director\n"
        "positions:\n  - title: PM, Contoso\n    role: project-manager\n    start: 2019-03\n"
        "    kinds: [project-management, people-leadership]\n"
        "  - title: Coordinator\n    role: project-coordinator\n    start: 2016-01\n"
        "    end: 2019-02\n    kinds: [project-management]\n"
        "experience:\n  pmo_years: 1.5\neducation: bachelor\n"
        "training:\n  general: 12\n  pmo: 4\n"
        "certifications: [capm, {id: prince2-foundation, year: 2020}]\n"
        "hours_per_week: 5.5\nratings:\n  governance: 2\n"
        "  benefits-realisation: {level: 3, evidence: Ran the benefits review}\n"
        "  no-such-competency: 1\nassessed_at: 2026-11-20T10:30:00+00:00\n",
        encoding="utf-8",
    )
    fw = load_framework()
    first = load_profile(path, fw, strict=False)
    second = load_profile(path, fw, strict=False)
    assert len(profile_parses) == 1
    assert first.warnings and second.warnings == first.warnings
    assert second.profile == first.profile
    assert second.profile.assessed_at == first.profile.assessed_at
    assert isinstance(second.profile.positions, tuple)


def test_one_changed_byte_of_a_profile_is_read_again(
    cache_home: Path, profile_parses: list[Path], tmp_path: Path
) -> None:
    from pmopath.load.profiles import load_profile

    path = tmp_path / "p.yaml"
    text = EXAMPLES[0].read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    fw = load_framework()
    before = load_profile(path, fw).profile
    path.write_text(text.replace("hours_per_week: ", "hours_per_week: 1", 1), encoding="utf-8")
    after = load_profile(path, fw).profile
    assert len(profile_parses) == 2
    assert after.hours_per_week != before.hours_per_week


def test_a_changed_framework_reads_the_profile_again(
    cache_home: Path, profile_parses: list[Path], data_copy: Path
) -> None:
    from pmopath.load.profiles import load_profile

    load_profile(EXAMPLES[0], load_framework(), strict=False)
    roles = data_copy / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8") + "# an edit\n", encoding="utf-8")
    load_profile(EXAMPLES[0], load_framework(data_copy), strict=False)
    assert len(profile_parses) == 2  # resolved against another framework: another key


def test_strict_and_lenient_reads_are_kept_apart(
    cache_home: Path, profile_parses: list[Path], tmp_path: Path
) -> None:
    from pmopath.base.errors import DataError
    from pmopath.load.profiles import load_profile

    path = tmp_path / "p.yaml"
    path.write_text(
        "current_role: project-manager\nratings:\n  no-such-competency: 2\n", encoding="utf-8"
    )
    fw = load_framework()
    assert load_profile(path, fw, strict=False).warnings  # cached, with its warning
    with pytest.raises(DataError, match="no-such-competency"):
        load_profile(path, fw, strict=True)  # not the lenient entry
    with pytest.raises(DataError, match="no-such-competency"):
        load_profile(path, fw, strict=True)  # an error is never cached
    assert len(profile_entries(cache_home)) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw.replace(b'"current_role":"', b'"current_role":"x', 1),
        lambda raw: b"",
        lambda raw: raw.split(b"\n", 1)[0] + b"\n" + b'{"profile": {}, "warnings": []}',
    ],
    ids=["truncated", "altered", "empty", "checksum-line-kept-body-replaced"],
)
def test_a_damaged_profile_entry_is_ignored_and_rebuilt(
    cache_home: Path, profile_parses: list[Path], damage: object
) -> None:
    from pmopath.load.profiles import load_profile

    fw = load_framework()
    good = load_profile(EXAMPLES[0], fw).profile
    (entry,) = profile_entries(cache_home)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert load_profile(EXAMPLES[0], fw).profile == good
    assert len(profile_parses) == 2  # parsed again, not taken from the damaged entry
    load_profile(EXAMPLES[0], fw)
    assert len(profile_parses) == 2  # and the rebuilt entry is used


def test_a_wrong_shape_behind_a_good_checksum_is_refused(cache_home: Path) -> None:
    """Even an entry whose checksum matches is rebuilt only if every field has its type."""
    from pmopath.load.profiles import CachedProfile

    with pytest.raises((TypeError, KeyError, ValueError)):
        cache.construct(CachedProfile, {"profile": {"current_role": 3}, "warnings": []})
    with pytest.raises((TypeError, KeyError, ValueError)):
        cache.construct(CachedProfile, {"profile": [], "warnings": []})


def test_an_unwritable_cache_folder_still_reads_profiles(
    unwritable_cache: None, profile_parses: list[Path]
) -> None:
    from pmopath.load.profiles import load_profile

    fw = load_framework()
    assert load_profile(EXAMPLES[0], fw).profile == load_profile(EXAMPLES[0], fw).profile
    assert len(profile_parses) == 2  # works, uncached


def test_no_cache_reads_every_profile(
    cache_home: Path, profile_parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmopath.load.profiles import load_profile

    monkeypatch.setenv("PMOPATH_NO_CACHE", "1")
    fw = load_framework()
    load_profile(EXAMPLES[0], fw)
    load_profile(EXAMPLES[0], fw)
    assert len(profile_parses) == 2 and not profile_entries(cache_home)


def test_old_profile_entries_are_pruned(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmopath.load.profiles import load_profile

    monkeypatch.setattr(cache, "PRUNE_EVERY", 1)

    fw = load_framework()
    text = EXAMPLES[0].read_text(encoding="utf-8")
    for i in range(cache.KEEP["profile"] + 3):
        path = tmp_path / f"p{i}.yaml"
        path.write_text(text + f"# edit {i}\n", encoding="utf-8")
        load_profile(path, fw)
    assert len(profile_entries(cache_home)) == cache.KEEP["profile"]
    assert len(entries(cache_home)) == 1  # the framework's entry is not pruned with them


def test_many_writes_prune_now_and_then(cache_home: Path, tmp_path: Path) -> None:
    """A run that writes many entries lists the folder on its first write and every
    PRUNE_EVERY after: never more than PRUNE_EVERY - 1 entries beyond KEEP, and the
    next run's first write brings the count back to KEEP."""
    from pmopath.load.profiles import load_profile

    fw = load_framework()
    text = EXAMPLES[0].read_text(encoding="utf-8")
    keep, every = cache.KEEP["profile"], cache.PRUNE_EVERY
    counts = []
    for i in range(keep + 2 * every):
        path = tmp_path / f"p{i}.yaml"
        path.write_text(text + f"# edit {i}\n", encoding="utf-8")
        load_profile(path, fw)
        counts.append(len(profile_entries(cache_home)))
    assert max(counts) <= keep + every - 1
    assert max(counts) > keep  # it did not prune on every write
    cache._writes.clear()  # a new run
    path = tmp_path / "next.yaml"
    path.write_text(text + "# next\n", encoding="utf-8")
    load_profile(path, fw)
    assert len(profile_entries(cache_home)) == keep


def test_a_cached_profile_is_private(cache_home: Path) -> None:
    """The entry holds a person's ratings and evidence: readable by its owner alone."""
    from pmopath.load.profiles import load_profile

    load_profile(EXAMPLES[0], load_framework())
    (entry,) = profile_entries(cache_home)
    assert entry.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("value", "off"),
    [("1", True), ("yes", True), ("true", True), ("0", False), ("false", False), ("", False)],
)
def test_no_cache_reads_its_value(monkeypatch: pytest.MonkeyPatch, value: str, off: bool) -> None:
    monkeypatch.setenv("PMOPATH_NO_CACHE", value)
    assert cache.cache_off() is off


# ------------------------------------------------- entries that are well formed but wrong


def forged(entry: Path, change: object) -> None:
    """Rewrite an entry's body with ``change`` applied, under a checksum that matches."""
    import hashlib
    import json

    head, _, body = entry.read_bytes().partition(b"\n")
    data = json.loads(body)
    change(data)  # type: ignore[operator]
    new = json.dumps(data).encode()
    words = head.decode().split(" ")  # format (two words), kind, key, checksum
    words[-1] = hashlib.sha256(new).hexdigest()
    entry.write_bytes(" ".join(words).encode() + b"\n" + new)


def _set(path: tuple[str, ...], value: object) -> object:
    def change(data: dict[str, object]) -> None:
        node: object = data
        for part in path[:-1]:
            node = node[part]  # type: ignore[index]
        node[path[-1]] = value  # type: ignore[index]

    return change


@pytest.mark.parametrize(
    "change",
    [
        _set(("profile", "current_role"), 3),
        _set(("profile", "hours_per_week"), 10**400),  # float() overflows
        _set(("profile", "hours_per_week"), True),  # a flag is not a number
        _set(("profile", "schema_version"), True),  # true is not 2
        _set(("profile", "schema_version"), 2.0),  # nor is 2.0
        _set(("profile", "education"), "a doctorate in wizardry"),
        _set(("profile", "positions"), {"not": "a list"}),
        _set(("warnings",), [1]),
    ],
    ids=[
        "int-name",
        "huge-number",
        "flag-as-number",
        "true-as-2",
        "float-as-2",
        "enum",
        "shape",
        "warning",
    ],
)
def test_a_forged_entry_with_a_wrong_value_is_never_used(
    cache_home: Path, profile_parses: list[Path], change: object
) -> None:
    """A checksum is no signature: anyone who can write the folder can make one match.
    Every field is checked as it is rebuilt; an entry that fails is a miss, not a crash."""
    from pmopath.load.profiles import load_profile

    fw = load_framework()
    good = load_profile(EXAMPLES[0], fw)
    (entry,) = profile_entries(cache_home)
    forged(entry, change)
    again = load_profile(EXAMPLES[0], fw)
    assert again.profile == good.profile and again.warnings == good.warnings
    assert len(profile_parses) == 2  # read from the YAML, not from the forged entry


def test_json_object_keys_must_be_written_as_ints_are() -> None:
    for key in (" 1", "01", "١", "+1", "1.0"):
        with pytest.raises((TypeError, ValueError)):
            cache.converter(dict[int, str])({key: "x"})
    assert cache.converter(dict[int, str])({"12": "x"}) == {12: "x"}


def test_a_model_the_cache_cannot_rebuild_is_refused_every_time() -> None:
    """A field type the builder has no rule for fails on each try, never half-built."""
    from pmopath.model.framework import Model

    class Odd(Model):
        name: str
        tags: list[str]  # lists are not in the cache's rules (models use tuples)

    for _ in range(2):
        with pytest.raises(TypeError):
            cache.construct(Odd, {"name": "x", "tags": ["a"]})


def test_the_parse_reads_the_bytes_the_key_was_made_of(data_copy: Path) -> None:
    """A file edited between hashing and parsing must not land under the old key."""
    from pmopath.load.framework import check_paths

    paths = resolve_paths(data_copy)
    raw = cache.read_files(paths)
    assert raw is not None
    roles = data_copy / "roles.yaml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("name: PMO Director\n", "name: Edited\n", 1),
        encoding="utf-8",
    )
    fw, problems = check_paths(paths, raw=raw)
    assert not problems and fw is not None
    assert fw.role("pmo-director").name == "PMO Director"  # the hashed bytes, not the edit


def test_a_used_entry_is_kept_longest(cache_home: Path) -> None:
    import os

    from pmopath.load.profiles import load_profile

    fw = load_framework()
    load_profile(EXAMPLES[0], fw)
    (used,) = profile_entries(cache_home)
    load_profile(EXAMPLES[1], fw)
    (other,) = set(profile_entries(cache_home)) - {used}
    os.utime(used, ns=(1_000, 1_000))  # the used entry the older of the two
    os.utime(other, ns=(2_000, 2_000))
    load_profile(EXAMPLES[0], fw)  # a hit
    # pruning drops the oldest first: the hit moved the used entry after the other one
    assert used.stat().st_mtime_ns > other.stat().st_mtime_ns


def test_a_forged_entry_with_a_good_checksum_is_a_miss(cache_home: Path, parses: list[int]) -> None:
    """An entry whose checksum is right but whose references do not hold (a role leading to
    a role that does not exist: a KeyError in every later run) is rebuilt, not used."""
    import hashlib
    import json

    load_framework()
    (entry,) = entries(cache_home)
    head, _, payload = entry.read_bytes().partition(b"\n")
    data = json.loads(payload)
    data["roles"]["roles"][0]["leads_to"] = ["no-such-role"]
    forged = json.dumps(data).encode()
    fields = head.decode().split(" ")
    fields[-1] = hashlib.sha256(forged).hexdigest()
    entry.write_bytes(" ".join(fields).encode() + b"\n" + forged)
    fw = load_framework()
    assert len(parses) == 2  # read from the YAML again
    assert "no-such-role" not in fw.roles[0].leads_to
