"""The public JSON shape of one article and everything extracted from it (see DESIGN.md).

Keys are stable: add freely, rename none without a version bump. Spans are `[start, end]`
character offsets into `article.text`, and every item repeats the text its span covers.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fogwatch.records import (
    Actor,
    ActorMention,
    Article,
    ArticleResult,
    Assessment,
    Claim,
    Coreference,
    DateMention,
    Event,
    Place,
    PlaceMention,
    Proposition,
    Quantity,
    Span,
)


def article_json(result: ArticleResult, raw: bool = False) -> dict[str, Any]:
    """The documented dict for one article; `raw=True` adds the raw text and the offset map."""
    text = result.article.text
    judged = {assessment.claim_id: assessment for assessment in result.assessments}
    return {
        "article": _article(result.article, raw),
        "parts": [{**_span(part.span, text), "kind": part.kind} for part in result.parts],
        "dates": [_date(mention, text) for mention in result.dates],
        "quantities": [_quantity(quantity, text) for quantity in result.quantities],
        "actors": [_actor_mention(mention, text) for mention in result.actors],
        "places": [_place_mention(mention, text) for mention in result.places],
        "coreferences": [_coreference(link, text) for link in result.coreferences],
        "claims": [_claim(claim, judged.get(claim.id), text) for claim in result.claims],
        "events": [_event(event, text) for event in result.events],
        "links": [
            {"a": link.a, "b": link.b, "relation": link.relation, "evidence": link.evidence}
            for link in result.links
        ],
    }


def dumps(document: object, indent: int | None = None) -> str:
    """JSON text that is byte-identical for the same input: on one line without blanks, or
    indented for reading."""
    separators = (",", ":") if indent is None else None
    return json.dumps(
        document, ensure_ascii=False, indent=indent, separators=separators, default=_default
    )


def _default(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _article(article: Article, raw: bool) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat(),
        "dup_cluster": article.dup_cluster,
        "text": article.text,
    }
    if raw:
        shown["raw_text"] = article.raw_text
        shown["raw_offsets"] = [[r.clean_start, r.raw_start, r.length] for r in article.raw_offsets]
    return shown


def _span(span: Span, text: str) -> dict[str, Any]:
    return {"span": [span.start, span.end], "text": span.of(text)}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 4)


def _date(mention: DateMention, text: str) -> dict[str, Any]:
    return {
        **_span(mention.span, text),
        "value": _iso(mention.date),
        "precision": mention.precision,
        "kind": mention.kind,
        "start": _iso(mention.start),
        "end": _iso(mention.end),
    }


def _quantity(quantity: Quantity, text: str) -> dict[str, Any]:
    return {
        **_span(quantity.span, text),
        "low": _number(quantity.low),
        "best": _number(quantity.best),
        "high": _number(quantity.high),
        "unit": quantity.unit,
        "hedge": quantity.hedge,
    }


def actor_json(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "id": actor.id,
        "name": actor.name,
        "side": actor.side,
        "kind": actor.kind,
        "inter": actor.inter,
    }


def _actor_mention(mention: ActorMention, text: str) -> dict[str, Any]:
    return {
        **_span(mention.span, text),
        "actor": actor_json(mention.actor),
        "role": mention.role,
        "person": mention.person,
    }


def _coreference(link: Coreference, text: str) -> dict[str, Any]:
    return {
        **_span(link.span, text),
        "antecedent": _span(link.antecedent, text),
        "actor": actor_json(link.actor),
    }


def place_json(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "feature": place.feature,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "lat": place.lat,
        "lon": place.lon,
        "population": place.population,
    }


def _place_mention(mention: PlaceMention, text: str) -> dict[str, Any]:
    return {
        **_span(mention.span, text),
        "place": place_json(mention.place),
        "geo_precision": mention.geo_precision,
        "score": round(mention.score, 4),
        "role": mention.role,
        "reason": mention.reason,
    }


def _claim(claim: Claim, judged: Assessment | None, text: str) -> dict[str, Any]:
    source = None
    if claim.source_span is not None or claim.source is not None:
        source = {
            **(
                _span(claim.source_span, text)
                if claim.source_span
                else {"span": None, "text": None}
            ),
            "actor": actor_json(claim.source),
        }
    return {
        "id": claim.id,
        "source": source,
        "cue": {**_span(claim.cue_span, text), "lemma": claim.cue_lemma, "class": claim.cue_class},
        "content": _span(claim.content_span, text),
        "proposition": _proposition(claim.proposition, text) if claim.proposition else None,
        "stance": claim.stance,
        "direct": claim.direct,
        "status": judged.status if judged else None,
        "reliability": judged.reliability if judged else None,
        "credibility": judged.credibility if judged else None,
        "reason": judged.reason if judged else None,
    }


def _proposition(proposition: Proposition, text: str) -> dict[str, Any]:
    place = proposition.place
    return {
        "predicate": proposition.predicate,
        "place": place.geonameid if place and place.geonameid is not None else None,
        "place_name": place.name if place else None,
        "actor": proposition.actor.id if proposition.actor else None,
        "quantity": _quantity(proposition.quantity, text) if proposition.quantity else None,
        "time": _iso(proposition.time),
        "polarity": proposition.polarity,
        "modality": proposition.modality,
        "object": proposition.object,
        "keywords": list(proposition.keywords),
    }


def _event(event: Event, text: str) -> dict[str, Any]:
    place = place_json(event.place)
    return {
        "id": event.id,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_type": event.sub_type,
        "actor1": actor_json(event.actor1),
        "actor2": actor_json(event.actor2),
        "assoc": [actor_json(actor) for actor in event.assoc],
        "interaction": event.interaction,
        "place": place,
        "geo_precision": event.geo_precision,
        "date": _iso(event.date),
        "time_precision": event.time_precision,
        "fatalities": {
            "low": event.fatalities.low,
            "best": event.fatalities.best,
            "high": event.fatalities.high,
        },
        "civilian_targeting": event.civilian_targeting,
        "modality": event.modality,
        "claim_id": event.claim_id,
        "evidence": [[span.start, span.end] for span in event.evidence],
        "evidence_text": [span.of(text) for span in event.evidence],
    }
