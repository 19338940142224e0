"""ACLED atomic events: the events of many articles about one place on one day, as one event.

ACLED codes events atomically per location and day: where sources report several things of one
kind at one place on one day, one event is coded, with the sub-event type ranked highest in the
hierarchy (reference/acled_precision_and_rules.md). `atomic_events` does that over `Event`s from
any number of articles:

- the key is the sub-event type's family (`data/event_families.yaml`: battles and the remote
  violence that goes with them, demonstrations, violence against civilians, and each strategic
  development on its own), the place and the day;
- every contributing article event is kept on the atomic event, each once, so each row of the
  merged dataset can be traced back to the sentences that reported it;
- ids are a hash of family, place key (`Place.key`, the store's place id) and day: the same inputs give the same ids on every run,
  in any order.

Only asserted events are merged. Negated, hypothetical, future and historical events stay on
their article (they are what a source said did not, might or used to happen, not an event of
that day), and so do events with no place or no date, which no atomic event can hold.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

import yaml

from fogwatch.events import taxonomy
from fogwatch.records import AtomicEvent, Event, Place

FAMILIES_FILE = "event_families.yaml"


@dataclass(frozen=True, slots=True)
class _Families:
    by_sub_type: dict[str, str]
    civilian_targeting: str


@functools.cache
def _families() -> _Families:
    text = files("fogwatch.data").joinpath(FAMILIES_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    by_sub_type: dict[str, str] = {}
    for family, sub_types in data["families"].items():
        for name in sub_types:
            taxonomy.sub_event_type(name)  # a misspelt type is an error at load, not a silent miss
            by_sub_type[name] = family
    return _Families(by_sub_type, data["civilian_targeting_family"])


def family_of(sub_type: str, civilian_targeting: bool = False) -> str:
    """The family whose events at one place and day make one ACLED event.

    A strategic development is its own family; remote violence that targets civilians joins
    the violence against civilians.
    """
    families = _families()
    family = families.by_sub_type.get(sub_type, sub_type)
    explosion = taxonomy.is_acled(sub_type) and (
        taxonomy.sub_event_type(sub_type).event_type == "Explosions/Remote violence"
    )
    # ACLED: a strike aimed at civilians is violence against them, not part of a battle
    if explosion and civilian_targeting:
        return families.civilian_targeting
    return family


def atomic_events(events: Sequence[Event]) -> list[AtomicEvent]:
    """ACLED atomic events: one per sub-type family × place × day; the highest sub-type in the hierarchy wins."""
    groups: dict[tuple[str, str, str], list[Event]] = {}
    places: dict[str, Place] = {}
    for event in events:
        # ACLED codes what happened: only asserted events, with a place and a day, are merged
        if event.modality != "asserted" or event.place is None or event.date is None:
            continue
        key = event.place.key
        places.setdefault(key, event.place)
        family = family_of(event.sub_type, event.civilian_targeting)
        groups.setdefault((family, key, event.date.isoformat()), []).append(event)
    merged = []
    for (family, key, day), members in groups.items():
        unique = {event.id: event for event in members}
        ordered = tuple(sorted(unique.values(), key=lambda event: (event.article_id, event.id)))
        first = ordered[0]
        merged.append(
            AtomicEvent(
                id=_atomic_id(family, key, day),
                # ACLED: one event per place and day, coded as the highest sub-event type
                sub_type=taxonomy.highest(event.sub_type for event in ordered),
                place=places[key],
                date=first.date,
                events=ordered,
            )
        )
    return sorted(merged, key=_order)


def _order(atomic: AtomicEvent) -> tuple[str, str, int, str]:
    """By day, place name, then ACLED's hierarchy: how an analyst reads a timeline."""
    day = atomic.date.isoformat() if atomic.date else ""
    name = atomic.place.name if atomic.place else ""
    return day, name, taxonomy.sub_event_type(atomic.sub_type).hierarchy_rank, atomic.id


def _atomic_id(family: str, key: str, day: str) -> str:
    return hashlib.sha256(f"{family}|{key}|{day}".encode()).hexdigest()[:16]
