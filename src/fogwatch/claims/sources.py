"""The source registry of `data/sources.yaml`: which origin a speaker or outlet belongs to, and
how reliable that origin is (the Admiralty code's A–F)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, cast

import yaml

from fogwatch import config
from fogwatch.errors import InputError
from fogwatch.records import Reliability

PERSON_SEPARATOR = "/"
"""Between an actor's id and a person's in a speaking person's id: `UKR.government/…`."""

SOURCES_FILE = "sources.yaml"
_GRADES = ("A", "B", "C", "D", "E", "F")
_OUTLET_KINDS = frozenset({"media", "analysis/OSINT"})
_STATE_KINDS = frozenset(
    {"government", "state forces", "intelligence", "military unit", "occupation authority"}
)


@dataclass(frozen=True)
class Family:
    name: str
    reliability: Reliability


@dataclass(frozen=True)
class Registry:
    """Families by actor id, by side and by publisher name (case-folded)."""

    by_actor: dict[str, Family]
    by_side: dict[str, Family]
    by_publisher: dict[str, Family]
    default: Reliability
    non_party_sides: frozenset[str]
    by_kind: dict[str, Reliability] = field(default_factory=dict)

    def of_actor(self, actor_id: str, side: str | None, kind: str | None = None) -> Family:
        """The family of a speaker: listed by id, else by side, else by its kind — a state's
        organs one family per state, anyone else alone — else the actor alone, ungraded."""
        # a person speaking for an actor (`UKR.government/…`) is of the actor's family
        actor_id = actor_id.partition(PERSON_SEPARATOR)[0]
        family = self.by_actor.get(actor_id) or (self.by_side.get(side) if side else None)
        if family is not None:
            return family
        speaks_for_a_party = bool(side) and side not in self.non_party_sides
        if kind in _OUTLET_KINDS and speaks_for_a_party:
            kind = "party media"  # Al-Manar, Al-Masirah: the party's voice, not the press
        grade = self.by_kind.get(kind) if kind else None
        if grade is None:
            return Family(f"actor:{actor_id}", self.default)
        if (kind in _STATE_KINDS or kind == "party media") and side:
            return Family(f"{side} state, graded as its kind", grade)
        return Family(f"{actor_id}, graded as {kind}", grade)

    def of_publisher(self, publisher: str | None) -> Family:
        """The family of an outlet; an unnamed outlet cannot be judged."""
        if not publisher:
            return Family("publisher:?", self.default)
        key = publisher.casefold()
        return self.by_publisher.get(key) or Family(f"publisher:{key}", self.default)


@functools.cache
def registry() -> Registry:
    """The registry in use: `FOGWATCH_SOURCES` if set, else the bundled file. Read once."""
    path = config.sources_file()
    if path is None:
        where = f"fogwatch/data/{SOURCES_FILE}"
        text = files("fogwatch.data").joinpath(SOURCES_FILE).read_text("utf-8")
    else:
        where = str(path)
        try:
            text = Path(path).read_text("utf-8")
        except OSError as error:
            raise InputError(
                where,
                f"cannot read the source registry ({error.strerror})",
                "fix FOGWATCH_SOURCES or unset it",
            ) from error
    return parse(where, yaml.safe_load(text))


def parse(where: str, data: Any) -> Registry:
    """Check and index a registry document."""
    fix = "see the comments at the top of fogwatch/data/sources.yaml"
    if not isinstance(data, dict) or not isinstance(data.get("families"), dict):
        raise InputError(where, "no `families:` mapping", fix)
    default = data.get("default_reliability", "F")
    if default not in _GRADES:
        raise InputError(where, f"default_reliability {default!r} is not one of A–F", fix)
    tables: dict[str, dict[str, Family]] = {"actors": {}, "sides": {}, "publishers": {}}
    for name, spec in data["families"].items():
        grade = spec.get("reliability") if isinstance(spec, dict) else None
        if grade not in _GRADES:
            raise InputError(where, f"family {name}: reliability {grade!r} is not one of A–F", fix)
        family = Family(str(name), cast(Reliability, grade))
        for kind, table in tables.items():
            for member in spec.get(kind, []):
                key = str(member).casefold() if kind == "publishers" else str(member)
                if key in table:
                    raise InputError(where, f"{member!r} belongs to two families", "keep it in one")
                table[key] = family
    kinds = data.get("kinds") or {}
    for kind, grade in kinds.items():
        if grade not in _GRADES:
            raise InputError(where, f"kind {kind}: reliability {grade!r} is not one of A–F", fix)
    return Registry(
        tables["actors"],
        tables["sides"],
        tables["publishers"],
        cast(Reliability, default),
        frozenset(data.get("non_party_sides", [])),
        {str(kind): cast(Reliability, grade) for kind, grade in kinds.items()},
    )
