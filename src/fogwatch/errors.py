"""The errors fogwatch reports to users as one line: bad input, an unusable store, a missing
model or gazetteer. Here, not in their modules, so the CLI can catch them without loading spaCy
or the gazetteer."""

from __future__ import annotations


class InputError(Exception):
    """A bad input: where it is, what is wrong, and what to do about it.

    `str(error)` is the one line the CLI prints: `<where>: <problem> — <fix>`.
    """

    def __init__(self, where: str, problem: str, fix: str) -> None:
        super().__init__(f"{where}: {problem} — {fix}")
        self.where = where
        self.problem = problem
        self.fix = fix


class StoreError(Exception):
    """The store cannot be opened or used: `<url>: <reason> — <fix>`."""

    def __init__(self, url: str, reason: str, fix: str = "check --db or FOGWATCH_DB") -> None:
        super().__init__(f"cannot use the store {url}: {reason} — {fix}")
        self.url = url
        self.reason = reason
        self.fix = fix


class ModelError(Exception):
    """The spaCy model is missing or is not the one fogwatch was verified with."""


class GazetteerError(Exception):
    """The gazetteer cannot be built: a package is missing or the hand-written data is wrong."""
