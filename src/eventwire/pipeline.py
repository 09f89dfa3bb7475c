"""Run the stages in order: extract text, parse, then each coder over the article."""

from __future__ import annotations

import dataclasses
import logging
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from eventwire.context import Context
from eventwire.errors import DocumentTimeout, EventwireError, InternalError
from eventwire.extract import to_article
from eventwire.model import Article, Document, Failure, event_id
from eventwire.registry import STAGES, get_coder

logger = logging.getLogger(__name__)


def run_stages(article: Article, ctx: Context) -> Article:
    """Run every stage after text extraction on one article; return it without the parse.

    Each event gets its stable id, "<article id>:<position>", once every stage has run.
    Raises `DocumentTimeout` (EW108) past `ctx.options.max_seconds` (in the main thread).
    """
    with time_limit(ctx.options.max_seconds):
        for stage in STAGES:
            article = get_coder(stage, ctx.options.coder(stage))(article, ctx)
    events = tuple(dataclasses.replace(event, id=event.id or event_id(article.id, index))
                   for index, event in enumerate(article.events))
    return dataclasses.replace(article, events=events, doc=None)


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
