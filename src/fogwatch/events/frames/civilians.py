"""Violence against civilians: "executed", "tortured", "raped", "abducted".

ACLED: in violence against civilians the victim is always actor2, and the event is always
civilian targeting. (Detention by foreign forces, an abduction, is coded with the arrests in
`frames.strategic`; strikes on civilians with the strikes in `frames.remote`.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import parties, weapons
from fogwatch.events.candidate import Candidate
from fogwatch.events.clause import Clause, candidates

if TYPE_CHECKING:
    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger

FRAMES = frozenset({"civilians"})


def find(reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
    """Armed actors harming civilians, with the civilians as actor2."""
    return candidates(reading, triggers, FRAMES, _code)


def _code(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    # ACLED: in violence against civilians the victim is always actor2
    candidate.actor1 = clause.agents[0] if clause.agents else None
    candidate.assoc = clause.agents[1:]
    victim = weapons.targets_civilians(reading, candidate.trigger, candidate.victims)
    candidate.actor2 = parties.civilians_ref(reading, victim or candidate.trigger_span)
    candidate.civilian_targeting = True
    return True
