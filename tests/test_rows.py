"""The aligned rows `pmopath history` prints (render/rows.py): fit the terminal, wrap
only the one column that may wrap, at word boundaries, and keep numbers aligned."""

from __future__ import annotations

import io

from rich.console import Console

from pmopath.render.rows import Cell, Column, Rows

COLUMNS = [
    Column("#", justify="right"),
    Column("Route", wraps=True),
    Column("Ready", justify="right"),
]


def draw(rows: Rows, width: int) -> list[str]:
    buffer = io.StringIO()
    Console(width=width, color_system=None, file=buffer).print(rows, crop=False)  # as emit does
    return [line.rstrip() for line in buffer.getvalue().split("\n")]


def table() -> Rows:
    return Rows(
        "Title",
        COLUMNS,
        [
            [Cell("1"), Cell("Project Manager → PMO Director"), Cell("63%")],
            [Cell("10"), Cell("Coordinator → Analyst"), Cell("100%")],
        ],
    )


def test_wide_enough_one_line_a_row_numbers_right_aligned() -> None:
    lines = draw(table(), 80)
    assert lines[0] == "Title"
    body = [line for line in lines[4:] if line]
    assert len(body) == 2
    assert body[0].startswith(" 1   Project Manager → PMO Director")
    assert body[0].endswith("  63%") and body[1].endswith(" 100%")
    assert len(body[0]) == len(body[1])


def test_narrow_the_route_wraps_at_words_and_nothing_is_cut() -> None:
    lines = draw(table(), 30)
    assert all(len(line) <= 30 for line in lines)
    text = " ".join(lines)
    for word in ("Project", "Manager", "PMO", "Director", "Coordinator", "Analyst"):
        assert word in text.split(), word
    first = lines.index(next(line for line in lines if line.lstrip().startswith("1 ")))
    assert lines[first + 1].strip().startswith(("PMO", "Director"))  # the wrapped rest


def test_the_wrapping_column_keeps_a_readable_width() -> None:
    lines = draw(table(), 10)  # narrower than the other columns need: lines are never cut
    words = " ".join(lines).split()
    assert "Project" in words and "Coordinator" in words
