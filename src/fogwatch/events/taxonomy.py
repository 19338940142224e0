"""The ACLED event taxonomy: disorder types, event types, sub-event types, inter codes.

The vocabulary lives in `data/event_taxonomy.yaml`: 3 disorder types, 6 event types and 25
sub-event types in ACLED's hierarchy order, the 8 inter codes, and the five classes that CASE 2021
shared task 2 adds to ACLED's (organized crime, two kinds of disaster, diplomatic events and
attributions of responsibility). Those five are classified but never exported as ACLED events.

Labels are the ACLED sub-event type names ("Shelling/artillery/missile attack"); CASE label codes
("ART_MISS_ATTACK") map to them both ways.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

import yaml


@dataclass(frozen=True, slots=True)
class SubEventType:
    """One ACLED sub-event type and where it sits in the taxonomy."""

    name: str
    case_code: str
    event_type: str
    disorder_type: str
    hierarchy_rank: int
    """1 is the highest: it wins when events of one day, place and actors are merged."""
    definition: str


@dataclass(frozen=True, slots=True)
class ExtraClass:
    """A CASE 2021 class outside ACLED's taxonomy: classified, not exported as an ACLED event."""

    name: str
    case_code: str
    definition: str


def _load() -> dict:
    text = files("fogwatch.data").joinpath("event_taxonomy.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


_DATA = _load()

DISORDER_TYPES: tuple[str, ...] = tuple(_DATA["disorder_types"])
EVENT_TYPES: tuple[str, ...] = tuple(_DATA["event_types"])
SUB_EVENT_TYPES: tuple[SubEventType, ...] = tuple(
    sorted(
        (
            SubEventType(
                name=row["name"],
                case_code=row["case_code"],
                event_type=row["event_type"],
                disorder_type=row["disorder_type"],
                hierarchy_rank=int(row["rank"]),
                definition=row["definition"],
            )
            for row in _DATA["sub_event_types"]
        ),
        key=lambda sub: sub.hierarchy_rank,
    )
)
EXTRA_CLASSES: tuple[ExtraClass, ...] = tuple(
    ExtraClass(name=row["name"], case_code=row["case_code"], definition=row["definition"])
    for row in _DATA["extra_classes"]
)
INTER_CODES: dict[int, str] = {int(code): name for code, name in _DATA["inter_codes"].items()}
"""ACLED actor categories: 1 State forces … 8 External/Other forces."""

ACLED_LABELS: tuple[str, ...] = tuple(sub.name for sub in SUB_EVENT_TYPES)
"""The 25 ACLED sub-event type names, highest in the hierarchy first."""
EXTRA_LABELS: tuple[str, ...] = tuple(extra.name for extra in EXTRA_CLASSES)
"""The five CASE 2021 classes outside ACLED."""
ALL_LABELS: tuple[str, ...] = ACLED_LABELS + EXTRA_LABELS
"""Every label `events.classify` can return: 25 ACLED sub-event types, then the five extras."""

_SUB_BY_NAME = {sub.name: sub for sub in SUB_EVENT_TYPES}
_LABEL_BY_CODE = {sub.case_code: sub.name for sub in SUB_EVENT_TYPES} | {
    extra.case_code: extra.name for extra in EXTRA_CLASSES
}
_CODE_BY_LABEL = {label: code for code, label in _LABEL_BY_CODE.items()}


def sub_event_type(name: str) -> SubEventType:
    """The ACLED sub-event type called `name`; `ValueError` for anything else."""
    try:
        return _SUB_BY_NAME[name]
    except KeyError:
        raise ValueError(f"{name!r} is not an ACLED sub-event type") from None


def is_acled(label: str) -> bool:
    """True for the 25 ACLED sub-event types, False for the CASE extras and unknown labels."""
    return label in _SUB_BY_NAME


def label_for_code(case_code: str) -> str:
    """The label for a CASE 2021 code: `ART_MISS_ATTACK` → "Shelling/artillery/missile attack"."""
    try:
        return _LABEL_BY_CODE[case_code]
    except KeyError:
        raise ValueError(f"{case_code!r} is not a CASE 2021 event type code") from None


def code_for_label(label: str) -> str:
    """The CASE 2021 code for a label: "Arrests" → `ARREST`."""
    try:
        return _CODE_BY_LABEL[label]
    except KeyError:
        raise ValueError(f"{label!r} is not a fogwatch event label") from None


def highest(sub_event_types: Iterable[str]) -> str:
    """The sub-event type ranked highest in ACLED's hierarchy, for merging events of one day."""
    # ACLED: same actors, place and day make one event coded as the highest sub-event type.
    ranked = [sub_event_type(name) for name in sub_event_types]
    if not ranked:
        raise ValueError("no sub-event types to choose from")
    return min(ranked, key=lambda sub: sub.hierarchy_rank).name


def interaction(inter1: int, inter2: int | None = None) -> int:
    """ACLED's interaction code of two inter codes: 1 and 3 give 13; a lone actor 1 gives 10.

    `inter2` is None or 0 (as in ACLED's files) when the event has no second actor.
    """
    if inter1 not in INTER_CODES:
        raise ValueError(f"inter code {inter1!r} is not one of ACLED's 1–8")
    if not inter2:
        return inter1 * 10
    if inter2 not in INTER_CODES:
        raise ValueError(f"inter code {inter2!r} is not one of ACLED's 1–8")
    # ACLED: the interaction code is the sorted concatenation of inter1 and inter2.
    low, high = sorted((inter1, inter2))
    return low * 10 + high
