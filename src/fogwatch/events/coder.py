"""ACLED-style events in one article, every field traced to the words it came from.

`code(doc, result)` reads a parsed article and what the language stages found in it (dates,
quantities, actors, coreferences, places) and returns its `Event`s in the order of their triggers:

1. Triggers (`events.triggers`): words of `data/event_triggers.yaml`, each with a frame that says
   what it does and the conditions it needs.
2. Candidates (`events.frames`): one module per ACLED event family codes the triggers of its
   frames, each from its clause read the same way (`events.clause`: modality, place, date,
   parties, weapons).
3. Back-off (`events.backoff`), in a short report only: the learned sentence classifier codes
   the sentences where the frames found nothing but the eventness model reads an incident word
   as reported, and recodes a sentence's one event when it is confident.
4. Incidents (`events.incidents`): the candidates of one sentence, family, place and modality
   are one event; killed counts join their event.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from fogwatch import structure
from fogwatch.events import backoff, date, eventness, incidents, parties, taxonomy, triggers
from fogwatch.events.candidate import Candidate
from fogwatch.events.frames import (
    Family,
    battles,
    casualties,
    civilians,
    protests,
    remote,
    strategic,
    territory,
)
from fogwatch.events.lexicon import TRIGGERS_FILE, LexiconError, build_lexicon, load_lexicon
from fogwatch.events.reading import Classifier, Reading
from fogwatch.records import ArticleResult, Event, Fatalities, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "TRIGGERS_FILE",
    "Classifier",
    "LexiconError",
    "RankMany",
    "build_lexicon",
    "code",
    "installed_classifier",
    "installed_ranker",
    "load_lexicon",
]

FAMILIES: tuple[Family, ...] = (
    territory,
    battles,
    remote,
    casualties,
    civilians,
    protests,
    strategic,
)
"""The frame modules: each `find(reading, triggers)` codes the triggers of its `FRAMES`."""
OVERRIDE_BELOW = 0.1
"""The eventness model overrules an asserted reading only when it gives it less than this."""
_NOT_EVENTS = frozenset({"general", "none"})
"""What the eventness model says is no incident: analysis, trends, rhetoric, other senses."""
EXTERNAL_FORCES = 8
"""ACLED inter code of External/Other forces: a state's forces acting outside their country."""
RankMany = backoff.RankMany
Installed = Literal["installed"]
INSTALLED: Installed = "installed"
"""The default ranker: `events.classify.classify_many`, loaded when a short report first asks."""


def code(
    doc: Doc,
    result: ArticleResult,
    *,
    classifier: Classifier | None = None,
    ranker: RankMany | Installed | None = INSTALLED,
) -> list[Event]:
    """ACLED-style events in one article, each field traced to evidence spans.

    `classifier` settles what the clause leaves open (an attack that names no weapon and no
    ground fighting), e.g. `installed_classifier()`; it is off by default. `ranker` ranks the
    sub-types of the few sentences `events.backoff` asks about (by default the installed
    `events.classify.classify_many`, skipped when it is not installed; None: frames only).
    """
    reading = Reading(doc, result, load_lexicon(), classifier)
    hits = triggers.find(reading)
    reading.mark_triggers(hit.token for hit in hits)
    candidates = [candidate for family in FAMILIES for candidate in family.find(reading, hits)]
    # back in the order of their triggers: a trigger makes one candidate at most
    candidates.sort(key=lambda candidate: candidate.trigger.i)
    # a heading, caption or teaser frames the report: its words start no event (and are never
    # merged into one the prose tells)
    candidates = [c for c in candidates if structure.is_prose(result.parts, c.trigger_span)]
    candidates = _judged(reading, candidates)
    # a sentence keeps its frames' reading, whatever its modality; a bare toll ("six soldiers
    # were killed") is no reading of its sentence's incident
    framed = {c.sentence for c in candidates if c.frame != "casualty" or c.sub_type}
    labels = None
    if ranker is not None and backoff.is_short_report(reading):
        # the encoder is loaded only once a short report asks for it
        rank_many = installed_ranker() if isinstance(ranker, str) else ranker
        if rank_many is not None:
            labels = backoff.sentence_labels(reading, rank_many)
    if labels is not None:
        tolls = {
            c.sentence
            for c in candidates
            if c.frame == "casualty" and c.modality in ("asserted", "historical") and not _nobody(c)
        }
        candidates = candidates + backoff.missed_events(reading, framed, labels, tolls)
        candidates.sort(key=lambda candidate: candidate.trigger.i)
    merged = incidents.merge(reading, candidates)
    if labels is not None:
        backoff.correct(merged, labels)
    for n, candidate in enumerate(merged):
        parties.complete(reading, candidate, merged[:n])  # ACLED codes every event with an actor1
    return [_event(reading, candidate) for candidate in merged]


def _nobody(candidate: Candidate) -> bool:
    """ "no one was killed", "nobody was hurt": a toll of none."""
    for child in candidate.trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in ("nobody", "none")
            or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        ):
            return True
    return False


def _judged(reading: Reading, candidates: list[Candidate]) -> list[Candidate]:
    """The learned eventness model's second reading of what the rules call asserted
    (`events.eventness`, trained on labelled real news). Where the model is confident that the
    trigger reports no asserted incident (`OVERRIDE_BELOW`), its reading wins: analysis, trends,
    rhetoric and other senses of the word are dropped, aims, plans and past events take its
    modality, unless it only doubts the time of an incident the words date within the month
    before publication. Elsewhere the rules stand."""
    asserted = [c for c in candidates if c.modality == "asserted"]
    judged = eventness.judge_many(
        reading.doc, [c.told_by or c.trigger for c in asserted], reading.result.article.published
    )
    verdict = {
        id(c): j
        for c, j in zip(asserted, judged, strict=True)
        if j.probabilities[eventness.ASSERTED] < OVERRIDE_BELOW
        # "killed … on Saturday": an incident the words date within the month is news
        and not (j.past_incident() and date.recent(c.date))
    }
    kept = []
    for candidate in candidates:
        judgement = verdict.get(id(candidate))
        modality = judgement.modality if judgement is not None else candidate.modality
        if modality in _NOT_EVENTS:
            continue
        candidate.modality = modality  # type: ignore[assignment]
        kept.append(candidate)
    return kept


@functools.cache
def installed_classifier() -> Classifier | None:
    """`events.classify.classify` when its model and encoder are installed and load, else None."""
    try:
        from fogwatch.events import classify
    except ImportError:
        return None
    try:
        classify.classify("Artillery shelled the town.")
    except (classify.ClassifierError, ImportError, OSError):
        return None
    return classify.classify


@functools.cache
def installed_ranker() -> RankMany | None:
    """`events.classify.classify_many` when its model and encoder are installed, else None."""
    if installed_classifier() is None:
        return None
    from fogwatch.events import classify

    return classify.classify_many


# ─── the event record ────────────────────────────────────────────────────────────────────────


def _event(reading: Reading, candidate: Candidate) -> Event:
    sub = taxonomy.sub_event_type(candidate.sub_type)
    place = candidate.place
    when = candidate.date or date.publication(reading)
    evidence = set(candidate.evidence)
    for ref in (candidate.actor1, candidate.actor2, *candidate.assoc):
        if ref is not None and ref.span is not None:
            evidence.add(ref.span)
    if place is not None:
        evidence.add(place.mention.span)
    if when.span is not None:
        evidence.add(when.span)
    killed = max(candidate.killed, key=lambda q: (q.best, q.high), default=None)
    if killed is not None:
        evidence.add(killed.span)
    # ACLED: the most conservative reported toll; none reported is 0
    fatalities = (
        Fatalities(int(killed.low), int(killed.best), int(killed.high))
        if killed is not None
        else Fatalities(0, 0, 0)
    )
    spans = _outermost(evidence)
    civilian = candidate.civilian_targeting or sub.event_type == "Violence against civilians"
    if sub.event_type == "Battles":
        civilian = False  # ACLED: battles are between armed groups, never civilian targeting
    article = reading.result.article
    return Event(
        id=_event_id(article.id, spans),
        article_id=article.id,
        disorder_type=sub.disorder_type,
        event_type=sub.event_type,
        sub_type=sub.name,
        actor1=candidate.actor1.actor if candidate.actor1 else None,
        actor2=candidate.actor2.actor if candidate.actor2 else None,
        assoc=tuple(ref.actor for ref in candidate.assoc),
        interaction=_interaction(reading, candidate),
        place=place.mention.place if place else None,
        geo_precision=place.precision if place else None,
        date=when.date,
        time_precision=when.precision,
        fatalities=fatalities,
        civilian_targeting=civilian,
        modality=candidate.modality,
        claim_id=_claim_of(reading, candidate.trigger_span),
        evidence=spans,
    )


def _claim_of(reading: Reading, trigger: Span) -> str | None:
    """The innermost claim whose content holds the event's trigger: who says it happened."""
    holding = [
        claim
        for claim in reading.result.claims
        if claim.content_span.start <= trigger.start and trigger.end <= claim.content_span.end
    ]
    if not holding:
        return None
    return min(holding, key=lambda c: c.content_span.end - c.content_span.start).id


def _interaction(reading: Reading, candidate: Candidate) -> int | None:
    violence = "Political violence" in taxonomy.sub_event_type(candidate.sub_type).disorder_type
    country = (
        candidate.place.mention.place.country
        if violence and candidate.place and candidate.place.mention.place
        else None
    )
    codes = []
    for ref in (candidate.actor1, candidate.actor2):
        if ref is None or ref.actor.inter not in taxonomy.INTER_CODES:
            continue
        inter = ref.actor.inter
        home = reading.lexicon.home_countries.get(ref.actor.side)
        if inter == 1 and home and country and home != country:
            inter = EXTERNAL_FORCES  # ACLED: state forces acting abroad are external forces
        codes.append(inter)
    if not codes:
        return None
    # ACLED: the interaction code is the sorted concatenation of inter1 and inter2
    return taxonomy.interaction(codes[0], codes[1] if len(codes) > 1 else None)


def _outermost(spans: set[Span]) -> tuple[Span, ...]:
    """Evidence in text order, without spans inside others ("drone" in "drone strike")."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if kept and kept[-1].start <= span.start and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return tuple(kept)


def _event_id(article_id: str, spans: Sequence[Span]) -> str:
    key = article_id + "|" + ";".join(f"{span.start}-{span.end}" for span in spans)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
