"""Paths and small builders shared by the tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from fogwatch.records import ArticleResult, Claim

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "src" / "fogwatch" / "data" / "sample"
SAMPLE_ARTICLES = 55
"""Articles in the bundled sample (one of them a near duplicate of another)."""
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = REPO.parent / "shared" / "corpus" / "000_eaf0c1599be72139.txt"
"""The project's seed article: in the read-only `../shared` beside CI's checkout, not in the repo."""
PARAPHRASE = FIXTURES / "seed_paraphrase.txt"
"""fogwatch's own paraphrase of the seed (CC0): its worked example on text the repository owns."""

needs_shared = pytest.mark.skipif(
    not SEED.exists(),
    reason=f"../shared/corpus/{SEED.name} is absent (bare clone): "
    "the seed article is not part of the repository",
)
"""Mark a test that reads the seed article; on a bare clone it skips with this one-line reason."""


def dated(body: str, date: str = "2025-11-12") -> str:
    """An article in the dated plain-text format."""
    return f"date {date} {body}"


def claim_by(result: ArticleResult, cue: str, content_start: str) -> Claim:
    """The one claim with this cue whose content starts so."""
    text = result.article.text
    found = [
        c
        for c in result.claims
        if c.cue_span.of(text) == cue and c.content_span.of(text).startswith(content_start)
    ]
    assert len(found) == 1, [(c.cue_span.of(text), c.content_span.of(text)) for c in result.claims]
    return found[0]


def judgment(result: ArticleResult, claim: Claim) -> tuple[str, str, int]:
    """A claim's status, source reliability and information credibility."""
    (assessment,) = [a for a in result.assessments if a.claim_id == claim.id]
    return assessment.status, assessment.reliability, assessment.credibility


def without_timestamps(acled_csv: str) -> str:
    """An ACLED CSV without its `timestamp` column: when a row was stored is the one column two
    runs over the same input never share."""
    rows = list(csv.reader(io.StringIO(acled_csv)))
    if not rows or "timestamp" not in rows[0]:
        return acled_csv
    at = rows[0].index("timestamp")
    kept = io.StringIO()
    csv.writer(kept, lineterminator="\n").writerows(row[:at] + row[at + 1 :] for row in rows)
    return kept.getvalue()
