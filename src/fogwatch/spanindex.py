"""Which of an article's mentions hold a position or start in a range, without reading them all.

A long report has tens of thousands of place, actor and date mentions; asking "which mention is
at this word" by scanning every one costs time quadratic in the article's length. `SpanIndex`
keeps the mentions sorted by start with a running maximum of their ends, so a question costs a
bisection and a look at the mentions that can still reach the position.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from fogwatch.records import Span

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with a span each, answering in the items' original order."""

    def __init__(self, items: Iterable[T], span_of: Callable[[T], Span]) -> None:
        ranked = sorted(enumerate(items), key=lambda pair: span_of(pair[1]).start)
        self._order = [n for n, _ in ranked]
        self._items = [item for _, item in ranked]
        self._spans = [span_of(item) for item in self._items]
        self._starts = [span.start for span in self._spans]
        self._reach = list(itertools.accumulate((span.end for span in self._spans), max))

    def holding(self, position: int) -> list[T]:
        """The items whose span holds `position` (start ≤ position < end), in original order."""
        return self._reaching(bisect.bisect_right(self._starts, position), position + 1)

    def overlapping(self, span: Span) -> list[T]:
        """The items whose span overlaps `span`, in original order."""
        return self._reaching(bisect.bisect_left(self._starts, span.end), span.start + 1)

    def starting_within(self, start: int, end: int) -> list[T]:
        """The items whose span starts in [`start`, `end`), in original order."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return self._in_order(range(first, last))

    def _reaching(self, before: int, position: int) -> list[T]:
        """Of the first `before` items by start, those whose end is at least `position`."""
        found = []
        at = before - 1
        while at >= 0 and self._reach[at] >= position:
            if self._spans[at].end >= position:
                found.append(at)
            at -= 1
        return self._in_order(found)

    def _in_order(self, indices: Iterable[int]) -> list[T]:
        return [self._items[i] for i in sorted(indices, key=self._order.__getitem__)]
