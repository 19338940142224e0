"""Context features: what the words and the other names around a mention say about it.

After recognition has found the mentions, these read an article's structure:

- cue words around one name (`nearby`, `settlement`, `feature_cue`, read while recognising):
  "near X", "on the outskirts of X", "the X direction" put a town's area (geo_precision 2);
  "the town of X" asks for a settlement; "the Inhulets River" for a river, not the town;
- lists: "Donetsk and Luhansk regions", "the Mykolaiv-Kherson Oblast border"
  (`coordinated_regions`), "the four regions … Luhansk, Donetsk, Kherson and Zaporizhzhia",
  "the regions of Kursk and Belgorod" (`listed_regions`): one division word types the list;
- explicit parents: "Pokrovsk in Donetsk province", "Kherson, Ukraine", "Springfield, Ill.",
  "Dobropillia (Donetsk oblast)", and "A, B and C in Donetsk Oblast" for the whole list;
- containers: one "in Donetsk Oblast" in a sentence, a softer parent for its other names;
- distance anchors: "A, 40 km west of B" (within the distance, on that side), "A near B";
- one sense per discourse (`one_sense_per_discourse`): every mention of one name, read one
  way, is one decision, with the candidates and base scores of `candidates.scored`.

`relate` runs lists, parents, containers and anchors in order (each reads the one before);
`ranking` scores what they set.
"""

from __future__ import annotations

import itertools
import re

import numpy as np

from fogwatch.geo import candidates
from fogwatch.geo.article import Article, text_end
from fogwatch.geo.gazetteer import FEATURE_CODE, Gazetteer
from fogwatch.geo.mentions import ADMIN1, Group, Mention
from fogwatch.geo.vocabulary import COORDINATION, PLURAL_REGION

LIST_HEAD_WINDOW = 6
"""How many tokens before a list its division head may stand ("regions Moscow claims — A")."""
ANCHOR_WINDOW = 16
"""At most this many tokens between a place and the place it is said to be near ("A, a village
along the E40 highway less than 20 km northwest of B")."""
ANCHOR_SLACK_KM = 15.0
NEAR_KM = 40.0
"""How far "A near B" may put A from B."""
DEMONYM_WEIGHT = 0.5
EMBEDDED_WEIGHT = 0.0
"""A place read inside a longer name ("Kansas Landing", a town elsewhere) is not named by
itself: it does not pull the article's other names towards it."""
# Words naming a part of the place after them ("in central Honduras", "in northern Mali").
_PARTS = frozenset(
    {
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north",
        "south",
        "east",
        "west",
    }
)

_WEIGHTS = {"demonym": DEMONYM_WEIGHT, "embedded": EMBEDDED_WEIGHT}

_POSSESSIVE = frozenset({"'s", "’s", "‘s", "'", "’"})
_TOWN_HEADS = frozenset(
    {"city", "cities", "town", "towns", "village", "villages", "settlement", "settlements"}
)
_OTHERS_WINDOW = 8
"""At most this many tokens between a town and the "other <demonym> cities" it is one of."""
_NOT_LIST_HEADS = frozenset({"republic", "respublika", "state", "territory"})
"""Division words that head a country's name as often ("the Republic of Belarus")."""
_DISTANCE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*-?\s*(km|kilomet(?:er|re)s?|mi|miles?)\b[^.;]{0,30}?\b(?:of|from)"
    r"(?:\s+the)?\s*$"
)
"""The text between a place and another: "about 40 kilometers west of", "(35km from"."""
_COMPASS = re.compile(r"\b((?:north|south)?-?(?:east|west)?)\s+of(?:\s+the)?\s*$")
_BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}  # fmt: skip
"""The compass direction ending a distance phrase: "west of", "north-east of"."""
_RANK = {FEATURE_CODE["country"]: 3, FEATURE_CODE["admin1"]: 2, FEATURE_CODE["admin2"]: 1}
"""How large a feature is, for parents: a country holds divisions, a division holds towns."""


# ─── cue words around one name ────────────────────────────────────────────────────────────────


def nearby(article: Article, start: int, end: int) -> bool:
    """Whether a nearby phrase comes before the name ("near X") or an area word after it
    ("the X direction"): the town's area."""
    before = _before(article, start, 40)
    if article.words.nearby.search(before):
        return True
    return end < len(article.tokens) and article.tokens[end].lower_ in article.words.area


def settlement(article: Article, start: int) -> bool:
    """Whether a settlement word comes before the name ("the town of X", "the village")."""
    before = _before(article, start, 30)
    return article.words.settlement.search(before) is not None


def feature_cue(article: Article, end: int) -> int | None:
    """The feature code the word right after a name asks for ("the Inhulets River": a river)."""
    tokens = article.tokens
    return article.words.features.get(tokens[end].lower_) if end < len(tokens) else None


def _before(article: Article, start: int, width: int) -> str:
    begin = article.tokens[start].idx if start < len(article.tokens) else len(article.text)
    return article.text[max(0, begin - width) : begin].lower()


# ─── lists, parents, containers, anchors ──────────────────────────────────────────────────────


def relate(article: Article) -> None:
    """Lists under a division head, explicit parents, containing divisions and distance anchors,
    in that order: each reads what the one before set."""
    listed_regions(article)
    parents(article)
    others_of_a_people(article)
    containers(article)
    anchors(article)


def coordinated_regions(article: Article) -> None:
    """ "Donetsk and Luhansk regions": the word after the last makes each one a region; so
    does a singular one after names joined by hyphens ("the Mykolaiv-Kherson Oblast
    border", "Luhansk-Donetsk Oblast")."""
    for position, mention in enumerate(article.mentions):
        last = article.tokens[mention.end - 1].lower_
        if mention.kind == "region" or (
            mention.end - mention.start > 1 and last in article.words.region
        ):
            gap_end = mention.start
            for earlier in reversed(article.mentions[:position]):
                joint = [t.text for t in article.tokens[earlier.end : gap_end]]
                if earlier.kind != "name" or joint not in (["-"], ["–"]):
                    break
                earlier.kind, earlier.region_word = "region", mention.region_word or last
                gap_end = earlier.start
            continue
        if mention.kind != "name" or mention.end >= len(article.tokens):
            continue
        word = article.tokens[mention.end].lower_
        if not PLURAL_REGION.search(word):
            continue
        singular = "county" if word == "counties" else word[:-1]
        mention.kind, mention.region_word = "region", singular
        mention.end += 1
        gap_end = mention.start
        for earlier in reversed(article.mentions[:position]):
            between = article.tokens[earlier.end : gap_end]
            if earlier.kind != "name" or not all(t.lower_ in COORDINATION for t in between):
                break
            if not _names_division(article, earlier):
                break  # "between Izyum and Donetsk and Luhansk oblasts": Izyum is a town
            earlier.kind, earlier.region_word = "region", singular
            gap_end = earlier.start


def _names_division(article: Article, mention: Mention) -> bool:
    """Whether some division or region bears the mention's name."""
    features = article.gazetteer.feature[mention.postings.places]
    return bool(np.isin(features, list(candidates.REGIONS)).any())


def _chains(article: Article) -> list[list[Mention]]:
    """Mentions listed together: consecutive names joined only by commas, "and", "or"."""
    chains: list[list[Mention]] = []
    for mention in article.mentions:
        if chains:
            between = article.tokens[chains[-1][-1].end : mention.start]
            if 0 < len(between) <= 2 and all(t.lower_ in COORDINATION for t in between):
                chains[-1].append(mention)
                continue
        chains.append([mention])
    return chains


def listed_regions(article: Article) -> None:
    """ "the four regions Moscow claims — Luhansk, Donetsk, Kherson and Zaporizhzhia", "the
    regions of Kursk and Belgorod", "the region of Odesa": names listed under a division
    head are all divisions (list coordination: one head types the whole list)."""
    covered = {i for m in article.mentions for i in range(m.start, m.end)}
    for chain in _chains(article):
        names = [m for m in chain if m.kind == "name"]
        if not names:
            continue
        head = _division_head(article, chain[0].start, len(chain) > 1, covered)
        if head is not None:
            for mention in names:
                mention.kind, mention.region_word = "region", head


def _division_head(article: Article, start: int, listed: bool, covered: set[int]) -> str | None:
    """The division word heading the names from `start` on, in the same sentence within
    `LIST_HEAD_WINDOW` tokens: a plural before a list ("regions … A, B and C"), or any
    division word right before "of" ("the regions of A", "the province of A")."""
    tokens = article.tokens
    for k in range(start - 1, max(-1, start - 1 - LIST_HEAD_WINDOW), -1):
        word = tokens[k].lower_
        if k in covered or article.sentence[k] != article.sentence[start] or word in _TOWN_HEADS:
            return None  # another place, another sentence, or "cities": not a division list
        between = [t.lower_ for t in tokens[k + 1 : start]]
        of = between in (["of"], ["of", "the"])
        if PLURAL_REGION.fullmatch(word) and (listed or of):
            return "county" if word == "counties" else word[:-1]
        if of and word in article.words.admin1 and word not in _NOT_LIST_HEADS:
            return word
    return None


def parents(article: Article) -> None:
    """Explicit parents: "X, Y", "X in Y", "X, in central Y", "X (Y)", "the X district of Y"."""
    doc = article.tokens
    mentions = article.mentions
    for position, (child, parent) in enumerate(itertools.pairwise(mentions)):
        if not 1 <= parent.start - child.end <= 3:
            continue  # every pattern below is one to three words: skip reading longer gaps
        between = [t.lower_ for t in doc[child.end : parent.start]]
        if len(between) > 1 and between[-1] in _PARTS:
            between = between[:-1]  # "El Ocotal, in central Honduras": a part of the parent
        if between not in ([","], ["in"], ["in", "the"], [",", "in"], ["("], ["of"], ["of", "the"]):
            continue
        if between == [","] and _listed(article, position, mentions):
            continue  # "Kosovo, Iraq, Libya": a list, not a place and its country
        if between[0] == "of" and child.kind not in ("region", "area"):
            continue
        if parent.kind == "demonym" or not _may_contain(article.gazetteer, parent, child):
            continue
        child.parent = parent
    for chain in _chains(article):
        # "A, B and C in Donetsk Oblast": the last one's parent holds the whole list
        last = chain[-1].parent
        after = chain[-1].end
        if last is None or len(chain) < 2 or after >= len(doc) or doc[after].lower_ != "in":
            continue
        for mention in chain[:-1]:
            if mention.parent is None and _may_contain(article.gazetteer, last, mention):
                mention.parent = last


def others_of_a_people(article: Article) -> None:
    """ "Fighting broke out in Tripoli and reached other Lebanese towns": the town named last
    before "other <demonym> cities" in its sentence is one of that country's (its parent)."""
    doc = article.tokens
    mentions = article.mentions
    for k, people in enumerate(mentions):
        start = people.start
        if people.kind != "demonym" or start < 1 or doc[start - 1].lower_ != "other":
            continue
        if people.end >= len(doc) or doc[people.end].lower_ not in _TOWN_HEADS:
            continue
        before = [m for m in mentions[:k] if article.sentence[m.start] == article.sentence[start]]
        town = before[-1] if before else None
        if town is None or town.kind != "name" or town.parent is not None:
            continue
        if start - town.end <= _OTHERS_WINDOW and _may_contain(article.gazetteer, people, town):
            town.parent = people


def _listed(article: Article, position: int, mentions: list[Mention]) -> bool:
    """Whether the comma between mentions[position] and the next one separates a list, or
    the second is a possessive ("Mariupol, Russia's defence ministry said")."""
    doc = article.tokens
    child, parent = mentions[position], mentions[position + 1]
    after = doc[parent.end] if parent.end < len(doc) else None
    if after is not None and (after.text in _POSSESSIVE or after.lower_ in ("and", "or")):
        return True
    if (
        after is not None
        and after.text == ","
        and position + 2 < len(mentions)
        and mentions[position + 2].start == parent.end + 1
    ):
        return True
    return (
        child.start >= 2
        and doc[child.start - 1].text == ","
        and any(m.end == child.start - 1 for m in mentions[:position])
    )


def _may_contain(gazetteer: Gazetteer, parent: Mention, child: Mention) -> bool:
    """Whether the parent reads as larger than the child: a country around a division or town,
    a division around a town ("Moscow, Russia"; not the list "Canada, Australia")."""
    if not len(parent.postings.places) or not len(child.postings.places):
        return False
    child_rank = _RANK.get(int(gazetteer.feature[int(child.postings.places[0])]), 0)
    if child.kind in ("region", "area"):
        child_rank = max(child_rank, 1)
    elif child.settlement:
        child_rank = 0  # "the village of Kirkuk in X region": a village, whatever else is Kirkuk
    if parent.kind == "abbreviation":
        return child_rank < _RANK[ADMIN1]
    parent_rank = _RANK.get(int(gazetteer.feature[int(parent.postings.places[0])]), 0)
    if parent.kind == "region":
        parent_rank = max(parent_rank, _RANK[FEATURE_CODE["admin2"]])
    return parent_rank > child_rank


def containers(article: Article) -> None:
    """ "captured A, B and C … in Donetsk Oblast", "In Donetsk Oblast, they shelled A": one
    division named with "in" in a sentence contains the sentence's other names (a softer
    constraint than an explicit parent: it only favours the candidates inside)."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in article.mentions:
        if mention.kind == "region" and _after_in(article, mention.start):
            by_sentence.setdefault(article.sentence[mention.start], []).append(mention)
    for mention in article.mentions:
        regions = by_sentence.get(article.sentence[mention.start], [])
        if mention.kind != "name" or mention.parent is not None:
            continue
        if len({m.key for m in regions}) == 1 and _may_contain(
            article.gazetteer, regions[0], mention
        ):
            mention.container = regions[0]


def _after_in(article: Article, start: int) -> bool:
    k = start - 1
    if k >= 0 and article.tokens[k].lower_ == "the":
        k -= 1
    return k >= 0 and article.tokens[k].lower_ in ("in", "within", "across", "throughout")


def anchors(article: Article) -> None:
    """ "Oleksandrivka, about 40 kilometers west of Kherson", "the village of A near B": a
    name followed closely by a distance or nearby phrase and another name lies near it."""
    for near, far in itertools.pairwise(article.mentions):
        if near.kind != "name" or far.kind not in ("name", "area") or near.parent is not None:
            continue
        if not 0 < far.start - near.end <= ANCHOR_WINDOW:
            continue
        if article.sentence[far.start] != article.sentence[near.start]:
            continue
        between = article.text[
            text_end(article.tokens[near.end - 1]) : article.tokens[far.start].idx
        ]
        distance = _DISTANCE.search(between.lower())
        if distance is not None:
            amount = float(distance.group(1).replace(",", ""))
            km = amount * (1.609 if distance.group(2).startswith("mi") else 1.0)
            near.anchor = (far, km * 1.5 + ANCHOR_SLACK_KM, _bearing(between.lower()))
        elif article.words.nearby.search(between.lower()) and len(between) <= 30:
            near.anchor = (far, NEAR_KM, None)


def _bearing(phrase: str) -> float | None:
    """The compass direction a distance phrase ends with, in degrees from north ("40 km
    northwest of": 315), or None when it names none ("40 km from")."""
    found = _COMPASS.search(phrase)
    return _BEARINGS.get(found.group(1).replace("-", "")) if found is not None else None


# ─── one sense per discourse ──────────────────────────────────────────────────────────────────


def one_sense_per_discourse(article: Article) -> None:
    """Every mention of one name, read one way, joins one group — one decision for the
    article — with its candidates and base scores."""
    groups: dict[tuple[str, str, str], Group] = {}
    # a reading of a name, all `candidates.scored` reads of it → its candidates, base scores
    # and kind: most names are mentioned again, read alike
    scored: dict[tuple[object, ...], tuple[np.ndarray, np.ndarray, str]] = {}
    for mention in article.mentions:
        postings = mention.postings
        if not len(postings.places) or mention.kind == "entity":
            continue
        reading = (
            mention.kind,
            mention.region_word,
            mention.feature_cue,
            mention.settlement,
            postings.places.tobytes(),
            postings.matches.tobytes(),
        )
        known = scored.get(reading)
        if known is None:
            places, base = candidates.scored(article.gazetteer, article.words, mention)
            known = scored[reading] = (places, base, mention.kind)
        places, base, mention.kind = known  # a division word with no division: an "area"
        if not len(places):
            continue
        # a name with its own parent ("Paris, Texas") may be another place than the bare name
        parent_key = mention.parent.key if mention.parent is not None else ""
        key = (mention.kind, mention.key, parent_key)
        group = groups.get(key)
        if group is None:
            weight = _WEIGHTS.get(mention.kind, 1.0)
            group = groups[key] = Group(mention.kind, mention.key, [], places, base, weight)
        elif mention.settlement and not group.mentions[0].settlement:
            group.base = np.maximum(group.base, base)
        group.mentions.append(mention)
        mention.group = group
    article.groups = list(groups.values())
    offset = 0
    for group in article.groups:
        group.offset = offset
        group.scores = group.base.copy()
        offset += len(group.candidates)
