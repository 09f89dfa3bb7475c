"""Read RSS and Atom feeds with feedparser: one document per entry."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

from eventwire.errors import BadDate, ReadError
from eventwire.extract.dates import normalise_date
from eventwire.ingest.names import printable_source
from eventwire.model import Document, Failure

logger = logging.getLogger(__name__)


def read_feed(data: bytes, source: str) -> Iterator[Document | Failure]:
    """Yield one document per feed entry: its content (else summary), link, date and title.

    The source is "feed-path#<entry id or link>". A file that is no feed, or that feedparser
    cannot parse (a character reference beyond U+10FFFF, say), gives one `Failure` (EW201).

    Example:
        >>> [d.title for d in read_feed(open("news.rss", "rb").read(), "news.rss")]
        ['Iran bombs U.S. bases in Iraq']
    """
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as error:  # feedparser fails in many ways on bad input; the batch goes on
        logger.debug("unparsable feed %s", source, exc_info=True)
        reason = " ".join(str(error).split())[:200]
        yield Failure(source, ReadError.code, f"{source}: cannot parse feed: {type(error).__name__}: {reason}")
        return
    if not parsed.entries:
        reason = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        yield Failure(source, ReadError.code, f"{source}: not an RSS/Atom feed or no entries{reason}")
        return
    for index, entry in enumerate(parsed.entries):
        yield _entry_document(entry, source, index)


def _entry_document(entry: Any, source: str, index: int) -> Document | Failure:
    key = entry.get("id") or entry.get("link") or str(index)
    located = printable_source(f"{source}#{key}")
    content, media_type = _entry_content(entry)
    if not content:
        return Failure(located, ReadError.code, f"{source} entry {index}: no content or summary")
    return Document(
        source=located,
        content=content,
        url=entry.get("link"),
        published=_entry_date(entry),
        title=entry.get("title"),
        media_type=media_type,
    )


def _entry_content(entry: Any) -> tuple[str | None, str]:
    for part in entry.get("content") or ():
        if part.get("value", "").strip():
            return part["value"], part.get("type") or "text/html"
    summary = entry.get("summary")
    detail = entry.get("summary_detail") or {}
    return summary, detail.get("type") or "text/html"


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written (no time-zone shift), else feedparser's parsed UTC date."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = entry.get(raw_key)
        if not raw:
            continue
        try:
            return normalise_date(raw)
        except BadDate:
            parsed = entry.get(parsed_key)
            if parsed:
                return time.strftime("%Y-%m-%d", parsed)
            logger.debug("feed entry date %r unreadable", raw)
    return None
