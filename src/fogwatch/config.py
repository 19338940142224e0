"""Settings from the environment (`FOGWATCH_*`); CLI flags override them."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MAX_BYTES = 5_000_000
"""Largest article text accepted, in bytes of UTF-8 (`FOGWATCH_MAX_BYTES`)."""


def data_dir() -> Path:
    """Where fogwatch keeps its default store: `$XDG_DATA_HOME/fogwatch` or `~/.local/share/fogwatch`."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "fogwatch"


def database_url(given: str | None = None) -> str:
    """The store's SQLAlchemy URL: `given`, else `FOGWATCH_DB`, else a SQLite file in `data_dir()`.

    A plain file path is accepted anywhere a URL is and means a SQLite file.
    """
    value = given or os.environ.get("FOGWATCH_DB") or str(data_dir() / "fogwatch.db")
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def max_bytes(given: int | None = None) -> int:
    """The size limit for one article's text."""
    if given is not None:
        return given
    return int(os.environ.get("FOGWATCH_MAX_BYTES", DEFAULT_MAX_BYTES))


def sources_file() -> Path | None:
    """A user's source registry replacing the bundled `data/sources.yaml` (`FOGWATCH_SOURCES`)."""
    value = os.environ.get("FOGWATCH_SOURCES")
    return Path(value).expanduser() if value else None
