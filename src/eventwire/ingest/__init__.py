"""Ingest readers: turn files, directories, standard input and URLs into raw `Document`s.

Example:
    >>> for item in read_sources(["news/", "https://example.org/a", "-"]):
    ...     print(item.source)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.ingest.content import read_content, sniff_kind
from eventwire.ingest.feeds import read_feed
from eventwire.ingest.files import count_documents, read_directory, read_file, read_path, read_stdin
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.names import printable_source
from eventwire.ingest.urls import is_url, read_url
from eventwire.ingest.warc import read_warc
from eventwire.model import Document, Failure
from eventwire.options import Options

__all__ = [
    "count_documents",
    "printable_source",
    "read_content",
    "read_directory",
    "read_feed",
    "read_file",
    "read_jsonl",
    "read_path",
    "read_sources",
    "read_stdin",
    "read_url",
    "read_warc",
    "sniff_kind",
]


def read_sources(sources: Iterable[str], options: Options | None = None) -> Iterator[Document | Failure]:
    """Read each source in turn: a file, a directory, "-" for standard input, or an http(s) URL.

    A source that cannot be read becomes a `Failure` (EW201), one over a limit of `options`
    (`max_document_bytes`, `max_line_bytes`, `max_archive_bytes`, `max_compression_ratio`)
    too (EW104), and an empty JSON Lines file or web archive (EW101); nothing here raises
    for bad input; sources are named printably (see `printable_source`). Content stays raw
    bytes: decoding and main-text extraction happen in `eventwire.extract.to_article`.

    Example:
        >>> [type(item).__name__ for item in read_sources(["tests/fixtures/"])]
        ['Document', 'Document', ...]
    """
    options = options or Options()
    for source in sources:
        if source == "-":
            yield from read_stdin(options=options)
        elif is_url(source):
            yield from read_url(printable_source(source), options=options)
        else:
            yield from read_path(Path(source), options)
