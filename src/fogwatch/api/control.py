"""`GET /control`: each settlement's claimed controller on a day, as GeoJSON, with its ledger.

The ledger is computed at query time (`Store.control`: the store's territorial claims and events
read by `claims.control`), so it always follows the stored claims and judgments.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from fogwatch.api import views
from fogwatch.claims import control
from fogwatch.export import jsonl

router = APIRouter(tags=["control"])


@router.get("/control")
def control_map(
    request: Request,
    date: Annotated[
        dt.date | None,
        Query(description="The day, YYYY-MM-DD: only claims published by then count."),
    ] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=120,
            pattern=r"^[0-9eE+.,\- ]*$",
            description="west,south,east,north in degrees.",
        ),
    ] = None,
    place: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=r"^[^\x00-\x1f\x7f]*$",
            description="Place name or store place id.",
        ),
    ] = None,
) -> Response:
    """One GeoJSON feature per settlement with territorial claims: `place_id`, `name`,
    `controller`, `status` (controlled, claimed or contested), `since`, the first and last claim
    dates, and `claims` — every claim and event behind it, with speaker, outlet and evidence."""
    try:
        box = views.parse_bbox(bbox) if bbox else None
    except ValueError as error:
        raise HTTPException(
            422, [{"loc": ["query", "bbox"], "msg": str(error), "type": "value_error"}]
        ) from None
    settlements = request.app.state.store.control(place=place, on=date, bbox=box)
    collection = control.feature_collection(settlements)
    return Response(
        jsonl.dumps(collection),
        media_type="application/geo+json",
        headers={"x-total-count": str(len(collection["features"]))},
    )
