"""The analyst's workbench endpoints: one search over places, actors, outlets and article text
(`GET /search`), and events and fatalities over time by type or side (`GET /stats/timeseries`).

Both read the store through `queries`; the place search reads the gazetteer for other spellings,
as `GET /places?search=` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from fogwatch.api import views
from fogwatch.api.params import (
    SAFE_TEXT,
    ActorName,
    MinCredibility,
    Side,
    Since,
    SubTypes,
    Until,
    Words,
)
from fogwatch.export import jsonl
from fogwatch.export.acled import admin_names
from fogwatch.store import queries

router = APIRouter()

Modality = Literal["asserted", "negated", "hypothetical", "future", "historical"]
SEARCH_LIMIT = 10
"""Results per group of `/search`: a jump list, not a listing."""
UNATTRIBUTED = "unattributed"


@router.get("/search", tags=["search"])
def search(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            pattern=SAFE_TEXT,
            description="A place (any spelling the gazetteer knows), actor, outlet or words.",
        ),
    ],
) -> Response:
    """What `q` names, grouped: `places` (by any spelling), `actors`, `sources` (outlets), and
    `text` (how many articles, events and claims contain the words). Each result carries the
    `href` of the page it opens: a dossier, the map filtered by actor, the claims board filtered
    by source, the map and feed filtered by the words."""
    from fogwatch.geo import gazetteer  # loaded only for a search

    words = q.strip()
    if not words:
        raise HTTPException(
            422, [{"loc": ["query", "q"], "msg": "q is blank", "type": "value_error"}]
        )
    store = request.app.state.store
    found_places = store.places(
        search=words, limit=SEARCH_LIMIT, place_ids=gazetteer.search_ids(words)
    )
    with store.engine.connect() as connection:
        actors = queries.search_actors(connection, words, SEARCH_LIMIT)
        sources = queries.search_sources(connection, words, SEARCH_LIMIT)
        text = queries.count_text_matches(connection, words)
    return _json(
        {
            "query": words,
            "places": [
                _fields(row, "id", "name", "feature", "country", "admin1", "mentions")
                | {
                    "admin1_name": admin_names().get(row["admin1"] or ""),
                    "href": "/place.html?" + urlencode({"id": row["id"]}),
                }
                for row in found_places
            ],
            "actors": [{**row, "href": "/?" + urlencode({"actor": row["id"]})} for row in actors],
            "sources": [
                {**row, "href": "/claims.html?" + urlencode({"source": row["name"], "all": "1"})}
                for row in sources
                if row["name"]
            ],
            "text": text | {"href": "/?" + urlencode({"q": words})},
        }
    )


@router.get("/stats/timeseries", tags=["stats"])
def timeseries(
    request: Request,
    by: Annotated[
        Literal["type", "side", "place"],
        Query(
            description="type: ACLED event type; side: the side of the acting actor; "
            "place: the event's place (a region's settlements, in its dossier)."
        ),
    ] = "type",
    interval: Annotated[
        Literal["day", "week", "month"], Query(description="The length of one period.")
    ] = "week",
    since: Since = None,
    until: Until = None,
    sub_type: SubTypes = None,
    actor: ActorName = None,
    side: Side = None,
    within: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=SAFE_TEXT,
            description="Place id or name: its events and, for a region, its places' events.",
        ),
    ] = None,
    modality: Modality | None = None,
    min_credibility: MinCredibility = None,
    search: Words = None,
) -> Response:
    """Atomic events (as the map shows them) and their fatalities per period, one series per
    event type, side or place; the filters are those of `GET /events` (`within` also takes a
    place name). The side filter keeps events in which either side acted, as the map's does."""
    if since and until and since > until:
        raise HTTPException(
            422,
            [{"loc": ["query", "since"], "msg": "since is after until", "type": "value_error"}],
        )
    store = request.app.state.store
    kinds = views.kinds(sub_type)
    with store.engine.connect() as connection:
        found = queries.find_place(connection, within) if within else None
        if within and found is None:
            raise HTTPException(404, f"no place {within!r} in the store")
        where = queries.EventFilter(
            since=since,
            until=until,
            modality=modality,
            actor=actor,
            max_credibility=min_credibility,
            search=search.strip() if search and search.strip() else None,
            within=found["id"] if found else None,
        )
        reports = queries.list_events(connection, where=where, text=False)
    counted = []
    for _atomic_id, members in views.atomic_groups(reports):
        lead = views.lead(members)
        sides = {m.get(key) for m in members for key in ("side1", "side2")} - {None}
        if not views.of_kind(lead, kinds) or (side and side.upper() not in sides):
            continue
        counted.append((lead, max(m["fatalities_best"] or 0 for m in members), lead.get("side1")))
    return _json(_series(counted, by, interval))


def _series(
    counted: Sequence[tuple[Mapping[str, Any], int, str | None]], by: str, interval: str
) -> dict[str, Any]:
    """Per-period counts and fatalities for each key, every period from the first to the last."""
    dated = [(lead, deaths, side) for lead, deaths, side in counted if lead["date"]]
    starts = sorted({_period(lead["date"], interval) for lead, _, _ in dated})
    periods = _periods(starts[0], starts[-1], interval) if starts else []
    index = {period: position for position, period in enumerate(periods)}
    series: dict[str, dict[str, list[int]]] = {}
    for lead, deaths, side in dated:
        key = _key(lead, side, by)
        row = series.setdefault(
            key, {"events": [0] * len(periods), "fatalities": [0] * len(periods)}
        )
        at = index[_period(lead["date"], interval)]
        row["events"][at] += 1
        row["fatalities"][at] += deaths
    return {
        "by": by,
        "interval": interval,
        "periods": [period.isoformat() for period in periods],
        "series": [{"key": key, **series[key]} for key in sorted(series)],
        "totals": {
            "events": len(dated),
            "fatalities": sum(deaths for _, deaths, _ in dated),
            "undated": len(counted) - len(dated),
        },
    }


def _key(lead: Mapping[str, Any], side: str | None, by: str) -> str:
    if by == "type":
        return str(lead["event_type"])
    if by == "place":
        return str(lead["location"] or lead["place_id"] or "no place")
    return side or UNATTRIBUTED


def _period(day: dt.date, interval: str) -> dt.date:
    """The first day of the period `day` falls in (weeks start on Monday)."""
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def _periods(first: dt.date, last: dt.date, interval: str) -> list[dt.date]:
    found = [first]
    while found[-1] < last:
        current = found[-1]
        if interval == "month":
            following = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        else:
            following = current + dt.timedelta(days=7 if interval == "week" else 1)
        found.append(following)
    return found


def _fields(row: Mapping[str, Any], *names: str) -> dict[str, Any]:
    return {name: row.get(name) for name in names}


def _json(document: object) -> Response:
    return Response(jsonl.dumps(document), media_type="application/json")
