"""`SpanIndex` answers what scanning every mention answers, in the mentions' own order."""

from __future__ import annotations

import random

from fogwatch.records import Span
from fogwatch.spanindex import SpanIndex


def test_the_index_finds_what_a_scan_of_every_span_finds():
    rng = random.Random(7)
    spans = []
    for _ in range(300):
        start = rng.randrange(1000)
        spans.append(Span(start, start + rng.choice([0, 1, 3, 8, 40])))  # nested and empty too
    index = SpanIndex(spans, lambda span: span)
    for position in range(0, 1050, 7):
        assert index.holding(position) == [s for s in spans if s.start <= position < s.end]
        probe = Span(position, position + rng.randrange(20))
        assert index.overlapping(probe) == [
            s for s in spans if s.start < probe.end and probe.start < s.end
        ]
        assert index.starting_within(position, position + 30) == [
            s for s in spans if position <= s.start < position + 30
        ]
