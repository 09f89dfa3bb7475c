"""Read web archives (WARC/ARC, optionally gzipped) with warcio: HTML and text responses."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import ReadError
from eventwire.model import Document, Failure

logger = logging.getLogger(__name__)

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    """Yield one document per `response` record with a 2xx HTML or text payload.

    The source is "warc-path#<WARC-Target-URI>"; the page's stated date is taken when it has
    one, else the WARC-Date of the capture. A damaged archive ends in one `Failure`.

    Example:
        >>> with open("crawl.warc.gz", "rb") as stream:
        ...     urls = [d.url for d in read_warc(stream, "crawl.warc.gz")]
    """
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            document = _record_document(record, source)
            if document is not None:
                count += 1
                yield document
    except Exception as error:  # warcio fails in many ways on damaged input; the batch goes on
        logger.debug("damaged web archive %s", source, exc_info=True)
        yield Failure(source, ReadError.code,
                      f"{source}: damaged web archive after {count} documents: {type(error).__name__}: "
                      f"{str(error)[:200]}")


def _record_document(record, source: str) -> Document | None:  # noqa: ANN001 (warcio record)
    if record.rec_type != "response" or record.http_headers is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    status = record.http_headers.get_statuscode() or ""
    media_type = record.http_headers.get_header("Content-Type") or ""
    if not status.startswith("2") or media_type.split(";")[0].strip().lower() not in TEXT_TYPES:
        logger.debug("skipping %s record %s (%s %s)", source, uri, status, media_type)
        return None
    content = record.content_stream().read()
    return Document(
        source=f"{source}#{uri or record.rec_headers.get_header('WARC-Record-ID')}",
        content=content,
        url=uri,
        published=_page_or_capture_date(content, uri, record.rec_headers.get_header("WARC-Date")),
        media_type=media_type,
    )


def _page_or_capture_date(content: bytes, url: str | None, warc_date: str | None) -> str | None:
    from eventwire.extract.html import find_page_date

    if b"<" in content[:65_536]:
        stated = find_page_date(content, url)
        if stated:
            return stated
    return warc_date[:10] if warc_date and len(warc_date) >= 10 else None
