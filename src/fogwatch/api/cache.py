"""A response cache for the read API, keyed on the store's revision, with gzip done once per entry.

Every cached read is a function of the request and the stored data, so a response computed at
one revision (`store.revision`) is right until the next view-changing write. The cache reads the
revision on every request (three index reads), drops every entry when it has moved, and serves
the rest from memory: the body as computed, or gzipped once when the client accepts gzip. Each
worker process has its own cache; all of them follow the one store. Only `200` responses to `GET`
are kept; errors, streams (`/live`) and writes pass through untouched.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from anyio import to_thread
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fogwatch.store import Store, revision

MAX_BYTES = 64 * 1024 * 1024
"""Memory for cached bodies per worker (plain and gzipped); least recently used go first."""
MAX_ENTRY_BYTES = 8 * 1024 * 1024
"""A larger body (a whole-store export) is not kept: it would push out many small pages."""
GZIP_MIN_BYTES = 1024
"""Smaller bodies fit in a packet or two: compressing them saves nothing."""
GZIP_LEVEL = 5
"""Nearly the size of level 9 at a fraction of the time; paid once per entry."""

_Key = tuple[str, bytes, bytes]


@dataclass(frozen=True)
class _Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    gzipped: bytes | None

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


class ResponseCache:
    """ASGI middleware caching `GET` responses under `paths` (prefixes) per store revision."""

    def __init__(
        self,
        app: ASGIApp,
        store: Store,
        paths: Sequence[str],
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.app = app
        self.store = store
        self.paths = tuple(paths)
        self.max_bytes = max_bytes
        # SQLite answers in tens of microseconds in-process: a thread hop would cost more, while
        # a database server's round trip must not hold up the event loop
        self.embedded = store.engine.dialect.name == "sqlite"
        self.revision: str | None = None
        self.entries: OrderedDict[_Key, _Entry] = OrderedDict()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(self.paths)
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        key = (scope["path"], scope["query_string"], headers.get(b"accept", b""))
        try:
            if self.embedded:
                now = _revision(self.store)
            else:
                now = await to_thread.run_sync(_revision, self.store)
        except SQLAlchemyError:  # the store is unreachable: the route answers with its own 503
            await self.app(scope, receive, send)
            return
        if now != self.revision:
            self.entries.clear()
            self.size = 0
            self.revision = now
        wants_gzip = b"gzip" in headers.get(b"accept-encoding", b"")
        entry = self.entries.get(key)
        if entry is None:
            entry = await self._compute(scope, receive, send, key, now)
            if entry is None:
                return  # not cacheable: already sent as it came
        else:
            self.entries.move_to_end(key)
        etag = _etag(now, key)
        if headers.get(b"if-none-match") == etag:
            await _send(send, 304, [(b"etag", etag), *_vary()], b"")
            return
        extra = [(b"etag", etag), *_vary()]
        if wants_gzip and entry.gzipped is not None:
            extra.append((b"content-encoding", b"gzip"))
            await _send(send, entry.status, [*entry.headers, *extra], entry.gzipped)
        else:
            await _send(send, entry.status, [*entry.headers, *extra], entry.body)

    async def _compute(
        self, scope: Scope, receive: Receive, send: Send, key: _Key, now: str
    ) -> _Entry | None:
        """Run the app; keep a `200` whole body as an entry, else pass every message on."""
        held: list[Message] = []
        passing = False

        async def capture(message: Message) -> None:
            nonlocal passing
            if passing:
                await send(message)
                return
            held.append(message)
            refused = message["type"] == "http.response.start" and message["status"] != 200
            too_large = message.get("more_body", False) and _held_bytes(held) > MAX_ENTRY_BYTES
            passing = refused or too_large
            if passing:
                for earlier in held:
                    await send(earlier)
                held.clear()

        await self.app(scope, receive, capture)
        if passing or not held:
            return None
        start, *chunks = held
        body = b"".join(chunk.get("body", b"") for chunk in chunks)
        kept = [
            (name, value)
            for name, value in start.get("headers", [])
            if name.lower() not in (b"content-length", b"etag", b"vary")
        ]
        compressible = len(body) >= GZIP_MIN_BYTES and not _encoded(kept)
        entry = _Entry(
            start["status"],
            kept,
            body,
            gzip.compress(body, GZIP_LEVEL, mtime=0) if compressible else None,
        )
        if entry.size <= MAX_ENTRY_BYTES and now == self.revision:
            self._keep(key, entry)
        return entry

    def _keep(self, key: _Key, entry: _Entry) -> None:
        self.entries[key] = entry
        self.size += entry.size
        while self.size > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= dropped.size


def _revision(store: Store) -> str:
    with store.engine.connect() as connection:
        return revision.current(connection)


def _held_bytes(held: list[Message]) -> int:
    return sum(len(message.get("body", b"")) for message in held)


def _etag(now: str, key: _Key) -> bytes:
    digest = hashlib.blake2b(repr((now, key)).encode(), digest_size=12).hexdigest()
    return f'W/"{digest}"'.encode()


def _vary() -> list[tuple[bytes, bytes]]:
    return [(b"vary", b"Accept, Accept-Encoding")]


def _encoded(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(name.lower() == b"content-encoding" for name, _ in headers)


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    length = [(b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *length]})
    await send({"type": "http.response.body", "body": body})
