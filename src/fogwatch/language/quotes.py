"""Where quotations are in a text: shared by coreference (quoted words never speak) and attribution."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

# Two apostrophes typed for a double quote, as in archives of typewritten copy: ''Yes,'' he said.
TYPED_QUOTE = "''"


@functools.cache
def _marks(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile(TYPED_QUOTE + "|[" + re.escape("".join(a + b for a, b in pairs)) + '"\n]')


def quotation_ranges(text: str, opening: Mapping[str, str]) -> list[tuple[int, int]]:
    """Character ranges of quotations, marks included, sorted.

    `opening` maps each opening mark to its closing mark (e.g. “ → ”). A straight double quote
    opens when it follows a space and precedes a word, closes when it follows a word and precedes
    a space or punctuation, and otherwise pairs with the last one open — so one stray mark does
    not turn every quotation after it inside out; two apostrophes ('') are a straight double
    quote. A quotation left open at a paragraph break is dropped.
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
        elif char in ('"', TYPED_QUOTE):
            side = _straight_side(text, index, len(char))
            if side == "open" or (side == "either" and straight is None):
                straight = index  # an earlier mark left open was stray
            elif straight is not None:
                ranges.append((straight, index + len(char)))
                straight = None
        elif char == "\n":
            opened = straight = None  # a quotation never runs over a paragraph break unclosed
    return sorted(ranges)


_OPEN_BEFORE = "([{—–-/"
_CLOSE_AFTER = ".,;:!?)]}—–-'’"


def _straight_side(text: str, index: int, width: int = 1) -> str:
    """Whether a straight quote of `width` characters at `index` can only open, only close, or
    either."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + width] if index + width < len(text) else " "
    opens = before.isspace() or before in _OPEN_BEFORE
    closes = after.isspace() or after in _CLOSE_AFTER
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"
