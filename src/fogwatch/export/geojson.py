"""GeoJSON FeatureCollection of events, readable by QGIS and GeoPandas (WGS 84 points)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

_PROPERTIES = (
    "id", "article_id", "date", "time_precision", "disorder_type", "event_type", "sub_type",
    "actor1_id", "actor1", "side1", "actor2_id", "actor2", "side2", "interaction", "location",
    "country", "admin1", "geo_precision", "fatalities_best", "civilian_targeting", "modality",
    "atomic_event_id", "source", "url",
)  # fmt: skip


def feature_collection(events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Events with coordinates as point features; events without a place are left out."""
    features = []
    for event in events:
        if event.get("lat") is None or event.get("lon") is None:
            continue
        properties = {key: _plain(event.get(key)) for key in _PROPERTIES}
        features.append(
            {
                "type": "Feature",
                "id": event["id"],
                "geometry": {"type": "Point", "coordinates": [event["lon"], event["lat"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value
