"""The coder's working records: a candidate event per trigger, and the refs it holds.

Every family module of `events.frames` fills `Candidate`s; `events.incidents` merges them into
one per incident; `events.coder` turns each into an `Event`. Every ref keeps the span it came
from, which becomes the event's evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fogwatch.records import (
    Actor,
    GeoPrecision,
    Modality,
    Place,
    PlaceMention,
    Quantity,
    Span,
    TimePrecision,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

ARMED_CLASH = "Armed clash"
ATTACK = "Attack"
CIVILIANS_ACTOR = "CIV.civilians"
CIVILIANS_INTER = 7
"""ACLED's inter code of civilians: never a party to a battle, never actor1 outside crowds."""
PEOPLE_INTERS = frozenset({6, 7})
"""ACLED inter codes of protesters and civilians: people, never perpetrators of violence."""
UNNAMED_SIDE = "UNID"
"""The side of ACLED's generic actors no name tells (Unidentified Armed Group, Protesters …)."""
NON_STATE_ARMED = frozenset({2, 3, 4})
"""ACLED inter codes of rebels, political and identity militias: named non-state armed actors."""
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
"""ACLED inter codes of armed actors: state forces, rebels, political and identity militias,
external forces."""


@dataclass(frozen=True, slots=True)
class ActorRef:
    actor: Actor
    span: Span | None
    """None for an opponent the text never names near the event (inferred from the trigger)."""


@dataclass(frozen=True, slots=True)
class PlaceRef:
    mention: PlaceMention
    precision: GeoPrecision
    level: int
    """0 the trigger's clause, 1 its sentence, 2 the sentences before, 3 the article's focus."""


@dataclass(frozen=True, slots=True)
class DateRef:
    date: dt.date | None
    precision: TimePrecision | None
    span: Span | None
    historical: bool


@dataclass(slots=True)
class Candidate:
    """One trigger's event before the events of its sentence are merged."""

    sub_type: str
    frame: str
    trigger: Token
    trigger_span: Span
    sentence: int
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc: list[ActorRef] = field(default_factory=list)
    place: PlaceRef | None = None
    date: DateRef | None = None
    killed: list[Quantity] = field(default_factory=list)
    victims: list[ActorRef] = field(default_factory=list)
    triggers: list[int] = field(default_factory=list)
    civilian_targeting: bool = False
    combatant_victims: bool = False
    """The words say the dead or wounded were combatants ("killed three soldiers"): whatever a
    classifier reads, no violence against civilians (ACLED's victims of it are civilians)."""
    modality: Modality = "asserted"
    turned_violent: bool = False
    """A crowd's violence the words tell (a protest said to be violent, one the report goes on
    to tell turned violent, clashes whose crowd the next sentence names): a violent
    demonstration, whatever one sentence's classifier reads."""
    evidence: set[Span] = field(default_factory=set)
    told_by: Token | None = None
    """The word whose modality the event has when it is not the trigger: the operation of
    "an offensive is under way to seize X" (the fighting happened, the capture is its aim)."""

    @property
    def located(self) -> Place | None:
        """The gazetteer place the candidate's words give, if any."""
        return self.place.mention.place if self.place is not None else None


def add_evidence(candidate: Candidate, span: Span) -> None:
    """Add a span unless the trigger's own span already covers it ("drone" in "drone strike")."""
    trigger = candidate.trigger_span
    if not trigger.start <= span.start < span.end <= trigger.end:
        candidate.evidence.add(span)
