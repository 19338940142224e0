"""Progress that tells the truth, for `fogwatch ingest` and `fogwatch watch`.

- Loading the language model, the gazetteer and the classifiers is its own step, shown when it
  happens (when the first new article reaches the pipeline), never as "0 articles".
- With a known total: a bar with the count, the rate and the time left; without: a count.
- When the output is not a terminal: one plain line per `every` articles and one at the end
  (none for a run known to be shorter than `every` articles: its summary says it all).
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import itertools
import time
from collections.abc import Iterable, Iterator
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as Bar
from rich.text import Text

from fogwatch import ingestion, pipeline
from fogwatch.errors import InputError
from fogwatch.geo import gazetteer
from fogwatch.language import nlp
from fogwatch.records import Article, ArticleResult, RawArticle

WARM_UP_TEXT = (
    "Ukraine's General Staff said on Monday that Russian artillery shelled Kramatorsk, "
    "killing two civilians, but Moscow denied it."
)
"""A short article run once so every lazily loaded model and table is loaded in the step."""
EVERY = 50
"""Articles between two plain log lines when the output is not a terminal."""


def warm_up() -> None:
    """Load the verified spaCy model, the gazetteer and every table the stages use."""
    nlp.load()
    gazetteer.load()
    warm = RawArticle("<warm-up>", WARM_UP_TEXT, dt.date(2025, 11, 3))
    collections.deque(pipeline.process([pipeline.prepare(warm)]), maxlen=0)


class _Rate(ProgressColumn):
    """Articles per second over the run so far."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f}/s")


class Progress:
    """Reports an ingest's progress on `console` (see the module docstring)."""

    def __init__(
        self,
        console: Console,
        total: int | None = None,
        every: int = EVERY,
        label: str = "articles",
    ) -> None:
        self.console = console
        self.total = total
        self.every = every
        self.label = label
        self.done = 0
        self._counted = 0  # articles done before `started`
        self.started = time.monotonic()
        self.terminal = console.is_terminal
        self._bar: Bar | None = None
        self._task: Any = None
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stack.close()

    def step(self, what: str) -> contextlib.AbstractContextManager[None]:
        """Show `what` as a step of its own while it runs, then how long it took."""
        return self._step(what)

    @contextlib.contextmanager
    def _step(self, what: str) -> Iterator[None]:
        started = time.monotonic()
        if self._bar is not None:  # rich shows one live display at a time: the bar says it
            self._bar.update(self._task, description=what + "…")
            yield
        elif self.terminal:
            with self.console.status(what + "…"):
                yield
        else:
            if self._logs:
                self.console.print(f"{what}…", markup=False)
            yield
        if self.terminal or self._logs:
            self.console.print(f"{what}: done in {time.monotonic() - started:.1f} s", markup=False)
        # the rate and the time left count from here, not from before the step
        self.started = time.monotonic()
        self._counted = self.done
        if self._bar is not None:
            self._bar.reset(self._task, completed=self.done, total=self.total)

    def analyser(self, analyse: ingestion.Analyser, load_here: bool) -> ingestion.Analyser:
        """`analyse`, with the models loaded as a step before the first new article (when
        `load_here`: the pipeline runs in this process) and the counting started after it."""

        def run(articles: Iterable[Article]) -> Iterator[ArticleResult]:
            stream = iter(articles)
            first = next(stream, None)
            if first is None:
                return
            if load_here:
                with self.step("loading the language model, gazetteer and classifiers"):
                    warm_up()
            yield from analyse(itertools.chain([first], stream))

        return run

    def advance(self, where: str, result: object) -> None:
        """Count one article (stored, duplicate or failed) read from `where`."""
        if isinstance(result, InputError):
            self.console.print(f"fogwatch: {result}", markup=False, soft_wrap=True)
        self.done += 1
        if self.terminal:
            self._show(where)
        elif self.done % self.every == 0:
            self.console.print(self.line(), markup=False)

    @property
    def _logs(self) -> bool:
        """Whether a log (not a terminal) gets progress lines: not for a run shorter than one
        line's worth of articles, whose summary says it all."""
        return not self.terminal and (self.total is None or self.total >= self.every)

    def finish(self) -> None:
        """The last line, in a log that got progress lines, unless it was just printed."""
        if self._logs and self.done >= self.every and self.done % self.every:
            self.console.print(self.line(), markup=False)

    def line(self) -> str:
        """`done/total label (percent), rate, time left` in words, for logs."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = (self.done - self._counted) / elapsed
        if not self.total:
            return f"{self.done} {self.label}, {rate:.1f}/s"
        left = max(self.total - self.done, 0)
        eta = f", about {left / rate:.0f} s left" if rate > 0 and left else ""
        share = 100 * self.done / self.total
        return f"{self.done}/{self.total} {self.label} ({share:.0f}%), {rate:.1f}/s{eta}"

    def _show(self, where: str) -> None:
        if self._bar is None:
            columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
            if self.total:
                columns += [BarColumn(), MofNCompleteColumn(), _Rate(), TimeRemainingColumn()]
            else:
                columns += [TextColumn(f"{{task.completed}} {self.label}"), _Rate()]
            columns.append(TimeElapsedColumn())
            self._bar = self._stack.enter_context(
                Bar(*columns, console=self.console, transient=True)
            )
            self._task = self._bar.add_task("", total=self.total, completed=self.done - 1)
        self._bar.update(self._task, advance=1, description=where[-40:])


def count(found: Iterable[object], budget: float = 2.0) -> int | None:
    """How many items `found` holds, or None when counting takes longer than `budget` seconds
    (then the progress shows a count without a total rather than make the user wait)."""
    deadline = time.monotonic() + budget
    total = 0
    for _item in found:
        total += 1
        if time.monotonic() > deadline:
            return None
    return total
