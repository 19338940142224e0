"""Which claims a denial answers, and whom a claim blames: the discourse around a claim.

A denial rarely repeats what it denies. "Russia's defence ministry denied the report" answers
the report told in the sentences before it; "Kyiv rejected that as a false pretext" answers the
claim just made; "the ministry denied responsibility for the strike, but officials believe a
Russian missile was fired" answers whoever holds the denier's side responsible nearby. Such a
denial has no proposition of its own to compare, so the claims it answers are resolved here, on
the parsed article, the way a reader resolves "the report", "that" and "responsibility":

- a *referring* denial — its content is a pronoun ("that", "it") or a definite shell noun ("the
  report", "these claims", `data/cue_verbs.yaml: answer_nouns`) — answers the claims of other
  speakers made up to `LOOK_BACK_SENTENCES` before it: a pronoun the nearest one, a shell noun
  (a report is often told in several claims) the nearest `MAX_ANSWERED`;
- a *blame* denial — its content is "responsibility", "involvement" … (`blame_nouns`) — answers
  the claims of other speakers up to `LOOK_BACK_SENTENCES` before and one after it (the "but …"
  that follows) that blame the denier's side; and, up to `INCIDENT_REACH_SENTENCES` either way,
  those that blame it for an incident they name as one already told ("the station attack",
  "this strike": the incident the story is about);
- a claim *blames* a side when its content tells of harm (`data/claim_predicates.yaml: harm`)
  done by that side: its agent, else the first party actor or party adjective in the content
  ("a Russian missile was fired", "war crimes by Russian forces").

Only a denial by a speaker whose side is known answers, and never a claim of its own side.
A *referring confirmation* ("confirmed the report", "confirmed it") answers the claims of other
speakers before it the same way; whether it is independent of them is `claims.linking`'s call.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from fogwatch.claims import sources
from fogwatch.claims.cue_lexicon import load_lexicon
from fogwatch.language import actor_registry
from fogwatch.records import Actor, ActorMention, Claim, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from fogwatch.claims.propositions import Vocabulary

LOOK_BACK_SENTENCES = 2
"""How far back "the report" and "that" reach: the report and its follow-up ("the attack took
place at 10am") are told in the sentences just before the denial."""
MAX_ANSWERED = 3
INCIDENT_REACH_SENTENCES = 8
"""How far a denial of responsibility reaches an accusation that names the incident definitely:
a story tells the strike, the denial and the reactions to it within a few paragraphs."""
_PRONOUNS = frozenset({"that", "this", "it", "these", "those", "them"})
_OWN_CONTENT = frozenset({"acl", "relcl", "ccomp", "prep"})
"""A shell noun with a clause or phrase of its own says what it is about: it does not refer."""
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such", "any", "all"})


def blamed_side(
    tokens: Sequence[Token],
    predicate: str | None,
    agent: Actor | None,
    mentions: Sequence[ActorMention],
    vocabulary: Vocabulary,
) -> str | None:
    """The side the content holds responsible for harm, or None when it tells of no harm."""
    lemmas = {t.lemma_.lower() for t in tokens}
    if predicate not in vocabulary.harm_predicates and not lemmas & vocabulary.harm_words:
        return None
    parties = _party_sides()
    if agent is not None and agent.side not in parties.non_party:
        return agent.side
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    inside = [
        m for m in mentions if start <= m.span.start < end and m.actor.side not in parties.non_party
    ]
    for token in tokens:
        for mention in inside:
            if mention.span.start <= token.idx < mention.span.end:
                return mention.actor.side
        if token.dep_ in ("amod", "compound", "poss") and token.head.pos_ == "NOUN":
            adjective = parties.side_of_word(token.text)
            if adjective is not None:
                return adjective
    return None


class _Parties:
    def __init__(self) -> None:
        self.non_party = sources.registry().non_party_sides
        self.registry = actor_registry.load_registry()

    def side_of_word(self, word: str) -> str | None:
        """The side a party adjective stands for: "Russian" → RUS; None for others."""
        entry = self.registry.entries.get(word)
        if entry is None or entry.blocked:
            return None
        actor = entry.actor or entry.metonym_of
        if actor is None and entry.polity is not None:
            roles = entry.polity.roles
            actor = roles.get("military") or roles.get("government")
        if actor is None or actor.side in self.non_party:
            return None
        return actor.side


@functools.cache
def _party_sides() -> _Parties:
    return _Parties()


def answered(
    doc: Doc,
    claims: Sequence[Claim],
    blames: dict[str, str],
    incidents: frozenset[str] = frozenset(),
) -> dict[str, tuple[str, ...]]:
    """For each denial that answers earlier claims, their ids (see the module docstring).

    `blames` maps a claim id to the side its content blames; `incidents` are the claims whose
    content names an incident as one already told ("the station attack")."""
    starts = [sentence.start_char for sentence in doc.sents]

    def sentence_of(span: Span) -> int:
        return bisect.bisect_right(starts, span.start) - 1

    found: dict[str, tuple[str, ...]] = {}
    for denial in claims:
        side = denial.source.side if denial.source else None
        if denial.stance == "confirm" and denial.source is not None:
            confirmed = _confirmed(doc, denial, claims, sentence_of)
            if confirmed:
                found[denial.id] = confirmed
            continue
        if denial.stance != "deny" or side is None:
            continue
        kind = _reference(doc, denial.content_span)
        if kind is None:
            continue
        here = sentence_of(denial.cue_span)
        others = [c for c in claims if c.id != denial.id and _another_voice(c, denial)]
        if kind in ("refers", "pronoun"):
            earlier = [
                c
                for c in others
                if c.cue_span.start < denial.cue_span.start
                and here - LOOK_BACK_SENTENCES <= sentence_of(c.cue_span)
            ]
            chosen = earlier[-1:] if kind == "pronoun" else earlier[-MAX_ANSWERED:]
        else:
            reach = {c.id: INCIDENT_REACH_SENTENCES if c.id in incidents else 0 for c in others}
            chosen = [
                c
                for c in others
                if blames.get(c.id) == side
                and here - max(LOOK_BACK_SENTENCES, reach[c.id])
                <= sentence_of(c.cue_span)
                <= here + max(1, reach[c.id])
            ]
        if chosen:
            found[denial.id] = tuple(c.id for c in chosen)
    return found


def _confirmed(
    doc: Doc, confirmation: Claim, claims: Sequence[Claim], sentence_of: Callable[[Span], int]
) -> tuple[str, ...]:
    """The claims a referring confirmation ("confirmed the report", "confirmed it") vouches for:
    those of other speakers just before it, found as a referring denial's are."""
    kind = _reference(doc, confirmation.content_span)
    if kind not in ("refers", "pronoun"):
        return ()
    here = sentence_of(confirmation.cue_span)
    speaker = confirmation.source.id if confirmation.source else None
    earlier = [
        c
        for c in claims
        if c.stance not in ("deny", "confirm")
        and c.source is not None
        and c.source.id != speaker
        and c.cue_span.start < confirmation.cue_span.start
        and here - LOOK_BACK_SENTENCES <= sentence_of(c.cue_span)
    ]
    chosen = earlier[-1:] if kind == "pronoun" else earlier[-MAX_ANSWERED:]
    return tuple(c.id for c in chosen)


def _another_voice(claim: Claim, denial: Claim) -> bool:
    """A claim a denial can answer: someone else's, not of the denier's side, not a denial."""
    if claim.stance == "deny":
        return False
    if claim.source is None or denial.source is None:
        return False
    return claim.source.side != denial.source.side


def _reference(doc: Doc, content: Span) -> str | None:
    """ "pronoun" for "that", "it"; "refers" for "the report", "these claims"; "blame" for
    "responsibility for the strike"."""
    chars = doc.char_span(content.start, content.end, alignment_mode="expand")
    if chars is None or len(chars) == 0:
        return None
    lexicon = load_lexicon()
    inside = range(chars.start, chars.end)
    for head in (t for t in chars if t.head.i not in inside or t.head.i == t.i):
        word, lemma = head.lower_, head.lemma_.lower()
        if lemma in lexicon.blame_nouns:
            return "blame"
        if word in _PRONOUNS and head.dep_ != "mark":  # "rejected that", not "said that …"
            return "pronoun"
        if (
            lemma in lexicon.answer_nouns
            and any(
                c.dep_ in ("det", "poss")
                and (c.lower_ in _DETERMINERS or c.pos_ in ("PRON", "PROPN"))
                for c in head.children
            )
            and not any(c.dep_ in _OWN_CONTENT for c in head.children)
        ):
            return "refers"  # "the report"; not "the accusation (that) he was fighting a proxy war"
    return None
