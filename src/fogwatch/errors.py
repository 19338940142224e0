"""The one error type fogwatch reports to users about their input."""

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
