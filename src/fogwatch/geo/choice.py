"""Choice: each mention's place, how precise it is, and why — after `ranking` has scored the
groups of `context.one_sense_per_discourse`.

A group's best candidate is its mentions' place, unless:

- the mention names a parent division and the gazetteer has no place of that name in it, only
  small namesakes elsewhere ("Pishchane in Donetsk region"), or names a parent country and the
  gazetteer has none of that name there ("Salem, Jamaica"): coded to the parent (precision 3);
- a small candidate lies far from a regional article's places: taken for the namesake of a
  village the gazetteer lacks, coded to the region the article is about (precision 3) or left
  unresolved — never to a namesake elsewhere;
- nothing tells the candidates apart (probability below `ABSTAIN_BELOW`): unresolved;
- spaCy read a person or organisation and no other place agrees: dropped ("Obama took office").

A facility is coded to the town it lies in ("Azovstal": Mariupol), as ACLED codes a site.
Then "Donetsk" after "Donetsk province" is that region; a river or lake the gazetteer lacks is
coded to the region of a town named near it; and, for given evaluation spans only, a name the
gazetteer lacks is coded to the article's main town, else the nearest town of its paragraph,
else the article's region or country. `record` writes the PlaceMention, with ACLED's
geo_precision: 1 a town, 2 its area ("near X", a village only KATOTTG lists, placed at its
raion's point), 3 a division.
"""

from __future__ import annotations

import functools

import numpy as np

from fogwatch.geo import candidates
from fogwatch.geo.article import Article
from fogwatch.geo.gazetteer import AREA_FEATURES, FEATURE_CODE, Gazetteer
from fogwatch.geo.mentions import ADMIN1, COUNTRY, POINTS, SETTLEMENT, Group, Mention
from fogwatch.geo.ranking import Agreement, Focus, chosen_place, haversine, softmax, within
from fogwatch.records import GeoPrecision, Place, PlaceMention, Span

ABSTAIN_BELOW = 0.2
"""In `geoparse.find`, a name whose best candidate has less probability than this stays
unresolved."""
# A candidate this small and this far from a regional article's places is taken for a
# namesake of a village the gazetteer lacks.
NAMESAKE_MAX_PRIOR = 4.0
NAMESAKE_MIN_KM = 250.0
FOREIGN_NAMESAKE_MAX_PRIOR = 5.0
"""A town in a country the article never names, when all its other places lie in one country,
is taken for a namesake up to this size (100,000 people)."""
FAR_ABROAD_KM = 1500.0
"""A village the text names is not a small town this far from every town of the countries the
article's other places and peoples are in, in a country none of them is in (neighbours'
villages stay within reach)."""
SITE_TOWN_KM = 10.0
"""A facility (a plant, a bridge, a palace) this close to a town is coded to the town."""
FACILITY = FEATURE_CODE["facility"]


def choose(article: Article, guess: bool) -> None:
    """Choose each name's place: priors, parents and the other names, in `ranking.ROUNDS`
    rounds; `guess` codes names the gazetteer lacks too (given evaluation spans)."""
    if article.groups:
        agreement = Agreement(article)
        agreement.settle()
    focus = Focus(article)
    for group in article.groups:
        _decide(article, group, agreement, focus, guess)
    _regions_named_before(article)
    _features_lacking(article, focus)
    if guess:
        _guess_unknown(article, focus)


def _decide(
    article: Article, group: Group, agreement: Agreement, focus: Focus, guess: bool
) -> None:
    gazetteer = article.gazetteer
    probabilities = softmax(group.scores)
    best = int(np.argmax(group.scores))
    place = int(group.candidates[best])
    town = _settlement_of(article, place)  # the same for every mention of the name
    for mention in group.mentions:
        mention.probability = float(probabilities[best])
        outside = _outside_parent(article, mention, group)
        if outside is not None and mention.parent is not None:
            mention.choice, mention.precision = outside, 3
            mention.reason = (
                f"no {gazetteer.name(place)} in {article.surface(mention.parent)} "
                f"in the gazetteer; coded to {gazetteer.name(outside)}"
            )
            continue
        if mention.role == "location" and _namesake(
            article, mention, group, best, focus, agreement
        ):
            # a town abroad in a one-country article: the region it names, even named once
            foreign = _foreign_namesake(gazetteer, place, group, best, focus, agreement)
            region = focus.region(exclude=group, least=1.0 if foreign else 2.0)
            if region is not None:
                mention.choice, mention.precision = region, 3
                mention.reason = (
                    f"no {gazetteer.name(place)} of the gazetteer lies near the article's "
                    f"other places; coded to {gazetteer.name(region)}, the region it is about"
                )
                continue
            if not guess:
                mention.reason = "every place of that name is far from the article's places"
                continue
        if not guess and mention.probability < ABSTAIN_BELOW:
            mention.reason = "several places have that name and nothing tells them apart"
            continue
        if mention.doubtful and not guess and not agreement.supported(mention, group, best):
            mention.kind = "dropped"  # "Obama took office": a person, no place agreeing
            continue
        mention.choice = place
        mention.reason = agreement.explain(mention, group, best)
        if town is not None:  # ACLED codes a site to the town it lies in
            mention.choice = town
            mention.reason = f"{gazetteer.name(place)} lies in {gazetteer.name(town)}"
        admin1 = int(gazetteer.admin1[place])
        if mention.kind == "area" and mention.region_word in article.words.admin1 and admin1 >= 0:
            region = gazetteer.admin1_place.get(gazetteer.admin1_codes[admin1])
            if region is not None:
                mention.choice = region
                mention.reason = f"the region of {gazetteer.name(place)}; {mention.reason}"


def _settlement_of(article: Article, place: int) -> int | None:
    """The town a site lies in ("Azovstal": Mariupol): of the GeoNames towns of its country
    within `SITE_TOWN_KM` of a facility's point, the one the article names, else the most
    populous; None for other features."""
    gazetteer = article.gazetteer
    if gazetteer.feature[place] != FACILITY:
        return None
    towns = _geonames_towns(gazetteer, int(gazetteer.country[place]))
    # a degree of latitude is 111 km: a town further off in latitude alone is too far
    lat = float(gazetteer.lat[place])
    towns = towns[np.abs(gazetteer.lat[towns] - lat) <= SITE_TOWN_KM / 110.0]
    km = haversine(
        np.radians(gazetteer.lat[towns]),
        np.radians(gazetteer.lon[towns]),
        np.radians(lat),
        np.radians(float(gazetteer.lon[place])),
    )
    near = towns[km <= SITE_TOWN_KM]
    chosen = {chosen_place(group) for group in article.groups}
    named = near[[town in chosen for town in near.tolist()]]
    if len(named):
        near = named
    return int(near[int(np.argmax(gazetteer.population[near]))]) if len(near) else None


@functools.lru_cache(maxsize=256)
def _geonames_towns(gazetteer: Gazetteer, country: int) -> np.ndarray:
    """The GeoNames towns of a country, by place index: found once per country, not by a scan
    of the whole gazetteer at every facility."""
    towns = np.flatnonzero(
        (gazetteer.feature == SETTLEMENT)
        & (gazetteer.country == country)
        & (gazetteer.geonameid > 0)
    )
    towns.flags.writeable = False
    return towns


def _outside_parent(article: Article, mention: Mention, group: Group) -> int | None:
    """The parent division a mention names, when the gazetteer has no place of that name in
    it and only small namesakes elsewhere ("Pishchane in Donetsk region") or the text calls it
    a village or town ("the village of Kirkuk in Hiiraan region")."""
    parent = mention.parent
    if parent is None or parent.group is None or mention.kind not in ("name", "area"):
        return None
    scores = parent.group.scores
    container = int(parent.group.candidates[int(np.argmax(scores))])
    if article.gazetteer.feature[container] not in (COUNTRY, ADMIN1, FEATURE_CODE["admin2"]):
        return None
    if within(article.gazetteer, group.candidates, container).any():
        return None
    if (
        article.gazetteer.feature[container] == COUNTRY
        and _after_comma(article, mention, parent)
        and not _another_parent_holds(article, parent, group)
    ):
        return container  # "Salem, Jamaica": no namesake in another country, however large
    if mention.settlement:
        return container  # "the village of Kirkuk in Hiiraan region": not the city in Iraq
    place = int(group.candidates[int(np.argmax(group.scores))])
    return container if float(article.gazetteer.prior[place]) <= NAMESAKE_MAX_PRIOR else None


def _after_comma(article: Article, mention: Mention, parent: Mention) -> bool:
    """Whether the parent follows the name after a comma, as an address names its country
    ("Salem, Jamaica"), not "in" ("Narek in Vatican" may tell where a thing named after it is)."""
    return [t.text for t in article.tokens[mention.end : parent.start]] == [","]


def _another_parent_holds(article: Article, parent: Mention, group: Group) -> bool:
    """Whether another reading of the parent's name holds one of the candidates ("Atlanta,
    Georgia": the US state, not the country)."""
    assert parent.group is not None
    gazetteer = article.gazetteer
    return any(
        gazetteer.feature[int(other)] in (COUNTRY, ADMIN1, FEATURE_CODE["admin2"])
        and within(gazetteer, group.candidates, int(other)).any()
        for other in parent.group.candidates
    )


def _namesake(
    article: Article, mention: Mention, group: Group, best: int, focus: Focus, agreement: Agreement
) -> bool:
    """A small place far from a regional article: likely the namesake of a missing village."""
    gazetteer = article.gazetteer
    place = int(group.candidates[best])
    if mention.parent is not None or mention.kind not in ("name", "area"):
        return False
    if gazetteer.feature[place] != SETTLEMENT:
        return False
    if _foreign_namesake(gazetteer, place, group, best, focus, agreement):
        return True
    if mention.settlement and _far_abroad(article, group, place):
        return True
    if float(gazetteer.prior[place]) > NAMESAKE_MAX_PRIOR:
        return False
    if focus.regional_weight(exclude=group) < 2.0 or focus.in_focus(place, exclude=group):
        return False
    region = focus.region(exclude=group)
    abroad = region is None or gazetteer.country[region] != gazetteer.country[place]
    if abroad and agreement.supports["country"][group.offset + best].max() >= 0.5:
        return False  # "Srebrenica" in a Ukrainian article that names Bosnia
    distance = focus.nearest_km(place, exclude=group)
    return distance is None or distance > NAMESAKE_MIN_KM


def _far_abroad(article: Article, group: Group, place: int) -> bool:
    """Whether a small town lies in a country none of the article's other places and peoples
    is in, far from every town of theirs ("Malian troops killed civilians in the village of
    Moura": not the Portuguese town): the namesake of a village the gazetteer lacks. Only for a
    name the text calls a village or town: a bare name far from the article's countries is as
    often a real town there ("students in Oberlin rallied against the war in Gaza")."""
    gazetteer = article.gazetteer
    if float(gazetteer.prior[place]) > FOREIGN_NAMESAKE_MAX_PRIOR:
        return False
    countries = {
        int(gazetteer.country[chosen_place(other)])
        for other in article.groups
        if other is not group and len(other.candidates)
    }
    if not countries or int(gazetteer.country[place]) in countries:
        return False
    lat, lon = np.radians(float(gazetteer.lat[place])), np.radians(float(gazetteer.lon[place]))
    for country in countries:
        # the nearest town of each country the article points to ("Russian": Belgorod for a
        # Ukrainian town, not Russia's point in Siberia)
        towns = _geonames_towns(gazetteer, country)
        if not len(towns):
            return False
        km = haversine(np.radians(gazetteer.lat[towns]), np.radians(gazetteer.lon[towns]), lat, lon)
        if float(km.min()) <= FAR_ABROAD_KM:
            return False
    return True


def _foreign_namesake(
    gazetteer: Gazetteer, place: int, group: Group, best: int, focus: Focus, agreement: Agreement
) -> bool:
    """A town of a country nothing else in the article names, in an article whose other
    places all lie in one country it names ("the district of Qara" after "Yemen" and
    "Hajjah"): the namesake of a place the gazetteer lacks, unless it is a city."""
    if float(gazetteer.prior[place]) > FOREIGN_NAMESAKE_MAX_PRIOR:
        return False
    if agreement.supports["country"][group.offset + best].max() >= 0.5:
        return False
    weights, named = focus.country_weights(exclude=group)
    if len(weights) != 1:
        return False
    ((country, weight),) = weights.items()
    # the article names its country: local news that never says "US" keeps its namesakes
    return country in named and country != int(gazetteer.country[place]) and weight >= 2.0


def _regions_named_before(article: Article) -> None:
    """ "Donetsk" after "Donetsk province": in a war report the bare name is that region."""
    regions = {
        m.key: m
        for m in article.mentions
        if m.kind == "region"
        and m.choice is not None
        and article.gazetteer.feature[m.choice] == ADMIN1
    }
    for mention in article.mentions:
        named = regions.get(mention.key)
        if named is None or mention.kind != "name" or mention.start < named.start:
            continue
        if mention.choice is None or mention.settlement or mention.parent is not None:
            continue
        if article.gazetteer.admin1[mention.choice] != article.gazetteer.admin1[named.choice]:
            continue  # "Kharkiv" after "Donetsk region" is still the city
        mention.choice, mention.precision = named.choice, 3
        mention.reason = f"{article.surface(named)} named before: the bare name reads as the region"


def _features_lacking(article: Article, focus: Focus) -> None:
    """A river or lake the gazetteer lacks ("the Inhulets River") is coded to the region of
    the nearest town named in its paragraph, else to the article's region (precision 3)."""
    gazetteer = article.gazetteer
    towns = [
        m
        for m in article.mentions
        if m.choice is not None
        and m.probability >= 0.5
        and gazetteer.feature[m.choice] == SETTLEMENT
        and int(gazetteer.admin1[m.choice]) >= 0
    ]
    for mention in article.mentions:
        if mention.feature_cue is None or mention.choice is not None:
            continue
        local = [m for m in towns if article.paragraph[m.start] == article.paragraph[mention.start]]
        region = None
        if local:
            nearest = min(local, key=lambda m: abs(m.start - mention.start))
            assert nearest.choice is not None
            code = gazetteer.admin1_codes[int(gazetteer.admin1[nearest.choice])]
            region = gazetteer.admin1_place.get(code)
            why = f"the region of {article.surface(nearest)}, named nearby"
        if region is None:
            region = focus.region(exclude=None)
            why = "the region the article is about"
        if region is not None:
            mention.choice, mention.precision = region, 3
            mention.reason = f"not in the gazetteer; coded to {why}"


def _guess_unknown(article: Article, focus: Focus) -> None:
    """Given spans the gazetteer lacks (a street, a school, a neighbourhood): the article's main
    town when it has one — a local report's unknown names lie mostly in its town, while the
    town named nearest is as often one compared with it — else the nearest town named in the
    same paragraph, else the article's region or country; as ACLED codes a small area to a
    representative town (geo_precision 2)."""
    gazetteer = article.gazetteer
    target = focus.place()
    towns = [
        m
        for m in article.mentions
        if m.choice is not None
        and m.kind in ("name", "area")
        and m.probability >= 0.5
        and gazetteer.feature[m.choice] in POINTS
    ]
    for mention in article.mentions:
        if mention.choice is not None:
            continue
        local = [m for m in towns if article.paragraph[m.start] == article.paragraph[mention.start]]
        if (target is not None and target[1] == 2) or not local:
            if target is not None:
                place, precision, why = target
                mention.choice, mention.precision = place, precision
                mention.reason = f"not in the gazetteer; coded to {why}"
            continue
        nearest = min(local, key=lambda m: abs(m.start - mention.start))
        mention.choice, mention.precision = nearest.choice, 2
        mention.reason = f"not in the gazetteer; coded to {article.surface(nearest)}, named nearby"


def record(article: Article, mention: Mention, span: Span) -> PlaceMention:
    """The record of a mention: its place, geo_precision, score, role and reason."""
    place: Place | None = None
    precision: GeoPrecision | None = None
    if mention.choice is not None:
        place = article.gazetteer.place(mention.choice)
        precision = _precision(article, mention, mention.choice)
    reason = mention.reason or (
        "not in the gazetteer" if mention.kind in ("entity", "landmark") else "no place chosen"
    )
    if mention.spelled_like is not None and place is not None:
        reason = f"read as a misspelling of {mention.spelled_like}; {reason}"
    return PlaceMention(
        span=span,
        place=place,
        geo_precision=precision,
        score=round(mention.probability, 3) if place is not None else 0.0,
        role=mention.role,
        reason=reason,
    )


def _precision(article: Article, mention: Mention, place: int) -> GeoPrecision | None:
    if mention.kind == "demonym":
        return None
    if mention.precision is not None:
        return mention.precision
    if article.gazetteer.feature_name(place) in AREA_FEATURES:
        return 3
    if (
        mention.nearby
        or mention.kind == "area"
        or candidates.placed_by_area(article.gazetteer, place)
    ):
        return 2
    return 1
