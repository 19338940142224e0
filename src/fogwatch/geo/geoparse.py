"""Place mentions in a parsed article: recognised against the gazetteer, resolved in context.

The geoparser reads one article in four steps, each a module that can be read alone:

1. `recognition`: which spans are place names — gazetteer matches of capitalised runs (the
   longest wins), demonyms, spaCy's GPE and LOC entities the gazetteer lacks, street and site
   names ("Maple Street"), places heading an institution's name — and which are
   not (people, titles, dates, actors' own names, everyday words); metonyms and modifiers;
2. `candidates`: the places a name may be — gazetteer lookups under the name and its spelling
   skeleton ("Zaporizhia"), misspellings of prominent places ("Lugansck"), villages only KATOTTG
   lists — each with a base score from the gazetteer's prior;
3. `context`: what the words around say — division words and lists ("Donetsk and Luhansk
   regions"), explicit parents ("Pokrovsk in Donetsk province"), containers, distance anchors
   ("A, 40 km west of B"), feature cues ("the Inhulets River") — and one sense per discourse:
   every mention of one name is one decision;
4. `ranking` scores each name's candidates against the other names' (same country, same
   division, inside a division the article names, close by) in a few rounds and finds where
   the article is; `choice` picks each mention's place, its geo_precision and its reason, or
   abstains.

`article` holds what every step reads (tokens, sentences, paragraphs, entities, the mentions so
far); `mentions` the records being read; `vocabulary` the word lists of `data/geo_words.yaml`
and `data/named_things.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from fogwatch.geo import choice, context, recognition
from fogwatch.geo import gazetteer as gazetteer_module
from fogwatch.geo.article import Article
from fogwatch.geo.gazetteer import Gazetteer
from fogwatch.records import ActorMention, PlaceMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find(
    doc: Doc,
    gazetteer: Gazetteer | None = None,
    actor_mentions: Sequence[ActorMention] | None = None,
) -> list[PlaceMention]:
    """Place mentions in text order, resolved in document context, each with its reason.

    `actor_mentions` are `actors.find(doc)` when the caller has them already (else found here).
    """
    article = Article(doc, gazetteer or gazetteer_module.load())
    recogniser = recognition.Recogniser(article, actor_mentions)
    recogniser.match()
    context.coordinated_regions(article)
    context.relate(article)
    # spaCy's places the gazetteer lacks come after the lists, which may have widened a match
    recogniser.entities()
    recogniser.landmarks()
    recogniser.roles()
    article.mentions.sort(key=lambda m: m.start)
    context.one_sense_per_discourse(article)
    choice.choose(article, guess=False)
    return [
        choice.record(article, mention, article.span(mention))
        for mention in article.mentions
        if mention.kind != "dropped"
    ]


def resolve(
    doc: Doc, spans: Sequence[Span], gazetteer: Gazetteer | None = None
) -> list[PlaceMention]:
    """Resolution given known toponym spans (for evaluation): one PlaceMention per span; place
    None when abstaining.

    Every span is taken to be a place, so a name the gazetteer lacks is coded to the article's
    focus (its main town at geo_precision 2, else its region or country at 3) rather than left
    out, and a demonym ("Russian") resolves to its country.
    """
    article = Article(doc, gazetteer or gazetteer_module.load())
    mentions = recognition.from_spans(article, spans)
    context.relate(article)
    context.one_sense_per_discourse(article)
    choice.choose(article, guess=True)
    return [
        choice.record(article, mention, span) for mention, span in zip(mentions, spans, strict=True)
    ]
