"""Paths and small builders shared by the tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "src" / "fogwatch" / "data" / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = REPO.parent / "shared" / "corpus" / "000_eaf0c1599be72139.txt"


def dated(body: str, date: str = "2025-11-12") -> str:
    """An article in the dated plain-text format."""
    return f"date {date} {body}"
