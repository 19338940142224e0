"""Polite HTTP: one GET with a User-Agent, conditional headers, a size cap and a deadline.

Feeds and article pages are fetched with the standard library (no new dependency): a server
that answers 304 Not Modified costs one small exchange; a body over `MAX_BYTES`, a redirect
loop, a timeout or a non-2xx status is a `FetchError` with one line saying what happened.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException

import fogwatch

USER_AGENT = f"fogwatch/{fogwatch.__version__} (conflict news watcher; polls politely)"
MAX_BYTES = 10_000_000
"""Largest response read; a feed or page larger than this is refused, not truncated."""
TIMEOUT = 20.0
"""Seconds for the whole exchange, connection to last byte."""
_CHUNK = 65_536


class FetchError(Exception):
    """A fetch that failed: the one line to log."""


@dataclass(frozen=True)
class Fetched:
    """A response: `body` is None on 304 Not Modified."""

    url: str
    body: bytes | None
    etag: str | None
    last_modified: str | None


def get(
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> Fetched:
    """GET `url` (http or https only), conditionally when validators from an earlier answer
    are given; the body is read whole, up to `max_bytes`, within `timeout` seconds (defaults:
    `MAX_BYTES`, `TIMEOUT`)."""
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"not an http(s) URL: {url}")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(
                    f"response of {int(declared):,} bytes, over the limit of {max_bytes:,}"
                )
            body = _read_capped(response, max_bytes, deadline)
            return Fetched(
                response.geturl(),
                body,
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(url, None, etag, last_modified)
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"cannot connect: {error.reason}") from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except (HTTPException, OSError) as error:
        raise FetchError(f"broken response: {error}") from None


def _read_capped(response: object, max_bytes: int, deadline: float) -> bytes:
    parts: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):  # type: ignore[attr-defined]
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"response over the limit of {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError("response too slow: not complete within the timeout")
        parts.append(chunk)
    return b"".join(parts)
