"""Who speaks: the actor a source phrase names, and the person behind it.

A source's actor is its head's mention or coreference, else the nearest mention in its phrase
("Russia's foreign minister, Sergei Lavrov", "a spokesman for the SBU"), else, for officials no
word ties to a state, the state or region their place names ("officials in Ukraine's Chernihiv
region"; not in a place said to be occupied), or the city or region named last before a local
office ("the city's mayor"). "We" speaks for the group a joint statement's "We, the Participants
in …" named. Unnamed "insiders" and "sources" and "the statement" are told apart here; whom they
speak for is `claims.attribution`'s, from who spoke before them.

Where the parse gives a reporting verb no subject, a bare noun phrase next to it is the speaker
("…, said WHO chief Dr Tedros", "…, an adviser to the president said"). A speaker the parse lost
to a relative clause or an absolute phrase ("With the talks stalled, Qatar, which …, said") is
the noun phrase before the clause, and a place that speaks there is its metonym's actor.

A speaker who is a person — named in the source phrase, or referred back to by "he",
a surname or a title — is `speaking_person`: the person's name, the side and family of the actor
they speak for ("He added" → Jens Stoltenberg, of NATO's side and family).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fogwatch.claims.cue_lexicon import load_lexicon
from fogwatch.claims.quotations import Quotations, end_of
from fogwatch.claims.sources import PERSON_SEPARATOR
from fogwatch.language.actor_registry import Polity, load_registry
from fogwatch.language.coref import serving
from fogwatch.language.nlp import text_of
from fogwatch.records import Actor, ActorMention, Coreference, Span
from fogwatch.spanindex import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What ties a name or an organisation to the head of a source phrase: "Russia's foreign minister,
# Sergei Lavrov", "Fox News reporter", "ISW analysts", "a spokesman for the SBU".
_SOURCE_LINKS = frozenset({"appos", "compound", "poss", "nmod", "amod", "npadvmod"})
_SOURCE_PREPOSITIONS = frozenset({"of", "for", "at", "from", "to", "with", "in"})
_SOURCE_DEPTH = 3
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her"})
_CHAIN_STEPS = 3
# "We, the Participants in the Crimea Platform, remain …": who a joint statement's "we" is.
_WE_APPOSITION = re.compile(r"\b[Ww]e,\s+the\s+([^,;:.“”\n]{3,100}?),")
# A joint statement's signatories are a group of states (data/actors.yaml's OTHER side).
_GROUP_SIDE = "OTHER"
_GROUP_KIND = "group of states"
_ID_LENGTH = 64  # the store's actor id column
# Role keys of the registry: officials who speak for a government, and unnamed sources.
_GOVERNMENT_ROLE = "government"
_SOURCES_ROLE = "sources"
_PLACE_WORDS = 3  # the longest place name matched against the registry's qualifiers
# "officials in Kharkiv", "the governor of Sumy region": where an office is
_PLACE_PREPOSITIONS = frozenset({"in", "of"})
# A speaker the parse missed: the words of a bare noun phrase next to the verb.
_BEFORE_INVERTED = frozenset({",", "”", "’", '"', "'", "—", "–"})
_PHRASE_OPENERS = frozenset({",", ";", ":", "—", "–", "(", "“", '"'})
_RELATIVE_WORDS = frozenset({"who", "which", "whose", "whom", "that"})
_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "PART", "ADP", "PUNCT", "CCONJ"})
_MAX_UNPARSED_SPEAKER = 12


class Speakers:
    """The actors and people who speak in one parsed article, from its actor mentions and
    coreferences."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[ActorMention],
        coreferences: Sequence[Coreference],
        quotations: Quotations,
    ) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.quotations = quotations
        self.lexicon = load_lexicon()
        self.registry = load_registry()
        self.mentions = serving(doc, mentions)
        # a long report has thousands of mentions: lookups by position, never a scan of all
        self.mention_at = SpanIndex(self.mentions, lambda m: m.span)
        self.coreference_at = SpanIndex(coreferences, lambda c: c.span)
        self.coreferences_to: dict[Span, list[Coreference]] = {}
        for link in coreferences:
            self.coreferences_to.setdefault(link.antecedent, []).append(link)
        self.titles: dict[str, list[Span]] = {}  # a nameless title's words → its mentions
        for m in self.mentions:
            if m.role == "person" and m.person is None:
                self.titles.setdefault(m.span.of(self.text).casefold(), []).append(m.span)

    def mention_of(self, head: Token) -> ActorMention | None:
        """The actor mention that holds the word."""
        start, end = head.idx, end_of(head)
        return next((m for m in self.mention_at.holding(start) if end <= m.span.end), None)

    def actor_of(self, head: Token) -> Actor | None:
        """The actor of the word's mention, else of a coreference that holds it."""
        mention = self.mention_of(head)
        if mention is not None:
            return mention.actor
        start, end = head.idx, end_of(head)
        for link in self.coreference_at.holding(start):
            if end <= link.span.end:
                return link.actor
        return None

    def source_actor(self, head: Token) -> Actor | None:
        """The actor a source phrase names: its head's mention or coreference, else the nearest
        mention in the phrase — a name in apposition ("Russia's foreign minister, Sergei Lavrov"),
        a modifier ("ISW analysts"), an "of"/"for" phrase ("a spokesman for the SBU"); of two
        at one depth, a person before an organisation, the first before the second."""
        actor = self.actor_of(head)
        if actor is not None:
            return actor
        paragraph = self.quotations.paragraph(head.idx)
        opposing = self.lexicon.opposing_nouns
        level = [head]
        for _ in range(_SOURCE_DEPTH):
            found: list[ActorMention] = []
            deeper: list[Token] = []
            for token in level:
                if token.lemma_.lower() in opposing:
                    continue  # "critics of Putin" do not speak for him
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPOSITIONS:
                        targets = [c for c in child.children if c.dep_ == "pobj"]
                    else:
                        targets = [child] if child.dep_ in _SOURCE_LINKS else []
                    for target in targets:
                        if self.quotations.outside(target, paragraph):
                            continue
                        mention = self.mention_of(target)
                        if mention is not None:
                            found.append(mention)
                        else:
                            deeper.append(target)
            if found:
                people = [m for m in found if m.role == "person"]
                return min(people or found, key=lambda m: m.span.start).actor
            level = deeper
        return self._official_of_place(head) or self._local_official(head)

    def _official_of_place(self, head: Token) -> Actor | None:
        """ "Officials in Ukraine's Chernihiv region", "the governor of Sumy region": officials
        no word ties to a state speak for the government of the state or region their place is
        named by; a place said to be occupied leaves them unresolved (whose officials they are
        is not in the words)."""
        role = self.registry.role_nouns.get(head.lower_)
        if role is None or role.key != _GOVERNMENT_ROLE:
            return None
        places = [
            place
            for preposition in head.children
            if preposition.dep_ == "prep" and preposition.lower_ in _PLACE_PREPOSITIONS
            for place in preposition.children
            if place.dep_ == "pobj"
        ]
        for place in places:
            words = list(self.doc[place.left_edge.i : place.i + 1])
            if any(w.lemma_.lower() == "occupy" for w in words):
                return None
            polity = self._polity_in(words)
            if polity is not None:
                return polity.roles.get(role.key)
        return None

    def _local_official(self, head: Token) -> Actor | None:
        """ "Drones hit Sumy overnight. The city's mayor said …": a local office named without its
        place ("the mayor", "the region's governor") belongs to the city or region named last
        before it in its paragraph, unless that place is said to be occupied."""
        role = self.registry.role_nouns.get(head.lower_)
        if role is None or role.key != _GOVERNMENT_ROLE:
            return None
        if head.lower_ not in self.registry.local_offices or not any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in head.children
        ):
            return None
        start = self.quotations.paragraph(head.idx)[0]
        doc = self.doc
        for k in range(head.i - 1, -1, -1):
            if doc[k].idx < start:
                break
            for first in (k - 1, k):
                words = doc[max(first, 0) : k + 1]
                entry = self.registry.entries.get(words.text)
                if entry is None or entry.polity is None or entry.polity.rank != 0:
                    continue
                if first > 0 and doc[first - 1].lemma_.lower() == "occupy":
                    return None
                return entry.polity.roles.get(role.key)
        return None

    def _polity_in(self, words: list[Token]) -> Polity | None:
        """The one polity the words name ("Ukraine's Chernihiv region": Ukraine and Chernihiv,
        both Ukraine's), the higher-ranked of two; None when two of one rank disagree."""
        found: list[Polity] = []
        for size in range(_PLACE_WORDS, 0, -1):
            for first in range(len(words) - size + 1):
                text = " ".join(w.text for w in words[first : first + size])
                entry = self.registry.entries.get(text)
                if entry is not None and entry.polity is not None:
                    found.append(entry.polity)
        if not found:
            return None
        top = max(p.rank for p in found)
        best = [p for p in found if p.rank == top]
        if len({p.roles.get(_GOVERNMENT_ROLE) for p in best}) > 1:
            return None
        return best[0]

    def unnamed_source(self, head: Token) -> bool:
        """ "Insiders said", "a senior insider said": a source no word ties to anyone."""
        role = self.registry.role_nouns.get(head.lower_)
        return role is not None and role.key == _SOURCES_ROLE and role.form != "mention"

    def unparsed_speaker(self, verb: Token) -> tuple[int, int] | None:
        """A reporting verb the parse left without a subject, at an edge of its sentence, next to
        a bare noun phrase: the phrase after it ("…, said WHO chief Dr Tedros.", cut before ",
        who …") or the phrase between a comma and it ("…, an adviser to the president said.")."""
        doc, sentence = self.doc, verb.sent
        end = sentence.end
        while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        before = doc[verb.i - 1] if verb.i > sentence.start else None
        if before is not None and before.text in _BEFORE_INVERTED and end > verb.i + 1:
            last = next(
                (t.i - 1 for t in doc[verb.i + 1 : end] if t.text in _RELATIVE_WORDS), end - 1
            )
            while last > verb.i and doc[last].is_punct:
                last -= 1
            if self._bare_phrase(verb.i + 1, last):
                return verb.i + 1, last
        if end == verb.i + 1 and before is not None:
            first = verb.i - 1
            while first > sentence.start and doc[first - 1].text not in _PHRASE_OPENERS:
                first -= 1
            if first > sentence.start and self._bare_phrase(first, verb.i - 1):
                return first, verb.i - 1
        if before is not None and before.text == ",":
            return self._described_speaker(verb)
        return None

    def _described_speaker(self, verb: Token) -> tuple[int, int] | None:
        """ "…, Qatar, which has mediated before, said …": a speaker the parse lost to the
        relative clause right before the verb — the noun phrase before that clause's comma."""
        doc, start = self.doc, verb.sent.start
        relative = next(
            (
                t
                for t in reversed(doc[start : verb.i - 1])
                if t.lower_ in _RELATIVE_WORDS and t.lower_ != "that"
            ),
            None,
        )
        if relative is None or relative.i - 2 <= start or doc[relative.i - 1].text != ",":
            return None
        last = relative.i - 2
        first = last
        while first > start and doc[first - 1].text not in _PHRASE_OPENERS:
            first -= 1
        named = Span(doc[first].idx, end_of(doc[last]))
        if self._bare_phrase(first, last) and (
            self.actor_within(named) or self.speaking_place(named)
        ):
            return first, last
        return None

    def _bare_phrase(self, first: int, last: int) -> bool:
        """Whether tokens `first..last` are a short noun phrase outside quotation marks."""
        words = self.doc[first : last + 1]
        return (
            0 < len(words) <= _MAX_UNPARSED_SPEAKER
            and all(self.quotations.quote_at[t.idx] < 0 for t in words)
            and all(t.pos_ in _PHRASE_POS or (t.is_upper and t.is_alpha) for t in words)
            and any(t.pos_ in ("NOUN", "PROPN") for t in words)
            and words[0].pos_ != "ADP"
        )

    def speaking_place(self, named: Span) -> Actor | None:
        """The actor a place that speaks stands for ("Qatar … said"): a speaker's metonym acts,
        whether or not the parse let the mention finder see it as the verb's subject."""
        entry = self.registry.entries.get(named.of(self.text))
        return entry.metonym_of if entry is not None else None

    def actor_within(self, span: Span) -> Actor | None:
        """The actor of the mentions inside a span: a person's before an organisation's."""
        inside = [
            m
            for m in self.mention_at.starting_within(span.start, span.end)
            if m.span.end <= span.end
        ]
        people = [m for m in inside if m.role == "person"]
        if inside:
            return min(people or inside, key=lambda m: m.span.start).actor
        links = iter(self.coreference_at.starting_within(span.start, span.end))
        return next((c.actor for c in links if c.actor is not None), None)

    def we(self, position: int) -> Actor | None:
        """Who "we" is at `position`: the group the last "We, the …" before it named."""
        named = [actor for start, actor in self._groups if start < position]
        return named[-1] if named else None

    @functools.cached_property
    def _groups(self) -> list[tuple[int, Actor]]:
        """ "We, the Participants in the Crimea Platform, …": a joint statement naming its
        signatories, who are its "we" from there on — a registered actor named in the phrase,
        else, when the phrase's head is one of `joint_speakers` ("participants", "leaders"), the
        group itself on the side of groups of states."""
        found: list[tuple[int, Actor]] = []
        for match in _WE_APPOSITION.finditer(self.text):
            start, end = match.span(1)
            inside = [
                m
                for m in self.mention_at.starting_within(start, end)
                if m.span.end <= end and m.role != "metonym"
            ]
            if inside:
                found.append((match.start(), inside[0].actor))
                continue
            words = re.split(r"\s+(?:of|in|at|for|from|to)\s+", match.group(1), maxsplit=1)[0]
            head = words.split()[-1].casefold()
            if (
                head in self.lexicon.joint_speakers
                or head.rstrip("s") in self.lexicon.joint_speakers
            ):
                name = match.group(1)
                slug = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")
                group = Actor(
                    f"{_GROUP_SIDE}.group{PERSON_SEPARATOR}{slug}"[:_ID_LENGTH],
                    name[0].upper() + name[1:],
                    _GROUP_SIDE,
                    _GROUP_KIND,
                    0,
                )
                found.append((match.start(), group))
        return found

    def is_document(self, head: Token, *, definite: bool = True) -> bool:
        """ "the statement", "this report", "its resolution": a document already spoken of (any
        document, "a statement", when not `definite`)."""
        if definite and not any(
            c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in head.children
        ):
            return False
        return head.pos_ == "NOUN" and head.lemma_.lower() in self.lexicon.document_nouns

    def personal(self, actor: Actor | None, head: Token | None, span: Span | None) -> Actor | None:
        """The speaker as the person who speaks, when the source names one or refers back to one
        ("he" → Jens Stoltenberg): `speaking_person` of the actor they speak for."""
        if actor is None:
            return None
        person = self._person(head, span, actor)
        return speaking_person(actor, person) if person else actor

    def _person(self, head: Token | None, span: Span | None, actor: Actor) -> str | None:
        """The person a source's head is or refers back to, else the first person named in its
        phrase ("Russia's foreign minister, Sergei Lavrov"), of `actor` only."""
        if head is not None:
            mention = self.mention_of(head)
            if mention is None:
                mention = self._antecedent_person(head.idx, end_of(head))
            if mention is not None and mention.person and mention.actor.id == actor.id:
                return mention.person
            title = mention.span if mention is not None else self._antecedent(head)
            name = self._introduced_name(title) if title is not None else None
            if name is not None:
                return name
        if span is not None:
            for mention in self.mention_at.starting_within(span.start, span.end):
                inside = mention.span.end <= span.end
                if inside and mention.person and mention.actor.id == actor.id:
                    return mention.person
        return None

    def _antecedent(self, head: Token) -> Span | None:
        """Where the coreference chain from `head` ends ("he" → "the commander")."""
        start, end = head.idx, end_of(head)
        found = None
        for _ in range(_CHAIN_STEPS):
            link = next(
                (c for c in self.coreference_at.holding(start) if end <= c.span.end),
                None,
            )
            if link is None:
                break
            found = link.antecedent
            start, end = found.start, found.end
        return found

    def _introduced_name(self, title: Span) -> str | None:
        """The name a nameless title was introduced with (`coref`: "Lithuania's ambassador …
        Andris Kalnins said"): a registered person's, else the words of the name. The same
        title elsewhere in the article ("the Georgian commander") is the same person."""
        words = title.of(self.text).casefold()
        same = {title, *self.titles.get(words, ())}
        links = [link for span in same for link in self.coreferences_to.get(span, ())]
        for link in sorted(links, key=lambda c: (c.span.start, c.span.end)):
            if link.span == title:
                continue
            named = next(
                (
                    m
                    for m in self.mention_at.holding(link.span.start)
                    if m.span == link.span and m.person
                ),
                None,
            )
            if named is not None:
                return named.person
            words = link.span.of(self.text)
            if " " in words and words[:1].isupper():
                return words
        return None

    def _antecedent_person(self, start: int, end: int) -> ActorMention | None:
        """The person mention a coreference at `start..end` leads to, through a chain of
        coreferences ("he" → "the president" → Biden)."""
        for _ in range(_CHAIN_STEPS):
            link = next(
                (c for c in self.coreference_at.holding(start) if end <= c.span.end),
                None,
            )
            if link is None:
                return None
            start, end = link.antecedent.start, link.antecedent.end
            people = (m for m in self.mention_at.overlapping(Span(start, end)) if m.person)
            found = next(people, None)
            if found is not None:
                return found
        return None


def speaking_person(actor: Actor, person: str) -> Actor:
    """An actor as one of its people speaking: the person's name, the actor's side, kind and ACLED
    code; the id is the actor's and the person's, the actor's first, so that `claims.sources`
    files the person under the actor's family."""
    slug = re.sub(r"[^a-z0-9]+", "_", person.casefold()).strip("_")
    return Actor(
        f"{actor.id}{PERSON_SEPARATOR}{slug}"[:_ID_LENGTH],
        person,
        actor.side,
        actor.kind,
        actor.inter,
    )
