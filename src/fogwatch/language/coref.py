"""Coreference for claim sources: pronouns, surnames and titles that point back to an actor mention.

Rule-based over the parse and deliberately conservative — a claim with no source is better than a
claim pinned on the wrong side:

- a surname repeated alone ("Syrskyi said") links to the person's fuller earlier mention;
- "he"/"she" as the subject of a reporting verb links to the most recent person mention of a
  compatible gender in the nearest of the same and two previous sentences that has one, unless two
  different people are mentioned there (then it stays unresolved);
- "he said" inside an interrupted quote ("The situation there, he said, remains difficult") links
  to the last person mentioned in the paragraph;
- "it" as the subject of a reporting verb links to the one organisation that was the subject of
  the same or the previous sentence ("The ministry said … It claimed …");
- "they" as a subject links to the most recent group ("Russian troops", "officials") in the same
  or previous sentence, unless two different groups compete there;
- "the general", "the ministry", "the Kremlin spokesman" link to the most recent mention, in the
  last five sentences, of a person or organisation that bears the title;
- "one soldier", "an official" speaking right after "Russian soldiers", "Ukrainian officials" in
  the same or the previous sentence is one of them;
- a speaker is kept across paragraphs while nobody else speaks: a "he"/"she" with no candidate in
  its window, or "the ministry" with none in the last five sentences, links to the last person or
  organisation that spoke (the subject of a reporting verb) in the last twelve sentences, when no
  other person (or nothing else bearing the title) has been mentioned since;
- "the president" resolved to Biden stands for Biden as a "he" antecedent; an unregistered
  one-word name blocks "he" only when it speaks (the tagger's one-word PERSON is often a place);
- a person introduced by a title without a name ("Latvia's ambassador returned … Andris
  Kalnins said") is the next full name that speaks or stands in apposition, when no other
  person comes between: an unregistered name and its later surname take the title's actor, a
  registered person of the title's actor names the title;
- a title serving in an armed unit ("a Georgian officer in the International Legion") speaks
  for the unit, and so does the same title elsewhere in the article (`serving`);
- "the commander" beyond the title window is the article's one commander when every earlier
  bearer of the title is of one actor and one of them spoke;
- a call sign or nickname given to a person ("he is nicknamed “Bison”") stands for them later.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fogwatch.language.actor_registry import Registry, load_registry
from fogwatch.language.nlp import entities_of, entities_within, text_of, tokens_of
from fogwatch.language.quotes import quotation_ranges
from fogwatch.records import Actor, ActorMention, Coreference, Span
from fogwatch.spanindex import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PRONOUN_GENDER = {"he": "male", "she": "female"}
# Actor mentions that name an organisation "it" can stand for ("the ministry … It said").
_ORGANISATION_ROLES = frozenset({"mention", "metonym"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_PERSON_WINDOW = 2  # previous sentences searched for a "he"/"she" antecedent
_TITLE_WINDOW = 5  # previous sentences searched for a "the general" antecedent
_SPEAKER_WINDOW = 12  # previous sentences searched for the last speaker when no one else spoke
_CONTEXT_TOKENS = 4  # title words read before a mention ("Russian diplomat" before a name)
_STOP_POS = frozenset({"PUNCT", "VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PRON", "DET"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})
_OPENING_QUOTES = {"“": "”", "«": "»"}
_ONE_OF = frozenset({"one", "a", "an", "another"})  # "one soldier" of "Russian soldiers"
_LINE_BREAK = re.compile("\n")
_SERVES_IN = frozenset({"in", "of", "with", "from"})
# A call sign or nickname: "nicknamed “Bison”", "with the call sign 'Tsar'", "known as “Bear”".
_CALL_SIGN = re.compile(
    r"\b(?:dubbed|nicknamed|known as|call ?sign|nom de guerre)\s+[\"“‘']([A-Z][\w’'-]{1,20})[\"”’']"
)
_ARMED_KINDS = frozenset({"military unit", "state forces", "PMC/militia"})


def resolve(doc: Doc, mentions: Sequence[ActorMention]) -> list[Coreference]:
    """Pronouns, surnames and titles that refer back to an actor mention; unresolved beats wrong."""
    if not mentions:
        return []
    article = _Article(doc, serving(doc, mentions), load_registry())
    described = article.descriptions()
    introduced = article.introductions()
    links = article.surnames() + article.pronouns(described) + described + article.partitives()
    links += introduced + article.call_signs(links)
    return sorted(links, key=lambda link: (link.span.start, link.span.end))


def serving(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """The mentions with a title's unit in place of its nationality: "a Georgian officer in the
    International Legion" speaks for the legion (Ukraine's), not for Georgia — the
    armed unit a title's "in", "of" or "with" phrase names is whom the person serves."""
    text = text_of(doc)
    at = SpanIndex(mentions, lambda m: m.span)
    units: dict[tuple[str, str], Actor] = {}
    titles = [m for m in mentions if m.role == "person" and m.person is None]
    for mention in titles:
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for preposition in span[-1].children:
            if preposition.dep_ != "prep" or preposition.lower_ not in _SERVES_IN:
                continue
            for target in preposition.children:
                unit = next(
                    (
                        m
                        for m in at.holding(target.idx)
                        if m.actor.kind in _ARMED_KINDS and m.actor.side != mention.actor.side
                    ),
                    None,
                )
                if target.dep_ == "pobj" and unit is not None:
                    units.setdefault(_title_key(text, mention), unit.actor)
    # the same title elsewhere in the article ("the Georgian officer") is the same person
    return [
        dataclasses.replace(m, actor=units[_title_key(text, m)])
        if m.role == "person" and m.person is None and _title_key(text, m) in units
        else m
        for m in mentions
    ]


def _title_key(text: str, mention: ActorMention) -> tuple[str, str]:
    return mention.span.of(text).casefold(), mention.actor.id


@dataclass(frozen=True)
class _Referent:
    """A mention placed in the article: where it starts, its sentence, and who it is."""

    start: int
    end: int
    sentence: int
    paragraph: int
    key: str
    gender: str | None
    subject: bool
    mention: ActorMention
    speaks: bool = False
    """The subject of a reporting verb: "Radakin said", "He warned"."""


class _Article:
    def __init__(self, doc: Doc, mentions: list[ActorMention], registry: Registry) -> None:
        self.doc = doc
        self.tokens = tokens_of(doc)
        """The doc's tokens, made once: indexing a Doc builds a new Token every time."""
        self.registry = registry
        self.text = text_of(doc)
        from spacy.attrs import SENT_START  # here: `import fogwatch` should not load spaCy

        starts = doc.to_array(SENT_START).tolist()
        self.sentence_starts = [i for i, start in enumerate(starts) if start == 1] or [0]
        self.line_breaks = [match.start() for match in _LINE_BREAK.finditer(self.text)]
        placed = (self._referent(mention) for mention in mentions)
        self.referents: list[_Referent] = [r for r in placed if r is not None]
        self.taken = bytearray(len(doc))
        for referent in self.referents:
            self.taken[referent.start : referent.end] = b"\x01" * (referent.end - referent.start)
        self.quotes = quotation_ranges(self.text, _OPENING_QUOTES)
        self._blockers: dict[str, list[int]] = {}
        self.described = bytearray(len(doc))  # tokens of resolved "the president" descriptions
        self.titled: list[_Referent] = []  # resolved "the commander"s, as later antecedents

    def _referent(self, mention: ActorMention) -> _Referent | None:
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        person = self.registry.people.get(mention.person or "")
        key = mention.person or f"{mention.actor.id}@{mention.span.start}"
        root = span.root
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        return _Referent(
            start=span.start,
            end=span.end,
            sentence=self._sentence(span.start),
            paragraph=self._paragraph(span.start_char),
            key=key,
            gender=person.gender if person else None,
            subject=root.dep_ in _SUBJECT,
            mention=mention,
            speaks=self._speaks(root),
        )

    def _speaks(self, token: Token) -> bool:
        return token.dep_ in _SUBJECT and token.head.lemma_.lower() in self.registry.reporting_verbs

    def _sentence(self, token_index: int) -> int:
        return bisect.bisect_right(self.sentence_starts, token_index) - 1

    def _paragraph(self, char_index: int) -> int:
        return bisect.bisect_right(self.line_breaks, char_index)

    def _span(self, start: int, end: int) -> Span:
        first, last = self.tokens[start], self.tokens[end - 1]
        return Span(first.idx, last.idx + len(last.text))

    # ── surnames ──

    def surnames(self) -> list[Coreference]:
        """ "Syrskyi said" after "Gen. Oleksandr Syrskyi": the short form points to the long one."""
        links = []
        for index, referent in enumerate(self.referents):
            mention = referent.mention
            if mention.person is None or mention.role != "person":
                continue
            length = referent.end - referent.start
            fuller = [
                earlier
                for earlier in self.referents[:index]
                if earlier.mention.person == mention.person and earlier.end - earlier.start > length
            ]
            if fuller:
                antecedent = fuller[-1].mention
                links.append(Coreference(mention.span, antecedent.span, antecedent.actor))
        return links

    # ── pronouns ──

    def pronouns(self, described: list[Coreference]) -> list[Coreference]:
        """ "he"/"she"/"it" as the subject of a reporting verb, and "they" as any subject.

        `described` are the resolved "the ministry" links: an organisation "it" may point at.
        """
        matcher = self.registry.matcher(self.doc.vocab, "pronouns", _pronoun_patterns, "LOWER")
        people = [r for r in self.referents if r.mention.role == "person"]
        people += self._described_people(described)
        people.sort(key=lambda r: r.start)
        for link in described:
            span = self.doc.char_span(link.span.start, link.span.end, alignment_mode="expand")
            if span is not None:
                self.described[span.start : span.end] = b"\x01" * len(span)
        groups = [r for r in self.referents if r.mention.role == "group"]
        organisations = self._organisations(described)
        links = []
        for _, index, _ in matcher(self.doc):
            token = self.tokens[index]
            if token.dep_ not in _SUBJECT:
                continue
            reporting = token.head.lemma_.lower() in self.registry.reporting_verbs
            if token.lower_ == "they":
                antecedent = self._group_for(index, groups)
            elif token.lower_ == "it":
                antecedent = self._organisation_for(index, organisations) if reporting else None
            elif reporting:
                antecedent = self._person_for(token, people)
                if antecedent is not None:
                    people.append(self._as_pronoun(token, antecedent))
            else:
                antecedent = None
            if antecedent is not None:
                mention = antecedent.mention
                links.append(Coreference(self._span(index, index + 1), mention.span, mention.actor))
        return links

    def _person_for(self, pronoun: Token, people: list[_Referent]) -> _Referent | None:
        gender = _PRONOUN_GENDER[pronoun.lower_]
        sentence = self._sentence(pronoun.i)
        quote = self._quote_of(pronoun.idx)
        before = [
            p
            for p in people
            if p.start < pronoun.i
            and p.gender in (None, gender)
            and (p.sentence < sentence or p.subject)  # "the plan of its leader, Putin, who he said"
            and self._quote_of(self.tokens[p.start].idx)
            in (None, quote)  # quoted words never speak
        ]
        if self._interrupts_quote(pronoun):
            paragraph = self._paragraph(pronoun.idx)
            in_paragraph = [p for p in before if p.paragraph == paragraph]
            if in_paragraph:
                latest = max(in_paragraph, key=lambda p: p.start)
                return None if self._blocked("person", latest, pronoun.i) else latest
        chosen = self._nearest_single(pronoun.i, before, _PERSON_WINDOW)
        if chosen is None and not any(p.sentence >= sentence - _PERSON_WINDOW for p in before):
            chosen = self._last_speaker(sentence, before)
        return None if chosen is None or self._blocked("person", chosen, pronoun.i) else chosen

    @staticmethod
    def _last_speaker(sentence: int, before: list[_Referent]) -> _Referent | None:
        """The last person who spoke in the speaker window, if no other person was mentioned
        after them: the speaker goes on across paragraphs while nobody else speaks."""
        recent = [p for p in before if p.sentence >= sentence - _SPEAKER_WINDOW]
        speakers = [p for p in recent if p.speaks]
        if not speakers:
            return None
        latest = max(speakers, key=lambda p: p.start)
        later = {p.key for p in recent if p.start >= latest.start}
        return latest if later == {latest.key} else None

    def _described_people(self, described: list[Coreference]) -> list[_Referent]:
        """ "the president" resolved to Biden stands for Biden where it is ("But the president
        did not predict … “…,” he said")."""
        people = {r.mention.span: r for r in self.referents if r.mention.role == "person"}
        found = []
        for link in described:
            antecedent = people.get(link.antecedent)
            span = self.doc.char_span(link.span.start, link.span.end, alignment_mode="expand")
            if antecedent is None or span is None or not len(span):
                continue
            found.append(
                dataclasses.replace(
                    antecedent,
                    start=span.start,
                    end=span.end,
                    sentence=self._sentence(span.start),
                    paragraph=self._paragraph(span.start_char),
                    subject=span.root.dep_ in _SUBJECT,
                    speaks=self._speaks(span.root),
                )
            )
        return found

    def _organisations(self, described: list[Coreference]) -> list[_Referent]:
        """Organisation mentions and resolved descriptions, one key per actor."""
        found = []
        for mention in (
            *(m.mention for m in self.referents if m.mention.role in _ORGANISATION_ROLES),
            *(ActorMention(link.span, link.actor) for link in described if link.actor),
        ):
            referent = self._referent(mention)
            if referent is not None and mention.person is None:
                found.append(dataclasses.replace(referent, key=mention.actor.id))
        return sorted(found, key=lambda r: r.start)

    def _organisation_for(self, index: int, organisations: list[_Referent]) -> _Referent | None:
        """ "It said …": the one organisation that was the subject in this or the last sentence."""
        if self._quote_of(self.tokens[index].idx) is not None:
            return None
        sentence = self._sentence(index)
        before = [
            o for o in organisations if o.start < index and sentence - 1 <= o.sentence <= sentence
        ]
        subjects = [o for o in before if o.subject]
        return self._nearest_single(index, subjects or before, 1)

    def _group_for(self, index: int, groups: list[_Referent]) -> _Referent | None:
        quote = self._quote_of(self.tokens[index].idx)
        before = [
            g
            for g in groups
            if g.start < index and self._quote_of(self.tokens[g.start].idx) == quote
        ]
        chosen = self._nearest_single(index, before, 1)
        return None if chosen is None or self._blocked("group", chosen, index) else chosen

    def _nearest_single(
        self, index: int, candidates: list[_Referent], window: int
    ) -> _Referent | None:
        """The latest candidate of the nearest sentence that has any, if they are all one referent.

        An unnamed office ("Ukraine's president") and a named person of the same actor in one
        sentence are one referent: "Ukraine's president, Volodymyr Zelenskyy, said".
        """
        sentence = self._sentence(index)
        for nearest in range(sentence, sentence - window - 1, -1):
            here = [c for c in candidates if c.sentence == nearest]
            if not here:
                continue
            named = [c for c in here if c.mention.person is not None]
            named_actors = {c.mention.actor.id for c in named}
            keys = {c.key for c in named}
            keys |= {
                c.key
                for c in here
                if c.mention.person is None and c.mention.actor.id not in named_actors
            }
            if len(keys) != 1:
                return None
            return max(named or here, key=lambda c: c.start)
        return None

    def _blocked(self, kind: str, antecedent: _Referent, index: int) -> bool:
        """Someone the registry does not know stands between the antecedent and the pronoun."""
        blockers = self._blockers.get(kind)
        if blockers is None:
            blockers = self._blockers[kind] = self._find_blockers(kind)
        position = bisect.bisect_right(blockers, antecedent.end - 1)
        return position < len(blockers) and blockers[position] < index

    def _find_blockers(self, kind: str) -> list[int]:
        """Token positions of unregistered people (for "he"/"she") or plural nouns (for "they")."""
        doc, taken, described = self.doc, self.taken, self.described
        if kind == "person":
            # a one-word PERSON the tagger finds is as often a place ("worse than Bucha") or a
            # common noun ("Newsletters may contain"): it blocks only when it speaks
            reporting = self.registry.reporting_verbs
            found = [
                ent.start
                for ent in entities_of(doc)
                if ent.label_ == "PERSON"
                and not any(taken[ent.start : ent.end])
                and ent.text not in self.registry.entries  # "Kyiv" tagged PERSON is still a place
                and (
                    len(ent) > 1
                    or (ent.root.dep_ in _SUBJECT and ent.root.head.lemma_.lower() in reporting)
                )
            ]
            person_nouns = {
                noun for noun, role in self.registry.role_nouns.items() if role.form == "person"
            }
            found += [
                token.i
                for token in tokens_of(doc)
                if token.dep_ in _SUBJECT
                and not taken[token.i]
                and not described[token.i]
                and token.lower_ in person_nouns
                and token.head.lemma_.lower() in self.registry.reporting_verbs
            ]
            return sorted(found)
        return [
            token.i
            for token in tokens_of(doc)
            if token.tag_ in _PLURAL_TAGS and token.dep_ in _ARGUMENT_DEPS and not taken[token.i]
        ]

    def _quote_of(self, char_index: int) -> int | None:
        """The index of the quotation that holds this character, if any."""
        position = bisect.bisect_right(self.quotes, (char_index, len(self.text))) - 1
        if position >= 0 and self.quotes[position][0] <= char_index < self.quotes[position][1]:
            return position
        return None

    def _interrupts_quote(self, pronoun: Token) -> bool:
        """ "The situation there, he said, remains difficult": the reporting clause sits inside."""
        verb = pronoun.head
        if verb.dep_ == "parataxis":
            return True
        doc = self.doc
        opened = pronoun.i > 0 and doc[pronoun.i - 1].text == ","
        return opened and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","

    def _as_pronoun(self, pronoun: Token, antecedent: _Referent) -> _Referent:
        """A resolved pronoun stands for its antecedent in later sentences ("He added …")."""
        return _Referent(
            start=pronoun.i,
            end=pronoun.i + 1,
            sentence=self._sentence(pronoun.i),
            paragraph=self._paragraph(pronoun.idx),
            key=antecedent.key,
            gender=antecedent.gender,
            subject=True,
            mention=antecedent.mention,
            speaks=self._speaks(pronoun),
        )

    # ── titles ──

    def descriptions(self) -> list[Coreference]:
        """ "the general", "the ministry", and role phrases such as "the Kremlin spokesman"."""
        links = []
        for start, end, title in self._bare_titles():
            antecedent = self._titled(start, title, named_only=False, actor_id=None)
            if antecedent is not None:
                mention = antecedent.mention
                links.append(Coreference(self._span(start, end), mention.span, mention.actor))
                # "the commander noted …" stands for its antecedent to a later "the commander"
                self.titled.append(
                    dataclasses.replace(
                        antecedent,
                        start=start,
                        end=end,
                        sentence=self._sentence(start),
                        speaks=self._speaks(self.tokens[end - 1]),
                    )
                )
        for referent in self.referents:
            mention = referent.mention
            definite = referent.start > 0 and self.tokens[referent.start - 1].lower_ == "the"
            following = self.tokens[referent.end] if referent.end < len(self.doc) else None
            if mention.role != "person" or mention.person is not None or not definite:
                continue
            if following is not None and _introduces(following):
                continue
            title = self.tokens[referent.end - 1].lower_
            antecedent = self._titled(
                referent.start, title, named_only=True, actor_id=mention.actor.id
            )
            if antecedent is not None:
                links.append(Coreference(mention.span, antecedent.mention.span, mention.actor))
        return links

    def introductions(self) -> list[Coreference]:
        """ "Latvia's ambassador returned to Kyiv. Andris Kalnins said …": a person
        introduced by a title without a name — a title mention in the sentence before, or one
        the name stands in apposition to — is the next full name that speaks, when no other
        person is mentioned between them. A name the registry does not know takes the title's
        actor, and so does its surname alone later ("Kalnins added"); a registered person of
        the title's actor ("Ukraine's top commander warned … Gen. Oleksandr Syrskyi
        said") names the title."""
        doc = self.doc
        people = [r for r in self.referents if r.mention.role == "person"]
        links: list[Coreference] = []
        for named in people:
            if named.mention.person is None or not named.speaks:
                continue
            title = self._title_before(named.start, people)
            if title is not None and named.mention.actor.id == title.mention.actor.id:
                links.append(
                    Coreference(named.mention.span, title.mention.span, named.mention.actor)
                )
        for ent in entities_of(doc):
            root = ent.root
            if ent.label_ != "PERSON" or len(ent) < 2 or any(self.taken[ent.start : ent.end]):
                continue
            if root.dep_ != "appos" and not self._speaks(root):
                continue
            title = self._title_before(ent.start, people)
            if title is not None:
                span = self._span(ent.start, ent.end)
                links.append(Coreference(span, title.mention.span, title.mention.actor))
                links += self._repeats(ent, title)
        return links

    def call_signs(self, links: list[Coreference]) -> list[Coreference]:
        """ "He is nicknamed “Bison” … Bison said": a call sign or nickname given to a
        person who is named, or referred to by a resolved pronoun, in the same clause stands
        for that person wherever it appears later outside quotation marks."""
        found: list[Coreference] = []
        for match in _CALL_SIGN.finditer(self.text):
            name_start = match.start(1)
            token = next((t for t in self.doc if t.idx == name_start), None)
            if token is None:
                continue
            sentence = token.sent
            subjects = [t for t in sentence if t.dep_ in _SUBJECT and t.i < token.i]
            if not subjects:
                continue
            start, end = subjects[-1].idx, subjects[-1].idx + len(subjects[-1].text)
            antecedent = next(
                (
                    r.mention
                    for r in self.referents
                    if r.mention.span.start <= start and end <= r.mention.span.end
                ),
                None,
            ) or next((c for c in links if c.span.start <= start and end <= c.span.end), None)
            if antecedent is None and subjects[-1].lower_ in _PRONOUN_GENDER:
                people = [r for r in self.referents if r.mention.role == "person"]
                person = self._person_for(subjects[-1], people)
                antecedent = person.mention if person is not None else None
            if antecedent is None or antecedent.actor is None:
                continue
            target = (
                antecedent.span if isinstance(antecedent, ActorMention) else antecedent.antecedent
            )
            name = match.group(1)
            found += [
                Coreference(self._span(t.i, t.i + 1), target, antecedent.actor)
                for t in self.doc[sentence.end :]
                if t.text == name and self._quote_of(t.idx) is None and not self.taken[t.i]
            ]
        return found

    def _title_before(self, index: int, people: list[_Referent]) -> _Referent | None:
        """The one nameless title mention that a name at `index` may be introduced by: in the
        same or the previous sentence, with no person mentioned between."""
        sentence = self._sentence(index)
        before = [r for r in people if r.end <= index and sentence - 1 <= r.sentence]
        if not before or any(r.mention.person is not None for r in before):
            return None
        last = max(before, key=lambda r: r.start)
        between = self.doc[last.end : index]
        if any(e.label_ == "PERSON" and len(e) > 1 for e in entities_within(between)):
            return None
        return last

    def _repeats(self, name: Any, title: _Referent) -> list[Coreference]:
        """The surname of a name that took its title's actor, alone later in the article."""
        surname = name[-1].text
        return [
            Coreference(self._span(t.i, t.i + 1), title.mention.span, title.mention.actor)
            for t in self.doc[name.end :]
            if t.text == surname and not self.taken[t.i]
        ]

    def partitives(self) -> list[Coreference]:
        """ "Russian soldiers complained … One soldier claimed": an indefinite role noun that
        speaks is one of the group of the same noun named in this or the previous sentence."""
        registry = self.registry
        groups = [r for r in self.referents if r.mention.role == "group"]
        links = []
        for token in tokens_of(self.doc):
            if (
                token.dep_ not in _SUBJECT
                or self.taken[token.i]
                or token.head.lemma_.lower() not in registry.reporting_verbs
                or token.lower_ not in registry.role_nouns
                or not any(c.lower_ in _ONE_OF for c in token.children if c.i < token.i)
            ):
                continue
            sentence = self._sentence(token.i)
            same = [
                g
                for g in groups
                if g.start < token.i
                and sentence - 1 <= g.sentence <= sentence
                and self.tokens[g.end - 1].lemma_.lower() == token.lemma_.lower()
            ]
            if len({g.mention.actor.id for g in same}) != 1:
                continue
            antecedent = max(same, key=lambda g: g.start).mention
            span = self._span(token.left_edge.i, token.i + 1)
            links.append(Coreference(span, antecedent.span, antecedent.actor))
        return links

    def _bare_titles(self) -> list[tuple[int, int, str]]:
        """ "the <title>" outside any mention, where the title heads its own noun phrase."""
        matcher = self.registry.matcher(self.doc.vocab, "titles", self._title_patterns, "LOWER")
        strings = self.doc.vocab.strings
        found = sorted(
            ((start, end, strings[key]) for key, start, end in matcher(self.doc)),
            key=lambda hit: (hit[0], -(hit[1] - hit[0])),
        )
        titles = []
        next_free = 0
        for start, end, title in found:
            if start < next_free or any(self.taken[start:end]):
                continue
            last = self.tokens[end - 1]
            following = self.tokens[end] if end < len(self.doc) else None
            if last.dep_ in _MODIFIER_DEPS or (following is not None and _introduces(following)):
                continue
            titles.append((start + 1, end, title))
            next_free = end
        return titles

    def _title_patterns(self) -> dict[str, list[str]]:
        registry = self.registry
        titles = {title for person in registry.people.values() for title in person.titles}
        titles |= {
            title for actor_titles in registry.actor_titles.values() for title in actor_titles
        }
        titles |= {noun for noun, role in registry.role_nouns.items() if role.form != "group"}
        return {title: [f"the {title}"] for title in sorted(titles)}

    def _titled(
        self, index: int, title: str, *, named_only: bool, actor_id: str | None
    ) -> _Referent | None:
        """The most recent earlier mention that bears `title`, within the title window; beyond
        it, only a speaker goes on being "the ministry" — the last one of the most recent
        bearer's actor within the speaker window, else, when every earlier bearer is of one
        actor and one of them spoke, the most recent (an article about one commander)."""
        sentence = self._sentence(index)
        head = title.split()[-1]
        bearers = []
        for referent in sorted([*self.referents, *self.titled], key=lambda r: -r.start):
            mention = referent.mention
            if referent.start >= index or (named_only and mention.person is None):
                continue
            if actor_id is not None and mention.actor.id != actor_id:
                continue
            titles = self.registry.titles_of(mention)
            if title in titles or head in titles or head in self._context_words(referent):
                bearers.append(referent)
        if not bearers:
            return None
        actor = bearers[0].mention.actor.id
        for referent in bearers:
            if referent.sentence < sentence - _SPEAKER_WINDOW:
                break
            near = referent.sentence >= sentence - _TITLE_WINDOW
            if referent.mention.actor.id == actor and (near or referent.speaks):
                return referent
        alone = all(r.mention.actor.id == actor for r in bearers)
        return bearers[0] if alone and any(r.speaks for r in bearers) else None

    def _context_words(self, referent: _Referent) -> set[str]:
        """The mention's own words and the title words right before it ("Russian diplomat")."""
        words = {token.lower_ for token in self.tokens[referent.start : referent.end]}
        k = referent.start - 1
        floor = self.sentence_starts[referent.sentence]
        while k >= max(floor, referent.start - _CONTEXT_TOKENS):
            token = self.tokens[k]
            if token.pos_ in _STOP_POS:
                break
            words.add(token.lower_)
            k -= 1
        return words


def _pronoun_patterns() -> dict[str, list[str]]:
    return {word: [word] for word in (*_PRONOUN_GENDER, "they", "it")}


def _introduces(token: Token) -> bool:
    """A title followed by a name or an "of" phrase is not anaphoric ("the head of the agency")."""
    return token.lower_ == "of" or (token.pos_ == "PROPN" and token.text[:1].isupper())
