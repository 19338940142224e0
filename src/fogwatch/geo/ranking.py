"""Ranking a geoparsed article's candidates: every name's candidates against every other
name's (same country, same first-order division, inside a division the article names, close
by), explicit parents, containing divisions and distance anchors, in a few rounds; then where
the article is (its focus).

Scores are in the gazetteer prior's units (log10 population).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from fogwatch.geo.gazetteer import FEATURE_CODE, Gazetteer
from fogwatch.geo.mentions import ADMIN1, COUNTRY, POINTS, SETTLEMENT, Group, Mention
from fogwatch.records import GeoPrecision

if TYPE_CHECKING:
    from fogwatch.geo.article import Article

ROUNDS = 3
"""Rounds of scoring: each name's choice informs the others' in the next."""
COUNTRY_BONUS = 1.0
ADMIN1_BONUS = 1.5
SIBLING_BONUS = 1.0
"""Divisions of one country named together ("Alaska, Hawaii and Washington") are states."""
NAMED_DIVISION_BONUS = 2.0
"""For a town or county inside a first-order division the article names ("Donetsk Oblast"):
the named container outweighs namesakes elsewhere that merely agree with each other."""
NAMED_COUNTY_BONUS = 1.5
"""The same for a town inside a second-order division the article names, as much as sharing a
first-order division with another name."""
NEARBY_BONUS = 1.4
NEARBY_KM = 150.0
SATURATION = 2.0
"""How fast agreement saturates: one supporting name gives 1 - e^-2 = 86% of a bonus."""
MOVE_COST = 0.6
"""What it costs another name to move to a less prominent candidate, per unit of score lost."""
PARENT_BONUS = 4.0
PARENT_MISMATCH = -2.5
CONTAINER_BONUS = 2.5
"""For a candidate inside the division a sentence names with "in" (no penalty outside)."""
ANCHOR_BONUS = 3.0
AREA_PLACED_KM = 40.0
"""How far a KATOTTG village, placed at its raion's point, may lie from that point."""
BEARING_SLACK_DEGREES = 67.5
"""How far off a stated direction ("40 km west of B") a candidate may lie: the neighbouring
points of the compass rose and half the way to the next."""
ANCHOR_CLOSE_KM = 10.0
"""Within this of the anchor, a point's direction says little (towns are areas)."""
_EARTH_KM = 6371.0088


class Agreement:
    """Joint scoring of every name's candidates against every other name's candidates.

    For a candidate c and another name g, each channel (same country, same first-order
    division, closeness) takes the best of g's candidates c' after charging `MOVE_COST` times
    how far c' is below g's current best; a channel's sum over names saturates at its bonus.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        gazetteer = article.gazetteer
        groups = article.groups
        self.groups = groups
        self.places = np.concatenate([g.candidates for g in groups])
        self.owner = np.concatenate([np.full(len(g.candidates), i) for i, g in enumerate(groups)])
        self.offsets = np.array([g.offset for g in groups])
        self.weights = np.array([g.weight for g in groups])
        places = self.places
        countries = gazetteer.country[places]
        has_country = np.array([bool(gazetteer.countries[c]) for c in countries.tolist()])
        self.same_country = (countries[:, None] == countries[None, :]) & has_country[None, :]
        admin1 = gazetteer.admin1[places]
        self.same_admin1 = (admin1[:, None] == admin1[None, :]) & (admin1 >= 0)[None, :]
        # a state named like a country ("Georgia") is the state among its country's states
        division = gazetteer.feature[places] == ADMIN1
        country_named = np.array(
            [(gazetteer.feature[g.candidates] == COUNTRY).any() for g in groups]
        )
        contested = division & country_named[self.owner]
        self.siblings = self.same_country & contested[:, None] & division[None, :]
        # inside a division the article names; a name that is also a division's own (the state
        # of Indiana, not the town in Pennsylvania) is not pulled into another one
        division_named = np.array(
            [(gazetteer.feature[g.candidates] == ADMIN1).any() for g in groups]
        )
        self.in_named_division = (
            self.same_admin1 & division[None, :] & ~division_named[self.owner][:, None]
        )
        # inside a second-order division the article names ("Laclede County"): a softer container
        admin2 = gazetteer.admin2[places]
        county = gazetteer.feature[places] == FEATURE_CODE["admin2"]
        self.in_named_county = (
            (admin2[:, None] == admin2[None, :])
            & (admin2 >= 0)[None, :]
            & county[None, :]
            & ~county[:, None]
        )
        point = np.isin(gazetteer.feature[places], list(POINTS))
        lat = np.radians(gazetteer.lat[places])
        lon = np.radians(gazetteer.lon[places])
        km = haversine(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
        self.closeness = np.where(point[:, None] & point[None, :], np.exp(-km / NEARBY_KM), 0.0)
        self.km = km
        self.own = self.owner[:, None] == self.owner[None, :]
        channels = {
            "country": (self.same_country, COUNTRY_BONUS),
            "admin1": (self.same_admin1, ADMIN1_BONUS),
            "division": (self.in_named_division, NAMED_DIVISION_BONUS),
            "county": (self.in_named_county, NAMED_COUNTY_BONUS),
            "sibling": (self.siblings, SIBLING_BONUS),
            "near": (self.closeness, NEARBY_BONUS),
        }
        # a channel that links no two candidates (most often the county and sibling ones)
        # supports nothing: only the others are scored
        linked = {
            name: (matrix, bonus) for name, (matrix, bonus) in channels.items() if matrix.any()
        }
        self.channel_names = list(linked)
        self.channel_bonuses = [bonus for _, bonus in linked.values()]
        # every linking channel as numbers in one array, a name's own candidates at -inf (no
        # support): a round reads them all at once, into a buffer made once
        self.stacked = np.empty((len(linked), len(places), len(places)))
        for layer, (channel, _) in zip(self.stacked, linked.values(), strict=True):
            np.copyto(layer, channel)
            np.copyto(layer, -np.inf, where=self.own)
        self._work = np.empty_like(self.stacked)
        self.parents = [self._parents(group) for group in groups]
        """Each name's parents, by group: fixed while the scores move."""
        self._supporters: dict[int, tuple[str, Group] | None] = {}
        """Candidate row → `_supporter`'s answer, once the scores are settled."""

    def settle(self) -> None:
        """Score every candidate `ROUNDS` times, each round against the last round's scores."""
        for _ in range(ROUNDS):
            bonus = self.bonuses()
            for group, parents in zip(self.groups, self.parents, strict=True):
                rows = slice(group.offset, group.offset + len(group.candidates))
                group.scores = group.base + bonus[rows] + self.parent_bonus(group, parents)
        supports = dict(zip(self.channel_names, self._supports(self._move_cost()), strict=True))
        none = np.zeros((len(self.places), len(self.groups)))
        self.supports = {
            name: supports.get(name, none) for name in ("sibling", "admin1", "near", "country")
        }

    def _move_cost(self) -> np.ndarray:
        """What moving its name to each candidate costs, at the current scores."""
        scores = np.concatenate([g.scores for g in self.groups])
        best = np.array([g.scores.max() for g in self.groups])[self.owner]
        return MOVE_COST * (best - scores)

    def _supports(self, cost: np.ndarray) -> np.ndarray:
        """(channels × candidates × names) support: for each channel, each name's best
        candidate, net of `cost` (`_move_cost`); none from a name's own candidates."""
        value = np.subtract(self.stacked, cost, out=self._work)
        np.maximum(value, 0.0, out=value)
        return np.maximum.reduceat(value, self.offsets, axis=2) * self.weights

    def bonuses(self) -> np.ndarray:
        cost = self._move_cost()  # one round's scores: the same for every channel
        total = np.zeros(len(self.places))
        supports = self._supports(cost).sum(axis=2)
        for support, bonus in zip(supports, self.channel_bonuses, strict=True):
            total += bonus * (1.0 - np.exp(-SATURATION * support))
        return total

    def _parents(self, group: Group) -> list[Mention]:
        """The explicit parents of a name's mentions, else those of the same name elsewhere."""
        parents = [m.parent for m in group.mentions if m.parent is not None and m.parent.group]
        if not parents:
            # "Springfield, Ill." earlier tells which Springfield the bare name is
            parents = [
                m.parent
                for other in self.groups
                if other.key == group.key and other.kind == group.kind
                for m in other.mentions
                if m.parent is not None and m.parent.group
            ]
        return parents

    def parent_bonus(self, group: Group, parents: list[Mention]) -> np.ndarray:
        """`PARENT_BONUS` for candidates inside a mention's explicit parent (`_parents`), a
        penalty outside."""
        gazetteer = self.article.gazetteer
        bonus = np.zeros(len(group.candidates))
        for parent in parents:
            assert parent.group is not None
            best = int(parent.group.candidates[int(np.argmax(parent.group.scores))])
            inside = within(gazetteer, group.candidates, best)
            bonus = np.maximum(bonus, np.where(inside, PARENT_BONUS, PARENT_MISMATCH))
        return bonus + self.context_bonus(group)

    def context_bonus(self, group: Group) -> np.ndarray:
        """`CONTAINER_BONUS` for candidates inside the division the sentence names; for a name
        said to lie near another, `ANCHOR_BONUS` within the stated distance of that place and
        as much off beyond it."""
        gazetteer = self.article.gazetteer
        bonus = np.zeros(len(group.candidates))
        for mention in group.mentions:
            container = mention.container
            if container is not None and container.group is not None and mention.parent is None:
                best = chosen_place(container.group)
                bonus = np.maximum(
                    bonus,
                    np.where(within(gazetteer, group.candidates, best), CONTAINER_BONUS, 0.0),
                )
            if mention.anchor is not None and mention.anchor[0].group is not None:
                other, km, direction = mention.anchor
                assert other.group is not None
                best = chosen_place(other.group)
                lat = np.radians(gazetteer.lat[group.candidates])
                lon = np.radians(gazetteer.lon[group.candidates])
                lat0 = math.radians(float(gazetteer.lat[best]))
                lon0 = math.radians(float(gazetteer.lon[best]))
                far = haversine(lat, lon, lat0, lon0)
                # a village placed at its raion's point may lie that far from its true place
                area_placed = self._area_placed(group.candidates)
                slack = np.where(area_placed, AREA_PLACED_KM, 0.0)
                inside = far <= km + slack
                if direction is not None:  # "40 km west of B": not the namesake north of B
                    off = np.abs((bearing(lat0, lon0, lat, lon) - direction + 180.0) % 360 - 180)
                    inside &= (off <= BEARING_SLACK_DEGREES) | area_placed | (far < ANCHOR_CLOSE_KM)
                if inside.any():  # as firm as a parent: the namesakes beyond are not meant
                    bonus = np.maximum(bonus, np.where(inside, ANCHOR_BONUS, -ANCHOR_BONUS))
        return bonus

    def _area_placed(self, places: np.ndarray) -> np.ndarray:
        gazetteer = self.article.gazetteer
        return np.asarray(
            (gazetteer.feature[places] == SETTLEMENT)
            & (gazetteer.geonameid[places] == 0)
            & (gazetteer.population[places] == 0)
        )

    def supported(self, mention: Mention, group: Group, best: int) -> bool:
        """Whether a parent, a division or a nearby place of the article backs this reading."""
        row = group.offset + best
        return mention.parent is not None or any(
            float(support[row].max()) >= 0.5 for support in self.supports.values()
        )

    def explain(self, mention: Mention, group: Group, best: int) -> str:
        """A short sentence on why this candidate won: the context that made the difference,
        else what makes it the obvious reading of the name."""
        article = self.article
        gazetteer = article.gazetteer
        place = int(group.candidates[best])
        feature = gazetteer.feature[place]
        if mention.kind == "demonym":
            return f"a word for the people of {gazetteer.name(place)}"
        if mention.parent is not None:
            return f"{article.surface(mention.parent)} named as its parent"
        if mention.kind == "abbreviation":
            return f"the abbreviation of {gazetteer.name(place)}, after a place and a comma"
        if mention.kind == "region" and feature in (ADMIN1, FEATURE_CODE["admin2"]):
            order = "first" if feature == ADMIN1 else "second"
            return f"“{article.surface(mention)}” names a {order}-order division"
        obvious = best == int(np.argmax(group.base))
        if obvious and feature == COUNTRY:
            return "the country of that name"
        if obvious and gazetteer.capital[place]:
            country = gazetteer.country_place.get(gazetteer.countries[gazetteer.country[place]])
            return f"the capital of {gazetteer.name(country)}" if country is not None else ""
        context = self._context_reason(mention, group, best)
        if context:
            return context
        if len(group.candidates) == 1:
            return "the only place of that name"
        if feature == SETTLEMENT and best == int(np.argmax(gazetteer.population[group.candidates])):
            return "the largest place of that name"
        return "the most prominent place of that name"

    def _names_area(self, group: Group) -> bool:
        """Whether a name reads as a division or country ("Odesa region", "Ill.", "Ukraine")."""
        place = int(group.candidates[int(np.argmax(group.scores))])
        feature = self.article.gazetteer.feature[place]
        return group.kind in ("region", "abbreviation") or feature in (ADMIN1, COUNTRY)

    def _context_reason(self, mention: Mention, group: Group, best: int) -> str:
        """The strongest agreement with another name ("Donetsk province named in the same
        sentence", "12 km from Dobropillia, named in the same paragraph"), or ""."""
        found = self._supporter(group, best)
        if found is None:
            return ""
        name, other = found
        article = self.article
        gazetteer = article.gazetteer
        row = group.offset + best
        closest = min(other.mentions, key=lambda m: abs(m.start - mention.start))
        where = article.where(mention, closest)
        surface = article.surface(closest)
        supporter = gazetteer.feature[int(other.candidates[int(np.argmax(other.scores))])]
        if name == "near":
            columns = slice(other.offset, other.offset + len(other.candidates))
            km = float(self.km[row, columns][int(np.argmax(self.closeness[row, columns]))])
            return f"{km:.0f} km from {surface}, named {where}"
        if name == "admin1":
            if closest.kind in ("region", "abbreviation") or supporter == ADMIN1:
                return f"{surface} named {where}"
            return f"in the same region as {surface}, named {where}"
        if name == "sibling":
            return f"a division of the same country as {surface}, named {where}"
        if supporter == COUNTRY:
            return f"{surface} named {where}"
        return f"in the same country as {surface}, named {where}"

    def _supporter(self, group: Group, best: int) -> tuple[str, Group] | None:
        """The channel and the other name that most strongly agree with candidate `best` of a
        name (`_context_reason`), or None: the same for every mention of the name, so found
        once."""
        row = group.offset + best
        if row in self._supporters:
            return self._supporters[row]
        found = None
        feature = self.article.gazetteer.feature[int(group.candidates[best])]
        # "Pokrovsk" is not explained by "Pokrovsk"
        same_name = [index for index, other in enumerate(self.groups) if other.key == group.key]
        for name in ("admin1", "near", "sibling", "country"):
            if (name, feature) in (("admin1", ADMIN1), ("country", COUNTRY)):
                continue  # a division is not explained by its own towns
            support = self.supports[name][row].copy()
            support[same_name] = 0.0
            if support.max() < 0.5:
                continue
            strong = [i for i in np.argsort(-support).tolist() if support[i] >= 0.5]
            named = next((i for i in strong if self._names_area(self.groups[i])), strong[0])
            found = name, self.groups[named]
            break
        self._supporters[row] = found
        return found


class Focus:
    """Where the article is: the divisions and towns its settled names point to."""

    def __init__(self, article: Article) -> None:
        self.gazetteer = article.gazetteer
        self.chosen: list[tuple[Group, int, float]] = []
        for group in article.groups:
            best = int(np.argmax(group.scores))
            probability = float(softmax(group.scores)[best])
            if group.kind != "demonym":
                self.chosen.append((group, int(group.candidates[best]), probability))

    def _admin1_weights(self, exclude: Group | None) -> dict[int, float]:
        weights: dict[int, float] = {}
        for group, place, probability in self.chosen:
            admin1 = int(self.gazetteer.admin1[place])
            if group is exclude or admin1 < 0 or probability < 0.5:
                continue
            strength = 1.5 if self.gazetteer.feature[place] == ADMIN1 else 1.0
            weights[admin1] = weights.get(admin1, 0.0) + strength * len(group.mentions) ** 0.5
        return weights

    def country_weights(self, exclude: Group) -> tuple[dict[int, float], set[int]]:
        """The countries of the article's settled places (a country named counts 1, a
        division 1.5, a town 1, each by the square root of its mentions), and those the
        article names itself."""
        weights: dict[int, float] = {}
        named: set[int] = set()
        for group, place, probability in self.chosen:
            if group is exclude or probability < 0.5:
                continue
            country = int(self.gazetteer.country[place])
            feature = self.gazetteer.feature[place]
            if feature == COUNTRY:
                named.add(country)
            strength = 1.5 if feature == ADMIN1 else 1.0
            weights[country] = weights.get(country, 0.0) + strength * len(group.mentions) ** 0.5
        return weights, named

    def regional_weight(self, exclude: Group) -> float:
        return max(self._admin1_weights(exclude).values(), default=0.0)

    def in_focus(self, place: int, exclude: Group) -> bool:
        admin1 = int(self.gazetteer.admin1[place])
        return admin1 >= 0 and self._admin1_weights(exclude).get(admin1, 0.0) >= 1.0

    def region(self, exclude: Group | None, least: float = 2.0) -> int | None:
        """The division a regional article is about, when one clearly leads (with at least
        `least` weight)."""
        ranked = sorted(self._admin1_weights(exclude).items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < least:
            return None
        if len(ranked) > 1 and ranked[1][1] > ranked[0][1] * 0.6:
            return None
        return self.gazetteer.admin1_place.get(self.gazetteer.admin1_codes[ranked[0][0]])

    def nearest_km(self, place: int, exclude: Group) -> float | None:
        gazetteer = self.gazetteer
        points = [
            p
            for g, p, probability in self.chosen
            if g is not exclude and probability >= 0.5 and gazetteer.feature[p] in POINTS
        ]
        if not points:
            return None
        lat = math.radians(float(gazetteer.lat[place]))
        lon = math.radians(float(gazetteer.lon[place]))
        km = haversine(
            lat, lon, np.radians(gazetteer.lat[points]), np.radians(gazetteer.lon[points])
        )
        return float(np.min(km))

    def place(self) -> tuple[int, GeoPrecision, str] | None:
        """The article's main place: its most named town in the country it names most (in the
        division the article is about, when it names a town there), else its region, else its
        country."""
        gazetteer = self.gazetteer
        named: dict[int, int] = {}
        for g, p, _ in self.chosen:
            country = int(gazetteer.country[p])
            if gazetteer.countries[country]:  # a sea or a continent lies in no country
                named[country] = named.get(country, 0) + len(g.mentions)
        # the main town lies in the country the article names most: a lone namesake abroad,
        # however often named, is no main place
        main_country = max(named, key=lambda c: named[c]) if named else None
        towns = {
            p: len(g.mentions) + probability
            for g, p, probability in self.chosen
            if gazetteer.feature[p] == SETTLEMENT and gazetteer.country[p] == main_country
        }
        region = self.region(exclude=None)
        if region is not None:
            # and in the division a regional article is about, when the article names a town there
            inside = {
                p: w for p, w in towns.items() if gazetteer.admin1[p] == gazetteer.admin1[region]
            }
            towns = inside or towns
        if towns:
            town = max(towns, key=lambda p: (towns[p], float(gazetteer.prior[p])))
            return town, 2, f"{gazetteer.name(town)}, the article's main place"
        if region is not None:
            return region, 3, f"{gazetteer.name(region)}, the article's region"
        countries = [p for _, p, _ in self.chosen if gazetteer.feature[p] == COUNTRY]
        if countries:
            country = max(set(countries), key=countries.count)
            return country, 3, f"{gazetteer.name(country)}, the article's country"
        return None


# ─── helpers ───


def within(gazetteer: Gazetteer, places: np.ndarray, parent: int) -> np.ndarray:
    """Which places lie inside the parent place (its country, division, or 40 km of its town)."""
    feature = gazetteer.feature[parent]
    if feature == COUNTRY:
        return np.asarray(gazetteer.country[places] == gazetteer.country[parent])
    if feature == ADMIN1:
        return np.asarray(gazetteer.admin1[places] == gazetteer.admin1[parent])
    if feature == FEATURE_CODE["admin2"]:
        return np.asarray(gazetteer.admin2[places] == gazetteer.admin2[parent])
    km = haversine(
        np.radians(gazetteer.lat[places]),
        np.radians(gazetteer.lon[places]),
        math.radians(float(gazetteer.lat[parent])),
        math.radians(float(gazetteer.lon[parent])),
    )
    return np.asarray(km < 40.0)


def chosen_place(group: Group) -> int:
    """The place index a group currently reads as."""
    return int(group.candidates[int(np.argmax(group.scores))])


def softmax(scores: np.ndarray) -> np.ndarray:
    """Probabilities from log10-unit scores."""
    shifted = np.power(10.0, scores - scores.max())
    return np.asarray(shifted / shifted.sum())


def bearing(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """The initial compass bearing from point 1 to point 2 (radians in), degrees from north."""
    y = np.sin(lon2 - lon1) * np.cos(lat2)
    x = np.cos(lat1) * np.sin(lat2) - np.sin(lat1) * np.cos(lat2) * np.cos(lon2 - lon1)
    return np.degrees(np.arctan2(y, x)) % 360


def haversine(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """Great-circle km between points in radians (floats or numpy arrays, broadcast)."""
    half_lat = (lat2 - lat1) / 2
    half_lon = (lon2 - lon1) / 2
    a = np.sin(half_lat) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(half_lon) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
