"""Where an event happened: the place mention its trigger's words point at.

The place of an event is, in order: a place mention in the trigger's clause (its target first —
"shelled X", "strikes on X" —, then a locative phrase — "in X", "near X", "fighting for
control of X" —, then a direction — "toward X" —, then an origin — "from X"); the place a
"where" clause holding the trigger describes ("the town of X, where …"); one in a locative
phrase elsewhere in the sentence, outside the phrases of its other event nouns; one in a
locative phrase of the two sentences before, in the same paragraph; and, for battles only, the
article's focus place at geo_precision 2 (a town) or 3 (a region). Places that act ("Moscow
said", "as Moscow moves"), modifiers ("Moscow-annexed"), countries and demonyms are never an
event's place (`Reading.places` holds only the usable ones, and the definite descriptions — "the
city" — that refer back to one). Territory and weak triggers ("advance", a noun "attack") take a
place only from their own clause, and agreements and arrests only from a locative phrase.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fogwatch.events import syntax
from fogwatch.events.candidate import PlaceRef
from fogwatch.events.lexicon import TriggerEntry
from fogwatch.events.reading import bare_definite
from fogwatch.records import GeoPrecision, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading

_LOCATIVE_ONLY_FRAMES = frozenset({"agree", "accord", "arrest", "intercept"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "advmod", "npadvmod", "appos"})
_CONTEXT_FEATURES = frozenset({"populated place", "admin1", "admin2", "district", "region"})
"""Places a later sentence can be about without naming them again (not a building, a river)."""
_SETTLEMENT = "populated place"
_DIVISIONS = frozenset({"admin1", "admin2", "district", "region"})
_LOCATION = "location"
_PLACE_PREPOSITIONS = frozenset({"of", "in", "near", "around", "outside", "over"})
_CONTEXT_SENTENCES = 2
_ORIGINS = frozenset({"from"})
_CONTESTED = frozenset({"for", "over"})
"""Prepositions of what a battle is fought for: the battle happens there."""


def find(reading: Reading, token: Token, entry: TriggerEntry, *, strict: bool) -> PlaceRef | None:
    """The event's place, from its clause, its sentence, the sentences before or the article's
    focus; `strict`: from its clause only."""
    frame = entry.frame
    locative_only = frame in _LOCATIVE_ONLY_FRAMES
    sentence = reading.sentence(token.i)
    scope = reading.scope(token)
    head = syntax.clause_head(token)
    ranked = []
    for mention, root in reading.places_in(sentence, sentence):
        if root.i not in scope or _in_other_clause(root, token):
            continue
        rank, nearby = _attachment(reading, root, head, token)
        if locative_only and rank != 1:
            continue
        ranked.append((rank, _container(root), abs(root.i - token.i), mention, nearby))
    if ranked:
        *_, mention, nearby = min(ranked, key=lambda r: r[:3])
        return _place_ref(mention, nearby, 0)
    where = _where_place(reading, token)
    if where is not None:
        return _place_ref(where, False, 1)
    if strict:
        return None
    in_sentence = []
    others = _other_events_words(reading, token)
    for mention, root in reading.places_in(sentence, sentence):
        if root.i in others or _in_other_clause(root, token):
            continue
        rank, nearby = _attachment(reading, root, reading.sentence_root(root.i), None)
        if rank == 1:
            in_sentence.append((abs(root.i - token.i), mention, nearby))
    if in_sentence:
        _, mention, nearby = min(in_sentence, key=lambda r: r[0])
        return _place_ref(mention, nearby, 1)
    if locative_only and not entry.after:
        return None
    paragraph = reading.paragraph(token.i)
    earlier = [
        (mention, nearby)
        for mention, root in reading.places_in(sentence - _CONTEXT_SENTENCES, sentence - 1)
        if reading.paragraph(root.i) == paragraph
        and mention.place is not None
        and mention.place.feature in _CONTEXT_FEATURES
        for rank, nearby in [_attachment(reading, root, reading.sentence_root(root.i), None)]
        if rank == 1
    ]
    if earlier:
        mention, nearby = earlier[-1]
        return _place_ref(mention, nearby, 2)
    if frame != "clash":
        return None  # a strike or a killing somewhere unnamed has no ACLED location
    return _focus(reading)


def _other_events_words(reading: Reading, token: Token) -> set[int]:
    """The words of the sentence's other trigger nouns that do not hold this trigger ("…
    continued operations in eastern Ukraine to build bases for operations in Donbas"): a place
    named as another event's is not this one's."""
    found: set[int] = set()
    for other in reading.sentence_tokens(token.i):
        if other.i == token.i or other.i not in reading.trigger_clauses:
            continue
        if syntax.pos(other) != "NOUN" or token in other.subtree:
            continue
        found |= {t.i for t in other.subtree}
    return found


def _in_other_clause(root: Token, trigger: Token) -> bool:
    """Whether a place lies in an adverbial clause with a subject of its own that does not hold
    the trigger: in "the strikes came as leaders began a summit in X", X is where the leaders
    are, not where the strikes hit. (A relative clause is different: "a theatre where civilians
    sheltered in X" says where the theatre is.)"""
    return syntax.in_clause_apart(
        root, trigger, lambda node: node.dep_ == "advcl" and syntax.has_subject(node)
    )


def _where_place(reading: Reading, token: Token) -> PlaceMention | None:
    """The place a "where" clause holding the trigger describes: "the town of Bucha, where
    civilians were murdered" happened in Bucha."""
    node = token
    for _ in range(syntax.MAX_CLIMB):
        if node.dep_ == "relcl" and any(
            child.lower_ == "where" and child.dep_ == "advmod" for child in node.children
        ):
            described = node.head
            here = reading.sentence(described.i)
            for mention, root in reading.places_in(here, here):
                path = syntax.path_to(root, described)
                if root.i == described.i or (path is not None and _transparent(reading, path)):
                    return mention
            return None
        if node.dep_ in ("ROOT", "relcl") or node.head is node:
            return None
        node = node.head
    return None


def names_unknown(reading: Reading, token: Token) -> bool:
    """Whether the trigger's clause names a place the gazetteer does not know, in a locative
    phrase or as its target ("fighting continues in Sevirodontsk"): the event has a place of
    its own, though not one on the map."""
    scope = reading.scope(token)
    head = syntax.clause_head(token)
    return any(
        root.i in scope and _attachment(reading, root, head, token)[0] <= 1
        for root in reading.unknown_places
    )


def division(found: PlaceRef | None) -> PlaceRef | None:
    """The place if it is a division (region, district), which may hold an unnamed place; not a
    town ("between Tikrit and Samarra" does not place a village the gazetteer lacks)."""
    if found is None or found.mention.place is None:
        return None
    return found if found.mention.place.feature in _DIVISIONS else None


def names_unknown_object(reading: Reading, trigger: Token, entry: TriggerEntry) -> bool:
    """Whether the trigger's object is a place the gazetteer does not know ("retook the town of
    Ras Kamboni"): a named place changed hands, though not one on the map."""
    scope = reading.scope(trigger)
    if any(
        root.i in scope and _is_object(reading, root, trigger, entry)
        for root in reading.unknown_places
    ):
        return True
    # "residents returned to Dabiq after rebels seized the town": a bare "the town" after such a
    # place in its own sentence is that place
    sentence = trigger.sent
    if not any(sentence.start <= root.i < trigger.i for root in reading.unknown_places):
        return False
    anaphors = reading.lexicon.place_anaphors
    return any(
        word.i in scope
        and word.lower_ in anaphors
        and bare_definite(word)
        and _is_object(reading, word, trigger, entry)
        for word in sentence
        if word.i > trigger.i
    )


def object_place(reading: Reading, trigger: Token, entry: TriggerEntry) -> PlaceRef | None:
    """The place a trigger is about: "withdrew from X", "captured X", "the capture of X",
    "X fell", "stormed X" — the nearest one in its clause."""
    scope = reading.scope(trigger)
    found = []
    here = reading.sentence(trigger.i)
    for mention, root in reading.places_in(here, here):
        if root.i in scope and _is_object(reading, root, trigger, entry):
            _, nearby = _attachment(reading, root, trigger, None)
            found.append((_container(root), abs(root.i - trigger.i), mention, nearby))
    if not found:
        return None
    *_, mention, nearby = min(found, key=lambda f: f[:2])
    return _place_ref(mention, nearby, 0)


def _container(root: Token) -> bool:
    """Whether a place only classifies a noun that names its own place with "of": in "the Black
    Sea port of Odesa" and "the Donetsk Oblast town of Marinka" the event is in the "of" place;
    or holds the place it is the possessor of: "Rakhine State's Maungdaw township"."""
    if root.dep_ == "poss" and root.head.pos_ in ("PROPN", "NOUN") and root.head.i > root.i:
        return any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in root.head.children)
    return root.dep_ in ("compound", "amod", "nmod") and any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(g.dep_ == "pobj" for g in child.children)
        for child in root.head.children
    )


def _attachment(
    reading: Reading, root: Token, head: Token, trigger: Token | None
) -> tuple[int, bool]:
    """How a place hangs from its clause, as a rank — 0 the trigger's target ("shelled X",
    "strikes on X"), 1 a locative phrase ("in X", "near X"), 2 a direction ("toward X"), 3 an
    origin ("from X") or anything else ("control over X") — and whether the words say the area
    around it (ACLED geo_precision 2)."""
    lexicon = reading.lexicon
    path = syntax.path_to(root, head) or [root, *list(root.ancestors)[:4]]
    rank = 3
    nearby = False
    for node in path:
        if node.lower_ in lexicon.nearby_words:
            nearby = True
        if rank == 3 and node.dep_ == "prep" and node.lower_ == "of":
            if node.head.lower_ in lexicon.nearby_words:
                rank, nearby = 1, True  # "east of X", "the outskirts of X": around X
            continue
        if rank == 3 and node.dep_ == "prep":
            if _fought_over(reading, node, trigger):
                rank = 1  # "fighting for (control of) X", "the battle for X": the battle is at X
            elif node.lower_ in lexicon.directional_prepositions:
                # "attacks from X toward Y": the fighting is toward Y; X is where it came from
                rank = 3 if node.lower_ in _ORIGINS else 2
            elif node.lower_ in lexicon.locative_prepositions:
                rank = 1
            else:
                rank = 4  # the nearest preposition decides: "control over X" is no location
    before = root.i - 1
    if before >= 0 and reading.doc[before].lower_ in lexicon.nearby_words:
        nearby = True
    if trigger is not None and _is_target(reading, root, trigger):
        rank = 0
    return min(rank, 3), nearby


def _fought_over(reading: Reading, preposition: Token, trigger: Token | None) -> bool:
    if trigger is None or preposition.lower_ not in _CONTESTED or preposition.head.i != trigger.i:
        return False
    entries = reading.lexicon.triggers.get(trigger.lemma_.lower(), ())
    return any(entry.frame == "clash" for entry in entries)


def _is_target(reading: Reading, root: Token, trigger: Token) -> bool:
    """ "shelled X", "X was struck", "strikes on X", "the town of X": what the trigger hits."""
    path = syntax.path_to(root, trigger)
    if not path:
        return False
    last = path[-1]
    if last.lower_ in reading.lexicon.nearby_words:
        return False  # "fought … north of X": X only says where
    if last.dep_ in _OBJECT_DEPS:
        return _transparent(reading, path[:-1])
    if last.dep_ == "prep" and last.lower_ in ("on", "against", "at"):
        return _transparent(reading, path[:-1])
    return False


def _is_object(reading: Reading, root: Token, trigger: Token, entry: TriggerEntry) -> bool:
    path = syntax.path_to(root, trigger)
    if not path:
        return False
    last = path[-1]
    if last.dep_ in ("nsubj", "nsubjpass") and entry.lemma == "fall":
        return _transparent(reading, path[:-1])
    if last.dep_ in _OBJECT_DEPS:
        return _transparent(reading, path[:-1])
    preps = reading.lexicon.object_preps.get(entry.frame, frozenset())
    if last.dep_ in ("prep", "prt") and last.lower_ in preps:
        return _transparent(reading, path[:-1])
    return False


def _transparent(reading: Reading, path: Sequence[Token]) -> bool:
    """Words between a place and its trigger that keep it the object: "three villages in X",
    "the town of X", "control of X"."""
    for node in path[1:]:
        if node.dep_ in ("conj", "cc", "appos", "compound", "punct", "nummod"):
            continue
        if node.dep_ == "prep" and node.lower_ in _PLACE_PREPOSITIONS:
            continue
        lemma = node.lemma_.lower()
        if node.pos_ in syntax.NOUNS and (
            lemma in reading.lexicon.place_nouns or lemma == "control"
        ):
            continue
        return False
    return True


def _place_ref(mention: PlaceMention, nearby: bool, level: int) -> PlaceRef:
    precision: GeoPrecision = mention.geo_precision or 1
    if nearby and precision == 1:
        precision = 2  # ACLED: "near X" is coded to X at geo_precision 2
    return PlaceRef(mention, precision, level)


_FOCUS: weakref.WeakKeyDictionary[Reading, PlaceRef | None] = weakref.WeakKeyDictionary()
"""Each article's focus, asked by each of its unplaced battles; gone with its reading."""


def _focus(reading: Reading) -> PlaceRef | None:
    if reading not in _FOCUS:
        _FOCUS[reading] = _main_place(reading)
    return _FOCUS[reading]


def _main_place(reading: Reading) -> PlaceRef | None:
    """The article's main place: its most named town, else its most named region — named
    twice or more, never a building or a country, and in the article's most named country (a
    report on the front that names Washington three times is not about Washington)."""
    country = _main_country(reading)
    counts: dict[str, int] = {}
    first: dict[str, PlaceMention] = {}
    for mention, _ in reading.places:
        place = mention.place
        if place is None or place.feature not in _CONTEXT_FEATURES:
            continue
        if country is not None and place.country != country:
            continue
        key = place.key
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, mention)
    order = list(first)
    named = [key for key in order if counts[key] >= 2]
    towns = [key for key in named if _is_settlement(first[key])]
    pool = towns or named
    if not pool:
        return None
    best = max(pool, key=lambda key: (counts[key], -order.index(key)))
    # ACLED: an event known only to be in the article's area is coded to its main town at
    # geo_precision 2, or to its region at 3
    return PlaceRef(first[best], 2 if _is_settlement(first[best]) else 3, 3)


def _main_country(reading: Reading) -> str | None:
    """The country whose places (and itself) the article names most as locations — not as
    demonyms, metonyms or datelines; None on a tie."""
    counts = Counter(
        mention.place.country
        for mention in reading.result.places
        if mention.role == _LOCATION and mention.place is not None and mention.place.country
    ).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def _is_settlement(mention: PlaceMention) -> bool:
    return mention.place is not None and mention.place.feature == _SETTLEMENT
