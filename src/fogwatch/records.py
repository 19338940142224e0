"""The record types of fogwatch: what every stage takes and returns.

Frozen dataclasses with no behaviour beyond validating their own fields. Spans are half-open
character offsets into `Article.text` (the clean text).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

GeoPrecision = Literal[1, 2, 3]
"""ACLED geo_precision: 1 the named town, 2 near a town or part of an area, 3 region only."""

TimePrecision = Literal[1, 2, 3]
"""ACLED time_precision: 1 the day, 2 the week, 3 the month."""

CueClass = Literal[
    "assert",
    "claim",
    "accuse",
    "insist",
    "confirm",
    "deny",
    "condemn",
    "hedge",
    "endorse",
    "intend",
    "observe",
    "report",
]
Stance = Literal["affirm", "deny", "accuse", "condemn", "confirm", "hedge"]
"""What the speaker does with what is said (`data/cue_verbs.yaml`); only "deny" counts against it."""
STANCES: tuple[Stance, ...] = ("affirm", "deny", "accuse", "condemn", "confirm", "hedge")
Modality = Literal["asserted", "negated", "hypothetical", "future", "historical"]
LinkRelation = Literal["confirms", "contradicts", "repeats"]
ClaimStatus = Literal["claimed", "confirmed", "contested", "refuted"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
PartKind = Literal["heading", "byline", "dateline", "teaser", "caption", "bullet"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range `[start, end)` of characters."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class OffsetRun:
    """`length` characters copied unchanged from `raw_start` in the raw text to `clean_start`."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as a reader found it: metadata and the uncleaned body."""

    origin: str
    """Where it came from, as `path` or `path:line`, for error messages and audits."""
    text: str
    published: dt.date
    source: str | None = None
    url: str | None = None
    title: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. `id` is a stable hash of the normalised text."""

    id: str
    source: str | None
    url: str | None
    title: str | None
    published: dt.date
    text: str
    raw_text: str
    raw_offsets: tuple[OffsetRun, ...]
    dup_cluster: str | None = None
    origin: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """A paragraph that is page structure (a heading, byline, dateline, teaser, caption) or a
    list item (bullet), found by `fogwatch.structure`; other paragraphs are running prose."""

    span: Span
    kind: PartKind


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int | None
    name: str
    feature: str
    country: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None

    @property
    def key(self) -> str:
        """A stable id: the GeoNames id, else the feature, country, region and name."""
        if self.geonameid is not None:
            return f"gn:{self.geonameid}"
        return f"{self.feature}:{self.country}:{self.admin1 or ''}:{self.name}"[:96]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    place: Place | None
    geo_precision: GeoPrecision | None
    score: float
    role: str = "location"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """E.g. `RUS.military`, side `RUS`, kind `state forces`, ACLED inter code 1."""

    id: str
    name: str
    side: str
    kind: str
    inter: int


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor. `role`: mention, metonym ("Moscow said"), person, group or pronoun."""

    span: Span
    actor: Actor
    role: str = "mention"
    person: str | None = None
    """The individual's name when the mention is a person ("Oleksandr Syrskyi")."""


@dataclass(frozen=True, slots=True)
class Coreference:
    """A pronoun, surname or title (`span`) that refers back to an earlier mention (`antecedent`)."""

    span: Span
    antecedent: Span
    actor: Actor | None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression resolved against the publication date.

    kind "date": `date` is the ACLED-coded day (the day itself, the midpoint of a week, the middle of
    a month) with `precision` 1/2/3, and `start`..`end` the days it covers. kind "period": a span of
    time that is not one date ("mid-2024", "since February 2022"): `start`/`end` where known, no
    `date`. kind "duration": a length of time ("more than a year"), with no place on the calendar.
    """

    span: Span
    date: dt.date | None
    precision: TimePrecision | None
    kind: Literal["date", "period", "duration"] = "date"
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count with its unit: low <= best <= high, `best` following ACLED's conservative rules."""

    span: Span
    low: float
    best: float
    high: float
    unit: str
    hedge: str = ""
    """The hedge as written and normalised: "about", "at least", "more than", "up to", "several", …"""

    def __post_init__(self) -> None:
        if not self.low <= self.best <= self.high:
            raise ValueError(f"quantity must satisfy low <= best <= high: {self}")


@dataclass(frozen=True, slots=True)
class Proposition:
    """A claim's content normalised to slots, for comparing claims across sources.

    `predicate` comes from the conflict vocabulary of `data/claim_predicates.yaml` (None when the
    content says something else); `object` is an evidence object the content is about ("video");
    `keywords` are the content's content words, so an unknown content can still be compared.
    """

    predicate: str | None
    place: Place | None = None
    actor: Actor | None = None
    quantity: Quantity | None = None
    time: dt.date | None = None
    polarity: bool = True
    modality: Modality = "asserted"
    """Whether the content says it happened, would happen ("would open the way") or will happen."""
    object: str | None = None
    keywords: tuple[str, ...] = ()
    near: bool = False
    """The place is only a reference point ("near Bakhmut", "20 km southeast of X"): the claim is
    about somewhere around it, so it neither contradicts nor confirms claims about the place."""
    blames: str | None = None
    """The side the content holds responsible for harm ("a Russian missile was fired" → RUS)."""
    answers: tuple[str, ...] = ()
    """For a denial that refers instead of repeating ("denied the report", "rejected that"): the
    ids of the earlier claims of the article it answers (`claims.answers`)."""


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    article_id: str
    source: Actor | None
    source_span: Span | None
    cue_span: Span
    cue_lemma: str
    cue_class: CueClass
    content_span: Span
    stance: Stance
    direct: bool
    proposition: Proposition | None = None


@dataclass(frozen=True, slots=True)
class Fatalities:
    low: int
    best: int
    high: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    disorder_type: str
    event_type: str
    sub_type: str
    actor1: Actor | None
    actor2: Actor | None
    assoc: tuple[Actor, ...]
    interaction: int | None
    place: Place | None
    geo_precision: GeoPrecision | None
    date: dt.date | None
    time_precision: TimePrecision | None
    fatalities: Fatalities
    civilian_targeting: bool
    modality: Modality
    claim_id: str | None
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ClaimLink:
    a: str
    b: str
    relation: LinkRelation
    evidence: str


@dataclass(frozen=True, slots=True)
class Assessment:
    """The Admiralty-style judgment of one claim, with the one-line reason for it.

    `reliability` rates the source (A completely reliable … F cannot be judged); `credibility`
    rates the information (1 confirmed … 5 improbable, 6 cannot be judged); `status` is claimed,
    confirmed, contested or refuted.
    """

    claim_id: str
    reliability: Reliability
    credibility: int
    status: ClaimStatus
    reason: str


@dataclass(frozen=True, slots=True)
class AtomicEvent:
    id: str
    sub_type: str
    place: Place | None
    date: dt.date | None
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything fogwatch extracted from one article (the output of `pipeline.process`)."""

    article: Article
    parts: tuple[Part, ...] = field(default=())
    dates: tuple[DateMention, ...] = field(default=())
    quantities: tuple[Quantity, ...] = field(default=())
    actors: tuple[ActorMention, ...] = field(default=())
    coreferences: tuple[Coreference, ...] = field(default=())
    places: tuple[PlaceMention, ...] = field(default=())
    claims: tuple[Claim, ...] = field(default=())
    events: tuple[Event, ...] = field(default=())
    links: tuple[ClaimLink, ...] = field(default=())
    """Links with this article's claims: among themselves from `extract`, across stored
    articles when read back from the store; none straight out of the pipeline."""
    assessments: tuple[Assessment, ...] = field(default=())
    """One per claim, judged on the links above (`fogwatch.ingestion` fills both)."""
