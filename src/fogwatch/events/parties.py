"""Who acts and who is acted on: the parties of a trigger's clause, as registry actors.

Agents and patients come from the parse (subject and object, a "by" agent, a possessor, the
subject a verb shares with the verb above it) and become actors through the actor mentions,
coreference, pronouns and nationality words ("Russian troops"). In violence a government acts
through its military, and a battle with one side named is against the other side of the war.
Outside that war, `complete` gives an event its clause left without one ACLED's actor1: Protesters
or Rioters (Country), the sentence's party, the state's police or military, or Unidentified Armed
Group (Country).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from fogwatch.events import syntax, taxonomy, triggers, weapons
from fogwatch.events.candidate import (
    ARMED_INTERS,
    CIVILIANS_ACTOR,
    CIVILIANS_INTER,
    NON_STATE_ARMED,
    PEOPLE_INTERS,
    UNNAMED_SIDE,
    ActorRef,
    Candidate,
)
from fogwatch.records import Actor, ActorMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading
    from fogwatch.language.actor_registry import RoleNoun

# The police of a state the report does not name.
UNSTATED_POLICE = "UNID.police"

# Nouns that name some of a group's men: "members of X", "dozens of X fighters".
_MEMBERS = frozenset(
    {"member", "members", "dozens", "hundreds", "scores", "elements", "remnants", "some"}
)
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod"})
_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "itself", "themselves"})
_IDENTIFYING_VERBS = weapons.IDENTIFYING_VERBS  # "men believed to be al-Qaeda militants"
# Groups people are said to be members of: rebels, militias, external forces ("Wagner").
_ARMED_MEMBERS = frozenset({2, 3, 4, 8})
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
# Prepositions that make a violent noun the means of the verb they hang from.
_MEANS = frozenset({"in", "with", "through"})
# Prepositions whose object a violent word targets: "fired on X", "strikes against Y".
_TARGET_PREPOSITIONS = frozenset({"on", "against", "at"})
# Verbs whose subject undergoes the event their object tells ("suffered heavy casualties").
_SUFFERING_VERBS = frozenset({"suffer", "sustain", "incur"})
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# Verbs of fleeing: the place they lead "to" is where people went, not where it happened ("crossed
# into Niger" is where attackers went to act, so "cross" is none).
_FLED_VERBS = frozenset({"flee", "escape", "evacuate"})
_SUBJECT_UNDERGOES = frozenset({"fall", "die", "perish", "explode"})
"""Verbs whose subject is what the event happens to, not who does it."""


# ── agents and patients in the parse ──


def arguments(reading: Reading, token: Token) -> tuple[list[Token], list[Token]]:
    """Agent and patient tokens of a trigger: subject and object, "by" agent, possessor."""
    agents: list[Token] = []
    patients: list[Token] = []
    for child in token.children:
        dep = child.dep_
        if dep in ("nsubj", "csubj") and token.lemma_.lower() in _SUBJECT_UNDERGOES:
            patients.extend(syntax.with_conjuncts(child))  # "Vuhledar fell", "15,000 soldiers died"
        elif dep in ("nsubj", "csubj"):
            agents.extend(syntax.with_conjuncts(child))
        elif dep == "agent":
            agents.extend(_objects_of(child))
        elif dep in ("dobj", "nsubjpass"):
            patients.extend(syntax.with_conjuncts(child))
            # "repelled an attack by Fulani herdsmen": the party whose deed is the object
            patients.extend(
                noun
                for prep in child.children
                if prep.dep_ == "prep" and prep.lower_ == "by" and child.pos_ in syntax.NOUNS
                for noun in _objects_of(prep)
            )
        elif dep == "prep" and child.lower_ in _TARGET_PREPOSITIONS:
            patients.extend(_objects_of(child))
        elif (dep == "prep" and child.lower_ == "by" and token.pos_ in syntax.NOUNS) or (
            dep == "prep" and child.lower_ == "to" and token.lemma_.lower() == "fall"
        ):
            agents.extend(_objects_of(child))
        elif dep == "prep" and child.lower_ == "with" and token.pos_ in syntax.VERBS:
            patients.extend(_objects_of(child))
        elif (dep == "poss" and token.pos_ in syntax.NOUNS) or (
            dep in ("amod", "compound", "nmod")
            # an adjective makes a gerund a noun: "Russian shelling killed …", tagged a verb
            and (token.pos_ in syntax.NOUNS or dep == "amod")
            and (
                child.i in reading.actor_at
                or _polity_of(reading, child) in reading.lexicon.opponents
            )
        ):
            agents.append(child)
    if not agents:
        # "clashes between the army and M23 rebels": the first side acts, the others are met
        sides = syntax.between_sides(token)
        agents.extend(sides[:1])
        patients.extend(sides[1:])
    agents = [a.head.head if a.tag_ in _RELATIVE and a.head.dep_ == "relcl" else a for a in agents]
    # "MEXICO CITY (AP) — Gunmen ambushed …": the parser may make the dateline the subject and
    # the report's subject its apposition
    agents = [
        b
        for a in agents
        for b in (
            [c for c in a.children if c.dep_ == "appos" and c.i not in reading.dateline]
            if a.i in reading.dateline
            else [a]
        )
    ]
    if not agents and token.pos_ in syntax.VERBS and token.dep_ == "acl":
        # "soldiers entering Pokrovsk" acts; "villages captured by Russia" is acted on; a
        # participle with an object of its own is the verb of a headline-like sentence the
        # parser misread ("ADF rebels killed 20 civilians": the rebels act)
        passive = token.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in token.children)
        (patients if passive else agents).append(token.head)
    if (
        not agents
        and token.pos_ in syntax.VERBS
        and token.dep_ in ("xcomp", "conj", "advcl", "pcomp")
    ):
        agents = _inherited_subjects(reading, token)
    first = _first_conjunct(token)  # "continued ground and artillery attacks"
    if not agents and token.pos_ in syntax.NOUNS and first.dep_ in ("dobj", "pobj", "nsubjpass"):
        governor = first.head if first.dep_ != "pobj" else first.head.head
        if governor.lemma_.lower() in reading.lexicon.light_verbs:
            agents, _ = arguments(reading, governor)
            if not patients:
                # "opened fire on worshippers", "launched strikes against X": the target the
                # parser hung on the verb
                patients = [
                    target
                    for prep in governor.children
                    if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPOSITIONS
                    for target in _objects_of(prep)
                ]
        elif (sufferer := suffering_verb(token)) is not None:
            # "the army suffered (heavy losses in) an attack": the army was struck
            patients = [*arguments(reading, sufferer)[0], *patients]
        elif first.dep_ == "pobj" and first.head.lower_ in _MEANS and governor.pos_ in syntax.VERBS:
            # "killed 20 civilians in an air strike": whoever killed struck, whom they killed
            # was struck
            agents, killed = arguments(reading, governor)
            patients = [*killed, *patients]
    return agents, patients


def suffering_verb(token: Token) -> Token | None:
    """The verb of suffering whose object phrase the event noun is in: "suffered casualties in
    an attack", "sustained heavy losses in the assault"."""
    word = _first_conjunct(token)
    for _ in range(3):
        if word.dep_ not in ("pobj", "dobj", "prep") or word.head is word:
            return None
        word = word.head
        if word.lemma_.lower() in _SUFFERING_VERBS and word.pos_ in syntax.VERBS:
            return word
    return None


def _first_conjunct(token: Token) -> Token:
    for _ in range(syntax.MAX_CLIMB):
        if token.dep_ != "conj" or token.head is token:
            break
        token = token.head
    return token


def _objects_of(preposition: Token) -> list[Token]:
    return [g for c in preposition.children if c.dep_ == "pobj" for g in syntax.with_conjuncts(c)]


def _inherited_subjects(reading: Reading, token: Token) -> list[Token]:
    """The subject a verb without one shares with the verb above it: "forced to withdraw",
    "broke through and are battling"; "urged Kyiv to return": the object of the verb above."""
    head = token.head
    if token.dep_ == "pcomp":
        accused = _accused(reading, head)
        if accused:
            return accused
        head = head.head  # "massed near X instead of attacking Y": the subject of "massed"
    if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
        return []
    if token.dep_ == "xcomp" and head.lemma_.lower() in reading.lexicon.object_control_verbs:
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects:
            return [s for o in objects for s in syntax.with_conjuncts(o)]
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and head.dep_ in ("xcomp", "conj") and head.head is not head:
        subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [s for subject in subjects for s in syntax.with_conjuncts(subject)]


def _accused(reading: Reading, preposition: Token) -> list[Token]:
    """Whom a verb of accusation charges with the deed its preposition introduces: "accused the
    army of killing …", "the rebels were blamed for attacking …"."""
    verb = preposition.head
    if reading.lexicon.accusation_verbs.get(verb.lemma_.lower()) != preposition.lower_:
        return []
    accused = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return [a for one in accused for a in syntax.with_conjuncts(one)]


# ── actors ──


def actors(
    reading: Reading, tokens: Iterable[Token], *, military: bool, pronouns: bool = False
) -> list[ActorRef]:
    """The distinct actors the tokens name; `military`: as parties to violence; `pronouns`:
    the tokens are the agents, so "it" and "they" are read too."""
    refs: list[ActorRef] = []
    for token in _with_owners(reading, tokens):
        ref = _actor_of(reading, token, pronouns=pronouns)
        if ref is None and military and (pronouns or token.head.lower_ == "by"):
            ref = _peoples_militia(reading, token)  # the doers: agents, "an attack by …"
        if ref is None:
            continue
        if _people(reading, token, ref) and not (military and pronouns):
            # "arrested 15 Palestinians", "two Palestinians were killed by Israeli forces": the
            # people, not their government or its forces (who they are as doers is left open)
            civilians = reading.registry.generic("civilians", ref.actor.side)
            ref = ActorRef(civilians, ref.span) if civilians is not None else ref
        elif military:
            ref = _as_armed(reading, ref)
            if ref is None:
                continue
        elif ref.actor.inter == 0:
            continue  # news outlets and analysts report events, they are never a party
        if all(ref.actor.id != known.actor.id for known in refs):
            refs.append(ref)
    return refs


def _with_owners(reading: Reading, tokens: Iterable[Token]) -> list[Token]:
    """The tokens, and for a role noun no state word names that a list of states owns, the
    list's states ("military forces from Armenia and Azerbaijan": each state's forces; "troops
    from Belarus" alone says where they came from)."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.lower_ not in reading.registry.role_nouns or token.i in reading.actor_at:
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
                continue
            for owner in (c for c in prep.children if c.dep_ == "pobj"):
                states = [
                    c
                    for c in syntax.with_conjuncts(owner)
                    if _polity_of(reading, c) in reading.registry.states
                ]
                if len(states) > 1:
                    out.extend(states)
    return out


def _peoples_militia(reading: Reading, token: Token) -> ActorRef | None:
    """Men named by their people who carry out violence ("gun-wielding Fulani herdsmen
    attacked …"): ACLED's ethnic militia of that people (named for its country later)."""
    if token.lemma_.lower() not in reading.lexicon.people_men_words:
        return None
    for child in token.children:
        militia = _militia(reading, child, token) if child.dep_ in ("compound", "amod") else None
        if militia is not None:
            return militia
    # "armed youth from the Murle community": the people of the community they come from
    for community in _after(token, "from") + _after(token, "of"):
        if community.lemma_.lower() not in reading.lexicon.community_words:
            continue
        for child in community.children:
            if child.dep_ in ("compound", "amod") and (
                militia := _militia(reading, child, community)
            ):
                return ActorRef(militia.actor, reading.token_span(token.i, community.i + 1))
    return None


def _militia(reading: Reading, people: Token, last: Token) -> ActorRef | None:
    """ACLED's ethnic militia of the people a word names ("Fulani"), told from that word to
    `last`; None for a word that names no people of `ethnic_groups`."""
    if people.text not in reading.registry.ethnic_groups:
        return None
    militia = reading.registry.militia_of(people.text, None)
    return ActorRef(militia, reading.token_span(people.i, last.i + 1)) if militia else None


def _people(reading: Reading, token: Token, ref: ActorRef) -> bool:
    """Whether the noun is a state's people in the plural ("Palestinians", "Afghans"), which the
    registry reads as the state's word."""
    return (
        ref.actor.kind == "government"
        and token.tag_ in ("NNS", "NNPS")
        and _polity_of(reading, token) == ref.actor.side
    )


def _actor_of(reading: Reading, token: Token, *, pronouns: bool) -> ActorRef | None:
    """The actor a noun phrase names, by mention, coreference, possessor or nationality;
    `pronouns`: "it" and "they" too (agents only: a pronoun object is mostly a place)."""
    identified = _identified_as(reading, token)
    if identified is not None:
        return identified
    for candidate in (token, *[c for c in token.children if c.dep_ in _PHRASE_DEPS]):
        mention = reading.actor_at.get(candidate.i)
        if mention is not None:
            return ActorRef(mention.actor, mention.span)
        coref = reading.coref_at.get(candidate.i)
        if coref is not None:
            return coref
    if token.lower_ in _PRONOUNS:
        return _antecedent(reading, token) if pronouns else None
    if token.lower_ in _MEMBERS:
        # "40 members of the People's Defence Force", "dozens of Hamas fighters"
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for group in (g for g in prep.children if g.dep_ == "pobj"):
                ref = _actor_of(reading, group, pronouns=False)
                if ref is not None:
                    return ref
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ in _PRONOUNS:
            owner = _antecedent(reading, child)
            if owner is not None:
                owned = _role_actor(reading, owner.actor.side, token) or owner.actor
                return ActorRef(owned, reading.token_span(child.i, token.i + 1))
    source = token
    polity = _polity_of(reading, token)
    if polity is None:
        for child in token.children:
            adjectival = child.pos_ == "ADJ" or child.ent_type_ == "NORP"
            if (child.dep_ == "poss" or adjectival) and (polity := _polity_of(reading, child)):
                source = child
                break
    if polity is not None and (source is token or token.lower_ in reading.registry.role_nouns):
        # "Russian troops", "Russia" — not "Russian sources", who report, or "Russian economy"
        actor = _role_actor(reading, polity, token)
        if actor is not None:
            start, end = sorted((source.i, token.i))
            return ActorRef(actor, reading.token_span(start, end + 1))
    if polity is not None and source is not token and weapons.weapon_of(reading, token):
        # "a Russian missile hit …", "an Israeli drone": the state's forces fired it
        forces = reading.registry.polities.get(polity)
        actor = forces.roles.get("weapons") or forces.roles.get("military") if forces else None
        if actor is not None:
            start, end = sorted((source.i, token.i))
            return ActorRef(actor, reading.token_span(start, end + 1))
    return None


def _identified_as(reading: Reading, token: Token) -> ActorRef | None:
    """The named group that people named only by what they are are said to belong to: "armed
    men, allegedly members of the Abu Sayyaf group", "insurgents suspected to be members of
    ISWAP", "two men believed to be al-Qaeda militants"."""
    if token.pos_ != "NOUN":
        return None  # "MITROVICA, Kosovo": a name in apposition is no membership
    for child in token.children:
        said = None
        if child.dep_ == "appos":
            said = child
        elif child.dep_ == "acl" and child.lemma_.lower() in _IDENTIFYING_VERBS:
            said = next(
                (
                    word
                    for word in child.subtree
                    if word.dep_ in ("attr", "pobj") and word.head.lemma_ in ("be", "as")
                ),
                None,
            )
        ref = _actor_of(reading, said, pronouns=False) if said is not None else None
        if ref is not None and ref.actor.side != UNNAMED_SIDE and ref.actor.inter in _ARMED_MEMBERS:
            return ref
    return None


def _polity_of(reading: Reading, token: Token) -> str | None:
    """The side a word names by itself: "Russia", "Ukrainian", "Kyiv"; the last word of a
    two-word name names that name's side ("Sudan" in "South Sudan")."""
    registry = reading.registry
    longer = registry.polity_named(f"{token.nbor(-1).text} {token.text}") if token.i else None
    return longer or registry.polity_named(token.text)


def _role_actor(reading: Reading, side: str, token: Token) -> Actor | None:
    """The side's actor for what the noun names: its military for troops and weapons, else
    its government."""
    polity = reading.registry.polities.get(side)
    if polity is None:
        return None
    role = reading.registry.role_nouns.get(token.lower_)
    key = role.key if role is not None else "government"
    return polity.roles.get(key) or polity.roles.get("government")


def _antecedent(reading: Reading, pronoun: Token) -> ActorRef | None:
    """ "it", "its", "they": the nearest party named before it in this or the last sentence."""
    sentence = reading.sentence(pronoun.i)
    floor = reading.sentence_starts[max(0, sentence - 1)]
    for i in range(pronoun.i - 1, floor - 1, -1):
        mention = reading.actor_at.get(i)
        if mention is not None:
            if mention.actor.inter == 0 or mention.role == "person":
                continue
            return ActorRef(mention.actor, mention.span)
        word = reading.doc[i]
        polity = _polity_of(reading, word)
        acting = word.dep_ in syntax.ACTING_DEPS or (
            word.dep_ in ("amod", "compound") and word.head.dep_ in syntax.ACTING_DEPS
        )
        if polity is not None and acting:
            actor = _role_actor(reading, polity, word)
            if actor is not None:
                return ActorRef(actor, reading.token_span(i, i + 1))
    return None


def _as_armed(reading: Reading, ref: ActorRef) -> ActorRef | None:
    """The party to violence an actor stands for: a government acts through its military."""
    actor = ref.actor
    if actor.inter == 0 or actor.inter in (6, 7):
        return None
    if actor.kind == "government":
        polity = reading.registry.polities.get(actor.side)
        military = polity.roles.get("military") if polity else None
        if military is not None:
            # ACLED names the state's forces ("Military Forces of Russia") as the party
            return ActorRef(military, ref.span)
    return ref


def distinct_sides(refs: Iterable[ActorRef]) -> list[ActorRef]:
    """The first ref of each side; actors the report does not name are each a side of their own
    ("Nuer fighters clashed with Dinka militiamen")."""
    sides: list[ActorRef] = []
    for ref in refs:
        if not any(_one_side(ref, known) for known in sides):
            sides.append(ref)
    return sides


def _one_side(a: ActorRef, b: ActorRef) -> bool:
    return a.actor.side == b.actor.side and (a.actor.side != UNNAMED_SIDE or _same_party(a, b))


def communities_hit(
    reading: Reading, agents: Sequence[ActorRef], patients: list[ActorRef]
) -> list[ActorRef]:
    """The parties violence is done to: a tribe or clan others attack is its people, civilians
    ("gunmen attacked an indigenous tribe"); one that a community's own men fight stays their
    communal militia ("the Kala tribe fought the Kii tribe")."""
    if any(_communal(ref) for ref in agents):
        return patients
    hit = []
    for ref in patients:
        civilians = None
        if ref.span is not None and _community(reading, ref):
            civilians = civilians_ref(reading, ref.span)
        hit.append(civilians or ref)
    return hit


def _communal(ref: ActorRef) -> bool:
    return ref.actor.side == UNNAMED_SIDE and ref.actor.inter == _IDENTITY_MILITIA


def _community(reading: Reading, ref: ActorRef) -> bool:
    """Whether a communal militia is named by its community's noun ("tribe", "clans")."""
    if not _communal(ref) or ref.span is None:
        return False
    words = reading.doc.text[ref.span.start : ref.span.end].split()
    return bool(words) and words[-1].lower() in reading.lexicon.community_words


def communities_fighting(reading: Reading, sides: list[Token]) -> list[ActorRef]:
    """The communal militias of a fight's sides when every side is a community named by its
    livelihood or its people and at least two different ones fight ("clashes between farmers
    and herders", "Tiv farmers clashed with Fulani herdsmen", "clashes pitting the Gumuz ethnic
    group against the Amhara"): a people's name makes its ethnic militia, else Unidentified
    Communal Militia (named for the country later). Empty otherwise."""
    lexicon = reading.lexicon
    peoples = reading.registry.ethnic_groups
    kinds = {side.lemma_.lower() for side in sides if side.text not in peoples}
    if len(sides) < 2 or not kinds <= lexicon.livelihood_words | _COMMUNITY_NOUNS:
        return []
    # two different communities: by livelihood or by people ("Fulani herders … Tiv herders")
    communities = {
        (side.lemma_.lower(), *(c.text for c in side.children if c.dep_ in ("compound", "amod")))
        for side in sides
    }
    if len(communities) < 2:
        return []
    unnamed = reading.registry.generic(_COMMUNAL_MILITIAS)
    militias = []
    for side in sides:
        named = reading.actor_at.get(side.i)
        if named is not None and named.actor.inter == _IDENTITY_MILITIA:
            militias.append(ActorRef(named.actor, named.span))  # "the Yangoru tribe"
            continue
        people = side if side.text in peoples else None
        people = people or next(
            (
                child
                for child in side.children
                if child.dep_ in ("compound", "amod", "nmod") and child.text in peoples
            ),
            None,
        )
        if people is None and side.lemma_.lower() in _COMMUNITY_NOUNS:
            return []  # "the ethnic group", "a community": no people named
        militia = reading.registry.militia_of(people.text, None) if people is not None else unnamed
        if militia is None:
            return []
        start = people.i if people is not None else side.i
        militias.append(ActorRef(militia, reading.token_span(start, side.i + 1)))
    return militias


def civilians_ref(reading: Reading, span: Span) -> ActorRef | None:
    actor = reading.registry.actors.get(CIVILIANS_ACTOR)
    return ActorRef(actor, span) if actor is not None else None


# ── the sentence and the war ──


def sentence_actors(
    reading: Reading, token: Token, *, military: bool, people: bool = True
) -> list[ActorRef]:
    """The parties named in the trigger's sentence; `people`: speakers named as persons too."""
    sentence = token.sent
    seen: set[Span] = set()
    refs = []
    for i in range(sentence.start, sentence.end):
        mention = reading.actor_at.get(i)
        if mention is None or mention.span in seen:
            continue
        if not people and mention.role == "person":
            continue
        seen.add(mention.span)
        refs.append(ActorRef(mention.actor, mention.span))
    if military:
        return [armed for ref in refs if (armed := _as_armed(reading, ref)) is not None]
    return [ref for ref in refs if ref.actor.inter != 0]


def opponent(reading: Reading, ref: ActorRef, token: Token) -> ActorRef | None:
    """The other side of the war, as its forces: named in the sentence ("the Russian
    assault"), else its nearest mention in the article, else evidenced by the trigger alone."""
    side = reading.lexicon.opponents.get(ref.actor.side)
    polity = reading.registry.polities.get(side) if side else None
    military = polity.roles.get("military") if polity else None
    if side is None or polity is None or military is None:
        return None
    for named in sentence_actors(reading, token, military=True, people=False):
        if named.actor.side == side:
            return named
    for word in token.sent:
        if word.text in polity.words:
            return ActorRef(military, reading.token_span(word.i, word.i + 1))
    nearest = reading.nearest_armed(side, token.i)
    # a side named nowhere is still the other party to a battle: the trigger is its evidence
    return ActorRef(military, nearest.span if nearest else None)


def two_sides(
    reading: Reading, candidate: Candidate, agents: list[ActorRef], patients: list[ActorRef]
) -> None:
    """Actor1 the side that acts, actor2 the other; the sentence, then the war, fills gaps. A
    clause whose subject names no party known ("Kibu fighters attacked MONUSCO positions"), or
    whose party suffered it ("the army suffered casualties in an attack"), keeps what it hit as
    actor2: actor1 is then the war's other side, or left to `complete`."""
    trigger = candidate.trigger
    suffered = suffering_verb(trigger) is not None
    if not agents and patients and (suffered or any(c.dep_ == "nsubj" for c in trigger.children)):
        hit = distinct_sides(patients)[0]
        candidate.actor1 = opponent(reading, hit, candidate.trigger)
        candidate.actor2 = hit
        candidate.assoc = [ref for ref in patients if ref.actor.id != hit.actor.id]
        return
    sides = distinct_sides([*agents, *patients])
    # the war the lexicon knows fills a battle's sides only where it is fought (or nothing says
    # where): a clash of Tajik and Kyrgyz border guards is none of Russia's
    country = _event_state(reading, candidate) if len(sides) < 2 else None
    in_war = country is None or country in reading.lexicon.opponents
    if len(sides) < 2 and in_war:
        sides = distinct_sides([*sides, *_sentence_belligerents(reading, candidate.trigger)])
    if len(sides) == 1 and in_war:
        other = opponent(reading, sides[0], candidate.trigger)
        if other is not None:
            sides.append(other)
    if sides:
        candidate.actor1 = sides[0]
    if len(sides) > 1:
        candidate.actor2 = sides[1]
    candidate.assoc = [
        ref
        for ref in [*agents, *patients]
        if ref.actor.id not in {side.actor.id for side in sides[:2]}
    ]


def _sentence_belligerents(reading: Reading, token: Token) -> list[ActorRef]:
    """The war's sides named in the sentence, except those who only tell of it ("Ukrainian
    officials said fighting continues in X"): a source is no party."""
    return [
        ref
        for ref in sentence_actors(reading, token, military=True, people=False)
        if ref.actor.side in reading.lexicon.opponents
        and not _speaks(reading, ref)
        and not _possessor_only(reading, ref)
    ]


def _possessor_only(reading: Reading, ref: ActorRef) -> bool:
    """Whether a state is named only as the possessor of something else ("Russia's allies",
    "Russia's economy"): its forces would be named with it ("Russia's forces")."""
    root = mention_root(reading, ref)
    return root is not None and root.dep_ == "poss"


def _office_holders(reading: Reading, ref: ActorRef) -> bool:
    """Whether a party is named only as the possessor of an office holder ("the Taliban's
    director of health", "Hamas's spokesman"), who tells of events more often than he does them;
    its men would be named with it ("the Taliban's fighters")."""
    root = mention_root(reading, ref)
    if root is None or root.dep_ != "poss":
        return False
    role = _role_noun(reading, root.head)
    return role is not None and role.form == "person"


# ── every event has an actor1 ──

_PROTESTS = "Protests"
_RIOTS = "Riots"
_CROWDS = frozenset({_PROTESTS, _RIOTS})
_CROWD_INTERS = frozenset({5, 6})
_AGAINST_CIVILIANS = "Violence against civilians"
"""ACLED inter codes of rioters and protesters."""
# ACLED: an unnamed perpetrator of political violence is an Unidentified Armed Group.
_UNNAMED_PERPETRATOR = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians"}
)
# Sub-types mostly a state's forces carry out: an unnamed perpetrator is no armed group.
_STATE_WEAPONS = frozenset({"Air/drone strike"})
# A state force no word ties to a state ("police", "soldiers"): the event country's own.
_STATE_ROLES = ("police", "military")
# Armed men of any allegiance: with no state word or name before them, no state's forces.
_ANY_ALLEGIANCE = frozenset({"fighters", "fighter"})
# "an attack", "another bombing": a deed other than the one just told.
_OTHER_DEEDS = frozenset({"a", "an", "another"})
# What a deed's weapon can be to the verb: "a missile hit", "fired a missile", "rockets were fired".
_WEAPON_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
# "the attackers were Murle": the words a report uses for the perpetrators it then identifies.
_ATTACKER_NOUNS = frozenset(
    {"attackers", "assailants", "gunmen", "raiders", "perpetrators", "killers", "kidnappers"}
)
# ACLED: arrests are made by the state's police.
_ARRESTS = "Arrests"
_ABDUCTION = "Abduction/forced disappearance"
# Weapons seized, defused or intercepted: by the state's forces, its police unless its military
# shoots them down.
_DISRUPTED = "Disrupted weapons use"
_AIR_DEFENCE_VERBS = frozenset({"intercept", "shoot", "down", "destroy"})
_INTERCEPT = "intercept"
# What air defence intercepts: the sub-types of the weapons that fly.
_AERIAL = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
# Property looted or burned by no one named: ACLED's rioters.
_LOOTING = "Looting/property destruction"
# An agreement no clause names a party to: the states its sentence names, by their governments.
_AGREEMENT = "Agreement"
# ACLED's strategic developments an armed group makes on its own, mostly known from its word.
_OWN_MOVES = frozenset({"Change to group/activity", "Headquarters or base established"})
# "a truce the government signed with the rebels": a government with no state named is the
# country's.
_GOVERNMENT_NOUNS = frozenset({"government", "regime", "authorities"})
# "Turkey-backed fighters": a group a state sponsors is none of its forces.
_SPONSORED = frozenset({"backed", "sponsored", "funded", "supported", "armed", "trained"})
# ACLED: government forces or their affiliates regain territory.
_REGAINS = "Government regains territory"
_IN_WAR = frozenset({_ARRESTS, _DISRUPTED, _LOOTING})
# What the state's forces do to others: a group named beside it is who they did it to.
_ENFORCED = frozenset({_ARRESTS, _DISRUPTED})
_NOT_PERPETRATORS = PEOPLE_INTERS
_STATE_FORCES = 1
# "claimed responsibility", "took responsibility", "accepted responsibility"
_RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "assume"})
# "carried out the attack", "the attack was perpetrated by …", "the assault was led by …": verbs
# whose doer did the deed
_DEED_VERBS = frozenset({"carry", "perpetrate", "conduct", "commit", "lead", "plant", "detonate"})
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})
# Deeds a claim or blame names that start no event of their own ("carried out the raid").
_DEED_NOUNS = frozenset({"raid", "shooting", "killing", "kidnapping", "arson", "lynching"})
_PLACE_OR_TIME = frozenset({"in", "near", "at", "on", "outside", "around"})
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we"})
_SPEAKER_POSSESSIVES = frozenset({"its", "their", "our"})
_SPEECH_VERBS = frozenset({"say", "tell", "announce", "state", "claim", "confirm", "add"})
# What a vehicle or building hit had in it: "a bus carrying soldiers".
_CARRYING_VERBS = frozenset({"carry", "transport", "ferry", "house", "host", "shelter"})
# Where a blow lands: "ripped through a Somali army vehicle", "a rocket landed near a post".
_HIT_PREPOSITIONS = frozenset({"through", "into", "at", "near", "on", "against"})
_IDENTITY_MILITIA = 4
"""ACLED inter code of identity (ethnic, communal, clan) militias."""
_ARMED_GROUPS = "armed_groups"
_COMMUNAL_MILITIAS = "communal_militias"
# "the Gumuz ethnic group", "the Hema community": nouns that name a people's community
_COMMUNITY_NOUNS = frozenset({"group", "community", "tribe", "clan"})
_OBJECT_DEP = frozenset({"dobj"})
# How many sentences back "the fighters" looks for the group named with that noun.
_ANAPHOR_SENTENCES = 2
# Place roles that say which country a report is in, where no place is where it happened: the
# dateline, a place inside an institution's name.
_SITUATING_ROLES = frozenset({"dateline", "modifier"})


def complete(reading: Reading, candidate: Candidate, earlier: Sequence[Candidate] = ()) -> None:
    """ACLED's actor1 for an event its clause leaves without one, and the country for a generic
    actor: protests are Protesters (Country), riots Rioters (Country); other events take the
    sentence's first party, a state force the sentence names without its state ("police"), else:
    arrests the country's police (Police Forces of a state never named when the report names no
    country), weapons seized or intercepted its police or military, looting
    Rioters (Country), an agreement the government of a state the sentence names, political
    violence Unidentified Armed Group (Country). In a war the lexicon knows, whose sides
    `opponent` gives, only crowds, arrests, seized weapons and looting take these rules. The
    country is the event place's, else the one the sentence or the article names. An event told
    again by a definite noun ("the airstrikes targeted …") takes the `earlier` one's parties."""
    if candidate.actor1 is None:
        _told_again(reading, candidate, earlier)
    sub = taxonomy.sub_event_type(candidate.sub_type)
    country = _event_state(reading, candidate)
    # a war the lexicon knows (Russia–Ukraine): its sides come from `opponent`, and only its
    # crowds, arrests, seized weapons and looting take the rules below
    war = country in reading.lexicon.opponents
    if war and sub.name not in _IN_WAR and sub.event_type not in _CROWDS:
        _own_move(reading, candidate, sub.name)
        _one_party_once(candidate, sub.event_type)
        return
    span = candidate.trigger_span
    registry = reading.registry
    held = candidate.actor1
    if held is not None and held.actor.inter == CIVILIANS_INTER and sub.event_type not in _CROWDS:
        # ACLED: civilians are never actor1; they are what the event happened to
        candidate.actor1 = None
        candidate.actor2 = candidate.actor2 or held
    if sub.event_type == _PROTESTS:
        actor1 = candidate.actor1
        intervened = sub.name != "Peaceful protest"
        if (
            intervened
            and actor1 is not None
            and actor1.actor.inter == _STATE_FORCES
            and (candidate.actor2 is None or candidate.actor2.actor.inter in _NOT_PERPETRATORS)
        ):
            candidate.actor2 = actor1  # the state that intervened in the protest
        if intervened and (
            candidate.actor2 is None
            or candidate.actor2.actor.inter in _NOT_PERPETRATORS
            or _protested_at(candidate.actor2)
        ):
            # the protesters are whom the force was used on, not a party of their own: actor2
            # is the force ("tear gas was used by police to disperse protesters"), else none
            held = candidate.actor2
            candidate.actor2 = _state_force(reading, candidate.trigger, country, crowd=True) or (
                held
                if held is not None and (held.actor.inter == CIVILIANS_INTER or _protested_at(held))
                else None
            )
        if actor1 is None or actor1.actor.inter != 6:
            actor1 = None
        protesters = registry.generic("protesters", country)
        if protesters is not None:
            candidate.actor1 = ActorRef(protesters, actor1.span if actor1 else span)
    elif sub.event_type == _RIOTS and (
        candidate.actor1 is None or candidate.actor1.actor.inter in (*_NOT_PERPETRATORS, 5, 1)
    ):
        rioters = registry.generic("rioters", country)
        if rioters is not None:
            kept = candidate.actor1
            if kept is not None and kept.actor.inter == _STATE_FORCES:
                # ACLED: the rioters are actor1 of a riot; police who fight them are actor2
                candidate.actor2 = candidate.actor2 or kept
                kept = None
            candidate.actor1 = ActorRef(rioters, kept.span if kept else span)
        held = candidate.actor2
        if held is None or held.actor.inter in _CROWD_INTERS or _protested_at(held):
            # "protesters clashed with security forces": the force they fought, of the country,
            # in any sentence that tells the riot (the crowd itself is actor1, never actor2; the
            # government it rose against only where no force is named)
            tellings = dict.fromkeys([candidate.trigger.i, *candidate.triggers])
            candidate.actor2 = next(
                (
                    fought
                    for i in tellings
                    if (fought := _state_force(reading, reading.doc[i], country, battle=True))
                ),
                held if held is not None and _protested_at(held) else None,
            )
    elif candidate.actor1 is None and not war:
        party = _sentence_party(reading, candidate, sub.event_type, country)
        by_group = sub.event_type in _UNNAMED_PERPETRATOR and _by_armed_group(
            reading, candidate.trigger
        )
        if by_group and (party is None or party.actor.inter == _STATE_FORCES):
            # "police say … killed in a suspected rebel attack": armed men no name tells, not
            # the state's forces that report it (a group the sentence names stays)
            unnamed = registry.generic(_ARMED_GROUPS, country)
            party = ActorRef(unnamed, span) if unnamed is not None else party
        if party is not None and sub.name in _ENFORCED and party.actor.inter in NON_STATE_ARMED:
            # "a PKK arms cache was found", "IS suspects were
            # arrested": the group is whose weapons or men they were, not who seized them
            candidate.actor2 = candidate.actor2 or party
        else:
            candidate.actor1 = party
    _own_move(reading, candidate, sub.name)
    # "activists were detained and taken to an undisclosed location": a detention the sentence
    # reads as a disappearance is still the authorities' deed
    detained = sub.name == _ARRESTS or (
        candidate.frame == "arrest"
        and sub.name == _ABDUCTION
        and candidate.actor1 is None
        # "detained by human traffickers and held for ransom": not the authorities
        and not any(c.dep_ == "agent" for c in candidate.trigger.children)
    )
    if candidate.actor1 is not None and sub.name in (_ARRESTS, _DISRUPTED):
        candidate.actor1 = _enforcer(reading, candidate.actor1, candidate.trigger)
    if candidate.actor1 is None and detained:
        candidate.actor1 = _forces_on_the_scene(reading, candidate.trigger)
    if candidate.actor1 is not None and sub.name == _ARRESTS:
        candidate.actor1 = _arresting_police(reading, candidate.actor1)
    if candidate.actor1 is None and detained and country is None:
        # "the French government said hundreds had been arrested": a state tells its own arrests
        country = _speaking_state(reading, candidate.trigger)
    if candidate.actor1 is None and detained and country is not None:
        police = registry.polities[country].roles.get("police")
        candidate.actor1 = ActorRef(police, span) if police is not None else None
    if candidate.actor1 is None and sub.name == _DISRUPTED and country is not None:
        candidate.actor1 = _state_force(reading, candidate.trigger, country, battle=True)
        if candidate.actor1 is None:
            shot = _shoots_down(reading, candidate.trigger)
            force = registry.polities[country].roles.get("military" if shot else "police")
            candidate.actor1 = ActorRef(force, span) if force is not None else None
    seized = sub.name == _DISRUPTED and not _shoots_down(reading, candidate.trigger)
    if candidate.actor1 is None and country is None and (detained or seized):
        # the report names no state: still the police, of a state it does not name
        police = registry.actors.get(UNSTATED_POLICE)
        candidate.actor1 = ActorRef(police, span) if police is not None else None
    if candidate.actor1 is None and sub.name == _LOOTING:
        # "shops were torched … residents blamed separatist fighters": the group said to have
        # done it, else rioters
        rioters = registry.generic("rioters", country)
        candidate.actor1 = _group_said_to_do_it(reading, candidate.trigger, country) or (
            ActorRef(rioters, span) if rioters is not None else None
        )
    if sub.name == _AGREEMENT:
        _government_party(reading, candidate, country)
    unclaimed = candidate.actor1 is None or candidate.actor1.actor.side == UNNAMED_SIDE
    # "nine soldiers and dozens of terrorists were killed in fighting … IS later claimed the
    # attack": a battle of the state's forces with men no name tells, which a group claims
    met = candidate.actor2
    fought_unnamed = (
        sub.event_type == "Battles"
        and candidate.actor1 is not None
        and candidate.actor1.actor.inter == _STATE_FORCES
        and met is not None
        and met.actor.side == UNNAMED_SIDE
        and met.actor.inter in NON_STATE_ARMED
    )
    if fought_unnamed:
        # only a claim of this very deed ("IS later claimed the attack")
        said = _group_said_to_do_it(reading, candidate.trigger, country, this_deed=True)
        if said is not None:
            candidate.actor1, candidate.actor2 = said, candidate.actor1
    if unclaimed and sub.event_type in _UNNAMED_PERPETRATOR:
        # "the PKK claimed responsibility for the bombing": the group that says it did it
        said = (
            _group_said_to_do_it(reading, candidate.trigger, country)
            or _attackers_were(reading, candidate.trigger)
            or _fielded_by(reading, candidate.trigger)
            or _accused_of_it(reading, candidate.trigger, sub.name)
            or (
                _fired_from(reading, candidate.trigger, country)
                if sub.name not in _STATE_WEAPONS
                else None
            )
        )
        if said is not None:
            candidate.actor1 = said
            if candidate.actor2 is not None and _same_party(said, candidate.actor2):
                candidate.actor2 = None  # a group is not the party its own attack hit
    if (
        candidate.actor1 is None
        and sub.event_type in _UNNAMED_PERPETRATOR
        and sub.name not in _STATE_WEAPONS
    ):
        unnamed = registry.generic(_ARMED_GROUPS, country)
        named = _group_acting_next(reading, candidate.trigger, sub.name)
        candidate.actor1 = named or (ActorRef(unnamed, span) if unnamed is not None else None)
    elif (
        candidate.actor1 is not None
        and candidate.actor1.actor.side == UNNAMED_SIDE
        and sub.event_type in _UNNAMED_PERPETRATOR
    ):
        # "a suicide bomber struck …; Taliban fighters then stormed …": the group named next
        named = _group_acting_next(reading, candidate.trigger, sub.name)
        if named is not None:
            candidate.actor1 = named
            if candidate.actor2 is not None and _same_party(named, candidate.actor2):
                candidate.actor2 = None  # a group is not the party its own attack hit
    if sub.name in _STATE_WEAPONS and country is not None:
        _own_air_force(reading, candidate, country)
    if sub.name == _REGAINS and country is not None:
        _regained_by_state(reading, candidate, country)
    attacker = candidate.actor1
    if (
        sub.event_type in ("Battles", "Explosions/Remote violence")
        and candidate.actor2 is None
        and attacker is not None
        and attacker.actor.inter in NON_STATE_ARMED
    ):
        # "ambushed a Malian army convoy, killing 12 soldiers": the state's forces the sentence
        # names, else those it names without their state ("gunmen killed three soldiers")
        candidate.actor2 = _forces_named(reading, candidate.trigger) or _state_force(
            reading, candidate.trigger, country, battle=True
        )
    # ACLED names a generic actor for the country where the event happened, whatever the
    # words say of where its men come from ("Ugandan rebels" killing people in DR Congo)
    placed = candidate.place is not None and candidate.place.mention.place is not None
    candidate.actor1 = _in_country(reading, candidate.actor1, country, placed=placed)
    candidate.actor2 = _in_country(reading, candidate.actor2, country, placed=placed)
    # ACLED codes a global brand's fighting under the branch that wages it there, and unnamed
    # men a description ties to one movement there as that movement
    candidate.actor1 = _described(reading, _branch(reading, candidate.actor1, country), country)
    candidate.actor2 = _described(reading, _branch(reading, candidate.actor2, country), country)
    if sub.event_type == _AGAINST_CIVILIANS and candidate.actor2 is None:
        # ACLED: violence against civilians is done to civilians ("gunmen attacked a village,
        # killing 11"), whoever the sentence names them as
        civilians = registry.generic("civilians", country)
        candidate.actor2 = ActorRef(civilians, span) if civilians is not None else None
    _one_party_once(candidate, sub.event_type)


def _own_move(reading: Reading, candidate: Candidate, sub_type: str) -> None:
    """ "Special units have been formed in Russia's Western Military District", "the IRGC's
    commander said the forces had set up a drone command": an armed group's own move that no
    party does in its clause, told in a sentence that names one armed party (as its speaker, its
    owner, its place), is that party's."""
    if candidate.actor1 is not None or sub_type not in _OWN_MOVES:
        return
    named = distinct_sides(sentence_actors(reading, candidate.trigger, military=True))
    armed = [ref for ref in named if ref.actor.inter in ARMED_INTERS]
    if len(armed) == 1 and not _aimed_at(reading, armed[0]):
        candidate.actor1 = armed[0]


def _aimed_at(reading: Reading, ref: ActorRef) -> bool:
    """Whether a party is named as what something aims at: in a purpose clause ("a command set
    up to repel Arakan Army offensives") or an "against"/"for" phrase ("a base for the SDF's
    rivals")."""
    root = mention_root(reading, ref)
    if root is None:
        return False
    for node in root.ancestors:
        if node.dep_ == "prep" and node.lower_ in ("against", "for"):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return True
    return False


def _one_party_once(candidate: Candidate, event_type: str) -> None:
    """Only in a battle can one actor be both sides (two unnamed groups, two clans): elsewhere
    the second is the first told again ("strikes on the town and its outskirts")."""
    one, two = candidate.actor1, candidate.actor2
    if one and two and one.actor.id == two.actor.id and event_type != "Battles":
        candidate.actor2 = None


def _told_again(reading: Reading, candidate: Candidate, earlier: Sequence[Candidate]) -> None:
    """ "Russian warplanes carried out airstrikes on X. … the airstrikes targeted Y", "Israeli
    aircraft killed three gunmen. … the planes fired on a car": a trigger noun with a definite
    determiner and no party of its own refers back to the last earlier event of its sub-type,
    and takes its parties; so does a trigger whose subject is a definite weapon no party's word
    qualifies, told in the sentence after that event or its own."""
    trigger = candidate.trigger
    weapon_told_again = any(
        child.dep_ == "nsubj" and _definite(child) and _bare_weapon(reading, child)
        for child in trigger.children
    )
    if not weapon_told_again and (trigger.pos_ not in syntax.NOUNS or not _definite(trigger)):
        return
    before = [c for c in earlier if c.sub_type == candidate.sub_type and c.actor1 is not None]
    if weapon_told_again:
        # only the strike just told: in its sentence or the one before, in the same country
        here = _country_of(candidate)
        before = [
            c
            for c in before
            if candidate.sentence - c.sentence <= 1
            and (here is None or _country_of(c) in (None, here))
        ]
    if before:
        candidate.actor1 = before[-1].actor1
        candidate.actor2 = candidate.actor2 or before[-1].actor2


def _country_of(candidate: Candidate) -> str | None:
    """The country of the place a candidate's words give, if any."""
    place = candidate.located
    return place.country if place is not None else None


def _bare_weapon(reading: Reading, noun: Token) -> bool:
    """Whether a noun is a weapon or platform ("the planes", "the drones") that no party's or
    people's word in its phrase qualifies ("the soldiers of a Russian unit" is none)."""
    if weapons.weapon_of(reading, noun) is None:
        return False
    return not any(i in reading.actor_at for i in range(noun.left_edge.i, noun.right_edge.i + 1))


def _group_acting_next(reading: Reading, trigger: Token, sub_type: str) -> ActorRef | None:
    """The one named non-state armed group that is the subject or the "by" agent of another
    trigger, the subject of its clause or of the verb it hangs from, or that a perpetrator of
    the event's kind is named for ("suicide bombers from IS", "IS suicide bombers"), in this
    sentence or the next: a lead that tells of an attack without its perpetrator ("soldiers were
    killed in suicide attacks") names him in the sentence that tells it in detail."""
    sentence = reading.sentence(trigger.i)
    starts = reading.sentence_starts
    end = starts[sentence + 2] if sentence + 2 < len(starts) else len(reading.doc)
    after = starts[sentence + 1] if sentence + 1 < len(starts) else len(reading.doc)
    acts = set(reading.trigger_clauses) | reading.trigger_heads
    groups: dict[str, ActorRef] = {}
    for i in range(starts[sentence], end):
        mention = reading.actor_at.get(i)
        if mention is None or mention.actor.inter not in NON_STATE_ARMED:
            continue
        if mention.actor.side == UNNAMED_SIDE:
            continue  # "gunmen": no name to carry over
        word = reading.doc[i]
        head = word.head
        if _doubted(head) or (i >= after and _another_incident(word.sent)):
            continue  # "not clear whether the Taliban carried out …", "Elsewhere, ISWAP …"
        claims = head.lemma_.lower() in _RESPONSIBILITY_VERBS
        if claims and _another_deed(reading, head, trigger):
            continue  # "the Taliban claimed an attack on a checkpoint": another deed
        # or the verb a trigger hangs from: "the bomber blew up a minibus, killing four"
        governs = any(c.i in acts and c.dep_ in ("advcl", "xcomp", "conj") for c in head.children)
        acting = word.dep_ == "nsubj" and head.i != trigger.i and (head.i in acts or governs)
        # or the agent of another trigger that tells the same attack again: "they were attacked
        # by the ADF rebels" (not "a convoy was ambushed by ISWAP", another attack)
        by = head.dep_ == "agent" and head.head.i != trigger.i and head.head.i in acts
        acting = acting or (word.dep_ == "pobj" and by and _told_of_again(head.head))
        if acting or _perpetrator_of(reading, mention, sub_type):
            groups.setdefault(mention.actor.id, ActorRef(mention.actor, mention.span))
    return next(iter(groups.values())) if len(groups) == 1 else None


def _told_of_again(verb: Token) -> bool:
    """Whether a passive verb's subject refers back to what was just told ("they were
    attacked", "the villagers were attacked"), and the verb tells no earlier time ("had been
    attacked")."""
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(s.pos_ == "PRON" or _definite(s) for s in subjects)


def _perpetrator_of(reading: Reading, mention: ActorMention, sub_type: str) -> bool:
    """Whether the mention names its group by a weapon noun of this kind of event ("suicide
    bombers from IS"): whatever the parse, the bombers carried out the bombing."""
    words = reading.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if words is None:
        return False
    lemmas = [word.lemma_.lower() for word in words]
    for size in (1, 2, 3):
        for k in range(len(lemmas) - size + 1):
            if reading.lexicon.weapons.get(" ".join(lemmas[k : k + size])) == sub_type:
                return True
    return False


def _regained_by_state(reading: Reading, candidate: Candidate, country: str) -> None:
    """ACLED: only a state's forces or their auxiliaries regain territory; a group the clause
    made actor1 ("seized by IS", "freed from IS") is the one that lost it."""
    held = candidate.actor1
    if held is not None and held.actor.side in reading.registry.states:
        return
    military = reading.registry.polities[country].roles.get("military")
    if military is None:
        return
    candidate.actor1 = ActorRef(military, candidate.trigger_span)
    if held is not None and candidate.actor2 is None:
        candidate.actor2 = held


def _by_armed_group(reading: Reading, trigger: Token) -> bool:
    """Whether the event noun names its perpetrators as an armed group no name tells ("a rebel
    attack", "an insurgent ambush", "militia raids")."""
    nouns = reading.registry.role_nouns
    for word in trigger.children:
        if word.dep_ not in ("amod", "compound"):
            continue
        lemma = word.lemma_.lower()
        noun = nouns.get(word.lower_) or nouns.get(lemma) or nouns.get(f"{lemma}s")
        if noun is not None and noun.key == _ARMED_GROUPS:
            return True
    return False


def _own_air_force(reading: Reading, candidate: Candidate, country: str) -> None:
    """An air raid on an armed group, its air force unnamed ("an airstrike hit militant
    positions in the province"), is the state's own: a state bombs the insurgents on its soil
    more often than any foreign air force does. A raid on anyone else stays unattributed."""
    target = candidate.actor2
    if candidate.actor1 is not None or target is None or target.actor.inter not in NON_STATE_ARMED:
        return
    military = reading.registry.polities[country].roles.get("military")
    if military is not None:
        candidate.actor1 = ActorRef(military, candidate.trigger_span)


def _group_said_to_do_it(
    reading: Reading, trigger: Token, country: str | None = None, *, this_deed: bool = False
) -> ActorRef | None:
    """The one non-state armed group the trigger's sentence or the next two say did the deed:
    it claims (takes, accepts) responsibility for it or claims it ("IS later claimed
    responsibility for the attack", "which al-Shabaab claimed it carried out"), carried it out
    or led it ("the attack was carried out by the OLA", "police said the ADF carried out the
    attack", "the assault was led by the Viv Ansanm coalition"), was responsible for it or
    behind it ("the CODECO group was responsible for the killings"), or is blamed for it ("the
    attack was blamed on the ELN"). Not where the words doubt it ("not clear whether the Taliban
    carried out the attack"), tell of another deed ("claimed an attack on a checkpoint") or, after
    the deed's sentence, of another incident ("In a separate incident, …")."""
    groups: dict[str, ActorRef] = {}
    here = reading.sentence(trigger.i)
    for i in _told_next(reading, trigger):
        word = reading.doc[i]
        doers = _doers(reading, word, trigger)
        if not doers or _doubted(word) or _doubted(word.head):
            continue
        if _another_deed(reading, word, trigger) or (
            reading.sentence(i) != here and _another_incident(word.sent)
        ):
            continue
        if this_deed and not _names_this_deed(reading, word):
            continue
        # "the Islamist militant group al-Shabaab claimed …": the name in apposition;
        # "insurgents from the BRN": the group they come from; "it", "its fighters", "the
        # group" in what a group said: the group that said it
        doers += [v for d in doers if (v := _voice_of(d)) is not None]
        doers += [
            *(c for d in doers for c in d.children if c.dep_ == "appos"),
            *(g for d in doers for g in _after(d, "from") + _after(d, "of")),
        ]
        for doer in doers:
            # "blamed suspected Anglophone separatist fighters": unnamed men a description ties
            # to the one movement fighting under it in the event's state
            ref = _described(reading, _actor_of(reading, doer, pronouns=False), country)
            # "the militant group" (an unnamed one) has no name to take
            if ref and ref.actor.inter in NON_STATE_ARMED and ref.actor.side != UNNAMED_SIDE:
                groups.setdefault(ref.actor.id, ref)
    return next(iter(groups.values())) if len(groups) == 1 else None


def _told_next(reading: Reading, trigger: Token) -> range:
    """Token positions of the trigger's sentence and the next two: where a report says who did
    the deed it has just told."""
    sentence = reading.sentence(trigger.i)
    starts = reading.sentence_starts
    end = starts[sentence + 3] if sentence + 3 < len(starts) else len(reading.doc)
    return range(starts[sentence], end)


def _accused_of_it(reading: Reading, trigger: Token, sub_type: str) -> ActorRef | None:
    """The one party the trigger's sentence or the next two accuse of this deed: the
    accusation names it again ("accused the Syrian government of carrying out the attack", "…
    of it") or names the weapon that makes its kind ("… of using chemical weapons"); two
    parties accusing each other leave it unattributed. ACLED codes the alleged perpetrator
    where the report names no other."""
    accused: list[Token] = []
    for i in _told_next(reading, trigger):
        word = reading.doc[i]
        preposition = reading.lexicon.accusation_verbs.get(word.lemma_.lower())
        if preposition is None or word.pos_ not in syntax.VERBS:
            continue
        charged = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
        # the parser hangs "of …" on the verb or on its object ("accused X's government of …")
        deeds = [
            d
            for owner in (word, *charged)
            for child in owner.children
            if child.dep_ == "prep" and child.lower_ == preposition
            for d in child.subtree
        ]
        if any(_this_deed(reading, d, sub_type) for d in deeds):
            accused.extend(c for one in charged for c in syntax.with_conjuncts(one))
    sides = distinct_sides(actors(reading, accused, military=True))
    return sides[0] if len(sides) == 1 and sides[0].actor.side != UNNAMED_SIDE else None


def _this_deed(reading: Reading, word: Token, sub_type: str) -> bool:
    """Whether an accusation's words name the event again: a definite event noun ("the
    attack"), a pronoun ("it"), or the weapon that makes its kind ("chemical weapons")."""
    if weapons.weapon_of(reading, word) == sub_type:
        return True
    if word.lower_ in ("it", "this", "that"):
        return True
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in word.children)
    return (
        definite and word.pos_ in syntax.NOUNS and word.lemma_.lower() in reading.lexicon.triggers
    )


def _attackers_were(reading: Reading, trigger: Token) -> ActorRef | None:
    """Who the report says the attackers were, in the trigger's sentence or the next two: "the
    attackers were Murle" (that people's militia), "the gunmen were members of ISWAP" (the
    group). Not what they were not, may have been ("not clear whether the attackers were …"),
    or were in another incident; a nationality ("the attackers were Afghans") names no group."""
    found: dict[str, ActorRef] = {}
    for i in _told_next(reading, trigger):
        verb = reading.doc[i]
        if verb.lemma_ != "be" or not any(
            c.dep_ == "nsubj" and c.lower_ in _ATTACKER_NOUNS and _definite(c)
            for c in verb.children
        ):
            continue
        if _doubted(verb) or _another_incident(verb.sent):
            continue
        for said in (c for c in verb.children if c.dep_ == "attr"):
            ref = _peoples_militia(reading, said) or _militia(reading, said, said)
            if ref is None:
                ref = _identified_as(reading, said) or _actor_of(reading, said, pronouns=False)
                if ref is not None and ref.actor.inter not in NON_STATE_ARMED:
                    ref = None  # "the attackers were Afghans": no state's forces
            if ref is None:
                continue
            if ref.actor.side != UNNAMED_SIDE or reading.registry.people_of(ref.actor):
                found.setdefault(ref.actor.id, ref)  # a group or a people, not "gunmen" again
    return next(iter(found.values())) if len(found) == 1 else None


def _doubted(verb: Token) -> bool:
    """ "the attackers were not Murle", "it was not clear whether the attackers were …", "the
    group had carried out no attacks"."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
        or (c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in verb.children
    )


def _another_incident(sentence: Iterable[Token]) -> bool:
    """ "In a separate incident, …", "Elsewhere, …": a sentence about another deed."""
    return any(
        word.lower_ in ("separately", "elsewhere")
        or (word.lower_ in ("separate", "another") and word.head.lemma_.lower() == "incident")
        for word in sentence
    )


def _fielded_by(reading: Reading, trigger: Token) -> ActorRef | None:
    """The one armed group that fields the weapon the deed used ("the second Qaher-II missile hit
    the base": the Houthis; `weapon_users` in the registry): a weapon word that is the trigger,
    its subject or object or its "with" phrase, whose type the name gives. A weapon the deed hit
    ("destroyed a Samad drone storage site") or another clause names is not the one used."""
    users = reading.registry.weapon_users
    arguments = [trigger, *(c for c in trigger.children if c.dep_ in _WEAPON_ARGUMENTS)]
    arguments += [g for c in trigger.children if c.dep_ == "agent" for g in c.children]
    arguments += _after(trigger, "with")
    for weapon in arguments:
        if weapons.weapon_of(reading, weapon) is None:
            continue
        for word in weapon.subtree:
            user = users.get(word.lower_.split("-")[0])
            if user is None:
                continue
            head = word
            for _ in range(2):  # "Qaher-II missile": the name, its mark, the weapon
                if head.dep_ not in ("compound", "nmod", "amod"):
                    break
                head = head.head
                if head == weapon:
                    return ActorRef(user, reading.token_span(word.i, word.i + 1))
    return None


def _fired_from(reading: Reading, trigger: Token, country: str | None) -> ActorRef | None:
    """The party that holds the ground a strike came from: "missiles fired from rebel-held
    territory" (the rebels, named as the event's state names them), "shells fired from
    Russian-occupied areas", "rockets launched from areas controlled by the militia" (the
    phrase on the trigger, or on a participle of the trigger or of the weapon it has as its
    subject: "missiles fired from … struck …")."""
    # the weapon that struck, not the people it struck ("civilians fleeing from … were shelled")
    fired = [
        c
        for c in trigger.children
        if c.dep_ == "nsubj" and weapons.weapon_of(reading, c) is not None
    ]
    launches = [trigger, *(c for n in (trigger, *fired) for c in n.children if c.dep_ == "acl")]
    for preposition in (c for verb in launches for c in verb.children):
        if preposition.dep_ != "prep" or preposition.lower_ != "from":
            continue
        for ground in _objects_of(preposition):
            for held in ground.children:
                if held.lemma_.lower() not in _HELD or held.dep_ not in ("amod", "acl"):
                    continue
                holders = [c for c in held.children if c.dep_ in ("npadvmod", "compound")]
                holders += [g for c in held.children if c.dep_ == "agent" for g in _objects_of(c)]
                for holder in holders:
                    ref = _holder(reading, holder, country)
                    if ref is not None:
                        return ref
    return None


_HELD = frozenset({"hold", "control", "occupy"})
"""Lemmas of the participles that name who holds ground ("rebel-held", "areas controlled by")."""


def _holder(reading: Reading, word: Token, country: str | None) -> ActorRef | None:
    """The armed party a word names: an actor ("Houthi-held"), a state ("Russian-held": its
    forces), or a role noun ("rebel-held": the event state's unnamed armed group, which a
    description may name)."""
    named = actors(reading, [word], military=True)
    if named:
        return named[0]
    span = reading.token_span(word.i, word.i + 1)
    side = _polity_of(reading, word)
    if side in reading.registry.states:
        military = reading.registry.polities[side].roles.get("military")
        return ActorRef(military, span) if military is not None else None
    role = reading.registry.role_nouns.get(word.lower_) or reading.registry.role_nouns.get(
        f"{word.lower_}s"
    )
    if role is None or role.key != _ARMED_GROUPS:
        return None
    unnamed = reading.registry.generic(_ARMED_GROUPS, country)
    return ActorRef(unnamed, span) if unnamed is not None else None


def _doers(reading: Reading, word: Token, trigger: Token) -> list[Token]:
    """The words naming who did a deed, if `word` is what says so (see `_group_said_to_do_it`)."""
    lemma = word.lemma_.lower()
    head = word.head
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if lemma == "responsibility" and word.dep_ in ("dobj", "nsubjpass"):
        if head.lemma_.lower() not in _RESPONSIBILITY_VERBS:
            return []
        # "responsibility has been claimed by Jaish al-Adl"
        return subjects if word.dep_ == "dobj" else _agents(head)
    if lemma in ("responsible", "behind") and head.lemma_.lower() == "be":
        return subjects  # "X was responsible for the killings", "X was behind the attack"
    if (
        lemma == "work"
        and head.lemma_.lower() == "be"
        and not any(c.dep_ == "neg" for c in head.children)  # "was not the work of X but of Y"
        and any(_deed_word(reading, s) for s in subjects)
    ):
        return _after(word, "of")  # "the blast was the work of the group"
    if lemma == "claim" and word.pos_ == "VERB":
        deed = [c for c in word.children if c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass")]
        # "claimed the bombing hours later", which the parser may read as "the bombing hours"
        deed += [
            t
            for t in word.subtree
            if t.i > word.i and t.dep_ == "compound" and t.head.dep_ == "npadvmod"
        ]
        if word.dep_ == "acl":
            deed.append(word.head)  # "an attack claimed by al-Shabaab"
        if any(_deed_word(reading, c) or c.lemma_.lower() in _DEED_VERBS for c in deed):
            # "the bombing was claimed by IS"
            return [c for c in word.children if c.dep_ == "nsubj"] + _agents(word)
        return []
    if lemma in ("blame", "suspect", "attribute") and word.pos_ == "VERB":
        # "the attack was blamed on the ELN", "police blamed the ADF for the attack",
        # "suspected al-Shabaab of planting the device", "attributed the killing to MS-13"
        deeds = [c for c in word.children if c.dep_ == "nsubjpass"]
        if word.dep_ == "acl":
            deeds.append(word.head)  # "an attack on their post blamed on jihadists"
        if lemma == "attribute":
            deeds += [c for c in word.children if c.dep_ == "dobj"]
            blamed = _after(word, "to")
        else:
            deeds += _after(word, "for" if lemma == "blame" else "of")
            blamed = _after(word, "on") + [c for c in word.children if c.dep_ == "dobj"]
        if deeds:
            return blamed if any(_names_a_deed(reading, d) for d in deeds) else []
        # told with no deed of its own ("Authorities blamed the Islamic State Sahel Province",
        # "officials suspected Boko Haram"): the deed just told, unless its sentence tells
        # another, the blamed deny it, or they blame back ("the army blamed the RSF, while the
        # RSF blamed the army")
        another = word.sent != trigger.sent and _tells_a_deed(reading, word, blamed)
        if another or any(_denies(b) or _blames_back(b) for b in blamed):
            return []
        return blamed
    if lemma in _DEED_VERBS and word.pos_ == "VERB":
        if lemma == "carry" and not any(c.lower_ == "out" for c in word.children):
            return []
        objects = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
        if not any(_deed_word(reading, c) for c in objects):
            return []
        return _agents(word) + [c for c in word.children if c.dep_ == "nsubj"]
    return []


def _names_this_deed(reading: Reading, word: Token) -> bool:
    """Whether the words saying who did it name the deed just told, and only it: "it" or a
    definite deed noun with no place or time of its own ("claimed the attack", not "claimed the
    killing of 12 villagers in Lubero on Monday" or "claimed it killed seven soldiers")."""
    return any(
        (d.lower_ == "it" or (_definite(d) and _deed_word(reading, d)))
        and not any(c.dep_ == "prep" and c.lower_ in _PLACE_OR_TIME for c in d.subtree)
        for d in _claimed_deeds(word)
        if d.lemma_.lower() != "responsibility"
    )


def _voice_of(doer: Token) -> Token | None:
    """Who says a doer named by a pronoun or as the speaker's own did it: "AQAP later said it
    was behind the blast", "Jaish al-Adl said its fighters had carried out the raid", "a
    spokesman for the TPNPB told reporters the group had carried out the shooting"."""
    own = doer.lower_ in _SPEAKER_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in _SPEAKER_POSSESSIVES for c in doer.children
    )
    own = own or (doer.lemma_.lower() in ("group", "movement") and _definite(doer))
    if not own:
        return None
    node = doer
    for _ in range(syntax.MAX_CLIMB):
        if node.head is node:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in _SPEECH_VERBS:
            speakers = [c for c in node.head.children if c.dep_ == "nsubj"]
            if not speakers:
                return None
            # "a spokesman for the TPNPB": whom the spokesman speaks for
            owners = _after(speakers[0], "for") + _after(speakers[0], "of")
            return owners[0] if owners else speakers[0]
        node = node.head
    return None


def _names_a_deed(reading: Reading, word: Token) -> bool:
    """ "for the attack", "for it", "of planting the device", "of carrying out the attack": an
    event noun or pronoun, or a verb of doing or of violence (not "for the insecurity in the
    north")."""
    if word.pos_ in ("NOUN", "PROPN", "PRON"):
        return _deed_word(reading, word)
    return word.pos_ in syntax.VERBS and (
        word.lemma_.lower() in _DEED_VERBS or word.lemma_.lower() in reading.lexicon.triggers
    )


def _tells_a_deed(reading: Reading, word: Token, blamed: Sequence[Token]) -> bool:
    """Whether the sentence of a bare blame tells a deed of its own ("a separate attack killed
    five soldiers, and authorities blamed JNIM"), not one that only describes the blamed ("the
    ELN, which has been fighting FARC dissidents")."""
    described = {t.i for noun in blamed for t in noun.subtree}
    return any(
        token.i in reading.trigger_clauses
        # "No group claimed the blast, but officials blamed al-Shabaab": the deed told again
        and not (token.pos_ in syntax.NOUNS and _definite(token))
        for token in word.sent
        if token.i != word.i and token.i not in described
    )


def _denies(noun: Token) -> bool:
    """ "the YPG, which denied it": the blamed deny the deed."""
    return any(c.dep_ == "relcl" and c.lemma_.lower() in ("deny", "reject") for c in noun.children)


def _blames_back(noun: Token) -> bool:
    """Whether the blamed party is the subject of a blame of its own in the sentence."""
    return any(
        token.lemma_.lower() == "blame"
        and any(c.dep_ == "nsubj" and c.lower_ == noun.lower_ for c in token.children)
        for token in noun.sent
    )


def _agents(verb: Token) -> list[Token]:
    """The nouns of a passive verb's "by" phrase ("claimed by the ADF": the ADF)."""
    return [noun for child in verb.children if child.dep_ == "agent" for noun in child.children]


def _after(word: Token, preposition: str) -> list[Token]:
    """The objects of the word's preposition ("blamed on the ELN": the ELN)."""
    return [
        noun
        for child in word.children
        if child.dep_ == "prep" and child.lower_ == preposition
        for noun in _objects_of(child)
    ]


def _another_deed(reading: Reading, word: Token, trigger: Token) -> bool:
    """Whether the words saying who did it name a deed of their own as what was done or claimed
    ("carried out an attack on a checkpoint", "claimed responsibility for an attack on …"), not
    this one ("claimed an attack that killed five", which holds the trigger)."""
    for noun in _claimed_deeds(word):
        if noun.pos_ != "NOUN" or not _deed_word(reading, noun):
            continue
        indefinite = any(c.dep_ == "det" and c.lower_ in _OTHER_DEEDS for c in noun.children)
        if indefinite and not noun.left_edge.i <= trigger.i <= noun.right_edge.i:
            return True
    return False


def _claimed_deeds(word: Token) -> list[Token]:
    """What the words saying who did it name as done or claimed: the object, the "for" phrase,
    and what a claimed responsibility is for ("claimed responsibility for the attack")."""
    deeds = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")] + _after(word, "for")
    return deeds + [
        g for d in deeds if d.lemma_.lower() == "responsibility" for g in _after(d, "for")
    ]


def _deed_word(reading: Reading, word: Token) -> bool:
    """An event noun, or the pronoun that stands for one ("claimed it carried out")."""
    lemma = word.lemma_.lower()
    return (
        lemma in reading.lexicon.triggers
        or lemma in _DEED_NOUNS
        or (word.lower_ in ("it", "this", "that") and word.dep_ != "mark")
    )


def _forces_named(reading: Reading, trigger: Token) -> ActorRef | None:
    """The one state's forces the trigger's sentence names, unless as the ones who report."""

    def fights(word: Token, mention: ActorMention) -> bool:
        first = reading.doc.char_span(mention.span.start, mention.span.end, "expand")
        # "Turkish officials said": a government speaks, its forces may not fight; "Saudi-led"
        sponsor = first is not None and _sponsor(reading, first[0])
        return mention.actor.kind != "government" and not sponsor

    return _one_state_force(reading, trigger, fights)


def _forces_on_the_scene(reading: Reading, trigger: Token) -> ActorRef | None:
    """The one state's forces the sentence of an arrest with no agent has acting, in any of its
    clauses ("a journalist was detained during clashes that erupted after troops of another state
    stormed a sit-in"): they, not the place's police by default, made the arrest."""
    return _one_state_force(
        reading, trigger, lambda word, mention: mention.role == "group" and word.dep_ == "nsubj"
    )


def _one_state_force(
    reading: Reading, trigger: Token, keep: Callable[[Token, ActorMention], bool]
) -> ActorRef | None:
    """The one state's forces named in the trigger's sentence by a word `keep` accepts, not as
    the ones who report; None when none or several are."""
    found: dict[str, ActorRef] = {}
    for word in trigger.sent:
        mention = reading.actor_at.get(word.i)
        if mention is None or mention.actor.inter != _STATE_FORCES or _reports(reading, word):
            continue
        if keep(word, mention):
            found.setdefault(mention.actor.id, ActorRef(mention.actor, mention.span))
    return next(iter(found.values())) if len(found) == 1 else None


def _enforcer(reading: Reading, ref: ActorRef, trigger: Token) -> ActorRef:
    """ACLED: a government arrests and seizes weapons through its police, and shoots them down
    through its military ("Ukraine seized an arms cache": Police Forces of Ukraine)."""
    if ref.actor.kind != "government":
        return ref
    polity = reading.registry.polities.get(ref.actor.side)
    shot = _shoots_down(reading, trigger)
    force = polity.roles.get("military" if shot else "police") if polity is not None else None
    return ActorRef(force, ref.span) if force is not None else ref


def _arresting_police(reading: Reading, ref: ActorRef) -> ActorRef:
    """ "Security forces arrested 23 suspects": words that name no branch arrest as the state's
    police (ACLED), not its military."""
    polity = reading.registry.polities.get(ref.actor.side)
    if polity is None or ref.span is None or polity.roles.get("military") != ref.actor:
        return ref
    named = reading.doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
    head = named.root if named is not None and len(named) else None
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod")] if head else []
    words = {word.lower_ for word in modifiers}
    police = polity.roles.get("police")
    return ActorRef(police, ref.span) if police is not None and "security" in words else ref


def _shoots_down(reading: Reading, trigger: Token) -> bool:
    """Whether the trigger is air defence's: shooting down or destroying, or intercepting a
    missile, rocket or drone ("intercepted 12 guns" at a border is a seizure)."""
    lemma = trigger.lemma_.lower()
    if lemma not in _AIR_DEFENCE_VERBS:
        return False
    if lemma != _INTERCEPT:
        return True
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(
        reading.lexicon.weapons.get(word.lemma_.lower()) in _AERIAL
        for o in objects
        for word in o.subtree
    )


def _same_party(a: ActorRef, b: ActorRef) -> bool:
    """One actor, or one mention, or the one generic actor named for a country or not."""
    base = a.actor.id.split(".")[:2] == b.actor.id.split(".")[:2]
    return base or (a.span is not None and a.span == b.span)


def _in_country(
    reading: Reading, ref: ActorRef | None, country: str | None, *, placed: bool = False
) -> ActorRef | None:
    """A generic actor named for no country ("Protesters") named for the event's; for an event
    at a place, one named for another country too."""
    if ref is None or country is None:
        return ref
    registry = reading.registry
    people = registry.people_of(ref.actor)
    if people is not None:
        # "Fulani militiamen": the people's militia of the country it fights in
        unstated = registry.militia_of(people, None)
        militia = registry.militia_of(people, country)
        named_for_none = unstated is not None and ref.actor.id == unstated.id
        return ActorRef(militia, ref.span) if militia and (placed or named_for_none) else ref
    key = registry.generic_key_of_any(ref.actor) if placed else registry.generic_key(ref.actor)
    actor = registry.generic(key, country) if key is not None else None
    return ActorRef(actor, ref.span) if actor is not None else ref


def _branch(reading: Reading, ref: ActorRef | None, country: str | None) -> ActorRef | None:
    """The Islamic State or al-Qaeda named in a state where one branch fights is that branch
    ("IS militants" in Borno: ISWAP)."""
    if ref is None or country is None:
        return ref
    branch = reading.registry.affiliates.get((ref.actor.id, country))
    return ActorRef(branch, ref.span) if branch is not None else ref


def _described(reading: Reading, ref: ActorRef | None, country: str | None) -> ActorRef | None:
    """Unnamed armed men a description ties to the one movement fighting under it in the
    event's state ("suspected separatists" in Cameroon, "communist rebels" in the Philippines)."""
    if ref is None or ref.actor.side != UNNAMED_SIDE:
        return ref
    country = country or reading.registry.generic_state(ref.actor)
    head = mention_root(reading, ref)
    if country is None or head is None:
        return ref
    keys = [head.lower_]
    if head.i > 0:
        keys.insert(0, f"{reading.doc[head.i - 1].lower_} {head.lower_}")  # "communist rebels"
    qualified = [
        c
        for c in head.children
        if c.dep_ in ("amod", "compound", "acl", "prep") and c.lower_ not in _NEUTRAL_QUALIFIERS
    ]
    if qualified:
        # "southern separatist rebels", "rebels loyal to Saleh": another description
        keys = keys[:1] if qualified[0].i == head.i - 1 and len(qualified) == 1 else []
    for key in keys:
        group = reading.registry.described_groups.get((key, country))
        if group is not None:
            return ActorRef(group, ref.span)
    return ref


_NEUTRAL_QUALIFIERS = frozenset({"armed", "suspected", "alleged", "unidentified", "unknown", "in"})
"""Words before or after an unnamed group's noun that describe no other movement ("armed
separatists", "suspected rebels", "rebels in Marib")."""


def _sentence_party(
    reading: Reading, candidate: Candidate, event_type: str, country: str | None
) -> ActorRef | None:
    """The first party the trigger's sentence names that can carry the event out, or a state
    force named there without its state ("police said", "soldiers seized"); a party named as
    the one the event happened to becomes actor2 if it has none."""
    violent = event_type in _UNNAMED_PERPETRATOR
    token = candidate.trigger
    speaker: str | None = None
    for ref in sentence_actors(reading, token, military=violent, people=False):
        if _speaks(reading, ref):
            if speaker is None and ref.actor.side in reading.registry.states:
                speaker = ref.actor.side
            continue  # "…, the health ministry said": who reports the event did not do it
        if _office_holders(reading, ref):
            continue  # "the Taliban's director of health": whose official, not who did it
        if ref.actor.inter in _NOT_PERPETRATORS:
            continue
        if candidate.actor2 is not None and _same_party(ref, candidate.actor2):
            continue
        if (
            _acted_on(reading, ref)
            or _in_patient_phrase(reading, ref, token)
            or (violent and _what_was_hit(reading, ref))
        ):
            candidate.actor2 = candidate.actor2 or ref  # the party the event happened to
            continue
        if _acts_elsewhere(reading, ref, token):
            continue  # "bombings killed 18 as Iraqi forces battle IS in Mosul"
        if _target_of_another(reading, ref, token):
            continue  # "a bomber planning to attack a meeting of NATO officials blew himself up"
        return ref
    subject = {
        word.i
        for child in token.children
        if child.dep_ in ("nsubj", "agent")
        for word in child.subtree
    }
    for word in token.sent:
        # "an Israeli air strike", "an Israeli drone strike hit a car", "a missile fired from
        # an American drone killed …": the state's word on the trigger, or on the weapon that
        # is its subject or in its subject's phrase
        modifies = word.head == token or (
            word.dep_ in ("amod", "compound")
            and word.head.i in subject
            and (
                weapons.weapon_of(reading, word.head) is not None
                or any(  # "killed by a Nigerian military drone strike"
                    child.dep_ in ("compound", "amod")
                    and weapons.weapon_of(reading, child) is not None
                    for child in word.head.children
                )
                or (
                    word.head.dep_ == "nsubj"
                    and word.head.head == token
                    and any(weapons.weapon_of(reading, w) is not None for w in word.head.subtree)
                )
            )
        )
        polity_key = _polity_of(reading, word) if modifies else None
        if modifies and word.lower_ in _GOVERNMENT_NOUNS and word.dep_ in ("amod", "compound"):
            polity_key = country  # "government warplanes bombed a market": the state's forces
        if polity_key in reading.registry.states and word.i not in reading.actor_at:
            military = reading.registry.polities[polity_key].roles.get("military")
            if military is not None:  # "an Israeli air strike": the state's forces struck
                return ActorRef(military, reading.token_span(word.i, word.i + 1))
    # "the army said two soldiers were killed": a state's spokesman speaks of its own forces
    force = _state_force(reading, token, speaker or country, battle=event_type == "Battles")
    if force is not None and (
        (not speaker and _suffered(reading, force)) or _in_patient_phrase(reading, force, token)
    ):
        # "seven soldiers were killed after their patrol was ambushed", "an attack on an army
        # post, the defence ministry said": the state's forces are whom it happened to, whoever
        # tells it; an attacker the report does not name is actor1
        candidate.actor2 = candidate.actor2 or force
        return None
    if force is not None or candidate.sub_type == _AGREEMENT:
        return force  # fighters who surrender agree with the state that takes them in
    return _unnamed_fighters(reading, token, country)


def _unnamed_fighters(reading: Reading, token: Token, country: str | None) -> ActorRef | None:
    """ "the fighters entered Afrin": fighters no word ties to a party who carry the trigger out
    are ACLED's Unidentified Armed Group of the event's country, unless "the fighters" repeat
    the noun a group was named with just before ("Hezbollah fighters pushed into X. … the
    fighters recaptured Y")."""
    unnamed = reading.registry.generic(_ARMED_GROUPS, country)
    for word in token.sent:
        if word.lower_ not in _ANY_ALLEGIANCE or word.i in reading.actor_at or unnamed is None:
            continue
        if _carries_out(reading, word, token):
            named = _named_before(reading, word) if _definite(word) else None
            return named or ActorRef(unnamed, reading.token_span(word.i, word.i + 1))
    return None


def _mention_lemmas(reading: Reading, mention: ActorMention) -> set[str]:
    words = reading.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return {t.lemma_.lower() for t in words} if words is not None else set()


def _definite(word: Token) -> bool:
    """ "the fighters", "these strikes": a noun with a definite determiner."""
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in word.children)


def _named_before(reading: Reading, word: Token) -> ActorRef | None:
    """The non-state armed group last named with the word's noun ("Hezbollah fighters") in its
    sentence or the `_ANAPHOR_SENTENCES` before it, unless another named group comes between.
    The actor reader resolves such nouns when they are mentions (`language.actors`); "fighters"
    of any allegiance are no mention there, so the event layer reads them here."""
    floor = reading.sentence_starts[max(0, reading.sentence(word.i) - _ANAPHOR_SENTENCES)]
    noun = word.lemma_.lower()
    passed: set[str] = set()
    for i in range(word.i - 1, floor - 1, -1):
        mention = reading.actor_at.get(i)
        if mention is None or mention.actor.inter not in NON_STATE_ARMED:
            continue
        if mention.actor.side == UNNAMED_SIDE:
            continue  # "gunmen", "the terrorists": no name to carry over
        if noun in _mention_lemmas(reading, mention):
            if passed - {mention.actor.id}:
                return None  # another group was named since
            return ActorRef(mention.actor, reading.token_span(word.i, word.i + 1))
        passed.add(mention.actor.id)
    return None


def _suffered(reading: Reading, ref: ActorRef) -> bool:
    """Whether a state force named without its state is the passive subject of its verb
    ("soldiers were killed", "troops were ambushed")."""
    root = mention_root(reading, ref)
    return root is not None and root.dep_ == "nsubjpass"


def _acted_on(reading: Reading, ref: ActorRef) -> bool:
    """Whether the mention is what a verb frees or drives something from ("freed the villages
    from IS militants"), the subject that comes under attack ("police came under a grenade
    attack") or whose lives an event took: the party the event happens to, not the one that
    acts."""
    root = mention_root(reading, ref)
    if root is None:
        return False
    head = root.head
    freed_from = root.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ in syntax.VERBS
    comes_under = (
        root.dep_ == "nsubj"
        and head.lemma_.lower() == "come"
        and any(c.dep_ == "prep" and c.lower_ == "under" for c in head.children)
    )
    # "four Iraqi soldiers were killed after IS militants opened fire": the passive subject
    # of an event word is what it happened to
    suffered = root.dep_ == "nsubjpass" and head.i in reading.trigger_clauses
    suffered = suffered or _dateline_passive_subject(reading, root)
    # "an airstrike hit a camp, killing 12 militants": whom a strike killed did not strike
    killed = root.dep_ == "dobj" and _frame_of(reading, head) == "casualty"
    # "Benin's military has suffered casualties in a deadly attack": who suffered it
    suffered = suffered or (root.dep_ == "nsubj" and head.lemma_.lower() in _SUFFERING_VERBS)
    # "a landmine claimed the lives of four soldiers": whose lives were lost
    lives = root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "life"
    return freed_from or comes_under or suffered or killed or lives


def _dateline_passive_subject(reading: Reading, root: Token) -> bool:
    """ "MOPTI, Mali (Reuters) - A dozen Malian soldiers were killed …": the parser may hang the
    lead's subject on the dateline; it is the subject of the passive event verb that follows
    without one."""
    if root.dep_ != "appos" or root.head.i not in reading.dateline:
        return False
    verb = next((t for t in root.doc[root.i + 1 : root.sent.end] if t.pos_ == "VERB"), None)
    return (
        verb is not None
        and verb.i in reading.trigger_clauses
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(
            c.dep_ in syntax.SUBJECTS and c.i not in reading.dateline for c in verb.children
        )
    )


def _frame_of(reading: Reading, word: Token) -> str | None:
    """The frame of the trigger a word is, if it is one."""
    if word.i not in reading.trigger_clauses:
        return None
    entry = triggers.entry_of(reading, word)
    return entry.frame if entry is not None else None


def _in_patient_phrase(reading: Reading, ref: ActorRef, trigger: Token) -> bool:
    """Whether the mention is inside the trigger's object or its "on"/"against" phrase
    ("attacked positions of AMISOM and Ethiopian troops"): part of what was hit."""
    root = mention_root(reading, ref)
    if root is None or _repelled_doer(reading, root, trigger):
        return False
    return any(
        child.left_edge.i <= root.i <= child.right_edge.i
        for child in trigger.children
        if child.dep_ in ("dobj", "nsubjpass")
        or (child.dep_ == "prep" and child.lower_ in ("on", "against"))
    )


def _what_was_hit(reading: Reading, ref: ActorRef) -> bool:
    """Whether the mention only says whose thing was where the violence struck: its owner
    ("a roadside bomb ripped through a Somali army vehicle", "a rocket hit near an Israeli
    post") or what a thing there carried ("a bomb attached to a vehicle carrying Taliban
    police"), not who struck."""
    root = mention_root(reading, ref)
    if root is None:
        return False
    node = root
    for _ in range(3):
        if node.dep_ not in ("compound", "poss", "amod", "nmod") or node.head is node:
            break
        node = node.head
    if node is not root and node.dep_ == "pobj" and node.head.lower_ in _HIT_PREPOSITIONS:
        return True
    # "a vehicle carrying Taliban police": what the vehicle hit carried (not "trucks carrying
    # JNIM fighters stormed the town", "clashes involving Fano militiamen")
    carrier = root.head
    return (
        root.dep_ == "dobj"
        and carrier.dep_ == "acl"
        and carrier.tag_ in ("VBG", "VBN")
        and carrier.lemma_.lower() in _CARRYING_VERBS
        and carrier.head.dep_ in ("pobj", "dobj")
    )


def _target_of_another(reading: Reading, ref: ActorRef, trigger: Token) -> bool:
    """Whether the mention is in the object of another trigger of the sentence ("planning to
    attack a meeting of NATO"): what another deed aims at, not who did this one."""
    node = mention_root(reading, ref)
    for _ in range(syntax.MAX_CLIMB):
        if node is None or node.head is node or node.i == trigger.i:
            return False  # inside the trigger's own phrase: "repelled an attack by X"
        if node.dep_ in ("relcl", "acl", "advcl"):
            return False  # another clause's words
        head = node.head
        if node.dep_ == "dobj" and head.i != trigger.i and head.i in reading.trigger_clauses:
            return True
        node = head
    return False


def _repelled_doer(reading: Reading, word: Token, trigger: Token) -> bool:
    """Whether a noun is the doer of the attack a defence verb's object names ("repelled an army
    attack", "repelled an attack by the army"): the attacker, not what was hit."""
    if trigger.lemma_.lower() not in reading.lexicon.defence_verbs:
        return False
    deed = word.head.head if word.dep_ == "pobj" and word.head.lower_ == "by" else word.head
    doer = word.dep_ in ("compound", "amod", "poss") or word.head.lower_ == "by"
    return doer and deed.dep_ == "dobj" and deed.head.i == trigger.i


def _acts_elsewhere(reading: Reading, ref: ActorRef, trigger: Token) -> bool:
    """Whether the mention is a party of a subordinate clause the trigger is not in ("as Iraqi
    forces battle IS", "while police searched …") or holds the place it happened in ("a city
    held by pro-Turkish forces"): it acts there, not in the event."""
    root = mention_root(reading, ref)
    holding = reading.lexicon.holding_verbs
    return root is not None and syntax.in_clause_apart(
        root,
        trigger,
        lambda verb: (
            (verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children))
            or (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in holding)
        ),
    )


def mention_root(reading: Reading, ref: ActorRef) -> Token | None:
    """The highest word of a party's mention in the parse."""
    if ref.span is None:
        return None
    tokens = list(reading.doc.char_span(ref.span.start, ref.span.end) or ())
    return min(tokens, key=lambda t: len(list(t.ancestors))) if tokens else None


def _named_government(reading: Reading, token: Token) -> ActorRef | None:
    """The government of the first state the trigger's sentence names ("Armenia and Azerbaijan
    agreed", "talks with his Chilean counterpart")."""
    for word in token.sent:
        polity_key = _polity_of(reading, word)
        # not "a US-brokered truce"
        if polity_key in reading.registry.states and not _sponsor(reading, word):
            government = reading.registry.polities[polity_key].roles.get("government")
            if government is not None:
                return ActorRef(government, reading.token_span(word.i, word.i + 1))
    return None


def _government_party(reading: Reading, candidate: Candidate, country: str | None) -> None:
    """An agreement's state party: with no party found, the government of a state its sentence
    names; else a government it names without its state ("talks between the government and
    the rebels"), the event country's: actor1 when it is the subject ("the government reached
    a peace deal with the rebels"), else the other party of the one found."""
    held = candidate.actor1
    if held is not None and (held.actor.inter == _STATE_FORCES or candidate.actor2 is not None):
        return
    if held is None:
        candidate.actor1 = _named_government(reading, candidate.trigger)
        if candidate.actor1 is not None:
            return
    if not _government_country(reading, candidate, country):
        return
    found = _the_government(reading, candidate.trigger, country)
    if found is None:
        return
    government, word = found
    if held is None or word.dep_ in ("nsubj", "nsubjpass"):
        candidate.actor1, candidate.actor2 = government, held
    else:
        candidate.actor2 = government


def _government_country(reading: Reading, candidate: Candidate, country: str | None) -> bool:
    """Whether "the government" of an agreement is the event country's: the other party is an
    unnamed group of that country ("rebels" there), or the article names the country beyond
    the event's place; talks are often held in a third country ("signed in Doha")."""
    if country is None:
        return False
    held = candidate.actor1
    if (
        held is not None
        and held.actor.side == UNNAMED_SIDE
        and held.actor.id.endswith(f".{country}")
    ):
        return True  # "Sudanese rebels": the text itself puts them in the country
    venue = candidate.place.mention.span if candidate.place is not None else None
    for mention in reading.result.places:
        place = mention.place
        if place is None or mention.span == venue or mention.role not in ("location", "demonym"):
            continue
        if reading.registry.state_of(place.country) == country:
            return True
    return False


def _the_government(
    reading: Reading, token: Token, country: str | None
) -> tuple[ActorRef, Token] | None:
    """ "a truce the government signed with the rebels": a government the trigger's sentence
    names without its state is the event country's."""
    if country is None:
        return None
    for word in token.sent:
        if word.lower_ not in _GOVERNMENT_NOUNS or word.i in reading.actor_at:
            continue
        if any(c.dep_ in ("poss", "amod", "compound") for c in word.children):
            continue  # "the rebels' government", "a new government": not the state's own
        government = reading.registry.polities[country].roles.get("government")
        if government is not None:
            return ActorRef(government, reading.token_span(word.i, word.i + 1)), word
    return None


def _sponsor(reading: Reading, word: Token) -> bool:
    """Whether a state's name leads a hyphenated compound ("US-led", "Turkey-backed",
    "US-brokered"): it names who sponsors, not where or who acts."""
    return word.i + 1 < len(reading.doc) and reading.doc[word.i + 1].text in ("-", "–")


def _state_force(
    reading: Reading,
    token: Token,
    country: str | None,
    *,
    battle: bool = False,
    crowd: bool = False,
) -> ActorRef | None:
    """The state's police or military that a role noun of the trigger's sentence names without
    naming the state ("police fired tear gas", "a military air strike"); in a battle, also the
    forces it happens to ("two soldiers were killed in the fighting"); for a `crowd` trigger,
    the force that acts on the crowd ("police dispersed the protesters")."""
    if country is None:
        return None
    polity = reading.registry.polities[country]
    hit = {patient.i for patient in arguments(reading, token)[1]} if battle else set()
    for word in token.sent:
        role = _role_noun(reading, word)
        if role is None or role.key not in _STATE_ROLES or word.i in reading.actor_at:
            continue  # "Ethiopian troops": a mention names its own state
        if word.lower_ in _ANY_ALLEGIANCE:
            continue  # "the fighters entered X": not the state's, by that word alone
        # in a battle the forces it happens to fight in it, not a "military" thing's owner;
        # what the attack hit may be theirs ("ambushed a police convoy")
        happens_to = battle and (word.dep_ not in ("amod", "compound") or word.head.i in hit)
        carries_out = _carries_out(reading, word, token, crowd=crowd)
        if _reports(reading, word) or not (happens_to or carries_out):
            continue  # "police say", "four police officers were killed": not who did it
        if any(c.dep_ == "amod" and c.lower_ in _SPONSORED for c in word.children):
            continue  # "Turkey-backed fighters": a state's proxies, not its forces
        if any(
            c.dep_ == "compound"
            and c.pos_ == "PROPN"
            and f"{c.lower_} {word.lower_}" not in reading.registry.role_nouns  # "Riot police"
            for c in word.children
        ):
            continue  # "al-Shaba fighters": a group's name the registry lacks, not the state's
        actor = polity.roles.get(role.key)
        if actor is not None:
            return ActorRef(actor, reading.token_span(word.i, word.i + 1))
    return None


def unnamed_state_agent(reading: Reading, trigger: Token) -> bool:
    """Whether the trigger's agent is a state force named without its state ("the military
    killed 20 insurgents", "two gunmen were shot by troops"): `complete` makes it the state's of
    the event's country."""
    for child in arguments(reading, trigger)[0]:
        if child.i in reading.actor_at:
            continue
        role = _role_noun(reading, child)
        if role is not None and role.key in _STATE_ROLES and child.lower_ not in _ANY_ALLEGIANCE:
            return True
    return False


def _role_noun(reading: Reading, word: Token) -> RoleNoun | None:
    """The role a noun names, read with its compound modifiers first ("law enforcement
    officials", "police officers")."""
    role_nouns = reading.registry.role_nouns
    doc = word.doc
    for width in (2, 1):
        start = word.i - width
        if start < 0 or any(doc[k].dep_ != "compound" for k in range(start, word.i)):
            continue
        role = role_nouns.get(" ".join(doc[k].lower_ for k in range(start, word.i + 1)))
        if role is not None:
            return role
    return role_nouns.get(word.lower_)


def _carries_out(reading: Reading, word: Token, trigger: Token, *, crowd: bool = False) -> bool:
    """Whether a noun is who carries the trigger out: its modifier ("a military air strike"), an
    agent `arguments` finds, or the subject or "by" agent of the trigger or of the verb that
    governs it, when that verb is no reporting verb ("police fired tear gas"); for a `crowd`
    trigger ("protesters"), also the subject of the verb that acts on the crowd ("police opened
    fire on protesters")."""
    if word.head == trigger and word.dep_ in ("amod", "compound", "nsubj", "csubj"):
        return True
    if any(agent.i == word.i for agent in arguments(reading, trigger)[0]):
        return True  # "accused the army of killing 20 civilians in an air strike"
    while word.dep_ == "compound" and word.head is not word:
        word = word.head  # "a police detective hurled": the phrase the noun belongs to
    head = word.head.head if word.dep_ == "pobj" and word.head.lower_ == "by" else word.head
    acting = word.dep_ in ("nsubj", "csubj") or word.head.lower_ == "by"
    # the trigger, the verb that governs it, or a verb it is coordinated with ("raped and
    # assaulted by police")
    governs = (
        head in (trigger, trigger.head, _purpose_of(trigger))
        or (crowd and head == _acted_on_by(trigger))
        or (head.dep_ == "conj" and head.head == trigger)
        # "were killed when government forces [used chlorine gas]": who wielded the weapon
        or (
            head.dep_ == "advcl"
            and head.head == trigger
            and weapons.in_argument(reading, head, _OBJECT_DEP)
        )
    )
    return acting and governs and head.lemma_.lower() not in reading.registry.reporting_verbs


def _acted_on_by(trigger: Token) -> Token | None:
    """The verb whose object a trigger noun is ("police opened fire on [protesters]", "troops
    dispersed the [rally]"). Only for a crowd: "troops repelled an [attack]" is not theirs."""
    if trigger.pos_ not in syntax.NOUNS:
        return None
    word = trigger
    for _ in range(3):
        if word.dep_ not in ("dobj", "pobj", "prep") or word.head is word:
            return None
        word = word.head
        if word.pos_ == "VERB":
            return word
    return None


def _purpose_of(trigger: Token) -> Token | None:
    """The verb a trigger is the purpose of ("launched an offensive to free X": "launched"),
    whose subject carries the trigger out."""
    purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if not purpose or trigger.dep_ not in ("xcomp", "acl", "advcl", "relcl"):
        return None
    head = trigger.head
    return head.head if head.dep_ == "dobj" else head


def _reports(reading: Reading, word: Token) -> bool:
    """Whether the word is the subject of a reporting verb ("police say")."""
    return word.dep_ == "nsubj" and word.head.lemma_.lower() in reading.registry.reporting_verbs


def _speaking_state(reading: Reading, trigger: Token) -> str | None:
    """The state whose government or forces report the trigger's sentence ("the French
    government said …")."""
    for ref in sentence_actors(reading, trigger, military=False, people=False):
        if ref.actor.side in reading.registry.states and _speaks(reading, ref):
            return ref.actor.side
    return None


def _speaks(reading: Reading, ref: ActorRef) -> bool:
    """Whether the mention is the subject of a reporting verb, or of the subject's phrase
    ("officials said", "the Taliban's director of health told CBS")."""
    if ref.span is None:
        return False
    tokens = [t for t in reading.doc.char_span(ref.span.start, ref.span.end) or ()]
    if not tokens:
        return False
    root = min(tokens, key=lambda t: len(list(t.ancestors)))
    for _ in range(syntax.MAX_CLIMB):
        if root.dep_ in ("poss", "compound") and root.head is not root:
            root = root.head
        elif (
            root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in syntax.NOUNS
        ):
            root = root.head.head  # "the head of the Taliban's health office"
        else:
            break
    return root.dep_ in ("nsubj", "pobj") and (
        root.head.lemma_.lower() in reading.registry.reporting_verbs
        or (root.head.lower_ == "to" and root.head.head.lower_ == "according")
    )


def _protested_at(ref: ActorRef) -> bool:
    """Whether a crowd's party is a government ("protest against President X"): what the crowd
    rose against, which a force the report names replaces as actor2."""
    return ref.actor.kind == "government"


def _event_state(reading: Reading, candidate: Candidate) -> str | None:
    """The state (side) of the event's place, else the one state the places and state names of
    its sentence point to (not one that names whose strike it was: "a US drone strike … in
    Yemen"), else the state the article's places point to most, else the state whose police are a party ("militants
    attacked a CRPF camp": India), else the one state whose administrative units the article
    names ("upazila": Bangladesh), else the one state its demonyms name."""
    registry = reading.registry
    if candidate.place is not None and candidate.place.mention.place is not None:
        state = registry.state_of(candidate.place.mention.place.country)
        if state is not None:
            return state
    sentence = candidate.trigger.sent
    start, end = sentence.start_char, sentence.end_char
    here: list[str] = []
    everywhere: list[str] = []
    situated: list[str] = []
    for mention in reading.result.places:
        place = mention.place
        state = registry.state_of(place.country) if place is not None else None
        if state is not None and mention.role in _SITUATING_ROLES:
            situated.append(state)  # "HONG KONG (Reuters) -", "the Badin Press Club"
        if state is None or mention.role != "location":
            continue  # "Israeli", "Moscow said": a demonym or a metonym is not where it happened
        last = reading.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if last is not None and len(last) and _sponsor(reading, last[-1]):
            continue  # "Turkey-backed fighters": the sponsor, not where they fight
        if last is not None and len(last) and _across_border(last[-1]):
            continue  # "near the border with Niger": the country beyond it
        if last is not None and len(last) and _whose_deed(last[-1], candidate.trigger):
            continue  # "a US drone strike … in Yemen": whose strike, not where it hit
        everywhere.append(state)
        if start <= mention.span.start < end:
            here.append(state)
    if len(set(here)) == 1:
        return here[0]
    if not everywhere:
        # a place inside an institution's name ("MSF-Belgium") says where the report is only
        # with the datelines, below
        named_in = [m.span for m in reading.result.places if m.role == "modifier"]
        for word in reading.doc:
            if any(span.start <= word.idx < span.end for span in named_in):
                continue
            polity = _polity_of(reading, word)
            # not "a US-led coalition": its sponsor fights elsewhere
            sponsor = _sponsor(reading, word) or _across_border(word)
            if polity in registry.states and word.i not in reading.actor_at and not sponsor:
                everywhere.append(polity)
    if not everywhere:
        # the dateline only now: a report filed in Dubai or Nairobi often covers a neighbour
        # ("DUBAI (AP) — Iranian security forces fired on protesters"); "in Dimla upazila": a
        # unit only one state has
        return (
            _forces_state(reading, candidate)
            or (max(situated, key=situated.count) if situated else None)
            or reading.unit_state
            or _demonyms_state(reading, candidate)
        )
    # the state named most; of several named as often, the first (a report's lead sets its scene)
    return max(everywhere, key=lambda state: (everywhere.count(state), -everywhere.index(state)))


_LANGUAGE_SUFFIXES = ("-speaking", "-language", "–speaking")


def _demonyms_state(reading: Reading, candidate: Candidate) -> str | None:
    """The one state the article's demonyms name, if only one ("Congolese officials say
    government troops recaptured a town"): where nothing else situates the event. A demonym
    that names a party of the event ("Russian forces shelled a village") says whose forces they
    are, not where they fought."""
    own = [ref.span for ref in (candidate.actor1, candidate.actor2) if ref and ref.span]
    text = reading.result.article.text
    states = {
        state
        for mention in reading.result.places
        if mention.role == "demonym"
        and mention.place is not None
        and not any(s.start <= mention.span.start < s.end for s in own)
        # "an English-speaking region" names a language, not a people
        and not text.startswith(_LANGUAGE_SUFFIXES, mention.span.end)
        and (state := reading.registry.state_of(mention.place.country)) is not None
    }
    return states.pop() if len(states) == 1 else None


def _whose_deed(word: Token, trigger: Token) -> bool:
    """Whether a state's name modifies the event's noun, or the noun that is its verb's subject
    ("a US drone strike killed two men"): it says whose the deed was, not where it happened."""
    if word.dep_ not in ("compound", "poss"):
        return False
    head = word.head
    while head.dep_ == "compound" and head.head is not head:
        head = head.head  # "US drone strike": through the noun's own modifiers
    if head.pos_ != "NOUN":
        return False
    return head.i == trigger.i or (head.dep_ == "nsubj" and head.head.i == trigger.i)


def _forces_state(reading: Reading, candidate: Candidate) -> str | None:
    """The state whose police the event names as a party, when no place situates it: police
    act, and are attacked, at home; so does a military that meets a crowd or arrests (a military
    also fights abroad)."""
    sub = taxonomy.sub_event_type(candidate.sub_type)
    at_home = (
        ("police", "military") if sub.event_type in _CROWDS or sub.name == _ARRESTS else ("police",)
    )
    for ref in (candidate.actor2, candidate.actor1):
        polity = reading.registry.polities.get(ref.actor.side) if ref is not None else None
        if ref is None or polity is None:
            continue
        if any(polity.roles.get(role) == ref.actor for role in at_home):
            return ref.actor.side if ref.actor.side in reading.registry.states else None
    return None


def _across_border(word: Token) -> bool:
    """Whether a place is named as the country across a border ("near the border with Niger",
    "the frontier with Sudan") or where people fled ("fled to Uganda"): the event is on this
    side of it."""
    for _ in range(syntax.MAX_CLIMB):
        if word.dep_ != "conj" or word.head is word:
            break
        word = word.head
    preposition = word.head
    if word.dep_ != "pobj":
        return False
    if preposition.lower_ in ("to", "into") and preposition.head.lemma_.lower() in _FLED_VERBS:
        return True  # "thousands fled across the border to Uganda": where they went
    return preposition.lower_ == "with" and preposition.head.lemma_.lower() in _BORDER_NOUNS
