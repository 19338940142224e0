"""Alembic environment: fogwatch runs migrations on a connection it passes in (see store/db.py)."""

from alembic import context

from fogwatch.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
