"""Run the stages in order: extract text, parse, then each coder over the article."""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from typing import Any

from eventwire.context import Context
from eventwire.errors import DocumentTimeout, EventwireError, InternalError, WorkerDied
from eventwire.options import Options
from eventwire.extract import to_article
from eventwire.model import Article, Document, Failure, event_id
from eventwire.registry import STAGES, get_coder

logger = logging.getLogger(__name__)


def run_stages(article: Article, ctx: Context) -> Article:
    """Run every stage after text extraction on one article; return it without the parse.

    Each event gets its stable id, "<article id>:<position>", once every stage has run; then
    the events under `ctx.options.min_confidence` are dropped (ids unchanged).
    Raises `DocumentTimeout` (EW108) past `ctx.options.max_seconds` (in the main thread).
    """
    with time_limit(ctx.options.max_seconds):
        for stage in STAGES:
            article = get_coder(stage, ctx.options.coder(stage))(article, ctx)
    events = tuple(dataclasses.replace(event, id=event.id or event_id(article.id, index))
                   for index, event in enumerate(article.events))
    return drop_events_below(dataclasses.replace(article, events=events, doc=None), ctx.options.min_confidence)


def drop_events_below(article: Article, threshold: float) -> Article:
    """Return `article` without its events of confidence under `threshold`.

    The events kept keep their order; each quote's `events` indexes are renumbered to
    match, and those of dropped events removed (the quote itself stays).

    Example:
        >>> [e.confidence for e in drop_events_below(article, 0.5).events]
        [0.9, 0.55]
    """
    kept = [index for index, event in enumerate(article.events) if event.confidence >= threshold]
    if len(kept) == len(article.events):
        return article
    renumbered = {old: new for new, old in enumerate(kept)}
    quotes = tuple(
        dataclasses.replace(quote, events=tuple(renumbered[i] for i in quote.events if i in renumbered))
        for quote in article.quotes
    )
    return dataclasses.replace(article, events=tuple(article.events[i] for i in kept), quotes=quotes)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `DocumentTimeout` in the block once it has run `seconds` (a real-time timer, so
    only in the main thread of a process; elsewhere the block runs unbounded)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"coding the article took longer than {seconds:g} s (Options.max_seconds)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process(
    items: Iterable[Document | Failure], ctx: Context, *, skip: Callable[[Article], bool] | None = None
) -> Iterator[Article | Failure]:
    """Turn documents into articles, in input order; a bad document becomes a `Failure`.

    Texts are parsed in batches of `ctx.options.batch_size` with `nlp.pipe`, the model
    loaded once for the whole stream. An article for which `skip` (e.g. "already stored",
    asked of its id) is true is yielded as text extraction made it: no parse, no stage.
    """
    iterator = iter(items)
    while batch := list(islice(iterator, ctx.options.batch_size)):
        prepared = [_prepare(item, ctx) for item in batch]
        prepared = [(item, isinstance(item, Article) and skip is not None and skip(item)) for item in prepared]
        articles = [item for item, skipped in prepared if isinstance(item, Article) and not skipped]
        docs = iter(ctx.nlp.pipe((article.text for article in articles), batch_size=ctx.options.batch_size))
        for item, skipped in prepared:
            if isinstance(item, Failure) or skipped:
                yield item
                continue
            yield _run_safely(dataclasses.replace(item, doc=next(docs)), ctx)


def _prepare(item: Document | Failure, ctx: Context) -> Article | Failure:
    if isinstance(item, Failure):
        return item
    try:
        return to_article(item, ctx.options)
    except EventwireError as error:
        return Failure(item.source, error.code, error.message)
    except Exception as error:  # text extraction too: one broken document never stops a batch
        logger.exception("text extraction failed on %s", item.source)
        return Failure(item.source, InternalError.code, f"{type(error).__name__}: {error}")


def _run_safely(article: Article, ctx: Context) -> Article | Failure:
    try:
        return run_stages(article, ctx)
    except EventwireError as error:
        return Failure(article.source, error.code, error.message)
    except Exception as error:  # one broken document never stops a batch
        logger.exception("stage failed on %s", article.source)
        return Failure(article.source, InternalError.code, f"{type(error).__name__}: {error}")


def default_workers() -> int:
    """Return the number of CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_parallel(
    items: Iterable[Document | Failure], options: Options, *, workers: int,
    known: frozenset[str] = frozenset(),
) -> Iterator[Article | Failure]:
    """`process` over `workers` processes: the same results in the same (input) order.

    Each worker loads the model and data once and codes batches of `options.batch_size`
    documents; at most two batches per worker are in flight, so memory stays flat however
    long the input (readers stream). Articles whose id is in `known` (already stored) are
    yielded uncoded, as `process` does with `skip`. An input that fits in one batch, or
    `workers` 1, is coded in this process. A document that kills its worker (a crash, the
    memory limit) becomes an EW109 failure; the other documents of its batch are coded
    again, one at a time, in a new worker.

    Example:
        >>> store.add_all(process_parallel(read_sources(paths, options), options, workers=4))
    """
    iterator = iter(items)
    first = list(islice(iterator, options.batch_size))
    rest = next(iterator, None)
    if workers <= 1 or rest is None:
        stream = first if rest is None else _chain(first, rest, iterator)
        yield from process(stream, Context(options), skip=(lambda article: article.id in known) if known else None)
        return
    yield from run_pool(_Pool(options, workers, known), _chain(first, rest, iterator), options.batch_size)


def run_pool(pool: Any, items: Iterable, batch_size: int) -> Iterator[Article | Failure]:
    """Feed `items` to `pool` in batches and yield its results in input order, then close it.

    `pool` has `submit(batch)`, `full()`, `pending` and `next_results()` (the next batch's
    results, in the order batches were submitted): `_Pool` here, Ray's in `distributed`.
    """
    try:
        for batch in _batches(items, batch_size):
            pool.submit(batch)
            while pool.full():
                yield from pool.next_results()
        while pool.pending:
            yield from pool.next_results()
    finally:
        pool.close()


def _chain(first: list, rest: object, iterator: Iterator) -> Iterator:
    yield from first
    yield rest
    yield from iterator


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _Pool:
    """A process pool that codes batches in order and survives a worker's death."""

    def __init__(self, options: Options, workers: int, known: frozenset[str]) -> None:
        self.options, self.workers, self.known = options, workers, known
        self.pending: deque[tuple[list, Future]] = deque()
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(self.options, self.known))

    def submit(self, batch: list) -> None:
        self.pending.append((batch, self.executor.submit(_code_batch, batch)))

    def full(self) -> bool:
        return len(self.pending) >= 2 * self.workers

    def next_results(self) -> list[Article | Failure]:
        batch, future = self.pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            logger.warning("a worker process died; coding its batch again one document at a time")
            self._restart()
        except Exception:  # a result that did not cross the process boundary (pickling)
            logger.exception("a batch failed in its worker; coding it again one document at a time")
        return [result for item in batch for result in self._one(item)]

    def _one(self, item: Document | Failure) -> list[Article | Failure]:
        try:
            return self.executor.submit(_code_batch, [item]).result()
        except BrokenProcessPool:
            self._restart()
            return [Failure(item.source, WorkerDied.code,
                            "the worker process died coding this document (a crash or the memory limit)")]
        except Exception as error:
            return [Failure(item.source, InternalError.code, f"{type(error).__name__}: {error}")]

    def _restart(self) -> None:
        """Start a new pool and resubmit every batch still pending (their futures broke too)."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        pending = [batch for batch, _ in self.pending]
        self.pending.clear()
        for batch in pending:
            self.submit(batch)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


_WORKER: tuple[Context, frozenset[str]] | None = None


def _start_worker(options: Options, known: frozenset[str]) -> None:
    """Load the model once per worker process; end the worker when its parent is gone."""
    global _WORKER
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    ctx = Context(options)
    ctx.nlp  # noqa: B018 -- load now, not inside the first batch's time limit
    _WORKER = (ctx, known)


def _exit_with_parent(parent: int) -> None:
    """Exit this worker once its parent has died (`kill -9` of an ingest leaves no worker behind)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _code_batch(batch: list[Document | Failure]) -> list[Article | Failure]:
    assert _WORKER is not None, "worker not started"
    ctx, known = _WORKER
    return list(process(batch, ctx, skip=(lambda article: article.id in known) if known else None))
