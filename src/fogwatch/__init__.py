"""fogwatch: conflict news in; auditable events, claims and claim links out."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fogwatch.ingestion import IngestSummary, Store
    from fogwatch.records import ArticleResult

try:
    __version__ = version("fogwatch")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def extract(text: str, published: dt.date | str, source: str | None = None) -> ArticleResult:
    """Everything fogwatch finds in one article body, its claims linked and judged among
    themselves, without storing it."""
    from fogwatch import extraction  # imported on use: the pipeline brings spaCy and its models

    return extraction.extract_text(text, published, source)


def open(url: str | None = None) -> Store:
    """Open (and migrate) the store at `url`: a SQLAlchemy URL or a SQLite file path."""
    from fogwatch.ingestion import Store

    return Store(url)


def __getattr__(name: str) -> Any:
    """`fogwatch.Store` and `fogwatch.IngestSummary`, imported on first use (see `extract`)."""
    if name in ("Store", "IngestSummary"):
        from fogwatch import ingestion

        return getattr(ingestion, name)
    raise AttributeError(f"module 'fogwatch' has no attribute {name!r}")


__all__ = ["IngestSummary", "Store", "__version__", "extract", "open"]
