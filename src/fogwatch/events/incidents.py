"""One event per incident and place: the candidates of one article, merged and split.

Candidates of one sentence, family, place and modality are one event, coded with the sub-event
type ranked highest (ACLED's atomic coding); killed counts join the sentence's nearest violent
event, or the previous sentence's when this one only tells its toll. An event whose place is one
of a list ("in Severodonetsk, Lysychansk, and Popasna") is one event per place of the list, as
ACLED codes one event per location. Across the article, what is told again is one event: the
same sub-type (or fighting for a place and taking it: one battle), place and modality where one
telling has no day of its own or both name one day; in one sentence a placeless candidate joins
the placed one of its family. (Merging the events of many articles into ACLED atomic events is
`events.merge`.)
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from fogwatch.events import modality, syntax, taxonomy, weapons
from fogwatch.events.candidate import (
    ARMED_CLASH,
    ATTACK,
    CIVILIANS_INTER,
    NON_STATE_ARMED,
    PEOPLE_INTERS,
    UNNAMED_SIDE,
    ActorRef,
    Candidate,
    PlaceRef,
)
from fogwatch.events.lexicon import VIOLENT_FRAMES
from fogwatch.events.merge import family_of

_VIOLENT_DEMONSTRATION = "Violent demonstration"
_LOOTING = "Looting/property destruction"
_EXCESSIVE_FORCE = "Excessive force against protesters"
# The events a sentence may tell force used on protesters as ("killed five", "opened fire").
_FORCE_TOLD_AS = frozenset({"Attack", "Armed clash"})

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading
    from fogwatch.records import PlaceMention


def merge(reading: Reading, candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per sentence, family, place and modality, in the order of their triggers
    (in a sentence, those told only as the time or setting of another last); killed counts join
    their event."""
    by_sentence: dict[int, list[Candidate]] = {}
    casualties: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        bucket = casualties if candidate.frame == "casualty" else by_sentence
        bucket.setdefault(candidate.sentence, []).append(candidate)
    grouped: dict[int, list[Candidate]] = {}
    for sentence in sorted(set(by_sentence) | set(casualties)):
        found = by_sentence.get(sentence, [])
        held = {c.modality for c in found if c.frame in ("protest", "riot")}
        if held:
            # ACLED: arrests at a protest are its intervention, not events of their own; those
            # ahead of a protest only planned are arrests ("detained activists ahead of a
            # planned march")
            arrested = any(c.frame == "arrest" and c.modality in held for c in found)
            found = [c for c in found if c.frame != "arrest" or c.modality not in held]
            for candidate in found:
                if arrested and candidate.sub_type == "Peaceful protest":
                    candidate.sub_type = "Protest with intervention"
        merged = _merge_same(reading, found)
        violent = [c for c in merged if c.frame in VIOLENT_FRAMES or c.frame == "protest"]
        earlier: Candidate | None = None
        for casualty in casualties.get(sentence, []):
            # "soldiers shot dead two men in a suburb where protesters clashed with police
            # earlier": a toll with a deed of its own is not that of a crowd told aside
            hosts = [
                c
                for c in violent
                if not (
                    casualty.sub_type
                    and c.frame in ("protest", "riot")
                    and _told_aside(reading, c.trigger)
                )
            ]
            target = _nearest(hosts, casualty)
            if target is None and casualty.sub_type:
                merged.append(casualty)
                violent.append(casualty)
                continue
            if target is None:
                target = earlier = _earlier_event(reading, grouped, casualty)
            if target is not None:
                _absorb(target, casualty)
                _fought(reading, target, casualty)
        merged = _merge_same(reading, merged)
        merged = _damage_of_violence(merged)
        merged = _force_on_crowd(merged)
        _count_killed(reading, sentence, merged, earlier)
        # the event a sentence reports comes before those that only give its time or setting
        # ("a day after police arrested protesters, … were abducted"); otherwise trigger order
        merged.sort(key=lambda c: modality.told_as_background(reading, c.trigger))
        grouped[sentence] = merged
    ordered = [c for sentence in sorted(grouped) for c in grouped[sentence]]
    _crowd_clashes(reading, ordered)
    places = sorted((m for m, _ in reading.places), key=lambda m: m.span.start)
    told = _retold_once(
        reading, [split for c in ordered for split in _per_place(reading, places, c)]
    )
    _carry_sides(reading, told)
    return told


def _crowd_clashes(reading: Reading, candidates: list[Candidate]) -> None:
    """ "17 people were killed in clashes near the airport. The protesters … clashed with law
    enforcement officials": clashes that name no side, told in the sentence before a crowd's
    violent demonstration of their paragraph, at its place or none, are that demonstration."""
    for n, clash in enumerate(candidates):
        if clash.sub_type != ARMED_CLASH or clash.actor1 is not None or clash.actor2 is not None:
            continue
        paragraph = reading.paragraph(clash.trigger.i)
        for later in candidates[n + 1 :]:
            if later.sentence > clash.sentence + 1:
                break
            same_place = None in (_place_key(clash), _place_key(later)) or (
                _place_key(clash) == _place_key(later)
            )
            if (
                later.sentence == clash.sentence + 1
                and later.sub_type == _VIOLENT_DEMONSTRATION
                and later.modality == clash.modality
                and reading.paragraph(later.trigger.i) == paragraph
                and same_place
            ):
                clash.sub_type, clash.frame = _VIOLENT_DEMONSTRATION, "riot"
                clash.turned_violent = True
                break


def _damage_of_violence(candidates: list[Candidate]) -> list[Candidate]:
    """ "Five people were killed and houses torched after militants struck two villages": the
    damage a sentence tells with its violence is part of it (ACLED codes looting or destruction
    as an event of its own only where it is all that happened)."""
    violent = [
        c for c in candidates if c.frame in VIOLENT_FRAMES and c.frame != "casualty" and c.sub_type
    ]
    kept = []
    for candidate in candidates:
        host = next(
            (v for v in violent if v.modality == candidate.modality),
            None,
        )
        if candidate.sub_type == _LOOTING and host is not None:
            _absorb(host, candidate)
            continue
        kept.append(candidate)
    return kept


def _force_on_crowd(candidates: list[Candidate]) -> list[Candidate]:
    """ "Security forces killed five people when they opened fire on protesters", "gunmen
    opened fire on protesters": the attack or shooting a sentence tells with force used on a
    crowd is that excessive force, not an event of its own (ACLED: violence against protesters,
    by state forces or anyone else, is excessive force against protesters). The force used is
    the attack's actor1; an attack on another named party, or by another doer than the force
    that met the crowd, stays its own."""
    force = next((c for c in candidates if c.sub_type == _EXCESSIVE_FORCE), None)
    if force is None:
        return candidates
    kept = []
    for candidate in candidates:
        hit, doer, used = candidate.actor2, candidate.actor1, force.actor2
        if (
            candidate.sub_type in _FORCE_TOLD_AS
            and candidate.modality == force.modality
            and (hit is None or hit.actor.inter in PEOPLE_INTERS)
            and (doer is None or used is None or doer.actor.id == used.actor.id)
        ):
            if force.actor2 is None and candidate.actor1 is not None:
                force.actor2 = candidate.actor1
            _absorb(force, candidate)
            continue
        kept.append(candidate)
    return kept


def _carry_sides(reading: Reading, candidates: list[Candidate]) -> None:
    """A battle that names no side ("Fighting continued around X") is fought by the sides of
    the paragraph's last battle before it: a report's paragraph follows one front. The sides
    are inferred, so they carry no span of this event's text."""
    fought = sorted(
        (
            (i, candidate)
            for candidate in candidates
            if candidate.actor1 is not None
            and taxonomy.sub_event_type(candidate.sub_type).event_type == "Battles"
            for i in candidate.triggers
        ),
        key=lambda pair: pair[0],
    )
    for candidate in candidates:
        if candidate.actor1 is not None or candidate.actor2 is not None:
            continue
        if taxonomy.sub_event_type(candidate.sub_type).event_type != "Battles":
            continue
        at = candidate.trigger.i
        before = [c for i, c in fought if i < at and reading.paragraph(i) == reading.paragraph(at)]
        if before:
            candidate.actor1 = _unspanned(before[-1].actor1)
            candidate.actor2 = _unspanned(before[-1].actor2)


def _unspanned(ref: ActorRef | None) -> ActorRef | None:
    return None if ref is None else ActorRef(ref.actor, None)


_LIST_GAP = re.compile(
    r"\s*(?:,|,?\s*(?:and|or))\s*"
    r"|,?\s*(?:and|or)\s+(?:north|south|east|west|northeast|northwest|southeast|southwest)"
    r"(?:ern)?\s+of\s+"
)
"""What stands between two names of one list: "X, Y, and Z", "X and Y", "X or Y", "southeast
of X and west of Y" — not "X, southwest of Y", which says where X is."""


def _per_place(
    reading: Reading, places: Sequence[PlaceMention], candidate: Candidate
) -> list[Candidate]:
    """The candidate once for its place and once for each other place of the list its place
    is in (a list by its surface: names joined only by commas, "and", "or"); `places` are the
    reading's places in text order."""
    if candidate.place is None or candidate.place.level != 0:
        return [candidate]
    split = [candidate]
    for mention in _listed_with(reading.text, places, candidate.place.mention):
        precision = max(candidate.place.precision, mention.geo_precision or 1)
        evidence = {span for span in candidate.evidence if span != candidate.place.mention.span} | {
            mention.span
        }
        split.append(
            dataclasses.replace(
                candidate,
                place=PlaceRef(mention, precision, candidate.place.level),
                evidence=evidence,
                killed=[],  # a toll told for the whole list is no one place's toll
                triggers=list(candidate.triggers),
                assoc=list(candidate.assoc),
                victims=list(candidate.victims),
            )
        )
    if len(split) > 1:
        candidate.killed = []
    return split


def _listed_with(
    text: str, ordered: Sequence[PlaceMention], mention: PlaceMention
) -> list[PlaceMention]:
    """The other usable places of the list `mention` is in, in text order."""
    at = bisect.bisect_left(ordered, mention.span.start, key=lambda m: m.span.start)
    while at < len(ordered) and ordered[at] is not mention:
        if ordered[at].span.start != mention.span.start:
            return []
        at += 1
    if at == len(ordered):
        return []
    start = end = at
    while start > 0 and _joined(text, ordered[start - 1], ordered[start]):
        start -= 1
    while end + 1 < len(ordered) and _joined(text, ordered[end], ordered[end + 1]):
        end += 1
    return [m for m in ordered[start : end + 1] if m is not mention and m.place is not None]


def _joined(text: str, first: PlaceMention, second: PlaceMention) -> bool:
    return _LIST_GAP.fullmatch(text[first.span.end : second.span.start]) is not None


def _retold_once(reading: Reading, candidates: list[Candidate]) -> list[Candidate]:
    """One event for what the article tells more than once (see the module docstring).

    An incident can only be one told in the same sentence or at the same place, so each
    candidate is compared with those kept events only, in the order they were kept."""
    kept: list[Candidate] = []
    told_in: list[set[int]] = []  # the sentences of each kept event's triggers
    in_sentence: dict[int, list[int]] = defaultdict(list)
    at_place: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        key = _place_key(candidate)
        near = in_sentence.get(candidate.sentence, [])
        if key is not None:
            near = sorted({*near, *at_place.get(key, [])})
        same = next(
            (n for n in near if _same_incident(kept[n], candidate, told_in[n])),
            None,
        )
        turned_violent = False
        if same is None:
            same = next((n for n, k in enumerate(kept) if _turned_violent(k, candidate)), None)
            turned_violent = same is not None
        if same is None:
            in_sentence[candidate.sentence].append(len(kept))
            if key is not None:
                at_place[key].append(len(kept))
            told_in.append({reading.sentence(i) for i in candidate.triggers})
            kept.append(candidate)
            continue
        held = kept[same]
        if held.place is None and candidate.place is not None:
            held.place = candidate.place
            if key is not None:
                at_place[key].append(same)
        _absorb(held, candidate)
        told_in[same] |= {reading.sentence(i) for i in candidate.triggers}
        if turned_violent:
            # ACLED: a demonstration that turns violent is a violent demonstration
            # told where the violence is: its clause names the force the crowd fought
            riot = held if held.sub_type == _VIOLENT_DEMONSTRATION else candidate
            held.sub_type, held.frame, held.turned_violent = riot.sub_type, riot.frame, True
            held.trigger, held.trigger_span, held.sentence = (
                riot.trigger,
                riot.trigger_span,
                riot.sentence,
            )
            continue
        # ACLED's atomic coding: the sub-event type ranked highest names the incident
        held.sub_type = min(
            (held.sub_type, candidate.sub_type),
            key=lambda name: taxonomy.sub_event_type(name).hierarchy_rank,
        )
    return kept


def _place_key(candidate: Candidate) -> str | None:
    place = candidate.located
    return place.key if place is not None else None


def _same_incident(held: Candidate, other: Candidate, held_told_in: set[int]) -> bool:
    """Whether `other` tells the incident `held` tells; `held_told_in`: its triggers' sentences."""
    if family_of(held.sub_type) != family_of(other.sub_type) or held.modality != other.modality:
        return False
    if held.place is None or other.place is None:
        # one sentence's "attacked Izyum …, and Ukrainian troops repelled them"
        return held.sentence == other.sentence
    if held.place.level == 3 or other.place.level == 3:
        return False  # an event placed only at the article's focus is not known to be this one
    held_place, other_place = held.place.mention.place, other.place.mention.place
    if held_place is None or other_place is None or held_place.key != other_place.key:
        return False
    if other.sentence in held_told_in:
        return True  # a sentence of the incident told already ("attacks on X … and shelling")
    if held.sub_type != other.sub_type and not _one_battle(held, other):
        return False  # "continued ground assaults on X" and "continued to fire on X": two incidents
    # told again in another sentence: when one telling has no day of its own, or both name the
    # same day (ACLED codes one event per sub-type, place and day: two assaults repelled there
    # that day are one event)
    held_day = held.date.date if held.date and held.date.span else None
    other_day = other.date.date if other.date and other.date.span else None
    return held_day is None or other_day is None or held_day == other_day


def _turned_violent(held: Candidate, other: Candidate) -> bool:
    """Whether a protest and a violent demonstration are one crowd's: told alike (modality), at
    one place or one of them placeless, on one day or one of them undated ("Protesters rallied
    across the country … Clashes erupted between police and protesters in the capital")."""
    types = {taxonomy.sub_event_type(c.sub_type).event_type for c in (held, other)}
    if types != {"Protests", "Riots"} or held.modality != other.modality:
        return False
    if _VIOLENT_DEMONSTRATION not in (held.sub_type, other.sub_type):
        return False  # a mob's violence is not what a protest turns into
    keys = {_place_key(held), _place_key(other)} - {None}
    days = {c.date.date for c in (held, other) if c.date is not None and c.date.span is not None}
    return len(keys) <= 1 and len(days) <= 1


def _one_battle(held: Candidate, other: Candidate) -> bool:
    """ "advanced into X" and "seized areas of X": fighting for a place and taking it are one
    battle (ACLED codes it once, as the territory change)."""
    return all(taxonomy.sub_event_type(c.sub_type).event_type == "Battles" for c in (held, other))


def _count_killed(
    reading: Reading, sentence: int, candidates: list[Candidate], earlier: Candidate | None
) -> None:
    """Each killed count of a sentence goes to its nearest violent event (or to the last
    sentence's, when this one only tells its toll)."""
    violent = [c for c in candidates if c.frame in VIOLENT_FRAMES or c.frame == "protest"]
    if not violent and earlier is not None:
        violent = [earlier]
    if not violent:
        return
    for quantity, root in reading.killed_in(sentence):
        target = min(violent, key=lambda c: min(abs(i - root.i) for i in c.triggers))
        if quantity not in target.killed:
            target.killed.append(quantity)


def _earlier_event(
    reading: Reading, grouped: dict[int, list[Candidate]], casualty: Candidate
) -> Candidate | None:
    """ "Russia shelled Kharkiv. Three people were killed.": the toll of the last event."""
    paragraph = reading.paragraph(casualty.trigger.i)
    previous = grouped.get(casualty.sentence - 1, [])
    violent = [
        c
        for c in previous
        if c.frame in VIOLENT_FRAMES and reading.paragraph(c.trigger.i) == paragraph
    ]
    if not violent or (casualty.place is not None and casualty.place.level == 0):
        return None
    return violent[-1]


def _group_key(candidate: Candidate) -> tuple[str, str, str]:
    """One sentence's words for one event: "a landmine exploded …, killing two farmers"."""
    place = candidate.located
    key = place.key if place is not None else ""
    return family_of(candidate.sub_type), key, candidate.modality


def _merge_same(reading: Reading, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates of one sentence with one family, place and modality as one, coded as the
    highest sub-event type (ACLED's atomic coding) of those the clause reports: an incident
    told as background ("strikes in response to counterattacks") only adds its evidence and
    the parties the reported one lacks."""
    merged: dict[tuple[str, str, str], Candidate] = {}
    for candidate in candidates:
        key = _group_key(candidate)
        held = merged.get(key)
        if held is None:
            merged[key] = candidate
            continue
        first, second = sorted(
            (held, candidate),
            key=lambda c: (
                modality.in_background(reading, c.trigger),
                taxonomy.sub_event_type(c.sub_type).hierarchy_rank,
            ),
        )
        _absorb(first, second)
        merged[key] = first
    return sorted(merged.values(), key=lambda c: c.trigger.i)


def _fought(reading: Reading, target: Candidate, casualty: Candidate) -> None:
    """An attack whose dead are combatants ("four soldiers were killed after militants opened
    fire on a checkpoint"), with no word of civilians of its own, is an armed clash: ACLED's
    violence against civilians has civilian victims."""
    if not casualty.combatant_victims or target.sub_type != ATTACK:
        return
    if weapons.targets_civilians(reading, target.trigger, target.victims) is not None:
        return
    target.sub_type = ARMED_CLASH
    target.combatant_victims = True
    target.civilian_targeting = False
    if target.actor2 is not None and target.actor2.actor.inter == CIVILIANS_INTER:
        target.actor2 = casualty.actor2


def _absorb(target: Candidate, other: Candidate) -> None:
    """Fold `other` into `target`: its evidence, killed counts and any party `target` lacks."""
    target.evidence |= other.evidence
    target.triggers.extend(other.triggers)
    counted = set(target.killed)
    for quantity in other.killed:
        if quantity not in counted:
            counted.add(quantity)
            target.killed.append(quantity)
    if other.civilian_targeting and taxonomy.sub_event_type(target.sub_type).event_type not in (
        "Battles",
    ):
        target.civilian_targeting = True
        if target.actor2 is None:
            target.actor2 = other.actor2
    battle = taxonomy.sub_event_type(target.sub_type).event_type == "Battles"
    if _names_the_unnamed(other.actor1, target.actor1):
        # "Insurgents torched 40 houses … The Islamic State later claimed to have burned them":
        # the telling that names the group says who the unnamed men were
        target.actor1 = other.actor1
    known = {ref.actor.id for ref in (target.actor1, target.actor2) if ref is not None}
    for slot, ref in (("actor1", other.actor1), ("actor2", other.actor2)):
        if ref is None or ref.actor.id in known or (battle and ref.actor.inter == CIVILIANS_INTER):
            continue  # ACLED: civilians are never a party to a battle
        # "troops repelled an assault on their base, killing scores of ISWAP fighters": in a
        # battle whose attacker is untold, the other side the telling names attacked
        other_side = (
            battle and target.actor2 is not None and ref.actor.side != target.actor2.actor.side
        )
        if target.actor1 is None and (slot == "actor1" or other_side):
            target.actor1 = ref
        elif target.actor2 is None and (
            target.actor1 is None or ref.actor.side != target.actor1.actor.side
        ):
            target.actor2 = ref
        else:
            continue
        known.add(ref.actor.id)
    if target.date is None or (
        target.date.span is None and other.date is not None and other.date.span is not None
    ):
        target.date = other.date


def _names_the_unnamed(named: ActorRef | None, unnamed: ActorRef | None) -> bool:
    """Whether `named` is a named armed group and `unnamed` the armed men no name tells."""
    return (
        named is not None
        and unnamed is not None
        and unnamed.actor.side == UNNAMED_SIDE
        and unnamed.actor.inter in NON_STATE_ARMED
        and named.actor.side != UNNAMED_SIDE
        and named.actor.inter in NON_STATE_ARMED
    )


def _told_aside(reading: Reading, token: Token) -> bool:
    """Whether a trigger is told in a relative clause that describes a place ("a suburb where
    protesters had clashed earlier"): the setting of its sentence's event, not the event."""
    node = token
    for _ in range(syntax.MAX_CLIMB):
        if node.dep_ == "relcl":
            described = node.head
            return described.lemma_.lower() in reading.lexicon.place_nouns or any(
                root.i == described.i for _, root in reading.places
            )
        if node.head.i == node.i or (syntax.is_clause(node) and node.dep_ != "conj"):
            return False
        node = node.head
    return False


def _nearest(candidates: list[Candidate], casualty: Candidate) -> Candidate | None:
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c.trigger.i - casualty.trigger.i))
