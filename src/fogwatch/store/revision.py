"""The store's revision: a cheap value that changes whenever what the read views show changes.

Every write that changes a view ends in one of two transactions: storing an article
(`writes.add_result`: the article arrives unlinked, its events add rows to `changes`) or linking
articles (`relinking.relink`: atomic events, claim links and judgments, then `linked_at` is set).
So the newest change number, the newest `linked_at` and the number of unlinked articles together
move on every such commit. All three are index reads, so a server can ask on every request.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fogwatch.store.schema import articles, changes

_REVISION = sa.select(
    sa.select(sa.func.max(changes.c.seq)).scalar_subquery(),
    sa.select(sa.func.max(articles.c.linked_at)).scalar_subquery(),
    sa.select(sa.func.count()).where(articles.c.linked_at.is_(None)).scalar_subquery(),
)


def current(connection: Connection) -> str:
    """The revision as text, equal for two reads only if no view-changing write came between."""
    seq, linked_at, unlinked = connection.execute(_REVISION).one()
    return f"{seq or 0}:{linked_at.isoformat() if linked_at else '-'}:{unlinked}"
