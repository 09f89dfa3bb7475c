"""Read web archives (WARC/ARC, optionally gzipped) with warcio, in bounded memory and time.

The archive is gunzipped here, member by member in reads of at most `BLOCK_BYTES`, and
counted against the `Options` limits; warcio only parses records from the plain bytes. No
line warcio reads may grow past `MAX_HEADER_BYTES`, and what warcio writes to stderr about
a damaged archive becomes one recorded `Failure` instead.
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import DocumentTooLarge, EmptyDocument, EventwireError, ReadError
from eventwire.ingest.names import printable_source
from eventwire.model import Document, Failure
from eventwire.options import Options

logger = logging.getLogger(__name__)

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
BLOCK_BYTES = 1 << 20
# the WARC and HTTP header lines of one record (chunk-size lines of its payload included)
MAX_HEADER_BYTES = 1 << 20
MAX_MESSAGE_CHARS = 300
# a page's stated date is looked for in its first bytes only (a parse of a whole huge page costs GBs)
PAGE_DATE_BYTES = 4 << 20
_GZIP_MAGIC = b"\x1f\x8b"


def read_warc(stream: BinaryIO, source: str, options: Options | None = None) -> Iterator[Document | Failure]:
    """Yield one document per `response` record with a 2xx HTML or text payload.

    The source is "warc-path#<WARC-Target-URI>"; the page's stated date is taken when it has
    one, else the WARC-Date of the capture. A record whose payload is over
    `options.max_document_bytes`, or cut off by the end of the file, is a `Failure` and
    reading goes on. Damage that stops reading (bad gzip data, a cut-off file, an archive
    over `max_archive_bytes` or past `max_compression_ratio`) ends in one `Failure` for
    the archive, as does an archive with no HTML or text response at all.

    Example:
        >>> with open("crawl.warc.gz", "rb") as stream:
        ...     urls = [d.url for d in read_warc(stream, "crawl.warc.gz")]
    """
    from warcio.archiveiterator import ArchiveIterator

    _shorten_warcio_logs()
    options = options or Options()
    archive = _ArchiveStream(stream, options)
    records = ArchiveIterator(archive, arc2warc=True, block_size=BLOCK_BYTES)
    reader = records.reader = _bounded_reader(archive)  # plain bytes: `archive` gunzips
    warnings = _WarningCount()
    count = seen = 0
    cut_record = False
    stop: tuple[str, str] | None = None
    try:
        while True:
            with contextlib.redirect_stderr(warnings):
                record = next(records, None)
                if record is None:
                    break
                seen += 1
                item = _record_item(record, source, archive, options)
            reader.header_budget = MAX_HEADER_BYTES
            if item is None:
                continue
            if isinstance(item, Document):
                count += 1
            else:
                cut_record = cut_record or item.code == ReadError.code
            yield item
    except EventwireError as error:  # a limit of `options`, or damage the stream found
        stop = (error.code, error.message)
    except Exception as error:  # warcio fails in many ways on damaged input; the batch goes on
        logger.debug("damaged web archive %s", source, exc_info=True)
        stop = (ReadError.code, f"damaged web archive: {type(error).__name__}: {_one_line(error)}")
    failure = _archive_failure(archive, stop, cut_record, warnings.misplaced, seen, count)
    if failure is not None:
        code, reason = failure
        yield Failure(source, code, f"{source}: {reason}")


def _archive_failure(archive: _ArchiveStream, stop: tuple[str, str] | None, cut_record: bool,
                     misplaced: int, seen: int, count: int) -> tuple[str, str] | None:
    """The one failure an archive itself gets, if any: what stopped it, else damage, else emptiness."""
    read = f"after {count} documents"
    if stop is not None and stop[0] != ReadError.code:
        return stop[0], f"{stop[1]}; stopped {read}"
    if archive.truncated and not cut_record:
        return ReadError.code, f"gzip data cut off after {archive.compressed:,} bytes; stopped {read}"
    if stop is not None:
        return stop[0], f"{stop[1]}; stopped {read}"
    if misplaced:
        return ReadError.code, (f"damaged web archive: {misplaced} record(s) not followed by a blank line "
                                f"(a wrong Content-Length?); {count} documents read")
    if count or cut_record:
        return None
    if archive.size == 0:
        return EmptyDocument.code, "empty web archive (no bytes once decompressed)"
    if seen == 0:
        return ReadError.code, "no web-archive records"
    return ReadError.code, f"no HTML or text responses among {seen} records"


def _record_item(record, source: str, archive: _ArchiveStream,  # noqa: ANN001 (warcio record)
                 options: Options) -> Document | Failure | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    status = record.http_headers.get_statuscode() or ""
    media_type = record.http_headers.get_header("Content-Type") or ""
    if not status.startswith("2") or media_type.split(";")[0].strip().lower() not in TEXT_TYPES:
        logger.debug("skipping %s record %s (%s %s)", source, uri, status, media_type[:100])
        return None
    located = printable_source(f"{source}#{uri or record.rec_headers.get_header('WARC-Record-ID')}")
    content = record.content_stream().read(options.max_document_bytes + 1)
    if len(content) > options.max_document_bytes:
        return Failure(located, DocumentTooLarge.code,
                       f"{located}: record payload over max_document_bytes={options.max_document_bytes:,}")
    missing = getattr(record.raw_stream, "limit", 0)
    if archive.eof and missing > 0:
        return Failure(located, ReadError.code,
                       f"{located}: record cut off: the archive ends {missing:,} bytes before its end")
    return Document(
        source=located,
        content=content,
        url=uri,
        published=_page_or_capture_date(content, uri, record.rec_headers.get_header("WARC-Date")),
        media_type=media_type,
    )


class _ArchiveStream:
    """An archive's bytes, gunzipped member by member when gzipped, in bounded reads.

    Counts what it gives against `max_archive_bytes` and, past `max_document_bytes`,
    against `max_compression_ratio` (raising `DocumentTooLarge`); notes a cut-off gzip
    member in `truncated` and the end of the file in `eof`.
    """

    def __init__(self, raw: BinaryIO, options: Options) -> None:
        self.raw = raw
        self.options = options
        self.compressed = 0  # bytes read from the file
        self.size = 0        # bytes given out, decompressed
        self.eof = False
        self.truncated = False
        self._gzip: bool | None = None
        self._input = b""
        self._inflater: zlib._Decompress | None = None

    def tell(self) -> int:
        return self.size

    def read(self, size: int | None = -1) -> bytes:
        size = BLOCK_BYTES if size is None or size < 0 else min(size, BLOCK_BYTES)
        if self._gzip is None:
            self._input = self._read_raw()
            self._gzip = self._input.startswith(_GZIP_MAGIC)
        data = self._inflate(size) if self._gzip else self._plain(size)
        self.size += len(data)
        self._check_limits()
        return data

    def _read_raw(self) -> bytes:
        data = self.raw.read(BLOCK_BYTES)
        self.compressed += len(data)
        if not data:
            self.eof = True
        return data

    def _plain(self, size: int) -> bytes:
        if not self._input:
            self._input = self._read_raw()
        data, self._input = self._input[:size], self._input[size:]
        return data

    def _inflate(self, size: int) -> bytes:
        while True:
            if self._inflater is None or self._inflater.eof:
                self._input = self._input.lstrip(b"\x00")  # padding between or after members
                while not self._input and not self.eof:
                    self._input = self._read_raw().lstrip(b"\x00")
                if not self._input:
                    return b""
                if self._inflater is not None and not self._input.startswith(_GZIP_MAGIC):
                    raise ReadError(f"damaged web archive: not gzip data after {self.size:,} decompressed bytes")
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if not self._input:
                self._input = self._read_raw()
                if not self._input:
                    self.truncated = True
                    return b""
            try:
                data = self._inflater.decompress(self._input, size)
            except zlib.error as error:
                raise ReadError(f"damaged web archive: bad gzip data after {self.size:,} decompressed bytes: "
                                f"{error}") from None
            self._input = self._inflater.unused_data if self._inflater.eof else self._inflater.unconsumed_tail
            if data:
                return data

    def _check_limits(self) -> None:
        options = self.options
        if self.size > options.max_archive_bytes:
            raise DocumentTooLarge(f"web archive decompresses to more than max_archive_bytes="
                                   f"{options.max_archive_bytes:,}")
        if (self._gzip and self.size > options.max_document_bytes
                and self.size > options.max_compression_ratio * self.compressed):
            raise DocumentTooLarge(f"web archive decompresses to over max_compression_ratio="
                                   f"{options.max_compression_ratio} times its size (a compression bomb?)")


@functools.cache
def _header_bounded_reader_type() -> type:
    from warcio.bufferedreaders import BufferedReader

    class HeaderBoundedReader(BufferedReader):
        """warcio's line reader, with the header lines of one record bounded in all."""

        def __init__(self, stream: _ArchiveStream) -> None:
            super().__init__(stream, block_size=BLOCK_BYTES)
            self.header_budget = MAX_HEADER_BYTES

        def readline(self, length: int | None = None) -> bytes:
            if self.header_budget <= 0:
                raise ReadError(f"damaged web archive: record headers over {MAX_HEADER_BYTES:,} bytes")
            line = super().readline(self.header_budget if length is None else min(length, self.header_budget))
            self.header_budget -= len(line)
            return line

    return HeaderBoundedReader


def _bounded_reader(stream: _ArchiveStream):  # noqa: ANN202 (a warcio reader, its class built on first use)
    return _header_bounded_reader_type()(stream)


class _WarningCount(io.TextIOBase):
    """Stands in for stderr while warcio reads: counts its warnings of misplaced records, keeps no text."""

    def __init__(self) -> None:
        super().__init__()
        self.misplaced = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.misplaced += text.count("Content-Length is invalid")
        return len(text)


class _ShortMessages(logging.Filter):
    """Cut warcio's log messages (which may quote a whole header line) to one short line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = " ".join(record.getMessage().split())
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[:MAX_MESSAGE_CHARS] + " ..."
        record.msg, record.args = message, ()
        return True


@functools.cache
def _shorten_warcio_logs() -> None:
    logging.getLogger("warcio.recordloader").addFilter(_ShortMessages())


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:200]


def _page_or_capture_date(content: bytes, url: str | None, warc_date: str | None) -> str | None:
    from eventwire.extract.html import find_page_date

    if b"<" in content[:65_536]:
        stated = find_page_date(content[:PAGE_DATE_BYTES], url)
        if stated:
            return stated
    return warc_date[:10] if warc_date and len(warc_date) >= 10 else None
