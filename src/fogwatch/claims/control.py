"""Who controls each settlement, by whose word: a ledger of territorial claims and events.

`entries(claims, events, articles, assessments)` reads what each territorial claim or event says
about a settlement's control (`data/control.yaml`): an affirmed capture says the capturer's side
holds it, a denied one that it does not, a withdrawal that the other side holds it, an entry or
an encirclement that it is fought over. Each entry keeps its claim or event, speaker, outlet,
evidence span and quote. `ledger(entries, on)` then gives each settlement's status on a day:

- `controlled` by X: the newest claim of control is X's, nothing contests it, and it is
  confirmed — its claim is judged confirmed (`claims.credibility`), or two independent origins
  say so, one of them not X itself (independence as in `claims.linking.independent`: both
  origins known and different, not two copies of one story);
- `claimed` by X: X's control is claimed and not contested, but not confirmed;
- `contested`: someone denies X's control, claims another side's, or reports fighting in the
  place, within `contest_window_days` before X's claims began or since.

Only what was published by the day counts: a claim dated after it does not. Pure: no I/O.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Literal

import yaml

from fogwatch.claims import linking
from fogwatch.claims.sources import registry
from fogwatch.records import Article, Assessment, Claim, Event, Place, Span

CONTROL_FILE = "control.yaml"
Effect = Literal["holds", "denies", "fights"]
ControlStatus = Literal["controlled", "claimed", "contested"]
_MAX_QUOTE = 400
"""Characters an event's quote may span before it is cut to its widest evidence span."""


@dataclass(frozen=True)
class Rules:
    """The reviewed table of `data/control.yaml`."""

    affirmed: dict[str, str]
    denied: dict[str, str]
    territorial_sub_types: frozenset[str]
    opponents: dict[str, str]
    settlement_features: frozenset[str]
    contest_window: dt.timedelta

    @property
    def predicates(self) -> frozenset[str]:
        """The claim predicates that say something about control."""
        return frozenset(self.affirmed) | frozenset(self.denied)


@functools.cache
def rules() -> Rules:
    """The control rules, read once per process."""
    data = yaml.safe_load(files("fogwatch.data").joinpath(CONTROL_FILE).read_text("utf-8"))
    known = {"holds", "denies", "ceded", "fights"}
    affirmed: dict[str, str] = {}
    denied: dict[str, str] = {}
    for predicate, spec in data["effects"].items():
        for key, table in (("affirmed", affirmed), ("denied", denied)):
            if key in spec:
                if spec[key] not in known:
                    raise ValueError(
                        f"{CONTROL_FILE}: {predicate}.{key} is {spec[key]!r} — use one of {sorted(known)}"
                    )
                table[predicate] = spec[key]
    return Rules(
        affirmed=affirmed,
        denied=denied,
        territorial_sub_types=frozenset(data["territorial_sub_types"]),
        opponents=dict(data["opponents"]),
        settlement_features=frozenset(data["settlement_features"]),
        contest_window=dt.timedelta(days=int(data["contest_window_days"])),
    )


@dataclass(frozen=True)
class Entry:
    """One line of a settlement's ledger: what one claim or event says about who holds it."""

    place: Place
    effect: Effect
    side: str | None
    """The side the entry holds or denies control for; for `fights`, the fighting side if known."""
    date: dt.date
    """When it happened, by the claim or event: the proposition's or event's day, else publication."""
    published: dt.date
    article_id: str
    claim_id: str | None
    event_id: str | None
    speaker: str | None
    """The speaker's actor name; None when the outlet itself says it, or the source is unresolved."""
    speaker_side: str | None
    publisher: str | None
    predicate: str
    """The claim's predicate, or the event's sub-event type."""
    stance: str
    polarity: bool
    evidence: Span
    quote: str
    status: str | None
    """The claim's own judgment (claimed, confirmed, contested, refuted), when it has one."""
    origin: str | None
    """Who answers for it (`claims.sources` family); None when nobody can be named."""
    cluster: str

    def as_json(self) -> dict[str, Any]:
        """The entry as plain JSON values."""
        shown = {
            key: value
            for key, value in dataclasses.asdict(self).items()
            if key not in ("place", "evidence", "cluster")
        }
        shown["date"] = self.date.isoformat()
        shown["published"] = self.published.isoformat()
        shown["evidence"] = [self.evidence.start, self.evidence.end]
        return shown


@dataclass(frozen=True)
class SettlementControl:
    """A settlement's status on one day, with the ledger entries it rests on."""

    place_id: str
    place: Place
    status: ControlStatus
    controller: str | None
    since: dt.date | None
    """The first claim of the controller's current hold."""
    first_claim: dt.date
    last_claim: dt.date
    entries: tuple[Entry, ...]
    reason: str

    def as_json(self) -> dict[str, Any]:
        """The settlement's status as plain JSON values (GeoJSON properties)."""
        return {
            "place_id": self.place_id,
            "name": self.place.name,
            "controller": self.controller,
            "status": self.status,
            "since": self.since.isoformat() if self.since else None,
            "first_claim": self.first_claim.isoformat(),
            "last_claim": self.last_claim.isoformat(),
            "reason": self.reason,
            "claims": [entry.as_json() for entry in self.entries],
        }


def entries(
    claims: Sequence[Claim],
    events: Iterable[Event],
    articles: Mapping[str, Article],
    assessments: Mapping[str, Assessment],
    carriers: Iterable[Claim] = (),
) -> list[Entry]:
    """The ledger entries of territorial claims and events about settlements (`carriers`: other
    claims that carry the events, for their speakers).

    A claim counts when it is about a settlement itself (not "near" it), says what is so (not
    what is attempted or expected) and has a predicate of `data/control.yaml`. An event counts
    when it is asserted, of a territorial sub-type, at a settlement, with a known actor 1; an
    event carried by a claim that is an entry already is not counted twice.
    """
    table = rules()
    found: list[Entry] = []
    for claim in claims:
        entry = _claim_entry(claim, articles.get(claim.article_id), assessments, table)
        if entry is not None:
            found.append(entry)
    said = {entry.claim_id for entry in found}
    by_id = {claim.id: claim for claim in (*claims, *carriers)}
    for event in events:
        if event.claim_id is not None and event.claim_id in said:
            continue
        entry = _event_entry(event, articles.get(event.article_id), by_id, assessments, table)
        if entry is not None:
            found.append(entry)
    found.sort(key=lambda e: (e.date, e.published, e.article_id, e.evidence.start))
    return found


def _claim_entry(
    claim: Claim,
    article: Article | None,
    assessments: Mapping[str, Assessment],
    table: Rules,
) -> Entry | None:
    proposition = claim.proposition
    if article is None or proposition is None or proposition.place is None:
        return None
    if proposition.near or proposition.modality != "asserted":
        return None
    if proposition.place.feature not in table.settlement_features:
        return None
    statement = linking.statement(claim, article)
    affirms = statement.affirms
    effect = (table.affirmed if affirms else table.denied).get(proposition.predicate or "")
    if effect is None:
        return None
    side = proposition.actor.side if proposition.actor else None
    speaker_side = claim.source.side if claim.source else None
    if side is None and speaker_side in table.opponents:
        # a party's own capture, or its denial of the enemy's (data/control.yaml: opponents)
        side = speaker_side if affirms else table.opponents[speaker_side]
    resolved = _resolve(effect, side, table)
    if resolved is None:
        return None
    assessment = assessments.get(claim.id)
    origin = statement.origin
    return Entry(
        place=proposition.place,
        effect=resolved[0],
        side=resolved[1],
        date=statement.day,
        published=article.published,
        article_id=article.id,
        claim_id=claim.id,
        event_id=None,
        speaker=claim.source.name if claim.source else None,
        speaker_side=speaker_side,
        publisher=article.source,
        predicate=proposition.predicate or "",
        stance=claim.stance,
        polarity=proposition.polarity,
        evidence=claim.content_span,
        quote=claim.content_span.of(article.text),
        status=assessment.status if assessment else None,
        origin=origin.name if origin else None,
        cluster=statement.cluster,
    )


def _event_entry(
    event: Event,
    article: Article | None,
    claims: Mapping[str, Claim],
    assessments: Mapping[str, Assessment],
    table: Rules,
) -> Entry | None:
    if (
        article is None
        or event.modality != "asserted"
        or event.sub_type not in table.territorial_sub_types
    ):
        return None
    place = event.place
    side = event.actor1.side if event.actor1 else None
    if place is None or side is None or place.feature not in table.settlement_features:
        return None
    if event.geo_precision != 1:  # taken "near" a town, or in a region: not the town itself
        return None
    claim = claims.get(event.claim_id) if event.claim_id else None
    if claim is not None:
        statement = linking.statement(claim, article)
        origin, cluster = statement.origin, statement.cluster
    else:  # the outlet tells it in its own voice
        origin, cluster = registry().of_publisher(article.source), article.dup_cluster or article.id
    evidence = _evidence(event.evidence)
    assessment = assessments.get(event.claim_id) if event.claim_id else None
    return Entry(
        place=place,
        effect="holds",
        side=side,
        date=event.date or article.published,
        published=article.published,
        article_id=article.id,
        claim_id=event.claim_id,
        event_id=event.id,
        speaker=claim.source.name if claim is not None and claim.source else None,
        speaker_side=claim.source.side if claim is not None and claim.source else None,
        publisher=article.source,
        predicate=event.sub_type,
        stance=claim.stance if claim is not None else "affirm",
        polarity=True,
        evidence=evidence,
        quote=evidence.of(article.text),
        status=assessment.status if assessment else None,
        origin=origin.name if origin else None,
        cluster=cluster,
    )


def _evidence(spans: Sequence[Span]) -> Span:
    """The text an event's evidence spans cover together (its trigger, actor, place, date), or
    the widest of them when they lie far apart."""
    if not spans:
        return Span(0, 0)
    whole = Span(min(s.start for s in spans), max(s.end for s in spans))
    if whole.end - whole.start <= _MAX_QUOTE:
        return whole
    return max(spans, key=lambda s: s.end - s.start)


def _resolve(effect: str, side: str | None, table: Rules) -> tuple[Effect, str | None] | None:
    """The entry's effect and side: a side that cedes a place leaves it to its opponent."""
    if effect == "fights":
        return "fights", side
    if side is None:
        return None
    if effect == "ceded":
        opponent = table.opponents.get(side)
        return ("holds", opponent) if opponent else ("denies", side)
    return ("holds" if effect == "holds" else "denies"), side


def ledger(found: Iterable[Entry], on: dt.date | None = None) -> list[SettlementControl]:
    """Each settlement's status on day `on` (default: with everything), from the entries
    published by then; settlements by name."""
    by_place: dict[str, list[Entry]] = {}
    for entry in found:
        if on is None or entry.published <= on:
            by_place.setdefault(entry.place.key, []).append(entry)
    settled = [_status(place_id, rows) for place_id, rows in by_place.items()]
    return sorted(settled, key=lambda s: (s.place.name, s.place_id))


def _status(place_id: str, rows: list[Entry]) -> SettlementControl:
    rows.sort(key=lambda e: (e.date, e.published, e.article_id, e.evidence.start))
    window = rules().contest_window
    holds = [e for e in rows if e.effect == "holds"]
    controller = holds[-1].side if holds else None
    since: dt.date | None = None
    run: list[Entry] = []
    if controller is not None:
        # the controller's current hold: its claims since another side last claimed the place
        others = [e.date for e in holds if e.side != controller]
        run = [e for e in holds if e.side == controller and (not others or e.date >= max(others))]
        since = run[0].date
    start = since - window if since is not None else dt.date.min
    against = [
        e
        for e in rows
        if e.date >= start
        and (
            e.effect == "fights"
            or (e.effect == "denies" and (controller is None or e.side == controller))
            or (e.effect == "holds" and e.side != controller)
        )
    ]
    status: ControlStatus
    if against or controller is None:
        status = "contested"
        reason = _saying(against[-1] if against else rows[-1])
    elif (confirmation := _confirmation(run, controller)) is not None:
        status, reason = "controlled", confirmation
    else:
        status = "claimed"
        reason = f"claimed by {_origins(run)}; no independent confirmation"
    return SettlementControl(
        place_id=place_id,
        place=rows[0].place,
        status=status,
        controller=controller,
        since=since,
        first_claim=rows[0].date,
        last_claim=rows[-1].date,
        entries=tuple(rows),
        reason=reason,
    )


def _saying(entry: Entry) -> str:
    """What one entry says, in words: "Military Forces of Ukraine denies RUS control (…)"."""
    who = entry.speaker or entry.publisher or "an unnamed source"
    says = {
        "holds": f"says {entry.side} holds it",
        "denies": f"denies {entry.side} holds it",
        "fights": f"reports {entry.side + ' ' if entry.side else ''}fighting there",
    }[entry.effect]
    return f"{who} {says} ({entry.predicate}, {entry.date.isoformat()})"


def _confirmation(run: Sequence[Entry], controller: str | None) -> str | None:
    """Why the controller's hold is confirmed, or None: a claim judged confirmed, or two
    independent origins of which one is not the controller's own side."""
    for entry in run:
        if entry.status == "confirmed":
            return f"claim {entry.claim_id} is confirmed ({entry.origin})"
    for a in run:
        for b in run:
            if a.speaker_side == controller and b.speaker_side == controller:
                continue
            if _independent(a, b):
                return f"{a.origin} and {b.origin} independently"
    return None


def _independent(a: Entry, b: Entry) -> bool:
    """As `claims.linking.independent`: both origins known and different, not one story's copies."""
    if a.origin is None or b.origin is None or a.origin == b.origin:
        return False
    return a.article_id == b.article_id or a.cluster != b.cluster


def _origins(run: Sequence[Entry]) -> str:
    named = sorted({e.origin or "an unresolved source" for e in run})
    return ", ".join(named)


def feature_collection(settlements: Iterable[SettlementControl]) -> dict[str, Any]:
    """Settlements with coordinates as GeoJSON point features, one per settlement."""
    features = [
        {
            "type": "Feature",
            "id": s.place_id,
            "geometry": {"type": "Point", "coordinates": [s.place.lon, s.place.lat]},
            "properties": s.as_json(),
        }
        for s in settlements
        if s.place.lat is not None and s.place.lon is not None
    ]
    return {"type": "FeatureCollection", "features": features}
