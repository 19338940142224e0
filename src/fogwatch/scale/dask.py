"""The pipeline on a Dask cluster, with this process as the store's only writer.

`fogwatch ingest PATH… --cluster tcp://HOST:8786` (or `--workers N` for a cluster on this machine)
reads and prepares articles here, sends them to the workers in small batches, and stores and
links the `ArticleResult`s that come back through `fogwatch.ingestion.ingest`, in input order,
so a run on a cluster stores exactly what a run in one process stores. Each worker loads the
spaCy model, the gazetteer and the lexicons once (`PipelineLoader`); a worker that dies is
restarted by its nanny, loads them again, and the scheduler recomputes its lost batches.

Start a cluster by hand with `dask scheduler` and `dask worker tcp://HOST:8786` on each machine;
every worker needs the same fogwatch (and model) installed as the client.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import itertools
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

import fogwatch
from fogwatch import pipeline
from fogwatch.geo import gazetteer
from fogwatch.language import nlp
from fogwatch.records import Article, ArticleResult, RawArticle

if TYPE_CHECKING:
    from distributed import Worker

TASK_BATCH = 4
"""Articles per task: enough for spaCy's batching, few enough that a short run keeps every worker busy."""
CONNECT_TIMEOUT = 10.0
"""Seconds to wait for a scheduler to answer, and then for at least one worker to join it."""
WARM_UP_TEXT = (
    "Russia's Defence Ministry said on Monday that its forces had captured Torske, "
    "but Ukraine's General Staff denied it. Artillery shelled Kramatorsk, killing two civilians."
)
"""One short article run on every worker at start-up, so every lazily loaded table is loaded."""


class ClusterError(Exception):
    """The Dask cluster cannot be reached or used; the message says what to do."""


class PipelineLoader(WorkerPlugin):
    """Loads the pipeline's models and tables once per worker process.

    Dask runs `setup` on every worker when the plugin is registered, and again on any worker
    that joins later, such as one its nanny restarted after a crash.
    """

    name = "fogwatch-pipeline"

    def __init__(self) -> None:
        self.version = fogwatch.__version__

    async def setup(self, worker: Worker) -> None:
        # in a thread: loading takes seconds, and the worker must keep answering its scheduler
        await asyncio.get_running_loop().run_in_executor(None, warm_up, self.version)


def warm_up(version: str | None = None) -> None:
    """Load the verified spaCy model, the gazetteer and every table the stages use, in this process."""
    if version is not None and fogwatch.__version__ != version:
        raise ClusterError(
            f"this worker runs fogwatch {fogwatch.__version__}, the client {version} — "
            "install the same fogwatch on every worker"
        )
    nlp.load()
    gazetteer.load()
    warm = RawArticle("<warm-up>", WARM_UP_TEXT, dt.date(2025, 11, 3))
    collections.deque(pipeline.process([pipeline.prepare(warm)]), maxlen=0)


def analyse_batch(articles: Sequence[Article]) -> list[ArticleResult]:
    """The task a worker runs: the pure pipeline on a few prepared articles."""
    return list(pipeline.process(articles))


class DaskAnalyser:
    """An analyser for `fogwatch.ingestion.ingest` that runs `analyse_batch` on a cluster's workers.

    Up to `in_flight` batches are queued on the cluster at a time (default: two per worker
    thread, and two more), so workers keep busy while the client writes; results are handed back
    in input order, which keeps near-duplicate clusters and link order the same as in one process.
    """

    def __init__(
        self, client: Client, batch_size: int = TASK_BATCH, in_flight: int | None = None
    ) -> None:
        self.client = client
        self.batch_size = batch_size
        self.in_flight = in_flight or 2 * sum(client.nthreads().values()) + 2

    @classmethod
    def on(cls, client: Client, batch_size: int = TASK_BATCH) -> DaskAnalyser:
        """Load the pipeline on the client's workers (and on any that join later), then analyse."""
        try:
            client.register_plugin(PipelineLoader())
        except ClusterError:
            raise
        except Exception as error:  # any failure on a worker comes back re-raised here
            raise ClusterError(
                f"a Dask worker could not load the fogwatch pipeline: {_first_line(error)} — "
                "install the same fogwatch and spaCy model on every worker"
            ) from error
        return cls(client, batch_size)

    def __call__(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        stream = iter(articles)
        window: collections.deque[Future] = collections.deque()

        def submit_next() -> None:
            batch = list(itertools.islice(stream, self.batch_size))
            if batch:
                window.append(self.client.submit(analyse_batch, batch, pure=False))

        try:
            for _ in range(self.in_flight):
                submit_next()
            while window:
                results = window.popleft().result()
                submit_next()
                yield from results
        finally:
            for future in window:
                future.cancel()


def connect(address: str, timeout: float | None = None) -> Client:
    """A client of the scheduler at `address` with at least one worker, or a `ClusterError`."""
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address}: {_first_line(error)} — "
            f"check the address, start one there (`dask scheduler`, then `dask worker {address}`), "
            "or use --workers N for a cluster on this machine"
        ) from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        client.close()
        raise ClusterError(
            f"the Dask scheduler at {address} has no workers after {timeout:g} s — "
            f"start some with `dask worker {address}`"
        ) from None
    return client


def local_cluster(workers: int) -> LocalCluster:
    """A cluster of `workers` single-threaded worker processes on loopback, for one run."""
    return LocalCluster(
        n_workers=workers,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )


@contextlib.contextmanager
def analyser(address: str | None = None, workers: int | None = None) -> Iterator[DaskAnalyser]:
    """A `DaskAnalyser` on the scheduler at `address`, or on a local cluster of `workers`
    processes started for the duration; the cluster is closed (or left running) afterwards."""
    with contextlib.ExitStack() as stack:
        if address is not None:
            client = stack.enter_context(connect(address))
        elif workers is not None:
            cluster = stack.enter_context(local_cluster(workers))
            client = stack.enter_context(Client(cluster))
        else:
            raise ValueError("analyser() needs a scheduler address or a number of workers")
        yield DaskAnalyser.on(client)


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
