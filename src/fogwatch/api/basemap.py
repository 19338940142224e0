"""`GET /basemap/admin1` and `GET /basemap/cities`: an offline basemap a reader can orient on.

Admin-1 boundaries (oblasts, states, provinces) are Natural Earth's, vendored and simplified by
`scripts/vendor_basemap.py` into `static/vendor/natural-earth-admin1/`; the route sends only the
divisions that meet the map's view, so the page loads a few hundred kilobytes, not the world.
City labels are the gazetteer's populated places above a population, one per city: a place
within the reach of a larger one (`CITY_REACH_KM`, more for a larger city) is a district or suburb of it and is not labelled.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Query
from fastapi.responses import Response

from fogwatch.api.params import Bbox, bounding_box
from fogwatch.api.views import BBox

router = APIRouter(prefix="/basemap", tags=["basemap"])

ADMIN1_FILE = "vendor/natural-earth-admin1/admin1.geojson.gz"
"""Under the API's static folder."""
CITY_MIN_POPULATION = 20_000
"""The smallest town the label layer can show; the page asks for more as the reader zooms in."""
CITY_REACH_KM = 8.0
"""How far from a city of 100,000 a larger place's "populated place" entries are its districts or
suburbs; the reach grows with the square root of the population (a city's area grows with it):
30 km for Kharkiv, 10 km for Kramatorsk (Sloviansk, 12 km away, stays), at most `CITY_REACH_MAX_KM`."""
CITY_REACH_MAX_KM = 40.0
"""Past this, a megacity would hide its distinct neighbours (Suzhou beside Shanghai)."""
WORLD: BBox = (-180.0, -90.0, 180.0, 90.0)
GEOJSON = "application/geo+json"


@router.get("/admin1")
def admin1(bbox: Bbox = None) -> Response:
    """Admin-1 divisions (Natural Earth, public domain) meeting `bbox`, as GeoJSON with `id`,
    `name`, `iso_3166_2` and `country`; every division of the world without a bbox."""
    view = bounding_box(bbox) or WORLD
    features = [
        feature for boxes, feature in _divisions() if any(_meets(box, view) for box in boxes)
    ]
    return _feature_collection(features)


@router.get("/cities")
def cities(
    bbox: Bbox = None,
    min_population: Annotated[
        int, Query(ge=CITY_MIN_POPULATION, le=100_000_000, description="Smallest city shown.")
    ] = 100_000,
    limit: Annotated[int, Query(ge=1, le=1000, description="Most populous first.")] = 300,
) -> Response:
    """Major cities from the gazetteer in `bbox`, most populous first, as GeoJSON points with
    `name`, `country`, `population` and `capital` (a national capital)."""
    view = bounding_box(bbox) or WORLD
    shown = []
    for city in _cities():
        if city["population"] < min_population:
            break  # most populous first: the rest are smaller
        if _meets((city["lon"], city["lat"], city["lon"], city["lat"]), view):
            shown.append(city)
            if len(shown) == limit:
                break
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [city["lon"], city["lat"]]},
            "properties": {key: city[key] for key in ("name", "country", "population", "capital")},
        }
        for city in shown
    ]
    return _feature_collection(features)


def _meets(box: BBox, view: BBox) -> bool:
    """Whether two west,south,east,north boxes overlap (a view across the antimeridian: either)."""
    west, south, east, north = view
    if south > box[3] or north < box[1]:
        return False
    if west > east:  # the view crosses the antimeridian
        return box[2] >= west or box[0] <= east
    return box[0] <= east and box[2] >= west


@functools.cache
def _divisions() -> list[tuple[list[BBox], dict[str, Any]]]:
    """Each vendored division with its polygons' bounding boxes (one box for all would span the
    world for a division across the antimeridian), read once per process."""
    from fogwatch.api.app import STATIC

    collection = json.loads(gzip.decompress((STATIC / ADMIN1_FILE).read_bytes()))
    found = []
    for feature in collection["features"]:
        boxes = []
        for polygon in feature["geometry"]["coordinates"]:
            lons = [point[0] for point in polygon[0]]
            lats = [point[1] for point in polygon[0]]
            boxes.append((min(lons), min(lats), max(lons), max(lats)))
        found.append((boxes, feature))
    return found


@functools.cache
def _cities() -> list[dict[str, Any]]:
    """The labelled cities, most populous first, chosen once per process."""
    from fogwatch.geo import gazetteer  # loaded only when the map asks for labels

    places = gazetteer.load()
    populated = places.feature == gazetteer.FEATURES.index("populated place")
    large = np.nonzero(populated & (places.population >= CITY_MIN_POPULATION))[0]
    ordered = sorted(large.tolist(), key=lambda i: (-int(places.population[i]), i))
    kept: list[dict[str, Any]] = []
    grid: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
    for index in ordered:
        lat, lon = float(places.lat[index]), float(places.lon[index])
        row, column = _cell(lat, lon)
        near = (
            city
            for r in range(row - 2, row + 3)
            for c in range(column - 2, column + 3)
            for city in grid.get((r, c), ())
        )
        if any(_km(lat, lon, other_lat, other_lon) < reach for other_lat, other_lon, reach in near):
            continue
        reach = CITY_REACH_KM * math.sqrt(int(places.population[index]) / 100_000)
        reach = min(reach, CITY_REACH_MAX_KM)
        grid.setdefault((row, column), []).append((lat, lon, reach))
        kept.append(
            {
                "name": places.name(index),
                "country": places.countries[int(places.country[index])],
                "population": int(places.population[index]),
                "capital": bool(places.capital[index]),
                "lat": round(lat, 4),
                "lon": round(lon, 4),
            }
        )
    return kept


def _cell(lat: float, lon: float) -> tuple[int, int]:
    """A grid cell of 0.5° (over 20 km up to 65° latitude): the longest reach spans two."""
    return math.floor(lat / 0.5), math.floor(lon / 0.5)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough within tens of kilometres."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _feature_collection(features: list[dict]) -> Response:
    """GeoJSON features as one compact FeatureCollection, with their count in a header."""
    return Response(
        json.dumps(
            {"type": "FeatureCollection", "features": features},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        media_type=GEOJSON,
        headers={"x-total-count": str(len(features))},
    )
