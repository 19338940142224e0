"""The records a geoparser reads an article into: a place mention being read, and a group of
mentions of one name decided together; the feature codes they are read with."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from fogwatch.geo.gazetteer import FEATURE_CODE, Postings
from fogwatch.records import GeoPrecision

POINTS = frozenset(
    FEATURE_CODE[f] for f in ("populated place", "district", "facility", "admin2", "island")
)
"""Features with a point a town's distance means something for."""
COUNTRY = FEATURE_CODE["country"]
ADMIN1 = FEATURE_CODE["admin1"]
SETTLEMENT = FEATURE_CODE["populated place"]


@dataclass(eq=False)
class Mention:
    """A place mention being read: its tokens, what kind of name it is, then its place."""

    start: int
    end: int
    key: str
    postings: Postings
    kind: str = "name"
    """name | region | area | abbreviation | demonym | entity | landmark"""
    role: str = "location"
    region_word: str | None = None
    nearby: bool = False
    settlement: bool = False
    doubtful: bool = False
    """spaCy read a person or organisation here and no word around says place: kept only if
    the article's other places agree with it."""
    parent: Mention | None = None
    container: Mention | None = None
    """A division the sentence locates it in ("X and Y … in Donetsk Oblast"): a softer parent."""
    feature_cue: int | None = None
    """The feature code a word after the name asks for ("the Inhulets River": a river)."""
    spelled_like: str | None = None
    """The name of the place an unknown name misspells ("Lugansck": Luhansk)."""
    anchor: tuple[Mention, float, float | None] | None = None
    """A place it is said to lie near, how far at most in km and in which compass direction
    from it, in degrees from north ("X, 40 km west of Y": Y, 75 km, 270)."""
    group: Group | None = None
    choice: int | None = None
    probability: float = 0.0
    precision: GeoPrecision | None = None
    reason: str = ""


@dataclass(eq=False)
class Group:
    """All mentions of one name read one way: one decision for the article."""

    kind: str
    key: str
    mentions: list[Mention]
    candidates: np.ndarray
    base: np.ndarray
    weight: float
    offset: int = 0
    scores: np.ndarray = field(default_factory=lambda: np.empty(0))
