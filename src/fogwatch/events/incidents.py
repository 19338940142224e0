"""One event per incident: the candidates of one article, merged.

Candidates of one sentence, family, place and modality are one event, coded with the sub-event
type ranked highest (ACLED's atomic coding); killed counts join the sentence's nearest violent
event, or the previous sentence's when this one only tells its toll. (Merging the events of many
articles into ACLED atomic events is `events.merge`.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import taxonomy
from fogwatch.events.candidate import Candidate
from fogwatch.events.lexicon import VIOLENT_FRAMES
from fogwatch.events.merge import family_of, place_key

if TYPE_CHECKING:
    from fogwatch.events.reading import Reading


def merge(reading: Reading, candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per sentence, family, place and modality, in the order of their triggers;
    killed counts join their event."""
    by_sentence: dict[int, list[Candidate]] = {}
    casualties: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        bucket = casualties if candidate.frame == "casualty" else by_sentence
        bucket.setdefault(candidate.sentence, []).append(candidate)
    grouped: dict[int, list[Candidate]] = {}
    for sentence in sorted(set(by_sentence) | set(casualties)):
        found = by_sentence.get(sentence, [])
        if any(c.frame in ("protest", "riot") for c in found):
            # ACLED: arrests at a protest are its intervention, not events of their own
            found = [c for c in found if c.frame != "arrest"]
        merged = _merge_same(found)
        violent = [c for c in merged if c.frame in VIOLENT_FRAMES or c.frame == "protest"]
        earlier: Candidate | None = None
        for casualty in casualties.get(sentence, []):
            target = _nearest(violent, casualty)
            if target is None and casualty.sub_type:
                merged.append(casualty)
                violent.append(casualty)
                continue
            if target is None:
                target = earlier = _earlier_event(reading, grouped, casualty)
            if target is not None:
                _absorb(target, casualty)
        merged = _merge_same(merged)
        _count_killed(reading, sentence, merged, earlier)
        grouped[sentence] = merged
    return [c for sentence in sorted(grouped) for c in grouped[sentence]]


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
    for quantity, root in reading.killed:
        if reading.sentence(root.i) != sentence:
            continue
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
    place = candidate.place.mention.place if candidate.place else None
    key = place_key(place) if place is not None else ""
    return family_of(candidate.sub_type), key, candidate.modality


def _merge_same(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates of one sentence with one family, place and modality as one, coded as the
    highest sub-event type (ACLED's atomic coding)."""
    merged: dict[tuple[str, str, str], Candidate] = {}
    for candidate in candidates:
        key = _group_key(candidate)
        held = merged.get(key)
        if held is None:
            merged[key] = candidate
            continue
        first, second = sorted(
            (held, candidate), key=lambda c: taxonomy.sub_event_type(c.sub_type).hierarchy_rank
        )
        _absorb(first, second)
        merged[key] = first
    return sorted(merged.values(), key=lambda c: c.trigger.i)


def _absorb(target: Candidate, other: Candidate) -> None:
    """Fold `other` into `target`: its evidence, killed counts and any party `target` lacks."""
    target.evidence |= other.evidence
    target.triggers.extend(other.triggers)
    target.killed.extend(q for q in other.killed if q not in target.killed)
    if other.civilian_targeting and taxonomy.sub_event_type(target.sub_type).event_type not in (
        "Battles",
    ):
        target.civilian_targeting = True
        if target.actor2 is None:
            target.actor2 = other.actor2
    battle = taxonomy.sub_event_type(target.sub_type).event_type == "Battles"
    known = {ref.actor.id for ref in (target.actor1, target.actor2) if ref is not None}
    for slot, ref in (("actor1", other.actor1), ("actor2", other.actor2)):
        if ref is None or ref.actor.id in known or (battle and ref.actor.inter == 7):
            continue  # ACLED: civilians are never a party to a battle
        if target.actor1 is None and slot == "actor1":
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


def _nearest(candidates: list[Candidate], casualty: Candidate) -> Candidate | None:
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c.trigger.i - casualty.trigger.i))
