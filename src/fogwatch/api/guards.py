"""What every response and every write goes through: security headers and the bearer token."""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Only the app's own files run or load; tiles come from OpenStreetMap when the user switches them on.
TILE_ORIGIN = "https://tile.openstreetmap.org"
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src 'self' data: {TILE_ORIGIN}",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: Mapping[str, str] = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    # The page's origin (never its path or query) may reach the optional tile server.
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every HTTP response, error pages included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [
            (k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def token_matches(configured: str, authorization: str | None) -> bool | None:
    """None when no bearer token was sent, else whether it is the configured one."""
    if not authorization:
        return None
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return None
    return hmac.compare_digest(given.strip().encode(), configured.encode())
