"""Listing tables fit the width they are printed at; ids, dates and words are never cut."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from fogwatch import tables

COLUMNS = (
    tables.Column("id"),
    tables.Column("date"),
    tables.Column("sub_type", wraps=True),
    tables.Column("actor2_id", "actor2", wraps=True, drop=2),
    tables.Column("fatalities_best", "fatalities", drop=1),
)
ROWS = [
    ("6eb0e54a6bc5ee0d", "2025-11-19", "Non-state actor overtakes territory", "UKR.military", 0),
    ("a496588e276bb0fe", "2025-11-17", "Shelling/artillery/missile attack", None, 12),
]


def printed(width: int) -> str:
    out = io.StringIO()
    tables.print_table(Console(file=out, width=width), COLUMNS, ROWS)
    return out.getvalue()


def test_a_wide_table_shows_every_value_on_one_line() -> None:
    lines = printed(200).splitlines()
    assert any(
        "6eb0e54a6bc5ee0d │ 2025-11-19 │ Non-state actor overtakes territory" in x for x in lines
    )
    assert "fatalities" in lines[1]


def test_a_narrow_table_leaves_columns_out_and_wraps_text_between_words() -> None:
    text = printed(70)
    assert max(len(line) for line in text.splitlines()) <= 70
    assert "fatalities" not in text and "actor2" not in text  # the last to be needed go first
    for whole in ("6eb0e54a6bc5ee0d", "a496588e276bb0fe", "2025-11-19", "2025-11-17"):
        assert whole in text
    assert "Shelling/artillery/missile" in text  # one word, never cut
    assert "…" not in text


def test_too_narrow_for_what_must_stay_prints_longer_lines_not_cut_values() -> None:
    text = printed(40)
    assert max(len(line) for line in text.splitlines()) > 40
    assert "6eb0e54a6bc5ee0d" in text and "2025-11-19" in text
    assert "…" not in text


def test_printed_width_on_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert tables.width() == tables.PIPED_WIDTH  # pytest captures stdout: not a terminal
    monkeypatch.setenv("COLUMNS", "100")
    assert tables.width() == 100
