"""Attribution: who says what, as BBC Citron's {cue, sources, contents}, every part a character span.

One pass over the tokens of a parsed article, left to right, finds the cues of
`data/cue_verbs.yaml` (`claims.cue_lexicon`) and reads their arguments off the dependency parse:

- indirect speech: "X said Wednesday that …", "X warned that …" → source the subject, content
  the complement clause (without "that"); a reporting clause inside or after its content ("The
  situation there, he said, remains …", "The town fell, he said") leaves the content around it;
- other complements, as the lexicon allows each verb: a noun phrase ("Kyiv dismissed Moscow's
  claim", "accused Russia of …"), a to-infinitive ("vowed to retake …"), the object of a
  particle or preposition ("called for talks", "warned of an offensive");
- a participle or a conjoined verb speaks for its head's subject ("…, saying …");
- direct quotes: "“…,” said Y", "Y said: “…”", and a quote split by its cue ("“A,” he said,
  “B.”") → each quotation is a content span; a following sentence that is only a quotation
  inherits the speaker as a further direct attribution (`claims.quotations`);
- transcripts and headlines: a paragraph opening with a speaker's name and a colon ("PESKOV: …");
- "according to X" → content the clause it qualifies;
- a state of mind after "to be": "We are deeply concerned about …" → content the object, the
  cue running from the copula; "it is clear that …" → no source;
- passive and source-less reports: "it was reported that …", "… are believed to …",
  "reportedly" → no source (unless "by X" names one);
- "X's claim that …" → source the possessor; a cue noun after a light verb ("X expressed the
  hope that …", "a resolution expressing concern about …") → the verb's subject, or the issuer of
  the document the participle qualifies ("the ministry issued a statement saying …");
- a quotation that ends a sentence the reporter began ("Allies could still send “artillery
  rounds and radars”, she said") → the content runs from the sentence's start;
- observations: "posted video showing …", "footage shows …", "polls show …" → class observe;
- unquoted words after a colon right after the verb ("He added: We will hold.") → direct.

Attributions that are nobody's claim are found too, with `claimable` False, as PolNeAR (Newell et
al. 2018) annotates them: the attitude classes of the lexicon (`claims: false`: "wants to …",
"backed the bill", "knows that …", "the town seems to have fallen", "Moscow's decision to …"), a
negated report ("did not say whether …", the cue "did not say"), a clause verb's noun-phrase
object ("noted the rise in shelling") or pro-form ("said as much") and a passive report's subject ("the plan was rejected
by the council"). `claims_of` drops them: what users see as claims is unchanged by them.

A source is its whole noun phrase, a leading article included as PolNeAR spans it ("the
ministry", "Gen. Oleksandr Syrskyi, Ukraine's top commander"), conjuncts apart. Contents never cross the cue's paragraph: a parse that runs
over a paragraph break is cut at it. Where the parse gives a reporting verb no subject, a bare
noun phrase next to it is the source ("…, said WHO chief Dr Tedros", "…, an adviser to the
president said", `claims.speakers`), and "X quoted Y as saying" is Y's.

A source's actor is the one its phrase names, and the person who speaks for it, as
`claims.speakers` reads them ("Russia's foreign minister, Sergei Lavrov", "officials in
Ukraine's Chernihiv region", "He added" → Jens Stoltenberg of NATO); of conjoined speakers of two
sides, the first's; "the statement" or "the report" speaks for whoever spoke last in its
paragraph or the two before, and unnamed "insiders" and "sources" for whoever spoke last in
theirs.
Another speaker's report hung on a content as its occasion ("accused X of Y after Minsk said
…") or as a description ("howitzers of the kind that bloggers said …"), or joined on it ("said A
and Democrats accused B"), is that speaker's claim, not part of this one.

A report told inside another's content is part of that content, not an attribution of its own
("the spokesman said the general had told reporters …"): PolNeAR's annotation is univocal, each
word in at most one attribution. A report named as a thing keeps its own ("dismissed Moscow's
claim that …", "published video showing …"). The medium and time of a report ("in a
statement", "on Friday") end a noun-phrase content; the medium right after the verb is part of
the cue ("said in an interview").

`claims_of` turns attributions into claims, one per act of saying: an attribution that is not
`claimable`, a hedge nobody holds and an indirect question are none, "X said he believes …" is one claim, and a participle that borrows
its speaker ("denied X, claiming Y") adds its content to its verb's claim.

Precision over recall: a cue inside a quotation and a cue with nothing to attribute yield
nothing, and a source that is not an actor mention or a resolved
coreference keeps `source_actor` None.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from fogwatch.claims.cue_lexicon import Cue, load_lexicon
from fogwatch.claims.quotations import TRAILING, Quotations, end_of
from fogwatch.claims.sources import PERSON_SEPARATOR
from fogwatch.claims.speakers import Speakers
from fogwatch.language.nlp import text_of, tokens_of
from fogwatch.records import Actor, ActorMention, Coreference, Span
from fogwatch.spanindex import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "expl"})
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
# A verb without a subject of its own speaks for the verb it hangs on: "…, saying …".
_BORROWS_SUBJECT = frozenset({"conj", "advcl", "xcomp"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})
_APART_DEPS = frozenset({"conj", "advcl", "relcl"})
"""The dependencies of a report said apart from a content (`_speaks_apart`, `_aside_report`,
`_joined_report`)."""
# What the verb's own adjuncts say of the act of saying, not of what is said: "on Monday".
_CIRCUMSTANCES = frozenset({"npadvmod", "advmod", "agent"})
_CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"during", "after", "before", "at", "amid", "following", "since", "ahead", "while"}
)
# Prepositions that place a report in its medium or time: "in a statement", "on Friday".
_OCCASION_PREPOSITIONS = frozenset({"in", "on", "at", "during", "via", "through"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
# On a noun, only these name a medium: "the annexation in a speech", not "violence at a rally".
_MEDIUM_PREPOSITIONS = frozenset({"in", "on", "via", "through"})
# Dashes that open an aside ("… as a suburb — a metaphor for …"), or enclose one in pairs.
_DASHES = frozenset({"—", "–", "--", "―"})
# What follows a complement without being part of it: "…, adding …", "… and left".
_NOT_COMPLEMENT = frozenset({"advcl", "conj", "cc", "punct", "parataxis", "mark", "ccomp"})
_SPEAKER_LABEL_WORDS = 4
_SPEAKER_LABEL_MIN_CONTENT = 3
# A signature after a quotation, to the end of its line: "” ― Name Surname".
_BYLINE = re.compile(
    r"[^\S\n]*([―—–])[^\S\n]*([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})\.?[^\S\n]*(?=\n|$)"
)
_DESCRIPTIONS = frozenset({"as", "to"})
# What PolNeAR counts in a cue besides the verb: "has also said", "was reported", "did not say".
_CUE_BEFORE = frozenset({"aux", "auxpass", "advmod", "neg"})
_ISSUER_PARAGRAPHS = 2
# "justified the strike by claiming …": a gerund of manner speaks for the verb it hangs on.
_MANNER_PREPOSITIONS = frozenset({"by", "while", "after", "before", "in", "when"})
# What stands for something said without saying it again: "said as much", "said so".
_PROFORMS = frozenset({"much", "so"})
_ADJECTIVE_PREPOSITIONS = frozenset({"about", "by", "at", "over", "with", "of", "to", "on"})
# What a light verb's cue noun is about: "expressed concern at the crisis", "… over the attacks".
_ABOUT = frozenset({"about", "at", "over"})
_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr"})
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves", "ourselves", "myself"})
_ASKING = frozenset({"ask", "wonder", "question", "inquire"})
_QUESTION_WORDS = frozenset(
    {"how", "what", "why", "whether", "if", "when", "where", "who", "whom", "which"}
)
# Who, inside someone's report, is that someone: "the commander said he believes …".
_SAME_SPEAKER = frozenset({"he", "she"})
# The cue class of what someone means to do ("wants to …"): an attribution, never a claim.
_INTENTION = "intend"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One act of saying: the cue word, who says it, what is said, and whether it is quoted."""

    cue: Span
    cue_lemma: str
    cue_class: str
    stance: str
    """One of `records.STANCES`: "deny" for denials ("denied", "dismissed"), "condemn" for
    judgments ("condemned the strike"), …"""
    sources: tuple[Span, ...]
    contents: tuple[Span, ...]
    direct: bool
    source_actor: Actor | None
    """The actor of the source, via the actor mentions or coreferences; None when unresolved."""
    claimable: bool = True
    """Whether the claims layer may show it: not a negated report ("did not say that …") nor an
    attitude the lexicon keeps out of claims (`claims: false`: "wants to …", "supports …")."""


def find(
    doc: Doc,
    actor_mentions: Sequence[ActorMention] = (),
    coreferences: Sequence[Coreference] = (),
) -> list[Attribution]:
    """Who says what: BBC Citron's {cue, sources, contents} with character offsets."""
    return _Finder(doc, actor_mentions, coreferences).run()


def claims_of(found: Sequence[Attribution], doc: Doc) -> list[Attribution]:
    """The attributions that are claims of someone, one per act of saying:

    - not a hedge nobody holds ("100,000 people are believed to be trapped", "fears that …" —
      the writer's own modality);
    - not an intention ("Moscow wants to …", "refused to …") nor another attitude the lexicon
      keeps out of claims ("backed the bill"): the writer's reading of what someone means or
      favours, nothing they say; nor a negated report ("did not say whether …");
    - not a question ("when asked whether the port would reopen, …");
    - a report inside the content of the same speaker's report is part of it ("the commander
      said he believes …" is one claim, the outer one);
    - a participle that borrows its speaker from a verb of the sentence ("denied X, claiming Y",
      "Citing X, the admiral said Y") adds its content to that verb's claim; a conjoined verb
      ("denied X but confirmed Y") stays a claim of its own.
    """
    text = text_of(doc)
    # only a claim restates: "published video showing …" is no claim that holds the showing
    claimed = [outer for outer in found if outer.claimable]
    contents = SpanIndex([(outer, c) for outer in claimed for c in outer.contents], lambda p: p[1])
    kept = [
        said
        for said in found
        if said.claimable
        and not (said.stance == "hedge" and not said.sources)
        and not _question(said, text)
        and not any(
            _restates(outer, said, text)
            for outer, _ in contents.holding(said.cue.start)
            if outer is not said
        )
    ]
    hosts: dict[tuple[Span, ...], Attribution] = {}
    merged: list[Attribution] = []
    for said in kept:
        host = hosts.get(said.sources) if said.sources else None
        if (
            host is None
            or host.cue == said.cue
            or not _same_sentence(host, said, doc)
            or _borrows(host, doc) == _borrows(said, doc)
        ):
            hosts[said.sources] = said
            merged.append(said)
            continue
        if _borrows(host, doc):
            host, said = said, host  # the verb with the subject is the claim
        joined = dataclasses.replace(
            host, contents=tuple(sorted({*host.contents, *said.contents}, key=_start))
        )
        merged = [joined if a is host or a is said else a for a in merged]
        merged = list(dict.fromkeys(merged))
        hosts[said.sources] = joined
    return merged


def _start(span: Span) -> int:
    return span.start


def _nested_attitude(said: Attribution, contents: SpanIndex[tuple[Attribution, Span]]) -> bool:
    """Whether a hedge or an intention is part of what someone else says ("the mayor said she
    plans to …", "the ministry said commanders believe …": the outer speaker's claim), or an
    intention has nobody who holds it ("anyone wanting to …"); `contents` holds every
    attribution's contents."""
    if said.stance != "hedge":
        return False
    if not said.sources and said.cue_class == _INTENTION:
        return True
    return any(
        outer is not said and outer.claimable for outer, _ in contents.holding(said.cue.start)
    )


def _reported_within(said: Attribution, contents: SpanIndex[tuple[Attribution, Span]]) -> bool:
    """Whether the act of saying is told inside what someone else reports ("the spokesman
    said Clinton had told police …"): part of that report, not heard first-hand."""
    return any(
        outer is not said
        and span.start <= said.cue.start
        and said.cue.end <= span.end
        and not any(c.start <= outer.cue.start < c.end for c in said.contents)
        for outer, span in contents.holding(said.cue.start)
    )


def _same_sentence(first: Attribution, second: Attribution, doc: Doc) -> bool:
    a = doc.char_span(first.cue.start, first.cue.end, alignment_mode="expand")
    b = doc.char_span(second.cue.start, second.cue.end, alignment_mode="expand")
    return a is not None and b is not None and a.root.sent.start == b.root.sent.start


def _borrows(said: Attribution, doc: Doc) -> bool:
    """Whether the cue is a participle without a subject of its own ("…, claiming …", "Citing
    …,"): a conjoined verb ("denied X but confirmed Y") is an act of its own."""
    cue = doc.char_span(said.cue.start, said.cue.end, alignment_mode="expand")
    if cue is None:
        return False
    verb = next((t for t in cue if t.lemma_.lower() == said.cue_lemma.split()[0]), cue.root)
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "xcomp", "acl")
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
    )


def _question(said: Attribution, text: str) -> bool:
    """ "when asked whether …": an indirect question is asked, not claimed."""
    first = said.contents[0].of(text).split(maxsplit=1)[:1] if said.contents else []
    return said.cue_lemma in _ASKING and bool(first) and first[0].lower() in _QUESTION_WORDS


def _restates(outer: Attribution, inner: Attribution, text: str) -> bool:
    """Whether `inner`'s cue lies in `outer`'s content and has the same speaker: the same actor,
    or "he" or "she" in the report of someone ("the commander said he believes …")."""
    inside = any(c.start <= inner.cue.start and inner.cue.end <= c.end for c in outer.contents)
    if not inside or not outer.sources:
        return False
    if inner.source_actor is not None and inner.source_actor == outer.source_actor:
        return True
    return len(inner.sources) == 1 and inner.sources[0].of(text).lower() in _SAME_SPEAKER


@dataclass(frozen=True)
class _CueWords:
    """The lexicon's words as `_Finder` reads them at every token."""

    phrases_from: dict[str, list[tuple[tuple[str, ...], Cue]]]
    """The phrases by their first word."""
    verbs: frozenset[str]
    """Every verb a cue starts with."""
    words: frozenset[str]
    """Every word a cue starts with."""
    attitude_verbs: frozenset[str]
    """Verbs of attitudes, which someone must hold (`_Finder._held`)."""


@functools.cache
def _cue_words() -> _CueWords:
    """The lexicon's cue words, gathered once per process."""
    lexicon = load_lexicon()
    phrases_from: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for words, phrase in lexicon.phrases.items():
        phrases_from.setdefault(words[0], []).append((words, phrase))
    verbs = frozenset(lexicon.verbs) | {verb for verb, _ in lexicon.verb_phrases}
    attitudes = [*lexicon.verbs.values(), *lexicon.verb_phrases.values()]
    return _CueWords(
        phrases_from=phrases_from,
        verbs=verbs,
        words=verbs.union(
            phrases_from, lexicon.nouns, lexicon.to_nouns, lexicon.adverbs, lexicon.adjectives
        ),
        attitude_verbs=frozenset(
            c.lemma for c in attitudes if not c.claimable and "raise" not in c.takes
        ),
    )


@functools.lru_cache(maxsize=1 << 16)
def _may_cue_as_written(word: str) -> bool:
    """Whether a lower-case word, or a stem the tagger missed, is a cue word, or is a speaker's
    colon: asked of every word of every article, remembered for the common ones."""
    cues = _cue_words()
    return (
        word in cues.words
        or not cues.verbs.isdisjoint(_stems(word))
        or word == ":"  # a colon is its own lower case, and nothing else's
    )


class _Finder:
    def __init__(
        self, doc: Doc, mentions: Sequence[ActorMention], coreferences: Sequence[Coreference]
    ) -> None:
        self.doc = doc
        self.tokens = tokens_of(doc)
        """The doc's tokens, made once: indexing a Doc builds a new Token every time."""
        self.text = text_of(doc)
        self.lexicon = load_lexicon()
        self.quotations = Quotations(doc)
        self.quote_at = self.quotations.quote_at  # read at nearly every token: kept at hand
        self.speakers = Speakers(doc, mentions, coreferences, self.quotations)
        cues = _cue_words()
        self.phrases_from = cues.phrases_from
        self.cue_verbs = cues.verbs
        self.cue_words = cues.words
        self.attitude_verbs = cues.attitude_verbs
        self.found: list[Attribution] = []

    def run(self) -> list[Attribution]:
        found = self.found
        tokens = tokens_of(self.doc)
        for i in self._may_cue():
            token = tokens[i]
            attribution = (
                self._phrase(token)
                or self._verb(token)
                or self._noun(token)
                or self._intention_noun(token)
                or self._adverb(token)
                or self._adjective(token)
                or self._speaker_label(token)
            )
            if attribution is not None:
                found.append(attribution)
                found.extend(self._inherited(attribution))
        found.extend(self._bylines())
        contents = SpanIndex([(a, c) for a in found for c in a.contents], lambda p: p[1])
        # PolNeAR's reading: a word of one report's content is not the cue of another
        within = {id(a) for a in found if _reported_within(a, contents)}
        told = SpanIndex(
            [(a, c) for a in found if id(a) not in within for c in a.contents], lambda p: p[1]
        )
        kept = [
            a
            for a in found
            if not _nested_attitude(a, contents)
            and self._held(a)
            and not (_reported_within(a, told) and self._told(a))
        ]
        return sorted(kept, key=lambda a: (a.cue.start, a.contents[0].start))

    def _may_cue(self) -> list[int]:
        """The tokens outside quotations (quoted words never speak) whose word is one of the
        lexicon's, as written, as its lemma or as a stem the tagger missed, or a speaker's
        colon: no other word starts any kind of cue.

        Read from the doc's arrays, each distinct word and lemma looked up once: building
        every token and reading its strings costs more than the rest of the scan."""
        from spacy.attrs import LEMMA, LOWER

        strings = self.doc.vocab.strings
        rows = self.doc.to_array([LOWER, LEMMA]).reshape(-1, 2)
        may_cue = np.zeros(len(rows), dtype=bool)
        for column, is_cue in ((0, _may_cue_as_written), (1, self._cue_lemma)):
            hashes, where = np.unique(rows[:, column], return_inverse=True)
            may_cue |= np.array([is_cue(strings[h]) for h in hashes.tolist()], dtype=bool)[where]
        tokens = tokens_of(self.doc)
        return [i for i in np.flatnonzero(may_cue).tolist() if self.quote_at[tokens[i].idx] < 0]

    def _cue_lemma(self, lemma: str) -> bool:
        return lemma.lower() in self.cue_words

    def _told(self, found: Attribution) -> bool:
        """Whether an act of saying is told as an event ("said Kovalenko had told reporters
        …"), not named as a thing that says it ("dismissed Moscow's claim that …", "published
        video showing …"): a thing says what it says whoever names it."""
        if found.cue_lemma in self.lexicon.nouns:
            return False
        cue = self.doc.char_span(found.cue.start, found.cue.end, alignment_mode="expand")
        return cue is None or not any(
            t.dep_ == "acl" and t.tag_ == "VBG" and t.head.pos_ in ("NOUN", "PROPN") for t in cue
        )

    def _held(self, found: Attribution) -> bool:
        """An attitude verb is someone's: one nobody holds ("a speech designed to offer …",
        "Imagine that …", "assuming that …") is the writer's, not an attribution."""
        return bool(found.sources) or found.cue_lemma not in self.attitude_verbs

    # ── cue kinds ──

    def _verb(self, token: Token) -> Attribution | None:
        cue, particle = self._verb_cue(token)
        if cue is None:
            return None
        # a "not" quoted before the verb is what is said: "“Probably not,” she said"
        if any(c.dep_ == "neg" and self.quote_at[c.idx] < 0 for c in token.children):
            if cue.cue_class == "observe":
                return None  # "the footage does not show …" shows nothing
            cue = dataclasses.replace(cue, claimable=False)  # "did not say whether …"
        following = self.tokens[token.i + 1] if token.i + 1 < len(self.tokens) else None
        if following is not None and following.lower_ in _REFLEXIVE:
            return None  # "the general found himself alone": not a finding
        if cue.cue_class == "observe":
            return self._observation(token, cue)
        if token.pos_ != "VERB":
            return None
        if "raise" in cue.takes:
            return self._appearance(token, cue)
        last = particle if particle is not None else token
        subjects = self._subjects(token)
        if _discourse_marker(token, subjects):
            return None
        says = "clause" in cue.takes
        quotes = self.quotations.adjacent(token, subjects) if particle is None and says else []
        if quotes:
            contents = tuple(
                self._quote_content(q, token if q[1] <= token.idx else None) for q in quotes
            )
            first, last = self._frame(token, last, contents, subjects)
            speaker = None if subjects or not says else self.speakers.unparsed_speaker(token)
            return self._make(first, last, cue, subjects, contents, direct=True, speaker=speaker)
        announced = self._after_colon(last) if says and subjects else None
        if announced is not None:
            first, _ = self._frame(token, last, (announced,), subjects)
            return self._make(first, last, cue, subjects, (announced,), direct=True)
        contents = self._verb_content(token, cue, particle, subjects)
        if contents:
            sources = subjects or self._agents(token)
            speaker = None if sources or not says else self.speakers.unparsed_speaker(token)
            first, last = self._frame(token, last, contents, sources)
            return self._make(first, last, cue, sources, contents, direct=False, speaker=speaker)
        passive = [c for c in token.children if c.dep_ in _PASSIVE_SUBJECTS]
        raised = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if says and passive and raised is not None and passive[0].lower_ != "it":
            # "Several hundred soldiers are believed to have crossed": the clause is the content.
            content = self._tokens_span(passive[0].left_edge.i, raised.right_edge.i, token)
            if content is None:
                return None
            return self._make(token, token, cue, self._agents(token), (content,), direct=False)
        return self._object_report(token, cue, particle, subjects, passive)

    def _after_colon(self, last: Token) -> Span | None:
        """ "He added: It is typical of them.": unquoted words after a colon right after the
        reporting verb, to the end of the paragraph."""
        doc = self.tokens
        colon = last.i + 1
        if colon + 1 >= len(doc) or doc[colon].text != ":" or self.quote_at[doc[colon].idx] >= 0:
            return None
        end = self.quotations.paragraph(last.idx)[1]
        words = [t for t in doc[colon + 1 :] if t.idx < end]
        if not words or self.quote_at[words[0].idx] >= 0:
            return None  # a quotation after the colon is `Quotations.adjacent`'s
        return self._tokens_span(words[0].i, words[-1].i, last)

    def _appearance(self, verb: Token, cue: Cue) -> Attribution | None:
        """ "The town seems to have fallen", "it appears that …", "the plan seemed risky": the
        subject and what it seems to do or be, or the clause, with no source."""
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)
        complement = next(
            (c for c in verb.children if c.dep_ in ("xcomp", "oprd", "ccomp") and c.i > verb.i),
            None,
        )
        if complement is None:
            return None
        parts = [(complement.left_edge.i, complement.right_edge.i)]
        if subject is not None and not (subject.lower_ == "it" and complement.dep_ == "ccomp"):
            parts.insert(0, (subject.left_edge.i, subject.right_edge.i))
        spans = (self._tokens_span(a, b, verb) for a, b in parts)
        contents = tuple(span for span in spans if span is not None)
        if not contents:
            return None
        first, _ = self._frame(verb, verb, contents, [])
        return self._make(first, verb, cue, [], contents, direct=False)

    def _object_report(
        self,
        verb: Token,
        cue: Cue,
        particle: Token | None,
        subjects: list[Token],
        passive: list[Token],
    ) -> Attribution | None:
        """What a report is about when it says no proposition: a clause verb's object ("noted the
        clot's existence", "questioned the need for …"), a pro-form ("said as much", "said so"),
        or the subject of a passive report ("the
        plan was rejected by the council", "X was accused of Y": the subject and what follows).
        An attribution, as PolNeAR counts one, and never a claim."""
        attitude = dataclasses.replace(cue, claimable=False)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if (
            obj is not None
            and particle is None
            and subjects
            and cue.takes == {"clause"}
            and cue.lemma not in self.lexicon.object_not_said
        ):
            contents = self._complement(verb, obj)
            first, last = self._frame(verb, verb, contents, subjects)
            return self._make(first, last, attitude, subjects, contents, direct=False)
        proform = next(
            (c for c in verb.rights if c.dep_ == "advmod" and c.lower_ in _PROFORMS), None
        )
        if proform is not None and particle is None and subjects and "clause" in cue.takes:
            # "said as much", "said so": what was said is only referred to
            content = Span(proform.left_edge.idx, end_of(proform))
            first, last = self._frame(verb, verb, (content,), subjects)
            return self._make(first, last, attitude, subjects, (content,), direct=False)
        takes_object = cue.takes & {"object", "as"} or particle is not None
        if not (passive and takes_object) or passive[0].lower_ == "it" or passive[0].i > verb.i:
            return None
        subject = passive[0]
        after = [
            c
            for c in verb.rights
            if c.dep_ in ("prep", "oprd") and c.lower_ not in _CIRCUMSTANCE_PREPOSITIONS
        ]
        parts = [(subject.left_edge.i, subject.right_edge.i)]
        parts += [(c.left_edge.i, c.right_edge.i) for c in after[:1]]
        spans = (self._tokens_span(a, b, verb) for a, b in parts)
        contents = tuple(span for span in spans if span is not None)
        if not contents:
            return None
        agents = self._agents(verb)
        first, _ = self._frame(verb, verb, contents, [])
        last = next((c for c in verb.children if c.dep_ == "agent"), particle or verb)
        return self._make(first, last, attitude, agents, contents, direct=False)

    def _frame(
        self, verb: Token, last: Token, contents: tuple[Span, ...], sources: list[Token]
    ) -> tuple[Token, Token]:
        """The cue's words as PolNeAR spans them: the verb with the auxiliaries and adverbs right
        before it ("has repeatedly denied", "was reported") and after it ("said sarcastically"),
        a document's participle with the verb that issues it ("released a statement saying"), an
        infinitive with the verb it completes ("went on to say"), never reaching into a source, a
        content or a quotation."""
        doc = self.tokens
        taken = [(c.start, c.end) for c in contents]
        # "Kovalenko, who has strongly denied …": a source whose phrase holds the verb stops short of it
        taken += [
            (t.left_edge.idx, end_of(t.right_edge if t.right_edge.i < verb.i else t))
            for t in sources
        ]
        start = anchor = verb
        document = verb.head
        if (
            verb.dep_ == "acl"
            and document.dep_ == "dobj"
            and document.head.i < document.i < verb.i
            and self.speakers.is_document(document, definite=False)
        ):
            # "issued a statement saying …": the act of issuing, through the participle
            start = anchor = document.head
        elif (
            verb.dep_ == "xcomp"
            and verb.head.pos_ == "VERB"
            and verb.head.i < verb.i
            and self._verb_cue(verb.head)[0] is None
            and not any(c.dep_ == "dobj" for c in verb.head.children)
            and not any(a <= verb.head.idx < b for a, b in taken)
        ):
            # "refused to pledge", "went on to say": the verb the report hangs on is its cue's
            start = anchor = verb.head
        while start.i > 0:
            before = doc[start.i - 1]
            if (
                before.head.i != anchor.i
                or before.dep_ not in _CUE_BEFORE
                or self.quote_at[before.idx] >= 0
                or any(a <= before.idx < b for a, b in taken)
            ):
                break
            start = before
        return start, self._adverbs_after(verb, last, taken)

    def _adverbs_after(self, verb: Token, last: Token, taken: list[tuple[int, int]]) -> Token:
        """The cue's last word with the adverbs right after the verb, as PolNeAR spans them
        ("said sarcastically", "said then", "complain bitterly"), and the medium ("said in a
        phone interview with CNN", not a clause on it: "at a briefing announcing that …"), never
        reaching into a source, a content or a quotation."""
        doc = self.tokens
        while last.i + 1 < len(doc):
            after = doc[last.i + 1]
            end = after.right_edge
            if self._occasion(after) and any(t.pos_ == "VERB" for t in after.subtree):
                end = next(c for c in after.children if c.dep_ == "pobj")
            words = doc[after.i : end.i + 1]
            if (
                after.head.i != verb.i
                or not (after.dep_ == "advmod" or self._occasion(after))
                or after.i != after.left_edge.i
                or any(self.quote_at[t.idx] >= 0 for t in words)
                or any(a < end_of(words[-1]) and words[0].idx < b for a, b in taken)
            ):
                break
            last = end
        return last

    def _verb_cue(self, token: Token) -> tuple[Cue | None, Token | None]:
        """The token's cue and, for a verb phrase ("called for"), its particle or preposition."""
        lexicon = self.lexicon
        verbs = (token.lemma_.lower(), *_stems(token.lower_))
        if self.cue_verbs.isdisjoint(verbs):
            return None, None
        for child in token.children:
            if child.dep_ in ("prt", "prep") and child.i > token.i:
                if self._occasion(child, timed=True):
                    continue  # "calls it an operation on 24 February" is not "call on"
                for verb in verbs:
                    cue = lexicon.verb_phrases.get((verb, child.lower_))
                    if cue is not None:
                        return cue, child
        for verb in verbs:
            cue = lexicon.verbs.get(verb)
            if cue is not None:
                return cue, None
        return None, None

    def _verb_content(
        self, verb: Token, cue: Cue, particle: Token | None, subjects: list[Token]
    ) -> tuple[Span, ...]:
        """What the verb says: its clause, or what the host clause says around it, or the
        noun phrase, infinitive or prepositional object the lexicon lets the verb take."""
        children = list(verb.children)
        objects = particle.children if particle is not None else iter(())
        target = next((c for c in objects if c.dep_ in ("pobj", "pcomp")), None)
        # the parser may tag a preposition with its object a particle: "called on(prt) police"
        if particle is not None and (particle.dep_ == "prep" or target is not None):
            if target is None:
                return ()
            infinitive = self._infinitive(verb)
            if infinitive is not None and infinitive.i > target.i:
                target = infinitive  # "called on Kyiv to return": the call is to return
            return self._complement(verb, target)
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        if "clause" not in cue.takes:
            clause = None
        elif clause is not None and clause.i > verb.i:
            # "an atmosphere that viewers said looked like …": not the relative word, nor the cue
            # "said he would order a review and warned against hackers", "said X, arguing
            # that Y": a reporting verb of the speaker's own that hangs in the clause is said
            # apart (its own attribution), not part of what the first verb says
            clauses = [clause, *self._clauses_after(verb, clause)]
            apart = {
                t.i
                for part in clauses
                for own in part.subtree
                if own is not part
                and own.dep_ in _APART_DEPS  # what the three tests below ask first
                and (self._speaks_apart(own) or self._aside_report(own) or self._joined_report(own))
                for t in own.subtree
            }
            words = [
                t.i
                for part in clauses
                for t in part.subtree
                if t.i not in apart
                and (t.i > verb.i or (t.tag_ not in _RELATIVE_TAGS and t.i < verb.left_edge.i))
            ]
            if len(clauses) > 1:
                # the comma or "and" between the pieces of one content, hung on the verb
                words += [
                    c.i
                    for c in children
                    if c.dep_ in ("cc", "punct") and clause.i < c.i < clauses[-1].left_edge.i
                ]
            obj = next((c for c in children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
            if obj is not None and "object" in cue.takes and not _marked(clause):
                # "cited remarks Trump had made": a relative clause the parser hung on the verb
                words += [t.i for t in obj.subtree]
            return self._parts(words, verb)
        if clause is not None or ("clause" in cue.takes and verb.dep_ == "parataxis"):
            # "The town has fallen, the ministry said" and "The situation there, he said,
            # remains difficult": the sentence around the reporting clause is the content
            return self._around(verb, subjects)
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
        if "to" in cue.takes:
            infinitive = self._infinitive(verb)
            if infinitive is not None:
                if obj is not None and obj.i < infinitive.i:
                    return self._complement(verb, obj)  # "urged Kyiv to return"
                return self._complement(verb, infinitive)
        if obj is not None and ("object" in cue.takes or particle is not None):
            return self._complement(verb, obj)
        if obj is not None and "as" in cue.takes and _described(verb, obj):
            return self._complement(verb, obj)
        named = next((c for c in children if c.dep_ == "oprd" and c.i > verb.i), None)
        speaks = any(c.dep_ == "nsubj" for c in children)
        if obj is None and named is not None and "as" in cue.takes and speaks:
            # "Reid called Trump a liar" parsed as one predicate "Trump a liar"; not a passive
            # ("was dubbed “Kyt”") nor a participle ("narratives, called “history”,"): a name
            return self._complement(verb, named)
        return ()

    def _clauses_after(self, verb: Token, clause: Token) -> list[Token]:
        """Further pieces of one content the parser hung on the verb as clauses of their own
        ("said Trump respects the military and his remark was …" read as two clauses), not a
        report of its own ("said X. The agency said Y" parsed as one sentence)."""
        return [
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.i > clause.i
            and not (self._reports(c) and any(k.dep_ in _SUBJECTS for k in c.children))
        ]

    def _aside_report(self, token: Token) -> bool:
        """Another speaker's report hung on what is said as its occasion ("after Minsk said …")
        or as a description ("howitzers of the kind that bloggers said had forced …")."""
        if token.dep_ not in ("advcl", "relcl") or not self._reports(token):
            return False
        if token.dep_ == "advcl" and not any(c.dep_ == "mark" for c in token.children):
            return False
        return any(c.dep_ in _SUBJECTS and c.tag_ not in _RELATIVE_TAGS for c in token.children)

    def _joined_report(self, token: Token) -> bool:
        """Another speaker's report joined on what is said ("said A and Democrats accused B"):
        a report of its own, not part of the first."""
        return (
            token.dep_ == "conj"
            and self._says(token)
            and any(c.dep_ in _SUBJECTS and c.tag_ not in _RELATIVE_TAGS for c in token.children)
        )

    def _speaks_apart(self, token: Token) -> bool:
        """A reporting verb joined on or hung as a participle, without a subject of its own."""
        return (
            token.dep_ in ("conj", "advcl")
            and token.pos_ == "VERB"
            and self._says(token)
            and not any(c.dep_ in _SUBJECTS or c.dep_ in _PASSIVE_SUBJECTS for c in token.children)
        )

    def _infinitive(self, verb: Token) -> Token | None:
        return next(
            (
                c
                for c in verb.children
                if c.dep_ == "xcomp" and c.i > verb.i and c.left_edge.lower_ == "to"
            ),
            None,
        )

    def _complement(self, verb: Token, first: Token) -> tuple[Span, ...]:
        """From `first` to the end of what the verb governs after it, asides and further clauses
        left out ("accused Russia of shelling the city on Monday, adding …")."""
        last = first.right_edge.i
        for child in verb.rights:
            if child.i <= first.i or child.dep_ in _NOT_COMPLEMENT:
                continue
            if child.dep_ in _CIRCUMSTANCES or (
                child.dep_ == "prep" and child.lower_ in _CIRCUMSTANCE_PREPOSITIONS
            ):
                break  # "accused Russia of shelling the city during a visit to Kyiv"
            last = max(last, child.right_edge.i)
        # "condemned the referendum in a televised address", "… Kyiv on Friday": the medium or
        # the time at the end, wherever it hangs ("praised X in a speech for Y" keeps it)
        while last > first.i:
            ending = next(
                (
                    t
                    for t in self.tokens[first.i + 1 : last + 1]
                    if t.right_edge.i == last
                    and self._occasion(t, timed=t.head.i == verb.i)
                    and (t.head.i == verb.i or t.lower_ in _MEDIUM_PREPOSITIONS)
                ),
                None,
            )
            if ending is None:
                break
            last = ending.i - 1
        # "accused Minsk of hosting troops after Lukashenko said …, a move …": what another
        # speaker said, as the occasion, is that speaker's claim, and so is what follows
        occasion = next(
            (
                clause.left_edge.i
                for clause in self.tokens[first.i : last + 1]
                if clause.dep_ == "advcl" and self._aside_report(clause)
            ),
            None,
        )
        if occasion is not None and occasion > first.i:
            last = occasion - 1
        # "acknowledged the reality of X, which makes him …", "likened RT to the BBC, which …"
        aside = next((t for t in self.tokens[first.i : last + 1] if _comma_aside(t)), None)
        if aside is not None and aside.left_edge.i - 1 > first.i:
            last = aside.left_edge.i - 2
        # "dismissed Estonia as a suburb — a metaphor for …": a dash no second dash closes
        dashes = [t.i for t in self.tokens[first.i + 1 : last + 1] if t.text in _DASHES]
        if len(dashes) == 1:
            last = dashes[0] - 1
        return self._parts(range(first.left_edge.i, last + 1), verb)

    def _occasion(self, token: Token, *, timed: bool = False) -> bool:
        """A prepositional phrase naming the medium of a report ("in a statement", "on
        Twitter") or, when `timed`, its time ("on Friday"): when and how it is said, not what."""
        if token.dep_ != "prep" or token.lower_ not in _OCCASION_PREPOSITIONS:
            return False
        place = next((c for c in token.children if c.dep_ == "pobj"), None)
        if place is None:
            return False
        return place.lemma_.lower() in self.lexicon.venue_nouns or (
            timed and place.ent_type_ in _TIME_ENTITIES
        )

    def _around(self, verb: Token, subjects: list[Token]) -> tuple[Span, ...]:
        """The verb's sentence without the reporting clause: the verb, its subjects and what
        hangs on it besides the content clause."""
        sentence = verb.sent
        host = verb.head if verb.dep_ == "parataxis" else verb
        hole = {t.i for t in verb.subtree if not _in_clause(t, verb)}
        hole.update(t.i for s in subjects for t in s.subtree)
        if host is not verb:
            # "… remains difficult, but he insisted …": a clause joined on is said on its own
            joined = (c for c in host.rights if c.i > verb.i and c.dep_ in ("cc", "conj"))
            hole.update(t.i for c in joined for t in c.subtree)
        region = host.subtree if host is not verb else sentence
        around = (t.i for t in region if t.i not in hole and sentence.start <= t.i < sentence.end)
        return self._parts(around, verb)

    def _observation(self, token: Token, cue: Cue) -> Attribution | None:
        """ "footage shows …" (the footage is the source), "posted video showing …" (the poster)."""
        evidence = self.lexicon.evidence_nouns
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        previous = self.tokens[token.i - 1] if token.i > 0 else None
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
        before = any(c.dep_ == "ccomp" and c.i < token.i for c in token.children)
        if clause is None and subjects and (before or token.dep_ == "parataxis"):
            # "The city is divided by race, studies have shown": the sentence around the clause
            around = self._around(token, subjects)
            if not around:
                return None
            first, _ = self._frame(token, token, around, subjects)
            return self._make(first, token, cue, subjects, around, direct=False)
        if clause is not None:
            # "polls show support rising": a subject the parser took for the verb's object
            subject = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
            first = subject if subject is not None and subject.i < clause.i else clause
            content = self._tokens_span(first.left_edge.i, clause.right_edge.i, token)
        else:
            sentence_end = token.sent.end - 1
            end = next(
                (t.i - 1 for t in self.tokens[token.i + 1 : sentence_end + 1] if t.text in ",;"),
                sentence_end,
            )
            content = self._tokens_span(token.i + 1, end, token)
        if content is None:
            return None
        if (
            token.pos_ == "VERB"
            and subjects
            and (clause is not None or _is_evidence(subjects[0], evidence))
        ):
            return self._make(token, token, cue, subjects, (content,), direct=False)
        if previous is not None and previous.lower_ in evidence and token.lower_.endswith("ing"):
            presenter = previous
            while presenter.dep_ not in ("ROOT",) and presenter.pos_ != "VERB":
                presenter = presenter.head
            subjects = self._subjects(presenter) if presenter.pos_ == "VERB" else []
            return self._make(token, token, cue, subjects, (content,), direct=False)
        return None

    def _intention_noun(self, token: Token) -> Attribution | None:
        """ "Moscow's decision to withdraw", "his refusal to testify": the possessor (or nobody)
        means to do the noun's infinitive — an attribution, never a claim."""
        cue = self.lexicon.to_nouns.get(token.lemma_.lower())
        if cue is None or token.pos_ != "NOUN":
            return None
        infinitive = next(
            (c for c in token.rights if c.dep_ in ("acl", "relcl") and c.left_edge.lower_ == "to"),
            None,
        )
        if infinitive is None:
            return None
        last = infinitive.right_edge.i
        if token.head.i > token.i:
            last = min(last, token.head.i - 1)  # never the verb the noun is subject of
        content = self._tokens_span(infinitive.left_edge.i, last, token)
        if content is None:
            return None
        owners = [c for c in token.children if c.dep_ == "poss"]
        attitude = dataclasses.replace(cue, claimable=False)
        return self._make(token, token, attitude, owners, (content,), direct=False)

    def _noun(self, token: Token) -> Attribution | None:
        """ "Moscow's claim that …": the possessor says the "that" clause. A cue noun that is the
        object of a light verb ("the envoy expressed the hope that …", "the assembly expressed
        grave concern at the crisis") is the verb's subject's, the cue running from the verb to
        the noun; its content may then be the object of "about", "at" or "over"."""
        cue = self.lexicon.nouns.get(token.lemma_.lower())
        if cue is None or token.pos_ != "NOUN":
            return None
        light = token.head if token.dep_ == "dobj" and self._is_light(token.head) else None
        content: Span | None = None
        after = [c for c in token.children if c.i > token.i]
        if light is not None:
            after += [c for c in light.children if c.i > token.i and c.dep_ == "prep"]
        for child in after:
            if child.dep_ in _NOUN_CLAUSE_DEPS and _that_clause(child):
                content = self._tokens_span(child.left_edge.i, child.right_edge.i, token)
            elif light is not None and child.dep_ == "prep" and child.lower_ in _ABOUT:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    content = self._tokens_span(objects[0].left_edge.i, child.right_edge.i, token)
            if content is not None:
                break
        if content is None:
            return None
        if light is not None:
            # "a resolution expressing concern at …": the document the participle qualifies
            speakers = self._subjects(light) or ([light.head] if light.dep_ == "acl" else [])
            first, _ = self._frame(light, light, (content,), speakers)
            return self._make(first, token, cue, speakers, (content,), direct=False)
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return self._make(token, token, cue, owners, (content,), direct=False)

    def _is_light(self, verb: Token) -> bool:
        """ "expressed", "voiced": a verb whose object noun is what it says."""
        return (
            verb.pos_ == "VERB"
            and verb.lemma_.lower() in self.lexicon.light_verbs
            and not any(c.dep_ == "neg" for c in verb.children)
        )

    def _adverb(self, token: Token) -> Attribution | None:
        """ "Several hundred soldiers reportedly broke through": a clause with no source."""
        cue = self.lexicon.adverbs.get(token.lower_)
        if cue is None or token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "AUX"):
            return None
        head = token.head
        content = self._tokens_span(head.left_edge.i, head.right_edge.i, token)
        if content is None:
            return None
        return self._make(token, token, cue, [], (content,), direct=False)

    def _adjective(self, token: Token) -> Attribution | None:
        """ "We are deeply concerned about the deportations", "… concerned that …", "were willing
        to …": the copula's subject says the adjective's clause, infinitive or the object of its
        preposition, the cue running from the copula ("are deeply concerned about"). An
        adjective read as a passive verb ("were frustrated that …") speaks for its subject; "it
        is clear that …" has no source; a negated one ("weren't sure") is no claim."""
        cue = self.lexicon.adjectives.get(token.lower_)
        if cue is None:
            return None
        if token.dep_ == "acomp":
            copula = token.head
            subjects = [c for c in copula.children if c.dep_ in _SUBJECTS]
        elif token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
            copula = token
            subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        else:
            return None
        if any(c.dep_ == "neg" for c in copula.children):
            cue = dataclasses.replace(cue, claimable=False)
        content: Token | None = None
        last = token
        # "it is clear that …": the clause hangs on the copula
        extraposed = [c for c in copula.children if c.dep_ == "ccomp" and c.i > token.i]
        for child in [*token.children, *extraposed]:
            if child.i < token.i:
                continue
            if child.dep_ in ("ccomp", "xcomp"):
                content = child
            elif child.dep_ in ("prep", "agent") and child.lower_ in _ADJECTIVE_PREPOSITIONS:
                content = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                last = child
            if content is not None:
                break
        impersonal = [s for s in subjects if s.lower_ == "it"]
        if impersonal and content is not None and content.dep_ == "ccomp":
            subjects = []  # "it is clear that …": the writer's reading, nobody's report
        elif content is None or not subjects:
            return None
        span = self._tokens_span(content.left_edge.i, content.right_edge.i, token)
        if span is None:
            return None
        first, _ = self._frame(copula, copula, (span,), subjects)
        if impersonal and not subjects and impersonal[0].i == first.i - 1:
            first = impersonal[0]
        return self._make(first, last, cue, subjects, (span,), direct=False)

    def _phrase(self, token: Token) -> Attribution | None:
        """ "according to X": X says the clause the phrase qualifies (else the sentence)."""
        doc = self.tokens
        for words, cue in self.phrases_from.get(token.lower_, ()):
            last = token.i + len(words) - 1
            if last >= len(doc) or tuple(t.lower_ for t in doc[token.i : last + 1]) != words:
                continue
            objects = [c for c in doc[last].children if c.dep_ == "pobj"]
            if not objects:
                return None
            source = objects[0]
            sentence = token.sent
            hole = set(range(token.i, source.right_edge.i + 1))
            host = token.head
            # ", according to Reuters." at the end of a sentence qualifies all of it
            closing = all(t.is_punct for t in doc[source.right_edge.i + 1 : sentence.end])
            appended = token.i > sentence.start and doc[token.i - 1].text == "," and closing
            region: Iterable[Token] = (
                host.subtree
                if host.i != token.i and host.i not in hole and not appended
                else sentence
            )
            around = (
                t.i for t in region if t.i not in hole and sentence.start <= t.i < sentence.end
            )
            contents = self._parts(around, token)
            if not contents:
                return None
            return self._make(token, doc[last], cue, [source], contents, direct=False)
        return None

    def _speaker_label(self, token: Token) -> Attribution | None:
        """ "PESKOV: We have nothing to add.": a transcript's or headline's speaker and colon."""
        if token.text != ":" or token.i == 0:
            return None
        line_start = self.quotations.paragraph(token.idx)[0]
        first = token.i
        while first > 0 and self.tokens[first - 1].idx >= line_start:
            first -= 1
            word = self.tokens[first]
            if not (word.is_punct or word.is_space) and token.i - first > _SPEAKER_LABEL_WORDS:
                return None  # more words before the colon than a label has: look no further
        words = list(self.tokens[first : token.i])
        while words and (words[0].is_punct or words[0].is_space):
            words = words[1:]  # an opening quotation mark of a quoted transcript
        if not words or len(words) > _SPEAKER_LABEL_WORDS:
            return None
        if not all(w.pos_ == "PROPN" or (w.is_upper and w.is_alpha) for w in words):
            return None
        paragraph_end = self.quotations.paragraph(token.idx)[1]
        end = token.i + 1
        while end < len(self.tokens) and self.tokens[end].idx < paragraph_end:
            end += 1
        rest = list(self.tokens[token.i + 1 : end])
        if sum(1 for t in rest if not t.is_punct) < _SPEAKER_LABEL_MIN_CONTENT:
            return None
        content = self._tokens_span(rest[0].i, rest[-1].i, token)
        if content is None:
            return None
        speaker = words[-1]
        cue = Cue(":", "assert", "affirm")
        source = Span(words[0].idx, end_of(speaker))
        return Attribution(
            cue=Span(token.idx, end_of(token)),
            cue_lemma=cue.lemma,
            cue_class=cue.cue_class,
            stance=cue.stance,
            sources=(source,),
            contents=(content,),
            direct=True,
            source_actor=self.speakers.personal(self.speakers.actor_of(speaker), speaker, source),
        )

    def _bylines(self) -> list[Attribution]:
        """ "“We held the line.” ― Oleksandr, a sapper": a quotation signed at the end of its line."""
        found: list[Attribution] = []
        for quote in self.quotations.quotes:
            signed = _BYLINE.match(self.text, quote[1])
            if signed is None:
                continue
            name = self.doc.char_span(signed.start(2), signed.end(2), alignment_mode="contract")
            if name is None or not len(name):
                continue
            cue = Cue(signed.group(1), "assert", "affirm")
            found.append(
                Attribution(
                    cue=Span(signed.start(1), signed.end(1)),
                    cue_lemma=cue.lemma,
                    cue_class=cue.cue_class,
                    stance=cue.stance,
                    sources=(Span(signed.start(2), signed.end(2)),),
                    contents=(self.quotations.content(quote),),
                    direct=True,
                    source_actor=self.speakers.personal(
                        self.speakers.actor_of(name.root), name.root, None
                    ),
                )
            )
        return found

    # ── arguments ──

    def _subjects(self, verb: Token) -> list[Token]:
        """The verb's subjects and their conjuncts; a conjoined verb or a participle ("…, saying")
        shares its head's subject, as does a gerund of manner ("justified it by claiming");
        "quoted X as saying" is X's; a relative pronoun stands for the noun it qualifies."""
        node = verb
        subjects = self._speakers(node)
        if not subjects and _misread_as_modifier(node):
            subjects = [node.head]
        if not subjects and node.dep_ == "pcomp" and node.head.head.pos_ in ("VERB", "AUX"):
            preposition, host = node.head, node.head.head
            if preposition.lower_ == "as":
                subjects = [c for c in host.children if c.dep_ == "dobj"]
            elif preposition.lower_ in _MANNER_PREPOSITIONS:
                node = host
                subjects = self._speakers(node)
        if (
            not subjects
            and node.dep_ == "acl"
            and self.speakers.is_document(node.head, definite=False)
        ):
            # "the ministry issued a statement saying …": who issued it; "a resolution
            # expressing …" with no issuer named: the document itself
            document = node.head
            issuers = self._speakers(document.head) if document.dep_ == "dobj" else []
            subjects = issuers or [document]
        while not subjects and node.dep_ in _BORROWS_SUBJECT and node.head.i != node.i:
            node = node.head
            # the head is itself reported speech ("said 12 were killed and 19 wounded, rejecting
            # …"): the one who rejects is the reporter, not the reported clause's subject
            while node.dep_ == "ccomp" and self._reports(node.head):
                node = node.head
            subjects = self._speakers(node)
        if node.dep_ == "relcl":
            subjects = [node.head if s.tag_ in _RELATIVE_TAGS else s for s in subjects]
        speakers = (s for subject in subjects for s in (subject, *subject.conjuncts))
        return [s for s in speakers if self.quote_at[s.idx] < 0]

    def _speakers(self, verb: Token) -> list[Token]:
        """A verb's subjects that can speak: a bare number ("19 wounded") cannot, unless it is
        part of an actor's name ("No 10 said"), nor a word inside a quotation (a misparse that
        makes "“… thousands of drones”, he said" say it through "thousands"), nor the noun of an
        absolute phrase misread as the subject ("With the talks stalled, Qatar … said"); "one of
        the officials said" can."""
        return [
            c
            for c in verb.children
            if c.dep_ in _SUBJECTS
            and (c.pos_ != "NUM" or self.speakers.mention_of(c) is not None or _partitive(c))
            and self.quote_at[c.idx] < 0
            and not any(g.dep_ == "mark" for g in c.children)
        ]

    def _reports(self, token: Token) -> bool:
        """Whether the word is a reporting verb of a claim: attitudes (`claims: false`) never cut
        or redirect what a claim says."""
        cue = self.lexicon.verbs.get(token.lemma_.lower())
        return cue is not None and cue.claimable

    def _says(self, token: Token) -> bool:
        """Whether the token is a cue of a claim, verb phrases included ("pointed out")."""
        cue = self._verb_cue(token)[0]
        return cue is not None and cue.claimable

    def _agents(self, verb: Token) -> list[Token]:
        """ "it was reported by Reuters that …": the object of "by"."""
        return [
            obj
            for child in verb.children
            if child.dep_ == "agent"
            for obj in child.children
            if obj.dep_ == "pobj"
        ]

    def _inherited(self, said: Attribution) -> list[Attribution]:
        """Quotations that follow the reporting sentence in its paragraph, each a whole sentence,
        are the same speaker still speaking ("“A,” he said. “B.”")."""
        if not said.sources:
            return []
        return [
            Attribution(
                said.cue,
                said.cue_lemma,
                said.cue_class,
                said.stance,
                said.sources,
                (self.quotations.content(quote),),
                True,
                said.source_actor,
                said.claimable,
            )
            for quote in self.quotations.following(said.cue, said.contents)
        ]

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
        speaker: tuple[int, int] | None = None,
    ) -> Attribution:
        """An attribution from its cue's tokens, its source heads (or, when the parse gave the
        verb none, the `speaker`'s first and last token) and its contents."""
        paragraph = self.quotations.paragraph(first.idx)
        # a source across a paragraph break is a misparse, not a speaker
        sources = [s for s in sources if paragraph[0] <= s.idx < paragraph[1]]
        spans = tuple(self._source_span(_relative_pronoun(s, first) or s, first) for s in sources)
        actors = [self.speakers.source_actor(s) for s in sources]
        known = set(actors) - {None}
        # conjoined speakers of different sides: the first, whose span the claim reports
        actor = known.pop() if len(known) == 1 else actors[0] if actors else None
        if actor is None and len(sources) == 1 and self.speakers.is_document(sources[0]):
            actor = self._issuer(paragraph[0])
        if actor is None and len(sources) == 1 and sources[0].lower_ == "we":
            actor = self.speakers.we(sources[0].idx)
        if actor is None and len(sources) == 1 and self.speakers.unnamed_source(sources[0]):
            actor = self._last_speaker(paragraph[0])
        if speaker is not None and not sources:
            named = Span(self.tokens[speaker[0]].idx, end_of(self.tokens[speaker[1]]))
            spans = (named,)
            clipped = (_without(content, named, self.text) for content in contents)
            contents = tuple(c for c in clipped if c is not None) or contents
            actor = self.speakers.actor_within(named) or self.speakers.speaking_place(named)
        head = sources[0] if sources else None
        actor = self.speakers.personal(actor, head, spans[0] if spans else None)
        return Attribution(
            cue=Span(first.idx, end_of(last)),
            cue_lemma=cue.lemma,
            cue_class=cue.cue_class,
            stance=cue.stance,
            sources=spans,
            contents=contents,
            direct=direct,
            source_actor=actor,
            claimable=cue.claimable,
        )

    def _source_span(self, head: Token, cue: Token) -> Span:
        """The source's noun phrase without its conjuncts ("the ministry", "Gen. Oleksandr
        Syrskyi, Ukraine's top commander"), cut where a quotation or a paragraph begins."""
        doc = self.tokens
        last = head.i
        for child in head.rights:
            if (
                child.dep_ in ("cc", "conj")
                or child.left_edge.i <= cue.i <= child.right_edge.i
                or (child.dep_ == "relcl" and any(self._reports(t) for t in child.subtree))
                or (
                    child.dep_ in ("acl", "advcl")
                    and child.tag_ == "VBG"
                    and doc[child.i - 1].text == ","
                )
            ):
                # "Syrskyi, who said …": the speaker without the clause that speaks, and "Kovalenko,
                # who warned …, said": without a relative clause that reports more of theirs
                # ("Kovalenko, who commands the brigade, said" keeps its description), nor a
                # participle of the occasion ("Trump, speaking to veterans in Virginia, said")
                break
            last = child.right_edge.i
        first = head.left_edge.i
        paragraph = self.quotations.paragraph(head.idx)
        for i in range(head.i - 1, first - 1, -1):
            if self.quotations.outside(doc[i], paragraph):
                first = i + 1
                break
        for i in range(head.i + 1, last + 1):
            if self.quotations.outside(doc[i], paragraph):
                last = i - 1
                break
        while first < head.i and (doc[first].is_punct or not doc[first].text.strip()):
            first += 1
        while last > head.i and (doc[last].is_punct or doc[last].dep_ in ("cc", "case")):
            last -= 1
        start, end = doc[first].idx, end_of(doc[last])
        mention = self.speakers.mention_of(head)
        if mention is not None:
            start, end = min(start, mention.span.start), max(end, mention.span.end)
        return Span(start, end)

    def _last_speaker(self, paragraph_start: int) -> Actor | None:
        """The body that spoke last in this paragraph (a person's, when a person spoke):
        unnamed insiders and sources in a paragraph about what a body said are its own."""
        for said in reversed(self.found):
            if said.cue.start < paragraph_start:
                break
            actor = said.source_actor
            if actor is not None:
                body = actor.id.partition(PERSON_SEPARATOR)[0]
                return self.speakers.registry.actors.get(body, actor)
        return None

    def _issuer(self, paragraph_start: int) -> Actor | None:
        """Who issued the document a source names: the speaker of the latest attribution with
        an actor, in this paragraph or the two before ("the ministry said in a statement. …
        “…,” the statement continued")."""
        floor = self.quotations.paragraphs_before(paragraph_start, _ISSUER_PARAGRAPHS)
        for said in reversed(self.found):
            if said.cue.start < floor:
                break
            if said.source_actor is not None:
                return said.source_actor
        return None

    def _parts(self, indices: Iterable[int], anchor: Token) -> tuple[Span, ...]:
        """Token indices as content spans: one per run of consecutive tokens, each trimmed."""
        runs: list[list[int]] = []
        for i in sorted(set(indices)):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        spans = (self._tokens_span(run[0], run[-1], anchor) for run in runs)
        return tuple(span for span in spans if span is not None)

    def _tokens_span(self, first: int, last: int, anchor: Token | None = None) -> Span | None:
        """Tokens `first..last` without a leading "that", punctuation or conjunction, or trailing
        punctuation or conjunction, and within the paragraph of `anchor` when given."""
        doc = self.tokens
        if anchor is not None:
            start, end = self.quotations.paragraph(anchor.idx)
            while first <= last and not start <= doc[first].idx < end:
                first += 1
            while last >= first and not start <= doc[last].idx < end:
                last -= 1
        while first <= last and (
            doc[first].is_punct
            or doc[first].is_space
            or doc[first].dep_ == "cc"
            or (
                doc[first].lower_ == "that"
                and (
                    doc[first].dep_ == "mark"
                    # "arguing that turnout …" misparsed as a determiner; "rejected that" is
                    # the object itself
                    or (doc[first].tag_ == "IN" and doc[first].dep_ not in _ARGUMENTS)
                )
            )
        ):
            first += 1
        while last >= first and (
            doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"
        ):
            last -= 1
        if first > last:
            return None
        return Span(doc[first].idx, end_of(doc[last]))

    def _quote_content(self, quote: tuple[int, int], verb: Token | None = None) -> Span:
        """The words inside the quotation marks, without a trailing comma or full stop. A
        quotation before its reporting `verb` that ends a sentence the reporter began ("Allies could
        still send “artillery rounds and radars”, she said") is said with
        those words: the content runs from the sentence's start."""
        lead = self._sentence_lead(quote[0], verb) if verb is not None else None
        return self.quotations.content(quote, lead)

    def _sentence_lead(self, quote_start: int, verb: Token) -> int:
        """Where the reporter's words that a quotation goes on with begin: the start of the
        sentence of the reporting verb, when the words from there to the quotation are unquoted
        and in its paragraph; else the quotation's own start."""
        sentence_start = verb.sent.start_char
        paragraph_start = self.quotations.paragraph(quote_start)[0]
        lead = self.text[sentence_start:quote_start]
        # a quotation earlier in the lead is the same speaker's, unless another verb reports it
        reported = any(
            t.pos_ == "VERB" and self.quote_at[t.idx] < 0 and self._says(t)
            for t in self.tokens[verb.sent.start : verb.i]
            if sentence_start <= t.idx < quote_start
        )
        if sentence_start < paragraph_start or not any(c.isalpha() for c in lead) or reported:
            return quote_start + self.quotations.mark_width(quote_start)
        while sentence_start < quote_start and not self.text[sentence_start].isalnum():
            sentence_start += 1
        return sentence_start


def _without(content: Span, named: Span, text: str) -> Span | None:
    """A content span with the speaker's words cut off its end or start."""
    if content.end <= named.start or named.end <= content.start:
        return content
    start, end = content.start, content.end
    if start < named.start:
        end = named.start
    else:
        start = named.end
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    while start < end and text[start] in TRAILING:
        start += 1
    return Span(start, end) if start < end else None


def _relative_pronoun(source: Token, cue: Token) -> Token | None:
    """The relative pronoun that stands for `source` as the subject of the clause holding the cue
    ("Kovalenko, who said …": "who"), the words that say who speaks; its actor is the source's."""
    for node in (cue, *cue.ancestors):
        if node.dep_ == "relcl" and node.head.i == source.i:
            pronouns = (c for c in node.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS)
            return next((c for c in pronouns if c.tag_ in _RELATIVE_TAGS), None)
    return None


def _comma_aside(child: Token) -> bool:
    """A relative clause or participle set off by a comma after what it qualifies: a comment on
    what is said ("the reality of X, which makes him an outlier"), not part of it."""
    before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    return (
        before is not None
        and before.text == ","
        and (child.dep_ == "relcl" or (child.dep_ in ("acl", "advcl") and child.tag_ == "VBG"))
    )


def _partitive(number: Token) -> bool:
    """ "one of the family's lawyers", "two of the officials": a number that picks speakers out of a
    group, or names them in apposition ("one official, Oleh Kovalenko")."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "appos" for c in number.children
    )


def _discourse_marker(verb: Token, subjects: list[Token]) -> bool:
    """ "That said, …", "This said, …": a sentence opener, not a report."""
    doc = verb.doc
    return bool(
        len(subjects) == 1
        and subjects[0].lower_ in ("that", "this")
        and subjects[0].is_sent_start
        and subjects[0].i == verb.i - 1
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    )


def _misread_as_modifier(verb: Token) -> bool:
    """ "Ukrainian military intelligence reported on April 15 that …" parsed as a noun phrase
    with no verb: the reporting verb hangs on the sentence's root noun and has a clause."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < verb.i
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _that_clause(clause: Token) -> bool:
    """ "the claim that Kyiv fell": a clause opened by "that" with a subject of its own — without
    one ("an argument that by now is dated"), "that" is a relative pronoun, however tagged."""
    first = clause.left_edge
    return (
        first.lower_ == "that"
        and first.tag_ not in _RELATIVE_TAGS
        and any(c.dep_ in _SUBJECTS or c.dep_ in _PASSIVE_SUBJECTS for c in clause.children)
    )


def _marked(clause: Token) -> bool:
    """Whether a clause opens with a subordinating word of its own ("that", "whether")."""
    return any(c.dep_ == "mark" for c in clause.children)


def _in_clause(token: Token, verb: Token) -> bool:
    """Whether `token` lies in one of the verb's content clauses (its ccomp's subtree)."""
    while token.i != verb.i:
        if token.head.i == verb.i:
            return token.dep_ == "ccomp"
        token = token.head
    return False


def _described(verb: Token, obj: Token) -> bool:
    """ "called the strike a war crime", "described the attack as terrorism", "likened X to Y"."""
    return any(
        child.dep_ == "oprd"
        or (child.dep_ == "prep" and child.lower_ in _DESCRIPTIONS and child.i > obj.i)
        for child in (*verb.children, *obj.children)
    )


def _is_evidence(subject: Token, evidence: frozenset[str]) -> bool:
    return subject.lower_ in evidence or subject.lemma_.lower() in evidence


@functools.lru_cache(maxsize=16384)  # asked of every word of every article
def _stems(word: str) -> tuple[str, ...]:
    """Lemmas a word may have when the tagger's is wrong: "showing" read as a noun, "hoped" → hop."""
    found: list[str] = []
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            found += [stem, stem + "e"]
    return tuple(found)
