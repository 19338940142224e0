"""One parsed article as the event coder reads it.

`Reading` indexes what the language stages found (actor mentions, coreferences, places, dates,
killed counts) by token, knows the article's sentences and paragraphs, and holds the two things
every family shares once triggers are found: the clause each trigger heads, and the scope of a
trigger's clause. It is built once per article; `mark_triggers` adds the triggers' clauses once
they are found, and after that it only memoises scopes and the classifier's answers.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from fogwatch import structure
from fogwatch.events import syntax
from fogwatch.events.candidate import ActorRef
from fogwatch.events.lexicon import Lexicon
from fogwatch.language import actor_registry
from fogwatch.language.nlp import tokens_of, words_among
from fogwatch.records import (
    ActorMention,
    ArticleResult,
    DateMention,
    PlaceMention,
    Quantity,
    Span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

T = TypeVar("T")

Ranking = Sequence[tuple[str, float]]
Classifier = Callable[[str], Ranking]
"""Ranks ACLED sub-event type names for one sentence, best first (`events.classify.classify`)."""

_UNUSABLE_FEATURES = frozenset({"country", "continent"})
_ANAPHOR_SENTENCES = 2
"""How far back a definite description ("the city") looks for the place it refers to."""
_SETTLEMENT = "populated place"
_DISTANCE_UNITS = frozenset({"km", "kilometer", "kilometre", "mile", "meter", "metre"})
"""Heads of "30 km from Y": Y is a landmark that says where something else is."""
_DEFINITE = frozenset({"the", "this", "that"})
_OWN_DESCRIPTION = frozenset(
    {"prep", "appos", "compound", "amod", "nummod", "relcl", "acl", "poss", "nmod"}
)
_LINE_BREAK = re.compile(r"\n")


class Reading:
    """The parse and the mentions of one article, indexed by token for the coder."""

    def __init__(
        self, doc: Doc, result: ArticleResult, lexicon: Lexicon, classifier: Classifier | None
    ) -> None:
        self.doc = doc
        self.tokens = tokens_of(doc)
        """The doc's tokens, made once: indexing a Doc builds a new Token every time."""
        self.result = result
        self.lexicon = lexicon
        self.registry = actor_registry.load_registry()
        self.published = result.article.published
        self.sentence_starts = [sentence.start for sentence in doc.sents] or [0]
        self.text = result.article.text  # the doc's text; `doc.text` rebuilds it on every call
        self.line_breaks = [match.start() for match in _LINE_BREAK.finditer(self.text)]
        self.actor_at = self._index_actors(result.actors)
        self.coref_at = self._index_corefs()
        self.places = self._with_anaphors(self._usable_places(result.places), result.places)
        self._places_by_sentence = self._by_sentence(self.places)
        self.unknown_places = [
            root
            for mention in result.places
            if mention.role == "location"
            and mention.place is None
            and (root := self._root(mention.span)) is not None
        ]
        """Roots of the toponyms the gazetteer does not know ("in Nyrkove"): a place the text
        names, though no event can be placed there."""
        self.dateline = {
            i
            for mention in result.places
            if mention.role == "dateline"
            for i in self._tokens(mention.span)
        }
        """Tokens of the places in a dateline ("NAIROBI, Kenya (Reuters) —"): where the report was
        filed, which the parser may take for the subject of the lead's verb."""
        self.dates = [
            (mention, root)
            for mention in result.dates
            if mention.kind != "duration" and (root := self._root(mention.span)) is not None
        ]
        self.killed = [
            (quantity, root)
            for quantity in result.quantities
            if quantity.unit == "killed" and (root := self._root(quantity.span)) is not None
        ]
        self._dates_by_sentence = self._by_sentence(self.dates)
        self._killed_by_sentence = self._by_sentence(self.killed)
        self.trigger_clauses: dict[int, int] = {}
        """Trigger token → its clause head token."""
        self.trigger_heads: set[int] = set()
        self._classifier = classifier
        self._scopes: dict[int, set[int]] = {}
        self._side_positions: dict[str, tuple[list[int], list[int]]] = {}
        self._classified: dict[int, Ranking] = {}
        self._sentence_roots: dict[int, Token] = {}

    # ── tokens, sentences, paragraphs ──

    @functools.cached_property
    def unit_state(self) -> str | None:
        """The one state whose administrative units the article names ("upazila": Bangladesh),
        read once (`Registry.unit_state`)."""
        return self.registry.unit_state(word.lower_ for word in self.doc)

    def _root(self, span: Span) -> Token | None:
        found = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return found.root if found is not None and len(found) else None

    def _tokens(self, span: Span) -> range:
        found = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return range(found.start, found.end) if found is not None else range(0)

    def sentence(self, i: int) -> int:
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """The token range of token `i`'s sentence, as `token.sent` has it: spaCy walks the
        sentence to both its ends at every read of `token.sent`."""
        n = self.sentence(i)
        starts = self.sentence_starts
        return starts[n], starts[n + 1] if n + 1 < len(starts) else len(self.tokens)

    def sentence_tokens(self, i: int) -> list[Token]:
        """The tokens of token `i`'s sentence (`token.sent`'s)."""
        start, end = self.sentence_bounds(i)
        return self.tokens[start:end]

    def sentence_root(self, i: int) -> Token:
        """The root of token `i`'s sentence (`token.sent.root`), found once per sentence."""
        n = self.sentence(i)
        root = self._sentence_roots.get(n)
        if root is None:
            start, end = self.sentence_bounds(i)
            root = self._sentence_roots[n] = self.doc[start:end].root
        return root

    def _by_sentence(self, found: Sequence[tuple[T, Token]]) -> dict[int, list[tuple[T, Token]]]:
        """Mentions and their root words by the root's sentence, in `found`'s order: a long
        report's stages ask for the mentions of one sentence, never read them all."""
        index: dict[int, list[tuple[T, Token]]] = {}
        for item, root in found:
            index.setdefault(self.sentence(root.i), []).append((item, root))
        return index

    def dates_in(self, sentence: int) -> list[tuple[DateMention, Token]]:
        """The dates (no durations) whose root is in sentence number `sentence`."""
        return self._dates_by_sentence.get(sentence, [])

    def killed_in(self, sentence: int) -> list[tuple[Quantity, Token]]:
        """The killed counts whose root is in sentence number `sentence`."""
        return self._killed_by_sentence.get(sentence, [])

    def places_in(self, first: int, last: int) -> list[tuple[PlaceMention, Token]]:
        """The usable places whose root is in sentences `first`…`last`, in `places` order."""
        if first == last:
            return self._places_by_sentence.get(first, [])
        return [p for n in range(first, last + 1) for p in self._places_by_sentence.get(n, [])]

    def paragraph(self, i: int) -> int:
        return bisect.bisect_right(self.line_breaks, self.tokens[i].idx)

    def token_span(self, start: int, end: int) -> Span:
        first, last = self.tokens[start], self.tokens[end - 1]
        return Span(first.idx, last.idx + len(last.text))

    # ── triggers and their clauses ──

    def mark_triggers(self, tokens: Iterable[Token]) -> None:
        """Record the clause each trigger sits in: a clause holding another trigger is that
        trigger's, not part of this one's scope."""
        for token in tokens:
            self.trigger_clauses[token.i] = syntax.clause_head(token).i
        self.trigger_heads = set(self.trigger_clauses.values())

    def scope(self, token: Token) -> set[int]:
        """The trigger's clause: its clause head's subtree, without the embedded clauses that
        hold another trigger."""
        cached = self._scopes.get(token.i)
        if cached is not None:
            return cached
        head = syntax.clause_head(token)
        scope: set[int] = set()
        stack = [head]
        while stack:
            node = stack.pop()
            scope.add(node.i)
            for child in node.children:
                # most children head no clause: their edges need not be read
                if (
                    syntax.is_clause(child)
                    and not child.left_edge.i <= token.i <= child.right_edge.i
                    and self._holds_trigger(child)
                ):
                    continue
                stack.append(child)
        scope -= self.sibling_events(token)
        self._scopes[token.i] = scope
        return scope

    def sibling_events(self, token: Token) -> set[int]:
        """The words of the event nouns coordinated with a trigger noun, when both name their
        own target or ground ("attacks against X and heavy shelling along the front line"):
        two events, each with its own place and weapon, not one."""
        if syntax.pos(token) != "NOUN" or not _has_own_phrase(token):
            return set()
        own = {t.i for t in token.subtree}
        found: set[int] = set()
        for other in _coordinated(token):
            if (
                other.i in self.trigger_clauses
                and syntax.pos(other) == "NOUN"
                and _has_own_phrase(other)
            ):
                words = {t.i for t in other.subtree}
                # a sibling parsed below the trigger takes its own words out of the trigger's
                found |= words if other.i in own else words - own
        return found

    def _holds_trigger(self, clause: Token) -> bool:
        return any(t.i in self.trigger_clauses for t in clause.subtree)

    def classify(self, token: Token, choices: Sequence[str]) -> str | None:
        """The classifier's best of `choices` for the trigger's sentence, or None without one."""
        if self._classifier is None:
            return None
        sentence = token.sent
        ranking = self._classified.get(sentence.start)
        if ranking is None:
            ranking = self._classified[sentence.start] = self._classifier(sentence.text)
        for label, _ in ranking:
            if label in choices:
                return label
        return None

    # ── indexes ──

    def _index_actors(self, mentions: Iterable[ActorMention]) -> dict[int, ActorMention]:
        index: dict[int, ActorMention] = {}
        for mention in mentions:
            for i in self._tokens(mention.span):
                index[i] = mention
        return index

    def nearest_armed(self, side: str, i: int) -> ActorMention | None:
        """The mention of `side`'s armed or governing actors nearest to token `i` (the earlier
        on a tie), a group's before a person's."""
        groups = self._side_positions.get(side)
        if groups is None:
            groups = self._side_positions[side] = ([], [])
            for at, mention in sorted(self.actor_at.items()):
                if mention.actor.side == side and mention.actor.inter != 0:
                    groups[int(mention.role == "person")].append(at)
        for positions in groups:
            if positions:
                n = bisect.bisect_left(positions, i)
                near = positions[max(0, n - 1) : n + 1]
                return self.actor_at[min(near, key=lambda p: (abs(p - i), p))]
        return None

    def _index_corefs(self) -> dict[int, ActorRef]:
        index: dict[int, ActorRef] = {}
        for link in self.result.coreferences:
            if link.actor is None:
                continue
            for i in self._tokens(link.span):
                index[i] = ActorRef(link.actor, link.span)
        return index

    def _usable_places(self, mentions: Iterable[PlaceMention]) -> list[tuple[PlaceMention, Token]]:
        """Places where something can happen: never a place that acts, a country or a demonym."""
        metonym_tokens = {
            i for i, mention in self.actor_at.items() if mention.role in ("metonym", "seat")
        }
        usable = []
        for mention in mentions:
            place = mention.place
            if mention.role != "location" or place is None or mention.geo_precision is None:
                continue
            if place.feature in _UNUSABLE_FEATURES:
                continue
            tokens = self._tokens(mention.span)
            if not tokens or metonym_tokens.intersection(tokens):
                continue  # a capital used as its government ("Kyiv insists") is no place
            root = self.doc[tokens.start : tokens.stop].root
            if self.text[mention.span.end : mention.span.end + 1] == "-":
                continue  # "Moscow-annexed Crimea", "Kyiv-based": a modifier, not a place
            if root.dep_ in syntax.ACTING_DEPS and self._is_metonym(mention.span.of(self.text)):
                continue  # "as Moscow moves its operation": the capital acts, nothing happens there
            usable.append((mention, root))
        return usable

    def _antecedent(
        self,
        named: Sequence[tuple[PlaceMention, Token]],
        roots: Sequence[int],
        description: Token,
        feature: str,
    ) -> PlaceMention | None:
        """The last named place (`named` in text order, `roots` their root indices) of
        `feature` before the description, within `_ANAPHOR_SENTENCES` sentences of it."""
        sentence = self.sentence(description.i)
        for n in range(bisect.bisect_left(roots, description.i) - 1, -1, -1):
            mention, root = named[n]
            if sentence - self.sentence(root.i) > _ANAPHOR_SENTENCES:
                return None
            if self._landmark(root):
                continue
            if (
                mention.place.feature == feature
                if mention.place is not None
                else feature == _SETTLEMENT  # most unknown toponyms are villages
            ):
                return mention
        return None

    def _with_anaphors(
        self, places: list[tuple[PlaceMention, Token]], mentions: Sequence[PlaceMention]
    ) -> list[tuple[PlaceMention, Token]]:
        """The usable places, and the definite descriptions that refer back to a named place
        ("Kyiv came under fire … withdrew from around the city"): the last place of the
        description's kind in the same or the `_ANAPHOR_SENTENCES` sentences before, as a
        mention of the description's own words."""
        named = [
            (mention, root)
            for mention in mentions
            if mention.role == "location"
            and structure.is_prose(self.result.parts, mention.span)  # never a caption's place
            and (root := self._root(mention.span)) is not None
        ]
        if not named:
            return places
        named.sort(key=lambda pair: pair[1].i)
        roots = [root.i for _, root in named]
        anaphors = self.lexicon.place_anaphors
        covered = {i for mention, _ in named for i in self._tokens(mention.span)}
        found = list(places)
        for i in words_among(self.doc, anaphors):
            token = self.tokens[i]
            feature = anaphors[token.lower_]
            if i in covered or not bare_definite(token):
                continue
            antecedent = self._antecedent(named, roots, token, feature)
            if antecedent is None or antecedent.place is None:
                continue  # the last such place is one the gazetteer does not know
            span = self.token_span(token.left_edge.i, token.i + 1)
            found.append(
                (
                    PlaceMention(
                        span=span,
                        place=antecedent.place,
                        geo_precision=antecedent.geo_precision,
                        score=antecedent.score,
                        reason="refers back to " + antecedent.span.of(self.text),
                    ),
                    token,
                )
            )
        return sorted(found, key=lambda pair: pair[1].i)

    def _landmark(self, root: Token) -> bool:
        """ "X, just south of Y", "X (30 km from Y)": Y only says where X is; what follows is
        about X."""
        preposition = root.head
        if preposition.dep_ != "prep" or preposition.lower_ not in ("of", "from"):
            return False
        measure = preposition.head
        return (
            measure.lower_ in self.lexicon.nearby_words or measure.lemma_.lower() in _DISTANCE_UNITS
        )

    def _is_metonym(self, name: str) -> bool:
        entry = self.registry.entries.get(name)
        return entry is not None and (entry.metonym_of is not None or entry.seat_of is not None)


def bare_definite(noun: Token) -> bool:
    """ "the city", "this town": a singular definite noun phrase with no name or description of
    its own ("the city of X", "a city", "the port city", "cities" are not anaphors)."""
    if noun.tag_ != "NN" or noun.dep_ in ("poss", "compound"):
        return False
    children = list(noun.children)
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in children):
        return False
    return not any(c.dep_ in _OWN_DESCRIPTION for c in children)


def _has_own_phrase(noun: Token) -> bool:
    return any(child.dep_ == "prep" for child in noun.children)


def _coordinated(noun: Token) -> list[Token]:
    """The nouns coordinated with `noun`, as parsed and as meant: in "attacks against X, Y and Z
    and heavy shelling" the parser makes "shelling" one more item of the list of places, though
    it is coordinated with "attacks"."""
    found = list(noun.conjuncts)
    owner = _list_owner(noun)
    if owner is not None:
        found.append(owner)
    found.extend(
        t
        for t in noun.subtree
        if t.dep_ == "conj" and (owner := _list_owner(t)) is not None and owner.i == noun.i
    )
    return found


def _list_owner(token: Token) -> Token | None:
    """The noun whose prepositional object is the list a conjunct hangs in, if any."""
    node = token
    for _ in range(syntax.MAX_CLIMB):
        if node.dep_ != "conj":
            break
        node = node.head
    if node.i == token.i or node.dep_ != "pobj" or node.head.dep_ != "prep":
        return None
    owner = node.head.head
    return owner if syntax.pos(owner) == "NOUN" else None
