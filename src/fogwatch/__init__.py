"""fogwatch: conflict news in; auditable events, claims and claim links out."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fogwatch.pipeline import extract
from fogwatch.store import IngestSummary, Store

try:
    __version__ = version("fogwatch")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def open(url: str | None = None) -> Store:
    """Open (and migrate) the store at `url`: a SQLAlchemy URL or a SQLite file path."""
    return Store(url)


__all__ = ["IngestSummary", "Store", "__version__", "extract", "open"]
