"""Hypothesis: junk and mutated framework files never escape as anything but DataError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmopath.base.errors import DataError
from pmopath.load.framework import FILES, builtin_data_dir, check_framework
from pmopath.load.yamlio import load_yaml

BUILTIN = {
    name: yaml.safe_load((builtin_data_dir() / name).read_text(encoding="utf-8")) for name in FILES
}

junk_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += paths(value, (*prefix, i))
    return out


ALL_PATHS = {name: paths(doc)[1:] for name, doc in BUILTIN.items()}


def mutate(doc: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    import copy

    doc = copy.deepcopy(doc)
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "replace":
        parent[last] = value
    elif how == "duplicate" and isinstance(parent, list):
        parent.append(parent[last])
    elif how == "rename" and isinstance(parent, dict):
        parent[f"{last}x"] = parent.pop(last)
    return doc


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(FILES),
    data=st.data(),
    how=st.sampled_from(["delete", "replace", "duplicate", "rename"]),
    value=junk_values,
)
def test_mutated_builtin_file_never_crashes(
    tmp_path_factory: Any, name: str, data: st.DataObject, how: str, value: Any
) -> None:
    path = data.draw(st.sampled_from(ALL_PATHS[name]))
    folder = tmp_path_factory.mktemp("mut")
    mutated = mutate(BUILTIN[name], path, how, value)
    (folder / name).write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
    fw, problems = check_framework(folder)  # must not raise
    assert (fw is None) == bool(problems)
    for problem in problems:
        assert isinstance(problem, DataError)
        assert problem.path is not None
        assert "\n" not in problem.message


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.binary(max_size=300)
    | st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass"))
)
def test_yaml_reader_on_junk_bytes(tmp_path_factory: Any, blob: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("junk")) / "roles.yaml"
    path.write_bytes(blob)
    try:
        load_yaml(path)
    except DataError as exc:
        assert str(exc).startswith(str(path))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=40_000), name=st.sampled_from(FILES))
def test_truncated_builtin_file(tmp_path_factory: Any, cut: int, name: str) -> None:
    folder = tmp_path_factory.mktemp("cut")
    text = (builtin_data_dir() / name).read_bytes()
    (folder / name).write_bytes(text[: min(cut, len(text))])
    _, problems = check_framework(folder)
    assert all(isinstance(p, DataError) for p in problems)
