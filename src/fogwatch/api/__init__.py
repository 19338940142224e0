"""fogwatch's HTTP API and web UI (FastAPI); `fogwatch serve` runs it."""

from __future__ import annotations

from fogwatch.api.app import create_app

__all__ = ["create_app"]
