"""Where quotations are in a text: shared by coreference (quoted words never speak) and attribution."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping


@functools.cache
def _marks(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(a + b for a, b in pairs)) + '"\n]')


def quotation_ranges(text: str, opening: Mapping[str, str]) -> list[tuple[int, int]]:
    """Character ranges of quotations, marks included, sorted.

    `opening` maps each opening mark to its closing mark (e.g. “ → ”); straight double quotes are
    taken in pairs. A quotation left open at a paragraph break is dropped.
    """
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    closing = ""
    straight: int | None = None
    for match in _marks(tuple(opening.items())).finditer(text):
        index, char = match.start(), match.group()
        if opened is None and char in opening:
            opened, closing = index, opening[char]
        elif opened is not None and char == closing:
            ranges.append((opened, index + 1))
            opened = None
        elif char == '"':
            if straight is None:
                straight = index
            else:
                ranges.append((straight, index + 1))
                straight = None
        elif char == "\n":
            opened = straight = None  # a quotation never runs over a paragraph break unclosed
    return sorted(ranges)
