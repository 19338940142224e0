"""Battles without a change of control: "fighting", "clashed", "repelled", "stormed X".

Actor1 is the side that attacks and actor2 the other — the subject of "fought", the object of
"repelled" (`defence_verbs`); a battle with one side named is against the other side of the war
(`parties.two_sides`), and a battle with no place of its own is placed at the article's focus
(`events.place`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import parties
from fogwatch.events.candidate import ARMED_CLASH, Candidate
from fogwatch.events.clause import Clause, candidates

if TYPE_CHECKING:
    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger

FRAMES = frozenset({"clash"})


def find(reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
    """Armed clashes between two sides."""
    return candidates(reading, triggers, FRAMES, _code)


def _code(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    # ACLED: organised armed groups fighting with no change of control is an armed clash
    candidate.sub_type = ARMED_CLASH
    parties.two_sides(reading, candidate, clause.agents, clause.patients)
    if candidate.trigger.lemma_.lower() in reading.lexicon.defence_verbs:
        candidate.actor1, candidate.actor2 = candidate.actor2, candidate.actor1
    return True
