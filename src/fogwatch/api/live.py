"""`GET /live`: new events and new contradictions pushed to the browser as Server-Sent Events.

Each message's `id:` is the store's change number (`store.changes`), so a client that loses
the connection reconnects with `Last-Event-ID` and gets exactly what it missed, whichever
process stored it. A stream ends after `STREAM_SECONDS`; EventSource reconnects by itself.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse

from fogwatch.export import jsonl
from fogwatch.store import Store, changes

router = APIRouter(tags=["live"])

POLL_SECONDS = 0.5
"""How often the stream looks for new changes in the store."""
KEEP_ALIVE_SECONDS = 15.0
"""A comment line this often keeps proxies from closing a quiet stream."""
STREAM_SECONDS = 300.0
"""A stream's length: the client reconnects and resumes, so no connection lives forever."""
RETRY_MS = 2000
"""How long EventSource waits before reconnecting."""


# Not in the OpenAPI schema: a stream that stays open is no operation a schema-driven client
# (or fuzzer) can call and wait for; the README documents it.
@router.get("/live", response_class=StreamingResponse, include_in_schema=False)
async def live(
    request: Request,
    last_event_id: Annotated[
        str | None,
        Header(alias="Last-Event-ID", pattern=r"^[0-9]{1,18}$", description="Resume after this."),
    ] = None,
    after: Annotated[
        int | None,
        Query(ge=0, le=10**18, description="Changes after this number (default: only new ones)."),
    ] = None,
) -> StreamingResponse:
    """Server-Sent Events: `event: event` for each new event, `event: contradiction` for each
    new contradiction between claims; `id:` the change number to resume from."""
    store: Store = request.app.state.store
    if last_event_id is not None:
        start = int(last_event_id)
    elif after is not None:
        start = after
    else:
        start = await asyncio.to_thread(_latest, store)
    return StreamingResponse(
        _stream(request, store, start),
        media_type="text/event-stream",
        headers={"cache-control": "no-cache", "x-accel-buffering": "no"},
    )


def _latest(store: Store) -> int:
    with store.engine.connect() as connection:
        return changes.latest(connection)


def _since(store: Store, after: int) -> list[dict[str, object]]:
    with store.engine.connect() as connection:
        return changes.since(connection, after)


async def _stream(request: Request, store: Store, after: int) -> AsyncIterator[str]:
    yield f"retry: {RETRY_MS}\n: resuming after {after}\n\n"
    ends = time.monotonic() + STREAM_SECONDS
    quiet_since = time.monotonic()
    while time.monotonic() < ends and not await request.is_disconnected():
        found = await asyncio.to_thread(_since, store, after)
        for change in found:
            after = int(str(change["seq"]))
            yield f"id: {after}\nevent: {change['kind']}\ndata: {jsonl.dumps(change)}\n\n"
        if found:
            quiet_since = time.monotonic()
            continue  # more may be waiting: a burst is sent without pauses
        if time.monotonic() - quiet_since > KEEP_ALIVE_SECONDS:
            quiet_since = time.monotonic()
            yield ": keep-alive\n\n"
        await asyncio.sleep(POLL_SECONDS)
