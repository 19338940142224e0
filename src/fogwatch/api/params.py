"""The query parameters the API's routes share, with their bounds, and the 422 they give."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import HTTPException, Query

from fogwatch.api import views

# Free text in filters: bounded, and no control characters (NUL is not storable in PostgreSQL).
SAFE_TEXT = r"^[^\x00-\x1f\x7f]*$"
Since = Annotated[dt.date | None, Query(description="Inclusive lower date bound, YYYY-MM-DD.")]
Until = Annotated[dt.date | None, Query(description="Inclusive upper date bound, YYYY-MM-DD.")]
Side = Annotated[
    str | None,
    Query(pattern=r"^[A-Za-z0-9_.-]{1,16}$", description="Either actor's side, e.g. RUS or UKR."),
]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Bbox = Annotated[
    str | None,
    Query(
        max_length=120,
        pattern=r"^[0-9eE+.,\- ]*$",
        description="west,south,east,north in degrees.",
    ),
]
PlaceName = Annotated[
    str | None,
    Query(max_length=200, pattern=SAFE_TEXT, description="Place name or store place id."),
]

SubTypes = Annotated[
    str | None,
    Query(
        max_length=200,
        pattern=SAFE_TEXT,
        description="ACLED event or sub-event types, comma-separated.",
    ),
]
ActorName = Annotated[
    str | None,
    Query(max_length=200, pattern=SAFE_TEXT, description="Actor id or part of a name."),
]
MinCredibility = Annotated[
    int | None,
    Query(
        ge=1,
        le=6,
        description="Only events carried by a claim rated this credible or better "
        "(Admiralty scale: 1 confirmed … 6 cannot be judged).",
    ),
]
Words = Annotated[
    str | None,
    Query(max_length=500, pattern=SAFE_TEXT, description="Words in the event's article."),
]


def invalid(name: str, message: str) -> HTTPException:
    """A 422 shaped like FastAPI's own validation errors."""
    return HTTPException(422, [{"loc": ["query", name], "msg": message, "type": "value_error"}])


def bounding_box(bbox: str | None) -> tuple[float, float, float, float] | None:
    """The `bbox` parameter read (`views.parse_bbox`), or a 422 saying what is wrong with it."""
    try:
        return views.parse_bbox(bbox) if bbox else None
    except ValueError as error:
        raise invalid("bbox", str(error)) from None
