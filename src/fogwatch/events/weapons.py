"""What struck and whom: weapon words near a trigger, ground-war words, civilian victims.

The weapon nearest the trigger decides a strike's sub-event type (`data/event_triggers.yaml`,
`weapons`): the trigger's own words and arguments first ("drone attack", "shelled with
artillery"), then the rest of its sentence. Victim words decide civilian targeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fogwatch.events import syntax
from fogwatch.events.candidate import CIVILIANS_INTER, ActorRef
from fogwatch.records import Span

# "men believed to be al-Qaeda militants", "gunmen suspected to be members of ISWAP": verbs that
# say who the people named only by what they are were.
IDENTIFYING_VERBS = frozenset(
    {"believe", "suspect", "say", "think", "allege", "report", "identify"}
)

CHEMICAL_WEAPON = "Chemical weapon"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading


def weapon_of(reading: Reading, token: Token) -> str | None:
    """The sub-event type a weapon word makes, or None ("anti-aircraft" is no aircraft)."""
    lexicon = reading.lexicon
    weapons = lexicon.weapons
    lemma = token.lemma_.lower()
    if lemma not in lexicon.weapon_heads and token.lower_ not in lexicon.weapon_heads:
        return None
    tokens = reading.tokens
    before_words = [t.lower_ for t in tokens[max(0, token.i - 2) : token.i]]
    if "anti" in before_words or token.lower_.startswith(("anti-", "counter")):
        return None
    if token.i > 1:
        # "suicide car bomb": the longest name first
        triple = f"{before_words[0]} {before_words[1]} {token.lower_}"
        if triple in weapons:
            return weapons[triple]
    if token.i > 0:
        before = tokens[token.i - 1]
        pair = f"{before.lemma_.lower()} {lemma}"
        if pair in weapons:
            return weapons[pair]
        pair = f"{before.lower_} {token.lower_}"
        if pair in weapons:
            return weapons[pair]
    return weapons.get(lemma) or weapons.get(token.lower_)


def own_weapon(reading: Reading, token: Token) -> tuple[str, Span] | None:
    """A weapon word among the trigger's own words and arguments ("drone attack", "a missile
    hit", "shelled with artillery")."""
    subject = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    others = reading.sibling_events(token)
    candidates = [
        t
        for t in (token, *token.subtree, *(t for s in subject for t in s.subtree))
        if t.i not in others
    ]
    start, end = reading.sentence_bounds(token.i)
    entries = reading.lexicon.triggers.get(token.lemma_.lower(), ())
    best: tuple[int, str, Span] | None = None
    for candidate in candidates:
        if not start <= candidate.i < end or _weapon_modifier(reading, candidate):
            continue
        found = weapon_of(reading, candidate)
        if found is None:
            continue
        if candidate.i == token.i and any(entry.sub_type == found for entry in entries):
            continue  # the trigger itself ("shelling") is no extra evidence
        distance = abs(candidate.i - token.i)
        if best is None or distance < best[0]:
            best = (distance, found, _weapon_span(reading, candidate))
    return (best[1], best[2]) if best else None


def in_argument(reading: Reading, token: Token, deps: frozenset[str]) -> bool:
    """Whether a weapon word lies in the trigger's argument phrases of these dependencies
    ("warplanes" of "warplanes destroyed", "grenades" of "rifles and grenades were found"),
    not in a clause below them."""
    stack = [child for child in token.children if child.dep_ in deps]
    while stack:
        word = stack.pop()
        if weapon_of(reading, word) is not None and not _weapon_modifier(reading, word):
            return True
        stack.extend(c for c in word.children if not syntax.is_clause(c))
    return False


def sentence_weapon(reading: Reading, token: Token) -> tuple[str, Span] | None:
    """The weapon word of the trigger's sentence nearest the trigger, outside the event nouns
    coordinated with it."""
    best: tuple[int, str, Span] | None = None
    others = reading.sibling_events(token)
    for candidate in reading.sentence_tokens(token.i):
        if candidate.i in others or _weapon_modifier(reading, candidate):
            continue
        found = weapon_of(reading, candidate)
        if found is None:
            continue
        distance = abs(candidate.i - token.i)
        if best is None or distance < best[0]:
            best = (distance, found, _weapon_span(reading, candidate))
    return (best[1], best[2]) if best else None


def chemical_weapon(reading: Reading, token: Token) -> tuple[str, Span] | None:
    """A chemical agent named anywhere in the trigger's sentence ("fired shells filled with
    chlorine gas"): ACLED codes the use of chemical weapons as such whatever delivered them."""
    for candidate in reading.sentence_tokens(token.i):
        if weapon_of(reading, candidate) == CHEMICAL_WEAPON:
            return CHEMICAL_WEAPON, _weapon_span(reading, candidate)
    return None


def exploded_device(reading: Reading, token: Token) -> tuple[str, Span] | None:
    """A device that went off where it was left ("a bomb placed in a bin exploded", "the
    explosion of a device"): ACLED's remote explosive, when the sentence names no weapon that
    delivered it (`sentence_weapon` comes first)."""
    for child in token.children:
        device = child
        if child.dep_ == "prep" and child.lower_ == "of":
            device = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in ("nsubj", "nsubjpass", "dobj", "compound"):
            continue
        if device.lemma_.lower() in reading.lexicon.devices:
            return REMOTE_EXPLOSIVE, reading.token_span(device.i, device.i + 1)
    return None


def military_words(reading: Reading, token: Token) -> bool:
    """Ground-war words among the trigger's own ("attacks on Ukrainian positions")."""
    words = {t.lemma_.lower() for t in token.subtree if t.i != token.i}
    return bool(words & reading.lexicon.ground_words)


def targets_civilians(reading: Reading, token: Token, patients: list[ActorRef]) -> Span | None:
    """The words that say civilians were the victims or the target, if any."""
    for ref in patients:
        if ref.actor.inter == CIVILIANS_INTER and ref.span is not None:
            return ref.span
    lexicon = reading.lexicon
    for quantity, root in reading.killed_in(reading.sentence(token.i)):
        if _civilian_count(reading, root):
            return quantity.span
    start, end = reading.sentence_bounds(token.i)
    for child in token.subtree:
        if not start <= child.i < end:
            continue
        lemma = child.lemma_.lower()
        if lemma in lexicon.civilian_targets or (
            lemma in lexicon.civilian_words
            and child.dep_ in ("dobj", "pobj", "nsubjpass")
            and not _said_to_fight(reading, child)
        ):
            return reading.token_span(child.i, child.i + 1)
    return None


def _said_to_fight(reading: Reading, noun: Token) -> bool:
    """Whether the words that say who the people were name fighters ("two men believed to be
    al-Qaeda militants", "three men, members of the militia"); not "residents fleeing
    militants", whose clause tells what they did."""
    said = (
        word
        for c in noun.children
        if c.dep_ == "appos" or (c.dep_ == "acl" and c.lemma_.lower() in IDENTIFYING_VERBS)
        for word in c.subtree
    )
    return any(word.lemma_.lower() in reading.lexicon.combatant_words for word in said)


def combatant_victims(reading: Reading, token: Token) -> bool:
    lemmas = {t.lemma_.lower() for t in token.subtree}
    return bool(lemmas & reading.lexicon.combatant_words)


def _weapon_span(reading: Reading, token: Token) -> Span:
    """The weapon's words: "suicide car bomb", "air strike", or the one word."""
    if token.i > 1:
        words = reading.tokens[token.i - 2 : token.i + 1]
        if " ".join(word.lower_ for word in words) in reading.lexicon.weapons:
            return reading.token_span(token.i - 2, token.i + 1)
    if token.i > 0:
        before = reading.tokens[token.i - 1]
        pairs = (
            f"{before.lemma_.lower()} {token.lemma_.lower()}",
            f"{before.lower_} {token.lower_}",
        )
        if any(pair in reading.lexicon.weapons for pair in pairs):
            return reading.token_span(token.i - 1, token.i + 1)
    return reading.token_span(token.i, token.i + 1)


def _weapon_modifier(reading: Reading, token: Token) -> bool:
    """ "drone" in "drone missiles": the head noun names the weapon that struck."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod")
        and head is not token
        and weapon_of(reading, head) is not None
    )


def _civilian_count(reading: Reading, root: Token) -> bool:
    lemmas = {t.lemma_.lower() for t in root.subtree} | {root.lemma_.lower()}
    return bool(lemmas & reading.lexicon.civilian_words) and not (
        lemmas & reading.lexicon.combatant_words
    )
