"""The API's views of store rows: filters the store does not do, atomic grouping, CSV and GeoJSON.

Pure functions of rows (no I/O), so the HTTP layer in `app.py` stays a list of routes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fogwatch.events import taxonomy
from fogwatch.export.acled import admin_names, evidence_sentence

BBox = tuple[float, float, float, float]
"""west, south, east, north in degrees (WGS 84), as in GeoJSON."""


def parse_bbox(text: str) -> BBox:
    """`west,south,east,north` in degrees; `ValueError` saying what is wrong otherwise."""
    parts = text.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ValueError("bbox needs four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValueError("bbox longitudes must be within -180..180")
    if not (-90 <= south <= north <= 90):
        raise ValueError("bbox latitudes must be within -90..90, south <= north")
    return west, south, east, north


def event_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """An event row without the article text, plus `notes`: the sentence its evidence starts in."""
    shown = {key: value for key, value in row.items() if key != "article_text"}
    evidence = row.get("evidence") or []
    text = row.get("article_text")
    shown["notes"] = evidence_sentence(text, evidence[0][0]) if text and evidence else ""
    return shown


def atomic_events(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per ACLED atomic event that `rows` (event rows) belong to, newest first.

    The atomic event is coded as its highest sub-type (ACLED's rule for one place and day); its
    fatalities are the largest best estimate among its reports, since reports of one event overlap.
    """
    return [atomic_event(atomic_id, members) for atomic_id, members in atomic_groups(rows)]


def atomic_groups(
    rows: Iterable[Mapping[str, Any]],
) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """The event rows of each atomic event, newest atomic event first (as `atomic_events`).

    Cheap without the article text: page these, then give only the page's rows their text.
    """
    groups = list(_groups(rows).items())
    groups.sort(
        key=lambda group: (_lead(group[1])[1]["date"] or dt.date.min, group[0]), reverse=True
    )
    return groups


def atomic_acled_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Event rows standing for whole atomic events, for `export.acled.write_csv`: one per event."""
    shown = []
    for atomic_id, members in _groups(rows).items():
        _, lead = _lead(members)
        shown.append(
            {
                **lead,
                "id": atomic_id,
                "fatalities_best": max(m["fatalities_best"] for m in members),
                "source": "; ".join(sorted({m.get("source") or "" for m in members} - {""})),
                "ingested_at": max(
                    (m.get("ingested_at") for m in members), default=None, key=_when
                ),
            }
        )
    shown.sort(key=lambda item: (item["date"] or dt.date.min, item["id"]), reverse=True)
    return shown


def _when(stored: object) -> float:
    if not isinstance(stored, dt.datetime):
        return float("-inf")
    return stored.replace(tzinfo=stored.tzinfo or dt.UTC).timestamp()


def _groups(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        if row.get("atomic_event_id"):
            groups.setdefault(row["atomic_event_id"], []).append(row)
    return groups


def kinds(event_type: str | None) -> frozenset[str]:
    """The event or sub-event types of a filter ("Battles,Protests"), case-folded; empty: any."""
    return frozenset(k.strip().casefold() for k in (event_type or "").split(",") if k.strip())


def of_kind(row: Mapping[str, Any], wanted: frozenset[str]) -> bool:
    """Whether an event row is of one of the `wanted` event or sub-event types (any if none)."""
    return not wanted or bool(
        {str(row["event_type"]).casefold(), str(row["sub_type"]).casefold()} & wanted
    )


def lead(members: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The report an atomic event is coded as: the first of its highest sub-type."""
    return _lead(members)[1]


def _lead(members: Sequence[Mapping[str, Any]]) -> tuple[str, Mapping[str, Any]]:
    """The atomic event's sub-type and the first report coded with it."""
    try:
        sub_type = taxonomy.highest(m["sub_type"] for m in members)
    except ValueError:  # a CASE-only label: no ACLED rank to choose by
        sub_type = members[0]["sub_type"]
    return sub_type, next(m for m in members if m["sub_type"] == sub_type)


def atomic_event(atomic_id: str, members: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One atomic event from its event rows (the row `atomic_events` shows for it)."""
    sub_type, lead = _lead(members)
    sides = {m.get(key) for m in members for key in ("side1", "side2")} - {None}
    actors = {m.get(key) for m in members for key in ("actor1", "actor2")} - {None}
    return {
        "id": atomic_id,
        "date": lead["date"],
        "disorder_type": lead["disorder_type"],
        "event_type": lead["event_type"],
        "sub_type": sub_type,
        "place_id": lead["place_id"],
        "location": lead["location"],
        "country": lead["country"],
        "admin1": lead["admin1"],
        "admin1_name": admin_names().get(lead["admin1"] or ""),
        "lat": lead["lat"],
        "lon": lead["lon"],
        "geo_precision": min((m["geo_precision"] or 3) for m in members),
        "fatalities_best": max(m["fatalities_best"] for m in members),
        "fatalities_high": max(m["fatalities_high"] for m in members),
        "civilian_targeting": any(m["civilian_targeting"] for m in members),
        "modality": lead["modality"],
        "actors": sorted(actors),
        "sides": sorted(sides),
        "sources": sorted({m.get("source") or "unknown source" for m in members}),
        "reports": [
            {
                "event_id": m["id"],
                "article_id": m["article_id"],
                "source": m.get("source"),
                "published": m.get("published"),
                "sub_type": m["sub_type"],
                "actor1": m.get("actor1"),
                "actor2": m.get("actor2"),
                "fatalities_best": m["fatalities_best"],
                "claim_id": m.get("claim_id"),
                "notes": event_json(m)["notes"],
            }
            for m in sorted(members, key=lambda m: (m["article_id"], m["id"]))
        ],
    }


def feature_collection(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Rows with a point as GeoJSON features; every other field becomes a property."""
    features = []
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        properties = {k: _plain(v) for k, v in row.items() if k not in ("lat", "lon")}
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def csv_text(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    """Rows as CSV with a header; lists and objects are written as JSON text."""
    buffer = io.StringIO()
    names = list(columns or (rows[0].keys() if rows else ["id"]))
    writer = csv.DictWriter(buffer, fieldnames=names, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(row.get(key)) for key in names})
    return buffer.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_iso)
    return _plain(value)


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def page(rows: Sequence[Any], limit: int, offset: int) -> list[Any]:
    """One page of `rows`."""
    return list(rows[offset : offset + limit])
