"""Run the stages in order: extract text, parse, then each coder over the article."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire.context import Context
from eventwire.errors import EventwireError, InternalError
from eventwire.extract import to_article
from eventwire.model import Article, Document, Failure, event_id
from eventwire.registry import STAGES, get_coder

logger = logging.getLogger(__name__)


def run_stages(article: Article, ctx: Context) -> Article:
    """Run every stage after text extraction on one article; return it without the parse.

    Each event gets its stable id, "<article id>:<position>", once every stage has run.
    """
    for stage in STAGES:
        article = get_coder(stage, ctx.options.coder(stage))(article, ctx)
    events = tuple(dataclasses.replace(event, id=event.id or event_id(article.id, index))
                   for index, event in enumerate(article.events))
    return dataclasses.replace(article, events=events, doc=None)


def process(items: Iterable[Document | Failure], ctx: Context) -> Iterator[Article | Failure]:
    """Turn documents into articles, in input order; a bad document becomes a `Failure`.

    Texts are parsed in batches of `ctx.options.batch_size` with `nlp.pipe`, the model
    loaded once for the whole stream.
    """
    iterator = iter(items)
    while batch := list(islice(iterator, ctx.options.batch_size)):
        prepared = [_prepare(item, ctx) for item in batch]
        articles = [item for item in prepared if isinstance(item, Article)]
        docs = iter(ctx.nlp.pipe((article.text for article in articles), batch_size=ctx.options.batch_size))
        for item in prepared:
            if isinstance(item, Failure):
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
