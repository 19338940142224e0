"""The HTTP API and the web UI: read-only views of a store, one token-guarded write.

`create_app()` builds the whole app (tests build it directly; `fogwatch serve` runs it with
uvicorn). Every route is a short function over `Store`; the shaping of rows is in `views.py`,
the guards (security headers, bearer token) in `guards.py`; FastAPI limits body sizes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import threading
from collections.abc import Callable, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp

import fogwatch
from fogwatch import config, ingestion
from fogwatch.api import basemap, cache, control, live, views, workbench
from fogwatch.api.guards import SecurityHeaders, token_matches
from fogwatch.api.params import (
    SAFE_TEXT,
    ActorName,
    Bbox,
    MinCredibility,
    Offset,
    PlaceName,
    Side,
    Since,
    SubTypes,
    Until,
    Words,
    bounding_box,
)
from fogwatch.errors import StoreError
from fogwatch.export import acled, jsonl
from fogwatch.store import Store, queries

STATIC = Path(str(files("fogwatch.api").joinpath("static")))
MAX_BODY_OVERHEAD = 64 * 1024
"""JSON quoting and metadata on top of the article text limit, for the request body limit."""

Modality = Literal["asserted", "negated", "hypothetical", "future", "historical"]
EventFormat = Literal["json", "geojson", "csv", "acled"]
TableFormat = Literal["json", "csv"]
ArticleId = Annotated[
    str,
    PathParam(
        pattern=r"^[A-Za-z0-9_-]{4,64}$", description="Article id or a unique prefix (4+ chars)."
    ),
]

_FORMAT_BY_MEDIA_TYPE = {
    "application/geo+json": "geojson",
    "text/csv": "csv",
    "application/json": "json",
}
_MEDIA_TYPES = {
    "json": "application/json",
    "geojson": "application/geo+json",
    "csv": "text/csv; charset=utf-8",
    "acled": "text/csv; charset=utf-8",
}
_PAGES = {"/": "index.html", "/place.html": "place.html", "/article.html": "article.html"}
_PAGES |= {"/claims.html": "claims.html", "/docs": "docs.html"}
_CACHED: tuple[str, ...] = ("/events", "/claims", "/links", "/places", "/stats", "/control")
_CACHED += ("/articles", "/search", "/basemap", "/static/")
"""Path prefixes of GET responses that are a function of the request and the store's data."""


class ArticleIn(BaseModel):
    """One article to ingest (the fields of a JSONL input line)."""

    text: str = Field(min_length=1, description="The article body.")
    published: dt.date = Field(description="Publication date, YYYY-MM-DD.")
    source: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    id: str | None = Field(default=None, max_length=200, description="The publisher's own id.")


class _App(FastAPI):
    """FastAPI with the security headers outside everything, so error pages get them too."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def create_app(
    store_url: str | None = None,
    *,
    token: str | None = None,
    max_body: int | None = None,
    cors_origins: Sequence[str] | None = None,
    store: ingestion.Store | None = None,
) -> FastAPI:
    """The fogwatch web app over the store at `store_url` (or `FOGWATCH_DB`, or the default).

    `token` (else env `FOGWATCH_API_TOKEN`) enables `POST /articles` for bearer requests carrying
    it; without one every write is refused. `max_body` bounds request bodies (default: the article
    limit plus room for JSON). `cors_origins` (else env `FOGWATCH_CORS_ORIGINS`, comma-separated)
    lists origins allowed to call the API from other pages; none by default.
    """
    opened = store or fogwatch.open(store_url)
    write_token = token if token is not None else os.environ.get("FOGWATCH_API_TOKEN") or None
    if cors_origins is None:
        cors_origins = [
            origin.strip()
            for origin in os.environ.get("FOGWATCH_CORS_ORIGINS", "").split(",")
            if origin.strip()
        ]
    app = _App(
        title="fogwatch",
        version=fogwatch.__version__,
        summary="Conflict news as events, claims and claim links, each traced to its text span.",
        docs_url=None,  # the default pages load Swagger UI from a CDN; /docs is our own, offline
        redoc_url=None,
        max_body_size=max_body or config.max_bytes() + MAX_BODY_OVERHEAD,  # larger: 413
    )
    app.state.store = opened
    app.state.write_token = write_token
    # inside CORS: its headers follow each request's Origin, so they must not be cached
    app.add_middleware(cache.ResponseCache, store=opened, paths=_CACHED)
    # the rest (pages, exports too large to keep) at gzip's cheapest level: paid on every request
    app.add_middleware(GZipMiddleware, minimum_size=cache.GZIP_MIN_BYTES, compresslevel=1)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )

    @app.exception_handler(StoreError)
    def _store_unavailable(_request: Request, error: StoreError) -> Response:
        return _json({"detail": str(error)}, status=503)

    _add_pages(app)
    _add_reads(app, opened)
    app.include_router(control.router)
    app.include_router(live.router)
    app.include_router(basemap.router)
    app.include_router(workbench.router)
    _add_writes(app, opened)
    return app


def _add_pages(app: FastAPI) -> None:
    for route, name in _PAGES.items():
        app.add_api_route(route, _page(name), methods=["GET", "HEAD"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _page(name: str) -> Callable[[], FileResponse]:
    """A route serving one fixed HTML file (it takes no parameters: nothing picks the file)."""

    def page() -> FileResponse:
        return FileResponse(STATIC / name, headers={"cache-control": "no-cache"})

    return page


def _add_reads(app: FastAPI, store: Store) -> None:
    @app.get("/articles", tags=["articles"])
    def list_articles(
        search: Annotated[
            str | None, Query(max_length=500, pattern=SAFE_TEXT, description="Full-text query.")
        ] = None,
        since: Since = None,
        until: Until = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Offset = 0,
    ) -> Response:
        """Stored articles, newest first, optionally matching a full-text search and dates."""
        rows = store.articles(search=search, since=since, until=until, limit=offset + limit + 1)
        shown = views.page(rows, limit, offset)
        more = len(rows) > offset + limit
        with store.engine.connect() as connection:
            total = queries.count_articles(connection, search=search, since=since, until=until)
        return _json(
            {
                "articles": shown,
                "total": total,
                "limit": limit,
                "offset": offset,
                "next_offset": offset + limit if more else None,
            },
            headers={"x-total-count": str(total)},
        )

    @app.get("/articles/{article_id}", tags=["articles"])
    def get_article(article_id: ArticleId) -> Response:
        """One article: its text and everything extracted from it, each with its span.

        The documented JSON shape of `fogwatch show --format json` (DESIGN.md), without the raw text.
        """
        result = store.article_result(article_id)
        if result is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return _json(jsonl.article_json(result))

    @app.get("/events", tags=["events"])
    def list_events(
        request: Request,
        since: Since = None,
        until: Until = None,
        bbox: Bbox = None,
        sub_type: SubTypes = None,
        actor: ActorName = None,
        side: Side = None,
        place: PlaceName = None,
        modality: Modality | None = None,
        min_credibility: MinCredibility = None,
        search: Words = None,
        within: Annotated[
            str | None,
            Query(
                max_length=200,
                pattern=SAFE_TEXT,
                description="Store place id: its events and, for a region, its places' events.",
            ),
        ] = None,
        group: Annotated[
            Literal["event", "atomic"],
            Query(description="event: one row per report; atomic: one per ACLED atomic event."),
        ] = "event",
        limit: Annotated[
            int | None,
            Query(ge=1, le=100_000, description="Page size; default 100 for JSON, all otherwise."),
        ] = None,
        offset: Offset = 0,
        output: Annotated[
            EventFormat | None,
            Query(alias="format", description="Overrides the Accept header."),
        ] = None,
    ) -> Response:
        """Events newest first, filtered; as JSON, GeoJSON, CSV or ACLED CSV (asserted only)."""
        wanted = output or _negotiate(request.headers.get("accept"))
        box = bounding_box(bbox)
        where = queries.EventFilter(
            place=place,
            since=since,
            until=until,
            event_type=sub_type,
            side=side,
            modality=modality,
            bbox=box,
            actor=actor,
            max_credibility=min_credibility,
            search=search.strip() or None if search else None,
            within=within,
        )
        size = limit or (100 if wanted == "json" else None)
        with store.engine.connect() as connection:
            shown, total = _event_page(connection, where, wanted, group, size, offset)
        size = size or max(total, 1)
        headers = {"x-total-count": str(total)}
        if wanted == "json":
            body = {"total": total, "limit": size, "offset": offset, "events": shown}
            return _json(body, headers=headers)
        if wanted == "geojson":
            collection = views.feature_collection(shown)
            headers["content-disposition"] = 'attachment; filename="fogwatch-events.geojson"'
            return _json(collection, media_type=_MEDIA_TYPES["geojson"], headers=headers)
        buffer = io.StringIO()
        if wanted == "acled":
            acled.write_csv(shown, buffer)
            headers["content-disposition"] = 'attachment; filename="fogwatch-acled.csv"'
        else:
            buffer.write(views.csv_text([_flat(row) for row in shown]))
            headers["content-disposition"] = 'attachment; filename="fogwatch-events.csv"'
        return Response(buffer.getvalue(), media_type=_MEDIA_TYPES["csv"], headers=headers)

    @app.get("/claims", tags=["claims"])
    def list_claims(
        contested: Annotated[bool, Query(description="Only contested or refuted claims.")] = False,
        status: Literal["claimed", "confirmed", "contested", "refuted"] | None = None,
        place: PlaceName = None,
        source: Annotated[
            str | None,
            Query(max_length=200, pattern=SAFE_TEXT, description="Who says it (part of a name)."),
        ] = None,
        side: Side = None,
        article: Annotated[
            str | None, Query(pattern=r"^[A-Za-z0-9_-]{4,64}$", description="Full article id.")
        ] = None,
        since: Since = None,
        until: Until = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
        offset: Offset = 0,
        output: Annotated[TableFormat, Query(alias="format")] = "json",
    ) -> Response:
        """Claims (who says what, with which verb), with status and Admiralty rating, newest first."""
        where: dict[str, Any] = {
            "contested": contested,
            "status": status,
            "place": place,
            "source": source,
            "side": side,
            "since": since,
            "until": until,
            "article_id": article,
        }
        # one more than shown tells whether there is a next page
        rows = store.claims(**where, limit=limit + 1, offset=offset)
        shown = list(rows[:limit])
        with store.engine.connect() as connection:
            total = queries.count_claims(connection, **where)
        headers = {"x-total-count": str(total)}
        if output == "csv":
            return Response(views.csv_text(shown), media_type=_MEDIA_TYPES["csv"], headers=headers)
        more = len(rows) > limit
        body = {"limit": limit, "offset": offset, "next_offset": offset + limit if more else None}
        return _json({**body, "total": total, "claims": shown}, headers=headers)

    @app.get("/links", tags=["claims"])
    def list_links(
        claim_id: Annotated[
            str | None, Query(max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="Either end.")
        ] = None,
        relation: Literal["confirms", "contradicts", "repeats"] | None = None,
        output: Annotated[TableFormat, Query(alias="format")] = "json",
    ) -> Response:
        """Links between claims of different sources: confirms, contradicts, repeats."""
        rows = store.links(claim_id=claim_id, relation=relation)
        headers = {"x-total-count": str(len(rows))}  # every link: the list is not paged
        if output == "csv":
            return Response(views.csv_text(rows), media_type=_MEDIA_TYPES["csv"], headers=headers)
        return _json({"links": list(rows)}, headers=headers)

    @app.get("/places", tags=["places"])
    def list_places(
        search: Annotated[
            str | None,
            Query(max_length=200, pattern=SAFE_TEXT, description="Part of the place name."),
        ] = None,
        country: Annotated[
            str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO country code.")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    ) -> Response:
        """Places mentioned in stored articles, most mentioned first; the search finds a place
        under any spelling the gazetteer knows ("Severodonetsk", "Сєвєродонецьк")."""
        from fogwatch.geo import gazetteer  # loaded only for a search

        place_ids = gazetteer.search_ids(search) if search else []
        rows = store.places(search=search, country=country, limit=limit, place_ids=place_ids)
        return _json({"places": rows})

    @app.get("/places/{place_id:path}", tags=["places"])
    def get_place(
        place_id: Annotated[
            str,
            PathParam(
                max_length=200,
                pattern=r"^[^\x00-\x1f\x7f]+$",
                description="Store place id (gn:704422) or a place name.",
            ),
        ],
        limit: Annotated[
            int, Query(ge=1, le=10_000, description="Newest events and claims to include.")
        ] = 1000,
    ) -> Response:
        """A place's dossier: its events, the claims about it by side, and contradiction pairs."""
        dossier = store.dossier(place_id, limit=limit)
        if dossier is None:
            raise HTTPException(404, f"no place {place_id!r} in the store")
        dossier["events"] = [views.event_json(row) for row in dossier["events"]]
        return _json(dossier)

    @app.get("/stats", tags=["stats"])
    def stats() -> Response:
        """Counts: articles, events by type and modality, atomic events, places, claims, links."""
        with store.engine.connect() as connection:
            return _json(queries.counts(connection))


_BEARER = HTTPBearer(auto_error=False, description="The token in FOGWATCH_API_TOKEN.")


def _authorised(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
) -> None:
    """Writes need the configured bearer token: 401 without one, 403 with a wrong one or none set."""
    token = request.app.state.write_token
    if token is None:
        raise HTTPException(
            403, "writes are disabled — start the server with FOGWATCH_API_TOKEN set"
        )
    given = f"Bearer {credentials.credentials}" if credentials else None
    verdict = token_matches(token, given)
    if verdict is None:
        raise HTTPException(
            401, "a bearer token is required", headers={"www-authenticate": "Bearer"}
        )
    if not verdict:
        raise HTTPException(403, "wrong token")


def _add_writes(app: FastAPI, store: Store) -> None:
    one_at_a_time = threading.Lock()  # the pipeline's models are shared; ingest one request at once

    @app.post(
        "/articles",
        tags=["articles"],
        status_code=201,
        dependencies=[Depends(_authorised)],
        responses={
            401: {"description": "No token"},
            403: {"description": "Wrong token, or writes disabled"},
        },
    )
    def add_article(article: ArticleIn) -> Response:
        """Ingest one article (runs the whole pipeline); re-posting the same text is a no-op."""
        line = article.model_dump_json(exclude_none=True).encode()
        with one_at_a_time:
            summary = ingestion.ingest(store, ["-"], stdin=io.BytesIO(line))
        if summary.failed:
            raise HTTPException(422, [str(error) for error in summary.errors])
        return _json({**summary.as_dict(), "ids": summary.stored_ids}, status=201)


def _event_page(
    connection: Connection,
    where: queries.EventFilter,
    wanted: str,
    group: str,
    size: int | None,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of `/events` rows and the total, paged by the database where it can be.

    Atomic events are grouped from every matching report (without article text, so this stays
    cheap); only the rows shown fetch their article text, for the notes.
    """
    if group == "atomic":
        # an atomic event is of its highest sub-type: filter by type after grouping, as the map does
        kinds = views.kinds(where.event_type)
        where = dataclasses.replace(where, event_type=None)
        reports = queries.list_events(connection, where=where, text=False)
        if wanted == "acled":
            # ACLED codes every event at a point: as the map and the GeoJSON, located events only
            leads = [
                row
                for row in views.atomic_acled_rows(reports)
                if row["modality"] == "asserted"
                and row["lat"] is not None
                and row["lon"] is not None
                and views.of_kind(row, kinds)
            ]
            shown = _window(leads, size, offset)
            queries.with_article_text(connection, shown)
            return shown, len(leads)
        groups = [
            (atomic_id, members)
            for atomic_id, members in views.atomic_groups(reports)
            if views.of_kind(views.lead(members), kinds)
        ]
        page = _window(groups, size, offset)
        queries.with_article_text(connection, (row for _, members in page for row in members))
        return [views.atomic_event(atomic_id, members) for atomic_id, members in page], len(groups)
    if wanted == "acled":  # ACLED's file holds asserted events only
        if where.modality not in (None, "asserted"):
            return [], 0
        where = dataclasses.replace(where, modality="asserted")
    total = queries.count_events(connection, where)
    rows = queries.list_events(connection, where=where, limit=size, offset=offset, text=False)
    queries.with_article_text(connection, rows)
    if wanted == "acled":
        return list(rows), total
    return [views.event_json(row) for row in rows], total


def _window(rows: Sequence[Any], size: int | None, offset: int) -> list[Any]:
    return views.page(rows, size, offset) if size else list(rows[offset:])


def _negotiate(accept: str | None) -> str:
    """The format for an Accept header: the first media type we serve, else JSON."""
    for part in (accept or "").split(","):
        media_type = part.split(";")[0].strip().lower()
        if media_type in _FORMAT_BY_MEDIA_TYPE:
            return _FORMAT_BY_MEDIA_TYPE[media_type]
    return "json"


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key != "reports"}


def _json(
    document: object,
    status: int = 200,
    media_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> Response:
    return Response(
        jsonl.dumps(document), status_code=status, media_type=media_type, headers=headers
    )
