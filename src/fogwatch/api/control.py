"""`GET /control`: each settlement's claimed controller on a day, as GeoJSON, with its ledger.

The ledger is computed at query time (`Store.control`: the store's territorial claims and events
read by `claims.control`), so it always follows the stored claims and judgments.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from fogwatch.api.params import Bbox, PlaceName, bounding_box
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
    bbox: Bbox = None,
    place: PlaceName = None,
) -> Response:
    """One GeoJSON feature per settlement with territorial claims: `place_id`, `name`,
    `controller`, `status` (controlled, claimed or contested), `since`, the first and last claim
    dates, and `claims` — every claim and event behind it, with speaker, outlet and evidence."""
    settlements = request.app.state.store.control(place=place, on=date, bbox=bounding_box(bbox))
    collection = control.feature_collection(settlements)
    return Response(
        jsonl.dumps(collection),
        media_type="application/geo+json",
        headers={"x-total-count": str(len(collection["features"]))},
    )
