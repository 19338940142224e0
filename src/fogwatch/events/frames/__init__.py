"""Event frames: one module per ACLED event family, each a `Family`.

Every module names the trigger frames it codes (`FRAMES`) and returns one `Candidate` per
trigger of those frames that makes an event, in text order. They share how a clause is read
(`events.clause`) and differ only in how they code it; `events.incidents` merges what they find.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from fogwatch.events.candidate import Candidate
    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger


class Family(Protocol):
    """What a frame module offers the coder."""

    @property
    def FRAMES(self) -> frozenset[str]:
        """The trigger frames the family codes; no frame belongs to two families."""

    def find(self, reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
        """One candidate per trigger of `FRAMES` that makes an event, in text order."""
