"""Actor mentions: who acts or speaks in an article, resolved against the actor registry
(`language.actor_registry`).

`find` reads a parsed article once, left to right, over the hits of the registry's two cached
`PhraseMatcher`s (names on the exact spelling, role nouns in any case), and resolves:

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
  the same person; a state's possessive before a full name does too ("Hungary's Viktor Orban");
- peoples: a demonym that is the subject of a reporting verb ("Russians have always claimed",
  "the British said") speaks through its government;
- the press: correspondents, journalists, analysts and media are MEDIA whatever qualifies them
  ("our Moscow correspondent"), unless an outlet does ("CNN correspondent") or a party's media
  ("Russian state media correspondent"); unnamed "sources" and "reports" take their qualifier's
  side ("Ukrainian sources", "Nato sources", "Western officials");
- local offices: "the city council", "the governor" with no place of their own belong to the
  region or city named last before them in the sentence ("… in Mariupol, the city council said").

Spans cover the words of the name or phrase: never a leading determiner ("Kremlin" in "the
Kremlin"), never a title before a name ("Oleksandr Syrskyi" in "Gen. Oleksandr Syrskyi"); a role
phrase includes its qualifier ("Ukraine’s military", "Russian troops", "Vladimir Putin’s forces").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogwatch.language import name_variants
from fogwatch.language.actor_registry import (
    Entry,
    Person,
    Polity,
    Registry,
    RoleNoun,
    load_registry,
)
from fogwatch.language.nlp import tokens_of
from fogwatch.records import Actor, ActorMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_HYPHENS = frozenset({"-", "–"})
_DETERMINERS = frozenset({"a", "an", "the"})
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_MAX_NAME_TOKENS = 4
_MAX_MODIFIERS = 4
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# A name's abbreviation in brackets right after it: "Donetsk People's Republic (DNR) authorities".
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
# The most tokens a misspelt name runs to ("Islamic State of West African Province").
_MAX_VARIANT_TOKENS = 10
_NOT_WORD = re.compile(r"\W+")
_AFTER_SURNAME = frozenset({"PUNCT", "VERB", "AUX", "PART", "CCONJ"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# Prefixes joined to a name by a hyphen that leave it the name ("pro-Kremlin", "anti-NATO"),
# and the Arabic article ("al-Burhan", "el-Sisi").
_HYPHEN_PREFIXES = frozenset(
    {
        "pro",
        "anti",
        "non",
        "ex",
        "post",
        "pre",
        "neo",
        "al",
        "el",
        "ad",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "ud",
        "ul",
    }
)
# How many words after "military" may name its deed ("military air strike").
_DEED_REACH = 2
_NP_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_APPOSITIVE_OPENERS = frozenset({",", "(", "“", '"', "‘", "'"})
_APPOSITIVE_CLOSERS = frozenset({",", ".", ";", ")", "”", '"', "’", ":", "—", "–"})
_MEDIA_KINDS = frozenset({"media", "analysis/OSINT"})
# A role noun the tagger reads as a verb is not one: "forces press on", "Ukraine reports that".
_VERB_POS = frozenset({"VERB", "AUX"})
_ARMED_GROUPS = "armed_groups"
_COMMUNAL = "communal_militias"
# A capitalised word of these entities before "tribe" or "clan" names no community ("the Tuesday
# clan meeting"); the tagger reads many a community's name as a place or person, so those pass.
_NOT_COMMUNITY_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY"})
# Role keys of the groups a sponsor backs: "Turkish-backed militants", "Saudi-backed forces".
_PROXY_ROLES = frozenset({_ARMED_GROUPS, "military"})
_NON_STATE_ARMED = frozenset({2, 3, 4})
"""ACLED inter codes of rebel groups, political militias and identity militias."""
# Role keys of those who report: their qualifier says whose press it is, not where things happen.
_REPORTERS = frozenset({"press", "sources", "state_media"})
# "forces loyal to X", "militias allied with X": X owns the group.
_ALLEGIANCE = frozenset({("loyal", "to"), ("allied", "with"), ("aligned", "with")})
# "the Somali-led", "the Iran-backed": a hyphened word that says who leads or backs a group
_LINKED = frozenset({"led", "based", "backed", "linked", "allied", "aligned", "affiliated"})
# "Turkey-backed", "backed by Iran": the state sponsors the group; it is not where it acts.
_SPONSORING = frozenset(
    {
        "backed",
        "supported",
        "sponsored",
        "funded",
        "armed",
        "trained",
        "allied",
        "aligned",
        "led",
        "loyal",
        "affiliated",
        "linked",
    }
)


# ─── reading an article ──────────────────────────────────────────────────────────────────────


_NOT_GROUP_ENTITIES = frozenset({"GPE", "LOC", "NORP", "PERSON", "DATE", "TIME"})
# Words that say how sure the report is of a group, capitalised only at a sentence's start:
# never the first word of its name ("Suspected Darfur Liberation militants").
_HEDGES = frozenset({"suspected", "alleged", "presumed", "purported", "unidentified", "unknown"})


_SELF_NAMES = ("mujahid", "mujahed")
# What a group's name may be followed by and still name it: "the M23 movement".
_GROUP_WORDS = frozenset(
    {
        "movement",
        "group",
        "coalition",
        "alliance",
        "militia",
        "organisation",
        "organization",
        "faction",
        "rebels",
        "gang",
    }
)
# Lower-case words inside Romance and Arabic names ("Comuneros del Sur", "Ansar al-Din").
_NAME_PARTICLES = frozenset({"de", "del", "la", "los", "las", "el", "al", "des", "du", "di", "da"})


def _group_name_word(token: Token) -> bool:
    """A word of an organisation's name: a capitalised proper noun or a word of an ORG entity,
    not a place's, a people's or a person's name."""
    if token.ent_type_ in _NOT_GROUP_ENTITIES or not token.text[:1].isupper():
        return False  # "late Sunday unidentified assailants": a day is no group's name
    return token.pos_ == "PROPN" or token.ent_type_ == "ORG"


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
        if any(taken[start:end]) or (is_name and _inside_hyphenated_word(doc, start, end)):
            continue
        taken[start:end] = b"\x01" * length
        if is_name:
            hits[start] = _Hit(start, end, entry=registry.entries[key])
        else:
            hits[start] = _Hit(start, end, role=registry.role_nouns[key])
    for start, end, name in _name_variants(doc, registry, hits):
        for covered in [s for s, hit in hits.items() if s < end and hit.end > start]:
            del hits[covered]  # "Army" in "the Arkan Army", "Islamic State" in a longer name
        hits[start] = _Hit(start, end, entry=registry.entries[name])
    return hits


def _inside_hyphenated_word(doc: Doc, start: int, end: int) -> bool:
    """Whether a name stands inside a hyphenated word, joined to words on both sides ("AU" in
    "PORT-AU-PRINCE"): a part of another word, not the name ("AU-led", "pro-Russian", the
    "Israel-Hamas ceasefire" and "Tehrik-e-Taliban" keep theirs)."""
    if start < 2 or end + 1 >= len(doc):
        return False
    joined = [doc[start - 2], doc[start - 1], doc[end - 1], doc[end]]
    return (
        doc[start - 1].text == "-"
        and doc[end].text == "-"
        and not any(word.whitespace_ for word in joined)
        and doc[start - 2].is_alpha
        and doc[start - 2].lower_ not in _HYPHEN_PREFIXES
        and doc[end + 1].is_alpha
    )


def _name_variants(
    doc: Doc, registry: Registry, hits: dict[int, _Hit]
) -> list[tuple[int, int, str]]:
    """Armed groups the text names in a spelling the registry lacks ("the Arkan Army"): spans of
    a run of capitalised words and the words that link a name's words, read by
    `name_variants.VariantIndex`, the longest first. A span holds the names the matcher found
    whole or not at all, and is longer than they are."""
    index = registry.name_variants()
    names = [(hit.start, hit.end) for hit in hits.values() if hit.entry is not None]
    claimed = bytearray(len(doc))
    found: list[tuple[int, int, str]] = []
    run: list[int] = []
    tokens = tokens_of(doc)
    for token in [*tokens, None]:
        if token is not None and _in_name_run(token, bool(run)):
            run.append(token.i)
            continue
        capitalised = [i for i in run if tokens[i].text[:1].isupper()]
        if len(capitalised) < 2:
            run = []
            continue  # a name of one word is never read as a variant
        words_of = {i: name_variants.content_words(tokens[i].text) for i in run}
        inside = [(s, e) for s, e in names if s <= run[-1] and e > run[0]]
        spans = sorted(
            (
                (first, last + 1)
                for first in capitalised
                for last in capitalised
                if first < last < first + _MAX_VARIANT_TOKENS
            ),
            key=lambda span: span[0] - span[1],
        )
        for start, end in spans:
            words = tuple(word for i in range(start, end) for word in words_of[i])
            if not index.may_match(words) or any(claimed[start:end]):
                continue
            if not _holds_names_whole(start, end, inside):
                continue
            name = index.match(words)
            if name is not None:
                claimed[start:end] = b"\x01" * (end - start)
                found.append((start, end, name))
        run = []
    return found


def _in_name_run(token: Token, inside: bool) -> bool:
    if token.is_alpha and token.text[:1].isupper():
        return True
    return inside and (token.text == "-" or token.lower_ in name_variants.LINKING)


def _holds_names_whole(start: int, end: int, names: list[tuple[int, int]]) -> bool:
    return all(
        start <= s and e <= end and e - s < end - start for s, e in names if s < end and e > start
    )


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
        if entry.polity is not None and self._after_pro(hit.start):
            return  # "pro-Turkish forces" are not Turkey's: the role noun is read as a proxy
        qualifier = self._qualifier(hit)
        if qualifier is not None and (
            self._led_by(qualifier) or self._phrase(qualifier) or self._state_person(qualifier)
        ):
            return
        if entry.actor is not None:
            self._emit(hit.start, hit.end, entry.actor, "group" if entry.plural else "mention")
        elif self._in_longer_name(hit.start, hit.end):
            return  # "Paris Hilton": part of a person's name, not a place
        elif entry.metonym_of is not None and self._acts(hit.start, hit.end):
            self._emit(hit.start, hit.end, entry.metonym_of, "metonym")
        elif entry.seat_of is not None and self._seat_acts(hit.start, hit.end):
            self._emit(hit.start, hit.end, entry.seat_of, "metonym")
        elif qualifier is not None and qualifier.polity is not None and qualifier.polity.rank == 1:
            self._people_speak(qualifier)  # a people, not a city ("Mariupol tells us")

    def _led_by(self, qualifier: _Qualifier) -> bool:
        """ "the US-led coalition", "Saudi-led forces": a group a state leads acts, as ACLED codes
        it, through that state's forces."""
        doc, polity, end = self.doc, qualifier.polity, qualifier.end
        if polity is None or polity.key not in self.registry.states or end + 2 >= len(doc):
            return False
        if doc[end].text not in ("-", "–") or doc[end + 1].lower_ != "led":
            return False
        military = polity.roles.get("military")
        if military is None or doc[end + 2].pos_ not in _NOUNS:
            return False
        named = self.hits.get(end + 2)
        if named is not None and named.entry is not None and named.entry.actor is not None:
            return False  # "the Somali-led Shebab group": a group of its own name, not the state
        self._emit(qualifier.start, end + 3, military, "group")
        self.next_free = end + 3
        return True

    def _state_person(self, qualifier: _Qualifier) -> bool:
        """ "Hungary's Viktor Orban": a state's possessive before a person's full name gives the
        person that state's side (the registry's own entry, when there is one, wins)."""
        doc, polity = self.doc, qualifier.polity
        end = qualifier.end
        if polity is None or polity.rank < 1 or end >= len(doc) or doc[end].text not in _POSSESSIVE:
            return False
        government = polity.roles.get("government")
        name = self._name_after(end + 1)
        if government is None or name is None:
            return False
        start, stop, entry = name
        if entry is None and (stop - start < 2 or doc[start].ent_type_ != "PERSON"):
            return False
        self.next_free = stop
        self._titled(name, government)
        return True

    def _people_speak(self, qualifier: _Qualifier) -> None:
        """ "Russians have always claimed", "the British said": a people as the subject of a
        reporting verb speaks through its government."""
        assert qualifier.polity is not None
        government = qualifier.polity.roles.get("government")
        token = self.doc[qualifier.start : qualifier.end].root
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        reports = token.head.lemma_.lower() in self.registry.reporting_verbs
        if government is not None and token.dep_ == "nsubj" and reports:
            self._emit(qualifier.start, qualifier.end, government, "group")
            self.next_free = qualifier.end

    def _in_longer_name(self, start: int, end: int) -> bool:
        """Whether the words are part of a longer PERSON entity."""
        doc = self.doc
        first = doc[start]
        after = doc[end] if end < len(doc) else None
        return first.ent_type_ == "PERSON" and (
            first.ent_iob_ == "I" or (after is not None and after.ent_iob_ == "I")
        )

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
                actor = self._affiliation(qualifier, roles)[0]
                self._titled(name, actor)
                return
        if qualifier is None:
            qualifier, end = self._loyal_to(end)
        if qualifier is None and roles[-1].key in _PROXY_ROLES:
            proxy = self._proxy(hit.start, roles[-1].key, self._context_country(hit.start))
            if proxy is not None:  # "Saudi-backed forces" in Yemen: the government's
                self._emit(hit.start, end, proxy, roles[-1].form)
                self.next_free = end
                return
        if qualifier is None:
            qualifier = self._local_place(hit.start, end)
        if qualifier is None and (
            self._ethnic_group(hit.start, end, roles)
            or self._named_group(hit.start, end, roles)
            or self._unnamed_group(hit.start, end, roles)
        ):
            return
        if qualifier is not None or any(n.key in self.registry.role_actors for n in roles):
            actor, role = self._affiliation(qualifier, roles)
            if actor is None:
                return
            named = qualifier is None and role == "person"
            if named and self._appositive_to_name(hit.start, end, actor):
                return  # "John Marsh, an analyst,": the analyst is the person named
            self._emit(hit.start, end, actor, role)
            self.next_free = end

    def _loyal_to(self, end: int) -> tuple[_Qualifier | None, int]:
        """ "forces loyal to Burhan", "fighters allied with the RSF", "fighters from the Islamic
        State": the actor after the phrase owns the role nouns before it."""
        doc = self.doc
        if end + 2 >= len(doc):
            return None, end
        origin = doc[end].lower_ == "from"  # "fighters from the Islamic State"
        if not origin and (doc[end].lower_, doc[end + 1].lower_) not in _ALLEGIANCE:
            return None, end
        k = end + 1 if origin else end + 2
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        if k + 3 < len(doc) and doc[k + 1].text in ("-", "–") and doc[k + 2].lower_ in _LINKED:
            k += 3  # "militants from the Somali-led Shebab group": the group, not its leader
        hit = self.hits.get(k)
        qualifier = self._qualifier(hit) if hit is not None and hit.entry is not None else None
        if qualifier is None:
            return None, end
        if origin and (qualifier.actor is None or qualifier.actor.inter not in _NON_STATE_ARMED):
            return None, end  # "troops from Kharkiv", "officials from Kyiv": where they are
        person = self._their_person(qualifier)
        if person is not None:
            return person
        return _Qualifier(qualifier.start, qualifier.end, qualifier.polity, qualifier.actor), max(
            qualifier.end, hit.end if hit else end
        )

    def _their_person(self, qualifier: _Qualifier) -> tuple[_Qualifier, int] | None:
        """ "fighters loyal to Libya's eastern strongman Khalifa Haftar": the loyalty is to the
        registry person the state's possessive titles, not to the state."""
        doc = self.doc
        if (
            qualifier.polity is None
            or qualifier.end >= len(doc)
            or doc[qualifier.end].tag_ != "POS"
        ):
            return None
        for k in range(qualifier.end + 1, min(len(doc), qualifier.end + 2 + _MAX_MODIFIERS)):
            hit = self.hits.get(k)
            if hit is not None and hit.entry is not None and hit.entry.person is not None:
                return self._person_qualifier(hit.start, hit.end, hit.entry.person), hit.end
            if doc[k].pos_ not in ("ADJ", "NOUN", "PROPN"):
                return None  # the possessive's own phrase ends: no person titled in it
        return None

    def _ethnic_group(self, start: int, end: int, roles: list[RoleNoun]) -> bool:
        """ "Fulani militiamen", "Hema gunmen", "the Kala tribe": armed men named by their people
        or community are ACLED's ethnic or communal militia of it, in the country the text
        places them in."""
        if start == 0:
            return False
        word = self.doc[start - 1]
        people = word.text
        armed = roles[-1].key == _ARMED_GROUPS or self.doc[end - 1].lower_ == "fighters"
        communal = roles[-1].key == _COMMUNAL
        ethnic = (armed or communal) and people in self.registry.ethnic_groups
        named = (
            communal
            and word.tag_ == "NNP"
            and word.ent_type_ not in _NOT_COMMUNITY_ENTITIES
            and not word.is_sent_start
        )
        if not (ethnic or named):
            return False
        actor = self.registry.militia_of(people, self._context_country(start - 1))
        if actor is None:
            return False
        self._emit(start - 1, end, actor, roles[-1].form)
        self.next_free = end
        return True

    def _unnamed_group(self, start: int, end: int, roles: list[RoleNoun]) -> bool:
        """ "Gunmen killed five villagers", "militants stormed a base": a group no qualifier
        names is ACLED's generic actor for it, in the country the text places it in."""
        key = next((n.key for n in roles if n.key in self.registry.generic_actors), None)
        if key is None or roles[-1].key != key:
            return False
        country = self._context_country(start)
        actor = (
            self._proxy(start, key, country)
            or self._armed_antecedent(start, end, key)
            or self.registry.generic(key, country)
        )
        if actor is None:
            return False
        self._emit(start, end, actor, roles[-1].form)
        self.next_free = end
        return True

    def _proxy(self, start: int, key: str, country: str | None) -> Actor | None:
        """ "Turkish-backed militants" in Syria, "Saudi-backed forces" in Yemen: the group the
        registry knows a state sponsors there; where the text names no other state, the one group
        the sponsor backs."""
        doc = self.doc
        backed = start - 1
        while (
            backed > max(0, start - 1 - _MAX_MODIFIERS)
            and doc[backed].lower_ not in _SPONSORING
            and not self._polity_ending(backed + 1)
            and (self._is_modifier(doc[backed]) or doc[backed].dep_ in ("amod", "compound"))
        ):
            backed -= 1  # "Turkey-backed opposition forces"
        if key not in _PROXY_ROLES or backed < 2:
            return None
        sponsor: str | None = None
        pro = self._polity_ending(backed + 1)
        if pro is not None and self._after_pro(pro[0]):
            sponsor = pro[1]  # "pro-Turkish forces"
        elif doc[backed - 1].text in ("-", "–") and doc[backed].lower_ in _SPONSORING:
            ending = self._polity_ending(backed - 1)
            sponsor = ending[1] if ending is not None else None
        proxies = self.registry.proxies
        if sponsor is None:
            return None
        if country is not None and country != sponsor:
            return proxies.get((sponsor, country))
        groups = [actor for (by, _), actor in proxies.items() if by == sponsor]
        return groups[0] if len(groups) == 1 else None

    def _foreign_group(self, start: int, nationality: str) -> Actor | None:
        """ "Ugandan rebels" in eastern DR Congo: the group the registry knows men of that
        nationality fight for in the one other state the sentence, else the text, names."""
        sentence = self.doc[start].sent
        others = {
            key
            for i, key in self._state_words
            if sentence.start <= i < sentence.end and key != nationality
        } or {key for _, key in self._state_words if key != nationality}
        if len(others) != 1:
            return None
        return self.registry.foreign_groups.get((nationality, others.pop()))

    def _polity_ending(self, end: int) -> tuple[int, str] | None:
        """(start, polity key) of the qualifier hit that ends at token `end`."""
        return next(
            (
                (hit.start, hit.entry.polity.key)
                for hit in self.hits.values()
                if hit.end == end and hit.entry is not None and hit.entry.polity is not None
            ),
            None,
        )

    def _after_pro(self, start: int) -> bool:
        """ "pro-Turkish", "pro-Iranian": a qualifier that names whom a group backs."""
        doc = self.doc
        return start >= 2 and doc[start - 1].text in ("-", "–") and doc[start - 2].lower_ == "pro"

    def _named_group(self, start: int, end: int, roles: list[RoleNoun]) -> bool:
        """ "DRFT terrorist group", "the Zintan Brigade militia": an armed group the registry lacks,
        named by the proper nouns right before its role noun, is an actor of its own (ACLED names
        such a group as the report does)."""
        if roles[-1].key != _ARMED_GROUPS:
            return False
        doc = self.doc
        first = start
        while (
            first > 0
            and start - first < _MAX_NAME_TOKENS
            and not self.in_hit[first - 1]
            and (
                _group_name_word(doc[first - 1])
                # "Comuneros del Sur": a particle between two words of the name
                or (
                    doc[first - 1].lower_ in _NAME_PARTICLES
                    and first >= 2
                    and not self.in_hit[first - 2]
                    and _group_name_word(doc[first - 2])
                )
            )
            and doc[first - 1].lower_ not in _HEDGES  # "Suspected …" at a sentence's start
        ):
            first -= 1
        if first == start or not any(t.pos_ == "PROPN" for t in doc[first:start]):
            return False
        name = doc[first:start].text
        base = self.registry.generic_actors[_ARMED_GROUPS]
        slug = _NOT_WORD.sub("_", name.lower()).strip("_")
        actor = Actor(
            id=f"{base.side}.{slug}",
            name=name,
            side=base.side,
            kind=base.kind,
            inter=base.inter,
        )
        self._emit(first, end, actor, roles[-1].form)
        self.next_free = end
        return True

    def _armed_antecedent(self, start: int, end: int, key: str) -> Actor | None:
        """ "Media allied with ISIS said the militants seized …": a definite unnamed armed group
        refers back to the non-state armed group named last before it; "Houthi rebels took …;
        rebel fighters took …": so does one that repeats the noun the group was named with."""
        if key != _ARMED_GROUPS or start == 0:
            return None
        # "mujahidin": what a jihadist group calls its own fighters, in its own words or those
        # of the report that quotes it
        definite = self.doc[start - 1].lower_ == "the" or any(
            t.lower_.startswith(_SELF_NAMES) for t in self.doc[start:end]
        )
        words = {t.lemma_.lower() for t in self.doc[start:end] if t.pos_ in _NP_WORDS}
        before = self.doc[start].idx
        for mention in reversed(self.mentions):
            actor = mention.actor
            if mention.span.start >= before or actor.inter not in _NON_STATE_ARMED:
                continue
            if self._generic(actor):
                continue
            if definite or words & self._common_nouns(mention.span):
                return actor
            return None  # the last group named is not the one the noun repeats
        # "A Christian rebel group ambushed a UN convoy … eight fighters from the anti-Balaka
        # rebel group were killed": a lead's indefinite group is the one named next with its noun
        article = next((c for c in self.doc[end - 1].children if c.dep_ == "det"), None)
        indefinite = article is not None and article.lower_ in ("a", "an")
        return self._named_next(start, end) if definite or indefinite else None

    def _generic(self, actor: Actor) -> bool:
        """Whether the actor is a generic one ("Unidentified Armed Group", of a country or not):
        no name to carry over to a noun that refers to it."""
        generic = self.registry.generic_actors.values()
        return actor in generic or any(actor.id.startswith(f"{base.id}.") for base in generic)

    def _named_next(self, start: int, end: int) -> Actor | None:
        """ "Troops clashed with the militants. … a convoy ambushed by Al-Shabaab militants": a
        definite unnamed group that no group named before explains is the one group the rest of
        its sentence or the next names with the same noun."""
        doc = self.doc
        noun = doc[end - 1].lemma_.lower()
        sentence = doc[start].sent
        limit = sentence.end
        if limit < len(doc):
            limit = doc[limit].sent.end
        found: set[Actor] = set()
        for hit_start, hit in self.hits.items():
            actor = hit.entry.actor if hit.entry is not None else None
            if hit_start < end or hit_start >= limit or actor is None:
                continue
            if actor.inter not in _NON_STATE_ARMED or self._generic(actor):
                continue
            following = self.hits.get(hit.end)
            if (
                following is not None
                and following.role is not None
                and (doc[following.end - 1].lemma_.lower() == noun)
            ):
                found.add(actor)
        return next(iter(found)) if len(found) == 1 else None

    def _common_nouns(self, span: Span) -> set[str]:
        """The lemmas of the common nouns in a mention ("rebel" in "Houthi rebels")."""
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand") or ()
        return {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN"}

    def _generic_after(self, qualifier: _Qualifier) -> bool:
        """ "Sudanese protesters", "Iraqi civilians": a state's word before the alias of a
        generic actor names that actor for the state ("Protesters (Sudan)")."""
        hit = self.hits.get(qualifier.end)
        polity = qualifier.polity
        if hit is None or hit.entry is None or hit.entry.actor is None or polity is None:
            return False
        key = self.registry.generic_key(hit.entry.actor)
        if key is None or polity.key not in self.registry.states:
            return False
        actor = self.registry.generic(key, polity.key)
        if actor is None:
            return False
        self._emit(qualifier.start, hit.end, actor, "group" if hit.entry.plural else "mention")
        self.next_free = hit.end
        return True

    @functools.cached_property
    def _unit_state(self) -> str | None:
        """The one state whose administrative units the text names ("upazila"), read once."""
        return self.registry.unit_state(word.lower_ for word in self.doc)

    @functools.cached_property
    def _state_words(self) -> list[tuple[int, str]]:
        """(token, state) of every word naming a state where things happen: not a sponsor
        ("Turkey-backed", "backed by Iran", "pro-Russian")."""
        doc = self.doc
        found = []
        for start, hit in sorted(self.hits.items()):
            state = self._state_of(hit.entry) if hit.entry is not None else None
            if state is None:
                continue
            after = doc[hit.end : hit.end + 2]
            before = [t.lower_ for t in doc[max(0, start - 2) : start]]
            if len(after) == 2 and after[0].text in ("-", "–") and after[1].lower_ in _SPONSORING:
                continue
            if len(before) == 2 and before[1] in ("by", "to", "with") and before[0] in _SPONSORING:
                continue
            if before[-1:] == ["-"] and start >= 2 and doc[start - 2].lower_ == "pro":
                continue
            reporter = self.hits.get(hit.end)
            if (
                reporter is not None
                and reporter.role is not None
                and reporter.role.key in _REPORTERS
            ):
                continue  # "US media reported": who reports, not where it happened
            found.append((start, state))
        return found

    def _state_of(self, entry: Entry) -> str | None:
        """The state a name names: a state's qualifier ("Ugandan"), or a name that stands for its
        government ("the Democratic Republic of Congo")."""
        if entry.polity is not None:
            key = entry.polity.key
        elif entry.metonym_of is not None and entry.metonym_of.kind == "government":
            key = entry.metonym_of.side
        else:
            return None
        return key if key in self.registry.states else None

    def _context_country(self, index: int) -> str | None:
        """The state a sentence, else the whole text, names: the one state named in the
        sentence, else the state named at least twice as often as any other in the text, else,
        where the text names no state, the one whose administrative units it names ("upazila")."""
        sentence = self.doc[index].sent
        here = {key for i, key in self._state_words if sentence.start <= i < sentence.end}
        if len(here) == 1:
            return next(iter(here))
        counts: dict[str, int] = {}
        for _, key in self._state_words:
            counts[key] = counts.get(key, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked:
            return self._unit_state
        if len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
            return None
        return max(counts, key=lambda key: counts[key])

    def _local_place(self, start: int, end: int) -> _Qualifier | None:
        """ "… in the port city of Mariupol, the city council said": a local office named without
        its place belongs to the region or city named last before it in its sentence."""
        doc = self.doc
        if start == 0 or doc[start - 1].lower_ != "the":
            return None
        if doc[start:end].text.lower() not in self.registry.local_offices:
            return None
        for k in range(start - 1, doc[start].sent.start - 1, -1):
            hit = self.hits.get(k)
            if hit is None or hit.entry is None or hit.entry.polity is None:
                continue
            if hit.entry.polity.rank == 0:
                return _Qualifier(hit.start, hit.end, hit.entry.polity, None)
        return None

    def _phrase(self, qualifier: _Qualifier) -> bool:
        """A qualifier and its role nouns, and the name they title; False when no role noun follows."""
        chain = self._chain(qualifier.end)
        if chain is None:
            return self._generic_after(qualifier)
        roles, end = chain
        actor, role = self._affiliation(qualifier, roles)
        if qualifier.polity is not None and roles[-1].key == _ARMED_GROUPS:
            # "Turkish-backed Syrian rebels": the group the sponsor backs in that state
            actor = (
                self._proxy(qualifier.start, _ARMED_GROUPS, qualifier.polity.key)
                or self._foreign_group(qualifier.start, qualifier.polity.key)
                or actor
            )
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
                if following.entry.polity.rank >= polity.rank and not self._yields(
                    following.entry.polity, polity
                ):
                    polity = following.entry.polity
                end = following.end
                following = self.hits.get(end)
            return _Qualifier(hit.start, end, polity, None)
        if entry.person is not None:
            return self._person_qualifier(hit.start, hit.end, entry.person)
        owner = entry.actor or entry.seat_of or entry.metonym_of
        return _Qualifier(hit.start, hit.end, None, owner) if owner else None

    def _yields(self, following: Polity, polity: Polity) -> bool:
        """Whether a qualifier that names no state ("occupation") leaves the state named before
        it in charge: "Israeli occupation soldiers", not "Russian occupation authorities"."""
        own_sides = {actor.side for actor in following.roles.values()}
        return (
            following.yields and polity.key in self.registry.states and polity.key not in own_sides
        )

    def _person_qualifier(self, start: int, end: int, person: Person) -> _Qualifier:
        """ "Putin's forces" are Russia's forces; "Prigozhin's fighters" are Wagner's."""
        polity = self.registry.polities.get(person.actor.side)
        if polity is not None and polity.roles.get("government") == person.actor:
            return _Qualifier(start, end, polity, None)
        return _Qualifier(start, end, None, person.actor)

    def _chain(self, index: int) -> tuple[list[RoleNoun], int] | None:
        """Role nouns from `index` (after an optional possessive or the qualifier's bracketed
        abbreviation), with modifiers between them."""
        doc = self.doc
        if index < len(doc) and doc[index].text in _POSSESSIVE:
            index += 1
        if (
            index + 2 < len(doc)
            and doc[index].text == "("
            and doc[index + 2].text == ")"
            and _ACRONYM.fullmatch(doc[index + 1].text)
        ):
            index += 3  # the qualifier's own abbreviation, before its role nouns
        roles: list[RoleNoun] = []
        end = k = index
        modifiers = 0
        while k < len(doc):
            hit = self.hits.get(k)
            if hit is not None and hit.role is not None and self._modifies(hit):
                k = hit.end
                modifiers += 1
            elif hit is not None:
                if hit.role is None or doc[hit.end - 1].pos_ in _VERB_POS:
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
        """ "military" in "Russian military equipment" modifies a noun; it names no one. Before a
        deed ("a Myanmar military air strike") it names who did it."""
        doc = self.doc
        if hit.end - hit.start != 1 or doc[hit.start].pos_ != "ADJ" or hit.end >= len(doc):
            return False
        following = doc[hit.end]
        if following.pos_ not in _NOUNS or hit.end in self.hits:
            return False
        deed = doc[hit.end : hit.end + _DEED_REACH]
        return not any(word.lower_ in self.registry.deed_nouns for word in deed)

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
            if (
                following is not None
                and following.lower_ in _GROUP_WORDS
                and hit.entry.actor is not None
                and hit.entry.actor.inter in _NON_STATE_ARMED
            ):
                return qualifier, qualifier.end + 1  # "rebels of the M23 movement"
            if following is not None and (
                following.pos_ in _NP_WORDS or following.text in _POSSESSIVE | _HYPHENS
            ):
                # "leader of the Russian Orthodox Church", "leaders of the Iran-allied Houthi
                # militia": the qualifier modifies another noun
                break
            return qualifier, qualifier.end
        return None, end

    def _affiliation(
        self, qualifier: _Qualifier | None, roles: list[RoleNoun]
    ) -> tuple[Actor | None, str]:
        """The actor a qualifier and role nouns name, and the mention role their head gives.

        A role that names one actor whatever its qualifier ("our Moscow correspondent", "Russian
        media reports") takes that actor, unless the qualifier is an actor ("CNN correspondent")
        or an earlier role names a party's media ("Russian state media correspondent")."""
        role = roles[-1].form
        if qualifier is not None and qualifier.actor is not None:
            return qualifier.actor, role
        polity = qualifier.polity if qualifier is not None else None
        fixed = next((n for n in roles if n.key in self.registry.role_actors), None)
        if fixed is not None:
            for noun in roles[: roles.index(fixed)]:
                actor = polity.roles.get(noun.key) if polity else None
                if actor is not None and actor.kind in _MEDIA_KINDS:
                    return actor, role
            return self.registry.role_actors[fixed.key], role
        head = roles[-1]
        if polity is not None and head.key == "military" and head.form == "group":
            forces = polity.roles.get("military")
            if forces is not None:
                return forces, role  # "Syrian government forces" are the state's military
        for noun in roles:
            actor = polity.roles.get(noun.key) if polity else None
            if actor is not None:
                return actor, role
        if polity is not None and polity.key in self.registry.states:
            for noun in roles:
                generic = self.registry.generic(noun.key, polity.key)
                if generic is not None:
                    return generic, role  # "Syrian rebels": Unidentified Armed Group (Syria)
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
        for token in tokens_of(self.doc):
            known = self.adhoc.get(token.text)
            if known is None or taken[token.i] or token.i < known[2] or token.pos_ != "PROPN":
                continue
            self._emit(token.i, token.i + 1, known[0], "person", known[1])
