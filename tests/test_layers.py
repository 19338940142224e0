"""The house's layers: the store imports no stage, no stage imports the store, and only
`fogwatch.ingestion` puts the two together."""

from __future__ import annotations

import ast
from pathlib import Path

import fogwatch

PACKAGE = Path(fogwatch.__file__).parent
STAGES = ("structure", "pipeline", "ingest", "language", "geo", "claims", "events")


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("fogwatch")}


def test_the_store_stores_and_queries_only() -> None:
    allowed = ("fogwatch.records", "fogwatch.errors", "fogwatch.config", "fogwatch.store")
    for path in (PACKAGE / "store").rglob("*.py"):
        wrong = {name for name in imports(path) if not name.startswith(allowed)}
        assert not wrong, f"{path.relative_to(PACKAGE)} imports {sorted(wrong)}"


def test_no_stage_imports_the_store_or_the_orchestrator() -> None:
    for stage in STAGES:
        paths = [PACKAGE / f"{stage}.py"] if (PACKAGE / f"{stage}.py").exists() else []
        paths += list((PACKAGE / stage).rglob("*.py")) if (PACKAGE / stage).is_dir() else []
        for path in paths:
            wrong = {
                name
                for name in imports(path)
                if name.startswith(("fogwatch.store", "fogwatch.ingestion", "fogwatch.api"))
            }
            assert not wrong, f"{path.relative_to(PACKAGE)} imports {sorted(wrong)}"


def test_extract_never_loads_the_store() -> None:
    # `fogwatch extract` stores nothing, so it must not pay for SQLAlchemy and Alembic
    wrong = {
        name
        for name in imports(PACKAGE / "extraction.py")
        if name.startswith(("fogwatch.store", "fogwatch.ingestion", "fogwatch.api"))
    }
    assert not wrong, f"extraction.py imports {sorted(wrong)}"
