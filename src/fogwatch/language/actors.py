"""Actor mentions: who acts or speaks in an article, resolved against the actor registry.

The registry (`data/actors.yaml`) names actors, their aliases, the people who speak for them,
the places and buildings that stand for them, and the qualifiers and role nouns that build
phrases such as "Ukraine's military" or "Russian diplomat Alexei Polishchuk". `find` reads a
parsed article once, left to right, over the hits of two cached `PhraseMatcher`s (names on the
exact spelling, role nouns in any case), and resolves:

- aliases: "SBU", "Reuters", "Wagner Group" → that actor;
- people: "Syrskyi", "Gen. Oleksandr Syrskyi" → the actor they speak for, `person` = full name;
- metonyms: "Moscow claims", "Kyiv's side", "urged Kyiv" → the government, only when the place
  acts; "in Moscow" is a place and yields nothing;
- seats: "The Kremlin hopes" → the government, unless it is a place ("at the Kremlin");
- role phrases: a qualifier and a role noun, "Russian troops", "Ukraine's chief of staff",
  "Putin's forces", "the armed forces of Ukraine";
- titles and appositives: "Russian diplomat Alexei Polishchuk", "John Doe, a Ukrainian soldier,"
  give a person not in the registry the affiliation of the title; a person with no affiliation
  anywhere is left out (unresolved beats wrong), and their surname alone later in the article is
  the same person.

Spans cover the words of the name or phrase: never a leading determiner ("Kremlin" in "the
Kremlin"), never a title before a name ("Oleksandr Syrskyi" in "Gen. Oleksandr Syrskyi"); a role
phrase includes its qualifier ("Ukraine’s military", "Russian troops", "Vladimir Putin’s forces").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import yaml

from fogwatch.records import Actor, ActorMention, Span

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

REGISTRY_FILE = "actors.yaml"
GENDERS = frozenset({"male", "female"})
# What a role noun names, and so the `ActorMention.role` of the phrase it heads.
ROLE_FORMS = frozenset({"group", "mention", "person"})
# ACLED inter codes fixed by kind; other kinds are checked against the 0..8 range only.
INTER_BY_KIND = {"media": 0, "analysis/OSINT": 0, "civilians": 7, "protesters": 6}
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"a", "an", "the"})
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_MAX_NAME_TOKENS = 4
_MAX_MODIFIERS = 4
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_AFTER_SURNAME = frozenset({"PUNCT", "VERB", "AUX", "PART", "CCONJ"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_NP_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_APPOSITIVE_OPENERS = frozenset({",", "(", "“", '"', "‘", "'"})
_APPOSITIVE_CLOSERS = frozenset({",", ".", ";", ")", "”", '"', "’", ":", "—", "–"})


class RegistryError(Exception):
    """`actors.yaml` is malformed: `actors.yaml: <what is wrong> — <what to do>`."""

    def __init__(self, problem: str, fix: str = "fix src/fogwatch/data/actors.yaml") -> None:
        super().__init__(f"{REGISTRY_FILE}: {problem} — {fix}")


@dataclass(frozen=True)
class Person:
    """A named individual who speaks for an actor."""

    name: str
    actor: Actor
    gender: str | None
    titles: frozenset[str]


@dataclass(frozen=True)
class Polity:
    """What a qualifier ("Russian", "Ukraine's", "occupation") ties role nouns to."""

    key: str
    rank: int
    words: tuple[str, ...]
    roles: dict[str, Actor]


@dataclass(frozen=True)
class RoleNoun:
    """A role noun ("troops", "defence ministry", "diplomat") under its role key."""

    key: str
    form: str


@dataclass
class Entry:
    """Everything one surface form ("Moscow", "Syrskyi", "SBU") can stand for."""

    text: str
    actor: Actor | None = None
    person: Person | None = None
    candidates: tuple[Person, ...] = ()
    metonym_of: Actor | None = None
    seat_of: Actor | None = None
    polity: Polity | None = None
    blocked: bool = False
    plural: bool = False
    """An alias for members rather than the body ("civilians", "UN monitors")."""


@dataclass
class Registry:
    """The validated actor registry and the matchers built from it."""

    actors: dict[str, Actor]
    people: dict[str, Person]
    actor_titles: dict[str, frozenset[str]]
    entries: dict[str, Entry]
    role_nouns: dict[str, RoleNoun]
    polities: dict[str, Polity]
    agent_verbs: frozenset[str]
    address_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    not_name_words: frozenset[str]
    reporting_verbs: frozenset[str]
    _matchers: dict[tuple[int, str], tuple[Vocab, PhraseMatcher]] = field(default_factory=dict)
    _tokenizers: dict[int, Tokenizer] = field(default_factory=dict)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; `KeyError` when there is none."""
        return self.actors[actor_id]

    def titles_of(self, mention: ActorMention) -> frozenset[str]:
        """Nouns that, after "the", can refer back to this mention's person or actor."""
        person = self.people.get(mention.person or "")
        titles = person.titles if person else frozenset()
        if mention.role == "mention":
            titles |= self.actor_titles.get(mention.actor.id, frozenset())
        return titles

    def matcher(
        self,
        vocab: Vocab,
        kind: str,
        patterns: Callable[[], dict[str, list[str]]],
        attr: str,
    ) -> PhraseMatcher:
        """A `PhraseMatcher` over `patterns()` (key → phrases), built once per vocab and kind."""
        cache_key = (id(vocab), kind)
        cached = self._matchers.get(cache_key)
        if cached is not None and cached[0] is vocab:
            return cached[1]
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.tokenizer import Tokenizer

        tokenizer = self._tokenizers.get(id(vocab))
        if tokenizer is None or tokenizer.vocab is not vocab:
            blank = spacy.blank("en", vocab=vocab).tokenizer
            assert isinstance(blank, Tokenizer)  # a blank pipeline keeps spaCy's own tokenizer
            tokenizer = self._tokenizers[id(vocab)] = blank
        matcher = PhraseMatcher(vocab, attr=attr)
        for key, phrases in patterns().items():
            matcher.add(key, list(tokenizer.pipe(phrases)))
        self._matchers[cache_key] = (vocab, matcher)  # the vocab is kept so its id stays unique
        return matcher

    def name_matcher(self, vocab: Vocab) -> PhraseMatcher:
        """Names, metonyms, seats and qualifiers, matched on the exact spelling."""
        return self.matcher(
            vocab, "names", lambda: {text: _spellings(text) for text in self.entries}, "ORTH"
        )

    def role_matcher(self, vocab: Vocab) -> PhraseMatcher:
        """Role nouns, matched in any case."""
        return self.matcher(
            vocab,
            "roles",
            lambda: {text: _role_spellings(text) for text in self.role_nouns},
            "LOWER",
        )


def _apostrophe_variants(text: str) -> list[str]:
    variants = {text, text.replace("'", "’"), text.replace("’", "'")}
    return sorted(variants)


def _role_spellings(text: str) -> list[str]:
    """Lowercase, capitalised and title-case forms: abbreviations tokenise by case ("Maj. Gen.")."""
    variants = set(_apostrophe_variants(text))
    variants |= {v.title() for v in variants} | {v[0].upper() + v[1:] for v in variants}
    return sorted(variants)


def _spellings(text: str) -> list[str]:
    """The exact spellings of a name: apostrophe styles, and capitalised at a sentence start."""
    variants = set(_apostrophe_variants(text))
    variants |= {v[0].upper() + v[1:] for v in variants if v[0].islower()}
    return sorted(variants)


# ─── loading and validation ──────────────────────────────────────────────────────────────────


@functools.cache
def load_registry() -> Registry:
    """The registry from `data/actors.yaml`, read and validated once per process."""
    text = files("fogwatch.data").joinpath(REGISTRY_FILE).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RegistryError(f"not valid YAML ({error})") from error
    return build_registry(data)


def build_registry(data: Any) -> Registry:
    """Validate parsed registry data and index it; raises `RegistryError` naming the problem."""
    if not isinstance(data, dict):
        raise RegistryError("the top level must be a mapping")
    sides = set(_required(data, "sides", dict, "top level"))
    kinds = set(_required(data, "kinds", list, "top level"))
    actors: dict[str, Actor] = {}
    people: dict[str, Person] = {}
    actor_titles: dict[str, frozenset[str]] = {}
    claims: dict[str, list[tuple[str, Actor | Person]]] = {}

    def claim(surface: str, kind: str, target: Actor | Person) -> None:
        if not isinstance(surface, str) or not surface.strip():
            raise RegistryError(f"empty or non-text {kind} for {_label(target)}")
        claims.setdefault(surface, []).append((kind, target))

    for raw in _required(data, "actors", list, "top level"):
        actor = _actor(raw, sides, kinds)
        if actor.id in actors:
            raise RegistryError(f"actor id {actor.id} is used twice", "give each actor its own id")
        actors[actor.id] = actor
        actor_titles[actor.id] = frozenset(t.lower() for t in raw.get("titles", []))
        for alias in raw.get("aliases", []):
            claim(alias, "alias", actor)
        for metonym in raw.get("metonyms", []):
            claim(metonym, "metonym", actor)
        for seat in raw.get("seats", []):
            claim(seat, "seat", actor)
        for raw_person in raw.get("people", []):
            person = _person(raw_person, actor)
            if person.name in people:
                raise RegistryError(f"person {person.name} is listed twice", "keep one entry")
            people[person.name] = person
            for variant in {person.name, *raw_person.get("variants", [])}:
                claim(variant, "person", person)

    ambiguous: dict[str, tuple[Person, ...]] = {}
    for raw in data.get("ambiguous", []):
        alias = raw.get("alias") if isinstance(raw, dict) else None
        between = raw.get("between", []) if isinstance(raw, dict) else []
        if not alias or len(between) < 2:
            raise RegistryError(f"ambiguous entry {raw!r} needs an alias and two or more people")
        unknown = [name for name in between if name not in people]
        if unknown:
            raise RegistryError(f"ambiguous alias {alias!r} names unknown people {unknown}")
        ambiguous[alias] = tuple(people[name] for name in between)

    polities = _polities(_required(data, "polities", dict, "top level"), actors)
    entries = _entries(claims, ambiguous, polities)
    for blocked in data.get("not_actors", []):
        entries.setdefault(blocked, Entry(blocked)).blocked = True

    language = _required(data, "language", dict, "top level")
    return Registry(
        actors=actors,
        people=people,
        actor_titles=actor_titles,
        entries=entries,
        role_nouns=_role_nouns(_required(data, "roles", dict, "top level"), polities),
        polities=polities,
        agent_verbs=_words(language, "agent_verbs"),
        address_verbs=_words(language, "address_verbs"),
        agent_nouns=_words(language, "agent_nouns"),
        locative_prepositions=_words(language, "locative_prepositions"),
        modifiers=_words(language, "modifiers"),
        honorifics=_words(language, "honorifics"),
        not_name_words=_words(language, "not_name_words"),
        reporting_verbs=_words(language, "reporting_verbs"),
    )


def _required(data: dict, key: str, kind: type, where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise RegistryError(f"{where}: `{key}` must be a {kind.__name__}")
    return value


def _label(target: Actor | Person) -> str:
    return target.id if isinstance(target, Actor) else target.name


def _actor(raw: Any, sides: set[str], kinds: set[str]) -> Actor:
    if not isinstance(raw, dict) or not raw.get("id"):
        raise RegistryError(f"actor {raw!r} has no id")
    actor_id = raw["id"]
    for key in ("name", "side", "kind", "inter"):
        if key not in raw:
            raise RegistryError(f"actor {actor_id} has no `{key}`")
    side, kind, inter = raw["side"], raw["kind"], raw["inter"]
    if side not in sides:
        raise RegistryError(f"actor {actor_id} has unknown side {side!r}", "add it under `sides`")
    if not actor_id.startswith(f"{side}."):
        raise RegistryError(f"actor id {actor_id} does not start with its side {side}.")
    if kind not in kinds:
        raise RegistryError(f"actor {actor_id} has unknown kind {kind!r}", "use one under `kinds`")
    if not isinstance(inter, int) or not 0 <= inter <= 8:
        raise RegistryError(f"actor {actor_id} has inter {inter!r}, not an ACLED code 0..8")
    if INTER_BY_KIND.get(kind, inter) != inter:
        raise RegistryError(
            f"actor {actor_id} of kind {kind} must have inter {INTER_BY_KIND[kind]}"
        )
    for key in ("aliases", "metonyms", "seats", "people", "titles"):
        if not isinstance(raw.get(key, []), list):
            raise RegistryError(f"actor {actor_id}: `{key}` must be a list")
    return Actor(id=actor_id, name=raw["name"], side=side, kind=kind, inter=inter)


def _person(raw: Any, actor: Actor) -> Person:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise RegistryError(f"a person under {actor.id} has no name")
    gender = raw.get("gender")
    if gender is not None and gender not in GENDERS:
        raise RegistryError(f"{raw['name']} has gender {gender!r}", "use male or female")
    if not isinstance(raw.get("variants", []), list) or not isinstance(raw.get("titles", []), list):
        raise RegistryError(f"{raw['name']}: `variants` and `titles` must be lists")
    titles = frozenset(t.lower() for t in raw.get("titles", []))
    return Person(name=raw["name"], actor=actor, gender=gender, titles=titles)


def _polities(raw: dict, actors: dict[str, Actor]) -> dict[str, Polity]:
    polities = {}
    for key, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("words"), list):
            raise RegistryError(f"polity {key} needs a list of `words`")
        roles = {}
        for role, actor_id in (spec.get("roles") or {}).items():
            if actor_id not in actors:
                raise RegistryError(f"polity {key} maps {role} to unknown actor {actor_id}")
            roles[role] = actors[actor_id]
        words = tuple(str(word) for word in spec["words"])
        polities[key] = Polity(key=key, rank=int(spec.get("rank", 1)), words=words, roles=roles)
    return polities


def _entries(
    claims: dict[str, list[tuple[str, Actor | Person]]],
    ambiguous: dict[str, tuple[Person, ...]],
    polities: dict[str, Polity],
) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for surface, claimants in claims.items():
        entry = entries[surface] = Entry(surface)
        named = {
            (kind, _label(target)) for kind, target in claimants if kind in ("alias", "person")
        }
        places = {
            (kind, _label(target)) for kind, target in claimants if kind in ("metonym", "seat")
        }
        if len(named) + len(places) > 1 and surface not in ambiguous:
            owners = sorted(label for _, label in named | places)
            raise RegistryError(
                f"{surface!r} belongs to {', '.join(owners)}",
                "keep it under one actor or person, or declare it under `ambiguous`",
            )
        for kind, target in claimants:
            if kind == "alias" and isinstance(target, Actor):
                entry.actor = target
                last_word = surface.split()[-1]
                entry.plural = last_word.islower() and last_word.endswith("s")
            elif kind == "person" and isinstance(target, Person):
                entry.person = target
            elif kind == "metonym" and isinstance(target, Actor):
                entry.metonym_of = target
            elif kind == "seat" and isinstance(target, Actor):
                entry.seat_of = target
    for alias, candidates in ambiguous.items():
        entry = entries.setdefault(alias, Entry(alias))
        entry.actor = entry.person = None
        entry.candidates = candidates
    seen_words: dict[str, str] = {}
    for key, polity in polities.items():
        for word in polity.words:
            if word in seen_words:
                raise RegistryError(
                    f"qualifier {word!r} is in polities {seen_words[word]} and {key}"
                )
            seen_words[word] = key
            entry = entries.setdefault(word, Entry(word))
            owner = entry.actor or entry.person
            if owner is not None or entry.candidates:
                raise RegistryError(f"qualifier {word!r} is also a name ({entry.text})")
            entry.polity = polity
    return entries


def _role_nouns(raw: dict, polities: dict[str, Polity]) -> dict[str, RoleNoun]:
    nouns: dict[str, RoleNoun] = {}
    used_keys = {key for polity in polities.values() for key in polity.roles}
    unknown = sorted(used_keys - set(raw))
    if unknown:
        raise RegistryError(f"polities map role keys {unknown} that `roles` does not define")
    for key, forms in raw.items():
        if not isinstance(forms, dict):
            raise RegistryError(f"role {key} must map group/mention/person to lists")
        for form, words in forms.items():
            if form not in ROLE_FORMS or not isinstance(words, list):
                raise RegistryError(f"role {key}: {form!r} is not one of group, mention, person")
            for word in words:
                text = str(word).lower()
                if text in nouns:
                    raise RegistryError(f"role noun {text!r} is listed twice", "keep one")
                nouns[text] = RoleNoun(key=key, form=form)
    return nouns


def _words(language: dict, key: str) -> frozenset[str]:
    words = language.get(key)
    if not isinstance(words, list):
        raise RegistryError(f"language: `{key}` must be a list")
    return frozenset(str(word).lower() for word in words)


# ─── reading an article ──────────────────────────────────────────────────────────────────────


def find(doc: Doc, registry: Registry | None = None) -> list[ActorMention]:
    """Actor mentions in text order: aliases, metonyms, possessives, titles and appositives."""
    registry = registry or load_registry()
    return _Reader(doc, registry).read()


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    entry: Entry | None = None
    role: RoleNoun | None = None


@dataclass(frozen=True)
class _Qualifier:
    """The words that tie a role noun to an actor: a polity, or one actor ("SBU", "Pentagon")."""

    start: int
    end: int
    polity: Polity | None
    actor: Actor | None


def _hits(doc: Doc, registry: Registry) -> dict[int, _Hit]:
    """Matcher hits by start token, longest first, a name before a role noun of the same length."""
    strings = doc.vocab.strings
    found = [
        (end - start, 1, start, end, strings[key])
        for key, start, end in registry.name_matcher(doc.vocab)(doc)
    ]
    found += [
        (end - start, 0, start, end, strings[key])
        for key, start, end in registry.role_matcher(doc.vocab)(doc)
    ]
    found.sort(key=lambda hit: (-hit[0], -hit[1], hit[2]))
    taken = bytearray(len(doc))
    hits: dict[int, _Hit] = {}
    for length, is_name, start, end, key in found:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * length
        if is_name:
            hits[start] = _Hit(start, end, entry=registry.entries[key])
        else:
            hits[start] = _Hit(start, end, role=registry.role_nouns[key])
    return hits


class _Reader:
    """One left-to-right pass over the hits of one article."""

    def __init__(self, doc: Doc, registry: Registry) -> None:
        self.doc = doc
        self.registry = registry
        self.hits = _hits(doc, registry)
        self.in_hit = bytearray(len(doc))
        for hit in self.hits.values():
            self.in_hit[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
        self.mentions: list[ActorMention] = []
        self.mention_tokens: list[tuple[int, int]] = []
        self.next_free = 0
        self.seen_people: set[str] = set()
        self.adhoc: dict[str, tuple[Actor, str, int]] = {}

    def read(self) -> list[ActorMention]:
        for start in sorted(self.hits):
            if start < self.next_free:
                continue
            hit = self.hits[start]
            if hit.entry is not None:
                self._name(hit, hit.entry)
            else:
                self._role(hit)
        self._adhoc_repeats()
        return sorted(self.mentions, key=lambda mention: (mention.span.start, mention.span.end))

    # ── hits ──

    def _name(self, hit: _Hit, entry: Entry) -> None:
        self.next_free = hit.end
        if entry.blocked:
            return
        if entry.person is not None or entry.candidates:
            self._named_person(hit.start, hit.end, entry)
            return
        qualifier = self._qualifier(hit)
        if qualifier is not None and self._phrase(qualifier):
            return
        if entry.actor is not None:
            self._emit(hit.start, hit.end, entry.actor, "group" if entry.plural else "mention")
        elif entry.metonym_of is not None and self._acts(hit.start, hit.end):
            self._emit(hit.start, hit.end, entry.metonym_of, "metonym")
        elif entry.seat_of is not None and self._seat_acts(hit.start, hit.end):
            self._emit(hit.start, hit.end, entry.seat_of, "metonym")

    def _role(self, hit: _Hit) -> None:
        """A role noun with no qualifier before it: a title ("Gen. X") or "the forces of Ukraine"."""
        self.next_free = hit.end
        chain = self._chain(hit.start)
        if chain is None:
            return
        roles, end = chain
        qualifier, end = self._postposed(roles, end)
        if roles[-1].form == "person":
            name = self._name_after(end)
            if name is not None:
                actor = self._affiliation(qualifier, roles)[0] if qualifier else None
                self._titled(name, actor)
                return
        if qualifier is not None:
            actor, role = self._affiliation(qualifier, roles)
            if actor is not None:
                self._emit(hit.start, end, actor, role)
                self.next_free = end

    def _phrase(self, qualifier: _Qualifier) -> bool:
        """A qualifier and its role nouns, and the name they title; False when no role noun follows."""
        chain = self._chain(qualifier.end)
        if chain is None:
            return False
        roles, end = chain
        actor, role = self._affiliation(qualifier, roles)
        self.next_free = end
        if role == "person":
            name = self._name_after(end) or self._name_after_comma(end)
            if name is not None:
                self._titled(name, actor)
                return True
            if actor is not None and self._appositive_to_name(qualifier.start, end, actor):
                return True
        if actor is not None:
            self._emit(qualifier.start, end, actor, role)
        return True

    # ── people ──

    def _named_person(self, start: int, end: int, entry: Entry) -> None:
        person = entry.person or self._earlier_person(entry.candidates)
        if person is None:
            shared = {candidate.actor for candidate in entry.candidates}
            if len(shared) == 1:
                self._emit(start, end, shared.pop(), "person")
            return
        start = self._first_names(start)
        if end < len(self.doc) and self.doc[end].text in _POSSESSIVE:
            chain = self._chain(end)
            if chain is not None:
                qualifier = self._person_qualifier(start, end, person)
                roles, chain_end = chain
                actor, role = self._affiliation(qualifier, roles)
                self.next_free = chain_end
                name = self._name_after(chain_end) if role == "person" else None
                if name is not None:
                    self._titled(name, actor)
                elif actor is not None:
                    self._emit(start, chain_end, actor, role)
                return
        self._emit(start, end, person.actor, "person", person.name)
        self.seen_people.add(person.name)
        appositive = self._appositive(end)
        self.next_free = appositive[1] if appositive else end

    def _titled(self, name: tuple[int, int, Entry | None], actor: Actor | None) -> None:
        """A name after a title: a registry person, or a new person with the title's affiliation."""
        start, end, entry = name
        if entry is not None:
            self._named_person(start, end, entry)
            return
        self.next_free = end
        appositive = self._appositive(end)
        if actor is None and appositive is not None:
            actor = appositive[0]
        if actor is None:
            return  # a person with no affiliation: unresolved beats wrong
        self._adhoc_person(start, end, actor)
        if appositive is not None:
            self.next_free = appositive[1]

    def _adhoc_person(self, start: int, end: int, actor: Actor) -> None:
        full_name = self.doc[start:end].text
        self._emit(start, end, actor, "person", full_name)
        surname = self.doc[end - 1].text
        if len(surname) > 2 and surname.isalpha():
            self.adhoc.setdefault(surname, (actor, full_name, end))

    def _appositive_to_name(self, title_start: int, title_end: int, actor: Actor) -> bool:
        """ "Alexei Polishchuk, a Russian diplomat," — the title after a comma names the person before."""
        doc = self.doc
        k = title_start - 1
        if k >= 0 and doc[k].lower_ in _DETERMINERS:
            k -= 1
        if k < 1 or doc[k].text != ",":
            return False
        end = k
        start = end
        while start > 0 and end - start < _MAX_NAME_TOKENS and self._name_token(start - 1):
            start -= 1
        if start == end or not self._name_words_ok(start, end):
            return False
        is_person = any(token.ent_type_ == "PERSON" for token in doc[start:end])
        before = doc[start - 1] if start > 0 else None
        opens = before is None or before.is_sent_end or before.text in _APPOSITIVE_OPENERS
        after_verb = before is not None and before.pos_ in ("VERB", "AUX")
        if (end - start < 2 and not is_person) or not (opens or after_verb):
            return False
        if title_end < len(doc) and doc[title_end].text not in _APPOSITIVE_CLOSERS:
            return False  # ", Ukraine's military intelligence chief has said": not an appositive
        if any(begin < end and start < finish for begin, finish in self.mention_tokens):
            return False
        self._adhoc_person(start, end, actor)
        return True

    def _earlier_person(self, candidates: tuple[Person, ...]) -> Person | None:
        seen = [person for person in candidates if person.name in self.seen_people]
        return seen[0] if len(seen) == 1 else None

    def _first_names(self, start: int) -> int:
        """Extend a surname match over the given names before it ("Dmitri Peskov")."""
        last_mention_end = self.mention_tokens[-1][1] if self.mention_tokens else 0
        floor = max(last_mention_end, start - 2)
        while start > floor and self._name_token(start - 1):
            start -= 1
        return start

    def _name_after(self, index: int) -> tuple[int, int, Entry | None] | None:
        """The name a title introduces: a registry person (entry) or a capitalised run (None)."""
        hit = self.hits.get(index)
        if hit is not None:
            entry = hit.entry
            if entry is not None and (entry.person is not None or entry.candidates):
                return index, hit.end, entry
            return None
        doc = self.doc
        end = index
        words = 0
        while end < len(doc) and words < _MAX_NAME_TOKENS:
            if self._name_token(end):
                end, words = end + 1, words + 1
            elif (
                words and doc[end].text == "-" and end + 1 < len(doc) and self._name_token(end + 1)
            ):
                end += 1  # "Jean-Yves"
            else:
                break
        if end == index:
            return None
        if end < len(doc) and doc[end].text in (")", "]"):
            end += 1  # "[Russian President Vladimir] Putin": an editor's bracket inside the name
        hit = self.hits.get(end)
        if hit is not None and hit.entry is not None and (hit.entry.person or hit.entry.candidates):
            return index, hit.end, hit.entry
        if doc[end - 1].text in (")", "]") or not self._name_words_ok(index, end):
            return None
        following = doc[end] if end < len(doc) else None
        if following is not None and following.pos_ in _NOUNS and following.is_alpha:
            return None  # the capitalised words go on into a noun: "Premier League match"
        if following is not None and following.text[:1].isupper():
            return None  # the name goes on in a token we cannot read ("Pushilin.[18]")
        if words == 1 and following is not None and following.pos_ not in _AFTER_SURNAME:
            return None  # a lone capitalised word must end its clause: not "President Dies in …"
        return index, end, None

    def _name_after_comma(self, index: int) -> tuple[int, int, Entry | None] | None:
        """ "Ukraine's president, Volodymyr Zelenskiy, said": the name set off after the title."""
        doc = self.doc
        if index + 1 >= len(doc) or doc[index].text != ",":
            return None
        name = self._name_after(index + 1)
        if name is None or (name[2] is None and name[1] - name[0] < 2):
            return None
        closed = name[1] >= len(doc) or doc[name[1]].text in _APPOSITIVE_CLOSERS
        return name if closed else None

    def _name_token(self, index: int) -> bool:
        token = self.doc[index]
        return (
            not self.in_hit[index]
            and token.pos_ == "PROPN"
            and token.is_alpha
            and token.text[0].isupper()
            and not (token.is_upper and len(token) > 1)
            and token.lower_ not in self.registry.honorifics
            and token.ent_type_ not in _NOT_NAME_ENTS
        )

    def _name_words_ok(self, start: int, end: int) -> bool:
        """No word that makes the run an organisation or a place ("Oblast", "Council")."""
        return not any(
            token.lower_ in self.registry.not_name_words for token in self.doc[start:end]
        )

    def _appositive(self, index: int) -> tuple[Actor, int] | None:
        """ ", Ukraine's top commander," or ", a spokesman for the SBU," after a name: (actor, end)."""
        doc = self.doc
        if index >= len(doc) or doc[index].text != ",":
            return None
        k = index + 1
        if k < len(doc) and doc[k].lower_ in _DETERMINERS:
            k += 1
        hit = self.hits.get(k)
        if hit is None:
            return None
        if hit.entry is not None:
            qualifier = self._qualifier(hit)
            chain = self._chain(qualifier.end) if qualifier else None
            if qualifier is None or chain is None:
                return None
            actor, role = self._affiliation(qualifier, chain[0])
            return (actor, chain[1]) if actor is not None and role == "person" else None
        chain = self._chain(k)
        if chain is None or chain[0][-1].form != "person":
            return None
        roles, end = chain
        if end < len(doc) and doc[end].lower_ in ("for", "of", "at", "to", "with"):
            m = end + 1
            if m < len(doc) and doc[m].lower_ == "the":
                m += 1
            owner = self.hits.get(m)
            qualifier = self._qualifier(owner) if owner and owner.entry else None
            if qualifier is not None:
                chain = self._chain(qualifier.end)
                actor = self._affiliation(qualifier, chain[0] if chain else roles)[0]
                if actor is not None:
                    return actor, chain[1] if chain else qualifier.end
        return None

    # ── qualifiers and role chains ──

    def _qualifier(self, hit: _Hit) -> _Qualifier | None:
        entry = hit.entry
        if entry is None:
            return None
        if entry.polity is not None:
            polity, end = entry.polity, hit.end
            following = self.hits.get(end)
            while following is not None and following.entry is not None and following.entry.polity:
                if following.entry.polity.rank >= polity.rank:
                    polity = following.entry.polity
                end = following.end
                following = self.hits.get(end)
            return _Qualifier(hit.start, end, polity, None)
        if entry.person is not None:
            return self._person_qualifier(hit.start, hit.end, entry.person)
        owner = entry.actor or entry.seat_of or entry.metonym_of
        return _Qualifier(hit.start, hit.end, None, owner) if owner else None

    def _person_qualifier(self, start: int, end: int, person: Person) -> _Qualifier:
        """ "Putin's forces" are Russia's forces; "Prigozhin's fighters" are Wagner's."""
        polity = self.registry.polities.get(person.actor.side)
        if polity is not None and polity.roles.get("government") == person.actor:
            return _Qualifier(start, end, polity, None)
        return _Qualifier(start, end, None, person.actor)

    def _chain(self, index: int) -> tuple[list[RoleNoun], int] | None:
        """Role nouns from `index` (after an optional possessive), with modifiers between them."""
        doc = self.doc
        if index < len(doc) and doc[index].text in _POSSESSIVE:
            index += 1
        roles: list[RoleNoun] = []
        end = k = index
        modifiers = 0
        while k < len(doc):
            hit = self.hits.get(k)
            if hit is not None and hit.role is not None and self._modifies(hit):
                k = hit.end
                modifiers += 1
            elif hit is not None:
                if hit.role is None:
                    break
                roles.append(hit.role)
                k = end = hit.end
                modifiers = 0
            elif modifiers < _MAX_MODIFIERS and not self.in_hit[k] and self._is_modifier(doc[k]):
                k += 1
                modifiers += 1
            else:
                break
        return (roles, end) if roles else None

    def _modifies(self, hit: _Hit) -> bool:
        """ "military" in "Russian military equipment" modifies a noun; it names no one."""
        doc = self.doc
        if hit.end - hit.start != 1 or doc[hit.start].pos_ != "ADJ" or hit.end >= len(doc):
            return False
        following = doc[hit.end]
        return following.pos_ in _NOUNS and hit.end not in self.hits

    def _is_modifier(self, token: Token) -> bool:
        return (
            token.lower_ in self.registry.modifiers
            or token.pos_ == "ADJ"
            or _ORDINAL.fullmatch(token.text) is not None
            or (token.pos_ == "PROPN" and token.is_title and token.is_alpha)
        )

    def _postposed(self, roles: list[RoleNoun], end: int) -> tuple[_Qualifier | None, int]:
        """ "the armed forces of Ukraine", "the General Staff of the Armed Forces of Ukraine"."""
        doc = self.doc
        while end < len(doc) and doc[end].lower_ == "of":
            k = end + 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            hit = self.hits.get(k)
            if hit is None:
                break
            if hit.role is not None:
                chain = self._chain(k)
                if chain is None:
                    break
                roles.extend(chain[0])
                end = chain[1]
                continue
            qualifier = self._qualifier(hit)
            if qualifier is None or hit.entry is None or hit.entry.person is not None:
                break
            chain = self._chain(qualifier.end)
            if chain is not None:
                roles[:0] = chain[0]  # "head of the Ukrainian Northern Operational Command"
                return qualifier, chain[1]
            following = doc[qualifier.end] if qualifier.end < len(doc) else None
            if following is not None and (
                following.pos_ in _NP_WORDS or following.text in _POSSESSIVE
            ):
                break  # "leader of the Russian Orthodox Church": the qualifier modifies another noun
            return qualifier, qualifier.end
        return None, end

    @staticmethod
    def _affiliation(qualifier: _Qualifier, roles: list[RoleNoun]) -> tuple[Actor | None, str]:
        """The actor a qualifier and role nouns name, and the mention role their head gives."""
        role = roles[-1].form
        if qualifier.actor is not None:
            return qualifier.actor, role
        assert qualifier.polity is not None
        for noun in roles:
            actor = qualifier.polity.roles.get(noun.key)
            if actor is not None:
                return actor, role
        return None, role

    # ── places that act ──

    def _acts(self, start: int, end: int) -> bool:
        """Whether a metonym acts: the subject of an agent verb, "Moscow's side", "urged Kyiv"."""
        token = self.doc[start:end].root
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        dep, head = token.dep_, token.head
        registry = self.registry
        if dep == "nsubj":
            return head.lemma_.lower() in registry.agent_verbs
        if dep == "poss":
            return (
                head.lower_ in registry.agent_nouns or head.lemma_.lower() in registry.agent_nouns
            )
        if dep == "dobj":
            return head.lemma_.lower() in registry.address_verbs
        if dep == "pobj":
            according = head.lower_ == "to" and head.head.lower_ == "according"
            return according or head.dep_ == "agent"
        return False

    def _seat_acts(self, start: int, end: int) -> bool:
        """A seat ("the Kremlin") acts unless it is a place, or only modifies ("Kremlin-backed")."""
        doc = self.doc
        k = start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 0 and doc[k].lower_ in self.registry.locative_prepositions:
            return False
        if end < len(doc) and doc[end].text in ("-", "–"):
            return False
        return doc[start:end].root.dep_ not in ("compound", "amod", "nmod")

    # ── output ──

    def _emit(
        self, start: int, end: int, actor: Actor, role: str, person: str | None = None
    ) -> None:
        first, last = self.doc[start], self.doc[end - 1]
        span = Span(first.idx, last.idx + len(last.text))
        self.mentions.append(ActorMention(span=span, actor=actor, role=role, person=person))
        self.mention_tokens.append((start, end))

    def _adhoc_repeats(self) -> None:
        """A new person's surname alone, later in the article, is the same person."""
        if not self.adhoc:
            return
        taken = bytearray(len(self.doc))
        for start, end in self.mention_tokens:
            taken[start:end] = b"\x01" * (end - start)
        for token in self.doc:
            known = self.adhoc.get(token.text)
            if known is None or taken[token.i] or token.i < known[2] or token.pos_ != "PROPN":
                continue
            self._emit(token.i, token.i + 1, known[0], "person", known[1])
