"""Attribution: who says what, as BBC Citron's {cue, sources, contents}, every part a character span.

One pass over the tokens of a parsed article, left to right, finds the cues of
`data/cue_verbs.yaml` and reads their arguments off the dependency parse:

- indirect speech: "X said Wednesday that …", "X warned that …" → source the subject, content
  the complement clause (without "that");
- direct quotes: "“…,” said Y", "Y said: “…”", and a quote split by its cue ("“A,” he said,
  “B.”") → each quotation is a content span; a following sentence that is only a quotation
  inherits the speaker as a further direct attribution;
- "according to X" → content the rest of the sentence;
- passive and source-less reports: "it was reported that …", "… are believed to …",
  "reportedly" → no source (unless "by X" names one);
- "X's claim that …" → source the possessor;
- observations: "posted video showing …", "footage shows …" → class observe.

Precision over recall: a cue inside a quotation, a negated cue ("did not confirm") and a cue with
nothing to attribute yield nothing, and a source that is not an actor mention or a resolved
coreference keeps `source_actor` None.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING

import yaml

from fogwatch.language.quotes import quotation_ranges
from fogwatch.records import Actor, ActorMention, Coreference, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CUE_FILE = "cue_verbs.yaml"
_OPENING_QUOTES = {"“": "”", "‘": "’", "«": "»"}
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "expl"})
_CLAUSE_PARTS = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod", "prt"})
_CONTENT_DEPS = frozenset({"ccomp"})
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
_DETERMINERS = frozenset({"a", "an", "the"})
_TITLE_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_TRAILING = ",.;: \t\n—–-"
# Before a reporting clause: "“…,” he said"; after it: "he said: “…”" or "he said, “…”".
_GAP_BEFORE = re.compile(r"[\s,—–]*")
_GAP_AFTER = re.compile(r"\s*[,:—–]\s*")
_ONLY_PUNCT = re.compile(r"[\s.,;:!?)\]—–]*")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One act of saying: the cue word, who says it, what is said, and whether it is quoted."""

    cue: Span
    cue_lemma: str
    cue_class: str
    stance: str
    """ "affirm", or "refute" for denials ("denied", "dismissed")."""
    sources: tuple[Span, ...]
    contents: tuple[Span, ...]
    direct: bool
    source_actor: Actor | None
    """The actor of the source, via the actor mentions or coreferences; None when unresolved."""


@dataclass(frozen=True)
class Cue:
    """A cue word's class and stance."""

    lemma: str
    cue_class: str
    stance: str


@dataclass(frozen=True)
class Lexicon:
    """The cue words of `data/cue_verbs.yaml`, by part of speech."""

    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    adverbs: dict[str, Cue]
    phrases: dict[tuple[str, ...], Cue]
    evidence_nouns: frozenset[str]


@functools.cache
def load_lexicon() -> Lexicon:
    """The cue lexicon, read once per process."""
    data = yaml.safe_load(files("fogwatch.data").joinpath(CUE_FILE).read_text(encoding="utf-8"))
    tables: dict[str, dict[str, Cue]] = {"verbs": {}, "nouns": {}, "adverbs": {}, "phrases": {}}
    for cue_class, spec in data["classes"].items():
        stance = spec["stance"]
        if stance not in ("affirm", "refute"):
            raise ValueError(
                f"{CUE_FILE}: class {cue_class} has stance {stance!r} — use affirm or refute"
            )
        for kind, table in tables.items():
            for word in spec.get(kind, []):
                if word in table:
                    raise ValueError(
                        f"{CUE_FILE}: {word!r} is listed twice under {kind} — keep one"
                    )
                table[word] = Cue(word, cue_class, stance)
    return Lexicon(
        verbs=tables["verbs"],
        nouns=tables["nouns"],
        adverbs=tables["adverbs"],
        phrases={tuple(p.split()): cue for p, cue in tables["phrases"].items()},
        evidence_nouns=frozenset(data["evidence_nouns"]),
    )


def find(
    doc: Doc,
    actor_mentions: Sequence[ActorMention] = (),
    coreferences: Sequence[Coreference] = (),
) -> list[Attribution]:
    """Who says what: BBC Citron's {cue, sources, contents} with character offsets."""
    return _Finder(doc, actor_mentions, coreferences).run()


class _Finder:
    def __init__(
        self, doc: Doc, mentions: Sequence[ActorMention], coreferences: Sequence[Coreference]
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = load_lexicon()
        self.mentions = mentions
        self.coreferences = coreferences
        self.quotes = quotation_ranges(self.text, _OPENING_QUOTES)
        self.quote_at = [-1] * len(self.text)
        for n, (start, end) in enumerate(self.quotes):
            self.quote_at[start:end] = [n] * (end - start)
        self.max_phrase = max((len(p) for p in self.lexicon.phrases), default=0)

    def run(self) -> list[Attribution]:
        found: list[Attribution] = []
        for token in self.doc:
            if self.quote_at[token.idx] >= 0:
                continue  # quoted words never speak
            attribution = (
                self._phrase(token) or self._verb(token) or self._noun(token) or self._adverb(token)
            )
            if attribution is not None:
                found.append(attribution)
                found.extend(self._inherited(attribution))
        return sorted(found, key=lambda a: (a.cue.start, a.contents[0].start))

    # ── cue kinds ──

    def _verb(self, token: Token) -> Attribution | None:
        lexicon = self.lexicon
        cue = lexicon.verbs.get(token.lemma_.lower()) or lexicon.verbs.get(_stem(token.lower_))
        if cue is None or any(c.dep_ == "neg" for c in token.children):
            return None
        if cue.cue_class == "observe":
            return self._observation(token, cue)
        if token.pos_ != "VERB":
            return None
        subjects = self._subjects(token)
        quotes = self._adjacent_quotes(token, subjects)
        if quotes:
            contents = tuple(self._quote_content(q) for q in quotes)
            return self._make(token, token, cue, subjects, contents, direct=True)
        passive = [c for c in token.children if c.dep_ in _PASSIVE_SUBJECTS]
        clause = next((c for c in token.children if c.dep_ in _CONTENT_DEPS), None)
        if clause is not None:
            if clause.left_edge.i <= token.i <= clause.right_edge.i:
                return None
            content = self._tokens_span(clause.left_edge.i, clause.right_edge.i)
            if content is None:
                return None
            sources = subjects or self._agents(token)
            return self._make(token, token, cue, sources, (content,), direct=False)
        raised = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if passive and raised is not None and passive[0].lower_ != "it":
            # "Several hundred soldiers are believed to have crossed": the clause is the content.
            content = self._tokens_span(passive[0].left_edge.i, raised.right_edge.i)
            if content is None:
                return None
            return self._make(token, token, cue, self._agents(token), (content,), direct=False)
        return None

    def _observation(self, token: Token, cue: Cue) -> Attribution | None:
        """ "footage shows …" (the footage is the source), "posted video showing …" (the poster)."""
        evidence = self.lexicon.evidence_nouns
        previous = self.doc[token.i - 1] if token.i > 0 else None
        sentence_end = token.sent.end - 1
        end = next(
            (t.i - 1 for t in self.doc[token.i + 1 : sentence_end + 1] if t.text in ",;"),
            sentence_end,
        )
        content = self._tokens_span(token.i + 1, end)
        if content is None:
            return None
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if token.pos_ == "VERB" and subjects and subjects[0].lower_ in evidence:
            return self._make(token, token, cue, subjects, (content,), direct=False)
        if previous is not None and previous.lower_ in evidence and token.lower_.endswith("ing"):
            presenter = previous
            while presenter.dep_ not in ("ROOT",) and presenter.pos_ != "VERB":
                presenter = presenter.head
            subjects = self._subjects(presenter) if presenter.pos_ == "VERB" else []
            return self._make(token, token, cue, subjects, (content,), direct=False)
        return None

    def _noun(self, token: Token) -> Attribution | None:
        """ "Moscow's claim that …": the possessor says the "that" clause."""
        cue = self.lexicon.nouns.get(token.lemma_.lower())
        if cue is None or token.pos_ != "NOUN":
            return None
        clause = next(
            (
                c
                for c in token.children
                if c.dep_ in _NOUN_CLAUSE_DEPS and c.left_edge.lower_ == "that" and c.i > token.i
            ),
            None,
        )
        if clause is None:
            return None
        content = self._tokens_span(clause.left_edge.i, clause.right_edge.i)
        if content is None:
            return None
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return self._make(token, token, cue, owners, (content,), direct=False)

    def _adverb(self, token: Token) -> Attribution | None:
        """ "Several hundred soldiers reportedly broke through": a clause with no source."""
        cue = self.lexicon.adverbs.get(token.lower_)
        if cue is None or token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "AUX"):
            return None
        head = token.head
        content = self._tokens_span(head.left_edge.i, head.right_edge.i)
        if content is None:
            return None
        return self._make(token, token, cue, [], (content,), direct=False)

    def _phrase(self, token: Token) -> Attribution | None:
        """ "according to X": X says the rest of the sentence."""
        if not self.max_phrase:
            return None
        doc = self.doc
        for words, cue in self.lexicon.phrases.items():
            last = token.i + len(words) - 1
            if last >= len(doc) or tuple(t.lower_ for t in doc[token.i : last + 1]) != words:
                continue
            objects = [c for c in doc[last].children if c.dep_ == "pobj"]
            if not objects:
                return None
            source = objects[0]
            sentence = token.sent
            hole_start, hole_end = token.i, source.right_edge.i
            contents = [
                self._tokens_span(sentence.start, hole_start - 1),
                self._tokens_span(hole_end + 1, sentence.end - 1),
            ]
            kept = tuple(c for c in contents if c is not None)
            if not kept:
                return None
            return self._make(token, doc[last], cue, [source], kept, direct=False)
        return None

    # ── arguments ──

    def _subjects(self, verb: Token) -> list[Token]:
        """The verb's subjects and their conjuncts; a conjoined verb shares its head's subject."""
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if not subjects and verb.dep_ == "conj":
            subjects = [c for c in verb.head.children if c.dep_ in _SUBJECTS]
        return [s for subject in subjects for s in (subject, *subject.conjuncts)]

    def _agents(self, verb: Token) -> list[Token]:
        """ "it was reported by Reuters that …": the object of "by"."""
        return [
            obj
            for child in verb.children
            if child.dep_ == "agent"
            for obj in child.children
            if obj.dep_ == "pobj"
        ]

    def _adjacent_quotes(self, verb: Token, subjects: list[Token]) -> list[tuple[int, int]]:
        """Quotations right before and right after the reporting clause ("“…,” he said, “…”")."""
        parts = [verb, *subjects]
        parts += [c for c in verb.children if c.dep_ in _CLAUSE_PARTS]
        parts = [p for p in parts if self.quote_at[p.idx] < 0]
        first = min(t.left_edge.i if t in subjects else t.i for t in parts)
        last = max(t.i for t in parts)
        clause_start, clause_end = self.doc[first].idx, _end(self.doc[last])
        found: list[tuple[int, int]] = []
        before = self._quote_ending_before(clause_start)
        if before is not None:
            found.append(before)
        for start, end in self.quotes:
            if start >= clause_end:
                if _GAP_AFTER.fullmatch(self.text[clause_end:start]):
                    found.append((start, end))
                break
        return found

    def _quote_ending_before(self, position: int) -> tuple[int, int] | None:
        for start, end in reversed(self.quotes):
            if end <= position:
                inner = self.text[start + 1 : end - 1].rstrip()
                gap = self.text[end:position]
                closes = inner.endswith((",", "!", "?", "—")) or "," in gap
                return (start, end) if _GAP_BEFORE.fullmatch(gap) and closes else None
        return None

    def _inherited(self, said: Attribution) -> list[Attribution]:
        """A next sentence that is only a quotation is the same speaker, still speaking."""
        if not said.sources:
            return []
        cue_token = self.doc.char_span(said.cue.start, said.cue.end, alignment_mode="expand")
        if cue_token is None:
            return []
        after = max(cue_token.sent.end_char, *(c.end + 1 for c in said.contents))
        found: list[Attribution] = []
        while True:
            rest = self.text[after:]
            start = after + len(rest) - len(rest.lstrip(" \t"))
            number = self.quote_at[start] if start < len(self.text) else -1
            if number < 0 or self.quotes[number][0] != start:
                return found
            quote_start, quote_end = self.quotes[number]
            last = self.doc.char_span(quote_end - 1, quote_end, alignment_mode="expand")
            if last is None:
                return found
            sentence_end = max(last.sent.end_char, quote_end)
            if not _ONLY_PUNCT.fullmatch(self.text[quote_end:sentence_end]):
                return found
            content = self._quote_content((quote_start, quote_end))
            found.append(
                Attribution(
                    said.cue,
                    said.cue_lemma,
                    said.cue_class,
                    said.stance,
                    said.sources,
                    (content,),
                    True,
                    said.source_actor,
                )
            )
            after = sentence_end

    # ── spans and actors ──

    def _make(
        self,
        first: Token,
        last: Token,
        cue: Cue,
        sources: list[Token],
        contents: tuple[Span, ...],
        *,
        direct: bool,
    ) -> Attribution | None:
        spans = tuple(self._source_span(s) for s in sources)
        cue_span = Span(first.idx, _end(last))
        reach = [cue_span, *spans, *contents]
        if (
            not direct
            and "\n" in self.text[min(r.start for r in reach) : max(r.end for r in reach)]
        ):
            return None  # a clause across a paragraph break is a misparse, not a source
        actors = {self._actor_of(s) for s in sources}
        actor = actors.pop() if len(actors) == 1 else None
        return Attribution(
            cue=cue_span,
            cue_lemma=cue.lemma,
            cue_class=cue.cue_class,
            stance=cue.stance,
            sources=spans,
            contents=contents,
            direct=direct,
            source_actor=actor,
        )

    def _source_span(self, head: Token) -> Span:
        """The source's words up to its head without a determiner ("Russian diplomat X"); when an
        actor mention holds the head, that mention and the title words right before it."""
        mention = self._mention_at(head)
        if mention is None:
            start = head.left_edge.i
            while start < head.i and (
                self.doc[start].lower_ in _DETERMINERS or not self.doc[start].text.strip()
            ):
                start += 1
            return Span(self.doc[start].idx, _end(head))
        start = head.i
        while start > head.left_edge.i and (
            self.doc[start - 1].idx >= mention.span.start or self.doc[start - 1].pos_ in _TITLE_POS
        ):
            start -= 1
        return Span(min(self.doc[start].idx, mention.span.start), max(_end(head), mention.span.end))

    def _mention_at(self, head: Token) -> ActorMention | None:
        start, end = head.idx, _end(head)
        return next((m for m in self.mentions if m.span.start <= start and end <= m.span.end), None)

    def _actor_of(self, head: Token) -> Actor | None:
        mention = self._mention_at(head)
        if mention is not None:
            return mention.actor
        start, end = head.idx, _end(head)
        for link in self.coreferences:
            if link.span.start <= start and end <= link.span.end:
                return link.actor
        return None

    def _tokens_span(self, first: int, last: int) -> Span | None:
        """Tokens `first..last` without a leading "that" or punctuation, or trailing punctuation."""
        doc = self.doc
        while first <= last and (
            doc[first].is_punct or (doc[first].lower_ == "that" and doc[first].dep_ == "mark")
        ):
            first += 1
        while last >= first and doc[last].is_punct:
            last -= 1
        if first > last:
            return None
        return Span(doc[first].idx, _end(doc[last]))

    def _quote_content(self, quote: tuple[int, int]) -> Span:
        """The words inside the quotation marks, without a trailing comma or full stop."""
        start, end = quote[0] + 1, quote[1] - 1
        while end > start and self.text[end - 1] in _TRAILING:
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        return Span(start, end)


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _stem(word: str) -> str:
    """ "showing" → "show": the tagger reads some participles after a noun as nouns."""
    for suffix in ("ing", "s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word
